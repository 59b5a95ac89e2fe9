// GET /metrics and `pultd backup` through the real pultd: the exposition format line by line,
// counters that follow the requests, ops and streams, and backups taken while pultd serves.

#include "pultdprocess.h"
#include "sqlitedb.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QUuid>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";
const QString kSubject = QStringLiteral("Invoice 1042 is wrong");

// One scrape, parsed: every sample by its series ("name{labels}" as written).
struct Scrape
{
    QString problem; // the first line that is not valid exposition text; empty when all are
    QMap<QByteArray, double> samples;
    QMap<QByteArray, QByteArray> types; // family name: counter, gauge, histogram

    double value(const QByteArray &series) const { return samples.value(series, 0); }
};

Scrape parseExposition(const QByteArray &text)
{
    static const QRegularExpression sampleLine(
        QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")"
                       R"((?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (\S+)$)"));
    static const QRegularExpression commentLine(
        QStringLiteral(R"(^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$)"));
    Scrape scrape;
    if (!text.endsWith('\n'))
        scrape.problem = QStringLiteral("the text does not end with a line feed");
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size() && scrape.problem.isEmpty(); ++i) {
        const QString line = QString::fromUtf8(lines[i]);
        if (const QRegularExpressionMatch m = commentLine.match(line); m.hasMatch()) {
            if (m.captured(1) == u"TYPE") {
                const QString type = m.captured(3);
                if (type != u"counter" && type != u"gauge" && type != u"histogram")
                    scrape.problem = QStringLiteral("unknown type: ") + line;
                else
                    scrape.types.insert(m.captured(2).toUtf8(), type.toUtf8());
            }
            continue;
        }
        const QRegularExpressionMatch m = sampleLine.match(line);
        if (!m.hasMatch()) {
            scrape.problem = QStringLiteral("not a sample: ") + line;
            break;
        }
        QByteArray family = m.captured(1).toUtf8();
        if (!scrape.types.contains(family)) {
            for (const char *suffix : {"_bucket", "_sum", "_count"}) {
                if (family.endsWith(suffix) &&
                    scrape.types.value(family.chopped(qsizetype(strlen(suffix)))) == "histogram")
                    family.chop(qsizetype(strlen(suffix)));
            }
        }
        if (!scrape.types.contains(family))
            scrape.problem = QStringLiteral("a sample before its TYPE line: ") + line;
        const QString text = m.captured(3);
        bool ok = true;
        const double value = text == u"+Inf" ? qInf() : text.toDouble(&ok);
        if (!ok)
            scrape.problem = QStringLiteral("not a number: ") + line;
        const QByteArray series = m.captured(1).toUtf8() + m.captured(2).toUtf8();
        if (scrape.samples.contains(series))
            scrape.problem = QStringLiteral("a series twice: ") + line;
        scrape.samples.insert(series, value);
    }
    return scrape;
}

