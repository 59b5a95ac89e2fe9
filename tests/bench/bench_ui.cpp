// The desktop window at a million cached tickets, offscreen. Every figure is printed as a
// "name: value (baseline name: value)" line with a baseline measured in the same run.
//
// 1. ui.cold_start_ms: a new process (this executable in --child mode) installs the catalogue of
//    the user's language as pult does (none: LANGUAGE=en), opens the store, builds the window and
//    shows it, until the inbox's first page is painted; median of 5. Baseline: the same process
//    start painting an empty Qt window (the cost of starting any Qt program).
//    ui.cold_start_pl_ms: the same in Polish (LANGUAGE=pl: the catalogue loaded, every text
//    translated); baseline: ui.cold_start_ms (target: within 10 % of it).
// 2. ui.switch_view_ms: choosing each built-in and department view in the sidebar until its rows
//    (read by the list's reader thread) are in and repainted; median over three rounds of every
//    view. Baseline: LocalStore::listTickets of one page of the "all" view alone.
// 3. ui.open_ticket_ms: opening a ticket of 200+ messages until the conversation is repainted;
//    median of 10. Baseline: loadTicketDetails of it alone (the store's part).
//    ui.open_html_mail_ms: the same for a ticket of 30 mails with HTML (a 20-row table, lists,
//    a quoted earlier mail: about 9 KB each, as pultd keeps them); median of 10. Baseline:
//    ui.open_text_mail_ms, a ticket of the same 30 mails as plain text.
// 4. ui.local_action_ms: a status change from the Ticket menu until the list row is repainted
//    (the op applied to the cache and queued, the list's first page read again by its reader and
//    repainted; the sidebar's counts follow in the background and are waited for between
//    actions, not timed); median of 40. Baseline: the same op through SyncSession::submit alone.
// 5. ui.longest_block_ms: the longest time the UI thread spends on one event (the outermost
//    QApplication::notify(), with everything it causes synchronously) while a sync round's
//    refresh recounts every view (the demo's shared views among them) and reloads the list, a
//    filter is typed a key every 30 ms and applied, and j moves through the rows. Baseline: the
//    same over an idle second (a 1 ms timer firing).
// 6. ui.rss_mb: the resident memory of the cold-started window; baseline: the empty Qt window.
// 7. report.compute_ms: the lead's report (core/report.h) of the last 30 days over the whole
//    store, on an open connection as the dashboard's reader and `pultctl report` compute it;
//    median of 5.
//    Baseline: sqlite.count_tickets_ms, one count(*) of the same tickets.
//
// 8. ui.dashboard_open_ms: View → Dashboard until its first chart (the backlog by status, read
//    on the dashboard's reader thread before the period's figures) is painted; median of 5.
//    Baseline: report.backlog_ms, the backlog's part of the report (ReportRequest::backlogOnly)
//    computed alone.
//
// Options: --tickets N (default 1000000), --dir DIR to keep the generated store and reuse it.

#include "benchutil.h"
#include "composer.h"
#include "dashboard.h"
#include "demodata.h"
#include "filterbar.h"
#include "localization.h"
#include "localops.h"
#include "localstore.h"
#include "mainwindow.h"
#include "paths.h"
#include "report.h"
#include "sqlitedb.h"
#include "syncsession.h"
#include "ticketdetails.h"
#include "ticketlistmodel.h"
#include "ticketpane.h"
#include "viewlistmodel.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QKeyEvent>
#include <QListView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <cstdlib>

using namespace Pult;
using namespace Pult::Bench;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_ui: %s\n", qPrintable(message));
    std::exit(1);
}

template<typename T> T check(Result<T> r, const char *what)
{
    if (!r.good())
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), r.status().message()));
    return std::move(*r);
}

