#include "serverstoreprivate.h"

#include "mailboxes.h"
#include "serverschema.h"

namespace Pult {

ServerStore::ServerStore()
    : d(std::make_unique<Private>())
{}

ServerStore::~ServerStore() = default;

Result<std::unique_ptr<ServerStore>> ServerStore::open(const std::filesystem::path &dataDirectory,
                                                       const QString &databaseUrl)
{
    auto db = ServerSchema::openMigrated(dataDirectory, databaseUrl);
    if (!db.good())
        return db.status();
    std::unique_ptr<ServerStore> store(new ServerStore);
    store->d->db = std::move(*db);
    store->d->readers = std::make_unique<ReaderPool>(dataDirectory, databaseUrl);
    store->d->attachmentDirectory = AttachmentFiles::directory(dataDirectory);
    auto key = Mailboxes::key(dataDirectory);
    if (!key.good())
        return key.status();
    store->d->secretsKey = std::move(*key);
    return store;
}

Result<qint64> ServerStore::revision()
{
    std::lock_guard lock(d->mutex);
    auto last = d->text("SELECT max(revision) FROM changes", [](Statement &) {});
    if (!last.good())
        return last.status();
    return last->value_or(QString()).toLongLong();
}

Result<QJsonArray> ServerStore::apply(const AgentSession &session, const QJsonArray &ops,
                                      qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    // Forgotten however the batch ends: the next one may follow other writers.
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    d->session = &session;
    d->now = nowMs;
    d->queuedMail = false;
    d->changedMailboxes = false;
    auto previous = d->previousResults(ops);
    if (!previous.good())
        return previous.status();
    QJsonArray results;
    qint64 newest = 0;
    for (const QJsonValue &value : ops) {
        const QJsonObject op = value.toObject();
        const QUuid opId = uuidOf(op.value(QLatin1String("id")));
        QJsonObject result{{QStringLiteral("op_id"), op.value(QLatin1String("id"))}};
        if (opId.isNull()) {
            result.insert(QStringLiteral("status"), QStringLiteral("rejected"));
            result.insert(QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_op")},
                                      {QStringLiteral("message"),
                                       QStringLiteral("every op needs an \"id\" (a UUID)")}});
            results.append(result);
            continue;
        }
        if (const auto before = previous->constFind(opId); before != previous->cend()) {
            results.append(*before); // applied or rejected before: the same answer again
            continue;
        }
        // The op's own work, undone alone when it is rejected; its result is stored either way.
        Db::Savepoint savepoint(*d->db, "op");
        if (!savepoint.status().good())
            return savepoint.status();
        const Private::BatchMemory::Mark mark = d->batch.mark();
        d->pending.clear();
        d->work.clear();
        d->opMessages.clear();
        auto rejection = d->apply(op.value(QLatin1String("type")).toString(), op, result);
        if (!rejection.good())
            return rejection.status();
        if (!*rejection) {
            if (Status s = d->writeTickets(); !s.good())
                return s;
        }
        if (*rejection) {
            if (Status s = savepoint.rollback(); !s.good())
                return s;
            d->batch.rollBackTo(mark);
            d->pending.clear();
            d->work.clear();
            d->opMessages.clear();
            result.insert(QStringLiteral("status"), QStringLiteral("rejected"));
            result.insert(QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), (*rejection)->code},
                                      {QStringLiteral("message"), (*rejection)->message}});
        } else {
            auto revision = d->commitChanges();
            if (!revision.good())
                return revision.status();
            result.insert(QStringLiteral("status"), QStringLiteral("applied"));
            result.insert(QStringLiteral("revision"), *revision);
            newest = *revision;
        }
        Status s = d->recordResult(opId, session.agent.id, result);
        if (s.good() && !*rejection)
            s = savepoint.release();
        if (!s.good())
            return s;
        previous->insert(opId, result); // for the same op again in this batch
        results.append(result);
    }
    if (Status s = d->announce(newest); !s.good())
        return s;
    if (Status s = tx.commit(); !s.good())
        return s;
    // An erased contact's files go as soon as nothing refers to them any more.
    for (const QString &hash : std::as_const(d->batch.erasedFiles)) {
        if (auto removed = d->removeUnreferenced(hash); !removed.good())
            return removed.status();
    }
    if (d->queuedMail && d->mailQueued)
        d->mailQueued();
    if (d->changedMailboxes && d->mailboxesChanged)
        d->mailboxesChanged();
    return results;
}

