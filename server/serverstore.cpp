#include "serverstore.h"

#include "attachmentfiles.h"
#include "businesshours.h"
#include "filter.h"
#include "serverschema.h"
#include "sla.h"
#include "storedb.h"
#include "uuid.h"
#include "wire.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QScopeGuard>

#include <algorithm>
#include <array>
#include <deque>
#include <mutex>
#include <optional>
#include <sys/stat.h>
#include <vector>

namespace Pult {

using Db::Statement;

namespace {

// A department's reply header or footer is a few lines of text.
constexpr qsizetype kMaxReplyFrameChars = 4000;
// A shared filter's name fits a sidebar row; its query a filter bar.
constexpr qsizetype kMaxFilterNameChars = 200;
constexpr qsizetype kMaxFilterQueryChars = 2000;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

using Wire::idValue;
using Wire::uuidOf;

// A rejection: a stable code and a message for a person.
struct Rejection
{
    QString code;
    QString message;
};

// What an op step answers: accepted (no rejection), or rejected with a reason.
Result<std::optional<Rejection>> accept(std::optional<Rejection> rejection = std::nullopt)
{
    return rejection;
}

Rejection invalid(const QString &message)
{
    return {QStringLiteral("invalid_op"), message};
}

Rejection notFound(const QUuid &id)
{
    return {QStringLiteral("not_found"),
            QStringLiteral("no ticket %1 in your departments").arg(uuidToString(id))};
}

struct Change
{
    Change(QString kind_, QUuid entity_, QUuid department_, QUuid previousDepartment_,
           QJsonObject data_, QUuid agent_ = {}, bool everyone_ = false)
        : kind(std::move(kind_))
        , entity(entity_)
        , department(department_)
        , previousDepartment(previousDepartment_)
        , data(std::move(data_))
        , agent(agent_)
        , everyone(everyone_)
    {}

    QString kind; // ticket, message, history, contact, department, canned_response, shared_filter
    QUuid entity;
    QUuid department;
    QUuid previousDepartment;
    QJsonObject data;      // empty when json holds the snapshot
    QByteArray json;       // the snapshot as compact JSON, when it was written already
    QUuid agent;           // set: only this agent sees it
    bool everyone = false; // everyone sees it
};

// A time field: an ISO 8601 string or null; nullopt when it is neither.
std::optional<QJsonValue> timeInput(const QJsonValue &v)
{
    if (v.isNull())
        return QJsonValue();
    if (!v.isString())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return QJsonValue(t.toUTC().toString(Qt::ISODateWithMs));
}

} // namespace

// A multi-row INSERT's texts for 1 to kRowsPerInsert rows. Statements are prepared once per
// connection and cached by their text's address, so each size is built once, here.
constexpr int kRowsPerInsert = 16;
struct MultiRowInsert
{
    MultiRowInsert(const char *head, int columns)
        : columns(columns)
    {
        for (int rows = 1; rows <= kRowsPerInsert; ++rows) {
            QByteArray sql = head;
            for (int row = 0; row < rows; ++row) {
                sql += row == 0 ? "(" : ", (";
                for (int column = 1; column <= columns; ++column) {
                    sql += column == 1 ? "?" : ", ?";
                    sql += QByteArray::number(row * columns + column);
                }
                sql += ')';
            }
            texts[std::size_t(rows)] = sql;
        }
    }
    int columns;
    std::array<QByteArray, kRowsPerInsert + 1> texts; // [n]: the text for n rows
};

const MultiRowInsert kChangeInserts("INSERT INTO changes(revision, kind, entity_id, department_id, "
                                    "previous_department_id, agent_id, everyone, data) VALUES ",
                                    8);
const MultiRowInsert kHistoryInserts("INSERT INTO history(id, ticket_id, data) VALUES ", 3);

// The change of a canned response, seen as its scope says: its owner, its department, everyone.
Change cannedResponseChange(const QJsonObject &response)
{
    const QString scope = response.value(QLatin1String("scope")).toString();
    const QUuid owner = uuidOf(response.value(QLatin1String("owner_id")));
    return {QStringLiteral("canned_response"),
            uuidOf(response.value(QLatin1String("id"))),
            scope == u"department" ? owner : QUuid(),
            QUuid(),
            response,
            scope == u"personal" ? owner : QUuid(),
            scope == u"global"};
}

// Connections for reads that need no writer (changes pages): made on first need, as many as
// are read at once (at most the server's workers), and kept for the next read.
class ReaderPool
{
public:
    ReaderPool(std::filesystem::path dataDirectory, QString databaseUrl)
        : m_dataDirectory(std::move(dataDirectory))
        , m_databaseUrl(std::move(databaseUrl))
    {}

    // A connection lent until the lease ends.
    class Lease
    {
    public:
        Lease(ReaderPool &pool, std::unique_ptr<Db::Connection> connection)
            : m_pool(pool)
            , m_connection(std::move(connection))
        {}
        ~Lease()
        {
            const std::lock_guard lock(m_pool.m_mutex);
            m_pool.m_idle.push_back(std::move(m_connection));
        }
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        Db::Connection &operator*() const { return *m_connection; }
        Db::Connection *operator->() const { return m_connection.get(); }

    private:
        ReaderPool &m_pool;
        std::unique_ptr<Db::Connection> m_connection;
    };

    Result<std::unique_ptr<Lease>> lend()
    {
        {
            const std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                std::unique_ptr<Db::Connection> connection = std::move(m_idle.back());
                m_idle.pop_back();
                return std::make_unique<Lease>(*this, std::move(connection));
            }
        }
        auto connection = Db::Connection::openReader(m_dataDirectory, m_databaseUrl);
        if (!connection.good())
            return connection.status();
        return std::make_unique<Lease>(*this, std::move(*connection));
    }

private:
    const std::filesystem::path m_dataDirectory;
    const QString m_databaseUrl;
    std::mutex m_mutex; // guards m_idle
    std::vector<std::unique_ptr<Db::Connection>> m_idle;
};

struct ServerStore::Private
{
    std::mutex mutex; // one writer: every apply() and the revision counter
    std::unique_ptr<Db::Connection> db;
    std::unique_ptr<ReaderPool> readers;
    UuidV7Generator ids;
    std::filesystem::path attachmentDirectory; // DATA/attachments

    // The op being applied.
    const AgentSession *session = nullptr;
    qint64 now = 0;
    QList<Change> pending;

    // What a batch (apply() or import(), in one transaction under the writers' lock, so nobody
    // else writes meanwhile) remembers between its ops instead of asking the database again.
    // Saved before each op and restored when the op is rejected (its savepoint undid its
    // writes); forgotten when the batch ends.
    struct BatchMemory
    {
        std::optional<qint64> revision; // the newest revision in changes
        std::optional<qint64> number;   // the highest ticket number
        QHash<QUuid, QString> settings; // department_settings' data by department, as read
        QHash<QUuid, Ticket> tickets;   // tickets as read or last written
    };
    BatchMemory batch;

    // Inserts `rows` rows with as few statements as kRowsPerInsert allows; bind(statement, row,
    // first) binds row `row`'s values from parameter number `first` on.
    template<typename BindRow>
    Status insertRows(const MultiRowInsert &insert, qsizetype rows, BindRow &&bind)
    {
        for (qsizetype done = 0; done < rows;) {
            const int n = int(std::min<qsizetype>(rows - done, kRowsPerInsert));
            auto stmt = db->prepare(insert.texts[std::size_t(n)].constData());
            if (!stmt.good())
                return stmt.status();
            for (int row = 0; row < n; ++row)
                bind(**stmt, done + row, row * insert.columns + 1);
            Status s = (*stmt)->exec();
            (*stmt)->reset();
            if (!s.good())
                return s;
            done += n;
        }
        return {};
    }

    // The departments of the tickets the contact is the requester of.
    Result<QList<QUuid>> requesterDepartments(const QUuid &contact)
    {
        auto stmt = db->prepare(db->pick("SELECT DISTINCT department_id FROM tickets WHERE "
                                         "json_extract(data, '$.requester_id') = ?1",
                                         "SELECT DISTINCT department_id FROM tickets WHERE "
                                         "(data::jsonb ->> 'requester_id') = ?1"));
        if (!stmt.good())
            return stmt.status();
        (*stmt)->bind(1, uuidToString(contact));
        QList<QUuid> departments;
        while ((*stmt)->next())
            departments.append(uuidFromBlob((*stmt)->blob(0)));
        Status s = (*stmt)->status();
        (*stmt)->reset();
        if (!s.good())
            return s;
        return departments;
    }

