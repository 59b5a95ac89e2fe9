#pragma once

#include "serverconfig.h"

#include <cstdint>
#include <memory>
#include <string>

namespace Pult {

// Why the server could not start; good() when it did.
struct ServerStatus
{
    std::string error;

    bool good() const { return error.empty(); }
};

// pultd's HTTP/1.1 server: listens, serves the routes and the revision stream (a WebSocket on
// GET /api/v1/stream), stops gracefully.
//
//     Server server(config);
//     if (ServerStatus status = server.start(); !status.good()) { report status.error; }
//     server.run(); // returns after SIGTERM/SIGINT or stop(), once requests under way finished
//
// Networking stays in server.cpp: this header pulls in no Boost.
class Server
{
public:
    explicit Server(ServerConfig config);
    ~Server(); // must not run while run() does
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // Prepares the data directory, binds and listens. When it returns good(), connections are
    // queued by the system until run() serves them.
    [[nodiscard]] ServerStatus start();

    // Serves on config.threads threads (the caller's among them) until shutdown completes.
    void run();

    // Begins a graceful shutdown, as SIGTERM does. Safe from any thread, also before run().
    void stop();

    // The address actually bound, valid after a good start(): the real port when port 0 was asked.
    std::string listenAddress() const;
    std::uint16_t port() const;
    std::string url() const; // "http://127.0.0.1:8743", "https://[::1]:8743" with TLS

    // The newest published revision: the store's newest after start(), 0 before.
    std::int64_t revision() const;
    // Announces a committed revision to the clients of GET /api/v1/stream. Monotonic: a value not
    // above revision() is ignored. Safe from any thread, before, during and after run(); never
    // waits for clients (each keeps only the newest value to send, at most one message per 5 ms).
    void publishRevision(std::int64_t revision);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// "pultd/0.1.0": the Server header and the --version text.
std::string serverSoftware();

} // namespace Pult
