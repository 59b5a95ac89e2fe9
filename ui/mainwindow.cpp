#include "mainwindow.h"

#include "displaytext.h"
#include "localstore.h"
#include "paths.h"
#include "roles.h"
#include "ticketlistmodel.h"
#include "ticketpane.h"
#include "viewitemdelegate.h"
#include "viewlistmodel.h"

#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Pult {

namespace {

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

namespace Key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString mainSplitter = QStringLiteral("window/mainSplitter");
const QString contentSplitter = QStringLiteral("window/contentSplitter");
const QString header = QStringLiteral("inbox/header");
const QString view = QStringLiteral("inbox/view");
} // namespace Key

} // namespace

MainWindow::MainWindow(LocalStore &store, const QString &home, std::unique_ptr<QSettings> settings,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_home(home)
    , m_settings(std::move(settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_views = new ViewListModel(m_store, this);
    m_tickets = new TicketListModel(m_store, this);

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
    });
    m_minuteTimer->start();

    connect(m_views, &ViewListModel::loadFailed, this, &MainWindow::showLoadError);
    connect(m_tickets, &TicketListModel::loadFailed, this, &MainWindow::showLoadError);

    setUpShortcuts();
    m_views->reload();
    restoreSettings();
    updatePage();
}

MainWindow::~MainWindow() = default;

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
    m_searchField->setMinimumWidth(320);
    connect(m_searchField, &QLineEdit::textChanged, this, [this] { m_searchTimer->start(); });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applySearch();
        if (m_tickets->rowCount() > 0) {
            m_list->setFocus(Qt::ShortcutFocusReason);
            if (!m_list->currentIndex().isValid())
                moveSelection(1);
        }
    });

    m_list = new QTreeView(inbox);
    m_list->setObjectName(QStringLiteral("ticketList"));
    m_list->setAccessibleName(tr("Tickets"));
    m_list->setModel(m_tickets);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
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
    header->setSectionsClickable(false);
    const std::pair<int, int> widths[] = {
        {TicketListModel::NumberColumn, 72},    {TicketListModel::RequesterColumn, 170},
        {TicketListModel::StatusColumn, 80},    {TicketListModel::PriorityColumn, 76},
        {TicketListModel::AssigneeColumn, 130}, {TicketListModel::DepartmentColumn, 120},
        {TicketListModel::UpdatedColumn, 96},
    };
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentTicket);
    connect(m_tickets, &QAbstractItemModel::modelReset, this, &MainWindow::reselectShownTicket);
    connect(m_tickets, &QAbstractItemModel::modelReset, this, &MainWindow::updateTitleAndStatus);

    m_pane = new TicketPane(m_store, inbox);
    m_pane->setObjectName(QStringLiteral("ticketPane"));

    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(12, 8, 8, 8);
    titleRow->addWidget(m_viewTitle, 1);
    titleRow->addWidget(m_searchField);

    m_contentSplitter = new QSplitter(Qt::Vertical, inbox);
    m_contentSplitter->setObjectName(QStringLiteral("contentSplitter"));
    m_contentSplitter->addWidget(m_list);
    m_contentSplitter->addWidget(m_pane);
    m_contentSplitter->setStretchFactor(0, 2);
    m_contentSplitter->setStretchFactor(1, 3);
    m_contentSplitter->setChildrenCollapsible(false);

    auto *content = new QWidget(inbox);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addLayout(titleRow);
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
                 tr("Pult keeps a local copy of your help desk in %1, and it is empty. Signing "
                    "in to a Pult server comes with a later version; until then, fill the local "
                    "copy with a realistic demo help desk:")
                     .arg(QDir::toNativeSeparators(m_home))
                     .toHtmlEscaped(),
                 command.toHtmlEscaped(), tr("Then press Reload (F5).").toHtmlEscaped()));
    text->setAccessibleName(tr("No tickets yet"));

    auto *reload = new QPushButton(tr("Reload"), page);
    reload->setObjectName(QStringLiteral("reloadButton"));
    connect(reload, &QPushButton::clicked, this, &MainWindow::refresh);

    // Centred without layout alignment, which would lose the word-wrapped label's height.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(text);
    textRow->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    layout->addWidget(reload, 0, Qt::AlignHCenter);
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

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_searchField->setFocus(Qt::ShortcutFocusReason);
        m_searchField->selectAll();
    });

    // Escape clears a search wherever the focus is, and only while there is one.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setEnabled(false);
    connect(escape, &QShortcut::activated, this, &MainWindow::clearSearch);
    connect(m_searchField, &QLineEdit::textChanged, escape,
            [escape](const QString &text) { escape->setEnabled(!text.isEmpty()); });

    auto *reload = new QShortcut(QKeySequence::Refresh, this);
    connect(reload, &QShortcut::activated, this, &MainWindow::refresh);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->value(Key::geometry).toByteArray()))
        resize(1280, 800);
    restoreState(m_settings->value(Key::state).toByteArray());
    m_mainSplitter->restoreState(m_settings->value(Key::mainSplitter).toByteArray());
    if (!m_contentSplitter->restoreState(m_settings->value(Key::contentSplitter).toByteArray()))
        m_contentSplitter->setSizes({320, 480});
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
    if (!m_views->query(view))
        view = m_views->allTicketsIndex();
    if (view == m_sidebar->currentIndex())
        showView(view);
    else
        m_sidebar->setCurrentIndex(view);
}

