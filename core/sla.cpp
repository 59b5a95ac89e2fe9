#include "sla.h"

#include "diagnostics.h"

#include <algorithm>

// How the clocks are computed (the invariants computeSla relies on):
//
// 1. The events are sorted by time (stable, so equal times keep their order) and cut at `now`.
// 2. Walking them gives the ticket's effective status over time. A customer message while the
//    ticket is pending or on-hold counts as a return to open: the clock resumes.
// 3. The ticket is *counting* while its status is new or open. The counting time forms a list of
//    disjoint, ordered segments [from, to); the last one may end at `now`.
// 4. Every clock is a window [start, stop) (stop = the reply or the solve, else `now`) over those
//    segments; its consumed time is the business (or calendar) time of their intersection.
// 5. The target is the one for the priority in effect at the stop instant, measured from the
//    clock's start: a priority change re-targets the whole clock as if the ticket had always had
//    the new priority, so raising it can breach a clock at once.
// 6. The deadline is the earliest instant at which the consumed time reaches the target; when the
//    window ends first, it is projected from the window's end (so a paused clock shows where its
//    deadline will lie if it resumes now).

namespace Pult {

namespace {

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;

const QString kPriorityNames[] = {QStringLiteral("low"), QStringLiteral("normal"),
                                  QStringLiteral("high"), QStringLiteral("urgent")};

class PolicyParser
{
public:
    explicit PolicyParser(const QString &text)
        : m_text(text)
    {}
    Result<SlaPolicy> run();

private:
    Status error(qsizetype pos, const QString &message) const;
    void skipSpaces()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == QLatin1Char(' ') || m_text[m_pos] == QLatin1Char('\t') ||
                m_text[m_pos] == QLatin1Char('\r')))
            ++m_pos;
    }
    bool atPartEnd() const
    {
        return m_pos >= m_text.size() || m_text[m_pos] == QLatin1Char(';') ||
               m_text[m_pos] == QLatin1Char('\n') || m_text[m_pos] == QLatin1Char('#');
    }
    QString word()
    {
        const qsizetype begin = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos].isLetter())
            ++m_pos;
        return m_text.mid(begin, m_pos - begin).toLower();
    }
    static QString suggestion(const QString &w, const QStringList &names)
    {
        QString best;
        int bestDistance = 3;
        for (const QString &n : names) {
            const int d = editDistance(w, n);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best.isEmpty() ? QString() : QStringLiteral("; did you mean \"%1\"?").arg(best);
    }
    Status parseDuration(qint64 *seconds);
    Status parsePriorityPart(SlaPolicy *policy);

    const QString &m_text;
    qsizetype m_pos = 0;
    std::array<bool, 4> m_seen{};
    bool m_basisSeen = false;
};

Status PolicyParser::error(qsizetype pos, const QString &message) const
{
    return Status(Status::Invalid, describePosition(m_text, pos) + QStringLiteral(": ") + message);
}

// <number><unit> repeated, units d, h, m (or min); e.g. 90m, 1h30m, 2d, 4 h.
Status PolicyParser::parseDuration(qint64 *seconds)
{
    *seconds = 0;
    const qsizetype begin = m_pos;
    bool any = false;
    while (m_pos < m_text.size() && m_text[m_pos].isDigit()) {
        const qsizetype numberBegin = m_pos;
        qint64 n = 0;
        while (m_pos < m_text.size() && m_text[m_pos].isDigit()) {
            n = n * 10 + m_text[m_pos].digitValue();
            if (n > 100000)
                return error(numberBegin, QStringLiteral("duration too long"));
            ++m_pos;
        }
        skipSpaces();
        const qsizetype unitBegin = m_pos;
        const QString unit = word();
        qint64 scale = 0;
        if (unit == QLatin1String("d"))
            scale = Day;
        else if (unit == QLatin1String("h"))
            scale = Hour;
        else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
            scale = Minute;
        else if (unit.isEmpty())
            return error(unitBegin, QStringLiteral("expected a unit (d, h or m) after %1").arg(n));
        else
            return error(unitBegin, QStringLiteral("unknown unit \"%1\"; use d, h or m").arg(unit));
        *seconds += n * scale;
        any = true;
        const qsizetype afterUnit = m_pos;
        skipSpaces();
        if (m_pos >= m_text.size() || !m_text[m_pos].isDigit())
            m_pos = afterUnit;
    }
    if (!any)
        return error(begin, QStringLiteral("expected a duration such as 4h or 1h30m"));
    if (*seconds == 0)
        return error(begin, QStringLiteral("a target must be longer than zero"));
    return {};
}

