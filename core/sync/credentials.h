#pragma once

// Where a signed-in profile keeps its bearer token: the OS keychain through QtKeychain, or, where
// no keychain service runs (a server, CI, a container), a file readable only by the user.
//
// How Backend::Automatic decides (PULT_CREDENTIALS=file|keychain overrides it, any other
// non-empty value is an Invalid error):
//  - On Linux and the BSDs the keychain is reached over the D-Bus session bus. Without
//    DBUS_SESSION_BUS_ADDRESS the file is used at once, without asking QtKeychain: libdbus would
//    otherwise try to autolaunch a bus through dbus-launch whenever DISPLAY is set.
//  - Otherwise the keychain is asked first. The errors NoBackendAvailable, NotImplemented,
//    OtherError (QtKeychain 0.13 reports a session bus without a secret service this way) and
//    AccessDenied, and no answer within 5 s, send the token to the file instead. Any other error
//    (e.g. the user refused access in a keychain prompt) is returned. After a timeout the process
//    stops asking the keychain, so one hung D-Bus costs 5 s once, not on every call.
//
// load() looks in the keychain and then in the file, as the token may be in either; forget()
// removes it from both. Every call blocks for at most about 5 s and may come from any thread, with
// or without an event loop: QtKeychain jobs run on one thread of this module's own (see the .cpp).
//
// The file, home + "/credentials", is a JSON object {account: base64(token)} with mode 0600,
// replaced atomically. Like ssh, the store refuses a file that is not the user's own or that
// others may read or write, rather than trusting or silently fixing it.

#include "status.h"

#include <QByteArray>
#include <QString>

namespace Pult {

class CredentialStore
{
public:
    enum class Backend { Automatic, Keychain, File };

    // home: the profile's local data directory (exists). Backend::Automatic tries the keychain and
    // falls back to the file; the environment variable PULT_CREDENTIALS=file|keychain overrides
    // Automatic.
    explicit CredentialStore(QString home, Backend backend = Backend::Automatic);

    // account: a stable key such as "http://127.0.0.1:8743 ana@example.com".
    Status store(const QString &account, const QByteArray &token);
    Result<QByteArray> load(const QString &account); // Status::NotFound when none is stored
    Status forget(const QString &account);           // Ok also when none was stored

    // After store(): set (non-empty) exactly once per home directory, the first time the token went
    // to the file instead of the keychain, e.g. "No keychain service is running (…); the sign-in
    // token is kept in /home/x/.pult/credentials, readable only by you." Callers print it.
    QString notice() const;

    // The file used by the fallback: home + "/credentials".
    QString filePath() const;

private:
    Status m_setup;       // not Ok for a bad PULT_CREDENTIALS: every call then returns it
    Backend m_backend;    // Automatic, Keychain or File once PULT_CREDENTIALS is applied
    QString m_fileReason; // why Automatic skips the keychain, empty while it should be asked
    QString m_home;
    QString m_notice;
};

} // namespace Pult
