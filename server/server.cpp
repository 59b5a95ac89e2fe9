// pultd's HTTP/1.1 server on Boost.Asio and Boost.Beast with C++20 coroutines.
//
// Threads and ownership
// - One io_context, run by config.threads threads: the network threads. They only read and write
//   connections and never wait for anything else.
// - A thread pool of config.workers threads (`workers`) runs everything that may block: the route
//   handlers (store reads and writes, the deliberately slow password check), an upload's start
//   and finish, a stream's authentication, the orphan sweep. onWorkers() hands a job to the pool
//   and resumes the session's coroutine on its strand with the result. Requests admitted to the
//   pool are counted (`admitted`); beyond config.workers + config.maxQueuedRequests a request is
//   answered 503 with Retry-After at once instead of queued without bound. Only handlers added
//   as Router::Execution::Inline (GET /healthz) run on the network thread.
// - Each connection is one coroutine (serve) on its own strand. Its socket, buffer, parser and
//   the stream's timer are touched only on that strand: by the coroutine, and by the shutdown
//   requests posted to the strand.
// - The acceptor, the signal set and the shutdown timer live on the control strand.
// - m_sessions, guarded by m_mutex, holds every running session. m_stopping is set under the same
//   mutex, so a session is either registered before shutdown begins (and is then told to stop)
//   or never starts.
// - A WebSocket session (GET /api/v1/stream) stays the same Session, in the same table (so it
//   counts against maxConnections and shutdown waits for it), with its tcp_stream moved into a
//   websocket::stream. It runs two coroutines on its strand: serveStream writes, readStream reads.
//
// One request, step by step
// 1. Read the header within idleTimeout (the keep-alive wait and a slow header both count).
// 2. Read the body within readTimeout; the parser enforces headerLimit (431) while reading the
//    header, serve() then bodyLimit (413; the header is read without a body limit so that an
//    upload's Content-Length does not fail it); a malformed request gets 400. After any of these
//    the connection is closed, because the rest of the byte stream cannot be trusted: the answer is
//    sent, the sending side shut down and unread input drained for up to kLingerTimeout, so the
//    client reads the answer instead of a connection reset.
// 3. The router answers (exceptions from a handler become 500); the answer is written within
//    writeTimeout; one log record per request.
// Every asynchronous step sets a deadline first and checks its error_code; no exception leaves a
// coroutine except through co_spawn's completion handler, which logs it.
//
// Attachments (uploads.h, attachmentfiles.h)
// - PUT /api/v1/uploads/{hash} never reaches the router: after its header, serveUpload
//   authenticates it and asks Upload::begin whether to read the body; an early answer (401, 400,
//   409, 411, 413) is sent with "Connection: close" and the connection closed as after a 413.
//   Then the body's Content-Length bytes are read from the transport (after what the header
//   read left in the session's buffer) into a buffer of up to 1 MiB, each piece appended to the
//   partial file and hashed at once (readTimeout per piece), so neither the body nor a large part
//   of it is ever in memory, and a dropped connection keeps what arrived.
// - A download is an ApiResponse with `file` set: sendFile writes the header, then pread()s
//   pieces of up to 1 MiB into a buffer_body serializer (writeTimeout per piece).
// - The orphan sweep (ServerStore::sweepUploads) runs in start() and then every
//   config.sweepInterval on the control strand (sweepTimer, cancelled by shutdown).
//
// Shutdown (SIGTERM, SIGINT or stop())
// 1. Close the acceptor: new connections are refused.
// 2. Sessions waiting for a request with nothing received are cancelled; a session with a request
//    under way finishes it and answers with "Connection: close".
// 3. After shutdownTimeout (or a second signal) the remaining connections are closed.
// 4. When the last session ends, the signal wait and the timer are cancelled, the io_context runs
//    out of work and run() returns.
// WebSocket sessions are told to stop like the others: each sends a close frame with 1001 (going
// away) and ends when the client answers it; one that does not is closed in step 3.
//
// TLS (config.tlsCertificate and config.tlsKey set)
// - The same port speaks HTTPS and WSS only. A session is SessionOver<Transport>, Transport being
//   beast::tcp_stream or beast::ssl_stream<beast::tcp_stream>; serve and the coroutines it calls
//   are templates over it, so both run one code path. Timeouts stay on the TCP layer
//   (beast::get_lowest_layer), which the WebSocket, if any, wraps as well.
// - The TLS handshake comes first and gets readTimeout; a failed one is logged
//   (tls_handshake_failed: the peer and OpenSSL's reason) and the connection closed. A plain-HTTP
//   request to the port is such a failure: it gets no answer.
// - Closing politely sends close_notify and waits up to kTlsShutdownTimeout for the client's,
//   then closes as over plain TCP (FIN, and draining where the plain path drains).
// - TLS 1.2 and 1.3 only, server-preferred ECDHE AEAD ciphers (kTls12Ciphers; TLS 1.3's suites
//   are OpenSSL's defaults). The key and certificate are read once, by start().
//
// The revision stream
// - `revision` is an atomic that only grows (publishRevision). A stream session keeps only the
//   revision it sent last; its writer compares that with the atomic, so a slow client never has
//   more than one message to catch up on, whatever was published meanwhile.
// - publishRevision wakes every stream session's writer by cancelling its `wake` timer on its
//   strand (at most one wake-up posted per session at a time). The writer sends the newest value
//   at once if its last message is 5 ms old (kStreamInterval), otherwise when it is.
//
// Metrics (GET /metrics, metrics.h)
// - Every request that is logged is counted, in logRequest: by route (never the raw path),
//   method and status, with its duration. The ops route's answers are counted by their results
//   in respond(). The gauges are read when /metrics is scraped: the session tables' sizes under
//   `mutex`, the published revision. The route is an ordinary GET route; sendResponse gives its
//   answer the exposition format's content type.

#include "server.h"

#include "accounts.h"
#include "api.h"
#include "logrecord.h"
#include "mail/mailfetcher.h"
#include "mail/mailparser.h"
#include "mail/outbox.h"
#include "mailboxes.h"
#include "metrics.h"
#include "multipart.h"
#include "revisionlistener.h"
#include "router.h"
#include "serverstore.h"
#include "uploads.h"
#include "uuid.h"
#include "webroutes.h"

#include <QFileInfo>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

#include <fcntl.h>
#include <openssl/ssl.h>
#include <unistd.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace Pult {

std::string serverSoftware()
{
    return "pultd/" PULT_VERSION;
}

