#include "sla.h"

#include <QTest>

using namespace Pult;

namespace {

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 3600;

QDateTime at(const QString &zone, const QString &isoLocal)
{
    const QDateTime naive = QDateTime::fromString(isoLocal, Qt::ISODate);
    Q_ASSERT(naive.isValid());
    return QDateTime(naive.date(), naive.time(), QTimeZone(zone.toLatin1())).toUTC();
}

BusinessCalendar calendar(const QString &zone, const QString &hours)
{
    const Result<BusinessCalendar> parsed =
        BusinessCalendar::parse(QStringLiteral("tz=") + zone + QStringLiteral("; ") + hours);
    if (!parsed.good())
        qFatal("calendar does not parse: %s", qPrintable(parsed.status().message()));
    return *parsed;
}

SlaPolicy policy(const QString &text)
{
    const Result<SlaPolicy> parsed = SlaPolicy::parse(text);
    if (!parsed.good())
        qFatal("policy does not parse: %s", qPrintable(parsed.status().message()));
    return *parsed;
}

// A timeline written as "kind@local-time" tokens: created, cust, agent, pending, onhold, open,
// new, solved, closed, prio=<name>. The created token may carry a priority: created=urgent@...
QList<SlaEvent> timeline(const QString &zone, const QString &text)
{
    QList<SlaEvent> events;
    const QStringList tokens = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        const qsizetype atSign = token.indexOf(QLatin1Char('@'));
        Q_ASSERT(atSign > 0);
        const QString kind = token.left(atSign);
        const QDateTime t = at(zone, token.mid(atSign + 1));
        if (kind == QLatin1String("created"))
            events << SlaEvent::created(t, Priority::Normal);
        else if (kind.startsWith(QLatin1String("created=")))
            events << SlaEvent::created(t, *parsePriority(kind.mid(8)));
        else if (kind == QLatin1String("cust"))
            events << SlaEvent::customerMessage(t);
        else if (kind == QLatin1String("agent"))
            events << SlaEvent::agentReply(t);
        else if (kind.startsWith(QLatin1String("prio=")))
            events << SlaEvent::priorityChange(t, *parsePriority(kind.mid(5)));
        else if (auto s = parseTicketStatus(kind))
            events << SlaEvent::statusChange(t, *s);
        else
            qFatal("bad token %s", qPrintable(token));
    }
    return events;
}

const SlaClock &clockOf(const SlaState &s, const QString &which)
{
    if (which == QLatin1String("first"))
        return s.firstResponse;
    if (which == QLatin1String("next"))
        return s.nextResponse;
    return s.resolution;
}

QString flagsOf(const SlaClock &c)
{
    QStringList f;
    if (!c.active)
        return QStringLiteral("inactive");
    if (c.met)
        f << QStringLiteral("met");
    if (c.breached)
        f << QStringLiteral("breached");
    if (c.paused)
        f << QStringLiteral("paused");
    return f.isEmpty() ? QStringLiteral("running") : f.join(QLatin1Char(','));
}

const QString OfficeHours = QStringLiteral("mon-fri 09:00-17:00");
const QString AllWeek = QStringLiteral("mon-sun 00:00-24:00");
const QString Normal = QStringLiteral("normal: first 4h, next 2h, resolve 8h; "
                                      "urgent: first 1h, next 30m, resolve 4h; business");

} // namespace

