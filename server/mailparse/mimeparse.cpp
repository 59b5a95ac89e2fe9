#include "mimeparse.h"

#include "charset.h"
#include "headers.h"
#include "html.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <gmime/gmime.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace Pult::MailParse {

namespace {

QString q(const std::string &utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

std::string lower(const char *s)
{
    std::string out = s ? s : "";
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

template<typename T> struct GObjectDeleter
{
    void operator()(T *object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template<typename T> using GPtr = std::unique_ptr<T, GObjectDeleter<T>>;

// The raw value of the first header of that name, unfolded later by the decoders.
std::optional<std::string> rawHeader(GMimeObject *object, const char *name, bool last = false)
{
    GMimeHeaderList *list = object ? g_mime_object_get_header_list(object) : nullptr;
    if (!list)
        return std::nullopt;
    std::optional<std::string> found;
    const int count = g_mime_header_list_get_count(list);
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
        const char *headerName = header ? g_mime_header_get_name(header) : nullptr;
        if (!headerName || g_ascii_strcasecmp(headerName, name) != 0)
            continue;
        const char *value = g_mime_header_get_raw_value(header);
        found = value ? std::string(value) : std::string();
        if (!last)
            break;
    }
    return found;
}

QJsonObject addressJson(const Address &a)
{
    return QJsonObject{{QStringLiteral("name"), q(a.name)},
                       {QStringLiteral("address"), q(a.address)}};
}

QJsonArray addressesJson(const std::vector<Address> &list)
{
    QJsonArray out;
    for (const Address &a : list)
        out.append(addressJson(a));
    return out;
}

std::string dateIso(const std::optional<std::string> &raw)
{
    if (!raw)
        return {};
    const std::string value = unfold(*raw);
    GDateTime *date = g_mime_utils_header_decode_date(value.c_str());
    if (!date)
        return {};
    GDateTime *utc = g_date_time_to_utc(date);
    g_date_time_unref(date);
    if (!utc)
        return {};
    gchar *text = g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ");
    g_date_time_unref(utc);
    std::string out = text ? text : "";
    g_free(text);
    // GMime gives year 1 or similar for dates it could not read; treat those as absent.
    if (out.size() != 20 || out < "1970")
        return {};
    return out;
}

std::string firstId(const std::optional<std::string> &raw)
{
    if (!raw)
        return {};
    std::vector<std::string> ids = parseMessageIds(*raw);
    return ids.empty() ? std::string() : ids.front();
}

std::string trimmedText(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t'))
        s.pop_back();
    size_t start = 0;
    while (start < s.size() && s[start] == '\n')
        ++start;
    return s.substr(start);
}

struct Body
{
    std::string text;
    std::string html;
    bool textFromHtml = false;
};

void appendBody(Body &into, Body part)
{
    if (!part.text.empty()) {
        if (into.text.empty())
            into.textFromHtml = part.textFromHtml;
        else
            into.textFromHtml = into.textFromHtml && part.textFromHtml;
        if (!into.text.empty())
            into.text += "\n\n";
        into.text += part.text;
    }
    if (!part.html.empty()) {
        if (!into.html.empty())
            into.html += "\n";
        into.html += part.html;
    }
}

class Walker
{
public:
    explicit Walker(const Options &options)
        : m_options(options)
    {}

    QJsonObject messageJson(GMimeMessage *message, std::string_view raw)
    {
        GMimeObject *object = GMIME_OBJECT(message);
        QJsonObject json = headersJson(object);
        Body body = walk(g_mime_message_get_mime_part(message), 0);
        if (!message || !g_mime_message_get_mime_part(message)) {
            // No MIME structure GMime could build: the text after the header block.
            const size_t blank = raw.find("\n\n");
            const size_t crlf = raw.find("\r\n\r\n");
            const size_t start = std::min(blank == std::string_view::npos ? raw.size() : blank + 2,
                                          crlf == std::string_view::npos ? raw.size() : crlf + 4);
            body.text = textOf(raw.substr(start), {});
        }
        finish(json, std::move(body));
        return json;
    }

    // A message GMime could not read at all: its bytes as the text.
    QJsonObject rawTextJson(std::string_view raw, const char *warning)
    {
        QJsonObject json = headersJson(nullptr);
        m_warnings.append(QString::fromUtf8(warning));
        m_truncated = true;
        Body body;
        body.text =
            textOf(raw.substr(0, std::min<size_t>(raw.size(), m_options.maxOutputBytes)), {});
        finish(json, std::move(body));
        return json;
    }

private:
    QJsonObject headersJson(GMimeObject *object)
    {
        const std::string &fallback = m_options.fallbackCharset;
        QJsonObject json;
        json[QStringLiteral("version")] = 1;
        json[QStringLiteral("messageId")] = q(firstId(rawHeader(object, "Message-ID")));
        json[QStringLiteral("inReplyTo")] = q(firstId(rawHeader(object, "In-Reply-To")));
        QJsonArray references;
        if (std::optional<std::string> raw = rawHeader(object, "References")) {
            for (const std::string &id : parseMessageIds(*raw))
                references.append(q(id));
        }
        json[QStringLiteral("references")] = references;
        const auto list = [&](const char *name) {
            std::optional<std::string> raw = rawHeader(object, name);
            return raw ? parseAddressList(*raw, fallback) : std::vector<Address>();
        };
        const std::vector<Address> from = list("From");
        json[QStringLiteral("from")] =
            from.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(addressJson(from.front()));
        json[QStringLiteral("to")] = addressesJson(list("To"));
        json[QStringLiteral("cc")] = addressesJson(list("Cc"));
        json[QStringLiteral("replyTo")] = addressesJson(list("Reply-To"));
        const std::optional<std::string> subject = rawHeader(object, "Subject");
        json[QStringLiteral("subject")] = subject ? q(decodeHeader(*subject, fallback)) : QString();
        const std::string date = dateIso(rawHeader(object, "Date"));
        json[QStringLiteral("date")] =
            date.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(date));
        const auto plain = [&](const char *name) {
            std::optional<std::string> raw = rawHeader(object, name);
            return raw ? q(decodeHeader(*raw, fallback)) : QString();
        };
        json[QStringLiteral("autoSubmitted")] = plain("Auto-Submitted");
        json[QStringLiteral("precedence")] = plain("Precedence");
        if (std::optional<std::string> raw = rawHeader(object, "Return-Path")) {
            const std::vector<Address> path = parseAddressList(*raw, fallback);
            json[QStringLiteral("returnPath")] = path.empty() ? QString() : q(path.front().address);
        } else {
            json[QStringLiteral("returnPath")] = QJsonValue(QJsonValue::Null);
        }
        return json;
    }

    void finish(QJsonObject &json, Body body)
    {
        if (body.text.empty() && !body.html.empty()) {
            body.text = htmlToText(body.html);
            body.textFromHtml = true;
        }
        json[QStringLiteral("text")] = q(trimmedText(std::move(body.text)));
        json[QStringLiteral("textFromHtml")] = body.textFromHtml;
        json[QStringLiteral("html")] = q(body.html);
        json[QStringLiteral("attachments")] = m_attachments;
        json[QStringLiteral("forwarded")] = m_forwarded;
        if (m_report) {
            m_report->insert(QStringLiteral("recipients"), m_recipients);
            json[QStringLiteral("deliveryReport")] = *m_report;
        } else {
            json[QStringLiteral("deliveryReport")] = QJsonValue(QJsonValue::Null);
        }
        json[QStringLiteral("warnings")] = m_warnings;
        json[QStringLiteral("truncated")] = m_truncated;
    }

    void warn(const QString &warning)
    {
        if (m_warnings.size() < 20 && !m_warnings.contains(warning))
            m_warnings.append(warning);
    }

    // Counts bytes against the output limit; false (and truncated) when they do not fit.
    bool spend(std::uint64_t bytes)
    {
        if (m_output + bytes > m_options.maxOutputBytes) {
            m_truncated = true;
            warn(QStringLiteral("output limit reached"));
            return false;
        }
        m_output += bytes;
        return true;
    }

    std::string textOf(std::string_view bytes, const std::string &declared)
    {
        std::string text = normalizeNewlines(
            withoutControls(decodeText(bytes, declared, m_options.fallbackCharset)));
        if (!spend(text.size()))
            return {};
        return text;
    }

    static std::string contentBytes(GMimePart *part)
    {
        GMimeDataWrapper *wrapper = g_mime_part_get_content(part);
        if (!wrapper)
            return {};
        GPtr<GMimeStream> stream(g_mime_stream_mem_new());
        g_mime_data_wrapper_write_to_stream(wrapper, stream.get());
        GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
        return array ? std::string(reinterpret_cast<const char *>(array->data), array->len)
                     : std::string();
    }

    ContentHeader contentType(GMimeObject *object)
    {
        // The last Content-Type, as GMime takes it.
        std::optional<std::string> raw = rawHeader(object, "Content-Type", true);
        ContentHeader header =
            parseContentHeader(raw.value_or(std::string()), m_options.fallbackCharset);
        GMimeContentType *type = g_mime_object_get_content_type(object);
        if (type) {
            header.value = lower(g_mime_content_type_get_media_type(type)) + "/" +
                           lower(g_mime_content_type_get_media_subtype(type));
        }
        return header;
    }

    Body walk(GMimeObject *object, int depth, bool related = false)
    {
        if (!object)
            return {};
        if (depth > m_options.maxDepth) {
            m_truncated = true;
            warn(QStringLiteral("nesting deeper than %1 levels ignored").arg(m_options.maxDepth));
            return {};
        }
        if (++m_parts > m_options.maxParts) {
            m_truncated = true;
            warn(QStringLiteral("more than %1 parts; the rest ignored").arg(m_options.maxParts));
            return {};
        }
        if (GMIME_IS_MULTIPART(object))
            return walkMultipart(GMIME_MULTIPART(object), depth);
        if (GMIME_IS_MESSAGE_PART(object))
            return walkMessage(GMIME_MESSAGE_PART(object), depth);
        if (GMIME_IS_PART(object))
            return walkPart(GMIME_PART(object), related);
        return {};
    }

    Body walkMultipart(GMimeMultipart *multipart, int depth)
    {
        GMimeObject *object = GMIME_OBJECT(multipart);
        const ContentHeader type = contentType(object);
        // Never g_mime_multipart_get_boundary(): on a multipart without boundary it can hang
        // (GMime issue 165). The parameter is read directly; without one GMime leaves the whole
        // body in the prologue, which is then the text.
        GMimeContentType *ct = g_mime_object_get_content_type(object);
        const char *boundary = ct ? g_mime_content_type_get_parameter(ct, "boundary") : nullptr;
        const int count = g_mime_multipart_get_count(multipart);
        if (!boundary || !*boundary || count == 0) {
            if (!boundary || !*boundary)
                warn(QStringLiteral("multipart without boundary read as text"));
            const char *prologue = g_mime_multipart_get_prologue(multipart);
            Body body;
            if (prologue)
                body.text = textOf(prologue, type.param("charset"));
            return body;
        }
        const std::string subtype = type.value.substr(type.value.find('/') + 1);
        if (subtype == "alternative") {
            std::vector<Body> bodies;
            for (int i = 0; i < count; ++i)
                bodies.push_back(walk(g_mime_multipart_get_part(multipart, i), depth + 1));
            Body chosen;
            for (const Body &b : bodies) {
                if (!b.text.empty() && !b.textFromHtml) {
                    chosen.text = b.text;
                    break;
                }
            }
            if (chosen.text.empty()) {
                for (const Body &b : bodies) {
                    if (!b.text.empty()) {
                        chosen.text = b.text;
                        chosen.textFromHtml = true;
                        break;
                    }
                }
            }
            for (auto it = bodies.rbegin(); it != bodies.rend(); ++it) {
                if (!it->html.empty()) {
                    chosen.html = it->html;
                    break;
                }
            }
            return chosen;
        }
        if (subtype == "related") {
            // The root (the "start" part, else the first) is the body; the others are inline
            // parts its HTML refers to by cid:.
            const std::vector<std::string> start = parseMessageIds(type.param("start"));
            int root = 0;
            for (int i = 0; i < count && !start.empty(); ++i) {
                const std::string id =
                    firstId(rawHeader(g_mime_multipart_get_part(multipart, i), "Content-ID"));
                if (id == start.front())
                    root = i;
            }
            Body body = walk(g_mime_multipart_get_part(multipart, root), depth + 1);
            for (int i = 0; i < count; ++i) {
                if (i != root)
                    appendBody(body,
                               walk(g_mime_multipart_get_part(multipart, i), depth + 1, true));
            }
            return body;
        }
        const bool report =
            subtype == "report" && lower(type.param("report-type").c_str()) == "delivery-status";
        if (report && !m_report)
            m_report = QJsonObject();
        Body body;
        for (int i = 0; i < count; ++i) {
            GMimeObject *child = g_mime_multipart_get_part(multipart, i);
            if (report && i > 0) {
                walkReportPart(child, depth + 1);
                continue;
            }
            appendBody(body, walk(child, depth + 1));
        }
        return body;
    }

    // The machine-readable parts of a delivery status report: the recipients, and the
    // Message-ID of the message that bounced.
    void walkReportPart(GMimeObject *object, int depth)
    {
        if (++m_parts > m_options.maxParts)
            return;
        const ContentHeader type = contentType(object);
        if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *original = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            if (original)
                m_report->insert(QStringLiteral("originalMessageId"),
                                 q(firstId(rawHeader(GMIME_OBJECT(original), "Message-ID"))));
            return;
        }
        if (!GMIME_IS_PART(object)) {
            appendBodyIgnored(walk(object, depth));
            return;
        }
        const std::string bytes = contentBytes(GMIME_PART(object));
        const std::string text =
            normalizeNewlines(decodeText(bytes, {}, m_options.fallbackCharset));
        if (type.value == "text/rfc822-headers") {
            for (const std::string &line : headerFields(text)) {
                if (line.size() > 11 && g_ascii_strncasecmp(line.c_str(), "message-id:", 11) == 0)
                    m_report->insert(QStringLiteral("originalMessageId"),
                                     q(firstId(line.substr(11))));
            }
            return;
        }
        if (type.value == "message/delivery-status" ||
            type.value == "message/global-delivery-status") {
            parseDeliveryStatus(text);
            return;
        }
        appendBodyIgnored(walkPart(GMIME_PART(object), false));
    }

    static void appendBodyIgnored(Body) {}

    // Unfolded "Name: value" fields of a header block.
    static std::vector<std::string> headerFields(const std::string &block)
    {
        std::vector<std::string> fields;
        size_t start = 0;
        while (start < block.size()) {
            size_t end = block.find('\n', start);
            if (end == std::string::npos)
                end = block.size();
            const std::string line = block.substr(start, end - start);
            if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !fields.empty())
                fields.back() += " " + line.substr(line.find_first_not_of(" \t"));
            else if (!line.empty())
                fields.push_back(line);
            start = end + 1;
        }
        return fields;
    }

    void parseDeliveryStatus(const std::string &text)
    {
        // Blocks separated by blank lines: the per-message block, then one per recipient.
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find("\n\n", start);
            if (end == std::string::npos)
                end = text.size();
            const std::string block = text.substr(start, end - start);
            start = end + 2;
            QJsonObject recipient;
            for (const std::string &field : headerFields(block)) {
                const size_t colon = field.find(':');
                if (colon == std::string::npos)
                    continue;
                const std::string name = lower(field.substr(0, colon).c_str());
                std::string value =
                    decodeHeader(field.substr(colon + 1), m_options.fallbackCharset);
                if (name == "final-recipient" || name == "original-recipient") {
                    // "rfc822; user@example.com"
                    if (const size_t semi = value.find(';'); semi != std::string::npos)
                        value = value.substr(semi + 1);
                    value.erase(
                        std::remove_if(value.begin(), value.end(),
                                       [](char c) { return c == ' ' || c == '<' || c == '>'; }),
                        value.end());
                    if (name == "final-recipient" || !recipient.contains(QStringLiteral("address")))
                        recipient[QStringLiteral("address")] = q(value);
                } else if (name == "action") {
                    recipient[QStringLiteral("action")] = q(lower(value.c_str()));
                } else if (name == "status") {
                    recipient[QStringLiteral("status")] = q(value);
                } else if (name == "diagnostic-code") {
                    if (const size_t semi = value.find(';'); semi != std::string::npos)
                        value = decodeHeader(value.substr(semi + 1), {});
                    recipient[QStringLiteral("diagnostic")] = q(value);
                } else if (name == "remote-mta") {
                    if (const size_t semi = value.find(';'); semi != std::string::npos)
                        value = decodeHeader(value.substr(semi + 1), {});
                    recipient[QStringLiteral("remoteMta")] = q(value);
                }
            }
            if (recipient.contains(QStringLiteral("address")) && m_recipients.size() < 1000) {
                for (const char *key : {"action", "status", "diagnostic", "remoteMta"}) {
                    if (!recipient.contains(QLatin1String(key)))
                        recipient[QLatin1String(key)] = QString();
                }
                m_recipients.append(recipient);
            }
        }
    }

