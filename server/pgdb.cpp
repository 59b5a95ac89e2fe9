#include "pgdb.h"

#include "logrecord.h"

#include <QtEndian>

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cstring>

namespace Pult::Pg {

namespace {

// Type OIDs of the binary results read (PostgreSQL's catalog/pg_type.h; stable since 7.x).
constexpr Oid kBool = 16;
constexpr Oid kBytea = 17;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kText = 25;
constexpr Oid kJson = 114;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;
constexpr Oid kVarchar = 1043;
constexpr Oid kJsonb = 3802;

template<typename T> T bigEndian(const char *data)
{
    T value;
    std::memcpy(&value, data, sizeof value);
    return qFromBigEndian(value);
}

} // namespace

std::pair<QByteArray, int> translateParameters(const char *sql)
{
    QByteArray out;
    int parameters = 0;
    char quote = 0; // inside '...' or "..."
    for (const char *p = sql; *p; ++p) {
        if (quote) {
            if (*p == quote)
                quote = 0;
            out += *p;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
            out += *p;
        } else if (*p == '?' && p[1] >= '0' && p[1] <= '9') {
            int n = 0;
            while (p[1] >= '0' && p[1] <= '9')
                n = n * 10 + (*++p - '0');
            parameters = std::max(parameters, n);
            out += '$';
            out += QByteArray::number(n);
        } else {
            out += *p;
        }
    }
    return {out, parameters};
}

Statement::Statement(Connection &connection, QByteArray name, QByteArray sql, int parameters)
    : m_connection(connection)
    , m_name(std::move(name))
    , m_sql(std::move(sql))
    , m_parameters(std::size_t(parameters))
{}

Statement::~Statement()
{
    PQclear(m_result);
}

Statement &Statement::bind(int index, qint64 value)
{
    if (index >= 1 && index <= int(m_parameters.size()))
        m_parameters[std::size_t(index - 1)] = {QByteArray::number(value), false, false};
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (index >= 1 && index <= int(m_parameters.size()))
        m_parameters[std::size_t(index - 1)] = {QByteArray::number(value, 'g', 17), false, false};
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    if (index >= 1 && index <= int(m_parameters.size()))
        m_parameters[std::size_t(index - 1)] = {value.toUtf8(), false, false};
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    if (blob.isNull())
        return bindNull(index);
    if (index >= 1 && index <= int(m_parameters.size()))
        m_parameters[std::size_t(index - 1)] = {blob, true, false};
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (index >= 1 && index <= int(m_parameters.size()))
        m_parameters[std::size_t(index - 1)] = {};
    return *this;
}

Statement::Values Statement::values() const
{
    Values v;
    v.values.resize(m_parameters.size());
    v.lengths.resize(m_parameters.size());
    v.formats.resize(m_parameters.size());
    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        const Parameter &p = m_parameters[i];
        // A non-null empty QByteArray may have a null data pointer; libpq reads NULL as SQL null.
        v.values[i] = p.null ? nullptr : p.value.isEmpty() ? "" : p.value.constData();
        v.lengths[i] = int(p.value.size());
        v.formats[i] = p.binary ? 1 : 0;
    }
    return v;
}

bool Statement::prepareHere()
{
    if (m_prepared) // since the connection was made (again)
        return true;
    if (Status s = m_connection.drain(); !s.good()) {
        m_status = s;
        return false;
    }
    pg_result *prepared =
        PQprepare(m_connection.handle(), m_name.constData(), m_sql.constData(), 0, nullptr);
    m_prepared = PQresultStatus(prepared) == PGRES_COMMAND_OK;
    if (!m_prepared)
        m_status = m_connection.error(prepared, QString::fromUtf8(m_sql));
    PQclear(prepared);
    return m_prepared;
}

bool Statement::run()
{
    PQclear(m_result);
    m_result = nullptr;
    if (!prepareHere())
        return false;
    const Values v = values();
    if (PQpipelineStatus(m_connection.handle()) != PQ_PIPELINE_OFF) {
        // Behind the writes sent ahead, with them in one round trip.
        if (!PQsendQueryPrepared(m_connection.handle(), m_name.constData(), int(v.values.size()),
                                 v.values.data(), v.lengths.data(), v.formats.data(), 1)) {
            m_status = m_connection.error(nullptr, QString::fromUtf8(m_sql));
            (void)m_connection.drain();
            return false;
        }
        if (Status s = m_connection.drain(&m_result); !s.good()) {
            PQclear(m_result);
            m_result = nullptr;
            m_status = s;
            return false;
        }
    } else {
        m_result = PQexecPrepared(m_connection.handle(), m_name.constData(), int(v.values.size()),
                                  v.values.data(), v.lengths.data(), v.formats.data(), 1);
    }
    m_row = -1;
    m_connection.noteResult(m_result);
    const ExecStatusType status = PQresultStatus(m_result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        m_status = m_connection.error(m_result, QString::fromUtf8(m_sql));
        PQclear(m_result);
        m_result = nullptr;
        return false;
    }
    m_connection.m_changes = std::atoi(PQcmdTuples(m_result));
    return true;
}

