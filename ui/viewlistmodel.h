#pragma once

// The sidebar: the built-in views (My tickets, Unassigned, My departments, Pending, Breaching
// soon, Solved, All I can see), one queue per department and the agent's saved filters, each
// with its live count. Counts of built-in views and queues come from LocalStore::countTickets,
// which reads counters the store keeps, so refreshing them costs the same with a million tickets; a
// saved or shared filter is compiled against the store's names and counted with
// LocalStore::countFiltered. Every count runs on the model's StoreReader, off the UI thread: a row
// shows its last known count until the new one arrives, and a refresh asked for while counts run
// is made once they are in.
// Saved filters live in the local profile (LocalStore::profileValue "saved_filters": a JSON array
// of {"name", "text"}).

#include "localstore.h"
#include "storereader.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace Pult {

class ViewListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Kind { SectionHeading, View };
    Q_ENUM(Kind)

    // A filter the agent saved as a view.
    struct SavedFilter
    {
        QString name;
        QString text; // in the filter language (docs/filters.md)
        friend bool operator==(const SavedFilter &, const SavedFilter &) = default;
    };

    // "Now" for the relative times of saved filters ("created<7d"); tests pass a fixed clock.
    using Clock = std::function<QDateTime()>;

    // What a refresh recounts. All after a change to tickets, or when time passes (relative
    // times); CountersOnly after a change that touched no ticket: the views the store's counters
    // answer are counted (they cost nothing), and filters keep their last count.
    enum class Recount { All, CountersOnly };

    // Empty until reload(). The store (the window's connection, for the list of views and the
    // saved filters) must outlive the model; counts are read through a connection of its own.
    explicit ViewListModel(LocalStore &store, QObject *parent = nullptr);
    ~ViewListModel() override;

    void setClock(Clock clock);

    // Reads the departments and saved filters again and rebuilds the list (resets the model).
    // Rows keep the count they had until it is counted again.
    void reload(Recount recount = Recount::All);
    // Counts the views again; rows whose count changed report dataChanged when it arrives.
    void refreshCounts(Recount recount = Recount::All);
    // Whether counts asked for have not all arrived yet.
    bool isCounting() const { return m_counting; }

    // The query behind a built-in view or queue row; nullopt for headings, saved filters and
    // invalid indexes.
    std::optional<TicketQuery> query(const QModelIndex &index) const;
    // The filter text behind a saved filter row; nullopt for every other row.
    std::optional<QString> filterText(const QModelIndex &index) const;
    // Whether the row is a saved filter.
    bool isSavedFilter(const QModelIndex &index) const;
    // The id of the shared filter on this row (the "Shared views" section); null for others.
    QUuid sharedFilterId(const QModelIndex &index) const;

    // Saves a filter as a view, at the end of the "Saved filters" section, or gives an existing
    // saved filter of that name the new text. Returns the row's key ("filter:<name>"). The name
    // is trimmed and must not be empty; the text must parse (parseFilter). Persisted at once.
    Result<QString> addSavedFilter(const QString &name, const QString &text);
    // Removes a saved filter by its key; NotFound when there is none. Persisted at once.
    Status removeSavedFilter(const QString &key);
    // The saved filters in their order.
    QList<SavedFilter> savedFilters() const;
    // The key of the row of a saved filter with this name.
    static QString savedFilterKey(const QString &name);
    // The row of a view by its ViewKeyRole key, or an invalid index.
    QModelIndex indexOfKey(const QString &key) const;
    // The "All tickets" row.
    QModelIndex allTicketsIndex() const;
    const Status &lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void loadFailed(const QString &message);
    // Every count asked for is in (isCounting() is false).
    void countsArrived();

private:
    struct Entry
    {
        Entry() = default;
        Entry(Kind kind, QString key, QString title, QString toolTip, TicketQuery query,
              std::optional<qint64> count)
            : kind(kind)
            , key(std::move(key))
            , title(std::move(title))
            , toolTip(std::move(toolTip))
            , query(std::move(query))
            , count(count)
        {}

        Kind kind = View;
        QString key;
        QString title;
        QString toolTip;
        TicketQuery query;
        std::optional<qint64> count;
        std::optional<QString> filterText; // set for saved filters
        QString filterError;               // a saved filter that does not compile: why
        quint64 dirtyAt = 0;               // when it was marked to be counted again; 0: counted
    };

    // One row's count, as asked for and as answered.
    struct CountRequest
    {
        QString key;
        TicketQuery query;
        std::optional<QString> filterText;
    };
    struct CountAnswer
    {
        QString key;
        std::optional<QString> filterText;
        std::optional<qint64> count;
        QString filterError;
    };
    static Result<QList<CountAnswer>> count(LocalStore &store, const QList<CountRequest> &rows,
                                            const QDateTime &now);

    void markDirty(Recount recount);
    void requestCounts();
    void countsCounted(const Result<QList<CountAnswer>> &answers, quint64 sentAt);
    Entry savedFilterEntry(const SavedFilter &saved) const;
    Status writeSavedFilters(const QList<SavedFilter> &filters);
    QList<SavedFilter> readSavedFilters();
    int firstSavedFilterRow() const;

    LocalStore &m_store;
    StoreReader m_reader;
    Clock m_clock;
    QList<Entry> m_entries;
    Status m_error;
    quint64 m_marks = 0;     // the last dirtyAt given
    bool m_counting = false; // a count request is under way
};

} // namespace Pult