Status PolicyParser::parsePriorityPart(SlaPolicy *policy)
{
    const qsizetype nameBegin = m_pos;
    const QString name = word();
    const auto priority = parsePriority(name);
    QStringList names(std::begin(kPriorityNames), std::end(kPriorityNames));
    if (name.isEmpty())
        return error(nameBegin, QStringLiteral("expected a priority (low, normal, high, urgent), "
                                               "\"business\" or \"calendar\""));
    if (!priority) {
        names << QStringLiteral("business") << QStringLiteral("calendar");
        return error(
            nameBegin,
            QStringLiteral("unknown priority \"%1\"%2").arg(name, suggestion(name, names)));
    }
    const int index = static_cast<int>(*priority);
    if (m_seen[index])
        return error(nameBegin, QStringLiteral("%1 is given twice").arg(name));
    m_seen[index] = true;
    skipSpaces();
    if (m_pos >= m_text.size() || m_text[m_pos] != QLatin1Char(':'))
        return error(m_pos, QStringLiteral("expected \":\" after %1").arg(name));
    ++m_pos;
    SlaTargets targets;
    std::array<bool, 3> given{};
    const QStringList targetNames = {QStringLiteral("first"), QStringLiteral("next"),
                                     QStringLiteral("resolve")};
    for (;;) {
        skipSpaces();
        const qsizetype targetBegin = m_pos;
        const QString target = word();
        const qsizetype which = targetNames.indexOf(target);
        if (target.isEmpty())
            return error(targetBegin, QStringLiteral("expected first, next or resolve"));
        if (which < 0)
            return error(targetBegin, QStringLiteral("unknown target \"%1\"%2")
                                          .arg(target, suggestion(target, targetNames)));
        if (given[which])
            return error(targetBegin, QStringLiteral("%1 is given twice for %2").arg(target, name));
        given[which] = true;
        skipSpaces();
        qint64 seconds = 0;
        if (Status s = parseDuration(&seconds); !s.good())
            return s;
        (which == 0   ? targets.firstResponse
         : which == 1 ? targets.nextResponse
                      : targets.resolution) = seconds;
        skipSpaces();
        if (atPartEnd())
            break;
        if (m_text[m_pos] != QLatin1Char(','))
            return error(m_pos, QStringLiteral("expected \",\" or \";\""));
        ++m_pos;
    }
    policy->setTargets(*priority, targets);
    return {};
}

Result<SlaPolicy> PolicyParser::run()
{
    SlaPolicy policy;
    for (;;) {
        skipSpaces();
        if (m_pos >= m_text.size())
            break;
        if (m_text[m_pos] == QLatin1Char('#')) {
            while (m_pos < m_text.size() && m_text[m_pos] != QLatin1Char('\n'))
                ++m_pos;
            continue;
        }
        if (m_text[m_pos] == QLatin1Char(';') || m_text[m_pos] == QLatin1Char('\n')) {
            ++m_pos;
            continue;
        }
        const qsizetype begin = m_pos;
        const QString w = word();
        if (w == QLatin1String("business") || w == QLatin1String("calendar")) {
            if (m_basisSeen)
                return error(begin, QStringLiteral("business or calendar is given twice"));
            m_basisSeen = true;
            policy.setBasis(w == QLatin1String("business") ? SlaPolicy::TimeBasis::Business
                                                           : SlaPolicy::TimeBasis::Calendar);
            skipSpaces();
            if (!atPartEnd())
                return error(m_pos, QStringLiteral("expected \";\" after %1").arg(w));
            continue;
        }
        m_pos = begin;
        if (Status s = parsePriorityPart(&policy); !s.good())
            return s;
    }
    return policy;
}

QString durationText(qint64 s)
{
    QString out;
    if (s >= Day && s % Day == 0)
        return QString::number(s / Day) + QLatin1Char('d');
    if (s >= Hour)
        out += QString::number(s / Hour) + QLatin1Char('h');
    if (s % Hour)
        out += QString::number((s % Hour) / Minute) + QLatin1Char('m');
    return out;
}

} // namespace

Result<SlaPolicy> SlaPolicy::parse(const QString &text)
{
    return PolicyParser(text).run();
}

QString SlaPolicy::toString() const
{
    QStringList parts;
    for (int p = 3; p >= 0; --p) {
        const SlaTargets &t = m_targets[p];
        QStringList items;
        if (t.firstResponse)
            items << QStringLiteral("first ") + durationText(t.firstResponse);
        if (t.nextResponse)
            items << QStringLiteral("next ") + durationText(t.nextResponse);
        if (t.resolution)
            items << QStringLiteral("resolve ") + durationText(t.resolution);
        if (!items.isEmpty())
            parts << kPriorityNames[p] + QStringLiteral(": ") + items.join(QStringLiteral(", "));
    }
    parts << (m_basis == TimeBasis::Business ? QStringLiteral("business")
                                             : QStringLiteral("calendar"));
    return parts.join(QStringLiteral("; "));
}

