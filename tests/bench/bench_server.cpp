// Server benchmarks: the real pultd (PULTD_PATH) on 127.0.0.1 with a temporary data directory,
// spoken to over loopback by Boost.Beast HTTP and WebSocket clients. Every figure is printed as
// a "name: value (baseline name: value)" line whose baseline is measured in the same run on the
// same machine (raw SQLite or a bare HTTP round trip), because absolute times drift between
// machines. See docs/performance.md.
//
// 1. server.ops_per_s: 4 keep-alive connections, one agent each, post batches of 100
//    create_ticket ops for about 5 s or 20,000 ops; baseline: the same op texts inserted into a
//    plain SQLite table in transactions of 100 rows.
// 2. server.changes_page_ms: pages of 1,000 revisions from GET /api/v1/changes over the data of
//    (1), request and JSON parse; baseline: 1,000 rows of that table read by primary-key range.
// 3. server.push_p99_ms: 200 WebSocket clients on /api/v1/stream, each with its own keep-alive
//    HTTP connection; per round one op is posted and every client must get the hint, pull the
//    changes and see the new ticket; baseline: GET /healthz round trips on one connection.
// 4. web.status_page_ms: GET /t/{token} of a ticket with 50 messages, after the database was
//    filled up to 1,000,000 tickets (SQLite; --web-tickets N); baseline: the agent's
//    GET /api/v1/tickets/{id} of the same ticket. web.form_submit_per_s: contact forms posted by
//    4 clients as browsers send them (multipart/form-data with an empty file input), each post from
//    its own loopback address (as customers come from theirs, and under the rate limits per IP);
//    baseline: create_ticket ops posted alike, one per request.
//
// Every network step has a deadline; any failure prints what failed (with the end of pultd's
// log) and exits with status 1, and pultd never outlives this process.

#include "benchutil.h"
#include "uuid.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using namespace Pult::Bench;

namespace {

constexpr auto kRequestTimeout = 15s;    // one HTTP request and its answer
constexpr int kProcessTimeoutMs = 30000; // pultd starting, user add, pultd stopping
constexpr int kAgents = 4;               // one per ops connection; push clients share them
constexpr int kOpsPerBatch = 100;
constexpr int kMaxOps = 20000;
constexpr auto kOpsDuration = 5s;
constexpr int kPageRevisions = 1000;
constexpr int kPageSamples = 20;
constexpr int kPushClients = 200;
constexpr int kPushRounds = 30;
constexpr auto kRoundTimeout = 10s;
constexpr int kHealthzSamples = 1000;
const std::string kPassword = "bench password 1234";

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// pultd, killed on every way out: fail() kills it, and the kernel kills it if this process dies.
QProcess *g_pultd = nullptr;
QString g_pultdLog;
QTemporaryDir *g_temp = nullptr; // removed by fail() too
QStringList g_store;             // --data DIR, and --db URL when given

void stopPultd()
{
    if (!g_pultd || g_pultd->state() == QProcess::NotRunning)
        return;
    g_pultd->kill();
    g_pultd->waitForFinished(kProcessTimeoutMs);
}

[[noreturn]] void fail(const std::string &message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "bench_server: %s\n", message.c_str());
    if (g_pultd && g_pultd->state() != QProcess::NotRunning)
        g_pultd->waitForFinished(0); // notices an exit that no event loop has seen
    if (g_pultd && g_pultd->state() == QProcess::NotRunning) {
        std::fprintf(stderr, "bench_server: pultd is gone (%s, status %d)\n",
                     g_pultd->exitStatus() == QProcess::CrashExit ? "killed" : "exited",
                     g_pultd->exitCode());
    }
    stopPultd();
    QFile log(g_pultdLog);
    if (!g_pultdLog.isEmpty() && log.open(QIODevice::ReadOnly)) {
        QByteArray text = log.readAll().right(1500);
        if (const qsizetype newline = text.indexOf('\n'); newline >= 0 && text.size() == 1500)
            text.remove(0, newline + 1);
        std::fprintf(stderr, "bench_server: the end of pultd's log:\n%s\n", text.constData());
    }
    if (g_temp)
        g_temp->remove();
    std::exit(1);
}

QJsonObject parseObject(const std::string &text, const std::string &what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(text.data(), qsizetype(text.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw std::runtime_error(what +
                                 ": the answer is not a JSON object: " + text.substr(0, 300));
    return document.object();
}

std::string newId(Pult::UuidV7Generator &ids)
{
    return Pult::uuidToString(ids.next()).toStdString();
}

// One keep-alive HTTP/1.1 connection, connected on first use. Every step has a deadline; an
// error or an answer other than 200 throws, naming the request.
class HttpClient
{
public:
    HttpClient(asio::io_context &ioc, tcp::endpoint endpoint, std::string token)
        : m_stream(ioc)
        , m_endpoint(endpoint)
        , m_token(std::move(token))
    {
        // Beast reads as much as the buffer holds (512 bytes when empty): reading a 400 KiB
        // page would take 800 reads, which no real client does.
        m_buffer.reserve(64 * 1024);
    }

    // The next connection comes from this local address (a loopback address of 127/8).
    void setSource(const asio::ip::address &source)
    {
        close();
        m_source = source;
    }

    asio::awaitable<void> connect()
    {
        if (m_connected)
            co_return;
        m_stream.expires_after(kRequestTimeout);
        if (m_source) {
            m_stream.socket().open(tcp::v4());
            m_stream.socket().bind(tcp::endpoint(*m_source, 0));
        }
        co_await m_stream.async_connect(m_endpoint, asio::use_awaitable);
        m_stream.expires_never();
        m_connected = true;
        ++m_connects;
    }

    asio::awaitable<std::string> request(http::verb verb, std::string target, std::string body = {},
                                         std::string contentType = "application/json")
    {
        try {
            co_await connect();
            http::request<http::string_body> request{verb, target, 11};
            request.set(http::field::host, "pult.bench");
            if (!m_token.empty())
                request.set(http::field::authorization, "Bearer " + m_token);
            if (verb == http::verb::post) {
                request.set(http::field::content_type, contentType);
                request.body() = std::move(body);
                request.prepare_payload();
            }
            m_stream.expires_after(kRequestTimeout);
            co_await http::async_write(m_stream, request, asio::use_awaitable);
            http::response_parser<http::string_body> parser;
            parser.body_limit(256 * 1024 * 1024);
            co_await http::async_read(m_stream, m_buffer, parser, asio::use_awaitable);
            m_stream.expires_never();
            http::response<http::string_body> response = parser.release();
            if (!response.keep_alive())
                close();
            if (response.result_int() != 200) {
                throw std::runtime_error("HTTP " + std::to_string(response.result_int()) + ": " +
                                         response.body().substr(0, 300));
            }
            co_return std::move(response.body());
        } catch (const std::exception &e) {
            close();
            throw std::runtime_error(std::string(http::to_string(verb)) + " " + target + ": " +
                                     e.what());
        }
    }

    void close()
    {
        beast::error_code ignored;
        m_stream.socket().close(ignored);
        m_buffer.clear();
        m_connected = false;
    }

    int connects() const { return m_connects; }

private:
    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    tcp::endpoint m_endpoint;
    std::optional<asio::ip::address> m_source;
    std::string m_token;
    bool m_connected = false;
    int m_connects = 0;
};

using Task = std::function<asio::awaitable<void>()>;

// Runs the tasks on ioc (with whatever else is under way there) until all have finished;
// fails on the first exception or after the timeout.
void runAll(asio::io_context &ioc, std::vector<Task> tasks, Clock::duration timeout,
            const std::string &what)
{
    std::size_t running = tasks.size();
    std::exception_ptr error;
    for (Task &task : tasks) {
        asio::co_spawn(ioc, std::move(task), [&](std::exception_ptr e) {
            if (e && !error)
                error = e;
            --running;
        });
    }
    const Clock::time_point deadline = Clock::now() + timeout;
    while (running > 0 && !error) {
        if (Clock::now() >= deadline) {
            fail(what + ": timed out after " +
                 std::to_string(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()) +
                 " s");
        }
        if (ioc.stopped())
            ioc.restart();
        ioc.run_one_for(20ms);
    }
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception &e) {
            fail(what + ": " + e.what());
        }
    }
}

