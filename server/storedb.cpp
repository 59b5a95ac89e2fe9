#include "storedb.h"

#include "logrecord.h"
#include "pgdb.h"
#include "serverschema.h"
#include "sqlitedb.h"

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace Pult::Db {

namespace {

constexpr int kServerApplicationId = 0x504c5444; // "PLTD"

// pult_core's SQLite statement behind the store interface.
class SqliteStatement final : public Statement
{
public:
    SqliteStatement(Sql::Statement &statement, Violation &violation)
        : m_statement(statement)
        , m_violation(violation)
    {}

    using Statement::bind;
    Statement &bind(int index, qint64 value) override
    {
        m_statement.bind(index, value);
        return *this;
    }
    Statement &bind(int index, double value) override
    {
        m_statement.bind(index, value);
        return *this;
    }
    Statement &bind(int index, const QString &value) override
    {
        m_statement.bind(index, value);
        return *this;
    }
    Statement &bind(int index, const QByteArray &blob) override
    {
        m_statement.bind(index, blob);
        return *this;
    }
    Statement &bindNull(int index) override
    {
        m_statement.bindNull(index);
        return *this;
    }
    bool next() override
    {
        const bool row = m_statement.next();
        m_violation = violationOf(m_statement.errorCode());
        return row;
    }
    Status exec() override
    {
        Status s = m_statement.exec();
        m_violation = violationOf(m_statement.errorCode());
        return s;
    }
    void reset() override { m_statement.reset(); }
    const Status &status() const override { return m_statement.status(); }
    bool isNull(int column) const override { return m_statement.isNull(column); }
    qint64 int64(int column) const override { return m_statement.int64(column); }
    double real(int column) const override { return m_statement.real(column); }
    QString text(int column) const override { return m_statement.text(column); }
    QByteArray blob(int column) const override { return m_statement.blob(column); }

    static Violation violationOf(int code)
    {
        if (Sql::Database::isUniqueViolation(code))
            return Violation::Unique;
        return Sql::Database::isConstraintViolation(code) ? Violation::Other : Violation::None;
    }

private:
    Sql::Statement &m_statement;
    Violation &m_violation; // the connection's
};

// Checkpoints a writer's WAL on a thread and a connection of its own. SQLite's automatic
// checkpoint runs in the committing thread: copying the WAL into the database and both fsyncs
// held up the writer, which every op waits for (bench_server: 10,000 ops/s with it, 15,000 with
// this). Passive checkpoints never wait for the writer nor make it wait.
//
// They cannot end the WAL, though: it starts over only when a write begins with every frame
// copied, and a busy writer always appends while the other thread copies. So at kWriterPages
// the writer checkpoints itself, as SQLite would at kPages, finding all but its last
// transactions copied already; its next transaction starts the WAL over. (It waits for the
// other thread's checkpoint to end first: SQLite lets one run at a time and refuses the other.)
class WalCheckpointer
{
public:
    static constexpr int kPages = 1000;             // SQLite's wal_autocheckpoint default
    static constexpr int kWriterPages = 4 * kPages; // a WAL of about 16 MB at most, see above

    WalCheckpointer(sqlite3 *writer, QString path)
        : m_path(std::move(path))
    {
        sqlite3_wal_hook(writer, &WalCheckpointer::committed, this); // replaces the automatic one
    }
    ~WalCheckpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    static int committed(void *self, sqlite3 *writer, const char *schema, int walPages)
    {
        auto *checkpointer = static_cast<WalCheckpointer *>(self);
        if (walPages >= kWriterPages)
            checkpointer->checkpointHere(writer, schema);
        else if (walPages >= kPages)
            checkpointer->request();
        return SQLITE_OK;
    }

    void checkpointHere(sqlite3 *writer, const char *schema)
    {
        std::unique_lock lock(m_mutex); // held throughout: the thread starts no checkpoint
        m_idle.wait(lock, [this] { return !m_running; });
        m_due = false;
        sqlite3_wal_checkpoint_v2(writer, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }

    void request()
    {
        {
            std::lock_guard lock(m_mutex);
            m_due = true;
            if (!m_thread.joinable())
                m_thread = std::thread([this] { run(); });
        }
        m_wake.notify_one();
    }

    void run()
    {
        auto db = Sql::Database::open(m_path, Sql::Database::Mode::ReadWrite);
        if (db.good()) // a connection knows its database is in WAL mode once it has read it
            (void)(*db)->execute("PRAGMA journal_mode = WAL"); // on failure, so does the checkpoint
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_due || m_stop; });
            if (m_stop)
                return;
            m_due = false;
            m_running = true;
            lock.unlock();
            const int rc =
                db.good() ? sqlite3_wal_checkpoint_v2((*db)->handle(), nullptr,
                                                      SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr)
                          : SQLITE_CANTOPEN;
            if (rc != SQLITE_OK && rc != SQLITE_BUSY && !m_reported) {
                m_reported = true; // once: the writer's own checkpoints still bound the WAL
                LogRecord(LogLevel::Warning, "wal_checkpoint_failed")
                    .addString("error", db.good() ? sqlite3_errmsg((*db)->handle())
                                                  : db.status().message().toStdString());
            }
            lock.lock();
            m_running = false;
            m_idle.notify_all();
        }
    }

    const QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake; // the thread: a checkpoint is due, or stop
    std::condition_variable m_idle; // the writer: the thread's checkpoint has ended
    bool m_due = false;
    bool m_running = false; // the thread is checkpointing
    bool m_stop = false;
    bool m_reported = false; // touched by the thread only
    std::thread m_thread;
};