QByteArray requestsSeries(const char *route, const char *method, int status)
{
    return QByteArray("pultd_http_requests_total{route=\"") + route + "\",method=\"" + method +
           "\",status=\"" + QByteArray::number(status) + "\"}";
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QByteArray m_token;
    QString m_billing;
    bool m_serverStopped = false;
    QTemporaryDir m_backups;

    // A scrape over `connection`: the requests sent on it before are all counted by then.
    Scrape scrape(Connection &connection)
    {
        const std::optional<HttpReply> reply = connection.request(get("/metrics"));
        if (statusOf(reply) != 200)
            return {QStringLiteral("GET /metrics answered %1").arg(statusOf(reply)), {}, {}};
        return parseExposition(reply->body);
    }

    Run backup(const QString &dataDir, const QString &file)
    {
        return runPultd({QStringLiteral("--data"), dataDir, QStringLiteral("backup"), file});
    }

    // What a backup holds: the agent's count and the tickets' subjects.
    static void checkCopy(const QString &file, int tickets)
    {
        auto db = Pult::Sql::Database::open(file, Pult::Sql::Database::Mode::ReadOnly);
        QVERIFY(db.good());
        auto agents = (*db)->prepare("SELECT count(*) FROM agents WHERE email = ?1");
        QVERIFY(agents.good());
        (*agents)->bind(1, QStringLiteral("ana@pult.example"));
        QVERIFY((*agents)->next());
        QCOMPARE((*agents)->int64(0), qint64(1));
        (*agents)->reset();
        auto rows = (*db)->prepare("SELECT data FROM tickets");
        QVERIFY(rows.good());
        int found = 0;
        while ((*rows)->next()) {
            ++found;
            QVERIFY((*rows)->text(0).contains(kSubject));
        }
        QVERIFY((*rows)->status().good());
        QCOMPARE(found, tickets);
        auto check = (*db)->prepare("PRAGMA integrity_check");
        QVERIFY(check.good());
        QVERIFY((*check)->next());
        QCOMPARE((*check)->text(0), QStringLiteral("ok"));
        (*check)->reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        const Run added =
            runPultd(storeArguments(m_server.dataDir()) +
                         QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                     QStringLiteral("ana@pult.example"), QStringLiteral("--name"),
                                     QStringLiteral("Ana Novak"), QStringLiteral("--role"),
                                     QStringLiteral("agent"), QStringLiteral("--dept"),
                                     QStringLiteral("Billing")},
                     kPassword);
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(m_server.start());
        const std::optional<HttpReply> login = m_server.fetch(
            apiRequest("POST", "/api/v1/login", {},
                       R"({"email":"ana@pult.example","password":")" + kPassword + R"("})"));
        QCOMPARE(statusOf(login), 200);
        m_token = login->json().value(QLatin1String("token")).toString().toLatin1();
        const QJsonArray departments = login->json()
                                           .value(QLatin1String("agent"))
                                           .toObject()
                                           .value(QLatin1String("departments"))
                                           .toArray();
        QCOMPARE(departments.size(), 1);
        m_billing = departments.first().toObject().value(QLatin1String("id")).toString();
        QVERIFY(!m_token.isEmpty() && !m_billing.isEmpty());
    }

    // pultd backup copies SQLite's server.db; a PostgreSQL database is backed up with pg_dump.
    void init()
    {
        if (usingPostgres() && QByteArray(QTest::currentTestFunction()).contains("ackup"))
            QSKIP("pultd backup copies SQLite databases; PostgreSQL's are backed up with pg_dump");
    }

    void cleanupTestCase()
    {
        if (!m_serverStopped)
            QCOMPARE(m_server.terminate(), 0);
    }

    void exposition()
    {
        Connection connection;
        QVERIFY(connection.open(m_server.port()));
        std::optional<HttpReply> reply = connection.request(get("/metrics"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("content-type"), QByteArray("text/plain; version=0.0.4"));
        const Scrape s = parseExposition(reply->body);
        QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
        QCOMPARE(s.types.value("pultd_http_requests_total"), QByteArray("counter"));
        QCOMPARE(s.types.value("pultd_http_request_duration_seconds"), QByteArray("histogram"));
        QCOMPARE(s.types.value("pultd_connections_open"), QByteArray("gauge"));
        QCOMPARE(s.types.value("pultd_streams_open"), QByteArray("gauge"));
        QCOMPARE(s.types.value("pultd_revision"), QByteArray("gauge"));
        QCOMPARE(s.types.value("pultd_ops_total"), QByteArray("counter"));
        QCOMPARE(s.types.value("pultd_build_info"), QByteArray("gauge"));
        QCOMPARE(s.value("pultd_build_info{version=\"" PULT_VERSION "\"}"), 1.0);
        QVERIFY(s.value("pultd_connections_open") >= 1); // this one at least
        QCOMPARE(s.value("pultd_streams_open"), 0.0);
        QCOMPARE(s.value("pultd_revision"), 0.0);
        QVERIFY(s.samples.contains("pultd_ops_total{result=\"applied\"}"));
        QVERIFY(s.samples.contains("pultd_ops_total{result=\"rejected\"}"));
        QVERIFY(!reply->body.contains(m_token));

        // HEAD has the headers of GET; other methods get the usual 405.
        reply = connection.request(get("/metrics", "HEAD"), /*headOnly=*/true);
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("content-type"), QByteArray("text/plain; version=0.0.4"));
        QVERIFY(reply->header("content-length").toInt() > 0);
        reply = connection.request(apiRequest("POST", "/metrics", {}));
        QVERIFY(reply);
        QCOMPARE(reply->status, 405);
        QCOMPARE(reply->header("content-type"), QByteArray("application/json"));
        QCOMPARE(reply->header("allow"), QByteArray("GET, HEAD"));
    }

    void requestsAreCounted()
    {
        Connection connection;
        QVERIFY(connection.open(m_server.port()));
        const Scrape before = scrape(connection);
        QVERIFY2(before.problem.isEmpty(), qPrintable(before.problem));
        QCOMPARE(statusOf(connection.request(get("/healthz"))), 200);
        QCOMPARE(statusOf(connection.request(get("/healthz?probe=1"))), 200);
        QCOMPARE(statusOf(connection.request(get("/no/such/path?secret=42"))), 404);
        QCOMPARE(statusOf(connection.request(apiRequest("POST", "/healthz", {}))), 405);
        const Scrape after = scrape(connection);
        QVERIFY2(after.problem.isEmpty(), qPrintable(after.problem));

        const QByteArray healthz = requestsSeries("/healthz", "GET", 200);
        QCOMPARE(after.value(healthz) - before.value(healthz), 2.0);
        const QByteArray unmatched = requestsSeries("unmatched", "GET", 404);
        QCOMPARE(after.value(unmatched) - before.value(unmatched), 1.0);
        const QByteArray wrongMethod = requestsSeries("/healthz", "POST", 405);
        QCOMPARE(after.value(wrongMethod) - before.value(wrongMethod), 1.0);
        // The scrape before this one is counted as well.
        QVERIFY(after.value(requestsSeries("/metrics", "GET", 200)) >= 1);
        for (const QByteArray &series : after.samples.keys()) {
            QVERIFY2(!series.contains("/no/such") && !series.contains("secret"),
                     series.constData());
        }

        // The histogram: cumulative buckets ending in +Inf, which is the count.
        const QByteArray prefix = "pultd_http_request_duration_seconds";
        const QByteArray route = "{route=\"/healthz\"";
        const QByteArray count = prefix + "_count" + route + "}";
        QCOMPARE(after.value(count) - before.value(count), 3.0); // GET, GET, POST
        double previous = 0;
        for (const char *le : {"0.001", "0.005", "0.01", "0.05", "0.1", "0.5", "1", "5", "+Inf"}) {
            const QByteArray bucket = prefix + "_bucket" + route + ",le=\"" + le + "\"}";
            QVERIFY2(after.samples.contains(bucket), bucket.constData());
            QVERIFY(after.value(bucket) >= previous);
            previous = after.value(bucket);
        }
        QCOMPARE(previous, after.value(count));
        QVERIFY(after.samples.contains(prefix + "_sum" + route + "}"));
        QVERIFY(after.value(prefix + "_sum" + route + "}") >= 0);
        QVERIFY(after.samples.contains(prefix + "_count{route=\"unmatched\"}"));
    }

    void opsAndRevisionAreCounted()
    {
        Connection connection;
        QVERIFY(connection.open(m_server.port()));
        const Scrape before = scrape(connection);
        QVERIFY2(before.problem.isEmpty(), qPrintable(before.problem));

        const QJsonObject valid{
            {QStringLiteral("id"), newId()},
            {QStringLiteral("type"), QStringLiteral("create_ticket")},
            {QStringLiteral("ticket"),
             QJsonObject{{QStringLiteral("id"), newId()},
                         {QStringLiteral("subject"), kSubject},
                         {QStringLiteral("department_id"), m_billing},
                         {QStringLiteral("priority"), QStringLiteral("high")},
                         {QStringLiteral("requester"),
                          QJsonObject{{QStringLiteral("email"), QStringLiteral("marta@firma.pl")},
                                      {QStringLiteral("name"), QStringLiteral("Marta")}}}}},
            {QStringLiteral("message_id"), newId()},
            {QStringLiteral("body"), QStringLiteral("My invoice is wrong.")}};
        const QJsonObject invalid{{QStringLiteral("id"), newId()},
                                  {QStringLiteral("type"), QStringLiteral("create_ticket")}};
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("ops"), QJsonArray{valid, invalid}}})
                .toJson(QJsonDocument::Compact);
        const std::optional<HttpReply> reply =
            connection.request(apiRequest("POST", "/api/v1/ops", m_token, body));
        QCOMPARE(statusOf(reply), 200);
        const QJsonArray results = reply->json().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        QCOMPARE(results[1].toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("rejected"));
        const qint64 opRevision =
            results[0].toObject().value(QLatin1String("revision")).toInteger();
        QVERIFY(opRevision > 0);
        QCOMPARE(reply->json().value(QLatin1String("revision")).toInteger(), opRevision);

        // Not an ops answer: counted as a request only.
        QCOMPARE(statusOf(connection.request(apiRequest("POST", "/api/v1/ops", {}, "{}"))), 401);

        const Scrape after = scrape(connection);
        QVERIFY2(after.problem.isEmpty(), qPrintable(after.problem));
        QCOMPARE(after.value("pultd_ops_total{result=\"applied\"}") -
                     before.value("pultd_ops_total{result=\"applied\"}"),
                 1.0);
        QCOMPARE(after.value("pultd_ops_total{result=\"rejected\"}") -
                     before.value("pultd_ops_total{result=\"rejected\"}"),
                 1.0);
        QCOMPARE(after.value("pultd_revision"), double(opRevision));
        QCOMPARE(after.value(requestsSeries("/api/v1/ops", "POST", 200)) -
                     before.value(requestsSeries("/api/v1/ops", "POST", 200)),
                 1.0);
        QCOMPARE(after.value(requestsSeries("/api/v1/ops", "POST", 401)) -
                     before.value(requestsSeries("/api/v1/ops", "POST", 401)),
                 1.0);
    }

    void streamsAreCounted()
    {
        Connection metrics;
        QVERIFY(metrics.open(m_server.port()));
        Connection stream;
        QVERIFY(stream.open(m_server.port()));
        const std::optional<HttpReply> upgraded = stream.request(
            "GET /api/v1/stream HTTP/1.1\r\nHost: pult.test\r\nConnection: Upgrade\r\n"
            "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer " +
            m_token + "\r\n\r\n");
        QCOMPARE(statusOf(upgraded), 101);
        Scrape s;
        QVERIFY(QTest::qWaitFor(
            [&] {
                s = scrape(metrics);
                return s.value("pultd_streams_open") == 1;
            },
            kTimeoutMs));
        QVERIFY(s.value("pultd_connections_open") >= 2); // the stream and the scrape
        QVERIFY(s.value(requestsSeries("/api/v1/stream", "GET", 101)) >= 1);

        stream.close();
        QVERIFY(QTest::qWaitFor(
            [&] {
                s = scrape(metrics);
                return s.problem.isEmpty() && s.value("pultd_streams_open") == 0;
            },
            kTimeoutMs));
    }

    void backupWhileServing()
    {
        const QString file = m_backups.filePath(QStringLiteral("pult.db"));
        const Run r = backup(m_server.dataDir(), file);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const qint64 size = QFileInfo(file).size();
        QVERIFY(size > 0);
        QCOMPARE(QString::fromUtf8(r.out),
                 QStringLiteral("Backed up %1/server.db to %2 (%3 bytes)\n")
                     .arg(m_server.dataDir(), file)
                     .arg(size));
        QVERIFY(!QFile::exists(file + QStringLiteral(".tmp")));
        // It holds password and token hashes: for its owner only.
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(file).permissions() & others, QFileDevice::Permissions());
        checkCopy(file, 1);
        if (QTest::currentTestFailed())
            return;
        // The server went on serving, and its writes go on after the copy.
        QCOMPARE(statusOf(m_server.fetch(get("/healthz"))), 200);
        QCOMPARE(statusOf(m_server.fetch(apiRequest("GET", "/api/v1/changes", m_token))), 200);
    }

    void aBackupNeverOverwrites()
    {
        const QString file = m_backups.filePath(QStringLiteral("pult.db"));
        QFile first(file);
        QVERIFY(first.open(QIODevice::ReadOnly));
        const QByteArray before = first.readAll();
        first.close();
        QVERIFY(!before.isEmpty());

        const Run r = backup(m_server.dataDir(), file);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already exists"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(first.readAll(), before);
        QVERIFY(!QFile::exists(file + QStringLiteral(".tmp")));
        checkCopy(file, 1);

        // A leftover FILE.tmp (a backup under way, or an interrupted one) is not taken over.
        const QString other = m_backups.filePath(QStringLiteral("other.db"));
        QFile leftover(other + QStringLiteral(".tmp"));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write("someone else's");
        leftover.close();
        const Run refused = backup(m_server.dataDir(), other);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(".tmp' already exists"), refused.err.constData());
        QVERIFY(!QFile::exists(other));
        QVERIFY(leftover.open(QIODevice::ReadOnly));
        QCOMPARE(leftover.readAll(), QByteArray("someone else's"));
    }

    void aBackupNeedsADatabase()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        const QString file = m_backups.filePath(QStringLiteral("nothing.db"));
        const Run r = backup(empty.path(), file);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no server database at"), r.err.constData());
        QVERIFY2(r.err.contains("server.db"), r.err.constData());
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(file + QStringLiteral(".tmp")));
        QVERIFY(!QFile::exists(empty.filePath(QStringLiteral("server.db"))));

        const Run noDirectory =
            backup(m_server.dataDir(), m_backups.filePath(QStringLiteral("missing/dir/b.db")));
        QCOMPARE(noDirectory.exitCode, 1);
        QVERIFY2(noDirectory.err.contains("cannot create"), noDirectory.err.constData());
    }

    // Last: stops the server, whose WAL is then checkpointed and gone.
    void backupOfAStoppedServer()
    {
        QCOMPARE(m_server.terminate(), 0);
        m_serverStopped = true;
        const QString file = m_backups.filePath(QStringLiteral("stopped.db"));
        const Run r = backup(m_server.dataDir(), file);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        checkCopy(file, 1);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
