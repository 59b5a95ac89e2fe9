#pragma once

// The profile's attachment cache (HOME/attachments): files named by the SHA-256 of their
// content. A file an agent attaches is copied in when it is attached, so what is uploaded later
// is what was attached, whatever happens to the original; a file another agent sent is
// downloaded into it on demand. Files enter only whole and checked: written to a temporary file
// in the same directory while hashed, flushed to disk, then renamed to their hash.

#include "status.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QIODevice;

namespace Pult {

// A file in the cache, as an op references it.
struct CachedFile
{
    QString name;     // the file name the sender gave it
    QString mimeType; // from its content and name
    QByteArray hash;  // SHA-256, lowercase hex
    qint64 size = 0;
};

class AttachmentCache
{
public:
    explicit AttachmentCache(QString directory);

    // Copies the file at path into the cache. limit: the server's largest attachment in bytes
    // (0: unknown); a larger file is refused before anything is copied, the limit said in words.
    Result<CachedFile> add(const QString &path, qint64 limit) const;
    // Stores bytes already in memory (old inline attachments of an outbox written by an earlier
    // version); returns their hash.
    Result<QByteArray> addBytes(const QByteArray &content) const;

    // Writes one file into the cache as its bytes come (a copy, a download). With an
    // expectedHash the content must hash to it, or commit() refuses and nothing is stored.
    class Writer
    {
    public:
        Writer(const AttachmentCache &cache, QByteArray expectedHash);
        ~Writer();
        Writer(const Writer &) = delete;
        Writer &operator=(const Writer &) = delete;
        Status open();
        bool write(const char *data, qint64 size);
        Status commit();         // checks the hash, flushes and renames into place
        QByteArray hash() const; // after commit(): the content's hash

    private:
        struct Private;
        std::unique_ptr<Private> d;
    };

    QString path(const QByteArray &hash) const;
    bool contains(const QByteArray &hash) const;
    QString directory() const { return m_directory; }

    static bool isHash(const QByteArray &text); // 64 lowercase hex digits

private:
    QString m_directory;
};

// "52.4 MB" style sizes for messages about limits and progress.
QString formatSize(qint64 bytes);

} // namespace Pult
