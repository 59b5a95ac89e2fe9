#include "rulesettings.h"

#include "filterbar.h"
#include "filterquery.h"
#include "localstore.h"
#include "oversees.h"
#include "serverrules.h"
#include "settingspage.h"
#include "settingverdict.h"
#include "syncsession.h"
#include "uuid.h"
#include "wire.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>

namespace Pult {
namespace {

constexpr int IdRole = Qt::UserRole;

// "the actions, column 15: a tier is …", as pultd words it.
template<typename T> QString syntaxError(const QString &part, const RuleParse<T> &parse)
{
    return RuleSettings::tr("%1, column %2: %3")
        .arg(part)
        .arg(parse.error->position + 1)
        .arg(parse.error->message);
}

} // namespace

RuleSettings::RuleSettings(LocalStore &store, const QString &home, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_filterCheck(store)
    , m_work(this, home)
    , m_list(new QTreeWidget(this))
    , m_name(new QLineEdit(this))
    , m_department(new QComboBox(this))
    , m_when(new QLineEdit(this))
    , m_condition(new FilterBar(this))
    , m_actions(new QLineEdit(this))
    , m_position(new QSpinBox(this))
    , m_enabled(new QCheckBox(tr("&Enabled"), this))
    , m_stop(new QCheckBox(tr("S&top: no later rule runs for the same event"), this))
    , m_errors(SettingsPage::errorLine(this))
    , m_state(SettingsPage::stateLine(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setWindowTitle(tr("Rules"));
    setObjectName(QStringLiteral("ruleSettings"));
    auto me = m_store.signedInAgent();
    m_admin = me.good() && *me && (*me)->role == Role::Admin;

    m_list->setObjectName(QStringLiteral("rules"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("#"), tr("Name"), tr("Department"), tr("When"), tr("State")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectRule(item->data(0, IdRole).toUuid());
    });

    m_name->setObjectName(QStringLiteral("name"));
    m_department->setObjectName(QStringLiteral("department"));
    if (m_admin)
        m_department->addItem(tr("Every department"), QUuid());
    auto departments = m_store.departments();
    for (const Department &d : departments.good() ? *departments : QList<Department>()) {
        if (m_admin || (me.good() && *me && (*me)->role == Role::Lead && oversees(**me, d.id)))
            m_department->addItem(d.name, d.id);
    }
    m_when->setObjectName(QStringLiteral("when"));
    m_when->setPlaceholderText(QStringLiteral("created | customer-reply | changed:status | "
                                              "sla-due:30m | pending:48h | solved:7d"));
    m_condition->setObjectName(QStringLiteral("condition"));
    m_condition->saveButton()->hide();
    if (auto vocabulary = m_store.filterVocabulary(); vocabulary.good())
        m_condition->setVocabulary(*vocabulary);
    m_condition->setCompileCheck([this](const QString &text) { return m_filterCheck(text); });
    m_actions->setObjectName(QStringLiteral("actions"));
    m_actions->setPlaceholderText(
        QStringLiteral("priority=urgent +vip tier=2 assignee=ana@example.com notify:lead"));
    m_position->setObjectName(QStringLiteral("position"));
    m_position->setRange(-9999, 9999);
    m_position->setToolTip(tr("Rules run in ascending position, then by name."));
    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_stop->setObjectName(QStringLiteral("stop"));

    auto *help = SettingsPage::helpLabel(
        tr("When a ticket is created, the customer or an agent writes, a field changes or a "
           "time passes; if it matches the filter (empty: every ticket); then set fields, add or "
           "remove tags, add a note, reply with a canned response or notify someone. The words "
           "are those of pultctl rule (docs/automation.md)."),
        this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Department:"), m_department);
    form->addRow(tr("&When:"), m_when);
    form->addRow(tr("&If:"), m_condition);
    form->addRow(tr("T&hen:"), m_actions);
    form->addRow(tr("&Position:"), m_position);
    form->addRow(QString(), m_enabled);
    form->addRow(QString(), m_stop);
    form->addRow(QString(), help);

    auto *add = new QPushButton(tr("&New rule"), this);
    add->setObjectName(QStringLiteral("newRule"));
    m_save->setObjectName(QStringLiteral("save"));
    m_remove->setObjectName(QStringLiteral("remove"));
    connect(add, &QPushButton::clicked, this, &RuleSettings::newRule);
    connect(m_save, &QPushButton::clicked, this, &RuleSettings::save);
    connect(m_remove, &QPushButton::clicked, this, &RuleSettings::remove);
    SettingsPage::layOut(this, m_list, form, {m_errors, m_state}, add, {m_remove, m_save});
    resize(820, 680);

    connect(m_name, &QLineEdit::textChanged, this, &RuleSettings::check);
    connect(m_when, &QLineEdit::textChanged, this, &RuleSettings::check);
    connect(m_actions, &QLineEdit::textChanged, this, &RuleSettings::check);
    connect(m_condition->editor(), &QPlainTextEdit::textChanged, this, &RuleSettings::check);
    newRule();
    reload();
}

void RuleSettings::reload()
{
    m_work.run<QList<Rule>>(
        [](SyncSession &session) { return fetchRules(session); },
        [this](const Result<QList<Rule>> &rules) {
            if (!rules.good()) {
                showState(m_state,
                          tr("The rules come from the server: %1").arg(rules.status().message()),
                          true);
                return;
            }
            m_rules = *rules;
            const QSignalBlocker blocker(m_list);
            m_list->clear();
            for (const Rule &rule : std::as_const(m_rules)) {
                const int index = m_department->findData(rule.departmentId);
                auto *item = new QTreeWidgetItem(
                    m_list, {QString::number(rule.position), rule.name,
                             rule.departmentId.isNull() ? tr("Every department")
                             : index >= 0               ? m_department->itemText(index)
                                                        : tr("another department"),
                             rule.when, rule.enabled ? tr("Enabled") : tr("Disabled")});
                item->setData(0, IdRole, rule.id);
            }
            if (!m_isNew)
                selectRule(m_shown.id);
            Q_EMIT loaded();
        });
}

bool RuleSettings::selectRule(const QUuid &id)
{
    const int row = SettingsPage::indexOfId(m_rules, id);
    if (row < 0)
        return false;
    SettingsPage::setCurrentRowQuietly(m_list, row);
    showRule(m_rules.at(row), false);
    return true;
}

void RuleSettings::newRule()
{
    SettingsPage::setCurrentRowQuietly(m_list, -1);
    Rule rule;
    rule.id = UuidV7Generator().next();
    if (!m_admin && m_department->count() > 0)
        rule.departmentId = m_department->itemData(0).toUuid();
    showRule(rule, true);
    m_name->setFocus();
}

void RuleSettings::showRule(const Rule &rule, bool isNew)
{
    if (isNew || rule.id != m_shown.id)
        m_state->clear();
    m_shown = rule;
    m_isNew = isNew;
    m_name->setText(rule.name);
    const int department = m_department->findData(rule.departmentId);
    m_department->setCurrentIndex(std::max(0, department));
    m_when->setText(rule.when);
    m_condition->setText(rule.condition);
    m_actions->setText(rule.actions);
    m_position->setValue(rule.position);
    m_enabled->setChecked(rule.enabled);
    m_stop->setChecked(rule.stop);
    // A rule of a department this agent does not lead is shown, not changed.
    const bool mine = department >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_department, m_when, m_condition,
                                                       m_actions, m_position, m_enabled, m_stop})
        w->setEnabled(mine);
    m_remove->setEnabled(mine && !isNew);
    check();
}

QStringList RuleSettings::check()
{
    QStringList errors;
    if (m_name->text().trimmed().isEmpty())
        errors.append(tr("A rule needs a name."));
    if (const auto when = parseRuleWhen(m_when->text()); !when.good())
        errors.append(syntaxError(tr("the trigger"), when));
    if (const auto error = m_filterCheck(m_condition->text()))
        errors.append(tr("the condition, %1").arg(error->toString()));
    if (const auto actions = parseRuleActions(m_actions->text()); !actions.good())
        errors.append(syntaxError(tr("the actions"), actions));
    m_errors->setText(errors.join(u'\n'));
    // A new form says what is missing once something is typed into it.
    m_errors->setVisible(!errors.isEmpty() &&
                         !(m_isNew && m_name->text().isEmpty() && m_when->text().isEmpty() &&
                           m_condition->text().isEmpty() && m_actions->text().isEmpty()));
    m_save->setEnabled(errors.isEmpty() && m_department->count() > 0 && m_name->isEnabled());
    return errors;
}

bool RuleSettings::save()
{
    if (!check().isEmpty() || m_department->count() == 0)
        return false;
    Rule rule = m_shown;
    rule.name = m_name->text().trimmed();
    rule.departmentId = m_department->currentData().toUuid();
    rule.when = m_when->text().trimmed();
    rule.condition = m_condition->text().trimmed();
    rule.actions = m_actions->text().trimmed();
    rule.position = m_position->value();
    rule.enabled = m_enabled->isChecked();
    rule.stop = m_stop->isChecked();
    send({{QStringLiteral("type"), QStringLiteral("upsert_rule")},
          {QStringLiteral("rule"), Wire::toJson(rule)}},
         m_isNew ? tr("Rule \"%1\" added.").arg(rule.name)
                 : tr("Rule \"%1\" saved.").arg(rule.name),
         rule.id);
    return true;
}

bool RuleSettings::remove()
{
    if (m_isNew)
        return false;
    send({{QStringLiteral("type"), QStringLiteral("delete_rule")},
          {QStringLiteral("rule_id"), uuidToString(m_shown.id)}},
         tr("Rule \"%1\" removed.").arg(m_shown.name), QUuid());
    return true;
}

void RuleSettings::send(const QJsonObject &op, const QString &done, const QUuid &show)
{
    m_save->setEnabled(false);
    m_remove->setEnabled(false);
    showState(m_state, tr("Saving…"), false);
    m_work.run<QJsonObject>(
        [op](SyncSession &session) { return session.applyNow(op); },
        [this, done, show](const Result<QJsonObject> &answer) {
            if (const auto why = refusalOf(answer)) {
                showState(m_state, tr("The server refused the change: %1").arg(*why), true);
                check();
                m_remove->setEnabled(!m_isNew);
                return;
            }
            if (show.isNull()) {
                newRule();
            } else {
                m_isNew = false;
                m_shown.id = show;
            }
            showState(m_state, done, false);
            reload();
        });
}

} // namespace Pult