    // A department's stored settings (the JSON text; empty when it has none).
    Result<QString> departmentSettings(const QUuid &department)
    {
        if (auto it = batch.settings.constFind(department); it != batch.settings.cend())
            return *it;
        auto stored = text("SELECT data FROM department_settings WHERE id = ?1",
                           [&](Statement &st) { st.bind(1, uuidToBlob(department)); });
        if (!stored.good())
            return stored.status();
        batch.settings.insert(department, stored->value_or(QString()));
        return stored->value_or(QString());
    }

    // One text column of the first row, or nullopt.
    template<typename Bind> Result<std::optional<QString>> text(const char *sql, Bind &&bind)
    {
        auto stmt = db->prepare(sql);
        if (!stmt.good())
            return stmt.status();
        bind(**stmt);
        std::optional<QString> value;
        if ((*stmt)->next())
            value = (*stmt)->text(0);
        Status s = (*stmt)->status();
        (*stmt)->reset();
        if (!s.good())
            return s;
        return value;
    }

    bool mayAccess(const QUuid &department) const
    {
        if (session->agent.role == Role::Admin)
            return true;
        for (const DepartmentMembership &m : session->agent.departments) {
            if (m.departmentId == department)
                return true;
        }
        return false;
    }

    Result<bool> departmentExists(const QUuid &id)
    {
        auto row = text("SELECT name FROM departments WHERE id = ?1",
                        [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
        if (!row.good())
            return row.status();
        return row->has_value();
    }

    Result<bool> agentExists(const QUuid &id)
    {
        auto row = text("SELECT name FROM agents WHERE id = ?1",
                        [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
        if (!row.good())
            return row.status();
        return row->has_value();
    }

    // A stored ticket as this batch last wrote it, else as the database holds it; nullopt when
    // there is none.
    Result<std::optional<Ticket>> storedTicket(const QUuid &id)
    {
        if (auto it = batch.tickets.constFind(id); it != batch.tickets.cend())
            return std::optional<Ticket>(*it);
        auto row = text("SELECT data FROM tickets WHERE id = ?1",
                        [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
        if (!row.good())
            return row.status();
        if (!*row)
            return std::optional<Ticket>();
        auto ticket = Wire::ticketFromJson(parseObject(**row));
        if (!ticket.good())
            return ticket.status();
        return std::optional<Ticket>(std::move(*ticket));
    }

    // The ticket if it exists and the agent may see it.
    Result<std::optional<Ticket>> visibleTicket(const QUuid &id)
    {
        auto ticket = storedTicket(id);
        if (!ticket.good() || !*ticket || mayAccess((*ticket)->departmentId))
            return ticket;
        return std::optional<Ticket>();
    }

    // The tickets the op works on: as they were before it, and as it leaves them. Edited as
    // domain values and written once each when the op is accepted (writeTickets).
    struct WorkTicket
    {
        Ticket before;
        Ticket ticket;
        bool created = false;
    };
    std::deque<WorkTicket> work; // in the order the op opened them; addresses stay put

    // The op's copy of a ticket it names, when the ticket exists and the agent may see it;
    // null otherwise.
    Result<Ticket *> openTicket(const QUuid &id)
    {
        for (WorkTicket &w : work) {
            if (w.ticket.id == id)
                return &w.ticket;
        }
        auto found = visibleTicket(id);
        if (!found.good())
            return found.status();
        if (!*found)
            return static_cast<Ticket *>(nullptr);
        work.push_back({**found, std::move(**found)});
        return &work.back().ticket;
    }

    // A ticket the op creates.
    Ticket &createdTicket(Ticket ticket)
    {
        work.push_back({Ticket(), std::move(ticket), true});
        return work.back().ticket;
    }

    QDateTime nowTime() const { return QDateTime::fromMSecsSinceEpoch(now, Qt::UTC); }

    // Which tickets reference the attachment: the first of them this agent may see, if any.
    struct References
    {
        bool any = false;
        std::optional<QUuid> visible;
    };
    Result<References> attachmentReferences(const QString &hash)
    {
        auto tickets = db->prepare("SELECT ticket_id FROM ticket_attachments WHERE hash = ?1");
        if (!tickets.good())
            return tickets.status();
        (*tickets)->bind(1, hash);
        QList<QUuid> ids;
        while ((*tickets)->next())
            ids.append(uuidFromBlob((*tickets)->blob(0)));
        Status s = (*tickets)->status();
        (*tickets)->reset();
        if (!s.good())
            return s;
        References references{!ids.isEmpty(), std::nullopt};
        for (const QUuid &id : std::as_const(ids)) {
            auto ticket = visibleTicket(id);
            if (!ticket.good())
                return ticket.status();
            if (ticket->has_value()) {
                references.visible = id;
                break;
            }
        }
        return references;
    }

    // Whether some ticket this agent may see references the attachment.
    Result<bool> attachmentVisible(const QString &hash)
    {
        auto references = attachmentReferences(hash);
        if (!references.good())
            return references.status();
        return references->visible.has_value();
    }

    // The stored size of an attachment, or nullopt.
    Result<std::optional<qint64>> storedSize(const QString &hash)
    {
        auto row = text("SELECT size FROM attachment_files WHERE hash = ?1",
                        [&](Statement &st) { st.bind(1, hash); });
        if (!row.good())
            return row.status();
        if (!*row)
            return std::optional<qint64>();
        return std::optional<qint64>((*row)->toLongLong());
    }

    Result<bool> claimed(const QString &hash)
    {
        auto row =
            text("SELECT hash FROM upload_claims WHERE hash = ?1 AND agent_id = ?2",
                 [&](Statement &st) { st.bind(1, hash).bind(2, uuidToBlob(session->agent.id)); });
        if (!row.good())
            return row.status();
        return row->has_value();
    }

    Status claim(const QString &hash)
    {
        return db->run("INSERT INTO upload_claims(hash, agent_id, created_ms) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT(hash, agent_id) DO UPDATE SET created_ms = excluded.created_ms",
                       [&](Statement &st) {
                           st.bind(1, hash).bind(2, uuidToBlob(session->agent.id)).bind(3, now);
                       });
    }

    // Why the agent may not reference this attachment in an op, or an empty text when it may:
    // it is stored with that size, and the agent uploaded it (or asked for it and found it
    // stored) or already sees a ticket that references it.
    Result<QString> referable(const QString &hash, qint64 size)
    {
        auto stored = storedSize(hash);
        if (!stored.good())
            return stored.status();
        if (!*stored)
            return QStringLiteral("is not stored on the server: PUT /api/v1/uploads/%1").arg(hash);
        if (**stored != size)
            return QStringLiteral("is stored with %1 bytes, not %2").arg(**stored).arg(size);
        auto mine = claimed(hash);
        if (!mine.good())
            return mine.status();
        if (*mine)
            return QString();
        auto visible = attachmentVisible(hash);
        if (!visible.good())
            return visible.status();
        if (*visible)
            return QString();
        return QStringLiteral("was not uploaded by you: PUT it, or GET /api/v1/uploads/%1 first")
            .arg(hash);
    }

    // Sets the ticket's SLA deadlines from its department's policy and business hours, over the
    // ticket's messages and history (this op's history included); nothing without a policy.
    Status applySla(Ticket &ticket);

    // Writes each ticket the op changed or created, once: with "updated" and the SLA deadlines
    // set, serialised once for the tickets table and the change feed. A new ticket's change goes
    // before the op's first message or history change of it, so that no client gets those
    // before the ticket they belong to; an edited ticket's after them.
    Status writeTickets()
    {
        for (WorkTicket &w : work) {
            if (!w.created && w.ticket == w.before)
                continue;
            const QUuid id = w.ticket.id;
            w.ticket.updated = nowTime();
            if (Status sla = applySla(w.ticket); !sla.good())
                return sla;
            Change change(QStringLiteral("ticket"), id, w.ticket.departmentId,
                          w.created ? QUuid() : w.before.departmentId, {});
            change.json = Wire::toJsonText(w.ticket);
            Status s =
                db->run("INSERT INTO tickets(id, number, department_id, data) VALUES (?1, ?2, ?3, "
                        "?4) ON CONFLICT(id) DO UPDATE SET department_id = excluded.department_id, "
                        "data = excluded.data",
                        [&](Statement &st) {
                            st.bind(1, uuidToBlob(id)).bind(2, w.ticket.number.value_or(0));
                            st.bind(3, uuidToBlob(w.ticket.departmentId));
                            st.bind(4, QString::fromUtf8(change.json));
                        });
            if (!s.good())
                return s;
            const QString idText = uuidToString(id);
            const auto first =
                !w.created
                    ? pending.cend()
                    : std::find_if(pending.cbegin(), pending.cend(), [&](const Change &c) {
                          return (c.kind == u"message" || c.kind == u"history") &&
                                 c.data.value(QLatin1String("ticket_id")).toString() == idText;
                      });
            pending.insert(first - pending.cbegin(), std::move(change));
            batch.tickets.insert(id, w.ticket);
        }
        work.clear();
        return {};
    }

    // A change of the ticket's field in its history: values as the snapshot has them (arrays
    // as comma-separated text).
    void history(const Ticket &ticket, const QString &field, const QJsonValue &oldValue,
                 const QJsonValue &newValue)
    {
        const auto text = [](const QJsonValue &v) {
            if (v.isArray()) {
                QStringList items;
                for (const QJsonValue &item : v.toArray())
                    items.append(item.toString());
                return items.isEmpty() ? QStringLiteral("") : items.join(u',');
            }
            if (v.isBool())
                return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            return v.isDouble() ? QString::number(v.toInteger()) : v.toString(QString());
        };
        HistoryEvent event;
        event.id = ids.next();
        event.ticketId = ticket.id;
        event.actorId = session->agent.id;
        event.time = nowTime();
        event.field = field;
        event.oldValue = oldValue.isNull() ? QString() : text(oldValue);
        event.newValue = newValue.isNull() ? QString() : text(newValue);
        pending.append({QStringLiteral("history"), event.id, ticket.departmentId, QUuid(),
                        Wire::toJson(event)});
    }

    // Tells the other pultd processes on a PostgreSQL database that the revision advanced to
    // `revision` (0: it did not), delivered when the transaction commits (LISTEN/NOTIFY).
    Status announce(qint64 revision)
    {
        if (revision == 0 || db->dialect() != Db::Dialect::Postgres)
            return {};
        return db->run("SELECT pg_notify('pult_revision', ?1)",
                       [&](Statement &st) { st.bind(1, QString::number(revision)); });
    }

    // Writes the pending changes with the next revisions; returns the last one. A snapshot is
    // serialised once: the change's text is the stored one with the revision put in front.
    // Every change row of an op in one statement (up to kRowsPerInsert at a time): one round
    // trip to PostgreSQL instead of one per change.
    Result<qint64> commitChanges()
    {
        if (!batch.revision) {
            auto last = text("SELECT max(revision) FROM changes", [](Statement &) {});
            if (!last.good())
                return last.status();
            batch.revision = last->value_or(QString()).toLongLong();
        }
        QList<QString> texts;
        QList<qsizetype> history;
        texts.reserve(pending.size());
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const Change &c = pending[i];
            const QByteArray json = c.json.isEmpty() ? compact(c.data) : c.json;
            QByteArray text = "{\"revision\":" + QByteArray::number(*batch.revision + i + 1);
            if (json.size() > 2)
                text += ',' + json.mid(1);
            else
                text += '}';
            texts.append(QString::fromUtf8(text));
            if (c.kind == u"history")
                history.append(i);
        }
        Status s = insertRows(
            kChangeInserts, pending.size(), [&](Statement &st, qsizetype row, int first) {
                const Change &c = pending[row];
                st.bind(first, *batch.revision + row + 1).bind(first + 1, c.kind);
                st.bind(first + 2, uuidToBlob(c.entity)).bind(first + 3, uuidToBlob(c.department));
                st.bind(first + 4, uuidToBlob(c.previousDepartment));
                st.bind(first + 5, uuidToBlob(c.agent)).bind(first + 6, int(c.everyone));
                st.bind(first + 7, texts[row]);
            });
        if (s.good())
            s = insertRows(
                kHistoryInserts, history.size(), [&](Statement &st, qsizetype row, int first) {
                    const Change &c = pending[history[row]];
                    st.bind(first, uuidToBlob(c.entity));
                    st.bind(first + 1,
                            uuidToBlob(uuidOf(c.data.value(QLatin1String("ticket_id")))));
                    st.bind(first + 2, texts[history[row]]);
                });
        if (!s.good())
            return s;
        *batch.revision += pending.size();
        pending.clear();
        return *batch.revision;
    }

    Result<std::optional<Rejection>> apply(const QString &type, const QJsonObject &op,
                                           QJsonObject &result);
    Result<std::optional<Rejection>> createTicket(const QJsonObject &op, QJsonObject &result);
    Result<std::optional<Rejection>> addMessage(const QJsonObject &op);
    Result<std::optional<Rejection>> setFields(const QJsonObject &op);
    Result<std::optional<Rejection>> changeTags(const QJsonObject &op, bool add);
    Result<std::optional<Rejection>> take(const QJsonObject &op);
    Result<std::optional<Rejection>> markSpam(const QJsonObject &op);
    Result<std::optional<Rejection>> mergeOrLink(const QJsonObject &op, bool merge);
    Result<std::optional<Rejection>> upsertContact(const QJsonObject &op);
    Result<std::optional<Rejection>> upsertCannedResponse(const QJsonObject &op, bool remove);
    Result<std::optional<Rejection>> configureDepartment(const QJsonObject &op, bool create);
    Result<std::optional<Rejection>> upsertSharedFilter(const QJsonObject &op, bool remove);
    Result<std::optional<Rejection>> updateAgent(const QJsonObject &op);
    bool leads(const QUuid &department) const
    {
        return session->agent.role == Role::Admin ||
               (session->agent.role == Role::Lead && mayAccess(department));
    }
    Result<QUuid> contactForRequester(const QJsonObject &requester, const QUuid &department,
                                      std::optional<Rejection> &rejection);
};

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

ServerStore::ServerStore()
    : d(std::make_unique<Private>())
{}

ServerStore::~ServerStore() = default;

Result<std::unique_ptr<ServerStore>> ServerStore::open(const std::filesystem::path &dataDirectory,
                                                       const QString &databaseUrl)
{
    auto db = Db::Connection::open(dataDirectory, databaseUrl);
    if (!db.good())
        return db.status();
    if (Status s = ServerSchema::migrate(**db, dataDirectory); !s.good())
        return s;
    std::unique_ptr<ServerStore> store(new ServerStore);
    store->d->db = std::move(*db);
    store->d->readers = std::make_unique<ReaderPool>(dataDirectory, databaseUrl);
    store->d->attachmentDirectory = AttachmentFiles::directory(dataDirectory);
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
    d->session = &session;
    d->now = nowMs;
    Db::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    if (Status s = d->db->lockWriters(); !s.good())
        return s;
    d->batch = {};
    // Forgotten however the batch ends: the next one may follow other writers.
    const auto forget = qScopeGuard([this] { d->batch = {}; });
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
        auto previous = d->text("SELECT result FROM ops WHERE op_id = ?1",
                                [&](Statement &s) { s.bind(1, uuidToBlob(opId)); });
        if (!previous.good())
            return previous.status();
        if (*previous) { // applied or rejected before: the same answer again
            results.append(parseObject(**previous));
            continue;
        }
        // The op's own work, undone alone when it is rejected; its result is stored either way.
        Db::Savepoint savepoint(*d->db, "op");
        if (!savepoint.status().good())
            return savepoint.status();
        const Private::BatchMemory remembered = d->batch;
        d->pending.clear();
        d->work.clear();
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
            d->batch = remembered;
            d->pending.clear();
            d->work.clear();
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
        Status s = d->db->run(
            "INSERT INTO ops(op_id, agent_id, result) VALUES (?1, ?2, ?3)", [&](Statement &st) {
                st.bind(1, uuidToBlob(opId)).bind(2, uuidToBlob(session.agent.id));
                st.bind(3, QString::fromUtf8(compact(result)));
            });
        if (s.good() && !*rejection)
            s = savepoint.release();
        if (!s.good())
            return s;
        results.append(result);
    }
    if (Status s = d->announce(newest); !s.good())
        return s;
    if (Status s = tx.commit(); !s.good())
        return s;
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
    if (type == u"upsert_shared_filter" || type == u"delete_shared_filter")
        return upsertSharedFilter(op, type == u"delete_shared_filter");
    if (type == u"update_agent")
        return updateAgent(op);
    return std::optional<Rejection>(Rejection{QStringLiteral("unknown_op"),
                                              QStringLiteral("unknown op type \"%1\"").arg(type)});
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
    const QJsonObject contact{{QStringLiteral("id"), uuidToString(id)},
                              {QStringLiteral("name"), name.isEmpty() ? email : name},
                              {QStringLiteral("emails"), QJsonArray{email}}};
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
    auto exists = departmentExists(department);
    if (!exists.good())
        return exists.status();
    if (!*exists || !mayAccess(department))
        return std::optional(Rejection{QStringLiteral("forbidden"),
                                       QStringLiteral("you cannot create tickets in that "
                                                      "department")});
    auto duplicate = text("SELECT number FROM tickets WHERE id = ?1",
                          [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
    if (!duplicate.good())
        return duplicate.status();
    if (*duplicate)
        return std::optional(Rejection{QStringLiteral("duplicate_id"),
                                       QStringLiteral("a ticket with this id exists")});
    const auto priority =
        parsePriority(input.value(QLatin1String("priority")).toString(QStringLiteral("normal")));
    const auto channel =
        parseChannel(input.value(QLatin1String("channel")).toString(QStringLiteral("email")));
    if (!priority || !channel)
        return std::optional(invalid(QStringLiteral("unknown priority or channel")));
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
    const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
    auto found = openTicket(ticketId);
    if (!found.good())
        return found.status();
    if (!*found)
        return accept(notFound(ticketId));
    Ticket &ticket = **found;
    for (const Attachment &a : std::as_const(attachments)) {
        Status st = db->run("INSERT INTO ticket_attachments(hash, ticket_id) VALUES "
                            "(?1, ?2) ON CONFLICT DO NOTHING",
                            [&](Statement &q) {
                                q.bind(1, QString::fromLatin1(a.contentHash));
                                q.bind(2, uuidToBlob(ticket.id));
                            });
        if (st.good()) // referenced now: the claim has done its work
            st = db->run("DELETE FROM upload_claims WHERE hash = ?1 AND agent_id = ?2",
                         [&](Statement &q) {
                             q.bind(1, QString::fromLatin1(a.contentHash));
                             q.bind(2, uuidToBlob(session->agent.id));
                         });
        if (!st.good())
            return st;
    }
    Message message;
    message.id = id;
    message.ticketId = ticket.id;
    message.kind = kind;
    message.authorId = session->agent.id;
    message.authorName = session->agent.name;
    message.created = nowTime();
    message.bodyText = body;
    message.attachments = attachments;
    Change change(QStringLiteral("message"), id, ticket.departmentId, QUuid(),
                  {{QStringLiteral("ticket_id"), uuidToString(ticket.id)}});
    change.json = Wire::toJsonText(message);
    Status s = db->run("INSERT INTO messages(id, ticket_id, data) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT DO NOTHING",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(id)).bind(2, uuidToBlob(ticket.id));
                           st.bind(3, QString::fromUtf8(change.json));
                       });
    if (!s.good())
        return s;
    if (db->changes() == 0)
        return accept(Rejection{QStringLiteral("duplicate_id"),
                                QStringLiteral("a message with this id exists")});
    pending.append(std::move(change));
    if (kind == MessageKind::AgentReply && !ticket.firstResponseAt.isValid())
        ticket.firstResponseAt = nowTime();
    ticket.updated = nowTime(); // a new message updates the ticket
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::setFields(const QJsonObject &op)
{
    const QJsonObject fields = op.value(QLatin1String("fields")).toObject();
    if (fields.isEmpty())
        return accept(invalid(QStringLiteral("set_fields needs fields")));
    const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
    auto found = openTicket(ticketId);
    if (!found.good())
        return found.status();
    if (!*found)
        return accept(notFound(ticketId));
    Ticket &ticket = **found;
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
    const QJsonObject after = Wire::toJson(ticket);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (before.value(it.key()) != after.value(it.key()))
            history(ticket, it.key(), before.value(it.key()), after.value(it.key()));
    }
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::changeTags(const QJsonObject &op, bool add)
{
    const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
    auto found = openTicket(ticketId);
    if (!found.good())
        return found.status();
    if (!*found)
        return accept(notFound(ticketId));
    Ticket &ticket = **found;
    QStringList tags = ticket.tags;
    for (const QJsonValue &v : op.value(QLatin1String("tags")).toArray()) {
        const QString tag = v.toString().trimmed().toLower();
        if (tag.isEmpty())
            return accept(invalid(QStringLiteral("a tag is non-empty text")));
        if (add && !tags.contains(tag))
            tags.append(tag);
        if (!add)
            tags.removeAll(tag);
    }
    if (tags != ticket.tags) {
        history(ticket, QStringLiteral("tags"), QJsonArray::fromStringList(ticket.tags),
                QJsonArray::fromStringList(tags));
        ticket.tags = tags;
    }
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::take(const QJsonObject &op)
{
    const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
    auto found = openTicket(ticketId);
    if (!found.good())
        return found.status();
    if (!*found)
        return accept(notFound(ticketId));
    Ticket &ticket = **found;
    if (!ticket.assigneeId.isNull() && ticket.assigneeId != session->agent.id)
        return accept(Rejection{QStringLiteral("already_taken"),
                                QStringLiteral("another agent has taken this ticket")});
    if (ticket.assigneeId.isNull()) {
        ticket.assigneeId = session->agent.id;
        history(ticket, QStringLiteral("assignee_id"), QJsonValue(),
                uuidToString(session->agent.id));
    }
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::markSpam(const QJsonObject &op)
{
    const QJsonValue spam = op.value(QLatin1String("spam"));
    if (!spam.isBool())
        return accept(invalid(QStringLiteral("mark_spam needs \"spam\": true or false")));
    const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
    auto found = openTicket(ticketId);
    if (!found.good())
        return found.status();
    if (!*found)
        return accept(notFound(ticketId));
    Ticket &ticket = **found;
    if (ticket.spam != spam.toBool()) {
        history(ticket, QStringLiteral("spam"), ticket.spam, spam);
        ticket.spam = spam.toBool();
    }
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::mergeOrLink(const QJsonObject &op,
                                                                   bool merge)
{
    const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
    const QUuid otherId = uuidOf(op.value(QLatin1String(merge ? "into_id" : "other_id")));
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

Result<std::optional<Rejection>> ServerStore::Private::upsertContact(const QJsonObject &op)
{
    QJsonObject contact = op.value(QLatin1String("contact")).toObject();
    const QUuid id = uuidOf(contact.value(QLatin1String("id")));
    const QJsonArray emails = contact.value(QLatin1String("emails")).toArray();
    if (id.isNull() || contact.value(QLatin1String("name")).toString().trimmed().isEmpty())
        return std::optional(invalid(QStringLiteral("a contact needs an id and a name")));
    for (auto it = contact.begin(); it != contact.end(); ++it) {
        static const QStringList known{QStringLiteral("id"),           QStringLiteral("name"),
                                       QStringLiteral("emails"),       QStringLiteral("phone"),
                                       QStringLiteral("organisation"), QStringLiteral("language"),
                                       QStringLiteral("time_zone"),    QStringLiteral("notes"),
                                       QStringLiteral("plan"),         QStringLiteral("plan_tier")};
        if (!known.contains(it.key()))
            return std::optional(
                invalid(QStringLiteral("unknown contact field \"%1\"").arg(it.key())));
    }
    // An existing contact that is the requester of tickets is changed by an admin, or through a
    // ticket of one of the agent's departments (as GET /api/v1/contacts/{id} reads it); to anyone
    // else it does not exist. One no ticket names yet (made by an agent for a ticket to come)
    // belongs to no department, and any agent may change it.
    auto existing = text("SELECT id FROM contacts WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!existing.good())
        return existing.status();
    auto departments = requesterDepartments(id);
    if (!departments.good())
        return departments.status();
    if (*existing && session->agent.role != Role::Admin && !departments->isEmpty() &&
        std::none_of(departments->cbegin(), departments->cend(),
                     [&](const QUuid &department) { return mayAccess(department); }))
        return std::optional(
            Rejection{QStringLiteral("not_found"),
                      QStringLiteral("no such contact: %1").arg(uuidToString(id))});
    contact.insert(QStringLiteral("id"), uuidToString(id));
    Status s =
        db->run("INSERT INTO contacts(id, email, data) VALUES (?1, ?2, ?3) ON CONFLICT(id) DO "
                "UPDATE SET email = excluded.email, data = excluded.data",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(id)).bind(2, emails.first().toString());
                    st.bind(3, QString::fromUtf8(compact(contact)));
                });
    if (!s.good())
        return s;
    // A contact belongs to no department: its change goes to the departments of the tickets it
    // is the requester of (whose agents have it), and to the agent who made it (by the first of
    // their departments; admins see every change).
    if (!session->agent.departments.isEmpty() &&
        !departments->contains(session->agent.departments.first().departmentId))
        departments->append(session->agent.departments.first().departmentId);
    if (departments->isEmpty())
        departments->append(QUuid());
    for (const QUuid &department : std::as_const(*departments))
        pending.append({QStringLiteral("contact"), id, department, QUuid(), contact});
    return std::optional<Rejection>();
}

Result<std::optional<Rejection>> ServerStore::Private::upsertCannedResponse(const QJsonObject &op,
                                                                            bool remove)
{
    const QJsonObject input = op.value(QLatin1String("response")).toObject();
    const QUuid id =
        uuidOf(remove ? op.value(QLatin1String("response_id")) : input.value(QLatin1String("id")));
    if (id.isNull())
        return accept(invalid(QStringLiteral("a canned response needs an id")));
    auto existing = text("SELECT data FROM canned_responses WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!existing.good())
        return existing.status();
    // Who may change it: the owner of a personal one, a lead of the department, an admin.
    const auto mayManage = [&](const QJsonObject &response) {
        const QString scope = response.value(QLatin1String("scope")).toString();
        const QUuid owner = uuidOf(response.value(QLatin1String("owner_id")));
        if (scope == u"personal")
            return owner == session->agent.id;
        if (scope == u"department")
            return leads(owner);
        return session->agent.role == Role::Admin;
    };
    if (*existing && !mayManage(parseObject(**existing)))
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("you cannot change this canned response")});
    QJsonObject response = remove ? parseObject(existing->value_or(QString())) : input;
    if (remove && !*existing)
        return accept(
            Rejection{QStringLiteral("not_found"), QStringLiteral("no such canned response")});
    if (!remove) {
        const auto scope = parseCannedScope(input.value(QLatin1String("scope")).toString());
        if (!scope || input.value(QLatin1String("title")).toString().trimmed().isEmpty() ||
            !input.value(QLatin1String("body")).isString())
            return accept(invalid(QStringLiteral("a canned response needs a title, a body and a "
                                                 "scope (personal, department, global)")));
        response.insert(QStringLiteral("id"), uuidToString(id));
        response.insert(QStringLiteral("scope"), toString(*scope));
        if (*scope == CannedScope::Personal)
            response.insert(QStringLiteral("owner_id"), uuidToString(session->agent.id));
        else if (*scope == CannedScope::Global)
            response.insert(QStringLiteral("owner_id"), QJsonValue());
        if (!mayManage(response))
            return accept(Rejection{QStringLiteral("forbidden"),
                                    QStringLiteral("you cannot manage canned responses of that "
                                                   "scope")});
    } else {
        response.insert(QStringLiteral("deleted"), true);
    }
    Status st =
        remove
            ? db->run("DELETE FROM canned_responses WHERE id = ?1",
                      [&](Statement &q) { q.bind(1, uuidToBlob(id)); })
            : db->run("INSERT INTO canned_responses(id, scope, owner_id, data) VALUES "
                      "(?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET scope = "
                      "excluded.scope, owner_id = excluded.owner_id, data = "
                      "excluded.data",
                      [&](Statement &q) {
                          q.bind(1, uuidToBlob(id));
                          q.bind(2, response.value(QLatin1String("scope")).toString());
                          q.bind(3, uuidToBlob(uuidOf(response.value(QLatin1String("owner_id")))));
                          q.bind(4, QString::fromUtf8(compact(response)));
                      });
    if (!st.good())
        return st;
    pending.append(cannedResponseChange(response));
    return accept();
}

// The change of a shared filter: its department's members see it, or everyone (no department).
Change sharedFilterChange(const QJsonObject &filter)
{
    const QUuid department = uuidOf(filter.value(QLatin1String("department_id")));
    return {QStringLiteral("shared_filter"),
            uuidOf(filter.value(QLatin1String("id"))),
            department,
            QUuid(),
            filter,
            QUuid(),
            department.isNull()};
}

Result<std::optional<Rejection>> ServerStore::Private::upsertSharedFilter(const QJsonObject &op,
                                                                          bool remove)
{
    const QJsonObject input = op.value(QLatin1String("filter")).toObject();
    const QUuid id =
        uuidOf(remove ? op.value(QLatin1String("filter_id")) : input.value(QLatin1String("id")));
    if (id.isNull())
        return accept(invalid(QStringLiteral("a shared filter needs an id")));
    auto existing = text("SELECT data FROM shared_filters WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!existing.good())
        return existing.status();
    // A lead shares with their own departments; an admin with any department or everyone.
    const auto mayManage = [&](const QJsonObject &filter) {
        const QUuid department = uuidOf(filter.value(QLatin1String("department_id")));
        return session->agent.role == Role::Admin || (!department.isNull() && leads(department));
    };
    // Someone else's filter outside one's departments does not exist for them.
    if (*existing && !mayManage(parseObject(**existing))) {
        const QUuid department =
            uuidOf(parseObject(**existing).value(QLatin1String("department_id")));
        if (!department.isNull() && !mayAccess(department))
            return accept(
                Rejection{QStringLiteral("not_found"), QStringLiteral("no such shared filter")});
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("only a lead of its department or an admin changes "
                                               "a shared filter")});
    }
    if (remove && !*existing)
        return accept(
            Rejection{QStringLiteral("not_found"), QStringLiteral("no such shared filter")});
    QJsonObject filter;
    if (remove) {
        filter = parseObject(**existing);
        filter.insert(QStringLiteral("deleted"), true);
    } else {
        for (auto it = input.begin(); it != input.end(); ++it) {
            if (it.key() != u"id" && it.key() != u"name" && it.key() != u"query" &&
                it.key() != u"department_id")
                return accept(
                    invalid(QStringLiteral("unknown shared filter field \"%1\"").arg(it.key())));
        }
        const QString name = input.value(QLatin1String("name")).toString().trimmed();
        const QString query = input.value(QLatin1String("query")).toString().trimmed();
        if (name.isEmpty() || name.size() > kMaxFilterNameChars)
            return accept(invalid(QStringLiteral("a shared filter needs a name of at most %1 "
                                                 "characters")
                                      .arg(kMaxFilterNameChars)));
        if (query.size() > kMaxFilterQueryChars)
            return accept(invalid(QStringLiteral("a shared filter's query has at most %1 "
                                                 "characters")
                                      .arg(kMaxFilterQueryChars)));
        if (const FilterParse parsed = parseFilter(query); !parsed.good())
            return accept(invalid(u"the query: " + parsed.error->toString()));
        const QJsonValue departmentValue = input.value(QLatin1String("department_id"));
        const QUuid department = uuidOf(departmentValue);
        if (department.isNull() && !departmentValue.isNull() && !departmentValue.isUndefined())
            return accept(invalid(QStringLiteral("department_id is a department's id or null")));
        if (!department.isNull()) {
            auto exists = departmentExists(department);
            if (!exists.good())
                return exists.status();
            if (!*exists)
                return accept(
                    Rejection{QStringLiteral("not_found"), QStringLiteral("no such department")});
        }
        filter = {{QStringLiteral("id"), uuidToString(id)},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("query"), query},
                  {QStringLiteral("department_id"),
                   department.isNull() ? QJsonValue() : QJsonValue(uuidToString(department))},
                  {QStringLiteral("author_id"), uuidToString(session->agent.id)}};
        if (!mayManage(filter))
            return accept(Rejection{QStringLiteral("forbidden"),
                                    QStringLiteral("a lead shares filters with their own "
                                                   "departments; only an admin with everyone")});
    }
    Status st =
        remove
            ? db->run("DELETE FROM shared_filters WHERE id = ?1",
                      [&](Statement &q) { q.bind(1, uuidToBlob(id)); })
            : db->run("INSERT INTO shared_filters(id, department_id, data) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT(id) DO UPDATE SET department_id = excluded.department_id, "
                      "data = excluded.data",
                      [&](Statement &q) {
                          q.bind(1, uuidToBlob(id));
                          q.bind(2,
                                 uuidToBlob(uuidOf(filter.value(QLatin1String("department_id")))));
                          q.bind(3, QString::fromUtf8(compact(filter)));
                      });
    if (!st.good())
        return st;
    // A filter moved to another department leaves the first one's sidebars.
    if (*existing && !remove) {
        QJsonObject before = parseObject(**existing);
        if (before.value(QLatin1String("department_id")) !=
            filter.value(QLatin1String("department_id"))) {
            before.insert(QStringLiteral("deleted"), true);
            pending.append(sharedFilterChange(before));
        }
    }
    pending.append(sharedFilterChange(filter));
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::configureDepartment(const QJsonObject &op,
                                                                           bool create)
{
    const QJsonObject input = op.value(QLatin1String("department")).toObject();
    const QUuid id = uuidOf(input.value(QLatin1String("id")));
    if (id.isNull())
        return accept(invalid(QStringLiteral("a department needs an id")));
    auto name = text("SELECT name FROM departments WHERE id = ?1",
                     [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!name.good())
        return name.status();
    const bool admin = session->agent.role == Role::Admin;
    // A lead may set the queue order and the reply header and footer of their own department;
    // everything else is for admins.
    const QStringList keys = input.keys();
    const bool leadFields = std::all_of(keys.cbegin(), keys.cend(), [](const QString &key) {
        return key == u"id" || key == u"queue_order" || key == u"reply_header" ||
               key == u"reply_footer";
    });
    if (!admin && !(leadFields && !create && leads(id)))
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("only an admin configures departments (a lead may "
                                               "set the queue order and reply header and footer "
                                               "of their own)")});
    if (create == name->has_value())
        return accept(
            create
                ? Rejection{QStringLiteral("duplicate_id"), QStringLiteral("the department exists")}
                : Rejection{QStringLiteral("not_found"), QStringLiteral("no such department")});
    auto stored = departmentSettings(id);
    if (!stored.good())
        return stored.status();
    QJsonObject settings = parseObject(*stored);
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        const QString value = it.value().toString();
        if (key == u"id")
            continue;
        if (!it.value().isString())
            return accept(invalid(QStringLiteral("\"%1\" is text").arg(key)));
        if (key == u"business_hours" && !value.isEmpty()) {
            auto calendar = BusinessCalendar::parse(value);
            if (!calendar.good())
                return accept(invalid(u"business hours: " + calendar.status().message()));
            settings.insert(key, calendar->toString());
        } else if (key == u"sla_policy" && !value.isEmpty()) {
            auto policy = SlaPolicy::parse(value);
            if (!policy.good())
                return accept(invalid(u"SLA policy: " + policy.status().message()));
            settings.insert(key, policy->toString());
        } else if (key == u"queue_order") {
            const auto order = parseQueueOrder(value);
            if (!order)
                return accept(invalid(QStringLiteral("unknown queue order \"%1\"").arg(value)));
            settings.insert(key, toString(*order));
        } else if (key == u"reply_header" || key == u"reply_footer") {
            if (value.size() > kMaxReplyFrameChars)
                return accept(invalid(QStringLiteral("\"%1\" is longer than %2 characters")
                                          .arg(key)
                                          .arg(kMaxReplyFrameChars)));
            settings.insert(key, value.trimmed());
        } else if (key == u"name" || key == u"email" || key == u"business_hours" ||
                   key == u"sla_policy") {
            settings.insert(key, value.trimmed());
        } else {
            return accept(invalid(QStringLiteral("unknown department field \"%1\"").arg(key)));
        }
    }
    const QString newName =
        settings.value(QLatin1String("name")).toString(name->value_or(QString()));
    if (newName.isEmpty())
        return accept(invalid(QStringLiteral("a department needs a name")));
    settings.insert(QStringLiteral("id"), uuidToString(id));
    settings.insert(QStringLiteral("name"), newName);
    Status st = db->run("INSERT INTO departments(id, name) VALUES (?1, ?2) ON CONFLICT(id) DO "
                        "UPDATE SET name = excluded.name",
                        [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, newName); });
    if (!st.good()) {
        if (db->violation() == Db::Violation::Unique)
            return accept(Rejection{QStringLiteral("duplicate_name"),
                                    QStringLiteral("another department has that name")});
        return st;
    }
    const QString settingsText = QString::fromUtf8(compact(settings));
    st = db->run("INSERT INTO department_settings(id, data) VALUES (?1, ?2) ON CONFLICT(id) DO "
                 "UPDATE SET data = excluded.data",
                 [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, settingsText); });
    if (!st.good())
        return st;
    batch.settings.insert(id, settingsText);
    pending.append({QStringLiteral("department"), id, id, QUuid(), settings});
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::updateAgent(const QJsonObject &op)
{
    if (session->agent.role != Role::Admin)
        return accept(
            Rejection{QStringLiteral("forbidden"), QStringLiteral("only an admin manages agents")});
    const QJsonObject input = op.value(QLatin1String("agent")).toObject();
    const QUuid id = uuidOf(input.value(QLatin1String("id")));
    auto exists = agentExists(id);
    if (!exists.good())
        return exists.status();
    if (!*exists)
        return accept(Rejection{QStringLiteral("not_found"), QStringLiteral("no such agent")});
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != u"id" && it.key() != u"role" && it.key() != u"name" &&
            it.key() != u"departments")
            return accept(invalid(QStringLiteral("unknown agent field \"%1\"").arg(it.key())));
    }
    if (input.contains(QLatin1String("role"))) {
        const auto role = parseRole(input.value(QLatin1String("role")).toString());
        if (!role)
            return accept(invalid(QStringLiteral("a role is agent, lead or admin")));
        if (Status st =
                db->run("UPDATE agents SET role = ?2 WHERE id = ?1",
                        [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, int(*role)); });
            !st.good())
            return st;
    }
    if (input.contains(QLatin1String("name"))) {
        const QString name = input.value(QLatin1String("name")).toString().trimmed();
        if (name.isEmpty())
            return accept(invalid(QStringLiteral("an agent needs a name")));
        if (Status st = db->run("UPDATE agents SET name = ?2 WHERE id = ?1",
                                [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, name); });
            !st.good())
            return st;
    }
    if (input.contains(QLatin1String("departments"))) {
        if (Status st = db->run("DELETE FROM agent_departments WHERE agent_id = ?1",
                                [&](Statement &q) { q.bind(1, uuidToBlob(id)); });
            !st.good())
            return st;
        for (const QJsonValue &v : input.value(QLatin1String("departments")).toArray()) {
            const QUuid department = uuidOf(v.toObject().value(QLatin1String("id")));
            const qint64 tier = v.toObject().value(QLatin1String("tier")).toInteger(1);
            auto known = departmentExists(department);
            if (!known.good())
                return known.status();
            if (!*known || tier < 1 || tier > 9)
                return accept(invalid(QStringLiteral("departments are [{\"id\": a department, "
                                                     "\"tier\": 1 to 9}]")));
            if (Status st = db->run("INSERT INTO agent_departments(agent_id, department_id, tier) "
                                    "VALUES (?1, ?2, ?3) ON CONFLICT(agent_id, department_id) "
                                    "DO UPDATE SET tier = excluded.tier",
                                    [&](Statement &q) {
                                        q.bind(1, uuidToBlob(id)).bind(2, uuidToBlob(department));
                                        q.bind(3, tier);
                                    });
                !st.good())
                return st;
        }
    }
    // The agent as GET /api/v1/agents shows it, to the agent and to each of their departments.
    auto row = db->prepare("SELECT email, name, role FROM agents WHERE id = ?1");
    if (!row.good())
        return row.status();
    (*row)->bind(1, uuidToBlob(id));
    QStringList fields;
    if ((*row)->next())
        fields = {(*row)->text(0), (*row)->text(1), (*row)->text(2)};
    Status read = (*row)->status();
    (*row)->reset();
    if (!read.good())
        return read;
    QJsonArray memberships;
    QList<QUuid> departments;
    auto stmt =
        db->prepare("SELECT department_id, tier FROM agent_departments WHERE agent_id = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(id));
    while ((*stmt)->next()) {
        departments.append(uuidFromBlob((*stmt)->blob(0)));
        memberships.append(QJsonObject{{QStringLiteral("id"), uuidToString(departments.last())},
                                       {QStringLiteral("tier"), (*stmt)->int64(1)}});
    }
    (*stmt)->reset();
    const QJsonObject agent{
        {QStringLiteral("id"), uuidToString(id)},
        {QStringLiteral("email"), fields.value(0)},
        {QStringLiteral("name"), fields.value(1)},
        {QStringLiteral("role"), toString(Role(std::clamp(fields.value(2).toInt(), 0, 2)))},
        {QStringLiteral("departments"), memberships}};
    pending.append({QStringLiteral("agent"), id, QUuid(), QUuid(), agent, id});
    for (const QUuid &department : std::as_const(departments))
        pending.append({QStringLiteral("agent"), id, department, QUuid(), agent});
    return accept();
}

