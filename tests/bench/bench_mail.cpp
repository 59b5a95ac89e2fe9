// Mail benchmarks (issue 17): the real pultd (PULTD_PATH) fetching a real Dovecot's mailbox and
// sending through Postfix's real smtp-sink, all on loopback, started by this program with the
// tests' helpers (tests/server/dovecotprocess.h, pultdprocess.h, smtpsinkprocess.h). Every
// figure is printed as "name: value (baseline name: value)", the baseline measured in the same
// run against the same servers. Progress goes to stderr. See docs/performance.md ("Mail").
//
// 1. mail.ingest_per_s: N mixed messages (--messages N, default 10,000; generated here: plain
//    text, UTF-8 and windows-1250 quoted-printable, HTML-only, with a small attachment, and one
//    in five a reply to an earlier one by In-Reply-To) are APPENDed to the INBOX of a Dovecot
//    user; then pultd starts with that mailbox, timed from its start until its log has a
//    "mail_ingested" (or "mail_quarantined") line for every message. Baseline
//    imap.raw_fetch_per_s: the same mailbox fetched by one Pult::ImapClient, uidsFrom(1) and a
//    fetchMessage of each UID (connect and login included).
// 2. mail.customer_to_client_p50_ms: pultd idle in IMAP IDLE; one mail at a time is APPENDed
//    and timed until a syncing client signed in as a Billing agent has the new ticket: it listens
//    on the WebSocket GET /api/v1/stream and, on each revision hint, reads GET /api/v1/changes
//    from its last revision, as the desktop client does. 30 samples. Baseline imap.idle_p50_ms:
//    the same deliveries, timed until a separate ImapClient idling on the folder is told.
// 3. mail.reply_to_smtp_ms: an agent's add_message op of kind reply on a ticket from (2), from
//    the POST until smtp-sink has written the message's file (its directory looked at every
//    millisecond). 20 samples, median. Baseline smtp.direct_send_ms: Pult::Mail::SmtpClient
//    connecting to the same sink and sending a message of the same size, until the file is there.
//
// Any failure prints what failed and exits with status 1.

#include "benchutil.h"
#include "dovecotprocess.h"
#include "pultdprocess.h"
#include "smtpsinkprocess.h"

#include "mail/imapclient.h"
#include "mail/smtpclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QThread>
#include <QUrl>
#include <QWebSocket>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace PultdTest;
using namespace Pult::Bench;
using Clock = std::chrono::steady_clock;

namespace {

const QByteArray kPassword = "bench password 1234";
const QByteArray kImapUser = "billing";
const QByteArray kImapPassword = "imap-bench-secret";
const QString kMailbox = QStringLiteral("billing@firma.example");
constexpr int kDefaultMessages = 10000;
constexpr int kLatencySamples = 30;
constexpr int kReplySamples = 20;
constexpr int kSampleTimeoutMs = 30000;
constexpr int kFillers = 4; // IMAP connections appending the mailbox

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void progress(const QString &text)
{
    std::fprintf(stderr, "bench_mail: %s\n", qPrintable(text));
    std::fflush(stderr);
}

struct Failure
{
};

Pultd *g_pultd = nullptr;
const QByteArray *g_logTail = nullptr; // what LogCounter has read of pultd's log, its end

[[noreturn]] void fail(const QString &message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "bench_mail: %s\n", qPrintable(message));
    if (g_pultd) {
        const QByteArray log =
            QByteArray((g_logTail ? *g_logTail : QByteArray()) + g_pultd->log()).right(3000);
        std::fprintf(stderr, "bench_mail: the end of pultd's log:\n%s\n", log.constData());
    }
    std::fflush(stderr);
    // Unwinds to main(): the helpers' destructors stop Dovecot, smtp-sink and pultd.
    throw Failure{};
}

// ---- the messages ----

// Quoted-printable lines of at most 76 characters (soft line breaks), for windows-1250 text.
QByteArray quotedPrintable(const QByteArray &bytes)
{
    QByteArray out;
    int column = 0;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        QByteArray piece;
        if (c == '\n') {
            out += "\r\n";
            column = 0;
            continue;
        }
        if ((u >= 33 && u <= 126 && c != '=') || c == ' ')
            piece = QByteArray(1, c);
        else
            piece = '=' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        if (column + piece.size() > 75) {
            out += "=\r\n";
            column = 0;
        }
        out += piece;
        column += int(piece.size());
    }
    return out;
}

