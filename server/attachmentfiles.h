#pragma once

// Where pultd keeps attachment bytes: content-addressed files under DATA/attachments, named by
// the SHA-256 of their content (lowercase hex), metadata in the database (ServerStore).
//
//   DATA/attachments/ab/ab12...ef            a complete attachment; immutable
//   DATA/attachments/partial/AGENT-HASH      an upload under way (PUT /api/v1/uploads/{hash}):
//                                            its size is the offset the upload resumes at
//
// A complete file appears only by rename() of a partial file whose SHA-256 was checked, after
// fsync of the file and followed by fsync of its directory, so a name in ab/ always holds its
// content. With PostgreSQL every pultd on the database must share this directory.

#include "status.h"

#include <QCryptographicHash>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace Pult {

namespace AttachmentFiles {

// DATA/attachments.
std::filesystem::path directory(const std::filesystem::path &dataDirectory);
// 64 lowercase hex digits.
bool isValidHash(std::string_view hash);
// DIR/ab/HASH.
std::filesystem::path filePath(const std::filesystem::path &directory, std::string_view hash);
// DIR/partial.
std::filesystem::path partialDirectory(const std::filesystem::path &directory);
// DIR/partial/AGENT-HASH.
std::filesystem::path partialPath(const std::filesystem::path &directory, const QString &agentId,
                                  std::string_view hash);
// The size of a file, 0 when it does not exist.
std::uint64_t sizeOf(const std::filesystem::path &file);
// Writes bytes as the complete file of `hash` (temporary name, fsync, rename, fsync of the
// directory). For the migration of attachments that were blobs in the database.
Status writeComplete(const std::filesystem::path &directory, std::string_view hash,
                     const QByteArray &bytes);
// Moves a file on the same file system into the store as the complete file of its content's
// SHA-256 (computed here, never taken on trust), after an fsync; returns the hash. A file of
// that content already stored is replaced by the same bytes.
Result<std::string> adopt(const std::filesystem::path &directory,
                          const std::filesystem::path &file);
// fsync of a directory; 0 or errno.
int syncDirectory(const std::filesystem::path &directory);
// "50 MiB", "1.5 KiB", "300 bytes".
std::string sizeInWords(std::uint64_t bytes);

} // namespace AttachmentFiles

// One PUT of an upload: the partial file opened for appending (and locked against a second PUT
// of the same agent and hash at once), with a SHA-256 over everything in it.
class PartialUpload
{
public:
    PartialUpload() = default;
    ~PartialUpload();
    PartialUpload(const PartialUpload &) = delete;
    PartialUpload &operator=(const PartialUpload &) = delete;

    enum class OpenResult { Opened, Busy, Failed };
    // Opens (creating) the partial file; `size()` is then what it holds.
    OpenResult open(const std::filesystem::path &path);
    std::uint64_t size() const { return m_size; }
    // Hashes what the file holds already (a resumed upload).
    Status hashExisting();
    // Appends and hashes.
    Status append(const char *data, std::size_t length);
    // The hex SHA-256 of the whole file (call once, when it is complete).
    std::string digest();
    // fsync, then rename to `target` (creating its directory) and fsync that directory.
    Status commit(const std::filesystem::path &target);
    // Deletes the partial file.
    void discard();

private:
    int m_fd = -1;
    std::filesystem::path m_path;
    std::uint64_t m_size = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace Pult
