#pragma once

// What the Settings dialogs share: a list above a form, the form's errors and the state of the
// last change under it, a row of buttons and Close; and selecting a list row by an item's id.

#include "filterquery.h"

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

namespace Pult {
class LocalStore;
}

namespace Pult::SettingsPage {

// The filter compiler's check for a page's filter field (FilterBar::setCompileCheck) and its
// own error list: the names filters resolve (departments, agents) are read from the store once,
// when the page opens; the time is taken at each check. Nothing is read per keystroke.
class FilterCheck
{
public:
    explicit FilterCheck(LocalStore &store);
    // The filter's first error; none when it compiles (or the names could not be read: the
    // server checks it again).
    std::optional<FilterError> operator()(const QString &text) const;

private:
    std::optional<FilterContext> m_context;
};

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
