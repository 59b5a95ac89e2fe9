#pragma once

#include "status.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <array>
#include <vector>

namespace Pult {

// One span of opening hours within a local day, in minutes after local midnight: [start, end).
// An interval never crosses midnight; a whole day is 0..1440 (written 00:00-24:00).
struct OpeningInterval
{
    int startMinute = 0; // 0..1439
    int endMinute = 0;   // 1..1440, greater than startMinute
    friend bool operator==(const OpeningInterval &, const OpeningInterval &) = default;
};

// A department's business hours: weekly opening intervals in one IANA time zone, minus holidays.
//
// Semantics: an instant is open when its local wall-clock time (in the calendar's zone) falls on a
// non-holiday date inside one of that weekday's intervals. So a day open 00:00-24:00 is 23 hours
// long on a spring-forward Sunday and 25 hours on a fall-back Sunday; wall-clock times skipped by
// a DST gap are never open, repeated times are open twice.
//
// All instants passed in and returned are absolute (returned ones are UTC). The text form is
// described in docs/business-hours.md, e.g.
//   tz=Europe/Ljubljana; mon-fri 08:00-12:00, 13:00-16:00; sat 09:00-12:00;
//   holiday 2026-12-24; yearly 12-25, 01-01
class BusinessCalendar
{
public:
    BusinessCalendar(); // UTC, never open
    explicit BusinessCalendar(QTimeZone zone);

    // Parses the text form; errors say where ("column 23: 17:00-16:00 ends before it starts").
    static Result<BusinessCalendar> parse(const QString &text);
    // The canonical text form; parse(toString()) gives an equal calendar.
    QString toString() const;

    const QTimeZone &timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    // Adds [startMinute, endMinute) on a weekday (1 = Monday .. 7 = Sunday); Invalid when out of
    // range, empty or overlapping an interval already there.
    Status addOpening(int dayOfWeek, int startMinute, int endMinute);
    const QList<OpeningInterval> &openings(int dayOfWeek) const;
    bool hasOpeningHours() const;

    void addHoliday(QDate date) { m_holidays.insert(date); }
    void addYearlyHoliday(int month, int day) { m_yearly.insert(month * 100 + day); }
    bool isHoliday(QDate localDate) const;
    const QSet<QDate> &holidays() const { return m_holidays; }
    const QSet<int> &yearlyHolidays() const { return m_yearly; } // month * 100 + day

    bool isOpen(const QDateTime &t) const;
    // t itself when open, else the start of the next opening within 400 days; an invalid
    // QDateTime when there is none (e.g. a calendar without opening hours).
    QDateTime nextOpening(const QDateTime &t) const;
    // Open seconds in [a, b); 0 when b <= a.
    qint64 businessSecondsBetween(const QDateTime &a, const QDateTime &b) const;
    // The instant at which `seconds` of open time have elapsed after start (start itself for
    // seconds <= 0); invalid when the calendar stays closed for more than 400 days.
    QDateTime addBusinessSeconds(const QDateTime &start, qint64 seconds) const;

    friend bool operator==(const BusinessCalendar &a, const BusinessCalendar &b);

    // Business time between many pairs of instants within one span (below).
    class Timeline;

private:
    struct Range
    {
        qint64 fromMs;
        qint64 toMs;
    };
    QList<Range> openRanges(qint64 fromMs, qint64 toMs) const;

    QTimeZone m_zone;
    std::array<QList<OpeningInterval>, 7> m_week; // [dayOfWeek - 1], sorted and disjoint
    QSet<QDate> m_holidays;
    QSet<int> m_yearly; // month * 100 + day
};

// Business time between many pairs of instants within one span, each answered by a binary
// search: the open ranges of the span are listed once, where businessSecondsBetween() walks
// them anew for every pair. Instants outside the span are taken to its edges.
class BusinessCalendar::Timeline
{
public:
    Timeline(const BusinessCalendar &calendar, qint64 fromMs, qint64 toMs);
    // Equal to businessSecondsBetween() for instants within the span.
    qint64 secondsBetween(qint64 aMs, qint64 bMs) const;

private:
    qint64 openMsBefore(qint64 ms) const;
    std::vector<Range> m_ranges;
    std::vector<qint64> m_openBefore; // open milliseconds before each range
};

} // namespace Pult
