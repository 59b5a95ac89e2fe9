#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace Pult {

enum class LogLevel { Info, Warning, Error };

// One structured log record: a JSON object on one line of stderr, with "time" (UTC, ISO 8601
// with milliseconds), "level" and "event" in every record. Members appear in key order (Qt's
// QJsonObject sorts them). Text that is not valid UTF-8 becomes U+FFFD, so the line stays valid
// JSON whatever a client sent. The line is written by a single call under a lock, so records from
// different threads never interleave.
//
// Never log secrets: no tokens, passwords, cookies, query strings or request bodies.
//
//     LogRecord(LogLevel::Info, "request").addString("route", "/healthz").addInteger("status",
//     200).write();
class LogRecord
{
public:
    LogRecord(LogLevel level, std::string_view event);
    ~LogRecord();
    LogRecord(const LogRecord &) = delete;
    LogRecord &operator=(const LogRecord &) = delete;

    LogRecord &addString(std::string_view key, std::string_view value);
    LogRecord &addInteger(std::string_view key, std::int64_t value);
    // A number rounded to `decimals` places (a duration in milliseconds, say); NaN and
    // infinities, which JSON cannot express, become null.
    LogRecord &addDecimal(std::string_view key, double value, int decimals);
    LogRecord &addNull(std::string_view key);

    void write();

private:
    struct Fields; // the JSON object; Qt stays out of this header
    std::unique_ptr<Fields> m_fields;
};

} // namespace Pult