QByteArray base64Lines(const QByteArray &bytes)
{
    const QByteArray b64 = bytes.toBase64();
    QByteArray out;
    for (qsizetype at = 0; at < b64.size(); at += 76)
        out += b64.mid(at, 76) + "\r\n";
    return out;
}

QByteArray messageId(const QByteArray &run, int n)
{
    return "<m" + QByteArray::number(n) + '.' + run + "@bench.example>";
}

// Message n of the mixed set: five kinds in turn; from the 500th on, one in five of each kind a
// reply (by In-Reply-To and References) to the same customer's mail 500 before.
QByteArray mixedMessage(const QByteArray &run, int n)
{
    const int customer = n % 500;
    const QByteArray from = "Customer " + QByteArray::number(customer) + " <c" +
                            QByteArray::number(customer) + "@kunde.example>";
    QByteArray head = "From: " + from + "\r\nTo: billing@firma.example\r\nDate: Sun, 06 Dec 2026 " +
                      "09:" + QByteArray::number(10 + n % 50) +
                      ":00 +0100\r\nMessage-ID: " + messageId(run, n) + "\r\nMIME-Version: 1.0\r\n";
    QByteArray subject = "Invoice " + QByteArray::number(100000 + n) + ": wrong VAT";
    if (n >= 500 && (n / 5) % 5 == n % 5) { // one in five of each kind
        const int earlier = n - 500;        // the same customer's earlier mail
        head += "In-Reply-To: " + messageId(run, earlier) +
                "\r\nReferences: " + messageId(run, earlier) + "\r\n";
        subject = "Re: Invoice " + QByteArray::number(100000 + earlier) + ": wrong VAT";
    }
    switch (n % 5) {
    case 0: // plain ASCII text
        return head + "Subject: " + subject +
               "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
               "Hello,\r\n\r\nthe invoice lists 22 % VAT, not 9.5 %. Please correct it and send "
               "a new one.\r\n\r\nRegards,\r\nCustomer " +
               QByteArray::number(customer) + "\r\n";
    case 1: // UTF-8, quoted-printable, with an encoded-word subject
        return head + "Subject: =?UTF-8?Q?Ra=C4=8Dun_" + QByteArray::number(n) +
               "_je_napa=C4=8Den?=\r\nContent-Type: text/plain; charset=utf-8\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
               QByteArray("Pozdravljeni,\r\n\r\nra=C4=8Dun za november ima napa=C4=8Den "
                          "znesek DDV. Prosim za popravek =E2=80=93 hvala.\r\n\r\n"
                          "Lep pozdrav,\r\n") +
               "Stranka " + QByteArray::number(customer) + "\r\n";
    case 2: { // windows-1250, quoted-printable
        // "Račun številka N še vedno čaka na popravek. Žal ..." in windows-1250 bytes.
        const QByteArray text = "Ra\xE8un \x9Atevilka " + QByteArray::number(n) +
                                " \x9A"
                                "e vedno \xE8"
                                "aka na popravek.\n\x8E"
                                "al mi "
                                "niste odgovorili, prosim za odgovor \x9A"
                                "e danes.\n";
        return head + "Subject: " + subject +
               "\r\nContent-Type: text/plain; charset=windows-1250\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
               quotedPrintable(text) + "\r\n";
    }
    case 3: // HTML only
        return head + "Subject: " + subject +
               "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
               "<html><head><style>p{color:#333}</style><script>alert(1)</script></head>"
               "<body><p>Hello,</p><p>the <b>invoice " +
               QByteArray::number(100000 + n) +
               "</b> lists 22&nbsp;% VAT.</p><img src=\"https://tracker.example/p.gif\">"
               "<blockquote>earlier mail</blockquote></body></html>\r\n";
    default: { // text with a small attachment (content differs per message)
        QByteArray attachment(700, '\0');
        for (int i = 0; i < attachment.size(); ++i)
            attachment[i] = char((i * 31 + n * 7) & 0xff);
        attachment.append(QByteArray::number(n));
        return head + "Subject: " + subject + "\r\nContent-Type: multipart/mixed; boundary=\"b-" +
               QByteArray::number(n) + "\"\r\n\r\n--b-" + QByteArray::number(n) +
               "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe scan is attached.\r\n"
               "--b-" +
               QByteArray::number(n) +
               "\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; "
               "filename=\"scan-" +
               QByteArray::number(n) + ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
               base64Lines(attachment) + "--b-" + QByteArray::number(n) + "--\r\n";
    }
    }
}