QList<SlaEvent> slaTimeline(const Ticket &ticket, const QList<Message> &messages,
                            const QList<HistoryEvent> &history)
{
    QList<HistoryEvent> sortedHistory = history;
    std::stable_sort(sortedHistory.begin(), sortedHistory.end(),
                     [](const HistoryEvent &a, const HistoryEvent &b) { return a.time < b.time; });
    TicketStatus initialStatus = ticket.status;
    Priority initialPriority = ticket.priority;
    bool statusFound = false;
    bool priorityFound = false;
    QList<SlaEvent> events;
    for (const HistoryEvent &h : sortedHistory) {
        if (h.field == QLatin1String("status")) {
            if (!statusFound) {
                statusFound = true;
                if (auto s = parseTicketStatus(h.oldValue))
                    initialStatus = *s;
            }
            if (auto s = parseTicketStatus(h.newValue))
                events << SlaEvent::statusChange(h.time, *s);
        } else if (h.field == QLatin1String("priority")) {
            if (!priorityFound) {
                priorityFound = true;
                if (auto p = parsePriority(h.oldValue))
                    initialPriority = *p;
            }
            if (auto p = parsePriority(h.newValue))
                events << SlaEvent::priorityChange(h.time, *p);
        }
    }
    for (const Message &m : messages) {
        if (m.kind == MessageKind::CustomerMessage)
            events << SlaEvent::customerMessage(m.created);
        else if (m.kind == MessageKind::AgentReply)
            events << SlaEvent::agentReply(m.created);
    }
    events.prepend(SlaEvent::created(ticket.created, initialPriority, initialStatus));
    return events;
}

namespace {

struct Segment
{
    QDateTime from;
    QDateTime to;
};

class Evaluator
{
public:
    Evaluator(const SlaPolicy &policy, const BusinessCalendar &calendar, QList<Segment> segments)
        : m_business(policy.basis() == SlaPolicy::TimeBasis::Business)
        , m_calendar(calendar)
        , m_segments(std::move(segments))
    {}

    qint64 between(const QDateTime &a, const QDateTime &b) const
    {
        if (b <= a)
            return 0;
        return m_business ? m_calendar.businessSecondsBetween(a, b) : a.secsTo(b);
    }
    QDateTime add(const QDateTime &t, qint64 s) const
    {
        return m_business ? m_calendar.addBusinessSeconds(t, s) : t.addSecs(s).toUTC();
    }

    // Fills deadline, breached and remaining for the window [start, end).
    void evaluate(SlaClock *c, const QDateTime &start, const QDateTime &end) const
    {
        qint64 consumed = 0;
        QDateTime deadline;
        for (const Segment &s : m_segments) {
            const QDateTime from = std::max(s.from, start);
            const QDateTime to = std::min(s.to, end);
            if (to <= from)
                continue;
            const qint64 part = between(from, to);
            if (consumed + part >= c->targetSeconds) {
                deadline = add(from, c->targetSeconds - consumed);
                consumed = c->targetSeconds;
                break;
            }
            consumed += part;
        }
        if (!deadline.isValid())
            deadline = add(end, c->targetSeconds - consumed);
        c->deadline = deadline;
        c->breached = deadline.isValid() && end > deadline;
        c->remaining = c->breached ? -deadline.secsTo(end) : c->targetSeconds - consumed;
    }

private:
    bool m_business;
    const BusinessCalendar &m_calendar;
    QList<Segment> m_segments;
};

bool counts(TicketStatus s)
{
    return s == TicketStatus::New || s == TicketStatus::Open;
}

} // namespace

