#include "ticketitemdelegate.h"

#include "roles.h"
#include "ticketlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace Pult {

namespace {

constexpr int kVerticalPadding = 4; // above and below the text line
constexpr int kGap = 6;             // between the parts of a cell
constexpr int kChipGap = 4;         // between two tags

QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
}

bool isSelected(const QStyleOptionViewItem &option)
{
    return option.state & QStyle::State_Selected;
}

// The colour of plain text in the cell: the model's foreground, or the highlighted text.
QColor textColor(const QStyleOptionViewItem &option)
{
    return option.palette.color(colorGroup(option),
                                isSelected(option) ? QPalette::HighlightedText : QPalette::Text);
}

QColor dimColor(const QStyleOptionViewItem &option)
{
    if (isSelected(option)) {
        QColor c = option.palette.color(colorGroup(option), QPalette::HighlightedText);
        c.setAlphaF(0.7f);
        return c;
    }
    return option.palette.color(colorGroup(option), QPalette::PlaceholderText);
}

// The background, selection and focus as the style paints them, without text or icon.
void drawBackground(QPainter *painter, const QStyleOptionViewItem &option)
{
    QStyleOptionViewItem background = option;
    background.text.clear();
    background.icon = {};
    background.features &=
        ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
    styleOf(option)->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
}

// Where the content goes: the cell less the style's text margins.
QRect contentRect(const QStyleOptionViewItem &option)
{
    const int margin =
        styleOf(option)->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 1;
    return option.rect.adjusted(margin, 0, -margin, 0);
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * 0.85);
    else
        font.setPixelSize(std::max(8, int(base.pixelSize() * 0.85)));
    return font;
}

