#pragma once

// A real Dovecot 2.3 (Debian's dovecot-imapd, installed by packaging/dev/install-deps.sh) in a
// temporary directory, serving IMAP on two free loopback ports: plain with STARTTLS, and imaps.
// Its certificate (for the name "localhost" only) is made with the openssl command; caFile()
// is that certificate, for clients to trust. Users live in a passwd-file, mail in Maildirs in
// the temporary directory. Stopped and removed with the object.
//
// Dovecot runs rootless (its own configuration file, base_dir and state in the temporary
// directory, no chroot for the login and anvil processes, every service as one user). As a
// normal user that user is us; as root (CI) it is the "dovecot" system user the package
// creates, which then owns the temporary directory, and Dovecot's programs run through runuser.

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <memory>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace PultdTest {

class DovecotServer
{
public:
    static constexpr const char *kDovecot = "/usr/sbin/dovecot";
    static constexpr const char *kLda = "/usr/lib/dovecot/dovecot-lda";

    struct User
    {
        QByteArray name;
        QByteArray password;
    };

    ~DovecotServer() { stop(); }

    // Starts Dovecot with these users (names: letters and digits; passwords without ':' and
    // line breaks); on failure, error() says why.
    bool start(const QList<User> &users)
    {
        if (!QFileInfo::exists(QLatin1String(kDovecot)))
            return fail(QStringLiteral("Dovecot is not installed (%1 is missing; "
                                       "packaging/dev/install-deps.sh installs dovecot-imapd)")
                            .arg(QLatin1String(kDovecot)));
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            return fail(QStringLiteral("the openssl command is not installed"));
        if (!m_dir.isValid())
            return fail(QStringLiteral("cannot create a temporary directory"));

        // Who Dovecot runs as.
        uid_t uid = geteuid();
        gid_t gid = getegid();
        const passwd *self = getpwuid(uid);
        if (!self)
            return fail(QStringLiteral("the current user has no passwd entry"));
        m_user = QString::fromLocal8Bit(self->pw_name);
        if (uid == 0) {
            const passwd *dovecot = getpwnam("dovecot");
            if (!dovecot)
                return fail(QStringLiteral("running as root, and there is no \"dovecot\" user "
                                           "to run Dovecot as"));
            uid = dovecot->pw_uid;
            gid = dovecot->pw_gid;
            m_user = QStringLiteral("dovecot");
            m_runAs = m_user;
        }

        const group *primary = getgrgid(gid);
        if (!primary)
            return fail(QStringLiteral("the group %1 has no name").arg(gid));
        const QString groupName = QString::fromLocal8Bit(primary->gr_name);

        // The certificate.
        QProcess req;
        req.setProcessChannelMode(QProcess::MergedChannels);
        req.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-keyout"), path("key.pem"),
                   QStringLiteral("-out"), caFile()});
        if (!req.waitForFinished(60000) || req.exitCode() != 0)
            return fail(QStringLiteral("openssl req failed: ") +
                        QString::fromLocal8Bit(req.readAll()));

        QByteArray passwd;
        for (const User &user : users)
            passwd += user.name + ":{PLAIN}" + user.password + "::::::\n";
        if (!writeFile(path("passwd"), passwd))
            return false;

        // Two free ports: the kernel's choice, released for Dovecot.
        QTcpServer probe1, probe2;
        if (!probe1.listen(QHostAddress::LocalHost, 0) ||
            !probe2.listen(QHostAddress::LocalHost, 0))
            return fail(QStringLiteral("no free loopback port"));
        m_port = probe1.serverPort();
        m_tlsPort = probe2.serverPort();
        probe1.close();
        probe2.close();

        const QString d = m_dir.path();
        const QString config =
            QStringLiteral(
                "base_dir = %1/run\n"
                "state_dir = %1/state\n"
                "instance_name = pult-test-%2\n"
                "log_path = %1/dovecot.log\n"
                "protocols = imap\n"
                "listen = 127.0.0.1\n"
                "default_internal_user = %3\n"
                "default_internal_group = %8\n"
                "default_login_user = %3\n"
                "first_valid_uid = %4\n"
                "ssl = yes\n"
                "ssl_cert = <%1/cert.pem\n"
                "ssl_key = <%1/key.pem\n"
                "disable_plaintext_auth = no\n"
                "auth_mechanisms = plain login\n"
                // A wrong password is answered within 0.5 s (Dovecot's check interval).
                "auth_failure_delay = 0\n"
                "mail_location = maildir:%1/mail/%u\n"
                // IDLE notices new mail by inotify; this is the fallback's pace.
                "mailbox_idle_check_interval = 1 secs\n"
                "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN %1/passwd\n}\n"
                "userdb {\n  driver = passwd-file\n  args = %1/passwd\n"
                "  default_fields = uid=%4 gid=%5 home=%1/home/%u\n}\n"
                // Without chroot=, every login waits seconds for anvil's chroot (not ours to
                // make). Without the penalty listener, the auth process does not slow down the
                // wrong passwords the tests try on purpose by 2 to 15 s each.
                "service anvil {\n  chroot =\n"
                "  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}\n"
                "service imap-login {\n  chroot =\n"
                "  inet_listener imap {\n    address = 127.0.0.1\n    port = %6\n  }\n"
                "  inet_listener imaps {\n    address = 127.0.0.1\n    port = %7\n"
                "    ssl = yes\n  }\n}\n")
                .arg(d)
                .arg(QCoreApplication::applicationPid())
                .arg(m_user)
                .arg(uid)
                .arg(gid)
                .arg(m_port)
                .arg(m_tlsPort)
                .arg(groupName);
        if (!writeFile(configFile(), config.toUtf8()))
            return false;
        if (uid != geteuid()) {
            if (!chownTree(d, uid, gid))
                return fail(QStringLiteral("cannot give %1 to the dovecot user").arg(d));
        }

        m_process = startProgram(QLatin1String(kDovecot),
                                 {QStringLiteral("-F"), QStringLiteral("-c"), configFile()});
        if (!m_process->waitForStarted(30000))
            return fail(QStringLiteral("cannot start dovecot: ") + m_process->errorString());
        // Ready once both ports greet.
        QElapsedTimer timer;
        timer.start();
        for (const quint16 port : {m_port, m_tlsPort}) {
            for (;;) {
                if (m_process->state() != QProcess::Running)
                    return fail(QStringLiteral("dovecot exited: ") +
                                QString::fromLocal8Bit(m_process->readAll()) + log());
                if (timer.hasExpired(30000))
                    return fail(QStringLiteral("dovecot does not accept connections: ") + log());
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, port);
                if (socket.waitForConnected(1000))
                    break;
                m_process->waitForFinished(50); // lets it run; a bounded pause
            }
        }
        return true;
    }

    // Delivers `message` into the INBOX of `user` with dovecot-lda, as the MTA would.
    bool deliver(const QByteArray &user, const QByteArray &message)
    {
        std::unique_ptr<QProcess> lda = startProgram(
            QLatin1String(kLda),
            {QStringLiteral("-c"), configFile(), QStringLiteral("-d"), QString::fromLatin1(user),
             QStringLiteral("-f"), QStringLiteral("sender@example.org")});
        if (!lda->waitForStarted(30000))
            return fail(QStringLiteral("cannot start dovecot-lda: ") + lda->errorString());
        lda->write(message);
        lda->closeWriteChannel();
        if (!lda->waitForFinished(60000) || lda->exitStatus() != QProcess::NormalExit ||
            lda->exitCode() != 0)
            return fail(QStringLiteral("dovecot-lda failed: ") +
                        QString::fromLocal8Bit(lda->readAll()) + log());
        return true;
    }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() == QProcess::Running) {
            std::unique_ptr<QProcess> stopper =
                startProgram(QLatin1String(kDovecot),
                             {QStringLiteral("-c"), configFile(), QStringLiteral("stop")});
            stopper->waitForFinished(30000);
            if (!m_process->waitForFinished(30000)) {
                m_process->kill();
                m_process->waitForFinished(10000);
            }
        }
        m_process.reset();
    }

    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    QString caFile() const { return path("cert.pem"); }
    const QString &error() const { return m_error; }
    QString log() const
    {
        QFile file(path("dovecot.log"));
        return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()) : QString();
    }

private:
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QString configFile() const { return path("dovecot.conf"); }

    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    bool writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(name);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return fail(QStringLiteral("cannot write %1").arg(name));
        return true;
    }

    static bool chownTree(const QString &root, uid_t uid, gid_t gid)
    {
        if (chown(QFile::encodeName(root).constData(), uid, gid) != 0)
            return false;
        const QFileInfoList entries =
            QDir(root).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        for (const QFileInfo &entry : entries) {
            if (entry.isDir() && !entry.isSymLink()
                    ? !chownTree(entry.filePath(), uid, gid)
                    : chown(QFile::encodeName(entry.filePath()).constData(), uid, gid) != 0)
                return false;
        }
        return true;
    }

    // Starts one of Dovecot's programs, as the dovecot user when we are root.
    std::unique_ptr<QProcess> startProgram(const QString &program, const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->setWorkingDirectory(m_dir.path());
        if (m_runAs.isEmpty())
            process->start(program, arguments);
        else
            process->start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), m_runAs,
                                                                  QStringLiteral("--"), program} +
                                                          arguments);
        return process;
    }

    QTemporaryDir m_dir;
    QString m_user;
    QString m_runAs;
    QString m_error;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};

} // namespace PultdTest
