#pragma once

// Everything the ticket pane shows about one ticket, read from the local store in one go.

#include "localstore.h"

namespace Pult {

struct TicketDetails
{
    Ticket ticket;
    Contact requester; // empty when the contact is not in the local store
    QString assigneeName;
    QString departmentName;
    QList<Message> messages; // oldest first
};

Result<TicketDetails> loadTicketDetails(LocalStore &store, const QUuid &ticketId);

} // namespace Pult