namespace Internal {
namespace {

// How long a connection that is being closed keeps reading (and discarding) what the client
// still sends, so that the client reads our answer instead of a reset.
constexpr auto kLingerTimeout = 2s;
// A connection over the limit gets this long for its 503 and its lingering close.
constexpr auto kRejectTimeout = 1s;
// After a failed accept (e.g. out of file descriptors) wait this long before the next one.
constexpr auto kAcceptRetryDelay = 100ms;
// The revision stream: its path, the least time between two messages to one client, and the
// largest message a client may send (clients have nothing to say; larger ones are closed, 1009).
constexpr std::string_view kStreamPath = "/api/v1/stream";
constexpr auto kStreamInterval = 5ms;
constexpr std::size_t kStreamMessageLimit = 4096;
// A request body is read in pieces of up to this many bytes; between requests a connection's
// read buffer shrinks back to at most kIdleBufferBytes.
constexpr std::uint64_t kBodyReadChunk = 64 * 1024;
constexpr std::size_t kIdleBufferBytes = 4096;
// The route whose answers are counted by their op results (pultd_ops_total).
constexpr std::string_view kOpsPath = "/api/v1/ops";

using Clock = std::chrono::steady_clock;
using RequestParser = http::request_parser<http::string_body>;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
// The two transports a session can have; see "TLS" at the top.
using PlainTransport = beast::tcp_stream;
using TlsTransport = beast::ssl_stream<beast::tcp_stream>;
template<typename Transport> constexpr bool kIsTls = std::is_same_v<Transport, TlsTransport>;

// How long closing a TLS connection waits for the client's close_notify.
constexpr auto kTlsShutdownTimeout = 1s;
// TLS 1.2's ciphers, in the server's order of preference: forward secrecy and AEAD only.
constexpr const char *kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

const auto kAwaitable = asio::use_awaitable;

std::string endpointText(const tcp::endpoint &endpoint)
{
    const asio::ip::address address = endpoint.address();
    std::string text = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return text + ":" + std::to_string(endpoint.port());
}

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A connection's failure: who, and why ("timeout", or the error's message: never a payload).
void logPeerFailure(std::string_view event, const std::string &peer, const beast::error_code &ec)
{
    LogRecord(LogLevel::Info, event)
        .addString("peer", peer)
        .addString("error", ec == beast::error::timeout ? std::string("timeout") : ec.message())
        .write();
}

std::string describeException(const std::exception_ptr &exception)
{
    try {
        std::rethrow_exception(exception);
    } catch (const std::exception &e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

// A completion handler for co_spawn: the one place where an exception from a coroutine lands.
auto logFailure(std::string_view event)
{
    return [event](std::exception_ptr exception) {
        if (exception) {
            LogRecord(LogLevel::Error, event)
                .addString("error", describeException(exception))
                .write();
        }
    };
}

Response makeResponse(int status, std::string body, unsigned version, bool keepAlive)
{
    Response response;
    response.result(static_cast<unsigned>(status));
    response.version(version);
    response.set(http::field::server, serverSoftware());
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.keep_alive(keepAlive);
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

ApiResponse errorResponse(const ApiError &e)
{
    ApiResponse response =
        ApiResponse::error(e.status, e.code.toStdString(), e.message.toStdString());
    response.retryAfterSeconds = e.retryAfterSeconds;
    return response;
}

bool isStreamUpgrade(const Request &request)
{
    return websocket::is_upgrade(request) && splitTarget(request.target()).first == kStreamPath;
}

// A request that failed before any handler saw it, and the answer it gets.
struct RequestFailure
{
    int status;
    std::string_view code;
    std::string message;
};

// nullopt: no answer, just close (the client went away, a deadline passed, shutdown).
std::optional<RequestFailure> classifyReadError(const beast::error_code &ec,
                                                const ServerConfig &config)
{
    if (ec == http::error::body_limit) {
        return RequestFailure{413, "payload_too_large",
                              "the request body is larger than the limit of " +
                                  std::to_string(config.bodyLimit) + " bytes"};
    }
    if (ec == http::error::header_limit) {
        return RequestFailure{431, "headers_too_large",
                              "the request line and headers are larger than the limit of " +
                                  std::to_string(config.headerLimit) + " bytes"};
    }
    if (ec == http::error::end_of_stream || ec == http::error::partial_message)
        return std::nullopt;
    if (ec.category() == beast::error_code(http::error::bad_method).category())
        return RequestFailure{400, "bad_request", "malformed HTTP request: " + ec.message()};
    return std::nullopt;
}

// TLS only: sends close_notify and waits (briefly) for the client's.
asio::awaitable<void> shutdownTls(TlsTransport &stream)
{
    beast::error_code ec;
    beast::get_lowest_layer(stream).expires_after(kTlsShutdownTimeout);
    co_await stream.async_shutdown(asio::redirect_error(kAwaitable, ec));
}

// Ends the connection politely: close_notify over TLS, then FIN, then close.
template<typename Transport> asio::awaitable<void> closeTransport(Transport &transport)
{
    if constexpr (kIsTls<Transport>)
        co_await shutdownTls(transport);
    beast::tcp_stream &stream = beast::get_lowest_layer(transport);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
}

// Sends FIN (after close_notify over TLS), then reads and discards until the client closes or
// `budget` has passed.
template<typename Transport>
asio::awaitable<void> lingeringClose(Transport &transport, std::chrono::milliseconds budget)
{
    if constexpr (kIsTls<Transport>)
        co_await shutdownTls(transport);
    beast::tcp_stream &stream = beast::get_lowest_layer(transport);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec)
        co_return;
    stream.expires_after(budget);
    std::array<char, 16 * 1024> discard;
    for (;;) {
        co_await stream.async_read_some(asio::buffer(discard),
                                        asio::redirect_error(kAwaitable, ec));
        if (ec)
            break;
    }
    stream.close();
}

// One accepted connection, whatever its transport (SessionOver below). Only its strand
// (`executor`) touches the mutable members.
struct Session
{
    Session(beast::tcp_stream::executor_type strand, std::uint64_t sessionId,
            const tcp::endpoint &remote)
        : executor(std::move(strand))
        , id(sessionId)
        , peer(endpointText(remote))
        , address(remote.address().to_string())
        , wake(executor)
    {}
    virtual ~Session() = default;
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // The TCP connection under the transport, also after it became a WebSocket: for timeouts,
    // cancelling and closing.
    virtual beast::tcp_stream &connection() = 0;

    // True while nothing of a next request has arrived: shutdown may close the connection at once.
    bool idle()
    {
        if (upgraded || !awaitingRequest || buffer.size() != 0 || (parser && parser->got_some()))
            return false;
        beast::error_code ec;
        const std::size_t pending = connection().socket().available(ec); // received, not yet read
        return !ec && pending == 0;
    }

    const beast::tcp_stream::executor_type executor; // the strand; fixed for the session's life
    const std::uint64_t id;
    const std::string peer;    // "address:port", for the log
    const std::string address; // the IP address alone, for login rate limits
    beast::flat_buffer buffer;
    const RequestParser *parser = nullptr; // the request being read, while it is read
    bool awaitingRequest = true;
    bool stopRequested = false;

    // The revision stream, after the upgrade (`upgraded`; the WebSocket is SessionOver::ws). The
    // writer (serveStream) sleeps on `wake`, which publishRevision, shutdown and the end of the
    // reader cancel.
    bool upgraded = false;
    asio::steady_timer wake;
    std::atomic<bool> wakePosted = false; // a wake-up is posted and has not run yet
    bool readerDone = false;
    beast::error_code readError; // why readStream ended
};

// A session over a PlainTransport or a TlsTransport.
template<typename Transport> struct SessionOver final : Session
{
    using WebSocket = websocket::stream<Transport>;

    SessionOver(Transport transport, std::uint64_t sessionId, const tcp::endpoint &remote)
        : Session(transport.get_executor(), sessionId, remote)
        , stream(std::move(transport))
    {}

    beast::tcp_stream &connection() override
    {
        return ws ? beast::get_lowest_layer(*ws) : beast::get_lowest_layer(stream);
    }

    Transport stream; // moved into ws by the upgrade; use connection() for the TCP layer
    std::unique_ptr<WebSocket> ws;
};

} // namespace
} // namespace Internal

using namespace Internal;

struct Server::Private
{
    explicit Private(ServerConfig c)
        : config(std::move(c))
        , ioc(static_cast<int>(std::max(1u, config.threads)))
        , workers(std::max(1u, config.workers))
        , control(asio::make_strand(ioc))
        , acceptor(control)
        , acceptRetryTimer(control)
        , signals(control)
        , shutdownTimer(control)
    {
        // Inline: it must answer while every worker is busy.
        router.add(
            "GET", "/healthz",
            [](const ApiRequest &) { return ApiResponse::json(200, R"({"status":"ok"})"); },
            Router::Execution::Inline);
        // No authentication: for a scraper on the same host; it reveals counts, never secrets.
        router.add("GET", std::string(Metrics::kPath), [this](const ApiRequest &) {
            ApiResponse response = ApiResponse::json(200, metrics.render(metricsGauges()));
            response.contentType = std::string(Metrics::kContentType);
            return response;
        });
    }

    ServerStatus prepareDataDirectory() const;
    ServerStatus loadTls();
    ServerStatus listen();

    asio::awaitable<void> acceptLoop();
    void startSession(tcp::socket socket);
    template<typename Transport>
    void startSessionOver(Transport transport, const tcp::endpoint &remote);
    template<typename Transport>
    asio::awaitable<void> serve(std::shared_ptr<SessionOver<Transport>> session);
    asio::awaitable<bool> handshake(SessionOver<TlsTransport> &session);
    template<typename Transport>
    asio::awaitable<bool> respond(SessionOver<Transport> &session, const Request &request,
                                  Clock::time_point started, std::string_view bodyFile = {});
    // Runs f() on the worker pool and resumes on the calling coroutine's strand with its result.
    // Bounded: nullopt, without running f, when the pool has its fill of requests (the caller
    // answers overloaded()). Unbounded jobs (an upload's finish, whose body was read already) are
    // always run.
    enum class Admission { Bounded, Always };
    template<typename F>
    asio::awaitable<std::optional<std::invoke_result_t<F &>>> onWorkers(F f, Admission admission);
    ApiResponse overloaded();
    template<typename Transport>
    asio::awaitable<bool> sendResponse(SessionOver<Transport> &session, const Request &request,
                                       ApiResponse &apiResponse, std::string_view route,
                                       Clock::time_point started);
    // PUT /api/v1/uploads/{hash}: authenticated from the header, the body streamed to disk.
    template<typename Transport>
    asio::awaitable<bool> serveUpload(SessionOver<Transport> &session, RequestParser &parser,
                                      Clock::time_point started);
    // A customer's post with files (webroutes.h): the body spooled to a file, then routed.
    template<typename Transport>
    asio::awaitable<bool> serveSpooled(SessionOver<Transport> &session, RequestParser &parser,
                                       Clock::time_point started);
    // Reads the body's `length` bytes after the header in pieces of up to 1 MiB, each handed to
    // `sink` as it arrives; readTimeout applies to each piece. Answers "100-continue" first. A
    // sink's failure is kept in `written` while the rest is read. The transport's error.
    template<typename Transport>
    asio::awaitable<beast::error_code>
    readBody(SessionOver<Transport> &session, const Request &head, std::uint64_t length,
             const std::function<Status(const char *, std::size_t)> &sink, Status &written);
    // Sends an answer that is given before the request's body was read, then closes.
    template<typename Transport>
    asio::awaitable<void> answerEarly(SessionOver<Transport> &session, Request &head,
                                      ApiResponse &response, std::string_view route,
                                      Clock::time_point started);
    template<typename Transport>
    asio::awaitable<bool> sendFile(SessionOver<Transport> &session, Response &response,
                                   const ApiResponse::FileBody &file, bool headOnly);
    // Removes old unreferenced uploads, now and then every config.sweepInterval.
    void sweepUploads();
    void scheduleSweep();
    // Time triggers (ServerStore::nextTimer, runTimers): ruleTimer, on the control strand, is
    // set to the next rule timer's moment, at most a minute ahead (so that timers another pultd
    // on the same database armed are seen within a minute); the rules run on the workers. A
    // commit that arms an earlier timer moves it sooner (onTimersArmed).
    void armRuleTimer(std::int64_t dueMs); // control strand
    // Writes when agents were last seen (Accounts::flushPresence), every kPresenceFlushMs.
    void schedulePresenceFlush();
    void findNextRuleTimer(); // workers
    void runRuleTimers();     // workers
    template<typename Transport>
    asio::awaitable<void> answerFailure(SessionOver<Transport> &session,
                                        const RequestFailure &failure, const RequestParser &parser,
                                        Clock::time_point started);
    template<typename Transport> asio::awaitable<void> reject(Transport transport);
    void sessionEnded(std::uint64_t id);

