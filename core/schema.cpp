#include "schema.h"

#include "sqlitedb.h"

#include <array>

namespace Pult::Schema {
namespace {

// Step 1: the cache tables and the outbox. Enumerations are stored as their index in domain.h
// (stable: new values are only ever appended); times as UTC milliseconds; ids as 16-byte blobs.
constexpr const char *kStep1 = R"sql(
CREATE TABLE departments(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT,
    lead_id BLOB, business_hours TEXT, sla_policy TEXT, queue_order INTEGER NOT NULL);
CREATE TABLE agents(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT NOT NULL,
    role INTEGER NOT NULL);
CREATE TABLE agent_departments(
    agent_id BLOB NOT NULL, department_id BLOB NOT NULL, tier INTEGER NOT NULL,
    PRIMARY KEY(agent_id, department_id)) WITHOUT ROWID;
CREATE TABLE contacts(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, name TEXT NOT NULL,
    emails TEXT NOT NULL, -- one address per line
    phone TEXT, organisation TEXT, language TEXT, time_zone TEXT, notes TEXT, plan TEXT,
    plan_tier INTEGER NOT NULL DEFAULT 0);
CREATE TABLE tickets(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, number INTEGER UNIQUE,
    subject TEXT NOT NULL, status INTEGER NOT NULL, priority INTEGER NOT NULL,
    department_id BLOB, category TEXT, assignee_id BLOB, requester_id BLOB,
    channel INTEGER NOT NULL, tags TEXT NOT NULL DEFAULT '', -- one tag per line
    tier INTEGER NOT NULL DEFAULT 1, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
    first_response_ms INTEGER, solved_ms INTEGER, due_ms INTEGER, reminder_ms INTEGER,
    first_response_deadline_ms INTEGER, resolution_deadline_ms INTEGER,
    spam INTEGER NOT NULL DEFAULT 0, merged_into BLOB,
    linked BLOB, -- concatenated 16-byte ids
    unread INTEGER NOT NULL DEFAULT 0);
CREATE INDEX tickets_status_updated ON tickets(status, updated_ms);
CREATE INDEX tickets_assignee_updated ON tickets(assignee_id, status, updated_ms);
CREATE INDEX tickets_department_updated ON tickets(department_id, status, updated_ms);
CREATE INDEX tickets_requester ON tickets(requester_id, updated_ms);
CREATE INDEX tickets_resolution_deadline ON tickets(resolution_deadline_ms)
    WHERE resolution_deadline_ms IS NOT NULL AND status < 4;
CREATE TABLE ticket_tags(
    tag TEXT NOT NULL, ticket_rid INTEGER NOT NULL, PRIMARY KEY(tag, ticket_rid)) WITHOUT ROWID;
CREATE INDEX ticket_tags_ticket ON ticket_tags(ticket_rid);
CREATE TABLE messages(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, ticket_id BLOB NOT NULL,
    kind INTEGER NOT NULL, author_id BLOB, author_name TEXT, created_ms INTEGER NOT NULL,
    body TEXT NOT NULL, body_html TEXT,
    attachments TEXT); -- JSON array of {hash,name,type,size}
CREATE INDEX messages_ticket ON messages(ticket_id, created_ms);
CREATE TABLE history(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, ticket_id BLOB NOT NULL, actor_id BLOB,
    time_ms INTEGER NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT);
CREATE INDEX history_ticket ON history(ticket_id, time_ms);
CREATE TABLE canned_responses(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, title TEXT NOT NULL, shortcut TEXT,
    body TEXT NOT NULL, scope INTEGER NOT NULL, owner_id BLOB);
-- Local work not yet acknowledged by the server, in the order it was made.
CREATE TABLE outbox(
    seq INTEGER PRIMARY KEY, op_id BLOB NOT NULL UNIQUE, created_ms INTEGER NOT NULL,
    kind TEXT NOT NULL, payload BLOB NOT NULL);
)sql";

// Step 2: full-text search. External-content FTS5 tables over the cache tables; the "pult"
// tokenizer folds case, accents and undecomposable letters; prefix indexes make short prefixes
// cheap. LocalStore::put keeps them in step with statements of their own, not triggers: FTS5
// writes its pending index data out as a new segment at every statement savepoint, and a
// trigger that writes an FTS table always opens one, which made bulk writes 2.7 times slower.
constexpr const char *kStep2 = R"sql(
CREATE VIRTUAL TABLE tickets_fts USING fts5(
    subject, content='tickets', content_rowid='rid', tokenize='pult', prefix='2 3');
CREATE VIRTUAL TABLE messages_fts USING fts5(
    body, content='messages', content_rowid='rid', tokenize='pult', prefix='2 3');
CREATE VIRTUAL TABLE contacts_fts USING fts5(
    name, emails, content='contacts', content_rowid='rid', tokenize='pult', prefix='2 3');
INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild');
INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');
)sql";

