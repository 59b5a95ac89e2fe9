// Core logic micro-benchmarks: compiling a filter, running the compiled predicate on one ticket
// and computing SLA clocks. Every figure is printed as a "name: value" line together with a
// baseline measured in the same run on the same machine (plain Qt or hand-written C++ doing the
// nearest equivalent work), because absolute times drift between machines. See
// docs/performance.md.

#include "benchutil.h"
#include "businesshours.h"
#include "domain.h"
#include "filterquery.h"
#include "sla.h"
#include "uuid.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace Pult;
using namespace Pult::Bench;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_core: %s\n", qPrintable(message));
    std::exit(1);
}

// Milliseconds of `calls` calls of f; a template so that f is inlined into the loop.
template<typename F> double batchMs(int calls, const F &f)
{
    return msOf([&] {
        for (int i = 0; i < calls; ++i)
            f();
    });
}

struct PerCall
{
    double value;
    double baseline;
};

// The median time of one call of f and of baseline, over `batches` batches of `calls` and
// `baselineCalls` calls, in `unit` per millisecond (1e3: microseconds, 1e6: nanoseconds). The
// batches of the two alternate, so that both see the same load on a shared machine.
template<typename F, typename B>
PerCall perCall(int batches, double unit, int calls, const F &f, int baselineCalls,
                const B &baseline)
{
    f(); // warm up caches, time zone data and lazily built tables
    baseline();
    std::vector<double> values;
    std::vector<double> baselines;
    for (int b = 0; b < batches; ++b) {
        values.push_back(batchMs(calls, f) * unit / double(calls));
        baselines.push_back(batchMs(baselineCalls, baseline) * unit / double(baselineCalls));
    }
    return {median(values), median(baselines)};
}

volatile qint64 sink = 0;

// Fixed, so that every run compiles and evaluates the same thing.
const QDateTime kNow = QDateTime(QDate(2026, 3, 15), QTime(12, 0), QTimeZone("Europe/Ljubljana"));

struct Directory
{
    QList<Department> departments;
    QList<Agent> agents;
};

Directory makeDirectory(UuidV7Generator &ids)
{
    Directory d;
    for (const QString &name : {QStringLiteral("Billing"), QStringLiteral("Technical support"),
                                QStringLiteral("Sales"), QStringLiteral("Returns")}) {
        Department department;
        department.id = ids.next();
        department.name = name;
        department.email = name.toLower().remove(u' ') + QStringLiteral("@example.com");
        d.departments.append(department);
    }
    const QStringList agentNames{QStringLiteral("Ana Novak"),     QStringLiteral("Borut Kovač"),
                                 QStringLiteral("Cvetka Horvat"), QStringLiteral("Darko Zupan"),
                                 QStringLiteral("Eva Krajnc"),    QStringLiteral("Filip Potočnik")};
    for (const QString &name : agentNames) {
        Agent agent;
        agent.id = ids.next();
        agent.name = name;
        agent.email = name.split(u' ').first().toLower() + QStringLiteral("@example.com");
        agent.departments.append({d.departments.at(agent.name.size() % 4).id, 1});
        d.agents.append(agent);
    }
    return d;
}

FilterContext makeContext(const Directory &d)
{
    FilterContext context;
    context.me = d.agents.first().id;
    context.now = kNow;
    context.timeZone = QTimeZone("Europe/Ljubljana");
    context.departments = d.departments;
    context.agents = d.agents;
    return context;
}

CompiledFilter compileOrDie(const QString &text, const FilterContext &context)
{
    const FilterCompile compiled = compileFilter(text, context);
    if (!compiled.good())
        die(QStringLiteral("filter \"%1\" does not compile: %2")
                .arg(text, compiled.error->toString()));
    return compiled.filter;
}

void benchParseCompile(const FilterContext &context)
{
    const QString text = QStringLiteral(
        "status:open,pending assignee:me priority>=high dept:billing tag:vip -tag:spam "
        "created<7d channel:email,phone tier<=2 \"account locked\"");
    const int terms = int(compileOrDie(text, context).terms.size());
    std::printf("# parse + compile a %d-term filter (%lld chars), %lld departments, %lld agents: "
                "%s\n",
                terms, static_cast<long long>(text.size()),
                static_cast<long long>(context.departments.size()),
                static_cast<long long>(context.agents.size()), qPrintable(text));
    const PerCall t = perCall(
        31, 1e3, 500,
        [&] {
            const FilterCompile compiled = compileFilter(text, context);
            sink = sink + compiled.filter.terms.size();
        },
        5000,
        [&] {
            QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
            for (QString &part : parts)
                part = part.toLower();
            sink = sink + parts.size();
        });
    report("filter.parse_compile_us", t.value, "qt.split_lower_us", t.baseline);
}