void check(const Status &s, const char *what)
{
    if (!s.good())
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), s.message()));
}

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Turns the event loop until done() holds (results from the window's reader threads arrive as
// queued events, which wake it).
void waitFor(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
}

// Turns the event loop for ms milliseconds.
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool settled(MainWindow &window)
{
    return !window.ticketModel()->isLoading() && !window.ticketModel()->isFetching() &&
           !window.viewModel()->isCounting();
}

// The application, timing how long the UI thread spends handling each event (the outermost
// notify(): key presses, timers, queued results, paints, with all they cause synchronously).
// Wall-clock gaps between timer ticks would also count the time the operating system does not
// run an idle thread (up to 100 ms on the shared development machine, the window doing nothing).
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() runs for the reader threads' events too: only the UI thread's count.
        if (QThread::currentThread() != thread() || m_depth > 0 || !m_measuring)
            return QApplication::notify(receiver, event);
        QElapsedTimer clock;
        clock.start();
        const bool handled = nested(receiver, event);
        m_longest = std::max(m_longest, double(clock.nsecsElapsed()) / 1e6);
        return handled;
    }
    // Starts measuring anew; longestMs() is the longest event handled since.
    void measure(bool on)
    {
        m_measuring = on;
        m_longest = 0;
    }
    double longestMs() const { return m_longest; }

private:
    bool nested(QObject *receiver, QEvent *event)
    {
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        return handled;
    }
    int m_depth = 0;
    bool m_measuring = false;
    double m_longest = 0;
};

