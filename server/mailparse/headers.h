#pragma once

// Header values of a mail, decoded by pult-mailparse itself from the raw bytes rather than by
// GMime 3.2.13, whose RFC 2047 decoder loses text (GMime issue 133: consecutive base64
// encoded-words, an encoded-word that ends inside a multibyte character).
//
// Encoded-words that follow one another (only white space between them) and share a charset
// have their bytes joined before charset conversion; raw 8-bit text is taken as UTF-8 when it is
// valid UTF-8, else in the fallback charset (charset.h).

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace Pult::MailParse {

// Folding (CRLF or LF followed by white space) removed, NUL and control characters dropped.
std::string unfold(std::string_view raw);
// RFC 2047 encoded-words and raw 8-bit text to UTF-8, trimmed.
std::string decodeHeader(std::string_view raw, std::string_view fallback);

struct Address
{
    std::string name;    // display name, decoded; may be empty
    std::string address; // addr-spec; may be empty for a name alone
};
// An address list (From, To, Cc, Reply-To): groups flattened, comments as names when there is
// no other name, quoted names unquoted and decoded.
std::vector<Address> parseAddressList(std::string_view raw, std::string_view fallback);

// The msg-ids of Message-ID, In-Reply-To or References, without angle brackets. A value with
// no brackets at all gives its first word when that word has an "@".
std::vector<std::string> parseMessageIds(std::string_view raw);

// Content-Type or Content-Disposition: the lowercase value ("text/plain", "attachment") and its
// parameters by lowercase name, decoded: RFC 2231 continuations (name*0*, name*1, ...) joined
// as bytes and converted from their charset; RFC 2047 words inside quoted values decoded.
struct ContentHeader
{
    std::string value;
    std::map<std::string, std::string> params;
    std::string param(const std::string &name) const;
};
ContentHeader parseContentHeader(std::string_view raw, std::string_view fallback);

} // namespace Pult::MailParse
