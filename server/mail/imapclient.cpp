#include "imapclient.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>

#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace Pult {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using error_code = boost::system::error_code;

namespace {

// Server text in an error message: printable, one line, not too long.
QString printable(const QByteArray &text, qsizetype limit = 200)
{
    QByteArray clean;
    for (const char c : text.left(limit)) {
        const auto u = static_cast<unsigned char>(c);
        clean += (u >= 0x20 && u != 0x7f) ? c : '?';
    }
    QString result = QString::fromUtf8(clean);
    result.replace(QChar::ReplacementCharacter, QLatin1Char('?'));
    if (text.size() > limit)
        result += QStringLiteral("...");
    return result;
}

bool isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' &&
           c != '"' && c != '\\' && c != ']';
}

bool parseNumber(QByteArrayView text, quint64 limit, quint64 *out)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        const quint64 digit = quint64(c - '0');
        if (value > (limit - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    *out = value;
    return true;
}

bool parseUid(QByteArrayView text, quint32 *out)
{
    quint64 value = 0;
    if (!parseNumber(text, 0xffffffffu, &value))
        return false;
    *out = quint32(value);
    return true;
}

// One response from the server: the text of its lines (each literal announcement "{n}" kept
// in place, CRLFs dropped) and the literals' bytes; literalEnds[i] is the offset in `text` just
// after literal i's announcement.
struct Response
{
    QByteArray text;
    QList<QByteArray> literals;
    QList<qsizetype> literalEnds;
};

// A parsed IMAP value: atom (also NIL and numbers), string (quoted or literal), or list.
struct Value
{
    enum Kind { Atom, String, List } kind = Atom;
    QByteArray data;
    std::vector<Value> items;

    bool isNil() const { return kind == Atom && data.compare("NIL", Qt::CaseInsensitive) == 0; }
};

class Tokenizer
{
public:
    Tokenizer(const Response &response, qsizetype from)
        : m_r(response)
        , m_pos(from)
    {}

    bool atEnd() const { return m_pos >= m_r.text.size(); }

    void skipSpaces()
    {
        while (m_pos < m_r.text.size() && m_r.text.at(m_pos) == ' ')
            ++m_pos;
    }

    // The next value; false on malformed input.
    bool value(Value *out, int depth = 0)
    {
        if (depth > 32)
            return false;
        skipSpaces();
        if (atEnd())
            return false;
        const QByteArray &t = m_r.text;
        const char c = t.at(m_pos);
        if (c == '(') {
            ++m_pos;
            out->kind = Value::List;
            for (;;) {
                skipSpaces();
                if (atEnd())
                    return false;
                if (t.at(m_pos) == ')') {
                    ++m_pos;
                    return true;
                }
                Value item;
                if (!value(&item, depth + 1))
                    return false;
                out->items.push_back(std::move(item));
            }
        }
        if (c == '"') {
            out->kind = Value::String;
            for (++m_pos; m_pos < t.size(); ++m_pos) {
                char ch = t.at(m_pos);
                if (ch == '"') {
                    ++m_pos;
                    return true;
                }
                if (ch == '\\') {
                    if (++m_pos >= t.size())
                        return false;
                    ch = t.at(m_pos);
                }
                out->data += ch;
            }
            return false;
        }
        if (c == '{') {
            const qsizetype close = t.indexOf('}', m_pos);
            if (close < 0)
                return false;
            const qsizetype index = m_r.literalEnds.indexOf(close + 1);
            if (index < 0)
                return false;
            out->kind = Value::String;
            out->data = m_r.literals.at(index);
            m_pos = close + 1;
            return true;
        }
        // An atom; a section such as BODY[HEADER.FIELDS (FROM)] or BODY[]<0> is one atom.
        out->kind = Value::Atom;
        int brackets = 0;
        const qsizetype start = m_pos;
        while (m_pos < t.size()) {
            const char ch = t.at(m_pos);
            if (ch == '[')
                ++brackets;
            else if (ch == ']' && brackets > 0)
                --brackets;
            else if (brackets == 0 && (ch == ' ' || ch == '(' || ch == ')'))
                break;
            else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f || ch == '"' ||
                     (brackets == 0 && ch == '{'))
                return false;
            ++m_pos;
        }
        out->data = t.mid(start, m_pos - start);
        return !out->data.isEmpty() && brackets == 0;
    }

private:
    const Response &m_r;
    qsizetype m_pos;
};

// A command as it goes on the wire: text pieces, each followed by an optional literal.
struct Command
{
    struct Piece
    {
        QByteArray text;
        std::optional<QByteArray> literal;
    };
    std::vector<Piece> pieces{Piece{}};
    QByteArray name; // for messages: "SELECT", "UID FETCH", ...

    Command &add(const QByteArray &text)
    {
        pieces.back().text += text;
        return *this;
    }
    // An astring: quoted when it can be, else a literal (8-bit, CR, LF, NUL).
    Command &addString(const QByteArray &value)
    {
        const bool quotable = std::all_of(value.begin(), value.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u != 0 && u != '\r' && u != '\n' && u < 0x80;
        });
        if (quotable && value.size() < 1024) {
            QByteArray quoted = "\"";
            for (const char c : value) {
                if (c == '"' || c == '\\')
                    quoted += '\\';
                quoted += c;
            }
            quoted += '"';
            return add(quoted);
        }
        return addLiteral(value);
    }
    Command &addLiteral(const QByteArray &value)
    {
        pieces.back().literal = value;
        pieces.push_back(Piece{});
        return *this;
    }
};

// The response code of "OK [CODE args] text": CODE args, or empty.
QByteArray responseCode(const QByteArray &text)
{
    if (!text.startsWith('['))
        return {};
    const qsizetype end = text.indexOf(']');
    return end < 0 ? QByteArray() : text.mid(1, end - 1);
}

QString describeSslError(const error_code &ec, SSL *ssl)
{
    if (ssl) {
        const long verify = SSL_get_verify_result(ssl);
        if (verify != X509_V_OK)
            return QStringLiteral("certificate verify failed (%1)")
                .arg(QString::fromUtf8(X509_verify_cert_error_string(verify)));
    }
    return QStringLiteral("TLS handshake failed: %1").arg(QString::fromStdString(ec.message()));
}

} // namespace

// ---------------------------------------------------------------------------------------------

