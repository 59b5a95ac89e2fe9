#include "domain.h"
#include "uuid.h"
#include "wire.h"

#include <QJsonDocument>

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

    // The snapshot text pultd writes field by field parses as JSON to the same ticket: quotes,
    // backslashes, control characters and text beyond ASCII escaped or kept as they must be.
    void ticketTextRoundTrips()
    {
        Ticket t;
        t.id = QUuid::fromString(QStringLiteral("0192f0c4-6a3e-7cc1-8000-000000000001"));
        t.number = 1042;
        t.subject = QStringLiteral("\"Quoted\" \\ back\nline\ttab \x01 Łódź 😀 </script>");
        t.status = TicketStatus::Pending;
        t.priority = Priority::Urgent;
        t.departmentId = QUuid::createUuid();
        t.category = QStringLiteral("refunds");
        t.requesterId = QUuid::createUuid();
        t.channel = Channel::WebForm;
        t.tags = {QStringLiteral("vip"), QStringLiteral("a\"b")};
        t.tier = 3;
        t.created = QDateTime::fromMSecsSinceEpoch(-1, Qt::UTC); // 1969-12-31T23:59:59.999Z
        t.updated = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
        t.firstResponseAt = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
        t.due = QDateTime(QDate(2028, 2, 29), QTime(12, 0, 0, 5), Qt::UTC);
        t.spam = true;
        t.linked = {QUuid::createUuid(), QUuid::createUuid()};
        t.csat = 2;
        t.csatComment = QStringLiteral("Too \"slow\"\nreally");
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(Wire::toJsonText(t), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        auto parsed = Wire::ticketFromJson(document.object());
        QVERIFY(parsed.good());
        QCOMPARE(*parsed, t);
        QCOMPARE(document.object().value(QLatin1String("created")).toString(),
                 QStringLiteral("1969-12-31T23:59:59.999Z"));
        QCOMPARE(document.object().value(QLatin1String("reminder")), QJsonValue());
        // An unrated ticket's snapshot has no rating at all; one out of range is none.
        Ticket unrated = t;
        unrated.csat = 0;
        unrated.csatComment.clear();
        QVERIFY(!Wire::toJsonText(unrated).contains("csat"));
        QJsonObject outOfRange = document.object();
        outOfRange.insert(QStringLiteral("csat"), 9);
        QCOMPARE(Wire::ticketFromJson(outOfRange)->csat, 0);

        Message m;
        m.id = QUuid::createUuid();
        m.ticketId = t.id;
        m.kind = MessageKind::AgentReply;
        m.authorId = QUuid::createUuid();
        m.authorName = QStringLiteral("Ana \"A\" Novak");
        m.created = QDateTime::fromMSecsSinceEpoch(1'780'000'000'123, Qt::UTC);
        m.bodyText = QStringLiteral("Hvala!\r\n\u0000end");
        m.bodyHtml = QStringLiteral("<p>Hvala!</p><!--pult-quote--><div class=\"q\">&amp;</div>");
        m.attachments = {{QByteArray(64, 'a'), QStringLiteral("račun \"1\".pdf"),
                          QStringLiteral("application/pdf"), 12345}};
        const QJsonDocument message = QJsonDocument::fromJson(Wire::toJsonText(m), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        auto parsedMessage = Wire::messageFromJson(message.object());
        QVERIFY(parsedMessage.good());
        QCOMPARE(*parsedMessage, m);
    }

    // Times are written without QDateTime's formatter, exactly as it would write them.
    void timesAreWrittenAsQtWritesThem()
    {
        quint64 state = 42;
        for (int i = 0; i < 20000; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            // From year 1 to 9999.
            const qint64 ms = qint64(state >> 11) % 315'537'897'600'000 - 62'135'596'800'000;
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            QCOMPARE(Wire::timeValue(time).toString(), time.toString(Qt::ISODateWithMs));
        }
    }
};

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
