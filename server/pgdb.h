#pragma once

// A thin RAII layer over libpq with the shape of pult_core's SQLite layer (sqlitedb.h), so that
// pultd's stores can run their SQL on PostgreSQL (issue #5): statements are written with SQLite's
// numbered parameters (?1, ?2, ...), prepared once per connection and cached by their SQL text;
// transactions roll back unless committed; errors come back as Status values. One Connection
// belongs to one thread.
//
// Values: parameters go as text (integers and doubles in decimal, text as UTF-8) except blobs,
// which go as binary, so the server infers each parameter's type from the statement. Results
// come back in binary; int64() reads smallint, integer, bigint and boolean columns, text() reads
// text, varchar and json/jsonb, blob() reads bytea.

#include "status.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace Pult::Pg {

class Connection;

class Statement
{
public:
    Statement(Connection &connection, QByteArray name, QByteArray sql, int parameters);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binding (1-based, as ?1 in the SQL). A null QByteArray/QString binds NULL.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bindNull(int index);

    // Runs the statement on the first call and then moves row by row: true when a row is
    // available; false when done or on error (see status()).
    bool next();
    // Runs a statement that returns no rows.
    Status exec();
    // Drops the result for the next use and clears the bindings.
    void reset();
    const Status &status() const { return m_status; }

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    bool run();

    struct Parameter
    {
        QByteArray value;
        bool binary = false;
        bool null = true;
    };

    Connection &m_connection;
    QByteArray m_name;
    QByteArray m_sql;
    std::vector<Parameter> m_parameters;
    pg_result *m_result = nullptr;
    int m_row = -1;
    Status m_status;
};

struct Notification
{
    QString channel;
    QString payload;
};

class Connection
{
public:
    // Connects to a libpq connection string or URL (postgresql://user@host:port/db).
    static Result<std::unique_ptr<Connection>> open(const QString &url);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // The statement for this SQL text (a string literal: the cache is keyed by its address),
    // prepared on first use. The pointer stays valid for the connection's lifetime; do not
    // nest uses of one statement.
    Result<Statement *> prepare(const char *sql);
    // Runs the statement for sql to completion after bind(Statement &) has bound its values.
    template<typename Bind> Status run(const char *sql, Bind &&bind)
    {
        auto stmt = prepare(sql);
        if (!stmt.good())
            return stmt.status();
        bind(**stmt);
        Status s = (*stmt)->exec();
        (*stmt)->reset();
        return s;
    }
    // Runs one or more statements without parameters or results (schema, BEGIN, SAVEPOINT).
    Status execute(const char *sql);

    // Rows changed by the last statement run through exec().
    int changes() const { return m_changes; }
    bool inTransaction() const;

    // Notifications (LISTEN/NOTIFY): subscribes to a channel, and waits up to timeoutMs for the
    // next notification on any subscribed channel (nullopt when none came, or on error).
    Status listen(const QString &channel);
    std::optional<Notification> waitForNotification(int timeoutMs);

    pg_conn *handle() const { return m_conn; }
    // The connection's last error as a Status: SQLSTATE classes mapped onto Status codes.
    Status error(const pg_result *result, QStringView context) const;

private:
    friend class Statement;
    explicit Connection(pg_conn *conn);
    pg_conn *m_conn;
    int m_changes = 0;
    int m_nextStatement = 0;
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_statements;
};

// Begins a transaction and rolls back on destruction unless commit() succeeded. Inside an open
// transaction it joins that one: commit() then leaves the outer transaction open.
class Transaction
{
public:
    explicit Transaction(Connection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &status() const { return m_status; } // of BEGIN
    Status commit();

private:
    Connection &m_connection;
    Status m_status;
    bool m_open = false;
    bool m_joined = false;
};

// SQLite's numbered parameters (?1, ?12) as PostgreSQL's ($1, $12), outside quoted text; and
// how many parameters the statement has (the highest number).
std::pair<QByteArray, int> translateParameters(const char *sql);

} // namespace Pult::Pg
