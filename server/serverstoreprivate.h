#pragma once

// The inside of ServerStore, shared by the files it is split into along its seams:
//   serverstore.cpp        opening, the op loop (apply) with its savepoints, the demo import;
//   ticketops.cpp          the ticket ops: create, message, fields, tags, take, spam, merge, link;
//   settingsops.cpp        contacts, canned responses, shared filters, departments, agents;
//   serverreads.cpp        the scoped reads and the change feed;
//   serverattachments.cpp  attachment metadata, upload claims and the sweep;
//   serveringest.cpp       mail from department mailboxes turned into tickets and messages;
//   rulesengine.cpp        automation rules: stored, and run on what an op did;
//   ruletimers.cpp         the time rules' timers, armed as tickets are written, and fired;
//   assignment.cpp         a department's assignment of new tickets, and agents away.
// Each op is a member function of Private that checks the agent's rights and the op's rules,
// edits domain values (tickets through openTicket/createdTicket), writes through the store's
// connection and appends the changes it makes to `pending`; apply() gives them revisions.

#include "serverstore.h"

#include "attachmentfiles.h"
#include "filterquery.h"
#include "rules.h"
#include "storedb.h"
#include "uuid.h"
#include "wire.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace Pult {

using Db::Statement;

// A department's reply header or footer is a few lines of text.
inline constexpr qsizetype kMaxReplyFrameChars = 4000;
// A department's auto-reply texts (auto_reply, auto_reply_outside_hours) are a short letter.
inline constexpr qsizetype kMaxAutoReplyChars = 4000;
// A shared filter's name fits a sidebar row; its query a filter bar.
inline constexpr qsizetype kMaxFilterNameChars = 200;
inline constexpr qsizetype kMaxFilterQueryChars = 2000;

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline QJsonObject parseObject(const QString &text)
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
inline Result<std::optional<Rejection>> accept(std::optional<Rejection> rejection = std::nullopt)
{
    return rejection;
}

inline Rejection invalid(const QString &message)
{
    return {QStringLiteral("invalid_op"), message};
}

inline Rejection notFound(const QUuid &id)
{
    return {QStringLiteral("not_found"),
            QStringLiteral("no ticket %1 in your departments").arg(uuidToString(id))};
}

// The mail body, ending with the paragraph that gives the ticket's status link
// (kStatusLinkPlaceholder) in the language unless it names the link already (customerstore.cpp).
QString withStatusLinkParagraph(const QString &body, const QString &language);

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

    QString kind; // ticket, message, history, contact, department, canned_response, shared_filter,
                  // notification
    QUuid entity;
    QUuid department;
    QUuid previousDepartment;
    QJsonObject data;      // empty when json holds the snapshot
    QByteArray json;       // the snapshot as compact JSON, when it was written already
    QUuid agent;           // set: only this agent sees it
    bool everyone = false; // everyone sees it
    bool resent = false;   // a stored message or history event again, for another department
};

// A time field: an ISO 8601 string or null; nullopt when it is neither.
inline std::optional<QJsonValue> timeInput(const QJsonValue &v)
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

// A multi-row INSERT's texts for 1 to kRowsPerInsert rows. Statements are prepared once per
// connection and cached by their text's address, so each size is built once, here.
inline constexpr int kRowsPerInsert = 16;
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

inline const MultiRowInsert
    kChangeInserts("INSERT INTO changes(revision, kind, entity_id, department_id, "
                   "previous_department_id, agent_id, everyone, data) VALUES ",
                   8);
inline const MultiRowInsert kHistoryInserts("INSERT INTO history(id, ticket_id, data) VALUES ", 3);

// The change of a canned response, seen as its scope says: its owner, its department, everyone.
inline Change cannedResponseChange(const QJsonObject &response)
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

// The change of a shared filter: its department's members see it, or everyone (no department).
// One text column of the first row, or nullopt.
template<typename Bind>
Result<std::optional<QString>> firstText(Db::Connection &db, const char *sql, Bind &&bind)
{
    auto stmt = db.prepare(sql);
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

// Whether the session may see what belongs to the department: admins all, others their own.
// Rows of `sql` (one parameter: a ticket id) as JSON objects parsed from column 0.
inline Result<QJsonArray> jsonRows(Db::Connection &db, const char *sql, const QUuid &ticket)
{
    auto stmt = db.prepare(sql);
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(ticket));
    QJsonArray rows;
    while ((*stmt)->next())
        rows.append(parseObject((*stmt)->text(0)));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return rows;
}

