// Attachments of any size and an outbox that never wedges, end to end: the real pultd on a free
// loopback port (one for the whole suite), pultctl as real processes, the flaky proxy between
// them. Files are uploaded before the op that names them (streamed, resumable), downloaded by
// hash by the agents who may see them; an op the server refuses for good is a rejection and the
// outbox goes on; waiting and refused changes can be discarded and retried; an outbox written
// by an earlier version with inline attachments still syncs.

#include "flakyproxy.h"
#include "localops.h"
#include "syncfixture.h"
#include "uuid.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QtTest>

#include <csignal>
#include <random>

using namespace PultSyncTest;
using PultdTest::apiRequest;
using PultdTest::newId;
using PultdTest::Pultd;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// size bytes that do not compress and differ per seed.
QByteArray randomBytes(qint64 size, quint64 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    std::mt19937_64 random(seed);
    for (qint64 i = 0; i + 8 <= size; i += 8) {
        const quint64 v = random();
        memcpy(bytes.data() + i, &v, 8);
    }
    return bytes;
}

QByteArray sha256(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs pultctl --home HOME ARGS and returns its peak resident set in bytes (-1 when it failed):
// the kernel's high-water mark of the process (VmHWM), read every few milliseconds while it runs.
// (wait4's ru_maxrss would not do: exec carries over the resident size of the test process that
// spawned it.)
qint64 peakRssOfPultctl(const Client &client, const QStringList &args)
{
    QProcess process;
    client.start(process, args);
    const QString status = QStringLiteral("/proc/%1/status").arg(process.processId());
    qint64 peak = 0;
    while (!process.waitForFinished(5)) {
        QFile f(status);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                peak = std::max(peak, line.mid(6).trimmed().split(' ').first().toLongLong() * 1024);
        }
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 ? peak : -1;
}

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QByteArray m_root; // admin token
    QString m_billing;
    QString m_sales;
    const QString m_ana = QStringLiteral("ana@example.com");
    const QString m_eva = QStringLiteral("eva@example.com");
    const QString m_sam = QStringLiteral("sam@example.com"); // Sales only
    QTemporaryDir m_files;

    QJsonArray post(const QJsonArray &ops)
    {
        const auto reply =
            m_server.fetch(apiRequest("POST", "/api/v1/ops", m_root,
                                      QJsonDocument(QJsonObject{{QStringLiteral("ops"), ops}})
                                          .toJson(QJsonDocument::Compact)));
        return reply ? reply->json().value(QLatin1String("results")).toArray() : QJsonArray();
    }

    // A ticket in Billing made by the admin; returns "#NUMBER" and its id.
    std::pair<QString, QUuid> seedTicket(const QString &subject)
    {
        const QString id = newId();
        post({QJsonObject{
            {QStringLiteral("id"), newId()},
            {QStringLiteral("type"), QStringLiteral("create_ticket")},
            {QStringLiteral("ticket"), QJsonObject{{QStringLiteral("id"), id},
                                                   {QStringLiteral("subject"), subject},
                                                   {QStringLiteral("department_id"), m_billing}}},
            {QStringLiteral("message_id"), newId()},
            {QStringLiteral("body"), QStringLiteral("About %1").arg(subject)}}});
        const QJsonObject t = serverTicket(m_server, m_root, QUuid::fromString(id));
        return {u'#' + QString::number(t.value(QLatin1String("ticket"))
                                           .toObject()
                                           .value(QLatin1String("number"))
                                           .toInteger()),
                QUuid::fromString(id)};
    }

    QJsonArray serverMessages(const QUuid &ticket)
    {
        return serverTicket(m_server, m_root, ticket).value(QLatin1String("messages")).toArray();
    }

    // How many messages of the ticket on the server have this body, and their attachments.
    int messagesWithBody(const QUuid &ticket, const QString &body,
                         QJsonArray *attachments = nullptr)
    {
        int n = 0;
        for (const QJsonValue &v : serverMessages(ticket)) {
            const QJsonObject m = v.toObject();
            if (m.value(QLatin1String("body")).toString().contains(body)) {
                ++n;
                if (attachments)
                    *attachments = m.value(QLatin1String("attachments")).toArray();
            }
        }
        return n;
    }

    // Files under pultd's attachment store with this hash in their name (one stored copy).
    int storedCopies(const QByteArray &hash)
    {
        int n = 0;
        QDirIterator it(m_server.dataDir() + QStringLiteral("/attachments"), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (it.fileName() == QString::fromLatin1(hash))
                ++n;
        }
        return n;
    }

    int outboxSize(const Client &client)
    {
        auto store = client.store();
        return store ? int(store->outbox().value().size()) : -1;
    }

    QJsonArray jsonList(const Client &client, const QString &command)
    {
        const auto run = client.run({QStringLiteral("--json"), command});
        return QJsonDocument::fromJson(run.out).array();
    }

    // Queues an op in the client's outbox directly, as an earlier version (or a bug) left it.
    QUuid enqueueRaw(const Client &client, QJsonObject op)
    {
        auto store = Pult::LocalStore::open(client.home() + QStringLiteral("/cache.db"));
        if (!store.good())
            return {};
        const QUuid id = Pult::UuidV7Generator().next();
        op.insert(QStringLiteral("id"), Pult::uuidToString(id));
        const QString kind = op.value(QLatin1String("type")).toString();
        if (!(*store)
                 ->enqueue({id, QDateTime::currentDateTimeUtc(), kind,
                            QJsonDocument(op).toJson(QJsonDocument::Compact)})
                 .good())
            return {};
        return id;
    }

    QJsonObject addMessageOp(const QUuid &ticket, const QString &body,
                             const QJsonArray &attachments = {})
    {
        QJsonObject message{{QStringLiteral("id"), newId()},
                            {QStringLiteral("kind"), QStringLiteral("note")},
                            {QStringLiteral("body"), body}};
        if (!attachments.isEmpty())
            message.insert(QStringLiteral("attachments"), attachments);
        return {{QStringLiteral("type"), QStringLiteral("add_message")},
                {QStringLiteral("ticket_id"), Pult::uuidToString(ticket)},
                {QStringLiteral("message"), message}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        const QString data = m_server.dataDir();
        for (const auto &[email, role, department] :
             {std::tuple{QStringLiteral("root@example.com"), QStringLiteral("admin"),
                         QStringLiteral("Billing")},
              std::tuple{m_ana, QStringLiteral("agent"), QStringLiteral("Billing")},
              std::tuple{m_eva, QStringLiteral("agent"), QStringLiteral("Billing")},
              std::tuple{m_sam, QStringLiteral("agent"), QStringLiteral("Sales")}})
            QCOMPARE(PultdTest::addAgent(data, email, role, department, kPassword).exitCode, 0);
        m_root = login(m_server, QStringLiteral("root@example.com"));
        QVERIFY(!m_root.isEmpty());
        m_billing = departmentId(m_server, m_root, QStringLiteral("Billing"));
        m_sales = departmentId(m_server, m_root, QStringLiteral("Sales"));
        QVERIFY(!m_billing.isEmpty() && !m_sales.isEmpty());
        QVERIFY(m_files.isValid());
    }

    // 30 MB through pultctl reply --attach: uploaded before its reply, stored once; another
    // agent of the department downloads it byte-identical; an agent of another department is
    // told there is no such attachment.
    void largeAttachmentTravels()
    {
        const auto [ref, ticket] = seedTicket(QStringLiteral("Invoice"));
        Client ana, eva, sam;
        QVERIFY(ana.login(m_server.port(), m_ana));
        QVERIFY(eva.login(m_server.port(), m_eva));
        QVERIFY(sam.login(m_server.port(), m_sam));
        const QByteArray content = randomBytes(30 * kMiB, 1);
        const QByteArray hash = sha256(content);
        const QString path = m_files.filePath(QStringLiteral("invoice.pdf"));
        QVERIFY(writeFile(path, content));
        QCOMPARE(
            ana.run({QStringLiteral("reply"), ref, QStringLiteral("--body"),
                     QStringLiteral("See the attached invoice"), QStringLiteral("--attach"), path})
                .exitCode,
            0);
        QCOMPARE(outboxSize(ana), 0);
        QJsonArray attachments;
        QCOMPARE(messagesWithBody(ticket, QStringLiteral("See the attached invoice"), &attachments),
                 1);
        QCOMPARE(attachments.size(), 1);
        const QJsonObject a = attachments.first().toObject();
        QCOMPARE(a.value(QLatin1String("hash")).toString().toLatin1(), hash);
        QCOMPARE(a.value(QLatin1String("name")).toString(), QStringLiteral("invoice.pdf"));
        QCOMPARE(a.value(QLatin1String("size")).toInteger(), content.size());
        QCOMPARE(storedCopies(hash), 1);

        const QString saved = m_files.filePath(QStringLiteral("eva-invoice.pdf"));
        QCOMPARE(eva.run({QStringLiteral("attachment"), QString::fromLatin1(hash),
                          QStringLiteral("--output"), saved})
                     .exitCode,
                 0);
        QVERIFY(readFile(saved) == content);
        QVERIFY(QFile::remove(saved));

        const auto refused = sam.run({QStringLiteral("attachment"), QString::fromLatin1(hash)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("no attachment"), refused.err.constData());
        QVERIFY(!QFile::exists(sam.home() + QStringLiteral("/attachments/") +
                               QString::fromLatin1(hash)));

        // The same content again costs no transfer and is stored once.
        QCOMPARE(eva.run({QStringLiteral("note"), ref, QStringLiteral("--body"),
                          QStringLiteral("Same file"), QStringLiteral("--attach"), path})
                     .exitCode,
                 0);
        QCOMPARE(messagesWithBody(ticket, QStringLiteral("Same file")), 1);
        QCOMPARE(storedCopies(hash), 1);
        QVERIFY(QFile::remove(path));
    }

    // A file over the server's limit is refused before anything is queued, the limit in words.
    void overLimitRefusedBeforeQueueing()
    {
        const auto [ref, ticket] = seedTicket(QStringLiteral("Too big"));
        Client ana;
        QVERIFY(ana.login(m_server.port(), m_ana));
        const QString path = m_files.filePath(QStringLiteral("huge.iso"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(50 * kMiB + 1)); // sparse: nothing is written
        }
        const auto run =
            ana.run({QStringLiteral("reply"), ref, QStringLiteral("--body"),
                     QStringLiteral("Here is the image"), QStringLiteral("--attach"), path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("huge.iso is 50.0 MB; the server accepts attachments of up to "
                                  "50.0 MB"),
                 run.err.constData());
        QCOMPARE(outboxSize(ana), 0);
        QCOMPARE(messagesWithBody(ticket, QStringLiteral("Here is the image")), 0);
        QVERIFY(QFile::remove(path));
    }

    // An op the server refuses for good (here a request over its body limit) is a rejection;
    // the ten changes queued after it reach the server. Retry makes it again (refused again),
    // discard forgets it; a waiting change discarded is undone in the cache and never sent.
    void refusedOpDoesNotWedgeTheOutbox()
    {
        const auto [ref, ticket] = seedTicket(QStringLiteral("Wedge"));
        Client ana;
        QVERIFY(ana.login(m_server.port(), m_ana));
        const QUuid huge = enqueueRaw(
            ana, addMessageOp(ticket, QString(1536 * 1024, u'x') + QStringLiteral(" huge note")));
        QVERIFY(!huge.isNull());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(ana.run({QStringLiteral("--offline"), QStringLiteral("set"), ref,
                              QStringLiteral("+w%1").arg(i)})
                         .exitCode,
                     0);
        QCOMPARE(outboxSize(ana), 11);
        const auto sync = ana.run({QStringLiteral("sync")});
        QCOMPARE(sync.exitCode, 1); // something was refused
        QCOMPARE(outboxSize(ana), 0);
        const QJsonArray tags = serverTicket(m_server, m_root, ticket)
                                    .value(QLatin1String("ticket"))
                                    .toObject()
                                    .value(QLatin1String("tags"))
                                    .toArray();
        QCOMPARE(tags.size(), 10);
        QJsonArray rejections = jsonList(ana, QStringLiteral("rejections"));
        QCOMPARE(rejections.size(), 1);
        QJsonObject r = rejections.first().toObject();
        QCOMPARE(r.value(QLatin1String("op_id")).toString(), Pult::uuidToString(huge));
        QCOMPARE(r.value(QLatin1String("code")).toString(), QStringLiteral("payload_too_large"));

        // Retry: made again under a new id, refused again for the same reason.
        const auto retry =
            ana.run({QStringLiteral("outbox"), QStringLiteral("retry"), Pult::uuidToString(huge)});
        QCOMPARE(retry.exitCode, 1);
        QVERIFY2(retry.err.contains("larger than the limit"), retry.err.constData());
        rejections = jsonList(ana, QStringLiteral("rejections"));
        QCOMPARE(rejections.size(), 1);
        const QString again =
            rejections.first().toObject().value(QLatin1String("op_id")).toString();
        QVERIFY(again != Pult::uuidToString(huge));
        // Discard: forgotten.
        QCOMPARE(ana.run({QStringLiteral("outbox"), QStringLiteral("discard"), again}).exitCode, 0);
        QCOMPARE(jsonList(ana, QStringLiteral("rejections")).size(), 0);
        QCOMPARE(ana.run({QStringLiteral("outbox"), QStringLiteral("discard"), again}).exitCode, 1);
        QCOMPARE(messagesWithBody(ticket, QStringLiteral(" huge note")), 0);

        // A waiting change discarded is undone here and never reaches the server.
        QCOMPARE(ana.run({QStringLiteral("--offline"), QStringLiteral("set"), ref,
                          QStringLiteral("+discarded")})
                     .exitCode,
                 0);
        const QJsonArray outbox = jsonList(ana, QStringLiteral("outbox"));
        QCOMPARE(outbox.size(), 1);
        QVERIFY(ana.store()->ticket(ticket)->tags.contains(QStringLiteral("discarded")));
        QCOMPARE(ana.run({QStringLiteral("outbox"), QStringLiteral("discard"),
                          outbox.first().toObject().value(QLatin1String("op_id")).toString()})
                     .exitCode,
                 0);
        QCOMPARE(outboxSize(ana), 0);
        QVERIFY(!ana.store()->ticket(ticket)->tags.contains(QStringLiteral("discarded")));
        QCOMPARE(ana.run({QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(!serverTicket(m_server, m_root, ticket)
                     .value(QLatin1String("ticket"))
                     .toObject()
                     .value(QLatin1String("tags"))
                     .toArray()
                     .contains(QStringLiteral("discarded")));
    }

    // A note on a ticket whose creation was refused is refused too, naming the change.
    void dependentsOfARefusedOpAreRefused()
    {
        Client ana;
        QVERIFY(ana.login(m_server.port(), m_ana));
        // Sales is not Ana's department: the server refuses the ticket (the window and pultctl
        // offer only her own, so the op is queued as a stale client might have).
        const QUuid ticket = Pult::UuidV7Generator().next();
        const QUuid creation = enqueueRaw(
            ana,
            Pult::Op::createTicket(ticket, QStringLiteral("Elsewhere"), QUuid::fromString(m_sales),
                                   Pult::Priority::Normal, {}, {}, QStringLiteral("Hello")));
        const QUuid note = enqueueRaw(ana, addMessageOp(ticket, QStringLiteral("Follow-up")));
        QVERIFY(!creation.isNull() && !note.isNull());
        QCOMPARE(ana.run({QStringLiteral("sync")}).exitCode, 1);
        QCOMPARE(outboxSize(ana), 0);
        const QJsonArray rejections = jsonList(ana, QStringLiteral("rejections"));
        QCOMPARE(rejections.size(), 2);
        QCOMPARE(rejections.at(0).toObject().value(QLatin1String("op_id")).toString(),
                 Pult::uuidToString(creation));
        const QJsonObject dependent = rejections.at(1).toObject();
        QCOMPARE(dependent.value(QLatin1String("op_id")).toString(), Pult::uuidToString(note));
        QCOMPARE(dependent.value(QLatin1String("code")).toString(),
                 QStringLiteral("depends_on_refused"));
        QVERIFY2(dependent.value(QLatin1String("message"))
                     .toString()
                     .contains(Pult::uuidToString(creation)),
                 qPrintable(dependent.value(QLatin1String("message")).toString()));
    }

    // An outbox written by the earlier version, with a 3 MB attachment inline in its op, syncs:
    // the content moves to the attachment cache and is uploaded first.
    void oldInlineOutboxSyncs()
    {
        const auto [ref, ticket] = seedTicket(QStringLiteral("Upgrade"));
        Client ana, eva;
        QVERIFY(ana.login(m_server.port(), m_ana));
        QVERIFY(eva.login(m_server.port(), m_eva));
        const QByteArray content = randomBytes(3 * kMiB, 3);
        const QUuid old = enqueueRaw(
            ana, addMessageOp(ticket, QStringLiteral("Old inline attachment"),
                              {QJsonObject{{QStringLiteral("name"), QStringLiteral("scan.png")},
                                           {QStringLiteral("type"), QStringLiteral("image/png")},
                                           {QStringLiteral("content"),
                                            QString::fromLatin1(content.toBase64())}}}));
        QVERIFY(!old.isNull());
        QCOMPARE(ana.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(outboxSize(ana), 0);
        QJsonArray attachments;
        QCOMPARE(messagesWithBody(ticket, QStringLiteral("Old inline attachment"), &attachments),
                 1);
        QCOMPARE(attachments.first().toObject().value(QLatin1String("hash")).toString().toLatin1(),
                 sha256(content));
        QCOMPARE(eva.run({QStringLiteral("sync")}).exitCode, 0);
        const QString saved = m_files.filePath(QStringLiteral("scan.png"));
        QCOMPARE(eva.run({QStringLiteral("attachment"), QString::fromLatin1(sha256(content)),
                          QStringLiteral("--output"), saved})
                     .exitCode,
                 0);
        QVERIFY(readFile(saved) == content);
    }

    // pultctl killed with SIGKILL while its upload is under way: the next sync continues the
    // upload; the message is on the server once, its file stored once.
    void killedClientResumesItsUpload()
    {
        const auto [ref, ticket] = seedTicket(QStringLiteral("Killed upload"));
        Client ana;
        QVERIFY(ana.login(m_server.port(), m_ana));
        const QByteArray content = randomBytes(30 * kMiB, 4);
        const QString path = m_files.filePath(QStringLiteral("photos.zip"));
        QVERIFY(writeFile(path, content));
        QCOMPARE(ana.run({QStringLiteral("--offline"), QStringLiteral("reply"), ref,
                          QStringLiteral("--body"), QStringLiteral("Photos"),
                          QStringLiteral("--attach"), path})
                     .exitCode,
                 0);
        QProcess sync;
        ana.start(sync, {QStringLiteral("sync")});
        // Killed as soon as pultd holds part of the file.
        const QString partial = m_server.dataDir() + QStringLiteral("/attachments/partial");
        const bool sawPart = QTest::qWaitFor(
            [&] {
                QDirIterator it(partial, QDir::Files);
                while (it.hasNext()) {
                    it.next();
                    if (it.fileInfo().size() > 0)
                        return true;
                }
                return sync.state() == QProcess::NotRunning;
            },
            kTimeoutMs);
        QVERIFY(sawPart);
        if (const qint64 pid = sync.processId(); pid > 0)
            ::kill(pid_t(pid), SIGKILL);
        sync.waitForFinished(kTimeoutMs);
        QCOMPARE(ana.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(outboxSize(ana), 0);
        QCOMPARE(messagesWithBody(ticket, QStringLiteral("Photos")), 1);
        QCOMPARE(storedCopies(sha256(content)), 1);
        QVERIFY(QFile::remove(path));
    }

    // Through the flaky proxy, every connection reset somewhere within the first 24 MB: a 20 MB
    // upload only completes by continuing from what pultd holds, and it does.
    void flakyNetworkUploadConverges()
    {
        const auto [ref, ticket] = seedTicket(QStringLiteral("Flaky upload"));
        PultTest::FlakyProxy network(m_server.port(), 20261205);
        QVERIFY(network.start());
        Client ana;
        QVERIFY(ana.login(network.port(), m_ana));
        const QByteArray content = randomBytes(20 * kMiB, 5);
        const QString path = m_files.filePath(QStringLiteral("logs.tar"));
        QVERIFY(writeFile(path, content));
        QCOMPARE(ana.run({QStringLiteral("--offline"), QStringLiteral("reply"), ref,
                          QStringLiteral("--body"), QStringLiteral("Logs"),
                          QStringLiteral("--attach"), path})
                     .exitCode,
                 0);
        PultTest::FlakyProxy::Faults faults;
        faults.reset = 1;
        faults.resetWithinBytes = 24 * kMiB;
        network.setFaults(faults);
        int attempts = 0;
        while (attempts < 60 && ana.run({QStringLiteral("sync")}).exitCode != 0)
            ++attempts;
        QVERIFY2(attempts < 60, "the upload never completed through the flaky network");
        QVERIFY(network.counters().reset > 0);
        QCOMPARE(outboxSize(ana), 0);
        QCOMPARE(jsonList(ana, QStringLiteral("rejections")), QJsonArray());
        QJsonArray attachments;
        QCOMPARE(messagesWithBody(ticket, QStringLiteral("Logs"), &attachments), 1);
        QCOMPARE(attachments.first().toObject().value(QLatin1String("hash")).toString().toLatin1(),
                 sha256(content));
        QCOMPARE(storedCopies(sha256(content)), 1);
        QVERIFY(QFile::remove(path));
    }

    // Uploading and downloading 50 MB does not grow pultctl's resident memory by 20 MB: the
    // bytes are streamed from and to disk. (Not under AddressSanitizer, whose quarantine keeps
    // freed buffers resident by design.)
    void transfersStreamInBoundedMemory()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer's quarantine keeps freed memory resident");
#endif
        const auto [ref, ticket] = seedTicket(QStringLiteral("Memory"));
        Client ana, eva;
        QVERIFY(ana.login(m_server.port(), m_ana));
        QVERIFY(eva.login(m_server.port(), m_eva));
        const qint64 baseline = peakRssOfPultctl(
            ana, {QStringLiteral("note"), ref, QStringLiteral("--body"), QStringLiteral("Small")});
        QVERIFY(baseline > 0);
        const QByteArray content = randomBytes(50 * kMiB, 6);
        const QString path = m_files.filePath(QStringLiteral("dump.bin"));
        QVERIFY(writeFile(path, content));
        const qint64 upload =
            peakRssOfPultctl(ana, {QStringLiteral("note"), ref, QStringLiteral("--body"),
                                   QStringLiteral("Dump"), QStringLiteral("--attach"), path});
        QCOMPARE(eva.run({QStringLiteral("sync")}).exitCode, 0);
        const qint64 downloadBaseline = peakRssOfPultctl(eva, {QStringLiteral("sync")});
        const QString saved = m_files.filePath(QStringLiteral("dump-copy.bin"));
        const qint64 download = peakRssOfPultctl(eva, {QStringLiteral("attachment"),
                                                       QString::fromLatin1(sha256(content)),
                                                       QStringLiteral("--output"), saved});
        qInfo() << "pultctl peak RSS (MB): a note" << baseline / kMiB << "with 50 MB attached"
                << upload / kMiB << "| a sync" << downloadBaseline / kMiB << "downloading 50 MB"
                << download / kMiB;
        QVERIFY(upload > 0 && downloadBaseline > 0 && download > 0);
        QVERIFY(readFile(saved) == content);
        QVERIFY(upload - baseline < 20 * kMiB);
        QVERIFY(download - downloadBaseline < 20 * kMiB);
        QFile::remove(path);
        QFile::remove(saved);
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
