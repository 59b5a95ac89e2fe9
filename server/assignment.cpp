// Assignment (docs/automation.md "Assignment"): which agent a new ticket of a department goes to
// by the department's method (round-robin, least-loaded), or a rule's `assignee=round-robin`;
// and agents saying they are away (set_availability).

#include "serverstoreprivate.h"

namespace Pult {

namespace {

// An agent is online while they made a request this recently (a client that is connected asks
// for changes at least every 30 s).
constexpr qint64 kOnlineMs = 2 * 60 * 1000;

int weight(Priority priority)
{
    return int(priority) + 1; // low 1, normal 2, high 3, urgent 4
}

} // namespace

QStringList assignmentMethods()
{
    return {QStringLiteral("manual"), QStringLiteral("round-robin"),
            QStringLiteral("least-loaded")};
}

Result<QString> ServerStore::Private::assignmentMethod(const QUuid &department)
{
    auto settings = departmentSettings(department);
    if (!settings.good())
        return settings.status();
    const QString method = parseObject(*settings).value(QLatin1String("assignment")).toString();
    return method.isEmpty() ? QStringLiteral("manual") : method;
}

Result<std::optional<QUuid>> ServerStore::Private::chooseAssignee(const Ticket &ticket,
                                                                  const QString &method)
{
    if (method != u"round-robin" && method != u"least-loaded")
        return std::optional<QUuid>();
    auto settings = departmentSettings(ticket.departmentId);
    if (!settings.good())
        return settings.status();
    const int cap =
        parseObject(*settings).value(QLatin1String("assignment_cap")).toString().toInt();
    // The department's agents of the ticket's tier or above, most senior first (the order an
    // admin set, else the order they were added in), and who of them may get a ticket now.
    auto stmt =
        db->prepare("SELECT a.id, COALESCE(p.seen_ms, 0), COALESCE(p.away, 0), p.away_until_ms "
                    "FROM agent_departments ad JOIN agents a ON a.id = ad.agent_id "
                    "LEFT JOIN agent_presence p ON p.agent_id = a.id "
                    "WHERE ad.department_id = ?1 AND ad.tier >= ?2 AND a.deactivated_ms IS NULL "
                    "ORDER BY COALESCE(a.seniority, a.rid), a.rid");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(ticket.departmentId)).bind(2, ticket.tier);
    QList<QUuid> agents;   // in seniority order
    QList<bool> available; // online and not away
    while ((*stmt)->next()) {
        const bool online = (*stmt)->int64(1) >= now - kOnlineMs;
        const bool away = (*stmt)->int64(2) != 0 && ((*stmt)->isNull(3) || (*stmt)->int64(3) > now);
        agents.append(uuidFromBlob((*stmt)->blob(0)));
        available.append(online && !away);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    // Each available agent's open tickets: their number (for the cap) and their weight.
    auto load = db->prepare(
        db->pick("SELECT json_extract(data, '$.priority') FROM tickets WHERE assignee_id = ?1 "
                 "AND status IN ('new', 'open', 'pending', 'on-hold')",
                 "SELECT (data::jsonb ->> 'priority') FROM tickets WHERE assignee_id = ?1 AND "
                 "status IN ('new', 'open', 'pending', 'on-hold')"));
    if (!load.good())
        return load.status();
    QList<int> weights(agents.size(), 0);
    for (qsizetype i = 0; i < agents.size(); ++i) {
        if (!available.at(i))
            continue;
        (*load)->bind(1, uuidToBlob(agents.at(i)));
        int count = 0;
        while ((*load)->next()) {
            ++count;
            weights[i] += weight(parsePriority((*load)->text(0)).value_or(Priority::Normal));
        }
        s = (*load)->status();
        (*load)->reset();
        if (!s.good())
            return s;
        if (cap > 0 && count >= cap)
            available[i] = false;
    }
    std::optional<qsizetype> chosen;
    if (method == u"least-loaded") {
        for (qsizetype i = 0; i < agents.size(); ++i) {
            if (available.at(i) && (!chosen || weights.at(i) < weights.at(*chosen)))
                chosen = i;
        }
    } else {
        // The turn goes on from the agent who got the department's last ticket.
        auto turn = db->prepare("SELECT agent_id FROM assignment_turns WHERE department_id = ?1");
        if (!turn.good())
            return turn.status();
        (*turn)->bind(1, uuidToBlob(ticket.departmentId));
        const qsizetype last =
            (*turn)->next() ? agents.indexOf(uuidFromBlob((*turn)->blob(0))) : -1;
        s = (*turn)->status();
        (*turn)->reset();
        if (!s.good())
            return s;
        for (qsizetype step = 1; step <= agents.size() && !chosen; ++step) {
            const qsizetype i = (last + step) % agents.size();
            if (available.at(i))
                chosen = i;
        }
        if (chosen) {
            s = db->run("INSERT INTO assignment_turns(department_id, agent_id) VALUES (?1, ?2) "
                        "ON CONFLICT(department_id) DO UPDATE SET agent_id = excluded.agent_id",
                        [&](Statement &st) {
                            st.bind(1, uuidToBlob(ticket.departmentId));
                            st.bind(2, uuidToBlob(agents.at(*chosen)));
                        });
            if (!s.good())
                return s;
        }
    }
    if (!chosen)
        return std::optional<QUuid>();
    return std::optional<QUuid>(agents.at(*chosen));
}

Status ServerStore::Private::assignNewTickets()
{
    for (WorkTicket &w : work) {
        if (!w.created || !w.ticket.assigneeId.isNull())
            continue;
        auto method = assignmentMethod(w.ticket.departmentId);
        if (!method.good())
            return method.status();
        auto agent = chooseAssignee(w.ticket, *method);
        if (!agent.good())
            return agent.status();
        if (!*agent)
            continue;
        automatic = true;
        history(w.ticket, QStringLiteral("assignee_id"), QJsonValue(), uuidToString(**agent));
        automatic = false;
        w.ticket.assigneeId = **agent;
    }
    return {};
}

Result<std::optional<Rejection>> ServerStore::Private::setAvailability(const QJsonObject &op)
{
    const QJsonValue agentValue = op.value(QLatin1String("agent_id"));
    const QUuid agent =
        agentValue.isUndefined() || agentValue.isNull() ? session->agent.id : uuidOf(agentValue);
    if (agent.isNull())
        return accept(invalid(QStringLiteral("agent_id is an agent's id")));
    if (agent != session->agent.id && session->agent.role != Role::Admin)
        return accept(
            Rejection{QStringLiteral("forbidden"),
                      QStringLiteral("only an admin says whether another agent is away")});
    auto exists = agentExists(agent);
    if (!exists.good())
        return exists.status();
    if (!*exists)
        return accept(Rejection{QStringLiteral("not_found"), QStringLiteral("no such agent")});
    const QJsonValue away = op.value(QLatin1String("away"));
    if (!away.isBool())
        return accept(invalid(QStringLiteral("set_availability needs \"away\": true or false")));
    const auto until = timeInput(op.value(QLatin1String("until")));
    if (!until && !op.value(QLatin1String("until")).isUndefined())
        return accept(invalid(QStringLiteral("until is an ISO 8601 time or null")));
    const QDateTime untilTime = until ? Wire::timeOf(*until) : QDateTime();
    Status s =
        db->run("INSERT INTO agent_presence(agent_id, away, away_until_ms) VALUES (?1, ?2, ?3) "
                "ON CONFLICT(agent_id) DO UPDATE SET away = excluded.away, "
                "away_until_ms = excluded.away_until_ms",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(agent)).bind(2, int(away.toBool()));
                    if (away.toBool() && untilTime.isValid())
                        st.bind(3, untilTime.toMSecsSinceEpoch());
                    else
                        st.bindNull(3);
                });
    if (!s.good())
        return s;
    return accept();
}

Result<QJsonObject> ServerStore::availability(const QUuid &agent, qint64 nowMs)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto stmt =
        (***reader).prepare("SELECT away, away_until_ms FROM agent_presence WHERE agent_id = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(agent));
    bool away = false;
    QJsonValue until;
    if ((*stmt)->next() && (*stmt)->int64(0) != 0) {
        const bool forever = (*stmt)->isNull(1);
        away = forever || (*stmt)->int64(1) > nowMs;
        if (away && !forever)
            until = Wire::timeValue(QDateTime::fromMSecsSinceEpoch((*stmt)->int64(1), Qt::UTC));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return QJsonObject{{QStringLiteral("away"), away}, {QStringLiteral("away_until"), until}};
}

} // namespace Pult
