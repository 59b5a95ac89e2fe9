#include "contactexport.h"

#include "attachmentfiles.h"

#include <QJsonDocument>

#include <zip.h>

#include <string>

namespace Pult {

namespace {

// A zip file's name for an attachment: its hash (names repeat) and its own name, with nothing
// that leaves the folder or hides the file.
std::string zipEntryName(const Attachment &a)
{
    QString name = a.name;
    for (QChar &c : name) {
        if (c == u'/' || c == u'\\' || c.category() == QChar::Other_Control)
            c = u'_';
    }
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    return "attachments/" + a.contentHash.left(16).toStdString() + "-" +
           (name.isEmpty() ? std::string("file") : name.toStdString());
}

} // namespace

Result<int> writeContactZip(const ServerStore::ContactExport &contact,
                            const std::filesystem::path &attachmentDirectory,
                            const std::filesystem::path &output)
{
    int error = 0;
    zip_t *zip = zip_open(output.c_str(), ZIP_CREATE | ZIP_EXCL, &error);
    if (!zip) {
        zip_error_t why;
        zip_error_init_with_code(&why, error);
        const QString message = QStringLiteral("cannot create %1: %2")
                                    .arg(QString::fromStdString(output.string()),
                                         QString::fromUtf8(zip_error_strerror(&why)));
        zip_error_fini(&why);
        return Status(Status::IoError, message);
    }
    const QByteArray json = QJsonDocument(contact.document).toJson(QJsonDocument::Indented);
    const auto fail = [&](const std::string &what) {
        const Status failed(Status::IoError,
                            QString::fromStdString(what + ": " + zip_strerror(zip)));
        zip_discard(zip);
        std::error_code ec;
        std::filesystem::remove(output, ec);
        return failed;
    };
    zip_source_t *source = zip_source_buffer(zip, json.constData(), zip_uint64_t(json.size()), 0);
    if (!source || zip_file_add(zip, "contact.json", source, ZIP_FL_ENC_UTF_8) < 0) {
        zip_source_free(source);
        return fail("cannot add contact.json");
    }
    int files = 0;
    for (const Attachment &a : std::as_const(contact.attachments)) {
        const std::filesystem::path file =
            AttachmentFiles::filePath(attachmentDirectory, a.contentHash.toStdString());
        std::error_code ec;
        if (!std::filesystem::exists(file, ec))
            continue; // erased, or never stored
        zip_source_t *bytes = zip_source_file(zip, file.c_str(), 0, -1);
        if (!bytes || zip_file_add(zip, zipEntryName(a).c_str(), bytes,
                                   ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            zip_source_free(bytes);
            return fail("cannot add " + file.string());
        }
        ++files;
    }
    if (zip_close(zip) < 0)
        return fail("cannot write " + output.string());
    return files;
}

} // namespace Pult
