#pragma once

// What the mail suites share: a customer's plain-text mail to a department's mailbox, a header
// and the text of a message pultd sent (as smtp-sink stored it), delivering a mail to Dovecot
// and waiting for pultd to handle it, and a ticket's delivery events.

#include "dovecotprocess.h"
#include "pultdprocess.h"

#include <QByteArray>
#include <QJsonArray>
#include <QStringBuilder>
#include <QStringList>

namespace PultdTest {

// A plain-text mail, with further header lines in extraHeaders ("Name: value\r\n" each).
inline QByteArray customerMail(const QByteArray &to, const QByteArray &from,
                               const QByteArray &subject, const QByteArray &body,
                               const QByteArray &extraHeaders = {})
{
    return QByteArray("From: ") + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
           "\r\nDate: Sun, 06 Dec 2026 09:00:00 +0000\r\n" + extraHeaders + "\r\n" + body + "\r\n";
}

// `pultd mailbox add` of a department mailbox that only sends, through the smtp-sink on
// smtpPort: its IMAP server is nowhere (port 1), so pultd's fetcher only retries.
inline Run addSendingMailbox(const QString &dataDir, const QString &address,
                             const QString &department, quint16 smtpPort)
{
    return runPultd(
        storeArguments(dataDir) +
            QStringList{
                QStringLiteral("mailbox"), QStringLiteral("add"), address, QStringLiteral("--dept"),
                department, QStringLiteral("--imap"),
                QStringLiteral("imap://%1@127.0.0.1:1/INBOX").arg(address.section(u'@', 0, 0)),
                QStringLiteral("--smtp"), QStringLiteral("smtp://127.0.0.1:%1").arg(smtpPort)},
        "imap-password\nsmtp-password\n");
}

// The text of a quoted-printable text/plain body (what pultd writes).
inline QString bodyText(const QByteArray &message)
{
    QByteArray body = message.mid(message.indexOf("\r\n\r\n") + 4);
    body.replace("=\r\n", "");
    return QString::fromUtf8(QByteArray::fromPercentEncoding(body, '='));
}

// A header's value (unfolded) in a message, or an empty string.
inline QByteArray header(const QByteArray &message, const QByteArray &name)
{
    const QByteArray head = message.left(message.indexOf("\r\n\r\n"));
    const QByteArray start = name + ": ";
    qsizetype at =
        head.startsWith(start) ? 0 : head.indexOf(QByteArray(QByteArray("\r\n") + start));
    if (at < 0)
        return {};
    at += at == 0 ? start.size() : start.size() + 2;
    QByteArray value;
    for (qsizetype end = head.indexOf("\r\n", at);; end = head.indexOf("\r\n", at)) {
        value += head.mid(at, end < 0 ? -1 : end - at);
        if (end < 0 || end + 2 >= head.size() || (head[end + 2] != ' ' && head[end + 2] != '\t'))
            break;
        at = end + 2;
    }
    return value.simplified();
}

// How many mails pultd has handled: committed (its log's mail_ingested) or quarantined.
inline qsizetype mailsHandled(Pultd &server)
{
    const QByteArray log = server.log();
    return log.count("\"mail_ingested\"") + log.count("\"mail_quarantined\"");
}

// Delivers the mail to the Dovecot user's INBOX and waits until pultd has handled one more.
inline bool deliverAndWait(Pultd &server, DovecotServer &dovecot, const QByteArray &user,
                           const QByteArray &message)
{
    const qsizetype before = mailsHandled(server);
    if (!dovecot.deliver(user, message)) {
        qWarning() << dovecot.error();
        return false;
    }
    if (!QTest::qWaitFor([&] { return mailsHandled(server) > before; }, 30000)) {
        qWarning() << server.log().right(3000);
        return false;
    }
    return true;
}

// The ticket's "delivery" history values, oldest first, as the token sees them.
inline QStringList deliveryEvents(Pultd &server, const QByteArray &token, const QString &ticket)
{
    const std::optional<HttpReply> reply =
        server.fetch(apiRequest("GET", "/api/v1/tickets/" + ticket.toLatin1(), token));
    QStringList values;
    if (statusOf(reply) != 200)
        return values;
    for (const QJsonValue &v : reply->json().value(QLatin1String("history")).toArray()) {
        const QJsonObject event = v.toObject();
        if (event.value(QLatin1String("field")).toString() == u"delivery")
            values.append(event.value(QLatin1String("new")).toString());
    }
    return values;
}

} // namespace PultdTest
