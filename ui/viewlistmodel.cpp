#include "viewlistmodel.h"

#include "roles.h"
#include "uuid.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace Pult {

namespace {

const QList<TicketStatus> kActiveStatuses{TicketStatus::New, TicketStatus::Open,
                                          TicketStatus::Pending, TicketStatus::OnHold};

const QString kSavedFiltersKey = QStringLiteral("saved_filters");
const QString kSavedFiltersSection = QStringLiteral("section:saved");
const QString kSavedFilterPrefix = QStringLiteral("filter:");
const QString kSharedFilterPrefix = QStringLiteral("shared:");

} // namespace

ViewListModel::ViewListModel(LocalStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_reader(store.path(), QStringLiteral("view count reader"))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

ViewListModel::~ViewListModel() = default;

void ViewListModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QString ViewListModel::savedFilterKey(const QString &name)
{
    return kSavedFilterPrefix + name.trimmed();
}

void ViewListModel::reload(Recount recount)
{
    QList<Entry> entries;
    m_error = {};

    entries.append({SectionHeading, QStringLiteral("section:views"), tr("Views"), {}, {}, {}});
    // The signed-in agent's own views need to know who that is (pultctl login, or the window's
    // sign-in); a profile nobody signed in to has the rest.
    auto signedIn = m_store.signedInAgent();
    const std::optional<Agent> me = signedIn.good() ? *signedIn : std::nullopt;
    if (me) {
        Entry mine{View,
                   QStringLiteral("mine"),
                   tr("My tickets"),
                   tr("Open work assigned to you: new, open, pending and on-hold tickets"),
                   {},
                   {}};
        mine.query.statuses = kActiveStatuses;
        mine.query.assignee = me->id;
        entries.append(mine);
    }
    {
        Entry unassigned{View,
                         QStringLiteral("unassigned"),
                         tr("Unassigned"),
                         tr("Open work nobody has taken yet"),
                         {},
                         {}};
        unassigned.query.statuses = kActiveStatuses;
        unassigned.query.assignee = QUuid();
        entries.append(unassigned);
    }
    if (me && !me->departments.isEmpty()) {
        Entry departments{View,
                          QStringLiteral("my-departments"),
                          tr("My departments"),
                          tr("Open work in the departments you belong to"),
                          {},
                          {}};
        departments.query.statuses = kActiveStatuses;
        for (const DepartmentMembership &membership : std::as_const(me->departments))
            departments.query.departments.append(membership.departmentId);
        entries.append(departments);
    }
    {
        Entry pending{View,
                      QStringLiteral("pending"),
                      tr("Pending"),
                      tr("Waiting for the customer's answer"),
                      {},
                      {}};
        pending.query.statuses = {TicketStatus::Pending};
        entries.append(pending);
    }
    if (me) {
        // A view in the filter language: SLA deadlines are not among TicketQuery's fields. The
        // agent's own active tickets: counting them goes through the assignee index (2 ms at a
        // million tickets), where every ticket's deadlines would be a scan (200-500 ms).
        Entry breaching{View,
                        QStringLiteral("breaching"),
                        tr("Breaching soon"),
                        tr("Your tickets whose SLA deadline is due within two hours, the most "
                           "urgent first"),
                        {},
                        {}};
        breaching.filterText =
            QStringLiteral("assignee:me status:new,open,pending,on-hold sla<2h sort:sla");
        entries.append(breaching);
    }
    {
        Entry solved{
            View, QStringLiteral("solved"), tr("Solved"), tr("Solved and closed tickets"), {}, {}};
        solved.query.statuses = {TicketStatus::Solved, TicketStatus::Closed};
        entries.append(solved);
    }
    {
        Entry all{View,
                  QStringLiteral("all"),
                  tr("All I can see"),
                  tr("Every ticket in your cache, whatever its status"),
                  {},
                  {}};
        entries.append(all);
    }

    auto departments = m_store.departments();
    if (!departments.good()) {
        m_error = departments.status();
    } else if (!departments->isEmpty()) {
        QList<Department> sorted = *departments;
        std::sort(sorted.begin(), sorted.end(), [](const Department &a, const Department &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        entries.append(
            {SectionHeading, QStringLiteral("section:departments"), tr("Departments"), {}, {}, {}});
        for (const Department &department : std::as_const(sorted)) {
            Entry queue{
                View,
                QStringLiteral("department:") + uuidToString(department.id),
                department.name,
                tr("Open work in %1: new, open, pending and on-hold tickets").arg(department.name),
                {},
                {}};
            queue.query.statuses = kActiveStatuses;
            queue.query.departments = {department.id};
            entries.append(queue);
        }
    }

    // Filters a lead shared with a department of the agent's, or an admin with everyone.
    if (auto shared = m_store.sharedFilters(); !shared.good()) {
        m_error = shared.status();
    } else if (!shared->isEmpty()) {
        entries.append(
            {SectionHeading, QStringLiteral("section:shared"), tr("Shared views"), {}, {}, {}});
        for (const SharedFilter &filter : std::as_const(*shared)) {
            QString with = tr("everyone");
            for (const Department &d : departments.good() ? *departments : QList<Department>()) {
                if (d.id == filter.departmentId)
                    with = d.name;
            }
            Entry entry{View,        kSharedFilterPrefix + uuidToString(filter.id),
                        filter.name, tr("Shared with %1: %2").arg(with, filter.query),
                        {},          {}};
            entry.filterText = filter.query;
            entries.append(entry);
        }
    }

    const QList<SavedFilter> saved = readSavedFilters();
    if (!saved.isEmpty()) {
        entries.append({SectionHeading, kSavedFiltersSection, tr("Saved filters"), {}, {}, {}});
        for (const SavedFilter &filter : saved)
            entries.append(savedFilterEntry(filter));
    }

    // Each row keeps its last known count until it is counted again.
    for (Entry &entry : entries) {
        for (const Entry &before : std::as_const(m_entries)) {
            if (before.key == entry.key && before.filterText == entry.filterText) {
                entry.count = before.count;
                entry.filterError = before.filterError;
                entry.dirtyAt = before.dirtyAt;
            }
        }
        if (entry.kind == View && !entry.count && entry.filterError.isEmpty())
            entry.dirtyAt = ++m_marks;
    }

    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    if (!m_error.good())
        Q_EMIT loadFailed(m_error.message());
    refreshCounts(recount);
}

void ViewListModel::markDirty(Recount recount)
{
    for (Entry &entry : m_entries) {
        if (entry.kind == View && (recount == Recount::All || !entry.filterText))
            entry.dirtyAt = ++m_marks;
    }
}

void ViewListModel::refreshCounts(Recount recount)
{
    markDirty(recount);
    requestCounts();
}

void ViewListModel::requestCounts()
{
    if (m_counting)
        return; // asked again when the counts under way arrive
    QList<CountRequest> rows;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.dirtyAt)
            rows.append({entry.key, entry.query, entry.filterText});
    }
    if (rows.isEmpty())
        return;
    m_counting = true;
    const quint64 sentAt = m_marks;
    m_reader.read<Result<QList<CountAnswer>>>(
        [rows, now = m_clock()](LocalStore &store) { return count(store, rows, now); },
        [this, sentAt](const Result<QList<CountAnswer>> &answers) {
            countsCounted(answers, sentAt);
        });
}

// On the reader's thread.
Result<QList<ViewListModel::CountAnswer>>
ViewListModel::count(LocalStore &store, const QList<CountRequest> &rows, const QDateTime &now)
{
    QList<CountAnswer> answers;
    std::optional<FilterContext> context; // what filters are compiled against, read once
    for (const CountRequest &row : rows) {
        CountAnswer answer{row.key, row.filterText, {}, {}};
        if (row.filterText) {
            if (!context) {
                auto read = store.filterContext(now);
                if (!read.good())
                    return read.status();
                context = std::move(*read);
            }
            const FilterCompile compiled = compileFilter(*row.filterText, *context);
            if (!compiled.good()) {
                // A name the filter uses may be gone (a renamed department): the row says why.
                answer.filterError = compiled.error->toString();
                answers.append(answer);
                continue;
            }
            auto count = store.countFiltered(compiled.filter);
            if (!count.good())
                return count.status();
            answer.count = *count;
        } else {
            auto count = store.countTickets(row.query);
            if (!count.good())
                return count.status();
            answer.count = *count;
        }
        answers.append(answer);
    }
    return answers;
}

void ViewListModel::countsCounted(const Result<QList<CountAnswer>> &answers, quint64 sentAt)
{
    m_counting = false;
    if (!answers.good()) {
        // Nothing is counted again until the next refresh: a broken store would loop.
        for (Entry &entry : m_entries)
            entry.dirtyAt = 0;
        Q_EMIT loadFailed(answers.status().message());
        Q_EMIT countsArrived();
        return;
    }
    for (const CountAnswer &answer : *answers) {
        const QModelIndex row = indexOfKey(answer.key);
        if (!row.isValid())
            continue; // gone since it was asked for
        Entry &entry = m_entries[row.row()];
        if (entry.filterText != answer.filterText)
            continue; // a shared filter's text changed since: counted again
        if (entry.dirtyAt <= sentAt)
            entry.dirtyAt = 0;
        if (entry.count == answer.count && entry.filterError == answer.filterError)
            continue;
        entry.count = answer.count;
        entry.filterError = answer.filterError;
        Q_EMIT dataChanged(row, row, {ViewCountRole, Qt::AccessibleTextRole, Qt::ToolTipRole});
    }
    const bool more = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                  [](const Entry &entry) { return entry.dirtyAt != 0; });
    if (more)
        requestCounts();
    else
        Q_EMIT countsArrived();
}

