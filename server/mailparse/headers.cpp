#include "headers.h"

#include "charset.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace Pult::MailParse {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Lenient base64: characters outside the alphabet are skipped, '=' ends the data.
std::string decodeBase64(std::string_view in)
{
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (char c : in) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+')
            v = 62;
        else if (c == '/')
            v = 63;
        else if (c == '=')
            break;
        else
            continue;
        bits = (bits << 6) | unsigned(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out.push_back(char((bits >> count) & 0xFF));
        }
    }
    return out;
}

std::string decodeQ(std::string_view in)
{
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '_') {
            out.push_back(' ');
        } else if (in[i] == '=' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 &&
                   hexValue(in[i + 2]) >= 0) {
            out.push_back(char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2])));
            i += 2;
        } else {
            out.push_back(in[i]);
        }
    }
    return out;
}

struct EncodedWord
{
    size_t begin = 0;
    size_t end = 0; // one past "?="
    std::string charset;
    std::string bytes;
};

// An encoded-word starting at `pos` ("=?charset?B?text?="), or nothing.
std::optional<EncodedWord> encodedWordAt(std::string_view s, size_t pos)
{
    if (s.substr(pos, 2) != "=?")
        return std::nullopt;
    const size_t q1 = s.find('?', pos + 2);
    if (q1 == std::string_view::npos || q1 == pos + 2 || q1 - pos > 80)
        return std::nullopt;
    if (q1 + 2 >= s.size() || s[q1 + 2] != '?')
        return std::nullopt;
    const char encoding = char(std::toupper(static_cast<unsigned char>(s[q1 + 1])));
    if (encoding != 'B' && encoding != 'Q')
        return std::nullopt;
    const size_t textBegin = q1 + 3;
    const size_t close = s.find("?=", textBegin);
    if (close == std::string_view::npos)
        return std::nullopt;
    const std::string_view text = s.substr(textBegin, close - textBegin);
    if (std::any_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; }))
        return std::nullopt;
    std::string_view charset = s.substr(pos + 2, q1 - pos - 2);
    if (std::any_of(charset.begin(), charset.end(), [](char c) { return isSpace(c); }))
        return std::nullopt;
    if (const size_t star = charset.find('*'); star != std::string_view::npos)
        charset = charset.substr(0, star); // RFC 2231 language suffix
    EncodedWord word;
    word.begin = pos;
    word.end = close + 2;
    word.charset = lower(charset);
    word.bytes = encoding == 'B' ? decodeBase64(text) : decodeQ(text);
    return word;
}

std::string unquote(std::string_view s)
{
    s = trimmed(s);
    if (s.size() < 2 || s.front() != '"' || s.back() != '"')
        return std::string(s);
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == '\\' && i + 2 < s.size())
            ++i;
        out.push_back(s[i]);
    }
    return out;
}

std::string withoutComments(std::string_view s, std::string *comment = nullptr)
{
    std::string out;
    int depth = 0;
    bool quoted = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            out.push_back(c);
            if (c == '\\' && i + 1 < s.size())
                out.push_back(s[++i]);
            else if (c == '"')
                quoted = false;
        } else if (depth > 0) {
            if (c == '(')
                ++depth;
            else if (c == ')')
                --depth;
            else if (comment && depth > 0)
                comment->push_back(c);
        } else if (c == '(') {
            depth = 1;
        } else {
            if (c == '"')
                quoted = true;
            out.push_back(c);
        }
    }
    return out;
}

std::string percentDecode(std::string_view in)
{
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 &&
            hexValue(in[i + 2]) >= 0) {
            out.push_back(char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2])));
            i += 2;
        } else {
            out.push_back(in[i]);
        }
    }
    return out;
}

} // namespace

std::string unfold(std::string_view raw)
{
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r' || c == '\n') {
            // Folding: the line break goes, the white space after it stays.
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7F)
            continue;
        out.push_back(c == '\t' ? ' ' : c);
    }
    return out;
}

