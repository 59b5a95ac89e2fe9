#pragma once

// How the window opens its local store: a damaged file is not a dead end for a desktop user,
// who never sees standard error. The damage is explained in a dialog that offers the repair
// `pultctl repair` runs (LocalStore::recoverDamaged) or quitting.

#include "localstore.h"

#include <QCoreApplication>

#include <memory>

class QWidget;

namespace Pult {

class StoreOpener
{
    Q_DECLARE_TR_FUNCTIONS(StoreOpener)

public:
    // The local store of home (storePath). When it is damaged (Status::Corrupt), a modal
    // message box (object name "damagedStore", buttons "repair" and "quit") says so and that the
    // server keeps everything that was synced. Repair moves the damaged file aside, starts a fresh
    // store keeping the unsynced changes and the sign-in, and returns it; a failed repair is shown
    // with its reason and returned. Quit returns the original Corrupt status and leaves the file
    // as it was. Other errors (a newer Pult's file, a full disk) are shown and returned.
    static Result<std::unique_ptr<LocalStore>> open(const QString &home, QWidget *parent = nullptr);
};

} // namespace Pult
