#include "api.h"

#include "accounts.h"
#include "attachmentfiles.h"
#include "contactexport.h"
#include "logrecord.h"
#include "mail/mailfetcher.h"
#include "router.h"
#include "serverstore.h"
#include "uploads.h"
#include "uuid.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrlQuery>

#include <filesystem>

#include <limits>
#include <variant>

namespace Pult {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ApiResponse error(const ApiError &e)
{
    ApiResponse response =
        ApiResponse::error(e.status, e.code.toStdString(), e.message.toStdString());
    response.retryAfterSeconds = e.retryAfterSeconds;
    return response;
}

ApiResponse json(int status, const QJsonObject &body)
{
    return ApiResponse::json(status,
                             QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
}

// The request body as a JSON object with only the given fields, or the error to answer.
std::variant<QJsonObject, ApiError> jsonBody(const ApiRequest &request,
                                             std::initializer_list<QLatin1String> fields)
{
    const QByteArray bytes(request.body.data(), qsizetype(request.body.size()));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return ApiError{400, QStringLiteral("invalid_utf8"),
                        QStringLiteral("the request body is not valid UTF-8")};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError{400, QStringLiteral("invalid_json"),
                        QStringLiteral("the request body is not JSON: %1 at offset %2")
                            .arg(parseError.errorString())
                            .arg(parseError.offset)};
    if (!document.isObject())
        return ApiError{400, QStringLiteral("invalid_json"),
                        QStringLiteral("the request body must be a JSON object")};
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(fields.begin(), fields.end(), it.key()) == fields.end())
            return ApiError{400, QStringLiteral("unknown_field"),
                            QStringLiteral("unknown field \"%1\"").arg(it.key())};
    }
    return object;
}

// A string field that must be there.
std::variant<QString, ApiError> stringField(const QJsonObject &object, QLatin1String name)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        return ApiError{400, QStringLiteral("invalid_field"),
                        QStringLiteral("\"%1\" must be a string").arg(name)};
    return value.toString();
}

QJsonObject agentJson(const AgentSession &session)
{
    QJsonArray departments;
    for (const Department &d : session.departments) {
        int tier = 1;
        for (const DepartmentMembership &m : session.agent.departments) {
            if (m.departmentId == d.id)
                tier = m.tier;
        }
        departments.append(QJsonObject{{QStringLiteral("id"), uuidToString(d.id)},
                                       {QStringLiteral("name"), d.name},
                                       {QStringLiteral("tier"), tier}});
    }
    return QJsonObject{{QStringLiteral("id"), uuidToString(session.agent.id)},
                       {QStringLiteral("email"), session.agent.email},
                       {QStringLiteral("name"), session.agent.name},
                       {QStringLiteral("role"), toString(session.agent.role)},
                       {QStringLiteral("departments"), departments}};
}

// Runs handler with the request's session, or answers 401.
template<typename Handler> Router::Handler authenticated(Accounts &accounts, Handler handler)
{
    return [&accounts, handler](const ApiRequest &request) {
        auto session = accounts.authenticate(request.authorization, nowMs());
        if (const ApiError *e = std::get_if<ApiError>(&session))
            return error(*e);
        return handler(request, std::get<AgentSession>(session));
    };
}

QJsonObject limitsJson(std::uint64_t attachmentLimit)
{
    return QJsonObject{{QStringLiteral("attachment_bytes"), qint64(attachmentLimit)}};
}

ApiResponse login(Accounts &accounts, const ApiRequest &request, std::uint64_t attachmentLimit)
{
    auto body = jsonBody(request, {QLatin1String("email"), QLatin1String("password")});
    if (const ApiError *e = std::get_if<ApiError>(&body))
        return error(*e);
    const QJsonObject &object = std::get<QJsonObject>(body);
    auto email = stringField(object, QLatin1String("email"));
    if (const ApiError *e = std::get_if<ApiError>(&email))
        return error(*e);
    auto password = stringField(object, QLatin1String("password"));
    if (const ApiError *e = std::get_if<ApiError>(&password))
        return error(*e);
    auto result =
        accounts.login(std::get<QString>(email), std::get<QString>(password),
                       QString::fromStdString(std::string(request.remoteAddress)), nowMs());
    if (const ApiError *e = std::get_if<ApiError>(&result))
        return error(*e);
    const Accounts::Login &signedIn = std::get<Accounts::Login>(result);
    return json(200, QJsonObject{{QStringLiteral("token"), signedIn.token},
                                 {QStringLiteral("expires"),
                                  QDateTime::fromMSecsSinceEpoch(signedIn.expiresMs, Qt::UTC)
                                      .toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("agent"), agentJson(signedIn.session)},
                                 {QStringLiteral("limits"), limitsJson(attachmentLimit)}});
}

