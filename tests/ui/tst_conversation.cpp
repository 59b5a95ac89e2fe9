// The ticket document: message text split into prose and snippets, relative times, and the
// rendered conversation with its code blocks handed to CodeHighlighter.

#include "codehighlighter.h"
#include "conversationrenderer.h"
#include "displaytext.h"
#include "messagetext.h"
#include "uitestdata.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>

using namespace Pult;

Q_DECLARE_METATYPE(QList<Pult::MessageSegment>)

class ConversationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsMessageText_data();
    void splitsMessageText();
    void relativeTime_data();
    void relativeTime();
    void ticketCount();
    void rendersTicket();
    void codeBlocksAreMonospace();
    void highlightingSeamReportsItsBuild();

private:
    static TicketDetails details();
};

namespace {

MessageSegment prose(const QString &text)
{
    return {MessageSegment::Prose, text, {}};
}

MessageSegment code(const QString &text, const QString &language = {})
{
    return {MessageSegment::Code, text, language};
}

} // namespace

void ConversationTest::splitsMessageText_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QList<MessageSegment>>("expected");

    QTest::newRow("empty") << QString() << QList<MessageSegment>{};
    QTest::newRow("prose only") << QStringLiteral("Hello,\nthanks!")
                                << QList<MessageSegment>{prose(QStringLiteral("Hello,\nthanks!"))};
    QTest::newRow("windows line ends")
        << QStringLiteral("a\r\nb") << QList<MessageSegment>{prose(QStringLiteral("a\nb"))};
    QTest::newRow("snippet with language")
        << QStringLiteral("Run:\n```python\nprint(1)\n  x = 2\n```\nThanks")
        << QList<MessageSegment>{
               prose(QStringLiteral("Run:")),
               code(QStringLiteral("print(1)\n  x = 2"), QStringLiteral("python")),
               prose(QStringLiteral("Thanks"))};
    QTest::newRow("tilde fence, no language")
        << QStringLiteral("~~~\nERROR 42\n~~~")
        << QList<MessageSegment>{code(QStringLiteral("ERROR 42"))};
    QTest::newRow("unclosed fence runs to the end")
        << QStringLiteral("Log:\n``` log\nline 1\nline 2")
        << QList<MessageSegment>{prose(QStringLiteral("Log:")),
                                 code(QStringLiteral("line 1\nline 2"), QStringLiteral("log"))};
    QTest::newRow("other fence inside stays code")
        << QStringLiteral("```\na\n~~~\nb\n```")
        << QList<MessageSegment>{code(QStringLiteral("a\n~~~\nb"))};
    QTest::newRow("empty snippet dropped")
        << QStringLiteral("a\n```\n```\nb")
        << QList<MessageSegment>{prose(QStringLiteral("a")), prose(QStringLiteral("b"))};
    QTest::newRow("unfenced python traceback")
        << QStringLiteral("Here is the error from our log:\n\n"
                          "Traceback (most recent call last):\n"
                          "  File \"sync.py\", line 42, in <module>\n"
                          "    resp.raise_for_status()\n"
                          "requests.exceptions.HTTPError: 401 Client Error\n\nThanks,\nJana")
        << QList<MessageSegment>{
               prose(QStringLiteral("Here is the error from our log:")),
               code(QStringLiteral("Traceback (most recent call last):\n"
                                   "  File \"sync.py\", line 42, in <module>\n"
                                   "    resp.raise_for_status()\n"
                                   "requests.exceptions.HTTPError: 401 Client Error"),
                    QStringLiteral("python")),
               prose(QStringLiteral("Thanks,\nJana"))};
    QTest::newRow("unfenced json")
        << QStringLiteral("This is what the API returns:\n\n{\n  \"error\": \"invalid_token\"\n}")
        << QList<MessageSegment>{prose(QStringLiteral("This is what the API returns:")),
                                 code(QStringLiteral("{\n  \"error\": \"invalid_token\"\n}"),
                                      QStringLiteral("json"))};
    QTest::newRow("one access log line")
        << QStringLiteral("203.0.113.7 - - [31/Oct/2026:23:58:41 +0000] \"GET / HTTP/1.1\" 504")
        << QList<MessageSegment>{
               code(QStringLiteral(
                        "203.0.113.7 - - [31/Oct/2026:23:58:41 +0000] \"GET / HTTP/1.1\" 504"),
                    QStringLiteral("log"))};
    QTest::newRow("sql and its error")
        << QStringLiteral("SELECT b.id\n  FROM bookings b\n WHERE b.status = 'x'\n ORDER BY "
                          "b.id;\nERROR:  column b.status does not exist\nLINE 3:  WHERE")
        << QList<MessageSegment>{code(QStringLiteral("SELECT b.id\n  FROM bookings b\n WHERE "
                                                     "b.status = 'x'\n ORDER BY b.id;\nERROR:  "
                                                     "column b.status does not exist\nLINE 3:  "
                                                     "WHERE"),
                                      QStringLiteral("sql"))};
    QTest::newRow("shell session")
        << QStringLiteral("$ curl -i https://api.example/v2/me\nHTTP/2 401\ncontent-type: "
                          "application/json\nx-request-id: 42")
        << QList<MessageSegment>{code(QStringLiteral("$ curl -i https://api.example/v2/me\nHTTP/2 "
                                                     "401\ncontent-type: application/json\n"
                                                     "x-request-id: 42"),
                                      QStringLiteral("bash"))};
    QTest::newRow("stack trace without a known language")
        << QStringLiteral("Uncaught TypeError: x is undefined\n    at render (app.js:1:48)\n    at "
                          "update (app.js:1:47)")
        << QList<MessageSegment>{code(QStringLiteral("Uncaught TypeError: x is undefined\n    at "
                                                     "render (app.js:1:48)\n    at update "
                                                     "(app.js:1:47)"))};
    QTest::newRow("prose that only resembles code stays prose")
        << QStringLiteral("#1 priority for us: I/O errors on the printer.\nError: nothing "
                          "prints.\n\nBest regards,\nJames")
        << QList<MessageSegment>{prose(QStringLiteral("#1 priority for us: I/O errors on the "
                                                      "printer.\nError: nothing prints.\n\nBest "
                                                      "regards,\nJames"))};
    QTest::newRow("blank lines around prose trimmed")
        << QStringLiteral("\n\nHi\n\n") << QList<MessageSegment>{prose(QStringLiteral("Hi"))};
}