// ---- IMAP ----

std::unique_ptr<Pult::ImapClient> imapSession(const DovecotServer &dovecot, bool selectInbox)
{
    Pult::ImapClient::Options options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = dovecot.port();
    options.security = Pult::ImapSecurity::Plain;
    auto client = std::make_unique<Pult::ImapClient>(options);
    if (Pult::Status s = client->connect(); !s.good())
        fail(QStringLiteral("IMAP connect: ") + s.message());
    if (Pult::Status s =
            client->login(QString::fromLatin1(kImapUser), QString::fromLatin1(kImapPassword));
        !s.good())
        fail(QStringLiteral("IMAP login: ") + s.message());
    if (selectInbox) {
        if (auto selected = client->select(QStringLiteral("INBOX")); !selected.good())
            fail(QStringLiteral("IMAP select: ") + selected.status().message());
    }
    return client;
}

void append(Pult::ImapClient &client, const QByteArray &message)
{
    if (auto appended = client.append(QStringLiteral("INBOX"), message); !appended.good())
        fail(QStringLiteral("IMAP append: ") + appended.status().message());
}

// A separate client idling on the INBOX on its own thread; counts the changes it is told of
// and when it was told last.
class Idler
{
public:
    explicit Idler(const DovecotServer &dovecot)
        : m_client(imapSession(dovecot, true))
    {
        if (!m_client->hasCapability("IDLE"))
            fail(QStringLiteral("Dovecot does not offer IDLE"));
        m_thread = std::thread([this] {
            while (!m_stop) {
                auto idled = m_client->idle(std::chrono::minutes(10));
                if (!idled.good()) {
                    m_error = true;
                    return;
                }
                if (idled->reason == Pult::ImapIdleResult::Changed) {
                    m_lastNs = Clock::now().time_since_epoch().count();
                    ++m_changes;
                }
            }
        });
    }
    ~Idler()
    {
        m_stop = true;
        m_client->interrupt();
        m_thread.join();
    }

    int changes() const { return m_changes; }
    bool failed() const { return m_error; }
    Clock::time_point last() const { return Clock::time_point(Clock::duration(m_lastNs.load())); }

private:
    std::unique_ptr<Pult::ImapClient> m_client;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_error{false};
    std::atomic<int> m_changes{0};
    std::atomic<Clock::rep> m_lastNs{0};
};

// ---- pultd ----

// CPU seconds used by a process and by its children it has waited for (pult-mailparse), from
// /proc/PID/stat; {-1, -1} when it cannot be read.
std::pair<double, double> cpuSecondsOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {-1, -1};
    const QByteArray stat = file.readAll();
    // The fields after the command's closing parenthesis; utime is the 14th field of the line.
    const QList<QByteArray> f = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (f.size() < 15)
        return {-1, -1};
    const double tick = double(sysconf(_SC_CLK_TCK));
    return {(f[11].toDouble() + f[12].toDouble()) / tick,
            (f[13].toDouble() + f[14].toDouble()) / tick};
}

// Counts pultd's "mail_ingested" and "mail_quarantined" log lines as they arrive, without
// keeping the whole log.
class LogCounter
{
public:
    explicit LogCounter(QProcess &process)
        : m_process(process)
    {
        g_logTail = &m_tail;
    }
    ~LogCounter() { g_logTail = nullptr; }
    LogCounter(const LogCounter &) = delete;
    LogCounter &operator=(const LogCounter &) = delete;