void benchPredicate(const Directory &d, const FilterContext &context, UuidV7Generator &ids)
{
    const QUuid billing = d.departments.first().id;
    Contact contact;
    contact.id = ids.next();
    contact.name = QStringLiteral("Marija Kovačič");
    contact.emails = {QStringLiteral("marija.kovacic@example.si")};
    contact.planTier = 2;

    Ticket ticket;
    ticket.id = ids.next();
    ticket.number = 1042;
    ticket.subject = QStringLiteral("Charged twice for the March invoice");
    ticket.status = TicketStatus::Open;
    ticket.priority = Priority::Urgent;
    ticket.departmentId = billing;
    ticket.category = QStringLiteral("Invoices");
    ticket.assigneeId = d.agents.first().id;
    ticket.requesterId = contact.id;
    ticket.tags = {QStringLiteral("billing"), QStringLiteral("card"), QStringLiteral("vip")};
    ticket.created = kNow.addDays(-2).toUTC();
    ticket.updated = kNow.addSecs(-3600).toUTC();

    // The word the filter looks for is only in the last message, so every document is scanned.
    const QStringList bodies{
        QStringLiteral("Hello, my card was charged twice for invoice 2026-0312. Could you check "
                       "what happened? Best regards, Marija"),
        QStringLiteral("Dear Marija, thank you for letting us know. I can see two payments of "
                       "49.90 EUR on 12 March; I am asking our payment provider about it."),
        QStringLiteral("Any news? The second payment is still on my statement and I would like "
                       "it back before the end of the month."),
        QStringLiteral("The provider confirmed the duplicate charge. It was caused by a timeout "
                       "while the bank confirmed the first payment."),
        QStringLiteral("We have issued a refund of 49.90 EUR; it should reach your account within "
                       "five working days. Sorry for the trouble!"),
    };
    QList<Message> messages;
    for (int i = 0; i < bodies.size(); ++i) {
        Message m;
        m.id = ids.next();
        m.ticketId = ticket.id;
        m.kind = i % 2 == 0 ? MessageKind::CustomerMessage : MessageKind::AgentReply;
        m.authorId = i % 2 == 0 ? contact.id : d.agents.first().id;
        m.created = ticket.created.addSecs(qint64(i) * 3 * 3600);
        m.bodyText = bodies.at(i);
        messages.append(m);
    }
    const TicketFacts facts = TicketFacts::make(ticket, contact, messages);

    const QString text =
        QStringLiteral("status:open,pending priority>=high dept:billing tag:vip created<7d refund");
    const CompiledFilter compiled = compileOrDie(text, context);

    // The same conditions by hand on the Ticket fields.
    const QList<TicketStatus> statuses{TicketStatus::Open, TicketStatus::Pending};
    const QDateTime createdAfter = kNow.addDays(-7).toUTC();
    const QString tag = QStringLiteral("vip");
    const QString word = QStringLiteral("refund");
    const QList<QStringList> documents = facts.textDocuments; // pre-tokenised, as in the facts
    const auto handwritten = [&](const Ticket &t) {
        if (!statuses.contains(t.status) || t.priority < Priority::High ||
            t.departmentId != billing || !t.tags.contains(tag) || t.created < createdAfter)
            return false;
        for (const QStringList &document : documents) {
            if (document.contains(word))
                return true;
        }
        return false;
    };
    if (!matches(compiled, facts) || !handwritten(ticket))
        die(QStringLiteral("the benchmark ticket does not match \"%1\"").arg(text));

    qsizetype tokens = 0;
    for (const QStringList &document : documents)
        tokens += document.size();
    std::printf("# matches() of a %lld-term filter on one matching ticket with %lld messages "
                "(%lld documents, %lld tokens, the word in the last one): %s\n",
                static_cast<long long>(compiled.terms.size()),
                static_cast<long long>(messages.size()), static_cast<long long>(documents.size()),
                static_cast<long long>(tokens), qPrintable(text));
    const PerCall t = perCall(
        21, 1e6, 100000, [&] { sink = sink + matches(compiled, facts); }, 100000,
        [&] { sink = sink + handwritten(facts.ticket); });
    report("filter.predicate_ns", t.value, "cpp.handwritten_predicate_ns", t.baseline);
}

