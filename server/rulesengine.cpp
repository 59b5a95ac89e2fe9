// Automation rules (docs/automation.md): stored by upsert_rule and delete_rule, run by the op
// engine on every ticket an op changes or creates, before the ticket is written, so that what
// the rules do is part of the op (its revisions, its history, its answer).

#include "logrecord.h"
#include "replycontext.h"
#include "serverstoreprivate.h"
#include "template.h"

namespace Pult {

namespace {

// How many rounds of rules acting on what rules did, before the chain is stopped (and logged).
constexpr int kMaxRuleDepth = 8;

// What happened to a ticket: by the op (byRule null) or by a rule; or a time rule's moment came
// (forRule: only that rule runs).
struct RuleEvent
{
    RuleTrigger trigger;
    QString field; // Changed only
    QUuid byRule;
    QUuid forRule = {};
};

bool triggers(const ActiveRule &rule, const RuleEvent &event)
{
    const RuleWhen &when = rule.when;
    if (when.trigger != event.trigger)
        return false;
    if (isTimeTrigger(when.trigger))
        return event.forRule == rule.rule.id;
    return when.trigger != RuleTrigger::Changed || when.field.isEmpty() ||
           when.field == event.field;
}

// The fields a "changed" trigger names that differ between before and after.
void changedFields(const Ticket &before, const Ticket &after, const QUuid &byRule,
                   QList<RuleEvent> &events)
{
    const auto add = [&](const char16_t *field) {
        events.append({RuleTrigger::Changed, QString::fromUtf16(field), byRule});
    };
    if (before.status != after.status)
        add(u"status");
    if (before.priority != after.priority)
        add(u"priority");
    if (before.departmentId != after.departmentId)
        add(u"department");
    if (before.assigneeId != after.assigneeId)
        add(u"assignee");
    if (before.tags != after.tags)
        add(u"tags");
    if (before.category != after.category)
        add(u"category");
    if (before.tier != after.tier)
        add(u"tier");
}

std::optional<RuleTrigger> messageTrigger(MessageKind kind)
{
    switch (kind) {
    case MessageKind::CustomerMessage:
        return RuleTrigger::CustomerReply;
    case MessageKind::AgentReply:
        return RuleTrigger::AgentReply;
    case MessageKind::InternalNote:
        return RuleTrigger::Note;
    case MessageKind::SystemEvent:
        break;
    }
    return std::nullopt;
}

// A rule's stored texts parsed; nullopt when one no longer parses (never stored so).
std::optional<ActiveRule> activeRule(const Rule &rule)
{
    const auto when = parseRuleWhen(rule.when);
    const auto actions = parseRuleActions(rule.actions);
    FilterParse condition = parseFilter(rule.condition);
    if (!when.good() || !actions.good() || !condition.good())
        return std::nullopt;
    const bool writesRows =
        std::any_of(actions.value.cbegin(), actions.value.cend(), [](const RuleAction &a) {
            return a.kind == RuleAction::Kind::Note || a.kind == RuleAction::Kind::Reply;
        });
    return ActiveRule{rule,         when.value, actions.value, std::move(condition.filter),
                      std::nullopt, QString(),  writesRows};
}

// The department or agent a rule's action names: by id, by name (departments, agents) or by
// address (agents), regardless of case.
std::optional<QUuid> departmentNamed(const FilterContext &names, const QString &name)
{
    for (const Department &d : names.departments) {
        if (d.name.compare(name, Qt::CaseInsensitive) == 0 || uuidToString(d.id) == name)
            return d.id;
    }
    return std::nullopt;
}

std::optional<QUuid> agentNamed(const FilterContext &names, const QString &name)
{
    for (const Agent &a : names.agents) {
        if (a.email.compare(name, Qt::CaseInsensitive) == 0 ||
            a.name.compare(name, Qt::CaseInsensitive) == 0 || uuidToString(a.id) == name)
            return a.id;
    }
    return std::nullopt;
}

// `assignee=round-robin`, `least-loaded`, or `auto` (the department's own method).
bool isAssignmentWord(const QString &value)
{
    return value == u"round-robin" || value == u"least-loaded" || value == u"auto";
}

// Why an action names nothing that exists, or an empty text.
QString unresolved(const FilterContext &names, const RuleAction &action)
{
    if (action.kind == RuleAction::Kind::Department && !departmentNamed(names, action.value))
        return QStringLiteral("no department is named \"%1\"").arg(action.value);
    // assignee= and notify: name an agent unless they say none or give a word of their own.
    const bool namesAgent = (action.kind == RuleAction::Kind::Assignee && !action.value.isEmpty() &&
                             !isAssignmentWord(action.value)) ||
                            (action.kind == RuleAction::Kind::Notify && action.value != u"lead" &&
                             action.value != u"assignee");
    if (namesAgent && !agentNamed(names, action.value))
        return QStringLiteral("no agent has the address or name \"%1\"").arg(action.value);
    return {};
}

// Whether the condition reads the ticket's texts, requester or attachments and notes.
bool needsConversation(const CompiledFilter &filter)
{
    return std::any_of(filter.terms.cbegin(), filter.terms.cend(), [](const CompiledTerm &t) {
        return t.field == FilterField::Text || t.field == FilterField::Requester ||
               t.field == FilterField::Has;
    });
}

void logRule(const char *event, const Rule &rule, const QUuid &ticket, const QString &reason)
{
    LogRecord(LogLevel::Warning, event)
        .addString("rule", rule.name.toStdString())
        .addString("rule_id", uuidToString(rule.id).toStdString())
        .addString("ticket_id", uuidToString(ticket).toStdString())
        .addString("reason", reason.toStdString())
        .write();
}

} // namespace

Result<const QList<ActiveRule> *> ServerStore::Private::activeRules()
{
    if (batch.rules)
        return &*batch.rules;
    auto stmt = db->prepare("SELECT data FROM rules ORDER BY position, id");
    if (!stmt.good())
        return stmt.status();
    QList<ActiveRule> rules;
    while ((*stmt)->next()) {
        auto rule = Wire::ruleFromJson(parseObject((*stmt)->text(0)));
        if (!rule.good() || !rule->enabled)
            continue;
        if (auto active = activeRule(*rule))
            rules.append(std::move(*active));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    for (ActiveRule &rule : rules) {
        if (Status prepared = prepare(rule); !prepared.good())
            return prepared;
    }
    std::stable_sort(rules.begin(), rules.end(), [](const ActiveRule &a, const ActiveRule &b) {
        return a.rule.position != b.rule.position ? a.rule.position < b.rule.position
                                                  : a.rule.name < b.rule.name;
    });
    batch.rules = std::move(rules);
    return &*batch.rules;
}

Result<const FilterContext *> ServerStore::Private::ruleNames()
{
    if (batch.names)
        return &*batch.names;
    FilterContext names;
    names.timeZone = QTimeZone::utc();
    auto departments = db->prepare("SELECT id, name FROM departments ORDER BY rid");
    if (!departments.good())
        return departments.status();
    while ((*departments)->next()) {
        Department d;
        d.id = uuidFromBlob((*departments)->blob(0));
        d.name = (*departments)->text(1);
        names.departments.append(d);
    }
    Status s = (*departments)->status();
    (*departments)->reset();
    if (!s.good())
        return s;
    auto agents = db->prepare("SELECT id, name, email FROM agents ORDER BY rid");
    if (!agents.good())
        return agents.status();
    while ((*agents)->next()) {
        Agent a;
        a.id = uuidFromBlob((*agents)->blob(0));
        a.name = (*agents)->text(1);
        a.email = (*agents)->text(2);
        names.agents.append(a);
    }
    s = (*agents)->status();
    (*agents)->reset();
    if (!s.good())
        return s;
    batch.names = std::move(names);
    return &*batch.names;
}

Status ServerStore::Private::prepare(ActiveRule &rule)
{
    auto names = ruleNames();
    if (!names.good())
        return names.status();
    FilterContext context = **names;
    context.now = nowTime();
    const FilterCompile compiled = compileFilter(rule.condition, context);
    if (!compiled.good()) {
        rule.compiled.reset();
        rule.compileError = u"the condition: " + compiled.error->toString();
        return {};
    }
    CompiledFilter filter = compiled.filter;
    filter.nowMs = now;
    rule.compiled = std::move(filter);
    return {};
}

Result<ServerStore::Private::Holding>
ServerStore::Private::holds(const ActiveRule &rule, const Ticket &ticket, RuleFacts &facts)
{
    if (!rule.compiled)
        return Holding{false, rule.compileError};
    const CompiledFilter &filter = *rule.compiled;
    if (!needsConversation(filter)) {
        if (!facts.plain)
            facts.plain = TicketFacts::make(ticket, {}, {});
        return Holding{matches(filter, *facts.plain), QString()};
    }
    if (!facts.read) {
        auto requester = storedContact(ticket.requesterId);
        if (!requester.good())
            return requester.status();
        facts.requester = std::move(*requester);
        auto rows =
            jsonRows(*db, "SELECT data FROM messages WHERE ticket_id = ?1 ORDER BY rid", ticket.id);
        if (!rows.good())
            return rows.status();
        facts.messages.clear();
        for (const QJsonValue &row : std::as_const(*rows)) {
            if (auto message = Wire::messageFromJson(row.toObject()); message.good())
                facts.messages.append(std::move(*message));
        }
        facts.read = true;
    }
    if (!facts.full)
        facts.full = TicketFacts::make(ticket, facts.requester, facts.messages);
    return Holding{matches(filter, *facts.full), QString()};
}

Result<std::optional<Rejection>> ServerStore::Private::act(const ActiveRule &rule, Ticket &ticket)
{
    auto names = ruleNames();
    if (!names.good())
        return names.status();
    for (const RuleAction &action : rule.actions) {
        if (const QString why = unresolved(**names, action); !why.isEmpty())
            return accept(invalid(why));
        QJsonObject fields;
        switch (action.kind) {
        case RuleAction::Kind::Status:
            fields.insert(QStringLiteral("status"), action.value);
            break;
        case RuleAction::Kind::Priority:
            fields.insert(QStringLiteral("priority"), action.value);
            break;
        case RuleAction::Kind::Department:
            fields.insert(QStringLiteral("department_id"),
                          uuidToString(*departmentNamed(**names, action.value)));
            break;
        case RuleAction::Kind::Category:
            fields.insert(QStringLiteral("category"),
                          action.value.isEmpty() ? QJsonValue() : QJsonValue(action.value));
            break;
        case RuleAction::Kind::Tier:
            fields.insert(QStringLiteral("tier"),
                          action.number != 0 ? action.number : std::min(ticket.tier + 1, 9));
            break;
        case RuleAction::Kind::Assignee:
            if (isAssignmentWord(action.value)) {
                // Nobody available: the ticket stays as it is, which is not a failure.
                auto method = action.value == u"auto" ? assignmentMethod(ticket.departmentId)
                                                      : Result<QString>(action.value);
                if (!method.good())
                    return method.status();
                auto agent = chooseAssignee(ticket, *method);
                if (!agent.good())
                    return agent.status();
                if (*agent)
                    fields.insert(QStringLiteral("assignee_id"), uuidToString(**agent));
                break;
            }
            fields.insert(QStringLiteral("assignee_id"),
                          action.value.isEmpty()
                              ? QJsonValue()
                              : QJsonValue(uuidToString(*agentNamed(**names, action.value))));
            break;
        case RuleAction::Kind::Due:
            fields.insert(QStringLiteral("due"),
                          action.number == 0 ? QJsonValue()
                                             : Wire::timeValue(nowTime().addSecs(action.number)));
            break;
        case RuleAction::Kind::AddTag:
        case RuleAction::Kind::RemoveTag: {
            QStringList tags = ticket.tags;
            if (action.kind == RuleAction::Kind::RemoveTag)
                tags.removeAll(action.value);
            else if (!tags.contains(action.value))
                tags.append(action.value);
            retag(ticket, tags);
            break;
        }
        case RuleAction::Kind::Spam:
            setSpam(ticket, true);
            break;
        case RuleAction::Kind::Reply: {
            auto replied = replyAsRule(rule, ticket, action.value);
            if (!replied.good() || *replied)
                return replied;
            break;
        }
        case RuleAction::Kind::Notify:
            if (Status s = notifyAsRule(rule, ticket, action.value, **names); !s.good())
                return s;
            break;
        case RuleAction::Kind::Note: {
            Message note;
            note.id = ids.next();
            note.ticketId = ticket.id;
            note.kind = MessageKind::InternalNote;
            note.authorName = rule.rule.name;
            note.created = nowTime();
            note.bodyText = action.value;
            auto stored = storeMessage(ticket, note);
            if (!stored.good() || *stored)
                return stored;
            break;
        }
        }
        if (!fields.isEmpty()) {
            auto edited = editFields(ticket, fields);
            if (!edited.good() || *edited)
                return edited;
        }
    }
    return accept();
}

Result<std::optional<CannedResponse>> ServerStore::Private::cannedForRule(const QString &shortcut,
                                                                          const QUuid &department)
{
    auto stmt = db->prepare("SELECT data FROM canned_responses WHERE scope = 'global' OR "
                            "(scope = 'department' AND owner_id = ?1)");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(department));
    std::optional<CannedResponse> found;
    while ((*stmt)->next()) {
        auto canned = Wire::cannedResponseFromJson(parseObject((*stmt)->text(0)));
        if (!canned.good() || (canned->shortcut.compare(shortcut, Qt::CaseInsensitive) != 0 &&
                               canned->title.compare(shortcut, Qt::CaseInsensitive) != 0))
            continue;
        if (!found || canned->scope == CannedScope::Department) // the department's comes first
            found = std::move(*canned);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return found;
}

Result<std::optional<Rejection>>
ServerStore::Private::replyAsRule(const ActiveRule &rule, Ticket &ticket, const QString &shortcut)
{
    auto canned = cannedForRule(shortcut, ticket.departmentId);
    if (!canned.good())
        return canned.status();
    if (!*canned)
        return accept(invalid(QStringLiteral("no canned response \"%1\" for the ticket's "
                                             "department")
                                  .arg(shortcut)));
    // The ticket, its requester and department as the template shows them; the rule signs as
    // the department.
    auto settings = departmentSettings(ticket.departmentId);
    if (!settings.good())
        return settings.status();
    QJsonObject departmentJson = parseObject(*settings);
    departmentJson.insert(QStringLiteral("id"), uuidToString(ticket.departmentId));
    auto department = Wire::departmentFromJson(departmentJson);
    auto requester = storedContact(ticket.requesterId);
    if (!requester.good())
        return requester.status();
    Agent signer;
    signer.name = department.good() ? department->name : QString();
    TemplateExtras extras;
    extras.statusLink = kStatusLinkPlaceholder.toString();
    extras.departmentHours =
        openingHours(department.good() ? department->businessHours : QString());
    const TemplateContext context =
        makeTemplateContext(ticket, requester->value_or(Contact()), signer,
                            department.good() ? *department : Department(), extras);
    Message reply;
    reply.id = ids.next();
    reply.ticketId = ticket.id;
    reply.kind = MessageKind::AgentReply;
    reply.authorName = rule.rule.name;
    reply.created = nowTime();
    reply.bodyText =
        frameReply(render(Template::parse((*canned)->body), context, TemplateFormat::PlainText),
                   department.good() ? *department : Department(), QString(), context);
    auto stored = storeMessage(ticket, reply);
    if (!stored.good() || *stored)
        return stored;
    if (Status queued = queueReplyMail(ticket, reply); !queued.good())
        return queued;
    return accept();
}

Status ServerStore::Private::notifyAsRule(const ActiveRule &rule, const Ticket &ticket,
                                          const QString &who, const FilterContext &names)
{
    // The agents the word names who may see the ticket; nobody is no failure (a department
    // without a lead, a ticket without an assignee), like an assignment that finds nobody.
    QList<QUuid> candidates;
    if (who == u"lead") {
        auto leads = idRows(*db,
                            "SELECT a.id FROM agent_departments ad JOIN agents a ON a.id = "
                            "ad.agent_id WHERE ad.department_id = ?1 AND a.role = ?2 ORDER BY "
                            "a.rid",
                            [&](Statement &st) {
                                st.bind(1, uuidToBlob(ticket.departmentId));
                                st.bind(2, int(Role::Lead));
                            });
        if (!leads.good())
            return leads.status();
        candidates = std::move(*leads);
    } else if (who == u"assignee") {
        if (!ticket.assigneeId.isNull())
            candidates.append(ticket.assigneeId);
    } else if (const auto agent = agentNamed(names, who)) {
        candidates.append(*agent);
    }
    QJsonArray notified;
    for (const QUuid &agent : std::as_const(candidates)) {
        auto sees = text("SELECT CASE WHEN a.role = ?3 OR EXISTS(SELECT 1 FROM agent_departments "
                         "ad WHERE ad.agent_id = a.id AND ad.department_id = ?2) THEN 'yes' END "
                         "FROM agents a WHERE a.id = ?1 AND a.deactivated_ms IS NULL",
                         [&](Statement &st) {
                             st.bind(1, uuidToBlob(agent)).bind(2, uuidToBlob(ticket.departmentId));
                             st.bind(3, int(Role::Admin));
                         });
        if (!sees.good())
            return sees.status();
        if (!sees->value_or(QString()).isEmpty()) {
            Notice notice;
            notice.id = ids.next();
            notice.ticketId = ticket.id;
            notice.rule = rule.rule.name;
            notice.created = nowTime();
            pending.append({QStringLiteral("notification"), notice.id, ticket.departmentId, QUuid(),
                            Wire::toJson(notice), agent});
            notified.append(uuidToString(agent));
        }
    }
    if (!notified.isEmpty())
        history(ticket, QStringLiteral("notified"), QJsonValue(), notified);
    return {};
}

Status ServerStore::Private::runRules()
{
    for (WorkTicket &w : work) {
        QList<RuleEvent> events;
        if (w.created) {
            events.append({RuleTrigger::Created, QString(), QUuid()});
        } else {
            for (const OpMessage &m : std::as_const(opMessages)) {
                const auto trigger = messageTrigger(m.kind);
                if (m.ticket == w.ticket.id && trigger)
                    events.append({*trigger, QString(), QUuid()});
            }
            changedFields(w.before, w.ticket, QUuid(), events);
        }
        auto rules = activeRules();
        if (!rules.good())
            return rules.status();
        for (const auto &[ticketId, ruleId] : std::as_const(timeEvents)) {
            if (ticketId != w.ticket.id)
                continue;
            for (const ActiveRule &r : **rules) {
                if (r.rule.id == ruleId)
                    events.append({r.when.trigger, QString(), QUuid(), ruleId});
            }
        }
        if (events.isEmpty())
            continue;
        Ticket &ticket = w.ticket;
        RuleFacts facts;
        for (int depth = 0; !events.isEmpty(); ++depth) {
            if (depth == kMaxRuleDepth) {
                QStringList last;
                for (const RuleEvent &e : std::as_const(events)) {
                    for (const ActiveRule &r : **rules) {
                        if (r.rule.id == e.byRule && !last.contains(r.rule.name))
                            last.append(r.rule.name);
                    }
                }
                LogRecord(LogLevel::Warning, "rule_chain_limit")
                    .addString("ticket_id", uuidToString(ticket.id).toStdString())
                    .addInteger("depth", kMaxRuleDepth)
                    .addString("rules", last.join(QStringLiteral(", ")).toStdString())
                    .write();
                break;
            }
            QList<RuleEvent> next;
            for (const ActiveRule &rule : **rules) {
                if (!rule.rule.departmentId.isNull() &&
                    rule.rule.departmentId != ticket.departmentId)
                    continue;
                // A rule does not run again for what it did itself.
                if (std::none_of(events.cbegin(), events.cend(), [&](const RuleEvent &e) {
                        return e.byRule != rule.rule.id && triggers(rule, e);
                    }))
                    continue;
                auto holding = holds(rule, ticket, facts);
                if (!holding.good())
                    return holding.status();
                if (const QString why = holding->cannotRun; !why.isEmpty()) {
                    logRule("rule_skipped", rule.rule, ticket.id, why);
                    continue;
                }
                if (!holding->matches)
                    continue;
                // Its actions all happen or none: one that cannot be done undoes the others.
                // They edit the ticket and the pending changes, restored below; only a note
                // writes a row, so only a rule with one needs a savepoint.
                std::optional<Db::Savepoint> savepoint;
                if (rule.writesRows) {
                    savepoint.emplace(*db, "rule");
                    if (!savepoint->status().good())
                        return savepoint->status();
                }
                const Ticket before = ticket;
                const qsizetype pendingMark = pending.size();
                const qsizetype messagesMark = opMessages.size();
                actingRule = rule.rule.name;
                auto done = act(rule, ticket);
                actingRule.clear();
                if (!done.good())
                    return done.status();
                if (*done) {
                    if (Status s = savepoint ? savepoint->rollback() : Status(); !s.good())
                        return s;
                    ticket = before;
                    pending.remove(pendingMark, pending.size() - pendingMark);
                    opMessages.remove(messagesMark, opMessages.size() - messagesMark);
                    logRule("rule_failed", rule.rule, ticket.id, (*done)->message);
                    continue;
                }
                if (Status s = savepoint ? savepoint->release() : Status(); !s.good())
                    return s;
                for (qsizetype i = messagesMark; i < opMessages.size(); ++i) {
                    if (const auto trigger = messageTrigger(opMessages.at(i).kind))
                        next.append({*trigger, QString(), rule.rule.id});
                }
                if (ticket != before) { // made again for the ticket as the rule left it
                    facts.plain.reset();
                    facts.full.reset();
                }
                if (opMessages.size() > messagesMark)
                    facts.read = false; // read again with the rule's note
                changedFields(before, ticket, rule.rule.id, next);
                if (rule.rule.stop)
                    break;
            }
            events = std::move(next);
        }
    }
    return {};
}

Result<std::optional<Rejection>> ServerStore::Private::upsertRule(const QJsonObject &op,
                                                                  bool remove)
{
    const QJsonObject input = op.value(QLatin1String("rule")).toObject();
    const QUuid id =
        uuidOf(remove ? op.value(QLatin1String("rule_id")) : input.value(QLatin1String("id")));
    if (id.isNull())
        return accept(invalid(remove ? QStringLiteral("delete_rule needs a \"rule_id\"")
                                     : QStringLiteral("upsert_rule needs a \"rule\" with an "
                                                      "\"id\"")));
    auto existing = text("SELECT data FROM rules WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!existing.good())
        return existing.status();
    // An admin writes any rule; a lead the rules of their departments.
    const auto mayManage = [&](const QUuid &department) {
        return session->agent.role == Role::Admin || (!department.isNull() && leads(department));
    };
    const Rejection noSuchRule{QStringLiteral("not_found"), QStringLiteral("no such rule")};
    if (*existing) {
        const QUuid department =
            uuidOf(parseObject(**existing).value(QLatin1String("department_id")));
        if (!mayManage(department)) {
            if (!department.isNull() && !mayAccess(department))
                return accept(noSuchRule);
            return accept(Rejection{QStringLiteral("forbidden"),
                                    QStringLiteral("only a lead of its department or an admin "
                                                   "changes a rule")});
        }
    }
    if (remove) {
        if (!*existing)
            return accept(noSuchRule);
        if (Status s = db->run("DELETE FROM rules WHERE id = ?1",
                               [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
            !s.good())
            return s;
        if (Status s = db->run("DELETE FROM rule_timers WHERE rule_id = ?1",
                               [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
            !s.good())
            return s;
        batch.rules.reset();
        return accept();
    }
    static const QStringList known{
        QStringLiteral("id"),       QStringLiteral("name"),    QStringLiteral("department_id"),
        QStringLiteral("when"),     QStringLiteral("if"),      QStringLiteral("then"),
        QStringLiteral("position"), QStringLiteral("enabled"), QStringLiteral("stop")};
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!known.contains(it.key()))
            return accept(invalid(QStringLiteral("unknown rule field \"%1\"").arg(it.key())));
    }
    Rule rule;
    rule.id = id;
    rule.name = input.value(QLatin1String("name")).toString().trimmed();
    if (rule.name.isEmpty() || rule.name.size() > kMaxRuleNameChars)
        return accept(invalid(
            QStringLiteral("a rule needs a name of at most %1 characters").arg(kMaxRuleNameChars)));
    rule.when = input.value(QLatin1String("when")).toString().trimmed();
    rule.condition = input.value(QLatin1String("if")).toString().trimmed();
    rule.actions = input.value(QLatin1String("then")).toString().trimmed();
    if (rule.condition.size() > kMaxRuleTextChars || rule.actions.size() > kMaxRuleTextChars)
        return accept(invalid(QStringLiteral("a rule's condition and actions have at most %1 "
                                             "characters each")
                                  .arg(kMaxRuleTextChars)));
    const QJsonValue position = input.value(QLatin1String("position"));
    const QJsonValue enabled = input.value(QLatin1String("enabled"));
    const QJsonValue stop = input.value(QLatin1String("stop"));
    if ((!position.isUndefined() &&
         (!position.isDouble() || position.toDouble() != double(position.toInt()))) ||
        (!enabled.isUndefined() && !enabled.isBool()) || (!stop.isUndefined() && !stop.isBool()))
        return accept(invalid(QStringLiteral("position is a whole number; enabled and stop are "
                                             "true or false")));
    rule.position = position.toInt();
    rule.enabled = enabled.toBool(true);
    rule.stop = stop.toBool(false);
    const QJsonValue departmentValue = input.value(QLatin1String("department_id"));
    rule.departmentId = uuidOf(departmentValue);
    if (rule.departmentId.isNull() && !departmentValue.isNull() && !departmentValue.isUndefined())
        return accept(invalid(QStringLiteral("department_id is a department's id or null")));
    if (!rule.departmentId.isNull()) {
        auto exists = departmentExists(rule.departmentId);
        if (!exists.good())
            return exists.status();
        if (!*exists || !mayAccess(rule.departmentId))
            return accept(
                Rejection{QStringLiteral("not_found"), QStringLiteral("no such department")});
    }
    if (!mayManage(rule.departmentId))
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("a lead writes rules for their own departments; "
                                               "only an admin for every department")});
    // Each text parses, and names only what exists: refused with where it goes wrong.
    const auto at = [](const char *part, int position, const QString &message) {
        return invalid(QStringLiteral("%1, column %2: %3")
                           .arg(QLatin1String(part))
                           .arg(position + 1)
                           .arg(message));
    };
    const auto when = parseRuleWhen(rule.when);
    if (!when.good())
        return accept(at("the trigger", when.error->position, when.error->message));
    auto names = ruleNames();
    if (!names.good())
        return names.status();
    FilterContext context = **names;
    context.now = nowTime();
    const FilterCompile condition = compileFilter(rule.condition, context);
    if (!condition.good())
        return accept(invalid(u"the condition, " + condition.error->toString()));
    const auto actions = parseRuleActions(rule.actions);
    if (!actions.good())
        return accept(at("the actions", actions.error->position, actions.error->message));
    for (const RuleAction &action : actions.value) {
        if (const QString why = unresolved(**names, action); !why.isEmpty())
            return accept(at("the actions", action.position, why));
        if (action.kind != RuleAction::Kind::Reply)
            continue;
        auto canned = cannedForRule(action.value, rule.departmentId);
        if (!canned.good())
            return canned.status();
        if (!*canned)
            return accept(at("the actions", action.position,
                             QStringLiteral("no canned response \"%1\" of %2")
                                 .arg(action.value, rule.departmentId.isNull()
                                                        ? QStringLiteral("everyone (global)")
                                                        : QStringLiteral("the department or "
                                                                         "everyone"))));
    }
    Status s = db->run(
        "INSERT INTO rules(id, department_id, position, data) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(id) DO UPDATE SET department_id = excluded.department_id, "
        "position = excluded.position, data = excluded.data",
        [&](Statement &st) {
            st.bind(1, uuidToBlob(id)).bind(2, uuidToBlob(rule.departmentId));
            st.bind(3, rule.position).bind(4, QString::fromUtf8(compact(Wire::toJson(rule))));
        });
    if (!s.good())
        return s;
    batch.rules.reset();
    if (const auto active = activeRule(rule)) {
        if (s = armRule(*active); !s.good())
            return s;
    }
    return accept();
}

Result<QJsonArray> ServerStore::rules(const AgentSession &session)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto stmt = (***reader).prepare("SELECT department_id, data FROM rules ORDER BY position, id");
    if (!stmt.good())
        return stmt.status();
    QList<Rule> rules;
    while ((*stmt)->next()) {
        const QUuid department = uuidFromBlob((*stmt)->blob(0));
        if (!department.isNull() && !mayAccess(session, department))
            continue;
        if (auto rule = Wire::ruleFromJson(parseObject((*stmt)->text(1))); rule.good())
            rules.append(std::move(*rule));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    std::stable_sort(rules.begin(), rules.end(), [](const Rule &a, const Rule &b) {
        return a.position != b.position ? a.position < b.position : a.name < b.name;
    });
    QJsonArray result;
    for (const Rule &rule : std::as_const(rules))
        result.append(Wire::toJson(rule));
    return result;
}

Result<std::optional<QJsonObject>> ServerStore::testRule(const AgentSession &session,
                                                         const QUuid &ruleId, const QUuid &ticketId,
                                                         qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    // A batch that is never committed: whatever the rule writes is rolled back.
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    d->session = &session;
    d->now = nowMs;
    auto stored = d->text("SELECT data FROM rules WHERE id = ?1",
                          [&](Statement &st) { st.bind(1, uuidToBlob(ruleId)); });
    if (!stored.good())
        return stored.status();
    if (!*stored)
        return std::optional<QJsonObject>();
    auto rule = Wire::ruleFromJson(parseObject(**stored));
    if (!rule.good())
        return rule.status();
    if (!rule->departmentId.isNull() && !d->mayAccess(rule->departmentId))
        return std::optional<QJsonObject>();
    auto found = d->visibleTicket(ticketId);
    if (!found.good())
        return found.status();
    if (!*found)
        return std::optional<QJsonObject>();
    QJsonObject answer{
        {QStringLiteral("rule_id"), uuidToString(rule->id)},
        {QStringLiteral("ticket_id"), uuidToString(ticketId)},
        {QStringLiteral("enabled"), rule->enabled},
        {QStringLiteral("department_matches"),
         rule->departmentId.isNull() || rule->departmentId == (*found)->departmentId},
        {QStringLiteral("matches"), false},
        {QStringLiteral("changes"), QJsonArray()}};
    auto active = activeRule(*rule);
    if (!active)
        return std::optional<QJsonObject>(answer);
    if (Status s = d->prepare(*active); !s.good())
        return s;
    RuleFacts facts;
    auto holding = d->holds(*active, **found, facts);
    if (!holding.good())
        return holding.status();
    if (!holding->cannotRun.isEmpty()) {
        answer.insert(QStringLiteral("error"), holding->cannotRun);
        return std::optional<QJsonObject>(answer);
    }
    answer.insert(QStringLiteral("matches"), holding->matches);
    if (!holding->matches)
        return std::optional<QJsonObject>(answer);
    Ticket ticket = **found;
    d->actingRule = rule->name;
    auto done = d->act(*active, ticket);
    d->actingRule.clear();
    if (!done.good())
        return done.status();
    if (*done) {
        answer.insert(QStringLiteral("error"), (*done)->message);
        return std::optional<QJsonObject>(answer);
    }
    QJsonArray changes;
    for (const Change &change : std::as_const(d->pending)) {
        if (change.kind == u"history") {
            changes.append(QJsonObject{{QStringLiteral("field"), change.data.value(u"field")},
                                       {QStringLiteral("old"), change.data.value(u"old")},
                                       {QStringLiteral("new"), change.data.value(u"new")}});
        } else if (change.kind == u"message") {
            const QJsonObject note = QJsonDocument::fromJson(change.json).object();
            changes.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("note")},
                                       {QStringLiteral("old"), QJsonValue()},
                                       {QStringLiteral("new"), note.value(u"body")}});
        }
    }
    answer.insert(QStringLiteral("changes"), changes);
    return std::optional<QJsonObject>(answer);
}

} // namespace Pult
