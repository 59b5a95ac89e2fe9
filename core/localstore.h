#pragma once

// The client's local database: a cache of what the server sent plus the outbox of local work
// not yet acknowledged. One LocalStore is one SQLite connection and belongs to one thread; open
// one per thread (WAL mode lets readers run while a writer commits). See docs/architecture.md.

#include "domain.h"
#include "filtercompletion.h"
#include "filterquery.h"
#include "status.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Pult {

namespace Sql {
class Database;
}

// A row of a ticket list: the ticket and the names a list shows beside it.
struct TicketListItem
{
    Ticket ticket;
    QString requesterName;
    QString requesterEmail;
    QString assigneeName;
    QString departmentName;
    QString snippet; // search results only: the matching text with highlight markers
};

// Keyset position after the last row of a page; pass it back to get the next page.
struct PageCursor
{
    qint64 updatedMs = 0;
    qint64 rowId = 0;
    friend bool operator==(const PageCursor &, const PageCursor &) = default;
};

// What a list or count selects. Empty sets mean "any". Lists are ordered by last update,
// newest first; each page costs the same whatever the table's size (see listTickets).
struct TicketQuery
{
    QList<TicketStatus> statuses;
    QList<QUuid> departments;
    std::optional<QUuid> assignee; // a null QUuid selects unassigned tickets
    int limit = 50;
    std::optional<PageCursor> after;
};

struct TicketPage
{
    QList<TicketListItem> items;
    std::optional<PageCursor> next; // set when more rows may follow
};

struct SearchOptions
{
    int limit = 50;
    QString highlightOpen = QStringLiteral("[");
    QString highlightClose = QStringLiteral("]");
};

// Keyset position after the last row of a filtered page: that row's sort-key values, then its
// row id. Pass it back to get the next page.
struct FilterCursor
{
    QList<qint64> keys;
    friend bool operator==(const FilterCursor &, const FilterCursor &) = default;
};

struct FilteredPage
{
    QList<TicketListItem> items;
    std::optional<FilterCursor> next; // set when more rows may follow
};

// An operation recorded locally and not yet acknowledged by the server.
struct OutboxOp
{
    QUuid id;
    QDateTime created;
    QString kind;
    QByteArray payload; // JSON
    friend bool operator==(const OutboxOp &, const OutboxOp &) = default;
};

class LocalStore
{
public:
    static constexpr int kSchemaVersion = 14;

    enum class Mode { ReadWrite, ReadOnly };

    // Opens (creating and migrating with ReadWrite) the store at path. A file written by a newer
    // Pult gives FutureSchema and is not modified; a damaged file gives Corrupt.
    static Result<std::unique_ptr<LocalStore>> open(const QString &path,
                                                    Mode mode = Mode::ReadWrite);
    // For tests of the migrations: create or migrate only up to the given schema version.
    static Result<std::unique_ptr<LocalStore>> openAtVersion(const QString &path, int version);

    // Moves a damaged store aside (never deleting it), creates a fresh one at path and copies
    // into it every outbox operation that can still be read from the damaged file. Returns the
    // number of operations recovered; the damaged file stays next to path for inspection. The
    // profile (who is signed in where) is kept too, but not the sync position.
    static Result<int> recoverDamaged(const QString &path, QString *movedTo = nullptr);

    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    int schemaVersion() const;
    QString path() const;

    // Groups writes into one transaction; without it every write commits on its own.
    class WriteBatch
    {
    public:
        explicit WriteBatch(LocalStore &store);
        ~WriteBatch(); // rolls back unless committed
        const Status &status() const;
        Status commit();

    private:
        struct Private;
        std::unique_ptr<Private> d;
    };

    // Writing (insert or replace by id).
    Status put(const Department &department);
    Status put(const Agent &agent);
    Status put(const Contact &contact);
    // Unread::Keep leaves an existing ticket's unread flag as it is (server snapshots).
    enum class Unread { Set, Keep };
    Status put(const Ticket &ticket, Unread unread = Unread::Set);
    Status put(const Message &message);
    Status put(const HistoryEvent &event);
    Status put(const CannedResponse &response);
    Status enqueue(const OutboxOp &op);

    // Removing. A ticket goes with its messages, history, notices and index entries (it left the
    // agent's sight, or it was created here and the server refused it).
    Status removeTicket(const QUuid &id);
    Status removeMessage(const QUuid &id);
    Status removeCannedResponse(const QUuid &id);
    Status put(const SharedFilter &filter);
    Status removeSharedFilter(const QUuid &id);
    // A department the server removed: it goes with its memberships, canned responses and shared
    // filters. Its tickets moved to another department on the server; the ones still here under
    // it are out of this agent's sight and go too (their ids are answered, for the caller's
    // own state of them).
    Result<QList<QUuid>> removeDepartment(const QUuid &id);
    // Replaces every shared filter with these (the server's whole list for this agent).
    Status replaceSharedFilters(const QList<SharedFilter> &filters);
    Status dequeue(const QUuid &opId); // an outbox op the server has answered
    // A rule's notice (kept read or unread as it is when it exists), and marking them read.
    Status put(const Notice &notice);
    Status markNoticeRead(const QUuid &id);
    Status markAllNoticesRead();

