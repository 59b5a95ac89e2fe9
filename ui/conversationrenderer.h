#pragma once

// Lays out a ticket as a rich text document:
// - a header (subject, number, status, priority, requester, assignee);
// - a two-column panel: the ticket's facts (SLA clocks coloured by urgency, due date, reminder,
//   tier, category, tags, linked tickets, the ticket it was merged into) beside the requester
//   (contact details and their other tickets);
// - the conversation, one framed card per message: customer messages on the base colour, agent
//   replies tinted blue, internal notes yellow so they are never mistaken for something the
//   customer saw. Code and log snippets are marked for CodeHighlighter; quoted text of earlier
//   mails is folded to one line; attachments are links. Long threads show only their latest
//   messages behind a "Show N earlier messages" link, so a ticket of hundreds opens at once;
// - the history: every field change in words, with who and when.
// Message text is inserted as plain text, never parsed as HTML. A mail's HTML (sanitised by pultd,
// docs/email.md) is shown formatted, or as its text when the reader chooses so; its images
// are the document's resources (TicketPane's MessageImages): attachment: URLs of the mail's own
// inline parts, and remote ones only after the reader asked for them.
//
// Links (QTextBrowser::anchorClicked):
//   ticket:<uuid>                               another ticket (uuid without braces)
//   attachment:<sha256 hex>?name=<percent-encoded file name>
//   more:earlier, more:history, more:quote/<message uuid>,
//   more:plain/<message uuid>, more:images/<message uuid>    handled by TicketPane itself

#include "ticketdetails.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPalette>
#include <QSet>
#include <QUrl>

class QTextCharFormat;
class QTextCursor;
class QTextDocument;

namespace Pult {

class ConversationRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ConversationRenderer)

public:
    // What the reader unfolded; the default is a freshly opened ticket.
    struct Options
    {
        // Only the latest messages are rendered; the older ones are behind a link. <= 0: all.
        int latestMessages = 30;
        // Only the latest history entries are listed unless this is set.
        bool allHistory = false;
        // Messages whose quoted text is shown instead of folded.
        QSet<QUuid> expandedQuotes;
        // Mails with HTML shown as their plain text instead.
        QSet<QUuid> plainTextMessages;
        // Mails whose remote images the reader asked for.
        QSet<QUuid> remoteImageMessages;
    };
    static constexpr int kLatestHistory = 10;

    // The link schemes of the document.
    static QString ticketScheme() { return QStringLiteral("ticket"); }
    static QString attachmentScheme() { return QStringLiteral("attachment"); }
    static QString moreScheme() { return QStringLiteral("more"); }
    static QUrl ticketUrl(const QUuid &ticketId);
    static QUrl attachmentUrl(const Attachment &attachment); // empty when the hash is not hex
    static QUrl earlierMessagesUrl();
    static QUrl allHistoryUrl();
    static QUrl quoteUrl(const QUuid &messageId);
    static QUrl plainTextUrl(const QUuid &messageId);
    static QUrl remoteImagesUrl(const QUuid &messageId);

    // The palette picks light or dark card colours; now is for relative times and SLA clocks.
    ConversationRenderer(const QPalette &palette, const QDateTime &now);

    // Replaces the document's content with the ticket.
    void render(const TicketDetails &details, QTextDocument *document) const;
    void render(const TicketDetails &details, QTextDocument *document,
                const Options &options) const;

    // How many messages the options leave behind the "earlier messages" link.
    static int hiddenMessageCount(const TicketDetails &details, const Options &options);
    // A history entry in words: "Ana Novak changed status from Open to Solved".
    static QString describe(const HistoryEvent &event, const TicketDetails &details);
    // "1 h 20 min", "2 d 3 h", "less than 1 min".
    static QString duration(qint64 seconds);

private:
    void renderHeader(const TicketDetails &details, QTextCursor &cursor) const;
    void renderPanel(const TicketDetails &details, QTextCursor &cursor) const;
    void renderFacts(const TicketDetails &details, QTextCursor &cursor) const;
    void renderRequester(const TicketDetails &details, QTextCursor &cursor) const;
    void renderHistory(const TicketDetails &details, const Options &options,
                       QTextCursor &cursor) const;
    void renderMessage(const Message &message, const Options &options, QTextCursor &cursor) const;
    void renderSystemEvent(const Message &message, QTextCursor &cursor) const;
    // atEmptyBlock: in, whether the cursor sits in an empty block to fill first; out, whether
    // the cursor was left in an empty block after a closing snippet.
    void renderBody(const QString &text, bool &atEmptyBlock, QTextCursor &cursor) const;
    void renderMessageText(const Message &message, const QString &text, bool quotesExpanded,
                           bool &atEmptyBlock, QTextCursor &cursor) const;
    // A mail's sanitised HTML (docs/email.md): its quoted history folded behind a link, remote
    // images only when asked for, on light paper in a dark theme.
    void renderHtml(const Message &message, bool quotesExpanded, bool remoteImages,
                    bool &atEmptyBlock, QTextCursor &cursor) const;
    void insertLink(QTextCursor &cursor, const QString &text, const QUrl &url,
                    const QString &toolTip = {}) const;
    void insertTicketLink(QTextCursor &cursor, const Ticket &ticket) const;
    void insertSlaClock(QTextCursor &cursor, const QDateTime &deadline, const QDateTime &metAt,
                        const Ticket &ticket, bool resolution) const;
    QColor urgencyColour(int level) const; // 0 fine, 1 soon, 2 overdue

    QPalette m_palette;
    QDateTime m_now;
    bool m_dark = false;
};

// A message body split into what the author wrote and the quoted earlier mails: runs of lines
// starting with ">", with the "On … wrote:" line before them, and everything from an Outlook
// "-----Original Message-----" separator on.
struct QuotedPart
{
    QString text;
    bool quoted = false;
    int lines = 0;
    friend bool operator==(const QuotedPart &, const QuotedPart &) = default;
};
QList<QuotedPart> splitQuotedText(const QString &body);

} // namespace Pult
