#include "viewlistmodel.h"

#include "roles.h"
#include "uuid.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace Pult {

namespace {

const QList<TicketStatus> kActiveStatuses{TicketStatus::New, TicketStatus::Open,
                                          TicketStatus::Pending, TicketStatus::OnHold};

} // namespace

ViewListModel::ViewListModel(LocalStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{}

ViewListModel::~ViewListModel() = default;

void ViewListModel::reload()
{
    QList<Entry> entries;
    m_error = {};

    entries.append({SectionHeading, QStringLiteral("section:views"), tr("Views"), {}, {}, {}});
    {
        Entry all{View,
                  QStringLiteral("all"),
                  tr("All tickets"),
                  tr("Every ticket, whatever its status"),
                  {},
                  {}};
        entries.append(all);
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
    {
        Entry solved{
            View, QStringLiteral("solved"), tr("Solved"), tr("Solved and closed tickets"), {}, {}};
        solved.query.statuses = {TicketStatus::Solved, TicketStatus::Closed};
        entries.append(solved);
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

    for (Entry &entry : entries) {
        if (entry.kind == View)
            entry.count = countOf(entry);
    }

    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    if (!m_error.good())
        Q_EMIT loadFailed(m_error.message());
}

std::optional<qint64> ViewListModel::countOf(const Entry &entry)
{
    auto count = m_store.countTickets(entry.query);
    if (!count.good()) {
        m_error = count.status();
        return std::nullopt;
    }
    return *count;
}

void ViewListModel::refreshCounts()
{
    m_error = {};
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry &entry = m_entries[row];
        if (entry.kind != View)
            continue;
        const std::optional<qint64> count = countOf(entry);
        if (count == entry.count)
            continue;
        entry.count = count;
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, {ViewCountRole, Qt::AccessibleTextRole});
    }
    if (!m_error.good())
        Q_EMIT loadFailed(m_error.message());
}

std::optional<TicketQuery> ViewListModel::query(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    const Entry &entry = m_entries.at(index.row());
    if (entry.kind != View)
        return std::nullopt;
    return entry.query;
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