// A rounded label: text in a pill of the given colours, left in the rect, centred vertically.
// Returns its width.
int drawPill(QPainter *painter, const QRect &rect, const QString &text, const QFont &font,
             const QColor &background, const QColor &foreground)
{
    const QFontMetrics fm(font);
    const int padding = std::max(4, fm.height() / 3);
    const int height = std::min(rect.height(), fm.height() + 2);
    // Rounded up: elidedText() compares the unrounded advance with the room it gets.
    const auto advance = [&fm](const QString &s) {
        return int(std::ceil(QFontMetricsF(fm).horizontalAdvance(s)));
    };
    const QString shown = advance(text) + 2 * padding <= rect.width()
                              ? text
                              : fm.elidedText(text, Qt::ElideRight, rect.width() - 2 * padding);
    if (shown.isEmpty())
        return 0;
    const int width = std::min(rect.width(), advance(shown) + 2 * padding);
    const QRectF pill(rect.left(), rect.top() + (rect.height() - height) / 2.0, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(background);
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(foreground);
    painter->drawText(pill, Qt::AlignCenter, shown);
    painter->restore();
    return width;
}

int pillWidth(const QString &text, const QFont &font)
{
    const QFontMetrics fm(font);
    return int(std::ceil(QFontMetricsF(font).horizontalAdvance(text))) +
           2 * std::max(4, fm.height() / 3);
}

// The channel's glyph in a square: envelope, globe, phone, speech bubble, code brackets.
void drawChannelGlyph(QPainter *painter, const QRectF &box, Channel channel, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal s = box.width();
    QPen pen(color, std::max<qreal>(1.0, s / 12.0));
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QPointF c = box.center();
    switch (channel) {
    case Channel::Email: {
        const QRectF r(box.left() + s * 0.08, box.top() + s * 0.2, s * 0.84, s * 0.6);
        painter->drawRoundedRect(r, s * 0.06, s * 0.06);
        QPainterPath flap;
        flap.moveTo(r.topLeft() + QPointF(s * 0.04, s * 0.04));
        flap.lineTo(r.center().x(), r.top() + r.height() * 0.55);
        flap.lineTo(r.topRight() + QPointF(-s * 0.04, s * 0.04));
        painter->drawPath(flap);
        break;
    }
    case Channel::WebForm: {
        const qreal radius = s * 0.42;
        painter->drawEllipse(c, radius, radius);
        painter->drawEllipse(c, radius * 0.42, radius);
        painter->drawLine(QPointF(c.x() - radius, c.y()), QPointF(c.x() + radius, c.y()));
        break;
    }
    case Channel::Phone: {
        const QRectF r(c.x() - s * 0.26, box.top() + s * 0.08, s * 0.52, s * 0.84);
        painter->drawRoundedRect(r, s * 0.1, s * 0.1);
        painter->drawLine(QPointF(c.x() - s * 0.07, r.bottom() - s * 0.14),
                          QPointF(c.x() + s * 0.07, r.bottom() - s * 0.14));
        break;
    }
    case Channel::Chat: {
        const QRectF r(box.left() + s * 0.08, box.top() + s * 0.14, s * 0.84, s * 0.56);
        QPainterPath bubble;
        bubble.addRoundedRect(r, s * 0.16, s * 0.16);
        QPainterPath tail;
        tail.moveTo(r.left() + s * 0.2, r.bottom() - s * 0.05);
        tail.lineTo(r.left() + s * 0.16, box.top() + s * 0.9);
        tail.lineTo(r.left() + s * 0.42, r.bottom() - s * 0.05);
        tail.closeSubpath();
        painter->drawPath(bubble.united(tail));
        break;
    }
    case Channel::Api: {
        QPainterPath brackets;
        brackets.moveTo(box.left() + s * 0.3, box.top() + s * 0.25);
        brackets.lineTo(box.left() + s * 0.08, c.y());
        brackets.lineTo(box.left() + s * 0.3, box.top() + s * 0.75);
        brackets.moveTo(box.left() + s * 0.7, box.top() + s * 0.25);
        brackets.lineTo(box.left() + s * 0.92, c.y());
        brackets.lineTo(box.left() + s * 0.7, box.top() + s * 0.75);
        brackets.moveTo(box.left() + s * 0.56, box.top() + s * 0.18);
        brackets.lineTo(box.left() + s * 0.44, box.top() + s * 0.82);
        painter->drawPath(brackets);
        break;
    }
    }
    painter->restore();
}

// A stopwatch in a square, for the SLA countdown.
void drawStopwatch(QPainter *painter, const QRectF &box, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal s = box.width();
    QPen pen(color, std::max<qreal>(1.0, s / 11.0));
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QPointF c(box.center().x(), box.top() + s * 0.58);
    const qreal radius = s * 0.36;
    painter->drawEllipse(c, radius, radius);
    painter->drawLine(QPointF(c.x(), c.y() - radius), QPointF(c.x(), box.top() + s * 0.1));
    painter->drawLine(QPointF(c.x() - s * 0.1, box.top() + s * 0.1),
                      QPointF(c.x() + s * 0.1, box.top() + s * 0.1));
    painter->drawLine(c, QPointF(c.x() + radius * 0.5, c.y() - radius * 0.5));
    painter->restore();
}

QColor mixed(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amountOfB),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amountOfB),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amountOfB));
}

} // namespace

TicketItemDelegate::TicketItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

bool TicketItemDelegate::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

TicketItemDelegate::BadgeColors TicketItemDelegate::statusColors(TicketStatus status, bool dark)
{
    switch (status) {
    case TicketStatus::New:
        return dark ? BadgeColors{QColor(0x5c, 0x43, 0x00), QColor(0xff, 0xd7, 0x7a)}
                    : BadgeColors{QColor(0xfd, 0xe8, 0xb0), QColor(0x7a, 0x53, 0x00)};
    case TicketStatus::Open:
        return dark ? BadgeColors{QColor(0x6a, 0x1f, 0x17), QColor(0xff, 0xb4, 0xa8)}
                    : BadgeColors{QColor(0xfb, 0xd5, 0xd0), QColor(0xa1, 0x26, 0x0d)};
    case TicketStatus::Pending:
        return dark ? BadgeColors{QColor(0x17, 0x3c, 0x66), QColor(0xa8, 0xcf, 0xfb)}
                    : BadgeColors{QColor(0xd3, 0xe6, 0xfb), QColor(0x1f, 0x5f, 0xa8)};
    case TicketStatus::OnHold:
        return dark ? BadgeColors{QColor(0x4a, 0x36, 0x5e), QColor(0xd8, 0xc4, 0xf0)}
                    : BadgeColors{QColor(0xe7, 0xdc, 0xf5), QColor(0x5b, 0x3a, 0x86)};
    case TicketStatus::Solved:
        return dark ? BadgeColors{QColor(0x16, 0x45, 0x2a), QColor(0x9e, 0xe3, 0xb1)}
                    : BadgeColors{QColor(0xd6, 0xf0, 0xdc), QColor(0x1e, 0x6b, 0x34)};
    case TicketStatus::Closed:
        return dark ? BadgeColors{QColor(0x3a, 0x3a, 0x3a), QColor(0xb0, 0xb0, 0xb0)}
                    : BadgeColors{QColor(0xe8, 0xe8, 0xe8), QColor(0x60, 0x60, 0x60)};
    }
    return {};
}

