// The customer pages (issue 18, docs/customer-pages.md) end to end: the real pultd serves the
// contact form and the status pages, a form becomes a ticket whose confirmation goes out through
// Postfix's real smtp-sink with the status link, the customer answers on the page, an agent
// rotates the link. Abuse is refused (the trap field, a form sent too soon, a forged or foreign
// form, unreadable bodies, rate limits) and a corpus of XSS payloads comes back escaped. One
// smtp-sink and one pultd (--form-min-fill 1) serve every case. On SQLite, and
// (server_webpages_postgresql) on PostgreSQL.

#include "mailmessages.h"
#include "pultdprocess.h"
#include "smtpsinkprocess.h"

#include "customerpages.h"
#include "customertexts.h"
#include "serverstore.h"
#include "storedb.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <unistd.h>
#include <zip.h>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";
const QString kMailbox = QStringLiteral("help@firma.example");
const QString kPublicUrl = QStringLiteral("https://help.firma.example");

// Payloads that would run script if a page put them out as they are.
const QStringList kXss{
    QStringLiteral("<script>alert(1)</script>"),
    QStringLiteral("\"><img src=x onerror=alert(1)>"),
    QStringLiteral("'><svg onload=alert(1)>"),
    QStringLiteral("</textarea><script>alert(2)</script>"),
    QStringLiteral("<a href=\"javascript:alert(3)\">x</a>"),
    QStringLiteral("</title><iframe srcdoc=\"<script>alert(4)</script>\">"),
    QStringLiteral("{{ticket.status_link}}<style>*{display:none}</style>"),
};

