#include "dashboard.h"

#include "displaytext.h"
#include "filter.h"
#include "goals.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QShortcut>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Pult {

namespace {

constexpr const char *kActive = "status:new,open,pending,on-hold";
constexpr const char *kSolved = "status:solved,closed";
constexpr int kMaxCategories = 60; // more days than this are drawn in groups of days
constexpr int kMaxAgents = 12;

QString dateText(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

// The chart of a view without its series and axes, to be drawn anew.
QChart *emptied(QChartView *view)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    return chart;
}

// A tick step for counts up to `max`: 1, 2 or 5 times a power of ten, about five ticks.
double tickStep(double max)
{
    const double raw = std::max(1.0, max / 5.0);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0}) {
        if (factor * power >= raw)
            return factor * power;
    }
    return 10.0 * power;
}

} // namespace

// One chart's bars: categories along an axis, one or more sets of values, and for each set the
// filter selecting the tickets behind a bar.
struct Dashboard::Bars
{
    QString title;
    QStringList categories;
    // What a set counts, one colour each in every chart.
    enum Kind { Active, Created, Solved };
    struct Set
    {
        Kind kind;
        QString name;
        QList<qreal> values;
        std::function<QString(int)> filter;
    };
    QList<Set> sets;
    bool horizontal = false;
};

