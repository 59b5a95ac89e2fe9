// CommandPalette: finding and running actions, views and ticket numbers from the keyboard, and
// the embedded translation catalogues that installTranslations() loads.

#include "commandpalette.h"
#include "localization.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Pult;

namespace {

constexpr int kKeyRole = Qt::UserRole + 7;

QStringList shownTexts(const QAbstractItemModel &model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << model.index(row, 0).data().toString();
    return texts;
}

// A sidebar-like model: a heading (with a key but not selectable, as ViewListModel's headings
// are), views with keys, and a row without a key.
std::unique_ptr<QStandardItemModel> makeViews()
{
    auto model = std::make_unique<QStandardItemModel>();
    const auto add = [&](const QString &title, const QString &key, bool selectable) {
        auto *item = new QStandardItem(title);
        if (!key.isEmpty())
            item->setData(key, kKeyRole);
        item->setFlags(selectable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled);
        model->appendRow(item);
    };
    add(QStringLiteral("Views"), QStringLiteral("section:views"), false);
    add(QStringLiteral("All tickets"), QStringLiteral("all"), true);
    add(QStringLiteral("Rešeno"), QStringLiteral("solved"), true);
    add(QStringLiteral("Łódź office"), QStringLiteral("department:lodz"), true);
    add(QStringLiteral("Not a view"), QString(), true);
    return model;
}

} // namespace

class CommandPaletteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void passesModelTester();
    void showsActionsWithoutMnemonicsAndWithShortcuts();
    void typingAndEnterTriggersTheAction();
    void upAndDownChooseTheRow();
    void clickingRunsTheRow();
    void escapeClosesWithoutRunning();
    void disabledActionsCannotRun();
    void leavesOutSeparatorsSubmenusAndHiddenActions();
    void deletedActionsDisappear();
    void viewRowsEmitViewChosen();
    void headingsAndRowsWithoutKeyAreNotViews();
    void ticketNumbersOfferOpenTicket_data();
    void ticketNumbersOfferOpenTicket();
    void hashNumberEmitsTicketChosen();
    void matchesIgnoreCaseAndAccents();
    void wordStartsRankAboveTheMiddleOfWords();
    void findsActionsByTheirMenu();
    void popUpClearsTheTextAndPlacesItOverTheWindow();

    void embedsTheCatalogues();
    void installsTheCatalogueOfTheLocale();
    void followsTheSystemLanguages();

private:
    std::unique_ptr<QWidget> m_window;
    CommandPalette *m_palette = nullptr;
    QAction *m_solve = nullptr;
    QAction *m_reply = nullptr;
    QAction *m_assign = nullptr;
    QAction *m_escalate = nullptr;
};

void CommandPaletteTest::init()
{
    m_window = std::make_unique<QWidget>();
    m_window->resize(1000, 700);
    m_solve = new QAction(QStringLiteral("&Mark as solved"), m_window.get());
    m_solve->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    m_reply = new QAction(QStringLiteral("&Reply…"), m_window.get());
    m_reply->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    m_assign = new QAction(QStringLiteral("Assign to &me"), m_window.get());
    m_escalate = new QAction(QStringLiteral("&Escalate"), m_window.get());
    m_escalate->setEnabled(false);
    m_palette = new CommandPalette(m_window.get());
    m_palette->setActions({m_solve, m_reply, m_assign, m_escalate});
}

void CommandPaletteTest::cleanup()
{
    m_window.reset();
    m_palette = nullptr;
}

void CommandPaletteTest::passesModelTester()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setActions({m_solve, m_reply, m_assign, m_escalate});
    QCOMPARE(model.rowCount(), 4);
    auto views = makeViews();
    model.setViews(views.get(), kKeyRole);
    QCOMPARE(model.rowCount(), 7);
    model.setQuery(QStringLiteral("re"));
    model.setQuery(QStringLiteral("#17"));
    QCOMPARE(model.index(0).data(CommandPaletteModel::KindRole).toInt(),
             int(CommandPaletteModel::TicketEntry));
    model.setQuery(QStringLiteral("nothing matches this"));
    QCOMPARE(model.rowCount(), 0);
    model.setQuery({});
    delete m_assign;
    m_assign = nullptr;
    model.refresh();
    QCOMPARE(model.rowCount(), 6);
    views.reset();
    model.refresh();
    QCOMPARE(model.rowCount(), 3);
}

