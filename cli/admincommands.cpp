// pultctl dept, agent and canned: the settings of departments, the agents' roles and
// departments, and canned responses, for scripts (docs/pultctl.md). Writes are ops through the
// outbox like any other change, so the server refuses what the agent's role does not allow and
// says why; lists read the server's settings (departments, agents) or the synced cache (canned
// responses).

#include "clicommon.h"
#include "localops.h"
#include "passwordprompt.h"
#include "uuid.h"
#include "wire.h"

#include <QJsonArray>

namespace Pult {
namespace {

const QString kDeptUsage = QStringLiteral(
    "usage: pultctl dept list\n"
    "       pultctl dept add NAME [--email E] [--hours H] [--sla P] [--queue-order O]\n"
    "                        [--assignment M] [--cap N] [--header T] [--footer T]\n"
    "                        [--goals G] [--auto-reply T] [--auto-reply-outside-hours T]\n"
    "                        [--csat on|off] [--csat-delay MIN] [--language L]\n"
    "                        [--color #RRGGBB] [--web-form on|off] [--form-origins O]\n"
    "       pultctl dept set DEPT [--name N] [same options as add]\n"
    "       pultctl dept remove DEPT --move-to OTHER");
const QString kAgentUsage = QStringLiteral(
    "usage: pultctl agent list\n"
    "       pultctl agent add EMAIL --name N [--role agent|lead|admin] [--dept NAME[:TIER]]...\n"
    "       pultctl agent set AGENT [--name N] [--role R] [--dept NAME[:TIER]]...\n"
    "                         [--active yes|no] [--seniority N]\n"
    "       pultctl agent remove AGENT");
const QString kCannedUsage = QStringLiteral(
    "usage: pultctl canned list\n"
    "       pultctl canned add --title T --body B [--shortcut S] [--dept NAME | --global]\n"
    "       pultctl canned set CANNED [--title T] [--body B] [--shortcut S]\n"
    "       pultctl canned remove CANNED");

// A department option and the settings field it sets (docs/api.md, create_department).
const std::pair<const char *, const char *> kDeptOptions[] = {
    {"name", "name"},
    {"email", "email"},
    {"hours", "business_hours"},
    {"sla", "sla_policy"},
    {"queue-order", "queue_order"},
    {"assignment", "assignment"},
    {"cap", "assignment_cap"},
    {"header", "reply_header"},
    {"footer", "reply_footer"},
    {"goals", "goals"},
    {"auto-reply", "auto_reply"},
    {"auto-reply-outside-hours", "auto_reply_outside_hours"},
    {"csat", "csat"},
    {"csat-delay", "csat_delay"},
    {"language", "language"},
    {"color", "color"},
    {"web-form", "web_form"},
    {"form-origins", "form_origins"},
};

QStringList deptOptionNames()
{
    QStringList names;
    for (const auto &[option, field] : kDeptOptions)
        names.append(QString::fromLatin1(option));
    return names;
}

// Submits one op and reports the server's verdict (afterWrite).
int submitOne(const Context &ctx, Agentctx &a, const QJsonObject &op, const QString &done)
{
    auto id = a.session->submit(op);
    if (!id.good())
        return fail(ctx, id.status());
    return afterWrite(ctx, a, {*id}, [done] { return done; });
}

// The server's list at `path` under `key`, read at once (settings the cache does not hold).
Result<QJsonArray> serverList(Agentctx &a, const QString &path, const char *key)
{
    auto answer = a.session->fetch(path);
    if (!answer.good())
        return answer.status();
    return answer->value(QLatin1String(key)).toArray();
}

// Sent at once, not through the outbox: the removal cannot be undone, its tickets move, and
// the one who removes it is told the outcome before going on.
int removeDept(const Context &ctx, Agentctx &a, const QStringList &args)
{
    auto options = parseOptions(args, {QStringLiteral("move-to")});
    if (!options.good())
        return fail(ctx, options.status().message() + u'\n' + kDeptUsage, 2);
    if (options->positional.size() != 1 || !options->values.contains(QStringLiteral("move-to")))
        return fail(ctx, kDeptUsage, 2);
    if (ctx.offline)
        return fail(
            ctx, QStringLiteral("a department is removed on the server: leave out --offline"), 2);
    syncBeforeReading(ctx, *a.store);
    auto removed = findDepartment(*a.store, options->positional.first());
    if (!removed.good())
        return fail(ctx, removed.status());
    auto target = findDepartment(*a.store, options->values.value(QStringLiteral("move-to")));
    if (!target.good())
        return fail(ctx, target.status());
    const auto result =
        a.session->applyNow({{QStringLiteral("type"), QStringLiteral("delete_department")},
                             {QStringLiteral("department_id"), uuidToString(removed->id)},
                             {QStringLiteral("move_to"), uuidToString(target->id)}});
    const qint64 moved =
        result.good() ? result->value(QLatin1String("moved_tickets")).toInteger() : 0;
    return serverVerdict(
        ctx, result,
        QStringLiteral("Department \"%1\" removed; %2 moved to \"%3\"")
            .arg(removed->name,
                 moved == 1 ? QStringLiteral("1 ticket") : QStringLiteral("%1 tickets").arg(moved),
                 target->name));
}

int runDept(const Context &ctx, const QString &sub, const QStringList &args)
{
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    if (sub == u"list") {
        if (!args.isEmpty())
            return fail(ctx, kDeptUsage, 2);
        auto departments = serverList(*a, QStringLiteral("/api/v1/departments"), "departments");
        if (!departments.good())
            return fail(ctx, departments.status());
        if (ctx.json) {
            printJson(ctx, *departments);
            return 0;
        }
        for (const QJsonValue &value : std::as_const(*departments)) {
            const QJsonObject d = value.toObject();
            ctx.out << d.value(u"name").toString();
            if (!d.value(u"email").toString().isEmpty())
                ctx.out << " <" << d.value(u"email").toString() << ">";
            ctx.out << Qt::endl;
            for (const auto &[option, field] : kDeptOptions) {
                QString text = d.value(QLatin1String(field)).toVariant().toString();
                if (qstrcmp(option, "name") != 0 && qstrcmp(option, "email") != 0 &&
                    !text.isEmpty())
                    ctx.out << "  " << option << ": "
                            << text.replace(u'\n', QStringLiteral("\n    ")) << Qt::endl;
            }
        }
        return 0;
    }
    if (sub == u"remove")
        return removeDept(ctx, *a, args);
    auto options = parseOptions(args, deptOptionNames());
    if (!options.good())
        return fail(ctx, options.status().message() + u'\n' + kDeptUsage, 2);
    if (options->positional.size() != 1 ||
        (sub == u"add" && options->values.contains(QStringLiteral("name"))))
        return fail(ctx, kDeptUsage, 2);
    QJsonObject department;
    for (const auto &[option, field] : kDeptOptions) {
        const QString name = QString::fromLatin1(option);
        if (options->values.contains(name))
            department.insert(QLatin1String(field), options->values.value(name));
    }
    const bool add = sub == u"add";
    QUuid id;
    if (add) {
        id = UuidV7Generator().next();
        department.insert(QStringLiteral("name"), options->positional.first());
    } else {
        syncBeforeReading(ctx, *a->store);
        auto existing = findDepartment(*a->store, options->positional.first());
        if (!existing.good())
            return fail(ctx, existing.status());
        if (department.isEmpty())
            return fail(ctx, QStringLiteral("nothing to set: name an option") + u'\n' + kDeptUsage,
                        2);
        id = existing->id;
    }
    department.insert(QStringLiteral("id"), uuidToString(id));
    const QJsonObject op{{QStringLiteral("type"), add ? QStringLiteral("create_department")
                                                      : QStringLiteral("update_department")},
                         {QStringLiteral("department"), department}};
    const QString name = department.value(u"name").toString(options->positional.first());
    return submitOne(ctx, *a, op,
                     add ? QStringLiteral("Department \"%1\" added").arg(name)
                         : QStringLiteral("Department \"%1\" changed").arg(name));
}

int runAgent(const Context &ctx, const QString &sub, const QStringList &args)
{
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    if (sub == u"list") {
        if (!args.isEmpty())
            return fail(ctx, kAgentUsage, 2);
        auto agents = serverList(*a, QStringLiteral("/api/v1/agents"), "agents");
        if (!agents.good())
            return fail(ctx, agents.status());
        if (ctx.json) {
            printJson(ctx, *agents);
            return 0;
        }
        syncBeforeReading(ctx, *a->store);
        auto known = a->store->departments();
        const auto departmentName = [&](const QString &id) {
            for (const Department &d : known.good() ? *known : QList<Department>()) {
                if (uuidToString(d.id) == id)
                    return d.name;
            }
            return id;
        };
        for (const QJsonValue &value : std::as_const(*agents)) {
            const QJsonObject agent = value.toObject();
            QStringList memberships;
            for (const QJsonValue &m : agent.value(u"departments").toArray()) {
                memberships.append(QStringLiteral("%1 (tier %2)")
                                       .arg(departmentName(m.toObject().value(u"id").toString()))
                                       .arg(m.toObject().value(u"tier").toInt()));
            }
            ctx.out << agent.value(u"email").toString() << "  " << agent.value(u"role").toString()
                    << "  " << agent.value(u"name").toString();
            if (!memberships.isEmpty())
                ctx.out << " — " << memberships.join(QStringLiteral(", "));
            if (!agent.value(u"active").toBool(true))
                ctx.out << "  (deactivated)";
            ctx.out << Qt::endl;
        }
        return 0;
    }
    auto options =
        parseOptions(args, {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("dept"),
                            QStringLiteral("active"), QStringLiteral("seniority")});
    if (!options.good())
        return fail(ctx, options.status().message() + u'\n' + kAgentUsage, 2);
    const QHash<QString, QString> &v = options->values;
    if (options->positional.size() != 1 || (sub == u"set" && v.isEmpty()) ||
        (sub == u"remove" && !v.isEmpty()) ||
        (sub == u"add" &&
         (!v.contains(QStringLiteral("name")) || v.contains(QStringLiteral("active")) ||
          v.contains(QStringLiteral("seniority")))))
        return fail(ctx, kAgentUsage, 2);
    if (sub == u"add" && ctx.offline)
        return fail(ctx, QStringLiteral("a new agent is added on the server: leave out --offline"),
                    2);
    syncBeforeReading(ctx, *a->store);
    QJsonObject fields;
    QString email = options->positional.first();
    if (sub == u"add") {
        fields.insert(QStringLiteral("id"), uuidToString(UuidV7Generator().next()));
        fields.insert(QStringLiteral("email"), email);
        fields.insert(QStringLiteral("role"), QStringLiteral("agent"));
    } else {
        auto agent = findAgent(*a->store, email, a->me.id);
        if (!agent.good())
            return fail(ctx, agent.status());
        email = agent->email;
        fields.insert(QStringLiteral("id"), uuidToString(agent->id));
    }
    if (sub == u"remove" || v.contains(QStringLiteral("active"))) {
        const QString active = v.value(QStringLiteral("active"), QStringLiteral("no"));
        if (active != u"yes" && active != u"no")
            return fail(ctx, QStringLiteral("--active takes yes or no"), 2);
        fields.insert(QStringLiteral("active"), active == u"yes");
    }
    if (v.contains(QStringLiteral("seniority"))) {
        // A place from 1, the most senior (the server moves the others around it).
        bool number = false;
        const qint64 place = v.value(QStringLiteral("seniority")).toLongLong(&number);
        if (!number || place < 1)
            return fail(ctx, QStringLiteral("--seniority takes a place from 1 (the most senior)"),
                        2);
        fields.insert(QStringLiteral("seniority"), place);
    }
    if (v.contains(QStringLiteral("name")))
        fields.insert(QStringLiteral("name"), v.value(QStringLiteral("name")));
    if (v.contains(QStringLiteral("role")))
        fields.insert(QStringLiteral("role"), v.value(QStringLiteral("role")).toLower());
    if (options->values.contains(QStringLiteral("dept"))) {
        QJsonArray departments;
        for (const QString &text : options->every.value(QStringLiteral("dept"))) {
            // NAME or NAME:TIER; a department's name may hold a colon, so the tier is the last.
            const qsizetype colon = text.lastIndexOf(u':');
            bool tierGiven = false;
            const int tier = colon > 0 ? text.mid(colon + 1).toInt(&tierGiven) : 1;
            if (colon > 0 && (!tierGiven || tier < 1 || tier > 9))
                return fail(
                    ctx, QStringLiteral("--dept takes NAME or NAME:TIER, a tier from 1 to 9"), 2);
            auto department = findDepartment(*a->store, colon > 0 ? text.left(colon) : text);
            if (!department.good())
                return fail(ctx, department.status());
            departments.append(QJsonObject{{QStringLiteral("id"), uuidToString(department->id)},
                                           {QStringLiteral("tier"), tier}});
        }
        fields.insert(QStringLiteral("departments"), departments);
    }
    if (sub == u"add") {
        // Sent at once, never kept in the outbox: the op carries the new agent's password.
        const QString password =
            readPassword(QStringLiteral("Password for %1 (tell it to them): ").arg(email));
        return serverVerdict(
            ctx,
            a->session->applyNow({{QStringLiteral("type"), QStringLiteral("create_agent")},
                                  {QStringLiteral("agent"), fields},
                                  {QStringLiteral("password"), password}}),
            QStringLiteral("Agent %1 added").arg(email));
    }
    return submitOne(ctx, *a,
                     {{QStringLiteral("type"), QStringLiteral("update_agent")},
                      {QStringLiteral("agent"), fields}},
                     sub == u"remove"
                         ? QStringLiteral("Agent %1 deactivated: signed out everywhere, and "
                                          "cannot sign in")
                               .arg(email)
                         : QStringLiteral("Agent %1 changed").arg(email));
}

// A canned response by its id, title or shortcut (regardless of case). A shortcut several
// share is refused with their titles: a script must not change the wrong one.
Result<CannedResponse> findCanned(LocalStore &store, const QString &which)
{
    auto responses = store.cannedResponses();
    if (!responses.good())
        return responses.status();
    QList<CannedResponse> byShortcut;
    for (const CannedResponse &r : std::as_const(*responses)) {
        if (uuidToString(r.id) == which || r.title.compare(which, Qt::CaseInsensitive) == 0)
            return r;
        if (r.shortcut.compare(which, Qt::CaseInsensitive) == 0)
            byShortcut.append(r);
    }
    if (byShortcut.size() == 1)
        return byShortcut.first();
    if (byShortcut.isEmpty())
        return Status(Status::NotFound, QStringLiteral("no canned response \"%1\"").arg(which));
    QStringList titles;
    for (const CannedResponse &r : std::as_const(byShortcut))
        titles.append(u'"' + r.title + u'"');
    return Status(Status::Invalid,
                  QStringLiteral("%1 canned responses have the shortcut \"%2\" (%3): name one by "
                                 "its title or id")
                      .arg(byShortcut.size())
                      .arg(which, titles.join(QStringLiteral(", "))));
}

int runCanned(const Context &ctx, const QString &sub, const QStringList &args)
{
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    syncBeforeReading(ctx, *a->store);
    if (sub == u"list") {
        if (!args.isEmpty())
            return fail(ctx, kCannedUsage, 2);
        auto responses = a->store->cannedResponses();
        auto departments = a->store->departments();
        if (!responses.good() || !departments.good())
            return fail(ctx, responses.good() ? departments.status() : responses.status());
        const auto scopeText = [&](const CannedResponse &r) {
            if (r.scope != CannedScope::Department)
                return toString(r.scope);
            for (const Department &d : std::as_const(*departments)) {
                if (d.id == r.ownerId)
                    return d.name;
            }
            return toString(r.scope);
        };
        QJsonArray list;
        for (const CannedResponse &r : std::as_const(*responses)) {
            if (ctx.json) {
                list.append(Wire::toJson(r));
                continue;
            }
            ctx.out << (r.shortcut.isEmpty() ? QStringLiteral("-") : r.shortcut) << "  " << r.title
                    << "  (" << scopeText(r) << ")" << Qt::endl;
        }
        if (ctx.json)
            printJson(ctx, list);
        return 0;
    }
    const bool add = sub == u"add";
    auto options = parseOptions(args, {QStringLiteral("title"), QStringLiteral("body"),
                                       QStringLiteral("shortcut"), QStringLiteral("dept"),
                                       QStringLiteral("global")});
    // --global takes no value: accept it as a word of its own.
    QStringList words = args;
    const bool global = words.removeAll(QStringLiteral("--global")) > 0;
    if (global)
        options = parseOptions(words, {QStringLiteral("title"), QStringLiteral("body"),
                                       QStringLiteral("shortcut"), QStringLiteral("dept")});
    if (!options.good())
        return fail(ctx, options.status().message() + u'\n' + kCannedUsage, 2);
    const QHash<QString, QString> &v = options->values;
    if (sub == u"remove") {
        if (options->positional.size() != 1 || !v.isEmpty() || global)
            return fail(ctx, kCannedUsage, 2);
        auto existing = findCanned(*a->store, options->positional.first());
        if (!existing.good())
            return fail(ctx, existing.status());
        return submitOne(ctx, *a,
                         {{QStringLiteral("type"), QStringLiteral("delete_canned_response")},
                          {QStringLiteral("response_id"), uuidToString(existing->id)}},
                         QStringLiteral("Canned response \"%1\" removed").arg(existing->title));
    }
    CannedResponse response;
    if (add) {
        if (!options->positional.isEmpty() || !v.contains(QStringLiteral("title")) ||
            !v.contains(QStringLiteral("body")) || (global && v.contains(QStringLiteral("dept"))))
            return fail(ctx, kCannedUsage, 2);
        response.id = UuidV7Generator().next();
        response.scope = global ? CannedScope::Global : CannedScope::Personal;
        response.ownerId = a->me.id;
        if (v.contains(QStringLiteral("dept"))) {
            auto department = findDepartment(*a->store, v.value(QStringLiteral("dept")));
            if (!department.good())
                return fail(ctx, department.status());
            response.scope = CannedScope::Department;
            response.ownerId = department->id;
        } else if (global) {
            response.ownerId = QUuid();
        }
    } else {
        if (options->positional.size() != 1 || v.isEmpty() || global ||
            v.contains(QStringLiteral("dept")))
            return fail(ctx, kCannedUsage, 2);
        auto existing = findCanned(*a->store, options->positional.first());
        if (!existing.good())
            return fail(ctx, existing.status());
        response = *existing;
    }
    response.title = v.value(QStringLiteral("title"), response.title);
    response.body = v.value(QStringLiteral("body"), response.body);
    response.shortcut = v.value(QStringLiteral("shortcut"), response.shortcut);
    return submitOne(
        ctx, *a,
        {{QStringLiteral("type"), QStringLiteral("upsert_canned_response")},
         {QStringLiteral("response"), Wire::toJson(response)}},
        QStringLiteral("Canned response \"%1\" %2")
            .arg(response.title, add ? QStringLiteral("added") : QStringLiteral("changed")));
}

} // namespace

int runAdminCommand(const Context &ctx, const QString &command, const QStringList &args)
{
    const QString &usage = command == u"dept"    ? kDeptUsage
                           : command == u"agent" ? kAgentUsage
                                                 : kCannedUsage;
    if (args.isEmpty())
        return fail(ctx, usage, 2);
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    const QStringList known{QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("set"),
                            QStringLiteral("remove")};
    if (!known.contains(sub))
        return fail(ctx, usage, 2);
    if (ctx.offline && sub == u"list" && command != u"canned")
        return fail(ctx,
                    QStringLiteral("%1 list asks the server: leave out --offline").arg(command), 2);
    if (command == u"dept")
        return runDept(ctx, sub, rest);
    if (command == u"agent")
        return runAgent(ctx, sub, rest);
    return runCanned(ctx, sub, rest);
}

} // namespace Pult
