#pragma once

// pultd's PostgreSQL connection (libpq) behind storedb.h's interface: statements written with
// SQLite's numbered parameters (?1, ?2, ...) are translated to $1, $2, prepared once per
// connection and cached by their SQL text. One Connection belongs to one thread.
//
// Writes sent with execLater() or executeLater() inside a transaction are not waited for: they
// queue in libpq's pipeline mode, and the next statement that needs an answer (or the commit)
// sends them with a sync and reads their outcomes first, so a batch of ops makes about a third
// of the round trips. The first error among them is that statement's error.
//
// A lost connection (PostgreSQL restarted, the network failed) is made again by the next
// prepare(), execute() or begin() outside a transaction, and every cached statement is prepared
// again on its next run. A transaction open when the connection was lost is lost with it: until
// rollback() ends it, prepare(), execute() and begin() fail, so that nothing meant to run inside
// it runs outside it.
//
// Values: parameters go as text (integers and doubles in decimal, text as UTF-8) except blobs,
// which go as binary, so the server infers each parameter's type from the statement. Results
// come back in binary; int64() reads smallint, integer, bigint and boolean columns, text() reads
// text, varchar, json/jsonb and integers (as decimal text), blob() reads bytea.

#include "storedb.h"

#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

struct pg_conn;
struct pg_result;

namespace Pult::Pg {

class Connection;

class Statement final : public Db::Statement
{
public:
    Statement(Connection &connection, QByteArray name, QByteArray sql, int parameters);
    ~Statement() override;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    using Db::Statement::bind;
    Statement &bind(int index, qint64 value) override;
    Statement &bind(int index, double value) override;
    Statement &bind(int index, const QString &value) override;
    Statement &bind(int index, const QByteArray &blob) override;
    Statement &bindNull(int index) override;

    // Runs the statement on the first call, then moves row by row.
    bool next() override;
    Status exec() override;
    Status execLater() override;
    void reset() override;
    const Status &status() const override { return m_status; }

    bool isNull(int column) const override;
    qint64 int64(int column) const override;
    double real(int column) const override;
    QString text(int column) const override;
    QByteArray blob(int column) const override;

private:
    friend class Connection;
    bool run();
    bool prepareHere(); // in this session, if not yet
    struct Values
    {
        std::vector<const char *> values;
        std::vector<int> lengths;
        std::vector<int> formats;
    };
    Values values() const; // the bound parameters as libpq takes them

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
    bool m_prepared = false; // in the connection's current session
};

struct Notification
{
    QString channel;
    QString payload;
};

class Connection final : public Db::Connection
{
public:
    // Connects to a libpq connection string or URL (postgresql://user@host:port/db).
    static Result<std::unique_ptr<Connection>> open(const QString &url);
    ~Connection() override;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Db::Dialect dialect() const override { return Db::Dialect::Postgres; }
    Result<Db::Statement *> prepare(const char *sql) override;
    Status execute(const char *sql) override;
    Status executeLater(const char *sql) override;
    int changes() const override { return m_changes; }
    Db::Violation violation() const override { return m_violation; }
    bool inTransaction() const override;
    Status begin() override;
    Status commit() override;
    Status rollback() override;
    Status lockWriters() override;

    // Notifications (LISTEN/NOTIFY): subscribes to a channel, and waits up to timeoutMs for the
    // next notification on any subscribed channel (nullopt when none came, or on error).
    Status listen(const QString &channel);
    std::optional<Notification> waitForNotification(int timeoutMs);

    // False once the server is gone (until the next use reconnects).
    bool isOpen() const;
    pg_conn *handle() const { return m_conn; }
    // The connection's last error as a Status: SQLSTATE classes mapped onto Status codes.
    Status error(const pg_result *result, QStringView context) const;

private:
    friend class Statement;
    explicit Connection(pg_conn *conn);
    // Connects again when the connection was lost and no transaction was open on it.
    Status ensureConnected();
    Status setUp(); // of a new session
    // Records what a statement's result violated (from its SQLSTATE), for violation().
    void noteResult(const pg_result *result);
    // Pipeline mode: enters it for a write sent ahead; counts one sent (reading them all once
    // kMaxUnread wait); and, before anything that waits for an answer, sends a sync, reads the
    // outcomes and leaves pipeline mode. The first error among them, else success. With `own`,
    // the caller sent its own statement last, and *own gets that statement's result.
    Status enterPipeline();
    Status sentAhead();
    Status drain(pg_result **own = nullptr);
    int m_unread = 0; // writes sent ahead whose outcome is not read yet
    pg_conn *m_conn;
    bool m_transaction = false; // begun and not yet committed or rolled back
    int m_changes = 0;
    Db::Violation m_violation = Db::Violation::None;
    int m_nextStatement = 0;
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_statements;
};

// SQLite's numbered parameters (?1, ?12) as PostgreSQL's ($1, $12), outside quoted text; and
// how many parameters the statement has (the highest number).
std::pair<QByteArray, int> translateParameters(const char *sql);

} // namespace Pult::Pg
