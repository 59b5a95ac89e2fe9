#include "mailboxes.h"

#include "mail/imapclient.h"
#include "mail/smtpclient.h"
#include "serverschema.h"
#include "storedb.h"
#include "uuid.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <iconv.h>
#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Pult {

using Db::Statement;

namespace {

constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

Status ioError(const std::filesystem::path &file, const char *what, int error)
{
    return Status(Status::IoError,
                  QStringLiteral("cannot %1 %2: %3")
                      .arg(QLatin1String(what), QString::fromStdString(file.string()),
                           QString::fromLocal8Bit(std::strerror(error))));
}

// The key in `file`, made (32 random bytes, mode 0600) when there is none yet. Made under a
// scratch name and linked into place, so two pultd starting at once end with the same key.
Result<QByteArray> loadKey(const std::filesystem::path &file)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            QByteArray key(qsizetype(kKeyBytes) + 1, '\0');
            const ssize_t got = ::read(fd, key.data(), std::size_t(key.size()));
            const int error = errno;
            ::close(fd);
            if (got < 0)
                return ioError(file, "read", error);
            if (got != qsizetype(kKeyBytes))
                return Status(Status::Corrupt, QStringLiteral("%1 is not a key of %2 bytes")
                                                   .arg(QString::fromStdString(file.string()))
                                                   .arg(kKeyBytes));
            key.resize(qsizetype(kKeyBytes));
            return key;
        }
        if (errno != ENOENT)
            return ioError(file, "open", errno);
        const std::filesystem::path scratch = file.string() + ".new-" + std::to_string(::getpid());
        const int out = ::open(scratch.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (out < 0)
            return ioError(scratch, "create", errno);
        unsigned char key[kKeyBytes];
        randombytes_buf(key, sizeof key);
        const bool written =
            ::write(out, key, sizeof key) == ssize_t(sizeof key) && ::fsync(out) == 0;
        const int error = errno;
        ::close(out);
        sodium_memzero(key, sizeof key);
        if (!written) {
            ::unlink(scratch.c_str());
            return ioError(scratch, "write", error);
        }
        const bool linked = ::link(scratch.c_str(), file.c_str()) == 0;
        const int linkError = errno;
        ::unlink(scratch.c_str());
        if (!linked && linkError != EEXIST) // EEXIST: another pultd made it first; read theirs
            return ioError(file, "create", linkError);
    }
    return Status(Status::IoError,
                  QStringLiteral("cannot make %1").arg(QString::fromStdString(file.string())));
}

QByteArray seal(const QByteArray &key, const QString &address, const MailboxSecrets &secrets)
{
    const QByteArray plain =
        QJsonDocument(QJsonObject{{QStringLiteral("imap"), secrets.imapPassword},
                                  {QStringLiteral("smtp"), secrets.smtpPassword}})
            .toJson(QJsonDocument::Compact);
    const QByteArray ad = address.toUtf8();
    QByteArray out(qsizetype(kNonceBytes) + plain.size() +
                       qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES),
                   '\0');
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, kNonceBytes);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceBytes, &length, reinterpret_cast<const unsigned char *>(plain.constData()),
        std::size_t(plain.size()), reinterpret_cast<const unsigned char *>(ad.constData()),
        std::size_t(ad.size()), nullptr, nonce,
        reinterpret_cast<const unsigned char *>(key.constData()));
    out.resize(qsizetype(kNonceBytes + length));
    return out;
}

std::optional<MailboxSecrets> unseal(const QByteArray &key, const QString &address,
                                     const QByteArray &sealed)
{
    if (sealed.size() < qsizetype(kNonceBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES))
        return std::nullopt;
    const QByteArray ad = address.toUtf8();
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    QByteArray plain(sealed.size(), '\0');
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr, nonce + kNonceBytes,
            std::size_t(sealed.size()) - kNonceBytes,
            reinterpret_cast<const unsigned char *>(ad.constData()), std::size_t(ad.size()), nonce,
            reinterpret_cast<const unsigned char *>(key.constData())) != 0)
        return std::nullopt;
    plain.resize(qsizetype(length));
    const QJsonObject o = QJsonDocument::fromJson(plain).object();
    sodium_memzero(plain.data(), std::size_t(plain.size()));
    return MailboxSecrets{o.value(QLatin1String("imap")).toString(),
                          o.value(QLatin1String("smtp")).toString()};
}

