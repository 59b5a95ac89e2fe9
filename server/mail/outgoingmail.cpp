#include "mail/outgoingmail.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace Pult::Mail {

namespace {

constexpr std::size_t kMaxLine = 76;
constexpr char kHex[] = "0123456789ABCDEF";
constexpr char kLowerHex[] = "0123456789abcdef";

bool isAtext(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr;
}

bool isDotAtom(std::string_view text)
{
    if (text.empty() || text.front() == '.' || text.back() == '.')
        return false;
    char previous = 0;
    for (const char c : text) {
        if (c == '.' ? previous == '.' : !isAtext(static_cast<unsigned char>(c)))
            return false;
        previous = c;
    }
    return true;
}

bool isHostName(std::string_view host)
{
    if (host.empty() || host.size() > 253)
        return false;
    std::size_t label = 0;
    char previous = '.';
    for (const char c : host) {
        if (c == '.') {
            if (label == 0 || previous == '-')
                return false;
            label = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   (c == '-' && label > 0)) {
            if (++label > 63)
                return false;
        } else {
            return false;
        }
        previous = c;
    }
    return label > 0 && previous != '-';
}

bool isDomain(std::string_view domain)
{
    if (domain.size() > 2 && domain.front() == '[' && domain.back() == ']') {
        const std::string_view inner = domain.substr(1, domain.size() - 2);
        return std::all_of(inner.begin(), inner.end(), [](char c) {
            return c > 32 && c < 127 && c != '[' && c != ']' && c != '\\';
        });
    }
    return isHostName(domain);
}

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) ||
            (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

// The length of the UTF-8 sequence starting with `c` (1 for anything else).
std::size_t sequenceLength(unsigned char c)
{
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 1;
}

bool hasControl(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 32 || u == 127;
    });
}

// Free text for a header: controls (CR and LF included) become spaces.
std::string flattenText(std::string_view text)
{
    std::string result(text);
    for (char &c : result) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 32 || u == 127)
            c = ' ';
    }
    return result;
}

bool isAsciiPrintable(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 32 && u < 127;
    });
}

// A header being written, folded before a token when the line would pass 76 characters.
class HeaderWriter
{
public:
    HeaderWriter(std::string &out, std::string_view name)
        : m_out(out)
    {
        m_out += name;
        m_out += ':';
        m_column = name.size() + 1;
        m_start = m_column;
    }
    void token(std::string_view text)
    {
        if (m_column > m_start && m_column + 1 + text.size() > kMaxLine) {
            m_out += "\r\n ";
            m_column = 1;
        } else {
            m_out += ' ';
            ++m_column;
        }
        m_out += text;
        m_column += text.size();
    }
    void end() { m_out += "\r\n"; }

private:
    std::string &m_out;
    std::size_t m_column = 0;
    std::size_t m_start = 0;
};

std::vector<std::string> splitWords(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (true) {
        const std::size_t space = text.find(' ', start);
        words.emplace_back(text.substr(start, space - start));
        if (space == std::string_view::npos)
            break;
        start = space + 1;
    }
    return words;
}

// Free text as header tokens: as it is when plain ASCII, else encoded-words.
std::vector<std::string> textTokens(std::string_view text, bool phrase)
{
    const bool plain = isAsciiPrintable(text) && text.find("=?") == std::string_view::npos &&
                       std::all_of(text.begin(), text.end(), [&](char c) {
                           return !phrase || c == ' ' || isAtext(static_cast<unsigned char>(c));
                       });
    std::vector<std::string> words = splitWords(text);
    const bool shortWords = std::all_of(words.begin(), words.end(),
                                        [](const std::string &w) { return w.size() <= 70; });
    if (plain && shortWords)
        return words;
    if (phrase && isAsciiPrintable(text) && text.find("=?") == std::string_view::npos &&
        text.size() <= 60) {
        std::string quoted = "\"";
        for (const char c : text) {
            if (c == '"' || c == '\\')
                quoted += '\\';
            quoted += c;
        }
        quoted += '"';
        return {quoted};
    }
    return splitWords(encodeWords(text));
}

