// Time triggers in process (docs/automation.md): ServerStore opened directly on SQLite, or with
// PULT_TEST_DB=postgresql on a PostgreSQL 15 the test starts, and the clock moved by hand:
// every op and every run of the timers is given its moment. An SLA warning and an escalation
// across a weekend with the change from summer time, over Ljubljana's business hours; pending
// and solved tickets moved on (auto-close); an unanswered customer; a timer fires once; a rule
// written later arms the tickets already there; a deleted rule's timers go with it; two
// schedulers on one database fire each timer once (the escalation also notifies the lead);
// presence: a request makes an agent available to round-robin once it is flushed. That
// pultd's scheduler fires them on its own is server_rules' timersFireOnTheirOwn.

#include "accounts.h"
#include "postgresprocess.h"
#include "serverstore.h"
#include "uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Pult;

namespace {

const QString kPassword = QStringLiteral("a long enough password");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;

} // namespace

class TestTimeTriggers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataDir;
    std::unique_ptr<PultdTest::PostgresServer> m_postgres;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<ServerStore> m_store;
    QString m_url; // the database: empty for SQLite in m_dataDir
    AgentSession m_admin;
    AgentSession m_lead; // of Desk, notified by the escalation
    QString m_leadToken;
    QString m_desk;
    UuidV7Generator m_ids;

    QString id() { return uuidToString(m_ids.next()); }

    // Applies the ops at the moment; whether all were applied.
    bool apply(const QJsonArray &ops, qint64 now)
    {
        QJsonArray withIds;
        for (const QJsonValue &v : ops) {
            QJsonObject op = v.toObject();
            op.insert(QStringLiteral("id"), id());
            withIds.append(op);
        }
        auto results = m_store->apply(m_admin, withIds, now);
        if (!results.good()) {
            qWarning() << results.status().message();
            return false;
        }
        for (const QJsonValue &r : *results) {
            if (r.toObject().value(u"status").toString() != u"applied") {
                qWarning().noquote() << QJsonDocument(r.toObject()).toJson();
                return false;
            }
        }
        return true;
    }

    bool addRule(const QString &ruleId, const QString &when, const QString &condition,
                 const QString &actions, qint64 now, bool everyDepartment = false)
    {
        return apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("upsert_rule")},
                                  {QStringLiteral("rule"),
                                   QJsonObject{{QStringLiteral("id"), ruleId},
                                               {QStringLiteral("name"), when},
                                               {QStringLiteral("department_id"),
                                                everyDepartment ? QJsonValue() : m_desk},
                                               {QStringLiteral("when"), when},
                                               {QStringLiteral("if"), condition},
                                               {QStringLiteral("then"), actions}}}}},
                     now);
    }

    bool createTicket(const QString &ticket, const QString &tag, qint64 now)
    {
        return apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("create_ticket")},
                                  {QStringLiteral("ticket"),
                                   QJsonObject{{QStringLiteral("id"), ticket},
                                               {QStringLiteral("subject"), QStringLiteral("Help")},
                                               {QStringLiteral("department_id"), m_desk},
                                               {QStringLiteral("tags"), QJsonArray{tag}},
                                               {QStringLiteral("requester"),
                                                QJsonObject{{QStringLiteral("email"),
                                                             QStringLiteral("c@example.com")}}}}},
                                  {QStringLiteral("message_id"), id()},
                                  {QStringLiteral("body"), QStringLiteral("It does not work")}}},
                     now);
    }

    static QJsonObject setStatus(const QString &ticket, const QString &status)
    {
        return {{QStringLiteral("type"), QStringLiteral("set_fields")},
                {QStringLiteral("ticket_id"), ticket},
                {QStringLiteral("fields"), QJsonObject{{QStringLiteral("status"), status}}}};
    }

    QJsonObject message(const QString &ticket, const QString &kind)
    {
        return {{QStringLiteral("type"), QStringLiteral("add_message")},
                {QStringLiteral("ticket_id"), ticket},
                {QStringLiteral("message"),
                 QJsonObject{{QStringLiteral("id"), id()},
                             {QStringLiteral("kind"), kind},
                             {QStringLiteral("body"), QStringLiteral("Text")}}}};
    }

    QJsonObject ticket(const QString &ticketId)
    {
        auto read = m_store->ticket(m_admin, QUuid::fromString(ticketId));
        if (!read.good() || !*read)
            return {};
        return (*read)->value(u"ticket").toObject();
    }

    QStringList tags(const QString &ticketId)
    {
        QStringList list;
        for (const QJsonValue &v : ticket(ticketId).value(u"tags").toArray())
            list.append(v.toString());
        return list;
    }

    int fire(qint64 now)
    {
        auto run = m_store->runTimers(now);
        if (!run.good()) {
            qWarning() << run.status().message();
            return -1;
        }
        return run->fired;
    }

    qint64 next()
    {
        auto timer = m_store->nextTimer();
        return timer.good() && *timer ? **timer : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        QString &url = m_url;
        if (qgetenv("PULT_TEST_DB") == "postgresql") {
            m_postgres = std::make_unique<PultdTest::PostgresServer>();
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->error()));
            QVERIFY2(m_postgres->createDatabase(QStringLiteral("timers")),
                     qPrintable(m_postgres->error()));
            url = m_postgres->url(QStringLiteral("timers"));
        }
        const std::filesystem::path dir = m_dataDir.path().toStdString();
        auto accounts = Accounts::open(dir, url);
        QVERIFY2(accounts.good(), qPrintable(accounts.status().message()));
        m_accounts = std::move(*accounts);
        auto store = ServerStore::open(dir, url);
        QVERIFY2(store.good(), qPrintable(store.status().message()));
        m_store = std::move(*store);
        auto hash = Accounts::hashPassword(kPassword);
        QVERIFY(hash.good());
        NewAgent admin{QStringLiteral("admin@example.com"),
                       QStringLiteral("Admin"),
                       Role::Admin,
                       {{QStringLiteral("Desk"), 1}}};
        QVERIFY(m_accounts->addAgent(admin, *hash).good());
        auto login = m_accounts->login(admin.email, kPassword, QStringLiteral("127.0.0.1"),
                                       utc("2026-10-01T00:00:00Z"));
        QVERIFY(std::holds_alternative<Accounts::Login>(login));
        m_admin = std::get<Accounts::Login>(login).session;
        m_desk = uuidToString(m_admin.departments.first().id);
        NewAgent lead{QStringLiteral("lead@example.com"),
                      QStringLiteral("Lead"),
                      Role::Lead,
                      {{QStringLiteral("Desk"), 1}}};
        QVERIFY(m_accounts->addAgent(lead, *hash).good());
        login = m_accounts->login(lead.email, kPassword, QStringLiteral("127.0.0.1"),
                                  utc("2026-10-01T00:00:00Z"));
        QVERIFY(std::holds_alternative<Accounts::Login>(login));
        m_lead = std::get<Accounts::Login>(login).session;
        m_leadToken = std::get<Accounts::Login>(login).token;
        QVERIFY(
            apply({QJsonObject{
                      {QStringLiteral("type"), QStringLiteral("update_department")},
                      {QStringLiteral("department"),
                       QJsonObject{{QStringLiteral("id"), m_desk},
                                   {QStringLiteral("business_hours"),
                                    QStringLiteral("tz=Europe/Ljubljana; mon-fri 08:00-16:00")},
                                   {QStringLiteral("sla_policy"),
                                    QStringLiteral("normal: first 4h, resolve 3d; business")}}}}},
                  utc("2026-10-01T00:00:00Z")));
    }

    // Friday 23 October 2026, 14:00 in Ljubljana (summer time, UTC+2): 4 business hours are
    // two on Friday and two on Monday 26 October, after the clocks went back on Sunday, so the
    // first response is due Monday 10:00 local, 09:00 UTC, and the warning half an hour before.
    void slaWarningAndEscalationAcrossTheChangeOfTime()
    {
        const QString warn = id();
        const QString escalate = id();
        const qint64 friday = utc("2026-10-23T12:00:00Z");
        QVERIFY(addRule(warn, QStringLiteral("sla-due:30m"), QStringLiteral("tag:sla"),
                        QStringLiteral("+warned"), friday));
        QVERIFY(addRule(escalate, QStringLiteral("breached"), QStringLiteral("tag:sla"),
                        QStringLiteral("tier=2 +breached notify:lead"), friday));
        const QString t = id();
        QVERIFY(createTicket(t, QStringLiteral("sla"), friday));
        QCOMPARE(ticket(t).value(u"first_response_deadline").toString(),
                 QStringLiteral("2026-10-26T09:00:00.000Z"));
        QCOMPARE(next(), utc("2026-10-26T08:30:00Z"));
        QCOMPARE(fire(utc("2026-10-26T08:29:59Z")), 0);
        QVERIFY(!tags(t).contains(u"warned"));
        QCOMPARE(fire(utc("2026-10-26T08:30:00Z")), 1);
        QVERIFY(tags(t).contains(u"warned"));
        QCOMPARE(fire(utc("2026-10-26T08:45:00Z")), 0); // once
        QCOMPARE(next(), utc("2026-10-26T09:00:00Z"));
        QCOMPARE(fire(utc("2026-10-26T09:00:00Z")), 1);
        QCOMPARE(ticket(t).value(u"tier").toInt(), 2);
        QVERIFY(tags(t).contains(u"breached"));
        // The rules' changes are in the history under their names, done by no agent.
        auto read = m_store->ticket(m_admin, QUuid::fromString(t));
        int byRules = 0;
        for (const QJsonValue &v : (*read)->value(u"history").toArray()) {
            if (v.toObject().value(u"rule").toString() == u"breached") {
                QVERIFY(v.toObject().value(u"actor_id").isNull());
                ++byRules;
            }
        }
        QCOMPARE(byRules, 3); // tier, tags, and whom it notified
        // Seed 003: "a notification to the lead", in the lead's feed only.
        const auto notices = [&](const AgentSession &session) {
            QStringList rules;
            auto feed = m_store->changes(session, 0, 1000);
            const QJsonObject page =
                QJsonDocument::fromJson(QByteArray::fromStdString(*feed)).object();
            for (const QJsonValue &v : page.value(u"changes").toArray()) {
                const QJsonObject data = v.toObject().value(u"data").toObject();
                if (v.toObject().value(u"type").toString() == u"notification" &&
                    data.value(u"ticket_id").toString() == t)
                    rules.append(data.value(u"rule").toString());
            }
            return rules;
        };
        QCOMPARE(notices(m_lead), QStringList{QStringLiteral("breached")});
        QVERIFY(notices(m_admin).isEmpty());
        // Answered: the first response is met, and the timers follow the resolution deadline.
        QVERIFY(apply({message(t, QStringLiteral("reply"))}, utc("2026-10-26T09:10:00Z")));
        const QDateTime resolution = QDateTime::fromString(
            ticket(t).value(u"resolution_deadline").toString(), Qt::ISODateWithMs);
        QVERIFY(resolution.isValid());
        QCOMPARE(next(), resolution.toMSecsSinceEpoch() - 30 * kMinute);
        // Solved: no clock runs, no timer is left.
        QVERIFY(apply({setStatus(t, QStringLiteral("solved"))}, utc("2026-10-26T10:00:00Z")));
        QCOMPARE(next(), -1);
        for (const QString &rule : {warn, escalate})
            QVERIFY(apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("delete_rule")},
                                       {QStringLiteral("rule_id"), rule}}},
                          utc("2026-10-26T10:00:00Z")));
    }

    // Pending for two days: solved; solved for a week: closed.
    void waitingAndAutoClose()
    {
        const qint64 start = utc("2026-11-02T10:00:00Z");
        const QString chase = id();
        const QString close = id();
        QVERIFY(addRule(chase, QStringLiteral("pending:48h"), QStringLiteral("tag:wait"),
                        QStringLiteral("solve note:\"No answer in two days\""), start));
        QVERIFY(addRule(close, QStringLiteral("solved:7d"), QStringLiteral("tag:wait"),
                        QStringLiteral("close"), start));
        // Written now, the rule armed the tickets there: the previous case's, solved a week ago,
        // is due at once; its condition decides, and it is not for this rule.
        QCOMPARE(next(), start);
        QCOMPARE(fire(start), 1);
        QCOMPARE(next(), -1);
        const QString t = id();
        QVERIFY(createTicket(t, QStringLiteral("wait"), start));
        QVERIFY(apply({setStatus(t, QStringLiteral("pending"))}, start + kHour));
        // On hold after pending: still the same wait.
        QVERIFY(apply({setStatus(t, QStringLiteral("on-hold"))}, start + 2 * kHour));
        QCOMPARE(next(), start + kHour + 48 * kHour);
        QCOMPARE(fire(start + 48 * kHour), 0);
        QCOMPARE(fire(start + 49 * kHour), 1);
        QCOMPARE(ticket(t).value(u"status").toString(), QStringLiteral("solved"));
        QCOMPARE(next(), start + 49 * kHour + 7 * 24 * kHour);
        QCOMPARE(fire(start + 49 * kHour + 7 * 24 * kHour), 1);
        QCOMPARE(ticket(t).value(u"status").toString(), QStringLiteral("closed"));
        QCOMPARE(next(), -1);
        // A ticket pending when the rule is written waits from then on.
        const QString later = id();
        QVERIFY(createTicket(later, QStringLiteral("wait"), start));
        QVERIFY(apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("delete_rule")},
                                   {QStringLiteral("rule_id"), chase}}},
                      start));
        QVERIFY(apply({setStatus(later, QStringLiteral("pending"))}, start));
        QCOMPARE(next(), -1); // no rule for pending tickets now
        // For every department this time: it arms the tickets of all of them.
        QVERIFY(addRule(chase, QStringLiteral("pending:48h"), QStringLiteral("tag:wait"),
                        QStringLiteral("solve"), start + 10 * kHour, true));
        QCOMPARE(next(), start + 58 * kHour);
        for (const QString &rule : {chase, close})
            QVERIFY(apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("delete_rule")},
                                       {QStringLiteral("rule_id"), rule}}},
                          start));
        QCOMPARE(next(), -1); // a deleted rule's timers go with it
    }

    // The requester wrote and nobody answered for four hours: urgent. An answer stops the clock.
    void unansweredCustomer()
    {
        const qint64 start = utc("2026-11-16T09:00:00Z");
        const QString rule = id();
        QVERIFY(addRule(rule, QStringLiteral("unanswered:4h"), QStringLiteral("tag:ask"),
                        QStringLiteral("priority=urgent"), start));
        const QString answered = id();
        const QString ignored = id();
        QVERIFY(createTicket(answered, QStringLiteral("ask"), start));
        QVERIFY(createTicket(ignored, QStringLiteral("ask"), start));
        QCOMPARE(next(), start + 4 * kHour);
        QVERIFY(apply({message(answered, QStringLiteral("reply"))}, start + kHour));
        QCOMPARE(fire(start + 4 * kHour), 1);
        QCOMPARE(ticket(ignored).value(u"priority").toString(), QStringLiteral("urgent"));
        QCOMPARE(ticket(answered).value(u"priority").toString(), QStringLiteral("normal"));
        // The customer writes again after the answer: a new four hours.
        QVERIFY(apply({message(answered, QStringLiteral("customer"))}, start + 5 * kHour));
        QCOMPARE(next(), start + 9 * kHour);
        QVERIFY(apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("delete_rule")},
                                   {QStringLiteral("rule_id"), rule}}},
                      start));
    }

    // Several pultd on one database each wake for the same timers: the writers' lock lets one
    // take each timer, and every timer fires once.
    void twoSchedulersFireEachTimerOnce()
    {
        const qint64 start = utc("2026-11-23T09:00:00Z");
        const QString rule = id();
        QVERIFY(addRule(rule, QStringLiteral("solved:1h"), QStringLiteral("tag:race"),
                        QStringLiteral("close"), start));
        QStringList tickets;
        for (int i = 0; i < 20; ++i) {
            tickets.append(id());
            QVERIFY(createTicket(tickets.last(), QStringLiteral("race"), start));
            QVERIFY(apply({setStatus(tickets.last(), QStringLiteral("solved"))}, start));
        }
        auto other = ServerStore::open(m_dataDir.path().toStdString(), m_url);
        QVERIFY2(other.good(), qPrintable(other.status().message()));
        std::atomic<int> fired = 0; // timers run by either
        std::atomic<bool> failed = false;
        const auto run = [&](ServerStore &store) {
            for (int round = 0; round < 3; ++round) {
                auto timers = store.runTimers(start + kHour);
                if (!timers.good())
                    failed = true;
                else
                    fired += timers->fired;
            }
        };
        std::thread first(run, std::ref(*m_store));
        std::thread second(run, std::ref(**other));
        first.join();
        second.join();
        QVERIFY(!failed);
        // Earlier cases' solved tickets are armed too (the condition then says no).
        QVERIFY2(fired.load() >= 20, qPrintable(QString::number(fired.load())));
        QCOMPARE(fire(start + kHour), 0);
        for (const QString &t : std::as_const(tickets)) {
            QCOMPARE(ticket(t).value(u"status").toString(), QStringLiteral("closed"));
            int closes = 0;
            for (const QJsonValue &v :
                 (*m_store->ticket(m_admin, QUuid::fromString(t)))->value(u"history").toArray())
                closes += v.toObject().value(u"rule").toString() == u"solved:1h";
            QCOMPARE(closes, 1);
        }
        QVERIFY(apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("delete_rule")},
                                   {QStringLiteral("rule_id"), rule}}},
                      start));
    }

    // Who is online moves with the clock too. A request is only noted in memory; the flush
    // (every 15 s in pultd) writes it, and from then on round-robin may give the agent tickets.
    void requestsMakeAnAgentOnlineWhenFlushed()
    {
        const qint64 now = utc("2026-10-20T10:00:00Z"); // the token is 30 days good
        const auto assignment = [&](const char *method) {
            return apply({QJsonObject{{QStringLiteral("type"), QStringLiteral("update_department")},
                                      {QStringLiteral("department"),
                                       QJsonObject{{QStringLiteral("id"), m_desk},
                                                   {QStringLiteral("assignment"),
                                                    QString::fromLatin1(method)}}}}},
                         now);
        };
        QVERIFY(assignment("round-robin"));
        // Everyone signed in weeks ago: nobody is online.
        const QString before = id();
        QVERIFY(createTicket(before, QStringLiteral("presence"), now));
        QVERIFY(ticket(before).value(u"assignee_id").isNull());
        const auto seen = m_accounts->authenticate("Bearer " + m_leadToken.toStdString(), now);
        QVERIFY(std::holds_alternative<AgentSession>(seen));
        const QString noted = id();
        QVERIFY(createTicket(noted, QStringLiteral("presence"), now + 1000));
        QVERIFY(ticket(noted).value(u"assignee_id").isNull());
        QVERIFY(m_accounts->flushPresence().good());
        const QString flushed = id();
        QVERIFY(createTicket(flushed, QStringLiteral("presence"), now + 2000));
        QCOMPARE(ticket(flushed).value(u"assignee_id").toString(), uuidToString(m_lead.agent.id));
        // Two minutes without a request: offline again.
        const QString later = id();
        QVERIFY(createTicket(later, QStringLiteral("presence"), now + 3 * 60'000));
        QVERIFY(ticket(later).value(u"assignee_id").isNull());
        QVERIFY(assignment("manual"));
    }
};

QTEST_GUILESS_MAIN(TestTimeTriggers)
#include "tst_timetriggers.moc"
