// pultd's SMTP client and outgoing mail (server/mail/): messages composed and sent to Postfix's
// real smtp-sink (smtpsinkprocess.h), compared byte for byte with what arrived; smtp-sink's
// switches for 4xx, 5xx, 421 and dropped connections; TLS (STARTTLS and implicit), AUTH and
// hostile servers against a small scripted server in this file (smtp-sink has no TLS), with a
// certificate made by the openssl command.

#include "mail/outgoingmail.h"
#include "mail/smtpclient.h"
#include "smtpsinkprocess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <sys/socket.h>

using namespace Pult::Mail;
using namespace std::chrono_literals;

namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// A scripted SMTP server on a loopback port, one connection at a time, in its own thread with
// blocking Asio calls; the destructor shuts the sockets down, which ends any call under way.
class FakeServer
{
public:
    struct Connection
    {
        explicit Connection(asio::io_context &io, ssl::context &context)
            : stream(io, context)
        {}
        ssl::stream<tcp::socket> stream;
        bool tls = false;
        std::string input;

        std::string readLine()
        {
            const std::size_t n =
                tls ? asio::read_until(stream, asio::dynamic_buffer(input), "\r\n")
                    : asio::read_until(stream.next_layer(), asio::dynamic_buffer(input), "\r\n");
            std::string line = input.substr(0, n - 2);
            input.erase(0, n);
            return line;
        }
        void write(std::string_view text)
        {
            if (tls)
                asio::write(stream, asio::buffer(text.data(), text.size()));
            else
                asio::write(stream.next_layer(), asio::buffer(text.data(), text.size()));
        }
        void startTls()
        {
            stream.handshake(ssl::stream_base::server);
            tls = true;
        }
    };
    using Script = std::function<void(Connection &, FakeServer &)>;

    FakeServer(Script script, const QString &certificate, const QString &key, bool implicitTls)
        : m_script(std::move(script))
        , m_implicitTls(implicitTls)
    {
        if (!certificate.isEmpty()) {
            m_context.use_certificate_chain_file(certificate.toStdString());
            m_context.use_private_key_file(key.toStdString(), ssl::context::pem);
        }
        m_acceptor.open(tcp::v4());
        m_acceptor.bind(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
        m_acceptor.listen();
        m_port = m_acceptor.local_endpoint().port();
        m_thread = std::thread([this] { run(); });
    }
    ~FakeServer()
    {
        ::shutdown(m_acceptor.native_handle(), SHUT_RDWR);
        const int fd = m_connection.load();
        if (fd >= 0)
            ::shutdown(fd, SHUT_RDWR);
        m_thread.join();
    }

    std::uint16_t port() const { return m_port; }
    void record(std::string line)
    {
        const std::lock_guard lock(m_mutex);
        m_log.push_back(std::move(line));
    }
    std::vector<std::string> log() const
    {
        const std::lock_guard lock(m_mutex);
        return m_log;
    }
    int connections() const { return m_connections.load(); }

private:
    void run()
    {
        while (true) {
            Connection connection(m_io, m_context);
            boost::system::error_code ec;
            m_acceptor.accept(connection.stream.next_layer(), ec);
            if (ec)
                return;
            ++m_connections;
            m_connection = connection.stream.next_layer().native_handle();
            try {
                if (m_implicitTls)
                    connection.startTls();
                m_script(connection, *this);
            } catch (const std::exception &) {
                // The client went away, or the TLS handshake failed: the next connection.
            }
            m_connection = -1;
        }
    }

    Script m_script;
    bool m_implicitTls;
    asio::io_context m_io;
    ssl::context m_context{ssl::context::tls_server};
    tcp::acceptor m_acceptor{m_io};
    std::uint16_t m_port = 0;
    std::atomic<int> m_connection{-1};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    std::vector<std::string> m_log;
    std::thread m_thread;
};

// A well-behaved server; the log gets each command (prefixed "tls " once encrypted) and each
// message ("DATA:" + its dot-stuffed lines).
struct Behaviour
{
    bool startTls = false;
    std::string auth = "PLAIN LOGIN"; // empty: no AUTH
    std::string size = "10240000";    // empty: no SIZE
    bool refuseEhlo = false;
    std::map<std::string, std::string> rcptReplies; // address -> reply line
};

FakeServer::Script smtpScript(Behaviour behaviour)
{
    return [behaviour](FakeServer::Connection &c, FakeServer &server) {
        c.write("220 fake.test ESMTP\r\n");
        while (true) {
            const std::string line = c.readLine();
            server.record((c.tls ? "tls " : "") + line);
            const std::string verb = line.substr(0, 4);
            if (verb == "EHLO") {
                if (behaviour.refuseEhlo) {
                    c.write("502 5.5.2 EHLO not implemented\r\n");
                    continue;
                }
                std::string reply = "250-fake.test\r\n";
                if (behaviour.startTls && !c.tls)
                    reply += "250-STARTTLS\r\n";
                if (!behaviour.auth.empty())
                    reply += "250-AUTH " + behaviour.auth + "\r\n";
                if (!behaviour.size.empty())
                    reply += "250-SIZE " + behaviour.size + "\r\n";
                c.write(reply + "250 8BITMIME\r\n");
            } else if (verb == "HELO") {
                c.write("250 fake.test\r\n");
            } else if (line == "STARTTLS") {
                c.write("220 2.0.0 Ready to start TLS\r\n");
                c.startTls();
            } else if (line.starts_with("AUTH PLAIN ")) {
                c.write("235 2.7.0 Authentication successful\r\n");
            } else if (line == "AUTH LOGIN") {
                c.write("334 VXNlcm5hbWU6\r\n");
                server.record("user " + c.readLine());
                c.write("334 UGFzc3dvcmQ6\r\n");
                server.record("password " + c.readLine());
                c.write("235 2.7.0 Authentication successful\r\n");
            } else if (verb == "MAIL") {
                c.write("250 2.1.0 Ok\r\n");
            } else if (verb == "RCPT") {
                const std::string address =
                    line.substr(line.find('<') + 1, line.find('>') - line.find('<') - 1);
                const auto special = behaviour.rcptReplies.find(address);
                c.write((special != behaviour.rcptReplies.end() ? special->second
                                                                : std::string("250 2.1.5 Ok")) +
                        "\r\n");
            } else if (verb == "DATA") {
                c.write("354 End data with <CR><LF>.<CR><LF>\r\n");
                std::string data;
                for (std::string l = c.readLine(); l != "."; l = c.readLine())
                    data += l + "\n";
                server.record("DATA:" + data);
                c.write("250 2.0.0 Ok: queued as FAKE1\r\n");
            } else if (verb == "RSET") {
                c.write("250 2.0.0 Ok\r\n");
            } else if (verb == "QUIT") {
                c.write("221 2.0.0 Bye\r\n");
                return;
            } else {
                c.write("502 5.5.2 Error: command not recognized\r\n");
            }
        }
    };
}

// Decoders for checking what was composed.
QByteArray decodeQuotedPrintable(const QByteArray &encoded)
{
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded[i] != '=') {
            out += encoded[i];
        } else if (encoded.mid(i + 1, 2) == "\r\n") {
            i += 2;
        } else {
            out += char(encoded.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        }
    }
    return out;
}

