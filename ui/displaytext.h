#pragma once

// How domain values read on screen. Every string goes through tr() so the UI can be translated.

#include "domain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Pult {

class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    // The names from Labels (core/labels.h), which the filter language accepts as well.
    static QString status(TicketStatus status);
    static QString priority(Priority priority);
    static QString channel(Channel channel);
    // "#1042", or "pending" until the server has given the ticket its number.
    static QString ticketNumber(const std::optional<qint64> &number);
    // "just now", "5 min ago", "3 h ago", "yesterday", "Mon", "12 Mar", "12 Mar 2024".
    static QString relativeTime(const QDateTime &time, const QDateTime &now);
    // A full local date and time for tooltips and the ticket header.
    static QString dateTime(const QDateTime &time);
    // "1 ticket", "10,000 tickets".
    static QString ticketCount(qint64 count);
    // A duration: "30 s", "45 min", "1 h 05 min", "24 h", "2 d 3 h", "3 d".
    static QString duration(qint64 seconds);
};

} // namespace Pult
