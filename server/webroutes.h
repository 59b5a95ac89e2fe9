#pragma once

// The customer pages' routes (docs/customer-pages.md): the contact form (GET and POST
// /form/{department}), a ticket's status page (GET and POST /t/{token}) with its attachments
// (GET /t/{token}/files/{hash}), and their stylesheet. Free of networking, like api.h.

#include <QByteArray>

#include <chrono>
#include <cstdint>
#include <functional>

namespace Pult {

class Router;
class ServerStore;

struct WebRoutesConfig
{
    // Signs the forms (Mailboxes::formKey()): a post must carry a form pultd showed.
    QByteArray formKey;
    // A form sent sooner after it was shown is a robot's.
    std::chrono::milliseconds minFillTime = std::chrono::seconds(3);
    // Called with the newest revision after a post stored changes (for push hints).
    std::function<void(std::int64_t)> revisionAdvanced;
};

// Adds the routes; store must outlive the router.
void addCustomerRoutes(Router &router, ServerStore &store, WebRoutesConfig config);

} // namespace Pult
