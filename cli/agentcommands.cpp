// pultctl's commands for a signed-in agent: everything an agent does in the window, scriptable.
// Writes go to the local store and the outbox first (SyncSession::submit), so they never wait
// for the network and are never lost; then, unless --offline, one sync round sends them and
// reports the server's verdict.

#include "clicommon.h"

#include "labels.h"
#include "localops.h"
#include "passwordprompt.h"
#include "replycontext.h"
#include "syncengine.h"
#include "syncsession.h"
#include "template.h"
#include "uuid.h"
#include "wire.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QSet>

#include <cstdio>
#include <unistd.h>

namespace Pult {

void printJson(const Context &ctx, const QJsonValue &value)
{
    ctx.out << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
                   .toJson(QJsonDocument::Indented);
}

int serverVerdict(const Context &ctx, const Result<QJsonObject> &result, const QString &done)
{
    if (!result.good())
        return fail(ctx, result.status());
    if (result->value(QLatin1String("status")).toString() != u"applied")
        return fail(ctx, QStringLiteral("refused: ") + result->value(QLatin1String("error"))
                                                           .toObject()
                                                           .value(QLatin1String("message"))
                                                           .toString());
    if (ctx.json)
        printJson(ctx, *result);
    else
        ctx.out << done << Qt::endl;
    return 0;
}

namespace {

QJsonObject rejectionJson(const Rejection &r)
{
    return {{QStringLiteral("op_id"), uuidToString(r.opId)},
            {QStringLiteral("type"), r.type},
            {QStringLiteral("ticket_id"), Wire::idValue(r.ticketId)},
            {QStringLiteral("code"), r.code},
            {QStringLiteral("message"), r.message},
            {QStringLiteral("time"), timeJson(r.time)}};
}

QString describeRejection(LocalStore &store, const Rejection &r)
{
    QString ticket;
    if (!r.ticketId.isNull()) {
        auto t = store.ticket(r.ticketId);
        ticket = t.good() ? QStringLiteral(" on ticket %1").arg(ticketLabel(*t))
                          : QStringLiteral(" on ticket %1").arg(uuidToString(r.ticketId));
    }
    return QStringLiteral("%1%2 was refused: %3 (%4)").arg(r.type, ticket, r.message, r.code);
}

// Upload and download progress on a terminal: "invoice.pdf: 12.0 MB of 30.0 MB (40 %)".
SyncSession::TransferProgress transferProgress(const Context &ctx)
{
    return [&ctx](const QString &name, qint64 done, qint64 total) {
        ctx.err << "\r\x1b[K" << name << ": " << formatSize(done);
        if (total > 0)
            ctx.err << " of " << formatSize(total) << " (" << done * 100 / total << " %)";
        ctx.err << Qt::flush;
    };
}

struct Round
{
    SyncSession::PushResult pushed;
    SyncSession::PullResult pulled;
};

// Push, then pull. Progress of a long pull goes to standard error on a terminal.
Result<Round> syncRound(const Context &ctx, SyncSession &session)
{
    Round round;
    const bool tty = isatty(fileno(stderr));
    if (tty)
        session.setTransferProgress(transferProgress(ctx));
    auto pushed = session.push();
    if (tty)
        ctx.err << "\r\x1b[K" << Qt::flush;
    if (!pushed.good())
        return pushed.status();
    round.pushed = *pushed;
    auto pulled = session.pull([&](qint64 revision, qint64 head) {
        if (tty && head > 0)
            ctx.err << "\rsyncing: revision " << revision << " of " << head << Qt::flush;
    });
    if (tty)
        ctx.err << "\r\x1b[K" << Qt::flush;
    if (!pulled.good())
        return pulled.status();
    round.pulled = *pulled;
    return round;
}

} // namespace

// Resolves "#42", "42" or a ticket id.
Result<Ticket> findTicket(LocalStore &store, const QString &text)
{
    QString number = text.startsWith(u'#') ? text.mid(1) : text;
    bool ok = false;
    const qint64 n = number.toLongLong(&ok);
    if (ok && n > 0)
        return store.ticketByNumber(n);
    const QUuid id = QUuid::fromString(text);
    if (id.isNull())
        return Status(Status::Invalid,
                      QStringLiteral("\"%1\" is not a ticket: write #NUMBER or its id").arg(text));
    return store.ticket(id);
}

Result<Department> findDepartment(LocalStore &store, const QString &name)
{
    auto departments = store.departments();
    if (!departments.good())
        return departments.status();
    QStringList names;
    for (const Department &d : std::as_const(*departments)) {
        if (d.name.compare(name, Qt::CaseInsensitive) == 0 || uuidToString(d.id) == name)
            return d;
        names.append(d.name);
    }
    return Status(Status::NotFound, QStringLiteral("no department \"%1\"; there are: %2")
                                        .arg(name, names.join(QStringLiteral(", "))));
}

Result<Agent> findAgent(LocalStore &store, const QString &who, const QUuid &me)
{
    auto agents = store.agents();
    if (!agents.good())
        return agents.status();
    for (const Agent &a : std::as_const(*agents)) {
        if ((who == u"me" && a.id == me) || a.email.compare(who, Qt::CaseInsensitive) == 0 ||
            a.name.compare(who, Qt::CaseInsensitive) == 0 || uuidToString(a.id) == who)
            return a;
    }
    return Status(Status::NotFound, QStringLiteral("no agent \"%1\"").arg(who));
}

Result<Agentctx> openAgent(const Context &ctx)
{
    auto store = openExistingStore(ctx);
    if (!store.good())
        return store.status();
    Agentctx a;
    a.store = std::move(*store);
    a.session = std::make_unique<SyncSession>(*a.store, ctx.home);
    auto id = a.store->currentAgent();
    if (!id.good())
        return id.status();
    auto me = findAgent(*a.store, uuidToString(*id), *id);
    if (!me.good())
        return Status(Status::Unauthenticated,
                      QStringLiteral("nobody is signed in on %1; sign in first (pultctl --home %1 "
                                     "login URL EMAIL)")
                          .arg(ctx.home));
    a.me = *me;
    return a;
}

Result<Options> parseOptions(const QStringList &args, const QStringList &known)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--"))) {
            o.positional.append(a);
            continue;
        }
        QString name = a.mid(2);
        QString value;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        } else if (i + 1 < args.size()) {
            value = args.at(++i);
        } else {
            return Status(Status::Invalid, QStringLiteral("--%1 needs a value").arg(name));
        }
        if (!known.contains(name))
            return Status(Status::Invalid, QStringLiteral("unknown option --%1").arg(name));
        o.every[name].append(value);
        o.values.insert(name, value);
    }
    return o;
}

