#include "conversationrenderer.h"

#include "codehighlighter.h"
#include "displaytext.h"
#include "messagetext.h"
#include "uuid.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextTable>

#include <vector>

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

bool isHex(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

// Puts the cursor in a block of the root frame after everything else: the empty block Qt keeps
// after a frame or table, or a new one.
void rootBlock(QTextCursor &cursor, const QTextBlockFormat &format)
{
    cursor = cursor.document()->rootFrame()->lastCursorPosition();
    if (cursor.block().length() <= 1)
        cursor.setBlockFormat(format);
    else
        cursor.insertBlock(format, QTextCharFormat());
}

// A new block for the next line, or the empty block the cursor sits in.
void startBlock(QTextCursor &cursor, bool &atEmptyBlock, const QTextBlockFormat &format = {})
{
    if (atEmptyBlock)
        cursor.setBlockFormat(format);
    else
        cursor.insertBlock(format, QTextCharFormat());
    atEmptyBlock = false;
}

// A link TicketPane handles itself: more:<what>.
QUrl moreUrl(const QString &what)
{
    QUrl url;
    url.setScheme(ConversationRenderer::moreScheme());
    url.setPath(what);
    return url;
}

} // namespace

QList<QuotedPart> splitQuotedText(const QString &body)
{
    QString normalised = body;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(u'\r', u'\n');
    const QList<QStringView> lines = QStringView(normalised).split(u'\n');
    const qsizetype n = lines.size();
    std::vector<bool> quoted(std::size_t(n), false);
    const auto blank = [&](qsizetype i) { return lines.at(i).trimmed().isEmpty(); };

    // "On Mon, 2 Mar 2026, Ana <ana@example.com> wrote:" and its translations.
    static const QRegularExpression attribution(
        QStringLiteral("^(on\\s.*|.*\\s)?(wrote|writes|schrieb|a écrit|escribió|napisal\\(a\\)|"
                       "napisala|napisal|napisał\\(a\\)|napisała|napisał|napisao je|napisala je|"
                       "rašė|parašė)\\s*:\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression separator(
        QStringLiteral("^\\s*-{2,}\\s*(original message|forwarded message|izvirno sporočilo|"
                       "oryginalna wiadomość|originalna poruka|originali žinutė)\\s*-{2,}\\s*$"),
        QRegularExpression::CaseInsensitiveOption);

    for (qsizetype i = 0; i < n; ++i)
        quoted[std::size_t(i)] = lines.at(i).trimmed().startsWith(u'>');
    // Blank lines inside a quote belong to it.
    for (qsizetype i = 0; i < n;) {
        if (!blank(i)) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < n && blank(end))
            ++end;
        if (i > 0 && end < n && quoted[std::size_t(i - 1)] && quoted[std::size_t(end)]) {
            for (qsizetype j = i; j < end; ++j)
                quoted[std::size_t(j)] = true;
        }
        i = end;
    }
    // The attribution line before a quote (mail clients wrap it onto a second line).
    for (qsizetype i = 0; i < n; ++i) {
        if (!quoted[std::size_t(i)] || (i > 0 && quoted[std::size_t(i - 1)]))
            continue;
        qsizetype k = i - 1;
        while (k >= 0 && blank(k))
            --k;
        if (k < 0 || !attribution.match(lines.at(k).trimmed()).hasMatch())
            continue;
        qsizetype from = k;
        if (k > 0 && !blank(k - 1) && !quoted[std::size_t(k - 1)] &&
            !lines.at(k).trimmed().startsWith(QLatin1String("On ")) &&
            lines.at(k - 1).trimmed().startsWith(QLatin1String("On ")))
            from = k - 1;
        for (qsizetype j = from; j < i; ++j)
            quoted[std::size_t(j)] = true;
    }
    // Everything from a forwarded or Outlook-quoted mail's separator on.
    for (qsizetype i = 0; i < n; ++i) {
        if (separator.match(lines.at(i)).hasMatch()) {
            for (qsizetype j = i; j < n; ++j)
                quoted[std::size_t(j)] = true;
            break;
        }
    }

    QList<QuotedPart> parts;
    for (qsizetype i = 0; i < n; ++i) {
        const bool isQuoted = quoted[std::size_t(i)];
        if (parts.isEmpty() || parts.last().quoted != isQuoted) {
            parts.append({lines.at(i).toString(), isQuoted, 1});
        } else {
            QuotedPart &part = parts.last();
            part.text += u'\n' + lines.at(i).toString();
            ++part.lines;
        }
    }
    return parts;
}

QUrl ConversationRenderer::ticketUrl(const QUuid &ticketId)
{
    QUrl url;
    url.setScheme(ticketScheme());
    url.setPath(uuidToString(ticketId));
    return url;
}

