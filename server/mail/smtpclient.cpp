#include "mail/smtpclient.h"

#include "mail/outgoingmail.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <sstream>

namespace Pult::Mail {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using Clock = std::chrono::steady_clock;

namespace {

std::string upper(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return result;
}

std::string base64(std::string_view bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                       reinterpret_cast<const unsigned char *>(bytes.data()),
                                       static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string seconds(std::chrono::milliseconds duration)
{
    std::ostringstream out;
    out << static_cast<double>(duration.count()) / 1000.0 << " s";
    return out.str();
}

bool isIpAddress(const std::string &host)
{
    error_code ec;
    (void)asio::ip::make_address(host, ec);
    return !ec;
}

bool isHostChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
}

SmtpStatus statusOf(int code)
{
    if (code >= 200 && code < 300)
        return SmtpStatus::Sent;
    if (code >= 500 && code < 600)
        return SmtpStatus::Permanent;
    return SmtpStatus::Temporary;
}

const char *stageName(SmtpStage stage)
{
    switch (stage) {
    case SmtpStage::Connect:
        return "connect";
    case SmtpStage::Tls:
        return "TLS";
    case SmtpStage::Hello:
        return "EHLO";
    case SmtpStage::Auth:
        return "AUTH";
    case SmtpStage::MailFrom:
        return "MAIL FROM";
    case SmtpStage::Recipients:
        return "RCPT TO";
    case SmtpStage::Data:
        return "DATA";
    case SmtpStage::Done:
        return "done";
    }
    return "?";
}

struct Reply
{
    int code = 0;
    std::vector<std::string> lines; // texts without the code

