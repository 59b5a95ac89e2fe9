#pragma once

#include <QString>

namespace Pult {

// The local data directory: the explicit --home value if given, else $PULT_HOME, else the
// platform's application data location. Never created here; callers create it when writing.
QString resolveHome(const QString &explicitHome);
// The local store inside a home directory.
QString storePath(const QString &home);

} // namespace Pult
