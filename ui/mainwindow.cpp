#include "mainwindow.h"

#include "agentsettings.h"
#include "cannedsettings.h"
#include "changesdialog.h"
#include "commandpalette.h"
#include "composer.h"
#include "dashboard.h"
#include "departmentsettings.h"
#include "displaytext.h"
#include "filterbar.h"
#include "filterquery.h"
#include "labels.h"
#include "localization.h"
#include "localops.h"
#include "localstore.h"
#include "noticemenu.h"
#include "notifier.h"
#include "oversees.h"
#include "paths.h"
#include "roles.h"
#include "rulesettings.h"
#include "settingverdict.h"
#include "signindialog.h"
#include "syncengine.h"
#include "syncsession.h"
#include "ticketactions.h"
#include "ticketitemdelegate.h"
#include "ticketlistmodel.h"
#include "ticketpane.h"
#include "uuid.h"
#include "viewitemdelegate.h"
#include "viewlistmodel.h"
#include "viewsettings.h"
#include "wire.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCursor>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOption>
#include <QSystemTrayIcon>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Pult {

namespace {

// Opens a window of the Settings menu (made by `make` the first time, deleted when closed), or
// brings it to the front.
template<typename Dialog, typename Make> Dialog *openOrRaise(QPointer<Dialog> &dialog, Make make)
{
    if (!dialog) {
        dialog = make();
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

// The links of a mail that the desktop may open: web pages and new mails, nothing local.
bool isWebOrMailLink(const QUrl &url)
{
    return url.scheme() == u"https" || url.scheme() == u"http" || url.scheme() == u"mailto";
}

// j asks for the next page this many rows before the last loaded one.
constexpr int kPrefetchRows = 20;
constexpr int kSearchDebounceMs = 150;
constexpr int kMinuteMs = 60 * 1000;

// A path as a POSIX shell reads it back: quoted when it holds anything but plain characters.
QString shellQuoted(const QString &path)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(path).hasMatch())
        return path;
    QString quoted = path;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

// The width at which a line edit shows text whole, not elided: QLineEdit::sizeHint() adds its
// frame and margins to the width of its text. The text's advance is fractional: a fraction of
// a pixel short and the line edit elides its end.
int lineEditWidthFor(const QLineEdit *edit, const QString &text)
{
    QStyleOptionFrame frame;
    frame.initFrom(edit);
    frame.lineWidth = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &frame, edit);
    const QFontMetricsF metrics(edit->font());
    const QMargins margins = edit->textMargins();
    constexpr int kLineEditMargins = 2 * 2; // QLineEditPrivate::horizontalMargin on each side
    const QSize contents(int(std::ceil(metrics.horizontalAdvance(text))) + kLineEditMargins +
                             margins.left() + margins.right(),
                         int(std::ceil(metrics.height())));
    return edit->style()->sizeFromContents(QStyle::CT_LineEdit, &frame, contents, edit).width();
}

namespace Key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString mainSplitter = QStringLiteral("window/mainSplitter");
const QString contentSplitter = QStringLiteral("window/contentSplitter");
const QString header = QStringLiteral("inbox/header");
const QString view = QStringLiteral("inbox/view");
const QString doNotDisturb = QStringLiteral("notifications/doNotDisturb");
const QString signature = QStringLiteral("composer/signature");
const QString lastServer = QStringLiteral("signIn/server");
const QString lastEmail = QStringLiteral("signIn/email");
} // namespace Key

} // namespace

MainWindow::MainWindow(LocalStore &store, const QString &home, std::unique_ptr<QSettings> settings,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_home(home)
    , m_settings(std::move(settings))
    , m_background(this, home)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_views = new ViewListModel(m_store, this);
    m_tickets = new TicketListModel(m_store, this);
    m_actions = new TicketActions(m_store, m_home, this);
    m_notifier = std::make_unique<Notifier>();
    m_notifierReader = std::make_unique<StoreReader>(m_store.path(), QStringLiteral("notifier"));
    connect(m_actions, &TicketActions::submitted, this, &MainWindow::afterLocalChange);
    connect(m_actions, &TicketActions::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The change was not made: %1").arg(message), 15000);
    });

    m_pages = new QStackedWidget(this);
    buildInbox();
    m_emptyPage = buildEmptyState();
    m_pages->addWidget(m_emptyPage);
    setCentralWidget(m_pages);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("ticketCount"));
    m_countLabel->setAccessibleName(tr("Number of tickets"));
    m_homeLabel = new QLabel(tr("Data: %1").arg(QDir::toNativeSeparators(m_home)), this);
    m_homeLabel->setObjectName(QStringLiteral("dataDirectory"));
    m_homeLabel->setAccessibleName(tr("Data directory"));
    m_homeLabel->setToolTip(QDir::toNativeSeparators(storePath(m_home)));
    m_homeLabel->setForegroundRole(QPalette::PlaceholderText);
    m_homeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_homeLabel);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::applySearch);

    // Relative times age and other processes (pultctl, later the sync thread) change counts.
    m_minuteTimer = new QTimer(this);
    m_minuteTimer->setInterval(kMinuteMs);
    connect(m_minuteTimer, &QTimer::timeout, this, [this] {
        m_tickets->refreshRelativeTimes();
        m_views->refreshCounts();
        updateTitleAndStatus();
        notify(); // reminders and SLA deadlines come due with time
    });
    m_minuteTimer->start();

    connect(m_views, &ViewListModel::loadFailed, this, &MainWindow::showLoadError);
    connect(m_views, &ViewListModel::countsArrived, this, &MainWindow::updatePage);
    connect(m_tickets, &TicketListModel::loadFailed, this, &MainWindow::showLoadError);

    setUpShortcuts();
    setUpActions();
    m_views->reload();
    if (auto vocabulary = m_store.filterVocabulary(); vocabulary.good())
        m_filterBar->setVocabulary(*vocabulary);
    updatePendingMarks();
    restoreSettings();
    updatePage();
    // The notifier learns what is there now (reminders already due are shown) once the first
    // page is on screen: start-up paints first.
    QTimer::singleShot(1000, this, &MainWindow::notify);
}

MainWindow::~MainWindow()
{
    // Background work reports to this window; it ends within the network timeout. The
    // engine's thread stops (its member goes) before the widgets do.
    m_background.waitForAll();
    // Closing the window in ~QWidget hides the list, whose scroll bar then reports a new range:
    // this window's members are gone by then.
    m_list->verticalScrollBar()->disconnect(this);
}

