#pragma once

// Running a parsed filter (filter.h). compileFilter() resolves what the text names against what
// the store knows (departments, agents, "me", "now"), giving a CompiledFilter that runs two ways
// with the same meaning:
//   - toSql(): a WHERE clause with bound parameters (never user text spliced into SQL) and an
//     ORDER BY with keyset pagination, run by LocalStore::listFiltered and countFiltered;
//   - matches(): a predicate over one ticket's facts, for automation rules and live view counts.
// tests/core/tst_filterquery.cpp checks on random tickets and random filters that both select
// exactly the same tickets. The meaning of every term is in docs/filters.md.

#include "domain.h"
#include "filter.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QTimeZone>
#include <QUuid>
#include <QVariant>

#include <optional>

namespace Pult {

// What names in a filter resolve against.
struct FilterContext
{
    QUuid me; // the signed-in agent; null: "assignee:me" is an error
    QDateTime now;
    QTimeZone timeZone = QTimeZone::systemTimeZone(); // the day a date like 2026-01-31 means
    QList<Department> departments;
    QList<Agent> agents;
};

// One key of an order. The list's last key is always the row id, in the direction of the
// first key, so that every order is total and pages never skip or repeat a ticket.
enum class SortKey {
    Updated,      // updated time
    Created,      // created time
    Priority,     // priority index
    NextDeadline, // the earliest SLA deadline not yet met of an active ticket; none sorts last
    PlanTier,     // the requester's customer plan tier
    Tier,         // the ticket's support tier
};
struct SortSpec
{
    SortKey key;
    bool descending;
    friend bool operator==(const SortSpec &, const SortSpec &) = default;
};

// A term with every name resolved. Ranges are half-open [low, high) in the term's unit
// (milliseconds since the epoch for times, the tier for tiers); nullopt is unbounded.
struct CompiledTerm
{
    FilterField field = FilterField::Text;
    bool negated = false;
    QList<qint64> numbers;      // status/priority/channel indexes, ticket numbers
    QList<QUuid> ids;           // agents or departments; a null id selects "none"
    QStringList values;         // tags, categories, is:/has: values, "breached"
    QList<QStringList> phrases; // full text and requester: the search tokens of each value
    bool prefix = false;        // the last token of a phrase also matches longer words
    std::optional<qint64> low;
    std::optional<qint64> high;
    friend bool operator==(const CompiledTerm &, const CompiledTerm &) = default;
};

struct CompiledFilter
{
    QList<CompiledTerm> terms; // all must hold
    QList<SortSpec> order;     // without the final row id
    qint64 nowMs = 0;          // "now" for sla terms
};

struct FilterCompile
{
    CompiledFilter filter;
    std::optional<FilterError> error;
    bool good() const { return !error.has_value(); }
};

// Resolves names: "assignee:ana" selects the agent named or addressed exactly so, else every
// agent whose name or address contains the words (the last one as a prefix); "dept:" likewise
// for department names. A name that matches nothing is an error at the term's position, with
// the closest name as the suggestion.
FilterCompile compileFilter(const Filter &filter, const FilterContext &context);
// parseFilter + compileFilter.
FilterCompile compileFilter(const QString &text, const FilterContext &context);

// The order a department's queue serves tickets in (see docs/filters.md).
QList<SortSpec> queueOrderKeys(QueueOrder order);

// ---- SQL ---------------------------------------------------------------------------------------

// A WHERE clause over "tickets t" and its parameters (qint64, QByteArray blobs, QString), bound
// in order as ?1, ?2, ... The clause references the store's tables, FTS tables and the
// pult_lower() function the store registers.
struct FilterSql
{
    QByteArray where;
    QList<QVariant> parameters;
};

// How the clause lets SQLite reach the rows (LocalStore chooses; docs/architecture.md, "Filters in
// the store"). The terms at the positions in `driving` are written in the form an index serves
// (they choose the rows read): a status, department, assignee or priority term as a column
// comparison over its index, a positive tag, has: or text term as the list of matching tickets
// (ticket_tags, the messages' partial indexes, the union of the three full-text indexes), a
// requester term as the tickets of the matching contacts (tickets(requester_id)),
// "is:spam" over its partial index, a time or "sla<" term as a range of its index. Every other
// term is only tested on the rows read: columns behind "+" (no index), tags and has: as EXISTS
// probes of one ticket, text as membership in the full-text matches. Both forms mean exactly the
// same; only the order of work changes. Only a status or priority term is written in its driving
// form when negated (as the other values of its column, which is never NULL).
struct FilterPlan
{
    QList<int> driving; // positions in CompiledFilter::terms
    // Tag and has: terms that do not drive are tested as membership in the whole list of their
    // tickets (read once) instead of one probe per row: cheaper when every row is read anyway.
    bool scan = false;
};
FilterSql toSql(const CompiledFilter &filter, const FilterPlan &plan = {});
// Whether the term at this position can drive a plan (see FilterPlan).
bool canDrive(const CompiledTerm &term);
// The SQL expression of one sort key over "tickets t".
QByteArray sortKeySql(SortKey key);

// ---- the predicate -----------------------------------------------------------------------------

// What the predicate looks at: the ticket, and its texts as the full-text index sees them.
struct TicketFacts
{
    Ticket ticket;                         // with its tags normalised (domain.h)
    QList<QStringList> textDocuments;      // subject, then every message body: search tokens
    QList<QStringList> requesterDocuments; // the requester's name, then their addresses
    int requesterPlanTier = 0;
    bool hasAttachment = false;
    bool hasNote = false;

    static TicketFacts make(const Ticket &ticket, const std::optional<Contact> &requester,
                            const QList<Message> &messages);
};

bool matches(const CompiledFilter &filter, const TicketFacts &facts);
// Whether the tokens of phrase occur in order in document (the full-text index's phrase match).
bool phraseMatches(const QStringList &document, const QStringList &phrase, bool prefix);
// The value of a sort key for one ticket, as sortKeySql computes it in the store.
qint64 sortKeyValue(SortKey key, const TicketFacts &facts);

} // namespace Pult
