// pultctl rule: automation rules (docs/automation.md), read and written on the server at once
// (not through the outbox: a rule is settings, and its author wants the verdict now).

#include "clicommon.h"

#include "rules.h"
#include "serverrules.h"
#include "uuid.h"
#include "wire.h"

#include <QJsonArray>

namespace Pult {
namespace {

const QString kRuleUsage = QStringLiteral(
    "usage: pultctl rule list\n"
    "       pultctl rule add --name N --when TRIGGER [--if FILTER] --then ACTIONS [--dept NAME]\n"
    "                        [--position P] [--stop] [--disabled]\n"
    "       pultctl rule remove RULE\n"
    "       pultctl rule test RULE TICKET");

// A rule by its id or name (regardless of case).
std::optional<Rule> findRule(const QList<Rule> &rules, const QString &which)
{
    const QUuid id = QUuid::fromString(which);
    for (const Rule &rule : rules) {
        if ((!id.isNull() && rule.id == id) || rule.name.compare(which, Qt::CaseInsensitive) == 0)
            return rule;
    }
    return std::nullopt;
}

// The server's rule by its id or name; NotFound when it has none (or none the agent sees).
Result<Rule> serverRule(SyncSession &session, const QString &which)
{
    auto rules = fetchRules(session);
    if (!rules.good())
        return rules.status();
    if (std::optional<Rule> rule = findRule(*rules, which))
        return *rule;
    return Status(Status::NotFound,
                  QStringLiteral("no rule \"%1\" (pultctl rule list)").arg(which));
}

// Fails as a usage error when the rule is not there, else as the command failing.
int failRule(const Context &ctx, const Status &status)
{
    return fail(ctx, status.message(), status.code() == Status::NotFound ? 2 : 1);
}

QString departmentName(LocalStore &store, const QUuid &id)
{
    if (id.isNull())
        return QStringLiteral("every department");
    auto department = findDepartment(store, uuidToString(id));
    return department.good() ? department->name : uuidToString(id);
}

int runList(const Context &ctx, Agentctx &a)
{
    auto rules = fetchRules(*a.session);
    if (!rules.good())
        return fail(ctx, rules.status());
    if (ctx.json) {
        QJsonArray list;
        for (const Rule &rule : std::as_const(*rules))
            list.append(Wire::toJson(rule));
        printJson(ctx, list);
        return 0;
    }
    if (rules->isEmpty())
        ctx.out << "No rules." << Qt::endl;
    for (const Rule &rule : std::as_const(*rules)) {
        ctx.out << rule.position << ". " << rule.name << " ("
                << departmentName(*a.store, rule.departmentId) << (rule.enabled ? "" : ", disabled")
                << (rule.stop ? ", stops" : "") << ")\n"
                << "   when " << rule.when;
        if (!rule.condition.isEmpty())
            ctx.out << "  if " << rule.condition;
        ctx.out << "  then " << rule.actions << Qt::endl;
    }
    return 0;
}

int runAdd(const Context &ctx, Agentctx &a, const QStringList &args)
{
    QJsonObject rule{{QStringLiteral("position"), 0},
                     {QStringLiteral("enabled"), true},
                     {QStringLiteral("stop"), false},
                     {QStringLiteral("if"), QString()},
                     {QStringLiteral("department_id"), QJsonValue()}};
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == u"--stop" || arg == u"--disabled") {
            rule.insert(arg == u"--stop" ? QStringLiteral("stop") : QStringLiteral("enabled"),
                        arg == u"--stop");
            continue;
        }
        if (i + 1 >= args.size())
            return fail(ctx, kRuleUsage, 2);
        const QString value = args.at(++i);
        if (arg == u"--name") {
            rule.insert(QStringLiteral("name"), value);
        } else if (arg == u"--when") {
            rule.insert(QStringLiteral("when"), value);
        } else if (arg == u"--if") {
            rule.insert(QStringLiteral("if"), value);
        } else if (arg == u"--then") {
            rule.insert(QStringLiteral("then"), value);
        } else if (arg == u"--dept") {
            auto department = findDepartment(*a.store, value);
            if (!department.good())
                return fail(ctx, department.status().message(), 2);
            rule.insert(QStringLiteral("department_id"), uuidToString(department->id));
        } else if (arg == u"--position") {
            bool ok = false;
            const int position = value.toInt(&ok);
            if (!ok)
                return fail(ctx, QStringLiteral("--position takes a whole number"), 2);
            rule.insert(QStringLiteral("position"), position);
        } else {
            return fail(ctx, kRuleUsage, 2);
        }
    }
    if (!rule.contains(QLatin1String("name")) || !rule.contains(QLatin1String("when")) ||
        !rule.contains(QLatin1String("then")))
        return fail(ctx, kRuleUsage, 2);
    auto rules = fetchRules(*a.session);
    if (!rules.good())
        return fail(ctx, rules.status());
    const QString name = rule.value(QLatin1String("name")).toString().trimmed();
    const std::optional<Rule> existing = findRule(*rules, name);
    rule.insert(QStringLiteral("id"),
                uuidToString(existing ? existing->id : UuidV7Generator().next()));
    auto result = a.session->applyNow(
        {{QStringLiteral("type"), QStringLiteral("upsert_rule")}, {QStringLiteral("rule"), rule}});
    return serverVerdict(
        ctx, result,
        (existing ? QStringLiteral("Rule \"%1\" replaced") : QStringLiteral("Rule \"%1\" added"))
            .arg(name));
}