void MainWindow::buildInbox()
{
    auto *inbox = new QWidget(m_pages);
    inbox->setObjectName(QStringLiteral("inboxPage"));

    m_sidebar = new QListView(inbox);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Views"));
    m_sidebar->setModel(m_views);
    m_sidebar->setItemDelegate(new ViewItemDelegate(m_sidebar));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setMinimumWidth(160);
    // The sidebar sits on the window colour, the list on the base colour (a role, not a copied
    // colour, so both follow a change of the desktop's theme).
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showView(current); });

    m_viewTitle = new QLabel(inbox);
    m_viewTitle->setObjectName(QStringLiteral("viewTitle"));
    QFont titleFont = m_viewTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_viewTitle->setFont(titleFont);

    m_searchField = new QLineEdit(inbox);
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setAccessibleName(tr("Search tickets"));
    m_searchField->setPlaceholderText(tr("Search subjects, messages, contacts (Ctrl+F)"));
    m_searchField->setClearButtonEnabled(true);
    // Wide enough to show the whole hint in the window's language (Polish needs more than 320).
    m_searchField->setMinimumWidth(
        std::max(320, lineEditWidthFor(m_searchField, m_searchField->placeholderText())));
    connect(m_searchField, &QLineEdit::textChanged, this, [this] { m_searchTimer->start(); });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applySearch();
        // The results arrive from the list's reader: the first one is selected then (at once
        // when they are shown already).
        m_selectFirstWhenLoaded = true;
        if (!m_tickets->isLoading())
            selectFirstResult();
    });

    m_list = new QTreeView(inbox);
    m_list->setObjectName(QStringLiteral("ticketList"));
    m_list->setAccessibleName(tr("Tickets"));
    m_list->setModel(m_tickets);
    // Channel glyphs, tag chips, status and priority badges, initials, SLA countdowns.
    m_list->setItemDelegate(new TicketItemDelegate(m_list));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection); // bulk actions
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->setSectionResizeMode(TicketListModel::SubjectColumn, QHeaderView::Stretch);
    // The store orders by last update, newest first; the header says so.
    header->setSortIndicatorShown(true);
    header->setSortIndicator(TicketListModel::UpdatedColumn, Qt::DescendingOrder);
    // The orders the store can page through: a click on these columns sorts by them (the
    // filter language's sort:, so the order is the same in pultctl and saved views).
    header->setSectionsClickable(true);
    connect(header, &QHeaderView::sectionClicked, this, [this](int column) {
        static const QHash<int, QString> keys{
            {TicketListModel::NumberColumn, QStringLiteral("created")},
            {TicketListModel::PriorityColumn, QStringLiteral("priority")},
            {TicketListModel::UpdatedColumn, QStringLiteral("updated")}};
        if (keys.contains(column))
            sortBy(keys.value(column));
        else
            updateSortIndicator(); // the order did not change: the indicator stays where it was
    });
    const std::pair<int, int> widths[] = {
        {TicketListModel::NumberColumn, 72},    {TicketListModel::RequesterColumn, 170},
        {TicketListModel::StatusColumn, 80},    {TicketListModel::PriorityColumn, 76},
        {TicketListModel::AssigneeColumn, 130}, {TicketListModel::DepartmentColumn, 120},
        {TicketListModel::UpdatedColumn, 190},
    };
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentTicket);
    // The next page is read when the list shows the last screen of loaded rows: scrolled there,
    // or laid out with rows that do not fill it.
    const auto nearTheEnd = [this] {
        const QScrollBar *bar = m_list->verticalScrollBar();
        if (bar->value() >= bar->maximum() - bar->pageStep())
            m_tickets->loadMore();
    };
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, nearTheEnd);
    connect(m_list->verticalScrollBar(), &QScrollBar::rangeChanged, this, nearTheEnd);
    connect(m_tickets, &QAbstractItemModel::modelReset, this, &MainWindow::reselectShownTicket);
    connect(m_tickets, &QAbstractItemModel::modelReset, this, &MainWindow::updateTitleAndStatus);
    // A j waiting for the next page is moot once the list is replaced.
    connect(m_tickets, &QAbstractItemModel::modelReset, this, [this] { m_moveWhenFetched = -1; });
    connect(m_tickets, &TicketListModel::loaded, this, [this] {
        if (std::exchange(m_refreshAfterList, false)) {
            m_views->refreshCounts();
            QTimer::singleShot(0, this, [this] { // after the rows are painted
                refreshTicketPane();
                updateTicketActions();
            });
        }
        if (const int row = std::exchange(m_moveWhenFetched, -1); row >= 0) {
            const QModelIndex current = m_list->currentIndex();
            if (current.isValid() && row > current.row())
                moveSelection(row - current.row());
        }
        selectFirstResult();
    });
    // Rows stay as they were while a slow page loads; after 100 ms the title row says so.
    m_busyHint = new QLabel(tr("Loading…"), inbox);
    m_busyHint->setObjectName(QStringLiteral("busyHint"));
    m_busyHint->setForegroundRole(QPalette::PlaceholderText);
    QSizePolicy keepsItsPlace = m_busyHint->sizePolicy();
    keepsItsPlace.setRetainSizeWhenHidden(true); // showing it moves nothing
    m_busyHint->setSizePolicy(keepsItsPlace);
    m_busyHint->hide();
    connect(m_tickets, &TicketListModel::busyChanged, m_busyHint, &QWidget::setVisible);

    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateTicketActions);
    // Enter opens: the conversation takes the focus.
    connect(m_list, &QTreeView::activated, this, [this] {
        showCurrentTicket();
        m_pane->browser()->setFocus(Qt::ShortcutFocusReason);
    });

    m_pane = new TicketPane(m_store, inbox);
    m_pane->setObjectName(QStringLiteral("ticketPane"));
    connect(m_pane->browser(), &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        // Links to other tickets (requester's tickets, linked and merged ones).
        if (url.scheme() == u"ticket")
            openTicket(QUuid::fromString(url.path()));
        else if (url.scheme() == u"attachment")
            openAttachment(url);
        // A mail's links open in the browser or the mail program; never file: or others.
        else if (isWebOrMailLink(url))
            QDesktopServices::openUrl(url);
    });
    // Where a mail's link really goes, before it is clicked.
    connect(m_pane->browser(), &QTextBrowser::highlighted, this,
            [this, shown = QString()](const QUrl &url) mutable {
                if (isWebOrMailLink(url)) {
                    shown = url.toDisplayString();
                    statusBar()->showMessage(shown, 10000);
                } else if (!shown.isEmpty() && statusBar()->currentMessage() == shown) {
                    statusBar()->clearMessage();
                }
            });
    m_pane->images()->setAttachmentLoader([this](const QByteArray &hash, auto done) {
        m_background.run<QImage>(
            [hash](SyncSession &session) -> Result<QImage> {
                auto cached = session.attachmentFile(hash);
                if (!cached.good())
                    return cached.status();
                return MessageImages::fitted(QImage(*cached));
            },
            [done = std::move(done)](const Result<QImage> &image) {
                done(image.good() ? *image : QImage());
            });
    });

    m_composer = new Composer(m_store, *m_actions, m_home, inbox);
    m_composer->setSignature(m_settings->value(Key::signature).toString());
    connect(m_composer, &Composer::sent, this, [this] {
        m_list->setFocus(Qt::OtherFocusReason);
        statusBar()->showMessage(tr("Sent; it goes to the server with the next sync."), 5000);
    });

    m_notice = new QFrame(inbox);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::ToolTipBase);
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setObjectName(QStringLiteral("noticeText"));
    m_noticeText->setWordWrap(true);
    m_noticeText->setForegroundRole(QPalette::ToolTipText);
    connect(m_noticeText, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"rejections")
            showChanges();
        else
            openTicket(QUuid::fromString(link));
    });
    auto *dismiss = new QToolButton(m_notice);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_notice, &QWidget::hide);
    auto *noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(12, 6, 6, 6);
    noticeLayout->addWidget(m_noticeText, 1);
    noticeLayout->addWidget(dismiss);
    m_notice->hide();

    // The filter language, with highlighting, completion and positioned errors (filterbar.h).
    m_filterBar = new FilterBar(inbox);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setCompileCheck([this](const QString &text) -> std::optional<FilterError> {
        auto context = m_store.filterContext(QDateTime::currentDateTimeUtc());
        if (!context.good())
            return std::nullopt;
        return compileFilter(text, *context).error;
    });
    connect(m_filterBar, &FilterBar::filterApplied, this, [this](const QString &text) {
        if (applyFilter(text))
            m_list->setFocus(Qt::OtherFocusReason);
    });
    connect(m_filterBar, &FilterBar::cleared, this, [this] {
        m_tickets->clearFilter();
        if (!isView(m_sidebar->currentIndex()) || m_views->filterText(m_sidebar->currentIndex()))
            selectView(QStringLiteral("all"));
        updateTitleAndStatus();
    });
    connect(m_filterBar, &FilterBar::saveRequested, this, &MainWindow::saveFilter);

    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(12, 8, 8, 8);
    titleRow->addWidget(m_viewTitle);
    titleRow->addWidget(m_busyHint);
    titleRow->addStretch(1);
    titleRow->addWidget(m_searchField);

    m_contentSplitter = new QSplitter(Qt::Vertical, inbox);
    m_contentSplitter->setObjectName(QStringLiteral("contentSplitter"));
    m_contentSplitter->addWidget(m_list);
    m_contentSplitter->addWidget(m_pane);
    m_contentSplitter->addWidget(m_composer);
    m_contentSplitter->setStretchFactor(0, 2);
    m_contentSplitter->setStretchFactor(1, 3);
    m_contentSplitter->setStretchFactor(2, 1);
    m_contentSplitter->setChildrenCollapsible(false);

    auto *content = new QWidget(inbox);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_notice);
    contentLayout->addLayout(titleRow);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(12, 0, 8, 6);
    filterRow->addWidget(m_filterBar);
    contentLayout->addLayout(filterRow);
    contentLayout->addWidget(m_contentSplitter, 1);

    m_mainSplitter = new QSplitter(Qt::Horizontal, inbox);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_sidebar);
    m_mainSplitter->addWidget(content);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({210, 1000});

    auto *layout = new QVBoxLayout(inbox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mainSplitter);
    m_pages->addWidget(inbox);
}

