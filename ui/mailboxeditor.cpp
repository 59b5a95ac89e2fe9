#include "mailboxeditor.h"

#include "settingspage.h"
#include "settingverdict.h"
#include "uuid.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace Pult {

namespace {

// Why the URL is not one of these schemes with a host (and a user name when `needsUser`), or
// empty when it is.
QString urlError(const QString &text, const QStringList &schemes, bool needsUser)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || !schemes.contains(url.scheme()) || url.host().isEmpty())
        return MailboxEditor::tr("not a %1 address").arg(schemes.join(u'/'));
    if (needsUser && url.userName().isEmpty())
        return MailboxEditor::tr("give the user name before the host, as %1://USER@HOST")
            .arg(schemes.constLast());
    if (!url.password().isEmpty())
        return MailboxEditor::tr("put the password in its own field, not in the address");
    return {};
}

} // namespace

MailboxEditor::MailboxEditor(const QString &home, QWidget *parent)
    : QWidget(parent)
    , m_work(this, home)
    , m_list(new QTreeWidget(this))
    , m_address(new QLineEdit(this))
    , m_imap(new QLineEdit(this))
    , m_imapPassword(new QLineEdit(this))
    , m_smtp(new QLineEdit(this))
    , m_smtpPassword(new QLineEdit(this))
    , m_startTls(new QCheckBox(tr("Use S&TARTTLS on imap:// and smtp:// addresses"), this))
    , m_after(new QComboBox(this))
    , m_folder(new QLineEdit(this))
    , m_charset(new QComboBox(this))
    , m_errors(SettingsPage::errorLine(this))
    , m_state(SettingsPage::stateLine(this))
    , m_new(new QPushButton(tr("New mai&lbox"), this))
    , m_save(new QPushButton(tr("Save mail&box"), this))
    , m_remove(new QPushButton(tr("Remove mailbo&x"), this))
{
    setObjectName(QStringLiteral("mailboxEditor"));
    m_list->setObjectName(QStringLiteral("mailboxes"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Address"), tr("State")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->setMaximumHeight(fontMetrics().height() * 7);
    m_address->setObjectName(QStringLiteral("mailboxAddress"));
    m_address->setPlaceholderText(QStringLiteral("support@example.com"));
    m_imap->setObjectName(QStringLiteral("imapUrl"));
    m_imap->setPlaceholderText(QStringLiteral("imaps://support@imap.example.com/INBOX"));
    m_smtp->setObjectName(QStringLiteral("smtpUrl"));
    m_smtp->setPlaceholderText(QStringLiteral("smtps://support@smtp.example.com"));
    for (QLineEdit *password : {m_imapPassword, m_smtpPassword})
        password->setEchoMode(QLineEdit::Password);
    m_imapPassword->setObjectName(QStringLiteral("imapPassword"));
    m_smtpPassword->setObjectName(QStringLiteral("smtpPassword"));
    m_after->setObjectName(QStringLiteral("after"));
    m_after->addItem(tr("Mark it as read"), QStringLiteral("flag"));
    m_after->addItem(tr("Delete it"), QStringLiteral("delete"));
    m_after->addItem(tr("Move it to the folder"), QStringLiteral("move"));
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setPlaceholderText(tr("Folder"));
    m_charset->setObjectName(QStringLiteral("charset"));
    m_charset->setEditable(true);
    m_charset->addItems({QStringLiteral("windows-1252"), QStringLiteral("windows-1250"),
                         QStringLiteral("windows-1257"), QStringLiteral("iso-8859-2"),
                         QStringLiteral("iso-8859-13")});

    auto *after = new QHBoxLayout;
    after->addWidget(m_after);
    after->addWidget(m_folder, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Incoming mail (IMAP):"), m_imap);
    form->addRow(tr("IMAP pass&word:"), m_imapPassword);
    form->addRow(tr("&Outgoing mail (SMTP):"), m_smtp);
    form->addRow(tr("SMTP passwor&d:"), m_smtpPassword);
    form->addRow(QString(), m_startTls);
    auto *afterLabel = new QLabel(tr("After &fetching a mail:"), this);
    afterLabel->setBuddy(m_after); // a row of two: the label needs its buddy named
    form->addRow(afterLabel, after);
    form->addRow(tr("&Charset of 8-bit mail:"), m_charset);
    form->addRow(QString(),
                 SettingsPage::helpLabel(
                     tr("pultd fetches new mail from the IMAP folder as it arrives, makes "
                        "tickets of it, and sends the department's replies through SMTP. The "
                        "server keeps the passwords sealed and never shows them: leave them "
                        "empty to keep them. The charset is for mail from old programs that "
                        "do not say theirs: windows-1250 for Slovenian, Croatian and Polish, "
                        "windows-1257 for Lithuanian."),
                     this));

    m_new->setObjectName(QStringLiteral("newMailbox"));
    m_save->setObjectName(QStringLiteral("saveMailbox"));
    m_remove->setObjectName(QStringLiteral("removeMailbox"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addLayout(form);
    layout->addWidget(m_errors);
    layout->addWidget(m_state);
    layout->addLayout(buttons);
    layout->addStretch();

    for (QLineEdit *edit : {m_address, m_imap, m_imapPassword, m_smtp, m_smtpPassword, m_folder})
        connect(edit, &QLineEdit::textChanged, this, &MailboxEditor::check);
    connect(m_startTls, &QCheckBox::toggled, this, &MailboxEditor::check);
    connect(m_after, &QComboBox::currentIndexChanged, this, &MailboxEditor::check);
    connect(m_charset, &QComboBox::currentTextChanged, this, &MailboxEditor::check);
    connect(m_new, &QPushButton::clicked, this, &MailboxEditor::newMailbox);
    connect(m_save, &QPushButton::clicked, this, &MailboxEditor::save);
    connect(m_remove, &QPushButton::clicked, this, &MailboxEditor::remove);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (!current)
            return;
        const QString address = current->text(0);
        for (const QJsonValue &v : std::as_const(m_all)) {
            if (v[QLatin1String("address")].toString() == address)
                show(v.toObject(), false);
        }
    });
    show({}, true);
}

void MailboxEditor::setDepartment(const QUuid &id)
{
    if (id == m_department)
        return;
    m_department = id;
    m_shown = {};
    m_isNew = false;
    m_state->clear();
    showList();
}

void MailboxEditor::reload()
{
    m_work.run<QJsonObject>(
        [](SyncSession &session) { return session.fetch(QStringLiteral("/api/v1/mailboxes")); },
        [this](const Result<QJsonObject> &answer) {
            if (answer.good()) {
                m_all = answer->value(QLatin1String("mailboxes")).toArray();
                m_readError.clear();
            } else {
                m_readError = answer.status().message();
            }
            showList();
            Q_EMIT loaded();
        });
}

void MailboxEditor::showList()
{
    const QString shown = m_isNew ? QString() : m_shown.value(QLatin1String("address")).toString();
    // The first one when nothing particular is shown: the department was just chosen, or a new
    // form is still empty.
    const bool pickFirst = m_isNew ? m_address->text().isEmpty() : shown.isEmpty();
    QTreeWidgetItem *selected = nullptr;
    QJsonObject selectedMailbox;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const QJsonValue &v : std::as_const(m_all)) {
            const QJsonObject m = v.toObject();
            if (QUuid::fromString(m.value(QLatin1String("department_id")).toString()) !=
                m_department)
                continue;
            const QString address = m.value(QLatin1String("address")).toString();
            const QString error = m.value(QLatin1String("last_error")).toString();
            const QString state =
                !m.value(QLatin1String("fetched_here")).toBool()
                    ? tr("Not fetched by this server yet")
                : !error.isEmpty()                              ? tr("Failing: %1").arg(error)
                : !m.value(QLatin1String("connected")).toBool() ? tr("Connecting…")
                : m.value(QLatin1String("idle")).toBool()       ? tr("Connected, waiting for mail")
                                                                : tr("Connected");
            auto *item = new QTreeWidgetItem(m_list, {address, state});
            item->setToolTip(1, state);
            if (!selected && (pickFirst || (!m_isNew && address == shown))) {
                selected = item;
                selectedMailbox = m;
            }
        }
        m_list->setCurrentItem(selected);
    }
    if (!m_readError.isEmpty())
        showState(m_state,
                  tr("The mailboxes could not be read from the server: %1").arg(m_readError), true);
    if (selected)
        show(selectedMailbox, false);
    else if (!m_isNew)
        show({}, true);
}

void MailboxEditor::newMailbox()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
    }
    show({}, true);
    m_address->setFocus();
}

