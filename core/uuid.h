#pragma once

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <functional>

namespace Pult {

// Entity ids are UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids made
// offline on different clients never collide and sort by creation time.
class UuidV7Generator
{
public:
    using Clock = std::function<qint64()>;   // milliseconds since the Unix epoch
    using Random = std::function<quint64()>; // 64 uniformly random bits

    // Default: the system clock and the OS random generator.
    UuidV7Generator();
    UuidV7Generator(Clock clock, Random random);

    // Ids from one generator are strictly increasing, also within one millisecond.
    QUuid next();

private:
    Clock m_clock;
    Random m_random;
    qint64 m_lastMs = -1;
    quint16 m_counter = 0;
};

// The millisecond timestamp embedded in a UUIDv7 (0 for other versions).
qint64 uuidV7Timestamp(const QUuid &id);

// Compact binary form used by the store (16 bytes, RFC 4122 byte order).
inline QByteArray uuidToBlob(const QUuid &id)
{
    return id.isNull() ? QByteArray() : id.toRfc4122();
}
inline QUuid uuidFromBlob(const QByteArray &blob)
{
    return blob.size() == 16 ? QUuid::fromRfc4122(blob) : QUuid();
}
inline QString uuidToString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace Pult
