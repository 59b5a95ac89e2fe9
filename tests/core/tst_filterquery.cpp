// Running filters: names resolved, every term's meaning, the orders, "next ticket", and the
// property that the SQL and the in-memory predicate select exactly the same tickets.

#include "filterquery.h"
#include "localstore.h"
#include "sqlitedb.h"
#include "testdata.h"
#include "uuid.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Pult;
using namespace Pult::Test;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 15), QTime(12, 0), QTimeZone("Europe/Ljubljana"));

const QStringList kWords{
    QStringLiteral("invoice"),  QStringLiteral("invoices"), QStringLiteral("refund"),
    QStringLiteral("login"),    QStringLiteral("locked"),   QStringLiteral("account"),
    QStringLiteral("Łódź"),     QStringLiteral("Đorđe"),    QStringLiteral("naročilo"),
    QStringLiteral("sąskaita"), QStringLiteral("e-mail"),   QStringLiteral("crash"),
    QStringLiteral("printer"),  QStringLiteral("café"),     QStringLiteral("Straße"),
    QStringLiteral("1042"),     QStringLiteral("VPN"),      QStringLiteral("račun")};
const QStringList kTags{QStringLiteral("vip"), QStringLiteral("spam"), QStringLiteral("billing"),
                        QStringLiteral("urgent-fix"), QStringLiteral("Ωmega")};
const QStringList kCategories{QStringLiteral("Refund"), QStringLiteral("Login"),
                              QStringLiteral("Ölçü"), QString()};

class Fixture
{
public:
    Fixture()
    {
        auto opened = LocalStore::open(dir.filePath(QStringLiteral("cache.db")));
        QVERIFY2(opened.good(), qPrintable(opened.status().message()));
        store = std::move(*opened);
    }
    QTemporaryDir dir;
    std::unique_ptr<LocalStore> store;
};

// For fixture code that cannot QVERIFY (it returns a value): a write that fails ends the run.
void mustSucceed(const Status &s)
{
    if (!s.good())
        qFatal("fixture write failed: %s", qPrintable(s.message()));
}

QString words(QRandomGenerator &random, int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out.append(kWords.at(random.bounded(int(kWords.size()))));
    return out.join(u' ');
}

QDateTime randomTime(QRandomGenerator &random, int days)
{
    return kNow.addSecs(qint64(random.bounded(-days * 86400, days * 86400))).toUTC();
}

// A store with departments, agents, contacts and random tickets covering every field.
struct RandomData
{
    QList<Department> departments;
    QList<Agent> agents;
    QList<Contact> contacts;
    QList<QUuid> tickets;
};