SlaState computeSla(const SlaPolicy &policy, const BusinessCalendar &calendar,
                    QList<SlaEvent> events, const QDateTime &now)
{
    SlaState state;
    state.firstResponse.target = SlaTarget::FirstResponse;
    state.nextResponse.target = SlaTarget::NextResponse;
    state.resolution.target = SlaTarget::Resolution;
    std::stable_sort(events.begin(), events.end(),
                     [](const SlaEvent &a, const SlaEvent &b) { return a.time < b.time; });
    const auto created = std::find_if(events.cbegin(), events.cend(), [](const SlaEvent &e) {
        return e.kind == SlaEvent::Kind::Created;
    });
    if (created == events.cend() || !now.isValid() || created->time > now)
        return state;

    const QDateTime createdAt = created->time.toUTC();
    TicketStatus status = created->status;
    Priority priority = created->priority;

    QList<Segment> segments;
    QDateTime segmentStart;
    auto setStatus = [&](TicketStatus s, const QDateTime &t) {
        if (counts(status) && !counts(s)) {
            segments.append({segmentStart, t});
        } else if (!counts(status) && counts(s)) {
            segmentStart = t;
        }
        status = s;
    };
    if (counts(status))
        segmentStart = createdAt;

    // The first reply; the current (last) next-response cycle and the breached earlier ones.
    QDateTime firstReply;
    Priority firstReplyPriority = priority;
    struct Cycle
    {
        QDateTime start;
        QDateTime stop;
        Priority priority;
    };
    QList<Cycle> cycles;
    bool awaitingCustomer = false; // an agent reply came after the last customer message
    QDateTime solvedAt;
    Priority solvedPriority = priority;

    for (auto it = created + 1; it != events.cend(); ++it) {
        const SlaEvent &e = *it;
        const QDateTime t = e.time.toUTC();
        if (t > now)
            break;
        switch (e.kind) {
        case SlaEvent::Kind::Created:
            break;
        case SlaEvent::Kind::CustomerMessage:
            if (status == TicketStatus::Pending || status == TicketStatus::OnHold)
                setStatus(TicketStatus::Open, t);
            if (awaitingCustomer) {
                cycles.append({t, QDateTime(), priority});
                awaitingCustomer = false;
            }
            break;
        case SlaEvent::Kind::AgentReply:
            if (!firstReply.isValid()) {
                firstReply = t;
                firstReplyPriority = priority;
            }
            if (!cycles.isEmpty() && !cycles.last().stop.isValid()) {
                cycles.last().stop = t;
                cycles.last().priority = priority;
            }
            awaitingCustomer = true;
            break;
        case SlaEvent::Kind::StatusChange:
            if (isActive(status) && !isActive(e.status)) {
                solvedAt = t;
                solvedPriority = priority;
            } else if (!isActive(status) && isActive(e.status)) {
                solvedAt = QDateTime();
            }
            setStatus(e.status, t);
            break;
        case SlaEvent::Kind::PriorityChange:
            priority = e.priority;
            break;
        }
    }
    if (counts(status))
        segments.append({segmentStart, now.toUTC()});

    const Evaluator evaluator(policy, calendar, segments);
    const QDateTime nowUtc = now.toUTC();
    const bool countingNow = counts(status);

    auto fill = [&](SlaClock *c, qint64 target, const QDateTime &start, const QDateTime &stop) {
        if (target <= 0)
            return;
        c->active = true;
        c->targetSeconds = target;
        c->started = start;
        c->met = stop.isValid();
        c->metAt = stop;
        c->paused = !c->met && !countingNow;
        evaluator.evaluate(c, start, c->met ? stop : nowUtc);
    };

    fill(&state.firstResponse,
         policy.targets(firstReply.isValid() ? firstReplyPriority : priority).firstResponse,
         createdAt, firstReply);

    for (const Cycle &cycle : cycles) {
        SlaClock c;
        c.target = SlaTarget::NextResponse;
        fill(&c, policy.targets(cycle.stop.isValid() ? cycle.priority : priority).nextResponse,
             cycle.start, cycle.stop);
        if (!c.active)
            continue;
        c.breachCount = state.nextResponse.breachCount + (c.breached ? 1 : 0);
        state.nextResponse = c;
    }

    fill(&state.resolution,
         policy.targets(solvedAt.isValid() ? solvedPriority : priority).resolution, createdAt,
         solvedAt);
    // A solved or closed ticket is not paused; it is done.
    if (state.resolution.met)
        state.resolution.paused = false;
    return state;
}

QString formatRemaining(qint64 seconds)
{
    const qint64 a = seconds < 0 ? -seconds : seconds;
    QString amount;
    if (a < Minute) {
        amount = QStringLiteral("less than 1 min");
    } else if (a >= Day) {
        amount = QStringLiteral("%1 d").arg(a / Day);
        if ((a % Day) / Hour)
            amount += QStringLiteral(" %1 h").arg((a % Day) / Hour);
    } else if (a >= Hour) {
        amount = QStringLiteral("%1 h").arg(a / Hour);
        if ((a % Hour) / Minute)
            amount += QStringLiteral(" %1 min").arg((a % Hour) / Minute);
    } else {
        amount = QStringLiteral("%1 min").arg(a / Minute);
    }
    if (seconds < 0)
        return QStringLiteral("breached ") + amount + QStringLiteral(" ago");
    return QStringLiteral("breaches in ") + amount;
}

} // namespace Pult