std::string addressError(std::string_view field, const MailAddress &address)
{
    if (!isValidUtf8(address.name))
        return std::string(field) + ": the name is not valid UTF-8";
    if (hasControl(address.address))
        return std::string(field) + ": the address contains a line break or control character";
    if (!isValidMailAddress(address.address))
        return std::string(field) + ": not a valid address: " + address.address;
    return {};
}

void writeAddressHeader(std::string &out, std::string_view name,
                        const std::vector<MailAddress> &addresses)
{
    HeaderWriter header(out, name);
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        const std::string displayName = flattenText(addresses[i].name);
        std::string trimmed = displayName;
        trimmed.erase(0, trimmed.find_first_not_of(' '));
        trimmed.erase(trimmed.find_last_not_of(' ') + 1);
        if (!trimmed.empty())
            for (const std::string &token : textTokens(trimmed, true))
                header.token(token);
        std::string address = (trimmed.empty() ? "" : "<") + addresses[i].address;
        if (!trimmed.empty())
            address += '>';
        if (i + 1 < addresses.size())
            address += ',';
        header.token(address);
    }
    header.end();
}

// "<left@right>" from a Message-ID with or without its brackets; empty when it is not one.
std::string normalisedMessageId(std::string_view id)
{
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>')
        id = id.substr(1, id.size() - 2);
    const std::size_t at = id.rfind('@');
    if (at == std::string_view::npos || !isDotAtom(id.substr(0, at)) ||
        !(isDotAtom(id.substr(at + 1)) || isDomain(id.substr(at + 1))))
        return {};
    return "<" + std::string(id) + ">";
}

bool isToken(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return c > 32 && c < 127 && std::strchr("()<>@,;:\\\"/[]?=", c) == nullptr;
    });
}

bool isContentType(std::string_view type)
{
    const std::size_t slash = type.find('/');
    return slash != std::string_view::npos && isToken(type.substr(0, slash)) &&
           isToken(type.substr(slash + 1));
}

bool isAttrChar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::strchr("!#$&+-.^_`|~", c) != nullptr;
}

// ";\r\n name=..." lines: a quoted string when short plain ASCII, else RFC 2231 (UTF-8,
// percent-encoded, split into continuations that keep each line within 76 characters).
void writeParameter(std::string &out, std::string_view name, std::string_view value)
{
    if (isAsciiPrintable(value) && value.size() + name.size() + 6 <= kMaxLine) {
        out += ";\r\n ";
        out += name;
        out += "=\"";
        for (const char c : value) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
        return;
    }
    std::vector<std::string> pieces; // never splitting %XX
    std::string current = "utf-8''";
    const std::size_t room = kMaxLine - name.size() - 10; // " name*12*=" and ';'
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        std::string piece =
            isAttrChar(c) ? std::string(1, ch) : std::string{'%', kHex[c >> 4], kHex[c & 15]};
        if (current.size() + piece.size() > room) {
            pieces.push_back(current);
            current.clear();
        }
        current += piece;
    }
    pieces.push_back(current);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        out += ";\r\n ";
        out += name;
        if (pieces.size() > 1)
            out += '*' + std::to_string(i);
        out += "*=";
        out += pieces[i];
    }
}

void writeBase64File(std::ifstream &file, std::ostream &out)
{
    constexpr std::size_t kLine = 57; // 76 base64 characters
    std::vector<char> chunk(kLine * 1024);
    std::array<unsigned char, 80> encoded{};
    std::string lines;
    while (file) {
        file.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(file.gcount());
        lines.clear();
        for (std::size_t offset = 0; offset < got; offset += kLine) {
            const std::size_t n = std::min(kLine, got - offset);
            const int length = EVP_EncodeBlock(
                encoded.data(), reinterpret_cast<const unsigned char *>(chunk.data() + offset),
                static_cast<int>(n));
            lines.append(reinterpret_cast<const char *>(encoded.data()),
                         static_cast<std::size_t>(length));
            lines += "\r\n";
        }
        out << lines;
    }
}

std::string hex(const unsigned char *data, std::size_t length)
{
    std::string result;
    for (std::size_t i = 0; i < length; ++i) {
        result += kLowerHex[data[i] >> 4];
        result += kLowerHex[data[i] & 15];
    }
    return result;
}