    // The revision stream (GET /api/v1/stream).
    void addStreamRoute();
    // The agent of an upgrade request, or the error to answer instead.
    std::variant<AgentSession, ApiResponse> authenticateStream(const Request &request);
    template<typename Transport>
    asio::awaitable<void> serveStream(std::shared_ptr<SessionOver<Transport>> session,
                                      const Request &request, const AgentSession &agent,
                                      Clock::time_point started);
    template<typename Transport>
    asio::awaitable<void> readStream(std::shared_ptr<SessionOver<Transport>> session);
    static void wakeStream(const std::shared_ptr<Session> &session);
    // Any thread. Raises `revision` to `value` if that is higher, and wakes the stream writers.
    void publishRevision(std::int64_t value);
    // publishRevision as a plain function, for code that commits writes (the API routes) and
    // must not know the Server: call it with the newest committed revision, from any thread.
    // Valid while this Private lives, i.e. as long as the Server.
    std::function<void(std::int64_t)> revisionPublisher()
    {
        return [this](std::int64_t value) { publishRevision(value); };
    }

    void waitForSignal();
    void beginShutdown(std::string_view reason); // control strand
    void closeAllSessions(std::string_view reason);
    void finishShutdown(); // control strand

    std::vector<std::shared_ptr<Session>> openSessions();
    MetricsGauges metricsGauges();
    void logRequest(const Session &session, std::string_view method, std::string_view route,
                    int status, Clock::time_point started, const beast::error_code &writeError);

    const ServerConfig config;
    Metrics metrics;
    Router router;
    std::unique_ptr<Accounts> accounts; // opened by start(), before the API routes are added
    std::unique_ptr<ServerStore> store; // likewise
    // Sends the mail replies queue (stopped by shutdown, run() and ~Server before the members
    // its thread uses are gone).
    std::unique_ptr<MailOutbox> outbox;

    // Set by start() when TLS is configured; shared by every session, read only.
    std::unique_ptr<asio::ssl::context> tls;

    // Declared first among the I/O members so that it is destroyed last.
    asio::io_context ioc;
    // Declared after ioc (whose strands its jobs resume on) and the stores (which its jobs use),
    // so that it is joined before either is destroyed.
    asio::thread_pool workers;
    std::atomic<std::size_t> admitted = 0; // requests on the workers, running or waiting
    asio::strand<asio::io_context::executor_type> control;
    tcp::acceptor acceptor;
    asio::steady_timer acceptRetryTimer;
    asio::signal_set signals;
    asio::steady_timer shutdownTimer;
    tcp::endpoint localEndpoint;
    bool started = false;
    asio::steady_timer sweepTimer{control};
    asio::steady_timer ruleTimer{control};
    asio::steady_timer presenceTimer{control};
    std::int64_t ruleTimerDueMs = 0; // control strand: when ruleTimer fires; 0: not set

    // Control strand only.
    bool shutdownBegun = false;
    bool shutdownFinished = false;

    std::mutex mutex; // guards sessions, nextSessionId and the writes of stopping
    std::unordered_map<std::uint64_t, std::shared_ptr<Session>> sessions;
    std::uint64_t nextSessionId = 1;
    std::atomic<bool> stopping = false;
    std::atomic<std::size_t> rejecting = 0; // connections being turned away with a 503

    std::atomic<std::int64_t> revision = 0; // only grows; see publishRevision
    // The sessions that are WebSockets now, to wake on a new revision; guarded by `mutex`.
    std::unordered_map<std::uint64_t, std::shared_ptr<Session>> streams;
    // On PostgreSQL: wakes the streams when another process commits. Declared last, so that its
    // thread stops before the rest is destroyed.
    std::unique_ptr<RevisionListener> revisionListener;
    // The department mailboxes' fetcher threads (mail/mailfetcher.h); stopped after the network
    // threads, before the store they write to is closed.
    std::unique_ptr<MailService> mail;
};

ServerStatus Server::Private::prepareDataDirectory() const
{
    namespace fs = std::filesystem;
    const fs::path &dir = config.dataDirectory;
    if (dir.empty())
        return {"no data directory given"};
    const std::string quoted = "'" + dir.string() + "'";
    std::error_code ec;
    const fs::file_status status = fs::status(dir, ec);
    if (fs::exists(status) && !fs::is_directory(status))
        return {"data directory " + quoted + " exists but is not a directory"};
    if (!fs::exists(status)) {
        fs::create_directories(dir, ec);
        if (ec)
            return {"cannot create data directory " + quoted + ": " + ec.message()};
    }
    if (::access(dir.c_str(), R_OK | W_OK | X_OK) != 0)
        return {"data directory " + quoted +
                " is not writable: " + std::generic_category().message(errno)};
    return {};
}

ServerStatus Server::Private::loadTls()
{
    if (config.tlsCertificate.empty() && config.tlsKey.empty())
        return {};
    if (config.tlsCertificate.empty() || config.tlsKey.empty())
        return {"TLS needs both a certificate and a private key"};
    namespace fs = std::filesystem;
    const std::string certificate = "'" + config.tlsCertificate.string() + "'";
    const std::string key = "'" + config.tlsKey.string() + "'";
    for (const auto &[what, path] : {std::pair{"certificate", &config.tlsCertificate},
                                     std::pair{"private key", &config.tlsKey}}) {
        std::error_code ec;
        const std::string quoted = "'" + path->string() + "'";
        if (fs::is_directory(*path, ec))
            return {std::string("cannot read the TLS ") + what + " " + quoted + ": a directory"};
        if (::access(path->c_str(), R_OK) != 0)
            return {std::string("cannot read the TLS ") + what + " " + quoted + ": " +
                    std::generic_category().message(errno)};
    }

    namespace ssl = asio::ssl;
    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    beast::error_code ec;
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                             ssl::context::no_tlsv1_1 | ssl::context::single_dh_use |
                             ssl::context::no_compression,
                         ec);
    SSL_CTX *native = context->native_handle();
    if (ec || SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
        return {"cannot set up TLS: " + (ec ? ec.message()
                                            : std::string("OpenSSL refused the "
                                                          "protocol settings"))};
    }
    SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
    // An encrypted key would make OpenSSL ask for its passphrase on the terminal: refuse it.
    context->set_password_callback(
        [](std::size_t, ssl::context::password_purpose) { return std::string(); }, ec);
    context->use_certificate_chain_file(config.tlsCertificate.string(), ec);
    if (ec)
        return {"cannot load the TLS certificate " + certificate +
                " (PEM expected): " + ec.message()};
    context->use_private_key_file(config.tlsKey.string(), ssl::context::pem, ec);
    if (ec)
        return {"cannot load the TLS private key " + key +
                " (an unencrypted PEM key expected): " + ec.message()};
    if (SSL_CTX_check_private_key(native) != 1)
        return {"the TLS private key " + key + " does not belong to the certificate " +
                certificate};
    tls = std::move(context);
    return {};
}

ServerStatus Server::Private::listen()
{
    beast::error_code ec;
    const asio::ip::address address = asio::ip::make_address(config.listenAddress, ec);
    if (ec) {
        return {"invalid listen address '" + config.listenAddress +
                "': expected an IP address such as 127.0.0.1, 0.0.0.0 or ::1"};
    }
    const tcp::endpoint endpoint(address, config.port);
    const auto failed = [&](const beast::error_code &error) {
        beast::error_code ignored;
        acceptor.close(ignored);
        return ServerStatus{"cannot listen on " + endpointText(endpoint) + ": " + error.message()};
    };
    if (acceptor.open(endpoint.protocol(), ec); ec)
        return failed(ec);
    if (acceptor.set_option(asio::socket_base::reuse_address(true), ec); ec)
        return failed(ec);
    if (acceptor.bind(endpoint, ec); ec)
        return failed(ec);
    if (acceptor.listen(asio::socket_base::max_listen_connections, ec); ec)
        return failed(ec);
    localEndpoint = acceptor.local_endpoint(ec);
    if (ec)
        return failed(ec);
    return {};
}