std::string decodeHeader(std::string_view raw, std::string_view fallback)
{
    const std::string s = unfold(raw);
    std::string out;
    std::string pendingBytes;
    std::string pendingCharset;
    bool havePending = false;
    const auto flush = [&] {
        if (havePending)
            out += decodeText(pendingBytes, pendingCharset, fallback);
        pendingBytes.clear();
        pendingCharset.clear();
        havePending = false;
    };
    const auto appendRaw = [&](std::string_view text) {
        if (!text.empty())
            out += decodeText(text, {}, fallback);
    };
    size_t rawStart = 0;
    size_t pos = 0;
    while ((pos = s.find("=?", pos)) != std::string::npos) {
        std::optional<EncodedWord> word = encodedWordAt(s, pos);
        if (!word) {
            pos += 2;
            continue;
        }
        const std::string_view between = std::string_view(s).substr(rawStart, pos - rawStart);
        if (havePending && trimmed(between).empty()) {
            // White space between encoded-words is not part of the text (RFC 2047 6.2).
        } else {
            flush();
            appendRaw(between);
        }
        if (havePending && pendingCharset == word->charset) {
            pendingBytes += word->bytes;
        } else {
            flush();
            pendingCharset = word->charset;
            pendingBytes = word->bytes;
            havePending = true;
        }
        pos = word->end;
        rawStart = pos;
    }
    flush();
    appendRaw(std::string_view(s).substr(rawStart));
    return std::string(trimmed(withoutControls(out)));
}

std::vector<Address> parseAddressList(std::string_view rawValue, std::string_view fallback)
{
    const std::string raw = unfold(rawValue);
    // Split at commas and semicolons outside quotes, comments and angle brackets; a group's
    // "name:" is dropped.
    std::vector<std::string> items;
    std::string current;
    bool quoted = false;
    int comment = 0;
    bool angle = false;
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (quoted) {
            current.push_back(c);
            if (c == '\\' && i + 1 < raw.size())
                current.push_back(raw[++i]);
            else if (c == '"')
                quoted = false;
            continue;
        }
        if (comment > 0) {
            current.push_back(c);
            if (c == '(')
                ++comment;
            else if (c == ')')
                --comment;
            continue;
        }
        if (c == '"') {
            quoted = true;
        } else if (c == '(') {
            comment = 1;
        } else if (c == '<') {
            angle = true;
        } else if (c == '>') {
            angle = false;
        } else if (!angle && (c == ',' || c == ';')) {
            items.push_back(std::move(current));
            current.clear();
            continue;
        } else if (!angle && c == ':') {
            current.clear(); // group name
            continue;
        }
        current.push_back(c);
    }
    items.push_back(std::move(current));

    std::vector<Address> out;
    for (const std::string &item : items) {
        Address a;
        std::string comment;
        const std::string plain = withoutComments(item, &comment);
        const size_t lt = plain.find('<');
        if (lt != std::string::npos) {
            const size_t gt = plain.find('>', lt);
            std::string_view spec = std::string_view(plain).substr(
                lt + 1, gt == std::string::npos ? std::string::npos : gt - lt - 1);
            if (const size_t colon = spec.rfind(':'); colon != std::string_view::npos)
                spec = spec.substr(colon + 1); // source route
            a.address = decodeHeader(spec, fallback);
            a.name = decodeHeader(unquote(std::string_view(plain).substr(0, lt)), fallback);
        } else {
            a.address = decodeHeader(unquote(plain), fallback);
        }
        if (a.name.empty() && !comment.empty())
            a.name = decodeHeader(comment, fallback);
        a.address.erase(
            std::remove_if(a.address.begin(), a.address.end(), [](char c) { return isSpace(c); }),
            a.address.end());
        if (!a.address.empty() && a.address.find('@') == std::string::npos && a.name.empty() &&
            lt == std::string::npos) {
            // A word without "@" and without brackets is a name, not an address.
            a.name = a.address;
            a.address.clear();
        }
        if (!a.address.empty() || !a.name.empty())
            out.push_back(std::move(a));
    }
    return out;
}