    qint64 handled()
    {
        m_partial += m_process.readAllStandardError();
        const qsizetype end = m_partial.lastIndexOf('\n');
        if (end >= 0) {
            const QByteArray lines = m_partial.left(end + 1);
            m_handled += lines.count("\"mail_ingested\"") + lines.count("\"mail_quarantined\"");
            m_quarantined += lines.count("\"mail_quarantined\"");
            m_added += lines.count("\"outcome\":\"added\"");
            m_tail = QByteArray(m_tail + lines).right(3000);
            m_partial.remove(0, end + 1);
        }
        return m_handled;
    }
    qint64 quarantined() const { return m_quarantined; }
    qint64 added() const { return m_added; } // onto an existing ticket (the replies)
    const QByteArray &tail() const { return m_tail; }

private:
    QProcess &m_process;
    QByteArray m_partial;
    QByteArray m_tail;
    qint64 m_handled = 0;
    qint64 m_quarantined = 0;
    qint64 m_added = 0;
};

// Spins the event loop (pultd's pipes keep draining, WebSocket frames arrive) until done() or
// the timeout; false on the timeout.
template<typename F> bool spinUntil(F done, int timeoutMs, int sleepUs = 500)
{
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!done()) {
        if (Clock::now() >= deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (sleepUs > 0)
            QThread::usleep(sleepUs);
    }
    return true;
}

// Lets `ms` pass with the event loop running.
void pause(int ms)
{
    spinUntil([] { return false; }, ms, 1000);
}

// A syncing client: the revision stream, and the change feed read from its last revision on
// every hint over one keep-alive connection. Knows the subjects and ids of the tickets it saw.
class SyncingClient
{
public:
    SyncingClient(Pultd &server, QByteArray token)
        : m_token(std::move(token))
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             const qint64 revision = QJsonDocument::fromJson(text.toUtf8())
                                                         .object()
                                                         .value(QLatin1String("revision"))
                                                         .toInteger(-1);
                             if (m_since < 0)
                                 m_since = revision; // the first message: where we start
                             else
                                 m_hinted = std::max(m_hinted, revision);
                         });
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/stream").arg(server.port())));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        m_socket.open(request);
        if (!spinUntil([&] { return m_since >= 0; }, kTimeoutMs, 200))
            fail(QStringLiteral("the revision stream did not open: ") + m_socket.errorString());
        if (!m_http.open(server.port()))
            fail(QStringLiteral("cannot connect to pultd"));
    }

    // Reads the changes after a hint (if one came); the id of the ticket with that subject
    // once it has been seen.
    QString poll(const QString &subject)
    {
        if (m_hinted > m_since) {
            bool more = true;
            while (more) {
                std::optional<HttpReply> reply = m_http.request(apiRequest(
                    "GET", "/api/v1/changes?since=" + QByteArray::number(m_since) + "&limit=1000",
                    m_token));
                if (statusOf(reply) != 200)
                    fail(QStringLiteral("GET /api/v1/changes: HTTP %1").arg(statusOf(reply)));
                const QJsonObject page = reply->json();
                for (const QJsonValue &v : page.value(QLatin1String("changes")).toArray()) {
                    const QJsonObject change = v.toObject();
                    if (change.value(QLatin1String("type")).toString() != u"ticket")
                        continue;
                    const QJsonObject data = change.value(QLatin1String("data")).toObject();
                    m_tickets.insert(data.value(QLatin1String("subject")).toString(),
                                     data.value(QLatin1String("id")).toString());
                }
                m_since = page.value(QLatin1String("next")).toInteger();
                more = page.value(QLatin1String("more")).toBool();
            }
        }
        return m_tickets.value(subject);
    }

private:
    QByteArray m_token;
    QWebSocket m_socket;
    Connection m_http;
    qint64 m_since = -1;
    qint64 m_hinted = -1;
    QMap<QString, QString> m_tickets;
};

void runOrFail(const QStringList &arguments, const QByteArray &input, const QString &what)
{
    const Run run = runPultd(arguments, input);
    if (run.exitCode != 0)
        fail(what + QStringLiteral(" failed: ") + QString::fromUtf8(run.err));
}

} // namespace