class ImapClient::Impl
{
public:
    explicit Impl(Options options)
        : opts(std::move(options))
        , work(asio::make_work_guard(io))
        , resolver(io)
    {
        for (QByteArray &c : opts.ignoredCapabilities)
            c = c.toUpper();
    }

    ~Impl()
    {
        closeConnection();
        resolver.cancel();
        work.reset();
    }

    // ---- state ----
    Options opts;
    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work;
    tcp::resolver resolver;
    std::unique_ptr<ssl::context> tlsContext;
    std::unique_ptr<ssl::stream<tcp::socket>> stream;
    bool tls = false; // reading and writing through the TLS layer
    bool isConnected = false;
    int pendingOps = 0; // reads, writes and handshakes on `stream` not yet completed
    std::atomic<bool> interruptFlag{false};
    bool wasInterrupted = false;

    std::array<char, 64 * 1024> chunk{};
    bool readPending = false;
    error_code readError;
    QByteArray in;          // received, not yet parsed
    qsizetype scanFrom = 0; // where to look for the next CRLF in `in`
    Response partial;       // the response being parsed
    qint64 literalNeeded = -1;
    qsizetype parsed = 0; // bytes of `in` belonging to `partial`

    QList<QByteArray> caps;
    quint32 tagCounter = 0;
    quint32 exists = 0;
    bool newsSeen = false; // EXISTS, RECENT or EXPUNGE since the flag was cleared
    QByteArray byeText;
    Clock::time_point callDeadline;

    // ---- messages ----
    QString where() const { return QStringLiteral("%1:%2").arg(opts.host).arg(opts.port); }

    Status fatal(const QString &message)
    {
        closeConnection();
        return Status(Status::Unreachable, where() + QStringLiteral(": ") + message);
    }

    Status interruptedStatus()
    {
        wasInterrupted = true;
        closeConnection();
        return Status(Status::Unreachable, where() + QStringLiteral(": interrupted"));
    }

    Status notConnected() const
    {
        return Status(Status::Unreachable, where() + QStringLiteral(": not connected"));
    }

    // ---- the event loop ----
    enum class Wait { Done, Deadline, Interrupted };

    template<typename Done>
    Wait waitUntil(Done done, Clock::time_point deadline, bool interruptible)
    {
        while (!done()) {
            if (interruptible && interruptFlag.load())
                return Wait::Interrupted;
            const Clock::time_point now = Clock::now();
            if (now >= deadline)
                return Wait::Deadline;
            if (io.stopped())
                io.restart();
            io.run_one_for(deadline - now);
        }
        return Wait::Done;
    }

    Clock::time_point silenceDeadline() const
    {
        return std::min(callDeadline, Clock::now() + opts.timeout);
    }

    void beginCall() { callDeadline = Clock::now() + opts.callTimeout; }

    void closeConnection()
    {
        if (stream) {
            error_code ec;
            stream->next_layer().close(ec);
            // The aborted operations complete at once; the stream must outlive them.
            const Clock::time_point limit = Clock::now() + std::chrono::seconds(5);
            while (pendingOps > 0 && Clock::now() < limit) {
                if (io.stopped())
                    io.restart();
                io.run_one_for(std::chrono::milliseconds(100));
            }
            stream.reset();
        }
        isConnected = false;
        tls = false;
        readPending = false;
        readError = error_code(); // the aborted read's, or the old connection's
        in.clear();
        resetParser();
    }

    void resetParser()
    {
        scanFrom = 0;
        partial = Response();
        literalNeeded = -1;
        parsed = 0;
    }

    // ---- I/O ----
    void startRead()
    {
        if (readPending || !stream)
            return;
        readPending = true;
        ++pendingOps;
        auto handler = [this](const error_code &ec, std::size_t n) {
            --pendingOps;
            readPending = false;
            if (ec)
                readError = ec;
            else
                in.append(chunk.data(), qsizetype(n));
        };
        if (tls)
            stream->async_read_some(asio::buffer(chunk), handler);
        else
            stream->next_layer().async_read_some(asio::buffer(chunk), handler);
    }

    Status readErrorStatus()
    {
        const error_code ec = std::exchange(readError, error_code());
        if (ec == asio::error::eof || ec == asio::error::connection_reset ||
            ec == ssl::error::stream_truncated) {
            if (!byeText.isEmpty())
                return fatal(QStringLiteral("the server closed the connection: ") +
                             printable(byeText));
            return fatal(QStringLiteral("the server closed the connection"));
        }
        return fatal(QString::fromStdString(ec.message()));
    }

    // Writes data within the call's deadline; an interrupt ends the write unless it must finish
    // (IDLE and its DONE, which interrupt() itself asks for).
    Status write(const QByteArray &data, bool interruptible = true)
    {
        if (!stream)
            return notConnected();
        bool done = false;
        error_code result;
        ++pendingOps;
        auto handler = [&done, &result, this](const error_code &ec, std::size_t) {
            --pendingOps;
            result = ec;
            done = true;
        };
        if (tls)
            asio::async_write(*stream, asio::buffer(data.constData(), std::size_t(data.size())),
                              handler);
        else
            asio::async_write(stream->next_layer(),
                              asio::buffer(data.constData(), std::size_t(data.size())), handler);
        const Wait wait = waitUntil([&done] { return done; }, callDeadline, interruptible);
        if (wait == Wait::Interrupted)
            return interruptedStatus(); // closes, and so completes the handler
        if (wait == Wait::Deadline)
            return fatal(QStringLiteral("timed out sending to the server"));
        if (result)
            return fatal(QStringLiteral("sending failed: ") +
                         QString::fromStdString(result.message()));
        return Status();
    }

