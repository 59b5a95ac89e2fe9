// pult: the desktop workstation. Everything lives in pult_ui, pult_sync and pult_core; this file
// only reads the command line, opens the local store, shows the window and, when the profile is
// signed in (pultctl --home DIR login), keeps it in step with the server through the sync engine.

#include "localstore.h"
#include "mainwindow.h"
#include "paths.h"
#include "syncengine.h"
#include "syncsession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>

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
    auto store = Pult::LocalStore::open(Pult::storePath(home));
    if (!store.good()) {
        return fail(QApplication::translate("main", "cannot open the local data in %1: %2")
                        .arg(QDir::toNativeSeparators(home), store.status().message()));
    }

    Pult::MainWindow window(
        **store, home, std::make_unique<QSettings>(QStringLiteral("Pult"), QStringLiteral("Pult")));
    // The sync engine works on its own thread and connection; the window reloads what changed
    // and shows the engine's state at the right of its status bar.
    std::unique_ptr<Pult::SyncEngine> engine;
    // Started for any profile that ever signed in; without a token it says "Signed out". The
    // keychain is asked on the engine's thread, never here.
    auto server = Pult::SyncSession(**store, home).server();
    if (server.good() && !server->isEmpty()) {
        engine = std::make_unique<Pult::SyncEngine>(home);
        (*store)->setAutoCheckpoint(0); // the engine's thread checkpoints (localstore.h)
        auto *state = new QLabel(&window);
        state->setAccessibleName(QApplication::translate("main", "Sync state"));
        window.statusBar()->addPermanentWidget(state);
        QObject::connect(engine.get(), &Pult::SyncEngine::stateChanged, state,
                         [state](const Pult::SyncEngine::State &s) {
                             state->setText(s.text());
                             state->setToolTip(s.message);
                         });
        QObject::connect(engine.get(), &Pult::SyncEngine::cacheChanged, &window,
                         &Pult::MainWindow::refresh);
        engine->start();
    }
    window.show();
    return app.exec();
}