RandomData fillRandom(LocalStore &store, QRandomGenerator &random, int tickets)
{
    RandomData data;
    const QStringList departmentNames{QStringLiteral("Billing"),
                                      QStringLiteral("Technical support"), QStringLiteral("Sales")};
    const QList<QueueOrder> orders{QueueOrder::CustomerPlan, QueueOrder::SlaDeadlineFirst,
                                   QueueOrder::Fifo};
    for (int i = 0; i < departmentNames.size(); ++i) {
        Department d;
        d.id = ids().next();
        d.name = departmentNames.at(i);
        d.queueOrder = orders.at(i);
        data.departments.append(d);
        mustSucceed(store.put(d));
    }
    const QStringList agentNames{QStringLiteral("Ana Novak"), QStringLiteral("Đorđe Łukasz"),
                                 QStringLiteral("Jonas Petrauskas"), QStringLiteral("Ana Kovač")};
    for (const QString &name : agentNames) {
        Agent a;
        a.id = ids().next();
        a.name = name;
        a.email = name.section(u' ', 0, 0).toLower() + QStringLiteral("@pult.example");
        a.departments = {{data.departments.at(random.bounded(3)).id, 1 + random.bounded(2)}};
        data.agents.append(a);
        mustSucceed(store.put(a));
    }
    for (int i = 0; i < 12; ++i) {
        Contact c;
        c.id = ids().next();
        c.name = words(random, 2);
        c.emails = {QStringLiteral("c%1.%2@example.com").arg(i).arg(kWords.at(i % 5).toLower())};
        c.planTier = random.bounded(3);
        data.contacts.append(c);
        mustSucceed(store.put(c));
    }
    LocalStore::WriteBatch batch(store);
    for (int i = 0; i < tickets; ++i) {
        Ticket t;
        t.id = ids().next();
        if (random.bounded(10) > 0)
            t.number = i + 1;
        t.subject = words(random, 1 + random.bounded(4));
        t.status = TicketStatus(random.bounded(6));
        t.priority = Priority(random.bounded(4));
        if (random.bounded(8) > 0)
            t.departmentId = data.departments.at(random.bounded(3)).id;
        if (random.bounded(3) > 0)
            t.assigneeId = data.agents.at(random.bounded(int(data.agents.size()))).id;
        if (random.bounded(10) > 0)
            t.requesterId = data.contacts.at(random.bounded(int(data.contacts.size()))).id;
        t.channel = Channel(random.bounded(5));
        for (const QString &tag : kTags) {
            if (random.bounded(4) == 0)
                t.tags.append(tag);
        }
        t.category = kCategories.at(random.bounded(int(kCategories.size())));
        t.tier = 1 + random.bounded(3);
        t.created = randomTime(random, 60);
        t.updated = t.created.addSecs(random.bounded(86400 * 5));
        if (random.bounded(2))
            t.firstResponseAt = t.created.addSecs(random.bounded(86400));
        if (random.bounded(3) == 0)
            t.solvedAt = t.created.addSecs(random.bounded(86400 * 10));
        if (t.solvedAt
                .isValid()) // rated or not (0), from the time: the random draws stay as they were
            t.csat = int(t.created.toSecsSinceEpoch() % 6);
        if (random.bounded(3) == 0)
            t.due = randomTime(random, 10);
        if (random.bounded(2))
            t.firstResponseDeadline = t.created.addSecs(random.bounded(3600 * 8));
        if (random.bounded(2))
            t.resolutionDeadline = kNow.addSecs(random.bounded(-86400 * 3, 86400 * 3)).toUTC();
        t.spam = random.bounded(10) == 0;
        if (random.bounded(12) == 0)
            t.mergedInto = ids().next();
        t.unread = random.bounded(2);
        mustSucceed(store.put(t));
        data.tickets.append(t.id);
        const int messages = random.bounded(4);
        for (int m = 0; m < messages; ++m) {
            Message msg = makeMessage(t.id, words(random, 2 + random.bounded(6)), m,
                                      MessageKind(random.bounded(3)));
            if (random.bounded(6) == 0)
                msg.attachments = {{QByteArray("ab12"), QStringLiteral("log.txt"),
                                    QStringLiteral("text/plain"), 12}};
            mustSucceed(store.put(msg));
        }
    }
    mustSucceed(batch.commit());
    return data;
}

QString pick(QRandomGenerator &random, const QStringList &from)
{
    return from.at(random.bounded(int(from.size())));
}

QString someOf(QRandomGenerator &random, const QStringList &from)
{
    QStringList out;
    const int n = 1 + random.bounded(std::min<int>(3, int(from.size())));
    for (int i = 0; i < n; ++i)
        out.append(pick(random, from));
    return out.join(u',');
}

QString op(QRandomGenerator &random)
{
    return pick(random, {QStringLiteral(":"), QStringLiteral("<"), QStringLiteral("<="),
                         QStringLiteral(">"), QStringLiteral(">=")});
}

QString span(QRandomGenerator &random)
{
    return QString::number(1 + random.bounded(60)) +
           pick(random, {QStringLiteral("m"), QStringLiteral("h"), QStringLiteral("d"),
                         QStringLiteral("w")});
}

QString prefixOf(QRandomGenerator &random, const QString &word)
{
    return word.left(std::max<int>(1, 1 + random.bounded(int(word.size()))));
}

