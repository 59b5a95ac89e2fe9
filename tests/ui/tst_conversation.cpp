// The ticket document: message text split into prose and snippets, relative times, and the
// rendered conversation with its code blocks handed to CodeHighlighter; the history in words,
// the requester panel, SLA clocks and ticket facts, attachment links, folded quotes, and long
// threads that open with only their latest messages.

#include "codehighlighter.h"
#include "conversationrenderer.h"
#include "displaytext.h"
#include "labels.h"
#include "messagetext.h"
#include "ticketpane.h"
#include "uitestdata.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QFontDatabase>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTimer>
#include <QUrlQuery>

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
    void historyInWords();
    void historyFoldsOlderChanges();
    void requesterPanelFromStore();
    void requesterPanelShowsTenMostRecent();
    void slaClocksAndFacts();
    void attachmentLinks();
    void splitsQuotedText();
    void foldsQuotedText();
    void longThreadRendersLatestMessages();
    void rendersMailHtml();
    void mailImagesArriveWithoutBlocking();

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
    ConversationRenderer(QApplication::palette(), UiTest::at(60)).render(details(), &document);
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
    ConversationRenderer(QApplication::palette(), UiTest::at(60)).render(details(), &document);
    CodeHighlighter highlighter;
    highlighter.highlight(&document, QApplication::palette());

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
    CodeHighlighter().highlight(&empty, QApplication::palette());
    CodeHighlighter().highlight(nullptr, QApplication::palette());
}

namespace {

// Every link of a document (in frames and tables too): its text and its href.
QList<QPair<QString, QString>> links(const QTextDocument &document)
{
    QList<QPair<QString, QString>> found;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isAnchor())
                found.append({fragment.text(), fragment.charFormat().anchorHref()});
        }
    }
    return found;
}

QString hrefOf(const QTextDocument &document, const QString &linkText)
{
    for (const auto &link : links(document)) {
        if (link.first.contains(linkText))
            return link.second;
    }
    return {};
}

// The foreground of the text fragment containing text.
QColor colourOf(const QTextDocument &document, const QString &text)
{
    const QTextCursor found = document.find(text);
    if (found.isNull())
        return {};
    return found.charFormat().foreground().color();
}

HistoryEvent change(const QUuid &actor, int minutes, const QString &field, const QString &from,
                    const QString &to, const QString &rule = {})
{
    return {QUuid::createUuid(), {}, actor, UiTest::at(minutes), field, from, to, rule};
}

QString ticketHref(const QUuid &id)
{
    return QStringLiteral("ticket:") + id.toString(QUuid::WithoutBraces);
}

// Messages in the store for a long thread: "Thread message 0007." and so on, oldest first.
Ticket putLongThread(LocalStore &store, const UiTest::Fixture &f, int count)
{
    UuidV7Generator ids;
    Ticket t;
    t.id = ids.next();
    t.number = 9001;
    t.subject = QStringLiteral("A very long thread");
    t.status = TicketStatus::Open;
    t.requesterId = f.contacts.at(0).id;
    t.departmentId = f.billing.id;
    t.created = UiTest::at(-10000);
    t.updated = UiTest::at(-10000 + count);
    LocalStore::WriteBatch batch(store);
    if (!store.put(t).good())
        return {};
    for (int i = 0; i < count; ++i) {
        Message m;
        m.id = ids.next();
        m.ticketId = t.id;
        m.kind = i % 2 ? MessageKind::AgentReply : MessageKind::CustomerMessage;
        m.authorName = i % 2 ? f.ana.name : f.contacts.at(0).name;
        m.created = t.created.addSecs(60 * i);
        m.bodyText = QStringLiteral("Thread message %1.\nSecond line of it.")
                         .arg(i, 4, 10, QLatin1Char('0'));
        if (i == count - 1)
            m.bodyText += QStringLiteral("\n\nOn Monday, Ana wrote:\n> Have you tried again?");
        if (!store.put(m).good())
            return {};
    }
    if (!batch.commit().good())
        return {};
    return t;
}

// The names of the images in a document, in order.
QStringList imageNames(const QTextDocument &document)
{
    QStringList names;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                names.append(format.toImageFormat().name());
        }
    }
    return names;
}

