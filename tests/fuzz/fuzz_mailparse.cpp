// Fuzz target: the mail parser of pult-mailparse (server/mailparse), in process and without
// writing files. Any bytes give one JSON object with the fields pultd reads, the text valid
// UTF-8 (QJsonDocument refuses anything else), within the output limit, with at most one quote
// marker in the HTML.
#include "mimeparse.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gmime/gmime.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool initialised = [] {
        g_mime_init();
        return true;
    }();
    (void)initialised;
    Pult::MailParse::Options options;
    options.fallbackCharset = "windows-1250";
    options.maxOutputBytes = 1 << 20;
    const std::string json = Pult::MailParse::parseToJson(
        std::string_view(reinterpret_cast<const char *>(data), size), options);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(json.data(), qsizetype(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        __builtin_trap();
    const QJsonObject o = document.object();
    if (o.value(QStringLiteral("version")).toInt() != 1 ||
        !o.value(QStringLiteral("text")).isString() ||
        !o.value(QStringLiteral("attachments")).isArray())
        __builtin_trap();
    if (o.value(QStringLiteral("text")).toString().toUtf8().size() >
        qsizetype(options.maxOutputBytes))
        __builtin_trap();
    // The quote marker (html.h) is there at most once, whatever the mail's own comments.
    if (o.value(QStringLiteral("html")).toString().count(QStringLiteral("<!--pult-quote-->")) > 1)
        __builtin_trap();
    return 0;
}