bool isLowerHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A UUID in lowercase; empty when `text` is not 8-4-4-4-12 hex digits.
std::string canonicalUuid(std::string_view text)
{
    if (text.size() != 36)
        return {};
    std::string result;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !isLowerHex(std::string_view(&c, 1)))
            return {};
        result += c;
    }
    return result;
}

std::string signature(std::string_view signedPart, std::string_view key)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char *>(signedPart.data()), signedPart.size(), mac.data(),
         &length);
    return hex(mac.data(), 16);
}

constexpr std::size_t kMinKeyLength = 16;
constexpr std::string_view kTicketPrefix = "ticket-";

void writeTextPart(std::ostream &out, std::string_view type, std::string_view text)
{
    out << "Content-Type: " << type << "; charset=utf-8\r\n"
        << "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        << encodeQuotedPrintable(text);
}

void writeBodyPart(std::ostream &out, const OutgoingMail &mail)
{
    if (mail.htmlBody.empty()) {
        writeTextPart(out, "text/plain", mail.textBody);
        return;
    }
    const std::string boundary = makeBoundary();
    out << "Content-Type: multipart/alternative;\r\n boundary=\"" << boundary << "\"\r\n\r\n";
    out << "--" << boundary << "\r\n";
    writeTextPart(out, "text/plain", mail.textBody);
    out << "\r\n--" << boundary << "\r\n";
    writeTextPart(out, "text/html", mail.htmlBody);
    out << "\r\n--" << boundary << "--";
}

} // namespace

bool isValidMailAddress(std::string_view address)
{
    if (address.size() > 254)
        return false;
    const std::size_t at = address.rfind('@');
    if (at == std::string_view::npos || at > 64)
        return false;
    return isDotAtom(address.substr(0, at)) && isDomain(address.substr(at + 1));
}

std::string encodeWords(std::string_view text)
{
    constexpr std::string_view kOpen = "=?UTF-8?Q?";
    // Words of at most 57 characters: after "Subject: " or any header name up to 17
    // characters the first line stays within 76 (RFC 2047 allows 75 per word).
    constexpr std::size_t kPayload = 45;
    std::string result;
    std::string word;
    std::size_t i = 0;
    const auto flush = [&] {
        if (word.empty())
            return;
        if (!result.empty())
            result += ' ';
        result += kOpen;
        result += word;
        result += "?=";
        word.clear();
    };
    while (i < text.size()) {
        const std::size_t length =
            std::min(sequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
        std::string encoded;
        for (std::size_t k = 0; k < length; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::strchr("!*+-/", c) != nullptr)
                encoded += static_cast<char>(c);
            else if (c == ' ')
                encoded += '_';
            else
                encoded += {'=', kHex[c >> 4], kHex[c & 15]};
        }
        if (word.size() + encoded.size() > kPayload)
            flush();
        word += encoded;
        i += length;
    }
    flush();
    return result;
}

std::string encodeQuotedPrintable(std::string_view text)
{
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        std::size_t column = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            const bool last = i + 1 == line.size();
            std::string piece;
            if ((c == ' ' || c == '\t') && !last)
                piece = std::string(1, static_cast<char>(c));
            else if (c > 32 && c < 127 && c != '=' &&
                     !(c == 'F' && column == 0 && line.substr(i, 5) == "From "))
                piece = std::string(1, static_cast<char>(c));
            else
                piece = {'=', kHex[c >> 4], kHex[c & 15]};
            // At most 76 per line: 75 plus the '=' of a soft line break.
            if (column + piece.size() > kMaxLine - 1) {
                out += "=\r\n";
                column = 0;
                if (piece == "F" && line.substr(i, 5) == "From ")
                    piece = "=46";
            }
            out += piece;
            column += piece.size();
        }
        out += "\r\n";
        if (end == text.size())
            break;
        start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
    }
    return out;
}

std::string formatMailDate(std::chrono::system_clock::time_point time)
{
    static constexpr const char *kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                  tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return buffer;
}

std::string makeBoundary()
{
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        std::abort(); // the OS random generator failed: nothing sensible can go on
    return "=_pult_" + hex(bytes.data(), bytes.size());
}

