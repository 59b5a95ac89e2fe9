#pragma once

#include "status.h"

namespace Pult::Sql {
class Database;
}

namespace Pult::Schema {

// The local store's schema, as fall-through migration steps: step N takes a database at
// user_version N-1 to N inside one transaction that also sets user_version, so a crash during a
// step leaves the database at N-1 and the step runs again on the next open.
constexpr int kLatest = 14;
// "PULT" in PRAGMA application_id: tells our files from other SQLite files.
constexpr int kApplicationId = 0x50554c54;

// Reads the version without writing anything; refuses files of other applications and from
// newer Pult versions.
Result<int> checkVersion(Sql::Database &db);
// Migrates up to target (<= kLatest), one transaction per step.
Status migrate(Sql::Database &db, int target);

} // namespace Pult::Schema
