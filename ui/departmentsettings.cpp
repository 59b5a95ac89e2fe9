#include "departmentsettings.h"

#include "businesshourseditor.h"
#include "goals.h"
#include "localstore.h"
#include "mailboxeditor.h"
#include "oversees.h"
#include "settingspage.h"
#include "settingverdict.h"
#include "sla.h"
#include "syncengine.h"
#include "template.h"
#include "templatepreview.h"
#include "ticketactions.h"
#include "uuid.h"
#include "wire.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace Pult {
namespace {

// The settings pultd alone keeps (GET /api/v1/departments), on the Assignment and customers tab.
constexpr std::array<const char *, 10> kServerKeys{"assignment", "assignment_cap",
                                                   "csat",       "csat_delay",
                                                   "auto_reply", "auto_reply_outside_hours",
                                                   "language",   "color",
                                                   "web_form",   "form_origins"};

constexpr int IdRole = Qt::UserRole;

QString queueOrderLabel(QueueOrder order)
{
    switch (order) {
    case QueueOrder::Fifo:
        return DepartmentSettings::tr("Oldest first");
    case QueueOrder::PriorityThenAge:
        return DepartmentSettings::tr("Highest priority, then oldest");
    case QueueOrder::CustomerPlan:
        return DepartmentSettings::tr("Customer plan, then priority");
    case QueueOrder::SlaDeadlineFirst:
        return DepartmentSettings::tr("Nearest SLA deadline first");
    }
    return {};
}

QPlainTextEdit *textEdit(const QString &objectName, int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

} // namespace

DepartmentSettings::DepartmentSettings(LocalStore &store, TicketActions &actions,
                                       SyncEngine *engine, const QString &home, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_engine(engine)
    , m_work(this, home)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&New department"), this))
    , m_tabs(new QTabWidget(this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_queueOrder(new QComboBox(this))
    , m_goals(new QLineEdit(this))
    , m_hours(new BusinessHoursEditor(this))
    , m_sla(textEdit(QStringLiteral("slaPolicy"), 3, this))
    , m_header(textEdit(QStringLiteral("replyHeader"), 3, this))
    , m_footer(textEdit(QStringLiteral("replyFooter"), 3, this))
    , m_preview(textEdit(QStringLiteral("preview"), 8, this))
    , m_assignment(new QComboBox(this))
    , m_cap(new QSpinBox(this))
    , m_csat(
          new QCheckBox(tr("Ask the customer to rate the answer when a ticket is so&lved"), this))
    , m_csatDelay(new QSpinBox(this))
    , m_autoReply(textEdit(QStringLiteral("autoReply"), 3, this))
    , m_autoReplyOutside(textEdit(QStringLiteral("autoReplyOutsideHours"), 3, this))
    , m_language(new QComboBox(this))
    , m_color(new QLineEdit(this))
    , m_webForm(new QCheckBox(tr("Customers may write in with the &web form"), this))
    , m_formOrigins(new QLineEdit(this))
    , m_serverState(new QLabel(this))
    , m_pagesState(new QLabel(this))
    , m_errors(SettingsPage::errorLine(this))
    , m_state(SettingsPage::stateLine(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
{
    m_verdict = new SettingVerdict(store, actions, engine, m_state, this);
    setWindowTitle(tr("Departments"));
    setObjectName(QStringLiteral("departmentSettings"));
    if (auto me = actions.me(); me.good()) // the window offers Settings to those signed in
        m_me = *me;
    m_admin = m_me.role == Role::Admin;

    m_list->setObjectName(QStringLiteral("departments"));
    m_add->setObjectName(QStringLiteral("newDepartment"));
    m_add->setVisible(m_admin);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (confirmDiscard())
            newDepartment();
    });
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    leftLayout->addWidget(m_add);

    // General: who the department is, how its queue is ordered, what its lead aims for.
    m_name->setObjectName(QStringLiteral("name"));
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("support@example.com"));
    m_queueOrder->setObjectName(QStringLiteral("queueOrder"));
    for (QueueOrder order : {QueueOrder::PriorityThenAge, QueueOrder::Fifo,
                             QueueOrder::SlaDeadlineFirst, QueueOrder::CustomerPlan})
        m_queueOrder->addItem(queueOrderLabel(order), static_cast<int>(order));
    m_goals->setObjectName(QStringLiteral("goals"));
    m_goals->setPlaceholderText(
        QStringLiteral("first_response 90% within 1h; resolution 95% within 24h; csat 4.5"));
    auto *general = new QWidget(m_tabs);
    auto *generalLayout = new QVBoxLayout(general);
    auto *generalForm = new QFormLayout;
    generalLayout->addLayout(generalForm);
    generalLayout->addStretch();
    generalForm->addRow(tr("&Name:"), m_name);
    generalForm->addRow(tr("&Address:"), m_email);
    generalForm->addRow(
        QString(), SettingsPage::helpLabel(
                       tr("The address customers write to; replies are sent from it."), general));
    generalForm->addRow(tr("&Queue order:"), m_queueOrder);
    generalForm->addRow(tr("&Goals:"), m_goals);
    generalForm->addRow(
        QString(),
        SettingsPage::helpLabel(
            tr("What the dashboard measures the department against: a share of first "
               "responses and of resolutions within a time, and the average satisfaction. "
               "Each is optional."),
            general));
    m_tabs->addTab(general, tr("General"));

    m_tabs->addTab(m_hours, tr("Business hours"));

    auto *sla = new QWidget(m_tabs);
    auto *slaLayout = new QVBoxLayout(sla);
    slaLayout->addWidget(m_sla);
    slaLayout->addWidget(SettingsPage::helpLabel(
        tr("Targets per priority, counted in business hours unless the policy ends with "
           "\"calendar\". For example:\nurgent: first 1h, next 2h, resolve 8h; high: first 4h, "
           "resolve 1d; normal: first 8h, resolve 3d"),
        sla));
    slaLayout->addStretch();
    m_tabs->addTab(sla, tr("SLA policy"));

    // Assignment and customers: what only pultd keeps (not in the local store).
    m_assignment->setObjectName(QStringLiteral("assignment"));
    m_assignment->addItem(tr("By hand"), QStringLiteral("manual"));
    m_assignment->addItem(tr("In turn (round robin)"), QStringLiteral("round-robin"));
    m_assignment->addItem(tr("To the least loaded agent"), QStringLiteral("least-loaded"));
    m_cap->setObjectName(QStringLiteral("assignmentCap"));
    m_cap->setRange(0, 10000);
    m_cap->setSpecialValueText(tr("no limit"));
    m_csat->setObjectName(QStringLiteral("csat"));
    m_csatDelay->setObjectName(QStringLiteral("csatDelay"));
    m_csatDelay->setRange(0, 30 * 24 * 60);
    m_csatDelay->setSuffix(tr(" min"));
    m_serverState->setObjectName(QStringLiteral("serverState"));
    m_serverState->setWordWrap(true);
    auto *customers = new QWidget(m_tabs);
    auto *customersLayout = new QVBoxLayout(customers);
    auto *customersForm = new QFormLayout;
    customersLayout->addLayout(customersForm);
    customersLayout->addWidget(m_serverState);
    customersLayout->addStretch();
    customersForm->addRow(tr("New tickets are &assigned:"), m_assignment);
    customersForm->addRow(tr("At most open &tickets per agent:"), m_cap);
    customersForm->addRow(
        QString(),
        SettingsPage::helpLabel(tr("An agent holding this many open tickets is passed by when new "
                                   "ones are assigned in turn or to the least loaded."),
                                customers));
    customersForm->addRow(QString(), m_csat);
    customersForm->addRow(tr("Survey &sent after:"), m_csatDelay);
    customersForm->addRow(tr("Auto-&reply:"), m_autoReply);
    customersForm->addRow(tr("Auto-reply &outside hours:"), m_autoReplyOutside);
    customersForm->addRow(
        QString(), SettingsPage::helpLabel(
                       tr("Sent to the customer when their mail opens a ticket; outside business "
                          "hours the second is sent, or the first when it is empty. Empty: none."),
                       customers));
    m_tabs->addTab(customers, tr("Assignment and customers"));

    // The customer pages (docs/customer-pages.md): the contact form and the status page.
    m_language->setObjectName(QStringLiteral("language"));
    // Each language by its own name, as a language picker shows them (not translated).
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Slovenščina"), QStringLiteral("sl"));
    m_language->addItem(QStringLiteral("Lietuvių"), QStringLiteral("lt"));
    m_language->addItem(QStringLiteral("Hrvatski"), QStringLiteral("hr"));
    m_language->addItem(QStringLiteral("Polski"), QStringLiteral("pl"));
    m_color->setObjectName(QStringLiteral("color"));
    m_color->setPlaceholderText(QStringLiteral("#1e5aa8"));
    auto *pickColor = new QPushButton(tr("C&hoose…"), this);
    connect(pickColor, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(QColor::fromString(m_color->text()), this);
        if (chosen.isValid())
            m_color->setText(chosen.name());
    });
    auto *color = new QHBoxLayout;
    color->addWidget(m_color, 1);
    color->addWidget(pickColor);
    m_webForm->setObjectName(QStringLiteral("webForm"));
    m_formOrigins->setObjectName(QStringLiteral("formOrigins"));
    m_formOrigins->setPlaceholderText(QStringLiteral("https://www.example.com"));
    auto *pages = new QWidget(m_tabs);
    auto *pagesLayout = new QVBoxLayout(pages);
    auto *pagesForm = new QFormLayout;
    pagesLayout->addLayout(pagesForm);
    pagesLayout->addWidget(m_pagesState);
    pagesLayout->addStretch();
    pagesForm->addRow(tr("&Language:"), m_language);
    auto *colorLabel = new QLabel(tr("Colo&ur:"), pages);
    colorLabel->setBuddy(m_color); // a row of two: the label needs its buddy named
    pagesForm->addRow(colorLabel, color);
    pagesForm->addRow(QString(), m_webForm);
    pagesForm->addRow(tr("Sites that &embed it:"), m_formOrigins);
    pagesForm->addRow(QString(),
                      SettingsPage::helpLabel(
                          tr("The contact form and the status page of a ticket speak the "
                             "customer's language when their browser names one of these, else "
                             "this one, and wear this colour. Sites that may show the form in a "
                             "frame: their origins, separated by spaces."),
                          pages));
    m_pagesState->setWordWrap(true);
    m_tabs->addTab(pages, tr("Customer pages"));

    auto *replies = new QWidget(m_tabs);
    auto *repliesForm = new QFormLayout(replies);
    repliesForm->addRow(tr("&Header:"), m_header);
    repliesForm->addRow(tr("&Footer:"), m_footer);
    repliesForm->addRow(
        QString(), SettingsPage::helpLabel(
                       tr("Put above and below every reply sent for the department. Placeholders "
                          "such as {{customer.first_name}}, {{ticket.number}} and "
                          "{{department.hours}} are filled in for each ticket."),
                       replies));
    m_preview->setReadOnly(true);
    repliesForm->addRow(tr("Preview:"), m_preview);
    m_tabs->addTab(replies, tr("Replies"));
    // Only admins manage mailboxes (and only they may read them from the server).
    if (m_admin) {
        m_mailboxes = new MailboxEditor(home, m_tabs);
        m_tabs->addTab(m_mailboxes, tr("Mailboxes"));
        m_mailboxes->reload();
    }

    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &DepartmentSettings::save);
    m_remove->setObjectName(QStringLiteral("removeDepartment"));
    connect(m_remove, &QPushButton::clicked, this, &DepartmentSettings::askToRemove);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_remove, QDialogButtonBox::DestructiveRole);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_remove->setVisible(m_admin); // after addButton, which shows it
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_tabs, 1);
    rightLayout->addWidget(m_errors);
    rightLayout->addWidget(m_state);
    rightLayout->addWidget(buttons);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 620});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    resize(860, 600);

    // Only admins change the name, address, hours and SLA policy (pultd's rule, which it
    // enforces whatever this shows).
    const QString adminOnly = tr("Only an admin changes this.");
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_name, m_email, m_hours, m_sla, m_assignment, m_cap, m_csat, m_csatDelay, m_autoReply,
             m_autoReplyOutside, m_language, m_color, m_webForm, m_formOrigins}) {
        w->setEnabled(m_admin);
        if (!m_admin)
            w->setToolTip(adminOnly);
    }

    for (QLineEdit *edit : {m_name, m_email, m_goals})
        connect(edit, &QLineEdit::textChanged, this, &DepartmentSettings::check);
    for (QPlainTextEdit *edit : {m_sla, m_header, m_footer, m_autoReply, m_autoReplyOutside})
        connect(edit, &QPlainTextEdit::textChanged, this, &DepartmentSettings::check);
    connect(m_assignment, &QComboBox::currentIndexChanged, this, &DepartmentSettings::check);
    connect(m_cap, &QSpinBox::valueChanged, this, &DepartmentSettings::check);
    connect(m_csat, &QCheckBox::toggled, this, &DepartmentSettings::check);
    connect(m_csatDelay, &QSpinBox::valueChanged, this, &DepartmentSettings::check);
    connect(m_language, &QComboBox::currentIndexChanged, this, &DepartmentSettings::check);
    connect(m_webForm, &QCheckBox::toggled, this, &DepartmentSettings::check);
    for (QLineEdit *edit : {m_color, m_formOrigins})
        connect(edit, &QLineEdit::textChanged, this, &DepartmentSettings::check);
    connect(m_queueOrder, &QComboBox::currentIndexChanged, this, &DepartmentSettings::check);
    connect(m_hours, &BusinessHoursEditor::changed, this, &DepartmentSettings::check);
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *current, QListWidgetItem *previous) {
                if (!current || (!m_isNew && current->data(IdRole).toUuid() == m_loaded.id))
                    return;
                if (!confirmDiscard()) {
                    const QSignalBlocker blocker(m_list);
                    m_list->setCurrentItem(previous);
                    return;
                }
                selectDepartment(current->data(IdRole).toUuid());
            });
    connect(m_verdict, &SettingVerdict::refused, this, [this] {
        check(); // the form keeps what was typed, to mend and save again
    });
    connect(m_verdict, &SettingVerdict::applied, this, [this] {
        // The department as the server keeps it is in the store now.
        const QUuid id = m_loaded.id;
        m_isNew = false;
        reloadList();
        if (!selectDepartment(id))
            check();
        reloadServerSettings();
    });

    reloadServerSettings();
    reloadList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else if (m_admin)
        newDepartment();
    else
        check();
}

