#include "agentsettings.h"

#include "filter.h"
#include "localstore.h"
#include "settingspage.h"
#include "settingverdict.h"
#include "syncsession.h"
#include "ticketactions.h"
#include "uuid.h"
#include "wire.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>

namespace Pult {
namespace {

constexpr int IdRole = Qt::UserRole;

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Agent:
        return AgentSettings::tr("Agent");
    case Role::Lead:
        return AgentSettings::tr("Lead");
    case Role::Admin:
        return AgentSettings::tr("Admin");
    }
    return {};
}

// An initial password: 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), from
// the system's cryptographic generator: about 92 bits.
QString initialPassword()
{
    static const QString alphabet =
        QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString password;
    for (int i = 0; i < 16; ++i)
        password.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return password;
}

} // namespace

AgentSettings::AgentSettings(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                             const QString &home, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_work(this, home)
    , m_list(new QTreeWidget(this))
    , m_email(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_seniority(new QSpinBox(this))
    , m_departments(new QTableWidget(this))
    , m_password(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_state(SettingsPage::stateLine(this))
    , m_add(new QPushButton(tr("&Add agent"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_activate(new QPushButton(this))
    , m_openTickets(new QPushButton(tr("&Open tickets"), this))
{
    m_verdict = new SettingVerdict(store, actions, engine, m_state, this);
    setWindowTitle(tr("Agents"));
    setObjectName(QStringLiteral("agentSettings"));
    auto me = actions.me();
    m_admin = me.good() && me->role == Role::Admin;

    m_list->setObjectName(QStringLiteral("agents"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("E-mail"), tr("Role"), tr("State"), tr("Departments")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectAgent(item->data(0, IdRole).toUuid());
    });

    m_email->setObjectName(QStringLiteral("email"));
    m_name->setObjectName(QStringLiteral("name"));
    m_role->setObjectName(QStringLiteral("role"));
    for (Role role : {Role::Agent, Role::Lead, Role::Admin})
        m_role->addItem(roleLabel(role), toString(role));
    m_seniority->setObjectName(QStringLiteral("seniority"));
    m_seniority->setRange(1, 1'000'000);
    m_seniority->setToolTip(tr("The agent's place in the order assignment gives tickets in when "
                               "it finds agents equal: 1 is the most senior. The others keep "
                               "their order around it."));
    m_departments->setObjectName(QStringLiteral("departments"));
    m_departments->setColumnCount(2);
    m_departments->setHorizontalHeaderLabels({tr("Department"), tr("Tier")});
    m_departments->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_departments->verticalHeader()->hide();
    m_departments->setSelectionMode(QAbstractItemView::NoSelection);
    auto departments = m_store.departments();
    for (const Department &d : departments.good() ? *departments : QList<Department>()) {
        const int row = m_departments->rowCount();
        m_departments->insertRow(row);
        auto *item = new QTableWidgetItem(d.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(IdRole, d.id);
        m_departments->setItem(row, 0, item);
        auto *tier = new QSpinBox(m_departments);
        tier->setRange(1, 9);
        tier->setToolTip(tr("The support tier the agent works at in this department: tickets "
                            "escalated to a tier go to its agents."));
        m_departments->setCellWidget(row, 1, tier);
    }
    m_departments->setMinimumHeight(m_departments->fontMetrics().height() * 7);

    m_password->setObjectName(QStringLiteral("initialPassword"));
    m_password->setReadOnly(true);
    m_passwordLabel->setWordWrap(true);
    m_password->hide();
    m_passwordLabel->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("Seniorit&y:"), m_seniority);
    form->addRow(tr("De&partments:"), m_departments);

    m_add->setObjectName(QStringLiteral("addAgent"));
    m_save->setObjectName(QStringLiteral("save"));
    m_activate->setObjectName(QStringLiteral("activate"));
    m_openTickets->setObjectName(QStringLiteral("openTickets"));
    m_openTickets->setToolTip(tr("Show the agent's tickets that are not solved yet in the inbox, "
                                 "to hand them on."));
    m_add->setVisible(m_admin);
    m_save->setVisible(m_admin);
    m_activate->setVisible(m_admin);
    connect(m_add, &QPushButton::clicked, this, &AgentSettings::newAgent);
    connect(m_save, &QPushButton::clicked, this, &AgentSettings::save);
    connect(m_activate, &QPushButton::clicked, this,
            [this] { setActive(!m_shown.value(QLatin1String("active")).toBool(true)); });
    connect(m_openTickets, &QPushButton::clicked, this, [this] {
        Q_EMIT filterRequested(
            QStringLiteral("assignee:%1 status:new,open,pending,on-hold")
                .arg(quotedFilterValue(m_shown.value(QLatin1String("email")).toString())));
    });
    SettingsPage::layOut(this, m_list, form, {m_passwordLabel, m_password, m_state}, m_add,
                         {m_openTickets, m_activate, m_save});
    resize(760, 640);

    for (QWidget *w :
         std::initializer_list<QWidget *>{m_email, m_name, m_role, m_seniority, m_departments})
        w->setEnabled(m_admin);
    connect(m_verdict, &SettingVerdict::refused, this, [this] { updateButtons(); });
    connect(m_verdict, &SettingVerdict::applied, this, [this] { reload(); });
    updateButtons();
    reload();
}

void AgentSettings::reload()
{
    m_work.run<QJsonObject>(
        [](SyncSession &session) { return session.fetch(QStringLiteral("/api/v1/agents")); },
        [this](const Result<QJsonObject> &answer) {
            if (!answer.good()) {
                showState(m_state,
                          tr("The list of agents comes from the server: %1")
                              .arg(answer.status().message()),
                          true);
                return;
            }
            showList(answer->value(QLatin1String("agents")).toArray());
            Q_EMIT loaded();
        });
}

void AgentSettings::showList(const QJsonArray &agents)
{
    m_agents = agents;
    QHash<QUuid, QString> names;
    auto departments = m_store.departments();
    for (const Department &d : departments.good() ? *departments : QList<Department>())
        names.insert(d.id, d.name);
    const QUuid shown = Wire::uuidOf(m_shown.value(QLatin1String("id")));
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QJsonValue &value : agents) {
        const QJsonObject agent = value.toObject();
        QStringList memberships;
        for (const QJsonValue &m : agent.value(QLatin1String("departments")).toArray()) {
            const QString name = names.value(Wire::uuidOf(m.toObject().value(QLatin1String("id"))),
                                             tr("another department"));
            const qint64 tier = m.toObject().value(QLatin1String("tier")).toInteger(1);
            memberships.append(tier > 1 ? tr("%1 (tier %2)").arg(name).arg(tier) : name);
        }
        const bool active = agent.value(QLatin1String("active")).toBool(true);
        auto *item = new QTreeWidgetItem(
            m_list,
            {agent.value(QLatin1String("name")).toString(),
             agent.value(QLatin1String("email")).toString(),
             roleLabel(
                 parseRole(agent.value(QLatin1String("role")).toString()).value_or(Role::Agent)),
             active ? tr("Active") : tr("Deactivated"), memberships.join(QStringLiteral(", "))});
        item->setData(0, IdRole, Wire::uuidOf(agent.value(QLatin1String("id"))));
        if (!active) {
            for (int column = 0; column < item->columnCount(); ++column)
                item->setForeground(column, palette().brush(QPalette::PlaceholderText));
        }
    }
    if (m_adding || !selectAgent(shown)) {
        if (!m_adding && m_list->topLevelItemCount() > 0)
            selectAgent(m_list->topLevelItem(0)->data(0, IdRole).toUuid());
    }
}

bool AgentSettings::selectAgent(const QUuid &id)
{
    for (int i = 0; i < m_agents.size(); ++i) {
        const QJsonObject agent = m_agents.at(i).toObject();
        if (Wire::uuidOf(agent.value(QLatin1String("id"))) != id)
            continue;
        SettingsPage::setCurrentRowQuietly(m_list, i);
        m_adding = false;
        showAgent(agent);
        return true;
    }
    return false;
}

void AgentSettings::newAgent()
{
    SettingsPage::setCurrentRowQuietly(m_list, -1);
    m_adding = true;
    showAgent({});
    m_email->setFocus();
}

void AgentSettings::showAgent(const QJsonObject &agent)
{
    // The state line and a new agent's password stay while the same agent is shown again (the
    // list's reload after a change shows them anew).
    const QUuid id = Wire::uuidOf(agent.value(QLatin1String("id")));
    if (id.isNull() || id != Wire::uuidOf(m_shown.value(QLatin1String("id"))))
        m_state->clear();
    m_shown = agent;
    m_email->setText(agent.value(QLatin1String("email")).toString());
    m_email->setReadOnly(!m_adding); // the address is who they are
    m_name->setText(agent.value(QLatin1String("name")).toString());
    m_role->setCurrentIndex(std::max(
        0, m_role->findData(agent.value(QLatin1String("role")).toString(QStringLiteral("agent")))));
    // A new agent comes after everyone; their place is set once they are added.
    m_seniority->setValue(int(agent.value(QLatin1String("seniority")).toInteger(1)));
    m_seniority->setEnabled(m_admin && !m_adding);
    QHash<QUuid, qint64> tiers;
    for (const QJsonValue &m : agent.value(QLatin1String("departments")).toArray())
        tiers.insert(Wire::uuidOf(m.toObject().value(QLatin1String("id"))),
                     m.toObject().value(QLatin1String("tier")).toInteger(1));
    for (int row = 0; row < m_departments->rowCount(); ++row) {
        QTableWidgetItem *item = m_departments->item(row, 0);
        const QUuid id = item->data(IdRole).toUuid();
        item->setCheckState(tiers.contains(id) ? Qt::Checked : Qt::Unchecked);
        static_cast<QSpinBox *>(m_departments->cellWidget(row, 1))
            ->setValue(int(tiers.value(id, 1)));
    }
    if (id != m_passwordOf) { // gone for good once another agent is shown
        m_passwordOf = {};
        m_password->clear();
        m_password->hide();
        m_passwordLabel->hide();
    }
    updateButtons();
}

QJsonArray AgentSettings::checkedDepartments() const
{
    QJsonArray memberships;
    for (int row = 0; row < m_departments->rowCount(); ++row) {
        const QTableWidgetItem *item = m_departments->item(row, 0);
        if (item->checkState() != Qt::Checked)
            continue;
        memberships.append(QJsonObject{
            {QStringLiteral("id"), uuidToString(item->data(IdRole).toUuid())},
            {QStringLiteral("tier"),
             static_cast<const QSpinBox *>(m_departments->cellWidget(row, 1))->value()}});
    }
    return memberships;
}

void AgentSettings::updateButtons()
{
    const bool someone = !m_adding && !m_shown.isEmpty();
    m_openTickets->setEnabled(someone);
    m_activate->setEnabled(someone && !m_verdict->waiting());
    m_activate->setText(m_shown.value(QLatin1String("active")).toBool(true) ? tr("&Deactivate")
                                                                            : tr("Reac&tivate"));
    m_activate->setToolTip(tr("A deactivated agent is signed out everywhere at once and cannot "
                              "sign in; their tickets stay assigned to them until handed on."));
    m_save->setEnabled((m_adding || someone) && !m_verdict->waiting());
}

bool AgentSettings::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        showState(m_state, tr("An agent needs a name."), true);
        return false;
    }
    const QJsonArray memberships = checkedDepartments();
    const QString role = m_role->currentData().toString();
    if (m_adding) {
        const QString email = m_email->text().trimmed();
        if (!email.contains(u'@')) {
            showState(m_state, tr("\"%1\" is not an e-mail address.").arg(email), true);
            return false;
        }
        const QUuid id = UuidV7Generator().next();
        const QString password = initialPassword();
        const QJsonObject op{
            {QStringLiteral("type"), QStringLiteral("create_agent")},
            {QStringLiteral("agent"), QJsonObject{{QStringLiteral("id"), uuidToString(id)},
                                                  {QStringLiteral("email"), email},
                                                  {QStringLiteral("name"), name},
                                                  {QStringLiteral("role"), role},
                                                  {QStringLiteral("departments"), memberships}}},
            {QStringLiteral("password"), password}};
        m_save->setEnabled(false);
        showState(m_state, tr("Adding…"), false);
        m_work.run<QJsonObject>(
            [op](SyncSession &session) { return session.applyNow(op); },
            [this, id, email, password](const Result<QJsonObject> &result) {
                updateButtons();
                if (const auto why = refusalOf(result)) {
                    showState(m_state, tr("The agent was not added: %1").arg(*why), true);
                    return;
                }
                m_adding = false;
                m_shown = {{QStringLiteral("id"), uuidToString(id)}};
                m_passwordOf = id;
                showState(m_state, QString(), false);
                reload();
                // Shown here once: pultd keeps only its argon2id hash.
                m_passwordLabel->setText(
                    tr("Added. Tell %1 their password, which is shown only now:").arg(email));
                m_password->setText(password);
                m_passwordLabel->show();
                m_password->show();
                m_password->selectAll();
                m_password->setFocus();
            });
        return true;
    }
    QJsonObject fields{{QStringLiteral("id"), m_shown.value(QLatin1String("id"))}};
    if (name != m_shown.value(QLatin1String("name")).toString())
        fields.insert(QStringLiteral("name"), name);
    if (role != m_shown.value(QLatin1String("role")).toString())
        fields.insert(QStringLiteral("role"), role);
    const auto sorted = [](const QJsonArray &memberships) {
        QStringList keys;
        for (const QJsonValue &m : memberships)
            keys.append(m.toObject().value(QLatin1String("id")).toString() + u':' +
                        QString::number(m.toObject().value(QLatin1String("tier")).toInteger(1)));
        keys.sort();
        return keys;
    };
    if (sorted(memberships) != sorted(m_shown.value(QLatin1String("departments")).toArray()))
        fields.insert(QStringLiteral("departments"), memberships);
    if (const int place = m_seniority->value();
        place != m_shown.value(QLatin1String("seniority")).toInteger())
        fields.insert(QStringLiteral("seniority"), place);
    if (fields.size() == 1) {
        showState(m_state, tr("Nothing changed."), false);
        return false;
    }
    return submitUpdate({{QStringLiteral("type"), QStringLiteral("update_agent")},
                         {QStringLiteral("agent"), fields}});
}

bool AgentSettings::submitUpdate(const QJsonObject &op)
{
    const bool queued = m_verdict->submit(op);
    updateButtons();
    return queued;
}

bool AgentSettings::setActive(bool active)
{
    if (m_adding || m_shown.isEmpty() || m_verdict->waiting())
        return false;
    return submitUpdate({{QStringLiteral("type"), QStringLiteral("update_agent")},
                         {QStringLiteral("agent"),
                          QJsonObject{{QStringLiteral("id"), m_shown.value(QLatin1String("id"))},
                                      {QStringLiteral("active"), active}}}});
}

} // namespace Pult
