#include "serverrules.h"

#include "syncsession.h"
#include "wire.h"

#include <QJsonArray>

namespace Pult {

Result<QList<Rule>> fetchRules(SyncSession &session)
{
    auto answer = session.fetch(QStringLiteral("/api/v1/rules"));
    if (!answer.good())
        return answer.status();
    QList<Rule> rules;
    for (const QJsonValue &value : answer->value(QLatin1String("rules")).toArray()) {
        auto rule = Wire::ruleFromJson(value.toObject());
        if (!rule.good())
            return rule.status();
        rules.append(std::move(*rule));
    }
    return rules;
}

} // namespace Pult