BusinessCalendar calendarOrDie(const QString &text)
{
    const Result<BusinessCalendar> parsed = BusinessCalendar::parse(text);
    if (!parsed.good())
        die(QStringLiteral("calendar does not parse: ") + parsed.status().message());
    return *parsed;
}

SlaPolicy policyOrDie(const QString &text)
{
    const Result<SlaPolicy> parsed = SlaPolicy::parse(text);
    if (!parsed.good())
        die(QStringLiteral("policy does not parse: ") + parsed.status().message());
    return *parsed;
}

void benchSla()
{
    const QString hours =
        QStringLiteral("tz=Europe/Ljubljana; mon-fri 08:00-12:00, 13:00-16:00; sat 09:00-12:00; "
                       "holiday 2026-04-06; yearly 12-25, 12-26, 01-01");
    const QString policyText = QStringLiteral(
        "urgent: first 1h, next 2h, resolve 8h; high: first 4h, next 4h, resolve 3d; "
        "normal: first 8h, next 8h, resolve 5d; low: first 1d, resolve 10d; business");
    const BusinessCalendar calendar = calendarOrDie(hours);
    const SlaPolicy policy = policyOrDie(policyText);

    // 50 events over about two weeks, across the spring DST change (2026-03-29), with the
    // deadline past the Easter Monday holiday: created, then cycles of agent reply, pending,
    // customer message (back to open) and a further customer message, every few hours.
    const QTimeZone zone("Europe/Ljubljana");
    QDateTime t = QDateTime(QDate(2026, 3, 20), QTime(10, 15), zone).toUTC();
    QList<SlaEvent> events{SlaEvent::created(t, Priority::High)};
    for (int i = 1; events.size() < 50; ++i) {
        t = t.addSecs(qint64(3 + i % 7) * 3600 + qint64(i % 5) * 600);
        switch (i % 4) {
        case 1:
            events.append(SlaEvent::agentReply(t));
            break;
        case 2:
            events.append(SlaEvent::statusChange(t, TicketStatus::Pending));
            break;
        case 3:
            events.append(SlaEvent::customerMessage(t));
            break;
        default:
            events.append(i % 8 == 0 ? SlaEvent::statusChange(t, TicketStatus::Open)
                                     : SlaEvent::customerMessage(t));
            break;
        }
    }
    const QDateTime now = t.addSecs(2 * 3600);
    const SlaState state = computeSla(policy, calendar, events, now);
    if (!state.resolution.active || !state.resolution.deadline.isValid())
        die(QStringLiteral("the benchmark ticket has no resolution deadline"));
    std::printf("# computeSla of a high-priority ticket with %lld events from %s to %s, "
                "calendar \"%s\", policy \"%s\"; resolution deadline %s\n",
                static_cast<long long>(events.size()),
                qPrintable(events.first().time.toString(Qt::ISODate)),
                qPrintable(now.toString(Qt::ISODate)), qPrintable(hours), qPrintable(policyText),
                qPrintable(state.resolution.deadline.toString(Qt::ISODate)));

    // The zone is looked up once, outside the loop: the least a per-event conversion costs.
    const PerCall timed = perCall(
        31, 1e3, 100,
        [&] {
            const SlaState s = computeSla(policy, calendar, events, now);
            sink = sink + s.resolution.remaining;
        },
        500,
        [&] {
            for (const SlaEvent &e : events)
                sink = sink + e.time.toTimeZone(zone).time().msecsSinceStartOfDay();
        });
    report("sla.deadline_us", timed.value, "qt.timezone_convert_50_us", timed.baseline);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    UuidV7Generator ids([] { return qint64(1773572400000); },
                        [] {
                            static quint64 x = 0x9e3779b97f4a7c15ULL;
                            x ^= x << 13;
                            x ^= x >> 7;
                            x ^= x << 17;
                            return x;
                        });
    const Directory directory = makeDirectory(ids);
    const FilterContext context = makeContext(directory);

    benchParseCompile(context);
    benchPredicate(directory, context, ids);
    benchSla();
    return 0;
}