QWidget *MainWindow::buildEmptyState()
{
    auto *page = new QWidget(m_pages);
    page->setObjectName(QStringLiteral("emptyPage"));
    auto *text = new QLabel(page);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setFixedWidth(text->fontMetrics().averageCharWidth() * 80);
    const QString command =
        QStringLiteral("pultctl --home %1 demo --tickets 10000").arg(shellQuoted(m_home));
    text->setText(
        QStringLiteral("<h2>%1</h2><p>%2</p><pre>%3</pre><p>%4</p>")
            .arg(tr("No tickets yet").toHtmlEscaped(),
                 tr("Pult keeps a local copy of your help desk in %1, and it is empty. Sign in "
                    "to your team's Pult server to fill it, or try Pult on its own with a "
                    "realistic demo help desk:")
                     .arg(QDir::toNativeSeparators(m_home))
                     .toHtmlEscaped(),
                 command.toHtmlEscaped(), tr("Then press Reload (F5).").toHtmlEscaped()));
    text->setAccessibleName(tr("No tickets yet"));

    auto *signIn = new QPushButton(tr("Sign in…"), page);
    signIn->setObjectName(QStringLiteral("signInButton"));
    signIn->setDefault(true);
    connect(signIn, &QPushButton::clicked, this, &MainWindow::signIn);
    auto *reload = new QPushButton(tr("Reload"), page);
    reload->setObjectName(QStringLiteral("reloadButton"));
    connect(reload, &QPushButton::clicked, this, [this] { refresh(); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(signIn);
    buttons->addWidget(reload);
    buttons->addStretch(1);

    // Centred without layout alignment, which would lose the word-wrapped label's height.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(text);
    textRow->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return page;
}

void MainWindow::setUpShortcuts()
{
    // Plain letters: a focused line edit takes them as text first, so typing a "j" into the
    // search field types it.
    auto *next = new QShortcut(QKeySequence(Qt::Key_J), this);
    connect(next, &QShortcut::activated, this, [this] { moveSelection(1); });
    auto *previous = new QShortcut(QKeySequence(Qt::Key_K), this);
    connect(previous, &QShortcut::activated, this, [this] { moveSelection(-1); });

    // Escape goes back: it clears a search wherever the focus is, else it returns from the
    // conversation or the composer to the list.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, [this] {
        if (!m_searchField->text().isEmpty())
            clearSearch();
        else
            m_list->setFocus(Qt::ShortcutFocusReason);
    });
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->value(Key::geometry).toByteArray()))
        resize(1280, 800);
    restoreState(m_settings->value(Key::state).toByteArray());
    m_mainSplitter->restoreState(m_settings->value(Key::mainSplitter).toByteArray());
    if (!m_contentSplitter->restoreState(m_settings->value(Key::contentSplitter).toByteArray()))
        m_contentSplitter->setSizes({300, 380, 160});
    m_list->header()->restoreState(m_settings->value(Key::header).toByteArray());
    selectView(m_settings->value(Key::view).toString());
}

void MainWindow::saveSettings()
{
    m_settings->setValue(Key::geometry, saveGeometry());
    m_settings->setValue(Key::state, saveState());
    m_settings->setValue(Key::mainSplitter, m_mainSplitter->saveState());
    m_settings->setValue(Key::contentSplitter, m_contentSplitter->saveState());
    m_settings->setValue(Key::header, m_list->header()->saveState());
    m_settings->setValue(Key::view, currentViewKey());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

QString MainWindow::currentViewKey() const
{
    return m_sidebar->currentIndex().data(ViewKeyRole).toString();
}

void MainWindow::selectView(const QString &key)
{
    QModelIndex view = m_views->indexOfKey(key);
    if (!isView(view))
        view = m_views->allTicketsIndex();
    if (view == m_sidebar->currentIndex())
        showView(view);
    else
        m_sidebar->setCurrentIndex(view);
}

bool MainWindow::isView(const QModelIndex &index) const
{
    return m_views->query(index) || m_views->filterText(index);
}

void MainWindow::showView(const QModelIndex &index)
{
    if (!isView(index))
        return;
    // Choosing a view ends a search: clearing the field starts the debounce timer, which the
    // new query makes moot.
    if (!m_searchField->text().isEmpty())
        m_searchField->clear();
    m_searchTimer->stop();
    if (const std::optional<QString> filter = m_views->filterText(index)) {
        m_filterBar->setText(*filter);
        applyFilter(*filter);
    } else {
        m_filterBar->setText({});
        m_tickets->setQuery(*m_views->query(index));
        updateSortIndicator();
    }
}

QString MainWindow::filterTextOf(const TicketQuery &query)
{
    QStringList terms;
    if (!query.statuses.isEmpty()) {
        QStringList names;
        for (const TicketStatus status : query.statuses)
            names.append(toString(status));
        terms.append(QStringLiteral("status:") + names.join(u','));
    }
    if (!query.departments.isEmpty()) {
        auto departments = m_store.departments();
        QStringList names;
        for (const Department &d : departments.good() ? *departments : QList<Department>()) {
            if (query.departments.contains(d.id))
                names.append(quotedFilterValue(d.name));
        }
        terms.append(QStringLiteral("dept:") + names.join(u','));
    }
    if (query.assignee) {
        auto me = m_actions->me();
        if (query.assignee->isNull())
            terms.append(QStringLiteral("assignee:none"));
        else if (me.good() && me->id == *query.assignee)
            terms.append(QStringLiteral("assignee:me"));
    }
    return terms.join(u' ');
}

void MainWindow::sortBy(const QString &key)
{
    QString base;
    if (m_tickets->isFiltering()) {
        static const QRegularExpression sortTerm(QStringLiteral("(^|\\s)sort[:=]\\S*"));
        base = m_tickets->filterText().remove(sortTerm).simplified();
    } else if (const std::optional<TicketQuery> query = m_views->query(m_sidebar->currentIndex())) {
        base = filterTextOf(*query);
    }
    const QString text = QString(base + QStringLiteral(" sort:") + key).trimmed();
    m_filterBar->setText(text);
    applyFilter(text);
}

void MainWindow::updateSortIndicator()
{
    static const QRegularExpression sortTerm(QStringLiteral("(?:^|\\s)sort[:=](\\S+)"));
    const QString key =
        m_tickets->isFiltering() ? sortTerm.match(m_tickets->filterText()).captured(1) : QString();
    int column = TicketListModel::UpdatedColumn;
    if (key == u"created")
        column = TicketListModel::NumberColumn;
    else if (key == u"priority")
        column = TicketListModel::PriorityColumn;
    QHeaderView *header = m_list->header();
    // sla and queue orders have no column of their own.
    header->setSortIndicatorShown(key.isEmpty() || key == u"updated" || key == u"created" ||
                                  key == u"priority");
    const QSignalBlocker blocker(header);
    header->setSortIndicator(column, Qt::DescendingOrder);
}

bool MainWindow::applyFilter(const QString &text)
{
    auto context = m_store.filterContext(QDateTime::currentDateTimeUtc());
    if (!context.good()) {
        showLoadError(context.status().message());
        return false;
    }
    const FilterCompile compiled = compileFilter(text, *context);
    if (!compiled.good())
        return false; // the bar shows the error where it is
    m_tickets->setFilter(compiled.filter, text);
    updateTitleAndStatus();
    updateSortIndicator();
    return true;
}

void MainWindow::saveFilter(const QString &text)
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as a view"), tr("Name of the view:"),
                                               QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    // A lead may share it with the agents of a department they lead; an admin with any
    // department or everyone.
    if (auto me = m_actions->me(); me.good() && me->role != Role::Agent) {
        QStringList choices{tr("Only me")};
        QList<QUuid> departments{QUuid()};
        auto known = m_store.departments();
        for (const Department &d : known.good() ? *known : QList<Department>()) {
            if (oversees(*me, d.id)) {
                choices.append(tr("The agents of %1").arg(d.name));
                departments.append(d.id);
            }
        }
        if (me->role == Role::Admin) {
            choices.append(tr("Everyone"));
            departments.append(QUuid());
        }
        const int chosen = int(choices.indexOf(QInputDialog::getItem(
            this, tr("Save as a view"), tr("Who sees the view:"), choices, 0, false, &ok)));
        if (!ok || chosen < 0)
            return;
        if (chosen > 0) {
            const SharedFilter shared{QUuid::createUuid(), name, text, departments.at(chosen)};
            if (!m_actions->shareFilter(shared))
                return;
            m_views->reload();
            selectView(QStringLiteral("shared:") + uuidToString(shared.id));
            if (m_engine)
                m_engine->syncNow();
            return;
        }
    }
    auto key = m_views->addSavedFilter(name, text);
    if (!key.good()) {
        statusBar()->showMessage(tr("The view was not saved: %1").arg(key.status().message()),
                                 10000);
        return;
    }
    const QSignalBlocker blocker(m_sidebar->selectionModel()); // the list shows it already
    m_sidebar->setCurrentIndex(m_views->indexOfKey(*key));
    updateTitleAndStatus();
}

void MainWindow::applySearch()
{
    m_tickets->setSearchText(m_searchField->text());
    updateTitleAndStatus();
}

void MainWindow::clearSearch()
{
    m_searchTimer->stop();
    m_searchField->clear();
    applySearch();
}

