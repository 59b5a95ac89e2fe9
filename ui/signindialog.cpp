#include "signindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pult {

SignInDialog::SignInDialog(const QString &home, const QString &server, const QString &email,
                           QWidget *parent)
    : QDialog(parent)
    , m_work(this, home)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Pult"));
    m_server = new QLineEdit(server, this);
    m_server->setObjectName(QStringLiteral("serverField"));
    m_server->setAccessibleName(tr("Server"));
    m_server->setPlaceholderText(tr("https://help.example.com"));
    m_email = new QLineEdit(email, this);
    m_email->setObjectName(QStringLiteral("emailField"));
    m_email->setAccessibleName(tr("E-mail"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *field : {m_server, m_email, m_password})
        connect(field, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    updateButtons();
    (server.isEmpty() ? m_server : email.isEmpty() ? m_email : m_password)->setFocus();
}

SignInDialog::~SignInDialog() = default;

QString SignInDialog::server() const
{
    return m_server->text().trimmed();
}

QString SignInDialog::email() const
{
    return m_email->text().trimmed();
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::updateButtons()
{
    const bool complete =
        !server().isEmpty() && !email().isEmpty() && !m_password->text().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete && !m_busy);
    for (QLineEdit *field : {m_server, m_email, m_password})
        field->setEnabled(!m_busy);
}

void SignInDialog::signIn()
{
    if (m_busy || server().isEmpty() || email().isEmpty() || m_password->text().isEmpty())
        return;
    m_busy = true;
    m_error->setText(tr("Signing in…"));
    m_error->show();
    updateButtons();
    m_work.run<QString>(
        [server = server(), email = email(),
         password = m_password->text()](SyncSession &session) -> Result<QString> {
            auto agent = session.login(server, email, password);
            if (!agent.good())
                return agent.status();
            return session.credentialNotice();
        },
        [this](const Result<QString> &result) {
            finish(result.good(), result.good() ? *result : result.status().message());
        });
}

void SignInDialog::finish(bool good, const QString &message)
{
    m_busy = false;
    updateButtons();
    if (!good) {
        m_error->setText(message);
        m_error->show();
        m_password->setFocus();
        m_password->selectAll();
        return;
    }
    m_error->hide();
    m_password->clear();
    Q_EMIT signedIn();
    accept();
}

} // namespace Pult
