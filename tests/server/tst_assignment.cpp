// Assignment through the real pultd (docs/automation.md "Assignment"), on SQLite and
// (server_assignment_postgresql) PostgreSQL: round-robin over 1,000 tickets among 5 available
// agents gives each 200; away, offline and deactivated agents get none; the ticket's tier is
// respected; least-loaded weighs open tickets by priority with ties to the most senior; the cap; a
// rule's `assignee=round-robin`; and, on PostgreSQL, two pultd on one database taking turns
// together.

#include "pultdprocess.h"

#include <QJsonArray>
#include <QUuid>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";

} // namespace

class TestAssignment : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QByteArray m_admin;
    QString m_desk;
    QStringList m_agents; // the five available agents of Desk, most senior first
    QString m_away;
    QString m_offline;
    QMap<QString, QByteArray> m_tokens; // by agent id

    std::optional<HttpReply> post(Pultd &server, const QByteArray &token, const QJsonArray &ops)
    {
        return server.fetch(apiRequest("POST", "/api/v1/ops", token,
                                       QJsonDocument(QJsonObject{{QStringLiteral("ops"), ops}})
                                           .toJson(QJsonDocument::Compact)));
    }

    // Applies the ops as the admin; whether all were applied.
    bool apply(const QJsonArray &ops, Pultd *server = nullptr, const QByteArray &token = {})
    {
        const std::optional<HttpReply> reply =
            post(server ? *server : m_server, token.isEmpty() ? m_admin : token, ops);
        if (statusOf(reply) != 200)
            return false;
        for (const QJsonValue &r : reply->json().value(u"results").toArray()) {
            if (r.toObject().value(u"status").toString() != u"applied") {
                qWarning().noquote() << QJsonDocument(r.toObject()).toJson();
                return false;
            }
        }
        return true;
    }

    static QJsonObject withId(QJsonObject op)
    {
        op.insert(QStringLiteral("id"), newId());
        return op;
    }

    bool configure(const QJsonObject &fields)
    {
        QJsonObject department = fields;
        department.insert(QStringLiteral("id"), m_desk);
        return apply({withId({{QStringLiteral("type"), QStringLiteral("update_department")},
                              {QStringLiteral("department"), department}})});
    }

    QJsonObject createTicket(const QString &id, int tier = 1,
                             const QString &priority = QStringLiteral("normal"),
                             const QStringList &tags = {})
    {
        return withId({{QStringLiteral("type"), QStringLiteral("create_ticket")},
                       {QStringLiteral("ticket"),
                        QJsonObject{{QStringLiteral("id"), id},
                                    {QStringLiteral("subject"), QStringLiteral("Help")},
                                    {QStringLiteral("department_id"), m_desk},
                                    {QStringLiteral("tier"), tier},
                                    {QStringLiteral("priority"), priority},
                                    {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}}}});
    }

    // Creates n tickets in batches of 100; their ids.
    QStringList createTickets(int n, int tier = 1, Pultd *second = nullptr)
    {
        QStringList ids;
        for (int done = 0; done < n;) {
            QJsonArray batch;
            for (int i = 0; i < 100 && done < n; ++i, ++done) {
                ids.append(newId());
                batch.append(createTicket(ids.last(), tier));
            }
            // With a second pultd: every other batch through it.
            const bool viaSecond = second && (done / 100) % 2 == 0;
            if (!apply(batch, viaSecond ? second : nullptr))
                return {};
        }
        return ids;
    }

    QString assignee(const QString &ticket)
    {
        return m_server.fetch(apiRequest("GET", "/api/v1/tickets/" + ticket.toLatin1(), m_admin))
            ->json()
            .value(u"ticket")
            .toObject()
            .value(u"assignee_id")
            .toString();
    }

    // Each ticket's assignee as the feed last has it (one request per 5,000 changes, where
    // asking for each ticket would be one per ticket).
    QMap<QString, int> countAssignees(const QStringList &tickets)
    {
        QHash<QString, QString> last;
        for (qint64 since = 0;;) {
            const QJsonObject page =
                m_server
                    .fetch(apiRequest(
                        "GET", "/api/v1/changes?limit=5000&since=" + QByteArray::number(since),
                        m_admin))
                    ->json();
            for (const QJsonValue &v : page.value(u"changes").toArray()) {
                const QJsonObject change = v.toObject();
                if (change.value(u"type").toString() != u"ticket")
                    continue;
                const QJsonObject t = change.value(u"data").toObject();
                last.insert(t.value(u"id").toString(), t.value(u"assignee_id").toString());
            }
            since = page.value(u"next").toInteger();
            if (!page.value(u"more").toBool())
                break;
        }
        QMap<QString, int> counts;
        for (const QString &t : tickets)
            ++counts[last.value(t)];
        return counts;
    }

    bool setAway(const QString &agent, bool away, const QJsonValue &until = QJsonValue())
    {
        QJsonObject op{{QStringLiteral("type"), QStringLiteral("set_availability")},
                       {QStringLiteral("away"), away}};
        if (!until.isNull())
            op.insert(QStringLiteral("until"), until);
        return apply({withId(op)}, nullptr, m_tokens.value(agent));
    }

    // Marks every ticket given to agents as solved, so that the next case starts from no load.
    bool solveAll(const QStringList &tickets)
    {
        QJsonArray batch;
        for (const QString &t : tickets) {
            batch.append(
                withId({{QStringLiteral("type"), QStringLiteral("set_fields")},
                        {QStringLiteral("ticket_id"), t},
                        {QStringLiteral("fields"),
                         QJsonObject{{QStringLiteral("status"), QStringLiteral("solved")}}}}));
            if (batch.size() == 100) {
                if (!apply(batch))
                    return false;
                batch = {};
            }
        }
        return batch.isEmpty() || apply(batch);
    }

