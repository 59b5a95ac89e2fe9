// pultd's commands: the server, `user add` and `backup`, behind the small app/pultd/main.cpp.

#include "pultdcommands.h"

#include "accounts.h"
#include "backup.h"
#include "demo.h"
#include "logrecord.h"
#include "passwordprompt.h"
#include "pultdoptions.h"
#include "server.h"
#include "serverstore.h"

#include <QString>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

namespace Pult {
namespace {

int addUser(const PultdOptions &options)
{
    const UserAddOptions &user = options.user;
    std::error_code ec;
    std::filesystem::create_directories(options.config.dataDirectory, ec);
    if (ec) {
        std::cerr << "pultd: cannot create " << options.config.dataDirectory << ": " << ec.message()
                  << '\n';
        return 1;
    }
    auto accounts = Accounts::open(options.config.dataDirectory,
                                   QString::fromStdString(options.config.databaseUrl));
    if (!accounts.good()) {
        std::cerr << "pultd: " << accounts.status().message().toStdString() << '\n';
        return 1;
    }
    NewAgent agent;
    agent.email = QString::fromStdString(user.email);
    agent.name = QString::fromStdString(user.name);
    agent.role = *parseRole(QString::fromStdString(user.role));
    for (const auto &[name, tier] : user.departments)
        agent.departments.append({QString::fromStdString(name), tier});
    const QString password = readPassword(QStringLiteral("Password for %1: ").arg(agent.email));
    auto added = (*accounts)->addAgent(agent, password);
    if (!added.good()) {
        std::cerr << "pultd: " << added.status().message().toStdString() << '\n';
        return 1;
    }
    std::cout << "Added " << user.role << ' ' << user.email << " (" << user.name << ")";
    for (const auto &[name, tier] : user.departments)
        std::cout << (&name == &user.departments.front().first ? " in " : ", ") << name << " (tier "
                  << tier << ')';
    std::cout << '\n';
    return 0;
}

int backup(const PultdOptions &options)
{
    const BackupResult result =
        backupServerDatabase(options.config.dataDirectory, options.backupFile);
    if (!result.good()) {
        std::cerr << "pultd: backup failed: " << result.error << '\n';
        return 1;
    }
    std::cout << "Backed up " << result.source.string() << " to " << options.backupFile.string()
              << " (" << result.bytes << " bytes)\n";
    if (!result.attachments.empty())
        std::cout << "Copied " << result.attachmentsCopied << " attachment files ("
                  << result.attachmentBytes << " bytes) to " << result.attachments.string() << " ("
                  << result.attachmentsPresent << " were there already)\n";
    return 0;
}

// The demo help desk, added to an empty data directory; an empty list when it held data already
// (then it is served as it is, so scripts may pass --demo every time).
Result<QList<DemoLogin>> fillDemoData(const std::filesystem::path &dataDirectory,
                                      const QString &databaseUrl, qint64 tickets)
{
    std::error_code ec;
    std::filesystem::create_directories(dataDirectory, ec);
    if (ec)
        return Status(Status::IoError, QStringLiteral("cannot create %1: %2")
                                           .arg(QString::fromStdString(dataDirectory.string()),
                                                QString::fromStdString(ec.message())));
    auto accounts = Accounts::open(dataDirectory, databaseUrl);
    if (!accounts.good())
        return accounts.status();
    auto store = ServerStore::open(dataDirectory, databaseUrl);
    if (!store.good())
        return store.status();
    auto empty = (*store)->isEmpty();
    if (!empty.good())
        return empty.status();
    if (!*empty) {
        LogRecord(LogLevel::Info, "demo_skipped")
            .addString("reason", "the data directory holds data already")
            .write();
        return QList<DemoLogin>();
    }
    return fillDemo(**accounts, **store, tickets);
}

} // namespace

int runPultd(const std::vector<std::string_view> &arguments)
{
    const PultdOptions options = parsePultdArguments(arguments);
    switch (options.action) {
    case PultdOptions::Action::Help:
        std::cout << pultdUsage();
        return 0;
    case PultdOptions::Action::Version:
        std::cout << "pultd " << PULT_VERSION << '\n';
        return 0;
    case PultdOptions::Action::UsageError:
        std::cerr << "pultd: " << options.error << "\nTry 'pultd --help' for more information.\n";
        return 2;
    case PultdOptions::Action::AddUser:
        return addUser(options);
    case PultdOptions::Action::Backup:
        return backup(options);
    case PultdOptions::Action::Run:
        break;
    }

    std::optional<QList<DemoLogin>> demoLogins;
    if (options.demo) {
        auto logins =
            fillDemoData(options.config.dataDirectory,
                         QString::fromStdString(options.config.databaseUrl), options.demoTickets);
        if (!logins.good()) {
            std::cerr << "pultd: " << logins.status().message().toStdString() << '\n';
            return 1;
        }
        demoLogins = *logins;
    }

    Server server(options.config);
    if (const ServerStatus status = server.start(); !status.good()) {
        std::cerr << "pultd: " << status.error << '\n';
        return 1;
    }
    // Tests and scripts wait for this line; it carries the real port when port 0 was asked.
    std::cout << "pultd listening on " << server.url() << std::endl;
    if (demoLogins && !demoLogins->isEmpty()) {
        std::cout << "Demo logins (password: " << kDemoPassword << "):\n";
        for (const DemoLogin &login : std::as_const(*demoLogins)) {
            std::cout << "  " << login.email.leftJustified(40).toStdString() << ' '
                      << login.role.leftJustified(6).toStdString() << ' '
                      << login.name.toStdString();
            if (!login.departments.isEmpty())
                std::cout << " — " << login.departments.toStdString();
            std::cout << '\n';
        }
        std::cout << std::endl;
    }
    server.run();
    return 0;
}

} // namespace Pult