std::optional<TicketQuery> ViewListModel::query(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    const Entry &entry = m_entries.at(index.row());
    if (entry.kind != View || entry.filterText)
        return std::nullopt;
    return entry.query;
}

std::optional<QString> ViewListModel::filterText(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    return m_entries.at(index.row()).filterText;
}

QUuid ViewListModel::sharedFilterId(const QModelIndex &index) const
{
    const QString key = index.data(ViewKeyRole).toString();
    return key.startsWith(kSharedFilterPrefix)
               ? QUuid::fromString(key.mid(kSharedFilterPrefix.size()))
               : QUuid();
}

bool ViewListModel::isSavedFilter(const QModelIndex &index) const
{
    return filterText(index) && index.data(ViewKeyRole).toString().startsWith(kSavedFilterPrefix);
}

ViewListModel::Entry ViewListModel::savedFilterEntry(const SavedFilter &saved) const
{
    Entry entry{View, savedFilterKey(saved.name), saved.name, saved.text, {}, {}};
    entry.filterText = saved.text;
    return entry;
}

int ViewListModel::firstSavedFilterRow() const
{
    const QModelIndex heading = indexOfKey(kSavedFiltersSection);
    return heading.isValid() ? heading.row() + 1 : -1;
}

QList<ViewListModel::SavedFilter> ViewListModel::savedFilters() const
{
    QList<SavedFilter> filters;
    for (const Entry &entry : m_entries) {
        if (entry.filterText && entry.key.startsWith(kSavedFilterPrefix))
            filters.append({entry.title, *entry.filterText});
    }
    return filters;
}