Result<std::optional<Rejection>>
ServerStore::Private::apply(const QString &type, const QJsonObject &op, QJsonObject &result)
{
    if (type == u"create_ticket")
        return createTicket(op, result);
    if (type == u"add_message")
        return addMessage(op);
    if (type == u"set_fields")
        return setFields(op);
    if (type == u"add_tags" || type == u"remove_tags")
        return changeTags(op, type == u"add_tags");
    if (type == u"take")
        return take(op);
    if (type == u"mark_spam")
        return markSpam(op);
    if (type == u"merge" || type == u"link")
        return mergeOrLink(op, type == u"merge");
    if (type == u"upsert_contact")
        return upsertContact(op);
    if (type == u"upsert_canned_response" || type == u"delete_canned_response")
        return upsertCannedResponse(op, type == u"delete_canned_response");
    if (type == u"create_department" || type == u"update_department")
        return configureDepartment(op, type == u"create_department");
    if (type == u"delete_department")
        return deleteDepartment(op, result);
    if (type == u"upsert_shared_filter" || type == u"delete_shared_filter")
        return upsertSharedFilter(op, type == u"delete_shared_filter");
    if (type == u"upsert_mailbox" || type == u"delete_mailbox")
        return upsertMailbox(op, type == u"delete_mailbox");
    if (type == u"update_agent")
        return updateAgent(op);
    if (type == u"create_agent")
        return createAgent(op);
    if (type == u"rotate_status_link")
        return rotateStatusLink(op);
    if (type == u"erase_contact")
        return eraseContact(op);
    if (type == u"set_availability")
        return setAvailability(op);
    if (type == u"upsert_rule" || type == u"delete_rule")
        return upsertRule(op, type == u"delete_rule");
    return std::optional<Rejection>(Rejection{QStringLiteral("unknown_op"),
                                              QStringLiteral("unknown op type \"%1\"").arg(type)});
}

Result<bool> ServerStore::isEmpty()
{
    std::lock_guard lock(d->mutex);
    auto any = d->text("SELECT (SELECT count(*) FROM agents) + (SELECT count(*) FROM changes)",
                       [](Statement &) {});
    if (!any.good())
        return any.status();
    return any->value_or(QString()).toLongLong() == 0;
}