// A mail as pultd keeps it: its sanitised HTML with an inline image (cid: rewritten to the
// attachment), a remote image moved aside, and the quoted earlier mail after the marker.
const QByteArray kLogoHash = QByteArray("0123456789abcdef").repeated(4);
Message htmlMail(const QUuid &ticketId)
{
    Message m;
    m.id = QUuid::createUuid();
    m.ticketId = ticketId;
    m.kind = MessageKind::CustomerMessage;
    m.authorName = QStringLiteral("Jana Horvat");
    m.created = UiTest::at(-30);
    m.bodyText = QStringLiteral("Dear support, the invoice is wrong.\n\nOn Monday, Ana wrote:\n"
                                "> Please check the invoice.");
    m.bodyHtml =
        QStringLiteral("<p>Dear <b>support</b>, the <a href=\"https://example.si/r?id=1\">invoice"
                       "</a> is wrong.</p><p><img src=\"attachment:%1?name=logo.png\" alt=\"logo\">"
                       "<img data-pult-src=\"http://%2/pixel.png\" alt=\"tracker\"></p>"
                       "<!--pult-quote--><div>On Monday, Ana wrote:</div>"
                       "<blockquote>Please check the invoice.</blockquote>")
            .arg(QString::fromLatin1(kLogoHash));
    m.attachments = {{kLogoHash, QStringLiteral("logo.png"), QStringLiteral("image/png"), 120}};
    return m;
}

// A one-connection HTTP server on loopback that answers every GET with an image.
class ImageServer : public QTcpServer
{
public:
    explicit ImageServer(const QImage &image)
    {
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n"))
                        return;
                    ++requests;
                    m_request.clear();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " +
                                  QByteArray::number(m_png.size()) +
                                  "\r\nConnection: close\r\n\r\n" + m_png);
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    int requests = 0;

private:
    QByteArray m_png;
    QByteArray m_request;
};

int cardCount(const QTextDocument &document)
{
    int cards = 0;
    for (QTextFrame *child : document.rootFrame()->childFrames()) {
        if (!qobject_cast<QTextTable *>(child) && child->frameFormat().border() > 0)
            ++cards;
    }
    return cards;
}

} // namespace

void ConversationTest::historyInWords()
{
    TicketDetails d = details();
    const QUuid ana = QUuid::createUuid();
    const QUuid boris = QUuid::createUuid();
    const QUuid billing = QUuid::createUuid();
    const QUuid technical = QUuid::createUuid();
    d.agents = {{ana, QStringLiteral("Ana Novak")}, {boris, QStringLiteral("Boris Horvat")}};
    d.departments = {{billing, QStringLiteral("Billing")},
                     {technical, QStringLiteral("Technical support")}};
    const auto id = [](const QUuid &u) { return u.toString(QUuid::WithoutBraces); };
    d.history = {
        change(ana, 1, QStringLiteral("assignee_id"), QString(), id(boris)),
        change(boris, 2, QStringLiteral("department"), id(billing), id(technical)),
        change(boris, 3, QStringLiteral("priority"), QStringLiteral("normal"),
               QStringLiteral("urgent")),
        change(QUuid(), 4, QStringLiteral("status"), QStringLiteral("pending"),
               QStringLiteral("on-hold")),
        // An automation rule acts by its name.
        change(QUuid(), 5, QStringLiteral("tier"), QStringLiteral("1"), QStringLiteral("2"),
               QStringLiteral("Enterprise first")),
        change(QUuid(), 6, QStringLiteral("notified"), QString(), id(ana) + u',' + id(boris),
               QStringLiteral("Enterprise first")),
        change(ana, 55, QStringLiteral("status"), QStringLiteral("open"), QStringLiteral("solved")),
        change(ana, 56, QStringLiteral("spam"), QStringLiteral("false"), QStringLiteral("true")),
        // The customer, on the status page.
        change(d.requester.id, 57, QStringLiteral("csat"), QString(), QStringLiteral("2")),
        change(d.requester.id, 58, QStringLiteral("csat_comment"), QString(),
               QStringLiteral("commented")),
    };
    QTextDocument document;
    ConversationRenderer(QApplication::palette(), UiTest::at(60)).render(d, &document);
    const QString text = document.toPlainText();
    const QString expected[] = {
        QStringLiteral("History"),
        QStringLiteral("Ana Novak assigned the ticket to Boris Horvat"),
        QStringLiteral("Boris Horvat changed department from Billing to Technical support"),
        QStringLiteral("Boris Horvat changed priority from %1 to %2")
            .arg(Labels::priority(Priority::Normal), Labels::priority(Priority::Urgent)),
        QStringLiteral("Automation changed status from %1 to %2")
            .arg(Labels::status(TicketStatus::Pending), Labels::status(TicketStatus::OnHold)),
        QStringLiteral("The rule “Enterprise first” changed tier from 1 to 2"),
        QStringLiteral("The rule “Enterprise first” notified %1")
            .arg(QLocale().createSeparatedList(
                {QStringLiteral("Ana Novak"), QStringLiteral("Boris Horvat")})),
        QStringLiteral("Ana Novak changed status from %1 to %2 · 5 min ago")
            .arg(Labels::status(TicketStatus::Open), Labels::status(TicketStatus::Solved)),
        QStringLiteral("Ana Novak marked the ticket as spam"),
        QStringLiteral("Jana Novak rated the help 2 of 5"),
        QStringLiteral("Jana Novak commented on the rating"),
    };
    for (const QString &line : expected)
        QVERIFY2(text.contains(line), qPrintable(line + QStringLiteral("\n---\n") + text));
    // Stored names and ids never show.
    QVERIFY(!text.contains(QStringLiteral("on-hold")));
    QVERIFY(!text.contains(id(boris)));
    QVERIFY(!text.contains(id(technical)));
    // Oldest first, after the conversation.
    QVERIFY(text.indexOf(QStringLiteral("assigned the ticket")) <
            text.indexOf(QStringLiteral("marked the ticket as spam")));
    QVERIFY(text.indexOf(QStringLiteral("Premium customer.")) <
            text.indexOf(QStringLiteral("History")));
}

