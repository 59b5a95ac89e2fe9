#include "viewitemdelegate.h"

#include "roles.h"
#include "viewlistmodel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace Pult {

namespace {

bool isHeading(const QModelIndex &index)
{
    return index.data(ViewKindRole).toInt() == ViewListModel::SectionHeading;
}

QFont headingFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    font.setCapitalization(QFont::AllUppercase);
    font.setPointSizeF(base.pointSizeF() * 0.85);
    font.setLetterSpacing(QFont::PercentageSpacing, 105);
    return font;
}

constexpr int kHorizontalPadding = 8;

} // namespace

void ViewItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QRect rect = opt.rect.adjusted(kHorizontalPadding, 0, -kHorizontalPadding, 0);

    if (isHeading(index)) {
        painter->save();
        painter->setFont(headingFont(opt.font));
        painter->setPen(opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(rect.adjusted(0, 0, 0, -3), Qt::AlignLeft | Qt::AlignBottom, opt.text);
        painter->restore();
        return;
    }

    const QVariant count = index.data(ViewCountRole);
    const QString countText = count.isValid() ? QLocale().toString(count.toLongLong()) : QString();
    const int countWidth =
        countText.isEmpty() ? 0
                            : opt.fontMetrics.horizontalAdvance(countText) + 2 * kHorizontalPadding;

    // The background, selection and title as the style paints them, leaving room for the count.
    QStyleOptionViewItem titleOption = opt;
    titleOption.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &titleOption, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    painter->save();
    painter->setFont(opt.font);
    const QRect textRect = rect.adjusted(kHorizontalPadding, 0, -countWidth, 0);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, textRect.width()));
    if (!countText.isEmpty()) {
        painter->setPen(selected ? opt.palette.color(group, QPalette::HighlightedText)
                                 : opt.palette.color(group, QPalette::PlaceholderText));
        painter->drawText(rect, Qt::AlignRight | Qt::AlignVCenter, countText);
    }
    painter->restore();
}

QSize ViewItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int line = option.fontMetrics.height();
    if (isHeading(index))
        size.setHeight(line + (index.row() == 0 ? 8 : 18));
    else
        size.setHeight(std::max(size.height(), line + 10));
    return size;
}

} // namespace Pult
