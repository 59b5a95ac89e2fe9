#include "serverstoreprivate.h"

#include "businesshours.h"
#include "sla.h"

namespace Pult {

Status ServerStore::Private::applySla(Ticket &ticket)
{
    auto stored = departmentSettings(ticket.departmentId);
    if (!stored.good())
        return stored.status();
    const QJsonObject settings = parseObject(*stored);
    const QString policyText = settings.value(QLatin1String("sla_policy")).toString();
    const QString calendarText = settings.value(QLatin1String("business_hours")).toString();
    if (policyText.isEmpty() || calendarText.isEmpty())
        return {};
    auto policy = SlaPolicy::parse(policyText);
    auto calendar = BusinessCalendar::parse(calendarText);
    if (!policy.good() || !calendar.good())
        return {}; // stored settings were checked when set; an old one is simply not applied

    QList<Message> messages;
    QList<HistoryEvent> history;
    for (const char *sql : {"SELECT data FROM messages WHERE ticket_id = ?1 ORDER BY rid",
                            "SELECT data FROM history WHERE ticket_id = ?1 ORDER BY rid"}) {
        auto stmt = db->prepare(sql);
        if (!stmt.good())
            return stmt.status();
        (*stmt)->bind(1, uuidToBlob(ticket.id));
        const bool isMessage = std::string_view(sql).find("messages") != std::string_view::npos;
        while ((*stmt)->next()) {
            const QJsonObject row = parseObject((*stmt)->text(0));
            if (isMessage) {
                if (auto message = Wire::messageFromJson(row); message.good())
                    messages.append(std::move(*message));
            } else if (auto event = Wire::historyFromJson(row); event.good()) {
                history.append(std::move(*event));
            }
        }
        Status st = (*stmt)->status();
        (*stmt)->reset();
        if (!st.good())
            return st;
    }
    for (const Change &c : std::as_const(pending)) { // this op's events, not yet stored
        if (c.kind != u"history" || uuidOf(c.data.value(QLatin1String("ticket_id"))) != ticket.id)
            continue;
        if (auto event = Wire::historyFromJson(c.data); event.good())
            history.append(std::move(*event));
    }
    const SlaState state =
        computeSla(*policy, *calendar, slaTimeline(ticket, messages, history), nowTime());
    const auto deadline = [](const SlaClock &clock) {
        return clock.active ? clock.deadline : QDateTime();
    };
    ticket.firstResponseDeadline = deadline(state.firstResponse);
    ticket.resolutionDeadline = deadline(state.resolution);
    return {};
}

Result<QUuid> ServerStore::Private::contactForRequester(const QJsonObject &requester,
                                                        const QUuid &department,
                                                        std::optional<Rejection> &rejection)
{
    const QString email = requester.value(QLatin1String("email")).toString().trimmed();
    if (!email.contains(u'@')) {
        rejection = invalid(QStringLiteral("the requester needs an e-mail address"));
        return QUuid();
    }
    auto existing = text(db->pick("SELECT data FROM contacts WHERE email = ?1",
                                  "SELECT data FROM contacts WHERE lower(email) = lower(?1)"),
                         [&](Statement &s) { s.bind(1, email); });
    if (!existing.good())
        return existing.status();
    if (*existing)
        return uuidOf(parseObject(**existing).value(QLatin1String("id")));
    QUuid id = uuidOf(requester.value(QLatin1String("id")));
    if (id.isNull())
        id = ids.next();
    const QString name = requester.value(QLatin1String("name")).toString().trimmed();
    QJsonObject contact{{QStringLiteral("id"), uuidToString(id)},
                        {QStringLiteral("name"), name.isEmpty() ? email : name},
                        {QStringLiteral("emails"), QJsonArray{email}}};
    if (const QString language = requester.value(QLatin1String("language")).toString();
        !language.isEmpty())
        contact.insert(QStringLiteral("language"), language);
    Status s =
        db->run("INSERT INTO contacts(id, email, data) VALUES (?1, ?2, ?3)", [&](Statement &st) {
            st.bind(1, uuidToBlob(id)).bind(2, email).bind(3, QString::fromUtf8(compact(contact)));
        });
    if (!s.good())
        return s;
    pending.append({QStringLiteral("contact"), id, department, QUuid(), contact});
    return id;
}

Result<std::optional<Rejection>> ServerStore::Private::createTicket(const QJsonObject &op,
                                                                    QJsonObject &result)
{
    const QJsonObject input = op.value(QLatin1String("ticket")).toObject();
    const QUuid id = uuidOf(input.value(QLatin1String("id")));
    const QUuid department = uuidOf(input.value(QLatin1String("department_id")));
    const QString subject = input.value(QLatin1String("subject")).toString().trimmed();
    const QString body = op.value(QLatin1String("body")).toString();
    if (id.isNull() || subject.isEmpty())
        return std::optional(
            invalid(QStringLiteral("create_ticket needs ticket.id and a subject")));
    // Both checks in one statement: one round trip to PostgreSQL.
    auto checks = db->prepare("SELECT EXISTS(SELECT 1 FROM departments WHERE id = ?1), "
                              "EXISTS(SELECT 1 FROM tickets WHERE id = ?2)");
    if (!checks.good())
        return checks.status();
    Statement &check = **checks;
    check.bind(1, uuidToBlob(department)).bind(2, uuidToBlob(id));
    const bool checked = check.next();
    const bool departmentKnown = checked && check.int64(0) != 0;
    const bool duplicate = checked && check.int64(1) != 0;
    Status checkStatus = checked ? Status() : check.status();
    check.reset();
    if (!checked)
        return checkStatus.good()
                   ? Status(Status::Internal, QStringLiteral("the ticket's checks gave no row"))
                   : checkStatus;
    if (!departmentKnown || !mayAccess(department))
        return std::optional(Rejection{QStringLiteral("forbidden"),
                                       QStringLiteral("you cannot create tickets in that "
                                                      "department")});
    if (duplicate)
        return std::optional(Rejection{QStringLiteral("duplicate_id"),
                                       QStringLiteral("a ticket with this id exists")});
    const auto priority =
        parsePriority(input.value(QLatin1String("priority")).toString(QStringLiteral("normal")));
    const auto channel =
        parseChannel(input.value(QLatin1String("channel")).toString(QStringLiteral("email")));
    if (!priority || !channel)
        return std::optional(invalid(QStringLiteral("unknown priority or channel")));
    const QJsonValue tier = input.value(QLatin1String("tier"));
    if (!tier.isUndefined() && (!tier.isDouble() || tier.toInteger() < 1 || tier.toInteger() > 9))
        return std::optional(invalid(QStringLiteral("a tier is a number from 1 to 9")));
    std::optional<Rejection> rejection;
    QUuid requester;
    if (input.contains(QLatin1String("requester"))) {
        auto contact = contactForRequester(input.value(QLatin1String("requester")).toObject(),
                                           department, rejection);
        if (!contact.good())
            return contact.status();
        if (rejection)
            return rejection;
        requester = *contact;
    }
    if (!batch.number) {
        auto last = text("SELECT max(number) FROM tickets", [](Statement &) {});
        if (!last.good())
            return last.status();
        batch.number = last->value_or(QString()).toLongLong();
    }
    Ticket ticket;
    ticket.id = id;
    ticket.number = ++*batch.number;
    ticket.subject = subject;
    ticket.priority = *priority;
    ticket.departmentId = department;
    ticket.category = input.value(QLatin1String("category")).toString();
    ticket.tier = int(tier.toInteger(1));
    ticket.requesterId = requester;
    ticket.channel = *channel;
    for (const QJsonValue &tag : input.value(QLatin1String("tags")).toArray()) {
        const QString t = tag.toString().trimmed().toLower();
        if (!t.isEmpty() && !ticket.tags.contains(t))
            ticket.tags.append(t);
    }
    ticket.created = nowTime();
    history(createdTicket(ticket), QStringLiteral("created"), QJsonValue(),
            QString::number(*ticket.number));
    if (!body.isEmpty()) {
        QJsonObject message{
            {QStringLiteral("ticket_id"), uuidToString(id)},
            {QStringLiteral("message"),
             QJsonObject{{QStringLiteral("id"), op.value(QLatin1String("message_id"))},
                         {QStringLiteral("kind"), QStringLiteral("customer")},
                         {QStringLiteral("body"), body}}}};
        auto added = addMessage(message);
        if (!added.good() || *added)
            return added;
    }
    result.insert(QStringLiteral("number"), *ticket.number);
    return std::optional<Rejection>();
}

Result<std::optional<Rejection>> ServerStore::Private::addMessage(const QJsonObject &op)
{
    const QJsonObject input = op.value(QLatin1String("message")).toObject();
    const QUuid id = uuidOf(input.value(QLatin1String("id")));
    const QString kindName = input.value(QLatin1String("kind")).toString();
    const QString body = input.value(QLatin1String("body")).toString();
    MessageKind kind = MessageKind::AgentReply;
    if (kindName == u"note")
        kind = MessageKind::InternalNote;
    else if (kindName == u"customer")
        kind = MessageKind::CustomerMessage;
    else if (kindName != u"reply")
        return accept(invalid(QStringLiteral("a message's kind is reply, note or customer")));
    if (id.isNull() || body.trimmed().isEmpty())
        return accept(invalid(QStringLiteral("a message needs an id and a body")));
    // Attachments are uploaded first (PUT /api/v1/uploads/{hash}) and referenced here by hash,
    // name, type and size; the message keeps exactly those.
    QList<Attachment> attachments;
    for (const QJsonValue &v : input.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.contains(QLatin1String("content")))
            return accept(Rejection{
                QStringLiteral("invalid"),
                QStringLiteral("attachments are uploaded first with PUT /api/v1/uploads/{hash}; "
                               "an op references them by hash, name, type and size, without "
                               "\"content\"")});
        const QString hash = a.value(QLatin1String("hash")).toString();
        const QString name = a.value(QLatin1String("name")).toString().trimmed();
        const QJsonValue size = a.value(QLatin1String("size"));
        if (!AttachmentFiles::isValidHash(hash.toStdString()) || name.isEmpty() ||
            !size.isDouble() || size.toDouble() < 0 || size.toDouble() != double(size.toInteger()))
            return accept(invalid(QStringLiteral(
                "an attachment is {\"hash\": SHA-256 in lowercase hex, \"name\", \"type\", "
                "\"size\": bytes}")));
        auto check = referable(hash, size.toInteger());
        if (!check.good())
            return check.status();
        if (!check->isEmpty())
            return accept(Rejection{
                QStringLiteral("attachment_missing"),
                QStringLiteral("upload the attachment first: %1 (%2) %3").arg(name, hash, *check)});
        attachments.append(
            {hash.toLatin1(), name,
             a.value(QLatin1String("type")).toString(QStringLiteral("application/octet-stream")),
             size.toInteger()});
    }
    return editTicket(op, [&](Ticket &ticket) -> Result<std::optional<Rejection>> {
        Message message;
        message.id = id;
        message.ticketId = ticket.id;
        message.kind = kind;
        message.authorId = session->agent.id;
        message.authorName = session->agent.name;
        message.created = nowTime();
        message.bodyText = body;
        message.attachments = attachments;
        auto stored = storeMessage(ticket, message);
        if (!stored.good() || *stored)
            return stored;
        if (kind == MessageKind::AgentReply) { // to the customer, in this op's transaction
            if (Status queued = queueReplyMail(ticket, message); !queued.good())
                return queued;
        }
        for (const Attachment &a : std::as_const(attachments)) { // referenced now: claims done
            Status st = db->run("DELETE FROM upload_claims WHERE hash = ?1 AND agent_id = ?2",
                                [&](Statement &q) {
                                    q.bind(1, QString::fromLatin1(a.contentHash));
                                    q.bind(2, uuidToBlob(session->agent.id));
                                });
            if (!st.good())
                return st;
        }
        return accept();
    });
}