void ConversationTest::historyFoldsOlderChanges()
{
    TicketDetails d = details();
    const QUuid ana = QUuid::createUuid();
    d.agents = {{ana, QStringLiteral("Ana Novak")}};
    for (int i = 0; i < 15; ++i)
        d.history.append(
            change(ana, i, QStringLiteral("tier"), QString::number(i), QString::number(i + 1)));
    QTextDocument document;
    ConversationRenderer renderer(QApplication::palette(), UiTest::at(60));
    renderer.render(d, &document);
    QString text = document.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Ana Novak changed tier from 14 to 15")));
    QVERIFY(text.contains(QStringLiteral("Ana Novak changed tier from 5 to 6")));
    QVERIFY(!text.contains(QStringLiteral("Ana Novak changed tier from 4 to 5")));
    QCOMPARE(hrefOf(document, QStringLiteral("Show 5 earlier changes")),
             QStringLiteral("more:history"));

    ConversationRenderer::Options all;
    all.allHistory = true;
    renderer.render(d, &document, all);
    text = document.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Ana Novak changed tier from 0 to 1")));
    QVERIFY(hrefOf(document, QStringLiteral("earlier change")).isEmpty());
}

void ConversationTest::requesterPanelFromStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = UiTest::openStore(dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(store);
    const UiTest::Fixture f = UiTest::fillStore(*store, 12);
    // The Łódź ticket (11) is Rūta's; her others are 2, 5 and 8.
    Contact ruta = f.contacts.at(2);
    ruta.phone = QStringLiteral("+370 5 123 4567");
    // Mail to her first address bounced (pultd marked it); her second one works.
    ruta.emails.append(QStringLiteral("ruta.k@example.lt"));
    ruta.bouncing = {
        {ruta.emails.first(), QStringLiteral("550 5.1.1 User unknown"), UiTest::at(100)}};
    QVERIFY(store->put(ruta).good());
    HistoryEvent event = change(f.ana.id, 2, QStringLiteral("assignee"), QString(),
                                f.boris.id.toString(QUuid::WithoutBraces));
    event.ticketId = f.lodzTicket.id;
    QVERIFY(store->put(event).good());

    auto details = loadTicketDetails(*store, f.lodzTicket.id);
    QVERIFY2(details.good(), qPrintable(details.status().message()));
    QCOMPARE(details->requesterTickets.size(), 3);
    QCOMPARE(details->requesterTickets.at(0).id, f.tickets.at(8).id);
    QCOMPARE(details->requesterTickets.at(1).id, f.tickets.at(5).id);
    QCOMPARE(details->requesterTickets.at(2).id, f.tickets.at(2).id);
    QCOMPARE(details->history.size(), 1);

    QTextDocument document;
    ConversationRenderer(QApplication::palette(), UiTest::at(200)).render(*details, &document);
    const QString text = document.toPlainText();
    for (const QString &expected :
         {QStringLiteral("Rūta Kazlauskienė"), QStringLiteral("rūta@customer.example"),
          QStringLiteral("+370 5 123 4567"), QStringLiteral("Example d.o.o."),
          QStringLiteral("Other tickets"),
          QStringLiteral("Ana Kovač assigned the ticket to Boris Horvat")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    for (int i : {2, 5, 8}) {
        const Ticket &t = f.tickets.at(i);
        const QString label = QStringLiteral("#%1 %2").arg(*t.number).arg(t.subject);
        QCOMPARE(hrefOf(document, label), ticketHref(t.id));
        QVERIFY(text.contains(label + QStringLiteral(" · ") + Labels::status(t.status)));
    }
    // Neither the ticket itself nor other contacts' tickets.
    for (const auto &link : links(document)) {
        QVERIFY(link.second != ticketHref(f.lodzTicket.id));
        QVERIFY(link.second != ticketHref(f.tickets.at(3).id));
    }
    // The most recent first.
    QVERIFY(text.indexOf(f.tickets.at(8).subject) < text.indexOf(f.tickets.at(2).subject));
    // The bouncing address has the warning after it, in the colour of an overdue clock; the
    // other address none.
    const QString warning = QStringLiteral("bouncing since %1: 550 5.1.1 User unknown")
                                .arg(DisplayText::dateTime(UiTest::at(100)));
    QVERIFY2(text.contains(ruta.emails.first() + QStringLiteral(" · ") + warning),
             qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("bouncing since")), 1);
    QVERIFY(text.contains(QStringLiteral("ruta.k@example.lt\n")));
    const QColor colour = colourOf(document, warning);
    QVERIFY(colour.isValid());
    QVERIFY2(colour.red() > 2 * colour.green() && colour.red() > 2 * colour.blue(),
             qPrintable(colour.name()));
}

void ConversationTest::requesterPanelShowsTenMostRecent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = UiTest::openStore(dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(store);
    const UiTest::Fixture f = UiTest::fillStore(*store, 40);
    // Ticket 39 is Jana's; her others are 0, 3, ..., 36: the ten latest are 36 down to 9.
    auto details = loadTicketDetails(*store, f.lodzTicket.id);
    QVERIFY2(details.good(), qPrintable(details.status().message()));
    QCOMPARE(details->requesterTickets.size(), TicketDetails::kMaxRequesterTickets);
    for (int k = 0; k < TicketDetails::kMaxRequesterTickets; ++k)
        QCOMPARE(details->requesterTickets.at(k).id, f.tickets.at(36 - 3 * k).id);
}

void ConversationTest::slaClocksAndFacts()
{
    const QDateTime now = UiTest::at(600);
    TicketDetails d = details();
    d.ticket.status = TicketStatus::Open;
    d.ticket.created = UiTest::at(0);
    d.ticket.firstResponseDeadline = now.addSecs(30 * 60);
    d.ticket.resolutionDeadline = now.addSecs(-2 * 3600);
    d.ticket.due = now.addSecs(2 * 24 * 3600 + 3 * 3600);
    d.ticket.reminder = now.addSecs(3 * 3600);
    d.ticket.tier = 2;
    d.ticket.tags = {QStringLiteral("vip"), QStringLiteral("hardware")};
    d.ticket.csat = 2;
    d.ticket.csatComment = QStringLiteral("Too slow");
    Ticket linked;
    linked.id = QUuid::createUuid();
    linked.number = 77;
    linked.subject = QStringLiteral("Scanner jams");
    linked.status = TicketStatus::Solved;
    linked.created = UiTest::at(-100);
    Ticket notStored;
    notStored.id = QUuid::createUuid();
    d.ticket.linked = {linked.id, notStored.id};
    d.linkedTickets = {linked, notStored};
    Ticket into = linked;
    into.id = QUuid::createUuid();
    into.number = 78;
    d.ticket.mergedInto = into.id;
    d.mergedInto = into;

    QTextDocument document;
    ConversationRenderer(QApplication::palette(), now).render(d, &document);
    const QString text = document.toPlainText();
    for (const QString &expected :
         {QStringLiteral("First response: 30 min left"),
          QStringLiteral("Resolution: overdue by 2 h"), QStringLiteral("Due: "),
          QStringLiteral("in 2 d 3 h"), QStringLiteral("Reminder: "), QStringLiteral("in 3 h"),
          QStringLiteral("Tier: 2"), QStringLiteral("Tags: vip, hardware"),
          QStringLiteral(
              "Satisfaction: \u2605\u2605\u2606\u2606\u2606 2 of 5 \u00b7 \u201cToo slow\u201d"),
          QStringLiteral("#77 Scanner jams · Solved")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));
    // Urgency colours: overdue, soon and fine differ from each other and from plain text.
    const QColor overdue = colourOf(document, QStringLiteral("overdue by 2 h"));
    const QColor soon = colourOf(document, QStringLiteral("30 min left"));
    QVERIFY(overdue.isValid() && soon.isValid());
    QVERIFY(overdue != soon);
    QVERIFY(overdue.red() > overdue.green());
    QCOMPARE(colourOf(document, QStringLiteral("2 of 5")), overdue); // an unhappy customer

    d.ticket.firstResponseDeadline = now.addSecs(20 * 3600);
    ConversationRenderer(QApplication::palette(), now).render(d, &document);
    const QColor fine = colourOf(document, QStringLiteral("20 h left"));
    QVERIFY(fine.isValid());
    QVERIFY(fine != soon && fine != overdue);
    QVERIFY(fine.green() > fine.red());

    // Linked and merged tickets are ticket: links.
    QCOMPARE(hrefOf(document, QStringLiteral("#77 Scanner jams")), ticketHref(linked.id));
    QCOMPARE(hrefOf(document, QStringLiteral("#78 Scanner jams")), ticketHref(into.id));
    QVERIFY(text.contains(QStringLiteral("Merged into: #78")));
    bool notStoredLinked = false;
    for (const auto &link : links(document))
        notStoredLinked = notStoredLinked || link.second == ticketHref(notStored.id);
    QVERIFY(notStoredLinked);

    // A met clock is no longer counting.
    d.ticket.firstResponseAt = UiTest::at(100);
    ConversationRenderer(QApplication::palette(), now).render(d, &document);
    QVERIFY(document.toPlainText().contains(QStringLiteral("First response: met")));

    // In a dark palette the colours are ones that read on a dark base.
    QPalette dark = QApplication::palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    ConversationRenderer(dark, now).render(d, &document);
    QVERIFY(colourOf(document, QStringLiteral("overdue by 2 h")).lightness() > overdue.lightness());
}

void ConversationTest::attachmentLinks()
{
    TicketDetails d = details();
    const QByteArray hash = QByteArray("0123456789abcdef").repeated(4);
    const QString name = QStringLiteral("Log of Łódź & co #2.txt");
    d.messages[0].attachments = {{hash, name, QStringLiteral("text/plain"), 2048},
                                 {"not hex!", QStringLiteral("broken.bin"), {}, 10}};
    QTextDocument document;
    ConversationRenderer(QApplication::palette(), UiTest::at(60)).render(d, &document);
    const QString text = document.toPlainText();
    QVERIFY(text.contains(name));
    QVERIFY(text.contains(QLocale().formattedDataSize(2048)));
    QVERIFY(text.contains(QStringLiteral("broken.bin")));

    const QString href = hrefOf(document, name);
    QVERIFY(href.startsWith(QStringLiteral("attachment:") + QString::fromLatin1(hash) +
                            QStringLiteral("?name=")));
    // What QTextBrowser::anchorClicked gives the window.
    const QUrl url(href);
    QCOMPARE(url.scheme(), QStringLiteral("attachment"));
    QCOMPARE(url.path(), QString::fromLatin1(hash));
    QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded), name);
    QCOMPARE(ConversationRenderer::attachmentUrl(d.messages[0].attachments[0]), url);
    // An attachment without a usable hash is named but not a link.
    QVERIFY(hrefOf(document, QStringLiteral("broken.bin")).isEmpty());
}