// The decoded text of encoded-words "=?UTF-8?Q?...?=" separated by folding white space.
QByteArray decodeWords(QByteArray value)
{
    value.replace("\r\n", "");
    QByteArray out;
    for (const QByteArray &word : value.split(' ')) {
        if (word.isEmpty())
            continue;
        if (!word.startsWith("=?UTF-8?Q?") || !word.endsWith("?="))
            return "not an encoded word: " + word;
        QByteArray payload = word.mid(10, word.size() - 12);
        payload.replace('_', ' ');
        out += decodeQuotedPrintable(payload);
    }
    return out;
}

// A header's value (unfolded, CRLFs kept for the folding checks) from a message.
QByteArray headerValue(const QByteArray &message, const QByteArray &name)
{
    const qsizetype headersEnd = message.indexOf("\r\n\r\n");
    qsizetype start = message.startsWith(QByteArray(name + ": "))
                          ? 0
                          : message.indexOf(QByteArray("\r\n" + name + ": "));
    if (start < 0 || start > headersEnd)
        return {};
    if (start > 0)
        start += 2;
    start += name.size() + 2;
    qsizetype end = start;
    while (true) {
        end = message.indexOf("\r\n", end);
        if (end < 0 || (message[end + 2] != ' ' && message[end + 2] != '\t'))
            break;
        end += 2;
    }
    return message.mid(start, end - start);
}

// The parts of a multipart body with this boundary (each with its headers).
QList<QByteArray> mimeParts(const QByteArray &body, const QByteArray &boundary)
{
    QList<QByteArray> parts;
    const QByteArray delimiter = QByteArray("--" + boundary);
    qsizetype start = body.indexOf(QByteArray(delimiter + "\r\n"));
    while (start >= 0) {
        start += delimiter.size() + 2;
        const qsizetype end = body.indexOf(QByteArray("\r\n" + delimiter), start);
        if (end < 0)
            break;
        parts.append(body.mid(start, end - start));
        start = body.mid(end + 2 + delimiter.size(), 2) == "--" ? -1 : end + 2;
    }
    return parts;
}

QByteArray boundaryOf(const QByteArray &headers)
{
    const qsizetype at = headers.indexOf("boundary=\"");
    return at < 0 ? QByteArray() : headers.mid(at + 10, headers.indexOf('"', at + 10) - at - 10);
}

bool linesWithin(const QByteArray &text, qsizetype limit)
{
    for (const QByteArray &line : text.split('\n'))
        if (line.size() - (line.endsWith('\r') ? 1 : 0) > limit)
            return false;
    return true;
}

