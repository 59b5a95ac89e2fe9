#include "commandline.h"

#include "clicommon.h"

#include "demodata.h"
#include "localstore.h"
#include "paths.h"
#include "report.h"
#include "uuid.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace Pult {
namespace {

const QString kUsage = QStringLiteral(
    "Usage: pultctl [--home DIR] [--json] COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  demo --tickets N [--seed S]   fill an empty local store with demo data\n"
    "  search TEXT [--limit N]       full-text search over tickets, messages and contacts\n"
    "  list [FILTER] [--limit N] [--count]\n"
    "                                the tickets a filter selects (docs/filters.md), e.g.\n"
    "                                pultctl list status:open,pending assignee:me -tag:spam\n"
    "  repair                        move a damaged local store aside and start a fresh one,\n"
    "                                keeping every unsynced change that can still be read\n"
    "  report [--period P] [--dept NAME] [--csv]\n"
    "                                backlog, created and solved, response and resolution\n"
    "                                times, SLA, satisfaction; P: today, 7d, 30d (default),\n"
    "                                Nd, or FROM..TO (dates, TO included); --csv: one\n"
    "                                figure,key,value table for a spreadsheet\n"
    "\n"
    "Signed-in work (docs/pultctl.md):\n"
    "  login URL EMAIL               sign in (password from standard input) and sync\n"
    "  logout                        sign out; the cache and unsent changes stay\n"
    "  status                        account, server, revision, outbox, rejections\n"
    "  sync [--watch]                send the outbox, fetch changes; --watch keeps going\n"
    "  show TICKET                   conversation, history, requester (#NUMBER or id)\n"
    "  create --subject S --body B [--requester EMAIL] [--dept D] [--priority P]\n"
    "  reply TICKET --body B | --template SHORTCUT [--attach FILE]...\n"
    "  note TICKET --body B [--attach FILE]...\n"
    "  attachment HASH [--output FILE]\n"
    "                                an attachment's content (fetched once, then cached)\n"
    "  set TICKET FIELD=VALUE... +TAG -TAG\n"
    "                                status, priority, dept, assignee (me, none, a name or\n"
    "                                e-mail), category, tier, due, reminder (a date or none)\n"
    "  take TICKET | merge TICKET INTO | link A B\n"
    "  rotate-link TICKET            a new status link for the customer; the old one\n"
    "                                stops working (docs/customer-pages.md)\n"
    "  next                          take the next ticket by queue order\n"
    "  outbox                        changes not yet sent\n"
    "  outbox discard OP_ID          drop a waiting or refused change (undone locally)\n"
    "  outbox retry OP_ID            send a refused change again\n"
    "  rejections                    changes the server refused\n"
    "  away [--until DATE]           no new tickets assigned to you (until DATE, or back)\n"
    "  back                          new tickets may be assigned to you again\n"
    "\n"
    "Automation rules (leads and admins; docs/automation.md):\n"
    "  rule list                     the rules, in the order they run\n"
    "  rule add --name N --when TRIGGER [--if FILTER] --then ACTIONS [--dept NAME]\n"
    "           [--position P] [--stop] [--disabled]\n"
    "                                add a rule, or replace the one with that name\n"
    "  rule remove RULE              remove a rule (its name or id)\n"
    "  rule test RULE TICKET         what the rule would do to the ticket now\n"
    "\n"
    "Settings (docs/pultctl.md; the server refuses what your role does not allow):\n"
    "  dept list                     the departments and their settings\n"
    "  dept add NAME [--email E] [--hours H] [--sla P] [--queue-order O]\n"
    "           [--assignment M] [--cap N] [--header T] [--footer T] [--goals G]\n"
    "           [--auto-reply T] [--auto-reply-outside-hours T] [--csat on|off]\n"
    "           [--csat-delay MIN] [--language L] [--color #RRGGBB] [--web-form on|off]\n"
    "           [--form-origins O]\n"
    "  dept set DEPT [--name N] [the options of add]\n"
    "                                a department's settings (admins; leads: queue order,\n"
    "                                header, footer and goals of their own)\n"
    "  dept remove DEPT --move-to OTHER\n"
    "                                remove a department; its tickets, canned responses,\n"
    "                                views, mailboxes and (disabled) rules go to OTHER\n"
    "  agent list                    agents with their roles and departments\n"
    "  agent add EMAIL --name N [--role R] [--dept NAME[:TIER]]...\n"
    "                                a new agent (admins; password from standard input)\n"
    "  agent set AGENT [--name N] [--role R] [--dept NAME[:TIER]]... [--active yes|no]\n"
    "                  [--seniority N]\n"
    "                                an agent's name, role, departments and seniority\n"
    "                                (their place in assignment's order, 1 first; admins)\n"
    "  agent remove AGENT            deactivate: signed out, sign-in refused (admins)\n"
    "  canned list                   the canned responses you can use\n"
    "  canned add --title T --body B [--shortcut S] [--dept NAME | --global]\n"
    "  canned set CANNED [--title T] [--body B] [--shortcut S]\n"
    "  canned remove CANNED          personal ones, a lead's department's, an admin's any\n"
    "\n"
    "Options:\n"
    "  --home DIR   local data directory (default: $PULT_HOME, else the platform's\n"
    "               application data location)\n"
    "  --json       machine-readable output\n"
    "  --offline    the local data only: no sync; writes are queued for later\n"
    "  --help       show this help\n"
    "  --version    show the version\n");

} // namespace