// done() says what was done, after the round (a new ticket has its number by then).
int afterWrite(const Context &ctx, Agentctx &a, const QList<QUuid> &ops,
               const std::function<QString()> &done, const QUuid &ticket)
{
    // "applied" (the server took it), "queued" (unreachable: goes with the next sync) or
    // "offline" (--offline); with --json an object that also names the ops and the ticket.
    const auto report = [&](const char *result) {
        if (!ctx.json) {
            const QString text = done();
            if (qstrcmp(result, "offline") == 0) {
                auto pending = a.session->pendingCount();
                ctx.out << text << " (offline: queued; " << (pending.good() ? *pending : 0)
                        << " changes waiting)" << Qt::endl;
            } else {
                ctx.out << text << (qstrcmp(result, "queued") == 0 ? " (queued)" : "") << Qt::endl;
            }
            return 0;
        }
        QJsonArray ids;
        for (const QUuid &op : ops)
            ids.append(uuidToString(op));
        QJsonObject o{{QStringLiteral("result"), QLatin1String(result)},
                      {QStringLiteral("message"), done()},
                      {QStringLiteral("ops"), ids}};
        if (!ticket.isNull()) {
            auto t = a.store->ticket(ticket);
            o.insert(QStringLiteral("ticket_id"), uuidToString(ticket));
            o.insert(QStringLiteral("number"),
                     t.good() && t->number ? QJsonValue(*t->number) : QJsonValue());
        }
        printJson(ctx, o);
        return 0;
    };
    if (ctx.offline)
        return report("offline");
    auto round = syncRound(ctx, *a.session);
    if (!round.good()) {
        if (round.status().code() == Status::Unreachable ||
            round.status().code() == Status::Unauthenticated) {
            ctx.err << "pultctl: warning: " << round.status().message()
                    << "\npultctl: the change is queued and goes out with the next sync"
                    << Qt::endl;
            return report("queued");
        }
        return fail(ctx, round.status());
    }
    int refused = 0;
    for (const Rejection &r : std::as_const(round->pushed.rejected)) {
        if (ops.contains(r.opId)) {
            ++refused;
            fail(ctx, describeRejection(*a.store, r));
        }
    }
    if (refused)
        return 1;
    return report("applied");
}