void DepartmentSettings::reloadList()
{
    auto departments = m_store.departments();
    if (!departments.good()) {
        showState(m_state, departments.status().message(), true);
        return;
    }
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_departments.clear();
    for (const Department &d : std::as_const(*departments)) {
        if (!m_admin && !(m_me.role == Role::Lead && oversees(m_me, d.id)))
            continue;
        m_departments.append(d);
        auto *item = new QListWidgetItem(d.name, m_list);
        item->setData(IdRole, d.id);
        if (!m_isNew && d.id == m_loaded.id)
            m_list->setCurrentItem(item);
    }
}

bool DepartmentSettings::selectDepartment(const QUuid &id)
{
    // The list's rows are m_departments, in order.
    const int row = SettingsPage::indexOfId(m_departments, id);
    if (row < 0)
        return false;
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(row);
    }
    load(m_departments.at(row), false);
    return true;
}

void DepartmentSettings::newDepartment()
{
    Department d;
    d.id = UuidV7Generator().next();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    load(d, true);
    m_tabs->setCurrentIndex(0);
    m_name->setFocus();
}

void DepartmentSettings::load(const Department &department, bool isNew)
{
    m_loaded = department;
    m_isNew = isNew;
    const QSignalBlocker blockName(m_name), blockEmail(m_email), blockGoals(m_goals),
        blockOrder(m_queueOrder), blockSla(m_sla), blockHeader(m_header), blockFooter(m_footer);
    m_name->setText(department.name);
    m_email->setText(department.email);
    m_queueOrder->setCurrentIndex(m_queueOrder->findData(static_cast<int>(department.queueOrder)));
    m_goals->setText(department.goals);
    m_hours->setText(department.businessHours);
    m_sla->setPlainText(department.slaPolicy);
    m_header->setPlainText(department.replyHeader);
    m_footer->setPlainText(department.replyFooter);
    m_state->clear();
    showServerSettings();
    if (m_mailboxes)
        m_mailboxes->setDepartment(isNew ? QUuid() : department.id);
}