void runOne(asio::io_context &ioc, Task task, Clock::duration timeout, const std::string &what)
{
    std::vector<Task> tasks;
    tasks.push_back(std::move(task));
    runAll(ioc, std::move(tasks), timeout, what);
}

// ---- pultd as a process ----

// Runs `pultd --data DIR user add ...` with the password on standard input.
void addAgent(const QString &email, const QString &name, const QString &role)
{
    QProcess process;
    process.start(QStringLiteral(PULTD_PATH),
                  g_store + QStringList{QStringLiteral("user"), QStringLiteral("add"), email,
                                        QStringLiteral("--name"), name, QStringLiteral("--role"),
                                        role, QStringLiteral("--dept"), QStringLiteral("Billing")});
    if (!process.waitForStarted(kProcessTimeoutMs))
        fail("cannot run " PULTD_PATH ": " + process.errorString().toStdString());
    process.write(QByteArray::fromStdString(kPassword + "\n"));
    process.closeWriteChannel();
    if (!process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished(kProcessTimeoutMs);
        fail("pultd user add did not finish in time");
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        fail("pultd user add " + email.toStdString() + " failed (exit code " +
             std::to_string(process.exitCode()) +
             "): " + process.readAllStandardError().toStdString());
    }
}

// Starts pultd on a free port; answers the port.
quint16 startPultd(QProcess &process, const QString &logPath, const QStringList &extra = {})
{
    g_pultd = &process;
    g_pultdLog = logPath;
    process.setStandardErrorFile(logPath); // one JSON record per request: never a full pipe
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process.start(QStringLiteral(PULTD_PATH),
                  QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + g_store +
                      extra);
    if (!process.waitForStarted(kProcessTimeoutMs))
        fail("cannot start " PULTD_PATH ": " + process.errorString().toStdString());
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(kProcessTimeoutMs);
    while (!process.canReadLine()) {
        if (process.state() == QProcess::NotRunning)
            fail("pultd exited at start (exit code " + std::to_string(process.exitCode()) + ")");
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            fail("pultd did not say where it listens within 30 s");
        process.waitForReadyRead(int(std::min<long long>(left, 1000)));
    }
    const QString line = QString::fromUtf8(process.readLine().trimmed());
    static const QRegularExpression listening(
        QStringLiteral("^pultd listening on http://127\\.0\\.0\\.1:(\\d+)$"));
    const QRegularExpressionMatch match = listening.match(line);
    if (!match.hasMatch())
        fail("unexpected first line from pultd: " + line.toStdString());
    return match.captured(1).toUShort();
}

// ---- raw SQLite baselines ----

struct RawSqlite
{
    double insertRowsPerSecond = 0;
    double read1000Ms = 0;
};

void sqliteCheck(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        fail(std::string("sqlite baseline, ") + what + ": " + sqlite3_errmsg(db));
}

// The rows (id, ~400 bytes of JSON) inserted into a plain table in transactions of 100 rows,
// WAL and synchronous=NORMAL like pultd; then pages of 1,000 rows read by primary-key range.
RawSqlite rawSqlite(const QString &path, const std::vector<QByteArray> &ids,
                    const std::vector<std::string> &rows)
{
    RawSqlite result;
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        fail("sqlite baseline: cannot open " + path.toStdString());
    sqliteCheck(db,
                sqlite3_exec(db,
                             "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                             "CREATE TABLE t(id BLOB PRIMARY KEY, data TEXT NOT NULL)",
                             nullptr, nullptr, nullptr),
                "create");
    sqlite3_stmt *insert = nullptr;
    sqliteCheck(db, sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1, ?2)", -1, &insert, nullptr),
                "prepare insert");
    const double insertMs = msOf([&] {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i % kOpsPerBatch == 0)
                sqliteCheck(db, sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), "begin");
            sqlite3_bind_blob(insert, 1, ids[i].constData(), int(ids[i].size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, 2, rows[i].data(), int(rows[i].size()), SQLITE_STATIC);
            sqliteCheck(db, sqlite3_step(insert), "insert");
            sqlite3_reset(insert);
            if (i % kOpsPerBatch == kOpsPerBatch - 1 || i + 1 == rows.size())
                sqliteCheck(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit");
        }
    });
    sqlite3_finalize(insert);
    result.insertRowsPerSecond = double(rows.size()) / (insertMs / 1000.0);

    sqlite3_stmt *select = nullptr;
    sqliteCheck(db,
                sqlite3_prepare_v2(db,
                                   "SELECT id, data FROM t WHERE id >= ?1 ORDER BY id LIMIT 1000",
                                   -1, &select, nullptr),
                "prepare select");
    std::vector<double> samples;
    const std::size_t span = ids.size() > kPageRevisions ? ids.size() - kPageRevisions : 1;
    std::size_t bytes = 0;
    for (int run = 0; run < kPageSamples; ++run) {
        const QByteArray &from = ids[span * std::size_t(run) / kPageSamples];
        int count = 0;
        samples.push_back(msOf([&] {
            sqlite3_bind_blob(select, 1, from.constData(), int(from.size()), SQLITE_STATIC);
            while (sqlite3_step(select) == SQLITE_ROW) {
                bytes += std::size_t(sqlite3_column_bytes(select, 0));
                bytes += std::size_t(sqlite3_column_bytes(select, 1));
                ++count;
            }
            sqlite3_reset(select);
        }));
        if (count != std::min<int>(kPageRevisions, int(ids.size())))
            fail("sqlite baseline: a range read found " + std::to_string(count) + " rows");
    }
    sqlite3_finalize(select);
    sqlite3_close(db);
    result.read1000Ms = median(samples);
    return result;
}

// ---- the benchmarks ----

struct Setup
{
    asio::io_context &ioc;
    tcp::endpoint endpoint;
    std::vector<std::string> tokens;
    std::string billing;
};

// One create_ticket op of about 400 bytes of JSON; requesters repeat every 5,000 tickets.
std::string createTicketOp(Pult::UuidV7Generator &ids, const std::string &ticketId,
                           const std::string &department, int n)
{
    const std::string customer = std::to_string(n % 5000);
    return R"({"id":")" + newId(ids) + R"(","type":"create_ticket","ticket":{"id":")" + ticketId +
           R"(","subject":"Invoice )" + std::to_string(100000 + n) +
           R"(: wrong VAT","department_id":")" + department +
           R"(","priority":"high","requester":{"email":"c)" + customer +
           R"(@firma.example","name":"Customer )" + customer + R"("}},"message_id":")" +
           newId(ids) + R"(","body":"The invoice lists 22 % VAT, not 9.5 %. Please correct it."})";
}

