// The lead's dashboard (ui/dashboard.h) over a generated help desk: the state now is drawn before
// the period's figures; every chart draws the report's figures; every bar opens a filter that
// selects exactly as many tickets as the bar counts (the filter language checked against the
// report, two independent paths over the same store); the pickers choose the period and the
// department; CSV and PDF exports, and an export that cannot be written; and the main window's
// View → Dashboard showing a bar's tickets in the inbox.

#include "dashboard.h"
#include "demodata.h"
#include "filterbar.h"
#include "filterquery.h"
#include "localstore.h"
#include "mainwindow.h"
#include "report.h"
#include "ticketlistmodel.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pult;

namespace {

// The bar sets of a chart, in the order they were added.
QList<QBarSet *> barSets(QChartView *view)
{
    const QList<QAbstractSeries *> series = view->chart()->series();
    if (series.size() != 1)
        return {};
    auto *bars = qobject_cast<QAbstractBarSeries *>(series.first());
    return bars ? bars->barSets() : QList<QBarSet *>();
}

QList<qreal> values(QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out.append(set->at(i));
    return out;
}

QList<qreal> asValues(const auto &numbers)
{
    QList<qreal> out;
    for (qint64 n : numbers)
        out.append(qreal(n));
    return out;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    QList<Department> m_departments;

    std::unique_ptr<Dashboard> open(QList<Department> departments, bool all)
    {
        auto dashboard = std::make_unique<Dashboard>(m_store->path(), departments, all);
        dashboard->show();
        QSignalSpy shown(dashboard.get(), &Dashboard::reportShown);
        if (!shown.wait(20000))
            return nullptr;
        return dashboard;
    }

    // The number of tickets a filter text selects in the store, or -1 when it does not compile.
    qint64 countOf(const QString &text)
    {
        auto context = m_store->filterContext(QDateTime::currentDateTimeUtc());
        if (!context.good())
            return -1;
        const FilterCompile compiled = compileFilter(text, *context);
        if (!compiled.good()) {
            qWarning() << text << compiled.error->message;
            return -1;
        }
        auto count = m_store->countFiltered(compiled.filter);
        return count.good() ? *count : -1;
    }

    // The filter a click on a bar asks the inbox to show.
    static QString chosen(QBarSet *set, int index, Dashboard *dashboard)
    {
        QSignalSpy requested(dashboard, &Dashboard::filterRequested);
        Q_EMIT set->clicked(index);
        return requested.size() == 1 ? requested.first().first().toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = LocalStore::open(m_dir.filePath(QStringLiteral("cache.db")));
        QVERIFY(store.good());
        m_store = std::move(*store);
        DemoOptions options;
        options.tickets = 3000;
        options.now = QDateTime::currentDateTimeUtc();
        QVERIFY(generateDemoData(*m_store, options).good());
        auto departments = m_store->departments();
        QVERIFY(departments.good());
        m_departments = *departments;
        QVERIFY(m_departments.size() >= 3);
    }

    void theStateNowIsDrawnFirst()
    {
        Dashboard dashboard(m_store->path(), m_departments, true);
        QStringList order;
        connect(&dashboard, &Dashboard::backlogShown, this, [&] {
            order.append(QStringLiteral("backlog"));
            QVERIFY(!dashboard.complete());
            // The first chart already shows the backlog.
            QCOMPARE(
                values(barSets(dashboard.findChild<QChartView *>(QStringLiteral("backlogChart")))
                           .value(0)),
                asValues(dashboard.report().backlog));
        });
        connect(&dashboard, &Dashboard::reportShown, this,
                [&] { order.append(QStringLiteral("report")); });
        dashboard.show();
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 20000);
        QCOMPARE(order, (QStringList{QStringLiteral("backlog"), QStringLiteral("report")}));
        QVERIFY(dashboard.complete());
        QVERIFY(dashboard.findChild<QPushButton *>(QStringLiteral("exportCsv"))->isEnabled());
    }