Dashboard::Dashboard(const QString &storePath, QList<Department> departments, bool allDepartments,
                     QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_departments(std::move(departments))
    , m_allDepartments(allDepartments)
    , m_reader(std::make_unique<StoreReader>(storePath, QStringLiteral("pult-dashboard")))
{
    setObjectName(QStringLiteral("dashboard"));
    setWindowTitle(tr("Dashboard"));
    resize(1100, 820);

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("period"));
    m_period->addItem(tr("Today"), QStringLiteral("today"));
    m_period->addItem(tr("Last 7 days"), QStringLiteral("7d"));
    m_period->addItem(tr("Last 30 days"), QStringLiteral("30d"));
    m_period->addItem(tr("Dates…"), QString());
    m_period->setCurrentIndex(2);
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-29), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setVisible(false);
    }
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    m_to->setMinimumDate(m_from->date());

    m_department = new QComboBox(this);
    m_department->setObjectName(QStringLiteral("department"));
    m_department->addItem(m_allDepartments ? tr("All departments") : tr("All my departments"));
    std::sort(m_departments.begin(), m_departments.end(),
              [](const Department &a, const Department &b) {
                  return QString::localeAwareCompare(a.name, b.name) < 0;
              });
    for (const Department &d : std::as_const(m_departments))
        m_department->addItem(d.name, d.id);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("state"));
    m_csv = new QPushButton(tr("Export &CSV…"), this);
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_pdf = new QPushButton(tr("Export &PDF…"), this);
    m_pdf->setObjectName(QStringLiteral("exportPdf"));
    auto *reloadButton = new QPushButton(tr("&Reload"), this);
    reloadButton->setObjectName(QStringLiteral("reload"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period:"), this));
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Department:"), this));
    bar->addWidget(m_department);
    bar->addSpacing(12);
    bar->addWidget(m_state, 1);
    bar->addWidget(reloadButton);
    bar->addWidget(m_csv);
    bar->addWidget(m_pdf);

    // The tiles: one figure each, with what it means under it.
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("content"));
    m_content->setAutoFillBackground(true);
    auto *tiles = new QGridLayout;
    tiles->setSpacing(8);
    const std::pair<const char *, const char *> tileNames[] = {
        {"active", QT_TR_NOOP("Active now")},
        {"created", QT_TR_NOOP("Created")},
        {"solved", QT_TR_NOOP("Solved")},
        {"reopened", QT_TR_NOOP("Reopened")},
        {"firstResponse", QT_TR_NOOP("First response")},
        {"resolution", QT_TR_NOOP("Resolution")},
        {"sla", QT_TR_NOOP("SLA met")},
        {"csat", QT_TR_NOOP("Satisfaction")},
    };
    int column = 0;
    for (const auto &[key, title] : tileNames) {
        auto *tile = new QFrame(m_content);
        tile->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(tile);
        auto *name = new QLabel(tr(title), tile);
        auto *value = new QLabel(QStringLiteral("…"), tile);
        value->setObjectName(QStringLiteral("tile-") + QLatin1String(key));
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.7);
        big.setBold(true);
        value->setFont(big);
        auto *detail = new QLabel(tile);
        detail->setObjectName(QStringLiteral("detail-") + QLatin1String(key));
        detail->setForegroundRole(QPalette::PlaceholderText);
        auto *goal = new QLabel(tile); // the department's goal, green when reached, else red
        goal->setObjectName(QStringLiteral("goal-") + QLatin1String(key));
        goal->setVisible(false);
        layout->addWidget(name);
        layout->addWidget(value);
        layout->addWidget(detail);
        layout->addWidget(goal);
        tiles->addWidget(tile, column / 4, column % 4);
        ++column;
    }

    const auto chartView = [this](const char *name) {
        auto *view = new QChartView(new QChart, m_content);
        view->setObjectName(QLatin1String(name));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(260);
        view->chart()->legend()->setAlignment(Qt::AlignBottom);
        m_charts.append(view);
        return view;
    };
    m_backlogChart = chartView("backlogChart");
    m_ageingChart = chartView("ageingChart");
    m_daysChart = chartView("daysChart");
    m_goalsChart = chartView("goalsChart");
    m_goalsChart->setVisible(false);
    m_departmentsChart = chartView("departmentsChart");
    m_agentsChart = chartView("agentsChart");
    auto *charts = new QGridLayout;
    charts->addWidget(m_backlogChart, 0, 0);
    charts->addWidget(m_ageingChart, 0, 1);
    charts->addWidget(m_daysChart, 1, 0, 1, 2);
    charts->addWidget(m_goalsChart, 2, 0, 1, 2);
    charts->addWidget(m_departmentsChart, 3, 0, 1, 2);
    charts->addWidget(m_agentsChart, 4, 0, 1, 2);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->addLayout(tiles);
    contentLayout->addLayout(charts);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_content);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
    applyTheme();

    auto *dates = new QTimer(this); // typing a date: one reload once it pauses
    dates->setSingleShot(true);
    dates->setInterval(300);
    connect(dates, &QTimer::timeout, this, &Dashboard::reload);
    connect(m_from, &QDateEdit::dateChanged, this, [this, dates](QDate from) {
        m_to->setMinimumDate(from);
        dates->start();
    });
    connect(m_to, &QDateEdit::dateChanged, dates, qOverload<>(&QTimer::start));
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool range = m_period->currentData().toString().isEmpty();
        m_from->setVisible(range);
        m_to->setVisible(range);
        reload();
    });
    connect(m_department, &QComboBox::currentIndexChanged, this, &Dashboard::reload);
    auto *every = new QTimer(this); // a dashboard left open on a second screen keeps up
    every->setInterval(std::chrono::minutes(5));
    connect(every, &QTimer::timeout, this, [this] {
        if (isVisible())
            reload();
    });
    every->start();
    connect(reloadButton, &QPushButton::clicked, this, &Dashboard::reload);
    connect(new QShortcut(QKeySequence::Refresh, this), &QShortcut::activated, this,
            &Dashboard::reload);
    connect(m_csv, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("csv")); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { exportAs(QStringLiteral("pdf")); });
    reload();
}

Dashboard::~Dashboard() = default;

QString Dashboard::periodText() const
{
    const QString period = m_period->currentData().toString();
    if (!period.isEmpty())
        return period;
    return dateText(m_from->date()) + QStringLiteral("..") + dateText(m_to->date());
}

