#include "accounts.h"

#include "serverschema.h"
#include "storedb.h"
#include "uuid.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <sodium.h>

#include <mutex>

namespace Pult {

using Db::Statement;

namespace {

QByteArray tokenHash(std::string_view token)
{
    return QCryptographicHash::hash(QByteArrayView(token.data(), qsizetype(token.size())),
                                    QCryptographicHash::Sha256);
}

// The token of an "Authorization: Bearer TOKEN" header, or empty.
std::string_view bearerToken(std::string_view authorization)
{
    constexpr std::string_view prefix = "Bearer ";
    if (authorization.size() <= prefix.size() ||
        !std::equal(prefix.begin(), prefix.end(), authorization.begin(),
                    [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
        return {};
    authorization.remove_prefix(prefix.size());
    while (!authorization.empty() && authorization.front() == ' ')
        authorization.remove_prefix(1);
    return authorization;
}

ApiError unauthenticated(const QString &message)
{
    return {401, QStringLiteral("unauthenticated"), message};
}

} // namespace

ApiError storeFailure(const Status &status)
{
    if (status.code() == Status::Unreachable || status.code() == Status::Busy)
        return {503, QStringLiteral("unavailable"),
                QStringLiteral("the database is not available: %1").arg(status.message()), 1};
    return {500, QStringLiteral("internal_error"), status.message()};
}

struct Accounts::Private
{
    std::mutex mutex; // guards db and ids
    std::unique_ptr<Db::Connection> db;
    UuidV7Generator ids;
    // A hash of a random password, verified against when the e-mail is unknown, so that a login
    // for an unknown address takes as long as one with a wrong password.
    std::string decoyHash;

    Result<std::optional<QUuid>> departmentId(const QString &name);
    Result<AgentSession> session(const QUuid &agentId);
    // Whether key is locked out; the seconds left when it is.
    Result<int> lockedFor(const QString &key, qint64 nowMs);
    Status recordFailure(const QString &key, qint64 nowMs);
    // Writes when the agent was seen (agent_presence.seen_ms).
    Status touch(const QUuid &agent, qint64 nowMs);
    QHash<QUuid, qint64> seen; // noted by authenticate(), written by flushPresence()
};

Status Accounts::Private::touch(const QUuid &agent, qint64 nowMs)
{
    return db->run("INSERT INTO agent_presence(agent_id, seen_ms) VALUES (?1, ?2) "
                   "ON CONFLICT(agent_id) DO UPDATE SET seen_ms = excluded.seen_ms",
                   [&](Statement &st) { st.bind(1, uuidToBlob(agent)).bind(2, nowMs); });
}

Status Accounts::flushPresence()
{
    std::lock_guard lock(d->mutex);
    const QHash<QUuid, qint64> seen = std::exchange(d->seen, {});
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        if (Status s = d->touch(it.key(), it.value()); !s.good()) {
            for (auto rest = it; rest != seen.cend(); ++rest) // kept for the next flush
                d->seen.insert(rest.key(), std::max(rest.value(), d->seen.value(rest.key())));
            return s;
        }
    }
    return {};
}

Accounts::Accounts()
    : d(std::make_unique<Private>())
{}

Accounts::~Accounts() = default;

Result<std::unique_ptr<Accounts>> Accounts::open(const std::filesystem::path &dataDirectory,
                                                 const QString &databaseUrl)
{
    if (sodium_init() < 0)
        return Status(Status::Internal, QStringLiteral("libsodium cannot be initialised"));
    auto db = ServerSchema::openMigrated(dataDirectory, databaseUrl);
    if (!db.good())
        return db.status();
    std::unique_ptr<Accounts> accounts(new Accounts);
    accounts->d->db = std::move(*db);
    char decoy[crypto_pwhash_STRBYTES];
    QByteArray random(32, '\0');
    randombytes_buf(random.data(), std::size_t(random.size()));
    if (crypto_pwhash_str(decoy, random.constData(), std::size_t(random.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Status(Status::Internal, QStringLiteral("out of memory hashing a password"));
    accounts->d->decoyHash = decoy;
    return accounts;
}

Result<std::optional<QUuid>> Accounts::Private::departmentId(const QString &name)
{
    auto stmt = db->prepare(db->pick("SELECT id FROM departments WHERE name = ?1",
                                     "SELECT id FROM departments WHERE lower(name) = lower(?1)"));
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, name);
    std::optional<QUuid> id;
    if ((*stmt)->next())
        id = uuidFromBlob((*stmt)->blob(0));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return id;
}

Result<Accounts::PasswordHash> Accounts::hashPassword(const QString &password)
{
    if (password.size() < kMinimumPasswordLength)
        return Status(Status::Invalid, QStringLiteral("the password must have at least %1 "
                                                      "characters")
                                           .arg(kMinimumPasswordLength));
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), std::size_t(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Status(Status::Internal, QStringLiteral("out of memory hashing the password"));
    return PasswordHash{QByteArray(hash)};
}

bool Accounts::isAgentAddress(const QString &email)
{
    return email.contains(u'@') && !email.startsWith(u'@') && !email.endsWith(u'@');
}

Result<Agent> Accounts::addAgent(const NewAgent &input, const QString &password)
{
    auto hash = hashPassword(password);
    if (!hash.good())
        return hash.status();
    return addAgent(input, *hash);
}

Result<Agent> Accounts::addAgent(const NewAgent &input, const PasswordHash &password)
{
    const QString email = input.email.trimmed();
    if (!isAgentAddress(email))
        return Status(Status::Invalid,
                      QStringLiteral("\"%1\" is not an e-mail address").arg(email));
    if (input.name.trimmed().isEmpty())
        return Status(Status::Invalid, QStringLiteral("an agent needs a name"));

    std::lock_guard lock(d->mutex);
    Db::Transaction tx(*d->db);
    if (!tx.status().good())
        return tx.status();
    Agent agent;
    agent.id = d->ids.next();
    agent.email = email;
    agent.name = input.name.trimmed();
    agent.role = input.role;
    Status s = d->db->run("INSERT INTO agents(id, email, name, role, password_hash, created_ms) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          [&](Statement &st) {
                              st.bind(1, uuidToBlob(agent.id)).bind(2, agent.email);
                              st.bind(3, agent.name).bind(4, int(agent.role));
                              st.bind(5, QString::fromLatin1(password.encoded));
                              st.bind(6, QDateTime::currentMSecsSinceEpoch());
                          });
    if (!s.good()) {
        if (d->db->violation() == Db::Violation::Unique)
            return Status(Status::Invalid,
                          QStringLiteral("an agent with the address %1 exists already").arg(email));
        return s;
    }
    for (const auto &[name, tier] : input.departments) {
        if (name.trimmed().isEmpty() || tier < 1 || tier > 9)
            return Status(
                Status::Invalid,
                QStringLiteral("a department is NAME or NAME:TIER with a tier from 1 to 9"));
        auto id = d->departmentId(name.trimmed());
        if (!id.good())
            return id.status();
        if (!*id) {
            *id = d->ids.next();
            s = d->db->run("INSERT INTO departments(id, name) VALUES (?1, ?2)", [&](Statement &st) {
                st.bind(1, uuidToBlob(**id)).bind(2, name.trimmed());
            });
            if (!s.good())
                return s;
        }
        s = d->db->run(
            "INSERT INTO agent_departments(agent_id, department_id, tier) VALUES (?1, ?2, "
            "?3) ON CONFLICT(agent_id, department_id) DO UPDATE SET tier = excluded.tier",
            [&](Statement &st) {
                st.bind(1, uuidToBlob(agent.id)).bind(2, uuidToBlob(**id)).bind(3, tier);
            });
        if (!s.good())
            return s;
        agent.departments.append({**id, tier});
    }
    if (Status c = tx.commit(); !c.good())
        return c;
    return agent;
}

Result<AgentSession> Accounts::Private::session(const QUuid &agentId)
{
    AgentSession session;
    auto agent = db->prepare("SELECT id, email, name, role FROM agents WHERE id = ?1");
    if (!agent.good())
        return agent.status();
    (*agent)->bind(1, uuidToBlob(agentId));
    const bool found = (*agent)->next();
    if (found) {
        session.agent.id = uuidFromBlob((*agent)->blob(0));
        session.agent.email = (*agent)->text(1);
        session.agent.name = (*agent)->text(2);
        session.agent.role = Role(std::clamp<qint64>((*agent)->int64(3), 0, 2));
    }
    Status s = (*agent)->status();
    (*agent)->reset();
    if (!s.good())
        return s;
    if (!found)
        return Status(Status::NotFound, QStringLiteral("no such agent"));
    auto departments =
        db->prepare("SELECT d.id, d.name, ad.tier FROM agent_departments ad JOIN departments d "
                    "ON d.id = ad.department_id WHERE ad.agent_id = ?1 ORDER BY d.name");
    if (!departments.good())
        return departments.status();
    Statement &st = **departments;
    st.bind(1, uuidToBlob(agentId));
    while (st.next()) {
        Department department;
        department.id = uuidFromBlob(st.blob(0));
        department.name = st.text(1);
        session.departments.append(department);
        session.agent.departments.append({department.id, int(st.int64(2))});
    }
    s = st.status();
    st.reset();
    if (!s.good())
        return s;
    return session;
}

Result<int> Accounts::Private::lockedFor(const QString &key, qint64 nowMs)
{
    auto stmt = db->prepare("SELECT count, first_ms FROM login_failures WHERE key = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, key);
    int seconds = 0;
    if ((*stmt)->next()) {
        const qint64 windowEnd = (*stmt)->int64(1) + kFailureWindowMs;
        if ((*stmt)->int64(0) >= kFailureLimit && windowEnd > nowMs)
            seconds = int((windowEnd - nowMs + 999) / 1000);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return seconds;
}

Status Accounts::Private::recordFailure(const QString &key, qint64 nowMs)
{
    return db->run(
        "INSERT INTO login_failures(key, count, first_ms) VALUES (?1, 1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET "
        "count = CASE WHEN login_failures.first_ms + ?3 <= ?2 THEN 1 "
        "ELSE login_failures.count + 1 END, "
        "first_ms = CASE WHEN login_failures.first_ms + ?3 <= ?2 THEN ?2 "
        "ELSE login_failures.first_ms END",
        [&](Statement &st) { st.bind(1, key).bind(2, nowMs).bind(3, kFailureWindowMs); });
}

std::variant<Accounts::Login, ApiError>
Accounts::login(const QString &email, const QString &password, const QString &address, qint64 nowMs)
{
    const QString accountKey = u"account:" + email.trimmed().toLower();
    const QString addressKey = u"address:" + address;
    QByteArray hash;
    QUuid agentId;
    bool deactivated = false;
    {
        std::lock_guard lock(d->mutex);
        for (const QString &key : {accountKey, addressKey}) {
            auto locked = d->lockedFor(key, nowMs);
            if (!locked.good())
                return storeFailure(locked.status());
            if (*locked > 0)
                return ApiError{
                    429, QStringLiteral("rate_limited"),
                    QStringLiteral("too many failed logins; try again in %1 s").arg(*locked),
                    *locked};
        }
        auto stmt = d->db->prepare(d->db->pick(
            "SELECT id, password_hash, deactivated_ms FROM agents WHERE email = ?1",
            "SELECT id, password_hash, deactivated_ms FROM agents WHERE lower(email) = lower(?1)"));
        if (!stmt.good())
            return storeFailure(stmt.status());
        (*stmt)->bind(1, email.trimmed());
        if ((*stmt)->next()) {
            agentId = uuidFromBlob((*stmt)->blob(0));
            hash = (*stmt)->text(1).toLatin1();
            deactivated = !(*stmt)->isNull(2);
        }
        const Status read = (*stmt)->status();
        (*stmt)->reset();
        if (!read.good())
            return storeFailure(read);
    }

    // Outside the lock: argon2id takes tens of milliseconds on purpose.
    const QByteArray utf8 = password.toUtf8();
    const bool known = !agentId.isNull();
    const bool verified =
        crypto_pwhash_str_verify(known ? hash.constData() : d->decoyHash.c_str(), utf8.constData(),
                                 std::size_t(utf8.size())) == 0 &&
        known;

    std::lock_guard lock(d->mutex);
    if (!verified) {
        for (const QString &key : {accountKey, addressKey}) {
            if (Status s = d->recordFailure(key, nowMs); !s.good())
                return storeFailure(s);
        }
        return ApiError{401, QStringLiteral("invalid_credentials"),
                        QStringLiteral("the e-mail address or the password is wrong")};
    }
    if (Status s = d->db->run("DELETE FROM login_failures WHERE key IN (?1, ?2)",
                              [&](Statement &st) { st.bind(1, accountKey).bind(2, addressKey); });
        !s.good())
        return storeFailure(s);
    // Said only to whoever knows the password.
    if (deactivated)
        return ApiError{403, QStringLiteral("deactivated"),
                        QStringLiteral("this account was deactivated; ask an admin")};

    QByteArray raw(32, '\0');
    randombytes_buf(raw.data(), std::size_t(raw.size()));
    Login result;
    result.token = QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    result.expiresMs = nowMs + kTokenLifetimeMs;
    const QByteArray tokenUtf8 = result.token.toLatin1();
    if (Status s = d->db->run(
            "INSERT INTO tokens(hash, agent_id, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4)",
            [&](Statement &st) {
                st.bind(1, tokenHash(std::string_view(tokenUtf8.constData(),
                                                      std::size_t(tokenUtf8.size()))));
                st.bind(2, uuidToBlob(agentId)).bind(3, nowMs).bind(4, result.expiresMs);
            });
        !s.good())
        return storeFailure(s);
    auto session = d->session(agentId);
    if (!session.good())
        return storeFailure(session.status());
    result.session = *session;
    if (Status s = d->touch(agentId, nowMs); !s.good())
        return storeFailure(s);
    return result;
}

std::variant<AgentSession, ApiError> Accounts::authenticate(std::string_view authorization,
                                                            qint64 nowMs)
{
    const std::string_view token = bearerToken(authorization);
    if (token.empty())
        return unauthenticated(QStringLiteral("sign in first: send \"Authorization: Bearer "
                                              "TOKEN\" with the token from POST /api/v1/login"));
    std::lock_guard lock(d->mutex);
    // Deactivating an agent revokes their tokens; the join refuses them even so.
    auto stmt = d->db->prepare("SELECT t.agent_id, t.expires_ms, t.revoked_ms, a.deactivated_ms "
                               "FROM tokens t JOIN agents a ON a.id = t.agent_id "
                               "WHERE t.hash = ?1");
    if (!stmt.good())
        return storeFailure(stmt.status());
    (*stmt)->bind(1, tokenHash(token));
    QUuid agentId;
    qint64 expires = 0;
    bool revoked = false;
    bool deactivated = false;
    if ((*stmt)->next()) {
        agentId = uuidFromBlob((*stmt)->blob(0));
        expires = (*stmt)->int64(1);
        revoked = !(*stmt)->isNull(2);
        deactivated = !(*stmt)->isNull(3);
    }
    const Status read = (*stmt)->status();
    (*stmt)->reset();
    if (!read.good()) // a lost database is no reason to sign everyone out
        return storeFailure(read);
    if (deactivated)
        return unauthenticated(QStringLiteral("this account was deactivated; ask an admin"));
    if (agentId.isNull() || revoked)
        return unauthenticated(QStringLiteral("the token is not valid; sign in again"));
    if (expires <= nowMs)
        return unauthenticated(QStringLiteral("the token has expired; sign in again"));
    auto session = d->session(agentId);
    if (!session.good() && session.status().code() == Status::NotFound)
        return unauthenticated(QStringLiteral("the token's agent no longer exists"));
    if (!session.good())
        return storeFailure(session.status());
    d->seen.insert(agentId, nowMs);
    return *session;
}

bool Accounts::logout(std::string_view authorization, qint64 nowMs)
{
    const std::string_view token = bearerToken(authorization);
    if (token.empty())
        return false;
    std::lock_guard lock(d->mutex);
    const Status s =
        d->db->run("UPDATE tokens SET revoked_ms = ?2 WHERE hash = ?1 AND revoked_ms IS NULL AND "
                   "expires_ms > ?2",
                   [&](Statement &st) { st.bind(1, tokenHash(token)).bind(2, nowMs); });
    return s.good() && d->db->changes() == 1;
}

} // namespace Pult