void MainWindow::selectFirstResult()
{
    if (!std::exchange(m_selectFirstWhenLoaded, false) || m_tickets->rowCount() == 0)
        return;
    m_list->setFocus(Qt::ShortcutFocusReason);
    if (!m_list->currentIndex().isValid())
        moveSelection(1);
}

void MainWindow::moveSelection(int delta)
{
    if (m_pages->currentWidget() == m_emptyPage)
        return;
    const QModelIndex current = m_list->currentIndex();
    int row = current.isValid() ? current.row() + delta : 0;
    // The next page is read in the background before j reaches the last loaded row; a j that
    // gets there first moves on when the page arrives.
    if (row >= m_tickets->rowCount() - kPrefetchRows && m_tickets->canLoadMore())
        m_tickets->loadMore();
    if (row >= m_tickets->rowCount() && m_tickets->isFetching())
        m_moveWhenFetched = row;
    const int rows = m_tickets->rowCount();
    if (rows == 0)
        return;
    row = std::clamp(row, 0, rows - 1);
    const QModelIndex target = m_tickets->index(row, TicketListModel::NumberColumn);
    m_list->setCurrentIndex(target);
    m_list->scrollTo(target);
}

void MainWindow::showCurrentTicket()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const QUuid id = current.data(TicketIdRole).toUuid();
    if (id != m_pane->currentTicket())
        m_pane->showTicket(id);
    m_composer->setTicket(m_pane->currentTicket());
    updateTicketActions();
}

void MainWindow::reselectShownTicket()
{
    // After a view switch or search, keep the ticket being read selected if the list has it.
    const QModelIndex shown = m_tickets->indexOf(m_pane->currentTicket());
    if (shown.isValid())
        m_list->setCurrentIndex(shown);
}

void MainWindow::updateTitleAndStatus()
{
    const QModelIndex view = m_sidebar->currentIndex();
    QString title;
    QString count;
    if (m_tickets->isSearching()) {
        title = tr("Search: “%1”").arg(m_tickets->searchText());
        const int results = m_tickets->rowCount();
        if (results == 0)
            count = tr("No matching tickets");
        else if (results >= m_tickets->searchLimit())
            count = tr("The %L1 best matches").arg(results);
        else
            count = results == 1 ? tr("1 matching ticket")
                                 : tr("%Ln matching tickets", nullptr, results);
    } else if (m_tickets->isFiltering() && m_views->filterText(view) != m_tickets->filterText()) {
        // A filter typed in the bar, not a view's: counting it could take a while at a
        // million tickets, so the status bar says what is loaded.
        title = tr("Filter: %1").arg(m_tickets->filterText());
        const int rows = m_tickets->rowCount();
        count =
            rows == 0 ? tr("No matching tickets")
            : m_tickets->canLoadMore()
                ? tr("%L1 or more matching tickets").arg(rows)
                : (rows == 1 ? tr("1 matching ticket") : tr("%Ln matching tickets", nullptr, rows));
    } else {
        title = view.data(Qt::DisplayRole).toString();
        const QVariant total = view.data(ViewCountRole);
        if (total.isValid())
            count = DisplayText::ticketCount(total.toLongLong());
    }
    m_viewTitle->setText(title);
    // A search or filter still loading: the rows shown, and their number, are the previous ones.
    if (!(m_tickets->isLoading() && (m_tickets->isSearching() || m_tickets->isFiltering())))
        m_countLabel->setText(count);
    setWindowTitle(title);
}

void MainWindow::updatePage()
{
    // The "All I can see" count, once the sidebar's reader has it.
    const QVariant total = m_views->allTicketsIndex().data(ViewCountRole);
    const bool empty = total.isValid() && total.toLongLong() == 0;
    m_pages->setCurrentWidget(empty ? m_emptyPage : m_pages->widget(0));
    if (empty) {
        m_countLabel->setText(DisplayText::ticketCount(0));
        setWindowTitle(tr("No tickets yet"));
    } else {
        updateTitleAndStatus();
    }
}

void MainWindow::refresh(ViewListModel::Recount recount)
{
    const QString key = currentViewKey();
    m_views->reload(recount); // resets the sidebar: its current view is gone
    const QString search = m_searchField->text().trimmed();
    QModelIndex view = m_views->indexOfKey(key);
    if (!isView(view))
        view = m_views->allTicketsIndex();
    {
        const QSignalBlocker blocker(m_sidebar->selectionModel());
        m_sidebar->setCurrentIndex(view);
    }
    m_sidebar->viewport()->update();
    if (auto vocabulary = m_store.filterVocabulary(); vocabulary.good())
        m_filterBar->setVocabulary(*vocabulary); // new tags, categories, departments
    if (!search.isEmpty() && m_tickets->isSearching())
        m_tickets->reload();
    else if (m_tickets->isFiltering())
        applyFilter(m_tickets->filterText()); // compiled anew: relative times move on
    else
        m_tickets->setQuery(*m_views->query(view));
    refreshTicketPane();
    updatePage();
    updateTicketActions();
}

void MainWindow::updatePendingMarks()
{
    auto outbox = m_store.outbox();
    if (!outbox.good())
        return;
    m_pendingOps = int(outbox->size());
    m_pendingTickets.clear();
    for (const OutboxOp &op : std::as_const(*outbox)) {
        for (const QUuid &ticket : Op::ticketsOf(QJsonDocument::fromJson(op.payload).object()))
            m_pendingTickets.insert(ticket);
    }
    m_tickets->setPendingTickets(m_pendingTickets);
}

void MainWindow::refreshTicketPane()
{
    // The ticket being read may have changed too; keep the reader's place in it.
    if (const QUuid shown = m_pane->currentTicket(); !shown.isNull()) {
        const int scrolled = m_pane->browser()->verticalScrollBar()->value();
        m_pane->showTicket(shown);
        m_pane->browser()->verticalScrollBar()->setValue(scrolled);
    }
}

void MainWindow::showLoadError(const QString &message)
{
    statusBar()->showMessage(tr("Could not read the local store: %1").arg(message), 15000);
}

QAction *MainWindow::addMenuAction(QMenu *menu, const QString &name, const QString &text,
                                   const QKeySequence &shortcut, std::function<void()> run)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        // Tooltips list the shortcut too (menus show it on their own).
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            action->text().remove(u'&'), shortcut.toString(QKeySequence::NativeText)));
    }
    connect(action, &QAction::triggered, this, std::move(run));
    addAction(action); // shortcuts work while the menu bar is hidden, too
    m_allActions.append(action);
    return action;
}

