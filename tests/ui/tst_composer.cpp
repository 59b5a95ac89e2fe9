// Writing in the window: the canned-response model and picker, inserting a response with its
// placeholders rendered for the ticket, sending (the op is queued in the outbox and shown at
// once), "send and set status", drafts that survive switching tickets and closing the window,
// and ticket actions that update the list and the sidebar's counts at once.

#include "cannedresponsepicker.h"
#include "commandpalette.h"
#include "composer.h"
#include "filterbar.h"
#include "localops.h"
#include "mainwindow.h"
#include "roles.h"
#include "ticketactions.h"
#include "ticketlistmodel.h"
#include "uitestdata.h"
#include "viewlistmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Pult;

class ComposerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cannedModelFiltersByTitleAndShortcut();
    void pickerInsertsTheChosenResponse();
    void insertingRendersPlaceholdersForTheTicket();
    void sendQueuesTheMessageAndClearsTheDraft();
    void sendAndSetStatus();
    void replyGetsTheSignatureNoteDoesNot();
    void replyIsFramedByItsDepartment();
    void draftFollowsTheTicket();
    void draftSurvivesClosingTheWindow();
    void localActionUpdatesListAndCountsAtOnce();
    void bulkActionChangesEverySelectedTicket();
    void keyboardWritesAndInserts();
    void commandPaletteRunsAWindowAction();
    void leadSharesAViewWithTheirDepartment();

private:
    std::unique_ptr<MainWindow> makeWindow();
    QList<OutboxOp> outbox();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_home;
    std::unique_ptr<LocalStore> m_store;
    UiTest::Fixture m_fixture;
};

void ComposerTest::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_home = m_dir->filePath(QStringLiteral("home"));
    m_store = UiTest::openStore(m_home + QStringLiteral("/cache.db"));
    QVERIFY(m_store);
    m_fixture = UiTest::fillStore(*m_store, 12);
    // Signed in as Ana: local ops need to know who makes them.
    QVERIFY(m_store->setCurrentAgent(m_fixture.ana.id).good());
    QVERIFY(m_store
                ->put(UiTest::canned(
                    QStringLiteral("Greeting"), QStringLiteral("hi"),
                    QStringLiteral("Hello {{customer.first_name | \"there\"}}, this is "
                                   "{{agent.first_name}} about {{ticket.number}}.")))
                .good());
    QVERIFY(
        m_store
            ->put(UiTest::canned(QStringLiteral("Rešeno"), QStringLiteral("done"),
                                 QStringLiteral("Your ticket \"{{ticket.subject}}\" is solved.")))
            .good());
}

void ComposerTest::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> ComposerTest::makeWindow()
{
    auto settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("window.ini")),
                                                QSettings::IniFormat);
    auto window = std::make_unique<MainWindow>(*m_store, m_home, std::move(settings));
    window->show();
    if (!UiTest::windowSettled(*window))
        qWarning("the window's list and sidebar did not load");
    return window;
}

QList<OutboxOp> ComposerTest::outbox()
{
    auto ops = m_store->outbox();
    if (!ops.good())
        return {};
    return *ops;
}

void ComposerTest::cannedModelFiltersByTitleAndShortcut()
{
    CannedResponseModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResponses(
        {UiTest::canned(QStringLiteral("Refund issued"), QStringLiteral("refund"), {}),
         UiTest::canned(QStringLiteral("Rešeno"), QStringLiteral("done"), {}),
         UiTest::canned(QStringLiteral("Password reset"), QStringLiteral("pw"), {})});
    QCOMPARE(model.rowCount(), 3);
    model.setFilterText(QStringLiteral("pw"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.response(0).title, QStringLiteral("Password reset"));
    model.setFilterText(QStringLiteral("RESEN")); // accents and case ignored
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.response(0).shortcut, QStringLiteral("done"));
    model.setFilterText(QStringLiteral("re")); // starts-with before contains
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.response(2).title, QStringLiteral("Password reset"));
    model.setFilterText(QStringLiteral("nothing like it"));
    QCOMPARE(model.rowCount(), 0);
}