void ConversationTest::splitsQuotedText()
{
    const QString body = QStringLiteral("Thanks, that worked.\r\n\r\n"
                                        "On Mon, 2 Mar 2026 at 09:00, Ana Kovač\n"
                                        "<ana@example.com> wrote:\n"
                                        "> Please restart the printer.\n"
                                        ">\n"
                                        "\n"
                                        "> Then send us the output.\n"
                                        "\n"
                                        "Jana");
    const QList<QuotedPart> parts = splitQuotedText(body);
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0).quoted, false);
    QCOMPARE(parts.at(0).text, QStringLiteral("Thanks, that worked.\n"));
    QCOMPARE(parts.at(1).quoted, true);
    QCOMPARE(parts.at(1).lines, 6);
    QVERIFY(parts.at(1).text.startsWith(QStringLiteral("On Mon")));
    QVERIFY(parts.at(1).text.endsWith(QStringLiteral("> Then send us the output.")));
    QCOMPARE(parts.at(2), (QuotedPart{QStringLiteral("\nJana"), false, 2}));

    const QList<QuotedPart> outlook =
        splitQuotedText(QStringLiteral("See below.\n-----Original Message-----\nFrom: Ana\nHello"));
    QCOMPARE(outlook.size(), 2);
    QCOMPARE(outlook.at(1).lines, 3);
    QVERIFY(outlook.at(1).quoted);

    const QList<QuotedPart> none = splitQuotedText(QStringLiteral("a -> b\nx >= y"));
    QCOMPARE(none.size(), 1);
    QVERIFY(!none.at(0).quoted);
}