void MainWindow::setUpActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_signInAction =
        addMenuAction(file, QStringLiteral("signIn"), tr("&Sign in…"), {}, [this] { signIn(); });
    m_signOutAction =
        addMenuAction(file, QStringLiteral("signOut"), tr("Sign &out"), {}, [this] { signOut(); });
    m_syncNowAction = addMenuAction(file, QStringLiteral("syncNow"), tr("S&ync now"),
                                    QKeySequence(Qt::Key_F9), [this] {
                                        if (m_engine)
                                            m_engine->syncNow();
                                    });
    addMenuAction(file, QStringLiteral("openProfile"), tr("Open another &profile…"), {},
                  [this] { openAnotherProfile(); });
    addMenuAction(file, QStringLiteral("signature"), tr("Your si&gnature…"), {}, [this] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            this, tr("Signature"),
            tr("Added under every reply; placeholders such as {{agent.name}} work "
               "(docs/templates.md):"),
            m_composer->signature(), &ok);
        if (!ok)
            return;
        m_settings->setValue(Key::signature, text);
        m_composer->setSignature(text);
    });
    file->addSeparator();
    m_doNotDisturb =
        addMenuAction(file, QStringLiteral("doNotDisturb"), tr("&Do not disturb"), {}, [this] {
            m_settings->setValue(Key::doNotDisturb, m_doNotDisturb->isChecked());
        });
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setChecked(m_settings->value(Key::doNotDisturb).toBool());
    m_away = addMenuAction(file, QStringLiteral("away"), tr("&Away: no new tickets for me"), {},
                           [this] { setAway(m_away->isChecked()); });
    m_away->setCheckable(true);
    m_away->setEnabled(false); // until the server said whether this agent is away
    file->addSeparator();
    addMenuAction(file, QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit,
                  [this] { close(); });

    QMenu *ticket = menuBar()->addMenu(tr("&Ticket"));
    const auto forSelected = [this](auto change) {
        return [this, change] {
            const QList<QUuid> tickets = selectedTickets();
            if (!tickets.isEmpty())
                change(tickets);
        };
    };
    m_ticketActions << addMenuAction(ticket, QStringLiteral("reply"), tr("&Reply"),
                                     QKeySequence(Qt::Key_R),
                                     [this] { m_composer->startWriting(MessageKind::AgentReply); });
    m_ticketActions << addMenuAction(
        ticket, QStringLiteral("note"), tr("Internal &note"), QKeySequence(Qt::Key_N),
        [this] { m_composer->startWriting(MessageKind::InternalNote); });
    m_ticketActions << addMenuAction(ticket, QStringLiteral("cannedResponse"),
                                     tr("Insert &canned response…"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                                     [this] { m_composer->chooseCannedResponse(); });
    ticket->addSeparator();
    m_ticketActions << addMenuAction(
        ticket, QStringLiteral("take"), tr("&Take"), QKeySequence(Qt::Key_T),
        forSelected([this](const QList<QUuid> &t) { m_actions->take(t); }));
    m_ticketActions << addMenuAction(ticket, QStringLiteral("assign"), tr("&Assign to…"),
                                     QKeySequence(Qt::Key_A), [this] { askAssignee(); });
    addMenuAction(ticket, QStringLiteral("nextTicket"), tr("Ne&xt ticket"),
                  QKeySequence(Qt::CTRL | Qt::Key_N), [this] {
                      if (const std::optional<QUuid> next = m_actions->takeNext())
                          openTicket(*next);
                      else
                          statusBar()->showMessage(tr("No ticket is waiting in your queues."),
                                                   5000);
                  });

    QMenu *status = ticket->addMenu(tr("&Status"));
    int key = Qt::Key_1;
    for (const TicketStatus value :
         {TicketStatus::Open, TicketStatus::Pending, TicketStatus::OnHold, TicketStatus::Solved,
          TicketStatus::Closed}) {
        m_ticketActions << addMenuAction(
            status, QStringLiteral("status-%1").arg(toString(value)), Labels::status(value),
            QKeySequence(Qt::CTRL | Qt::Key(key++)),
            forSelected([this, value](const QList<QUuid> &t) { m_actions->setStatus(t, value); }));
    }
    QMenu *priority = ticket->addMenu(tr("&Priority"));
    key = Qt::Key_1;
    for (const Priority value :
         {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent}) {
        m_ticketActions << addMenuAction(
            priority, QStringLiteral("priority-%1").arg(toString(value)), Labels::priority(value),
            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(key++)),
            forSelected(
                [this, value](const QList<QUuid> &t) { m_actions->setPriority(t, value); }));
    }
    m_departmentMenu = ticket->addMenu(tr("&Department"));
    connect(m_departmentMenu, &QMenu::aboutToShow, this, [this] {
        m_departmentMenu->clear();
        auto departments = m_store.departments();
        for (const Department &d : departments.good() ? *departments : QList<Department>()) {
            QAction *move = m_departmentMenu->addAction(d.name);
            connect(move, &QAction::triggered, this, [this, id = d.id] {
                const QList<QUuid> tickets = selectedTickets();
                if (!tickets.isEmpty())
                    m_actions->setDepartment(tickets, id);
            });
        }
    });
    m_ticketActions << addMenuAction(ticket, QStringLiteral("category"), tr("Cate&gory…"),
                                     QKeySequence(Qt::Key_C), [this] { askCategory(); });
    m_ticketActions << addMenuAction(ticket, QStringLiteral("tags"), tr("Ta&gs…"),
                                     QKeySequence(Qt::Key_G), [this] { askTags(); });
    m_ticketActions << addMenuAction(
        ticket, QStringLiteral("escalate"), tr("&Escalate to the next tier"),
        QKeySequence(Qt::CTRL | Qt::Key_E),
        forSelected([this](const QList<QUuid> &t) { m_actions->escalate(t); }));
    m_ticketActions << addMenuAction(ticket, QStringLiteral("due"), tr("D&ue date…"),
                                     QKeySequence(Qt::CTRL | Qt::Key_D),
                                     [this] { askTime(false); });
    m_ticketActions << addMenuAction(ticket, QStringLiteral("reminder"), tr("Re&minder…"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                     [this] { askTime(true); });
    ticket->addSeparator();
    m_ticketActions << addMenuAction(ticket, QStringLiteral("merge"), tr("&Merge into…"),
                                     QKeySequence(Qt::CTRL | Qt::Key_M),
                                     [this] { askRelated(true); });
    m_ticketActions << addMenuAction(ticket, QStringLiteral("link"), tr("&Link with…"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                                     [this] { askRelated(false); });
    m_ticketActions << addMenuAction(
        ticket, QStringLiteral("spam"), tr("Mark as s&pam"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        forSelected([this](const QList<QUuid> &t) { m_actions->markSpam(t, true); }));
    QAction *rotate = addMenuAction(
        ticket, QStringLiteral("rotateStatusLink"), tr("New status lin&k for the customer"), {},
        forSelected([this](const QList<QUuid> &t) {
            if (m_actions->rotateStatusLink(t))
                statusBar()->showMessage(tr("The customer's old status link no longer works; "
                                            "the next mail to them carries the new one."),
                                         8000);
        }));
    rotate->setToolTip(tr("Gives the customer's status page a new address, for when the old "
                          "one reached someone it should not have."));
    m_ticketActions << rotate;
    m_exportRequester = addMenuAction(ticket, QStringLiteral("exportRequester"),
                                      tr("E&xport the requester's personal data…"), {},
                                      [this] { exportRequester(); });
    m_exportRequester->setToolTip(tr("Saves everything Pult holds about the customer (their "
                                     "tickets, messages and files) as a zip file, for a request "
                                     "under the GDPR."));
    m_ticketActions << m_exportRequester;
    m_eraseRequester = addMenuAction(ticket, QStringLiteral("eraseRequester"),
                                     tr("&Erase the requester's personal data…"), {},
                                     [this] { eraseRequester(); });
    m_eraseRequester->setToolTip(tr("Removes the customer's name and addresses, and the text "
                                    "and files of their messages, on all of their tickets."));
    m_ticketActions << m_eraseRequester;
    ticket->addSeparator();
    addMenuAction(ticket, QStringLiteral("rejections"), tr("Waiting and re&fused changes…"), {},
                  [this] { showChanges(); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    addMenuAction(view, QStringLiteral("find"), tr("&Search"), QKeySequence::Find, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });
    QMenu *order = view->addMenu(tr("&Order"));
    const std::pair<const char *, QString> orders[] = {
        {QT_TR_NOOP("Last &update"), QStringLiteral("updated")},
        {QT_TR_NOOP("&Creation"), QStringLiteral("created")},
        {QT_TR_NOOP("&Priority"), QStringLiteral("priority")},
        {QT_TR_NOOP("&SLA deadline"), QStringLiteral("sla")},
        {QT_TR_NOOP("&Queue order"), QStringLiteral("queue")},
    };
    for (const auto &[label, key] : orders) {
        addMenuAction(order, QStringLiteral("sort-%1").arg(key), tr(label), {},
                      [this, key] { sortBy(key); });
    }
    addMenuAction(view, QStringLiteral("filter"), tr("&Filter"), QKeySequence(Qt::CTRL | Qt::Key_L),
                  [this] { m_filterBar->focusEditor(); });
    addMenuAction(view, QStringLiteral("removeView"), tr("Remove the saved &view"), {}, [this] {
        const QModelIndex view = m_sidebar->currentIndex();
        if (const QUuid shared = m_views->sharedFilterId(view); !shared.isNull()) {
            if (auto me = m_actions->me(); !me.good() || me->role == Role::Agent) {
                statusBar()->showMessage(tr("A shared view is removed by a lead of its "
                                            "department or an admin."),
                                         8000);
            } else if (m_actions->unshareFilter(shared)) {
                m_views->reload();
                selectView(QStringLiteral("all"));
                if (m_engine)
                    m_engine->syncNow();
            }
            return;
        }
        if (!m_views->isSavedFilter(view))
            return;
        if (Status s = m_views->removeSavedFilter(view.data(ViewKeyRole).toString()); !s.good())
            statusBar()->showMessage(s.message(), 8000);
        else
            selectView(QStringLiteral("all"));
    });
    addMenuAction(view, QStringLiteral("reload"), tr("&Reload"), QKeySequence::Refresh,
                  [this] { refresh(); });
    view->addSeparator();
    m_dashboardAction = addMenuAction(view, QStringLiteral("dashboard"), tr("&Dashboard"), {},
                                      [this] { showDashboard(); });
    m_dashboardAction->setToolTip(tr("Your departments' backlog, response and resolution "
                                     "times, SLA attainment and satisfaction, as charts."));

    // Settings: every agent their canned responses; leads what pultd lets them change of their
    // departments, admins all.
    m_settingsMenu = menuBar()->addMenu(tr("S&ettings"));
    m_departmentSettingsAction =
        addMenuAction(m_settingsMenu, QStringLiteral("departmentSettings"), tr("&Departments…"), {},
                      [this] { showDepartmentSettings(); });
    m_departmentSettingsAction->setToolTip(
        tr("Business hours, SLA policy, queue order, reply header and footer, and "
           "goals of your departments."));
    m_agentSettingsAction = addMenuAction(m_settingsMenu, QStringLiteral("agentSettings"),
                                          tr("&Agents…"), {}, [this] { showAgentSettings(); });
    m_agentSettingsAction->setToolTip(
        tr("Who works in the help desk: add agents, their roles and departments, deactivate "
           "them, and the tickets they left."));
    m_cannedSettingsAction =
        addMenuAction(m_settingsMenu, QStringLiteral("cannedSettings"), tr("&Canned responses…"),
                      {}, [this] { showCannedSettings(); });
    m_cannedSettingsAction->setToolTip(
        tr("Your canned responses, and your departments' or everyone's where you may write them."));
    m_viewSettingsAction = addMenuAction(m_settingsMenu, QStringLiteral("viewSettings"),
                                         tr("Shared &views…"), {}, [this] { showViewSettings(); });
    m_viewSettingsAction->setToolTip(
        tr("The views you share with your departments' agents (admins: with everyone)."));
    m_ruleSettingsAction = addMenuAction(m_settingsMenu, QStringLiteral("ruleSettings"),
                                         tr("&Rules…"), {}, [this] { showRuleSettings(); });
    m_ruleSettingsAction->setToolTip(
        tr("Automation rules of your departments: when something happens to a ticket that "
           "matches a filter, what Pult does."));

    // Ctrl+K finds any action, view or ticket number by typing.
    m_palette = new CommandPalette(this);
    m_palette->setActions(m_allActions);
    m_palette->setViews(m_views, ViewKeyRole);
    connect(m_palette, &CommandPalette::viewChosen, this, &MainWindow::selectView);
    connect(m_palette, &CommandPalette::ticketChosen, this, &MainWindow::openTicketNumber);
    addLanguageMenu(view);
    view->addSeparator();
    addMenuAction(view, QStringLiteral("commandPalette"), tr("&Command palette…"),
                  QKeySequence(Qt::CTRL | Qt::Key_K), [this] { m_palette->popUp(); });

    m_notices = new NoticeMenu(m_store, *m_notifierReader, this);
    menuBar()->addMenu(m_notices);
    connect(m_notices, &NoticeMenu::openTicket, this, &MainWindow::openTicket);
    connect(m_notices, &NoticeMenu::failed, this, &MainWindow::showLoadError);
    updateTicketActions();
    updateAccountActions();
}

void MainWindow::addLanguageMenu(QMenu *view)
{
    // Each language named in itself; the choice is read by main() at the next start.
    QMenu *menu = view->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QString current = m_settings->value(languageSettingKey()).toString();
    QList<std::pair<QString, QString>> choices{{QString(), tr("System default")},
                                               {QStringLiteral("en"), QStringLiteral("English")}};
    for (const QString &code : availableTranslations()) {
        QString name = QLocale(code).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        choices.append({code, name});
    }
    for (const auto &[code, name] : std::as_const(choices)) {
        QAction *action = menu->addAction(name);
        action->setObjectName(QStringLiteral("language-") +
                              (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code, name] {
            m_settings->setValue(languageSettingKey(), code);
            statusBar()->showMessage(tr("The window speaks %1 from its next start.").arg(name),
                                     8000);
        });
    }
}

void MainWindow::updateTicketActions()
{
    const bool any = !selectedTickets().isEmpty();
    for (QAction *action : std::as_const(m_ticketActions))
        action->setEnabled(any);
    m_departmentMenu->setEnabled(any);
}

void MainWindow::updateAccountActions()
{
    auto server = SyncSession(m_store, m_home).server();
    const bool hasServer = server.good() && !server->isEmpty();
    m_syncNowAction->setEnabled(m_engine != nullptr);
    m_signOutAction->setEnabled(hasServer);
    if (!hasServer)
        m_away->setEnabled(false);
    m_signInAction->setText(hasServer ? tr("&Sign in again…") : tr("&Sign in…"));
    auto me = m_actions->me();
    const bool admin = me.good() && me->role == Role::Admin;
    m_exportRequester->setVisible(admin);
    m_eraseRequester->setVisible(admin);
    // A profile nobody signed in to holds local data only, all of it its user's.
    m_dashboardAction->setVisible(!me.good() || me->role != Role::Agent);
    const bool configures = me.good() && me->role != Role::Agent;
    m_settingsMenu->menuAction()->setVisible(me.good()); // canned responses: everyone's
    m_cannedSettingsAction->setVisible(me.good());
    m_departmentSettingsAction->setVisible(configures); // also in the command palette
    m_agentSettingsAction->setVisible(configures);
    m_ruleSettingsAction->setVisible(configures);
    m_viewSettingsAction->setVisible(configures);
}

AgentSettings *MainWindow::showAgentSettings()
{
    return openOrRaise(m_agentSettings, [this] {
        auto *dialog = new AgentSettings(m_store, *m_actions, m_engine.get(), m_home, this);
        connect(dialog, &AgentSettings::filterRequested, this, [this](const QString &text) {
            if (showFilter(text)) {
                raise();
                activateWindow();
            }
        });
        return dialog;
    });
}

CannedSettings *MainWindow::showCannedSettings()
{
    return openOrRaise(m_cannedSettings, [this] {
        return new CannedSettings(m_store, *m_actions, m_engine.get(), this);
    });
}

ViewSettings *MainWindow::showViewSettings()
{
    return openOrRaise(m_viewSettings, [this] {
        auto *dialog = new ViewSettings(m_store, *m_actions, m_engine.get(), this);
        // The sidebar shows the change at once (the op applied to the cache).
        connect(dialog, &QDialog::finished, this, [this] { m_views->reload(); });
        return dialog;
    });
}

RuleSettings *MainWindow::showRuleSettings()
{
    return openOrRaise(m_ruleSettings, [this] { return new RuleSettings(m_store, m_home, this); });
}

DepartmentSettings *MainWindow::showDepartmentSettings()
{
    return openOrRaise(m_departmentSettings, [this] {
        return new DepartmentSettings(m_store, *m_actions, m_engine.get(), m_home, this);
    });
}

Dashboard *MainWindow::showDashboard()
{
    if (!m_dashboard) {
        auto known = m_store.departments();
        if (!known.good()) {
            showLoadError(known.status().message());
            return nullptr;
        }
        // A lead sees the departments they belong to; an admin, or nobody signed in, all.
        auto me = m_actions->me();
        const bool all = !me.good() || me->role == Role::Admin;
        QList<Department> departments;
        for (const Department &d : std::as_const(*known)) {
            if (all || oversees(*me, d.id))
                departments.append(d);
        }
        m_dashboard = new Dashboard(m_store.path(), departments, all, this);
        m_dashboard->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dashboard, &Dashboard::filterRequested, this, [this](const QString &text) {
            if (showFilter(text)) {
                raise();
                activateWindow();
            }
        });
    }
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
    return m_dashboard;
}

bool MainWindow::showFilter(const QString &text)
{
    if (!m_searchField->text().isEmpty())
        m_searchField->clear();
    m_searchTimer->stop();
    m_filterBar->setText(text);
    if (!applyFilter(text))
        return false;
    m_list->setFocus(Qt::OtherFocusReason);
    return true;
}

void MainWindow::loadAway()
{
    m_background.run<QJsonObject>(
        [](SyncSession &session) { return session.fetch(QStringLiteral("/api/v1/me")); },
        [this](const Result<QJsonObject> &me) {
            if (!me.good())
                return; // offline: the menu item waits for the next start
            m_away->setChecked(me->value(QLatin1String("away")).toBool());
            m_away->setEnabled(true);
        });
}

void MainWindow::setAway(bool away)
{
    m_away->setEnabled(false);
    m_background.run<QJsonObject>(
        [away](SyncSession &session) {
            return session.applyNow({{QStringLiteral("type"), QStringLiteral("set_availability")},
                                     {QStringLiteral("away"), away}});
        },
        [this, away](const Result<QJsonObject> &result) {
            m_away->setEnabled(true);
            if (const auto why = refusalOf(result)) {
                m_away->setChecked(!away);
                statusBar()->showMessage(tr("Could not tell the server: %1").arg(*why), 10000);
                return;
            }
            statusBar()->showMessage(away ? tr("Away: no new tickets are assigned to you.")
                                          : tr("Back: new tickets can be assigned to you."),
                                     8000);
        });
}

std::optional<Contact> MainWindow::selectedRequester(const QString &whenNone)
{
    const QList<QUuid> tickets = selectedTickets();
    std::optional<Contact> contact; // two reads by key
    if (tickets.size() == 1) {
        if (auto ticket = m_store.ticket(tickets.first());
            ticket.good() && !ticket->requesterId.isNull()) {
            if (auto found = m_store.contact(ticket->requesterId); found.good())
                contact = std::move(*found);
        }
    }
    if (!contact)
        statusBar()->showMessage(whenNone, 8000);
    return contact;
}

void MainWindow::exportRequester()
{
    const std::optional<Contact> contact =
        selectedRequester(tr("Open one ticket with a requester to export their data."));
    if (!contact)
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
            .filePath(tr("personal data of %1.zip")
                          .arg(contact->name.isEmpty() ? contact->emails.value(0) : contact->name)
                          .remove(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]"))));
    const QString target = QFileDialog::getSaveFileName(this, tr("Export personal data"), suggested,
                                                        tr("Zip archives (*.zip)"));
    if (target.isEmpty())
        return;
    statusBar()->showMessage(tr("Exporting %1's data…").arg(contact->name));
    m_background.run<QString>(
        [id = contact->id, target](SyncSession &session) -> Result<QString> {
            if (Status s = session.exportContact(id, target); !s.good())
                return s;
            return target;
        },
        [this, name = contact->name](const Result<QString> &saved) {
            if (!saved.good()) {
                statusBar()->showMessage(
                    tr("Could not export %1's data: %2").arg(name, saved.status().message()),
                    10000);
                return;
            }
            statusBar()->showMessage(
                tr("Saved %1's data to %2").arg(name, QDir::toNativeSeparators(*saved)), 8000);
        });
}

void MainWindow::eraseRequester()
{
    const std::optional<Contact> contact =
        selectedRequester(tr("Open one ticket with a requester to erase their data."));
    if (!contact)
        return;
    QMessageBox ask(QMessageBox::Warning, tr("Erase personal data"),
                    tr("Erase everything Pult holds about %1 (%2)?")
                        .arg(contact->name, contact->emails.join(QStringLiteral(", "))),
                    QMessageBox::Cancel, this);
    ask.setInformativeText(tr("Their name and addresses, and the text and files of their "
                              "messages on all of their tickets, are removed for good, here and "
                              "on the server. The tickets stay. This cannot be undone."));
    QPushButton *erase = ask.addButton(tr("Erase"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != erase)
        return;
    if (!m_actions->eraseContact(contact->id))
        return;
    if (m_engine)
        m_engine->syncNow(); // no ticket of the cache changed to start it
    statusBar()->showMessage(tr("%1's personal data is being erased; every window shows it "
                                "with its next sync.")
                                 .arg(contact->name),
                             8000);
}

QList<QUuid> MainWindow::selectedTickets() const
{
    QList<QUuid> tickets;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        tickets.append(row.data(TicketIdRole).toUuid());
    if (tickets.isEmpty() && !m_pane->currentTicket().isNull())
        tickets.append(m_pane->currentTicket());
    return tickets;
}

void MainWindow::afterLocalChange(const QList<QUuid> &tickets)
{
    // The change is in the cache already. The list rows first (that is where the agent looks),
    // then the counts and the conversation, once the rows are in: on two cores, neither slows
    // the list's reader down. The engine pushes the change meanwhile.
    // The new ops' tickets join the marks without reading the whole outbox again; the next
    // engine state re-reads it (a push may answer older ops while these wait, which leaves the
    // outbox's size as it was).
    for (const QUuid &ticket : tickets)
        m_pendingTickets.insert(ticket);
    m_pendingOps = -1;
    m_tickets->setPendingTickets(m_pendingTickets);
    m_tickets->reload();
    m_refreshAfterList = true;
    if (m_engine)
        m_engine->syncNow();
}

void MainWindow::openTicket(const QUuid &ticketId)
{
    if (ticketId.isNull())
        return;
    const QModelIndex row = m_tickets->indexOf(ticketId);
    if (row.isValid()) {
        m_list->setCurrentIndex(row);
        m_list->scrollTo(row);
    } else {
        m_list->selectionModel()->clearSelection();
    }
    if (m_pages->currentWidget() == m_emptyPage)
        m_pages->setCurrentIndex(0);
    if (m_pane->currentTicket() != ticketId)
        m_pane->showTicket(ticketId);
    m_composer->setTicket(m_pane->currentTicket());
    updateTicketActions();
}

bool MainWindow::openTicketNumber(qint64 number)
{
    auto ticket = m_store.ticketByNumber(number);
    if (!ticket.good()) {
        statusBar()->showMessage(tr("There is no ticket #%1 here.").arg(number), 5000);
        return false;
    }
    openTicket(ticket->id);
    return true;
}

void MainWindow::showNotice(const QString &text, const QUuid &ticketId)
{
    m_noticeText->setText(
        ticketId.isNull()
            ? text.toHtmlEscaped()
            : QStringLiteral("%1 <a href=\"%2\">%3</a> · <a href=\"rejections\">%4</a>")
                  .arg(text.toHtmlEscaped(), uuidToString(ticketId),
                       tr("Open the ticket").toHtmlEscaped(),
                       tr("All refused changes").toHtmlEscaped()));
    m_notice->show();
}

void MainWindow::showRejection(const Rejection &rejection)
{
    QString text;
    if (rejection.ticketId.isNull()) { // a setting
        text = tr("The server refused your change: %1").arg(rejection.message);
    } else {
        QString label = tr("a ticket");
        if (auto ticket = m_store.ticket(rejection.ticketId); ticket.good())
            label = ticket->number ? tr("#%1").arg(*ticket->number) : ticket->subject;
        text = tr("The server refused your change to %1 and it was undone: %2")
                   .arg(label, rejection.message);
    }
    showNotice(text, rejection.ticketId);
    if (QSystemTrayIcon *tray = m_doNotDisturb->isChecked() ? nullptr : trayIcon()) {
        m_notifiedTicket = rejection.ticketId;
        tray->showMessage(tr("Change refused"), text, QSystemTrayIcon::Warning);
    }
}

QSystemTrayIcon *MainWindow::trayIcon()
{
    if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
            openTicket(m_notifiedTicket);
        });
        m_tray->show();
    }
    return m_tray;
}

void MainWindow::notify()
{
    auto me = m_actions->me();
    if (!me.good())
        return; // nobody signed in: nothing is "mine"
    // The notifier is used on its reader's thread only, one check at a time.
    m_notifierReader->read<Result<QList<Notification>>>(
        [notifier = m_notifier.get(), me = me->id, now = QDateTime::currentDateTimeUtc()](
            LocalStore &store) { return notifier->check(store, me, now); },
        [this](const Result<QList<Notification>> &found) {
            if (found.good() && !m_doNotDisturb->isChecked())
                showNotifications(*found);
        });
    m_notices->refresh();
}

void MainWindow::showNotifications(QList<Notification> shown)
{
    // A first sync (or a colleague's bulk assignment) finds many at once: one line says so.
    constexpr int kMostShown = 3;
    if (shown.size() > kMostShown) {
        const qsizetype count = shown.size();
        shown = {{Notification::Assigned, shown.last().ticketId,
                  tr("%n updates on your tickets", nullptr, int(count)), shown.last().text}};
    }
    for (const Notification &n : std::as_const(shown)) {
        m_notifiedTicket = n.ticketId;
        if (QSystemTrayIcon *tray = trayIcon())
            tray->showMessage(n.title, n.text, QSystemTrayIcon::Information);
        else
            statusBar()->showMessage(QStringLiteral("%1: %2").arg(n.title, n.text), 10000);
    }
}

void MainWindow::showChanges()
{
    ChangesDialog dialog(m_store, m_home, this);
    connect(&dialog, &ChangesDialog::changed, this, [this] {
        refresh();
        updatePendingMarks();
        if (m_engine)
            m_engine->syncNow();
    });
    dialog.exec();
}

void MainWindow::startSync()
{
    if (m_engine)
        return;
    auto server = SyncSession(m_store, m_home).server();
    if (!server.good() || server->isEmpty())
        return;
    m_engine = std::make_unique<SyncEngine>(m_home);
    loadAway();
    // The engine's thread checkpoints (localstore.h). Should the setting not take, this
    // connection keeps checkpointing on commit itself: slower writes, nothing lost.
    (void)m_store.setAutoCheckpoint(0);
    if (!m_syncLabel) {
        m_syncLabel = new QLabel(this);
        m_syncLabel->setObjectName(QStringLiteral("syncState"));
        m_syncLabel->setAccessibleName(tr("Sync state"));
        statusBar()->insertPermanentWidget(0, m_syncLabel);
    }
    connect(m_engine.get(), &SyncEngine::stateChanged, this,
            [this](const SyncEngine::State &state) {
                m_syncLabel->setText(state.text());
                m_syncLabel->setToolTip(state.message);
                if (state.pending != m_pendingOps)
                    updatePendingMarks(); // a push emptied (part of) the outbox
            });
    connect(m_engine.get(), &SyncEngine::cacheChanged, this, [this](qint64, bool ticketsChanged) {
        // A round that touched no ticket leaves what filters count as it was.
        refresh(ticketsChanged ? ViewListModel::Recount::All
                               : ViewListModel::Recount::CountersOnly);
        notify();
    });
    connect(m_engine.get(), &SyncEngine::rejected, this, &MainWindow::showRejection);
    connect(m_engine.get(), &SyncEngine::transferProgress, this,
            [this](const QString &name, qint64 done, qint64 total) {
                const QString text = done >= total
                                         ? tr("Uploaded %1").arg(name)
                                         : tr("Uploading %1: %2 of %3")
                                               .arg(name, QLocale().formattedDataSize(done),
                                                    QLocale().formattedDataSize(total));
                statusBar()->showMessage(text, done >= total ? 5000 : 0);
                m_composer->showTransfer(done >= total ? QString() : text);
            });
    m_engine->start();
    updateAccountActions();
}

void MainWindow::signIn()
{
    SignInDialog dialog(m_home, m_settings->value(Key::lastServer).toString(),
                        m_settings->value(Key::lastEmail).toString(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings->setValue(Key::lastServer, dialog.server());
    m_settings->setValue(Key::lastEmail, dialog.email());
    if (m_engine)
        m_engine->syncNow();
    else
        startSync();
    updateAccountActions();
    refresh();
}

void MainWindow::signOut()
{
    // Revoking the token waits on the server.
    m_background.run<bool>(
        [](SyncSession &session) -> Result<bool> {
            if (Status s = session.logout(); !s.good())
                return s;
            return true;
        },
        [this](const Result<bool> &result) {
            if (m_engine)
                m_engine->syncNow(); // finds no token and says "Signed out"
            statusBar()->showMessage(
                result.good() ? tr("Signed out. Your local data and waiting changes stay.")
                              : tr("Could not sign out: %1").arg(result.status().message()),
                8000);
            updateAccountActions();
        });
}

void MainWindow::openAttachment(const QUrl &url)
{
    const QByteArray hash = url.path().toLatin1();
    QString name = QUrlQuery(url).queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    name = QFileInfo(name).fileName(); // never a path from a message
    if (name.isEmpty())
        name = QString::fromLatin1(hash.left(12));
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open %1").arg(name));
    QAction *save = menu.addAction(tr("Save as…"));
    QAction *chosen = menu.exec(QCursor::pos());
    if (!chosen)
        return;
    QString target;
    if (chosen == save) {
        target = QFileDialog::getSaveFileName(
            this, tr("Save attachment"),
            QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                .filePath(name));
        if (target.isEmpty())
            return;
    } else {
        // Opened from a directory of its own, under the name the sender gave it.
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation) +
                            QStringLiteral("/pult-attachments/") + QString::fromLatin1(hash);
        QDir().mkpath(dir);
        target = QDir(dir).filePath(name);
    }
    statusBar()->showMessage(tr("Fetching %1…").arg(name));
    m_background.run<QString>(
        [hash, target, name,
         window = QPointer<MainWindow>(this)](SyncSession &session) -> Result<QString> {
            // Progress of a large download, at most ten times a second, to the status bar.
            QElapsedTimer shown;
            session.setTransferProgress([&](const QString &, qint64 done, qint64 total) {
                if (shown.isValid() && shown.elapsed() < 100)
                    return;
                shown.start();
                QMetaObject::invokeMethod(
                    window,
                    [window, name, done, total] {
                        window->statusBar()->showMessage(
                            tr("Fetching %1: %2 of %3")
                                .arg(name, QLocale().formattedDataSize(done),
                                     QLocale().formattedDataSize(total)));
                    },
                    Qt::QueuedConnection);
            });
            auto cached = session.attachmentFile(hash);
            if (!cached.good())
                return cached.status();
            // A copy, so that editing what was opened never changes the cache.
            QFile::remove(target);
            if (!QFile::copy(*cached, target))
                return Status(Status::IoError, tr("Could not write %1").arg(target));
            QFile(target).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            return target;
        },
        [this, opening = chosen == open](const Result<QString> &saved) {
            if (!saved.good()) {
                statusBar()->showMessage(
                    tr("Could not fetch the attachment: %1").arg(saved.status().message()), 10000);
                return;
            }
            statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(*saved)), 5000);
            if (opening)
                QDesktopServices::openUrl(QUrl::fromLocalFile(*saved));
        });
}