// CPU seconds this process has used (the clients share the machine with pultd).
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct OpsRun
{
    std::vector<QByteArray> ticketIds; // of the applied ops, in the order made
    std::vector<std::string> ops;      // their JSON texts
    qint64 revision = 0;               // the newest revision after the run
    double opsPerSecond = 0;
};

OpsRun benchOps(Setup &setup)
{
    Pult::UuidV7Generator ids;
    OpsRun run;
    std::vector<std::string> batches;
    std::size_t opBytes = 0;
    for (int b = 0; b < kMaxOps / kOpsPerBatch; ++b) {
        std::string batch = R"({"ops":[)";
        for (int i = 0; i < kOpsPerBatch; ++i) {
            const QUuid ticket = ids.next();
            run.ticketIds.push_back(Pult::uuidToBlob(ticket));
            run.ops.push_back(createTicketOp(ids, Pult::uuidToString(ticket).toStdString(),
                                             setup.billing, b * kOpsPerBatch + i));
            opBytes += run.ops.back().size();
            batch += (i == 0 ? "" : ",") + run.ops.back();
        }
        batches.push_back(batch + "]}");
    }

    std::vector<std::unique_ptr<HttpClient>> connections;
    for (int c = 0; c < kAgents; ++c) {
        connections.push_back(
            std::make_unique<HttpClient>(setup.ioc, setup.endpoint, setup.tokens[std::size_t(c)]));
    }
    runAll(setup.ioc, {[&]() -> asio::awaitable<void> {
               for (auto &c : connections)
                   co_await c->connect();
           }},
           kRequestTimeout, "connecting for ops");

    std::size_t next = 0;
    qint64 applied = 0;
    const double cpuStart = cpuSeconds();
    const Clock::time_point start = Clock::now();
    std::vector<Task> tasks;
    for (auto &connection : connections) {
        tasks.push_back([&, c = connection.get()]() -> asio::awaitable<void> {
            while (next < batches.size() && Clock::now() - start < kOpsDuration) {
                const std::size_t batch = next++;
                const std::string reply =
                    co_await c->request(http::verb::post, "/api/v1/ops", batches[batch]);
                const QJsonObject object = parseObject(reply, "POST /api/v1/ops");
                const QJsonArray results = object.value(QLatin1String("results")).toArray();
                if (results.size() != kOpsPerBatch)
                    throw std::runtime_error("POST /api/v1/ops: " + std::to_string(results.size()) +
                                             " results for " + std::to_string(kOpsPerBatch) +
                                             " ops");
                for (const QJsonValue &result : results) {
                    if (result.toObject().value(QLatin1String("status")).toString() != u"applied") {
                        throw std::runtime_error(
                            "an op was not applied: " +
                            QJsonDocument(result.toObject()).toJson().toStdString());
                    }
                }
                applied += kOpsPerBatch;
                run.revision =
                    std::max(run.revision, object.value(QLatin1String("revision")).toInteger());
            }
        });
    }
    runAll(setup.ioc, std::move(tasks), 120s, "the ops benchmark");
    const double seconds = msSince(start) / 1000.0;
    const double cpu = cpuSeconds() - cpuStart;
    for (const auto &c : connections) {
        if (c->connects() != 1)
            fail("an ops connection was not kept alive (" + std::to_string(c->connects()) +
                 " connects)");
    }
    run.ticketIds.resize(std::size_t(applied));
    run.ops.resize(std::size_t(applied));
    run.opsPerSecond = double(applied) / seconds;
    std::printf("# ops: %lld create_ticket ops applied in %.2f s over %d keep-alive connections "
                "(one agent each) in batches of %d, %.0f bytes of JSON per op, newest revision "
                "%lld\n",
                static_cast<long long>(applied), seconds, kAgents, kOpsPerBatch,
                double(opBytes) / double(kMaxOps), static_cast<long long>(run.revision));
    std::printf("# ops: %.1f ms per batch of %d (request, apply, answer, check); the clients used "
                "%.2f s of CPU meanwhile\n",
                seconds * 1000.0 * kAgents / (double(applied) / kOpsPerBatch), kOpsPerBatch, cpu);
    std::fflush(stdout);
    return run;
}

// Pages of kPageRevisions revisions from evenly spread starting points, each timed from the
// request to the parsed JSON.
double benchChanges(Setup &setup, qint64 revision)
{
    HttpClient client(setup.ioc, setup.endpoint, setup.tokens.front());
    std::vector<double> samples;
    std::vector<double> parseSamples; // of the same pages: the client's JSON parse alone
    qint64 changes = 0;
    qint64 bytes = 0;
    const std::string limit = "&limit=" + std::to_string(kPageRevisions);
    runOne(
        setup.ioc,
        [&]() -> asio::awaitable<void> {
            co_await client.request(http::verb::get, "/api/v1/changes?since=0" + limit); // warm-up
            const qint64 span = std::max<qint64>(revision - kPageRevisions, 1);
            for (int i = 0; i < kPageSamples; ++i) {
                const qint64 since = span * i / (kPageSamples - 1);
                const std::string target = "/api/v1/changes?since=" + std::to_string(since) + limit;
                const Clock::time_point start = Clock::now();
                const std::string reply = co_await client.request(http::verb::get, target);
                const Clock::time_point received = Clock::now();
                const QJsonObject page = parseObject(reply, "GET " + target);
                const QJsonArray list = page.value(QLatin1String("changes")).toArray();
                const qint64 next = page.value(QLatin1String("next")).toInteger(-1);
                samples.push_back(msSince(start));
                parseSamples.push_back(msSince(received));
                if (list.isEmpty() || next <= since)
                    throw std::runtime_error("GET " + target + ": an empty page");
                changes += list.size();
                bytes += qint64(reply.size());
            }
        },
        120s, "the changes benchmark");
    std::printf("# changes: %d pages of %d revisions (since spread over 0..%lld), %.0f changes and "
                "%.0f KiB of JSON per page on average, one keep-alive connection\n",
                kPageSamples, kPageRevisions, static_cast<long long>(revision - kPageRevisions),
                double(changes) / kPageSamples, double(bytes) / kPageSamples / 1024.0);
    std::printf("# changes: fastest %.3f ms, slowest %.3f ms per page; of the median, the "
                "client's JSON parse %.3f ms\n",
                *std::min_element(samples.begin(), samples.end()),
                *std::max_element(samples.begin(), samples.end()), median(parseSamples));
    return median(samples);
}

