#pragma once

// The window's writes. Every change an agent makes in the window (a reply, a status, a take,
// a bulk edit of fifty tickets) becomes outbox operations through SyncSession::submit on the
// window's own store connection: one local SQLite transaction per op, no network, so the list
// shows the change at once. `submitted` tells the window to repaint and the sync engine to push.
// The engine answers later: applied (the cache takes the server's state) or rejected (rolled
// back, and SyncEngine::rejected says why).

#include "attachmentcache.h"
#include "domain.h"
#include "status.h"

#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

namespace Pult {

class LocalStore;
class SyncSession;

class TicketActions : public QObject
{
    Q_OBJECT

public:
    // store: the window's connection, outliving this object; home: the profile directory.
    TicketActions(LocalStore &store, const QString &home, QObject *parent = nullptr);
    ~TicketActions() override;

    // The signed-in agent, as the store knows them (Unauthenticated when nobody signed in).
    Result<Agent> me();

    // Each queues one op per ticket and returns false (after emitting failed()) when one
    // could not be queued; the ops queued before it stay queued.
    bool setFields(const QList<QUuid> &tickets, const QJsonObject &fields);
    bool setStatus(const QList<QUuid> &tickets, TicketStatus status);
    bool setPriority(const QList<QUuid> &tickets, Priority priority);
    bool setDepartment(const QList<QUuid> &tickets, const QUuid &departmentId);
    bool assign(const QList<QUuid> &tickets, const QUuid &agentId); // null: unassign
    bool take(const QList<QUuid> &tickets);
    bool changeTags(const QList<QUuid> &tickets, const QStringList &tags, bool add);
    bool markSpam(const QList<QUuid> &tickets, bool spam);
    // A new status link for each ticket's customer (docs/customer-pages.md): the old one stops
    // working, the next mail to the customer carries the new one.
    bool rotateStatusLink(const QList<QUuid> &tickets);
    // Erases the contact's personal data (admins; docs/privacy.md).
    bool eraseContact(const QUuid &contactId);
    // Moves each ticket to the next support tier.
    bool escalate(const QList<QUuid> &tickets);
    bool merge(const QUuid &ticket, const QUuid &into);
    bool link(const QUuid &ticket, const QUuid &other);
    bool addMessage(const QUuid &ticket, MessageKind kind, const QString &body,
                    const QList<CachedFile> &attachments);
    // Takes the next ticket by queue order; nullopt when no ticket waits.
    std::optional<QUuid> takeNext();
    // Shares a filter with a department (or everyone), and stops sharing one; the server decides
    // who may (docs/api.md), and a refusal comes back like any other.
    bool shareFilter(const SharedFilter &filter);
    bool unshareFilter(const QUuid &filterId);
    // Queues one op about settings (a department, an agent, a canned response) and returns its
    // id, so that the caller can follow the server's verdict (SyncEngine::rejected).
    Result<QUuid> submitSetting(const QJsonObject &op);

Q_SIGNALS:
    void submitted(const QList<QUuid> &tickets);
    void failed(const QString &message);

private:
    bool submitAll(const QList<QJsonObject> &ops);

    LocalStore &m_store;
    std::unique_ptr<SyncSession> m_session;
};

} // namespace Pult
