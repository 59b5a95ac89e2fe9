#pragma once

// The team lead's dashboard (issue 20; docs/leads-and-admins.md): the figures of core/report.h
// as tiles and Qt Charts for a period and a department, computed from the local store on a
// reader thread, so it opens at once at a million tickets and works offline. The state now (the
// backlog, by status, age, department and agent: the active tickets alone) is computed and drawn
// first; the period's figures follow. Every bar opens the tickets behind it as a filter in the
// inbox (filterRequested); the figures export as CSV and as a one-page PDF for a weekly review.

#include "domain.h"
#include "goals.h"
#include "report.h"
#include "status.h"
#include "storereader.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;

namespace Pult {

class Dashboard : public QWidget
{
    Q_OBJECT

public:
    // storePath: the local store (LocalStore::path()). departments: those the department picker
    // offers, the lead's own or, for an admin, every one; allDepartments: whether "All
    // departments" means the whole store (an admin) or these (a lead).
    Dashboard(const QString &storePath, QList<Department> departments, bool allDepartments,
              QWidget *parent = nullptr);
    ~Dashboard() override;

    // Computes the chosen period and department again: the state now, then the period.
    void reload();
    // The figures drawn: the state now once backlogShown, all of them once reportShown.
    const Report &report() const { return m_report; }
    bool complete() const { return m_complete; }
    // The filter text (docs/filters.md) scoping a list to the chosen department(s); empty for
    // the whole store.
    QString scopeFilter() const;

    Status exportCsv(const QString &path) const;
    Status exportPdf(const QString &path);

Q_SIGNALS:
    void backlogShown();
    void reportShown();
    // A bar was clicked: the inbox should show this filter.
    void filterRequested(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Bars;
    void compute(bool backlogOnly);
    QString periodText() const;
    QString scopeName() const;
    void showBacklog();
    void showPeriod();
    // The goals of the department shown, if one is and it has any (core/goals.h).
    std::optional<Goals> scopeGoals() const;
    // The tiles' goal lines and the goals chart; the days chart's categories, the days of each
    // and the filters of its created and solved bars.
    void showGoals(const QStringList &categories, const QList<std::pair<QDate, QDate>> &spans,
                   const std::function<QString(int)> &createdFilter,
                   const std::function<QString(int)> &solvedFilter);
    void setBars(QChartView *view, const Bars &bars);
    void setTile(const QString &key, const QString &value, const QString &caption);
    void applyTheme();
    void exportAs(const QString &suffix);
    void showState(const QString &text);

    QList<Department> m_departments;
    bool m_allDepartments = false;
    std::unique_ptr<StoreReader> m_reader;
    StoreReader::Latest m_backlogRequest; // a reload supersedes both
    StoreReader::Latest m_periodRequest;
    Report m_report;
    bool m_complete = false;
    ReportRequest m_request;

    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_department = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_pdf = nullptr;
    QWidget *m_content = nullptr;
    QList<QChartView *> m_charts;
    QChartView *m_backlogChart = nullptr;
    QChartView *m_ageingChart = nullptr;
    QChartView *m_daysChart = nullptr;
    QChartView *m_goalsChart = nullptr;
    QChartView *m_departmentsChart = nullptr;
    QChartView *m_agentsChart = nullptr;
};

} // namespace Pult
