#pragma once

// Follows one settings op (a department, an agent) from the outbox to the server's verdict, for
// the Settings dialogs: refused (SyncEngine::rejected, with the server's reason), applied (a
// cacheChanged after which the op has left the outbox; a refusal is emitted before its round's
// cacheChanged), or waiting while the engine is offline.

#include "status.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUuid>

#include <optional>

class QLabel;

namespace Pult {

class LocalStore;
struct Rejection;
class SyncEngine;

class SettingVerdict : public QObject
{
    Q_OBJECT

public:
    // store: the window's connection; engine: the window's, null when not signed in (the op then
    // waits in the outbox, and nothing is ever told).
    SettingVerdict(LocalStore &store, SyncEngine *engine, QObject *parent);

    bool hasEngine() const;
    // Follows the op (queued already) and asks the engine to push it now.
    void follow(const QUuid &opId);
    bool waiting() const { return !m_op.isNull(); }

Q_SIGNALS:
    void applied();
    void refused(const QString &reason);
    void offline(); // the op waits for the server

private:
    void onRejected(const Rejection &rejection);
    void onCacheChanged();

    LocalStore &m_store;
    QPointer<SyncEngine> m_engine;
    QUuid m_op;
};

// The server's answer to an op sent at once (SyncSession::applyNow): nullopt when it was
// applied, else why not.
std::optional<QString> refusalOf(const Result<QJsonObject> &answer);

// A settings dialog's state line: "Saved.", or an error in red.
void showState(QLabel *line, const QString &text, bool error);

} // namespace Pult
