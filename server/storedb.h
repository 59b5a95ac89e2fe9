#pragma once

// The database pultd's stores (Accounts, ServerStore) run on: SQLite in DATA/server.db by
// default, or PostgreSQL by URL (--db postgresql://...). Statements are written once with SQLite's
// numbered parameters (?1) in the SQL both understand (ON CONFLICT upserts, savepoints); where
// the dialects differ, Connection::pick() chooses between two texts. Errors are Status values.

#include "connection.h"
#include "status.h"

#include <QByteArray>
#include <QString>

#include <filesystem>
#include <memory>

namespace Pult::Db {

enum class Dialect { Sqlite, Postgres };

// What the last statement run on a connection violated, read from the database's own code
// (SQLite's extended result code, PostgreSQL's SQLSTATE), never from the message's words.
enum class Violation {
    None,   // it succeeded, or failed for another reason than a constraint
    Unique, // a UNIQUE or PRIMARY KEY constraint or a unique index (SQLSTATE 23505)
    Other,  // another constraint: NOT NULL, CHECK, FOREIGN KEY (SQLSTATE class 23)
};

class Statement
{
public:
    virtual ~Statement() = default;

    // Binding (1-based, as ?1 in the SQL). A null QByteArray/QString binds NULL.
    virtual Statement &bind(int index, qint64 value) = 0;
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    virtual Statement &bind(int index, double value) = 0;
    virtual Statement &bind(int index, const QString &value) = 0;
    virtual Statement &bind(int index, const QByteArray &blob) = 0;
    virtual Statement &bindNull(int index) = 0;

    // Steps once: true when a row is available; false when done or on error (see status()).
    virtual bool next() = 0;
    // Runs a statement that returns no rows to completion.
    virtual Status exec() = 0;
    // Runs a write whose outcome nothing reads (neither changes() nor violation()): inside a
    // PostgreSQL transaction it goes out with the statements after it (libpq's pipeline mode),
    // and an error it meets is reported by the next statement that waits for an answer, or by
    // the commit, which then fails. Elsewhere, exec().
    virtual Status execLater() { return exec(); }
    // Resets for the next use and clears the bindings.
    virtual void reset() = 0;
    virtual const Status &status() const = 0;

    virtual bool isNull(int column) const = 0;
    virtual qint64 int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual QString text(int column) const = 0; // integers read as their decimal text
    virtual QByteArray blob(int column) const = 0;
};

class Connection
{
public:
    // SQLite's DATA/server.db when url is empty (WAL, its application id checked), else a
    // PostgreSQL URL (postgresql://user@host:port/database or a libpq connection string).
    static Result<std::unique_ptr<Connection>> open(const std::filesystem::path &dataDirectory,
                                                    const QString &url);
    // A connection for reads only, to a database open() has set up: DATA/server.db opened
    // read-only (in WAL mode it reads the last committed snapshot and never waits for the
    // writer), or another PostgreSQL connection.
    static Result<std::unique_ptr<Connection>>
    openReader(const std::filesystem::path &dataDirectory, const QString &url);
    virtual ~Connection() = default;

    virtual Dialect dialect() const = 0;
    // The text for this connection's dialect.
    const char *pick(const char *sqlite, const char *postgres) const
    {
        return dialect() == Dialect::Sqlite ? sqlite : postgres;
    }

    // The statement for this SQL text (a string literal: caches are keyed by its address),
    // prepared on first use. The pointer stays valid for the connection's lifetime; do not nest
    // uses of one statement, and step it to the end or reset() it when done.
    virtual Result<Statement *> prepare(const char *sql) = 0;
    // Runs the statement for sql to completion after bind(Statement &) has bound its values.
    template<typename Bind> Status run(const char *sql, Bind &&bind)
    {
        return runStatement(*this, sql, std::forward<Bind>(bind));
    }
    // Runs the statement for sql with execLater() after bind(Statement &) has bound its values.
    template<typename Bind> Status runLater(const char *sql, Bind &&bind)
    {
        auto stmt = prepare(sql);
        if (!stmt.good())
            return stmt.status();
        bind(**stmt);
        Status s = (*stmt)->execLater();
        (*stmt)->reset();
        return s;
    }
    // Runs one or more statements without parameters or results (schema, savepoints).
    virtual Status execute(const char *sql) = 0;
    // One statement without parameters or results, sent as execLater() sends (a savepoint).
    virtual Status executeLater(const char *sql) { return execute(sql); }
    // Rows changed by the last statement.
    virtual int changes() const = 0;
    // Which constraint the last statement run on this connection (through a Statement, run()
    // or execute()) violated; Violation::None after a success. Read it right after the failure:
    //     if (Status s = db.run(...); !s.good() && db.violation() == Db::Violation::Unique)
    virtual Violation violation() const = 0;

    virtual bool inTransaction() const = 0;
    // A write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE).
    virtual Status begin() = 0;
    // Fails (and ends the transaction) when PostgreSQL had aborted it.
    virtual Status commit() = 0;
    virtual Status rollback() = 0;
    // Serialises writers across processes until the transaction ends: a no-op on SQLite, whose
    // write transaction is exclusive already; an advisory lock on PostgreSQL. Taken before
    // revisions are read and written, so that they become visible in commit order.
    virtual Status lockWriters() = 0;
};

// A write transaction guard; see connection.h.
using Transaction = BasicTransaction<Connection>;

// A savepoint inside the open transaction, for work that may be undone alone (one op of a
// batch): SAVEPOINT NAME at construction; release() keeps the work (RELEASE), rollback() undoes
// it (ROLLBACK TO, then RELEASE), and the destructor rolls back unless one of them succeeded.
// SAVEPOINT and release()'s RELEASE go with executeLater(): on PostgreSQL their errors come with
// the next statement that reads.
// Rolling back also recovers a PostgreSQL transaction that a failed statement had aborted.
//     Db::Savepoint sp(db, "op");
//     if (!sp.status().good()) return sp.status();
//     ...
//     if (Status s = sp.release(); !s.good()) return s;
class Savepoint
{
public:
    // name: an SQL identifier (a literal, never user input).
    Savepoint(Connection &connection, const char *name);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    const Status &status() const { return m_status; } // of SAVEPOINT
    Status release();
    Status rollback();

private:
    Connection &m_connection;
    QByteArray m_name;
    Status m_status;
    bool m_open = false;
};

} // namespace Pult::Db