// Why the settings cannot be stored, or an empty text.
QString settingsError(const MailboxSettings &s)
{
    const qsizetype at = s.address.indexOf(u'@');
    if (at <= 0 || at != s.address.lastIndexOf(u'@') || at == s.address.size() - 1 ||
        s.address.contains(u' ') || s.address.size() > 254)
        return QStringLiteral("\"%1\" is not an e-mail address").arg(s.address);
    auto imap = ImapEndpoint::parse(s.imapUrl);
    if (!imap.good())
        return QStringLiteral("--imap: %1").arg(imap.status().message());
    std::string error;
    if (!Mail::parseSmtpEndpoint(s.smtpUrl.toStdString(),
                                 s.startTls && s.smtpUrl.startsWith(QLatin1String("smtp://")),
                                 error))
        return QStringLiteral("--smtp: %1").arg(QString::fromStdString(error));
    if (s.after != u"flag" && s.after != u"delete" &&
        !(s.after.startsWith(QLatin1String("move:")) && s.after.size() > 5))
        return QStringLiteral("--after is flag, delete or move:FOLDER; got \"%1\"").arg(s.after);
    // pult-mailparse converts with iconv (through GMime): a name iconv does not know would
    // leave such text undecoded.
    const iconv_t converter = iconv_open("UTF-8", s.charset.toLatin1().constData());
    if (converter == iconv_t(-1) || s.charset.isEmpty())
        return QStringLiteral("--charset: \"%1\" is not a charset this system knows (say "
                              "windows-1250, iso-8859-2 or windows-1252)")
            .arg(s.charset);
    iconv_close(converter);
    return {};
}

} // namespace

struct Mailboxes::Private
{
    std::unique_ptr<Db::Connection> db;
    QByteArray key;

    ~Private() { sodium_memzero(key.data(), std::size_t(key.size())); }
};

Mailboxes::Mailboxes()
    : d(std::make_unique<Private>())
{}

Mailboxes::~Mailboxes() = default;

std::filesystem::path Mailboxes::keyFile(const std::filesystem::path &dataDirectory)
{
    return dataDirectory / "secrets.key";
}

Result<std::unique_ptr<Mailboxes>> Mailboxes::open(const std::filesystem::path &dataDirectory,
                                                   const QString &databaseUrl)
{
    if (sodium_init() < 0)
        return Status(Status::Internal, QStringLiteral("libsodium cannot be initialised"));
    auto db = ServerSchema::openMigrated(dataDirectory, databaseUrl);
    if (!db.good())
        return db.status();
    auto key = loadKey(keyFile(dataDirectory));
    if (!key.good())
        return key.status();
    std::unique_ptr<Mailboxes> mailboxes(new Mailboxes);
    mailboxes->d->db = std::move(*db);
    mailboxes->d->key = std::move(*key);
    return mailboxes;
}

namespace {

// A 32-byte subkey of the data directory's key (libsodium's crypto_kdf); the context is eight
// characters naming what it is for.
QByteArray subkey(const QByteArray &key, std::uint64_t id, const char (&context)[9])
{
    static_assert(crypto_kdf_KEYBYTES == kKeyBytes);
    static_assert(crypto_kdf_CONTEXTBYTES == 8);
    QByteArray derived(32, '\0');
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(derived.data()),
                               std::size_t(derived.size()), id, context,
                               reinterpret_cast<const unsigned char *>(key.constData()));
    return derived;
}

} // namespace

QByteArray Mailboxes::messageIdKey() const
{
    return subkey(d->key, 1, "pultmsid");
}

QByteArray Mailboxes::statusLinkKey() const
{
    return subkey(d->key, 2, "pultlink");
}

QByteArray Mailboxes::formKey() const
{
    return subkey(d->key, 3, "pultform");
}

Result<QByteArray> Mailboxes::key(const std::filesystem::path &dataDirectory)
{
    if (sodium_init() < 0)
        return Status(Status::Internal, QStringLiteral("libsodium cannot be initialised"));
    return loadKey(keyFile(dataDirectory));
}

QByteArray Mailboxes::sealSecrets(const QByteArray &key, const QString &address,
                                  const MailboxSecrets &secrets)
{
    return seal(key, address, secrets);
}

QString Mailboxes::check(const MailboxSettings &settings)
{
    return settingsError(settings);
}

Status Mailboxes::add(const MailboxSettings &input, const MailboxSecrets &secrets, qint64 nowMs)
{
    MailboxSettings settings = input;
    settings.address = settings.address.trimmed().toLower();
    if (const QString error = settingsError(settings); !error.isEmpty())
        return Status(Status::Invalid, error);
    Db::Connection &db = *d->db;
    auto department =
        db.prepare(db.pick("SELECT id FROM departments WHERE name = ?1",
                           "SELECT id FROM departments WHERE lower(name) = lower(?1)"));
    if (!department.good())
        return department.status();
    (*department)->bind(1, settings.departmentName);
    const QUuid departmentId =
        (*department)->next() ? uuidFromBlob((*department)->blob(0)) : QUuid();
    Status s = (*department)->status();
    (*department)->reset();
    if (!s.good())
        return s;
    if (departmentId.isNull())
        return Status(Status::Invalid,
                      QStringLiteral("no department \"%1\"").arg(settings.departmentName));
    s = db.run(
        "INSERT INTO mailboxes(address, department_id, imap_url, smtp_url, starttls, "
        "after_action, secrets, created_ms, charset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9)",
        [&](Statement &st) {
            st.bind(1, settings.address).bind(2, uuidToBlob(departmentId));
            st.bind(3, settings.imapUrl).bind(4, settings.smtpUrl);
            st.bind(5, int(settings.startTls)).bind(6, settings.after);
            st.bind(7, seal(d->key, settings.address, secrets)).bind(8, nowMs);
            st.bind(9, settings.charset);
        });
    if (!s.good() && db.violation() == Db::Violation::Unique)
        return Status(Status::Invalid,
                      QStringLiteral("%1 has a mailbox already").arg(settings.address));
    return s;
}