asio::awaitable<void> Server::Private::acceptLoop()
{
    for (;;) {
        tcp::socket socket(asio::make_strand(ioc));
        beast::error_code ec;
        co_await acceptor.async_accept(socket, asio::redirect_error(kAwaitable, ec));
        if (!acceptor.is_open() || ec == asio::error::operation_aborted)
            co_return; // shutdown closed the acceptor
        if (ec) {
            LogRecord(LogLevel::Warning, "accept_failed").addString("error", ec.message()).write();
            acceptRetryTimer.expires_after(kAcceptRetryDelay);
            co_await acceptRetryTimer.async_wait(asio::redirect_error(kAwaitable, ec));
            if (!acceptor.is_open())
                co_return;
            continue;
        }
        startSession(std::move(socket));
    }
}

void Server::Private::startSession(tcp::socket socket)
{
    beast::error_code ec;
    const tcp::endpoint remote = socket.remote_endpoint(ec);
    if (ec)
        return; // already gone; the socket closes here
    if (tls)
        startSessionOver(TlsTransport(std::move(socket), *tls), remote);
    else
        startSessionOver(PlainTransport(std::move(socket)), remote);
}

template<typename Transport>
void Server::Private::startSessionOver(Transport transport, const tcp::endpoint &remote)
{
    std::shared_ptr<SessionOver<Transport>> session;
    const std::size_t limit = config.maxConnections;
    {
        const std::lock_guard lock(mutex);
        if (stopping)
            return;
        if (sessions.size() < limit) {
            session = std::make_shared<SessionOver<Transport>>(std::move(transport),
                                                               nextSessionId++, remote);
            sessions.emplace(session->id, session);
        }
    }
    if (!session) {
        LogRecord(LogLevel::Warning, "connection_rejected")
            .addString("reason", "max_connections")
            .addInteger("max_connections", static_cast<std::int64_t>(limit))
            .addString("peer", endpointText(remote))
            .write();
        // Turning connections away must not cost more than serving them: beyond another `limit`
        // rejections under way, close without an answer.
        if (rejecting.fetch_add(1) < limit) {
            const auto executor = transport.get_executor();
            asio::co_spawn(executor, reject(std::move(transport)),
                           [this](std::exception_ptr exception) {
                               --rejecting;
                               logFailure("reject_failed")(exception);
                           });
        } else {
            --rejecting;
        }
        return;
    }
    asio::co_spawn(session->executor, serve(session),
                   [this, id = session->id](std::exception_ptr exception) {
                       logFailure("session_failed")(exception);
                       sessionEnded(id);
                   });
}

void Server::Private::sessionEnded(std::uint64_t id)
{
    bool lastOne = false;
    {
        const std::lock_guard lock(mutex);
        sessions.erase(id);
        lastOne = stopping && sessions.empty();
    }
    if (lastOne)
        asio::post(control, [this] { finishShutdown(); });
}

// TLS only: the handshake, within readTimeout. False when it failed (logged) or was cancelled.
asio::awaitable<bool> Server::Private::handshake(SessionOver<TlsTransport> &s)
{
    beast::error_code ec;
    s.connection().expires_after(config.readTimeout);
    co_await s.stream.async_handshake(asio::ssl::stream_base::server,
                                      asio::redirect_error(kAwaitable, ec));
    if (!ec)
        co_return true;
    if (!s.stopRequested) { // not cancelled by shutdown
        // OpenSSL's reason ("wrong version number", "http request", ...): never key material.
        logPeerFailure("tls_handshake_failed", s.peer, ec);
    }
    s.connection().close();
    co_return false;
}

template<typename Transport>
asio::awaitable<void> Server::Private::serve(std::shared_ptr<SessionOver<Transport>> session)
{
    SessionOver<Transport> &s = *session;
    if constexpr (kIsTls<Transport>) {
        if (!co_await handshake(s))
            co_return;
    }
    for (;;) {
        if (s.stopRequested && s.buffer.size() == 0) { // shutdown arrived between two requests
            if constexpr (kIsTls<Transport>)
                co_await closeTransport(s.stream);
            co_return;
        }

        RequestParser parser;
        // Checked once the header is in, see below. (Not boost::none: Boost 1.74 compares a
        // Content-Length with an empty limit as over it.)
        parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        parser.header_limit(config.headerLimit);
        s.parser = &parser;
        s.awaitingRequest = true;

        beast::error_code ec;
        s.connection().expires_after(config.idleTimeout);
        co_await http::async_read_header(s.stream, s.buffer, parser,
                                         asio::redirect_error(kAwaitable, ec));
        s.awaitingRequest = false;
        const Clock::time_point started = Clock::now();

        if (!ec && Upload::matches(splitTarget(parser.get().target()).first) &&
            parser.get().method() == http::verb::put) {
            s.parser = nullptr;
            if (!co_await serveUpload(s, parser, started))
                co_return; // closed
            continue;
        }
        if (!ec && parser.get().method() == http::verb::post &&
            customerPostTakesFiles(splitTarget(parser.get().target()).first) &&
            Multipart::boundaryOf(parser.get()[http::field::content_type])) {
            s.parser = nullptr;
            if (!co_await serveSpooled(s, parser, started))
                co_return; // closed
            continue;
        }
        // Only uploads and customers' posts with files may exceed bodyLimit; the header was read
        // without a limit so that their length did not fail it.
        if (!ec && parser.content_length() && *parser.content_length() > config.bodyLimit)
            ec = http::error::body_limit;
        parser.body_limit(config.bodyLimit);
        if (!ec && !parser.is_done()) {
            const Request &head = parser.get();
            if (head.version() >= 11 && beast::iequals(head[http::field::expect], "100-continue")) {
                http::response<http::empty_body> proceed(http::status::continue_, head.version());
                s.connection().expires_after(config.writeTimeout);
                co_await http::async_write(s.stream, proceed, asio::redirect_error(kAwaitable, ec));
            }
            if (!ec) {
                // Beast reads as much as the buffer holds, and an empty flat_buffer holds 512
                // bytes: a batch of ops would take a hundred reads. Room for the body (up to
                // kBodyReadChunk) makes it a few; the room is given back after the request.
                if (const auto length = parser.content_length())
                    s.buffer.reserve(std::size_t(std::min<std::uint64_t>(*length, kBodyReadChunk)));
                s.connection().expires_after(config.readTimeout);
                co_await http::async_read(s.stream, s.buffer, parser,
                                          asio::redirect_error(kAwaitable, ec));
            }
        }
        s.parser = nullptr;
        if (s.buffer.size() == 0 && s.buffer.capacity() > kIdleBufferBytes)
            s.buffer.shrink_to_fit(); // an idle connection keeps no body-sized buffer

        if (ec) {
            if (const std::optional<RequestFailure> failure = classifyReadError(ec, config)) {
                co_await answerFailure(s, *failure, parser, started);
            } else if (ec == beast::error::timeout && parser.got_some()) {
                LogRecord(LogLevel::Info, "request_timeout").addString("peer", s.peer).write();
            }
            co_return;
        }

        const Request &request = parser.get();
        bool keepAlive = false;
        if (isStreamUpgrade(request)) {
            std::optional<std::variant<AgentSession, ApiResponse>> authenticated =
                co_await onWorkers([&] { return authenticateStream(request); }, Admission::Bounded);
            std::variant<AgentSession, ApiResponse> auth =
                authenticated ? std::move(*authenticated) : overloaded();
            if (const AgentSession *agent = std::get_if<AgentSession>(&auth)) {
                co_await serveStream(session, request, *agent, started);
                co_return;
            }
            keepAlive = co_await sendResponse(s, request, std::get<ApiResponse>(auth), kStreamPath,
                                              started);
        } else {
            keepAlive = co_await respond(s, request, started);
        }
        if (!keepAlive) {
            co_await closeTransport(s.stream);
            co_return;
        }
    }
}

template<typename Transport>
asio::awaitable<bool> Server::Private::respond(SessionOver<Transport> &s, const Request &request,
                                               Clock::time_point started, std::string_view bodyFile)
{
    const auto [path, query] = splitTarget(request.target());
    const ApiRequest apiRequest{request.method_string(),
                                path,
                                query,
                                request.body(),
                                request[http::field::authorization],
                                s.address,
                                request[http::field::range],
                                request[http::field::accept_language],
                                request[http::field::content_type],
                                request[http::field::origin],
                                request[http::field::host],
                                bodyFile};
    Router::Match match = router.match(apiRequest);
    Router::Result result{std::move(match.response), match.route};
    if (match.handler) {
        const auto run = [&handler = *match.handler, &apiRequest] {
            try {
                return handler(apiRequest);
            } catch (...) {
                LogRecord(LogLevel::Error, "handler_failed")
                    .addString("method", apiRequest.method)
                    .addString("error", describeException(std::current_exception()))
                    .write();
                return ApiResponse::error(500, "internal_error",
                                          "the server failed to handle the request");
            }
        };
        if (match.execution == Router::Execution::Inline) {
            result.response = run();
        } else {
            std::optional<ApiResponse> answer = co_await onWorkers(run, Admission::Bounded);
            result.response = answer ? std::move(*answer) : overloaded();
        }
    }
    if (result.route == kOpsPath && request.method() == http::verb::post &&
        result.response.status == 200) {
        metrics.countOpResults(result.response.body);
    }
    const bool keepAlive =
        co_await sendResponse(s, request, result.response, result.route, started);
    co_return keepAlive;
}