void ComposerTest::pickerInsertsTheChosenResponse()
{
    auto window = makeWindow();
    const Ticket ticket = m_fixture.tickets.at(4);
    window->openTicket(ticket.id);
    Composer *composer = window->composer();
    composer->chooseCannedResponse();
    CannedResponsePicker *picker = composer->picker();
    QTRY_VERIFY(picker->isVisible());
    QTest::keyClicks(picker->searchField(), QStringLiteral("hi"));
    QCOMPARE(picker->model()->rowCount(), 1);
    QTest::keyClick(picker->searchField(), Qt::Key_Return);
    QVERIFY(!picker->isVisible());
    QVERIFY(composer->editor()->toPlainText().startsWith(QStringLiteral("Hello ")));
}

void ComposerTest::insertingRendersPlaceholdersForTheTicket()
{
    auto window = makeWindow();
    const Ticket ticket = m_fixture.tickets.at(4); // requester Marek Wiśniewski, #1004
    window->openTicket(ticket.id);
    Composer *composer = window->composer();
    QVERIFY(composer->insertCannedResponse(
        UiTest::canned(QStringLiteral("Greeting"), QStringLiteral("hi"),
                       QStringLiteral("Hello {{customer.first_name | \"there\"}}, this is "
                                      "{{agent.first_name}} about {{ticket.number}}."))));
    QCOMPARE(composer->editor()->toPlainText(),
             QStringLiteral("Hello Marek, this is Ana about #1004."));
}

void ComposerTest::sendQueuesTheMessageAndClearsTheDraft()
{
    auto window = makeWindow();
    const Ticket ticket = m_fixture.tickets.at(3);
    window->openTicket(ticket.id);
    Composer *composer = window->composer();
    composer->startWriting(MessageKind::InternalNote);
    QTest::keyClicks(composer->editor(), QStringLiteral("Checked the logs"));
    composer->saveDraft();
    QSignalSpy sent(composer, &Composer::sent);
    QVERIFY(composer->send());
    QCOMPARE(sent.count(), 1);
    QVERIFY(composer->editor()->toPlainText().isEmpty());

    const QList<OutboxOp> ops = outbox();
    QCOMPARE(ops.size(), 1);
    const QJsonObject op = QJsonDocument::fromJson(ops.first().payload).object();
    QCOMPARE(op.value(QLatin1String("type")).toString(), QStringLiteral("add_message"));
    QCOMPARE(Op::ticketsOf(op), QList<QUuid>{ticket.id});
    // The note is in the cache at once, before any server saw it.
    auto messages = m_store->messages(ticket.id);
    QVERIFY(messages.good());
    QCOMPARE(messages->last().bodyText, QStringLiteral("Checked the logs"));
    QVERIFY(messages->last().kind == MessageKind::InternalNote);
    // No draft is left behind.
    window.reset();
    window = makeWindow();
    window->openTicket(ticket.id);
    QVERIFY(window->composer()->editor()->toPlainText().isEmpty());
}

void ComposerTest::sendAndSetStatus()
{
    auto window = makeWindow();
    const Ticket ticket = m_fixture.tickets.at(0); // open
    window->openTicket(ticket.id);
    Composer *composer = window->composer();
    QTest::keyClicks(composer->editor(), QStringLiteral("All done."));
    QVERIFY(composer->send(TicketStatus::Solved));
    QCOMPARE(outbox().size(), 2);
    auto stored = m_store->ticket(ticket.id);
    QVERIFY(stored.good());
    QVERIFY(stored->status == TicketStatus::Solved);
}

void ComposerTest::replyGetsTheSignatureNoteDoesNot()
{
    auto window = makeWindow();
    const Ticket ticket = m_fixture.tickets.at(6);
    window->openTicket(ticket.id);
    Composer *composer = window->composer();
    composer->setSignature(QStringLiteral("{{agent.name}}\nBilling team"));
    QTest::keyClicks(composer->editor(), QStringLiteral("Thank you."));
    QVERIFY(composer->send());
    composer->startWriting(MessageKind::InternalNote);
    QTest::keyClicks(composer->editor(), QStringLiteral("Internal only."));
    QVERIFY(composer->send());
    auto messages = m_store->messages(ticket.id);
    QVERIFY(messages.good());
    QCOMPARE(messages->at(messages->size() - 2).bodyText,
             QStringLiteral("Thank you.\n\nAna Kovač\nBilling team"));
    QCOMPARE(messages->last().bodyText, QStringLiteral("Internal only."));
}