QUrl ConversationRenderer::attachmentUrl(const Attachment &attachment)
{
    if (!isHex(attachment.contentHash))
        return {};
    return QUrl::fromEncoded(attachmentScheme().toLatin1() + ':' +
                                 attachment.contentHash.toLower() +
                                 "?name=" + QUrl::toPercentEncoding(attachment.name),
                             QUrl::StrictMode);
}

QUrl ConversationRenderer::earlierMessagesUrl()
{
    return moreUrl(QStringLiteral("earlier"));
}

QUrl ConversationRenderer::allHistoryUrl()
{
    return moreUrl(QStringLiteral("history"));
}

QUrl ConversationRenderer::quoteUrl(const QUuid &messageId)
{
    return moreUrl(QStringLiteral("quote/") + uuidToString(messageId));
}

QUrl ConversationRenderer::plainTextUrl(const QUuid &messageId)
{
    return moreUrl(QStringLiteral("plain/") + uuidToString(messageId));
}

QUrl ConversationRenderer::remoteImagesUrl(const QUuid &messageId)
{
    return moreUrl(QStringLiteral("images/") + uuidToString(messageId));
}

QString ConversationRenderer::duration(qint64 seconds)
{
    const qint64 minute = 60, hour = 3600, day = 24 * 3600;
    const qint64 a = seconds < 0 ? -seconds : seconds;
    if (a < minute)
        return tr("less than 1 min");
    if (a >= day) {
        const int hours = int((a % day) / hour);
        if (hours == 0)
            return tr("%1 d", "days").arg(a / day);
        return tr("%1 d %2 h", "days, hours").arg(a / day).arg(hours);
    }
    if (a >= hour) {
        const int minutes = int((a % hour) / minute);
        if (minutes == 0)
            return tr("%1 h", "hours").arg(a / hour);
        return tr("%1 h %2 min", "hours, minutes").arg(a / hour).arg(minutes);
    }
    return tr("%1 min", "minutes").arg(a / minute);
}

int ConversationRenderer::hiddenMessageCount(const TicketDetails &details, const Options &options)
{
    if (options.latestMessages <= 0)
        return 0;
    return std::max(0, int(details.messages.size()) - options.latestMessages);
}

ConversationRenderer::ConversationRenderer(const QPalette &palette, const QDateTime &now)
    : m_palette(palette)
    , m_now(now)
    , m_dark(palette.color(QPalette::Base).lightness() < 128)
{}

void ConversationRenderer::render(const TicketDetails &details, QTextDocument *document) const
{
    render(details, document, Options());
}

