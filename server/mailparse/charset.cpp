#include "charset.h"

#include <gmime/gmime.h>

#include <cerrno>
#include <iconv.h>

namespace Pult::MailParse {

namespace {

void appendLatin1(std::string &out, unsigned char c)
{
    if (c < 0x80) {
        out.push_back(char(c));
    } else {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

bool hasC1Controls(std::string_view utf8)
{
    for (size_t i = 0; i + 1 < utf8.size(); ++i) {
        if (static_cast<unsigned char>(utf8[i]) == 0xC2) {
            const auto next = static_cast<unsigned char>(utf8[i + 1]);
            if (next >= 0x80 && next <= 0x9F)
                return true;
        }
    }
    return false;
}

// Converts with iconv; in lossy mode every byte it refuses is taken as Latin-1.
std::optional<std::string> run(std::string_view bytes, std::string_view charset, bool lossy)
{
    const std::string name = iconvName(charset);
    if (name.empty())
        return std::nullopt;
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == iconv_t(-1))
        return std::nullopt;
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    char *in = const_cast<char *>(bytes.data());
    size_t inLeft = bytes.size();
    char buffer[4096];
    bool ok = true;
    while (inLeft > 0) {
        char *outPtr = buffer;
        size_t outLeft = sizeof buffer;
        const size_t r = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        out.append(buffer, size_t(outPtr - buffer));
        if (r != size_t(-1))
            continue;
        if (errno == E2BIG)
            continue;
        if (!lossy) {
            ok = false;
            break;
        }
        appendLatin1(out, static_cast<unsigned char>(*in));
        ++in;
        --inLeft;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    if (ok) {
        char *outPtr = buffer;
        size_t outLeft = sizeof buffer;
        iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
        out.append(buffer, size_t(outPtr - buffer));
    }
    iconv_close(cd);
    if (!ok)
        return std::nullopt;
    return out;
}

} // namespace

bool isValidUtf8(std::string_view bytes)
{
    if (bytes.find('\0') != std::string_view::npos)
        return false;
    return g_utf8_validate(bytes.data(), gssize(bytes.size()), nullptr);
}

std::string iconvName(std::string_view label)
{
    std::string trimmed;
    for (char c : label) {
        if (c != ' ' && c != '\t' && c != '"' && c != '\'')
            trimmed.push_back(c);
    }
    if (trimmed.empty() || trimmed.size() > 64)
        return {};
    const char *name = g_mime_charset_iconv_name(trimmed.c_str());
    return name ? std::string(name) : trimmed;
}

std::optional<std::string> convertClean(std::string_view bytes, std::string_view charset)
{
    std::optional<std::string> out = run(bytes, charset, false);
    if (!out || hasC1Controls(*out) || !isValidUtf8(*out))
        return std::nullopt;
    return out;
}

std::string convertLossy(std::string_view bytes, std::string_view charset)
{
    if (std::optional<std::string> out = run(bytes, charset, true); out && isValidUtf8(*out))
        return std::move(*out);
    std::string latin1;
    for (char c : bytes)
        appendLatin1(latin1, static_cast<unsigned char>(c));
    return latin1;
}

std::string decodeText(std::string_view bytes, std::string_view declared, std::string_view fallback)
{
    std::string clean;
    if (bytes.find('\0') != std::string_view::npos) {
        clean.reserve(bytes.size());
        for (char c : bytes) {
            if (c != '\0')
                clean.push_back(c);
        }
        bytes = clean;
    }
    if (isValidUtf8(bytes))
        return std::string(bytes);
    if (!declared.empty()) {
        if (std::optional<std::string> out = convertClean(bytes, declared))
            return std::move(*out);
    }
    if (!fallback.empty()) {
        if (std::optional<std::string> out = convertClean(bytes, fallback))
            return std::move(*out);
        return convertLossy(bytes, fallback);
    }
    return convertLossy(bytes, declared.empty() ? std::string_view("windows-1252") : declared);
}

std::string withoutControls(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
            continue;
        if (u == 0x7F)
            continue;
        out.push_back(c);
    }
    return out;
}

std::string normalizeNewlines(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

} // namespace Pult::MailParse
