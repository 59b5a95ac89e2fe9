#include "localstore.h"

#include "schema.h"
#include "sqlitedb.h"
#include "textfold.h"
#include "uuid.h"
#include "wire.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <bit>
#include <limits>

namespace Pult {

static_assert(LocalStore::kSchemaVersion == Schema::kLatest, "one schema version");

using Sql::Statement;

namespace {

qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(const Statement &s, int column)
{
    if (s.isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(s.int64(column), Qt::UTC);
}

void bindTime(Statement &s, int index, const QDateTime &t)
{
    if (t.isValid())
        s.bind(index, toMs(t));
    else
        s.bindNull(index);
}

QByteArray idsToBlob(const QList<QUuid> &ids)
{
    QByteArray blob;
    for (const QUuid &id : ids)
        blob += id.toRfc4122();
    return blob;
}

QList<QUuid> idsFromBlob(const QByteArray &blob)
{
    QList<QUuid> ids;
    for (qsizetype i = 0; i + 16 <= blob.size(); i += 16)
        ids.append(QUuid::fromRfc4122(blob.mid(i, 16)));
    return ids;
}

QString attachmentsToJson(const QList<Attachment> &attachments)
{
    if (attachments.isEmpty())
        return {};
    QJsonArray array;
    for (const Attachment &a : attachments) {
        array.append(QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(a.contentHash)},
                                 {QStringLiteral("name"), a.name},
                                 {QStringLiteral("type"), a.mimeType},
                                 {QStringLiteral("size"), a.size}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Attachment> attachmentsFromJson(const QString &json)
{
    QList<Attachment> attachments;
    if (json.isEmpty())
        return attachments;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        attachments.append({o.value(QLatin1String("hash")).toString().toLatin1(),
                            o.value(QLatin1String("name")).toString(),
                            o.value(QLatin1String("type")).toString(),
                            qint64(o.value(QLatin1String("size")).toDouble())});
    }
    return attachments;
}

// A contact's bouncing addresses as the column contacts.bouncing holds them: NULL when none.
QString bouncingToJson(const QList<BouncingAddress> &bouncing)
{
    if (bouncing.isEmpty())
        return {};
    QJsonArray array;
    for (const BouncingAddress &b : bouncing) {
        array.append(QJsonObject{{QStringLiteral("email"), b.email},
                                 {QStringLiteral("reason"), b.reason},
                                 {QStringLiteral("since_ms"),
                                  b.since.isValid() ? QJsonValue(toMs(b.since)) : QJsonValue()}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<BouncingAddress> bouncingFromJson(const QString &json)
{
    QList<BouncingAddress> bouncing;
    if (json.isEmpty())
        return bouncing;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        const QJsonValue since = o.value(QLatin1String("since_ms"));
        bouncing.append({o.value(QLatin1String("email")).toString(),
                         o.value(QLatin1String("reason")).toString(),
                         since.isDouble()
                             ? QDateTime::fromMSecsSinceEpoch(since.toInteger(), Qt::UTC)
                             : QDateTime()});
    }
    return bouncing;
}

// Text for a NOT NULL column: never the null QString, which binds as NULL.
QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

#define TICKET_COLUMNS                                                                             \
    "t.rid, t.id, t.number, t.subject, t.status, t.priority, t.department_id, t.category, "        \
    "t.assignee_id, t.requester_id, t.channel, t.tags, t.tier, t.created_ms, t.updated_ms, "       \
    "t.first_response_ms, t.solved_ms, t.due_ms, t.reminder_ms, t.first_response_deadline_ms, "    \
    "t.resolution_deadline_ms, t.spam, t.merged_into, t.linked, t.unread, t.csat, t.csat_comment"

Ticket readTicket(const Statement &s)
{
    Ticket t;
    t.id = uuidFromBlob(s.blob(1));
    if (!s.isNull(2))
        t.number = s.int64(2);
    t.subject = s.text(3);
    t.status = TicketStatus(std::clamp<qint64>(s.int64(4), 0, 5));
    t.priority = Priority(std::clamp<qint64>(s.int64(5), 0, 3));
    t.departmentId = uuidFromBlob(s.blob(6));
    t.category = s.text(7);
    t.assigneeId = uuidFromBlob(s.blob(8));
    t.requesterId = uuidFromBlob(s.blob(9));
    t.channel = Channel(std::clamp<qint64>(s.int64(10), 0, 4));
    const QString tags = s.text(11);
    if (!tags.isEmpty())
        t.tags = tags.split(u'\n');
    t.tier = int(s.int64(12));
    t.created = fromMs(s, 13);
    t.updated = fromMs(s, 14);
    t.firstResponseAt = fromMs(s, 15);
    t.solvedAt = fromMs(s, 16);
    t.due = fromMs(s, 17);
    t.reminder = fromMs(s, 18);
    t.firstResponseDeadline = fromMs(s, 19);
    t.resolutionDeadline = fromMs(s, 20);
    t.spam = s.int64(21) != 0;
    t.mergedInto = uuidFromBlob(s.blob(22));
    t.linked = idsFromBlob(s.blob(23));
    t.unread = s.int64(24) != 0;
    t.csat = int(std::clamp<qint64>(s.int64(25), 0, 5));
    t.csatComment = s.text(26);
    return t;
}

// A ticket row read for a list, with its sort key.
struct ListRow
{
    qint64 updatedMs;
    qint64 rid;
    Ticket ticket;
};

} // namespace

struct Candidate;

struct LocalStore::Private
{
    std::unique_ptr<Sql::Database> db;
    int version = 0;

    // Collects the rows of a prepared statement with the given reader.
    template<typename T, typename Bind, typename Read>
    Result<QList<T>> collect(const char *sql, Bind &&bind, Read &&read)
    {
        auto stmt = db->prepare(sql);
        if (!stmt.good())
            return stmt.status();
        Statement &s = **stmt;
        bind(s);
        QList<T> rows;
        while (s.next())
            rows.append(read(s));
        Status status = s.status();
        s.reset();
        if (!status.good())
            return status;
        return rows;
    }

    // The rid and indexed texts of an existing row, read before an upsert replaces it.
    struct IndexedRow
    {
        qint64 rid;
        QStringList texts;
    };
    Result<std::optional<IndexedRow>> indexedRow(const char *sql, const QUuid &id, int columns);
    // Brings an external-content FTS table in step with one upserted row: the old entry out,
    // the new one in, nothing when the indexed texts did not change.
    Status reindex(const char *deleteSql, const char *insertSql,
                   const std::optional<IndexedRow> &old, qint64 rid, const QStringList &texts);
    Status fillNames(QList<TicketListItem> &items);
    Status collectCandidates(const QString &ftsQuery, int wanted, const SearchOptions &options,
                             QHash<qint64, Candidate> &candidates);
    Result<QList<ListRow>> listPartition(const TicketQuery &q, TicketStatus status,
                                         const std::optional<QUuid> &department, qint64 afterMs,
                                         qint64 afterRid);

    // Filters (see "Filters in the store" in docs/architecture.md).
    int filterWalkRows = 20000; // the most rows a walk of the order's index reads for one page
    struct FilterChoice
    {
        FilterPlan plan;   // the driving terms; none: a scan of the table
        qint64 total = 0;  // tickets in the store
        qint64 fewest = 0; // the fewest rows any driving term selects (at most total)
        double cost = 0;   // of reading what the plan reads, in tenths of a microsecond or so
    };
    Result<FilterChoice> planFilter(const CompiledFilter &filter, bool listing);
    // The single number a built counting statement gives.
    Result<qint64> count(const QByteArray &sql, const QList<QVariant> &parameters);
    Result<qint64> boundedCount(const QByteArray &sql, const QList<QVariant> &parameters,
                                qint64 cap);
    Result<qint64> textMatchBound(const CompiledTerm &term, qint64 cap);
};

LocalStore::LocalStore(std::unique_ptr<Sql::Database> db)
    : d(std::make_unique<Private>())
{
    d->db = std::move(db);
}

LocalStore::~LocalStore() = default;

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString &path, Mode mode)
{
    if (mode == Mode::ReadOnly) {
        auto db = Sql::Database::open(path, Sql::Database::Mode::ReadOnly);
        if (!db.good())
            return db.status();
        if (Status s = registerTextFunctions((*db)->handle()); !s.good())
            return s;
        auto version = Schema::checkVersion(**db);
        if (!version.good())
            return version.status();
        if (*version < Schema::kLatest)
            return Status(Status::Invalid,
                          path + QStringLiteral(" needs an upgrade; open it once for writing"));
        std::unique_ptr<LocalStore> store(new LocalStore(std::move(*db)));
        store->d->version = *version;
        return store;
    }
    return openAtVersion(path, Schema::kLatest);
}

Result<std::unique_ptr<LocalStore>> LocalStore::openAtVersion(const QString &path, int version)
{
    if (version < 0 || version > Schema::kLatest)
        return Status(Status::Invalid, QStringLiteral("no such schema version"));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Status(Status::IoError,
                      QStringLiteral("cannot create the directory %1").arg(info.absolutePath()));
    auto db = Sql::Database::open(path, Sql::Database::Mode::ReadWrite);
    if (!db.good())
        return db.status();
    Sql::Database &conn = **db;
    if (Status s = registerTextFunctions(conn.handle()); !s.good())
        return s;
    // Check before anything writes: a file from a newer Pult must stay byte for byte as it is.
    auto current = Schema::checkVersion(conn);
    if (!current.good())
        return current.status();
    // WAL: readers on other connections never block the writer and always see a consistent
    // snapshot. synchronous=NORMAL is durable across application crashes in WAL mode.
    if (Status s = conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                                "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768; "
                                "PRAGMA temp_store = MEMORY");
        !s.good())
        return s;
    if (Status s = Schema::migrate(conn, version); !s.good())
        return s;
    std::unique_ptr<LocalStore> store(new LocalStore(std::move(*db)));
    store->d->version = std::max(*current, version);
    return store;
}

Result<int> LocalStore::recoverDamaged(const QString &path, QString *movedTo)
{
    // Move the damaged file and its WAL aside under a name that does not exist yet.
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".damaged-") + stamp;
    for (int n = 1; QFile::exists(aside); ++n)
        aside = path + QStringLiteral(".damaged-") + stamp + u'-' + QString::number(n);
    if (!QFile::rename(path, aside))
        return Status(Status::IoError, QStringLiteral("cannot move %1 aside").arg(path));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix))
            QFile::rename(path + suffix, aside + suffix);
    }
    if (movedTo)
        *movedTo = aside;