// A random filter text: mostly valid, every kind of term, sometimes negated.
QString randomFilter(QRandomGenerator &random)
{
    QStringList terms;
    const int n = 1 + random.bounded(4);
    for (int i = 0; i < n; ++i) {
        QString term;
        switch (random.bounded(21)) {
        case 0:
            term =
                u"status:" + someOf(random, {QStringLiteral("new"), QStringLiteral("open"),
                                             QStringLiteral("pending"), QStringLiteral("on-hold"),
                                             QStringLiteral("solved"), QStringLiteral("closed")});
            break;
        case 1:
            term = u"priority" + op(random) +
                   pick(random, {QStringLiteral("low"), QStringLiteral("normal"),
                                 QStringLiteral("high"), QStringLiteral("urgent")});
            break;
        case 2:
            term = u"assignee:" + someOf(random, {QStringLiteral("me"), QStringLiteral("none"),
                                                  QStringLiteral("ana"), QStringLiteral("novak"),
                                                  QStringLiteral("dorde@pult.example"),
                                                  QStringLiteral("\"jonas petrauskas\"")});
            break;
        case 3:
            term = u"dept:" + someOf(random, {QStringLiteral("billing"), QStringLiteral("tech"),
                                              QStringLiteral("\"technical support\""),
                                              QStringLiteral("SALES")});
            break;
        case 4:
            term = u"category:" + someOf(random, {QStringLiteral("refund"), QStringLiteral("LOGIN"),
                                                  QStringLiteral("ölçü"), QStringLiteral("other")});
            break;
        case 5:
            term = u"tag:" + someOf(random, {QStringLiteral("vip"), QStringLiteral("spam"),
                                             QStringLiteral("Billing"), QStringLiteral("ωmega"),
                                             QStringLiteral("urgent-fix")});
            break;
        case 6:
            term = u"requester:" + prefixOf(random, pick(random, kWords)).toLower();
            break;
        case 7:
            term = u"channel:" + someOf(random, {QStringLiteral("email"), QStringLiteral("phone"),
                                                 QStringLiteral("web-form"), QStringLiteral("chat"),
                                                 QStringLiteral("api")});
            break;
        case 8:
            term = random.bounded(2)
                       ? u"tier" + op(random) + QString::number(1 + random.bounded(3))
                       : u"csat" + op(random) + QString::number(1 + random.bounded(5));
            break;
        case 9:
        case 10: {
            const QString field =
                pick(random, {QStringLiteral("created"), QStringLiteral("updated"),
                              QStringLiteral("due"), QStringLiteral("solved")});
            const QString value = random.bounded(2)
                                      ? span(random)
                                      : randomTime(random, 30).date().toString(Qt::ISODate);
            term = field + op(random) + value;
            break;
        }
        case 11:
            term = random.bounded(3) == 0
                       ? QStringLiteral("sla:breached")
                       : u"sla" +
                             pick(random, {QStringLiteral("<"), QStringLiteral("<="),
                                           QStringLiteral(">"), QStringLiteral(">=")}) +
                             span(random);
            break;
        case 12:
            term = u"is:" + someOf(random, {QStringLiteral("unread"), QStringLiteral("spam"),
                                            QStringLiteral("merged")});
            break;
        case 13:
            term = u"has:" + someOf(random, {QStringLiteral("attachment"), QStringLiteral("note")});
            break;
        case 20: // the shapes the store plans specially, on their own
            term = pick(random, {QStringLiteral("is:spam"), QStringLiteral("has:attachment"),
                                 QStringLiteral("tag:vip"), QStringLiteral("sla<2d"),
                                 QStringLiteral("sla>=1h"), QStringLiteral("-status:closed,solved"),
                                 QStringLiteral("priority:urgent,high"), QStringLiteral("sort:sla"),
                                 QStringLiteral("sort:queue")});
            break;
        case 14:
            term = u'#' + QString::number(1 + random.bounded(320));
            break;
        case 15:
            term = u"sort:" + pick(random, {QStringLiteral("updated"), QStringLiteral("created"),
                                            QStringLiteral("priority"), QStringLiteral("sla"),
                                            QStringLiteral("queue")});
            break;
        case 16:
        case 17:
            term = prefixOf(random, pick(random, kWords));
            break;
        case 18:
            term = pick(random, {QStringLiteral("lodz"), QStringLiteral("dorde"),
                                 QStringLiteral("narocilo"), QStringLiteral("strasse"),
                                 QStringLiteral("CAFE"), QStringLiteral("mail")});
            break;
        default:
            term = u'"' + words(random, 2) + u'"';
            break;
        }
        if (!term.startsWith(u"sort:") && !term.startsWith(u'-') && random.bounded(4) == 0)
            term.prepend(u'-');
        terms.append(term);
    }
    return terms.join(u' ');
}

Department department(const QString &name)
{
    Department d;
    d.id = ids().next();
    d.name = name;
    return d;
}

