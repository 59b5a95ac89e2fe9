#include "storedb.h"

#include "pgdb.h"
#include "serverschema.h"
#include "sqlitedb.h"

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

class SqliteConnection final : public Connection
{
public:
    explicit SqliteConnection(std::unique_ptr<Sql::Database> db)
        : m_db(std::move(db))
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
    const QByteArray pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                               "PRAGMA application_id = " +
                               QByteArray::number(kServerApplicationId);
    if (Status s = conn.execute(pragmas.constData()); !s.good())
        return s;
    return std::unique_ptr<Connection>(std::make_unique<SqliteConnection>(std::move(*db)));
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
    m_status = m_connection.execute(QByteArray("SAVEPOINT " + m_name).constData());
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
    Status s = m_connection.execute(QByteArray("RELEASE " + m_name).constData());
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