inline bool mayAccess(const AgentSession &session, const QUuid &department)
{
    if (session.agent.role == Role::Admin)
        return true;
    return std::any_of(session.agent.departments.cbegin(), session.agent.departments.cend(),
                       [&](const DepartmentMembership &m) { return m.departmentId == department; });
}

// The ids in column 0 of the rows of `sql`, its parameters bound by `bind`.
template<typename Bind>
Result<QList<QUuid>> idRows(Db::Connection &db, const char *sql, Bind &&bind)
{
    auto stmt = db.prepare(sql);
    if (!stmt.good())
        return stmt.status();
    bind(**stmt);
    QList<QUuid> ids;
    while ((*stmt)->next())
        ids.append(uuidFromBlob((*stmt)->blob(0)));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return ids;
}

// The departments of the tickets the contact is the requester of.
inline Result<QList<QUuid>> requesterDepartments(Db::Connection &db, const QUuid &contact)
{
    return idRows(db,
                  db.pick("SELECT DISTINCT department_id FROM tickets WHERE "
                          "json_extract(data, '$.requester_id') = ?1",
                          "SELECT DISTINCT department_id FROM tickets WHERE "
                          "(data::jsonb ->> 'requester_id') = ?1"),
                  [&](Statement &st) { st.bind(1, uuidToString(contact)); });
}

inline Change sharedFilterChange(const QJsonObject &filter)
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

// How a department assigns its new tickets (assignment.cpp): manual, round-robin, least-loaded.
QStringList assignmentMethods();

// An automation rule as the engine runs it (rulesengine.cpp).
struct ActiveRule
{
    Rule rule;
    RuleWhen when;
    QList<RuleAction> actions;
    Filter condition; // parsed
    // Compiled with the names and the time of the batch (ServerStore::Private::prepare), or why
    // it no longer compiles (a department or agent it names is gone).
    std::optional<CompiledFilter> compiled;
    QString compileError;
    bool writesRows = false; // an action writes rows (a note, a reply), not only the ticket
};

// What conditions read of a ticket while the rules run on it: its facts, made once per state of
// the ticket (forgotten when a rule changed it), with the requester and the messages for
// conditions with text, requester or has: terms (read once, again after a rule added a note).
struct RuleFacts
{
    std::optional<TicketFacts> plain;
    std::optional<TicketFacts> full;
    bool read = false;
    std::optional<Contact> requester;
    QList<Message> messages;
};

struct ServerStore::Private
{
    class WriteBatch; // one write transaction (below)
    std::mutex mutex; // one writer: every apply() and the revision counter
    std::unique_ptr<Db::Connection> db;
    std::unique_ptr<ReaderPool> readers;
    UuidV7Generator ids;
    std::filesystem::path attachmentDirectory; // DATA/attachments
    QByteArray messageIdKey;                   // signs outgoing Message-IDs
    QByteArray secretsKey;                     // DATA/secrets.key: seals mailbox passwords
    QByteArray statusLinkKey;                  // derives status link tokens (customerstore.cpp)
    QString publicUrl;                         // where customers reach pultd
    std::function<void()> mailQueued;          // wakes the mail outbox after a commit
    bool queuedMail = false;                   // this batch queued mail
    std::function<void()> mailboxesChanged;    // wakes the mail fetchers after a commit
    bool changedMailboxes = false;             // this batch added, changed or removed one

    // The op being applied.
    const AgentSession *session = nullptr;
    qint64 now = 0;
    QList<Change> pending;
    // The messages the op stored (storeMessage): what the rules' reply and note triggers see.
    struct OpMessage
    {
        QUuid ticket;
        MessageKind kind;
    };
    QList<OpMessage> opMessages;
    // While a rule acts: its name, which the history events it makes carry instead of an agent.
    QString actingRule;
    // While pultd acts by itself (a department's assignment): history events have no actor.
    bool automatic = false;
    // The time rules due now, by ticket and rule (runTimers): events for runRules.
    QList<std::pair<QUuid, QUuid>> timeEvents;
    std::function<void(qint64)> timersArmed; // tells the scheduler of a timer after a commit

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
        QStringList erasedFiles;        // attachments an erasure unreferenced: removed on commit
        std::optional<QList<ActiveRule>> rules; // the enabled rules, in order, once read
        std::optional<FilterContext> names;     // departments and agents rules resolve names in
        std::optional<qint64> earliestTimer;    // the earliest rule timer this batch armed

