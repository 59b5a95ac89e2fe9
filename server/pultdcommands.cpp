// pultd's commands: the server, `user add`, `backup`, `mailbox` and `contact`, behind the small
// app/pultd/main.cpp.

#include "pultdcommands.h"

#include "accounts.h"
#include "backup.h"
#include "contactexport.h"
#include "demo.h"
#include "logrecord.h"
#include "mail/imapclient.h"
#include "mail/smtpclient.h"
#include "mailboxes.h"
#include "passwordprompt.h"
#include "pultdoptions.h"
#include "server.h"
#include "serverstore.h"
#include "uuid.h"

#include <QDateTime>
#include <QJsonArray>
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

// contact export: a new zip file with contact.json and the attachment files (contactexport.h).
int exportContact(ServerStore &store, const ContactOptions &command)
{
    auto found = store.exportContact(QString::fromStdString(command.email));
    if (!found.good()) {
        std::cerr << "pultd: " << found.status().message().toStdString() << '\n';
        return 1;
    }
    if (!*found) {
        std::cerr << "pultd: no contact has the address " << command.email << '\n';
        return 1;
    }
    auto files = writeContactZip(**found, store.attachmentDirectory(), command.output);
    if (!files.good()) {
        std::cerr << "pultd: " << files.status().message().toStdString() << '\n';
        return 1;
    }
    std::cout << "Exported " << command.email << " to " << command.output.string() << " ("
              << (*found)->document.value(QLatin1String("tickets")).toArray().size() << " tickets, "
              << *files << " attachment files)\n";
    return 0;
}

// contact erase: the op erase_contact, applied as pultd itself (an admin).
int eraseContact(ServerStore &store, const ContactOptions &command)
{
    auto id = store.contactByEmail(QString::fromStdString(command.email));
    if (!id.good() || !*id) {
        std::cerr << "pultd: "
                  << (id.good() ? "no contact has the address " + command.email
                                : id.status().message().toStdString())
                  << '\n';
        return 1;
    }
    AgentSession server;
    server.agent.role = Role::Admin;
    const QJsonObject op{{QStringLiteral("id"), uuidToString(QUuid::createUuid())},
                         {QStringLiteral("type"), QStringLiteral("erase_contact")},
                         {QStringLiteral("contact_id"), uuidToString(**id)}};
    auto results = store.apply(server, {op}, QDateTime::currentMSecsSinceEpoch());
    if (!results.good()) {
        std::cerr << "pultd: " << results.status().message().toStdString() << '\n';
        return 1;
    }
    const QJsonObject result = results->first().toObject();
    if (result.value(QLatin1String("status")).toString() != u"applied") {
        std::cerr << "pultd: "
                  << result.value(QLatin1String("error"))
                         .toObject()
                         .value(QLatin1String("message"))
                         .toString()
                         .toStdString()
                  << '\n';
        return 1;
    }
    std::cout << "Erased " << command.email << " (contact " << uuidToString(**id).toStdString()
              << "); every client removes it at its next sync\n";
    return 0;
}

