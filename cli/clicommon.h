#pragma once

// What the pultctl commands share: the context of one invocation and the helpers every command
// uses to open the store, fail and print tickets.

#include "localstore.h"
#include "syncsession.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace Pult {

struct Context
{
    QString home;
    bool json = false;
    bool offline = false; // --offline: the local store only, writes queued
    QTextStream &out;
    QTextStream &err;
};

// Prints "pultctl: message" to standard error and returns code (1: failed, 2: usage).
int fail(const Context &ctx, const QString &message, int code = 1);
// The same for a Status; a damaged store also names the repair command.
int fail(const Context &ctx, const Status &status, int code = 1);
// The local store of ctx.home, created when missing; a damaged one names the repair command.
Result<std::unique_ptr<LocalStore>> openStore(const Context &ctx);
// The same for commands that need data already there.
Result<std::unique_ptr<LocalStore>> openExistingStore(const Context &ctx);
// "#42", or "pending" before the server has given the ticket its number.
QString ticketLabel(const Ticket &ticket);
QJsonValue timeJson(const QDateTime &time);
// A ticket of a list as search and list print it with --json.
QJsonObject itemJson(const TicketListItem &item);

// Prints the value as indented JSON (--json).
void printJson(const Context &ctx, const QJsonValue &value);
// A ticket by "#NUMBER", NUMBER or id; a department by name or id.
Result<Ticket> findTicket(LocalStore &store, const QString &text);
Result<Department> findDepartment(LocalStore &store, const QString &name);

// The server's verdict on an op sent at once (SyncSession::applyNow): 0 and `done` (or the
// result with --json) when applied, else 1 and its reason on standard error.
int serverVerdict(const Context &ctx, const Result<QJsonObject> &result, const QString &done);

// An agent by "me", address, name or id.
Result<Agent> findAgent(LocalStore &store, const QString &who, const QUuid &me);

// A command's --NAME VALUE (or --NAME=VALUE) options among `known`, and the other words.
struct Options
{
    QHash<QString, QString> values;    // the last value of each option
    QHash<QString, QStringList> every; // every value of each option (--attach A --attach B)
    QStringList positional;
};
Result<Options> parseOptions(const QStringList &args, const QStringList &known);

// The signed-in agent's store, sync session and self, or why there is none.
struct Agentctx
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<SyncSession> session;
    Agent me;
};
Result<Agentctx> openAgent(const Context &ctx);
// After local writes (SyncSession::submit): unless --offline, one sync round and the server's
// verdict on these ops: 0 and done() when applied (or queued when the server is unreachable),
// else 1 and each refusal on standard error.
int afterWrite(const Context &ctx, Agentctx &a, const QList<QUuid> &ops,
               const std::function<QString()> &done, const QUuid &ticket = {});

// The commands of a signed-in agent (agentcommands.cpp): login, logout, status, sync, show,
// create, reply, note, set, take, merge, link, next, outbox, rejections. Returns -1 for a
// command that is not one of them.
int runAgentCommand(const Context &ctx, const QString &command, const QStringList &args);
// Before a command reads the store: one sync round when the profile is signed in and not
// --offline; an unreachable server only warns (the command goes on with the cache).
void syncBeforeReading(const Context &ctx, LocalStore &store);
// pultctl rule (rulecommands.cpp): list, add, remove and test automation rules.
int runRuleCommand(const Context &ctx, const QStringList &args);
// pultctl away [--until DATE] and back (awaycommands.cpp).
int runAvailabilityCommand(const Context &ctx, const QString &command, const QStringList &args);
// pultctl dept, agent and canned (admincommands.cpp): settings for scripts.
int runAdminCommand(const Context &ctx, const QString &command, const QStringList &args);

} // namespace Pult
