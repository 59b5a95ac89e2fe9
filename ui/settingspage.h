#pragma once

// What the Settings dialogs share: a list above a form, the form's errors and the state of the
// last change under it, a row of buttons and Close; and selecting a list row by an item's id.

#include <QList>
#include <QUuid>

#include <algorithm>

class QDialog;
class QLabel;
class QLayout;
class QPushButton;
class QString;
class QTreeWidget;
class QWidget;

namespace Pult::SettingsPage {

// Red and word-wrapped, objectName "errors": what keeps Save from being pressed.
QLabel *errorLine(QWidget *parent);
// Word-wrapped, objectName "saveState": SettingVerdict and showState() write here.
QLabel *stateLine(QWidget *parent);
// A grey explanation under a field.
QLabel *helpLabel(const QString &text, QWidget *parent);

// Lays the dialog out: the list (taking the height left), the form, the lines, then `first` on
// the left and `rest` on the right of a row of buttons, and Close.
void layOut(QDialog *dialog, QWidget *list, QLayout *form, const QList<QWidget *> &lines,
            QPushButton *first, const QList<QPushButton *> &rest);

// Makes the row current without emitting the list's selection signals (the caller shows the
// item itself); -1 leaves no row current.
void setCurrentRowQuietly(QTreeWidget *list, int row);

// The index of the item with that id, -1 when there is none.
template<typename T> int indexOfId(const QList<T> &items, const QUuid &id)
{
    const auto it =
        std::find_if(items.cbegin(), items.cend(), [&](const T &item) { return item.id == id; });
    return it == items.cend() ? -1 : int(it - items.cbegin());
}

} // namespace Pult::SettingsPage