int contact(const PultdOptions &options)
{
    auto store = ServerStore::open(options.config.dataDirectory,
                                   QString::fromStdString(options.config.databaseUrl));
    if (!store.good()) {
        std::cerr << "pultd: " << store.status().message().toStdString() << '\n';
        return 1;
    }
    return options.contact.command == "export" ? exportContact(**store, options.contact)
                                               : eraseContact(**store, options.contact);
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

// What `mailbox test` found on one server: "works" or why not, in one line.
struct Check
{
    bool works = false;
    std::string text;
};

Check checkImap(const MailboxSettings &settings, const QString &password)
{
    auto endpoint = ImapEndpoint::parse(settings.imapUrl);
    if (!endpoint.good())
        return {false, endpoint.status().message().toStdString()};
    if (settings.startTls && endpoint->security == ImapSecurity::Plain)
        endpoint->security = ImapSecurity::StartTls;
    ImapClient::Options options;
    options.host = endpoint->host;
    options.port = endpoint->port;
    options.security = endpoint->security;
    options.callTimeout = std::chrono::seconds(60);
    ImapClient client(options);
    if (Status s = client.connect(); !s.good())
        return {false, s.message().toStdString()};
    if (Status s = client.login(endpoint->user, password); !s.good())
        return {false, s.message().toStdString()};
    auto folder = client.select(endpoint->folder);
    if (!folder.good())
        return {false, folder.status().message().toStdString()};
    (void)client.logout();
    return {true, QStringLiteral("signed in as %1; %2 holds %3 messages")
                      .arg(endpoint->user, endpoint->folder)
                      .arg(folder->exists)
                      .toStdString()};
}

Check checkSmtp(const MailboxSettings &settings, const QString &password)
{
    std::string error;
    const bool plain = settings.smtpUrl.startsWith(QLatin1String("smtp://"));
    auto endpoint =
        Mail::parseSmtpEndpoint(settings.smtpUrl.toStdString(), settings.startTls && plain, error);
    if (!endpoint)
        return {false, error};
    Mail::SmtpOptions options;
    options.endpoint = *endpoint;
    options.password = password.toStdString();
    options.callTimeout = std::chrono::seconds(60);
    Mail::SmtpClient client(options);
    const Mail::SmtpResult result = client.connect();
    if (!result.sent())
        return {false, result.describe()};
    std::string text = client.isEncrypted() ? "connected with TLS" : "connected without TLS";
    if (!endpoint->user.empty())
        text += ", signed in as " + endpoint->user;
    client.quit();
    return {true, text};
}

int mailbox(const PultdOptions &options)
{
    const MailboxOptions &command = options.mailbox;
    std::error_code ec;
    std::filesystem::create_directories(options.config.dataDirectory, ec);
    auto mailboxes = Mailboxes::open(options.config.dataDirectory,
                                     QString::fromStdString(options.config.databaseUrl));
    if (!mailboxes.good()) {
        std::cerr << "pultd: " << mailboxes.status().message().toStdString() << '\n';
        return 1;
    }
    const QString address = QString::fromStdString(command.address);
    if (command.command == "add") {
        MailboxSettings settings;
        settings.address = address;
        settings.departmentName = QString::fromStdString(command.department);
        settings.imapUrl = QString::fromStdString(command.imapUrl);
        settings.smtpUrl = QString::fromStdString(command.smtpUrl);
        settings.startTls = command.startTls;
        settings.after = QString::fromStdString(command.after);
        settings.charset = QString::fromStdString(command.charset);
        MailboxSecrets secrets;
        secrets.imapPassword = readPassword(QStringLiteral("IMAP password for %1: ").arg(address));
        secrets.smtpPassword = readPassword(QStringLiteral("SMTP password for %1: ").arg(address));
        if (Status s = (*mailboxes)->add(settings, secrets, QDateTime::currentMSecsSinceEpoch());
            !s.good()) {
            std::cerr << "pultd: " << s.message().toStdString() << '\n';
            return 1;
        }
        std::cout << "Added mailbox " << address.toLower().toStdString() << " for "
                  << command.department << " (passwords encrypted with "
                  << Mailboxes::keyFile(options.config.dataDirectory).string() << ")\n";
        return 0;
    }
    if (command.command == "list") {
        auto all = (*mailboxes)->list();
        if (!all.good()) {
            std::cerr << "pultd: " << all.status().message().toStdString() << '\n';
            return 1;
        }
        if (all->isEmpty())
            std::cout << "No mailboxes: add one with pultd mailbox add (see pultd --help)\n";
        for (const MailboxSettings &m : std::as_const(*all))
            std::cout << m.address.toStdString() << "  " << m.departmentName.toStdString()
                      << "  IMAP " << m.imapUrl.toStdString() << "  SMTP "
                      << m.smtpUrl.toStdString() << (m.startTls ? "  STARTTLS" : "")
                      << "  after: " << m.after.toStdString()
                      << "  charset: " << m.charset.toStdString() << '\n';
        return 0;
    }
    if (command.command == "remove") {
        if (Status s = (*mailboxes)->remove(address); !s.good()) {
            std::cerr << "pultd: " << s.message().toStdString() << '\n';
            return 1;
        }
        std::cout << "Removed mailbox " << address.toLower().toStdString() << '\n';
        return 0;
    }
    auto found = (*mailboxes)->find(address);
    if (!found.good()) {
        std::cerr << "pultd: " << found.status().message().toStdString() << '\n';
        return 1;
    }
    const auto &[settings, secrets] = *found;
    const Check imap = checkImap(settings, secrets.imapPassword);
    const Check smtp = checkSmtp(settings, secrets.smtpPassword);
    std::cout << "IMAP " << settings.imapUrl.toStdString() << ": "
              << (imap.works ? "works, " : "FAILS: ") << imap.text << '\n';
    std::cout << "SMTP " << settings.smtpUrl.toStdString() << ": "
              << (smtp.works ? "works, " : "FAILS: ") << smtp.text << '\n';
    return imap.works && smtp.works ? 0 : 1;
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
    case PultdOptions::Action::Mailbox:
        return mailbox(options);
    case PultdOptions::Action::Contact:
        return contact(options);
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