// rules.time_trigger_lag_ms: a rule "solved:1s → close" on kLagTickets tickets solved 50 ms
// apart; for each, the moment pultd's history says the rule closed it less the moment it was due
// (its solve, in the history too, plus 1 s): both pultd's own clock, so the figure is the
// scheduler's wake-up and the transaction that runs the rule. Baseline: the median round trip of
// the solving ops (an op applied and committed).
constexpr int kLagTickets = 20;
std::pair<double, double> benchTimeTriggerLag(Setup &setup)
{
    HttpClient lead(setup.ioc, setup.endpoint, setup.tokens.back());
    Pult::UuidV7Generator ids;
    std::vector<std::string> tickets;
    std::vector<double> opMs;
    std::vector<double> lags;
    const auto op = [&](const std::string &json) -> asio::awaitable<void> {
        const std::string reply =
            co_await lead.request(http::verb::post, "/api/v1/ops", R"({"ops":[)" + json + "]}");
        const QJsonObject result = parseObject(reply, "POST /api/v1/ops")
                                       .value(QLatin1String("results"))
                                       .toArray()
                                       .first()
                                       .toObject();
        if (result.value(QLatin1String("status")).toString() != u"applied")
            throw std::runtime_error("an op of the time trigger benchmark was refused: " + reply);
    };
    runOne(
        setup.ioc,
        [&]() -> asio::awaitable<void> {
            co_await op(R"({"id":")" + newId(ids) + R"(","type":"upsert_rule","rule":{"id":")" +
                        newId(ids) + R"(","name":"Close after 1 s","department_id":")" +
                        setup.billing + R"(","when":"solved:1s","if":"tag:lag","then":"close"}})");
            for (int i = 0; i < kLagTickets; ++i) {
                tickets.push_back(newId(ids));
                co_await op(R"({"id":")" + newId(ids) +
                            R"(","type":"create_ticket","ticket":{"id":")" + tickets.back() +
                            R"(","subject":"Lag","department_id":")" + setup.billing +
                            R"(","tags":["lag"]}})");
            }
            asio::steady_timer pause(co_await asio::this_coro::executor);
            for (const std::string &ticket : tickets) {
                const Clock::time_point start = Clock::now();
                co_await op(R"({"id":")" + newId(ids) + R"(","type":"set_fields","ticket_id":")" +
                            ticket + R"(","fields":{"status":"solved"}})");
                opMs.push_back(msSince(start));
                pause.expires_after(50ms);
                co_await pause.async_wait(asio::use_awaitable);
            }
            pause.expires_after(2500ms);
            co_await pause.async_wait(asio::use_awaitable);
            for (const std::string &ticket : tickets) {
                const std::string reply =
                    co_await lead.request(http::verb::get, "/api/v1/tickets/" + ticket);
                qint64 solved = 0;
                qint64 closed = 0;
                for (const QJsonValue &v : parseObject(reply, "GET /api/v1/tickets")
                                               .value(QLatin1String("history"))
                                               .toArray()) {
                    const QJsonObject e = v.toObject();
                    if (e.value(QLatin1String("field")).toString() != u"status")
                        continue;
                    const qint64 at =
                        QDateTime::fromString(e.value(QLatin1String("time")).toString(),
                                              Qt::ISODateWithMs)
                            .toMSecsSinceEpoch();
                    (e.value(QLatin1String("new")).toString() == u"solved" ? solved : closed) = at;
                }
                if (solved == 0 || closed == 0)
                    throw std::runtime_error("a ticket was not closed by its time rule: " + reply);
                lags.push_back(double(closed - (solved + 1000)));
            }
        },
        120s, "the time trigger benchmark");
    std::printf("# time triggers: %d tickets, lag median %.1f ms, worst %.1f ms\n", kLagTickets,
                median(lags), *std::max_element(lags.begin(), lags.end()));
    return {median(lags), median(opMs)};
}

// GET /healthz round trips on one keep-alive connection.
double benchHealthz(Setup &setup)
{
    HttpClient client(setup.ioc, setup.endpoint, {});
    std::vector<double> samples;
    runOne(
        setup.ioc,
        [&]() -> asio::awaitable<void> {
            for (int i = 0; i < 20; ++i) // warm-up
                co_await client.request(http::verb::get, "/healthz");
            for (int i = 0; i < kHealthzSamples; ++i) {
                const Clock::time_point start = Clock::now();
                co_await client.request(http::verb::get, "/healthz");
                samples.push_back(msSince(start));
            }
        },
        120s, "the /healthz baseline");
    std::printf("# healthz: %d GET /healthz on one keep-alive connection: median %.3f ms, p99 "
                "%.3f ms\n",
                kHealthzSamples, median(samples), percentile(samples, 0.99));
    return percentile(samples, 0.99);
}

// GET /healthz on its own keep-alive connection, every 2 ms, while kLoadLogins clients sign in
// (each an argon2id check) and kLoadPages clients read `changes` pages of kLoadPageRevisions,
// each kLoadRounds times: the p99 of the health checks.
double benchHealthzUnderLoad(Setup &setup, const std::vector<QString> &emails)
{
    constexpr int kLoadLogins = 20;
    constexpr int kLoadPages = 4;
    constexpr int kLoadPageRevisions = 5000;
    constexpr int kLoadRounds = 3;
    std::vector<std::unique_ptr<HttpClient>> clients;
    std::vector<Task> tasks;
    int loadRunning = kLoadLogins + kLoadPages;
    for (int i = 0; i < kLoadLogins; ++i) {
        clients.push_back(std::make_unique<HttpClient>(setup.ioc, setup.endpoint, std::string()));
        const std::string body = R"({"email":")" +
                                 emails[std::size_t(i) % emails.size()].toStdString() +
                                 R"(","password":")" + kPassword + R"("})";
        tasks.push_back([&client = *clients.back(), body, &loadRunning]() -> asio::awaitable<void> {
            for (int round = 0; round < kLoadRounds; ++round)
                co_await client.request(http::verb::post, "/api/v1/login", body);
            --loadRunning;
        });
    }
    for (int i = 0; i < kLoadPages; ++i) {
        clients.push_back(
            std::make_unique<HttpClient>(setup.ioc, setup.endpoint, setup.tokens.front()));
        tasks.push_back([&client = *clients.back(), &loadRunning]() -> asio::awaitable<void> {
            const std::string target =
                "/api/v1/changes?since=0&limit=" + std::to_string(kLoadPageRevisions);
            for (int round = 0; round < kLoadRounds; ++round)
                co_await client.request(http::verb::get, target);
            --loadRunning;
        });
    }
    HttpClient probe(setup.ioc, setup.endpoint, {});
    std::vector<double> samples;
    tasks.push_back([&]() -> asio::awaitable<void> {
        asio::steady_timer pause(setup.ioc);
        co_await probe.request(http::verb::get, "/healthz"); // connected before the load
        while (loadRunning > 0) {
            const Clock::time_point start = Clock::now();
            co_await probe.request(http::verb::get, "/healthz");
            samples.push_back(msSince(start));
            pause.expires_after(2ms);
            co_await pause.async_wait(asio::use_awaitable);
        }
    });
    const Clock::time_point begin = Clock::now();
    runAll(setup.ioc, std::move(tasks), 120s, "the /healthz under load benchmark");
    std::printf("# healthz under load: %zu GET /healthz on their own connection while %d clients "
                "signed in %d times each and %d read %d changes pages of %d revisions (%.0f ms "
                "in all): median %.3f ms, p99 %.3f ms, worst %.3f ms\n",
                samples.size(), kLoadLogins, kLoadRounds, kLoadPages, kLoadRounds,
                kLoadPageRevisions, msSince(begin), median(samples), percentile(samples, 0.99),
                samples.empty() ? 0.0 : *std::max_element(samples.begin(), samples.end()));
    return percentile(samples, 0.99);
}