void ComposerTest::replyIsFramedByItsDepartment()
{
    // The ticket's department puts its header above and its footer below every reply, each
    // rendered for the ticket; the agent's signature comes last; notes stay as typed.
    const Ticket ticket = m_fixture.tickets.at(6);
    Department department;
    for (const Department &d : {m_fixture.billing, m_fixture.technical}) {
        if (d.id == ticket.departmentId)
            department = d;
    }
    QVERIFY(!department.id.isNull());
    department.businessHours = QStringLiteral("tz=Europe/Ljubljana; mon-fri 08:00-16:00; "
                                              "sat 09:00-12:00");
    department.replyHeader = QStringLiteral("Hello from {{department.name}},");
    department.replyFooter = QStringLiteral("We answer {{department.hours}}.");
    QVERIFY(m_store->put(department).good());

    auto window = makeWindow();
    window->openTicket(ticket.id);
    Composer *composer = window->composer();
    composer->setSignature(QStringLiteral("{{agent.first_name}}"));
    auto *frame = composer->findChild<QLabel *>(QStringLiteral("replyFrame"));
    QVERIFY(frame && !frame->isHidden());
    QVERIFY2(frame->text().contains(department.name + QStringLiteral(" header")),
             qPrintable(frame->text()));
    QVERIFY(frame->text().contains(QStringLiteral("your signature")));
    QVERIFY2(frame->toolTip().startsWith(QStringLiteral("Hello from ") + department.name),
             qPrintable(frame->toolTip()));

    QTest::keyClicks(composer->editor(), QStringLiteral("Thank you, {{agent.name}}."));
    const QString hours = QLocale().dayName(1, QLocale::ShortFormat) + u'–' +
                          QLocale().dayName(5, QLocale::ShortFormat) +
                          QStringLiteral(" 08:00–16:00; ") +
                          QLocale().dayName(6, QLocale::ShortFormat) +
                          QStringLiteral(" 09:00–12:00 (Europe/Ljubljana)");
    QCOMPARE(composer->messageText(),
             QStringLiteral("Hello from %1,\n\nThank you, {{agent.name}}.\n\nWe answer %2.\n\nAna")
                 .arg(department.name, hours));
    QVERIFY(composer->send());
    composer->startWriting(MessageKind::InternalNote);
    QVERIFY(frame->isHidden());
    QTest::keyClicks(composer->editor(), QStringLiteral("Internal only."));
    QCOMPARE(composer->messageText(), QStringLiteral("Internal only."));

    // Without a header, footer or signature, a reply goes out exactly as typed.
    department.replyHeader.clear();
    department.replyFooter.clear();
    QVERIFY(m_store->put(department).good());
    composer->setSignature(QString());
    composer->startWriting(MessageKind::AgentReply);
    QVERIFY(frame->isHidden());
    QTest::keyClicks(composer->editor(), QStringLiteral("  indented"));
    QCOMPARE(composer->messageText(), QStringLiteral("  indented"));
}

void ComposerTest::draftFollowsTheTicket()
{
    auto window = makeWindow();
    const Ticket first = m_fixture.tickets.at(2);
    const Ticket second = m_fixture.tickets.at(5);
    Composer *composer = window->composer();
    window->openTicket(first.id);
    QTest::keyClicks(composer->editor(), QStringLiteral("Dear customer"));
    window->openTicket(second.id);
    QVERIFY(composer->editor()->toPlainText().isEmpty());
    QTest::keyClicks(composer->editor(), QStringLiteral("Other text"));
    window->openTicket(first.id);
    QCOMPARE(composer->editor()->toPlainText(), QStringLiteral("Dear customer"));
    window->openTicket(second.id);
    QCOMPARE(composer->editor()->toPlainText(), QStringLiteral("Other text"));
    QVERIFY(outbox().isEmpty()); // drafts are not sent
}