private Q_SLOTS:
    // Agents are online while they make requests (every 2 minutes at least): each case starts
    // with a request of each, as their clients' syncs would make.
    void init()
    {
        for (const QByteArray &token : std::as_const(m_tokens))
            QCOMPARE(statusOf(m_server.fetch(apiRequest("GET", "/api/v1/me", token))), 200);
    }

    void initTestCase()
    {
        // Added in this order: the order of seniority. Tiers: 1, 2, 1, 2, 1.
        const QList<std::pair<QString, QString>> people{
            {QStringLiteral("a1@x.example"), QStringLiteral("Desk")},
            {QStringLiteral("a2@x.example"), QStringLiteral("Desk:2")},
            {QStringLiteral("away@x.example"), QStringLiteral("Desk")},
            {QStringLiteral("a3@x.example"), QStringLiteral("Desk")},
            {QStringLiteral("a4@x.example"), QStringLiteral("Desk:2")},
            {QStringLiteral("offline@x.example"), QStringLiteral("Desk:3")},
            {QStringLiteral("a5@x.example"), QStringLiteral("Desk")},
        };
        for (const auto &[email, dept] : people) {
            const Run r =
                addAgent(m_server.dataDir(), email, QStringLiteral("agent"), dept, kPassword);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const Run admin = addAgent(m_server.dataDir(), QStringLiteral("admin@x.example"),
                                   QStringLiteral("admin"), QString(), kPassword);
        QVERIFY2(admin.exitCode == 0, admin.err.constData());
        QVERIFY(m_server.start());
        m_admin = login(m_server, "admin@x.example", kPassword);
        QVERIFY(!m_admin.isEmpty());
        for (const QJsonValue &v :
             m_server.fetch(apiRequest("GET", "/api/v1/departments", m_admin))
                 ->json()
                 .value(u"departments")
                 .toArray())
            m_desk = v.toObject().value(u"id").toString();
        QMap<QString, QString> ids;
        for (const QJsonValue &v : m_server.fetch(apiRequest("GET", "/api/v1/agents", m_admin))
                                       ->json()
                                       .value(u"agents")
                                       .toArray())
            ids.insert(v.toObject().value(u"email").toString(),
                       v.toObject().value(u"id").toString());
        for (const auto &[email, dept] : people) {
            if (email == u"offline@x.example") { // never signs in
                m_offline = ids.value(email);
                continue;
            }
            const QByteArray token = login(m_server, email.toLatin1(), kPassword);
            QVERIFY(!token.isEmpty());
            m_tokens.insert(ids.value(email), token);
            if (email == u"away@x.example")
                m_away = ids.value(email);
            else
                m_agents.append(ids.value(email));
        }
        QCOMPARE(m_agents.size(), 5);
        QVERIFY(setAway(m_away, true));
    }

    void departmentSettingsAreChecked()
    {
        QVERIFY(!configure({{QStringLiteral("assignment"), QStringLiteral("lottery")}}));
        QVERIFY(!configure({{QStringLiteral("assignment_cap"), QStringLiteral("-1")}}));
        QVERIFY(configure({{QStringLiteral("assignment"), QStringLiteral("manual")}}));
        // Manual: a new ticket stays unassigned.
        const QString t = newId();
        QVERIFY(apply({createTicket(t)}));
        QVERIFY(assignee(t).isEmpty());
    }

    void roundRobinIsFair()
    {
        QVERIFY(configure({{QStringLiteral("assignment"), QStringLiteral("round-robin")}}));
        const QStringList tickets = createTickets(1000);
        QCOMPARE(tickets.size(), 1000);
        const QMap<QString, int> counts = countAssignees(tickets);
        for (const QString &agent : std::as_const(m_agents))
            QVERIFY2(qAbs(counts.value(agent) - 200) <= 1,
                     qPrintable(QStringLiteral("%1 got %2").arg(agent).arg(counts.value(agent))));
        QCOMPARE(counts.value(m_away), 0);
        QCOMPARE(counts.value(m_offline), 0);
        QCOMPARE(counts.value(QString()), 0);
        // The history says pultd assigned it, not the agent who created the ticket.
        const QJsonArray history =
            m_server
                .fetch(apiRequest("GET", "/api/v1/tickets/" + tickets.first().toLatin1(), m_admin))
                ->json()
                .value(u"history")
                .toArray();
        bool assigned = false;
        for (const QJsonValue &v : history) {
            const QJsonObject e = v.toObject();
            if (e.value(u"field").toString() == u"assignee_id") {
                assigned = true;
                QVERIFY(e.value(u"actor_id").isNull());
            }
        }
        QVERIFY(assigned);
        QVERIFY(solveAll(tickets));
    }

    void tierIsRespected()
    {
        const QStringList tickets = createTickets(20, 2);
        const QMap<QString, int> counts = countAssignees(tickets);
        QCOMPARE(counts.value(m_agents.at(1)) + counts.value(m_agents.at(3)), 20);
        QVERIFY(qAbs(counts.value(m_agents.at(1)) - 10) <= 1);
        // Tier 3: only the offline agent has it, so nobody gets the ticket.
        const QStringList high = createTickets(1, 3);
        QVERIFY(assignee(high.first()).isEmpty());
        QVERIFY(solveAll(tickets + high));
    }

    void awayUntilAndBack()
    {
        // Away until a time that has passed: available again.
        QVERIFY(setAway(m_away, true, QStringLiteral("2020-01-01T00:00:00Z")));
        QStringList tickets = createTickets(12);
        QCOMPARE(countAssignees(tickets).value(m_away), 2);
        // Away until the future, then back.
        QVERIFY(setAway(m_away, true, QStringLiteral("2999-01-01T00:00:00Z")));
        QStringList more = createTickets(12);
        QCOMPARE(countAssignees(more).value(m_away), 0);
        QVERIFY(setAway(m_away, false));
        const QStringList back = createTickets(12);
        QCOMPARE(countAssignees(back).value(m_away), 2);
        QVERIFY(setAway(m_away, true));
        // Someone else's availability is the admins' to say.
        QJsonObject other{{QStringLiteral("type"), QStringLiteral("set_availability")},
                          {QStringLiteral("away"), false},
                          {QStringLiteral("agent_id"), m_away}};
        QVERIFY(!apply({withId(other)}, nullptr, m_tokens.value(m_agents.first())));
        QVERIFY(solveAll(tickets + more + back));
    }

    // A deactivated agent gets nothing, though a moment ago they were online and not away, and
    // their token is refused at once.
    void deactivatedAgentsGetNone()
    {
        QVERIFY(setAway(m_away, false));
        const auto activate = [&](bool active) {
            return apply({withId(
                {{QStringLiteral("type"), QStringLiteral("update_agent")},
                 {QStringLiteral("agent"), QJsonObject{{QStringLiteral("id"), m_away},
                                                       {QStringLiteral("active"), active}}}})});
        };
        QVERIFY(activate(false));
        const QStringList tickets = createTickets(12);
        QCOMPARE(countAssignees(tickets).value(m_away), 0);
        QCOMPARE(statusOf(m_server.fetch(apiRequest("GET", "/api/v1/me", m_tokens.value(m_away)))),
                 401);
        // Nor by hand.
        QVERIFY(!apply({withId(
            {{QStringLiteral("type"), QStringLiteral("set_fields")},
             {QStringLiteral("ticket_id"), tickets.first()},
             {QStringLiteral("fields"), QJsonObject{{QStringLiteral("assignee_id"), m_away}}}})}));
        QVERIFY(activate(true));
        const QByteArray token = login(m_server, "away@x.example", kPassword);
        QVERIFY(!token.isEmpty());
        m_tokens.insert(m_away, token);
        QVERIFY(setAway(m_away, true));
        QVERIFY(solveAll(tickets));
    }

    void leastLoadedWeighsPriority()
    {
        QVERIFY(configure({{QStringLiteral("assignment"), QStringLiteral("least-loaded")}}));
        // No load: ties go to the most senior, one by one.
        QStringList tickets;
        QStringList got;
        for (int i = 0; i < 5; ++i) {
            tickets.append(newId());
            QVERIFY(apply({createTicket(tickets.last())}));
            got.append(assignee(tickets.last()));
        }
        QCOMPARE(got, m_agents);
        // An urgent ticket (weight 4) to the first: the next two normal ones (weight 2) go to
        // the others before the first gets any.
        const QString urgent = newId();
        QVERIFY(apply({createTicket(urgent, 1, QStringLiteral("urgent"))}));
        QCOMPARE(assignee(urgent), m_agents.at(0));
        tickets.append(urgent);
        for (int i = 0; i < 4; ++i) {
            tickets.append(newId());
            QVERIFY(apply({createTicket(tickets.last())}));
            QVERIFY(assignee(tickets.last()) != m_agents.at(0));
        }
        QVERIFY(solveAll(tickets));
    }

    // An admin's seniority reorders the ties: the last added, moved to place 1, gets the first
    // ticket and the others keep their order; moved to the end, the first added is first again.
    void seniorityDecidesTies()
    {
        QVERIFY(configure({{QStringLiteral("assignment"), QStringLiteral("least-loaded")}}));
        const auto setSeniority = [&](const QString &agent, const QJsonValue &place) {
            return apply({withId(
                {{QStringLiteral("type"), QStringLiteral("update_agent")},
                 {QStringLiteral("agent"), QJsonObject{{QStringLiteral("id"), agent},
                                                       {QStringLiteral("seniority"), place}}}})});
        };
        const auto placeOf = [&](const QString &agent) {
            for (const QJsonValue &v : m_server.fetch(apiRequest("GET", "/api/v1/agents", m_admin))
                                           ->json()
                                           .value(u"agents")
                                           .toArray()) {
                if (v[u"id"].toString() == agent)
                    return v[u"seniority"].toInteger();
            }
            return qint64(0);
        };
        const QString last = m_agents.last();
        QCOMPARE(placeOf(m_agents.first()), 1); // as added
        QCOMPARE(placeOf(last), 7);
        QVERIFY(!setSeniority(last, 0));
        QVERIFY(!setSeniority(last, 1.5));
        QVERIFY(!setSeniority(last, QJsonValue()));
        QVERIFY(setSeniority(last, 1));
        QCOMPARE(placeOf(last), 1);
        QCOMPARE(placeOf(m_agents.first()), 2);
        QStringList tickets, got;
        for (int i = 0; i < 5; ++i) {
            tickets.append(newId());
            QVERIFY(apply({createTicket(tickets.last())}));
            got.append(assignee(tickets.last()));
        }
        QStringList expected = m_agents;
        expected.move(expected.size() - 1, 0);
        QCOMPARE(got, expected);
        QVERIFY(solveAll(tickets));
        QVERIFY(setSeniority(last, 1000)); // the end
        QCOMPARE(placeOf(last), 8);        // of all eight, the admin too
        QCOMPARE(placeOf(m_agents.first()), 1);
        tickets = {newId()};
        QVERIFY(apply({createTicket(tickets.first())}));
        QCOMPARE(assignee(tickets.first()), m_agents.first());
        QVERIFY(solveAll(tickets));
    }

    void theCapHolds()
    {
        QVERIFY(configure({{QStringLiteral("assignment"), QStringLiteral("round-robin")},
                           {QStringLiteral("assignment_cap"), QStringLiteral("2")}}));
        const QStringList tickets = createTickets(11);
        const QMap<QString, int> counts = countAssignees(tickets);
        for (const QString &agent : std::as_const(m_agents))
            QCOMPARE(counts.value(agent), 2);
        QCOMPARE(counts.value(QString()), 1); // everyone is at the cap
        QVERIFY(solveAll(tickets));
        QVERIFY(configure({{QStringLiteral("assignment_cap"), QStringLiteral("0")}}));
    }

    // Seed 001: an enterprise customer's ticket gets priority urgent, tier 2 and an assignee who
    // has tier 2, in the op that creates it, in a department that otherwise assigns by hand.
    void aRuleAssigns()
    {
        QVERIFY(configure({{QStringLiteral("assignment"), QStringLiteral("manual")}}));
        const QString rule = newId();
        QVERIFY(apply({withId(
            {{QStringLiteral("type"), QStringLiteral("upsert_rule")},
             {QStringLiteral("rule"),
              QJsonObject{{QStringLiteral("id"), rule},
                          {QStringLiteral("name"), QStringLiteral("Enterprise")},
                          {QStringLiteral("department_id"), m_desk},
                          {QStringLiteral("when"), QStringLiteral("created")},
                          {QStringLiteral("if"), QStringLiteral("tag:enterprise")},
                          {QStringLiteral("then"),
                           QStringLiteral("priority=urgent tier=2 assignee=round-robin")}}}})}));
        const QString t = newId();
        QVERIFY(
            apply({createTicket(t, 1, QStringLiteral("normal"), {QStringLiteral("enterprise")})}));
        const QString who = assignee(t);
        QVERIFY2(who == m_agents.at(1) || who == m_agents.at(3), qPrintable(who));
        const QString plain = newId();
        QVERIFY(apply({createTicket(plain)}));
        QVERIFY(assignee(plain).isEmpty());
        QVERIFY(apply({withId({{QStringLiteral("type"), QStringLiteral("delete_rule")},
                               {QStringLiteral("rule_id"), rule}})}));
        QVERIFY(solveAll({t, plain}));
    }

    // Two pultd on one PostgreSQL database: the turn is in the database, so tickets created
    // through both are shared as fairly as through one.
    void twoPultdTakeTurnsTogether()
    {
        if (!usingPostgres())
            QSKIP("two pultd share a database only on PostgreSQL (PULT_TEST_DB=postgresql)");
        QVERIFY(configure({{QStringLiteral("assignment"), QStringLiteral("round-robin")}}));
        Pultd second;
        second.shareDatabaseWith(m_server);
        QVERIFY(second.start());
        const QStringList tickets = createTickets(1000, 1, &second);
        QCOMPARE(tickets.size(), 1000);
        const QMap<QString, int> counts = countAssignees(tickets);
        for (const QString &agent : std::as_const(m_agents))
            QVERIFY2(qAbs(counts.value(agent) - 200) <= 1,
                     qPrintable(QStringLiteral("%1 got %2").arg(agent).arg(counts.value(agent))));
        QCOMPARE(second.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAssignment)
#include "tst_assignment.moc"