// PostgreSQL restarted by `command` (e.g. `pg_ctlcluster 15 main restart -m fast`, which returns
// once PostgreSQL accepts connections): the seconds from then until pultd applies an op again,
// tried every 10 ms as a client retrying would; and the seconds the restart itself took.
std::pair<double, double> benchPgRecovery(Setup &setup, const QString &command)
{
    QProcess restart;
    restart.setProcessChannelMode(QProcess::MergedChannels);
    const Clock::time_point begin = Clock::now();
    restart.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    if (!restart.waitForFinished(120000) || restart.exitStatus() != QProcess::NormalExit ||
        restart.exitCode() != 0)
        fail("the restart command failed: " + restart.readAll().toStdString());
    const double restartSeconds = msSince(begin) / 1000.0;
    const Clock::time_point accepting = Clock::now();
    Pult::UuidV7Generator ids;
    HttpClient client(setup.ioc, setup.endpoint, setup.tokens.front());
    int attempts = 0;
    bool applied = false;
    while (!applied) {
        if (Clock::now() - accepting > 60s)
            fail("pultd did not apply an op within 60 s of PostgreSQL's restart");
        ++attempts;
        const std::string op = createTicketOp(ids, Pult::uuidToString(ids.next()).toStdString(),
                                              setup.billing, attempts);
        std::vector<Task> tasks;
        tasks.push_back([&]() -> asio::awaitable<void> {
            try {
                co_await client.request(http::verb::post, "/api/v1/ops", R"({"ops":[)" + op + "]}");
                applied = true;
            } catch (const std::exception &) {
                // a 503 or a refused connection: pause below, then try again
            }
            if (!applied) {
                asio::steady_timer pause(setup.ioc, 10ms);
                co_await pause.async_wait(asio::use_awaitable);
            }
        });
        runAll(setup.ioc, std::move(tasks), 30s, "an op after PostgreSQL's restart");
    }
    const double recovery = msSince(accepting) / 1000.0;
    std::printf("# pg recovery: the restart command took %.2f s; pultd applied an op %.3f s "
                "after it returned, at attempt %d\n",
                restartSeconds, recovery, attempts);
    return {recovery, restartSeconds};
}

// A client of the revision stream: a WebSocket for hints and a keep-alive HTTP connection of its
// own for pulling the changes.
struct PushClient
{
    PushClient(asio::io_context &ioc, tcp::endpoint endpoint, std::string token)
        : ws(ioc)
        , http(ioc, endpoint, token)
        , token(std::move(token))
    {}

    websocket::stream<beast::tcp_stream> ws;
    beast::flat_buffer buffer;
    HttpClient http;
    std::string token;
    qint64 hint = -1;   // the newest revision announced
    qint64 synced = -1; // every change up to here is pulled
    int doneRound = -1;
    qint64 hintAtDone = -1;
    int pulls = 0;
    bool reading = false;
};

struct PushRound
{
    int round = -1;
    QString ticketId; // of the op posted in this round
    Clock::time_point start;
    int done = 0; // clients that have seen the ticket
    std::vector<double> latencies;
    bool stopping = false;
    asio::steady_timer *allDone = nullptr;
};

asio::awaitable<qint64> readHint(PushClient &c)
{
    co_await c.ws.async_read(c.buffer, asio::use_awaitable);
    const std::string text = beast::buffers_to_string(c.buffer.data());
    c.buffer.consume(c.buffer.size());
    const qint64 revision =
        parseObject(text, "a stream message").value(QLatin1String("revision")).toInteger(-1);
    if (revision < 0)
        throw std::runtime_error("a stream message without a revision: " + text);
    co_return revision;
}

asio::awaitable<void> connectPushClient(PushClient &c, tcp::endpoint endpoint)
{
    auto &tcpStream = beast::get_lowest_layer(c.ws);
    tcpStream.expires_after(kRequestTimeout);
    co_await tcpStream.async_connect(endpoint, asio::use_awaitable);
    tcpStream.expires_never(); // the WebSocket's own timeouts from here on
    c.ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    c.ws.set_option(
        websocket::stream_base::decorator([token = c.token](websocket::request_type &request) {
            request.set(http::field::authorization, "Bearer " + token);
        }));
    co_await c.ws.async_handshake("127.0.0.1:" + std::to_string(endpoint.port()), "/api/v1/stream",
                                  asio::use_awaitable);
    // The first message is the current revision: the client starts as if its cache held that.
    c.hint = c.synced = co_await readHint(c);
    co_await c.http.connect();
}

// What a Pult client does: on every hint newer than what it has, pull the changes since then.
asio::awaitable<void> followStream(PushClient &c, PushRound &state)
{
    for (;;) {
        c.hint = std::max(c.hint, co_await readHint(c));
        while (c.hint > c.synced) {
            const std::string target = "/api/v1/changes?since=" + std::to_string(c.synced);
            const std::string reply = co_await c.http.request(http::verb::get, target);
            ++c.pulls;
            const QJsonObject page = parseObject(reply, "GET " + target);
            for (const QJsonValue &value : page.value(QLatin1String("changes")).toArray()) {
                const QJsonObject change = value.toObject();
                if (change.value(QLatin1String("type")).toString() == u"ticket" &&
                    change.value(QLatin1String("data"))
                            .toObject()
                            .value(QLatin1String("id"))
                            .toString() == state.ticketId &&
                    c.doneRound != state.round) {
                    state.latencies.push_back(msSince(state.start));
                    c.doneRound = state.round;
                    c.hintAtDone = c.hint;
                    if (++state.done == kPushClients)
                        state.allDone->cancel();
                }
            }
            const qint64 next = page.value(QLatin1String("next")).toInteger(-1);
            if (next <= c.synced)
                throw std::runtime_error("GET " + target + ": no progress (next " +
                                         std::to_string(next) + ")");
            c.synced = next;
        }
    }
}