    // Read what can still be read of the outbox, row by row, and of the profile (who is signed
    // in where), but not the sync position: the fresh cache is filled from revision 0.
    QList<OutboxOp> recovered;
    QList<std::pair<QString, QByteArray>> profile;
    if (auto old = Sql::Database::open(aside, Sql::Database::Mode::ReadOnly); old.good()) {
        if (auto stmt = (*old)->prepare("SELECT op_id, created_ms, kind, payload FROM outbox "
                                        "ORDER BY seq");
            stmt.good()) {
            Statement &s = **stmt;
            while (s.next()) {
                recovered.append({uuidFromBlob(s.blob(0)),
                                  QDateTime::fromMSecsSinceEpoch(s.int64(1), Qt::UTC), s.text(2),
                                  s.blob(3)});
            }
        }
        if (auto stmt = (*old)->prepare("SELECT key, value FROM profile WHERE key <> 'revision'");
            stmt.good()) {
            while ((*stmt)->next())
                profile.append({(*stmt)->text(0), (*stmt)->blob(1)});
        }
    }

    auto fresh = open(path);
    if (!fresh.good())
        return fresh.status();
    WriteBatch batch(**fresh);
    if (!batch.status().good())
        return batch.status();
    for (const OutboxOp &op : std::as_const(recovered)) {
        if (Status s = (*fresh)->enqueue(op); !s.good())
            return s;
    }
    for (const auto &[key, value] : std::as_const(profile)) {
        if (Status s = (*fresh)->database().run(
                "INSERT OR REPLACE INTO profile(key, value) VALUES (?1, ?2)",
                [&](Statement &st) { st.bind(1, key).bind(2, value); });
            !s.good())
            return s;
    }
    if (Status s = batch.commit(); !s.good())
        return s;
    return int(recovered.size());
}

int LocalStore::schemaVersion() const
{
    return d->version;
}

QString LocalStore::path() const
{
    return d->db->path();
}

Sql::Database &LocalStore::database()
{
    return *d->db;
}

struct LocalStore::WriteBatch::Private
{
    explicit Private(Sql::Database &db)
        : tx(db)
    {}
    Sql::Transaction tx;
};

LocalStore::WriteBatch::WriteBatch(LocalStore &store)
    : d(std::make_unique<Private>(*store.d->db))
{}

LocalStore::WriteBatch::~WriteBatch() = default;

const Status &LocalStore::WriteBatch::status() const
{
    return d->tx.status();
}

Status LocalStore::WriteBatch::commit()
{
    return d->tx.commit();
}

// ---- writing ---------------------------------------------------------------------------------

Status LocalStore::put(const Department &dep)
{
    return d->db->run(
        "INSERT INTO departments(id, name, email, lead_id, business_hours, sla_policy, "
        "queue_order, reply_header, reply_footer, goals) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10) ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, "
        "lead_id = excluded.lead_id, business_hours = excluded.business_hours, "
        "sla_policy = excluded.sla_policy, queue_order = excluded.queue_order, "
        "reply_header = excluded.reply_header, reply_footer = excluded.reply_footer, "
        "goals = excluded.goals",
        [&](Statement &s) {
            s.bind(1, uuidToBlob(dep.id)).bind(2, dep.name).bind(3, dep.email);
            s.bind(4, uuidToBlob(dep.leadId)).bind(5, dep.businessHours);
            s.bind(6, dep.slaPolicy).bind(7, int(dep.queueOrder));
            s.bind(8, dep.replyHeader).bind(9, dep.replyFooter).bind(10, dep.goals);
        });
}

Status LocalStore::put(const Agent &agent)
{
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    Status s = d->db->run("INSERT INTO agents(id, name, email, role) VALUES (?1, ?2, ?3, ?4) "
                          "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                          "email = excluded.email, role = excluded.role",
                          [&](Statement &st) {
                              st.bind(1, uuidToBlob(agent.id)).bind(2, agent.name);
                              st.bind(3, agent.email).bind(4, int(agent.role));
                          });
    if (s.good())
        s = d->db->run("DELETE FROM agent_departments WHERE agent_id = ?1",
                       [&](Statement &st) { st.bind(1, uuidToBlob(agent.id)); });
    for (const DepartmentMembership &m : agent.departments) {
        if (!s.good())
            break;
        s = d->db->run("INSERT OR REPLACE INTO agent_departments(agent_id, department_id, tier) "
                       "VALUES (?1, ?2, ?3)",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(agent.id)).bind(2, uuidToBlob(m.departmentId));
                           st.bind(3, m.tier);
                       });
    }
    if (s.good())
        s = tx.commit();
    return s;
}

Status LocalStore::put(const Contact &c)
{
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    auto old = d->indexedRow("SELECT rid, name, emails FROM contacts WHERE id = ?1", c.id, 2);
    if (!old.good())
        return old.status();
    const QStringList texts{nonNull(c.name), nonNull(c.emails.join(u'\n'))};
    Status s =
        d->db->run("INSERT OR FAIL INTO contacts(id, name, emails, phone, organisation, language, "
                   "time_zone, notes, plan, plan_tier, bouncing) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                   "?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                   "emails = excluded.emails, phone = excluded.phone, organisation = "
                   "excluded.organisation, language = excluded.language, time_zone = "
                   "excluded.time_zone, notes = excluded.notes, plan = excluded.plan, plan_tier = "
                   "excluded.plan_tier, bouncing = excluded.bouncing",
                   [&](Statement &s) {
                       s.bind(1, uuidToBlob(c.id)).bind(2, texts.at(0)).bind(3, texts.at(1));
                       s.bind(4, c.phone).bind(5, c.organisation).bind(6, c.language);
                       s.bind(7, c.timeZone).bind(8, c.notes).bind(9, c.plan).bind(10, c.planTier);
                       s.bind(11, bouncingToJson(c.bouncing));
                   });
    if (s.good()) {
        s = d->reindex("INSERT INTO contacts_fts(contacts_fts, rowid, name, emails) "
                       "VALUES ('delete', ?1, ?2, ?3)",
                       "INSERT INTO contacts_fts(rowid, name, emails) VALUES (?1, ?2, ?3)", *old,
                       *old ? (*old)->rid : d->db->lastInsertRowId(), texts);
    }
    return s.good() ? tx.commit() : s;
}

Status LocalStore::put(const Ticket &t, Unread unread)
{
    if (t.id.isNull())
        return {Status::Invalid, QStringLiteral("a ticket needs an id")};
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    const QStringList tags = normalisedTags(t.tags);
    auto old = d->indexedRow("SELECT rid, subject FROM tickets WHERE id = ?1", t.id, 1);
    if (!old.good())
        return old.status();
    // OR FAIL: the counter triggers make this a multi-row write, and with the default ABORT
    // SQLite would open a statement savepoint, which makes FTS5 flush (see schema.cpp).
    Status s = d->db->run(
        "INSERT OR FAIL INTO tickets(id, number, subject, status, priority, department_id, "
        "category, "
        "assignee_id, requester_id, channel, tags, tier, created_ms, updated_ms, "
        "first_response_ms, solved_ms, due_ms, reminder_ms, first_response_deadline_ms, "
        "resolution_deadline_ms, spam, merged_into, linked, unread, csat, csat_comment) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
        "?20, ?21, ?22, ?23, ?24, ?26, ?27) ON CONFLICT(id) DO UPDATE SET number = "
        "excluded.number, subject = excluded.subject, "
        "status = excluded.status, priority = excluded.priority, department_id = "
        "excluded.department_id, category = excluded.category, assignee_id = "
        "excluded.assignee_id, requester_id = excluded.requester_id, channel = excluded.channel, "
        "tags = excluded.tags, tier = excluded.tier, created_ms = excluded.created_ms, "
        "updated_ms = excluded.updated_ms, first_response_ms = excluded.first_response_ms, "
        "solved_ms = excluded.solved_ms, due_ms = excluded.due_ms, reminder_ms = "
        "excluded.reminder_ms, first_response_deadline_ms = excluded.first_response_deadline_ms, "
        "resolution_deadline_ms = excluded.resolution_deadline_ms, spam = excluded.spam, "
        "merged_into = excluded.merged_into, linked = excluded.linked, unread = CASE ?25 WHEN 1 "
        "THEN unread ELSE excluded.unread END, csat = excluded.csat, csat_comment = "
        "excluded.csat_comment",
        [&](Statement &s) {
            s.bind(1, uuidToBlob(t.id));
            if (t.number)
                s.bind(2, *t.number);
            else
                s.bindNull(2);
            s.bind(3, nonNull(t.subject)).bind(4, int(t.status)).bind(5, int(t.priority));
            s.bind(6, uuidToBlob(t.departmentId)).bind(7, t.category);
            s.bind(8, uuidToBlob(t.assigneeId)).bind(9, uuidToBlob(t.requesterId));
            s.bind(10, int(t.channel)).bind(11, nonNull(tags.join(u'\n'))).bind(12, t.tier);
            s.bind(13, toMs(t.created)).bind(14, toMs(t.updated.isValid() ? t.updated : t.created));
            bindTime(s, 15, t.firstResponseAt);
            bindTime(s, 16, t.solvedAt);
            bindTime(s, 17, t.due);
            bindTime(s, 18, t.reminder);
            bindTime(s, 19, t.firstResponseDeadline);
            bindTime(s, 20, t.resolutionDeadline);
            s.bind(21, int(t.spam)).bind(22, uuidToBlob(t.mergedInto));
            s.bind(23, t.linked.isEmpty() ? QByteArray() : idsToBlob(t.linked));
            s.bind(24, int(t.unread)).bind(25, int(unread == Unread::Keep));
            s.bind(26, t.csat);
            if (t.csatComment.isEmpty())
                s.bindNull(27);
            else
                s.bind(27, t.csatComment);
        });
    if (!s.good())
        return s;
    const qint64 rid = *old ? (*old)->rid : d->db->lastInsertRowId();
    s = d->reindex("INSERT INTO tickets_fts(tickets_fts, rowid, subject) VALUES ('delete', ?1, ?2)",
                   "INSERT INTO tickets_fts(rowid, subject) VALUES (?1, ?2)", *old, rid,
                   {nonNull(t.subject)});
    if (s.good()) {
        s = d->db->run("DELETE FROM ticket_tags WHERE ticket_rid = ?1",
                       [&](Statement &st) { st.bind(1, rid); });
    }
    for (const QString &tag : tags) {
        if (!s.good())
            break;
        s = d->db->run("INSERT INTO ticket_tags(tag, ticket_rid) VALUES (?1, ?2)",
                       [&](Statement &st) { st.bind(1, tag).bind(2, rid); });
    }
    if (s.good())
        s = tx.commit();
    return s;
}