class SqliteConnection final : public Connection
{
public:
    explicit SqliteConnection(std::unique_ptr<Sql::Database> db)
        : m_db(std::move(db))
    {}
    // A writer: its WAL is checkpointed on another thread.
    SqliteConnection(std::unique_ptr<Sql::Database> db, const QString &path)
        : m_db(std::move(db))
        , m_checkpointer(std::make_unique<WalCheckpointer>(m_db->handle(), path))
    {}

    Dialect dialect() const override { return Dialect::Sqlite; }
    Result<Statement *> prepare(const char *sql) override
    {
        auto it = m_statements.find(sql);
        if (it != m_statements.end())
            return it->second.get();
        auto stmt = m_db->prepare(sql);
        if (!stmt.good())
            return stmt.status();
        auto wrapped = std::make_unique<SqliteStatement>(**stmt, m_violation);
        Statement *raw = wrapped.get();
        m_statements.emplace(sql, std::move(wrapped));
        return raw;
    }
    Status execute(const char *sql) override
    {
        Status s = m_db->execute(sql);
        m_violation =
            s.good() ? Violation::None : SqliteStatement::violationOf(m_db->lastErrorCode());
        return s;
    }
    int changes() const override { return m_db->changes(); }
    Violation violation() const override { return m_violation; }
    bool inTransaction() const override { return m_db->inTransaction(); }
    Status begin() override { return m_db->begin(); }
    Status commit() override { return m_db->commit(); }
    Status rollback() override { return m_db->rollback(); }
    Status lockWriters() override { return {}; } // BEGIN IMMEDIATE holds the write lock

private:
    std::unique_ptr<Sql::Database> m_db;
    Violation m_violation = Violation::None;
    std::unordered_map<const char *, std::unique_ptr<SqliteStatement>> m_statements;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // stopped before m_db closes
};

Result<std::unique_ptr<Connection>> openSqlite(const std::filesystem::path &dataDirectory)
{
    const QString path = QString::fromStdString((dataDirectory / "server.db").string());
    auto db = Sql::Database::open(path, Sql::Database::Mode::ReadWrite);
    if (!db.good())
        return db.status();
    Sql::Database &conn = **db;
    auto appId = conn.prepare("PRAGMA application_id");
    if (!appId.good())
        return appId.status();
    const qint64 id = (*appId)->next() ? (*appId)->int64(0) : 0;
    (*appId)->reset();
    if (id != 0 && id != kServerApplicationId)
        return Status(Status::Invalid,
                      path + QStringLiteral(" is an SQLite database of another application"));
    // A database from a newer pultd is refused before the pragmas below write anything.
    auto version = conn.prepare("PRAGMA user_version");
    if (!version.good())
        return version.status();
    const qint64 userVersion = (*version)->next() ? (*version)->int64(0) : 0;
    (*version)->reset();
    if (userVersion > ServerSchema::latestVersion())
        return ServerSchema::futureSchema(int(userVersion));
    // temp_store: each op runs in a savepoint, whose undo pages SQLite keeps in a temporary
    // file beyond 64 KiB; two pwrite calls per page were a third of the op path's time.
    const QByteArray pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                               "PRAGMA temp_store = MEMORY; PRAGMA application_id = " +
                               QByteArray::number(kServerApplicationId);
    if (Status s = conn.execute(pragmas.constData()); !s.good())
        return s;
    return std::unique_ptr<Connection>(std::make_unique<SqliteConnection>(std::move(*db), path));
}

} // namespace

Result<std::unique_ptr<Connection>> Connection::open(const std::filesystem::path &dataDirectory,
                                                     const QString &url)
{
    if (url.isEmpty())
        return openSqlite(dataDirectory);
    auto pg = Pg::Connection::open(url);
    if (!pg.good())
        return pg.status();
    return std::unique_ptr<Connection>(std::move(*pg));
}

Result<std::unique_ptr<Connection>>
Connection::openReader(const std::filesystem::path &dataDirectory, const QString &url)
{
    if (!url.isEmpty())
        return open(dataDirectory, url);
    auto db = Sql::Database::open(QString::fromStdString((dataDirectory / "server.db").string()),
                                  Sql::Database::Mode::ReadOnly);
    if (!db.good())
        return db.status();
    return std::unique_ptr<Connection>(std::make_unique<SqliteConnection>(std::move(*db)));
}

Savepoint::Savepoint(Connection &connection, const char *name)
    : m_connection(connection)
    , m_name(name)
{
    m_status = m_connection.executeLater(QByteArray("SAVEPOINT " + m_name).constData());
    m_open = m_status.good();
}

Savepoint::~Savepoint()
{
    if (m_open)
        (void)rollback(); // nothing to report to: the caller is leaving with an error already
}

Status Savepoint::release()
{
    if (!m_open)
        return m_status.good() ? Status(Status::Internal, QStringLiteral("no open savepoint"))
                               : m_status;
    Status s = m_connection.executeLater(QByteArray("RELEASE " + m_name).constData());
    if (s.good())
        m_open = false;
    return s;
}

Status Savepoint::rollback()
{
    if (!m_open)
        return m_status.good() ? Status(Status::Internal, QStringLiteral("no open savepoint"))
                               : m_status;
    m_open = false; // whatever happens, do not try again from the destructor
    Status s = m_connection.execute(QByteArray("ROLLBACK TO " + m_name).constData());
    if (s.good())
        s = m_connection.execute(QByteArray("RELEASE " + m_name).constData());
    return s;
}

} // namespace Pult::Db
