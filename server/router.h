#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Pult {

// What a route handler sees of an HTTP request. Free of Beast types, so handlers and their
// tests need no networking headers. The views point into the request and live as long as it.
struct ApiRequest
{
    std::string_view method; // as sent; HTTP methods are case-sensitive ("GET", "POST", ...)
    std::string_view path;   // the request target up to '?'
    std::string_view query;  // after '?', without it
    std::string_view body;
    std::string_view authorization; // the Authorization header, empty when absent
    std::string_view remoteAddress; // the client's IP address, for rate limits
    std::string_view range = {};    // the Range header, empty when absent
    // For the customer pages (HTML): headers that choose the language and check a form's origin.
    std::string_view acceptLanguage = {};
    std::string_view contentType = {};
    std::string_view origin = {};
    std::string_view host = {};
    // A customer post with files (multipart/form-data, webroutes.h) is spooled to this file by
    // the server, which removes it after the answer; `body` is empty then.
    std::string_view bodyFile = {};
};

// A response, JSON unless contentType says otherwise (attachments). Errors all have the shape
// {"error":{"code":"...","message":"..."}}.
struct ApiResponse
{
    int status = 200;
    std::string body;          // JSON text, or bytes of contentType
    std::string allow;         // the Allow header, set on 405 answers
    int retryAfterSeconds = 0; // the Retry-After header, set on 429 answers
    std::string contentType = "application/json";
    // Further headers (Content-Disposition, Content-Range, ...).
    std::vector<std::pair<std::string, std::string>> headers;
    // When set, the body is these bytes of a file, streamed from disk by the server (never read
    // whole into memory); `body` is then empty.
    struct FileBody
    {
        std::string path;
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
        bool removeWhenSent = false; // a file made for this answer (an export): gone after it
    };
    std::optional<FileBody> file;

    static ApiResponse json(int status, std::string body);
    static ApiResponse error(int status, std::string_view code, std::string_view message);
};

// Splits a request target ("/path?query") into its path and its query.
std::pair<std::string_view, std::string_view> splitTarget(std::string_view target);

// The last segment of a path: the "{id}" of a route like "/api/v1/tickets/{id}".
std::string_view pathParameter(std::string_view path);

// Routes by path, then by method. A route path's segment "{name}" matches any one segment; the
// matched route (the pattern, never the raw path) is what logs and metrics name. Filled before the
// server starts and read-only after, so match() and dispatch() are safe to call from every thread
// at once.
//
// A handler runs where its Execution says: on the server's worker pool (the default: anything
// that reads the store, checks a password or may take long), or inline on the network thread
// that read the request (only handlers that never block, such as GET /healthz).
//
// HEAD is answered by the GET handler (the server sends the headers only); a path that exists
// without the request's method answers 405 with an Allow header; anything else is 404.
class Router
{
public:
    using Handler = std::function<ApiResponse(const ApiRequest &)>;
    enum class Execution { Worker, Inline };

    void add(std::string method, std::string path, Handler handler,
             Execution execution = Execution::Worker);

    // The handler for a request, or the answer without one (404, 405).
    struct Match
    {
        const Handler *handler = nullptr;
        Execution execution = Execution::Inline;
        std::string_view route; // the matched route's path; empty when no path matched
        ApiResponse response;   // when handler is null
    };
    Match match(const ApiRequest &request) const;

    struct Result
    {
        ApiResponse response;
        std::string_view route; // the matched route's path; empty when no path matched
    };
    // match() and the handler run at once, on the calling thread.
    Result dispatch(const ApiRequest &request) const;

private:
    struct Route
    {
        std::string path;
        struct Method
        {
            std::string name;
            Handler handler;
            Execution execution;
        };
        std::vector<Method> handlers;
    };

    std::vector<Route> m_routes;
};

} // namespace Pult