    void everyChartDrawsTheReport()
    {
        auto dashboard = open(m_departments, true);
        QVERIFY(dashboard);
        const Report &r = dashboard->report();
        QVERIFY(r.created > 0);
        QVERIFY(r.solved > 0);
        QCOMPARE(r.days.size(), 30);
        const auto chart = [&](const char *name) {
            return dashboard->findChild<QChartView *>(QLatin1String(name));
        };
        QCOMPARE(values(barSets(chart("backlogChart")).value(0)), asValues(r.backlog));
        QCOMPARE(values(barSets(chart("ageingChart")).value(0)), asValues(r.ageing));
        QList<qint64> created, solved;
        for (const ReportDay &d : r.days) {
            created.append(d.created);
            solved.append(d.solved);
        }
        const QList<QBarSet *> days = barSets(chart("daysChart"));
        QCOMPARE(days.size(), 2);
        QCOMPARE(values(days.at(0)), asValues(created));
        QCOMPARE(values(days.at(1)), asValues(solved));
        // Departments and agents: the first of the report on top (the last category).
        const QList<QBarSet *> departments = barSets(chart("departmentsChart"));
        QCOMPARE(departments.size(), 3);
        QCOMPARE(departments.at(0)->count(), r.departments.size());
        QCOMPARE(departments.at(0)->at(departments.at(0)->count() - 1),
                 qreal(r.departments.first().active));
        QCOMPARE(departments.at(1)->at(departments.at(1)->count() - 1),
                 qreal(r.departments.first().created));
        QCOMPARE(departments.at(2)->at(departments.at(2)->count() - 1),
                 qreal(r.departments.first().solved));
        const QList<QBarSet *> agents = barSets(chart("agentsChart"));
        QCOMPARE(agents.size(), 2);
        QVERIFY(!r.agents.isEmpty());
        QCOMPARE(agents.at(0)->at(agents.at(0)->count() - 1), qreal(r.agents.first().active));
        // The tiles.
        const auto tile = [&](const char *key) {
            return dashboard->findChild<QLabel *>(QStringLiteral("tile-") + QLatin1String(key))
                ->text();
        };
        QCOMPARE(tile("created"), QLocale().toString(r.created));
        QCOMPARE(tile("solved"), QLocale().toString(r.solved));
        QCOMPARE(tile("active"),
                 QLocale().toString(r.backlog[0] + r.backlog[1] + r.backlog[2] + r.backlog[3]));
    }

    // A bar's filter selects as many tickets as the bar counts: the report's SQL and the filter
    // language's, each written on its own, agree on every bar of every chart.
    void everyBarOpensItsTickets()
    {
        auto dashboard = open(m_departments, true);
        QVERIFY(dashboard);
        int bars = 0;
        for (const char *name :
             {"backlogChart", "ageingChart", "daysChart", "departmentsChart", "agentsChart"}) {
            auto *view = dashboard->findChild<QChartView *>(QLatin1String(name));
            const QList<QBarSet *> sets = barSets(view);
            QVERIFY2(!sets.isEmpty(), name);
            for (QBarSet *set : sets) {
                for (int i = 0; i < set->count(); ++i) {
                    const QString text = chosen(set, i, dashboard.get());
                    QVERIFY2(!text.isEmpty(), name);
                    QCOMPARE(countOf(text), qint64(set->at(i)));
                    ++bars;
                }
            }
        }
        QVERIFY(bars > 60);
    }

