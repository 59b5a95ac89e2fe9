#include "diagnostics.h"

#include <QList>
#include <QString>

#include <algorithm>

namespace Pult {

int editDistance(QStringView a, QStringView b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace Pult

namespace Pult {

QString describePosition(QStringView text, qsizetype offset)
{
    const QStringView before = text.left(offset);
    const qsizetype column = offset - (before.lastIndexOf(u'\n') + 1) + 1;
    if (!text.contains(u'\n'))
        return QStringLiteral("column %1").arg(column);
    return QStringLiteral("line %1, column %2").arg(before.count(u'\n') + 1).arg(column);
}

} // namespace Pult
