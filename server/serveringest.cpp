// The email channel's side of the store: a fetched, parsed mail becomes a ticket or a message of
// one (docs/email.md). Each mail is one transaction: the ticket and message changes, the
// mail_messages record the threading reads, and an ops row under the mail's key, so a refetch
// of the same UID after any crash finds the key and does nothing.

#include "serverstoreprivate.h"

#include "mail/outgoingmail.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Pult {

namespace {

// The namespace of mail keys (a fixed random UUID; changing it would ingest every mail again),
// also the agent id of the ops rows that record them: the email channel's.
const QUuid kMailKeyNamespace(QStringLiteral("{6f1d2a54-83b0-4c1e-9a7e-2f5d0c8b9e13}"));

QString outcomeName(ServerStore::Ingested::Outcome outcome)
{
    switch (outcome) {
    case ServerStore::Ingested::Created:
        return QStringLiteral("created");
    case ServerStore::Ingested::Added:
        return QStringLiteral("added");
    case ServerStore::Ingested::Bounce:
        return QStringLiteral("bounce");
    case ServerStore::Ingested::Duplicate:
        return QStringLiteral("duplicate");
    case ServerStore::Ingested::Ignored:
        break;
    }
    return QStringLiteral("ignored");
}

// The ticket_id of the first mail_messages row with that Message-ID, or nothing.
Result<std::optional<QUuid>> recordedTicket(Db::Connection &db, const QString &rfcMessageId)
{
    auto stmt = db.prepare("SELECT ticket_id FROM mail_messages WHERE rfc_message_id = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, rfcMessageId);
    std::optional<QUuid> ticket;
    if ((*stmt)->next())
        ticket = uuidFromBlob((*stmt)->blob(0));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return ticket;
}

// "Re: Fwd: [#1042] Printer" → 1042; 0 when the subject names no ticket.
qint64 subjectTicketNumber(const QString &subject)
{
    static const QRegularExpression number(QStringLiteral("\\[#(\\d{1,12})\\]"));
    const QRegularExpressionMatch match = number.match(subject);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

} // namespace

QUuid ServerStore::mailKey(const QString &mailbox, quint32 uidValidity, quint32 uid)
{
    return QUuid::createUuidV5(
        kMailKeyNamespace,
        QStringLiteral("%1\n%2\n%3").arg(mailbox.trimmed().toLower()).arg(uidValidity).arg(uid));
}

Result<bool> ServerStore::mailDone(const QUuid &key)
{
    std::lock_guard lock(d->mutex);
    auto done = d->text("SELECT 1 FROM ops WHERE op_id = ?1 UNION ALL "
                        "SELECT 1 FROM mail_quarantine WHERE id = ?1",
                        [&](Statement &s) { s.bind(1, uuidToBlob(key)); });
    if (!done.good())
        return done.status();
    return done->has_value();
}

Status ServerStore::quarantineMail(const QUuid &key, const QString &mailbox, quint32 uidValidity,
                                   quint32 uid, const QString &reason, const QByteArray &raw,
                                   qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    return d->db->run("INSERT INTO mail_quarantine(id, mailbox, uid_validity, uid, reason, raw, "
                      "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
                      [&](Statement &st) {
                          st.bind(1, uuidToBlob(key)).bind(2, mailbox.toLower());
                          st.bind(3, qint64(uidValidity)).bind(4, qint64(uid)).bind(5, reason);
                          st.bind(6, raw).bind(7, nowMs);
                      });
}

Result<qint64> ServerStore::quarantinedCount(const QString &mailbox)
{
    std::lock_guard lock(d->mutex);
    auto n = d->text("SELECT count(*) FROM mail_quarantine WHERE mailbox = ?1",
                     [&](Statement &s) { s.bind(1, mailbox.toLower()); });
    if (!n.good())
        return n.status();
    return n->value_or(QString()).toLongLong();
}

Result<QList<ServerStore::QuarantinedMail>> ServerStore::quarantine()
{
    std::lock_guard lock(d->mutex);
    auto stmt = d->db->prepare("SELECT id, mailbox, uid_validity, uid, reason, created_ms, raw "
                               "FROM mail_quarantine ORDER BY created_ms DESC");
    if (!stmt.good())
        return stmt.status();
    QList<QuarantinedMail> all;
    while ((*stmt)->next())
        all.append({uuidFromBlob((*stmt)->blob(0)), (*stmt)->text(1), quint32((*stmt)->int64(2)),
                    quint32((*stmt)->int64(3)), (*stmt)->text(4), (*stmt)->int64(5),
                    (*stmt)->blob(6)});
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return all;
}

Result<std::optional<ServerStore::QuarantinedMail>> ServerStore::quarantinedMail(const QUuid &id)
{
    std::lock_guard lock(d->mutex);
    auto stmt = d->db->prepare("SELECT mailbox, uid_validity, uid, reason, created_ms, raw "
                               "FROM mail_quarantine WHERE id = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(id));
    std::optional<QuarantinedMail> mail;
    if ((*stmt)->next())
        mail = QuarantinedMail{id,
                               (*stmt)->text(0),
                               quint32((*stmt)->int64(1)),
                               quint32((*stmt)->int64(2)),
                               (*stmt)->text(3),
                               (*stmt)->int64(4),
                               (*stmt)->blob(5)};
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return mail;
}

Status ServerStore::discardQuarantined(const QUuid &id)
{
    std::lock_guard lock(d->mutex);
    Status s = d->db->run("DELETE FROM mail_quarantine WHERE id = ?1",
                          [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (s.good() && d->db->changes() == 0)
        return Status(Status::NotFound,
                      QStringLiteral("no mail %1 in quarantine").arg(uuidToString(id)));
    return s;
}

Result<std::optional<std::pair<quint32, quint32>>>
ServerStore::mailboxPosition(const QString &mailbox)
{
    std::lock_guard lock(d->mutex);
    auto stmt = d->db->prepare("SELECT uid_validity, next_uid FROM mailbox_state "
                               "WHERE address = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, mailbox.toLower());
    std::optional<std::pair<quint32, quint32>> position;
    if ((*stmt)->next())
        position.emplace(quint32((*stmt)->int64(0)), quint32((*stmt)->int64(1)));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return position;
}

Status ServerStore::setMailboxPosition(const QString &mailbox, quint32 uidValidity, quint32 nextUid)
{
    std::lock_guard lock(d->mutex);
    return d->db->run("INSERT INTO mailbox_state(address, uid_validity, next_uid) VALUES "
                      "(?1, ?2, ?3) ON CONFLICT(address) DO UPDATE SET "
                      "uid_validity = excluded.uid_validity, next_uid = excluded.next_uid",
                      [&](Statement &st) {
                          st.bind(1, mailbox.toLower()).bind(2, qint64(uidValidity));
                          st.bind(3, qint64(nextUid));
                      });
}

// The ticket a mail answers, from its In-Reply-To and References (newest first): a Message-ID
// pultd signed names the ticket itself; another is looked up among the ticket mail recorded.
Result<std::optional<QUuid>> ServerStore::Private::threadedTicket(const InboundMail &mail)
{
    QStringList ids;
    if (!mail.inReplyTo.isEmpty())
        ids.append(mail.inReplyTo);
    for (auto it = mail.references.crbegin(); it != mail.references.crend(); ++it) {
        if (!ids.contains(*it))
            ids.append(*it);
    }
    for (const QString &id : std::as_const(ids)) {
        if (!messageIdKey.isEmpty()) {
            if (const auto signedTicket = Mail::verifySignedMessageId(
                    id.toStdString(),
                    std::string_view(messageIdKey.constData(), std::size_t(messageIdKey.size())))) {
                const QUuid ticket(QString::fromStdString(*signedTicket));
                auto exists = storedTicket(ticket);
                if (!exists.good())
                    return exists.status();
                if (*exists)
                    return std::optional<QUuid>(ticket);
            }
        }
        auto recorded = recordedTicket(*db, id);
        if (!recorded.good() || *recorded)
            return recorded;
    }
    return std::optional<QUuid>();
}

// The ticket "[#N]" in the subject names, when the sender is its requester or was on its mail:
// a number alone never puts a stranger's mail on someone else's ticket.
Result<std::optional<QUuid>> ServerStore::Private::numberedTicket(const InboundMail &mail)
{
    const qint64 number = subjectTicketNumber(mail.subject);
    if (number == 0)
        return std::optional<QUuid>();
    auto row = text("SELECT data FROM tickets WHERE number = ?1",
                    [&](Statement &s) { s.bind(1, number); });
    if (!row.good())
        return row.status();
    if (!*row)
        return std::optional<QUuid>();
    auto ticket = Wire::ticketFromJson(parseObject(**row));
    if (!ticket.good())
        return ticket.status();
    const QString sender = mail.fromAddress.toLower();
    auto requester = text("SELECT email FROM contacts WHERE id = ?1",
                          [&](Statement &s) { s.bind(1, uuidToBlob(ticket->requesterId)); });
    if (!requester.good())
        return requester.status();
    if (*requester && (*requester)->toLower() == sender)
        return std::optional<QUuid>(ticket->id);
    auto stmt = db->prepare("SELECT from_address, recipients FROM mail_messages "
                            "WHERE ticket_id = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(ticket->id));
    bool onTicket = false;
    while (!onTicket && (*stmt)->next()) {
        onTicket = (*stmt)->text(0) == sender;
        const QJsonArray recipients = QJsonDocument::fromJson((*stmt)->text(1).toUtf8()).array();
        for (const QJsonValue &r : recipients)
            onTicket = onTicket || r.toString() == sender;
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return onTicket ? std::optional<QUuid>(ticket->id) : std::optional<QUuid>();
}

Result<QJsonArray> ServerStore::Private::bouncingMarks(const QUuid &contact,
                                                       const QJsonArray &emails)
{
    auto stmt = db->prepare("SELECT email, reason, since_ms FROM contact_bounces "
                            "WHERE contact_id = ?1 ORDER BY since_ms, email");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(contact));
    QJsonArray marks;
    while ((*stmt)->next()) {
        QString email = (*stmt)->text(0);
        for (const QJsonValue &e : emails) {
            if (e.toString().compare(email, Qt::CaseInsensitive) == 0) {
                email = e.toString();
                break;
            }
        }
        marks.append(QJsonObject{
            {QStringLiteral("email"), email},
            {QStringLiteral("reason"), (*stmt)->text(1)},
            {QStringLiteral("since"),
             Wire::timeValue(QDateTime::fromMSecsSinceEpoch((*stmt)->int64(2), Qt::UTC))}});
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return marks;
}

Status ServerStore::Private::rewriteBouncing(const QUuid &contact, const QUuid &department)
{
    auto row = text("SELECT data FROM contacts WHERE id = ?1",
                    [&](Statement &st) { st.bind(1, uuidToBlob(contact)); });
    if (!row.good())
        return row.status();
    if (!*row)
        return {};
    QJsonObject data = parseObject(**row);
    auto marks = bouncingMarks(contact, data.value(QLatin1String("emails")).toArray());
    if (!marks.good())
        return marks.status();
    if (marks->isEmpty())
        data.remove(QStringLiteral("bouncing"));
    else
        data.insert(QStringLiteral("bouncing"), *marks);
    Status s = db->run("UPDATE contacts SET data = ?2 WHERE id = ?1", [&](Statement &st) {
        st.bind(1, uuidToBlob(contact)).bind(2, QString::fromUtf8(compact(data)));
    });
    if (!s.good())
        return s;
    // Like any contact change: to the departments of its tickets, and to the mail's department
    // (whose agents have the ticket the address was on).
    auto departments = requesterDepartments(contact);
    if (!departments.good())
        return departments.status();
    if (!department.isNull() && !departments->contains(department))
        departments->append(department);
    if (departments->isEmpty())
        departments->append(QUuid());
    for (const QUuid &d : std::as_const(*departments))
        pending.append({QStringLiteral("contact"), contact, d, QUuid(), data});
    return {};
}

Status ServerStore::Private::markBouncing(const QString &address, const QString &reason,
                                          const QUuid &department)
{
    const QString email = address.trimmed().toLower();
    if (!email.contains(u'@'))
        return {};
    // Any of a contact's addresses: those past the first are only in its JSON, so the contacts
    // are read by a pattern (a scan, fine for a bounce) and then checked exactly.
    QString pattern = email;
    for (const QChar special : {u'!', u'%', u'_'})
        pattern.replace(special, QStringLiteral("!") + special);
    pattern = QStringLiteral("%\"") + pattern + QStringLiteral("\"%");
    auto stmt = db->prepare("SELECT id, data FROM contacts WHERE lower(data) LIKE ?1 ESCAPE '!'");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, pattern);
    QList<QUuid> contacts;
    while ((*stmt)->next()) {
        const QJsonArray emails =
            parseObject((*stmt)->text(1)).value(QLatin1String("emails")).toArray();
        if (std::any_of(emails.begin(), emails.end(), [&](const QJsonValue &e) {
                return e.toString().trimmed().compare(email, Qt::CaseInsensitive) == 0;
            }))
            contacts.append(uuidFromBlob((*stmt)->blob(0)));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    for (const QUuid &contact : std::as_const(contacts)) {
        s = db->run("INSERT INTO contact_bounces(email, contact_id, reason, since_ms) VALUES "
                    "(?1, ?2, ?3, ?4) ON CONFLICT(email, contact_id) DO UPDATE SET "
                    "reason = excluded.reason",
                    [&](Statement &st) {
                        st.bind(1, email).bind(2, uuidToBlob(contact)).bind(3, reason);
                        st.bind(4, now);
                    });
        if (s.good())
            s = rewriteBouncing(contact, department);
        if (!s.good())
            return s;
    }
    return {};
}

Status ServerStore::Private::clearBouncing(const QString &address, const QUuid &department)
{
    const QString email = address.trimmed().toLower();
    auto stmt = db->prepare("SELECT contact_id FROM contact_bounces WHERE email = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, email);
    QList<QUuid> contacts;
    while ((*stmt)->next())
        contacts.append(uuidFromBlob((*stmt)->blob(0)));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good() || contacts.isEmpty())
        return s;
    s = db->run("DELETE FROM contact_bounces WHERE email = ?1",
                [&](Statement &st) { st.bind(1, email); });
    for (const QUuid &contact : std::as_const(contacts)) {
        if (s.good())
            s = rewriteBouncing(contact, department);
    }
    return s;
}

Result<ServerStore::Ingested> ServerStore::ingestMail(const InboundMail &mail, qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    d->now = nowMs;
    d->queuedMail = false;
    Ingested ingested;
    // Recorded under the mail's key whatever became of it, so that a refetch is a no-op.
    const auto finish = [&]() -> Result<Ingested> {
        const QJsonObject result{{QStringLiteral("op_id"), uuidToString(mail.key)},
                                 {QStringLiteral("status"), QStringLiteral("applied")},
                                 {QStringLiteral("mail"), outcomeName(ingested.outcome)},
                                 {QStringLiteral("ticket_id"), idValue(ingested.ticketId)},
                                 {QStringLiteral("revision"), ingested.revision}};
        Status s = d->recordResult(mail.key, kMailKeyNamespace, result);
        if (s.good()) // a mail processed again leaves quarantine with its commit
            s = d->db->run("DELETE FROM mail_quarantine WHERE id = ?1",
                           [&](Statement &st) { st.bind(1, uuidToBlob(mail.key)); });
        if (s.good())
            s = d->announce(ingested.revision);
        if (s.good())
            s = tx.commit();
        if (!s.good())
            return s;
        if (d->queuedMail && d->mailQueued) // an auto-reply
            d->mailQueued();
        return ingested;
    };

    auto previous = d->text("SELECT result FROM ops WHERE op_id = ?1",
                            [&](Statement &s) { s.bind(1, uuidToBlob(mail.key)); });
    if (!previous.good())
        return previous.status();
    if (*previous) {
        ingested.outcome = Ingested::Duplicate;
        ingested.ticketId = uuidOf(parseObject(**previous).value(QLatin1String("ticket_id")));
        return ingested; // nothing written: the transaction rolls back
    }
    if (!mail.messageId.isEmpty()) {
        auto seen = recordedTicket(*d->db, mail.messageId);
        if (!seen.good())
            return seen.status();
        if (*seen) { // the same mail again: another copy, or a UIDVALIDITY change
            ingested.outcome = Ingested::Duplicate;
            ingested.ticketId = **seen;
            return finish();
        }
    }
    if (mail.looped || (mail.deliveryReport && mail.bounced.isEmpty()))
        return finish(); // pultd's own mail come back; a report of delay or success

    // The mail's sender acts: history and messages name the contact.
    AgentSession sender;
    sender.agent.role = Role::Admin; // the mailbox's rights: any department
    d->session = &sender;

    if (!mail.bounced.isEmpty()) {
        InboundMail about;
        about.inReplyTo = mail.bouncedMessageId;
        about.references = mail.references;
        auto ticket = d->threadedTicket(about);
        if (!ticket.good())
            return ticket.status();
        if (!*ticket)
            return finish();
        auto open = d->openTicket(**ticket);
        if (!open.good())
            return open.status();
        for (const QString &failure : mail.bounced) {
            d->history(**open, QStringLiteral("delivery"), QJsonValue(),
                       QStringLiteral("bounced: %1").arg(failure));
            // "address: diagnostic": the address is marked on its contacts.
            const qsizetype colon = failure.indexOf(QStringLiteral(": "));
            Status s = d->markBouncing(colon < 0 ? failure : failure.left(colon),
                                       colon < 0 ? QString() : failure.mid(colon + 2),
                                       (*open)->departmentId);
            if (!s.good())
                return s;
        }
        ingested.outcome = Ingested::Bounce;
        ingested.ticketId = **ticket;
        ingested.number = (*open)->number.value_or(0);
        auto revision = d->commitChanges();
        if (!revision.good())
            return revision.status();
        ingested.revision = *revision;
        return finish();
    }

    std::optional<Rejection> rejection;
    auto contact = d->contactForRequester(QJsonObject{{QStringLiteral("email"), mail.fromAddress},
                                                      {QStringLiteral("name"), mail.fromName}},
                                          mail.departmentId, rejection);
    if (!contact.good())
        return contact.status();
    if (rejection)
        return Status(Status::Invalid, rejection->message);
    // Mail from an address that bounced: it works again.
    if (Status s = d->clearBouncing(mail.fromAddress, mail.departmentId); !s.good())
        return s;
    auto contactRow = d->text("SELECT data FROM contacts WHERE id = ?1",
                              [&](Statement &s) { s.bind(1, uuidToBlob(*contact)); });
    if (!contactRow.good())
        return contactRow.status();
    sender.agent.id = *contact;
    sender.agent.name =
        parseObject(contactRow->value_or(QString())).value(QLatin1String("name")).toString();

    auto threaded = d->threadedTicket(mail);
    if (!threaded.good())
        return threaded.status();
    std::optional<QUuid> target = *threaded;
    if (!target) {
        auto numbered = d->numberedTicket(mail);
        if (!numbered.good())
            return numbered.status();
        target = *numbered;
    }
    Ticket *ticket = nullptr;
    if (target) {
        auto open = d->openTicket(*target);
        if (!open.good())
            return open.status();
        // A closed ticket is over: the mail starts a new one.
        if (*open && (*open)->status != TicketStatus::Closed)
            ticket = *open;
    }
    const QUuid messageId = QUuid::createUuidV5(mail.key, QStringLiteral("message"));
    if (ticket) {
        ingested.outcome = Ingested::Added;
        if (ticket->status == TicketStatus::Solved || ticket->status == TicketStatus::Pending) {
            d->history(*ticket, QStringLiteral("status"), toString(ticket->status),
                       toString(TicketStatus::Open));
            ticket->status = TicketStatus::Open;
        }
    } else {
        ingested.outcome = Ingested::Created;
        const QString subject = mail.subject.trimmed();
        QJsonObject result;
        auto created = d->createTicket(
            QJsonObject{
                {QStringLiteral("ticket"),
                 QJsonObject{{QStringLiteral("id"), uuidToString(QUuid::createUuidV5(
                                                        mail.key, QStringLiteral("ticket")))},
                             {QStringLiteral("department_id"), uuidToString(mail.departmentId)},
                             {QStringLiteral("subject"),
                              subject.isEmpty() ? QStringLiteral("(no subject)") : subject},
                             {QStringLiteral("channel"), QStringLiteral("email")},
                             {QStringLiteral("requester"),
                              QJsonObject{{QStringLiteral("email"), mail.fromAddress}}}}}},
            result);
        if (!created.good())
            return created.status();
        if (*created)
            return Status(Status::Invalid, (*created)->message);
        ticket = &d->work.back().ticket;
    }
    Message message;
    message.id = messageId;
    message.ticketId = ticket->id;
    message.kind = MessageKind::CustomerMessage;
    message.authorId = sender.agent.id;
    message.authorName = sender.agent.name;
    message.created = d->nowTime();
    message.bodyText = mail.text;
    message.bodyHtml = mail.html;
    message.attachments = mail.attachments;
    if (Status s = d->recordAttachmentFiles(mail.attachments); !s.good())
        return s;
    auto stored = d->storeMessage(*ticket, message);
    if (!stored.good())
        return stored.status();
    if (*stored)
        return Status(Status::Invalid, (*stored)->message);
    QJsonArray recipients;
    for (const QString &r : mail.recipients)
        recipients.append(r.toLower());
    Status s = d->db->run(
        "INSERT INTO mail_messages(message_id, ticket_id, direction, rfc_message_id, "
        "from_address, recipients, mailbox, created_ms) VALUES (?1, ?2, 'in', ?3, ?4, ?5, ?6, ?7)",
        [&](Statement &st) {
            st.bind(1, uuidToBlob(messageId)).bind(2, uuidToBlob(ticket->id));
            st.bind(3, mail.messageId).bind(4, mail.fromAddress.toLower());
            st.bind(5, QString::fromUtf8(QJsonDocument(recipients).toJson(QJsonDocument::Compact)));
            st.bind(6, mail.mailbox.toLower()).bind(7, nowMs);
        });
    if (!s.good())
        return s;
    ingested.ticketId = ticket->id;
    ingested.number = ticket->number.value_or(0);
    if (s = d->writeTickets(); !s.good())
        return s;
    if (ingested.outcome == Ingested::Created) {
        // As written, with its SLA deadlines: {{sla.first_response}}.
        const auto written = d->batch.tickets.constFind(ingested.ticketId);
        if (written != d->batch.tickets.cend()) {
            auto autoReply = d->queueAutoReply(*written, mail);
            if (!autoReply.good())
                return autoReply.status();
            ingested.autoReply = *autoReply;
        }
    }
    auto revision = d->commitChanges();
    if (!revision.good())
        return revision.status();
    ingested.revision = *revision;
    return finish();
}

} // namespace Pult
