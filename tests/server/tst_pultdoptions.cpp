#include "pultdoptions.h"

#include <QStringList>
#include <QTest>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

using Pult::PultdOptions;
Q_DECLARE_METATYPE(PultdOptions::Action)

class TestPultdOptions : public QObject
{
    Q_OBJECT

    static PultdOptions parse(const QStringList &arguments)
    {
        std::vector<std::string> storage;
        for (const QString &argument : arguments)
            storage.push_back(argument.toStdString());
        return Pult::parsePultdArguments(
            std::vector<std::string_view>(storage.begin(), storage.end()));
    }

private Q_SLOTS:
    void arguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<PultdOptions::Action>("action");
        QTest::addColumn<QString>("address"); // for Run
        QTest::addColumn<int>("port");        // for Run
        QTest::addColumn<QString>("error");   // a part of the message, for UsageError

        using A = PultdOptions::Action;
        const QString none;
        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        const auto args = [](std::initializer_list<const char *> list) {
            QStringList result;
            for (const char *a : list)
                result << QString::fromUtf8(a);
            return result;
        };

        QTest::newRow("data only: default listen")
            << args({"--data", "/tmp/d"}) << A::Run << s("127.0.0.1") << 8743 << none;
        QTest::newRow("ephemeral port") << args({"--data", "/tmp/d", "--listen", "127.0.0.1:0"})
                                        << A::Run << s("127.0.0.1") << 0 << none;
        QTest::newRow("inline values") << args({"--listen=0.0.0.0:80", "--data=/tmp/d"}) << A::Run
                                       << s("0.0.0.0") << 80 << none;
        QTest::newRow("ipv6 in brackets") << args({"--data", "/tmp/d", "--listen", "[::1]:9000"})
                                          << A::Run << s("::1") << 9000 << none;
        QTest::newRow("limits") << args({"--data", "d", "--max-connections", "2", "--threads", "1"})
                                << A::Run << s("127.0.0.1") << 8743 << none;
        QTest::newRow("help") << args({"--help"}) << A::Help << none << 0 << none;
        QTest::newRow("short help") << args({"-h"}) << A::Help << none << 0 << none;
        QTest::newRow("read in order") << args({"--bogus", "-h"}) << A::UsageError << none << 0
                                       << s("unknown option '--bogus'");
        QTest::newRow("version") << args({"--version"}) << A::Version << none << 0 << none;

        QTest::newRow("no data") << args({}) << A::UsageError << none << 0
                                 << s("missing --data DIR");
        QTest::newRow("unknown option") << args({"--data", "d", "--frobnicate"}) << A::UsageError
                                        << none << 0 << s("unknown option '--frobnicate'");
        QTest::newRow("positional") << args({"--data", "d", "extra"}) << A::UsageError << none << 0
                                    << s("unexpected argument 'extra'");
        QTest::newRow("missing value")
            << args({"--data"}) << A::UsageError << none << 0 << s("option '--data' needs a value");
        QTest::newRow("empty data")
            << args({"--data="}) << A::UsageError << none << 0 << s("--data needs a directory");
        QTest::newRow("listen without port")
            << args({"--data", "d", "--listen", "127.0.0.1"}) << A::UsageError << none << 0
            << s("--listen expects ADDR:PORT");
        QTest::newRow("port too large")
            << args({"--data", "d", "--listen", "127.0.0.1:65536"}) << A::UsageError << none << 0
            << s("--listen expects ADDR:PORT");
        QTest::newRow("port not a number")
            << args({"--data", "d", "--listen", "127.0.0.1:http"}) << A::UsageError << none << 0
            << s("--listen expects ADDR:PORT");
        QTest::newRow("ipv6 without brackets")
            << args({"--data", "d", "--listen", "::1:80"}) << A::UsageError << none << 0
            << s("--listen expects");
        QTest::newRow("no address") << args({"--data", "d", "--listen", ":80"}) << A::UsageError
                                    << none << 0 << s("--listen expects");
        QTest::newRow("zero connections")
            << args({"--data", "d", "--max-connections", "0"}) << A::UsageError << none << 0
            << s("--max-connections expects");
        QTest::newRow("zero idle timeout")
            << args({"--data", "d", "--idle-timeout", "0"}) << A::UsageError << none << 0
            << s("--idle-timeout expects seconds");
        QTest::newRow("negative threads") << args({"--data", "d", "--threads", "-1"})
                                          << A::UsageError << none << 0 << s("--threads expects");
        QTest::newRow("zero workers") << args({"--data", "d", "--workers", "0"}) << A::UsageError
                                      << none << 0 << s("--workers expects a number from 1");
        QTest::newRow("zero queue")
            << args({"--data", "d", "--max-queued-requests", "0"}) << A::UsageError << none << 0
            << s("--max-queued-requests expects a number from 1");

