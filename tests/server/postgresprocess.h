#pragma once

// A real PostgreSQL 15 (Debian's postgresql-15, installed by packaging/dev/install-deps.sh) in a
// temporary directory on a free loopback port, stopped and removed with the object. initdb
// refuses to run as root, and CI runs as root: then the cluster belongs to the "postgres"
// system user the package creates, and its programs run through runuser.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

#include <pwd.h>
#include <unistd.h>

namespace PultdTest {

class PostgresServer
{
public:
    static constexpr const char *kBinDir = "/usr/lib/postgresql/15/bin";

    ~PostgresServer()
    {
        if (m_started)
            run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                                           QStringLiteral("immediate"), QStringLiteral("stop")});
    }

    // Starts the server; on failure, error() says why.
    bool start()
    {
        if (!QFileInfo::exists(QDir(QLatin1String(kBinDir)).filePath(QStringLiteral("initdb"))))
            return fail(QStringLiteral("PostgreSQL 15 is not installed (%1/initdb is missing; "
                                       "packaging/dev/install-deps.sh installs postgresql-15)")
                            .arg(QLatin1String(kBinDir)));
        if (!m_dir.isValid())
            return fail(QStringLiteral("cannot create a temporary directory"));
        if (geteuid() == 0) {
            const passwd *user = getpwnam("postgres");
            if (!user)
                return fail(QStringLiteral("running as root, and there is no \"postgres\" user "
                                           "to run PostgreSQL as"));
            if (chown(QFile::encodeName(m_dir.path()).constData(), user->pw_uid, user->pw_gid) != 0)
                return fail(
                    QStringLiteral("cannot give %1 to the postgres user").arg(m_dir.path()));
            m_runAs = QStringLiteral("postgres");
        }
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("pult"),
                  QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
                  QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                  QStringLiteral("--no-sync")}))
            return false;
        QTcpServer probe; // a free port: the kernel's choice, released for PostgreSQL
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return fail(QStringLiteral("no free loopback port"));
        m_port = probe.serverPort();
        probe.close();
        return startAgain();
    }

    // Stops the server as an administrator would (`pg_ctl stop -m fast`: every open connection
    // is ended), until startAgain().
    bool stop()
    {
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-m"),
                  QStringLiteral("fast"), QStringLiteral("stop")}))
            return false;
        m_started = false;
        return true;
    }

    // Starts the server made by start() (on its port), waiting until it accepts connections.
    bool startAgain()
    {
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 "
                                               "-c fsync=off -c max_connections=300")
                                    .arg(m_port)
                                    .arg(m_dir.path());
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-t"),
                  QStringLiteral("60"), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("log")),
                  QStringLiteral("-o"), options, QStringLiteral("start")}))
            return false;
        m_started = true;
        return true;
    }

    QString url(const QString &database = QStringLiteral("postgres")) const
    {
        return QStringLiteral("postgresql://pult@127.0.0.1:%1/%2").arg(m_port).arg(database);
    }
    const QString &error() const { return m_error; }

    // A new, empty database (name: letters, digits and underscores).
    bool createDatabase(const QString &name)
    {
        return run(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), url(),
                    QStringLiteral("-c"), QStringLiteral("CREATE DATABASE ") + name});
    }

    // Restarts the server as an administrator would, `pg_ctl restart -m fast` (every open
    // connection is ended), without waiting for it: the process returned finishes once
    // PostgreSQL accepts connections again (exit code 0).
    std::unique_ptr<QProcess> beginRestart()
    {
        return startProgram(QStringLiteral("pg_ctl"),
                            {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"),
                             QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-l"),
                             m_dir.filePath(QStringLiteral("log")), QStringLiteral("-m"),
                             QStringLiteral("fast"), QStringLiteral("restart")});
    }

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    // Starts one of PostgreSQL's programs, as the postgres user when we are root.
    std::unique_ptr<QProcess> startProgram(const QString &program, const QStringList &arguments)
    {
        const QString path = QDir(QLatin1String(kBinDir)).filePath(program);
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->setWorkingDirectory(m_dir.path());
        if (m_runAs.isEmpty())
            process->start(path, arguments);
        else
            process->start(QStringLiteral("runuser"),
                           QStringList{QStringLiteral("-u"), m_runAs, QStringLiteral("--"), path} +
                               arguments);
        return process;
    }

    // Runs one of PostgreSQL's programs to its end.
    bool run(const QString &program, const QStringList &arguments)
    {
        const std::unique_ptr<QProcess> process = startProgram(program, arguments);
        if (!process->waitForFinished(120000) || process->exitStatus() != QProcess::NormalExit ||
            process->exitCode() != 0)
            return fail(QStringLiteral("%1 failed: %2")
                            .arg(program, QString::fromLocal8Bit(process->readAll())));
        return true;
    }

    QTemporaryDir m_dir;
    QString m_runAs;
    QString m_error;
    quint16 m_port = 0;
    bool m_started = false;
};

} // namespace PultdTest