void ConversationTest::foldsQuotedText()
{
    TicketDetails d = details();
    d.messages[0].bodyText = QStringLiteral("Thanks, that worked.\n\n"
                                            "On Mon, 2 Mar 2026, Ana Kovač <ana@example.com> "
                                            "wrote:\n> Please restart the printer.\n"
                                            "> Then send us the output.");
    QTextDocument document;
    ConversationRenderer renderer(QApplication::palette(), UiTest::at(60));
    renderer.render(d, &document);
    QString text = document.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Thanks, that worked.")));
    QVERIFY(!text.contains(QStringLiteral("Please restart the printer.")));
    QVERIFY(!text.contains(QStringLiteral("wrote:")));
    const QString href = hrefOf(document, QStringLiteral("quoted text (3 lines)"));
    QCOMPARE(href, QStringLiteral("more:quote/") + d.messages[0].id.toString(QUuid::WithoutBraces));

    ConversationRenderer::Options expanded;
    expanded.expandedQuotes.insert(d.messages[0].id);
    renderer.render(d, &document, expanded);
    text = document.toPlainText();
    QVERIFY(text.contains(QStringLiteral("> Please restart the printer.")));
    QVERIFY(text.contains(QStringLiteral("Hide quoted text")));
    // Quoted text is text too.
    QVERIFY(text.contains(QStringLiteral("<ana@example.com> wrote:")));
}