QList<ViewListModel::SavedFilter> ViewListModel::readSavedFilters()
{
    auto stored = m_store.profileValue(kSavedFiltersKey);
    if (!stored.good()) {
        m_error = stored.status();
        return {};
    }
    if (stored->isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stored->toUtf8(), &parseError);
    if (!document.isArray()) {
        m_error =
            Status(Status::Corrupt,
                   tr("The saved filters could not be read: %1").arg(parseError.errorString()));
        return {};
    }
    QList<SavedFilter> filters;
    QStringList names;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        SavedFilter filter{object.value(QStringLiteral("name")).toString().trimmed(),
                           object.value(QStringLiteral("text")).toString()};
        if (filter.name.isEmpty() || names.contains(filter.name))
            continue; // written by hand, or by something else: skip what cannot be a view
        names.append(filter.name);
        filters.append(filter);
    }
    return filters;
}

Status ViewListModel::writeSavedFilters(const QList<SavedFilter> &filters)
{
    QJsonArray array;
    for (const SavedFilter &filter : filters) {
        array.append(QJsonObject{{QStringLiteral("name"), filter.name},
                                 {QStringLiteral("text"), filter.text}});
    }
    return m_store.setProfileValue(
        kSavedFiltersKey, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

Result<QString> ViewListModel::addSavedFilter(const QString &name, const QString &text)
{
    const QString trimmedName = name.trimmed();
    const QString trimmedText = text.trimmed();
    if (trimmedName.isEmpty())
        return Status(Status::Invalid, tr("A saved filter needs a name."));
    if (trimmedText.isEmpty())
        return Status(Status::Invalid, tr("An empty filter cannot be saved."));
    const FilterParse parse = parseFilter(trimmedText);
    if (!parse.good())
        return Status(Status::Invalid, parse.error->toString());

    const SavedFilter saved{trimmedName, trimmedText};
    QList<SavedFilter> filters = savedFilters();
    const auto existing = std::find_if(filters.begin(), filters.end(),
                                       [&](const SavedFilter &f) { return f.name == trimmedName; });
    if (existing != filters.end())
        existing->text = trimmedText;
    else
        filters.append(saved);
    if (Status written = writeSavedFilters(filters); !written.good())
        return written;

    const QString key = savedFilterKey(trimmedName);
    Entry entry = savedFilterEntry(saved);
    entry.dirtyAt = ++m_marks;

    const QModelIndex row = indexOfKey(key);
    if (row.isValid()) {
        m_entries[row.row()] = entry;
        Q_EMIT dataChanged(row, row);
    } else if (firstSavedFilterRow() < 0) {
        const int first = int(m_entries.size());
        beginInsertRows({}, first, first + 1);
        m_entries.append({SectionHeading, kSavedFiltersSection, tr("Saved filters"), {}, {}, {}});
        m_entries.append(entry);
        endInsertRows();
    } else {
        // The section is the last one: a new saved filter goes at the end.
        const int last = int(m_entries.size());
        beginInsertRows({}, last, last);
        m_entries.append(entry);
        endInsertRows();
    }
    requestCounts();
    return key;
}

Status ViewListModel::removeSavedFilter(const QString &key)
{
    const QModelIndex row = indexOfKey(key);
    if (!isSavedFilter(row))
        return Status(Status::NotFound, tr("There is no saved filter \"%1\".").arg(key));
    QList<SavedFilter> filters = savedFilters();
    filters.removeAt(row.row() - firstSavedFilterRow());
    if (Status written = writeSavedFilters(filters); !written.good())
        return written;
    if (filters.isEmpty()) {
        // The heading goes with the last saved filter.
        beginRemoveRows({}, row.row() - 1, row.row());
        m_entries.remove(row.row() - 1, 2);
    } else {
        beginRemoveRows({}, row.row(), row.row());
        m_entries.removeAt(row.row());
    }
    endRemoveRows();
    return {};
}

QModelIndex ViewListModel::indexOfKey(const QString &key) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).key == key)
            return index(row);
    }
    return {};
}

QModelIndex ViewListModel::allTicketsIndex() const
{
    return indexOfKey(QStringLiteral("all"));
}

int ViewListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ViewListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.title;
    case Qt::ToolTipRole:
        if (!entry.filterError.isEmpty())
            return tr("%1\n%2", "saved filter text, why it cannot be counted")
                .arg(entry.toolTip, entry.filterError);
        return entry.toolTip.isEmpty() ? QVariant() : QVariant(entry.toolTip);
    case Qt::AccessibleTextRole:
        if (entry.kind == View && entry.count)
            return tr("%1, %2", "view name, ticket count")
                .arg(entry.title, QLocale().toString(*entry.count));
        return entry.title;
    case ViewKindRole:
        return int(entry.kind);
    case ViewKeyRole:
        return entry.key;
    case ViewCountRole:
        return entry.count ? QVariant(*entry.count) : QVariant();
    default:
        return {};
    }
}

Qt::ItemFlags ViewListModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (m_entries.at(index.row()).kind == SectionHeading)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Pult
