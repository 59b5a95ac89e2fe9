#include "report.h"

#include "businesshours.h"
#include "localstore.h"
#include "sla.h"
#include "sqlitedb.h"
#include "uuid.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace Pult {
namespace {

using Sql::Database;
using Sql::Statement;

constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr qint64 kNever = std::numeric_limits<qint64>::max(); // no first response, not solved
constexpr std::array<qint64, 4> kLoadWeights{1, 2, 3, 4};     // low, normal, high, urgent

// How a department counts time: its calendar, on business or calendar time (its SLA policy).
struct Clock
{
    BusinessCalendar calendar;
    bool business = false;
};

// A duration to measure: from `from` (the ticket's creation) to `to`, in the time of a
// department, less the ticket's pauses.
struct Span
{
    int department;
    qint64 from;
    qint64 to;
    QByteArray ticket; // its id
};

// Per ticket, when its SLA clocks stood still: the times it was neither new nor open (pending,
// on hold, or solved before it was reopened), as [from, to) in milliseconds.
using Pauses = QHash<QByteArray, std::vector<std::pair<qint64, qint64>>>;

// The pauses of the spans' tickets, from their status history. The status a ticket was created
// with is the old value of its first status event.
Result<Pauses> pausesOf(Database &db, const std::vector<Span> &first, const std::vector<Span> &more)
{
    Pauses pauses;
    QSet<QByteArray> seen;
    // history_status covers it (schema step 13): one index range a ticket, no row visited, and
    // whether a status counts is told by SQLite as a number, not a text to compare here.
    auto s = db.prepare("SELECT time_ms, old_value IN ('new', 'open'), new_value IN ('new', "
                        "'open') FROM history WHERE ticket_id = ?1 AND field = 'status' ORDER BY "
                        "time_ms");
    if (!s.good())
        return s.status();
    Statement &st = **s;
    std::vector<std::pair<qint64, qint64>> list;
    for (const std::vector<Span> *spans : {&first, &more}) {
        for (const Span &span : *spans) {
            if (seen.contains(span.ticket))
                continue;
            seen.insert(span.ticket);
            list.clear();
            st.bind(1, span.ticket);
            qint64 since = span.from;
            bool started = false;
            bool counts = true;
            while (st.next()) {
                const qint64 at = std::max(st.int64(0), span.from);
                if (!started)
                    counts = st.int64(1) != 0;
                started = true;
                if (!counts && at > since)
                    list.emplace_back(since, at);
                counts = st.int64(2) != 0;
                since = at;
            }
            if (!counts)
                list.emplace_back(since, std::numeric_limits<qint64>::max());
            Status read = st.status();
            st.reset();
            if (!read.good())
                return read;
            if (!list.empty())
                pauses.insert(span.ticket, list);
        }
    }
    return pauses;
}

// The spans' lengths in seconds, in the spans' order, each in its department's time and without
// its ticket's pauses: one business timeline per department over all of its spans, so a span
// costs a binary search, not a calendar walk.
std::vector<qint64> lengths(const std::vector<Span> &spans, const QList<Clock> &clocks,
                            const Pauses &pauses)
{
    std::vector<qint64> out(spans.size(), 0);
    for (qsizetype d = 0; d < clocks.size(); ++d) {
        qint64 first = std::numeric_limits<qint64>::max();
        qint64 last = std::numeric_limits<qint64>::min();
        for (const Span &span : spans) {
            if (span.department == d) {
                first = std::min(first, span.from);
                last = std::max(last, span.to);
            }
        }
        if (first > last)
            continue;
        const Clock &clock = clocks[d];
        const std::optional<BusinessCalendar::Timeline> timeline =
            clock.business ? std::optional<BusinessCalendar::Timeline>(std::in_place,
                                                                       clock.calendar, first, last)
                           : std::nullopt;
        const auto seconds = [&](qint64 from, qint64 to) {
            if (to <= from)
                return qint64(0);
            return timeline ? timeline->secondsBetween(from, to) : (to - from) / 1000;
        };
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const Span &span = spans[i];
            if (span.department != d)
                continue;
            qint64 length = seconds(span.from, span.to);
            if (const auto paused = pauses.constFind(span.ticket); paused != pauses.cend()) {
                for (const auto &[from, to] : *paused)
                    length -= seconds(std::max(from, span.from), std::min(to, span.to));
            }
            out[i] = std::max<qint64>(length, 0);
        }
    }
    return out;
}

