#pragma once

// Operations as pultd takes them (POST /api/v1/ops, docs/api.md), made on the client and applied
// to the local cache at once, the way the server will apply them as far as the client can tell.
// The server's answer is the truth: the sync engine replaces what is applied here with the
// server's state when it arrives, or rolls it back when the server refuses the op.

#include "attachmentcache.h"
#include "domain.h"
#include "status.h"

#include <QJsonObject>

namespace Pult {

class LocalStore;

namespace Op {

// Each builder gives an op without its "id"; SyncSession::submit gives it one.
QJsonObject createTicket(const QUuid &ticketId, const QString &subject, const QUuid &departmentId,
                         Priority priority, const QString &requesterEmail,
                         const QString &requesterName, const QString &body);
// Attachments are in the profile's attachment cache (AttachmentCache::add) and go to the
// server before the op (SyncSession::push); the op names them by hash.
QJsonObject addMessage(const QUuid &ticketId, MessageKind kind, const QString &body,
                       const QList<CachedFile> &attachments = {});
QJsonObject setFields(const QUuid &ticketId, const QJsonObject &fields);
QJsonObject changeTags(const QUuid &ticketId, const QStringList &tags, bool add);
QJsonObject take(const QUuid &ticketId);
QJsonObject markSpam(const QUuid &ticketId, bool spam);
QJsonObject merge(const QUuid &ticketId, const QUuid &intoId);
QJsonObject link(const QUuid &ticketId, const QUuid &otherId);
// A new status link for the ticket's customer; the old one stops working (server-side only).
QJsonObject rotateStatusLink(const QUuid &ticketId);
// Erases a contact's personal data on the server (admins; docs/privacy.md): the cache learns
// the result from the change feed.
QJsonObject eraseContact(const QUuid &contactId);
// Sharing a filter with a department (a lead's own; an admin's any, or everyone), and stopping.
QJsonObject shareFilter(const SharedFilter &filter);
QJsonObject unshareFilter(const QUuid &filterId);

// The tickets an op changes, in the cache and on the server.
QList<QUuid> ticketsOf(const QJsonObject &op);

} // namespace Op

// Applies ops to the cache for the signed-in agent.
class LocalOpApplier
{
public:
    LocalOpApplier(LocalStore &store, const Agent &me);
    // Checks what the server would refuse for certain (a missing field, an unknown ticket) and
    // applies the op; an op it cannot judge (contacts, configuration) changes nothing here.
    Status apply(const QJsonObject &op, const QDateTime &now);

private:
    Status createTicket(const QJsonObject &op, const QDateTime &now);
    Status addMessage(const QJsonObject &op, const QDateTime &now);
    Status editTicket(const QJsonObject &op, const QDateTime &now);

    LocalStore &m_store;
    Agent m_me;
};

} // namespace Pult
