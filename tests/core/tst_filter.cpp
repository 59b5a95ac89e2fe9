#include "filter.h"
#include "labels.h"
#include "slovenianlabels.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

using namespace Pult;

Q_DECLARE_METATYPE(FilterField)
Q_DECLARE_METATYPE(FilterOp)

namespace {

QString describe(const Filter &f)
{
    // A compact, readable form of the parsed terms for table-driven comparisons.
    static const char *fields[] = {"status",  "priority",  "assignee", "dept",   "category",
                                   "tag",     "requester", "channel",  "tier",   "csat",
                                   "created", "updated",   "due",      "solved", "sla",
                                   "is",      "has",       "number",   "sort",   "text"};
    static const char *ops[] = {":", "<", "<=", ">", ">="};
    QStringList parts;
    for (const FilterTerm &t : f.terms) {
        parts.append((t.negated ? QStringLiteral("-") : QString()) +
                     QString::fromLatin1(fields[int(t.field)]) +
                     QString::fromLatin1(ops[int(t.op)]) +
                     (t.phrase ? QStringLiteral("\"") : QString()) + t.values.join(u',') +
                     (t.phrase ? QStringLiteral("\"") : QString()));
    }
    if (f.sort)
        parts.append(QStringLiteral("sort:") + *f.sort);
    return parts.join(u' ');
}

} // namespace

class TestFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("parsed");
        QTest::newRow("the issue's example")
            << QStringLiteral("status:open,pending assignee:me priority>=high dept:billing tag:vip "
                              "-tag:spam created<7d \"account locked\"")
            << QStringLiteral("status:open,pending assignee:me priority>=high dept:billing "
                              "tag:vip -tag:spam created<7d text:\"account locked\"");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("spaces") << QStringLiteral("   ") << QString();
        QTest::newRow("case-insensitive") << QStringLiteral("STATUS:On-Hold Priority:URGENT")
                                          << QStringLiteral("status:on-hold priority:urgent");
        QTest::newRow("department alias") << QStringLiteral("department:\"Technical support\"")
                                          << QStringLiteral("dept:technical support");
        QTest::newRow("words") << QStringLiteral("Łódź invoice -refund")
                               << QStringLiteral("text:łódź text:invoice -text:refund");
        QTest::newRow("negated phrase")
            << QStringLiteral("-\"out of office\"") << QStringLiteral("-text:\"out of office\"");
        QTest::newRow("number") << QStringLiteral("#1042") << QStringLiteral("number:1042");
        QTest::newRow("comparisons")
            << QStringLiteral("priority<normal priority<=high priority>low tier>=2 updated>2h")
            << QStringLiteral("priority<normal priority<=high priority>low tier>=2 updated>2h");
        QTest::newRow("satisfaction")
            << QStringLiteral("csat<=2 -csat:1") << QStringLiteral("csat<=2 -csat:1");
        QTest::newRow("equals sign")
            << QStringLiteral("status=solved") << QStringLiteral("status:solved");
        QTest::newRow("dates") << QStringLiteral("created>=2026-01-01 due<2026-12-01")
                               << QStringLiteral("created>=2026-01-01 due<2026-12-01");
        QTest::newRow("sla") << QStringLiteral("sla:breached sla<2h")
                             << QStringLiteral("sla:breached sla<2h");
        QTest::newRow("is and has") << QStringLiteral("is:unread,spam -is:merged has:attachment")
                                    << QStringLiteral("is:unread,spam -is:merged has:attachment");
        QTest::newRow("sort") << QStringLiteral("status:open sort:sla")
                              << QStringLiteral("status:open sort:sla");
        QTest::newRow("assignee none, email")
            << QStringLiteral("assignee:none requester:Ana@Example.com")
            << QStringLiteral("assignee:none requester:ana@example.com");
        QTest::newRow("channel") << QStringLiteral("channel:web-form,api")
                                 << QStringLiteral("channel:web-form,api");
        QTest::newRow("quote escape")
            << QStringLiteral("\"say \\\"hi\\\"\"") << QStringLiteral("text:\"say \"hi\"\"");
        QTest::newRow("escaped quote and space in a value")
            << QStringLiteral("tag:\"a \\\" b\" is:spam") << QStringLiteral("tag:a \" b is:spam");
        QTest::newRow("label with a space, quoted")
            << QStringLiteral("status:\"On hold\",\" solved \"")
            << QStringLiteral("status:on-hold,solved");
        QTest::newRow("accents and spaces in fixed values")
            << QStringLiteral("status:ópen channel:\"Web Form\" priority:HÍGH")
            << QStringLiteral("status:open channel:web-form priority:high");
        QTest::newRow("English labels") << QStringLiteral("status:\"on hold\" priority>normal")
                                        << QStringLiteral("status:on-hold priority>normal");
    }
    void parses()
    {
        QFETCH(QString, input);
        QFETCH(QString, parsed);
        const FilterParse result = parseFilter(input);
        QVERIFY2(result.good(), qPrintable(result.error->toString()));
        QCOMPARE(describe(result.filter), parsed);
    }

    void reportsPositionedErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown field, prefix")
            << QStringLiteral("status:open prio:high")
            << QStringLiteral("column 13: unknown field \"prio\" — did you mean \"priority\"?");
        QTest::newRow("unknown field, typo")
            << QStringLiteral("stauts:open")
            << QStringLiteral("column 1: unknown field \"stauts\" — did you mean \"status\"?");
        QTest::newRow("unknown field, nothing close")
            << QStringLiteral("zzzz:1") << QStringLiteral("column 1: unknown field \"zzzz\"");
        QTest::newRow("unknown status")
            << QStringLiteral("status:open,pendng")
            << QStringLiteral("column 13: unknown status \"pendng\" — did you mean \"pending\"?");
        QTest::newRow("unknown priority")
            << QStringLiteral("priority>=hgh")
            << QStringLiteral("column 11: unknown priority \"hgh\" — did you mean \"high\"?");
        QTest::newRow("missing value")
            << QStringLiteral("tag:") << QStringLiteral("column 5: tag needs a value");
        QTest::newRow("empty list item")
            << QStringLiteral("tag:a,,b") << QStringLiteral("column 7: tag needs a value");
        QTest::newRow("comparison on status")
            << QStringLiteral("status>open")
            << QStringLiteral("column 7: this field takes \":\", not a comparison");
        QTest::newRow("list in a comparison")
            << QStringLiteral("priority>low,high")
            << QStringLiteral("column 13: a comparison takes one value, not a list");
        QTest::newRow("bad time span")
            << QStringLiteral("created<7x")
            << QStringLiteral("column 9: \"7x\" is neither a time span (30m, 2h, 7d, 4w) nor a "
                              "date (2026-01-31)");
        QTest::newRow("bad date")
            << QStringLiteral("due<2026-02-30")
            << QStringLiteral("column 5: \"2026-02-30\" is neither a time span (30m, 2h, 7d, 4w) "
                              "nor a date (2026-01-31)");
        QTest::newRow("unclosed quote") << QStringLiteral("status:open \"account locked")
                                        << QStringLiteral("column 13: the quote is not closed");
        QTest::newRow("bad number") << QStringLiteral("#12a")
                                    << QStringLiteral("column 1: a ticket number is # followed by "
                                                      "digits, e.g. #1042");
        QTest::newRow("tier range") << QStringLiteral("tier:0")
                                    << QStringLiteral("column 6: a tier is a number from 1 to 9");
        QTest::newRow("csat range")
            << QStringLiteral("csat<=6")
            << QStringLiteral("column 7: a satisfaction rating is a number from 1 to 5");
        QTest::newRow("negated sort")
            << QStringLiteral("-sort:sla") << QStringLiteral("column 1: sort cannot be negated");
        QTest::newRow("sla word")
            << QStringLiteral("sla:late")
            << QStringLiteral("column 5: sla: takes \"breached\", or a comparison like sla<2h — "
                              "did you mean \"breached\"?");
        QTest::newRow("first error wins")
            << QStringLiteral("prio:x stauts:y")
            << QStringLiteral("column 1: unknown field \"prio\" — did you mean \"priority\"?");
    }
    void reportsPositionedErrors()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        const FilterParse result = parseFilter(input);
        QVERIFY(!result.good());
        QCOMPARE(result.error->toString(), error);
    }

    void acceptsNamesInTheUiLanguage()
    {
        SlovenianLabels slovenian;
        QVERIFY(QCoreApplication::installTranslator(&slovenian));
        auto removeTranslator =
            qScopeGuard([&] { QCoreApplication::removeTranslator(&slovenian); });
        QCOMPARE(Labels::status(TicketStatus::Pending), QStringLiteral("V čakanju"));

        const auto parsed = [](const QString &text) {
            const FilterParse result = parseFilter(text);
            return result.good() ? describe(result.filter) : result.error->toString();
        };
        // Slovenian names, in any case, with or without accents, quoted or with "-".
        QCOMPARE(parsed(QStringLiteral("status:odprt,\"v cakanju\"")),
                 QStringLiteral("status:open,pending"));
        QCOMPARE(parsed(QStringLiteral("status:v-čakanju")), QStringLiteral("status:pending"));
        QCOMPARE(parsed(QStringLiteral("status:V-CAKANJU,Zadržan,zadrzan")),
                 QStringLiteral("status:pending,on-hold,on-hold"));
        QCOMPARE(parsed(QStringLiteral("priority>=visoka")), QStringLiteral("priority>=high"));
        QCOMPARE(parsed(QStringLiteral("-priority:OBIČAJNA,nujna")),
                 QStringLiteral("-priority:normal,urgent"));
        // The canonical English names always work; the English labels are no longer names.
        QCOMPARE(parsed(QStringLiteral("status:open,on-hold priority>=high")),
                 QStringLiteral("status:open,on-hold priority>=high"));
        // Near misses are suggested in the language they were typed in.
        QCOMPARE(parsed(QStringLiteral("status:zadrzn")),
                 QStringLiteral("column 8: unknown status \"zadrzn\" — did you mean \"zadržan\"?"));
        QCOMPARE(parsed(QStringLiteral("status:v-cakanj")),
                 QStringLiteral("column 8: unknown status \"v-cakanj\" — did you mean "
                                "\"v-čakanju\"?"));
        QCOMPARE(parsed(QStringLiteral("priority:visko")),
                 QStringLiteral("column 10: unknown priority \"visko\" — did you mean "
                                "\"visoka\"?"));
        QCOMPARE(parsed(QStringLiteral("status:pendng")),
                 QStringLiteral("column 8: unknown status \"pendng\" — did you mean "
                                "\"pending\"?"));
        // Only status and priority have names in the UI language.
        QVERIFY(!parseFilter(QStringLiteral("channel:odprt")).good());
        QCOMPARE(canonicalFilterValue(FilterField::Priority, u" Nujna "),
                 std::optional<QString>(QStringLiteral("urgent")));
        QCOMPARE(canonicalFilterValue(FilterField::Tag, u"nujna"), std::nullopt);

        removeTranslator.dismiss();
        QVERIFY(QCoreApplication::removeTranslator(&slovenian));
        QCOMPARE(Labels::status(TicketStatus::Pending), QStringLiteral("Pending"));
        QVERIFY(!parseFilter(QStringLiteral("status:odprt")).good());
        QCOMPARE(parsed(QStringLiteral("status:\"On hold\"")), QStringLiteral("status:on-hold"));
    }

    void matchKey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::newRow("case and accents") << QStringLiteral("ČaKaNjE") << QStringLiteral("cakanje");
        QTest::newRow("spaces") << QStringLiteral("  V   čakanju ") << QStringLiteral("v-cakanju");
        QTest::newRow("dashes and spaces")
            << QStringLiteral("on - hold") << QStringLiteral("on-hold");
        QTest::newRow("trailing dash") << QStringLiteral("v-") << QStringLiteral("v-");
        QTest::newRow("precomposed and decomposed")
            << QStringLiteral("e\u0301te\u0301 \u00e9t\u00e9") << QStringLiteral("ete-ete");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("emoji") << QStringLiteral("a😀") << QStringLiteral("a😀");
    }
    void matchKey()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QCOMPARE(filterMatchKey(text), key);
    }

    void fieldHelpers()
    {
        QCOMPARE(filterFieldFromName(u"Department"), std::optional(FilterField::Department));
        QCOMPARE(filterFieldFromName(u"prio"), std::nullopt);
        QCOMPARE(filterFieldValues(FilterField::Status),
                 (QStringList{QStringLiteral("new"), QStringLiteral("open"),
                              QStringLiteral("pending"), QStringLiteral("on-hold"),
                              QStringLiteral("solved"), QStringLiteral("closed")}));
        QVERIFY(filterFieldValues(FilterField::Tag).isEmpty());
        const QList<FilterValueLabel> labels = filterValueLabels(FilterField::Priority);
        QCOMPARE(labels.size(), 4);
        QCOMPARE(labels.at(2), (FilterValueLabel{QStringLiteral("High"), QStringLiteral("high")}));
        QVERIFY(filterValueLabels(FilterField::Channel).isEmpty());
    }

    void tokensForHighlighting()
    {
        const QString text = QStringLiteral("-tag:vip prio:x \"a b\" word #7");
        const QList<FilterToken> tokens = filterTokens(text);
        const QList<FilterToken> expected{
            {FilterTokenKind::Negation, 0, 1}, {FilterTokenKind::Field, 1, 3},
            {FilterTokenKind::Operator, 4, 1}, {FilterTokenKind::Value, 5, 3},
            {FilterTokenKind::Error, 9, 6},    {FilterTokenKind::Phrase, 16, 5},
            {FilterTokenKind::Word, 22, 4},    {FilterTokenKind::Value, 27, 2},
        };
        QCOMPARE(tokens, expected);
    }

    void neverCrashesOrHangsOnAnyInput()
    {
        // A seeded random mix of the characters the grammar cares about, plus letters beyond
        // Latin-1 and surrogate pairs: every parse ends, positions stay inside the text, tokens
        // are ordered and do not overlap.
        QRandomGenerator rng(20261123);
        const QString alphabet = QStringLiteral("ab:,<>=-\"\\# 1stauoprityłđ\t😀");
        const QStringList pieces =
            filterFieldNames() + QStringList{QStringLiteral("open"), QStringLiteral("7d"),
                                             QStringLiteral("2026-01-01"), QStringLiteral("me")};
        for (int round = 0; round < 20000; ++round) {
            QString text;
            const int length = int(rng.bounded(24));
            for (int i = 0; i < length; ++i) {
                if (rng.bounded(4) == 0)
                    text += pieces.at(int(rng.bounded(pieces.size())));
                else
                    text += alphabet.at(int(rng.bounded(alphabet.size())));
            }
            const FilterParse result = parseFilter(text);
            if (!result.good()) {
                QVERIFY2(result.error->position >= 0 && result.error->position <= text.size(),
                         qPrintable(text));
                QVERIFY(!result.error->message.isEmpty());
            }
            int previousEnd = 0;
            for (const FilterToken &t : filterTokens(text)) {
                QVERIFY2(t.start >= previousEnd && t.length > 0 &&
                             t.start + t.length <= text.size(),
                         qPrintable(text));
                previousEnd = t.start + t.length;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
