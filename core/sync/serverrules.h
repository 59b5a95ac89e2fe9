#pragma once

// The automation rules as the server lists them to the signed-in agent (GET /api/v1/rules):
// settings the local store does not hold, read at once by `pultctl rule` and the window's
// Settings → Rules.

#include "rules.h"
#include "status.h"

#include <QList>

namespace Pult {

class SyncSession;

// Blocking: call it off the UI thread.
Result<QList<Rule>> fetchRules(SyncSession &session);

} // namespace Pult
