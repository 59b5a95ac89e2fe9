#pragma once

// Incoming mail parsed outside pultd: parseMail() runs the helper pult-mailparse
// (app/pult-mailparse, GMime 3 and libxml2) on one raw RFC 5322 message, in a child process with
// resource limits (RLIMIT_AS, RLIMIT_CPU, RLIMIT_FSIZE, RLIMIT_NOFILE, no core file), no
// inherited file descriptors and a wall-clock timeout after which it is killed with SIGKILL.
// A hostile mail can so at worst cost one helper process; the caller puts what cannot be parsed
// into quarantine with the error's code:
//
//   Timeout        the helper ran past timeoutMilliseconds and was killed
//   LimitExceeded  it died at a resource limit (memory, CPU time, file size)
//   Crashed        it died of another signal, or exited with an error
//   Malformed      its answer was not the JSON it writes
//   NotFound       no helper at the configured path; IoError: temporary files, pipes, fork
//
// The helper writes attachments and inline parts as files into a new temporary directory
// (ParsedMail::directory) that belongs to the caller: move the files away, then
// removeParsedMailFiles(). On an error nothing is left behind.

#include "status.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pult {

struct MailAddress
{
    QString name;    // display name, decoded; may be empty
    QString address; // as written, e.g. "ana@example.si"; may be empty
};

struct MailAttachment
{
    int index = 0;       // the part's number in the message's order of attachments
    QString fileName;    // decoded (RFC 2231, RFC 2047); may be empty
    QString contentType; // lowercase, "image/png"
    QString contentId;   // without angle brackets: what cid: URLs in ParsedMail::html name
    QString disposition; // "attachment" or "inline"
    qint64 size = 0;
    QString sha256; // 64 lowercase hex digits of the bytes
    QString path;   // the file in ParsedMail::directory; empty when the output limit left it out
};

// One recipient of a delivery status report (RFC 3464).
struct DeliveryRecipient
{
    QString address;    // Final-Recipient (else Original-Recipient)
    QString action;     // lowercase: "failed", "delayed", "delivered", ...
    QString status;     // "5.1.1"
    QString diagnostic; // Diagnostic-Code without its type: "550 5.1.1 <x@y>: User unknown"
    QString remoteMta;
};

struct DeliveryReport
{
    QList<DeliveryRecipient> recipients;
    QString originalMessageId; // of the message that bounced, when the report carries it
    QList<DeliveryRecipient> failed() const;
};

// A message/rfc822 part (a forwarded mail); its text is part of ParsedMail::text.
struct ForwardedMail
{
    QString messageId;
    std::optional<MailAddress> from;
    QString subject;
    std::optional<QDateTime> date; // UTC
};

struct ParsedMail
{
    QString messageId; // without angle brackets; empty when missing
    QString inReplyTo;
    QStringList references;
    std::optional<MailAddress> from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> replyTo;
    QString subject;
    std::optional<QDateTime> date; // UTC; empty when missing or unreadable
    QString autoSubmitted;         // as written ("auto-replied"); empty when missing
    QString precedence;            // as written ("bulk"); empty when missing
    // The Return-Path address; an empty string for "<>" (a bounce), nothing when missing.
    std::optional<QString> returnPath;
    // Set when the mail is a multipart/report; report-type=delivery-status.
    std::optional<DeliveryReport> deliveryReport;
    QString text;              // the plain text (from the HTML when there is no text part)
    bool textFromHtml = false; // text was derived from the HTML
    QString html;              // sanitised HTML fragment; empty when the mail has none
    QList<MailAttachment> attachments;
    QList<ForwardedMail> forwarded;
    QStringList warnings;   // what the helper worked around or left out, for the logs
    bool truncated = false; // a limit (depth, parts, output) left something out
    QString directory;      // holds the attachment files; the caller's to remove
};

struct MailParserConfig
{
    QString helperPath; // empty: defaultMailParserPath()
    // The charset of raw 8-bit text that is not UTF-8 (per mailbox; "windows-1250" for
    // Slovenian, Croatian and Polish senders).
    QString fallbackCharset = QStringLiteral("windows-1252");
    QString temporaryDirectory; // where each mail's directory is made; empty: QDir::tempPath()
    qint64 memoryLimitBytes = qint64(768) << 20; // RLIMIT_AS; not applied under AddressSanitizer
    int cpuSeconds = 10;                         // RLIMIT_CPU
    int timeoutMilliseconds = 30000;             // wall clock, then SIGKILL
    qint64 maxOutputBytes = qint64(64) << 20;    // text, HTML and files; also RLIMIT_FSIZE
    int maxOpenFiles = 32;                       // RLIMIT_NOFILE
    int maxDepth = 32;                           // nesting of multiparts and forwarded mails
    int maxParts = 500;
};

// pult-mailparse beside the running executable (where the build puts it), else in
// ../libexec/pult/ from it (where the packages install it: /usr/libexec/pult).
QString defaultMailParserPath();

// Runs the helper on the raw message and waits for it (blocking; any thread).
Result<ParsedMail> parseMail(const QByteArray &raw, const MailParserConfig &config = {});

// The helper's answer as a ParsedMail, attachment paths inside `directory`; Malformed when the
// JSON is not the helper's shape or names files that are not there.
Result<ParsedMail> parsedMailFromJson(const QByteArray &json, const QString &directory);

// Removes ParsedMail::directory and what is left in it.
void removeParsedMailFiles(const ParsedMail &mail);

// The URL the desktop client opens a stored attachment by, exactly as its
// ConversationRenderer::attachmentUrl() makes it: "attachment:" + the SHA-256 in lowercase hex +
// "?name=" + the name percent-encoded (all but A-Z a-z 0-9 - . _ ~), e.g.
// "attachment:9f86…08?name=logo%20%C4%8Drn.png". Empty when the hash is not 64 hex digits.
QString attachmentUrl(const QByteArray &sha256, const QString &name);

// An inline part of a mail (Content-ID) as the attachment it was stored as.
struct InlinePart
{
    QString contentId; // MailAttachment::contentId: without angle brackets
    QByteArray sha256; // the stored attachment's hash, lowercase hex
    QString name;      // the stored attachment's name
};

// ParsedMail::html with every src="cid:X" whose X is the Content-ID of one of `parts` pointing at
// that attachment instead: src="attachmentUrl(...)", HTML-escaped. X is read as RFC 2392 has it:
// "cid:" in any case, percent-decoded, angle brackets dropped; compared with the Content-ID
// exactly, else ignoring case. A cid: naming no part stays as it was. Only src attributes of
// elements are rewritten (the sanitiser's output writes them as src="..."), never text.
QString linkCidImages(const QString &html, const QList<InlinePart> &parts);

} // namespace Pult