void ConversationRenderer::render(const TicketDetails &details, QTextDocument *document,
                                  const Options &options) const
{
    document->clear();
    document->setDocumentMargin(16);
    document->setUndoRedoEnabled(false);
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    renderHeader(details, cursor);
    renderPanel(details, cursor);
    if (details.messages.isEmpty()) {
        rootBlock(cursor, QTextBlockFormat());
        cursor.insertText(tr("No messages in this ticket yet."),
                          withForeground({}, m_palette.color(QPalette::PlaceholderText)));
    }
    const int hidden = hiddenMessageCount(details, options);
    if (hidden > 0) {
        QTextBlockFormat centred;
        centred.setAlignment(Qt::AlignHCenter);
        centred.setTopMargin(4);
        centred.setBottomMargin(6);
        rootBlock(cursor, centred);
        insertLink(cursor,
                   hidden == 1 ? tr("Show %n earlier message", nullptr, hidden)
                               : tr("Show %n earlier messages", nullptr, hidden),
                   earlierMessagesUrl());
    }
    for (qsizetype i = hidden; i < details.messages.size(); ++i) {
        const Message &message = details.messages.at(i);
        if (message.kind == MessageKind::SystemEvent)
            renderSystemEvent(message, cursor);
        else
            renderMessage(message, options, cursor);
    }
    renderHistory(details, options, cursor);
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
            priority.setForeground(urgencyColour(2));
    }
    cursor.insertText(QStringLiteral("   "), QTextCharFormat());
    cursor.insertText(tr("%1 priority").arg(DisplayText::priority(ticket.priority)), priority);
    QStringList facts;
    if (!details.departmentName.isEmpty())
        facts << details.departmentName;
    facts << DisplayText::channel(ticket.channel);
    if (ticket.spam)
        facts << tr("Spam");
    cursor.insertText(separator + facts.join(separator), withForeground({}, dim));

    // Requester and assignee.
    QTextBlockFormat peopleBlock;
    peopleBlock.setBottomMargin(10);
    cursor.insertBlock(peopleBlock);
    const Contact &requester = details.requester;
    QTextCharFormat bold;
    bold.setFontWeight(QFont::DemiBold);
    cursor.insertText(tr("Requester: "), withForeground({}, dim));
    if (requester.id.isNull()) {
        cursor.insertText(tr("unknown"), QTextCharFormat());
    } else {
        // The details are in the requester panel below.
        cursor.insertText(requester.name.isEmpty() ? requester.emails.value(0) : requester.name,
                          bold);
        if (!requester.organisation.isEmpty())
            cursor.insertText(QStringLiteral("  ") + requester.organisation, QTextCharFormat());
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

QColor ConversationRenderer::urgencyColour(int level) const
{
    switch (level) {
    case 2: // overdue
        return m_dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    case 1: // soon
        return m_dark ? QColor(0xe0, 0xb8, 0x4a) : QColor(0x9a, 0x5b, 0x00);
    default: // time enough
        return m_dark ? QColor(0x6c, 0xc6, 0x7a) : QColor(0x1f, 0x7a, 0x35);
    }
}

void ConversationRenderer::insertLink(QTextCursor &cursor, const QString &text, const QUrl &url,
                                      const QString &toolTip) const
{
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(url.toString(QUrl::FullyEncoded));
    link.setForeground(m_palette.color(QPalette::Link));
    link.setFontUnderline(true);
    if (!toolTip.isEmpty())
        link.setToolTip(toolTip);
    cursor.insertText(text, link);
}

void ConversationRenderer::insertTicketLink(QTextCursor &cursor, const Ticket &ticket) const
{
    // "#1042 Subject · Open"; a ticket the store does not have shows the start of its id.
    const bool known = ticket.created.isValid() || !ticket.subject.isEmpty();
    if (!known) {
        insertLink(cursor, tr("ticket %1").arg(uuidToString(ticket.id).left(8)),
                   ticketUrl(ticket.id), tr("Not in the local store yet"));
        return;
    }
    const QString subject = ticket.subject.isEmpty() ? tr("(no subject)") : ticket.subject;
    insertLink(cursor, DisplayText::ticketNumber(ticket.number) + u' ' + subject,
               ticketUrl(ticket.id));
    cursor.insertText(QStringLiteral(" · ") + DisplayText::status(ticket.status),
                      withForeground({}, m_palette.color(QPalette::PlaceholderText)));
}

void ConversationRenderer::insertSlaClock(QTextCursor &cursor, const QDateTime &deadline,
                                          const QDateTime &metAt, const Ticket &ticket,
                                          bool resolution) const
{
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    QTextCharFormat strong;
    strong.setFontWeight(QFont::DemiBold);
    if (metAt.isValid()) {
        const qint64 late = deadline.secsTo(metAt);
        if (late > 0) {
            cursor.insertText(resolution ? tr("solved %1 late").arg(duration(late))
                                         : tr("answered %1 late").arg(duration(late)),
                              withForeground(strong, urgencyColour(2)));
        } else {
            cursor.insertText(resolution
                                  ? tr("met · solved %1").arg(DisplayText::dateTime(metAt))
                                  : tr("met · answered %1").arg(DisplayText::dateTime(metAt)),
                              withForeground({}, dim));
        }
        return;
    }
    if (!isActive(ticket.status)) {
        cursor.insertText(tr("stopped · the ticket is %1").arg(DisplayText::status(ticket.status)),
                          withForeground({}, dim));
        return;
    }
    const qint64 left = m_now.secsTo(deadline);
    const QString when = QStringLiteral(" · ") + tr("due %1").arg(DisplayText::dateTime(deadline));
    if (left < 0) {
        cursor.insertText(tr("overdue by %1").arg(duration(left)),
                          withForeground(strong, urgencyColour(2)));
    } else if (ticket.status == TicketStatus::Pending || ticket.status == TicketStatus::OnHold) {
        cursor.insertText(
            tr("%1 left · paused while %2").arg(duration(left), DisplayText::status(ticket.status)),
            withForeground({}, dim));
    } else {
        // Soon: within the last hour, or the last fifth of the target.
        const qint64 total = ticket.created.isValid() ? ticket.created.secsTo(deadline) : 0;
        const bool soon = left < std::max<qint64>(3600, total / 5);
        cursor.insertText(tr("%1 left").arg(duration(left)),
                          withForeground(strong, urgencyColour(soon ? 1 : 0)));
    }
    cursor.insertText(when, withForeground({}, dim));
}

void ConversationRenderer::renderPanel(const TicketDetails &details, QTextCursor &cursor) const
{
    cursor = cursor.document()->rootFrame()->lastCursorPosition();
    QTextTableFormat table;
    table.setBorder(0);
    table.setCellSpacing(0);
    table.setCellPadding(0);
    table.setTopMargin(6);
    table.setBottomMargin(10);
    table.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    table.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 55),
                                     QTextLength(QTextLength::PercentageLength, 45)});
    QTextTable *panel = cursor.insertTable(1, 2, table);
    QTextTableCellFormat rightCell;
    rightCell.setLeftPadding(16);
    panel->cellAt(0, 1).setFormat(rightCell);

    QTextCursor facts = panel->cellAt(0, 0).firstCursorPosition();
    renderFacts(details, facts);
    QTextCursor requester = panel->cellAt(0, 1).firstCursorPosition();
    renderRequester(details, requester);
    cursor = cursor.document()->rootFrame()->lastCursorPosition();
}

