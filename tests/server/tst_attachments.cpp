// Attachments through the real pultd: uploads (whole, in chunks, resumed after a dropped
// connection and after SIGKILL of pultd), the checks on them (offset, limit, hash), ops that
// reference them, who may download them and how (ranges, names, types), the orphan sweep, the
// metrics, backup and restore, two pultd on one PostgreSQL database, and pultd's memory while a
// 50 MB file goes up and down.

#include "pultdprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QStandardPaths>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(generator.generate());
    return bytes;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray putRequest(const QByteArray &token, const QByteArray &hash, qint64 offset, qint64 size,
                      const QByteArray &body, qint64 contentLength = -1)
{
    return "PUT /api/v1/uploads/" + hash + "?offset=" + QByteArray::number(offset) +
           "&size=" + QByteArray::number(size) +
           " HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " + token +
           "\r\nContent-Length: " +
           QByteArray::number(contentLength < 0 ? body.size() : contentLength) + "\r\n\r\n" + body;
}

// Complete attachment files under DATA/attachments (partial uploads excluded).
int storedFiles(const QString &dataDir)
{
    int count = 0;
    QDirIterator it(dataDir + QStringLiteral("/attachments"), QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (!it.next().contains(QLatin1String("/partial/")))
            ++count;
    }
    return count;
}

qint64 rssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// A pultd with a Billing agent (ana, with a ticket), a second Billing agent (ben) and a Sales
// agent (sam).
struct Desk
{
    Pultd server;
    QByteArray ana;
    QByteArray ben;
    QByteArray sam;
    QString ticket;

    bool addUsers()
    {
        for (const auto &[email, dept] :
             {std::pair{"ana@pult.test", "Billing"}, std::pair{"ben@pult.test", "Billing"},
              std::pair{"sam@pult.test", "Sales"}}) {
            const Run r = addAgent(server.dataDir(), QString::fromLatin1(email),
                                   QStringLiteral("agent"), QString::fromLatin1(dept), kPassword);
            if (r.exitCode != 0) {
                qWarning() << r.err;
                return false;
            }
        }
        return true;
    }

    QJsonObject loginAnswer(const QByteArray &email)
    {
        const std::optional<HttpReply> reply = server.fetch(
            apiRequest("POST", "/api/v1/login", {},
                       R"({"email":")" + email + R"(","password":")" + kPassword + R"("})"));
        return statusOf(reply) == 200 ? reply->json() : QJsonObject();
    }

    bool signIn()
    {
        ana = loginAnswer("ana@pult.test").value(QLatin1String("token")).toString().toLatin1();
        ben = loginAnswer("ben@pult.test").value(QLatin1String("token")).toString().toLatin1();
        sam = loginAnswer("sam@pult.test").value(QLatin1String("token")).toString().toLatin1();
        return !ana.isEmpty() && !ben.isEmpty() && !sam.isEmpty();
    }

