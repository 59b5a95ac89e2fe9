// pultd as it runs in production: the real executable, a real TCP client, raw HTTP bytes.
// Nothing sleeps: every wait is on a condition with a deadline, and waits run the event loop so
// that pultd's stdout and stderr pipes keep draining.

#include "pultdprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace {

constexpr qsizetype kBodyLimit = 1024 * 1024; // pultd's default

} // namespace

using namespace PultdTest;

class TestPultd : public QObject
{
    Q_OBJECT

    std::unique_ptr<Pultd> m_server; // shared by the tests that do not stop it

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<Pultd>();
        QVERIFY(m_server->start());
    }

    void cleanupTestCase() { QCOMPARE(m_server->terminate(), 0); }

    void healthz()
    {
        Connection connection;
        QVERIFY(connection.open(m_server->port()));
        auto reply = connection.request(get("/healthz"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("content-type"), QByteArray("application/json"));
        QCOMPARE(reply->body, QByteArray(R"({"status":"ok"})"));
        QCOMPARE(reply->json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));

        // The connection stays open for the next request; HEAD has the headers only, so the
        // answer after it parses cleanly.
        reply = connection.request(get("/healthz", "HEAD"), /*headOnly=*/true);
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("content-length"), QByteArray("15"));
        reply = connection.request(get("/healthz?probe=1"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, QByteArray(R"({"status":"ok"})"));
    }

    void unknownPathIs404Json()
    {
        const auto reply = m_server->fetch(get("/api/tickets"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 404);
        QCOMPARE(reply->header("content-type"), QByteArray("application/json"));
        QCOMPARE(reply->errorCode(), QStringLiteral("not_found"));
        const QString message = reply->json()
                                    .value(QLatin1String("error"))
                                    .toObject()
                                    .value(QLatin1String("message"))
                                    .toString();
        QVERIFY2(message.contains(QStringLiteral("/api/tickets")), qPrintable(message));
    }

    // A path with invalid UTF-8 and odd characters is echoed in valid JSON, bad bytes as U+FFFD.
    void errorBodyStaysValidJsonForAnyPath()
    {
        const auto reply = m_server->fetch(get("/caf\xC3\xA9\xFF\\\"x"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 404);
        QJsonParseError error;
        const QJsonObject body = QJsonDocument::fromJson(reply->body, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, reply->body.toHex().constData());
        const QString message = body.value(QLatin1String("error"))
                                    .toObject()
                                    .value(QLatin1String("message"))
                                    .toString();
        QCOMPARE(message, QStringLiteral("no resource at /caf") + QChar(0xE9) + QChar(0xFFFD) +
                              QStringLiteral("\\\"x"));
    }

    void wrongMethodIs405()
    {
        const auto reply = m_server->fetch(
            "POST /healthz HTTP/1.1\r\nHost: pult.test\r\nContent-Length: 2\r\n\r\n{}");
        QVERIFY(reply);
        QCOMPARE(reply->status, 405);
        QCOMPARE(reply->header("allow"), QByteArray("GET, HEAD"));
        QCOMPARE(reply->errorCode(), QStringLiteral("method_not_allowed"));
    }

    void bodyLimit_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        const QByteArray head =
            "POST /healthz HTTP/1.1\r\nHost: pult.test\r\nContent-Type: application/json\r\n";
        const auto withLength = [&](qsizetype size) -> QByteArray {
            return head + "Content-Length: " + QByteArray::number(size) + "\r\n\r\n" +
                   QByteArray(size, 'a');
        };
        QTest::newRow("content-length over the limit")
            << withLength(kBodyLimit + 1) << 413 << QStringLiteral("payload_too_large");
        QByteArray chunked = head + "Transfer-Encoding: chunked\r\n\r\n";
        for (qsizetype sent = 0; sent <= kBodyLimit; sent += 65536)
            chunked += "10000\r\n" + QByteArray(65536, 'a') + "\r\n";
        chunked += "0\r\n\r\n";
        QTest::newRow("chunked over the limit")
            << chunked << 413 << QStringLiteral("payload_too_large");
        // Exactly at the limit the body is accepted, and the route answers.
        QTest::newRow("at the limit")
            << withLength(kBodyLimit) << 405 << QStringLiteral("method_not_allowed");
    }

    void bodyLimit()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);

        const auto reply = m_server->fetch(request);
        QVERIFY(reply);
        QCOMPARE(reply->status, status);
        QCOMPARE(reply->errorCode(), code);
        if (status == 413)
            QCOMPARE(reply->header("connection"), QByteArray("close"));
        QCOMPARE(statusOf(m_server->fetch(get("/healthz"))), 200);
    }

    void malformedRequestIs400_data()
    {
        QTest::addColumn<QByteArray>("request");

        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("no version") << QByteArray("GET /healthz\r\n\r\n");
        QTest::newRow("bare line feeds")
            << QByteArray("GET /healthz HTTP/1.1\nHost: pult.test\n\n");
        QTest::newRow("bad version") << QByteArray("GET /healthz HTTP/x.1\r\n\r\n");
        QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n");
        QTest::newRow("control character in method")
            << QByteArray("G\x01T /healthz HTTP/1.1\r\n\r\n");
        QTest::newRow("header without colon")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost pult\r\n\r\n");
        QTest::newRow("bad content-length")
            << QByteArray("POST /healthz HTTP/1.1\r\nContent-Length: ten\r\n\r\n");
        QTest::newRow("conflicting content-lengths") << QByteArray(
            "POST /healthz HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
        QTest::newRow("bad chunk size")
            << QByteArray("POST /healthz HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    }

    void malformedRequestIs400()
    {
        QFETCH(QByteArray, request);

        Connection connection;
        QVERIFY(connection.open(m_server->port()));
        const auto reply = connection.request(request);
        QVERIFY(reply);
        QCOMPARE(reply->status, 400);
        QCOMPARE(reply->errorCode(), QStringLiteral("bad_request"));
        QCOMPARE(reply->header("connection"), QByteArray("close"));
        QVERIFY(connection.waitForServerClose());

        // The server is still up.
        QCOMPARE(statusOf(m_server->fetch(get("/healthz"))), 200);
    }

    void oversizedHeadersAre431()
    {
        const QByteArray request =
            "GET /healthz HTTP/1.1\r\nHost: pult.test\r\nX-Padding: " + QByteArray(32 * 1024, 'a') +
            "\r\n\r\n";
        const auto reply = m_server->fetch(request);
        QVERIFY(reply);
        QCOMPARE(reply->status, 431);
        QCOMPARE(reply->errorCode(), QStringLiteral("headers_too_large"));
        QCOMPARE(statusOf(m_server->fetch(get("/healthz"))), 200);
    }

    void logsAreJsonLinesWithoutSecrets()
    {
        const auto reply = m_server->fetch(get("/healthz?token=hunter2"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QVERIFY(m_server->waitForLog(R"("route":"/healthz","status":200)"));

        static const QRegularExpression isoTime(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        const QList<QByteArray> lines = m_server->log().trimmed().split('\n');
        QVERIFY(lines.size() >= 2);
        bool sawRequest = false;
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonObject record = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QVERIFY2(isoTime.match(record.value(QLatin1String("time")).toString()).hasMatch(),
                     line.constData());
            QVERIFY2(!record.value(QLatin1String("level")).toString().isEmpty(), line.constData());
            QVERIFY2(!record.value(QLatin1String("event")).toString().isEmpty(), line.constData());
            if (record.value(QLatin1String("event")).toString() == QLatin1String("request") &&
                record.value(QLatin1String("route")).toString() == QLatin1String("/healthz") &&
                record.value(QLatin1String("method")).toString() == QLatin1String("GET")) {
                sawRequest = true;
                QCOMPARE(record.value(QLatin1String("level")).toString(), QStringLiteral("info"));
                QCOMPARE(record.value(QLatin1String("status")).toInt(), 200);
                QVERIFY(record.value(QLatin1String("duration_ms")).isDouble());
            }
        }
        QVERIFY(sawRequest);
        // The first record after the schema's migrations (a fresh database: one per step).
        qsizetype first = 0;
        while (first < lines.size() && lines[first].contains(R"("event":"schema_migrated")"))
            ++first;
        QVERIFY(first < lines.size());
        QVERIFY2(lines[first].contains(R"("event":"listening")"), lines[first].constData());
        QVERIFY(!m_server->log().contains("hunter2"));
    }

    void connectionsBeyondTheLimitGet503()
    {
        Pultd pultd;
        QVERIFY(pultd.start({QStringLiteral("--max-connections"), QStringLiteral("2")}));
        // Two connections, each known to the server because it answered on it.
        auto first = std::make_unique<Connection>();
        Connection second;
        QVERIFY(first->open(pultd.port()));
        QVERIFY(second.open(pultd.port()));
        QCOMPARE(statusOf(first->request(get("/healthz"))), 200);
        QCOMPARE(statusOf(second.request(get("/healthz"))), 200);

        Connection third;
        QVERIFY(third.open(pultd.port()));
        const auto reply = third.request(get("/healthz"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 503);
        QCOMPARE(reply->errorCode(), QStringLiteral("overloaded"));
        QCOMPARE(reply->header("retry-after"), QByteArray("1"));
        QCOMPARE(reply->header("connection"), QByteArray("close"));
        QVERIFY(pultd.waitForLog(R"("event":"connection_rejected")"));

        // Once a connection closes, its place is free again.
        first.reset();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto retry = pultd.fetch(get("/healthz"));
                return retry && retry->status == 200;
            },
            kTimeoutMs));
        QCOMPARE(pultd.terminate(), 0);
    }

    // Password checks and store work run on a bounded worker pool: a request beyond its queue is
    // answered 503 with Retry-After at once, and GET /healthz is answered on the network thread
    // while the workers are busy.
    void requestsBeyondTheWorkerQueueGet503()
    {
        Pultd pultd;
        const QByteArray password = "a long enough password";
        QCOMPARE(addAgent(pultd.dataDir(), QStringLiteral("queue@pult.example"),
                          QStringLiteral("agent"), QStringLiteral("Billing"), password + '\n')
                     .exitCode,
                 0);
        QVERIFY(pultd.start({QStringLiteral("--workers"), QStringLiteral("1"),
                             QStringLiteral("--max-queued-requests"), QStringLiteral("1")}));
        // Twelve sign-ins at once, each an argon2id check of tens of milliseconds: one worker and
        // one place in the queue cannot admit them all.
        const QByteArray login =
            apiRequest("POST", "/api/v1/login", {},
                       R"({"email":"queue@pult.example","password":")" + password + R"("})");
        std::vector<std::unique_ptr<Connection>> clients;
        for (int i = 0; i < 12; ++i) {
            clients.push_back(std::make_unique<Connection>());
            QVERIFY(clients.back()->open(pultd.port()));
        }
        for (const auto &client : clients)
            QVERIFY(client->send(login));
        QCOMPARE(statusOf(pultd.fetch(get("/healthz"))), 200);

        int signedIn = 0;
        int turnedAway = 0;
        for (const auto &client : clients) {
            const std::optional<HttpReply> reply = client->read();
            QVERIFY(reply);
            if (reply->status == 200) {
                QVERIFY(!reply->json().value(QLatin1String("token")).toString().isEmpty());
                ++signedIn;
                continue;
            }
            QCOMPARE(reply->status, 503);
            QCOMPARE(reply->errorCode(), QStringLiteral("overloaded"));
            QCOMPARE(reply->header("retry-after"), QByteArray("1"));
            ++turnedAway;
        }
        QVERIFY2(signedIn >= 1, "the admitted sign-ins succeed");
        QVERIFY2(turnedAway >= 1, "sign-ins beyond the queue are turned away at once");

        // Turned-away clients retry once the queue has room; the refusals are counted.
        QCOMPARE(statusOf(pultd.fetch(login)), 200);
        const std::optional<HttpReply> metrics = pultd.fetch(get("/metrics"));
        QVERIFY(metrics);
        QVERIFY(metrics->body.contains(
            QByteArray("pultd_overloaded_total " + QByteArray::number(turnedAway))));
        QCOMPARE(pultd.terminate(), 0);
    }

    void idleConnectionsAreClosed()
    {
        Pultd pultd;
        QVERIFY(pultd.start({QStringLiteral("--idle-timeout"), QStringLiteral("1")}));
        Connection quiet; // says nothing at all
        QVERIFY(quiet.open(pultd.port()));
        Connection afterAnswer; // keep-alive after one answer
        QVERIFY(afterAnswer.open(pultd.port()));
        QCOMPARE(statusOf(afterAnswer.request(get("/healthz"))), 200);
        Connection slow; // never finishes its headers
        QVERIFY(slow.open(pultd.port()));
        QVERIFY(slow.send("GET /healthz HTTP/1.1\r\nHost: pu"));

        QVERIFY(quiet.waitForServerClose());
        QVERIFY(afterAnswer.waitForServerClose());
        QVERIFY(slow.waitForServerClose());
        QVERIFY(pultd.waitForLog(R"("event":"request_timeout")"));
        QCOMPARE(statusOf(pultd.fetch(get("/healthz"))), 200);
        QCOMPARE(pultd.terminate(), 0);
    }

    void sigtermFinishesTheRequestUnderWay()
    {
        Pultd pultd;
        QVERIFY(pultd.start());
        Connection connection;
        QVERIFY(connection.open(pultd.port()));
        // A first answer proves the server has accepted the connection (a connection still in
        // the system's accept queue is reset when the listening socket closes).
        QCOMPARE(statusOf(connection.request(get("/healthz"))), 200);
        QVERIFY(connection.send("GET /healthz HTTP/1.1\r\nHost: pult.test\r\n")); // unfinished

        pultd.process().terminate();
        QVERIFY(pultd.waitForLog(R"("event":"shutdown_started")"));
        QVERIFY(pultd.log().contains(R"("open_connections":1)"));

        Connection late;
        QVERIFY2(!late.open(pultd.port()), "new connections are refused during shutdown");

        const auto reply = connection.request("\r\n");
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, QByteArray(R"({"status":"ok"})"));
        QCOMPARE(reply->header("connection"), QByteArray("close"));

        QCOMPARE(pultd.waitForExit(), 0);
        QVERIFY(pultd.log().contains(R"("event":"shutdown_complete")"));
        QVERIFY(!pultd.log().contains("shutdown_forced"));
    }

    void sigtermClosesIdleConnectionsAtOnce()
    {
        Pultd pultd;
        QVERIFY(pultd.start());
        Connection idle; // keep-alive, waiting for a next request that never comes
        QVERIFY(idle.open(pultd.port()));
        QCOMPARE(statusOf(idle.request(get("/healthz"))), 200);

        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(pultd.terminate(), 0);
        // Not held up until the shutdown timeout (10 s) forces the connection closed.
        QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(!pultd.log().contains("shutdown_forced"));
        QVERIFY(idle.waitForServerClose());
    }

    void commandLine()
    {
        Run r = runPultd({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("Usage: pultd --data DIR"));

        r = runPultd({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("pultd " PULT_VERSION "\n"));

        r = runPultd(
            {QStringLiteral("--data"), QStringLiteral("x"), QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("pultd: unknown option '--frobnicate'"), r.err.constData());
        QVERIFY(r.out.isEmpty());

        r = runPultd({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("missing --data DIR"), r.err.constData());

        r = runPultd({QStringLiteral("--data"), QStringLiteral("x"), QStringLiteral("--listen"),
                      QStringLiteral("nowhere")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--listen expects ADDR:PORT"), r.err.constData());
    }

    void dataDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        // Created with its parents when missing.
        const QString nested = dir.filePath(QStringLiteral("a/b/data"));
        QProcess process;
        process.start(QStringLiteral(PULTD_PATH),
                      {QStringLiteral("--data"), nested, QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0")});
        QVERIFY(QTest::qWaitFor(
            [&] { return process.canReadLine() || process.state() == QProcess::NotRunning; },
            kTimeoutMs));
        QVERIFY(process.readLine().startsWith("pultd listening on http://127.0.0.1:"));
        QVERIFY(QFileInfo(nested).isDir());
        process.terminate();
        QVERIFY(process.waitForFinished(kTimeoutMs));
        QCOMPARE(process.exitCode(), 0);

        // Impossible: a file is in the way.
        const QString file = dir.filePath(QStringLiteral("file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Run r = runPultd({QStringLiteral("--data"), file, QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("exists but is not a directory"), r.err.constData());
        r = runPultd({QStringLiteral("--data"), file + QStringLiteral("/sub"),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("pultd: cannot create data directory"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void listenErrors()
    {
        QTemporaryDir dir;
        Run r = runPultd({QStringLiteral("--data"), dir.path(), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(m_server->port())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("pultd: cannot listen on 127.0.0.1:"), r.err.constData());

        r = runPultd({QStringLiteral("--data"), dir.path(), QStringLiteral("--listen"),
                      QStringLiteral("999.0.0.1:0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("invalid listen address '999.0.0.1'"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPultd)
#include "tst_pultd.moc"
