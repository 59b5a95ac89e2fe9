// The pieces of the sync engine that need no server: the API's JSON shapes round-trip every
// field; ops applied to the cache do what pultd will do; submit() records the base and the outbox
// in one go; a refused op's ticket is rebuilt from its base; the engine's status texts.

#include "localops.h"
#include "localstore.h"
#include "sqlitedb.h"
#include "syncengine.h"
#include "syncsession.h"
#include "wire.h"

#include "../core/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Pult;
using namespace Pult::Test;

class TestLocalOps : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<LocalStore> freshStore()
    {
        auto store = LocalStore::open(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)));
        return store.good() ? std::move(*store) : nullptr;
    }

    static Agent me()
    {
        static const Agent agent{ids().next(),
                                 QStringLiteral("Ana Novak"),
                                 QStringLiteral("ana@example.com"),
                                 Role::Agent,
                                 {}};
        return agent;
    }

private Q_SLOTS:
    void wireRoundTripsEveryField()
    {
        Ticket t = makeTicket(42, QStringLiteral("Račun ni pravilen"), 100, TicketStatus::OnHold,
                              ids().next(), ids().next(), ids().next());
        t.priority = Priority::Urgent;
        t.category = QStringLiteral("billing");
        t.channel = Channel::WebForm;
        t.tags = {QStringLiteral("vip"), QStringLiteral("refund")};
        t.tier = 3;
        t.firstResponseAt = at(101);
        t.solvedAt = at(102);
        t.due = at(200);
        t.reminder = at(150);
        t.firstResponseDeadline = at(110);
        t.resolutionDeadline = at(300);
        t.spam = true;
        t.mergedInto = ids().next();
        t.linked = {ids().next(), ids().next()};
        QCOMPARE(*Wire::ticketFromJson(Wire::toJson(t)), t);

        Message m = makeMessage(t.id, QStringLiteral("Pozdravljeni"), 5);
        m.kind = MessageKind::InternalNote;
        m.authorId = ids().next();
        m.authorName = QStringLiteral("Ana");
        m.attachments = {
            {QByteArray(64, 'a'), QStringLiteral("log.txt"), QStringLiteral("text/plain"), 12}};
        QCOMPARE(*Wire::messageFromJson(Wire::toJson(m)), m);

        const HistoryEvent e{ids().next(),
                             t.id,
                             ids().next(),
                             at(7),
                             QStringLiteral("status"),
                             QStringLiteral("new"),
                             QStringLiteral("open"),
                             QStringLiteral("Enterprise first")};
        QCOMPARE(*Wire::historyFromJson(Wire::toJson(e)), e);
        Rule rule{ids().next(),
                  QStringLiteral("Enterprise first"),
                  ids().next(),
                  QStringLiteral("changed:priority"),
                  QStringLiteral("requester:bigcorp"),
                  QStringLiteral("priority=urgent +vip"),
                  3,
                  false,
                  true};
        QCOMPARE(*Wire::ruleFromJson(Wire::toJson(rule)), rule);

        const Contact c{ids().next(),
                        QStringLiteral("Marta Kowalska"),
                        {QStringLiteral("marta@firma.pl"), QStringLiteral("m@k.pl")},
                        QStringLiteral("+48 1"),
                        QStringLiteral("Firma"),
                        QStringLiteral("pl"),
                        QStringLiteral("Europe/Warsaw"),
                        QStringLiteral("notes"),
                        QStringLiteral("gold"),
                        2,
                        {{QStringLiteral("m@k.pl"),
                          QStringLiteral("550 5.1.1 <m@k.pl>: User unknown"), at(8)}}};
        QCOMPARE(*Wire::contactFromJson(Wire::toJson(c)), c);
        // The bouncing addresses as pultd sends them; none: left out.
        const QJsonArray bouncing = Wire::toJson(c).value(QLatin1String("bouncing")).toArray();
        QCOMPARE(bouncing.size(), 1);
        QCOMPARE(bouncing[0].toObject().value(QLatin1String("email")).toString(),
                 QStringLiteral("m@k.pl"));
        QCOMPARE(bouncing[0].toObject().value(QLatin1String("since")).toString(),
                 at(8).toUTC().toString(Qt::ISODateWithMs));
        Contact fine = c;
        fine.bouncing.clear();
        QVERIFY(!Wire::toJson(fine).contains(QLatin1String("bouncing")));
        QCOMPARE(*Wire::contactFromJson(Wire::toJson(fine)), fine);

        const CannedResponse r{ids().next(),
                               QStringLiteral("Hvala"),
                               QStringLiteral("thx"),
                               QStringLiteral("Hvala, {{customer.first_name}}"),
                               CannedScope::Department,
                               ids().next()};
        QCOMPARE(*Wire::cannedResponseFromJson(Wire::toJson(r)), r);

        const Department d{ids().next(),
                           QStringLiteral("Billing"),
                           QStringLiteral("b@x"),
                           QUuid(),
                           QStringLiteral("hours"),
                           QStringLiteral("policy"),
                           QueueOrder::Fifo,
                           QStringLiteral("Dear {{customer.name}},"),
                           QStringLiteral("{{department.hours}}"),
                           QStringLiteral("csat 4.5")};
        QCOMPARE(*Wire::departmentFromJson(Wire::toJson(d)), d);
    }

    void wireRefusesWhatItCannotRead()
    {
        QCOMPARE(Wire::ticketFromJson({}).status().code(), Status::Invalid);
        QJsonObject t = Wire::toJson(makeTicket(1, QStringLiteral("x"), 1));
        t.insert(QStringLiteral("status"), QStringLiteral("exploded"));
        QCOMPARE(Wire::ticketFromJson(t).status().code(), Status::Invalid);
        QCOMPARE(Wire::messageFromJson({{QStringLiteral("id"), QStringLiteral("not a uuid")}})
                     .status()
                     .code(),
                 Status::Invalid);
    }

    void opsApplyLikeTheServer()
    {
        auto store = freshStore();
        QVERIFY(store);
        Ticket t = makeTicket(7, QStringLiteral("Printer"), 10, TicketStatus::New, ids().next());
        t.tags = {QStringLiteral("hw")};
        QVERIFY(store->put(t).good());
        const Ticket other = makeTicket(8, QStringLiteral("Other"), 10);
        QVERIFY(store->put(other).good());
        LocalOpApplier applier(*store, me());
        const QDateTime now = at(60);

        QVERIFY(
            applier
                .apply(Op::setFields(t.id, {{QStringLiteral("status"), QStringLiteral("solved")},
                                            {QStringLiteral("priority"), QStringLiteral("high")},
                                            {QStringLiteral("tier"), 2},
                                            {QStringLiteral("due"),
                                             QStringLiteral("2026-12-01T09:00:00.000Z")}}),
                       now)
                .good());
        QVERIFY(
            applier
                .apply(Op::changeTags(t.id, {QStringLiteral(" VIP "), QStringLiteral("hw")}, true),
                       now)
                .good());
        QVERIFY(applier.apply(Op::changeTags(t.id, {QStringLiteral("hw")}, false), now).good());
        QVERIFY(applier.apply(Op::take(t.id), now).good());
        QVERIFY(applier.apply(Op::link(t.id, other.id), now).good());
        const CachedFile attached{QStringLiteral("a.txt"), QStringLiteral("text/plain"),
                                  QByteArray(64, 'a'), 5};
        QVERIFY(applier
                    .apply(Op::addMessage(t.id, MessageKind::AgentReply, QStringLiteral("Fixed"),
                                          {attached}),
                           now)
                    .good());
        const Ticket after = *store->ticket(t.id);
        QVERIFY(after.status == TicketStatus::Solved);
        QVERIFY(after.priority == Priority::High);
        QCOMPARE(after.tier, 2);
        QCOMPARE(after.due, QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        QCOMPARE(after.solvedAt, now);
        QCOMPARE(after.tags, QStringList{QStringLiteral("vip")});
        QCOMPARE(after.assigneeId, me().id);
        QCOMPARE(after.linked, QList<QUuid>{other.id});
        QCOMPARE(store->ticket(other.id)->linked, QList<QUuid>{t.id});
        QCOMPARE(after.firstResponseAt, now);
        QCOMPARE(after.updated, now);
        const QList<Message> messages = *store->messages(t.id);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().authorName, me().name);
        QCOMPARE(messages.first().attachments.first().size, 5);
        QCOMPARE(messages.first().attachments.first().contentHash, attached.hash);
        QCOMPARE(messages.first().attachments.first().name, attached.name);

        // Someone else holds it: take changes nothing here (the server will refuse it).
        Ticket held = makeTicket(9, QStringLiteral("Held"), 10);
        held.assigneeId = ids().next();
        QVERIFY(store->put(held).good());
        QVERIFY(applier.apply(Op::take(held.id), now).good());
        QCOMPARE(store->ticket(held.id)->assigneeId, held.assigneeId);

        // What the server would refuse for certain is refused here too.
        QCOMPARE(applier.apply(Op::take(ids().next()), now).code(), Status::NotFound);
        QCOMPARE(applier.apply(Op::setFields(t.id, {{QStringLiteral("colour"), 1}}), now).code(),
                 Status::Invalid);
        QCOMPARE(applier.apply({{QStringLiteral("type"), QStringLiteral("explode")}}, now).code(),
                 Status::Invalid);
    }

    // Attached files are copied in whole and checked; over the limit they are refused before
    // anything is copied, the limit in words; a download whose bytes do not match stays out.
    void attachmentCache()
    {
        const AttachmentCache cache(m_dir.filePath(QStringLiteral("cache")));
        const QString original = m_dir.filePath(QStringLiteral("invoice.pdf"));
        QByteArray content(300 * 1024 + 7, 'x');
        for (qsizetype i = 0; i < content.size(); ++i)
            content[i] = char(i * 31 % 251);
        {
            QFile f(original);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        auto added = cache.add(original, 1024 * 1024);
        QVERIFY2(added.good(), qPrintable(added.status().message()));
        QCOMPARE(added->hash,
                 QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        QCOMPARE(added->size, content.size());
        QCOMPARE(added->name, QStringLiteral("invoice.pdf"));
        QVERIFY(cache.contains(added->hash));
        // The copy is what was attached, whatever happens to the original.
        QVERIFY(QFile::remove(original));
        QFile copy(cache.path(added->hash));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), content);
        QCOMPARE(QDir(cache.directory()).entryList(QDir::Files | QDir::Hidden).size(), 1);

        {
            QFile f(original);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        auto refused = cache.add(original, 100 * 1024);
        QVERIFY(!refused.good());
        QCOMPARE(refused.status().message(),
                 QStringLiteral("invoice.pdf is 300.0 kB; the server accepts attachments of up to "
                                "100.0 kB"));
        QVERIFY(!cache.add(m_dir.filePath(QStringLiteral("missing")), 0).good());

        AttachmentCache::Writer wrong(cache, QByteArray(64, 'b'));
        QVERIFY(wrong.open().good());
        QVERIFY(wrong.write("abc", 3));
        QCOMPARE(wrong.commit().code(), Status::Invalid);
        QVERIFY(!cache.contains(QByteArray(64, 'b')));
        QVERIFY(!AttachmentCache::isHash("../../etc/passwd"));
        QVERIFY(!AttachmentCache::isHash(QByteArray(64, 'A')));
    }

    void createTicketMakesAPendingTicket()
    {
        auto store = freshStore();
        QVERIFY(store);
        LocalOpApplier applier(*store, me());
        const QUuid id = ids().next();
        QJsonObject op = Op::createTicket(id, QStringLiteral("New"), ids().next(), Priority::Low,
                                          QStringLiteral("jan@example.com"), QStringLiteral("Jan"),
                                          QStringLiteral("Body"));
        QJsonObject ticket = op.value(QLatin1String("ticket")).toObject();
        QJsonObject requester = ticket.value(QLatin1String("requester")).toObject();
        const QUuid contact = ids().next();
        requester.insert(QStringLiteral("id"), uuidToString(contact));
        ticket.insert(QStringLiteral("requester"), requester);
        op.insert(QStringLiteral("ticket"), ticket);
        QVERIFY(applier.apply(op, at(1)).good());
        const Ticket t = *store->ticket(id);
        QVERIFY(!t.number.has_value());
        QVERIFY(t.priority == Priority::Low);
        QCOMPARE(t.requesterId, contact);
        QCOMPARE(store->contact(contact)->emails, QStringList{QStringLiteral("jan@example.com")});
        QCOMPARE(store->messages(id)->first().bodyText, QStringLiteral("Body"));
        QCOMPARE(Op::ticketsOf(op), QList<QUuid>{id});
        QCOMPARE(applier
                     .apply(Op::createTicket(ids().next(), QString(), ids().next(), Priority::Low,
                                             {}, {}, {}),
                            at(1))
                     .code(),
                 Status::Invalid);
    }

    // submit() without a server: the op is applied, queued, and its ticket's base recorded.
    void submitQueuesAndKeepsTheBase()
    {
        auto store = freshStore();
        QVERIFY(store);
        QVERIFY(store->put(me()).good());
        QVERIFY(store->setCurrentAgent(me().id).good());
        const Ticket t = makeTicket(3, QStringLiteral("Base"), 10);
        QVERIFY(store->put(t).good());
        QTemporaryDir home;
        SyncSession session(*store, home.path());
        auto op = session.submit(
            Op::setFields(t.id, {{QStringLiteral("status"), QStringLiteral("pending")}}));
        QVERIFY(op.good());
        QVERIFY(store->ticket(t.id)->status == TicketStatus::Pending);
        const QList<OutboxOp> outbox = *store->outbox();
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().id, *op);
        QCOMPARE(outbox.first().kind, QStringLiteral("set_fields"));
        auto stmt = store->database().prepare("SELECT snapshot FROM ticket_base WHERE id = ?1");
        QVERIFY(stmt.good());
        (*stmt)->bind(1, uuidToBlob(t.id));
        QVERIFY((*stmt)->next());
        const Ticket base =
            *Wire::ticketFromJson(QJsonDocument::fromJson((*stmt)->blob(0)).object());
        (*stmt)->reset();
        QVERIFY(base.status == t.status); // the server's state, not the op's
        QCOMPARE(*session.pendingCount(), 1);
        // Unknown tickets are refused before anything is queued.
        QCOMPARE(session.submit(Op::take(ids().next())).status().code(), Status::NotFound);
        QCOMPARE(*session.pendingCount(), 1);
        // Without a server, pushing says so and keeps the outbox.
        QCOMPARE(session.push().status().code(), Status::Unauthenticated);
        QCOMPARE(*session.pendingCount(), 1);
    }

    void stateTexts()
    {
        using State = SyncEngine::State;
        QCOMPARE((State{State::Synced, 0, -1, 5, {}}).text(), QStringLiteral("Synced"));
        QCOMPARE((State{State::Syncing, 0, 40, 5, {}}).text(), QStringLiteral("Syncing 40 %"));
        QCOMPARE((State{State::Offline, 3, -1, 5, {}}).text(),
                 QStringLiteral("Offline — 3 changes waiting"));
        QCOMPARE((State{State::Offline, 1, -1, 5, {}}).text(),
                 QStringLiteral("Offline — 1 change waiting"));
        QCOMPARE((State{State::SignedOut, 0, -1, 5, {}}).text(), QStringLiteral("Signed out"));
    }
};

QTEST_GUILESS_MAIN(TestLocalOps)
#include "tst_localops.moc"
