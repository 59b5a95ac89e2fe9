// pultctl away and back: whether pultd's assignment gives the agent new tickets
// (docs/automation.md "Assignment"). Sent at once, like rules: it is about now.

#include "clicommon.h"

#include <QDateTime>

namespace Pult {

int runAvailabilityCommand(const Context &ctx, const QString &command, const QStringList &args)
{
    const bool away = command == u"away";
    const QString usage = away ? QStringLiteral("usage: pultctl away [--until DATE]")
                               : QStringLiteral("usage: pultctl back");
    QDateTime until;
    if (away && args.size() == 2 && args.first() == u"--until") {
        until = QDateTime::fromString(args.at(1), Qt::ISODate);
        if (!until.isValid()) {
            const QDate date = QDate::fromString(args.at(1), Qt::ISODate);
            if (date.isValid())
                until = date.startOfDay();
        }
        if (!until.isValid())
            return fail(ctx,
                        QStringLiteral("--until takes a date (2026-12-24) or a time "
                                       "(2026-12-24T13:00)"),
                        2);
    } else if (!args.isEmpty()) {
        return fail(ctx, usage, 2);
    }
    if (ctx.offline)
        return fail(ctx, QStringLiteral("availability is told to the server: leave out --offline"),
                    2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    QJsonObject op{{QStringLiteral("type"), QStringLiteral("set_availability")},
                   {QStringLiteral("away"), away}};
    if (until.isValid())
        op.insert(QStringLiteral("until"), until.toUTC().toString(Qt::ISODateWithMs));
    auto result = a->session->applyNow(op);
    if (!result.good())
        return fail(ctx, result.status());
    if (result->value(QLatin1String("status")).toString() != u"applied")
        return fail(ctx, QStringLiteral("refused: ") + result->value(QLatin1String("error"))
                                                           .toObject()
                                                           .value(QLatin1String("message"))
                                                           .toString());
    if (!away)
        ctx.out << "Back: new tickets can be assigned to you." << Qt::endl;
    else if (until.isValid())
        ctx.out << "Away until " << until.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                << ": no new tickets are assigned to you until then." << Qt::endl;
    else
        ctx.out << "Away: no new tickets are assigned to you until you are back (pultctl back)."
                << Qt::endl;
    return 0;
}

} // namespace Pult