    std::string text() const
    {
        std::string result;
        for (const std::string &line : lines) {
            if (!result.empty())
                result += ' ';
            result += line;
        }
        return result;
    }
};

// A step that failed: what the public call answers.
struct Failure
{
    SmtpStatus status;
    SmtpStage stage;
    int code;
    std::string text;
};

// Turns a message (any line breaks) into DATA's bytes: CRLF line breaks, a '.' doubled at the
// start of a line, CRLF at the end.
class DataEncoder
{
public:
    void add(std::string_view input, std::string &out)
    {
        for (const char c : input) {
            if (c == '\r') {
                out += "\r\n";
                m_lineStart = true;
                m_afterCr = true;
                continue;
            }
            if (c == '\n') {
                if (!m_afterCr)
                    out += "\r\n";
                m_lineStart = true;
                m_afterCr = false;
                continue;
            }
            if (m_lineStart && c == '.')
                out += '.';
            out += c;
            m_lineStart = false;
            m_afterCr = false;
        }
    }
    void finish(std::string &out)
    {
        if (!m_lineStart)
            out += "\r\n";
        out += ".\r\n";
    }

private:
    bool m_lineStart = true;
    bool m_afterCr = false;
};

} // namespace

bool SmtpResult::partial() const
{
    return status == SmtpStatus::Sent &&
           std::any_of(recipients.begin(), recipients.end(),
                       [](const SmtpRecipientResult &r) { return r.status != SmtpStatus::Sent; });
}

std::string SmtpResult::describe() const
{
    std::string result = status == SmtpStatus::Sent        ? "Sent"
                         : status == SmtpStatus::Temporary ? "Temporary"
                                                           : "Permanent";
    if (code != 0)
        result += ' ' + std::to_string(code);
    if (!text.empty())
        result += ' ' + text;
    if (status != SmtpStatus::Sent)
        result += std::string(" (at ") + stageName(stage) + ")";
    for (const SmtpRecipientResult &recipient : recipients)
        if (recipient.status != SmtpStatus::Sent && status == SmtpStatus::Sent)
            result += "; " + recipient.address + ": " + std::to_string(recipient.code) + ' ' +
                      recipient.text;
    return result;
}

std::optional<SmtpEndpoint> parseSmtpEndpoint(std::string_view url, bool starttls,
                                              std::string &error)
{
    const auto fail = [&](std::string message) -> std::optional<SmtpEndpoint> {
        error = std::move(message);
        return std::nullopt;
    };
    if (std::any_of(url.begin(), url.end(), [](char c) {
            return static_cast<unsigned char>(c) <= 32 || static_cast<unsigned char>(c) >= 127;
        }))
        return fail("the SMTP URL contains spaces, control or non-ASCII characters");
    SmtpEndpoint endpoint;
    const std::string lower = [&] {
        std::string s(url.substr(0, std::min<std::size_t>(url.size(), 8)));
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    }();
    std::string_view rest;
    if (lower.starts_with("smtps://")) {
        endpoint.security = SmtpSecurity::ImplicitTls;
        rest = url.substr(8);
    } else if (lower.starts_with("smtp://")) {
        endpoint.security = starttls ? SmtpSecurity::StartTls : SmtpSecurity::Plain;
        rest = url.substr(7);
    } else {
        return fail("not an smtp:// or smtps:// URL: " + std::string(url));
    }
    if (starttls && endpoint.security == SmtpSecurity::ImplicitTls)
        return fail("--starttls goes with smtp://, not smtps:// (which is TLS from the start)");
    if (!rest.empty() && rest.back() == '/')
        rest.remove_suffix(1);
    if (rest.find_first_of("/?#") != std::string_view::npos)
        return fail("an SMTP URL has no path, query or fragment: " + std::string(url));
    const std::size_t at = rest.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view user = rest.substr(0, at);
        if (user.empty())
            return fail("the user name before '@' is empty");
        if (user.find(':') != std::string_view::npos)
            return fail("the password does not belong in the URL (it is read from standard "
                        "input)");
        for (std::size_t i = 0; i < user.size(); ++i) {
            if (user[i] != '%') {
                endpoint.user += user[i];
                continue;
            }
            const auto hexValue = [](char c) {
                return c >= '0' && c <= '9'   ? c - '0'
                       : c >= 'a' && c <= 'f' ? c - 'a' + 10
                       : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
            };
            if (i + 2 >= user.size() || hexValue(user[i + 1]) < 0 || hexValue(user[i + 2]) < 0)
                return fail("a bad %-escape in the user name (write '@' as %40)");
            const int value = hexValue(user[i + 1]) * 16 + hexValue(user[i + 2]);
            if (value < 32 || value == 127)
                return fail("the user name contains a control character");
            endpoint.user += static_cast<char>(value);
            i += 2;
        }
        rest = rest.substr(at + 1);
    }
    std::string_view portText;
    if (!rest.empty() && rest.front() == '[') {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos)
            return fail("an IPv6 address without its closing ']'");
        endpoint.host = std::string(rest.substr(1, close - 1));
        if (!isIpAddress(endpoint.host) || endpoint.host.find(':') == std::string::npos)
            return fail("not an IPv6 address: " + endpoint.host);
        rest = rest.substr(close + 1);
        if (!rest.empty() && rest.front() != ':')
            return fail("unexpected text after the IPv6 address");
        if (!rest.empty())
            portText = rest.substr(1);
        if (rest.size() == 1)
            return fail("an empty port after ':'");
    } else {
        const std::size_t colon = rest.find(':');
        endpoint.host = std::string(rest.substr(0, colon));
        if (colon != std::string_view::npos) {
            portText = rest.substr(colon + 1);
            if (portText.empty())
                return fail("an empty port after ':'");
        }
        if (endpoint.host.empty())
            return fail("the SMTP URL has no host");
        if (!std::all_of(endpoint.host.begin(), endpoint.host.end(), isHostChar) ||
            endpoint.host.front() == '.' || endpoint.host.front() == '-' ||
            endpoint.host.find("..") != std::string::npos)
            return fail("not a host name: " + endpoint.host);
    }
    if (!portText.empty()) {
        if (portText.size() > 5 || !std::all_of(portText.begin(), portText.end(),
                                                [](char c) { return c >= '0' && c <= '9'; }))
            return fail("not a port number: " + std::string(portText));
        const int port = std::stoi(std::string(portText));
        if (port < 1 || port > 65535)
            return fail("the port must be between 1 and 65535: " + std::string(portText));
        endpoint.port = static_cast<std::uint16_t>(port);
    } else {
        endpoint.port = endpoint.security == SmtpSecurity::ImplicitTls ? 465
                        : endpoint.security == SmtpSecurity::StartTls  ? 587
                                                                       : 25;
    }
    error.clear();
    return endpoint;
}

