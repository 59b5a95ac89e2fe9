#pragma once

// The names of domain values in the UI language: "On hold", "High", "Web form" in English, their
// translations elsewhere. They live in core, not ui/, because the filter language accepts them
// too (status:"v čakanju" in a Slovenian UI). Translation context: "Labels".

#include "domain.h"

#include <QCoreApplication>
#include <QString>

namespace Pult {

class Labels
{
    Q_DECLARE_TR_FUNCTIONS(Labels)

public:
    static QString status(TicketStatus status);
    static QString priority(Priority priority);
    static QString channel(Channel channel);
};

} // namespace Pult