    QString departmentOf(const QByteArray &token)
    {
        return server.fetch(apiRequest("GET", "/api/v1/me", token))
            ->json()
            .value(QLatin1String("departments"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("id"))
            .toString();
    }

    QJsonObject op(const QByteArray &token, const QJsonObject &one)
    {
        const std::optional<HttpReply> reply = server.fetch(
            apiRequest("POST", "/api/v1/ops", token,
                       QJsonDocument(QJsonObject{{QStringLiteral("ops"), QJsonArray{one}}})
                           .toJson(QJsonDocument::Compact)));
        if (statusOf(reply) != 200)
            return {};
        return reply->json().value(QLatin1String("results")).toArray().first().toObject();
    }

    bool createTicket()
    {
        ticket = newId();
        const QJsonObject result =
            op(ana, QJsonObject{{QStringLiteral("id"), newId()},
                                {QStringLiteral("type"), QStringLiteral("create_ticket")},
                                {QStringLiteral("ticket"),
                                 QJsonObject{{QStringLiteral("id"), ticket},
                                             {QStringLiteral("subject"), QStringLiteral("Invoice")},
                                             {QStringLiteral("department_id"), departmentOf(ana)},
                                             {QStringLiteral("requester"),
                                              QJsonObject{{QStringLiteral("email"),
                                                           QStringLiteral("marta@firma.pl")}}}}},
                                {QStringLiteral("message_id"), newId()},
                                {QStringLiteral("body"), QStringLiteral("My invoice is wrong.")}});
        return result.value(QLatin1String("status")).toString() == u"applied";
    }

    bool start(const QStringList &arguments = {})
    {
        return server.start(arguments) && addUsers() && signIn() && createTicket();
    }

    std::optional<HttpReply> put(const QByteArray &token, const QByteArray &hash, qint64 offset,
                                 qint64 size, const QByteArray &body)
    {
        return server.fetch(putRequest(token, hash, offset, size, body));
    }

    // Uploads in one PUT; true when complete.
    bool upload(const QByteArray &token, const QByteArray &content)
    {
        const std::optional<HttpReply> reply =
            put(token, sha256(content), 0, content.size(), content);
        return statusOf(reply) == 200 && reply->json().value(QLatin1String("complete")).toBool();
    }

    QJsonObject uploadStatus(const QByteArray &token, const QByteArray &hash)
    {
        const std::optional<HttpReply> reply =
            server.fetch(apiRequest("GET", "/api/v1/uploads/" + hash, token));
        return statusOf(reply) == 200 ? reply->json() : QJsonObject();
    }

    static QJsonObject reference(const QByteArray &content, const QString &name,
                                 const QString &type = QStringLiteral("application/octet-stream"))
    {
        return QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(sha256(content))},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("type"), type},
                           {QStringLiteral("size"), qint64(content.size())}};
    }

    // add_message on the ticket with these attachments: "applied" or the rejection's code.
    QString attach(const QByteArray &token, const QJsonArray &attachments)
    {
        const QJsonObject result = op(
            token, QJsonObject{{QStringLiteral("id"), newId()},
                               {QStringLiteral("type"), QStringLiteral("add_message")},
                               {QStringLiteral("ticket_id"), ticket},
                               {QStringLiteral("message"),
                                QJsonObject{{QStringLiteral("id"), newId()},
                                            {QStringLiteral("kind"), QStringLiteral("reply")},
                                            {QStringLiteral("body"), QStringLiteral("Attached.")},
                                            {QStringLiteral("attachments"), attachments}}}});
        const QString status = result.value(QLatin1String("status")).toString();
        if (status != u"rejected")
            return status;
        return result.value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }

    std::optional<HttpReply> download(const QByteArray &token, const QByteArray &hash,
                                      const QByteArray &extraHeaders = {},
                                      const QByteArray &method = "GET")
    {
        return server.fetch(method + " /api/v1/attachments/" + hash +
                                " HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " + token +
                                "\r\n" + extraHeaders + "\r\n",
                            method == "HEAD");
    }
};

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

    Desk m_desk; // shared by the cases that need no pultd of their own
    QTemporaryDir m_scratch;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_desk.start()); }

    void limitsAreTold()
    {
        const QJsonObject login = m_desk.loginAnswer("ana@pult.test");
        QCOMPARE(login.value(QLatin1String("limits"))
                     .toObject()
                     .value(QLatin1String("attachment_bytes"))
                     .toInteger(),
                 qint64(52428800));
        const std::optional<HttpReply> limits =
            m_desk.server.fetch(apiRequest("GET", "/api/v1/limits", m_desk.ana));
        QCOMPARE(statusOf(limits), 200);
        QCOMPARE(limits->json(), QJsonObject({{QStringLiteral("attachment_bytes"), 52428800}}));
    }

    void uploadInOnePutAndDownload()
    {
        const QByteArray content = randomBytes(300 * 1024 + 7, 1);
        const QByteArray hash = sha256(content);
        QCOMPARE(m_desk.uploadStatus(m_desk.ana, hash).value(QLatin1String("offset")).toInteger(),
                 0);
        const std::optional<HttpReply> put =
            m_desk.put(m_desk.ana, hash, 0, content.size(), content);
        QCOMPARE(statusOf(put), 200);
        QCOMPARE(put->json(), QJsonObject({{QStringLiteral("hash"), QString::fromLatin1(hash)},
                                           {QStringLiteral("complete"), true},
                                           {QStringLiteral("size"), content.size()}}));
        // The uploader may read back its unreferenced upload; nobody else.
        QCOMPARE(m_desk.download(m_desk.ana, hash)->body, content);
        QCOMPARE(statusOf(m_desk.download(m_desk.ben, hash)), 404);

        QCOMPARE(m_desk.attach(m_desk.ana, {Desk::reference(content, QStringLiteral("data.bin"))}),
                 QStringLiteral("applied"));
        const std::optional<HttpReply> reply = m_desk.download(m_desk.ben, hash);
        QCOMPARE(statusOf(reply), 200);
        QVERIFY(reply->body == content);
        QCOMPARE(reply->header("accept-ranges"), QByteArray("bytes"));
        QCOMPARE(reply->header("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(reply->header("content-disposition"),
                 QByteArray("attachment; filename=\"data.bin\"; filename*=UTF-8''data.bin"));
        QCOMPARE(statusOf(m_desk.download(m_desk.sam, hash)), 404); // another department
        const std::optional<HttpReply> head = m_desk.download(m_desk.ben, hash, {}, "HEAD");
        QCOMPARE(statusOf(head), 200);
        QCOMPARE(head->header("content-length").toLongLong(), qint64(content.size()));
        // The message in the feed names it by hash, name, type and size only.
        const QJsonArray messages =
            m_desk.server
                .fetch(apiRequest("GET", "/api/v1/tickets/" + m_desk.ticket.toLatin1(), m_desk.ben))
                ->json()
                .value(QLatin1String("messages"))
                .toArray();
        QCOMPARE(messages.last().toObject().value(QLatin1String("attachments")).toArray(),
                 QJsonArray{Desk::reference(content, QStringLiteral("data.bin"))});
    }

    void uploadInChunksResumes()
    {
        const QByteArray content = randomBytes(1024 * 1024, 2);
        const QByteArray hash = sha256(content);
        const qint64 size = content.size();
        std::optional<HttpReply> reply =
            m_desk.put(m_desk.ana, hash, 0, size, content.left(262144));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->json(), QJsonObject({{QStringLiteral("hash"), QString::fromLatin1(hash)},
                                             {QStringLiteral("complete"), false},
                                             {QStringLiteral("offset"), 262144}}));
        QCOMPARE(m_desk.uploadStatus(m_desk.ana, hash).value(QLatin1String("offset")).toInteger(),
                 262144);
        // Another agent's upload of the same content is its own.
        QCOMPARE(m_desk.uploadStatus(m_desk.ben, hash).value(QLatin1String("offset")).toInteger(),
                 0);
        // A wrong offset: 409, naming the server's.
        reply = m_desk.put(m_desk.ana, hash, 0, size, content.left(1000));
        QCOMPARE(statusOf(reply), 409);
        QCOMPARE(reply->errorCode(), QStringLiteral("offset_mismatch"));
        QVERIFY(reply->body.contains("262144"));
        // Beyond the size: 400.
        QCOMPARE(statusOf(m_desk.put(m_desk.ana, hash, 262144, size, content.mid(262144) + "x")),
                 400);
        reply = m_desk.put(m_desk.ana, hash, 262144, size, content.mid(262144, 500000));
        QCOMPARE(reply->json().value(QLatin1String("offset")).toInteger(), 762144);
        reply = m_desk.put(m_desk.ana, hash, 762144, size, content.mid(762144));
        QCOMPARE(reply->json().value(QLatin1String("complete")).toBool(), true);
        QCOMPARE(m_desk.uploadStatus(m_desk.ana, hash).value(QLatin1String("complete")).toBool(),
                 true);
        // Uploaded again whole by another agent: stored once.
        const int files = storedFiles(m_desk.server.dataDir());
        QVERIFY(m_desk.upload(m_desk.ben, content));
        QCOMPARE(storedFiles(m_desk.server.dataDir()), files);
        QCOMPARE(m_desk.attach(m_desk.ana, {Desk::reference(content, QStringLiteral("big.bin"))}),
                 QStringLiteral("applied"));
        QVERIFY(m_desk.download(m_desk.ben, hash)->body == content);
    }

    void droppedConnectionKeepsWhatArrived()
    {
        const QByteArray content = randomBytes(600000, 14);
        const QByteArray hash = sha256(content);
        {
            Connection connection;
            QVERIFY(connection.open(m_desk.server.port()));
            QVERIFY(connection.send(putRequest(m_desk.ana, hash, 0, content.size(),
                                               content.left(250000), content.size())));
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return m_desk.uploadStatus(m_desk.ana, hash)
                               .value(QLatin1String("offset"))
                               .toInteger() == 250000;
                },
                kTimeoutMs));
            connection.close(); // gone in the middle of the body
        }
        // The upload's file is unlocked once pultd saw the connection go: then it resumes.
        std::optional<HttpReply> reply;
        QVERIFY(QTest::qWaitFor(
            [&] {
                reply = m_desk.put(m_desk.ana, hash, 250000, content.size(), content.mid(250000));
                return statusOf(reply) != 409;
            },
            kTimeoutMs));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->json().value(QLatin1String("complete")).toBool(), true);
        QCOMPARE(m_desk.download(m_desk.ana, hash)->body, content);
    }

    void wrongHashAndBadRequests()
    {
        const QByteArray content = randomBytes(5000, 3);
        const QByteArray other = QByteArray(sha256("something else"));
        std::optional<HttpReply> reply = m_desk.put(m_desk.ana, other, 0, 5000, content);
        QCOMPARE(statusOf(reply), 422);
        QCOMPARE(reply->errorCode(), QStringLiteral("hash_mismatch"));
        QCOMPARE(m_desk.uploadStatus(m_desk.ana, other).value(QLatin1String("offset")).toInteger(),
                 0); // the partial file was deleted
        // A resumed upload is checked over all its bytes.
        QCOMPARE(statusOf(m_desk.put(m_desk.ana, other, 0, 5000, content.left(100))), 200);
        QCOMPARE(statusOf(m_desk.put(m_desk.ana, other, 100, 5000, content.mid(100))), 422);

        QCOMPARE(
            m_desk.server.fetch(apiRequest("GET", "/api/v1/uploads/ABC", m_desk.ana))->errorCode(),
            QStringLiteral("invalid_hash"));
        QCOMPARE(m_desk.put(m_desk.ana, sha256(content).toUpper(), 0, 5000, content)->errorCode(),
                 QStringLiteral("invalid_hash"));
        // No Content-Length: 411.
        reply = m_desk.server.fetch("PUT /api/v1/uploads/" + sha256(content) +
                                    "?offset=0&size=5000 HTTP/1.1\r\nHost: pult.test\r\n"
                                    "Authorization: Bearer " +
                                    m_desk.ana + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QCOMPARE(statusOf(reply), 411);
        // Without a token nothing is read.
        QCOMPARE(statusOf(m_desk.put("nonsense", sha256(content), 0, 5000, content)), 401);
    }

    void opsReferenceOnlyWhatTheAgentMay()
    {
        const QByteArray content = randomBytes(20000, 4);
        const QByteArray hash = sha256(content);
        const QJsonObject reference = Desk::reference(content, QStringLiteral("log.txt"));
        // Unknown: attachment_missing, with a message that says what to do.
        const QJsonObject rejected = m_desk.op(
            m_desk.ana,
            QJsonObject{{QStringLiteral("id"), newId()},
                        {QStringLiteral("type"), QStringLiteral("add_message")},
                        {QStringLiteral("ticket_id"), m_desk.ticket},
                        {QStringLiteral("message"),
                         QJsonObject{{QStringLiteral("id"), newId()},
                                     {QStringLiteral("kind"), QStringLiteral("note")},
                                     {QStringLiteral("body"), QStringLiteral("x")},
                                     {QStringLiteral("attachments"), QJsonArray{reference}}}}});
        const QJsonObject error = rejected.value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(),
                 QStringLiteral("attachment_missing"));
        QVERIFY(error.value(QLatin1String("message"))
                    .toString()
                    .startsWith(QLatin1String("upload the attachment first: ")));
        // Inline content: refused.
        QJsonObject inlined = reference;
        inlined.insert(QStringLiteral("content"), QString::fromLatin1(content.toBase64()));
        QCOMPARE(m_desk.attach(m_desk.ana, {inlined}), QStringLiteral("invalid"));

        QVERIFY(m_desk.upload(m_desk.ana, content));
        // Another agent who neither uploaded nor asked for it may not reference it yet.
        QCOMPARE(m_desk.attach(m_desk.ben, {reference}), QStringLiteral("attachment_missing"));
        // Asking does not tell ben that the server holds it, nor let him reference it: a hash
        // is no key to content. Sending the bytes proves he has them (stored once all the same).
        QCOMPARE(m_desk.uploadStatus(m_desk.ben, hash),
                 QJsonObject({{QStringLiteral("hash"), QString::fromLatin1(hash)},
                              {QStringLiteral("complete"), false},
                              {QStringLiteral("offset"), 0}}));
        QCOMPARE(m_desk.attach(m_desk.ben, {reference}), QStringLiteral("attachment_missing"));
        QVERIFY(m_desk.upload(m_desk.ben, content));
        QCOMPARE(m_desk.attach(m_desk.ben, {reference}), QStringLiteral("applied"));
        // Now on a ticket ana sees: asking costs her no transfer.
        QCOMPARE(m_desk.uploadStatus(m_desk.ana, hash),
                 QJsonObject({{QStringLiteral("hash"), QString::fromLatin1(hash)},
                              {QStringLiteral("complete"), true},
                              {QStringLiteral("size"), content.size()}}));
        QJsonObject wrongSize = reference;
        wrongSize.insert(QStringLiteral("size"), 19999);
        QCOMPARE(m_desk.attach(m_desk.ana, {wrongSize}), QStringLiteral("attachment_missing"));
        QCOMPARE(m_desk.attach(m_desk.ana, {reference}), QStringLiteral("applied"));
        // Referenced on a ticket ben sees: he may reference it again without a claim.
        QCOMPARE(m_desk.attach(m_desk.ben, {reference}), QStringLiteral("applied"));
    }

    void rangesNamesAndTypes()
    {
        const QByteArray content = "<html><script>alert(1)</script></html>";
        const QByteArray hash = sha256(content);
        QVERIFY(m_desk.upload(m_desk.ana, content));
        QCOMPARE(m_desk.attach(m_desk.ana,
                               {Desk::reference(content, QStringLiteral("Résumé \"new\".html"),
                                                QStringLiteral("text/html"))}),
                 QStringLiteral("applied"));
        std::optional<HttpReply> reply = m_desk.download(m_desk.ben, hash);
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->header("content-type"), QByteArray("application/octet-stream"));
        QCOMPARE(reply->header("content-security-policy"), QByteArray("sandbox"));
        QCOMPARE(reply->header("content-disposition"),
                 QByteArray("attachment; filename=\"R_sum_ _new_.html\"; "
                            "filename*=UTF-8''R%C3%A9sum%C3%A9%20%22new%22.html"));
        for (const char *type : {"image/svg+xml", "application/xhtml+xml", "text/xml"}) {
            const QByteArray other = content + type;
            QVERIFY(m_desk.upload(m_desk.ana, other));
            QCOMPARE(m_desk.attach(m_desk.ana, {Desk::reference(other, QStringLiteral("x"),
                                                                QString::fromLatin1(type))}),
                     QStringLiteral("applied"));
            QCOMPARE(m_desk.download(m_desk.ben, sha256(other))->header("content-type"),
                     QByteArray("application/octet-stream"));
        }

        reply = m_desk.download(m_desk.ben, hash, "Range: bytes=6-13\r\n");
        QCOMPARE(statusOf(reply), 206);
        QCOMPARE(reply->body, content.mid(6, 8));
        QCOMPARE(reply->header("content-range"),
                 "bytes 6-13/" + QByteArray::number(content.size()));
        reply = m_desk.download(m_desk.ben, hash, "Range: bytes=30-\r\n");
        QCOMPARE(statusOf(reply), 206);
        QCOMPARE(reply->body, content.mid(30));
        reply = m_desk.download(m_desk.ben, hash, "Range: bytes=-7\r\n");
        QCOMPARE(reply->body, content.right(7));
        reply = m_desk.download(m_desk.ben, hash,
                                "Range: bytes=" + QByteArray::number(content.size()) + "-\r\n");
        QCOMPARE(statusOf(reply), 416);
        QCOMPARE(reply->header("content-range"), "bytes */" + QByteArray::number(content.size()));
    }

    void overTheLimit()
    {
        Desk small;
        QVERIFY(small.start({QStringLiteral("--attachment-limit"), QStringLiteral("64K")}));
        QCOMPARE(small.loginAnswer("ana@pult.test")
                     .value(QLatin1String("limits"))
                     .toObject()
                     .value(QLatin1String("attachment_bytes"))
                     .toInteger(),
                 65536);
        const QByteArray content = randomBytes(65537, 5);
        // Refused from the header alone: the body is not read.
        const std::optional<HttpReply> reply = small.server.fetch(
            putRequest(small.ana, sha256(content), 0, content.size(), {}, content.size()));
        QCOMPARE(statusOf(reply), 413);
        QCOMPARE(reply->errorCode(), QStringLiteral("payload_too_large"));
        QVERIFY2(reply->body.contains("limit of 64 KiB"), reply->body.constData());
        QVERIFY(small.upload(small.ana, content.left(65536)));
    }

    void resumesAfterPultdIsKilled()
    {
        Desk desk;
        QVERIFY(desk.start());
        const QByteArray content = randomBytes(2 * 1024 * 1024, 6);
        const QByteArray hash = sha256(content);
        const qint64 half = content.size() / 2;
        Connection connection;
        QVERIFY(connection.open(desk.server.port()));
        QVERIFY(connection.send(
            putRequest(desk.ana, hash, 0, content.size(), content.left(half), content.size())));
        const QString partialDir = desk.server.dataDir() + QStringLiteral("/attachments/partial");
        const auto held = [&] {
            const QFileInfoList files = QDir(partialDir).entryInfoList(QDir::Files);
            return files.isEmpty() ? qint64(-1) : files.first().size();
        };
        QVERIFY2(QTest::qWaitFor([&] { return held() == half; }, kTimeoutMs),
                 qPrintable(QString::number(held())));
        desk.server.process().kill();
        QCOMPARE(desk.server.waitForExit(), -1);
        connection.close();

        QVERIFY(desk.server.start());
        QVERIFY(desk.signIn());
        QCOMPARE(desk.uploadStatus(desk.ana, hash).value(QLatin1String("offset")).toInteger(),
                 half);
        const std::optional<HttpReply> reply =
            desk.put(desk.ana, hash, half, content.size(), content.mid(half));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->json().value(QLatin1String("complete")).toBool(), true);
        QCOMPARE(storedFiles(desk.server.dataDir()), 1);
        QVERIFY(QDir(partialDir).entryList(QDir::Files).isEmpty());
        QVERIFY(desk.download(desk.ana, hash)->body == content);
    }

    void orphansAreSwept()
    {
        Desk desk;
        QVERIFY(desk.start({QStringLiteral("--orphan-upload-age"), QStringLiteral("1")}));
        const QByteArray kept = randomBytes(3000, 7);
        const QByteArray orphan = randomBytes(3000, 8);
        const QByteArray partial = randomBytes(3000, 9);
        QVERIFY(desk.upload(desk.ana, kept));
        QCOMPARE(desk.attach(desk.ana, {Desk::reference(kept, QStringLiteral("kept"))}),
                 QStringLiteral("applied"));
        QVERIFY(desk.upload(desk.ana, orphan));
        QCOMPARE(statusOf(desk.put(desk.ana, sha256(partial), 0, 3000, partial.left(1000))), 200);
        QCOMPARE(storedFiles(desk.server.dataDir()), 2);
        // What a pultd killed while spooling a customer's post with files, or while sending a
        // contact's export, leaves behind in the same directory.
        const QDir partialDir(desk.server.dataDir() + QStringLiteral("/attachments/partial"));
        const QStringList leftovers{
            QStringLiteral("spool-") + QUuid::createUuid().toString(QUuid::WithoutBraces),
            QStringLiteral("export-") + QUuid::createUuid().toString(QUuid::WithoutBraces) +
                QStringLiteral(".zip")};
        for (const QString &name : leftovers) {
            QFile file(partialDir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write("left behind"), qint64(11));
        }
        // The sweep runs every second with this age.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return storedFiles(desk.server.dataDir()) == 1 &&
                       desk.uploadStatus(desk.ana, sha256(partial))
                               .value(QLatin1String("offset"))
                               .toInteger() == 0 &&
                       !partialDir.exists(leftovers[0]) && !partialDir.exists(leftovers[1]);
            },
            kTimeoutMs));
        QCOMPARE(desk.uploadStatus(desk.ana, sha256(orphan)).value(QLatin1String("complete")),
                 QJsonValue(false));
        QVERIFY(desk.download(desk.ana, sha256(kept))->body == kept);
        const QByteArray metrics = desk.server.fetch(get("/metrics"))->body;
        QVERIFY(metrics.contains("pultd_orphan_uploads_removed_total 4\n"));
    }

    void metricsNamesThem()
    {
        const std::optional<HttpReply> reply = m_desk.server.fetch(get("/metrics"));
        QCOMPARE(statusOf(reply), 200);
        for (const char *name : {"pultd_attachments_bytes", "pultd_attachments_stored",
                                 "pultd_orphan_uploads_removed_total"}) {
            QVERIFY2(reply->body.contains(QByteArray(QByteArray("# TYPE ") + name)), name);
            QVERIFY2(reply->body.contains(QByteArray(QByteArray("\n") + name + ' ')), name);
        }
        QVERIFY(!reply->body.contains("pultd_attachments_stored 0\n"));
        QVERIFY(!reply->body.contains("pultd_attachments_bytes 0\n")); // also from PostgreSQL
    }

    void backupAndRestore()
    {
        if (usingPostgres())
            QSKIP("backup copies the SQLite database; PostgreSQL is backed up with pg_dump");
        const QByteArray content = randomBytes(100000, 10);
        QVERIFY(m_desk.upload(m_desk.ana, content));
        QCOMPARE(m_desk.attach(m_desk.ana, {Desk::reference(content, QStringLiteral("r.bin"))}),
                 QStringLiteral("applied"));
        const QString file = m_scratch.filePath(QStringLiteral("pult.db"));
        const Run r = runPultd(
            {QStringLiteral("--data"), m_desk.server.dataDir(), QStringLiteral("backup"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("attachment files"));
        // Restore into a fresh data directory.
        const QString restored = m_scratch.filePath(QStringLiteral("restored"));
        QVERIFY(QDir().mkpath(restored));
        QVERIFY(QFile::copy(file, restored + QStringLiteral("/server.db")));
        QDirIterator it(file + QStringLiteral(".attachments"), QDir::Files,
                        QDirIterator::Subdirectories);
        int copied = 0;
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = restored + QStringLiteral("/attachments/") +
                               from.mid(file.size() + QStringLiteral(".attachments/").size());
            QVERIFY(QDir().mkpath(QFileInfo(to).path()));
            QVERIFY(QFile::copy(from, to));
            ++copied;
        }
        QCOMPARE(copied, storedFiles(m_desk.server.dataDir()));
        Desk again;
        again.server.useDataDirectory(restored);
        QVERIFY(again.server.start());
        QVERIFY(again.signIn());
        const std::optional<HttpReply> reply = again.download(again.ben, sha256(content));
        QCOMPARE(statusOf(reply), 200);
        QVERIFY(reply->body == content);
    }

    // A server.db from before attachments were files: its blobs are written out at start.
    void blobsOfAnOldDatabaseMoveToFiles()
    {
        if (usingPostgres())
            QSKIP("the old layout is set up with the sqlite3 shell");
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (shell.isEmpty())
            QSKIP("no sqlite3 shell");
        Desk desk;
        QVERIFY(desk.start());
        QCOMPARE(desk.server.terminate(), 0);
        const QByteArray content = "line 1: NullPointerException\n";
        const QByteArray hash = sha256(content);
        const auto sql = [&](const QByteArray &statements) {
            QProcess process;
            process.start(shell, {desk.server.dataDir() + QStringLiteral("/server.db")});
            process.write(statements);
            process.closeWriteChannel();
            process.waitForFinished(kTimeoutMs);
            return process.readAllStandardOutput().trimmed();
        };
        sql("CREATE TABLE attachments(hash TEXT PRIMARY KEY, mime_type TEXT NOT NULL, size "
            "INTEGER NOT NULL, content BLOB NOT NULL) WITHOUT ROWID;\n"
            "INSERT INTO attachments VALUES('" +
            hash + "', 'text/plain', " + QByteArray::number(content.size()) + ", X'" +
            content.toHex() +
            "');\n"
            "INSERT INTO ticket_attachments SELECT '" +
            hash +
            "', id FROM tickets;\n"
            // What pultd wrote before schema versions (serverschema.h): version 1.
            "PRAGMA user_version = 1;\n");
        QVERIFY(desk.server.start());
        QVERIFY(desk.signIn());
        QCOMPARE(desk.download(desk.ben, hash)->body, content);
        QCOMPARE(storedFiles(desk.server.dataDir()), 1);
        QCOMPARE(sql("SELECT count(*) FROM sqlite_master WHERE name = 'attachments';"),
                 QByteArray("0"));
    }

    void twoPultdShareOneDatabaseAndDirectory()
    {
        if (!usingPostgres())
            QSKIP("two pultd share a database only on PostgreSQL (PULT_TEST_DB=postgresql)");
        Pultd second;
        second.shareDatabaseWith(m_desk.server);
        second.useDataDirectory(m_desk.server.dataDir());
        QVERIFY(second.start());
        const QByteArray content = randomBytes(400000, 11);
        const QByteArray hash = sha256(content);
        // Half through the first, the rest through the second, downloaded through the second.
        QCOMPARE(statusOf(m_desk.put(m_desk.ana, hash, 0, content.size(), content.left(150000))),
                 200);
        std::optional<HttpReply> reply =
            second.fetch(putRequest(m_desk.ana, hash, 150000, content.size(), content.mid(150000)));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->json().value(QLatin1String("complete")).toBool(), true);
        QCOMPARE(m_desk.attach(m_desk.ana, {Desk::reference(content, QStringLiteral("s.bin"))}),
                 QStringLiteral("applied"));
        reply = second.fetch("GET /api/v1/attachments/" + hash +
                             " HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " + m_desk.ben +
                             "\r\n\r\n");
        QCOMPARE(statusOf(reply), 200);
        QVERIFY(reply->body == content);
    }

    // Last: the largest. pultd streams 50 MB up and down without holding it.
    void memoryStaysFlat()
    {
        Desk desk;
        QVERIFY(desk.start());
        const qint64 pid = desk.server.process().processId();
        // Warm up: the allocator and the buffers of one small upload and download.
        const QByteArray small = randomBytes(1024 * 1024, 12);
        QVERIFY(desk.upload(desk.ana, small));
        QVERIFY(desk.download(desk.ana, sha256(small))->body == small);
        const qint64 before = rssKb(pid);
        QVERIFY(before > 0);

        const QByteArray content = randomBytes(50 * 1000 * 1000, 13);
        const QByteArray hash = sha256(content);
        Connection up;
        QVERIFY(up.open(desk.server.port()));
        std::optional<HttpReply> reply =
            up.request(putRequest(desk.ana, hash, 0, content.size(), content));
        QCOMPARE(statusOf(reply), 200);
        QCOMPARE(reply->json().value(QLatin1String("complete")).toBool(), true);
        const qint64 afterUpload = rssKb(pid);
        reply = desk.download(desk.ana, hash);
        QCOMPARE(statusOf(reply), 200);
        QVERIFY(reply->body == content);
        const qint64 afterDownload = rssKb(pid);
        qInfo("VmRSS %lld kB before, %lld kB after the upload, %lld kB after the download", before,
              afterUpload, afterDownload);
        QVERIFY(std::max(afterUpload, afterDownload) - before < 20 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