void ConversationRenderer::renderFacts(const TicketDetails &details, QTextCursor &cursor) const
{
    const Ticket &ticket = details.ticket;
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    QTextCharFormat heading = withForeground({}, dim);
    heading.setFontWeight(QFont::DemiBold);
    cursor.insertText(tr("Ticket"), heading);
    QTextBlockFormat line;
    line.setTopMargin(2);
    const auto row = [&](const QString &label) {
        cursor.insertBlock(line, QTextCharFormat());
        cursor.insertText(label + QStringLiteral(": "), withForeground({}, dim));
    };
    if (ticket.firstResponseDeadline.isValid()) {
        row(tr("First response"));
        insertSlaClock(cursor, ticket.firstResponseDeadline, ticket.firstResponseAt, ticket, false);
    }
    if (ticket.resolutionDeadline.isValid()) {
        row(tr("Resolution"));
        insertSlaClock(cursor, ticket.resolutionDeadline,
                       isActive(ticket.status) ? QDateTime() : ticket.solvedAt, ticket, true);
    }
    if (ticket.due.isValid()) {
        row(tr("Due"));
        const qint64 left = m_now.secsTo(ticket.due);
        QTextCharFormat value;
        QString relative;
        if (left >= 0) {
            relative = tr("in %1").arg(duration(left));
        } else {
            relative = tr("%1 overdue").arg(duration(left));
            if (isActive(ticket.status))
                value = withForeground(value, urgencyColour(2));
        }
        cursor.insertText(DisplayText::dateTime(ticket.due) + QStringLiteral(" · ") + relative,
                          value);
    }
    if (ticket.reminder.isValid()) {
        row(tr("Reminder"));
        const qint64 left = m_now.secsTo(ticket.reminder);
        cursor.insertText(
            DisplayText::dateTime(ticket.reminder) + QStringLiteral(" · ") +
                (left >= 0 ? tr("in %1").arg(duration(left)) : tr("%1 ago").arg(duration(left))),
            QTextCharFormat());
    }
    row(tr("Tier"));
    cursor.insertText(QString::number(ticket.tier), QTextCharFormat());
    if (ticket.csat > 0) {
        row(tr("Satisfaction"));
        // Stars for the glance, the number for screen readers and copying; 1 and 2 in red.
        const QString stars =
            QString(ticket.csat, QChar(0x2605)) + QString(5 - ticket.csat, QChar(0x2606));
        cursor.insertText(tr("%1 %2 of 5").arg(stars).arg(ticket.csat),
                          ticket.csat <= 2 ? withForeground({}, urgencyColour(2))
                                           : QTextCharFormat());
        if (!ticket.csatComment.isEmpty())
            cursor.insertText(QStringLiteral(" · \u201c") + ticket.csatComment +
                                  QStringLiteral("\u201d"),
                              QTextCharFormat());
    }
    if (!ticket.category.isEmpty()) {
        row(tr("Category"));
        cursor.insertText(ticket.category, QTextCharFormat());
    }
    if (!ticket.tags.isEmpty()) {
        row(tr("Tags"));
        cursor.insertText(ticket.tags.join(QStringLiteral(", ")), QTextCharFormat());
    }
    if (details.mergedInto) {
        row(tr("Merged into"));
        insertTicketLink(cursor, *details.mergedInto);
    }
    for (const Ticket &linked : details.linkedTickets) {
        row(tr("Linked"));
        insertTicketLink(cursor, linked);
    }
}

