#include "filterquery.h"

#include "diagnostics.h"
#include "textfold.h"
#include "uuid.h"

#include <limits>

namespace Pult {
namespace {

constexpr qint64 kNone = std::numeric_limits<qint64>::max(); // "no deadline" sorts last
constexpr qint64 kMinute = 60 * 1000;

// ---- resolving -------------------------------------------------------------------------------

qint64 spanMs(const QString &value)
{
    const qint64 n = QStringView(value).chopped(1).toLongLong();
    switch (value.back().unicode()) {
    case u'm':
        return n * kMinute;
    case u'h':
        return n * 60 * kMinute;
    case u'd':
        return n * 24 * 60 * kMinute;
    default: // 'w'
        return n * 7 * 24 * 60 * kMinute;
    }
}

bool isSpan(const QString &value)
{
    return !value.isEmpty() && !value.contains(u'-');
}

// The half-open range [low, high) a time comparison selects. Spans count back from now for
// created/updated/solved ("created<7d": less than 7 days ago) and forward for due ("due<2d":
// due within 2 days, overdue included); a date is the whole day in the context's time zone.
void timeRange(FilterField field, FilterOp op, const QString &value, const FilterContext &ctx,
               CompiledTerm &term)
{
    const qint64 now = ctx.now.toMSecsSinceEpoch();
    if (isSpan(value)) {
        const qint64 span = spanMs(value);
        if (field == FilterField::Due) {
            const qint64 b = now + span;
            switch (op) {
            case FilterOp::Less:
                term.high = b;
                break;
            case FilterOp::Equal:
            case FilterOp::LessEqual:
                term.high = b + 1;
                break;
            case FilterOp::Greater:
                term.low = b + 1;
                break;
            case FilterOp::GreaterEqual:
                term.low = b;
                break;
            }
            return;
        }
        const qint64 b = now - span;
        switch (op) {
        case FilterOp::Less:
            term.low = b + 1;
            break;
        case FilterOp::Equal:
        case FilterOp::LessEqual:
            term.low = b;
            break;
        case FilterOp::Greater:
            term.high = b;
            break;
        case FilterOp::GreaterEqual:
            term.high = b + 1;
            break;
        }
        return;
    }
    const QDate day = QDate::fromString(value, Qt::ISODate);
    const qint64 dayStart = QDateTime(day, QTime(0, 0), ctx.timeZone).toMSecsSinceEpoch();
    const qint64 nextDay = QDateTime(day.addDays(1), QTime(0, 0), ctx.timeZone).toMSecsSinceEpoch();
    switch (op) {
    case FilterOp::Equal:
        term.low = dayStart;
        term.high = nextDay;
        break;
    case FilterOp::Less:
        term.high = dayStart;
        break;
    case FilterOp::LessEqual:
        term.high = nextDay;
        break;
    case FilterOp::Greater:
        term.low = nextDay;
        break;
    case FilterOp::GreaterEqual:
        term.low = dayStart;
        break;
    }
}

// "sla<2h": less than two hours are left until the next deadline not yet met, so a deadline
// already missed (less than nothing left) is in, as "Breaching soon" promises; "sla>2h": more
// than two hours are left.
void slaRange(FilterOp op, const QString &value, qint64 now, CompiledTerm &term)
{
    const qint64 b = now + spanMs(value);
    switch (op) {
    case FilterOp::Less:
        term.high = b;
        break;
    case FilterOp::LessEqual:
        term.high = b + 1;
        break;
    case FilterOp::Greater:
        term.low = b + 1;
        term.high = kNone;
        break;
    case FilterOp::GreaterEqual:
    case FilterOp::Equal:
        term.low = b;
        term.high = kNone;
        break;
    }
}

void intRange(FilterOp op, qint64 v, CompiledTerm &term)
{
    switch (op) {
    case FilterOp::Equal:
        term.low = v;
        term.high = v + 1;
        break;
    case FilterOp::Less:
        term.high = v;
        break;
    case FilterOp::LessEqual:
        term.high = v + 1;
        break;
    case FilterOp::Greater:
        term.low = v + 1;
        break;
    case FilterOp::GreaterEqual:
        term.low = v;
        break;
    }
}

bool compare(FilterOp op, int a, int b)
{
    switch (op) {
    case FilterOp::Equal:
        return a == b;
    case FilterOp::Less:
        return a < b;
    case FilterOp::LessEqual:
        return a <= b;
    case FilterOp::Greater:
        return a > b;
    case FilterOp::GreaterEqual:
        return a >= b;
    }
    return false;
}

struct Named
{
    QUuid id;
    QStringList names; // exact names (lower case)
    QList<QStringList> documents;
    QString display;
};

// The ids a name selects: exact names first, else every phrase match; empty when none.
QList<QUuid> resolveName(const QString &value, const QList<Named> &candidates)
{
    QList<QUuid> exact;
    QList<QUuid> partial;
    const QStringList phrase = searchTokens(value);
    for (const Named &c : candidates) {
        if (c.names.contains(value))
            exact.append(c.id);
        else if (!phrase.isEmpty()) {
            for (const QStringList &document : c.documents) {
                if (phraseMatches(document, phrase, true)) {
                    partial.append(c.id);
                    break;
                }
            }
        }
    }
    return exact.isEmpty() ? partial : exact;
}

QString closestName(const QString &value, const QList<Named> &candidates)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const Named &c : candidates) {
        const int d = editDistance(value, c.display);
        if (d < bestDistance) {
            bestDistance = d;
            best = c.display;
        }
    }
    return bestDistance <= std::max<int>(2, int(value.size()) / 3) ? best : QString();
}