Agent agent(const QString &name, const QString &email)
{
    Agent a;
    a.id = ids().next();
    a.name = name;
    a.email = email;
    return a;
}

Contact contact(const QString &name)
{
    Contact c;
    c.id = ids().next();
    c.name = name;
    return c;
}

// Keys of a ticket in an order, for checking that a list comes out in it.
bool inOrder(const QList<SortSpec> &order, const TicketFacts &a, const TicketFacts &b)
{
    for (const SortSpec &spec : order) {
        const qint64 x = sortKeyValue(spec.key, a);
        const qint64 y = sortKeyValue(spec.key, b);
        if (x != y)
            return spec.descending ? x > y : x < y;
    }
    return true; // equal keys: the row id decides
}

QList<QUuid> allPages(LocalStore &store, const CompiledFilter &filter, int pageSize)
{
    QList<QUuid> ids;
    std::optional<FilterCursor> cursor;
    for (;;) {
        auto page = store.listFiltered(filter, pageSize, cursor);
        if (!page.good()) {
            qWarning() << page.status().message();
            return {};
        }
        for (const TicketListItem &item : page->items)
            ids.append(item.ticket.id);
        if (!page->next)
            return ids;
        cursor = page->next;
    }
}

// The tickets toSql()'s clause selects under a given plan, run directly.
QSet<QUuid> selectWithPlan(LocalStore &store, const CompiledFilter &filter, const FilterPlan &plan)
{
    const FilterSql sql = toSql(filter, plan);
    auto stmt = store.database().prepareBuilt("SELECT t.id FROM tickets t WHERE " + sql.where);
    if (!stmt.good()) {
        qWarning() << stmt.status().message();
        return {};
    }
    Sql::Statement &s = **stmt;
    int index = 1;
    for (const QVariant &v : sql.parameters) {
        if (v.typeId() == QMetaType::QByteArray)
            s.bind(index++, v.toByteArray());
        else if (v.typeId() == QMetaType::QString)
            s.bind(index++, v.toString());
        else
            s.bind(index++, v.toLongLong());
    }
    QSet<QUuid> ids;
    while (s.next())
        ids.insert(uuidFromBlob(s.blob(0)));
    if (!s.status().good())
        qWarning() << s.status().message();
    s.reset();
    return ids;
}

} // namespace

class TestFilterQuery : public QObject
{
    Q_OBJECT

private:
    FilterContext context(LocalStore &store)
    {
        auto ctx = store.filterContext(kNow);
        ctx->timeZone = QTimeZone("Europe/Ljubljana");
        return *ctx;
    }

