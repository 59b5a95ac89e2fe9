#include "domain.h"
#include "uuid.h"

#include <QTest>

using namespace Pult;

class TestDomain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::newRow("new") << QStringLiteral("new") << int(TicketStatus::New);
        QTest::newRow("on-hold") << QStringLiteral("on-hold") << int(TicketStatus::OnHold);
        QTest::newRow("upper case") << QStringLiteral("SOLVED") << int(TicketStatus::Solved);
        QTest::newRow("closed") << QStringLiteral("closed") << int(TicketStatus::Closed);
    }
    void statusNames()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        QCOMPARE(int(*parseTicketStatus(name)), status);
        QCOMPARE(toString(TicketStatus(status)), name.toLower());
    }

    void unknownNamesAreRejected()
    {
        QVERIFY(!parseTicketStatus(u"onhold"));
        QVERIFY(!parsePriority(u""));
        QVERIFY(!parseChannel(u"fax"));
        QVERIFY(parseChannel(u"web-form") == Channel::WebForm);
        QVERIFY(parsePriority(u"Urgent") == Priority::Urgent);
        QVERIFY(parseRole(u"lead") == Role::Lead);
        QVERIFY(parseMessageKind(u"note") == MessageKind::InternalNote);
    }

    void uuidV7HasVersionVariantAndTime()
    {
        UuidV7Generator gen([] { return qint64(1'767'225'600'000); },
                            [] { return quint64(0x0123456789abcdefULL); });
        const QUuid id = gen.next();
        QCOMPARE(int(uchar(id.toRfc4122().at(6)) >> 4), 7); // QUuid::version() predates v7
        QCOMPARE(id.variant(), QUuid::DCE);
        QCOMPARE(uuidV7Timestamp(id), qint64(1'767'225'600'000));
        QCOMPARE(uuidFromBlob(uuidToBlob(id)), id);
    }

    void uuidV7IsStrictlyIncreasingWithinOneMillisecond()
    {
        quint64 state = 1;
        UuidV7Generator gen(
            [] { return qint64(1'767'225'600'000); },
            [&] { return state = state * 6364136223846793005ULL + 1442695040888963407ULL; });
        QByteArray previous = gen.next().toRfc4122();
        for (int i = 0; i < 10000; ++i) {
            const QByteArray next = gen.next().toRfc4122();
            QVERIFY2(previous < next, qPrintable(QString::number(i)));
            previous = next;
        }
    }

    void uuidV7FromTheSystemAreUnique()
    {
        UuidV7Generator gen;
        QSet<QUuid> seen;
        for (int i = 0; i < 10000; ++i)
            seen.insert(gen.next());
        QCOMPARE(seen.size(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
