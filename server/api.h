#pragma once

// pultd's JSON API under /api/v1 (docs/api.md): the routes and their handlers, free of
// networking so that they read as what each endpoint does.

namespace Pult {

class Accounts;
class Router;

// Adds the API's routes to router; accounts must outlive it.
void addApiRoutes(Router &router, Accounts &accounts);

} // namespace Pult
