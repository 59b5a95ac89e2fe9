#include "ticketpane.h"

#include "conversationrenderer.h"
#include "ticketdetails.h"

#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Pult {

TicketPane::TicketPane(LocalStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("ticketHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("ticketView"));
    m_browser->setAccessibleName(tr("Ticket conversation"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_browser);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

TicketPane::~TicketPane() = default;

void TicketPane::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void TicketPane::clear()
{
    m_ticketId = QUuid();
    showMessage(tr("Select a ticket to read it.\nj and k move through the list."));
}

void TicketPane::showMessage(const QString &text)
{
    m_hint->setText(text);
    m_stack->setCurrentWidget(m_hint);
}

bool TicketPane::showTicket(const QUuid &ticketId)
{
    auto details = loadTicketDetails(m_store, ticketId);
    if (!details.good()) {
        m_ticketId = QUuid();
        showMessage(tr("This ticket could not be read from the local store:\n%1")
                        .arg(details.status().message()));
        return false;
    }
    // A fresh document per ticket: built and highlighted before it is shown, and free of the
    // previous ticket's formats and highlighter state.
    auto *document = new QTextDocument(this);
    document->setDefaultFont(m_browser->font());
    // The pane's own palette: on a palette change it is up to date before its children's.
    ConversationRenderer(palette(), m_clock()).render(*details, document);
    m_highlighter.highlight(document, palette());
    m_browser->setDocument(document);
    delete m_document;
    m_document = document;
    m_ticketId = ticketId;
    m_stack->setCurrentWidget(m_browser);
    return true;
}

void TicketPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The card colours and the highlighting theme follow the palette (a dark desktop theme).
    if (event->type() == QEvent::PaletteChange && !m_ticketId.isNull())
        showTicket(m_ticketId);
}

} // namespace Pult