void CommandPaletteTest::showsActionsWithoutMnemonicsAndWithShortcuts()
{
    const CommandPaletteModel *model = m_palette->model();
    QCOMPARE(shownTexts(*model),
             (QStringList{QStringLiteral("Mark as solved"), QStringLiteral("Reply…"),
                          QStringLiteral("Assign to me"), QStringLiteral("Escalate")}));
    QCOMPARE(model->index(0).data(CommandPaletteModel::ShortcutRole).toString(),
             QKeySequence(QStringLiteral("Ctrl+Shift+S")).toString(QKeySequence::NativeText));
    QCOMPARE(model->index(2).data(CommandPaletteModel::ShortcutRole).toString(), QString());
    QVERIFY(model->index(0)
                .data(Qt::AccessibleTextRole)
                .toString()
                .startsWith(QStringLiteral("Mark as solved, ")));

    QAction literal(QStringLiteral("Tom && &Jerry\tCtrl+J"));
    m_palette->setActions({&literal});
    QCOMPARE(shownTexts(*model), QStringList{QStringLiteral("Tom & Jerry")});
}

void CommandPaletteTest::typingAndEnterTriggersTheAction()
{
    QSignalSpy solved(m_solve, &QAction::triggered);
    QSignalSpy replied(m_reply, &QAction::triggered);
    m_palette->popUp();
    QVERIFY(m_palette->isVisible());
    QTest::keyClicks(m_palette->searchField(), QStringLiteral("solv"));
    QCOMPARE(shownTexts(*m_palette->model()), QStringList{QStringLiteral("Mark as solved")});
    QTest::keyClick(m_palette->searchField(), Qt::Key_Return);
    QCOMPARE(solved.count(), 1);
    QCOMPARE(replied.count(), 0);
    QVERIFY(!m_palette->isVisible());
}

void CommandPaletteTest::upAndDownChooseTheRow()
{
    QSignalSpy solved(m_solve, &QAction::triggered);
    QSignalSpy replied(m_reply, &QAction::triggered);
    QSignalSpy assigned(m_assign, &QAction::triggered);
    m_palette->popUp();
    QCOMPARE(m_palette->resultList()->currentIndex().row(), 0);
    QTest::keyClick(m_palette->searchField(), Qt::Key_Down);
    QTest::keyClick(m_palette->searchField(), Qt::Key_Down);
    QTest::keyClick(m_palette->searchField(), Qt::Key_Down); // Escalate is disabled: stays
    QCOMPARE(m_palette->resultList()->currentIndex().row(), 2);
    QTest::keyClick(m_palette->searchField(), Qt::Key_Up);
    QCOMPARE(m_palette->resultList()->currentIndex().row(), 1);
    QTest::keyClick(m_palette->searchField(), Qt::Key_Enter);
    QCOMPARE(replied.count(), 1);
    QCOMPARE(solved.count(), 0);
    QCOMPARE(assigned.count(), 0);
    QVERIFY(!m_palette->isVisible());
}

void CommandPaletteTest::clickingRunsTheRow()
{
    QSignalSpy assigned(m_assign, &QAction::triggered);
    m_palette->popUp();
    QVERIFY(QTest::qWaitForWindowExposed(m_palette));
    QListView *list = m_palette->resultList();
    const QRect rect = list->visualRect(m_palette->model()->index(2));
    QVERIFY(rect.isValid());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(assigned.count(), 1);
    QVERIFY(!m_palette->isVisible());
}

void CommandPaletteTest::escapeClosesWithoutRunning()
{
    QSignalSpy solved(m_solve, &QAction::triggered);
    m_palette->popUp();
    QTest::keyClicks(m_palette->searchField(), QStringLiteral("solved"));
    QTest::keyClick(m_palette->searchField(), Qt::Key_Escape);
    QVERIFY(!m_palette->isVisible());
    QCOMPARE(solved.count(), 0);
}

