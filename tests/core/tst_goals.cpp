// A department's goals (core/goals.h): the language, its canonical text, the errors that say
// which goal is wrong and why, and when a goal is reached.

#include "goals.h"

#include <QTest>

using namespace Pult;

class TestGoals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAndWritesTheCanonicalText()
    {
        auto goals = Goals::parse(QStringLiteral(
            "  csat 4.5\nresolution   95% within 24h ; first_response 90% within 90m\n\n"));
        QVERIFY2(goals.good(), qPrintable(goals.status().message()));
        QCOMPARE(goals->firstResponse, (TimeGoal{90, 90 * 60}));
        QCOMPARE(goals->resolution, (TimeGoal{95, 24 * 3600}));
        QCOMPARE(*goals->csat, 4.5);
        QCOMPARE(
            goals->toString(),
            QStringLiteral("first_response 90% within 90m; resolution 95% within 1d; csat 4.5"));
        QCOMPARE(*Goals::parse(goals->toString()), *goals);

        auto none = Goals::parse(QStringLiteral(" ; \n"));
        QVERIFY(none.good());
        QVERIFY(none->isEmpty());
        QCOMPARE(none->toString(), QString());
        QCOMPARE(Goals::parse(QStringLiteral("resolution 100% within 2h"))->toString(),
                 QStringLiteral("resolution 100% within 2h"));
    }

    void errorsNameTheGoal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown") << "csat 4; speed 9"
                                 << "goal 2: unknown goal \"speed\"";
        QTest::newRow("no percent") << "resolution 95 within 24h"
                                    << "goal 1: the share is a";
        QTest::newRow("over 100") << "resolution 101% within 24h"
                                  << "goal 1: the share is a";
        QTest::newRow("zero") << "resolution 0% within 24h"
                              << "goal 1: the share is a";
        QTest::newRow("no unit") << "first_response 90% within 24"
                                 << "goal 1: a time goal reads first_response 95% within 24h";
        QTest::newRow("no within") << "first_response 90% 1h"
                                   << "goal 1: a time goal reads";
        QTest::newRow("more words") << "first_response 90% within 1h always"
                                    << "goal 1: a time goal reads";
        QTest::newRow("twice") << "resolution 90% within 1d; resolution 95% within 2d"
                               << "goal 2: resolution is set twice";
        QTest::newRow("csat over 5") << "csat 5.5"
                                     << "goal 1: csat takes the least";
        QTest::newRow("csat word") << "csat high"
                                   << "goal 1: csat takes the least";
        QTest::newRow("csat twice") << "csat 4; csat 4.2"
                                    << "goal 2: csat is set twice";
    }

    void errorsNameTheGoal()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        auto goals = Goals::parse(text);
        QCOMPARE(goals.status().code(), Status::Invalid);
        QVERIFY2(goals.status().message().startsWith(error), qPrintable(goals.status().message()));
    }

    void aGoalIsReachedAtItsShare()
    {
        const TimeGoal goal{95, 3600};
        QCOMPARE(goal.reachedBy(95, 100), std::optional<bool>(true));
        QCOMPARE(goal.reachedBy(94, 100), std::optional<bool>(false));
        QCOMPARE(goal.reachedBy(19, 20), std::optional<bool>(true));
        QCOMPARE(goal.reachedBy(0, 0), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestGoals)
#include "tst_goals.moc"