TicketItemDelegate::BadgeColors TicketItemDelegate::priorityColors(Priority priority, bool dark)
{
    switch (priority) {
    case Priority::Low:
        return dark ? BadgeColors{QColor(0x2c, 0x36, 0x3b), QColor(0xb5, 0xc4, 0xcc)}
                    : BadgeColors{QColor(0xe4, 0xec, 0xf0), QColor(0x4a, 0x5a, 0x63)};
    case Priority::Normal:
        return dark ? BadgeColors{QColor(0x34, 0x3a, 0x40), QColor(0xd0, 0xd7, 0xde)}
                    : BadgeColors{QColor(0xdd, 0xe3, 0xea), QColor(0x2f, 0x38, 0x41)};
    case Priority::High:
        return dark ? BadgeColors{QColor(0x5a, 0x33, 0x00), QColor(0xff, 0xc2, 0x85)}
                    : BadgeColors{QColor(0xff, 0xe0, 0xbd), QColor(0x8a, 0x45, 0x00)};
    case Priority::Urgent:
        // The model's red for urgent tickets, filled.
        return dark ? BadgeColors{QColor(0xff, 0x7b, 0x72), QColor(0x3b, 0x0a, 0x08)}
                    : BadgeColors{QColor(0xc0, 0x1c, 0x28), QColor(0xff, 0xff, 0xff)};
    }
    return {};
}

TicketItemDelegate::SlaText TicketItemDelegate::slaText(qint64 secondsLeft)
{
    // Whole minutes, hours or days; never "0 min".
    const auto amount = [](qint64 seconds, bool roundUp) {
        if (seconds < 3600) {
            const qint64 minutes = roundUp ? (seconds + 59) / 60 : seconds / 60;
            return tr("%n min", "SLA time left", int(std::max<qint64>(1, minutes)));
        }
        if (seconds < 48 * 3600)
            return tr("%n h", "SLA time left", int(seconds / 3600));
        return tr("%n d", "SLA time left", int(seconds / (24 * 3600)));
    };
    if (secondsLeft < 0)
        return {tr("overdue %1", "SLA deadline passed by a time").arg(amount(-secondsLeft, false)),
                SlaUrgency::Overdue};
    return {amount(secondsLeft, true), secondsLeft <= 3600 ? SlaUrgency::Soon : SlaUrgency::Normal};
}

QColor TicketItemDelegate::slaColor(SlaUrgency urgency, bool dark)
{
    switch (urgency) {
    case SlaUrgency::Normal:
        return {};
    case SlaUrgency::Soon:
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    case SlaUrgency::Overdue:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    }
    return {};
}

QString TicketItemDelegate::initials(const QString &name)
{
    // The first letter (or digit) of a word, a surrogate pair kept whole.
    const auto firstLetter = [](const QString &word) -> QString {
        for (qsizetype i = 0; i < word.size(); ++i) {
            const QChar c = word.at(i);
            if (c.isHighSurrogate() && i + 1 < word.size()) {
                const char32_t ucs4 = QChar::surrogateToUcs4(c, word.at(i + 1));
                if (QChar::isLetterOrNumber(ucs4))
                    return word.mid(i, 2);
                ++i;
            } else if (c.isLetterOrNumber()) {
                return QString(c);
            }
        }
        return {};
    };
    QStringList words;
    for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
        if (!firstLetter(word).isEmpty())
            words.append(word);
    }
    if (words.isEmpty())
        return {};
    QString result = firstLetter(words.first());
    if (words.size() > 1)
        result += firstLetter(words.last());
    return result.toUpper();
}