    Body walkMessage(GMimeMessagePart *part, int depth)
    {
        GMimeMessage *message = g_mime_message_part_get_message(part);
        if (!message)
            return {};
        GMimeObject *object = GMIME_OBJECT(message);
        const std::string &fallback = m_options.fallbackCharset;
        std::optional<std::string> rawFrom = rawHeader(object, "From");
        const std::vector<Address> from =
            rawFrom ? parseAddressList(*rawFrom, fallback) : std::vector<Address>();
        std::optional<std::string> rawSubject = rawHeader(object, "Subject");
        const std::string subject =
            rawSubject ? decodeHeader(*rawSubject, fallback) : std::string();
        const std::string date = dateIso(rawHeader(object, "Date"));
        QJsonObject forwarded{
            {QStringLiteral("messageId"), q(firstId(rawHeader(object, "Message-ID")))},
            {QStringLiteral("from"),
             from.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(addressJson(from.front()))},
            {QStringLiteral("subject"), q(subject)},
            {QStringLiteral("date"),
             date.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(date))}};
        m_forwarded.append(forwarded);

        Body inner = walk(g_mime_message_get_mime_part(message), depth + 1);
        if (inner.text.empty() && !inner.html.empty()) {
            inner.text = htmlToText(inner.html);
            inner.textFromHtml = true;
        }
        std::string heading = "---------- Forwarded message ----------\n";
        if (!from.empty()) {
            heading += "From: " + from.front().name + (from.front().name.empty() ? "" : " ") + "<" +
                       from.front().address + ">\n";
        }
        if (!date.empty())
            heading += "Date: " + date + "\n";
        heading += "Subject: " + subject + "\n";
        if (std::optional<std::string> rawTo = rawHeader(object, "To")) {
            std::string to;
            for (const Address &a : parseAddressList(*rawTo, fallback))
                to += (to.empty() ? "" : ", ") + a.address;
            heading += "To: " + to + "\n";
        }
        Body body;
        body.text = heading + "\n" + inner.text;
        body.textFromHtml = inner.textFromHtml;
        body.html = inner.html;
        return body;
    }

    Body walkPart(GMimePart *part, bool related)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        const ContentHeader type = contentType(object);
        std::optional<std::string> rawDisposition = rawHeader(object, "Content-Disposition");
        const ContentHeader disposition =
            parseContentHeader(rawDisposition.value_or(std::string()), m_options.fallbackCharset);
        std::string fileName = disposition.param("filename");
        if (fileName.empty())
            fileName = type.param("name");
        const bool textType = type.value == "text/plain" || type.value == "text/html";
        // Plain text and HTML are the body unless they are attachments: disposition attachment,
        // or a file name without an explicit "inline" (as mail clients show them).
        const bool body = textType && !related && disposition.value != "attachment" &&
                          (fileName.empty() || disposition.value == "inline");
        const std::string bytes = contentBytes(part);
        if (body) {
            Body result;
            std::string declared = type.param("charset");
            if (type.value == "text/html") {
                if (declared.empty())
                    declared = declaredHtmlCharset(bytes);
                const std::string html = textOf(bytes, declared);
                result.html = sanitizeHtml(html);
                result.text = htmlToText(html);
                result.textFromHtml = true;
                if (!spend(result.html.size() + result.text.size())) {
                    result.html.clear();
                    result.text.clear();
                }
            } else {
                result.text = textOf(bytes, declared);
            }
            return result;
        }
        saveAttachment(object, type, disposition, fileName, bytes, related);
        return {};
    }

    void saveAttachment(GMimeObject *object, const ContentHeader &type,
                        const ContentHeader &disposition, const std::string &fileName,
                        const std::string &bytes, bool related)
    {
        const int index = int(m_attachments.size());
        QJsonObject json;
        json[QStringLiteral("index")] = index;
        json[QStringLiteral("name")] = q(fileName);
        json[QStringLiteral("contentType")] = q(type.value);
        std::optional<std::string> rawId = rawHeader(object, "Content-ID");
        std::string contentId = firstId(rawId);
        if (contentId.empty() && rawId)
            contentId = decodeHeader(*rawId, {});
        json[QStringLiteral("contentId")] = q(contentId);
        std::string dispositionValue = disposition.value;
        if (dispositionValue != "inline" && dispositionValue != "attachment")
            dispositionValue = related ? "inline" : "attachment";
        json[QStringLiteral("disposition")] = q(dispositionValue);
        json[QStringLiteral("size")] = qint64(bytes.size());
        gchar *sha = g_compute_checksum_for_data(
            G_CHECKSUM_SHA256, reinterpret_cast<const guchar *>(bytes.data()), bytes.size());
        json[QStringLiteral("sha256")] = QString::fromLatin1(sha);
        g_free(sha);
        QJsonValue file(QJsonValue::Null);
        if (!m_options.outputDirectory.empty() && spend(bytes.size())) {
            const std::string name = std::to_string(index);
            const std::string path = m_options.outputDirectory + "/" + name;
            if (std::FILE *f = std::fopen(path.c_str(), "wbx")) {
                const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
                if (std::fclose(f) == 0 && written)
                    file = q(name);
                else
                    warn(QStringLiteral("could not write an attachment"));
            } else {
                warn(QStringLiteral("could not write an attachment"));
            }
        }
        json[QStringLiteral("file")] = file;
        m_attachments.append(json);
    }

    const Options &m_options;
    int m_parts = 0;
    std::uint64_t m_output = 0;
    bool m_truncated = false;
    QJsonArray m_warnings;
    QJsonArray m_attachments;
    QJsonArray m_forwarded;
    QJsonArray m_recipients;
    std::optional<QJsonObject> m_report;
};

