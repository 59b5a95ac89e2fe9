// pultd's accounts through the real executable: `pultd user add` with the password on standard
// input, then login, tokens, logout, scoping and rate limits over HTTP on a free port.

#include "pultdprocess.h"
#include "sqlitedb.h"

#include <QJsonArray>

using namespace PultdTest;

namespace {

const QByteArray kAgentPassword = "correct horse battery";
const QByteArray kAdminPassword = "admin password 1";
const QByteArray kLeadPassword = "lead password 1";

QByteArray post(const QByteArray &target, const QByteArray &body, const QByteArray &token = {})
{
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: pult.test\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    return request +
           "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

QByteArray authorizedGet(const QByteArray &target, const QByteArray &token)
{
    return "GET " + target + " HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " + token +
           "\r\n\r\n";
}

QByteArray loginBody(const QByteArray &email, const QByteArray &password)
{
    return R"({"email":")" + email + R"(","password":")" + password + R"("})";
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QByteArray m_token; // the agent's, from login

    QStringList userAdd(const QStringList &rest)
    {
        return storeArguments(m_server.dataDir()) +
               QStringList{QStringLiteral("user"), QStringLiteral("add")} + rest;
    }

    // Everything the server stored, as bytes to search: the SQLite file and its write-ahead
    // log, or a pg_dump of the PostgreSQL database.
    QByteArray storedBytes()
    {
        if (usingPostgres()) {
            QProcess dump;
            dump.start(
                QDir(QLatin1String(PostgresServer::kBinDir)).filePath(QStringLiteral("pg_dump")),
                {storeArguments(m_server.dataDir()).last()});
            if (!dump.waitForFinished(kTimeoutMs) || dump.exitCode() != 0)
                qWarning() << "pg_dump failed:" << dump.readAllStandardError();
            return dump.readAllStandardOutput();
        }
        QByteArray bytes;
        for (const char *name : {"/server.db", "/server.db-wal"}) {
            QFile file(m_server.dataDir() + QLatin1String(name));
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

    QStringList names(const HttpReply &reply)
    {
        QStringList result;
        const QJsonArray departments = reply.json().value(QLatin1String("departments")).toArray();
        for (const QJsonValue &d : departments)
            result.append(d.toObject().value(QLatin1String("name")).toString());
        return result;
    }

private Q_SLOTS:
    void usersAreAddedWithThePasswordFromStandardInput()
    {
        Run r = runPultd(
            userAdd({QStringLiteral("ana@pult.example"), QStringLiteral("--name"),
                     QStringLiteral("Ana Novak"), QStringLiteral("--role"), QStringLiteral("agent"),
                     QStringLiteral("--dept"), QStringLiteral("Billing:2"),
                     QStringLiteral("--dept"), QStringLiteral("Sales")}),
            kAgentPassword + '\n');
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("Added agent ana@pult.example (Ana Novak) in Billing (tier 2), "
                                   "Sales (tier 1)\n"));
        r = runPultd(userAdd({QStringLiteral("root@pult.example"), QStringLiteral("--name=Root"),
                              QStringLiteral("--role=admin")}),
                     kAdminPassword);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runPultd(userAdd({QStringLiteral("lead@pult.example"), QStringLiteral("--name=Lea"),
                              QStringLiteral("--role=lead"), QStringLiteral("--dept=Support")}),
                     kLeadPassword);
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // Refusals: each with a reason, nothing created.
        r = runPultd(userAdd({QStringLiteral("ana@pult.example"), QStringLiteral("--name=X"),
                              QStringLiteral("--role=agent")}),
                     "another password");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("exists already"), r.err.constData());
        r = runPultd(userAdd({QStringLiteral("bo@pult.example"), QStringLiteral("--name=Bo"),
                              QStringLiteral("--role=agent")}),
                     "short");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("at least 8 characters"), r.err.constData());
        r = runPultd(userAdd({QStringLiteral("bo@pult.example"), QStringLiteral("--name=Bo"),
                              QStringLiteral("--role=boss")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--role is agent, lead or admin"), r.err.constData());
        r = runPultd(userAdd({QStringLiteral("bo@pult.example"), QStringLiteral("--name=Bo"),
                              QStringLiteral("--role=agent"), QStringLiteral("--dept=X:10")}));
        QCOMPARE(r.exitCode, 2);

        // Stored as argon2id hashes; no password in the database.
        if (!usingPostgres()) {
            auto db = Pult::Sql::Database::open(m_server.dataDir() + QStringLiteral("/server.db"),
                                                Pult::Sql::Database::Mode::ReadOnly);
            QVERIFY(db.good());
            auto stmt = (*db)->prepare("SELECT password_hash FROM agents");
            int agents = 0;
            while ((*stmt)->next()) {
                QVERIFY((*stmt)->text(0).startsWith(QLatin1String("$argon2id$")));
                ++agents;
            }
            QCOMPARE(agents, 3);
        }
        const QByteArray bytes = storedBytes();
        QVERIFY(!bytes.isEmpty());
        // pg_dump has each row once; SQLite's log may hold older copies of a page too.
        QVERIFY(bytes.count("$argon2id$") >= 3);
        QVERIFY(!bytes.contains(kAgentPassword) && !bytes.contains(kAdminPassword));
    }

    void loginGivesATokenThatAuthenticates()
    {
        QVERIFY(m_server.start());
        std::optional<HttpReply> reply =
            m_server.fetch(post("/api/v1/login", loginBody("ana@pult.example", "wrong password")));
        QCOMPARE(statusOf(reply), 401);
        QCOMPARE(reply->errorCode(), QStringLiteral("invalid_credentials"));
        // An unknown address reads exactly like a wrong password.
        const std::optional<HttpReply> unknown =
            m_server.fetch(post("/api/v1/login", loginBody("nobody@pult.example", "whatever!")));
        QCOMPARE(statusOf(unknown), 401);
        QCOMPARE(unknown->body, reply->body);

        reply =
            m_server.fetch(post("/api/v1/login", loginBody("ANA@pult.example", kAgentPassword)));
        QCOMPARE(statusOf(reply), 200);
        const QJsonObject body = reply->json();
        m_token = body.value(QLatin1String("token")).toString().toLatin1();
        QCOMPARE(m_token.size(), 43); // 32 random bytes in base64url
        QVERIFY(body.value(QLatin1String("expires")).toString().endsWith(u'Z'));
        const QJsonObject agent = body.value(QLatin1String("agent")).toObject();
        QCOMPARE(agent.value(QLatin1String("email")).toString(),
                 QStringLiteral("ana@pult.example"));
        QCOMPARE(agent.value(QLatin1String("role")).toString(), QStringLiteral("agent"));
        const QJsonArray departments = agent.value(QLatin1String("departments")).toArray();
        QCOMPARE(departments.size(), 2);
        QCOMPARE(departments.at(0).toObject().value(QLatin1String("tier")).toInt(), 2);

        reply = m_server.fetch(authorizedGet("/api/v1/me", m_token));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->json().value(QLatin1String("name")).toString(),
                 QStringLiteral("Ana Novak"));
        reply = m_server.fetch(get("/api/v1/me"));
        QCOMPARE(statusOf(reply), 401);
        QCOMPARE(reply->errorCode(), QStringLiteral("unauthenticated"));
        reply = m_server.fetch(authorizedGet("/api/v1/me", "not-a-token"));
        QCOMPARE(statusOf(reply), 401);

        // Only the token's hash is stored.
        const QByteArray bytes = storedBytes();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(m_token));
    }

    void departmentsAreScopedByRole()
    {
        std::optional<HttpReply> reply =
            m_server.fetch(authorizedGet("/api/v1/departments", m_token));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(names(*reply), (QStringList{QStringLiteral("Billing"), QStringLiteral("Sales")}));

        reply =
            m_server.fetch(post("/api/v1/login", loginBody("root@pult.example", kAdminPassword)));
        QCOMPARE(statusOf(reply), 200);
        const QByteArray admin = reply->json().value(QLatin1String("token")).toString().toLatin1();
        reply = m_server.fetch(authorizedGet("/api/v1/departments", admin));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(names(*reply), (QStringList{QStringLiteral("Billing"), QStringLiteral("Sales"),
                                             QStringLiteral("Support")}));
    }

    void badRequestsGetClearErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("{\"email\": ") << QStringLiteral("invalid_json");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("invalid_json");
        QTest::newRow("invalid utf-8") << QByteArray("{\"email\":\"\xff\xfe\",\"password\":\"x\"}")
                                       << QStringLiteral("invalid_utf8");
        QTest::newRow("unknown field")
            << QByteArray(R"({"email":"a@b","password":"x","remember":true})")
            << QStringLiteral("unknown_field");
        QTest::newRow("wrong type")
            << QByteArray(R"({"email":42,"password":"x"})") << QStringLiteral("invalid_field");
        QTest::newRow("missing field")
            << QByteArray(R"({"email":"a@b"})") << QStringLiteral("invalid_field");
    }

    void badRequestsGetClearErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const std::optional<HttpReply> reply = m_server.fetch(post("/api/v1/login", body));
        QCOMPARE(statusOf(reply), 400);
        QCOMPARE(reply->errorCode(), code);
        QCOMPARE(statusOf(m_server.fetch(get("/healthz"))), 200);
    }