QColor TicketItemDelegate::avatarColor(const QString &name, bool dark)
{
    // FNV-1a over the UTF-16 text: qHash is seeded per process, this is not.
    quint32 hash = 2166136261u;
    for (const QChar c : name) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    const float hue = float(hash % 360) / 360.0f;
    return dark ? QColor::fromHslF(hue, 0.45f, 0.62f) : QColor::fromHslF(hue, 0.55f, 0.40f);
}

void TicketItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const QVariant statusValue = index.data(TicketStatusRole);
    if (!statusValue.isValid()) { // not a ticket row
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool dark = isDark(opt.palette);

    switch (index.column()) {
    case TicketListModel::SubjectColumn: {
        drawBackground(painter, opt);
        QRect rect = contentRect(opt);
        const QFontMetrics fm(opt.font);
        const int line = fm.height();
        const int glyph = std::min(rect.height(), line);
        const QRectF glyphBox(rect.left(), rect.top() + (rect.height() - glyph) / 2.0, glyph,
                              glyph);
        drawChannelGlyph(painter, glyphBox, Channel(index.data(TicketChannelRole).toInt()),
                         dimColor(opt));
        rect.setLeft(rect.left() + glyph + kGap);

        const QString subject = index.data(TicketSubjectRole).toString();
        const QStringList tags = index.data(TicketTagsRole).toStringList();
        QString snippet = index.data(TicketSnippetRole).toString();
        if (snippet == subject.simplified())
            snippet.clear();
        const QFont chipFont = smallFont(opt.font);
        int chipsWidth = 0;
        for (const QString &tag : tags)
            chipsWidth += pillWidth(tag, chipFont) + kChipGap;
        // The subject comes first, but leaves the tags some room, and half the cell to the
        // search snippet.
        int subjectRoom = rect.width() - std::min(chipsWidth + kGap, int(rect.width() * 0.4));
        if (!snippet.isEmpty())
            subjectRoom = std::min(subjectRoom, rect.width() / 2);
        const QString shownSubject = fm.elidedText(subject, Qt::ElideRight, subjectRoom);
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(textColor(opt));
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          shownSubject);
        painter->restore();
        rect.setLeft(rect.left() + fm.horizontalAdvance(shownSubject) + kGap);

        QColor chipBackground;
        QColor chipText;
        if (isSelected(opt)) {
            chipText = textColor(opt);
            chipBackground = chipText;
            chipBackground.setAlphaF(0.22f);
        } else {
            const QColor base = opt.palette.color(colorGroup(opt), QPalette::Base);
            chipText = opt.palette.color(colorGroup(opt), QPalette::Text);
            chipBackground = mixed(base, chipText, dark ? 0.2 : 0.1);
        }
        for (const QString &tag : tags) {
            if (pillWidth(tag, chipFont) > rect.width())
                break;
            const int width = drawPill(painter, rect, tag, chipFont, chipBackground, chipText);
            rect.setLeft(rect.left() + width + kChipGap);
        }
        if (!snippet.isEmpty() && rect.width() > fm.averageCharWidth() * 4) {
            painter->save();
            painter->setFont(opt.font);
            painter->setPen(dimColor(opt));
            painter->drawText(rect.adjusted(kGap - kChipGap, 0, 0, 0),
                              Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                              fm.elidedText(snippet, Qt::ElideRight, rect.width()));
            painter->restore();
        }
        return;
    }
    case TicketListModel::StatusColumn:
    case TicketListModel::PriorityColumn: {
        drawBackground(painter, opt);
        const BadgeColors colors =
            index.column() == TicketListModel::StatusColumn
                ? statusColors(TicketStatus(statusValue.toInt()), dark)
                : priorityColors(Priority(index.data(TicketPriorityRole).toInt()), dark);
        drawPill(painter, contentRect(opt), index.data(Qt::DisplayRole).toString(),
                 smallFont(opt.font), colors.background, colors.text);
        return;
    }
    case TicketListModel::AssigneeColumn: {
        const QString name = index.data(TicketAssigneeNameRole).toString();
        if (name.isEmpty()) // "Unassigned", dimmed by the model
            break;
        drawBackground(painter, opt);
        QRect rect = contentRect(opt);
        const QFontMetrics fm(opt.font);
        const int diameter = std::min(rect.height(), fm.height());
        const QRectF circle(rect.left(), rect.top() + (rect.height() - diameter) / 2.0, diameter,
                            diameter);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(avatarColor(name, dark));
        painter->drawEllipse(circle);
        QFont initialsFont = opt.font;
        initialsFont.setBold(true);
        initialsFont.setItalic(false);
        initialsFont.setPixelSize(std::max(6, int(diameter * 0.42)));
        painter->setFont(initialsFont);
        painter->setPen(dark ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white));
        painter->drawText(circle, Qt::AlignCenter, initials(name));
        painter->restore();
        rect.setLeft(rect.left() + diameter + kGap);
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(textColor(opt));
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          fm.elidedText(name, Qt::ElideRight, rect.width()));
        painter->restore();
        return;
    }
    case TicketListModel::UpdatedColumn: {
        const QVariant secondsLeft = index.data(TicketSlaSecondsLeftRole);
        if (!secondsLeft.isValid())
            break;
        drawBackground(painter, opt);
        QRect rect = contentRect(opt);
        const QFontMetrics fm(opt.font);
        const SlaText sla = slaText(secondsLeft.toLongLong());
        QFont slaFont = opt.font;
        if (sla.urgency != SlaUrgency::Normal)
            slaFont.setBold(true);
        const QFontMetrics slaMetrics(slaFont);
        const int glyph = std::min(rect.height(), int(fm.height() * 0.85));
        // Rounded up: elidedText() compares the unrounded advance with the room it gets.
        const int slaWidth = std::min(
            rect.width(),
            glyph + 2 + int(std::ceil(QFontMetricsF(slaFont).horizontalAdvance(sla.text))));
        const QColor slaPen = isSelected(opt) || sla.urgency == SlaUrgency::Normal
                                  ? textColor(opt)
                                  : slaColor(sla.urgency, dark);
        const QRect slaRect(rect.right() - slaWidth + 1, rect.top(), slaWidth, rect.height());
        drawStopwatch(
            painter,
            QRectF(slaRect.left(), rect.top() + (rect.height() - glyph) / 2.0, glyph, glyph),
            slaPen);
        painter->save();
        painter->setFont(slaFont);
        painter->setPen(slaPen);
        painter->drawText(
            slaRect.adjusted(glyph + 2, 0, 0, 0),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            slaMetrics.elidedText(sla.text, Qt::ElideRight, slaRect.width() - glyph - 2));
        // The relative time in what is left.
        const QRect timeRect = rect.adjusted(0, 0, -(slaWidth + kGap), 0);
        if (timeRect.width() > 0) {
            painter->setFont(opt.font);
            painter->setPen(textColor(opt));
            painter->drawText(timeRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                              fm.elidedText(opt.text, Qt::ElideRight, timeRect.width()));
        }
        painter->restore();
        return;
    }
    default:
        break;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

