#pragma once

// pultd's JSON API under /api/v1 (docs/api.md): the routes and their handlers, free of
// networking so that they read as what each endpoint does.

#include <cstdint>
#include <functional>

namespace Pult {

class Accounts;
class MailService;
class Router;
class ServerStore;

// Adds the API's routes to router; accounts and store must outlive it. revisionAdvanced is
// called with the newest revision after every write that stored changes (for push hints).
// attachmentLimit is told to clients (login, GET /api/v1/limits). mail (which must outlive the
// router too) answers the admins' mailbox and quarantine routes.
void addApiRoutes(Router &router, Accounts &accounts, ServerStore &store,
                  std::function<void(std::int64_t)> revisionAdvanced, std::uint64_t attachmentLimit,
                  MailService &mail);

} // namespace Pult
