#pragma once

#include "serverconfig.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Pult {

// `pultd --data DIR user add EMAIL --name NAME --role ROLE [--dept NAME[:TIER]]...`
struct UserAddOptions
{
    std::string email;
    std::string name;
    std::string role;                                     // agent, lead or admin
    std::vector<std::pair<std::string, int>> departments; // name and tier (1 when not given)
};

// `pultd --data DIR mailbox add ADDRESS --dept NAME --imap URL --smtp URL [--starttls]
// [--after flag|delete|move:FOLDER] [--charset NAME]`, `mailbox list`, `mailbox remove ADDRESS`,
// `mailbox test ADDRESS`.
struct MailboxOptions
{
    std::string command; // add, list, remove or test
    std::string address;
    std::string department;
    std::string imapUrl;
    std::string smtpUrl;
    bool startTls = false;
    std::string after = "flag";
    std::string charset = "windows-1252";
};

// `pultd --data DIR contact export EMAIL --output FILE`, `contact erase EMAIL`
// (docs/privacy.md).
struct ContactOptions
{
    std::string command; // export or erase
    std::string email;
    std::filesystem::path output; // export: the zip file to write (never overwritten)
};

// The data directory when --db is given without --data: with PostgreSQL it holds only the
// attachment files (DATA/attachments), which every pultd on the database must share. The usual
// place of a service's state (systemd's StateDirectory=pult); created at start if missing.
inline constexpr const char *kDefaultDataDirectory = "/var/lib/pult";

// pultd's command line, parsed without side effects so it can be tested as a table.
struct PultdOptions
{
    enum class Action { Run, AddUser, Backup, Mailbox, Contact, Help, Version, UsageError };

    Action action = Action::Run;
    ServerConfig config;
    UserAddOptions user;              // for AddUser
    MailboxOptions mailbox;           // for Mailbox
    ContactOptions contact;           // for Contact
    std::filesystem::path backupFile; // for Backup: `pultd --data DIR backup FILE`
    bool demo = false;                // Run: fill an empty data directory with demo data first
    long long demoTickets = 2000;     // how many demo tickets (--demo-tickets N)
    std::string error;                // for UsageError: what is wrong, in one line
};

// Reads a configuration file: its text, or nullopt with `error` set to why not.
using ConfigFileReader = std::function<std::optional<std::string>(const std::filesystem::path &file,
                                                                  std::string &error)>;

// The default ConfigFileReader: the whole file from the file system.
std::optional<std::string> readConfigFile(const std::filesystem::path &file, std::string &error);

// `arguments` excludes the program name. Options take their value as the next argument or
// after '=' (--listen=127.0.0.1:0). `--config FILE` reads FILE through `readFile` (the only side
// effect): lines `key = value`, the keys being the long option names without dashes (listen,
// data, max-connections, idle-timeout, threads, tls-cert, tls-key, body-limit, attachment-limit,
// orphan-upload-age); '#' starts a
// comment at the start of a line or after a space; blank lines are ignored. Options on the
// command line override the file's settings, wherever --config stands. Errors in the file name
// it and the line: "pultd.conf:3: unknown setting 'prot'".
PultdOptions parsePultdArguments(const std::vector<std::string_view> &arguments,
                                 const ConfigFileReader &readFile = readConfigFile);

std::string pultdUsage();

struct ListenAddress
{
    std::string address;
    std::uint16_t port = 0;
};

// "127.0.0.1:8743", "0.0.0.0:0", "[::1]:8743". The address itself is checked when the server binds.
std::optional<ListenAddress> parseListenAddress(std::string_view text);

} // namespace Pult