namespace {

int runLogin(const Context &ctx, const QStringList &args)
{
    if (args.size() != 2)
        return fail(ctx,
                    QStringLiteral("usage: pultctl login URL EMAIL (the password is read "
                                   "from standard input)"),
                    2);
    ctx.err.flush(); // anything said so far comes before the prompt
    const QString password = readPassword(QStringLiteral("Password for %1: ").arg(args.at(1)));
    if (password.isEmpty())
        return fail(ctx, QStringLiteral("no password given"), 2);
    auto store = openStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    SyncSession session(**store, ctx.home);
    auto agent = session.login(args.at(0), args.at(1), password);
    if (!agent.good())
        return fail(ctx, agent.status());
    if (!session.credentialNotice().isEmpty())
        ctx.err << "pultctl: " << session.credentialNotice() << Qt::endl;
    auto round = syncRound(ctx, session);
    if (!round.good())
        return fail(ctx, QStringLiteral("signed in, but the first sync failed: %1")
                             .arg(round.status().message()));
    if (ctx.json) {
        printJson(ctx, QJsonObject{{QStringLiteral("agent"), agent->email},
                                   {QStringLiteral("name"), agent->name},
                                   {QStringLiteral("role"), toString(agent->role)},
                                   {QStringLiteral("revision"), round->pulled.revision}});
    } else {
        ctx.out << "Signed in to " << args.at(0) << " as " << agent->name << " <" << agent->email
                << "> (" << toString(agent->role) << "); synced to revision "
                << round->pulled.revision << "." << Qt::endl;
    }
    return 0;
}

int runLogout(const Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return fail(ctx, QStringLiteral("logout takes no arguments"), 2);
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    SyncSession session(**store, ctx.home);
    if (Status s = session.logout(); !s.good())
        return fail(ctx, s);
    ctx.out << "Signed out." << Qt::endl;
    return 0;
}

int runStatus(const Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return fail(ctx, QStringLiteral("status takes no arguments"), 2);
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    SyncSession session(**store, ctx.home);
    auto account = session.account();
    if (!account.good())
        return fail(ctx, account.status());
    auto revision = session.revision();
    auto pending = session.pendingCount();
    auto rejections = session.rejections();
    auto tickets = (*store)->ticketCount();
    for (const Status &s :
         {revision.status(), pending.status(), rejections.status(), tickets.status()}) {
        if (!s.good())
            return fail(ctx, s);
    }
    auto agent = findAgent(**store, QStringLiteral("me"), account->agentId);
    const QString name = agent.good() ? agent->name : QString();
    if (ctx.json) {
        printJson(ctx, QJsonObject{{QStringLiteral("server"), account->server.toString()},
                                   {QStringLiteral("email"), account->email},
                                   {QStringLiteral("name"), name},
                                   {QStringLiteral("signed_in"), account->signedIn},
                                   {QStringLiteral("revision"), *revision},
                                   {QStringLiteral("tickets"), *tickets},
                                   {QStringLiteral("outbox"), *pending},
                                   {QStringLiteral("rejections"), int(rejections->size())}});
        return 0;
    }
    if (account->server.isEmpty())
        ctx.out << "Account:     (never signed in)\n";
    else
        ctx.out << "Account:     " << name << " <" << account->email << ">"
                << (account->signedIn ? "" : " (signed out)") << "\n"
                << "Server:      " << account->server.toString() << "\n";
    ctx.out << "Revision:    " << *revision << "\n"
            << "Tickets:     " << *tickets << "\n"
            << "Outbox:      " << *pending << (*pending == 1 ? " change" : " changes")
            << " waiting\n"
            << "Rejections:  " << rejections->size() << Qt::endl;
    return 0;
}

int runSync(const Context &ctx, const QStringList &args)
{
    const bool watch = args == QStringList{QStringLiteral("--watch")};
    if (!args.isEmpty() && !watch)
        return fail(ctx, QStringLiteral("usage: pultctl sync [--watch]"), 2);
    if (ctx.offline)
        return fail(ctx, QStringLiteral("sync talks to the server; it cannot be --offline"), 2);
    if (watch) {
        SyncEngine engine(ctx.home);
        QObject::connect(&engine, &SyncEngine::stateChanged, [&](const SyncEngine::State &state) {
            ctx.out << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << "  "
                    << state.text() << Qt::endl;
        });
        QObject::connect(&engine, &SyncEngine::rejected, [&](const Rejection &r) {
            ctx.err << "pultctl: " << r.type << " was refused: " << r.message << " (" << r.code
                    << ")" << Qt::endl;
        });
        engine.start();
        return QCoreApplication::exec();
    }
    // Not openAgent(): a rebuilt store knows nobody yet; the first pull brings the agents.
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    SyncSession session(**store, ctx.home);
    auto round = syncRound(ctx, session);
    if (!round.good())
        return fail(ctx, round.status());
    if (Status s = session.refreshReference(); !s.good())
        return fail(ctx, s);
    for (const Rejection &r : std::as_const(round->pushed.rejected))
        ctx.err << "pultctl: " << describeRejection(**store, r) << Qt::endl;
    if (ctx.json) {
        QJsonArray refused;
        for (const Rejection &r : std::as_const(round->pushed.rejected))
            refused.append(rejectionJson(r));
        printJson(ctx, QJsonObject{{QStringLiteral("sent"), round->pushed.applied},
                                   {QStringLiteral("rejected"), refused},
                                   {QStringLiteral("received"), round->pulled.changes},
                                   {QStringLiteral("revision"), round->pulled.revision}});
    } else {
        ctx.out << "Sent " << round->pushed.applied << " changes"
                << (round->pushed.rejected.isEmpty()
                        ? QString()
                        : QStringLiteral(" (%1 refused)").arg(round->pushed.rejected.size()))
                << ", received " << round->pulled.changes << "; at revision "
                << round->pulled.revision << "." << Qt::endl;
    }
    return round->pushed.rejected.isEmpty() ? 0 : 1;
}

QString kindLabel(MessageKind kind)
{
    switch (kind) {
    case MessageKind::CustomerMessage:
        return QStringLiteral("Customer");
    case MessageKind::AgentReply:
        return QStringLiteral("Reply");
    case MessageKind::InternalNote:
        return QStringLiteral("Internal note");
    case MessageKind::SystemEvent:
        return QStringLiteral("Event");
    }
    return {};
}

int runShow(const Context &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return fail(ctx, QStringLiteral("usage: pultctl show TICKET (#NUMBER or id)"), 2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    syncBeforeReading(ctx, *a->store);
    auto ticket = findTicket(*a->store, args.at(0));
    if (!ticket.good())
        return fail(ctx, ticket.status());
    auto messages = a->store->messages(ticket->id);
    auto history = a->store->history(ticket->id);
    if (!messages.good() || !history.good())
        return fail(ctx, (messages.good() ? history.status() : messages.status()).message());
    auto agents = a->store->agents();
    QHash<QUuid, QString> agentNames;
    for (const Agent &ag : agents.good() ? *agents : QList<Agent>())
        agentNames.insert(ag.id, ag.name);
    auto department = a->store->departments();
    QString departmentName;
    for (const Department &d : department.good() ? *department : QList<Department>()) {
        if (d.id == ticket->departmentId)
            departmentName = d.name;
    }
    auto requester = a->store->contact(ticket->requesterId);
    // The requester's other tickets, by the filter language.
    QList<TicketListItem> others;
    if (requester.good() && !requester->emails.isEmpty()) {
        auto context = a->store->filterContext(QDateTime::currentDateTimeUtc());
        const FilterParse parsed =
            parseFilter(QStringLiteral("requester:\"%1\"").arg(requester->emails.first()));
        if (context.good() && parsed.good()) {
            const FilterCompile compiled = compileFilter(parsed.filter, *context);
            if (compiled.good()) {
                auto page = a->store->listFiltered(compiled.filter, 20);
                if (page.good()) {
                    for (const TicketListItem &item : std::as_const(page->items)) {
                        if (item.ticket.id != ticket->id)
                            others.append(item);
                    }
                }
            }
        }
    }
    auto outbox = a->store->outbox();
    int pendingOps = 0;
    for (const OutboxOp &op : outbox.good() ? *outbox : QList<OutboxOp>()) {
        if (Op::ticketsOf(QJsonDocument::fromJson(op.payload).object()).contains(ticket->id))
            ++pendingOps;
    }

    if (ctx.json) {
        QJsonObject t = Wire::toJson(*ticket);
        t.insert(QStringLiteral("department"), departmentName);
        t.insert(QStringLiteral("assignee"), agentNames.value(ticket->assigneeId));
        t.insert(QStringLiteral("pending_changes"), pendingOps);
        QJsonArray ms, hs, os;
        for (const Message &m : std::as_const(*messages))
            ms.append(Wire::toJson(m));
        for (const HistoryEvent &e : std::as_const(*history)) {
            QJsonObject o = Wire::toJson(e);
            o.insert(QStringLiteral("actor"), agentNames.value(e.actorId));
            hs.append(o);
        }
        for (const TicketListItem &item : std::as_const(others))
            os.append(itemJson(item));
        printJson(ctx, QJsonObject{
                           {QStringLiteral("ticket"), t},
                           {QStringLiteral("messages"), ms},
                           {QStringLiteral("history"), hs},
                           {QStringLiteral("requester"),
                            requester.good() ? QJsonValue(Wire::toJson(*requester)) : QJsonValue()},
                           {QStringLiteral("other_tickets"), os}});
        return 0;
    }
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                           : QStringLiteral("-");
    };
    QTextStream &out = ctx.out;
    out << ticketLabel(*ticket) << "  " << ticket->subject << "\n"
        << "Status:     " << Labels::status(ticket->status)
        << "    Priority: " << Labels::priority(ticket->priority) << "    Tier: " << ticket->tier
        << "\n"
        << "Department: " << departmentName
        << "    Assignee: " << agentNames.value(ticket->assigneeId, QStringLiteral("-")) << "\n";
    if (requester.good())
        out << "Requester:  " << requester->name << " <"
            << requester->emails.join(QStringLiteral(", ")) << ">"
            << (requester->organisation.isEmpty() ? QString() : u", " + requester->organisation)
            << "\n";
    // Addresses mail bounced from (pultd marks them from delivery reports).
    for (const BouncingAddress &b :
         requester.good() ? requester->bouncing : QList<BouncingAddress>())
        out << "            "
            << QCoreApplication::translate("pultctl", "%1 is bouncing since %2: %3")
                   .arg(b.email, time(b.since), b.reason.isEmpty() ? QStringLiteral("-") : b.reason)
            << "\n";
    if (!ticket->tags.isEmpty())
        out << "Tags:       " << ticket->tags.join(QStringLiteral(", ")) << "\n";
    if (!ticket->category.isEmpty())
        out << "Category:   " << ticket->category << "\n";
    if (ticket->csat > 0)
        out << "Rating:     " << ticket->csat << " of 5"
            << (ticket->csatComment.isEmpty() ? QString()
                                              : u"  \u201c" + ticket->csatComment + u'\u201d')
            << "\n";
    out << "Created:    " << time(ticket->created) << "    Updated: " << time(ticket->updated)
        << "\n";
    if (ticket->resolutionDeadline.isValid() || ticket->firstResponseDeadline.isValid())
        out << "SLA:        first response by " << time(ticket->firstResponseDeadline)
            << ", resolution by " << time(ticket->resolutionDeadline) << "\n";
    if (ticket->due.isValid() || ticket->reminder.isValid())
        out << "Due:        " << time(ticket->due) << "    Reminder: " << time(ticket->reminder)
            << "\n";
    if (!ticket->mergedInto.isNull()) {
        auto into = a->store->ticket(ticket->mergedInto);
        out << "Merged into "
            << (into.good() ? ticketLabel(*into) : uuidToString(ticket->mergedInto)) << "\n";
    }
    for (const QUuid &l : std::as_const(ticket->linked)) {
        auto linked = a->store->ticket(l);
        out << "Linked:     "
            << (linked.good() ? ticketLabel(*linked) + u"  " + linked->subject : uuidToString(l))
            << "\n";
    }
    if (ticket->spam)
        out << "Marked as spam\n";
    if (pendingOps > 0)
        out << "Pending:    " << pendingOps << " local changes not yet on the server\n";
    out << "\n";
    for (const Message &m : std::as_const(*messages)) {
        out << "── " << kindLabel(m.kind) << " · " << m.authorName << " · " << time(m.created)
            << "\n"
            << m.bodyText.trimmed() << "\n";
        for (const Attachment &att : m.attachments)
            out << "   [attachment] " << att.name << " (" << att.mimeType << ", " << att.size
                << " bytes) " << att.contentHash << "\n";
        out << "\n";
    }
    if (!history->isEmpty()) {
        // Ids in history values read as the names they stand for.
        QHash<QString, QString> names;
        for (auto it = agentNames.cbegin(); it != agentNames.cend(); ++it)
            names.insert(uuidToString(it.key()), it.value());
        for (const Department &d : department.good() ? *department : QList<Department>())
            names.insert(uuidToString(d.id), d.name);
        const auto value = [&](const QString &v) {
            return v.isEmpty() ? QStringLiteral("-") : names.value(v, v);
        };
        out << "History\n";
        for (const HistoryEvent &e : std::as_const(*history))
            out << "  " << time(e.time) << "  "
                << (e.rule.isEmpty() ? agentNames.value(e.actorId, QStringLiteral("-"))
                                     : QStringLiteral("rule \"%1\"").arg(e.rule))
                << ": " << e.field << " " << value(e.oldValue) << " → " << value(e.newValue)
                << "\n";
    }
    if (!others.isEmpty()) {
        out << "\nOther tickets of " << (requester.good() ? requester->name : QString()) << "\n";
        for (const TicketListItem &item : std::as_const(others))
            out << "  " << ticketLabel(item.ticket).leftJustified(9)
                << Labels::status(item.ticket.status).leftJustified(10) << item.ticket.subject
                << "\n";
    }
    out << Qt::flush;
    return 0;
}

// Options of the form --name VALUE or --name=VALUE, and the positional arguments.
int runCreate(const Context &ctx, const QStringList &args)
{
    auto options = parseOptions(args, {QStringLiteral("subject"), QStringLiteral("body"),
                                       QStringLiteral("requester"), QStringLiteral("dept"),
                                       QStringLiteral("priority")});
    if (!options.good())
        return fail(ctx, options.status().message(), 2);
    const QString subject = options->values.value(QStringLiteral("subject")).trimmed();
    if (subject.isEmpty() || !options->positional.isEmpty())
        return fail(ctx,
                    QStringLiteral("usage: pultctl create --subject S --body B "
                                   "[--requester EMAIL] [--dept D] [--priority P]"),
                    2);
    Priority priority = Priority::Normal;
    if (options->values.contains(QStringLiteral("priority"))) {
        const auto p = parsePriority(options->values.value(QStringLiteral("priority")));
        if (!p)
            return fail(ctx, QStringLiteral("a priority is low, normal, high or urgent"), 2);
        priority = *p;
    }
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    QUuid department;
    if (options->values.contains(QStringLiteral("dept"))) {
        auto d = findDepartment(*a->store, options->values.value(QStringLiteral("dept")));
        if (!d.good())
            return fail(ctx, d.status().message(), 2);
        department = d->id;
    } else if (!a->me.departments.isEmpty()) {
        department = a->me.departments.first().departmentId;
    } else {
        return fail(ctx, QStringLiteral("you are in no department: name one with --dept"), 2);
    }
    const QUuid ticketId = UuidV7Generator().next();
    const QString requester = options->values.value(QStringLiteral("requester"));
    auto op = a->session->submit(Op::createTicket(ticketId, subject, department, priority,
                                                  requester, QString(),
                                                  options->values.value(QStringLiteral("body"))));
    if (!op.good())
        return fail(ctx, op.status());
    return afterWrite(
        ctx, *a, {*op},
        [&] {
            auto created = a->store->ticket(ticketId);
            return QStringLiteral("Created %1 %2")
                .arg(created.good() ? ticketLabel(*created) : QStringLiteral("pending"),
                     uuidToString(ticketId));
        },
        ticketId);
}

// reply and note.
int runMessage(const Context &ctx, const QStringList &args, MessageKind kind)
{
    const bool reply = kind == MessageKind::AgentReply;
    QStringList known{QStringLiteral("body"), QStringLiteral("attach")};
    if (reply)
        known.append(QStringLiteral("template"));
    auto options = parseOptions(args, known);
    if (!options.good())
        return fail(ctx, options.status().message(), 2);
    const bool hasBody = options->values.contains(QStringLiteral("body"));
    const bool hasTemplate = options->values.contains(QStringLiteral("template"));
    if (options->positional.size() != 1 || hasBody == hasTemplate)
        return fail(ctx,
                    reply
                        ? QStringLiteral("usage: pultctl reply TICKET --body B | --template "
                                         "SHORTCUT [--attach FILE]...")
                        : QStringLiteral("usage: pultctl note TICKET --body B [--attach FILE]..."),
                    2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    auto ticket = findTicket(*a->store, options->positional.first());
    if (!ticket.good())
        return fail(ctx, ticket.status());
    QString body = options->values.value(QStringLiteral("body"));
    std::optional<TemplateContext> context;
    if (reply) {
        auto made = replyContext(*a->store, *ticket, a->me);
        if (!made.good())
            return fail(ctx, made.status());
        context = *made;
    }
    if (hasTemplate) {
        auto found =
            findCannedResponse(*a->store, options->values.value(QStringLiteral("template")));
        if (!found.good() && found.status().code() == Status::NotFound)
            return fail(ctx, found.status().message(), 2);
        if (!found.good())
            return fail(ctx, found.status());
        body = render(Template::parse(found->body), *context, TemplateFormat::PlainText);
    }
    if (body.trimmed().isEmpty())
        return fail(ctx, QStringLiteral("the message is empty"), 2);
    if (reply) { // as the window sends it, without the window's signature
        auto department = ticketDepartment(*a->store, *ticket);
        if (!department.good())
            return fail(ctx, department.status());
        body = frameReply(body, *department, QString(), *context);
    }
    // Copied into the profile's attachment cache now: what goes out is what was attached.
    QList<CachedFile> files;
    for (const QString &path : options->every.value(QStringLiteral("attach"))) {
        auto file = a->session->attach(path);
        if (!file.good())
            return fail(ctx, file.status().message(), 2);
        files.append(*file);
    }
    auto op = a->session->submit(Op::addMessage(ticket->id, kind, body, files));
    if (!op.good())
        return fail(ctx, op.status());
    return afterWrite(
        ctx, *a, {*op},
        [=] {
            return QStringLiteral("%1 added to %2")
                .arg(reply ? QStringLiteral("Reply") : QStringLiteral("Note"),
                     ticketLabel(*ticket));
        },
        ticket->id);
}

int runSet(const Context &ctx, const QStringList &args)
{
    if (args.size() < 2)
        return fail(ctx,
                    QStringLiteral("usage: pultctl set TICKET status=solved priority=high "
                                   "dept=billing assignee=me +vip -spam due=2026-12-01"),
                    2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    auto ticket = findTicket(*a->store, args.first());
    if (!ticket.good())
        return fail(ctx, ticket.status());
    QJsonObject fields;
    QStringList add, remove;
    for (const QString &arg : args.mid(1)) {
        if (arg.startsWith(u'+') || (arg.startsWith(u'-') && !arg.contains(u'='))) {
            const QString tag = arg.mid(1).trimmed();
            if (tag.isEmpty())
                return fail(ctx, QStringLiteral("a tag after + or - is missing"), 2);
            (arg.startsWith(u'+') ? add : remove).append(tag);
            continue;
        }
        const qsizetype eq = arg.indexOf(u'=');
        if (eq <= 0)
            return fail(ctx, QStringLiteral("\"%1\" is not FIELD=VALUE, +TAG or -TAG").arg(arg), 2);
        const QString key = arg.left(eq).toLower();
        const QString value = arg.mid(eq + 1);
        const bool none = value.isEmpty() || value == u"none";
        if (key == u"status") {
            if (!parseTicketStatus(value))
                return fail(ctx,
                            QStringLiteral("a status is new, open, pending, on-hold, solved or "
                                           "closed"),
                            2);
            fields.insert(QStringLiteral("status"), value.toLower());
        } else if (key == u"priority") {
            if (!parsePriority(value))
                return fail(ctx, QStringLiteral("a priority is low, normal, high or urgent"), 2);
            fields.insert(QStringLiteral("priority"), value.toLower());
        } else if (key == u"dept" || key == u"department") {
            auto d = findDepartment(*a->store, value);
            if (!d.good())
                return fail(ctx, d.status().message(), 2);
            fields.insert(QStringLiteral("department_id"), uuidToString(d->id));
        } else if (key == u"assignee") {
            if (none) {
                fields.insert(QStringLiteral("assignee_id"), QJsonValue());
            } else {
                auto agent = findAgent(*a->store, value, a->me.id);
                if (!agent.good())
                    return fail(ctx, agent.status().message(), 2);
                fields.insert(QStringLiteral("assignee_id"), uuidToString(agent->id));
            }
        } else if (key == u"category") {
            fields.insert(QStringLiteral("category"), none ? QJsonValue() : QJsonValue(value));
        } else if (key == u"tier") {
            bool ok = false;
            const int tier = value.toInt(&ok);
            if (!ok || tier < 1 || tier > 9)
                return fail(ctx, QStringLiteral("a tier is a number from 1 to 9"), 2);
            fields.insert(QStringLiteral("tier"), tier);
        } else if (key == u"due" || key == u"reminder") {
            if (none) {
                fields.insert(key, QJsonValue());
                continue;
            }
            QDateTime when = QDateTime::fromString(value, Qt::ISODate);
            if (!when.isValid()) {
                const QDate date = QDate::fromString(value, Qt::ISODate);
                if (date.isValid())
                    when = date.startOfDay();
            }
            if (!when.isValid())
                return fail(ctx,
                            QStringLiteral("%1 takes a date (2026-12-01), a time "
                                           "(2026-12-01T09:00) or none")
                                .arg(key),
                            2);
            fields.insert(key, Wire::timeValue(when));
        } else {
            return fail(ctx,
                        QStringLiteral("\"%1\" cannot be set; fields are status, priority, dept, "
                                       "assignee, category, tier, due, reminder")
                            .arg(key),
                        2);
        }
    }
    QList<QUuid> ops;
    for (const QJsonObject &op :
         {fields.isEmpty() ? QJsonObject() : Op::setFields(ticket->id, fields),
          add.isEmpty() ? QJsonObject() : Op::changeTags(ticket->id, add, true),
          remove.isEmpty() ? QJsonObject() : Op::changeTags(ticket->id, remove, false)}) {
        if (op.isEmpty())
            continue;
        auto id = a->session->submit(op);
        if (!id.good())
            return fail(ctx, id.status());
        ops.append(*id);
    }
    return afterWrite(
        ctx, *a, ops, [=] { return QStringLiteral("Updated %1").arg(ticketLabel(*ticket)); },
        ticket->id);
}

// take, rotate-link, merge, link: a ticket op with the ticket (and another) from the arguments.
int runTicketOp(const Context &ctx, const QString &command, const QStringList &args)
{
    const bool two = command == u"merge" || command == u"link";
    if (args.size() != (two ? 2 : 1))
        return fail(ctx,
                    command == u"take" ? QStringLiteral("usage: pultctl take TICKET")
                    : command == u"rotate-link"
                        ? QStringLiteral("usage: pultctl rotate-link TICKET")
                    : command == u"merge" ? QStringLiteral("usage: pultctl merge TICKET INTO")
                                          : QStringLiteral("usage: pultctl link A B"),
                    2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    auto ticket = findTicket(*a->store, args.at(0));
    if (!ticket.good())
        return fail(ctx, ticket.status());
    QJsonObject op;
    QString done;
    if (two) {
        auto other = findTicket(*a->store, args.at(1));
        if (!other.good())
            return fail(ctx, other.status());
        if (other->id == ticket->id)
            return fail(ctx, QStringLiteral("a ticket cannot be merged into or linked with itself"),
                        2);
        op = command == u"merge" ? Op::merge(ticket->id, other->id)
                                 : Op::link(ticket->id, other->id);
        done =
            command == u"merge"
                ? QStringLiteral("Merged %1 into %2").arg(ticketLabel(*ticket), ticketLabel(*other))
                : QStringLiteral("Linked %1 and %2").arg(ticketLabel(*ticket), ticketLabel(*other));
    } else if (command == u"rotate-link") {
        op = Op::rotateStatusLink(ticket->id);
        done = QStringLiteral("%1 has a new status link; the old one no longer works")
                   .arg(ticketLabel(*ticket));
    } else {
        if (!ticket->assigneeId.isNull() && ticket->assigneeId != a->me.id)
            return fail(
                ctx,
                QStringLiteral("%1 is taken by someone else already").arg(ticketLabel(*ticket)));
        op = Op::take(ticket->id);
        done = QStringLiteral("Took %1").arg(ticketLabel(*ticket));
    }
    auto id = a->session->submit(op);
    if (!id.good())
        return fail(ctx, id.status());
    return afterWrite(
        ctx, *a, {*id}, [=] { return done; }, ticket->id);
}

int runNext(const Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return fail(ctx, QStringLiteral("next takes no arguments"), 2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    syncBeforeReading(ctx, *a->store);
    auto next = a->store->nextTicket(a->me.id);
    if (!next.good())
        return fail(ctx, next.status());
    if (!*next) {
        ctx.out << "Your queues are empty." << Qt::endl;
        return 0;
    }
    auto id = a->session->submit(Op::take((*next)->id));
    if (!id.good())
        return fail(ctx, id.status());
    return afterWrite(
        ctx, *a, {*id},
        [=] { return QStringLiteral("Took %1  %2").arg(ticketLabel(**next), (*next)->subject); },
        (*next)->id);
}

int runAttachment(const Context &ctx, const QStringList &args)
{
    auto options = parseOptions(args, {QStringLiteral("output")});
    if (!options.good())
        return fail(ctx, options.status().message(), 2);
    if (options->positional.size() != 1)
        return fail(ctx, QStringLiteral("usage: pultctl attachment HASH [--output FILE]"), 2);
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    SyncSession session(**store, ctx.home);
    const bool tty = isatty(fileno(stderr));
    if (tty)
        session.setTransferProgress(transferProgress(ctx));
    auto cached = session.attachmentFile(options->positional.first().toLatin1());
    if (tty)
        ctx.err << "\r\x1b[K" << Qt::flush;
    if (!cached.good())
        return fail(ctx, cached.status());
    QFile in(*cached);
    if (!in.open(QIODevice::ReadOnly))
        return fail(ctx, QStringLiteral("cannot read %1: %2").arg(*cached, in.errorString()));
    const bool toFile = options->values.contains(QStringLiteral("output"));
    QSaveFile file(options->values.value(QStringLiteral("output")));
    QFile stdOut;
    QIODevice &out = toFile ? static_cast<QIODevice &>(file) : stdOut;
    if (!(toFile ? file.open(QIODevice::WriteOnly) : stdOut.open(stdout, QIODevice::WriteOnly)))
        return fail(ctx, QStringLiteral("cannot write %1: %2")
                             .arg(toFile ? file.fileName() : QStringLiteral("to standard output"),
                                  out.errorString()));
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (qint64 n; (n = in.read(buffer.data(), buffer.size())) > 0;) {
        if (out.write(buffer.constData(), n) != n)
            return fail(ctx,
                        QStringLiteral("cannot write %1: %2")
                            .arg(toFile ? file.fileName() : QStringLiteral("to standard output"),
                                 out.errorString()));
    }
    if (!toFile)
        return 0;
    if (!file.commit())
        return fail(ctx,
                    QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    ctx.out << "Saved " << in.size() << " bytes to " << file.fileName() << Qt::endl;
    return 0;
}

// outbox discard OP_ID and outbox retry OP_ID.
int runOutboxAction(const Context &ctx, const QString &action, const QStringList &args)
{
    const QUuid opId = args.size() == 1 ? QUuid::fromString(args.first()) : QUuid();
    if (opId.isNull())
        return fail(ctx,
                    QStringLiteral("usage: pultctl outbox %1 OP_ID (the ids are in pultctl "
                                   "outbox and pultctl rejections)")
                        .arg(action),
                    2);
    auto a = openAgent(ctx);
    if (!a.good())
        return fail(ctx, a.status());
    if (action == u"discard") {
        if (Status s = a->session->discard(opId); !s.good())
            return fail(ctx, s);
        if (ctx.json)
            printJson(ctx, QJsonObject{{QStringLiteral("result"), QStringLiteral("discarded")},
                                       {QStringLiteral("op_id"), uuidToString(opId)}});
        else
            ctx.out << "Discarded " << uuidToString(opId) << Qt::endl;
        return 0;
    }
    auto again = a->session->retry(opId);
    if (!again.good())
        return fail(ctx, again.status());
    return afterWrite(ctx, *a, {*again},
                      [&] { return QStringLiteral("Sent %1 again").arg(uuidToString(opId)); });
}

int runOutbox(const Context &ctx, const QStringList &args)
{
    if (!args.isEmpty() && (args.first() == u"discard" || args.first() == u"retry"))
        return runOutboxAction(ctx, args.first(), args.mid(1));
    if (!args.isEmpty())
        return fail(ctx, QStringLiteral("usage: pultctl outbox [discard OP_ID | retry OP_ID]"), 2);
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    auto outbox = (*store)->outbox();
    if (!outbox.good())
        return fail(ctx, outbox.status());
    if (ctx.json) {
        QJsonArray array;
        for (const OutboxOp &op : std::as_const(*outbox))
            array.append(
                QJsonObject{{QStringLiteral("op_id"), uuidToString(op.id)},
                            {QStringLiteral("type"), op.kind},
                            {QStringLiteral("created"), timeJson(op.created)},
                            {QStringLiteral("op"), QJsonDocument::fromJson(op.payload).object()}});
        printJson(ctx, array);
        return 0;
    }
    for (const OutboxOp &op : std::as_const(*outbox)) {
        const QList<QUuid> tickets = Op::ticketsOf(QJsonDocument::fromJson(op.payload).object());
        QString ticket;
        if (!tickets.isEmpty()) {
            auto t = (*store)->ticket(tickets.first());
            ticket =
                t.good() ? ticketLabel(*t) + u"  " + t->subject : uuidToString(tickets.first());
        }
        ctx.out << op.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                << uuidToString(op.id) << "  " << op.kind.leftJustified(16) << ticket << "\n";
    }
    ctx.out << outbox->size() << (outbox->size() == 1 ? " change" : " changes") << " waiting"
            << Qt::endl;
    return 0;
}

int runRejections(const Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return fail(ctx, QStringLiteral("rejections takes no arguments"), 2);
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    SyncSession session(**store, ctx.home);
    auto list = session.rejections();
    if (!list.good())
        return fail(ctx, list.status());
    if (ctx.json) {
        QJsonArray array;
        for (const Rejection &r : std::as_const(*list))
            array.append(rejectionJson(r));
        printJson(ctx, array);
        return 0;
    }
    for (const Rejection &r : std::as_const(*list))
        ctx.out << r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                << uuidToString(r.opId) << "  " << describeRejection(**store, r) << "\n";
    ctx.out << list->size() << (list->size() == 1 ? " refused change" : " refused changes")
            << Qt::endl;
    return 0;
}

} // namespace

void syncBeforeReading(const Context &ctx, LocalStore &store)
{
    if (ctx.offline)
        return;
    SyncSession session(store, ctx.home);
    auto account = session.account();
    if (!account.good() || !account->signedIn)
        return;
    auto round = syncRound(ctx, session);
    if (!round.good())
        ctx.err << "pultctl: warning: " << round.status().message() << "; showing the local data"
                << Qt::endl;
    for (const Rejection &r : round.good() ? round->pushed.rejected : QList<Rejection>())
        ctx.err << "pultctl: " << describeRejection(store, r) << Qt::endl;
}

int runAgentCommand(const Context &ctx, const QString &command, const QStringList &args)
{
    if (command == u"login")
        return runLogin(ctx, args);
    if (command == u"logout")
        return runLogout(ctx, args);
    if (command == u"status")
        return runStatus(ctx, args);
    if (command == u"sync")
        return runSync(ctx, args);
    if (command == u"show")
        return runShow(ctx, args);
    if (command == u"create")
        return runCreate(ctx, args);
    if (command == u"reply")
        return runMessage(ctx, args, MessageKind::AgentReply);
    if (command == u"note")
        return runMessage(ctx, args, MessageKind::InternalNote);
    if (command == u"set")
        return runSet(ctx, args);
    if (command == u"take" || command == u"rotate-link" || command == u"merge" ||
        command == u"link")
        return runTicketOp(ctx, command, args);
    if (command == u"next")
        return runNext(ctx, args);
    if (command == u"outbox")
        return runOutbox(ctx, args);
    if (command == u"attachment")
        return runAttachment(ctx, args);
    if (command == u"rejections")
        return runRejections(ctx, args);
    return -1;
}

} // namespace Pult