    // Parses one complete response out of `in` if there is one.
    enum class Parse { Complete, NeedMore, Error };
    Parse tryParse(Response *out, QString *error)
    {
        for (;;) {
            if (literalNeeded >= 0) {
                if (in.size() - parsed < literalNeeded)
                    return Parse::NeedMore;
                partial.literals.append(in.mid(parsed, literalNeeded));
                partial.literalEnds.append(partial.text.size());
                parsed += literalNeeded;
                scanFrom = parsed;
                literalNeeded = -1;
                continue;
            }
            const qsizetype crlf = in.indexOf("\r\n", std::max(scanFrom, parsed));
            if (crlf < 0) {
                if (in.size() - parsed > opts.maxLineBytes) {
                    *error = QStringLiteral("a line longer than %1 bytes").arg(opts.maxLineBytes);
                    return Parse::Error;
                }
                scanFrom = std::max(parsed, in.size() - 1);
                return Parse::NeedMore;
            }
            const qsizetype length = crlf - parsed;
            if (length > opts.maxLineBytes) {
                *error = QStringLiteral("a line longer than %1 bytes").arg(opts.maxLineBytes);
                return Parse::Error;
            }
            const QByteArray line = in.mid(parsed, length);
            parsed = crlf + 2;
            scanFrom = parsed;
            partial.text += line;
            if (partial.text.size() > opts.maxLineBytes + 1024) {
                *error = QStringLiteral("a response longer than %1 bytes").arg(opts.maxLineBytes);
                return Parse::Error;
            }
            // A literal announcement "{n}" (or "{n+}") ends the line.
            if (line.endsWith('}')) {
                const qsizetype open = line.lastIndexOf('{');
                if (open >= 0) {
                    QByteArrayView digits =
                        QByteArrayView(line).sliced(open + 1, line.size() - open - 2);
                    if (digits.endsWith('+'))
                        digits.chop(1);
                    quint64 size = 0;
                    if (parseNumber(digits, ~quint64(0) / 2, &size)) {
                        if (size > quint64(opts.maxLiteralBytes)) {
                            *error = QStringLiteral("the server announced a literal of %1 bytes, "
                                                    "more than the limit of %2")
                                         .arg(size)
                                         .arg(opts.maxLiteralBytes);
                            return Parse::Error;
                        }
                        qint64 total = qint64(size);
                        for (const QByteArray &l : std::as_const(partial.literals))
                            total += l.size();
                        if (total > opts.maxLiteralBytes) {
                            *error = QStringLiteral("a response with more than %1 bytes of "
                                                    "literals")
                                         .arg(opts.maxLiteralBytes);
                            return Parse::Error;
                        }
                        literalNeeded = qint64(size);
                        continue;
                    }
                }
            }
            *out = std::move(partial);
            in.remove(0, parsed);
            resetParser();
            return Parse::Complete;
        }
    }

    // The next response from the server, within the call's deadline; `interruptible` false only
    // for the short wait for the end of an IDLE.
    Result<Response> readResponse(bool interruptible = true,
                                  std::optional<Clock::time_point> until = std::nullopt)
    {
        for (;;) {
            if (!stream)
                return notConnected();
            Response response;
            QString error;
            const Parse parse = tryParse(&response, &error);
            if (parse == Parse::Complete)
                return response;
            if (parse == Parse::Error)
                return fatal(error);
            if (readError)
                return readErrorStatus();
            startRead();
            const Clock::time_point deadline = until ? *until : silenceDeadline();
            const Wait wait = waitUntil([this] { return !readPending; }, deadline, interruptible);
            if (wait == Wait::Interrupted)
                return interruptedStatus();
            if (wait == Wait::Deadline)
                return fatal(Clock::now() >= callDeadline
                                 ? QStringLiteral("the server took too long to answer")
                                 : QStringLiteral("no answer from the server within %1 s")
                                       .arg(opts.timeout.count() / 1000.0));
        }
    }

    // ---- untagged responses ----
    void setCapabilities(const QByteArray &list)
    {
        caps.clear();
        const QList<QByteArray> words = list.trimmed().split(' ');
        for (const QByteArray &w : words) {
            const QByteArray upper = w.toUpper();
            if (!upper.isEmpty() && !opts.ignoredCapabilities.contains(upper))
                caps.append(upper);
        }
    }

    bool hasCap(const QByteArray &cap) const { return caps.contains(cap.toUpper()); }

    // Looks at a status text (after OK/NO/BAD/BYE/PREAUTH) for codes that matter everywhere.
    void noteStatusText(const QByteArray &text)
    {
        const QByteArray code = responseCode(text);
        if (code.startsWith("CAPABILITY "))
            setCapabilities(code.mid(11));
    }

    // Handles what every untagged response can carry; returns the text after "* ".
    void noteUntagged(const Response &r)
    {
        const QByteArray rest = r.text.mid(2);
        const qsizetype space = rest.indexOf(' ');
        const QByteArray first = (space < 0 ? rest : rest.left(space)).toUpper();
        const QByteArray after = space < 0 ? QByteArray() : rest.mid(space + 1);
        if (first == "CAPABILITY") {
            setCapabilities(after);
        } else if (first == "OK" || first == "NO" || first == "BAD" || first == "PREAUTH") {
            noteStatusText(after);
        } else if (first == "BYE") {
            byeText = after;
        } else {
            quint32 number = 0;
            if (parseUid(first, &number)) {
                const QByteArray kind = after.trimmed().toUpper();
                if (kind == "EXISTS") {
                    exists = number;
                    newsSeen = true;
                } else if (kind == "RECENT") {
                    newsSeen = true;
                } else if (kind == "EXPUNGE") {
                    if (exists > 0)
                        --exists;
                    newsSeen = true;
                }
            }
        }
    }

    // ---- commands ----
    struct Tagged
    {
        QByteArray state; // OK, NO or BAD
        QByteArray text;
    };

    QByteArray nextTag() { return QByteArray("P") + QByteArray::number(++tagCounter); }

