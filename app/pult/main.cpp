// pult: the desktop workstation. Everything lives in pult_ui, pult_sync and pult_core; this file
// only reads the command line, opens the local store and shows the window, which keeps itself in
// step with the server through the sync engine once the profile has signed in.

#include "localization.h"
#include "mainwindow.h"
#include "paths.h"
#include "storeopener.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QSettings>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "pult: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Before the parser, so --help speaks the user's language: the one chosen in the window
    // (View → Language), else the system's.
    Pult::installTranslations(app, QSettings(QStringLiteral("Pult"), QStringLiteral("Pult"))
                                       .value(Pult::languageSettingKey())
                                       .toString());
    // The same application name as pultctl, so both find the same default data directory.
    QApplication::setApplicationName(QStringLiteral("Pult"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pult"));
    QApplication::setApplicationVersion(QStringLiteral(PULT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.pult.Pult"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.pult.Pult")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Help desk agent workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption homeOption(
        QStringLiteral("home"),
        QApplication::translate("main", "Local data directory (default: $PULT_HOME, else the "
                                        "platform's application data location)."),
        QApplication::translate("main", "DIR"));
    parser.addOption(homeOption);
    parser.process(app);

    const QString home = Pult::resolveHome(parser.value(homeOption));
    if (home.isEmpty())
        return fail(
            QApplication::translate("main", "no data directory: pass --home DIR or set PULT_HOME"));
    // A damaged store is explained in a dialog offering the repair (StoreOpener); what could not
    // be opened or repaired was shown there and goes to standard error too.
    auto store = Pult::StoreOpener::open(home);
    if (!store.good()) {
        return fail(QApplication::translate("main", "cannot open the local data in %1: %2")
                        .arg(QDir::toNativeSeparators(home), store.status().message()));
    }

    Pult::MainWindow window(
        **store, home, std::make_unique<QSettings>(QStringLiteral("Pult"), QStringLiteral("Pult")));
    window.show();
    // A profile that ever signed in (pultctl --home DIR login, or the window's own sign-in)
    // syncs from the start; without a token the status bar says "Signed out".
    window.startSync();
    return app.exec();
}