Status Statement::execLater()
{
    if (!m_connection.m_transaction) // outside one, a lost connection is made again: run now
        return exec();
    if (!m_status.good() || !prepareHere())
        return m_status;
    if (Status s = m_connection.enterPipeline(); !s.good())
        return m_status = s;
    const Values v = values();
    if (!PQsendQueryPrepared(m_connection.handle(), m_name.constData(), int(v.values.size()),
                             v.values.data(), v.lengths.data(), v.formats.data(), 1))
        return m_status = m_connection.error(nullptr, QString::fromUtf8(m_sql));
    return m_status = m_connection.sentAhead();
}

bool Statement::next()
{
    if (!m_status.good())
        return false;
    if (!m_result && !run())
        return false;
    ++m_row;
    return m_row < PQntuples(m_result);
}

Status Statement::exec()
{
    if (m_status.good())
        run();
    return m_status;
}

void Statement::reset()
{
    PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
    for (Parameter &p : m_parameters)
        p = {};
    m_status = Status();
}

bool Statement::isNull(int column) const
{
    return !m_result || PQgetisnull(m_result, m_row, column);
}

qint64 Statement::int64(int column) const
{
    if (isNull(column))
        return 0;
    const char *data = PQgetvalue(m_result, m_row, column);
    switch (PQftype(m_result, column)) {
    case kInt8:
        return bigEndian<qint64>(data);
    case kInt4:
        return bigEndian<qint32>(data);
    case kInt2:
        return bigEndian<qint16>(data);
    case kBool:
        return data[0] ? 1 : 0;
    default:
        return 0;
    }
}

