#include "ticketdetails.h"

#include <algorithm>

namespace Pult {

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
    if (!details.ticket.assigneeId.isNull()) {
        auto agents = store.agents();
        if (!agents.good())
            return agents.status();
        const auto it = std::find_if(agents->cbegin(), agents->cend(), [&](const Agent &a) {
            return a.id == details.ticket.assigneeId;
        });
        if (it != agents->cend())
            details.assigneeName = it->name;
    }
    if (!details.ticket.departmentId.isNull()) {
        auto departments = store.departments();
        if (!departments.good())
            return departments.status();
        const auto it =
            std::find_if(departments->cbegin(), departments->cend(),
                         [&](const Department &d) { return d.id == details.ticket.departmentId; });
        if (it != departments->cend())
            details.departmentName = it->name;
    }
    auto messages = store.messages(ticketId);
    if (!messages.good())
        return messages.status();
    details.messages = std::move(*messages);
    std::stable_sort(details.messages.begin(), details.messages.end(),
                     [](const Message &a, const Message &b) { return a.created < b.created; });
    return details;
}

} // namespace Pult
