#include "filter.h"
#include "filtercompletion.h"
#include "slovenianlabels.h"

#include <QDate>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

#include <limits>

using namespace Pult;

namespace {

FilterVocabulary vocabulary()
{
    FilterVocabulary v;
    v.departments = {QStringLiteral("Billing"), QStringLiteral("Technical support"),
                     QStringLiteral("Sales, EMEA")};
    v.tags = {QStringLiteral("vip"), QStringLiteral("spam-risk"), QStringLiteral("say \"hi\""),
              QStringLiteral("invoice")};
    v.agents = {QStringLiteral("Ana Novak"), QStringLiteral("Žiga Kovač")};
    v.agentEmails = {QStringLiteral("ana@example.com"), QStringLiteral("ziga@example.com")};
    v.categories = {QStringLiteral("Refunds"), QStringLiteral("Login problems")};
    return v;
}

// The completions at the "|" in text (which is removed).
QList<FilterCompletion> at(const QString &textWithCursor, const FilterVocabulary &v = vocabulary())
{
    const int cursor = int(textWithCursor.indexOf(u'|'));
    Q_ASSERT(cursor >= 0);
    QString text = textWithCursor;
    text.remove(cursor, 1);
    return filterCompletions(text, cursor, v);
}

QStringList inserts(const QList<FilterCompletion> &completions)
{
    QStringList out;
    for (const FilterCompletion &c : completions)
        out.append(c.insert);
    return out;
}

QString apply(QString text, const FilterCompletion &c)
{
    return text.replace(c.start, c.length, c.insert);
}

// The text after accepting completion `index` at the "|".
QString accepted(const QString &textWithCursor, qsizetype index = 0)
{
    const QList<FilterCompletion> completions = at(textWithCursor);
    if (index >= completions.size())
        return QStringLiteral("<no completion %1>").arg(index);
    QString text = textWithCursor;
    text.remove(text.indexOf(u'|'), 1);
    return apply(text, completions.at(index));
}

QStringList fieldInserts()
{
    QStringList out;
    for (const QString &name : filterFieldNames())
        out.append(name + u':');
    return out;
}

QStringList list(std::initializer_list<const char16_t *> items)
{
    QStringList out;
    for (const char16_t *item : items)
        out.append(QString::fromUtf16(item));
    return out;
}

} // namespace