Result<QList<MailboxSettings>> Mailboxes::list()
{
    return list(*d->db);
}

Result<QList<MailboxSettings>> Mailboxes::list(Db::Connection &db)
{
    auto stmt =
        db.prepare("SELECT m.address, m.department_id, d.name, m.imap_url, m.smtp_url, "
                   "m.starttls, m.after_action, m.charset, m.created_ms FROM mailboxes m LEFT "
                   "JOIN departments d ON d.id = m.department_id ORDER BY m.address");
    if (!stmt.good())
        return stmt.status();
    QList<MailboxSettings> all;
    while ((*stmt)->next()) {
        Statement &st = **stmt;
        all.append({st.text(0), uuidFromBlob(st.blob(1)), st.text(2), st.text(3), st.text(4),
                    st.int64(5) != 0, st.text(6), st.text(7), st.int64(8)});
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return all;
}

namespace {

// The advisory lock of a mailbox: class 'PULT' (0x50554c54), object hashtext(address). Held by
// this session, pg_locks shows it with the two keys as oids (objsubid 2).
#define PULT_MAILBOX_LOCK_HELD                                                                     \
    "EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "       \
    "AND classid = 1347767380::int4::oid AND objid = hashtext(?1)::oid AND objsubid = 2)"
// CASE: the lock is taken only when not held (each pg_try_advisory_lock counts once more).
constexpr const char *kClaimMailbox =
    "SELECT (CASE WHEN " PULT_MAILBOX_LOCK_HELD " THEN true ELSE pg_try_advisory_lock(1347767380, "
    "hashtext(?1)) END)::int";
constexpr const char *kReleaseMailbox =
    "SELECT (CASE WHEN " PULT_MAILBOX_LOCK_HELD
    " THEN pg_advisory_unlock(1347767380, hashtext(?1)) ELSE false END)::int";
#undef PULT_MAILBOX_LOCK_HELD

// The one integer a statement (a string literal: prepare() caches by its address) answers.
Result<bool> askBool(Db::Connection &db, const char *sql, const QString &address)
{
    auto stmt = db.prepare(sql);
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, address);
    const bool yes = (*stmt)->next() && (*stmt)->int64(0) != 0;
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return yes;
}

} // namespace

Result<bool> Mailboxes::claim(const QString &address)
{
    if (d->db->dialect() == Db::Dialect::Sqlite)
        return true;
    return askBool(*d->db, kClaimMailbox, address.trimmed().toLower());
}

Status Mailboxes::release(const QString &address)
{
    if (d->db->dialect() == Db::Dialect::Sqlite)
        return Status();
    return askBool(*d->db, kReleaseMailbox, address.trimmed().toLower()).status();
}

Status Mailboxes::remove(const QString &address)
{
    const QString key = address.trimmed().toLower();
    Status s = d->db->run("DELETE FROM mailboxes WHERE address = ?1",
                          [&](Statement &st) { st.bind(1, key); });
    if (s.good() && d->db->changes() == 0)
        return Status(Status::NotFound, QStringLiteral("no mailbox %1").arg(key));
    return s;
}

Result<std::pair<MailboxSettings, MailboxSecrets>> Mailboxes::find(const QString &address)
{
    const QString key = address.trimmed().toLower();
    auto all = list();
    if (!all.good())
        return all.status();
    const auto it = std::find_if(all->cbegin(), all->cend(),
                                 [&](const MailboxSettings &m) { return m.address == key; });
    if (it == all->cend())
        return Status(Status::NotFound, QStringLiteral("no mailbox %1").arg(key));
    auto stmt = d->db->prepare("SELECT secrets FROM mailboxes WHERE address = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, key);
    const QByteArray sealed = (*stmt)->next() ? (*stmt)->blob(0) : QByteArray();
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    const std::optional<MailboxSecrets> secrets = unseal(d->key, key, sealed);
    if (!secrets)
        return Status(Status::Corrupt,
                      QStringLiteral("the passwords of %1 do not open with %2: was the key "
                                     "replaced? Remove the mailbox and add it again")
                          .arg(key, QStringLiteral("secrets.key")));
    return std::pair{*it, *secrets};
}

} // namespace Pult