QList<Named> namedAgents(const QList<Agent> &agents)
{
    QList<Named> named;
    for (const Agent &a : agents)
        named.append({a.id,
                      {a.name.toLower(), a.email.toLower()},
                      {searchTokens(a.name), searchTokens(a.email)},
                      a.name});
    return named;
}

QList<Named> namedDepartments(const QList<Department> &departments)
{
    QList<Named> named;
    for (const Department &d : departments)
        named.append({d.id, {d.name.toLower()}, {searchTokens(d.name)}, d.name});
    return named;
}

class Compiler
{
public:
    explicit Compiler(const FilterContext &context)
        : m_ctx(context)
        , m_now(context.now.toMSecsSinceEpoch())
    {}

    FilterCompile run(const Filter &filter)
    {
        FilterCompile result;
        result.filter.nowMs = m_now;
        for (const FilterTerm &term : filter.terms) {
            std::optional<CompiledTerm> compiled = compile(term);
            if (m_error) {
                result.error = m_error;
                return result;
            }
            if (compiled)
                result.filter.terms.append(*compiled);
        }
        result.filter.order = order(filter, result.filter);
        return result;
    }

private:
    const FilterContext &m_ctx;
    qint64 m_now;
    std::optional<FilterError> m_error;
    std::optional<QList<Named>> m_agents;
    std::optional<QList<Named>> m_departments;

    void fail(const FilterTerm &term, const QString &message, const QString &suggestion = {})
    {
        if (!m_error)
            m_error = FilterError{term.start, message, suggestion};
    }

    QList<QUuid> resolve(const FilterTerm &term, const QString &value, bool agents)
    {
        auto &cache = agents ? m_agents : m_departments;
        if (!cache)
            cache = agents ? namedAgents(m_ctx.agents) : namedDepartments(m_ctx.departments);
        QList<QUuid> ids = resolveName(value, *cache);
        if (ids.isEmpty())
            fail(term,
                 agents ? QStringLiteral("no agent is called \"%1\"").arg(value)
                        : QStringLiteral("no department is called \"%1\"").arg(value),
                 closestName(value, *cache));
        return ids;
    }