int fail(const Context &ctx, const QString &message, int code)
{
    ctx.err << "pultctl: " << message << Qt::endl;
    return code;
}

int fail(const Context &ctx, const Status &status, int code)
{
    if (status.code() == Status::Corrupt && !status.message().contains(QLatin1String("repair")))
        return fail(ctx,
                    status.message() +
                        QStringLiteral("\nRun \"pultctl --home %1 repair\" to move it aside and "
                                       "start afresh; unsynced local changes that can still be "
                                       "read are kept.")
                            .arg(ctx.home),
                    code);
    return fail(ctx, status.message(), code);
}

Result<std::unique_ptr<LocalStore>> openStore(const Context &ctx)
{
    auto store = LocalStore::open(storePath(ctx.home));
    if (!store.good() && store.status().code() == Status::Corrupt) {
        return Status(Status::Corrupt,
                      store.status().message() +
                          QStringLiteral("\nRun \"pultctl --home %1 repair\" to move it aside "
                                         "and start afresh; unsynced local changes that can "
                                         "still be read are kept.")
                              .arg(ctx.home));
    }
    return store;
}

namespace {

int runDemo(const Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("tickets"), QString(), QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"), QString(), QStringLiteral("S")});
    parser.addOption({QStringLiteral("messages-per-ticket"), QString(), QStringLiteral("M")});
    if (!parser.parse(QStringList{QStringLiteral("demo")} + args))
        return fail(ctx, parser.errorText(), 2);
    if (!parser.positionalArguments().isEmpty())
        return fail(ctx, QStringLiteral("demo takes no arguments; see pultctl --help"), 2);
    DemoOptions options;
    bool ok = true;
    if (parser.isSet(QStringLiteral("tickets")))
        options.tickets = parser.value(QStringLiteral("tickets")).toLongLong(&ok);
    if (!ok || options.tickets < 1 || options.tickets > 10'000'000)
        return fail(ctx, QStringLiteral("--tickets must be a number from 1 to 10000000"), 2);
    if (parser.isSet(QStringLiteral("seed")))
        options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return fail(ctx, QStringLiteral("--seed must be a non-negative number"), 2);
    if (parser.isSet(QStringLiteral("messages-per-ticket")))
        options.messagesPerTicket =
            parser.value(QStringLiteral("messages-per-ticket")).toDouble(&ok);
    if (!ok || options.messagesPerTicket < 1 || options.messagesPerTicket > 50)
        return fail(ctx, QStringLiteral("--messages-per-ticket must be from 1 to 50"), 2);

    auto store = openStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    auto existing = (*store)->ticketCount();
    if (!existing.good())
        return fail(ctx, existing.status());
    if (*existing > 0)
        return fail(ctx, QStringLiteral("%1 already holds %2 tickets; demo data goes into an empty "
                                        "data directory (choose another --home)")
                             .arg(ctx.home)
                             .arg(*existing));
    const bool tty = isatty(fileno(stderr));
    if (tty) {
        options.progress = [&](qint64 done, qint64 total) {
            ctx.err << "\rwriting demo data: " << done << " / " << total << " tickets" << Qt::flush;
        };
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = generateDemoData(**store, options);
    if (tty)
        ctx.err << "\n";
    if (!summary.good())
        return fail(ctx, summary.status());
    const double seconds = double(timer.elapsed()) / 1000.0;
    // Until sign-in exists (the sync issue), the demo profile acts as its first agent, so that
    // "assignee:me" and "My tickets" mean someone.
    auto agents = (*store)->agents();
    if (!agents.good())
        return fail(ctx, agents.status());
    const auto me = std::find_if(agents->cbegin(), agents->cend(), [](const Agent &a) {
        return a.role == Role::Agent && !a.departments.isEmpty();
    });
    if (me != agents->cend()) {
        if (Status s = (*store)->setCurrentAgent(me->id); !s.good())
            return fail(ctx, s);
    }
    const QString meText = me != agents->cend() ? me->name + u" <" + me->email + u'>' : QString();
    if (ctx.json) {
        const QJsonObject o{{QStringLiteral("home"), ctx.home},
                            {QStringLiteral("departments"), summary->departments},
                            {QStringLiteral("agents"), summary->agents},
                            {QStringLiteral("contacts"), summary->contacts},
                            {QStringLiteral("tickets"), summary->tickets},
                            {QStringLiteral("messages"), summary->messages},
                            {QStringLiteral("history_events"), summary->historyEvents},
                            {QStringLiteral("canned_responses"), summary->cannedResponses},
                            {QStringLiteral("seconds"), seconds},
                            {QStringLiteral("agent"), meText}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Wrote " << summary->tickets << " tickets, " << summary->messages
                << " messages, " << summary->contacts << " contacts, " << summary->agents
                << " agents, " << summary->departments << " departments, " << summary->historyEvents
                << " history events and " << summary->cannedResponses << " canned responses to "
                << ctx.home << " in " << QString::number(seconds, 'f', 1) << " s" << Qt::endl;
        if (!meText.isEmpty())
            ctx.out << "Acting as the demo agent " << meText << " (assignee:me)." << Qt::endl;
    }
    return 0;
}

} // namespace

QString ticketLabel(const Ticket &t)
{
    return t.number ? u'#' + QString::number(*t.number) : QStringLiteral("pending");
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue();
}

// A ticket of a list as search and list print it with --json.
QJsonObject itemJson(const TicketListItem &item)
{
    const Ticket &t = item.ticket;
    QJsonArray tags;
    for (const QString &tag : t.tags)
        tags.append(tag);
    return QJsonObject{{QStringLiteral("id"), uuidToString(t.id)},
                       {QStringLiteral("number"), t.number ? QJsonValue(*t.number) : QJsonValue()},
                       {QStringLiteral("subject"), t.subject},
                       {QStringLiteral("status"), toString(t.status)},
                       {QStringLiteral("priority"), toString(t.priority)},
                       {QStringLiteral("channel"), toString(t.channel)},
                       {QStringLiteral("tier"), t.tier},
                       {QStringLiteral("csat"), t.csat > 0 ? QJsonValue(t.csat) : QJsonValue()},
                       {QStringLiteral("tags"), tags},
                       {QStringLiteral("category"), t.category},
                       {QStringLiteral("department"), item.departmentName},
                       {QStringLiteral("requester"), item.requesterName},
                       {QStringLiteral("requester_email"), item.requesterEmail},
                       {QStringLiteral("assignee"), item.assigneeName},
                       {QStringLiteral("created"), timeJson(t.created)},
                       {QStringLiteral("updated"), timeJson(t.updated)},
                       {QStringLiteral("due"), timeJson(t.due)},
                       {QStringLiteral("sla_deadline"), timeJson(t.resolutionDeadline)}};
}

Result<std::unique_ptr<LocalStore>> openExistingStore(const Context &ctx)
{
    if (!QFile::exists(storePath(ctx.home)))
        return Status(Status::NotFound,
                      QStringLiteral("no local data in %1: sign in first (pultctl --home %1 login "
                                     "URL EMAIL), or fill it with demo data (pultctl --home %1 "
                                     "demo --tickets 10000)")
                          .arg(ctx.home));
    return openStore(ctx);
}

namespace {

int runSearch(const Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("limit"), QString(), QStringLiteral("N")});
    if (!parser.parse(QStringList{QStringLiteral("search")} + args))
        return fail(ctx, parser.errorText(), 2);
    const QString text = parser.positionalArguments().join(u' ').trimmed();
    if (text.isEmpty())
        return fail(ctx, QStringLiteral("search needs some text, e.g. pultctl search invoice"), 2);
    SearchOptions options;
    bool ok = true;
    if (parser.isSet(QStringLiteral("limit")))
        options.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || options.limit < 1 || options.limit > 1000)
        return fail(ctx, QStringLiteral("--limit must be a number from 1 to 1000"), 2);
    const bool tty = !ctx.json && isatty(fileno(stdout));
    if (ctx.json) {
        options.highlightOpen = QStringLiteral("<b>");
        options.highlightClose = QStringLiteral("</b>");
    } else if (tty) {
        options.highlightOpen = QStringLiteral("\x1b[1m");
        options.highlightClose = QStringLiteral("\x1b[0m");
    }

    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    syncBeforeReading(ctx, **store);
    auto hits = (*store)->search(text, options);
    if (!hits.good())
        return fail(ctx, hits.status());

