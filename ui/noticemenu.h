#pragma once

// The window's "Notices" menu: what automation rules told this agent (`notify:` actions), the
// newest first, unread ones in bold, with the number unread in the menu's title. Choosing a
// notice opens its ticket and marks it read. The list is read on a StoreReader, never on the UI
// thread; marking read is one small local write.

#include "domain.h"
#include "status.h"

#include <QHash>
#include <QMenu>

namespace Pult {

class LocalStore;
class StoreReader;

class NoticeMenu : public QMenu
{
    Q_OBJECT

public:
    static constexpr int kShown = 20;

    NoticeMenu(LocalStore &store, StoreReader &reader, QWidget *parent = nullptr);

    // Reads the notices again (after a sync round); the menu shows them when the answer comes.
    void refresh();

Q_SIGNALS:
    void openTicket(const QUuid &ticketId);
    void failed(const QString &message); // the store refused to mark a notice read

private:
    struct Board
    {
        QList<Notice> notices;
        QHash<QUuid, QString> tickets; // "#1042 Printer prints blank pages"
        qint64 unread = 0;
    };
    void show(const Board &board);
    void done(const Status &marked);

    LocalStore &m_store;
    StoreReader &m_reader;
};

} // namespace Pult
