// Sync benchmarks: the real pultd (PULTD_PATH) on 127.0.0.1 with demo data, and the sync engine
// of pult_sync as the desktop client and pultctl use it. Every figure is printed as a
// "name: value (baseline name: value)" line with a baseline measured in the same run.
//
// 1. sync.initial_s: an empty client signs in as the demo admin (who sees everything) and pulls
//    the whole feed of 100,000 tickets and about 500,000 messages into its cache; baseline: the
//    same pages fetched and parsed without being applied (server and network alone).
// 2. sync.local_apply_ms: SyncSession::submit of a reply (cache write + outbox, one
//    transaction) into that 100,000-ticket cache, p99 of 200; baseline: LocalStore::put of the
//    same message alone.
// 3. sync.a_to_b_p99_ms: 200 signed-in clients on the revision stream of a second pultd (200
//    demo tickets): B, a SyncEngine with its own thread, cache and WebSocket, and 199 clients that
//    pull on every hint without a cache (LightClient); client A submits and pushes a reply, and the
//    time until B's cache has it is taken, p99 of 50; baseline: A's push round trip alone.
// 4. attach.upload_mb_per_s and attach.download_mb_per_s: a 50 MB attachment through the sync
//    engine over loopback (push uploads it before its note; another client downloads it by
//    hash into its cache); baseline: the same file copied on the same disk (read, write, fsync).
//    attach.rss_growth_mb: the largest growth of the client's resident memory during either
//    (target < 20); baseline: pultd's (attach.server_rss_growth_mb, target < 20).
//
// Options: --tickets N (default 100000) for (1) and (2), --clients N (default 200) for (3),
// --attachments runs (4) alone.

#include "benchutil.h"
#include "localops.h"
#include "localstore.h"
#include "serverconnection.h"
#include "syncengine.h"
#include "syncsession.h"
#include "uuid.h"
#include "wire.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QWebSocket>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <thread>

#include <unistd.h>

using namespace Pult;
using namespace Pult::Bench;

namespace {

const QString kAdmin = QStringLiteral("gregor.mlakar@lumen.example");
const QString kAgentA = QStringLiteral("aleksandra.szymanska@lumen.example");
const QString kPassword = QStringLiteral("pult-demo");

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T> T check(Result<T> r, const char *what)
{
    if (!r.good())
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), r.status().message()));
    return std::move(*r);
}

void check(const Status &s, const char *what)
{
    if (!s.good())
        fail(QStringLiteral("%1: %2").arg(QLatin1String(what), s.message()));
}