template<typename F>
asio::awaitable<std::optional<std::invoke_result_t<F &>>>
Server::Private::onWorkers(F f, Admission admission)
{
    using Value = std::invoke_result_t<F &>;
    const std::size_t limit = std::size_t(std::max(1u, config.workers)) + config.maxQueuedRequests;
    if (admitted.fetch_add(1) >= limit && admission == Admission::Bounded) {
        --admitted;
        co_return std::nullopt;
    }
    Value value = co_await asio::co_spawn(
        workers,
        [this, f = std::move(f)]() mutable -> asio::awaitable<Value> {
            struct Release
            {
                std::atomic<std::size_t> &count;
                ~Release() { --count; }
            } release{admitted};
            co_return f();
        },
        kAwaitable);
    co_return std::optional<Value>(std::move(value));
}

ApiResponse Server::Private::overloaded()
{
    metrics.countOverloaded();
    ApiResponse response =
        ApiResponse::error(503, "overloaded", "the server is busy; retry in a second");
    response.retryAfterSeconds = 1;
    return response;
}

// Writes the answer to `request`; true when the connection stays open for the next request.
template<typename Transport>
asio::awaitable<bool>
Server::Private::sendResponse(SessionOver<Transport> &s, const Request &request,
                              ApiResponse &apiResponse, std::string_view route,
                              Clock::time_point started)
{
    const bool keepAlive = request.keep_alive() && !s.stopRequested && !stopping;
    Response response =
        makeResponse(apiResponse.status, std::move(apiResponse.body), request.version(), keepAlive);
    response.set(http::field::content_type, apiResponse.contentType);
    if (!apiResponse.allow.empty())
        response.set(http::field::allow, apiResponse.allow);
    if (apiResponse.retryAfterSeconds > 0)
        response.set(http::field::retry_after, std::to_string(apiResponse.retryAfterSeconds));
    if (apiResponse.status == 426) { // only the stream route answers it: a GET without upgrade
        response.set(http::field::upgrade, "websocket");
        const std::string connection(response[http::field::connection]);
        response.set(http::field::connection,
                     connection.empty() ? "upgrade" : connection + ", upgrade");
    }
    for (const auto &[name, value] : apiResponse.headers)
        response.set(name, value);
    if (apiResponse.file) {
        const bool delivered =
            co_await sendFile(s, response, *apiResponse.file, request.method() == http::verb::head);
        if (apiResponse.file->removeWhenSent)
            ::unlink(apiResponse.file->path.c_str());
        logRequest(s, request.method_string(), route, apiResponse.status, started,
                   delivered ? beast::error_code() : beast::error_code(asio::error::broken_pipe));
        co_return delivered &&keepAlive;
    }
    if (request.method() == http::verb::head)
        response.body().clear(); // Content-Length stays that of the GET answer

    beast::error_code ec;
    s.connection().expires_after(config.writeTimeout);
    co_await http::async_write(s.stream, response, asio::redirect_error(kAwaitable, ec));
    logRequest(s, request.method_string(), route, apiResponse.status, started, ec);
    co_return !ec && keepAlive;
}

// The header of `head` (a Response with an empty body), then file's bytes in chunks of a fixed
// buffer: an attachment is never read whole into memory. writeTimeout applies to each chunk.
template<typename Transport>
asio::awaitable<bool> Server::Private::sendFile(SessionOver<Transport> &s, Response &head,
                                                const ApiResponse::FileBody &file, bool headOnly)
{
    const int fd = headOnly ? -1 : ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (!headOnly && fd < 0)
        co_return false;
    struct FileCloser
    {
        int fd;
        ~FileCloser()
        {
            if (fd >= 0)
                ::close(fd);
        }
    } closer{fd};

    http::response<http::buffer_body> response(head.base());
    response.content_length(file.length);
    response.body().data = nullptr;
    response.body().more = !headOnly && file.length > 0;
    http::response_serializer<http::buffer_body> serializer(response);
    beast::error_code ec;
    s.connection().expires_after(config.writeTimeout);
    co_await http::async_write_header(s.stream, serializer, asio::redirect_error(kAwaitable, ec));
    if (ec)
        co_return false;
    if (headOnly || file.length == 0)
        co_return true;
    std::vector<char> buffer(std::size_t(std::min<std::uint64_t>(file.length, 1024 * 1024)));
    std::uint64_t offset = file.offset;
    std::uint64_t remaining = file.length;
    while (remaining > 0) {
        const ssize_t n =
            ::pread(fd, buffer.data(),
                    std::size_t(std::min<std::uint64_t>(buffer.size(), remaining)), off_t(offset));
        if (n <= 0)
            co_return false; // the answer cannot be completed: the connection is closed
        offset += std::uint64_t(n);
        remaining -= std::uint64_t(n);
        response.body().data = buffer.data();
        response.body().size = std::size_t(n);
        response.body().more = remaining > 0;
        s.connection().expires_after(config.writeTimeout);
        co_await http::async_write(s.stream, serializer, asio::redirect_error(kAwaitable, ec));
        if (ec == http::error::need_buffer)
            ec = {};
        if (ec)
            co_return false;
    }
    if (!serializer.is_done()) {
        response.body().data = nullptr;
        response.body().more = false;
        co_await http::async_write(s.stream, serializer, asio::redirect_error(kAwaitable, ec));
        if (ec)
            co_return false;
    }
    co_return true;
}

template<typename Transport>
asio::awaitable<void> Server::Private::answerEarly(SessionOver<Transport> &s, Request &head,
                                                   ApiResponse &apiResponse, std::string_view route,
                                                   Clock::time_point started)
{
    head.keep_alive(false);
    Response response =
        makeResponse(apiResponse.status, std::move(apiResponse.body), head.version(), false);
    response.set(http::field::content_type, apiResponse.contentType);
    for (const auto &[name, value] : apiResponse.headers)
        response.set(name, value);
    beast::error_code ec;
    s.connection().expires_after(config.writeTimeout);
    co_await http::async_write(s.stream, response, asio::redirect_error(kAwaitable, ec));
    logRequest(s, head.method_string(), route, apiResponse.status, started, ec);
    if (!ec)
        co_await lingeringClose(s.stream, kLingerTimeout);
    else
        s.connection().close();
}

template<typename Transport>
asio::awaitable<bool> Server::Private::serveUpload(SessionOver<Transport> &s, RequestParser &parser,
                                                   Clock::time_point started)
{
    Request head; // the header alone, for the answer and the log
    head.base() = parser.get().base();
    const auto [path, query] = splitTarget(head.target());
    std::optional<std::uint64_t> length;
    if (parser.content_length())
        length = *parser.content_length();
    else if (!parser.chunked() && parser.is_done())
        length = 0; // neither Content-Length nor chunked: no body at all
    using Begun = std::variant<std::unique_ptr<Upload>, ApiResponse>;
    std::optional<Begun> begun = co_await onWorkers(
        [&]() -> Begun {
            try {
                auto auth = accounts->authenticate(head[http::field::authorization], nowMs());
                if (const ApiError *e = std::get_if<ApiError>(&auth))
                    return errorResponse(*e);
                return Upload::begin(*store, std::get<AgentSession>(auth),
                                     Upload::Request{path, query, length}, config.attachmentLimit);
            } catch (...) {
                LogRecord(LogLevel::Error, "handler_failed")
                    .addString("method", head.method_string())
                    .addString("error", describeException(std::current_exception()))
                    .write();
                return ApiResponse::error(500, "internal_error",
                                          "the server failed to handle the request");
            }
        },
        Admission::Bounded);
    std::unique_ptr<Upload> upload;
    std::optional<ApiResponse> early; // the answer without reading the body
    if (!begun)
        early = overloaded();
    else if (ApiResponse *answer = std::get_if<ApiResponse>(&*begun))
        early = std::move(*answer);
    else
        upload = std::move(std::get<std::unique_ptr<Upload>>(*begun));
    if (early) {
        co_await answerEarly(s, head, *early, Upload::kRoute, started);
        co_return false;
    }

    // The body (Content-Length bytes: begin() refused anything else), each piece written to the
    // partial file as it arrives: what arrived is on disk at once, should the connection or
    // pultd die.
    Status written;
    const beast::error_code ec = co_await readBody(
        s, head, parser.content_length().value_or(0),
        [&](const char *data, std::size_t size) { return upload->write(data, size); }, written);
    if (ec) { // what arrived is kept in the partial file: the client resumes from there
        logPeerFailure("upload_interrupted", s.peer, ec);
        s.connection().close();
        co_return false;
    }
    ApiResponse response;
    if (written.good())
        response =
            std::move(*co_await onWorkers([&] { return upload->finish(); }, Admission::Always));
    else
        response = ApiResponse::error(500, "internal_error", written.message().toStdString());
    upload.reset(); // closes the partial file (and its lock) before the client may send the next
    co_return co_await sendResponse(s, head, response, Upload::kRoute, started);
}

