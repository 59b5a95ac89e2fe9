#pragma once

// multipart/form-data (RFC 7578), the body a browser sends for a form with a file input. Parsed
// in place: the body is a view of a file pultd spooled the request to (mapped, never copied), and
// a part is its headers and the offset and length of its content in that view.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pult::Multipart {

struct Part
{
    std::string name;                    // the form field's name
    std::optional<std::string> filename; // set for a file input's part (empty: none chosen)
    std::string contentType;             // as sent; empty when absent
    std::uint64_t offset = 0;            // of the content in the body
    std::uint64_t length = 0;
};

// The boundary of a "multipart/form-data; boundary=..." Content-Type; nullopt when the type is
// another or the boundary missing or invalid (1 to 70 characters, RFC 2046).
std::optional<std::string> boundaryOf(std::string_view contentType);

// The parts of a body, in order; nullopt when the body is not well-formed: no opening or closing
// delimiter, a part without its blank line, a part's headers over 8 KiB, a part without a
// form-data Content-Disposition and name, or more than maxParts parts.
std::optional<std::vector<Part>> parse(std::string_view body, std::string_view boundary,
                                       std::size_t maxParts = 64);

} // namespace Pult::Multipart