    if (ctx.json) {
        QJsonArray array;
        for (const TicketListItem &hit : std::as_const(*hits)) {
            QJsonObject o = itemJson(hit);
            o.insert(QStringLiteral("snippet"), hit.snippet);
            array.append(o);
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (hits->isEmpty()) {
        ctx.out << "No tickets match \"" << text << "\"." << Qt::endl;
        return 0;
    }
    for (const TicketListItem &hit : std::as_const(*hits)) {
        const Ticket &t = hit.ticket;
        ctx.out << ticketLabel(t).leftJustified(9) << toString(t.status).leftJustified(9)
                << toString(t.priority).leftJustified(8) << t.subject << "\n"
                << QString(9, u' ') << hit.requesterName << " · " << hit.departmentName << " · "
                << t.updated.toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "\n"
                << QString(9, u' ') << hit.snippet.simplified() << "\n\n";
    }
    ctx.out << hits->size() << " tickets" << Qt::endl;
    return 0;
}

int runList(const Context &ctx, const QStringList &args)
{
    // By hand, not QCommandLineParser: negated terms ("-tag:spam") look like options to it.
    QStringList filterWords;
    int limit = 50;
    bool countOnly = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--count") {
            countOnly = true;
        } else if (a == u"--limit" || a.startsWith(u"--limit=")) {
            const QString value =
                a == u"--limit" ? (i + 1 < args.size() ? args.at(++i) : QString()) : a.mid(8);
            bool ok = false;
            limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > 10000)
                return fail(ctx, QStringLiteral("--limit must be a number from 1 to 10000"), 2);
        } else if (a.startsWith(u"--")) {
            return fail(ctx,
                        QStringLiteral("unknown option %1 for list; see pultctl --help").arg(a), 2);
        } else {
            filterWords.append(a);
        }
    }
    const QString text = filterWords.join(u' ');
    const FilterParse parsed = parseFilter(text);
    if (!parsed.good()) {
        return fail(ctx,
                    parsed.error->toString() + u"\n  " + text + u"\n  " +
                        QString(parsed.error->position, u' ') + u'^',
                    2);
    }
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    syncBeforeReading(ctx, **store);
    auto context = (*store)->filterContext(QDateTime::currentDateTimeUtc());
    if (!context.good())
        return fail(ctx, context.status());
    const FilterCompile compiled = compileFilter(parsed.filter, *context);
    if (!compiled.good()) {
        return fail(ctx,
                    compiled.error->toString() + u"\n  " + text + u"\n  " +
                        QString(compiled.error->position, u' ') + u'^',
                    2);
    }
    auto count = (*store)->countFiltered(compiled.filter);
    if (!count.good())
        return fail(ctx, count.status());
    if (countOnly) {
        if (ctx.json)
            ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("count"), *count}})
                           .toJson(QJsonDocument::Compact);
        else
            ctx.out << *count;
        ctx.out << Qt::endl;
        return 0;
    }
    auto page = (*store)->listFiltered(compiled.filter, limit);
    if (!page.good())
        return fail(ctx, page.status());
    if (ctx.json) {
        QJsonArray array;
        for (const TicketListItem &item : std::as_const(page->items))
            array.append(itemJson(item));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const TicketListItem &item : std::as_const(page->items)) {
        const Ticket &t = item.ticket;
        ctx.out << ticketLabel(t).leftJustified(9) << toString(t.status).leftJustified(9)
                << toString(t.priority).leftJustified(8)
                << t.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
                << (item.assigneeName.isEmpty() ? QStringLiteral("-") : item.assigneeName)
                       .leftJustified(18, u' ', true)
                << " " << item.departmentName.leftJustified(18, u' ', true) << " " << t.subject
                << "\n";
    }
    if (page->items.isEmpty())
        ctx.out << "No tickets match." << Qt::endl;
    else if (*count > page->items.size())
        ctx.out << page->items.size() << " of " << *count << " tickets (--limit N shows more)"
                << Qt::endl;
    else
        ctx.out << *count << (*count == 1 ? " ticket" : " tickets") << Qt::endl;
    return 0;
}

