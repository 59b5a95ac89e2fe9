#pragma once

// `pultd --data DIR backup FILE`: a consistent copy of DIR/server.db, also while pultd runs.

#include <cstdint>
#include <filesystem>
#include <string>

namespace Pult {

struct BackupResult
{
    std::string error;                     // empty on success: what went wrong, in one line
    std::filesystem::path source;          // DIR/server.db
    std::uintmax_t bytes = 0;              // the size of the copy
    std::filesystem::path attachments;     // TARGET.attachments
    std::uintmax_t attachmentsCopied = 0;  // files copied this time
    std::uintmax_t attachmentsPresent = 0; // files that were there already
    std::uintmax_t attachmentBytes = 0;    // bytes copied this time

    bool good() const { return error.empty(); }
};

// Copies dataDirectory/server.db to `target` with SQLite's online backup API: a few pages per
// step, each step under a short read lock (with WAL, pultd's writes go on meanwhile), retried
// when the database is busy. The copy goes to TARGET.tmp (created afresh, mode 0600: it holds
// password and token hashes), must pass PRAGMA integrity_check, is synced, and is then renamed
// to `target`. Never overwrites: an existing `target` (or TARGET.tmp) is an error, and so is a
// `target` that appears while the copy is made. On failure nothing is left at either name.
//
// Then, the database snapshot being taken, every complete attachment file of
// dataDirectory/attachments that TARGET.attachments/ lacks is copied there (temporary name,
// fsync, rename): the files are content-addressed and immutable, so one that is there is whole
// and the same. An op references only uploads completed before it, so every attachment the
// snapshot references is among them. Partial uploads are not copied.
BackupResult backupServerDatabase(const std::filesystem::path &dataDirectory,
                                  const std::filesystem::path &target);

} // namespace Pult
