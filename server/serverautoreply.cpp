// Auto-replies (docs/email.md "Auto-replies"): a new ticket from mail gets the department's
// auto-reply text, filled in like any template (docs/templates.md), queued in the mail outbox in
// the ingesting transaction. The loop rules keep machines from answering each other: no
// auto-reply to mail a machine sent, and at most kMaxAutoRepliesPerHour to one address.

#include "serverstoreprivate.h"

#include "businesshours.h"
#include "replycontext.h"
#include "template.h"

#include <QScopeGuard>

namespace Pult {

namespace {

// The first word of a header value, lower case: "Bulk (a list)" → "bulk", "no; x" → "no".
QString keyword(const QString &value)
{
    const QString trimmed = value.trimmed();
    qsizetype end = 0;
    while (end < trimmed.size() && (trimmed[end].isLetterOrNumber() || trimmed[end] == u'-'))
        ++end;
    return trimmed.left(end).toLower();
}

} // namespace

QString ServerStore::noAutoReply(const InboundMail &mail)
{
    // RFC 3834: anything but "no" was sent by a machine (auto-replied, auto-generated, ...).
    if (const QString submitted = keyword(mail.autoSubmitted);
        !mail.autoSubmitted.trimmed().isEmpty() && submitted != u"no")
        return QStringLiteral("Auto-Submitted: %1").arg(mail.autoSubmitted.trimmed());
    if (const QString precedence = keyword(mail.precedence);
        precedence == u"bulk" || precedence == u"list" || precedence == u"junk")
        return QStringLiteral("Precedence: %1").arg(mail.precedence.trimmed());
    if (mail.returnPath && mail.returnPath->trimmed().isEmpty())
        return QStringLiteral("empty Return-Path");
    const QString local = mail.fromAddress.trimmed().section(u'@', 0, 0).toLower();
    if (local == u"mailer-daemon" || local == u"postmaster")
        return QStringLiteral("sender %1").arg(local);
    if (mail.deliveryReport)
        return QStringLiteral("delivery status report");
    return {};
}

Result<QString> ServerStore::Private::queueAutoReply(const Ticket &ticket, const InboundMail &mail)
{
    auto stored = departmentSettings(ticket.departmentId);
    if (!stored.good())
        return stored.status();
    const QJsonObject settings = parseObject(*stored);
    const QString hours = settings.value(QLatin1String("business_hours")).toString();
    // In business hours (or without any) auto_reply; outside them auto_reply_outside_hours,
    // else auto_reply.
    QString letter = settings.value(QLatin1String("auto_reply")).toString();
    if (!hours.isEmpty()) {
        auto calendar = BusinessCalendar::parse(hours);
        const QString outside =
            settings.value(QLatin1String("auto_reply_outside_hours")).toString();
        if (calendar.good() && calendar->hasOpeningHours() && !calendar->isOpen(nowTime()) &&
            !outside.trimmed().isEmpty())
            letter = outside;
    }
    if (letter.trimmed().isEmpty())
        return QStringLiteral("no auto-reply text");
    if (QString why = noAutoReply(mail); !why.isEmpty())
        return why;

    // The limit: this sender's auto-replies in mail_outbox in the last hour.
    const QString sender = mail.fromAddress.trimmed().toLower();
    auto sent = text(db->pick("SELECT count(*) FROM mail_outbox WHERE created_ms > ?1 AND "
                              "json_extract(mail, '$.auto_submitted') IS NOT NULL AND "
                              "json_extract(mail, '$.to[0].address') = ?2",
                              "SELECT count(*) FROM mail_outbox WHERE created_ms > ?1 AND "
                              "(mail::jsonb ->> 'auto_submitted') IS NOT NULL AND "
                              "(mail::jsonb -> 'to' -> 0 ->> 'address') = ?2"),
                     [&](Statement &st) { st.bind(1, now - 3600 * 1000).bind(2, sender); });
    if (!sent.good())
        return sent.status();
    if (sent->value_or(QString()).toLongLong() >= kMaxAutoRepliesPerHour)
        return QStringLiteral("limit: %1 auto-replies to the sender in the last hour")
            .arg(kMaxAutoRepliesPerHour);

    auto departmentName = text("SELECT name FROM departments WHERE id = ?1",
                               [&](Statement &st) { st.bind(1, uuidToBlob(ticket.departmentId)); });
    if (!departmentName.good())
        return departmentName.status();
    TemplateContext context;
    context.customerName = mail.fromName.trimmed();
    context.customerFirstName = firstNameOf(mail.fromName);
    context.customerEmail = sender;
    context.ticketNumber = ticket.number;
    context.ticketSubject = ticket.subject;
    context.ticketStatus = ticket.status;
    context.ticketPriority = ticket.priority;
    context.ticketDue = ticket.due;
    context.departmentName = departmentName->value_or(QString());
    context.departmentHours = openingHours(hours);
    context.slaFirstResponse = ticket.firstResponseDeadline;
    context.statusLink = kStatusLinkPlaceholder.toString();
    TicketMail reply;
    reply.id = QUuid::createUuidV5(mail.key, QStringLiteral("auto-reply"));
    // With the ticket's status link (in the department's language), unless the text has it.
    reply.body =
        withStatusLinkParagraph(render(Template::parse(letter), context, TemplateFormat::PlainText),
                                settings.value(QLatin1String("language")).toString());
    reply.autoReply = true;
    reply.to = sender;
    reply.toName = mail.fromName;
    // The history event "auto-reply queued for ..." is the server's, not the customer's.
    AgentSession server;
    server.agent.role = Role::Admin;
    const AgentSession *customer = session;
    session = &server;
    const auto restore = qScopeGuard([&] { session = customer; });
    auto queued = queueTicketMail(ticket, reply);
    if (!queued.good())
        return queued.status();
    return *queued ? QStringLiteral("queued") : QStringLiteral("no mailbox to send from");
}

} // namespace Pult
