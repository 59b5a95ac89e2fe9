#include "uuid.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace Pult {

UuidV7Generator::UuidV7Generator()
    : UuidV7Generator([] { return QDateTime::currentMSecsSinceEpoch(); },
                      [] { return QRandomGenerator::system()->generate64(); })
{}

UuidV7Generator::UuidV7Generator(Clock clock, Random random)
    : m_clock(std::move(clock))
    , m_random(std::move(random))
{}

QUuid UuidV7Generator::next()
{
    qint64 ms = m_clock();
    const quint64 rnd = m_random();
    if (ms <= m_lastMs) {
        // Same (or an earlier, after a clock step back) millisecond: keep the last timestamp and
        // count up in rand_a so ids stay strictly increasing (RFC 9562 §6.2, method 1).
        ms = m_lastMs;
        if (++m_counter > 0x0fff) {
            ++ms;
            m_counter = quint16(rnd & 0x07ff);
        }
    } else {
        m_counter = quint16(rnd & 0x07ff); // leave headroom for the counter
    }
    m_lastMs = ms;

    QByteArray bytes(16, Qt::Uninitialized);
    auto *b = reinterpret_cast<unsigned char *>(bytes.data());
    const auto ums = quint64(ms);
    for (int i = 0; i < 6; ++i)
        b[i] = (ums >> (8 * (5 - i))) & 0xff;
    b[6] = 0x70 | ((m_counter >> 8) & 0x0f);
    b[7] = m_counter & 0xff;
    const quint64 tail = rnd >> 2 | (quint64(m_random()) << 62);
    for (int i = 0; i < 8; ++i)
        b[8 + i] = (tail >> (8 * (7 - i))) & 0xff;
    b[8] = 0x80 | (b[8] & 0x3f);
    return QUuid::fromRfc4122(bytes);
}

qint64 uuidV7Timestamp(const QUuid &id)
{
    const QByteArray bytes = id.toRfc4122();
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.constData());
    if ((b[6] >> 4) != 7)
        return 0;
    quint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | b[i];
    return qint64(ms);
}

} // namespace Pult
