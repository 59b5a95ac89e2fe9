#include "cannedsettings.h"

#include "localstore.h"
#include "oversees.h"
#include "settingspage.h"
#include "settingverdict.h"
#include "template.h"
#include "templatepreview.h"
#include "ticketactions.h"
#include "uuid.h"
#include "wire.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>

namespace Pult {
namespace {

constexpr int ScopeRole = Qt::UserRole;
constexpr int OwnerRole = Qt::UserRole + 1;

} // namespace

CannedSettings::CannedSettings(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                               QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_list(new QTreeWidget(this))
    , m_title(new QLineEdit(this))
    , m_shortcut(new QLineEdit(this))
    , m_scope(new QComboBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_preview(new QPlainTextEdit(this))
    , m_errors(SettingsPage::errorLine(this))
    , m_state(SettingsPage::stateLine(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    m_verdict = new SettingVerdict(store, actions, engine, m_state, this);
    setWindowTitle(tr("Canned responses"));
    setObjectName(QStringLiteral("cannedSettings"));
    if (auto me = actions.me(); me.good())
        m_me = *me;
    if (auto departments = m_store.departments(); departments.good())
        m_departments = *departments;

    m_list->setObjectName(QStringLiteral("responses"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Title"), tr("Shortcut"), tr("For")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectResponse(item->data(0, Qt::UserRole).toUuid());
    });

    m_title->setObjectName(QStringLiteral("title"));
    m_shortcut->setObjectName(QStringLiteral("shortcut"));
    m_shortcut->setPlaceholderText(tr("e.g. refund"));
    m_scope->setObjectName(QStringLiteral("scope"));
    // Who it is for: what this agent may write (pultd's rule: a lead their departments', an
    // admin everyone's).
    m_scope->addItem(tr("Only me"));
    m_scope->setItemData(0, int(CannedScope::Personal), ScopeRole);
    m_scope->setItemData(0, m_me.id, OwnerRole);
    for (const Department &d : std::as_const(m_departments)) {
        if (m_me.role == Role::Agent || !oversees(m_me, d.id))
            continue;
        m_scope->addItem(tr("The agents of %1").arg(d.name));
        m_scope->setItemData(m_scope->count() - 1, int(CannedScope::Department), ScopeRole);
        m_scope->setItemData(m_scope->count() - 1, d.id, OwnerRole);
    }
    if (m_me.role == Role::Admin) {
        m_scope->addItem(tr("Everyone"));
        m_scope->setItemData(m_scope->count() - 1, int(CannedScope::Global), ScopeRole);
        m_scope->setItemData(m_scope->count() - 1, QUuid(), OwnerRole);
    }
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setTabChangesFocus(true);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    // The list keeps room for a dozen responses above the form.
    const int line = fontMetrics().lineSpacing();
    m_body->setMaximumHeight(line * 8 + 12);
    m_preview->setMaximumHeight(line * 6 + 12);
    m_list->setMinimumHeight(line * 12);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("S&hortcut:"), m_shortcut);
    form->addRow(tr("&For:"), m_scope);
    form->addRow(tr("&Text:"), m_body);
    form->addRow(QString(),
                 SettingsPage::helpLabel(
                     tr("Placeholders such as {{customer.first_name}}, {{ticket.number}} "
                        "and {{agent.name}} are filled in for the ticket it is inserted "
                        "into (docs/templates.md)."),
                     this));
    form->addRow(tr("Preview:"), m_preview);

    auto *add = new QPushButton(tr("&New response"), this);
    add->setObjectName(QStringLiteral("newResponse"));
    m_save->setObjectName(QStringLiteral("save"));
    m_remove->setObjectName(QStringLiteral("remove"));
    connect(add, &QPushButton::clicked, this, &CannedSettings::newResponse);
    connect(m_save, &QPushButton::clicked, this, &CannedSettings::save);
    connect(m_remove, &QPushButton::clicked, this, &CannedSettings::remove);
    SettingsPage::layOut(this, m_list, form, {m_errors, m_state}, add, {m_remove, m_save});
    resize(760, 700);

    connect(m_title, &QLineEdit::textChanged, this, &CannedSettings::check);
    connect(m_shortcut, &QLineEdit::textChanged, this, &CannedSettings::check);
    connect(m_body, &QPlainTextEdit::textChanged, this, &CannedSettings::check);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &CannedSettings::check);
    connect(m_verdict, &SettingVerdict::refused, this, [this] {
        reloadList(); // the engine rolled the cache back
        check();
    });
    connect(m_verdict, &SettingVerdict::applied, this, [this] { check(); });
    reloadList();
    newResponse();
}

void CannedSettings::reloadList()
{
    auto responses = m_store.cannedResponses();
    if (!responses.good()) {
        showState(m_state, responses.status().message(), true);
        return;
    }
    m_responses = *responses;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const CannedResponse &r : std::as_const(m_responses)) {
        QString scope = tr("Everyone");
        if (r.scope == CannedScope::Personal) {
            scope = tr("Only me");
        } else if (r.scope == CannedScope::Department) {
            const auto d = std::find_if(
                m_departments.cbegin(), m_departments.cend(),
                [&](const Department &department) { return department.id == r.ownerId; });
            scope = d != m_departments.cend() ? tr("The agents of %1").arg(d->name)
                                              : tr("another department");
        }
        auto *item = new QTreeWidgetItem(m_list, {r.title, r.shortcut, scope});
        item->setData(0, Qt::UserRole, r.id);
        if (!m_isNew && r.id == m_shown.id)
            m_list->setCurrentItem(item);
    }
}

bool CannedSettings::selectResponse(const QUuid &id)
{
    const int row = SettingsPage::indexOfId(m_responses, id);
    if (row < 0)
        return false;
    SettingsPage::setCurrentRowQuietly(m_list, row);
    showResponse(m_responses.at(row), false);
    return true;
}

void CannedSettings::newResponse()
{
    SettingsPage::setCurrentRowQuietly(m_list, -1);
    CannedResponse response;
    response.id = UuidV7Generator().next();
    response.scope = CannedScope::Personal;
    response.ownerId = m_me.id;
    showResponse(response, true);
    m_title->setFocus();
}

int CannedSettings::scopeIndex(CannedScope scope, const QUuid &owner) const
{
    for (int i = 0; i < m_scope->count(); ++i) {
        if (m_scope->itemData(i, ScopeRole).toInt() == int(scope) &&
            m_scope->itemData(i, OwnerRole).toUuid() == owner)
            return i;
    }
    return -1;
}

void CannedSettings::showResponse(const CannedResponse &response, bool isNew)
{
    if (isNew || response.id != m_shown.id)
        m_state->clear();
    m_shown = response;
    m_isNew = isNew;
    const QSignalBlocker blockTitle(m_title), blockShortcut(m_shortcut), blockBody(m_body),
        blockScope(m_scope);
    m_title->setText(response.title);
    m_shortcut->setText(response.shortcut);
    m_body->setPlainText(response.body);
    const int scope = scopeIndex(response.scope, response.ownerId);
    m_scope->setCurrentIndex(std::max(0, scope));
    // One this agent may not write is shown, not changed.
    const bool mine = scope >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_title, m_shortcut, m_scope, m_body})
        w->setEnabled(mine);
    m_remove->setEnabled(mine && !isNew);
    check();
}

