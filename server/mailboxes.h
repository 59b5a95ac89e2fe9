#pragma once

// The department mailboxes pultd receives and sends mail through (issue 17): their settings in
// the server database (table mailboxes), their IMAP and SMTP passwords encrypted there with a
// key that is not in the database.
//
// The key is DATA/secrets.key: 32 random bytes made on first need, mode 0600. pultd's backup
// copies server.db but never this file, and a PostgreSQL database never holds it, so neither a
// database dump nor a backup reveals a password; back the key up on its own (without it the
// passwords must be entered again). Every pultd sharing one PostgreSQL database needs the same
// key file, as it needs the same DATA/attachments. Passwords are sealed with XChaCha20-Poly1305
// (libsodium), the mailbox's address as associated data, so a sealed value copied to another
// row does not open.

#include "status.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <filesystem>
#include <memory>
#include <optional>

namespace Pult {

namespace Db {
class Connection;
}

struct MailboxSettings
{
    QString address; // the department's address, stored in lower case
    QUuid departmentId;
    QString departmentName; // read from departments
    QString imapUrl;        // imap[s]://USER@HOST:PORT/FOLDER, no password
    QString smtpUrl;        // smtp[s]://USER@HOST:PORT, no password
    bool startTls = false;  // STARTTLS on imap:// and smtp:// URLs
    QString after;          // what is done to a fetched mail: "flag", "delete" or "move:FOLDER"
    // The charset of raw 8-bit text that is not UTF-8 and declares none (or a wrong one):
    // "windows-1250" for Slovenian, Croatian and Polish senders. A name iconv knows.
    QString charset = QStringLiteral("windows-1252");
    qint64 createdMs = 0; // when the mailbox was added or last changed (upsert_mailbox)
};

struct MailboxSecrets
{
    QString imapPassword;
    QString smtpPassword;
};

class Mailboxes
{
public:
    // The mailboxes in DATA/server.db, or in the PostgreSQL database at databaseUrl; the key in
    // DATA/secrets.key.
    static Result<std::unique_ptr<Mailboxes>> open(const std::filesystem::path &dataDirectory,
                                                   const QString &databaseUrl = {});
    ~Mailboxes();
    Mailboxes(const Mailboxes &) = delete;
    Mailboxes &operator=(const Mailboxes &) = delete;

    // Checks the settings (an address, a department that exists by name, URLs that parse, an
    // "after" that is flag, delete or move:FOLDER) and stores them with the sealed passwords.
    // Invalid with the reason when something is wrong or the address has a mailbox already.
    Status add(const MailboxSettings &settings, const MailboxSecrets &secrets, qint64 nowMs);
    // Every mailbox, by address, without passwords; the second on a connection of the caller's
    // (a ServerStore reader).
    Result<QList<MailboxSettings>> list();
    static Result<QList<MailboxSettings>> list(Db::Connection &db);
    // NotFound when there is no mailbox with that address.
    Status remove(const QString &address);
    // Whether this pultd fetches the mailbox. Of several pultd on one PostgreSQL database one
    // fetches each mailbox: it holds a session advisory lock on this connection (key
    // 'PULT', hashtext(address)), taken here when free and kept while the connection lives; the
    // others find it taken, and one of them takes over at its next rescan when the holder
    // stops or loses its connection. Asking again for a held one is true and takes nothing more.
    // On SQLite (one pultd) always true.
    Result<bool> claim(const QString &address);
    // Lets another pultd fetch the mailbox (it was removed or changed); nothing when not held.
    Status release(const QString &address);
    // A mailbox with its passwords opened; NotFound when there is none, Corrupt when its
    // passwords do not open with this key (another data directory's key, or tampering).
    Result<std::pair<MailboxSettings, MailboxSecrets>> find(const QString &address);

    // The key that signs the Message-IDs of pultd's mail (makeSignedMessageId), derived from
    // DATA/secrets.key (libsodium's crypto_kdf, context "pultmsid"), so it needs no file of its
    // own and every pultd sharing the key file signs alike.
    QByteArray messageIdKey() const;
    // The key the customer pages' status link tokens are derived from (context "pultlink"), and
    // the key that signs their forms (context "pultform"): docs/customer-pages.md.
    QByteArray statusLinkKey() const;
    QByteArray formKey() const;

    // For the ops upsert_mailbox and delete_mailbox, which write the table in the op's own
    // transaction: the key (made when missing), the passwords sealed as add() seals them, and
    // what is wrong with settings (empty when nothing is; the department is not looked up).
    static Result<QByteArray> key(const std::filesystem::path &dataDirectory);
    static QByteArray sealSecrets(const QByteArray &key, const QString &address,
                                  const MailboxSecrets &secrets);
    static QString check(const MailboxSettings &settings);

    // Where the key is: DATA/secrets.key.
    static std::filesystem::path keyFile(const std::filesystem::path &dataDirectory);

private:
    Mailboxes();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
