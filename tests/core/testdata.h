#pragma once

// Hand-made entities for store tests: small, explicit, and deterministic.

#include "domain.h"
#include "uuid.h"

#include <QRandomGenerator>

namespace Pult::Test {

inline UuidV7Generator &ids()
{
    static UuidV7Generator generator;
    return generator;
}

inline QDateTime at(qint64 minutes)
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(minutes * 60);
}

inline Ticket makeTicket(qint64 number, const QString &subject, qint64 updatedMinutes,
                         TicketStatus status = TicketStatus::Open, const QUuid &department = {},
                         const QUuid &assignee = {}, const QUuid &requester = {})
{
    Ticket t;
    t.id = ids().next();
    t.number = number;
    t.subject = subject;
    t.status = status;
    t.departmentId = department;
    t.assigneeId = assignee;
    t.requesterId = requester;
    t.created = at(updatedMinutes - 5);
    t.updated = at(updatedMinutes);
    return t;
}

inline Message makeMessage(const QUuid &ticket, const QString &body, qint64 minutes,
                           MessageKind kind = MessageKind::CustomerMessage)
{
    Message m;
    m.id = ids().next();
    m.ticketId = ticket;
    m.kind = kind;
    m.authorName = QStringLiteral("Test");
    m.created = at(minutes);
    m.bodyText = body;
    return m;
}

} // namespace Pult::Test