void Dashboard::reload()
{
    auto request =
        reportPeriod(periodText(), QDateTime::currentDateTimeUtc(), QTimeZone::systemTimeZone());
    if (!request.good()) { // from the date fields: real dates, FROM not after TO, so too far apart
        showState(tr("Choose dates at most ten years apart."));
        return;
    }
    m_request = *request;
    if (const QUuid id = m_department->currentData().toUuid(); !id.isNull()) {
        m_request.departments = {id};
    } else if (!m_allDepartments) {
        for (const Department &d : std::as_const(m_departments))
            m_request.departments.append(d.id);
    }
    m_complete = false;
    m_csv->setEnabled(false);
    m_pdf->setEnabled(false);
    showState(tr("Computing…"));
    // The period's tiles wait for the period's figures, never showing the last choice's.
    for (const char *key :
         {"created", "solved", "reopened", "firstResponse", "resolution", "sla", "csat"})
        setTile(QLatin1String(key), QStringLiteral("…"), {});
    compute(true);
    compute(false);
}

void Dashboard::compute(bool backlogOnly)
{
    ReportRequest request = m_request;
    request.backlogOnly = backlogOnly;
    m_reader->read<Result<Report>>(
        backlogOnly ? &m_backlogRequest : &m_periodRequest,
        [request](LocalStore &store) { return computeReport(store, request); },
        [this, backlogOnly](Result<Report> report) {
            if (!report.good()) {
                showState(tr("The figures cannot be computed: %1").arg(report.status().message()));
                return;
            }
            if (backlogOnly && m_complete)
                return; // the whole report came first (a reload while the backlog was waiting)
            m_report = std::move(*report);
            m_complete = !backlogOnly;
            showBacklog();
            if (backlogOnly) {
                Q_EMIT backlogShown();
                return;
            }
            showPeriod();
            showState(tr("Computed at %1 from the local data")
                          .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
            m_csv->setEnabled(true);
            m_pdf->setEnabled(true);
            Q_EMIT reportShown();
        });
}

QString Dashboard::scopeFilter() const
{
    QStringList names;
    for (const Department &d : std::as_const(m_departments)) {
        if (m_request.departments.contains(d.id))
            names.append(quotedFilterValue(d.name));
    }
    return names.isEmpty() ? QString() : QStringLiteral("dept:") + names.join(u',');
}

QString Dashboard::scopeName() const
{
    return m_department->currentText();
}

void Dashboard::showState(const QString &text)
{
    m_state->setText(text);
}

void Dashboard::showBacklog()
{
    const Report &r = m_report;
    const auto filter = [this](const QStringList &terms) {
        QStringList all{scopeFilter()};
        all += terms;
        all.append(QStringLiteral("-is:spam,merged"));
        all.removeAll(QString());
        return all.join(u' ');
    };

    const qint64 active = r.backlog[0] + r.backlog[1] + r.backlog[2] + r.backlog[3];
    setTile(QStringLiteral("active"), QLocale().toString(active),
            tr("%1 older than a week").arg(QLocale().toString(r.ageing[3] + r.ageing[4])));

    Bars backlog;
    backlog.title = tr("Active tickets by status");
    Bars::Set set{Bars::Active, tr("Tickets"), {}, {}};
    for (int s = 0; s < 4; ++s) {
        backlog.categories.append(DisplayText::status(TicketStatus(s)));
        set.values.append(qreal(r.backlog[std::size_t(s)]));
    }
    set.filter = [filter](int index) {
        return filter({QStringLiteral("status:") + toString(TicketStatus(index))});
    };
    backlog.sets = {set};
    setBars(m_backlogChart, backlog);

    Bars ageing;
    ageing.title = tr("Active tickets by age");
    ageing.categories = {tr("< 1 day"), tr("1–3 days"), tr("3–7 days"), tr("7–30 days"),
                         tr("> 30 days")};
    Bars::Set ages{Bars::Active, tr("Tickets"), {}, {}};
    for (qint64 n : r.ageing)
        ages.values.append(qreal(n));
    ages.filter = [filter](int index) {
        static const char *const bounds[] = {"1d", "3d", "7d", "30d"};
        QStringList terms{QLatin1String(kActive)};
        if (index > 0)
            terms.append(QStringLiteral("created>=") + QLatin1String(bounds[index - 1]));
        if (index < 4)
            terms.append(QStringLiteral("created<") + QLatin1String(bounds[index]));
        return filter(terms);
    };
    ageing.sets = {ages};
    setBars(m_ageingChart, ageing);

    // Departments and agents: active now, and once the period is in, created and solved in it.
    const QString first = r.days.isEmpty() ? QString() : dateText(r.days.first().day);
    const QString last = r.days.isEmpty() ? QString() : dateText(r.days.last().day);
    const auto inPeriod = [first, last](const char *field) {
        return QStringList{QStringLiteral("%1>=%2").arg(QLatin1String(field), first),
                           QStringLiteral("%1<=%2").arg(QLatin1String(field), last)};
    };
    Bars departments;
    departments.title = tr("Departments");
    departments.horizontal = true;
    Bars::Set deptActive{Bars::Active, tr("Active now"), {}, {}};
    Bars::Set deptCreated{Bars::Created, tr("Created"), {}, {}};
    Bars::Set deptSolved{Bars::Solved, tr("Solved"), {}, {}};
    QStringList deptTerms;
    for (auto d = r.departments.crbegin(); d != r.departments.crend(); ++d) { // the first on top
        departments.categories.append(d->name);
        deptTerms.append(QStringLiteral("dept:") + quotedFilterValue(d->name));
        deptActive.values.append(qreal(d->active));
        deptCreated.values.append(qreal(d->created));
        deptSolved.values.append(qreal(d->solved));
    }
    deptActive.filter = [=](int i) { return filter({deptTerms.at(i), QLatin1String(kActive)}); };
    deptCreated.filter = [=](int i) {
        return filter(QStringList{deptTerms.at(i)} + inPeriod("created"));
    };
    deptSolved.filter = [=](int i) {
        return filter(QStringList{deptTerms.at(i), QLatin1String(kSolved)} + inPeriod("solved"));
    };
    departments.sets = {deptActive};
    if (m_complete)
        departments.sets += {deptCreated, deptSolved};
    setBars(m_departmentsChart, departments);

    Bars agents;
    agents.title = tr("Agents");
    agents.horizontal = true;
    Bars::Set agentActive{Bars::Active, tr("Active now"), {}, {}};
    Bars::Set agentSolved{Bars::Solved, tr("Solved"), {}, {}};
    QStringList agentTerms;
    const qsizetype shown = std::min<qsizetype>(r.agents.size(), kMaxAgents);
    // Agents who share a name are told apart by their address, in the label and the filter
    // (the chart's categories are its keys, and assignee:NAME would select both).
    QHash<QString, int> named;
    for (const ReportAgent &a : r.agents)
        ++named[a.name];
    for (qsizetype i = shown - 1; i >= 0; --i) { // the busiest on top
        const ReportAgent &a = r.agents.at(i);
        const bool shared = named.value(a.name) > 1 && !a.email.isEmpty();
        agents.categories.append(a.name.isEmpty() ? tr("(unknown agent)")
                                 : shared         ? QStringLiteral("%1 <%2>").arg(a.name, a.email)
                                                  : a.name);
        agentTerms.append(a.name.isEmpty() ? QString()
                                           : QStringLiteral("assignee:") +
                                                 quotedFilterValue(shared ? a.email : a.name));
        agentActive.values.append(qreal(a.active));
        agentSolved.values.append(qreal(a.solved));
    }
    // An agent the store has no name for (not synced yet) has no filter to open.
    agentActive.filter = [=](int i) {
        return agentTerms.at(i).isEmpty() ? QString()
                                          : filter({agentTerms.at(i), QLatin1String(kActive)});
    };
    agentSolved.filter = [=](int i) {
        return agentTerms.at(i).isEmpty()
                   ? QString()
                   : filter(QStringList{agentTerms.at(i), QLatin1String(kSolved)} +
                            inPeriod("solved"));
    };
    agents.sets = {agentActive};
    if (m_complete)
        agents.sets += {agentSolved};
    setBars(m_agentsChart, agents);
}

void Dashboard::showPeriod()
{
    const Report &r = m_report;
    const QLocale locale;
    setTile(QStringLiteral("created"), locale.toString(r.created), {});
    setTile(QStringLiteral("solved"), locale.toString(r.solved), {});
    setTile(QStringLiteral("reopened"), locale.toString(r.reopened),
            r.solved > 0
                ? tr("%1 % of the solved")
                      .arg(locale.toString(100.0 * double(r.reopened) / double(r.solved), 'f', 1))
                : QString());
    const auto durations = [this](const QString &key, const Durations &d) {
        if (d.count == 0) {
            setTile(key, QStringLiteral("–"), tr("none in the period"));
            return;
        }
        setTile(key, DisplayText::duration(*d.medianSeconds),
                tr("median; 90 % within %1").arg(DisplayText::duration(*d.p90Seconds)));
    };
    durations(QStringLiteral("firstResponse"), r.firstResponse);
    durations(QStringLiteral("resolution"), r.resolution);
    const auto percent = [&locale](const Attainment &a) {
        return a.due > 0 ? locale.toString(100.0 * double(a.met) / double(a.due), 'f', 1) +
                               QStringLiteral(" %")
                         : QStringLiteral("–");
    };
    setTile(QStringLiteral("sla"), percent(r.resolutionSla),
            tr("resolution; first response %1").arg(percent(r.firstResponseSla)));
    setTile(QStringLiteral("csat"),
            r.csatAverage ? locale.toString(*r.csatAverage, 'f', 2) : QStringLiteral("–"),
            // Two numerus entries, as DisplayText::ticketCount, so English reads right without
            // a catalogue.
            r.csatRatings == 1 ? tr("of 5, %Ln rating", nullptr, 1)
                               : tr("of 5, %Ln ratings", nullptr, int(r.csatRatings)));

    // Created and solved per day, in groups of days when the period is long.
    const int group = std::max(1, int((r.days.size() + kMaxCategories - 1) / kMaxCategories));
    Bars days;
    days.title = group == 1 ? tr("Created and solved per day")
                            : tr("Created and solved per %Ln days", nullptr, group);
    Bars::Set created{Bars::Created, tr("Created"), {}, {}};
    Bars::Set solved{Bars::Solved, tr("Solved"), {}, {}};
    QList<std::pair<QDate, QDate>> spans;
    for (qsizetype i = 0; i < r.days.size(); i += group) {
        const qsizetype end = std::min<qsizetype>(i + group, r.days.size());
        qint64 c = 0;
        qint64 s = 0;
        for (qsizetype j = i; j < end; ++j) {
            c += r.days.at(j).created;
            s += r.days.at(j).solved;
        }
        spans.append({r.days.at(i).day, r.days.at(end - 1).day});
        days.categories.append(locale.toString(r.days.at(i).day, QStringLiteral("d MMM")) +
                               (r.days.size() > 300
                                    ? QStringLiteral(" ") + QString::number(r.days.at(i).day.year())
                                    : QString()));
        created.values.append(qreal(c));
        solved.values.append(qreal(s));
    }
    const QString scope = scopeFilter();
    const auto dayFilter = [scope, spans](const QString &field, const QString &status) {
        return [=](int i) {
            const auto &[from, to] = spans.at(i);
            QStringList terms{scope, status};
            if (from == to)
                terms.append(field + u':' + dateText(from));
            else
                terms << field + QStringLiteral(">=") + dateText(from)
                      << field + QStringLiteral("<=") + dateText(to);
            terms.append(QStringLiteral("-is:spam,merged"));
            terms.removeAll(QString());
            return terms.join(u' ');
        };
    };
    created.filter = dayFilter(QStringLiteral("created"), QString());
    solved.filter = dayFilter(QStringLiteral("solved"), QLatin1String(kSolved));
    days.sets = {created, solved};
    setBars(m_daysChart, days);
    showGoals(days.categories, spans, created.filter, solved.filter);
}

std::optional<Goals> Dashboard::scopeGoals() const
{
    // One department's goals: the one chosen, or a lead's only one.
    const QList<QUuid> &scope = m_request.departments;
    for (const Department &d : std::as_const(m_departments)) {
        if ((scope.size() == 1 && scope.first() == d.id) ||
            (scope.isEmpty() && m_departments.size() == 1)) {
            auto goals = Goals::parse(d.goals); // pultd checked it
            return goals.good() && !goals->isEmpty() ? std::optional<Goals>(*goals) : std::nullopt;
        }
    }
    return std::nullopt;
}

void Dashboard::showGoals(const QStringList &categories,
                          const QList<std::pair<QDate, QDate>> &spans,
                          const std::function<QString(int)> &createdFilter,
                          const std::function<QString(int)> &solvedFilter)
{
    const Report &r = m_report;
    const QLocale locale;
    const std::optional<Goals> goals = scopeGoals();
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const auto show = [&](const char *key, const QString &text, std::optional<bool> reached) {
        auto *label = m_content->findChild<QLabel *>(QStringLiteral("goal-") + QLatin1String(key));
        label->setText(text);
        label->setVisible(!text.isEmpty());
        label->setProperty("reached", reached ? QVariant(*reached) : QVariant());
        QPalette colours = palette();
        if (reached)
            colours.setColor(QPalette::WindowText,
                             *reached
                                 ? (dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32))
                                 : (dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28)));
        label->setPalette(colours);
    };
    const auto timeGoal = [&](const char *key, const std::optional<TimeGoal> &goal,
                              const Durations &d) {
        if (!goal) {
            show(key, {}, std::nullopt);
            return;
        }
        const Durations::Share share = d.within(goal->seconds);
        show(key,
             tr("Goal %1 % within %2: %3")
                 .arg(goal->percent)
                 .arg(DisplayText::duration(goal->seconds),
                      share.of > 0
                          ? locale.toString(100.0 * double(share.met) / double(share.of), 'f', 1) +
                                QStringLiteral(" %")
                          : QStringLiteral("–")),
             goal->reachedBy(share.met, share.of));
    };
    timeGoal("firstResponse", goals ? goals->firstResponse : std::nullopt, r.firstResponse);
    timeGoal("resolution", goals ? goals->resolution : std::nullopt, r.resolution);
    if (goals && goals->csat)
        show("csat", tr("Goal at least %1").arg(locale.toString(*goals->csat, 'f', 1)),
             r.csatAverage ? std::optional<bool>(*r.csatAverage >= *goals->csat) : std::nullopt);
    else
        show("csat", {}, std::nullopt);

    // Per day (or group of days), the share within each time goal and the satisfaction, each
    // with its goal as a dashed line.
    const bool drawn = goals && (goals->firstResponse || goals->resolution || goals->csat);
    m_goalsChart->setVisible(drawn);
    QChart *chart = emptied(m_goalsChart);
    if (!drawn || r.days.isEmpty())
        return;
    chart->setTitle(goals->csat ? tr("Goals: the share within the time, and satisfaction")
                                : tr("Goals: the share within the time"));
    auto *x = new QBarCategoryAxis;
    for (const QString &category : categories)
        x->append(category.toHtmlEscaped());
    if (categories.size() > 10)
        x->setLabelsAngle(-90);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(20);
    y->setLabelFormat(QStringLiteral("%d %"));
    chart->addAxis(x, Qt::AlignBottom);
    if (goals->firstResponse || goals->resolution)
        chart->addAxis(y, Qt::AlignLeft);
    else
        delete y;
    const QDate first = r.days.first().day;
    const auto line = [&](const std::optional<TimeGoal> &goal, const Durations &d,
                          const QString &name, const QColor &colour,
                          const std::function<QString(int)> &filter) {
        if (!goal)
            return;
        auto *shares = new QLineSeries;
        shares->setName(name.arg(DisplayText::duration(goal->seconds)));
        shares->setColor(colour);
        shares->setPointsVisible(true);
        for (qsizetype i = 0; i < spans.size(); ++i) {
            const Durations::Share share =
                d.within(goal->seconds, int(first.daysTo(spans[i].first)),
                         int(first.daysTo(spans[i].second)));
            if (share.of > 0)
                shares->append(qreal(i), 100.0 * double(share.met) / double(share.of));
        }
        auto *target = new QLineSeries;
        target->setName(tr("Goal: %1 %").arg(goal->percent));
        target->append(0, goal->percent);
        target->append(qreal(std::max<qsizetype>(spans.size() - 1, 1)), goal->percent);
        QPen dashed(colour, 2, Qt::DashLine);
        target->setPen(dashed);
        for (QLineSeries *series : {shares, target}) {
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        // A point opens the tickets it measures: the day's created (first response) or solved
        // (resolution) tickets.
        connect(shares, &QLineSeries::clicked, this,
                [this, filter, count = int(spans.size())](const QPointF &point) {
                    if (const int i = qRound(point.x()); i >= 0 && i < count)
                        Q_EMIT filterRequested(filter(i));
                });
    };
    line(goals->firstResponse, r.firstResponse, tr("First response within %1"),
         QColor(0x20, 0x9f, 0xdf), createdFilter);
    line(goals->resolution, r.resolution, tr("Resolution within %1"), QColor(0xf6, 0xa6, 0x25),
         solvedFilter);
    if (!goals->csat)
        return;
    // Satisfaction on its own axis, 1 to 5: the average rating of the tickets solved in each
    // span. A point opens those rated tickets.
    auto *stars = new QValueAxis;
    stars->setRange(1, 5);
    stars->setTickCount(5);
    stars->setLabelFormat(QStringLiteral("%.0f"));
    stars->setTitleText(tr("Rating"));
    chart->addAxis(stars, Qt::AlignRight);
    const QColor colour(0x99, 0xca, 0x53);
    auto *average = new QLineSeries;
    average->setName(tr("Satisfaction"));
    average->setColor(colour);
    average->setPointsVisible(true);
    for (qsizetype i = 0; i < spans.size(); ++i) {
        qint64 ratings = 0, sum = 0;
        for (int day = int(first.daysTo(spans[i].first));
             day <= int(first.daysTo(spans[i].second)) && day < r.days.size(); ++day) {
            ratings += r.days[day].csatRatings;
            sum += r.days[day].csatStars;
        }
        if (ratings > 0)
            average->append(qreal(i), double(sum) / double(ratings));
    }
    auto *target = new QLineSeries;
    target->setName(tr("Goal: at least %1").arg(locale.toString(*goals->csat, 'f', 1)));
    target->append(0, *goals->csat);
    target->append(qreal(std::max<qsizetype>(spans.size() - 1, 1)), *goals->csat);
    target->setPen(QPen(colour, 2, Qt::DashLine));
    for (QLineSeries *series : {average, target}) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(stars);
    }
    connect(average, &QLineSeries::clicked, this,
            [this, solvedFilter, count = int(spans.size())](const QPointF &point) {
                if (const int i = qRound(point.x()); i >= 0 && i < count)
                    Q_EMIT filterRequested(solvedFilter(i) + QStringLiteral(" csat>=1"));
            });
}