std::vector<std::string> parseMessageIds(std::string_view rawValue)
{
    const std::string raw = unfold(rawValue);
    std::vector<std::string> out;
    size_t pos = 0;
    while ((pos = raw.find('<', pos)) != std::string::npos) {
        const size_t end = raw.find('>', pos + 1);
        if (end == std::string::npos)
            break;
        std::string id;
        for (char c : std::string_view(raw).substr(pos + 1, end - pos - 1)) {
            if (!isSpace(c) && static_cast<unsigned char>(c) < 0x80)
                id.push_back(c);
        }
        if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(std::move(id));
        pos = end + 1;
    }
    if (out.empty() && raw.find('<') == std::string::npos) {
        std::string_view word = trimmed(raw);
        word = word.substr(0, std::min(word.find(' '), word.size()));
        if (word.find('@') != std::string_view::npos &&
            std::all_of(word.begin(), word.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            out.emplace_back(word);
    }
    return out;
}

std::string ContentHeader::param(const std::string &name) const
{
    const auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

ContentHeader parseContentHeader(std::string_view rawValue, std::string_view fallback)
{
    const std::string raw = withoutComments(unfold(rawValue));
    // Split at semicolons outside quotes.
    std::vector<std::string> pieces;
    std::string current;
    bool quoted = false;
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (quoted) {
            current.push_back(c);
            if (c == '\\' && i + 1 < raw.size())
                current.push_back(raw[++i]);
            else if (c == '"')
                quoted = false;
        } else if (c == ';') {
            pieces.push_back(std::move(current));
            current.clear();
        } else {
            if (c == '"')
                quoted = true;
            current.push_back(c);
        }
    }
    pieces.push_back(std::move(current));

    ContentHeader header;
    std::string value(trimmed(pieces.front()));
    value.erase(std::remove_if(value.begin(), value.end(), [](char c) { return isSpace(c); }),
                value.end());
    header.value = lower(value);

    struct Segment
    {
        bool encoded = false;
        std::string value;
    };
    std::map<std::string, std::map<int, Segment>> extended; // RFC 2231
    for (size_t i = 1; i < pieces.size(); ++i) {
        const std::string_view piece = trimmed(pieces[i]);
        const size_t eq = piece.find('=');
        if (eq == std::string_view::npos)
            continue;
        std::string name = lower(trimmed(piece.substr(0, eq)));
        const std::string_view rawParamValue = trimmed(piece.substr(eq + 1));
        if (name.empty())
            continue;
        const size_t star = name.find('*');
        if (star == std::string::npos) {
            header.params[name] = decodeHeader(unquote(rawParamValue), fallback);
            continue;
        }
        const std::string base = name.substr(0, star);
        std::string_view rest = std::string_view(name).substr(star + 1);
        Segment segment;
        if (!rest.empty() && rest.back() == '*') {
            segment.encoded = true;
            rest.remove_suffix(1);
        } else if (rest.empty()) {
            segment.encoded = true; // "name*=": one encoded segment
        }
        int index = 0;
        if (!rest.empty()) {
            if (rest.size() > 4 ||
                !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
                continue;
            index = std::stoi(std::string(rest));
        }
        segment.value = unquote(rawParamValue);
        extended[base][index] = std::move(segment);
    }
    for (auto &[base, segments] : extended) {
        std::string charset;
        std::string bytes;
        bool first = true;
        for (auto &[index, segment] : segments) {
            std::string_view v = segment.value;
            if (first && segment.encoded) {
                // charset'language'value
                const size_t q1 = v.find('\'');
                const size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
                if (q2 != std::string_view::npos) {
                    charset = lower(v.substr(0, q1));
                    v = v.substr(q2 + 1);
                }
            }
            first = false;
            bytes += segment.encoded ? percentDecode(v) : std::string(v);
        }
        header.params[base] =
            std::string(trimmed(withoutControls(decodeText(bytes, charset, fallback))));
    }
    return header;
}

} // namespace Pult::MailParse
