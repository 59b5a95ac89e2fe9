// Automation rules' cost on the op path (docs/automation.md), in process: ServerStore on a
// temporary SQLite data directory, as pultd's workers call it, without HTTP.
//
// rules.eval_us_per_op: a set_fields op (the priority of one of 1,000 tickets, toggled) applied
// in batches of 100, with 50 enabled rules of the ticket's department: 40 whose trigger the op
// fires and whose condition is compiled and tested (10 of them reading the conversation for a
// text or requester term), 5 that match and act (a tag the ticket already has: the savepoint, the
// actions, nothing written), 5 for other triggers. Baseline ops.no_rules_us_per_op: the same ops
// with no rules. Medians of 5 rounds of 2,000 ops each.

#include "accounts.h"
#include "benchutil.h"
#include "serverstore.h"
#include "uuid.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdlib>

using namespace Pult;

namespace {

constexpr int kTickets = 1000;
constexpr int kBatch = 100;
constexpr int kOpsPerRound = 2000;
constexpr int kRounds = 5;

[[noreturn]] void die(const Status &status, const char *what)
{
    std::fprintf(stderr, "bench_rules: %s: %s\n", what, qPrintable(status.message()));
    std::exit(1);
}

struct Desk
{
    std::unique_ptr<Accounts> accounts;
    std::unique_ptr<ServerStore> store;
    AgentSession admin;
    QString department;
    QList<QString> tickets;
    UuidV7Generator ids;
    qint64 now = QDateTime::currentMSecsSinceEpoch();

    QString id() { return uuidToString(ids.next()); }

    void apply(const QJsonArray &ops)
    {
        auto results = store->apply(admin, ops, ++now);
        if (!results.good())
            die(results.status(), "apply");
        for (const QJsonValue &r : *results) {
            if (r.toObject().value(u"status").toString() != u"applied") {
                std::fprintf(
                    stderr, "bench_rules: an op was refused: %s\n",
                    qPrintable(
                        r.toObject().value(u"error").toObject().value(u"message").toString()));
                std::exit(1);
            }
        }
    }

    // Median microseconds per op of kRounds rounds.
    double opsRound()
    {
        std::vector<double> perOp;
        int next = 0;
        for (int round = 0; round < kRounds; ++round) {
            const double ms = Bench::msOf([&] {
                for (int done = 0; done < kOpsPerRound; done += kBatch) {
                    QJsonArray batch;
                    for (int i = 0; i < kBatch; ++i, ++next) {
                        // Each pass over the tickets sets the other priority: every op changes.
                        const bool high = (next / kTickets) % 2 == 0;
                        batch.append(
                            QJsonObject{{QStringLiteral("id"), id()},
                                        {QStringLiteral("type"), QStringLiteral("set_fields")},
                                        {QStringLiteral("ticket_id"), tickets.at(next % kTickets)},
                                        {QStringLiteral("fields"),
                                         QJsonObject{{QStringLiteral("priority"),
                                                      high ? QStringLiteral("high")
                                                           : QStringLiteral("normal")}}}});
                    }
                    apply(batch);
                }
            });
            perOp.push_back(ms * 1000.0 / kOpsPerRound);
        }
        return Bench::median(perOp);
    }

    void addRule(int n, const QString &when, const QString &condition, const QString &actions)
    {
        apply({QJsonObject{{QStringLiteral("id"), id()},
                           {QStringLiteral("type"), QStringLiteral("upsert_rule")},
                           {QStringLiteral("rule"),
                            QJsonObject{{QStringLiteral("id"), id()},
                                        {QStringLiteral("name"), QStringLiteral("Rule %1").arg(n)},
                                        {QStringLiteral("department_id"), department},
                                        {QStringLiteral("when"), when},
                                        {QStringLiteral("if"), condition},
                                        {QStringLiteral("then"), actions},
                                        {QStringLiteral("position"), n}}}}});
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const std::filesystem::path path = dir.path().toStdString();
    Desk b;
    auto accounts = Accounts::open(path, {});
    if (!accounts.good())
        die(accounts.status(), "accounts");
    b.accounts = std::move(*accounts);
    auto store = ServerStore::open(path, {});
    if (!store.good())
        die(store.status(), "store");
    b.store = std::move(*store);
    const QString password = QStringLiteral("a long enough password");
    auto hash = Accounts::hashPassword(password);
    if (!hash.good())
        die(hash.status(), "hash");
    NewAgent admin{QStringLiteral("admin@example.com"),
                   QStringLiteral("Admin"),
                   Role::Admin,
                   {{QStringLiteral("Support"), 1}}};
    if (auto added = b.accounts->addAgent(admin, *hash); !added.good())
        die(added.status(), "agent");
    auto login = b.accounts->login(admin.email, password, QStringLiteral("127.0.0.1"), b.now);
    if (!std::holds_alternative<Accounts::Login>(login)) {
        std::fprintf(stderr, "bench_rules: cannot sign in\n");
        return 1;
    }
    b.admin = std::get<Accounts::Login>(login).session;
    b.department = uuidToString(b.admin.departments.first().id);
    for (int done = 0; done < kTickets; done += kBatch) {
        QJsonArray batch;
        for (int i = 0; i < kBatch; ++i) {
            const QString ticket = b.id();
            b.tickets.append(ticket);
            batch.append(QJsonObject{
                {QStringLiteral("id"), b.id()},
                {QStringLiteral("type"), QStringLiteral("create_ticket")},
                {QStringLiteral("ticket"),
                 QJsonObject{{QStringLiteral("id"), ticket},
                             {QStringLiteral("subject"), QStringLiteral("Printer %1").arg(i)},
                             {QStringLiteral("department_id"), b.department},
                             {QStringLiteral("tags"), QJsonArray{QStringLiteral("bench")}},
                             {QStringLiteral("requester"),
                              QJsonObject{{QStringLiteral("email"),
                                           QStringLiteral("c%1@example.com").arg(i)}}}}},
                {QStringLiteral("message_id"), b.id()},
                {QStringLiteral("body"), QStringLiteral("The printer on floor %1 jams").arg(i)}});
        }
        b.apply(batch);
    }
    b.opsRound(); // warm up
    const double baseline = b.opsRound();
    int n = 0;
    for (int i = 0; i < 30; ++i) // triggered, tested, not matching
        b.addRule(++n, QStringLiteral("changed:priority"),
                  QStringLiteral("tag:never-%1 priority>=high").arg(i), QStringLiteral("+seen"));
    for (int i = 0; i < 10; ++i) // triggered, reading the conversation, not matching
        b.addRule(++n, QStringLiteral("changed"),
                  QStringLiteral("requester:nobody%1 \"scanner\"").arg(i), QStringLiteral("+seen"));
    for (int i = 0; i < 5; ++i) // matching and acting, changing nothing
        b.addRule(++n, QStringLiteral("changed:priority"), QStringLiteral("tag:bench"),
                  QStringLiteral("+bench"));
    for (int i = 0; i < 5; ++i) // other triggers
        b.addRule(++n, QStringLiteral("customer-reply"), QString(), QStringLiteral("status=open"));
    b.opsRound(); // warm up
    const double withRules = b.opsRound();
    Bench::report("rules.eval_us_per_op", withRules, "ops.no_rules_us_per_op", baseline);
    return 0;
}
