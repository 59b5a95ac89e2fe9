// The op rules in process, table-driven: Accounts and ServerStore opened directly (no pultd, no
// HTTP) on a temporary data directory, or with PULT_TEST_DB=postgresql on a fresh database of a
// PostgreSQL 15 the test starts (postgresprocess.h). Each row names who applies the op, the ops
// that set the stage, the op itself, its expected result (applied, or rejected with which code)
// and the changes it adds to the actor's feed: their kinds in order, and fields of their
// snapshots. One store is shared by all rows; every row works on its own fresh tickets and ids.

#include "accounts.h"
#include "mailboxes.h"
#include "postgresprocess.h"
#include "serverstore.h"
#include "uuid.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Pult;

namespace {

const QString kPassword = QStringLiteral("a long enough password");

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON in the test table: %s: %s", qPrintable(error.errorString()),
                 json.constData());
    return document.object();
}

// A value of a snapshot as text: strings as they are, arrays joined with commas, null "null".
QString asText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isUndefined())
        return QStringLiteral("undefined");
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items.append(item.isObject()
                             ? QString::fromUtf8(
                                   QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact))
                             : asText(item));
        return items.join(u',');
    }
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// A setup op: a ticket in a department, made by the admin.
QString ticketIn(const QString &ticket, const QString &department, const QString &extra = {})
{
    return QStringLiteral(R"({"type":"create_ticket","ticket":{"id":"%1","subject":"Setup",)"
                          R"("department_id":"%2"%3}})")
        .arg(ticket, department, extra);
}

QString ticketIn(const char *ticket, const char *department, const QString &extra = {})
{
    return ticketIn(QString::fromLatin1(ticket), QString::fromLatin1(department), extra);
}

// A list of texts written as {"a", "b"}.
struct L : QStringList
{
    L(std::initializer_list<const char *> items)
    {
        for (const char *item : items)
            append(QString::fromUtf8(item));
    }
};

} // namespace

