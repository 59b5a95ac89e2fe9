// `pultd --data DIR --demo` through the real executable: an empty data directory is filled with
// the demo help desk, the logins are printed, an agent signs in and syncs; a second start keeps
// the data as it is.

#include "pultdprocess.h"

#include <QJsonArray>

using namespace PultdTest;

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoDataIsReadyToUse()
    {
        Pultd server;
        QVERIFY(server.start({QStringLiteral("--demo")}));
        // After the listening line: the logins, one per agent, and the shared password.
        QVERIFY(QTest::qWaitFor([&] { return server.process().bytesAvailable() > 0; }, kTimeoutMs));
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += server.process().readAllStandardOutput();
                return out.contains("\n\n");
            },
            kTimeoutMs));
        QVERIFY2(out.contains("Demo logins (password: pult-demo)"), out.constData());
        const QList<QByteArray> lines = out.split('\n');
        QByteArray email;
        for (const QByteArray &line : lines) {
            if (line.contains("agent") && line.contains('@'))
                email = line.trimmed().split(' ').first();
        }
        QVERIFY2(!email.isEmpty(), out.constData());

        std::optional<HttpReply> reply = server.fetch(apiRequest(
            "POST", "/api/v1/login", {}, R"({"email":")" + email + R"(","password":"pult-demo"})"));
        QCOMPARE(statusOf(reply), 200);
        const QByteArray token = reply->json().value(QLatin1String("token")).toString().toLatin1();
        QSet<QString> types;
        qint64 since = 0;
        for (bool more = true; more;) {
            reply = server.fetch(apiRequest(
                "GET", "/api/v1/changes?limit=5000&since=" + QByteArray::number(since), token));
            QCOMPARE(statusOf(reply), 200);
            const QJsonObject page = reply->json();
            for (const QJsonValue &c : page.value(QLatin1String("changes")).toArray())
                types.insert(c.toObject().value(QLatin1String("type")).toString());
            since = page.value(QLatin1String("next")).toInteger();
            more = page.value(QLatin1String("more")).toBool();
        }
        for (const char *type :
             {"department", "contact", "ticket", "message", "history", "shared_filter"})
            QVERIFY2(types.contains(QLatin1String(type)), type);
        reply = server.fetch(apiRequest("GET", "/api/v1/departments", token));
        const QJsonObject department =
            reply->json().value(QLatin1String("departments")).toArray().first().toObject();
        QVERIFY(!department.value(QLatin1String("business_hours")).toString().isEmpty());
        QVERIFY(department.value(QLatin1String("reply_footer"))
                    .toString()
                    .contains(QLatin1String("{{department.hours}}")));
        // The view shared with everyone reaches every agent.
        reply = server.fetch(apiRequest("GET", "/api/v1/shared-filters", token));
        QStringList shared;
        for (const QJsonValue &f : reply->json().value(QLatin1String("shared_filters")).toArray())
            shared.append(f.toObject().value(QLatin1String("name")).toString());
        QVERIFY2(shared.contains(QStringLiteral("Spam to review")), qPrintable(shared.join(u',')));
        reply = server.fetch(apiRequest("POST", "/api/v1/ops", token, R"({"ops": []})"));
        const qint64 revision = reply->json().value(QLatin1String("revision")).toInteger();
        QVERIFY(revision > 1000);
        QCOMPARE(server.terminate(), 0);

        // Again on the same directory: served as it is, nothing added twice.
        QVERIFY(server.start({QStringLiteral("--demo")}));
        reply = server.fetch(apiRequest("POST", "/api/v1/ops", token, R"({"ops": []})"));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->json().value(QLatin1String("revision")).toInteger(), revision);
        QVERIFY(server.waitForLog("\"event\":\"demo_skipped\""));
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