std::string formatSmtpEndpoint(const SmtpEndpoint &endpoint)
{
    std::string result = endpoint.security == SmtpSecurity::ImplicitTls ? "smtps://" : "smtp://";
    for (const char ch : endpoint.user) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || std::strchr("-._~!$&'()*+,;=", ch) != nullptr)
            result += ch;
        else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            result += {'%', kHex[c >> 4], kHex[c & 15]};
        }
    }
    if (!endpoint.user.empty())
        result += '@';
    result +=
        endpoint.host.find(':') != std::string::npos ? '[' + endpoint.host + ']' : endpoint.host;
    result += ':' + std::to_string(endpoint.port);
    return result;
}

class SmtpClient::Private
{
public:
    explicit Private(SmtpOptions o)
        : options(std::move(o))
    {
        // A name with spaces or controls could smuggle a command into EHLO: not used.
        if (options.heloName.empty() ||
            !std::all_of(options.heloName.begin(), options.heloName.end(),
                         [](char c) { return c > 32 && c < 127; }))
            options.heloName = "localhost";
        SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
        error_code ec;
        tls.set_default_verify_paths(ec);
        if (!options.caFile.empty()) {
            tls.load_verify_file(options.caFile, ec);
            if (ec)
                caError = "cannot read the CA file " + options.caFile + ": " + ec.message();
        }
    }

    SmtpOptions options;
    asio::io_context io;
    ssl::context tls{ssl::context::tls_client};
    std::string caError;
    std::optional<ssl::stream<tcp::socket>> stream;
    bool encrypted = false;
    bool connected = false;
    std::string input; // received, not yet read
    std::vector<std::string> extensions;
    Clock::time_point callDeadline;
    SmtpStage stage = SmtpStage::Connect;

    void trace(std::string_view prefix, std::string_view line) const
    {
        if (options.trace)
            options.trace(std::string(prefix) + std::string(line));
    }

    [[noreturn]] void fail(SmtpStatus status, int code, std::string text)
    {
        throw Failure{status, stage, code, std::move(text)};
    }
    [[noreturn]] void failLocal(std::string text)
    {
        close();
        fail(SmtpStatus::Temporary, 0, std::move(text));
    }
    // A reply that ends the session's hope: Temporary for anything before MAIL FROM.
    [[noreturn]] void failReply(const Reply &reply, std::string_view context)
    {
        close();
        fail(SmtpStatus::Temporary, reply.code, std::string(context) + reply.text());
    }

    void close()
    {
        connected = false;
        encrypted = false;
        input.clear();
        if (stream) {
            error_code ignored;
            stream->lowest_layer().close(ignored);
            // Let the aborted operations' handlers run before the stream goes away.
            io.restart();
            io.poll();
            stream.reset();
        }
    }

    Clock::time_point stepDeadline() const
    {
        return std::min(Clock::now() + options.stepTimeout, callDeadline);
    }

    // Runs one asynchronous operation to its end or its deadline. On the deadline `cancel` is
    // called and `timedOut` set; with `waitForCancel` the aborted operation is then run to its
    // end (socket operations end at once when the socket is closed; a resolver's may not).
    template<typename Start, typename Cancel>
    error_code run(Start &&start, bool &timedOut, Cancel &&cancel, bool waitForCancel = true)
    {
        struct State
        {
            bool done = false;
            error_code result;
        };
        const auto state = std::make_shared<State>();
        start([state](const error_code &ec, auto &&...) {
            state->result = ec;
            state->done = true;
        });
        io.restart();
        const Clock::time_point deadline = stepDeadline();
        while (!state->done && Clock::now() < deadline) {
            if (io.run_one_until(deadline) == 0 && io.stopped())
                break;
        }
        timedOut = !state->done;
        if (timedOut) {
            cancel();
            io.restart();
            while (waitForCancel && !state->done && io.run_one() > 0) {
            }
        }
        return state->result;
    }
    template<typename Start> error_code run(Start &&start, bool &timedOut)
    {
        return run(std::forward<Start>(start), timedOut, [this] {
            error_code ignored;
            if (stream)
                stream->lowest_layer().close(ignored);
        });
    }

