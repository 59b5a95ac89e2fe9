// The revision stream, GET /api/v1/stream: a WebSocket that announces the server's newest revision.
// Most tests run Pult::Server in this process (on a thread, port 0) so that they can call
// publishRevision(); the last one uses the real pultd and SIGTERM. The client is Boost.Beast's,
// driven from the test thread with deadlines: no test waits without one.

#include "accounts.h"
#include "pultdprocess.h"
#include "server.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using namespace PultdTest;

namespace {

const QByteArray kEmail = "ana@pult.example";
const QByteArray kPassword = "correct horse battery";

QByteArray post(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: pult.test\r\nContent-Type: application/json\r\n" +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray loginBody()
{
    return R"({"email":")" + kEmail + R"(","password":")" + kPassword + R"("})";
}

// A hand-made upgrade request, so that the tests see the exact HTTP answer.
QByteArray upgradeRequest(const QByteArray &authorization)
{
    QByteArray request = "GET /api/v1/stream HTTP/1.1\r\nHost: pult.test\r\n"
                         "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                         "Sec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    return request + "\r\n";
}

// A WebSocket client with its own io_context, run only while a test waits on it.
class StreamClient
{
public:
    struct Message
    {
        std::string text;
        qint64 revision = -1;
        Clock::time_point received;
    };

    ~StreamClient()
    {
        beast::error_code ignored;
        m_ws.next_layer().socket().close(ignored);
    }

    // Connects and asks for the upgrade; the server's HTTP answer is in response() either way.
    bool connect(quint16 port, const QByteArray &token)
    {
        bool done = false;
        const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
        m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
        if (!token.isEmpty()) {
            m_ws.set_option(websocket::stream_base::decorator(
                [token = token.toStdString()](websocket::request_type &request) {
                    request.set(beast::http::field::authorization, "Bearer " + token);
                }));
        }
        m_ws.next_layer().async_connect(endpoint, [&](const beast::error_code &ec) {
            if (ec) {
                m_error = ec;
                done = true;
                return;
            }
            m_ws.async_handshake(m_response, "127.0.0.1:" + std::to_string(port), "/api/v1/stream",
                                 [&](const beast::error_code &handshakeError) {
                                     m_error = handshakeError;
                                     done = true;
                                 });
        });
        return run([&] { return done; }) && !m_error;
    }

    // Keeps one read pending from now on, collecting messages until the connection ends.
    void startReading()
    {
        m_ws.async_read(m_buffer, [this](const beast::error_code &ec, std::size_t) {
            if (ec) {
                m_error = ec;
                m_ended = true;
                return;
            }
            Message message;
            message.text = beast::buffers_to_string(m_buffer.data());
            message.received = Clock::now();
            m_buffer.clear();
            const QJsonObject object =
                QJsonDocument::fromJson(QByteArray::fromStdString(message.text)).object();
            if (object.size() == 1 && object.value(QLatin1String("revision")).isDouble())
                message.revision = object.value(QLatin1String("revision")).toInteger();
            m_messages.push_back(message);
            startReading();
        });
    }

    // Sends a close frame (1000) and waits for the server's answer; needs startReading().
    bool close()
    {
        bool done = false;
        beast::error_code closeError;
        m_ws.async_close(websocket::close_code::normal, [&](const beast::error_code &ec) {
            closeError = ec;
            done = true;
        });
        // The pending read ends too: Beast's close takes the server's answer from it.
        return run([&] { return done && m_ended; }) && !closeError &&
               (m_error == websocket::error::closed || m_error == asio::error::operation_aborted);
    }

    // Runs the client until `condition` holds; false after the deadline.
    bool run(const std::function<bool()> &condition, std::chrono::milliseconds timeout = 15s)
    {
        const Clock::time_point deadline = Clock::now() + timeout;
        while (!condition()) {
            if (Clock::now() >= deadline)
                return false;
            if (m_ioc.stopped())
                m_ioc.restart();
            if (m_ioc.run_one_for(10ms) == 0 && m_ioc.stopped())
                std::this_thread::sleep_for(1ms); // nothing to do: the condition waits on others
        }
        return true;
    }

    bool waitForRevision(qint64 revision)
    {
        return run([&] { return lastRevision() == revision || m_ended; }) &&
               lastRevision() == revision;
    }

    // Runs the client for `duration` whatever happens.
    void runFor(std::chrono::milliseconds duration)
    {
        run([] { return false; }, duration);
    }

    bool waitForEnd()
    {
        return run([&] { return m_ended; });
    }

    qint64 lastRevision() const { return m_messages.empty() ? -1 : m_messages.back().revision; }
    const std::vector<Message> &messages() const { return m_messages; }
    // True when every message is {"revision":N} and N only grows.
    bool wellFormed() const
    {
        for (std::size_t i = 0; i < m_messages.size(); ++i) {
            if (m_messages[i].revision < 0 ||
                (i > 0 && m_messages[i].revision <= m_messages[i - 1].revision))
                return false;
        }
        return true;
    }
    bool ended() const { return m_ended; }
    beast::error_code error() const { return m_error; }
    websocket::close_reason closeReason() const { return m_ws.reason(); }
    const websocket::response_type &response() const { return m_response; }

private:
    asio::io_context m_ioc;
    websocket::stream<beast::tcp_stream> m_ws{m_ioc};
    websocket::response_type m_response;
    beast::flat_buffer m_buffer;
    std::vector<Message> m_messages;
    beast::error_code m_error;
    bool m_ended = false;
};

QByteArray describe(const StreamClient &client)
{
    return QByteArray::fromStdString(client.error().message() + " (HTTP " +
                                     std::to_string(client.response().result_int()) + ")");
}

} // namespace

class TestStream : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataDir;
    std::unique_ptr<Pult::Server> m_server;
    std::thread m_runner;
    std::atomic<bool> m_runReturned = false;
    QByteArray m_token;

