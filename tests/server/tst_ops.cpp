// Operations and the change feed through the real pultd: every op type, idempotent resends,
// department scoping for agents, leads and admins, "gone" entries, paging, bad input, writers
// at once, and a pultd killed with SIGKILL in the middle of a batch.

#include "pultdprocess.h"
#include "sqlitedb.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QUuid>

#include <set>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";

QJsonObject createOp(const QString &opId, const QString &ticketId, const QString &department,
                     const QString &subject)
{
    return QJsonObject{
        {QStringLiteral("id"), opId},
        {QStringLiteral("type"), QStringLiteral("create_ticket")},
        {QStringLiteral("ticket"),
         QJsonObject{{QStringLiteral("id"), ticketId},
                     {QStringLiteral("subject"), subject},
                     {QStringLiteral("department_id"), department},
                     {QStringLiteral("priority"), QStringLiteral("high")},
                     {QStringLiteral("requester"),
                      QJsonObject{{QStringLiteral("email"), QStringLiteral("marta@firma.pl")},
                                  {QStringLiteral("name"), QStringLiteral("Marta Kowalska")}}}}},
        {QStringLiteral("message_id"), newId()},
        {QStringLiteral("body"), QStringLiteral("My invoice is wrong.")}};
}

QJsonObject ticketOp(const QString &type, const QString &ticketId, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("id"), newId());
    extra.insert(QStringLiteral("type"), type);
    extra.insert(QStringLiteral("ticket_id"), ticketId);
    return extra;
}

} // namespace

