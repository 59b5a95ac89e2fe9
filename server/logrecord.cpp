#include "logrecord.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace Pult {
namespace {

std::string utcTimestamp()
{
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto seconds = floor<std::chrono::seconds>(now);
    const auto millis = duration_cast<milliseconds>(now - seconds).count();
    const std::time_t time = system_clock::to_time_t(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[40];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::string stamp(text, length);
    stamp += '.';
    stamp += static_cast<char>('0' + millis / 100);
    stamp += static_cast<char>('0' + millis / 10 % 10);
    stamp += static_cast<char>('0' + millis % 10);
    stamp += 'Z';
    return stamp;
}

std::string_view levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "error";
}

} // namespace

LogRecord::LogRecord(LogLevel level, std::string_view event)
{
    m_object.addString("time", utcTimestamp())
        .addString("level", levelName(level))
        .addString("event", event);
}

LogRecord &LogRecord::addString(std::string_view key, std::string_view value)
{
    m_object.addString(key, value);
    return *this;
}

LogRecord &LogRecord::addInteger(std::string_view key, std::int64_t value)
{
    m_object.addInteger(key, value);
    return *this;
}

LogRecord &LogRecord::addDecimal(std::string_view key, double value, int decimals)
{
    m_object.addDecimal(key, value, decimals);
    return *this;
}

LogRecord &LogRecord::addNull(std::string_view key)
{
    m_object.addNull(key);
    return *this;
}

void LogRecord::write()
{
    static std::mutex stderrMutex;
    std::string line = m_object.finish();
    line += '\n';
    const std::lock_guard lock(stderrMutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

} // namespace Pult