    quint16 port() const { return m_server->port(); }

    std::optional<HttpReply> fetch(const QByteArray &request)
    {
        Connection connection;
        if (!connection.open(port()))
            return std::nullopt;
        return connection.request(request);
    }

    // Logs kEmail in at pultd; its token, or empty.
    static QByteArray logIn(Pultd &pultd)
    {
        const std::optional<HttpReply> login = pultd.fetch(post("/api/v1/login", loginBody()));
        if (statusOf(login) != 200)
            return {};
        return login->json().value(QLatin1String("token")).toString().toLatin1();
    }

    // Creates a ticket in the agent's first department through pultd's API; the op's revision,
    // or 0.
    static qint64 createTicket(Pultd &pultd, const QByteArray &token)
    {
        const QByteArray auth = "Authorization: Bearer " + token + "\r\n";
        const std::optional<HttpReply> departments =
            pultd.fetch("GET /api/v1/departments HTTP/1.1\r\nHost: pult.test\r\n" + auth + "\r\n");
        if (statusOf(departments) != 200)
            return 0;
        const QString department = departments->json()
                                       .value(QLatin1String("departments"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QLatin1String("id"))
                                       .toString();
        const QByteArray op =
            QStringLiteral(R"({"ops":[{"id":"%1","type":"create_ticket","ticket":{"id":"%2",)"
                           R"("subject":"Pushed","department_id":"%3"}}]})")
                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                     QUuid::createUuid().toString(QUuid::WithoutBraces), department)
                .toUtf8();
        const std::optional<HttpReply> applied =
            pultd.fetch("POST /api/v1/ops HTTP/1.1\r\nHost: pult.test\r\n" + auth +
                        "Content-Length: " + QByteArray::number(op.size()) + "\r\n\r\n" + op);
        if (statusOf(applied) != 200)
            return 0;
        return applied->json().value(QLatin1String("revision")).toInteger();
    }

