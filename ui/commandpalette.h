#pragma once

// The command palette (Ctrl+K): one search field that finds any action of the window, any view
// of the sidebar and a ticket by its number, so the keyboard reaches everything without menus.
// It knows nothing of the main window: the window hands it its actions and its view model and
// listens to viewChosen() and ticketChosen(). Matching ignores case and accents ("resen" finds
// "Rešeno", "lodz" finds "Łódź") and prefers word starts to text in the middle of a word.

#include <QAbstractListModel>
#include <QFrame>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

class QAction;
class QLineEdit;
class QListView;

namespace Pult {

// The palette's list: every candidate (actions, views) filtered and ranked by the typed text,
// plus "Open ticket #N" when the text is a ticket number.
class CommandPaletteModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Kind { ActionEntry, ViewEntry, TicketEntry };
    Q_ENUM(Kind)

    enum Role {
        KindRole = Qt::UserRole + 200, // int (Kind)
        ShortcutRole,                  // QString: the action's shortcut, native text
        DetailRole,                    // QString: the menu an action is in, "View" for views
        ViewKeyRole,                   // QString: a view's key (ViewEntry)
        TicketNumberRole,              // qint64 (TicketEntry)
        RunnableRole,                  // bool: choosing the row does something now
    };

    explicit CommandPaletteModel(QObject *parent = nullptr);
    ~CommandPaletteModel() override;

    // The actions to offer. Separators, submenus, invisible actions and actions without text
    // are left out; disabled ones are listed greyed, after the others, and cannot run.
    void setActions(const QList<QAction *> &actions);
    // The views to offer: every selectable row of model with a non-empty keyRole (section
    // headings are not selectable). The model is read again by refresh().
    void setViews(QAbstractItemModel *model, int keyRole);
    // Reads the actions' texts and shortcuts and the views again and filters anew.
    void refresh();

    // Filters and ranks the candidates by what was typed (resets the model).
    void setQuery(const QString &text);
    QString query() const { return m_query; }

    // The action behind a row; nullptr for other rows and for deleted actions.
    QAction *action(const QModelIndex &index) const;
    // Whether choosing the row does something now (an enabled action, a view, a ticket).
    bool isRunnable(const QModelIndex &index) const;

    // The ticket number a text asks for: "#123", "123" or " # 123 "; 0 when it is none.
    static qint64 ticketNumber(const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Candidate
    {
        Kind kind = ActionEntry;
        QString text;
        QString shortcut;
        QString detail;
        QString toolTip;
        QString viewKey;
        QPointer<QAction> action;
        int order = 0;
        QStringList words;       // folded words of text
        QStringList detailWords; // folded words of detail
    };
    struct Row
    {
        Kind kind = ActionEntry;
        int candidate = -1; // index in m_candidates; -1 for the ticket row
        qint64 ticket = 0;
    };

    void collect();
    void filter();
    bool isEnabled(const Row &row) const;

    QList<QPointer<QAction>> m_actions;
    QPointer<QAbstractItemModel> m_views;
    int m_viewKeyRole = Qt::UserRole;
    QList<Candidate> m_candidates;
    QList<Row> m_rows;
    QString m_query;
};

// The palette itself: a popup with the search field above the list. Up and Down move, Enter
// or a click runs the row, Escape or a click elsewhere closes it.
class CommandPalette : public QFrame
{
    Q_OBJECT

public:
    explicit CommandPalette(QWidget *parent = nullptr);
    ~CommandPalette() override;

    // See CommandPaletteModel::setActions and setViews.
    void setActions(const QList<QAction *> &actions);
    void setViews(QAbstractItemModel *model, int keyRole);

    // Shows the palette, empty and focused, centred over the top of the parent's window (of the
    // screen without a parent), with the candidates read again.
    void popUp();

    CommandPaletteModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QListView *resultList() const { return m_list; }

Q_SIGNALS:
    // A view row was chosen: the key from the view model's keyRole.
    void viewChosen(const QString &key);
    // "Open ticket #N" was chosen.
    void ticketChosen(qint64 number);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Runs a row (closing the palette first); does nothing for rows that cannot run.
    void run(const QModelIndex &index);
    // Moves the current row by delta rows, skipping rows that cannot run.
    void moveCurrent(int delta);
    void selectFirstRunnable();
    void placeOverParent();

    CommandPaletteModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
};

} // namespace Pult
