#pragma once

// Bytes of unknown or doubtful encoding to UTF-8, for pult-mailparse. The rule for every text a
// mail carries: valid UTF-8 is taken as it is; else the declared charset if the bytes convert
// cleanly; else the fallback charset (per mailbox, e.g. windows-1250) if they convert cleanly;
// else the fallback charset with each byte it cannot map taken as Latin-1. Never U+FFFD.
// A conversion is "clean" when iconv accepts every byte and the result holds no C1 control
// characters (U+0080..U+009F): those come from windows-125x text labelled as ISO 8859.

#include <optional>
#include <string>
#include <string_view>

namespace Pult::MailParse {

bool isValidUtf8(std::string_view bytes);
// The iconv name of a charset label (GMime's alias table: "latin2", "ks_c_5601-1987", ...).
std::string iconvName(std::string_view label);
// The bytes in UTF-8, or nothing when the charset is unknown or the conversion is not clean.
std::optional<std::string> convertClean(std::string_view bytes, std::string_view charset);
// Always an answer: bytes the charset cannot map become the Latin-1 character of that byte.
std::string convertLossy(std::string_view bytes, std::string_view charset);
// The rule above. `declared` and `fallback` may be empty.
std::string decodeText(std::string_view bytes, std::string_view declared,
                       std::string_view fallback);
// NUL and other C0 controls except tab, line feed and carriage return removed.
std::string withoutControls(std::string_view text);
// CRLF and lone CR as LF.
std::string normalizeNewlines(std::string_view text);

} // namespace Pult::MailParse
