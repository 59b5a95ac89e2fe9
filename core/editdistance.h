#pragma once

#include <QStringView>

namespace Pult {

// Levenshtein distance, ignoring case: how many single-letter edits turn a into b. Used to
// suggest what a user probably meant ("prio" → "priority", "custmer.name" → "customer.name").
int editDistance(QStringView a, QStringView b);

} // namespace Pult
