#pragma once

// Outgoing mail as pultd sends it: an RFC 5322 message with MIME (RFC 2045-2047, 2231) composed
// by hand, without a MIME library. Everything a caller gives is checked: values that carry
// structure (addresses, Message-IDs, the loop id, content types, file names) are refused when
// they hold CR, LF or other control characters; free text (subject, display names) has CR, LF
// and other controls replaced by spaces and is encoded where needed, so no caller value can add
// a header or a MIME part. Also: HMAC-signed Message-IDs that carry a ticket id.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace Pult::Mail {

// A mailbox: an optional display name (UTF-8) and an address (ASCII local@domain).
struct MailAddress
{
    std::string name;
    std::string address;
};

// A file to attach: read from `path` while the message is written (never whole in memory).
struct MailAttachment
{
    std::string path;
    std::string fileName;                                 // UTF-8; empty: path's last part
    std::string contentType = "application/octet-stream"; // type/subtype
};

struct OutgoingMail
{
    MailAddress from;
    std::vector<MailAddress> to; // at least one
    std::vector<MailAddress> cc;
    std::vector<MailAddress> replyTo;
    std::string subject;                                                           // UTF-8
    std::chrono::system_clock::time_point date = std::chrono::system_clock::now(); // sent as UTC
    std::string messageId;               // "<left@right>" (the angle brackets may be left out)
    std::string inReplyTo;               // a Message-ID, or empty
    std::vector<std::string> references; // Message-IDs, oldest first
    std::string autoSubmitted;           // RFC 3834 value such as "auto-replied"; empty: none
    std::string loopId;                  // X-Pult-Loop: visible ASCII; empty: none
    std::string textBody;                // UTF-8; line breaks LF, CRLF or CR
    std::string htmlBody;                // UTF-8; empty: text/plain only
    std::vector<MailAttachment> attachments;
};

// Writes `mail` to `out` with CRLF line breaks, 7-bit clean (quoted-printable text, base64
// attachments), no line longer than 76 characters except unfoldable header values (a long
// Message-ID). Returns an empty string on success, else what is wrong ("to[1]: address
// contains a line break", "attachment /x/y: cannot open: No such file or directory"). On an
// error part of the message may have been written already.
std::string writeMail(const OutgoingMail &mail, std::ostream &out);
// The same into a string; nullopt with `error` set on failure.
std::optional<std::string> composeMail(const OutgoingMail &mail, std::string &error);

// Building blocks, public for the tests.
// Quoted-printable (RFC 2045 6.7) of UTF-8 text: CRLF line breaks, lines at most 76
// characters, spaces and tabs before a line break encoded, "From " at a line start encoded.
std::string encodeQuotedPrintable(std::string_view text);
// RFC 2047 encoded-words ("=?UTF-8?Q?...?=") for `text`, each at most 57 characters, never
// splitting a UTF-8 character; joined by single spaces (fold points).
std::string encodeWords(std::string_view text);
// "Sun, 06 Dec 2026 06:54:44 +0000".
std::string formatMailDate(std::chrono::system_clock::time_point time);
// True for local@domain with a dot-atom local part (at most 64) and a host name or [literal]
// domain, 254 characters at most, ASCII only.
bool isValidMailAddress(std::string_view address);
// A random MIME boundary of the form "=_pult_<32 hex>": "=_" never occurs in quoted-printable
// or base64 output, so a boundary cannot collide with encoded content.
std::string makeBoundary();

// A Message-ID that carries a ticket id, signed with HMAC-SHA256 under `key`:
// "<ticket-UUID.NONCE.SIGNATURE@domain>", NONCE 24 random hex digits, SIGNATURE the first 128
// bits of HMAC-SHA256(key, "ticket-UUID.NONCE") in hex. `ticketId` is a UUID (any case; written
// in lowercase), `domain` a host name, `key` at least 16 bytes. Returns nullopt when one of them
// is not.
std::optional<std::string> makeSignedMessageId(std::string_view ticketId, std::string_view domain,
                                               std::string_view key);
// The ticket id (lowercase UUID) of a Message-ID made by makeSignedMessageId under `key`, with or
// without angle brackets and surrounding spaces, any domain; nullopt unless the signature is
// valid (compared in constant time).
std::optional<std::string> verifySignedMessageId(std::string_view messageId, std::string_view key);

} // namespace Pult::Mail
