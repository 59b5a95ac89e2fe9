// Time triggers (docs/automation.md): each time rule has, for each ticket it applies to, the
// moment it is due (rule_timers), armed as the ticket is written and fired by pultd's scheduler
// at that moment exactly (ServerStore::nextTimer, runTimers), never by a poll over the tickets.

#include "logrecord.h"
#include "serverstoreprivate.h"

namespace Pult {

namespace {

bool active(TicketStatus status)
{
    return status != TicketStatus::Solved && status != TicketStatus::Closed;
}

// The earliest SLA deadline not yet met, in milliseconds; nullopt when no clock runs.
std::optional<qint64> nextDeadline(const Ticket &t)
{
    if (!active(t.status))
        return std::nullopt;
    std::optional<qint64> next;
    // The first response's deadline stays on a ticket that was answered: met, not running.
    const QDateTime first = t.firstResponseAt.isValid() ? QDateTime() : t.firstResponseDeadline;
    for (const QDateTime &deadline : {first, t.resolutionDeadline}) {
        if (deadline.isValid() && (!next || deadline.toMSecsSinceEpoch() < *next))
            next = deadline.toMSecsSinceEpoch();
    }
    return next;
}

} // namespace

// When the time rule is due for the ticket as this write leaves it (nullopt: not at all), given
// the moment it was due before (the stored timer, if any).
std::optional<qint64> ServerStore::Private::timerDue(const ActiveRule &rule, const WorkTicket &w,
                                                     std::optional<qint64> armed) const
{
    const Ticket &t = w.ticket;
    const qint64 span = rule.when.seconds * 1000;
    switch (rule.when.trigger) {
    case RuleTrigger::SlaDue:
        if (const auto deadline = nextDeadline(t))
            return *deadline - span;
        return std::nullopt;
    case RuleTrigger::Breached:
        return nextDeadline(t);
    case RuleTrigger::Pending: {
        if (t.status != TicketStatus::Pending && t.status != TicketStatus::OnHold)
            return std::nullopt;
        // Waiting since it became pending or on hold (one waiting state): that moment stays.
        const bool wasWaiting = !w.created && (w.before.status == TicketStatus::Pending ||
                                               w.before.status == TicketStatus::OnHold);
        if (wasWaiting && armed)
            return armed;
        return now + span;
    }
    case RuleTrigger::Unanswered: {
        if (!active(t.status))
            return std::nullopt;
        std::optional<qint64> due = armed;
        for (const OpMessage &m : opMessages) {
            if (m.ticket != t.id)
                continue;
            if (m.kind == MessageKind::AgentReply)
                due.reset();
            else if (m.kind == MessageKind::CustomerMessage && !due)
                due = now + span;
        }
        return due;
    }
    case RuleTrigger::Solved:
        if (t.status != TicketStatus::Solved)
            return std::nullopt;
        return (t.solvedAt.isValid() ? t.solvedAt.toMSecsSinceEpoch() : now) + span;
    default:
        return std::nullopt;
    }
}

Status ServerStore::Private::armTimers(const WorkTicket &w)
{
    auto rules = activeRules();
    if (!rules.good())
        return rules.status();
    const bool any = std::any_of((*rules)->cbegin(), (*rules)->cend(),
                                 [](const ActiveRule &r) { return isTimeTrigger(r.when.trigger); });
    if (!any)
        return {};
    // The ticket's timers as stored: due and whether fired.
    QHash<QUuid, std::pair<qint64, bool>> stored;
    auto stmt = db->prepare("SELECT rule_id, due_ms, fired FROM rule_timers WHERE ticket_id = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(w.ticket.id));
    while ((*stmt)->next())
        stored.insert(uuidFromBlob((*stmt)->blob(0)), {(*stmt)->int64(1), (*stmt)->int64(2) != 0});
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    for (const ActiveRule &rule : **rules) {
        if (!isTimeTrigger(rule.when.trigger))
            continue;
        const auto it = stored.constFind(rule.rule.id);
        const std::optional<qint64> armed =
            it == stored.cend() ? std::nullopt : std::optional<qint64>(it->first);
        const bool applies =
            rule.rule.departmentId.isNull() || rule.rule.departmentId == w.ticket.departmentId;
        const std::optional<qint64> due = applies ? timerDue(rule, w, armed) : std::nullopt;
        if (due == armed)
            continue; // as it was (fired or not: the same moment does not fire twice)
        if (s = setTimer(w.ticket.id, rule.rule.id, due); !s.good())
            return s;
    }
    return {};
}

Status ServerStore::Private::setTimer(const QUuid &ticket, const QUuid &rule,
                                      std::optional<qint64> due)
{
    if (!due)
        return db->run(
            "DELETE FROM rule_timers WHERE ticket_id = ?1 AND rule_id = ?2",
            [&](Statement &st) { st.bind(1, uuidToBlob(ticket)).bind(2, uuidToBlob(rule)); });
    if (!batch.earliestTimer || *due < *batch.earliestTimer)
        batch.earliestTimer = *due;
    return db->run("INSERT INTO rule_timers(ticket_id, rule_id, due_ms, fired) VALUES (?1, ?2, ?3, "
                   "0) ON CONFLICT(ticket_id, rule_id) DO UPDATE SET due_ms = excluded.due_ms, "
                   "fired = 0",
                   [&](Statement &st) {
                       st.bind(1, uuidToBlob(ticket)).bind(2, uuidToBlob(rule)).bind(3, *due);
                   });
}

Status ServerStore::Private::armRule(const ActiveRule &rule)
{
    if (Status s = db->run("DELETE FROM rule_timers WHERE rule_id = ?1",
                           [&](Statement &st) { st.bind(1, uuidToBlob(rule.rule.id)); });
        !s.good() || !rule.rule.enabled || !isTimeTrigger(rule.when.trigger))
        return s;
    // The tickets it may concern now: not closed, of its department (or all).
    const bool everywhere = rule.rule.departmentId.isNull();
    auto stmt = db->prepare(everywhere ? "SELECT data FROM tickets WHERE status <> 'closed'"
                                       : "SELECT data FROM tickets WHERE status <> 'closed' AND "
                                         "department_id = ?1");
    if (!stmt.good())
        return stmt.status();
    if (!everywhere)
        (*stmt)->bind(1, uuidToBlob(rule.rule.departmentId));
    QList<Ticket> tickets;
    while ((*stmt)->next()) {
        if (auto t = Wire::ticketFromJson(parseObject((*stmt)->text(0))); t.good())
            tickets.append(std::move(*t));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    for (const Ticket &t : std::as_const(tickets)) {
        if (!s.good())
            break;
        // As if written now without a change: a waiting ticket waits from now on, an
        // unanswered one only from its requester's next message.
        const WorkTicket w{t, t, false};
        if (const std::optional<qint64> due = timerDue(rule, w, std::nullopt))
            s = setTimer(t.id, rule.rule.id, due);
    }
    return s;
}

Result<std::optional<qint64>> ServerStore::nextTimer()
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto stmt = (***reader).prepare("SELECT min(due_ms) FROM rule_timers WHERE fired = 0");
    if (!stmt.good())
        return stmt.status();
    std::optional<qint64> next;
    if ((*stmt)->next() && !(*stmt)->isNull(0))
        next = (*stmt)->int64(0);
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return next;
}

Result<ServerStore::TimerRun> ServerStore::runTimers(qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    // pultd itself: it sees every ticket, and what the rules do is in their names.
    static const AgentSession system{
        Agent{QUuid(), QStringLiteral("pultd"), QString(), Role::Admin, {}}, {}};
    d->session = &system;
    d->now = nowMs;
    auto due = d->db->prepare("SELECT ticket_id, rule_id FROM rule_timers WHERE fired = 0 AND "
                              "due_ms <= ?1 ORDER BY due_ms LIMIT 500");
    if (!due.good())
        return due.status();
    (*due)->bind(1, nowMs);
    QList<std::pair<QUuid, QUuid>> timers;
    while ((*due)->next())
        timers.append({uuidFromBlob((*due)->blob(0)), uuidFromBlob((*due)->blob(1))});
    Status s = (*due)->status();
    (*due)->reset();
    if (!s.good())
        return s;
    TimerRun run;
    for (const auto &[ticket, rule] : std::as_const(timers)) {
        s = d->db->run(
            "UPDATE rule_timers SET fired = 1 WHERE ticket_id = ?1 AND rule_id = ?2",
            [&](Statement &st) { st.bind(1, uuidToBlob(ticket)).bind(2, uuidToBlob(rule)); });
        if (!s.good())
            return s;
        auto opened = d->openTicket(ticket);
        if (!opened.good())
            return opened.status();
        if (*opened) {
            d->timeEvents.append({ticket, rule});
            ++run.fired;
        }
    }
    s = d->writeTickets();
    d->timeEvents.clear();
    if (!s.good())
        return s;
    if (!d->pending.isEmpty()) {
        auto revision = d->commitChanges();
        if (!revision.good())
            return revision.status();
        run.revision = *revision;
        if (s = d->announce(*revision); !s.good())
            return s;
    }
    if (s = tx.commit(); !s.good())
        return s;
    return run;
}

void ServerStore::onTimersArmed(std::function<void(qint64 dueMs)> armed)
{
    d->timersArmed = std::move(armed);
}

} // namespace Pult