    QList<QUuid> select(LocalStore &store, const QString &text)
    {
        const FilterCompile compiled = compileFilter(text, context(store));
        if (!compiled.good()) {
            qWarning() << text << compiled.error->toString();
            return {};
        }
        return allPages(store, compiled.filter, 50);
    }

private Q_SLOTS:
    void sqlAndPredicateSelectTheSameTickets()
    {
        Fixture f;
        const quint32 seed = 20261123;
        QRandomGenerator random(seed);
        const RandomData data = fillRandom(*f.store, random, 320);
        QVERIFY(f.store->setCurrentAgent(data.agents.first().id).good());
        QHash<QUuid, TicketFacts> facts;
        for (const QUuid &id : data.tickets)
            facts.insert(id, *f.store->ticketFacts(id));
        const FilterContext ctx = context(*f.store);

        int compared = 0;
        int nonEmpty = 0;
        QHash<FilterField, int> driven; // how often a term of each field drove a plan
        for (int i = 0; i < 1500; ++i) {
            const QString text = randomFilter(random);
            const FilterCompile compiled = compileFilter(text, ctx);
            QVERIFY2(compiled.good(), qPrintable(text + u" → " + compiled.error->toString()));
            QSet<QUuid> expected;
            for (auto it = facts.cbegin(); it != facts.cend(); ++it) {
                if (matches(compiled.filter, it.value()))
                    expected.insert(it.key());
            }
            // Every plan the store may choose selects the same tickets: each term that can
            // drive on its own, all of them at once, none (a walk), none with lists (a scan).
            QList<FilterPlan> plans{FilterPlan{}, FilterPlan{{}, true}, FilterPlan{}};
            for (int t = 0; t < compiled.filter.terms.size(); ++t) {
                if (!canDrive(compiled.filter.terms.at(t)))
                    continue;
                plans.append(FilterPlan{{t}, false});
                plans.last().driving.append(int(random.bounded(compiled.filter.terms.size())));
                plans[2].driving.append(t);
                ++driven[compiled.filter.terms.at(t).field];
            }
            for (const FilterPlan &plan : std::as_const(plans)) {
                QVERIFY2(selectWithPlan(*f.store, compiled.filter, plan) == expected,
                         qPrintable(QStringLiteral("filter %1, driven by %2%3: not the predicate's "
                                                   "tickets")
                                        .arg(text)
                                        .arg(QString::number(plan.driving.value(0, -1)))
                                        .arg(plan.scan ? QStringLiteral(" (scan)") : QString())));
            }
            // The store's own choice, with walks of the order's index long enough to fill most
            // pages and so short that most give way to the driven plan.
            QVERIFY(f.store->setFilterWalkRows(random.bounded(2) ? 20000 : 1 + random.bounded(8))
                        .good());
            const QList<QUuid> listed = allPages(*f.store, compiled.filter, 1 + random.bounded(40));
            const QSet<QUuid> got(listed.cbegin(), listed.cend());
            QVERIFY2(got.size() == listed.size(), qPrintable(u"a ticket listed twice: " + text));
            if (got != expected) {
                const QSet<QUuid> onlySql = got - expected;
                const QSet<QUuid> onlyPredicate = expected - got;
                QFAIL(qPrintable(QStringLiteral("filter %1 (seed %2): %3 only in SQL, %4 only in "
                                                "the predicate, of %5")
                                     .arg(text)
                                     .arg(seed)
                                     .arg(onlySql.size())
                                     .arg(onlyPredicate.size())
                                     .arg(expected.size())));
            }
            auto count = f.store->countFiltered(compiled.filter);
            QVERIFY(count.good());
            QCOMPARE(*count, qint64(expected.size()));
            for (qsizetype k = 1; k < listed.size(); ++k) {
                QVERIFY2(inOrder(compiled.filter.order, facts.value(listed.at(k - 1)),
                                 facts.value(listed.at(k))),
                         qPrintable(u"out of order: " + text));
            }
            ++compared;
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        QCOMPARE(compared, 1500);
        for (FilterField field :
             {FilterField::Status, FilterField::Priority, FilterField::Department,
              FilterField::Assignee, FilterField::Tag, FilterField::Has, FilterField::Is,
              FilterField::Text, FilterField::Sla, FilterField::Created, FilterField::Updated,
              FilterField::Number, FilterField::Requester})
            QVERIFY2(driven.value(field) >= 20, "every kind of driving term is tried");
        QVERIFY2(nonEmpty > 500, "the random filters should select something most of the time");
    }

    void namesResolveOrExplain()
    {
        Fixture f;
        QRandomGenerator random(7);
        const RandomData data = fillRandom(*f.store, random, 10);
        FilterContext ctx = context(*f.store);

        FilterCompile c = compileFilter(QStringLiteral("status:open dept:billng"), ctx);
        QVERIFY(!c.good());
        QCOMPARE(c.error->toString(), QStringLiteral("column 13: no department is called "
                                                     "\"billng\" — did you mean \"Billing\"?"));
        c = compileFilter(QStringLiteral("assignee:me"), ctx);
        QVERIFY(!c.good());
        QCOMPARE(c.error->message, QStringLiteral("assignee:me needs a signed-in agent"));
        c = compileFilter(QStringLiteral("assignee:zoltan"), ctx);
        QVERIFY(!c.good());
        QCOMPARE(c.error->position, 0);

        // "ana" names two agents; the full name or the address one.
        c = compileFilter(QStringLiteral("assignee:ana"), ctx);
        QVERIFY(c.good());
        QCOMPARE(c.filter.terms.first().ids.size(), 2);
        c = compileFilter(QStringLiteral("assignee:\"ana novak\""), ctx);
        QCOMPARE(c.filter.terms.first().ids, QList<QUuid>{data.agents.at(0).id});
        c = compileFilter(QStringLiteral("assignee:dorde@pult.example"), ctx);
        QCOMPARE(c.filter.terms.first().ids, QList<QUuid>{data.agents.at(1).id});
        c = compileFilter(QStringLiteral("assignee:lukasz"), ctx); // Łukasz, folded
        QCOMPARE(c.filter.terms.first().ids, QList<QUuid>{data.agents.at(1).id});
        c = compileFilter(QStringLiteral("dept:tech"), ctx);
        QCOMPARE(c.filter.terms.first().ids, QList<QUuid>{data.departments.at(1).id});
        c = compileFilter(QStringLiteral("dept:\"TECHNICAL SUPPORT\",sales"), ctx);
        QCOMPARE(c.filter.terms.first().ids,
                 (QList<QUuid>{data.departments.at(1).id, data.departments.at(2).id}));
        // Punctuation alone is not searched for; a requester needs something to look for.
        c = compileFilter(QStringLiteral("status:open --- ..."), ctx);
        QVERIFY(c.good());
        QCOMPARE(c.filter.terms.size(), 1);
        c = compileFilter(QStringLiteral("requester:@@"), ctx);
        QVERIFY(!c.good());
    }

    void everyTermMeansWhatTheDocsSay()
    {
        Fixture f;
        LocalStore &store = *f.store;
        const Department billing = department(QStringLiteral("Billing"));
        QVERIFY(store.put(billing).good());
        const Agent ana = agent(QStringLiteral("Ana Novak"), QStringLiteral("ana@pult.example"));
        QVERIFY(store.put(ana).good());
        QVERIFY(store.setCurrentAgent(ana.id).good());
        Contact vip = contact(QStringLiteral("Marta Kowalska"));
        vip.emails = {QStringLiteral("marta@firma.pl")};
        vip.planTier = 2;
        QVERIFY(store.put(vip).good());

        const auto ticket = [&](qint64 number, const QString &subject) {
            Ticket t = makeTicket(number, subject, 0);
            t.created = kNow.addDays(-number).toUTC();
            t.updated = t.created;
            return t;
        };
        Ticket a = ticket(1, QStringLiteral("Invoice for March"));
        a.assigneeId = ana.id;
        a.departmentId = billing.id;
        a.requesterId = vip.id;
        a.due = kNow.addSecs(3600).toUTC();
        a.resolutionDeadline = kNow.addSecs(5400).toUTC(); // breaches in 1.5 h
        a.tags = {QStringLiteral("VIP")};
        Ticket b = ticket(2, QStringLiteral("Login locked"));
        b.resolutionDeadline = kNow.addSecs(-60).toUTC(); // breached a minute ago
        b.category = QStringLiteral("Ölçü");
        Ticket c = ticket(10, QStringLiteral("Printer on fire"));
        c.status = TicketStatus::Solved;
        c.solvedAt = kNow.addDays(-9).toUTC();
        c.firstResponseDeadline = c.created.addSecs(3600);
        c.firstResponseAt = c.created.addSecs(7200); // answered late: breached, though solved
        for (const Ticket &t : {a, b, c})
            QVERIFY(store.put(t).good());
        Message note = makeMessage(b.id, QStringLiteral("Customer says the e-mail never came"), 1,
                                   MessageKind::InternalNote);
        note.attachments = {{QByteArray("ff"), QStringLiteral("x.log"), QString(), 1}};
        QVERIFY(store.put(note).good());

        const auto is = [&](const QString &text, const QList<QUuid> &expected) {
            const QList<QUuid> got = select(store, text);
            QVERIFY2(QSet<QUuid>(got.cbegin(), got.cend()) ==
                         QSet<QUuid>(expected.cbegin(), expected.cend()),
                     qPrintable(text));
        };
        is(QStringLiteral("assignee:me"), {a.id});
        is(QStringLiteral("assignee:none"), {b.id, c.id});
        is(QStringLiteral("-assignee:me"), {b.id, c.id});
        is(QStringLiteral("dept:billing tag:vip"), {a.id});
        is(QStringLiteral("category:ÖLÇÜ"), {b.id}); // Unicode case, not only ASCII
        is(QStringLiteral("created<2d"), {a.id});    // a day old
        is(QStringLiteral("created>2d"), {c.id});
        is(QStringLiteral("created>=2026-03-13 created<=2026-03-14"), {a.id, b.id});
        is(QStringLiteral("created:2026-03-13"), {b.id}); // the day in Ljubljana
        is(QStringLiteral("due<2h"), {a.id});
        is(QStringLiteral("-due<2h"), {b.id, c.id}); // no due date: not "due soon"
        is(QStringLiteral("solved<10d"), {c.id});
        is(QStringLiteral("sla:breached"), {b.id, c.id});
        // Time left until the next deadline: breached ones have less than any span left.
        is(QStringLiteral("sla<2h"), {a.id, b.id});
        is(QStringLiteral("sla<1h"), {b.id});
        is(QStringLiteral("sla>1h"), {a.id});
        is(QStringLiteral("sla>2h"), {});
        is(QStringLiteral("-sla<2h"), {c.id});
        is(QStringLiteral("has:note has:attachment"), {b.id});
        is(QStringLiteral("mail"), {b.id});     // a word of the note, as a prefix
        is(QStringLiteral("invoic"), {a.id});   // prefix of the subject
        is(QStringLiteral("\"invoic\""), {});   // a phrase is exact
        is(QStringLiteral("kowalska"), {a.id}); // the requester's name
        is(QStringLiteral("requester:marta@firma.pl"), {a.id});
        is(QStringLiteral("#10"), {c.id});
        is(QStringLiteral("tag:\"x' OR 1=1 --\""), {}); // bound, never spliced
        is(QStringLiteral("\"') OR 1=1 --\""), {});

        // Orders.
        const auto order = [&](const QString &text) { return select(store, text); };
        QCOMPARE(order(QStringLiteral("sort:created")), (QList<QUuid>{a.id, b.id, c.id}));
        QCOMPARE(order(QStringLiteral("sort:sla")), (QList<QUuid>{b.id, a.id, c.id}));
    }

    void countsFromCountersAgreeWithCounting()
    {
        Fixture f;
        QRandomGenerator random(11);
        const RandomData data = fillRandom(*f.store, random, 200);
        QVERIFY(f.store->setCurrentAgent(data.agents.first().id).good());
        const FilterContext ctx = context(*f.store);
        for (const QString &text :
             {QStringLiteral("status:open,pending"), QStringLiteral("dept:billing,sales"),
              QStringLiteral("assignee:none status:new"), QStringLiteral("assignee:me,ana"),
              QString()}) {
            const FilterCompile c = compileFilter(text, ctx);
            QVERIFY(c.good());
            // The same filter plus a term that holds for every ticket, counted the slow way.
            CompiledFilter slow = c.filter;
            CompiledTerm always;
            always.field = FilterField::Tier;
            always.low = 0;
            slow.terms.append(always);
            QCOMPARE(*f.store->countFiltered(c.filter), *f.store->countFiltered(slow));
            QCOMPARE(*f.store->countFiltered(c.filter),
                     qint64(allPages(*f.store, c.filter, 100).size()));
        }
    }

    void queueOrdersAndNextTicket()
    {
        Fixture f;
        LocalStore &store = *f.store;
        Department dept = department(QStringLiteral("Support"));
        dept.queueOrder = QueueOrder::Fifo;
        QVERIFY(store.put(dept).good());
        Agent tier1 = agent(QStringLiteral("One"), QStringLiteral("one@x"));
        tier1.departments = {{dept.id, 1}};
        Agent tier2 = agent(QStringLiteral("Two"), QStringLiteral("two@x"));
        tier2.departments = {{dept.id, 2}};
        const Agent nobody = agent(QStringLiteral("None"), QStringLiteral("none@x"));
        for (const Agent &a : {tier1, tier2, nobody})
            QVERIFY(store.put(a).good());
        Contact gold = contact(QStringLiteral("Gold"));
        gold.planTier = 3;
        QVERIFY(store.put(gold).good());

        const auto make = [&](int ageHours, Priority p, int tier) {
            Ticket t = makeTicket(0, QStringLiteral("t"), 0, TicketStatus::Open, dept.id);
            t.number.reset();
            t.created = kNow.addSecs(-3600 * ageHours).toUTC();
            t.updated = t.created;
            t.priority = p;
            t.tier = tier;
            return t;
        };
        Ticket oldest = make(10, Priority::Low, 1);
        Ticket urgent = make(2, Priority::Urgent, 1);
        Ticket planned = make(1, Priority::Normal, 1);
        planned.requesterId = gold.id;
        Ticket escalated = make(3, Priority::Normal, 2);
        escalated.resolutionDeadline = kNow.addSecs(600).toUTC();
        Ticket taken = make(20, Priority::Urgent, 1);
        taken.assigneeId = tier1.id;
        Ticket spam = make(30, Priority::Urgent, 1);
        spam.spam = true;
        for (const Ticket &t : {oldest, urgent, planned, escalated, taken, spam})
            QVERIFY(store.put(t).good());

        QCOMPARE((*store.nextTicket(tier1.id))->id, oldest.id);    // FIFO, own tier only
        QCOMPARE((*store.nextTicket(tier2.id))->id, escalated.id); // own tier first
        QVERIFY(!store.nextTicket(nobody.id)->has_value());
        QCOMPARE(store.nextTicket(ids().next()).status().code(), Status::NotFound);

        const auto firstInQueue = [&](QueueOrder order) {
            dept.queueOrder = order;
            mustSucceed(store.put(dept));
            return (*store.nextTicket(tier1.id))->id;
        };
        QCOMPARE(firstInQueue(QueueOrder::Fifo), oldest.id);
        QCOMPARE(firstInQueue(QueueOrder::PriorityThenAge), urgent.id);
        QCOMPARE(firstInQueue(QueueOrder::CustomerPlan), planned.id);
        dept.queueOrder = QueueOrder::SlaDeadlineFirst;
        QVERIFY(store.put(dept).good());
        QCOMPARE((*store.nextTicket(tier2.id))->id, escalated.id);

        // sort:queue follows the department's order when the filter names one department.
        const QList<QUuid> queue = select(store, QStringLiteral("dept:support assignee:none "
                                                                "-is:spam tier:1 sort:queue"));
        QCOMPARE(queue.size(), 3);
        dept.queueOrder = QueueOrder::PriorityThenAge;
        QVERIFY(store.put(dept).good());
        QCOMPARE(select(store, QStringLiteral("dept:support assignee:none -is:spam tier:1 "
                                              "sort:queue")),
                 (QList<QUuid>{urgent.id, planned.id, oldest.id}));
    }

    void theVocabularyListsWhatIsInUse()
    {
        Fixture f;
        QRandomGenerator random(3);
        const RandomData data = fillRandom(*f.store, random, 60);
        auto vocabulary = f.store->filterVocabulary();
        QVERIFY(vocabulary.good());
        QCOMPARE(vocabulary->departments.size(), data.departments.size());
        QCOMPARE(vocabulary->agents.size(), data.agents.size());
        QVERIFY(vocabulary->agentEmails.contains(QStringLiteral("ana@pult.example")));
        // Distinct, sorted, normalised as stored; empty categories left out.
        QCOMPARE(vocabulary->tags, (QStringList{QStringLiteral("billing"), QStringLiteral("spam"),
                                                QStringLiteral("urgent-fix"), QStringLiteral("vip"),
                                                QStringLiteral("ωmega")}));
        QCOMPARE(vocabulary->categories,
                 (QStringList{QStringLiteral("Login"), QStringLiteral("Refund"),
                              QStringLiteral("Ölçü")}));
    }

    void theSqlNeverContainsWhatTheUserTyped()
    {
        Fixture f;
        const FilterCompile c = compileFilter(
            QStringLiteral("tag:\"robert'); drop table tickets;--\" category:xyzzy invoice"),
            context(*f.store));
        QVERIFY(c.good());
        const FilterSql sql = toSql(c.filter);
        QVERIFY(!sql.where.contains("robert"));
        QVERIFY(!sql.where.contains("xyzzy"));
        QVERIFY(!sql.where.contains("invoice"));
        QCOMPARE(sql.parameters.size(), 3);
        QVERIFY(f.store->listFiltered(c.filter).good());
        QCOMPARE(*f.store->ticketCount(), 0);
    }

    void aCursorOfAnotherOrderIsRefused()
    {
        Fixture f;
        CompiledFilter filter;
        auto page = f.store->listFiltered(filter, 10, FilterCursor{{1, 2, 3}});
        QCOMPARE(page.status().code(), Status::Invalid);
        QCOMPARE(f.store->listFiltered(filter, 0).status().code(), Status::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestFilterQuery)
#include "tst_filterquery.moc"
