#include "localstore.h"
#include "sqlitedb.h"
#include "testdata.h"
#include "textfold.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Pult;
using namespace Pult::Test;

class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    QHash<QString, QUuid> m_bySubject;

    QStringList subjectsFor(const QString &text)
    {
        auto hits = m_store->search(text);
        if (!hits.good())
            return {u"error: " + hits.status().message()};
        QStringList subjects;
        for (const TicketListItem &hit : *hits)
            subjects.append(hit.ticket.subject);
        subjects.sort();
        return subjects;
    }

    void add(const QString &subject, const QString &body, const QString &requester = {},
             const QString &email = {})
    {
        static int number = 0;
        static int minute = 0;
        Contact c;
        c.id = ids().next();
        c.name = requester.isEmpty() ? QStringLiteral("Anon") : requester;
        c.emails = {email.isEmpty() ? QStringLiteral("anon@example.com") : email};
        QVERIFY(m_store->put(c).good());
        Ticket t = makeTicket(++number, subject, ++minute);
        t.requesterId = c.id;
        QVERIFY(m_store->put(t).good());
        QVERIFY(m_store->put(makeMessage(t.id, body, minute)).good());
        m_bySubject.insert(subject, t.id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = LocalStore::open(m_dir.filePath(QStringLiteral("search.db")));
        QVERIFY(store.good());
        m_store = std::move(*store);
        add(QStringLiteral("Delivery to Łódź delayed"), QStringLiteral("Paczka utknęła w Łodzi."));
        add(QStringLiteral("Račun za storitev"), QStringLiteral("Pozdravljeni, račun je napačen."),
            QStringLiteral("Saša Kovačič"), QStringLiteral("sasa@example.si"));
        add(QStringLiteral("Pristup računu"), QStringLiteral("Ne mogu se prijaviti."),
            QStringLiteral("Đorđe Marković"), QStringLiteral("dorde@example.hr"));
        add(QStringLiteral("Sąskaita faktūra"), QStringLiteral("Neteisinga sąskaita už spalį."),
            QStringLiteral("Žydrūnė Kazlauskienė"), QStringLiteral("zydrune@example.lt"));
        add(QStringLiteral("Zażółć gęślą jaźń"), QStringLiteral("Wiadomość testowa: źdźbło."));
        add(QStringLiteral("Account locked"),
            QStringLiteral("My account is locked after the update."), QStringLiteral("Mary O'Neil"),
            QStringLiteral("mary@example.com"));
        add(QStringLiteral("Straße und Øre"), QStringLiteral("Grüße aus Kopenhagen, Æble."));
        add(QStringLiteral("Crash log"),
            QStringLiteral("java.lang.NullPointerException at "
                           "com.example.Invoice.total(Invoice.java:42)"));
    }

    void findsAcrossCaseAccentsAndLetterVariants_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("subjects");
        const QString lodz = QStringLiteral("Delivery to Łódź delayed");
        QTest::newRow("pl: lodz") << QStringLiteral("lodz") << QStringList{lodz};
        QTest::newRow("pl: LODZ") << QStringLiteral("LODZ") << QStringList{lodz};
        QTest::newRow("pl: Łódź") << QStringLiteral("Łódź") << QStringList{lodz};
        QTest::newRow("pl: lodzi in body") << QStringLiteral("lodzi") << QStringList{lodz};
        QTest::newRow("pl: zazolc gesla jazn") << QStringLiteral("zazolc gesla jazn")
                                               << QStringList{QStringLiteral("Zażółć gęślą jaźń")};
        QTest::newRow("pl: zdzblo")
            << QStringLiteral("zdzblo") << QStringList{QStringLiteral("Zażółć gęślą jaźń")};
        QTest::newRow("hr: dorde (contact)")
            << QStringLiteral("dorde") << QStringList{QStringLiteral("Pristup računu")};
        QTest::newRow("hr: ĐORĐE")
            << QStringLiteral("ĐORĐE") << QStringList{QStringLiteral("Pristup računu")};
        QTest::newRow("hr: markovic")
            << QStringLiteral("markovic") << QStringList{QStringLiteral("Pristup računu")};
        QTest::newRow("sl: sasa (contact)")
            << QStringLiteral("sasa") << QStringList{QStringLiteral("Račun za storitev")};
        QTest::newRow("sl: napacen")
            << QStringLiteral("napacen") << QStringList{QStringLiteral("Račun za storitev")};
        QTest::newRow("sl+hr: racun prefix")
            << QStringLiteral("racun")
            << QStringList{QStringLiteral("Pristup računu"), QStringLiteral("Račun za storitev")};
        QTest::newRow("lt: saskaita")
            << QStringLiteral("saskaita") << QStringList{QStringLiteral("Sąskaita faktūra")};
        QTest::newRow("lt: zydrune")
            << QStringLiteral("zydrune") << QStringList{QStringLiteral("Sąskaita faktūra")};
        QTest::newRow("lt: spali")
            << QStringLiteral("spali") << QStringList{QStringLiteral("Sąskaita faktūra")};
        QTest::newRow("en: phrase") << QStringLiteral("\"account is locked\"")
                                    << QStringList{QStringLiteral("Account locked")};
        QTest::newRow("en: phrase not matching")
            << QStringLiteral("\"locked account is\"") << QStringList{};
        QTest::newRow("en: prefix acc")
            << QStringLiteral("acc") << QStringList{QStringLiteral("Account locked")};
        QTest::newRow("en: all words")
            << QStringLiteral("account update") << QStringList{QStringLiteral("Account locked")};
        QTest::newRow("en: email")
            << QStringLiteral("mary@example.com") << QStringList{QStringLiteral("Account locked")};
        QTest::newRow("de: strasse")
            << QStringLiteral("strasse") << QStringList{QStringLiteral("Straße und Øre")};
        QTest::newRow("da: ore") << QStringLiteral("ore")
                                 << QStringList{QStringLiteral("Straße und Øre")};
        QTest::newRow("da: aeble")
            << QStringLiteral("aeble") << QStringList{QStringLiteral("Straße und Øre")};
        QTest::newRow("code: NullPointerException")
            << QStringLiteral("nullpointerexception") << QStringList{QStringLiteral("Crash log")};
        QTest::newRow("code: Invoice.java:42")
            << QStringLiteral("Invoice.java:42") << QStringList{QStringLiteral("Crash log")};
        QTest::newRow("nothing") << QStringLiteral("nonexistentword") << QStringList{};
    }
    void findsAcrossCaseAccentsAndLetterVariants()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, subjects);
        QCOMPARE(subjectsFor(query), subjects);
    }

    void userTextNeverBreaksTheQuery_data()
    {
        QTest::addColumn<QString>("query");
        for (const char *q :
             {"\"", "\"\"", "*", "a OR b", "NEAR(a b)", "-lodz", "col:lodz", "(((", "^", "lodz\"",
              "'; DROP TABLE tickets; --", "\\", "   ", "💥", "AND", "\x01\x02"})
            QTest::newRow(q) << QString::fromUtf8(q);
    }
    void userTextNeverBreaksTheQuery()
    {
        QFETCH(QString, query);
        auto hits = m_store->search(query);
        QVERIFY2(hits.good(), qPrintable(hits.status().message()));
        QCOMPARE(*m_store->ticketCount(), qint64(8));
    }

    void snippetsHighlightTheOriginalText()
    {
        SearchOptions options;
        options.highlightOpen = QStringLiteral("<b>");
        options.highlightClose = QStringLiteral("</b>");
        auto hits = m_store->search(QStringLiteral("lodz"), options);
        QVERIFY(hits.good());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().snippet, QStringLiteral("Delivery to <b>Łódź</b> delayed"));
        hits = m_store->search(QStringLiteral("napacen"), options);
        QVERIFY(hits.good());
        QCOMPARE(hits->size(), 1);
        QVERIFY2(hits->first().snippet.contains(QStringLiteral("<b>napačen</b>")),
                 qPrintable(hits->first().snippet));
        QCOMPARE(hits->first().requesterName, QStringLiteral("Saša Kovačič"));
    }

    void subjectMatchesRankAboveMessageMatches()
    {
        add(QStringLiteral("Refund request"), QStringLiteral("Please refund my order"));
        add(QStringLiteral("Order question"), QStringLiteral("Is a refund possible?"));
        auto hits = m_store->search(QStringLiteral("refund"));
        QVERIFY(hits.good());
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->at(0).ticket.subject, QStringLiteral("Refund request")); // subject + body
        QCOMPARE(hits->at(1).ticket.subject, QStringLiteral("Order question"));
    }

    void longThreadsDoNotCrowdOutOtherTickets()
    {
        // 600 newer matching messages in one ticket must not hide an older matching ticket.
        add(QStringLiteral("Older ticket"), QStringLiteral("zebracorn appears here"));
        add(QStringLiteral("Long thread"), QStringLiteral("zebracorn first"));
        const QUuid longThread = m_bySubject.value(QStringLiteral("Long thread"));
        LocalStore::WriteBatch batch(*m_store);
        for (int i = 0; i < 600; ++i)
            QVERIFY(m_store
                        ->put(makeMessage(longThread, QStringLiteral("zebracorn again %1").arg(i),
                                          1000 + i))
                        .good());
        QVERIFY(batch.commit().good());
        QCOMPARE(subjectsFor(QStringLiteral("zebracorn")),
                 (QStringList{QStringLiteral("Long thread"), QStringLiteral("Older ticket")}));
    }

    void changesReplaceTheIndexedText()
    {
        add(QStringLiteral("Quokka question"), QStringLiteral("wombat body"),
            QStringLiteral("Numbat Person"), QStringLiteral("numbat@example.com"));
        const QUuid id = m_bySubject.value(QStringLiteral("Quokka question"));
        Ticket t = *m_store->ticket(id);
        QList<Message> messages = *m_store->messages(id);
        Contact c = *m_store->contact(t.requesterId);

        t.subject = QStringLiteral("Platypus question");
        QVERIFY(m_store->put(t).good());
        messages.first().bodyText = QStringLiteral("echidna body");
        QVERIFY(m_store->put(messages.first()).good());
        c.name = QStringLiteral("Bilby Person");
        c.emails = {QStringLiteral("bilby@example.com")};
        QVERIFY(m_store->put(c).good());
        QVERIFY(m_store->put(t).good()); // unchanged text: the index keeps exactly one entry

        for (const char *gone : {"quokka", "wombat", "numbat"})
            QVERIFY2(subjectsFor(QString::fromLatin1(gone)).isEmpty(), gone);
        for (const char *found : {"platypus", "echidna", "bilby"})
            QCOMPARE(subjectsFor(QString::fromLatin1(found)), QStringList{t.subject});
        for (const char *fts :
             {"INSERT INTO tickets_fts(tickets_fts) VALUES ('integrity-check')",
              "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')",
              "INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')"})
            QVERIFY2(m_store->database().execute(fts).good(), fts);
    }

    void foldsUndecomposableLetters()
    {
        std::string out;
        QVERIFY(foldUndecomposable("łodz", 5, out));
        QCOMPARE(QByteArray::fromStdString(out), QByteArray("lodz"));
        QVERIFY(!foldUndecomposable("plain", 5, out));
        QCOMPARE(toFtsQuery(QStringLiteral("a \"b c\" d\"e")),
                 QStringLiteral("\"a\"* \"b c\" \"d\"* \"e\""));
    }

    // With automatic merges off (as the sync engine sets them up), writes leave index segments
    // unmerged; mergeSearchIndexes() merges them in bounded steps, and search finds the same.
    void mergesSegmentsWhenAsked()
    {
        QTemporaryDir dir;
        auto opened = LocalStore::open(dir.filePath(QStringLiteral("merge.db")));
        QVERIFY(opened.good());
        LocalStore &store = **opened;
        QVERIFY(store.setSearchAutomerge(false).good());
        const auto segments = [&store] {
            auto stmt = store.database().prepare("SELECT count(*) FROM messages_fts_data");
            return stmt.good() && (*stmt)->next() ? (*stmt)->int64(0) : -1;
        };
        Ticket t = makeTicket(1, QStringLiteral("Merging"), 1);
        QVERIFY(store.put(t).good());
        for (int i = 0; i < 40; ++i) // one transaction, so one new segment, each
            QVERIFY(store.put(makeMessage(t.id, QStringLiteral("note %1 zebra").arg(i), i)).good());
        const qint64 unmerged = segments();
        auto merged = store.mergeSearchIndexes(200, 1000);
        QVERIFY(merged.good());
        QVERIFY(*merged);
        QVERIFY2(
            segments() < unmerged,
            qPrintable(QStringLiteral("%1 rows before, %2 after").arg(unmerged).arg(segments())));
        auto again = store.mergeSearchIndexes(200, 1);
        QVERIFY(again.good() && *again); // nothing left: one step that does nothing
        auto hits = store.search(QStringLiteral("zebra"));
        QVERIFY(hits.good());
        QCOMPARE(hits->size(), 1);
        QVERIFY(store.setSearchAutomerge(true).good());
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
