#include "ticketdetails.h"

#include <algorithm>

namespace Pult {

namespace {

// A ticket from the store, or one with only its id when the store does not have it.
Result<Ticket> ticketOrId(LocalStore &store, const QUuid &id)
{
    auto ticket = store.ticket(id);
    if (ticket.good())
        return std::move(*ticket);
    if (ticket.status().code() != Status::NotFound)
        return ticket.status();
    Ticket idOnly;
    idOnly.id = id;
    return idOnly;
}

} // namespace

Result<QList<Ticket>> loadRequesterTickets(LocalStore &store, const Contact &requester,
                                           const QUuid &exceptTicket, int limit)
{
    QList<Ticket> tickets;
    if (requester.id.isNull() || limit <= 0)
        return tickets;
    auto recent = store.requesterTickets(requester.id, limit + 1);
    if (!recent.good())
        return recent.status();
    for (const Ticket &ticket : std::as_const(*recent)) {
        if (ticket.id != exceptTicket && tickets.size() < limit)
            tickets.append(ticket);
    }
    return tickets;
}

Result<TicketDetails> loadTicketDetails(LocalStore &store, const QUuid &ticketId)
{
    TicketDetails details;
    auto ticket = store.ticket(ticketId);
    if (!ticket.good())
        return ticket.status();
    details.ticket = std::move(*ticket);

    if (!details.ticket.requesterId.isNull()) {
        auto contact = store.contact(details.ticket.requesterId);
        if (contact.good())
            details.requester = std::move(*contact);
        else if (contact.status().code() != Status::NotFound)
            return contact.status();
    }
    auto agents = store.agents();
    if (!agents.good())
        return agents.status();
    for (const Agent &agent : std::as_const(*agents))
        details.agents.insert(agent.id, agent.name);
    details.assigneeName = details.agents.value(details.ticket.assigneeId);
    auto departments = store.departments();
    if (!departments.good())
        return departments.status();
    for (const Department &department : std::as_const(*departments))
        details.departments.insert(department.id, department.name);
    details.departmentName = details.departments.value(details.ticket.departmentId);

    auto messages = store.messages(ticketId);
    if (!messages.good())
        return messages.status();
    details.messages = std::move(*messages);
    std::stable_sort(details.messages.begin(), details.messages.end(),
                     [](const Message &a, const Message &b) { return a.created < b.created; });

    auto history = store.history(ticketId);
    if (!history.good())
        return history.status();
    details.history = std::move(*history);
    std::stable_sort(details.history.begin(), details.history.end(),
                     [](const HistoryEvent &a, const HistoryEvent &b) { return a.time < b.time; });

    auto others = loadRequesterTickets(store, details.requester, ticketId,
                                       TicketDetails::kMaxRequesterTickets);
    if (!others.good())
        return others.status();
    details.requesterTickets = std::move(*others);

    for (const QUuid &id : std::as_const(details.ticket.linked)) {
        auto linked = ticketOrId(store, id);
        if (!linked.good())
            return linked.status();
        details.linkedTickets.append(std::move(*linked));
    }
    if (!details.ticket.mergedInto.isNull()) {
        auto into = ticketOrId(store, details.ticket.mergedInto);
        if (!into.good())
            return into.status();
        details.mergedInto = std::move(*into);
    }
    return details;
}

} // namespace Pult
