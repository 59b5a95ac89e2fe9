#pragma once

// Mail as the mail suites write and read it: a customer's plain-text mail to a department's
// mailbox, and a header of a message pultd sent (as smtp-sink stored it).

#include <QByteArray>
#include <QStringBuilder>

namespace PultdTest {

// A plain-text mail, with further header lines in extraHeaders ("Name: value\r\n" each).
inline QByteArray customerMail(const QByteArray &to, const QByteArray &from,
                               const QByteArray &subject, const QByteArray &body,
                               const QByteArray &extraHeaders = {})
{
    return QByteArray("From: ") + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
           "\r\nDate: Sun, 06 Dec 2026 09:00:00 +0000\r\n" + extraHeaders + "\r\n" + body + "\r\n";
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

} // namespace PultdTest
