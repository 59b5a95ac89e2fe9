#include "serverstoreprivate.h"

#include <sys/stat.h>

namespace Pult {

Result<std::optional<ServerStore::AttachmentInfo>>
ServerStore::attachment(const AgentSession &session, const QString &hash)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    auto size = d->storedSize(hash);
    if (!size.good())
        return size.status();
    if (!*size)
        return std::optional<AttachmentInfo>();
    AttachmentInfo info{**size, hash, QStringLiteral("application/octet-stream")};
    // The first visible ticket that references it names it: its message's name and type.
    auto references = d->attachmentReferences(hash);
    if (!references.good())
        return references.status();
    if (const std::optional<QUuid> &id = references->visible) {
        auto messages =
            d->db->prepare("SELECT data FROM messages WHERE ticket_id = ?1 AND data LIKE ?2");
        if (!messages.good())
            return messages.status();
        (*messages)->bind(1, uuidToBlob(*id)).bind(2, QStringLiteral("%") + hash + u'%');
        bool named = false;
        while (!named && (*messages)->next()) {
            const QJsonArray list =
                parseObject((*messages)->text(0)).value(QLatin1String("attachments")).toArray();
            for (const QJsonValue &v : list) {
                const QJsonObject a = v.toObject();
                if (a.value(QLatin1String("hash")).toString() == hash) {
                    info.name = a.value(QLatin1String("name")).toString();
                    info.mimeType = a.value(QLatin1String("type")).toString();
                    named = true;
                    break;
                }
            }
        }
        Status s = (*messages)->status();
        (*messages)->reset();
        if (!s.good())
            return s;
        return std::optional<AttachmentInfo>(info);
    }
    // Referenced by no ticket: its uploader may read it back.
    if (references->any)
        return std::optional<AttachmentInfo>();
    auto mine = d->claimed(hash);
    if (!mine.good())
        return mine.status();
    if (!*mine)
        return std::optional<AttachmentInfo>();
    return std::optional<AttachmentInfo>(info);
}

Result<std::optional<qint64>> ServerStore::claimStoredUpload(const AgentSession &session,
                                                             const QString &hash, qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    d->now = nowMs;
    Db::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    auto size = d->storedSize(hash);
    if (!size.good())
        return size.status();
    if (!*size)
        return std::optional<qint64>();
    // Only to an agent who may read it already. Anyone else proves to hold the content by
    // sending it (stored once all the same), so that a hash is never a key to content nor
    // tells whether the server holds it.
    auto mine = d->claimed(hash);
    if (!mine.good())
        return mine.status();
    if (!*mine) {
        auto visible = d->attachmentVisible(hash);
        if (!visible.good())
            return visible.status();
        if (!*visible)
            return std::optional<qint64>();
    }
    if (Status s = d->claim(hash); !s.good())
        return s;
    if (Status s = tx.commit(); !s.good())
        return s;
    return *size;
}

Status ServerStore::recordUpload(const AgentSession &session, const QString &hash, qint64 size,
                                 qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    d->now = nowMs;
    Db::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    Status s = d->db->run("INSERT INTO attachment_files(hash, size, created_ms) VALUES (?1, ?2, "
                          "?3) ON CONFLICT(hash) DO UPDATE SET created_ms = excluded.created_ms",
                          [&](Statement &st) { st.bind(1, hash).bind(2, size).bind(3, nowMs); });
    if (s.good())
        s = d->claim(hash);
    if (s.good())
        s = tx.commit();
    return s;
}

std::filesystem::path ServerStore::attachmentDirectory() const
{
    return d->attachmentDirectory;
}

