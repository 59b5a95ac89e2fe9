#include "businesshours.h"

#include "diagnostics.h"

#include <QStringList>

#include <algorithm>
#include <limits>

// Design
// ------
// Opening hours are defined on local wall-clock time; queries take and return absolute instants.
// The bridge is the zone's offset timeline: a list of segments [from, next.from) with a constant
// UTC offset, taken from QTimeZone::transitions() (never a fixed offset). A local interval
// [L0, L1) on date D maps, within a segment of offset o, to the UTC range [L0 - o, L1 - o)
// clipped to the segment. Doing this for every segment yields exactly the instants whose local
// time lies in the interval: gap times produce nothing, repeated times produce two pieces.
//
// openRanges(u0, u1) returns the open time within the UTC window [u0, u1) as sorted, disjoint,
// merged ranges. It looks at the local dates one day either side of the window (local dates are
// not monotonic around a transition at midnight) and clips to the window, so consecutive windows
// partition the open time exactly. All walking (between, add, next) goes window by window, day by
// day over the intervals, never minute by minute.
//
// Invariants: each weekday's intervals are sorted and disjoint, 0 <= start < end <= 1440.

namespace Pult {

namespace {

constexpr qint64 MsPerMinute = 60 * 1000;
constexpr qint64 MsPerDay = 24 * 60 * MsPerMinute;
constexpr qint64 JulianDayOfEpoch = 2440588; // 1970-01-01
constexpr qint64 WindowMs = 28 * MsPerDay;
constexpr qint64 MaxClosedMs = 400 * MsPerDay;

const char *const DayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char *const LongDayNames[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The local midnight of a date, read as if it were UTC (the "local epoch" timeline).
qint64 localMidnightMs(QDate d)
{
    return (d.toJulianDay() - JulianDayOfEpoch) * MsPerDay;
}

QDate dateOfLocalMs(qint64 localMs)
{
    return QDate::fromJulianDay(floorDiv(localMs, MsPerDay) + JulianDayOfEpoch);
}

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

struct OffsetSegment
{
    qint64 fromMs;
    qint64 offsetMs;
};

// Constant-offset segments covering [fromMs, toMs]; the first one extends to -infinity.
QList<OffsetSegment> offsetSegments(const QTimeZone &zone, qint64 fromMs, qint64 toMs)
{
    QList<OffsetSegment> out;
    out.append(
        {std::numeric_limits<qint64>::min(), qint64(zone.offsetFromUtc(utcFromMs(fromMs))) * 1000});
    if (zone.hasTransitions()) {
        const auto transitions = zone.transitions(utcFromMs(fromMs), utcFromMs(toMs));
        for (const auto &t : transitions) {
            const qint64 at = t.atUtc.toMSecsSinceEpoch();
            const qint64 offset = qint64(t.offsetFromUtc) * 1000;
            if (at <= fromMs)
                out.last().offsetMs = offset;
            else if (offset != out.last().offsetMs)
                out.append({at, offset});
        }
    }
    return out;
}

QString minuteText(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

QString intervalText(const OpeningInterval &iv)
{
    return minuteText(iv.startMinute) + QLatin1Char('-') + minuteText(iv.endMinute);
}

QString longDayName(int dayOfWeek)
{
    QString name = QString::fromLatin1(LongDayNames[dayOfWeek - 1]);
    name[0] = name[0].toUpper();
    return name;
}

// ---- parsing ----

struct Word
{
    QStringView text;
    qsizetype pos; // offset in the whole text
};

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    Result<BusinessCalendar> run();

private:
    Status error(qsizetype pos, const QString &message) const;
    Status clause(qsizetype begin, qsizetype end);
    Status timeZoneClause(qsizetype begin, qsizetype end);
    Status dayClause(const QList<Word> &words);
    Status holidayClause(const QList<Word> &words, bool yearly);
    static int dayIndex(QStringView name);
    std::optional<int> parseTime(QStringView text) const;

    const QString &m_text;
    BusinessCalendar m_calendar;
    bool m_haveZone = false;
};

Status Parser::error(qsizetype pos, const QString &message) const
{
    return Status(Status::Invalid, describePosition(m_text, pos) + QStringLiteral(": ") + message);
}

Result<BusinessCalendar> Parser::run()
{
    qsizetype begin = 0;
    const qsizetype n = m_text.size();
    while (begin <= n) {
        qsizetype end = begin;
        while (end < n && m_text[end] != QLatin1Char(';') && m_text[end] != QLatin1Char('\n') &&
               m_text[end] != QLatin1Char('#'))
            ++end;
        const Status s = clause(begin, end);
        if (!s.good())
            return s;
        if (end < n && m_text[end] == QLatin1Char('#')) { // comment to the end of the line
            while (end < n && m_text[end] != QLatin1Char('\n'))
                ++end;
        }
        begin = end + 1;
    }
    if (!m_haveZone)
        return error(0,
                     QStringLiteral("missing time zone; start with e.g. \"tz=Europe/Ljubljana\""));
    return m_calendar;
}

Status Parser::clause(qsizetype begin, qsizetype end)
{
    QList<Word> words;
    qsizetype i = begin;
    const auto isSeparator = [](QChar c) { return c.isSpace() || c == QLatin1Char(','); };
    while (i < end) {
        while (i < end && isSeparator(m_text[i]))
            ++i;
        const qsizetype start = i;
        while (i < end && !isSeparator(m_text[i]))
            ++i;
        if (i > start)
            words.append({QStringView(m_text).mid(start, i - start), start});
    }
    if (words.isEmpty())
        return {};
    const QStringView first = words.first().text;
    if (first.compare(QLatin1String("tz"), Qt::CaseInsensitive) == 0 ||
        first.startsWith(QLatin1String("tz="), Qt::CaseInsensitive))
        return timeZoneClause(words.first().pos + 2, end);
    if (first.compare(QLatin1String("holiday"), Qt::CaseInsensitive) == 0)
        return holidayClause(words, false);
    if (first.compare(QLatin1String("yearly"), Qt::CaseInsensitive) == 0)
        return holidayClause(words, true);
    return dayClause(words);
}

Status Parser::timeZoneClause(qsizetype begin, qsizetype end)
{
    qsizetype i = begin;
    while (i < end && m_text[i].isSpace())
        ++i;
    if (i < end && m_text[i] == QLatin1Char('='))
        ++i;
    while (i < end && m_text[i].isSpace())
        ++i;
    qsizetype last = end;
    while (last > i && m_text[last - 1].isSpace())
        --last;
    const QString id = m_text.mid(i, last - i);
    if (m_haveZone)
        return error(begin - 2, QStringLiteral("time zone given twice"));
    if (id.isEmpty())
        return error(i,
                     QStringLiteral("missing time zone after \"tz=\", e.g. tz=Europe/Ljubljana"));
    const QByteArray utf8 = id.toUtf8();
    if (QTimeZone::isTimeZoneIdAvailable(utf8)) {
        QTimeZone zone(utf8);
        if (zone.isValid()) {
            m_calendar.setTimeZone(zone);
            m_haveZone = true;
            return {};
        }
    }
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    const auto available = QTimeZone::availableTimeZoneIds();
    for (const QByteArray &candidate : available) {
        const QString name = QString::fromUtf8(candidate);
        const int d = editDistance(id, name);
        if (d < bestDistance) {
            bestDistance = d;
            best = name;
        }
    }
    QString message = QStringLiteral("unknown time zone \"%1\"").arg(id);
    if (!best.isEmpty() && bestDistance <= std::max<int>(2, int(id.size()) / 4))
        message += QStringLiteral("; did you mean \"%1\"?").arg(best);
    else
        message += QStringLiteral("; use an IANA zone id such as Europe/Ljubljana");
    return error(i, message);
}

int Parser::dayIndex(QStringView name)
{
    for (int d = 0; d < 7; ++d) {
        if (name.compare(QLatin1String(DayNames[d]), Qt::CaseInsensitive) == 0 ||
            name.compare(QLatin1String(LongDayNames[d]), Qt::CaseInsensitive) == 0)
            return d;
    }
    return -1;
}

std::optional<int> Parser::parseTime(QStringView text) const
{
    if (text.size() != 5 || text[2] != QLatin1Char(':'))
        return std::nullopt;
    for (int i : {0, 1, 3, 4}) {
        if (!text[i].isDigit())
            return std::nullopt;
    }
    const int hours = text[0].digitValue() * 10 + text[1].digitValue();
    const int minutes = text[3].digitValue() * 10 + text[4].digitValue();
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return std::nullopt;
    return hours * 60 + minutes;
}

Status Parser::dayClause(const QList<Word> &words)
{
    QList<int> days; // 0-based
    qsizetype index = 0;
    for (; index < words.size(); ++index) {
        const Word &w = words[index];
        if (!w.text.isEmpty() && w.text[0].isDigit())
            break; // the opening intervals start here
        const qsizetype dash = w.text.indexOf(QLatin1Char('-'));
        const QStringView from = dash < 0 ? w.text : w.text.left(dash);
        const QStringView to = dash < 0 ? w.text : w.text.mid(dash + 1);
        const int a = dayIndex(from);
        const int b = dayIndex(to);
        if (a < 0 || b < 0) {
            const QStringView bad = a < 0 ? from : to;
            return error(a < 0 ? w.pos : w.pos + dash + 1,
                         QStringLiteral("unknown day or keyword \"%1\"; expected a day (mon, tue, "
                                        "wed, thu, fri, sat, sun), a range such as mon-fri, "
                                        "tz=, holiday or yearly")
                             .arg(bad.toString()));
        }
        for (int d = a;; d = (d + 1) % 7) { // a range may wrap: fri-mon
            if (!days.contains(d))
                days.append(d);
            if (d == b)
                break;
        }
    }
    if (index == words.size()) {
        const Word &last = words.last();
        return error(last.pos + last.text.size(),
                     QStringLiteral("\"%1\" needs opening hours, e.g. %1 08:00-16:00")
                         .arg(m_text.mid(words.first().pos,
                                         last.pos + last.text.size() - words.first().pos)));
    }
    if (days.isEmpty())
        return error(words.first().pos,
                     QStringLiteral("opening hours need a day first, e.g. mon-fri %1")
                         .arg(words.first().text.toString()));
    for (; index < words.size(); ++index) {
        const Word &w = words[index];
        const qsizetype dash = w.text.indexOf(QLatin1Char('-'));
        if (dash < 0)
            return error(w.pos, QStringLiteral("\"%1\" is not an interval; write HH:MM-HH:MM, "
                                               "e.g. 08:00-16:00")
                                    .arg(w.text.toString()));
        const auto start = parseTime(w.text.left(dash));
        if (!start || *start == 24 * 60)
            return error(w.pos, QStringLiteral("\"%1\" is not a time; write HH:MM, e.g. 08:00")
                                    .arg(w.text.left(dash).toString()));
        const auto end = parseTime(w.text.mid(dash + 1));
        if (!end)
            return error(w.pos + dash + 1,
                         QStringLiteral("\"%1\" is not a time; write HH:MM, e.g. 16:00 or 24:00")
                             .arg(w.text.mid(dash + 1).toString()));
        if (*end < *start)
            return error(w.pos, QStringLiteral("%1 ends before it starts (an interval cannot "
                                               "cross midnight: write %2-24:00 on one day and "
                                               "00:00-%3 on the next)")
                                    .arg(w.text.toString(), minuteText(*start), minuteText(*end)));
        if (*end == *start)
            return error(w.pos, QStringLiteral("%1 is empty").arg(w.text.toString()));
        for (int d : days) {
            for (const OpeningInterval &iv : m_calendar.openings(d + 1)) {
                if (*start < iv.endMinute && iv.startMinute < *end)
                    return error(w.pos,
                                 QStringLiteral("%1 overlaps %2 on %3")
                                     .arg(w.text.toString(), intervalText(iv), longDayName(d + 1)));
            }
            const Status s = m_calendar.addOpening(d + 1, *start, *end);
            Q_ASSERT(s.good());
        }
    }
    return {};
}

Status Parser::holidayClause(const QList<Word> &words, bool yearly)
{
    if (words.size() == 1)
        return error(words.first().pos + words.first().text.size(),
                     yearly ? QStringLiteral("\"yearly\" needs a month and day, e.g. yearly 12-25")
                            : QStringLiteral("\"holiday\" needs a date, e.g. holiday 2026-12-24"));
    for (qsizetype i = 1; i < words.size(); ++i) {
        const Word &w = words[i];
        if (yearly) {
            const QDate d = QDate::fromString(QStringLiteral("2000-") + w.text.toString(),
                                              QStringLiteral("yyyy-MM-dd"));
            if (w.text.size() != 5 || !d.isValid())
                return error(w.pos, QStringLiteral("\"%1\" is not a month and day; write MM-DD, "
                                                   "e.g. 12-25")
                                        .arg(w.text.toString()));
            m_calendar.addYearlyHoliday(d.month(), d.day());
        } else {
            const QDate d = QDate::fromString(w.text.toString(), QStringLiteral("yyyy-MM-dd"));
            if (w.text.size() != 10 || !d.isValid())
                return error(w.pos, QStringLiteral("\"%1\" is not a date; write YYYY-MM-DD, "
                                                   "e.g. 2026-12-24")
                                        .arg(w.text.toString()));
            m_calendar.addHoliday(d);
        }
    }
    return {};
}

} // namespace

BusinessCalendar::BusinessCalendar()
    : m_zone(QByteArrayLiteral("UTC"))
{}

BusinessCalendar::BusinessCalendar(QTimeZone zone)
    : m_zone(std::move(zone))
{}

Result<BusinessCalendar> BusinessCalendar::parse(const QString &text)
{
    return Parser(text).run();
}

QString BusinessCalendar::toString() const
{
    QStringList parts;
    parts.append(QStringLiteral("tz=") + QString::fromUtf8(m_zone.id()));
    for (int i = 0; i < 7;) {
        if (m_week[i].isEmpty()) {
            ++i;
            continue;
        }
        int j = i;
        while (j + 1 < 7 && m_week[j + 1] == m_week[i])
            ++j;
        QString days = QString::fromLatin1(DayNames[i]);
        if (j > i)
            days += QLatin1Char('-') + QString::fromLatin1(DayNames[j]);
        QStringList intervals;
        for (const OpeningInterval &iv : m_week[i])
            intervals.append(intervalText(iv));
        parts.append(days + QLatin1Char(' ') + intervals.join(QStringLiteral(", ")));
        i = j + 1;
    }
    if (!m_holidays.isEmpty()) {
        QList<QDate> dates(m_holidays.cbegin(), m_holidays.cend());
        std::sort(dates.begin(), dates.end());
        QStringList texts;
        for (QDate d : dates)
            texts.append(d.toString(Qt::ISODate));
        parts.append(QStringLiteral("holiday ") + texts.join(QStringLiteral(", ")));
    }
    if (!m_yearly.isEmpty()) {
        QList<int> days(m_yearly.cbegin(), m_yearly.cend());
        std::sort(days.begin(), days.end());
        QStringList texts;
        for (int md : days)
            texts.append(QStringLiteral("%1-%2")
                             .arg(md / 100, 2, 10, QLatin1Char('0'))
                             .arg(md % 100, 2, 10, QLatin1Char('0')));
        parts.append(QStringLiteral("yearly ") + texts.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

Status BusinessCalendar::addOpening(int dayOfWeek, int startMinute, int endMinute)
{
    if (dayOfWeek < 1 || dayOfWeek > 7)
        return Status(Status::Invalid, QStringLiteral("day of week %1 is not 1..7").arg(dayOfWeek));
    if (startMinute < 0 || endMinute > 24 * 60 || endMinute <= startMinute)
        return Status(Status::Invalid, QStringLiteral("%1-%2 is not an interval within a day")
                                           .arg(minuteText(startMinute), minuteText(endMinute)));
    QList<OpeningInterval> &day = m_week[dayOfWeek - 1];
    for (const OpeningInterval &iv : day) {
        if (startMinute < iv.endMinute && iv.startMinute < endMinute)
            return Status(Status::Invalid, QStringLiteral("%1-%2 overlaps %3 on %4")
                                               .arg(minuteText(startMinute), minuteText(endMinute),
                                                    intervalText(iv), longDayName(dayOfWeek)));
    }
    const OpeningInterval added{startMinute, endMinute};
    day.insert(std::upper_bound(day.begin(), day.end(), added,
                                [](const OpeningInterval &a, const OpeningInterval &b) {
                                    return a.startMinute < b.startMinute;
                                }),
               added);
    return {};
}

const QList<OpeningInterval> &BusinessCalendar::openings(int dayOfWeek) const
{
    Q_ASSERT(dayOfWeek >= 1 && dayOfWeek <= 7);
    return m_week[dayOfWeek - 1];
}

bool BusinessCalendar::hasOpeningHours() const
{
    return std::any_of(m_week.cbegin(), m_week.cend(),
                       [](const QList<OpeningInterval> &day) { return !day.isEmpty(); });
}

bool BusinessCalendar::isHoliday(QDate localDate) const
{
    return m_holidays.contains(localDate) ||
           m_yearly.contains(localDate.month() * 100 + localDate.day());
}

bool BusinessCalendar::isOpen(const QDateTime &t) const
{
    if (!t.isValid())
        return false;
    const QDateTime local = t.toTimeZone(m_zone);
    const QDate date = local.date();
    if (isHoliday(date))
        return false;
    const qint64 ms = local.time().msecsSinceStartOfDay();
    for (const OpeningInterval &iv : m_week[date.dayOfWeek() - 1]) {
        if (iv.startMinute * MsPerMinute <= ms && ms < iv.endMinute * MsPerMinute)
            return true;
    }
    return false;
}

QList<BusinessCalendar::Range> BusinessCalendar::openRanges(qint64 fromMs, qint64 toMs) const
{
    QList<Range> ranges;
    if (toMs <= fromMs)
        return ranges;
    const auto localDate = [this](qint64 utcMs) {
        return dateOfLocalMs(utcMs + qint64(m_zone.offsetFromUtc(utcFromMs(utcMs))) * 1000);
    };
    const QDate firstDate = localDate(fromMs).addDays(-1);
    const QDate lastDate = localDate(toMs).addDays(1);
    const QList<OffsetSegment> segments =
        offsetSegments(m_zone, localMidnightMs(firstDate) - 2 * MsPerDay,
                       localMidnightMs(lastDate) + 3 * MsPerDay);
    for (QDate d = firstDate; d <= lastDate; d = d.addDays(1)) {
        const QList<OpeningInterval> &day = m_week[d.dayOfWeek() - 1];
        if (day.isEmpty() || isHoliday(d))
            continue;
        const qint64 midnight = localMidnightMs(d);
        for (const OpeningInterval &iv : day) {
            const qint64 localFrom = midnight + iv.startMinute * MsPerMinute;
            const qint64 localTo = midnight + iv.endMinute * MsPerMinute;
            for (qsizetype k = 0; k < segments.size(); ++k) {
                const qint64 segFrom = segments[k].fromMs;
                const qint64 segTo = k + 1 < segments.size() ? segments[k + 1].fromMs
                                                             : std::numeric_limits<qint64>::max();
                const qint64 lo = std::max({localFrom - segments[k].offsetMs, segFrom, fromMs});
                const qint64 hi = std::min({localTo - segments[k].offsetMs, segTo, toMs});
                if (lo < hi)
                    ranges.append({lo, hi});
            }
        }
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const Range &a, const Range &b) { return a.fromMs < b.fromMs; });
    QList<Range> merged;
    for (const Range &r : std::as_const(ranges)) {
        if (!merged.isEmpty() && r.fromMs <= merged.last().toMs)
            merged.last().toMs = std::max(merged.last().toMs, r.toMs);
        else
            merged.append(r);
    }
    return merged;
}

QDateTime BusinessCalendar::nextOpening(const QDateTime &t) const
{
    if (!t.isValid() || !hasOpeningHours())
        return {};
    if (isOpen(t))
        return t.toUTC();
    const qint64 start = t.toMSecsSinceEpoch();
    const qint64 limit = start + MaxClosedMs;
    for (qint64 from = start; from < limit; from += WindowMs) {
        const QList<Range> ranges = openRanges(from, std::min(from + WindowMs, limit));
        if (!ranges.isEmpty())
            return utcFromMs(ranges.first().fromMs);
    }
    return {};
}

qint64 BusinessCalendar::businessSecondsBetween(const QDateTime &a, const QDateTime &b) const
{
    if (!a.isValid() || !b.isValid() || !hasOpeningHours())
        return 0;
    const qint64 to = b.toMSecsSinceEpoch();
    qint64 totalMs = 0;
    for (qint64 from = a.toMSecsSinceEpoch(); from < to; from += WindowMs) {
        for (const Range &r : openRanges(from, std::min(from + WindowMs, to)))
            totalMs += r.toMs - r.fromMs;
    }
    return totalMs / 1000;
}

BusinessCalendar::Timeline::Timeline(const BusinessCalendar &calendar, qint64 fromMs, qint64 toMs)
{
    if (!calendar.hasOpeningHours())
        return;
    qint64 open = 0;
    for (qint64 from = fromMs; from < toMs; from += WindowMs) {
        for (const Range &r : calendar.openRanges(from, std::min(from + WindowMs, toMs))) {
            m_ranges.push_back(r);
            m_openBefore.push_back(open);
            open += r.toMs - r.fromMs;
        }
    }
}

qint64 BusinessCalendar::Timeline::openMsBefore(qint64 ms) const
{
    // The first range that ends after ms: everything before it is open time before ms, and ms
    // may lie inside it.
    const auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), ms,
                                     [](qint64 t, const Range &r) { return t < r.toMs; });
    if (it == m_ranges.end())
        return m_ranges.empty()
                   ? 0
                   : m_openBefore.back() + (m_ranges.back().toMs - m_ranges.back().fromMs);
    const std::size_t i = std::size_t(it - m_ranges.begin());
    return m_openBefore[i] + std::max<qint64>(0, ms - it->fromMs);
}

qint64 BusinessCalendar::Timeline::secondsBetween(qint64 aMs, qint64 bMs) const
{
    if (bMs <= aMs)
        return 0;
    return (openMsBefore(bMs) - openMsBefore(aMs)) / 1000;
}

QDateTime BusinessCalendar::addBusinessSeconds(const QDateTime &start, qint64 seconds) const
{
    if (!start.isValid())
        return {};
    if (seconds <= 0)
        return start.toUTC();
    if (!hasOpeningHours())
        return {};
    qint64 remaining = seconds * 1000;
    qint64 lastOpen = start.toMSecsSinceEpoch();
    for (qint64 from = lastOpen; from - lastOpen <= MaxClosedMs; from += WindowMs) {
        for (const Range &r : openRanges(from, from + WindowMs)) {
            const qint64 length = r.toMs - r.fromMs;
            if (length >= remaining)
                return utcFromMs(r.fromMs + remaining);
            remaining -= length;
            lastOpen = r.toMs;
        }
    }
    return {};
}

bool operator==(const BusinessCalendar &a, const BusinessCalendar &b)
{
    return a.m_zone.id() == b.m_zone.id() && a.m_week == b.m_week && a.m_holidays == b.m_holidays &&
           a.m_yearly == b.m_yearly;
}

} // namespace Pult