int runRemove(const Context &ctx, Agentctx &a, const QString &which)
{
    auto rule = serverRule(*a.session, which);
    if (!rule.good())
        return failRule(ctx, rule.status());
    auto result = a.session->applyNow({{QStringLiteral("type"), QStringLiteral("delete_rule")},
                                       {QStringLiteral("rule_id"), uuidToString(rule->id)}});
    return serverVerdict(ctx, result, QStringLiteral("Rule \"%1\" removed").arg(rule->name));
}

// A history value as a person reads it: agents and departments by name.
QString readable(LocalStore &store, const QString &field, const QJsonValue &value)
{
    if (value.isNull() || value.toString().isEmpty())
        return QStringLiteral("(none)");
    const QUuid id = QUuid::fromString(value.toString());
    if (field == u"department_id")
        return departmentName(store, id);
    if (field == u"assignee_id" || field == u"notified") {
        auto agents = store.agents();
        QStringList names = value.toString().split(u',');
        for (QString &name : names) {
            for (const Agent &agent : agents.good() ? *agents : QList<Agent>()) {
                if (agent.id == QUuid::fromString(name))
                    name = agent.name;
            }
        }
        return names.join(QStringLiteral(", "));
    }
    return value.toString();
}

int runTest(const Context &ctx, Agentctx &a, const QString &which, const QString &ticketText)
{
    syncBeforeReading(ctx, *a.store);
    auto rule = serverRule(*a.session, which);
    if (!rule.good())
        return failRule(ctx, rule.status());
    auto ticket = findTicket(*a.store, ticketText);
    if (!ticket.good())
        return fail(ctx, ticket.status());
    auto answer = a.session->fetch(QStringLiteral("/api/v1/rules/%1/test?ticket=%2")
                                       .arg(uuidToString(rule->id), uuidToString(ticket->id)));
    if (!answer.good())
        return fail(ctx, answer.status());
    if (ctx.json) {
        printJson(ctx, *answer);
        return 0;
    }
    const QString label = ticketLabel(*ticket);
    if (!answer->value(QLatin1String("department_matches")).toBool())
        ctx.out << "Note: the rule is for another department than " << label << "'s." << Qt::endl;
    if (!answer->value(QLatin1String("enabled")).toBool())
        ctx.out << "Note: the rule is disabled." << Qt::endl;
    if (answer->contains(QLatin1String("error"))) {
        ctx.out << "Rule \"" << rule->name << "\" cannot act on " << label << ": "
                << answer->value(QLatin1String("error")).toString() << Qt::endl;
        return 0;
    }
    if (!answer->value(QLatin1String("matches")).toBool()) {
        ctx.out << label << " does not match rule \"" << rule->name << "\" now (if "
                << rule->condition << ")." << Qt::endl;
        return 0;
    }
    const QJsonArray changes = answer->value(QLatin1String("changes")).toArray();
    if (changes.isEmpty()) {
        ctx.out << label << " matches rule \"" << rule->name << "\", which would change nothing."
                << Qt::endl;
        return 0;
    }
    ctx.out << "Rule \"" << rule->name << "\" would, on " << label << ":" << Qt::endl;
    for (const QJsonValue &value : changes) {
        const QJsonObject change = value.toObject();
        const QString field = change.value(QLatin1String("field")).toString();
        if (field == u"note") {
            ctx.out << "  add the note: " << change.value(QLatin1String("new")).toString()
                    << Qt::endl;
            continue;
        }
        ctx.out << "  " << field << ": "
                << readable(*a.store, field, change.value(QLatin1String("old"))) << " -> "
                << readable(*a.store, field, change.value(QLatin1String("new"))) << Qt::endl;
    }
    return 0;
}

} // namespace

int runRuleCommand(const Context &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return fail(ctx, kRuleUsage, 2);
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    const bool known = (sub == u"list" && rest.isEmpty()) || sub == u"add" ||
                       (sub == u"remove" && rest.size() == 1) ||
                       (sub == u"test" && rest.size() == 2);
    if (!known)
        return fail(ctx, kRuleUsage, 2);
    if (ctx.offline)
        return fail(ctx, QStringLiteral("rules live on the server: leave out --offline"), 2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    if (sub == u"list")
        return runList(ctx, *a);
    if (sub == u"add")
        return runAdd(ctx, *a, rest);
    if (sub == u"remove")
        return runRemove(ctx, *a, rest.first());
    return runTest(ctx, *a, rest.first(), rest.at(1));
}

} // namespace Pult
