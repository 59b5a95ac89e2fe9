// The sync engine end to end: the real pultd on a free loopback port, pultctl as real processes
// on homes of their own, a flaky TCP proxy between them. Two agents work offline and online on the
// same tickets and must converge with the server field by field; clients and pultd are killed
// with SIGKILL at bad moments; a ticket leaves an agent's sight; two agents race to take one.

#include "flakyproxy.h"
#include "sqlitedb.h"
#include "syncengine.h"
#include "syncfixture.h"
#include "uuid.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QtTest>

#include <csignal>

using namespace PultSyncTest;
using PultdTest::apiRequest;
using PultdTest::newId;
using PultdTest::postOps;
using PultdTest::Pultd;

namespace {

// pultctl set TICKET ARGS...
QStringList set(const QString &ticket, const QStringList &args)
{
    return QStringList{QStringLiteral("set"), ticket} + args;
}

// SIGKILL, unless the process has ended already (processId() is 0 then, and kill(0) would hit
// the whole process group, this test among it).
void killNow(QProcess &process)
{
    if (const qint64 pid = process.processId(); pid > 0)
        ::kill(pid_t(pid), SIGKILL);
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

    Pultd m_server;
    QByteArray m_root; // admin token
    QString m_billing;
    QString m_sales;
    QString m_ana = QStringLiteral("ana@example.com");
    QString m_eva = QStringLiteral("eva@example.com");

    QJsonArray post(const QJsonArray &ops) { return postOps(m_server, m_root, ops); }

    // A ticket in Billing (or the department of that id) made by the admin; returns its id.
    QUuid seedTicket(const QString &subject, const QString &department = {})
    {
        const QString id = newId();
        const QJsonArray results = post({QJsonObject{
            {QStringLiteral("id"), newId()},
            {QStringLiteral("type"), QStringLiteral("create_ticket")},
            {QStringLiteral("ticket"),
             QJsonObject{
                 {QStringLiteral("id"), id},
                 {QStringLiteral("subject"), subject},
                 {QStringLiteral("department_id"), department.isEmpty() ? m_billing : department},
                 {QStringLiteral("requester"),
                  QJsonObject{{QStringLiteral("email"), QStringLiteral("marta@firma.pl")},
                              {QStringLiteral("name"), QStringLiteral("Marta Kowalska")}}}}},
            {QStringLiteral("message_id"), newId()},
            {QStringLiteral("body"), QStringLiteral("Please help with %1").arg(subject)}}});
        if (results.size() != 1 ||
            results.at(0).toObject().value(QLatin1String("status")).toString() != u"applied")
            return {};
        return QUuid::fromString(id);
    }

    qint64 numberOf(const QUuid &id)
    {
        const QJsonObject t = serverTicket(m_server, m_root, id);
        return t.value(QLatin1String("ticket"))
            .toObject()
            .value(QLatin1String("number"))
            .toInteger();
    }

    QString ref(const QUuid &id) { return u'#' + QString::number(numberOf(id)); }

    // Every ticket equal in the server and in each client's cache, field by field.
    void verifyConverged(const QList<QUuid> &tickets, const QList<const Client *> &clients)
    {
        for (const QUuid &id : tickets) {
            const QJsonObject server = serverTicket(m_server, m_root, id);
            QVERIFY2(!server.isEmpty(), qPrintable(Pult::uuidToString(id)));
            for (const Client *client : clients) {
                auto store = client->store();
                QVERIFY(store);
                const QJsonObject cached = cachedTicket(*store, id);
                if (cached != server)
                    qWarning().noquote() << "server:" << QJsonDocument(server).toJson()
                                         << "\ncache:" << QJsonDocument(cached).toJson();
                QCOMPARE(cached, server);
            }
        }
    }

    // A client's revision stream is connected when pultd counts it.
    bool oneStreamOpen()
    {
        const auto metrics = m_server.fetch(PultdTest::get("/metrics"));
        return metrics && metrics->body.contains("\npultd_streams_open 1\n");
    }

    int outboxSize(const Client &client)
    {
        auto store = client.store();
        return store ? int(store->outbox().value().size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        const QString data = m_server.dataDir();
        QCOMPARE(PultdTest::addAgent(data, QStringLiteral("root@example.com"),
                                     QStringLiteral("admin"), QStringLiteral("Billing"), kPassword)
                     .exitCode,
                 0);
        QCOMPARE(PultdTest::addAgent(data, m_ana, QStringLiteral("agent"),
                                     QStringLiteral("Billing"), kPassword)
                     .exitCode,
                 0);
        QCOMPARE(PultdTest::addAgent(data, m_eva, QStringLiteral("agent"),
                                     QStringLiteral("Billing"), kPassword)
                     .exitCode,
                 0);
        QCOMPARE(PultdTest::addAgent(data, QStringLiteral("sam@example.com"),
                                     QStringLiteral("agent"), QStringLiteral("Sales"), kPassword)
                     .exitCode,
                 0);
        m_root = login(m_server, QStringLiteral("root@example.com"));
        QVERIFY(!m_root.isEmpty());
        m_billing = departmentId(m_server, m_root, QStringLiteral("Billing"));
        m_sales = departmentId(m_server, m_root, QStringLiteral("Sales"));
        QVERIFY(!m_billing.isEmpty() && !m_sales.isEmpty());
    }

    // A works with the server out of reach, B online on the same tickets; after both sync, both
    // caches equal the server's state, every message is there once, history shows both writers.
    void offlineWorkConverges()
    {
        QList<QUuid> tickets;
        for (int i = 1; i <= 4; ++i)
            tickets.append(seedTicket(QStringLiteral("Converge %1").arg(i)));
        QVERIFY(!tickets.contains(QUuid()));

        PultTest::FlakyProxy network(m_server.port(), 1);
        QVERIFY(network.start());
        Client a, b;
        QVERIFY(a.login(network.port(), m_ana));
        QVERIFY(b.login(m_server.port(), m_eva));

        network.setDown(true); // A's network is gone: writes are queued, reads show the cache
        const QString t1 = ref(tickets[0]), t2 = ref(tickets[1]), t3 = ref(tickets[2]),
                      t4 = ref(tickets[3]);
        auto created = a.run({QStringLiteral("create"), QStringLiteral("--subject"),
                              QStringLiteral("Made offline"), QStringLiteral("--body"),
                              QStringLiteral("Printer on fire"), QStringLiteral("--requester"),
                              QStringLiteral("jan@example.com")});
        QCOMPARE(created.exitCode, 0);
        QVERIFY2(created.err.contains("queued"), created.err.constData());
        QVERIFY(created.out.startsWith("Created pending "));
        const QString newId = QString::fromUtf8(created.out.split(' ').value(2)).trimmed();
        const QUuid newTicket = QUuid::fromString(newId);
        QVERIFY(!newTicket.isNull());
        int changes = 1;
        const auto offline = [&](const QStringList &args) {
            const auto r = a.run(args);
            QCOMPARE(r.exitCode, 0);
            ++changes;
        };
        for (const QString &t : {t1, t2, t3, t4, newId})
            offline({QStringLiteral("reply"), t, QStringLiteral("--body"),
                     QStringLiteral("A replies offline to %1").arg(t)});
        for (const QString &t : {t1, t2, t3, t4})
            offline({QStringLiteral("note"), t, QStringLiteral("--body"),
                     QStringLiteral("A notes offline on %1").arg(t)});
        for (const QString &t : {t1, t2, t3, t4})
            offline(set(t, {QStringLiteral("status=pending")}));
        for (const QString &t : {t1, t2, t3})
            offline(set(t, {QStringLiteral("+offline-a"), QStringLiteral("priority=high")}));
        offline(set(newId, {QStringLiteral("+urgent-printer")}));
        offline(set(t4, {QStringLiteral("category=printers")}));
        offline({QStringLiteral("link"), t1, t2});
        QCOMPARE(changes, 20);
        // `set` with a tag and a field is two ops.
        QCOMPARE(outboxSize(a), 23);
        // The cache shows the work at once, the new ticket as pending.
        {
            auto store = a.store();
            QVERIFY(store);
            QVERIFY(!store->ticket(newTicket).value().number.has_value());
            QVERIFY(store->ticket(tickets[0]).value().status == Pult::TicketStatus::Pending);
            QVERIFY(store->ticket(tickets[0]).value().tags.contains(u"offline-a"));
            QCOMPARE(store->messages(tickets[3]).value().size(), 3);
        }
        const auto status = a.run({QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(
            QJsonDocument::fromJson(status.out).object().value(QLatin1String("outbox")).toInt(),
            23);

        // B, online, on some of the same tickets: later writes of the same fields, other tags.
        for (const QString &t : {t1, t2}) {
            QCOMPARE(
                b.run(set(t, {QStringLiteral("status=open"), QStringLiteral("+from-b")})).exitCode,
                0);
            QCOMPARE(b.run({QStringLiteral("reply"), t, QStringLiteral("--body"),
                            QStringLiteral("B replies online to %1").arg(t)})
                         .exitCode,
                     0);
        }
        QCOMPARE(b.run(set(t3, {QStringLiteral("priority=low")})).exitCode, 0);

        network.setDown(false); // A comes back
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(outboxSize(a), 0);
        QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);

        QList<QUuid> all = tickets;
        all.append(newTicket);
        verifyConverged(all, {&a, &b});

        // A's writes came after B's: last writer wins per field, tags are sets.
        auto store = a.store();
        const Pult::Ticket first = store->ticket(tickets[0]).value();
        QVERIFY(first.status == Pult::TicketStatus::Pending);
        QVERIFY(first.tags.contains(u"offline-a") && first.tags.contains(u"from-b"));
        QVERIFY(first.linked.contains(tickets[1]));
        QVERIFY(store->ticket(newTicket).value().number.has_value());
        // Every message once: the seeded one, A's reply, A's note, B's reply.
        const auto messages = store->messages(tickets[0]).value();
        QCOMPARE(messages.size(), 4);
        QSet<QString> bodies;
        for (const Pult::Message &m : messages)
            bodies.insert(m.bodyText);
        QCOMPARE(bodies.size(), 4);
        // Both writers of the status are in the history.
        QSet<QUuid> statusWriters;
        const auto history = store->history(tickets[0]);
        for (const Pult::HistoryEvent &e : history.value()) {
            if (e.field == u"status")
                statusWriters.insert(e.actorId);
        }
        QCOMPARE(statusWriters.size(), 2);
    }

    // Both agents take the same ticket offline; the first to sync wins, the other gets the
    // rejection and sees the winner's assignment.
    void takeRace()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Race"));
        Client a, b;
        QVERIFY(a.login(m_server.port(), m_ana));
        QVERIFY(b.login(m_server.port(), m_eva));
        const QString t = ref(ticket);
        QCOMPARE(a.run({QStringLiteral("--offline"), QStringLiteral("take"), t}).exitCode, 0);
        QCOMPARE(b.run({QStringLiteral("--offline"), QStringLiteral("take"), t}).exitCode, 0);
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        const auto lost = b.run({QStringLiteral("sync")});
        QCOMPARE(lost.exitCode, 1);
        QVERIFY2(lost.err.contains("already_taken"), lost.err.constData());
        const auto rejections = b.run({QStringLiteral("--json"), QStringLiteral("rejections")});
        const QJsonArray list = QJsonDocument::fromJson(rejections.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("code")).toString(),
                 QStringLiteral("already_taken"));
        verifyConverged({ticket}, {&a, &b});
        auto store = b.store();
        QVERIFY(store->ticket(ticket).value().assigneeId == a.store()->currentAgent().value());
    }

    // A ticket moved to a department the agent is not in leaves their cache; their pending
    // note on it comes back as a rejection and is gone from the cache too.
    void ticketLeavesSight()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Moving away"));
        Client b;
        QVERIFY(b.login(m_server.port(), m_eva));
        const QString t = ref(ticket);
        QCOMPARE(b.run({QStringLiteral("--offline"), QStringLiteral("note"), t,
                        QStringLiteral("--body"), QStringLiteral("Too late")})
                     .exitCode,
                 0);
        QCOMPARE(b.store()->messages(ticket).value().size(), 2);
        const QJsonArray moved = post({QJsonObject{
            {QStringLiteral("id"), newId()},
            {QStringLiteral("type"), QStringLiteral("set_fields")},
            {QStringLiteral("ticket_id"), Pult::uuidToString(ticket)},
            {QStringLiteral("fields"), QJsonObject{{QStringLiteral("department_id"), m_sales}}}}});
        QCOMPARE(moved.at(0).toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        const auto synced = b.run({QStringLiteral("sync")});
        QCOMPARE(synced.exitCode, 1);
        QVERIFY2(synced.err.contains("not_found"), synced.err.constData());
        auto store = b.store();
        QVERIFY(store->ticket(ticket).status().code() == Pult::Status::NotFound);
        QVERIFY(store->messages(ticket).value().isEmpty());
        QCOMPARE(store->outbox().value().size(), 0);
        const auto rejections = b.run({QStringLiteral("--json"), QStringLiteral("rejections")});
        QCOMPARE(QJsonDocument::fromJson(rejections.out).array().size(), 1);
    }

    // A ticket that comes into sight brings its requester, whose contact change was made for
    // another department.
    void requesterComesIntoSight()
    {
        const QByteArray sam = login(m_server, QStringLiteral("sam@example.com"));
        const QString id = newId();
        const QString contact = newId();
        const auto created = m_server.fetch(apiRequest(
            "POST", "/api/v1/ops", sam,
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("ops"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("id"), newId()},
                         {QStringLiteral("type"), QStringLiteral("create_ticket")},
                         {QStringLiteral("ticket"),
                          QJsonObject{
                              {QStringLiteral("id"), id},
                              {QStringLiteral("subject"), QStringLiteral("From Sales")},
                              {QStringLiteral("department_id"), m_sales},
                              {QStringLiteral("requester"),
                               QJsonObject{
                                   {QStringLiteral("id"), contact},
                                   {QStringLiteral("email"), QStringLiteral("zoran@sales.example")},
                                   {QStringLiteral("name"), QStringLiteral("Zoran Horvat")}}}}}}}}})
                .toJson(QJsonDocument::Compact)));
        QVERIFY(created && created->status == 200);
        const QJsonArray moved =
            post({QJsonObject{{QStringLiteral("id"), newId()},
                              {QStringLiteral("type"), QStringLiteral("set_fields")},
                              {QStringLiteral("ticket_id"), id},
                              {QStringLiteral("fields"),
                               QJsonObject{{QStringLiteral("department_id"), m_billing}}}}});
        QCOMPARE(moved.at(0).toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        Client b;
        QVERIFY(b.login(m_server.port(), m_eva));
        auto store = b.store();
        QCOMPARE(store->ticket(QUuid::fromString(id)).value().requesterId,
                 QUuid::fromString(contact));
        auto requester = store->contact(QUuid::fromString(contact));
        QVERIFY2(requester.good(), qPrintable(requester.status().message()));
        QCOMPARE(requester->name, QStringLiteral("Zoran Horvat"));
    }

    // kill -9 of the client while it sends the outbox, again and again: in the end every change
    // is on the server exactly once.
    void killedClientSendsOnce()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Replay"));
        Client a;
        QVERIFY(a.login(m_server.port(), m_ana));
        const QString t = ref(ticket);
        constexpr int kNotes = 40;
        for (int i = 0; i < kNotes; ++i)
            QCOMPARE(a.run({QStringLiteral("--offline"), QStringLiteral("note"), t,
                            QStringLiteral("--body"), QStringLiteral("replayed note %1").arg(i)})
                         .exitCode,
                     0);
        for (int delay : {5, 15, 30, 60}) {
            QProcess sync;
            a.start(sync, {QStringLiteral("sync")});
            QTest::qWait(delay);
            killNow(sync);
            sync.waitForFinished(kTimeoutMs);
        }
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(outboxSize(a), 0);
        const QJsonObject server = serverTicket(m_server, m_root, ticket);
        QMap<QString, int> seen;
        for (const QJsonValue &m : server.value(QLatin1String("messages")).toArray())
            ++seen[m.toObject().value(QLatin1String("body")).toString()];
        for (int i = 0; i < kNotes; ++i)
            QCOMPARE(seen.value(QStringLiteral("replayed note %1").arg(i)), 1);
        verifyConverged({ticket}, {&a});
    }

    // kill -9 of pultd while a batch is in flight; after a restart on the same port and a
    // resync every change is there exactly once.
    void killedServerKeepsEveryChangeOnce()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Server crash"));
        Client a;
        QVERIFY(a.login(m_server.port(), m_ana));
        const QString t = ref(ticket);
        constexpr int kNotes = 30;
        const quint16 port = m_server.port();
        int note = 0;
        // pultd dies at a different moment of the round each time: before, during, after a batch.
        for (int delay : {10, 25, 40, 60}) {
            for (int i = 0; i < kNotes / 3; ++i, ++note)
                QCOMPARE(
                    a.run({QStringLiteral("--offline"), QStringLiteral("note"), t,
                           QStringLiteral("--body"), QStringLiteral("crash note %1").arg(note)})
                        .exitCode,
                    0);
            QProcess sync;
            a.start(sync, {QStringLiteral("sync")});
            QTest::qWait(delay);
            m_server.process().kill(); // SIGKILL
            m_server.waitForExit();
            sync.waitForFinished(kTimeoutMs);
            QVERIFY(m_server.start(
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}));
            QCOMPARE(m_server.port(), port);
        }
        m_root = login(m_server, QStringLiteral("root@example.com"));
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(outboxSize(a), 0);
        QMap<QString, int> seen;
        for (const QJsonValue &m :
             serverTicket(m_server, m_root, ticket).value(QLatin1String("messages")).toArray())
            ++seen[m.toObject().value(QLatin1String("body")).toString()];
        for (int i = 0; i < note; ++i)
            QCOMPARE(seen.value(QStringLiteral("crash note %1").arg(i)), 1);
        verifyConverged({ticket}, {&a});
    }

    // Through a proxy that drops, resets and stalls connections at random (seeded), the client
    // keeps retrying and converges.
    void flakyNetworkConverges()
    {
        QList<QUuid> tickets;
        for (int i = 0; i < 3; ++i)
            tickets.append(seedTicket(QStringLiteral("Flaky %1").arg(i)));
        PultTest::FlakyProxy network(m_server.port(), 20261123);
        QVERIFY(network.start());
        Client a;
        QVERIFY(a.login(network.port(), m_ana));
        QStringList refs;
        for (const QUuid &id : tickets)
            refs.append(ref(id));
        PultTest::FlakyProxy::Faults faults;
        faults.drop = 0.25;
        faults.reset = 0.25;
        faults.resetWithinBytes = 3000;
        faults.stall = 0.2;
        faults.stallMs = 300;
        network.setFaults(faults);
        // Rounds of work and sync; every pultctl run is a new connection with a fate of its own.
        for (int round = 0; round < 10; ++round) {
            for (int i = 0; i < 3; ++i)
                QCOMPARE(a.run({QStringLiteral("--offline"), QStringLiteral("reply"), refs.at(i),
                                QStringLiteral("--body"),
                                QStringLiteral("flaky reply %1.%2").arg(round).arg(i)})
                             .exitCode,
                         0);
            int attempts = 0;
            while (attempts < 30 && a.run({QStringLiteral("sync")}).exitCode != 0)
                ++attempts;
            QVERIFY2(attempts < 30, "no successful sync through the flaky network");
        }
        const auto counters = network.counters();
        QVERIFY(counters.dropped > 0 && counters.reset > 0 && counters.stalled > 0);
        network.setFaults({});
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(outboxSize(a), 0);
        verifyConverged(tickets, {&a});
    }

    // The engine on its own thread: a change by another agent reaches the cache through the
    // revision stream without anyone asking; with the network gone it says offline, and it
    // syncs again by itself when the network is back.
    void engineFollowsTheServer()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Engine"));
        PultTest::FlakyProxy network(m_server.port(), 7);
        QVERIFY(network.start());
        Client a, b;
        QVERIFY(a.login(m_server.port(), m_ana));
        QVERIFY(b.login(network.port(), m_eva));
        Pult::SyncEngine engine(b.home());
        engine.setPollInterval(600'000); // only the stream and the retries make it pull
        QSignalSpy changed(&engine, &Pult::SyncEngine::cacheChanged);
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(engine.state().kind), int(Pult::SyncEngine::State::Synced),
                                  kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(oneStreamOpen(), kTimeoutMs);
        const QString t = ref(ticket);
        QCOMPARE(a.run({QStringLiteral("reply"), t, QStringLiteral("--body"),
                        QStringLiteral("pushed to B")})
                     .exitCode,
                 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto store = b.store();
                const auto messages = store->messages(ticket);
                for (const Pult::Message &m : messages.value())
                    if (m.bodyText == u"pushed to B")
                        return true;
                return false;
            }(),
            kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kTimeoutMs);
        // A message arrived: what views and filters select may have changed (they recount).
        QVERIFY(changed.last().at(1).toBool());
        // A canned response for everyone arrives: nothing a view or filter selects by changed,
        // so the window keeps its filter counts.
        changed.clear();
        const Pult::CannedResponse greeting{QUuid::createUuid(),       QStringLiteral("Greeting"),
                                            QStringLiteral("hi"),      QStringLiteral("Hello"),
                                            Pult::CannedScope::Global, QUuid()};
        QCOMPARE(
            post({QJsonObject{{QStringLiteral("id"), newId()},
                              {QStringLiteral("type"), QStringLiteral("upsert_canned_response")},
                              {QStringLiteral("response"), Pult::Wire::toJson(greeting)}}})
                .first()
                .toObject()
                .value(QLatin1String("status"))
                .toString(),
            QStringLiteral("applied"));
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kTimeoutMs);
        for (const QList<QVariant> &round : std::as_const(changed))
            QVERIFY(!round.at(1).toBool());

        network.setDown(true);
        engine.syncNow();
        // A request on a connection the network dropped may wait for the transfer timeout (20 s).
        QTRY_COMPARE_WITH_TIMEOUT(int(engine.state().kind), int(Pult::SyncEngine::State::Offline),
                                  45'000);
        QVERIFY(engine.state().text().startsWith(u"Offline"));
        network.setDown(false);
        QTRY_COMPARE_WITH_TIMEOUT(int(engine.state().kind), int(Pult::SyncEngine::State::Synced),
                                  20'000);
        QCOMPARE(engine.state().text(), QStringLiteral("Synced"));
    }

    // Signing out revokes the token on the server and forgets it here; the cache and the
    // outbox stay for the next sign-in, which sends what was waiting.
    void logoutRevokesAndKeepsWork()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Sign out"));
        Client a;
        QVERIFY(a.login(m_server.port(), m_ana));
        QFile credentials(a.home() + QStringLiteral("/credentials"));
        QVERIFY(credentials.open(QIODevice::ReadOnly));
        QCOMPARE(int(credentials.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)),
                 0);
        const QJsonObject stored = QJsonDocument::fromJson(credentials.readAll()).object();
        credentials.close();
        QCOMPARE(stored.size(), 1);
        const QByteArray token =
            QByteArray::fromBase64(stored.begin().value().toString().toLatin1());
        QCOMPARE(m_server.fetch(apiRequest("GET", "/api/v1/me", token))->status, 200);

        QCOMPARE(a.run({QStringLiteral("--offline"), QStringLiteral("note"), ref(ticket),
                        QStringLiteral("--body"), QStringLiteral("written before signing out")})
                     .exitCode,
                 0);
        QCOMPARE(a.run({QStringLiteral("logout")}).exitCode, 0);
        QCOMPARE(m_server.fetch(apiRequest("GET", "/api/v1/me", token))->status, 401);
        const auto status = a.run({QStringLiteral("--json"), QStringLiteral("status")});
        const QJsonObject o = QJsonDocument::fromJson(status.out).object();
        QCOMPARE(o.value(QLatin1String("signed_in")).toBool(), false);
        QCOMPARE(o.value(QLatin1String("outbox")).toInt(), 1);
        const auto refused = a.run({QStringLiteral("sync")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("sign in again"), refused.err.constData());
        QVERIFY(a.login(m_server.port(), m_ana));
        QCOMPARE(outboxSize(a), 0);
        verifyConverged({ticket}, {&a});
        // Another account may not take over this home: its data is Ana's.
        const auto other =
            a.run({QStringLiteral("login"),
                   QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()), m_eva},
                  kPassword + '\n');
        QCOMPARE(other.exitCode, 1);
        QVERIFY2(other.err.contains("another home directory"), other.err.constData());
    }

    // An attachment goes up with its reply; the other agent fetches it by hash once, checked,
    // and has it cached.
    void attachmentsTravel()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Attachment"));
        Client a, b;
        QVERIFY(a.login(m_server.port(), m_ana));
        QVERIFY(b.login(m_server.port(), m_eva));
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("error.log"));
        QByteArray content;
        for (int i = 0; i < 2000; ++i)
            content += "2026-11-23 12:00:" + QByteArray::number(i % 60) + " ERROR disk full\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QString t = ref(ticket);
        QCOMPARE(a.run({QStringLiteral("reply"), t, QStringLiteral("--body"),
                        QStringLiteral("The log"), QStringLiteral("--attach"), path})
                     .exitCode,
                 0);
        const QByteArray hash =
            QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
        QVERIFY(
            QFile::exists(a.home() + QStringLiteral("/attachments/") + QString::fromLatin1(hash)));
        const auto shown = b.run({QStringLiteral("--json"), QStringLiteral("show"), t});
        QCOMPARE(shown.exitCode, 0);
        const QJsonArray messages =
            QJsonDocument::fromJson(shown.out).object().value(QLatin1String("messages")).toArray();
        const QJsonObject attachment = messages.last()
                                           .toObject()
                                           .value(QLatin1String("attachments"))
                                           .toArray()
                                           .first()
                                           .toObject();
        QCOMPARE(attachment.value(QLatin1String("hash")).toString().toLatin1(), hash);
        QCOMPARE(attachment.value(QLatin1String("name")).toString(), QStringLiteral("error.log"));
        QCOMPARE(attachment.value(QLatin1String("size")).toInteger(), content.size());
        const QString saved = files.filePath(QStringLiteral("fetched.log"));
        QCOMPARE(b.run({QStringLiteral("attachment"), QString::fromLatin1(hash),
                        QStringLiteral("--output"), saved})
                     .exitCode,
                 0);
        QFile fetched(saved);
        QVERIFY(fetched.open(QIODevice::ReadOnly));
        QCOMPARE(fetched.readAll(), content);
        QVERIFY(
            QFile::exists(b.home() + QStringLiteral("/attachments/") + QString::fromLatin1(hash)));
        // A hash nobody may see is not found, a malformed one refused.
        QCOMPARE(b.run({QStringLiteral("attachment"), QString(64, u'0')}).exitCode, 1);
        QCOMPARE(b.run({QStringLiteral("attachment"), QStringLiteral("../../etc/passwd")}).exitCode,
                 1);
    }

    // A damaged cache is moved aside and rebuilt from the server; the unsent change survives and
    // reaches the server.
    // A reply from pultctl goes out in its department's header and footer, rendered for the
    // ticket, as the window's composer sends it (replycontext.h).
    void repliesCarryTheDepartmentFrame()
    {
        const auto frame = [&](const QString &header, const QString &footer) {
            const QJsonArray results =
                post({QJsonObject{{QStringLiteral("id"), newId()},
                                  {QStringLiteral("type"), QStringLiteral("update_department")},
                                  {QStringLiteral("department"),
                                   QJsonObject{{QStringLiteral("id"), m_billing},
                                               {QStringLiteral("reply_header"), header},
                                               {QStringLiteral("reply_footer"), footer}}}}});
            return results.size() == 1 &&
                   results.at(0).toObject().value(QLatin1String("status")).toString() == u"applied";
        };
        QVERIFY(frame(QStringLiteral("Dear {{customer.name}},"),
                      QStringLiteral("— {{department.name}}")));
        const QUuid ticket = seedTicket(QStringLiteral("Framed"));
        QVERIFY(!ticket.isNull());
        Client a;
        QVERIFY(a.login(m_server.port(), m_ana));
        QCOMPARE(a.run({QStringLiteral("reply"), ref(ticket), QStringLiteral("--body"),
                        QStringLiteral("Refunded.")})
                     .exitCode,
                 0);
        QCOMPARE(a.run({QStringLiteral("note"), ref(ticket), QStringLiteral("--body"),
                        QStringLiteral("Notes stay as typed.")})
                     .exitCode,
                 0);
        QVERIFY(frame(QString(), QString()));
        const QJsonArray messages =
            serverTicket(m_server, m_root, ticket).value(QLatin1String("messages")).toArray();
        QStringList bodies;
        for (const QJsonValue &m : messages)
            bodies.append(m.toObject().value(QLatin1String("body")).toString());
        QCOMPARE(bodies.size(), 3);
        QVERIFY2(bodies.contains(QStringLiteral("Dear Marta Kowalska,\n\nRefunded.\n\n— Billing")),
                 qPrintable(bodies.join(u'|')));
        QVERIFY(bodies.contains(QStringLiteral("Notes stay as typed.")));
    }

    // A filter shared with Billing reaches a Billing agent's cache through the feed, and leaves
    // it when unshared; one shared with Sales never arrives.
    void sharedFiltersSync()
    {
        const auto share = [&](const QString &id, const QString &department) {
            return post({QJsonObject{
                {QStringLiteral("id"), newId()},
                {QStringLiteral("type"), QStringLiteral("upsert_shared_filter")},
                {QStringLiteral("filter"),
                 QJsonObject{{QStringLiteral("id"), id},
                             {QStringLiteral("name"), QStringLiteral("Open in %1").arg(id.left(4))},
                             {QStringLiteral("query"), QStringLiteral("status:open")},
                             {QStringLiteral("department_id"), department}}}}});
        };
        Client a;
        QVERIFY(a.login(m_server.port(), m_ana));
        const QString billing = newId();
        const QString sales = newId();
        QCOMPARE(share(billing, m_billing).size(), 1);
        QCOMPARE(share(sales, m_sales).size(), 1);
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        {
            auto store = a.store();
            QVERIFY(store);
            const auto filters = store->sharedFilters().value();
            QCOMPARE(filters.size(), 1);
            QCOMPARE(Pult::uuidToString(filters.first().id), billing);
            QCOMPARE(filters.first().query, QStringLiteral("status:open"));
            QCOMPARE(Pult::uuidToString(filters.first().departmentId), m_billing);
        }
        QCOMPARE(post({QJsonObject{{QStringLiteral("id"), newId()},
                                   {QStringLiteral("type"), QStringLiteral("delete_shared_filter")},
                                   {QStringLiteral("filter_id"), billing}}})
                     .size(),
                 1);
        QCOMPARE(a.run({QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(a.store()->sharedFilters().value().isEmpty());
    }

    // pultctl rule, as a lead or admin runs it: refusals with the place, a dry run, the rule
    // acting on a note, its work in the history under its name, and removal.
    void rulesFromPultctl()
    {
        Client root;
        QVERIFY(root.login(m_server.port(), QStringLiteral("root@example.com")));
        const QString name = QStringLiteral("Billing VIP");
        const auto add = [&](const Client &c, const QString &then) {
            return c.run({QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("--name"),
                          name, QStringLiteral("--when"), QStringLiteral("note"),
                          QStringLiteral("--if"), QStringLiteral("tag:rules-vip"),
                          QStringLiteral("--then"), then, QStringLiteral("--dept"),
                          QStringLiteral("Billing")});
        };
        const PultdTest::Run bad = add(root, QStringLiteral("priority=urgent tier=12"));
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.err.trimmed(),
                 QByteArray("pultctl: refused: the actions, column 17: a tier is a number from "
                            "1 to 9, or next"));
        Client ana;
        QVERIFY(ana.login(m_server.port(), m_ana));
        const PultdTest::Run forbidden = add(ana, QStringLiteral("priority=urgent"));
        QCOMPARE(forbidden.exitCode, 1);
        QVERIFY(forbidden.err.contains("only an admin for every department") ||
                forbidden.err.contains("a lead writes rules"));
        const PultdTest::Run added = add(root, QStringLiteral("priority=urgent +seen"));
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.trimmed(), QByteArray("Rule \"Billing VIP\" added"));
        const PultdTest::Run listed = ana.run({QStringLiteral("rule"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("Billing VIP (Billing)"));
        QVERIFY(listed.out.contains("when note  if tag:rules-vip  then priority=urgent +seen"));

        const QUuid ticket = seedTicket(QStringLiteral("Rules"));
        QVERIFY(!ticket.isNull());
        const QString id = Pult::uuidToString(ticket);
        QCOMPARE(ana.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(ana.run({QStringLiteral("set"), id, QStringLiteral("+rules-vip")}).exitCode, 0);
        const PultdTest::Run dry =
            ana.run({QStringLiteral("rule"), QStringLiteral("test"), name, id});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains("  priority: normal -> urgent\n  tags: rules-vip -> "
                                  "rules-vip,seen\n"),
                 dry.out.constData());
        QCOMPARE(ana.run({QStringLiteral("note"), id, QStringLiteral("--body"),
                          QStringLiteral("Looking")})
                     .exitCode,
                 0);
        const PultdTest::Run shown = ana.run({QStringLiteral("show"), id});
        QVERIFY2(shown.out.contains("rule \"Billing VIP\": priority normal → urgent"),
                 shown.out.constData());
        QVERIFY(ana.store()->ticket(ticket).value().priority == Pult::Priority::Urgent);
        const PultdTest::Run removed =
            root.run({QStringLiteral("rule"), QStringLiteral("remove"), name});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(
            !root.run({QStringLiteral("rule"), QStringLiteral("list")}).out.contains("Billing"));
        QCOMPARE(root.run({QStringLiteral("rule"), QStringLiteral("remove"), name}).exitCode, 2);
    }

    // pultctl dept, agent and canned: ops through the outbox, refused by the server with the
    // reason when the role does not allow them; what they change reaches the other clients.
    void settingsFromPultctl()
    {
        Client root, ana, eva;
        QVERIFY(root.login(m_server.port(), QStringLiteral("root@example.com")));
        QVERIFY(ana.login(m_server.port(), m_ana));
        QVERIFY(eva.login(m_server.port(), m_eva));
        const auto run = [](const Client &c, const QString &line) {
            return c.run(line.split(u'|'));
        };
        // Departments: an admin adds one; bad settings and a taken name are refused.
        const PultdTest::Run added = run(
            root, QStringLiteral("dept|add|Returns|--email|returns@example.com|--hours|tz=Europe/"
                                 "Warsaw; mon-fri 09:00-17:00|--sla|normal: first 4h, resolve "
                                 "2d; business|--assignment|round-robin"));
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.trimmed(), QByteArray("Department \"Returns\" added"));
        const PultdTest::Run listed = run(root, QStringLiteral("dept|list"));
        QVERIFY2(listed.out.contains("Returns <returns@example.com>\n  hours: tz=Europe/Warsaw; "
                                     "mon-fri 09:00-17:00\n  sla: normal: first 4h, resolve 2d; "
                                     "business\n"),
                 listed.out.constData());
        QVERIFY(listed.out.contains("  assignment: round-robin\n"));
        const PultdTest::Run badHours =
            run(root, QStringLiteral("dept|add|Bad|--hours|mon-xyz 09:00-17:00"));
        QCOMPARE(badHours.exitCode, 1);
        QVERIFY2(badHours.err.contains("create_department was refused: business hours: column 5"),
                 badHours.err.constData());
        QVERIFY(run(root, QStringLiteral("dept|add|returns")).err.contains("(duplicate_name)"));
        QVERIFY(run(ana, QStringLiteral("dept|set|Billing|--queue-order|fifo"))
                    .err.contains("only an admin configures departments"));
        QCOMPARE(run(ana, QStringLiteral("dept|set|Billing|--colour|red")).exitCode, 2);
        // Agents: an admin puts Ana in Returns too; Ana's client sees the department.
        QCOMPARE(run(root, QStringLiteral("agent|set|ana@example.com|--dept|Billing|--dept|"
                                          "Returns:2"))
                     .exitCode,
                 0);
        QVERIFY(run(root, QStringLiteral("agent|list"))
                    .out.contains("ana@example.com  agent  ana — Billing (tier 1), "
                                  "Returns (tier 2)\n"));
        // Goals, which the dashboard measures the department against: a mistake says where.
        const PultdTest::Run badGoals =
            run(root, QStringLiteral("dept|set|Returns|--goals|resolution 95 within 1d"));
        QVERIFY2(badGoals.err.contains("update_department was refused: goals: goal 1: the share "
                                       "is a percentage"),
                 badGoals.err.constData());
        QCOMPARE(run(root, QStringLiteral("dept|set|Returns|--goals|csat 4.5\nfirst_response 90% "
                                          "within 60m"))
                     .exitCode,
                 0);
        QVERIFY(run(root, QStringLiteral("dept|list"))
                    .out.contains("  goals: first_response 90% within 1h; csat 4.5\n"));
        // The customer pages and the survey, as the window's tabs set them.
        QVERIFY(run(root, QStringLiteral("dept|set|Returns|--color|blue"))
                    .err.contains("color is #rrggbb"));
        QCOMPARE(run(root, QStringLiteral("dept|set|Returns|--language|sl|--color|#12ab34|--web-"
                                          "form|off|--csat-delay|30|--auto-reply|Thanks."))
                     .exitCode,
                 0);
        const QByteArray pages = run(root, QStringLiteral("dept|list")).out;
        for (const char *line : {"  language: sl\n", "  color: #12ab34\n", "  web-form: off\n",
                                 "  csat-delay: 30\n", "  auto-reply: Thanks.\n"})
            QVERIFY2(pages.contains(line), pages.constData());
        QCOMPARE(ana.run({QStringLiteral("sync")}).exitCode, 0);
        const QList<Pult::Department> seen = ana.store()->departments().value();
        const auto returns =
            std::find_if(seen.cbegin(), seen.cend(),
                         [](const Pult::Department &d) { return d.name == u"Returns"; });
        QVERIFY(returns != seen.cend());
        QCOMPARE(returns->goals, QStringLiteral("first_response 90% within 1h; csat 4.5"));
        QVERIFY(run(ana, QStringLiteral("agent|set|eva@example.com|--role|admin"))
                    .err.contains("only an admin manages agents (forbidden)"));
        QCOMPARE(run(root, QStringLiteral("agent|set|nobody@example.com|--role|lead")).exitCode, 1);
        // Canned responses: personal ones are the agent's own; a department's are its lead's or
        // an admin's, and reach its agents.
        QCOMPARE(run(ana, QStringLiteral("canned|add|--title|Thanks|--body|Thank you!|--shortcut|"
                                         "thx"))
                     .exitCode,
                 0);
        QVERIFY(run(ana, QStringLiteral("canned|list")).out.contains("thx  Thanks  (personal)\n"));
        QVERIFY(!run(eva, QStringLiteral("canned|list")).out.contains("Thanks"));
        QVERIFY(run(ana, QStringLiteral("canned|add|--title|Refund|--body|B|--dept|Billing"))
                    .err.contains("(forbidden)"));
        QCOMPARE(run(root, QStringLiteral("canned|add|--title|Refund|--body|Refunds take five "
                                          "days.|--shortcut|refund|--dept|Billing"))
                     .exitCode,
                 0);
        QVERIFY(
            run(eva, QStringLiteral("canned|list")).out.contains("refund  Refund  (Billing)\n"));
        QVERIFY(run(eva, QStringLiteral("canned|set|refund|--body|Mine now"))
                    .err.contains("(forbidden)"));
        QCOMPARE(
            run(root, QStringLiteral("canned|set|refund|--body|Refunds take three days.")).exitCode,
            0);
        QCOMPARE(eva.run({QStringLiteral("sync")}).exitCode, 0);
        const auto body = [&](const QString &title) {
            const QList<Pult::CannedResponse> responses = eva.store()->cannedResponses().value();
            for (const Pult::CannedResponse &r : responses) {
                if (r.title == title)
                    return r.body;
            }
            return QString();
        };
        QCOMPARE(body(QStringLiteral("Refund")), QStringLiteral("Refunds take three days."));
        QCOMPARE(run(root, QStringLiteral("canned|remove|Refund")).exitCode, 0);
        QCOMPARE(eva.run({QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(body(QStringLiteral("Refund")).isNull());
        QCOMPARE(run(ana, QStringLiteral("canned|remove|thx")).exitCode, 0);
        QCOMPARE(run(root, QStringLiteral("agent|set|ana@example.com|--dept|Billing")).exitCode, 0);
    }

    // pultctl dept remove: an admin's alone. The department's tickets, with their conversation,
    // and its canned responses reach the target's agents; a client of its only member drops
    // the department and all of it.
    void departmentRemoved()
    {
        Client root, ana, lu, sam;
        QVERIFY(root.login(m_server.port(), QStringLiteral("root@example.com")));
        QVERIFY(ana.login(m_server.port(), m_ana));
        QVERIFY(sam.login(m_server.port(), QStringLiteral("sam@example.com")));
        const auto run = [](const Client &c, const QString &line) {
            return c.run(line.split(u'|'));
        };
        QCOMPARE(run(root, QStringLiteral("dept|add|Old desk")).exitCode, 0);
        QCOMPARE(
            root.run({QStringLiteral("agent"), QStringLiteral("add"),
                      QStringLiteral("lu@example.com"), QStringLiteral("--name"),
                      QStringLiteral("Lu"), QStringLiteral("--dept"), QStringLiteral("Old desk")},
                     kPassword + '\n')
                .exitCode,
            0);
        QVERIFY(lu.login(m_server.port(), QStringLiteral("lu@example.com")));
        const QString oldDesk = departmentId(m_server, m_root, QStringLiteral("Old desk"));
        const QUuid ticket = seedTicket(QStringLiteral("At the old desk"), oldDesk);
        QVERIFY(!ticket.isNull());
        QCOMPARE(run(root, QStringLiteral("canned|add|--title|Desk hours|--body|We open at 9.|"
                                          "--dept|Old desk"))
                     .exitCode,
                 0);
        QCOMPARE(lu.run({QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(lu.store()->ticket(ticket).good());
        const auto deskHours = [](const Client &c) {
            const QList<Pult::CannedResponse> responses = c.store()->cannedResponses().value();
            return std::count_if(
                responses.cbegin(), responses.cend(),
                [](const Pult::CannedResponse &r) { return r.title == u"Desk hours"; });
        };
        QCOMPARE(deskHours(lu), 1);

        QCOMPARE(run(root, QStringLiteral("dept|remove|Old desk")).exitCode, 2); // no --move-to
        QVERIFY(run(root, QStringLiteral("dept|remove|Nowhere|--move-to|Sales"))
                    .err.contains("Nowhere"));
        const PultdTest::Run refused =
            run(ana, QStringLiteral("dept|remove|Billing|--move-to|Billing"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("only an admin removes departments"),
                 refused.err.constData());
        const PultdTest::Run removed =
            run(root, QStringLiteral("dept|remove|old desk|--move-to|Sales"));
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(removed.out.trimmed(),
                 QByteArray("Department \"Old desk\" removed; 1 ticket moved to \"Sales\""));
        QVERIFY(!run(root, QStringLiteral("dept|list")).out.contains("Old desk"));

        // Lu's client: the department and everything of it are gone.
        QCOMPARE(lu.run({QStringLiteral("sync")}).exitCode, 0);
        {
            auto store = lu.store();
            QVERIFY(store->ticket(ticket).status().code() == Pult::Status::NotFound);
            QVERIFY(store->messages(ticket).value().isEmpty());
            QCOMPARE(deskHours(lu), 0);
            const QList<Pult::Department> departments = store->departments().value();
            for (const Pult::Department &d : departments)
                QVERIFY(d.name != u"Old desk");
        }
        // Sam's, in Sales: the ticket with its first message, and the canned response.
        QCOMPARE(sam.run({QStringLiteral("sync")}).exitCode, 0);
        auto store = sam.store();
        QCOMPARE(store->ticket(ticket).value().departmentId, QUuid::fromString(m_sales));
        const QList<Pult::Message> messages = store->messages(ticket).value();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().bodyText, QStringLiteral("Please help with At the old desk"));
        QVERIFY(run(sam, QStringLiteral("canned|list")).out.contains("Desk hours  (Sales)\n"));
    }

    // An admin adds an agent (the password from standard input, sent at once) and deactivates
    // them: signed out at once, sign-in refused with the reason, until reactivated.
    void agentsAddedAndDeactivated()
    {
        Client root, ana, mia;
        QVERIFY(root.login(m_server.port(), QStringLiteral("root@example.com")));
        QVERIFY(ana.login(m_server.port(), m_ana));
        const QStringList add{QStringLiteral("agent"),           QStringLiteral("add"),
                              QStringLiteral("mia@example.com"), QStringLiteral("--name"),
                              QStringLiteral("Mia Kos"),         QStringLiteral("--dept"),
                              QStringLiteral("Billing:2")};
        QVERIFY(ana.run(add, kPassword + '\n').err.contains("only an admin manages agents"));
        QVERIFY(root.run(add, "short\n").err.contains("at least 8 characters"));
        const PultdTest::Run added = root.run(add, kPassword + '\n');
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.out.trimmed(), QByteArray("Agent mia@example.com added"));
        QVERIFY(root.run(add, kPassword + '\n').err.contains("exists"));
        QVERIFY(mia.login(m_server.port(), QStringLiteral("mia@example.com")));
        QVERIFY(root.run({QStringLiteral("agent"), QStringLiteral("list")})
                    .out.contains("mia@example.com  agent  Mia Kos — Billing (tier 2)\n"));
        // The most senior now: place 1 in assignment's order (tst_assignment has its effect).
        QCOMPARE(root.run({QStringLiteral("agent"), QStringLiteral("set"),
                           QStringLiteral("mia@example.com"), QStringLiteral("--seniority"),
                           QStringLiteral("first")})
                     .exitCode,
                 2);
        QCOMPARE(root.run({QStringLiteral("agent"), QStringLiteral("set"),
                           QStringLiteral("mia@example.com"), QStringLiteral("--seniority"),
                           QStringLiteral("1")})
                     .exitCode,
                 0);
        qint64 place = 0;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(root.run({QStringLiteral("--json"), QStringLiteral("agent"),
                                               QStringLiteral("list")})
                                         .out)
                 .array()) {
            if (v[QLatin1String("email")].toString() == u"mia@example.com")
                place = v[QLatin1String("seniority")].toInteger();
        }
        QCOMPARE(place, 1);
        // Deactivated: her next request is refused, and so is signing in again.
        const PultdTest::Run removed = root.run(
            {QStringLiteral("agent"), QStringLiteral("remove"), QStringLiteral("Mia Kos")});
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(root.run({QStringLiteral("agent"), QStringLiteral("list")})
                    .out.contains("Mia Kos — Billing (tier 2)  (deactivated)\n"));
        const PultdTest::Run refused = mia.run({QStringLiteral("sync")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("this account was deactivated"), refused.err.constData());
        QVERIFY(!mia.login(m_server.port(), QStringLiteral("mia@example.com")));
        QVERIFY(root.run({QStringLiteral("agent"), QStringLiteral("remove"),
                          QStringLiteral("root@example.com")})
                    .err.contains("you cannot deactivate yourself"));
        QCOMPARE(root.run({QStringLiteral("agent"), QStringLiteral("set"),
                           QStringLiteral("mia@example.com"), QStringLiteral("--active"),
                           QStringLiteral("yes")})
                     .exitCode,
                 0);
        QVERIFY(mia.login(m_server.port(), QStringLiteral("mia@example.com")));
        QCOMPARE(root.run({QStringLiteral("agent"), QStringLiteral("remove"),
                           QStringLiteral("mia@example.com")})
                     .exitCode,
                 0);
    }

    // pultctl away and back: told to the server at once (assignment: server_assignment).
    void awayAndBack()
    {
        Client ana;
        QVERIFY(ana.login(m_server.port(), m_ana));
        const PultdTest::Run away = ana.run(
            {QStringLiteral("away"), QStringLiteral("--until"), QStringLiteral("2999-01-01")});
        QCOMPARE(away.exitCode, 0);
        QCOMPARE(away.out.trimmed(),
                 QByteArray("Away until 2999-01-01 00:00: no new tickets are assigned to you until "
                            "then."));
        QCOMPARE(
            ana.run({QStringLiteral("away"), QStringLiteral("--until"), QStringLiteral("soon")})
                .exitCode,
            2);
        const PultdTest::Run back = ana.run({QStringLiteral("back")});
        QCOMPARE(back.exitCode, 0);
        QCOMPARE(back.out.trimmed(), QByteArray("Back: new tickets can be assigned to you."));
        QCOMPARE(ana.run({QStringLiteral("--offline"), QStringLiteral("back")}).exitCode, 2);
    }

    void damagedCacheIsRebuilt()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Damaged cache"));
        Client b;
        QVERIFY(b.login(m_server.port(), m_eva));
        QCOMPARE(b.run({QStringLiteral("--offline"), QStringLiteral("note"), ref(ticket),
                        QStringLiteral("--body"), QStringLiteral("kept through the damage")})
                     .exitCode,
                 0);
        const qint64 tickets = b.store()->ticketCount().value();
        qint64 rootPage = 0;
        {
            auto store = b.store();
            auto stmt = store->database().prepare(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'tickets'");
            QVERIFY(stmt.good() && (*stmt)->next());
            rootPage = (*stmt)->int64(0);
            (*stmt)->reset();
        }
        {
            QFile f(b.home() + QStringLiteral("/cache.db"));
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek((rootPage - 1) * 4096));
            f.write(QByteArray(4096, '\xa5'));
        }
        const auto broken = b.run({QStringLiteral("--offline"), QStringLiteral("list")});
        QCOMPARE(broken.exitCode, 1);
        const auto repaired = b.run({QStringLiteral("repair")});
        QCOMPARE(repaired.exitCode, 0);
        QVERIFY2(repaired.out.contains("kept 1 unsynced"), repaired.out.constData());
        QCOMPARE(b.run({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(b.store()->ticketCount().value(), tickets);
        verifyConverged({ticket}, {&b});
        QVERIFY(serverTicket(m_server, m_root, ticket)
                    .value(QLatin1String("messages"))
                    .toArray()
                    .size() == 2);
    }

    // `pultctl sync --watch` keeps a home in step by itself and says what it is doing.
    void watchKeepsUp()
    {
        const QUuid ticket = seedTicket(QStringLiteral("Watched"));
        Client a, b;
        QVERIFY(a.login(m_server.port(), m_ana));
        QVERIFY(b.login(m_server.port(), m_eva));
        QProcess watch;
        b.start(watch, {QStringLiteral("sync"), QStringLiteral("--watch")});
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT((said += watch.readAllStandardOutput()).contains("Synced"),
                                  QByteArray(said + watch.readAllStandardError()).constData(),
                                  kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(oneStreamOpen(), kTimeoutMs);
        QCOMPARE(a.run(set(ref(ticket), {QStringLiteral("priority=urgent")})).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            b.store()->ticket(ticket).value().priority == Pult::Priority::Urgent, kTimeoutMs);
        watch.terminate();
        QVERIFY(watch.waitForFinished(kTimeoutMs));
    }

    // Killed during the initial sync, the client continues from where it stopped.
    void killedInitialSyncResumes()
    {
        Pultd demo;
        QVERIFY(demo.start({QStringLiteral("--demo")}));
        QVERIFY(demo.waitForLog("\"event\":\"listening\""));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(demo.port());
        const QString email = QStringLiteral("gregor.mlakar@lumen.example"); // admin: sees all
        bool caughtHalfway = false;
        Client c;
        for (int attempt = 0; attempt < 5 && !caughtHalfway; ++attempt) {
            Client partial;
            QProcess login;
            partial.start(login, {QStringLiteral("login"), url, email}, "pult-demo\n");
            // Kill it as soon as the first pages are in (each page commits with its revision).
            const auto revisionOf = [&]() -> qint64 {
                auto store = partial.store();
                if (!store)
                    return 0;
                auto value = store->profileValue(QStringLiteral("revision"));
                return value.good() ? value->toLongLong() : 0;
            };
            qint64 revision = 0;
            while (login.state() != QProcess::NotRunning && revision == 0) {
                QTest::qWait(2);
                revision = revisionOf();
            }
            killNow(login);
            login.waitForFinished(kTimeoutMs);
            revision = revisionOf();
            const auto resumed = partial.run({QStringLiteral("--json"), QStringLiteral("sync")});
            QCOMPARE(resumed.exitCode, 0);
            const qint64 head = QJsonDocument::fromJson(resumed.out)
                                    .object()
                                    .value(QLatin1String("revision"))
                                    .toInteger();
            if (revision <= 0 || revision >= head)
                continue; // the kill came before the first page or after the last: again
            // Halfway: the rest came with the next sync, and the cache is whole.
            caughtHalfway = true;
            QVERIFY(c.run({QStringLiteral("login"), url, email}, "pult-demo\n").exitCode == 0);
            QCOMPARE(partial.store()->ticketCount().value(), c.store()->ticketCount().value());
            QCOMPARE(partial.store()->ticketCount().value(), 2000);
        }
        QVERIFY2(caughtHalfway, "no kill landed during the initial sync");
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