void CannedSettings::check()
{
    QStringList errors;
    if (m_title->text().trimmed().isEmpty())
        errors.append(tr("A canned response needs a title."));
    const Template body = Template::parse(m_body->toPlainText());
    if (!body.good())
        errors.append(body.errorString());
    m_errors->setText(errors.join(u'\n'));
    // A new form says what is missing once something is typed into it.
    m_errors->setVisible(!errors.isEmpty() && !(m_isNew && m_title->text().isEmpty() &&
                                                m_body->toPlainText().isEmpty()));
    const Department department = m_departments.isEmpty() ? Department() : m_departments.first();
    m_preview->setPlainText(Pult::render(body, sampleTemplateContext(m_me, department, QString()),
                                         TemplateFormat::PlainText));
    const bool changed = m_isNew || m_title->text().trimmed() != m_shown.title ||
                         m_shortcut->text().trimmed() != m_shown.shortcut ||
                         m_body->toPlainText() != m_shown.body ||
                         m_scope->currentIndex() != scopeIndex(m_shown.scope, m_shown.ownerId);
    m_save->setEnabled(errors.isEmpty() && changed && m_title->isEnabled() &&
                       !m_verdict->waiting());
}

bool CannedSettings::save()
{
    if (!m_save->isEnabled())
        return false;
    CannedResponse response = m_shown;
    response.title = m_title->text().trimmed();
    response.shortcut = m_shortcut->text().trimmed();
    response.body = m_body->toPlainText();
    response.scope = CannedScope(m_scope->currentData(ScopeRole).toInt());
    response.ownerId = m_scope->currentData(OwnerRole).toUuid();
    m_verdict->submit({{QStringLiteral("type"), QStringLiteral("upsert_canned_response")},
                       {QStringLiteral("response"), Wire::toJson(response)}});
    m_isNew = false;
    m_shown = response;
    reloadList();
    check();
    return true;
}

bool CannedSettings::remove()
{
    if (m_isNew || !m_remove->isEnabled())
        return false;
    const QUuid id = m_shown.id;
    newResponse();
    m_verdict->submit({{QStringLiteral("type"), QStringLiteral("delete_canned_response")},
                       {QStringLiteral("response_id"), uuidToString(id)}});
    reloadList();
    return true;
}

} // namespace Pult
