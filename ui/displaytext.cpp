#include "displaytext.h"

#include <QLocale>

namespace Pult {

QString DisplayText::status(TicketStatus status)
{
    switch (status) {
    case TicketStatus::New:
        return tr("New");
    case TicketStatus::Open:
        return tr("Open");
    case TicketStatus::Pending:
        return tr("Pending");
    case TicketStatus::OnHold:
        return tr("On hold");
    case TicketStatus::Solved:
        return tr("Solved");
    case TicketStatus::Closed:
        return tr("Closed");
    }
    return {};
}

QString DisplayText::priority(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Normal:
        return tr("Normal");
    case Priority::High:
        return tr("High");
    case Priority::Urgent:
        return tr("Urgent");
    }
    return {};
}

QString DisplayText::channel(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return tr("Email");
    case Channel::WebForm:
        return tr("Web form");
    case Channel::Phone:
        return tr("Phone");
    case Channel::Chat:
        return tr("Chat");
    case Channel::Api:
        return tr("API");
    }
    return {};
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

} // namespace Pult