void ComposerTest::draftSurvivesClosingTheWindow()
{
    const Ticket ticket = m_fixture.tickets.at(7);
    {
        auto window = makeWindow();
        window->openTicket(ticket.id);
        window->composer()->startWriting(MessageKind::InternalNote);
        QTest::keyClicks(window->composer()->editor(), QStringLiteral("Half-written note"));
        // Saved a moment after typing, without closing anything.
        QTRY_VERIFY(QSettings(m_home + QStringLiteral("/drafts.ini"), QSettings::IniFormat)
                        .allKeys()
                        .size() == 1);
        window->close();
    }
    auto window = makeWindow();
    window->openTicket(ticket.id);
    QVERIFY(window->composer()->kind() == MessageKind::InternalNote);
    QCOMPARE(window->composer()->editor()->toPlainText(), QStringLiteral("Half-written note"));
}

void ComposerTest::localActionUpdatesListAndCountsAtOnce()
{
    auto window = makeWindow();
    TicketListModel *tickets = window->ticketModel();
    ViewListModel *views = window->viewModel();
    const qint64 solvedBefore =
        views->indexOfKey(QStringLiteral("solved")).data(ViewCountRole).toLongLong();
    const Ticket ticket = m_fixture.tickets.at(0); // open
    window->openTicket(ticket.id);
    QAction *solve = nullptr;
    for (QAction *action : window->allActions()) {
        if (action->objectName() == u"status-solved")
            solve = action;
    }
    QVERIFY(solve);
    QVERIFY(solve->isEnabled());
    solve->trigger();
    // No server: the list and the counts show it as soon as their readers answer.
    QVERIFY(UiTest::windowSettled(*window));
    const QModelIndex row = tickets->indexOf(ticket.id);
    QVERIFY(row.isValid());
    QCOMPARE(row.data(TicketStatusRole).toInt(), int(TicketStatus::Solved));
    QVERIFY(row.data(TicketPendingRole).toBool()); // marked until the server has it
    QVERIFY(row.data(Qt::DisplayRole).toString().endsWith(QStringLiteral("↻")));
    QVERIFY(
        !tickets->index((row.row() + 1) % tickets->rowCount(), 0).data(TicketPendingRole).toBool());
    QCOMPARE(views->indexOfKey(QStringLiteral("solved")).data(ViewCountRole).toLongLong(),
             solvedBefore + 1);
    QCOMPARE(outbox().size(), 1);
}