Result<std::optional<QJsonObject>> ServerStore::ticket(const AgentSession &session, const QUuid &id)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    // As stored: a ticket written before a field was added is served without it.
    auto row = d->text("SELECT data FROM tickets WHERE id = ?1",
                       [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
    if (!row.good())
        return row.status();
    const QJsonObject ticket = *row ? parseObject(**row) : QJsonObject();
    if (!*row || !d->mayAccess(uuidOf(ticket.value(QLatin1String("department_id")))))
        return std::optional<QJsonObject>();
    const auto collect = [&](const char *sql) -> Result<QJsonArray> {
        auto stmt = d->db->prepare(sql);
        if (!stmt.good())
            return stmt.status();
        (*stmt)->bind(1, uuidToBlob(id));
        QJsonArray rows;
        while ((*stmt)->next())
            rows.append(parseObject((*stmt)->text(0)));
        Status s = (*stmt)->status();
        (*stmt)->reset();
        if (!s.good())
            return s;
        return rows;
    };
    auto messages = collect("SELECT data FROM messages WHERE ticket_id = ?1 ORDER BY rid");
    if (!messages.good())
        return messages.status();
    auto history = collect("SELECT data FROM history WHERE ticket_id = ?1 ORDER BY rid");
    if (!history.good())
        return history.status();
    return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("ticket"), ticket},
                                                  {QStringLiteral("messages"), *messages},
                                                  {QStringLiteral("history"), *history}});
}

