#include "conversationrenderer.h"

#include "codehighlighter.h"
#include "displaytext.h"
#include "messagetext.h"

#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>

namespace Pult {

namespace {

struct CardColours
{
    QColor background;
    QColor border;
    QColor accent; // the kind label
};

QColor statusColour(TicketStatus status, bool dark)
{
    switch (status) {
    case TicketStatus::New:
        return dark ? QColor(0xc9, 0x8a, 0x10) : QColor(0xb7, 0x79, 0x00);
    case TicketStatus::Open:
        return dark ? QColor(0xd9, 0x4b, 0x3d) : QColor(0xc6, 0x32, 0x28);
    case TicketStatus::Pending:
        return dark ? QColor(0x3d, 0x7e, 0xe0) : QColor(0x25, 0x63, 0xc9);
    case TicketStatus::OnHold:
        return dark ? QColor(0x70, 0x70, 0x78) : QColor(0x4a, 0x4a, 0x52);
    case TicketStatus::Solved:
    case TicketStatus::Closed:
        return dark ? QColor(0x5f, 0x66, 0x6d) : QColor(0x7a, 0x82, 0x8a);
    }
    return {};
}

QTextCharFormat withForeground(QTextCharFormat format, const QColor &colour)
{
    format.setForeground(colour);
    return format;
}

} // namespace

ConversationRenderer::ConversationRenderer(const QPalette &palette, const QDateTime &now)
    : m_palette(palette)
    , m_now(now)
    , m_dark(palette.color(QPalette::Base).lightness() < 128)
{}

void ConversationRenderer::render(const TicketDetails &details, QTextDocument *document) const
{
    document->clear();
    document->setDocumentMargin(16);
    document->setUndoRedoEnabled(false);
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    renderHeader(details, cursor);
    if (details.messages.isEmpty()) {
        cursor.insertBlock();
        cursor.insertText(tr("No messages in this ticket yet."),
                          withForeground({}, m_palette.color(QPalette::PlaceholderText)));
    }
    for (const Message &message : details.messages) {
        if (message.kind == MessageKind::SystemEvent)
            renderSystemEvent(message, cursor);
        else
            renderMessage(message, cursor);
    }
    // Cards are spaced by their margins; the empty blocks Qt keeps between frames take no room.
    QTextBlockFormat collapsed;
    collapsed.setLineHeight(0, QTextBlockFormat::FixedHeight);
    for (auto it = document->rootFrame()->begin(); !it.atEnd(); ++it) {
        const QTextBlock block = it.currentBlock();
        if (!it.currentFrame() && block.isValid() && block.length() <= 1)
            QTextCursor(block).setBlockFormat(collapsed);
    }
    cursor.endEditBlock();
}

void ConversationRenderer::renderHeader(const TicketDetails &details, QTextCursor &cursor) const
{
    const Ticket &ticket = details.ticket;
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    const QString separator = QStringLiteral("   ·   ");

    QTextBlockFormat titleBlock;
    titleBlock.setBottomMargin(6);
    QTextCharFormat title;
    title.setFontWeight(QFont::DemiBold);
    title.setFontPointSize(cursor.document()->defaultFont().pointSizeF() * 1.45);
    cursor.setBlockFormat(titleBlock);
    cursor.insertText(ticket.subject.isEmpty() ? tr("(no subject)") : ticket.subject, title);

    // #1042   Open   High priority · Billing · Email
    QTextBlockFormat metaBlock;
    metaBlock.setBottomMargin(4);
    cursor.insertBlock(metaBlock);
    QTextCharFormat number = withForeground({}, dim);
    number.setFontWeight(QFont::DemiBold);
    cursor.insertText(DisplayText::ticketNumber(ticket.number), number);
    cursor.insertText(QStringLiteral("   "), QTextCharFormat());
    QTextCharFormat pill;
    pill.setBackground(statusColour(ticket.status, m_dark));
    pill.setForeground(QColor(Qt::white));
    pill.setFontWeight(QFont::DemiBold);
    const QString thinSpace = QStringLiteral("\u2002");
    cursor.insertText(thinSpace + DisplayText::status(ticket.status) + thinSpace, pill);
    QTextCharFormat priority;
    if (ticket.priority == Priority::Urgent || ticket.priority == Priority::High) {
        priority.setFontWeight(QFont::DemiBold);
        if (ticket.priority == Priority::Urgent)
            priority.setForeground(m_dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    }
    cursor.insertText(QStringLiteral("   "), QTextCharFormat());
    cursor.insertText(tr("%1 priority").arg(DisplayText::priority(ticket.priority)), priority);
    QStringList facts;
    if (!details.departmentName.isEmpty())
        facts << details.departmentName;
    facts << DisplayText::channel(ticket.channel);
    if (!ticket.tags.isEmpty())
        facts << tr("Tags: %1").arg(ticket.tags.join(QStringLiteral(", ")));
    cursor.insertText(separator + facts.join(separator), withForeground({}, dim));

    // Requester and assignee.
    QTextBlockFormat peopleBlock;
    peopleBlock.setBottomMargin(14);
    cursor.insertBlock(peopleBlock);
    const Contact &requester = details.requester;
    QTextCharFormat bold;
    bold.setFontWeight(QFont::DemiBold);
    cursor.insertText(tr("Requester: "), withForeground({}, dim));
    if (requester.id.isNull()) {
        cursor.insertText(tr("unknown"), QTextCharFormat());
    } else {
        cursor.insertText(requester.name.isEmpty() ? requester.emails.value(0) : requester.name,
                          bold);
        QStringList about;
        if (!requester.name.isEmpty() && !requester.emails.isEmpty())
            about << requester.emails.first();
        if (!requester.organisation.isEmpty())
            about << requester.organisation;
        if (!requester.plan.isEmpty())
            about << tr("%1 plan").arg(requester.plan);
        if (!about.isEmpty())
            cursor.insertText(QStringLiteral("  ") + about.join(QStringLiteral(", ")),
                              QTextCharFormat());
    }
    cursor.insertText(separator, withForeground({}, dim));
    cursor.insertText(tr("Assignee: "), withForeground({}, dim));
    if (ticket.assigneeId.isNull())
        cursor.insertText(tr("unassigned"), withForeground({}, dim));
    else
        cursor.insertText(
            details.assigneeName.isEmpty() ? tr("unknown agent") : details.assigneeName, bold);
    cursor.insertText(separator, withForeground({}, dim));
    cursor.insertText(tr("Created %1").arg(DisplayText::dateTime(ticket.created)),
                      withForeground({}, dim));
}

void ConversationRenderer::renderMessage(const Message &message, QTextCursor &cursor) const
{
    CardColours colours;
    QString kindLabel;
    switch (message.kind) {
    case MessageKind::CustomerMessage:
        colours = {m_palette.color(QPalette::Base),
                   m_dark ? QColor(0x48, 0x4c, 0x52) : QColor(0xd6, 0xdb, 0xe1),
                   m_palette.color(QPalette::PlaceholderText)};
        kindLabel = tr("Customer");
        break;
    case MessageKind::AgentReply:
        colours = {m_dark ? QColor(0x1c, 0x2a, 0x3b) : QColor(0xee, 0xf4, 0xfc),
                   m_dark ? QColor(0x2e, 0x4a, 0x6e) : QColor(0xc5, 0xd8, 0xf2),
                   m_dark ? QColor(0x7a, 0xaa, 0xe8) : QColor(0x25, 0x5f, 0xb8)};
        kindLabel = tr("Reply");
        break;
    case MessageKind::InternalNote:
        colours = {m_dark ? QColor(0x3a, 0x33, 0x1c) : QColor(0xff, 0xf6, 0xd1),
                   m_dark ? QColor(0x6b, 0x5a, 0x22) : QColor(0xee, 0xd6, 0x82),
                   m_dark ? QColor(0xe0, 0xb8, 0x4a) : QColor(0x8a, 0x62, 0x00)};
        kindLabel = tr("Internal note · not visible to the customer");
        break;
    case MessageKind::SystemEvent:
        return;
    }

    QTextFrameFormat card;
    card.setBackground(colours.background);
    card.setBorder(1);
    card.setBorderBrush(colours.border);
    card.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    card.setPadding(10);
    card.setTopMargin(4);
    card.setBottomMargin(6);
    cursor = cursor.document()->rootFrame()->lastCursorPosition();
    QTextFrame *frame = cursor.insertFrame(card);

    // Author · kind · time
    QTextBlockFormat headerBlock;
    headerBlock.setBottomMargin(6);
    cursor.setBlockFormat(headerBlock);
    QTextCharFormat author;
    author.setFontWeight(QFont::DemiBold);
    cursor.insertText(message.authorName.isEmpty() ? tr("Unknown") : message.authorName, author);
    QTextCharFormat kind = withForeground({}, colours.accent);
    if (message.kind == MessageKind::InternalNote)
        kind.setFontWeight(QFont::DemiBold);
    cursor.insertText(QStringLiteral("   ") + kindLabel, kind);
    // The date, and for the last week also how long ago ("3 h ago"); older ones would repeat it.
    QString when = DisplayText::dateTime(message.created);
    if (message.created.secsTo(m_now) < 7 * 24 * 3600)
        when = tr("%1 (%2)").arg(when, DisplayText::relativeTime(message.created, m_now));
    cursor.insertText(QStringLiteral("   ·   ") + when,
                      withForeground({}, m_palette.color(QPalette::PlaceholderText)));

    QString text = message.bodyText;
    if (text.trimmed().isEmpty() && !message.bodyHtml.isEmpty())
        text = QTextDocumentFragment::fromHtml(message.bodyHtml).toPlainText();
    bool atEmptyBlock = renderBody(text, cursor);

    if (!message.attachments.isEmpty()) {
        QStringList names;
        const QLocale locale;
        for (const Attachment &attachment : message.attachments)
            names << tr("%1 (%2)").arg(attachment.name, locale.formattedDataSize(attachment.size));
        QTextBlockFormat attachmentsBlock;
        attachmentsBlock.setTopMargin(6);
        if (atEmptyBlock)
            cursor.setBlockFormat(attachmentsBlock);
        else
            cursor.insertBlock(attachmentsBlock, QTextCharFormat());
        atEmptyBlock = false;
        cursor.insertText(tr("Attachments: %1").arg(names.join(QStringLiteral(", "))),
                          withForeground({}, m_palette.color(QPalette::PlaceholderText)));
    }
    if (atEmptyBlock) {
        // The empty block after a closing snippet takes no room.
        QTextBlockFormat collapsed;
        collapsed.setLineHeight(0, QTextBlockFormat::FixedHeight);
        cursor.setBlockFormat(collapsed);
    }
    cursor = frame->lastCursorPosition();
}

bool ConversationRenderer::renderBody(const QString &text, QTextCursor &cursor) const
{
    const QColor codeBackground = m_dark ? QColor(255, 255, 255, 18) : QColor(0, 0, 0, 13);
    bool atEmptyBlock = false; // after a snippet, the cursor sits in an empty block after it
    for (const MessageSegment &segment : splitMessageText(text)) {
        if (segment.kind == MessageSegment::Prose) {
            const auto lines = QStringView(segment.text).split(u'\n');
            for (const QStringView line : lines) {
                if (atEmptyBlock)
                    cursor.setBlockFormat(QTextBlockFormat());
                else
                    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
                atEmptyBlock = false;
                cursor.insertText(line.toString());
            }
            continue;
        }
        // A snippet: its own inner frame, every line a block marked as code.
        QTextFrameFormat box;
        box.setBackground(codeBackground);
        box.setPadding(6);
        box.setTopMargin(4);
        box.setBottomMargin(4);
        QTextFrame *codeFrame = cursor.insertFrame(box);
        QTextBlockFormat codeLine;
        CodeHighlighter::markAsCode(codeLine, segment.language);
        const auto lines = QStringView(segment.text).split(u'\n');
        bool first = true;
        for (const QStringView line : lines) {
            if (first)
                cursor.setBlockFormat(codeLine);
            else
                cursor.insertBlock(codeLine, QTextCharFormat());
            first = false;
            cursor.insertText(line.toString());
        }
        cursor = codeFrame->lastCursorPosition();
        cursor.movePosition(QTextCursor::NextBlock);
        atEmptyBlock = true;
    }
    return atEmptyBlock;
}

void ConversationRenderer::renderSystemEvent(const Message &message, QTextCursor &cursor) const
{
    cursor = cursor.document()->rootFrame()->lastCursorPosition();
    QTextBlockFormat centred;
    centred.setAlignment(Qt::AlignHCenter);
    centred.setTopMargin(2);
    centred.setBottomMargin(6);
    if (cursor.block().length() <= 1) // the empty block after a card
        cursor.setBlockFormat(centred);
    else
        cursor.insertBlock(centred);
    QTextCharFormat small = withForeground({}, m_palette.color(QPalette::PlaceholderText));
    small.setFontPointSize(cursor.document()->defaultFont().pointSizeF() * 0.9);
    cursor.insertText(
        tr("%1 · %2").arg(message.bodyText.simplified(), DisplayText::dateTime(message.created)),
        small);
}

} // namespace Pult
