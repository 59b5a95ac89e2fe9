#include "uploads.h"

#include "logrecord.h"
#include "serverstore.h"
#include "uuid.h"

#include <QDateTime>
#include <QString>
#include <QUrlQuery>

namespace Pult {
namespace {

ApiResponse failure(int status, std::string_view code, const std::string &message)
{
    return ApiResponse::error(status, code, message);
}

std::optional<std::uint64_t> queryValue(const QUrlQuery &query, const char *name)
{
    if (!query.hasQueryItem(QLatin1String(name)))
        return std::nullopt;
    bool ok = false;
    const qulonglong value = query.queryItemValue(QLatin1String(name)).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return std::uint64_t(value);
}

} // namespace

ApiResponse uploadComplete(std::string_view hash, std::uint64_t size)
{
    return ApiResponse::json(200, R"({"hash":")" + std::string(hash) +
                                      R"(","complete":true,"size":)" + std::to_string(size) + "}");
}

ApiResponse uploadIncomplete(std::string_view hash, std::uint64_t offset)
{
    return ApiResponse::json(200, R"({"hash":")" + std::string(hash) +
                                      R"(","complete":false,"offset":)" + std::to_string(offset) +
                                      "}");
}

bool Upload::matches(std::string_view path)
{
    return path.starts_with(kPathPrefix) &&
           path.substr(kPathPrefix.size()).find('/') == std::string_view::npos;
}

std::variant<std::unique_ptr<Upload>, ApiResponse> Upload::begin(ServerStore &store,
                                                                 const AgentSession &session,
                                                                 const Request &request,
                                                                 std::uint64_t attachmentLimit)
{
    const std::string_view hash = request.path.substr(kPathPrefix.size());
    if (!AttachmentFiles::isValidHash(hash))
        return failure(400, "invalid_hash",
                       "the upload's name is the SHA-256 of its content: 64 lowercase hex digits");
    if (!request.contentLength)
        return failure(411, "length_required",
                       "an upload needs Content-Length (chunked bodies are not accepted)");
    const QUrlQuery query(QString::fromUtf8(request.query.data(), qsizetype(request.query.size())));
    const std::optional<std::uint64_t> offset = queryValue(query, "offset");
    const std::optional<std::uint64_t> total = queryValue(query, "size");
    if (!offset || !total)
        return failure(400, "invalid_parameter",
                       "an upload needs ?offset=N&size=TOTAL: whole numbers of bytes");
    if (*total > attachmentLimit)
        return failure(413, "payload_too_large",
                       "the attachment is " + AttachmentFiles::sizeInWords(*total) +
                           ", larger than the limit of " +
                           AttachmentFiles::sizeInWords(attachmentLimit) + " (" +
                           std::to_string(attachmentLimit) + " bytes)");
    const std::uint64_t length = *request.contentLength;
    if (*offset > *total || length > *total - *offset)
        return failure(400, "invalid_range",
                       "offset " + std::to_string(*offset) + " plus " + std::to_string(length) +
                           " bytes is beyond the size of " + std::to_string(*total));

    auto upload = std::make_unique<Upload>(store, session);
    upload->m_hash = std::string(hash);
    upload->m_total = *total;
    const QString hashText = QString::fromLatin1(hash.data(), qsizetype(hash.size()));
    auto stored = store.claimStoredUpload(session, hashText, QDateTime::currentMSecsSinceEpoch());
    if (!stored.good())
        return failure(500, "internal_error", stored.status().message().toStdString());
    if (*stored) {
        if (std::uint64_t(**stored) != *total)
            return failure(409, "size_mismatch",
                           "this content is stored with " + std::to_string(**stored) +
                               " bytes, not " + std::to_string(*total));
        upload->m_discard = true;
        return upload;
    }

    const auto path = AttachmentFiles::partialPath(store.attachmentDirectory(),
                                                   uuidToString(session.agent.id), hash);
    switch (upload->m_file.open(path)) {
    case PartialUpload::OpenResult::Busy:
        return failure(409, "upload_in_progress",
                       "another upload of this content by you is under way; GET "
                       "/api/v1/uploads/" +
                           std::string(hash) + " for its offset when it has ended");
    case PartialUpload::OpenResult::Failed:
        return failure(500, "internal_error", "cannot open the upload's file " + path.string());
    case PartialUpload::OpenResult::Opened:
        break;
    }
    if (upload->m_file.size() != *offset)
        return failure(409, "offset_mismatch",
                       "the server holds " + std::to_string(upload->m_file.size()) +
                           " bytes of this upload: continue at offset " +
                           std::to_string(upload->m_file.size()));
    if (upload->m_file.size() > 0) {
        if (Status s = upload->m_file.hashExisting(); !s.good())
            return failure(500, "internal_error", s.message().toStdString());
    }
    return upload;
}

Status Upload::write(const char *data, std::size_t length)
{
    if (m_discard)
        return {};
    return m_file.append(data, length);
}

ApiResponse Upload::finish()
{
    if (m_discard)
        return uploadComplete(m_hash, m_total);
    if (m_file.size() < m_total)
        return uploadIncomplete(m_hash, m_file.size());
    if (m_file.digest() != m_hash) {
        m_file.discard();
        return failure(422, "hash_mismatch",
                       "the uploaded bytes do not have the SHA-256 " + m_hash +
                           "; the upload was discarded, start again at offset 0");
    }
    const auto target = AttachmentFiles::filePath(m_store.attachmentDirectory(), m_hash);
    if (Status s = m_file.commit(target); !s.good())
        return failure(500, "internal_error", s.message().toStdString());
    const QString hash = QString::fromStdString(m_hash);
    if (Status s = m_store.recordUpload(m_session, hash, qint64(m_total),
                                        QDateTime::currentMSecsSinceEpoch());
        !s.good())
        return failure(500, "internal_error", s.message().toStdString());
    LogRecord(LogLevel::Info, "upload_completed")
        .addString("hash", m_hash)
        .addInteger("size", static_cast<std::int64_t>(m_total))
        .addString("agent_id", uuidToString(m_session.agent.id).toStdString())
        .write();
    return uploadComplete(m_hash, m_total);
}

} // namespace Pult
