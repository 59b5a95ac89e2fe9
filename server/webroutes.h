#pragma once

// The customer pages' routes (docs/customer-pages.md): the contact form (GET and POST
// /form/{department}), a ticket's status page (GET and POST /t/{token}) with its attachments
// (GET /t/{token}/files/{hash}), and their stylesheet. Free of networking, like api.h.

#include "router.h"

#include <QByteArray>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string_view>

namespace Pult {

class ServerStore;

struct WebRoutesConfig
{
    // Signs the forms (Mailboxes::formKey()): a post must carry a form pultd showed.
    QByteArray formKey;
    // A form sent sooner after it was shown is a robot's.
    std::chrono::milliseconds minFillTime = std::chrono::seconds(3);
    // Called with the newest revision after a post stored changes (for push hints).
    std::function<void(std::int64_t)> revisionAdvanced;
    // The most bytes the files of one post may have together (ServerConfig::attachmentLimit).
    std::uint64_t attachmentLimit = 50 * 1024 * 1024;
};

// The most bytes of text fields one customer post carries beside its files: a multipart post's
// body may have attachmentLimit plus these.
inline constexpr std::uint64_t kCustomerPostTextBytes = 1024 * 1024;

// Whether a POST to this path may carry files as multipart/form-data: the contact form's
// (/form/{department}) and a status page's answer (/t/{token}). server.cpp spools such a body
// to a file (ApiRequest::bodyFile) instead of reading it into memory.
bool customerPostTakesFiles(std::string_view path);
// The page for such a post that pultd cannot take before reading it, in the browser's language:
// 413 (its files over attachmentLimit), 411 (no Content-Length), 503 (it could not be spooled).
ApiResponse customerPostRefused(int status, std::string_view acceptLanguage,
                                std::uint64_t attachmentLimit);

// Adds the routes; store must outlive the router.
void addCustomerRoutes(Router &router, ServerStore &store, WebRoutesConfig config);

} // namespace Pult
