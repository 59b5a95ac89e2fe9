#include "accounts.h"
#include "backup.h"
#include "demo.h"
#include "logrecord.h"
#include "pultdoptions.h"
#include "server.h"
#include "serverstore.h"

#include <QString>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <termios.h>
#include <unistd.h>
#include <vector>

namespace {

// One line of standard input, without echo on a terminal: passwords never go on the command
// line, where other users' `ps` would show them.
std::string readPassword(const std::string &email)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::cerr << "Password for " << email << ": " << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << '\n';
    }
    if (!password.empty() && password.back() == '\r')
        password.pop_back();
    return password;
}

int addUser(const Pult::PultdOptions &options)
{
    const Pult::UserAddOptions &user = options.user;
    std::error_code ec;
    std::filesystem::create_directories(options.config.dataDirectory, ec);
    if (ec) {
        std::cerr << "pultd: cannot create " << options.config.dataDirectory << ": " << ec.message()
                  << '\n';
        return 1;
    }
    auto accounts = Pult::Accounts::open(options.config.dataDirectory,
                                         QString::fromStdString(options.config.databaseUrl));
    if (!accounts.good()) {
        std::cerr << "pultd: " << accounts.status().message().toStdString() << '\n';
        return 1;
    }
    Pult::NewAgent agent;
    agent.email = QString::fromStdString(user.email);
    agent.name = QString::fromStdString(user.name);
    agent.role = *Pult::parseRole(QString::fromStdString(user.role));
    for (const auto &[name, tier] : user.departments)
        agent.departments.append({QString::fromStdString(name), tier});
    const std::string password = readPassword(user.email);
    auto added = (*accounts)->addAgent(agent, QString::fromStdString(password));
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

int backup(const Pult::PultdOptions &options)
{
    const Pult::BackupResult result =
        Pult::backupServerDatabase(options.config.dataDirectory, options.backupFile);
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

} // namespace

// The demo help desk, added to an empty data directory; an empty list when it held data already
// (then it is served as it is, so scripts may pass --demo every time).
Pult::Result<QList<Pult::DemoLogin>> fillDemoData(const std::filesystem::path &dataDirectory,
                                                  const QString &databaseUrl, qint64 tickets)
{
    std::error_code ec;
    std::filesystem::create_directories(dataDirectory, ec);
    if (ec)
        return Pult::Status(Pult::Status::IoError,
                            QStringLiteral("cannot create %1: %2")
                                .arg(QString::fromStdString(dataDirectory.string()),
                                     QString::fromStdString(ec.message())));
    auto accounts = Pult::Accounts::open(dataDirectory, databaseUrl);
    if (!accounts.good())
        return accounts.status();
    auto store = Pult::ServerStore::open(dataDirectory, databaseUrl);
    if (!store.good())
        return store.status();
    auto empty = (*store)->isEmpty();
    if (!empty.good())
        return empty.status();
    if (!*empty) {
        Pult::LogRecord(Pult::LogLevel::Info, "demo_skipped")
            .addString("reason", "the data directory holds data already")
            .write();
        return QList<Pult::DemoLogin>();
    }
    return Pult::fillDemo(**accounts, **store, tickets);
}

int main(int argc, char *argv[])
{
    const Pult::PultdOptions options =
        Pult::parsePultdArguments(std::vector<std::string_view>(argv + 1, argv + argc));
    switch (options.action) {
    case Pult::PultdOptions::Action::Help:
        std::cout << Pult::pultdUsage();
        return 0;
    case Pult::PultdOptions::Action::Version:
        std::cout << "pultd " << PULT_VERSION << '\n';
        return 0;
    case Pult::PultdOptions::Action::UsageError:
        std::cerr << "pultd: " << options.error << "\nTry 'pultd --help' for more information.\n";
        return 2;
    case Pult::PultdOptions::Action::AddUser:
        return addUser(options);
    case Pult::PultdOptions::Action::Backup:
        return backup(options);
    case Pult::PultdOptions::Action::Run:
        break;
    }

    std::optional<QList<Pult::DemoLogin>> demoLogins;
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

    Pult::Server server(options.config);
    if (const Pult::ServerStatus status = server.start(); !status.good()) {
        std::cerr << "pultd: " << status.error << '\n';
        return 1;
    }
    // Tests and scripts wait for this line; it carries the real port when port 0 was asked.
    std::cout << "pultd listening on " << server.url() << std::endl;
    if (demoLogins && !demoLogins->isEmpty()) {
        std::cout << "Demo logins (password: " << Pult::kDemoPassword << "):\n";
        for (const Pult::DemoLogin &login : std::as_const(*demoLogins)) {
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