template<typename Transport>
asio::awaitable<beast::error_code>
Server::Private::readBody(SessionOver<Transport> &s, const Request &head, std::uint64_t length,
                          const std::function<Status(const char *, std::size_t)> &sink,
                          Status &written)
{
    beast::error_code ec;
    if (head.version() >= 11 && beast::iequals(head[http::field::expect], "100-continue")) {
        http::response<http::empty_body> proceed(http::status::continue_, head.version());
        s.connection().expires_after(config.writeTimeout);
        co_await http::async_write(s.stream, proceed, asio::redirect_error(kAwaitable, ec));
        if (ec)
            co_return ec;
    }
    // What the header read already buffered goes first; the rest is read from the transport
    // straight into the buffer, not through the parser (whose reads are 64 KiB at most: on a
    // virtual machine the syscalls per read, not the bytes, cost the time).
    std::uint64_t remaining = length;
    const std::size_t buffered = std::size_t(std::min<std::uint64_t>(remaining, s.buffer.size()));
    if (buffered > 0) {
        const auto data = s.buffer.data();
        written = sink(static_cast<const char *>(data.data()), buffered);
        s.buffer.consume(buffered);
        remaining -= buffered;
    }
    std::vector<char> buffer(std::size_t(std::min<std::uint64_t>(remaining, 1024 * 1024)));
    while (remaining > 0) {
        s.connection().expires_after(config.readTimeout);
        const std::size_t received = co_await s.stream.async_read_some(
            asio::buffer(buffer.data(),
                         std::size_t(std::min<std::uint64_t>(remaining, buffer.size()))),
            asio::redirect_error(kAwaitable, ec));
        if (received > 0 && written.good())
            written = sink(buffer.data(), received);
        remaining -= received;
        if (ec)
            break;
    }
    co_return ec;
}

