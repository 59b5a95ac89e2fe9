// Automation rules through the real pultd (docs/automation.md), on SQLite and (server_rules_
// postgresql) PostgreSQL: who may write rules; rules that do not parse refused with the
// position; every trigger and every action; notices only to those a rule names; order, stop
// and disabled; a rule that cannot act
// undoes itself and lets the op through; a loop of two rules stops at the limit and says so;
// the dry run of GET /api/v1/rules/{id}/test changes nothing. One pultd for the whole suite; each
// case works on fresh tickets, and rules it adds only match tickets tagged for it.

#include "pultdprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QUuid>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";

enum class Who { Agent, Lead, Admin, OtherLead };

} // namespace

class TestRules : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QMap<Who, QByteArray> m_tokens;
    QString m_support;
    QString m_sales;
    QString m_senior; // an agent of Support, assigned by rules
    QString m_seller; // an agent of Sales only

    std::optional<HttpReply> fetch(const QByteArray &method, const QByteArray &target, Who who,
                                   const QByteArray &body = {})
    {
        return m_server.fetch(apiRequest(method, target, m_tokens.value(who), body));
    }

    qint64 revision()
    {
        return fetch("POST", "/api/v1/ops", Who::Admin, R"({"ops": []})")
            ->json()
            .value(QLatin1String("revision"))
            .toInteger();
    }

    // Applies one op; its result object.
    QJsonObject op(Who who, QJsonObject o)
    {
        o.insert(QStringLiteral("id"), newId());
        const std::optional<HttpReply> reply =
            fetch("POST", "/api/v1/ops", who,
                  QJsonDocument(QJsonObject{{QStringLiteral("ops"), QJsonArray{o}}})
                      .toJson(QJsonDocument::Compact));
        if (statusOf(reply) != 200)
            return {};
        return reply->json().value(QLatin1String("results")).toArray().first().toObject();
    }

    // "applied", or the rejection's code; a rejection must leave the revision as it was.
    QString outcome(Who who, const QJsonObject &o)
    {
        const qint64 before = revision();
        const QJsonObject result = op(who, o);
        const QString status = result.value(QLatin1String("status")).toString();
        if (status == u"applied")
            return status;
        if (revision() != before)
            return QStringLiteral("changed despite rejection");
        return result.value(QLatin1String("error")).toObject().value(u"code").toString();
    }

    static QJsonObject rule(const QString &id, const QString &name, const QString &when,
                            const QString &condition, const QString &actions,
                            const QJsonValue &department = QJsonValue(), QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("id"), id);
        extra.insert(QStringLiteral("name"), name);
        extra.insert(QStringLiteral("when"), when);
        extra.insert(QStringLiteral("if"), condition);
        extra.insert(QStringLiteral("then"), actions);
        extra.insert(QStringLiteral("department_id"), department);
        return {{QStringLiteral("type"), QStringLiteral("upsert_rule")},
                {QStringLiteral("rule"), extra}};
    }

    static QJsonObject removal(const QString &id)
    {
        return {{QStringLiteral("type"), QStringLiteral("delete_rule")},
                {QStringLiteral("rule_id"), id}};
    }

    // Adds the rule as the admin; its id.
    QString addRule(const QString &name, const QString &when, const QString &condition,
                    const QString &actions, QJsonObject extra = {})
    {
        const QString id = newId();
        const QJsonObject result =
            op(Who::Admin, rule(id, name, when, condition, actions, m_support, extra));
        if (result.value(QLatin1String("status")).toString() != u"applied")
            qWarning().noquote() << QJsonDocument(result).toJson();
        return id;
    }

    QJsonObject createTicket(const QString &id, const QStringList &tags,
                             const QString &requester = QStringLiteral("someone@example.com"),
                             const QString &department = {})
    {
        return {{QStringLiteral("type"), QStringLiteral("create_ticket")},
                {QStringLiteral("ticket"),
                 QJsonObject{{QStringLiteral("id"), id},
                             {QStringLiteral("subject"), QStringLiteral("Help")},
                             {QStringLiteral("department_id"),
                              department.isEmpty() ? m_support : department},
                             {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                             {QStringLiteral("requester"),
                              QJsonObject{{QStringLiteral("email"), requester}}}}}};
    }

    // A fresh ticket of Support tagged `tag`, made by the agent.
    QString ticketTagged(const QString &tag)
    {
        const QString id = newId();
        const QString result = outcome(Who::Agent, createTicket(id, {tag}));
        if (result != u"applied")
            qWarning() << "create_ticket:" << result;
        return id;
    }

    // The ticket with its messages and history, as the admin reads it.
    QJsonObject read(const QString &ticket)
    {
        return fetch("GET", "/api/v1/tickets/" + ticket.toLatin1(), Who::Admin)->json();
    }

    QJsonObject ticket(const QString &id) { return read(id).value(u"ticket").toObject(); }

    QStringList tags(const QString &id)
    {
        QStringList list;
        for (const QJsonValue &v : ticket(id).value(u"tags").toArray())
            list.append(v.toString());
        return list;
    }

    static QJsonObject onTicket(const QString &type, const QString &ticket, QJsonObject extra)
    {
        extra.insert(QStringLiteral("type"), type);
        extra.insert(QStringLiteral("ticket_id"), ticket);
        return extra;
    }

    static QJsonObject setFields(const QString &ticket, const QJsonObject &fields)
    {
        return onTicket(QStringLiteral("set_fields"), ticket, {{QStringLiteral("fields"), fields}});
    }

    static QJsonObject message(const QString &ticket, const QString &kind)
    {
        return onTicket(QStringLiteral("add_message"), ticket,
                        {{QStringLiteral("message"),
                          QJsonObject{{QStringLiteral("id"), newId()},
                                      {QStringLiteral("kind"), kind},
                                      {QStringLiteral("body"), QStringLiteral("Text")}}}});
    }

    // The rejection's message of a rule the admin writes.
    QString refusal(const QString &when, const QString &condition, const QString &actions)
    {
        const QJsonObject result =
            op(Who::Admin, rule(newId(), QStringLiteral("Bad"), when, condition, actions));
        return result.value(QLatin1String("error")).toObject().value(u"message").toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto add = [&](const char *email, const char *role, const char *dept) {
            const Run r = addAgent(m_server.dataDir(), QString::fromLatin1(email),
                                   QString::fromLatin1(role), QString::fromLatin1(dept), kPassword);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        };
        add("agent@x.example", "agent", "Support");
        add("lead@x.example", "lead", "Support");
        add("admin@x.example", "admin", nullptr);
        add("otherlead@x.example", "lead", "Sales");
        add("senior@x.example", "agent", "Support:2");
        add("seller@x.example", "agent", "Sales");
        QVERIFY(m_server.start());
        const QList<std::pair<Who, QByteArray>> logins{{Who::Agent, "agent@x.example"},
                                                       {Who::Lead, "lead@x.example"},
                                                       {Who::Admin, "admin@x.example"},
                                                       {Who::OtherLead, "otherlead@x.example"}};
        for (const auto &[who, email] : logins) {
            m_tokens.insert(who, login(m_server, email, kPassword));
            QVERIFY(!m_tokens.value(who).isEmpty());
        }
        for (const QJsonValue &v : fetch("GET", "/api/v1/departments", Who::Admin)
                                       ->json()
                                       .value(QLatin1String("departments"))
                                       .toArray()) {
            const QJsonObject d = v.toObject();
            (d.value(u"name").toString() == u"Support" ? m_support : m_sales) =
                d.value(u"id").toString();
        }
        for (const QJsonValue &v : fetch("GET", "/api/v1/agents", Who::Admin)
                                       ->json()
                                       .value(QLatin1String("agents"))
                                       .toArray()) {
            const QJsonObject a = v.toObject();
            if (a.value(u"email").toString() == u"senior@x.example")
                m_senior = a.value(u"id").toString();
            if (a.value(u"email").toString() == u"seller@x.example")
                m_seller = a.value(u"id").toString();
        }
        QVERIFY(!m_support.isEmpty() && !m_sales.isEmpty());
        QVERIFY(!m_senior.isEmpty() && !m_seller.isEmpty());
    }

    void writingRulesFollowsRoles()
    {
        const QString support = newId();
        const QString global = newId();
        const QString condition = QStringLiteral("tag:never-there");
        const QString actions = QStringLiteral("+x");
        const auto write = [&](Who who, const QString &id, const QJsonValue &department) {
            return outcome(who, rule(id, QStringLiteral("R %1").arg(id.left(4)),
                                     QStringLiteral("created"), condition, actions, department));
        };
        QCOMPARE(write(Who::Agent, support, m_support), QStringLiteral("forbidden"));
        QCOMPARE(write(Who::OtherLead, support, m_support), QStringLiteral("not_found"));
        QCOMPARE(write(Who::Lead, global, QJsonValue()), QStringLiteral("forbidden"));
        QCOMPARE(write(Who::Lead, support, m_support), QStringLiteral("applied"));
        QCOMPARE(write(Who::Admin, global, QJsonValue()), QStringLiteral("applied"));
        // Another department's rule does not exist for a lead; a global one is the admins'.
        QCOMPARE(outcome(Who::OtherLead, removal(support)), QStringLiteral("not_found"));
        QCOMPARE(outcome(Who::Lead, removal(global)), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Agent, removal(support)), QStringLiteral("forbidden"));

        const auto listed = [&](Who who) {
            QStringList ids;
            for (const QJsonValue &v :
                 fetch("GET", "/api/v1/rules", who)->json().value(u"rules").toArray())
                ids.append(v.toObject().value(u"id").toString());
            return ids;
        };
        QVERIFY(listed(Who::Agent).contains(support) && listed(Who::Agent).contains(global));
        QVERIFY(!listed(Who::OtherLead).contains(support));
        QVERIFY(listed(Who::OtherLead).contains(global));
        QVERIFY(listed(Who::Admin).contains(support));

        QCOMPARE(outcome(Who::Lead, removal(support)), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Admin, removal(global)), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Admin, removal(global)), QStringLiteral("not_found"));
        QVERIFY(!listed(Who::Admin).contains(support));
        QCOMPARE(statusOf(m_server.fetch(apiRequest("GET", "/api/v1/rules", {}))), 401);
    }

    void badRulesAreRefusedWithThePosition()
    {
        const QString created = QStringLiteral("created");
        const QString tagged = QStringLiteral("tag:x");
        QCOMPARE(refusal(QStringLiteral("creatd"), tagged, QStringLiteral("+x")),
                 QStringLiteral("the trigger, column 1: a trigger is one of: created, "
                                "customer-reply, agent-reply, note, changed, changed:FIELD, "
                                "sla-due:TIME, breached, pending:TIME, unanswered:TIME, "
                                "solved:TIME"));
        QCOMPARE(refusal(QStringLiteral("pending"), tagged, QStringLiteral("+x")),
                 QStringLiteral("the trigger, column 8: \"pending\" takes how long: pending:30m, "
                                "pending:4h, pending:2d"));
        QVERIFY(refusal(QStringLiteral("changed:colour"), tagged, QStringLiteral("+x"))
                    .startsWith(u"the trigger, column 9: \"changed:\" takes one of"));
        QCOMPARE(refusal(created, QStringLiteral("stauts:open"), QStringLiteral("+x")),
                 QStringLiteral("the condition, column 1: unknown field \"stauts\" — did you "
                                "mean \"status\"?"));
        QVERIFY(refusal(created, QStringLiteral("assignee:me"), QStringLiteral("+x"))
                    .startsWith(u"the condition, column 1:"));
        QCOMPARE(refusal(created, tagged, QStringLiteral("priority=high tier=12")),
                 QStringLiteral("the actions, column 15: a tier is a number from 1 to 9, or next"));
        QCOMPARE(refusal(created, tagged, QStringLiteral("+x dept=Nowhere")),
                 QStringLiteral("the actions, column 4: no department is named \"Nowhere\""));
        QCOMPARE(refusal(created, tagged, QStringLiteral("assignee=nobody@x.example")),
                 QStringLiteral("the actions, column 1: no agent has the address or name "
                                "\"nobody@x.example\""));
        QCOMPARE(refusal(created, tagged, QStringLiteral("note:\"unfinished")),
                 QStringLiteral("the actions, column 6: the quote is not closed"));
        QCOMPARE(refusal(created, tagged, QStringLiteral("colour=red")),
                 QStringLiteral("the actions, column 1: \"colour\" cannot be set: status, "
                                "priority, dept, category, tier, assignee or due"));
        QCOMPARE(refusal(created, tagged, QString()),
                 QStringLiteral("the actions, column 1: a rule needs at least one action"));
        QCOMPARE(
            outcome(Who::Admin, rule(newId(), QString(), created, tagged, QStringLiteral("+x"))),
            QStringLiteral("invalid_op"));
        QJsonObject unknownField =
            rule(newId(), QStringLiteral("U"), created, tagged, QStringLiteral("+x"));
        QJsonObject inner = unknownField.value(u"rule").toObject();
        inner.insert(QStringLiteral("colour"), QStringLiteral("red"));
        unknownField.insert(QStringLiteral("rule"), inner);
        QCOMPARE(outcome(Who::Admin, unknownField), QStringLiteral("invalid_op"));
    }

    // Seed 001: "if an enterprise customer writes, answer at once": the customer's new ticket gets
    // priority urgent, tier 2 and an assignee within the one op that creates it.
    void enterpriseCustomersFirst()
    {
        const QString id =
            addRule(QStringLiteral("Enterprise first"), QStringLiteral("created"),
                    QStringLiteral("requester:bigcorp.example"),
                    QStringLiteral("priority=urgent tier=2 assignee=senior@x.example +enterprise"));
        const QString enterprise = newId();
        const qint64 before = revision();
        QCOMPARE(outcome(Who::Agent,
                         createTicket(enterprise, {}, QStringLiteral("boss@bigcorp.example"))),
                 QStringLiteral("applied"));
        const QJsonObject read = this->read(enterprise);
        const QJsonObject t = read.value(u"ticket").toObject();
        QCOMPARE(t.value(u"priority").toString(), QStringLiteral("urgent"));
        QCOMPARE(t.value(u"tier").toInt(), 2);
        QCOMPARE(t.value(u"assignee_id").toString(), m_senior);
        QCOMPARE(tags(enterprise), QStringList{QStringLiteral("enterprise")});
        // One op: the ticket's change is written once, with the rule's work in it.
        const std::optional<HttpReply> feed =
            fetch("GET", "/api/v1/changes?since=" + QByteArray::number(before), Who::Admin);
        int ticketChanges = 0;
        for (const QJsonValue &v : feed->json().value(u"changes").toArray())
            ticketChanges += v.toObject().value(u"type").toString() == u"ticket";
        QCOMPARE(ticketChanges, 1);
        // The history says the rule did it, by name, with no agent.
        QStringList byRule;
        for (const QJsonValue &v : read.value(u"history").toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(u"rule").toString() == u"Enterprise first") {
                QVERIFY(e.value(u"actor_id").isNull());
                byRule.append(e.value(u"field").toString());
            }
        }
        byRule.sort();
        QCOMPARE(byRule, (QStringList{QStringLiteral("assignee_id"), QStringLiteral("priority"),
                                      QStringLiteral("tags"), QStringLiteral("tier")}));
        // Anyone else's ticket is left alone.
        const QString other = newId();
        QCOMPARE(outcome(Who::Agent, createTicket(other, {}, QStringLiteral("joe@small.example"))),
                 QStringLiteral("applied"));
        QCOMPARE(ticket(other).value(u"priority").toString(), QStringLiteral("normal"));
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    void everyTriggerFires_data()
    {
        QTest::addColumn<QString>("when");
        QTest::addColumn<QJsonObject>("fires");       // an op on {TICKET} that fires the rule
        QTest::addColumn<QJsonObject>("doesNotFire"); // one that does not
        const QString t = QStringLiteral("{TICKET}");
        const auto fields = [&](const char *field, const QJsonValue &value) {
            return setFields(t, {{QString::fromLatin1(field), value}});
        };
        const QJsonObject note = message(t, QStringLiteral("note"));
        const QJsonObject reply = message(t, QStringLiteral("reply"));
        const QJsonObject customer = message(t, QStringLiteral("customer"));
        const QJsonObject priority = fields("priority", QStringLiteral("high"));
        QTest::newRow("customer-reply") << QStringLiteral("customer-reply") << customer << reply;
        QTest::newRow("agent-reply") << QStringLiteral("agent-reply") << reply << note;
        QTest::newRow("note") << QStringLiteral("note") << note << customer;
        QTest::newRow("changed:status") << QStringLiteral("changed:status")
                                        << fields("status", QStringLiteral("pending")) << priority;
        QTest::newRow("changed:priority") << QStringLiteral("changed:priority") << priority
                                          << fields("category", QStringLiteral("billing"));
        QTest::newRow("changed:department")
            << QStringLiteral("changed:department") << fields("department_id", m_sales) << priority;
        QTest::newRow("changed:assignee")
            << QStringLiteral("changed:assignee") << fields("assignee_id", m_senior) << priority;
        QTest::newRow("changed:tags")
            << QStringLiteral("changed:tags")
            << onTicket(QStringLiteral("add_tags"), t,
                        {{QStringLiteral("tags"), QJsonArray{QStringLiteral("more")}}})
            << priority;
        QTest::newRow("changed:category")
            << QStringLiteral("changed:category") << fields("category", QStringLiteral("billing"))
            << priority;
        QTest::newRow("changed:tier")
            << QStringLiteral("changed:tier") << fields("tier", 3) << priority;
        QTest::newRow("changed") << QStringLiteral("changed") << priority << note;
    }

    void everyTriggerFires()
    {
        QFETCH(QString, when);
        QFETCH(QJsonObject, fires);
        QFETCH(QJsonObject, doesNotFire);
        const QString tag = QStringLiteral("trigger-%1").arg(newId().left(8));
        // A global rule, so that it still sees a ticket moved to Sales.
        const QString id = newId();
        QCOMPARE(outcome(Who::Admin, rule(id, tag, when, u"tag:" + tag, QStringLiteral("+fired"))),
                 QStringLiteral("applied"));
        const auto on = [](QJsonObject op, const QString &ticket) {
            op.insert(QStringLiteral("ticket_id"), ticket);
            if (op.contains(u"message")) { // each message its own id
                QJsonObject m = op.value(u"message").toObject();
                m.insert(QStringLiteral("id"), newId());
                op.insert(QStringLiteral("message"), m);
            }
            return op;
        };
        const QString quiet = ticketTagged(tag);
        QVERIFY2(!tags(quiet).contains(u"fired"), "a created ticket is not a change");
        QCOMPARE(outcome(Who::Admin, on(doesNotFire, quiet)), QStringLiteral("applied"));
        QVERIFY(!tags(quiet).contains(u"fired"));
        const QString loud = ticketTagged(tag);
        QCOMPARE(outcome(Who::Admin, on(fires, loud)), QStringLiteral("applied"));
        QVERIFY2(tags(loud).contains(u"fired"), qPrintable(tags(loud).join(u',')));
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    void everyActionActs_data()
    {
        QTest::addColumn<QString>("actions");
        QTest::addColumn<QString>("field"); // of the ticket's snapshot
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("status") << QStringLiteral("status=pending") << QStringLiteral("status")
                                << QJsonValue(QStringLiteral("pending"));
        QTest::newRow("solve") << QStringLiteral("solve") << QStringLiteral("status")
                               << QJsonValue(QStringLiteral("solved"));
        QTest::newRow("close") << QStringLiteral("close") << QStringLiteral("status")
                               << QJsonValue(QStringLiteral("closed"));
        QTest::newRow("priority") << QStringLiteral("priority=low") << QStringLiteral("priority")
                                  << QJsonValue(QStringLiteral("low"));
        QTest::newRow("dept") << QStringLiteral("dept=sales") << QStringLiteral("department_id")
                              << QJsonValue(m_sales);
        QTest::newRow("category") << QStringLiteral("category=\"Refunds and returns\"")
                                  << QStringLiteral("category")
                                  << QJsonValue(QStringLiteral("Refunds and returns"));
        QTest::newRow("tier") << QStringLiteral("tier=3") << QStringLiteral("tier")
                              << QJsonValue(3);
        QTest::newRow("next tier") << QStringLiteral("tier=next") << QStringLiteral("tier")
                                   << QJsonValue(2); // from tier 1
        QTest::newRow("assignee") << QStringLiteral("assignee=senior")
                                  << QStringLiteral("assignee_id") << QJsonValue(m_senior);
        QTest::newRow("spam") << QStringLiteral("spam") << QStringLiteral("spam")
                              << QJsonValue(true);
        QTest::newRow("tags") << QStringLiteral("+one +two -one") << QStringLiteral("tags")
                              << QJsonValue(QStringLiteral("two"));
    }

    void everyActionActs()
    {
        QFETCH(QString, actions);
        QFETCH(QString, field);
        QFETCH(QJsonValue, expected);
        const QString tag = QStringLiteral("action-%1").arg(newId().left(8));
        const QString id = addRule(tag, QStringLiteral("customer-reply"), u"tag:" + tag, actions);
        const QString t = ticketTagged(tag);
        QCOMPARE(outcome(Who::Agent, message(t, QStringLiteral("customer"))),
                 QStringLiteral("applied"));
        QJsonValue value = ticket(t).value(field);
        if (field == u"tags") { // without the ticket's own tag
            QStringList list = tags(t);
            list.removeAll(tag);
            value = list.join(u',');
        }
        QCOMPARE(value, expected);
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    void dueAndNoteActions()
    {
        const QString tag = QStringLiteral("due-%1").arg(newId().left(8));
        const QString id = addRule(tag, QStringLiteral("agent-reply"), u"tag:" + tag,
                                   QStringLiteral("due=2h note:\"Waiting for the customer\""));
        const QString t = ticketTagged(tag);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QCOMPARE(outcome(Who::Agent, message(t, QStringLiteral("reply"))),
                 QStringLiteral("applied"));
        const QJsonObject read = this->read(t);
        const QDateTime due = QDateTime::fromString(
            read.value(u"ticket").toObject().value(u"due").toString(), Qt::ISODateWithMs);
        QVERIFY(due.isValid());
        QVERIFY(qAbs(before.secsTo(due) - 7200) < 60);
        const QJsonArray messages = read.value(u"messages").toArray();
        const QJsonObject note = messages.last().toObject();
        QCOMPARE(note.value(u"kind").toString(), QStringLiteral("note"));
        QCOMPARE(note.value(u"body").toString(), QStringLiteral("Waiting for the customer"));
        QCOMPARE(note.value(u"author_name").toString(), tag);
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    // reply:SHORTCUT sends a canned response to the requester, filled in for the ticket and
    // framed like an agent's reply: the first response is made.
    void aRuleRepliesWithACannedResponse()
    {
        const QString canned = newId();
        QCOMPARE(outcome(Who::Admin,
                         {{QStringLiteral("type"), QStringLiteral("upsert_canned_response")},
                          {QStringLiteral("response"),
                           QJsonObject{{QStringLiteral("id"), canned},
                                       {QStringLiteral("title"), QStringLiteral("Received")},
                                       {QStringLiteral("shortcut"), QStringLiteral("got-it")},
                                       {QStringLiteral("body"),
                                        QStringLiteral("Hello {{customer.first_name}}, we have "
                                                       "ticket {{ticket.number}}.")},
                                       {QStringLiteral("scope"), QStringLiteral("global")}}}}),
                 QStringLiteral("applied"));
        QCOMPARE(refusal(QStringLiteral("created"), QStringLiteral("tag:x"),
                         QStringLiteral("reply:nothing")),
                 QStringLiteral("the actions, column 1: no canned response \"nothing\" of "
                                "everyone (global)"));
        const QString tag = QStringLiteral("ack-%1").arg(newId().left(8));
        const QString id = addRule(QStringLiteral("Acknowledge"), QStringLiteral("created"),
                                   u"tag:" + tag, QStringLiteral("reply:got-it +acknowledged"));
        const QString t = newId();
        QCOMPARE(outcome(Who::Agent, createTicket(t, {tag}, QStringLiteral("marta@x.example"))),
                 QStringLiteral("applied"));
        const QJsonObject read = this->read(t);
        const QJsonObject reply = read.value(u"messages").toArray().last().toObject();
        QCOMPARE(reply.value(u"kind").toString(), QStringLiteral("reply"));
        QCOMPARE(reply.value(u"author_name").toString(), QStringLiteral("Acknowledge"));
        QVERIFY2(reply.value(u"body").toString().contains(
                     QStringLiteral("we have ticket #%1.")
                         .arg(read.value(u"ticket").toObject().value(u"number").toInteger())),
                 qPrintable(reply.value(u"body").toString()));
        QVERIFY(!read.value(u"ticket").toObject().value(u"first_response_at").isNull());
        QVERIFY(tags(t).contains(u"acknowledged"));
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    // notify:WHO puts a notice in the feed of each agent it names who may see the ticket, and
    // of nobody else; the ticket's history says whom the rule notified.
    void notifyReachesOnlyThoseNamed()
    {
        QCOMPARE(refusal(QStringLiteral("created"), QStringLiteral("tag:x"),
                         QStringLiteral("+x notify:nobody@x.example")),
                 QStringLiteral("the actions, column 4: no agent has the address or name "
                                "\"nobody@x.example\""));
        QCOMPARE(
            refusal(QStringLiteral("created"), QStringLiteral("tag:x"), QStringLiteral("notify:")),
            QStringLiteral("the actions, column 1: notify: needs lead, assignee or an "
                           "agent's address"));
        const QString tag = QStringLiteral("notify-%1").arg(newId().left(8));
        // seller@ is of Sales only: the rule names them, but they do not see Support's ticket.
        const QString id =
            addRule(QStringLiteral("Escalated"), QStringLiteral("note"), u"tag:" + tag,
                    QStringLiteral("notify:lead notify:assignee "
                                   "notify:seller@x.example"));
        const QString t = ticketTagged(tag);
        QCOMPARE(outcome(Who::Agent, setFields(t, {{QStringLiteral("assignee_id"), m_senior}})),
                 QStringLiteral("applied"));
        const qint64 before = revision();
        QCOMPARE(outcome(Who::Agent, message(t, QStringLiteral("note"))),
                 QStringLiteral("applied"));
        const QByteArray senior = login(m_server, "senior@x.example", kPassword);
        const QByteArray seller = login(m_server, "seller@x.example", kPassword);
        QVERIFY(!senior.isEmpty() && !seller.isEmpty());
        const auto notices = [&](const QByteArray &token) {
            QList<QJsonObject> found;
            const std::optional<HttpReply> reply = m_server.fetch(
                apiRequest("GET", "/api/v1/changes?since=" + QByteArray::number(before), token));
            for (const QJsonValue &v : reply->json().value(u"changes").toArray()) {
                if (v.toObject().value(u"type").toString() == u"notification")
                    found.append(v.toObject().value(u"data").toObject());
            }
            return found;
        };
        for (const QByteArray &token : {m_tokens.value(Who::Lead), senior}) {
            const QList<QJsonObject> got = notices(token);
            QCOMPARE(got.size(), 1);
            QCOMPARE(got.first().value(u"ticket_id").toString(), t);
            QCOMPARE(got.first().value(u"rule").toString(), QStringLiteral("Escalated"));
            QVERIFY(QDateTime::fromString(got.first().value(u"created_at").toString(),
                                          Qt::ISODateWithMs)
                        .isValid());
        }
        for (const QByteArray &token : {m_tokens.value(Who::Agent), m_tokens.value(Who::Admin),
                                        m_tokens.value(Who::OtherLead), seller})
            QVERIFY(notices(token).isEmpty());
        QStringList notified;
        for (const QJsonValue &v : read(t).value(u"history").toArray()) {
            if (v.toObject().value(u"field").toString() == u"notified") {
                QCOMPARE(v.toObject().value(u"rule").toString(), QStringLiteral("Escalated"));
                notified.append(v.toObject().value(u"new").toString());
            }
        }
        QCOMPARE(notified.size(), 2); // the lead, the assignee; nobody for seller@
        QCOMPARE(notified.at(1), m_senior);
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    void orderStopAndDisabled()
    {
        const QString tag = QStringLiteral("order-%1").arg(newId().left(8));
        const QString when = QStringLiteral("note");
        const QString condition = u"tag:" + tag;
        const QString second =
            addRule(QStringLiteral("Second"), when, condition,
                    QStringLiteral("priority=high +second"), {{QStringLiteral("position"), 2}});
        const QString first =
            addRule(QStringLiteral("First"), when, condition, QStringLiteral("priority=low +first"),
                    {{QStringLiteral("position"), 1}});
        const QString off = addRule(QStringLiteral("Off"), when, condition, QStringLiteral("+off"),
                                    {{QStringLiteral("enabled"), false}});
        const QString t = ticketTagged(tag);
        QCOMPARE(outcome(Who::Agent, message(t, when)), QStringLiteral("applied"));
        QCOMPARE(ticket(t).value(u"priority").toString(), QStringLiteral("high")); // last wins
        QVERIFY(tags(t).contains(u"first") && tags(t).contains(u"second"));
        QVERIFY(!tags(t).contains(u"off"));
        // "Stop" on the first: the second does not run for the same event.
        QCOMPARE(outcome(Who::Admin,
                         rule(first, QStringLiteral("First"), when, condition,
                              QStringLiteral("priority=low +first"), m_support,
                              {{QStringLiteral("position"), 1}, {QStringLiteral("stop"), true}})),
                 QStringLiteral("applied"));
        const QString u = ticketTagged(tag);
        QCOMPARE(outcome(Who::Agent, message(u, when)), QStringLiteral("applied"));
        QCOMPARE(ticket(u).value(u"priority").toString(), QStringLiteral("low"));
        QVERIFY(!tags(u).contains(u"second"));
        // A rule of another department does not run on Support's tickets.
        QCOMPARE(outcome(Who::Admin, rule(off, QStringLiteral("Off"), when, condition,
                                          QStringLiteral("+off"), m_sales)),
                 QStringLiteral("applied"));
        const QString v = ticketTagged(tag);
        QCOMPARE(outcome(Who::Agent, message(v, when)), QStringLiteral("applied"));
        QVERIFY(!tags(v).contains(u"off"));
        for (const QString &id : {first, second, off})
            QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    // A rule whose action cannot be done (the assignee is not in the department) undoes what it
    // did before that action; the op itself is applied, and the log says why.
    void aRuleThatCannotActUndoesItself()
    {
        const QString tag = QStringLiteral("fail-%1").arg(newId().left(8));
        const QString id =
            addRule(QStringLiteral("Hand to sales"), QStringLiteral("note"), u"tag:" + tag,
                    QStringLiteral("+handed note:\"Handed\" assignee=seller"));
        const QString t = ticketTagged(tag);
        const qsizetype messagesBefore = read(t).value(u"messages").toArray().size();
        QCOMPARE(outcome(Who::Agent, message(t, QStringLiteral("note"))),
                 QStringLiteral("applied"));
        QVERIFY(!tags(t).contains(u"handed"));
        QCOMPARE(read(t).value(u"messages").toArray().size(), messagesBefore + 1);
        QVERIFY(ticket(t).value(u"assignee_id").isNull());
        QVERIFY(m_server.waitForLog("\"event\":\"rule_failed\""));
        QVERIFY(m_server.log().contains("the assignee is not in the ticket's department"));
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    // Two rules that undo each other's tag: each runs on the other's change, never on its own,
    // until the chain reaches its limit; the op is applied and the log names the rules.
    void aLoopStopsAtTheLimit()
    {
        const QString tag = QStringLiteral("loop-%1").arg(newId().left(8));
        const QString condition = u"tag:" + tag;
        const QString ping = addRule(QStringLiteral("Ping"), QStringLiteral("changed:tags"),
                                     condition + u" tag:ping", QStringLiteral("-ping +pong"));
        const QString pong = addRule(QStringLiteral("Pong"), QStringLiteral("changed:tags"),
                                     condition + u" tag:pong", QStringLiteral("-pong +ping"));
        const QString t = ticketTagged(tag);
        QCOMPARE(outcome(Who::Agent,
                         onTicket(QStringLiteral("add_tags"), t,
                                  {{QStringLiteral("tags"), QJsonArray{QStringLiteral("ping")}}})),
                 QStringLiteral("applied"));
        QVERIFY(m_server.waitForLog("\"event\":\"rule_chain_limit\""));
        QVERIFY(m_server.log().contains("\"rules\":\"Ping, Pong\""));
        // Eight rounds of both (each sees the other's change of the round before, and Pong
        // sees Ping's in the same round), each acting with two tag changes: 32, and no more.
        int byRules = 0;
        for (const QJsonValue &v : read(t).value(u"history").toArray())
            byRules += !v.toObject().value(u"rule").toString().isEmpty();
        QCOMPARE(byRules, 32);
        for (const QString &id : {ping, pong})
            QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    // pultd's scheduler fires a time rule at its moment by itself: solved for 2 s, closed. The
    // clock moves by hand in server_timetriggers; here it is the real one.
    void timersFireOnTheirOwn()
    {
        const QString tag = QStringLiteral("timer-%1").arg(newId().left(8));
        const QString id = addRule(QStringLiteral("Close"), QStringLiteral("solved:2s"),
                                   u"tag:" + tag, QStringLiteral("close"));
        const QString t = ticketTagged(tag);
        QElapsedTimer sinceSolved;
        QCOMPARE(outcome(Who::Agent,
                         setFields(t, {{QStringLiteral("status"), QStringLiteral("solved")}})),
                 QStringLiteral("applied"));
        sinceSolved.start();
        QTRY_COMPARE_WITH_TIMEOUT(ticket(t).value(u"status").toString(), QStringLiteral("closed"),
                                  10'000);
        QVERIFY2(sinceSolved.elapsed() >= 1900, "closed before its time");
        QStringList byRule;
        for (const QJsonValue &v : read(t).value(u"history").toArray()) {
            if (v.toObject().value(u"rule").toString() == u"Close")
                byRule.append(v.toObject().value(u"new").toString());
        }
        QCOMPARE(byRule, QStringList{QStringLiteral("closed")});
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }

    void aDryRunChangesNothing()
    {
        const QString tag = QStringLiteral("dry-%1").arg(newId().left(8));
        const QString id = addRule(QStringLiteral("Dry"), QStringLiteral("created"),
                                   u"tag:" + tag + u" priority:normal",
                                   QStringLiteral("priority=urgent note:\"Looked at\""));
        // Made before the rule matches: the rule did not run on it.
        const QString t = newId();
        QCOMPARE(outcome(Who::Agent, createTicket(t, {})), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Agent, onTicket(QStringLiteral("add_tags"), t,
                                              {{QStringLiteral("tags"), QJsonArray{tag}}})),
                 QStringLiteral("applied"));
        const qint64 before = revision();
        const QByteArray path = "/api/v1/rules/" + id.toLatin1() + "/test?ticket=" + t.toLatin1();
        const std::optional<HttpReply> reply = fetch("GET", path, Who::Lead);
        QCOMPARE(statusOf(reply), 200);
        const QJsonObject answer = reply->json();
        QVERIFY(answer.value(u"matches").toBool());
        const QJsonArray changes = answer.value(u"changes").toArray();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).toObject().value(u"field").toString(), QStringLiteral("priority"));
        QCOMPARE(changes.at(0).toObject().value(u"new").toString(), QStringLiteral("urgent"));
        QCOMPARE(changes.at(1).toObject().value(u"new").toString(), QStringLiteral("Looked at"));
        QCOMPARE(revision(), before);
        QCOMPARE(ticket(t).value(u"priority").toString(), QStringLiteral("normal"));
        // A ticket that does not match; someone who sees neither; junk.
        const QString other = ticketTagged(QStringLiteral("other"));
        QVERIFY(!fetch("GET", "/api/v1/rules/" + id.toLatin1() + "/test?ticket=" + other.toLatin1(),
                       Who::Lead)
                     ->json()
                     .value(u"matches")
                     .toBool());
        QCOMPARE(statusOf(fetch("GET", path, Who::OtherLead)), 404);
        QCOMPARE(statusOf(fetch("GET", "/api/v1/rules/" + id.toLatin1() + "/test?ticket=junk",
                                Who::Lead)),
                 400);
        QCOMPARE(outcome(Who::Admin, removal(id)), QStringLiteral("applied"));
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
