#include "pultdoptions.h"

#include <charconv>

namespace Pult {
namespace {

constexpr std::size_t kMaxConnectionsLimit = 1'000'000;
constexpr unsigned kMaxThreads = 256;
constexpr int kMaxIdleTimeoutSeconds = 3600;

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

} // namespace

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

PultdOptions parsePultdArguments(const std::vector<std::string_view> &arguments)
{
    PultdOptions options;
    const auto fail = [&options](std::string message) {
        return usageError(std::move(options), std::move(message));
    };

    bool haveData = false;
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
        if (name == "user") {
            if (i + 1 >= arguments.size() || arguments[i + 1] != "add")
                return fail("the user command is: user add EMAIL --name NAME --role "
                            "agent|lead|admin [--dept NAME[:TIER]]...");
            if (!haveData)
                return fail("missing --data DIR before the user command");
            return parseUserAdd(options, arguments, i + 2);
        }
        if (name == "backup") {
            if (!haveData)
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
        const bool takesValue = name == "--data" || name == "--listen" ||
                                name == "--max-connections" || name == "--idle-timeout" ||
                                name == "--threads";
        if (!takesValue) {
            if (name.starts_with("-"))
                return fail("unknown option '" + std::string(name) + "'");
            return fail("unexpected argument '" + std::string(name) + "'");
        }
        const std::optional<std::string_view> text = value();
        if (!text)
            return fail("option '" + std::string(name) + "' needs a value");

        if (name == "--data") {
            if (text->empty())
                return fail("--data needs a directory");
            options.config.dataDirectory = std::filesystem::path(std::string(*text));
            haveData = true;
        } else if (name == "--listen") {
            const std::optional<ListenAddress> listen = parseListenAddress(*text);
            if (!listen) {
                return fail("--listen expects ADDR:PORT, e.g. 127.0.0.1:8743 or [::1]:8743; got '" +
                            std::string(*text) + "'");
            }
            options.config.listenAddress = listen->address;
            options.config.port = listen->port;
        } else if (name == "--max-connections") {
            const auto n = parseNumber<std::size_t>(*text, 1, kMaxConnectionsLimit);
            if (!n)
                return fail("--max-connections expects a number from 1 to " +
                            std::to_string(kMaxConnectionsLimit));
            options.config.maxConnections = *n;
        } else if (name == "--idle-timeout") {
            const auto seconds = parseNumber<int>(*text, 1, kMaxIdleTimeoutSeconds);
            if (!seconds) {
                return fail("--idle-timeout expects seconds from 1 to " +
                            std::to_string(kMaxIdleTimeoutSeconds));
            }
            options.config.idleTimeout = std::chrono::seconds(*seconds);
        } else if (name == "--threads") {
            const auto n = parseNumber<unsigned>(*text, 1, kMaxThreads);
            if (!n)
                return fail("--threads expects a number from 1 to " + std::to_string(kMaxThreads));
            options.config.threads = *n;
        }
    }
    if (!haveData)
        return fail("missing --data DIR: the directory for the server's database and files");
    return options;
}

std::string pultdUsage()
{
    const ServerConfig defaults;
    const auto idleSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(defaults.idleTimeout).count();
    std::string usage =
        "Usage: pultd --data DIR [--listen ADDR:PORT] [options]\n"
        "       pultd --data DIR user add EMAIL --name NAME --role agent|lead|admin\n"
        "             [--dept NAME[:TIER]]...\n"
        "       pultd --data DIR backup FILE\n"
        "\n"
        "The Pult server: the HTTP/1.1 JSON API that Pult desktop clients sync with.\n"
        "\n"
        "Options:\n"
        "  --data DIR              directory for the server's database and files\n"
        "                          (created if missing)\n";
    usage += "  --listen ADDR:PORT      where to listen (default " + defaults.listenAddress + ":" +
             std::to_string(ServerConfig::kDefaultPort) + ");\n";
    usage += "                          port 0 picks a free port; IPv6 as [::1]:8743\n";
    usage += "  --max-connections N     open connections beyond N get 503 (default " +
             std::to_string(defaults.maxConnections) + ")\n";
    usage += "  --idle-timeout SECONDS  close a connection idle this long (default " +
             std::to_string(idleSeconds) + ")\n";
    usage += "  --threads N             worker threads (default: one per CPU core)\n"
             "  -h, --help              show this help\n"
             "  --version               show the version\n"
             "\n"
             "user add creates an agent account (and departments named that do not exist\n"
             "yet); it reads the password from standard input, never from the command line.\n"
             "\n"
             "backup copies DIR/server.db to FILE, consistently, also while pultd runs on DIR\n"
             "(SQLite's online backup, checked with PRAGMA integrity_check); it never\n"
             "overwrites FILE. To restore: stop pultd, delete DIR/server.db-wal and\n"
             "DIR/server.db-shm, and copy FILE to DIR/server.db.\n"
             "\n"
             "GET /metrics answers Prometheus metrics (text format 0.0.4) without\n"
             "authentication: request counts and durations, open connections and streams,\n"
             "the revision, op results. It holds no secrets, but keep it for a local\n"
             "scraper: do not expose it publicly.\n"
             "\n"
             "Once listening, pultd prints \"pultd listening on http://ADDR:PORT\" on stdout\n"
             "and logs one JSON object per line on stderr. On SIGTERM or SIGINT it stops\n"
             "accepting, finishes the requests under way and exits with status 0.\n";
    return usage;
}

} // namespace Pult