// "1 h 05 min", "2 d 3 h", "45 min", "30 s".
QString durationText(qint64 seconds)
{
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return QStringLiteral("%1 h %2 min")
            .arg(minutes / 60)
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(minutes / (24 * 60)).arg(minutes / 60 % 24);
}

QString percentText(qint64 part, qint64 whole)
{
    return whole > 0 ? QString::number(100.0 * double(part) / double(whole), 'f', 1) + u" %"
                     : QStringLiteral("-");
}

QJsonValue secondsJson(const std::optional<qint64> &seconds)
{
    return seconds ? QJsonValue(*seconds) : QJsonValue();
}

QJsonObject reportJson(const Report &r)
{
    const auto durationsJson = [](const Durations &d) {
        return QJsonObject{{QStringLiteral("count"), d.count},
                           {QStringLiteral("median_seconds"), secondsJson(d.medianSeconds)},
                           {QStringLiteral("p90_seconds"), secondsJson(d.p90Seconds)}};
    };
    const auto attainmentJson = [](const Attainment &a) {
        return QJsonObject{{QStringLiteral("due"), a.due}, {QStringLiteral("met"), a.met}};
    };
    QJsonArray departments;
    for (const ReportDepartment &d : r.departments)
        departments.append(QJsonObject{{QStringLiteral("id"), uuidToString(d.id)},
                                       {QStringLiteral("name"), d.name},
                                       {QStringLiteral("active"), d.active},
                                       {QStringLiteral("created"), d.created},
                                       {QStringLiteral("solved"), d.solved}});
    QJsonArray agents;
    for (const ReportAgent &a : r.agents)
        agents.append(QJsonObject{{QStringLiteral("id"), uuidToString(a.id)},
                                  {QStringLiteral("name"), a.name},
                                  {QStringLiteral("active"), a.active},
                                  {QStringLiteral("load"), a.load},
                                  {QStringLiteral("solved"), a.solved}});
    QJsonArray days;
    for (const ReportDay &d : r.days)
        days.append(
            QJsonObject{{QStringLiteral("day"), d.day.toString(Qt::ISODate)},
                        {QStringLiteral("created"), d.created},
                        {QStringLiteral("solved"), d.solved},
                        {QStringLiteral("csat_ratings"), d.csatRatings},
                        {QStringLiteral("csat_average"),
                         d.csatRatings > 0 ? QJsonValue(double(d.csatStars) / double(d.csatRatings))
                                           : QJsonValue()}});
    QJsonObject backlog;
    for (int s = 0; s < 4; ++s)
        backlog.insert(toString(TicketStatus(s)), r.backlog[std::size_t(s)]);
    QJsonArray ageing;
    for (qint64 n : r.ageing)
        ageing.append(n);
    return QJsonObject{
        {QStringLiteral("from"), timeJson(r.from)},
        {QStringLiteral("to"), timeJson(r.to)},
        {QStringLiteral("backlog"), backlog},
        {QStringLiteral("ageing"), ageing},
        {QStringLiteral("created"), r.created},
        {QStringLiteral("solved"), r.solved},
        {QStringLiteral("reopened"), r.reopened},
        {QStringLiteral("first_response"), durationsJson(r.firstResponse)},
        {QStringLiteral("resolution"), durationsJson(r.resolution)},
        {QStringLiteral("first_response_sla"), attainmentJson(r.firstResponseSla)},
        {QStringLiteral("resolution_sla"), attainmentJson(r.resolutionSla)},
        {QStringLiteral("csat_ratings"), r.csatRatings},
        {QStringLiteral("csat_average"), r.csatAverage ? QJsonValue(*r.csatAverage) : QJsonValue()},
        {QStringLiteral("departments"), departments},
        {QStringLiteral("agents"), agents},
        {QStringLiteral("days"), days}};
}

