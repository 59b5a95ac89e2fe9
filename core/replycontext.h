#pragma once

// What a canned response shows when an agent inserts it into a reply: the ticket, its requester
// and department as the local store has them, the agent writing, and the status and priority
// in the user's language. pultctl's `reply --template` and the window's composer render
// through this one function, so both give the same text.

#include "domain.h"
#include "status.h"
#include "template.h"

namespace Pult {

class LocalStore;

// A missing requester or department renders as missing data, not as an error (a ticket
// created offline may name a requester the cache does not hold yet).
Result<TemplateContext> replyContext(LocalStore &store, const Ticket &ticket, const Agent &agent);

// The canned response whose shortcut or title is `name` (case-insensitive), or NotFound.
Result<CannedResponse> findCannedResponse(LocalStore &store, const QString &name);

} // namespace Pult
