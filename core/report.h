#pragma once

// The figures a team lead reviews a period by (issue 20): the backlog now, by status, department
// and agent, its ageing, tickets created and solved per day, first-response and resolution times,
// SLA attainment, satisfaction and reopened tickets. Computed from the local store, so it works
// offline, on a connection that is not the UI thread's (the dashboard's reader thread);
// `pultctl report` prints it (docs/pultctl.md) and the window's dashboard draws it.

#include "domain.h"
#include "status.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUuid>

#include <array>
#include <limits>
#include <optional>

namespace Pult {

class LocalStore;
namespace Sql {
class Database;
}

struct ReportRequest
{
    QDateTime from; // the period: from (inclusive) to (exclusive)
    QDateTime to;
    QDateTime now;            // the backlog and its ageing are counted at this moment
    QList<QUuid> departments; // empty: every department the store holds
    QTimeZone timeZone = QTimeZone::systemTimeZone(); // days are this zone's calendar days
    // Only the state now: the backlog, its ageing, and the departments' and agents' active
    // tickets, read from the active tickets alone (an index range of a few thousand rows where
    // the whole report reads the period's tickets too). The dashboard draws it first.
    bool backlogOnly = false;
};

// How long something took, in the time the department's SLA policy counts: business seconds of
// its calendar, or calendar seconds for a policy on calendar time, without the times the ticket
// was neither new nor open (pending, on hold, solved before a reopening), when SLA clocks stand
// still (docs/sla.md).
struct Durations
{
    qint64 count = 0;
    std::optional<qint64> medianSeconds;
    std::optional<qint64> p90Seconds;
    // Each measured ticket's time in seconds, with the index in Report::days of its day (the day
    // it was created, for first responses; solved, for resolutions): for the share within a goal.
    QList<std::pair<qint64, int>> each;
    struct Share
    {
        qint64 met = 0; // took at most the time
        qint64 of = 0;
    };
    // How many of the days firstDay to lastDay (indexes into Report::days) took at most
    // `seconds`.
    Share within(qint64 seconds, int firstDay = 0,
                 int lastDay = std::numeric_limits<int>::max()) const;
};

// Of the tickets created in the period, the deadlines that were met or have passed by `now`,
// and how many were met in time.
struct Attainment
{
    qint64 due = 0;
    qint64 met = 0;
};

struct ReportDepartment
{
    QUuid id;
    QString name;
    qint64 active = 0;  // new, open, pending, on hold: now
    qint64 created = 0; // in the period
    qint64 solved = 0;
};

struct ReportAgent
{
    QUuid id;
    QString name;
    QString email; // tells apart agents of the same name
    qint64 active = 0;
    qint64 load = 0; // active tickets weighted by priority: low 1, normal 2, high 3, urgent 4
    qint64 solved = 0;
};

struct ReportDay
{
    QDate day;
    qint64 created = 0;
    qint64 solved = 0;
    qint64 csatRatings = 0; // of the tickets solved that day
    qint64 csatStars = 0;   // their ratings added up
};

struct Report
{
    QDateTime from;
    QDateTime to;
    std::array<qint64, 4> backlog{}; // active tickets now: new, open, pending, on hold
    // Active tickets by age now: under 1 day, 1–3 days, 3–7 days, 7–30 days, 30 days and more.
    std::array<qint64, 5> ageing{};
    QList<ReportDepartment> departments; // in name order
    QList<ReportAgent> agents;           // agents with active or solved tickets, by load
    QList<ReportDay> days;               // every day of the period, oldest first
    qint64 created = 0;
    qint64 solved = 0;
    Durations firstResponse; // tickets created in the period and answered
    Durations resolution;    // tickets solved in the period
    Attainment firstResponseSla;
    Attainment resolutionSla;
    qint64 csatRatings = 0;            // of the tickets solved in the period
    std::optional<double> csatAverage; // 1 to 5
    // Tickets reopened in the period: set back from solved or closed to new, open, pending or on
    // hold (the history's status events; the ticket's update time follows them).
    qint64 reopened = 0;
};

// The request for a period as `pultctl report --period` and the dashboard name it: `today`, a
// number of days ending today (`7d`, `30d`), or two dates `FROM..TO`, both included; whole days
// of `zone`, the backlog counted at `now`. Errors: a period that is none of these, or dates not
// real, FROM after TO, or more than ten years apart.
Result<ReportRequest> reportPeriod(const QString &period, const QDateTime &now,
                                   const QTimeZone &zone);

// Spam and merged tickets are left out. Errors: the store cannot be read, or an unknown
// department. On a read-only connection of its own to the store file (pultctl), on a store's
// connection (the dashboard's reader thread), or on a database.
Result<Report> computeReport(const QString &storePath, const ReportRequest &request);
Result<Report> computeReport(LocalStore &store, const ReportRequest &request);
Result<Report> computeReport(Sql::Database &db, const ReportRequest &request);

// The report as one CSV table (RFC 4180, UTF-8, CRLF) of `figure,key,value` rows, for a
// spreadsheet: `backlog,open,12`, `first_response_median_seconds,,3600`,
// `day_created,2026-11-05,40`, `agent_active,Ana Novak,7`. Durations in seconds, empty where
// there is none.
QByteArray reportCsv(const Report &report);

} // namespace Pult
