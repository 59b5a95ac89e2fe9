#pragma once

#include "serverconfig.h"

#include <cstdint>
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

// pultd's command line, parsed without side effects so it can be tested as a table.
struct PultdOptions
{
    enum class Action { Run, AddUser, Backup, Help, Version, UsageError };

    Action action = Action::Run;
    ServerConfig config;
    UserAddOptions user;              // for AddUser
    std::filesystem::path backupFile; // for Backup: `pultd --data DIR backup FILE`
    std::string error;                // for UsageError: what is wrong, in one line
};

// `arguments` excludes the program name. Options take their value as the next argument or
// after '=' (--listen=127.0.0.1:0).
PultdOptions parsePultdArguments(const std::vector<std::string_view> &arguments);

std::string pultdUsage();

struct ListenAddress
{
    std::string address;
    std::uint16_t port = 0;
};

// "127.0.0.1:8743", "0.0.0.0:0", "[::1]:8743". The address itself is checked when the server binds.
std::optional<ListenAddress> parseListenAddress(std::string_view text);

} // namespace Pult