void MailboxEditor::show(const QJsonObject &mailbox, bool isNew)
{
    m_shown = mailbox;
    m_isNew = isNew;
    const QSignalBlocker b1(m_address), b2(m_imap), b3(m_imapPassword), b4(m_smtp),
        b5(m_smtpPassword), b6(m_startTls), b7(m_after), b8(m_folder), b9(m_charset);
    m_address->setText(mailbox.value(QLatin1String("address")).toString());
    m_address->setReadOnly(!isNew); // the address is the mailbox: another one is a new mailbox
    m_imap->setText(mailbox.value(QLatin1String("imap_url")).toString());
    m_smtp->setText(mailbox.value(QLatin1String("smtp_url")).toString());
    m_imapPassword->clear();
    m_smtpPassword->clear();
    for (QLineEdit *password : {m_imapPassword, m_smtpPassword})
        password->setPlaceholderText(isNew ? tr("required") : tr("unchanged"));
    m_startTls->setChecked(mailbox.value(QLatin1String("starttls")).toBool());
    const QString after = mailbox.value(QLatin1String("after")).toString(QStringLiteral("flag"));
    const bool move = after.startsWith(QLatin1String("move:"));
    m_after->setCurrentIndex(m_after->findData(move ? QStringLiteral("move") : after));
    m_folder->setText(move ? after.mid(5) : QString());
    m_charset->setCurrentText(
        mailbox.value(QLatin1String("charset")).toString(QStringLiteral("windows-1252")));
    check();
}