ApiResponse storeError(const Status &status)
{
    return error(storeFailure(status));
}

// A whole-number query parameter within [lowest, highest], the fallback when absent.
std::variant<qint64, ApiError> queryNumber(const ApiRequest &request, const QString &name,
                                           qint64 fallback, qint64 lowest, qint64 highest)
{
    const QUrlQuery query(QString::fromUtf8(request.query.data(), qsizetype(request.query.size())));
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < lowest || value > highest)
        return ApiError{400, QStringLiteral("invalid_parameter"),
                        QStringLiteral("%1 must be a whole number from %2 to %3")
                            .arg(name)
                            .arg(lowest)
                            .arg(highest)};
    return value;
}

ApiResponse listAnswer(const QString &name, const Result<QJsonArray> &list)
{
    if (!list.good())
        return storeError(list.status());
    return json(200, QJsonObject{{name, *list}});
}

QUuid idParameter(const ApiRequest &request)
{
    const std::string_view id = pathParameter(request.path);
    return QUuid::fromString(QString::fromUtf8(id.data(), qsizetype(id.size())));
}

// The {id} of a route like "/api/v1/tickets/{id}/status-link": the segment before the last.
QUuid idBeforeLastSegment(const ApiRequest &request)
{
    const std::string_view id = pathParameter(request.path.substr(0, request.path.rfind('/')));
    return QUuid::fromString(QString::fromUtf8(id.data(), qsizetype(id.size())));
}

// 404 for an entity that does not exist or that the session may not see: the two are not told
// apart, so existence does not leak.
ApiResponse entityAnswer(const Result<std::optional<QJsonObject>> &entity, const QString &what,
                         const QUuid &id)
{
    if (!entity.good())
        return storeError(entity.status());
    if (!*entity)
        return error(
            {404, QStringLiteral("not_found"),
             QStringLiteral("no %1 %2 that you may see")
                 .arg(what, id.isNull() ? QStringLiteral("with that id") : uuidToString(id))});
    return json(200, **entity);
}

ApiResponse applyOps(ServerStore &store, const std::function<void(std::int64_t)> &advanced,
                     const ApiRequest &request, const AgentSession &session)
{
    auto body = jsonBody(request, {QLatin1String("ops")});
    if (const ApiError *e = std::get_if<ApiError>(&body))
        return error(*e);
    const QJsonValue ops = std::get<QJsonObject>(body).value(QLatin1String("ops"));
    if (!ops.isArray())
        return error({400, QStringLiteral("invalid_field"),
                      QStringLiteral("\"ops\" must be an array of operations")});
    if (ops.toArray().size() > ServerStore::kMaxOpsPerBatch)
        return error({400, QStringLiteral("too_many_ops"),
                      QStringLiteral("at most %1 operations per request")
                          .arg(ServerStore::kMaxOpsPerBatch)});
    auto results = store.apply(session, ops.toArray(), nowMs());
    if (!results.good())
        return storeError(results.status());
    auto revision = store.revision();
    if (!revision.good())
        return storeError(revision.status());
    if (advanced)
        advanced(*revision);
    return json(200, QJsonObject{{QStringLiteral("results"), *results},
                                 {QStringLiteral("revision"), *revision}});
}

ApiResponse changes(ServerStore &store, const ApiRequest &request, const AgentSession &session)
{
    const auto since =
        queryNumber(request, QStringLiteral("since"), 0, 0, std::numeric_limits<qint64>::max());
    if (const ApiError *e = std::get_if<ApiError>(&since))
        return error(*e);
    const auto limit =
        queryNumber(request, QStringLiteral("limit"), 500, 1, ServerStore::kMaxChangesPerPage);
    if (const ApiError *e = std::get_if<ApiError>(&limit))
        return error(*e);
    auto page = store.changes(session, std::get<qint64>(since), int(std::get<qint64>(limit)));
    if (!page.good())
        return storeError(page.status());
    return ApiResponse::json(200, std::move(*page));
}

