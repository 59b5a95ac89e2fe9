#pragma once

// pultd as a real process for tests: starting it on a free port with its own data directory,
// raw HTTP/1.1 connections that can send anything, and one-shot runs of its commands. Nothing
// sleeps: every wait is on a condition with a deadline, and waits run the event loop so that
// pultd's stdout and stderr pipes keep draining. Needs PULTD_PATH defined to the executable.
//
// With PULT_TEST_DB=postgresql in the environment every pultd keeps its data in PostgreSQL
// instead (--db): one PostgreSQL 15 per test process (postgresprocess.h), one database per data
// directory, so that ctest runs the same suites on both backends.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "postgresprocess.h"

#include <QCryptographicHash>
#include <QSet>

#include <memory>
#include <optional>

namespace PultdTest {

inline constexpr int kTimeoutMs = 15000;
// Starting takes longer: --demo writes thousands of tickets first, and CI runs the sanitizer
// build with two tests at a time on two cores. How fast pultd starts is the benchmarks' business.
inline constexpr int kStartTimeoutMs = 90000;

// Whether this run keeps pultd's data in PostgreSQL (PULT_TEST_DB=postgresql).
inline bool usingPostgres()
{
    return qgetenv("PULT_TEST_DB") == "postgresql";
}

// The arguments that give pultd its data: --data DIR, and with PostgreSQL --db URL for a
// database named after `databaseKey` (the data directory unless two pultd share one database),
// created on first use. Empty when PostgreSQL cannot be started (the test then fails on it).
// The test process's PostgreSQL: started on first use, stopped with the application (while
// QProcess still works). Null when it cannot be started (the reason is logged).
inline PostgresServer *sharedPostgres()
{
    static std::unique_ptr<PostgresServer> shared;
    static bool started = false;
    if (!shared) {
        shared = std::make_unique<PostgresServer>();
        started = shared->start();
        if (!started)
            qWarning("%s", qPrintable(shared->error()));
        qAddPostRoutine([] { shared.reset(); });
    }
    return started ? shared.get() : nullptr;
}

inline QStringList storeArguments(const QString &dataDir, const QString &databaseKey = {})
{
    QStringList arguments{QStringLiteral("--data"), dataDir};
    if (!usingPostgres())
        return arguments;
    static QSet<QString> created;
    PostgresServer *shared = sharedPostgres();
    if (!shared)
        return {};
    PostgresServer &server = *shared;
    const QString key = databaseKey.isEmpty() ? dataDir : databaseKey;
    const QString name =
        QStringLiteral("pult_") +
        QString::fromLatin1(
            QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    if (!created.contains(name)) {
        if (!server.createDatabase(name)) {
            qWarning("%s", qPrintable(server.error()));
            return {};
        }
        created.insert(name);
    }
    return arguments + QStringList{QStringLiteral("--db"), server.url(name)};
}

struct HttpReply
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json()
            .value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("code"))
            .toString();
    }
};

// One client connection that writes bytes exactly as given (so tests can send broken requests)
// and parses the answers.
class Connection
{
public:
    Connection()
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
    }

    bool open(quint16 port)
    {
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        const bool settled = QTest::qWaitFor(
            [this] {
                return m_socket.state() != QAbstractSocket::HostLookupState &&
                       m_socket.state() != QAbstractSocket::ConnectingState;
            },
            kTimeoutMs);
        return settled && m_socket.state() == QAbstractSocket::ConnectedState;
    }

    // Writes and waits until the system has taken every byte.
    bool send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        return QTest::qWaitFor(
                   [this] {
                       return m_socket.bytesToWrite() == 0 ||
                              m_socket.state() != QAbstractSocket::ConnectedState;
                   },
                   kTimeoutMs) &&
               m_socket.bytesToWrite() == 0;
    }

    // The next answer; `headOnly` for answers to HEAD, which have no body whatever their
    // Content-Length says.
    std::optional<HttpReply> read(bool headOnly = false)
    {
        std::optional<HttpReply> reply;
        const bool settled = QTest::qWaitFor(
            [&] {
                reply = takeReply(headOnly);
                return reply || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            kTimeoutMs);
        if (settled && !reply)
            reply = takeReply(headOnly); // closed by the server: what arrived is all there is
        return reply;
    }

    std::optional<HttpReply> request(const QByteArray &bytes, bool headOnly = false)
    {
        if (!send(bytes))
            return std::nullopt;
        return read(headOnly);
    }

    bool waitForServerClose()
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, kTimeoutMs);
    }

    void close() { m_socket.abort(); }

    // Whether any of an answer has arrived, without waiting for it.
    bool answered()
    {
        QCoreApplication::processEvents();
        return !m_received.isEmpty() || m_socket.bytesAvailable() > 0;
    }

