#include "jsonwriter.h"

#include <charconv>
#include <cmath>

namespace Pult {
namespace {

// Length of the well-formed UTF-8 sequence that starts at text[i], or 0 if there is none:
// overlong forms, surrogates and code points above U+10FFFF are rejected (RFC 3629).
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t codePoint = 0;
    char32_t smallest = 0;
    if (lead < 0x80) {
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1F;
        smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0F;
        smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07;
        smallest = 0x10000;
    } else {
        return 0;
    }
    if (text.size() - i < length)
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto continuation = static_cast<unsigned char>(text[i + k]);
        if ((continuation & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (continuation & 0x3F);
    }
    if (codePoint < smallest || codePoint > 0x10FFFF ||
        (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

void appendJsonString(std::string &out, std::string_view text)
{
    static constexpr char hexDigits[] = "0123456789abcdef";
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8SequenceLength(text, i);
            if (length == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hexDigits[c >> 4];
                out += hexDigits[c & 0x0F];
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
}

void JsonObjectWriter::appendKey(std::string_view key)
{
    m_json += m_json.empty() ? '{' : ',';
    appendJsonString(m_json, key);
    m_json += ':';
}

JsonObjectWriter &JsonObjectWriter::addString(std::string_view key, std::string_view value)
{
    appendKey(key);
    appendJsonString(m_json, value);
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addInteger(std::string_view key, std::int64_t value)
{
    appendKey(key);
    m_json += std::to_string(value);
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addDecimal(std::string_view key, double value, int decimals)
{
    appendKey(key);
    if (!std::isfinite(value)) {
        m_json += "null";
        return *this;
    }
    char buffer[64];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (error == std::errc())
        m_json.append(buffer, end);
    else
        m_json += "null"; // too large for the buffer; no duration or count comes close
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addNull(std::string_view key)
{
    appendKey(key);
    m_json += "null";
    return *this;
}

JsonObjectWriter &JsonObjectWriter::addJson(std::string_view key, std::string_view json)
{
    appendKey(key);
    m_json += json;
    return *this;
}

std::string JsonObjectWriter::finish()
{
    std::string json = m_json.empty() ? std::string("{") : std::move(m_json);
    json += '}';
    m_json.clear();
    return json;
}

std::string jsonError(std::string_view code, std::string_view message)
{
    return JsonObjectWriter()
        .addJson("error",
                 JsonObjectWriter().addString("code", code).addString("message", message).finish())
        .finish();
}

} // namespace Pult
