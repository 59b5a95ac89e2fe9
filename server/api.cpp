#include "api.h"

#include "accounts.h"
#include "router.h"
#include "serverstore.h"
#include "uuid.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QUrlQuery>

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

ApiResponse login(Accounts &accounts, const ApiRequest &request)
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
                                 {QStringLiteral("agent"), agentJson(signedIn.session)}});
}

ApiResponse storeError(const Status &status)
{
    return ApiResponse::error(500, "internal_error", status.message().toStdString());
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
    return json(200, *page);
}

} // namespace

void addApiRoutes(Router &router, Accounts &accounts, ServerStore &store,
                  std::function<void(std::int64_t)> revisionAdvanced)
{
    router.add("POST", "/api/v1/ops",
               authenticated(accounts, [&store, revisionAdvanced](const ApiRequest &request,
                                                                  const AgentSession &session) {
                   return applyOps(store, revisionAdvanced, request, session);
               }));
    router.add(
        "GET", "/api/v1/changes",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            return changes(store, request, session);
        }));
    router.add("POST", "/api/v1/login",
               [&accounts](const ApiRequest &request) { return login(accounts, request); });
    router.add("POST", "/api/v1/logout", [&accounts](const ApiRequest &request) {
        if (!accounts.logout(request.authorization, nowMs()))
            return ApiResponse::error(401, "unauthenticated",
                                      "the token is not valid; there is nothing to sign out of");
        return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("signed_out")}});
    });
    router.add("GET", "/api/v1/me",
               authenticated(accounts, [](const ApiRequest &, const AgentSession &session) {
                   return json(200, agentJson(session));
               }));
    // Agents and leads see their departments; admins every department.
    router.add("GET", "/api/v1/departments",
               authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
                   return listAnswer(QStringLiteral("departments"), store.departments(session));
               }));
    router.add("GET", "/api/v1/agents",
               authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
                   return listAnswer(QStringLiteral("agents"), store.agents(session));
               }));
    router.add("GET", "/api/v1/canned-responses",
               authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
                   return listAnswer(QStringLiteral("canned_responses"),
                                     store.cannedResponses(session));
               }));
    router.add("GET", "/api/v1/shared-filters",
               authenticated(accounts, [&store](const ApiRequest &, const AgentSession &session) {
                   return listAnswer(QStringLiteral("shared_filters"),
                                     store.sharedFilters(session));
               }));
    router.add(
        "GET", "/api/v1/tickets/{id}",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            const QUuid id = idParameter(request);
            return entityAnswer(store.ticket(session, id), QStringLiteral("ticket"), id);
        }));
    router.add(
        "GET", "/api/v1/contacts/{id}",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            const QUuid id = idParameter(request);
            return entityAnswer(store.contact(session, id), QStringLiteral("contact"), id);
        }));
    // The bytes of an attachment, with its type; by content hash, scoped like its tickets.
    router.add(
        "GET", "/api/v1/attachments/{hash}",
        authenticated(accounts, [&store](const ApiRequest &request, const AgentSession &session) {
            const std::string_view hash = pathParameter(request.path);
            auto attachment =
                store.attachment(session, QString::fromUtf8(hash.data(), qsizetype(hash.size())));
            if (!attachment.good())
                return storeError(attachment.status());
            if (!*attachment)
                return error({404, QStringLiteral("not_found"),
                              QStringLiteral("no attachment with that hash that you may see")});
            ApiResponse response;
            response.body = (*attachment)->content.toStdString();
            response.contentType = (*attachment)->mimeType.toStdString();
            return response;
        }));
}

} // namespace Pult