    // Sends `command` and reads until its tagged response; every untagged response goes to
    // noteUntagged() and then `onUntagged`, which returns false when it cannot make sense of
    // it. A NO or BAD comes back as a Tagged, not an error.
    template<typename OnUntagged> Result<Tagged> run(const Command &command, OnUntagged onUntagged)
    {
        if (!isConnected)
            return notConnected();
        if (interruptFlag.load())
            return interruptedStatus();
        const QByteArray tag = nextTag();
        const bool literalPlus = hasCap("LITERAL+");
        for (std::size_t i = 0; i < command.pieces.size(); ++i) {
            const Command::Piece &piece = command.pieces[i];
            QByteArray text = (i == 0 ? tag + ' ' : QByteArray()) + piece.text;
            if (!piece.literal) {
                if (Status s = write(text + "\r\n"); !s.good())
                    return s;
                continue;
            }
            const QByteArray size = QByteArray::number(piece.literal->size());
            text += '{' + size + (literalPlus ? "+}\r\n" : "}\r\n");
            if (Status s = write(text); !s.good())
                return s;
            if (!literalPlus) {
                // Wait for the continuation request; the server may refuse instead.
                for (;;) {
                    Result<Response> r = readResponse();
                    if (!r.good())
                        return r.status();
                    if (r->text.startsWith('+'))
                        break;
                    if (r->text.startsWith("* ")) {
                        if (!untagged(command, *r, onUntagged))
                            return malformed(command, *r);
                        continue;
                    }
                    Result<Tagged> t = tagged(*r, tag, command);
                    if (!t.good() || t->state != "OK")
                        return t;
                    return fatal(QString::fromLatin1(command.name) +
                                 QStringLiteral(": the server ended the command "
                                                "before its literal"));
                }
            }
            if (Status s = write(*piece.literal); !s.good())
                return s;
        }
        for (;;) {
            Result<Response> r = readResponse();
            if (!r.good())
                return r.status();
            if (r->text.startsWith("* ")) {
                if (!untagged(command, *r, onUntagged))
                    return malformed(command, *r);
                continue;
            }
            if (r->text.startsWith('+'))
                return fatal(QString::fromLatin1(command.name) +
                             QStringLiteral(": unexpected continuation request from the server"));
            return tagged(*r, tag, command);
        }
    }

    Result<Tagged> run(const Command &command)
    {
        return run(command, [](const Response &) { return true; });
    }

    template<typename OnUntagged>
    bool untagged(const Command &, const Response &r, OnUntagged &onUntagged)
    {
        noteUntagged(r);
        return onUntagged(r);
    }

    Status malformed(const Command &command, const Response &r)
    {
        return fatal(QString::fromLatin1(command.name) + QStringLiteral(": malformed answer: ") +
                     printable(r.text));
    }

    Result<Tagged> tagged(const Response &r, const QByteArray &tag, const Command &command)
    {
        if (!r.text.startsWith(QByteArray(tag + ' ')))
            return fatal(QString::fromLatin1(command.name) +
                         QStringLiteral(": unexpected response from the server: ") +
                         printable(r.text));
        const QByteArray rest = r.text.mid(tag.size() + 1);
        const qsizetype space = rest.indexOf(' ');
        Tagged t;
        t.state = (space < 0 ? rest : rest.left(space)).toUpper();
        t.text = space < 0 ? QByteArray() : rest.mid(space + 1);
        if (t.state != "OK" && t.state != "NO" && t.state != "BAD")
            return fatal(QString::fromLatin1(command.name) +
                         QStringLiteral(": unexpected response from the server: ") +
                         printable(r.text));
        noteStatusText(t.text);
        return t;
    }

    // The Status for a NO or BAD answer.
    Status refused(const Command &command, const Tagged &t) const
    {
        const QByteArray code = responseCode(t.text).toUpper();
        Status::Code kind = Status::Invalid;
        if (code == "NONEXISTENT" || code == "TRYCREATE")
            kind = Status::NotFound;
        else if (code == "UNAVAILABLE" || code == "INUSE" || code == "LIMIT" || code == "SERVERBUG")
            kind = Status::Busy; // temporary: worth another try later
        else if (code.isEmpty() && command.name == "SELECT")
            kind = Status::NotFound; // Dovecot 2.3 says "Mailbox doesn't exist" without a code
        return Status(kind, QString::fromLatin1(command.name) + QStringLiteral(" refused: ") +
                                printable(t.text));
    }

    Status runSimple(const Command &command)
    {
        Result<Tagged> t = run(command);
        if (!t.good())
            return t.status();
        if (t->state != "OK")
            return refused(command, *t);
        return Status();
    }

    // ---- connecting ----
    Status connect()
    {
        closeConnection();
        wasInterrupted = false;
        byeText.clear();
        caps.clear();
        exists = 0;
        newsSeen = false;
        beginCall();
        if (interruptFlag.load())
            return interruptedStatus();
        if (opts.host.isEmpty())
            return Status(Status::Invalid, QStringLiteral("no IMAP server given"));

        const Clock::time_point connectDeadline =
            std::min(callDeadline, Clock::now() + opts.timeout);
        // Resolve. getaddrinfo cannot be stopped: on a timeout or interrupt() the lookup is left
        // to finish in Asio's resolver thread, into a state of its own.
        struct Lookup
        {
            bool done = false;
            error_code error;
            tcp::resolver::results_type endpoints;
        };
        const auto lookup = std::make_shared<Lookup>();
        resolver.async_resolve(opts.host.toStdString(), std::to_string(opts.port),
                               [lookup](const error_code &ec, tcp::resolver::results_type results) {
                                   lookup->error = ec;
                                   lookup->endpoints = std::move(results);
                                   lookup->done = true;
                               });
        Wait wait = waitUntil([&] { return lookup->done; }, connectDeadline, true);
        if (wait != Wait::Done) {
            resolver.cancel();
            if (wait == Wait::Interrupted)
                return interruptedStatus();
            return fatal(QStringLiteral("timed out looking up the host name"));
        }
        if (lookup->error)
            return fatal(QStringLiteral("cannot resolve the host name: ") +
                         QString::fromStdString(lookup->error.message()));
        const tcp::resolver::results_type endpoints = lookup->endpoints;

        // TLS context (also for plain connections: the stream type is the same).
        if (!tlsContext) {
            tlsContext = std::make_unique<ssl::context>(ssl::context::tls_client);
            tlsContext->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                                    ssl::context::no_tlsv1_1 | ssl::context::no_compression);
            error_code ec;
            if (opts.insecureSkipVerify) {
                tlsContext->set_verify_mode(ssl::verify_none);
            } else {
                tlsContext->set_verify_mode(ssl::verify_peer);
                if (opts.caFile.isEmpty())
                    tlsContext->set_default_verify_paths(ec);
                else
                    tlsContext->load_verify_file(opts.caFile.toStdString(), ec);
            }
            if (ec) {
                tlsContext.reset();
                return Status(
                    Status::Invalid,
                    where() +
                        QStringLiteral(": cannot load the trusted certificates %1: %2")
                            .arg(opts.caFile.isEmpty() ? QStringLiteral("(system)") : opts.caFile,
                                 QString::fromStdString(ec.message())));
            }
        }
        stream = std::make_unique<ssl::stream<tcp::socket>>(io, *tlsContext);