void ConversationRenderer::renderRequester(const TicketDetails &details, QTextCursor &cursor) const
{
    const Contact &contact = details.requester;
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    QTextCharFormat heading = withForeground({}, dim);
    heading.setFontWeight(QFont::DemiBold);
    cursor.insertText(tr("Requester"), heading);
    QTextBlockFormat line;
    line.setTopMargin(2);
    if (contact.id.isNull()) {
        cursor.insertBlock(line, QTextCharFormat());
        cursor.insertText(tr("Not in the local store"), withForeground({}, dim));
        return;
    }
    QTextCharFormat bold;
    bold.setFontWeight(QFont::DemiBold);
    cursor.insertBlock(line, QTextCharFormat());
    cursor.insertText(contact.name.isEmpty() ? contact.emails.value(0) : contact.name, bold);
    for (const QString &email : contact.emails) {
        cursor.insertBlock(line, QTextCharFormat());
        cursor.insertText(email, QTextCharFormat());
        // Mail to it came back (pultd marks it from the delivery report): say so beside it.
        for (const BouncingAddress &bounce : contact.bouncing) {
            if (bounce.email.compare(email, Qt::CaseInsensitive) != 0)
                continue;
            const QString since = DisplayText::dateTime(bounce.since);
            const QString warning =
                bounce.reason.isEmpty()
                    ? tr("bouncing since %1").arg(since)
                    : tr("bouncing since %1: %2", "since when, the mail server's answer")
                          .arg(since, bounce.reason.simplified());
            cursor.insertText(QStringLiteral(" · ") + warning,
                              withForeground({}, urgencyColour(2)));
            break;
        }
    }
    const auto fact = [&](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        cursor.insertBlock(line, QTextCharFormat());
        cursor.insertText(label + QStringLiteral(": "), withForeground({}, dim));
        cursor.insertText(value, QTextCharFormat());
    };
    fact(tr("Phone"), contact.phone);
    fact(tr("Organisation"), contact.organisation);
    fact(tr("Plan"), contact.plan);
    fact(tr("Language"), contact.language);
    fact(tr("Time zone"), contact.timeZone);
    if (!contact.notes.trimmed().isEmpty()) {
        cursor.insertBlock(line, QTextCharFormat());
        cursor.insertText(contact.notes.simplified(), withForeground({}, dim));
    }

    QTextBlockFormat subheading = line;
    subheading.setTopMargin(8);
    cursor.insertBlock(subheading, QTextCharFormat());
    if (details.requesterTickets.isEmpty()) {
        cursor.insertText(tr("No other tickets"), withForeground({}, dim));
        return;
    }
    cursor.insertText(tr("Other tickets"), heading);
    for (const Ticket &ticket : details.requesterTickets) {
        cursor.insertBlock(line, QTextCharFormat());
        insertTicketLink(cursor, ticket);
    }
}