class TestFilterCompletion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyTextOffersEveryField()
    {
        const QList<FilterCompletion> completions = filterCompletions(QString(), 0, vocabulary());
        QCOMPARE(inserts(completions), fieldInserts());
        for (const FilterCompletion &c : completions) {
            QCOMPARE(c.kind, FilterCompletion::Kind::Field);
            QCOMPARE(c.start, 0);
            QCOMPARE(c.length, 0);
            QCOMPARE(c.label, c.insert);
        }
        // Between items, too.
        QCOMPARE(inserts(at(QStringLiteral("tag:vip | is:spam"))), fieldInserts());
        QCOMPARE(at(QStringLiteral("tag:vip | is:spam")).first().start, 8);
    }

    void fieldNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("prefix") << QStringLiteral("sta|") << list({u"status:"});
        QTest::newRow("several") << QStringLiteral("s|")
                                 << list({u"status:", u"solved:", u"sla:", u"sort:"});
        QTest::newRow("alias") << QStringLiteral("de|") << list({u"dept:", u"department:"});
        QTest::newRow("case-insensitive") << QStringLiteral("PRI|") << list({u"priority:"});
        QTest::newRow("whole name") << QStringLiteral("tier|") << list({u"tier:"});
        QTest::newRow("full text") << QStringLiteral("invoice|") << QStringList();
        QTest::newRow("longer than a name") << QStringLiteral("statusx|") << QStringList();
        QTest::newRow("digits: full text") << QStringLiteral("st4|") << QStringList();
        QTest::newRow("after -") << QStringLiteral("-ta|") << list({u"tag:"});
        QTest::newRow("just -") << QStringLiteral("-|") << fieldInserts();
        QTest::newRow("before -") << QStringLiteral("|-tag:vip") << QStringList();
        QTest::newRow("phrase") << QStringLiteral("\"sta|") << QStringList();
        QTest::newRow("inside a phrase")
            << QStringLiteral("\"account sta| locked\"") << QStringList();
        QTest::newRow("ticket number") << QStringLiteral("#10|") << QStringList();
        QTest::newRow("operator follows") << QStringLiteral("pr|:high") << list({u"priority"});
        QTest::newRow("in the middle of a name")
            << QStringLiteral("sta|tus:open") << list({u"status"});
        QTest::newRow("unknown field, operator follows")
            << QStringLiteral("zz|:1") << QStringList();
    }
    void fieldNames()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const QList<FilterCompletion> completions = at(text);
        QCOMPARE(inserts(completions), expected);
        for (const FilterCompletion &c : completions)
            QCOMPARE(c.kind, FilterCompletion::Kind::Field);
    }

    void fieldSpans()
    {
        QCOMPARE(accepted(QStringLiteral("sta|")), QStringLiteral("status:"));
        QCOMPARE(accepted(QStringLiteral("-ta|")), QStringLiteral("-tag:"));
        QCOMPARE(accepted(QStringLiteral("-|")), QStringLiteral("-status:"));
        // The whole name is replaced, also when the cursor is in its middle.
        QCOMPARE(accepted(QStringLiteral("sta|tus:open")), QStringLiteral("status:open"));
        QCOMPARE(accepted(QStringLiteral("pr|:high")), QStringLiteral("priority:high"));
        QCOMPARE(accepted(QStringLiteral("pri|or>=high")), QStringLiteral("priority>=high"));
        // In the middle of the text.
        QCOMPARE(accepted(QStringLiteral("status:open prio| tag:vip")),
                 QStringLiteral("status:open priority: tag:vip"));
        QCOMPARE(accepted(QStringLiteral("status:open -ta| \"a b\"")),
                 QStringLiteral("status:open -tag: \"a b\""));
        const QList<FilterCompletion> c = at(QStringLiteral("status:open prio| tag:vip"));
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.first().start, 12);
        QCOMPARE(c.first().length, 4);
    }

    void values_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("every status")
            << QStringLiteral("status:|")
            << list({u"new", u"open", u"pending", u"on-hold", u"solved", u"closed"});
        QTest::newRow("status prefix")
            << QStringLiteral("status:p|") << list({u"pending", u"open"});
        QTest::newRow("prefix first, then substring")
            << QStringLiteral("status:o|") << list({u"open", u"on-hold", u"solved", u"closed"});
        QTest::newRow("substring") << QStringLiteral("status:hol|") << list({u"on-hold"});
        QTest::newRow("with a space") << QStringLiteral("status:\"on h|") << list({u"on-hold"});
        QTest::newRow("case-insensitive")
            << QStringLiteral("STATUS=PEN|") << list({u"pending", u"open"});
        QTest::newRow("after a comma")
            << QStringLiteral("status:open,|")
            << list({u"new", u"pending", u"on-hold", u"solved", u"closed"});
        QTest::newRow("after a comma, prefix")
            << QStringLiteral("status:open,c|") << list({u"closed"});
        QTest::newRow("negated") << QStringLiteral("-status:s|") << list({u"solved", u"closed"});
        QTest::newRow("priority comparison") << QStringLiteral("priority>=h|") << list({u"high"});
        QTest::newRow("priority after <")
            << QStringLiteral("priority<|") << list({u"low", u"normal", u"high", u"urgent"});
        QTest::newRow("inside the operator") << QStringLiteral("priority>|=h") << QStringList();
        QTest::newRow("channel") << QStringLiteral("channel:w|") << list({u"web-form"});
        QTest::newRow("is") << QStringLiteral("is:|") << list({u"unread", u"spam", u"merged"});
        QTest::newRow("has") << QStringLiteral("-has:a|") << list({u"attachment"});
        QTest::newRow("sla") << QStringLiteral("sla:|") << list({u"breached"});
        QTest::newRow("sla comparison")
            << QStringLiteral("sla<|") << list({u"30m", u"1h", u"2h", u"4h", u"1d"});
        QTest::newRow("created") << QStringLiteral("created<|")
                                 << QStringList{QStringLiteral("1h"), QStringLiteral("1d"),
                                                QStringLiteral("7d"), QStringLiteral("30d"),
                                                QDate::currentDate().toString(Qt::ISODate)};
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        QTest::newRow("due, prefix")
            << QStringLiteral("due>=3|")
            << list({u"30d"}) + (today.contains(u'3') ? QStringList{today} : QStringList());
        QTest::newRow("solved, date")
            << QStringLiteral("solved:") + today.left(4) + u'|' << QStringList{today};
        QTest::newRow("tier") << QStringLiteral("tier>=|")
                              << list({u"1", u"2", u"3", u"4", u"5", u"6", u"7", u"8", u"9"});
        QTest::newRow("assignee") << QStringLiteral("assignee:|")
                                  << list({u"me", u"none", u"\"Ana Novak\"", u"\"Žiga Kovač\"",
                                           u"ana@example.com", u"ziga@example.com"});
        QTest::newRow("assignee, accent-insensitive")
            << QStringLiteral("assignee:zi|") << list({u"\"Žiga Kovač\"", u"ziga@example.com"});
        QTest::newRow("assignee, substring")
            << QStringLiteral("assignee:KOVAC|") << list({u"\"Žiga Kovač\""});
        QTest::newRow("assignee, name with a dash")
            << QStringLiteral("assignee:ana-n|") << list({u"\"Ana Novak\""});
        QTest::newRow("assignee, e-mail")
            << QStringLiteral("assignee:ana@|") << list({u"ana@example.com"});
        QTest::newRow("department")
            << QStringLiteral("dept:|")
            << list({u"Billing", u"\"Technical support\"", u"\"Sales, EMEA\""});
        QTest::newRow("department alias")
            << QStringLiteral("department:sal|") << list({u"\"Sales, EMEA\""});
        QTest::newRow("department, quoted")
            << QStringLiteral("dept:\"tech|") << list({u"\"Technical support\""});
        QTest::newRow("tag") << QStringLiteral("tag:|")
                             << list({u"vip", u"spam-risk", u"\"say \\\"hi\\\"\"", u"invoice"});
        QTest::newRow("tag, other tags") << QStringLiteral("-tag:vip,|")
                                         << list({u"spam-risk", u"\"say \\\"hi\\\"\"", u"invoice"});
        QTest::newRow("not a value") << QStringLiteral("tag:vip,-tag:|") << QStringList();
        QTest::newRow("tag, substring") << QStringLiteral("tag:risk|") << list({u"spam-risk"});
        QTest::newRow("tag with a quote")
            << QStringLiteral("tag:say|") << list({u"\"say \\\"hi\\\"\""});
        QTest::newRow("category") << QStringLiteral("category:lo|")
                                  << list({u"\"Login problems\""});
        QTest::newRow("sort") << QStringLiteral("sort:|")
                              << list({u"updated", u"created", u"priority", u"sla", u"queue"});
        QTest::newRow("requester: no vocabulary") << QStringLiteral("requester:|") << QStringList();
        QTest::newRow("unknown field") << QStringLiteral("prio:|") << QStringList();
        QTest::newRow("nothing matches") << QStringLiteral("status:xyz|") << QStringList();
    }
    void values()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const QList<FilterCompletion> completions = at(text);
        QCOMPARE(inserts(completions), expected);
        const bool sort = text.startsWith(QLatin1String("sort"));
        for (const FilterCompletion &c : completions) {
            QCOMPARE(c.kind, sort ? FilterCompletion::Kind::Sort : FilterCompletion::Kind::Value);
        }
    }

    void valueSpans()
    {
        QCOMPARE(accepted(QStringLiteral("status:p|")), QStringLiteral("status:pending"));
        QCOMPARE(accepted(QStringLiteral("status:|")), QStringLiteral("status:new"));
        QCOMPARE(accepted(QStringLiteral("status:open,pe|")),
                 QStringLiteral("status:open,pending"));
        // The whole value under the cursor is replaced, not its neighbours.
        QCOMPARE(accepted(QStringLiteral("status:open,pe|nd,closed")),
                 QStringLiteral("status:open,pending,closed"));
        QCOMPARE(accepted(QStringLiteral("status:o|pen,closed tag:vip")),
                 QStringLiteral("status:open,closed tag:vip"));
        QCOMPARE(accepted(QStringLiteral("-status:s| tag:vip")),
                 QStringLiteral("-status:solved tag:vip"));
        QCOMPARE(accepted(QStringLiteral("priority>=h|")), QStringLiteral("priority>=high"));
        // Quoted values: inside closed quotes the whole quoted value is replaced; an unclosed
        // quote runs to the end of the text, so only what is before the cursor is.
        QCOMPARE(accepted(QStringLiteral("dept:te|")),
                 QStringLiteral("dept:\"Technical support\""));
        QCOMPARE(accepted(QStringLiteral("dept:\"te|ch\" is:spam")),
                 QStringLiteral("dept:\"Technical support\" is:spam"));
        QCOMPARE(accepted(QStringLiteral("dept:\"tech| status:open")),
                 QStringLiteral("dept:\"Technical support\" status:open"));
        QCOMPARE(accepted(QStringLiteral("dept:billing,\"sal|")),
                 QStringLiteral("dept:billing,\"Sales, EMEA\""));
        QCOMPARE(accepted(QStringLiteral("dept:\"Sales, EMEA\",|")),
                 QStringLiteral("dept:\"Sales, EMEA\",Billing"));
        QCOMPARE(accepted(QStringLiteral("assignee:nov|")),
                 QStringLiteral("assignee:\"Ana Novak\""));

        const QList<FilterCompletion> c = at(QStringLiteral("tag:vip status:open,pe|nd,closed"));
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.first().start, 20);
        QCOMPARE(c.first().length, 4);
        QCOMPARE(c.first().label, QStringLiteral("pending"));
        QCOMPARE(at(QStringLiteral("dept:\"tech| status:open")).first().length, 5);
    }

    void everyValueParses()
    {
        // Whatever a completion inserts after "field:" (or a comparison) reads back.
        const QStringList prefixes{
            QStringLiteral("status:"),   QStringLiteral("priority>="), QStringLiteral("channel:"),
            QStringLiteral("is:"),       QStringLiteral("has:"),       QStringLiteral("sort:"),
            QStringLiteral("sla:"),      QStringLiteral("sla<"),       QStringLiteral("created<"),
            QStringLiteral("due:"),      QStringLiteral("tier:"),      QStringLiteral("assignee:"),
            QStringLiteral("dept:"),     QStringLiteral("tag:"),       QStringLiteral("category:"),
            QStringLiteral("-tag:vip,"),
        };
        for (const QString &prefix : prefixes) {
            const QString text = prefix + QStringLiteral(" is:spam");
            const QList<FilterCompletion> completions =
                filterCompletions(text, int(prefix.size()), vocabulary());
            QVERIFY2(!completions.isEmpty(), qPrintable(prefix));
            for (const FilterCompletion &c : completions) {
                const QString completed = apply(text, c);
                const FilterParse parse = parseFilter(completed);
                QVERIFY2(parse.good(), qPrintable(completed + u' ' + parse.error->toString()));
            }
        }
        const FilterParse quoted = parseFilter(accepted(QStringLiteral("tag:say|")));
        QVERIFY(quoted.good());
        QCOMPARE(quoted.filter.terms.first().values, QStringList{QStringLiteral("say \"hi\"")});
    }

    void namesInTheUiLanguage()
    {
        SlovenianLabels slovenian;
        QVERIFY(QCoreApplication::installTranslator(&slovenian));
        const auto removeTranslator =
            qScopeGuard([&] { QCoreApplication::removeTranslator(&slovenian); });

        QCOMPARE(inserts(at(QStringLiteral("status:|"))),
                 list({u"new", u"open", u"pending", u"on-hold", u"solved", u"closed", u"nov",
                       u"odprt", u"\"v čakanju\"", u"zadržan", u"rešen", u"zaprt"}));
        const QList<FilterCompletion> pending = at(QStringLiteral("status:v|"));
        // "solved" and "nov" contain a "v"; they come after the name that starts with one.
        QCOMPARE(inserts(pending), list({u"\"v čakanju\"", u"solved", u"nov"}));
        QCOMPARE(pending.first().label, QStringLiteral("V čakanju"));
        QCOMPARE(inserts(at(QStringLiteral("status:cak|"))), list({u"\"v čakanju\""}));
        QCOMPARE(inserts(at(QStringLiteral("status:v-č|"))), list({u"\"v čakanju\""}));
        QCOMPARE(inserts(at(QStringLiteral("status:\"v ca|"))), list({u"\"v čakanju\""}));
        QCOMPARE(inserts(at(QStringLiteral("status:o|"))),
                 list({u"open", u"on-hold", u"odprt", u"solved", u"closed", u"nov"}));
        QCOMPARE(inserts(at(QStringLiteral("priority>=vis|"))), list({u"visoka"}));
        QCOMPARE(inserts(at(QStringLiteral("priority:obi|"))), list({u"običajna"}));
        // A value already in the list, in either language, is not offered again.
        QCOMPARE(inserts(at(QStringLiteral("status:odprt,op|"))), QStringList());
        QCOMPARE(inserts(at(QStringLiteral("status:open,odp|"))), QStringList());
        // What is inserted parses to the canonical name.
        const FilterParse parse = parseFilter(accepted(QStringLiteral("status:open,v|")));
        QVERIFY(parse.good());
        QCOMPARE(parse.filter.terms.first().values,
                 (QStringList{QStringLiteral("open"), QStringLiteral("pending")}));
        // Other fields do not translate.
        QCOMPARE(inserts(at(QStringLiteral("channel:|"))),
                 list({u"email", u"web-form", u"phone", u"chat", u"api"}));
    }

    void englishLabelsAreNotDuplicates()
    {
        // Without a translation the labels ("On hold") are the canonical names ("on-hold").
        QCOMPARE(at(QStringLiteral("status:|")).size(), 6);
        QCOMPARE(at(QStringLiteral("priority:|")).size(), 4);
    }

    void atMostFifty()
    {
        FilterVocabulary v;
        for (int i = 0; i < 200; ++i)
            v.tags.append(QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')));
        v.tags.append(QStringLiteral("x1"));
        QCOMPARE(filterCompletions(QStringLiteral("tag:"), 4, v).size(), 50);
        const QList<FilterCompletion> ones = filterCompletions(QStringLiteral("tag:1"), 5, v);
        QCOMPARE(ones.size(), 50);
        // No tag starts with "1", so these are all substring matches, in vocabulary order.
        QCOMPARE(ones.first().insert, QStringLiteral("t001"));
        const QList<FilterCompletion> x = filterCompletions(QStringLiteral("tag:x"), 5, v);
        QCOMPARE(inserts(x), QStringList{QStringLiteral("x1")});
        // Prefix matches come before substring matches.
        v.tags = {QStringLiteral("mvip"), QStringLiteral("vip")};
        QCOMPARE(inserts(filterCompletions(QStringLiteral("tag:vi"), 6, v)),
                 (QStringList{QStringLiteral("vip"), QStringLiteral("mvip")}));
        // Empty and duplicate names are skipped.
        v.tags = {QString(), QStringLiteral("  "), QStringLiteral("a"), QStringLiteral("a")};
        QCOMPARE(inserts(filterCompletions(QStringLiteral("tag:"), 4, v)),
                 QStringList{QStringLiteral("a")});
    }

    void cursorIsClamped()
    {
        const QString text = QStringLiteral("sta");
        QCOMPARE(inserts(filterCompletions(text, 1000, vocabulary())), list({u"status:"}));
        QCOMPARE(inserts(filterCompletions(text, std::numeric_limits<int>::max(), vocabulary())),
                 list({u"status:"}));
        // Clamped to 0: nothing typed yet of the name, which is replaced whole.
        const QList<FilterCompletion> start = filterCompletions(text, -5, vocabulary());
        QCOMPARE(inserts(start), fieldInserts());
        QCOMPARE(start.first().start, 0);
        QCOMPARE(start.first().length, 3);
        QCOMPARE(inserts(filterCompletions(text, std::numeric_limits<int>::min(), vocabulary())),
                 fieldInserts());
        QVERIFY(filterCompletions(QString(), 7, FilterVocabulary()).size() > 0);
        QVERIFY(filterCompletions(QString(), -7, FilterVocabulary()).size() > 0);
    }

    void neverCrashesAndSpansStayInTheText()
    {
        QRandomGenerator rng(20261124);
        const QString alphabet = QStringLiteral("ab:,<>=-\"\\# 1stauoprityłčđ\t😀");
        QStringList pieces = filterFieldNames();
        pieces << QStringLiteral("open") << QStringLiteral("7d") << QStringLiteral("2026-01-01")
               << QStringLiteral("me") << QStringLiteral("status:") << QStringLiteral("priority>=")
               << QStringLiteral("\"tech") << QStringLiteral("v čakanju")
               << QStringLiteral("status:o") << QStringLiteral(" dept:\"te")
               << QStringLiteral(" assignee:a") << QStringLiteral(" -tag:v") << QStringLiteral(",o")
               << QStringLiteral(",\"v ") << QStringLiteral(" tier>=")
               << QStringLiteral(" created<") << QStringLiteral(" sla<")
               << QStringLiteral(" sort:");
        const FilterVocabulary v = vocabulary();
        SlovenianLabels slovenian;
        int fields = 0;
        int values = 0;
        for (int round = 0; round < 5000; ++round) {
            if (round == 2500)
                QVERIFY(QCoreApplication::installTranslator(&slovenian));
            QString text;
            const int length = int(rng.bounded(20));
            for (int i = 0; i < length; ++i) {
                if (rng.bounded(4) == 0)
                    text += pieces.at(int(rng.bounded(pieces.size())));
                else
                    text += alphabet.at(int(rng.bounded(alphabet.size())));
            }
            for (int cursor = -1; cursor <= text.size() + 1; ++cursor) {
                const int clamped = std::clamp(cursor, 0, int(text.size()));
                const QList<FilterCompletion> completions = filterCompletions(text, cursor, v);
                QVERIFY2(completions.size() <= 50, qPrintable(text));
                for (const FilterCompletion &c : completions) {
                    const QString where = text + QStringLiteral(" @%1").arg(cursor);
                    QVERIFY2(c.start >= 0 && c.length >= 0 && c.start + c.length <= text.size(),
                             qPrintable(where));
                    QVERIFY2(c.start <= clamped && clamped <= c.start + c.length,
                             qPrintable(where));
                    QVERIFY2(!c.insert.isEmpty() && !c.label.isEmpty(), qPrintable(where));
                    ++(c.kind == FilterCompletion::Kind::Field ? fields : values);
                }
            }
        }
        QVERIFY(QCoreApplication::removeTranslator(&slovenian));
        // The strings reach both kinds of completion often enough to mean something.
        QVERIFY2(fields > 10000 && values > 10000,
                 qPrintable(
                     QStringLiteral("%1 field and %2 value completions").arg(fields).arg(values)));
    }
};

QTEST_GUILESS_MAIN(TestFilterCompletion)
#include "tst_filtercompletion.moc"