QJsonObject MailboxEditor::formSettings(QStringList &errors) const
{
    const QString address = m_address->text().trimmed().toLower();
    const qsizetype at = address.indexOf(u'@');
    if (at <= 0 || at != address.lastIndexOf(u'@') || at == address.size() - 1 ||
        address.contains(u' '))
        errors.append(tr("Address: \"%1\" is not an e-mail address.").arg(address));
    if (const QString why =
            urlError(m_imap->text(), {QStringLiteral("imap"), QStringLiteral("imaps")}, true);
        !why.isEmpty())
        errors.append(tr("Incoming mail: %1.").arg(why));
    if (const QString why =
            urlError(m_smtp->text(), {QStringLiteral("smtp"), QStringLiteral("smtps")}, false);
        !why.isEmpty())
        errors.append(tr("Outgoing mail: %1.").arg(why));
    QString after = m_after->currentData().toString();
    if (after == u"move") {
        if (m_folder->text().trimmed().isEmpty())
            errors.append(tr("After fetching: name the folder to move mail to."));
        after += u':' + m_folder->text().trimmed();
    }
    if (m_charset->currentText().trimmed().isEmpty())
        errors.append(tr("Charset: name one, such as windows-1250."));
    const bool imapPassword = !m_imapPassword->text().isEmpty();
    const bool smtpPassword = !m_smtpPassword->text().isEmpty();
    if (m_isNew && (!imapPassword || !smtpPassword))
        errors.append(tr("A new mailbox needs its IMAP and SMTP passwords."));
    else if (imapPassword != smtpPassword)
        errors.append(tr("Give both passwords to change them, or neither to keep them."));
    return {{QStringLiteral("address"), address},
            {QStringLiteral("department_id"), uuidToString(m_department)},
            {QStringLiteral("imap_url"), m_imap->text().trimmed()},
            {QStringLiteral("smtp_url"), m_smtp->text().trimmed()},
            {QStringLiteral("starttls"), m_startTls->isChecked()},
            {QStringLiteral("after"), after},
            {QStringLiteral("charset"), m_charset->currentText().trimmed()}};
}

void MailboxEditor::check()
{
    m_folder->setEnabled(m_after->currentData().toString() == u"move");
    QStringList errors;
    const QJsonObject settings = formSettings(errors);
    bool changed = m_isNew || !m_imapPassword->text().isEmpty();
    for (auto it = settings.begin(); it != settings.end() && !changed; ++it)
        changed = it.key() != u"department_id" && m_shown.value(it.key()) != it.value();
    m_errors->setText(errors.join(u'\n'));
    // A new form says what is missing once something is typed into it.
    m_errors->setVisible(!errors.isEmpty() && !(m_isNew && m_address->text().isEmpty()));
    m_save->setEnabled(errors.isEmpty() && changed && !m_sending && !m_department.isNull());
    m_remove->setEnabled(!m_isNew && !m_sending);
}

bool MailboxEditor::save()
{
    QStringList errors;
    const QJsonObject settings = formSettings(errors);
    if (!errors.isEmpty() || m_sending || m_department.isNull()) {
        if (!errors.isEmpty())
            showState(m_state, tr("Mend the errors above first."), true);
        return false;
    }
    QJsonObject op{{QStringLiteral("type"), QStringLiteral("upsert_mailbox")},
                   {QStringLiteral("mailbox"), settings}};
    if (!m_imapPassword->text().isEmpty()) {
        op.insert(QStringLiteral("imap_password"), m_imapPassword->text());
        op.insert(QStringLiteral("smtp_password"), m_smtpPassword->text());
    }
    const QString address = settings.value(QLatin1String("address")).toString();
    send(op, m_isNew ? tr("Mailbox %1 added.").arg(address) : tr("Mailbox %1 saved.").arg(address),
         address);
    return true;
}

bool MailboxEditor::remove()
{
    if (m_isNew || m_sending)
        return false;
    const QString address = m_shown.value(QLatin1String("address")).toString();
    send({{QStringLiteral("type"), QStringLiteral("delete_mailbox")},
          {QStringLiteral("address"), address}},
         tr("Mailbox %1 removed.").arg(address), QString());
    return true;
}

void MailboxEditor::send(const QJsonObject &op, const QString &done, const QString &address)
{
    m_sending = true;
    check();
    showState(m_state, tr("Saving…"), false);
    m_work.run<QJsonObject>(
        [op](SyncSession &session) { return session.applyNow(op); },
        [this, done, address](const Result<QJsonObject> &answer) {
            m_sending = false;
            if (const auto why = refusalOf(answer)) {
                check(); // the form keeps what was typed, to mend and save again
                showState(m_state, tr("The server refused the change: %1").arg(*why), true);
                return;
            }
            // Shown as the server lists it once read again; the passwords are not kept here.
            if (address.isEmpty()) {
                show({}, true);
            } else {
                m_isNew = false;
                m_shown = {{QStringLiteral("address"), address}};
            }
            showState(m_state, done, false);
            reload();
        });
}

} // namespace Pult