void DepartmentSettings::reloadServerSettings()
{
    m_work.run<QJsonObject>(
        [](SyncSession &session) { return session.fetch(QStringLiteral("/api/v1/departments")); },
        [this](const Result<QJsonObject> &answer) {
            // What was typed into these settings meanwhile stays (compared with the new
            // values, it is still a change to save); an untouched form shows the new values.
            QStringList ignored;
            const QJsonObject typed = changedFields(ignored);
            const bool edited =
                std::any_of(kServerKeys.cbegin(), kServerKeys.cend(),
                            [&](const char *key) { return typed.contains(QLatin1String(key)); });
            if (answer.good()) {
                m_server.clear();
                m_serverError.clear();
                for (const QJsonValue &value :
                     answer->value(QLatin1String("departments")).toArray())
                    m_server.insert(Wire::uuidOf(value.toObject().value(QLatin1String("id"))),
                                    value.toObject());
            } else {
                m_serverError = answer.status().message();
            }
            showServerSettings(!edited);
            Q_EMIT serverSettingsLoaded();
        });
}

void DepartmentSettings::showServerSettings(bool refill)
{
    // A new department starts from pultd's defaults.
    const bool known = m_isNew || m_server.contains(m_loaded.id);
    const QJsonObject settings = m_isNew ? QJsonObject() : m_server.value(m_loaded.id);
    if (refill) {
        const QSignalBlocker b1(m_assignment), b2(m_cap), b3(m_csat), b4(m_csatDelay),
            b5(m_autoReply), b6(m_autoReplyOutside);
        m_assignment->setCurrentIndex(std::max(
            0, m_assignment->findData(settings.value(QLatin1String("assignment")).toString())));
        m_cap->setValue(settings.value(QLatin1String("assignment_cap")).toString().toInt());
        m_csat->setChecked(settings.value(QLatin1String("csat")).toString() != u"off");
        const QString delay = settings.value(QLatin1String("csat_delay")).toString();
        m_csatDelay->setValue(delay.isEmpty() ? 60 : delay.toInt());
        m_autoReply->setPlainText(settings.value(QLatin1String("auto_reply")).toString());
        m_autoReplyOutside->setPlainText(
            settings.value(QLatin1String("auto_reply_outside_hours")).toString());
        const QSignalBlocker b7(m_language), b8(m_color), b9(m_webForm), b10(m_formOrigins);
        m_language->setCurrentIndex(std::max(
            0, m_language->findData(settings.value(QLatin1String("language")).toString())));
        m_color->setText(settings.value(QLatin1String("color")).toString());
        m_webForm->setChecked(settings.value(QLatin1String("web_form")).toString() != u"off");
        m_formOrigins->setText(settings.value(QLatin1String("form_origins")).toString());
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_assignment, m_cap, m_csat, m_csatDelay,
                                                       m_autoReply, m_autoReplyOutside, m_language,
                                                       m_color, m_webForm, m_formOrigins})
        w->setEnabled(m_admin && known);
    for (QLabel *state : {m_serverState, m_pagesState}) {
        state->setText(known ? QString()
                       : m_serverError.isEmpty()
                           ? tr("Reading these settings from the server…")
                           : tr("These settings are kept on the server, which could not be "
                                "read: %1")
                                 .arg(m_serverError));
        state->setVisible(!known);
    }
    check();
}

