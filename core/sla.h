#pragma once

// SLA clocks: per-priority targets for first response, next response and resolution, counted in
// business time (a department's BusinessCalendar) or calendar time, paused while a ticket waits
// on the customer (pending) or on someone else (on-hold). See docs/sla.md.

#include "businesshours.h"
#include "domain.h"
#include "status.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <array>

namespace Pult {

// Target durations in seconds; 0 means "no target".
struct SlaTargets
{
    qint64 firstResponse = 0;
    qint64 nextResponse = 0;
    qint64 resolution = 0;
    friend bool operator==(const SlaTargets &, const SlaTargets &) = default;
};

// A department's SLA policy (Department::slaPolicy), e.g.
//   urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; business
class SlaPolicy
{
public:
    enum class TimeBasis { Business, Calendar };

    // Parses the text form; errors say where ("column 9: unknown target \"frist\"; did you mean
    // \"first\"?"). An empty text is a policy without targets.
    static Result<SlaPolicy> parse(const QString &text);
    // The canonical text form; parse(toString()) gives an equal policy.
    QString toString() const;

    SlaTargets targets(Priority p) const { return m_targets[static_cast<int>(p)]; }
    void setTargets(Priority p, SlaTargets t) { m_targets[static_cast<int>(p)] = t; }
    TimeBasis basis() const { return m_basis; }
    void setBasis(TimeBasis b) { m_basis = b; }

    friend bool operator==(const SlaPolicy &, const SlaPolicy &) = default;

private:
    std::array<SlaTargets, 4> m_targets{}; // [Priority]
    TimeBasis m_basis = TimeBasis::Business;
};

// One thing that happened to a ticket, as far as the SLA clocks care.
struct SlaEvent
{
    enum class Kind { Created, CustomerMessage, AgentReply, StatusChange, PriorityChange };
    QDateTime time;
    Kind kind = Kind::Created;
    TicketStatus status = TicketStatus::New; // Created and StatusChange: the (new) status
    Priority priority = Priority::Normal;    // Created and PriorityChange: the (new) priority

    static SlaEvent created(QDateTime t, Priority p, TicketStatus s = TicketStatus::New)
    {
        return {std::move(t), Kind::Created, s, p};
    }
    static SlaEvent customerMessage(QDateTime t) { return {std::move(t), Kind::CustomerMessage}; }
    static SlaEvent agentReply(QDateTime t) { return {std::move(t), Kind::AgentReply}; }
    static SlaEvent statusChange(QDateTime t, TicketStatus s)
    {
        return {std::move(t), Kind::StatusChange, s};
    }
    static SlaEvent priorityChange(QDateTime t, Priority p)
    {
        return {std::move(t), Kind::PriorityChange, TicketStatus::New, p};
    }
};

// Builds the timeline from a ticket, its messages (internal notes and system events are ignored)
// and its history (fields "status" and "priority", values by their stable names). The initial
// status and priority are the old values of the earliest such history events, else the ticket's.
QList<SlaEvent> slaTimeline(const Ticket &ticket, const QList<Message> &messages,
                            const QList<HistoryEvent> &history);

enum class SlaTarget { FirstResponse, NextResponse, Resolution };

// The state of one SLA clock at a given moment.
struct SlaClock
{
    SlaTarget target = SlaTarget::FirstResponse;
    bool active = false; // the clock has a target and has started; nothing else is set if not
    qint64 targetSeconds = 0;
    QDateTime started;  // when the clock started (creation, or the customer message)
    QDateTime deadline; // UTC; invalid when the calendar never opens again
    bool met = false;   // stopped: replied to / solved
    QDateTime metAt;
    bool breached = false; // the stop instant (metAt, or now) lies after the deadline
    bool paused = false;   // not met and not counting at `now` (pending, on-hold, solved)
    // Before the deadline: target time left at the stop instant, in the policy's basis (business
    // seconds for a business policy). After it: minus the wall-clock seconds since the deadline.
    qint64 remaining = 0;
    int breachCount = 0; // next response: how many cycles were breached, this one included
};

struct SlaState
{
    SlaClock firstResponse;
    SlaClock nextResponse;
    SlaClock resolution;
};

// Evaluates the clocks for the events up to `now` (later events are ignored).
SlaState computeSla(const SlaPolicy &policy, const BusinessCalendar &calendar,
                    QList<SlaEvent> events, const QDateTime &now);

// "breaches in 1 h 20 min", "breached 35 min ago", "breaches in 2 d 3 h".
QString formatRemaining(qint64 seconds);

} // namespace Pult