        // What an op may change, noted before it runs: a rejected op's rollback restores these
        // and forgets what was read, which may have been the op's own writes. (Copying the whole
        // memory per op instead copied every ticket of the batch, a hundred times a batch.)
        struct Mark
        {
            qsizetype erasedFiles = 0;
            std::optional<qint64> earliestTimer;
        };
        Mark mark() const { return {erasedFiles.size(), earliestTimer}; }
        void rollBackTo(const Mark &m)
        {
            BatchMemory kept;
            kept.erasedFiles = erasedFiles.first(m.erasedFiles);
            kept.earliestTimer = m.earliestTimer;
            *this = std::move(kept);
        }
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
            Status s = (*stmt)->execLater();
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
        return Pult::requesterDepartments(*db, contact);
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
        return firstText(*db, sql, std::forward<Bind>(bind));
    }

    bool mayAccess(const QUuid &department) const { return Pult::mayAccess(*session, department); }

    Result<bool> departmentExists(const QUuid &id)
    {
        auto row = text("SELECT name FROM departments WHERE id = ?1",
                        [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
        if (!row.good())
            return row.status();
        return row->has_value();
    }

    // Whether the agent may hold tickets of the department: an admin, or one of its members.
    Result<bool> mayHold(const QUuid &agent, const QUuid &department)
    {
        auto row = text("SELECT a.name FROM agents a WHERE a.id = ?1 AND (a.role = ?2 OR EXISTS "
                        "(SELECT 1 FROM agent_departments ad WHERE ad.agent_id = a.id AND "
                        "ad.department_id = ?3))",
                        [&](Statement &s) {
                            s.bind(1, uuidToBlob(agent)).bind(2, int(Role::Admin));
                            s.bind(3, uuidToBlob(department));
                        });
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

    // A stored contact; nullopt when there is none (or its JSON does not parse).
    Result<std::optional<Contact>> storedContact(const QUuid &id)
    {
        auto row = text("SELECT data FROM contacts WHERE id = ?1",
                        [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
        if (!row.good())
            return row.status();
        if (!*row)
            return std::optional<Contact>();
        auto contact = Wire::contactFromJson(parseObject(**row));
        return contact.good() ? std::optional<Contact>(std::move(*contact))
                              : std::optional<Contact>();
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

    // Runs edit on the op's copy of the ticket it names ("ticket_id") when the agent may see it
    // (the op is rejected as not_found otherwise). edit answers a rejection, or nothing to
    // accept the op; writeTickets() stores what it changed.
    template<typename Edit>
    Result<std::optional<Rejection>> editTicket(const QJsonObject &op, Edit &&edit)
    {
        const QUuid ticketId = uuidOf(op.value(QLatin1String("ticket_id")));
        if (ticketId.isNull())
            return accept(invalid(QStringLiteral("%1 needs a \"ticket_id\" (a UUID)")
                                      .arg(op.value(QLatin1String("type")).toString())));
        auto found = openTicket(ticketId);
        if (!found.good())
            return found.status();
        if (!*found)
            return accept(notFound(ticketId));
        return edit(**found);
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
        if (Status s = runRules(); !s.good())
            return s;
        if (Status s = assignNewTickets(); !s.good())
            return s;
        for (WorkTicket &w : work) {
            if (!w.created && w.ticket == w.before)
                continue;
            const QUuid id = w.ticket.id;
            w.ticket.updated = nowTime();
            if (Status sla = applySla(w.ticket); !sla.good())
                return sla;
            if (Status timers = armTimers(w); !timers.good())
                return timers;
            if (Status survey = surveyOnStatusChange(w.before, w.ticket); !survey.good())
                return survey;
            Change change(QStringLiteral("ticket"), id, w.ticket.departmentId,
                          w.created ? QUuid() : w.before.departmentId, {});
            change.json = Wire::toJsonText(w.ticket);
            Status s = db->runLater(
                "INSERT INTO tickets(id, number, department_id, data, assignee_id, status) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET department_id = "
                "excluded.department_id, data = excluded.data, assignee_id = "
                "excluded.assignee_id, status = excluded.status",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(id)).bind(2, w.ticket.number.value_or(0));
                    st.bind(3, uuidToBlob(w.ticket.departmentId));
                    st.bind(4, QString::fromUtf8(change.json));
                    st.bind(5, uuidToBlob(w.ticket.assigneeId)).bind(6, toString(w.ticket.status));
                });
            if (!s.good())
                return s;
            const QString idText = uuidToString(id);
            const auto first =
                !w.created
                    ? pending.cend()
                    : std::find_if(pending.cbegin(), pending.cend(), [&](const Change &c) {
                          return (c.kind == u"message" || c.kind == u"history" ||
                                  c.kind == u"notification") &&
                                 c.data.value(QLatin1String("ticket_id")).toString() == idText;
                      });
            pending.insert(first - pending.cbegin(), std::move(change));
            if (!w.created && w.before.departmentId != w.ticket.departmentId) {
                if (Status r = resendConversation(id, w.ticket.departmentId); !r.good())
                    return r;
            }
            batch.tickets.insert(id, w.ticket);
        }
        work.clear();
        opMessages.clear();
        return {};
    }

    // A ticket that moved brings its conversation to the department it moved to, whose agents
    // had none of it: its stored messages and history as changes for that department, after the
    // ticket's own change. (The op's own history events are not stored yet: they are pending
    // with the new department already.)
    Status resendConversation(const QUuid &ticket, const QUuid &department)
    {
        for (const char *kind : {"message", "history"}) {
            auto rows = jsonRows(*db,
                                 kind[0] == 'm'
                                     ? "SELECT data FROM messages WHERE ticket_id = ?1 ORDER BY rid"
                                     : "SELECT data FROM history WHERE ticket_id = ?1 ORDER BY rid",
                                 ticket);
            if (!rows.good())
                return rows.status();
            for (const QJsonValue &row : std::as_const(*rows)) {
                QJsonObject data = row.toObject();
                data.remove(QLatin1String("revision")); // the stored change's, not this one's
                const QUuid id = uuidOf(data.value(QLatin1String("id")));
                Change copy(QString::fromLatin1(kind), id, department, QUuid(), std::move(data));
                copy.resent = true;
                pending.append(std::move(copy));
            }
        }
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
        event.actorId = actingRule.isEmpty() && !automatic ? session->agent.id : QUuid();
        event.rule = actingRule;
        event.time = nowTime();
        event.field = field;
        event.oldValue = oldValue.isNull() ? QString() : text(oldValue);
        event.newValue = newValue.isNull() ? QString() : text(newValue);
        pending.append({QStringLiteral("history"), event.id, ticket.departmentId, QUuid(),
                        Wire::toJson(event)});
    }

    // The stored results of the batch's ops that were sent before, by op id: one statement for
    // up to kIdsPerLookup ops rather than one per op (a round trip each on PostgreSQL).
    Result<QHash<QUuid, QJsonObject>> previousResults(const QJsonArray &ops)
    {
        constexpr int kIdsPerLookup = 100;
        static const QByteArray sql = [] {
            QByteArray text("SELECT op_id, result FROM ops WHERE op_id IN (?1");
            for (int i = 2; i <= kIdsPerLookup; ++i)
                text.append(", ?").append(QByteArray::number(i));
            return text.append(')');
        }();
        QList<QByteArray> ids;
        for (const QJsonValue &op : ops) {
            if (const QUuid id = uuidOf(op.toObject().value(QLatin1String("id"))); !id.isNull())
                ids.append(uuidToBlob(id));
        }
        QHash<QUuid, QJsonObject> found;
        for (qsizetype done = 0; done < ids.size(); done += kIdsPerLookup) {
            auto stmt = db->prepare(sql.constData());
            if (!stmt.good())
                return stmt.status();
            for (int i = 0; i < kIdsPerLookup; ++i) {
                if (done + i < ids.size())
                    (*stmt)->bind(i + 1, ids[done + i]);
                else
                    (*stmt)->bindNull(i + 1); // matches nothing
            }
            while ((*stmt)->next())
                found.insert(uuidFromBlob((*stmt)->blob(0)), parseObject((*stmt)->text(1)));
            Status s = (*stmt)->status();
            (*stmt)->reset();
            if (!s.good())
                return s;
        }
        return found;
    }

    // Stores the result of something done once under its key (an op's id, a mail's key, a
    // customer post's id) and who did it, so that the same thing sent again gets this result
    // instead of being done twice.
    Status recordResult(const QUuid &key, const QUuid &by, const QJsonObject &result)
    {
        return db->runLater("INSERT INTO ops(op_id, agent_id, result) VALUES (?1, ?2, ?3)",
                            [&](Statement &st) {
                                st.bind(1, uuidToBlob(key)).bind(2, uuidToBlob(by));
                                st.bind(3, QString::fromUtf8(compact(result)));
                            });
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
            if (c.kind == u"history" && !c.resent)
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
    // The email channel (serveringest.cpp): the ticket a mail answers by its threading headers,
    // or by the "[#N]" of its subject when its sender may name that ticket.
    Result<std::optional<QUuid>> threadedTicket(const InboundMail &mail);
    Result<std::optional<QUuid>> numberedTicket(const InboundMail &mail);
    // Stores a new message of the ticket (its attachments referenced by the ticket) and its
    // change; duplicate_id when a message with its id exists.
    Result<std::optional<Rejection>> storeMessage(Ticket &ticket, const Message &message);
    // Queues the reply as mail when the ticket's department has a mailbox and its requester an
    // address (mailoutboxstore.cpp); nothing otherwise.
    Status queueReplyMail(const Ticket &ticket, const Message &message);
    // What queueTicketMail sends: a reply (the message's text and attachments, to the requester
    // and the ticket's Cc) or an auto-reply (to `to` only, with Auto-Submitted: auto-replied).
    struct TicketMail
    {
        QUuid id; // mail_outbox's and mail_messages' key: the reply's message id, or a new one
        QString body;
        QList<Attachment> attachments;
        bool autoReply = false;
        QString to; // an auto-reply's recipient (the sender), and their name
        QString toName;
        // A satisfaction survey: to the requester, "Auto-Submitted: auto-generated", under its
        // own subject, sent no earlier than notBeforeMs.
        bool survey = false;
        QString subject; // empty: "[#N] subject" ("Re: " in front after customer mail)
        qint64 notBeforeMs = 0;
    };
    // Queues the mail when the ticket's department has a mailbox and the mail a recipient; false
    // when it had neither (nothing queued).
    Result<bool> queueTicketMail(const Ticket &ticket, const TicketMail &mail);
    // A new ticket's auto-reply to the mail that made it, as Ingested::autoReply says.
    Result<QString> queueAutoReply(const Ticket &ticket, const InboundMail &mail);
    Result<std::optional<Rejection>> setFields(const QJsonObject &op);
    // set_fields' work on one ticket: "fields" as the op names them, history for each change.
    Result<std::optional<Rejection>> editFields(Ticket &ticket, const QJsonObject &fields);
    // The ticket's tags become `tags` (normalised), with their history when they changed.
    void retag(Ticket &ticket, const QStringList &tags);
    void setSpam(Ticket &ticket, bool spam);
    // Automation (rulesengine.cpp). Runs the rules on each ticket the op changed or created, for
    // what happened to it, before writeTickets() writes it: their changes are part of the op.
    Status runRules();
    // The enabled rules in order (read once per batch), and the names their texts resolve in.
    Result<const QList<ActiveRule> *> activeRules();
    Result<const FilterContext *> ruleNames();
    // Does the rule's actions to the ticket, as the rule; a rejection when one cannot be done
    // (the caller undoes the others).
    Result<std::optional<Rejection>> act(const ActiveRule &rule, Ticket &ticket);
    // The canned response a rule's reply:SHORTCUT sends on a ticket of the department: one of
    // the department's, else a global one, by shortcut or title (regardless of case).
    Result<std::optional<CannedResponse>> cannedForRule(const QString &shortcut,
                                                        const QUuid &department);
    // Sends it to the ticket's requester as a reply of the rule, framed like agents' replies.
    Result<std::optional<Rejection>> replyAsRule(const ActiveRule &rule, Ticket &ticket,
                                                 const QString &shortcut);
    // `notify:WHO`: a notice in the feed for each agent WHO names who may see the ticket, and
    // the ticket's history says whom.
    Status notifyAsRule(const ActiveRule &rule, const Ticket &ticket, const QString &who,
                        const FilterContext &names);
    // Compiles the rule's condition with the batch's names and time.
    Status prepare(ActiveRule &rule);
    // Whether the rule's condition holds for the ticket now, or why it cannot be run any more.
    struct Holding
    {
        bool matches = false;
        QString cannotRun; // set: the rule cannot run any more, and why
    };
    Result<Holding> holds(const ActiveRule &rule, const Ticket &ticket, RuleFacts &facts);
    // Assignment (assignment.cpp). The department's method: manual, round-robin, least-loaded.
    Result<QString> assignmentMethod(const QUuid &department);
    // The agent the method gives the ticket to now, if any may have it: of the ticket's
    // department and tier or above, online and not away, under the department's cap; ties and
    // turns in seniority order. Round-robin takes the department's turn.
    Result<std::optional<QUuid>> chooseAssignee(const Ticket &ticket, const QString &method);
    // Each ticket the op created without an assignee gets one by its department's method.
    Status assignNewTickets();
    // set_availability: an agent says they are away (until a time, or until they say otherwise)
    // or back; an admin may say it for another agent.
    Result<std::optional<Rejection>> setAvailability(const QJsonObject &op);
    // Time triggers (ruletimers.cpp). When the time rule is due for the ticket as this write
    // leaves it (nullopt: not at all), given when it was due before (its stored timer).
    std::optional<qint64> timerDue(const ActiveRule &rule, const WorkTicket &w,
                                   std::optional<qint64> armed) const;
    // Stores the rule's timer for the ticket at `due` (not fired), or drops it (nullopt).
    Status setTimer(const QUuid &ticket, const QUuid &rule, std::optional<qint64> due);
    // Arms, moves or drops the ticket's timers for the time rules as the ticket is written.
    Status armTimers(const WorkTicket &w);
    // A time rule written: its timers for the tickets there now (none when disabled).
    Status armRule(const ActiveRule &rule);
    // upsert_rule, delete_rule: admins for every department, leads for theirs.
    Result<std::optional<Rejection>> upsertRule(const QJsonObject &op, bool remove);
    // Satisfaction surveys (csatstore.cpp): a ticket that became solved gets one queued, a
    // solved or closed ticket that became active again has its queued one cancelled.
    Status surveyOnStatusChange(const Ticket &before, const Ticket &ticket);
    // Customer pages (customerstore.cpp). The token of the ticket's status link for its current
    // requester, recorded (its hash) when it is not yet; `rotate` takes the next generation.
    Result<QString> statusLinkToken(const Ticket &ticket, bool rotate = false);
    // The body with kStatusLinkPlaceholder replaced by the ticket's status link.
    Result<QString> withStatusLink(const QUuid &ticket, QString body);
    Result<std::optional<Rejection>> rotateStatusLink(const QJsonObject &op);
    // The ticket a customer's post (an "answer" or a "rating") writes to, opened in its
    // requester's session (`customer`, which must outlive the batch), once the post was counted
    // against its limits per ticket and per address; null when it is over one of them.
    Result<Ticket *> openForCustomer(const Ticket &found, const char *kind, const QString &ip,
                                     AgentSession &customer);
    // A customer message of the session's contact on the ticket, with files pultd put in the
    // attachment store itself (customerstore.cpp).
    Status storeCustomerMessage(Ticket &ticket, const QUuid &id, const QString &text,
                                const QList<Attachment> &attachments);
    // Records files pultd put in the attachment store itself (from a mail, a customer's post):
    // there is no upload and no claim for them.
    Status recordAttachmentFiles(const QList<Attachment> &attachments);
    // Gives a customer's post its revisions, stores its result under postId (a resent form
    // gets it again; nothing is stored for a null postId) and commits.
    Status commitPost(WriteBatch &tx, const QUuid &postId, Posted &posted);
    // erase_contact (contactprivacy.cpp): admins only.
    Result<std::optional<Rejection>> eraseContact(const QJsonObject &op);
    // Removes a complete attachment file that no ticket references and nobody claims (its row
    // and then the file), in a transaction of its own; false when it is still used.
    Result<bool> removeUnreferenced(const QString &hash);
    // upsert_mailbox, delete_mailbox (settingsops.cpp): admins only; no change in the feed.
    Result<std::optional<Rejection>> upsertMailbox(const QJsonObject &op, bool remove);
    Result<std::optional<Rejection>> changeTags(const QJsonObject &op, bool add);
    Result<std::optional<Rejection>> take(const QJsonObject &op);
    Result<std::optional<Rejection>> markSpam(const QJsonObject &op);
    Result<std::optional<Rejection>> mergeOrLink(const QJsonObject &op, bool merge);
    Result<std::optional<Rejection>> upsertContact(const QJsonObject &op);
    Result<std::optional<Rejection>> upsertCannedResponse(const QJsonObject &op, bool remove);
    Result<std::optional<Rejection>> configureDepartment(const QJsonObject &op, bool create);
    // delete_department (admins): its tickets, canned responses, shared views, mailboxes and
    // (disabled) rules move to "move_to"; its memberships and settings go.
    Result<std::optional<Rejection>> deleteDepartment(const QJsonObject &op, QJsonObject &result);
    Result<std::optional<Rejection>> upsertSharedFilter(const QJsonObject &op, bool remove);
    Result<std::optional<Rejection>> updateAgent(const QJsonObject &op);
    Result<std::optional<Rejection>> createAgent(const QJsonObject &op);
    // The agent's change in the feed: to the agent, and to each of their departments.
    Status agentChanged(const QUuid &id);
    bool leads(const QUuid &department) const
    {
        return session->agent.role == Role::Admin ||
               (session->agent.role == Role::Lead && mayAccess(department));
    }
    Result<QUuid> contactForRequester(const QJsonObject &requester, const QUuid &department,
                                      std::optional<Rejection> &rejection);
    // Addresses mail bounced from (serveringest.cpp; table contact_bounces, the contact's
    // `bouncing`). The contact's marks as its JSON lists them, oldest first, each address spelled
    // as in emails (its JSON array).
    Result<QJsonArray> bouncingMarks(const QUuid &contact, const QJsonArray &emails);
    // Marks the address as bouncing on every contact with it (any of their addresses, regardless
    // of case): a mark it has already keeps its time and takes the new reason.
    Status markBouncing(const QString &address, const QString &reason, const QUuid &department);
    // Drops the address's marks from the contacts that have them: mail from it came in.
    Status clearBouncing(const QString &address, const QUuid &department);
    // Writes the contact's JSON with the marks contact_bounces holds, and its change for the
    // departments of its tickets and `department` (the mail's).
    Status rewriteBouncing(const QUuid &contact, const QUuid &department);
};

// One write batch of the store (an op batch, the import, a mail, a delivery event): a
// transaction begun under the writers' lock (the caller holds Private::mutex), with the batch
// memory and the pending changes fresh, and forgotten however it ends.
class ServerStore::Private::WriteBatch
{
public:
    explicit WriteBatch(Private &d)
        : m_d(d)
        , m_tx(*d.db)
    {
        m_status = m_tx.status();
        if (m_status.good())
            m_status = d.db->lockWriters();
        forget();
    }
    ~WriteBatch()
    {
        forget();
        m_d.session = nullptr;
    }
    WriteBatch(const WriteBatch &) = delete;
    WriteBatch &operator=(const WriteBatch &) = delete;

    const Status &status() const { return m_status; } // of BEGIN and the lock
    Status commit()
    {
        Status s = m_tx.commit();
        if (s.good() && m_d.batch.earliestTimer && m_d.timersArmed)
            m_d.timersArmed(*m_d.batch.earliestTimer);
        return s;
    }

private:
    void forget()
    {
        m_d.batch = {};
        m_d.pending.clear();
        m_d.work.clear();
        m_d.opMessages.clear();
        m_d.timeEvents.clear();
    }

    Private &m_d;
    Db::Transaction m_tx;
    Status m_status;
};

} // namespace Pult
