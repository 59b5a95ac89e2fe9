// Mail parsing (server/mail/mailparser.h): the real helper pult-mailparse run by parseMail() on a
// corpus of nasty messages written here (each with assertions on what must come out), on the
// messages of Python's email test suite, and on hostile input under tight limits; the error
// kinds for a helper that crashes, answers garbage or is missing; no inherited descriptors.
#include "mail/mailparser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

#include <optional>

using namespace Pult;

#if defined(__SANITIZE_ADDRESS__)
#define PULT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PULT_TEST_ASAN 1
#endif
#endif

namespace {

const QString Slavic = QStringLiteral("Čćžšđ Łódź ąęėįųū");

// Line ends as mail has them.
QByteArray crlf(const QByteArray &text)
{
    QByteArray out;
    for (char c : text) {
        if (c == '\n')
            out += "\r\n";
        else
            out += c;
    }
    return out;
}

// One RFC 2047 encoded-word.
QByteArray b64Word(const QByteArray &bytes, const QByteArray &charset = "UTF-8")
{
    return "=?" + charset + "?B?" + bytes.toBase64() + "?=";
}

QByteArray qWord(const QByteArray &bytes, const QByteArray &charset = "UTF-8")
{
    QByteArray out = "=?" + charset + "?Q?";
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
            out += c;
        else if (c == ' ')
            out += '_';
        else
            out += '=' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
    }
    return out + "?=";
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// An HTML-only mail with this body.
QByteArray htmlMail(const QByteArray &html)
{
    return crlf("Subject: html\nContent-Type: text/html; charset=utf-8\n"
                "Content-Transfer-Encoding: base64\n\n") +
           html.toBase64() + "\r\n";
}

const QString QuoteMarker = QStringLiteral("<!--pult-quote-->");

// Whether an HTML fragment as libxml2 writes it is well-formed on its own: every start tag
// (but void elements') closed, in order, and no end tag without its start.
bool wellFormed(const QString &fragment)
{
    static const QStringList voidElements = {
        QStringLiteral("area"),  QStringLiteral("base"),  QStringLiteral("br"),
        QStringLiteral("col"),   QStringLiteral("embed"), QStringLiteral("hr"),
        QStringLiteral("img"),   QStringLiteral("input"), QStringLiteral("link"),
        QStringLiteral("meta"),  QStringLiteral("param"), QStringLiteral("source"),
        QStringLiteral("track"), QStringLiteral("wbr")};
    static const QRegularExpression tag(QStringLiteral("<(/?)([a-zA-Z0-9]+)[^>]*>"));
    QStringList open;
    for (auto it = tag.globalMatch(fragment); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(2).toLower();
        if (m.captured(1).isEmpty()) {
            if (!voidElements.contains(name))
                open.append(name);
        } else if (open.isEmpty() || open.takeLast() != name) {
            return false;
        }
    }
    return open.isEmpty();
}

// The sanitised HTML split at its quote marker, each part checked to be well-formed; nullopt
// when there is no marker.
struct QuoteSplit
{
    QString reply;
    QString quoted;
};

std::optional<QuoteSplit> quoteSplit(const QString &html)
{
    const qsizetype at = html.indexOf(QuoteMarker);
    if (at < 0)
        return std::nullopt;
    return QuoteSplit{html.left(at), html.mid(at + QuoteMarker.size())};
}

} // namespace