    // The failure for a network error while `what`.
    [[noreturn]] void failNetwork(const error_code &ec, bool timedOut, std::string_view what)
    {
        if (timedOut)
            failLocal("timed out after " + seconds(options.stepTimeout) + " while " +
                      std::string(what));
        if (ec == asio::error::eof || ec == ssl::error::stream_truncated ||
            ec == asio::error::connection_reset)
            failLocal("the server closed the connection while " + std::string(what));
        failLocal(std::string(what) + ": " + ec.message());
    }

    template<typename Operation> error_code onStream(Operation &&operation, bool &timedOut)
    {
        if (encrypted)
            return run([&](auto handler) { operation(*stream, std::move(handler)); }, timedOut);
        return run([&](auto handler) { operation(stream->next_layer(), std::move(handler)); },
                   timedOut);
    }

    void writeRaw(std::string_view bytes, std::string_view what)
    {
        bool timedOut = false;
        const error_code ec = onStream(
            [&](auto &s, auto handler) {
                asio::async_write(s, asio::buffer(bytes.data(), bytes.size()), std::move(handler));
            },
            timedOut);
        if (ec || timedOut)
            failNetwork(ec, timedOut, what);
    }

    void command(const std::string &line, std::string_view traced = {})
    {
        trace("C: ", traced.empty() ? std::string_view(line) : traced);
        writeRaw(line + "\r\n", "sending " + line.substr(0, line.find_first_of(" :")));
    }

    std::string readLine(std::string_view what)
    {
        const std::size_t limit = options.maxReplyLineLength + 2;
        std::size_t end = input.find('\n');
        if (end == std::string::npos) {
            bool timedOut = false;
            const error_code ec = onStream(
                [&](auto &s, auto handler) {
                    asio::async_read_until(s, asio::dynamic_buffer(input, limit), '\n',
                                           std::move(handler));
                },
                timedOut);
            if (ec == asio::error::not_found)
                failLocal("the server sent a reply line longer than " +
                          std::to_string(options.maxReplyLineLength) + " bytes");
            if (ec || timedOut)
                failNetwork(ec, timedOut, what);
            end = input.find('\n');
        }
        if (end == std::string::npos || end > limit)
            failLocal("the server sent a reply line longer than " +
                      std::to_string(options.maxReplyLineLength) + " bytes");
        std::string line = input.substr(0, end);
        input.erase(0, end + 1);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return line;
    }

