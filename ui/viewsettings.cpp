#include "viewsettings.h"

#include "filterbar.h"
#include "filterquery.h"
#include "localops.h"
#include "localstore.h"
#include "oversees.h"
#include "settingspage.h"
#include "settingverdict.h"
#include "ticketactions.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>

namespace Pult {

ViewSettings::ViewSettings(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                           QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_filterCheck(store)
    , m_list(new QTreeWidget(this))
    , m_name(new QLineEdit(this))
    , m_query(new FilterBar(this))
    , m_audience(new QComboBox(this))
    , m_errors(SettingsPage::errorLine(this))
    , m_state(SettingsPage::stateLine(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    m_verdict = new SettingVerdict(store, actions, engine, m_state, this);
    setWindowTitle(tr("Shared views"));
    setObjectName(QStringLiteral("viewSettings"));
    Agent me;
    if (auto agent = actions.me(); agent.good())
        me = *agent;
    if (auto departments = m_store.departments(); departments.good())
        m_departments = *departments;

    m_list->setObjectName(QStringLiteral("views"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Shown to"), tr("Filter")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectView(item->data(0, Qt::UserRole).toUuid());
    });

    m_name->setObjectName(QStringLiteral("name"));
    m_query->setObjectName(QStringLiteral("query"));
    m_query->saveButton()->hide();
    if (auto vocabulary = m_store.filterVocabulary(); vocabulary.good())
        m_query->setVocabulary(*vocabulary);
    m_query->setCompileCheck([this](const QString &text) { return m_filterCheck(text); });
    // Whom it is for: what this agent may share with (pultd's rule).
    m_audience->setObjectName(QStringLiteral("audience"));
    for (const Department &d : std::as_const(m_departments)) {
        if (me.role != Role::Agent && oversees(me, d.id))
            m_audience->addItem(tr("The agents of %1").arg(d.name), d.id);
    }
    if (me.role == Role::Admin)
        m_audience->addItem(tr("Everyone"), QUuid());

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Filter:"), m_query);
    form->addRow(tr("Shown &to:"), m_audience);
    auto *add = new QPushButton(tr("&New view"), this);
    add->setObjectName(QStringLiteral("newView"));
    m_save->setObjectName(QStringLiteral("save"));
    m_remove->setObjectName(QStringLiteral("remove"));
    connect(add, &QPushButton::clicked, this, &ViewSettings::newView);
    connect(m_save, &QPushButton::clicked, this, &ViewSettings::save);
    connect(m_remove, &QPushButton::clicked, this, &ViewSettings::remove);
    SettingsPage::layOut(this, m_list, form, {m_errors, m_state}, add, {m_remove, m_save});
    resize(760, 520);

    connect(m_name, &QLineEdit::textChanged, this, &ViewSettings::check);
    connect(m_query->editor(), &QPlainTextEdit::textChanged, this, &ViewSettings::check);
    connect(m_audience, &QComboBox::currentIndexChanged, this, &ViewSettings::check);
    connect(m_verdict, &SettingVerdict::refused, this, [this] {
        reloadList(); // the engine rolled the cache back
        check();
    });
    connect(m_verdict, &SettingVerdict::applied, this, &ViewSettings::check);
    reloadList();
    newView();
}

void ViewSettings::reloadList()
{
    auto views = m_store.sharedFilters();
    if (!views.good()) {
        showState(m_state, views.status().message(), true);
        return;
    }
    m_views = *views;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const SharedFilter &view : std::as_const(m_views)) {
        const int audience = m_audience->findData(view.departmentId);
        const auto department =
            std::find_if(m_departments.cbegin(), m_departments.cend(),
                         [&](const Department &d) { return d.id == view.departmentId; });
        const QString shownTo = audience >= 0                ? m_audience->itemText(audience)
                                : view.departmentId.isNull() ? tr("Everyone")
                                : department != m_departments.cend()
                                    ? tr("The agents of %1").arg(department->name)
                                    : tr("another department");
        auto *item = new QTreeWidgetItem(m_list, {view.name, shownTo, view.query});
        item->setData(0, Qt::UserRole, view.id);
        if (!m_isNew && view.id == m_shown.id)
            m_list->setCurrentItem(item);
    }
}

bool ViewSettings::selectView(const QUuid &id)
{
    const int row = SettingsPage::indexOfId(m_views, id);
    if (row < 0)
        return false;
    SettingsPage::setCurrentRowQuietly(m_list, row);
    showView(m_views.at(row), false);
    return true;
}

void ViewSettings::newView()
{
    SettingsPage::setCurrentRowQuietly(m_list, -1);
    SharedFilter view;
    view.id = QUuid::createUuid();
    view.departmentId = m_audience->itemData(0).toUuid();
    showView(view, true);
    m_name->setFocus();
}

void ViewSettings::showView(const SharedFilter &view, bool isNew)
{
    if (isNew || view.id != m_shown.id)
        m_state->clear();
    m_shown = view;
    m_isNew = isNew;
    const QSignalBlocker blockName(m_name), blockAudience(m_audience);
    m_name->setText(view.name);
    m_query->setText(view.query);
    const int audience = m_audience->findData(view.departmentId);
    m_audience->setCurrentIndex(std::max(0, audience));
    const bool mine = audience >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_query, m_audience})
        w->setEnabled(mine);
    m_remove->setEnabled(mine && !isNew);
    check();
}

void ViewSettings::check()
{
    QStringList errors;
    if (m_name->text().trimmed().isEmpty())
        errors.append(tr("A view needs a name."));
    const QString query = m_query->text().trimmed();
    if (query.isEmpty()) {
        errors.append(tr("A view needs a filter."));
    } else if (const auto error = m_filterCheck(query)) {
        errors.append(tr("Filter: %1").arg(error->toString()));
    }
    m_errors->setText(errors.join(u'\n'));
    // A new form says what is missing once something is typed into it.
    m_errors->setVisible(!errors.isEmpty() &&
                         !(m_isNew && m_name->text().isEmpty() && m_query->text().isEmpty()));
    const bool changed = m_isNew || m_name->text().trimmed() != m_shown.name ||
                         query != m_shown.query ||
                         m_audience->currentData().toUuid() != m_shown.departmentId;
    m_save->setEnabled(errors.isEmpty() && changed && m_audience->count() > 0 &&
                       m_name->isEnabled() && !m_verdict->waiting());
}

bool ViewSettings::save()
{
    if (!m_save->isEnabled())
        return false;
    SharedFilter view = m_shown;
    view.name = m_name->text().trimmed();
    view.query = m_query->text().trimmed();
    view.departmentId = m_audience->currentData().toUuid();
    if (!m_verdict->submit(Op::shareFilter(view)))
        return false;
    m_isNew = false;
    m_shown = view;
    reloadList();
    check();
    return true;
}

bool ViewSettings::remove()
{
    if (m_isNew || !m_remove->isEnabled())
        return false;
    const QUuid id = m_shown.id;
    newView();
    if (!m_verdict->submit(Op::unshareFilter(id)))
        return false;
    reloadList();
    return true;
}

} // namespace Pult
