#pragma once

// Everything the ticket pane shows about one ticket, read from the local store in one go: the
// ticket, its conversation and history, the names its ids stand for, the requester and their
// other tickets, and the tickets it is linked to or merged into.

#include "localstore.h"

#include <QHash>

#include <optional>

namespace Pult {

struct TicketDetails
{
    // How many of the requester's other tickets the requester panel lists.
    static constexpr int kMaxRequesterTickets = 10;

    Ticket ticket;
    Contact requester; // empty when the contact is not in the local store
    QString assigneeName;
    QString departmentName;
    QList<Message> messages;      // oldest first
    QList<HistoryEvent> history;  // oldest first
    QHash<QUuid, QString> agents; // every agent's name, for history actors and values
    QHash<QUuid, QString> departments;
    // The requester's other tickets, most recently updated first, at most kMaxRequesterTickets.
    QList<Ticket> requesterTickets;
    // The tickets of ticket.linked, in that order; one the store does not have is given with
    // its id only.
    QList<Ticket> linkedTickets;
    std::optional<Ticket> mergedInto; // set when ticket.mergedInto is; id only if not stored
};

Result<TicketDetails> loadTicketDetails(LocalStore &store, const QUuid &ticketId);

// The requester's tickets other than exceptTicket, most recently updated first, at most limit.
// Read by the contact's id through tickets(requester_id, updated_ms).
Result<QList<Ticket>> loadRequesterTickets(LocalStore &store, const Contact &requester,
                                           const QUuid &exceptTicket, int limit);

} // namespace Pult
