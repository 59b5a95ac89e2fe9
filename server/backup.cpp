#include "backup.h"

#include <sqlite3.h>

#include <array>
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

// Copies `from` to `to` (a new file; via TO.tmp, synced); 0 or errno.
int copyFile(const fs::path &from, const fs::path &to, std::uintmax_t &bytes)
{
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return errno;
    const fs::path scratch = to.string() + ".tmp";
    const int out = ::open(scratch.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out < 0) {
        const int error = errno;
        ::close(in);
        return error;
    }
    std::array<char, 64 * 1024> buffer;
    int error = 0;
    for (;;) {
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = n < 0 ? errno : 0;
            break;
        }
        for (ssize_t done = 0; done < n && error == 0;) {
            const ssize_t w = ::write(out, buffer.data() + done, std::size_t(n - done));
            if (w < 0 && errno != EINTR)
                error = errno;
            else if (w > 0)
                done += w;
        }
        if (error != 0)
            break;
        bytes += std::uintmax_t(n);
    }
    if (error == 0 && ::fsync(out) != 0)
        error = errno;
    ::close(out);
    ::close(in);
    if (error == 0 && ::rename(scratch.c_str(), to.c_str()) != 0)
        error = errno;
    if (error != 0)
        ::unlink(scratch.c_str());
    return error;
}

// The attachment files that `target` lacks, copied from `source` (DATA/attachments).
std::string copyAttachments(const fs::path &source, BackupResult &result)
{
    std::error_code ec;
    if (!fs::exists(source, ec))
        return {};
    if (fs::create_directories(result.attachments, ec); ec)
        return "cannot create " + quoted(result.attachments) + ": " + ec.message();
    for (const fs::directory_entry &prefix : fs::directory_iterator(source, ec)) {
        const std::string name = prefix.path().filename().string();
        if (name.size() != 2 || !prefix.is_directory(ec))
            continue; // partial/ and anything else
        const fs::path targetPrefix = result.attachments / name;
        if (fs::create_directories(targetPrefix, ec); ec)
            return "cannot create " + quoted(targetPrefix) + ": " + ec.message();
        bool added = false;
        for (const fs::directory_entry &file : fs::directory_iterator(prefix.path(), ec)) {
            const std::string hash = file.path().filename().string();
            if (hash.size() != 64 || hash.find('.') != std::string::npos)
                continue; // a temporary file
            const fs::path to = targetPrefix / hash;
            if (fs::exists(to, ec)) {
                ++result.attachmentsPresent;
                continue;
            }
            if (const int error = copyFile(file.path(), to, result.attachmentBytes); error != 0)
                return "cannot copy " + quoted(file.path()) + " to " + quoted(to) + ": " +
                       systemError(error);
            ++result.attachmentsCopied;
            added = true;
        }
        if (ec)
            return "cannot list " + quoted(prefix.path()) + ": " + ec.message();
        if (added)
            fsyncPath(targetPrefix, O_RDONLY | O_DIRECTORY);
    }
    if (ec)
        return "cannot list " + quoted(source) + ": " + ec.message();
    fsyncPath(result.attachments, O_RDONLY | O_DIRECTORY);
    return {};
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
    if (!fs::exists(dataDirectory / "attachments", ec))
        return result; // nothing was ever uploaded
    result.attachments = fs::path(target.string() + ".attachments");
    if (std::string error = copyAttachments(dataDirectory / "attachments", result); !error.empty())
        return fail("the database was copied to " + quoted(target) +
                    ", but the attachments were not: " + error);
    return result;
}

} // namespace Pult
