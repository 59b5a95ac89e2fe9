#pragma once

// Postfix's smtp-sink (Debian's postfix package, installed by packaging/dev/install-deps.sh) on a
// free loopback port, writing each message it accepts to a file in a temporary directory, and
// stopped with the object. Only the /usr/sbin/smtp-sink binary is used: no Postfix
// configuration, no system mail service. smtp-sink needs `-u USER` when started as root (CI
// runs as root): then it runs as "nobody", who is given the directory.
//
// Its switches make failures on demand: `-r CMD,...` answers the commands with 450 (4xx),
// `-f CMD,...` with 500 (5xx), `-Q CMD,...` with 421 and a disconnect, `-q CMD,...` disconnects
// without an answer. smtp-sink writes messages with LF line breaks and without dot-stuffing,
// after its own X-Client-Addr ... Received: lines.

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <memory>

#include <pwd.h>
#include <unistd.h>

namespace PultdTest {

class SmtpSink
{
public:
    static constexpr const char *kProgram = "/usr/sbin/smtp-sink";

    ~SmtpSink() { stop(); }

    // Starts smtp-sink with `switches` (such as {"-r", "RCPT"}) and waits until it accepts
    // connections; on failure, error() says why.
    bool start(const QStringList &switches = {})
    {
        if (!QFileInfo(QLatin1String(kProgram)).isExecutable())
            return fail(QStringLiteral("%1 is missing (packaging/dev/install-deps.sh installs "
                                       "Debian's postfix package)")
                            .arg(QLatin1String(kProgram)));
        if (!m_dir.isValid())
            return fail(QStringLiteral("cannot create a temporary directory"));
        QStringList arguments;
        if (geteuid() == 0) {
            const passwd *user = getpwnam("nobody");
            if (!user)
                return fail(QStringLiteral("running as root, and there is no \"nobody\" user "
                                           "to run smtp-sink as"));
            if (chown(QFile::encodeName(messageDir()).constData(), user->pw_uid, user->pw_gid) != 0)
                return fail(QStringLiteral("cannot give %1 to nobody").arg(messageDir()));
            arguments << QStringLiteral("-u") << QStringLiteral("nobody");
        }
        if (!m_samePort) {
            QTcpServer probe; // a free port: the kernel's choice, released for smtp-sink
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return fail(QStringLiteral("no free loopback port"));
            m_port = probe.serverPort();
            probe.close();
        }
        arguments << switches << QStringLiteral("-d")
                  << messageDir() + QStringLiteral("/%Y%m%d%H%M%S.")
                  << QStringLiteral("127.0.0.1:%1").arg(m_port) << QStringLiteral("32");
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(QLatin1String(kProgram), arguments);
        if (!m_process->waitForStarted(10000))
            return fail(
                QStringLiteral("smtp-sink did not start: %1").arg(m_process->errorString()));
        // Ready when a connection gets an answer (220, or 421 with -Q CONNECT); that session
        // is then closed.
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(1000) && socket.waitForReadyRead(2000) &&
                !socket.readLine().isEmpty())
                return true;
            // Refused: smtp-sink is not listening yet; its end is the other way out.
            if (m_process->waitForFinished(20))
                return fail(QStringLiteral("smtp-sink exited: %1")
                                .arg(QString::fromLocal8Bit(m_process->readAll())));
        }
        return fail(QStringLiteral("smtp-sink did not accept connections within 10 s: %1")
                        .arg(QString::fromLocal8Bit(m_process->readAll())));
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
    }

    // Stops smtp-sink and starts it again on the same port and directory with other switches
    // (a server that refuses mail now and accepts it later, at the address a client knows).
    bool restart(const QStringList &switches = {})
    {
        stop();
        m_samePort = true;
        const bool started = start(switches);
        m_samePort = false;
        return started;
    }

    quint16 port() const { return m_port; }
    const QString &error() const { return m_error; }
    QString messageDir() const { return m_dir.path(); }

    // The files of the messages received so far, oldest first (by name: time, then random).
    QStringList messageFiles() const
    {
        QStringList files = QDir(messageDir()).entryList(QDir::Files, QDir::Name);
        for (QString &file : files)
            file = QDir(messageDir()).filePath(file);
        return files;
    }

    // Deletes the received messages (between test cases sharing one smtp-sink).
    void clearMessages()
    {
        for (const QString &file : messageFiles())
            QFile::remove(file);
    }

    // The one message received: its bytes as sent (CRLF line breaks restored), without
    // smtp-sink's own lines up to its Received: header. Empty with error() set otherwise.
    // smtp-sink writes and closes the file before it answers the final ".", so a message the
    // client saw accepted is complete.
    QByteArray onlyMessage()
    {
        const QStringList files = messageFiles();
        if (files.size() != 1) {
            m_error = QStringLiteral("expected one message, found %1").arg(files.size());
            return {};
        }
        QFile file(files.front());
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = file.errorString();
            return {};
        }
        QByteArray content = file.readAll();
        m_envelope = content;
        // "Received: from ...\n\tby ...\n\tDATE\n" ends smtp-sink's part.
        const qsizetype received = content.indexOf("\nReceived: ");
        qsizetype end = received < 0 ? -1 : content.indexOf('\n', received + 1);
        for (int i = 0; i < 2 && end >= 0; ++i)
            end = content.indexOf('\n', end + 1);
        if (end < 0) {
            m_error = QStringLiteral("no Received: header from smtp-sink in %1").arg(files.front());
            return {};
        }
        m_envelope.truncate(received + 1);
        content = content.mid(end + 1);
        // The LF of the final ".\r\n" is written too (smtp-sink drops every CR).
        if (content.endsWith('\n'))
            content.chop(1);
        content.replace("\n", "\r\n");
        return content;
    }
    // smtp-sink's lines before the message of the last onlyMessage() (X-Mail-Args: ...).
    const QByteArray &envelope() const { return m_envelope; }

private:
    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
    QByteArray m_envelope;
    quint16 m_port = 0;
    bool m_samePort = false;
};

} // namespace PultdTest
