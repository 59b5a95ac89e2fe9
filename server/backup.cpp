#include "backup.h"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace Pult {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Pages copied per step (4 MiB with SQLite's default 4 KiB pages). Each step holds a read lock
// on the source only while it copies; in WAL mode pultd's writers are not blocked even then.
constexpr int kPagesPerStep = 1024;
// A write by pultd between two steps restarts the copy. After this many restarts the rest is
// copied in one step, under one read snapshot, so a busy server cannot starve the backup.
constexpr int kRestartsBeforeOneStep = 3;
// A step that finds the database busy or locked is retried after a pause, for this long in all.
constexpr auto kBusyPause = 20ms;
constexpr auto kBusyLimit = 30s;
constexpr int kBusyTimeoutMs = 1000;

std::string quoted(const fs::path &path)
{
    return "'" + path.string() + "'";
}

std::string systemError(int error)
{
    return std::generic_category().message(error);
}

// One SQLite connection, closed at the end of the scope.
struct Connection
{
    sqlite3 *db = nullptr;

    ~Connection() { close(); }
    int close()
    {
        const int rc = sqlite3_close(db);
        if (rc == SQLITE_OK)
            db = nullptr;
        return rc;
    }
    std::string error() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

// The files the copy is made in: removed on failure, unless they were never ours.
struct Scratch
{
    fs::path file;
    bool owned = false;

    ~Scratch()
    {
        if (!owned)
            return;
        std::error_code ignored;
        for (const char *suffix : {"", "-journal", "-wal", "-shm"})
            fs::remove(fs::path(file.string() + suffix), ignored);
    }
};

// 0, or the errno of the failure.
int fsyncPath(const fs::path &path, int flags)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

// PRAGMA integrity_check: empty when the database is sound, else what it reported.
std::string integrityProblems(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK)
        return sqlite3_errmsg(db);
    std::string report;
    int rc = SQLITE_ROW;
    for (int rows = 0; (rc = sqlite3_step(stmt)) == SQLITE_ROW && rows < 5; ++rows) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        const std::string line = text ? text : "";
        if (rows == 0 && line == "ok")
            continue;
        report += (report.empty() ? "" : "; ") + line;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        report = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    return report;
}

// Renames `from` to `to` unless `to` exists; errno EEXIST when it does.
bool renameNoReplace(const fs::path &from, const fs::path &to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno != EINVAL && errno != ENOSYS)
        return false;
    // A file system without RENAME_NOREPLACE: a hard link fails on an existing name as well.
    if (::link(from.c_str(), to.c_str()) != 0)
        return false;
    ::unlink(from.c_str());
    return true;
}

} // namespace

BackupResult backupServerDatabase(const fs::path &dataDirectory, const fs::path &target)
{
    BackupResult result;
    result.source = dataDirectory / "server.db";
    const fs::path &source = result.source;
    const auto fail = [&result](std::string message) {
        result.error = std::move(message);
        return result;
    };

    std::error_code ec;
    const fs::file_status sourceStatus = fs::status(source, ec);
    if (!fs::exists(sourceStatus))
        return fail("no server database at " + quoted(source) +
                    ": --data must name pultd's data directory");
    if (!fs::is_regular_file(sourceStatus))
        return fail(quoted(source) + " is not a file");
    if (target.empty())
        return fail("no backup file given");
    if (fs::exists(fs::symlink_status(target, ec)))
        return fail(quoted(target) + " already exists; a backup never overwrites a file: choose "
                                     "a new name or move the old file away");

    // Created here, exclusively and readable by the owner only; SQLite then fills it.
    Scratch scratch{fs::path(target.string() + ".tmp")};
    const int fd = ::open(scratch.file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return fail(quoted(scratch.file) +
                        " already exists: another backup is writing it, or one was interrupted "
                        "(remove it if no backup is running)");
        return fail("cannot create " + quoted(scratch.file) + ": " + systemError(errno));
    }
    ::close(fd);
    scratch.owned = true;

    {
        Connection from;
        Connection to;
        if (sqlite3_open_v2(source.c_str(), &from.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            return fail("cannot open " + quoted(source) + ": " + from.error());
        sqlite3_busy_timeout(from.db, kBusyTimeoutMs);
        if (sqlite3_open_v2(scratch.file.c_str(), &to.db, SQLITE_OPEN_READWRITE, nullptr) !=
            SQLITE_OK)
            return fail("cannot open " + quoted(scratch.file) + ": " + to.error());
        sqlite3_busy_timeout(to.db, kBusyTimeoutMs);

        sqlite3_backup *backup = sqlite3_backup_init(to.db, "main", from.db, "main");
        if (!backup)
            return fail("cannot start the backup: " + to.error());
        int restarts = 0;
        int remaining = -1;
        auto lastProgress = std::chrono::steady_clock::now();
        int rc = SQLITE_OK;
        for (;;) {
            rc = sqlite3_backup_step(backup,
                                     restarts >= kRestartsBeforeOneStep ? -1 : kPagesPerStep);
            if (rc == SQLITE_DONE)
                break;
            if (rc == SQLITE_OK) {
                const int left = sqlite3_backup_remaining(backup);
                if (remaining >= 0 && left > remaining)
                    ++restarts; // the source changed: the copy began again
                remaining = left;
                lastProgress = std::chrono::steady_clock::now();
                continue;
            }
            if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
                std::chrono::steady_clock::now() - lastProgress < kBusyLimit) {
                sqlite3_sleep(int(kBusyPause.count()));
                continue;
            }
            break;
        }
        const int finished = sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            const char *why = rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                                  ? "the database stayed busy for 30 seconds"
                                  : sqlite3_errstr(rc);
            return fail("cannot copy " + quoted(source) + ": " + why);
        }
        if (finished != SQLITE_OK)
            return fail("cannot copy " + quoted(source) + ": " + to.error());

        // The copy carries the source's WAL mode; a backup is better as one self-contained file.
        if (sqlite3_exec(to.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) !=
            SQLITE_OK)
            return fail("cannot finish " + quoted(scratch.file) + ": " + to.error());
        if (const std::string problems = integrityProblems(to.db); !problems.empty())
            return fail("the copy failed PRAGMA integrity_check, " + quoted(target) +
                        " was not written: " + problems);
        if (to.close() != SQLITE_OK)
            return fail("cannot close " + quoted(scratch.file) + ": " + to.error());
    }

    if (const int error = fsyncPath(scratch.file, O_RDONLY); error != 0)
        return fail("cannot sync " + quoted(scratch.file) + ": " + systemError(error));
    if (!renameNoReplace(scratch.file, target)) {
        if (errno == EEXIST)
            return fail(quoted(target) + " appeared while the backup ran; it was not overwritten");
        return fail("cannot rename " + quoted(scratch.file) + " to " + quoted(target) + ": " +
                    systemError(errno));
    }
    scratch.owned = false;
    const fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    fsyncPath(directory, O_RDONLY | O_DIRECTORY); // the rename is durable; best effort
    result.bytes = fs::file_size(target, ec);
    return result;
}

} // namespace Pult