Result<std::optional<Rejection>> ServerStore::Private::storeMessage(Ticket &ticket,
                                                                    const Message &message)
{
    for (const Attachment &a : message.attachments) {
        Status st = db->run("INSERT INTO ticket_attachments(hash, ticket_id) VALUES "
                            "(?1, ?2) ON CONFLICT DO NOTHING",
                            [&](Statement &q) {
                                q.bind(1, QString::fromLatin1(a.contentHash));
                                q.bind(2, uuidToBlob(ticket.id));
                            });
        if (!st.good())
            return st;
    }
    Change change(QStringLiteral("message"), message.id, ticket.departmentId, QUuid(),
                  {{QStringLiteral("ticket_id"), uuidToString(ticket.id)}});
    change.json = Wire::toJsonText(message);
    Status s = db->run("INSERT INTO messages(id, ticket_id, data) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT DO NOTHING",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(message.id)).bind(2, uuidToBlob(ticket.id));
                           st.bind(3, QString::fromUtf8(change.json));
                       });
    if (!s.good())
        return s;
    if (db->changes() == 0)
        return accept(Rejection{QStringLiteral("duplicate_id"),
                                QStringLiteral("a message with this id exists")});
    pending.append(std::move(change));
    opMessages.append({ticket.id, message.kind});
    if (message.kind == MessageKind::AgentReply && !ticket.firstResponseAt.isValid())
        ticket.firstResponseAt = nowTime();
    ticket.updated = nowTime(); // a new message updates the ticket
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::setFields(const QJsonObject &op)
{
    const QJsonObject fields = op.value(QLatin1String("fields")).toObject();
    if (fields.isEmpty())
        return accept(invalid(QStringLiteral("set_fields needs fields")));
    return editTicket(op, [&](Ticket &ticket) { return editFields(ticket, fields); });
}