private:
    std::optional<HttpReply> takeReply(bool headOnly)
    {
        const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return std::nullopt;
        const QList<QByteArray> lines = m_received.left(headEnd).split('\n');
        HttpReply reply;
        reply.status = lines.first().trimmed().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                reply.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                     lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = headOnly ? 0 : reply.header("content-length").toLongLong();
        if (m_received.size() < headEnd + 4 + length)
            return std::nullopt;
        reply.body = m_received.mid(headEnd + 4, length);
        m_received.remove(0, headEnd + 4 + length);
        return reply;
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};

inline int statusOf(const std::optional<HttpReply> &reply)
{
    return reply ? reply->status : -1;
}

inline QByteArray get(const QByteArray &target, const QByteArray &method = "GET")
{
    return method + ' ' + target + " HTTP/1.1\r\nHost: pult.test\r\n\r\n";
}

// A running pultd with its own data directory; killed if a test leaves it running.
class Pultd
{
public:
    ~Pultd()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(kTimeoutMs);
        }
    }

    bool start(const QStringList &extraArguments = {})
    {
        const QStringList store = storeArguments(dataDir(), databaseKey());
        if (store.isEmpty())
            return false;
        m_process.start(QStringLiteral(PULTD_PATH),
                        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                            store + extraArguments);
        if (!m_process.waitForStarted(kTimeoutMs))
            return false;
        if (!QTest::qWaitFor(
                [this] {
                    return m_process.canReadLine() || m_process.state() == QProcess::NotRunning;
                },
                kStartTimeoutMs)) {
            return false;
        }
        const QByteArray line = m_process.readLine().trimmed();
        static const QRegularExpression listening(
            QStringLiteral("^pultd listening on https?://127\\.0\\.0\\.1:(\\d+)$"));
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(line));
        if (!match.hasMatch()) {
            qWarning() << "unexpected first line" << line << log();
            return false;
        }
        m_port = match.captured(1).toUShort();
        return m_port != 0;
    }

    // With PostgreSQL: keep the data in other's database, as a second pultd on it (call before
    // start()).
    void shareDatabaseWith(const Pultd &other) { m_databaseKey = other.databaseKey(); }
    QString databaseKey() const { return m_databaseKey.isEmpty() ? dataDir() : m_databaseKey; }
    // Use this data directory instead of a fresh one (call before start()): a restored one, or
    // that of another pultd on the same PostgreSQL database (they share DATA/attachments).
    void useDataDirectory(const QString &directory) { m_dataDirOverride = directory; }

    quint16 port() const { return m_port; }
    QString dataDir() const
    {
        return m_dataDirOverride.isEmpty() ? m_dataDir.path() : m_dataDirOverride;
    }
    QProcess &process() { return m_process; }

    QByteArray log()
    {
        m_log += m_process.readAllStandardError();
        return m_log;
    }

    bool waitForLog(const QByteArray &fragment)
    {
        return QTest::qWaitFor([&] { return log().contains(fragment); }, kTimeoutMs);
    }

    // The exit code, or -1 if pultd crashed or did not exit in time.
    int waitForExit()
    {
        // waitForFinished() is false when the event loop has already seen the process finish.
        const bool exited =
            m_process.state() == QProcess::NotRunning || m_process.waitForFinished(kTimeoutMs);
        if (!exited || m_process.exitStatus() != QProcess::NormalExit)
            return -1;
        return m_process.exitCode();
    }

    // SIGTERM, then as waitForExit().
    int terminate()
    {
        m_process.terminate();
        return waitForExit();
    }

    std::optional<HttpReply> fetch(const QByteArray &request, bool headOnly = false)
    {
        Connection connection;
        if (!connection.open(m_port))
            return std::nullopt;
        return connection.request(request, headOnly);
    }

