#pragma once

// Shared by every parser of user text (filters, templates, calendars, SLA policies), so their
// messages read alike.

#include <QString>
#include <QStringView>

namespace Pult {

// Levenshtein distance, ignoring case: how many single-letter edits turn a into b. Used to
// suggest what a user probably meant ("prio" → "priority", "custmer.name" → "customer.name").
int editDistance(QStringView a, QStringView b);

// Where an offset into a text is, for a person: "column 14" for single-line text, "line 2,
// column 5" when the text has several lines. Columns and lines count from 1.
QString describePosition(QStringView text, qsizetype offset);

} // namespace Pult