void MainWindow::showView(const QModelIndex &index)
{
    const std::optional<TicketQuery> query = m_views->query(index);
    if (!query)
        return;
    // Choosing a view ends a search: clearing the field starts the debounce timer, which the
    // new query makes moot.
    if (!m_searchField->text().isEmpty())
        m_searchField->clear();
    m_searchTimer->stop();
    m_tickets->setQuery(*query);
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

void MainWindow::moveSelection(int delta)
{
    if (m_pages->currentWidget() == m_emptyPage)
        return;
    const QModelIndex current = m_list->currentIndex();
    int row = current.isValid() ? current.row() + delta : 0;
    if (row >= m_tickets->rowCount() && m_tickets->canFetchMore({}))
        m_tickets->fetchMore({});
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
    } else {
        title = view.data(Qt::DisplayRole).toString();
        const QVariant total = view.data(ViewCountRole);
        if (total.isValid())
            count = DisplayText::ticketCount(total.toLongLong());
    }
    m_viewTitle->setText(title);
    m_countLabel->setText(count);
    setWindowTitle(title);
}

void MainWindow::updatePage()
{
    auto total = m_store.ticketCount();
    const bool empty = total.good() && *total == 0;
    m_pages->setCurrentWidget(empty ? m_emptyPage : m_pages->widget(0));
    if (empty) {
        m_countLabel->setText(DisplayText::ticketCount(0));
        setWindowTitle(tr("No tickets yet"));
    } else {
        updateTitleAndStatus();
    }
}

void MainWindow::refresh()
{
    const QString key = currentViewKey();
    m_views->reload(); // resets the sidebar: its current view is gone
    const QString search = m_searchField->text().trimmed();
    QModelIndex view = m_views->indexOfKey(key);
    if (!m_views->query(view))
        view = m_views->allTicketsIndex();
    {
        const QSignalBlocker blocker(m_sidebar->selectionModel());
        m_sidebar->setCurrentIndex(view);
    }
    m_sidebar->viewport()->update();
    if (!search.isEmpty() && m_tickets->isSearching())
        m_tickets->reload();
    else
        m_tickets->setQuery(*m_views->query(view));
    updatePage();
}

void MainWindow::showLoadError(const QString &message)
{
    statusBar()->showMessage(tr("Could not read the local store: %1").arg(message), 15000);
}

} // namespace Pult
