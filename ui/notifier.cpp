#include "notifier.h"

#include "localstore.h"

namespace Pult {

namespace {

QString label(const Ticket &ticket)
{
    return ticket.number
               ? QStringLiteral("#%1 %2").arg(QString::number(*ticket.number), ticket.subject)
               : ticket.subject;
}

// The deadline the agent must act on next: the first response while there is none, else the
// resolution.
QDateTime nextDeadline(const Ticket &ticket)
{
    return ticket.firstResponseAt.isValid() ? ticket.resolutionDeadline
                                            : ticket.firstResponseDeadline;
}

} // namespace

Result<QList<Notification>> Notifier::check(LocalStore &store, const QUuid &me,
                                            const QDateTime &now)
{
    QList<Notification> found;
    QHash<QUuid, QDateTime> mine;
    TicketQuery query;
    query.statuses = {TicketStatus::New, TicketStatus::Open, TicketStatus::Pending,
                      TicketStatus::OnHold};
    query.assignee = me;
    query.limit = 500;
    for (;;) {
        auto page = store.listTickets(query);
        if (!page.good())
            return page.status();
        for (const TicketListItem &item : std::as_const(page->items)) {
            const Ticket &ticket = item.ticket;
            mine.insert(ticket.id, ticket.updated);
            const auto before = m_mine.constFind(ticket.id);
            if (m_primed && before == m_mine.cend()) {
                found.append(
                    {Notification::Assigned, ticket.id, tr("New ticket for you"), label(ticket)});
            } else if (m_primed && *before != ticket.updated) {
                auto messages = store.messages(ticket.id);
                if (!messages.good())
                    return messages.status();
                if (!messages->isEmpty() && messages->last().kind == MessageKind::CustomerMessage &&
                    messages->last().created > *before) {
                    found.append({Notification::CustomerReply, ticket.id,
                                  tr("%1 replied").arg(messages->last().authorName),
                                  label(ticket)});
                }
            }
            if (ticket.reminder.isValid() && ticket.reminder <= now &&
                m_reminded.value(ticket.id) != ticket.reminder) {
                m_reminded.insert(ticket.id, ticket.reminder);
                found.append({Notification::Reminder, ticket.id, tr("Reminder"), label(ticket)});
            }
            const QDateTime deadline = nextDeadline(ticket);
            if (deadline.isValid() && now.secsTo(deadline) <= kSlaWarningSeconds &&
                m_warned.value(ticket.id) != deadline) {
                m_warned.insert(ticket.id, deadline);
                found.append({Notification::SlaWarning, ticket.id,
                              deadline <= now ? tr("SLA deadline missed")
                                              : tr("SLA deadline in %n min", nullptr,
                                                   int(now.secsTo(deadline) / 60)),
                              label(ticket)});
            }
        }
        if (!page->next)
            break;
        query.after = page->next;
    }
    auto notices = store.notices(50);
    if (!notices.good())
        return notices.status();
    for (const Notice &notice : std::as_const(*notices)) {
        if (m_notices.contains(notice.id))
            continue;
        m_notices.insert(notice.id);
        if (!m_primed || notice.read)
            continue;
        auto ticket = store.ticket(notice.ticketId);
        found.append({Notification::RuleNotice, notice.ticketId, tr("Rule “%1”").arg(notice.rule),
                      ticket.good() ? label(*ticket) : QString()});
    }
    m_mine = std::move(mine);
    m_primed = true;
    return found;
}

} // namespace Pult
