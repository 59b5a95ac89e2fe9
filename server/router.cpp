#include "router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>

namespace Pult {
namespace {

// Long enough to recognise a mistyped path, short enough that an error answer stays small.
constexpr std::size_t kEchoedPathLimit = 200;

template<typename Methods> std::string allowedMethods(const Methods &handlers)
{
    std::string allow;
    bool hasGet = false;
    bool hasHead = false;
    for (const auto &[method, handler, execution] : handlers) {
        if (!allow.empty())
            allow += ", ";
        allow += method;
        hasGet = hasGet || method == "GET";
        hasHead = hasHead || method == "HEAD";
    }
    if (hasGet && !hasHead)
        allow += ", HEAD";
    return allow;
}

// Invalid UTF-8 (a client's path, say) becomes U+FFFD, so the answer stays valid JSON.
QString utf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Whether a request path fits a route path, where a segment "{name}" stands for any one
// non-empty segment ("/api/v1/tickets/{id}" fits "/api/v1/tickets/0190a5d4-...").
bool matches(std::string_view pattern, std::string_view path)
{
    while (!pattern.empty() && !path.empty()) {
        const std::size_t patternEnd = std::min(pattern.find('/', 1), pattern.size());
        const std::size_t pathEnd = std::min(path.find('/', 1), path.size());
        const std::string_view p = pattern.substr(0, patternEnd);
        const std::string_view s = path.substr(0, pathEnd);
        const bool parameter = p.size() > 3 && p[1] == '{' && p.back() == '}';
        if (parameter ? s.size() < 2 || s[0] != '/' : p != s)
            return false;
        pattern.remove_prefix(patternEnd);
        path.remove_prefix(pathEnd);
    }
    return pattern.empty() && path.empty();
}

} // namespace

std::string_view pathParameter(std::string_view path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
}

ApiResponse ApiResponse::json(int status, std::string body)
{
    ApiResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

ApiResponse ApiResponse::error(int status, std::string_view code, std::string_view message)
{
    const QJsonObject error{{QStringLiteral("code"), utf8(code)},
                            {QStringLiteral("message"), utf8(message)}};
    const QJsonObject body{{QStringLiteral("error"), error}};
    return json(status, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
}

std::pair<std::string_view, std::string_view> splitTarget(std::string_view target)
{
    const std::size_t question = target.find('?');
    if (question == std::string_view::npos)
        return {target, {}};
    return {target.substr(0, question), target.substr(question + 1)};
}

void Router::add(std::string method, std::string path, Handler handler, Execution execution)
{
    auto route = std::find_if(m_routes.begin(), m_routes.end(),
                              [&](const Route &r) { return r.path == path; });
    if (route == m_routes.end())
        route = m_routes.insert(m_routes.end(), Route{std::move(path), {}});
    route->handlers.push_back({std::move(method), std::move(handler), execution});
}

Router::Result Router::dispatch(const ApiRequest &request) const
{
    Match found = match(request);
    if (found.handler)
        return {(*found.handler)(request), found.route};
    return {std::move(found.response), found.route};
}

Router::Match Router::match(const ApiRequest &request) const
{
    const auto route = std::find_if(m_routes.begin(), m_routes.end(),
                                    [&](const Route &r) { return matches(r.path, request.path); });
    if (route == m_routes.end()) {
        std::string message = "no resource at ";
        message += request.path.substr(0, kEchoedPathLimit);
        return {nullptr, Execution::Inline, {}, ApiResponse::error(404, "not_found", message)};
    }

    const auto handlerFor = [&](std::string_view method) -> const Route::Method * {
        for (const Route::Method &m : route->handlers) {
            if (m.name == method)
                return &m;
        }
        return nullptr;
    };
    const Route::Method *handler = handlerFor(request.method);
    if (!handler && request.method == "HEAD")
        handler = handlerFor("GET");
    if (!handler) {
        const std::string allow = allowedMethods(route->handlers);
        ApiResponse response =
            ApiResponse::error(405, "method_not_allowed", route->path + " allows only " + allow);
        response.allow = allow;
        return {nullptr, Execution::Inline, route->path, std::move(response)};
    }
    return {&handler->handler, handler->execution, route->path, {}};
}

} // namespace Pult