double benchPush(Setup &setup)
{
    std::vector<std::unique_ptr<PushClient>> clients;
    for (int i = 0; i < kPushClients; ++i) {
        clients.push_back(std::make_unique<PushClient>(
            setup.ioc, setup.endpoint, setup.tokens[std::size_t(i) % setup.tokens.size()]));
    }
    HttpClient poster(setup.ioc, setup.endpoint, setup.tokens.front());
    const Clock::time_point connectStart = Clock::now();
    std::vector<Task> connects;
    for (auto &c : clients) {
        connects.push_back([&, client = c.get()]() -> asio::awaitable<void> {
            co_await connectPushClient(*client, setup.endpoint);
        });
    }
    connects.push_back([&]() -> asio::awaitable<void> { co_await poster.connect(); });
    runAll(setup.ioc, std::move(connects), 60s, "connecting the stream clients");
    std::printf("# push: %d stream clients (tokens of %zu agents) connected with a keep-alive HTTP "
                "connection each in %.0f ms, all driven by one io_context on one thread\n",
                kPushClients, setup.tokens.size(), msSince(connectStart));

    PushRound state;
    asio::steady_timer allDone(setup.ioc);
    state.allDone = &allDone;
    int reading = 0;
    for (auto &c : clients) {
        ++reading;
        asio::co_spawn(setup.ioc, followStream(*c, state), [&](std::exception_ptr e) {
            --reading;
            if (!e || state.stopping)
                return;
            try {
                std::rethrow_exception(e);
            } catch (const std::exception &error) {
                fail(std::string("a stream client: ") + error.what());
            }
        });
    }

    Pult::UuidV7Generator ids;
    std::vector<double> postMs;
    std::vector<double> roundMs;
    const double cpuStart = cpuSeconds();
    const Clock::time_point roundsStart = Clock::now();
    runOne(
        setup.ioc,
        [&]() -> asio::awaitable<void> {
            asio::steady_timer gap(setup.ioc);
            for (int round = 0; round < kPushRounds; ++round) {
                gap.expires_after(20ms); // rounds are separate events, not one burst
                co_await gap.async_wait(asio::use_awaitable);
                const std::string ticketId = newId(ids);
                const std::string body =
                    R"({"ops":[)" + createTicketOp(ids, ticketId, setup.billing, round) + "]}";
                state.round = round;
                state.ticketId = QString::fromStdString(ticketId);
                state.done = 0;
                state.start = Clock::now();
                const std::string reply =
                    co_await poster.request(http::verb::post, "/api/v1/ops", body);
                postMs.push_back(msSince(state.start));
                const QJsonObject object = parseObject(reply, "POST /api/v1/ops");
                const QJsonObject result =
                    object.value(QLatin1String("results")).toArray().at(0).toObject();
                if (result.value(QLatin1String("status")).toString() != u"applied")
                    throw std::runtime_error("the round's op was not applied: " + reply);
                const qint64 revision = result.value(QLatin1String("revision")).toInteger();
                if (state.done < kPushClients) {
                    allDone.expires_after(kRoundTimeout);
                    beast::error_code ec;
                    co_await allDone.async_wait(asio::redirect_error(asio::use_awaitable, ec));
                }
                if (state.done < kPushClients)
                    throw std::runtime_error(
                        "round " + std::to_string(round) + ": only " + std::to_string(state.done) +
                        " of " + std::to_string(kPushClients) + " clients saw the change in 10 s");
                roundMs.push_back(msSince(state.start));
                for (const auto &c : clients) {
                    if (c->hintAtDone < revision)
                        throw std::runtime_error("a client saw the change before its hint");
                }
            }
        },
        kRoundTimeout *(kPushRounds + 1), "the push benchmark");

    const double roundsSeconds = msSince(roundsStart) / 1000.0;
    const double cpu = cpuSeconds() - cpuStart;
    int pulls = 0;
    int httpConnects = 0;
    for (const auto &c : clients) {
        pulls += c->pulls;
        httpConnects += c->http.connects();
    }
    state.stopping = true;
    for (auto &c : clients) {
        beast::error_code ignored;
        beast::get_lowest_layer(c->ws).socket().close(ignored);
        c->http.close();
    }
    poster.close();
    const Clock::time_point deadline = Clock::now() + 10s;
    while (reading > 0) {
        if (Clock::now() >= deadline)
            fail("the stream clients did not stop");
        if (setup.ioc.stopped())
            setup.ioc.restart();
        setup.ioc.run_one_for(20ms);
    }
    if (httpConnects != kPushClients)
        fail("a stream client's HTTP connection was not kept alive");

    std::printf("# push: %d rounds of one create_ticket op; %zu samples (clients x rounds) from "
                "just before the POST until the client has the hint and has pulled the ticket; "
                "%d pulls in all (%.2f per client and round)\n",
                kPushRounds, state.latencies.size(), pulls,
                double(pulls) / kPushClients / kPushRounds);
    std::printf("# push: POST /api/v1/ops median %.3f ms; last client done after median %.3f ms, "
                "worst %.3f ms; latency median %.3f ms, p90 %.3f ms, max %.3f ms\n",
                median(postMs), median(roundMs), *std::max_element(roundMs.begin(), roundMs.end()),
                median(state.latencies), percentile(state.latencies, 0.90),
                *std::max_element(state.latencies.begin(), state.latencies.end()));
    std::printf("# push: the clients' thread used %.2f s of CPU in the %.2f s of the rounds\n", cpu,
                roundsSeconds);
    return percentile(state.latencies, 0.99);
}

// ---- the customer pages ----

// Fills server.db (pultd stopped) up to `total` tickets: rows of tickets, two messages each and a
// status link, written by SQL (the pages read by keys, so what counts is the size of the tables
// and their indexes, not what the filler rows say).
void fillTickets(const QString &path, qint64 total)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        fail("filling: cannot open " + path.toStdString());
    const auto count = [&](const char *sql) {
        sqlite3_stmt *st = nullptr;
        sqliteCheck(db, sqlite3_prepare_v2(db, sql, -1, &st, nullptr), sql);
        sqliteCheck(db, sqlite3_step(st), sql);
        const qint64 n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        return n;
    };
    const qint64 have = count("SELECT count(*) FROM tickets");
    const qint64 first = count("SELECT coalesce(max(number), 0) FROM tickets") + 1;
    if (have >= total) {
        sqlite3_close(db);
        return;
    }
    const std::string add = std::to_string(total - have);
    const std::string from = std::to_string(first);
    const std::string sql =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; BEGIN;"
        "INSERT INTO tickets(id, number, department_id, data) WITH RECURSIVE n(i) AS (SELECT 0 "
        "UNION ALL SELECT i + 1 FROM n WHERE i + 1 < " +
        add + ") SELECT randomblob(16), " + from +
        " + i, (SELECT id FROM departments WHERE name = 'Billing'), "
        "'{\"subject\":\"Filler ticket\",\"status\":\"closed\"}' FROM n;"
        "INSERT INTO messages(id, ticket_id, data) SELECT randomblob(16), id, "
        "'{\"kind\":\"customer\",\"body\":\"A filler message of a filler ticket.\"}' FROM "
        "tickets, (SELECT 1 UNION ALL SELECT 2) WHERE number >= " +
        from +
        ";"
        "INSERT INTO status_links(ticket_id, generation, token_hash) SELECT id, 0, "
        "randomblob(32) FROM tickets WHERE number >= " +
        from + "; COMMIT;";
    sqliteCheck(db, sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), "filling");
    sqlite3_close(db);
}

struct WebRun
{
    double statusPageMs = 0;
    double statusPageP99Ms = 0;
    double ticketReadMs = 0;
    double formsPerSecond = 0;
    double createsPerSecond = 0;
};

constexpr int kStatusMessages = 50;
constexpr int kPageReads = 200;
constexpr int kForms = 600;
constexpr int kFormClients = 4;

