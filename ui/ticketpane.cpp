#include "ticketpane.h"

#include "conversationrenderer.h"
#include "ticketdetails.h"

#include <QEvent>
#include <QLabel>
#include <QPointer>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
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

    // Images arriving one after another lay the document out once.
    m_images = new MessageImages(this);
    m_relayout = new QTimer(this);
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(30);
    connect(m_images, &MessageImages::loaded, m_relayout, qOverload<>(&QTimer::start));
    connect(m_relayout, &QTimer::timeout, this, [this] {
        if (m_document)
            m_document->markContentsDirty(0, m_document->characterCount());
    });

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
    // Opened anew, not refreshed by a sync: what is unfolded starts over, and images that
    // failed (offline, say) are fetched again.
    if (ticketId != m_ticketId) {
        m_options = {};
        m_images->retryFailed();
    }
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
    document->setResourceProvider(
        [images = QPointer<MessageImages>(m_images)](const QUrl &url) -> QVariant {
            return images ? images->resource(url) : QVariant();
        });
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
    } else {
        // quote/<id> and plain/<id> toggle, images/<id> is for good.
        const qsizetype slash = what.indexOf(u'/');
        const QUuid message = QUuid::fromString(QStringView(what).mid(slash + 1));
        if (slash < 0 || message.isNull())
            return;
        const QStringView kind = QStringView(what).left(slash);
        QSet<QUuid> *set = kind == u"quote"    ? &m_options.expandedQuotes
                           : kind == u"plain"  ? &m_options.plainTextMessages
                           : kind == u"images" ? &m_options.remoteImageMessages
                                               : nullptr;
        if (!set)
            return;
        if (set->contains(message) && kind != u"images")
            set->remove(message);
        else
            set->insert(message);
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