// GET /api/v1/uploads/{hash}: complete (and claimed), or how much of this agent's upload the
// server holds.
ApiResponse uploadStatus(ServerStore &store, const ApiRequest &request, const AgentSession &session)
{
    const std::string_view hash = pathParameter(request.path);
    if (!AttachmentFiles::isValidHash(hash))
        return ApiResponse::error(400, "invalid_hash",
                                  "an upload is named by the SHA-256 of its content: 64 lowercase "
                                  "hex digits");
    const QString hashText = QString::fromLatin1(hash.data(), qsizetype(hash.size()));
    auto stored = store.claimStoredUpload(session, hashText, nowMs());
    if (!stored.good())
        return storeError(stored.status());
    if (*stored)
        return uploadComplete(hash, std::uint64_t(**stored));
    return uploadIncomplete(
        hash, AttachmentFiles::sizeOf(AttachmentFiles::partialPath(
                  store.attachmentDirectory(), uuidToString(session.agent.id), hash)));
}

// A type that a browser would render as active content (HTML, SVG, XML, scripts) is sent as
// bytes; so is anything that is not a plain "type/subtype".
std::string safeContentType(const QString &type)
{
    const QString t = type.trimmed().toLower();
    static const QRegularExpression plain(
        QStringLiteral("^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$"));
    if (!plain.match(t).hasMatch())
        return "application/octet-stream";
    const QString subtype = t.section(u'/', 1);
    if (t.contains(QLatin1String("html")) || t.contains(QLatin1String("xml")) ||
        t.contains(QLatin1String("script")) || t.contains(QLatin1String("svg")) ||
        t.contains(QLatin1String("xsl")) || subtype == u"x-shockwave-flash" ||
        t == u"multipart/x-mixed-replace" || t == u"text/cache-manifest" || t == u"text/vtt")
        return "application/octet-stream";
    return t.toStdString();
}

