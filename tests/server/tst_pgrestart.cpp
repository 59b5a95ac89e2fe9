// PostgreSQL restarted under a running pultd (`pg_ctl restart -m fast`, which ends every
// connection) while two clients push op batches: pultd makes its connections again on its own,
// answers 503 with Retry-After while the database is away, serves again within 5 s of PostgreSQL
// accepting connections, and every op is applied exactly once. Always on PostgreSQL.

#include "pultdprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <array>
#include <memory>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";
constexpr int kOpsPerBatch = 5;
constexpr int kBatchesBefore = 4; // per client, before the restart begins
constexpr int kBatchesAfter = 4;  // per client, once pultd serves again
constexpr int kRecoveryMs = 5000;

QJsonObject createOp(const QString &department, int n)
{
    return QJsonObject{
        {QStringLiteral("id"), newId()},
        {QStringLiteral("type"), QStringLiteral("create_ticket")},
        {QStringLiteral("ticket"),
         QJsonObject{{QStringLiteral("id"), newId()},
                     {QStringLiteral("subject"), QStringLiteral("Restart %1").arg(n)},
                     {QStringLiteral("department_id"), department},
                     {QStringLiteral("requester"),
                      QJsonObject{{QStringLiteral("email"), QStringLiteral("ema@firma.si")},
                                  {QStringLiteral("name"), QStringLiteral("Ema Novak")}}}}},
        {QStringLiteral("message_id"), newId()},
        {QStringLiteral("body"), QStringLiteral("Still there?")}};
}

} // namespace