void MainWindow::askAssignee()
{
    const QList<QUuid> tickets = selectedTickets();
    auto agents = m_store.agents();
    if (tickets.isEmpty() || !agents.good())
        return;
    QStringList names{tr("Nobody (unassign)")};
    QList<QUuid> ids{QUuid()};
    for (const Agent &agent : std::as_const(*agents)) {
        names.append(QStringLiteral("%1 <%2>").arg(agent.name, agent.email));
        ids.append(agent.id);
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Assign"), tr("Assign to:"), names, 0, false, &ok);
    if (ok)
        m_actions->assign(tickets, ids.value(names.indexOf(chosen)));
}

void MainWindow::askCategory()
{
    const QList<QUuid> tickets = selectedTickets();
    if (tickets.isEmpty())
        return;
    auto vocabulary = m_store.filterVocabulary();
    QStringList categories = vocabulary.good() ? vocabulary->categories : QStringList();
    categories.prepend(tr("None"));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Category"), tr("Category (choose one or type a new one):"),
                              categories, 0, true, &ok);
    if (!ok)
        return;
    const bool none = chosen.trimmed().isEmpty() || chosen == categories.first();
    m_actions->setFields(tickets, {{QStringLiteral("category"),
                                    none ? QJsonValue() : QJsonValue(chosen.trimmed())}});
}