double Statement::real(int column) const
{
    if (isNull(column))
        return 0;
    const char *data = PQgetvalue(m_result, m_row, column);
    switch (PQftype(m_result, column)) {
    case kFloat8: {
        const quint64 bits = bigEndian<quint64>(data);
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    case kFloat4: {
        const quint32 bits = bigEndian<quint32>(data);
        float value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    default:
        return double(int64(column));
    }
}

QString Statement::text(int column) const
{
    if (isNull(column))
        return {};
    const char *data = PQgetvalue(m_result, m_row, column);
    const int size = PQgetlength(m_result, m_row, column);
    switch (PQftype(m_result, column)) {
    case kText:
    case kVarchar:
    case kJson:
        return QString::fromUtf8(data, size);
    case kJsonb: // binary jsonb: a version byte (1), then the text
        return size > 0 ? QString::fromUtf8(data + 1, size - 1) : QString();
    case kInt8:
    case kInt4:
    case kInt2:
        return QString::number(int64(column));
    default:
        return {};
    }
}

QByteArray Statement::blob(int column) const
{
    if (isNull(column))
        return {};
    if (PQftype(m_result, column) != kBytea && PQftype(m_result, column) != kText)
        return {};
    return QByteArray(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
}

Result<std::unique_ptr<Connection>> Connection::open(const QString &url)
{
    pg_conn *conn = PQconnectdb(url.toUtf8().constData());
    std::unique_ptr<Connection> result(new Connection(conn));
    if (!conn)
        return Status(Status::Internal, QStringLiteral("out of memory connecting to PostgreSQL"));
    if (PQstatus(conn) != CONNECTION_OK)
        return Status(Status::Unreachable,
                      QStringLiteral("cannot connect to PostgreSQL: %1")
                          .arg(QString::fromUtf8(PQerrorMessage(conn)).trimmed()));
    // Notices (e.g. "relation already exists, skipping") are not errors; keep them off stderr.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    if (Status s = result->setUp(); !s.good())
        return s;
    return result;
}

Status Connection::setUp()
{
    if (PQsetClientEncoding(m_conn, "UTF8") != 0)
        return error(nullptr, u"SET client_encoding");
    return {};
}

Status Connection::ensureConnected()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return {};
    if (m_transaction)
        return Status(Status::Unreachable,
                      QStringLiteral("lost the connection to PostgreSQL in a transaction"));
    m_unread = 0;    // outcomes lost with the session (and only outside a transaction)
    PQreset(m_conn); // the same parameters; the notice processor stays
    if (PQstatus(m_conn) != CONNECTION_OK)
        return Status(Status::Unreachable,
                      QStringLiteral("cannot connect to PostgreSQL again: %1")
                          .arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    // Prepared statements belong to the session. A statement's rows already read stay readable.
    for (auto &[sql, statement] : m_statements)
        statement->m_prepared = false;
    if (Status s = setUp(); !s.good())
        return s;
    LogRecord(LogLevel::Info, "database_reconnected").write();
    return {};
}

Connection::Connection(pg_conn *conn)
    : m_conn(conn)
{}

Connection::~Connection()
{
    m_statements.clear();
    PQfinish(m_conn);
}

Result<Db::Statement *> Connection::prepare(const char *sql)
{
    if (Status s = ensureConnected(); !s.good())
        return s;
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    auto [text, parameters] = translateParameters(sql);
    QByteArray name = "pult_" + QByteArray::number(++m_nextStatement);
    if (Status s = drain(); !s.good())
        return s;
    pg_result *prepared = PQprepare(m_conn, name.constData(), text.constData(), 0, nullptr);
    const bool ok = PQresultStatus(prepared) == PGRES_COMMAND_OK;
    Status s = ok ? Status() : error(prepared, QString::fromUtf8(sql));
    PQclear(prepared);
    if (!ok)
        return s;
    auto statement =
        std::make_unique<Statement>(*this, std::move(name), std::move(text), parameters);
    statement->m_prepared = true;
    Db::Statement *raw = statement.get();
    m_statements.emplace(sql, std::move(statement));
    return raw;
}

Status Connection::execute(const char *sql)
{
    if (Status s = ensureConnected(); !s.good())
        return s;
    if (Status s = drain(); !s.good())
        return s;
    pg_result *result = PQexec(m_conn, sql);
    noteResult(result);
    const ExecStatusType status = PQresultStatus(result);
    Status s = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
                   ? Status()
                   : error(result, QString::fromUtf8(sql));
    PQclear(result);
    return s;
}

Status Connection::executeLater(const char *sql)
{
    if (!m_transaction)
        return execute(sql);
    if (Status s = enterPipeline(); !s.good())
        return s;
    if (!PQsendQueryParams(m_conn, sql, 0, nullptr, nullptr, nullptr, nullptr, 1))
        return error(nullptr, QString::fromUtf8(sql));
    return sentAhead();
}

Status Connection::enterPipeline()
{
    if (PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF && !PQenterPipelineMode(m_conn))
        return error(nullptr, u"entering pipeline mode");
    return {};
}

Status Connection::sentAhead()
{
    // Their answers are small, but PostgreSQL stops reading once its own buffer is full.
    constexpr int kMaxUnread = 64;
    return ++m_unread < kMaxUnread ? Status() : drain();
}

Status Connection::drain(pg_result **own)
{
    if (PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF)
        return {};
    const int queries = m_unread + (own ? 1 : 0);
    Status first;
    const auto note = [&](Status s) {
        if (first.good())
            first = std::move(s);
    };
    if (queries > 0 && !PQpipelineSync(m_conn))
        note(error(nullptr, u"a pipeline sync"));
    // Each query's results end with a null result (`index` counts them); after an error the
    // rest come as PGRES_PIPELINE_ABORTED; the sync ends the lot. More nulls than queries:
    // the connection is gone.
    for (int index = 0; first.good() || PQstatus(m_conn) == CONNECTION_OK;) {
        pg_result *result = PQgetResult(m_conn);
        if (!result) {
            if (++index > queries)
                break;
            continue;
        }
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(result);
            break;
        }
        if (own && index == m_unread && status != PGRES_PIPELINE_ABORTED && !*own) {
            *own = result; // the caller's statement: its result is the caller's to read
            continue;
        }
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
            status != PGRES_PIPELINE_ABORTED)
            note(error(result, u"a write sent ahead"));
        PQclear(result);
    }
    m_unread = 0;
    if (PQstatus(m_conn) == CONNECTION_OK && !PQexitPipelineMode(m_conn))
        note(error(nullptr, u"leaving pipeline mode"));
    // Not the caller's own statement: no violation it might take for its own.
    m_violation = Db::Violation::None;
    if (first.good() && own && !*own)
        return error(nullptr, u"a statement in a pipeline"); // no result came for it
    return first;
}

bool Connection::isOpen() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

bool Connection::inTransaction() const
{
    return m_transaction;
}

Status Connection::listen(const QString &channel)
{
    const QByteArray utf8 = channel.toUtf8();
    char *quoted = PQescapeIdentifier(m_conn, utf8.constData(), std::size_t(utf8.size()));
    if (!quoted)
        return error(nullptr, u"LISTEN");
    const QByteArray sql = "LISTEN " + QByteArray(quoted);
    PQfreemem(quoted);
    return execute(sql.constData());
}

std::optional<Notification> Connection::waitForNotification(int timeoutMs)
{
    const auto take = [this]() -> std::optional<Notification> {
        if (!PQconsumeInput(m_conn))
            return std::nullopt;
        PGnotify *notify = PQnotifies(m_conn);
        if (!notify)
            return std::nullopt;
        Notification n{QString::fromUtf8(notify->relname), QString::fromUtf8(notify->extra)};
        PQfreemem(notify);
        return n;
    };
    if (auto n = take())
        return n;
    pollfd fd{PQsocket(m_conn), POLLIN, 0};
    if (fd.fd < 0 || poll(&fd, 1, timeoutMs) <= 0)
        return std::nullopt;
    return take();
}

Status Connection::error(const pg_result *result, QStringView context) const
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const QString detail = QString::fromUtf8(primary ? primary : PQerrorMessage(m_conn)).trimmed();
    const QByteArray code = state ? QByteArray(state) : QByteArray();
    if (PQstatus(m_conn) == CONNECTION_BAD || code.startsWith("08"))
        return {Status::Unreachable, u"lost the connection to PostgreSQL: " + detail};
    if (code == "53100")
        return {Status::DiskFull, u"PostgreSQL's disk is full: " + detail};
    if (code.startsWith("53") || code == "40001" || code == "40P01" || code == "55P03")
        return {Status::Busy, u"PostgreSQL is busy: " + detail};
    if (code == "XX001" || code == "XX002")
        return {Status::Corrupt, u"the PostgreSQL database is damaged: " + detail};
    if (code.startsWith("58"))
        return {Status::IoError, u"PostgreSQL cannot access its files: " + detail};
    if (code.startsWith("23"))
        return {Status::Invalid, detail};
    return {Status::Internal, detail + u" in " + context.left(200)};
}

