#pragma once

// The sidebar: the built-in views (All tickets, Unassigned, Pending, Solved) and one queue per
// department, each with its live count. Counts come from LocalStore::countTickets, which reads
// counters the store keeps, so refreshing them costs the same with a million tickets.

#include "localstore.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

namespace Pult {

class ViewListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Kind { SectionHeading, View };
    Q_ENUM(Kind)

    // Empty until reload(). The store must outlive the model.
    explicit ViewListModel(LocalStore &store, QObject *parent = nullptr);
    ~ViewListModel() override;

    // Reads the departments again and rebuilds the list (resets the model).
    void reload();
    // Counts every view again; rows whose count changed report dataChanged.
    void refreshCounts();

    // The query behind a view row; nullopt for headings and invalid indexes.
    std::optional<TicketQuery> query(const QModelIndex &index) const;
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

private:
    struct Entry
    {
        Kind kind = View;
        QString key;
        QString title;
        QString toolTip;
        TicketQuery query;
        std::optional<qint64> count;
    };

    std::optional<qint64> countOf(const Entry &entry);

    LocalStore &m_store;
    QList<Entry> m_entries;
    Status m_error;
};

} // namespace Pult
