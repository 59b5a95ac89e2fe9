#include "pultdoptions.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>

namespace Pult {
namespace {

constexpr std::size_t kMaxConnectionsLimit = 1'000'000;
constexpr unsigned kMaxThreads = 256;
constexpr int kMaxIdleTimeoutSeconds = 3600;
constexpr std::uint64_t kMinBodyLimit = 1024;             // 1 KiB
constexpr std::uint64_t kMaxBodyLimit = 64 * 1024 * 1024; // 64 MiB

// The server settings: long options on the command line (with "--"), keys in a --config file.
constexpr std::array<std::string_view, 15> kSettings = {"listen",
                                                        "data",
                                                        "max-connections",
                                                        "idle-timeout",
                                                        "threads",
                                                        "workers",
                                                        "tls-cert",
                                                        "tls-key",
                                                        "body-limit",
                                                        "db",
                                                        "max-queued-requests",
                                                        "attachment-limit",
                                                        "orphan-upload-age",
                                                        "public-url",
                                                        "form-min-fill"};
constexpr std::size_t kMaxQueuedRequestsLimit = 1'000'000;
constexpr std::uint64_t kMaxAttachmentLimit = std::uint64_t(1) << 40; // 1 TiB
constexpr int kMaxOrphanUploadAgeSeconds = 365 * 24 * 3600;
constexpr int kMaxFormMinFillSeconds = 600;

bool isSetting(std::string_view key)
{
    return std::find(kSettings.begin(), kSettings.end(), key) != kSettings.end();
}

template<typename Number>
std::optional<Number> parseNumber(std::string_view text, Number lowest, Number highest)
{
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        value < lowest || value > highest) {
        return std::nullopt;
    }
    return value;
}

// BYTES with an optional suffix: K, KB, KiB, M, MB, MiB, G, GB, GiB (all powers of 1024).
std::optional<std::uint64_t> parseByteSize(std::string_view text, std::uint64_t lowest,
                                           std::uint64_t highest)
{
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    std::string_view suffix = text.substr(digits);
    std::uint64_t unit = 1;
    if (!suffix.empty()) {
        const char first = char(suffix.front() & ~0x20); // upper case
        if (first == 'K')
            unit = std::uint64_t(1) << 10;
        else if (first == 'M')
            unit = std::uint64_t(1) << 20;
        else if (first == 'G')
            unit = std::uint64_t(1) << 30;
        else
            return std::nullopt;
        suffix.remove_prefix(1);
        std::string rest(suffix);
        for (char &c : rest)
            c = char(c | 0x20); // lower case
        if (rest != "" && rest != "b" && rest != "ib")
            return std::nullopt;
    }
    const auto number = parseNumber<std::uint64_t>(text.substr(0, digits), 0, highest / unit);
    if (!number || *number * unit < lowest)
        return std::nullopt;
    return *number * unit;
}

PultdOptions usageError(PultdOptions options, std::string message)
{
    options.action = PultdOptions::Action::UsageError;
    options.error = std::move(message);
    return options;
}

PultdOptions parseUserAdd(PultdOptions options, const std::vector<std::string_view> &arguments,
                          std::size_t i)
{
    const auto fail = [&options](std::string message) {
        return usageError(std::move(options), std::move(message));
    };
    UserAddOptions &user = options.user;
    for (; i < arguments.size(); ++i) {
        std::string_view name = arguments[i];
        std::optional<std::string_view> text;
        if (const std::size_t equals = name.find('=');
            name.starts_with("--") && equals != std::string_view::npos) {
            text = name.substr(equals + 1);
            name = name.substr(0, equals);
        } else if (name.starts_with("--") && i + 1 < arguments.size()) {
            text = arguments[++i];
        }
        if (!name.starts_with("-")) {
            if (!user.email.empty())
                return fail("unexpected argument '" + std::string(name) + "'");
            user.email = std::string(name);
            continue;
        }
        if (!text)
            return fail("option '" + std::string(name) + "' needs a value");
        if (name == "--name") {
            user.name = std::string(*text);
        } else if (name == "--role") {
            if (*text != "agent" && *text != "lead" && *text != "admin")
                return fail("--role is agent, lead or admin; got '" + std::string(*text) + "'");
            user.role = std::string(*text);
        } else if (name == "--dept") {
            std::string_view department = *text;
            int tier = 1;
            if (const std::size_t colon = department.rfind(':'); colon != std::string_view::npos) {
                const auto n = parseNumber<int>(department.substr(colon + 1), 1, 9);
                if (!n)
                    return fail("--dept is NAME or NAME:TIER with a tier from 1 to 9; got '" +
                                std::string(*text) + "'");
                tier = *n;
                department = department.substr(0, colon);
            }
            if (department.empty())
                return fail("--dept needs a department name");
            user.departments.emplace_back(std::string(department), tier);
        } else {
            return fail("unknown option '" + std::string(name) + "' for user add");
        }
    }
    if (user.email.empty())
        return fail("user add needs the agent's e-mail address");
    if (user.name.empty())
        return fail("user add needs --name NAME");
    if (user.role.empty())
        return fail("user add needs --role agent|lead|admin");
    options.action = PultdOptions::Action::AddUser;
    return options;
}

PultdOptions parseContact(PultdOptions options, const std::vector<std::string_view> &arguments,
                          std::size_t i)
{
    const auto fail = [&options](std::string message) {
        return usageError(std::move(options), std::move(message));
    };
    ContactOptions &contact = options.contact;
    if (i >= arguments.size() || (arguments[i] != "export" && arguments[i] != "erase"))
        return fail("the contact command is: contact export EMAIL --output FILE, or contact "
                    "erase EMAIL");
    contact.command = std::string(arguments[i++]);
    for (; i < arguments.size(); ++i) {
        std::string_view name = arguments[i];
        if (contact.command == "export" && (name == "--output" || name.starts_with("--output="))) {
            std::string_view file;
            if (name.size() > 8)
                file = name.substr(9);
            else if (i + 1 < arguments.size())
                file = arguments[++i];
            if (file.empty())
                return fail("option '--output' needs a file");
            contact.output = std::filesystem::path(std::string(file));
        } else if (!name.starts_with("-") && contact.email.empty()) {
            contact.email = std::string(name);
        } else {
            return fail((name.starts_with("-") ? "unknown option '" : "unexpected argument '") +
                        std::string(name) + "' for contact " + contact.command);
        }
    }
    if (contact.email.empty())
        return fail("contact " + contact.command + " needs the contact's e-mail address");
    if (contact.command == "export" && contact.output.empty())
        return fail("contact export needs --output FILE (a new zip file)");
    options.action = PultdOptions::Action::Contact;
    return options;
}

PultdOptions parseMailbox(PultdOptions options, const std::vector<std::string_view> &arguments,
                          std::size_t i)
{
    const auto fail = [&options](std::string message) {
        return usageError(std::move(options), std::move(message));
    };
    MailboxOptions &mailbox = options.mailbox;
    if (i >= arguments.size() || (arguments[i] != "add" && arguments[i] != "list" &&
                                  arguments[i] != "remove" && arguments[i] != "test"))
        return fail("the mailbox command is: mailbox add|list|remove|test (see pultd --help)");
    mailbox.command = std::string(arguments[i++]);
    for (; i < arguments.size(); ++i) {
        std::string_view name = arguments[i];
        if (!name.starts_with("-")) {
            if (mailbox.command == "list" || !mailbox.address.empty())
                return fail("unexpected argument '" + std::string(name) + "'");
            mailbox.address = std::string(name);
            continue;
        }
        if (mailbox.command != "add")
            return fail("unknown option '" + std::string(name) + "' for mailbox " +
                        mailbox.command);
        if (name == "--starttls") {
            mailbox.startTls = true;
            continue;
        }
        std::optional<std::string_view> text;
        if (const std::size_t equals = name.find('='); equals != std::string_view::npos) {
            text = name.substr(equals + 1);
            name = name.substr(0, equals);
        } else if (i + 1 < arguments.size()) {
            text = arguments[++i];
        }
        if (!text || text->empty())
            return fail("option '" + std::string(name) + "' needs a value");
        if (name == "--dept")
            mailbox.department = std::string(*text);
        else if (name == "--imap")
            mailbox.imapUrl = std::string(*text);
        else if (name == "--smtp")
            mailbox.smtpUrl = std::string(*text);
        else if (name == "--after")
            mailbox.after = std::string(*text);
        else if (name == "--charset")
            mailbox.charset = std::string(*text);
        else
            return fail("unknown option '" + std::string(name) + "' for mailbox add");
    }
    if (mailbox.command != "list" && mailbox.address.empty())
        return fail("mailbox " + mailbox.command + " needs the mailbox's e-mail address");
    if (mailbox.command == "add") {
        if (mailbox.department.empty())
            return fail("mailbox add needs --dept NAME");
        if (mailbox.imapUrl.empty() || mailbox.smtpUrl.empty())
            return fail("mailbox add needs --imap imap[s]://USER@HOST:PORT/FOLDER and --smtp "
                        "smtp[s]://USER@HOST:PORT");
    } // the values themselves are checked by Mailboxes::add
    options.action = PultdOptions::Action::Mailbox;
    return options;
}

// Applies one server setting (`key` one of kSettings); the error names it as `label`
// ("--threads" on the command line, "threads" in a file).
std::optional<std::string> applySetting(ServerConfig &config, std::string_view key,
                                        std::string_view text, const std::string &label)
{
    if (key == "data") {
        if (text.empty())
            return label + " needs a directory";
        config.dataDirectory = std::filesystem::path(std::string(text));
    } else if (key == "db") {
        if (!text.starts_with("postgresql://") && !text.starts_with("postgres://"))
            return label + " expects a PostgreSQL URL, postgresql://USER@HOST:PORT/DATABASE";
        config.databaseUrl = std::string(text);
    } else if (key == "listen") {
        const std::optional<ListenAddress> listen = parseListenAddress(text);
        if (!listen)
            return label + " expects ADDR:PORT, e.g. 127.0.0.1:8743 or [::1]:8743; got '" +
                   std::string(text) + "'";
        config.listenAddress = listen->address;
        config.port = listen->port;
    } else if (key == "max-connections") {
        const auto n = parseNumber<std::size_t>(text, 1, kMaxConnectionsLimit);
        if (!n)
            return label + " expects a number from 1 to " + std::to_string(kMaxConnectionsLimit);
        config.maxConnections = *n;
    } else if (key == "idle-timeout") {
        const auto seconds = parseNumber<int>(text, 1, kMaxIdleTimeoutSeconds);
        if (!seconds)
            return label + " expects seconds from 1 to " + std::to_string(kMaxIdleTimeoutSeconds);
        config.idleTimeout = std::chrono::seconds(*seconds);
    } else if (key == "threads") {
        const auto n = parseNumber<unsigned>(text, 1, kMaxThreads);
        if (!n)
            return label + " expects a number from 1 to " + std::to_string(kMaxThreads);
        config.threads = *n;
    } else if (key == "workers") {
        const auto n = parseNumber<unsigned>(text, 1, kMaxThreads);
        if (!n)
            return label + " expects a number from 1 to " + std::to_string(kMaxThreads);
        config.workers = *n;
    } else if (key == "max-queued-requests") {
        const auto n = parseNumber<std::size_t>(text, 1, kMaxQueuedRequestsLimit);
        if (!n)
            return label + " expects a number from 1 to " + std::to_string(kMaxQueuedRequestsLimit);
        config.maxQueuedRequests = *n;
    } else if (key == "tls-cert" || key == "tls-key") {
        if (text.empty())
            return label + " needs a PEM file";
        (key == "tls-cert" ? config.tlsCertificate : config.tlsKey) =
            std::filesystem::path(std::string(text));
    } else if (key == "body-limit") {
        const auto bytes = parseNumber<std::uint64_t>(text, kMinBodyLimit, kMaxBodyLimit);
        if (!bytes)
            return label + " expects bytes from " + std::to_string(kMinBodyLimit) + " (1 KiB) to " +
                   std::to_string(kMaxBodyLimit) + " (64 MiB)";
        config.bodyLimit = *bytes;
    } else if (key == "attachment-limit") {
        const auto bytes = parseByteSize(text, 1, kMaxAttachmentLimit);
        if (!bytes)
            return label +
                   " expects bytes from 1 to 1 TiB, optionally with a suffix such as 50M "
                   "or 50MiB; got '" +
                   std::string(text) + "'";
        config.attachmentLimit = *bytes;
    } else if (key == "orphan-upload-age") {
        const auto seconds = parseNumber<int>(text, 1, kMaxOrphanUploadAgeSeconds);
        if (!seconds)
            return label + " expects seconds from 1 to " +
                   std::to_string(kMaxOrphanUploadAgeSeconds);
        config.orphanUploadAge = std::chrono::seconds(*seconds);
        config.sweepInterval =
            std::min<std::chrono::milliseconds>(std::chrono::hours(1), config.orphanUploadAge);
    } else if (key == "public-url") {
        const bool web = text.starts_with("http://") || text.starts_with("https://");
        if (!web || text.size() < 9 || text.find_first_of(" ?#\"<>") != std::string_view::npos)
            return label + " expects the address customers reach pultd at, such as "
                           "https://help.example.com";
        config.publicUrl = std::string(text);
    } else if (key == "form-min-fill") {
        const auto seconds = parseNumber<int>(text, 0, kMaxFormMinFillSeconds);
        if (!seconds)
            return label + " expects seconds from 0 to " + std::to_string(kMaxFormMinFillSeconds);
        config.formMinFillTime = std::chrono::seconds(*seconds);
    } else {
        return "unknown setting '" + std::string(key) + "'";
    }
    return std::nullopt;
}

std::string_view trim(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

// Applies a configuration file's settings; the error starts with "FILE:LINE: ".
std::optional<std::string> applyConfigText(ServerConfig &config, std::string_view text,
                                           const std::string &fileName)
{
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
        // A comment starts with '#' at the start of the line or after a space or tab.
        for (std::size_t hash = line.find('#'); hash != std::string_view::npos;
             hash = line.find('#', hash + 1)) {
            if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
                line = line.substr(0, hash);
                break;
            }
        }
        line = trim(line);
        if (line.empty())
            continue;
        const std::string where = fileName + ":" + std::to_string(lineNumber) + ": ";
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            return where + "expected 'key = value', got '" + std::string(line) + "'";
        const std::string_view key = trim(line.substr(0, equals));
        const std::string_view value = trim(line.substr(equals + 1));
        if (!isSetting(key))
            return where + "unknown setting '" + std::string(key) + "'";
        if (std::optional<std::string> error = applySetting(config, key, value, std::string(key)))
            return where + *error;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> readConfigFile(const std::filesystem::path &file, std::string &error)
{
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        error = "it is a directory";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = std::generic_category().message(errno);
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return std::nullopt;
    }
    return std::move(text).str();
}

std::optional<ListenAddress> parseListenAddress(std::string_view text)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    std::string_view address = text.substr(0, colon);
    const std::optional<std::uint16_t> port =
        parseNumber<std::uint16_t>(text.substr(colon + 1), 0, 65535);
    if (!port)
        return std::nullopt;
    if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
        address = address.substr(1, address.size() - 2);
    else if (address.find(':') != std::string_view::npos)
        return std::nullopt; // IPv6 needs brackets: [::1]:8743
    if (address.empty())
        return std::nullopt;
    return ListenAddress{std::string(address), *port};
}