    void thePickersChooseWhatIsCounted()
    {
        auto dashboard = open(m_departments, true);
        QVERIFY(dashboard);
        QSignalSpy shown(dashboard.get(), &Dashboard::reportShown);

        // One department: its figures only, and its bars' filters name it.
        auto *department = dashboard->findChild<QComboBox *>(QStringLiteral("department"));
        const int billing = department->findText(m_departments.first().name);
        QVERIFY(billing > 0);
        department->setCurrentIndex(billing);
        QVERIFY(shown.wait(20000));
        QCOMPARE(dashboard->report().departments.size(), 1);
        QCOMPARE(dashboard->report().departments.first().id, m_departments.first().id);
        QVERIFY(dashboard->scopeFilter().startsWith(QStringLiteral("dept:\"")));
        auto *backlog = dashboard->findChild<QChartView *>(QStringLiteral("backlogChart"));
        QBarSet *statuses = barSets(backlog).value(0);
        QVERIFY(statuses);
        const QString open = chosen(statuses, 1, dashboard.get());
        QVERIFY2(open.startsWith(dashboard->scopeFilter()), qPrintable(open));
        QCOMPARE(countOf(open), qint64(statuses->at(1)));

        // Today, then a range of dates.
        auto *period = dashboard->findChild<QComboBox *>(QStringLiteral("period"));
        period->setCurrentIndex(period->findData(QStringLiteral("today")));
        QVERIFY(shown.wait(20000));
        QCOMPARE(dashboard->report().days.size(), 1);
        QCOMPARE(dashboard->report().days.first().day, QDate::currentDate());
        period->setCurrentIndex(period->findData(QString()));
        QVERIFY(shown.wait(20000));
        auto *from = dashboard->findChild<QDateEdit *>(QStringLiteral("from"));
        auto *to = dashboard->findChild<QDateEdit *>(QStringLiteral("to"));
        QVERIFY(from->isVisible() && to->isVisible());
        to->setDate(QDate::currentDate().addDays(-10));
        from->setDate(QDate::currentDate().addDays(-100));
        QVERIFY(shown.wait(20000));
        QCOMPARE(dashboard->report().days.size(), 91);
        QCOMPARE(dashboard->report().days.last().day, QDate::currentDate().addDays(-10));
        // 91 days are drawn in groups of two days, and a group's bar opens both days.
        auto *daysChart = dashboard->findChild<QChartView *>(QStringLiteral("daysChart"));
        QBarSet *created = barSets(daysChart).value(0);
        QCOMPARE(created->count(), 46);
        const QString twoDays = chosen(created, 0, dashboard.get());
        QVERIFY2(twoDays.contains(QStringLiteral("created>=")), qPrintable(twoDays));
        QCOMPARE(countOf(twoDays), qint64(created->at(0)));
    }

    // A lead's "All my departments" is their departments, named in the filters.
    void aLeadsDashboardCoversTheirDepartments()
    {
        const QList<Department> mine{m_departments.at(0), m_departments.at(1)};
        auto dashboard = open(mine, false);
        QVERIFY(dashboard);
        QCOMPARE(dashboard->report().departments.size(), 2);
        auto *department = dashboard->findChild<QComboBox *>(QStringLiteral("department"));
        QCOMPARE(department->count(), 3);
        QVERIFY(dashboard->scopeFilter().contains(u','));
        auto *backlog = dashboard->findChild<QChartView *>(QStringLiteral("backlogChart"));
        QBarSet *statuses = barSets(backlog).value(0);
        for (int i = 0; i < statuses->count(); ++i)
            QCOMPARE(countOf(chosen(statuses, i, dashboard.get())), qint64(statuses->at(i)));
    }

    void exports()
    {
        auto dashboard = open(m_departments, true);
        QVERIFY(dashboard);
        const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
        QVERIFY(dashboard->exportCsv(csv).good());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray written = csvFile.readAll();
        QCOMPARE(written, reportCsv(dashboard->report()));
        QVERIFY(written.startsWith("figure,key,value\r\n"));
        const QByteArray createdRow =
            "\r\ncreated,," + QByteArray::number(dashboard->report().created) + "\r\n";
        QVERIFY(written.contains(createdRow));

        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(dashboard->exportPdf(pdf).good());
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray document = pdfFile.readAll();
        QVERIFY(document.startsWith("%PDF-"));
        QVERIFY(document.size() > 10000); // the charts are in it
        QVERIFY(document.trimmed().endsWith("%%EOF"));

        // A folder that does not exist: a clear error, nothing left behind.
        const QString nowhere = m_dir.filePath(QStringLiteral("missing/report"));
        const Status csvError = dashboard->exportCsv(nowhere + QStringLiteral(".csv"));
        QCOMPARE(csvError.code(), Status::IoError);
        QVERIFY2(csvError.message().contains(QStringLiteral("missing")),
                 qPrintable(csvError.message()));
        QCOMPARE(dashboard->exportPdf(nowhere + QStringLiteral(".pdf")).code(), Status::IoError);
        QVERIFY(!QFile::exists(nowhere + QStringLiteral(".csv")));
    }

