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
    const QString done =
        !away ? QStringLiteral("Back: new tickets can be assigned to you.")
        : until.isValid()
            ? QStringLiteral("Away until %1: no new tickets are assigned to you until then.")
                  .arg(until.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
            : QStringLiteral("Away: no new tickets are assigned to you until you are back "
                             "(pultctl back).");
    return serverVerdict(ctx, a->session->applyNow(op), done);
}

} // namespace Pult