        bool connected = false;
        error_code connectError;
        ++pendingOps;
        asio::async_connect(stream->next_layer(), endpoints,
                            [&, this](const error_code &ec, const tcp::endpoint &) {
                                --pendingOps;
                                connectError = ec;
                                connected = true;
                            });
        wait = waitUntil([&] { return connected; }, connectDeadline, true);
        if (wait == Wait::Interrupted)
            return interruptedStatus();
        if (wait == Wait::Deadline)
            return fatal(QStringLiteral("timed out connecting"));
        if (connectError)
            return fatal(QStringLiteral("cannot connect: ") +
                         QString::fromStdString(connectError.message()));
        isConnected = true;

        if (opts.security == ImapSecurity::ImplicitTls) {
            if (Status s = handshake(); !s.good())
                return s;
        }

        // The greeting.
        Result<Response> greeting = readResponse();
        if (!greeting.good())
            return greeting.status();
        const QByteArray g = greeting->text;
        if (g.startsWith("* BYE"))
            return fatal(QStringLiteral("the server refused the connection: ") +
                         printable(g.mid(6)));
        if (!g.startsWith("* OK") && !g.startsWith("* PREAUTH"))
            return fatal(QStringLiteral("not an IMAP server (greeting: %1)").arg(printable(g)));
        noteUntagged(*greeting);

        if (caps.isEmpty()) {
            if (Status s = capability(); !s.good())
                return s;
        }
        if (!hasCap("IMAP4REV1"))
            return fatal(QStringLiteral("the server does not speak IMAP4rev1"));

