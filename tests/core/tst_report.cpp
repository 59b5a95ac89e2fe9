// The lead's report (core/report.h) over a generated help desk, every figure checked against SQL
// written here independently of the report's own query: the backlog by status, age, department
// and agent, created and solved per day, response and resolution times, SLA attainment,
// satisfaction and reopened tickets; a department's report; and the refusals.

#include "businesshours.h"
#include "demodata.h"
#include "localstore.h"
#include "report.h"
#include "sla.h"
#include "sqlitedb.h"
#include "uuid.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Pult;

namespace {

const QDateTime kNow(QDate(2026, 12, 8), QTime(15, 0), Qt::UTC);

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Sql::Database> m_sql;
    ReportRequest m_request;

    // One number from SQL over the tickets the report counts, with ?1 = from and ?2 = to.
    qint64 count(const QString &where)
    {
        auto s = m_sql->prepareBuilt(
            QStringLiteral("SELECT count(*) FROM tickets WHERE spam = 0 AND merged_into IS NULL "
                           "AND %1")
                .arg(where)
                .toUtf8());
        if (!s.good())
            return -1;
        (*s)->bind(1, m_request.from.toMSecsSinceEpoch()).bind(2, m_request.to.toMSecsSinceEpoch());
        const qint64 n = (*s)->next() ? (*s)->int64(0) : -1;
        (*s)->reset();
        return n;
    }

