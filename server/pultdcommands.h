#pragma once

#include <string_view>
#include <vector>

namespace Pult {

// pultd: parses the command line (pultdoptions.h) and runs what it asks for: the server (with
// --demo, an empty data directory filled with the demo help desk first), `user add` (the password
// read with readPassword) or `backup`. `arguments` excludes the program name. Returns the process
// exit code: 0 on success, 1 when the command failed, 2 for a usage error.
int runPultd(const std::vector<std::string_view> &arguments);

} // namespace Pult