    std::optional<CompiledTerm> compile(const FilterTerm &term)
    {
        CompiledTerm c;
        c.field = term.field;
        c.negated = term.negated;
        switch (term.field) {
        case FilterField::Status:
            for (const QString &v : term.values)
                c.numbers.append(qint64(*parseTicketStatus(v)));
            break;
        case FilterField::Priority: {
            if (term.op == FilterOp::Equal) {
                for (const QString &v : term.values)
                    c.numbers.append(qint64(*parsePriority(v)));
                break;
            }
            const int bound = int(*parsePriority(term.values.first()));
            for (int p = int(Priority::Low); p <= int(Priority::Urgent); ++p) {
                if (compare(term.op, p, bound))
                    c.numbers.append(p);
            }
            break;
        }
        case FilterField::Channel:
            for (const QString &v : term.values)
                c.numbers.append(qint64(*parseChannel(v)));
            break;
        case FilterField::Number:
            for (const QString &v : term.values)
                c.numbers.append(v.toLongLong());
            break;
        case FilterField::Tier:
            intRange(term.op, term.values.first().toLongLong(), c);
            break;
        case FilterField::Csat: // within the ratings: "csat<=2" is 1 or 2, never unrated
            intRange(term.op, term.values.first().toLongLong(), c);
            c.low = std::max<qint64>(c.low.value_or(1), 1);
            c.high = std::min<qint64>(c.high.value_or(6), 6);
            break;
        case FilterField::Assignee:
            for (const QString &v : term.values) {
                if (v == u"me") {
                    if (m_ctx.me.isNull())
                        fail(term, QStringLiteral("assignee:me needs a signed-in agent"));
                    c.ids.append(m_ctx.me);
                } else if (v == u"none") {
                    c.ids.append(QUuid());
                } else {
                    c.ids.append(resolve(term, v, true));
                }
            }
            break;
        case FilterField::Department:
            for (const QString &v : term.values)
                c.ids.append(resolve(term, v, false));
            break;
        case FilterField::Category:
        case FilterField::Tag:
        case FilterField::Is:
        case FilterField::Has:
            c.values = term.values;
            break;
        case FilterField::Requester:
            c.prefix = true;
            for (const QString &v : term.values) {
                const QStringList tokens = searchTokens(v);
                if (tokens.isEmpty()) {
                    fail(term,
                         QStringLiteral("\"%1\" has no letters or digits to look for").arg(v));
                    return std::nullopt;
                }
                c.phrases.append(tokens);
            }
            break;
        case FilterField::Text: {
            const QStringList tokens = searchTokens(term.values.first());
            if (tokens.isEmpty())
                return std::nullopt; // punctuation alone: nothing to look for
            c.phrases.append(tokens);
            c.prefix = !term.phrase;
            break;
        }
        case FilterField::Created:
        case FilterField::Updated:
        case FilterField::Due:
        case FilterField::Solved:
            timeRange(term.field, term.op, term.values.first(), m_ctx, c);
            break;
        case FilterField::Sla:
            if (term.op == FilterOp::Equal)
                c.values = term.values; // "breached"
            else
                slaRange(term.op, term.values.first(), m_now, c);
            break;
        case FilterField::Sort:
            return std::nullopt;
        }
        return c;
    }

    QList<SortSpec> order(const Filter &filter, const CompiledFilter &compiled) const
    {
        const QString sort = filter.sort.value_or(QStringLiteral("updated"));
        if (sort == u"created")
            return {{SortKey::Created, true}};
        if (sort == u"priority")
            return {{SortKey::Priority, true}, {SortKey::Updated, true}};
        if (sort == u"sla")
            return {{SortKey::NextDeadline, false}};
        if (sort == u"queue") {
            // The queue order of the one department the filter is about; else the default.
            QueueOrder queue = QueueOrder::PriorityThenAge;
            for (const CompiledTerm &t : compiled.terms) {
                if (t.field != FilterField::Department || t.negated || t.ids.size() != 1)
                    continue;
                for (const Department &d : m_ctx.departments) {
                    if (d.id == t.ids.first())
                        queue = d.queueOrder;
                }
            }
            return queueOrderKeys(queue);
        }
        return {{SortKey::Updated, true}};
    }
};

// ---- SQL -------------------------------------------------------------------------------------

class SqlWriter
{
public:
    FilterSql run(const CompiledFilter &filter, const FilterPlan &plan)
    {
        QList<QByteArray> clauses;
        for (qsizetype i = 0; i < filter.terms.size(); ++i) {
            const CompiledTerm &term = filter.terms.at(i);
            m_driving = plan.driving.contains(int(i)) && canDrive(term);
            m_scan = plan.scan;
            if (m_driving && term.negated) {
                // The other values of a column that is never NULL: an index can serve them.
                clauses.append('(' + expression(complement(term), filter.nowMs) + ')');
                continue;
            }
            const QByteArray e = expression(term, filter.nowMs);
            // NULL (a missing time, say) must count as false, negated or not; ifnull() only
            // where needed, since it keeps SQLite from using an index for the term.
            clauses.append(term.negated ? QByteArray("NOT ifnull((" + e + "), 0)")
                                        : QByteArray('(' + e + ')'));
        }
        m_sql.where = clauses.isEmpty() ? QByteArray("1") : clauses.join(" AND ");
        return std::move(m_sql);
    }

private:
    FilterSql m_sql;
    bool m_driving = false; // the term being written drives the plan
    bool m_scan = false;    // FilterPlan::scan

