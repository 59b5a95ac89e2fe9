#pragma once

// A department's goals (issue 20; docs/leads-and-admins.md, "Goals"): what its lead measures the
// dashboard's figures against, such as "solve 95 % of tickets within 24 hours". Written in a
// small language, one goal per line or separated by semicolons:
//
//   first_response 90% within 1h
//   resolution 95% within 24h
//   csat 4.5
//
// Times are counted as the department's SLA counts them (core/report.h). Set by the department's
// lead or an admin (update_department's "goals"), checked by pultd with parse() and synced with
// the department.

#include "status.h"

#include <QString>

#include <optional>

namespace Pult {

// At least `percent` % of the tickets within `seconds`.
struct TimeGoal
{
    int percent = 0;
    qint64 seconds = 0;
    // Whether `met` of `of` reach it; nullopt when there is nothing to measure (of = 0).
    std::optional<bool> reachedBy(qint64 met, qint64 of) const;
    friend bool operator==(const TimeGoal &, const TimeGoal &) = default;
};

struct Goals
{
    std::optional<TimeGoal> firstResponse;
    std::optional<TimeGoal> resolution;
    std::optional<double> csat; // the least average rating, 1 to 5

    bool isEmpty() const { return !firstResponse && !resolution && !csat; }
    // Empty text: no goals. Errors (Status::Invalid) name the goal: "goal 2: the share is a
    // percentage from 1% to 100%, like 95%".
    static Result<Goals> parse(const QString &text);
    // The canonical text, goals in the order above, "; " between them: "first_response 90%
    // within 1h; resolution 95% within 24h; csat 4.5".
    QString toString() const;
    friend bool operator==(const Goals &, const Goals &) = default;
};

} // namespace Pult