Result<ServerStore::AttachmentTotals> ServerStore::attachmentTotals()
{
    auto reader = d->readers->lend(); // a metrics scrape never waits for the writer
    if (!reader.good())
        return reader.status();
    auto stmt = (**reader)->prepare(
        "SELECT count(*), CAST(coalesce(sum(size), 0) AS BIGINT) FROM attachment_files");
    if (!stmt.good())
        return stmt.status();
    AttachmentTotals totals;
    if ((*stmt)->next()) {
        totals.count = (*stmt)->int64(0);
        totals.bytes = (*stmt)->int64(1);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return totals;
}

Result<ServerStore::SweepResult> ServerStore::sweepUploads(qint64 nowMs, qint64 maxAgeMs)
{
    namespace fs = std::filesystem;
    const qint64 cutoff = nowMs - maxAgeMs;
    const auto fileTimeMs = [](const fs::path &path) -> std::optional<qint64> {
        struct stat st
        {
        };
        if (::stat(path.c_str(), &st) != 0)
            return std::nullopt;
        return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
    };
    SweepResult result;
    std::lock_guard lock(d->mutex);
    {
        Db::Transaction tx(*d->db);
        if (!tx.status().good())
            return tx.status();
        Status s = d->db->run("DELETE FROM upload_claims WHERE created_ms < ?1",
                              [&](Statement &st) { st.bind(1, cutoff); });
        if (!s.good())
            return s;
        result.claimsRemoved = d->db->changes();
        if (s = tx.commit(); !s.good())
            return s;
    }
    std::error_code ec;
    const fs::path &root = d->attachmentDirectory;
    // Partial uploads nobody added to for maxAge.
    for (const fs::directory_entry &entry :
         fs::directory_iterator(AttachmentFiles::partialDirectory(root), ec)) {
        const std::optional<qint64> time = fileTimeMs(entry.path());
        if (time && *time < cutoff && ::unlink(entry.path().c_str()) == 0)
            ++result.filesRemoved;
    }
    // Complete files that no ticket references and nobody claims.
    for (const fs::directory_entry &prefix : fs::directory_iterator(root, ec)) {
        const std::string prefixName = prefix.path().filename().string();
        if (prefixName.size() != 2 || !prefix.is_directory(ec))
            continue;
        for (const fs::directory_entry &entry : fs::directory_iterator(prefix.path(), ec)) {
            const QString hash = QString::fromStdString(entry.path().filename().string());
            const std::optional<qint64> time = fileTimeMs(entry.path());
            if (!time || *time >= cutoff)
                continue;
            if (!AttachmentFiles::isValidHash(hash.toStdString())) {
                if (hash.endsWith(QLatin1String(".tmp"))) // an interrupted migration's file
                    ::unlink(entry.path().c_str());
                continue;
            }
            auto removed = d->removeUnreferenced(hash);
            if (!removed.good())
                return removed.status();
            if (*removed)
                ++result.filesRemoved;
        }
    }
    return result;
}

Status ServerStore::Private::recordAttachmentFiles(const QList<Attachment> &attachments)
{
    for (const Attachment &a : attachments) {
        Status s = db->run("INSERT INTO attachment_files(hash, size, created_ms) VALUES "
                           "(?1, ?2, ?3) ON CONFLICT DO NOTHING",
                           [&](Statement &st) {
                               st.bind(1, QString::fromLatin1(a.contentHash));
                               st.bind(2, a.size).bind(3, now);
                           });
        if (!s.good())
            return s;
    }
    return {};
}

Result<bool> ServerStore::Private::removeUnreferenced(const QString &hash)
{
    Db::Transaction tx(*db);
    if (!tx.status().good())
        return tx.status();
    auto used = text("SELECT (SELECT count(*) FROM ticket_attachments WHERE hash = ?1) + "
                     "(SELECT count(*) FROM upload_claims WHERE hash = ?1)",
                     [&](Statement &st) { st.bind(1, hash); });
    if (!used.good())
        return used.status();
    if (used->value_or(QString()).toLongLong() > 0)
        return false;
    Status s = db->run("DELETE FROM attachment_files WHERE hash = ?1",
                       [&](Statement &st) { st.bind(1, hash); });
    if (s.good())
        s = tx.commit();
    if (!s.good())
        return s;
    return ::unlink(AttachmentFiles::filePath(attachmentDirectory, hash.toStdString()).c_str()) ==
           0;
}

} // namespace Pult
