#pragma once

// Paints the sidebar's rows: section headings in small dimmed capitals, views with their ticket
// count right-aligned.

#include <QStyledItemDelegate>

namespace Pult {

class ViewItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Pult
