#include "ticketlistmodel.h"

#include "displaytext.h"
#include "roles.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

namespace Pult {

namespace {

// Search highlight markers: private-use characters that never occur in real text, turned into
// bold in tooltips and dropped from the plain snippet.
constexpr QChar kMarkOpen = QChar(0xE000);
constexpr QChar kMarkClose = QChar(0xE001);

QString plainSnippet(QString snippet)
{
    snippet.remove(kMarkOpen);
    snippet.remove(kMarkClose);
    return snippet.simplified();
}

QString htmlSnippet(const QString &snippet)
{
    QString html;
    QString run;
    for (const QChar c : snippet) {
        if (c == kMarkOpen || c == kMarkClose) {
            html += run.toHtmlEscaped();
            html += c == kMarkOpen ? QStringLiteral("<b>") : QStringLiteral("</b>");
            run.clear();
        } else {
            run += c;
        }
    }
    return html + run.toHtmlEscaped();
}

bool paletteIsDark()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QColor dimmedText()
{
    return QGuiApplication::palette().color(QPalette::PlaceholderText);
}

// The deadline the ticket must meet next: the first response while nobody has answered, and the
// resolution; the earlier of the two, for active tickets only. The same rule as the store's
// "next deadline" sort key and the filter language's sla: field.
QDateTime nextSlaDeadline(const Ticket &ticket)
{
    if (!isActive(ticket.status))
        return {};
    const QDateTime firstResponse =
        ticket.firstResponseAt.isValid() ? QDateTime() : ticket.firstResponseDeadline;
    const QDateTime &resolution = ticket.resolutionDeadline;
    if (!firstResponse.isValid())
        return resolution;
    if (!resolution.isValid())
        return firstResponse;
    return std::min(firstResponse, resolution);
}

} // namespace

TicketListModel::TicketListModel(const LocalStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(store.path(), QStringLiteral("ticket list reader"))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_busyTimer = new QTimer(this);
    m_busyTimer->setSingleShot(true);
    m_busyTimer->setInterval(100);
    connect(m_busyTimer, &QTimer::timeout, this, [this] { setBusy(true); });
}

TicketListModel::~TicketListModel() = default;

void TicketListModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshRelativeTimes();
}

void TicketListModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void TicketListModel::setSearchLimit(int rows)
{
    m_searchLimit = std::max(1, rows);
}

void TicketListModel::setQuery(const TicketQuery &query)
{
    m_query = query;
    m_query.limit = m_pageSize;
    m_query.after.reset();
    m_searchText.clear();
    m_filter.reset();
    m_filterText.clear();
    reload();
}

void TicketListModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText && !isFiltering())
        return;
    m_searchText = trimmed;
    m_filter.reset();
    m_filterText.clear();
    reload();
}

void TicketListModel::setFilter(const CompiledFilter &filter, const QString &text)
{
    m_filter = filter;
    m_filterText = text.trimmed();
    m_searchText.clear();
    reload();
}

void TicketListModel::clearFilter()
{
    if (!isFiltering())
        return;
    m_filter.reset();
    m_filterText.clear();
    reload();
}

std::function<Result<TicketListModel::Page>(LocalStore &)> TicketListModel::pageJob(bool next) const
{
    // Everything the job needs is copied: the model may change again before it runs. A cursor
    // that does not move would repeat the same page for ever: it ends the list.
    if (m_filter) {
        return [filter = *m_filter, size = m_pageSize,
                after = next ? m_filterNext : std::nullopt](LocalStore &store) -> Result<Page> {
            auto page = store.listFiltered(filter, size, after);
            if (!page.good())
                return page.status();
            return Page{
                std::move(page->items), {}, page->next == after ? std::nullopt : page->next};
        };
    }
    if (isSearching()) { // one bounded batch, never a next page
        SearchOptions options;
        options.limit = m_searchLimit;
        options.highlightOpen = kMarkOpen;
        options.highlightClose = kMarkClose;
        return [text = m_searchText, options](LocalStore &store) -> Result<Page> {
            auto results = store.search(text, options);
            if (!results.good())
                return results.status();
            return Page{std::move(*results), {}, {}};
        };
    }
    TicketQuery query = m_query;
    query.limit = m_pageSize;
    query.after = next ? m_next : std::nullopt;
    return [query](LocalStore &store) -> Result<Page> {
        auto page = store.listTickets(query);
        if (!page.good())
            return page.status();
        return Page{
            std::move(page->items), page->next == query.after ? std::nullopt : page->next, {}};
    };
}