    // A department's goals: each tile says whether its goal is reached, and the goals chart
    // draws the share within each time goal per day against the goal.
    void goalsAreReachedOrMissed()
    {
        Department billing = m_departments.first();
        const Department before = billing;
        billing.goals = QStringLiteral("first_response 99% within 1m; resolution 50% within 2d; "
                                       "csat 1");
        QVERIFY(m_store->put(billing).good());
        QList<Department> departments = m_departments;
        departments.first() = billing;
        auto dashboard = open(departments, true);
        QVERIFY(dashboard);
        const auto label = [&](const char *name) {
            return dashboard->findChild<QLabel *>(QLatin1String(name));
        };
        auto *goalsChart = dashboard->findChild<QChartView *>(QStringLiteral("goalsChart"));
        // All departments: whose goals? None shown.
        QVERIFY(!label("goal-resolution")->isVisibleTo(dashboard.get()));
        QVERIFY(!goalsChart->isVisibleTo(dashboard.get()));

        QSignalSpy shown(dashboard.get(), &Dashboard::reportShown);
        auto *department = dashboard->findChild<QComboBox *>(QStringLiteral("department"));
        department->setCurrentIndex(department->findText(billing.name));
        QVERIFY(shown.wait(20000));
        const Report &r = dashboard->report();
        const Durations::Share resolved = r.resolution.within(2 * 86400);
        QVERIFY(resolved.of > 0);
        QVERIFY(label("goal-resolution")->isVisibleTo(dashboard.get()));
        QVERIFY2(
            label("goal-resolution")->text().startsWith(QStringLiteral("Goal 50 % within 2 d: ")),
            qPrintable(label("goal-resolution")->text()));
        QCOMPARE(label("goal-resolution")->property("reached").toBool(),
                 resolved.met * 2 >= resolved.of);
        // Nobody answers 99 % within a minute; everyone reaches an average of 1.
        QCOMPARE(label("goal-firstResponse")->property("reached").toBool(), false);
        QCOMPARE(label("goal-csat")->property("reached").toBool(), true);
        QVERIFY(label("goal-firstResponse")->palette().color(QPalette::WindowText) !=
                label("goal-csat")->palette().color(QPalette::WindowText));

        QVERIFY(goalsChart->isVisibleTo(dashboard.get()));
        const QList<QAbstractSeries *> series = goalsChart->chart()->series();
        QCOMPARE(series.size(), 6); // each goal: the shares (or ratings) and the goal's line
        auto *resolution = qobject_cast<QLineSeries *>(series.at(2));
        auto *target = qobject_cast<QLineSeries *>(series.at(3));
        QVERIFY(resolution && target);
        QCOMPARE(target->at(0).y(), 50.0);
        QVERIFY(resolution->count() > 0);
        const QPointF point = resolution->at(0);
        const int day = qRound(point.x()); // one day a category over 30 days
        const Durations::Share thatDay = r.resolution.within(2 * 86400, day, day);
        QCOMPARE(point.y(), 100.0 * double(thatDay.met) / double(thatDay.of));
        // The point opens the day's solved tickets, as the solved bar of that day does.
        QSignalSpy requested(dashboard.get(), &Dashboard::filterRequested);
        Q_EMIT resolution->clicked(point);
        QCOMPARE(requested.size(), 1);
        auto *daysChart = dashboard->findChild<QChartView *>(QStringLiteral("daysChart"));
        QCOMPARE(requested.first().first().toString(),
                 chosen(barSets(daysChart).at(1), day, dashboard.get()));
        QCOMPARE(countOf(requested.first().first().toString()), thatDay.of);

        // Satisfaction: each point the average rating of its day's solved tickets, against the
        // goal; a point opens the day's rated tickets.
        auto *satisfaction = qobject_cast<QLineSeries *>(series.at(4));
        auto *csatGoal = qobject_cast<QLineSeries *>(series.at(5));
        QVERIFY(satisfaction && csatGoal);
        QCOMPARE(csatGoal->at(0).y(), 1.0);
        QVERIFY(satisfaction->count() > 0);
        const QPointF rated = satisfaction->at(satisfaction->count() - 1);
        const int ratedDay = qRound(rated.x());
        const ReportDay &d = r.days.at(ratedDay);
        QVERIFY(d.csatRatings > 0);
        QCOMPARE(rated.y(), double(d.csatStars) / double(d.csatRatings));
        requested.clear();
        Q_EMIT satisfaction->clicked(rated);
        QCOMPARE(requested.size(), 1);
        const QString ratedFilter = requested.first().first().toString();
        QVERIFY2(ratedFilter.endsWith(u" csat>=1"), qPrintable(ratedFilter));
        QCOMPARE(countOf(ratedFilter), d.csatRatings);
        qint64 stars = 0;
        for (int n = 1; n <= 5; ++n)
            stars += n * countOf(ratedFilter + QStringLiteral(" csat:%1").arg(n));
        QCOMPARE(stars, d.csatStars);

        QVERIFY(m_store->put(before).good());
    }

