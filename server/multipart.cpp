#include "multipart.h"

#include <algorithm>
#include <cctype>

namespace Pult::Multipart {

namespace {

constexpr std::size_t kHeaderLimit = 8 * 1024;

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// The parameters after a header value's first ';' (name=value or name="quoted"), the names in
// lower case. As browsers send them (the HTML standard's form-data encoding): a quoted value
// ends at the next quote, its own quotes sent as %22 and line ends as %0D and %0A, which are
// decoded here; a backslash is a backslash.
std::vector<std::pair<std::string, std::string>> parameters(std::string_view value)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = value.find(';');
    while (i != std::string_view::npos && i < value.size()) {
        ++i; // past ';'
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t'))
            ++i;
        const std::size_t equals = value.find('=', i);
        if (equals == std::string_view::npos)
            break;
        std::string name(trim(value.substr(i, equals - i)));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        std::string parsed;
        i = equals + 1;
        if (i < value.size() && value[i] == '"') {
            ++i;
            while (i < value.size() && value[i] != '"')
                parsed += value[i++];
            i = value.find(';', i);
        } else {
            const std::size_t end = value.find(';', i);
            parsed = std::string(trim(value.substr(i, end - i)));
            i = end;
        }
        for (const auto &[escape, character] :
             {std::pair{"%22", '"'}, std::pair{"%0D", '\r'}, std::pair{"%0A", '\n'}}) {
            for (std::size_t at = parsed.find(escape); at != std::string::npos;
                 at = parsed.find(escape, at + 1))
                parsed.replace(at, 3, 1, character);
        }
        out.emplace_back(std::move(name), std::move(parsed));
    }
    return out;
}

// Whether what follows a delimiter at `at` ends it: "--" (the closing one) or a line end after
// optional padding. A line that only starts like a delimiter is content.
bool delimiterEnds(std::string_view body, std::size_t at)
{
    if (body.substr(at, 2) == "--")
        return true;
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t'))
        ++at;
    return body.substr(at, 2) == "\r\n";
}

} // namespace

std::optional<std::string> boundaryOf(std::string_view contentType)
{
    const std::string_view type = trim(contentType.substr(0, contentType.find(';')));
    if (!iequals(type, "multipart/form-data"))
        return std::nullopt;
    for (auto &[name, value] : parameters(contentType)) {
        if (name == "boundary" && !value.empty() && value.size() <= 70 && value.back() != ' ')
            return value;
    }
    return std::nullopt;
}

std::optional<std::vector<Part>> parse(std::string_view body, std::string_view boundary,
                                       std::size_t maxParts)
{
    const std::string delimiter = "--" + std::string(boundary);
    const std::string nextDelimiter = "\r\n" + delimiter;
    // The first delimiter opens the body, or follows a preamble's CRLF.
    std::size_t at = body.substr(0, delimiter.size()) == delimiter ? 0 : body.find(nextDelimiter);
    if (at == std::string_view::npos)
        return std::nullopt;
    at += body.substr(at, 2) == "\r\n" ? nextDelimiter.size() : delimiter.size();
    std::vector<Part> parts;
    for (;;) {
        if (!delimiterEnds(body, at))
            return std::nullopt;
        if (body.substr(at, 2) == "--")
            return parts; // the closing delimiter (an epilogue after it is ignored)
        if (parts.size() == maxParts)
            return std::nullopt;
        at = body.find("\r\n", at) + 2; // past the padding and the line end
        // The part's headers (a part without any has no name: refused below).
        std::size_t headersEnd = body.substr(at, kHeaderLimit + 4).find("\r\n\r\n");
        if (headersEnd == std::string_view::npos)
            return std::nullopt;
        headersEnd += at;
        Part part;
        bool formData = false;
        std::string_view headers = body.substr(at, headersEnd - at);
        while (!headers.empty()) {
            const std::size_t lineEnd = headers.find("\r\n");
            const std::string_view line = headers.substr(0, lineEnd);
            headers = lineEnd == std::string_view::npos ? std::string_view()
                                                        : headers.substr(lineEnd + 2);
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                return std::nullopt;
            const std::string_view name = trim(line.substr(0, colon));
            const std::string_view value = trim(line.substr(colon + 1));
            if (iequals(name, "Content-Disposition")) {
                formData = iequals(trim(value.substr(0, value.find(';'))), "form-data");
                for (auto &[key, parameter] : parameters(value)) {
                    if (key == "name")
                        part.name = std::move(parameter);
                    else if (key == "filename")
                        part.filename = std::move(parameter);
                }
            } else if (iequals(name, "Content-Type")) {
                part.contentType = std::string(value);
            }
        }
        if (!formData || part.name.empty())
            return std::nullopt;
        at = headersEnd + 4;
        // The content ends at the next delimiter that ends as one should.
        std::size_t end = body.find(nextDelimiter, at);
        while (end != std::string_view::npos && !delimiterEnds(body, end + nextDelimiter.size()))
            end = body.find(nextDelimiter, end + 1);
        if (end == std::string_view::npos)
            return std::nullopt;
        part.offset = at;
        part.length = end - at;
        parts.push_back(std::move(part));
        at = end + nextDelimiter.size();
    }
}

} // namespace Pult::Multipart