Status LocalStore::put(const Message &m)
{
    if (m.id.isNull() || m.ticketId.isNull())
        return {Status::Invalid, QStringLiteral("a message needs an id and a ticket")};
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    auto old = d->indexedRow("SELECT rid, body FROM messages WHERE id = ?1", m.id, 1);
    if (!old.good())
        return old.status();
    Status s = d->db->run(
        "INSERT OR FAIL INTO messages(id, ticket_id, kind, author_id, author_name, created_ms, "
        "body, body_html, attachments) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, author_id = "
        "excluded.author_id, author_name = excluded.author_name, created_ms = "
        "excluded.created_ms, body = excluded.body, body_html = excluded.body_html, "
        "attachments = excluded.attachments",
        [&](Statement &s) {
            s.bind(1, uuidToBlob(m.id)).bind(2, uuidToBlob(m.ticketId));
            s.bind(3, int(m.kind)).bind(4, uuidToBlob(m.authorId));
            s.bind(5, m.authorName).bind(6, toMs(m.created));
            s.bind(7, nonNull(m.bodyText));
            s.bind(8, m.bodyHtml.isEmpty() ? QString() : m.bodyHtml);
            s.bind(9, attachmentsToJson(m.attachments));
        });
    if (s.good()) {
        s = d->reindex(
            "INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', ?1, ?2)",
            "INSERT INTO messages_fts(rowid, body) VALUES (?1, ?2)", *old,
            *old ? (*old)->rid : d->db->lastInsertRowId(), {nonNull(m.bodyText)});
    }
    return s.good() ? tx.commit() : s;
}

Status LocalStore::put(const HistoryEvent &e)
{
    return d->db->run("INSERT INTO history(id, ticket_id, actor_id, time_ms, field, old_value, "
                      "new_value, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                      "ON CONFLICT(id) DO NOTHING",
                      [&](Statement &s) {
                          s.bind(1, uuidToBlob(e.id)).bind(2, uuidToBlob(e.ticketId));
                          s.bind(3, uuidToBlob(e.actorId)).bind(4, toMs(e.time));
                          s.bind(5, e.field).bind(6, e.oldValue).bind(7, e.newValue);
                          s.bind(8, e.rule.isEmpty() ? QString() : e.rule);
                      });
}

Status LocalStore::put(const CannedResponse &r)
{
    return d->db->run("INSERT INTO canned_responses(id, title, shortcut, body, scope, owner_id) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET title = "
                      "excluded.title, shortcut = excluded.shortcut, body = excluded.body, scope = "
                      "excluded.scope, owner_id = excluded.owner_id",
                      [&](Statement &s) {
                          s.bind(1, uuidToBlob(r.id)).bind(2, r.title).bind(3, r.shortcut);
                          s.bind(4, r.body).bind(5, int(r.scope)).bind(6, uuidToBlob(r.ownerId));
                      });
}

Status LocalStore::enqueue(const OutboxOp &op)
{
    return d->db->run(
        "INSERT INTO outbox(op_id, created_ms, kind, payload) VALUES (?1, ?2, ?3, ?4)",
        [&](Statement &s) {
            s.bind(1, uuidToBlob(op.id)).bind(2, toMs(op.created)).bind(3, op.kind);
            s.bind(4, op.payload.isNull() ? QByteArray("") : op.payload);
        });
}

Status LocalStore::removeTicket(const QUuid &id)
{
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    auto old = d->indexedRow("SELECT rid, subject FROM tickets WHERE id = ?1", id, 1);
    if (!old.good())
        return old.status();
    if (!*old)
        return tx.commit();
    const qint64 rid = (*old)->rid;
    const auto bindRid = [&](Statement &st) { st.bind(1, rid); };
    const auto bindId = [&](Statement &st) { st.bind(1, uuidToBlob(id)); };
    Status s =
        d->db->run("INSERT INTO tickets_fts(tickets_fts, rowid, subject) VALUES ('delete', ?1, ?2)",
                   [&](Statement &st) { st.bind(1, rid).bind(2, (*old)->texts.at(0)); });
    if (s.good())
        s = d->db->run("INSERT INTO messages_fts(messages_fts, rowid, body) SELECT 'delete', rid, "
                       "body FROM messages WHERE ticket_id = ?1",
                       bindId);
    if (s.good())
        s = d->db->run("DELETE FROM messages WHERE ticket_id = ?1", bindId);
    if (s.good())
        s = d->db->run("DELETE FROM history WHERE ticket_id = ?1", bindId);
    if (s.good())
        s = d->db->run("DELETE FROM notices WHERE ticket_id = ?1", bindId);
    if (s.good())
        s = d->db->run("DELETE FROM ticket_tags WHERE ticket_rid = ?1", bindRid);
    if (s.good())
        s = d->db->run("DELETE FROM tickets WHERE rid = ?1", bindRid);
    return s.good() ? tx.commit() : s;
}

Status LocalStore::removeMessage(const QUuid &id)
{
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    const auto bindId = [&](Statement &st) { st.bind(1, uuidToBlob(id)); };
    Status s = d->db->run("INSERT INTO messages_fts(messages_fts, rowid, body) SELECT 'delete', "
                          "rid, body FROM messages WHERE id = ?1",
                          bindId);
    if (s.good())
        s = d->db->run("DELETE FROM messages WHERE id = ?1", bindId);
    return s.good() ? tx.commit() : s;
}