void Dashboard::setTile(const QString &key, const QString &value, const QString &caption)
{
    if (auto *label = m_content->findChild<QLabel *>(QStringLiteral("tile-") + key))
        label->setText(value);
    if (auto *label = m_content->findChild<QLabel *>(QStringLiteral("detail-") + key))
        label->setText(caption);
}

void Dashboard::setBars(QChartView *view, const Bars &bars)
{
    QChart *chart = emptied(view);
    chart->setTitle(bars.title);
    QAbstractBarSeries *series = bars.horizontal
                                     ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                     : static_cast<QAbstractBarSeries *>(new QBarSeries);
    // Qt Charts' light theme's first three colours, which read on a dark background as well.
    static const QColor colours[] = {QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53),
                                     QColor(0xf6, 0xa6, 0x25)};
    qreal max = 0;
    for (const Bars::Set &set : bars.sets) {
        auto *barSet = new QBarSet(set.name);
        barSet->append(set.values);
        barSet->setColor(colours[set.kind]);
        barSet->setBorderColor(colours[set.kind]);
        for (qreal v : set.values)
            max = std::max(max, v);
        series->append(barSet);
        connect(barSet, &QBarSet::clicked, this, [this, filter = set.filter](int index) {
            if (const QString text = filter(index); !text.isEmpty())
                Q_EMIT filterRequested(text);
        });
        const QStringList categories = bars.categories;
        connect(barSet, &QBarSet::hovered, view, [view, barSet, categories](bool on, int index) {
            view->setCursor(on ? Qt::PointingHandCursor : Qt::ArrowCursor);
            view->setToolTip(on ? tr("%1, %2: %3. Click to list the "
                                     "tickets.")
                                      .arg(categories.value(index), barSet->label(),
                                           QLocale().toString(qint64(barSet->at(index))))
                                : QString());
        });
    }
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    for (const QString &category : bars.categories) // axis labels are rich text: "< 1 day", "R&D"
        categories->append(category.toHtmlEscaped());
    if (!bars.horizontal && bars.categories.size() > 10)
        categories->setLabelsAngle(-90);
    auto *values = new QValueAxis;
    const double step = tickStep(max);
    values->setRange(0, std::max(step, std::ceil(max / step) * step));
    values->setTickType(QValueAxis::TicksDynamic);
    values->setTickAnchor(0);
    values->setTickInterval(step);
    values->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(categories, bars.horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, bars.horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(values);
    chart->legend()->setVisible(bars.sets.size() > 1);
    // Horizontal bars get the height their names need, so none is elided.
    if (bars.horizontal)
        view->setMinimumHeight(
            std::max(220, int(110 + 14 * bars.categories.size() * bars.sets.size())));
}