    void stopServer()
    {
        if (!m_runner.joinable())
            return;
        m_server->stop();
        m_runner.join();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        {
            auto accounts = Pult::Accounts::open(m_dataDir.path().toStdString());
            QVERIFY(accounts.good());
            Pult::NewAgent agent;
            agent.email = QString::fromLatin1(kEmail);
            agent.name = QStringLiteral("Ana Novak");
            agent.role = Pult::Role::Agent;
            agent.departments = {{QStringLiteral("Billing"), 1}};
            QVERIFY((*accounts)->addAgent(agent, QString::fromLatin1(kPassword)).good());
        }
        Pult::ServerConfig config;
        config.port = 0;
        config.dataDirectory = m_dataDir.path().toStdString();
        config.threads = 2;
        config.handleSignals = false;
        config.shutdownTimeout = 2s; // the client that never reads is closed after this
        m_server = std::make_unique<Pult::Server>(config);
        const Pult::ServerStatus status = m_server->start();
        QVERIFY2(status.good(), status.error.c_str());
        m_runner = std::thread([this] {
            m_server->run();
            m_runReturned = true;
        });

        const std::optional<HttpReply> reply = fetch(post("/api/v1/login", loginBody()));
        QCOMPARE(statusOf(reply), 200);
        m_token = reply->json().value(QLatin1String("token")).toString().toLatin1();
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase() { stopServer(); }

    void anUpgradeWithoutAValidTokenGets401_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("unknown token") << QByteArray("Bearer not-a-token");
        QTest::newRow("not bearer") << QByteArray("Basic YW5hOnB3");
    }

    void anUpgradeWithoutAValidTokenGets401()
    {
        QFETCH(QByteArray, authorization);
        Connection connection;
        QVERIFY(connection.open(port()));
        const std::optional<HttpReply> reply = connection.request(upgradeRequest(authorization));
        QCOMPARE(statusOf(reply), 401);
        QCOMPARE(reply->errorCode(), QStringLiteral("unauthenticated"));
        QVERIFY(reply->header("upgrade").isEmpty());
        QVERIFY(reply->header("sec-websocket-accept").isEmpty());
        // Still plain HTTP on the same connection, and the server is fine.
        QCOMPARE(statusOf(connection.request(get("/healthz"))), 200);
    }

    void theBeastClientIsDeclinedToo()
    {
        StreamClient client;
        QVERIFY(!client.connect(port(), "not-a-token"));
        QCOMPARE(client.error(), beast::error_code(websocket::error::upgrade_declined));
        QCOMPARE(client.response().result_int(), 401u);
        QVERIFY(client.response().body().find("unauthenticated") != std::string::npos);
        QCOMPARE(statusOf(fetch(get("/healthz"))), 200);
    }

    void aPlainGetIsToldToUpgrade()
    {
        const std::optional<HttpReply> anonymous = fetch(get("/api/v1/stream"));
        QCOMPARE(statusOf(anonymous), 401);
        const std::optional<HttpReply> reply =
            fetch("GET /api/v1/stream HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " +
                  m_token + "\r\n\r\n");
        QCOMPARE(statusOf(reply), 426);
        QCOMPARE(reply->errorCode(), QStringLiteral("upgrade_required"));
        QCOMPARE(reply->header("upgrade"), QByteArray("websocket"));
        QCOMPARE(statusOf(fetch(post("/api/v1/stream", "{}"))), 405);
    }

    void theFirstMessageIsTheCurrentRevision()
    {
        QCOMPARE(m_server->revision(), std::int64_t(0));
        StreamClient client;
        QVERIFY2(client.connect(port(), m_token), describe(client).constData());
        QCOMPARE(client.response().result_int(), 101u);
        client.startReading();
        QVERIFY(client.run([&] { return !client.messages().empty() || client.ended(); }));
        QCOMPARE(client.messages().size(), 1u);
        QCOMPARE(client.messages().front().text, std::string(R"({"revision":0})"));
        QVERIFY(client.close());
        QCOMPARE(int(client.closeReason().code), int(websocket::close_code::normal));
    }