void MainWindow::askTags()
{
    const QList<QUuid> tickets = selectedTickets();
    if (tickets.isEmpty())
        return;
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Tags"), tr("Tags to add, or to remove with a leading minus (vip -spam):"),
        QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    QStringList add;
    QStringList remove;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (word.startsWith(u'-') && word.size() > 1)
            remove.append(word.mid(1));
        else if (word != u"-")
            add.append(word.startsWith(u'+') ? word.mid(1) : word);
    }
    if (!add.isEmpty())
        m_actions->changeTags(tickets, add, true);
    if (!remove.isEmpty())
        m_actions->changeTags(tickets, remove, false);
}

void MainWindow::askRelated(bool merge)
{
    const QUuid ticket = m_pane->currentTicket();
    if (ticket.isNull())
        return;
    bool ok = false;
    const int number = QInputDialog::getInt(this, merge ? tr("Merge") : tr("Link"),
                                            merge ? tr("Merge this ticket into ticket number:")
                                                  : tr("Link with ticket number:"),
                                            1, 1, std::numeric_limits<int>::max(), 1, &ok);
    if (!ok)
        return;
    auto other = m_store.ticketByNumber(number);
    if (!other.good()) {
        statusBar()->showMessage(tr("There is no ticket #%1 here.").arg(number), 5000);
        return;
    }
    if (merge)
        m_actions->merge(ticket, other->id);
    else
        m_actions->link(ticket, other->id);
}

