#include "ticketactions.h"

#include "localops.h"
#include "localstore.h"
#include "syncsession.h"
#include "uuid.h"

#include <QJsonValue>

namespace Pult {

TicketActions::TicketActions(LocalStore &store, const QString &home, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_session(std::make_unique<SyncSession>(store, home))
{}

TicketActions::~TicketActions() = default;

Result<Agent> TicketActions::me()
{
    auto agent = m_store.signedInAgent();
    if (!agent.good())
        return agent.status();
    if (!*agent)
        return Status(Status::Unauthenticated, tr("Nobody is signed in on this profile."));
    return **agent;
}

bool TicketActions::submitAll(const QList<QJsonObject> &ops)
{
    QList<QUuid> changed;
    bool good = true;
    for (const QJsonObject &op : ops) {
        auto id = m_session->submit(op);
        if (!id.good()) {
            Q_EMIT failed(id.status().message());
            good = false;
            break;
        }
        for (const QUuid &ticket : Op::ticketsOf(op)) {
            if (!changed.contains(ticket))
                changed.append(ticket);
        }
    }
    if (!changed.isEmpty())
        Q_EMIT submitted(changed);
    return good;
}

bool TicketActions::setFields(const QList<QUuid> &tickets, const QJsonObject &fields)
{
    QList<QJsonObject> ops;
    for (const QUuid &ticket : tickets)
        ops.append(Op::setFields(ticket, fields));
    return submitAll(ops);
}

bool TicketActions::setStatus(const QList<QUuid> &tickets, TicketStatus status)
{
    return setFields(tickets, {{QStringLiteral("status"), toString(status)}});
}

bool TicketActions::setPriority(const QList<QUuid> &tickets, Priority priority)
{
    return setFields(tickets, {{QStringLiteral("priority"), toString(priority)}});
}

bool TicketActions::setDepartment(const QList<QUuid> &tickets, const QUuid &departmentId)
{
    return setFields(tickets, {{QStringLiteral("department_id"), uuidToString(departmentId)}});
}

bool TicketActions::assign(const QList<QUuid> &tickets, const QUuid &agentId)
{
    return setFields(tickets,
                     {{QStringLiteral("assignee_id"),
                       agentId.isNull() ? QJsonValue() : QJsonValue(uuidToString(agentId))}});
}

bool TicketActions::take(const QList<QUuid> &tickets)
{
    QList<QJsonObject> ops;
    for (const QUuid &ticket : tickets)
        ops.append(Op::take(ticket));
    return submitAll(ops);
}

bool TicketActions::changeTags(const QList<QUuid> &tickets, const QStringList &tags, bool add)
{
    QList<QJsonObject> ops;
    for (const QUuid &ticket : tickets)
        ops.append(Op::changeTags(ticket, tags, add));
    return submitAll(ops);
}

bool TicketActions::markSpam(const QList<QUuid> &tickets, bool spam)
{
    QList<QJsonObject> ops;
    for (const QUuid &ticket : tickets)
        ops.append(Op::markSpam(ticket, spam));
    return submitAll(ops);
}

bool TicketActions::rotateStatusLink(const QList<QUuid> &tickets)
{
    QList<QJsonObject> ops;
    for (const QUuid &ticket : tickets)
        ops.append(Op::rotateStatusLink(ticket));
    return submitAll(ops);
}

bool TicketActions::eraseContact(const QUuid &contactId)
{
    return submitAll({Op::eraseContact(contactId)});
}

bool TicketActions::escalate(const QList<QUuid> &tickets)
{
    QList<QJsonObject> ops;
    for (const QUuid &id : tickets) {
        auto ticket = m_store.ticket(id);
        if (!ticket.good()) {
            Q_EMIT failed(ticket.status().message());
            return false;
        }
        ops.append(Op::setFields(id, {{QStringLiteral("tier"), ticket->tier + 1}}));
    }
    return submitAll(ops);
}

bool TicketActions::merge(const QUuid &ticket, const QUuid &into)
{
    return submitAll({Op::merge(ticket, into)});
}

bool TicketActions::link(const QUuid &ticket, const QUuid &other)
{
    return submitAll({Op::link(ticket, other)});
}

bool TicketActions::addMessage(const QUuid &ticket, MessageKind kind, const QString &body,
                               const QList<CachedFile> &attachments)
{
    return submitAll({Op::addMessage(ticket, kind, body, attachments)});
}

bool TicketActions::shareFilter(const SharedFilter &filter)
{
    return submitAll({Op::shareFilter(filter)});
}

bool TicketActions::unshareFilter(const QUuid &filterId)
{
    return submitAll({Op::unshareFilter(filterId)});
}

Result<QUuid> TicketActions::submitSetting(const QJsonObject &op)
{
    return m_session->submit(op);
}

std::optional<QUuid> TicketActions::takeNext()
{
    auto agent = me();
    if (!agent.good()) {
        Q_EMIT failed(agent.status().message());
        return std::nullopt;
    }
    auto next = m_store.nextTicket(agent->id);
    if (!next.good()) {
        Q_EMIT failed(next.status().message());
        return std::nullopt;
    }
    if (!*next)
        return std::nullopt;
    const QUuid id = (*next)->id;
    if (!take({id}))
        return std::nullopt;
    return id;
}

} // namespace Pult