// Content-Disposition: attachment, with an ASCII fallback name and the UTF-8 name (RFC 6266).
std::string contentDisposition(const QString &name)
{
    std::string ascii;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        ascii +=
            (u >= 0x20 && u < 0x7f && u != '"' && u != '\\' && u != '/' && u != ';' && u != '%')
                ? char(u)
                : '_';
    }
    if (ascii.empty())
        ascii = "attachment";
    std::string encoded;
    for (const char byte : name.toUtf8()) {
        const auto b = static_cast<unsigned char>(byte);
        const bool attrChar =
            (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
            std::string_view("!#$&+-.^_`|~").find(char(b)) != std::string_view::npos;
        if (attrChar) {
            encoded += char(b);
        } else {
            constexpr const char *hex = "0123456789ABCDEF";
            encoded += '%';
            encoded += hex[b >> 4];
            encoded += hex[b & 15];
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// A single byte range of a Range header ("bytes=A-B", "bytes=A-", "bytes=-N") over `size`
// bytes: nullopt to ignore the header (absent, malformed, several ranges), {false} when
// unsatisfiable.
struct ByteRange
{
    bool satisfiable = true;
    std::uint64_t first = 0;
    std::uint64_t last = 0; // inclusive
};
std::optional<ByteRange> parseRange(std::string_view header, std::uint64_t size)
{
    constexpr std::string_view prefix = "bytes=";
    if (!header.starts_with(prefix))
        return std::nullopt;
    const std::string_view spec = header.substr(prefix.size());
    const std::size_t dash = spec.find('-');
    if (dash == std::string_view::npos || spec.find(',') != std::string_view::npos)
        return std::nullopt;
    const auto number = [](std::string_view text) -> std::optional<std::uint64_t> {
        if (text.empty() || text.size() > 19)
            return std::nullopt;
        std::uint64_t value = 0;
        for (const char c : text) {
            if (c < '0' || c > '9')
                return std::nullopt;
            value = value * 10 + std::uint64_t(c - '0');
        }
        return value;
    };
    const std::string_view from = spec.substr(0, dash);
    const std::string_view to = spec.substr(dash + 1);
    if (from.empty()) { // the last N bytes
        const auto n = number(to);
        if (!n)
            return std::nullopt;
        if (*n == 0 || size == 0)
            return ByteRange{false};
        return ByteRange{true, size - std::min(*n, size), size - 1};
    }
    const auto first = number(from);
    if (!first)
        return std::nullopt;
    std::optional<std::uint64_t> last =
        to.empty() ? std::optional<std::uint64_t>(UINT64_MAX) : number(to);
    if (!last || *last < *first)
        return std::nullopt;
    if (*first >= size)
        return ByteRange{false};
    return ByteRange{true, *first, std::min(*last, size - 1)};
}

// GET (and HEAD) /api/v1/attachments/{hash}: the file, streamed by the server.
ApiResponse download(ServerStore &store, const ApiRequest &request, const AgentSession &session)
{
    const std::string_view hash = pathParameter(request.path);
    const auto notFound = [] {
        return error({404, QStringLiteral("not_found"),
                      QStringLiteral("no attachment with that hash that you may see")});
    };
    if (!AttachmentFiles::isValidHash(hash))
        return notFound();
    auto attachment =
        store.attachment(session, QString::fromLatin1(hash.data(), qsizetype(hash.size())));
    if (!attachment.good())
        return storeError(attachment.status());
    if (!*attachment)
        return notFound();
    return attachmentFile(store, hash, **attachment, request.range);
}

} // namespace

ApiResponse attachmentFile(const ServerStore &store, std::string_view hash,
                           const ServerStore::AttachmentInfo &attachment,
                           std::string_view rangeHeader)
{
    const std::filesystem::path file = AttachmentFiles::filePath(store.attachmentDirectory(), hash);
    const std::uint64_t size = std::uint64_t(attachment.size);
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) != size || ec) {
        LogRecord(LogLevel::Error, "attachment_file_missing")
            .addString("path", file.string())
            .addString("error", ec ? ec.message() : std::string("wrong size"))
            .write();
        return ApiResponse::error(500, "internal_error",
                                  "the attachment's file is missing on the server (with several "
                                  "pultd on one database, each needs the same DATA/attachments)");
    }
    ApiResponse response;
    response.contentType = safeContentType(attachment.mimeType);
    response.headers = {{"Content-Disposition", contentDisposition(attachment.name)},
                        {"Content-Security-Policy", "sandbox"},
                        {"Accept-Ranges", "bytes"}};
    const std::optional<ByteRange> range = parseRange(rangeHeader, size);
    if (range && !range->satisfiable) {
        ApiResponse unsatisfiable = ApiResponse::error(
            416, "range_not_satisfiable",
            "the attachment has " + std::to_string(size) + " bytes; the range is beyond them");
        unsatisfiable.headers = {{"Content-Range", "bytes */" + std::to_string(size)},
                                 {"Accept-Ranges", "bytes"}};
        return unsatisfiable;
    }
    response.file = ApiResponse::FileBody{file.string(), 0, size};
    if (range) {
        response.status = 206;
        response.file->offset = range->first;
        response.file->length = range->last - range->first + 1;
        response.headers.emplace_back("Content-Range", "bytes " + std::to_string(range->first) +
                                                           "-" + std::to_string(range->last) + "/" +
                                                           std::to_string(size));
    }
    return response;
}