        if (opts.security == ImapSecurity::StartTls) {
            if (!hasCap("STARTTLS"))
                return fatal(QStringLiteral("the server does not offer STARTTLS"));
            Command c;
            c.name = QByteArrayLiteral("STARTTLS");
            c.add("STARTTLS");
            Result<Tagged> t = run(c);
            if (!t.good())
                return t.status();
            if (t->state != "OK")
                return fatal(QStringLiteral("STARTTLS refused: ") + printable(t->text));
            // Anything sent before the TLS session would be a plaintext injection.
            if (!in.isEmpty())
                return fatal(QStringLiteral("the server sent data before the TLS handshake"));
            if (Status s = handshake(); !s.good())
                return s;
            caps.clear();
            if (Status s = capability(); !s.good())
                return s;
        }
        return Status();
    }

    Status handshake()
    {
        SSL *native = stream->native_handle();
        const std::string host = opts.host.toStdString();
        error_code ec;
        (void)asio::ip::make_address(host, ec); // fails for a name, not an address
        if (ec) // a name: SNI, and the name checked against the certificate
            SSL_set_tlsext_host_name(native, host.c_str());
        if (!opts.insecureSkipVerify) {
            X509_VERIFY_PARAM *param = SSL_get0_param(native);
            X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
            const int ok = ec ? X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size())
                              : X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
            if (ok != 1)
                return fatal(QStringLiteral("cannot check the certificate against this host"));
        }
        bool done = false;
        error_code result;
        ++pendingOps;
        stream->async_handshake(ssl::stream_base::client, [&, this](const error_code &e) {
            --pendingOps;
            result = e;
            done = true;
        });
        const Wait wait = waitUntil([&] { return done; }, silenceDeadline(), true);
        if (wait == Wait::Interrupted)
            return interruptedStatus();
        if (wait == Wait::Deadline)
            return fatal(QStringLiteral("timed out in the TLS handshake"));
        if (result)
            return fatal(describeSslError(result, native));
        tls = true;
        return Status();
    }

    Status capability()
    {
        Command c;
        c.name = QByteArrayLiteral("CAPABILITY");
        c.add("CAPABILITY");
        Result<Tagged> t = run(c);
        if (!t.good())
            return t.status();
        if (t->state != "OK")
            return fatal(QStringLiteral("CAPABILITY refused: ") + printable(t->text));
        return Status();
    }

    Status login(const QString &user, const QString &password)
    {
        beginCall();
        const QByteArray u = user.toUtf8();
        const QByteArray p = password.toUtf8();
        Command c;
        Result<Tagged> t = Status(Status::Internal, QString());
        if (hasCap("AUTH=PLAIN")) {
            c.name = QByteArrayLiteral("AUTHENTICATE PLAIN");
            QByteArray plain;
            plain.append('\0').append(u).append('\0').append(p);
            const QByteArray response = plain.toBase64();
            if (hasCap("SASL-IR")) {
                c.add("AUTHENTICATE PLAIN " + response);
                t = run(c);
            } else {
                t = authenticatePlain(response, c);
            }
        } else {
            if (hasCap("LOGINDISABLED"))
                return fatal(QStringLiteral("the server does not allow a login on this connection "
                                            "(LOGINDISABLED): use TLS or STARTTLS"));
            c.name = QByteArrayLiteral("LOGIN");
            c.add("LOGIN ").addString(u).add(" ").addString(p);
            t = run(c);
        }
        if (!t.good())
            return t.status();
        if (t->state != "OK")
            return Status(Status::Unauthenticated,
                          QStringLiteral("login refused: ") + printable(t->text));
        // Capabilities change after the login; a server that did not send them is asked.
        if (!responseCode(t->text).startsWith("CAPABILITY ")) {
            if (Status s = capability(); !s.good())
                return s;
        }
        return Status();
    }

    // AUTHENTICATE PLAIN without SASL-IR: the response goes after the continuation request.
    Result<Tagged> authenticatePlain(const QByteArray &response, Command &c)
    {
        if (!isConnected)
            return notConnected();
        const QByteArray tag = nextTag();
        if (Status s = write(tag + " AUTHENTICATE PLAIN\r\n"); !s.good())
            return s;
        bool sent = false;
        for (;;) {
            Result<Response> r = readResponse();
            if (!r.good())
                return r.status();
            if (r->text.startsWith("* ")) {
                noteUntagged(*r);
                continue;
            }
            if (r->text.startsWith('+')) {
                if (sent) // a second challenge: cancel the exchange
                    return fatal(QStringLiteral("unexpected second challenge in AUTHENTICATE"));
                sent = true;
                if (Status s = write(response + "\r\n"); !s.good())
                    return s;
                continue;
            }
            return tagged(*r, tag, c);
        }
    }

    Result<ImapMailboxState> select(const QString &folder)
    {
        beginCall();
        Command c;
        c.name = QByteArrayLiteral("SELECT");
        c.add("SELECT ").addString(imapEncodeMailboxName(folder));
        ImapMailboxState state;
        bool haveValidity = false;
        exists = 0;
        Result<Tagged> t = run(c, [&](const Response &r) {
            if (!r.text.startsWith("* OK "))
                return true;
            const QByteArray code = responseCode(r.text.mid(5));
            if (code.startsWith("UIDVALIDITY "))
                return haveValidity = parseUid(code.mid(12), &state.uidValidity);
            if (code.startsWith("UIDNEXT "))
                return parseUid(code.mid(8), &state.uidNext);
            return true;
        });
        if (!t.good())
            return t.status();
        if (t->state != "OK")
            return refused(c, *t);
        if (!haveValidity)
            return fatal(QStringLiteral("SELECT: the server sent no UIDVALIDITY"));
        state.exists = exists;
        newsSeen = false;
        return state;
    }

    Result<QList<quint32>> search(const QByteArray &criteria)
    {
        beginCall();
        if (criteria.isEmpty() || criteria.contains('\r') || criteria.contains('\n') ||
            criteria.contains('\0'))
            return Status(Status::Invalid, QStringLiteral("bad search criteria"));
        Command c;
        c.name = QByteArrayLiteral("UID SEARCH");
        c.add("UID SEARCH " + criteria);
        QList<quint32> uids;
        Result<Tagged> t = run(c, [&](const Response &r) {
            if (r.text != "* SEARCH" && !r.text.startsWith("* SEARCH "))
                return true;
            const QList<QByteArray> words = r.text.mid(8).split(' ');
            for (const QByteArray &w : words) {
                if (w.isEmpty())
                    continue;
                quint32 uid = 0;
                if (!parseUid(w, &uid))
                    return false;
                uids.append(uid);
            }
            return true;
        });
        if (!t.good())
            return t.status();
        if (t->state != "OK")
            return refused(c, *t);
        std::sort(uids.begin(), uids.end());
        uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
        return uids;
    }

    // The value of `key` in a FETCH response's list, for the message with `uid`.
    static const Value *fetchItem(const Value &list, const QByteArray &key)
    {
        for (std::size_t i = 0; i + 1 < list.items.size(); i += 2) {
            if (list.items[i].kind == Value::Atom &&
                list.items[i].data.compare(key, Qt::CaseInsensitive) == 0)
                return &list.items[i + 1];
        }
        return nullptr;
    }

    Result<QByteArray> fetch(quint32 uid)
    {
        beginCall();
        Command c;
        c.name = QByteArrayLiteral("UID FETCH");
        c.add("UID FETCH " + QByteArray::number(uid) + " (UID BODY.PEEK[])");
        std::optional<QByteArray> body;
        Result<Tagged> t = run(c, [&](const Response &r) {
            // "* n FETCH (...)"
            const qsizetype space = r.text.indexOf(' ', 2);
            if (space < 0 || !r.text.mid(space + 1).startsWith("FETCH "))
                return true;
            Tokenizer tokens(r, space + 7);
            Value list;
            if (!tokens.value(&list) || list.kind != Value::List)
                return false;
            const Value *uidValue = fetchItem(list, "UID");
            quint32 got = 0;
            if (!uidValue || !parseUid(uidValue->data, &got) || got != uid)
                return true; // another message's flags, told in passing
            const Value *bodyValue = fetchItem(list, "BODY[]");
            if (bodyValue && !bodyValue->isNil())
                body = bodyValue->data;
            return true;
        });
        if (!t.good())
            return t.status();
        if (t->state != "OK")
            return refused(c, *t);
        if (!body)
            return Status(Status::NotFound, QStringLiteral("no message with UID %1").arg(uid));
        return *body;
    }

    Status store(quint32 uid, const QByteArray &flag)
    {
        beginCall();
        if (flag.isEmpty() || !std::all_of(flag.begin(), flag.end(),
                                           [](char ch) { return isAtomChar(ch) || ch == '\\'; }))
            return Status(Status::Invalid, QStringLiteral("bad flag name"));
        Command c;
        c.name = QByteArrayLiteral("UID STORE");
        c.add("UID STORE " + QByteArray::number(uid) + " +FLAGS.SILENT (" + flag + ')');
        return runSimple(c);
    }

    Status move(quint32 uid, const QString &folder)
    {
        beginCall();
        const QByteArray id = QByteArray::number(uid);
        const QByteArray name = imapEncodeMailboxName(folder);
        if (hasCap("MOVE")) {
            Command c;
            c.name = QByteArrayLiteral("UID MOVE");
            c.add("UID MOVE " + id + ' ').addString(name);
            return runSimple(c);
        }
        Command copy;
        copy.name = QByteArrayLiteral("UID COPY");
        copy.add("UID COPY " + id + ' ').addString(name);
        if (Status s = runSimple(copy); !s.good())
            return s;
        return expungeUid(id);
    }

    Status remove(quint32 uid)
    {
        beginCall();
        return expungeUid(QByteArray::number(uid));
    }

    // \Deleted and UID EXPUNGE (UIDPLUS), else EXPUNGE.
    Status expungeUid(const QByteArray &id)
    {
        Command mark;
        mark.name = QByteArrayLiteral("UID STORE");
        mark.add("UID STORE " + id + " +FLAGS.SILENT (\\Deleted)");
        if (Status s = runSimple(mark); !s.good())
            return s;
        Command expunge;
        if (hasCap("UIDPLUS")) {
            expunge.name = QByteArrayLiteral("UID EXPUNGE");
            expunge.add("UID EXPUNGE " + id);
        } else {
            expunge.name = QByteArrayLiteral("EXPUNGE");
            expunge.add("EXPUNGE");
        }
        return runSimple(expunge);
    }

    Status create(const QString &folder)
    {
        beginCall();
        Command c;
        c.name = QByteArrayLiteral("CREATE");
        c.add("CREATE ").addString(imapEncodeMailboxName(folder));
        Result<Tagged> t = run(c);
        if (!t.good())
            return t.status();
        if (t->state == "OK" || responseCode(t->text) == "ALREADYEXISTS")
            return Status();
        return refused(c, *t);
    }

    Result<quint32> append(const QString &folder, const QByteArray &message,
                           const QByteArray &flags)
    {
        beginCall();
        if (!std::all_of(flags.begin(), flags.end(),
                         [](char ch) { return isAtomChar(ch) || ch == '\\' || ch == ' '; }))
            return Status(Status::Invalid, QStringLiteral("bad flag name"));
        if (message.size() > opts.maxLiteralBytes)
            return Status(Status::Invalid, QStringLiteral("the message is larger than the limit"));
        Command c;
        c.name = QByteArrayLiteral("APPEND");
        c.add("APPEND ").addString(imapEncodeMailboxName(folder));
        if (!flags.trimmed().isEmpty())
            c.add(" (" + flags.trimmed() + ')');
        c.add(" ").addLiteral(message);
        Result<Tagged> t = run(c);
        if (!t.good())
            return t.status();
        if (t->state != "OK")
            return refused(c, *t);
        const QByteArray code = responseCode(t->text);
        quint32 uid = 0;
        if (code.startsWith("APPENDUID ")) {
            const QList<QByteArray> parts = code.split(' ');
            if (parts.size() == 3)
                (void)parseUid(parts[2], &uid); // 0: unknown, as without UIDPLUS
        }
        return uid;
    }

    Result<ImapIdleResult> idle(std::chrono::milliseconds maxWait)
    {
        beginCall();
        if (!isConnected)
            return notConnected();
        if (!hasCap("IDLE"))
            return Status(Status::Invalid,
                          where() + QStringLiteral(": the server does not support IDLE"));
        if (interruptFlag.load())
            return ImapIdleResult{ImapIdleResult::Interrupted, exists};
        Command c;
        c.name = QByteArrayLiteral("IDLE");
        const QByteArray tag = nextTag();
        // Up to the continuation request, interrupt() waits (at most `timeout`): the IDLE then
        // ends with DONE like any other, and the session goes on.
        if (Status s = write(tag + " IDLE\r\n", false); !s.good())
            return s;
        newsSeen = false;
        for (;;) {
            Result<Response> r = readResponse(false, silenceDeadline());
            if (!r.good())
                return r.status();
            if (r->text.startsWith('+'))
                break;
            if (r->text.startsWith("* ")) {
                noteUntagged(*r);
                continue;
            }
            Result<Tagged> t = tagged(*r, tag, c);
            if (!t.good())
                return t.status();
            return refused(c, *t);
        }
        // Idling: wait for news without cancelling the read, so that DONE can follow.
        ImapIdleResult result;
        result.reason = ImapIdleResult::TimedOut;
        // Not bounded by callTimeout: an IDLE is meant to last (up to 29 minutes).
        const Clock::time_point end =
            Clock::now() + std::max(maxWait, std::chrono::milliseconds(0));
        while (!newsSeen) {
            Response response;
            QString error;
            const Parse parse = tryParse(&response, &error);
            if (parse == Parse::Error)
                return fatal(error);
            if (parse == Parse::Complete) {
                if (!response.text.startsWith("* "))
                    return fatal(QStringLiteral("IDLE: unexpected response from the server: ") +
                                 printable(response.text));
                noteUntagged(response);
                if (!byeText.isEmpty())
                    return fatal(QStringLiteral("the server ended the session: ") +
                                 printable(byeText));
                continue;
            }
            if (readError)
                return readErrorStatus();
            startRead();
            const Wait wait = waitUntil([this] { return !readPending; }, end, true);
            if (wait == Wait::Interrupted) {
                result.reason = ImapIdleResult::Interrupted;
                break;
            }
            if (wait == Wait::Deadline)
                break;
        }
        if (newsSeen)
            result.reason = ImapIdleResult::Changed;
        // DONE, then the rest of what the server says up to the tagged OK. After interrupt()
        // the server gets a short time only.
        callDeadline = Clock::now() + opts.timeout;
        if (result.reason == ImapIdleResult::Interrupted)
            callDeadline = std::min(callDeadline, Clock::now() + std::chrono::seconds(2));
        if (Status s = write("DONE\r\n", false); !s.good())
            return s;
        for (;;) {
            Result<Response> r = readResponse(false, callDeadline);
            if (!r.good())
                return r.status();
            if (r->text.startsWith("* ")) {
                noteUntagged(*r);
                continue;
            }
            Result<Tagged> t = tagged(*r, tag, c);
            if (!t.good())
                return t.status();
            if (t->state != "OK")
                return refused(c, *t);
            break;
        }
        if (newsSeen && result.reason == ImapIdleResult::TimedOut)
            result.reason = ImapIdleResult::Changed;
        result.exists = exists;
        return result;
    }

    Result<bool> noop()
    {
        beginCall();
        Command c;
        c.name = QByteArrayLiteral("NOOP");
        c.add("NOOP");
        newsSeen = false;
        if (Status s = runSimple(c); !s.good())
            return s;
        return std::exchange(newsSeen, false);
    }

    Status logout()
    {
        if (!isConnected) {
            closeConnection();
            return Status();
        }
        beginCall();
        callDeadline = std::min(callDeadline, Clock::now() + opts.timeout);
        Command c;
        c.name = QByteArrayLiteral("LOGOUT");
        c.add("LOGOUT");
        Result<Tagged> t = run(c);
        closeConnection();
        return t.good() ? Status() : t.status();
    }
};