// Step 3: ticket counters per (department, assignee, status), kept by triggers, so every view
// count is a sum over a few hundred rows whatever the number of tickets. x'' stands for "none".
constexpr const char *kStep3 = R"sql(
CREATE TABLE ticket_counts(
    department_id BLOB NOT NULL, assignee_id BLOB NOT NULL, status INTEGER NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY(department_id, assignee_id, status)) WITHOUT ROWID;
INSERT INTO ticket_counts
    SELECT coalesce(department_id, x''), coalesce(assignee_id, x''), status, count(*)
    FROM tickets WHERE true GROUP BY 1, 2, 3;
CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_counts VALUES
        (coalesce(new.department_id, x''), coalesce(new.assignee_id, x''), new.status, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets BEGIN
    UPDATE ticket_counts SET n = n - 1
        WHERE department_id = coalesce(old.department_id, x'')
          AND assignee_id = coalesce(old.assignee_id, x'') AND status = old.status;
END;
CREATE TRIGGER ticket_counts_update AFTER UPDATE OF department_id, assignee_id, status ON tickets
    WHEN old.department_id IS NOT new.department_id OR old.assignee_id IS NOT new.assignee_id
      OR old.status IS NOT new.status
BEGIN
    UPDATE ticket_counts SET n = n - 1
        WHERE department_id = coalesce(old.department_id, x'')
          AND assignee_id = coalesce(old.assignee_id, x'') AND status = old.status;
    INSERT INTO ticket_counts VALUES
        (coalesce(new.department_id, x''), coalesce(new.assignee_id, x''), new.status, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;
)sql";

// Step 4: filters. Lists in the orders a filter can ask for walk an index in that order and stop
// after a page, whatever else the filter says; has:attachment and has:note read small partial
// indexes instead of probing every ticket's messages; the category index lets completion list
// the distinct categories without a scan; the profile records who is signed in.
constexpr const char *kStep4 = R"sql(
CREATE INDEX tickets_updated ON tickets(updated_ms);
CREATE INDEX tickets_created ON tickets(created_ms);
CREATE INDEX tickets_category ON tickets(category) WHERE category IS NOT NULL;
CREATE INDEX messages_with_attachments ON messages(ticket_id) WHERE attachments IS NOT NULL;
CREATE INDEX messages_notes ON messages(ticket_id) WHERE kind = 2;
CREATE TABLE profile(key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
)sql";

// Step 5: sync. The server's own state of each ticket that local work changes (what pending
// operations are rebased on and a refused one is rolled back to), and the operations the server
// refused, kept for the user to read.
constexpr const char *kStep5 = R"sql(
CREATE TABLE ticket_base(id BLOB PRIMARY KEY, snapshot TEXT) WITHOUT ROWID;
CREATE TABLE rejections(
    seq INTEGER PRIMARY KEY, op_id BLOB NOT NULL UNIQUE, kind TEXT NOT NULL,
    payload BLOB NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, ticket_id BLOB,
    time_ms INTEGER NOT NULL);
)sql";
// Step 6: the departments' reply header and footer templates.
constexpr const char *kStep6 = R"sql(
ALTER TABLE departments ADD COLUMN reply_header TEXT;
ALTER TABLE departments ADD COLUMN reply_footer TEXT;
)sql";
// Step 7: filters shared by a lead with a department, or by an admin with everyone.
constexpr const char *kStep7 = R"sql(
CREATE TABLE shared_filters(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, name TEXT NOT NULL, query TEXT NOT NULL,
    department_id BLOB);
)sql";
// Step 8: filter plans (LocalStore::listFiltered). The next SLA deadline not yet met as a virtual
// generated column (computed by SQLite from the row, so every write path keeps it right; it is
// exactly sortKeySql(SortKey::NextDeadline) and sortKeyValue()) with an index, so "sla<2h" is a
// range and "sort:sla" a walk of that index; a partial index of spam in update order ("is:spam"
// counts and pages); priority then status then id, so priority terms count without reading rows
// and has: terms can probe the messages' partial indexes by the ticket id the index holds.
// Adding a virtual column writes no row; the step took 3.5 s at 1,000,000 tickets.
constexpr const char *kStep8 = R"sql(
ALTER TABLE tickets ADD COLUMN next_deadline_ms INTEGER GENERATED ALWAYS AS (
    CASE WHEN status < 4 THEN min(
        ifnull(CASE WHEN first_response_ms IS NULL THEN first_response_deadline_ms END,
               9223372036854775807),
        ifnull(resolution_deadline_ms, 9223372036854775807))
    ELSE 9223372036854775807 END) VIRTUAL;
