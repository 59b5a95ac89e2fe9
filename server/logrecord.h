#pragma once

#include "jsonwriter.h"

#include <cstdint>
#include <string_view>

namespace Pult {

enum class LogLevel { Info, Warning, Error };

// One structured log record: a JSON object on one line of stderr, beginning with "time" (UTC,
// ISO 8601 with milliseconds), "level" and "event". The line is written by a single call under a
// lock, so records from different threads never interleave.
//
// Never log secrets: no tokens, passwords, cookies, query strings or request bodies.
//
//     LogRecord(LogLevel::Info, "request").addString("route", "/healthz").addInteger("status",
//     200).write();
class LogRecord
{
public:
    LogRecord(LogLevel level, std::string_view event);

    LogRecord &addString(std::string_view key, std::string_view value);
    LogRecord &addInteger(std::string_view key, std::int64_t value);
    LogRecord &addDecimal(std::string_view key, double value, int decimals);
    LogRecord &addNull(std::string_view key);

    void write();

private:
    JsonObjectWriter m_object;
};

} // namespace Pult