void ConversationTest::splitsMessageText()
{
    QFETCH(QString, body);
    QFETCH(QList<MessageSegment>, expected);
    const QList<MessageSegment> actual = splitMessageText(body);
    QCOMPARE(actual.size(), expected.size());
    for (int i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual.at(i).kind, expected.at(i).kind);
        QCOMPARE(actual.at(i).text, expected.at(i).text);
        QCOMPARE(actual.at(i).language, expected.at(i).language);
    }
}

void ConversationTest::relativeTime_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(20) << QStringLiteral("just now");
    QTest::newRow("minutes") << qint64(5 * 60 + 10) << QStringLiteral("5 min ago");
    QTest::newRow("hours") << qint64(3 * 3600 + 59) << QStringLiteral("3 h ago");
    QTest::newRow("future") << qint64(-600) << QStringLiteral("just now");
}

void ConversationTest::relativeTime()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2026, 6, 10), QTime(12, 0), Qt::LocalTime);
    QCOMPARE(DisplayText::relativeTime(now.addSecs(-secondsAgo), now), expected);
    QVERIFY(DisplayText::relativeTime({}, now).isEmpty());
    QCOMPARE(DisplayText::relativeTime(now.addSecs(-20 * 3600), now), QStringLiteral("yesterday"));
    const QString lastYear =
        DisplayText::relativeTime(QDateTime(QDate(2024, 2, 3), QTime(8, 0)), now);
    QVERIFY2(lastYear.contains(QStringLiteral("2024")), qPrintable(lastYear));
}

void ConversationTest::ticketCount()
{
    QCOMPARE(DisplayText::ticketCount(1), QStringLiteral("1 ticket"));
    QCOMPARE(DisplayText::ticketCount(0), QStringLiteral("0 tickets"));
    QVERIFY(DisplayText::ticketCount(12).endsWith(QStringLiteral("12 tickets")));
}