QString ConversationRenderer::describe(const HistoryEvent &event, const TicketDetails &details)
{
    // The requester acts on the status page: their answers reopen, their ratings rate.
    const QString actor =
        !event.rule.isEmpty()    ? tr("The rule “%1”").arg(event.rule)
        : event.actorId.isNull() ? tr("Automation")
        : event.actorId == details.requester.id && !details.requester.name.isEmpty()
            ? details.requester.name
            : details.agents.value(event.actorId, tr("An unknown agent"));
    const QString field = event.field;
    const auto is = [&](const char16_t *name) { return field == QStringView(name); };
    const auto value = [&](const QString &v) -> QString {
        if (is(u"status")) {
            if (const auto status = parseTicketStatus(v))
                return DisplayText::status(*status);
        }
        if (is(u"priority")) {
            if (const auto priority = parsePriority(v))
                return DisplayText::priority(*priority);
        }
        if (is(u"due") || is(u"reminder")) {
            const QDateTime time = QDateTime::fromString(v, Qt::ISODateWithMs);
            if (time.isValid())
                return DisplayText::dateTime(time);
        }
        if (is(u"tags"))
            return v.split(u',', Qt::SkipEmptyParts).join(QStringLiteral(", "));
        const QUuid id = QUuid::fromString(v);
        if (!id.isNull()) {
            if (details.agents.contains(id))
                return details.agents.value(id);
            if (details.departments.contains(id))
                return details.departments.value(id);
            if (details.mergedInto && details.mergedInto->id == id && details.mergedInto->number)
                return DisplayText::ticketNumber(details.mergedInto->number);
            for (const Ticket &linked : details.linkedTickets) {
                if (linked.id == id && linked.number)
                    return DisplayText::ticketNumber(linked.number);
            }
            if (is(u"assignee") || is(u"assignee_id"))
                return tr("an unknown agent");
            if (is(u"department") || is(u"department_id"))
                return tr("an unknown department");
        }
        return v;
    };
    QString name;
    if (is(u"status"))
        name = tr("status");
    else if (is(u"priority"))
        name = tr("priority");
    else if (is(u"assignee") || is(u"assignee_id"))
        name = tr("assignee");
    else if (is(u"department") || is(u"department_id"))
        name = tr("department");
    else if (is(u"tier"))
        name = tr("tier");
    else if (is(u"category"))
        name = tr("category");
    else if (is(u"tags"))
        name = tr("tags");
    else if (is(u"due"))
        name = tr("due date");
    else if (is(u"reminder"))
        name = tr("reminder");
    else if (is(u"subject"))
        name = tr("subject");
    else
        name = QString(field).replace(u'_', u' ');

    const QString oldValue = value(event.oldValue);
    const QString newValue = value(event.newValue);
    if (is(u"created")) {
        bool ok = false;
        const qint64 number = event.newValue.toLongLong(&ok);
        return ok ? tr("%1 created the ticket as %2").arg(actor, DisplayText::ticketNumber(number))
                  : tr("%1 created the ticket").arg(actor);
    }
    if (is(u"spam")) {
        return event.newValue == u"true" ? tr("%1 marked the ticket as spam").arg(actor)
                                         : tr("%1 marked the ticket as not spam").arg(actor);
    }
    if (is(u"merged_into"))
        return tr("%1 merged the ticket into %2").arg(actor, newValue);
    if (is(u"notified")) {
        QStringList names;
        for (const QString &id : event.newValue.split(u',', Qt::SkipEmptyParts))
            names.append(value(id));
        return tr("%1 notified %2").arg(actor, QLocale().createSeparatedList(names));
    }
    if (is(u"csat"))
        return tr("%1 rated the help %2 of 5").arg(actor, newValue);
    if (is(u"csat_comment"))
        return event.newValue == u"removed" ? tr("%1 removed the rating's comment").arg(actor)
                                            : tr("%1 commented on the rating").arg(actor);
    if (is(u"assignee") || is(u"assignee_id")) {
        if (event.oldValue.isEmpty())
            return tr("%1 assigned the ticket to %2").arg(actor, newValue);
        if (event.newValue.isEmpty())
            return tr("%1 unassigned the ticket from %2").arg(actor, oldValue);
        return tr("%1 reassigned the ticket from %2 to %3").arg(actor, oldValue, newValue);
    }
    if (event.oldValue.isEmpty())
        return tr("%1 set %2 to %3").arg(actor, name, newValue);
    if (event.newValue.isEmpty())
        return tr("%1 cleared %2 (was %3)").arg(actor, name, oldValue);
    return tr("%1 changed %2 from %3 to %4").arg(actor, name, oldValue, newValue);
}

void ConversationRenderer::renderHistory(const TicketDetails &details, const Options &options,
                                         QTextCursor &cursor) const
{
    if (details.history.isEmpty())
        return;
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    // A frame of its own: a block's top margin right after a card's frame is not kept.
    QTextFrameFormat section;
    section.setTopMargin(12);
    cursor = cursor.document()->rootFrame()->lastCursorPosition();
    QTextFrame *frame = cursor.insertFrame(section);
    QTextBlockFormat headingBlock;
    headingBlock.setBottomMargin(4);
    cursor.setBlockFormat(headingBlock);
    QTextCharFormat heading;
    heading.setFontWeight(QFont::DemiBold);
    cursor.insertText(tr("History"), heading);
    cursor.insertText(QStringLiteral(" · ") +
                          (details.history.size() == 1
                               ? tr("%n change", nullptr, 1)
                               : tr("%n changes", nullptr, int(details.history.size()))),
                      withForeground({}, dim));

    const qsizetype hidden =
        options.allHistory ? 0 : std::max<qsizetype>(0, details.history.size() - kLatestHistory);
    QTextBlockFormat line;
    line.setTopMargin(1);
    line.setBottomMargin(1);
    if (hidden > 0) {
        cursor.insertBlock(line, QTextCharFormat());
        insertLink(cursor,
                   hidden == 1 ? tr("Show %n earlier change", nullptr, 1)
                               : tr("Show %n earlier changes", nullptr, int(hidden)),
                   allHistoryUrl());
    }
    for (qsizetype i = hidden; i < details.history.size(); ++i) {
        const HistoryEvent &event = details.history.at(i);
        cursor.insertBlock(line, QTextCharFormat());
        cursor.insertText(describe(event, details), QTextCharFormat());
        QTextCharFormat when = withForeground({}, dim);
        when.setToolTip(DisplayText::dateTime(event.time));
        cursor.insertText(QStringLiteral(" · ") + DisplayText::relativeTime(event.time, m_now),
                          when);
    }
    cursor = frame->lastCursorPosition();
}

