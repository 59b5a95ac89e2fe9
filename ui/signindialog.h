#pragma once

// Signing a profile in to a Pult server: server URL, e-mail and password. The sign-in runs on
// a thread of its own (it waits on the network), with its own connection to the profile's
// store, and the dialog shows the server's answer: a wrong password, an unreachable server, a
// certificate problem, or a profile that holds another account's data.

#include "sessionwork.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Pult {

class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    // home: the profile directory; server and email prefill the form (the last ones used).
    SignInDialog(const QString &home, const QString &server, const QString &email,
                 QWidget *parent = nullptr);
    ~SignInDialog() override;

    QString server() const;
    QString email() const;
    // The last error shown, empty when none.
    QString errorText() const;

    // Starts signing in with what the form holds; accept() follows success.
    void signIn();

Q_SIGNALS:
    void signedIn();

private:
    void finish(bool good, const QString &message);
    void updateButtons();

    QLineEdit *m_server = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
    SessionWork m_work; // the sign-in running, if any (declared last: it goes first)
};

} // namespace Pult
