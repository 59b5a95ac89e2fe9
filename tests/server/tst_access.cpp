// Who may read and change what, through the real pultd: every endpoint and op kind, for an
// agent, a lead and an admin, on their own department and on another. A refused write changes
// nothing (no revision), and a refused read does not reveal whether the thing exists.

#include "pultdprocess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUuid>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";

enum class Who { Agent, Lead, Admin, OtherLead };

} // namespace

class TestAccess : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QMap<Who, QByteArray> m_tokens;
    QString m_billing;
    QString m_sales;
    QString m_billingTicket;
    QString m_salesTicket;
    QString m_requester; // of the Billing ticket

    QByteArray token(Who who) const { return m_tokens.value(who); }

    std::optional<HttpReply> fetch(const QByteArray &method, const QByteArray &target, Who who,
                                   const QByteArray &body = {})
    {
        return m_server.fetch(apiRequest(method, target, token(who), body));
    }

    qint64 revision()
    {
        const std::optional<HttpReply> reply =
            fetch("POST", "/api/v1/ops", Who::Admin, R"({"ops": []})");
        return reply->json().value(QLatin1String("revision")).toInteger();
    }

    // Applies one op; the result object. A rejected op must leave the revision as it was.
    QJsonObject op(Who who, QJsonObject o)
    {
        o.insert(QStringLiteral("id"), newId());
        const qint64 before = revision();
        const std::optional<HttpReply> reply =
            fetch("POST", "/api/v1/ops", who,
                  QJsonDocument(QJsonObject{{QStringLiteral("ops"), QJsonArray{o}}})
                      .toJson(QJsonDocument::Compact));
        if (statusOf(reply) != 200)
            return {};
        const QJsonObject result =
            reply->json().value(QLatin1String("results")).toArray().first().toObject();
        if (result.value(QLatin1String("status")).toString() != u"applied" && revision() != before)
            return {{QStringLiteral("status"), QStringLiteral("changed despite rejection")}};
        return result;
    }

    // "applied", or the rejection's code.
    QString outcome(Who who, const QJsonObject &o)
    {
        const QJsonObject result = op(who, o);
        const QString status = result.value(QLatin1String("status")).toString();
        if (status != u"rejected")
            return status;
        return result.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }

    QJsonObject createTicket(const QString &department, const QString &id = newId())
    {
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("create_ticket")},
            {QStringLiteral("ticket"),
             QJsonObject{{QStringLiteral("id"), id},
                         {QStringLiteral("subject"), QStringLiteral("Help")},
                         {QStringLiteral("department_id"), department},
                         {QStringLiteral("requester"),
                          QJsonObject{{QStringLiteral("email"),
                                       QStringLiteral("c%1@example.com").arg(id.left(8))}}}}}};
    }

    static QJsonObject onTicket(const QString &type, const QString &ticket, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("type"), type);
        extra.insert(QStringLiteral("ticket_id"), ticket);
        return extra;
    }

    QList<QJsonObject> ticketOps(const QString &ticket)
    {
        return {
            onTicket(QStringLiteral("set_fields"), ticket,
                     {{QStringLiteral("fields"),
                       QJsonObject{{QStringLiteral("priority"), QStringLiteral("high")}}}}),
            onTicket(QStringLiteral("add_message"), ticket,
                     {{QStringLiteral("message"),
                       QJsonObject{{QStringLiteral("id"), newId()},
                                   {QStringLiteral("kind"), QStringLiteral("note")},
                                   {QStringLiteral("body"), QStringLiteral("n")}}}}),
            onTicket(QStringLiteral("add_tags"), ticket,
                     {{QStringLiteral("tags"), QJsonArray{newId().left(6)}}}),
            onTicket(QStringLiteral("mark_spam"), ticket, {{QStringLiteral("spam"), true}}),
            onTicket(QStringLiteral("mark_spam"), ticket, {{QStringLiteral("spam"), false}}),
            onTicket(QStringLiteral("rotate_status_link"), ticket, {}),
        };
    }

    static QJsonObject canned(const QString &scope, const QString &owner,
                              const QString &id = newId())
    {
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("upsert_canned_response")},
            {QStringLiteral("response"),
             QJsonObject{{QStringLiteral("id"), id},
                         {QStringLiteral("title"), QStringLiteral("Hello")},
                         {QStringLiteral("body"), QStringLiteral("Hi {{customer.first_name}}")},
                         {QStringLiteral("scope"), scope},
                         {QStringLiteral("owner_id"), owner}}}};
    }

    static QJsonObject department(const QString &type, QJsonObject fields)
    {
        return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("department"), fields}};
    }

    QStringList listed(Who who, const QByteArray &path, const char *field, const char *key)
    {
        const std::optional<HttpReply> reply = fetch("GET", path, who);
        QStringList values;
        for (const QJsonValue &v : reply->json().value(QLatin1String(field)).toArray())
            values.append(v.toObject().value(QLatin1String(key)).toString());
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto add = [&](const char *email, const char *role, const char *dept) {
            const Run r = addAgent(m_server.dataDir(), QString::fromLatin1(email),
                                   QString::fromLatin1(role), QString::fromLatin1(dept), kPassword);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        };
        add("agent@x.example", "agent", "Billing");
        add("lead@x.example", "lead", "Billing");
        add("admin@x.example", "admin", nullptr);
        add("otherlead@x.example", "lead", "Sales");
        QVERIFY(m_server.start());
        const QList<std::pair<Who, QByteArray>> logins{{Who::Agent, "agent@x.example"},
                                                       {Who::Lead, "lead@x.example"},
                                                       {Who::Admin, "admin@x.example"},
                                                       {Who::OtherLead, "otherlead@x.example"}};
        for (const auto &[who, email] : logins) {
            const std::optional<HttpReply> reply = m_server.fetch(
                apiRequest("POST", "/api/v1/login", {},
                           R"({"email":")" + email + R"(","password":")" + kPassword + R"("})"));
            QCOMPARE(statusOf(reply), 200);
            m_tokens.insert(who, reply->json().value(QLatin1String("token")).toString().toLatin1());
        }
        const std::optional<HttpReply> departments =
            fetch("GET", "/api/v1/departments", Who::Admin);
        for (const QJsonValue &v :
             departments->json().value(QLatin1String("departments")).toArray()) {
            const QJsonObject d = v.toObject();
            (d.value(QLatin1String("name")).toString() == u"Billing" ? m_billing : m_sales) =
                d.value(QLatin1String("id")).toString();
        }
        m_billingTicket = newId();
        m_salesTicket = newId();
        QCOMPARE(outcome(Who::Agent, createTicket(m_billing, m_billingTicket)),
                 QStringLiteral("applied"));
        QCOMPARE(outcome(Who::OtherLead, createTicket(m_sales, m_salesTicket)),
                 QStringLiteral("applied"));
        const std::optional<HttpReply> ticket =
            fetch("GET", "/api/v1/tickets/" + m_billingTicket.toLatin1(), Who::Admin);
        m_requester = ticket->json()
                          .value(QLatin1String("ticket"))
                          .toObject()
                          .value(QLatin1String("requester_id"))
                          .toString();
        QVERIFY(!m_requester.isEmpty());
    }

    void ticketWritesFollowDepartments()
    {
        // who, the ticket, the expected outcome of every ticket op
        const QList<std::tuple<Who, QString, QString>> matrix{
            {Who::Agent, m_billingTicket, QStringLiteral("applied")},
            {Who::Agent, m_salesTicket, QStringLiteral("not_found")},
            {Who::Lead, m_billingTicket, QStringLiteral("applied")},
            {Who::Lead, m_salesTicket, QStringLiteral("not_found")},
            {Who::OtherLead, m_billingTicket, QStringLiteral("not_found")},
            {Who::OtherLead, m_salesTicket, QStringLiteral("applied")},
            {Who::Admin, m_billingTicket, QStringLiteral("applied")},
            {Who::Admin, m_salesTicket, QStringLiteral("applied")},
        };
        for (const auto &[who, ticket, expected] : matrix) {
            for (const QJsonObject &o : ticketOps(ticket)) {
                QCOMPARE(outcome(who, o), expected);
            }
        }
        // Creating: in one's own department only; admins anywhere.
        QCOMPARE(outcome(Who::Agent, createTicket(m_sales)), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Lead, createTicket(m_sales)), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Admin, createTicket(m_sales)), QStringLiteral("applied"));
        // Merging and linking need both tickets in reach.
        QCOMPARE(outcome(Who::Agent, onTicket(QStringLiteral("link"), m_billingTicket,
                                              {{QStringLiteral("other_id"), m_salesTicket}})),
                 QStringLiteral("not_found"));
    }

    void readsFollowDepartmentsAndDoNotLeak()
    {
        const QByteArray billing = "/api/v1/tickets/" + m_billingTicket.toLatin1();
        const QByteArray contact = "/api/v1/contacts/" + m_requester.toLatin1();
        const QByteArray missing = "/api/v1/tickets/" + newId().toLatin1();
        for (const auto &[who, visible] : QList<std::pair<Who, bool>>{{Who::Agent, true},
                                                                      {Who::Lead, true},
                                                                      {Who::OtherLead, false},
                                                                      {Who::Admin, true}}) {
            const std::optional<HttpReply> ticket = fetch("GET", billing, who);
            QCOMPARE(statusOf(ticket), visible ? 200 : 404);
            QCOMPARE(statusOf(fetch("GET", contact, who)), visible ? 200 : 404);
            // A ticket of another department reads exactly like one that does not exist.
            if (!visible)
                QCOMPARE(ticket->errorCode(), fetch("GET", missing, who)->errorCode());
        }
        const std::optional<HttpReply> ticket = fetch("GET", billing, Who::Agent);
        QVERIFY(!ticket->json().value(QLatin1String("history")).toArray().isEmpty());
        QVERIFY(!ticket->json().value(QLatin1String("messages")).toArray().isEmpty());
        QCOMPARE(statusOf(fetch("GET", "/api/v1/tickets/not-a-uuid", Who::Admin)), 404);

        QCOMPARE(listed(Who::Agent, "/api/v1/departments", "departments", "name"),
                 QStringList{QStringLiteral("Billing")});
        QCOMPARE(listed(Who::Admin, "/api/v1/departments", "departments", "name"),
                 (QStringList{QStringLiteral("Billing"), QStringLiteral("Sales")}));
        const QStringList agents = listed(Who::Agent, "/api/v1/agents", "agents", "email");
        QCOMPARE(agents, (QStringList{QStringLiteral("agent@x.example"),
                                      QStringLiteral("lead@x.example")}));
        QCOMPARE(listed(Who::Admin, "/api/v1/agents", "agents", "email").size(), 4);
        QVERIFY(!fetch("GET", "/api/v1/agents", Who::Admin)->body.contains("argon2"));

        // The feed: a department's tickets for its members and admins only.
        const auto feedHas = [&](Who who, const QString &ticket) {
            const std::optional<HttpReply> reply = fetch("GET", "/api/v1/changes?limit=5000", who);
            return reply->body.contains(ticket.toLatin1());
        };
        QVERIFY(feedHas(Who::Agent, m_billingTicket));
        QVERIFY(!feedHas(Who::Agent, m_salesTicket));
        QVERIFY(!feedHas(Who::OtherLead, m_billingTicket));
        QVERIFY(feedHas(Who::Admin, m_billingTicket) && feedHas(Who::Admin, m_salesTicket));
    }

    void cannedResponsesByScope()
    {
        const QString agentId =
            fetch("GET", "/api/v1/me", Who::Agent)->json().value(QLatin1String("id")).toString();
        const QList<std::tuple<Who, QString, QString, QString>> matrix{
            {Who::Agent, QStringLiteral("global"), QString(), QStringLiteral("forbidden")},
            {Who::Lead, QStringLiteral("global"), QString(), QStringLiteral("forbidden")},
            {Who::Admin, QStringLiteral("global"), QString(), QStringLiteral("applied")},
            {Who::Agent, QStringLiteral("department"), m_billing, QStringLiteral("forbidden")},
            {Who::Lead, QStringLiteral("department"), m_billing, QStringLiteral("applied")},
            {Who::OtherLead, QStringLiteral("department"), m_billing, QStringLiteral("forbidden")},
            {Who::Admin, QStringLiteral("department"), m_sales, QStringLiteral("applied")},
            {Who::Agent, QStringLiteral("personal"), QString(), QStringLiteral("applied")},
            {Who::OtherLead, QStringLiteral("personal"), QString(), QStringLiteral("applied")},
        };
        for (const auto &[who, scope, owner, expected] : matrix)
            QCOMPARE(outcome(who, canned(scope, owner)), expected);
        // The agent sees the global one, Billing's and their own: 3 of the 5 stored.
        QCOMPARE(listed(Who::Agent, "/api/v1/canned-responses", "canned_responses", "id").size(),
                 3);
        for (const QJsonValue &v : fetch("GET", "/api/v1/canned-responses", Who::Agent)
                                       ->json()
                                       .value(QLatin1String("canned_responses"))
                                       .toArray()) {
            const QJsonObject r = v.toObject();
            if (r.value(QLatin1String("scope")).toString() == u"personal")
                QCOMPARE(r.value(QLatin1String("owner_id")).toString(), agentId);
        }
        // Someone else's personal response cannot be changed or deleted: to anyone else it is
        // not there, as GET /api/v1/canned-responses does not list it.
        const QString mine = newId();
        QCOMPARE(outcome(Who::Agent, canned(QStringLiteral("personal"), QString(), mine)),
                 QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Lead, canned(QStringLiteral("personal"), QString(), mine)),
                 QStringLiteral("not_found"));
        QCOMPARE(outcome(Who::Admin, QJsonObject{{QStringLiteral("type"),
                                                  QStringLiteral("delete_canned_response")},
                                                 {QStringLiteral("response_id"), mine}}),
                 QStringLiteral("not_found"));
        QCOMPARE(outcome(Who::Agent, QJsonObject{{QStringLiteral("type"),
                                                  QStringLiteral("delete_canned_response")},
                                                 {QStringLiteral("response_id"), mine}}),
                 QStringLiteral("applied"));
    }

    void departmentsAreConfiguredByAdminsAndQueuesAndReplyFramesByLeads()
    {
        const QJsonObject hours =
            department(QStringLiteral("update_department"),
                       {{QStringLiteral("id"), m_billing},
                        {QStringLiteral("business_hours"),
                         QStringLiteral("tz=Europe/Ljubljana; mon-fri 08:00-16:00")}});
        const QJsonObject queue =
            department(QStringLiteral("update_department"),
                       {{QStringLiteral("id"), m_billing},
                        {QStringLiteral("queue_order"), QStringLiteral("fifo")}});
        QCOMPARE(outcome(Who::Agent, hours), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Lead, hours), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Admin, hours), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Agent, queue), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::OtherLead, queue), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Lead, queue), QStringLiteral("applied"));
        // The reply header and footer are the lead's to write too, not an agent's.
        const QJsonObject frame =
            department(QStringLiteral("update_department"),
                       {{QStringLiteral("id"), m_billing},
                        {QStringLiteral("reply_header"),
                         QStringLiteral("Pozdravljeni, {{customer.first_name}}!")},
                        {QStringLiteral("reply_footer"), QStringLiteral("Računovodstvo")}});
        QCOMPARE(outcome(Who::Agent, frame), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::OtherLead, frame), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Lead, frame), QStringLiteral("applied"));
        QCOMPARE(
            outcome(Who::Lead, department(QStringLiteral("update_department"),
                                          {{QStringLiteral("id"), m_billing},
                                           {QStringLiteral("reply_footer"), QString(5000, u'x')}})),
            QStringLiteral("invalid_op"));
        // So are the goals the dashboard measures the department against, checked and kept in
        // their canonical text.
        const QJsonObject goals = department(
            QStringLiteral("update_department"),
            {{QStringLiteral("id"), m_billing},
             {QStringLiteral("goals"), QStringLiteral("csat 4.5; resolution 95% within 24h")}});
        QCOMPARE(outcome(Who::Agent, goals), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::OtherLead, goals), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Lead, goals), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Lead, department(QStringLiteral("update_department"),
                                               {{QStringLiteral("id"), m_billing},
                                                {QStringLiteral("goals"),
                                                 QStringLiteral("resolution 95% in a day")}})),
                 QStringLiteral("invalid_op"));
        // Mixed with an admin's field, the whole op stays an admin's.
        QCOMPARE(outcome(Who::Lead, department(QStringLiteral("update_department"),
                                               {{QStringLiteral("id"), m_billing},
                                                {QStringLiteral("reply_footer"), QString()},
                                                {QStringLiteral("name"), QStringLiteral("X")}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Admin, department(QStringLiteral("update_department"),
                                                {{QStringLiteral("id"), m_billing},
                                                 {QStringLiteral("sla_policy"),
                                                  QStringLiteral("urgent: frist 1h")}})),
                 QStringLiteral("invalid_op"));
        const QString support = newId();
        const QJsonObject create = department(
            QStringLiteral("create_department"),
            {{QStringLiteral("id"), support}, {QStringLiteral("name"), QStringLiteral("Support")}});
        QCOMPARE(outcome(Who::Lead, create), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Admin, create), QStringLiteral("applied"));
        QCOMPARE(
            outcome(Who::Admin, department(QStringLiteral("create_department"),
                                           {{QStringLiteral("id"), newId()},
                                            {QStringLiteral("name"), QStringLiteral("support")}})),
            QStringLiteral("duplicate_name"));

        const std::optional<HttpReply> reply = fetch("GET", "/api/v1/departments", Who::Lead);
        const QJsonObject billing =
            reply->json().value(QLatin1String("departments")).toArray().first().toObject();
        QCOMPARE(billing.value(QLatin1String("queue_order")).toString(), QStringLiteral("fifo"));
        QVERIFY(billing.value(QLatin1String("business_hours")).toString().contains(u"08:00"));
        QCOMPARE(billing.value(QLatin1String("reply_header")).toString(),
                 QStringLiteral("Pozdravljeni, {{customer.first_name}}!"));
        QCOMPARE(billing.value(QLatin1String("reply_footer")).toString(),
                 QStringLiteral("Računovodstvo"));
        QCOMPARE(billing.value(QLatin1String("goals")).toString(),
                 QStringLiteral("resolution 95% within 1d; csat 4.5"));
    }

    // A lead shares a filter with their department; an admin with any department or everyone.
    // Agents of the department see it in GET /api/v1/shared-filters and in the feed; others do
    // not even learn it exists.
    void filtersAreSharedByLeadsWithTheirDepartments()
    {
        const auto share = [](const QString &id, const QString &name, const QString &query,
                              const QJsonValue &department) {
            return QJsonObject{{QStringLiteral("type"), QStringLiteral("upsert_shared_filter")},
                               {QStringLiteral("filter"),
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("name"), name},
                                            {QStringLiteral("query"), query},
                                            {QStringLiteral("department_id"), department}}}};
        };
        const auto remove = [](const QString &id) {
            return QJsonObject{{QStringLiteral("type"), QStringLiteral("delete_shared_filter")},
                               {QStringLiteral("filter_id"), id}};
        };
        const qint64 before = revision();
        const QString urgent = newId();
        const QJsonObject billingUrgent =
            share(urgent, QStringLiteral("Urgent billing"),
                  QStringLiteral("priority:urgent status:open"), m_billing);
        QCOMPARE(outcome(Who::Agent, billingUrgent), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::OtherLead, billingUrgent), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Lead, billingUrgent), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Lead, share(newId(), QStringLiteral("All"), QString(), QJsonValue())),
                 QStringLiteral("forbidden")); // everyone: admins only
        const QString everyone = newId();
        QCOMPARE(outcome(Who::Admin, share(everyone, QStringLiteral("Spam review"),
                                           QStringLiteral("is:spam"), QJsonValue())),
                 QStringLiteral("applied"));
        // Bad input: a query the filter language refuses, no name, an unknown field or
        // department; the Sales lead cannot touch (or see) Billing's filter.
        QCOMPARE(outcome(Who::Lead, share(newId(), QStringLiteral("Bad"),
                                          QStringLiteral("prio:high"), m_billing)),
                 QStringLiteral("invalid_op"));
        QCOMPARE(outcome(Who::Lead, share(newId(), QStringLiteral(" "), QString(), m_billing)),
                 QStringLiteral("invalid_op"));
        QJsonObject unknownField = share(newId(), QStringLiteral("X"), QString(), m_billing);
        QJsonObject inner = unknownField.value(QLatin1String("filter")).toObject();
        inner.insert(QStringLiteral("colour"), QStringLiteral("red"));
        unknownField.insert(QStringLiteral("filter"), inner);
        QCOMPARE(outcome(Who::Lead, unknownField), QStringLiteral("invalid_op"));
        QCOMPARE(outcome(Who::Admin, share(newId(), QStringLiteral("X"), QString(), newId())),
                 QStringLiteral("not_found"));
        QCOMPARE(outcome(Who::OtherLead, remove(urgent)), QStringLiteral("not_found"));
        QCOMPARE(outcome(Who::Agent, remove(urgent)), QStringLiteral("forbidden"));

        QCOMPARE(listed(Who::Agent, "/api/v1/shared-filters", "shared_filters", "name"),
                 (QStringList{QStringLiteral("Urgent billing"), QStringLiteral("Spam review")}));
        QCOMPARE(listed(Who::OtherLead, "/api/v1/shared-filters", "shared_filters", "name"),
                 QStringList{QStringLiteral("Spam review")});
        const auto feed = [&](Who who) {
            const std::optional<HttpReply> reply =
                fetch("GET", "/api/v1/changes?since=" + QByteArray::number(before), who);
            QStringList names;
            for (const QJsonValue &v : reply->json().value(QLatin1String("changes")).toArray()) {
                const QJsonObject change = v.toObject();
                if (change.value(QLatin1String("type")).toString() != u"shared_filter")
                    continue;
                const QJsonObject data = change.value(QLatin1String("data")).toObject();
                names.append(data.value(QLatin1String("name")).toString() +
                             (data.value(QLatin1String("deleted")).toBool()
                                  ? QStringLiteral(" deleted")
                                  : QString()));
            }
            return names;
        };
        QCOMPARE(feed(Who::Agent),
                 (QStringList{QStringLiteral("Urgent billing"), QStringLiteral("Spam review")}));
        QCOMPARE(feed(Who::OtherLead), QStringList{QStringLiteral("Spam review")});

        // Moving it to Sales takes it out of Billing's sight; deleting it tells Sales.
        QCOMPARE(outcome(Who::Admin, share(urgent, QStringLiteral("Urgent sales"),
                                           QStringLiteral("priority:urgent"), m_sales)),
                 QStringLiteral("applied"));
        QCOMPARE(outcome(Who::OtherLead, remove(urgent)), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::OtherLead, remove(urgent)), QStringLiteral("not_found"));
        QCOMPARE(feed(Who::Agent),
                 (QStringList{QStringLiteral("Urgent billing"), QStringLiteral("Spam review"),
                              QStringLiteral("Urgent billing deleted")}));
        QCOMPARE(feed(Who::OtherLead),
                 (QStringList{QStringLiteral("Spam review"), QStringLiteral("Urgent sales"),
                              QStringLiteral("Urgent sales deleted")}));
        QCOMPARE(listed(Who::Agent, "/api/v1/shared-filters", "shared_filters", "name"),
                 QStringList{QStringLiteral("Spam review")});
        QCOMPARE(outcome(Who::Admin, remove(everyone)), QStringLiteral("applied"));
    }

    void attachmentsAreReadByHashWithinReach()
    {
        const QByteArray content("line 1: NullPointerException\n\x00\xff binary too", 40);
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const auto message = [&](const QJsonObject &attachment) {
            return onTicket(
                QStringLiteral("add_message"), m_billingTicket,
                {{QStringLiteral("message"),
                  QJsonObject{{QStringLiteral("id"), newId()},
                              {QStringLiteral("kind"), QStringLiteral("reply")},
                              {QStringLiteral("body"), QStringLiteral("The log, attached.")},
                              {QStringLiteral("attachments"), QJsonArray{attachment}}}}});
        };
        const QJsonObject reference{{QStringLiteral("hash"), hash},
                                    {QStringLiteral("name"), QStringLiteral("error.log")},
                                    {QStringLiteral("type"), QStringLiteral("text/plain")},
                                    {QStringLiteral("size"), qint64(content.size())}};
        // Not uploaded yet: refused. Uploaded first, then referenced (twice: stored once).
        QCOMPARE(outcome(Who::Agent, message(reference)), QStringLiteral("attachment_missing"));
        const std::optional<HttpReply> uploaded =
            fetch("PUT",
                  "/api/v1/uploads/" + hash.toLatin1() +
                      "?offset=0&size=" + QByteArray::number(content.size()),
                  Who::Agent, content);
        QCOMPARE(statusOf(uploaded), 200);
        QCOMPARE(uploaded->json().value(QLatin1String("complete")).toBool(), true);
        QCOMPARE(outcome(Who::Agent, message(reference)), QStringLiteral("applied"));
        QCOMPARE(outcome(Who::Agent, message(reference)), QStringLiteral("applied")); // visible
        QJsonObject inline_ = reference;
        inline_.insert(QStringLiteral("content"), QString::fromLatin1(content.toBase64()));
        QCOMPARE(outcome(Who::Agent, message(inline_)), QStringLiteral("invalid"));

        const QByteArray path = "/api/v1/attachments/" + hash.toLatin1();
        const std::optional<HttpReply> reply = fetch("GET", path, Who::Lead);
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->body, content);
        QCOMPARE(reply->header("content-type"), QByteArray("text/plain"));
        QCOMPARE(statusOf(fetch("GET", path, Who::OtherLead)), 404);
        QCOMPARE(statusOf(fetch("GET", path, Who::Admin)), 200);
        QCOMPARE(statusOf(fetch("GET", "/api/v1/attachments/" + QByteArray(64, 'a'), Who::Admin)),
                 404);
        // The message lists it by hash, name, type and size.
        const QJsonArray messages =
            fetch("GET", "/api/v1/tickets/" + m_billingTicket.toLatin1(), Who::Agent)
                ->json()
                .value(QLatin1String("messages"))
                .toArray();
        const QJsonObject attached = messages.last()
                                         .toObject()
                                         .value(QLatin1String("attachments"))
                                         .toArray()
                                         .first()
                                         .toObject();
        QCOMPARE(attached.value(QLatin1String("hash")).toString(), hash);
        QCOMPARE(attached.value(QLatin1String("size")).toInteger(), qint64(content.size()));
    }

    void everyEndpointNeedsAToken()
    {
        const QList<std::pair<QByteArray, QByteArray>> endpoints{
            {"GET", "/api/v1/me"},
            {"GET", "/api/v1/departments"},
            {"GET", "/api/v1/agents"},
            {"GET", "/api/v1/canned-responses"},
            {"GET", "/api/v1/changes"},
            {"GET", "/api/v1/tickets/" + m_billingTicket.toLatin1()},
            {"GET", "/api/v1/contacts/" + m_requester.toLatin1()},
            {"POST", "/api/v1/ops"},
            {"GET", "/api/v1/attachments/" + QByteArray(64, 'a')},
            {"GET", "/api/v1/limits"},
            {"GET", "/api/v1/uploads/" + QByteArray(64, 'a')},
            {"PUT", "/api/v1/uploads/" + QByteArray(64, 'a') + "?offset=0&size=2"},
        };
        for (const auto &[method, path] : endpoints) {
            const std::optional<HttpReply> reply =
                m_server.fetch(apiRequest(method, path, {}, "{}"));
            QCOMPARE(statusOf(reply), 401);
            QCOMPARE(reply->errorCode(), QStringLiteral("unauthenticated"));
        }
    }

    // Last: it changes who the agent is.
    void agentsAreManagedByAdmins()
    {
        const QString agentId =
            fetch("GET", "/api/v1/me", Who::Agent)->json().value(QLatin1String("id")).toString();
        const auto update = [&](QJsonObject fields) {
            fields.insert(QStringLiteral("id"), agentId);
            return QJsonObject{{QStringLiteral("type"), QStringLiteral("update_agent")},
                               {QStringLiteral("agent"), fields}};
        };
        const QJsonObject promote = update({{QStringLiteral("role"), QStringLiteral("lead")}});
        QCOMPARE(outcome(Who::Agent, promote), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Lead, promote), QStringLiteral("forbidden"));
        QCOMPARE(outcome(Who::Admin, update({{QStringLiteral("role"), QStringLiteral("boss")}})),
                 QStringLiteral("invalid_op"));
        QCOMPARE(outcome(Who::Admin,
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("update_agent")},
                                     {QStringLiteral("agent"),
                                      QJsonObject{{QStringLiteral("id"), newId()}}}}),
                 QStringLiteral("not_found"));
        QCOMPARE(outcome(Who::Admin, promote), QStringLiteral("applied"));
        QCOMPARE(
            fetch("GET", "/api/v1/me", Who::Agent)->json().value(QLatin1String("role")).toString(),
            QStringLiteral("lead"));
        // Moved to Sales: the Billing ticket is out of reach at once, with the same token.
        const QJsonObject move = update({{QStringLiteral("departments"),
                                          QJsonArray{QJsonObject{{QStringLiteral("id"), m_sales},
                                                                 {QStringLiteral("tier"), 2}}}}});
        QCOMPARE(outcome(Who::Admin, move), QStringLiteral("applied"));
        QCOMPARE(listed(Who::Agent, "/api/v1/departments", "departments", "name"),
                 QStringList{QStringLiteral("Sales")});
        QCOMPARE(
            statusOf(fetch("GET", "/api/v1/tickets/" + m_billingTicket.toLatin1(), Who::Agent)),
            404);
        QCOMPARE(statusOf(fetch("GET", "/api/v1/tickets/" + m_salesTicket.toLatin1(), Who::Agent)),
                 200);
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