Status ServerStore::import(const Import &data)
{
    std::lock_guard lock(d->mutex);
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    // Rows of (id, key, data) tables: contacts (key: e-mail), messages (key: ticket id).
    const auto insert = [&](const char *sql, const QUuid &id, const auto &key,
                            const QJsonObject &object) {
        return d->db->run(sql, [&](Statement &st) {
            st.bind(1, uuidToBlob(id)).bind(2, key).bind(3, QString::fromUtf8(compact(object)));
        });
    };
    for (const QJsonObject &department : data.departments) {
        const QUuid id = uuidOf(department.value(QLatin1String("id")));
        Status s =
            d->db->run("INSERT INTO departments(id, name) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(id));
                           st.bind(2, department.value(QLatin1String("name")).toString());
                       });
        if (s.good())
            s = d->db->run("INSERT INTO department_settings(id, data) VALUES (?1, ?2) ON "
                           "CONFLICT(id) DO UPDATE SET data = excluded.data",
                           [&](Statement &st) {
                               st.bind(1, uuidToBlob(id));
                               st.bind(2, QString::fromUtf8(compact(department)));
                           });
        if (!s.good())
            return s;
        d->pending.append({QStringLiteral("department"), id, id, QUuid(), department});
    }
    // Who may see what: a ticket's department decides for its messages, history and requester.
    QHash<QUuid, QUuid> ticketDepartment;
    QHash<QUuid, QUuid> contactDepartment;
    for (const QJsonObject &ticket : data.tickets) {
        const QUuid department = uuidOf(ticket.value(QLatin1String("department_id")));
        ticketDepartment.insert(uuidOf(ticket.value(QLatin1String("id"))), department);
        contactDepartment.insert(uuidOf(ticket.value(QLatin1String("requester_id"))), department);
    }
    for (const QJsonObject &contact : data.contacts) {
        const QUuid id = uuidOf(contact.value(QLatin1String("id")));
        if (Status s = insert("INSERT INTO contacts(id, email, data) VALUES (?1, ?2, ?3)", id,
                              contact.value(QLatin1String("emails")).toArray().first().toString(),
                              contact);
            !s.good())
            return s;
        d->pending.append(
            {QStringLiteral("contact"), id, contactDepartment.value(id), QUuid(), contact});
    }
    for (const QJsonObject &ticket : data.tickets) {
        const QUuid id = uuidOf(ticket.value(QLatin1String("id")));
        const QUuid department = ticketDepartment.value(id);
        if (Status s = d->db->run(
                "INSERT INTO tickets(id, number, department_id, data, assignee_id, status) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(id));
                    st.bind(2, qint64(ticket.value(QLatin1String("number")).toInteger()));
                    st.bind(3, uuidToBlob(department));
                    st.bind(4, QString::fromUtf8(compact(ticket)));
                    st.bind(5, uuidToBlob(uuidOf(ticket.value(QLatin1String("assignee_id")))));
                    st.bind(6, ticket.value(QLatin1String("status")).toString());
                });
            !s.good())
            return s;
        d->pending.append({QStringLiteral("ticket"), id, department, QUuid(), ticket});
    }
    for (const QJsonObject &message : data.messages) {
        const QUuid id = uuidOf(message.value(QLatin1String("id")));
        const QUuid ticket = uuidOf(message.value(QLatin1String("ticket_id")));
        if (Status s = insert("INSERT INTO messages(id, ticket_id, data) VALUES (?1, ?2, ?3)", id,
                              uuidToBlob(ticket), message);
            !s.good())
            return s;
        d->pending.append(
            {QStringLiteral("message"), id, ticketDepartment.value(ticket), QUuid(), message});
    }
    for (const QJsonObject &event : data.history) {
        d->pending.append({QStringLiteral("history"), uuidOf(event.value(QLatin1String("id"))),
                           ticketDepartment.value(uuidOf(event.value(QLatin1String("ticket_id")))),
                           QUuid(), event});
    }
    for (const QJsonObject &response : data.cannedResponses) {
        const Change change = cannedResponseChange(response);
        if (Status s = d->db->run(
                "INSERT INTO canned_responses(id, scope, owner_id, data) VALUES (?1, ?2, ?3, ?4)",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(change.entity));
                    st.bind(2, response.value(QLatin1String("scope")).toString());
                    st.bind(3, uuidToBlob(uuidOf(response.value(QLatin1String("owner_id")))));
                    st.bind(4, QString::fromUtf8(compact(response)));
                });
            !s.good())
            return s;
        d->pending.append(change);
    }
    for (const QJsonObject &filter : data.sharedFilters) {
        const Change change = sharedFilterChange(filter);
        if (Status s = d->db->run(
                "INSERT INTO shared_filters(id, department_id, data) VALUES (?1, ?2, ?3)",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(change.entity)).bind(2, uuidToBlob(change.department));
                    st.bind(3, QString::fromUtf8(compact(filter)));
                });
            !s.good())
            return s;
        d->pending.append(change);
    }
    auto revision = d->commitChanges();
    if (!revision.good())
        return revision.status();
    if (Status s = d->announce(*revision); !s.good())
        return s;
    return tx.commit();
}

} // namespace Pult
