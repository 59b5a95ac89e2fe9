#pragma once

// The reading pane: the selected ticket's header and conversation in a QTextBrowser, or a hint
// when no ticket is selected. The pane handles the document's "more:" links itself (earlier
// messages, the whole history, quoted text); the window handles "ticket:" and "attachment:".

#include "codehighlighter.h"
#include "conversationrenderer.h"
#include "messageimages.h"

#include <QUuid>
#include <QWidget>

#include <functional>

class QLabel;
class QStackedWidget;
class QTextBrowser;
class QTextDocument;
class QTimer;

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
    // could not be read. Showing the ticket already shown keeps what the reader unfolded.
    bool showTicket(const QUuid &ticketId);
    // Shows the hint instead of a ticket.
    void clear();
    QUuid currentTicket() const { return m_ticketId; }
    QTextBrowser *browser() const { return m_browser; }
    // The images of the mails shown; the window gives it the attachment loader.
    MessageImages *images() const { return m_images; }
    // What is unfolded in the ticket shown.
    const ConversationRenderer::Options &renderOptions() const { return m_options; }

public Q_SLOTS:
    // Unfolds what a "more:" link names (more:earlier, more:history, more:quote/<message id>,
    // more:plain/<message id>, more:images/<message id>) and renders the ticket again, keeping
    // the reading position. Other links are ignored.
    void openMoreLink(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showMessage(const QString &text);
    bool render(const QUuid &ticketId);

    LocalStore &m_store;
    Clock m_clock;
    CodeHighlighter m_highlighter;
    QUuid m_ticketId;
    ConversationRenderer::Options m_options;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_hint = nullptr;
    QTextBrowser *m_browser = nullptr;
    QTextDocument *m_document = nullptr; // owned by this pane; replaced for every ticket
    MessageImages *m_images = nullptr;
    QTimer *m_relayout = nullptr;
};

} // namespace Pult
