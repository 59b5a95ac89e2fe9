#include "noticemenu.h"

#include "displaytext.h"
#include "localstore.h"
#include "storereader.h"

namespace Pult {

NoticeMenu::NoticeMenu(LocalStore &store, StoreReader &reader, QWidget *parent)
    : QMenu(tr("&Notices"), parent)
    , m_store(store)
    , m_reader(reader)
{
    setObjectName(QStringLiteral("notices"));
    show(Board());
}

void NoticeMenu::refresh()
{
    m_reader.read<Result<Board>>(
        [](LocalStore &store) -> Result<Board> {
            Board board;
            auto notices = store.notices(kShown);
            if (!notices.good())
                return notices.status();
            board.notices = std::move(*notices);
            for (const Notice &notice : std::as_const(board.notices)) {
                if (board.tickets.contains(notice.ticketId))
                    continue;
                auto ticket = store.ticket(notice.ticketId);
                if (ticket.good())
                    board.tickets.insert(notice.ticketId,
                                         DisplayText::ticketNumber(ticket->number) + u' ' +
                                             ticket->subject);
            }
            auto unread = store.unreadNoticeCount();
            if (!unread.good())
                return unread.status();
            board.unread = *unread;
            return board;
        },
        [this](const Result<Board> &board) {
            if (board.good()) // a failed read leaves the menu as it was; the next round retries
                show(*board);
        });
}

void NoticeMenu::show(const Board &board)
{
    clear();
    setTitle(board.unread > 0 ? tr("&Notices (%1)").arg(board.unread) : tr("&Notices"));
    if (board.notices.isEmpty()) {
        addAction(tr("No notices: automation rules that notify you put them here"))
            ->setEnabled(false);
        return;
    }
    for (const Notice &notice : board.notices) {
        const QString ticket = board.tickets.value(notice.ticketId, tr("a ticket"));
        QAction *action =
            addAction(tr("%1 · rule “%2” · %3")
                          .arg(ticket, notice.rule, DisplayText::dateTime(notice.created)));
        action->setObjectName(QStringLiteral("notice"));
        action->setData(notice.ticketId);
        if (!notice.read) {
            QFont bold = action->font();
            bold.setBold(true);
            action->setFont(bold);
        }
        connect(action, &QAction::triggered, this, [this, notice] {
            if (!notice.read)
                done(m_store.markNoticeRead(notice.id));
            Q_EMIT openTicket(notice.ticketId);
        });
    }
    addSeparator();
    QAction *all =
        addAction(tr("&Mark all as read"), this, [this] { done(m_store.markAllNoticesRead()); });
    all->setObjectName(QStringLiteral("markNoticesRead"));
    all->setEnabled(board.unread > 0);
}

void NoticeMenu::done(const Status &marked)
{
    if (marked.good())
        refresh();
    else
        Q_EMIT failed(marked.message());
}

} // namespace Pult