class TestPgRestart : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QByteArray m_token;
    QString m_billing;

    // A client that pushes batches as the workstation's sync engine does: a batch keeps its op
    // ids until it is answered 200, whatever happens in between.
    struct Client
    {
        Connection connection;
        QJsonArray batch; // the batch under way; empty when none is
        int sent = 0;     // batches answered 200
        int refused = 0;  // answers 503 with Retry-After
        int dropped = 0;  // connections lost
        QList<QJsonObject> results;
    };

    // Sends each client's batch (a new one when the last was answered), then reads the answers.
    // True when every client's batch was answered 200.
    bool pushRound(std::array<Client, 2> &clients, int &next)
    {
        for (Client &c : clients) {
            if (c.batch.isEmpty()) {
                for (int i = 0; i < kOpsPerBatch; ++i)
                    c.batch.append(createOp(m_billing, next++));
            }
            const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("ops"), c.batch}})
                                        .toJson(QJsonDocument::Compact);
            if (!c.connection.send(apiRequest("POST", "/api/v1/ops", m_token, body))) {
                ++c.dropped;
                c.connection.close();
                (void)c.connection.open(m_server.port());
            }
        }
        bool all = true;
        for (Client &c : clients) {
            const std::optional<HttpReply> reply = c.connection.read();
            if (reply && reply->status == 200) {
                for (const QJsonValue &r : reply->json().value(QLatin1String("results")).toArray())
                    c.results.append(r.toObject());
                c.batch = {};
                ++c.sent;
                continue;
            }
            all = false;
            if (reply && reply->status == 503) {
                if (reply->header("retry-after").isEmpty())
                    qWarning("a 503 without Retry-After");
                ++c.refused;
            } else {
                ++c.dropped;
            }
            c.connection.close();
            (void)c.connection.open(m_server.port());
        }
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!usingPostgres())
            QSKIP("needs PULT_TEST_DB=postgresql");
        const Run added = addAgent(m_server.dataDir(), QStringLiteral("root@pult.example"),
                                   QStringLiteral("admin"), QStringLiteral("Billing"), kPassword);
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(m_server.start());
        const std::optional<HttpReply> login = m_server.fetch(
            apiRequest("POST", "/api/v1/login", {},
                       R"({"email":"root@pult.example","password":")" + kPassword + R"("})"));
        QCOMPARE(statusOf(login), 200);
        m_token = login->json().value(QLatin1String("token")).toString().toLatin1();
        const std::optional<HttpReply> departments =
            m_server.fetch(apiRequest("GET", "/api/v1/departments", m_token));
        QCOMPARE(statusOf(departments), 200);
        m_billing = departments->json()
                        .value(QLatin1String("departments"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QLatin1String("id"))
                        .toString();
        QVERIFY(!m_billing.isEmpty());
    }

    void cleanupTestCase()
    {
        if (usingPostgres())
            QCOMPARE(m_server.terminate(), 0);
    }

    void opsSurviveAPostgresRestart()
    {
        std::array<Client, 2> clients;
        for (Client &c : clients)
            QVERIFY(c.connection.open(m_server.port()));
        int next = 0;
        for (int i = 0; i < kBatchesBefore; ++i)
            QVERIFY(pushRound(clients, next));

        PostgresServer *postgres = sharedPostgres();
        QVERIFY(postgres);
        const std::unique_ptr<QProcess> restart = postgres->beginRestart();
        QVERIFY(restart->waitForStarted(kTimeoutMs));
        // Push on while PostgreSQL stops and starts: batches fail (503, or a refused connection)
        // and are resent with the same ids, as the sync engine resends them.
        QElapsedTimer sinceRestart;
        sinceRestart.start();
        while (restart->state() != QProcess::NotRunning) {
            if (!pushRound(clients, next)) // the clients' retry pause, cut short by the restart
                (void)QTest::qWaitFor([&] { return restart->state() == QProcess::NotRunning; },
                                      100);
            QVERIFY2(sinceRestart.elapsed() < 120000, "pg_ctl restart did not finish");
        }
        QCOMPARE(restart->exitCode(), 0);

        // PostgreSQL accepts connections again: pultd serves within kRecoveryMs, by itself.
        QElapsedTimer recovery;
        recovery.start();
        while (!pushRound(clients, next)) {
            QVERIFY2(recovery.elapsed() < kRecoveryMs,
                     "pultd did not serve again within 5 s of PostgreSQL's restart");
            QTest::qWait(50); // the clients' retry pause
        }
        for (int i = 0; i < kBatchesAfter; ++i)
            QVERIFY(pushRound(clients, next));
        QVERIFY2(m_server.log().contains(R"("event":"database_reconnected")"),
                 m_server.log().constData());

        // Every op pushed is applied, once: its result says so, and the feed has one ticket each.
        QSet<QString> applied;
        for (const Client &c : clients) {
            for (const QJsonObject &r : c.results) {
                QCOMPARE(r.value(QLatin1String("status")).toString(), QStringLiteral("applied"));
                applied.insert(r.value(QLatin1String("op_id")).toString());
            }
        }
        QCOMPARE(applied.size(), next);
        QSet<QString> subjects;
        int ticketSnapshots = 0;
        for (qint64 since = 0;;) {
            const std::optional<HttpReply> page = m_server.fetch(apiRequest(
                "GET", "/api/v1/changes?limit=5000&since=" + QByteArray::number(since), m_token));
            QCOMPARE(statusOf(page), 200);
            const QJsonObject body = page->json();
            for (const QJsonValue &v : body.value(QLatin1String("changes")).toArray()) {
                const QJsonObject change = v.toObject();
                if (change.value(QLatin1String("type")).toString() != u"ticket")
                    continue;
                ++ticketSnapshots;
                subjects.insert(change.value(QLatin1String("data"))
                                    .toObject()
                                    .value(QLatin1String("subject"))
                                    .toString());
            }
            since = body.value(QLatin1String("next")).toInteger();
            if (!body.value(QLatin1String("more")).toBool())
                break;
        }
        QCOMPARE(subjects.size(), next);
        QCOMPARE(ticketSnapshots, next);
        int refused = 0;
        for (const Client &c : clients)
            refused += c.refused + c.dropped;
        qInfo("%d ops in %d batches; %d answers while PostgreSQL restarted were 503 or a dropped "
              "connection",
              next, next / kOpsPerBatch, refused);
    }
};

QTEST_GUILESS_MAIN(TestPgRestart)
#include "tst_pgrestart.moc"