void addApiRoutes(Router &router, Accounts &accounts, ServerStore &store,
                  std::function<void(std::int64_t)> revisionAdvanced, std::uint64_t attachmentLimit,
                  MailService &mail)
{
    // Every API route runs once more when the store was unavailable (503): a lost database
    // connection is made again on its next use, so a PostgreSQL restart costs a request nothing.
    // Safe for each route: reads repeat; an op batch applies each op at most once, by its id; a
    // second login or logout does what the first would have done.
    const auto add = [&router](std::string method, std::string path, Router::Handler handler) {
        router.add(std::move(method), std::move(path),
                   [handler = std::move(handler)](const ApiRequest &request) {
                       ApiResponse response = handler(request);
                       return response.status == 503 ? handler(request) : response;
                   });
    };
    add("POST", "/api/v1/ops",
        authenticated(accounts, [&store, revisionAdvanced](const ApiRequest &request,
                                                           const AgentSession &session) {
            return applyOps(store, revisionAdvanced, request, session);
        }));
    add("GET", "/api/v1/changes",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            return changes(store, request, session);
        }));
    add("POST", "/api/v1/login", [&accounts, attachmentLimit](const ApiRequest &request) {
        return login(accounts, request, attachmentLimit);
    });
    add("GET", "/api/v1/limits",
        authenticated(accounts, [attachmentLimit](const ApiRequest &, const AgentSession &) {
            return json(200, limitsJson(attachmentLimit));
        }));
    // PUT is streamed by the server itself (uploads.h) and never reaches this handler; it is
    // registered so that the route is named alike for both methods and HEAD/405 work.
    add("GET", std::string(Upload::kRoute),
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            return uploadStatus(store, request, session);
        }));
    add("PUT", std::string(Upload::kRoute), [](const ApiRequest &) {
        return ApiResponse::error(500, "internal_error", "uploads are handled by the server");
    });
    add("POST", "/api/v1/logout", [&accounts](const ApiRequest &request) {
        if (!accounts.logout(request.authorization, nowMs()))
            return ApiResponse::error(401, "unauthenticated",
                                      "the token is not valid; there is nothing to sign out of");
        return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("signed_out")}});
    });
    add("GET", "/api/v1/me",
        authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
            auto availability = store.availability(session.agent.id, nowMs());
            if (!availability.good())
                return storeError(availability.status());
            QJsonObject me = agentJson(session);
            for (auto it = availability->begin(); it != availability->end(); ++it)
                me.insert(it.key(), it.value());
            return json(200, me);
        }));
    // Agents and leads see their departments; admins every department.
    add("GET", "/api/v1/departments",
        authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
            return listAnswer(QStringLiteral("departments"), store.departments(session));
        }));
    add("GET", "/api/v1/agents",
        authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
            return listAnswer(QStringLiteral("agents"), store.agents(session));
        }));
    add("GET", "/api/v1/canned-responses",
        authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
            return listAnswer(QStringLiteral("canned_responses"), store.cannedResponses(session));
        }));
    add("GET", "/api/v1/shared-filters",
        authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
            return listAnswer(QStringLiteral("shared_filters"), store.sharedFilters(session));
        }));
    add("GET", "/api/v1/rules",
        authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
            return listAnswer(QStringLiteral("rules"), store.rules(session));
        }));
    add("GET", "/api/v1/rules/{id}/test",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            const QUrlQuery query(
                QString::fromUtf8(request.query.data(), qsizetype(request.query.size())));
            const QUuid ticket = QUuid::fromString(query.queryItemValue(QStringLiteral("ticket")));
            if (ticket.isNull())
                return error({400, QStringLiteral("invalid_parameter"),
                              QStringLiteral("ticket must be a ticket's id")});
            const QUuid rule = idBeforeLastSegment(request);
            auto answer = store.testRule(session, rule, ticket, nowMs());
            if (!answer.good())
                return storeError(answer.status());
            if (!*answer)
                return error({404, QStringLiteral("not_found"),
                              QStringLiteral("no such rule or ticket that you may see")});
            return json(200, **answer);
        }));
    add("GET", "/api/v1/tickets/{id}",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            const QUuid id = idParameter(request);
            return entityAnswer(store.ticket(session, id), QStringLiteral("ticket"), id);
        }));
    // The ticket's status link, for an agent to hand the customer another way (a chat, the
    // phone); made when the ticket has none yet. Whoever may see the ticket may read it.
    add("GET", "/api/v1/tickets/{id}/status-link",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            auto link = store.statusLink(session, idBeforeLastSegment(request));
            if (!link.good())
                return storeError(link.status());
            if (!*link)
                return error({404, QStringLiteral("not_found"),
                              QStringLiteral("no ticket with that id that you may see")});
            return json(200, QJsonObject{{QStringLiteral("url"), **link}});
        }));
    add("GET", "/api/v1/contacts/{id}",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            const QUuid id = idParameter(request);
            return entityAnswer(store.contact(session, id), QStringLiteral("contact"), id);
        }));
    // Everything pultd holds about a contact, as the zip `pultd contact export` writes
    // (docs/privacy.md): admins only. The zip is written to DATA/attachments/partial, streamed
    // from there and removed once sent (the partial files' sweep takes any left by a lost answer).
    add("GET", "/api/v1/contacts/{id}/export",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            if (session.agent.role != Role::Admin)
                return ApiResponse::error(403, "forbidden", "only admins export a contact's data");
            const QUuid id = idBeforeLastSegment(request);
            auto found = store.exportContact(id);
            if (!found.good())
                return storeError(found.status());
            if (!*found)
                return ApiResponse::error(404, "not_found", "no contact with that id");
            const std::filesystem::path zip =
                AttachmentFiles::partialDirectory(store.attachmentDirectory()) /
                ("export-" + uuidToString(QUuid::createUuid()).toStdString() + ".zip");
            std::error_code ec;
            std::filesystem::create_directories(zip.parent_path(), ec);
            auto files = writeContactZip(**found, store.attachmentDirectory(), zip);
            if (!files.good())
                return storeError(files.status());
            const std::uint64_t size = std::filesystem::file_size(zip, ec);
            if (ec) {
                std::filesystem::remove(zip, ec);
                return storeError(Status(Status::IoError, QStringLiteral("the export vanished")));
            }
            LogRecord(LogLevel::Info, "contact_exported")
                .addString("agent", uuidToString(session.agent.id).toStdString())
                .addString("contact", uuidToString(id).toStdString())
                .addInteger("attachment_files", *files)
                .write();
            ApiResponse response;
            response.contentType = "application/zip";
            response.headers = {
                {"Content-Disposition",
                 contentDisposition(QStringLiteral("contact-%1.zip").arg(uuidToString(id)))}};
            response.file = ApiResponse::FileBody{zip.string(), 0, size, true};
            return response;
        }));
    // The department mailboxes and the mail they could not turn into tickets: admins only
    // (they manage mailboxes; docs/email.md).
    const auto adminOnly = [&accounts](auto handler) {
        return authenticated(
            accounts, [handler](const ApiRequest &request, const AgentSession &session) {
                if (session.agent.role != Role::Admin)
                    return ApiResponse::error(403, "forbidden",
                                              "only admins see the mailboxes and their quarantine");
                return handler(request);
            });
    };
    add("GET", "/api/v1/mailboxes", adminOnly([&mail, &store](const ApiRequest &) {
            auto mailboxes = store.mailboxSettings();
            if (!mailboxes.good())
                return storeError(mailboxes.status());
            return json(200, QJsonObject{{QStringLiteral("mailboxes"),
                                          mailboxesJson(*mailboxes, mail.statuses())}});
        }));
    add("GET", "/api/v1/quarantine", adminOnly([&mail](const ApiRequest &) {
            return listAnswer(QStringLiteral("quarantine"), mail.quarantineJson());
        }));
    add("GET", "/api/v1/quarantine/{id}", adminOnly([&store](const ApiRequest &request) {
            const QUuid id = idParameter(request);
            auto found = store.quarantinedMail(id);
            if (!found.good())
                return storeError(found.status());
            if (!*found)
                return ApiResponse::error(404, "not_found", "no such mail in quarantine");
            ApiResponse response;
            response.contentType = "message/rfc822";
            response.body = (*found)->raw.toStdString();
            response.headers = {
                {"Content-Disposition",
                 contentDisposition(QStringLiteral("quarantined-%1.eml").arg(uuidToString(id)))}};
            return response;
        }));
    // Processes the mail again (after pult-mailparse was fixed, say): a ticket or message now,
    // or 422 with the reason it still is not.
    add("POST", "/api/v1/quarantine/{id}", adminOnly([&mail](const ApiRequest &request) {
            auto done = mail.reprocess(idParameter(request));
            if (!done.good()) {
                const QString why = done.status().message();
                switch (done.status().code()) {
                case Status::NotFound:
                    return ApiResponse::error(404, "not_found", why.toStdString());
                case Status::Invalid:
                    return ApiResponse::error(422, "unprocessable_mail", why.toStdString());
                case Status::Busy:
                    return ApiResponse::error(409, "mailbox_unavailable", why.toStdString());
                default:
                    return storeError(done.status());
                }
            }
            static const char *const outcomes[] = {"created", "added", "bounce", "duplicate",
                                                   "ignored"};
            return json(
                200, QJsonObject{
                         {QStringLiteral("outcome"), QString::fromLatin1(outcomes[done->outcome])},
                         {QStringLiteral("ticket_id"),
                          done->ticketId.isNull() ? QJsonValue()
                                                  : QJsonValue(uuidToString(done->ticketId))},
                         {QStringLiteral("number"), done->number}});
        }));
    add("DELETE", "/api/v1/quarantine/{id}", adminOnly([&store](const ApiRequest &request) {
            Status s = store.discardQuarantined(idParameter(request));
            if (s.code() == Status::NotFound)
                return ApiResponse::error(404, "not_found", s.message().toStdString());
            if (!s.good())
                return storeError(s);
            return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("discarded")}});
        }));
    // The bytes of an attachment by content hash, scoped like its tickets; streamed from its file.
    add("GET", "/api/v1/attachments/{hash}",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            return download(store, request, session);
        }));
}

} // namespace Pult