void MainWindow::askTime(bool reminder)
{
    const QList<QUuid> tickets = selectedTickets();
    if (tickets.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(reminder ? tr("Reminder") : tr("Due date"));
    auto *edit = new QDateTimeEdit(QDateTime::currentDateTime().addDays(1), &dialog);
    edit->setObjectName(QStringLiteral("timeEdit"));
    edit->setCalendarPopup(true);
    edit->setAccessibleName(reminder ? tr("Reminder") : tr("Due date"));
    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, &dialog);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("Clear"));
    bool clear = false;
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, &dialog,
            [&dialog, &clear] {
                clear = true;
                dialog.accept();
            });
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString field = reminder ? QStringLiteral("reminder") : QStringLiteral("due");
    m_actions->setFields(
        tickets, {{field, clear ? QJsonValue() : Wire::timeValue(edit->dateTime().toUTC())}});
}

void MainWindow::openAnotherProfile()
{
    const QString home = QFileDialog::getExistingDirectory(
        this, tr("Open a profile (a Pult data directory)"), QDir::homePath());
    if (home.isEmpty())
        return;
    // One window per profile, each in its own process with its own engine.
    if (!QProcess::startDetached(QApplication::applicationFilePath(),
                                 {QStringLiteral("--home"), home}))
        statusBar()->showMessage(tr("Could not start another window."), 8000);
}

} // namespace Pult