    static CompiledTerm complement(const CompiledTerm &t)
    {
        CompiledTerm c = t;
        c.negated = false;
        c.numbers.clear();
        const int count = t.field == FilterField::Status ? int(TicketStatus::Closed) + 1
                                                         : int(Priority::Urgent) + 1;
        for (int v = 0; v < count; ++v) {
            if (!t.numbers.contains(v))
                c.numbers.append(v);
        }
        return c;
    }

    // A column of the ticket: as itself when the term drives (an index may serve it), else
    // behind a unary "+", which keeps SQLite from reaching rows through an index on it.
    QByteArray col(const char *name) const
    {
        return (m_driving ? QByteArray("t.") : QByteArray("+t.")) + name;
    }

    QByteArray param(const QVariant &value)
    {
        m_sql.parameters.append(value);
        return '?' + QByteArray::number(m_sql.parameters.size());
    }

    QByteArray list(const QList<qint64> &numbers)
    {
        QList<QByteArray> items;
        for (qint64 n : numbers)
            items.append(param(n));
        return '(' + items.join(", ") + ')';
    }

    QByteArray list(const QStringList &texts)
    {
        QList<QByteArray> items;
        for (const QString &s : texts)
            items.append(param(s));
        return '(' + items.join(", ") + ')';
    }

    QByteArray in(const QByteArray &column, const QList<qint64> &numbers)
    {
        return numbers.isEmpty() ? QByteArray("0") : column + " IN " + list(numbers);
    }

    QByteArray idIn(const QByteArray &column, const QList<QUuid> &ids)
    {
        QList<QByteArray> blobs;
        bool none = false;
        for (const QUuid &id : ids) {
            if (id.isNull())
                none = true;
            else
                blobs.append(param(uuidToBlob(id)));
        }
        QList<QByteArray> parts;
        if (!blobs.isEmpty())
            parts.append(column + " IN (" + blobs.join(", ") + ')');
        if (none)
            parts.append(column + " IS NULL");
        return parts.join(" OR ");
    }

    QByteArray range(const QByteArray &column, const CompiledTerm &t)
    {
        QList<QByteArray> parts;
        if (t.low)
            parts.append(column + " >= " + param(*t.low));
        if (t.high)
            parts.append(column + " < " + param(*t.high));
        if (parts.isEmpty())
            parts.append(column + " IS NOT NULL");
        return parts.join(" AND ");
    }

    static QByteArray ftsPhrase(const QStringList &tokens, bool prefix)
    {
        QString phrase = tokens.join(u' ');
        phrase.replace(u'"', QStringLiteral("\"\""));
        return (u'"' + phrase + u'"' + (prefix ? QStringLiteral("*") : QString())).toUtf8();
    }

    static QByteArray hasCondition(const QString &value)
    {
        // The partial indexes messages_notes and messages_with_attachments (schema.cpp).
        return value == u"note" ? QByteArray("m.kind = 2")
                                : QByteArray("m.attachments IS NOT NULL");
    }

