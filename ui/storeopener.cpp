#include "storeopener.h"

#include "paths.h"

#include <QDir>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>

namespace Pult {

Result<std::unique_ptr<LocalStore>> StoreOpener::open(const QString &home, QWidget *parent)
{
    const QString path = storePath(home);
    auto store = LocalStore::open(path);
    if (store.good())
        return store;
    if (store.status().code() != Status::Corrupt) {
        // Nothing to repair (a newer Pult's file, a full disk): say why, the window cannot open.
        QMessageBox failed(
            QMessageBox::Critical, QGuiApplication::applicationDisplayName(),
            tr("Pult cannot open its local data in %1.").arg(QDir::toNativeSeparators(home)),
            QMessageBox::Close, parent);
        failed.setObjectName(QStringLiteral("cannotOpen"));
        failed.setInformativeText(store.status().message());
        failed.exec();
        return store;
    }

    QMessageBox ask(QMessageBox::Warning, QGuiApplication::applicationDisplayName(),
                    tr("The local copy of your help desk data is damaged."), QMessageBox::NoButton,
                    parent);
    ask.setObjectName(QStringLiteral("damagedStore"));
    ask.setInformativeText(
        tr("The server keeps everything that was synced. Repair moves the damaged file aside "
           "(it is not deleted), starts a fresh local copy that keeps your changes not yet sent, "
           "and fetches the rest from the server again."));
    ask.setDetailedText(store.status().message());
    QPushButton *repair = ask.addButton(tr("Repair"), QMessageBox::AcceptRole);
    repair->setObjectName(QStringLiteral("repair"));
    QPushButton *quit = ask.addButton(tr("Quit"), QMessageBox::RejectRole);
    quit->setObjectName(QStringLiteral("quit"));
    ask.setDefaultButton(repair);
    ask.setEscapeButton(quit);
    ask.exec();
    if (ask.clickedButton() != repair)
        return store;

    // The same repair as `pultctl repair`.
    auto recovered = LocalStore::recoverDamaged(path);
    if (recovered.good())
        store = LocalStore::open(path);
    else
        store = recovered.status();
    if (!store.good()) {
        QMessageBox failed(QMessageBox::Critical, QGuiApplication::applicationDisplayName(),
                           tr("The local data could not be repaired."), QMessageBox::Close, parent);
        failed.setObjectName(QStringLiteral("repairFailed"));
        failed.setInformativeText(store.status().message());
        failed.exec();
    }
    return store;
}

} // namespace Pult