    void advancesAreCoalescedToTheNewest()
    {
        StreamClient client;
        QVERIFY2(client.connect(port(), m_token), describe(client).constData());
        client.startReading();
        QVERIFY(client.waitForRevision(0));

        m_server->publishRevision(5);
        QVERIFY(client.waitForRevision(5));
        QCOMPARE(m_server->revision(), std::int64_t(5));
        const std::size_t before = client.messages().size();
        m_server->publishRevision(6);
        m_server->publishRevision(7);
        m_server->publishRevision(8);
        QVERIFY(client.waitForRevision(8));
        client.runFor(50ms); // nothing else may come
        QVERIFY(client.messages().size() - before <= 3);
        QCOMPARE(client.lastRevision(), qint64(8));

        // Not above the current revision: ignored, and nothing is sent.
        m_server->publishRevision(8);
        m_server->publishRevision(3);
        QCOMPARE(m_server->revision(), std::int64_t(8));
        const std::size_t settled = client.messages().size();
        client.runFor(50ms);
        QCOMPARE(client.messages().size(), settled);

        // A burst: at most one message per 5 ms, the last one the newest.
        const Clock::time_point burstStart = Clock::now();
        for (qint64 revision = 9; revision <= 2008; ++revision)
            m_server->publishRevision(revision);
        QVERIFY(client.waitForRevision(2008));
        const auto span =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - burstStart);
        const std::size_t burstMessages = client.messages().size() - settled;
        QVERIFY2(burstMessages <= std::size_t(span / 5ms) + 1,
                 qPrintable(
                     QStringLiteral("%1 messages in %2 ms").arg(burstMessages).arg(span.count())));
        QVERIFY(client.wellFormed());
        QVERIFY(client.close());
    }

    void everyClientGetsTheHintAndALazyOneBlocksNoOne()
    {
        StreamClient lazy; // upgrades, then never reads
        QVERIFY2(lazy.connect(port(), m_token), describe(lazy).constData());
        StreamClient first;
        StreamClient second;
        QVERIFY2(first.connect(port(), m_token), describe(first).constData());
        QVERIFY2(second.connect(port(), m_token), describe(second).constData());
        first.startReading();
        second.startReading();
        qint64 revision = m_server->revision();
        QVERIFY(first.waitForRevision(revision));
        QVERIFY(second.waitForRevision(revision));

        // 50 rounds of 100 publishes; each message is at least 5 ms after the one before.
        const std::size_t before = first.messages().size();
        std::size_t allowed = 0;
        for (int round = 0; round < 50; ++round) {
            const Clock::time_point start = Clock::now();
            for (int i = 0; i < 100; ++i)
                m_server->publishRevision(++revision);
            QVERIFY(first.waitForRevision(revision));
            QVERIFY(second.waitForRevision(revision));
            allowed += std::size_t((Clock::now() - start) / 5ms) + 1;
        }
        QVERIFY(first.wellFormed());
        QVERIFY(second.wellFormed());
        QVERIFY(first.messages().size() - before <= allowed);
        QVERIFY(first.messages().size() - before <= 5000);
        QVERIFY(!lazy.ended());
        QCOMPARE(statusOf(fetch(get("/healthz"))), 200);
        QVERIFY(first.close());
        QVERIFY(second.close());
    }

    void stopClosesEveryStreamWithGoingAway()
    {
        StreamClient lazy; // answers nothing: closed after the shutdown timeout
        QVERIFY2(lazy.connect(port(), m_token), describe(lazy).constData());
        std::vector<std::unique_ptr<StreamClient>> clients;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<StreamClient>());
            QVERIFY2(clients.back()->connect(port(), m_token),
                     describe(*clients.back()).constData());
            clients.back()->startReading();
            QVERIFY(clients.back()->waitForRevision(m_server->revision()));
        }
        QVERIFY(!m_runReturned);

        const Clock::time_point stopped = Clock::now();
        m_server->stop();
        for (const std::unique_ptr<StreamClient> &client : clients) {
            QVERIFY(client->waitForEnd());
            QCOMPARE(client->error(), beast::error_code(websocket::error::closed));
            QCOMPARE(int(client->closeReason().code), int(websocket::close_code::going_away));
        }
        QVERIFY(QTest::qWaitFor([&] { return m_runReturned.load(); }, kTimeoutMs));
        QVERIFY(Clock::now() - stopped < 10s);
        m_runner.join();

        // Publishing after the end is harmless.
        m_server->publishRevision(m_server->revision() + 1);
    }

    void pultdPushesWritesAndClosesStreamsOnSigterm()
    {
        Pultd pultd;
        const Run added = addAgent(pultd.dataDir(), QString::fromLatin1(kEmail),
                                   QStringLiteral("agent"), QStringLiteral("Billing"), kPassword);
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(pultd.start());
        const QByteArray token = logIn(pultd);
        QVERIFY(!token.isEmpty());

        StreamClient client;
        QVERIFY2(client.connect(pultd.port(), token), describe(client).constData());
        QVERIFY(std::string(client.response()[beast::http::field::server]).starts_with("pultd/"));
        client.startReading();
        QVERIFY(client.run([&] { return !client.messages().empty() || client.ended(); }));
        QCOMPARE(client.messages().front().text, std::string(R"({"revision":0})"));
        QVERIFY(pultd.waitForLog("\"event\":\"stream_opened\""));

        // A write through the API reaches the stream as the op's revision.
        const qint64 revision = createTicket(pultd, token);
        QVERIFY(revision > 0);
        QVERIFY(client.waitForRevision(revision));

        pultd.process().terminate(); // SIGTERM
        QVERIFY(client.waitForEnd());
        QCOMPARE(client.error(), beast::error_code(websocket::error::closed));
        QCOMPARE(int(client.closeReason().code), int(websocket::close_code::going_away));
        QCOMPARE(pultd.waitForExit(), 0);

        const QByteArray log = pultd.log();
        QVERIFY2(log.contains("\"event\":\"stream_closed\""), log.constData());
        QVERIFY2(log.contains("\"reason\":\"shutdown\""), log.constData());
        QVERIFY2(log.contains("\"route\":\"/api/v1/stream\""), log.constData());
        QVERIFY2(log.contains("\"agent_id\":\""), log.constData());
        QVERIFY(!log.contains(token));
    }
    // Several pultd on one PostgreSQL database: a write through one reaches the WebSocket
    // clients of the other (NOTIFY in the write transaction, LISTEN in each pultd).
    void anotherPultdOnTheDatabasePushesToo()
    {
        if (!usingPostgres())
            QSKIP("pultd processes share a database only on PostgreSQL "
                  "(server_stream_postgresql runs this)");
        Pultd writer;
        const Run added = addAgent(writer.dataDir(), QString::fromLatin1(kEmail),
                                   QStringLiteral("agent"), QStringLiteral("Billing"), kPassword);
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(writer.start());
        Pultd other;
        other.shareDatabaseWith(writer);
        QVERIFY(other.start());

        const QByteArray otherToken = logIn(other); // the accounts are shared too
        QVERIFY(!otherToken.isEmpty());
        StreamClient client;
        QVERIFY2(client.connect(other.port(), otherToken), describe(client).constData());
        client.startReading();
        QVERIFY(client.run([&] { return !client.messages().empty() || client.ended(); }));
        QCOMPARE(client.messages().front().text, std::string(R"({"revision":0})"));

        for (int i = 0; i < 3; ++i) {
            const qint64 revision = createTicket(writer, logIn(writer));
            QVERIFY(revision > 0);
            QVERIFY(client.waitForRevision(revision));
        }
        // And the other pultd serves what the writer stored.
        const std::optional<HttpReply> changes =
            other.fetch("GET /api/v1/changes?since=0 HTTP/1.1\r\nHost: pult.test\r\n"
                        "Authorization: Bearer " +
                        otherToken + "\r\n\r\n");
        QCOMPARE(statusOf(changes), 200);
        QVERIFY(changes->json().value(QLatin1String("changes")).toArray().size() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestStream)
#include "tst_stream.moc"
