#pragma once

// A blocking JSON client for pultd's HTTP API (docs/api.md), for the sync engine's thread and
// for pultctl. Each call runs a local event loop until the answer or the timeout, so it must
// never be used on a UI thread. Errors are sorted by what the caller should do about them:
//   Unreachable      no connection, a timeout, a TLS failure, a 5xx, 408 or 429: try again
//                    later;
//   Unauthenticated  401: the token is gone (expired, revoked): sign in again;
//   NotFound         404;
//   Invalid          another 4xx, with the server's message: refused for good, do not retry
//                    (lastErrorCode() gives the server's code).

#include "status.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

#include <functional>
#include <memory>

class QIODevice;

namespace Pult {

class ServerConnection
{
public:
    explicit ServerConnection(const QUrl &server, const QByteArray &token = {});
    ~ServerConnection();
    ServerConnection(const ServerConnection &) = delete;
    ServerConnection &operator=(const ServerConnection &) = delete;

    void setToken(const QByteArray &token);
    // How long a request may go without progress (default 20 s).
    void setTimeout(int milliseconds);
    QUrl server() const;

    // path with its query, e.g. "/api/v1/changes?since=4".
    Result<QJsonObject> get(const QString &path);
    Result<QJsonObject> post(const QString &path, const QJsonObject &body);
    // A body that is not JSON, whole.
    Result<QByteArray> getBytes(const QString &path);

    // Bytes so far and in all (-1 when unknown).
    using Progress = std::function<void(qint64 done, qint64 total)>;
    // Takes a piece of a body; false stops the transfer.
    using Sink = std::function<bool(const char *data, qint64 size)>;
    // GET path, its body handed to sink as it arrives (attachments: never whole in memory).
    Status download(const QString &path, const Sink &sink, const Progress &progress = {});
    // PUT path with size bytes read from body's current position as they are sent; the answer
    // is JSON.
    Result<QJsonObject> put(const QString &path, QIODevice &body, qint64 size,
                            const Progress &progress = {});
    // The server's error code ("payload_too_large", ...) of the last call that failed with an
    // answer; empty otherwise.
    QString lastErrorCode() const;
    // Starts GET path and returns at once; the next get(path) collects its answer, so the server
    // and the network work while the caller does (the pull applies a page meanwhile). Other
    // requests meanwhile go on other connections; a second prefetch drops the first.
    void prefetch(const QString &path);

    // "http://host:port" → "ws://host:port/api/v1/stream" (https → wss).
    static QUrl streamUrl(const QUrl &server);
    // Checks what a user typed as the server address: http or https, a host, nothing else.
    static Result<QUrl> parseServerUrl(const QString &text);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
