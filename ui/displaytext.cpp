#include "displaytext.h"

#include "labels.h"

#include <QLocale>

namespace Pult {

QString DisplayText::status(TicketStatus status)
{
    return Labels::status(status);
}

QString DisplayText::priority(Priority priority)
{
    return Labels::priority(priority);
}

QString DisplayText::channel(Channel channel)
{
    return Labels::channel(channel);
}

QString DisplayText::ticketNumber(const std::optional<qint64> &number)
{
    if (!number)
        return tr("pending", "ticket number not yet given by the server");
    return tr("#%1", "ticket number").arg(*number);
}

QString DisplayText::relativeTime(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const qint64 seconds = time.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    const QDate day = time.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    if (seconds < 12 * 3600 || day == today)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    if (day.addDays(1) == today)
        return tr("yesterday");
    const QLocale locale;
    if (day.daysTo(today) < 7)
        return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat);
    if (day.year() == today.year())
        return locale.toString(day, tr("d MMM", "date in this year, QDate format"));
    return locale.toString(day, tr("d MMM yyyy", "date in another year, QDate format"));
}

QString DisplayText::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    // Minutes are enough; some locales (C among them) put seconds in their short format.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QStringLiteral(":ss"));
    return tr("%1, %2", "date, time")
        .arg(locale.toString(local.date(), tr("d MMM yyyy", "date in another year, QDate format")),
             locale.toString(local.time(), timeFormat));
}

QString DisplayText::ticketCount(qint64 count)
{
    // Two numerus entries so that translators can give every plural form of their language
    // while English, which has no translation file, still reads "1 ticket" / "2 tickets".
    if (count == 1)
        return tr("%Ln ticket", nullptr, int(count));
    return tr("%Ln tickets", nullptr, int(count));
}

QString DisplayText::duration(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 48 * 60) {
        if (minutes % 60 == 0)
            return tr("%1 h").arg(minutes / 60);
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    if (minutes / 60 % 24 == 0)
        return tr("%1 d").arg(minutes / (24 * 60));
    return tr("%1 d %2 h").arg(minutes / (24 * 60)).arg(minutes / 60 % 24);
}

} // namespace Pult