std::string writeMail(const OutgoingMail &mail, std::ostream &out)
{
    // Everything is checked before the first byte is written.
    if (std::string error = addressError("from", mail.from); !error.empty())
        return error;
    if (mail.to.empty())
        return "to: no recipient";
    const auto checkList = [](std::string_view field, const std::vector<MailAddress> &list) {
        for (std::size_t i = 0; i < list.size(); ++i)
            if (std::string error =
                    addressError(std::string(field) + "[" + std::to_string(i) + "]", list[i]);
                !error.empty())
                return error;
        return std::string();
    };
    for (const auto &[field, list] : {std::pair{"to", &mail.to}, std::pair{"cc", &mail.cc},
                                      std::pair{"reply-to", &mail.replyTo}})
        if (std::string error = checkList(field, *list); !error.empty())
            return error;
    if (!isValidUtf8(mail.subject))
        return "subject: not valid UTF-8";
    if (!isValidUtf8(mail.textBody))
        return "text body: not valid UTF-8";
    if (!isValidUtf8(mail.htmlBody))
        return "html body: not valid UTF-8";
    const std::string messageId = normalisedMessageId(mail.messageId);
    if (messageId.empty())
        return "message-id: not a Message-ID (<left@right>): " + flattenText(mail.messageId);
    std::string inReplyTo;
    if (!mail.inReplyTo.empty()) {
        inReplyTo = normalisedMessageId(mail.inReplyTo);
        if (inReplyTo.empty())
            return "in-reply-to: not a Message-ID: " + flattenText(mail.inReplyTo);
    }
    std::vector<std::string> references;
    for (const std::string &reference : mail.references) {
        references.push_back(normalisedMessageId(reference));
        if (references.back().empty())
            return "references: not a Message-ID: " + flattenText(reference);
    }
    if (!mail.autoSubmitted.empty() && !isToken(mail.autoSubmitted))
        return "auto-submitted: not a single word: " + flattenText(mail.autoSubmitted);
    if (!mail.loopId.empty() && !std::all_of(mail.loopId.begin(), mail.loopId.end(),
                                             [](char c) { return c > 32 && c < 127; }))
        return "loop id: only visible ASCII characters are allowed";
    if (mail.loopId.size() > 200)
        return "loop id: longer than 200 characters";

    struct Attachment
    {
        std::string path;
        std::string fileName;
        std::string contentType;
    };
    std::vector<Attachment> attachments;
    for (const MailAttachment &attachment : mail.attachments) {
        std::string fileName = attachment.fileName.empty()
                                   ? std::filesystem::path(attachment.path).filename().string()
                                   : attachment.fileName;
        if (hasControl(fileName) || !isValidUtf8(fileName) || fileName.empty())
            return "attachment " + flattenText(attachment.path) +
                   ": the file name is empty, not UTF-8 or contains a control character";
        std::replace(fileName.begin(), fileName.end(), '/', '_');
        std::replace(fileName.begin(), fileName.end(), '\\', '_');
        std::string type = attachment.contentType;
        std::transform(type.begin(), type.end(), type.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!isContentType(type))
            return "attachment " + flattenText(attachment.path) +
                   ": not a content type: " + flattenText(attachment.contentType);
        if (!std::ifstream(attachment.path, std::ios::binary))
            return "attachment " + attachment.path + ": cannot open: " + std::strerror(errno);
        attachments.push_back({attachment.path, fileName, type});
    }

    std::string headers;
    headers += "Date: " + formatMailDate(mail.date) + "\r\n";
    writeAddressHeader(headers, "From", {mail.from});
    writeAddressHeader(headers, "To", mail.to);
    if (!mail.cc.empty())
        writeAddressHeader(headers, "Cc", mail.cc);
    if (!mail.replyTo.empty())
        writeAddressHeader(headers, "Reply-To", mail.replyTo);
    {
        HeaderWriter subject(headers, "Subject");
        const std::string text = flattenText(mail.subject);
        if (!text.empty())
            for (const std::string &token : textTokens(text, false))
                subject.token(token);
        subject.end();
    }
    headers += "Message-ID: " + messageId + "\r\n";
    if (!inReplyTo.empty())
        headers += "In-Reply-To: " + inReplyTo + "\r\n";
    if (!references.empty()) {
        HeaderWriter header(headers, "References");
        for (const std::string &reference : references)
            header.token(reference);
        header.end();
    }
    if (!mail.autoSubmitted.empty())
        headers += "Auto-Submitted: " + mail.autoSubmitted + "\r\n";
    if (!mail.loopId.empty())
        headers += "X-Pult-Loop: " + mail.loopId + "\r\n";
    headers += "MIME-Version: 1.0\r\n";
    out << headers;

    if (attachments.empty()) {
        writeBodyPart(out, mail);
    } else {
        const std::string boundary = makeBoundary();
        out << "Content-Type: multipart/mixed;\r\n boundary=\"" << boundary << "\"\r\n\r\n";
        out << "--" << boundary << "\r\n";
        writeBodyPart(out, mail);
        for (const Attachment &attachment : attachments) {
            out << "\r\n--" << boundary << "\r\n";
            std::string partHeaders = "Content-Type: " + attachment.contentType;
            writeParameter(partHeaders, "name", attachment.fileName);
            partHeaders += "\r\nContent-Disposition: attachment";
            writeParameter(partHeaders, "filename", attachment.fileName);
            partHeaders += "\r\nContent-Transfer-Encoding: base64\r\n\r\n";
            out << partHeaders;
            std::ifstream file(attachment.path, std::ios::binary);
            if (!file)
                return "attachment " + attachment.path + ": cannot open: " + std::strerror(errno);
            writeBase64File(file, out);
            if (file.bad())
                return "attachment " + attachment.path + ": read error";
        }
        out << "\r\n--" << boundary << "--\r\n";
    }
    if (!out)
        return "cannot write the message";
    return {};
}