class TestMailParse : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;

    MailParserConfig config() const
    {
        MailParserConfig c;
        c.helperPath = QStringLiteral(PULT_MAILPARSE_PATH);
        c.fallbackCharset = QStringLiteral("windows-1250");
        c.temporaryDirectory = m_temp.path();
        return c;
    }

    std::optional<ParsedMail> parse(const QByteArray &raw, const MailParserConfig &c)
    {
        Result<ParsedMail> result = parseMail(raw, c);
        if (!result.good()) {
            qWarning("parseMail failed: %s", qPrintable(result.status().message()));
            return std::nullopt;
        }
        return std::move(*result);
    }

    // A helper script in the temporary directory, for the error kinds.
    QString script(const QString &name, const QByteArray &body)
    {
        const QString path = m_temp.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write("#!/bin/sh\n" + body);
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

#define PARSE_WITH(var, raw, conf)                                                                 \
    const std::optional<ParsedMail> var##Parsed = parse(raw, conf);                                \
    QVERIFY(var##Parsed.has_value());                                                              \
    const ParsedMail &var = *var##Parsed
#define PARSE(var, raw) PARSE_WITH(var, raw, config())

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        QVERIFY(QFileInfo(QStringLiteral(PULT_MAILPARSE_PATH)).isExecutable());
    }

    void headerFields()
    {
        PARSE(mail, crlf("Return-Path: <bounce@lists.example.si>\n"
                         "Message-ID: <m1@example.si>\n"
                         "In-Reply-To: <pult-1042.abc@pult.example.si>\n"
                         "References: <a@x> <b@y>\n"
                         " <pult-1042.abc@pult.example.si>\n"
                         "From: \"Novak, Ana\" <ana@example.si>\n"
                         "To: podpora@example.si, \"Jonas\" <jonas@example.lt>\n"
                         "Cc: undisclosed-recipients:;\n"
                         "Cc: Marko <marko@example.hr>\n"
                         "Reply-To: ana.private@example.si (Ana Novak)\n"
                         "Subject: plain subject\n"
                         "Date: Sun, 6 Dec 2026 08:15:00 +0100\n"
                         "Auto-Submitted: auto-replied\n"
                         "Precedence: BULK\n"
                         "\n"
                         "Body.\n"));
        QCOMPARE(mail.messageId, QStringLiteral("m1@example.si"));
        QCOMPARE(mail.inReplyTo, QStringLiteral("pult-1042.abc@pult.example.si"));
        QCOMPARE(mail.references, QStringList({QStringLiteral("a@x"), QStringLiteral("b@y"),
                                               QStringLiteral("pult-1042.abc@pult.example.si")}));
        QVERIFY(mail.from.has_value());
        QCOMPARE(mail.from->name, QStringLiteral("Novak, Ana"));
        QCOMPARE(mail.from->address, QStringLiteral("ana@example.si"));
        QCOMPARE(mail.to.size(), 2);
        QCOMPARE(mail.to[0].address, QStringLiteral("podpora@example.si"));
        QCOMPARE(mail.to[1].name, QStringLiteral("Jonas"));
        QCOMPARE(mail.replyTo.size(), 1);
        QCOMPARE(mail.replyTo[0].address, QStringLiteral("ana.private@example.si"));
        QCOMPARE(mail.replyTo[0].name, QStringLiteral("Ana Novak"));
        QCOMPARE(mail.subject, QStringLiteral("plain subject"));
        QVERIFY(mail.date.has_value());
        QCOMPARE(*mail.date, QDateTime(QDate(2026, 12, 6), QTime(7, 15), Qt::UTC));
        QCOMPARE(mail.autoSubmitted, QStringLiteral("auto-replied"));
        QCOMPARE(mail.precedence, QStringLiteral("BULK"));
        QCOMPARE(mail.returnPath,
                 std::optional<QString>(QStringLiteral("bounce@lists.example.si")));
        QCOMPARE(mail.text, QStringLiteral("Body."));
        QVERIFY(!mail.deliveryReport);
        removeParsedMailFiles(mail);
        QVERIFY(!QFileInfo::exists(mail.directory));

        PARSE(bare, crlf("From: x@example.com\nDate: yesterday-ish\n\nText\n"));
        QVERIFY(!bare.date.has_value());
        QVERIFY(!bare.returnPath.has_value());
        QVERIFY(bare.messageId.isEmpty());
    }

    // GMime issue 133: base64 encoded-words one after another, each with its own padding.
    void consecutiveBase64Words()
    {
        const QByteArray utf8 = Slavic.toUtf8();
        const QByteArray subject = b64Word("Čć") + " " + b64Word("žšđ") + "\n\t" +
                                   b64Word(" Łódź") + "\n " + b64Word(" ąęėįųū");
        PARSE(mail, crlf("From: " + b64Word("Đurđa") + " " + b64Word("Šimić") +
                         " <d@example.hr>\nSubject: " + subject +
                         "\nContent-Type: text/plain; charset=utf-8\n\n" + utf8 + "\n"));
        QCOMPARE(mail.subject, Slavic);
        QCOMPARE(mail.from->name, QStringLiteral("ĐurđaŠimić"));
        QCOMPARE(mail.text, Slavic);
    }

    // An encoded-word that ends inside a multibyte character: bytes join before decoding.
    void encodedWordSplitInsideCharacter()
    {
        const QByteArray utf8 = Slavic.toUtf8();
        // "Č" is C4 8C: cut after C4, in both encodings, and across three words.
        const QByteArray b =
            b64Word(utf8.left(1)) + " " + b64Word(utf8.mid(1, 4)) + "\n " + b64Word(utf8.mid(5));
        const QByteArray q = qWord(utf8.left(3)) + "\n " + qWord(utf8.mid(3));
        PARSE(mail, crlf("Subject: Re: " + b + "\nTo: " + q + " <t@example.si>\n\nx\n"));
        QCOMPARE(mail.subject, QStringLiteral("Re: ") + Slavic);
        QCOMPARE(mail.to.size(), 1);
        QCOMPARE(mail.to[0].name, Slavic);
        QCOMPARE(mail.to[0].address, QStringLiteral("t@example.si"));
    }

    // Raw 8-bit headers: UTF-8 when valid, else the fallback charset (windows-1250 here).
    void raw8BitHeaders()
    {
        // windows-1250: Č C8, ć E6, ž 9E, š 9A, đ F0, Ł A3, ó F3, ź 9F, ą B9, ę EA.
        const QByteArray cp1250 = "\xC8\xE6\x9E\x9A\xF0 \xA3\xF3"
                                  "d\x9F \xB9\xEA";
        PARSE(mail, crlf("From: " + cp1250 + " <x@example.pl>\nSubject: " + cp1250 + "\nTo: \"" +
                         Slavic.toUtf8() + "\" <y@example.lt>\n\nbody\n"));
        QCOMPARE(mail.subject, QStringLiteral("Čćžšđ Łódź ąę"));
        QCOMPARE(mail.from->name, QStringLiteral("Čćžšđ Łódź ąę"));
        QCOMPARE(mail.to[0].name, Slavic);
    }

    void body8BitWithoutCharset()
    {
        const QByteArray cp1250 = "Pozdrav, \xC8\xE6\x9E\x9A\xF0 \xA3\xF3"
                                  "d\x9F \xB9\xEA";
        PARSE(typed, crlf("Subject: a\nContent-Type: text/plain\n"
                          "Content-Transfer-Encoding: 8bit\n\n" +
                          cp1250 + "\n"));
        QCOMPARE(typed.text, QStringLiteral("Pozdrav, Čćžšđ Łódź ąę"));
        PARSE(untyped, crlf("Subject: a\n\n" + cp1250 + "\n"));
        QCOMPARE(untyped.text, QStringLiteral("Pozdrav, Čćžšđ Łódź ąę"));
        PARSE(utf8, crlf("Subject: a\n\n" + Slavic.toUtf8() + "\n"));
        QCOMPARE(utf8.text, Slavic);
    }

    void wrongCharsetLabels()
    {
        const QByteArray cp1250 = "\xC8\xE6\x9E\x9A\xF0 \xA3\xF3"
                                  "d\x9F";
        const QString expected = QStringLiteral("Čćžšđ Łódź");
        // Labelled ISO 8859-2, written in windows-1250: 9E, 9A and 9F are C1 controls there.
        PARSE(latin2, crlf("Content-Type: text/plain; charset=iso-8859-2\n\n" + cp1250 + "\n"));
        QCOMPARE(latin2.text, expected);
        // Labelled UTF-8, not UTF-8.
        PARSE(utf8, crlf("Content-Type: text/plain; charset=\"utf-8\"\n\n" + cp1250 + "\n"));
        QCOMPARE(utf8.text, expected);
        // Labelled US-ASCII, actually UTF-8.
        PARSE(ascii,
              crlf("Content-Type: text/plain; charset=us-ascii\n\n" + Slavic.toUtf8() + "\n"));
        QCOMPARE(ascii.text, Slavic);
        // A charset nobody knows.
        PARSE(unknown, crlf("Content-Type: text/plain; charset=x-klingon\n\n" + cp1250 + "\n"));
        QCOMPARE(unknown.text, expected);
        // A right label that is not the fallback: ISO 8859-13 (Baltic), quoted-printable.
        PARSE(baltic, crlf("Content-Type: text/plain; charset=ISO-8859-13\n"
                           "Content-Transfer-Encoding: quoted-printable\n\n"
                           "Labas, =E0=E6=EB=E1=F8=FB\n"));
        QCOMPARE(baltic.text, QStringLiteral("Labas, ąęėįųū"));
        // Windows-1250 bytes that windows-1250 itself does not define (0x81): no U+FFFD.
        PARSE(undefined, crlf("Content-Type: text/plain; charset=utf-8\n\nA\x81\xC8\n"));
        QVERIFY(!undefined.text.contains(QChar(0xFFFD)));
        QVERIFY(undefined.text.startsWith(QLatin1Char('A')));
    }

    void rfc2231FileNames()
    {
        PARSE(mail, crlf("Subject: files\n"
                         "Content-Type: multipart/mixed; boundary=\"xx\"\n\n"
                         "--xx\nContent-Type: text/plain\n\nSee the files.\n"
                         "--xx\n"
                         "Content-Type: application/pdf\n"
                         "Content-Disposition: attachment;\n"
                         " filename*0*=utf-8''%C4%8C%C4%87%C5%BE%C5%A1%C4%91%20;\n"
                         " filename*1*=%C5%81%C3%B3d%C5%BA;\n"
                         " filename*2=\" report.pdf\"\n"
                         "Content-Transfer-Encoding: base64\n\n"
                         "JVBERi0xLjQK\n"
                         "--xx\n"
                         "Content-Type: text/plain; name*=iso-8859-13''%E0%E6%EB%E1%F8%FB.txt\n"
                         "Content-Disposition: attachment\n\nlt\n"
                         "--xx\n"
                         "Content-Type: image/png; name=\"" +
                         b64Word("ąęėįųū") +
                         ".png\"\n"
                         "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
                         "--xx\n"
                         "Content-Type: application/octet-stream\n"
                         "Content-Disposition: attachment; filename=\"\xC8\xE6\x9E.bin\"\n\nraw\n"
                         "--xx--\n"));
        QCOMPARE(mail.text, QStringLiteral("See the files."));
        QCOMPARE(mail.attachments.size(), 4);
        QCOMPARE(mail.attachments[0].fileName, QStringLiteral("Čćžšđ Łódź report.pdf"));
        QCOMPARE(mail.attachments[0].contentType, QStringLiteral("application/pdf"));
        QCOMPARE(mail.attachments[0].disposition, QStringLiteral("attachment"));
        QCOMPARE(fileBytes(mail.attachments[0].path), QByteArray("%PDF-1.4\n"));
        QCOMPARE(mail.attachments[0].size, 9);
        QCOMPARE(mail.attachments[0].sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash("%PDF-1.4\n", QCryptographicHash::Sha256).toHex()));
        QCOMPARE(mail.attachments[1].fileName, QStringLiteral("ąęėįųū.txt"));
        QCOMPARE(mail.attachments[2].fileName, QStringLiteral("ąęėįųū.png"));
        QCOMPARE(mail.attachments[3].fileName, QStringLiteral("Čćž.bin"));
        for (const MailAttachment &a : mail.attachments) {
            QVERIFY(a.path.startsWith(mail.directory));
            QCOMPARE(QFileInfo(a.path).size(), a.size);
        }
    }

    void twoContentTypeHeaders()
    {
        PARSE(mail, crlf("Subject: twice\n"
                         "Content-Type: text/html; charset=utf-8\n"
                         "Content-Type: text/plain; charset=utf-8\n\n"
                         "Dvakrat " +
                         Slavic.toUtf8() + "\n"));
        QVERIFY2(mail.text.contains(QStringLiteral("Dvakrat ") + Slavic), qPrintable(mail.text));
        QCOMPARE(mail.subject, QStringLiteral("twice"));
    }

    // GMime issue 165: g_mime_multipart_get_boundary() may hang here; the helper never calls it.
    void multipartWithoutBoundary()
    {
        QElapsedTimer timer;
        timer.start();
        PARSE(mail, crlf("Subject: no boundary\n"
                         "Content-Type: multipart/mixed\n\n"
                         "Besedilo brez meje: " +
                         Slavic.toUtf8() + "\n"));
        QVERIFY2(mail.text.contains(QStringLiteral("Besedilo brez meje: ") + Slavic),
                 qPrintable(mail.text));
        QVERIFY(mail.warnings.contains(QStringLiteral("multipart without boundary read as text")));
        QVERIFY(timer.elapsed() < 10000);
    }

    void missingClosingBoundary()
    {
        PARSE(mail, crlf("Subject: cut\n"
                         "Content-Type: multipart/mixed; boundary=\"=_b\"\n\n"
                         "preamble\n"
                         "--=_b\nContent-Type: text/plain; charset=utf-8\n\n" +
                         Slavic.toUtf8() +
                         "\n"
                         "--=_b\nContent-Type: application/octet-stream; name=a.bin\n"
                         "Content-Transfer-Encoding: base64\n\nAAEC\n"));
        QCOMPARE(mail.text, Slavic);
        QCOMPARE(mail.attachments.size(), 1);
        QCOMPARE(mail.attachments[0].fileName, QStringLiteral("a.bin"));
        QCOMPARE(fileBytes(mail.attachments[0].path), QByteArray("\x00\x01\x02", 3));
    }

    void htmlOnlyRelatedWithCidImages()
    {
        const QByteArray png =
            QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
                                   "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        QByteArray html = "<html><head><title>T</title><style>p{color:red}</style>"
                          "<script>alert(1)</script></head>"
                          "<body onload=\"steal()\"><p>Pozdravljeni,</p><div>" +
                          Slavic.toUtf8() +
                          "</div><ul><li>prvi</li><li>drugi</li></ul>"
                          "<p>Glej <a href=\"https://example.si/racun?id=1\">ra&#269;un</a> in "
                          "<a href=\" java\tscript:alert(2)\">to</a>.<br>Nova vrstica</p>"
                          "<img src=\"cid:logo@example.si\" alt=\"logo\">"
                          "<img src=\"https://tracker.example.com/p.gif\" width=\"1\">"
                          "<iframe src=\"https://evil.example.com/\"></iframe>"
                          "<object data=\"x.swf\"></object>"
                          "<p style=\"background:url(https://tracker.example.com/bg)\" "
                          "onclick=\"x()\">end</p></body></html>";
        PARSE(mail, crlf("Subject: html\n"
                         "Content-Type: multipart/related; boundary=\"rel\"; type=\"text/html\"\n\n"
                         "--rel\nContent-Type: text/html; charset=utf-8\n"
                         "Content-Transfer-Encoding: quoted-printable\n\n") +
                        html.replace("=", "=3D") +
                        crlf("\n"
                             "--rel\nContent-Type: image/png\nContent-ID: <logo@example.si>\n"
                             "Content-Disposition: inline; filename=logo.png\n"
                             "Content-Transfer-Encoding: base64\n\n") +
                        png.toBase64() + crlf("\n--rel--\n"));
        QVERIFY(mail.textFromHtml);
        QCOMPARE(mail.text, QStringLiteral("Pozdravljeni,\n\n") + Slavic +
                                QStringLiteral("\n- prvi\n- drugi\n\nGlej račun in to.\n"
                                               "Nova vrstica\n\nend"));
        for (const char *gone :
             {"<script", "alert(", "<style", "color:red", "onload", "onclick", "javascript",
              "<iframe", "<object", "tracker.example.com/bg", " src=\"https://tracker"}) {
            QVERIFY2(!mail.html.contains(QLatin1String(gone)), gone);
        }
        QVERIFY2(mail.html.contains(QStringLiteral("src=\"cid:logo@example.si\"")),
                 qPrintable(mail.html));
        QVERIFY(mail.html.contains(
            QStringLiteral("data-pult-src=\"https://tracker.example.com/p.gif\"")));
        QVERIFY(mail.html.contains(QStringLiteral("href=\"https://example.si/racun?id=1\"")));
        QVERIFY(mail.html.contains(Slavic));
        QCOMPARE(mail.attachments.size(), 1);
        QCOMPARE(mail.attachments[0].contentId, QStringLiteral("logo@example.si"));
        QCOMPARE(mail.attachments[0].disposition, QStringLiteral("inline"));
        QCOMPARE(mail.attachments[0].contentType, QStringLiteral("image/png"));
        QCOMPARE(fileBytes(mail.attachments[0].path), png);
    }

    // Quoted history in HTML mail is marked with <!--pult-quote--> (html.h) where it starts,
    // the mail's text (from the HTML) keeps it for the text's own folding.
    void htmlGmailReplyMarksItsQuote()
    {
        PARSE(mail, htmlMail("<div dir=\"ltr\">Hvala, to je rešilo težavo.<div><br></div>"
                             "<span class=\"gmail_signature_prefix\">-- </span><br>"
                             "<div dir=\"ltr\" class=\"gmail_signature\">Ana</div></div><br>"
                             "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
                             "On Sun, 6 Dec 2026 at 09:00, Podpora &lt;billing@firma.example&gt; "
                             "wrote:<br></div><blockquote class=\"gmail_quote\" "
                             "style=\"margin:0px 0px 0px 0.8ex;padding-left:1ex\">"
                             "<div dir=\"ltr\">Poskusite znova.</div></blockquote></div>\n"));
        QCOMPARE(mail.html.count(QuoteMarker), 1);
        const auto split = quoteSplit(mail.html);
        QVERIFY(split);
        QVERIFY2(wellFormed(split->reply) && wellFormed(split->quoted), qPrintable(mail.html));
        QVERIFY(split->reply.contains(u"rešilo težavo"));
        QVERIFY(split->reply.contains(u"gmail_signature"));
        QVERIFY(!split->reply.contains(u"Poskusite"));
        QVERIFY2(split->quoted.startsWith(QStringLiteral("<div class=\"gmail_quote\">")),
                 qPrintable(split->quoted));
        QVERIFY(split->quoted.contains(u"wrote:"));
        QVERIFY(split->quoted.contains(u"Poskusite znova."));
        QVERIFY(mail.text.contains(u"rešilo težavo"));
        QVERIFY(mail.text.contains(u"wrote:\n\nPoskusite znova."));
    }

    void htmlOutlookReplyMarksFromItsHeader()
    {
        // hr + divRplyFwdMsg: the quote starts at the <hr>, and all after it is the quote, even
        // the text after the quoted mail's own blockquote.
        PARSE(mail, htmlMail("<html><body><div style=\"font-family:Calibri\">Prejeli smo, hvala."
                             "</div>\n<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
                             "\n<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\">"
                             "<b>From:</b> Podpora<br><b>Sent:</b> Sunday<br><b>Subject:</b> "
                             "Račun</font><div>&nbsp;</div></div>"
                             "<div><blockquote>staro</blockquote>Poskusite znova.</div>"
                             "</body></html>"));
        QCOMPARE(mail.html.count(QuoteMarker), 1);
        const auto split = quoteSplit(mail.html);
        QVERIFY(split);
        QVERIFY2(wellFormed(split->reply) && wellFormed(split->quoted), qPrintable(mail.html));
        QVERIFY(split->reply.contains(u"Prejeli smo, hvala."));
        QVERIFY(!split->reply.contains(u"<hr"));
        QVERIFY2(split->quoted.startsWith(u"<hr"), qPrintable(split->quoted));
        QVERIFY(split->quoted.contains(u"id=\"divRplyFwdMsg\""));
        QVERIFY(split->quoted.endsWith(u"Poskusite znova.</div>"));
        QVERIFY(mail.text.contains(u"From: Podpora"));

        // Microsoft 365's empty appendonsend div before it starts the quote.
        PARSE(m365, htmlMail("<div>Prejeli smo.</div><div id=\"appendonsend\"></div>"
                             "<hr><div id=\"divRplyFwdMsg\"><b>From:</b> Podpora</div>"
                             "<div>Poskusite znova.</div>"));
        const auto m365Split = quoteSplit(m365.html);
        QVERIFY(m365Split);
        QCOMPARE(m365Split->reply, QStringLiteral("<div>Prejeli smo.</div>"));
        QVERIFY2(m365Split->quoted.startsWith(u"<div id=\"appendonsend\"></div><hr>"),
                 qPrintable(m365.html));
    }

    void htmlCitedBlockquoteMarksItsQuote()
    {
        // Thunderbird: the "wrote:" line before the blockquote begins the quote.
        PARSE(thunderbird,
              htmlMail("<html><head><meta http-equiv=\"content-type\" content=\"text/html; "
                       "charset=UTF-8\"></head><body><p>Deluje, hvala.</p>\n<br>\n"
                       "<div class=\"moz-cite-prefix\">On 06. 12. 26 09:00, Podpora wrote:<br>"
                       "</div>\n<blockquote type=\"cite\" cite=\"mid:r1@firma.example\">"
                       "<p>Poskusite znova.</p></blockquote>\n<br>\n</body></html>"));
        auto split = quoteSplit(thunderbird.html);
        QVERIFY(split);
        QCOMPARE(thunderbird.html.count(QuoteMarker), 1);
        QVERIFY2(wellFormed(split->reply) && wellFormed(split->quoted),
                 qPrintable(thunderbird.html));
        QVERIFY(split->reply.contains(u"Deluje, hvala."));
        QVERIFY2(split->quoted.startsWith(u"<div class=\"moz-cite-prefix\">"),
                 qPrintable(split->quoted));
        QVERIFY(split->quoted.contains(u"Poskusite znova."));
        QVERIFY(thunderbird.text.contains(u"Poskusite znova."));

        // Apple Mail: the blockquote inside a div; the div is cut in two, each half closed.
        PARSE(apple, htmlMail("<html><body dir=\"auto\"><div>Deluje.</div><div dir=\"auto\"><br>"
                              "<blockquote type=\"cite\"><div>On 6 Dec 2026, at 09:00, Podpora "
                              "wrote:</div><br class=\"Apple-interchange-newline\">"
                              "<div>Poskusite znova.</div></blockquote></div><br></body></html>"));
        split = quoteSplit(apple.html);
        QVERIFY(split);
        QCOMPARE(split->reply, QStringLiteral("<div>Deluje.</div><div dir=\"auto\"><br></div>"));
        QVERIFY2(split->quoted.startsWith(u"<div dir=\"auto\"><blockquote type=\"cite\">"),
                 qPrintable(apple.html));
        QVERIFY2(wellFormed(split->quoted), qPrintable(apple.html));
        QVERIFY(split->quoted.endsWith(u"</blockquote></div><br>"));

        // A plain blockquote at the end of the mail is a quote too; one in a list is not.
        PARSE(plain, htmlMail("<p>Da.</p><blockquote><p>Ali deluje?</p></blockquote>"));
        QCOMPARE(plain.html,
                 QStringLiteral("<p>Da.</p><!--pult-quote--><blockquote><p>Ali deluje?</p>"
                                "</blockquote>"));
        PARSE(inList, htmlMail("<ul><li>Da.<blockquote>citat</blockquote></li></ul>"));
        QVERIFY2(!inList.html.contains(QuoteMarker), qPrintable(inList.html));
    }

    void htmlInterleavedReplyIsNotMarked()
    {
        // Answers between the quotes: folding would hide them.
        PARSE(mail, htmlMail("<p>Pozdravljeni,</p><p>odgovori so spodaj.</p>"
                             "<blockquote type=\"cite\">Ali deluje?</blockquote>"
                             "<p>Ne deluje.</p><blockquote type=\"cite\">Katera različica?</"
                             "blockquote><p>3.2</p>"));
        QVERIFY2(!mail.html.contains(QuoteMarker), qPrintable(mail.html));
        QVERIFY(mail.html.contains(u"Ne deluje."));
        // Only quotes (and white space) after it: marked.
        PARSE(quotes, htmlMail("<p>Glej spodaj.</p><div class=\"moz-cite-prefix\">Podpora wrote:"
                               "</div><blockquote type=\"cite\">Ali deluje?</blockquote>"
                               "<p>&nbsp;</p><blockquote>starejše</blockquote>\n<br>"));
        QCOMPARE(quotes.html.count(QuoteMarker), 1);
        QVERIFY(quotes.html.startsWith(QStringLiteral("<p>Glej spodaj.</p><!--pult-quote-->")));
        // A mail that is only a quote: nothing would be left, no marker.
        PARSE(onlyQuote, htmlMail("<div class=\"gmail_quote\">Podpora wrote:<blockquote "
                                  "class=\"gmail_quote\">Ali deluje?</blockquote></div>"));
        QVERIFY2(!onlyQuote.html.contains(QuoteMarker), qPrintable(onlyQuote.html));
    }

    void htmlMarkerCannotComeFromTheSender()
    {
        // The sender's own <!--pult-quote--> (a comment, in text, in an attribute, in raw text
        // elements) never is a marker: with no quote there is none, with one exactly one.
        const QByteArray spoofs =
            "<p>Pozdravljeni<!--pult-quote--> vsi</p><!--pult-quote-->"
            "<p>&lt;!--pult-quote--&gt; kot besedilo</p><p title=\"<!--pult-quote-->\">x</p>"
            "<xmp><!--pult-quote--></xmp><textarea><!--pult-quote--></textarea>"
            "<script><!--pult-quote--></script><style><!--pult-quote--></style>"
            "<![CDATA[<!--pult-quote-->]]><!--[if mso]><!--pult-quote--><![endif]-->";
        PARSE(mail, htmlMail(spoofs + "<p>Konec.</p>"));
        QVERIFY2(!mail.html.contains(QuoteMarker), qPrintable(mail.html));
        QVERIFY(mail.html.contains(u"Pozdravljeni vsi"));
        QVERIFY(mail.html.contains(u"Konec."));
        PARSE(quoted, htmlMail(spoofs + "<div class=\"gmail_quote\">Podpora wrote:<blockquote>"
                                        "<!--pult-quote-->Ali deluje?</blockquote></div>"));
        QCOMPARE(quoted.html.count(QuoteMarker), 1);
        const auto split = quoteSplit(quoted.html);
        QVERIFY(split);
        QVERIFY(split->reply.contains(u"Pozdravljeni vsi"));
        QVERIFY(split->quoted.startsWith(u"<div class=\"gmail_quote\">"));
    }

    void htmlWithoutQuoteIsNotMarked()
    {
        PARSE(mail, htmlMail("<div>Pozdravljeni,</div><div>račun je napačen.</div>"
                             "<div class=\"signature\">Ana Novak<br>Firma d.o.o.</div>"));
        QCOMPARE(mail.html, QStringLiteral("<div>Pozdravljeni,</div><div>račun je napačen.</div>"
                                           "<div class=\"signature\">Ana Novak<br>Firma d.o.o."
                                           "</div>"));
        QCOMPARE(mail.text, QStringLiteral("Pozdravljeni,\nračun je napačen.\nAna Novak\n"
                                           "Firma d.o.o."));
    }

    // cid: images pointed at the stored attachments, as the client's attachment: URLs.
    void attachmentUrlsAsTheClientMakesThem()
    {
        const QByteArray hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        QCOMPARE(attachmentUrl(hash, QStringLiteral("logo črn.png")),
                 QStringLiteral("attachment:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c"
                                "15b0f00a08?name=logo%20%C4%8Drn.png"));
        QCOMPARE(attachmentUrl(hash.toLower(), QStringLiteral("a&b=c?d#e/f+g~h_i-j.k%l\"m")),
                 QStringLiteral("attachment:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c"
                                "15b0f00a08?name=a%26b%3Dc%3Fd%23e%2Ff%2Bg~h_i-j.k%25l%22m"));
        QVERIFY(attachmentUrl("not-a-hash", QStringLiteral("x")).isEmpty());
        QVERIFY(attachmentUrl(QByteArray(64, 'g'), QStringLiteral("x")).isEmpty());
    }

    void cidImagesLinkedToAttachments()
    {
        const QByteArray a(64, 'a');
        const QByteArray b(64, 'b');
        const QList<InlinePart> parts = {
            {QStringLiteral("logo@example.si"), a, QStringLiteral("logo.png")},
            {QStringLiteral("Image Two@Example"), b, QStringLiteral("slika 2.png")},
            {QStringLiteral("amp&x@example"), a, QStringLiteral("a&b.png")}};
        const QString html =
            QStringLiteral("<p> src=\"cid:logo@example.si\"</p>"
                           "<img src=\"cid:logo@example.si\" alt=\"logo\">"
                           "<img alt=\" src=&quot;cid:logo@example.si&quot;\" "
                           "src=\"CID:%3Cimage%20two@example%3E\">"
                           "<img src=\"cid:amp&amp;x@example\" width=\"1\">"
                           "<img src=\"cid:missing@example.si\">"
                           "<img data-pult-src=\"https://x.example/cid:logo@example.si\">");
        const QString aUrl = QStringLiteral("attachment:") + QString::fromLatin1(a);
        const QString bUrl = QStringLiteral("attachment:") + QString::fromLatin1(b);
        QCOMPARE(
            linkCidImages(html, parts),
            QStringLiteral("<p> src=\"cid:logo@example.si\"</p>"
                           "<img src=\"") +
                aUrl +
                QStringLiteral("?name=logo.png\" alt=\"logo\">"
                               "<img alt=\" src=&quot;cid:logo@example.si&quot;\" src=\"") +
                bUrl + QStringLiteral("?name=slika%202.png\"><img src=\"") + aUrl +
                QStringLiteral("?name=a%26b.png\" width=\"1\">"
                               "<img src=\"cid:missing@example.si\">"
                               "<img data-pult-src=\"https://x.example/cid:logo@example.si\">"));
        QCOMPARE(linkCidImages(html, {}), html);
    }

    void tnefWinmailDat()
    {
        QByteArray tnef("\x78\x9f\x3e\x22\x01\x00\x01\x06\x90\x08\x00\x04\x00\x00\x00\x00", 16);
        tnef += QByteArray(300, '\x07');
        PARSE(mail, crlf("From: Outlook <o@example.pl>\nSubject: tnef\n"
                         "Content-Type: multipart/mixed; boundary=t\n\n"
                         "--t\nContent-Type: text/plain; charset=iso-8859-2\n"
                         "Content-Transfer-Encoding: quoted-printable\n\n"
                         "=A3=F3d=BC\n"
                         "--t\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\n"
                         "Content-Disposition: attachment; filename=\"winmail.dat\"\n"
                         "Content-Transfer-Encoding: base64\n\n") +
                        tnef.toBase64() + crlf("\n--t--\n"));
        QCOMPARE(mail.text, QStringLiteral("Łódź"));
        QCOMPARE(mail.attachments.size(), 1);
        QCOMPARE(mail.attachments[0].fileName, QStringLiteral("winmail.dat"));
        QCOMPARE(mail.attachments[0].contentType, QStringLiteral("application/ms-tnef"));
        QCOMPARE(fileBytes(mail.attachments[0].path), tnef);
    }

    void forwardedMessage()
    {
        PARSE(mail, crlf("From: Ana <ana@example.si>\nSubject: Fwd: original\n"
                         "Content-Type: multipart/mixed; boundary=f\n\n"
                         "--f\nContent-Type: text/plain\n\nPoglejte spodaj.\n"
                         "--f\nContent-Type: message/rfc822\n"
                         "Content-Disposition: inline\n\n"
                         "From: " +
                         b64Word("Łukasz Wiśniewski") +
                         " <lukasz@example.pl>\n"
                         "To: ana@example.si\n"
                         "Subject: " +
                         qWord("Zamówienie ąę") +
                         "\n"
                         "Date: Fri, 4 Dec 2026 10:00:00 +0100\n"
                         "Message-ID: <inner@example.pl>\n"
                         "Content-Type: multipart/mixed; boundary=g\n\n"
                         "--g\nContent-Type: text/html; charset=utf-8\n\n"
                         "<p>Dzień dobry,</p><p>Łódź</p>\n"
                         "--g\nContent-Type: text/csv; name=lista.csv\n\na;b\n"
                         "--g--\n"
                         "--f--\n"));
        QVERIFY2(mail.text.startsWith(QStringLiteral("Poglejte spodaj.")), qPrintable(mail.text));
        QVERIFY(mail.text.contains(QStringLiteral("Forwarded message")));
        QVERIFY(mail.text.contains(QStringLiteral("From: Łukasz Wiśniewski <lukasz@example.pl>")));
        QVERIFY(mail.text.contains(QStringLiteral("Subject: Zamówienie ąę")));
        QVERIFY(mail.text.contains(QStringLiteral("Dzień dobry,\n\nŁódź")));
        QCOMPARE(mail.forwarded.size(), 1);
        QCOMPARE(mail.forwarded[0].messageId, QStringLiteral("inner@example.pl"));
        QCOMPARE(mail.forwarded[0].subject, QStringLiteral("Zamówienie ąę"));
        QCOMPARE(mail.forwarded[0].from->address, QStringLiteral("lukasz@example.pl"));
        QCOMPARE(*mail.forwarded[0].date, QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC));
        QCOMPARE(mail.attachments.size(), 1);
        QCOMPARE(mail.attachments[0].fileName, QStringLiteral("lista.csv"));
    }

    void deliveryReportPostfix()
    {
        PARSE(mail, crlf("Return-Path: <>\n"
                         "From: MAILER-DAEMON@mail.example.si (Mail Delivery System)\n"
                         "To: podpora@example.si\n"
                         "Subject: Undelivered Mail Returned to Sender\n"
                         "Auto-Submitted: auto-replied\n"
                         "MIME-Version: 1.0\n"
                         "Content-Type: multipart/report; report-type=delivery-status;\n"
                         "\tboundary=\"A1B2C3.1765000000/mail.example.si\"\n"
                         "Message-Id: <20261206070000.A1B2C3@mail.example.si>\n\n"
                         "This is a MIME-encapsulated message.\n\n"
                         "--A1B2C3.1765000000/mail.example.si\n"
                         "Content-Description: Notification\n"
                         "Content-Type: text/plain; charset=us-ascii\n\n"
                         "This is the mail system at host mail.example.si.\n\n"
                         "I'm sorry to have to inform you that your message could not\n"
                         "be delivered to one or more recipients.\n\n"
                         "<nobody@example.hr>: host mx.example.hr[192.0.2.5] said: 550 5.1.1\n"
                         "    <nobody@example.hr>: Recipient address rejected: User unknown\n\n"
                         "--A1B2C3.1765000000/mail.example.si\n"
                         "Content-Description: Delivery report\n"
                         "Content-Type: message/delivery-status\n\n"
                         "Reporting-MTA: dns; mail.example.si\n"
                         "X-Postfix-Queue-ID: A1B2C3\n"
                         "Arrival-Date: Sun,  6 Dec 2026 07:00:00 +0100 (CET)\n\n"
                         "Final-Recipient: rfc822; nobody@example.hr\n"
                         "Original-Recipient: rfc822;nobody@example.hr\n"
                         "Action: failed\n"
                         "Status: 5.1.1\n"
                         "Remote-MTA: dns; mx.example.hr\n"
                         "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.hr>: Recipient address\n"
                         "    rejected: User unknown\n\n"
                         "Final-Recipient: rfc822; slow@example.hr\n"
                         "Action: delayed\n"
                         "Status: 4.4.1\n\n"
                         "--A1B2C3.1765000000/mail.example.si\n"
                         "Content-Description: Undelivered Message Headers\n"
                         "Content-Type: text/rfc822-headers\n\n"
                         "Message-ID: <pult-1042.sig@pult.example.si>\n"
                         "From: Podpora <podpora@example.si>\n"
                         "Subject: Re: [#1042] Racun\n\n"
                         "--A1B2C3.1765000000/mail.example.si--\n"));
        QVERIFY(mail.deliveryReport.has_value());
        QCOMPARE(mail.returnPath, std::optional<QString>(QString()));
        QCOMPARE(mail.autoSubmitted, QStringLiteral("auto-replied"));
        QCOMPARE(mail.from->address, QStringLiteral("MAILER-DAEMON@mail.example.si"));
        QCOMPARE(mail.from->name, QStringLiteral("Mail Delivery System"));
        const DeliveryReport &report = *mail.deliveryReport;
        QCOMPARE(report.originalMessageId, QStringLiteral("pult-1042.sig@pult.example.si"));
        QCOMPARE(report.recipients.size(), 2);
        const QList<DeliveryRecipient> failed = report.failed();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].address, QStringLiteral("nobody@example.hr"));
        QCOMPARE(failed[0].status, QStringLiteral("5.1.1"));
        QCOMPARE(failed[0].remoteMta, QStringLiteral("mx.example.hr"));
        QCOMPARE(failed[0].diagnostic, QStringLiteral("550 5.1.1 <nobody@example.hr>: Recipient "
                                                      "address rejected: User unknown"));
        QCOMPARE(report.recipients[1].action, QStringLiteral("delayed"));
        QVERIFY(mail.text.startsWith(QStringLiteral("This is the mail system")));
        QVERIFY(!mail.text.contains(QStringLiteral("Reporting-MTA")));
    }

    void deliveryReportExchange()
    {
        PARSE(mail, crlf("From: Microsoft Outlook\n"
                         " <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com>\n"
                         "To: <ana@contoso.com>\n"
                         "Subject: Undeliverable: =?utf-8?B?UmHEjXVu?=\n"
                         "Content-Type: multipart/report; report-type=\"delivery-status\";\n"
                         "\tboundary=\"_000_EX01contosocom_\"\n"
                         "Auto-Submitted: auto-replied\n"
                         "MIME-Version: 1.0\n\n"
                         "--_000_EX01contosocom_\n"
                         "Content-Type: multipart/alternative; boundary=\"_001_alt_\"\n\n"
                         "--_001_alt_\n"
                         "Content-Type: text/plain; charset=\"us-ascii\"\n\n"
                         "Delivery has failed to these recipients or groups:\n\n"
                         "jonas@example.lt\n"
                         "The email address you entered couldn't be found.\n\n"
                         "--_001_alt_\n"
                         "Content-Type: text/html; charset=\"us-ascii\"\n\n"
                         "<html><body><p><b>Delivery has failed to these recipients or "
                         "groups:</b></p><p><a href=\"mailto:jonas@example.lt\">jonas@example.lt"
                         "</a></p></body></html>\n\n"
                         "--_001_alt_--\n\n"
                         "--_000_EX01contosocom_\n"
                         "Content-Type: message/delivery-status\n\n"
                         "Reporting-MTA: dns;EX01.contoso.com\n"
                         "Received-From-MTA: dns;EX02.contoso.com\n"
                         "Arrival-Date: Sun, 6 Dec 2026 06:00:00 +0000\n\n"
                         "Original-Recipient: rfc822;jonas@example.lt\n"
                         "Final-Recipient: rfc822;jonas@example.lt\n"
                         "Action: failed\n"
                         "Status: 5.1.10\n"
                         "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; "
                         "Recipient not found by SMTP address lookup\n"
                         "X-Display-Name: Jonas\n\n"
                         "--_000_EX01contosocom_\n"
                         "Content-Type: message/rfc822\n\n"
                         "Message-ID: <orig-7@contoso.com>\n"
                         "From: Ana <ana@contoso.com>\n"
                         "To: Jonas <jonas@example.lt>\n"
                         "Subject: Racun\n"
                         "Content-Type: text/plain; charset=utf-8\n\n"
                         "Labas ąęėįųū\n\n"
                         "--_000_EX01contosocom_--\n"));
        QCOMPARE(mail.subject, QStringLiteral("Undeliverable: Račun"));
        QVERIFY(mail.deliveryReport.has_value());
        const QList<DeliveryRecipient> failed = mail.deliveryReport->failed();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].address, QStringLiteral("jonas@example.lt"));
        QCOMPARE(failed[0].status, QStringLiteral("5.1.10"));
        QVERIFY(failed[0].diagnostic.startsWith(QStringLiteral("550 5.1.10 RESOLVER.ADR")));
        QCOMPARE(mail.deliveryReport->originalMessageId, QStringLiteral("orig-7@contoso.com"));
        QVERIFY(mail.text.startsWith(QStringLiteral("Delivery has failed")));
        QVERIFY(!mail.textFromHtml);
        QVERIFY(mail.html.contains(QStringLiteral("mailto:jonas@example.lt")));
        QVERIFY(!mail.text.contains(QStringLiteral("Labas")));
    }

    void bareLineFeedsAndNulBytes()
    {
        QByteArray raw = "Subject: nice " + b64Word("Łódź") +
                         "\nFrom: a@example.pl\n"
                         "Content-Type: multipart/mixed; boundary=n\n\n"
                         "--n\nContent-Type: text/plain; charset=utf-8\n\n"
                         "Prva vrstica\r\rdruga " +
                         Slavic.toUtf8() +
                         "\n--n\n"
                         "Content-Type: application/octet-stream\n\nBIN\n--n--\n";
        raw.insert(raw.indexOf("ce "), '\0');
        raw.insert(raw.indexOf("Prva") + 4, QByteArray(3, '\0'));
        raw.replace("BIN", QByteArray(3, '\0'));
        QVERIFY(raw.count('\0') == 7);
        PARSE(mail, raw);
        QCOMPARE(mail.subject, QStringLiteral("nice Łódź"));
        QVERIFY2(mail.text.startsWith(QStringLiteral("Prva vrstica")), qPrintable(mail.text));
        QVERIFY(mail.text.endsWith(QStringLiteral("druga ") + Slavic));
        QVERIFY(!mail.text.contains(QChar(0)));
        QCOMPARE(mail.attachments.size(), 1);
    }

    void deepNesting()
    {
        // 300 nested multiparts: the walk stops at depth 32; the text at the top is kept.
        QByteArray raw = "Subject: deep\nContent-Type: multipart/mixed; boundary=top\n\n"
                         "--top\nContent-Type: text/plain\n\nOben\n--top\n";
        for (int i = 0; i < 300; ++i) {
            raw += "Content-Type: multipart/mixed; boundary=\"d" + QByteArray::number(i) +
                   "\"\n\n--d" + QByteArray::number(i) + "\n";
        }
        raw += "Content-Type: text/plain\n\nUnten\n";
        PARSE(mail, crlf(raw));
        QCOMPARE(mail.text, QStringLiteral("Oben"));
        QVERIFY(mail.truncated);
        QVERIFY(!mail.warnings.isEmpty());

        // More multiparts than the part limit: GMime sees only the headers.
        QByteArray many = "Subject: many\nContent-Type: multipart/mixed; boundary=m\n\n";
        for (int i = 0; i < 2000; ++i)
            many += "--m\nContent-Type: multipart/alternative; boundary=x\n\nx\n";
        PARSE(manyParsed, crlf(many));
        QCOMPARE(manyParsed.subject, QStringLiteral("many"));
        QVERIFY(manyParsed.truncated);

        // Deeply nested HTML and forwarded messages in each other.
        QByteArray html = "Content-Type: text/html\n\n";
        for (int i = 0; i < 20000; ++i)
            html += "<div><b>";
        html += "deep html";
        PARSE(htmlParsed, crlf(html));
        QVERIFY(!htmlParsed.html.contains(QStringLiteral("<script")));
        QByteArray forwards = "Subject: f0\n";
        for (int i = 1; i < 60; ++i)
            forwards += "Content-Type: message/rfc822\n\nSubject: f" + QByteArray::number(i) + "\n";
        forwards += "\ninnermost\n";
        PARSE(forwardsParsed, crlf(forwards));
        QCOMPARE(forwardsParsed.subject, QStringLiteral("f0"));
        QVERIFY(forwardsParsed.truncated);
    }

    // Python's own email test suite (Debian's libpython3.11-testsuite): every message parses.
    void pythonEmailSuite()
    {
        const QDir data(QStringLiteral("/usr/lib/python3.11/test/test_email/data"));
        const QStringList files = data.entryList({QStringLiteral("msg_*.txt")}, QDir::Files);
        if (files.isEmpty())
            QSKIP("libpython3.11-testsuite is not installed (packaging/dev/install-deps.sh)");
        for (const QString &name : files) {
            const QByteArray raw = fileBytes(data.filePath(name));
            Result<ParsedMail> result = parseMail(raw, config());
            QVERIFY2(result.good(),
                     qPrintable(name + QStringLiteral(": ") + result.status().message()));
            removeParsedMailFiles(*result);
        }
        QVERIFY(files.size() >= 40);
    }

    // A real hostile input: nesting 450 deep, then two million lines that start like a boundary.
    // GMime compares each with every open boundary, for seconds of CPU time.
    void hostileInputStoppedByLimits()
    {
        QByteArray raw = "From: a@example.com\r\nSubject: slow\r\n";
        for (int i = 0; i < 450; ++i) {
            raw += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) +
                   "\"\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
        }
        raw += "Content-Type: text/plain\r\n\r\n";
        raw += QByteArray("--x\r\n").repeated(2000000);

        MailParserConfig wall = config();
        wall.timeoutMilliseconds = 500;
        QElapsedTimer timer;
        timer.start();
        Result<ParsedMail> timedOut = parseMail(raw, wall);
        QVERIFY(!timedOut.good());
        QCOMPARE(timedOut.status().code(), Status::Timeout);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));

        MailParserConfig cpu = config();
        cpu.cpuSeconds = 1;
        Result<ParsedMail> overCpu = parseMail(raw, cpu);
        QVERIFY(!overCpu.good());
        QCOMPARE(overCpu.status().code(), Status::LimitExceeded);

