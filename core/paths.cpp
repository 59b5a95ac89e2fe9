#include "paths.h"

#include <QDir>
#include <QStandardPaths>

namespace Pult {

QString resolveHome(const QString &explicitHome)
{
    if (!explicitHome.isEmpty())
        return QDir(explicitHome).absolutePath();
    const QString env = qEnvironmentVariable("PULT_HOME");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString storePath(const QString &home)
{
    return QDir(home).filePath(QStringLiteral("cache.db"));
}

} // namespace Pult
