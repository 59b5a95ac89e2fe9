#pragma once

// A thin RAII layer over the SQLite C API. One Database belongs to one thread; statements are
// prepared once per connection and cached by their SQL text; transactions roll back unless
// committed. Errors come back as Status values, never as exceptions.

#include "connection.h"
#include "status.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace Pult::Sql {

class Database;

class Statement
{
public:
    Statement(Database &db, sqlite3_stmt *stmt);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binding (1-based, as in SQLite). A null QByteArray/QString binds NULL.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bindNull(int index);

    // Steps once: true when a row is available; false when done or on error (see status()).
    bool next();
    // Runs a statement that returns no rows to completion.
    Status exec();
    // Resets for the next use and clears the bindings.
    void reset();
    const Status &status() const { return m_status; }
    // SQLite's extended result code of the failure status() reports (SQLITE_CONSTRAINT_UNIQUE,
    // ...), 0 while it is good.
    int errorCode() const { return m_errorCode; }

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt;
    Status m_status;
    int m_errorCode = 0;
};

class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The statement for this SQL text (a string literal: the cache is keyed by its address),
    // prepared on first use and reset for reuse. The pointer stays valid for the connection's
    // lifetime; do not nest uses of one statement. Step it to the end or reset() it when done:
    // a statement left mid-way keeps its read snapshot open, hiding later commits.
    Result<Statement *> prepare(const char *sql);
    // The same for SQL built at run time (compiled filters), cached by its text. The cache holds
    // up to kBuiltStatements texts and is emptied when full, so use the statement before the
    // next prepareBuilt().
    Result<Statement *> prepareBuilt(const QByteArray &sql);
    // Runs the statement for sql to completion after bind(Statement &) has bound its values.
    template<typename Bind> Status run(const char *sql, Bind &&bind)
    {
        return runStatement(*this, sql, std::forward<Bind>(bind));
    }
    // Runs one or more statements without results (schema, pragmas).
    Status execute(const char *sql);

    // For Transaction: whether one is open; BEGIN IMMEDIATE (a writer), COMMIT, ROLLBACK.
    bool inTransaction() const;
    Status begin() { return execute("BEGIN IMMEDIATE"); }
    Status commit() { return execute("COMMIT"); }
    Status rollback() { return execute("ROLLBACK"); }

    qint64 lastInsertRowId() const;
    int changes() const;
    qint64 totalChanges() const; // every row changed on this connection since it opened
    sqlite3 *handle() const { return m_db; }
    // Makes the statement running now on this connection fail soon (SQLITE_INTERRUPT). The one
    // call that may come from another thread than the connection's own.
    void interrupt();
    const QString &path() const { return m_path; }

    // Converts the connection's last error into a Status with context.
    Status error(int rc, QStringView context) const;
    // The extended result code of the connection's last failed call (sqlite3_extended_errcode;
    // meaningful only right after a failure).
    int lastErrorCode() const;

    // What an extended result code says about constraints: any constraint failed, or a UNIQUE or
    // PRIMARY KEY one (SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY).
    static bool isConstraintViolation(int code);
    static bool isUniqueViolation(int code);

private:
    explicit Database(sqlite3 *db, QString path);
    sqlite3 *m_db;
    QString m_path;
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_statements;
    static constexpr std::size_t kBuiltStatements = 32;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_built;
};

// A write transaction (BEGIN IMMEDIATE) guard; see connection.h.
using Transaction = BasicTransaction<Database>;

} // namespace Pult::Sql
