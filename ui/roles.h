#pragma once

// Every custom item data role of Pult's models, in one place (as Trojitá's ItemRoles.h does), so
// views, delegates and tests agree on the numbers.

#include <Qt>

namespace Pult {

enum ItemRole {
    // TicketListModel: the same value in every column of a row.
    TicketIdRole = Qt::UserRole + 1, // QUuid
    TicketNumberRole,                // qint64, or an invalid QVariant while the number is pending
    TicketSubjectRole,               // QString
    TicketStatusRole,                // int (Pult::TicketStatus)
    TicketPriorityRole,              // int (Pult::Priority)
    TicketUpdatedRole,               // QDateTime (UTC)
    TicketUnreadRole,                // bool
    TicketSnippetRole,               // QString: search results only, the matching text, plain
    TicketPendingRole,               // bool: local changes to it wait in the outbox
    TicketChannelRole,               // int (Pult::Channel)
    TicketTagsRole,                  // QStringList
    TicketSlaDeadlineRole,           // QDateTime (UTC): the next SLA deadline, or invalid
    TicketSlaSecondsLeftRole,        // qint64: seconds to that deadline by the model's clock
                                     // (negative when overdue), or an invalid QVariant
    TicketAssigneeNameRole,          // QString: empty when unassigned

    // ViewListModel (the sidebar).
    ViewKindRole = Qt::UserRole + 100, // int (ViewListModel::Kind)
    ViewKeyRole,                       // QString: stable key, e.g. "all" or "department:<uuid>"
    ViewCountRole,                     // qint64, or an invalid QVariant when the count failed
};

} // namespace Pult
