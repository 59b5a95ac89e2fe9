#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Pult {

// Errors are values: a code a program can branch on and a message a person can act on.
// [[nodiscard]]: a Status or Result nobody looks at is an error nobody handles; where ignoring
// one is right, the call says so with (void) and a comment why.
class [[nodiscard]] Status
{
public:
    enum Code {
        Ok,
        NotFound,     // an unknown id or number
        Invalid,      // bad input from the caller
        Corrupt,      // the database file is damaged or not a database
        FutureSchema, // written by a newer Pult; left untouched
        Busy,         // locked by another process for too long
        DiskFull,
        IoError,
        Internal,
        Unreachable,     // the server could not be reached (or answered with a server error)
        Unauthenticated, // the server refused the sign-in or the token: sign in again
        // A helper process (server/mail/mailparser.h) that did not answer:
        Timeout,       // it ran past its wall-clock time and was killed
        LimitExceeded, // it hit a resource limit (memory, CPU time, file size) and died
        Crashed,       // it died of a signal of its own (a crash) or exited with an error
        Malformed,     // it answered something that is not what it should have
    };

    Status() = default;
    Status(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    {}

    bool good() const { return m_code == Ok; }
    Code code() const { return m_code; }
    const QString &message() const { return m_message; }

private:
    Code m_code = Ok;
    QString m_message;
};

// A value or the Status saying why there is none.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Status status)
        : m_status(std::move(status))
    {
        Q_ASSERT(!m_status.good());
    }

    bool good() const { return m_value.has_value(); }
    const Status &status() const { return m_status; }
    T &value() { return *m_value; }
    const T &value() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace Pult