    Reply readReply(std::string_view what)
    {
        Reply reply;
        while (true) {
            if (reply.lines.size() >= options.maxReplyLines)
                failLocal("the server sent a reply of more than " +
                          std::to_string(options.maxReplyLines) + " lines");
            const std::string line = readLine(what);
            trace("S: ", line);
            const bool wellFormed = line.size() >= 3 && line[0] >= '2' && line[0] <= '5' &&
                                    std::isdigit(static_cast<unsigned char>(line[1])) &&
                                    std::isdigit(static_cast<unsigned char>(line[2])) &&
                                    (line.size() == 3 || line[3] == ' ' || line[3] == '-');
            const int code = wellFormed ? std::stoi(line.substr(0, 3)) : 0;
            if (!wellFormed || (reply.code != 0 && code != reply.code)) {
                std::string shown = line.substr(0, 80);
                for (char &c : shown)
                    if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126)
                        c = '?';
                failLocal("the server's answer is not SMTP: \"" + shown + "\"");
            }
            reply.code = code;
            reply.lines.push_back(line.size() > 4 ? line.substr(4) : std::string());
            if (line.size() == 3 || line[3] == ' ')
                return reply;
        }
    }

    bool hasExtension(std::string_view keyword, std::string *arguments = nullptr) const
    {
        for (const std::string &extension : extensions) {
            if (extension == keyword ||
                (extension.starts_with(keyword) &&
                 (extension[keyword.size()] == ' ' || extension[keyword.size()] == '='))) {
                if (arguments)
                    *arguments = extension.size() > keyword.size()
                                     ? extension.substr(keyword.size() + 1)
                                     : std::string();
                return true;
            }
        }
        return false;
    }

    void hello()
    {
        stage = SmtpStage::Hello;
        command("EHLO " + options.heloName);
        Reply reply = readReply("waiting for the answer to EHLO");
        extensions.clear();
        if (reply.code == 250) {
            for (std::size_t i = 1; i < reply.lines.size(); ++i)
                if (!reply.lines[i].empty())
                    extensions.push_back(upper(reply.lines[i]));
            return;
        }
        if (reply.code / 100 != 5)
            failReply(reply, "EHLO refused: ");
        command("HELO " + options.heloName);
        reply = readReply("waiting for the answer to HELO");
        if (reply.code != 250)
            failReply(reply, "HELO refused: ");
    }

    void handshake()
    {
        stage = SmtpStage::Tls;
        if (!caError.empty())
            failLocal(caError);
        SSL *ssl = stream->native_handle();
        const std::string &host = options.endpoint.host;
        const bool ip = isIpAddress(host);
        if (!ip)
            SSL_set_tlsext_host_name(ssl, host.c_str());
        // Always verified: there is no switch to accept any certificate.
        stream->set_verify_mode(ssl::verify_peer);
        X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        if (ip)
            X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
        else
            X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
        bool timedOut = false;
        const error_code ec = run(
            [&](auto handler) {
                stream->async_handshake(ssl::stream_base::client, std::move(handler));
            },
            timedOut);
        if (ec || timedOut) {
            const long verify = SSL_get_verify_result(ssl);
            if (!timedOut && verify != X509_V_OK)
                failLocal("the server's certificate is not trusted for " + host + ": " +
                          X509_verify_cert_error_string(verify));
            failNetwork(ec, timedOut, "in the TLS handshake");
        }
        encrypted = true;
        trace("", "TLS established: " + std::string(SSL_get_version(ssl)));
    }

    void authenticate()
    {
        stage = SmtpStage::Auth;
        if (!encrypted && !options.allowAuthWithoutTls)
            failLocal("refusing to send the password over a connection without TLS (use "
                      "smtps:// or --starttls)");
        std::string mechanisms;
        if (!hasExtension("AUTH", &mechanisms))
            failLocal("the server does not offer AUTH, but a user name is set");
        mechanisms = " " + mechanisms + " ";
        const std::string &user = options.endpoint.user;
        Reply reply;
        if (mechanisms.find(" PLAIN ") != std::string::npos) {
            std::string credentials;
            credentials += '\0';
            credentials += user;
            credentials += '\0';
            credentials += options.password;
            command("AUTH PLAIN " + base64(credentials), "AUTH PLAIN <credentials hidden>");
            reply = readReply("waiting for the answer to AUTH");
        } else if (mechanisms.find(" LOGIN ") != std::string::npos) {
            command("AUTH LOGIN");
            reply = readReply("waiting for the answer to AUTH");
            if (reply.code == 334) {
                command(base64(user), "<user name hidden>");
                reply = readReply("waiting for the answer to AUTH");
            }
            if (reply.code == 334) {
                command(base64(options.password), "<password hidden>");
                reply = readReply("waiting for the answer to AUTH");
            }
        } else {
            failLocal("the server offers no AUTH mechanism Pult supports (PLAIN, LOGIN): " +
                      mechanisms.substr(1, mechanisms.size() - 2));
        }
        // 235 by RFC 4954; any 2xx (smtp-sink answers 250) is taken as success.
        if (reply.code / 100 != 2)
            failReply(reply, "authentication failed: ");
    }

    void connect()
    {
        close();
        stage = SmtpStage::Connect;
        const SmtpEndpoint &endpoint = options.endpoint;
        const std::string where = endpoint.host + ":" + std::to_string(endpoint.port);
        tcp::resolver resolver(io);
        const auto endpoints = std::make_shared<tcp::resolver::results_type>();
        bool timedOut = false;
        error_code ec = run(
            [&](auto handler) {
                resolver.async_resolve(
                    endpoint.host, std::to_string(endpoint.port),
                    [endpoints, handler = std::move(handler)](
                        const error_code &e, tcp::resolver::results_type r) mutable {
                        *endpoints = std::move(r);
                        handler(e);
                    });
            },
            timedOut, [&] { resolver.cancel(); }, false);
        if (ec || timedOut)
            failNetwork(ec, timedOut, "resolving " + endpoint.host);
        stream.emplace(io, tls);
        ec = run(
            [&](auto handler) {
                asio::async_connect(stream->next_layer(), *endpoints, std::move(handler));
            },
            timedOut);
        if (ec || timedOut)
            failNetwork(ec, timedOut, "connecting to " + where);
        trace("", "connected to " + where);
        if (endpoint.security == SmtpSecurity::ImplicitTls)
            handshake();
        stage = SmtpStage::Connect;
        const Reply greeting = readReply("waiting for the server's greeting");
        if (greeting.code != 220)
            failReply(greeting, "the server refused the session: ");
        hello();
        if (endpoint.security == SmtpSecurity::StartTls) {
            stage = SmtpStage::Tls;
            if (!hasExtension("STARTTLS"))
                failLocal("the server does not offer STARTTLS, which this mailbox requires");
            command("STARTTLS");
            const Reply reply = readReply("waiting for the answer to STARTTLS");
            if (reply.code != 220)
                failReply(reply, "STARTTLS refused: ");
            if (!input.empty()) // RFC 3207 section 5: nothing may come before the handshake
                failLocal("the server sent data after STARTTLS before the TLS handshake");
            handshake();
            hello();
        }
        if (!endpoint.user.empty())
            authenticate();
        connected = true;
    }

    void reset()
    {
        try {
            command("RSET");
            if (readReply("waiting for the answer to RSET").code != 250)
                close();
        } catch (const Failure &) {
            close();
        }
    }

    using Reader = std::function<std::size_t(char *buffer, std::size_t size)>;

    SmtpResult send(const SmtpEnvelope &envelope, const Reader &read,
                    std::optional<std::uint64_t> size);
};

