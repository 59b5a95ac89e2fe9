#include "localops.h"

#include "localstore.h"
#include "sqlitedb.h"
#include "uuid.h"
#include "wire.h"

#include <QJsonArray>

namespace Pult {
namespace {

QJsonObject ticketOp(const char *type, const QUuid &ticketId)
{
    return {{QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("ticket_id"), uuidToString(ticketId)}};
}

QString field(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Status invalidOp(const QString &message)
{
    return Status(Status::Invalid, message);
}

} // namespace

namespace Op {

QJsonObject createTicket(const QUuid &ticketId, const QString &subject, const QUuid &departmentId,
                         Priority priority, const QString &requesterEmail,
                         const QString &requesterName, const QString &body)
{
    QJsonObject ticket{{QStringLiteral("id"), uuidToString(ticketId)},
                       {QStringLiteral("subject"), subject},
                       {QStringLiteral("department_id"), Wire::idValue(departmentId)},
                       {QStringLiteral("priority"), toString(priority)}};
    if (!requesterEmail.isEmpty())
        ticket.insert(QStringLiteral("requester"),
                      QJsonObject{{QStringLiteral("email"), requesterEmail},
                                  {QStringLiteral("name"), requesterName}});
    QJsonObject op{{QStringLiteral("type"), QStringLiteral("create_ticket")},
                   {QStringLiteral("ticket"), ticket}};
    if (!body.isEmpty()) {
        op.insert(QStringLiteral("message_id"), uuidToString(UuidV7Generator().next()));
        op.insert(QStringLiteral("body"), body);
    }
    return op;
}

QJsonObject addMessage(const QUuid &ticketId, MessageKind kind, const QString &body,
                       const QList<CachedFile> &attachments)
{
    QJsonArray files;
    for (const CachedFile &a : attachments)
        files.append(QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(a.hash)},
                                 {QStringLiteral("name"), a.name},
                                 {QStringLiteral("type"), a.mimeType},
                                 {QStringLiteral("size"), a.size}});
    const QString kindName = kind == MessageKind::InternalNote      ? QStringLiteral("note")
                             : kind == MessageKind::CustomerMessage ? QStringLiteral("customer")
                                                                    : QStringLiteral("reply");
    QJsonObject message{{QStringLiteral("id"), uuidToString(UuidV7Generator().next())},
                        {QStringLiteral("kind"), kindName},
                        {QStringLiteral("body"), body}};
    if (!files.isEmpty())
        message.insert(QStringLiteral("attachments"), files);
    QJsonObject op = ticketOp("add_message", ticketId);
    op.insert(QStringLiteral("message"), message);
    return op;
}

QJsonObject setFields(const QUuid &ticketId, const QJsonObject &fields)
{
    QJsonObject op = ticketOp("set_fields", ticketId);
    op.insert(QStringLiteral("fields"), fields);
    return op;
}

QJsonObject changeTags(const QUuid &ticketId, const QStringList &tags, bool add)
{
    QJsonObject op = ticketOp(add ? "add_tags" : "remove_tags", ticketId);
    op.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    return op;
}

QJsonObject rotateStatusLink(const QUuid &ticketId)
{
    return ticketOp("rotate_status_link", ticketId);
}

QJsonObject take(const QUuid &ticketId)
{
    return ticketOp("take", ticketId);
}

QJsonObject markSpam(const QUuid &ticketId, bool spam)
{
    QJsonObject op = ticketOp("mark_spam", ticketId);
    op.insert(QStringLiteral("spam"), spam);
    return op;
}

QJsonObject merge(const QUuid &ticketId, const QUuid &intoId)
{
    QJsonObject op = ticketOp("merge", ticketId);
    op.insert(QStringLiteral("into_id"), uuidToString(intoId));
    return op;
}

QJsonObject link(const QUuid &ticketId, const QUuid &otherId)
{
    QJsonObject op = ticketOp("link", ticketId);
    op.insert(QStringLiteral("other_id"), uuidToString(otherId));
    return op;
}

QJsonObject eraseContact(const QUuid &contactId)
{
    return {{QStringLiteral("type"), QStringLiteral("erase_contact")},
            {QStringLiteral("contact_id"), uuidToString(contactId)}};
}

QJsonObject shareFilter(const SharedFilter &filter)
{
    return {{QStringLiteral("type"), QStringLiteral("upsert_shared_filter")},
            {QStringLiteral("filter"), Wire::toJson(filter)}};
}

QJsonObject unshareFilter(const QUuid &filterId)
{
    return {{QStringLiteral("type"), QStringLiteral("delete_shared_filter")},
            {QStringLiteral("filter_id"), uuidToString(filterId)}};
}

QList<QUuid> ticketsOf(const QJsonObject &op)
{
    QList<QUuid> ids;
    const QString type = field(op, "type");
    if (type == u"create_ticket")
        ids.append(
            Wire::uuidOf(op.value(QLatin1String("ticket")).toObject().value(QLatin1String("id"))));
    else if (op.contains(QLatin1String("ticket_id")))
        ids.append(Wire::uuidOf(op.value(QLatin1String("ticket_id"))));
    if (type == u"link")
        ids.append(Wire::uuidOf(op.value(QLatin1String("other_id"))));
    ids.removeAll(QUuid());
    return ids;
}

} // namespace Op