void CommandPaletteTest::disabledActionsCannotRun()
{
    QSignalSpy escalated(m_escalate, &QAction::triggered);
    m_palette->popUp();
    QVERIFY(QTest::qWaitForWindowExposed(m_palette));
    QTest::keyClicks(m_palette->searchField(), QStringLiteral("escal"));
    const CommandPaletteModel *model = m_palette->model();
    QCOMPARE(shownTexts(*model), QStringList{QStringLiteral("Escalate")}); // listed, greyed
    const QModelIndex row = model->index(0);
    QVERIFY(!(model->flags(row) & Qt::ItemIsEnabled));
    QVERIFY(!model->isRunnable(row));
    QVERIFY(!row.data(CommandPaletteModel::RunnableRole).toBool());
    QVERIFY(!m_palette->resultList()->currentIndex().isValid());
    QTest::keyClick(m_palette->searchField(), Qt::Key_Return);
    QListView *list = m_palette->resultList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
    QCOMPARE(escalated.count(), 0);
    QVERIFY(m_palette->isVisible());

    // Disabled rows come after the runnable ones that match as well.
    QAction enabledMatch(QStringLiteral("Escalation policy"));
    m_palette->setActions({m_escalate, &enabledMatch});
    QCOMPARE(shownTexts(*model),
             (QStringList{QStringLiteral("Escalation policy"), QStringLiteral("Escalate")}));
    QCOMPARE(m_palette->resultList()->currentIndex().row(), 0);

    // An action disabled while the palette is open does not run either.
    m_palette->setActions({m_solve});
    m_palette->popUp();
    QSignalSpy solved(m_solve, &QAction::triggered);
    m_solve->setEnabled(false);
    QTest::keyClick(m_palette->searchField(), Qt::Key_Return);
    QCOMPARE(solved.count(), 0);
}

void CommandPaletteTest::leavesOutSeparatorsSubmenusAndHiddenActions()
{
    QAction separator;
    separator.setSeparator(true);
    QAction hidden(QStringLiteral("Hidden thing"));
    hidden.setVisible(false);
    QAction empty;
    QMenu submenu(QStringLiteral("&Status"));
    submenu.addAction(m_solve);
    m_palette->setActions({&separator, &hidden, &empty, submenu.menuAction(), m_solve, m_solve});
    QCOMPARE(shownTexts(*m_palette->model()), QStringList{QStringLiteral("Mark as solved")});
}

void CommandPaletteTest::deletedActionsDisappear()
{
    m_palette->popUp();
    QTest::keyClicks(m_palette->searchField(), QStringLiteral("assign"));
    QCOMPARE(m_palette->model()->rowCount(), 1);
    delete m_assign;
    m_assign = nullptr;
    QVERIFY(!m_palette->model()->isRunnable(m_palette->model()->index(0)));
    QTest::keyClick(m_palette->searchField(), Qt::Key_Return); // nothing to run, no crash
    m_palette->popUp();
    QVERIFY(!shownTexts(*m_palette->model()).contains(QStringLiteral("Assign to me")));
}

void CommandPaletteTest::viewRowsEmitViewChosen()
{
    auto views = makeViews();
    m_palette->setViews(views.get(), kKeyRole);
    QSignalSpy chosen(m_palette, &CommandPalette::viewChosen);
    QSignalSpy tickets(m_palette, &CommandPalette::ticketChosen);
    m_palette->popUp();
    QTest::keyClicks(m_palette->searchField(), QStringLiteral("all tick"));
    QCOMPARE(shownTexts(*m_palette->model()).value(0), QStringLiteral("All tickets"));
    QCOMPARE(m_palette->model()->index(0).data(CommandPaletteModel::KindRole).toInt(),
             int(CommandPaletteModel::ViewEntry));
    QTest::keyClick(m_palette->searchField(), Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("all"));
    QCOMPARE(tickets.count(), 0);
    QVERIFY(!m_palette->isVisible());
}

void CommandPaletteTest::headingsAndRowsWithoutKeyAreNotViews()
{
    auto views = makeViews();
    m_palette->setViews(views.get(), kKeyRole);
    const CommandPaletteModel *model = m_palette->model();
    QStringList keys;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(CommandPaletteModel::KindRole).toInt() == CommandPaletteModel::ViewEntry)
            keys << index.data(CommandPaletteModel::ViewKeyRole).toString();
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("all"), QStringLiteral("solved"),
                                QStringLiteral("department:lodz")}));
}

void CommandPaletteTest::ticketNumbersOfferOpenTicket_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("number");
    QTest::newRow("hash") << QStringLiteral("#123") << qint64(123);
    QTest::newRow("bare") << QStringLiteral("123") << qint64(123);
    QTest::newRow("spaces") << QStringLiteral(" # 77 ") << qint64(77);
    QTest::newRow("zero") << QStringLiteral("#0") << qint64(0);
    QTest::newRow("word") << QStringLiteral("#12a") << qint64(0);
    QTest::newRow("hash only") << QStringLiteral("#") << qint64(0);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(0);
    QTest::newRow("too long") << QStringLiteral("#12345678901234567890") << qint64(0);
}