QSize TicketItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // One line of the view's font: the same for every row, bold or not, whatever the column.
    const int line = option.fontMetrics.height();
    size.setHeight(line + 2 * kVerticalPadding);
    if (!index.data(TicketStatusRole).isValid())
        return size;
    const QFont chipFont = smallFont(option.font);
    switch (index.column()) {
    case TicketListModel::SubjectColumn: {
        int extra = line + kGap;
        for (const QString &tag : index.data(TicketTagsRole).toStringList())
            extra += pillWidth(tag, chipFont) + kChipGap;
        size.rwidth() += extra;
        break;
    }
    case TicketListModel::StatusColumn:
    case TicketListModel::PriorityColumn:
        size.rwidth() += 2 * std::max(4, QFontMetrics(chipFont).height() / 3);
        break;
    case TicketListModel::AssigneeColumn:
        if (!index.data(TicketAssigneeNameRole).toString().isEmpty())
            size.rwidth() += line + kGap;
        break;
    case TicketListModel::UpdatedColumn: {
        const QVariant secondsLeft = index.data(TicketSlaSecondsLeftRole);
        if (secondsLeft.isValid()) {
            QFont bold = option.font;
            bold.setBold(true);
            size.rwidth() +=
                kGap + line + 2 +
                QFontMetrics(bold).horizontalAdvance(slaText(secondsLeft.toLongLong()).text);
        }
        break;
    }
    default:
        break;
    }
    return size;
}

} // namespace Pult