QByteArray formBody(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

// A file a browser sends with a form.
struct FormFile
{
    QByteArray name;
    QByteArray type;
    QByteArray content;
};

// A multipart/form-data body as a browser builds it: the fields, then the files of the input
// "files" (or one empty part when none was chosen, as browsers send).
QByteArray multipartBody(const QList<std::pair<QString, QString>> &fields,
                         const QList<FormFile> &files, const QByteArray &boundary)
{
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name.toUtf8() +
                "\"\r\n\r\n" + QByteArray(value.toUtf8()).replace("\n", "\r\n") + "\r\n";
    for (const FormFile &f :
         files.isEmpty() ? QList<FormFile>{{"", "application/octet-stream", ""}} : files)
        body += "--" + boundary +
                "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.name +
                "\"\r\nContent-Type: " + f.type + "\r\n\r\n" + f.content + "\r\n";
    return body + "--" + boundary + "--\r\n";
}

QByteArray multipartRequest(const QByteArray &target,
                            const QList<std::pair<QString, QString>> &fields,
                            const QList<FormFile> &files)
{
    const QByteArray boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    return "POST " + target + " HTTP/1.1\r\nHost: pult.test\r\n" +
           "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " +
           QByteArray::number(multipartBody(fields, files, boundary).size()) + "\r\n\r\n" +
           multipartBody(fields, files, boundary);
}

QByteArray postRequest(const QByteArray &target, const QByteArray &body,
                       const QByteArray &extraHeaders = {},
                       const QByteArray &type = "application/x-www-form-urlencoded")
{
    return "POST " + target + " HTTP/1.1\r\nHost: pult.test\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders +
           "\r\n" + body;
}

QByteArray pageRequest(const QByteArray &target, const QByteArray &language = {})
{
    QByteArray r = "GET " + target + " HTTP/1.1\r\nHost: pult.test\r\n";
    if (!language.isEmpty())
        r += "Accept-Language: " + language + "\r\n";
    return r + "\r\n";
}

// The signed token of the last form on a page: the contact form, or a status page's answer form
// (below the rating form while a survey is open).
QString formToken(const QByteArray &page)
{
    static const QRegularExpression token(
        QStringLiteral("name=\"token\" value=\"([A-Za-z0-9_-]+)\""));
    QString last;
    for (const QRegularExpressionMatch &m : token.globalMatch(QString::fromUtf8(page)))
        last = m.captured(1);
    return last;
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestWebPages : public QObject
{
    Q_OBJECT

    SmtpSink m_sink;
    Pultd m_server;
    QByteArray m_root; // admin
    QByteArray m_ana;  // agent of Support
    QString m_support;
    QStringList m_tokens; // every status link seen, for the log check

    std::optional<HttpReply> fetch(const QByteArray &request) { return m_server.fetch(request); }

    QJsonObject op(const QByteArray &token, const QJsonObject &one)
    {
        return postOps(m_server, token, {one}).first().toObject();
    }

    QList<QJsonObject> entities(const QString &type)
    {
        return latestEntities(m_server, m_root, type);
    }

    std::optional<QJsonObject> ticketNumbered(qint64 number)
    {
        for (const QJsonObject &t : entities(QStringLiteral("ticket"))) {
            if (t.value(QLatin1String("number")).toInteger() == number)
                return t;
        }
        return std::nullopt;
    }

    // How many posts of the last hour count against a rate limit's subject (an address, an IP).
    qint64 postsCounted(const QString &subject)
    {
        const QStringList arguments = storeArguments(m_server.dataDir());
        const QString url =
            arguments.contains(QStringLiteral("--db")) ? arguments.last() : QString();
        auto db = Pult::Db::Connection::openReader(m_server.dataDir().toStdString(), url);
        if (!db.good())
            return -1;
        auto counted = (*db)->prepare("SELECT count(*) FROM web_posts WHERE subject = ?1");
        if (!counted.good())
            return -1;
        (*counted)->bind(1, subject);
        const qint64 n = (*counted)->next() ? (*counted)->int64(0) : -1;
        (*counted)->reset();
        return n;
    }

    QList<QJsonObject> messagesOf(const QString &ticket)
    {
        QList<QJsonObject> found;
        for (const QJsonObject &m : entities(QStringLiteral("message"))) {
            if (m.value(QLatin1String("ticket_id")).toString() == ticket)
                found.append(m);
        }
        return found;
    }

    // Fresh forms of a page, old enough to be sent (the server's minimum fill time is 1 s).
    QStringList forms(const QByteArray &path, int n)
    {
        QStringList tokens;
        for (int i = 0; i < n; ++i) {
            const auto page = fetch(pageRequest(path));
            if (statusOf(page) != 200)
                return {};
            tokens.append(formToken(page->body));
        }
        QTest::qWait(1100);
        return tokens;
    }

    std::optional<HttpReply> submit(const QString &token, const QString &name, const QString &email,
                                    const QString &subject, const QString &message,
                                    const QByteArray &headers = {})
    {
        return fetch(postRequest("/form/support",
                                 formBody({{QStringLiteral("token"), token},
                                           {QStringLiteral("name"), name},
                                           {QStringLiteral("email"), email},
                                           {QStringLiteral("subject"), subject},
                                           {QStringLiteral("message"), message},
                                           {QStringLiteral("website"), QString()}}),
                                 headers));
    }

    // The number a thank-you page gives; 0 when it gives none.
    static qint64 thankedNumber(const std::optional<HttpReply> &reply)
    {
        static const QRegularExpression number(QStringLiteral("\\[#(\\d+)\\]"));
        return reply ? number.match(QString::fromUtf8(reply->body)).captured(1).toLongLong() : 0;
    }

    // Waits for the one mail at the sink and returns the status link's path in it ("/t/...").
    QString mailedStatusLink(QByteArray *mail = nullptr)
    {
        if (!QTest::qWaitFor([&] { return !m_sink.messageFiles().isEmpty(); }, kTimeoutMs))
            return {};
        // The file appears as smtp-sink starts writing it: wait until the link is in it.
        static const QRegularExpression link(
            QRegularExpression::escape(kPublicUrl) +
            QStringLiteral("(/t/[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])"));
        QByteArray sent;
        QString path;
        if (!QTest::qWaitFor(
                [&] {
                    sent = m_sink.onlyMessage();
                    path = link.match(bodyText(sent).trimmed()).captured(1);
                    return !path.isEmpty();
                },
                kTimeoutMs))
            qWarning() << "no status link in" << bodyText(sent) << m_sink.error();
        if (mail)
            *mail = sent;
        if (!path.isEmpty())
            m_tokens.append(path.mid(3));
        m_sink.clearMessages();
        return path;
    }

    // A ticket made through the form, its status link from the confirmation mail.
    struct Made
    {
        QString id;
        qint64 number = 0;
        QString link; // "/t/TOKEN"
    };
    Made makeTicket(const QString &email, const QString &subject, const QString &message,
                    const QString &name = QStringLiteral("Ana Novak"))
    {
        const QStringList tokens = forms("/form/support", 1);
        const auto reply = submit(tokens.value(0), name, email, subject, message);
        if (statusOf(reply) != 200) {
            qWarning() << statusOf(reply) << (reply ? reply->body : QByteArray());
            return {};
        }
        Made made;
        made.number = thankedNumber(reply);
        const auto ticket = ticketNumbered(made.number);
        made.id = ticket ? ticket->value(QLatin1String("id")).toString() : QString();
        made.link = mailedStatusLink();
        return made;
    }

    QJsonObject updateDepartment(const QJsonObject &fields)
    {
        QJsonObject department = fields;
        department.insert(QStringLiteral("id"), m_support);
        return op(m_root, QJsonObject{{QStringLiteral("id"), newId()},
                                      {QStringLiteral("type"), QStringLiteral("update_department")},
                                      {QStringLiteral("department"), department}});
    }

    QJsonObject addMessage(const QString &ticket, const QString &kind, const QString &body,
                           const QJsonArray &attachments = {})
    {
        return op(m_ana, QJsonObject{{QStringLiteral("id"), newId()},
                                     {QStringLiteral("type"), QStringLiteral("add_message")},
                                     {QStringLiteral("ticket_id"), ticket},
                                     {QStringLiteral("message"),
                                      QJsonObject{{QStringLiteral("id"), newId()},
                                                  {QStringLiteral("kind"), kind},
                                                  {QStringLiteral("body"), body},
                                                  {QStringLiteral("attachments"), attachments}}}});
    }

    QJsonObject setStatus(const QString &ticket, const QString &status)
    {
        return op(m_ana, QJsonObject{{QStringLiteral("id"), newId()},
                                     {QStringLiteral("type"), QStringLiteral("set_fields")},
                                     {QStringLiteral("ticket_id"), ticket},
                                     {QStringLiteral("fields"),
                                      QJsonObject{{QStringLiteral("status"), status}}}});
    }

    // The ticket's history events of a field, oldest first, as "old>new".
    QStringList historyOf(const QString &ticket, const QString &field)
    {
        QStringList events;
        for (const QJsonObject &h : entities(QStringLiteral("history"))) {
            if (h.value(QLatin1String("ticket_id")).toString() == ticket &&
                h.value(QLatin1String("field")).toString() == field)
                events.append(h.value(QLatin1String("old")).toString() + u'>' +
                              h.value(QLatin1String("new")).toString());
        }
        return events;
    }

    // The signed token of the rating form on a status page.
    static QString ratingToken(const QByteArray &page)
    {
        static const QRegularExpression token(
            QStringLiteral("action=\"/t/[A-Za-z0-9_-]+/rate\"[^>]*>\\s*<input type=\"hidden\" "
                           "name=\"token\" value=\"([A-Za-z0-9_-]+)\""));
        return token.match(QString::fromUtf8(page)).captured(1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        const QString data = m_server.dataDir();
        for (const auto &[email, role, dept] : {std::tuple{"ana@firma.example", "agent", "Support"},
                                                std::tuple{"root@firma.example", "admin", ""}}) {
            const Run r = addAgent(data, QLatin1String(email), QLatin1String(role),
                                   QLatin1String(dept), kPassword);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const Run mailbox =
            addSendingMailbox(data, kMailbox, QStringLiteral("Support"), m_sink.port());
        QVERIFY2(mailbox.exitCode == 0, mailbox.err.constData());
        QVERIFY(m_server.start({QStringLiteral("--public-url"), kPublicUrl,
                                QStringLiteral("--form-min-fill"), QStringLiteral("1"),
                                QStringLiteral("--attachment-limit"), QStringLiteral("64K")}));
        m_root = login(m_server, "root@firma.example", kPassword);
        m_ana = login(m_server, "ana@firma.example", kPassword);
        QVERIFY(!m_root.isEmpty() && !m_ana.isEmpty());
        const auto departments = fetch(apiRequest("GET", "/api/v1/departments", m_root));
        for (const QJsonValue &d :
             departments->json().value(QLatin1String("departments")).toArray())
            if (d.toObject().value(QLatin1String("name")).toString() == u"Support")
                m_support = d.toObject().value(QLatin1String("id")).toString();
        QVERIFY(!m_support.isEmpty());
    }

    void init() { m_sink.clearMessages(); }

    void languagesAndSlugs()
    {
        using Pult::CustomerTexts::acceptLanguages;
        using Pult::CustomerTexts::supported;
        QCOMPARE(
            acceptLanguages("de-AT, pl;q=0.8, sl-SI;q=0.9, en;q=0"),
            (QStringList{QStringLiteral("de-AT"), QStringLiteral("sl-SI"), QStringLiteral("pl")}));
        QCOMPARE(supported(acceptLanguages("de-AT, pl;q=0.8, sl-SI;q=0.9")), QStringLiteral("sl"));
        QCOMPARE(supported({QStringLiteral("fr"), QStringLiteral("HR")}), QStringLiteral("hr"));
        QCOMPARE(supported({QStringLiteral("fr")}), QString());
        QCOMPARE(Pult::ServerStore::slugOf(QStringLiteral("Tehnična podpora / Łódź 2")),
                 QStringLiteral("tehnicna-podpora-odz-2"));
    }

    void formSpeaksTheCustomersLanguage()
    {
        const auto polish = fetch(pageRequest("/form/support", "pl-PL,pl;q=0.9,en;q=0.5"));
        QCOMPARE(statusOf(polish), 200);
        QCOMPARE(polish->header("content-type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(polish->body.contains("<html lang=\"pl\">"));
        QVERIFY(polish->body.contains("Napisz do działu Support"));
        QVERIFY(polish->body.contains("<label for=\"email\">Twój adres e-mail</label>"));
        // ?lang= over the browser's; the department by its id as well as its name's slug.
        const auto slovenian =
            fetch(pageRequest("/form/" + m_support.toLatin1() + "?lang=sl", "pl"));
        QCOMPARE(statusOf(slovenian), 200);
        QVERIFY(slovenian->body.contains("<html lang=\"sl\">"));
        QVERIFY(slovenian->body.contains("Pišite oddelku Support"));
        // The department's default when the browser names nothing we speak.
        QCOMPARE(updateDepartment({{QStringLiteral("language"), QStringLiteral("lt")}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        const auto lithuanian = fetch(pageRequest("/form/support", "fr-FR"));
        QVERIFY(lithuanian->body.contains("<html lang=\"lt\">"));
        QCOMPARE(updateDepartment({{QStringLiteral("language"), QStringLiteral("xx")}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(updateDepartment({{QStringLiteral("language"), QString()}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));

        // Strict headers: no script, no framing, no referrer.
        const QByteArray csp = polish->header("content-security-policy");
        QVERIFY2(csp.startsWith("default-src 'none'; style-src 'self' 'sha256-"), csp.constData());
        QVERIFY(csp.contains("form-action 'self'") && csp.contains("frame-ancestors 'none'"));
        QVERIFY(!csp.contains("script-src") && !csp.contains("unsafe-inline"));
        QCOMPARE(polish->header("x-frame-options"), QByteArray("DENY"));
        QCOMPARE(polish->header("referrer-policy"), QByteArray("no-referrer"));
        QCOMPARE(polish->header("x-content-type-options"), QByteArray("nosniff"));
        // The inline style is the one the hash allows.
        static const QRegularExpression style(QStringLiteral("<style>([^<]*)</style>"));
        const QByteArray inlineStyle =
            style.match(QString::fromUtf8(polish->body)).captured(1).toUtf8();
        const QByteArray allowed =
            QCryptographicHash::hash(inlineStyle, QCryptographicHash::Sha256).toBase64();
        QVERIFY(csp.contains(QByteArray(QByteArray("'sha256-") + allowed + '\'')));
        const auto css = fetch(pageRequest("/static/pult.css"));
        QCOMPARE(statusOf(css), 200);
        QCOMPARE(css->header("content-type"), QByteArray("text/css; charset=utf-8"));

        // Unknown departments, and a department whose form is off, are not found.
        QCOMPARE(statusOf(fetch(pageRequest("/form/nobody"))), 404);
        QCOMPARE(updateDepartment({{QStringLiteral("web_form"), QStringLiteral("off")}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        QCOMPARE(statusOf(fetch(pageRequest("/form/support"))), 404);
        updateDepartment({{QStringLiteral("web_form"), QStringLiteral("on")}});
        QCOMPARE(statusOf(fetch(pageRequest("/form/support"))), 200);
    }

    void formBecomesATicketWithAConfirmation()
    {
        const QStringList tokens = forms("/form/support?lang=sl", 1);
        QCOMPARE(tokens.size(), 1);
        const auto thanks = submit(
            tokens[0], QStringLiteral("Špela Horvat"), QStringLiteral("spela@stranka.si"),
            QStringLiteral("Račun ne ustreza"),
            QStringLiteral("Pozdravljeni,\r\nračun 42 je napačen."), "Accept-Language: sl\r\n");
        QCOMPARE(statusOf(thanks), 200);
        QVERIFY2(thanks->body.contains("Hvala"), thanks->body.constData());
        QVERIFY(thanks->body.contains("spela@stranka.si"));
        const qint64 number = thankedNumber(thanks);
        QVERIFY(number > 0);
        // The link goes only by mail: whoever typed an address is not yet known to own it.
        QVERIFY(!thanks->body.contains("/t/"));

        const auto ticket = ticketNumbered(number);
        QVERIFY(ticket);
        QCOMPARE(ticket->value(QLatin1String("channel")).toString(), QStringLiteral("web-form"));
        QCOMPARE(ticket->value(QLatin1String("subject")).toString(),
                 QStringLiteral("Račun ne ustreza"));
        const QString id = ticket->value(QLatin1String("id")).toString();
        const QList<QJsonObject> messages = messagesOf(id);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].value(QLatin1String("kind")).toString(), QStringLiteral("customer"));
        QCOMPARE(messages[0].value(QLatin1String("body")).toString(),
                 QStringLiteral("Pozdravljeni,\nračun 42 je napačen."));
        bool contactFound = false;
        for (const QJsonObject &c : entities(QStringLiteral("contact"))) {
            if (c.value(QLatin1String("emails"))
                    .toArray()
                    .contains(QStringLiteral("spela@stranka.si"))) {
                contactFound = true;
                QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("Špela Horvat"));
                QCOMPARE(c.value(QLatin1String("language")).toString(), QStringLiteral("sl"));
            }
        }
        QVERIFY(contactFound);

        // The confirmation: in Slovenian, an auto-reply, with the status link.
        QByteArray mail;
        const QString link = mailedStatusLink(&mail);
        QVERIFY2(!link.isEmpty(), qPrintable(bodyText(mail)));
        QCOMPARE(header(mail, "To").contains("spela@stranka.si"), true);
        QCOMPARE(header(mail, "Auto-Submitted"), QByteArray("auto-replied"));
        const QString text = bodyText(mail);
        QVERIFY2(text.contains(QStringLiteral("prejeli smo vašo zahtevo")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("[#%1]").arg(number)));

        // The page: in the contact's language whatever the browser says, without the agent's
        // address, with the expected answer.
        const auto page = fetch(pageRequest(link.toLatin1(), "en"));
        QCOMPARE(statusOf(page), 200);
        QVERIFY(page->body.contains("<html lang=\"sl\">"));
        QVERIFY(page->body.contains(QStringLiteral("Zahteva [#%1]").arg(number).toUtf8()));
        QVERIFY(page->body.contains("Račun ne ustreza"));
        QVERIFY(page->body.contains("račun 42 je napačen."));
        QVERIFY(page->body.contains("Prejeto"));
        const QByteArray csp = page->header("content-security-policy");
        QVERIFY(csp.contains("frame-ancestors 'none'"));
        QCOMPARE(page->header("referrer-policy"), QByteArray("no-referrer"));

        // Sending the same form again (a reload) stores nothing more.
        const auto again =
            submit(tokens[0], QStringLiteral("Špela Horvat"), QStringLiteral("spela@stranka.si"),
                   QStringLiteral("Račun ne ustreza"), QStringLiteral("x"));
        QCOMPARE(statusOf(again), 200);
        QCOMPARE(thankedNumber(again), number);
        QCOMPARE(messagesOf(id).size(), 1);
    }

    void statusPageShowsThePublicConversation()
    {
        const Made made =
            makeTicket(QStringLiteral("jonas@klientas.lt"), QStringLiteral("Delivery late"),
                       QStringLiteral("Where is it?"));
        QVERIFY(!made.link.isEmpty());
        QCOMPARE(addMessage(made.id, QStringLiteral("note"),
                            QStringLiteral("INTERNAL: customer is on the watch list"))
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        QCOMPARE(addMessage(made.id, QStringLiteral("reply"),
                            QStringLiteral("It ships today. Follow it at {{ticket.status_link}}"))
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        // The reply's mail has the link put in.
        QCOMPARE(mailedStatusLink(), made.link);
        // Agents who see the ticket may read the link, to hand it over another way.
        const auto asked = fetch(
            apiRequest("GET", "/api/v1/tickets/" + made.id.toLatin1() + "/status-link", m_ana));
        QCOMPARE(statusOf(asked), 200);
        QCOMPARE(asked->json().value(QLatin1String("url")).toString(), kPublicUrl + made.link);
        QCOMPARE(statusOf(fetch(apiRequest(
                     "GET", "/api/v1/tickets/" + newId().toLatin1() + "/status-link", m_ana))),
                 404);

        const auto page = fetch(pageRequest(made.link.toLatin1()));
        QCOMPARE(statusOf(page), 200);
        QVERIFY(page->body.contains("Where is it?"));
        QVERIFY(page->body.contains("It ships today."));
        QVERIFY(page->body.contains(QByteArray("Follow it at " + made.link.toLatin1())));
        QVERIFY(!page->body.contains("INTERNAL"));
        QVERIFY(!page->body.contains("ana@firma.example"));
        QVERIFY(page->body.contains("<strong>ana</strong>")); // the agent by name
        QVERIFY(page->body.contains("<strong>You</strong>"));
        // An unknown token and a malformed one: the same answer as anything else not found.
        const auto unknown = fetch(pageRequest("/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        const auto malformed = fetch(pageRequest("/t/x"));
        QCOMPARE(statusOf(unknown), 404);
        QCOMPARE(statusOf(malformed), 404);
        QCOMPARE(unknown->body, malformed->body);
    }

    void customerAnswersOnThePage()
    {
        const Made made = makeTicket(QStringLiteral("marta@klient.pl"), QStringLiteral("Zwrot"),
                                     QStringLiteral("Chcę zwrócić towar."));
        QVERIFY(!made.link.isEmpty());
        const QJsonObject solved =
            op(m_ana,
               QJsonObject{{QStringLiteral("id"), newId()},
                           {QStringLiteral("type"), QStringLiteral("set_fields")},
                           {QStringLiteral("ticket_id"), made.id},
                           {QStringLiteral("fields"),
                            QJsonObject{{QStringLiteral("status"), QStringLiteral("solved")}}}});
        QCOMPARE(solved.value(QLatin1String("status")).toString(), QStringLiteral("applied"));

        const QStringList tokens = forms(made.link.toLatin1(), 1);
        const QByteArray answer =
            formBody({{QStringLiteral("token"), tokens.value(0)},
                      {QStringLiteral("answer"), QStringLiteral("Jeszcze jedno pytanie.")}});
        // From a browser behind the public URL (a proxy in front of pultd).
        const auto posted = fetch(
            postRequest(made.link.toLatin1(), answer, "Origin: " + kPublicUrl.toLatin1() + "\r\n"));
        QCOMPARE(statusOf(posted), 200);
        QVERIFY(posted->body.contains("role=\"status\""));
        QVERIFY(posted->body.contains("Jeszcze jedno pytanie."));
        // A message of the customer on the ticket, which is open again.
        QList<QJsonObject> messages = messagesOf(made.id);
        QCOMPARE(messages.size(), 2);
        const auto customer =
            std::find_if(messages.cbegin(), messages.cend(), [](const QJsonObject &m) {
                return m.value(QLatin1String("body")).toString() == u"Jeszcze jedno pytanie.";
            });
        QVERIFY(customer != messages.cend());
        QCOMPARE(customer->value(QLatin1String("kind")).toString(), QStringLiteral("customer"));
        QCOMPARE(ticketNumbered(made.number)->value(QLatin1String("status")).toString(),
                 QStringLiteral("open"));
        // The same form again (a reload): stored once.
        QCOMPARE(statusOf(fetch(postRequest(made.link.toLatin1(), answer))), 200);
        QCOMPARE(messagesOf(made.id).size(), 2);

        // An empty answer says so and keeps the page.
        const QStringList more = forms(made.link.toLatin1(), 1);
        const auto empty = fetch(postRequest(
            made.link.toLatin1(), formBody({{QStringLiteral("token"), more.value(0)},
                                            {QStringLiteral("answer"), QStringLiteral("  ")}})));
        QCOMPARE(statusOf(empty), 400);
        QVERIFY(empty->body.contains("Please write your answer."));
        QVERIFY(empty->body.contains("aria-invalid=\"true\""));

        // A closed ticket takes no more answers.
        op(m_ana, QJsonObject{{QStringLiteral("id"), newId()},
                              {QStringLiteral("type"), QStringLiteral("set_fields")},
                              {QStringLiteral("ticket_id"), made.id},
                              {QStringLiteral("fields"),
                               QJsonObject{{QStringLiteral("status"), QStringLiteral("closed")}}}});
        const auto closedPage = fetch(pageRequest(made.link.toLatin1()));
        QVERIFY(closedPage->body.contains("This request is closed."));
        QVERIFY(!closedPage->body.contains("<textarea"));
        const auto refused =
            fetch(postRequest(made.link.toLatin1(),
                              formBody({{QStringLiteral("token"), more.value(0)},
                                        {QStringLiteral("answer"), QStringLiteral("Hello?")}})));
        QCOMPARE(statusOf(refused), 409);
        QCOMPARE(messagesOf(made.id).size(), 2);
    }

    // Files on the contact form and with an answer: spooled, stored like any attachment, on
    // the ticket and on the status page; too many, too large or a broken body refused clearly.
    void customersAttachFiles()
    {
        const QByteArray emptyForm = fetch(pageRequest("/form/support"))->body;
        QVERIFY(emptyForm.contains("enctype=\"multipart/form-data\""));
        QVERIFY(emptyForm.contains("type=\"file\" multiple"));
        QVERIFY(emptyForm.contains("Up to 5 files, together at most 64 kB."));

        // Binary content with what looks like line ends and delimiters in it.
        QByteArray receipt;
        for (int i = 0; i < 3000; ++i)
            receipt += char(i * 7 % 256);
        receipt += "\r\n------WebKitFormBoundary7MA4YWxkTrZu0g\r\n";
        const QByteArray photo = "\xff\xd8\xff\xe0 a small photo";
        const auto fields = [](const QString &token, const QString &email) {
            return QList<std::pair<QString, QString>>{
                {QStringLiteral("token"), token},
                {QStringLiteral("name"), QStringLiteral("Jonas Petraitis")},
                {QStringLiteral("email"), email},
                {QStringLiteral("subject"), QStringLiteral("Sugadinta prekė")},
                {QStringLiteral("message"), QStringLiteral("Prisegu kvitą\nir nuotrauką.")},
                {QStringLiteral("website"), QString()}};
        };
        QStringList tokens = forms("/form/support", 5);
        const auto posted = fetch(multipartRequest(
            "/form/support", fields(tokens.value(0), QStringLiteral("jonas@pirkejas.lt")),
            {{"C:\\Users\\jonas\\kvitas.pdf", "application/pdf", receipt},
             {"nuotrauka.jpg", "image/jpeg", photo}}));
        QCOMPARE(statusOf(posted), 200);
        const qint64 number = thankedNumber(posted);
        QVERIFY(number > 0);
        const QString link = mailedStatusLink();
        const QString ticket = ticketNumbered(number)->value(QLatin1String("id")).toString();
        const QList<QJsonObject> messages = messagesOf(ticket);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].value(QLatin1String("body")).toString(),
                 QStringLiteral("Prisegu kvitą\nir nuotrauką."));
        const QJsonArray files = messages[0].value(QLatin1String("attachments")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("kvitas.pdf"));
        QCOMPARE(files[0].toObject().value(QLatin1String("hash")).toString(), sha256(receipt));
        QCOMPARE(files[0].toObject().value(QLatin1String("size")).toInteger(), receipt.size());
        QCOMPARE(files[1].toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("image/jpeg"));
        // Agents download them as any attachment; the customer from the status page.
        const auto byAgent =
            fetch(apiRequest("GET", "/api/v1/attachments/" + sha256(receipt).toLatin1(), m_ana));
        QCOMPARE(statusOf(byAgent), 200);
        QCOMPARE(byAgent->body, receipt);
        const QByteArray statusPage = fetch(pageRequest(link.toLatin1()))->body;
        QVERIFY(statusPage.contains("kvitas.pdf"));
        QCOMPARE(fetch(pageRequest(link.toLatin1() + "/files/" + sha256(photo).toLatin1()))->body,
                 photo);

        // An answer with a file.
        const QStringList answerForms = forms(link.toLatin1(), 1);
        const auto answered = fetch(
            multipartRequest(link.toLatin1(),
                             {{QStringLiteral("token"), answerForms.value(0)},
                              {QStringLiteral("answer"), QStringLiteral("Dar vienas kvitas.")}},
                             {{"kvitas-2.txt", "text/plain", "second receipt"}}));
        QCOMPARE(statusOf(answered), 200);
        QVERIFY(answered->body.contains("kvitas-2.txt"));
        QCOMPARE(messagesOf(ticket).size(), 2);

        // Refused, and said next to the files: too many, too large together, and files with a
        // form refused for another reason must be chosen again.
        QList<FormFile> six;
        for (int i = 0; i < 6; ++i)
            six.append({"f" + QByteArray::number(i) + ".txt", "text/plain", "x"});
        const auto tooMany = fetch(multipartRequest(
            "/form/support", fields(tokens.value(1), QStringLiteral("jonas2@pirkejas.lt")), six));
        QCOMPARE(statusOf(tooMany), 400);
        QVERIFY(tooMany->body.contains("Please attach at most 5 files."));
        QVERIFY(tooMany->body.contains("Prisegu kvitą")); // the message is kept
        const auto tooLarge = fetch(multipartRequest(
            "/form/support", fields(tokens.value(2), QStringLiteral("jonas3@pirkejas.lt")),
            {{"a.bin", "application/octet-stream", QByteArray(40 * 1024, 'a')},
             {"b.bin", "application/octet-stream", QByteArray(40 * 1024, 'b')}}));
        QCOMPARE(statusOf(tooLarge), 400);
        QVERIFY(tooLarge->body.contains("The files are too large: together they may have at most "
                                        "64 kB."));
        const auto noAddress = fetch(multipartRequest("/form/support", fields(tokens.value(3), {}),
                                                      {{"c.txt", "text/plain", "c"}}));
        QCOMPARE(statusOf(noAddress), 400);
        QVERIFY(noAddress->body.contains("Please choose your files again"));
        // A body over the limit is refused before it is read, in the browser's language.
        const auto huge = fetch("POST /form/support HTTP/1.1\r\nHost: pult.test\r\n"
                                "Accept-Language: lt\r\nContent-Type: multipart/form-data; "
                                "boundary=B\r\nContent-Length: 5000000\r\n\r\n");
        QCOMPARE(statusOf(huge), 413);
        QVERIFY(huge->body.contains("Failai per dideli"));
        // One without a length (chunked) is refused before it is read too.
        const auto unsized = fetch("POST /form/support HTTP/1.1\r\nHost: pult.test\r\n"
                                   "Content-Type: multipart/form-data; boundary=B\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QCOMPARE(statusOf(unsized), 411);
        QVERIFY(unsized->body.contains("<html"));
        // A broken body says it could not be read.
        const auto broken = fetch(postRequest("/form/support", "--B\r\nno headers here", {},
                                              "multipart/form-data; boundary=B"));
        QCOMPARE(statusOf(broken), 400);
        QVERIFY(broken->body.contains("<html"));
        // None of these made a ticket, and no spooled body or copy is left behind.
        QVERIFY(!ticketNumbered(number + 1));
        const QDir partial(m_server.dataDir() + QStringLiteral("/attachments/partial"));
        QVERIFY(
            partial.entryList({QStringLiteral("spool-*"), QStringLiteral("post-*")}, QDir::Files)
                .isEmpty());
    }

    void satisfactionSurveyAfterASolve()
    {
        // Surveys at once in this case (the default is an hour after the solve).
        QCOMPARE(updateDepartment({{QStringLiteral("csat_delay"), QStringLiteral("0")}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        const auto restore = qScopeGuard([&] {
            updateDepartment({{QStringLiteral("csat_delay"), QString()}});
        });
        const Made made =
            makeTicket(QStringLiteral("eva@stranka.si"), QStringLiteral("Tiskalnik"),
                       QStringLiteral("Tiskalnik ne tiska."), QStringLiteral("Eva Kranjc"));
        QVERIFY(!made.link.isEmpty());
        QCOMPARE(setStatus(made.id, QStringLiteral("solved")).value(QLatin1String("status")),
                 QStringLiteral("applied"));

        // The survey mail: to the requester, auto-generated, a link for each rating.
        QByteArray mail;
        QCOMPARE(mailedStatusLink(&mail), made.link);
        const QString body = bodyText(mail);
        QVERIFY2(body.contains(QStringLiteral("Hello Eva,")), qPrintable(body));
        QVERIFY(mail.contains(QByteArray(QByteArray("Subject: How did we do? [#") +
                                         QByteArray::number(made.number))));
        QVERIFY(mail.contains("Auto-Submitted: auto-generated"));
        for (int score = 1; score <= 5; ++score)
            QVERIFY(body.contains(kPublicUrl + made.link + QStringLiteral("/rate/%1").arg(score)));
        QVERIFY(historyOf(made.id, QStringLiteral("delivery"))
                    .contains(QStringLiteral(">satisfaction survey queued for eva@stranka.si")));

        // One click rates, and the page asks for a comment with the rating chosen.
        const QByteArray rate = (made.link + QStringLiteral("/rate")).toLatin1();
        const auto clicked = fetch(pageRequest(rate + "/4"));
        QCOMPARE(statusOf(clicked), 200);
        QVERIFY(clicked->body.contains("Your rating: 4 of 5."));
        QVERIFY(clicked->body.contains("value=\"4\" checked"));
        QCOMPARE(ticketNumbered(made.number)->value(QLatin1String("csat")).toInteger(), 4);
        // The same click again writes nothing.
        const qsizetype events = entities(QStringLiteral("history")).size();
        QCOMPARE(statusOf(fetch(pageRequest(rate + "/4"))), 200);
        QCOMPARE(entities(QStringLiteral("history")).size(), events);

        // The form: another rating, with a comment.
        const QString token = ratingToken(clicked->body);
        QVERIFY(!token.isEmpty());
        QTest::qWait(1100); // the minimum fill time does not apply, but the forms' clock does
        const auto sent = fetch(postRequest(
            rate,
            formBody({{QStringLiteral("token"), token},
                      {QStringLiteral("score"), QStringLiteral("2")},
                      {QStringLiteral("comment"), QStringLiteral("Prepočasi <b>res</b>.")}})));
        QCOMPARE(statusOf(sent), 200);
        QVERIFY(sent->body.contains("Thank you for your rating."));
        QVERIFY(sent->body.contains("Prepočasi &lt;b&gt;res&lt;/b&gt;."));
        const QJsonObject rated = *ticketNumbered(made.number);
        QCOMPARE(rated.value(QLatin1String("csat")).toInteger(), 2);
        QCOMPARE(rated.value(QLatin1String("csat_comment")).toString(),
                 QStringLiteral("Prepočasi <b>res</b>."));
        QCOMPARE(historyOf(made.id, QStringLiteral("csat")),
                 (QStringList{QStringLiteral(">4"), QStringLiteral("4>2")}));
        QCOMPARE(historyOf(made.id, QStringLiteral("csat_comment")),
                 QStringList{QStringLiteral(">commented")});

        // What cannot be a rating is refused, and changes nothing.
        for (const QByteArray bad : {"/0", "/6", "/x", "/44"})
            QCOMPARE(statusOf(fetch(pageRequest(rate + bad))), 404);
        QCOMPARE(statusOf(fetch(pageRequest("/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/rate/5"))), 404);
        const auto noScore = fetch(postRequest(rate, formBody({{QStringLiteral("token"), token}})));
        QCOMPARE(statusOf(noScore), 400);
        QVERIFY(noScore->body.contains("Please choose a rating."));
        const auto forged =
            fetch(postRequest(rate, formBody({{QStringLiteral("token"), QStringLiteral("AAAA")},
                                              {QStringLiteral("score"), QStringLiteral("5")}})));
        QCOMPARE(statusOf(forged), 400);
        const auto tooLong = fetch(postRequest(
            rate, formBody({{QStringLiteral("token"), token},
                            {QStringLiteral("score"), QStringLiteral("5")},
                            {QStringLiteral("comment"),
                             QString(Pult::CustomerPages::kMaxCommentChars + 1, u'x')}})));
        QCOMPARE(statusOf(tooLong), 400);
        QCOMPARE(ticketNumbered(made.number)->value(QLatin1String("csat")).toInteger(), 2);

        // Reopened: no survey is open, so nothing can be rated until the next solve.
        QCOMPARE(setStatus(made.id, QStringLiteral("open")).value(QLatin1String("status")),
                 QStringLiteral("applied"));
        const auto closed = fetch(pageRequest(rate + "/5"));
        QCOMPARE(statusOf(closed), 409);
        QVERIFY(!closed->body.contains("/rate\""));
        QCOMPARE(ticketNumbered(made.number)->value(QLatin1String("csat")).toInteger(), 2);
        // Solved again: a new survey, and a new rating.
        setStatus(made.id, QStringLiteral("solved"));
        QCOMPARE(mailedStatusLink(), made.link);
        QCOMPARE(statusOf(fetch(pageRequest(rate + "/5"))), 200);
        QCOMPARE(ticketNumbered(made.number)->value(QLatin1String("csat")).toInteger(), 5);

        // Erased, the customer's words go; the rating stays as a number.
        QString contact;
        for (const QJsonObject &c : entities(QStringLiteral("contact"))) {
            if (c.value(QLatin1String("emails"))
                    .toArray()
                    .contains(QStringLiteral("eva@stranka.si")))
                contact = c.value(QLatin1String("id")).toString();
        }
        QCOMPARE(op(m_root, QJsonObject{{QStringLiteral("id"), newId()},
                                        {QStringLiteral("type"), QStringLiteral("erase_contact")},
                                        {QStringLiteral("contact_id"), contact}})
                     .value(QLatin1String("status")),
                 QStringLiteral("applied"));
        const QJsonObject erased = *ticketNumbered(made.number);
        QCOMPARE(erased.value(QLatin1String("csat")).toInteger(), 5);
        QVERIFY(!erased.contains(QLatin1String("csat_comment")));
    }

    void reopeningCancelsAQueuedSurvey()
    {
        const Made made = makeTicket(QStringLiteral("luka@stranka.si"), QStringLiteral("Račun"),
                                     QStringLiteral("Račun je napačen."));
        QVERIFY(!made.link.isEmpty());
        // An hour's delay (the default): queued for then, and cancelled by the reopening.
        setStatus(made.id, QStringLiteral("solved"));
        const QStringList queued = historyOf(made.id, QStringLiteral("delivery"));
        QVERIFY2(std::any_of(queued.cbegin(), queued.cend(),
                             [](const QString &e) {
                                 return e.startsWith(
                                            QStringLiteral(">satisfaction survey queued")) &&
                                        e.contains(QStringLiteral("to go at"));
                             }),
                 qPrintable(queued.join(u'\n')));
        const auto page = fetch(pageRequest(made.link.toLatin1()));
        QVERIFY(page->body.contains("How did we do?"));
        setStatus(made.id, QStringLiteral("pending"));
        QVERIFY(historyOf(made.id, QStringLiteral("delivery"))
                    .contains(QStringLiteral(">satisfaction survey cancelled: the ticket was "
                                             "reopened")));
        QVERIFY(!fetch(pageRequest(made.link.toLatin1()))->body.contains("How did we do?"));

        // A department without surveys sends none.
        QCOMPARE(updateDepartment({{QStringLiteral("csat"), QStringLiteral("off")}})
                     .value(QLatin1String("status")),
                 QStringLiteral("applied"));
        const auto restore = qScopeGuard([&] {
            updateDepartment({{QStringLiteral("csat"), QString()}});
        });
        const qsizetype before = historyOf(made.id, QStringLiteral("delivery")).size();
        setStatus(made.id, QStringLiteral("solved"));
        QCOMPARE(historyOf(made.id, QStringLiteral("delivery")).size(), before);
        QCOMPARE(statusOf(fetch(pageRequest((made.link + QStringLiteral("/rate/5")).toLatin1()))),
                 409);
        // Settings out of range are refused.
        for (const auto &[key, value] : {std::pair{"csat", "maybe"}, std::pair{"csat_delay", "-1"},
                                         std::pair{"csat_delay", "soon"}})
            QCOMPARE(updateDepartment({{QLatin1String(key), QLatin1String(value)}})
                         .value(QLatin1String("error"))
                         .toObject()
                         .value(QLatin1String("code"))
                         .toString(),
                     QStringLiteral("invalid_op"));
    }

    void rotatedLinkStopsWorking()
    {
        const Made made = makeTicket(QStringLiteral("ivan@kupac.hr"), QStringLiteral("Lozinka"),
                                     QStringLiteral("Ne mogu se prijaviti."));
        QVERIFY(!made.link.isEmpty());
        QCOMPARE(statusOf(fetch(pageRequest(made.link.toLatin1()))), 200);
        const QJsonObject rotated =
            op(m_ana, QJsonObject{{QStringLiteral("id"), newId()},
                                  {QStringLiteral("type"), QStringLiteral("rotate_status_link")},
                                  {QStringLiteral("ticket_id"), made.id}});
        QCOMPARE(rotated.value(QLatin1String("status")).toString(), QStringLiteral("applied"));
        const auto old = fetch(pageRequest(made.link.toLatin1()));
        QCOMPARE(statusOf(old), 404);
        QCOMPARE(old->body, fetch(pageRequest("/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))->body);
        // The history says so, without the link.
        bool recorded = false;
        for (const QJsonObject &h : entities(QStringLiteral("history"))) {
            if (h.value(QLatin1String("ticket_id")).toString() == made.id &&
                h.value(QLatin1String("field")).toString() == u"status_link") {
                recorded = h.value(QLatin1String("new")).toString() == u"rotated";
                QVERIFY(!QJsonDocument(h).toJson().contains(made.link.mid(3).toLatin1()));
            }
        }
        QVERIFY(recorded);
        // The next mail carries the new link, which works.
        addMessage(made.id, QStringLiteral("reply"),
                   QStringLiteral("Your new link: {{ticket.status_link}}"));
        const QString fresh = mailedStatusLink();
        QVERIFY(!fresh.isEmpty() && fresh != made.link);
        QCOMPARE(statusOf(fetch(pageRequest(fresh.toLatin1()))), 200);
        // An agent of another department cannot rotate it (not found, not forbidden).
        const QJsonObject unknown =
            op(m_ana, QJsonObject{{QStringLiteral("id"), newId()},
                                  {QStringLiteral("type"), QStringLiteral("rotate_status_link")},
                                  {QStringLiteral("ticket_id"), newId()}});
        QCOMPARE(unknown.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("not_found"));
    }

    void xssComesBackEscaped()
    {
        const QString payload = kXss.join(u' ');
        // Through the form's fields when the form comes back with an error (a bad address) ...
        const QStringList tokens = forms("/form/support", 2);
        const auto refused = submit(tokens[0], payload, payload, payload, payload);
        QCOMPARE(statusOf(refused), 400);
        // ... and through a stored ticket's page: subject, message, names, a file name.
        const auto thanks = submit(tokens[1], kXss[1] + kXss[0], QStringLiteral("x@xss.example"),
                                   payload.left(200), payload);
        QCOMPARE(statusOf(thanks), 200);
        const QString link = mailedStatusLink();
        QVERIFY(!link.isEmpty());
        const auto ticket = ticketNumbered(thankedNumber(thanks));
        QVERIFY(ticket);
        const QByteArray content = "a file with a nasty name";
        const QByteArray hash = sha256(content).toLatin1();
        const auto put = fetch(
            "PUT /api/v1/uploads/" + hash + "?offset=0&size=" + QByteArray::number(content.size()) +
            " HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " + m_ana +
            "\r\nContent-Length: " + QByteArray::number(content.size()) + "\r\n\r\n" + content);
        QVERIFY(statusOf(put) == 200 || statusOf(put) == 201);
        const QJsonObject attached = addMessage(
            ticket->value(QLatin1String("id")).toString(), QStringLiteral("reply"), payload,
            QJsonArray{
                QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(hash)},
                            {QStringLiteral("name"), QString(kXss[1] + QStringLiteral(".txt"))},
                            {QStringLiteral("type"), QStringLiteral("text/html")},
                            {QStringLiteral("size"), qint64(content.size())}}});
        QCOMPARE(attached.value(QLatin1String("status")).toString(), QStringLiteral("applied"));
        mailedStatusLink();
        // The customer's own files with such names (quotes as browsers send them: %22).
        const QStringList answerForm = forms(link.toLatin1(), 1);
        const auto answered = fetch(multipartRequest(
            link.toLatin1(),
            {{QStringLiteral("token"), answerForm.value(0)}, {QStringLiteral("answer"), payload}},
            {{kXss[1].toUtf8().replace("\"", "%22") + ".html", "text/html", kXss[0].toUtf8()},
             {kXss[2].toUtf8(), "image/svg+xml", "<svg onload=alert(1)>"}}));
        QCOMPARE(statusOf(answered), 200);
        const auto page = fetch(pageRequest(link.toLatin1()));
        QCOMPARE(statusOf(page), 200);
        QVERIFY(page->body.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.html"));
        for (const auto &reply : {*refused, *answered, *page}) {
            const QString html = QString::fromUtf8(reply.body);
            for (const QString &p : kXss)
                QVERIFY2(!html.contains(p), qPrintable(p));
            // Only our own markup: no element a payload brought.
            QVERIFY(!html.contains(u"<script") && !html.contains(u"<img") &&
                    !html.contains(u"<svg") && !html.contains(u"<iframe") &&
                    !html.contains(u"<a href=\"javascript"));
            QCOMPARE(html.count(u"<style>"), 1);
            QCOMPARE(html.count(u"</textarea>"), html.count(u"<textarea"));
            QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt;"));
        }
        // The file downloads as an attachment, never as a page of this site.
        static const QRegularExpression file(
            QStringLiteral("href=\"(/t/[^\"]+/files/[0-9a-f]{64})\""));
        const QString href = file.match(QString::fromUtf8(page->body)).captured(1);
        QVERIFY(!href.isEmpty());
        const auto download = fetch(pageRequest(href.toLatin1()));
        QCOMPARE(statusOf(download), 200);
        QCOMPARE(download->body, content);
        QCOMPARE(download->header("content-type"), QByteArray("application/octet-stream"));
        QVERIFY(download->header("content-disposition").startsWith("attachment"));
        QCOMPARE(download->header("content-security-policy"), QByteArray("sandbox"));
        // Not a file of this ticket's: not found.
        QCOMPARE(statusOf(fetch(pageRequest(link.toLatin1() + "/files/" + QByteArray(64, 'a')))),
                 404);
    }

    void abuseIsRefused()
    {
        const auto before = entities(QStringLiteral("ticket")).size();
        const QStringList tokens = forms("/form/support", 3);
        // The trap field filled in.
        const auto trapped = fetch(
            postRequest("/form/support",
                        formBody({{QStringLiteral("token"), tokens[0]},
                                  {QStringLiteral("name"), QStringLiteral("Bot")},
                                  {QStringLiteral("email"), QStringLiteral("bot@spam.example")},
                                  {QStringLiteral("subject"), QStringLiteral("Buy")},
                                  {QStringLiteral("message"), QStringLiteral("Cheap!")},
                                  {QStringLiteral("website"), QStringLiteral("http://x")}})));
        QCOMPARE(statusOf(trapped), 400);
        // Sent at once after it was shown: refused, and what was typed comes back.
        const auto page = fetch(pageRequest("/form/support"));
        const auto quick = submit(formToken(page->body), QStringLiteral("Quick"),
                                  QStringLiteral("quick@example.org"), QStringLiteral("Fast"),
                                  QStringLiteral("Typed in no time"));
        QCOMPARE(statusOf(quick), 400);
        QVERIFY(quick->body.contains("That was very quick."));
        QVERIFY(quick->body.contains(">Typed in no time</textarea>"));
        // A forged form, and one for another department.
        QCOMPARE(
            statusOf(submit(QString(54, u'A'), QStringLiteral("F"), QStringLiteral("f@example.org"),
                            QStringLiteral("S"), QStringLiteral("M"))),
            400);
        // Posted from another site.
        const auto foreign =
            submit(tokens[1], QStringLiteral("F"), QStringLiteral("f@example.org"),
                   QStringLiteral("S"), QStringLiteral("M"), "Origin: https://evil.example\r\n");
        QCOMPARE(statusOf(foreign), 403);
        // Not a form's encoding; not UTF-8.
        QCOMPARE(
            statusOf(fetch(postRequest("/form/support", "{\"name\":1}", {}, "application/json"))),
            400);
        const auto latin1 = fetch(postRequest("/form/support", "token=" + tokens[2].toLatin1() +
                                                                   "&name=%E8rna&email=a%40b.si"));
        QCOMPARE(statusOf(latin1), 400);
        QVERIFY(latin1->body.contains("could not read"));
        // Field errors next to their fields.
        const QStringList fresh = forms("/form/support", 1);
        const auto wrong = submit(fresh[0], QString(), QStringLiteral("not an address"),
                                  QString(300, u's'), QStringLiteral("Hi"));
        QCOMPARE(statusOf(wrong), 400);
        QVERIFY(
            wrong->body.contains("<p class=\"error\" id=\"name-error\">Please fill this in.</p>"));
        QVERIFY(wrong->body.contains("<p class=\"error\" id=\"email-error\">This is not an e-mail "
                                     "address.</p>"));
        QVERIFY(wrong->body.contains("id=\"subject-error\">This is too long: at most 200"));
        QVERIFY(wrong->body.contains("aria-describedby=\"email-error\""));
        QCOMPARE(entities(QStringLiteral("ticket")).size(), before);

        // At most five forms an hour from one address.
        const QStringList five = forms("/form/support", 6);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                statusOf(submit(five[i], QStringLiteral("Many"), QStringLiteral("many@example.org"),
                                QStringLiteral("Again %1").arg(i), QStringLiteral("Hello"))),
                200);
        const auto limited =
            submit(five[5], QStringLiteral("Many"), QStringLiteral("MANY@example.org"),
                   QStringLiteral("Again"), QStringLiteral("Hello"));
        QCOMPARE(statusOf(limited), 429);
        QCOMPARE(limited->header("retry-after"), QByteArray("3600"));
        QVERIFY(limited->body.contains(">Hello</textarea>"));
        QCOMPARE(entities(QStringLiteral("ticket")).size(), before + 5);
        QVERIFY(QTest::qWaitFor([&] { return m_sink.messageFiles().size() == 5; }, kTimeoutMs));
    }

    void formMayBeEmbeddedWhereAllowed()
    {
        QCOMPARE(updateDepartment(
                     {{QStringLiteral("form_origins"), QStringLiteral("https://www.firma.example")},
                      {QStringLiteral("color"), QStringLiteral("#ffd700")}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        QCOMPARE(
            updateDepartment({{QStringLiteral("form_origins"), QStringLiteral("javascript:x")}})
                .value(QLatin1String("status"))
                .toString(),
            QStringLiteral("rejected"));
        QCOMPARE(updateDepartment({{QStringLiteral("color"), QStringLiteral("red;}")}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("rejected"));
        const auto page = fetch(pageRequest("/form/support"));
        QVERIFY(page->header("content-security-policy")
                    .contains("frame-ancestors 'self' https://www.firma.example"));
        QVERIFY(!page->headers.contains("x-frame-options"));
        // Dark text on the light brand colour.
        QVERIFY(page->body.contains(":root{--brand:#ffd700;--on-brand:#000000}"));
        const QStringList tokens = forms("/form/support", 1);
        const auto embedded =
            submit(tokens[0], QStringLiteral("Embedded"), QStringLiteral("embedded@example.org"),
                   QStringLiteral("From the company site"), QStringLiteral("Hi"),
                   "Origin: https://www.firma.example\r\n");
        QCOMPARE(statusOf(embedded), 200);
        mailedStatusLink();
        updateDepartment({{QStringLiteral("form_origins"), QString()}});
    }

    void contactIsExportedAndErased()
    {
        const Made made = makeTicket(
            QStringLiteral("erase.me@example.org"), QStringLiteral("A private matter"),
            QStringLiteral("My account number is 12345."), QStringLiteral("Erika Muster"));
        QVERIFY(!made.link.isEmpty());
        // A file the customer gave (an agent wrote the phone call down with it), and a reply.
        const QByteArray scan = "a scan of a passport";
        const QByteArray hash = sha256(scan).toLatin1();
        const auto put = fetch(
            "PUT /api/v1/uploads/" + hash + "?offset=0&size=" + QByteArray::number(scan.size()) +
            " HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " + m_ana +
            "\r\nContent-Length: " + QByteArray::number(scan.size()) + "\r\n\r\n" + scan);
        QVERIFY(statusOf(put) == 200 || statusOf(put) == 201);
        QCOMPARE(addMessage(made.id, QStringLiteral("customer"), QStringLiteral("Scan attached."),
                            {QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(hash)},
                                         {QStringLiteral("name"), QStringLiteral("passport.png")},
                                         {QStringLiteral("type"), QStringLiteral("image/png")},
                                         {QStringLiteral("size"), qint64(scan.size())}}})
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        QCOMPARE(addMessage(made.id, QStringLiteral("reply"), QStringLiteral("Thank you, noted."))
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("applied"));
        const QString file = m_server.dataDir() + QStringLiteral("/attachments/") +
                             QString::fromLatin1(hash.left(2)) + u'/' + QString::fromLatin1(hash);
        QVERIFY(QFile::exists(file));

        // The export: a zip with everything, found by the address in any case.
        const QTemporaryDir exports;
        const QString zipPath = exports.filePath(QStringLiteral("erika.zip"));
        const Run exported =
            runPultd(storeArguments(m_server.dataDir()) +
                     QStringList{QStringLiteral("contact"), QStringLiteral("export"),
                                 QStringLiteral("Erase.Me@example.org"), QStringLiteral("--output"),
                                 zipPath});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const auto checkExport = [&](const QString &path) {
            int error = 0;
            zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
            if (!zip)
                return false;
            const auto entry = [&](const char *name) {
                QByteArray content;
                zip_stat_t st;
                if (zip_stat(zip, name, 0, &st) != 0)
                    return content;
                content.resize(qsizetype(st.size));
                zip_file_t *f = zip_fopen(zip, name, 0);
                if (f && zip_fread(f, content.data(), st.size) != zip_int64_t(st.size))
                    content.clear();
                if (f)
                    zip_fclose(f);
                return content;
            };
            const QJsonObject document = QJsonDocument::fromJson(entry("contact.json")).object();
            const QJsonArray tickets = document.value(QLatin1String("tickets")).toArray();
            const QByteArray conversation =
                QJsonDocument(tickets.at(0).toObject().value(QLatin1String("messages")).toArray())
                    .toJson();
            const bool complete =
                document.value(QLatin1String("contact"))
                        .toObject()
                        .value(QLatin1String("name"))
                        .toString() == u"Erika Muster" &&
                tickets.size() == 1 && conversation.contains("My account number is 12345.") &&
                conversation.contains("Thank you, noted.") &&
                !document.value(QLatin1String("mail")).toArray().isEmpty() && // the confirmation
                entry(QByteArray("attachments/" + hash.left(16) + "-passport.png").constData()) ==
                    scan;
            zip_close(zip);
            return complete;
        };
        QVERIFY(checkExport(zipPath));

        QString contact;
        for (const QJsonObject &c : entities(QStringLiteral("contact"))) {
            if (c.value(QLatin1String("emails"))
                    .toArray()
                    .contains(QStringLiteral("erase.me@example.org")))
                contact = c.value(QLatin1String("id")).toString();
        }
        QVERIFY(!contact.isEmpty());
        // The same zip from the API (the window's "Export requester's data"): admins only.
        const QByteArray exportPath = "/api/v1/contacts/" + contact.toLatin1() + "/export";
        const auto fromApi = fetch(apiRequest("GET", exportPath, m_root));
        QCOMPARE(statusOf(fromApi), 200);
        QCOMPARE(fromApi->header("content-type"), QByteArray("application/zip"));
        QVERIFY(fromApi->header("content-disposition").contains(".zip"));
        const QString apiZip = exports.filePath(QStringLiteral("from-api.zip"));
        QFile saved(apiZip);
        QVERIFY(saved.open(QIODevice::WriteOnly) && saved.write(fromApi->body) > 0);
        saved.close();
        QVERIFY(checkExport(apiZip));
        QCOMPARE(fetch(apiRequest("GET", exportPath, m_ana))->errorCode(),
                 QStringLiteral("forbidden"));
        QCOMPARE(statusOf(fetch(apiRequest(
                     "GET", "/api/v1/contacts/" + newId().toLatin1() + "/export", m_root))),
                 404);
        QCOMPARE(statusOf(fetch(apiRequest("GET", "/api/v1/contacts/not-an-id/export", m_root))),
                 404);
        // The zip made for the answer is gone once it was sent.
        const QDir partial(m_server.dataDir() + QStringLiteral("/attachments/partial"));
        QVERIFY(partial.entryList({QStringLiteral("export-*")}, QDir::Files).isEmpty());
        // The export never overwrites a file.
        QCOMPARE(runPultd(storeArguments(m_server.dataDir()) +
                          QStringList{QStringLiteral("contact"), QStringLiteral("export"),
                                      QStringLiteral("erase.me@example.org"),
                                      QStringLiteral("--output"), zipPath})
                     .exitCode,
                 1);

        // The erasure: admins only. It also forgets the address's posts counted for the rate
        // limits.
        QCOMPARE(postsCounted(QStringLiteral("erase.me@example.org")), 1);
        const QJsonObject erase{{QStringLiteral("type"), QStringLiteral("erase_contact")},
                                {QStringLiteral("contact_id"), contact}};
        QJsonObject byAgent = erase;
        byAgent.insert(QStringLiteral("id"), newId());
        QCOMPARE(op(m_ana, byAgent)
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("forbidden"));
        QJsonObject byAdmin = erase;
        byAdmin.insert(QStringLiteral("id"), newId());
        QCOMPARE(op(m_root, byAdmin).value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));

        // What every client's feed now says: no name, no address, no text, no file; a history
        // event without either.
        bool contactErased = false;
        for (const QJsonObject &c : entities(QStringLiteral("contact"))) {
            if (c.value(QLatin1String("id")).toString() == contact) {
                contactErased = c.value(QLatin1String("emails")).toArray().isEmpty() &&
                                !QJsonDocument(c).toJson().contains("Erika");
            }
        }
        QVERIFY(contactErased);
        const QList<QJsonObject> messages = messagesOf(made.id);
        QCOMPARE(messages.size(), 3);
        for (const QJsonObject &m : messages) {
            if (m.value(QLatin1String("kind")).toString() == u"customer") {
                QCOMPARE(m.value(QLatin1String("body")).toString(), QString());
                QVERIFY(m.value(QLatin1String("attachments")).toArray().isEmpty());
            } else {
                QCOMPARE(m.value(QLatin1String("body")).toString(),
                         QStringLiteral("Thank you, noted."));
            }
        }
        bool recorded = false;
        for (const QJsonObject &h : entities(QStringLiteral("history"))) {
            if (h.value(QLatin1String("ticket_id")).toString() == made.id &&
                h.value(QLatin1String("field")).toString() == u"requester")
                recorded = h.value(QLatin1String("new")).toString() == u"erased";
        }
        QVERIFY(recorded);
        QCOMPARE(postsCounted(QStringLiteral("erase.me@example.org")), 0);
        QVERIFY(!QFile::exists(file));
        QCOMPARE(statusOf(fetch(apiRequest("GET", "/api/v1/attachments/" + hash, m_root))), 404);
        QCOMPARE(statusOf(fetch(pageRequest(made.link.toLatin1()))), 404);
        // Nothing is left to find by the address.
        const Run again = runPultd(storeArguments(m_server.dataDir()) +
                                   QStringList{QStringLiteral("contact"), QStringLiteral("erase"),
                                               QStringLiteral("erase.me@example.org")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("no contact has the address"));
    }

    // The database gone (PostgreSQL stopped): pages say "try again" in HTML, a form comes back
    // with what was typed, and all works again once the database is back.
    // The disk fills while a post with files is spooled: the customer is asked to try again,
    // no ticket is made and no part of the body is left; once there is room, the same form goes
    // in. A small file system mounted over the spool directory is the full disk.
    void aFullDiskAsksToTryAgain()
    {
        if (::geteuid() != 0)
            QSKIP("mounts a small file system over the spool directory: needs root");
        const QString partial = m_server.dataDir() + QStringLiteral("/attachments/partial");
        QVERIFY(QDir().mkpath(partial));
        if (QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=16k"), QStringLiteral("tmpfs"), partial}) != 0)
            QSKIP("mount is not allowed here");
        bool mounted = true;
        const auto unmount = qScopeGuard([&] {
            if (mounted)
                QProcess::execute(QStringLiteral("umount"), {partial});
        });
        const QStringList tokens = forms("/form/support", 1);
        const QList<std::pair<QString, QString>> fields{
            {QStringLiteral("token"), tokens.value(0)},
            {QStringLiteral("name"), QStringLiteral("Ona Jankauskienė")},
            {QStringLiteral("email"), QStringLiteral("ona@pirkeja.lt")},
            {QStringLiteral("subject"), QStringLiteral("Sąskaita")},
            {QStringLiteral("message"), QStringLiteral("Prisegu sąskaitą.")},
            {QStringLiteral("website"), QString()}};
        // Under the suite's 64 kB attachment limit, over the 16 kB of room.
        const QList<FormFile> files{
            {"saskaita.pdf", "application/pdf", QByteArray(48 * 1024, 'x')}};
        const auto full = fetch(multipartRequest("/form/support", fields, files));
        QCOMPARE(statusOf(full), 503);
        QVERIFY(full->body.contains("Please try again"));
        QVERIFY(m_server.waitForLog("\"event\":\"spool_failed\""));
        QVERIFY(QDir(partial).entryList(QDir::Files | QDir::Hidden).isEmpty());

        QCOMPARE(QProcess::execute(QStringLiteral("umount"), {partial}), 0);
        mounted = false;
        const auto again = fetch(multipartRequest("/form/support", fields, files));
        QCOMPARE(statusOf(again), 200);
        const qint64 number = thankedNumber(again);
        QVERIFY(number > 0);
        mailedStatusLink();
        const QString ticket = ticketNumbered(number)->value(QLatin1String("id")).toString();
        QCOMPARE(messagesOf(ticket)
                     .value(0)
                     .value(QLatin1String("attachments"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("size"))
                     .toInteger(),
                 48 * 1024);
    }

    void aFailedStoreLosesNothing()
    {
        if (!usingPostgres())
            QSKIP("stops the database server: in server_webpages_postgresql");
        const Made made = makeTicket(QStringLiteral("tina@stranka.si"), QStringLiteral("Paket"),
                                     QStringLiteral("Paket ni prišel."));
        QVERIFY(!made.link.isEmpty());
        const QStringList form = forms("/form/support", 1);
        const QStringList answer = forms(made.link.toLatin1(), 1);
        QVERIFY(sharedPostgres()->stop());
        bool down = true; // started again at the end even when a check fails
        const auto restart = qScopeGuard([&] {
            if (down)
                sharedPostgres()->startAgain();
        });
        const auto page = fetch(pageRequest(made.link.toLatin1()));
        QCOMPARE(statusOf(page), 503);
        QCOMPARE(page->header("retry-after"), QByteArray("1"));
        QVERIFY(page->body.contains("Please try again"));
        QVERIFY(page->header("content-type").startsWith("text/html"));
        const auto posted =
            submit(form.value(0), QStringLiteral("Tina"), QStringLiteral("tina@stranka.si"),
                   QStringLiteral("Še en paket"), QStringLiteral("Tudi drugi paket manjka."));
        QCOMPARE(statusOf(posted), 503);
        QVERIFY(posted->body.contains("nothing you typed is lost"));
        QVERIFY(posted->body.contains("Tudi drugi paket manjka."));
        const auto answered =
            fetch(postRequest(made.link.toLatin1(),
                              formBody({{QStringLiteral("token"), answer.value(0)},
                                        {QStringLiteral("answer"), QStringLiteral("Hvala.")}})));
        QCOMPARE(statusOf(answered), 503);

        QVERIFY(sharedPostgres()->startAgain());
        down = false;
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(fetch(pageRequest(made.link.toLatin1()))), 200,
                                  kTimeoutMs);
        // The same form, sent again, goes in now.
        const auto again =
            submit(form.value(0), QStringLiteral("Tina"), QStringLiteral("tina@stranka.si"),
                   QStringLiteral("Še en paket"), QStringLiteral("Tudi drugi paket manjka."));
        QCOMPARE(statusOf(again), 200);
        QVERIFY(thankedNumber(again) > 0);
        mailedStatusLink();
    }

    void tokensNeverReachTheLog()
    {
        QVERIFY(m_tokens.size() >= 5);
        const QByteArray log = m_server.log();
        QVERIFY(log.contains("\"route\":\"/t/{token}\""));
        for (const QString &token : std::as_const(m_tokens))
            QVERIFY2(!log.contains(token.toLatin1()), qPrintable(token));
    }
};

QTEST_GUILESS_MAIN(TestWebPages)
#include "tst_webpages.moc"