LocalOpApplier::LocalOpApplier(LocalStore &store, const Agent &me)
    : m_store(store)
    , m_me(me)
{}

Status LocalOpApplier::apply(const QJsonObject &op, const QDateTime &now)
{
    const QString type = field(op, "type");
    if (type == u"create_ticket")
        return createTicket(op, now);
    if (type == u"add_message")
        return addMessage(op, now);
    if (type == u"set_fields" || type == u"add_tags" || type == u"remove_tags" || type == u"take" ||
        type == u"mark_spam" || type == u"merge" || type == u"link")
        return editTicket(op, now);
    if (type == u"upsert_contact") {
        auto contact = Wire::contactFromJson(op.value(QLatin1String("contact")).toObject());
        return contact.good() ? m_store.put(*contact) : contact.status();
    }
    if (type == u"upsert_canned_response") {
        auto response =
            Wire::cannedResponseFromJson(op.value(QLatin1String("response")).toObject());
        return response.good() ? m_store.put(*response) : response.status();
    }
    if (type == u"delete_canned_response")
        return m_store.removeCannedResponse(Wire::uuidOf(op.value(QLatin1String("response_id"))));
    if (type == u"upsert_shared_filter") {
        auto filter = Wire::sharedFilterFromJson(op.value(QLatin1String("filter")).toObject());
        return filter.good() ? m_store.put(*filter) : filter.status();
    }
    if (type == u"delete_shared_filter")
        return m_store.removeSharedFilter(Wire::uuidOf(op.value(QLatin1String("filter_id"))));
    if (type == u"create_department" || type == u"update_department" || type == u"update_agent" ||
        type == u"rotate_status_link" || type == u"erase_contact")
        return {}; // the server's alone: its answer arrives with the next pull
    return invalidOp(QStringLiteral("unknown operation \"%1\"").arg(type));
}

Status LocalOpApplier::createTicket(const QJsonObject &op, const QDateTime &now)
{
    const QJsonObject input = op.value(QLatin1String("ticket")).toObject();
    Ticket t;
    t.id = Wire::uuidOf(input.value(QLatin1String("id")));
    t.subject = field(input, "subject").trimmed();
    t.departmentId = Wire::uuidOf(input.value(QLatin1String("department_id")));
    if (t.id.isNull() || t.subject.isEmpty() || t.departmentId.isNull())
        return invalidOp(QStringLiteral("a new ticket needs a subject and a department"));
    if (const auto p = parsePriority(field(input, "priority")))
        t.priority = *p;
    if (const auto c = parseChannel(field(input, "channel")))
        t.channel = *c;
    t.category = field(input, "category");
    for (const QJsonValue &tag : input.value(QLatin1String("tags")).toArray())
        t.tags.append(tag.toString());
    t.tags = normalisedTags(t.tags);
    t.created = now;
    t.updated = now;
    const QJsonObject requester = input.value(QLatin1String("requester")).toObject();
    if (!requester.isEmpty()) {
        const QString email = field(requester, "email").trimmed();
        if (!email.contains(u'@'))
            return invalidOp(QStringLiteral("the requester needs an e-mail address"));
        t.requesterId = Wire::uuidOf(requester.value(QLatin1String("id")));
        if (!t.requesterId.isNull() && !m_store.contact(t.requesterId).good()) {
            Contact c;
            c.id = t.requesterId;
            c.name = field(requester, "name").trimmed();
            if (c.name.isEmpty())
                c.name = email;
            c.emails = {email};
            if (Status s = m_store.put(c); !s.good())
                return s;
        }
    }
    if (Status s = m_store.put(t); !s.good())
        return s;
    const QString body = field(op, "body");
    if (body.isEmpty())
        return {};
    Message m;
    m.id = Wire::uuidOf(op.value(QLatin1String("message_id")));
    m.ticketId = t.id;
    m.kind = MessageKind::CustomerMessage;
    m.authorId = t.requesterId;
    m.authorName = field(requester, "name");
    m.created = now;
    m.bodyText = body;
    return m.id.isNull() ? Status() : m_store.put(m);
}