void TicketListModel::reload()
{
    m_loading = true;
    m_fetching = false; // a page under way belongs to the rows being replaced
    if (!m_busy && !m_busyTimer->isActive())
        m_busyTimer->start();
    m_reader.read<Result<Page>>(&m_latest, pageJob(false),
                                [this](Result<Page> page) { arrived(std::move(page)); });
}

void TicketListModel::arrived(Result<Page> page)
{
    m_loading = false;
    m_busyTimer->stop();
    m_error = page.status();
    beginResetModel();
    // Thousands of rows scrolled through free in milliseconds: on the reader's thread.
    m_reader.release(std::exchange(m_items, {}));
    m_next.reset();
    m_filterNext.reset();
    if (page.good()) {
        m_items = std::move(page->items);
        m_next = page->next;
        m_filterNext = page->filterNext;
    }
    endResetModel();
    setBusy(false);
    if (!m_error.good())
        Q_EMIT loadFailed(m_error.message());
    Q_EMIT loaded();
}

void TicketListModel::setBusy(bool busy)
{
    if (busy == m_busy || (busy && !m_loading))
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

bool TicketListModel::canLoadMore() const
{
    return (m_next.has_value() || m_filterNext.has_value()) && !m_fetching && !m_loading;
}

void TicketListModel::loadMore()
{
    if (!canLoadMore())
        return;
    m_fetching = true;
    m_reader.read<Result<Page>>(&m_latest, pageJob(true),
                                [this](Result<Page> page) { appendPage(std::move(page)); });
}

void TicketListModel::appendPage(Result<Page> page)
{
    m_fetching = false;
    if (!page.good()) {
        m_next.reset(); // stop asking; reload() tries again
        m_filterNext.reset();
        m_error = page.status();
        Q_EMIT loadFailed(m_error.message());
        Q_EMIT loaded();
        return;
    }
    m_next = page->next;
    m_filterNext = page->filterNext;
    if (!page->items.isEmpty()) {
        const int first = int(m_items.size());
        beginInsertRows({}, first, first + int(page->items.size()) - 1);
        m_items.append(std::move(page->items));
        endInsertRows();
    }
    Q_EMIT loaded();
}

QModelIndex TicketListModel::indexOf(const QUuid &ticketId, int column) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).ticket.id == ticketId)
            return index(row, column);
    }
    return {};
}

void TicketListModel::refreshRelativeTimes()
{
    if (m_items.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, UpdatedColumn), index(int(m_items.size()) - 1, UpdatedColumn),
                       {Qt::DisplayRole, TicketSlaSecondsLeftRole});
}

int TicketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int TicketListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketListModel::displayData(const TicketListItem &item, int column) const
{
    const Ticket &ticket = item.ticket;
    switch (Column(column)) {
    case NumberColumn:
        return DisplayText::ticketNumber(ticket.number);
    case SubjectColumn:
        if (isSearching() && !item.snippet.isEmpty()) {
            const QString snippet = plainSnippet(item.snippet);
            if (snippet != ticket.subject.simplified())
                return tr("%1 — %2", "subject — search snippet").arg(ticket.subject, snippet);
        }
        return ticket.subject;
    case RequesterColumn:
        return item.requesterName.isEmpty() ? item.requesterEmail : item.requesterName;
    case StatusColumn:
        return DisplayText::status(ticket.status);
    case PriorityColumn:
        return DisplayText::priority(ticket.priority);
    case AssigneeColumn:
        return ticket.assigneeId.isNull() ? tr("Unassigned") : item.assigneeName;
    case DepartmentColumn:
        return item.departmentName;
    case UpdatedColumn:
        return DisplayText::relativeTime(ticket.updated, m_clock());
    case ColumnCount:
        break;
    }
    return {};
}