// A ticket with 50 messages, its page read again and again on one keep-alive connection, and the
// agent's read of the same ticket.
void benchStatusPage(Setup &setup, WebRun &run)
{
    Pult::UuidV7Generator ids;
    const std::string ticket = newId(ids);
    std::string batch = R"({"ops":[{"id":")" + newId(ids) +
                        R"(","type":"create_ticket","ticket":{"id":")" + ticket +
                        R"(","subject":"Fifty messages","department_id":")" + setup.billing +
                        R"(","requester":{"email":"page@bench.example","name":"Page Reader"}},)"
                        R"("message_id":")" +
                        newId(ids) + R"(","body":"The first message."})";
    for (int i = 1; i < kStatusMessages; ++i) {
        batch += R"(,{"id":")" + newId(ids) + R"(","type":"add_message","ticket_id":")" + ticket +
                 R"(","message":{"id":")" + newId(ids) + R"(","kind":")" +
                 (i % 2 ? "reply" : "customer") + R"(","body":"Message )" + std::to_string(i) +
                 R"( of the conversation, a few lines long as most are.\nThank you."}})";
    }
    batch += "]}";
    HttpClient agent(setup.ioc, setup.endpoint, setup.tokens.front());
    HttpClient customer(setup.ioc, setup.endpoint, {});
    std::string path;
    runOne(
        setup.ioc,
        [&]() -> asio::awaitable<void> {
            co_await agent.request(http::verb::post, "/api/v1/ops", batch);
            const std::string link =
                parseObject(co_await agent.request(http::verb::get,
                                                   "/api/v1/tickets/" + ticket + "/status-link"),
                            "status-link")
                    .value(QLatin1String("url"))
                    .toString()
                    .toStdString();
            path = link.substr(link.find("/t/"));
            const std::string page = co_await customer.request(http::verb::get, path);
            if (page.find("Message 49 of the conversation") == std::string::npos)
                throw std::runtime_error("the status page lacks the last message");
        },
        60s, "a ticket with 50 messages");
    std::vector<double> pages;
    std::vector<double> reads;
    runOne(
        setup.ioc,
        [&]() -> asio::awaitable<void> {
            for (int i = 0; i < kPageReads; ++i) {
                Clock::time_point start = Clock::now();
                co_await customer.request(http::verb::get, path);
                pages.push_back(msSince(start));
                start = Clock::now();
                co_await agent.request(http::verb::get, "/api/v1/tickets/" + ticket);
                reads.push_back(msSince(start));
            }
        },
        120s, "reading the status page");
    run.statusPageMs = median(pages);
    run.statusPageP99Ms = percentile(pages, 0.99);
    run.ticketReadMs = median(reads);
    std::printf("# web: %d reads of a status page of %d messages, alternating with the agent's "
                "GET /api/v1/tickets/{id}: median %.3f ms, p99 %.3f ms (the agent's read: "
                "median %.3f ms)\n",
                kPageReads, kStatusMessages, run.statusPageMs, run.statusPageP99Ms,
                run.ticketReadMs);
}

// A contact form as a browser sends it now (the form has a file input): multipart/form-data with
// the fields and an empty file part, so the post goes through pultd's spooled path.
constexpr std::string_view kFormBoundary = "----BenchFormBoundaryq1w2e3r4";
std::string browserForm(const std::vector<std::pair<std::string, std::string>> &fields)
{
    std::string body;
    for (const auto &[name, value] : fields)
        body += "--" + std::string(kFormBoundary) + "\r\nContent-Disposition: form-data; name=\"" +
                name + "\"\r\n\r\n" + value + "\r\n";
    return body + "--" + std::string(kFormBoundary) +
           "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
           "Content-Type: application/octet-stream\r\n\r\n\r\n--" +
           std::string(kFormBoundary) + "--\r\n";
}

// The bench's form number n with its signed token.
std::string benchForm(const std::string &token, const std::string &n)
{
    return browserForm({{"token", token},
                        {"name", "Form Sender " + n},
                        {"email", "form" + n + "@bench.example"},
                        {"subject", "Invoice " + n + ": wrong VAT"},
                        {"message", "The invoice lists 22 % VAT, not 9.5 %.\r\nPlease correct it."},
                        {"website", ""}});
}

// kForms posts by kFormClients clients, each request on a new connection from its own loopback
// address: contact forms (shown first, then posted) against create_ticket ops.
void benchForms(Setup &setup, WebRun &run)
{
    static const QRegularExpression tokenField(
        QStringLiteral("name=\"token\" value=\"([A-Za-z0-9_-]+)\""));
    std::vector<std::string> tokens;
    HttpClient browser(setup.ioc, setup.endpoint, {});
    runOne(
        setup.ioc,
        [&]() -> asio::awaitable<void> {
            for (int i = 0; i < kForms; ++i) {
                const std::string page = co_await browser.request(http::verb::get, "/form/billing");
                tokens.push_back(
                    tokenField.match(QString::fromStdString(page)).captured(1).toStdString());
                if (tokens.back().empty())
                    throw std::runtime_error("GET /form/billing: no form token");
            }
        },
        120s, "showing the forms");
    Pult::UuidV7Generator ids;
    const auto post = [&](bool forms) {
        std::size_t next = 0;
        std::vector<Task> clients;
        for (int c = 0; c < kFormClients; ++c) {
            clients.push_back([&, c, forms]() -> asio::awaitable<void> {
                HttpClient client(setup.ioc, setup.endpoint,
                                  forms ? std::string() : setup.tokens[std::size_t(c)]);
                for (std::size_t i = next++; i < std::size_t(kForms); i = next++) {
                    // 127.1.0.0/16 for the forms, 127.3.0.0/16 for the ops: each post its own.
                    client.setSource(asio::ip::make_address_v4((forms ? 0x7f010000u : 0x7f030000u) +
                                                               unsigned(i) + 1));
                    const std::string n = std::to_string(i);
                    if (forms)
                        co_await client.request(
                            http::verb::post, "/form/billing", benchForm(tokens[i], n),
                            "multipart/form-data; boundary=" + std::string(kFormBoundary));
                    else
                        co_await client.request(
                            http::verb::post, "/api/v1/ops",
                            R"({"ops":[)" +
                                createTicketOp(ids, newId(ids), setup.billing, 900000 + int(i)) +
                                "]}");
                }
            });
        }
        const Clock::time_point start = Clock::now();
        runAll(setup.ioc, std::move(clients), 300s, forms ? "posting forms" : "posting creates");
        return kForms / (msSince(start) / 1000.0);
    };
    run.createsPerSecond = post(false);
    run.formsPerSecond = post(true);
    std::printf("# web: %d contact forms and %d create_ticket ops (one per request) posted by %d "
                "clients, each request on a new connection from its own loopback address\n",
                kForms, kForms, kFormClients);
}

