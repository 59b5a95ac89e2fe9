#pragma once

// pultd's accounts: agents with argon2id password hashes (libsodium), random bearer tokens that
// are stored only as SHA-256 hashes, expire and can be revoked, and login rate limits per
// account and per address. Kept in DATA/server.db. Every method may be called from any worker
// thread: one SQLite connection behind a mutex, with the slow password hashing done outside it.

#include "domain.h"
#include "status.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>
#include <variant>

namespace Pult {

// Why a request cannot go on: its HTTP status, a stable code and a message for a person.
struct ApiError
{
    int status = 400;
    QString code;
    QString message;
    int retryAfterSeconds = 0; // with 429 and 503: when to try again
};

// The answer to a request the store failed: 503 "unavailable" with Retry-After when the database
// could not be reached or was busy (a retry may succeed: the connection is made again on the next
// use), else 500 "internal_error". The message is the store's, which never holds secrets.
ApiError storeFailure(const Status &status);

// Who a request comes from: the agent and their departments, with names.
struct AgentSession
{
    Agent agent;
    QList<Department> departments;
};

struct NewAgent
{
    QString email;
    QString name;
    Role role = Role::Agent;
    QList<std::pair<QString, int>> departments; // name and tier
};

class Accounts
{
public:
    static constexpr qint64 kTokenLifetimeMs = 30LL * 24 * 60 * 60 * 1000;
    static constexpr int kFailureLimit = 5; // failed logins per window
    static constexpr qint64 kFailureWindowMs = 15 * 60 * 1000;
    static constexpr int kMinimumPasswordLength = 8;

    // Opens (creating on first use) DATA/server.db, or the PostgreSQL database at databaseUrl.
    static Result<std::unique_ptr<Accounts>> open(const std::filesystem::path &dataDirectory,
                                                  const QString &databaseUrl = {});
    ~Accounts();
    Accounts(const Accounts &) = delete;
    Accounts &operator=(const Accounts &) = delete;

    // An argon2id hash of a password (libsodium's interactive limits, with its own random salt);
    // Invalid when the password is too short.
    struct PasswordHash
    {
        QByteArray encoded; // crypto_pwhash_str's self-describing string
    };
    static Result<PasswordHash> hashPassword(const QString &password);
    // Whether the text can be an agent's sign-in address (something@something).
    static bool isAgentAddress(const QString &email);

    // Creates an agent, and the departments they are put in that do not exist yet.
    Result<Agent> addAgent(const NewAgent &agent, const QString &password);
    // As above with a password hashed already: the demo data hashes its one shared password once
    // instead of once per agent (argon2id is slow on purpose).
    Result<Agent> addAgent(const NewAgent &agent, const PasswordHash &password);

    struct Login
    {
        QString token; // shown once; the server keeps only its hash
        qint64 expiresMs = 0;
        AgentSession session;
    };
    std::variant<Login, ApiError> login(const QString &email, const QString &password,
                                        const QString &address, qint64 nowMs);
    // The session of an "Authorization: Bearer TOKEN" header.
    std::variant<AgentSession, ApiError> authenticate(std::string_view authorization, qint64 nowMs);
    // Revokes the token of the header; false when it was not a valid token.
    bool logout(std::string_view authorization, qint64 nowMs);

    // When each agent was last seen (agent_presence.seen_ms: online, for assignment). Sign-in
    // writes it at once; an authenticated request only notes it, and flushPresence() writes
    // what was noted (the server calls it every kPresenceFlushMs), so that no request waits for
    // the database's write lock to say it was seen.
    static constexpr qint64 kPresenceFlushMs = 15'000;
    Status flushPresence();

private:
    Accounts();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
