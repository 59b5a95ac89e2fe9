// The automation rules' language (core/rules.h): triggers and actions parsed, written back the
// same, and refused with the column of the mistake.

#include "rules.h"

#include <QTest>

using namespace Pult;

class TestRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void triggers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("trigger"); // -1: refused
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("errorAt");
        QTest::newRow("created") << QStringLiteral("created") << int(RuleTrigger::Created)
                                 << QStringLiteral("") << 0;
        QTest::newRow("case and spaces")
            << QStringLiteral("  Customer-Reply ") << int(RuleTrigger::CustomerReply)
            << QStringLiteral("") << 0;
        QTest::newRow("agent-reply") << QStringLiteral("agent-reply")
                                     << int(RuleTrigger::AgentReply) << QStringLiteral("") << 0;
        QTest::newRow("note") << QStringLiteral("note") << int(RuleTrigger::Note)
                              << QStringLiteral("") << 0;
        QTest::newRow("any change")
            << QStringLiteral("changed") << int(RuleTrigger::Changed) << QStringLiteral("") << 0;
        QTest::newRow("a field") << QStringLiteral("changed:assignee") << int(RuleTrigger::Changed)
                                 << QStringLiteral("assignee") << 0;
        QTest::newRow("sla-due") << QStringLiteral("sla-due:30m") << int(RuleTrigger::SlaDue)
                                 << QString() << 0;
        QTest::newRow("breached") << QStringLiteral("breached") << int(RuleTrigger::Breached)
                                  << QString() << 0;
        QTest::newRow("pending") << QStringLiteral("pending:2d") << int(RuleTrigger::Pending)
                                 << QString() << 0;
        QTest::newRow("unanswered")
            << QStringLiteral("unanswered:4h") << int(RuleTrigger::Unanswered) << QString() << 0;
        QTest::newRow("solved") << QStringLiteral("solved:90s") << int(RuleTrigger::Solved)
                                << QString() << 0;
        QTest::newRow("no time") << QStringLiteral("pending") << -1 << QString() << 7;
        QTest::newRow("bad time") << QStringLiteral("solved:soon") << -1 << QString() << 7;
        QTest::newRow("unknown") << QStringLiteral("creatd") << -1 << QStringLiteral("") << 0;
        QTest::newRow("empty") << QStringLiteral("") << -1 << QStringLiteral("") << 0;
        QTest::newRow("unknown field")
            << QStringLiteral("changed:colour") << -1 << QStringLiteral("") << 8;
        QTest::newRow("field of another")
            << QStringLiteral("note:status") << -1 << QStringLiteral("") << 4;
    }

    void triggers()
    {
        QFETCH(QString, text);
        QFETCH(int, trigger);
        QFETCH(QString, field);
        QFETCH(int, errorAt);
        const auto parsed = parseRuleWhen(text);
        QCOMPARE(parsed.good(), trigger >= 0);
        if (!parsed.good()) {
            QCOMPARE(parsed.error->position, errorAt);
            return;
        }
        QCOMPARE(int(parsed.value.trigger), trigger);
        QCOMPARE(parsed.value.field, field);
        const qint64 seconds[] = {0, 0, 0, 0, 0, 30 * 60, 0, 2 * 86400, 4 * 3600, 90};
        QCOMPARE(parsed.value.seconds, seconds[trigger]);
    }

    void actions()
    {
        const auto parsed = parseRuleActions(
            QStringLiteral("priority=URGENT tier=2 +VIP -triage dept=\"Customer care\" "
                           "category=none assignee=ana@example.com due=90m spam solve "
                           "note:\"Said \\\"hi\\\" to C:\\\\\" status=on-hold "
                           "reply:thanks notify:Lead notify:\"Ana Novak\" tier=Next"));
        QVERIFY2(parsed.good(), qPrintable(parsed.error ? parsed.error->message : QString()));
        const QList<RuleAction> &a = parsed.value;
        QCOMPARE(a.size(), 16);
        QCOMPARE(a.at(0).kind, RuleAction::Kind::Priority);
        QCOMPARE(a.at(0).value, QStringLiteral("urgent"));
        QCOMPARE(a.at(1).number, 2);
        QCOMPARE(a.at(1).position, 16);
        QCOMPARE(a.at(2).kind, RuleAction::Kind::AddTag);
        QCOMPARE(a.at(2).value, QStringLiteral("vip"));
        QCOMPARE(a.at(3).kind, RuleAction::Kind::RemoveTag);
        QCOMPARE(a.at(4).value, QStringLiteral("Customer care"));
        QCOMPARE(a.at(5).kind, RuleAction::Kind::Category);
        QVERIFY(a.at(5).value.isEmpty());
        QCOMPARE(a.at(6).value, QStringLiteral("ana@example.com"));
        QCOMPARE(a.at(7).number, 90 * 60);
        QCOMPARE(a.at(8).kind, RuleAction::Kind::Spam);
        QCOMPARE(a.at(9).value, QStringLiteral("solved"));
        QCOMPARE(a.at(10).value, QStringLiteral("Said \"hi\" to C:\\"));
        QCOMPARE(a.at(11).value, QStringLiteral("on-hold"));
        QCOMPARE(a.at(12).kind, RuleAction::Kind::Reply);
        QCOMPARE(a.at(12).value, QStringLiteral("thanks"));
        QCOMPARE(a.at(13).kind, RuleAction::Kind::Notify);
        QCOMPARE(a.at(13).value, QStringLiteral("lead")); // the words lead and assignee, any case
        QCOMPARE(a.at(14).value, QStringLiteral("Ana Novak"));
        QCOMPARE(a.at(15).kind, RuleAction::Kind::Tier);
        QCOMPARE(a.at(15).number, 0); // the next tier
        QCOMPARE(ruleActionText(a.at(15)), QStringLiteral("tier=next"));
        // Written back, each action parses to itself.
        QStringList texts;
        for (const RuleAction &action : a)
            texts.append(ruleActionText(action));
        const auto again = parseRuleActions(texts.join(u' '));
        QVERIFY(again.good());
        QCOMPARE(again.value.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(again.value.at(i).kind, a.at(i).kind);
            QCOMPARE(again.value.at(i).value, a.at(i).value);
            QCOMPARE(again.value.at(i).number, a.at(i).number);
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringLiteral("  ") << 0
                                 << QStringLiteral("a rule needs at least one action");
        QTest::newRow("status") << QStringLiteral("+a status=done") << 3
                                << QStringLiteral(
                                       "a status is new, open, pending, on-hold, solved or closed");
        QTest::newRow("tier") << QStringLiteral("tier=0") << 0
                              << QStringLiteral("a tier is a number from 1 to 9, or next");
        QTest::newRow("due") << QStringLiteral("due=tomorrow") << 0
                             << QStringLiteral("due takes a time from now (30m, 4h, 2d) or none");
        QTest::newRow("no department")
            << QStringLiteral("dept=none") << 0
            << QStringLiteral("a ticket always has a department: name one");
        QTest::newRow("empty tag")
            << QStringLiteral("+") << 0 << QStringLiteral("a tag after + or - is missing");
        QTest::newRow("empty note")
            << QStringLiteral("note:") << 0
            << QStringLiteral("note: needs a text, in quotes when it has spaces");
        QTest::newRow("quote") << QStringLiteral("+a note:\"open") << 8
                               << QStringLiteral("the quote is not closed");
        QTest::newRow("other colon")
            << QStringLiteral("+a page:lead") << 3
            << QStringLiteral("unknown action \"page:\": those with a colon are "
                              "note:TEXT, reply:SHORTCUT and notify:WHO");
        QTest::newRow("empty notify")
            << QStringLiteral("notify:") << 0
            << QStringLiteral("notify: needs lead, assignee or an agent's address");
        QTest::newRow("empty reply") << QStringLiteral("reply:") << 0
                                     << QStringLiteral("reply: needs a canned response's shortcut");
        QTest::newRow("word") << QStringLiteral("escalate") << 0
                              << QStringLiteral(
                                     "unknown action \"escalate\": use FIELD=VALUE, +TAG, -TAG, "
                                     "spam, solve, close, note:TEXT, reply:SHORTCUT or "
                                     "notify:WHO");
    }

    void refusals()
    {
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(QString, message);
        const auto parsed = parseRuleActions(text);
        QVERIFY(!parsed.good());
        QVERIFY(parsed.value.isEmpty());
        QCOMPARE(parsed.error->position, position);
        QCOMPARE(parsed.error->message, message);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