PultdOptions parsePultdArguments(const std::vector<std::string_view> &arguments,
                                 const ConfigFileReader &readFile)
{
    PultdOptions options;
    const auto fail = [&options](std::string message) {
        return usageError(std::move(options), std::move(message));
    };

    // The settings are collected first and applied at the end of the options (or at a command):
    // the file's, then the command line's over them.
    std::vector<std::pair<std::string_view, std::string_view>> commandLine; // key, value
    std::optional<std::string_view> configFile;
    const auto resolve = [&]() -> std::optional<std::string> {
        if (configFile) {
            const std::filesystem::path file{std::string(*configFile)};
            std::string readError;
            const std::optional<std::string> text =
                readFile ? readFile(file, readError) : readConfigFile(file, readError);
            if (!text)
                return "cannot read the configuration file '" + file.string() + "': " + readError;
            if (std::optional<std::string> error =
                    applyConfigText(options.config, *text, file.string())) {
                return error;
            }
        }
        for (const auto &[key, value] : commandLine) {
            if (std::optional<std::string> error =
                    applySetting(options.config, key, value, "--" + std::string(key))) {
                return error;
            }
        }
        if (options.config.tlsCertificate.empty() != options.config.tlsKey.empty())
            return std::string("--tls-cert and --tls-key go together: give both or neither");
        // With PostgreSQL, DATA holds only the attachment files: a default place will do.
        if (options.config.dataDirectory.empty() && !options.config.databaseUrl.empty())
            options.config.dataDirectory = kDefaultDataDirectory;
        return std::nullopt;
    };

    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view name = arguments[i];
        std::optional<std::string_view> inlineValue;
        if (name.starts_with("--")) {
            if (const std::size_t equals = name.find('='); equals != std::string_view::npos) {
                inlineValue = name.substr(equals + 1);
                name = name.substr(0, equals);
            }
        }
        const auto value = [&]() -> std::optional<std::string_view> {
            if (inlineValue)
                return inlineValue;
            if (i + 1 < arguments.size())
                return arguments[++i];
            return std::nullopt;
        };

        if (name == "-h" || name == "--help") {
            options.action = PultdOptions::Action::Help;
            return options;
        }
        if (name == "--version") {
            options.action = PultdOptions::Action::Version;
            return options;
        }
        if (name == "--demo") {
            options.demo = true;
            continue;
        }
        if (name == "--demo-tickets") {
            const std::optional<std::string_view> text = value();
            long long n = 0;
            const auto [end, ec] =
                text ? std::from_chars(text->data(), text->data() + text->size(), n)
                     : std::from_chars_result{nullptr, std::errc::invalid_argument};
            if (!text || ec != std::errc() || end != text->data() + text->size() || n < 1 ||
                n > 1'000'000)
                return fail("--demo-tickets expects a number from 1 to 1000000");
            options.demo = true;
            options.demoTickets = n;
            continue;
        }
        if (name == "user") {
            if (i + 1 >= arguments.size() || arguments[i + 1] != "add")
                return fail("the user command is: user add EMAIL --name NAME --role "
                            "agent|lead|admin [--dept NAME[:TIER]]...");
            if (std::optional<std::string> error = resolve())
                return fail(std::move(*error));
            if (options.config.dataDirectory.empty())
                return fail("missing --data DIR (or --db URL) before the user command");
            return parseUserAdd(options, arguments, i + 2);
        }
        if (name == "mailbox") {
            if (std::optional<std::string> error = resolve())
                return fail(std::move(*error));
            if (options.config.dataDirectory.empty())
                return fail("missing --data DIR (or --db URL) before the mailbox command");
            return parseMailbox(options, arguments, i + 1);
        }
        if (name == "contact") {
            if (std::optional<std::string> error = resolve())
                return fail(std::move(*error));
            if (options.config.dataDirectory.empty())
                return fail("missing --data DIR (or --db URL) before the contact command");
            return parseContact(options, arguments, i + 1);
        }
        if (name == "backup") {
            if (std::optional<std::string> error = resolve())
                return fail(std::move(*error));
            if (!options.config.databaseUrl.empty())
                return fail("backup copies the SQLite database; back up a PostgreSQL database "
                            "with pg_dump, and copy DATA/attachments (the attachment files) too");
            if (options.config.dataDirectory.empty())
                return fail("missing --data DIR before the backup command");
            if (i + 1 >= arguments.size() || arguments[i + 1].empty())
                return fail("the backup command is: backup FILE (a new file to write the copy to)");
            if (i + 2 < arguments.size())
                return fail("unexpected argument '" + std::string(arguments[i + 2]) +
                            "' after backup FILE");
            options.backupFile = std::filesystem::path(std::string(arguments[i + 1]));
            options.action = PultdOptions::Action::Backup;
            return options;
        }
        const bool takesValue =
            name == "--config" || (name.starts_with("--") && isSetting(name.substr(2)));
        if (!takesValue) {
            if (name.starts_with("-"))
                return fail("unknown option '" + std::string(name) + "'");
            return fail("unexpected argument '" + std::string(name) + "'");
        }
        const std::optional<std::string_view> text = value();
        if (!text)
            return fail("option '" + std::string(name) + "' needs a value");
        if (name == "--config") {
            if (text->empty())
                return fail("--config needs a file");
            configFile = *text;
        } else {
            commandLine.emplace_back(name.substr(2), *text);
        }
    }
    if (std::optional<std::string> error = resolve())
        return fail(std::move(*error));
    if (options.config.dataDirectory.empty())
        return fail("missing --data DIR (the directory for the server's database and files) or "
                    "--db URL");
    return options;
}