private:
    QTemporaryDir m_dataDir;
    QString m_dataDirOverride;
    QString m_databaseKey;
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

struct Run
{
    int exitCode;
    QByteArray out;
    QByteArray err;
};

// Runs pultd to completion (the user command, say), with input on its standard input.
inline Run runPultd(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(PULTD_PATH), arguments);
    if (process.waitForStarted(kTimeoutMs)) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished(kTimeoutMs);
        return {-1, {}, "did not exit"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// `pultd --data DIR user add EMAIL --name NAME --role ROLE [--dept DEPT]` with the password on
// standard input; the name is the address's local part.
inline Run addAgent(const QString &dataDir, const QString &email, const QString &role,
                    const QString &dept, const QByteArray &password)
{
    QStringList args = storeArguments(dataDir);
    args += QStringList{
        QStringLiteral("user"),    QStringLiteral("add"),    email, QStringLiteral("--name"),
        email.section(u'@', 0, 0), QStringLiteral("--role"), role};
    if (!dept.isEmpty())
        args << QStringLiteral("--dept") << dept;
    return runPultd(args, password);
}

// A fresh id for ops and entities.
inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// An HTTP/1.1 request for the API, with the bearer token when one is given.
inline QByteArray apiRequest(const QByteArray &method, const QByteArray &target,
                             const QByteArray &token, const QByteArray &body = {})
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: pult.test\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    return r + "\r\n" + body;
}

// The token of a login with that password; empty when it is refused.
inline QByteArray login(Pultd &server, const QByteArray &email, const QByteArray &password)
{
    QJsonObject body{{QStringLiteral("email"), QString::fromUtf8(email)},
                     {QStringLiteral("password"), QString::fromUtf8(password)}};
    const std::optional<HttpReply> reply = server.fetch(apiRequest(
        "POST", "/api/v1/login", {}, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    if (statusOf(reply) != 200)
        return {};
    return reply->json().value(QLatin1String("token")).toString().toLatin1();
}

// The results of one batch of ops; empty when the request failed.
inline QJsonArray postOps(Pultd &server, const QByteArray &token, const QJsonArray &batch)
{
    const std::optional<HttpReply> reply = server.fetch(apiRequest(
        "POST", "/api/v1/ops", token,
        QJsonDocument(QJsonObject{{QStringLiteral("ops"), batch}}).toJson(QJsonDocument::Compact)));
    if (statusOf(reply) != 200)
        return {};
    return reply->json().value(QLatin1String("results")).toArray();
}

// Every change the token may see after `since`, followed page by page (pages of `limit`
// revisions); empty on an error.
inline QJsonArray changeFeed(Pultd &server, const QByteArray &token, qint64 since = 0,
                             int limit = 1000)
{
    QJsonArray all;
    for (;;) {
        const std::optional<HttpReply> reply =
            server.fetch(apiRequest("GET",
                                    "/api/v1/changes?since=" + QByteArray::number(since) +
                                        "&limit=" + QByteArray::number(limit),
                                    token));
        if (statusOf(reply) != 200)
            return {};
        const QJsonObject page = reply->json();
        for (const QJsonValue &c : page.value(QLatin1String("changes")).toArray())
            all.append(c);
        since = page.value(QLatin1String("next")).toInteger();
        if (!page.value(QLatin1String("more")).toBool())
            return all;
    }
}

// The feed's newest state of every entity of a type ("ticket", "message", "contact", ...)
// the token may see.
inline QList<QJsonObject> latestEntities(Pultd &server, const QByteArray &token,
                                         const QString &type)
{
    QMap<QString, QJsonObject> byId;
    for (const QJsonValue &v : changeFeed(server, token)) {
        const QJsonObject change = v.toObject();
        if (change.value(QLatin1String("type")).toString() != type)
            continue;
        const QJsonObject data = change.value(QLatin1String("data")).toObject();
        byId.insert(data.value(QLatin1String("id")).toString(), data);
    }
    return byId.values();
}

} // namespace PultdTest