        QTest::newRow("backup") << args({"--data", "d", "backup", "/tmp/pult.db"}) << A::Backup
                                << none << 0 << none;
        QTest::newRow("backup after other options")
            << args({"--data=d", "--threads", "2", "backup", "b.db"}) << A::Backup << none << 0
            << none;
        QTest::newRow("backup without data") << args({"backup", "b.db"}) << A::UsageError << none
                                             << 0 << s("missing --data DIR before the backup");
        QTest::newRow("backup without file")
            << args({"--data", "d", "backup"}) << A::UsageError << none << 0 << s("backup FILE");
        QTest::newRow("backup with empty file") << args({"--data", "d", "backup", ""})
                                                << A::UsageError << none << 0 << s("backup FILE");
        QTest::newRow("backup with two files")
            << args({"--data", "d", "backup", "a.db", "b.db"}) << A::UsageError << none << 0
            << s("unexpected argument 'b.db' after backup FILE");
        QTest::newRow("backup with an option after it")
            << args({"--data", "d", "backup", "a.db", "--threads=2"}) << A::UsageError << none << 0
            << s("unexpected argument '--threads=2'");
    }

    void arguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(PultdOptions::Action, action);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(QString, error);

        const PultdOptions options = parse(arguments);
        QCOMPARE(options.action, action);
        if (action == PultdOptions::Action::Run) {
            QCOMPARE(QString::fromStdString(options.config.listenAddress), address);
            QCOMPARE(int(options.config.port), port);
            QVERIFY(!options.config.dataDirectory.empty());
        }
        if (action == PultdOptions::Action::UsageError)
            QVERIFY2(QString::fromStdString(options.error).contains(error), options.error.c_str());
    }

    void limitsReachTheConfig()
    {
        const PultdOptions options = parse(
            {QStringLiteral("--data"), QStringLiteral("d"), QStringLiteral("--max-connections"),
             QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("3"),
             QStringLiteral("--idle-timeout"), QStringLiteral("5"), QStringLiteral("--workers"),
             QStringLiteral("4"), QStringLiteral("--max-queued-requests=9")});
        QCOMPARE(options.config.maxConnections, std::size_t(2));
        QCOMPARE(options.config.threads, 3u);
        QCOMPARE(options.config.workers, 4u);
        QCOMPARE(options.config.maxQueuedRequests, std::size_t(9));
        QCOMPARE(options.config.idleTimeout, std::chrono::milliseconds(5000));
        QCOMPARE(QString::fromStdString(options.config.dataDirectory.string()),
                 QStringLiteral("d"));
    }

    void userAdd()
    {
        PultdOptions options = parse(
            {QStringLiteral("--data"), QStringLiteral("d"), QStringLiteral("user"),
             QStringLiteral("add"), QStringLiteral("ana@x.example"), QStringLiteral("--name"),
             QStringLiteral("Ana Novak"), QStringLiteral("--role=lead"), QStringLiteral("--dept"),
             QStringLiteral("Technical support:2"), QStringLiteral("--dept=Sales")});
        QCOMPARE(options.action, PultdOptions::Action::AddUser);
        QCOMPARE(options.user.email, std::string("ana@x.example"));
        QCOMPARE(options.user.name, std::string("Ana Novak"));
        QCOMPARE(options.user.role, std::string("lead"));
        QCOMPARE(options.user.departments, (std::vector<std::pair<std::string, int>>{
                                               {"Technical support", 2}, {"Sales", 1}}));

        const auto refused = [&](const QStringList &rest, const char *message) {
            const PultdOptions o =
                parse(QStringList{QStringLiteral("--data"), QStringLiteral("d"),
                                  QStringLiteral("user"), QStringLiteral("add")} +
                      rest);
            QCOMPARE(o.action, PultdOptions::Action::UsageError);
            QVERIFY2(o.error.find(message) != std::string::npos, o.error.c_str());
        };
        refused({}, "needs the agent's e-mail address");
        refused({QStringLiteral("a@b"), QStringLiteral("--role=agent")}, "needs --name");
        refused({QStringLiteral("a@b"), QStringLiteral("--name=A")}, "needs --role");
        refused({QStringLiteral("a@b"), QStringLiteral("--name=A"), QStringLiteral("--role=x")},
                "--role is agent, lead or admin");
        refused({QStringLiteral("a@b"), QStringLiteral("--name=A"), QStringLiteral("--role=agent"),
                 QStringLiteral("--dept=Sales:0")},
                "tier from 1 to 9");
        refused({QStringLiteral("a@b"), QStringLiteral("--password=secret")},
                "unknown option '--password'");
        refused({QStringLiteral("a@b"), QStringLiteral("c@d")}, "unexpected argument");
        options = parse({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("a@b")});
        QCOMPARE(options.action, PultdOptions::Action::UsageError);
        QVERIFY(options.error.find("--data") != std::string::npos);
    }

    void backupFile()
    {
        const PultdOptions options =
            parse({QStringLiteral("--data"), QStringLiteral("/srv/pult"), QStringLiteral("backup"),
                   QStringLiteral("/var/backups/pult 1.db")});
        QCOMPARE(options.action, PultdOptions::Action::Backup);
        QCOMPARE(QString::fromStdString(options.config.dataDirectory.string()),
                 QStringLiteral("/srv/pult"));
        QCOMPARE(QString::fromStdString(options.backupFile.string()),
                 QStringLiteral("/var/backups/pult 1.db"));
    }

    void configFile_data()
    {
        QTest::addColumn<QStringList>("arguments"); // before them: --config pultd.conf
        QTest::addColumn<QString>("file");          // the text of pultd.conf
        QTest::addColumn<QString>("error");         // the whole message; empty when good
        QTest::addColumn<QString>("listen");        // ADDR:PORT, when good
        QTest::addColumn<int>("threads");           // when good
        QTest::addColumn<qint64>("bodyLimit");      // when good

        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        const QString good = s("# pultd for the tests\n"
                               "\n"
                               "data = /srv/pult\n"
                               "  listen=0.0.0.0:8443   # all interfaces\n"
                               "threads = 3\r\n"
                               "max-connections = 10\n"
                               "idle-timeout = 20\n"
                               "body-limit = 2048\n"
                               "tls-cert = /etc/pult/cert#1.pem\n"
                               "tls-key = /etc/pult/key.pem");
        QTest::newRow("good file")
            << QStringList() << good << QString() << s("0.0.0.0:8443") << 3 << qint64(2048);
        QTest::newRow("command line overrides")
            << QStringList{s("--threads=5"), s("--listen"), s("127.0.0.1:0")} << good << QString()
            << s("127.0.0.1:0") << 5 << qint64(2048);
        QTest::newRow("command line before --config overrides too")
            << QStringList{s("--body-limit=65536")} << good << QString() << s("0.0.0.0:8443") << 3
            << qint64(65536);
        QTest::newRow("empty file") << QStringList{s("--data=d")} << QString() << QString()
                                    << s("127.0.0.1:8743") << -1 << qint64(1024 * 1024);
        QTest::newRow("unknown key")
            << QStringList() << s("data = d\n# the port\nprot = 8743\n")
            << s("pultd.conf:3: unknown setting 'prot'") << QString() << 0 << qint64(0);
        QTest::newRow("option syntax is not a key")
            << QStringList() << s("--data = d\n") << s("pultd.conf:1: unknown setting '--data'")
            << QString() << 0 << qint64(0);
        QTest::newRow("bad value") << QStringList() << s("data = d\nthreads = many\n")
                                   << s("pultd.conf:2: threads expects a number from 1 to 256")
                                   << QString() << 0 << qint64(0);
        QTest::newRow("body limit too small")
            << QStringList() << s("data = d\nbody-limit = 1000\n")
            << s("pultd.conf:2: body-limit expects bytes from 1024 (1 KiB) to 67108864 (64 MiB)")
            << QString() << 0 << qint64(0);
        QTest::newRow("no equals sign") << QStringList() << s("data d\n")
                                        << s("pultd.conf:1: expected 'key = value', got 'data d'")
                                        << QString() << 0 << qint64(0);
        QTest::newRow("empty value")
            << QStringList() << s("data =\n") << s("pultd.conf:1: data needs a directory")
            << QString() << 0 << qint64(0);
        QTest::newRow("the bad line is an error even when overridden")
            << QStringList{s("--threads=2")} << s("data = d\nthreads = 0\n")
            << s("pultd.conf:2: threads expects a number from 1 to 256") << QString() << 0
            << qint64(0);
        QTest::newRow("tls key without cert")
            << QStringList() << s("data = d\ntls-key = k.pem\n")
            << s("--tls-cert and --tls-key go together: give both or neither") << QString() << 0
            << qint64(0);
        QTest::newRow("bad command-line value after a good file")
            << QStringList{s("--body-limit=100000000")} << good
            << s("--body-limit expects bytes from 1024 (1 KiB) to 67108864 (64 MiB)") << QString()
            << 0 << qint64(0);
    }

    void configFile()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, file);
        QFETCH(QString, error);
        QFETCH(QString, listen);
        QFETCH(int, threads);
        QFETCH(qint64, bodyLimit);

        std::vector<std::string> storage{"--config", "pultd.conf"};
        for (const QString &argument : arguments)
            storage.push_back(argument.toStdString());
        std::vector<std::filesystem::path> read;
        const PultdOptions options = Pult::parsePultdArguments(
            std::vector<std::string_view>(storage.begin(), storage.end()),
            [&](const std::filesystem::path &path, std::string &) -> std::optional<std::string> {
                read.push_back(path);
                return file.toStdString();
            });
        QCOMPARE(read, std::vector<std::filesystem::path>{"pultd.conf"});
        if (!error.isEmpty()) {
            QCOMPARE(options.action, PultdOptions::Action::UsageError);
            QCOMPARE(QString::fromStdString(options.error), error);
            return;
        }
        QCOMPARE(options.action, PultdOptions::Action::Run);
        const Pult::ServerConfig &config = options.config;
        QCOMPARE(QString::fromStdString(config.listenAddress + ":" + std::to_string(config.port)),
                 listen);
        if (threads > 0)
            QCOMPARE(config.threads, unsigned(threads));
        QCOMPARE(qint64(config.bodyLimit), bodyLimit);
        if (file == QString::fromUtf8("")) // the empty file: the defaults
            return;
        QCOMPARE(config.maxConnections, std::size_t(10));
        QCOMPARE(config.idleTimeout, std::chrono::milliseconds(20000));
        QCOMPARE(config.tlsCertificate, std::filesystem::path("/etc/pult/cert#1.pem"));
        QCOMPARE(config.tlsKey, std::filesystem::path("/etc/pult/key.pem"));
        QCOMPARE(config.dataDirectory, std::filesystem::path("/srv/pult"));
    }

    void configFileCannotBeRead()
    {
        const PultdOptions options = parse({QStringLiteral("--data=d"), QStringLiteral("--config"),
                                            QStringLiteral("/nonexistent/pultd.conf")});
        QCOMPARE(options.action, PultdOptions::Action::UsageError);
        QVERIFY2(options.error.starts_with("cannot read the configuration file "
                                           "'/nonexistent/pultd.conf': "),
                 options.error.c_str());

        const PultdOptions empty = parse({QStringLiteral("--data=d"), QStringLiteral("--config=")});
        QCOMPARE(empty.error, std::string("--config needs a file"));
    }

    void configFileWithCommands()
    {
        // The file's data directory serves the commands as well.
        std::vector<std::string_view> arguments{"--config", "p.conf", "backup", "b.db"};
        const PultdOptions options =
            Pult::parsePultdArguments(arguments, [](const std::filesystem::path &, std::string &) {
                return std::optional<std::string>("data = /srv/pult\n");
            });
        QCOMPARE(options.action, PultdOptions::Action::Backup);
        QCOMPARE(options.config.dataDirectory, std::filesystem::path("/srv/pult"));
    }

    void tlsOptions()
    {
        PultdOptions options = parse({QStringLiteral("--data=d"), QStringLiteral("--tls-cert"),
                                      QStringLiteral("c.pem"), QStringLiteral("--tls-key=k.pem")});
        QCOMPARE(options.action, PultdOptions::Action::Run);
        QCOMPARE(options.config.tlsCertificate, std::filesystem::path("c.pem"));
        QCOMPARE(options.config.tlsKey, std::filesystem::path("k.pem"));
        QVERIFY(options.config.tlsEnabled());

        options = parse({QStringLiteral("--data=d"), QStringLiteral("--tls-cert=c.pem")});
        QCOMPARE(options.action, PultdOptions::Action::UsageError);
        QVERIFY2(options.error.find("--tls-cert and --tls-key go together") != std::string::npos,
                 options.error.c_str());
        options = parse({QStringLiteral("--data=d"), QStringLiteral("--tls-cert="),
                         QStringLiteral("--tls-key=k.pem")});
        QCOMPARE(options.error, std::string("--tls-cert needs a PEM file"));
        options = parse({QStringLiteral("--data=d"), QStringLiteral("--body-limit=1023")});
        QCOMPARE(options.action, PultdOptions::Action::UsageError);
        options = parse({QStringLiteral("--data=d"), QStringLiteral("--body-limit=67108864")});
        QCOMPARE(options.config.bodyLimit, std::uint64_t(64 * 1024 * 1024));
    }

    void databaseUrl()
    {
        PultdOptions options = parse({QStringLiteral("--data=d"), QStringLiteral("--db"),
                                      QStringLiteral("postgresql://pult@db.example:5432/pult")});
        QCOMPARE(options.action, PultdOptions::Action::Run);
        QCOMPARE(options.config.databaseUrl, std::string("postgresql://pult@db.example:5432/pult"));
        options = parse({QStringLiteral("--data=d"), QStringLiteral("--db=/var/lib/pult.db")});
        QCOMPARE(options.action, PultdOptions::Action::UsageError);
        QCOMPARE(
            options.error,
            std::string("--db expects a PostgreSQL URL, postgresql://USER@HOST:PORT/DATABASE"));
        // The SQLite backup command cannot copy a PostgreSQL database.
        options = parse({QStringLiteral("--data=d"), QStringLiteral("--db=postgres://h/p"),
                         QStringLiteral("backup"), QStringLiteral("b.db")});
        QCOMPARE(options.action, PultdOptions::Action::UsageError);
        QVERIFY2(options.error.find("pg_dump") != std::string::npos, options.error.c_str());
        QVERIFY2(options.error.find("DATA/attachments") != std::string::npos,
                 options.error.c_str());
        options = parse({QStringLiteral("--db=postgres://h/p"), QStringLiteral("backup"),
                         QStringLiteral("b.db")});
        QVERIFY2(options.error.find("pg_dump") != std::string::npos, options.error.c_str());
    }

    // With PostgreSQL, DATA holds only the attachment files: --data is optional and defaults to
    // /var/lib/pult, on the command line or in a --config file; an explicit one wins. Without
    // --db it is still required.
    void dataIsOptionalWithDb()
    {
        PultdOptions options = parse({QStringLiteral("--db=postgresql://pult@db/pult")});
        QCOMPARE(options.action, PultdOptions::Action::Run);
        QCOMPARE(options.config.dataDirectory, std::filesystem::path("/var/lib/pult"));
        options = parse({QStringLiteral("--db=postgresql://pult@db/pult"), QStringLiteral("--data"),
                         QStringLiteral("/srv/pult")});
        QCOMPARE(options.config.dataDirectory, std::filesystem::path("/srv/pult"));
        const std::vector<std::string_view> fromFile{"--config", "pultd.conf"};
        options =
            Pult::parsePultdArguments(fromFile, [](const std::filesystem::path &, std::string &) {
                return std::optional<std::string>("db = postgresql://pult@db/pult\n");
            });
        QCOMPARE(options.action, PultdOptions::Action::Run);
        QCOMPARE(options.config.dataDirectory, std::filesystem::path("/var/lib/pult"));
        options =
            parse({QStringLiteral("--db=postgresql://pult@db/pult"), QStringLiteral("user"),
                   QStringLiteral("add"), QStringLiteral("a@b.test"), QStringLiteral("--name"),
                   QStringLiteral("A"), QStringLiteral("--role"), QStringLiteral("agent")});
        QCOMPARE(options.action, PultdOptions::Action::AddUser);
        QCOMPARE(options.config.dataDirectory, std::filesystem::path("/var/lib/pult"));
        options = parse({QStringLiteral("--listen=127.0.0.1:0")});
        QCOMPARE(options.action, PultdOptions::Action::UsageError);
        QVERIFY2(options.error.find("--db URL") != std::string::npos, options.error.c_str());
        QVERIFY(Pult::pultdUsage().find("default /var/lib/pult") != std::string::npos);
    }

    void attachmentOptions()
    {
        PultdOptions options = parse({QStringLiteral("--data=d")});
        QCOMPARE(options.config.attachmentLimit, std::uint64_t(52428800));
        QCOMPARE(options.config.orphanUploadAge, std::chrono::milliseconds(24 * 3600 * 1000));
        const QList<std::pair<QString, std::uint64_t>> limits{
            {QStringLiteral("1000"), 1000},     {QStringLiteral("64K"), 65536},
            {QStringLiteral("50M"), 52428800},  {QStringLiteral("50MiB"), 52428800},
            {QStringLiteral("50mb"), 52428800}, {QStringLiteral("2G"), std::uint64_t(2) << 30}};
        for (const auto &[text, bytes] : limits) {
            options =
                parse({QStringLiteral("--data=d"), QStringLiteral("--attachment-limit"), text});
            QCOMPARE(options.action, PultdOptions::Action::Run);
            QCOMPARE(options.config.attachmentLimit, bytes);
        }
        for (const char *bad : {"0", "50X", "M", "-1", "50MiBs", "2T"}) {
            options = parse({QStringLiteral("--data=d"),
                             QStringLiteral("--attachment-limit=") + QLatin1String(bad)});
            QCOMPARE(options.action, PultdOptions::Action::UsageError);
        }
        options = parse({QStringLiteral("--data=d"), QStringLiteral("--orphan-upload-age=60")});
        QCOMPARE(options.config.orphanUploadAge, std::chrono::milliseconds(60000));
        QCOMPARE(options.config.sweepInterval, std::chrono::milliseconds(60000));
        // From a --config file, too.
        std::vector<std::string_view> arguments{"--config", "p.conf"};
        options =
            Pult::parsePultdArguments(arguments, [](const std::filesystem::path &, std::string &) {
                return std::optional<std::string>("data = d\nattachment-limit = 10M\n");
            });
        QCOMPARE(options.config.attachmentLimit, std::uint64_t(10) << 20);
    }

    void usageShowsDefaults()
    {
        const QString usage = QString::fromStdString(Pult::pultdUsage());
        QVERIFY(usage.startsWith(QStringLiteral("Usage: pultd --data DIR")));
        QVERIFY(usage.contains(QStringLiteral("127.0.0.1:8743")));
        QVERIFY(usage.contains(QStringLiteral("pultd --data DIR backup FILE")));
        QVERIFY(usage.contains(QStringLiteral("GET /metrics")));
        QVERIFY(usage.contains(QStringLiteral("--tls-cert FILE")));
        QVERIFY(usage.contains(QStringLiteral("--tls-key FILE")));
        QVERIFY(usage.contains(QStringLiteral("--config FILE")));
        QVERIFY(usage.contains(QStringLiteral("--body-limit BYTES")));
        QVERIFY(usage.contains(QStringLiteral("--attachment-limit BYTES")));
    }
};

QTEST_GUILESS_MAIN(TestPultdOptions)
#include "tst_pultdoptions.moc"