TicketDetails ConversationTest::details()
{
    TicketDetails d;
    d.ticket.id = QUuid::createUuid();
    d.ticket.number = 1042;
    d.ticket.subject = QStringLiteral("Printer in Łódź prints blank pages");
    d.ticket.status = TicketStatus::Pending;
    d.ticket.priority = Priority::High;
    d.ticket.assigneeId = QUuid::createUuid();
    d.ticket.created = UiTest::at(0);
    d.ticket.updated = UiTest::at(30);
    d.requester.id = QUuid::createUuid();
    d.requester.name = QStringLiteral("Jana Novak");
    d.requester.emails = {QStringLiteral("jana@customer.example")};
    d.assigneeName = QStringLiteral("Ana Kovač");
    d.departmentName = QStringLiteral("Technical support");
    auto message = [&](MessageKind kind, const QString &author, const QString &body, int minutes) {
        Message m;
        m.id = QUuid::createUuid();
        m.ticketId = d.ticket.id;
        m.kind = kind;
        m.authorName = author;
        m.bodyText = body;
        m.created = UiTest::at(minutes);
        return m;
    };
    d.messages = {
        message(MessageKind::CustomerMessage, d.requester.name,
                QStringLiteral("The printer prints <b>blank</b> pages."), 0),
        message(MessageKind::AgentReply, d.assigneeName, UiTest::lodzReplyText(), 10),
        message(MessageKind::InternalNote, d.assigneeName, QStringLiteral("Premium customer."), 20),
        message(MessageKind::SystemEvent, QString(), QStringLiteral("Status changed to pending"),
                21),
    };
    return d;
}

// The frame of the message card around a piece of text.
static QTextFrame *cardAround(QTextDocument &document, const QString &text)
{
    const QTextCursor found = document.find(text);
    if (found.isNull())
        return nullptr;
    QTextFrame *frame = found.currentFrame();
    while (frame && frame->parentFrame() != document.rootFrame())
        frame = frame->parentFrame();
    return frame;
}

void ConversationTest::rendersTicket()
{
    QTextDocument document;
    ConversationRenderer(QGuiApplication::palette(), UiTest::at(60)).render(details(), &document);
    const QString text = document.toPlainText();
    for (const QString &expected :
         {QStringLiteral("Printer in Łódź prints blank pages"), QStringLiteral("#1042"),
          QStringLiteral("Pending"), QStringLiteral("High priority"), QStringLiteral("Jana Novak"),
          QStringLiteral("jana@customer.example"), QStringLiteral("Ana Kovač"),
          QStringLiteral("Technical support"),
          QStringLiteral("print(printer.status())  # should say ready"),
          QStringLiteral("Premium customer."), QStringLiteral("Status changed to pending")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    // Message text is text, never markup; fences are not shown.
    QVERIFY(text.contains(QStringLiteral("The printer prints <b>blank</b> pages.")));
    QVERIFY(!text.contains(QStringLiteral("```")));

    // Customer message, reply and internal note are three differently coloured cards.
    QTextFrame *customer = cardAround(document, QStringLiteral("blank</b> pages"));
    QTextFrame *reply = cardAround(document, QStringLiteral("send us the output"));
    QTextFrame *note = cardAround(document, QStringLiteral("Premium customer."));
    QVERIFY(customer && reply && note);
    QVERIFY(customer != reply && reply != note);
    const QColor noteColour = note->frameFormat().background().color();
    QVERIFY(noteColour != customer->frameFormat().background().color());
    QVERIFY(noteColour != reply->frameFormat().background().color());
    QVERIFY(noteColour.red() > noteColour.blue()); // yellowish in the light palette
}

void ConversationTest::codeBlocksAreMonospace()
{
    QTextDocument document;
    ConversationRenderer(QGuiApplication::palette(), UiTest::at(60)).render(details(), &document);
    CodeHighlighter highlighter;
    highlighter.highlight(&document, QGuiApplication::palette());

    const QString fixedFamily = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    int codeLines = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const bool isCode = CodeHighlighter::isCode(block.blockFormat());
        if (!isCode) {
            QVERIFY(!block.charFormat().fontFixedPitch());
            continue;
        }
        ++codeLines;
        QCOMPARE(CodeHighlighter::language(block.blockFormat()), QStringLiteral("python"));
        QVERIFY(block.text() == QStringLiteral("import printer") ||
                block.text().startsWith(QStringLiteral("print(")));
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            QVERIFY(format.fontFixedPitch());
            QCOMPARE(format.fontFamilies().toStringList().value(0), fixedFamily);
        }
    }
    QCOMPARE(codeLines, 2);
}

void ConversationTest::highlightingSeamReportsItsBuild()
{
    // Either build is valid; the test documents which one ran.
    qInfo("KSyntaxHighlighting in this build: %s",
          CodeHighlighter::isSyntaxHighlightingAvailable() ? "yes" : "no");
    QTextDocument empty;
    CodeHighlighter().highlight(&empty, QGuiApplication::palette());
    CodeHighlighter().highlight(nullptr, QGuiApplication::palette());
}

QTEST_MAIN(ConversationTest)
#include "tst_conversation.moc"
