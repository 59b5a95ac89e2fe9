// Store benchmarks at help-desk scale. Every figure is printed as a "name: value" line together
// with a baseline measured in the same run on the same machine (raw SQLite doing the nearest
// equivalent work), because absolute times drift between machines. See docs/performance.md.

#include "benchutil.h"
#include "demodata.h"
#include "filterquery.h"
#include "localstore.h"
#include "sqlitedb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Pult;
using namespace Pult::Bench;

namespace {

// The end of the demo data's timeline, fixed so that the data and every filter over it are the
// same in every run (the demo otherwise ends when it is generated).
const QDateTime kDemoNow(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);

[[noreturn]] void die(const Status &s)
{
    std::fprintf(stderr, "bench_store: %s\n", qPrintable(s.message()));
    std::exit(1);
}

template<typename T> T check(Result<T> r)
{
    if (!r.good())
        die(r.status());
    return std::move(*r);
}

// Raw SQLite, no Pult code: the same row count inserted into a plain table in one transaction.
double rawInsertSeconds(const QString &dir, qint64 rows)
{
    const QString path = QDir(dir).filePath(QStringLiteral("baseline.db"));
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                 "CREATE TABLE t(id BLOB, body TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1, ?2)", -1, &stmt, nullptr);
    const QByteArray body(160, 'x');
    const double ms = msOf([&] {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (qint64 i = 0; i < rows; ++i) {
            sqlite3_bind_blob(stmt, 1, &i, sizeof i, SQLITE_TRANSIENT);
            sqlite3_bind_text(stmt, 2, body.constData(), int(body.size()), SQLITE_STATIC);
            sqlite3_step(stmt);
            sqlite3_reset(stmt);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    });
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return ms / 1000.0;
}

// Raw SQLite: 50 point reads of ticket rows by rowid (what a page of 50 rows costs at least).
double rawPointReads50Ms(LocalStore &store)
{
    auto stmt = check(store.database().prepare("SELECT * FROM tickets WHERE rid = ?1"));
    std::vector<double> samples;
    qint64 rid = 1;
    for (int run = 0; run < 20; ++run) {
        samples.push_back(msOf([&] {
            for (int i = 0; i < 50; ++i) {
                stmt->reset();
                stmt->bind(1, rid = rid * 7919 % 900001 + 1);
                stmt->next();
            }
        }));
    }
    stmt->reset();
    return median(samples);
}

struct View
{
    const char *name;
    TicketQuery query;
};

QList<View> builtInViews(LocalStore &store)
{
    const QList<Agent> agents = check(store.agents());
    const QList<Department> departments = check(store.departments());
    const QList<TicketStatus> active{TicketStatus::New, TicketStatus::Open, TicketStatus::Pending,
                                     TicketStatus::OnHold};
    const Agent me = agents.value(agents.size() / 2);
    QList<View> views;
    views.append(View{"all", {}});
    views.append(View{"mine", {active, {}, me.id, 50, {}}});
    views.append(View{"unassigned", {active, {}, QUuid(), 50, {}}});
    QList<QUuid> myDepartments;
    for (const DepartmentMembership &m : me.departments)
        myDepartments.append(m.departmentId);
    if (myDepartments.isEmpty() && !departments.isEmpty())
        myDepartments.append(departments.first().id);
    views.append(View{"my_departments", {active, myDepartments, {}, 50, {}}});
    views.append(View{"pending", {{TicketStatus::Pending}, {}, {}, 50, {}}});
    views.append(View{"solved", {{TicketStatus::Solved}, {}, {}, 50, {}}});
    return views;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pult store benchmarks"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tickets"),
                      QStringLiteral("Tickets to generate (default 1000000)."), QStringLiteral("N"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("group"),
                      QStringLiteral("generate, inbox, counts, search, open, filter, size or all."),
                      QStringLiteral("NAME"), QStringLiteral("all")});
    parser.addOption(
        {QStringLiteral("dir"),
         QStringLiteral("Keep the generated store in DIR and reuse it when it exists."),
         QStringLiteral("DIR")});
    parser.process(app);
    const qint64 tickets = parser.value(QStringLiteral("tickets")).toLongLong();
    const QString group = parser.value(QStringLiteral("group"));
    const auto wants = [&](const char *g) { return group == u"all" || group == QLatin1String(g); };

    QTemporaryDir temp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("bench-%1.db").arg(tickets));
    const bool reuse = QFileInfo::exists(path);
    auto store = check(LocalStore::open(path));
    std::printf("# %lld tickets in %s%s\n", static_cast<long long>(tickets), qPrintable(path),
                reuse ? " (reused)" : "");

    if (!reuse) {
        DemoOptions options;
        options.tickets = tickets;
        options.now = kDemoNow;
        options.progress = [](qint64 done, qint64 total) {
            std::fprintf(stderr, "\rgenerating: %lld / %lld", static_cast<long long>(done),
                         static_cast<long long>(total));
        };
        DemoSummary summary;
        const double ms = msOf([&] { summary = check(generateDemoData(*store, options)); });
        std::fprintf(stderr, "\n");
        std::printf("# %lld messages, %lld contacts\n", static_cast<long long>(summary.messages),
                    static_cast<long long>(summary.contacts));
        if (wants("generate")) {
            const double raw = rawInsertSeconds(dir, summary.tickets + summary.messages);
            report("store.generate_s", ms / 1000.0, "sqlite.raw_insert_same_rows_s", raw);
        }
    } else if (group == u"generate") {
        std::printf("# generate: the store was reused; remove %s to measure generation\n",
                    qPrintable(path));
    }

    const double pointReads = rawPointReads50Ms(*store);
    const QList<View> views = builtInViews(*store);

    if (wants("inbox")) {
        double worst = 0;
        for (const View &view : views) {
            std::vector<double> samples;
            for (int run = 0; run < 15; ++run)
                samples.push_back(msOf([&] { check(store->listTickets(view.query)); }));
            const double m = median(samples);
            std::printf("# inbox first page, %s: %.3f ms\n", view.name, m);
            worst = std::max(worst, m);
        }
        report("store.inbox_first_page_ms", worst, "sqlite.point_read_50_ms", pointReads);
    }

    if (wants("counts")) {
        std::vector<double> samples;
        for (int run = 0; run < 20; ++run) {
            samples.push_back(msOf([&] {
                for (const View &view : views)
                    check(store->countTickets(view.query));
            }));
        }
        report("store.view_counts_ms", median(samples), "sqlite.point_read_50_ms", pointReads);
    }

    if (wants("search")) {
        // The worst cases on purpose: the most common words of the demo text, short prefixes,
        // phrases of common words, names typed without their letters, and words with no match.
        const QStringList queries{
            QStringLiteral("the"),
            QStringLiteral("regards"),
            QStringLiteral("pozdrav"),
            QStringLiteral("problem"),
            QStringLiteral("hvala"),
            QStringLiteral("dobar"),
            QStringLiteral("popravek"),
            QStringLiteral("invoice"),
            QStringLiteral("racun"),
            QStringLiteral("saskaita"),
            QStringLiteral("lodz"),
            QStringLiteral("dorde"),
            QStringLiteral("sasa"),
            QStringLiteral("kovacic"),
            QStringLiteral("po"),
            QStringLiteral("acc"),
            QStringLiteral("fak"),
            QStringLiteral("zamow"),
            QStringLiteral("\"best regards\""),
            QStringLiteral("invoice problem"),
            QStringLiteral("NullPointerException"),
            QStringLiteral("timeout"),
            QStringLiteral("xq"),
            QStringLiteral("zzzzzz"),
        };
        std::vector<double> samples;
        std::vector<double> raw;
        auto rawStmt =
            check(store->database().prepare("SELECT rowid FROM messages_fts WHERE messages_fts "
                                            "MATCH ?1 ORDER BY rowid DESC LIMIT 50"));
        for (int run = 0; run < 5; ++run) {
            for (const QString &q : queries) {
                samples.push_back(msOf([&] { check(store->search(q)); }));
                raw.push_back(msOf([&] {
                    rawStmt->reset();
                    rawStmt->bind(1, QString(u'"' + QString(q).remove(u'"') + u'"'));
                    while (rawStmt->next()) {
                    }
                }));
            }
        }
        rawStmt->reset();
        for (const QString &q : queries) {
            std::printf("# search %s: %.3f ms, %lld hits\n", qPrintable(q),
                        msOf([&] { check(store->search(q)); }),
                        static_cast<long long>(check(store->search(q)).size()));
        }
        report("store.search_p95_ms", percentile(samples, 0.95), "sqlite.fts_rowid_desc_p95_ms",
               percentile(raw, 0.95));
    }

    if (wants("open")) {
        auto stmt = check(store->database().prepare(
            "SELECT ticket_id FROM messages GROUP BY ticket_id HAVING count(*) >= 200 LIMIT 1"));
        if (!stmt->next())
            die({Status::Internal, QStringLiteral("no ticket with 200 messages")});
        const QUuid id = QUuid::fromRfc4122(stmt->blob(0));
        stmt->reset();
        std::vector<double> samples;
        std::vector<double> raw;
        int messageCount = 0;
        auto rawStmt = check(store->database().prepare(
            "SELECT body FROM messages WHERE ticket_id = ?1 ORDER BY created_ms"));
        for (int run = 0; run < 20; ++run) {
            samples.push_back(msOf([&] {
                const Ticket t = check(store->ticket(id));
                messageCount = int(check(store->messages(id)).size());
                check(store->history(id));
                if (!t.requesterId.isNull())
                    check(store->contact(t.requesterId));
            }));
            raw.push_back(msOf([&] {
                rawStmt->reset();
                rawStmt->bind(1, id.toRfc4122());
                while (rawStmt->next()) {
                }
            }));
        }
        rawStmt->reset();
        std::printf("# opened a ticket with %d messages\n", messageCount);
        report("store.open_ticket_200_msgs_ms", median(samples), "sqlite.read_bodies_ms",
               median(raw));
    }

    if (wants("filter")) {
        // A six-term filter an agent would type, resolved against the demo data at its "now".
        FilterContext context = check(store->filterContext(kDemoNow));
        context.me = check(store->agents()).value(0).id;
        const QString department = check(store->departments()).value(0).name;
        const QString six = QStringLiteral("status:open,pending priority>=high dept:\"%1\" "
                                           "-tag:spam created<365d assignee:none")
                                .arg(department);
        const auto compile = [&](const QString &text) {
            const FilterCompile c = compileFilter(text, context);
            if (!c.good())
                die({Status::Invalid, text + u": " + c.error->toString()});
            return c.filter;
        };
        const CompiledFilter filter = compile(six);
        std::printf("# filter: %s (%lld tickets)\n", qPrintable(six),
                    static_cast<long long>(check(store->countFiltered(filter))));
        const auto firstPage = [&](const CompiledFilter &f) {
            std::vector<double> samples;
            for (int run = 0; run < 15; ++run)
                samples.push_back(msOf([&] { check(store->listFiltered(f, 50)); }));
            return median(samples);
        };
        const auto count = [&](const CompiledFilter &f) {
            std::vector<double> samples;
            for (int run = 0; run < 7; ++run)
                samples.push_back(msOf([&] { check(store->countFiltered(f)); }));
            return median(samples);
        };
        // What other shapes cost, for docs/performance.md. The slow shapes of the store filter
        // issue and the demo data's shared views "Urgent and high" and "Spam to review" (counted
        // by the window after every action) make the worst first page and the worst count.
        QStringList sharedViews;
        for (const SharedFilter &shared : check(store->sharedFilters())) {
            if (shared.name == u"Urgent and high" || shared.name == u"Spam to review")
                sharedViews.append(shared.query);
        }
        if (sharedViews.size() != 2)
            die({Status::NotFound, QStringLiteral("the demo data's shared views are missing")});
        const QStringList worstShapes =
            QStringList{QStringLiteral("has:attachment priority:urgent"),
                        six + QStringLiteral(" invoice"),
                        QStringLiteral("-status:closed,solved tag:vip"),
                        QStringLiteral("sla<2h"),
                        six + QStringLiteral(" sort:sla"),
                        six + QStringLiteral(" sort:queue")} +
            sharedViews;
        double worstPage = 0;
        double worstCount = 0;
        for (const QString &other :
             QStringList{QStringLiteral("assignee:me status:open,pending")} + worstShapes) {
            const CompiledFilter f = compile(other);
            const double page = firstPage(f);
            const double counted = count(f);
            std::printf("# filter %s: first page %.3f ms, count %.3f ms (%lld tickets)\n",
                        qPrintable(other), page, counted,
                        static_cast<long long>(check(store->countFiltered(f))));
            if (worstShapes.contains(other)) {
                worstPage = std::max(worstPage, page);
                worstCount = std::max(worstCount, counted);
            }
        }
        auto rawCount =
            check(store->database().prepare("SELECT count(*) FROM tickets WHERE status IN (1, 2)"));
        std::vector<double> raw;
        for (int run = 0; run < 7; ++run) {
            raw.push_back(msOf([&] {
                rawCount->reset();
                rawCount->next();
            }));
        }
        rawCount->reset();
        // The plain first page: one page of all tickets, newest update first.
        std::vector<double> plain;
        for (int run = 0; run < 15; ++run)
            plain.push_back(msOf([&] { check(store->listTickets(TicketQuery{})); }));
        report("store.filter_first_page_ms", firstPage(filter), "sqlite.point_read_50_ms",
               pointReads);
        report("store.filter_count_ms", count(filter), "sqlite.count_open_pending_ms", median(raw));
        report("store.filter_worst_first_page_ms", worstPage, "store.list_page_ms", median(plain));
        report("store.filter_worst_count_ms", worstCount, "sqlite.count_open_pending_ms",
               median(raw));
    }

    if (wants("size")) {
        auto stmt = check(store->database().prepare(
            "SELECT (SELECT coalesce(sum(length(CAST(body AS BLOB))), 0) FROM messages) + "
            "(SELECT coalesce(sum(length(CAST(subject AS BLOB))), 0) FROM tickets)"));
        stmt->next();
        const double textMb = double(stmt->int64(0)) / 1048576.0;
        stmt->reset();
        // The file's size is the figure: with pages still in the log it would be wrong.
        if (Status s = store->database().execute("PRAGMA wal_checkpoint(TRUNCATE)"); !s.good())
            die(s);
        const double dbMb = double(QFileInfo(path).size()) / 1048576.0;
        report("store.db_mb", dbMb, "raw_text_mb", textMb);
    }
    return 0;
}