SmtpResult SmtpClient::Private::send(const SmtpEnvelope &envelope, const Reader &read,
                                     std::optional<std::uint64_t> size)
{
    SmtpResult result;
    for (const std::string &address : envelope.recipients)
        result.recipients.push_back({address, SmtpStatus::Temporary, 0, {}});
    std::vector<bool> accepted(envelope.recipients.size(), false);
    const auto finish = [&](SmtpStatus status, SmtpStage at, int code, std::string text) {
        result.status = status;
        result.stage = at;
        result.code = code;
        result.text = std::move(text);
        return result;
    };

    // The envelope first: nothing invalid goes on the wire.
    if (!envelope.from.empty() && !isValidMailAddress(envelope.from)) {
        for (SmtpRecipientResult &recipient : result.recipients)
            recipient = {recipient.address, SmtpStatus::Permanent, 0, "invalid sender address"};
        return finish(SmtpStatus::Permanent, SmtpStage::MailFrom, 0, "not a valid sender address");
    }
    if (envelope.recipients.empty())
        return finish(SmtpStatus::Permanent, SmtpStage::Recipients, 0, "no recipients");
    bool anyValid = false;
    for (std::size_t i = 0; i < envelope.recipients.size(); ++i) {
        if (isValidMailAddress(envelope.recipients[i])) {
            anyValid = true;
            continue;
        }
        result.recipients[i].status = SmtpStatus::Permanent;
        result.recipients[i].code = 0;
        result.recipients[i].text = "not a valid address";
    }
    if (!anyValid)
        return finish(SmtpStatus::Permanent, SmtpStage::Recipients, 0,
                      "no valid recipient address");
    // Invalid ones are settled; mark them so settle() leaves them alone.
    std::vector<bool> decided(envelope.recipients.size(), false);
    for (std::size_t i = 0; i < envelope.recipients.size(); ++i)
        decided[i] = result.recipients[i].status == SmtpStatus::Permanent;
    const auto settleOpen = [&](SmtpStatus status, int code, const std::string &text) {
        for (std::size_t i = 0; i < result.recipients.size(); ++i)
            if (!decided[i] || accepted[i])
                result.recipients[i] = {envelope.recipients[i], status, code, text};
    };

    try {
        if (!connected) {
            connect();
        }
        std::string sizeArguments;
        std::uint64_t limit = 0;
        if (size && hasExtension("SIZE", &sizeArguments)) {
            try {
                limit = sizeArguments.empty() ? 0 : std::stoull(sizeArguments);
            } catch (const std::exception &) {
                limit = 0;
            }
            if (limit > 0 && *size > limit) {
                const std::string text = "the message (" + std::to_string(*size) +
                                         " bytes) is larger than the server accepts (" +
                                         std::to_string(limit) + " bytes)";
                settleOpen(SmtpStatus::Permanent, 0, text);
                return finish(SmtpStatus::Permanent, SmtpStage::MailFrom, 0, text);
            }
        }

        stage = SmtpStage::MailFrom;
        std::string mailFrom = "MAIL FROM:<" + envelope.from + ">";
        if (size && hasExtension("SIZE"))
            mailFrom += " SIZE=" + std::to_string(*size);
        command(mailFrom);
        Reply reply = readReply("waiting for the answer to MAIL FROM");
        if (reply.code != 250) {
            if (reply.code == 421)
                close();
            else
                reset();
            settleOpen(statusOf(reply.code), reply.code, reply.text());
            return finish(statusOf(reply.code) == SmtpStatus::Sent ? SmtpStatus::Temporary
                                                                   : statusOf(reply.code),
                          SmtpStage::MailFrom, reply.code, reply.text());
        }

        stage = SmtpStage::Recipients;
        int acceptedCount = 0;
        for (std::size_t i = 0; i < envelope.recipients.size(); ++i) {
            if (decided[i])
                continue;
            command("RCPT TO:<" + envelope.recipients[i] + ">");
            reply = readReply("waiting for the answer to RCPT TO");
            if (reply.code == 421)
                failReply(reply, "");
            if (reply.code == 250 || reply.code == 251) {
                accepted[i] = true;
                ++acceptedCount;
                result.recipients[i] = {envelope.recipients[i], SmtpStatus::Temporary, reply.code,
                                        reply.text()};
                continue;
            }
            decided[i] = true;
            result.recipients[i] = {envelope.recipients[i],
                                    reply.code / 100 == 5 ? SmtpStatus::Permanent
                                                          : SmtpStatus::Temporary,
                                    reply.code, reply.text()};
        }
        if (acceptedCount == 0) {
            reset();
            const auto temporary =
                std::find_if(result.recipients.begin(), result.recipients.end(),
                             [](const auto &r) { return r.status == SmtpStatus::Temporary; });
            const SmtpRecipientResult &first =
                temporary != result.recipients.end() ? *temporary : result.recipients.front();
            return finish(first.status, SmtpStage::Recipients, first.code, first.text);
        }

        stage = SmtpStage::Data;
        command("DATA");
        reply = readReply("waiting for the answer to DATA");
        if (reply.code != 354) {
            if (reply.code == 421)
                failReply(reply, "");
            reset();
            const SmtpStatus status =
                reply.code / 100 == 5 ? SmtpStatus::Permanent : SmtpStatus::Temporary;
            for (std::size_t i = 0; i < accepted.size(); ++i)
                if (accepted[i])
                    result.recipients[i] = {envelope.recipients[i], status, reply.code,
                                            reply.text()};
            return finish(status, SmtpStage::Data, reply.code, reply.text());
        }
        trace("C: ", "<message>");
        DataEncoder encoder;
        std::array<char, 32768> chunk{};
        std::string out;
        while (true) {
            const std::size_t got = read(chunk.data(), chunk.size());
            if (got == 0)
                break;
            encoder.add(std::string_view(chunk.data(), got), out);
            if (out.size() >= 65536) {
                writeRaw(out, "sending the message");
                out.clear();
            }
        }
        encoder.finish(out);
        writeRaw(out, "sending the message");
        trace("C: ", ".");
        reply = readReply("waiting for the answer to the message");
        if (reply.code == 421)
            failReply(reply, "");
        const SmtpStatus status = statusOf(reply.code);
        for (std::size_t i = 0; i < accepted.size(); ++i)
            if (accepted[i])
                result.recipients[i] = {envelope.recipients[i], status, reply.code, reply.text()};
        return finish(status, status == SmtpStatus::Sent ? SmtpStage::Done : SmtpStage::Data,
                      reply.code, reply.text());
    } catch (const Failure &failure) {
        close();
        for (std::size_t i = 0; i < result.recipients.size(); ++i)
            if (!decided[i] || accepted[i])
                result.recipients[i] = {envelope.recipients[i], failure.status, failure.code,
                                        failure.text};
        return finish(failure.status, failure.stage, failure.code, failure.text);
    }
}

