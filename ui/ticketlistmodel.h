#pragma once

// The inbox: tickets of one view (a TicketQuery), of a search or of a filter typed in the filter
// language, one row per ticket. A thin model over LocalStore: rows of a view (newest update
// first) and of a filter (in the filter's order) arrive a page at a time through
// canLoadMore()/loadMore(), each page continuing from the keyset cursor of the last one, so
// scrolling to row 100,000 costs the same per page as row 100 and never skips or repeats a row.
// Search results come in one bounded batch (LocalStore::search ranks a bounded candidate set).
//
// Nothing is read on the UI thread: pages and searches run on the model's StoreReader, a thread
// with its own connection. A new query, search, filter or reload supersedes the load still under
// way (its rows never arrive); until the new rows arrive the model keeps the rows it shows, and
// after 100 ms it reports itself busy so the window can say so quietly.

#include "localstore.h"
#include "storereader.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QSet>

class QTimer;

#include <functional>
#include <optional>

namespace Pult {

class TicketListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        SubjectColumn,
        RequesterColumn,
        StatusColumn,
        PriorityColumn,
        AssigneeColumn,
        DepartmentColumn,
        UpdatedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // "Now" for relative times ("5 min ago"); tests pass a fixed clock.
    using Clock = std::function<QDateTime()>;

    // Reads through a connection of its own to the store's file.
    explicit TicketListModel(const LocalStore &store, QObject *parent = nullptr);
    ~TicketListModel() override;

    void setClock(Clock clock);
    // Rows per page (default 100: two screens); applies from the next reset.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // The most search results shown (default 200).
    void setSearchLimit(int rows);
    int searchLimit() const { return m_searchLimit; }

    // Shows the tickets the query selects (its limit and cursor are ignored; the model pages
    // itself) and leaves search and filter mode. Starts loading the first page.
    void setQuery(const TicketQuery &query);
    const TicketQuery &query() const { return m_query; }
    // Non-empty text shows the search results for it; empty text returns to the query. Either
    // leaves filter mode. Starts loading the results.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    bool isSearching() const { return !m_searchText.isEmpty(); }
    // Shows the tickets a compiled filter selects, in its order (LocalStore::listFiltered), a
    // page at a time; text is the filter as typed, for filterText(). Leaves search mode. Starts
    // loading the first page. The filter's "now" stays as compiled: compile it again to move
    // relative times ("created<7d") along.
    void setFilter(const CompiledFilter &filter, const QString &text);
    // Returns from filter mode to the query.
    void clearFilter();
    bool isFiltering() const { return m_filter.has_value(); }
    // The text of the filter shown; empty outside filter mode.
    QString filterText() const { return m_filterText; }
    // Loads the current query, search or filter again from the first page.
    void reload();
    // Whether a first page (or search) asked for has not arrived yet; the rows shown are the
    // previous ones until it does.
    bool isLoading() const { return m_loading; }
    // Whether more rows follow the ones loaded (and no load is under way).
    bool canLoadMore() const;
    // Asks the reader for the next page; its rows are inserted when it arrives. The window
    // calls it when the agent scrolls or moves near the last loaded row. (Not Qt's
    // fetchMore(): QTreeView calls that from every layout, which with pages arriving later
    // would read the whole list in the background.)
    void loadMore();
    // Whether a page asked for by loadMore() has not arrived yet.
    bool isFetching() const { return m_fetching; }
    // Loading for more than 100 ms: worth a quiet hint.
    bool isBusy() const { return m_busy; }
    // The error of the last load; good() when it worked.
    const Status &lastError() const { return m_error; }

    const TicketListItem &item(int row) const { return m_items.at(row); }
    // The row of a ticket among the loaded rows, or an invalid index.
    QModelIndex indexOf(const QUuid &ticketId, int column = 0) const;
    // The tickets with local changes still waiting to be sent: their rows are marked.
    void setPendingTickets(const QSet<QUuid> &tickets);

    // Relative times and SLA countdowns age: views call this now and then to repaint the
    // "updated" column.
    void refreshRelativeTimes();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A page could not be read; the message is for a person.
    void loadFailed(const QString &message);
    // The rows asked for (a first page, a search, or the next page) are in the model.
    void loaded();
    void busyChanged(bool busy);

private:
    struct Page
    {
        QList<TicketListItem> items;
        std::optional<PageCursor> next;
        std::optional<FilterCursor> filterNext;
    };
    // Reads the first page (or the search results), or the page after the loaded rows.
    std::function<Result<Page>(LocalStore &)> pageJob(bool next) const;
    void arrived(Result<Page> page);
    void appendPage(Result<Page> page);
    void setBusy(bool busy);
    QVariant displayData(const TicketListItem &item, int column) const;

    StoreReader m_reader;
    StoreReader::Latest m_latest; // first pages and next pages: only the newest request counts
    QTimer *m_busyTimer = nullptr;
    Clock m_clock;
    int m_pageSize = 100;
    int m_searchLimit = 200;
    TicketQuery m_query;
    QString m_searchText;
    QList<TicketListItem> m_items;
    std::optional<PageCursor> m_next;       // where the next page starts; empty when all are loaded
    std::optional<CompiledFilter> m_filter; // set in filter mode
    QString m_filterText;
    std::optional<FilterCursor> m_filterNext; // filter mode: where the next page starts
    Status m_error;
    QSet<QUuid> m_pending;
    bool m_loading = false;
    bool m_fetching = false;
    bool m_busy = false;
};

} // namespace Pult
