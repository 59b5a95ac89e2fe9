// Personal data on request (docs/privacy.md): everything pultd holds about a contact, exported,
// and the contact erased — its name and addresses, the text and attachments of its messages —
// with the erasure reaching every client through the change feed like any other change.

#include "serverstoreprivate.h"

#include <QDateTime>
#include <QSet>

namespace Pult {

namespace {

// The ids of the tickets the contact is the requester of.
Result<QList<QUuid>> requestedTickets(Db::Connection &db, const QUuid &contact)
{
    return idRows(db,
                  db.pick("SELECT id FROM tickets WHERE json_extract(data, '$.requester_id') = ?1 "
                          "ORDER BY number",
                          "SELECT id FROM tickets WHERE (data::jsonb ->> 'requester_id') = ?1 "
                          "ORDER BY number"),
                  [&](Statement &st) { st.bind(1, uuidToString(contact)); });
}

// The contact one of whose addresses this is (any case), as its id and stored JSON.
Result<std::optional<std::pair<QUuid, QJsonObject>>> contactWithAddress(Db::Connection &db,
                                                                        const QString &email)
{
    const QString wanted = email.trimmed().toLower();
    auto stmt = db.prepare(db.pick("SELECT data FROM contacts WHERE email = ?1 OR data LIKE '%' "
                                   "|| ?1 || '%'",
                                   "SELECT data FROM contacts WHERE lower(email) = ?1 OR "
                                   "lower(data) LIKE '%' || ?1 || '%'"));
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, wanted);
    std::optional<std::pair<QUuid, QJsonObject>> found;
    while (!found && (*stmt)->next()) {
        const QJsonObject contact = parseObject((*stmt)->text(0));
        for (const QJsonValue &e : contact.value(QLatin1String("emails")).toArray()) {
            if (e.toString().trimmed().toLower() == wanted)
                found.emplace(uuidOf(contact.value(QLatin1String("id"))), contact);
        }
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return found;
}

// The contact's export: its stored JSON, its tickets with their messages and history, the mail
// records of those tickets, and their attachments (each file once).
Result<ServerStore::ContactExport> contactExport(Db::Connection &db, const QUuid &contactId,
                                                 const QJsonObject &contact)
{
    auto tickets = requestedTickets(db, contactId);
    if (!tickets.good())
        return tickets.status();
    ServerStore::ContactExport out;
    QJsonArray ticketsJson;
    QJsonArray mail;
    QSet<QByteArray> files;
    for (const QUuid &id : std::as_const(*tickets)) {
        auto ticket = firstText(db, "SELECT data FROM tickets WHERE id = ?1",
                                [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
        auto messages =
            jsonRows(db, "SELECT data FROM messages WHERE ticket_id = ?1 ORDER BY rid", id);
        auto history =
            jsonRows(db, "SELECT data FROM history WHERE ticket_id = ?1 ORDER BY rid", id);
        if (!ticket.good() || !messages.good() || !history.good())
            return !ticket.good() ? ticket.status()
                                  : (!messages.good() ? messages.status() : history.status());
        for (const QJsonValue &m : std::as_const(*messages)) {
            auto message = Wire::messageFromJson(m.toObject());
            if (!message.good())
                continue;
            for (const Attachment &a : std::as_const(message->attachments)) {
                if (!files.contains(a.contentHash)) {
                    files.insert(a.contentHash);
                    out.attachments.append(a);
                }
            }
        }
        ticketsJson.append(
            QJsonObject{{QStringLiteral("ticket"), parseObject(ticket->value_or(QString()))},
                        {QStringLiteral("messages"), *messages},
                        {QStringLiteral("history"), *history}});
        auto records = db.prepare("SELECT direction, rfc_message_id, from_address, recipients, "
                                  "mailbox, created_ms FROM mail_messages WHERE ticket_id = ?1 "
                                  "ORDER BY created_ms");
        if (!records.good())
            return records.status();
        (*records)->bind(1, uuidToBlob(id));
        while ((*records)->next()) {
            Statement &st = **records;
            mail.append(QJsonObject{
                {QStringLiteral("ticket_id"), uuidToString(id)},
                {QStringLiteral("direction"), st.text(0)},
                {QStringLiteral("message_id"), st.text(1)},
                {QStringLiteral("from"), st.text(2)},
                {QStringLiteral("recipients"),
                 QJsonDocument::fromJson(st.text(3).toUtf8()).array()},
                {QStringLiteral("mailbox"), st.text(4)},
                {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(st.int64(5), Qt::UTC)
                                             .toString(Qt::ISODateWithMs)}});
        }
        Status s = (*records)->status();
        (*records)->reset();
        if (!s.good())
            return s;
    }
    out.document = QJsonObject{
        {QStringLiteral("exported"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("contact"), contact},
        {QStringLiteral("tickets"), ticketsJson},
        {QStringLiteral("mail"), mail}};
    return out;
}

} // namespace

Result<std::optional<QUuid>> ServerStore::contactByEmail(const QString &email)
{
    std::lock_guard lock(d->mutex);
    auto found = contactWithAddress(*d->db, email);
    if (!found.good())
        return found.status();
    return *found ? std::optional((*found)->first) : std::nullopt;
}

Result<std::optional<ServerStore::ContactExport>> ServerStore::exportContact(const QString &email)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto found = contactWithAddress(***reader, email);
    if (!found.good())
        return found.status();
    if (!*found)
        return std::optional<ContactExport>();
    auto exported = contactExport(***reader, (*found)->first, (*found)->second);
    if (!exported.good())
        return exported.status();
    return std::optional(std::move(*exported));
}

Result<std::optional<ServerStore::ContactExport>> ServerStore::exportContact(const QUuid &contactId)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto row = firstText(***reader, "SELECT data FROM contacts WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(contactId)); });
    if (!row.good())
        return row.status();
    if (!*row)
        return std::optional<ContactExport>();
    auto exported = contactExport(***reader, contactId, parseObject(**row));
    if (!exported.good())
        return exported.status();
    return std::optional(std::move(*exported));
}

Result<std::optional<Rejection>> ServerStore::Private::eraseContact(const QJsonObject &op)
{
    if (session->agent.role != Role::Admin)
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("only an admin erases a contact")});
    const QUuid id = uuidOf(op.value(QLatin1String("contact_id")));
    if (id.isNull())
        return accept(invalid(QStringLiteral("erase_contact needs a \"contact_id\" (a UUID)")));
    auto row = text("SELECT data FROM contacts WHERE id = ?1",
                    [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!row.good())
        return row.status();
    if (!*row)
        return accept(Rejection{QStringLiteral("not_found"), QStringLiteral("no such contact")});
    const QJsonObject before = parseObject(**row);
    QStringList addresses;
    for (const QJsonValue &e : before.value(QLatin1String("emails")).toArray())
        addresses.append(e.toString().trimmed().toLower());

    // The contact: only its id is left, and that it was erased.
    const QJsonObject erased{{QStringLiteral("id"), uuidToString(id)},
                             {QStringLiteral("name"), QStringLiteral("(erased)")},
                             {QStringLiteral("emails"), QJsonArray()},
                             {QStringLiteral("erased"), true}};
    Status s =
        db->run("UPDATE contacts SET email = NULL, data = ?2 WHERE id = ?1", [&](Statement &st) {
            st.bind(1, uuidToBlob(id)).bind(2, QString::fromUtf8(compact(erased)));
        });
    if (s.good())
        s = db->run("DELETE FROM contact_bounces WHERE contact_id = ?1",
                    [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!s.good())
        return s;

    auto tickets = requestedTickets(*db, id);
    if (!tickets.good())
        return tickets.status();
    QList<QUuid> departments;
    qint64 erasedMessages = 0;
    for (const QUuid &ticketId : std::as_const(*tickets)) {
        auto opened = openTicket(ticketId);
        if (!opened.good())
            return opened.status();
        if (!*opened)
            continue;
        Ticket &ticket = **opened;
        if (!departments.contains(ticket.departmentId))
            departments.append(ticket.departmentId);
        // The contact's messages (theirs, and customer messages an agent wrote down for them)
        // lose their text, their sender's name and their files.
        auto messages = jsonRows(*db, "SELECT data FROM messages WHERE ticket_id = ?1", ticketId);
        if (!messages.good())
            return messages.status();
        QSet<QByteArray> kept;
        QSet<QByteArray> dropped;
        for (const QJsonValue &m : std::as_const(*messages)) {
            auto message = Wire::messageFromJson(m.toObject());
            if (!message.good())
                return message.status();
            if (message->authorId != id && message->kind != MessageKind::CustomerMessage) {
                for (const Attachment &a : std::as_const(message->attachments))
                    kept.insert(a.contentHash);
                continue;
            }
            for (const Attachment &a : std::as_const(message->attachments))
                dropped.insert(a.contentHash);
            message->bodyText.clear();
            message->bodyHtml.clear();
            message->attachments.clear();
            message->authorName.clear();
            Change change(QStringLiteral("message"), message->id, ticket.departmentId, QUuid(), {});
            change.json = Wire::toJsonText(*message);
            s = db->run("UPDATE messages SET data = ?2 WHERE id = ?1", [&](Statement &st) {
                st.bind(1, uuidToBlob(message->id)).bind(2, QString::fromUtf8(change.json));
            });
            if (!s.good())
                return s;
            pending.append(std::move(change));
            ++erasedMessages;
        }
        for (const QByteArray &hash : std::as_const(dropped)) {
            if (kept.contains(hash))
                continue;
            s = db->run("DELETE FROM ticket_attachments WHERE hash = ?1 AND ticket_id = ?2",
                        [&](Statement &st) {
                            st.bind(1, QString::fromLatin1(hash)).bind(2, uuidToBlob(ticketId));
                        });
            if (!s.good())
                return s;
            batch.erasedFiles.append(QString::fromLatin1(hash));
        }
        // Mail records lose the addresses; queued mail to them and the status page go.
        s = db->run("DELETE FROM mail_outbox WHERE ticket_id = ?1 AND state <> 'sending'",
                    [&](Statement &st) { st.bind(1, uuidToBlob(ticketId)); });
        if (s.good())
            s = db->run("UPDATE mail_messages SET from_address = '', recipients = '[]' WHERE "
                        "ticket_id = ?1",
                        [&](Statement &st) { st.bind(1, uuidToBlob(ticketId)); });
        for (const char *sql : {"DELETE FROM status_links WHERE ticket_id = ?1",
                                "DELETE FROM csat_surveys WHERE ticket_id = ?1"}) {
            if (s.good())
                s = db->run(sql, [&](Statement &st) { st.bind(1, uuidToBlob(ticketId)); });
        }
        if (!s.good())
            return s;
        ticket.csatComment.clear(); // their words; the rating stays, as a number
        // What happened, without who it was.
        history(ticket, QStringLiteral("requester"), QJsonValue(), QStringLiteral("erased"));
    }
    for (const QString &address : std::as_const(addresses)) {
        s = db->run("DELETE FROM web_posts WHERE subject = ?1",
                    [&](Statement &st) { st.bind(1, address); });
        if (!s.good())
            return s;
    }
    if (departments.isEmpty())
        departments.append(QUuid());
    for (const QUuid &department : std::as_const(departments))
        pending.append({QStringLiteral("contact"), id, department, QUuid(), erased});
    return accept();
}

} // namespace Pult
