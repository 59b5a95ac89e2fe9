#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Pult"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PULT_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Pult::runPultctl(QCoreApplication::arguments(), out, err);
}