Status LocalOpApplier::addMessage(const QJsonObject &op, const QDateTime &now)
{
    const QUuid ticketId = Wire::uuidOf(op.value(QLatin1String("ticket_id")));
    auto ticket = m_store.ticket(ticketId);
    if (!ticket.good())
        return ticket.status();
    const QJsonObject input = op.value(QLatin1String("message")).toObject();
    Message m;
    m.id = Wire::uuidOf(input.value(QLatin1String("id")));
    m.ticketId = ticketId;
    const QString kind = field(input, "kind");
    m.kind = kind == u"note"       ? MessageKind::InternalNote
             : kind == u"customer" ? MessageKind::CustomerMessage
                                   : MessageKind::AgentReply;
    m.authorId = m_me.id;
    m.authorName = m_me.name;
    m.created = now;
    m.bodyText = field(input, "body");
    if (m.id.isNull() || m.bodyText.trimmed().isEmpty())
        return invalidOp(QStringLiteral("a message needs a body"));
    for (const QJsonValue &v : input.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject a = v.toObject();
        const QByteArray hash = field(a, "hash").toLatin1();
        if (!AttachmentCache::isHash(hash))
            return invalidOp(QStringLiteral("an attachment is named by its SHA-256"));
        m.attachments.append(
            {hash, field(a, "name"), field(a, "type"), a.value(QLatin1String("size")).toInteger()});
    }
    if (Status s = m_store.put(m); !s.good())
        return s;
    if (m.kind == MessageKind::AgentReply && !ticket->firstResponseAt.isValid())
        ticket->firstResponseAt = now;
    ticket->updated = now;
    return m_store.put(*ticket);
}

Status LocalOpApplier::editTicket(const QJsonObject &op, const QDateTime &now)
{
    const QString type = field(op, "type");
    const QUuid ticketId = Wire::uuidOf(op.value(QLatin1String("ticket_id")));
    auto found = m_store.ticket(ticketId);
    if (!found.good())
        return found.status();
    Ticket t = *found;
    if (type == u"set_fields") {
        const QJsonObject fields = op.value(QLatin1String("fields")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (key == u"status") {
                const auto status = parseTicketStatus(value.toString());
                if (!status)
                    return invalidOp(QStringLiteral("unknown status \"%1\"").arg(value.toString()));
                if (*status == TicketStatus::Solved && t.status != TicketStatus::Solved)
                    t.solvedAt = now;
                t.status = *status;
            } else if (key == u"priority") {
                const auto priority = parsePriority(value.toString());
                if (!priority)
                    return invalidOp(
                        QStringLiteral("unknown priority \"%1\"").arg(value.toString()));
                t.priority = *priority;
            } else if (key == u"department_id") {
                t.departmentId = Wire::uuidOf(value);
            } else if (key == u"assignee_id") {
                t.assigneeId = Wire::uuidOf(value);
            } else if (key == u"category") {
                t.category = value.toString();
            } else if (key == u"tier") {
                t.tier = int(value.toInteger(t.tier));
            } else if (key == u"due") {
                t.due = Wire::timeOf(value);
            } else if (key == u"reminder") {
                t.reminder = Wire::timeOf(value);
            } else {
                return invalidOp(QStringLiteral("\"%1\" cannot be set").arg(key));
            }
        }
    } else if (type == u"add_tags" || type == u"remove_tags") {
        const bool add = type == u"add_tags";
        for (const QJsonValue &v : op.value(QLatin1String("tags")).toArray()) {
            const QString tag = v.toString().trimmed().toLower();
            if (add && !t.tags.contains(tag))
                t.tags.append(tag);
            else if (!add)
                t.tags.removeAll(tag);
        }
    } else if (type == u"take") {
        if (t.assigneeId.isNull())
            t.assigneeId = m_me.id;
    } else if (type == u"mark_spam") {
        t.spam = op.value(QLatin1String("spam")).toBool();
    } else if (type == u"merge") {
        t.mergedInto = Wire::uuidOf(op.value(QLatin1String("into_id")));
        t.status = TicketStatus::Closed;
    } else if (type == u"link") {
        const QUuid other = Wire::uuidOf(op.value(QLatin1String("other_id")));
        auto peer = m_store.ticket(other);
        if (!peer.good())
            return peer.status();
        if (!peer->linked.contains(ticketId)) {
            peer->linked.append(ticketId);
            if (Status s = m_store.put(*peer); !s.good())
                return s;
        }
        if (!t.linked.contains(other))
            t.linked.append(other);
    }
    if (t == *found)
        return {};
    t.updated = now;
    return m_store.put(t);
}

} // namespace Pult