    // View → Dashboard in the main window of a profile nobody signed in to; a bar's tickets
    // become the inbox's filter.
    void aBarFiltersTheInbox()
    {
        QTemporaryDir dir;
        MainWindow window(*m_store, dir.path(),
                          std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")),
                                                      QSettings::IniFormat));
        window.show();
        QAction *action = nullptr;
        for (QAction *a : window.allActions()) {
            if (a->objectName() == u"dashboard")
                action = a;
        }
        QVERIFY(action);
        QVERIFY(action->isVisible());
        action->trigger();
        auto *dashboard = window.findChild<Dashboard *>();
        QVERIFY(dashboard);
        QVERIFY(dashboard->isVisible());
        QSignalSpy shown(dashboard, &Dashboard::reportShown);
        QVERIFY(dashboard->complete() || shown.wait(20000));
        auto *ageing = dashboard->findChild<QChartView *>(QStringLiteral("ageingChart"));
        QBarSet *ages = barSets(ageing).value(0);
        QVERIFY(ages);
        Q_EMIT ages->clicked(4); // 30 days or more
        const QString text = window.ticketModel()->filterText();
        QVERIFY2(text.contains(QStringLiteral("created>=30d")), qPrintable(text));
        QCOMPARE(window.findChild<FilterBar *>(QStringLiteral("filterBar"))->text(), text);
        TicketListModel *list = window.ticketModel();
        QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading(), 10000);
        while (list->canLoadMore()) {
            list->loadMore();
            QTRY_VERIFY_WITH_TIMEOUT(!list->isFetching(), 10000);
        }
        QVERIFY(ages->at(4) > 0);
        QCOMPARE(list->rowCount(), int(ages->at(4)));
        // Triggered again, the same window comes to the front.
        action->trigger();
        QCOMPARE(window.findChildren<Dashboard *>().size(), 1);
    }

    // Two agents of one name: each has a bar of their own, labelled with their address, whose
    // filter selects their tickets only. (Last: it renames an agent in the store.)
    void agentsOfOneNameAreToldApart()
    {
        auto before = open(m_departments, true);
        QVERIFY(before);
        const QList<ReportAgent> busiest = before->report().agents;
        QVERIFY(busiest.size() >= 2);
        auto agents = m_store->agents();
        QVERIFY(agents.good());
        const auto second = std::find_if(agents->cbegin(), agents->cend(),
                                         [&](const Agent &a) { return a.id == busiest.at(1).id; });
        QVERIFY(second != agents->cend());
        Agent twin = *second;
        twin.name = busiest.at(0).name;
        QVERIFY(m_store->put(twin).good());

        auto dashboard = open(m_departments, true);
        QVERIFY(dashboard);
        auto *view = dashboard->findChild<QChartView *>(QStringLiteral("agentsChart"));
        const QList<QBarSet *> sets = barSets(view);
        QCOMPARE(sets.size(), 2);
        auto *axis = qobject_cast<QBarCategoryAxis *>(view->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(axis);
        const QStringList labels = axis->categories();
        for (const ReportAgent &a : busiest.mid(0, 2)) {
            const QString label = QStringLiteral("%1 <%2>").arg(busiest.at(0).name, a.email);
            const qsizetype i = labels.indexOf(label.toHtmlEscaped());
            QVERIFY2(i >= 0, qPrintable(labels.join(u'|')));
            const QString text = chosen(sets.at(0), int(i), dashboard.get());
            QVERIFY2(text.contains(a.email), qPrintable(text));
            QCOMPARE(countOf(text), qint64(sets.at(0)->at(int(i))));
            QCOMPARE(qint64(sets.at(0)->at(int(i))), a.active);
        }
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
