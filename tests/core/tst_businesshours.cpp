#include "businesshours.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Pult;

namespace {

constexpr qint64 Hour = 3600;

// A wall-clock time in a zone (must not be ambiguous or skipped), as an absolute instant.
QDateTime at(const char *zone, const char *isoLocal)
{
    const QDateTime naive = QDateTime::fromString(QString::fromLatin1(isoLocal), Qt::ISODate);
    Q_ASSERT(naive.isValid());
    return QDateTime(naive.date(), naive.time(), QTimeZone(QByteArray(zone))).toUTC();
}

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

BusinessCalendar calendar(const QString &text)
{
    const Result<BusinessCalendar> parsed = BusinessCalendar::parse(text);
    if (!parsed.good())
        qFatal("calendar does not parse: %s", qPrintable(parsed.status().message()));
    return *parsed;
}

QString zoned(const char *zone, const char *rest)
{
    return QStringLiteral("tz=") + QString::fromLatin1(zone) + QStringLiteral("; ") +
           QString::fromLatin1(rest);
}

const char *const Zones[] = {"Europe/Ljubljana", "Europe/Vilnius", "Europe/Zagreb", "Europe/Warsaw",
                             "America/New_York"};

} // namespace

class TestBusinessHours : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The timeline answers exactly what businessSecondsBetween() does, across DST changes,
    // holidays and closed days, for instants anywhere in its span (and clamps the rest).
    void timelineAgreesWithTheWalk()
    {
        auto calendar = BusinessCalendar::parse(
            QStringLiteral("tz=Europe/Ljubljana; mon-fri 08:00-12:00, 13:00-16:00; sat "
                           "09:00-12:00; holiday 2026-12-24; yearly 12-25, 01-01"));
        QVERIFY(calendar.good());
        const auto at = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); };
        const qint64 from = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 to = QDateTime(QDate(2027, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const BusinessCalendar::Timeline timeline(*calendar, from, to);
        QRandomGenerator random(7);
        for (int i = 0; i < 2000; ++i) {
            const qint64 a = from + random.bounded(to - from);
            const qint64 b = std::min(to, a + random.bounded(qint64(40) * 24 * 3600 * 1000));
            QCOMPARE(timeline.secondsBetween(a, b), calendar->businessSecondsBetween(at(a), at(b)));
        }
        QCOMPARE(timeline.secondsBetween(from - 1000000, to + 1000000),
                 calendar->businessSecondsBetween(at(from), at(to)));
        QCOMPARE(timeline.secondsBetween(to, from), qint64(0));
        const BusinessCalendar::Timeline closed(BusinessCalendar(), from, to);
        QCOMPARE(closed.secondsBetween(from, to), qint64(0));
    }

    void initTestCase()
    {
        for (const char *zone : Zones)
            QVERIFY2(QTimeZone(QByteArray(zone)).isValid(), zone);
    }

    // Business time on one Sunday: the calendar is open only on Sundays.
    void sundayLength_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("hours");
        QTest::addColumn<QDate>("sunday");
        QTest::addColumn<qint64>("expected");
        const auto row = [](const char *zone, const char *hours, QDate sunday, qint64 expected) {
            QTest::addRow("%s %s %s", zone, hours, qPrintable(sunday.toString(Qt::ISODate)))
                << QString::fromLatin1(zone) << QString::fromLatin1(hours) << sunday << expected;
        };
        const QDate euSpring(2026, 3, 29), euFall(2026, 10, 25), euPlain(2026, 3, 22);
        const QDate usSpring(2026, 3, 8), usFall(2026, 11, 1), usPlain(2026, 3, 15);
        for (const char *zone :
             {"Europe/Ljubljana", "Europe/Vilnius", "Europe/Zagreb", "Europe/Warsaw"}) {
            row(zone, "00:00-24:00", euPlain, 24 * Hour);
            row(zone, "00:00-24:00", euSpring, 23 * Hour);
            row(zone, "00:00-24:00", euFall, 25 * Hour);
            row(zone, "01:00-04:00", euPlain, 3 * Hour);
            // 02:00-03:00 (Vilnius: 03:00-04:00) is skipped in spring and repeated in autumn.
            row(zone, "01:00-04:00", euSpring, 2 * Hour);
            row(zone, "01:00-04:00", euFall, 4 * Hour);
            row(zone, "05:00-09:00", euSpring, 4 * Hour);
            row(zone, "05:00-09:00", euFall, 4 * Hour);
        }
        row("America/New_York", "00:00-24:00", usPlain, 24 * Hour);
        row("America/New_York", "00:00-24:00", usSpring, 23 * Hour);
        row("America/New_York", "00:00-24:00", usFall, 25 * Hour);
        row("America/New_York", "01:00-04:00", usSpring, 2 * Hour);
        row("America/New_York", "01:00-04:00", usFall, 4 * Hour);
        row("America/New_York", "02:00-03:00", usSpring, 0);
        row("America/New_York", "02:00-03:00", usFall, 1 * Hour);
        row("America/New_York", "01:00-02:00", usFall, 2 * Hour);
        // The EU changes are two weeks after the US ones: an ordinary Sunday in New York.
        row("America/New_York", "00:00-24:00", euSpring, 24 * Hour);
    }
    void sundayLength()
    {
        QFETCH(QString, zone);
        QFETCH(QString, hours);
        QFETCH(QDate, sunday);
        QFETCH(qint64, expected);
        const BusinessCalendar cal =
            calendar(QStringLiteral("tz=") + zone + QStringLiteral("; sun ") + hours);
        const QTimeZone tz(zone.toUtf8());
        const QDateTime from(sunday.addDays(-1), QTime(12, 0), tz);
        const QDateTime to(sunday.addDays(1), QTime(12, 0), tz);
        QCOMPARE(cal.businessSecondsBetween(from, to), expected);
        // The week around it adds nothing else.
        QCOMPARE(cal.businessSecondsBetween(from.addDays(-5), to.addDays(5)), expected);
    }

    void isOpen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("t");
        QTest::addColumn<bool>("open");
        const QString lj = zoned("Europe/Ljubljana", "mon-fri 08:00-12:00, 13:00-16:00; "
                                                     "holiday 2026-12-24; yearly 12-25");
        QTest::newRow("before opening")
            << lj << at("Europe/Ljubljana", "2026-03-30T07:59:59") << false;
        QTest::newRow("at opening") << lj << at("Europe/Ljubljana", "2026-03-30T08:00") << true;
        QTest::newRow("lunch") << lj << at("Europe/Ljubljana", "2026-03-30T12:30") << false;
        QTest::newRow("last second") << lj << at("Europe/Ljubljana", "2026-03-30T15:59:59") << true;
        QTest::newRow("at closing") << lj << at("Europe/Ljubljana", "2026-03-30T16:00") << false;
        QTest::newRow("saturday") << lj << at("Europe/Ljubljana", "2026-03-28T10:00") << false;
        QTest::newRow("single holiday")
            << lj << at("Europe/Ljubljana", "2026-12-24T10:00") << false;
        QTest::newRow("single holiday is not yearly")
            << lj << at("Europe/Ljubljana", "2027-12-24T10:00") << true;
        QTest::newRow("yearly holiday 2026")
            << lj << at("Europe/Ljubljana", "2026-12-25T10:00") << false;
        QTest::newRow("yearly holiday 2028")
            << lj << at("Europe/Ljubljana", "2028-12-25T10:00") << false;
        // 06:30 UTC is 08:30 in Ljubljana in summer, 07:30 in winter.
        QTest::newRow("summer time") << lj << utc("2026-03-30T06:30:00") << true;
        QTest::newRow("winter time") << lj << utc("2026-10-26T06:30:00") << false;
        const QString ny = zoned("America/New_York", "sun 00:00-24:00");
        QTest::newRow("ny after spring forward")
            << ny << at("America/New_York", "2026-03-08T03:30") << true;
        QTest::newRow("ny monday") << ny << at("America/New_York", "2026-03-09T00:00") << false;
        QTest::newRow("ny repeated hour, second time") << ny << utc("2026-11-01T06:30:00") << true;
        const QString vilnius = zoned("Europe/Vilnius", "sun 03:00-04:00");
        QTest::newRow("vilnius repeated hour, first")
            << vilnius << utc("2026-10-25T00:30:00") << true;
        QTest::newRow("vilnius repeated hour, second")
            << vilnius << utc("2026-10-25T01:30:00") << true;
        QTest::newRow("vilnius after") << vilnius << utc("2026-10-25T02:00:00") << false;
    }
    void isOpen()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, t);
        QFETCH(bool, open);
        QCOMPARE(calendar(text).isOpen(t), open);
    }

    void nextOpening_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("t");
        QTest::addColumn<QDateTime>("expected");
        const QString lj = zoned("Europe/Ljubljana", "mon-fri 08:00-16:00");
        QTest::newRow("open now") << lj << at("Europe/Ljubljana", "2026-03-27T10:15:30")
                                  << at("Europe/Ljubljana", "2026-03-27T10:15:30");
        QTest::newRow("friday evening over the DST weekend")
            << lj << at("Europe/Ljubljana", "2026-03-27T17:00")
            << at("Europe/Ljubljana", "2026-03-30T08:00");
        QTest::newRow("early morning") << lj << at("Europe/Ljubljana", "2026-03-30T03:00")
                                       << at("Europe/Ljubljana", "2026-03-30T08:00");
        QTest::newRow("holidays skipped")
            << zoned("Europe/Zagreb", "mon-fri 08:00-16:00; holiday 2026-12-24; yearly 12-25")
            << at("Europe/Zagreb", "2026-12-23T16:00") << at("Europe/Zagreb", "2026-12-28T08:00");
        // 02:30 does not exist on 29 March: the next opening is a week later.
        QTest::newRow("skipped hour")
            << zoned("Europe/Warsaw", "sun 02:00-03:00") << at("Europe/Warsaw", "2026-03-28T12:00")
            << at("Europe/Warsaw", "2026-04-05T02:00");
        QTest::newRow("ny skipped hour") << zoned("America/New_York", "sun 02:00-03:00")
                                         << at("America/New_York", "2026-03-07T12:00")
                                         << at("America/New_York", "2026-03-15T02:00");
        QTest::newRow("no opening hours")
            << QStringLiteral("tz=Europe/Vilnius; yearly 01-01")
            << at("Europe/Vilnius", "2026-01-01T00:00") << QDateTime();
        QTest::newRow("once a year")
            << zoned("Europe/Vilnius", "sun 10:00-11:00; yearly 01-04")
            << at("Europe/Vilnius", "2026-01-03T00:00") << at("Europe/Vilnius", "2026-01-11T10:00");
    }
    void nextOpening()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, t);
        QFETCH(QDateTime, expected);
        const QDateTime next = calendar(text).nextOpening(t);
        QCOMPARE(next, expected);
        if (next.isValid())
            QCOMPARE(next.timeSpec(), Qt::UTC);
    }

    void addBusinessSeconds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QDateTime>("expected");
        const auto weekdays = [](const char *zone) { return zoned(zone, "mon-fri 08:00-16:00"); };
        QTest::newRow("ljubljana friday 15:00 + 2h, EU DST weekend")
            << weekdays("Europe/Ljubljana") << at("Europe/Ljubljana", "2026-03-27T15:00")
            << 2 * Hour << at("Europe/Ljubljana", "2026-03-30T09:00");
        QTest::newRow("vilnius friday 15:00 + 2h, EU fall-back weekend")
            << weekdays("Europe/Vilnius") << at("Europe/Vilnius", "2026-10-23T15:00") << 2 * Hour
            << at("Europe/Vilnius", "2026-10-26T09:00");
        QTest::newRow("warsaw friday 15:00 + 2h")
            << weekdays("Europe/Warsaw") << at("Europe/Warsaw", "2026-06-12T15:00") << 2 * Hour
            << at("Europe/Warsaw", "2026-06-15T09:00");
        QTest::newRow("new york friday 15:00 + 2h, US DST weekend")
            << weekdays("America/New_York") << at("America/New_York", "2026-03-06T15:00")
            << 2 * Hour << at("America/New_York", "2026-03-09T09:00");
        QTest::newRow("new york fall-back weekend")
            << weekdays("America/New_York") << at("America/New_York", "2026-10-30T15:00")
            << 2 * Hour << at("America/New_York", "2026-11-02T09:00");
        QTest::newRow("ends exactly at closing")
            << weekdays("Europe/Ljubljana") << at("Europe/Ljubljana", "2026-03-27T15:00") << Hour
            << at("Europe/Ljubljana", "2026-03-27T16:00");
        QTest::newRow("starts before opening")
            << weekdays("Europe/Ljubljana") << at("Europe/Ljubljana", "2026-03-30T06:00") << Hour
            << at("Europe/Ljubljana", "2026-03-30T09:00");
        QTest::newRow("zero") << weekdays("Europe/Ljubljana")
                              << at("Europe/Ljubljana", "2026-03-28T06:00") << qint64(0)
                              << at("Europe/Ljubljana", "2026-03-28T06:00");
        QTest::newRow("two intervals a day")
            << zoned("Europe/Zagreb", "mon-fri 08:00-12:00, 13:00-16:00")
            << at("Europe/Zagreb", "2026-05-04T11:00") << 2 * Hour
            << at("Europe/Zagreb", "2026-05-04T14:00");
        QTest::newRow("a week of business time")
            << weekdays("Europe/Zagreb") << at("Europe/Zagreb", "2026-05-04T08:00") << 5 * 8 * Hour
            << at("Europe/Zagreb", "2026-05-08T16:00");
        QTest::newRow("single and yearly holiday")
            << zoned("Europe/Zagreb", "mon-fri 08:00-16:00; holiday 2026-12-24; yearly 12-25")
            << at("Europe/Zagreb", "2026-12-23T15:00") << 2 * Hour
            << at("Europe/Zagreb", "2026-12-28T09:00");
        // 01:30 + 1h of wall-clock opening lands at 03:30 because 02:00-03:00 does not exist.
        QTest::newRow("across the spring gap")
            << zoned("Europe/Warsaw", "sun 01:00-04:00") << at("Europe/Warsaw", "2026-03-29T01:30")
            << Hour << at("Europe/Warsaw", "2026-03-29T03:30");
        // 01:00 CEST (23:00 UTC) + 2h: 02:00-03:00 CEST, then the repeated 02:00 CET = 01:00 UTC.
        QTest::newRow("across the autumn repeat")
            << zoned("Europe/Warsaw", "sun 01:00-04:00") << utc("2026-10-24T23:00:00") << 2 * Hour
            << utc("2026-10-25T01:00:00");
        QTest::newRow("no opening hours")
            << QStringLiteral("tz=Europe/Warsaw") << at("Europe/Warsaw", "2026-03-29T01:30") << Hour
            << QDateTime();
    }
    void addBusinessSeconds()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, start);
        QFETCH(qint64, seconds);
        QFETCH(QDateTime, expected);
        const BusinessCalendar cal = calendar(text);
        const QDateTime end = cal.addBusinessSeconds(start, seconds);
        QCOMPARE(end, expected);
        if (end.isValid())
            QCOMPARE(cal.businessSecondsBetween(start, end), seconds);
    }

    void betweenEdgeCases()
    {
        const BusinessCalendar cal = calendar(zoned("Europe/Ljubljana", "mon-fri 08:00-16:00"));
        const QDateTime a = at("Europe/Ljubljana", "2026-03-30T09:00");
        QCOMPARE(cal.businessSecondsBetween(a, a), 0);
        QCOMPARE(cal.businessSecondsBetween(a, a.addSecs(-60)), 0);
        QCOMPARE(cal.businessSecondsBetween(a, a.addSecs(90)), 90);
        // A year of weekdays minus nothing: 2026 has 261 weekdays.
        QCOMPARE(cal.businessSecondsBetween(at("Europe/Ljubljana", "2026-01-01T00:00"),
                                            at("Europe/Ljubljana", "2027-01-01T00:00")),
                 261 * 8 * Hour);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        const auto row = [](const char *name, const char *text, const char *canonical) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(canonical);
        };
        row("canonical",
            "tz=Europe/Ljubljana; mon-fri 08:00-16:00; sat 09:00-12:00; holiday "
            "2026-12-24; yearly 12-25",
            "tz=Europe/Ljubljana; mon-fri 08:00-16:00; sat 09:00-12:00; holiday 2026-12-24; "
            "yearly 12-25");
        row("lines, comments, long names",
            "TZ = America/New_York\n"
            "Monday-Friday 08:00-12:00,13:00-16:00  # lunch break\n"
            "\n"
            "sun 00:00-24:00; yearly 12-25, 01-01\n",
            "tz=America/New_York; mon-fri 08:00-12:00, 13:00-16:00; sun 00:00-24:00; "
            "yearly 01-01, 12-25");
        row("wrapping range and lists",
            "tz=Europe/Vilnius; fri-mon 10:00-14:00; wed,thu 09:00-10:00",
            "tz=Europe/Vilnius; mon 10:00-14:00; wed-thu 09:00-10:00; fri-sun 10:00-14:00");
        row("clauses accumulate",
            "tz=Europe/Warsaw; mon-fri 13:00-16:00; mon-fri 08:00-12:00; holiday 2026-12-31, "
            "2026-12-24",
            "tz=Europe/Warsaw; mon-fri 08:00-12:00, 13:00-16:00; holiday 2026-12-24, 2026-12-31");
        row("zone only", "tz=Europe/Zagreb", "tz=Europe/Zagreb");
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const BusinessCalendar cal = calendar(text);
        QCOMPARE(cal.toString(), canonical);
        const BusinessCalendar again = calendar(canonical);
        QVERIFY(again == cal);
        QCOMPARE(again.toString(), canonical);
    }

    // The examples in docs/business-hours.md.
    void documentedExamples_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("night shift")
            << QStringLiteral("tz=Europe/Warsaw\nmon-fri 22:00-24:00\ntue-sat 00:00-06:00\n");
        QTest::newRow("slovenia") << QStringLiteral(
            "tz=Europe/Ljubljana\nmon-fri 08:00-12:00, 13:00-16:00\nyearly 01-01, 01-02, 02-08, "
            "04-27, 05-01, 05-02, 06-25, 08-15, 10-31, 11-01, 12-25, 12-26\nholiday 2026-04-06   "
            "# Easter Monday\n");
        QTest::newRow("new york") << QStringLiteral(
            "tz=America/New_York; mon-fri 09:00-17:00; sat 10:00-14:00; yearly 07-04, 12-25");
        QTest::newRow("round the clock") << QStringLiteral("tz=UTC; mon-sun 00:00-24:00");
    }
    void documentedExamples()
    {
        QFETCH(QString, text);
        const Result<BusinessCalendar> parsed = BusinessCalendar::parse(text);
        QVERIFY2(parsed.good(), qPrintable(parsed.status().message()));
        QVERIFY(parsed->hasOpeningHours());
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char *text, const char *message) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(message);
        };
        row("misspelt zone", "tz=Europe/Lubljana; mon-fri 08:00-16:00",
            "column 4: unknown time zone \"Europe/Lubljana\"; did you mean \"Europe/Ljubljana\"?");
        row("nonsense zone", "tz=Mars/Olympus",
            "column 4: unknown time zone \"Mars/Olympus\"; use an IANA zone id such as "
            "Europe/Ljubljana");
        row("ends before it starts", "tz=Europe/Ljubljana; mon 17:00-16:00",
            "column 26: 17:00-16:00 ends before it starts (an interval cannot cross midnight: "
            "write 17:00-24:00 on one day and 00:00-16:00 on the next)");
        row("empty interval", "tz=UTC; mon 08:00-08:00", "column 13: 08:00-08:00 is empty");
        row("bad start time", "tz=UTC; mon 8:00-16:00",
            "column 13: \"8:00\" is not a time; write HH:MM, e.g. 08:00");
        row("bad end time", "tz=UTC; mon 08:00-16:60",
            "column 19: \"16:60\" is not a time; write HH:MM, e.g. 16:00 or 24:00");
        row("24:00 as start", "tz=UTC; mon 24:00-24:00",
            "column 13: \"24:00\" is not a time; write HH:MM, e.g. 08:00");
        row("not an interval", "tz=UTC; mon 08:00",
            "column 13: \"08:00\" is not an interval; write HH:MM-HH:MM, e.g. 08:00-16:00");
        row("overlap", "tz=UTC; mon-fri 08:00-12:00, 11:00-13:00",
            "column 30: 11:00-13:00 overlaps 08:00-12:00 on Monday");
        row("unknown day", "tz=UTC; mnn-fri 08:00-16:00",
            "column 9: unknown day or keyword \"mnn\"; expected a day (mon, tue, wed, thu, fri, "
            "sat, sun), a range such as mon-fri, tz=, holiday or yearly");
        row("unknown range end", "tz=UTC; mon-fry 08:00-16:00",
            "column 13: unknown day or keyword \"fry\"; expected a day (mon, tue, wed, thu, fri, "
            "sat, sun), a range such as mon-fri, tz=, holiday or yearly");
        row("day without hours", "tz=UTC; mon-fri",
            "column 16: \"mon-fri\" needs opening hours, e.g. mon-fri 08:00-16:00");
        row("bad date", "tz=UTC; holiday 2026-02-30",
            "column 17: \"2026-02-30\" is not a date; write YYYY-MM-DD, e.g. 2026-12-24");
        row("bad yearly date", "tz=UTC; yearly 12-25, 13-01",
            "column 23: \"13-01\" is not a month and day; write MM-DD, e.g. 12-25");
        row("holiday without date", "tz=UTC; holiday",
            "column 16: \"holiday\" needs a date, e.g. holiday 2026-12-24");
        row("missing zone", "mon-fri 08:00-16:00",
            "column 1: missing time zone; start with e.g. \"tz=Europe/Ljubljana\"");
        row("zone twice", "tz=UTC; tz=Europe/Warsaw", "column 9: time zone given twice");
        row("line and column", "tz=Europe/Warsaw\nmon-fri 08:00-16:00\nsat 12:00-09:00",
            "line 3, column 5: 12:00-09:00 ends before it starts (an interval cannot cross "
            "midnight: write 12:00-24:00 on one day and 00:00-09:00 on the next)");
        row("empty", "", "column 1: missing time zone; start with e.g. \"tz=Europe/Ljubljana\"");
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Result<BusinessCalendar> parsed = BusinessCalendar::parse(text);
        QVERIFY(!parsed.good());
        QCOMPARE(parsed.status().code(), Status::Invalid);
        QCOMPARE(parsed.status().message(), message);
    }

    void randomisedConsistency_data()
    {
        QTest::addColumn<QString>("zone");
        for (const char *zone : Zones)
            QTest::newRow(zone) << QString::fromLatin1(zone);
    }
    void randomisedConsistency()
    {
        QFETCH(QString, zone);
        const BusinessCalendar cal =
            calendar(QStringLiteral("tz=") + zone +
                     QStringLiteral("; mon-fri 08:00-12:00, 13:00-16:30; sat 09:00-12:00; "
                                    "sun 01:00-04:00, 23:30-24:00; holiday 2026-03-30, 2026-11-02; "
                                    "yearly 10-26, 03-09"));
        QRandomGenerator random(20260329u + quint32(qHash(zone)));
        const qint64 yearStart = utc("2026-01-01T00:00:00").toSecsSinceEpoch();
        for (int i = 0; i < 300; ++i) {
            const QDateTime start =
                QDateTime::fromSecsSinceEpoch(yearStart + random.bounded(365 * 24 * 3600), Qt::UTC);
            const qint64 seconds = random.bounded(3 * 7 * 24 * 3600);
            const QDateTime end = cal.addBusinessSeconds(start, seconds);
            QVERIFY(end.isValid());
            QVERIFY(end >= start);
            QCOMPARE(cal.businessSecondsBetween(start, end), seconds);
            const QDateTime next = cal.nextOpening(start);
            QVERIFY(cal.isOpen(next));
            QCOMPARE(cal.businessSecondsBetween(start, next), 0);
            QVERIFY(next == start || !cal.isOpen(next.addSecs(-1)));
        }
    }

    void bruteForceMinuteScan_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("weekStart");
        QRandomGenerator random(4242u);
        for (const char *zone : Zones) {
            const bool us = QByteArray(zone).startsWith("America");
            const QDateTime spring = utc(us ? "2026-03-05T00:00:00" : "2026-03-26T00:00:00");
            const QDateTime fall = utc(us ? "2026-10-29T00:00:00" : "2026-10-22T00:00:00");
            QTest::addRow("%s spring change", zone) << QString::fromLatin1(zone) << spring;
            QTest::addRow("%s autumn change", zone) << QString::fromLatin1(zone) << fall;
            for (int i = 0; i < 2; ++i) {
                const QDateTime t = utc("2026-01-01T00:00:00").addSecs(60 * random.bounded(525600));
                QTest::addRow("%s random %s", zone, qPrintable(t.toString(Qt::ISODate)))
                    << QString::fromLatin1(zone) << t;
            }
        }
    }
    void bruteForceMinuteScan()
    {
        QFETCH(QString, zone);
        QFETCH(QDateTime, weekStart);
        const BusinessCalendar cal =
            calendar(QStringLiteral("tz=") + zone +
                     QStringLiteral("; mon-fri 08:00-12:00, 13:00-16:30; sat 09:00-12:00; "
                                    "sun 01:00-04:00, 23:30-24:00; holiday 2026-03-30, 2026-11-02; "
                                    "yearly 10-26, 03-09"));
        qint64 openMinutes = 0;
        bool wasOpen = cal.isOpen(weekStart.addSecs(-60));
        for (int minute = 0; minute < 7 * 24 * 60; ++minute) {
            const QDateTime t = weekStart.addSecs(60 * qint64(minute));
            const bool open = cal.isOpen(t);
            if (open != wasOpen) { // check the interval walk at each edge
                const QDateTime before = t.addSecs(-30);
                QCOMPARE(cal.businessSecondsBetween(weekStart, t), openMinutes * 60);
                QCOMPARE(cal.businessSecondsBetween(before, t), open ? 0 : 30);
                if (open)
                    QCOMPARE(cal.nextOpening(before), t);
            }
            if (open)
                ++openMinutes;
            wasOpen = open;
        }
        QCOMPARE(cal.businessSecondsBetween(weekStart, weekStart.addDays(7)), openMinutes * 60);
    }
};

QTEST_GUILESS_MAIN(TestBusinessHours)
#include "tst_businesshours.moc"
