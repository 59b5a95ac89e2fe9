#pragma once

#include "serverconfig.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Pult {

// pultd's command line, parsed without side effects so it can be tested as a table.
struct PultdOptions
{
    enum class Action { Run, Help, Version, UsageError };

    Action action = Action::Run;
    ServerConfig config;
    std::string error; // for UsageError: what is wrong, in one line
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
