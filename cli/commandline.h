#pragma once

#include <QStringList>

class QTextStream;

namespace Pult {

// pultctl: the command line over the same core the desktop client uses. Returns the process
// exit code: 0 on success, 1 when the command failed, 2 for a usage error.
int runPultctl(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Pult