void printReport(const Context &ctx, const Report &r, const QString &scope)
{
    QTextStream &out = ctx.out;
    const QDate first = r.days.isEmpty() ? QDate() : r.days.first().day;
    const QDate last = r.days.isEmpty() ? QDate() : r.days.last().day;
    out << "Report " << first.toString(Qt::ISODate) << " to " << last.toString(Qt::ISODate) << " ("
        << r.days.size() << (r.days.size() == 1 ? " day" : " days") << "), " << scope << "\n\n";
    const qint64 active = r.backlog[0] + r.backlog[1] + r.backlog[2] + r.backlog[3];
    out << "Backlog now: " << active << " active (new " << r.backlog[0] << ", open " << r.backlog[1]
        << ", pending " << r.backlog[2] << ", on hold " << r.backlog[3] << ")\n";
    out << "  by age: under 1 d " << r.ageing[0] << ", 1-3 d " << r.ageing[1] << ", 3-7 d "
        << r.ageing[2] << ", 7-30 d " << r.ageing[3] << ", 30 d or more " << r.ageing[4] << "\n";
    out << "Created " << r.created << ", solved " << r.solved << ", reopened " << r.reopened
        << "\n";
    const auto times = [&](const char *what, const Durations &d) {
        out << what;
        if (d.count == 0) {
            out << "none in the period\n";
            return;
        }
        out << "median " << durationText(*d.medianSeconds) << ", 90 % within "
            << durationText(*d.p90Seconds) << " (" << d.count << " tickets)\n";
    };
    times("First response: ", r.firstResponse);
    times("Resolution: ", r.resolution);
    out << "SLA met: first response " << percentText(r.firstResponseSla.met, r.firstResponseSla.due)
        << " (" << r.firstResponseSla.met << " of " << r.firstResponseSla.due << "), resolution "
        << percentText(r.resolutionSla.met, r.resolutionSla.due) << " (" << r.resolutionSla.met
        << " of " << r.resolutionSla.due << ")\n";
    out << "Satisfaction: ";
    if (r.csatAverage)
        out << QString::number(*r.csatAverage, 'f', 2) << " of 5 (" << r.csatRatings
            << (r.csatRatings == 1 ? " rating" : " ratings") << ")\n";
    else
        out << "no ratings\n";
    out << "Times in business hours where a department's SLA policy counts them so.\n\n";

    out << QStringLiteral("Department").leftJustified(24) << "  Active  Created   Solved\n";
    for (const ReportDepartment &d : r.departments)
        out << d.name.leftJustified(24, u' ', true) << QString::number(d.active).rightJustified(8)
            << QString::number(d.created).rightJustified(9)
            << QString::number(d.solved).rightJustified(9) << "\n";
    out << "\n" << QStringLiteral("Agent").leftJustified(24) << "  Active     Load   Solved\n";
    for (const ReportAgent &a : r.agents)
        out << (a.name.isEmpty() ? uuidToString(a.id) : a.name).leftJustified(24, u' ', true)
            << QString::number(a.active).rightJustified(8)
            << QString::number(a.load).rightJustified(9)
            << QString::number(a.solved).rightJustified(9) << "\n";
    out << "\n" << QStringLiteral("Day").leftJustified(12) << " Created   Solved\n";
    for (const ReportDay &d : r.days)
        out << d.day.toString(Qt::ISODate).leftJustified(12)
            << QString::number(d.created).rightJustified(8)
            << QString::number(d.solved).rightJustified(9) << "\n";
    out.flush();
}