// Prints "painted RSS_MB" once the widget has painted, then quits.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(std::function<bool()> ready)
        : m_ready(std::move(ready))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_ready()) {
            m_done = true;
            QTimer::singleShot(0, qApp, [] {
                std::printf("painted %.1f\n", residentMb());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_ready;
    bool m_done = false;
};

// --child window HOME | --child empty: one cold start, reported on standard output.
int child(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.value(2) == u"empty") {
        QWidget window;
        window.resize(1280, 800);
        FirstPaint painted([] { return true; });
        window.installEventFilter(&painted);
        window.show();
        return app.exec();
    }
    installTranslations(app); // as pult's main() does, before any text is made
    const QString home = args.value(3);
    auto store = check(LocalStore::open(storePath(home)), "opening the store");
    MainWindow window(
        *store, home,
        std::make_unique<QSettings>(home + QStringLiteral("/window.ini"), QSettings::IniFormat));
    auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
    FirstPaint painted([&] { return window.ticketModel()->rowCount() > 0; });
    list->viewport()->installEventFilter(&painted);
    window.show();
    return app.exec();
}

struct ColdStart
{
    double ms = 0;
    double rssMb = 0;
};

// A child started with `args` in the user interface language `language` (LANGUAGE).
ColdStart coldStart(const QStringList &args, const QString &language = QStringLiteral("en"))
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANGUAGE"), language);
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LC_MESSAGES"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(QCoreApplication::applicationFilePath(), args);
    if (!process.waitForReadyRead(60'000))
        die(QStringLiteral("the child did not paint: %1").arg(process.errorString()));
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    const QByteArray line = process.readLine().trimmed();
    process.waitForFinished(60'000);
    if (!line.startsWith("painted "))
        die(QStringLiteral("unexpected child output: %1").arg(QString::fromUtf8(line)));
    return {ms, line.mid(8).toDouble()};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0)
        return child(argc, argv);

    TimedApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pult desktop window benchmarks"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tickets"),
                      QStringLiteral("Tickets to generate (default 1000000)."), QStringLiteral("N"),
                      QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("dir"),
         QStringLiteral("Keep the generated profile in DIR and reuse it when it exists."),
         QStringLiteral("DIR")});
    parser.process(app);
    const qint64 tickets = parser.value(QStringLiteral("tickets")).toLongLong();

    QTemporaryDir temp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    const QString home = QDir(dir).filePath(QStringLiteral("ui-%1").arg(tickets));
    QDir().mkpath(home);
    const bool reuse = QFileInfo::exists(storePath(home));
    auto store = check(LocalStore::open(storePath(home)), "opening the store");
    std::printf("# %lld tickets in %s%s\n", static_cast<long long>(tickets),
                qPrintable(storePath(home)), reuse ? " (reused)" : "");
    if (!reuse) {
        DemoOptions options;
        options.tickets = tickets;
        options.progress = [](qint64 done, qint64 total) {
            std::fprintf(stderr, "\rgenerating: %lld / %lld", static_cast<long long>(done),
                         static_cast<long long>(total));
        };
        check(generateDemoData(*store, options), "generating the demo help desk");
        std::fprintf(stderr, "\n");
        check(store->checkpoint(), "checkpointing");
    }
    // Signed in as the first agent, as after `pultctl login`: "mine" views and local ops work.
    const QList<Agent> agents = check(store->agents(), "reading the agents");
    check(store->setCurrentAgent(agents.first().id), "choosing the agent");
    // Set up as the window's connection and the engine leave it: no checkpoints and no index
    // merges inside the window's writes.
    check(store->setAutoCheckpoint(0), "turning checkpoints off");
    check(store->setSearchAutomerge(false), "turning automatic index merges off");

    // 1. and 5. Cold start in fresh processes.
    std::vector<double> windowMs, polishMs, emptyMs;
    double windowRss = 0, emptyRss = 0;
    for (int i = 0; i < 5; ++i) {
        const QStringList window{QStringLiteral("--child"), QStringLiteral("window"), home};
        const ColdStart w = coldStart(window);
        const ColdStart pl = coldStart(window, QStringLiteral("pl"));
        const ColdStart e = coldStart({QStringLiteral("--child"), QStringLiteral("empty")});
        windowMs.push_back(w.ms);
        polishMs.push_back(pl.ms);
        emptyMs.push_back(e.ms);
        windowRss = std::max(windowRss, w.rssMb);
        emptyRss = std::max(emptyRss, e.rssMb);
    }
    report("ui.cold_start_ms", median(windowMs), "qt.empty_window_start_ms", median(emptyMs));
    report("ui.cold_start_pl_ms", median(polishMs), "ui.cold_start_ms", median(windowMs));

    MainWindow window(
        *store, home,
        std::make_unique<QSettings>(home + QStringLiteral("/window.ini"), QSettings::IniFormat));
    window.show();
    waitFor([&] { return settled(window); });
    auto *sidebar = window.findChild<QListView *>(QStringLiteral("sidebar"));
    auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
    ViewListModel *views = window.viewModel();

    // 2. Switching views.
    QList<QModelIndex> viewRows;
    for (int row = 0; row < views->rowCount(); ++row) {
        if (views->query(views->index(row)))
            viewRows.append(views->index(row));
    }
    std::vector<double> switches;
    double slowest = 0;
    QString slowestView;
    for (int round = 0; round < 3; ++round) {
        for (const QModelIndex &view : std::as_const(viewRows)) {
            const double ms = msOf([&] {
                sidebar->setCurrentIndex(view);
                waitFor([&] { return !window.ticketModel()->isLoading(); });
                list->viewport()->repaint();
            });
            switches.push_back(ms);
            if (ms > slowest) {
                slowest = ms;
                slowestView = view.data().toString();
            }
        }
    }
    std::vector<double> pages;
    TicketQuery all;
    all.limit = window.ticketModel()->pageSize();
    for (int i = 0; i < 15; ++i)
        pages.push_back(msOf([&] { check(store->listTickets(all), "a page"); }));
    std::printf("# %lld view switches; slowest %.2f ms (%s)\n",
                static_cast<long long>(switches.size()), slowest, qPrintable(slowestView));
    report("ui.switch_view_ms", median(switches), "store.list_page_ms", median(pages));

    // 3. Opening a long thread (alternating with a short one, so each open renders anew).
    auto stmt = check(store->database().prepare("SELECT ticket_id FROM messages GROUP BY ticket_id "
                                                "HAVING count(*) >= 200 LIMIT 1"),
                      "finding a long thread");
    if (!stmt->next())
        die(QStringLiteral("no ticket with 200 messages"));
    const QUuid longThread = QUuid::fromRfc4122(stmt->blob(0));
    const QUuid shortThread = window.ticketModel()->item(0).ticket.id;
    auto *browser = window.findChild<TicketPane *>(QStringLiteral("ticketPane"))->browser();
    std::vector<double> opens, loads;
    qsizetype messages = 0;
    for (int i = 0; i < 10; ++i) {
        window.openTicket(shortThread);
        opens.push_back(msOf([&] {
            window.openTicket(longThread);
            browser->viewport()->repaint();
        }));
        loads.push_back(msOf([&] {
            messages = check(loadTicketDetails(*store, longThread), "loading").messages.size();
        }));
    }
    std::printf("# %lld messages in the long thread\n", static_cast<long long>(messages));
    report("ui.open_ticket_ms", median(opens), "store.load_ticket_details_ms", median(loads));

    // 3b. Mail with HTML against the same mail as text: two tickets written for it (fixed ids,
    // so a reused profile has them once).
    const auto putMailThread = [&](const QString &name, bool html) {
        Ticket t = window.ticketModel()->item(0).ticket;
        t.id = QUuid::createUuidV5(QUuid(), name);
        t.number = html ? 9'000'001 : 9'000'002;
        t.subject = QStringLiteral("Invoice questions (%1)").arg(name);
        // Long ago: far from the top of the lists the other figures page through.
        t.created = t.updated = QDateTime(QDate(2020, 1, 6), QTime(9, 0), Qt::UTC);
        LocalStore::WriteBatch batch(*store);
        check(store->put(t), "writing a mail ticket");
        for (int m = 0; m < 30; ++m) {
            Message message;
            message.id = QUuid::createUuidV5(t.id, QString::number(m));
            message.ticketId = t.id;
            message.authorName = QStringLiteral("Jana Horvat");
            message.created = t.created.addSecs(60 * m);
            QString text =
                QStringLiteral("Dear support,\n\nthe invoice %1 lists these lines:\n").arg(m);
            QString markup = QStringLiteral("<div dir=\"ltr\"><p>Dear <b>support</b>,</p><p>the "
                                            "invoice %1 lists these lines:</p><table border=\"1\" "
                                            "cellpadding=\"4\"><tr><th>Item</th><th>Qty</th><th>"
                                            "Price</th><th>Total</th></tr>")
                                 .arg(m);
            for (int row = 0; row < 20; ++row) {
                text += QStringLiteral("Licence seat %1  1  12,90 EUR  12,90 EUR\n").arg(row);
                markup += QStringLiteral("<tr><td>Licence seat %1</td><td>1</td><td>12,90 EUR</td>"
                                         "<td style=\"color:#c00\">12,90 EUR</td></tr>")
                              .arg(row);
            }
            text += QStringLiteral("\n- the seats 4 to 9 were cancelled in March\n- the "
                                   "discount is missing\n\nKind regards,\nJana\n\nOn Monday, "
                                   "Ana wrote:\n> Please send us the invoice number.\n> Ana");
            markup += QStringLiteral(
                "</table><ul><li>the seats 4 to 9 were cancelled in March</li><li>the discount "
                "is <i>missing</i></li></ul><p>Kind regards,<br>Jana</p></div><!--pult-quote-->"
                "<div class=\"gmail_quote\"><div>On Monday, Ana wrote:</div><blockquote><p>"
                "Please send us the invoice number.</p><p>Ana</p></blockquote></div>");
            message.bodyText = text;
            if (html)
                message.bodyHtml = markup;
            check(store->put(message), "writing a mail");
        }
        check(batch.commit(), "committing the mail tickets");
        return t.id;
    };
    const QUuid htmlThread = putMailThread(QStringLiteral("html"), true);
    const QUuid textThread = putMailThread(QStringLiteral("text"), false);
    const auto medianOpen = [&](const QUuid &ticket) {
        std::vector<double> times;
        for (int i = 0; i < 10; ++i) {
            window.openTicket(shortThread);
            times.push_back(msOf([&] {
                window.openTicket(ticket);
                browser->viewport()->repaint();
            }));
        }
        return median(times);
    };
    const double htmlOpen = medianOpen(htmlThread);
    report("ui.open_html_mail_ms", htmlOpen, "ui.open_text_mail_ms", medianOpen(textThread));

    // 4. A local action: the status of the selected ticket, from the menu.
    sidebar->setCurrentIndex(views->allTicketsIndex());
    waitFor([&] { return settled(window); });
    list->setCurrentIndex(window.ticketModel()->index(0, 0));
    const QUuid target = window.ticketModel()->item(0).ticket.id;
    QAction *open = nullptr;
    QAction *pending = nullptr;
    for (QAction *action : window.allActions()) {
        if (action->objectName() == u"status-open")
            open = action;
        if (action->objectName() == u"status-pending")
            pending = action;
    }
    if (!open || !pending)
        die(QStringLiteral("no status actions"));
    SyncSession session(*store, home);
    std::vector<double> actions, submits;
    for (int i = 0; i < 40; ++i) {
        window.openTicket(target);
        QAction *action = i % 2 ? open : pending;
        actions.push_back(msOf([&] {
            action->trigger();
            waitFor([&] { return !window.ticketModel()->isLoading(); });
            list->viewport()->repaint();
        }));
        waitFor([&] { return settled(window); });
        submits.push_back(msOf([&] {
            check(session.submit(Op::setFields(
                      target, {{QStringLiteral("priority"),
                                i % 2 ? QStringLiteral("high") : QStringLiteral("low")}})),
                  "submit");
        }));
    }
    report("ui.local_action_ms", median(actions), "sync.submit_ms", median(submits));
    std::printf("# local action p99 %.2f ms\n", percentile(actions, 0.99));

    // 5. The UI thread while the store is busy.
    double idle = 0;
    {
        QTimer ticks; // something to handle
        ticks.start(1);
        app.measure(true);
        spin(1000);
        idle = app.longestMs();
        app.measure(false);
    }
    auto *bar = window.findChild<FilterBar *>(QStringLiteral("filterBar"));
    if (!bar)
        die(QStringLiteral("no filter bar"));
    double busy = 0;
    {
        // Everything happens inside the event loop, as it does for a user: one step every
        // 30 ms, keys posted as the window system would deliver them.
        std::vector<std::function<void()>> steps;
        steps.push_back([&] {
            window.refresh(); // what a sync round that changed tickets does
            bar->editor()->setFocus();
        });
        const auto press = [](QWidget *widget, int key, const QString &text) {
            QCoreApplication::postEvent(widget,
                                        new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier, text));
        };
        for (const QChar c : QStringLiteral("priority:urgent,high status:open,new"))
            steps.push_back([&, c] { press(bar->editor(), 0, QString(c)); });
        steps.push_back([&] { press(bar->editor(), Qt::Key_Return, {}); });
        steps.push_back([&] { list->setFocus(); });
        for (int i = 0; i < 10; ++i)
            steps.push_back([&] { press(list, Qt::Key_J, QStringLiteral("j")); });
        app.measure(true);
        QEventLoop loop;
        QTimer ticker;
        ticker.setInterval(30);
        std::size_t next = 0;
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            if (next < steps.size())
                steps[next++]();
            else
                loop.quit();
        });
        ticker.start();
        loop.exec();
        waitFor([&] { return settled(window); });
        busy = app.longestMs();
        app.measure(false);
    }
    if (!window.ticketModel()->isFiltering())
        die(QStringLiteral("the typed filter was not applied"));
    report("ui.longest_block_ms", busy, "qt.idle_longest_block_ms", idle);

    report("ui.rss_mb", windowRss, "qt.empty_window_rss_mb", emptyRss);

    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ReportRequest request;
        request.from = now.addDays(-30);
        request.to = now;
        request.now = now;
        auto counter = check(Sql::Database::open(storePath(home), Sql::Database::Mode::ReadOnly),
                             "opening a reader");
        Sql::Statement *countAll = check(counter->prepare("SELECT count(*) FROM tickets"), "count");
        std::vector<double> reports, counts;
        for (int i = 0; i < 5; ++i) {
            reports.push_back(msOf([&] { check(computeReport(*counter, request), "the report"); }));
            counts.push_back(msOf([&] {
                countAll->next();
                countAll->reset();
            }));
        }
        report("report.compute_ms", median(reports), "sqlite.count_tickets_ms", median(counts));

        // 8. The dashboard, opened from the View menu until its first chart is painted.
        ReportRequest backlog = request;
        backlog.backlogOnly = true;
        std::vector<double> dashboards, backlogs;
        QAction *open = nullptr;
        for (QAction *a : window.allActions()) {
            if (a->objectName() == u"dashboard")
                open = a;
        }
        if (!open || !open->isVisible())
            die(QStringLiteral("no View → Dashboard for this profile"));
        for (int i = 0; i < 5; ++i) {
            Dashboard *dashboard = nullptr;
            bool drawn = false;
            dashboards.push_back(msOf([&] {
                open->trigger();
                dashboard = window.findChild<Dashboard *>();
                if (!dashboard)
                    die(QStringLiteral("View → Dashboard opened no dashboard"));
                QObject::connect(dashboard, &Dashboard::backlogShown, [&] {
                    dashboard->findChild<QChartView *>(QStringLiteral("backlogChart"))
                        ->viewport()
                        ->repaint();
                    drawn = true;
                });
                waitFor([&] { return drawn; });
            }));
            waitFor([&] { return dashboard->complete(); }); // its reader is idle again
            dashboard->close();                             // deleted on close
            waitFor([&] { return !window.findChild<Dashboard *>(); });
            backlogs.push_back(
                msOf([&] { check(computeReport(*counter, backlog), "the backlog"); }));
        }
        report("ui.dashboard_open_ms", median(dashboards), "report.backlog_ms", median(backlogs));
    }
    return 0;
}
