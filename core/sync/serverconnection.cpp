#include "serverconnection.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Pult {

struct ServerConnection::Private
{
    QUrl server;
    QByteArray token;
    int timeoutMs = 20'000;
    QNetworkAccessManager manager;

    // A GET started by prefetch() and not yet collected.
    QString prefetchedPath;
    std::unique_ptr<QNetworkReply> prefetched;

    QString lastErrorCode;

    QNetworkRequest request(const QString &path) const;
    std::unique_ptr<QNetworkReply> start(const QByteArray &method, const QString &path,
                                         const QByteArray &body);
    Result<QByteArray> send(const QByteArray &method, const QString &path, const QByteArray &body);
    // Waits for reply, handing its body to sink as it arrives when one is given.
    Result<QByteArray> finish(QNetworkReply &reply, const ServerConnection::Sink &sink = {},
                              const ServerConnection::Progress &progress = {});
};

ServerConnection::ServerConnection(const QUrl &server, const QByteArray &token)
    : d(std::make_unique<Private>())
{
    d->server = server;
    d->token = token;
    // Connections are kept alive between calls; pultd speaks HTTP/1.1 only.
    d->manager.setAutoDeleteReplies(false);
}

ServerConnection::~ServerConnection() = default;

void ServerConnection::setToken(const QByteArray &token)
{
    d->token = token;
}

void ServerConnection::setTimeout(int milliseconds)
{
    d->timeoutMs = milliseconds;
}

QUrl ServerConnection::server() const
{
    return d->server;
}

QNetworkRequest ServerConnection::Private::request(const QString &path) const
{
    QUrl url = server;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return request;
}

std::unique_ptr<QNetworkReply> ServerConnection::Private::start(const QByteArray &method,
                                                                const QString &path,
                                                                const QByteArray &body)
{
    QNetworkRequest request = this->request(path);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    return std::unique_ptr<QNetworkReply>(manager.sendCustomRequest(request, method, body));
}

Result<QByteArray> ServerConnection::Private::send(const QByteArray &method, const QString &path,
                                                   const QByteArray &body)
{
    std::unique_ptr<QNetworkReply> reply;
    if (method == "GET" && prefetched && path == prefetchedPath)
        reply = std::move(prefetched);
    else
        reply = start(method, path, body); // a prefetch goes on meanwhile, on its own connection
    return finish(*reply);
}

Result<QByteArray> ServerConnection::Private::finish(QNetworkReply &reply,
                                                     const ServerConnection::Sink &sink,
                                                     const ServerConnection::Progress &progress)
{
    QEventLoop loop;
    QObject::connect(&reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    bool sinkFailed = false;
    const auto status = [&] {
        return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    if (sink) {
        // A successful body goes to the sink as it arrives, never whole into memory.
        reply.setReadBufferSize(1024 * 1024);
        QObject::connect(&reply, &QNetworkReply::readyRead, &loop, [&] {
            if (status() < 200 || status() >= 300 || sinkFailed)
                return;
            const QByteArray chunk = reply.readAll();
            if (!sink(chunk.constData(), chunk.size())) {
                sinkFailed = true;
                reply.abort();
            }
        });
        if (progress)
            QObject::connect(&reply, &QNetworkReply::downloadProgress, &loop, progress);
    } else if (progress) {
        // Qt may report (0, 0) once an upload is over, after its last real figure: passed on,
        // it would turn a finished transfer's progress back to nothing.
        QObject::connect(&reply, &QNetworkReply::uploadProgress, &loop,
                         [&progress](qint64 done, qint64 total) {
                             if (total > 0)
                                 progress(done, total);
                         });
    }
    if (!reply.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    lastErrorCode.clear();
    const int code = status();
    QByteArray answer = reply.readAll();
    if (sinkFailed)
        return Status(Status::IoError, QStringLiteral("cannot store what the server sent"));
    if (sink && code >= 200 && code < 300) {
        if (reply.error() != QNetworkReply::NoError)
            return Status(Status::Unreachable,
                          QStringLiteral("cannot reach %1: %2")
                              .arg(server.toDisplayString(), reply.errorString()));
        if (!answer.isEmpty() && !sink(answer.constData(), answer.size()))
            return Status(Status::IoError, QStringLiteral("cannot store what the server sent"));
        answer.clear();
    }
    if (code == 0 || code >= 500) {
        const QString why =
            code == 0 ? reply.errorString() : QStringLiteral("the server answered %1").arg(code);
        return Status(Status::Unreachable,
                      QStringLiteral("cannot reach %1: %2").arg(server.toDisplayString(), why));
    }
    if (code >= 200 && code < 300)
        return answer;
    const QJsonObject error =
        QJsonDocument::fromJson(answer).object().value(QLatin1String("error")).toObject();
    QString message = error.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = QStringLiteral("the server answered %1").arg(code);
    lastErrorCode = error.value(QLatin1String("code")).toString();
    if (code == 401)
        return Status(Status::Unauthenticated, message);
    if (code == 404)
        return Status(Status::NotFound, message);
    if (code == 408 || code == 429)
        return Status(Status::Unreachable, message);
    return Status(Status::Invalid, message);
}

namespace {
Result<QJsonObject> jsonObject(const Result<QByteArray> &answer)
{
    if (!answer.good())
        return answer.status();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*answer, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Status(Status::Invalid, QStringLiteral("the server's answer is not a JSON object"));
    return document.object();
}
} // namespace

Result<QJsonObject> ServerConnection::get(const QString &path)
{
    return jsonObject(getBytes(path));
}

Result<QJsonObject> ServerConnection::post(const QString &path, const QJsonObject &body)
{
    return jsonObject(d->send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

void ServerConnection::prefetch(const QString &path)
{
    d->prefetchedPath = path;
    d->prefetched = d->start("GET", path, QByteArray());
    // QNetworkAccessManager posts the start of a request to the reply and sends it from the
    // event loop; deliver that one call now, so the request leaves before the caller gets busy.
    QCoreApplication::sendPostedEvents(d->prefetched.get(), QEvent::MetaCall);
}

Result<QByteArray> ServerConnection::getBytes(const QString &path)
{
    return d->send("GET", path, QByteArray());
}

Status ServerConnection::download(const QString &path, const Sink &sink, const Progress &progress)
{
    std::unique_ptr<QNetworkReply> reply(d->manager.get(d->request(path)));
    auto answer = d->finish(*reply, sink, progress);
    return answer.good() ? Status() : answer.status();
}

Result<QJsonObject> ServerConnection::put(const QString &path, QIODevice &body, qint64 size,
                                          const Progress &progress)
{
    QNetworkRequest request = d->request(path);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/octet-stream"));
    request.setHeader(QNetworkRequest::ContentLengthHeader, size);
    std::unique_ptr<QNetworkReply> reply(d->manager.put(request, &body));
    return jsonObject(d->finish(*reply, {}, progress));
}

QString ServerConnection::lastErrorCode() const
{
    return d->lastErrorCode;
}

QUrl ServerConnection::streamUrl(const QUrl &server)
{
    QUrl url = server;
    url.setScheme(server.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/stream"));
    return url;
}

Result<QUrl> ServerConnection::parseServerUrl(const QString &text)
{
    QUrl url = QUrl::fromUserInput(text.trimmed());
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http" && url.scheme() != u"https"))
        return Status(Status::Invalid,
                      QStringLiteral("\"%1\" is not a server address; write it like "
                                     "http://127.0.0.1:8743 or https://pult.example.com")
                          .arg(text));
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace Pult
