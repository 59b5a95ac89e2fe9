#include "attachmentcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace Pult {
namespace {

constexpr qint64 kChunk = 1024 * 1024;

Status ioError(const QString &what, const QString &why)
{
    return Status(Status::IoError, QStringLiteral("%1: %2").arg(what, why));
}

} // namespace

QString formatSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

AttachmentCache::AttachmentCache(QString directory)
    : m_directory(std::move(directory))
{}

bool AttachmentCache::isHash(const QByteArray &text)
{
    if (text.size() != 64)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

QString AttachmentCache::path(const QByteArray &hash) const
{
    return m_directory + u'/' + QString::fromLatin1(hash);
}

bool AttachmentCache::contains(const QByteArray &hash) const
{
    return isHash(hash) && QFileInfo::exists(path(hash));
}

struct AttachmentCache::Writer::Private
{
    const AttachmentCache &cache;
    QByteArray expected;
    QTemporaryFile file;
    QCryptographicHash sha{QCryptographicHash::Sha256};
    bool failed = false;

    Private(const AttachmentCache &c, QByteArray e)
        : cache(c)
        , expected(std::move(e))
        , file(c.m_directory + QStringLiteral("/.incoming-XXXXXX"))
    {}
};

AttachmentCache::Writer::Writer(const AttachmentCache &cache, QByteArray expectedHash)
    : d(std::make_unique<Private>(cache, std::move(expectedHash)))
{}

AttachmentCache::Writer::~Writer() = default;

Status AttachmentCache::Writer::open()
{
    if (!QDir().mkpath(d->cache.m_directory))
        return ioError(QStringLiteral("cannot create %1").arg(d->cache.m_directory),
                       QStringLiteral("check the profile directory's permissions"));
    if (!d->file.open())
        return ioError(QStringLiteral("cannot write in %1").arg(d->cache.m_directory),
                       d->file.errorString());
    return {};
}

bool AttachmentCache::Writer::write(const char *data, qint64 size)
{
    if (d->failed)
        return false;
    d->sha.addData(QByteArrayView(data, size));
    d->failed = d->file.write(data, size) != size;
    return !d->failed;
}

Status AttachmentCache::Writer::commit()
{
    if (d->failed || !d->file.flush())
        return ioError(QStringLiteral("cannot write %1").arg(d->file.fileName()),
                       d->file.errorString());
    const QByteArray hash = d->sha.result().toHex();
    if (!d->expected.isEmpty() && hash != d->expected)
        return Status(Status::Invalid,
                      QStringLiteral("the content of %1 does not match its hash (got %2)")
                          .arg(QString::fromLatin1(d->expected), QString::fromLatin1(hash)));
    d->expected = hash;
    if (::fsync(d->file.handle()) != 0)
        return ioError(QStringLiteral("cannot write %1").arg(d->file.fileName()),
                       QString::fromLocal8Bit(strerror(errno)));
    // Same content, same name: replacing an existing copy changes nothing.
    if (::rename(QFile::encodeName(d->file.fileName()).constData(),
                 QFile::encodeName(d->cache.path(hash)).constData()) != 0)
        return ioError(QStringLiteral("cannot store %1").arg(d->cache.path(hash)),
                       QString::fromLocal8Bit(strerror(errno)));
    d->file.setAutoRemove(false);
    return {};
}

QByteArray AttachmentCache::Writer::hash() const
{
    return d->expected;
}

Result<CachedFile> AttachmentCache::add(const QString &path, qint64 limit) const
{
    QFile source(path);
    const QString name = QFileInfo(path).fileName();
    if (!source.open(QIODevice::ReadOnly))
        return Status(Status::Invalid,
                      QStringLiteral("cannot read %1: %2").arg(path, source.errorString()));
    if (limit > 0 && source.size() > limit)
        return Status(Status::Invalid,
                      QStringLiteral("%1 is %2; the server accepts attachments "
                                     "of up to %3")
                          .arg(name, formatSize(source.size()), formatSize(limit)));
    Writer writer(*this, {});
    if (Status s = writer.open(); !s.good())
        return s;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 size = 0;
    for (;;) {
        const qint64 n = source.read(buffer.data(), kChunk);
        if (n < 0)
            return Status(Status::Invalid,
                          QStringLiteral("cannot read %1: %2").arg(path, source.errorString()));
        if (n == 0)
            break;
        if (!writer.write(buffer.constData(), n))
            return ioError(QStringLiteral("cannot copy %1 into %2").arg(path, m_directory),
                           QStringLiteral("is the disk full?"));
        size += n;
        if (limit > 0 && size > limit) // it grew while it was read
            return Status(Status::Invalid,
                          QStringLiteral("%1 is larger than %2, the largest attachment the "
                                         "server accepts")
                              .arg(name, formatSize(limit)));
    }
    if (Status s = writer.commit(); !s.good())
        return s;
    const QByteArray hash = writer.hash();
    return CachedFile{name, QMimeDatabase().mimeTypeForFile(path).name(), hash, size};
}

Result<QByteArray> AttachmentCache::addBytes(const QByteArray &content) const
{
    Writer writer(*this, {});
    if (Status s = writer.open(); !s.good())
        return s;
    if (!writer.write(content.constData(), content.size()))
        return ioError(QStringLiteral("cannot write in %1").arg(m_directory),
                       QStringLiteral("is the disk full?"));
    if (Status s = writer.commit(); !s.good())
        return s;
    return writer.hash();
}

} // namespace Pult