class TestSla : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("example")
            << QStringLiteral(
                   "urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; business")
            << QStringLiteral("urgent: first 1h, next 2h, resolve 8h; "
                              "high: first 4h, resolve 1d; business");
        QTest::newRow("empty") << QString() << QStringLiteral("business");
        QTest::newRow("calendar, lines, comments, case")
            << QStringLiteral("# support\nLOW: Resolve 5d\nnormal: first 90m  # slow\nCalendar")
            << QStringLiteral("normal: first 1h30m; low: resolve 5d; calendar");
        QTest::newRow("compound") << QStringLiteral("high: first 1h30m, next 2d 4 h")
                                  << QStringLiteral("high: first 1h30m, next 52h; business");
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const Result<SlaPolicy> p = SlaPolicy::parse(text);
        QVERIFY2(p.good(), qPrintable(p.status().message()));
        QCOMPARE(p->toString(), canonical);
        const Result<SlaPolicy> again = SlaPolicy::parse(p->toString());
        QVERIFY(again.good());
        QVERIFY(*again == *p);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown priority") << QStringLiteral("urgnt: first 1h")
                                          << QStringLiteral("column 1: unknown priority \"urgnt\"; "
                                                            "did you mean \"urgent\"?");
        QTest::newRow("unknown target") << QStringLiteral("high: frist 1h")
                                        << QStringLiteral("column 7: unknown target \"frist\"; did "
                                                          "you mean \"first\"?");
        QTest::newRow("missing colon") << QStringLiteral("high first 1h")
                                       << QStringLiteral("column 6: expected \":\" after high");
        QTest::newRow("missing unit") << QStringLiteral("high: first 4, next 1h")
                                      << QStringLiteral("column 14: expected a unit (d, h or m) "
                                                        "after 4");
        QTest::newRow("bad unit") << QStringLiteral("high: first 4 hours")
                                  << QStringLiteral("column 15: unknown unit \"hours\"; use d, h "
                                                    "or m");
        QTest::newRow("no duration") << QStringLiteral("high: first")
                                     << QStringLiteral("column 12: expected a duration such as 4h "
                                                       "or 1h30m");
        QTest::newRow("zero") << QStringLiteral("high: first 0h")
                              << QStringLiteral("column 13: a target must be longer than zero");
        QTest::newRow("twice") << QStringLiteral("high: first 1h; high: resolve 2h")
                               << QStringLiteral("column 17: high is given twice");
        QTest::newRow("target twice") << QStringLiteral("low: first 1h, first 2h")
                                      << QStringLiteral("column 16: first is given twice for low");
        QTest::newRow("second line") << QStringLiteral("high: first 1h\nlow: resolve 2x")
                                     << QStringLiteral("line 2, column 15: unknown unit \"x\"; use "
                                                       "d, h or m");
        QTest::newRow("basis twice") << QStringLiteral("business; calendar")
                                     << QStringLiteral("column 11: business or calendar is given "
                                                       "twice");
        QTest::newRow("bad separator") << QStringLiteral("low: first 1h resolve 2h")
                                       << QStringLiteral("column 15: expected \",\" or \";\"");
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Result<SlaPolicy> p = SlaPolicy::parse(text);
        QVERIFY(!p.good());
        QCOMPARE(p.status().code(), Status::Invalid);
        QCOMPARE(p.status().message(), message);
    }

    // One row per clock assertion; times are local to the zone.
    void clocks_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("hours");
        QTest::addColumn<QString>("policyText");
        QTest::addColumn<QString>("events");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("deadline");
        QTest::addColumn<QString>("flags");
        QTest::addColumn<qint64>("remaining");

        // Friday afternoon over the DST weekend (EU 29 March, US 8 March 2026): 2 h on Friday,
        // 2 h on Monday.
        const QString eu[] = {QStringLiteral("Europe/Ljubljana"), QStringLiteral("Europe/Vilnius"),
                              QStringLiteral("Europe/Zagreb"), QStringLiteral("Europe/Warsaw")};
        for (const QString &z : eu) {
            QTest::addRow("%s spring weekend", qPrintable(z))
                << z << OfficeHours << Normal << QStringLiteral("created@2026-03-27T15:00")
                << QStringLiteral("2026-03-30T10:00") << QStringLiteral("first")
                << QStringLiteral("2026-03-30T11:00") << QStringLiteral("running") << 1 * Hour;
            QTest::addRow("%s autumn weekend resolution", qPrintable(z))
                << z << OfficeHours << Normal << QStringLiteral("created@2026-10-23T15:00")
                << QStringLiteral("2026-10-23T16:00") << QStringLiteral("resolve")
                << QStringLiteral("2026-10-26T15:00") << QStringLiteral("running") << 7 * Hour;
            // Open around the clock: the 23-hour and 25-hour Sundays.
            QTest::addRow("%s 24h over spring-forward", qPrintable(z))
                << z << AllWeek << QStringLiteral("normal: first 1d")
                << QStringLiteral("created@2026-03-28T12:00") << QStringLiteral("2026-03-28T12:00")
                << QStringLiteral("first") << QStringLiteral("2026-03-29T13:00")
                << QStringLiteral("running") << 24 * Hour;
            QTest::addRow("%s 24h over fall-back", qPrintable(z))
                << z << AllWeek << QStringLiteral("normal: first 1d; calendar")
                << QStringLiteral("created@2026-10-24T12:00") << QStringLiteral("2026-10-25T12:00")
                << QStringLiteral("first") << QStringLiteral("2026-10-25T11:00")
                << QStringLiteral("breached") << -1 * Hour;
        }
        const QString ny = QStringLiteral("America/New_York");
        QTest::newRow("New York spring weekend")
            << ny << OfficeHours << Normal << QStringLiteral("created@2026-03-06T15:00")
            << QStringLiteral("2026-03-09T12:00") << QStringLiteral("first")
            << QStringLiteral("2026-03-09T11:00") << QStringLiteral("breached") << -1 * Hour;
        QTest::newRow("New York calendar over spring-forward")
            << ny << OfficeHours << QStringLiteral("normal: first 1d; calendar")
            << QStringLiteral("created@2026-03-07T12:00") << QStringLiteral("2026-03-07T13:00")
            << QStringLiteral("first") << QStringLiteral("2026-03-08T13:00")
            << QStringLiteral("running") << 23 * Hour;
        QTest::newRow("New York business over fall-back")
            << ny << AllWeek << QStringLiteral("normal: resolve 2d")
            << QStringLiteral("created@2026-10-31T12:00 agent@2026-10-31T13:00")
            << QStringLiteral("2026-11-01T12:00") << QStringLiteral("resolve")
            << QStringLiteral("2026-11-02T11:00") << QStringLiteral("running") << 23 * Hour;

        // A holiday closes the whole day.
        const QString lj = QStringLiteral("Europe/Ljubljana");
        QTest::newRow("holiday") << lj << OfficeHours + QStringLiteral("; holiday 2026-12-24")
                                 << Normal << QStringLiteral("created@2026-12-23T15:00")
                                 << QStringLiteral("2026-12-24T12:00") << QStringLiteral("first")
                                 << QStringLiteral("2026-12-25T11:00") << QStringLiteral("running")
                                 << 2 * Hour;

        // Met and breached.
        QTest::newRow("met in time")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 agent@2026-03-02T12:00")
            << QStringLiteral("2026-03-05T12:00") << QStringLiteral("first")
            << QStringLiteral("2026-03-02T13:00") << QStringLiteral("met") << 1 * Hour;
        QTest::newRow("met late") << lj << OfficeHours << Normal
                                  << QStringLiteral(
                                         "created@2026-03-02T09:00 agent@2026-03-02T14:30")
                                  << QStringLiteral("2026-03-05T12:00") << QStringLiteral("first")
                                  << QStringLiteral("2026-03-02T13:00")
                                  << QStringLiteral("met,breached") << -90 * Minute;
        QTest::newRow("no target for low")
            << lj << OfficeHours << Normal << QStringLiteral("created=low@2026-03-02T09:00")
            << QStringLiteral("2026-03-05T12:00") << QStringLiteral("first") << QString()
            << QStringLiteral("inactive") << qint64(0);
        QTest::newRow("events after now are ignored")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 agent@2026-03-02T12:00")
            << QStringLiteral("2026-03-02T11:00") << QStringLiteral("first")
            << QStringLiteral("2026-03-02T13:00") << QStringLiteral("running") << 2 * Hour;

        // Pause and resume.
        QTest::newRow("paused while pending")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 agent@2026-03-02T10:00 "
                              "pending@2026-03-02T11:00")
            << QStringLiteral("2026-03-02T15:00") << QStringLiteral("resolve")
            << QStringLiteral("2026-03-03T13:00") << QStringLiteral("paused") << 6 * Hour;
        QTest::newRow("customer reply resumes")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 agent@2026-03-02T10:00 "
                              "pending@2026-03-02T10:00 cust@2026-03-03T09:00")
            << QStringLiteral("2026-03-03T12:00") << QStringLiteral("resolve")
            << QStringLiteral("2026-03-03T16:00") << QStringLiteral("running") << 4 * Hour;
        QTest::newRow("next response breached")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 agent@2026-03-02T10:00 "
                              "pending@2026-03-02T10:00 cust@2026-03-03T09:00")
            << QStringLiteral("2026-03-03T12:00") << QStringLiteral("next")
            << QStringLiteral("2026-03-03T11:00") << QStringLiteral("breached") << -1 * Hour;
        QTest::newRow("on-hold then open")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 on-hold@2026-03-02T10:00 "
                              "open@2026-03-04T09:00")
            << QStringLiteral("2026-03-04T10:00") << QStringLiteral("first")
            << QStringLiteral("2026-03-04T12:00") << QStringLiteral("running") << 2 * Hour;
        QTest::newRow("pause in calendar time")
            << lj << OfficeHours << QStringLiteral("normal: resolve 1d; calendar")
            << QStringLiteral("created@2026-03-01T00:00 pending@2026-03-01T06:00 "
                              "cust@2026-03-03T06:00")
            << QStringLiteral("2026-03-03T07:00") << QStringLiteral("resolve")
            << QStringLiteral("2026-03-04T00:00") << QStringLiteral("running") << 17 * Hour;
        QTest::newRow("solved") << lj << OfficeHours << Normal
                                << QStringLiteral("created@2026-03-02T09:00 agent@2026-03-02T10:00 "
                                                  "solved@2026-03-02T11:00")
                                << QStringLiteral("2026-03-09T11:00") << QStringLiteral("resolve")
                                << QStringLiteral("2026-03-02T17:00") << QStringLiteral("met")
                                << 6 * Hour;
        QTest::newRow("reopened keeps counting")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 solved@2026-03-02T11:00 "
                              "open@2026-03-03T09:00")
            << QStringLiteral("2026-03-03T10:00") << QStringLiteral("resolve")
            << QStringLiteral("2026-03-03T15:00") << QStringLiteral("running") << 5 * Hour;

        // Priority changes re-target from creation.
        QTest::newRow("raised to urgent breaches at once")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 prio=urgent@2026-03-02T11:00")
            << QStringLiteral("2026-03-02T11:00") << QStringLiteral("first")
            << QStringLiteral("2026-03-02T10:00") << QStringLiteral("breached") << -1 * Hour;
        QTest::newRow("lowered to normal")
            << lj << OfficeHours << Normal
            << QStringLiteral("created=urgent@2026-03-02T09:00 prio=normal@2026-03-02T09:30")
            << QStringLiteral("2026-03-02T10:00") << QStringLiteral("first")
            << QStringLiteral("2026-03-02T13:00") << QStringLiteral("running") << 3 * Hour;
        QTest::newRow("priority after the reply does not re-target")
            << lj << OfficeHours << Normal
            << QStringLiteral("created@2026-03-02T09:00 agent@2026-03-02T11:00 "
                              "prio=urgent@2026-03-02T11:30")
            << QStringLiteral("2026-03-02T12:00") << QStringLiteral("first")
            << QStringLiteral("2026-03-02T13:00") << QStringLiteral("met") << 2 * Hour;
    }
    void clocks()
    {
        QFETCH(QString, zone);
        QFETCH(QString, hours);
        QFETCH(QString, policyText);
        QFETCH(QString, events);
        QFETCH(QString, now);
        QFETCH(QString, which);
        QFETCH(QString, deadline);
        QFETCH(QString, flags);
        QFETCH(qint64, remaining);
        const SlaState state = computeSla(policy(policyText), calendar(zone, hours),
                                          timeline(zone, events), at(zone, now));
        const SlaClock &c = clockOf(state, which);
        QCOMPARE(flagsOf(c), flags);
        if (!c.active)
            return;
        QCOMPARE(c.deadline, at(zone, deadline));
        QCOMPARE(c.deadline.timeSpec(), Qt::UTC);
        QCOMPARE(c.remaining, remaining);
    }

    // 50 events: an agent reply 20 minutes after every customer message.
    void longConversation()
    {
        const QString zone = QStringLiteral("Europe/Warsaw");
        const QDateTime t0 = at(zone, QStringLiteral("2026-03-02T09:00"));
        QList<SlaEvent> events{SlaEvent::created(t0, Priority::Normal)};
        for (int i = 1; i < 50; ++i) {
            const QDateTime t = t0.addSecs(i * 20 * Minute);
            events << (i % 2 ? SlaEvent::agentReply(t) : SlaEvent::customerMessage(t));
        }
        QCOMPARE(events.size(), 50);
        const QDateTime now = t0.addSecs(1000 * Minute);
        const SlaState s =
            computeSla(policy(QStringLiteral("normal: first 1h, next 30m, resolve 1d; calendar")),
                       calendar(zone, OfficeHours), events, now);
        QVERIFY(s.firstResponse.met);
        QCOMPARE(s.firstResponse.metAt, t0.addSecs(20 * Minute));
        QVERIFY(s.nextResponse.met);
        QCOMPARE(s.nextResponse.breachCount, 0);
        QCOMPARE(s.nextResponse.started, t0.addSecs(960 * Minute));
        QCOMPARE(s.nextResponse.remaining, 10 * Minute);
        QVERIFY(!s.resolution.met);
        QCOMPARE(s.resolution.remaining, 24 * Hour - 1000 * Minute);
        QCOMPARE(s.resolution.deadline, t0.addSecs(24 * Hour));

        // Slow replies: every cycle breaches a 15-minute target.
        const SlaState slow = computeSla(policy(QStringLiteral("normal: next 15m; calendar")),
                                         calendar(zone, OfficeHours), events, now);
        QCOMPARE(slow.nextResponse.breachCount, 24);
        QVERIFY(slow.nextResponse.breached);
        QCOMPARE(slow.nextResponse.remaining, -5 * Minute);
    }

    void timelineFromTicket()
    {
        const QString zone = QStringLiteral("Europe/Ljubljana");
        Ticket ticket;
        ticket.created = at(zone, QStringLiteral("2026-03-02T09:00"));
        ticket.status = TicketStatus::Open;
        ticket.priority = Priority::Urgent;
        HistoryEvent prio;
        prio.time = at(zone, QStringLiteral("2026-03-02T09:30"));
        prio.field = QStringLiteral("priority");
        prio.oldValue = QStringLiteral("normal");
        prio.newValue = QStringLiteral("urgent");
        HistoryEvent pending;
        pending.time = at(zone, QStringLiteral("2026-03-02T09:10"));
        pending.field = QStringLiteral("status");
        pending.oldValue = QStringLiteral("new");
        pending.newValue = QStringLiteral("pending");
        Message note;
        note.kind = MessageKind::InternalNote;
        note.created = at(zone, QStringLiteral("2026-03-02T09:05"));
        Message reply;
        reply.kind = MessageKind::CustomerMessage;
        reply.created = at(zone, QStringLiteral("2026-03-02T09:40"));
        const QList<SlaEvent> events = slaTimeline(ticket, {note, reply}, {prio, pending});
        QCOMPARE(events.size(), 4);
        QVERIFY(events.first().kind == SlaEvent::Kind::Created);
        QVERIFY(events.first().priority == Priority::Normal);
        QVERIFY(events.first().status == TicketStatus::New);

        // Counted: 09:00-09:10 and 09:40-10:00 = 30 min of the urgent 1 h.
        const SlaState s = computeSla(policy(Normal), calendar(zone, OfficeHours), events,
                                      at(zone, QStringLiteral("2026-03-02T10:00")));
        QCOMPARE(s.firstResponse.remaining, 30 * Minute);
        QCOMPARE(s.firstResponse.deadline, at(zone, QStringLiteral("2026-03-02T10:30")));
        QVERIFY(!s.firstResponse.paused);
    }

    void formatRemaining_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("1 h 20 min") << 80 * Minute + 59 << QStringLiteral("breaches in 1 h 20 min");
        QTest::newRow("whole hours") << 2 * Hour << QStringLiteral("breaches in 2 h");
        QTest::newRow("minutes") << 35 * Minute << QStringLiteral("breaches in 35 min");
        QTest::newRow("days") << 51 * Hour + 5 * Minute << QStringLiteral("breaches in 2 d 3 h");
        QTest::newRow("seconds") << qint64(30) << QStringLiteral("breaches in less than 1 min");
        QTest::newRow("breached") << -35 * Minute << QStringLiteral("breached 35 min ago");
        QTest::newRow("breached long ago") << -26 * Hour << QStringLiteral("breached 1 d 2 h ago");
    }
    void formatRemaining()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(Pult::formatRemaining(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestSla)
#include "tst_sla.moc"