void ConversationTest::longThreadRendersLatestMessages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = UiTest::openStore(dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(store);
    const UiTest::Fixture f = UiTest::fillStore(*store, 3);
    const Ticket thread = putLongThread(*store, f, 300);
    QVERIFY(!thread.id.isNull());

    TicketPane pane(*store);
    pane.setClock([] { return UiTest::at(0); });
    pane.resize(900, 700);
    pane.show();
    // Opening includes laying the document out, which is what a reader waits for.
    const auto layOut = [&pane] {
        QCoreApplication::processEvents();
        return pane.browser()->document()->documentLayout()->documentSize().height();
    };
    QVERIFY(pane.showTicket(thread.id));
    const qreal latestHeight = layOut();
    const QTextDocument *document = pane.browser()->document();
    QString text = document->toPlainText();
    const int latest = ConversationRenderer::Options().latestMessages;
    QCOMPARE(cardCount(*document), latest);
    QVERIFY(text.contains(QStringLiteral("Thread message 0299.")));
    QVERIFY(text.contains(QStringLiteral("Thread message 0270.")));
    QVERIFY(!text.contains(QStringLiteral("Thread message 0269.")));
    QVERIFY(!text.contains(QStringLiteral("Thread message 0000.")));
    QCOMPARE(hrefOf(*document, QStringLiteral("Show 270 earlier messages")),
             QStringLiteral("more:earlier"));

    // A click on the link (the browser's signal) renders all of them.
    Q_EMIT pane.browser()->anchorClicked(QUrl(QStringLiteral("more:earlier")));
    QVERIFY(layOut() > latestHeight * 5);
    document = pane.browser()->document();
    text = document->toPlainText();
    QCOMPARE(cardCount(*document), 300);
    QVERIFY(text.contains(QStringLiteral("Thread message 0000.")));
    QVERIFY(text.indexOf(QStringLiteral("Thread message 0000.")) <
            text.indexOf(QStringLiteral("Thread message 0299.")));
    QVERIFY(hrefOf(*document, QStringLiteral("earlier message")).isEmpty());
    QVERIFY(pane.renderOptions().latestMessages <= 0);

    // The quoted text of the last message unfolds and folds again.
    const QString quoteLink = hrefOf(*document, QStringLiteral("quoted text"));
    QVERIFY(quoteLink.startsWith(QStringLiteral("more:quote/")));
    QVERIFY(!text.contains(QStringLiteral("Have you tried again?")));
    Q_EMIT pane.browser()->anchorClicked(QUrl(quoteLink));
    QVERIFY(pane.browser()->document()->toPlainText().contains(
        QStringLiteral("> Have you tried again?")));
    QCOMPARE(cardCount(*pane.browser()->document()), 300);
    Q_EMIT pane.browser()->anchorClicked(QUrl(quoteLink));
    QVERIFY(!pane.browser()->document()->toPlainText().contains(
        QStringLiteral("Have you tried again?")));

    // Showing the ticket again (a sync refresh) keeps it unfolded; another ticket does not.
    QVERIFY(pane.showTicket(thread.id));
    QCOMPARE(cardCount(*pane.browser()->document()), 300);
    QVERIFY(pane.showTicket(f.lodzTicket.id));
    QVERIFY(pane.showTicket(thread.id));
    QCOMPARE(cardCount(*pane.browser()->document()), latest);

    // Other schemes are the window's.
    Q_EMIT pane.browser()->anchorClicked(
        QUrl(QStringLiteral("ticket:") + f.lodzTicket.id.toString(QUuid::WithoutBraces)));
    QCOMPARE(pane.currentTicket(), thread.id);
    QCOMPARE(cardCount(*pane.browser()->document()), latest);
}