// ---------------------------------------------------------------------------------------------

ImapClient::ImapClient(Options options)
    : d(std::make_unique<Impl>(std::move(options)))
{}

ImapClient::~ImapClient() = default;

Status ImapClient::connect()
{
    return d->connect();
}

Status ImapClient::login(const QString &user, const QString &password)
{
    return d->login(user, password);
}

Result<ImapMailboxState> ImapClient::select(const QString &folder)
{
    return d->select(folder);
}

Result<QList<quint32>> ImapClient::uidSearch(const QByteArray &criteria)
{
    return d->search(criteria);
}

Result<QList<quint32>> ImapClient::uidsFrom(quint32 firstUid)
{
    Result<QList<quint32>> uids =
        d->search("UID " + QByteArray::number(std::max<quint32>(firstUid, 1)) + ":*");
    if (uids.good())
        uids->removeIf([firstUid](quint32 uid) { return uid < firstUid; });
    return uids;
}

Result<QByteArray> ImapClient::fetchMessage(quint32 uid)
{
    return d->fetch(uid);
}

Status ImapClient::addFlag(quint32 uid, const QByteArray &flag)
{
    return d->store(uid, flag);
}

Status ImapClient::move(quint32 uid, const QString &folder)
{
    return d->move(uid, folder);
}