    // Reading.
    Result<Ticket> ticket(const QUuid &id);
    Result<Ticket> ticketByNumber(qint64 number);
    // A contact's tickets, the most recently updated first (tickets(requester_id, updated_ms)).
    Result<QList<Ticket>> requesterTickets(const QUuid &contactId, int limit);
    Result<Contact> contact(const QUuid &id);
    Result<QList<Message>> messages(const QUuid &ticketId);
    Result<QList<HistoryEvent>> history(const QUuid &ticketId);
    Result<QList<Department>> departments();
    Result<QList<Agent>> agents();
    Result<QList<CannedResponse>> cannedResponses();
    Result<QList<SharedFilter>> sharedFilters(); // by name
    // The newest notices, newest first, and how many are unread.
    Result<QList<Notice>> notices(int limit);
    Result<qint64> unreadNoticeCount();
    Result<QList<OutboxOp>> outbox();
    Result<qint64> ticketCount();

    // A page of tickets, newest update first. Runs one index range scan per (status,
    // department/assignee) combination and merges them, so a page never sorts or skips rows.
    Result<TicketPage> listTickets(const TicketQuery &query);
    // The number of tickets the query selects, from counters kept up to date by the store
    // (cost independent of the number of tickets).
    Result<qint64> countTickets(const TicketQuery &query);

    // Full-text search over ticket subjects, message bodies and contact names and emails;
    // case-, accent- and letter-variant-insensitive ("lodz" finds "Łódź"); every word is also a
    // prefix; "quoted phrases" match as phrases. See docs/architecture.md for the ranking.
    Result<QList<TicketListItem>> search(const QString &text, const SearchOptions &options = {});

    // A page of the tickets a compiled filter selects, in its order (filterquery.h).
    Result<FilteredPage> listFiltered(const CompiledFilter &filter, int limit = 50,
                                      const std::optional<FilterCursor> &after = {});
    // The number of tickets a compiled filter selects; from the counters when the filter only
    // names statuses, departments and assignees.
    Result<qint64> countFiltered(const CompiledFilter &filter);
    // The most rows listFiltered reads walking an order's index before it answers from the
    // filter's most selective indexed terms instead (default 20,000). For tests of both plans.
    Status setFilterWalkRows(int rows);
    // What the names in a filter resolve against, with "now" as given.
    Result<FilterContext> filterContext(const QDateTime &now);
    // The names filter completion offers: departments, tags and categories in use, agents.
    // Tags and categories are read by skipping through their indexes, one seek per distinct
    // value, so the cost follows the number of names, not of tickets.
    Result<FilterVocabulary> filterVocabulary();
    // One ticket with what the filter predicate looks at (its texts, requester, messages).
    Result<TicketFacts> ticketFacts(const QUuid &id);

    // The agent signed in on this local profile; a null id when nobody is.
    Result<QUuid> currentAgent();
    Status setCurrentAgent(const QUuid &agentId);
    // The signed-in agent as the cache knows them; nullopt when nobody is signed in. A rebuilt
    // store knows only the id until the first pull brings the agents.
    Result<std::optional<Agent>> signedInAgent();
    // Other settings of the local profile (the server, the sync position); empty when unset.
    Result<QString> profileValue(const QString &key);
    Status setProfileValue(const QString &key, const QString &value);

    // The ticket an agent should take next: unassigned, new or open, not spam or merged, in one
    // of the agent's departments at a tier the agent serves there (the highest such tier
    // first), in the department's queue order; across departments, the one waiting longest.
    // nullopt when the agent's queues are empty.
    Result<std::optional<Ticket>> nextTicket(const QUuid &agentId);

    // Write-ahead log housekeeping. By default every connection copies the log back into the
    // database when a commit finds it over 1,000 pages, on the committing thread. The desktop
    // client turns that off for the UI thread's connection (pages = 0) and lets the sync
    // engine's thread call checkpoint() after each round instead, so a local write never waits
    // for a checkpoint's fsync.
    Status setAutoCheckpoint(int pages);
    Status checkpoint(); // PASSIVE: copies what no reader still needs, never waits

    // Full-text index housekeeping. FTS5 merges index segments inside the writes that make
    // them ("automerge"), so now and then one small insert (a local note) takes 20-40 ms
    // instead of 0.3 ms. The sync engine turns that off (a setting of the tables, so for every
    // connection of the store) and merges on its own thread after each pull instead; crisis
    // merges (16 segments on one level) still bound what any write can meet.
    Status setSearchAutomerge(bool on);
    // Merges index segments in steps of `pages` pages, each in a transaction of its own (so
    // other connections' writes interleave), until no work is left or after maxSteps steps.
    // Returns true when the indexes are fully merged.
    Result<bool> mergeSearchIndexes(int pages = 200, int maxSteps = 50);

    // The underlying connection, for the store's own helpers and tests.
    Sql::Database &database();

private:
    explicit LocalStore(std::unique_ptr<Sql::Database> db);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