static int runBenchmarks(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Mail benchmarks against a real Dovecot, smtp-sink and pultd"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(
        QStringLiteral("messages"),
        QStringLiteral("Messages in the mailbox for mail.ingest_per_s (default 10000)."),
        QStringLiteral("N"), QString::number(kDefaultMessages));
    parser.addOption(messagesOption);
    parser.process(app);
    bool numeric = false;
    const int messages = parser.value(messagesOption).toInt(&numeric);
    if (!numeric || messages < 1)
        fail(QStringLiteral("--messages wants a positive number"));
    const Clock::time_point wholeRun = Clock::now();

    // ---- servers ----
    progress(QStringLiteral("starting Dovecot and smtp-sink"));
    DovecotServer dovecot;
    if (!dovecot.start({{kImapUser, kImapPassword}}))
        fail(QStringLiteral("Dovecot: ") + dovecot.error());
    SmtpSink sink;
    if (!sink.start())
        fail(QStringLiteral("smtp-sink: ") + sink.error());

    // ---- the mailbox ----
    const QByteArray run = QByteArray::number(QCoreApplication::applicationPid());
    progress(QStringLiteral("appending %1 messages").arg(messages));
    qint64 bytes = 0;
    int kinds[5] = {};
    int replies = 0;
    {
        // Generated first, then appended over kFillers connections at once (one APPEND waits
        // for Dovecot's fsync: one connection alone takes minutes for 10,000).
        std::vector<QByteArray> all;
        all.reserve(std::size_t(messages));
        for (int n = 0; n < messages; ++n) {
            all.push_back(mixedMessage(run, n));
            bytes += all.back().size();
            ++kinds[n % 5];
            replies += all.back().contains("\r\nIn-Reply-To: ") ? 1 : 0;
        }
        std::vector<std::unique_ptr<Pult::ImapClient>> fillers;
        for (int f = 0; f < kFillers; ++f)
            fillers.push_back(imapSession(dovecot, false));
        const Clock::time_point start = Clock::now();
        std::atomic<int> next{0};
        std::atomic<int> appended{0};
        std::vector<QString> errors(kFillers);
        std::vector<std::thread> threads;
        for (int f = 0; f < kFillers; ++f) {
            threads.emplace_back([&, f] {
                for (int n = next++; n < messages; n = next++) {
                    auto done = fillers[std::size_t(f)]->append(QStringLiteral("INBOX"),
                                                                all[std::size_t(n)]);
                    if (!done.good()) {
                        errors[std::size_t(f)] = done.status().message();
                        next = messages;
                        return;
                    }
                    ++appended;
                }
            });
        }
        for (int reportedFill = 0; next < messages;) {
            QThread::msleep(100);
            if (appended / 1000 > reportedFill / 1000)
                progress(QStringLiteral("  %1 appended").arg(appended.load()));
            reportedFill = appended;
        }
        for (std::thread &t : threads)
            t.join();
        for (const QString &error : errors) {
            if (!error.isEmpty())
                fail(QStringLiteral("IMAP append: ") + error);
        }
        for (auto &filler : fillers)
            static_cast<void>(filler->logout());
        std::printf("# mailbox: %d messages (%d plain, %d UTF-8 quoted-printable, %d windows-1250 "
                    "quoted-printable, %d HTML only, %d with an attachment; %d replies by "
                    "In-Reply-To), %.0f bytes on average, appended in %.1f s\n",
                    messages, kinds[0], kinds[1], kinds[2], kinds[3], kinds[4], replies,
                    double(bytes) / messages, msSince(start) / 1000.0);
        std::fflush(stdout);
    }

    // ---- baseline: the same mailbox fetched raw ----
    progress(QStringLiteral("fetching the mailbox raw over IMAP"));
    double rawSeconds = 0;
    {
        const Clock::time_point start = Clock::now();
        std::unique_ptr<Pult::ImapClient> reader = imapSession(dovecot, true);
        auto uids = reader->uidsFrom(1);
        if (!uids.good())
            fail(QStringLiteral("IMAP uidsFrom: ") + uids.status().message());
        if (uids->size() != messages)
            fail(QStringLiteral("the mailbox holds %1 messages, not %2")
                     .arg(uids->size())
                     .arg(messages));
        qint64 fetched = 0;
        for (const quint32 uid : *uids) {
            auto raw = reader->fetchMessage(uid);
            if (!raw.good())
                fail(QStringLiteral("IMAP fetch: ") + raw.status().message());
            fetched += raw->size();
        }
        rawSeconds = msSince(start) / 1000.0;
        static_cast<void>(reader->logout());
        if (fetched < bytes)
            fail(QStringLiteral("fetched fewer bytes than appended"));
    }

    // ---- pultd with the mailbox ----
    Pultd server;
    g_pultd = &server;
    const QStringList store = storeArguments(server.dataDir());
    runOrFail(store + QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                  QStringLiteral("lea@firma.example"), QStringLiteral("--name"),
                                  QStringLiteral("Lea"), QStringLiteral("--role"),
                                  QStringLiteral("agent"), QStringLiteral("--dept"),
                                  QStringLiteral("Billing")},
              kPassword + '\n', QStringLiteral("pultd user add"));
    runOrFail(store + QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                  QStringLiteral("root@firma.example"), QStringLiteral("--name"),
                                  QStringLiteral("Root"), QStringLiteral("--role"),
                                  QStringLiteral("admin")},
              kPassword + '\n', QStringLiteral("pultd user add (admin)"));
    runOrFail(store + QStringList{QStringLiteral("mailbox"), QStringLiteral("add"), kMailbox,
                                  QStringLiteral("--dept"), QStringLiteral("Billing"),
                                  QStringLiteral("--imap"),
                                  QStringLiteral("imap://%1@127.0.0.1:%2/INBOX")
                                      .arg(QString::fromLatin1(kImapUser))
                                      .arg(dovecot.port()),
                                  QStringLiteral("--smtp"),
                                  QStringLiteral("smtp://127.0.0.1:%1").arg(sink.port())},
              kImapPassword + "\nunused\n", QStringLiteral("pultd mailbox add"));

    progress(QStringLiteral("pultd ingesting the mailbox"));
    LogCounter counter(server.process());
    const Clock::time_point ingestStart = Clock::now();
    if (!server.start())
        fail(QStringLiteral("pultd did not start"));
    qint64 reported = 0;
    const bool ingestedAll = spinUntil(
        [&] {
            const qint64 handled = counter.handled();
            if (handled / 1000 > reported / 1000)
                progress(QStringLiteral("  %1 handled").arg(handled));
            reported = handled;
            if (server.process().state() == QProcess::NotRunning)
                fail(QStringLiteral("pultd exited while ingesting: ") +
                     QString::fromUtf8(counter.tail()));
            return handled >= messages;
        },
        30 * 60 * 1000, 2000);
    const double ingestSeconds = msSince(ingestStart) / 1000.0;
    const auto [pultdCpu, helpersCpu] = cpuSecondsOf(server.process().processId());
    if (!ingestedAll)
        fail(QStringLiteral("pultd handled %1 of %2 mails in 30 minutes: ")
                 .arg(counter.handled())
                 .arg(messages) +
             QString::fromUtf8(counter.tail()));

    const QByteArray admin = login(server, "root@firma.example", kPassword);
    const QByteArray agent = login(server, "lea@firma.example", kPassword);
    if (admin.isEmpty() || agent.isEmpty())
        fail(QStringLiteral("cannot sign in"));
    {
        const std::optional<HttpReply> reply =
            server.fetch(apiRequest("GET", "/api/v1/mailboxes", admin));
        if (statusOf(reply) != 200)
            fail(QStringLiteral("GET /api/v1/mailboxes: HTTP %1").arg(statusOf(reply)));
        const QJsonObject mailbox =
            reply->json().value(QLatin1String("mailboxes")).toArray().first().toObject();
        std::printf(
            "# ingest: %d mails handled in %.2f s from pultd's start (%lld added to an existing "
            "ticket, %lld quarantined); "
            "GET /api/v1/mailboxes says ingested %lld, quarantined %lld; raw IMAP fetch "
            "of the same mailbox %.2f s; CPU meanwhile: pultd %.1f s, its "
            "pult-mailparse helpers %.1f s\n",
            messages, ingestSeconds, static_cast<long long>(counter.added()),
            static_cast<long long>(counter.quarantined()),
            static_cast<long long>(mailbox.value(QLatin1String("ingested")).toInteger()),
            static_cast<long long>(mailbox.value(QLatin1String("quarantined")).toInteger()),
            rawSeconds, pultdCpu, helpersCpu);
        std::fflush(stdout);
    }
    report("mail.ingest_per_s", messages / ingestSeconds, "imap.raw_fetch_per_s",
           messages / rawSeconds);

    // ---- customer to client ----
    progress(QStringLiteral("customer to client, %1 mails one at a time").arg(kLatencySamples));
    if (!spinUntil(
            [&] {
                counter.handled();
                const std::optional<HttpReply> reply =
                    server.fetch(apiRequest("GET", "/api/v1/mailboxes", admin));
                return statusOf(reply) == 200 && reply->json()
                                                     .value(QLatin1String("mailboxes"))
                                                     .toArray()
                                                     .first()
                                                     .toObject()
                                                     .value(QLatin1String("idle"))
                                                     .toBool();
            },
            kSampleTimeoutMs, 20000))
        fail(QStringLiteral("pultd's mailbox did not go idle"));
    SyncingClient client(server, agent);
    Idler idler(dovecot);
    std::unique_ptr<Pult::ImapClient> deliverer = imapSession(dovecot, false);
    std::vector<double> toClient;
    std::vector<double> toIdler;
    QStringList ticketIds;
    for (int sample = 0; sample < kLatencySamples; ++sample) {
        // Both pultd and the idler back in IDLE after the previous mail.
        pause(300);
        const QString subject =
            QStringLiteral("Latency probe %1 of run %2").arg(sample).arg(QString::fromLatin1(run));
        const QByteArray message =
            "From: Probe " + QByteArray::number(sample) + " <probe" + QByteArray::number(sample) +
            "@kunde.example>\r\nTo: billing@firma.example\r\nSubject: " + subject.toUtf8() +
            "\r\nDate: Sun, 06 Dec 2026 11:00:00 +0100\r\nMessage-ID: <probe" +
            QByteArray::number(sample) + '.' + run +
            "@bench.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "The portal shows my invoice twice.\r\n";
        const int idlerBefore = idler.changes();
        const Clock::time_point start = Clock::now();
        append(*deliverer, message);
        QString ticket;
        const bool seen = spinUntil(
            [&] {
                counter.handled();
                if (idler.failed())
                    fail(QStringLiteral("the idling IMAP client failed"));
                ticket = client.poll(subject);
                return !ticket.isEmpty();
            },
            kSampleTimeoutMs, 200);
        if (!seen)
            fail(QStringLiteral("the client did not see the ticket of \"%1\"").arg(subject));
        toClient.push_back(msSince(start));
        ticketIds.append(ticket);
        if (!spinUntil([&] { return idler.changes() > idlerBefore; }, kSampleTimeoutMs, 200))
            fail(QStringLiteral("the idling IMAP client was not told of the new mail"));
        toIdler.push_back(std::chrono::duration<double, std::milli>(idler.last() - start).count());
    }
    static_cast<void>(deliverer->logout());
    std::printf("# customer to client: %d mails, p50 %.1f ms, p90 %.1f ms, max %.1f ms; IDLE to "
                "a separate client p50 %.1f ms, max %.1f ms\n",
                kLatencySamples, median(toClient), percentile(toClient, 0.9),
                percentile(toClient, 1.0), median(toIdler), percentile(toIdler, 1.0));
    std::fflush(stdout);
    report("mail.customer_to_client_p50_ms", median(toClient), "imap.idle_p50_ms", median(toIdler));

    // ---- reply to SMTP ----
    progress(QStringLiteral("agent's reply to smtp-sink, %1 replies").arg(kReplySamples));
    const auto waitForFiles = [&](qsizetype count) {
        return spinUntil(
            [&] {
                counter.handled();
                return QDir(sink.messageDir()).entryList(QDir::Files).size() >= count;
            },
            kSampleTimeoutMs, 1000);
    };
    sink.clearMessages();
    Connection ops;
    if (!ops.open(server.port()))
        fail(QStringLiteral("cannot connect to pultd"));
    std::vector<double> replyMs;
    const QString replyBody =
        QStringLiteral("Dear customer,\n\nthank you, the invoice has been corrected and a new one "
                       "is on its way.\n\nKind regards,\nLea from Billing\n");
    for (int sample = 0; sample < kReplySamples; ++sample) {
        const QJsonObject op{{QStringLiteral("id"), newId()},
                             {QStringLiteral("type"), QStringLiteral("add_message")},
                             {QStringLiteral("ticket_id"), ticketIds[sample]},
                             {QStringLiteral("message"),
                              QJsonObject{{QStringLiteral("id"), newId()},
                                          {QStringLiteral("kind"), QStringLiteral("reply")},
                                          {QStringLiteral("body"), replyBody}}}};
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("ops"), QJsonArray{op}}})
                                    .toJson(QJsonDocument::Compact);
        const Clock::time_point start = Clock::now();
        const std::optional<HttpReply> reply =
            ops.request(apiRequest("POST", "/api/v1/ops", agent, body));
        if (statusOf(reply) != 200 || reply->json()
                                              .value(QLatin1String("results"))
                                              .toArray()
                                              .first()
                                              .toObject()
                                              .value(QLatin1String("status"))
                                              .toString() != u"applied")
            fail(QStringLiteral("the reply op was not applied: ") +
                 QString::fromUtf8(reply ? reply->body : QByteArray()));
        if (!waitForFiles(sample + 1))
            fail(QStringLiteral("the reply did not reach smtp-sink"));
        replyMs.push_back(msSince(start));
        pause(100);
    }
    // What pultd sent, for the baseline's size.
    QByteArray sent;
    {
        QFile file(QDir(sink.messageDir()).filePath(sink.messageFiles().constFirst()));
        if (file.open(QIODevice::ReadOnly))
            sent = file.readAll();
    }

    // ---- baseline: SmtpClient straight to the sink ----
    progress(QStringLiteral("SmtpClient straight to smtp-sink, %1 messages").arg(kReplySamples));
    sink.clearMessages();
    std::vector<double> directMs;
    // A message of the size smtp-sink wrote for pultd's reply, in lines of 72 characters.
    std::string direct = "From: billing@firma.example\r\nTo: c1@kunde.example\r\n"
                         "Subject: Re: Invoice\r\nMessage-ID: <direct@bench.example>\r\n\r\n";
    while (qsizetype(direct.size()) < std::max<qsizetype>(sent.size(), 300))
        direct += std::string(70, 'x') + "\r\n";
    for (int sample = 0; sample < kReplySamples; ++sample) {
        const Clock::time_point start = Clock::now();
        Pult::Mail::SmtpOptions options;
        options.endpoint.host = "127.0.0.1";
        options.endpoint.port = sink.port();
        Pult::Mail::SmtpClient smtp(options);
        const Pult::Mail::SmtpResult result =
            smtp.send({"billing@firma.example", {"c1@kunde.example"}}, direct);
        if (!result.sent())
            fail(QStringLiteral("SmtpClient: ") + QString::fromStdString(result.describe()));
        smtp.quit();
        if (!waitForFiles(sample + 1))
            fail(QStringLiteral("the direct message did not reach smtp-sink"));
        directMs.push_back(msSince(start));
    }
    std::printf("# reply to smtp: %d replies, median %.1f ms, p90 %.1f ms, max %.1f ms, %lld bytes "
                "as written by smtp-sink; SmtpClient directly median %.1f ms\n",
                kReplySamples, median(replyMs), percentile(replyMs, 0.9), percentile(replyMs, 1.0),
                static_cast<long long>(sent.size()), median(directMs));
    std::fflush(stdout);
    report("mail.reply_to_smtp_ms", median(replyMs), "smtp.direct_send_ms", median(directMs));

    progress(QStringLiteral("done in %1 s").arg(msSince(wholeRun) / 1000.0, 0, 'f', 1));
    g_pultd = nullptr;
    server.terminate();
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    try {
        return runBenchmarks(app);
    } catch (const Failure &) {
        return 1;
    }
}
