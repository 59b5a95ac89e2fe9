#include "goals.h"

#include <QRegularExpression>
#include <QStringList>

namespace Pult {

namespace {

Status invalid(qsizetype goal, const QString &why)
{
    return Status(Status::Invalid, QStringLiteral("goal %1: %2").arg(goal).arg(why));
}

QString durationText(qint64 seconds)
{
    if (seconds % 86400 == 0)
        return QString::number(seconds / 86400) + u'd';
    if (seconds % 3600 == 0)
        return QString::number(seconds / 3600) + u'h';
    return QString::number(seconds / 60) + u'm';
}

} // namespace

std::optional<bool> TimeGoal::reachedBy(qint64 met, qint64 of) const
{
    if (of <= 0)
        return std::nullopt;
    return met * 100 >= qint64(percent) * of;
}

Result<Goals> Goals::parse(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[;\\n]"));
    static const QRegularExpression percent(QStringLiteral("^([1-9][0-9]?|100)%$"));
    static const QRegularExpression duration(QStringLiteral("^([1-9][0-9]{0,4})([mhd])$"));
    static const QRegularExpression rating(QStringLiteral("^[1-5](\\.[0-9]{1,2})?$"));
    Goals goals;
    qsizetype number = 0;
    for (const QString &part : text.split(separators)) {
        const QStringList words = part.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        ++number;
        const QString &what = words.first();
        if (what == u"csat") {
            if (words.size() != 2 || !rating.match(words.at(1)).hasMatch() ||
                words.at(1).toDouble() > 5.0)
                return invalid(number, QStringLiteral("csat takes the least average rating, "
                                                      "from 1 to 5, like csat 4.5"));
            if (goals.csat)
                return invalid(number, QStringLiteral("csat is set twice"));
            goals.csat = words.at(1).toDouble();
            continue;
        }
        std::optional<TimeGoal> *goal = what == u"first_response" ? &goals.firstResponse
                                        : what == u"resolution"   ? &goals.resolution
                                                                  : nullptr;
        if (!goal)
            return invalid(number, QStringLiteral("unknown goal \"%1\"; goals are "
                                                  "first_response, resolution and csat")
                                       .arg(what));
        if (*goal)
            return invalid(number, QStringLiteral("%1 is set twice").arg(what));
        const auto share =
            words.size() > 1 ? percent.match(words.at(1)) : QRegularExpressionMatch();
        if (!share.hasMatch())
            return invalid(number, QStringLiteral("the share is a percentage from 1% to 100%, "
                                                  "like %1 95% within 24h")
                                       .arg(what));
        const auto time =
            words.size() > 3 ? duration.match(words.at(3)) : QRegularExpressionMatch();
        if (words.size() != 4 || words.at(2) != u"within" || !time.hasMatch())
            return invalid(
                number,
                QStringLiteral("a time goal reads %1 95% within 24h (m, h or d)").arg(what));
        const qint64 unit = time.captured(2) == u"m" ? 60 : time.captured(2) == u"h" ? 3600 : 86400;
        *goal = TimeGoal{share.captured(1).toInt(), time.captured(1).toLongLong() * unit};
    }
    return goals;
}

QString Goals::toString() const
{
    QStringList parts;
    const auto time = [&parts](const char *name, const std::optional<TimeGoal> &goal) {
        if (goal)
            parts.append(QStringLiteral("%1 %2% within %3")
                             .arg(QLatin1String(name))
                             .arg(goal->percent)
                             .arg(durationText(goal->seconds)));
    };
    time("first_response", firstResponse);
    time("resolution", resolution);
    if (csat)
        parts.append(QStringLiteral("csat ") + QString::number(*csat, 'g', 3));
    return parts.join(QStringLiteral("; "));
}

} // namespace Pult
