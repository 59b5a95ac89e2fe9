#pragma once

// The reading pane: the selected ticket's header and conversation in a QTextBrowser, or a hint
// when no ticket is selected.

#include "codehighlighter.h"

#include <QUuid>
#include <QWidget>

#include <functional>

class QLabel;
class QStackedWidget;
class QTextBrowser;
class QTextDocument;

namespace Pult {

class LocalStore;

class TicketPane : public QWidget
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // The store must outlive the pane.
    explicit TicketPane(LocalStore &store, QWidget *parent = nullptr);
    ~TicketPane() override;

    void setClock(Clock clock);
    // Reads the ticket from the store and shows it; false (and a message in the pane) when it
    // could not be read.
    bool showTicket(const QUuid &ticketId);
    // Shows the hint instead of a ticket.
    void clear();
    QUuid currentTicket() const { return m_ticketId; }
    QTextBrowser *browser() const { return m_browser; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showMessage(const QString &text);

    LocalStore &m_store;
    Clock m_clock;
    CodeHighlighter m_highlighter;
    QUuid m_ticketId;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_hint = nullptr;
    QTextBrowser *m_browser = nullptr;
    QTextDocument *m_document = nullptr; // owned by this pane; replaced for every ticket
};

} // namespace Pult