Result<std::optional<Rejection>> ServerStore::Private::editFields(Ticket &ticket,
                                                                  const QJsonObject &fields)
{
    // The fields as the snapshot has them, before and after: the history's old and new values.
    const QJsonObject before = Wire::toJson(ticket);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString field = it.key();
        const QJsonValue value = it.value();
        if (field == u"status") {
            const auto status = parseTicketStatus(value.toString());
            if (!status)
                return accept(invalid(QStringLiteral("unknown status")));
            if (*status == TicketStatus::Solved)
                ticket.solvedAt = nowTime();
            ticket.status = *status;
        } else if (field == u"priority") {
            const auto priority = parsePriority(value.toString());
            if (!priority)
                return accept(invalid(QStringLiteral("unknown priority")));
            ticket.priority = *priority;
        } else if (field == u"department_id" || field == u"assignee_id") {
            const bool isDepartment = field == u"department_id";
            if (isDepartment || !value.isNull()) {
                auto exists =
                    isDepartment ? departmentExists(uuidOf(value)) : agentExists(uuidOf(value));
                if (!exists.good())
                    return exists.status();
                if (!*exists)
                    return accept(invalid(QStringLiteral("no such %1")
                                              .arg(isDepartment ? QStringLiteral("department")
                                                                : QStringLiteral("agent"))));
            }
            if (!isDepartment && !value.isNull()) {
                auto deactivated =
                    text("SELECT name FROM agents WHERE id = ?1 AND deactivated_ms IS NOT NULL",
                         [&](Statement &st) { st.bind(1, uuidToBlob(uuidOf(value))); });
                if (!deactivated.good())
                    return deactivated.status();
                if (*deactivated)
                    return accept(invalid(QStringLiteral("%1 was deactivated: assign someone "
                                                         "else")
                                              .arg(**deactivated)));
            }
            (isDepartment ? ticket.departmentId : ticket.assigneeId) = uuidOf(value);
        } else if (field == u"category") {
            if (!value.isString() && !value.isNull())
                return accept(invalid(QStringLiteral("a category is text")));
            ticket.category = value.toString();
        } else if (field == u"tier") {
            if (!value.isDouble() || value.toInteger() < 1 || value.toInteger() > 9)
                return accept(invalid(QStringLiteral("a tier is a number from 1 to 9")));
            ticket.tier = int(value.toInteger());
        } else if (field == u"due" || field == u"reminder") {
            const auto time = timeInput(value);
            if (!time)
                return accept(invalid(QStringLiteral("%1 is an ISO 8601 time or null").arg(field)));
            (field == u"due" ? ticket.due : ticket.reminder) = Wire::timeOf(*time);
        } else {
            return accept(invalid(QStringLiteral("\"%1\" cannot be set").arg(field)));
        }
    }
    // The assignee must be able to see the ticket: one named here is refused otherwise, and
    // one whose ticket moved to a department they are not in lets it go.
    const bool assigned = ticket.assigneeId != uuidOf(before.value(QLatin1String("assignee_id")));
    const bool moved = ticket.departmentId != uuidOf(before.value(QLatin1String("department_id")));
    if (!ticket.assigneeId.isNull() && (assigned || moved)) {
        auto holds = mayHold(ticket.assigneeId, ticket.departmentId);
        if (!holds.good())
            return holds.status();
        if (!*holds && assigned)
            return accept(
                invalid(QStringLiteral("the assignee is not in the ticket's department")));
        if (!*holds)
            ticket.assigneeId = QUuid();
    }
    const QJsonObject after = Wire::toJson(ticket);
    QStringList changed = fields.keys();
    if (!changed.contains(QLatin1String("assignee_id")))
        changed.append(QStringLiteral("assignee_id")); // let go with a move
    for (const QString &field : std::as_const(changed)) {
        if (before.value(field) != after.value(field))
            history(ticket, field, before.value(field), after.value(field));
    }
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::changeTags(const QJsonObject &op, bool add)
{
    return editTicket(op, [&](Ticket &ticket) -> Result<std::optional<Rejection>> {
        const QJsonArray wanted = op.value(QLatin1String("tags")).toArray();
        if (wanted.isEmpty())
            return accept(invalid(
                QStringLiteral("%1 needs \"tags\": a list of tags")
                    .arg(add ? QStringLiteral("add_tags") : QStringLiteral("remove_tags"))));
        QStringList tags = ticket.tags;
        for (const QJsonValue &v : wanted) {
            const QString tag = v.toString().trimmed().toLower();
            if (tag.isEmpty())
                return accept(invalid(QStringLiteral("a tag is non-empty text")));
            if (add && !tags.contains(tag))
                tags.append(tag);
            if (!add)
                tags.removeAll(tag);
        }
        retag(ticket, tags);
        return accept();
    });
}