    QByteArray expression(const CompiledTerm &t, qint64 now)
    {
        switch (t.field) {
        case FilterField::Status:
            return in(col("status"), t.numbers);
        case FilterField::Priority:
            return in(col("priority"), t.numbers);
        case FilterField::Channel:
            return in(col("channel"), t.numbers);
        case FilterField::Number:
            return in(col("number"), t.numbers);
        case FilterField::Tier:
            return range(col("tier"), t);
        case FilterField::Csat:
            return range(col("csat"), t);
        case FilterField::Assignee:
            return idIn(col("assignee_id"), t.ids);
        case FilterField::Department:
            return idIn(col("department_id"), t.ids);
        case FilterField::Category:
            return "pult_lower(t.category) IN " + list(t.values);
        case FilterField::Tag:
            // Driving (or a scan): the tickets with the tags, read from ticket_tags. Otherwise
            // one probe of its primary key per row read, so that a common tag is not listed
            // whole before the other terms narrow the rows.
            if (m_driving || m_scan)
                return col("rid") + " IN (SELECT ticket_rid FROM ticket_tags WHERE tag IN " +
                       list(t.values) + ')';
            return "EXISTS (SELECT 1 FROM ticket_tags g WHERE g.tag IN " + list(t.values) +
                   " AND g.ticket_rid = t.rid)";
        case FilterField::Is: {
            QList<QByteArray> parts;
            for (const QString &v : t.values) {
                if (v == u"unread")
                    parts.append(col("unread") + " <> 0");
                else if (v == u"spam")
                    parts.append(col("spam") + " <> 0"); // driving: the partial index tickets_spam
                else
                    parts.append(col("merged_into") + " IS NOT NULL");
            }
            return parts.join(" OR ");
        }
        case FilterField::Has: {
            QList<QByteArray> parts;
            for (const QString &v : t.values) {
                if (m_driving || m_scan)
                    parts.append(col("id") + " IN (SELECT m.ticket_id FROM messages m WHERE " +
                                 hasCondition(v) + ')');
                else
                    parts.append("EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND " +
                                 hasCondition(v) + ')');
            }
            return parts.join(" OR ");
        }
        case FilterField::Requester: {
            QList<QByteArray> parts;
            for (const QStringList &phrase : t.phrases) {
                const QByteArray match = param(QString::fromUtf8(ftsPhrase(phrase, t.prefix)));
                // Driving, the tickets of the matching contacts by row id (through
                // tickets(requester_id)): as a test of requester_id, SQLite would rather walk
                // the order's index and test every ticket.
                if (m_driving)
                    parts.append(
                        QByteArray("t.rid IN (SELECT tk.rid FROM contacts_fts JOIN "
                                   "contacts c ON c.rid = contacts_fts.rowid JOIN tickets "
                                   "tk ON tk.requester_id = c.id WHERE contacts_fts MATCH ") +
                        match + ')');
                else
                    parts.append(col("requester_id") +
                                 " IN (SELECT c.id FROM contacts_fts JOIN contacts c ON c.rid = "
                                 "contacts_fts.rowid WHERE contacts_fts MATCH " +
                                 match + ')');
            }
            return parts.join(" OR ");
        }
        case FilterField::Text: {
            const QByteArray q = param(QString::fromUtf8(ftsPhrase(t.phrases.first(), t.prefix)));
            if (m_driving) {
                // The matching tickets, listed once: worth it when few tickets match.
                return "t.rid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH " + q +
                       " UNION SELECT tk.rid FROM messages_fts JOIN messages m ON m.rid = "
                       "messages_fts.rowid JOIN tickets tk ON tk.id = m.ticket_id WHERE "
                       "messages_fts MATCH " +
                       q +
                       " UNION SELECT tk.rid FROM contacts_fts JOIN contacts c ON c.rid = "
                       "contacts_fts.rowid JOIN tickets tk ON tk.requester_id = c.id WHERE "
                       "contacts_fts MATCH " +
                       q + ')';
            }
            // Tested on the rows read: membership in the index's matches (row ids only, read
            // once per statement), a ticket's messages through messages_ticket. Mapping every
            // matching message to its ticket is what costs when a word is common.
            return "+t.rid IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH " + q +
                   ") OR +t.requester_id IN (SELECT c.id FROM contacts_fts JOIN contacts c ON "
                   "c.rid = contacts_fts.rowid WHERE contacts_fts MATCH " +
                   q +
                   ") OR EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND +m.rid IN "
                   "(SELECT rowid FROM messages_fts WHERE messages_fts MATCH " +
                   q + "))";
        }
        case FilterField::Created:
            return range(col("created_ms"), t);
        case FilterField::Updated:
            return range(col("updated_ms"), t);
        case FilterField::Due:
            return range(col("due_ms"), t);
        case FilterField::Solved:
            return range(col("solved_ms"), t);
        case FilterField::Sla: {
            if (!t.values.isEmpty()) {
                const QByteArray n = param(now);
                return "(t.first_response_deadline_ms IS NOT NULL AND CASE WHEN "
                       "t.first_response_ms IS NOT NULL THEN t.first_response_ms > "
                       "t.first_response_deadline_ms ELSE t.status < 4 AND " +
                       n +
                       " > t.first_response_deadline_ms END) OR (t.resolution_deadline_ms IS "
                       "NOT NULL AND CASE WHEN t.solved_ms IS NOT NULL THEN t.solved_ms > "
                       "t.resolution_deadline_ms ELSE t.status < 4 AND " +
                       n + " > t.resolution_deadline_ms END)";
            }
            return range(col("next_deadline_ms"), t); // the index tickets_next_deadline
        }
        case FilterField::Sort:
            break;
        }
        return "1";
    }
};