std::string pultdUsage()
{
    const ServerConfig defaults;
    const auto idleSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(defaults.idleTimeout).count();
    std::string usage =
        "Usage: pultd --data DIR [--listen ADDR:PORT] [options]\n"
        "       pultd --db URL [--data DIR] [--listen ADDR:PORT] [options]\n"
        "       pultd --data DIR user add EMAIL --name NAME --role agent|lead|admin\n"
        "             [--dept NAME[:TIER]]...\n"
        "       pultd --data DIR backup FILE\n"
        "       pultd --data DIR mailbox add ADDRESS --dept NAME\n"
        "             --imap imap[s]://USER@HOST[:PORT][/FOLDER]\n"
        "             --smtp smtp[s]://USER@HOST[:PORT] [--starttls]\n"
        "             [--after flag|delete|move:FOLDER] [--charset NAME]\n"
        "       pultd --data DIR mailbox list | remove ADDRESS | test ADDRESS\n"
        "       pultd --data DIR contact export EMAIL --output FILE | erase EMAIL\n"
        "\n"
        "The Pult server: the HTTP/1.1 JSON API that Pult desktop clients sync with.\n"
        "\n"
        "Options:\n"
        "  --data DIR              directory for the server's database and files\n"
        "                          (created if missing)\n"
        "  --db URL                keep accounts and tickets in PostgreSQL instead of\n"
        "                          DIR/server.db: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB;\n"
        "                          several pultd may share one database (and must share\n"
        "                          DIR/attachments); DIR is then optional, default " +
        std::string(kDefaultDataDirectory) + "\n";
    usage += "  --listen ADDR:PORT      where to listen (default " + defaults.listenAddress + ":" +
             std::to_string(ServerConfig::kDefaultPort) + ");\n";
    usage += "                          port 0 picks a free port; IPv6 as [::1]:8743\n";
    usage += "  --max-connections N     open connections beyond N get 503 (default " +
             std::to_string(defaults.maxConnections) + ")\n";
    usage += "  --idle-timeout SECONDS  close a connection idle this long (default " +
             std::to_string(idleSeconds) + ")\n";
    usage += "  --threads N             network threads, which only read and write\n"
             "                          connections (default: one per CPU core)\n";
    usage += "  --workers N             threads that answer requests: the store, password\n"
             "                          checks (default: one per CPU core, at least 2)\n";
    usage += "  --max-queued-requests N requests waiting for a worker beyond N get 503 with\n"
             "                          Retry-After (default " +
             std::to_string(defaults.maxQueuedRequests) + ")\n";
    usage += "  --body-limit BYTES      largest request body, 1024 to 67108864 (default " +
             std::to_string(defaults.bodyLimit) + ")\n";
    usage += "  --attachment-limit BYTES largest attachment, e.g. 52428800, 50M or 50MiB\n"
             "                          (default 50 MiB); uploads are streamed to\n"
             "                          DIR/attachments, never held in memory\n";
    usage += "  --orphan-upload-age SECONDS  remove uploads no ticket references after this\n"
             "                          long (default 86400)\n";
    usage += "  --public-url URL        where customers reach pultd, for the links in mail\n"
             "                          (default: the address it listens on)\n";
    usage += "  --form-min-fill SECONDS  a contact form or answer sent sooner after it was\n"
             "                          shown is refused as a robot's (default 3)\n";
    usage += "  --tls-cert FILE         serve HTTPS and WSS with this PEM certificate (chain)\n"
             "  --tls-key FILE          and this unencrypted PEM private key; both or neither\n"
             "  --config FILE           read settings from FILE; options given here override it\n"
             "  --demo                  fill an empty data directory with a demo help desk and\n"
             "                          print its logins (all with the password pult-demo)\n"
             "  --demo-tickets N        --demo with N tickets (default 2000; about five messages\n"
             "                          each)\n"
             "  -h, --help              show this help\n"
             "  --version               show the version\n"
             "\n"
             "user add creates an agent account (and departments named that do not exist\n"
             "yet); it reads the password from standard input, never from the command line.\n"
             "\n"
             "mailbox add gives a department a mailbox: pultd fetches customers' mail from\n"
             "its IMAP folder and sends agents' replies through its SMTP server. The IMAP and\n"
             "SMTP passwords are read from standard input, one line each (never from the\n"
             "command line), and stored encrypted with the key DIR/secrets.key, which is made\n"
             "on first use and is in no backup: keep a copy of it. --starttls upgrades an\n"
             "imap:// or smtp:// connection with STARTTLS; imaps:// and smtps:// use TLS from\n"
             "the start. --after says what happens to a mail once it is a ticket: flag (marked\n"
             "seen, the default), delete, or move:FOLDER. --charset names the charset of 8-bit\n"
             "text that is not UTF-8 and declares none (windows-1252 by default; windows-1250\n"
             "for Slovenian, Croatian and Polish senders). mailbox list shows every mailbox\n"
             "(never a password); mailbox test connects to both servers and says what works.\n"
             "See docs/email.md.\n"
             "\n"
             "contact export writes everything pultd holds about a contact (found by any of\n"
             "its addresses) to a new zip file: JSON and the attachment files. contact erase\n"
             "removes the contact's name and addresses and the text and attachments of its\n"
             "messages, for every client too (docs/privacy.md).\n"
             "\n"
             "backup copies DIR/server.db to FILE, consistently, also while pultd runs on DIR\n"
             "(SQLite's online backup, checked with PRAGMA integrity_check); it never\n"
             "overwrites FILE. Then it copies the attachment files (DIR/attachments) that\n"
             "FILE.attachments/ lacks into it. To restore: stop pultd, delete\n"
             "DIR/server.db-wal and DIR/server.db-shm, copy FILE to DIR/server.db and\n"
             "FILE.attachments to DIR/attachments.\n"
             "\n"
             "GET /metrics answers Prometheus metrics (text format 0.0.4) without\n"
             "authentication: request counts and durations, open connections and streams,\n"
             "the revision, op results. It holds no secrets, but keep it for a local\n"
             "scraper: do not expose it publicly.\n"
             "\n"
             "The --config file has one setting per line, \"key = value\", the keys being the\n"
             "long options without dashes: listen, data, db, max-connections, idle-timeout,\n"
             "threads, workers, max-queued-requests, body-limit, attachment-limit,\n"
             "orphan-upload-age, public-url, form-min-fill, tls-cert, tls-key.\n"
             "'#' starts a comment (at the start of a line or after a space); blank lines\n"
             "are ignored. For example:\n"
             "    data = /var/lib/pult\n"
             "    listen = 0.0.0.0:8743\n"
             "    tls-cert = /etc/pult/fullchain.pem\n"
             "    tls-key = /etc/pult/privkey.pem\n"
             "\n"
             "With --tls-cert and --tls-key the port speaks only TLS (1.2 or newer): HTTPS,\n"
             "and WSS for the revision stream.\n"
             "\n"
             "Once listening, pultd prints \"pultd listening on http://ADDR:PORT\" (https://\n"
             "with TLS) on stdout and logs one JSON object per line on stderr. On SIGTERM or\n"
             "SIGINT it stops accepting, finishes the requests under way and exits with\n"
             "status 0.\n";
    return usage;
}

} // namespace Pult
