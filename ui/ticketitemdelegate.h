#pragma once

// Paints the inbox's cells (TicketListModel's columns in a QTreeView) more richly than plain
// text: the subject with its channel's glyph, its tags as chips and the search snippet dimmed;
// status and priority as coloured badges; the assignee with an initials avatar; the update time
// with the SLA countdown. Everything is drawn as vectors sized from the font, so it stays sharp
// at any device pixel ratio; every row is one text line high (the view has uniform row heights).
// The other columns, and rows from other models, are painted as QStyledItemDelegate paints them.

#include "domain.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace Pult {

class TicketItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit TicketItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // A badge's fill and its text.
    struct BadgeColors
    {
        QColor background;
        QColor text;
    };

    enum class SlaUrgency {
        Normal,  // more than an hour left
        Soon,    // within the last hour
        Overdue, // the deadline has passed
    };
    struct SlaText
    {
        QString text; // "45 min", "overdue 2 h"; the delegate draws a stopwatch before it
        SlaUrgency urgency = SlaUrgency::Normal;
    };

    // True when the palette's window is dark, so the dark variants of the colours apply.
    static bool isDark(const QPalette &palette);
    static BadgeColors statusColors(TicketStatus status, bool dark);
    static BadgeColors priorityColors(Priority priority, bool dark);
    // The countdown for TicketSlaSecondsLeftRole's value (negative when overdue).
    static SlaText slaText(qint64 secondsLeft);
    // The colour of the SLA countdown's text on an unselected row; invalid for Normal (the
    // row's text colour).
    static QColor slaColor(SlaUrgency urgency, bool dark);
    // "AK" for "Ana Kovač": the first letters of the first and the last word, upper case; one
    // letter for a one-word name, nothing for an empty one.
    static QString initials(const QString &name);
    // The avatar's fill: the same name gives the same colour in every run and on every machine.
    static QColor avatarColor(const QString &name, bool dark);
};

} // namespace Pult
