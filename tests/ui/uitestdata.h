#pragma once

// A small hand-made help desk for the UI tests: two departments, two agents, three contacts and
// as many tickets as a test asks for, in a store inside a temporary directory.

#include "domain.h"
#include "localstore.h"
#include "uuid.h"

#include <QTest>

#include <memory>

namespace Pult::UiTest {

inline QDateTime at(qint64 minutes)
{
    return QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC).addSecs(minutes * 60);
}

// Statuses cycle through every value so every view has tickets.
inline TicketStatus statusFor(int i)
{
    static const TicketStatus cycle[] = {TicketStatus::Open,   TicketStatus::Pending,
                                         TicketStatus::Solved, TicketStatus::New,
                                         TicketStatus::OnHold, TicketStatus::Closed};
    return cycle[i % 6];
}

struct Fixture
{
    Department billing;
    Department technical;
    Agent ana;
    Agent boris;
    QList<Contact> contacts;
    QList<Ticket> tickets;   // in creation order; ticket i was updated at(i * 10)
    Ticket lodzTicket;       // the last ticket: searchable, with a snippet and a note
    Ticket unnumberedTicket; // created offline: no number yet

    QList<Ticket> newestFirst() const
    {
        QList<Ticket> sorted = tickets;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Ticket &a, const Ticket &b) { return a.updated > b.updated; });
        return sorted;
    }
};

inline QString lodzReplyText()
{
    return QStringLiteral("Please run this and send us the output:\n"
                          "```python\n"
                          "import printer\n"
                          "print(printer.status())  # should say ready\n"
                          "```\n"
                          "Thank you!");
}

// Fills the store; QVERIFY-style failures go to the running test.
inline Fixture fillStore(LocalStore &store, int ticketCount)
{
    UuidV7Generator ids;
    Fixture f;
    f.billing = {ids.next(),
                 QStringLiteral("Billing"),
                 QStringLiteral("billing@example.com"),
                 {},
                 {},
                 {},
                 QueueOrder::PriorityThenAge,
                 {},
                 {},
                 {}};
    f.technical = {ids.next(),
                   QStringLiteral("Technical support"),
                   QStringLiteral("help@example.com"),
                   {},
                   {},
                   {},
                   QueueOrder::Fifo,
                   {},
                   {},
                   {}};
    f.ana = {ids.next(),
             QStringLiteral("Ana Kovač"),
             QStringLiteral("ana@example.com"),
             Role::Agent,
             {{f.billing.id, 1}, {f.technical.id, 2}}};
    f.boris = {ids.next(),
               QStringLiteral("Boris Horvat"),
               QStringLiteral("boris@example.com"),
               Role::Lead,
               {{f.technical.id, 2}}};
    const QStringList names{QStringLiteral("Jana Novak"), QStringLiteral("Marek Wiśniewski"),
                            QStringLiteral("Rūta Kazlauskienė")};
    for (const QString &name : names) {
        Contact c;
        c.id = ids.next();
        c.name = name;
        c.emails = {name.section(u' ', 0, 0).toLower() + QStringLiteral("@customer.example")};
        c.organisation = QStringLiteral("Example d.o.o.");
        f.contacts.append(c);
    }

    LocalStore::WriteBatch batch(store);
    auto check = [](const Status &s) {
        if (!s.good())
            QTest::qFail(qPrintable(s.message()), __FILE__, __LINE__);
    };
    check(store.put(f.billing));
    check(store.put(f.technical));
    check(store.put(f.ana));
    check(store.put(f.boris));
    for (const Contact &c : std::as_const(f.contacts))
        check(store.put(c));

    for (int i = 0; i < ticketCount; ++i) {
        Ticket t;
        t.id = ids.next();
        t.number = 1000 + i;
        t.subject = QStringLiteral("Question number %1 about the invoice").arg(i);
        t.status = statusFor(i);
        t.priority = Priority(i % 4);
        t.departmentId = i % 2 ? f.technical.id : f.billing.id;
        t.assigneeId = i % 3 == 0 ? QUuid() : (i % 3 == 1 ? f.ana.id : f.boris.id);
        t.requesterId = f.contacts.at(i % 3).id;
        t.created = at(i * 10 - 5);
        t.updated = at(i * 10);
        if (i == 1) {
            t.number.reset();
            t.subject = QStringLiteral("Written offline, not synced yet");
        }
        if (i == ticketCount - 1) {
            t.subject = QStringLiteral("Printer in Łódź prints only blank pages");
            t.status = TicketStatus::Open;
            t.priority = Priority::Urgent;
            t.assigneeId = f.ana.id;
            t.tags = {QStringLiteral("hardware"), QStringLiteral("vip")};
        }
        check(store.put(t));
        f.tickets.append(t);

        Message question;
        question.id = ids.next();
        question.ticketId = t.id;
        question.kind = MessageKind::CustomerMessage;
        question.authorId = t.requesterId;
        question.authorName = f.contacts.at(i % 3).name;
        question.created = t.created;
        question.bodyText = QStringLiteral("Hello,\nthis is message %1. Could you help?").arg(i);
        check(store.put(question));

        if (i == ticketCount - 1) {
            Message reply;
            reply.id = ids.next();
            reply.ticketId = t.id;
            reply.kind = MessageKind::AgentReply;
            reply.authorId = f.ana.id;
            reply.authorName = f.ana.name;
            reply.created = t.created.addSecs(120);
            reply.bodyText = lodzReplyText();
            check(store.put(reply));

            Message note;
            note.id = ids.next();
            note.ticketId = t.id;
            note.kind = MessageKind::InternalNote;
            note.authorId = f.ana.id;
            note.authorName = f.ana.name;
            note.created = t.created.addSecs(240);
            note.bodyText = QStringLiteral("Customer is on the premium plan; escalate if the "
                                           "script says offline.");
            check(store.put(note));
        }
    }
    check(batch.commit());
    f.lodzTicket = f.tickets.last();
    f.unnumberedTicket = f.tickets.value(1);
    return f;
}

// A global canned response with a fresh id.
inline CannedResponse canned(const QString &title, const QString &shortcut, const QString &body)
{
    CannedResponse r;
    r.id = QUuid::createUuid();
    r.title = title;
    r.shortcut = shortcut;
    r.body = body;
    return r;
}

inline std::unique_ptr<LocalStore> openStore(const QString &path)
{
    auto store = LocalStore::open(path);
    if (!store.good()) {
        QTest::qFail(qPrintable(store.status().message()), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(*store);
}

// Waits until a model that reads off the UI thread has every answer it asked for: the list's
// pages (TicketListModel) or the sidebar's counts (ViewListModel).
template<typename Model> [[nodiscard]] bool settled(const Model &model, int timeoutMs = 20'000)
{
    return QTest::qWaitFor(
        [&] {
            if constexpr (requires { model.isCounting(); })
                return !model.isCounting();
            else
                return !model.isLoading() && !model.isFetching();
        },
        timeoutMs);
}

// A MainWindow's list and sidebar, both settled.
template<typename Window> [[nodiscard]] bool windowSettled(const Window &window)
{
    return settled(*window.ticketModel()) && settled(*window.viewModel());
}

// Loads every page of a TicketListModel.
template<typename Model> [[nodiscard]] bool fetchAll(Model &model)
{
    for (;;) {
        if (!settled(model))
            return false;
        if (!model.canLoadMore())
            return true;
        model.loadMore();
    }
}

} // namespace Pult::UiTest
