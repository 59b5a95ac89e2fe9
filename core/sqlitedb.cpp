#include "sqlitedb.h"

#include <sqlite3.h>

namespace Pult::Sql {

Statement::Statement(Database &db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
{}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    if (blob.isNull())
        return bindNull(index);
    sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_status = m_db.error(rc, QString::fromUtf8(sqlite3_sql(m_stmt)));
        m_errorCode = rc; // extended: sqlite3_extended_result_codes is on
    }
    return false;
}

Status Statement::exec()
{
    while (next()) {
    }
    return m_status;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_status = Status();
    m_errorCode = 0;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    if (!data)
        return {};
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode)
{
    sqlite3 *db = nullptr;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX; // one connection, one thread
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    std::unique_ptr<Database> result(new Database(db, path));
    if (rc != SQLITE_OK)
        return result->error(rc, QString(u"open " + path));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return result;
}

Database::Database(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{}

Database::~Database()
{
    m_statements.clear(); // finalise before closing
    m_built.clear();
    sqlite3_close(m_db);
}

Result<Statement *> Database::prepare(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        it->second->reset();
        return it->second.get();
    }
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error(rc, QString::fromUtf8(sql));
    }
    auto owned = std::make_unique<Statement>(*this, stmt);
    Statement *raw = owned.get();
    m_statements.emplace(sql, std::move(owned));
    return raw;
}

Result<Statement *> Database::prepareBuilt(const QByteArray &sql)
{
    const std::string key = sql.toStdString();
    auto it = m_built.find(key);
    if (it != m_built.end()) {
        it->second->reset();
        return it->second.get();
    }
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error(rc, QString::fromUtf8(sql));
    }
    if (m_built.size() >= kBuiltStatements)
        m_built.clear(); // simpler than LRU, and filters repeat far fewer shapes than this
    auto owned = std::make_unique<Statement>(*this, stmt);
    Statement *raw = owned.get();
    m_built.emplace(key, std::move(owned));
    return raw;
}

Status Database::execute(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return error(rc, QString::fromUtf8(sql).left(120));
    return {};
}

void Database::interrupt()
{
    sqlite3_interrupt(m_db);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 Database::totalChanges() const
{
    return sqlite3_total_changes64(m_db);
}

Status Database::error(int rc, QStringView context) const
{
    const QString detail =
        m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    const QString where = m_path.isEmpty() ? QString() : u" (" + m_path + u')';
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return {Status::Corrupt, u"the database" + where + u" is damaged: " + detail};
    case SQLITE_FULL:
        return {Status::DiskFull, u"the disk is full" + where + u": " + detail};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Status::Busy, u"the database" + where + u" is busy: " + detail};
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return {Status::IoError, u"cannot access the database" + where + u": " + detail};
    default:
        return {Status::Internal, detail + u" in " + context.left(200)};
    }
}

int Database::lastErrorCode() const
{
    return sqlite3_extended_errcode(m_db);
}

bool Database::isConstraintViolation(int code)
{
    return (code & 0xff) == SQLITE_CONSTRAINT;
}

bool Database::isUniqueViolation(int code)
{
    return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace Pult::Sql