template<typename Transport>
asio::awaitable<bool> Server::Private::serveSpooled(SessionOver<Transport> &s,
                                                    RequestParser &parser,
                                                    Clock::time_point started)
{
    Request head; // the header alone: the body goes to the spool file
    head.base() = parser.get().base();
    const std::string_view route = splitTarget(head.target()).first.substr(0, 3) == "/t/"
                                       ? std::string_view("/t/{token}")
                                       : std::string_view("/form/{department}");
    const std::uint64_t limit = config.attachmentLimit + kCustomerPostTextBytes;
    if (!parser.content_length() || *parser.content_length() > limit) {
        ApiResponse early =
            customerPostRefused(parser.content_length() ? 413 : 411,
                                head[http::field::accept_language], config.attachmentLimit);
        co_await answerEarly(s, head, early, route, started);
        co_return false;
    }
    // DATA/attachments/partial/spool-UUID, removed when the answer was given (the partial files'
    // sweep takes one a killed pultd left).
    const std::filesystem::path spool =
        AttachmentFiles::partialDirectory(store->attachmentDirectory()) /
        ("spool-" + uuidToString(QUuid::createUuid()).toStdString());
    std::error_code made;
    std::filesystem::create_directories(spool.parent_path(), made);
    const int fd = ::open(spool.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    struct SpoolFile
    {
        int fd;
        const std::filesystem::path &path;
        ~SpoolFile()
        {
            if (fd >= 0)
                ::close(fd);
            ::unlink(path.c_str());
        }
    } spoolFile{fd, spool};
    Status written = fd >= 0 ? Status() : Status(Status::IoError, QStringLiteral("cannot spool"));
    const beast::error_code ec = co_await readBody(
        s, head, *parser.content_length(),
        [fd](const char *data, std::size_t size) {
            while (size > 0) {
                const ssize_t n = ::write(fd, data, size);
                if (n <= 0)
                    return Status(Status::IoError,
                                  QStringLiteral("cannot spool a post: %1")
                                      .arg(QString::fromLocal8Bit(std::strerror(errno))));
                data += n;
                size -= std::size_t(n);
            }
            return Status();
        },
        written);
    if (ec) {
        logPeerFailure("request_interrupted", s.peer, ec);
        s.connection().close();
        co_return false;
    }
    if (!written.good()) { // a full disk: the store's "try again" page
        LogRecord(LogLevel::Error, "spool_failed")
            .addString("error", written.message().toStdString())
            .write();
        ApiResponse unavailable =
            customerPostRefused(503, head[http::field::accept_language], config.attachmentLimit);
        co_return co_await sendResponse(s, head, unavailable, route, started);
    }
    co_return co_await respond(s, head, started, spool.string());
}

// GET /api/v1/stream without "Upgrade: websocket": 401 as every API route, else 426 (the
// upgrade itself never reaches the router; serve() takes it).
void Server::Private::addStreamRoute()
{
    router.add("GET", std::string(kStreamPath), [this](const ApiRequest &request) {
        auto auth = accounts->authenticate(request.authorization, nowMs());
        if (const ApiError *e = std::get_if<ApiError>(&auth))
            return errorResponse(*e);
        return ApiResponse::error(426, "upgrade_required",
                                  "GET /api/v1/stream is a WebSocket: send Connection: Upgrade "
                                  "and Upgrade: websocket");
    });
}

std::variant<AgentSession, ApiResponse> Server::Private::authenticateStream(const Request &request)
{
    try {
        auto auth = accounts->authenticate(request[http::field::authorization], nowMs());
        if (AgentSession *agent = std::get_if<AgentSession>(&auth))
            return std::move(*agent);
        return errorResponse(std::get<ApiError>(auth));
    } catch (...) {
        LogRecord(LogLevel::Error, "handler_failed")
            .addString("method", request.method_string())
            .addString("error", describeException(std::current_exception()))
            .write();
        return ApiResponse::error(500, "internal_error", "the server failed to handle the request");
    }
}

// The WebSocket after its upgrade request was authenticated: accepts it, sends the revision at
// once and after every advance (coalesced, see the top of the file), closes with 1001 on
// shutdown. Reading runs alongside in readStream; the session ends when both have ended.
template<typename Transport>
asio::awaitable<void> Server::Private::serveStream(std::shared_ptr<SessionOver<Transport>> session,
                                                   const Request &request,
                                                   const AgentSession &agent,
                                                   Clock::time_point started)
{
    using WebSocket = typename SessionOver<Transport>::WebSocket;
    SessionOver<Transport> &s = *session;
    s.connection().expires_never(); // the WebSocket has its own timeouts
    s.ws = std::make_unique<WebSocket>(std::move(s.stream));
    s.upgraded = true;
    WebSocket &ws = *s.ws;
    // 30 s for the handshakes; a client silent for 150 s gets a ping, and is closed 150 s later
    // if it still has sent nothing (not even the pong).
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws.set_option(websocket::stream_base::decorator([](websocket::response_type &response) {
        response.set(http::field::server, serverSoftware());
    }));
    ws.read_message_max(kStreamMessageLimit);

    beast::error_code ec;
    co_await ws.async_accept(request, asio::redirect_error(kAwaitable, ec));
    if (ec) { // Beast answered a bad handshake with 400 itself
        logRequest(s, request.method_string(), kStreamPath, 400, started, {});
        co_return;
    }
    logRequest(s, request.method_string(), kStreamPath, 101, started, {});

    const std::string agentId = uuidToString(agent.agent.id).toStdString();
    {
        const std::lock_guard lock(mutex);
        streams.emplace(s.id, session);
    }
    LogRecord(LogLevel::Info, "stream_opened")
        .addString("agent_id", agentId)
        .addString("peer", s.peer)
        .write();
    const Clock::time_point opened = Clock::now();
    asio::co_spawn(s.executor, readStream(session), logFailure("stream_read_failed"));

    std::int64_t sent = -1; // below every revision: the first message goes at once
    std::int64_t messages = 0;
    Clock::time_point nextSend = Clock::now();
    bool writing = true;
    bool closedForShutdown = false;
    beast::error_code writeError;
    std::string message;
    while (!s.readerDone) {
        if (writing && s.stopRequested) {
            writing = false;
            closedForShutdown = true;
            // Ends when the client answers the close frame: readStream then sees error::closed.
            co_await ws.async_close(websocket::close_reason(websocket::close_code::going_away),
                                    asio::redirect_error(kAwaitable, ec));
            if (ec)
                s.connection().close(); // ends readStream as well
            continue;
        }
        const std::int64_t latest = revision.load();
        if (writing && latest > sent) {
            if (Clock::now() < nextSend) {
                s.wake.expires_at(nextSend);
                co_await s.wake.async_wait(asio::redirect_error(kAwaitable, ec));
                continue; // early when woken: look at stopRequested and readerDone again
            }
            message = R"({"revision":)" + std::to_string(latest) + "}";
            nextSend = Clock::now() + kStreamInterval;
            ws.text(true);
            co_await ws.async_write(asio::buffer(message), asio::redirect_error(kAwaitable, ec));
            if (ec) {
                writing = false;
                writeError = ec;
                s.connection().close(); // ends readStream as well
                continue;
            }
            sent = latest;
            ++messages;
            continue;
        }
        s.wake.expires_at(Clock::time_point::max());
        co_await s.wake.async_wait(asio::redirect_error(kAwaitable, ec));
    }

    {
        const std::lock_guard lock(mutex);
        streams.erase(s.id);
    }
    LogRecord record(LogLevel::Info, "stream_closed");
    record.addString("agent_id", agentId).addString("peer", s.peer);
    record.addInteger("messages", messages).addDecimal("duration_ms", millisecondsSince(opened), 3);
    if (closedForShutdown) {
        record.addString("reason", "shutdown");
    } else if (s.readError == websocket::error::closed) {
        record.addString("reason", "client_closed")
            .addInteger("close_code", static_cast<std::int64_t>(ws.reason().code));
    } else {
        record.addString("reason", "error")
            .addString("error", (writeError ? writeError : s.readError).message());
    }
    record.write();
}

// Reads and drops what the client sends (Beast answers pings and close frames itself) until the
// connection ends, then wakes the writer.
template<typename Transport>
asio::awaitable<void> Server::Private::readStream(std::shared_ptr<SessionOver<Transport>> session)
{
    SessionOver<Transport> &s = *session;
    beast::error_code ec;
    try {
        beast::flat_buffer buffer;
        for (;;) {
            co_await s.ws->async_read(buffer, asio::redirect_error(kAwaitable, ec));
            if (ec)
                break;
            buffer.clear();
        }
    } catch (...) {
        LogRecord(LogLevel::Error, "stream_read_failed")
            .addString("error", describeException(std::current_exception()))
            .write();
        ec = asio::error::operation_aborted;
        s.connection().close();
    }
    s.readError = ec;
    s.readerDone = true;
    s.wake.cancel();
}

// Any thread: makes the session's writer look at `revision` (and at stopRequested) again.
void Server::Private::wakeStream(const std::shared_ptr<Session> &session)
{
    if (session->wakePosted.exchange(true))
        return; // the wake-up already posted will see the newest state
    asio::post(session->executor, [session] {
        session->wakePosted = false;
        session->wake.cancel();
    });
}

void Server::Private::publishRevision(std::int64_t value)
{
    std::int64_t current = revision.load();
    do {
        if (value <= current)
            return;
    } while (!revision.compare_exchange_weak(current, value));

    std::vector<std::shared_ptr<Session>> targets;
    {
        const std::lock_guard lock(mutex);
        targets.reserve(streams.size());
        for (const auto &entry : streams)
            targets.push_back(entry.second);
    }
    for (const std::shared_ptr<Session> &session : targets)
        wakeStream(session);
}

template<typename Transport>
asio::awaitable<void>
Server::Private::answerFailure(SessionOver<Transport> &s, const RequestFailure &failure,
                               const RequestParser &parser, Clock::time_point started)
{
    Response response = makeResponse(
        failure.status, ApiResponse::error(failure.status, failure.code, failure.message).body, 11,
        false);
    beast::error_code ec;
    s.connection().expires_after(config.writeTimeout);
    co_await http::async_write(s.stream, response, asio::redirect_error(kAwaitable, ec));
    logRequest(s, parser.get().method_string(), {}, failure.status, started, ec);
    if (!ec)
        co_await lingeringClose(s.stream, kLingerTimeout);
}

// A connection over maxConnections: 503 (after the TLS handshake over TLS), then closed.
template<typename Transport> asio::awaitable<void> Server::Private::reject(Transport stream)
{
    beast::error_code ec;
    if constexpr (kIsTls<Transport>) {
        beast::get_lowest_layer(stream).expires_after(kRejectTimeout);
        co_await stream.async_handshake(asio::ssl::stream_base::server,
                                        asio::redirect_error(kAwaitable, ec));
        if (ec)
            co_return;
    }
    Response response =
        makeResponse(503,
                     ApiResponse::error(503, "overloaded",
                                        "the server has too many open connections; retry shortly")
                         .body,
                     11, false);
    response.set(http::field::retry_after, "1");
    beast::get_lowest_layer(stream).expires_after(kRejectTimeout);
    co_await http::async_write(stream, response, asio::redirect_error(kAwaitable, ec));
    if (!ec)
        co_await lingeringClose(stream, kRejectTimeout);
}

void Server::Private::logRequest(const Session &s, std::string_view method, std::string_view route,
                                 int status, Clock::time_point started,
                                 const beast::error_code &writeError)
{
    const double elapsedMs = millisecondsSince(started);
    metrics.countRequest(route, method, status, elapsedMs / 1000);
    LogRecord record(writeError ? LogLevel::Warning : LogLevel::Info, "request");
    record.addString("method", method);
    if (route.empty())
        record.addNull("route");
    else
        record.addString("route", route);
    record.addInteger("status", status).addDecimal("duration_ms", elapsedMs, 3);
    record.addString("peer", s.peer);
    if (writeError)
        record.addString("error", "response not delivered: " + writeError.message());
    record.write();
}

MetricsGauges Server::Private::metricsGauges()
{
    MetricsGauges gauges;
    {
        const std::lock_guard lock(mutex);
        gauges.connectionsOpen = static_cast<std::int64_t>(sessions.size());
        gauges.streamsOpen = static_cast<std::int64_t>(streams.size());
    }
    gauges.revision = revision.load();
    gauges.workerRequests = static_cast<std::int64_t>(admitted.load());
    if (store) {
        auto totals = store->attachmentTotals();
        if (totals.good()) {
            gauges.attachmentsStored = totals->count;
            gauges.attachmentsBytes = totals->bytes;
        }
    }
    if (mail) {
        for (const MailboxStatus &m : mail->statuses())
            gauges.mailboxes.push_back({m.address.toStdString(), m.connected, m.idle, m.lastFetchMs,
                                        !m.lastError.isEmpty(), m.ingested, m.quarantined});
    }
    return gauges;
}

void Server::Private::sweepUploads()
{
    const auto age = std::chrono::duration_cast<std::chrono::milliseconds>(config.orphanUploadAge);
    auto swept = store->sweepUploads(nowMs(), age.count());
    if (!swept.good()) {
        LogRecord(LogLevel::Warning, "upload_sweep_failed")
            .addString("error", swept.status().message().toStdString())
            .write();
        return;
    }
    metrics.countOrphanUploadsRemoved(swept->filesRemoved);
    if (swept->filesRemoved > 0 || swept->claimsRemoved > 0) {
        LogRecord(LogLevel::Info, "uploads_swept")
            .addInteger("files_removed", swept->filesRemoved)
            .addInteger("claims_removed", swept->claimsRemoved)
            .write();
    }
}

// The timer runs on the control strand; the sweep itself (a directory walk and a few statements)
// on the workers.
void Server::Private::scheduleSweep()
{
    sweepTimer.expires_after(config.sweepInterval);
    sweepTimer.async_wait([this](const beast::error_code &ec) {
        if (ec || shutdownBegun)
            return;
        asio::post(workers, [this] {
            try {
                sweepUploads();
            } catch (...) {
                LogRecord(LogLevel::Error, "upload_sweep_failed")
                    .addString("error", describeException(std::current_exception()))
                    .write();
            }
        });
        scheduleSweep();
    });
}

void Server::Private::schedulePresenceFlush()
{
    presenceTimer.expires_after(std::chrono::milliseconds(Accounts::kPresenceFlushMs));
    presenceTimer.async_wait([this](const beast::error_code &ec) {
        if (ec || shutdownBegun)
            return;
        asio::post(workers, [this] {
            if (Status s = accounts->flushPresence(); !s.good())
                LogRecord(LogLevel::Warning, "presence_flush_failed")
                    .addString("error", s.message().toStdString())
                    .write();
        });
        schedulePresenceFlush();
    });
}

void Server::Private::armRuleTimer(std::int64_t dueMs)
{
    if (shutdownBegun || (ruleTimerDueMs != 0 && ruleTimerDueMs <= dueMs))
        return;
    ruleTimerDueMs = dueMs;
    ruleTimer.expires_after(std::chrono::milliseconds(std::max<std::int64_t>(0, dueMs - nowMs())));
    ruleTimer.async_wait([this](const beast::error_code &ec) {
        if (ec || shutdownBegun)
            return; // moved (a new wait replaced this one) or shutting down
        ruleTimerDueMs = 0;
        asio::post(workers, [this] { runRuleTimers(); });
    });
}

void Server::Private::findNextRuleTimer()
{
    constexpr std::int64_t kLookMs = 60'000;
    auto next = store->nextTimer();
    if (!next.good())
        LogRecord(LogLevel::Warning, "rule_timers_failed")
            .addString("error", next.status().message().toStdString())
            .write();
    const std::int64_t latest = nowMs() + kLookMs;
    const std::int64_t due = next.good() && *next ? std::min<std::int64_t>(**next, latest) : latest;
    asio::post(control, [this, due] { armRuleTimer(due); });
}

void Server::Private::runRuleTimers()
{
    // More due than one transaction takes: the next timer is due already, and runs at once.
    try {
        auto run = store->runTimers(nowMs());
        if (!run.good())
            LogRecord(LogLevel::Warning, "rule_timers_failed")
                .addString("error", run.status().message().toStdString())
                .write();
        else if (run->revision > 0)
            publishRevision(run->revision);
    } catch (...) {
        LogRecord(LogLevel::Error, "rule_timers_failed")
            .addString("error", describeException(std::current_exception()))
            .write();
    }
    findNextRuleTimer();
}

void Server::Private::waitForSignal()
{
    signals.async_wait([this](const beast::error_code &ec, int signalNumber) {
        if (ec)
            return; // cancelled: shutdown finished
        const std::string_view name = signalNumber == SIGTERM ? "SIGTERM" : "SIGINT";
        if (!shutdownBegun) {
            beginShutdown(name);
            if (!shutdownFinished)
                waitForSignal(); // a second signal closes what is left at once
        } else {
            closeAllSessions(std::string(name) + " during shutdown");
        }
    });
}

std::vector<std::shared_ptr<Session>> Server::Private::openSessions()
{
    std::vector<std::shared_ptr<Session>> open;
    const std::lock_guard lock(mutex);
    open.reserve(sessions.size());
    for (const auto &entry : sessions)
        open.push_back(entry.second);
    return open;
}

void Server::Private::beginShutdown(std::string_view reason)
{
    if (shutdownBegun)
        return;
    shutdownBegun = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    acceptRetryTimer.cancel();
    sweepTimer.cancel();
    ruleTimer.cancel();
    presenceTimer.cancel();
    if (outbox)
        outbox->requestStop();

    {
        const std::lock_guard lock(mutex);
        stopping = true; // from here on no session registers, so the list below is complete
    }
    const std::vector<std::shared_ptr<Session>> open = openSessions();
    LogRecord(LogLevel::Info, "shutdown_started")
        .addString("reason", reason)
        .addInteger("open_connections", static_cast<std::int64_t>(open.size()))
        .write();
    if (open.empty()) {
        finishShutdown();
        return;
    }
    for (const std::shared_ptr<Session> &session : open) {
        asio::post(session->executor, [session] {
            session->stopRequested = true;
            if (session->upgraded)
                session->wake.cancel(); // its writer sends the close frame
            else if (session->idle())
                session->connection().cancel();
        });
    }
    shutdownTimer.expires_after(config.shutdownTimeout);
    shutdownTimer.async_wait([this](const beast::error_code &ec) {
        if (!ec)
            closeAllSessions("shutdown timeout");
    });
}

void Server::Private::closeAllSessions(std::string_view reason)
{
    const std::vector<std::shared_ptr<Session>> open = openSessions();
    LogRecord(LogLevel::Warning, "shutdown_forced")
        .addString("reason", reason)
        .addInteger("closed_connections", static_cast<std::int64_t>(open.size()))
        .write();
    for (const std::shared_ptr<Session> &session : open)
        asio::post(session->executor, [session] { session->connection().close(); });
}

void Server::Private::finishShutdown()
{
    if (shutdownFinished)
        return;
    shutdownFinished = true;
    shutdownTimer.cancel();
    sweepTimer.cancel();
    ruleTimer.cancel();
    presenceTimer.cancel();
    beast::error_code ignored;
    signals.cancel(ignored);
    signals.clear(ignored);
}

Server::Server(ServerConfig config)
    : d(std::make_unique<Private>(std::move(config)))
{}

Server::~Server()
{
    if (d->outbox)
        d->outbox->stop();
    // Work still on the pool may post to the control strand (the rule timers' first look-up,
    // posted at start, when SIGTERM came at once): it ends before the strand and the event loop
    // are destroyed, which the members' order alone would not ensure.
    d->workers.join();
}

ServerStatus Server::start()
{
    if (d->started)
        return {"the server is already started"};
    if (ServerStatus status = d->prepareDataDirectory(); !status.good())
        return status;
    const QString databaseUrl = QString::fromStdString(d->config.databaseUrl);
    auto accounts = Accounts::open(d->config.dataDirectory, databaseUrl);
    if (!accounts.good())
        return {"cannot open the accounts in " + d->config.dataDirectory.string() + ": " +
                accounts.status().message().toStdString()};
    d->accounts = std::move(*accounts);
    auto store = ServerStore::open(d->config.dataDirectory, databaseUrl);
    if (!store.good())
        return {"cannot open the ticket store in " + d->config.dataDirectory.string() + ": " +
                store.status().message().toStdString()};
    d->store = std::move(*store);
    auto revision = d->store->revision();
    if (!revision.good())
        return {"cannot read the revision in " + d->config.dataDirectory.string() + ": " +
                revision.status().message().toStdString()};
    d->publishRevision(*revision);
    if (!databaseUrl.isEmpty()) // revisions committed by other pultd on the same database
        d->revisionListener =
            std::make_unique<RevisionListener>(databaseUrl, d->revisionPublisher());
    MailFetcherConfig mailConfig;
    mailConfig.dataDirectory = d->config.dataDirectory;
    mailConfig.publish = d->revisionPublisher();
    d->mail = std::make_unique<MailService>(*d->store, databaseUrl, std::move(mailConfig));
    addApiRoutes(d->router, *d->accounts, *d->store, d->revisionPublisher(),
                 d->config.attachmentLimit, *d->mail);
    auto mailboxes = Mailboxes::open(d->config.dataDirectory, databaseUrl);
    if (!mailboxes.good())
        return {"cannot open the mailboxes in " + d->config.dataDirectory.string() + ": " +
                mailboxes.status().message().toStdString()};
    d->store->setMessageIdKey((*mailboxes)->messageIdKey());
    d->store->setStatusLinkKey((*mailboxes)->statusLinkKey());
    addCustomerRoutes(d->router, *d->store,
                      {(*mailboxes)->formKey(), d->config.formMinFillTime, d->revisionPublisher(),
                       d->config.attachmentLimit});
    d->outbox = std::make_unique<MailOutbox>(
        *d->store, std::move(*mailboxes),
        MailOutboxConfig::fromEnvironment(d->store->attachmentDirectory()), d->revisionPublisher());
    d->store->onMailQueued([outbox = d->outbox.get()] { outbox->wake(); });
    d->store->onMailboxesChanged([mail = d->mail.get()] { mail->rescanNow(); });
    d->store->onTimersArmed(
        [this](qint64 due) { asio::post(d->control, [this, due] { d->armRuleTimer(due); }); });
    d->sweepUploads();
    d->mail->start();
    d->addStreamRoute();
    if (ServerStatus status = d->loadTls(); !status.good())
        return status;
    if (ServerStatus status = d->listen(); !status.good())
        return status;
    // Before the outbox sends anything: the status links in mail start with it.
    d->store->setPublicUrl(
        QString::fromStdString(d->config.publicUrl.empty() ? url() : d->config.publicUrl));
    if (d->config.handleSignals) {
        beast::error_code ec;
        d->signals.add(SIGTERM, ec);
        if (!ec)
            d->signals.add(SIGINT, ec);
        if (ec)
            return {"cannot handle SIGTERM and SIGINT: " + ec.message()};
        d->waitForSignal();
    }
    d->started = true;
    asio::co_spawn(d->control, d->acceptLoop(), logFailure("accept_loop_failed"));
    d->scheduleSweep();
    d->schedulePresenceFlush();
    asio::post(d->workers, [this] { d->findNextRuleTimer(); });
    d->outbox->start();
    // Without its parsing helper no mail can become a ticket: say so at start, where the admin
    // looks, rather than at the first customer's mail.
    const QString mailParser = defaultMailParserPath();
    if (!QFileInfo(mailParser).isExecutable()) {
        LogRecord(LogLevel::Warning, "mail_parser_missing")
            .addString("path", mailParser.toStdString())
            .write();
    }
    LogRecord(LogLevel::Info, "listening")
        .addString("address", listenAddress())
        .addInteger("port", port())
        .addInteger("threads", std::max(1u, d->config.threads))
        .addInteger("workers", std::max(1u, d->config.workers))
        .addInteger("max_connections", static_cast<std::int64_t>(d->config.maxConnections))
        .addInteger("body_limit", static_cast<std::int64_t>(d->config.bodyLimit))
        .addInteger("attachment_limit", static_cast<std::int64_t>(d->config.attachmentLimit))
        .addString("scheme", d->tls ? "https" : "http")
        .addString("mail_parser", mailParser.toStdString())
        .write();
    return {};
}

void Server::run()
{
    const auto work = [this] {
        for (;;) {
            try {
                d->ioc.run();
                return;
            } catch (...) {
                // Handlers catch their own errors; this is the last line of defence.
                LogRecord(LogLevel::Error, "event_loop_exception")
                    .addString("error", describeException(std::current_exception()))
                    .write();
            }
        }
    };
    std::vector<std::thread> workers;
    const unsigned threads = std::max(1u, d->config.threads);
    for (unsigned i = 1; i < threads; ++i)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();
    if (d->mail)
        d->mail->stop();
    if (d->outbox)
        d->outbox->stop();
    LogRecord(LogLevel::Info, "shutdown_complete").write();
}

void Server::stop()
{
    asio::post(d->control, [d = d.get()] { d->beginShutdown("stop requested"); });
}

std::string Server::listenAddress() const
{
    return d->localEndpoint.address().to_string();
}

std::uint16_t Server::port() const
{
    return d->localEndpoint.port();
}

std::string Server::url() const
{
    return (d->config.tlsEnabled() ? "https://" : "http://") + endpointText(d->localEndpoint);
}

std::int64_t Server::revision() const
{
    return d->revision.load();
}

void Server::publishRevision(std::int64_t revision)
{
    d->publishRevision(revision);
}

} // namespace Pult
