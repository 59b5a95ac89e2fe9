#pragma once

// What pult_core's SQLite Database and pultd's store connections (SQLite or PostgreSQL) share,
// written once over their common shape: prepare(sql) giving a statement with exec() and reset(),
// and inTransaction(), begin(), commit() and rollback().

#include "status.h"

#include <QtGlobal>

#include <utility>

namespace Pult {

// Runs the statement for sql to completion after bind(statement) has bound its values.
template<typename Connection, typename Bind>
Status runStatement(Connection &connection, const char *sql, Bind &&bind)
{
    auto stmt = connection.prepare(sql);
    if (!stmt.good())
        return stmt.status();
    bind(**stmt);
    Status s = (*stmt)->exec();
    (*stmt)->reset();
    return s;
}

// Begins a write transaction and rolls back on destruction unless commit() succeeded. Inside an
// open transaction it joins that one: commit() then leaves the outer transaction open.
template<typename Connection> class BasicTransaction
{
public:
    explicit BasicTransaction(Connection &connection)
        : m_connection(connection)
        , m_joined(connection.inTransaction())
    {
        if (m_joined)
            return;
        m_status = m_connection.begin();
        m_open = m_status.good();
    }
    ~BasicTransaction()
    {
        // A destructor cannot return the error; a failed ROLLBACK is logged (the transaction's
        // own error, which brought us here, has been returned already).
        if (m_open) {
            if (const Status s = m_connection.rollback(); !s.good())
                qWarning("rollback failed: %s", qUtf8Printable(s.message()));
        }
    }
    BasicTransaction(const BasicTransaction &) = delete;
    BasicTransaction &operator=(const BasicTransaction &) = delete;

    const Status &status() const { return m_status; } // of BEGIN

    Status commit()
    {
        if (m_joined)
            return {};
        if (!m_open)
            return m_status.good() ? Status(Status::Internal, QStringLiteral("no open transaction"))
                                   : m_status;
        Status s = m_connection.commit();
        // A failed COMMIT ends a PostgreSQL transaction; SQLite's stays open to be rolled back.
        if (s.good() || !m_connection.inTransaction())
            m_open = false;
        return s;
    }

private:
    Connection &m_connection;
    Status m_status;
    bool m_open = false;
    bool m_joined = false;
};

} // namespace Pult
