#include "ticketpane.h"

#include "conversationrenderer.h"
#include "ticketdetails.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>
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
    connect(m_browser, &QTextBrowser::anchorClicked, this, &TicketPane::openMoreLink);

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
    m_options = {};
    showMessage(tr("Select a ticket to read it.\nj and k move through the list."));
}

void TicketPane::showMessage(const QString &text)
{
    m_hint->setText(text);
    m_stack->setCurrentWidget(m_hint);
}

bool TicketPane::showTicket(const QUuid &ticketId)
{
    if (ticketId != m_ticketId)
        m_options = {};
    return render(ticketId);
}

bool TicketPane::render(const QUuid &ticketId)
{
    auto details = loadTicketDetails(m_store, ticketId);
    if (!details.good()) {
        m_ticketId = QUuid();
        m_options = {};
        showMessage(tr("This ticket could not be read from the local store:\n%1")
                        .arg(details.status().message()));
        return false;
    }
    // A fresh document per ticket: built and highlighted before it is shown, and free of the
    // previous ticket's formats and highlighter state.
    auto *document = new QTextDocument(this);
    document->setDefaultFont(m_browser->font());
    // The pane's own palette: on a palette change it is up to date before its children's.
    ConversationRenderer(palette(), m_clock()).render(*details, document, m_options);
    m_highlighter.highlight(document, palette());
    m_browser->setDocument(document);
    // Later: a link of the old document may be what is being clicked (anchorClicked).
    if (m_document)
        m_document->deleteLater();
    m_document = document;
    m_ticketId = ticketId;
    m_stack->setCurrentWidget(m_browser);
    return true;
}

void TicketPane::openMoreLink(const QUrl &url)
{
    if (url.scheme() != ConversationRenderer::moreScheme() || m_ticketId.isNull())
        return;
    const QString what = url.path();
    const int scrolled = m_browser->verticalScrollBar()->value();
    if (what == u"earlier") {
        // The earlier messages appear where the link was, near the top: read on from there.
        m_options.latestMessages = 0;
    } else if (what == u"history") {
        m_options.allHistory = true;
    } else if (what.startsWith(u"quote/")) {
        const QUuid message = QUuid::fromString(QStringView(what).mid(6));
        if (message.isNull())
            return;
        if (m_options.expandedQuotes.contains(message))
            m_options.expandedQuotes.remove(message);
        else
            m_options.expandedQuotes.insert(message);
    } else {
        return;
    }
    if (render(m_ticketId))
        m_browser->verticalScrollBar()->setValue(scrolled);
}

void TicketPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The card colours and the highlighting theme follow the palette (a dark desktop theme).
    if (event->type() == QEvent::PaletteChange && !m_ticketId.isNull())
        showTicket(m_ticketId);
}

} // namespace Pult