    // The nearest-rank percentile.
    static qint64 percentile(std::vector<qint64> values, int percent)
    {
        std::sort(values.begin(), values.end());
        const auto rank = std::size_t(std::ceil(percent / 100.0 * double(values.size())));
        return values[std::max<std::size_t>(rank, 1) - 1];
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("report.db"));
        auto store = LocalStore::open(path);
        QVERIFY(store.good());
        m_store = std::move(*store);
        DemoOptions options;
        options.tickets = 4000;
        options.now = kNow;
        QVERIFY(generateDemoData(*m_store, options).good());
        auto sql = Sql::Database::open(path, Sql::Database::Mode::ReadOnly);
        QVERIFY(sql.good());
        m_sql = std::move(*sql);
        m_request.from = kNow.addDays(-30);
        m_request.to = kNow;
        m_request.now = kNow;
        m_request.timeZone = QTimeZone::utc();
    }

    void figuresAgreeWithSql()
    {
        auto report = computeReport(m_store->path(), m_request);
        QVERIFY2(report.good(), qPrintable(report.status().message()));
        const Report &r = *report;

        for (int s = 0; s < 4; ++s)
            QCOMPARE(r.backlog[std::size_t(s)], count(QStringLiteral("status = %1").arg(s)));
        const qint64 now = kNow.toMSecsSinceEpoch();
        const qint64 day = 24 * 3600 * 1000;
        const QList<std::pair<qint64, qint64>> ages{
            {0, day}, {day, 3 * day}, {3 * day, 7 * day}, {7 * day, 30 * day}, {30 * day, now}};
        for (qsizetype i = 0; i < ages.size(); ++i) {
            QCOMPARE(r.ageing[std::size_t(i)],
                     count(QStringLiteral("status < 4 AND %1 - created_ms >= %2 AND %1 - "
                                          "created_ms < %3")
                               .arg(now)
                               .arg(ages[i].first)
                               .arg(ages[i].second)));
        }
        QVERIFY(r.backlog[0] + r.backlog[1] + r.backlog[2] + r.backlog[3] > 0);

        QCOMPARE(r.created, count(QStringLiteral("created_ms >= ?1 AND created_ms < ?2")));
        QCOMPARE(r.solved,
                 count(QStringLiteral("status >= 4 AND solved_ms >= ?1 AND solved_ms < ?2")));
        QVERIFY(r.created > 100 && r.solved > 100);
        // Per UTC day, by SQLite's own calendar.
        QCOMPARE(r.days.size(), 31);
        QCOMPARE(r.days.first().day, m_request.from.date());
        for (const ReportDay &d : r.days) {
            const QString date = d.day.toString(Qt::ISODate);
            QCOMPARE(d.created, count(QStringLiteral("created_ms >= ?1 AND created_ms < ?2 AND "
                                                     "date(created_ms / 1000, 'unixepoch') = '%1'")
                                          .arg(date)));
            QCOMPARE(d.solved, count(QStringLiteral("status >= 4 AND solved_ms >= ?1 AND "
                                                    "solved_ms < ?2 AND date(solved_ms / 1000, "
                                                    "'unixepoch') = '%1'")
                                         .arg(date)));
        }

        // Departments and agents.
        const QList<Department> departments = *m_store->departments();
        QCOMPARE(r.departments.size(), departments.size());
        for (const ReportDepartment &d : r.departments) {
            const QString in = QStringLiteral("hex(department_id) = '%1'")
                                   .arg(QString::fromLatin1(uuidToBlob(d.id).toHex().toUpper()));
            QCOMPARE(d.active, count(in + QStringLiteral(" AND status < 4")));
            QCOMPARE(d.created, count(in + QStringLiteral(" AND created_ms >= ?1 AND created_ms "
                                                          "< ?2")));
            QCOMPARE(d.solved, count(in + QStringLiteral(" AND status >= 4 AND solved_ms >= ?1 "
                                                         "AND solved_ms < ?2")));
        }
        QVERIFY(!r.agents.isEmpty());
        for (const ReportAgent &a : r.agents) {
            QVERIFY(!a.name.isEmpty());
            const QString mine = QStringLiteral("hex(assignee_id) = '%1'")
                                     .arg(QString::fromLatin1(uuidToBlob(a.id).toHex().toUpper()));
            QCOMPARE(a.active, count(mine + QStringLiteral(" AND status < 4")));
            QCOMPARE(a.load, count(mine + QStringLiteral(" AND status < 4")) +
                                 count(mine + QStringLiteral(" AND status < 4 AND priority >= 1")) +
                                 count(mine + QStringLiteral(" AND status < 4 AND priority >= 2")) +
                                 count(mine + QStringLiteral(" AND status < 4 AND priority >= 3")));
            QCOMPARE(a.solved, count(mine + QStringLiteral(" AND status >= 4 AND solved_ms >= "
                                                           "?1 AND solved_ms < ?2")));
        }
        for (qsizetype i = 1; i < r.agents.size(); ++i)
            QVERIFY(r.agents[i - 1].load >= r.agents[i].load);

        // SLA attainment of the tickets created in the period: deadlines met, or passed by now.
        const QString created = QStringLiteral("created_ms >= ?1 AND created_ms < ?2 AND ");
        QCOMPARE(r.firstResponseSla.due,
                 count(created + QStringLiteral("first_response_deadline_ms IS NOT NULL AND "
                                                "(first_response_ms IS NOT NULL OR "
                                                "first_response_deadline_ms < %1)")
                                     .arg(now)));
        QCOMPARE(
            r.firstResponseSla.met,
            count(created + QStringLiteral("first_response_ms <= first_response_deadline_ms")));
        QCOMPARE(r.resolutionSla.due,
                 count(created + QStringLiteral("resolution_deadline_ms IS NOT NULL AND "
                                                "(status >= 4 OR resolution_deadline_ms < %1)")
                                     .arg(now)));
        QCOMPARE(r.resolutionSla.met, count(created + QStringLiteral("status >= 4 AND solved_ms <= "
                                                                     "resolution_deadline_ms")));
        QVERIFY(r.firstResponseSla.met > 0 && r.firstResponseSla.met < r.firstResponseSla.due);

        // Satisfaction of the tickets solved in the period.
        const qint64 rated = count(
            QStringLiteral("status >= 4 AND solved_ms >= ?1 AND solved_ms < ?2 AND csat > 0"));
        QCOMPARE(r.csatRatings, rated);
        QVERIFY(rated > 0 && r.csatAverage);
        qint64 sum = 0;
        for (int stars = 1; stars <= 5; ++stars)
            sum += stars * count(QStringLiteral("status >= 4 AND solved_ms >= ?1 AND solved_ms < "
                                                "?2 AND csat = %1")
                                     .arg(stars));
        QCOMPARE(*r.csatAverage, double(sum) / double(rated));
        // Each day's ratings (the dashboard's satisfaction line) add up to the period's.
        qint64 dayRatings = 0, dayStars = 0;
        for (const ReportDay &d : r.days) {
            dayRatings += d.csatRatings;
            dayStars += d.csatStars;
        }
        QCOMPARE(dayRatings, rated);
        QCOMPARE(dayStars, sum);
    }

    // First response and resolution times in the time each department's policy counts:
    // business seconds of its calendar, or calendar seconds.
    void durationsCountTheDepartmentsTime()
    {
        // The tickets solved in the period waited on the customer on their way: the middle half
        // of their life pending (the demo's solved tickets never waited).
        TicketQuery solved;
        solved.statuses = {TicketStatus::Solved, TicketStatus::Closed};
        solved.limit = 1000;
        int waiting = 0;
        for (;;) {
            auto page = m_store->listTickets(solved);
            QVERIFY(page.good());
            for (const TicketListItem &item : std::as_const(page->items)) {
                const Ticket &t = item.ticket;
                if (t.solvedAt < m_request.from || t.solvedAt >= m_request.to)
                    continue;
                const qint64 life = t.created.msecsTo(t.solvedAt);
                for (const auto &[at, from, to] :
                     {std::tuple(t.created.addMSecs(life / 4), "open", "pending"),
                      std::tuple(t.created.addMSecs(3 * life / 4), "pending", "open")}) {
                    HistoryEvent e;
                    e.id = QUuid::createUuid();
                    e.ticketId = t.id;
                    e.time = at;
                    e.field = QStringLiteral("status");
                    e.oldValue = QString::fromLatin1(from);
                    e.newValue = QString::fromLatin1(to);
                    QVERIFY(m_store->put(e).good());
                }
                ++waiting;
            }
            if (!page->next)
                break;
            solved.after = page->next;
        }
        QVERIFY(waiting >= 20);
        const QList<Department> departments = *m_store->departments();
        std::vector<qint64> firsts, resolutions;
        std::vector<int> firstDays, resolutionDays; // index of the day created, solved
        const QDate firstDay = m_request.from.toTimeZone(m_request.timeZone).date();
        const auto dayOf = [&](const QDateTime &t) {
            return int(firstDay.daysTo(t.toTimeZone(m_request.timeZone).date()));
        };
        bool anyBusiness = false;
        bool waited = false; // some ticket solved in the period waited on the way
        for (const Department &d : departments) {
            const BusinessCalendar calendar = *BusinessCalendar::parse(d.businessHours);
            const auto policy = SlaPolicy::parse(d.slaPolicy);
            const bool business = policy.good() &&
                                  policy->basis() == SlaPolicy::TimeBasis::Business &&
                                  calendar.hasOpeningHours();
            anyBusiness = anyBusiness || business;
            const auto seconds = [&](const QDateTime &a, const QDateTime &b) {
                if (b <= a)
                    return qint64(0);
                return business ? calendar.businessSecondsBetween(a, b) : a.secsTo(b);
            };
            // From creation to `end`, less the time the ticket was neither new nor open (its
            // status history), when the SLA's clocks stand still.
            const auto counted = [&](const Ticket &t, const QDateTime &end) {
                qint64 total = seconds(t.created, end);
                QDateTime since = t.created;
                bool counting = true;
                bool first = true;
                const QList<HistoryEvent> history = m_store->history(t.id).value();
                for (const HistoryEvent &e : history) {
                    if (e.field != u"status")
                        continue;
                    if (first)
                        counting = e.oldValue == u"new" || e.oldValue == u"open";
                    first = false;
                    const QDateTime at = std::max(e.time, t.created);
                    if (!counting)
                        total -= seconds(since, std::min(at, end));
                    counting = e.newValue == u"new" || e.newValue == u"open";
                    since = std::max(at, since);
                }
                if (!counting)
                    total -= seconds(since, end);
                return std::max<qint64>(total, 0);
            };
            TicketQuery query;
            query.departments = {d.id};
            query.limit = 1000;
            for (;;) {
                auto page = m_store->listTickets(query);
                QVERIFY(page.good());
                for (const TicketListItem &item : std::as_const(page->items)) {
                    const Ticket &t = item.ticket;
                    if (t.spam || !t.mergedInto.isNull())
                        continue;
                    if (t.created >= m_request.from && t.created < m_request.to &&
                        t.firstResponseAt.isValid()) {
                        firsts.push_back(counted(t, t.firstResponseAt));
                        firstDays.push_back(dayOf(t.created));
                    }
                    if (!isActive(t.status) && t.solvedAt >= m_request.from &&
                        t.solvedAt < m_request.to) {
                        resolutions.push_back(counted(t, t.solvedAt));
                        resolutionDays.push_back(dayOf(t.solvedAt));
                        waited = waited || resolutions.back() < seconds(t.created, t.solvedAt);
                    }
                }
                if (!page->next)
                    break;
                query.after = page->next;
            }
        }
        QVERIFY(anyBusiness);
        QVERIFY(waited);
        auto report = computeReport(m_store->path(), m_request);
        QVERIFY(report.good());
        QCOMPARE(report->firstResponse.count, qint64(firsts.size()));
        QCOMPARE(*report->firstResponse.medianSeconds, percentile(firsts, 50));
        QCOMPARE(*report->firstResponse.p90Seconds, percentile(firsts, 90));
        QCOMPARE(report->resolution.count, qint64(resolutions.size()));
        QCOMPARE(*report->resolution.medianSeconds, percentile(resolutions, 50));
        QCOMPARE(*report->resolution.p90Seconds, percentile(resolutions, 90));
        QVERIFY(*report->resolution.medianSeconds <= *report->resolution.p90Seconds);

        // The share within a goal's time (core/goals.h), in all and on each day, from the same
        // times.
        const auto check = [&](const Durations &d, const std::vector<qint64> &values,
                               const std::vector<int> &days) {
            const qint64 limit = percentile(values, 60);
            const auto expected = [&](int from, int to) {
                Durations::Share share;
                for (std::size_t i = 0; i < values.size(); ++i) {
                    if (days[i] >= from && days[i] <= to) {
                        ++share.of;
                        share.met += values[i] <= limit;
                    }
                }
                return share;
            };
            const Durations::Share all = d.within(limit);
            QCOMPARE(all.of, qint64(values.size()));
            QCOMPARE(all.met, expected(0, 1000).met);
            QVERIFY(all.met > 0 && all.met < all.of);
            for (int day = 0; day < int(m_request.from.daysTo(m_request.to)) + 1; ++day) {
                const Durations::Share one = d.within(limit, day, day);
                QCOMPARE(one.of, expected(day, day).of);
                QCOMPARE(one.met, expected(day, day).met);
            }
            QCOMPARE(d.within(limit, 3, 9).met, expected(3, 9).met);
        };
        check(report->firstResponse, firsts, firstDays);
        check(report->resolution, resolutions, resolutionDays);
    }

    // A ticket set back from solved to open in the period counts as reopened, once.
    void reopenedTicketsAreCounted()
    {
        auto before = computeReport(m_store->path(), m_request);
        QVERIFY(before.good());
        TicketQuery query;
        query.statuses = {TicketStatus::Solved};
        query.limit = 1;
        auto solved = m_store->listTickets(query);
        QVERIFY(solved.good() && !solved->items.isEmpty());
        // As the sync engine stores a reopening: the ticket open and updated, and its history.
        Ticket t = solved->items.first().ticket;
        t.status = TicketStatus::Open;
        t.solvedAt = QDateTime();
        t.updated = kNow.addDays(-1);
        QVERIFY(m_store->put(t).good());
        for (const char *to : {"open", "pending"}) {
            HistoryEvent e;
            e.id = QUuid::createUuid();
            e.ticketId = t.id;
            e.time = kNow.addDays(-1);
            e.field = QStringLiteral("status");
            e.oldValue = QStringLiteral("solved");
            e.newValue = QString::fromLatin1(to);
            QVERIFY(m_store->put(e).good());
        }
        auto after = computeReport(m_store->path(), m_request);
        QVERIFY(after.good());
        QCOMPARE(after->reopened, before->reopened + 1);
    }

    void aDepartmentsReportIsItsRow()
    {
        auto all = computeReport(m_store->path(), m_request);
        QVERIFY(all.good());
        const ReportDepartment &first = all->departments.first();
        ReportRequest one = m_request;
        one.departments = {first.id};
        auto report = computeReport(m_store->path(), one);
        QVERIFY(report.good());
        QCOMPARE(report->departments.size(), 1);
        QCOMPARE(report->departments.first().name, first.name);
        QCOMPARE(report->created, first.created);
        QCOMPARE(report->solved, first.solved);
        QCOMPARE(report->backlog[0] + report->backlog[1] + report->backlog[2] + report->backlog[3],
                 first.active);
    }

    // The state now alone (the dashboard's first chart): the same backlog as the whole report,
    // nothing of the period.
    void theBacklogAloneIsTheWholeReportsBacklog()
    {
        auto all = computeReport(m_store->path(), m_request);
        QVERIFY(all.good());
        ReportRequest now = m_request;
        now.backlogOnly = true;
        auto backlog = computeReport(m_store->path(), now);
        QVERIFY(backlog.good());
        QCOMPARE(backlog->backlog, all->backlog);
        QCOMPARE(backlog->ageing, all->ageing);
        QCOMPARE(backlog->departments.size(), all->departments.size());
        for (qsizetype i = 0; i < all->departments.size(); ++i) {
            QCOMPARE(backlog->departments.at(i).active, all->departments.at(i).active);
            QCOMPARE(backlog->departments.at(i).created, 0);
        }
        QHash<QUuid, qint64> loads;
        for (const ReportAgent &a : std::as_const(all->agents)) {
            if (a.active > 0)
                loads.insert(a.id, a.load);
        }
        QCOMPARE(backlog->agents.size(), loads.size());
        for (const ReportAgent &a : std::as_const(backlog->agents)) {
            QCOMPARE(a.load, loads.value(a.id));
            QVERIFY(!a.name.isEmpty());
        }
        QVERIFY(all->created > 0);
        QCOMPARE(backlog->created, 0);
        QCOMPARE(backlog->solved, 0);
        QCOMPARE(backlog->firstResponse.count, 0);
        QCOMPARE(backlog->reopened, 0);
        QCOMPARE(backlog->days.size(), all->days.size());
    }

    void csvHoldsEveryFigure()
    {
        auto report = computeReport(m_store->path(), m_request);
        QVERIFY(report.good());
        report->agents.first().name = QStringLiteral("Novak, \"Ana\"");
        const QByteArray csv = reportCsv(*report);
        const QList<QByteArray> rows = csv.split('\n');
        QCOMPARE(rows.first(), QByteArray("figure,key,value\r"));
        QVERIFY(csv.endsWith("\r\n"));
        const auto has = [&](const QByteArray &row) { return rows.contains(row + '\r'); };
        QVERIFY(has("backlog,open," + QByteArray::number(report->backlog[1])));
        QVERIFY(has("backlog,on-hold," + QByteArray::number(report->backlog[3])));
        QVERIFY(has("ageing,30d_more," + QByteArray::number(report->ageing[4])));
        QVERIFY(has("created,," + QByteArray::number(report->created)));
        QVERIFY(has("first_response_median_seconds,," +
                    QByteArray::number(*report->firstResponse.medianSeconds)));
        QVERIFY(has("resolution_sla_met,," + QByteArray::number(report->resolutionSla.met)));
        QVERIFY(has("day_created," + report->days.first().day.toString(Qt::ISODate).toUtf8() + ',' +
                    QByteArray::number(report->days.first().created)));
        // A name with a comma and quotes is one quoted field (RFC 4180).
        QVERIFY(has("agent_load,\"Novak, \"\"Ana\"\"\"," +
                    QByteArray::number(report->agents.first().load)));
        // One row per department and agent figure, two per day and a third on a day with
        // ratings, 26 others.
        const qsizetype ratedDays =
            std::count_if(report->days.cbegin(), report->days.cend(),
                          [](const ReportDay &d) { return d.csatRatings > 0; });
        QVERIFY(ratedDays > 0);
        const auto rated = std::find_if(report->days.cbegin(), report->days.cend(),
                                        [](const ReportDay &d) { return d.csatRatings > 0; });
        QVERIFY(
            has("day_csat_average," + rated->day.toString(Qt::ISODate).toUtf8() + ',' +
                QByteArray::number(double(rated->csatStars) / double(rated->csatRatings), 'f', 2)));
        QCOMPARE(rows.size() - 2, 26 + 3 * report->departments.size() + 3 * report->agents.size() +
                                      2 * report->days.size() + ratedDays);
        // No figure: an empty value, not a zero.
        Report empty;
        QVERIFY(reportCsv(empty).contains("\r\nfirst_response_median_seconds,,\r\n"));
        QVERIFY(reportCsv(empty).contains("\r\ncsat_average,,\r\n"));
    }

    void periodsAreWholeDays()
    {
        const QTimeZone zone("Europe/Ljubljana");
        const QDateTime now(QDate(2026, 3, 29), QTime(10, 0), zone); // the day clocks go forward
        auto today = reportPeriod(QStringLiteral("today"), now, zone);
        QVERIFY(today.good());
        QCOMPARE(today->from, QDateTime(QDate(2026, 3, 29), QTime(0, 0), zone));
        QCOMPARE(today->to, QDateTime(QDate(2026, 3, 30), QTime(0, 0), zone));
        QCOMPARE(today->from.secsTo(today->to), 23 * 3600);
        QCOMPARE(today->now, now);
        auto week = reportPeriod(QStringLiteral("7d"), now, zone);
        QVERIFY(week.good());
        QCOMPARE(week->from.date(), QDate(2026, 3, 23));
        auto range = reportPeriod(QStringLiteral("2026-02-01..2026-02-28"), now, zone);
        QVERIFY(range.good());
        QCOMPARE(range->from.date(), QDate(2026, 2, 1));
        QCOMPARE(range->to.date(), QDate(2026, 3, 1));
        for (const char *bad : {"0d", "soon", "2026-02-30..2026-03-01", "2026-03-02..2026-03-01",
                                "2000-01-01..2026-01-01"})
            QCOMPARE(reportPeriod(QLatin1String(bad), now, zone).status().code(), Status::Invalid);
    }

    void refusesWhatItCannotAnswer()
    {
        ReportRequest unknown = m_request;
        unknown.departments = {QUuid::createUuid()};
        QCOMPARE(computeReport(m_store->path(), unknown).status().code(), Status::NotFound);
        ReportRequest empty = m_request;
        empty.to = empty.from;
        QCOMPARE(computeReport(m_store->path(), empty).status().code(), Status::Invalid);
        QVERIFY(!computeReport(m_dir.filePath(QStringLiteral("missing.db")), m_request).good());
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
