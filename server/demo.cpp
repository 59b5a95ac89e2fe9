#include "demo.h"

#include "accounts.h"
#include "demodata.h"
#include "localstore.h"
#include "serverstore.h"
#include "uuid.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

namespace Pult {
namespace {

QJsonValue id(const QUuid &uuid)
{
    return uuid.isNull() ? QJsonValue() : QJsonValue(uuidToString(uuid));
}

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// The snapshots of docs/api.md, from the domain values of the demo generator. Agent ids are the
// server's, which the accounts gave them.
class Snapshots
{
public:
    explicit Snapshots(const QHash<QUuid, QUuid> &agentIds)
        : m_agents(agentIds)
    {}

    QJsonValue agent(const QUuid &demoId) const { return id(m_agents.value(demoId)); }

    QJsonObject ticket(const Ticket &t) const
    {
        QJsonArray tags;
        for (const QString &tag : t.tags)
            tags.append(tag);
        QJsonArray linked;
        for (const QUuid &l : t.linked)
            linked.append(uuidToString(l));
        return {{QStringLiteral("id"), uuidToString(t.id)},
                {QStringLiteral("number"), t.number.value_or(0)},
                {QStringLiteral("subject"), t.subject},
                {QStringLiteral("status"), toString(t.status)},
                {QStringLiteral("priority"), toString(t.priority)},
                {QStringLiteral("department_id"), id(t.departmentId)},
                {QStringLiteral("category"), t.category},
                {QStringLiteral("assignee_id"), agent(t.assigneeId)},
                {QStringLiteral("requester_id"), id(t.requesterId)},
                {QStringLiteral("channel"), toString(t.channel)},
                {QStringLiteral("tags"), tags},
                {QStringLiteral("tier"), t.tier},
                {QStringLiteral("created"), time(t.created)},
                {QStringLiteral("updated"), time(t.updated)},
                {QStringLiteral("first_response_at"), time(t.firstResponseAt)},
                {QStringLiteral("solved_at"), time(t.solvedAt)},
                {QStringLiteral("due"), time(t.due)},
                {QStringLiteral("reminder"), time(t.reminder)},
                {QStringLiteral("first_response_deadline"), time(t.firstResponseDeadline)},
                {QStringLiteral("resolution_deadline"), time(t.resolutionDeadline)},
                {QStringLiteral("spam"), t.spam},
                {QStringLiteral("merged_into"), id(t.mergedInto)},
                {QStringLiteral("linked"), linked}};
    }

    QJsonObject message(const Message &m) const
    {
        QJsonArray attachments;
        for (const Attachment &a : m.attachments)
            attachments.append(
                QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(a.contentHash)},
                            {QStringLiteral("name"), a.name},
                            {QStringLiteral("type"), a.mimeType},
                            {QStringLiteral("size"), a.size}});
        const QJsonValue author =
            m.kind == MessageKind::CustomerMessage ? id(m.authorId) : agent(m.authorId);
        return {{QStringLiteral("id"), uuidToString(m.id)},
                {QStringLiteral("ticket_id"), uuidToString(m.ticketId)},
                {QStringLiteral("kind"), toString(m.kind)},
                {QStringLiteral("author_id"), author},
                {QStringLiteral("author_name"), m.authorName},
                {QStringLiteral("created"), time(m.created)},
                {QStringLiteral("body"), m.bodyText},
                {QStringLiteral("attachments"), attachments}};
    }

    QJsonObject history(const HistoryEvent &e) const
    {
        return {{QStringLiteral("id"), uuidToString(e.id)},
                {QStringLiteral("ticket_id"), uuidToString(e.ticketId)},
                {QStringLiteral("actor_id"), agent(e.actorId)},
                {QStringLiteral("time"), time(e.time)},
                {QStringLiteral("field"), e.field},
                {QStringLiteral("old"), e.oldValue},
                {QStringLiteral("new"), e.newValue}};
    }

    QJsonObject cannedResponse(const CannedResponse &r) const
    {
        return {{QStringLiteral("id"), uuidToString(r.id)},
                {QStringLiteral("title"), r.title},
                {QStringLiteral("shortcut"), r.shortcut},
                {QStringLiteral("body"), r.body},
                {QStringLiteral("scope"), toString(r.scope)},
                {QStringLiteral("owner_id"),
                 r.scope == CannedScope::Personal ? agent(r.ownerId) : id(r.ownerId)}};
    }

private:
    const QHash<QUuid, QUuid> &m_agents;
};

