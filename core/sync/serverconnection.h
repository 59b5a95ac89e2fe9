#pragma once

// A blocking JSON client for pultd's HTTP API (docs/api.md), for the sync engine's thread and
// for pultctl. Each call runs a local event loop until the answer or the timeout, so it must
// never be used on a UI thread. Errors are sorted by what the caller should do about them:
//   Unreachable      no connection, a timeout, a TLS failure or a 5xx: try again later;
//   Unauthenticated  401: the token is gone (expired, revoked): sign in again;
//   Invalid          another 4xx, with the server's message: a bug or bad input, do not retry.

#include "status.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

#include <memory>

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
    // A body that is not JSON (attachments).
    Result<QByteArray> getBytes(const QString &path);
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