void ServerStore::Private::retag(Ticket &ticket, const QStringList &tags)
{
    if (tags == ticket.tags)
        return;
    history(ticket, QStringLiteral("tags"), QJsonArray::fromStringList(ticket.tags),
            QJsonArray::fromStringList(tags));
    ticket.tags = tags;
}

Result<std::optional<Rejection>> ServerStore::Private::take(const QJsonObject &op)
{
    return editTicket(op, [&](Ticket &ticket) -> Result<std::optional<Rejection>> {
        if (!ticket.assigneeId.isNull() && ticket.assigneeId != session->agent.id)
            return accept(Rejection{QStringLiteral("already_taken"),
                                    QStringLiteral("another agent has taken this ticket")});
        if (ticket.assigneeId.isNull()) {
            ticket.assigneeId = session->agent.id;
            history(ticket, QStringLiteral("assignee_id"), QJsonValue(),
                    uuidToString(session->agent.id));
        }
        return accept();
    });
}

Result<std::optional<Rejection>> ServerStore::Private::markSpam(const QJsonObject &op)
{
    const QJsonValue spam = op.value(QLatin1String("spam"));
    if (!spam.isBool())
        return accept(invalid(QStringLiteral("mark_spam needs \"spam\": true or false")));
    return editTicket(op, [&](Ticket &ticket) -> Result<std::optional<Rejection>> {
        setSpam(ticket, spam.toBool());
        return accept();
    });
}