#if defined(PULT_TEST_ASAN)
        QSKIP("RLIMIT_AS is not applied under AddressSanitizer");
#else
        // 40 MB of attachment against a 120 MB address space.
        QByteArray big = "Subject: big\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                         "--b\r\nContent-Type: application/octet-stream\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\n";
        big += QByteArray(30 << 20, '\x5a').toBase64();
        big += "\r\n--b--\r\n";
        MailParserConfig memory = config();
        memory.memoryLimitBytes = qint64(120) << 20;
        Result<ParsedMail> overMemory = parseMail(big, memory);
        QVERIFY(!overMemory.good());
        QVERIFY2(overMemory.status().code() == Status::LimitExceeded,
                 qPrintable(overMemory.status().message()));
#endif
    }

    void outputLimit()
    {
        QByteArray raw = "Subject: out\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                         "--b\r\nContent-Type: text/plain\r\n\r\nsmall\r\n";
        for (int i = 0; i < 3; ++i) {
            raw += "--b\r\nContent-Type: application/octet-stream; name=f" + QByteArray::number(i) +
                   "\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                   QByteArray(400 << 10, char('a' + i)).toBase64() + "\r\n";
        }
        raw += "--b--\r\n";
        MailParserConfig c = config();
        c.maxOutputBytes = 1 << 20;
        PARSE_WITH(mail, raw, c);
        QCOMPARE(mail.text, QStringLiteral("small"));
        QCOMPARE(mail.attachments.size(), 3);
        QVERIFY(!mail.attachments[0].path.isEmpty());
        QVERIFY(!mail.attachments[1].path.isEmpty());
        QVERIFY(mail.attachments[2].path.isEmpty()); // over the limit: listed, not written
        QCOMPARE(mail.attachments[2].size, 400 << 10);
        QVERIFY(mail.truncated);
    }

    // What the caller quarantines by: each way a helper can fail has its own code, and no
    // directory is left behind.
    void errorKinds()
    {
        const QStringList before =
            QDir(m_temp.path()).entryList({QStringLiteral("pult-mail-*")}, QDir::Dirs);
        const auto run = [&](const QString &helper, int timeout = 5000) {
            MailParserConfig c = config();
            c.helperPath = helper;
            c.timeoutMilliseconds = timeout;
            return parseMail("Subject: x\r\n\r\nx\r\n", c);
        };
        QCOMPARE(run(m_temp.filePath(QStringLiteral("missing"))).status().code(), Status::NotFound);
        QCOMPARE(run(QStringLiteral("/bin/echo")).status().code(), Status::Malformed);
        QCOMPARE(run(script(QStringLiteral("segv.sh"), "kill -SEGV $$\n")).status().code(),
                 Status::Crashed);
        QCOMPARE(run(script(QStringLiteral("fails.sh"), "echo nope >&2; exit 1\n")).status().code(),
                 Status::Crashed);
        QCOMPARE(run(script(QStringLiteral("cpu.sh"), "kill -XCPU $$\n")).status().code(),
                 Status::LimitExceeded);
        QCOMPARE(run(script(QStringLiteral("oom.sh"), "exit 3\n")).status().code(),
                 Status::LimitExceeded);
        QCOMPARE(run(script(QStringLiteral("sleeps.sh"), "exec sleep 60\n"), 300).status().code(),
                 Status::Timeout);
        QCOMPARE(run(script(QStringLiteral("escape.sh"),
                            "printf '{\"version\":1,\"text\":\"\",\"attachments\":"
                            "[{\"file\":\"../../etc/passwd\",\"size\":1}]}'\n"))
                     .status()
                     .code(),
                 Status::Malformed);
        const QStringList left =
            QDir(m_temp.path()).entryList({QStringLiteral("pult-mail-*")}, QDir::Dirs);
        QCOMPARE(left, before);
    }

    // The helper starts with no descriptor of ours and with the limits set.
    void childEnvironment()
    {
        const int fd = ::open("/dev/null", O_RDONLY); // no O_CLOEXEC: would be inherited
        QVERIFY(fd >= 0);
        QVERIFY(::dup2(fd, 57) == 57);
        MailParserConfig c = config();
        c.helperPath = script(QStringLiteral("env.sh"),
                              "if [ -e /proc/$$/fd/57 ]; then fd=leaked; else fd=closed; fi\n"
                              "printf '{\"version\":1,\"text\":\"%s %s %s %s\",\"attachments\":[]}'"
                              " \"$fd\" \"$(ulimit -n)\" \"$(ulimit -t)\" \"$(ulimit -c)\"\n");
        c.maxOpenFiles = 20;
        c.cpuSeconds = 7;
        PARSE_WITH(mail, "Subject: x\r\n\r\n", c);
        ::close(57);
        ::close(fd);
        QCOMPARE(mail.text, QStringLiteral("closed 20 7 0"));
    }
};

QTEST_GUILESS_MAIN(TestMailParse)
#include "tst_mailparse.moc"