int runReport(const Context &ctx, const QStringList &args)
{
    QString period = QStringLiteral("30d");
    QString departmentName;
    bool csv = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--csv") {
            csv = true;
        } else if ((a == u"--period" || a == u"--dept") && i + 1 < args.size()) {
            (a == u"--period" ? period : departmentName) = args.at(++i);
        } else if (a.startsWith(u"--period=")) {
            period = a.mid(9);
        } else if (a.startsWith(u"--dept=")) {
            departmentName = a.mid(7);
        } else {
            return fail(ctx,
                        QStringLiteral("unknown argument %1 for report; see pultctl --help").arg(a),
                        2);
        }
    }
    // The period in the system's time zone: whole days, the last one today.
    auto requested =
        reportPeriod(period, QDateTime::currentDateTimeUtc(), QTimeZone::systemTimeZone());
    if (!requested.good())
        return fail(ctx, requested.status().message(), 2);
    auto store = openExistingStore(ctx);
    if (!store.good())
        return fail(ctx, store.status());
    syncBeforeReading(ctx, **store);
    ReportRequest request = *requested;
    QString scope = QStringLiteral("all departments");
    if (!departmentName.isEmpty()) {
        auto departments = (*store)->departments();
        if (!departments.good())
            return fail(ctx, departments.status());
        QStringList names;
        for (const Department &d : std::as_const(*departments)) {
            names.append(d.name);
            if (d.name.compare(departmentName, Qt::CaseInsensitive) == 0) {
                request.departments = {d.id};
                scope = d.name;
            }
        }
        if (request.departments.isEmpty())
            return fail(ctx,
                        QStringLiteral("no department \"%1\" here; there are: %2")
                            .arg(departmentName, names.join(QStringLiteral(", "))),
                        2);
    }
    auto report = computeReport(**store, request);
    if (!report.good())
        return fail(ctx, report.status());
    if (csv)
        ctx.out << QString::fromUtf8(reportCsv(*report));
    else if (ctx.json)
        ctx.out << QJsonDocument(reportJson(*report)).toJson(QJsonDocument::Indented);
    else
        printReport(ctx, *report, scope);
    return 0;
}