    void logoutRevokesTheToken()
    {
        std::optional<HttpReply> reply = m_server.fetch(post("/api/v1/logout", {}, m_token));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(statusOf(m_server.fetch(authorizedGet("/api/v1/me", m_token))), 401);
        QCOMPARE(statusOf(m_server.fetch(post("/api/v1/logout", {}, m_token))), 401);
        QCOMPARE(statusOf(m_server.fetch(get("/api/v1/logout"))), 405);
    }

    void repeatedFailuresAreRateLimited()
    {
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(statusOf(m_server.fetch(
                         post("/api/v1/login",
                              loginBody("lead@pult.example", "guess " + QByteArray::number(i))))),
                     401);
        }
        // Locked now, even with the right password; the answer says when to come back.
        const std::optional<HttpReply> reply =
            m_server.fetch(post("/api/v1/login", loginBody("lead@pult.example", kLeadPassword)));
        QCOMPARE(statusOf(reply), 429);
        QCOMPARE(reply->errorCode(), QStringLiteral("rate_limited"));
        const int retryAfter = reply->header("retry-after").toInt();
        QVERIFY2(retryAfter > 800 && retryAfter <= 900, reply->header("retry-after").constData());
    }

    void theLogHoldsNoSecrets()
    {
        QCOMPARE(m_server.terminate(), 0);
        const QByteArray log = m_server.log();
        QVERIFY(log.contains("/api/v1/login"));
        for (const QByteArray &secret : {kAgentPassword, kAdminPassword, kLeadPassword, m_token})
            QVERIFY2(!log.contains(secret), secret.constData());
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