Result<std::optional<QJsonObject>> ServerStore::contact(const AgentSession &session,
                                                        const QUuid &id)
{
    std::lock_guard lock(d->mutex);
    auto data = d->text("SELECT data FROM contacts WHERE id = ?1",
                        [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!data.good())
        return data.status();
    if (!*data)
        return std::optional<QJsonObject>();
    if (session.agent.role != Role::Admin) {
        // Visible through a ticket of one of the session's departments.
        auto departments = d->requesterDepartments(id);
        if (!departments.good())
            return departments.status();
        d->session = &session;
        if (std::none_of(departments->cbegin(), departments->cend(),
                         [&](const QUuid &department) { return d->mayAccess(department); }))
            return std::optional<QJsonObject>();
    }
    return std::optional<QJsonObject>(parseObject(**data));
}

Result<QJsonArray> ServerStore::agents(const AgentSession &session)
{
    std::lock_guard lock(d->mutex);
    auto stmt = d->db->prepare("SELECT a.id, a.email, a.name, a.role, ad.department_id, ad.tier "
                               "FROM agents a LEFT JOIN agent_departments ad ON ad.agent_id = a.id "
                               "ORDER BY a.name, a.id");
    if (!stmt.good())
        return stmt.status();
    d->session = &session;
    QJsonArray result;
    QJsonObject current;
    QJsonArray departments;
    bool shares = false;
    const auto flush = [&] {
        if (!current.isEmpty() &&
            (shares || session.agent.role == Role::Admin ||
             uuidOf(current.value(QLatin1String("id"))) == session.agent.id)) {
            current.insert(QStringLiteral("departments"), departments);
            result.append(current);
        }
        current = {};
        departments = {};
        shares = false;
    };
    while ((*stmt)->next()) {
        const QString id = uuidToString(uuidFromBlob((*stmt)->blob(0)));
        if (current.value(QLatin1String("id")).toString() != id) {
            flush();
            current = QJsonObject{{QStringLiteral("id"), id},
                                  {QStringLiteral("email"), (*stmt)->text(1)},
                                  {QStringLiteral("name"), (*stmt)->text(2)},
                                  {QStringLiteral("role"),
                                   toString(Role(std::clamp<qint64>((*stmt)->int64(3), 0, 2)))}};
        }
        if (!(*stmt)->isNull(4)) {
            const QUuid department = uuidFromBlob((*stmt)->blob(4));
            shares = shares || (session.agent.role != Role::Admin && d->mayAccess(department));
            departments.append(QJsonObject{{QStringLiteral("id"), uuidToString(department)},
                                           {QStringLiteral("tier"), (*stmt)->int64(5)}});
        }
    }
    flush();
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
}

Result<QJsonArray> ServerStore::departments(const AgentSession &session)
{
    std::lock_guard lock(d->mutex);
    auto stmt = d->db->prepare("SELECT d.id, d.name, s.data FROM departments d LEFT JOIN "
                               "department_settings s ON s.id = d.id ORDER BY d.name");
    if (!stmt.good())
        return stmt.status();
    d->session = &session;
    QJsonArray result;
    while ((*stmt)->next()) {
        const QUuid id = uuidFromBlob((*stmt)->blob(0));
        if (!d->mayAccess(id))
            continue;
        QJsonObject department = parseObject((*stmt)->text(2));
        department.insert(QStringLiteral("id"), uuidToString(id));
        department.insert(QStringLiteral("name"), (*stmt)->text(1));
        if (!department.contains(QLatin1String("queue_order")))
            department.insert(QStringLiteral("queue_order"), toString(QueueOrder::PriorityThenAge));
        result.append(department);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
}

Result<QJsonArray> ServerStore::cannedResponses(const AgentSession &session)
{
    std::lock_guard lock(d->mutex);
    auto stmt = d->db->prepare("SELECT scope, owner_id, data FROM canned_responses ORDER BY rid");
    if (!stmt.good())
        return stmt.status();
    d->session = &session;
    QJsonArray result;
    while ((*stmt)->next()) {
        const QString scope = (*stmt)->text(0);
        const QUuid owner = uuidFromBlob((*stmt)->blob(1));
        const bool visible = scope == u"global" ||
                             (scope == u"personal" && owner == session.agent.id) ||
                             (scope == u"department" && d->mayAccess(owner));
        if (visible)
            result.append(parseObject((*stmt)->text(2)));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
}

Result<QJsonArray> ServerStore::sharedFilters(const AgentSession &session)
{
    std::lock_guard lock(d->mutex);
    auto stmt = d->db->prepare("SELECT department_id, data FROM shared_filters ORDER BY rid");
    if (!stmt.good())
        return stmt.status();
    d->session = &session;
    QJsonArray result;
    while ((*stmt)->next()) {
        const QUuid department = uuidFromBlob((*stmt)->blob(0));
        if (department.isNull() || d->mayAccess(department))
            result.append(parseObject((*stmt)->text(1)));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
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
    Db::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    if (Status s = d->db->lockWriters(); !s.good())
        return s;
    d->batch = {};
    const auto forget = qScopeGuard([this] { d->batch = {}; });
    d->pending.clear();
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
                "INSERT INTO tickets(id, number, department_id, data) VALUES (?1, ?2, ?3, ?4)",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(id));
                    st.bind(2, qint64(ticket.value(QLatin1String("number")).toInteger()));
                    st.bind(3, uuidToBlob(department));
                    st.bind(4, QString::fromUtf8(compact(ticket)));
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

Result<std::optional<ServerStore::AttachmentInfo>>
ServerStore::attachment(const AgentSession &session, const QString &hash)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    auto size = d->storedSize(hash);
    if (!size.good())
        return size.status();
    if (!*size)
        return std::optional<AttachmentInfo>();
    AttachmentInfo info{**size, hash, QStringLiteral("application/octet-stream")};
    // The first visible ticket that references it names it: its message's name and type.
    auto references = d->attachmentReferences(hash);
    if (!references.good())
        return references.status();
    if (const std::optional<QUuid> &id = references->visible) {
        auto messages =
            d->db->prepare("SELECT data FROM messages WHERE ticket_id = ?1 AND data LIKE ?2");
        if (!messages.good())
            return messages.status();
        (*messages)->bind(1, uuidToBlob(*id)).bind(2, QStringLiteral("%") + hash + u'%');
        bool named = false;
        while (!named && (*messages)->next()) {
            const QJsonArray list =
                parseObject((*messages)->text(0)).value(QLatin1String("attachments")).toArray();
            for (const QJsonValue &v : list) {
                const QJsonObject a = v.toObject();
                if (a.value(QLatin1String("hash")).toString() == hash) {
                    info.name = a.value(QLatin1String("name")).toString();
                    info.mimeType = a.value(QLatin1String("type")).toString();
                    named = true;
                    break;
                }
            }
        }
        Status s = (*messages)->status();
        (*messages)->reset();
        if (!s.good())
            return s;
        return std::optional<AttachmentInfo>(info);
    }
    // Referenced by no ticket: its uploader may read it back.
    if (references->any)
        return std::optional<AttachmentInfo>();
    auto mine = d->claimed(hash);
    if (!mine.good())
        return mine.status();
    if (!*mine)
        return std::optional<AttachmentInfo>();
    return std::optional<AttachmentInfo>(info);
}

Result<std::optional<qint64>> ServerStore::claimStoredUpload(const AgentSession &session,
                                                             const QString &hash, qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    d->now = nowMs;
    Db::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    auto size = d->storedSize(hash);
    if (!size.good())
        return size.status();
    if (!*size)
        return std::optional<qint64>();
    // Only to an agent who may read it already. Anyone else proves to hold the content by
    // sending it (stored once all the same), so that a hash is never a key to content nor
    // tells whether the server holds it.
    auto mine = d->claimed(hash);
    if (!mine.good())
        return mine.status();
    if (!*mine) {
        auto visible = d->attachmentVisible(hash);
        if (!visible.good())
            return visible.status();
        if (!*visible)
            return std::optional<qint64>();
    }
    if (Status s = d->claim(hash); !s.good())
        return s;
    if (Status s = tx.commit(); !s.good())
        return s;
    return *size;
}

Status ServerStore::recordUpload(const AgentSession &session, const QString &hash, qint64 size,
                                 qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    d->now = nowMs;
    Db::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    Status s = d->db->run("INSERT INTO attachment_files(hash, size, created_ms) VALUES (?1, ?2, "
                          "?3) ON CONFLICT(hash) DO UPDATE SET created_ms = excluded.created_ms",
                          [&](Statement &st) { st.bind(1, hash).bind(2, size).bind(3, nowMs); });
    if (s.good())
        s = d->claim(hash);
    if (s.good())
        s = tx.commit();
    return s;
}

std::filesystem::path ServerStore::attachmentDirectory() const
{
    return d->attachmentDirectory;
}

Result<ServerStore::AttachmentTotals> ServerStore::attachmentTotals()
{
    auto reader = d->readers->lend(); // a metrics scrape never waits for the writer
    if (!reader.good())
        return reader.status();
    auto stmt = (**reader)->prepare(
        "SELECT count(*), CAST(coalesce(sum(size), 0) AS BIGINT) FROM attachment_files");
    if (!stmt.good())
        return stmt.status();
    AttachmentTotals totals;
    if ((*stmt)->next()) {
        totals.count = (*stmt)->int64(0);
        totals.bytes = (*stmt)->int64(1);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return totals;
}

Result<ServerStore::SweepResult> ServerStore::sweepUploads(qint64 nowMs, qint64 maxAgeMs)
{
    namespace fs = std::filesystem;
    const qint64 cutoff = nowMs - maxAgeMs;
    const auto fileTimeMs = [](const fs::path &path) -> std::optional<qint64> {
        struct stat st
        {
        };
        if (::stat(path.c_str(), &st) != 0)
            return std::nullopt;
        return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
    };
    SweepResult result;
    std::lock_guard lock(d->mutex);
    {
        Db::Transaction tx(*d->db);
        if (!tx.status().good())
            return tx.status();
        Status s = d->db->run("DELETE FROM upload_claims WHERE created_ms < ?1",
                              [&](Statement &st) { st.bind(1, cutoff); });
        if (!s.good())
            return s;
        result.claimsRemoved = d->db->changes();
        if (s = tx.commit(); !s.good())
            return s;
    }
    std::error_code ec;
    const fs::path &root = d->attachmentDirectory;
    // Partial uploads nobody added to for maxAge.
    for (const fs::directory_entry &entry :
         fs::directory_iterator(AttachmentFiles::partialDirectory(root), ec)) {
        const std::optional<qint64> time = fileTimeMs(entry.path());
        if (time && *time < cutoff && ::unlink(entry.path().c_str()) == 0)
            ++result.filesRemoved;
    }
    // Complete files that no ticket references and nobody claims.
    for (const fs::directory_entry &prefix : fs::directory_iterator(root, ec)) {
        const std::string prefixName = prefix.path().filename().string();
        if (prefixName.size() != 2 || !prefix.is_directory(ec))
            continue;
        for (const fs::directory_entry &entry : fs::directory_iterator(prefix.path(), ec)) {
            const QString hash = QString::fromStdString(entry.path().filename().string());
            const std::optional<qint64> time = fileTimeMs(entry.path());
            if (!time || *time >= cutoff)
                continue;
            if (!AttachmentFiles::isValidHash(hash.toStdString())) {
                if (hash.endsWith(QLatin1String(".tmp"))) // an interrupted migration's file
                    ::unlink(entry.path().c_str());
                continue;
            }
            Db::Transaction tx(*d->db);
            if (!tx.status().good())
                return tx.status();
            auto used = d->text("SELECT (SELECT count(*) FROM ticket_attachments WHERE hash = ?1) "
                                "+ (SELECT count(*) FROM upload_claims WHERE hash = ?1)",
                                [&](Statement &st) { st.bind(1, hash); });
            if (!used.good())
                return used.status();
            if (used->value_or(QString()).toLongLong() > 0)
                continue;
            Status s = d->db->run("DELETE FROM attachment_files WHERE hash = ?1",
                                  [&](Statement &st) { st.bind(1, hash); });
            if (s.good())
                s = tx.commit();
            if (!s.good())
                return s;
            if (::unlink(entry.path().c_str()) == 0)
                ++result.filesRemoved;
        }
    }
    return result;
}

namespace {

// A stored snapshot as the feed sends it: the stored text when it is a JSON object (the store
// writes compact JSON), else the object it parses to ({} for damaged text), so that a page is
// always valid JSON.
void appendSnapshot(std::string &out, const QByteArray &stored)
{
    const QByteArray trimmed = stored.trimmed();
    if (trimmed.startsWith('{') && trimmed.endsWith('}') && !trimmed.contains('\0')) {
        out.append(trimmed.constData(), std::size_t(trimmed.size()));
        return;
    }
    out += compact(parseObject(QString::fromUtf8(stored))).toStdString();
}

// A change's type: one of the store's own names ("ticket", "canned_response"), which need no
// escaping; anything else is escaped as JSON.
void appendKind(std::string &out, const QByteArray &kind)
{
    const bool plain = std::all_of(kind.begin(), kind.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    if (plain) {
        out.append("\"").append(kind.constData(), std::size_t(kind.size())).append("\"");
        return;
    }
    const QByteArray array =
        QJsonDocument(QJsonArray{QString::fromUtf8(kind)}).toJson(QJsonDocument::Compact);
    out.append(array.constData() + 1, std::size_t(array.size() - 2)); // without [ and ]
}

} // namespace

Result<std::string> ServerStore::changes(const AgentSession &session, qint64 since, int limit)
{
    limit = std::clamp(limit, 1, kMaxChangesPerPage);
    QList<QByteArray> departments;
    for (const DepartmentMembership &m : session.agent.departments)
        departments.append(uuidToBlob(m.departmentId));
    const bool admin = session.agent.role == Role::Admin;
    const QByteArray self = uuidToBlob(session.agent.id);

    // On a reader: a page never waits for apply(), nor apply() for a page. Its one statement
    // sees a committed snapshot, which holds every revision up to some R and none above.
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    Db::Connection &db = ***reader;
    auto stmt = db.prepare("SELECT revision, kind, entity_id, department_id, "
                           "previous_department_id, data, agent_id, everyone FROM changes "
                           "WHERE revision > ?1 ORDER BY revision LIMIT ?2");
    if (!stmt.good())
        return stmt.status();
    Statement &s = **stmt;
    s.bind(1, since).bind(2, limit);
    std::string out = "{\"changes\":[";
    bool first = true;
    qint64 next = since;
    int scanned = 0;
    while (s.next()) {
        ++scanned;
        next = s.int64(0);
        const QByteArray onlyFor = s.blob(6);
        const bool visible = s.int64(7) != 0      ? true
                             : !onlyFor.isEmpty() ? onlyFor == self
                                                  : admin || departments.contains(s.blob(3));
        const QByteArray kind = s.blob(1);
        const bool gone = !visible && kind == "ticket" && departments.contains(s.blob(4));
        if (!visible && !gone)
            continue;
        out += first ? "{\"revision\":" : ",{\"revision\":";
        first = false;
        out += std::to_string(next);
        if (visible) {
            out += ",\"type\":";
            appendKind(out, kind);
            out += ",\"data\":";
            appendSnapshot(out, s.blob(5));
            out += '}';
        } else {
            out += ",\"type\":\"gone\",\"ticket_id\":\"";
            out += uuidToString(uuidFromBlob(s.blob(2))).toStdString();
            out += "\"}";
        }
    }
    Status status = s.status();
    s.reset();
    if (!status.good())
        return status;
    // The newest revision, so that a client can show how far it has come.
    auto head = db.prepare("SELECT max(revision) FROM changes");
    if (!head.good())
        return head.status();
    const qint64 newest = (*head)->next() ? (*head)->int64(0) : 0;
    status = (*head)->status();
    (*head)->reset();
    if (!status.good())
        return status;
    out += "],\"next\":" + std::to_string(next);
    out += scanned == limit ? ",\"more\":true" : ",\"more\":false";
    out += ",\"head\":" + std::to_string(std::max(next, newest));
    out += '}';
    return out;
}

} // namespace Pult