QJsonObject DepartmentSettings::changedFields(QStringList &errors) const
{
    QJsonObject fields;
    const auto put = [&](const char *key, const QString &value, const QString &loaded) {
        if (m_isNew ? !value.isEmpty() : value != loaded)
            fields.insert(QLatin1String(key), value);
    };
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        errors.append(tr("Name: a department needs a name."));
    put("name", name, m_loaded.name);
    const QString email = m_email->text().trimmed();
    if (!email.isEmpty() && !email.contains(u'@'))
        errors.append(tr("Address: \"%1\" is not an e-mail address.").arg(email));
    put("email", email, m_loaded.email);

    if (auto hours = m_hours->text(); hours.good())
        put("business_hours", *hours, m_loaded.businessHours);
    else
        errors.append(tr("Business hours: %1").arg(hours.status().message()));

    const QString slaText = m_sla->toPlainText().trimmed();
    if (auto policy = SlaPolicy::parse(slaText); !policy.good())
        errors.append(tr("SLA policy: %1").arg(policy.status().message()));
    else
        put("sla_policy", slaText.isEmpty() ? QString() : policy->toString(), m_loaded.slaPolicy);

    const auto order = static_cast<QueueOrder>(m_queueOrder->currentData().toInt());
    if (m_isNew ? order != Department().queueOrder : order != m_loaded.queueOrder)
        fields.insert(QStringLiteral("queue_order"), toString(order));

    for (const auto &[edit, key, loaded, label] :
         {std::tuple{m_header, "reply_header", m_loaded.replyHeader, tr("Header")},
          std::tuple{m_footer, "reply_footer", m_loaded.replyFooter, tr("Footer")}}) {
        const QString text = edit->toPlainText().trimmed();
        const Template tpl = Template::parse(text);
        if (!tpl.good())
            errors.append(QStringLiteral("%1: %2").arg(label, tpl.errorString()));
        put(key, text, loaded);
    }

    // The server's settings, when they are known (a new department's against the defaults).
    if (m_isNew || m_server.contains(m_loaded.id)) {
        const QJsonObject server = m_isNew ? QJsonObject() : m_server.value(m_loaded.id);
        const auto serverPut = [&](const char *key, const QString &value, const QString &fallback) {
            const QString before = server.value(QLatin1String(key)).toString();
            if (value != (before.isEmpty() ? fallback : before))
                fields.insert(QLatin1String(key), value);
        };
        serverPut("assignment", m_assignment->currentData().toString(), QStringLiteral("manual"));
        serverPut("assignment_cap", QString::number(m_cap->value()), QStringLiteral("0"));
        serverPut("csat", m_csat->isChecked() ? QStringLiteral("on") : QStringLiteral("off"),
                  QStringLiteral("on"));
        serverPut("csat_delay", QString::number(m_csatDelay->value()), QStringLiteral("60"));
        for (const auto &[edit, key, label] :
             {std::tuple{m_autoReply, "auto_reply", tr("Auto-reply")},
              std::tuple{m_autoReplyOutside, "auto_reply_outside_hours",
                         tr("Auto-reply outside hours")}}) {
            const QString text = edit->toPlainText().trimmed();
            if (const Template tpl = Template::parse(text); !tpl.good())
                errors.append(QStringLiteral("%1: %2").arg(label, tpl.errorString()));
            serverPut(key, text, QString());
        }
        serverPut("language", m_language->currentData().toString(), QStringLiteral("en"));
        const QString color = m_color->text().trimmed();
        static const QRegularExpression rgb(QStringLiteral("^#[0-9a-fA-F]{6}$"));
        if (!color.isEmpty() && !rgb.match(color).hasMatch())
            errors.append(tr("Colour: \"%1\" is not a colour written #rrggbb.").arg(color));
        serverPut("color", color, QString());
        serverPut("web_form", m_webForm->isChecked() ? QStringLiteral("on") : QStringLiteral("off"),
                  QStringLiteral("on"));
        // As pultd checks them: http(s)://HOST[:PORT], no path.
        static const QRegularExpression origin(
            QStringLiteral("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$"));
        const QStringList origins = m_formOrigins->text().split(u' ', Qt::SkipEmptyParts);
        for (const QString &o : origins) {
            if (!origin.match(o).hasMatch()) {
                errors.append(tr("Sites that embed it: \"%1\" is not an origin such as "
                                 "https://www.example.com.")
                                  .arg(o));
                break;
            }
        }
        serverPut("form_origins", origins.join(u' '), QString());
    }

    if (auto goals = Goals::parse(m_goals->text()); goals.good())
        put("goals", goals->toString(), m_loaded.goals);
    else
        errors.append(tr("Goals: %1").arg(goals.status().message()));
    return fields;
}

