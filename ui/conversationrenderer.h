#pragma once

// Lays out a ticket as a rich text document: a header (subject, number, status, priority,
// requester, assignee) and the conversation, one framed card per message: customer messages on
// the base colour, agent replies tinted blue, internal notes yellow so they are never mistaken
// for something the customer saw. Code and log snippets are marked for CodeHighlighter.
// Message text is inserted as plain text, never parsed as HTML.

#include "ticketdetails.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPalette>

class QTextCursor;
class QTextDocument;

namespace Pult {

class ConversationRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ConversationRenderer)

public:
    // The palette picks light or dark card colours; now is for relative times.
    ConversationRenderer(const QPalette &palette, const QDateTime &now);

    // Replaces the document's content with the ticket.
    void render(const TicketDetails &details, QTextDocument *document) const;

private:
    void renderHeader(const TicketDetails &details, QTextCursor &cursor) const;
    void renderMessage(const Message &message, QTextCursor &cursor) const;
    void renderSystemEvent(const Message &message, QTextCursor &cursor) const;
    // Returns true when the cursor was left in an empty block after a closing snippet.
    bool renderBody(const QString &text, QTextCursor &cursor) const;

    QPalette m_palette;
    QDateTime m_now;
    bool m_dark = false;
};

} // namespace Pult
