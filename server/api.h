#pragma once

// pultd's JSON API under /api/v1 (docs/api.md): the routes and their handlers, free of
// networking so that they read as what each endpoint does.

#include <QJsonArray>

#include <cstdint>
#include <functional>

namespace Pult {

class Accounts;
class Router;
class ServerStore;

// Adds the API's routes to router; accounts and store must outlive it. revisionAdvanced is
// called with the newest revision after every write that stored changes (for push hints).
// attachmentLimit is told to clients (login, GET /api/v1/limits). mailboxes gives the state of
// the department mailboxes for GET /api/v1/mailboxes (admins only).
void addApiRoutes(Router &router, Accounts &accounts, ServerStore &store,
                  std::function<void(std::int64_t)> revisionAdvanced, std::uint64_t attachmentLimit,
                  std::function<QJsonArray()> mailboxes);

} // namespace Pult