// pultd with demo data in dir; returns its URL once it listens.
QString startPultd(QProcess &pultd, const QString &dir, qint64 tickets)
{
    pultd.setProcessChannelMode(QProcess::SeparateChannels);
    pultd.setStandardErrorFile(dir + QStringLiteral("/pultd.log"));
    pultd.start(QStringLiteral(PULTD_PATH),
                {QStringLiteral("--data"), dir + QStringLiteral("/data"),
                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("--demo-tickets"), QString::number(tickets)});
    if (!pultd.waitForStarted(10'000))
        fail(QStringLiteral("cannot start %1").arg(QStringLiteral(PULTD_PATH)));
    static const QRegularExpression listening(QStringLiteral("^pultd listening on (http://\\S+)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1'800'000) {
        if (!pultd.canReadLine() && !pultd.waitForReadyRead(1000)) {
            if (pultd.state() == QProcess::NotRunning)
                fail(QStringLiteral("pultd exited; see %1/pultd.log").arg(dir));
            continue;
        }
        const auto match = listening.match(QString::fromUtf8(pultd.readLine()));
        if (match.hasMatch())
            return match.captured(1);
    }
    fail(QStringLiteral("pultd did not start listening"));
}

struct Client
{
    QString home;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<SyncSession> session;
};

Client signIn(const QString &home, const QString &url, const QString &email)
{
    Client c;
    c.home = home;
    c.store = check(LocalStore::open(home + QStringLiteral("/cache.db")), "opening a cache");
    c.session = std::make_unique<SyncSession>(*c.store, home);
    check(c.session->login(url, email, kPassword), "signing in");
    return c;
}

// The load of the other signed-in clients on pultd: each keeps the revision stream open and,
// on every hint, pulls the changes as the engine does (one GET per page), but keeps no cache, so
// that this 2-core machine measures pultd and the network path rather than the CPU of 199 desktop
// clients that would run on machines of their own.
class LightClient : public QObject
{
public:
    LightClient(const QUrl &server, const QByteArray &token)
        : m_server(server)
        , m_token(token)
    {
        connect(&m_socket, &QWebSocket::connected, this, [this] { connected = true; });
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const qint64 hinted = QJsonDocument::fromJson(text.toUtf8())
                                      .object()
                                      .value(QLatin1String("revision"))
                                      .toInteger();
            if (hinted > revision)
                pull();
        });
        QNetworkRequest request(ServerConnection::streamUrl(server));
        request.setRawHeader("Authorization", "Bearer " + token);
        m_socket.open(request);
    }

    std::atomic<bool> connected = false; // read by the main thread
    std::atomic<qint64> revision = 0;

private:
    void pull()
    {
        if (m_busy) {
            m_again = true;
            return;
        }
        m_busy = true;
        QUrl url = m_server;
        url.setPath(QStringLiteral("/api/v1/changes"));
        url.setQuery(QStringLiteral("since=%1&limit=2000").arg(revision));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply *reply = m_manager.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
            revision = std::max(revision.load(), page.value(QLatin1String("next")).toInteger());
            m_busy = false;
            if (std::exchange(m_again, false) || page.value(QLatin1String("more")).toBool())
                pull();
        });
    }

    QUrl m_server;
    QByteArray m_token;
    QWebSocket m_socket;
    QNetworkAccessManager m_manager;
    bool m_busy = false;
    bool m_again = false;
};

QUuid firstTicket(LocalStore &store)
{
    TicketQuery query;
    query.limit = 1;
    const TicketPage page = check(store.listTickets(query), "listing tickets");
    if (page.items.isEmpty())
        fail(QStringLiteral("the cache has no tickets"));
    return page.items.first().ticket.id;
}