CREATE INDEX tickets_next_deadline ON tickets(next_deadline_ms);
CREATE INDEX tickets_spam ON tickets(updated_ms) WHERE spam <> 0;
CREATE INDEX tickets_priority ON tickets(priority, status, id);
)sql";
// Step 9: the addresses of a contact that mail bounced from, as pultd reports them (JSON array
// of {email, reason, since_ms}; NULL when none).
constexpr const char *kStep9 = R"sql(
ALTER TABLE contacts ADD COLUMN bouncing TEXT;
)sql";
// Step 10: the requester's satisfaction rating of the latest solve (0: not rated) and its comment.
constexpr const char *kStep10 = R"sql(
ALTER TABLE tickets ADD COLUMN csat INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN csat_comment TEXT;
)sql";
// Step 11: the automation rule, by name, that made a history event (NULL: an agent or pultd).
constexpr const char *kStep11 = R"sql(
ALTER TABLE history ADD COLUMN rule TEXT;
)sql";
// Step 12: notices of automation rules for this agent (Wire's JSON in data), newest first by
// rid; read is the agent's own. notices_ticket serves removing a ticket.
constexpr const char *kStep12 = R"sql(
CREATE TABLE notices(
    rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, ticket_id BLOB NOT NULL,
    data TEXT NOT NULL, read INTEGER NOT NULL DEFAULT 0);
CREATE INDEX notices_ticket ON notices(ticket_id);
CREATE INDEX notices_unread ON notices(rid) WHERE read = 0;
)sql";
// Step 13: each ticket's status changes in one index, with the values: the report reads them for
// every ticket it measures (the times its SLA clocks stood still), without visiting the rows.
// `field` is a column too: SQLite 3.40 counts an index as covering only when it holds every
// column the query names, its WHERE clause's included. 2.9 s at 1,000,000 tickets.
constexpr const char *kStep13 = R"sql(
CREATE INDEX history_status ON history(ticket_id, time_ms, field, old_value, new_value)
    WHERE field = 'status';
)sql";
// Step 14: a department's goals (core/goals.h), as its lead set them.
constexpr const char *kStep14 = R"sql(
ALTER TABLE departments ADD COLUMN goals TEXT;
)sql";
constexpr std::array<const char *, kLatest> kSteps{kStep1,  kStep2,  kStep3,  kStep4, kStep5,
                                                   kStep6,  kStep7,  kStep8,  kStep9, kStep10,
                                                   kStep11, kStep12, kStep13, kStep14};

Result<qint64> pragmaValue(Sql::Database &db, const char *sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt.good())
        return stmt.status();
    if (!(*stmt)->next())
        return (*stmt)->status().good()
                   ? Status(Status::Internal, QStringLiteral("no pragma value"))
                   : (*stmt)->status();
    const qint64 value = (*stmt)->int64(0);
    (*stmt)->reset();
    return value;
}

} // namespace

Result<int> checkVersion(Sql::Database &db)
{
    auto appId = pragmaValue(db, "PRAGMA application_id");
    if (!appId.good())
        return appId.status();
    if (*appId != 0 && *appId != kApplicationId)
        return Status(Status::Invalid,
                      db.path() + QStringLiteral(" is an SQLite database of another application"));
    auto version = pragmaValue(db, "PRAGMA user_version");
    if (!version.good())
        return version.status();
    if (*version > kLatest)
        return Status(Status::FutureSchema,
                      QStringLiteral("%1 was written by a newer version of Pult (schema %2; this "
                                     "version understands up to %3). Update Pult to open it; the "
                                     "file was left untouched.")
                          .arg(db.path())
                          .arg(*version)
                          .arg(kLatest));
    return int(*version);
}

Status migrate(Sql::Database &db, int target)
{
    Q_ASSERT(target <= kLatest);
    // Most opens find the file current: they read the version without taking the write lock,
    // which would make every reader's open wait for a writer's transaction (the window opens a
    // connection per reader thread).
    auto current = checkVersion(db);
    if (!current.good())
        return current.status();
    if (*current >= target)
        return {};
    for (;;) {
        Sql::Transaction tx(db);
        if (!tx.status().good())
            return tx.status();
        // Read inside the transaction: another process may have migrated meanwhile.
        auto version = checkVersion(db);
        if (!version.good())
            return version.status();
        if (*version >= target)
            return {};
        const int step = *version + 1;
        if (Status s = db.execute(kSteps[std::size_t(step - 1)]); !s.good())
            return s;
        const QByteArray setVersion =
            "PRAGMA user_version = " + QByteArray::number(step) +
            "; PRAGMA application_id = " + QByteArray::number(kApplicationId);
        if (Status s = db.execute(setVersion.constData()); !s.good())
            return s;
        if (Status s = tx.commit(); !s.good())
            return s;
    }
}

} // namespace Pult::Schema