void ComposerTest::bulkActionChangesEverySelectedTicket()
{
    auto window = makeWindow();
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    QVERIFY(list);
    TicketListModel *tickets = window->ticketModel();
    QVERIFY(tickets->rowCount() >= 3);
    for (int row = 0; row < 3; ++row)
        list->selectionModel()->select(tickets->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<QUuid> selected = window->selectedTickets();
    QCOMPARE(selected.size(), 3);
    QVERIFY(window->ticketActions()->setPriority(selected, Priority::Urgent));
    for (const QUuid &id : selected) {
        auto stored = m_store->ticket(id);
        QVERIFY(stored.good());
        QVERIFY(stored->priority == Priority::Urgent);
    }
    QCOMPARE(outbox().size(), 3);
}

void ComposerTest::keyboardWritesAndInserts()
{
    auto window = makeWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_J);
    QVERIFY(!window->composer()->ticket().isNull());
    QTest::keyClick(list, Qt::Key_N);
    Composer *composer = window->composer();
    QVERIFY(composer->kind() == MessageKind::InternalNote);
    QVERIFY(composer->editor()->hasFocus());
    // Letters typed in the composer are text, not commands.
    QTest::keyClicks(composer->editor(), QStringLiteral("rn"));
    QCOMPARE(composer->editor()->toPlainText(), QStringLiteral("rn"));
    QTest::keyClick(composer->editor(), Qt::Key_Escape);
    QVERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_R);
    QVERIFY(composer->kind() == MessageKind::AgentReply);
    QVERIFY(composer->editor()->hasFocus());
    QTest::keyClick(composer->editor(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(composer->picker()->isVisible());
    composer->picker()->reject();
}

void ComposerTest::commandPaletteRunsAWindowAction()
{
    auto window = makeWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const Ticket ticket = m_fixture.tickets.at(0); // open
    window->openTicket(ticket.id);
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    auto *palette = window->findChild<CommandPalette *>();
    QVERIFY(palette);
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->searchField(), QStringLiteral("pending"));
    QTest::keyClick(palette->searchField(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    auto stored = m_store->ticket(ticket.id);
    QVERIFY(stored.good());
    QVERIFY(stored->status == TicketStatus::Pending);
    // A ticket number opens that ticket.
    const Ticket other = m_fixture.tickets.at(9);
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(palette->isVisible());
    QTest::keyClicks(palette->searchField(), QStringLiteral("#%1").arg(*other.number));
    QTest::keyClick(palette->searchField(), Qt::Key_Return);
    QCOMPARE(window->composer()->ticket(), other.id);
}

void ComposerTest::leadSharesAViewWithTheirDepartment()
{
    // Save as view asks a lead with whom to share: the choice queues an upsert_shared_filter op,
    // the view shows under Shared views at once, and removing it queues the unsharing.
    Agent lead = m_fixture.ana;
    lead.role = Role::Lead;
    QVERIFY(m_store->put(lead).good());
    auto window = makeWindow();
    auto *bar = window->findChild<FilterBar *>();
    QVERIFY(bar);

    // The modal dialogs of saveFilter() are answered in turn: the name, then who sees it.
    QStringList answers{QStringLiteral("Team open"),
                        QStringLiteral("The agents of %1").arg(m_fixture.billing.name)};
    QStringList asked;
    QTimer answering;
    answering.setInterval(10);
    connect(&answering, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog || answers.isEmpty())
            return;
        asked.append(dialog->labelText());
        dialog->setTextValue(answers.takeFirst()); // in a list of choices: the item with this text
        dialog->accept();
    });
    answering.start();
    Q_EMIT bar->saveRequested(QStringLiteral("status:open"));
    answering.stop();
    QCOMPARE(asked.size(), 2);
    QVERIFY(answers.isEmpty());

    const QList<OutboxOp> ops = outbox();
    QCOMPARE(ops.size(), 1);
    const QJsonObject op = QJsonDocument::fromJson(ops.first().payload).object();
    QCOMPARE(op.value(QLatin1String("type")).toString(), QStringLiteral("upsert_shared_filter"));
    const QJsonObject filter = op.value(QLatin1String("filter")).toObject();
    QCOMPARE(filter.value(QLatin1String("name")).toString(), QStringLiteral("Team open"));
    QCOMPARE(filter.value(QLatin1String("query")).toString(), QStringLiteral("status:open"));
    QCOMPARE(filter.value(QLatin1String("department_id")).toString(),
             uuidToString(m_fixture.billing.id));
    auto shared = m_store->sharedFilters();
    QVERIFY(shared.good());
    QCOMPARE(shared->size(), 1);
    auto *sidebar = window->findChild<QListView *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QCOMPARE(sidebar->currentIndex().data().toString(), QStringLiteral("Team open"));
    QVERIFY(sidebar->currentIndex()
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Shared with %1").arg(m_fixture.billing.name)));
    QVERIFY(
        m_store->profileValue(QStringLiteral("saved_filters")).value().isEmpty()); // not personal

    auto *remove = window->findChild<QAction *>(QStringLiteral("removeView"));
    QVERIFY(remove);
    remove->trigger();
    QCOMPARE(outbox().size(), 2);
    QCOMPARE(QJsonDocument::fromJson(outbox().last().payload)
                 .object()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("delete_shared_filter"));
    QVERIFY(m_store->sharedFilters().value().isEmpty());
}

QTEST_MAIN(ComposerTest)
#include "tst_composer.moc"