// ---- the predicate ---------------------------------------------------------------------------

qint64 msOrNone(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : kNone;
}

bool inRange(const QDateTime &time, const CompiledTerm &t)
{
    if (!time.isValid())
        return false;
    const qint64 v = time.toMSecsSinceEpoch();
    return (!t.low || v >= *t.low) && (!t.high || v < *t.high);
}

bool inRange(qint64 v, const CompiledTerm &t)
{
    return (!t.low || v >= *t.low) && (!t.high || v < *t.high);
}

bool anyPhrase(const QList<QStringList> &documents, const QStringList &phrase, bool prefix)
{
    for (const QStringList &d : documents) {
        if (phraseMatches(d, phrase, prefix))
            return true;
    }
    return false;
}

bool deadlineMissed(const QDateTime &deadline, const QDateTime &done, bool active, qint64 now)
{
    if (!deadline.isValid())
        return false;
    if (done.isValid())
        return done > deadline;
    return active && now > deadline.toMSecsSinceEpoch();
}

bool holds(const CompiledTerm &t, const TicketFacts &f, qint64 now)
{
    const Ticket &k = f.ticket;
    switch (t.field) {
    case FilterField::Status:
        return t.numbers.contains(qint64(k.status));
    case FilterField::Priority:
        return t.numbers.contains(qint64(k.priority));
    case FilterField::Channel:
        return t.numbers.contains(qint64(k.channel));
    case FilterField::Number:
        return k.number && t.numbers.contains(*k.number);
    case FilterField::Tier:
        return inRange(k.tier, t);
    case FilterField::Csat:
        return inRange(k.csat, t);
    case FilterField::Assignee:
        return t.ids.contains(k.assigneeId);
    case FilterField::Department:
        return t.ids.contains(k.departmentId);
    case FilterField::Category:
        return !k.category.isNull() && t.values.contains(k.category.toLower());
    case FilterField::Tag:
        for (const QString &tag : k.tags) { // normalised by TicketFacts::make
            if (t.values.contains(tag))
                return true;
        }
        return false;
    case FilterField::Is:
        for (const QString &v : t.values) {
            if ((v == u"unread" && k.unread) || (v == u"spam" && k.spam) ||
                (v == u"merged" && !k.mergedInto.isNull()))
                return true;
        }
        return false;
    case FilterField::Has:
        for (const QString &v : t.values) {
            if ((v == u"note" && f.hasNote) || (v == u"attachment" && f.hasAttachment))
                return true;
        }
        return false;
    case FilterField::Requester:
        for (const QStringList &phrase : t.phrases) {
            if (anyPhrase(f.requesterDocuments, phrase, t.prefix))
                return true;
        }
        return false;
    case FilterField::Text:
        return anyPhrase(f.textDocuments, t.phrases.first(), t.prefix) ||
               anyPhrase(f.requesterDocuments, t.phrases.first(), t.prefix);
    case FilterField::Created:
        return inRange(k.created, t);
    case FilterField::Updated:
        return inRange(k.updated, t);
    case FilterField::Due:
        return inRange(k.due, t);
    case FilterField::Solved:
        return inRange(k.solvedAt, t);
    case FilterField::Sla:
        if (!t.values.isEmpty()) {
            const bool active = isActive(k.status);
            return deadlineMissed(k.firstResponseDeadline, k.firstResponseAt, active, now) ||
                   deadlineMissed(k.resolutionDeadline, k.solvedAt, active, now);
        }
        return inRange(sortKeyValue(SortKey::NextDeadline, f), t);
    case FilterField::Sort:
        break;
    }
    return true;
}

} // namespace

FilterCompile compileFilter(const Filter &filter, const FilterContext &context)
{
    return Compiler(context).run(filter);
}

FilterCompile compileFilter(const QString &text, const FilterContext &context)
{
    const FilterParse parsed = parseFilter(text);
    if (!parsed.good()) {
        FilterCompile result;
        result.error = parsed.error;
        return result;
    }
    return compileFilter(parsed.filter, context);
}

