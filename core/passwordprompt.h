#pragma once

#include <QString>

namespace Pult {

// A password for a command-line tool (pultctl login, pultd user add). On a terminal: `prompt` on
// standard error and one line read without echo. Otherwise the first line of standard input, so
// scripts can pipe it in. A trailing "\r" is stripped either way. Passwords never go on the
// command line, where other users' `ps` would show them.
QString readPassword(const QString &prompt);

} // namespace Pult