void ConversationRenderer::renderMessage(const Message &message, const Options &options,
                                         QTextCursor &cursor) const
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

    const bool quotesExpanded = options.expandedQuotes.contains(message.id);
    const bool formatted =
        !message.bodyHtml.isEmpty() && !options.plainTextMessages.contains(message.id);
    if (!message.bodyHtml.isEmpty()) {
        cursor.insertText(QStringLiteral("   ·   "), QTextCharFormat());
        if (formatted)
            insertLink(cursor, tr("Plain text"), plainTextUrl(message.id),
                       tr("Show this mail as plain text"));
        else
            insertLink(cursor, tr("Formatted"), plainTextUrl(message.id),
                       tr("Show this mail as it was formatted"));
    }
    bool atEmptyBlock = false;
    if (formatted) {
        renderHtml(message, quotesExpanded, options.remoteImageMessages.contains(message.id),
                   atEmptyBlock, cursor);
    } else {
        QString text = message.bodyText;
        if (text.trimmed().isEmpty() && !message.bodyHtml.isEmpty())
            text = QTextDocumentFragment::fromHtml(message.bodyHtml).toPlainText();
        renderMessageText(message, text, quotesExpanded, atEmptyBlock, cursor);
    }

    if (!message.attachments.isEmpty()) {
        const QColor dim = m_palette.color(QPalette::PlaceholderText);
        const QLocale locale;
        QTextBlockFormat attachmentsBlock;
        attachmentsBlock.setTopMargin(6);
        startBlock(cursor, atEmptyBlock, attachmentsBlock);
        cursor.insertText(tr("Attachments: "), withForeground({}, dim));
        bool first = true;
        for (const Attachment &attachment : message.attachments) {
            if (!first)
                cursor.insertText(QStringLiteral("   "), QTextCharFormat());
            first = false;
            const QString name = attachment.name.isEmpty() ? tr("(unnamed)") : attachment.name;
            const QString size = locale.formattedDataSize(attachment.size);
            const QUrl url = attachmentUrl(attachment);
            if (url.isEmpty()) {
                cursor.insertText(name, QTextCharFormat());
            } else {
                insertLink(cursor, name, url,
                           attachment.mimeType.isEmpty()
                               ? tr("Open or save %1").arg(name)
                               : tr("Open or save %1 (%2)").arg(name, attachment.mimeType));
            }
            cursor.insertText(QStringLiteral(" (") + size + u')', withForeground({}, dim));
        }
    }
    if (atEmptyBlock) {
        // The empty block after a closing snippet takes no room.
        QTextBlockFormat collapsed;
        collapsed.setLineHeight(0, QTextBlockFormat::FixedHeight);
        cursor.setBlockFormat(collapsed);
    }
    cursor = frame->lastCursorPosition();
}

void ConversationRenderer::renderMessageText(const Message &message, const QString &text,
                                             bool quotesExpanded, bool &atEmptyBlock,
                                             QTextCursor &cursor) const
{
    // Most messages quote nothing: skip the splitting work for them.
    if (!text.contains(u'>') && !text.contains(QLatin1String("-----"))) {
        renderBody(text, atEmptyBlock, cursor);
        return;
    }
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    for (const QuotedPart &part : splitQuotedText(text)) {
        if (!part.quoted) {
            renderBody(part.text, atEmptyBlock, cursor);
            continue;
        }
        QTextBlockFormat fold;
        fold.setTopMargin(4);
        fold.setBottomMargin(2);
        startBlock(cursor, atEmptyBlock, fold);
        if (!quotesExpanded) {
            insertLink(cursor,
                       part.lines == 1 ? tr("… quoted text (%n line)", nullptr, 1)
                                       : tr("… quoted text (%n lines)", nullptr, part.lines),
                       quoteUrl(message.id), tr("Show the quoted text"));
            continue;
        }
        insertLink(cursor, tr("Hide quoted text"), quoteUrl(message.id));
        QTextBlockFormat quoteLine;
        quoteLine.setLeftMargin(12);
        const auto lines = QStringView(part.text).split(u'\n');
        for (const QStringView line : lines) {
            startBlock(cursor, atEmptyBlock, quoteLine);
            cursor.insertText(line.toString(), withForeground({}, dim));
        }
    }
}