// 200 WebSocket and 200 HTTP connections need more descriptors than some defaults.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = 4096;
    if (limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 1024)
        fail("too few file descriptors (" + std::to_string(limit.rlim_cur) + "); need 1024");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments();
    arguments.removeFirst();
    QString database;
    QString restartCommand;
    qint64 webTickets = 1'000'000;
    bool usage = false;
    while (!arguments.isEmpty() && !usage) {
        const QString option = arguments.takeFirst();
        if (arguments.isEmpty()) {
            usage = true;
        } else if (option == u"--db") {
            database = arguments.takeFirst();
        } else if (option == u"--restart-command") {
            restartCommand = arguments.takeFirst();
        } else if (option == u"--web-tickets") {
            webTickets = arguments.takeFirst().toLongLong();
            usage = webTickets < 1;
        } else {
            usage = true;
        }
    }
    const bool postgres = !database.isEmpty();
    if (usage || (!restartCommand.isEmpty() && !postgres)) {
        std::printf(
            "Usage: bench_server [--db postgresql://... [--restart-command COMMAND]] "
            "[--web-tickets N]\n\n"
            "Starts %s on 127.0.0.1 with a temporary data directory and measures ops "
            "throughput, change pages, /healthz under load, push latency and the customer "
            "pages (see docs/performance.md). A few minutes. With --db, pultd keeps its "
            "data in that PostgreSQL database (an empty one); the baselines stay SQLite's "
            "on the local disk. With --restart-command (run by /bin/sh; it must return once "
            "PostgreSQL accepts connections, as `pg_ctlcluster 15 main restart -m fast` "
            "does), PostgreSQL is restarted at the end and server.pg_recovery_s measured. "
            "On SQLite the database is filled up to --web-tickets tickets (1,000,000) "
            "before the customer pages are measured.\n",
            PULTD_PATH);
        return app.arguments().value(1) == u"--help" ? 0 : 2;
    }
    raiseFileLimit();
    const Clock::time_point begin = Clock::now();

    QTemporaryDir temp;
    if (!temp.isValid())
        fail("cannot make a temporary directory");
    g_temp = &temp;
    const QString dataDir = QDir(temp.path()).filePath(QStringLiteral("data"));
    g_store = {QStringLiteral("--data"), dataDir};
    if (postgres) {
        g_store += {QStringLiteral("--db"), database};
        std::printf("# pultd's data in PostgreSQL: %s\n", qPrintable(database));
    }

    const Clock::time_point addStart = Clock::now();
    std::vector<QString> emails;
    for (int i = 1; i <= kAgents; ++i) {
        emails.push_back(QStringLiteral("bench%1@pult.example").arg(i));
        // The last one leads Billing, to write the time trigger benchmark's rule.
        addAgent(emails.back(), QStringLiteral("Bench Agent %1").arg(i),
                 i == kAgents ? QStringLiteral("lead") : QStringLiteral("agent"));
    }
    std::printf("# %d agents in Billing made with pultd user add in %.0f ms; data in %s\n", kAgents,
                msSince(addStart), qPrintable(temp.path()));

    QProcess pultd;
    const quint16 port = startPultd(pultd, QDir(temp.path()).filePath(QStringLiteral("pultd.log")));
    std::printf("# %s listening on 127.0.0.1:%u\n", PULTD_PATH, unsigned(port));
    std::fflush(stdout);

    asio::io_context ioc;
    Setup setup{ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), {}, {}};
    {
        HttpClient client(ioc, setup.endpoint, {});
        runOne(
            ioc,
            [&]() -> asio::awaitable<void> {
                for (const QString &email : emails) {
                    const std::string reply =
                        co_await client.request(http::verb::post, "/api/v1/login",
                                                R"({"email":")" + email.toStdString() +
                                                    R"(","password":")" + kPassword + R"("})");
                    const std::string token = parseObject(reply, "POST /api/v1/login")
                                                  .value(QLatin1String("token"))
                                                  .toString()
                                                  .toStdString();
                    if (token.empty())
                        throw std::runtime_error("POST /api/v1/login: no token");
                    setup.tokens.push_back(token);
                }
            },
            60s, "logging in");
        HttpClient agent(ioc, setup.endpoint, setup.tokens.front());
        runOne(
            ioc,
            [&]() -> asio::awaitable<void> {
                const std::string reply =
                    co_await agent.request(http::verb::get, "/api/v1/departments");
                const QJsonArray departments = parseObject(reply, "GET /api/v1/departments")
                                                   .value(QLatin1String("departments"))
                                                   .toArray();
                for (const QJsonValue &d : departments) {
                    if (d.toObject().value(QLatin1String("name")).toString() == u"Billing")
                        setup.billing =
                            d.toObject().value(QLatin1String("id")).toString().toStdString();
                }
                if (setup.billing.empty())
                    throw std::runtime_error("GET /api/v1/departments: no Billing in " + reply);
            },
            kRequestTimeout, "finding the Billing department");
    }

    const OpsRun ops = benchOps(setup);
    const RawSqlite raw = rawSqlite(QDir(temp.path()).filePath(QStringLiteral("baseline.db")),
                                    ops.ticketIds, ops.ops);
    std::printf("# sqlite baseline: %zu rows of (id BLOB PRIMARY KEY, data TEXT) with the ops' "
                "JSON, WAL, synchronous=NORMAL, transactions of %d; reads of 1,000 rows by id "
                "range, median of %d\n",
                ops.ops.size(), kOpsPerBatch, kPageSamples);
    report("server.ops_per_s", ops.opsPerSecond, "sqlite.raw_insert_same_rows_per_s",
           raw.insertRowsPerSecond);

    const double page = benchChanges(setup, ops.revision);
    report("server.changes_page_ms", page, "sqlite.read_1000_rows_ms", raw.read1000Ms);

    const double healthz = benchHealthz(setup);
    report("server.healthz_under_load_p99_ms", benchHealthzUnderLoad(setup, emails),
           "server.healthz_idle_p99_ms", healthz);
    const double push = benchPush(setup);
    report("server.push_p99_ms", push, "tcp.loopback_roundtrip_p99_ms", healthz);
    const auto [lag, opRoundTrip] = benchTimeTriggerLag(setup);
    report("rules.time_trigger_lag_ms", lag, "server.op_round_trip_ms", opRoundTrip);
    if (!restartCommand.isEmpty()) {
        const auto [recovery, restartTook] = benchPgRecovery(setup, restartCommand);
        report("server.pg_recovery_s", recovery, "pg.restart_s", restartTook);
    }

    const auto stop = [&] {
        pultd.terminate();
        if (!pultd.waitForFinished(kProcessTimeoutMs) ||
            pultd.exitStatus() != QProcess::NormalExit || pultd.exitCode() != 0) {
            fail("pultd did not stop cleanly on SIGTERM");
        }
    };
    // The customer pages: on SQLite in a database filled up to webTickets tickets, with pultd
    // started again for it (and without the forms' minimum fill time, which is a wait).
    stop();
    if (!postgres) {
        const Clock::time_point fillStart = Clock::now();
        fillTickets(QDir(dataDir).filePath(QStringLiteral("server.db")), webTickets);
        std::printf("# web: server.db filled up to %lld tickets (two messages and a status link "
                    "each) in %.1f s\n",
                    webTickets, msSince(fillStart) / 1000.0);
    } else {
        std::printf("# web: on PostgreSQL with the data of the runs above (not filled)\n");
    }
    const quint16 webPort =
        startPultd(pultd, QDir(temp.path()).filePath(QStringLiteral("pultd-web.log")),
                   {QStringLiteral("--form-min-fill"), QStringLiteral("0")});
    setup.endpoint = tcp::endpoint(asio::ip::make_address("127.0.0.1"), webPort);
    WebRun web;
    benchStatusPage(setup, web);
    benchForms(setup, web);
    report("web.status_page_ms", web.statusPageMs, "server.ticket_read_ms", web.ticketReadMs);
    report("web.form_submit_per_s", web.formsPerSecond, "server.create_one_per_request_per_s",
           web.createsPerSecond);
    stop();
    g_pultd = nullptr;
    g_temp = nullptr;
    std::printf("# the whole run took %.1f s\n", msSince(begin) / 1000.0);
    return 0;
}