void Dashboard::applyTheme()
{
    const QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    for (QChartView *view : std::as_const(m_charts)) {
        view->chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        view->chart()->setBackgroundBrush(palette.color(QPalette::Base));
        view->setBackgroundBrush(palette.color(QPalette::Window));
    }
}

void Dashboard::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_charts.isEmpty()) {
        applyTheme();
        if (m_complete)
            showPeriod();
        showBacklog(); // a theme sets the series' colours when they are added
    }
}

void Dashboard::exportAs(const QString &suffix)
{
    const QString proposed =
        QStringLiteral("pult-report-%1-%2.%3")
            .arg(m_report.days.isEmpty() ? QString() : dateText(m_report.days.first().day),
                 m_report.days.isEmpty() ? QString() : dateText(m_report.days.last().day), suffix);
    const QString path = QFileDialog::getSaveFileName(
        this, suffix == u"csv" ? tr("Export the figures as CSV") : tr("Export the figures as PDF"),
        proposed, suffix == u"csv" ? tr("CSV files (*.csv)") : tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const Status written = suffix == u"csv" ? exportCsv(path) : exportPdf(path);
    showState(written.good() ? tr("Saved %1").arg(QDir::toNativeSeparators(path))
                             : written.message());
}

Status Dashboard::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(reportCsv(m_report)) < 0 || !file.commit())
        return Status(
            Status::IoError,
            tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

Status Dashboard::exportPdf(const QString &path)
{
    const QString title =
        tr("%1, %2 to %3")
            .arg(scopeName(), QLocale().toString(m_report.days.value(0).day),
                 QLocale().toString(m_report.days.value(m_report.days.size() - 1).day));
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Pult"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Status(Status::IoError,
                      tr("%1 cannot be written").arg(QDir::toNativeSeparators(path)));
    const QRect page = painter.viewport();
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    painter.setFont(font);
    const QRect titleRect = painter.boundingRect(page, Qt::AlignLeft | Qt::AlignTop, title);
    painter.drawText(page, Qt::AlignLeft | Qt::AlignTop, title);
    // The tiles and charts as on screen, scaled to what is left of the page.
    const QSize size = m_content->size();
    const double scale = std::min(double(page.width()) / size.width(),
                                  double(page.height() - titleRect.height() * 1.5) / size.height());
    painter.translate(0, titleRect.height() * 1.5);
    painter.scale(scale, scale);
    m_content->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    if (!painter.end())
        return Status(Status::IoError,
                      tr("%1 cannot be written").arg(QDir::toNativeSeparators(path)));
    return {};
}

} // namespace Pult