QJsonObject contactSnapshot(const Contact &c)
{
    QJsonArray emails;
    for (const QString &e : c.emails)
        emails.append(e);
    return {{QStringLiteral("id"), uuidToString(c.id)},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("emails"), emails},
            {QStringLiteral("phone"), c.phone},
            {QStringLiteral("organisation"), c.organisation},
            {QStringLiteral("language"), c.language},
            {QStringLiteral("time_zone"), c.timeZone},
            {QStringLiteral("notes"), c.notes},
            {QStringLiteral("plan"), c.plan},
            {QStringLiteral("plan_tier"), c.planTier}};
}

} // namespace

Result<QList<DemoLogin>> fillDemo(Accounts &accounts, ServerStore &store, qint64 tickets)
{
    auto empty = store.isEmpty();
    if (!empty.good())
        return empty.status();
    if (!*empty)
        return Status(Status::Invalid, QStringLiteral("the data directory is not empty; demo data "
                                                      "goes only into a new one"));
    // The generator writes a client store; read it back and hand the server what it holds.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Status(Status::IoError, QStringLiteral("no temporary directory for the demo data"));
    auto local = LocalStore::open(scratch.filePath(QStringLiteral("demo.db")));
    if (!local.good())
        return local.status();
    DemoOptions options;
    options.tickets = tickets;
    if (auto generated = generateDemoData(**local, options); !generated.good())
        return generated.status();

    auto departments = (*local)->departments();
    if (!departments.good())
        return departments.status();
    ServerStore::Import settings;
    QHash<QUuid, QString> departmentNames;
    for (const Department &d : std::as_const(*departments)) {
        departmentNames.insert(d.id, d.name);
        settings.departments.append({{QStringLiteral("id"), uuidToString(d.id)},
                                     {QStringLiteral("name"), d.name},
                                     {QStringLiteral("email"), d.email},
                                     {QStringLiteral("business_hours"), d.businessHours},
                                     {QStringLiteral("sla_policy"), d.slaPolicy},
                                     {QStringLiteral("queue_order"), toString(d.queueOrder)}});
    }
    if (Status s = store.import(settings); !s.good())
        return s;

    auto agents = (*local)->agents();
    if (!agents.good())
        return agents.status();
    QHash<QUuid, QUuid> agentIds; // demo id → server id
    QList<DemoLogin> logins;
    for (const Agent &a : std::as_const(*agents)) {
        NewAgent agent{a.email, a.name, a.role, {}};
        QStringList names;
        for (const DepartmentMembership &m : a.departments) {
            agent.departments.append({departmentNames.value(m.departmentId), m.tier});
            names.append(QStringLiteral("%1 (tier %2)")
                             .arg(departmentNames.value(m.departmentId))
                             .arg(m.tier));
        }
        auto added = accounts.addAgent(agent, QString::fromLatin1(kDemoPassword));
        if (!added.good())
            return added.status();
        agentIds.insert(a.id, added->id);
        logins.append({a.email, a.name, toString(a.role), names.join(QStringLiteral(", "))});
    }

    const Snapshots snapshots(agentIds);
    ServerStore::Import data;
    QSet<QUuid> contacts;
    std::optional<PageCursor> cursor;
    do {
        TicketQuery query;
        query.limit = 1000;
        query.after = cursor;
        auto page = (*local)->listTickets(query);
        if (!page.good())
            return page.status();
        for (const TicketListItem &item : std::as_const(page->items)) {
            const Ticket &t = item.ticket;
            data.tickets.append(snapshots.ticket(t));
            if (!t.requesterId.isNull() && !contacts.contains(t.requesterId)) {
                auto contact = (*local)->contact(t.requesterId);
                if (!contact.good())
                    return contact.status();
                contacts.insert(t.requesterId);
                data.contacts.append(contactSnapshot(*contact));
            }
            auto messages = (*local)->messages(t.id);
            if (!messages.good())
                return messages.status();
            for (const Message &m : std::as_const(*messages))
                data.messages.append(snapshots.message(m));
            auto history = (*local)->history(t.id);
            if (!history.good())
                return history.status();
            for (const HistoryEvent &e : std::as_const(*history))
                data.history.append(snapshots.history(e));
        }
        cursor = page->next;
    } while (cursor);
    auto canned = (*local)->cannedResponses();
    if (!canned.good())
        return canned.status();
    for (const CannedResponse &r : std::as_const(*canned))
        data.cannedResponses.append(snapshots.cannedResponse(r));
    if (Status s = store.import(data); !s.good())
        return s;
    return logins;
}

} // namespace Pult