QList<SortSpec> queueOrderKeys(QueueOrder order)
{
    switch (order) {
    case QueueOrder::Fifo:
        return {{SortKey::Created, false}};
    case QueueOrder::PriorityThenAge:
        return {{SortKey::Priority, true}, {SortKey::Created, false}};
    case QueueOrder::SlaDeadlineFirst:
        return {{SortKey::NextDeadline, false}, {SortKey::Created, false}};
    case QueueOrder::CustomerPlan:
        return {{SortKey::PlanTier, true}, {SortKey::Created, false}};
    }
    return {{SortKey::Created, false}};
}

FilterSql toSql(const CompiledFilter &filter, const FilterPlan &plan)
{
    return SqlWriter().run(filter, plan);
}

bool canDrive(const CompiledTerm &term)
{
    switch (term.field) {
    case FilterField::Status:
    case FilterField::Priority:
        return true;
    case FilterField::Department:
    case FilterField::Assignee:
    case FilterField::Number:
    case FilterField::Created:
    case FilterField::Updated:
    case FilterField::Text:
    case FilterField::Requester: // through tickets(requester_id): a person's other tickets
        return !term.negated;
    case FilterField::Tag:
        return !term.negated && !term.values.isEmpty();
    case FilterField::Has:
        return !term.negated && term.values.size() == 1;
    case FilterField::Is:
        return !term.negated && term.values == QStringList{QStringLiteral("spam")};
    case FilterField::Sla:
        return !term.negated && term.values.isEmpty();
    default:
        return false;
    }
}

QByteArray sortKeySql(SortKey key)
{
    switch (key) {
    case SortKey::Updated:
        return "t.updated_ms";
    case SortKey::Created:
        return "t.created_ms";
    case SortKey::Priority:
        return "t.priority";
    case SortKey::Tier:
        return "t.tier";
    case SortKey::PlanTier:
        return "ifnull((SELECT c.plan_tier FROM contacts c WHERE c.id = t.requester_id), 0)";
    case SortKey::NextDeadline:
        // A virtual generated column (schema.cpp, step 8) with the index tickets_next_deadline.
        return "t.next_deadline_ms";
    }
    return "0";
}

TicketFacts TicketFacts::make(const Ticket &ticket, const std::optional<Contact> &requester,
                              const QList<Message> &messages)
{
    TicketFacts f;
    f.ticket = ticket;
    f.ticket.tags = normalisedTags(ticket.tags); // as the store keeps them in ticket_tags
    f.textDocuments.append(searchTokens(ticket.subject));
    for (const Message &m : messages) {
        f.textDocuments.append(searchTokens(m.bodyText));
        f.hasAttachment = f.hasAttachment || !m.attachments.isEmpty();
        f.hasNote = f.hasNote || m.kind == MessageKind::InternalNote;
    }
    if (requester) {
        f.requesterDocuments.append(searchTokens(requester->name));
        f.requesterDocuments.append(searchTokens(requester->emails.join(u'\n')));
        f.requesterPlanTier = requester->planTier;
    }
    return f;
}

bool phraseMatches(const QStringList &document, const QStringList &phrase, bool prefix)
{
    const qsizetype n = phrase.size();
    if (n == 0)
        return true;
    for (qsizetype i = 0; i + n <= document.size(); ++i) {
        qsizetype j = 0;
        while (j < n - 1 && document.at(i + j) == phrase.at(j))
            ++j;
        if (j < n - 1)
            continue;
        const QString &last = document.at(i + n - 1);
        if (prefix ? last.startsWith(phrase.at(n - 1)) : last == phrase.at(n - 1))
            return true;
    }
    return false;
}

bool matches(const CompiledFilter &filter, const TicketFacts &facts)
{
    for (const CompiledTerm &t : filter.terms) {
        if (holds(t, facts, filter.nowMs) == t.negated)
            return false;
    }
    return true;
}

qint64 sortKeyValue(SortKey key, const TicketFacts &facts)
{
    const Ticket &t = facts.ticket;
    switch (key) {
    case SortKey::Updated:
        return msOrNone(t.updated);
    case SortKey::Created:
        return msOrNone(t.created);
    case SortKey::Priority:
        return qint64(t.priority);
    case SortKey::Tier:
        return t.tier;
    case SortKey::PlanTier:
        return facts.requesterPlanTier;
    case SortKey::NextDeadline: {
        if (!isActive(t.status))
            return kNone;
        const qint64 first =
            t.firstResponseAt.isValid() ? kNone : msOrNone(t.firstResponseDeadline);
        return std::min(first, msOrNone(t.resolutionDeadline));
    }
    }
    return 0;
}

} // namespace Pult
