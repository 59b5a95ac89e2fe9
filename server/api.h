#pragma once

// pultd's JSON API under /api/v1 (docs/api.md): the routes and their handlers, free of
// networking so that they read as what each endpoint does.

#include "router.h"
#include "serverstore.h"

#include <cstdint>
#include <functional>
#include <string_view>

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

// An attachment's bytes as a download: streamed from DATA/attachments, with Range (206, 416),
// its name in Content-Disposition, active types sent as application/octet-stream, nosniff and
// "CSP: sandbox". For whoever was found allowed to read it (an agent, a status page).
ApiResponse attachmentFile(const ServerStore &store, std::string_view hash,
                           const ServerStore::AttachmentInfo &attachment,
                           std::string_view rangeHeader);

} // namespace Pult
