// The customer pages in a real browser (issue 18, docs/customer-pages.md): Debian's headless
// Chromium, driven through its DevTools protocol (chromium.h), fills the contact form of the real
// pultd and sends it, opens the status link from the confirmation mail caught by Postfix's real
// smtp-sink, and answers there; after an agent solves the ticket, the customer follows the survey
// mail's one-click rating and adds a comment. The agent's side sees each step through the change
// feed. The
// browser enforces the pages' Content-Security-Policy, so the department's colours showing
// prove the inline style's hash. Screenshots of the pages (form, thanks, status, rating) in English
// and Slovenian are written to PULT_ARTIFACT_DIR/customer-pages/ to be looked at.

#include "chromium.h"
#include "mailmessages.h"
#include "pultdprocess.h"
#include "smtpsinkprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";

QString artifact(const QString &name)
{
    return QStringLiteral(PULT_ARTIFACT_DIR "/customer-pages/") + name;
}

} // namespace

class TestBrowser : public QObject
{
    Q_OBJECT

    SmtpSink m_sink;
    Pultd m_server;
    Chromium m_browser;
    QByteArray m_agent;
    QByteArray m_admin;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(path);
    }

    QList<QJsonObject> changes(const QString &type)
    {
        return latestEntities(m_server, m_agent, type);
    }

    // The status link in the one mail at the sink (waiting until it is all there).
    QString mailedLink()
    {
        static const QRegularExpression link(
            QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/t/[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])"));
        QString found;
        if (!QTest::qWaitFor(
                [&] {
                    found = link.match(bodyText(m_sink.onlyMessage())).captured(1);
                    return !found.isEmpty();
                },
                kTimeoutMs))
            return {};
        m_sink.clearMessages();
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        const QString data = m_server.dataDir();
        const Run agent = addAgent(data, QStringLiteral("ana@firma.example"),
                                   QStringLiteral("agent"), QStringLiteral("Support"), kPassword);
        QVERIFY2(agent.exitCode == 0, agent.err.constData());
        const Run admin = addAgent(data, QStringLiteral("root@firma.example"),
                                   QStringLiteral("admin"), QString(), kPassword);
        QVERIFY2(admin.exitCode == 0, admin.err.constData());
        const Run mailbox = addSendingMailbox(data, QStringLiteral("help@firma.example"),
                                              QStringLiteral("Support"), m_sink.port());
        QVERIFY2(mailbox.exitCode == 0, mailbox.err.constData());
        QVERIFY(m_server.start({QStringLiteral("--form-min-fill"), QStringLiteral("1")}));
        m_agent = login(m_server, "ana@firma.example", kPassword);
        m_admin = login(m_server, "root@firma.example", kPassword);
        QVERIFY(!m_agent.isEmpty() && !m_admin.isEmpty());
        // Surveys go out as soon as a ticket is solved (the default waits an hour).
        QString support;
        const auto departments = m_server.fetch(apiRequest("GET", "/api/v1/departments", m_admin));
        for (const QJsonValue &d :
             departments->json().value(QLatin1String("departments")).toArray())
            support = d.toObject().value(QLatin1String("id")).toString();
        const QJsonArray set = postOps(
            m_server, m_admin,
            {QJsonObject{{QStringLiteral("id"), newId()},
                         {QStringLiteral("type"), QStringLiteral("update_department")},
                         {QStringLiteral("department"),
                          QJsonObject{{QStringLiteral("id"), support},
                                      {QStringLiteral("csat_delay"), QStringLiteral("0")}}}}});
        QCOMPARE(set.first().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        QVERIFY2(m_browser.start(), qPrintable(m_browser.error()));
    }

    void aCustomerWritesFollowsAndAnswers()
    {
        // The form, as the browser shows it: styled (the CSP let the stylesheet and the inline
        // style with the department's colours in), labelled.
        QVERIFY2(m_browser.open(url(QStringLiteral("/form/support"))),
                 qPrintable(m_browser.error()));
        QCOMPARE(m_browser.evaluate(QStringLiteral("document.documentElement.lang")).toString(),
                 QStringLiteral("en"));
        QCOMPARE(m_browser
                     .evaluate(QStringLiteral(
                         "getComputedStyle(document.querySelector('header')).backgroundColor"))
                     .toString(),
                 QStringLiteral("rgb(31, 95, 139)"));
        QCOMPARE(
            m_browser
                .evaluate(QStringLiteral("document.querySelector('label[for=email]').textContent"))
                .toString(),
            QStringLiteral("Your e-mail address"));
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("form-en.png"))));
        m_browser.fill(QStringLiteral("name"),
                       QStringLiteral("Ana <img src=x onerror=\"document.title='pwned'\">"));
        m_browser.fill(QStringLiteral("email"), QStringLiteral("ana@stranka.si"));
        m_browser.fill(QStringLiteral("subject"), QStringLiteral("The invoice is wrong"));
        m_browser.fill(QStringLiteral("message"),
                       QStringLiteral("Hello,\ninvoice 42 lists the wrong VAT.\nAna"));
        // With the invoice, chosen in the file input.
        const QTemporaryDir files;
        const QString invoice = files.filePath(QStringLiteral("invoice-42.pdf"));
        QByteArray invoiceBytes = "%PDF-1.4\r\n";
        for (int i = 0; i < 5000; ++i)
            invoiceBytes += char(i % 256);
        {
            QFile out(invoice);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(invoiceBytes) > 0);
        }
        QVERIFY2(m_browser.chooseFiles(QStringLiteral("#files"), {invoice}),
                 qPrintable(m_browser.error()));
        QTest::qWait(1100); // the server's minimum fill time in this test
        QVERIFY2(m_browser.clickAndWait(QStringLiteral("button[type=submit]")),
                 qPrintable(m_browser.error()));
        const QString thanks = m_browser.text();
        QVERIFY2(thanks.contains(QStringLiteral("Thank you")), qPrintable(thanks));
        QVERIFY(thanks.contains(QStringLiteral("ana@stranka.si")));
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("thanks-en.png"))));

        // The agent's side has the ticket.
        QTRY_COMPARE_WITH_TIMEOUT(changes(QStringLiteral("ticket")).size(), 1, kTimeoutMs);
        const QJsonObject ticket = changes(QStringLiteral("ticket")).constFirst();
        QCOMPARE(ticket.value(QLatin1String("channel")).toString(), QStringLiteral("web-form"));
        const QString ticketId = ticket.value(QLatin1String("id")).toString();
        // The file came with the message, byte for byte.
        const QJsonArray attached = changes(QStringLiteral("message"))
                                        .constFirst()
                                        .value(QLatin1String("attachments"))
                                        .toArray();
        QCOMPARE(attached.size(), 1);
        QCOMPARE(attached[0].toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("invoice-42.pdf"));
        QCOMPARE(attached[0].toObject().value(QLatin1String("hash")).toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(invoiceBytes, QCryptographicHash::Sha256).toHex()));

        // An agent replies; the customer opens the link from the confirmation.
        const QString link = mailedLink();
        QVERIFY(!link.isEmpty());
        const QJsonArray results = postOps(
            m_server, m_agent,
            {QJsonObject{{QStringLiteral("id"), newId()},
                         {QStringLiteral("type"), QStringLiteral("add_message")},
                         {QStringLiteral("ticket_id"), ticketId},
                         {QStringLiteral("message"),
                          QJsonObject{{QStringLiteral("id"), newId()},
                                      {QStringLiteral("kind"), QStringLiteral("reply")},
                                      {QStringLiteral("body"),
                                       QStringLiteral("We are sorry: a corrected invoice is on "
                                                      "its way.")}}}}});
        QCOMPARE(results.first().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        QVERIFY2(m_browser.open(link), qPrintable(m_browser.error()));
        const QString page = m_browser.text();
        QVERIFY2(page.contains(QStringLiteral("invoice 42 lists the wrong VAT")), qPrintable(page));
        QVERIFY(page.contains(QStringLiteral("a corrected invoice is on its way")));
        QVERIFY(page.contains(QStringLiteral("invoice-42.pdf")));
        QVERIFY2(page.contains(QStringLiteral(" (UTC)")), qPrintable(page)); // no time zone known
        // The name typed with markup in it is text, and ran nothing.
        QVERIFY(m_browser.evaluate(QStringLiteral("document.title")).toString() != u"pwned");
        QCOMPARE(m_browser.evaluate(QStringLiteral("document.images.length")).toInt(), 0);
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("status-en.png"))));

        // The customer answers on the page; the agent sees the message.
        m_browser.fill(QStringLiteral("answer"), QStringLiteral("Thank you, received."));
        QTest::qWait(1100);
        QVERIFY2(m_browser.clickAndWait(QStringLiteral("button[type=submit]")),
                 qPrintable(m_browser.error()));
        QVERIFY(m_browser.text().contains(QStringLiteral("Your answer was added.")));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<QJsonObject> messages = changes(QStringLiteral("message"));
                return std::any_of(messages.cbegin(), messages.cend(), [&](const QJsonObject &m) {
                    return m.value(QLatin1String("ticket_id")).toString() == ticketId &&
                           m.value(QLatin1String("kind")).toString() == u"customer" &&
                           m.value(QLatin1String("body")).toString() == u"Thank you, received.";
                });
            }(),
            kTimeoutMs);

        // The same pages in Slovenian.
        QVERIFY(m_browser.open(url(QStringLiteral("/form/support?lang=sl"))));
        QVERIFY(m_browser.text().contains(QStringLiteral("Pišite oddelku Support")));
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("form-sl.png"))));
        QVERIFY(m_browser.open(link + QStringLiteral("?lang=sl")));
        QVERIFY(m_browser.text().contains(QStringLiteral("Pogovor")));
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("status-sl.png"))));
        m_browser.fill(QStringLiteral("answer"), QStringLiteral(" "));
        QTest::qWait(1100);
        QVERIFY(m_browser.clickAndWait(QStringLiteral("button[type=submit]")));
        QVERIFY(m_browser.text().contains(QStringLiteral("Napišite odgovor.")));
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("status-error-sl.png"))));

        // The agent solves the ticket; the survey mail's "Good" link rates it in one click.
        QVERIFY(QTest::qWaitFor([&] { return m_sink.messageFiles().size() == 1; }, kTimeoutMs));
        m_sink.clearMessages(); // the agent's reply
        const QJsonArray solved = postOps(
            m_server, m_agent,
            {QJsonObject{{QStringLiteral("id"), newId()},
                         {QStringLiteral("type"), QStringLiteral("set_fields")},
                         {QStringLiteral("ticket_id"), ticketId},
                         {QStringLiteral("fields"),
                          QJsonObject{{QStringLiteral("status"), QStringLiteral("solved")}}}}});
        QCOMPARE(solved.first().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        static const QRegularExpression goodLink(QStringLiteral("4 \u2013 Good:\\s+(\\S+)"));
        QString good;
        const bool mailed = QTest::qWaitFor(
            [&] {
                good = goodLink.match(bodyText(m_sink.onlyMessage())).captured(1);
                return good.endsWith(QStringLiteral("/rate/4"));
            },
            kTimeoutMs);
        QVERIFY2(mailed, qPrintable(m_sink.error() + bodyText(m_sink.onlyMessage())));
        QCOMPARE(good, link + QStringLiteral("/rate/4"));
        QVERIFY2(m_browser.open(good), qPrintable(m_browser.error()));
        QVERIFY2(m_browser.text().contains(QStringLiteral("Your rating: 4 of 5.")),
                 qPrintable(m_browser.text()));
        QVERIFY(m_browser
                    .evaluate(QStringLiteral("document.querySelector('input[name=score]"
                                             "[value=\"4\"]').checked"))
                    .toBool());
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("rating-en.png"))));
        // A change of mind, with a comment, through the form.
        m_browser.evaluate(
            QStringLiteral("document.querySelector('input[name=score][value=\"5\"]').click()"));
        m_browser.fill(QStringLiteral("comment"), QStringLiteral("Quick and kind, thank you."));
        QVERIFY2(m_browser.clickAndWait(QStringLiteral("form[action$=\"/rate\"] button")),
                 qPrintable(m_browser.error()));
        QVERIFY2(m_browser.text().contains(QStringLiteral("Thank you for your rating.")),
                 qPrintable(m_browser.text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonObject &t : changes(QStringLiteral("ticket"))) {
                    if (t.value(QLatin1String("id")).toString() == ticketId)
                        return t.value(QLatin1String("csat")).toInt() == 5 &&
                               t.value(QLatin1String("csat_comment")).toString() ==
                                   u"Quick and kind, thank you.";
                }
                return false;
            }(),
            kTimeoutMs);
        QVERIFY(m_browser.open(link + QStringLiteral("?lang=sl")));
        QVERIFY(m_browser.text().contains(QStringLiteral("Kako smo se odrezali?")));
        QVERIFY(m_browser.screenshot(artifact(QStringLiteral("rating-sl.png"))));
    }
};

QTEST_GUILESS_MAIN(TestBrowser)
#include "tst_browser.moc"
