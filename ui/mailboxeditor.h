#pragma once

// Settings → Departments → Mailboxes (admins): the addresses customers write to, which pultd
// fetches over IMAP and answers from over SMTP (docs/email.md), for the department shown.
//
// The list is the server's (GET /api/v1/mailboxes, admins only), with what each mailbox's
// fetcher is doing. Save sends one upsert_mailbox and Remove one delete_mailbox at once, never
// through the outbox: the op carries the passwords, which must not wait in the local store.
// The passwords are write-only: the server never shows them, and left empty they stay as they
// are. Each field is checked as it is typed; pultd checks again and its reason is shown.

#include "sessionwork.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Pult {

class MailboxEditor : public QWidget
{
    Q_OBJECT

public:
    // home: the profile directory (the requests run in SessionWork).
    explicit MailboxEditor(const QString &home, QWidget *parent = nullptr);

    // Shows the department's mailboxes (the form for a new one when it has none).
    void setDepartment(const QUuid &id);
    // Reads the server's list again; loaded() follows.
    void reload();
    void newMailbox();
    // Sends the form; false (with the reason on the state line) when nothing was sent.
    bool save();
    // Removes the mailbox shown; false when none is.
    bool remove();

    // The parts, for tests (also by objectName).
    QTreeWidget *mailboxes() const { return m_list; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *imapEdit() const { return m_imap; }
    QLineEdit *imapPasswordEdit() const { return m_imapPassword; }
    QLineEdit *smtpEdit() const { return m_smtp; }
    QLineEdit *smtpPasswordEdit() const { return m_smtpPassword; }
    QCheckBox *startTlsBox() const { return m_startTls; }
    QComboBox *afterBox() const { return m_after; }
    QLineEdit *folderEdit() const { return m_folder; }
    QComboBox *charsetBox() const { return m_charset; }
    QLabel *errorLabel() const { return m_errors; }
    QLabel *stateLabel() const { return m_state; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void loaded();

private:
    // The department's rows of the server's list, keeping the one shown selected.
    void showList();
    void show(const QJsonObject &mailbox, bool isNew);
    // Checks every field, shows the first errors, and enables Save.
    void check();
    // The op's mailbox object from the form; errors say what is wrong.
    QJsonObject formSettings(QStringList &errors) const;
    // Sends the op at once; `done` goes on the state line when it was applied, then the list is
    // read again showing `address` (empty: a new form).
    void send(const QJsonObject &op, const QString &done, const QString &address);

    SessionWork m_work;
    QUuid m_department;
    QJsonArray m_all;    // the server's mailboxes, every department's
    QString m_readError; // why the list could not be read
    QJsonObject m_shown; // the mailbox in the form, as the server listed it
    bool m_isNew = true;
    bool m_sending = false;

    QTreeWidget *m_list;
    QLineEdit *m_address;
    QLineEdit *m_imap;
    QLineEdit *m_imapPassword;
    QLineEdit *m_smtp;
    QLineEdit *m_smtpPassword;
    QCheckBox *m_startTls;
    QComboBox *m_after;
    QLineEdit *m_folder;
    QComboBox *m_charset;
    QLabel *m_errors;
    QLabel *m_state;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace Pult