void DepartmentSettings::check()
{
    QStringList errors;
    const QJsonObject fields = changedFields(errors);
    m_errors->setText(errors.join(u'\n'));
    // A new form says what is missing once something is typed into it.
    m_errors->setVisible(!errors.isEmpty() && !(m_isNew && m_name->text().isEmpty()));
    m_save->setEnabled(errors.isEmpty() && !fields.isEmpty() && !m_verdict->waiting() &&
                       (m_isNew || !m_loaded.id.isNull()));
    m_remove->setEnabled(m_admin && !m_isNew && !m_loaded.id.isNull() && m_departments.size() > 1 &&
                         !m_removing);

    // The reply frame around a sample reply, for a sample ticket of this department.
    Department department = m_loaded;
    department.name = m_name->text().trimmed();
    auto hours = m_hours->text();
    const TemplateContext context =
        sampleTemplateContext(m_me, department, hours.good() ? *hours : QString());
    QString preview = composeReply(Template::parse(m_header->toPlainText().trimmed()),
                                   Template::literal(tr("(Your reply.)")),
                                   Template::parse(m_footer->toPlainText().trimmed()), Template(),
                                   context, TemplateFormat::PlainText);
    if (const QString autoReply = m_autoReply->toPlainText().trimmed(); !autoReply.isEmpty())
        preview += u"\n\n" + tr("The auto-reply to a new ticket:") + u"\n\n" +
                   Pult::render(Template::parse(autoReply), context, TemplateFormat::PlainText);
    m_preview->setPlainText(preview);
}

