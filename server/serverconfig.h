#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>

namespace Pult {

// Everything pultd can be told at start. Plain values with production defaults; the server
// copies the struct and never reads it from another place.
struct ServerConfig
{
    static constexpr std::uint16_t kDefaultPort = 8743;

    std::string listenAddress = "127.0.0.1"; // an IP address: 127.0.0.1, 0.0.0.0, ::1, ::
    std::uint16_t port = kDefaultPort;       // 0 asks the system for a free port
    std::filesystem::path dataDirectory;     // created if missing; required
    // Empty: accounts and tickets in DATA/server.db (SQLite). Else a PostgreSQL URL
    // (postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE), which several pultd may share.
    std::string databaseUrl;

    std::uint64_t bodyLimit = 1024 * 1024; // bytes; larger bodies get 413
    std::uint32_t headerLimit = 16 * 1024; // request line and headers; larger get 431
    // The largest attachment (PUT /api/v1/uploads/{hash}); told to clients at login and by
    // GET /api/v1/limits.
    std::uint64_t attachmentLimit = 50 * 1024 * 1024;
    // Uploads no ticket references (upload claims, partial files, stored files) are removed
    // when they are older than this, at start and then every sweepInterval.
    std::chrono::milliseconds orphanUploadAge = std::chrono::hours(24);
    std::chrono::milliseconds sweepInterval = std::chrono::hours(1);

    // A connection that sends nothing for this long between requests (or never finishes a
    // request's headers) is closed.
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
    // Time to receive a request's body once its headers are in.
    std::chrono::milliseconds readTimeout = std::chrono::seconds(30);
    // Time to send one response.
    std::chrono::milliseconds writeTimeout = std::chrono::seconds(30);
    // On SIGTERM/SIGINT, requests under way get this long to finish before their connections
    // are closed.
    std::chrono::milliseconds shutdownTimeout = std::chrono::seconds(10);

    // Open connections beyond this get a 503 and are closed.
    std::size_t maxConnections = 512;
    // Threads running the event loop: network I/O only, never a store call or a password check.
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    // Threads running the route handlers (store reads and writes, password checks); at least
    // two, so that one slow request does not hold up every other.
    unsigned workers = std::max(2u, std::thread::hardware_concurrency());
    // Requests admitted to the workers (running or waiting for one) beyond this many get a 503
    // with Retry-After instead of a place in the queue.
    std::size_t maxQueuedRequests = 256;
    // Stop gracefully on SIGTERM and SIGINT (off for servers embedded in tests).
    bool handleSignals = true;

    // HTTPS and WSS instead of HTTP and WS on the same port when both are set: a PEM file with
    // the certificate (and any intermediates after it) and a PEM file with its private key.
    // Read once, by Server::start().
    std::filesystem::path tlsCertificate;
    std::filesystem::path tlsKey;

    // Where customers reach pultd ("https://help.example.com"), for the status links in mail;
    // empty: the address it listens on.
    std::string publicUrl;
    // The customer pages' forms (docs/customer-pages.md): one sent sooner after it was shown
    // is taken for a robot's.
    std::chrono::milliseconds formMinFillTime = std::chrono::seconds(3);

    bool tlsEnabled() const { return !tlsCertificate.empty() && !tlsKey.empty(); }
};

} // namespace Pult
