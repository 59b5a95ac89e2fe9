#include "logrecord.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace Pult {
namespace {

// Invalid UTF-8 (from a client's request line, say) becomes U+FFFD.
QString utf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

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

struct LogRecord::Fields
{
    QJsonObject object;
};

LogRecord::LogRecord(LogLevel level, std::string_view event)
    : m_fields(std::make_unique<Fields>())
{
    addString("time", utcTimestamp());
    addString("level", levelName(level));
    addString("event", event);
}

LogRecord::~LogRecord() = default;

LogRecord &LogRecord::addString(std::string_view key, std::string_view value)
{
    m_fields->object.insert(utf8(key), utf8(value));
    return *this;
}

LogRecord &LogRecord::addInteger(std::string_view key, std::int64_t value)
{
    m_fields->object.insert(utf8(key), qint64(value));
    return *this;
}

LogRecord &LogRecord::addDecimal(std::string_view key, double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    m_fields->object.insert(utf8(key), std::isfinite(rounded) ? QJsonValue(rounded)
                                                              : QJsonValue(QJsonValue::Null));
    return *this;
}

LogRecord &LogRecord::addNull(std::string_view key)
{
    m_fields->object.insert(utf8(key), QJsonValue(QJsonValue::Null));
    return *this;
}

void LogRecord::write()
{
    static std::mutex stderrMutex;
    QByteArray line = QJsonDocument(m_fields->object).toJson(QJsonDocument::Compact);
    line += '\n';
    const std::lock_guard lock(stderrMutex);
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace Pult