void CommandPaletteTest::ticketNumbersOfferOpenTicket()
{
    QFETCH(QString, text);
    QFETCH(qint64, number);
    QCOMPARE(CommandPaletteModel::ticketNumber(text), number);
    const CommandPaletteModel *model = m_palette->model();
    m_palette->popUp();
    QTest::keyClicks(m_palette->searchField(), text);
    const QModelIndex first = model->index(0);
    const bool offered =
        first.data(CommandPaletteModel::KindRole).toInt() == CommandPaletteModel::TicketEntry;
    QCOMPARE(offered, number > 0);
    if (number > 0) {
        QCOMPARE(first.data().toString(), QStringLiteral("Open ticket #%1").arg(number));
        QCOMPARE(first.data(CommandPaletteModel::TicketNumberRole).toLongLong(), number);
    }
}

void CommandPaletteTest::hashNumberEmitsTicketChosen()
{
    QSignalSpy chosen(m_palette, &CommandPalette::ticketChosen);
    QSignalSpy solved(m_solve, &QAction::triggered);
    m_palette->popUp();
    QTest::keyClicks(m_palette->searchField(), QStringLiteral("#42"));
    QTest::keyClick(m_palette->searchField(), Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toLongLong(), qint64(42));
    QCOMPARE(solved.count(), 0);
    QVERIFY(!m_palette->isVisible());
}

void CommandPaletteTest::matchesIgnoreCaseAndAccents()
{
    auto views = makeViews();
    m_palette->setViews(views.get(), kKeyRole);
    QAction reseno(QStringLiteral("Označi kot rešeno"));
    m_palette->setActions({m_solve, &reseno});
    CommandPaletteModel *model = m_palette->model();

    model->setQuery(QStringLiteral("resen"));
    QCOMPARE(shownTexts(*model),
             (QStringList{QStringLiteral("Rešeno"), QStringLiteral("Označi kot rešeno")}));
    model->setQuery(QStringLiteral("RESEN"));
    QCOMPARE(model->rowCount(), 2);
    model->setQuery(QStringLiteral("oznaci res"));
    QCOMPARE(shownTexts(*model), QStringList{QStringLiteral("Označi kot rešeno")});
    model->setQuery(QStringLiteral("lodz"));
    QCOMPARE(shownTexts(*model), QStringList{QStringLiteral("Łódź office")});
    model->setQuery(QStringLiteral("resenox"));
    QCOMPARE(model->rowCount(), 0);
}

void CommandPaletteTest::wordStartsRankAboveTheMiddleOfWords()
{
    QAction also(QStringLiteral("Also notify the team"));
    QAction sort(QStringLiteral("Sort by date"));
    QAction reopen(QStringLiteral("Reopen"));
    QAction open(QStringLiteral("Open in a new window"));
    m_palette->setActions({&also, &sort, &reopen, &open});
    CommandPaletteModel *model = m_palette->model();
    model->setQuery(QStringLiteral("so"));
    QCOMPARE(shownTexts(*model),
             (QStringList{QStringLiteral("Sort by date"), QStringLiteral("Also notify the team")}));
    model->setQuery(QStringLiteral("open"));
    QCOMPARE(shownTexts(*model),
             (QStringList{QStringLiteral("Open in a new window"), QStringLiteral("Reopen")}));
    model->setQuery(QStringLiteral("new wind"));
    QCOMPARE(shownTexts(*model), QStringList{QStringLiteral("Open in a new window")});
}

void CommandPaletteTest::findsActionsByTheirMenu()
{
    QMenu ticket(QStringLiteral("&Ticket"));
    QMenu *status = ticket.addMenu(QStringLiteral("&Status"));
    status->addAction(m_solve);
    ticket.addAction(m_assign);
    m_palette->setActions({m_solve, m_assign, m_reply});
    CommandPaletteModel *model = m_palette->model();
    QCOMPARE(model->index(0).data(CommandPaletteModel::DetailRole).toString(),
             QStringLiteral("Ticket \u203A Status"));
    model->setQuery(QStringLiteral("ticket"));
    QCOMPARE(shownTexts(*model),
             (QStringList{QStringLiteral("Mark as solved"), QStringLiteral("Assign to me")}));
    model->setQuery(QStringLiteral("status sol"));
    QCOMPARE(shownTexts(*model), QStringList{QStringLiteral("Mark as solved")});
}