void TicketListModel::setPendingTickets(const QSet<QUuid> &tickets)
{
    if (tickets == m_pending)
        return;
    m_pending = tickets;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant TicketListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketListItem &item = m_items.at(index.row());
    const Ticket &ticket = item.ticket;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NumberColumn && m_pending.contains(ticket.id))
            return QString(displayData(item, column).toString() + QStringLiteral(" ↻"));
        return displayData(item, column);
    case Qt::ToolTipRole:
        switch (column) {
        case NumberColumn:
            if (m_pending.contains(ticket.id))
                return tr("Your changes to this ticket wait to be sent to the server.");
            if (!ticket.number)
                return tr("The server gives this ticket its number when it syncs.");
            return {};
        case SubjectColumn:
            if (isSearching() && !item.snippet.isEmpty())
                return htmlSnippet(item.snippet);
            // The subject cell starts with the channel's glyph; the tooltip names it.
            return tr("%1\nChannel: %2", "subject, channel")
                .arg(ticket.subject, DisplayText::channel(ticket.channel));
        case RequesterColumn:
            if (item.requesterEmail.isEmpty() || item.requesterName.isEmpty())
                return {};
            return tr("%1 <%2>", "name <email>").arg(item.requesterName, item.requesterEmail);
        case UpdatedColumn:
            return DisplayText::dateTime(ticket.updated);
        default:
            return {};
        }
    case Qt::FontRole:
        if (ticket.unread || m_pending.contains(ticket.id)) {
            QFont font;
            font.setBold(ticket.unread);
            font.setItalic(m_pending.contains(ticket.id)); // not confirmed by the server yet
            return font;
        }
        return {};
    case TicketPendingRole:
        return m_pending.contains(ticket.id);
    case Qt::ForegroundRole:
        if ((column == NumberColumn && !ticket.number) ||
            (column == AssigneeColumn && ticket.assigneeId.isNull()))
            return dimmedText();
        if (column == PriorityColumn && ticket.priority == Priority::Urgent)
            return paletteIsDark() ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
        return {};
    case TicketIdRole:
        return ticket.id;
    case TicketNumberRole:
        return ticket.number ? QVariant(*ticket.number) : QVariant();
    case TicketSubjectRole:
        return ticket.subject;
    case TicketStatusRole:
        return int(ticket.status);
    case TicketPriorityRole:
        return int(ticket.priority);
    case TicketUpdatedRole:
        return ticket.updated;
    case TicketUnreadRole:
        return ticket.unread;
    case TicketSnippetRole:
        return item.snippet.isEmpty() ? QString() : plainSnippet(item.snippet);
    case TicketChannelRole:
        return int(ticket.channel);
    case TicketTagsRole:
        return ticket.tags;
    case TicketSlaDeadlineRole:
        return nextSlaDeadline(ticket);
    case TicketSlaSecondsLeftRole: {
        const QDateTime deadline = nextSlaDeadline(ticket);
        return deadline.isValid() ? QVariant(m_clock().secsTo(deadline)) : QVariant();
    }
    case TicketAssigneeNameRole:
        return ticket.assigneeId.isNull() ? QString() : item.assigneeName;
    default:
        return {};
    }
}

QVariant TicketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case NumberColumn:
            return tr("#", "ticket number column");
        case SubjectColumn:
            return tr("Subject");
        case RequesterColumn:
            return tr("Requester");
        case StatusColumn:
            return tr("Status");
        case PriorityColumn:
            return tr("Priority");
        case AssigneeColumn:
            return tr("Assignee");
        case DepartmentColumn:
            return tr("Department");
        case UpdatedColumn:
            return tr("Updated");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole && section == NumberColumn)
        return tr("Ticket number");
    return {};
}

} // namespace Pult
