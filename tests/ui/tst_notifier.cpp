// What the window notifies about: assignments, customer replies on my tickets, reminders, SLA
// deadlines and rules' notices, each once, and nothing about other agents' tickets or at
// start-up.

#include "notifier.h"
#include "uitestdata.h"
#include "uuid.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Pult;

class NotifierTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startUpIsQuiet();
    void newAssignment();
    void customerReplyOnMyTicket();
    void agentActivityIsNotAReply();
    void reminderOnce();
    void slaWarningOnce();
    void otherAgentsTicketsStayQuiet();
    void ruleNoticeOnce();

private:
    Ticket mineAt(int index) const;
    QList<Notification> check();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    UiTest::Fixture m_fixture;
    std::unique_ptr<Notifier> m_notifier;
    QDateTime m_now = UiTest::at(10'000);
    UuidV7Generator m_ids;
};

void NotifierTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = UiTest::openStore(m_dir->filePath(QStringLiteral("cache.db")));
    QVERIFY(m_store);
    m_fixture = UiTest::fillStore(*m_store, 24);
    m_notifier = std::make_unique<Notifier>();
    QVERIFY(check().isEmpty());
}

void NotifierTest::cleanup()
{
    m_notifier.reset();
    m_store.reset();
    m_dir.reset();
}

QList<Notification> NotifierTest::check()
{
    auto found = m_notifier->check(*m_store, m_fixture.ana.id, m_now);
    if (!found.good()) {
        QTest::qFail(qPrintable(found.status().message()), __FILE__, __LINE__);
        return {};
    }
    return *found;
}

// An active ticket of Ana's.
Ticket NotifierTest::mineAt(int index) const
{
    int seen = 0;
    for (const Ticket &t : m_fixture.tickets) {
        if (t.assigneeId == m_fixture.ana.id && isActive(t.status) && seen++ == index)
            return t;
    }
    return {};
}

void NotifierTest::startUpIsQuiet()
{
    // init() checked the first call; nothing changed, so nothing is new.
    QVERIFY(check().isEmpty());
}

void NotifierTest::newAssignment()
{
    Ticket t;
    for (const Ticket &candidate : m_fixture.tickets) {
        if (candidate.assigneeId.isNull() && isActive(candidate.status))
            t = candidate;
    }
    QVERIFY(!t.id.isNull());
    t.assigneeId = m_fixture.ana.id;
    t.updated = m_now;
    QVERIFY(m_store->put(t).good());
    const QList<Notification> found = check();
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().kind == Notification::Assigned);
    QCOMPARE(found.first().ticketId, t.id);
    QVERIFY(found.first().text.contains(t.subject));
    QVERIFY(check().isEmpty());
}

void NotifierTest::customerReplyOnMyTicket()
{
    Ticket t = mineAt(0);
    QVERIFY(!t.id.isNull());
    Message reply;
    reply.id = m_ids.next();
    reply.ticketId = t.id;
    reply.kind = MessageKind::CustomerMessage;
    reply.authorId = t.requesterId;
    reply.authorName = QStringLiteral("Jana Novak");
    reply.bodyText = QStringLiteral("It happened again.");
    reply.created = m_now;
    t.updated = m_now;
    QVERIFY(m_store->put(reply).good());
    QVERIFY(m_store->put(t).good());
    const QList<Notification> found = check();
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().kind == Notification::CustomerReply);
    QVERIFY(found.first().title.contains(QStringLiteral("Jana Novak")));
}

void NotifierTest::agentActivityIsNotAReply()
{
    Ticket t = mineAt(0);
    t.priority = Priority::High;
    t.updated = m_now;
    QVERIFY(m_store->put(t).good());
    QVERIFY(check().isEmpty());
}

void NotifierTest::reminderOnce()
{
    Ticket t = mineAt(1);
    QVERIFY(!t.id.isNull());
    t.reminder = m_now.addSecs(60);
    t.updated = m_now;
    QVERIFY(m_store->put(t).good());
    QVERIFY(check().isEmpty()); // not due yet
    m_now = m_now.addSecs(120);
    const QList<Notification> found = check();
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().kind == Notification::Reminder);
    QVERIFY(check().isEmpty());
}

void NotifierTest::slaWarningOnce()
{
    Ticket t = mineAt(2);
    QVERIFY(!t.id.isNull());
    t.firstResponseAt = {};
    t.firstResponseDeadline = m_now.addSecs(3600);
    t.updated = m_now;
    QVERIFY(m_store->put(t).good());
    QVERIFY(check().isEmpty()); // an hour left
    m_now = m_now.addSecs(45 * 60);
    const QList<Notification> found = check();
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().kind == Notification::SlaWarning);
    QCOMPARE(found.first().title, QStringLiteral("SLA deadline in 15 min"));
    QVERIFY(check().isEmpty());
}

void NotifierTest::otherAgentsTicketsStayQuiet()
{
    for (Ticket t : m_fixture.tickets) {
        if (t.assigneeId != m_fixture.boris.id)
            continue;
        t.reminder = m_now.addSecs(-60);
        t.firstResponseDeadline = m_now.addSecs(60);
        t.updated = m_now;
        QVERIFY(m_store->put(t).good());
    }
    QVERIFY(check().isEmpty());
}

// A rule's notice that arrives unread is shown once; one that arrived read (it was old when it
// came) is not, nor one there before the first check (start-up is quiet).
void NotifierTest::ruleNoticeOnce()
{
    const Ticket t = m_fixture.tickets.first();
    Notice early;
    early.id = m_ids.next();
    early.ticketId = t.id;
    early.rule = QStringLiteral("Breach warning");
    early.created = m_now;
    QVERIFY(m_store->put(early).good());
    Notice old = early;
    old.id = m_ids.next();
    old.read = true;
    QVERIFY(m_store->put(old).good());
    QList<Notification> found = check();
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().kind == Notification::RuleNotice);
    QCOMPARE(found.first().ticketId, t.id);
    QCOMPARE(found.first().title, QStringLiteral("Rule “Breach warning”"));
    QVERIFY(found.first().text.contains(t.subject));
    QVERIFY(check().isEmpty());
    Notifier fresh;
    const auto atStart = fresh.check(*m_store, m_fixture.ana.id, m_now);
    QVERIFY(atStart.good());
    QVERIFY(std::none_of(atStart->cbegin(), atStart->cend(),
                         [](const Notification &n) { return n.kind == Notification::RuleNotice; }));
    QCOMPARE(*m_store->unreadNoticeCount(), 1);
    QVERIFY(m_store->markNoticeRead(early.id).good());
    QCOMPARE(*m_store->unreadNoticeCount(), 0);
    QCOMPARE(m_store->notices(10)->size(), 2);
    // Its ticket gone, the notices go with it.
    QVERIFY(m_store->removeTicket(t.id).good());
    QVERIFY(m_store->notices(10)->isEmpty());
}

QTEST_GUILESS_MAIN(NotifierTest)

#include "tst_notifier.moc"