// The nearest-rank percentile of sorted values.
qint64 percentile(const std::vector<qint64> &sorted, int percent)
{
    const auto rank = std::size_t(std::ceil(double(percent) / 100.0 * double(sorted.size())));
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

// The durations of spans measured by lengths(), each on the day dayOf(span) gives.
Durations durations(const std::vector<Span> &spans, std::vector<qint64> values,
                    const std::function<int(const Span &)> &dayOf)
{
    Durations d;
    d.count = qint64(values.size());
    d.each.reserve(qsizetype(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        d.each.append({values[i], dayOf(spans[i])});
    if (values.empty())
        return d;
    std::sort(values.begin(), values.end());
    d.medianSeconds = percentile(values, 50);
    d.p90Seconds = percentile(values, 90);
    return d;
}

} // namespace

Durations::Share Durations::within(qint64 seconds, int firstDay, int lastDay) const
{
    Share share;
    for (const auto &[length, day] : each) {
        if (day < firstDay || day > lastDay)
            continue;
        ++share.of;
        share.met += length <= seconds;
    }
    return share;
}

Result<ReportRequest> reportPeriod(const QString &period, const QDateTime &now,
                                   const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    QDate firstDay;
    QDate lastDay = today;
    static const QRegularExpression days(QStringLiteral("^([1-9][0-9]{0,3})d$"));
    static const QRegularExpression range(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"));
    if (period == u"today") {
        firstDay = today;
    } else if (const QRegularExpressionMatch m = days.match(period); m.hasMatch()) {
        firstDay = today.addDays(1 - m.captured(1).toInt());
    } else if (const QRegularExpressionMatch m = range.match(period); m.hasMatch()) {
        firstDay = QDate::fromString(m.captured(1), Qt::ISODate);
        lastDay = QDate::fromString(m.captured(2), Qt::ISODate);
        if (!firstDay.isValid() || !lastDay.isValid() || lastDay < firstDay ||
            firstDay.daysTo(lastDay) >= 3660)
            return Status(Status::Invalid,
                          QStringLiteral("--period %1: the dates must be real and FROM not after "
                                         "TO, at most ten years apart")
                              .arg(period));
    } else {
        return Status(Status::Invalid,
                      QStringLiteral("--period takes today, a number of days like 7d or 30d, or "
                                     "FROM..TO like 2026-11-01..2026-11-30; not \"%1\"")
                          .arg(period));
    }
    ReportRequest request;
    request.from = QDateTime(firstDay, QTime(0, 0), zone);
    request.to = QDateTime(lastDay.addDays(1), QTime(0, 0), zone);
    request.now = now;
    request.timeZone = zone;
    return request;
}

Result<Report> computeReport(const QString &storePath, const ReportRequest &request)
{
    auto opened = Database::open(storePath, Database::Mode::ReadOnly);
    if (!opened.good())
        return opened.status();
    return computeReport(**opened, request);
}

Result<Report> computeReport(LocalStore &store, const ReportRequest &request)
{
    return computeReport(store.database(), request);
}

Result<Report> computeReport(Database &db, const ReportRequest &request)
{
    if (!request.from.isValid() || !request.to.isValid() || request.to <= request.from)
        return Status(Status::Invalid, QStringLiteral("the report's period is empty"));
    const qint64 from = request.from.toMSecsSinceEpoch();
    const qint64 to = request.to.toMSecsSinceEpoch();
    const qint64 now = request.now.isValid() ? request.now.toMSecsSinceEpoch() : to;

    Report report;
    report.from = request.from;
    report.to = request.to;

    // Departments in the report, with the clock each counts durations by.
    QHash<QByteArray, int> departmentIndex; // id blob → index in report.departments
    QList<Clock> clocks;
    {
        auto s = db.prepare("SELECT id, name, business_hours, sla_policy FROM departments "
                            "ORDER BY name");
        if (!s.good())
            return s.status();
        while ((*s)->next()) {
            const QUuid id = uuidFromBlob((*s)->blob(0));
            if (!request.departments.isEmpty() && !request.departments.contains(id))
                continue;
            Clock clock;
            if (auto calendar = BusinessCalendar::parse((*s)->text(2)); calendar.good())
                clock.calendar = *calendar;
            auto policy = SlaPolicy::parse((*s)->text(3));
            clock.business = policy.good() && policy->basis() == SlaPolicy::TimeBasis::Business &&
                             clock.calendar.hasOpeningHours();
            departmentIndex.insert((*s)->blob(0), int(report.departments.size()));
            report.departments.append({id, (*s)->text(1)});
            clocks.append(clock);
        }
        if (!(*s)->status().good())
            return (*s)->status();
    }
    for (const QUuid &id : request.departments) {
        if (!departmentIndex.contains(uuidToBlob(id)))
            return Status(
                Status::NotFound,
                QStringLiteral("no department %1 in the local data").arg(uuidToString(id)));
    }

    // The days of the period in the request's zone.
    const QDate firstDay = request.from.toTimeZone(request.timeZone).date();
    const QDate lastDay = request.to.addMSecs(-1).toTimeZone(request.timeZone).date();
    // Where each day begins: a time's day is a binary search, not a time zone conversion (which
    // cost 70 ms over the 100,000 times of a month at a million tickets).
    std::vector<qint64> dayStarts;
    for (QDate d = firstDay; d <= lastDay; d = d.addDays(1)) {
        report.days.append({d});
        dayStarts.push_back(QDateTime(d, QTime(0, 0), request.timeZone).toMSecsSinceEpoch());
    }
    const auto dayIndex = [&](qint64 ms) { // clamped: a zone's midnight may fall in a DST gap
        const auto after = std::upper_bound(dayStarts.cbegin(), dayStarts.cend(), ms);
        return int(std::clamp<qsizetype>(after - dayStarts.cbegin() - 1, 0,
                                         qsizetype(dayStarts.size()) - 1));
    };
    const auto dayOf = [&](qint64 ms) -> ReportDay & { return report.days[dayIndex(ms)]; };

    QHash<QByteArray, qsizetype> agentIndex; // id blob → index in report.agents
    const auto agentOf = [&](const QByteArray &blob) -> ReportAgent & {
        auto it = agentIndex.constFind(blob);
        if (it == agentIndex.constEnd()) {
            it = agentIndex.insert(blob, report.agents.size());
            ReportAgent agent;
            agent.id = uuidFromBlob(blob);
            report.agents.append(agent);
        }
        return report.agents[*it];
    };

    // One pass over the tickets that are active now or were updated since the period began (a
    // ticket created or solved in it was): the indexes on status and on updated_ms find them.
    std::vector<Span> firstResponses;
    std::vector<Span> resolutions;
    qint64 csatSum = 0;
    auto s = db.prepare(
        request.backlogOnly
            ? "SELECT department_id, assignee_id, status, priority, created_ms FROM tickets WHERE "
              "spam = 0 AND merged_into IS NULL AND status < 4"
            : "SELECT department_id, assignee_id, status, priority, created_ms, "
              "first_response_ms, solved_ms, first_response_deadline_ms, resolution_deadline_ms, "
              "csat, id FROM tickets WHERE spam = 0 AND merged_into IS NULL AND (status < 4 OR "
              "updated_ms >= ?1)");
    if (!s.good())
        return s.status();
    Statement &st = **s;
    if (!request.backlogOnly)
        st.bind(1, from);
    while (st.next()) {
        const auto department = departmentIndex.constFind(st.blob(0));
        if (department == departmentIndex.constEnd())
            continue; // another department, or none
        ReportDepartment &dept = report.departments[*department];
        const int status = int(st.int64(2));
        const int priority = std::clamp(int(st.int64(3)), 0, 3);
        const qint64 created = st.int64(4);
        const bool active = status < int(TicketStatus::Solved);

        if (active && created <= now) {
            ++report.backlog[std::size_t(status)];
            ++dept.active;
            const qint64 age = now - created;
            const std::size_t bucket = age < kDayMs        ? 0
                                       : age < 3 * kDayMs  ? 1
                                       : age < 7 * kDayMs  ? 2
                                       : age < 30 * kDayMs ? 3
                                                           : 4;
            ++report.ageing[bucket];
            if (!st.isNull(1)) {
                ReportAgent &agent = agentOf(st.blob(1));
                ++agent.active;
                agent.load += kLoadWeights[std::size_t(priority)];
            }
        }
        if (request.backlogOnly)
            continue;
        const qint64 answered = st.isNull(5) ? kNever : st.int64(5);
        const qint64 solvedAt = st.isNull(6) ? kNever : st.int64(6);
        if (created >= from && created < to) {
            ++report.created;
            ++dept.created;
            ++dayOf(created).created;
            if (answered != kNever)
                firstResponses.push_back({*department, created, answered, st.blob(10)});
            // SLA attainment of the tickets created in the period: a deadline counts once it
            // was met or has passed.
            const auto attain = [&](int column, qint64 done, Attainment &a) {
                if (st.isNull(column))
                    return;
                const qint64 deadline = st.int64(column);
                if (done == kNever && deadline >= now)
                    return; // not due yet
                ++a.due;
                a.met += done <= deadline; // kNever: never done
            };
            attain(7, answered, report.firstResponseSla);
            attain(8, active ? kNever : solvedAt, report.resolutionSla);
        }
        if (!active && solvedAt >= from && solvedAt < to) {
            ++report.solved;
            ++dept.solved;
            ++dayOf(solvedAt).solved;
            resolutions.push_back({*department, created, solvedAt, st.blob(10)});
            if (!st.isNull(1))
                ++agentOf(st.blob(1)).solved;
            if (const qint64 csat = st.int64(9); csat > 0) {
                ++report.csatRatings;
                csatSum += csat;
                ReportDay &day = dayOf(solvedAt);
                ++day.csatRatings;
                day.csatStars += csat;
            }
        }
    }
    if (!st.status().good())
        return st.status();
    auto pauses = pausesOf(db, firstResponses, resolutions);
    if (!pauses.good())
        return pauses.status();
    report.firstResponse =
        durations(firstResponses, lengths(firstResponses, clocks, *pauses),
                  [&](const Span &span) { return dayIndex(span.from); }); // created
    report.resolution = durations(resolutions, lengths(resolutions, clocks, *pauses),
                                  [&](const Span &span) { return dayIndex(span.to); }); // solved
    if (report.csatRatings > 0)
        report.csatAverage = double(csatSum) / double(report.csatRatings);

    // Reopened: status events from solved or closed back to an active status in the period. A
    // reopened ticket was updated then, so the tickets updated since the period began are the
    // ones to look at, each by the history's index on ticket and time.
    if (!request.backlogOnly) {
        auto r = db.prepare(
            "SELECT t.department_id FROM tickets t WHERE t.updated_ms >= ?1 AND t.spam = 0 AND "
            "t.merged_into IS NULL AND EXISTS (SELECT 1 FROM history h WHERE h.ticket_id = t.id "
            "AND h.time_ms >= ?1 AND h.time_ms < ?2 AND h.field = 'status' AND h.old_value IN "
            "('solved', 'closed') AND h.new_value IN ('new', 'open', 'pending', 'on-hold'))");
        if (!r.good())
            return r.status();
        (*r)->bind(1, from).bind(2, to);
        while ((*r)->next())
            report.reopened += departmentIndex.contains((*r)->blob(0));
        if (!(*r)->status().good())
            return (*r)->status();
    }

    // Agents' names and addresses, and the busiest first.
    {
        auto a = db.prepare("SELECT id, name, email FROM agents");
        if (!a.good())
            return a.status();
        while ((*a)->next()) {
            if (const auto it = agentIndex.constFind((*a)->blob(0)); it != agentIndex.constEnd()) {
                report.agents[*it].name = (*a)->text(1);
                report.agents[*it].email = (*a)->text(2);
            }
        }
        if (!(*a)->status().good())
            return (*a)->status();
    }
    std::sort(report.agents.begin(), report.agents.end(),
              [](const ReportAgent &x, const ReportAgent &y) {
                  if (x.load != y.load)
                      return x.load > y.load;
                  if (x.solved != y.solved)
                      return x.solved > y.solved;
                  return x.name < y.name;
              });
    return report;
}

namespace {

// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
QByteArray csvField(const QString &text)
{
    QByteArray field = text.toUtf8();
    if (field.contains(',') || field.contains('"') || field.contains('\n') ||
        field.contains('\r')) {
        field.replace("\"", "\"\"");
        field = '"' + field + '"';
    }
    return field;
}

} // namespace

QByteArray reportCsv(const Report &r)
{
    QByteArray out = "figure,key,value\r\n";
    const auto row = [&out](const char *figure, const QString &key, const QString &value) {
        out += QByteArray(figure) + ',' + csvField(key) + ',' + csvField(value) + "\r\n";
    };
    const auto number = [&row](const char *figure, const QString &key, qint64 value) {
        row(figure, key, QString::number(value));
    };
    const auto seconds = [&row](const char *figure, const std::optional<qint64> &value) {
        row(figure, {}, value ? QString::number(*value) : QString());
    };
    row("period", QStringLiteral("from"), r.from.toString(Qt::ISODateWithMs));
    row("period", QStringLiteral("to"), r.to.toString(Qt::ISODateWithMs));
    for (int s = 0; s < 4; ++s)
        number("backlog", toString(TicketStatus(s)), r.backlog[std::size_t(s)]);
    static const char *const kAges[] = {"under_1d", "1d_3d", "3d_7d", "7d_30d", "30d_more"};
    for (std::size_t a = 0; a < r.ageing.size(); ++a)
        number("ageing", QLatin1String(kAges[a]), r.ageing[a]);
    number("created", {}, r.created);
    number("solved", {}, r.solved);
    number("reopened", {}, r.reopened);
    number("first_response_count", {}, r.firstResponse.count);
    seconds("first_response_median_seconds", r.firstResponse.medianSeconds);
    seconds("first_response_p90_seconds", r.firstResponse.p90Seconds);
    number("resolution_count", {}, r.resolution.count);
    seconds("resolution_median_seconds", r.resolution.medianSeconds);
    seconds("resolution_p90_seconds", r.resolution.p90Seconds);
    number("first_response_sla_due", {}, r.firstResponseSla.due);
    number("first_response_sla_met", {}, r.firstResponseSla.met);
    number("resolution_sla_due", {}, r.resolutionSla.due);
    number("resolution_sla_met", {}, r.resolutionSla.met);
    number("csat_ratings", {}, r.csatRatings);
    row("csat_average", {}, r.csatAverage ? QString::number(*r.csatAverage, 'f', 2) : QString());
    for (const ReportDepartment &d : r.departments) {
        number("department_active", d.name, d.active);
        number("department_created", d.name, d.created);
        number("department_solved", d.name, d.solved);
    }
    for (const ReportAgent &a : r.agents) {
        const QString name = a.name.isEmpty() ? uuidToString(a.id) : a.name;
        number("agent_active", name, a.active);
        number("agent_load", name, a.load);
        number("agent_solved", name, a.solved);
    }
    for (const ReportDay &d : r.days) {
        number("day_created", d.day.toString(Qt::ISODate), d.created);
        number("day_solved", d.day.toString(Qt::ISODate), d.solved);
        if (d.csatRatings > 0)
            row("day_csat_average", d.day.toString(Qt::ISODate),
                QString::number(double(d.csatStars) / double(d.csatRatings), 'f', 2));
    }
    return out;
}

} // namespace Pult
