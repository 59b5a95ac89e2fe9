#pragma once

// What a canned response shows when an agent inserts it into a reply: the ticket, its requester
// and department as the local store has them, the agent writing, and the status and priority
// in the user's language; and the frame a reply is sent in (department header and footer,
// signature). pultctl's `reply` and the window's composer go through these functions, so both
// give the same text.

#include "domain.h"
#include "status.h"
#include "template.h"

namespace Pult {

class LocalStore;

// A missing requester or department renders as missing data, not as an error (a ticket
// created offline may name a requester the cache does not hold yet).
Result<TemplateContext> replyContext(LocalStore &store, const Ticket &ticket, const Agent &agent);

// The department of a ticket as the store has it; an empty Department when the ticket has none
// or the cache does not hold it.
Result<Department> ticketDepartment(LocalStore &store, const Ticket &ticket);

// A reply as it is sent: the department's header, the agent's text, the department's footer and
// the agent's signature, each template rendered for the ticket, separated by blank lines; empty
// parts are left out. Both pultctl and the composer send replies through this.
QString frameReply(const QString &text, const Department &department,
                   const QString &signatureTemplate, const TemplateContext &context);

// A department's opening hours (its business_hours text) as a customer reads them:
// "Mon–Fri 08:00–16:00; Sat 09:00–13:00 (Europe/Warsaw)", days with the same hours grouped, day
// names in the default locale's language; empty without opening hours. Replies
// ({{department.hours}}) and pultd's auto-replies show this.
QString openingHours(const QString &serialised);

// The canned response whose shortcut or title is `name` (case-insensitive), or NotFound.
Result<CannedResponse> findCannedResponse(LocalStore &store, const QString &name);

} // namespace Pult
