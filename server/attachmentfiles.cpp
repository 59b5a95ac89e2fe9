#include "attachmentfiles.h"

#include <QCryptographicHash>

#include <array>
#include <cerrno>
#include <cstdio>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Pult {

namespace fs = std::filesystem;

namespace {

QString systemError(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

QString quoted(const fs::path &path)
{
    return QStringLiteral("'%1'").arg(QString::fromStdString(path.string()));
}

Status ioError(const QString &what, const fs::path &path, int error)
{
    return Status(Status::IoError,
                  QStringLiteral("cannot %1 %2: %3").arg(what, quoted(path), systemError(error)));
}

// write() until all is written; 0 or errno.
int writeAll(int fd, const char *data, std::size_t length)
{
    while (length > 0) {
        const ssize_t n = ::write(fd, data, length);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += n;
        length -= std::size_t(n);
    }
    return 0;
}

Status makeDirectory(const fs::path &directory)
{
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec)
        return Status(Status::IoError,
                      QStringLiteral("cannot create %1: %2")
                          .arg(quoted(directory), QString::fromStdString(ec.message())));
    return {};
}

} // namespace

namespace AttachmentFiles {

fs::path directory(const fs::path &dataDirectory)
{
    return dataDirectory / "attachments";
}

bool isValidHash(std::string_view hash)
{
    if (hash.size() != 64)
        return false;
    for (const char c : hash) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

fs::path filePath(const fs::path &directory, std::string_view hash)
{
    return directory / std::string(hash.substr(0, 2)) / std::string(hash);
}

fs::path partialDirectory(const fs::path &directory)
{
    return directory / "partial";
}

fs::path partialPath(const fs::path &directory, const QString &agentId, std::string_view hash)
{
    return partialDirectory(directory) / (agentId.toStdString() + "-" + std::string(hash));
}

std::uint64_t sizeOf(const fs::path &file)
{
    struct stat st
    {
    };
    if (::stat(file.c_str(), &st) != 0)
        return 0;
    return std::uint64_t(st.st_size);
}

int syncDirectory(const fs::path &directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

Status writeComplete(const fs::path &directory, std::string_view hash, const QByteArray &bytes)
{
    const fs::path target = filePath(directory, hash);
    if (Status s = makeDirectory(target.parent_path()); !s.good())
        return s;
    const fs::path scratch = target.string() + ".tmp";
    const int fd = ::open(scratch.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QStringLiteral("create"), scratch, errno);
    int error = writeAll(fd, bytes.constData(), std::size_t(bytes.size()));
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    ::close(fd);
    if (error == 0 && ::rename(scratch.c_str(), target.c_str()) != 0)
        error = errno;
    if (error != 0) {
        ::unlink(scratch.c_str());
        return ioError(QStringLiteral("write"), target, error);
    }
    syncDirectory(target.parent_path());
    return {};
}

Result<std::string> adopt(const fs::path &directory, const fs::path &file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("open"), file, errno);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::array<char, 64 * 1024> buffer{};
    int error = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            error = errno;
        if (n <= 0)
            break;
        hash.addData(QByteArrayView(buffer.data(), qsizetype(n)));
    }
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    ::close(fd);
    if (error != 0)
        return ioError(QStringLiteral("read"), file, error);
    const std::string digest = hash.result().toHex().toStdString();
    const fs::path target = filePath(directory, digest);
    if (Status s = makeDirectory(target.parent_path()); !s.good())
        return s;
    if (::rename(file.c_str(), target.c_str()) != 0)
        return ioError(QStringLiteral("rename"), file, errno);
    if (const int e = syncDirectory(target.parent_path()); e != 0)
        return ioError(QStringLiteral("sync"), target.parent_path(), e);
    return digest;
}

std::string sizeInWords(std::uint64_t bytes)
{
    constexpr std::array<const char *, 4> units = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    double value = double(bytes);
    std::size_t unit = 0;
    value /= 1024;
    while (value >= 1024 && unit + 1 < units.size()) {
        value /= 1024;
        ++unit;
    }
    std::array<char, 32> text{};
    if (value == double(std::uint64_t(value)))
        std::snprintf(text.data(), text.size(), "%llu %s", static_cast<unsigned long long>(value),
                      units[unit]);
    else
        std::snprintf(text.data(), text.size(), "%.1f %s", value, units[unit]);
    return text.data();
}

} // namespace AttachmentFiles

PartialUpload::~PartialUpload()
{
    if (m_fd >= 0)
        ::close(m_fd); // also releases the lock
}

PartialUpload::OpenResult PartialUpload::open(const fs::path &path)
{
    m_path = path;
    if (!makeDirectory(path.parent_path()).good())
        return OpenResult::Failed;
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (m_fd < 0)
        return OpenResult::Failed;
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
        return errno == EWOULDBLOCK ? OpenResult::Busy : OpenResult::Failed;
    struct stat st
    {
    };
    if (::fstat(m_fd, &st) != 0)
        return OpenResult::Failed;
    m_size = std::uint64_t(st.st_size);
    return OpenResult::Opened;
}

Status PartialUpload::hashExisting()
{
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("read"), m_path, errno);
    std::array<char, 64 * 1024> buffer;
    std::uint64_t done = 0;
    while (done < m_size) {
        const ssize_t n = ::pread(
            fd, buffer.data(), std::size_t(std::min<std::uint64_t>(buffer.size(), m_size - done)),
            off_t(done));
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            ::close(fd);
            return ioError(QStringLiteral("read"), m_path, error);
        }
        m_hash.addData(QByteArrayView(buffer.data(), n));
        done += std::uint64_t(n);
    }
    ::close(fd);
    return {};
}

Status PartialUpload::append(const char *data, std::size_t length)
{
    if (const int error = writeAll(m_fd, data, length); error != 0)
        return ioError(QStringLiteral("write"), m_path, error);
    m_hash.addData(QByteArrayView(data, qsizetype(length)));
    m_size += length;
    return {};
}

std::string PartialUpload::digest()
{
    return m_hash.result().toHex().toStdString();
}

Status PartialUpload::commit(const fs::path &target)
{
    if (::fsync(m_fd) != 0)
        return ioError(QStringLiteral("sync"), m_path, errno);
    if (Status s = makeDirectory(target.parent_path()); !s.good())
        return s;
    if (::rename(m_path.c_str(), target.c_str()) != 0)
        return ioError(QStringLiteral("rename"), m_path, errno);
    if (const int error = AttachmentFiles::syncDirectory(target.parent_path()); error != 0)
        return ioError(QStringLiteral("sync"), target.parent_path(), error);
    return {};
}

void PartialUpload::discard()
{
    ::unlink(m_path.c_str());
}

} // namespace Pult