class TestOpRules : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataDir;
    std::unique_ptr<PultdTest::PostgresServer> m_postgres;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<ServerStore> m_store;
    QMap<QString, AgentSession> m_sessions; // agent, sales, lead, admin
    QMap<QString, QString> m_names;         // placeholders shared by all rows
    qint64 m_now = 1'780'000'000'000;
    QString m_url; // the PostgreSQL database, or empty for SQLite

    // The text with $NAME placeholders replaced: the fixture's, and the row's fresh ids.
    QString fill(const QString &text, const QMap<QString, QString> &row) const
    {
        static const QRegularExpression placeholder(QStringLiteral(R"(\$([A-Z]+[0-9]*))"));
        QString out;
        qsizetype from = 0;
        auto it = placeholder.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += text.mid(from, m.capturedStart() - from);
            const QString name = m.captured(1);
            out += row.contains(name)       ? row.value(name)
                   : m_names.contains(name) ? m_names.value(name)
                                            : m.captured(0);
            from = m.capturedEnd();
        }
        return out + text.mid(from);
    }

    QJsonArray applyAs(const QString &who, const QJsonArray &ops)
    {
        m_now += 1000; // every batch a second later: "updated" changes with every edit
        auto results = m_store->apply(m_sessions.value(who), ops, m_now);
        if (!results.good()) {
            qWarning("apply failed: %s", qPrintable(results.status().message()));
            return {};
        }
        return *results;
    }

    QJsonArray changesSince(const QString &who, qint64 since)
    {
        auto page = m_store->changes(m_sessions.value(who), since, ServerStore::kMaxChangesPerPage);
        if (!page.good())
            return {};
        return parse(QByteArray::fromStdString(*page)).value(QLatin1String("changes")).toArray();
    }

    qint64 revision()
    {
        auto r = m_store->revision();
        return r.good() ? *r : -1;
    }

    static QJsonObject withId(QJsonObject op)
    {
        if (!op.contains(QLatin1String("id")))
            op.insert(QStringLiteral("id"), uuidToString(QUuid::createUuid()));
        return op;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        QString url;
        if (qgetenv("PULT_TEST_DB") == "postgresql") {
            m_postgres = std::make_unique<PultdTest::PostgresServer>();
            QVERIFY2(m_postgres->start(), qPrintable(m_postgres->error()));
            QVERIFY2(m_postgres->createDatabase(QStringLiteral("oprules")),
                     qPrintable(m_postgres->error()));
            url = m_postgres->url(QStringLiteral("oprules"));
            m_url = url;
        }
        const std::filesystem::path dir = m_dataDir.path().toStdString();
        auto accounts = Accounts::open(dir, url);
        QVERIFY2(accounts.good(), qPrintable(accounts.status().message()));
        m_accounts = std::move(*accounts);
        auto store = ServerStore::open(dir, url);
        QVERIFY2(store.good(), qPrintable(store.status().message()));
        m_store = std::move(*store);
        m_store->setStatusLinkKey(QByteArray(32, 'k')); // rotate_status_link derives tokens

        auto hash = Accounts::hashPassword(kPassword);
        QVERIFY(hash.good());
        struct Person
        {
            const char *key;
            const char *email;
            Role role;
            QList<std::pair<QString, int>> departments;
        };
        const QList<Person> people{
            {"agent", "ana@example.com", Role::Agent, {{QStringLiteral("Billing"), 1}}},
            {"sales", "sam@example.com", Role::Agent, {{QStringLiteral("Sales"), 1}}},
            {"lead", "lea@example.com", Role::Lead, {{QStringLiteral("Billing"), 2}}},
            {"admin", "adam@example.com", Role::Admin, {}},
            {"spare", "spare@example.com", Role::Agent, {{QStringLiteral("Billing"), 1}}},
        };
        for (const Person &p : people) {
            NewAgent agent;
            agent.email = QString::fromLatin1(p.email);
            agent.name = QString::fromLatin1(p.key).toUpper();
            agent.role = p.role;
            agent.departments = p.departments;
            auto added = m_accounts->addAgent(agent, *hash);
            QVERIFY2(added.good(), qPrintable(added.status().message()));
            auto login =
                m_accounts->login(agent.email, kPassword, QStringLiteral("127.0.0.1"), m_now);
            QVERIFY(std::holds_alternative<Accounts::Login>(login));
            const AgentSession session = std::get<Accounts::Login>(login).session;
            m_sessions.insert(QString::fromLatin1(p.key), session);
            m_names.insert(QString::fromLatin1(p.key).toUpper(), uuidToString(session.agent.id));
        }
        for (const Department &d : m_sessions.value(QStringLiteral("agent")).departments)
            m_names.insert(QStringLiteral("BILLING"), uuidToString(d.id));
        for (const Department &d : m_sessions.value(QStringLiteral("sales")).departments)
            m_names.insert(QStringLiteral("SALES"), uuidToString(d.id));
        QVERIFY(m_names.contains(QStringLiteral("BILLING")));
        QVERIFY(m_names.contains(QStringLiteral("SALES")));
        m_names.insert(QStringLiteral("SALESAGENT"),
                       uuidToString(m_sessions.value(QStringLiteral("sales")).agent.id));
        // The same ids as a client may write them: upper case.
        m_names.insert(QStringLiteral("UPPERSALES"),
                       m_names.value(QStringLiteral("SALES")).toUpper());
        m_names.insert(QStringLiteral("UPPERSALESAGENT"),
                       m_names.value(QStringLiteral("SALESAGENT")).toUpper());
        m_names.insert(QStringLiteral("LONG"), QString(4001, u'x'));
        m_names.insert(QStringLiteral("HASH"), QString(64, u'a'));
    }

    void rules_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QStringList>("setup");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QStringList>("checks");

        const QString billing1 = ticketIn(QStringLiteral("$T1"), QStringLiteral("$BILLING"));
        const QString billing2 = ticketIn(QStringLiteral("$T2"), QStringLiteral("$BILLING"));
        const QString sales1 = ticketIn(QStringLiteral("$T1"), QStringLiteral("$SALES"));
        const QString sales2 = ticketIn(QStringLiteral("$T2"), QStringLiteral("$SALES"));
        const QString applied = QStringLiteral("applied");
        const QString rejected = QStringLiteral("rejected");
        const QString invalidOp = QStringLiteral("invalid_op");
        const QString notFound = QStringLiteral("not_found");
        const QString forbidden = QStringLiteral("forbidden");
        const auto row = [](const char *name, const char *who, const QStringList &setup,
                            const QString &op, const QString &status, const QString &code,
                            const QStringList &kinds, const QStringList &checks = {}) {
            QTest::newRow(name) << QString::fromLatin1(who) << setup << op << status << code
                                << kinds << checks;
        };
        const auto ok = [&](const char *name, const char *who, const QStringList &setup,
                            const QString &op, const QStringList &kinds,
                            const QStringList &checks = {}) {
            row(name, who, setup, op, applied, QString(), kinds, checks);
        };
        const auto no = [&](const char *name, const char *who, const QStringList &setup,
                            const QString &op,
                            const QString &code) { row(name, who, setup, op, rejected, code, {}); };
        const auto s = [](const char *text) { return QString::fromUtf8(text); };

        // create_ticket
        ok("create_ticket: full, new requester", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":" Invoice wrong ",
                "department_id":"$BILLING","priority":"high","tags":["VAT"," Refund ","vat"],
                "requester":{"id":"$N2","email":"c$N1@firma.pl","name":"Marta"}},
                "message_id":"$N3","body":"My invoice is wrong."})"),
           L{"contact", "ticket", "history", "message"},
           L{"contact.name=Marta", "contact.id=$N2", "ticket.status=new", "ticket.priority=high",
             "ticket.subject=Invoice wrong", "ticket.tags=vat,refund", "ticket.requester_id=$N2",
             "ticket.assignee_id=null", "history.field=created", "history.old=null",
             "message.kind=customer", "message.id=$N3", "message.ticket_id=$T1"});
        ok("create_ticket: minimal", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$BILLING"}})"),
           L{"ticket", "history"},
           L{"ticket.priority=normal", "ticket.channel=email", "ticket.tier=1",
             "ticket.requester_id=null", "history.actor_id=$AGENT"});
        ok("create_ticket: known requester is reused", "agent",
           {ticketIn("$T2", "$BILLING", s(R"(,"requester":{"id":"$N2","email":"k$N1@firma.pl"})"))},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Again","department_id":"$BILLING",
                "requester":{"email":"K$N1@FIRMA.PL","name":"Other"}}})"),
           L{"ticket", "history"}, L{"ticket.requester_id=$N2"});
        ok("create_ticket: admin in any department", "admin", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$SALES"}})"),
           L{"ticket", "history"}, L{"ticket.department_id=$SALES"});
        ok("create_ticket: lead in own department", "lead", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$BILLING"}})"),
           L{"ticket", "history"});
        no("create_ticket: no subject", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"  ","department_id":"$BILLING"}})"),
           invalidOp);
        no("create_ticket: no ticket id", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"subject":"Hi","department_id":"$BILLING"}})"),
           invalidOp);
        no("create_ticket: other department", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$SALES"}})"),
           forbidden);
        no("create_ticket: lead, other department", "lead", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$SALES"}})"),
           forbidden);
        no("create_ticket: unknown department", "admin", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$N1"}})"),
           forbidden);
        no("create_ticket: duplicate id", "agent", {billing1},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$BILLING"}})"),
           QStringLiteral("duplicate_id"));
        no("create_ticket: unknown priority", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$BILLING","priority":"asap"}})"),
           invalidOp);
        no("create_ticket: unknown channel", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$BILLING","channel":"fax"}})"),
           invalidOp);
        no("create_ticket: requester without e-mail", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$BILLING","requester":{"name":"X"}}})"),
           invalidOp);
        no("create_ticket: body without message id", "agent", {},
           s(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"Hi","department_id":"$BILLING"},"body":"text"})"),
           invalidOp);

        // add_message
        ok("add_message: reply", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":"Fixed."}})"),
           L{"message", "ticket"},
           L{"message.kind=reply", "message.author_id=$AGENT", "message.body=Fixed.",
             "message.attachments=", "ticket.first_response_at=*"});
        ok("add_message: note sets no first response", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"note","body":"Hm."}})"),
           L{"message", "ticket"}, L{"message.kind=note", "ticket.first_response_at=null"});
        ok("add_message: customer, by lead", "lead", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"customer","body":"Thanks"}})"),
           L{"message", "ticket"}, L{"message.kind=customer"});
        ok("add_message: admin, other department", "admin", {sales1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":"Hi"}})"),
           L{"message", "ticket"});
        no("add_message: ticket of other department", "agent", {sales1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":"Hi"}})"),
           notFound);
        no("add_message: unknown ticket", "agent", {},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":"Hi"}})"),
           notFound);
        no("add_message: unknown kind", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"shout","body":"Hi"}})"),
           invalidOp);
        no("add_message: blank body", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":" "}})"),
           invalidOp);
        no("add_message: no message id", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"kind":"reply","body":"Hi"}})"),
           invalidOp);
        no("add_message: inline attachment content", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":"Hi",
                "attachments":[{"hash":"$HASH","name":"a.txt","size":1,"content":"YQ=="}]}})"),
           QStringLiteral("invalid"));
        no("add_message: malformed attachment", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":"Hi",
                "attachments":[{"hash":"xyz","name":"a.txt","size":1}]}})"),
           invalidOp);
        no("add_message: attachment not uploaded", "agent", {billing1},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"reply","body":"Hi",
                "attachments":[{"hash":"$HASH","name":"a.txt","size":1}]}})"),
           QStringLiteral("attachment_missing"));
        no("add_message: duplicate message id", "agent",
           {billing1,
            s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"note","body":"1"}})")},
           s(R"({"type":"add_message","ticket_id":"$T1","message":{"id":"$N1","kind":"note","body":"2"}})"),
           QStringLiteral("duplicate_id"));

        // set_fields
        ok("set_fields: solved", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"status":"solved"}})"),
           L{"history", "ticket"},
           L{"ticket.status=solved", "ticket.solved_at=*", "history.field=status",
             "history.old=new", "history.new=solved", "history.actor_id=$AGENT"});
        ok("set_fields: two fields, two events", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"priority":"HIGH","category":"refunds"}})"),
           L{"history", "history", "ticket"},
           L{"ticket.priority=high", "ticket.category=refunds", "history.field=priority",
             "history.old=normal", "history.new=high"});
        ok("set_fields: the same value changes nothing", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"status":"new"}})"), L{});
        ok("set_fields: tier, due", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"tier":2,"due":"2026-12-24T10:00:00+02:00"}})"),
           L{"history", "history", "ticket"},
           L{"ticket.tier=2", "ticket.due=2026-12-24T08:00:00.000Z", "history.field=tier",
             "history.old=1", "history.new=2"});
        no("set_fields: assignee of another department", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"assignee_id":"$SALESAGENT"}})"),
           invalidOp);
        ok("set_fields: an admin holds tickets of any department", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"assignee_id":"$ADMIN"}})"),
           L{"history", "ticket"}, L{"ticket.assignee_id=$ADMIN", "history.old=null"});
        ok("set_fields: moved away from its assignee, it is let go", "admin",
           {billing1, s(R"({"as":"agent","type":"take","ticket_id":"$T1"})")},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"department_id":"$SALES"}})"),
           L{"history", "history", "ticket", "history", "history"},
           L{"ticket.department_id=$SALES", "ticket.assignee_id=null",
             "history#2.field=assignee_id", "history#2.old=$AGENT", "history#2.new=null",
             "history.field=assignee_id", "history.old=null", "history.new=$AGENT"});
        ok("set_fields: moved to another department is gone", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"department_id":"$SALES"}})"),
           L{"gone"}, L{"gone.ticket_id=$T1"});
        ok("set_fields: moved, seen by admin", "admin", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"department_id":"$SALES"}})"),
           L{"history", "ticket", "history"},
           L{"ticket.department_id=$SALES", "history#1.old=$BILLING", "history#1.new=$SALES",
             "history.field=created"});
        ok("set_fields: ids written in upper case are stored as ids", "admin", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"department_id":"$UPPERSALES","assignee_id":"$UPPERSALESAGENT"}})"),
           L{"history", "history", "ticket", "history"},
           L{"ticket.department_id=$SALES", "ticket.assignee_id=$SALESAGENT"});
        ok("set_fields: the same id in another case is no change", "admin",
           {billing1,
            s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"department_id":"$SALES"}})")},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"department_id":"$UPPERSALES"}})"),
           L{});
        ok("set_fields: lead", "lead", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"status":"pending"}})"),
           L{"history", "ticket"}, L{"ticket.status=pending"});
        no("set_fields: unknown status", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"status":"done"}})"), invalidOp);
        no("set_fields: a field that cannot be set", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"subject":"x"}})"), invalidOp);
        no("set_fields: no fields", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{}})"), invalidOp);
        no("set_fields: tier out of range", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"tier":10}})"), invalidOp);
        no("set_fields: bad due", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"due":"tomorrow"}})"), invalidOp);
        no("set_fields: unknown assignee", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"assignee_id":"$N1"}})"),
           invalidOp);
        no("set_fields: unknown department", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"department_id":"$N1"}})"),
           invalidOp);
        no("set_fields: one bad field undoes the good one", "agent", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"priority":"low","status":"x"}})"),
           invalidOp);
        no("set_fields: ticket of other department", "agent", {sales1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"status":"open"}})"), notFound);
        no("set_fields: other department's agent", "sales", {billing1},
           s(R"({"type":"set_fields","ticket_id":"$T1","fields":{"status":"open"}})"), notFound);

        // add_tags, remove_tags
        ok("add_tags", "agent", {billing1},
           s(R"({"type":"add_tags","ticket_id":"$T1","tags":["Urgent"," vip ","urgent"]})"),
           L{"history", "ticket"},
           L{"ticket.tags=urgent,vip", "history.field=tags",
             "history.old=", "history.new=urgent,vip"});
        ok("add_tags: present already", "agent",
           {ticketIn("$T1", "$BILLING", s(R"(,"tags":["vip"])"))},
           s(R"({"type":"add_tags","ticket_id":"$T1","tags":["VIP"]})"), L{});
        no("add_tags: without tags", "agent", {billing1},
           s(R"({"type":"add_tags","ticket_id":"$T1"})"), invalidOp);
        no("add_tags: empty tag", "agent", {billing1},
           s(R"({"type":"add_tags","ticket_id":"$T1","tags":["ok",""]})"), invalidOp);
        no("add_tags: unknown ticket", "agent", {},
           s(R"({"type":"add_tags","ticket_id":"$T1","tags":["a"]})"), notFound);
        no("add_tags: ticket of other department", "agent", {sales1},
           s(R"({"type":"add_tags","ticket_id":"$T1","tags":["a"]})"), notFound);
        ok("remove_tags", "agent", {ticketIn("$T1", "$BILLING", s(R"(,"tags":["a","b"])"))},
           s(R"({"type":"remove_tags","ticket_id":"$T1","tags":[" A ","zzz"]})"),
           L{"history", "ticket"}, L{"ticket.tags=b", "history.old=a,b", "history.new=b"});
        ok("remove_tags: absent", "agent", {billing1},
           s(R"({"type":"remove_tags","ticket_id":"$T1","tags":["a"]})"), L{});
        no("remove_tags: empty tag", "agent", {billing1},
           s(R"({"type":"remove_tags","ticket_id":"$T1","tags":[" "]})"), invalidOp);
        no("remove_tags: ticket of other department", "agent", {sales1},
           s(R"({"type":"remove_tags","ticket_id":"$T1","tags":["a"]})"), notFound);

        // take
        ok("take", "agent", {billing1}, s(R"({"type":"take","ticket_id":"$T1"})"),
           L{"history", "ticket"},
           L{"ticket.assignee_id=$AGENT", "history.field=assignee_id", "history.new=$AGENT"});
        ok("take: own ticket again", "agent",
           {billing1, s(R"({"as":"agent","type":"take","ticket_id":"$T1"})")},
           s(R"({"type":"take","ticket_id":"$T1"})"), L{});
        no("take: held by someone else", "agent",
           {billing1, s(R"({"type":"take","ticket_id":"$T1"})")},
           s(R"({"type":"take","ticket_id":"$T1"})"), QStringLiteral("already_taken"));
        no("take: ticket of other department", "agent", {sales1},
           s(R"({"type":"take","ticket_id":"$T1"})"), notFound);
        no("take: no ticket_id", "agent", {}, s(R"({"type":"take"})"), invalidOp);

        // mark_spam
        ok("mark_spam", "agent", {billing1},
           s(R"({"type":"mark_spam","ticket_id":"$T1","spam":true})"), L{"history", "ticket"},
           L{"ticket.spam=true", "history.field=spam", "history.old=false", "history.new=true"});
        ok("mark_spam: unchanged", "agent", {billing1},
           s(R"({"type":"mark_spam","ticket_id":"$T1","spam":false})"), L{});
        no("mark_spam: not a bool", "agent", {billing1},
           s(R"({"type":"mark_spam","ticket_id":"$T1","spam":"yes"})"), invalidOp);
        no("mark_spam: unknown ticket", "agent", {},
           s(R"({"type":"mark_spam","ticket_id":"$T1","spam":true})"), notFound);
        no("mark_spam: ticket of other department", "agent", {sales1},
           s(R"({"type":"mark_spam","ticket_id":"$T1","spam":true})"), notFound);

        // rotate_status_link: the history says so; the link itself is written nowhere
        ok("rotate_status_link", "agent", {billing1},
           s(R"({"type":"rotate_status_link","ticket_id":"$T1"})"), L{"history"},
           L{"history.field=status_link", "history.new=rotated"});
        no("rotate_status_link: ticket of other department", "agent", {sales1},
           s(R"({"type":"rotate_status_link","ticket_id":"$T1"})"), notFound);
        no("rotate_status_link: no ticket_id", "agent", {}, s(R"({"type":"rotate_status_link"})"),
           invalidOp);

        // erase_contact: admins only (what it does: server_webpages, docs/privacy.md)
        no("erase_contact: by an agent", "agent", {},
           s(R"({"type":"erase_contact","contact_id":"$T1"})"), forbidden);
        no("erase_contact: unknown contact", "admin", {},
           s(R"({"type":"erase_contact","contact_id":"$T1"})"), notFound);
        no("erase_contact: no contact_id", "admin", {}, s(R"({"type":"erase_contact"})"),
           invalidOp);

        // merge
        ok("merge", "agent", {billing1, billing2},
           s(R"({"type":"merge","ticket_id":"$T1","into_id":"$T2"})"),
           L{"history", "history", "ticket"},
           L{"ticket.id=$T1", "ticket.status=closed", "ticket.merged_into=$T2",
             "history.field=merged_into", "history.new=$T2"});
        ok("merge: admin across departments", "admin", {billing1, sales2},
           s(R"({"type":"merge","ticket_id":"$T1","into_id":"$T2"})"),
           L{"history", "history", "ticket"}, L{"ticket.merged_into=$T2"});
        no("merge: into itself", "agent", {billing1},
           s(R"({"type":"merge","ticket_id":"$T1","into_id":"$T1"})"), invalidOp);
        no("merge: into a ticket of other department", "agent", {billing1, sales2},
           s(R"({"type":"merge","ticket_id":"$T1","into_id":"$T2"})"), notFound);
        no("merge: a ticket of other department", "agent", {sales1, billing2},
           s(R"({"type":"merge","ticket_id":"$T1","into_id":"$T2"})"), notFound);
        no("merge: no into_id", "agent", {billing1}, s(R"({"type":"merge","ticket_id":"$T1"})"),
           invalidOp);
        no("merge: neither id", "agent", {}, s(R"({"type":"merge"})"), invalidOp);

        // link
        ok("link", "agent", {billing1, billing2},
           s(R"({"type":"link","ticket_id":"$T1","other_id":"$T2"})"),
           L{"history", "history", "ticket", "ticket"},
           L{"ticket.id=$T2", "ticket.linked=$T1", "history.field=linked", "history.new=$T1"});
        ok("link: linked already", "agent",
           {billing1, billing2, s(R"({"type":"link","ticket_id":"$T2","other_id":"$T1"})")},
           s(R"({"type":"link","ticket_id":"$T1","other_id":"$T2"})"), L{});
        no("link: with itself", "agent", {billing1},
           s(R"({"type":"link","ticket_id":"$T1","other_id":"$T1"})"), invalidOp);
        no("link: unknown other", "agent", {billing1},
           s(R"({"type":"link","ticket_id":"$T1","other_id":"$T2"})"), notFound);
        no("link: ticket of other department", "agent", {billing1, sales2},
           s(R"({"type":"link","ticket_id":"$T1","other_id":"$T2"})"), notFound);

        // upsert_contact
        ok("upsert_contact: new", "agent", {},
           s(R"({"type":"upsert_contact","contact":{"id":"$N1","name":"Jan","emails":["jan$N1@x.pl"],"plan":"gold"}})"),
           L{"contact"}, L{"contact.name=Jan", "contact.plan=gold", "contact.emails=jan$N1@x.pl"});
        ok("upsert_contact: replaces", "agent",
           {s(R"({"type":"upsert_contact","contact":{"id":"$N1","name":"Jan","emails":["a$N1@x.pl"],"plan":"gold"}})")},
           s(R"({"type":"upsert_contact","contact":{"id":"$N1","name":"Jan K","emails":["b$N1@x.pl"]}})"),
           L{"contact"}, L{"contact.name=Jan K", "contact.plan=undefined"});
        no("upsert_contact: other department's requester", "sales",
           {ticketIn("$T1", "$BILLING", s(R"(,"requester":{"id":"$N2","email":"r$N1@x.pl"})"))},
           s(R"({"type":"upsert_contact","contact":{"id":"$N2","name":"Renamed","emails":["r$N1@x.pl"]}})"),
           notFound);
        ok("upsert_contact: own department's requester", "agent",
           {ticketIn("$T1", "$BILLING", s(R"(,"requester":{"id":"$N2","email":"r$N1@x.pl"})"))},
           s(R"({"type":"upsert_contact","contact":{"id":"$N2","name":"Renamed","emails":["r$N1@x.pl"]}})"),
           L{"contact"}, L{"contact.name=Renamed"});
        ok("upsert_contact: admin, any requester", "admin",
           {ticketIn("$T1", "$SALES", s(R"(,"requester":{"id":"$N2","email":"r$N1@x.pl"})"))},
           s(R"({"type":"upsert_contact","contact":{"id":"$N2","name":"Renamed","emails":["r$N1@x.pl"]}})"),
           L{"contact"}, L{"contact.name=Renamed"});
        ok("upsert_contact: without e-mails", "agent", {},
           s(R"({"type":"upsert_contact","contact":{"id":"$N1","name":"Nobody"}})"), L{"contact"},
           L{"contact.emails=undefined"});
        no("upsert_contact: no name", "agent", {},
           s(R"({"type":"upsert_contact","contact":{"id":"$N1","emails":["x@x.pl"]}})"), invalidOp);
        no("upsert_contact: no id", "agent", {},
           s(R"({"type":"upsert_contact","contact":{"name":"X","emails":["x@x.pl"]}})"), invalidOp);
        no("upsert_contact: unknown field", "agent", {},
           s(R"({"type":"upsert_contact","contact":{"id":"$N1","name":"X","vip":true}})"),
           invalidOp);

        // upsert_canned_response, delete_canned_response
        ok("upsert_canned_response: personal", "agent", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"Hi","body":"Hello {{name}}","scope":"personal","shortcut":"hi"}})"),
           L{"canned_response"},
           L{"canned_response.scope=personal", "canned_response.owner_id=$AGENT",
             "canned_response.shortcut=hi"});
        ok("upsert_canned_response: department, by lead", "lead", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"Hi","body":"b","scope":"department","owner_id":"$BILLING"}})"),
           L{"canned_response"}, L{"canned_response.owner_id=$BILLING"});
        ok("upsert_canned_response: global, by admin", "admin", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"Hi","body":"b","scope":"global","owner_id":"$BILLING"}})"),
           L{"canned_response"},
           L{"canned_response.scope=global", "canned_response.owner_id=null"});
        no("upsert_canned_response: department, by agent", "agent", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"Hi","body":"b","scope":"department","owner_id":"$BILLING"}})"),
           forbidden);
        no("upsert_canned_response: lead, other department", "lead", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"Hi","body":"b","scope":"department","owner_id":"$SALES"}})"),
           forbidden);
        no("upsert_canned_response: global, by lead", "lead", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"Hi","body":"b","scope":"global"}})"),
           forbidden);
        no("upsert_canned_response: someone else's personal", "agent",
           {s(R"({"as":"sales","type":"upsert_canned_response","response":{"id":"$N1","title":"Mine","body":"b","scope":"personal"}})")},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"Yours","body":"b","scope":"personal"}})"),
           notFound);
        no("upsert_canned_response: no title", "agent", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","body":"b","scope":"personal"}})"),
           invalidOp);
        no("upsert_canned_response: unknown scope", "agent", {},
           s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"t","body":"b","scope":"team"}})"),
           invalidOp);
        no("upsert_canned_response: no id", "agent", {},
           s(R"({"type":"upsert_canned_response","response":{"title":"t","body":"b","scope":"personal"}})"),
           invalidOp);
        ok("delete_canned_response: own", "agent",
           {s(R"({"as":"agent","type":"upsert_canned_response","response":{"id":"$N1","title":"t","body":"b","scope":"personal"}})")},
           s(R"({"type":"delete_canned_response","response_id":"$N1"})"), L{"canned_response"},
           L{"canned_response.deleted=true", "canned_response.id=$N1"});
        ok("delete_canned_response: department, by lead", "lead",
           {s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"t","body":"b","scope":"department","owner_id":"$BILLING"}})")},
           s(R"({"type":"delete_canned_response","response_id":"$N1"})"), L{"canned_response"},
           L{"canned_response.deleted=true"});
        no("delete_canned_response: department, by agent", "agent",
           {s(R"({"type":"upsert_canned_response","response":{"id":"$N1","title":"t","body":"b","scope":"department","owner_id":"$BILLING"}})")},
           s(R"({"type":"delete_canned_response","response_id":"$N1"})"), forbidden);
        no("delete_canned_response: unknown", "agent", {},
           s(R"({"type":"delete_canned_response","response_id":"$N1"})"), notFound);
        no("delete_canned_response: no id", "agent", {}, s(R"({"type":"delete_canned_response"})"),
           invalidOp);

        // create_department, update_department
        const QString newDepartment =
            s(R"({"type":"create_department","department":{"id":"$N1","name":"Dept $N1"}})");
        ok("create_department", "admin", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":" Support $N1 ",
                "email":"support@x.pl","queue_order":"FIFO","reply_footer":" Bye "}})"),
           L{"department"},
           L{"department.name=Support $N1", "department.queue_order=fifo",
             "department.reply_footer=Bye", "department.email=support@x.pl"});
        no("create_department: by lead", "lead", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":"D$N1"}})"), forbidden);
        no("create_department: by agent", "agent", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":"D$N1"}})"), forbidden);
        no("create_department: existing id", "admin", {newDepartment},
           s(R"({"type":"create_department","department":{"id":"$N1","name":"Other $N1"}})"),
           QStringLiteral("duplicate_id"));
        no("create_department: existing name", "admin", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":"Sales"}})"),
           QStringLiteral("duplicate_name"));
        no("create_department: no name", "admin", {},
           s(R"({"type":"create_department","department":{"id":"$N1"}})"), invalidOp);
        no("create_department: no id", "admin", {},
           s(R"({"type":"create_department","department":{"name":"D$N1"}})"), invalidOp);
        no("create_department: name not text", "admin", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":5}})"), invalidOp);
        no("create_department: bad business hours", "admin", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":"D$N1","business_hours":"whenever"}})"),
           invalidOp);
        no("create_department: bad SLA policy", "admin", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":"D$N1","sla_policy":"fast please"}})"),
           invalidOp);
        no("create_department: unknown field", "admin", {},
           s(R"({"type":"create_department","department":{"id":"$N1","name":"D$N1","colour":"red"}})"),
           invalidOp);
        ok("update_department: admin renames", "admin", {newDepartment},
           s(R"({"type":"update_department","department":{"id":"$N1","name":"Renamed $N1"}})"),
           L{"department"}, L{"department.name=Renamed $N1", "department.id=$N1"});
        ok("update_department: lead, own queue order", "lead", {},
           s(R"({"type":"update_department","department":{"id":"$BILLING","queue_order":"priority-then-age","reply_header":"Hello"}})"),
           L{"department"},
           L{"department.name=Billing", "department.queue_order=priority-then-age",
             "department.reply_header=Hello"});
        no("update_department: lead renames own", "lead", {},
           s(R"({"type":"update_department","department":{"id":"$BILLING","queue_order":"fifo","name":"B"}})"),
           forbidden);
        no("update_department: lead, other department", "lead", {},
           s(R"({"type":"update_department","department":{"id":"$SALES","queue_order":"fifo"}})"),
           forbidden);
        no("update_department: agent", "agent", {},
           s(R"({"type":"update_department","department":{"id":"$BILLING","queue_order":"fifo"}})"),
           forbidden);
        no("update_department: unknown", "admin", {},
           s(R"({"type":"update_department","department":{"id":"$N1","name":"X$N1"}})"), notFound);
        no("update_department: unknown queue order", "admin", {newDepartment},
           s(R"({"type":"update_department","department":{"id":"$N1","queue_order":"random"}})"),
           invalidOp);
        no("update_department: reply header too long", "admin", {newDepartment},
           s(R"({"type":"update_department","department":{"id":"$N1","reply_header":"$LONG"}})"),
           invalidOp);
        no("update_department: name taken", "admin", {newDepartment},
           s(R"({"type":"update_department","department":{"id":"$N1","name":"Billing"}})"),
           QStringLiteral("duplicate_name"));

        // delete_department: on departments of the row's own, the fixture's stay
        const QString otherDepartment =
            s(R"({"type":"create_department","department":{"id":"$N2","name":"Other $N2"}})");
        const QStringList departmentWithThings{
            newDepartment, otherDepartment, ticketIn("$T1", "$N1"),
            s(R"({"type":"upsert_canned_response","response":{"id":"$N3","title":"Hi","body":"b","scope":"department","owner_id":"$N1"}})"),
            s(R"({"type":"upsert_shared_filter","filter":{"id":"$T2","name":"Open","query":"status:open","department_id":"$N1"}})")};
        ok("delete_department: its things move", "admin", departmentWithThings,
           s(R"({"type":"delete_department","department_id":"$N1","move_to":"$N2"})"),
           L{"history", "ticket", "history", "canned_response", "shared_filter", "department"},
           L{"ticket.department_id=$N2", "history.field=created", "history.ticket_id=$T1",
             "canned_response.owner_id=$N2", "canned_response.scope=department",
             "shared_filter.department_id=$N2", "department.id=$N1", "department.deleted=true"});
        ok("delete_department: an empty one", "admin", {newDepartment, otherDepartment},
           s(R"({"type":"delete_department","department_id":"$N1","move_to":"$N2"})"),
           L{"department"}, L{"department.deleted=true"});
        no("delete_department: lead", "lead", {otherDepartment},
           s(R"({"type":"delete_department","department_id":"$BILLING","move_to":"$N2"})"),
           forbidden);
        no("delete_department: agent", "agent", {otherDepartment},
           s(R"({"type":"delete_department","department_id":"$BILLING","move_to":"$N2"})"),
           forbidden);
        no("delete_department: unknown", "admin", {otherDepartment},
           s(R"({"type":"delete_department","department_id":"$N1","move_to":"$N2"})"), notFound);
        no("delete_department: unknown target", "admin", {newDepartment},
           s(R"({"type":"delete_department","department_id":"$N1","move_to":"$N2"})"), invalidOp);
        no("delete_department: into itself", "admin", {newDepartment},
           s(R"({"type":"delete_department","department_id":"$N1","move_to":"$N1"})"), invalidOp);
        no("delete_department: no target", "admin", {newDepartment},
           s(R"({"type":"delete_department","department_id":"$N1"})"), invalidOp);

        // upsert_shared_filter, delete_shared_filter
        const QString billingFilter = s(
            R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"Mine","query":"status:open","department_id":"$BILLING"}})");
        const QString salesFilter = s(
            R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"Theirs","query":"","department_id":"$SALES"}})");
        ok("upsert_shared_filter: lead, own department", "lead", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":" Open ","query":"status:open,pending -tag:spam","department_id":"$BILLING"}})"),
           L{"shared_filter"},
           L{"shared_filter.name=Open", "shared_filter.author_id=$LEAD",
             "shared_filter.department_id=$BILLING",
             "shared_filter.query=status:open,pending -tag:spam"});
        ok("upsert_shared_filter: admin, everyone", "admin", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"All","query":"","department_id":null}})"),
           L{"shared_filter"}, L{"shared_filter.department_id=null"});
        ok("upsert_shared_filter: admin moves it", "admin", {billingFilter},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"Mine","query":"","department_id":"$SALES"}})"),
           L{"shared_filter", "shared_filter"},
           L{"shared_filter.department_id=$SALES", "shared_filter.deleted=undefined"});
        ok("upsert_shared_filter: moved away from lead", "lead", {billingFilter},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"Mine","query":"","department_id":"$BILLING"}})"),
           L{"shared_filter"}, L{"shared_filter.name=Mine"});
        no("upsert_shared_filter: lead, other department", "lead", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","department_id":"$SALES"}})"),
           forbidden);
        no("upsert_shared_filter: lead, everyone", "lead", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","department_id":null}})"),
           forbidden);
        no("upsert_shared_filter: agent", "agent", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","department_id":"$BILLING"}})"),
           forbidden);
        no("upsert_shared_filter: lead edits other department's", "lead", {salesFilter},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","department_id":"$BILLING"}})"),
           notFound);
        no("upsert_shared_filter: agent edits own department's", "agent", {billingFilter},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","department_id":"$BILLING"}})"),
           forbidden);
        no("upsert_shared_filter: bad query", "admin", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"status:","department_id":null}})"),
           invalidOp);
        no("upsert_shared_filter: no name", "admin", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":" ","query":"","department_id":null}})"),
           invalidOp);
        no("upsert_shared_filter: unknown department", "admin", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","department_id":"$N2"}})"),
           notFound);
        no("upsert_shared_filter: department not an id", "admin", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","department_id":"billing"}})"),
           invalidOp);
        no("upsert_shared_filter: unknown field", "admin", {},
           s(R"({"type":"upsert_shared_filter","filter":{"id":"$N1","name":"x","query":"","colour":"red"}})"),
           invalidOp);
        no("upsert_shared_filter: no id", "admin", {},
           s(R"({"type":"upsert_shared_filter","filter":{"name":"x","query":""}})"), invalidOp);
        ok("delete_shared_filter: lead", "lead", {billingFilter},
           s(R"({"type":"delete_shared_filter","filter_id":"$N1"})"), L{"shared_filter"},
           L{"shared_filter.deleted=true", "shared_filter.id=$N1"});
        no("delete_shared_filter: agent", "agent", {billingFilter},
           s(R"({"type":"delete_shared_filter","filter_id":"$N1"})"), forbidden);
        no("delete_shared_filter: lead, other department", "lead", {salesFilter},
           s(R"({"type":"delete_shared_filter","filter_id":"$N1"})"), notFound);
        no("delete_shared_filter: unknown", "admin", {},
           s(R"({"type":"delete_shared_filter","filter_id":"$N1"})"), notFound);
        no("delete_shared_filter: no id", "admin", {}, s(R"({"type":"delete_shared_filter"})"),
           invalidOp);

        // update_agent: on the spare agent only, the others' sessions are the fixture's
        ok("update_agent: name and role", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","name":" Spare Two ","role":"lead"}})"),
           L{"agent"},
           L{"agent.id=$SPARE", "agent.name=Spare Two", "agent.role=lead",
             "agent.email=spare@example.com"});
        ok("update_agent: departments", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","departments":[{"id":"$BILLING","tier":3}]}})"),
           L{"agent"}, L{R"(agent.departments={"id":"$BILLING","tier":3})"});
        ok("update_agent: seniority", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","seniority":3}})"), L{"agent"},
           L{"agent.id=$SPARE"});
        no("update_agent: seniority not whole", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","seniority":"first"}})"), invalidOp);
        no("update_agent: seniority out of range", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","seniority":0}})"), invalidOp);
        no("update_agent: by lead", "lead", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","name":"X"}})"), forbidden);
        no("update_agent: by agent, self", "agent", {},
           s(R"({"type":"update_agent","agent":{"id":"$AGENT","role":"admin"}})"), forbidden);
        no("update_agent: unknown agent", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$N1","name":"X"}})"), notFound);
        no("update_agent: unknown role", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","role":"boss"}})"), invalidOp);
        no("update_agent: blank name", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","name":" "}})"), invalidOp);
        no("update_agent: unknown field", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","email":"x@x.pl"}})"), invalidOp);
        no("update_agent: unknown department", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","departments":[{"id":"$N1","tier":1}]}})"),
           invalidOp);
        no("update_agent: tier out of range", "admin", {},
           s(R"({"type":"update_agent","agent":{"id":"$SPARE","departments":[{"id":"$BILLING","tier":0}]}})"),
           invalidOp);

        // Ops that are not ops.
        no("unknown op type", "admin", {}, s(R"({"type":"delete_ticket","ticket_id":"$T1"})"),
           QStringLiteral("unknown_op"));
        no("no op type", "admin", {}, s(R"({"ticket_id":"$T1"})"), QStringLiteral("unknown_op"));
        no("no op id", "admin", {billing1}, s(R"({"id":"","type":"take","ticket_id":"$T1"})"),
           invalidOp);
        no("op id not a UUID", "admin", {billing1},
           s(R"({"id":"op-1","type":"take","ticket_id":"$T1"})"), invalidOp);
    }

    void rules()
    {
        QFETCH(QString, who);
        QFETCH(QStringList, setup);
        QFETCH(QString, op);
        QFETCH(QString, status);
        QFETCH(QString, code);
        QFETCH(QStringList, kinds);
        QFETCH(QStringList, checks);

        QMap<QString, QString> ids; // this row's fresh ids
        for (const char *name : {"T1", "T2", "N1", "N2", "N3"})
            ids.insert(QString::fromLatin1(name), uuidToString(QUuid::createUuid()));

        for (const QString &text : std::as_const(setup)) {
            QJsonObject step = withId(parse(fill(text, ids).toUtf8()));
            const QString as = step.take(QLatin1String("as")).toString(QStringLiteral("admin"));
            const QJsonArray results = applyAs(as, {step});
            QCOMPARE(results.size(), 1);
            QVERIFY2(results.at(0)[QLatin1String("status")].toString() == u"applied",
                     QJsonDocument(results.at(0).toObject()).toJson().constData());
        }

        const qint64 before = revision();
        const QJsonObject input = withId(parse(fill(op, ids).toUtf8()));
        QVERIFY(!input.isEmpty());
        const QJsonArray results = applyAs(who, {input});
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.at(0).toObject();
        const QByteArray resultText = QJsonDocument(result).toJson(QJsonDocument::Compact);
        QCOMPARE(result.value(QLatin1String("op_id")), input.value(QLatin1String("id")));
        QVERIFY2(result.value(QLatin1String("status")).toString() == status,
                 resultText.constData());
        QCOMPARE(result.value(QLatin1String("error"))[QLatin1String("code")].toString(), code);
        if (status == u"rejected") {
            QVERIFY2(!result.value(QLatin1String("error"))[QLatin1String("message")]
                          .toString()
                          .isEmpty(),
                     resultText.constData());
            QVERIFY(!result.contains(QLatin1String("revision")));
        } else {
            // The result's revision is the op's newest change (the store's head when it made
            // none).
            QCOMPARE(result.value(QLatin1String("revision")).toInteger(), revision());
        }

        const QJsonArray changes = changesSince(who, before);
        QStringList actual;
        for (const QJsonValue &c : changes)
            actual.append(c[QLatin1String("type")].toString());
        QCOMPARE(actual, kinds);
        if (status == u"rejected")
            QCOMPARE(revision(), before); // nothing of a rejected op is stored

        for (const QString &check : std::as_const(checks)) {
            const QString filled = fill(check, ids);
            const qsizetype dot = filled.indexOf(u'.');
            const qsizetype equals = filled.indexOf(u'=');
            QVERIFY2(dot > 0 && equals > dot, qPrintable(check));
            // "kind.field": the newest change of that kind; "kind#N.field": its Nth (from 1).
            const QStringList kindAndNth = filled.left(dot).split(u'#');
            const QString kind = kindAndNth.first();
            const int nth = kindAndNth.size() > 1 ? kindAndNth.at(1).toInt() : 0;
            const QString field = filled.mid(dot + 1, equals - dot - 1);
            const QString expected = filled.mid(equals + 1);
            QJsonObject snapshot;
            bool found = false;
            int seen = 0;
            for (const QJsonValue &c : changes) {
                if (c[QLatin1String("type")].toString() != kind || (nth > 0 && ++seen > nth))
                    continue;
                found = nth == 0 || seen == nth;
                snapshot = kind == u"gone" ? c.toObject() : c[QLatin1String("data")].toObject();
            }
            QVERIFY2(found, qPrintable(u"no " + kind + u" change for " + check));
            const QJsonValue value = snapshot.value(field);
            if (expected == u"*")
                QVERIFY2(value.isString() && !value.toString().isEmpty(), qPrintable(check));
            else
                QCOMPARE(asText(value), expected);
        }
    }

    // A resent op answers its first result, applied or rejected, and changes nothing more, even
    // when the op would now have another outcome.
    void resentOp()
    {
        QMap<QString, QString> ids{{QStringLiteral("T1"), uuidToString(QUuid::createUuid())}};
        QVERIFY(applyAs(QStringLiteral("admin"),
                        {withId(parse(fill(ticketIn("$T1", "$BILLING"), ids).toUtf8()))})
                    .at(0)[QLatin1String("status")]
                    .toString() == u"applied");
        const QJsonObject tag = withId(
            parse(fill(QStringLiteral(R"({"type":"add_tags","ticket_id":"$T1","tags":["x"]})"), ids)
                      .toUtf8()));
        const QJsonObject take = withId(
            parse(fill(QStringLiteral(R"({"type":"take","ticket_id":"$T1"})"), ids).toUtf8()));
        const QJsonArray first = applyAs(QStringLiteral("agent"), {tag});
        QCOMPARE(first.at(0)[QLatin1String("status")].toString(), QStringLiteral("applied"));
        // Held by the lead now: a first take by the agent is rejected.
        QCOMPARE(
            applyAs(
                QStringLiteral("lead"),
                {withId(parse(
                    fill(QStringLiteral(R"({"type":"take","ticket_id":"$T1"})"), ids).toUtf8()))})
                .at(0)[QLatin1String("status")]
                .toString(),
            QStringLiteral("applied"));
        const QJsonArray rejected = applyAs(QStringLiteral("agent"), {take});
        QCOMPARE(rejected.at(0)[QLatin1String("error")][QLatin1String("code")].toString(),
                 QStringLiteral("already_taken"));
        // Freed again: the take would apply now, but its resend answers the first rejection.
        QCOMPARE(
            applyAs(QStringLiteral("lead"),
                    {withId(parse(fill(QStringLiteral(R"({"type":"set_fields","ticket_id":"$T1",
                                                             "fields":{"assignee_id":null}})"),
                                       ids)
                                      .toUtf8()))})
                .at(0)[QLatin1String("status")]
                .toString(),
            QStringLiteral("applied"));

        const qint64 before = revision();
        QJsonObject tagAgain = tag;
        tagAgain.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("y")}); // ignored
        const QJsonArray again = applyAs(QStringLiteral("agent"), {tagAgain, take});
        QCOMPARE(again.size(), 2);
        QCOMPARE(again.at(0).toObject(), first.at(0).toObject());
        QCOMPARE(again.at(1).toObject(), rejected.at(0).toObject());
        QCOMPARE(revision(), before);
        QCOMPARE(changesSince(QStringLiteral("admin"), before).size(), 0);
        auto ticket = m_store->ticket(m_sessions.value(QStringLiteral("admin")),
                                      QUuid::fromString(ids.value(QStringLiteral("T1"))));
        QVERIFY(ticket.good() && ticket->has_value());
        QCOMPARE(asText((**ticket)[QLatin1String("ticket")][QLatin1String("tags")]),
                 QStringLiteral("x"));
        QCOMPARE((**ticket)[QLatin1String("ticket")][QLatin1String("assignee_id")], QJsonValue());
    }

    // A batch looks its ops' earlier results up 100 at a time: a resent batch of more than 100
    // answers every first result, and an op twice in one batch answers its first result the
    // second time. A create rejected after it took the next number gives it back.
    void resentBatchesAndOpsTwiceInOneBatch()
    {
        const QString billing = m_names.value(QStringLiteral("BILLING"));
        const auto create = [&](const QString &messageId) {
            return withId(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("create_ticket")},
                            {QStringLiteral("ticket"),
                             QJsonObject{{QStringLiteral("id"), uuidToString(QUuid::createUuid())},
                                         {QStringLiteral("subject"), QStringLiteral("Batch")},
                                         {QStringLiteral("department_id"), billing}}},
                            {QStringLiteral("message_id"), messageId},
                            {QStringLiteral("body"), QStringLiteral("Hello")}});
        };
        QJsonArray batch;
        for (int i = 0; i < 150; ++i)
            batch.append(create(uuidToString(QUuid::createUuid())));
        // The same message id again: rejected after the ticket took its number.
        const QString firstMessage = batch.at(0)[QLatin1String("message_id")].toString();
        batch.append(create(firstMessage));
        batch.append(create(uuidToString(QUuid::createUuid())));
        batch.append(batch.at(0)); // the first op again
        const QJsonArray first = applyAs(QStringLiteral("admin"), batch);
        QCOMPARE(first.size(), 153);
        QCOMPARE(first.at(150)[QLatin1String("error")][QLatin1String("code")].toString(),
                 QStringLiteral("duplicate_id"));
        QCOMPARE(first.at(151)[QLatin1String("number")].toInteger(),
                 first.at(149)[QLatin1String("number")].toInteger() + 1);
        QCOMPARE(first.at(152).toObject(), first.at(0).toObject());
        for (int i = 0; i < 150; ++i)
            QCOMPARE(first.at(i)[QLatin1String("status")].toString(), QStringLiteral("applied"));

        const qint64 before = revision();
        const QJsonArray again = applyAs(QStringLiteral("admin"), batch);
        QCOMPARE(again, first);
        QCOMPARE(revision(), before);
    }

    // One rejected op in a batch undoes none of the others, before or after it, and the
    // rejected op's own partial work is undone.
    void batchWithRejection()
    {
        QMap<QString, QString> ids{{QStringLiteral("T1"), uuidToString(QUuid::createUuid())},
                                   {QStringLiteral("T2"), uuidToString(QUuid::createUuid())}};
        const auto op = [&](const char *text) {
            return withId(parse(fill(QString::fromUtf8(text), ids).toUtf8()));
        };
        QVERIFY(
            applyAs(
                QStringLiteral("agent"),
                {op(R"({"type":"create_ticket","ticket":{"id":"$T1","subject":"S","department_id":"$BILLING"}})")})
                .at(0)[QLatin1String("status")]
                .toString() == u"applied");
        const qint64 before = revision();
        const QJsonArray results = applyAs(
            QStringLiteral("agent"),
            {op(R"({"type":"add_tags","ticket_id":"$T1","tags":["a"]})"),
             op(R"({"type":"set_fields","ticket_id":"$T1","fields":{"priority":"low","status":"bogus"}})"),
             op(R"({"type":"take","ticket_id":"$T2"})"),
             op(R"({"type":"mark_spam","ticket_id":"$T1","spam":true})")});
        QCOMPARE(results.size(), 4);
        QStringList statuses;
        for (const QJsonValue &r : results)
            statuses.append(r[QLatin1String("status")].toString() +
                            r[QLatin1String("error")][QLatin1String("code")].toString());
        QCOMPARE(statuses,
                 QStringList(L{"applied", "rejectedinvalid_op", "rejectednot_found", "applied"}));
        QVERIFY(results.at(0)[QLatin1String("revision")].toInteger() <
                results.at(3)[QLatin1String("revision")].toInteger());
        QStringList kinds;
        QStringList fields;
        for (const QJsonValue &c : changesSince(QStringLiteral("agent"), before)) {
            kinds.append(c[QLatin1String("type")].toString());
            if (kinds.last() == u"history")
                fields.append(c[QLatin1String("data")][QLatin1String("field")].toString());
        }
        QCOMPARE(kinds, QStringList(L{"history", "ticket", "history", "ticket"}));
        QCOMPARE(fields, QStringList(L{"tags", "spam"}));
        auto ticket = m_store->ticket(m_sessions.value(QStringLiteral("agent")),
                                      QUuid::fromString(ids.value(QStringLiteral("T1"))));
        QVERIFY(ticket.good() && ticket->has_value());
        const QJsonObject t = (**ticket)[QLatin1String("ticket")].toObject();
        QCOMPARE(t.value(QLatin1String("priority")).toString(), QStringLiteral("normal"));
        QCOMPARE(t.value(QLatin1String("spam")), QJsonValue(true));
        QCOMPARE(asText(t.value(QLatin1String("tags"))), QStringLiteral("a"));
    }

    // A ticket moved to another department brings that department's agents its conversation,
    // which they had none of: its messages and history after the ticket.
    void aMovedTicketBringsItsConversation()
    {
        const QString ticket = uuidToString(QUuid::createUuid());
        const QString message = uuidToString(QUuid::createUuid());
        QMap<QString, QString> ids{{QStringLiteral("T"), ticket}, {QStringLiteral("M"), message}};
        QVERIFY(
            !applyAs(
                 QStringLiteral("admin"),
                 {withId(parse(fill(ticketIn(QStringLiteral("$T"), QStringLiteral("$BILLING")), ids)
                                   .toUtf8())),
                  withId(parse(fill(QStringLiteral(R"({"type":"add_message","ticket_id":"$T",
                                "message":{"id":"$M","kind":"note","body":"Before the move"}})"),
                                    ids)
                                   .toUtf8()))})
                 .isEmpty());
        const qint64 before = revision();
        const QJsonArray moved =
            applyAs(QStringLiteral("agent"),
                    {withId(parse(fill(QStringLiteral(R"({"type":"set_fields","ticket_id":"$T",
                                 "fields":{"department_id":"$SALES"}})"),
                                       ids)
                                      .toUtf8()))});
        QCOMPARE(moved.at(0)[QLatin1String("status")].toString(), QStringLiteral("applied"));
        QStringList kinds;
        QString body;
        for (const QJsonValue &c : changesSince(QStringLiteral("sales"), before)) {
            kinds.append(c[QLatin1String("type")].toString());
            if (kinds.last() == u"message")
                body = c[QLatin1String("data")][QLatin1String("body")].toString();
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("history"), QStringLiteral("ticket"),
                                     QStringLiteral("message"), QStringLiteral("history")}));
        QCOMPARE(body, QStringLiteral("Before the move"));
    }

    // A removed department's member who is in no other department: their feed says they left
    // it and that it is gone, and shows nothing of its tickets, now the target's. The ticket
    // they held is let go; its mailbox and rule go to the target, the rule disabled.
    void removedDepartmentsOnlyMember()
    {
        QMap<QString, QString> ids;
        for (const char *name : {"X", "Y", "MIA", "T", "R"})
            ids.insert(QString::fromLatin1(name), uuidToString(QUuid::createUuid()));
        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        const QStringList setup{
            s(R"({"type":"create_department","department":{"id":"$X","name":"X $X"}})"),
            s(R"({"type":"create_department","department":{"id":"$Y","name":"Y $Y"}})"),
            s(R"({"type":"create_agent","agent":{"id":"$MIA","email":"mia.$MIA@example.com",
                 "name":"Mia","departments":[{"id":"$X","tier":1}]},
                 "password":"a long enough password"})"),
            ticketIn(QStringLiteral("$T"), QStringLiteral("$X")),
            s(R"({"type":"set_fields","ticket_id":"$T","fields":{"assignee_id":"$MIA"}})"),
            s(R"({"type":"upsert_rule","rule":{"id":"$R","name":"Tag it","when":"created",
                 "if":"","then":"+x","department_id":"$X"}})"),
            // (Built, not written: moc takes the "//" of a URL in a raw string for a comment.)
            QString::fromUtf8(
                QJsonDocument(
                    QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("upsert_mailbox")},
                        {QStringLiteral("mailbox"),
                         QJsonObject{
                             {QStringLiteral("address"), QStringLiteral("x.$X@example.com")},
                             {QStringLiteral("department_id"), QStringLiteral("$X")},
                             {QStringLiteral("imap_url"),
                              QStringLiteral("imaps://x@imap.example.com/INBOX")},
                             {QStringLiteral("smtp_url"),
                              QStringLiteral("smtps://smtp.example.com")}}},
                        {QStringLiteral("imap_password"), QStringLiteral("i")},
                        {QStringLiteral("smtp_password"), QStringLiteral("s")}})
                    .toJson())};
        for (const QString &step : setup) {
            const QJsonArray results =
                applyAs(QStringLiteral("admin"), {withId(parse(fill(step, ids).toUtf8()))});
            QVERIFY2(results.size() == 1 &&
                         results.at(0)[QLatin1String("status")].toString() == u"applied",
                     QJsonDocument(results.at(0).toObject()).toJson().constData());
        }

        const qint64 before = revision();
        const QJsonArray results = applyAs(
            QStringLiteral("admin"),
            {withId(parse(
                fill(QStringLiteral(
                         R"({"type":"delete_department","department_id":"$X","move_to":"$Y"})"),
                     ids)
                    .toUtf8()))});
        QCOMPARE(results.at(0)[QLatin1String("status")].toString(), QStringLiteral("applied"));
        QCOMPARE(results.at(0)[QLatin1String("moved_tickets")].toInt(), 1);

        // Mia's next request: her session as pultd reads it then, in no department.
        auto login = m_accounts->login(
            QStringLiteral("mia.%1@example.com").arg(ids.value(QStringLiteral("MIA"))), kPassword,
            QStringLiteral("127.0.0.1"), m_now);
        QVERIFY(std::holds_alternative<Accounts::Login>(login));
        const AgentSession mia = std::get<Accounts::Login>(login).session;
        QVERIFY(mia.agent.departments.isEmpty());
        m_sessions.insert(QStringLiteral("mia"), mia);
        QStringList kinds;
        for (const QJsonValue &c : changesSince(QStringLiteral("mia"), before))
            kinds.append(c[QLatin1String("type")].toString());
        QCOMPARE(kinds, (QStringList{QStringLiteral("agent"), QStringLiteral("department")}));

        QJsonObject ticket;
        for (const QJsonValue &c : changesSince(QStringLiteral("admin"), before)) {
            if (c[QLatin1String("type")].toString() == u"ticket")
                ticket = c[QLatin1String("data")].toObject();
        }
        QCOMPARE(ticket.value(QLatin1String("department_id")).toString(),
                 ids.value(QStringLiteral("Y")));
        QVERIFY(ticket.value(QLatin1String("assignee_id")).isNull());

        auto rules = m_store->rules(m_sessions.value(QStringLiteral("admin")));
        QVERIFY(rules.good());
        bool ruleMoved = false;
        for (const QJsonValue &rule : *rules) {
            if (rule[QLatin1String("id")].toString() == ids.value(QStringLiteral("R")))
                ruleMoved = rule[QLatin1String("department_id")].toString() ==
                                ids.value(QStringLiteral("Y")) &&
                            !rule[QLatin1String("enabled")].toBool();
        }
        QVERIFY(ruleMoved);
        auto mailboxes = Mailboxes::open(m_dataDir.path().toStdString(), m_url);
        QVERIFY(mailboxes.good());
        auto listed = (*mailboxes)->list();
        QVERIFY(listed.good());
        bool mailboxMoved = false;
        for (const MailboxSettings &m : *listed) {
            if (m.address == QStringLiteral("x.%1@example.com").arg(ids.value(QStringLiteral("X"))))
                mailboxMoved = m.departmentId == QUuid::fromString(ids.value(QStringLiteral("Y")));
        }
        QVERIFY(mailboxMoved);
    }

    // The loop rules of auto-replies (docs/email.md): what a machine sent is never answered.
    void noAutoReply_data()
    {
        QTest::addColumn<QString>("autoSubmitted");
        QTest::addColumn<QString>("precedence");
        QTest::addColumn<QString>("returnPath"); // "-": no Return-Path header
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("report");
        QTest::addColumn<QString>("why");
        const QString none = QStringLiteral("-");
        const QString ana = QStringLiteral("ana@example.org");
        QTest::newRow("a person") << ""
                                  << "" << none << ana << false << "";
        QTest::newRow("Auto-Submitted: no") << "No"
                                            << "" << ana << ana << false << "";
        QTest::newRow("Auto-Submitted: no; x") << "no; x"
                                               << "" << none << ana << false << "";
        QTest::newRow("auto-replied")
            << "auto-replied"
            << "" << none << ana << false << "Auto-Submitted: auto-replied";
        QTest::newRow("Auto-Generated")
            << "Auto-Generated"
            << "" << none << ana << false << "Auto-Submitted: Auto-Generated";
        QTest::newRow("bulk (comment)")
            << ""
            << "bulk (comment)" << none << ana << false << "Precedence: bulk (comment)";
        QTest::newRow("LIST") << ""
                              << "LIST" << none << ana << false << "Precedence: LIST";
        QTest::newRow("Junk") << ""
                              << "Junk" << none << ana << false << "Precedence: Junk";
        QTest::newRow("first-class") << ""
                                     << "first-class" << none << ana << false << "";
        QTest::newRow("Return-Path <>") << ""
                                        << ""
                                        << "" << ana << false << "empty Return-Path";
        QTest::newRow("Mailer-Daemon")
            << ""
            << "" << none << "Mailer-Daemon@mx.example" << false << "sender mailer-daemon";
        QTest::newRow("POSTMASTER")
            << ""
            << "" << none << "POSTMASTER@example.org" << false << "sender postmaster";
        QTest::newRow("postmasters") << ""
                                     << "" << none << "postmasters@example.org" << false << "";
        QTest::newRow("report") << ""
                                << "" << none << ana << true << "delivery status report";
    }
    void noAutoReply()
    {
        QFETCH(QString, autoSubmitted);
        QFETCH(QString, precedence);
        QFETCH(QString, returnPath);
        QFETCH(QString, from);
        QFETCH(bool, report);
        QFETCH(QString, why);
        ServerStore::InboundMail mail;
        mail.autoSubmitted = autoSubmitted;
        mail.precedence = precedence;
        if (returnPath != u"-")
            mail.returnPath = returnPath;
        mail.fromAddress = from;
        mail.deliveryReport = report;
        QCOMPARE(ServerStore::noAutoReply(mail), why);
    }

    void cleanupTestCase()
    {
        m_store.reset();
        m_accounts.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestOpRules)
#include "tst_oprules.moc"