std::optional<std::string> composeMail(const OutgoingMail &mail, std::string &error)
{
    std::ostringstream out;
    error = writeMail(mail, out);
    if (!error.empty())
        return std::nullopt;
    return std::move(out).str();
}

std::optional<std::string> makeSignedMessageId(std::string_view ticketId, std::string_view domain,
                                               std::string_view key)
{
    const std::string uuid = canonicalUuid(ticketId);
    if (uuid.empty() || !isHostName(domain) || key.size() < kMinKeyLength)
        return std::nullopt;
    std::array<unsigned char, 12> nonce{};
    if (RAND_bytes(nonce.data(), static_cast<int>(nonce.size())) != 1)
        return std::nullopt;
    const std::string signedPart =
        std::string(kTicketPrefix) + uuid + "." + hex(nonce.data(), nonce.size());
    return "<" + signedPart + "." + signature(signedPart, key) + "@" + std::string(domain) + ">";
}

std::optional<std::string> verifySignedMessageId(std::string_view messageId, std::string_view key)
{
    if (key.size() < kMinKeyLength)
        return std::nullopt;
    while (!messageId.empty() && (messageId.front() == ' ' || messageId.front() == '\t'))
        messageId.remove_prefix(1);
    while (!messageId.empty() && (messageId.back() == ' ' || messageId.back() == '\t'))
        messageId.remove_suffix(1);
    if (messageId.size() >= 2 && messageId.front() == '<' && messageId.back() == '>')
        messageId = messageId.substr(1, messageId.size() - 2);
    const std::size_t at = messageId.find('@');
    // ticket- UUID(36) . NONCE(24) . SIGNATURE(32)
    constexpr std::size_t kLength = 7 + 36 + 1 + 24 + 1 + 32;
    if (at != kLength)
        return std::nullopt;
    std::string left(messageId.substr(0, at));
    std::transform(left.begin(), left.end(), left.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!left.starts_with(kTicketPrefix) || left[43] != '.' || left[68] != '.')
        return std::nullopt;
    const std::string uuid = canonicalUuid(std::string_view(left).substr(7, 36));
    const std::string_view nonce = std::string_view(left).substr(44, 24);
    const std::string_view given = std::string_view(left).substr(69, 32);
    if (uuid.empty() || !isLowerHex(nonce) || !isLowerHex(given))
        return std::nullopt;
    const std::string expected = signature(std::string_view(left).substr(0, 68), key);
    if (CRYPTO_memcmp(expected.data(), given.data(), expected.size()) != 0)
        return std::nullopt;
    return uuid;
}

} // namespace Pult::Mail
