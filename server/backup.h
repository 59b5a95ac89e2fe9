#pragma once

// `pultd --data DIR backup FILE`: a consistent copy of DIR/server.db, also while pultd runs.

#include <cstdint>
#include <filesystem>
#include <string>

namespace Pult {

struct BackupResult
{
    std::string error;            // empty on success: what went wrong, in one line
    std::filesystem::path source; // DIR/server.db
    std::uintmax_t bytes = 0;     // the size of the copy

    bool good() const { return error.empty(); }
};

// Copies dataDirectory/server.db to `target` with SQLite's online backup API: a few pages per
// step, each step under a short read lock (with WAL, pultd's writes go on meanwhile), retried
// when the database is busy. The copy goes to TARGET.tmp (created afresh, mode 0600: it holds
// password and token hashes), must pass PRAGMA integrity_check, is synced, and is then renamed
// to `target`. Never overwrites: an existing `target` (or TARGET.tmp) is an error, and so is a
// `target` that appears while the copy is made. On failure nothing is left at either name.
BackupResult backupServerDatabase(const std::filesystem::path &dataDirectory,
                                  const std::filesystem::path &target);

} // namespace Pult