OutgoingMail sampleMail()
{
    OutgoingMail mail;
    mail.from = {"Podpora – Račun", "billing@pult.test"};
    mail.to = {{"Žan Kovačič", "zan@example.com"}, {"", "plain@example.com"}};
    mail.cc = {{"Ana \"Ani\" Novak, Ljubljana", "ana@example.com"}};
    mail.subject = "Re: Vaš račun št. 1042 – plačilo ni uspelo, prosimo preverite podatke [#1042]";
    mail.date = std::chrono::sys_days(std::chrono::year(2026) / 12 / 6) + 7h + 5min + 9s;
    mail.messageId = "<reply.1@pult.test>";
    mail.inReplyTo = "customer.1@example.com";
    mail.references = {"<customer.0@example.com>", "<customer.1@example.com>"};
    mail.autoSubmitted = "auto-replied";
    mail.loopId = "pult-billing";
    mail.textBody = "Pozdravljeni,\n"
                    ".\n"
                    ".leading dot\n"
                    "..two dots\n"
                    "From the beginning\n"
                    "trailing spaces   \n"
                    "čšž ČŠŽ đ ć – €, a long line: " +
                    std::string(120, 'x') + "\n\nLep pozdrav\n";
    return mail;
}

} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    PultdTest::SmtpSink m_sink; // plain smtp-sink, shared by the cases that expect success

    SmtpOptions sinkOptions(const PultdTest::SmtpSink &sink) const
    {
        SmtpOptions options;
        options.endpoint.host = "127.0.0.1";
        options.endpoint.port = sink.port();
        options.heloName = "pult.test";
        options.stepTimeout = 5s;
        options.callTimeout = 20s;
        return options;
    }
    SmtpOptions fakeOptions(const FakeServer &server, SmtpSecurity security) const
    {
        SmtpOptions options;
        options.endpoint = {security, "localhost", server.port(), "agent@pult.test"};
        options.password = "sEcret-pässword";
        options.caFile = m_certificate.toStdString();
        options.stepTimeout = 5s;
        options.callTimeout = 20s;
        return options;
    }
    static SmtpEnvelope envelope()
    {
        return {"billing@pult.test", {"zan@example.com", "plain@example.com"}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!openssl.isEmpty(), "the openssl command makes the test's certificate");
        m_certificate = m_dir.filePath(QStringLiteral("cert.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess process;
        // Only DNS:localhost: connecting to 127.0.0.1 is a host name mismatch.
        process.start(openssl,
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost"),
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-keyout"),
                       m_key, QStringLiteral("-out"), m_certificate});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
    }

    void init() { m_sink.clearMessages(); }

    void endpointUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("starttls");
        QTest::addColumn<QString>("expected"); // formatted endpoint + security, or "error: ..."
        QTest::addColumn<QString>("user");
        const auto row = [](const char *name, const char *url, bool starttls, const char *expected,
                            const char *user = "") {
            QTest::newRow(name) << QString::fromUtf8(url) << starttls << QString::fromUtf8(expected)
                                << QString::fromUtf8(user);
        };
        row("plain default port", "smtp://mail.example.com", false,
            "smtp://mail.example.com:25 plain");
        row("starttls default port", "smtp://mail.example.com", true,
            "smtp://mail.example.com:587 starttls");
        row("smtps default port", "smtps://mail.example.com", false,
            "smtps://mail.example.com:465 tls");
        row("user with %40", "smtps://agent%40example.com@mail.example.com:2465", false,
            "smtps://agent%40example.com@mail.example.com:2465 tls", "agent@example.com");
        row("upper-case scheme, slash", "SMTP://u@Mail.Example.com:587/", true,
            "smtp://u@Mail.Example.com:587 starttls", "u");
        row("ipv4", "smtp://127.0.0.1:2525", false, "smtp://127.0.0.1:2525 plain");
        row("ipv6", "smtps://[::1]:4650", false, "smtps://[::1]:4650 tls");
        row("starttls with smtps", "smtps://mail.example.com", true, "error: --starttls");
        row("wrong scheme", "imap://mail.example.com", false, "error: not an smtp://");
        row("no scheme", "mail.example.com:25", false, "error: not an smtp://");
        row("empty host", "smtp://:25", false, "error: no host");
        row("empty host after user", "smtp://user@", false, "error: no host");
        row("empty port", "smtp://mail.example.com:", false, "error: empty port");
        row("port zero", "smtp://mail.example.com:0", false, "error: between 1 and 65535");
        row("port too big", "smtp://mail.example.com:65536", false, "error: between 1 and 65535");
        row("port not a number", "smtp://mail.example.com:smtp", false, "error: not a port");
        row("password in url", "smtp://user:secret@mail.example.com", false,
            "error: the password does not belong");
        row("empty user", "smtp://@mail.example.com", false, "error: user name before");
        row("bad escape", "smtp://a%4@mail.example.com", false, "error: bad %-escape");
        row("escaped newline", "smtp://a%0A@mail.example.com", false, "error: control character");
        row("path", "smtp://mail.example.com/INBOX", false, "error: no path");
        row("space", "smtp://mail example.com", false, "error: spaces");
        row("newline", "smtp://mail.example.com\r\n", false, "error: spaces");
        row("bad host", "smtp://mail_ex!ample.com", false, "error: not a host name");
        row("ipv6 unclosed", "smtp://[::1:25", false, "error: closing ']'");
        row("ipv6 not an address", "smtp://[mail]:25", false, "error: not an IPv6");
        row("empty", "", false, "error: not an smtp://");
    }
    void endpointUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, starttls);
        QFETCH(QString, expected);
        QFETCH(QString, user);
        std::string error;
        const std::optional<SmtpEndpoint> endpoint =
            parseSmtpEndpoint(url.toStdString(), starttls, error);
        if (expected.startsWith(QStringLiteral("error: "))) {
            QVERIFY2(!endpoint, qPrintable(url));
            QVERIFY2(QString::fromStdString(error).contains(expected.mid(7)), error.c_str());
            return;
        }
        QVERIFY2(endpoint, error.c_str());
        const char *security = endpoint->security == SmtpSecurity::Plain      ? "plain"
                               : endpoint->security == SmtpSecurity::StartTls ? "starttls"
                                                                              : "tls";
        QCOMPARE(QString::fromStdString(formatSmtpEndpoint(*endpoint) + " " + security), expected);
        QCOMPARE(QString::fromStdString(endpoint->user), user);
    }

    void composedHeaders()
    {
        std::string error;
        const std::optional<std::string> composed = composeMail(sampleMail(), error);
        QVERIFY2(composed, error.c_str());
        const QByteArray message = bytes(*composed);
        const QByteArray headers = message.left(message.indexOf("\r\n\r\n") + 2);
        QVERIFY2(linesWithin(message, 76), headers.constData());
        // 7-bit clean, CRLF only.
        QVERIFY(std::all_of(message.begin(), message.end(), [](char c) { return c > 0; }));
        QCOMPARE(message.count("\r\n"), message.count('\n'));

        QCOMPARE(headerValue(message, "Date"), QByteArray("Sun, 06 Dec 2026 07:05:09 +0000"));
        QCOMPARE(headerValue(message, "Message-ID"), QByteArray("<reply.1@pult.test>"));
        QCOMPARE(headerValue(message, "In-Reply-To"), QByteArray("<customer.1@example.com>"));
        QCOMPARE(headerValue(message, "References"),
                 QByteArray("<customer.0@example.com> <customer.1@example.com>"));
        QCOMPARE(headerValue(message, "Auto-Submitted"), QByteArray("auto-replied"));
        QCOMPARE(headerValue(message, "X-Pult-Loop"), QByteArray("pult-billing"));
        QCOMPARE(headerValue(message, "MIME-Version"), QByteArray("1.0"));
        QCOMPARE(headerValue(message, "Content-Type"), QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(headerValue(message, "Content-Transfer-Encoding"), QByteArray("quoted-printable"));

        const QByteArray subject = headerValue(message, "Subject");
        QVERIFY2(subject.contains("\r\n "), subject.constData()); // folded
        QCOMPARE(QString::fromUtf8(decodeWords(subject)),
                 QString::fromStdString(sampleMail().subject));

        const QByteArray from = headerValue(message, "From");
        QVERIFY(from.endsWith(" <billing@pult.test>"));
        QCOMPARE(QString::fromUtf8(decodeWords(from.left(from.lastIndexOf(' ')))),
                 QStringLiteral("Podpora – Račun"));
        const QByteArray to = headerValue(message, "To").replace("\r\n", "");
        QVERIFY2(to.endsWith(" <zan@example.com>, plain@example.com"), to.constData());
        QCOMPARE(headerValue(message, "Cc"),
                 QByteArray("\"Ana \\\"Ani\\\" Novak, Ljubljana\" <ana@example.com>"));

        // A plain ASCII subject stays readable; one that looks like an encoded word does not.
        OutgoingMail mail = sampleMail();
        mail.subject = "Your ticket [#1042] is solved";
        QCOMPARE(headerValue(bytes(*composeMail(mail, error)), "Subject"),
                 QByteArray("Your ticket [#1042] is solved"));
        mail.subject = "=?UTF-8?Q?fake?=";
        QCOMPARE(decodeWords(headerValue(bytes(*composeMail(mail, error)), "Subject")),
                 QByteArray("=?UTF-8?Q?fake?="));
    }

    void quotedPrintable()
    {
        QCOMPARE(bytes(encodeQuotedPrintable("a  \nb\t\r\nc=d\re")),
                 QByteArray("a =20\r\nb=09\r\nc=3Dd\r\ne\r\n"));
        QCOMPARE(bytes(encodeQuotedPrintable("From here\n.\n")),
                 QByteArray("=46rom here\r\n.\r\n"));
        QCOMPARE(bytes(encodeQuotedPrintable("č")), QByteArray("=C4=8D\r\n"));
        // Long lines: soft breaks, never splitting =XX, every line within 76.
        const std::string text = std::string(75, 'a') + "\n" + std::string(200, 'b') + "ččč" +
                                 std::string(100, ' ') + "end  ";
        const QByteArray encoded = bytes(encodeQuotedPrintable(text));
        QVERIFY(linesWithin(encoded, 76));
        QVERIFY(!encoded.contains(" \r\n"));
        QByteArray expected = bytes(text);
        expected.replace("\n", "\r\n");
        QCOMPARE(decodeQuotedPrintable(encoded), expected + "\r\n");
        // Encoded words: at most 75 characters each, whole UTF-8 characters.
        const std::string words =
            encodeWords(std::string(100, 'x') + "čćžš đ €😀 " + std::string(30, 'y'));
        for (const QByteArray &word : bytes(words).split(' '))
            QVERIFY2(word.size() <= 75, word.constData());
        QCOMPARE(decodeWords(bytes(words)),
                 bytes(std::string(100, 'x') + "čćžš đ €😀 " + std::string(30, 'y')));
    }

    void headerInjectionRefused_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("from address") << 0 << QStringLiteral("from: the address contains");
        QTest::newRow("to address") << 1 << QStringLiteral("to[0]: the address contains");
        QTest::newRow("message-id") << 2 << QStringLiteral("message-id:");
        QTest::newRow("in-reply-to") << 3 << QStringLiteral("in-reply-to:");
        QTest::newRow("references") << 4 << QStringLiteral("references:");
        QTest::newRow("loop id") << 5 << QStringLiteral("loop id:");
        QTest::newRow("auto-submitted") << 6 << QStringLiteral("auto-submitted:");
        QTest::newRow("file name") << 7 << QStringLiteral("file name");
        QTest::newRow("content type") << 8 << QStringLiteral("not a content type");
        QTest::newRow("address without @") << 9 << QStringLiteral("cc[0]: not a valid address");
    }
    void headerInjectionRefused()
    {
        QFETCH(int, field);
        QFETCH(QString, expected);
        const std::string evil = "\r\nBcc: victim@example.com";
        OutgoingMail mail = sampleMail();
        QFile file(m_dir.filePath(QStringLiteral("a.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        file.close();
        switch (field) {
        case 0:
            mail.from.address += evil;
            break;
        case 1:
            mail.to[0].address = "a@b.test" + evil;
            break;
        case 2:
            mail.messageId = "<a@b.test>" + evil;
            break;
        case 3:
            mail.inReplyTo = "<a@b.test>" + evil;
            break;
        case 4:
            mail.references.push_back("<a@b.test>\nX: y");
            break;
        case 5:
            mail.loopId += evil;
            break;
        case 6:
            mail.autoSubmitted += evil;
            break;
        case 7:
            mail.attachments.push_back({file.fileName().toStdString(), "a" + evil, "text/plain"});
            break;
        case 8:
            mail.attachments.push_back(
                {file.fileName().toStdString(), "a.txt", "text/plain\r\nX: y"});
            break;
        case 9:
            mail.cc[0].address = "no-at-sign";
            break;
        }
        std::string error;
        QVERIFY(!composeMail(mail, error));
        QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
    }

    void freeTextCannotAddHeaders()
    {
        OutgoingMail mail = sampleMail();
        mail.subject = "Hello\r\nBcc: victim@example.com";
        mail.from.name = "Support\r\nBcc: victim@example.com";
        mail.to[0].name = "Žan\nX-Evil: 1";
        std::string error;
        const std::optional<std::string> composed = composeMail(mail, error);
        QVERIFY2(composed, error.c_str());
        const QByteArray message = bytes(*composed);
        QVERIFY(!message.contains("\r\nBcc:"));
        QVERIFY(!message.contains("\r\nX-Evil:"));
        QVERIFY(!message.contains("\n\n"));
        QCOMPARE(headerValue(message, "Subject"), QByteArray("Hello  Bcc: victim@example.com"));
    }

    void signedMessageIds()
    {
        const std::string key = "0123456789abcdef-a-server-key";
        const std::string ticket = "0190F1C2-7A3B-7C4D-8E5F-1234567890AB";
        const std::optional<std::string> id = makeSignedMessageId(ticket, "billing.pult.test", key);
        QVERIFY(id);
        QVERIFY2(QString::fromStdString(*id).contains(QRegularExpression(QStringLiteral(
                     "^<ticket-0190f1c2-7a3b-7c4d-8e5f-1234567890ab\\.[0-9a-f]{24}\\.[0-9a-f]{32}"
                     "@billing\\.pult\\.test>$"))),
                 id->c_str());
        QCOMPARE(verifySignedMessageId(*id, key).value_or("none"),
                 std::string("0190f1c2-7a3b-7c4d-8e5f-1234567890ab"));
        // Fresh nonce each time; forms a mail client may hand back.
        QVERIFY(*makeSignedMessageId(ticket, "billing.pult.test", key) != *id);
        const std::string bare = id->substr(1, id->size() - 2);
        QVERIFY(verifySignedMessageId(bare, key));
        QVERIFY(verifySignedMessageId("  " + *id + " ", key));
        std::string upper = *id;
        std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
        QVERIFY(verifySignedMessageId(upper, key));
        std::string otherDomain = *id;
        otherDomain.replace(otherDomain.find("@billing"), 8, "@sales");
        QVERIFY(verifySignedMessageId(otherDomain, key));
        // Tampered: any digit of the ticket id, nonce or signature; another key; garbage.
        for (const std::size_t position : {9, 30, 50, 80, 100}) {
            std::string tampered = *id;
            tampered[position] = tampered[position] == '0' ? '1' : '0';
            QVERIFY2(!verifySignedMessageId(tampered, key), tampered.c_str());
        }
        QVERIFY(!verifySignedMessageId(*id, key + "x"));
        QVERIFY(!verifySignedMessageId("", key));
        QVERIFY(!verifySignedMessageId("<reply.1@pult.test>", key));
        QVERIFY(!verifySignedMessageId(id->substr(0, 60), key));
        QVERIFY(!verifySignedMessageId(*id, "short"));
        // Bad input to the signer.
        QVERIFY(!makeSignedMessageId("not-a-uuid", "pult.test", key));
        QVERIFY(!makeSignedMessageId(ticket, "bad domain", key));
        QVERIFY(!makeSignedMessageId(ticket, "pult.test", "short"));
        std::string error;
        OutgoingMail mail = sampleMail();
        mail.messageId = *id;
        QVERIFY2(composeMail(mail, error), error.c_str());
    }

    // A composed message with an attachment through smtp-sink: the bytes that arrive are the
    // bytes composed; text and attachment decode to what went in.
    void sendComposedMessageToSink()
    {
        QByteArray pdf;
        for (int i = 0; i < 5000; ++i)
            pdf += char(i * 7 % 256);
        pdf += "\r\n.\r\n..\n.\r";
        const QString pdfPath = m_dir.filePath(QStringLiteral("input.bin"));
        QFile file(pdfPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
        file.close();
        OutgoingMail mail = sampleMail();
        mail.htmlBody = "<p>Pozdravljeni, <b>čšž</b></p>\n";
        mail.attachments.push_back({pdfPath.toStdString(), "račun_čšž.pdf", "application/pdf"});
        std::string error;
        const std::optional<std::string> composed = composeMail(mail, error);
        QVERIFY2(composed, error.c_str());
        QVERIFY(linesWithin(bytes(*composed), 76));

        SmtpClient client(sinkOptions(m_sink));
        std::istringstream stream(*composed);
        const SmtpResult result = client.send(envelope(), stream);
        QVERIFY2(result.sent(), result.describe().c_str());
        QCOMPARE(result.code, 250);
        QCOMPARE(result.stage, SmtpStage::Done);
        QVERIFY(!result.partial());
        QCOMPARE(result.recipients.size(), std::size_t(2));
        QCOMPARE(result.recipients[1].status, SmtpStatus::Sent);
        client.quit();

        const QByteArray received = m_sink.onlyMessage();
        QVERIFY2(!received.isEmpty(), qPrintable(m_sink.error()));
        QCOMPARE(received, bytes(*composed));
        QVERIFY2(m_sink.envelope().contains("X-Mail-Args: <billing@pult.test>\n"),
                 m_sink.envelope().constData());
        QVERIFY(m_sink.envelope().contains("X-Rcpt-Args: <zan@example.com>\n"
                                           "X-Rcpt-Args: <plain@example.com>\n"));
        QVERIFY(m_sink.envelope().contains("X-Helo-Args: pult.test\n"));

        // multipart/mixed: multipart/alternative (text, html), then the attachment.
        const qsizetype headersEnd = received.indexOf("\r\n\r\n");
        const QByteArray mixed = boundaryOf(received.left(headersEnd));
        QVERIFY(mixed.startsWith("=_pult_"));
        const QList<QByteArray> parts = mimeParts(received.mid(headersEnd + 2), mixed);
        QCOMPARE(parts.size(), 2);
        const QByteArray alternative = boundaryOf(parts[0].left(parts[0].indexOf("\r\n\r\n")));
        QVERIFY(!alternative.isEmpty() && alternative != mixed);
        const QList<QByteArray> bodies = mimeParts(parts[0], alternative);
        QCOMPARE(bodies.size(), 2);
        QVERIFY(bodies[0].startsWith("Content-Type: text/plain; charset=utf-8\r\n"
                                     "Content-Transfer-Encoding: quoted-printable\r\n\r\n"));
        QByteArray text = bytes(mail.textBody);
        text.replace("\n", "\r\n");
        QCOMPARE(decodeQuotedPrintable(bodies[0].mid(bodies[0].indexOf("\r\n\r\n") + 4)), text);
        QVERIFY(bodies[1].startsWith("Content-Type: text/html; charset=utf-8\r\n"));

        const QByteArray attachment = parts[1];
        const QByteArray attachmentHeaders = attachment.left(attachment.indexOf("\r\n\r\n"));
        QCOMPARE(attachmentHeaders,
                 QByteArray("Content-Type: application/pdf;\r\n"
                            " name*=utf-8''ra%C4%8Dun_%C4%8D%C5%A1%C5%BE.pdf\r\n"
                            "Content-Disposition: attachment;\r\n"
                            " filename*=utf-8''ra%C4%8Dun_%C4%8D%C5%A1%C5%BE.pdf\r\n"
                            "Content-Transfer-Encoding: base64"));
        QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(
                     attachmentHeaders.mid(attachmentHeaders.lastIndexOf("''") + 2,
                                           attachmentHeaders.lastIndexOf(".pdf") + 4 -
                                               attachmentHeaders.lastIndexOf("''") - 2))),
                 QStringLiteral("račun_čšž.pdf"));
        QByteArray base64 = attachment.mid(attachment.indexOf("\r\n\r\n") + 4);
        QVERIFY(linesWithin(base64, 76));
        QCOMPARE(QByteArray::fromBase64(base64.replace("\r\n", "")), pdf);
        // The boundaries occur only as delimiters.
        QCOMPARE(received.count(mixed), 4); // header, two delimiters, the close
    }

    // Raw bytes, as the client gets them: LF and CR line breaks become CRLF, lines starting
    // with '.' are stuffed (and unstuffed by smtp-sink), no final line break is added twice.
    void dotStuffingAndLineBreaks()
    {
        SmtpClient client(sinkOptions(m_sink));
        const std::string message = "Subject: dots\n\n.\n..\n.leading\r\n. space\rmiddle . dot\n"
                                    "end without break";
        const SmtpResult result = client.send(envelope(), message);
        QVERIFY2(result.sent(), result.describe().c_str());
        QCOMPARE(m_sink.onlyMessage(),
                 QByteArray("Subject: dots\r\n\r\n.\r\n..\r\n.leading\r\n"
                            ". space\r\nmiddle . dot\r\nend without break\r\n"));
        // The connection is kept for the next message.
        QVERIFY(client.isConnected());
        m_sink.clearMessages();
        QVERIFY(client.send(envelope(), std::string_view(".\r\n")).sent());
        QCOMPARE(m_sink.onlyMessage(), QByteArray(".\r\n"));
    }

    // smtp-sink's switches: -r (4xx), -f (5xx), -Q (421 and disconnect), -q (disconnect).
    void sinkFailures_data()
    {
        QTest::addColumn<QStringList>("switches");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("stage");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        const auto row = [](const char *name, QStringList switches, SmtpStatus status,
                            SmtpStage stage, int code, const char *text) {
            QTest::newRow(name) << switches << int(status) << int(stage) << code
                                << QString::fromUtf8(text);
        };
        row("4xx MAIL", {QStringLiteral("-r"), QStringLiteral("MAIL")}, SmtpStatus::Temporary,
            SmtpStage::MailFrom, 450, "4.3.0 Error: command failed");
        row("4xx RCPT", {QStringLiteral("-r"), QStringLiteral("RCPT")}, SmtpStatus::Temporary,
            SmtpStage::Recipients, 450, "4.3.0 Error: command failed");
        row("4xx DATA", {QStringLiteral("-r"), QStringLiteral("DATA")}, SmtpStatus::Temporary,
            SmtpStage::Data, 450, "4.3.0 Error: command failed");
        row("4xx end of data", {QStringLiteral("-r"), QStringLiteral(".")}, SmtpStatus::Temporary,
            SmtpStage::Data, 450, "4.3.0 Error: command failed");
        row("5xx MAIL", {QStringLiteral("-f"), QStringLiteral("MAIL")}, SmtpStatus::Permanent,
            SmtpStage::MailFrom, 500, "5.3.0 Error: command failed");
        row("5xx RCPT", {QStringLiteral("-f"), QStringLiteral("RCPT")}, SmtpStatus::Permanent,
            SmtpStage::Recipients, 500, "5.3.0 Error: command failed");
        row("5xx DATA", {QStringLiteral("-f"), QStringLiteral("DATA")}, SmtpStatus::Permanent,
            SmtpStage::Data, 500, "5.3.0 Error: command failed");
        row("5xx end of data", {QStringLiteral("-f"), QStringLiteral(".")}, SmtpStatus::Permanent,
            SmtpStage::Data, 500, "5.3.0 Error: command failed");
        row("own 4xx text",
            {QStringLiteral("-r"), QStringLiteral("RCPT"), QStringLiteral("-b"),
             QStringLiteral("452 4.2.2 Mailbox full")},
            SmtpStatus::Temporary, SmtpStage::Recipients, 452, "4.2.2 Mailbox full");
        row("421 at greeting", {QStringLiteral("-Q"), QStringLiteral("CONNECT")},
            SmtpStatus::Temporary, SmtpStage::Connect, 421, "");
        row("421 RCPT", {QStringLiteral("-Q"), QStringLiteral("RCPT")}, SmtpStatus::Temporary,
            SmtpStage::Recipients, 421, "");
        row("421 end of data", {QStringLiteral("-Q"), QStringLiteral(".")}, SmtpStatus::Temporary,
            SmtpStage::Data, 421, "");
        row("dropped at EHLO", {QStringLiteral("-q"), QStringLiteral("EHLO")},
            SmtpStatus::Temporary, SmtpStage::Hello, 0, "closed the connection");
        row("dropped at DATA", {QStringLiteral("-q"), QStringLiteral("DATA")},
            SmtpStatus::Temporary, SmtpStage::Data, 0, "closed the connection");
        row("dropped at end of data", {QStringLiteral("-q"), QStringLiteral(".")},
            SmtpStatus::Temporary, SmtpStage::Data, 0, "closed the connection");
    }
    void sinkFailures()
    {
        QFETCH(QStringList, switches);
        QFETCH(int, status);
        QFETCH(int, stage);
        QFETCH(int, code);
        QFETCH(QString, text);
        PultdTest::SmtpSink sink;
        QVERIFY2(sink.start(switches), qPrintable(sink.error()));
        SmtpClient client(sinkOptions(sink));
        const SmtpResult result =
            client.send(envelope(), std::string_view("Subject: x\r\n\r\nx\r\n"));
        QCOMPARE(int(result.status), status);
        QCOMPARE(int(result.stage), stage);
        QCOMPARE(result.code, code);
        QVERIFY2(QString::fromStdString(result.text).contains(text), result.text.c_str());
        QVERIFY(!result.partial());
        for (const SmtpRecipientResult &recipient : result.recipients)
            QCOMPARE(int(recipient.status), status);
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        SmtpOptions options = sinkOptions(m_sink);
        options.endpoint.port = port;
        SmtpClient client(options);
        const SmtpResult result = client.send(envelope(), std::string_view("x\r\n"));
        QCOMPARE(result.status, SmtpStatus::Temporary);
        QCOMPARE(result.stage, SmtpStage::Connect);
        QVERIFY2(QString::fromStdString(result.text).contains(QStringLiteral("refused")),
                 result.text.c_str());
    }

    // Some recipients refused: sent to the others, each recipient's answer kept.
    void partialDelivery()
    {
        Behaviour behaviour;
        behaviour.rcptReplies = {{"gone@example.com", "550 5.1.1 User unknown"},
                                 {"full@example.com", "452 4.2.2 Mailbox full"}};
        FakeServer server(smtpScript(behaviour), {}, {}, false);
        SmtpOptions options = fakeOptions(server, SmtpSecurity::Plain);
        options.endpoint.user.clear();
        SmtpClient client(options);
        const SmtpResult result =
            client.send({"billing@pult.test",
                         {"gone@example.com", "ok@example.com", "full@example.com", "bad address"}},
                        std::string_view("Subject: x\r\n\r\nx\r\n"));
        QVERIFY2(result.sent(), result.describe().c_str());
        QVERIFY(result.partial());
        QCOMPARE(result.recipients.size(), std::size_t(4));
        QCOMPARE(result.recipients[0].status, SmtpStatus::Permanent);
        QCOMPARE(result.recipients[0].code, 550);
        QCOMPARE(result.recipients[0].text, std::string("5.1.1 User unknown"));
        QCOMPARE(result.recipients[1].status, SmtpStatus::Sent);
        QCOMPARE(result.recipients[2].status, SmtpStatus::Temporary);
        QCOMPARE(result.recipients[2].text, std::string("4.2.2 Mailbox full"));
        QCOMPARE(result.recipients[3].status, SmtpStatus::Permanent); // never sent
        QVERIFY(result.describe().find("gone@example.com: 550 5.1.1 User unknown") !=
                std::string::npos);
        client.quit();
        const std::vector<std::string> log = server.log();
        QCOMPARE(std::count_if(log.begin(), log.end(),
                               [](const std::string &l) { return l.starts_with("RCPT"); }),
                 3);

        // All refused: no DATA, RSET, the first temporary answer decides.
        SmtpClient second(options);
        const SmtpResult none = second.send(
            {"billing@pult.test", {"gone@example.com", "full@example.com"}}, std::string_view("x"));
        QCOMPARE(none.status, SmtpStatus::Temporary);
        QCOMPARE(none.code, 452);
        QCOMPARE(none.stage, SmtpStage::Recipients);
        const SmtpResult gone =
            second.send({"billing@pult.test", {"gone@example.com"}}, std::string_view("x"));
        QCOMPARE(gone.status, SmtpStatus::Permanent);
        QCOMPARE(gone.text, std::string("5.1.1 User unknown"));
    }

    void startTlsWithAuthPlain()
    {
        Behaviour behaviour;
        behaviour.startTls = true;
        FakeServer server(smtpScript(behaviour), m_certificate, m_key, false);
        SmtpOptions options = fakeOptions(server, SmtpSecurity::StartTls);
        std::string trace;
        options.trace = [&](std::string_view line) { trace += std::string(line) + "\n"; };
        SmtpClient client(options);
        const SmtpResult result =
            client.send(envelope(), std::string_view("Subject: over TLS\r\n\r\n.hi\r\n"));
        QVERIFY2(result.sent(), (result.describe() + "\n" + trace).c_str());
        QVERIFY(client.isEncrypted());
        client.quit();
        const std::vector<std::string> log = server.log();
        // AUTH only after STARTTLS, with the right credentials; SIZE declared.
        const std::string credentials =
            std::string(1, '\0') + "agent@pult.test" + std::string(1, '\0') + "sEcret-pässword";
        const std::string expectedAuth =
            "tls AUTH PLAIN " +
            QByteArray(credentials.data(), qsizetype(credentials.size())).toBase64().toStdString();
        QVERIFY(std::find(log.begin(), log.end(), expectedAuth) != log.end());
        QVERIFY(std::none_of(log.begin(), log.end(),
                             [](const std::string &l) { return l.starts_with("AUTH"); }));
        QCOMPARE(log[0], std::string("EHLO localhost"));
        QCOMPARE(log[1], std::string("STARTTLS"));
        QCOMPARE(log[2], std::string("tls EHLO localhost"));
        QVERIFY(std::find(log.begin(), log.end(), "tls MAIL FROM:<billing@pult.test> SIZE=26") !=
                log.end());
        QVERIFY(std::find(log.begin(), log.end(), "DATA:Subject: over TLS\n\n..hi\n") != log.end());
        // The trace never shows the password, plain or encoded.
        QVERIFY2(trace.find("sEcret") == std::string::npos, trace.c_str());
        QVERIFY(trace.find(expectedAuth.substr(15)) == std::string::npos);
        QVERIFY(trace.find("AUTH PLAIN <credentials hidden>") != std::string::npos);
    }

    void implicitTlsWithAuthLogin()
    {
        Behaviour behaviour;
        behaviour.auth = "LOGIN";
        FakeServer server(smtpScript(behaviour), m_certificate, m_key, true);
        std::string trace;
        SmtpOptions options = fakeOptions(server, SmtpSecurity::ImplicitTls);
        options.trace = [&](std::string_view line) { trace += std::string(line) + "\n"; };
        SmtpClient client(options);
        QCOMPARE(client.connect().status, SmtpStatus::Sent);
        QVERIFY(client.isEncrypted());
        const std::vector<std::string> extensions = client.extensions();
        QVERIFY(std::find(extensions.begin(), extensions.end(), "AUTH LOGIN") != extensions.end());
        const SmtpResult result = client.send(envelope(), std::string_view("Subject: x\r\n\r\nx"));
        QVERIFY2(result.sent(), result.describe().c_str());
        client.quit();
        const std::vector<std::string> log = server.log();
        QVERIFY(std::find(log.begin(), log.end(), "tls AUTH LOGIN") != log.end());
        QVERIFY(std::find(log.begin(), log.end(), "user YWdlbnRAcHVsdC50ZXN0") != log.end());
        QVERIFY(std::find(log.begin(), log.end(),
                          "password " + QByteArray("sEcret-pässword").toBase64().toStdString()) !=
                log.end());
        QVERIFY(trace.find("YWdlbnRAcHVsdC50ZXN0") == std::string::npos);
        QVERIFY(trace.find("<password hidden>") != std::string::npos);
    }

    void certificateRefused_data()
    {
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("expected");
        QTest::newRow("untrusted")
            << false << QStringLiteral("localhost") << QStringLiteral("self-signed certificate");
        QTest::newRow("wrong host name")
            << true << QStringLiteral("127.0.0.1") << QStringLiteral("IP address mismatch");
    }
    void certificateRefused()
    {
        QFETCH(bool, trustCa);
        QFETCH(QString, host);
        QFETCH(QString, expected);
        for (const bool implicit : {true, false}) {
            Behaviour behaviour;
            behaviour.startTls = true;
            FakeServer server(smtpScript(behaviour), m_certificate, m_key, implicit);
            SmtpOptions options =
                fakeOptions(server, implicit ? SmtpSecurity::ImplicitTls : SmtpSecurity::StartTls);
            options.endpoint.host = host.toStdString();
            if (!trustCa)
                options.caFile.clear();
            SmtpClient client(options);
            const SmtpResult result = client.send(envelope(), std::string_view("x"));
            QCOMPARE(result.status, SmtpStatus::Temporary);
            QCOMPARE(result.stage, SmtpStage::Tls);
            QVERIFY2(QString::fromStdString(result.text)
                         .contains(QStringLiteral("certificate is not trusted")),
                     result.text.c_str());
            QVERIFY2(QString::fromStdString(result.text).contains(expected), result.text.c_str());
            const std::vector<std::string> log = server.log();
            QVERIFY(std::none_of(log.begin(), log.end(), [](const std::string &l) {
                return l.find("AUTH") != std::string::npos || l.find("MAIL") != std::string::npos;
            }));
        }
    }

    void startTlsRequiredButMissing()
    {
        FakeServer server(smtpScript(Behaviour{}), {}, {}, false);
        SmtpClient client(fakeOptions(server, SmtpSecurity::StartTls));
        const SmtpResult result = client.send(envelope(), std::string_view("x"));
        QCOMPARE(result.status, SmtpStatus::Temporary);
        QCOMPARE(result.stage, SmtpStage::Tls);
        QVERIFY2(result.text.find("does not offer STARTTLS") != std::string::npos,
                 result.text.c_str());
        const std::vector<std::string> log = server.log();
        QCOMPARE(log, std::vector<std::string>{"EHLO localhost"});
    }

    // smtp-sink offers AUTH without TLS: refused unless allowed for loopback tests.
    void authWithoutTls()
    {
        SmtpOptions options = sinkOptions(m_sink);
        options.endpoint.user = "agent@pult.test";
        options.password = "secret";
        {
            SmtpClient client(options);
            const SmtpResult result = client.send(envelope(), std::string_view("x\r\n"));
            QCOMPARE(result.status, SmtpStatus::Temporary);
            QCOMPARE(result.stage, SmtpStage::Auth);
            QVERIFY2(result.text.find("without TLS") != std::string::npos, result.text.c_str());
            QVERIFY(m_sink.messageFiles().isEmpty());
        }
        options.allowAuthWithoutTls = true;
        SmtpClient client(options);
        const SmtpResult result = client.send(envelope(), std::string_view("x\r\n"));
        QVERIFY2(result.sent(), result.describe().c_str());
        QCOMPARE(m_sink.messageFiles().size(), 1);
    }

    void heloFallbackAndSizeLimit()
    {
        Behaviour behaviour;
        behaviour.refuseEhlo = true;
        FakeServer server(smtpScript(behaviour), {}, {}, false);
        SmtpOptions options = fakeOptions(server, SmtpSecurity::Plain);
        options.endpoint.user.clear();
        SmtpClient client(options);
        QVERIFY(client.send(envelope(), std::string_view("x")).sent());
        const std::vector<std::string> log = server.log();
        QVERIFY(std::find(log.begin(), log.end(), "HELO localhost") != log.end());
        QVERIFY(std::find(log.begin(), log.end(), "MAIL FROM:<billing@pult.test>") != log.end());

        Behaviour small;
        small.size = "100";
        FakeServer limited(smtpScript(small), {}, {}, false);
        SmtpOptions limitedOptions = fakeOptions(limited, SmtpSecurity::Plain);
        limitedOptions.endpoint.user.clear();
        SmtpClient limitedClient(limitedOptions);
        const SmtpResult result = limitedClient.send(envelope(), std::string(200, 'x'));
        QCOMPARE(result.status, SmtpStatus::Permanent);
        QCOMPARE(result.stage, SmtpStage::MailFrom);
        QVERIFY2(result.text.find("larger than the server accepts") != std::string::npos,
                 result.text.c_str());
        const std::vector<std::string> limitedLog = limited.log();
        QVERIFY(std::none_of(limitedLog.begin(), limitedLog.end(),
                             [](const std::string &l) { return l.starts_with("MAIL"); }));
        // Invalid envelope addresses never reach the wire.
        const SmtpResult invalid =
            limitedClient.send({"a@b.test\r\nRCPT TO:<x@y.test>", {"c@d.test"}}, "x");
        QCOMPARE(invalid.status, SmtpStatus::Permanent);
    }

    // Hostile servers: every call ends within its deadline with a Temporary result.
    void hostileServers_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("endless line") << 0 << QStringLiteral("longer than 2048 bytes");
        QTest::newRow("endless continuation") << 1 << QStringLiteral("more than 128 lines");
        QTest::newRow("garbage") << 2 << QStringLiteral("not SMTP");
        QTest::newRow("silence") << 3 << QStringLiteral("timed out");
        QTest::newRow("binary") << 4 << QStringLiteral("not SMTP");
        QTest::newRow("code changes") << 5 << QStringLiteral("not SMTP");
        QTest::newRow("silent after DATA") << 6 << QStringLiteral("timed out");
        QTest::newRow("STARTTLS injection") << 7 << QStringLiteral("before the TLS handshake");
        QTest::newRow("endless EHLO continuation") << 8 << QStringLiteral("more than 128 lines");
    }
    void hostileServers()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        const auto script = [kind](FakeServer::Connection &c, FakeServer &) {
            const std::string block(65536, 'x');
            switch (kind) {
            case 0:
                c.write("220 ");
                while (true)
                    c.write(block);
            case 1:
                while (true)
                    c.write("220-still greeting you\r\n");
            case 2:
                c.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                c.readLine();
                return;
            case 3:
                c.readLine();
                return;
            case 4:
                c.write(std::string("\0\x01\xff\r\n", 5));
                c.readLine();
                return;
            case 5:
                c.write("220-a\r\n250 b\r\n");
                c.readLine();
                return;
            case 6:
                c.write("220 ok\r\n");
                for (std::string line = c.readLine();; line = c.readLine())
                    if (line.starts_with("DATA"))
                        break;
                    else
                        c.write("250 ok\r\n");
                c.write("354 go\r\n");
                while (true)
                    c.readLine();
            case 7:
                c.write("220 ok\r\n");
                c.readLine();
                c.write("250-x\r\n250 STARTTLS\r\n");
                c.readLine();
                c.write("220 go\r\n250 injected\r\n");
                c.readLine();
                return;
            case 8:
                c.write("220 ok\r\n");
                c.readLine();
                while (true)
                    c.write("250-EXTENSION\r\n");
            }
        };
        FakeServer server(script, m_certificate, m_key, false);
        SmtpOptions options =
            fakeOptions(server, kind == 7 ? SmtpSecurity::StartTls : SmtpSecurity::Plain);
        options.endpoint.user.clear();
        options.stepTimeout = 1s;
        options.callTimeout = 3s;
        QElapsedTimer timer;
        timer.start();
        {
            SmtpClient client(options);
            const SmtpResult result =
                client.send(envelope(), std::string_view("Subject: x\r\n\r\nx"));
            QCOMPARE(result.status, SmtpStatus::Temporary);
            QVERIFY2(QString::fromStdString(result.text).contains(expected), result.text.c_str());
            QVERIFY(!client.isConnected());
        }
        QVERIFY2(timer.elapsed() < 2500, QByteArray::number(timer.elapsed()).constData());
    }

    // The call deadline bounds a server that answers, slowly, within every step deadline.
    void callDeadline()
    {
        const auto script = [](FakeServer::Connection &c, FakeServer &) {
            c.write("220 ok\r\n");
            while (true) {
                c.readLine();
                std::this_thread::sleep_for(400ms); // the misbehaviour under test
                c.write("250 ok\r\n");
            }
        };
        FakeServer server(script, {}, {}, false);
        SmtpOptions options = fakeOptions(server, SmtpSecurity::Plain);
        options.endpoint.user.clear();
        options.stepTimeout = 1s;
        options.callTimeout = 1500ms;
        QElapsedTimer timer;
        timer.start();
        SmtpClient client(options);
        const SmtpResult result = client.send(
            {"a@b.test", {"1@b.test", "2@b.test", "3@b.test", "4@b.test", "5@b.test"}}, "x");
        QCOMPARE(result.status, SmtpStatus::Temporary);
        QVERIFY2(result.text.find("timed out") != std::string::npos, result.text.c_str());
        QVERIFY2(timer.elapsed() < 2500, QByteArray::number(timer.elapsed()).constData());
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