bool DepartmentSettings::confirmDiscard()
{
    QStringList errors;
    if (changedFields(errors).isEmpty() || m_verdict->waiting())
        return true;
    return QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("Discard your changes to %1?")
                                     .arg(m_isNew ? tr("the new department") : m_loaded.name),
                                 QMessageBox::Discard | QMessageBox::Cancel) ==
           QMessageBox::Discard;
}

bool DepartmentSettings::save()
{
    QStringList errors;
    QJsonObject fields = changedFields(errors);
    if (!errors.isEmpty()) {
        showState(m_state, tr("Mend the errors above first."), true);
        return false;
    }
    if (fields.isEmpty() || m_verdict->waiting())
        return false;
    fields.insert(QStringLiteral("id"), uuidToString(m_loaded.id));
    const QJsonObject op{{QStringLiteral("type"), m_isNew ? QStringLiteral("create_department")
                                                          : QStringLiteral("update_department")},
                         {QStringLiteral("department"), fields}};
    if (!m_verdict->submit(op))
        return false;
    m_save->setEnabled(false);
    return true;
}

void DepartmentSettings::askToRemove()
{
    QDialog ask(this);
    ask.setWindowTitle(tr("Remove department"));
    auto *text = new QLabel(
        tr("Remove the department %1? Its tickets, canned responses, shared views and mailboxes "
           "move to the department chosen here, and its rules too, switched off for its lead to "
           "look at. Its agents leave it. This cannot be undone.")
            .arg(m_loaded.name),
        &ask);
    text->setWordWrap(true);
    auto *target = new QComboBox(&ask);
    target->setObjectName(QStringLiteral("moveTo"));
    for (const Department &d : std::as_const(m_departments)) {
        if (d.id != m_loaded.id)
            target->addItem(d.name, d.id);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("&Move them to:"), target);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &ask);
    buttons->addButton(tr("&Remove"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto *layout = new QVBoxLayout(&ask);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (ask.exec() == QDialog::Accepted)
        removeDepartment(target->currentData().toUuid());
}

bool DepartmentSettings::removeDepartment(const QUuid &moveTo)
{
    const int target = SettingsPage::indexOfId(m_departments, moveTo);
    if (!m_admin || m_isNew || m_removing || target < 0 || moveTo == m_loaded.id)
        return false;
    const Department removed = m_loaded;
    const QString targetName = m_departments.at(target).name;
    m_removing = true;
    check();
    showState(m_state, tr("Removing…"), false);
    const QJsonObject op{{QStringLiteral("type"), QStringLiteral("delete_department")},
                         {QStringLiteral("department_id"), uuidToString(removed.id)},
                         {QStringLiteral("move_to"), uuidToString(moveTo)}};
    m_work.run<QJsonObject>(
        [op](SyncSession &session) { return session.applyNow(op); },
        [this, removed, moveTo, targetName](const Result<QJsonObject> &answer) {
            m_removing = false;
            if (const auto why = refusalOf(answer)) {
                check();
                showState(m_state, tr("The server refused the change: %1").arg(*why), true);
                return;
            }
            // Gone from the list now; the store drops it as the sync brings the removal.
            if (const int row = SettingsPage::indexOfId(m_departments, removed.id); row >= 0) {
                const QSignalBlocker blocker(m_list);
                m_departments.removeAt(row);
                delete m_list->takeItem(row);
            }
            selectDepartment(moveTo);
            const int moved = int(answer->value(QLatin1String("moved_tickets")).toInteger());
            showState(m_state,
                      (moved == 1 ? tr("%1 removed; %n ticket moved to %2.", nullptr, moved)
                                  : tr("%1 removed; %n tickets moved to %2.", nullptr, moved))
                          .arg(removed.name, targetName),
                      false);
            if (m_engine)
                m_engine->syncNow();
        });
    return true;
}

} // namespace Pult