// The resident set of a process in bytes (VmRSS), 0 when it cannot be read.
qint64 residentBytes(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

// The largest growth of the resident sets of this process and of pultd while work runs,
// sampled every 5 ms on a thread of its own.
struct RssGrowth
{
    qint64 client = 0;
    qint64 server = 0;
};
RssGrowth rssGrowthDuring(qint64 serverPid, const std::function<void()> &work)
{
    const qint64 self = QCoreApplication::applicationPid();
    const qint64 clientBefore = residentBytes(self);
    const qint64 serverBefore = residentBytes(serverPid);
    std::atomic<bool> done = false;
    RssGrowth peak;
    std::thread sampler([&] {
        while (!done) {
            peak.client = std::max(peak.client, residentBytes(self) - clientBefore);
            peak.server = std::max(peak.server, residentBytes(serverPid) - serverBefore);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    work();
    done = true;
    sampler.join();
    return peak;
}

// 4. A 50 MB attachment through the sync engine: attached (copied into the cache), uploaded
//    by push before its op, downloaded by another client; against copying the file on the same
//    disk; resident memory of client and pultd meanwhile.
void benchAttachments(const QString &dir)
{
    constexpr qint64 kSize = 50 * 1024 * 1024;
    QProcess pultd;
    QDir(dir).mkpath(QStringLiteral("attach"));
    const QString url = startPultd(pultd, dir + QStringLiteral("/attach"), 200);
    QDir(dir).mkpath(QStringLiteral("attach-a"));
    QDir(dir).mkpath(QStringLiteral("attach-b"));
    Client a = signIn(dir + QStringLiteral("/attach-a"), url, kAgentA);
    Client b = signIn(dir + QStringLiteral("/attach-b"), url, kAdmin);
    check(a.session->pull(), "A's sync");
    const QString path = dir + QStringLiteral("/attachment.bin");
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            fail(QStringLiteral("cannot write %1").arg(path));
        std::mt19937_64 random(14);
        QByteArray chunk(1024 * 1024, Qt::Uninitialized);
        for (qint64 written = 0; written < kSize; written += chunk.size()) {
            for (qsizetype i = 0; i + 8 <= chunk.size(); i += 8) {
                const quint64 v = random();
                memcpy(chunk.data() + i, &v, 8);
            }
            f.write(chunk);
        }
    }
    // The baseline: the same bytes copied on the same disk, read, written and synced.
    const double copyMs = msOf([&] {
        QFile in(path), out(path + QStringLiteral(".copy"));
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            fail(QStringLiteral("cannot copy %1").arg(path));
        QByteArray buffer(1024 * 1024, Qt::Uninitialized);
        for (qint64 n; (n = in.read(buffer.data(), buffer.size())) > 0;)
            out.write(buffer.constData(), n);
        out.flush();
        ::fsync(out.handle());
    });
    const double copyMbPerS = double(kSize) / (1024 * 1024) / (copyMs / 1000);
    const CachedFile attached = check(a.session->attach(path), "attaching");
    check(a.session->submit(Op::addMessage(firstTicket(*a.store), MessageKind::InternalNote,
                                           QStringLiteral("50 MB attached"), {attached})),
          "submitting the note");
    double uploadMs = 0;
    const RssGrowth up = rssGrowthDuring(pultd.processId(), [&] {
        uploadMs = msOf([&] { check(a.session->push(), "the upload and its op"); });
    });
    check(b.session->pull(), "B's sync");
    double downloadMs = 0;
    const RssGrowth down = rssGrowthDuring(pultd.processId(), [&] {
        downloadMs = msOf([&] { check(b.session->attachmentFile(attached.hash), "download"); });
    });
    report("attach.upload_mb_per_s", double(kSize) / (1024 * 1024) / (uploadMs / 1000),
           "disk.copy_mb_per_s", copyMbPerS);
    report("attach.download_mb_per_s", double(kSize) / (1024 * 1024) / (downloadMs / 1000),
           "disk.copy_mb_per_s", copyMbPerS);
    report("attach.rss_growth_mb", double(std::max(up.client, down.client)) / (1024 * 1024),
           "attach.server_rss_growth_mb", double(std::max(up.server, down.server)) / (1024 * 1024));
    pultd.kill();
    pultd.waitForFinished();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 tickets = 100'000;
    int clients = 200;
    bool onlyAttachments = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        bool ok = false;
        if (args.at(i) == u"--attachments")
            ok = onlyAttachments = true;
        else if (args.at(i) == u"--tickets" && i + 1 < args.size())
            tickets = args.at(++i).toLongLong(&ok);
        else if (args.at(i) == u"--clients" && i + 1 < args.size())
            clients = args.at(++i).toInt(&ok);
        if (!ok || tickets < 1 || clients < 2) {
            std::printf("Usage: bench_sync [--tickets N] [--clients N] [--attachments]\n");
            return 2;
        }
    }
    qputenv("PULT_CREDENTIALS", "file");
    QTemporaryDir temp;
    if (!temp.isValid())
        fail(QStringLiteral("no temporary directory"));
    if (onlyAttachments) { // just section 4
        benchAttachments(temp.path());
        return 0;
    }

    // 1. The initial sync.
    QProcess big;
    QDir(temp.path()).mkpath(QStringLiteral("big"));
    QElapsedTimer timer;
    timer.start();
    const QString bigUrl = startPultd(big, temp.path() + QStringLiteral("/big"), tickets);
    std::printf("# pultd with %lld demo tickets ready in %.0f s at %s\n", tickets,
                double(timer.elapsed()) / 1000, qPrintable(bigUrl));
    std::fflush(stdout);

    QDir(temp.path()).mkpath(QStringLiteral("fetch"));
    Client fetcher = signIn(temp.path() + QStringLiteral("/fetch"), bigUrl, kAdmin);
    double fetchSeconds = 0;
    {
        // The baseline: the feed's pages over the same connection code, parsed, not applied.
        ServerConnection connection{QUrl(bigUrl)};
        const QByteArray token = [&] {
            auto request = check(fetcher.session->streamRequest(), "reading the token");
            return request.rawHeader("Authorization").mid(7);
        }();
        connection.setToken(token);
        qint64 since = 0;
        qint64 changes = 0;
        fetchSeconds =
            msOf([&] {
                for (;;) {
                    const QJsonObject page =
                        check(connection.get(
                                  QStringLiteral("/api/v1/changes?since=%1&limit=2000").arg(since)),
                              "fetching changes");
                    changes += page.value(QLatin1String("changes")).toArray().size();
                    since = page.value(QLatin1String("next")).toInteger();
                    if (!page.value(QLatin1String("more")).toBool())
                        break;
                }
            }) /
            1000;
        std::printf("# the feed: %lld changes up to revision %lld\n", changes, since);
    }
    QDir(temp.path()).mkpath(QStringLiteral("initial"));
    Client initial = signIn(temp.path() + QStringLiteral("/initial"), bigUrl, kAdmin);
    // As the sync engine sets up its connection: search-index merges after each pull, not
    // inside every write (LocalStore::setSearchAutomerge).
    check(initial.store->setSearchAutomerge(false), "turning automatic index merges off");
    SyncSession::PullResult pulled;
    const double initialSeconds =
        msOf([&] { pulled = check(initial.session->pull(), "the initial sync"); }) / 1000;
    const qint64 cached = check(initial.store->ticketCount(), "counting tickets");
    if (cached != tickets)
        fail(QStringLiteral("the cache holds %1 tickets, not %2").arg(cached).arg(tickets));
    report("sync.initial_s", initialSeconds, "sync.feed_fetch_only_s", fetchSeconds);

    // 2. A local op until the cache shows it, on a connection set up as the window's (no
    //    checkpoints of its own, no automatic index merges; the engine's thread does both after
    //    each round, as here).
    {
        check(initial.store->setAutoCheckpoint(0), "turning checkpoints off");
        check(initial.store->checkpoint(), "the engine's checkpoint");
        const QUuid ticket = firstTicket(*initial.store);
        std::vector<double> submit, put;
        for (int i = 0; i < 200; ++i) {
            const QJsonObject op = Op::addMessage(ticket, MessageKind::InternalNote,
                                                  QStringLiteral("local note %1").arg(i));
            submit.push_back(msOf([&] { check(initial.session->submit(op), "submit"); }));
            Message m;
            m.id = UuidV7Generator().next();
            m.ticketId = ticket;
            m.kind = MessageKind::InternalNote;
            m.created = QDateTime::currentDateTimeUtc();
            m.bodyText = QStringLiteral("baseline note %1").arg(i);
            put.push_back(msOf([&] { check(initial.store->put(m), "put"); }));
        }
        std::vector<double> worst = submit;
        std::sort(worst.rbegin(), worst.rend());
        std::printf("# submit median %.3f ms, worst %.1f %.1f %.1f %.1f ms (the first: %.1f ms); "
                    "put median %.3f ms\n",
                    median(submit), worst[0], worst[1], worst[2], worst[3], submit[0], median(put));
        report("sync.local_apply_ms", percentile(submit, 0.99), "store.put_message_p99_ms",
               percentile(put, 0.99));
    }
    big.kill();
    big.waitForFinished();

    // 3. A to B among many signed-in clients.
    QProcess small;
    QDir(temp.path()).mkpath(QStringLiteral("small"));
    const QString url = startPultd(small, temp.path() + QStringLiteral("/small"), 200);
    QDir(temp.path()).mkpath(QStringLiteral("b"));
    const QString homeB = temp.path() + QStringLiteral("/b");
    {
        Client b = signIn(homeB, url, kAdmin);
    }
    SyncEngine engineB(homeB);
    engineB.setPollInterval(3'600'000);
    engineB.start();
    // The other clients live on a thread of their own, as they would on machines of their own,
    // so that their work does not delay A's.
    std::vector<QByteArray> tokens;
    for (int i = 1; i < clients; ++i) {
        ServerConnection connection{QUrl(url)};
        const QJsonObject login = check(connection.post(QStringLiteral("/api/v1/login"),
                                                        {{QStringLiteral("email"), kAdmin},
                                                         {QStringLiteral("password"), kPassword}}),
                                        "signing a client in");
        tokens.push_back(login.value(QLatin1String("token")).toString().toLatin1());
    }
    QThread loadThread;
    QObject loadContext;
    loadContext.moveToThread(&loadThread);
    loadThread.start();
    std::vector<std::unique_ptr<LightClient>> others;
    QMetaObject::invokeMethod(
        &loadContext,
        [&] {
            for (const QByteArray &token : tokens)
                others.push_back(std::make_unique<LightClient>(QUrl(url), token));
        },
        Qt::BlockingQueuedConnection);
    const auto allSynced = [&] {
        if (engineB.state().kind != SyncEngine::State::Synced)
            return false;
        return std::all_of(others.cbegin(), others.cend(),
                           [](const auto &c) { return c->connected && c->revision > 0; });
    };
    QElapsedTimer wait;
    wait.start();
    while (!allSynced() && wait.elapsed() < 300'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!allSynced())
        fail(QStringLiteral("the clients did not sync"));
    std::printf(
        "# %d clients on the stream: B (a SyncEngine with its cache) and %zu that pull every "
        "hint without a cache; synced in %.1f s\n",
        clients, others.size(), double(wait.elapsed()) / 1000);
    std::fflush(stdout);

    QDir(temp.path()).mkpath(QStringLiteral("a"));
    Client a = signIn(temp.path() + QStringLiteral("/a"), url, kAgentA);
    check(a.session->pull(), "client A's sync");
    const QUuid ticket = firstTicket(*a.store);
    auto storeB =
        check(LocalStore::open(homeB + QStringLiteral("/cache.db"), LocalStore::Mode::ReadOnly),
              "opening B's cache");
    std::vector<double> aToB, pushes;
    for (int i = 0; i < 50; ++i) {
        const QJsonObject op =
            Op::addMessage(ticket, MessageKind::AgentReply, QStringLiteral("A to B %1").arg(i));
        const QUuid messageId =
            Wire::uuidOf(op.value(QLatin1String("message")).toObject().value(QLatin1String("id")));
        QElapsedTimer t;
        t.start();
        check(a.session->submit(op), "A's submit");
        pushes.push_back(msOf([&] { check(a.session->push(), "A's push"); }));
        const auto arrived = [&] {
            auto messages = storeB->messages(ticket);
            if (!messages.good())
                return false;
            return std::any_of(messages->cbegin(), messages->cend(),
                               [&](const Message &m) { return m.id == messageId; });
        };
        while (!arrived()) {
            if (t.elapsed() > 30'000)
                fail(QStringLiteral("B never got A's reply"));
            QThread::usleep(200);
        }
        aToB.push_back(double(t.nsecsElapsed()) / 1e6);
        QThread::msleep(20);
    }
    report("sync.a_to_b_p99_ms", percentile(aToB, 0.99), "sync.a_push_p99_ms",
           percentile(pushes, 0.99));
    QMetaObject::invokeMethod(
        &loadContext, [&] { others.clear(); }, Qt::BlockingQueuedConnection);
    loadThread.quit();
    loadThread.wait();
    small.kill();
    small.waitForFinished();

    benchAttachments(temp.path());
    return 0;
}