SmtpClient::SmtpClient(SmtpOptions options)
    : d(std::make_unique<Private>(std::move(options)))
{}

SmtpClient::~SmtpClient()
{
    quit();
}

SmtpResult SmtpClient::connect()
{
    d->callDeadline = Clock::now() + d->options.callTimeout;
    SmtpResult result;
    try {
        d->connect();
        result.status = SmtpStatus::Sent;
        result.stage = SmtpStage::Done;
        result.text = d->encrypted ? "connected with TLS" : "connected without TLS";
    } catch (const Failure &failure) {
        d->close();
        result.status = failure.status;
        result.stage = failure.stage;
        result.code = failure.code;
        result.text = failure.text;
    }
    return result;
}

bool SmtpClient::isConnected() const
{
    return d->connected;
}

std::vector<std::string> SmtpClient::extensions() const
{
    return d->extensions;
}

bool SmtpClient::isEncrypted() const
{
    return d->encrypted;
}

SmtpResult SmtpClient::send(const SmtpEnvelope &envelope, std::string_view message)
{
    d->callDeadline = Clock::now() + d->options.callTimeout;
    std::size_t offset = 0;
    return d->send(
        envelope,
        [&](char *buffer, std::size_t size) {
            const std::size_t n = std::min(size, message.size() - offset);
            std::copy_n(message.data() + offset, n, buffer);
            offset += n;
            return n;
        },
        message.size());
}

SmtpResult SmtpClient::send(const SmtpEnvelope &envelope, std::istream &message)
{
    d->callDeadline = Clock::now() + d->options.callTimeout;
    std::optional<std::uint64_t> size;
    const std::istream::pos_type start = message.tellg();
    if (start != std::istream::pos_type(-1) && message.seekg(0, std::ios::end)) {
        const std::istream::pos_type end = message.tellg();
        if (end != std::istream::pos_type(-1) && end >= start)
            size = static_cast<std::uint64_t>(end - start);
        message.seekg(start);
    }
    message.clear();
    return d->send(
        envelope,
        [&](char *buffer, std::size_t length) {
            message.read(buffer, static_cast<std::streamsize>(length));
            return static_cast<std::size_t>(message.gcount());
        },
        size);
}

void SmtpClient::quit()
{
    if (d->connected) {
        d->callDeadline = Clock::now() + d->options.stepTimeout;
        try {
            d->command("QUIT");
            (void)d->readReply("waiting for the answer to QUIT");
        } catch (const Failure &) {
            // Closed below in any case.
        }
    }
    d->close();
}

} // namespace Pult::Mail