void ConversationTest::rendersMailHtml()
{
    TicketDetails d = details();
    d.messages[0] = htmlMail(d.ticket.id);
    d.messages[0].bodyHtml = d.messages[0].bodyHtml.arg(QStringLiteral("tracker.example"));
    const Message &mail = d.messages[0];
    const QString id = mail.id.toString(QUuid::WithoutBraces);
    const QString logo =
        QStringLiteral("attachment:%1?name=logo.png").arg(QString::fromLatin1(kLogoHash));
    QTextDocument document;
    ConversationRenderer renderer(QApplication::palette(), UiTest::at(60));
    renderer.render(d, &document);
    QString text = document.toPlainText();

    // Formatted: bold is bold, the link is the mail's, the inline image is the attachment.
    QVERIFY(text.contains(QStringLiteral("Dear support, the invoice is wrong.")));
    QTextCursor bold = document.find(QStringLiteral("Dear support"));
    QVERIFY(!bold.isNull());
    bold.setPosition(bold.selectionEnd());
    QCOMPARE(bold.charFormat().fontWeight(), int(QFont::Bold));
    QCOMPARE(hrefOf(document, QStringLiteral("invoice")),
             QStringLiteral("https://example.si/r?id=1"));
    QCOMPARE(imageNames(document), QStringList{logo});
    // No remote image until asked for, and the quoted mail folded.
    QCOMPARE(hrefOf(document, QStringLiteral("Show remote images")),
             QStringLiteral("more:images/") + id);
    QVERIFY(!text.contains(QStringLiteral("Please check the invoice.")));
    QCOMPARE(hrefOf(document, QStringLiteral("quoted text")), QStringLiteral("more:quote/") + id);
    QCOMPARE(hrefOf(document, QStringLiteral("Plain text")), QStringLiteral("more:plain/") + id);

    ConversationRenderer::Options options;
    options.expandedQuotes.insert(mail.id);
    options.remoteImageMessages.insert(mail.id);
    renderer.render(d, &document, options);
    text = document.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Please check the invoice.")));
    QVERIFY(text.contains(QStringLiteral("Remote images are shown.")));
    QCOMPARE(imageNames(document),
             (QStringList{logo, QStringLiteral("http://tracker.example/pixel.png")}));

    // As plain text: the text pultd made, its quote folded as in any mail.
    options.plainTextMessages.insert(mail.id);
    options.expandedQuotes.clear();
    renderer.render(d, &document, options);
    text = document.toPlainText();
    QVERIFY(text.contains(QStringLiteral("Dear support, the invoice is wrong.")));
    QVERIFY(!text.contains(QStringLiteral("Please check the invoice.")));
    QVERIFY(imageNames(document).isEmpty());
    QCOMPARE(hrefOf(document, QStringLiteral("Formatted")), QStringLiteral("more:plain/") + id);

    // In a dark theme the mail's HTML, made for white paper, is shown on light paper.
    QPalette dark = QApplication::palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    ConversationRenderer(dark, UiTest::at(60)).render(d, &document);
    bold = document.find(QStringLiteral("Dear support"));
    QVERIFY(bold.currentFrame()->frameFormat().background().color().lightness() > 200);
    QVERIFY(bold.charFormat().foreground().color().lightness() < 100);
}