int runRepair(const Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return fail(ctx, QStringLiteral("repair takes no arguments; see pultctl --help"), 2);
    const QString path = storePath(ctx.home);
    if (!QFile::exists(path))
        return fail(ctx, QStringLiteral("no local data in %1: nothing to repair").arg(ctx.home));
    QString movedTo;
    auto recovered = LocalStore::recoverDamaged(path, &movedTo);
    if (!recovered.good())
        return fail(ctx, recovered.status());
    if (ctx.json) {
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("moved_to"), movedTo},
                                             {QStringLiteral("recovered_ops"), *recovered}})
                       .toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Moved the old store to " << movedTo << " and started a fresh one; kept "
                << *recovered << " unsynced changes." << Qt::endl;
    }
    return 0;
}

} // namespace

int runPultctl(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // Global options come before the command; the rest belongs to the command.
    Context ctx{QString(), false, false, out, err};
    QString homeOption;
    QStringList rest;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--home" && i + 1 < arguments.size()) {
            homeOption = arguments.at(++i);
        } else if (a.startsWith(u"--home=")) {
            homeOption = a.mid(7);
        } else if (a == u"--json") {
            ctx.json = true;
        } else if (a == u"--offline") {
            ctx.offline = true;
        } else if (a == u"--help" || a == u"-h") {
            out << kUsage;
            return 0;
        } else if (a == u"--version") {
            out << "pultctl " << QCoreApplication::applicationVersion() << Qt::endl;
            return 0;
        } else if (a == u"--home") {
            return fail(ctx, QStringLiteral("--home needs a directory"), 2);
        } else {
            rest.append(a);
        }
    }
    if (rest.isEmpty()) {
        err << kUsage;
        return 2;
    }
    ctx.home = resolveHome(homeOption);
    if (ctx.home.isEmpty())
        return fail(ctx, QStringLiteral("no data directory: pass --home DIR or set PULT_HOME"), 2);
    const QString command = rest.takeFirst();
    if (command == u"demo")
        return runDemo(ctx, rest);
    if (command == u"search")
        return runSearch(ctx, rest);
    if (command == u"list")
        return runList(ctx, rest);
    if (command == u"repair")
        return runRepair(ctx, rest);
    if (command == u"report")
        return runReport(ctx, rest);
    if (command == u"rule")
        return runRuleCommand(ctx, rest);
    if (command == u"dept" || command == u"agent" || command == u"canned")
        return runAdminCommand(ctx, command, rest);
    if (command == u"away" || command == u"back")
        return runAvailabilityCommand(ctx, command, rest);
    if (const int code = runAgentCommand(ctx, command, rest); code >= 0)
        return code;
    return fail(ctx, QStringLiteral("unknown command \"%1\"; see pultctl --help").arg(command), 2);
}

} // namespace Pult