void CommandPaletteTest::popUpClearsTheTextAndPlacesItOverTheWindow()
{
    m_window->move(100, 50);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_palette->popUp();
    QTest::keyClicks(m_palette->searchField(), QStringLiteral("zzz"));
    QCOMPARE(m_palette->model()->rowCount(), 0);
    m_palette->hide();
    m_palette->popUp();
    QCOMPARE(m_palette->searchField()->text(), QString());
    QCOMPARE(m_palette->model()->rowCount(), 4);
    QVERIFY(m_palette->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(m_palette));

    const QRect window(m_window->mapToGlobal(QPoint(0, 0)), m_window->size());
    const QRect palette = m_palette->frameGeometry();
    QVERIFY2(window.contains(palette), "the palette lies over its window");
    QVERIFY(qAbs(palette.center().x() - window.center().x()) <= 1);
    QVERIFY(palette.top() < window.top() + window.height() / 4);
    QVERIFY(palette.width() < window.width());
    QVERIFY(!m_palette->searchField()->accessibleName().isEmpty());
    QVERIFY(!m_palette->resultList()->accessibleName().isEmpty());
}

void CommandPaletteTest::embedsTheCatalogues()
{
    QCOMPARE(translationsDirectory(), QStringLiteral(":/i18n"));
    QCOMPARE(availableTranslations(), (QStringList{QStringLiteral("hr"), QStringLiteral("lt"),
                                                   QStringLiteral("pl"), QStringLiteral("sl")}));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/pult_sl.qm")));
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Slovenian, QLocale::Slovenia), QStringLiteral("pult"),
                            QStringLiteral("_"), translationsDirectory()));
    QCOMPARE(translator.language().left(2), QStringLiteral("sl"));
}

void CommandPaletteTest::installsTheCatalogueOfTheLocale()
{
    const auto installed = [] {
        return qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    };
    const auto uninstall = [&] { qDeleteAll(installed()); };
    uninstall();

    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::Slovenian, QLocale::Slovenia)),
             QStringLiteral("sl"));
    QVERIFY(!installed().isEmpty());
    uninstall();
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::Polish, QLocale::Poland)),
             QStringLiteral("pl"));
    uninstall();
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::Croatian)), QStringLiteral("hr"));
    uninstall();
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::Lithuanian)), QStringLiteral("lt"));
    uninstall();
    // English is the source language; a language without a catalogue stays English too.
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)),
             QString());
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)), QString());
    QVERIFY(installed().isEmpty());
    // The language chosen in the window (View → Language) wins over the system's, with its
    // formats; "en" chosen stays English.
    QCOMPARE(installTranslations(*qApp, QStringLiteral("lt")), QStringLiteral("lt"));
    QCOMPARE(QLocale().monthName(10, QLocale::ShortFormat),
             QLocale(QLocale::Lithuanian).monthName(10, QLocale::ShortFormat));
    uninstall();
    QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QString());
    QVERIFY(installed().isEmpty());
    QLocale::setDefault(QLocale::system());
}

// Run by the ui_commandpalette_language_* tests (tests/ui/CMakeLists.txt), which set LANGUAGE
// before the process starts, as QLocale::system() reads it once.
void CommandPaletteTest::followsTheSystemLanguages()
{
    if (!qEnvironmentVariableIsSet("PULT_TEST_EXPECTED_LANGUAGE"))
        QSKIP("needs LANGUAGE and PULT_TEST_EXPECTED_LANGUAGE set before the test starts");
    qDeleteAll(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
    const QString expected = qEnvironmentVariable("PULT_TEST_EXPECTED_LANGUAGE");
    QCOMPARE(installTranslations(*qApp), expected);
    // Dates and numbers in the window's language, though LANG is C.UTF-8.
    const QLocale formats = expected.isEmpty() ? QLocale::system() : QLocale(expected);
    QCOMPARE(QLocale().monthName(10, QLocale::ShortFormat),
             formats.monthName(10, QLocale::ShortFormat));
    QCOMPARE(QLocale().toString(1234567), formats.toString(1234567));
    QLocale::setDefault(QLocale::system());
    qDeleteAll(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
}

QTEST_MAIN(CommandPaletteTest)
#include "tst_commandpalette.moc"