Status ImapClient::remove(quint32 uid)
{
    return d->remove(uid);
}

Status ImapClient::createFolder(const QString &folder)
{
    return d->create(folder);
}

Result<quint32> ImapClient::append(const QString &folder, const QByteArray &message,
                                   const QByteArray &flags)
{
    return d->append(folder, message, flags);
}

Result<ImapIdleResult> ImapClient::idle(std::chrono::milliseconds maxWait)
{
    return d->idle(maxWait);
}

Result<bool> ImapClient::noop()
{
    return d->noop();
}

Status ImapClient::logout()
{
    return d->logout();
}

void ImapClient::disconnect()
{
    d->closeConnection();
}

void ImapClient::interrupt()
{
    d->interruptFlag.store(true);
    // Wakes the io_context's run_one_for in the client's thread.
    asio::post(d->io, [] {});
}

void ImapClient::resetInterrupt()
{
    d->interruptFlag.store(false);
}

bool ImapClient::interrupted() const
{
    return d->interruptFlag.load() || d->wasInterrupted;
}

bool ImapClient::connected() const
{
    return d->isConnected;
}

bool ImapClient::hasCapability(const QByteArray &capability) const
{
    return d->hasCap(capability);
}

QList<QByteArray> ImapClient::capabilities() const
{
    return d->caps;
}

const ImapClient::Options &ImapClient::options() const
{
    return d->opts;
}

// ---------------------------------------------------------------------------------------------

ImapBackoff::ImapBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
    : m_first(std::max(first, std::chrono::milliseconds(1)))
    , m_max(std::max(max, m_first))
    , m_next(m_first)
{}

std::chrono::milliseconds ImapBackoff::next()
{
    const std::chrono::milliseconds delay = m_next;
    m_next = std::min(m_next * 2, m_max);
    // Up to a fifth less, at random: mailboxes that failed together do not retry together.
    const qint64 jitter = QRandomGenerator::global()->bounded(qint64(delay.count() / 5 + 1));
    return delay - std::chrono::milliseconds(jitter);
}

void ImapBackoff::reset()
{
    m_next = m_first;
}

// ---------------------------------------------------------------------------------------------

Result<ImapEndpoint> ImapEndpoint::parse(const QString &text)
{
    const auto bad = [&text](const QString &why) {
        return Status(Status::Invalid,
                      QStringLiteral("bad IMAP address \"%1\": %2").arg(text, why));
    };
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return bad(QStringLiteral("not a URL (imap[s]://USER@HOST:PORT/FOLDER)"));
    ImapEndpoint endpoint;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("imaps")) {
        endpoint.security = ImapSecurity::ImplicitTls;
        endpoint.port = 993;
    } else if (scheme == QLatin1String("imap")) {
        endpoint.security = ImapSecurity::Plain;
        endpoint.port = 143;
    } else {
        return bad(QStringLiteral("the scheme must be imap or imaps"));
    }
    if (!url.password().isEmpty() || url.userInfo().contains(QLatin1Char(':')))
        return bad(QStringLiteral("no password in the address: it is read from standard input"));
    if (url.hasQuery() || url.hasFragment())
        return bad(QStringLiteral("no query or fragment allowed"));
    endpoint.user = url.userName(QUrl::FullyDecoded);
    if (endpoint.user.isEmpty())
        return bad(QStringLiteral("no user name (USER@HOST)"));
    endpoint.host = url.host(QUrl::FullyDecoded);
    if (endpoint.host.isEmpty())
        return bad(QStringLiteral("no host name"));
    // QUrl takes "host:" as no port, and "host:0" as port 0.
    const int port = url.port(-1);
    if (port == 0)
        return bad(QStringLiteral("port 0"));
    if (port > 0)
        endpoint.port = quint16(port);
    QString folder = url.path(QUrl::FullyDecoded);
    if (folder.startsWith(QLatin1Char('/')))
        folder.remove(0, 1);
    if (folder.endsWith(QLatin1Char('/')))
        folder.chop(1);
    if (folder.contains(QChar(0)) || folder.contains(QLatin1Char('\r')) ||
        folder.contains(QLatin1Char('\n')))
        return bad(QStringLiteral("control characters in the folder name"));
    if (!folder.isEmpty())
        endpoint.folder = folder;
    return endpoint;
}

// ---------------------------------------------------------------------------------------------

QByteArray imapEncodeMailboxName(const QString &name)
{
    QByteArray out;
    QByteArray pending; // UTF-16BE of the current run of non-ASCII characters
    const auto flush = [&] {
        if (pending.isEmpty())
            return;
        QByteArray b64 = pending.toBase64(QByteArray::OmitTrailingEquals);
        b64.replace('/', ',');
        out += '&' + b64 + '-';
        pending.clear();
    };
    for (const QChar ch : name) {
        const char16_t u = ch.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            out += u == '&' ? QByteArray("&-") : QByteArray(1, char(u));
        } else {
            pending += char(u >> 8);
            pending += char(u & 0xff);
        }
    }
    flush();
    return out;
}

QString imapDecodeMailboxName(const QByteArray &name)
{
    QString out;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name.at(i);
        if (c != '&') {
            out += QLatin1Char(c);
            continue;
        }
        const qsizetype end = name.indexOf('-', i + 1);
        if (end < 0)
            return QString::fromLatin1(name); // not modified UTF-7: as it is
        if (end == i + 1) {
            out += QLatin1Char('&');
        } else {
            QByteArray b64 = name.mid(i + 1, end - i - 1);
            b64.replace(',', '/');
            const QByteArray utf16 = QByteArray::fromBase64(b64);
            for (qsizetype k = 0; k + 1 < utf16.size(); k += 2)
                out += QChar(char16_t((quint8(utf16.at(k)) << 8) | quint8(utf16.at(k + 1))));
        }
        i = end;
    }
    return out;
}

} // namespace Pult
