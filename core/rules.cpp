#include "rules.h"

#include <array>
#include <utility>

namespace Pult {

namespace {

constexpr std::array<std::pair<const char16_t *, RuleTrigger>, 10> kTriggers{{
    {u"created", RuleTrigger::Created},
    {u"customer-reply", RuleTrigger::CustomerReply},
    {u"agent-reply", RuleTrigger::AgentReply},
    {u"note", RuleTrigger::Note},
    {u"changed", RuleTrigger::Changed},
    {u"sla-due", RuleTrigger::SlaDue},
    {u"breached", RuleTrigger::Breached},
    {u"pending", RuleTrigger::Pending},
    {u"unanswered", RuleTrigger::Unanswered},
    {u"solved", RuleTrigger::Solved},
}};

RuleSyntaxError error(int position, QString message)
{
    return {position, std::move(message)};
}

// One word of an action list: text up to the next space outside double quotes, with the quotes
// taken away (\" and \\ inside them stand for " and \).
struct Word
{
    QString text;
    int position = 0;
};

RuleParse<QList<Word>> words(const QString &text)
{
    RuleParse<QList<Word>> parse;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Word word{QString(), int(i)};
        bool quoted = false;
        qsizetype quoteStart = 0;
        for (; i < text.size() && (quoted || !text.at(i).isSpace()); ++i) {
            const QChar c = text.at(i);
            if (c == u'"') {
                quoted = !quoted;
                quoteStart = i;
            } else if (quoted && c == u'\\' && i + 1 < text.size() &&
                       (text.at(i + 1) == u'"' || text.at(i + 1) == u'\\')) {
                word.text += text.at(++i);
            } else {
                word.text += c;
            }
        }
        if (quoted) {
            parse.error = error(int(quoteStart), QStringLiteral("the quote is not closed"));
            return parse;
        }
        parse.value.append(word);
    }
    return parse;
}

// "90s", "30m", "4h", "2d" in seconds; nullopt for anything else.
std::optional<qint64> duration(const QString &text)
{
    if (text.size() < 2)
        return std::nullopt;
    bool ok = false;
    const qint64 n = text.left(text.size() - 1).toLongLong(&ok);
    if (!ok || n <= 0 || n > 3650 * 24)
        return std::nullopt;
    switch (text.back().toLower().unicode()) {
    case u's':
        return n;
    case u'm':
        return n * 60;
    case u'h':
        return n * 3600;
    case u'd':
        return n * 86400;
    default:
        return std::nullopt;
    }
}

QString quotedIfNeeded(const QString &value)
{
    if (!value.isEmpty() && !value.contains(u' ') && !value.contains(u'"') &&
        !value.contains(u'\\'))
        return value;
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace

bool isTimeTrigger(RuleTrigger trigger)
{
    return trigger >= RuleTrigger::SlaDue;
}

QStringList ruleChangeFields()
{
    return {QStringLiteral("status"),   QStringLiteral("priority"), QStringLiteral("department"),
            QStringLiteral("assignee"), QStringLiteral("tags"),     QStringLiteral("category"),
            QStringLiteral("tier")};
}

RuleParse<RuleWhen> parseRuleWhen(const QString &text)
{
    RuleParse<RuleWhen> parse;
    const QString trimmed = text.trimmed().toLower();
    const int start = int(text.indexOf(text.trimmed()));
    const qsizetype colon = trimmed.indexOf(u':');
    const QString name = colon < 0 ? trimmed : trimmed.left(colon);
    for (const auto &[word, trigger] : kTriggers) {
        if (name != QStringView(word))
            continue;
        parse.value.trigger = trigger;
        // A time trigger but "breached" says how long: sla-due:30m, pending:48h.
        const bool timed = isTimeTrigger(trigger) && trigger != RuleTrigger::Breached;
        if (timed) {
            const auto seconds = colon < 0 ? std::nullopt : duration(trimmed.mid(colon + 1));
            if (!seconds)
                parse.error =
                    error(start + int(colon < 0 ? trimmed.size() : colon + 1),
                          QStringLiteral("\"%1\" takes how long: %1:30m, %1:4h, %1:2d").arg(name));
            else
                parse.value.seconds = *seconds;
            return parse;
        }
        if (colon < 0)
            return parse;
        const QString field = trimmed.mid(colon + 1);
        if (trigger != RuleTrigger::Changed) {
            parse.error =
                error(start + int(colon), QStringLiteral("only \"changed\" names a field"));
        } else if (!ruleChangeFields().contains(field)) {
            parse.error = error(start + int(colon) + 1,
                                QStringLiteral("\"changed:\" takes one of: %1")
                                    .arg(ruleChangeFields().join(QStringLiteral(", "))));
        } else {
            parse.value.field = field;
        }
        return parse;
    }
    parse.error = error(std::max(start, 0),
                        QStringLiteral("a trigger is one of: created, customer-reply, "
                                       "agent-reply, note, changed, changed:FIELD, sla-due:TIME, "
                                       "breached, pending:TIME, unanswered:TIME, solved:TIME"));
    return parse;
}

RuleParse<QList<RuleAction>> parseRuleActions(const QString &text)
{
    RuleParse<QList<RuleAction>> parse;
    auto split = words(text);
    if (!split.good()) {
        parse.error = split.error;
        return parse;
    }
    if (split.value.isEmpty()) {
        parse.error = error(0, QStringLiteral("a rule needs at least one action"));
        return parse;
    }
    for (const Word &word : std::as_const(split.value)) {
        RuleAction action;
        action.position = word.position;
        const QString &w = word.text;
        const auto fail = [&](const QString &message) {
            parse.error = error(word.position, message);
            parse.value.clear();
            return parse;
        };
        const qsizetype eq = w.indexOf(u'=');
        const qsizetype colon = w.indexOf(u':');
        if (w.startsWith(u'+') || (w.startsWith(u'-') && eq < 0)) {
            action.kind =
                w.startsWith(u'+') ? RuleAction::Kind::AddTag : RuleAction::Kind::RemoveTag;
            action.value = w.mid(1).trimmed().toLower();
            if (action.value.isEmpty())
                return fail(QStringLiteral("a tag after + or - is missing"));
        } else if (w.compare(u"spam", Qt::CaseInsensitive) == 0) {
            action.kind = RuleAction::Kind::Spam;
        } else if (w.compare(u"solve", Qt::CaseInsensitive) == 0 ||
                   w.compare(u"close", Qt::CaseInsensitive) == 0) {
            action.kind = RuleAction::Kind::Status;
            action.value = w.compare(u"solve", Qt::CaseInsensitive) == 0
                               ? toString(TicketStatus::Solved)
                               : toString(TicketStatus::Closed);
        } else if (colon > 0 && (eq < 0 || colon < eq)) {
            const QString kind = w.left(colon).toLower();
            if (kind != u"note" && kind != u"reply" && kind != u"notify")
                return fail(QStringLiteral("unknown action \"%1:\": those with a colon are "
                                           "note:TEXT, reply:SHORTCUT and notify:WHO")
                                .arg(kind));
            action.kind = kind == u"note"    ? RuleAction::Kind::Note
                          : kind == u"reply" ? RuleAction::Kind::Reply
                                             : RuleAction::Kind::Notify;
            action.value = w.mid(colon + 1).trimmed();
            if (action.value.isEmpty())
                return fail(kind == u"note" ? QStringLiteral("note: needs a text, in quotes when "
                                                             "it has spaces")
                            : kind == u"reply"
                                ? QStringLiteral("reply: needs a canned response's shortcut")
                                : QStringLiteral("notify: needs lead, assignee or an agent's "
                                                 "address"));
            if (action.kind == RuleAction::Kind::Notify &&
                (action.value.compare(u"lead", Qt::CaseInsensitive) == 0 ||
                 action.value.compare(u"assignee", Qt::CaseInsensitive) == 0))
                action.value = action.value.toLower();
        } else if (eq > 0) {
            const QString key = w.left(eq).toLower();
            const QString value = w.mid(eq + 1).trimmed();
            const bool none = value.isEmpty() || value.compare(u"none", Qt::CaseInsensitive) == 0;
            if (key == u"status") {
                const auto status = parseTicketStatus(value.toLower());
                if (!status)
                    return fail(QStringLiteral("a status is new, open, pending, on-hold, solved "
                                               "or closed"));
                action.kind = RuleAction::Kind::Status;
                action.value = toString(*status);
            } else if (key == u"priority") {
                const auto priority = parsePriority(value.toLower());
                if (!priority)
                    return fail(QStringLiteral("a priority is low, normal, high or urgent"));
                action.kind = RuleAction::Kind::Priority;
                action.value = toString(*priority);
            } else if (key == u"dept" || key == u"department") {
                if (none)
                    return fail(QStringLiteral("a ticket always has a department: name one"));
                action.kind = RuleAction::Kind::Department;
                action.value = value;
            } else if (key == u"category") {
                action.kind = RuleAction::Kind::Category;
                action.value = none ? QString() : value;
            } else if (key == u"tier") {
                bool ok = value.compare(u"next", Qt::CaseInsensitive) == 0; // number 0
                if (!ok) {
                    action.number = value.toInt(&ok);
                    ok = ok && action.number >= 1 && action.number <= 9;
                }
                if (!ok)
                    return fail(QStringLiteral("a tier is a number from 1 to 9, or next"));
                action.kind = RuleAction::Kind::Tier;
            } else if (key == u"assignee") {
                action.kind = RuleAction::Kind::Assignee;
                action.value = none ? QString() : value;
            } else if (key == u"due") {
                action.kind = RuleAction::Kind::Due;
                if (!none) {
                    const auto seconds = duration(value);
                    if (!seconds)
                        return fail(QStringLiteral("due takes a time from now (30m, 4h, 2d) "
                                                   "or none"));
                    action.number = *seconds;
                }
            } else {
                return fail(QStringLiteral("\"%1\" cannot be set: status, priority, dept, "
                                           "category, tier, assignee or due")
                                .arg(key));
            }
        } else {
            return fail(QStringLiteral("unknown action \"%1\": use FIELD=VALUE, +TAG, -TAG, "
                                       "spam, solve, close, note:TEXT, reply:SHORTCUT or "
                                       "notify:WHO")
                            .arg(w));
        }
        parse.value.append(action);
    }
    return parse;
}

QString ruleActionText(const RuleAction &action)
{
    switch (action.kind) {
    case RuleAction::Kind::Status:
        return QStringLiteral("status=") + action.value;
    case RuleAction::Kind::Priority:
        return QStringLiteral("priority=") + action.value;
    case RuleAction::Kind::Department:
        return QStringLiteral("dept=") + quotedIfNeeded(action.value);
    case RuleAction::Kind::Category:
        return QStringLiteral("category=") +
               (action.value.isEmpty() ? QStringLiteral("none") : quotedIfNeeded(action.value));
    case RuleAction::Kind::Tier:
        return action.number == 0 ? QStringLiteral("tier=next")
                                  : QStringLiteral("tier=") + QString::number(action.number);
    case RuleAction::Kind::Assignee:
        return QStringLiteral("assignee=") +
               (action.value.isEmpty() ? QStringLiteral("none") : quotedIfNeeded(action.value));
    case RuleAction::Kind::Due:
        if (action.number == 0)
            return QStringLiteral("due=none");
        if (action.number % 86400 == 0)
            return QStringLiteral("due=%1d").arg(action.number / 86400);
        if (action.number % 3600 == 0)
            return QStringLiteral("due=%1h").arg(action.number / 3600);
        return QStringLiteral("due=%1m").arg(action.number / 60);
    case RuleAction::Kind::AddTag:
        return u'+' + action.value;
    case RuleAction::Kind::RemoveTag:
        return u'-' + action.value;
    case RuleAction::Kind::Spam:
        return QStringLiteral("spam");
    case RuleAction::Kind::Note:
        return QStringLiteral("note:") + quotedIfNeeded(action.value);
    case RuleAction::Kind::Reply:
        return QStringLiteral("reply:") + quotedIfNeeded(action.value);
    case RuleAction::Kind::Notify:
        return QStringLiteral("notify:") + quotedIfNeeded(action.value);
    }
    return {};
}

} // namespace Pult
