#pragma once

// Follows one settings op (a department, an agent, a canned response) from the outbox to the
// server's verdict, for the Settings dialogs, and says where it stands on the dialog's state
// line: "Saving…", waiting while offline, "Saved." once applied (a cacheChanged after which the
// op has left the outbox; a refusal is emitted before its round's cacheChanged), or the server's
// reason when refused (SyncEngine::rejected).

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
class TicketActions;

class SettingVerdict : public QObject
{
    Q_OBJECT

public:
    // store and actions: the window's; engine: the window's, null when not signed in (the op
    // then waits in the outbox, and nothing is ever told); stateLine: the dialog's.
    SettingVerdict(LocalStore &store, TicketActions &actions, SyncEngine *engine, QLabel *stateLine,
                   QObject *parent);

    // Queues the op (TicketActions::submitSetting), asks the engine to push it now and follows
    // it; false, with the reason on the state line, when it could not be queued.
    bool submit(const QJsonObject &op);
    bool waiting() const { return !m_op.isNull(); }

Q_SIGNALS:
    // Each before the state line says so.
    void applied();
    void refused();

private:
    void onRejected(const Rejection &rejection);
    void onCacheChanged();

    LocalStore &m_store;
    TicketActions &m_actions;
    QPointer<SyncEngine> m_engine;
    QLabel *m_stateLine;
    QUuid m_op;
};

// The server's answer to an op sent at once (SyncSession::applyNow): nullopt when it was
// applied, else why not.
std::optional<QString> refusalOf(const Result<QJsonObject> &answer);

// A settings dialog's state line: "Saved.", or an error in red.
void showState(QLabel *line, const QString &text, bool error);

} // namespace Pult