Status LocalStore::removeCannedResponse(const QUuid &id)
{
    return d->db->run("DELETE FROM canned_responses WHERE id = ?1",
                      [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
}

Status LocalStore::put(const SharedFilter &filter)
{
    return d->db->run("INSERT INTO shared_filters(id, name, query, department_id) VALUES "
                      "(?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                      "query = excluded.query, department_id = excluded.department_id",
                      [&](Statement &st) {
                          st.bind(1, uuidToBlob(filter.id)).bind(2, filter.name);
                          st.bind(3, filter.query).bind(4, uuidToBlob(filter.departmentId));
                      });
}

Status LocalStore::removeSharedFilter(const QUuid &id)
{
    return d->db->run("DELETE FROM shared_filters WHERE id = ?1",
                      [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
}

Result<QList<QUuid>> LocalStore::removeDepartment(const QUuid &id)
{
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    const auto bindId = [&](Statement &st) { st.bind(1, uuidToBlob(id)); };
    auto stmt = d->db->prepare("SELECT id FROM tickets WHERE department_id = ?1");
    if (!stmt.good())
        return stmt.status();
    bindId(**stmt);
    QList<QUuid> tickets;
    while ((*stmt)->next())
        tickets.append(uuidFromBlob((*stmt)->blob(0)));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    for (const QUuid &ticket : std::as_const(tickets)) {
        if (s.good())
            s = removeTicket(ticket);
    }
    if (s.good())
        s = d->db->run("DELETE FROM canned_responses WHERE scope = ?2 AND owner_id = ?1",
                       [&](Statement &st) {
                           bindId(st);
                           st.bind(2, int(CannedScope::Department));
                       });
    for (const char *sql : {"DELETE FROM shared_filters WHERE department_id = ?1",
                            "DELETE FROM agent_departments WHERE department_id = ?1",
                            "DELETE FROM departments WHERE id = ?1"}) {
        if (s.good())
            s = d->db->run(sql, bindId);
    }
    if (!s.good())
        return s;
    if (s = tx.commit(); !s.good())
        return s;
    return tickets;
}

Status LocalStore::replaceSharedFilters(const QList<SharedFilter> &filters)
{
    Sql::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    if (Status s = d->db->execute("DELETE FROM shared_filters"); !s.good())
        return s;
    for (const SharedFilter &filter : filters) {
        if (Status s = put(filter); !s.good())
            return s;
    }
    return tx.commit();
}

Status LocalStore::put(const Notice &notice)
{
    return d->db->run(
        "INSERT INTO notices(id, ticket_id, data, read) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(id) DO UPDATE SET data = excluded.data",
        [&](Statement &st) {
            st.bind(1, uuidToBlob(notice.id)).bind(2, uuidToBlob(notice.ticketId));
            st.bind(3, QString::fromUtf8(
                           QJsonDocument(Wire::toJson(notice)).toJson(QJsonDocument::Compact)));
            st.bind(4, int(notice.read));
        });
}

Status LocalStore::markNoticeRead(const QUuid &id)
{
    return d->db->run("UPDATE notices SET read = 1 WHERE id = ?1",
                      [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
}

Status LocalStore::markAllNoticesRead()
{
    return d->db->execute("UPDATE notices SET read = 1 WHERE read = 0");
}

Result<QList<Notice>> LocalStore::notices(int limit)
{
    return d->collect<Notice>(
        "SELECT data, read FROM notices ORDER BY rid DESC LIMIT ?1",
        [&](Statement &st) { st.bind(1, limit); },
        [](const Statement &st) {
            // Written by put() from a notice that parsed.
            auto parsed =
                Wire::noticeFromJson(QJsonDocument::fromJson(st.text(0).toUtf8()).object());
            Notice notice = parsed.good() ? *parsed : Notice();
            notice.read = st.int64(1) != 0;
            return notice;
        });
}

Result<qint64> LocalStore::unreadNoticeCount()
{
    auto rows = d->collect<qint64>(
        "SELECT count(*) FROM notices WHERE read = 0", [](Statement &) {},
        [](const Statement &st) { return st.int64(0); });
    if (!rows.good())
        return rows.status();
    return rows->value(0);
}

Status LocalStore::dequeue(const QUuid &opId)
{
    return d->db->run("DELETE FROM outbox WHERE op_id = ?1",
                      [&](Statement &st) { st.bind(1, uuidToBlob(opId)); });
}

// ---- reading ---------------------------------------------------------------------------------

Result<std::optional<LocalStore::Private::IndexedRow>>
LocalStore::Private::indexedRow(const char *sql, const QUuid &id, int columns)
{
    auto rows = collect<IndexedRow>(
        sql, [&](Statement &s) { s.bind(1, uuidToBlob(id)); },
        [&](const Statement &s) {
            IndexedRow row{s.int64(0), {}};
            for (int i = 1; i <= columns; ++i)
                row.texts.append(s.text(i));
            return row;
        });
    if (!rows.good())
        return rows.status();
    if (rows->isEmpty())
        return std::optional<IndexedRow>();
    return std::optional(rows->first());
}

Status LocalStore::Private::reindex(const char *deleteSql, const char *insertSql,
                                    const std::optional<IndexedRow> &old, qint64 rid,
                                    const QStringList &texts)
{
    if (old && old->texts == texts)
        return {};
    const auto bindTexts = [&](const QStringList &values) {
        return [&, values](Statement &s) {
            s.bind(1, rid);
            for (int i = 0; i < values.size(); ++i)
                s.bind(i + 2, values.at(i));
        };
    };
    if (old) {
        if (Status s = db->run(deleteSql, bindTexts(old->texts)); !s.good())
            return s;
    }
    return db->run(insertSql, bindTexts(texts));
}

Result<Ticket> LocalStore::ticket(const QUuid &id)
{
    auto rows = d->collect<Ticket>(
        "SELECT " TICKET_COLUMNS " FROM tickets t WHERE t.id = ?1",
        [&](Statement &s) { s.bind(1, uuidToBlob(id)); }, readTicket);
    if (!rows.good())
        return rows.status();
    if (rows->isEmpty())
        return Status(Status::NotFound, QStringLiteral("no ticket %1").arg(uuidToString(id)));
    return rows->first();
}

Result<QList<Ticket>> LocalStore::requesterTickets(const QUuid &contactId, int limit)
{
    return d->collect<Ticket>(
        "SELECT " TICKET_COLUMNS " FROM tickets t WHERE t.requester_id = ?1 "
        "ORDER BY t.updated_ms DESC LIMIT ?2",
        [&](Statement &s) {
            s.bind(1, uuidToBlob(contactId));
            s.bind(2, qint64(limit));
        },
        readTicket);
}

Result<Ticket> LocalStore::ticketByNumber(qint64 number)
{
    auto rows = d->collect<Ticket>(
        "SELECT " TICKET_COLUMNS " FROM tickets t WHERE t.number = ?1",
        [&](Statement &s) { s.bind(1, number); }, readTicket);
    if (!rows.good())
        return rows.status();
    if (rows->isEmpty())
        return Status(Status::NotFound, QStringLiteral("no ticket #%1").arg(number));
    return rows->first();
}

Result<Contact> LocalStore::contact(const QUuid &id)
{
    auto rows = d->collect<Contact>(
        "SELECT id, name, emails, phone, organisation, language, time_zone, notes, plan, "
        "plan_tier, bouncing FROM contacts WHERE id = ?1",
        [&](Statement &s) { s.bind(1, uuidToBlob(id)); },
        [](const Statement &s) {
            Contact c;
            c.id = uuidFromBlob(s.blob(0));
            c.name = s.text(1);
            c.emails = s.text(2).split(u'\n', Qt::SkipEmptyParts);
            c.phone = s.text(3);
            c.organisation = s.text(4);
            c.language = s.text(5);
            c.timeZone = s.text(6);
            c.notes = s.text(7);
            c.plan = s.text(8);
            c.planTier = int(s.int64(9));
            c.bouncing = bouncingFromJson(s.text(10));
            return c;
        });
    if (!rows.good())
        return rows.status();
    if (rows->isEmpty())
        return Status(Status::NotFound, QStringLiteral("no contact %1").arg(uuidToString(id)));
    return rows->first();
}

Result<QList<Message>> LocalStore::messages(const QUuid &ticketId)
{
    return d->collect<Message>(
        "SELECT id, ticket_id, kind, author_id, author_name, created_ms, body, body_html, "
        "attachments FROM messages WHERE ticket_id = ?1 ORDER BY created_ms, rid",
        [&](Statement &s) { s.bind(1, uuidToBlob(ticketId)); },
        [](const Statement &s) {
            Message m;
            m.id = uuidFromBlob(s.blob(0));
            m.ticketId = uuidFromBlob(s.blob(1));
            m.kind = MessageKind(std::clamp<qint64>(s.int64(2), 0, 3));
            m.authorId = uuidFromBlob(s.blob(3));
            m.authorName = s.text(4);
            m.created = fromMs(s, 5);
            m.bodyText = s.text(6);
            m.bodyHtml = s.text(7);
            m.attachments = attachmentsFromJson(s.text(8));
            return m;
        });
}

Result<QList<HistoryEvent>> LocalStore::history(const QUuid &ticketId)
{
    return d->collect<HistoryEvent>(
        "SELECT id, ticket_id, actor_id, time_ms, field, old_value, new_value, rule FROM history "
        "WHERE ticket_id = ?1 ORDER BY time_ms, rid",
        [&](Statement &s) { s.bind(1, uuidToBlob(ticketId)); },
        [](const Statement &s) {
            return HistoryEvent{uuidFromBlob(s.blob(0)),
                                uuidFromBlob(s.blob(1)),
                                uuidFromBlob(s.blob(2)),
                                fromMs(s, 3),
                                s.text(4),
                                s.text(5),
                                s.text(6),
                                s.text(7)};
        });
}

Result<QList<Department>> LocalStore::departments()
{
    return d->collect<Department>(
        "SELECT id, name, email, lead_id, business_hours, sla_policy, queue_order, reply_header, "
        "reply_footer, goals FROM departments ORDER BY name",
        [](Statement &) {},
        [](const Statement &s) {
            return Department{uuidFromBlob(s.blob(0)),
                              s.text(1),
                              s.text(2),
                              uuidFromBlob(s.blob(3)),
                              s.text(4),
                              s.text(5),
                              QueueOrder(std::clamp<qint64>(s.int64(6), 0, 3)),
                              s.text(7),
                              s.text(8),
                              s.text(9)};
        });
}

Result<QList<Agent>> LocalStore::agents()
{
    auto agents = d->collect<Agent>(
        "SELECT id, name, email, role FROM agents ORDER BY name", [](Statement &) {},
        [](const Statement &s) {
            return Agent{uuidFromBlob(s.blob(0)),
                         s.text(1),
                         s.text(2),
                         Role(std::clamp<qint64>(s.int64(3), 0, 2)),
                         {}};
        });
    if (!agents.good())
        return agents;
    for (Agent &agent : *agents) {
        auto memberships = d->collect<DepartmentMembership>(
            "SELECT department_id, tier FROM agent_departments WHERE agent_id = ?1",
            [&](Statement &s) { s.bind(1, uuidToBlob(agent.id)); },
            [](const Statement &s) {
                return DepartmentMembership{uuidFromBlob(s.blob(0)), int(s.int64(1))};
            });
        if (!memberships.good())
            return memberships.status();
        agent.departments = *memberships;
    }
    return agents;
}

Result<QList<CannedResponse>> LocalStore::cannedResponses()
{
    return d->collect<CannedResponse>(
        "SELECT id, title, shortcut, body, scope, owner_id FROM canned_responses ORDER BY title",
        [](Statement &) {},
        [](const Statement &s) {
            return CannedResponse{uuidFromBlob(s.blob(0)),
                                  s.text(1),
                                  s.text(2),
                                  s.text(3),
                                  CannedScope(std::clamp<qint64>(s.int64(4), 0, 2)),
                                  uuidFromBlob(s.blob(5))};
        });
}

Result<QList<SharedFilter>> LocalStore::sharedFilters()
{
    return d->collect<SharedFilter>(
        "SELECT id, name, query, department_id FROM shared_filters ORDER BY name, rid",
        [](Statement &) {},
        [](const Statement &s) {
            return SharedFilter{uuidFromBlob(s.blob(0)), s.text(1), s.text(2),
                                uuidFromBlob(s.blob(3))};
        });
}

Result<QList<OutboxOp>> LocalStore::outbox()
{
    return d->collect<OutboxOp>(
        "SELECT op_id, created_ms, kind, payload FROM outbox ORDER BY seq", [](Statement &) {},
        [](const Statement &s) {
            return OutboxOp{uuidFromBlob(s.blob(0)), fromMs(s, 1), s.text(2), s.blob(3)};
        });
}

Result<qint64> LocalStore::ticketCount()
{
    auto rows = d->collect<qint64>(
        "SELECT coalesce(sum(n), 0) FROM ticket_counts", [](Statement &) {},
        [](const Statement &s) { return s.int64(0); });
    if (!rows.good())
        return rows.status();
    return rows->value(0);
}

// ---- lists and counts ------------------------------------------------------------------------

// One index range scan: the tickets of one status (and one department or the assignee) that
// come after the cursor, newest first. Each shape has its own covering index (see schema.cpp).
Result<QList<ListRow>> LocalStore::Private::listPartition(const TicketQuery &q, TicketStatus status,
                                                          const std::optional<QUuid> &department,
                                                          qint64 afterMs, qint64 afterRid)
{
    const auto read = [](const Statement &s) {
        return ListRow{s.int64(14), s.int64(0), readTicket(s)};
    };
    const int limit = q.limit + 1;
    if (q.assignee) {
        const QByteArray assignee = uuidToBlob(*q.assignee);
        if (department) {
            return collect<ListRow>(
                "SELECT " TICKET_COLUMNS " FROM tickets t INDEXED BY tickets_assignee_updated "
                "WHERE t.assignee_id IS ?1 AND t.status = ?2 AND t.department_id = ?3 AND "
                "(t.updated_ms, t.rid) < (?4, ?5) ORDER BY t.updated_ms DESC, t.rid DESC "
                "LIMIT ?6",
                [&](Statement &s) {
                    s.bind(1, assignee).bind(2, int(status)).bind(3, uuidToBlob(*department));
                    s.bind(4, afterMs).bind(5, afterRid).bind(6, limit);
                },
                read);
        }
        return collect<ListRow>(
            "SELECT " TICKET_COLUMNS " FROM tickets t INDEXED BY tickets_assignee_updated "
            "WHERE t.assignee_id IS ?1 AND t.status = ?2 AND (t.updated_ms, t.rid) < (?3, ?4) "
            "ORDER BY t.updated_ms DESC, t.rid DESC LIMIT ?5",
            [&](Statement &s) {
                s.bind(1, assignee).bind(2, int(status)).bind(3, afterMs).bind(4, afterRid);
                s.bind(5, limit);
            },
            read);
    }
    if (department) {
        return collect<ListRow>(
            "SELECT " TICKET_COLUMNS " FROM tickets t INDEXED BY tickets_department_updated "
            "WHERE t.department_id = ?1 AND t.status = ?2 AND (t.updated_ms, t.rid) < (?3, ?4) "
            "ORDER BY t.updated_ms DESC, t.rid DESC LIMIT ?5",
            [&](Statement &s) {
                s.bind(1, uuidToBlob(*department)).bind(2, int(status)).bind(3, afterMs);
                s.bind(4, afterRid).bind(5, limit);
            },
            read);
    }
    return collect<ListRow>(
        "SELECT " TICKET_COLUMNS " FROM tickets t INDEXED BY tickets_status_updated "
        "WHERE t.status = ?1 AND (t.updated_ms, t.rid) < (?2, ?3) "
        "ORDER BY t.updated_ms DESC, t.rid DESC LIMIT ?4",
        [&](Statement &s) {
            s.bind(1, int(status)).bind(2, afterMs).bind(3, afterRid).bind(4, limit);
        },
        read);
}

namespace {

QList<TicketStatus> statusesOf(const TicketQuery &q)
{
    if (!q.statuses.isEmpty())
        return q.statuses;
    return {TicketStatus::New,    TicketStatus::Open,   TicketStatus::Pending,
            TicketStatus::OnHold, TicketStatus::Solved, TicketStatus::Closed};
}

} // namespace

Result<TicketPage> LocalStore::listTickets(const TicketQuery &query)
{
    if (query.limit <= 0 || query.limit > 10000)
        return Status(Status::Invalid, QStringLiteral("page size must be between 1 and 10000"));
    const qint64 afterMs =
        query.after ? query.after->updatedMs : std::numeric_limits<qint64>::max();
    const qint64 afterRid = query.after ? query.after->rowId : std::numeric_limits<qint64>::max();

    QList<std::optional<QUuid>> departments;
    for (const QUuid &dep : query.departments)
        departments.append(dep);
    if (departments.isEmpty())
        departments.append(std::nullopt);

    QList<ListRow> rows;
    for (TicketStatus status : statusesOf(query)) {
        for (const std::optional<QUuid> &dep : std::as_const(departments)) {
            auto part = d->listPartition(query, status, dep, afterMs, afterRid);
            if (!part.good())
                return part.status();
            rows.append(*part);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const ListRow &a, const ListRow &b) {
        return a.updatedMs != b.updatedMs ? a.updatedMs > b.updatedMs : a.rid > b.rid;
    });
    TicketPage page;
    const bool more = rows.size() > query.limit;
    if (more)
        rows.resize(query.limit);
    page.items.reserve(rows.size());
    for (ListRow &row : rows)
        page.items.append(TicketListItem{std::move(row.ticket), {}, {}, {}, {}, {}});
    if (more && !rows.isEmpty())
        page.next = PageCursor{rows.last().updatedMs, rows.last().rid};
    if (Status s = d->fillNames(page.items); !s.good())
        return s;
    return page;
}

Status LocalStore::Private::fillNames(QList<TicketListItem> &items)
{
    QHash<QUuid, QString> agentNames;
    QHash<QUuid, QString> departmentNames;
    for (TicketListItem &item : items) {
        const Ticket &t = item.ticket;
        if (!t.requesterId.isNull()) {
            auto requester = collect<std::pair<QString, QString>>(
                "SELECT name, emails FROM contacts WHERE id = ?1",
                [&](Statement &s) { s.bind(1, uuidToBlob(t.requesterId)); },
                [](const Statement &s) {
                    return std::pair{s.text(0), s.text(1)};
                });
            if (!requester.good())
                return requester.status();
            if (!requester->isEmpty()) {
                item.requesterName = requester->first().first;
                item.requesterEmail = requester->first().second.section(u'\n', 0, 0);
            }
        }
        if (!t.assigneeId.isNull()) {
            auto it = agentNames.find(t.assigneeId);
            if (it == agentNames.end()) {
                auto names = collect<QString>(
                    "SELECT name FROM agents WHERE id = ?1",
                    [&](Statement &s) { s.bind(1, uuidToBlob(t.assigneeId)); },
                    [](const Statement &s) { return s.text(0); });
                if (!names.good())
                    return names.status();
                it = agentNames.insert(t.assigneeId, names->value(0));
            }
            item.assigneeName = *it;
        }
        if (!t.departmentId.isNull()) {
            auto it = departmentNames.find(t.departmentId);
            if (it == departmentNames.end()) {
                auto names = collect<QString>(
                    "SELECT name FROM departments WHERE id = ?1",
                    [&](Statement &s) { s.bind(1, uuidToBlob(t.departmentId)); },
                    [](const Statement &s) { return s.text(0); });
                if (!names.good())
                    return names.status();
                it = departmentNames.insert(t.departmentId, names->value(0));
            }
            item.departmentName = *it;
        }
    }
    return {};
}

Result<qint64> LocalStore::countTickets(const TicketQuery &query)
{
    const QList<TicketStatus> statuses = statusesOf(query);
    QList<QByteArray> departments;
    for (const QUuid &dep : query.departments)
        departments.append(uuidToBlob(dep));
    const QByteArray assignee = query.assignee ? uuidToBlob(*query.assignee) : QByteArray();
    auto stmt = d->db->prepare("SELECT department_id, assignee_id, status, n FROM ticket_counts");
    if (!stmt.good())
        return stmt.status();
    Statement &s = **stmt;
    qint64 total = 0;
    while (s.next()) {
        if (!statuses.contains(TicketStatus(s.int64(2))))
            continue;
        if (!departments.isEmpty() && !departments.contains(s.blob(0)))
            continue;
        if (query.assignee && s.blob(1) != assignee)
            continue;
        total += s.int64(3);
    }
    if (!s.status().good())
        return s.status();
    return total;
}

// ---- filters ---------------------------------------------------------------------------------

namespace {

void bindValue(Statement &s, int index, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        s.bind(index, value.toByteArray());
        break;
    case QMetaType::QString:
        s.bind(index, value.toString());
        break;
    default:
        s.bind(index, value.toLongLong());
        break;
    }
}

// "keys after the cursor" in the order's directions: a row value comparison when all keys run
// one way (SQLite then seeks the index), else the expanded lexicographic comparison.
QByteArray keysetCondition(const QList<QByteArray> &keys, const QList<bool> &descending,
                           int firstParameter)
{
    const auto p = [&](int i) -> QByteArray {
        return '?' + QByteArray::number(firstParameter + i);
    };
    if (std::all_of(descending.cbegin(), descending.cend(),
                    [&](bool d) { return d == descending.first(); })) {
        QList<QByteArray> params;
        for (int i = 0; i < keys.size(); ++i)
            params.append(p(i));
        return '(' + keys.join(", ") + (descending.first() ? ") < (" : ") > (") +
               params.join(", ") + ')';
    }
    QList<QByteArray> alternatives;
    for (int i = 0; i < keys.size(); ++i) {
        QList<QByteArray> parts;
        for (int j = 0; j < i; ++j)
            parts.append(keys.at(j) + " = " + p(j));
        parts.append(keys.at(i) + (descending.at(i) ? " < " : " > ") + p(i));
        alternatives.append('(' + parts.join(" AND ") + ')');
    }
    return '(' + alternatives.join(" OR ") + ')';
}

bool countersAnswer(const CompiledFilter &filter)
{
    return std::all_of(filter.terms.cbegin(), filter.terms.cend(), [](const CompiledTerm &t) {
        return !t.negated &&
               (t.field == FilterField::Status || t.field == FilterField::Department ||
                t.field == FilterField::Assignee);
    });
}

// Columns an index hands over without reading the ticket's row (the row id always comes along).
enum IndexColumn : unsigned {
    StatusColumn = 1,
    PriorityColumn = 2,
    DepartmentColumn = 4,
    AssigneeColumn = 8,
    IdColumn = 16,
    UpdatedColumn = 32,
    CreatedColumn = 64,
    SpamColumn = 128,
    RowColumns = 1u << 30, // anything else: the row must be read
};

unsigned columnsOf(const CompiledTerm &t)
{
    switch (t.field) {
    case FilterField::Status:
        return StatusColumn;
    case FilterField::Priority:
        return PriorityColumn;
    case FilterField::Department:
        return DepartmentColumn;
    case FilterField::Assignee:
        return AssigneeColumn;
    case FilterField::Tag:
        return 0; // probes ticket_tags by row id
    case FilterField::Has:
        return IdColumn; // probes the messages' partial indexes by ticket id
    case FilterField::Updated:
        return UpdatedColumn;
    case FilterField::Created:
        return CreatedColumn;
    case FilterField::Is:
        return t.values == QStringList{QStringLiteral("spam")} ? SpamColumn : RowColumns;
    default:
        return RowColumns;
    }
}

// Relative costs per row: a step through an index, a step of a scan of the table, a ticket row
// read by its id (what dominates: about 1.5 µs with a warm cache at 1,000,000 tickets).
constexpr double kIndexStep = 1;
constexpr double kScanStep = 2;
constexpr double kRowRead = 18;

QList<qint64> statusSet(const CompiledTerm &t)
{
    if (!t.negated)
        return t.numbers;
    QList<qint64> others;
    for (qint64 v = 0; v <= qint64(TicketStatus::Closed); ++v) {
        if (!t.numbers.contains(v))
            others.append(v);
    }
    return others;
}

} // namespace

Result<qint64> LocalStore::Private::count(const QByteArray &sql, const QList<QVariant> &parameters)
{
    auto stmt = db->prepareBuilt(sql);
    if (!stmt.good())
        return stmt.status();
    Statement &s = **stmt;
    int index = 1;
    for (const QVariant &v : parameters)
        bindValue(s, index++, v);
    const qint64 n = s.next() ? s.int64(0) : 0;
    Status status = s.status();
    s.reset();
    if (!status.good())
        return status;
    return n;
}

Result<qint64> LocalStore::Private::boundedCount(const QByteArray &sql,
                                                 const QList<QVariant> &parameters, qint64 cap)
{
    return count("SELECT count(*) FROM (" + sql + " LIMIT ?" +
                     QByteArray::number(parameters.size() + 1) + ')',
                 QList<QVariant>(parameters) << QVariant(cap));
}

// The rows a text term reads when it drives, up to cap: its matches in the three full-text
// indexes (a ticket that matches in several places counts several times), each read newest
// first and only up to the bound, as search does.
Result<qint64> LocalStore::Private::textMatchBound(const CompiledTerm &term, qint64 cap)
{
    const FilterSql sql = toSql(CompiledFilter{{term}, {}, 0}, FilterPlan{{0}});
    const QVariant query = sql.parameters.value(0);
    qint64 total = 0;
    for (const char *part :
         {"SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?1 ORDER BY rowid DESC",
          "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?1 ORDER BY rowid DESC",
          "SELECT tk.rid FROM contacts_fts JOIN contacts c ON c.rid = contacts_fts.rowid JOIN "
          "tickets tk ON tk.requester_id = c.id WHERE contacts_fts MATCH ?1"}) {
        auto n = boundedCount(part, {query}, cap - total);
        if (!n.good())
            return n.status();
        total += *n;
        if (total >= cap)
            break;
    }
    return total;
}

// Chooses which terms drive the statement: the one whose index yields the fewest rows, weighed
// by whether the other terms then need the ticket's row (a list always reads the rows it sorts).
// Row counts are exact for status, department and assignee (ticket_counts) and counted through
// the term's own index otherwise, each bounded by the best plan found so far, so estimating
// never costs more than the plan it rules out.
Result<LocalStore::Private::FilterChoice> LocalStore::Private::planFilter(const CompiledFilter &f,
                                                                          bool listing)
{
    struct Counter
    {
        QByteArray department;
        QByteArray assignee;
        qint64 status;
        qint64 n;
    };
    auto counters = collect<Counter>(
        "SELECT department_id, assignee_id, status, n FROM ticket_counts", [](Statement &) {},
        [](const Statement &s) {
            return Counter{s.blob(0), s.blob(1), s.int64(2), s.int64(3)};
        });
    if (!counters.good())
        return counters.status();
    FilterChoice choice;
    for (const Counter &c : std::as_const(*counters))
        choice.total += c.n;
    choice.fewest = choice.total;
    choice.cost = double(choice.total) * kScanStep; // no driving term: a scan of the table

    const auto first = [&](FilterField field, bool negatedToo) -> int {
        for (int i = 0; i < f.terms.size(); ++i) {
            if (f.terms.at(i).field == field && (negatedToo || !f.terms.at(i).negated))
                return i;
        }
        return -1;
    };
    const int statusTerm = first(FilterField::Status, true);
    const QList<qint64> statuses =
        statusTerm >= 0 ? statusSet(f.terms.at(statusTerm)) : QList<qint64>{};
    const auto idSelected = [](const CompiledTerm &t, const QByteArray &blob) {
        return t.ids.contains(blob.isEmpty() ? QUuid() : uuidFromBlob(blob));
    };
    const auto weight = [&](const QList<int> &driving, unsigned covers) {
        if (listing)
            return kIndexStep + kRowRead;
        for (int i = 0; i < f.terms.size(); ++i) {
            if (!driving.contains(i) && (columnsOf(f.terms.at(i)) & ~covers) != 0)
                return kIndexStep + kRowRead;
        }
        return kIndexStep;
    };
    const auto consider = [&](const QList<int> &driving, qint64 rows, double w) {
        choice.fewest = std::min(choice.fewest, rows);
        if (double(rows) * w < choice.cost) {
            choice.cost = double(rows) * w;
            choice.plan.driving = driving;
        }
    };
    // The most rows a term may select and still beat the best plan so far.
    const auto cap = [&](double w) { return qint64(choice.cost / w) + 1; };

    // Status, department and assignee: their indexes lead with the column, then the status.
    const auto partition = [&](int term, unsigned column) {
        QList<int> driving{term};
        if (statusTerm >= 0 && statusTerm != term)
            driving.append(statusTerm);
        qint64 rows = 0;
        for (const Counter &c : std::as_const(*counters)) {
            if (statusTerm >= 0 && !statuses.contains(c.status))
                continue;
            if (column == DepartmentColumn && !idSelected(f.terms.at(term), c.department))
                continue;
            if (column == AssigneeColumn && !idSelected(f.terms.at(term), c.assignee))
                continue;
            rows += c.n;
        }
        consider(driving, rows, weight(driving, column | StatusColumn | UpdatedColumn));
    };
    if (statusTerm >= 0)
        partition(statusTerm, StatusColumn);
    if (const int t = first(FilterField::Department, false); t >= 0)
        partition(t, DepartmentColumn);
    if (const int t = first(FilterField::Assignee, false); t >= 0)
        partition(t, AssigneeColumn);

    // Every other term that can drive, counted through its index up to the bound.
    for (int i = 0; i < f.terms.size(); ++i) {
        const CompiledTerm &t = f.terms.at(i);
        if (!canDrive(t) || t.field == FilterField::Status || t.field == FilterField::Department ||
            t.field == FilterField::Assignee)
            continue;
        QList<int> driving{i};
        unsigned covers = 0;
        switch (t.field) {
        case FilterField::Priority:
            if (statusTerm >= 0)
                driving.append(statusTerm);
            covers = PriorityColumn | StatusColumn | IdColumn; // tickets_priority
            break;
        case FilterField::Has:
            covers = IdColumn;
            break;
        case FilterField::Created:
            covers = CreatedColumn;
            break;
        case FilterField::Updated:
        case FilterField::Is:
            covers = UpdatedColumn | SpamColumn;
            break;
        default:
            break;
        }
        const double w = weight(driving, covers);
        const qint64 bound = cap(w);
        Result<qint64> rows = qint64(0);
        if (t.field == FilterField::Number) {
            rows = qint64(t.numbers.size());
        } else if (t.field == FilterField::Text) {
            rows = textMatchBound(t, bound);
        } else if (t.field == FilterField::Tag) {
            const FilterSql sql = toSql(CompiledFilter{{t}, {}, f.nowMs}, FilterPlan{{0}});
            QList<QByteArray> params;
            for (int p = 1; p <= sql.parameters.size(); ++p)
                params.append('?' + QByteArray::number(p));
            rows =
                boundedCount("SELECT 1 FROM ticket_tags WHERE tag IN (" + params.join(", ") + ')',
                             sql.parameters, bound);
        } else if (t.field == FilterField::Has) {
            rows = boundedCount(t.values.first() == u"note"
                                    ? QByteArray("SELECT 1 FROM messages m WHERE m.kind = 2")
                                    : QByteArray("SELECT 1 FROM messages m WHERE m.attachments "
                                                 "IS NOT NULL"),
                                {}, bound);
        } else {
            CompiledFilter part{{}, {}, f.nowMs};
            FilterPlan partPlan;
            for (int d : std::as_const(driving)) {
                partPlan.driving.append(int(part.terms.size()));
                part.terms.append(f.terms.at(d));
            }
            const FilterSql sql = toSql(part, partPlan);
            rows =
                boundedCount("SELECT 1 FROM tickets t WHERE " + sql.where, sql.parameters, bound);
        }
        if (!rows.good())
            return rows.status();
        consider(driving, *rows, w);
    }
    return choice;
}

Result<FilteredPage> LocalStore::listFiltered(const CompiledFilter &filter, int limit,
                                              const std::optional<FilterCursor> &after)
{
    if (limit <= 0 || limit > 10000)
        return Status(Status::Invalid, QStringLiteral("page size must be between 1 and 10000"));
    const QList<SortSpec> order =
        filter.order.isEmpty() ? QList<SortSpec>{{SortKey::Updated, true}} : filter.order;
    QList<QByteArray> keys;
    QList<bool> descending;
    for (const SortSpec &spec : order) {
        keys.append(sortKeySql(spec.key));
        descending.append(spec.descending);
    }
    keys.append("t.rid");
    descending.append(order.first().descending);
    if (after && after->keys.size() != keys.size())
        return Status(Status::Invalid, QStringLiteral("the page cursor is for another order"));

    auto choice = d->planFilter(filter, true);
    if (!choice.good())
        return choice.status();
    // Orders an index serves (with the row id as its last key): a walk of that index from the
    // cursor meets the tickets in the list's order, so the first limit+1 that match are the
    // page, whatever the rest of the table holds. It is bounded: when the first
    // filterWalkRows rows read do not fill the page, the driving plan answers instead. A walk
    // is tried when the driving terms leave so many rows that it should fill the page soon.
    const bool indexedOrder = order.size() == 1 && (order.first().key == SortKey::Updated ||
                                                    order.first().key == SortKey::Created ||
                                                    order.first().key == SortKey::NextDeadline);
    const double walkRows =
        double(limit + 1) * double(choice->total) / double(std::max<qint64>(1, choice->fewest));
    const bool walk = indexedOrder && walkRows <= d->filterWalkRows / 2.0 &&
                      walkRows * (kIndexStep + kRowRead / 2) < choice->cost;

    QList<QByteArray> orderBy;
    for (qsizetype i = 0; i < keys.size(); ++i)
        orderBy.append(keys.at(i) + (descending.at(i) ? " DESC" : " ASC"));
    const auto bindKeys = [](Statement &s, int index, const QList<qint64> &values) {
        for (qint64 k : values)
            s.bind(index++, k);
    };

    // The walk's bound: the keys of the filterWalkRows-th row after the cursor, read from the
    // order's index alone; none when fewer rows are left (the walk then reads to the end).
    std::optional<QList<qint64>> walkEnd;
    if (walk) {
        QByteArray sql = "SELECT " + keys.join(", ") + " FROM tickets t";
        if (after)
            sql += " WHERE " + keysetCondition(keys, descending, 1);
        sql += " ORDER BY " + orderBy.join(", ") + " LIMIT 1 OFFSET " +
               QByteArray::number(d->filterWalkRows - 1);
        auto stmt = d->db->prepareBuilt(sql);
        if (!stmt.good())
            return stmt.status();
        Statement &s = **stmt;
        if (after)
            bindKeys(s, 1, after->keys);
        if (s.next())
            walkEnd = QList<qint64>{s.int64(0), s.int64(1)};
        Status status = s.status();
        s.reset();
        if (!status.good())
            return status;
    }

    const auto run = [&](bool walking) -> Result<std::pair<FilteredPage, bool>> {
        // Walking, no term may reach rows through an index of its own: SQLite then walks the
        // order's index from the cursor to the bound and stops at limit+1 matches.
        FilterPlan plan = walking ? FilterPlan{} : choice->plan;
        plan.scan = !walking && plan.driving.isEmpty();
        FilterSql where = toSql(filter, plan);
        QByteArray sql = "SELECT " TICKET_COLUMNS;
        for (qsizetype i = 0; i + 1 < keys.size(); ++i)
            sql += ", " + keys.at(i);
        sql += " FROM tickets t WHERE " + where.where;
        int next = int(where.parameters.size()) + 1;
        if (after) {
            sql += " AND " + keysetCondition(keys, descending, next);
            next += int(keys.size());
        }
        if (walking && walkEnd) {
            sql += " AND (" + keys.join(", ") + (descending.first() ? ") >= (?" : ") <= (?") +
                   QByteArray::number(next) + ", ?" + QByteArray::number(next + 1) + ')';
        }
        sql += " ORDER BY " + orderBy.join(", ") + " LIMIT " + QByteArray::number(limit + 1);

        auto stmt = d->db->prepareBuilt(sql);
        if (!stmt.good())
            return stmt.status();
        Statement &s = **stmt;
        int index = 1;
        for (const QVariant &v : std::as_const(where.parameters))
            bindValue(s, index++, v);
        if (after) {
            bindKeys(s, index, after->keys);
            index += int(after->keys.size());
        }
        if (walking && walkEnd)
            bindKeys(s, index, *walkEnd);
        constexpr int kFirstKeyColumn = 27;
        FilteredPage page;
        FilterCursor last;
        bool full = false;
        while (s.next()) {
            if (page.items.size() == limit) {
                page.next = last;
                full = true;
                break;
            }
            page.items.append(TicketListItem{readTicket(s), {}, {}, {}, {}, {}});
            last.keys.clear();
            for (int i = 0; i + 1 < keys.size(); ++i)
                last.keys.append(s.int64(kFirstKeyColumn + i));
            last.keys.append(s.int64(0));
        }
        Status status = s.status();
        s.reset();
        if (!status.good())
            return status;
        return std::pair{std::move(page), full};
    };

    std::optional<FilteredPage> page;
    if (walk) {
        auto walked = run(true);
        if (!walked.good())
            return walked.status();
        // A full page is the answer; so is a short one when the walk went to the end.
        if (walked->second || !walkEnd)
            page = std::move(walked->first);
    }
    if (!page) {
        auto driven = run(false);
        if (!driven.good())
            return driven.status();
        page = std::move(driven->first);
    }
    if (Status names = d->fillNames(page->items); !names.good())
        return names;
    return std::move(*page);
}

Result<qint64> LocalStore::countFiltered(const CompiledFilter &filter)
{
    if (countersAnswer(filter)) {
        auto stmt =
            d->db->prepare("SELECT department_id, assignee_id, status, n FROM ticket_counts");
        if (!stmt.good())
            return stmt.status();
        Statement &s = **stmt;
        qint64 total = 0;
        while (s.next()) {
            const QUuid department = uuidFromBlob(s.blob(0));
            const QUuid assignee = uuidFromBlob(s.blob(1));
            const qint64 status = s.int64(2);
            const bool selected =
                std::all_of(filter.terms.cbegin(), filter.terms.cend(), [&](const CompiledTerm &t) {
                    switch (t.field) {
                    case FilterField::Status:
                        return t.numbers.contains(status);
                    case FilterField::Department:
                        return t.ids.contains(department);
                    default:
                        return t.ids.contains(assignee);
                    }
                });
            if (selected)
                total += s.int64(3);
        }
        if (!s.status().good())
            return s.status();
        return total;
    }
    auto choice = d->planFilter(filter, false);
    if (!choice.good())
        return choice.status();
    FilterPlan plan = choice->plan;
    plan.scan = plan.driving.isEmpty();
    const FilterSql where = toSql(filter, plan);
    return d->count("SELECT count(*) FROM tickets t WHERE " + where.where, where.parameters);
}

Status LocalStore::setFilterWalkRows(int rows)
{
    if (rows < 1)
        return {Status::Invalid, QStringLiteral("a walk reads at least one row")};
    d->filterWalkRows = rows;
    return {};
}

Result<FilterContext> LocalStore::filterContext(const QDateTime &now)
{
    FilterContext context;
    context.now = now;
    auto departments = this->departments();
    if (!departments.good())
        return departments.status();
    context.departments = *departments;
    auto agents = this->agents();
    if (!agents.good())
        return agents.status();
    context.agents = *agents;
    auto me = currentAgent();
    if (!me.good())
        return me.status();
    context.me = *me;
    return context;
}

Result<FilterVocabulary> LocalStore::filterVocabulary()
{
    FilterVocabulary vocabulary;
    auto departments = this->departments();
    if (!departments.good())
        return departments.status();
    for (const Department &d : std::as_const(*departments))
        vocabulary.departments.append(d.name);
    auto agents = this->agents();
    if (!agents.good())
        return agents.status();
    for (const Agent &a : std::as_const(*agents)) {
        vocabulary.agents.append(a.name);
        vocabulary.agentEmails.append(a.email);
    }
    const auto text = [](const Statement &s) { return s.text(0); };
    auto tags = d->collect<QString>(
        "WITH RECURSIVE v(x) AS (SELECT min(tag) FROM ticket_tags UNION ALL "
        "SELECT (SELECT min(tag) FROM ticket_tags WHERE tag > v.x) FROM v WHERE v.x IS NOT NULL) "
        "SELECT x FROM v WHERE x IS NOT NULL",
        [](Statement &) {}, text);
    if (!tags.good())
        return tags.status();
    vocabulary.tags = *tags;
    auto categories = d->collect<QString>(
        "WITH RECURSIVE v(x) AS (SELECT min(category) FROM tickets INDEXED BY tickets_category "
        "WHERE category IS NOT NULL UNION ALL SELECT (SELECT min(category) FROM tickets INDEXED "
        "BY tickets_category WHERE category IS NOT NULL AND category > v.x) FROM v WHERE v.x IS "
        "NOT NULL) SELECT x FROM v WHERE x IS NOT NULL AND x <> ''",
        [](Statement &) {}, text);
    if (!categories.good())
        return categories.status();
    vocabulary.categories = *categories;
    return vocabulary;
}

Result<TicketFacts> LocalStore::ticketFacts(const QUuid &id)
{
    auto ticket = this->ticket(id);
    if (!ticket.good())
        return ticket.status();
    std::optional<Contact> requester;
    if (!ticket->requesterId.isNull()) {
        auto contact = this->contact(ticket->requesterId);
        if (contact.good())
            requester = *contact;
        else if (contact.status().code() != Status::NotFound)
            return contact.status();
    }
    auto messages = this->messages(id);
    if (!messages.good())
        return messages.status();
    return TicketFacts::make(*ticket, requester, *messages);
}

Result<QUuid> LocalStore::currentAgent()
{
    auto rows = d->collect<QUuid>(
        "SELECT value FROM profile WHERE key = 'agent_id'", [](Statement &) {},
        [](const Statement &s) { return uuidFromBlob(s.blob(0)); });
    if (!rows.good())
        return rows.status();
    return rows->value(0);
}

Result<std::optional<Agent>> LocalStore::signedInAgent()
{
    auto id = currentAgent();
    if (!id.good())
        return id.status();
    if (id->isNull())
        return std::optional<Agent>();
    auto all = agents();
    if (!all.good())
        return all.status();
    for (const Agent &agent : std::as_const(*all)) {
        if (agent.id == *id)
            return std::optional<Agent>(agent);
    }
    Agent known;
    known.id = *id;
    return std::optional<Agent>(known);
}

Status LocalStore::setCurrentAgent(const QUuid &agentId)
{
    return d->db->run("INSERT INTO profile(key, value) VALUES ('agent_id', ?1) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      [&](Statement &s) { s.bind(1, uuidToBlob(agentId)); });
}

Status LocalStore::setAutoCheckpoint(int pages)
{
    return d->db->execute(
        QByteArray("PRAGMA wal_autocheckpoint = " + QByteArray::number(pages)).constData());
}

Status LocalStore::checkpoint()
{
    return d->db->execute("PRAGMA wal_checkpoint(PASSIVE)");
}

namespace {
constexpr const char *kSearchIndexes[] = {"tickets_fts", "messages_fts", "contacts_fts"};
} // namespace

Status LocalStore::setSearchAutomerge(bool on)
{
    WriteBatch batch(*this);
    if (!batch.status().good())
        return batch.status();
    for (const char *table : kSearchIndexes) {
        // The FTS5 default is 4 (merge when a level has 4 segments).
        const QByteArray sql = QByteArrayLiteral("INSERT INTO ") + table + "(" + table +
                               ", rank) VALUES('automerge', " + (on ? "4" : "0") + ")";
        if (Status s = d->db->execute(sql.constData()); !s.good())
            return s;
    }
    return batch.commit();
}

Result<bool> LocalStore::mergeSearchIndexes(int pages, int maxSteps)
{
    for (int step = 0; step < maxSteps; ++step) {
        WriteBatch batch(*this);
        if (!batch.status().good())
            return batch.status();
        bool worked = false;
        for (const char *table : kSearchIndexes) {
            // A positive count merges levels holding at least 'usermerge' (4) segments. FTS5
            // counts two or more changes when the merge did some work, fewer when it did none.
            const qint64 before = d->db->totalChanges();
            const QByteArray sql = QByteArrayLiteral("INSERT INTO ") + table + "(" + table +
                                   ", rank) VALUES('merge', " + QByteArray::number(pages) + ")";
            if (Status s = d->db->execute(sql.constData()); !s.good())
                return s;
            worked = worked || d->db->totalChanges() - before >= 2;
        }
        if (Status s = batch.commit(); !s.good())
            return s;
        if (!worked)
            return true;
    }
    return false;
}

Result<QString> LocalStore::profileValue(const QString &key)
{
    auto rows = d->collect<QString>(
        "SELECT value FROM profile WHERE key = ?1", [&](Statement &s) { s.bind(1, key); },
        [](const Statement &s) { return s.text(0); });
    if (!rows.good())
        return rows.status();
    return rows->value(0);
}

Status LocalStore::setProfileValue(const QString &key, const QString &value)
{
    return d->db->run("INSERT INTO profile(key, value) VALUES (?1, ?2) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      [&](Statement &s) { s.bind(1, key).bind(2, value); });
}

Result<std::optional<Ticket>> LocalStore::nextTicket(const QUuid &agentId)
{
    auto agents = this->agents();
    if (!agents.good())
        return agents.status();
    const auto agent = std::find_if(agents->cbegin(), agents->cend(),
                                    [&](const Agent &a) { return a.id == agentId; });
    if (agent == agents->cend())
        return Status(Status::NotFound, QStringLiteral("no agent %1").arg(uuidToString(agentId)));
    auto departments = this->departments();
    if (!departments.good())
        return departments.status();

    std::optional<Ticket> best;
    for (const DepartmentMembership &membership : agent->departments) {
        const auto department =
            std::find_if(departments->cbegin(), departments->cend(),
                         [&](const Department &d) { return d.id == membership.departmentId; });
        const auto term = [](FilterField field) {
            CompiledTerm t;
            t.field = field;
            return t;
        };
        CompiledFilter filter;
        CompiledTerm status = term(FilterField::Status);
        status.numbers = {qint64(TicketStatus::New), qint64(TicketStatus::Open)};
        CompiledTerm unassigned = term(FilterField::Assignee);
        unassigned.ids = {QUuid()};
        CompiledTerm inDepartment = term(FilterField::Department);
        inDepartment.ids = {membership.departmentId};
        CompiledTerm tier = term(FilterField::Tier);
        tier.high = membership.tier + 1;
        CompiledTerm set = term(FilterField::Is);
        set.negated = true;
        set.values = {QStringLiteral("spam"), QStringLiteral("merged")};
        filter.terms = {status, unassigned, inDepartment, tier, set};
        filter.order = {{SortKey::Tier, true}};
        filter.order +=
            queueOrderKeys(department != departments->cend() ? department->queueOrder
                                                             : QueueOrder::PriorityThenAge);
        auto page = listFiltered(filter, 1);
        if (!page.good())
            return page.status();
        if (page->items.isEmpty())
            continue;
        const Ticket &candidate = page->items.first().ticket;
        if (!best || candidate.tier > best->tier ||
            (candidate.tier == best->tier && candidate.created < best->created))
            best = candidate;
    }
    return best;
}

// ---- search ----------------------------------------------------------------------------------

// Where a ticket matched: more places rank higher, then subject above requester above message.
enum MatchSource { SubjectMatch = 4, ContactMatch = 2, MessageMatch = 1 };

struct Candidate
{
    int score = 0; // MatchSource bits
    qint64 updatedMs = 0;
    QString subjectSnippet; // the subject with the matches highlighted
    QString contactSnippet; // the requester's name and addresses with the matches highlighted
    QString messageSnippet; // from the newest matching message
};

// Adds the tickets that match ftsQuery to candidates, with a highlighted snippet of where they
// matched. Each table is read newest match first and reading stops as soon as enough tickets
// are found: ORDER BY rowid DESC walks the index backwards without looking at older matches,
// where ranking every match of a common word costs time proportional to the number of matches
// (see docs/performance.md). Snippets are made while reading, once per row read, because a
// second FTS5 query per ticket would redo a prefix term's merge of match lists every time.
Status LocalStore::Private::collectCandidates(const QString &ftsQuery, int wanted,
                                              const SearchOptions &options,
                                              QHash<qint64, Candidate> &candidates)
{
    auto subjects = collect<std::pair<qint64, QString>>(
        "SELECT rowid, highlight(tickets_fts, 0, ?3, ?4) FROM tickets_fts WHERE tickets_fts "
        "MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        [&](Statement &s) {
            s.bind(1, ftsQuery).bind(2, wanted).bind(3, options.highlightOpen);
            s.bind(4, options.highlightClose);
        },
        [](const Statement &s) {
            return std::pair{s.int64(0), s.text(1)};
        });
    if (!subjects.good())
        return subjects.status();
    for (const auto &[rid, highlighted] : std::as_const(*subjects)) {
        Candidate &c = candidates[rid];
        c.score |= SubjectMatch;
        c.subjectSnippet = highlighted;
    }

    auto requesters = collect<std::pair<qint64, QString>>(
        "SELECT t.rid, f.name, f.emails FROM (SELECT rowid, highlight(contacts_fts, 0, ?3, ?4) "
        "AS name, highlight(contacts_fts, 1, ?3, ?4) AS emails FROM contacts_fts WHERE "
        "contacts_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) f CROSS JOIN contacts c ON c.rid = "
        "f.rowid CROSS JOIN tickets t ON t.requester_id = c.id LIMIT ?2",
        [&](Statement &s) {
            s.bind(1, ftsQuery).bind(2, wanted).bind(3, options.highlightOpen);
            s.bind(4, options.highlightClose);
        },
        [](const Statement &s) {
            QString who = s.text(1);
            who += QStringLiteral(" <");
            who += s.text(2).replace(u'\n', QStringLiteral(", "));
            who += u'>';
            return std::pair{s.int64(0), who};
        });
    if (!requesters.good())
        return requesters.status();
    for (const auto &[rid, who] : std::as_const(*requesters)) {
        Candidate &c = candidates[rid];
        c.score |= ContactMatch;
        c.contactSnippet = who;
    }

    // Messages: one long thread can hold hundreds of matches, so read until enough distinct
    // tickets were seen, within a bound on the matches read.
    auto stmt = db->prepare(
        "SELECT t.rid, f.snip FROM (SELECT rowid, snippet(messages_fts, 0, ?3, ?4, '…', 16) AS "
        "snip FROM messages_fts WHERE messages_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2) f "
        "CROSS JOIN messages m ON m.rid = f.rowid CROSS JOIN tickets t ON t.id = m.ticket_id");
    if (!stmt.good())
        return stmt.status();
    Statement &s = **stmt;
    s.bind(1, ftsQuery).bind(2, wanted * 8).bind(3, options.highlightOpen);
    s.bind(4, options.highlightClose);
    int tickets = 0;
    while (tickets < wanted && s.next()) {
        Candidate &c = candidates[s.int64(0)];
        if (!(c.score & MessageMatch)) {
            c.score |= MessageMatch;
            c.messageSnippet = s.text(1);
            ++tickets;
        }
    }
    Status status = s.status();
    s.reset();
    return status;
}

Result<QList<TicketListItem>> LocalStore::search(const QString &text, const SearchOptions &options)
{
    QList<TicketListItem> results;
    const QString exactQuery = toFtsQuery(text, FtsTerms::Exact);
    if (exactQuery.isEmpty() || options.limit <= 0)
        return results;
    const int wanted = options.limit * 2;

    // Whole words first. Only when they do not fill the page are the words also taken as
    // prefixes ("acc" → "account"): a prefix query merges the match lists of every word it
    // covers, which is the expensive part for common words.
    QHash<qint64, Candidate> candidates;
    if (Status s = d->collectCandidates(exactQuery, wanted, options, candidates); !s.good())
        return s;
    const QString prefixQuery = toFtsQuery(text, FtsTerms::Prefix);
    if (candidates.size() < options.limit && prefixQuery != exactQuery) {
        if (Status s = d->collectCandidates(prefixQuery, wanted, options, candidates); !s.good())
            return s;
    }

    // Rank by where it matched, then by recency; read whole rows only for the page returned.
    QList<qint64> order;
    order.reserve(candidates.size());
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        auto updated = d->collect<qint64>(
            "SELECT updated_ms FROM tickets WHERE rid = ?1",
            [&](Statement &s) { s.bind(1, it.key()); },
            [](const Statement &s) { return s.int64(0); });
        if (!updated.good())
            return updated.status();
        it->updatedMs = updated->value(0);
        order.append(it.key());
    }
    std::sort(order.begin(), order.end(), [&](qint64 a, qint64 b) {
        const Candidate &ca = candidates[a];
        const Candidate &cb = candidates[b];
        const int sa = std::popcount(unsigned(ca.score)) * 8 + ca.score;
        const int sb = std::popcount(unsigned(cb.score)) * 8 + cb.score;
        if (sa != sb)
            return sa > sb;
        return ca.updatedMs != cb.updatedMs ? ca.updatedMs > cb.updatedMs : a > b;
    });
    if (order.size() > options.limit)
        order.resize(options.limit);

    for (qint64 rid : std::as_const(order)) {
        auto row = d->collect<Ticket>(
            "SELECT " TICKET_COLUMNS " FROM tickets t WHERE t.rid = ?1",
            [&](Statement &s) { s.bind(1, rid); }, readTicket);
        if (!row.good())
            return row.status();
        if (row->isEmpty())
            continue;
        const Candidate &c = candidates[rid];
        const QString &snippet = (c.score & SubjectMatch)   ? c.subjectSnippet
                                 : (c.score & ContactMatch) ? c.contactSnippet
                                                            : c.messageSnippet;
        results.append(TicketListItem{std::move(row->first()), {}, {}, {}, {}, snippet});
    }
    if (Status s = d->fillNames(results); !s.good())
        return s;
    return results;
}

} // namespace Pult