// Multiparts declared in the message, counted cheaply before GMime builds its tree: GMime's
// parser recurses once per nesting level.
size_t countMultiparts(std::string_view raw)
{
    size_t count = 0;
    for (size_t i = 0; i + 10 <= raw.size(); ++i) {
        if ((raw[i] == 'm' || raw[i] == 'M') &&
            g_ascii_strncasecmp(raw.data() + i, "multipart/", 10) == 0)
            ++count;
    }
    return count;
}

bool containsNoCase(std::string_view haystack, std::string_view needle)
{
    for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (g_ascii_strncasecmp(haystack.data() + i, needle.data(), needle.size()) == 0)
            return true;
    }
    return false;
}

} // namespace

std::string parseToJson(std::string_view original, const Options &options)
{
    // NUL bytes have no place in mail (RFC 5322) unless a part is sent as binary; GMime keeps
    // header values and prologues as C strings and would cut them at the first NUL.
    std::string_view raw = original;
    std::string withoutNul;
    if (raw.find('\0') != std::string_view::npos && !containsNoCase(raw, "binary")) {
        withoutNul.reserve(raw.size());
        for (char c : raw) {
            if (c != '\0')
                withoutNul.push_back(c);
        }
        raw = withoutNul;
    }
    Walker walker(options);
    QJsonObject json;
    std::string_view input = raw;
    std::string_view bodyText = raw;
    const bool tooManyParts = countMultiparts(raw) > size_t(options.maxParts);
    if (tooManyParts) {
        // Only the header block goes to GMime; the body is kept as text.
        const size_t end = std::min(raw.find("\n\n"), raw.find("\r\n\r\n"));
        input = raw.substr(0, end == std::string_view::npos ? raw.size() : end);
        bodyText = raw.substr(input.size());
    }
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(input.data(), input.size()));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GMimeParserOptions *parserOptions = g_mime_parser_options_new();
    g_mime_parser_options_set_rfc2047_compliance_mode(parserOptions, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(parserOptions, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(parserOptions, GMIME_RFC_COMPLIANCE_LOOSE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parserOptions));
    g_mime_parser_options_free(parserOptions);
    if (!message) {
        json = walker.rawTextJson(raw, "not a message GMime could read; kept as text");
    } else if (tooManyParts) {
        json = walker.rawTextJson(bodyText, "too many multiparts; the body kept as text");
        Walker headers(options);
        QJsonObject fromHeaders = headers.messageJson(message.get(), {});
        for (const char *key :
             {"messageId", "inReplyTo", "references", "from", "to", "cc", "replyTo", "subject",
              "date", "autoSubmitted", "precedence", "returnPath"})
            json[QLatin1String(key)] = fromHeaders[QLatin1String(key)];
    } else {
        json = walker.messageJson(message.get(), raw);
    }
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return std::string(bytes.constData(), size_t(bytes.size()));
}

} // namespace Pult::MailParse