void ConversationRenderer::renderHtml(const Message &message, bool quotesExpanded,
                                      bool remoteImages, bool &atEmptyBlock,
                                      QTextCursor &cursor) const
{
    // pultd moved the address of every remote image to data-pult-src (data-pult-background):
    // nothing is fetched, and the sender does not learn the mail was read, until the reader asks.
    static const QLatin1String remoteMark("data-pult-");
    QString html = message.bodyHtml;
    const QColor dim = m_palette.color(QPalette::PlaceholderText);
    if (html.contains(remoteMark)) {
        QTextBlockFormat notice;
        notice.setBottomMargin(4);
        startBlock(cursor, atEmptyBlock, notice);
        if (remoteImages) {
            html.replace(QLatin1String(" data-pult-src=\""), QLatin1String(" src=\""));
            html.replace(QLatin1String(" data-pult-background=\""),
                         QLatin1String(" background=\""));
            cursor.insertText(tr("Remote images are shown."), withForeground({}, dim));
        } else {
            // Left out rather than drawn as broken pictures.
            static const QRegularExpression remoteImage(
                QStringLiteral("<img\\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*\\sdata-pult-src=(?:[^>\"']|"
                               "\"[^\"]*\"|'[^']*')*>"),
                QRegularExpression::CaseInsensitiveOption);
            html.remove(remoteImage);
            cursor.insertText(tr("Remote images are not shown. "), withForeground({}, dim));
            insertLink(cursor, tr("Show remote images"), remoteImagesUrl(message.id),
                       tr("Fetching them tells the sender that the mail was read"));
        }
    }
    // The quoted earlier mail, after the marker pultd puts where it starts (docs/email.md).
    static const QLatin1String quoteMarker("<!--pult-quote-->");
    const qsizetype quoteAt = html.indexOf(quoteMarker);
    const QString own = quoteAt < 0 ? html : html.left(quoteAt);
    const QString quoted = quoteAt < 0 ? QString() : html.mid(quoteAt + quoteMarker.size());

    // Mail HTML sets its own colours for a white page: in a dark theme it is shown on one. The
    // quoted mail is dimmed where it sets no colour of its own.
    const auto insertPart = [&](const QString &part, bool quote) {
        if (!m_dark) {
            startBlock(cursor, atEmptyBlock);
            cursor.insertHtml(
                quote ? QStringLiteral("<div style=\"color:%1\">%2</div>").arg(dim.name(), part)
                      : part);
            return;
        }
        QTextFrameFormat paper;
        paper.setBackground(QColor(0xfa, 0xfa, 0xfa));
        paper.setPadding(8);
        paper.setTopMargin(2);
        paper.setBottomMargin(2);
        QTextFrame *frame = cursor.insertFrame(paper);
        cursor.insertHtml(
            QStringLiteral("<div style=\"color:%1\">%2</div>")
                .arg(quote ? QStringLiteral("#5f6368") : QStringLiteral("#202124"), part));
        cursor = frame->lastCursorPosition();
        cursor.movePosition(QTextCursor::NextBlock);
        atEmptyBlock = true;
    };
    insertPart(own, false);
    if (quoted.isEmpty())
        return;
    QTextBlockFormat fold;
    fold.setTopMargin(4);
    fold.setBottomMargin(2);
    startBlock(cursor, atEmptyBlock, fold);
    if (!quotesExpanded) {
        insertLink(cursor, tr("… quoted text"), quoteUrl(message.id), tr("Show the quoted text"));
        return;
    }
    insertLink(cursor, tr("Hide quoted text"), quoteUrl(message.id));
    insertPart(quoted, true);
}

void ConversationRenderer::renderBody(const QString &text, bool &atEmptyBlock,
                                      QTextCursor &cursor) const
{
    const QColor codeBackground = m_dark ? QColor(255, 255, 255, 18) : QColor(0, 0, 0, 13);
    for (const MessageSegment &segment : splitMessageText(text)) {
        if (segment.kind == MessageSegment::Prose) {
            const auto lines = QStringView(segment.text).split(u'\n');
            for (const QStringView line : lines) {
                startBlock(cursor, atEmptyBlock);
                cursor.insertText(line.toString(), QTextCharFormat());
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
            cursor.insertText(line.toString(), QTextCharFormat());
        }
        cursor = codeFrame->lastCursorPosition();
        cursor.movePosition(QTextCursor::NextBlock);
        atEmptyBlock = true;
    }
}

void ConversationRenderer::renderSystemEvent(const Message &message, QTextCursor &cursor) const
{
    QTextBlockFormat centred;
    centred.setAlignment(Qt::AlignHCenter);
    centred.setTopMargin(2);
    centred.setBottomMargin(6);
    rootBlock(cursor, centred);
    QTextCharFormat small = withForeground({}, m_palette.color(QPalette::PlaceholderText));
    small.setFontPointSize(cursor.document()->defaultFont().pointSizeF() * 0.9);
    cursor.insertText(
        tr("%1 · %2").arg(message.bodyText.simplified(), DisplayText::dateTime(message.created)),
        small);
}

} // namespace Pult
