#pragma once

// The waiting and refused changes: what the outbox still holds (oldest first) and what the
// server refused (with its reason). The agent can send a refused change again (Retry) or drop
// any of them (Discard: a waiting change is undone in the cache, a refused one forgotten).

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace Pult {

class LocalStore;

class ChangesDialog : public QDialog
{
    Q_OBJECT

public:
    // store: the window's connection, outliving the dialog; home: the profile directory.
    ChangesDialog(LocalStore &store, QString home, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // Act on the selected change (also the buttons).
    void retrySelected();
    void discardSelected();

Q_SIGNALS:
    // A change was retried or discarded: the cache and the outbox changed.
    void changed();

private:
    void reload();
    void updateButtons();

    LocalStore &m_store;
    QString m_home;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace Pult
