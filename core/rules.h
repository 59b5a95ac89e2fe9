#pragma once

// Automation rules (docs/automation.md): when something happens to a ticket (the trigger), and
// the ticket matches a condition in the filter language (filter.h, run by filterquery.h's
// predicate), pultd does the rule's actions, written in `pultctl set`'s words:
//   when:  created | customer-reply | agent-reply | note | changed[:FIELD]
//          sla-due:30m | breached | pending:48h | unanswered:4h | solved:7d   (time triggers)
//   if:    tag:vip priority<high          (any filter; empty: every ticket)
//   then:  priority=urgent tier=2 +vip -triage dept=billing assignee=ana@example.com
//          category=refunds status=pending due=4h spam note:"Called the customer" reply:thanks
//          notify:lead notify:assignee notify:ana@example.com
// Parsing is here, shared by pultd (which refuses a rule that does not parse, with the
// position) and pultctl; pultd runs them (server/rulesengine.cpp).

#include "domain.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Pult {

enum class RuleTrigger {
    Created,       // a ticket was created, by any channel
    CustomerReply, // the requester wrote (mail, status page)
    AgentReply,    // an agent replied
    Note,          // an internal note was added
    Changed,       // a field changed: RuleWhen::field, or any of them
    // Time triggers: pultd runs the rule when the moment comes (RuleWhen::seconds).
    SlaDue,     // an SLA deadline not yet met is that close
    Breached,   // an SLA deadline passed unmet
    Pending,    // pending or on hold that long
    Unanswered, // the requester's last message unanswered that long
    Solved,     // solved that long (auto-close)
};

bool isTimeTrigger(RuleTrigger trigger);

// The fields a "changed" trigger can name.
QStringList ruleChangeFields();

struct RuleWhen
{
    RuleTrigger trigger = RuleTrigger::Created;
    QString field;      // Changed only: one of ruleChangeFields(); empty: any of them
    qint64 seconds = 0; // SlaDue, Pending, Unanswered, Solved: how long
    friend bool operator==(const RuleWhen &, const RuleWhen &) = default;
};

struct RuleAction
{
    enum class Kind {
        Status,     // value: a status name
        Priority,   // value: a priority name
        Department, // value: a department's name (resolved when the rule runs)
        Category,   // value: the category; empty clears it
        Tier,       // number: 1 to 9; 0: the next tier above the ticket's (at most 9)
        Assignee,   // value: an agent's address or name; empty unassigns
        Due,        // number: seconds from when the rule runs; 0 clears the due date
        AddTag,     // value: the tag, lower case
        RemoveTag,
        Spam,   // marks the ticket as spam
        Note,   // value: an internal note's text
        Reply,  // value: the shortcut of a canned response sent to the requester
        Notify, // value: "lead" (the department's leads), "assignee", or an agent's address or name
    };
    Kind kind = Kind::Status;
    QString value;
    qint64 number = 0;
    int position = 0; // where the action starts in the text
    friend bool operator==(const RuleAction &, const RuleAction &) = default;
};

struct RuleSyntaxError
{
    int position = 0; // 0-based offset into the text
    QString message;
};

template<typename T> struct RuleParse
{
    T value{};
    std::optional<RuleSyntaxError> error;
    bool good() const { return !error.has_value(); }
};

RuleParse<RuleWhen> parseRuleWhen(const QString &text);
RuleParse<QList<RuleAction>> parseRuleActions(const QString &text);
// The action as the rule language writes it ("priority=urgent", "note:\"…\"").
QString ruleActionText(const RuleAction &action);

struct Rule
{
    QUuid id;
    QString name;
    QUuid departmentId; // null: every department (admins only)
    QString when;       // parseRuleWhen's language
    QString condition;  // the filter language; empty: every ticket
    QString actions;    // parseRuleActions' language
    int position = 0;   // rules run in ascending position, then name
    bool enabled = true;
    bool stop = false; // no later rule runs for the same event after this one acted
    friend bool operator==(const Rule &, const Rule &) = default;
};

// A rule's name fits a list row; its texts a line of a command.
inline constexpr qsizetype kMaxRuleNameChars = 200;
inline constexpr qsizetype kMaxRuleTextChars = 4000;

} // namespace Pult