class TestOps : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QByteArray m_ana;   // agent in Billing
    QByteArray m_bojan; // agent in Sales
    QByteArray m_lea;   // lead in Billing
    QByteArray m_root;  // admin
    QString m_billing;
    QString m_sales;
    QString m_ticket; // Ana's first ticket

    void addUser(const QString &email, const QString &role, const QString &dept)
    {
        const Run r = addAgent(m_server.dataDir(), email, role, dept, kPassword);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    QByteArray login(const QByteArray &email)
    {
        return PultdTest::login(m_server, email, kPassword);
    }

    // The results of one batch.
    QJsonArray ops(const QByteArray &token, const QJsonArray &batch)
    {
        return postOps(m_server, token, batch);
    }

    QJsonObject op(const QByteArray &token, const QJsonObject &one)
    {
        return ops(token, QJsonArray{one}).first().toObject();
    }

    // Every change after since, followed page by page.
    QJsonArray feed(const QByteArray &token, qint64 since = 0, int limit = 1000)
    {
        return changeFeed(m_server, token, since, limit);
    }

    static QSet<QString> ticketIds(const QJsonArray &changes, const QString &type)
    {
        QSet<QString> ids;
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("type")).toString() != type)
                continue;
            ids.insert(type == u"gone" ? c.value(QLatin1String("ticket_id")).toString()
                                       : c.value(QLatin1String("data"))
                                             .toObject()
                                             .value(QLatin1String("id"))
                                             .toString());
        }
        return ids;
    }

    static QString resultStatus(const QJsonObject &result)
    {
        return result.value(QLatin1String("status")).toString();
    }

    static QString errorCodeOf(const QJsonObject &result)
    {
        return result.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        addUser(QStringLiteral("ana@pult.example"), QStringLiteral("agent"),
                QStringLiteral("Billing"));
        addUser(QStringLiteral("bojan@pult.example"), QStringLiteral("agent"),
                QStringLiteral("Sales"));
        addUser(QStringLiteral("lea@pult.example"), QStringLiteral("lead"),
                QStringLiteral("Billing:2"));
        addUser(QStringLiteral("root@pult.example"), QStringLiteral("admin"), QString());
        QVERIFY(m_server.start());
        m_ana = login("ana@pult.example");
        m_bojan = login("bojan@pult.example");
        m_lea = login("lea@pult.example");
        m_root = login("root@pult.example");
        QVERIFY(!m_ana.isEmpty() && !m_bojan.isEmpty() && !m_lea.isEmpty() && !m_root.isEmpty());
        const std::optional<HttpReply> reply =
            m_server.fetch(apiRequest("GET", "/api/v1/departments", m_root));
        for (const QJsonValue &d : reply->json().value(QLatin1String("departments")).toArray()) {
            const QJsonObject o = d.toObject();
            (o.value(QLatin1String("name")).toString() == u"Billing" ? m_billing : m_sales) =
                o.value(QLatin1String("id")).toString();
        }
        QVERIFY(!m_billing.isEmpty() && !m_sales.isEmpty());
    }

    void createdTicketsGetNumbersAndResendsTheFirstResult()
    {
        m_ticket = newId();
        const QJsonObject create =
            createOp(newId(), m_ticket, m_billing, QStringLiteral("Invoice 1042 is wrong"));
        const QJsonObject first = op(m_ana, create);
        QCOMPARE(resultStatus(first), QStringLiteral("applied"));
        QCOMPARE(first.value(QLatin1String("number")).toInteger(), 1);
        const qint64 revision = first.value(QLatin1String("revision")).toInteger();
        QVERIFY(revision > 0);
        // The same op again: the first result, nothing applied twice.
        QCOMPARE(op(m_ana, create), first);
        QCOMPARE(ticketIds(feed(m_root), QStringLiteral("ticket")).size(), 1);

        // Not in a department of hers: forbidden, and nothing stored.
        const QJsonObject foreign =
            op(m_ana, createOp(newId(), newId(), m_sales, QStringLiteral("Not mine")));
        QCOMPARE(resultStatus(foreign), QStringLiteral("rejected"));
        QCOMPARE(errorCodeOf(foreign), QStringLiteral("forbidden"));
    }

    void oneBadOpDoesNotSinkTheOthers()
    {
        const QString second = newId();
        const QJsonArray results = ops(
            m_ana,
            QJsonArray{
                createOp(newId(), second, m_billing, QStringLiteral("Second")),
                QJsonObject{{QStringLiteral("id"), newId()},
                            {QStringLiteral("type"), QStringLiteral("fly")}},
                ticketOp(QStringLiteral("set_fields"), second,
                         {{QStringLiteral("fields"),
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("sideways")}}}}),
                ticketOp(QStringLiteral("add_tags"), second,
                         {{QStringLiteral("tags"), QJsonArray{QStringLiteral("VIP")}}})});
        QCOMPARE(results.size(), 4);
        QCOMPARE(resultStatus(results.at(0).toObject()), QStringLiteral("applied"));
        QCOMPARE(results.at(0).toObject().value(QLatin1String("number")).toInteger(), 2);
        QCOMPARE(errorCodeOf(results.at(1).toObject()), QStringLiteral("unknown_op"));
        QCOMPARE(errorCodeOf(results.at(2).toObject()), QStringLiteral("invalid_op"));
        QCOMPARE(resultStatus(results.at(3).toObject()), QStringLiteral("applied"));
    }

    void everyOpChangesTheTicketAndRecordsHistory()
    {
        const auto applied = [&](const QJsonObject &o) {
            const QJsonObject result = op(m_ana, o);
            QVERIFY2(resultStatus(result) == u"applied",
                     QJsonDocument(result).toJson().constData());
        };
        applied(ticketOp(QStringLiteral("add_message"), m_ticket,
                         {{QStringLiteral("message"),
                           QJsonObject{{QStringLiteral("id"), newId()},
                                       {QStringLiteral("kind"), QStringLiteral("reply")},
                                       {QStringLiteral("body"), QStringLiteral("Fixed it.")}}}}));
        applied(ticketOp(QStringLiteral("add_message"), m_ticket,
                         {{QStringLiteral("message"),
                           QJsonObject{{QStringLiteral("id"), newId()},
                                       {QStringLiteral("kind"), QStringLiteral("note")},
                                       {QStringLiteral("body"), QStringLiteral("Internal.")}}}}));
        applied(ticketOp(
            QStringLiteral("set_fields"), m_ticket,
            {{QStringLiteral("fields"),
              QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")},
                          {QStringLiteral("priority"), QStringLiteral("urgent")},
                          {QStringLiteral("tier"), 2},
                          {QStringLiteral("category"), QStringLiteral("billing")},
                          {QStringLiteral("due"), QStringLiteral("2026-12-01T09:00:00Z")}}}}));
        applied(ticketOp(
            QStringLiteral("add_tags"), m_ticket,
            {{QStringLiteral("tags"), QJsonArray{QStringLiteral("vip"), QStringLiteral("spam")}}}));
        applied(ticketOp(QStringLiteral("remove_tags"), m_ticket,
                         {{QStringLiteral("tags"), QJsonArray{QStringLiteral("spam")}}}));
        applied(ticketOp(QStringLiteral("take"), m_ticket));
        applied(ticketOp(QStringLiteral("mark_spam"), m_ticket, {{QStringLiteral("spam"), false}}));

        // The newest snapshot has it all; history names the actor, old and new values.
        const QJsonArray changes = feed(m_ana);
        QJsonObject latest;
        QStringList fields;
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            const QJsonObject data = c.value(QLatin1String("data")).toObject();
            if (c.value(QLatin1String("type")).toString() == u"ticket" &&
                data.value(QLatin1String("id")).toString() == m_ticket)
                latest = data;
            if (c.value(QLatin1String("type")).toString() == u"history" &&
                data.value(QLatin1String("ticket_id")).toString() == m_ticket) {
                fields.append(data.value(QLatin1String("field")).toString());
                QVERIFY(!data.value(QLatin1String("actor_id")).toString().isEmpty());
            }
        }
        QCOMPARE(latest.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(latest.value(QLatin1String("priority")).toString(), QStringLiteral("urgent"));
        QCOMPARE(latest.value(QLatin1String("tier")).toInt(), 2);
        QCOMPARE(latest.value(QLatin1String("tags")).toArray(), QJsonArray{QStringLiteral("vip")});
        QCOMPARE(latest.value(QLatin1String("due")).toString(),
                 QStringLiteral("2026-12-01T09:00:00.000Z"));
        QVERIFY(!latest.value(QLatin1String("assignee_id")).toString().isEmpty());
        QVERIFY(!latest.value(QLatin1String("first_response_at")).toString().isEmpty());
        for (const char *field :
             {"created", "status", "priority", "tier", "category", "due", "tags", "assignee_id"})
            QVERIFY2(fields.contains(QLatin1String(field)), field);
    }

    void takeFailsWhenSomeoneElseHoldsTheTicket()
    {
        const QJsonObject taken = op(m_lea, ticketOp(QStringLiteral("take"), m_ticket));
        QCOMPARE(resultStatus(taken), QStringLiteral("rejected"));
        QCOMPARE(errorCodeOf(taken), QStringLiteral("already_taken"));
    }

    void agentsOnlyReachTheirDepartments()
    {
        // Bojan (Sales) cannot change or see Ana's Billing ticket; it does not exist for him.
        const QJsonObject result =
            op(m_bojan,
               ticketOp(QStringLiteral("set_fields"), m_ticket,
                        {{QStringLiteral("fields"),
                          QJsonObject{{QStringLiteral("status"), QStringLiteral("solved")}}}}));
        QCOMPARE(errorCodeOf(result), QStringLiteral("not_found"));
        QVERIFY(!ticketIds(feed(m_bojan), QStringLiteral("ticket")).contains(m_ticket));
        QVERIFY(ticketIds(feed(m_lea), QStringLiteral("ticket")).contains(m_ticket));
        QVERIFY(ticketIds(feed(m_root), QStringLiteral("ticket")).contains(m_ticket));
    }

    void aTicketMovedAwayIsGone()
    {
        const qint64 before =
            feed(m_root).last().toObject().value(QLatin1String("revision")).toInteger();
        const QJsonObject moved =
            op(m_ana, ticketOp(QStringLiteral("set_fields"), m_ticket,
                               {{QStringLiteral("fields"),
                                 QJsonObject{{QStringLiteral("department_id"), m_sales}}}}));
        QCOMPARE(resultStatus(moved), QStringLiteral("applied"));
        QVERIFY(ticketIds(feed(m_ana, before), QStringLiteral("gone")).contains(m_ticket));
        QVERIFY(ticketIds(feed(m_bojan, before), QStringLiteral("ticket")).contains(m_ticket));
        // And Ana can no longer touch it.
        QCOMPARE(errorCodeOf(op(m_ana, ticketOp(QStringLiteral("take"), m_ticket))),
                 QStringLiteral("not_found"));
    }

    void mergeLinkAndContacts()
    {
        const QString a = newId();
        const QString b = newId();
        QJsonArray results = ops(m_lea, {createOp(newId(), a, m_billing, QStringLiteral("A")),
                                         createOp(newId(), b, m_billing, QStringLiteral("B"))});
        QCOMPARE(resultStatus(results.at(1).toObject()), QStringLiteral("applied"));
        QCOMPARE(resultStatus(op(m_lea, ticketOp(QStringLiteral("link"), a,
                                                 {{QStringLiteral("other_id"), b}}))),
                 QStringLiteral("applied"));
        QCOMPARE(resultStatus(op(m_lea, ticketOp(QStringLiteral("merge"), a,
                                                 {{QStringLiteral("into_id"), b}}))),
                 QStringLiteral("applied"));
        QCOMPARE(errorCodeOf(op(m_lea, ticketOp(QStringLiteral("merge"), a,
                                                {{QStringLiteral("into_id"), a}}))),
                 QStringLiteral("invalid_op"));
        const QJsonObject contact{
            {QStringLiteral("id"), newId()},
            {QStringLiteral("type"), QStringLiteral("upsert_contact")},
            {QStringLiteral("contact"),
             QJsonObject{{QStringLiteral("id"), newId()},
                         {QStringLiteral("name"), QStringLiteral("Jonas")},
                         {QStringLiteral("emails"), QJsonArray{QStringLiteral("jonas@uab.lt")}},
                         {QStringLiteral("plan_tier"), 2}}}};
        QCOMPARE(resultStatus(op(m_lea, contact)), QStringLiteral("applied"));
        QJsonObject merged;
        for (const QJsonValue &v : feed(m_lea)) {
            const QJsonObject data = v.toObject().value(QLatin1String("data")).toObject();
            if (data.value(QLatin1String("id")).toString() == a)
                merged = data;
        }
        QCOMPARE(merged.value(QLatin1String("merged_into")).toString(), b);
        QCOMPARE(merged.value(QLatin1String("status")).toString(), QStringLiteral("closed"));
        QCOMPARE(merged.value(QLatin1String("linked")).toArray(), QJsonArray{b});
    }

    void theFeedPagesWithoutGapsOrRepeats()
    {
        const QJsonArray whole = feed(m_root, 0, 5000);
        const QJsonArray paged = feed(m_root, 0, 3);
        QCOMPARE(paged, whole);
        qint64 previous = 0;
        for (const QJsonValue &v : whole) {
            const qint64 r = v.toObject().value(QLatin1String("revision")).toInteger();
            QCOMPARE(r, previous + 1); // an admin sees every revision, in order
            previous = r;
        }
    }

    void concurrentWritersGetDistinctOrderedRevisions()
    {
        const qint64 before =
            feed(m_root).last().toObject().value(QLatin1String("revision")).toInteger();
        // Four connections, each with a batch of 25 creates in flight at once.
        std::vector<std::unique_ptr<Connection>> connections;
        for (int c = 0; c < 4; ++c) {
            QJsonArray batch;
            for (int i = 0; i < 25; ++i)
                batch.append(
                    createOp(newId(), newId(), m_billing, QStringLiteral("Load %1").arg(i)));
            auto connection = std::make_unique<Connection>();
            QVERIFY(connection->open(m_server.port()));
            QVERIFY(connection->send(
                apiRequest("POST", "/api/v1/ops", c % 2 ? m_ana : m_lea,
                           QJsonDocument(QJsonObject{{QStringLiteral("ops"), batch}})
                               .toJson(QJsonDocument::Compact))));
            connections.push_back(std::move(connection));
        }
        std::set<qint64> numbers;
        for (auto &connection : connections) {
            const std::optional<HttpReply> reply = connection->read();
            QCOMPARE(reply ? reply->status : -1, 200);
            for (const QJsonValue &r : reply->json().value(QLatin1String("results")).toArray())
                numbers.insert(r.toObject().value(QLatin1String("number")).toInteger());
        }
        QCOMPARE(numbers.size(), std::size_t(100)); // every ticket its own number
        qint64 previous = before;
        for (const QJsonValue &v : feed(m_root, before)) {
            const qint64 r = v.toObject().value(QLatin1String("revision")).toInteger();
            QCOMPARE(r, previous + 1);
            previous = r;
        }
    }

    void badRequestsAreRefusedClearly()
    {
        std::optional<HttpReply> reply =
            m_server.fetch(apiRequest("POST", "/api/v1/ops", m_ana, R"({"ops": {}})"));
        QCOMPARE(reply->status, 400);
        QCOMPARE(reply->errorCode(), QStringLiteral("invalid_field"));
        reply = m_server.fetch(apiRequest("POST", "/api/v1/ops", m_ana, R"({"ops": [], "x": 1})"));
        QCOMPARE(reply->errorCode(), QStringLiteral("unknown_field"));
        QJsonArray tooMany;
        for (int i = 0; i < 501; ++i)
            tooMany.append(QJsonObject{});
        reply =
            m_server.fetch(apiRequest("POST", "/api/v1/ops", m_ana,
                                      QJsonDocument(QJsonObject{{QStringLiteral("ops"), tooMany}})
                                          .toJson(QJsonDocument::Compact)));
        QCOMPARE(reply->errorCode(), QStringLiteral("too_many_ops"));
        reply = m_server.fetch(apiRequest("POST", "/api/v1/ops", {}, R"({"ops": []})"));
        QCOMPARE(reply->status, 401);
        reply = m_server.fetch(apiRequest("GET", "/api/v1/changes?since=-1", m_ana));
        QCOMPARE(reply->errorCode(), QStringLiteral("invalid_parameter"));
        reply = m_server.fetch(apiRequest("GET", "/api/v1/changes?limit=abc", m_ana));
        QCOMPARE(reply->errorCode(), QStringLiteral("invalid_parameter"));
        reply = m_server.fetch(apiRequest("GET", "/api/v1/ops", m_ana));
        QCOMPARE(reply->status, 405);
        // An op without an id, and one that is not an object, are rejected on their own.
        const QJsonArray results = ops(m_ana, QJsonArray{QJsonObject{}, 42});
        QCOMPARE(results.size(), 2);
        QCOMPARE(errorCodeOf(results.at(0).toObject()), QStringLiteral("invalid_op"));
        QCOMPARE(m_server.fetch(get("/healthz"))->status, 200);
    }

    void aKilledServerAppliesAResentBatchExactlyOnce()
    {
        QJsonArray batch;
        for (int i = 0; i < 300; ++i)
            batch.append(createOp(newId(), newId(), m_billing, QStringLiteral("Crash %1").arg(i)));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("ops"), batch}})
                                    .toJson(QJsonDocument::Compact);
        Connection connection;
        QVERIFY(connection.open(m_server.port()));
        QVERIFY(connection.send(apiRequest("POST", "/api/v1/ops", m_lea, body)));
        m_server.process().kill(); // SIGKILL while the batch is being applied (or just after)
        QCOMPARE(m_server.waitForExit(), -1);
        QVERIFY(m_server.start());
        const std::optional<HttpReply> reply =
            m_server.fetch(apiRequest("POST", "/api/v1/ops", m_lea, body));
        QCOMPARE(statusOf(reply), 200);
        std::set<QString> crashTicketIds;
        std::set<QString> created; // the "created" events' ids (a moved ticket's come twice)
        std::set<qint64> numbers;
        for (const QJsonValue &v : feed(m_root)) {
            const QJsonObject c = v.toObject();
            const QJsonObject data = c.value(QLatin1String("data")).toObject();
            if (c.value(QLatin1String("type")).toString() == u"ticket" &&
                data.value(QLatin1String("subject")).toString().startsWith(u"Crash "))
                crashTicketIds.insert(data.value(QLatin1String("id")).toString());
            if (c.value(QLatin1String("type")).toString() == u"history" &&
                data.value(QLatin1String("field")).toString() == u"created") {
                numbers.insert(data.value(QLatin1String("new")).toString().toLongLong());
                created.insert(data.value(QLatin1String("id")).toString());
            }
        }
        QCOMPARE(crashTicketIds.size(), std::size_t(300));
        QCOMPARE(created.size(), numbers.size());                 // no ticket created twice
        QCOMPARE(numbers.size(), std::size_t(*numbers.rbegin())); // numbers 1..N, no gap
        int crashTickets = 0;
        for (const QJsonValue &r : reply->json().value(QLatin1String("results")).toArray())
            crashTickets += resultStatus(r.toObject()) == u"applied" ? 1 : 0;
        QCOMPARE(crashTickets, 300);
    }

    void ticketsGetSlaDeadlinesFromTheirDepartment()
    {
        const QJsonObject configure{
            {QStringLiteral("id"), newId()},
            {QStringLiteral("type"), QStringLiteral("update_department")},
            {QStringLiteral("department"),
             QJsonObject{{QStringLiteral("id"), m_billing},
                         {QStringLiteral("business_hours"),
                          QStringLiteral("tz=Europe/Ljubljana; mon-fri 08:00-16:00")},
                         {QStringLiteral("sla_policy"),
                          QStringLiteral("urgent: first 1h, resolve 8h; high: first 4h, resolve "
                                         "3d; normal: first 8h, resolve 5d; low: first 1d, "
                                         "resolve 10d; business")}}}};
        QCOMPARE(resultStatus(op(m_root, configure)), QStringLiteral("applied"));
        const QString billing = newId();
        const QString sales = newId();
        QCOMPARE(
            resultStatus(op(m_root, createOp(newId(), billing, m_billing, QStringLiteral("S")))),
            QStringLiteral("applied"));
        QCOMPARE(resultStatus(op(m_root, createOp(newId(), sales, m_sales, QStringLiteral("S")))),
                 QStringLiteral("applied"));
        const auto snapshot = [&](const QString &id) {
            return m_server.fetch(apiRequest("GET", "/api/v1/tickets/" + id.toLatin1(), m_root))
                ->json()
                .value(QLatin1String("ticket"))
                .toObject();
        };
        const QJsonObject withPolicy = snapshot(billing);
        const QDateTime first = QDateTime::fromString(
            withPolicy.value(QLatin1String("first_response_deadline")).toString(),
            Qt::ISODateWithMs);
        const QDateTime resolution = QDateTime::fromString(
            withPolicy.value(QLatin1String("resolution_deadline")).toString(), Qt::ISODateWithMs);
        QVERIFY2(first.isValid() && resolution.isValid(),
                 QJsonDocument(withPolicy).toJson().constData());
        QVERIFY(first < resolution); // high: 4 business hours, then 3 business days
        QVERIFY(first > QDateTime::currentDateTimeUtc().addSecs(4 * 3600 - 60));
        QVERIFY(snapshot(sales).value(QLatin1String("resolution_deadline")).isNull() ||
                snapshot(sales).value(QLatin1String("resolution_deadline")).isUndefined());
    }

    // Last, since it adds a ticket. A changes page is read on a connection of its own: it is
    // answered while an op batch waits for the database's write lock (held here by another
    // process's connection), and the batch goes through once the lock is free.
    void changesPagesDoNotWaitForTheWriter()
    {
        if (usingPostgres())
            QSKIP("holds SQLite's write lock; on PostgreSQL pages use their own connections alike");
        auto other = Pult::Sql::Database::open(
            QDir(m_server.dataDir()).filePath(QStringLiteral("server.db")),
            Pult::Sql::Database::Mode::ReadWrite);
        QVERIFY(other.good());
        QVERIFY((*other)->begin().good()); // BEGIN IMMEDIATE: the write lock
        Connection writer;
        QVERIFY(writer.open(m_server.port()));
        // Behind the writer, the page would wait out SQLite's busy timeout of 5 s, counted from
        // after the batch was sent.
        QElapsedTimer sinceBatch;
        sinceBatch.start();
        const QJsonObject create = createOp(newId(), newId(), m_billing, QStringLiteral("Held"));
        QVERIFY(writer.send(
            apiRequest("POST", "/api/v1/ops", m_ana,
                       QJsonDocument(QJsonObject{{QStringLiteral("ops"), QJsonArray{create}}})
                           .toJson(QJsonDocument::Compact))));
        // The batch is on a worker, waiting for the lock, when a scrape (on a worker too)
        // counts two requests there.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const std::optional<HttpReply> metrics = m_server.fetch(get("/metrics"));
                return metrics && metrics->body.contains("\npultd_worker_requests 2\n");
            },
            kTimeoutMs));
        QVERIFY(!writer.answered());

        const std::optional<HttpReply> page =
            m_server.fetch(apiRequest("GET", "/api/v1/changes?since=0&limit=10", m_ana));
        QCOMPARE(statusOf(page), 200);
        QVERIFY2(sinceBatch.elapsed() < 5000, "the page waited for the writer");
        QVERIFY2(!writer.answered(), "the page was answered while the batch still waited");

        QVERIFY((*other)->rollback().good());
        const std::optional<HttpReply> applied = writer.read();
        QCOMPARE(statusOf(applied), 200);
        QCOMPARE(applied->json()
                     .value(QLatin1String("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
    }
};

QTEST_GUILESS_MAIN(TestOps)
#include "tst_ops.moc"