void Connection::noteResult(const pg_result *result)
{
    const ExecStatusType status = PQresultStatus(result);
    const char *state =
        status == PGRES_FATAL_ERROR ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (!state || std::strncmp(state, "23", 2) != 0)
        m_violation = Db::Violation::None;
    else
        m_violation =
            std::strcmp(state, "23505") == 0 ? Db::Violation::Unique : Db::Violation::Other;
}

Status Connection::begin()
{
    Status s = execute("BEGIN");
    // A connection PostgreSQL ended while it was idle (a restart) is noticed only by its next
    // use. BEGIN ran nowhere then, so the connection is made again and BEGIN sent once more:
    // the first write after the database came back does not fail for nothing.
    if (!s.good() && PQstatus(m_conn) != CONNECTION_OK)
        s = execute("BEGIN");
    m_transaction = s.good();
    return s;
}

Status Connection::commit()
{
    // COMMIT of an aborted transaction answers "ROLLBACK" without an error: report it as one.
    // Either way the transaction has ended.
    m_transaction = false;
    Status s = drain();
    if (!s.good()) {
        (void)rollback(); // COMMIT of the aborted transaction would answer ROLLBACK anyway
        return s;
    }
    pg_result *result = PQexec(m_conn, "COMMIT");
    if (PQresultStatus(result) != PGRES_COMMAND_OK)
        s = error(result, u"COMMIT");
    else if (std::strcmp(PQcmdStatus(result), "COMMIT") != 0)
        s = Status(Status::Internal, QStringLiteral("the transaction failed and was rolled back"));
    PQclear(result);
    return s;
}

Status Connection::rollback()
{
    m_transaction = false;
    (void)drain(); // whatever the writes sent ahead met, they are undone now
    if (PQstatus(m_conn) != CONNECTION_OK) // the transaction was lost with the connection
        return {};
    pg_result *result = PQexec(m_conn, "ROLLBACK");
    Status s = PQresultStatus(result) == PGRES_COMMAND_OK ? Status() : error(result, u"ROLLBACK");
    PQclear(result);
    return s;
}

Status Connection::lockWriters()
{
    // One key for all of pultd's writers; held until the transaction ends.
    return execute("SELECT pg_advisory_xact_lock(7391)");
}

} // namespace Pult::Pg