void ServerStore::Private::setSpam(Ticket &ticket, bool spam)
{
    if (ticket.spam == spam)
        return;
    history(ticket, QStringLiteral("spam"), ticket.spam, spam);
    ticket.spam = spam;
}

Result<std::optional<Rejection>> ServerStore::Private::mergeOrLink(const QJsonObject &op,
                                                                   bool merge)
{
    const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
    const QUuid otherId = uuidOf(op.value(QLatin1String(merge ? "into_id" : "other_id")));
    if (ticketId.isNull() || otherId.isNull())
        return std::optional(invalid(merge ? QStringLiteral("merge needs ticket_id and into_id")
                                           : QStringLiteral("link needs ticket_id and other_id")));
    if (ticketId == otherId)
        return std::optional(invalid(QStringLiteral("a ticket cannot be merged into or linked "
                                                    "with itself")));
    auto found = openTicket(ticketId);
    if (!found.good())
        return found.status();
    auto other = openTicket(otherId);
    if (!other.good())
        return other.status();
    if (!*found || !*other)
        return std::optional(notFound(*found ? otherId : ticketId));
    Ticket &ticket = **found;
    if (merge) {
        // Closing is a status change like any other: in the history, where the SLA clocks and
        // reports read it.
        if (ticket.status != TicketStatus::Closed)
            history(ticket, QStringLiteral("status"), toString(ticket.status),
                    toString(TicketStatus::Closed));
        history(ticket, QStringLiteral("merged_into"), QJsonValue(), uuidToString(otherId));
        ticket.mergedInto = otherId;
        ticket.status = TicketStatus::Closed;
        return std::optional<Rejection>();
    }
    for (auto [self, peer] : {std::pair{&ticket, otherId}, std::pair{*other, ticketId}}) {
        if (self->linked.contains(peer))
            continue;
        self->linked.append(peer);
        history(*self, QStringLiteral("linked"), QJsonValue(), uuidToString(peer));
    }
    return std::optional<Rejection>();
}

} // namespace Pult
