#include "demo.h"

#include "accounts.h"
#include "demodata.h"
#include "localstore.h"
#include "serverstore.h"
#include "uuid.h"
#include "wire.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

namespace Pult {
namespace {

// Demo agents get new ids from the accounts; everything that names one is renamed before it
// becomes a snapshot of docs/api.md.
class AgentIds
{
public:
    explicit AgentIds(const QHash<QUuid, QUuid> &ids)
        : m_ids(ids)
    {}
    QUuid operator()(const QUuid &demoId) const { return m_ids.value(demoId); }

    QJsonObject ticket(Ticket t) const
    {
        t.assigneeId = (*this)(t.assigneeId);
        return Wire::toJson(t);
    }
    QJsonObject message(Message m) const
    {
        if (m.kind != MessageKind::CustomerMessage)
            m.authorId = (*this)(m.authorId);
        return Wire::toJson(m);
    }
    QJsonObject history(HistoryEvent e) const
    {
        e.actorId = (*this)(e.actorId);
        return Wire::toJson(e);
    }
    QJsonObject cannedResponse(CannedResponse r) const
    {
        if (r.scope == CannedScope::Personal)
            r.ownerId = (*this)(r.ownerId);
        return Wire::toJson(r);
    }

private:
    const QHash<QUuid, QUuid> &m_ids;
};

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
        settings.departments.append(Wire::toJson(d));
    }
    if (Status s = store.import(settings); !s.good())
        return s;

    auto agents = (*local)->agents();
    if (!agents.good())
        return agents.status();
    const auto password = Accounts::hashPassword(QString::fromLatin1(kDemoPassword));
    if (!password.good())
        return password.status();
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
        auto added = accounts.addAgent(agent, *password);
        if (!added.good())
            return added.status();
        agentIds.insert(a.id, added->id);
        logins.append({a.email, a.name, toString(a.role), names.join(QStringLiteral(", "))});
    }

    const AgentIds snapshots(agentIds);
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
                data.contacts.append(Wire::toJson(*contact));
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
    auto shared = (*local)->sharedFilters();
    if (!shared.good())
        return shared.status();
    for (const SharedFilter &f : std::as_const(*shared))
        data.sharedFilters.append(Wire::toJson(f));
    if (Status s = store.import(data); !s.good())
        return s;
    return logins;
}

} // namespace Pult