void ConversationTest::mailImagesArriveWithoutBlocking()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = UiTest::openStore(dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(store);
    const UiTest::Fixture f = UiTest::fillStore(*store, 3);
    QImage remoteImage(30, 20, QImage::Format_RGB32);
    remoteImage.fill(Qt::red);
    ImageServer server(remoteImage);
    QVERIFY(server.isListening());
    Message mail = htmlMail(f.lodzTicket.id);
    mail.bodyHtml = mail.bodyHtml.arg(QStringLiteral("127.0.0.1:%1").arg(server.serverPort()));
    QVERIFY(store->put(mail).good());

    // The window's loader fetches in the background and answers later: the first time it
    // fails (offline), then it brings a wide picture.
    QList<QByteArray> asked;
    TicketPane pane(*store);
    pane.images()->setAttachmentLoader([&asked](const QByteArray &hash, auto done) {
        asked.append(hash);
        QTimer::singleShot(20, [done, offline = asked.size() == 1] {
            QImage wide(2000, 1000, QImage::Format_RGB32);
            wide.fill(Qt::blue);
            done(offline ? QImage() : MessageImages::fitted(wide));
        });
    });
    pane.setClock([] { return UiTest::at(0); });
    pane.resize(900, 700);
    pane.show();
    QVERIFY(pane.showTicket(f.lodzTicket.id));
    const QUrl logo(
        QStringLiteral("attachment:%1?name=logo.png").arg(QString::fromLatin1(kLogoHash)));
    // A failed image is not asked for again while the ticket stays open (a sync refresh)...
    QTRY_COMPARE(asked.size(), 1);
    QTest::qWait(50);
    QVERIFY(pane.showTicket(f.lodzTicket.id));
    QTest::qWait(50);
    QCOMPARE(asked.size(), 1);
    // ...but when the ticket is opened again. Shown at once with a placeholder; laid out again
    // when the image is there.
    QVERIFY(pane.showTicket(f.tickets.first().id));
    QVERIFY(pane.showTicket(f.lodzTicket.id));
    QTRY_COMPARE(asked, (QList<QByteArray>{kLogoHash, kLogoHash}));
    QTRY_COMPARE(pane.browser()
                     ->document()
                     ->resource(QTextDocument::ImageResource, logo)
                     .value<QImage>()
                     .size(),
                 QSize(MessageImages::kMaxWidth, MessageImages::kMaxWidth / 2));
    QTRY_VERIFY(pane.browser()->document()->documentLayout()->documentSize().width() >=
                MessageImages::kMaxWidth);
    // Rendering again (a sync refresh) asks for nothing again; the remote server saw nothing.
    QVERIFY(pane.showTicket(f.lodzTicket.id));
    QTest::qWait(50);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(server.requests, 0);

    // Asked for, the remote image is fetched once and shown.
    const QUrl remote(QStringLiteral("http://127.0.0.1:%1/pixel.png").arg(server.serverPort()));
    Q_EMIT pane.browser()->anchorClicked(
        QUrl(QStringLiteral("more:images/") + mail.id.toString(QUuid::WithoutBraces)));
    QTRY_COMPARE(pane.browser()
                     ->document()
                     ->resource(QTextDocument::ImageResource, remote)
                     .value<QImage>()
                     .size(),
                 QSize(30, 20));
    QVERIFY(pane.showTicket(f.lodzTicket.id));
    QTest::qWait(50);
    QCOMPARE(server.requests, 1);
}

QTEST_MAIN(ConversationTest)
#include "tst_conversation.moc"
