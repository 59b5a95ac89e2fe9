// Fuzz target: business-hours calendars. Any text either fails with a message or gives a
// calendar whose text form parses back, and whose queries end.
#include "businesshours.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto calendar = Pult::BusinessCalendar::parse(text);
    if (!calendar.good()) {
        if (calendar.status().message().isEmpty())
            __builtin_trap();
        return 0;
    }
    if (!Pult::BusinessCalendar::parse(calendar->toString()).good())
        __builtin_trap();
    const QDateTime start(QDate(2026, 3, 27), QTime(15, 0), Qt::UTC);
    calendar->isOpen(start);
    calendar->nextOpening(start);
    const QDateTime later = calendar->addBusinessSeconds(start, 3 * 3600);
    if (later.isValid() && calendar->businessSecondsBetween(start, later) != 3 * 3600)
        __builtin_trap();
    return 0;
}
