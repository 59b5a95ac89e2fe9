#pragma once

// pultd's SMTP client (RFC 5321, 3207 STARTTLS, 4954 AUTH, 1870 SIZE), for one dedicated sender
// thread: every call blocks that thread, but runs Asio's asynchronous operations on a private
// io_context, each step under a deadline, so no call waits longer than its timeouts whatever the
// server does. Boost and OpenSSL stay in smtpclient.cpp.
//
// The result says what the mail outbox must do with a message: Sent; Temporary (a 4xx reply,
// 421, a refused, reset or timed-out connection, TLS or protocol trouble: try again later);
// Permanent (a 5xx reply to MAIL, RCPT or DATA, or a message the client refuses to send: mark it
// failed). Failures before MAIL FROM (connect, greeting, TLS, EHLO, AUTH) are Temporary even on a
// 5xx, as Postfix defers them (smtp_sasl_auth_soft_bounce): they are about the mailbox's
// settings, not the message; `stage` tells them apart.

#include <chrono>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pult::Mail {

enum class SmtpSecurity {
    Plain,       // smtp:// without --starttls: no TLS at all
    StartTls,    // smtp:// with --starttls: STARTTLS required before anything else
    ImplicitTls, // smtps://: TLS from the first byte
};

// Where to send: `smtp[s]://USER@HOST:PORT` plus the starttls flag.
struct SmtpEndpoint
{
    SmtpSecurity security = SmtpSecurity::Plain;
    std::string host;
    std::uint16_t port = 25;
    std::string
        user; // percent-decoded ("agent%40example.com" is agent@example.com); empty: no AUTH
};

// Parses "smtp://HOST[:PORT]", "smtp://USER@HOST[:PORT]", "smtps://...". USER may hold
// percent-escapes (%40 for '@'); HOST is a name, an IPv4 address or [IPv6]. Default ports: 465
// for smtps, 587 for smtp with starttls, 25 for plain smtp. `starttls` with smtps:// is an error.
// nullopt with `error` set to what is wrong, in one line.
std::optional<SmtpEndpoint> parseSmtpEndpoint(std::string_view url, bool starttls,
                                              std::string &error);
// "smtps://agent%40example.com@mail.example.com:465" (no password ever).
std::string formatSmtpEndpoint(const SmtpEndpoint &endpoint);

struct SmtpOptions
{
    SmtpEndpoint endpoint;
    std::string password; // for AUTH when endpoint.user is set; never logged
    std::string heloName; // EHLO/HELO argument; empty or not visible ASCII: "localhost"
    std::string caFile;   // extra trusted CAs (PEM), beside the system's trust store
    // AUTH over a connection without TLS is refused unless this is set (loopback tests).
    bool allowAuthWithoutTls = false;
    // Each step (connecting, TLS handshake, waiting for one reply, writing one chunk).
    std::chrono::milliseconds stepTimeout{30000};
    // One whole call (connect() or send()) at most.
    std::chrono::milliseconds callTimeout{300000};
    // Limits on what a server may send back for one reply.
    std::size_t maxReplyLineLength = 2048;
    std::size_t maxReplyLines = 128;
    // Each protocol line sent and received, for diagnostics; AUTH lines are redacted.
    std::function<void(std::string_view line)> trace;
};

enum class SmtpStatus { Sent, Temporary, Permanent };

// Where a call stopped.
enum class SmtpStage {
    Connect,    // resolving, connecting, the greeting
    Tls,        // STARTTLS or the TLS handshake, certificate checks
    Hello,      // EHLO / HELO
    Auth,       // AUTH PLAIN / LOGIN
    MailFrom,   // MAIL FROM (also a message refused before it: too large for SIZE)
    Recipients, // RCPT TO: no recipient accepted
    Data,       // DATA, the message, the final "."
    Done,       // the message was accepted
};

struct SmtpRecipientResult
{
    std::string address;
    SmtpStatus status = SmtpStatus::Temporary; // Sent: accepted for delivery
    int code = 0;                              // the server's reply code; 0: none
    std::string text;                          // the server's reply text, or ours
};

struct SmtpResult
{
    SmtpStatus status = SmtpStatus::Temporary;
    SmtpStage stage = SmtpStage::Connect;
    int code = 0;     // the reply code that decided; 0 for local and network errors
    std::string text; // the server's reply text ("4.2.0 Try later"), or what went wrong locally
    // One per envelope recipient, in order (send() only). With status Sent some may still be
    // Temporary or Permanent: sent to the others (see partial()).
    std::vector<SmtpRecipientResult> recipients;

    bool sent() const { return status == SmtpStatus::Sent; }
    bool partial() const;
    // "Sent", "Temporary 450 4.2.0 Mailbox busy (at RCPT TO)": for logs and the ticket view.
    std::string describe() const;
};

struct SmtpEnvelope
{
    std::string from;                    // the reverse path; empty: "<>" (bounces)
    std::vector<std::string> recipients; // at least one
};

// One SMTP session. Not thread-safe: use from one thread. The connection stays open between
// send() calls (RSET after a failed transaction) until quit(), an error that ends it, or the
// destructor (which sends QUIT within one step timeout).
class SmtpClient
{
public:
    explicit SmtpClient(SmtpOptions options);
    ~SmtpClient();
    SmtpClient(const SmtpClient &) = delete;
    SmtpClient &operator=(const SmtpClient &) = delete;

    // Connects, reads the greeting, EHLO (HELO if EHLO is refused), STARTTLS and EHLO again when
    // configured, AUTH when a user is set. Sent (stage Done) when ready; send() calls it itself
    // when not connected.
    SmtpResult connect();
    bool isConnected() const;
    // The server's EHLO keywords in upper case ("SIZE 10240000", "AUTH PLAIN LOGIN", ...).
    std::vector<std::string> extensions() const;
    bool isEncrypted() const;

    // Sends one message (RFC 5322 bytes; line breaks LF or CRLF, normalised to CRLF and
    // dot-stuffed on the way). SIZE=n is declared when the server advertises SIZE.
    SmtpResult send(const SmtpEnvelope &envelope, std::string_view message);
    // The same, reading the message from a stream (not held in memory whole).
    SmtpResult send(const SmtpEnvelope &envelope, std::istream &message);

    // QUIT and close; never fails (the connection is closed in any case).
    void quit();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult::Mail
