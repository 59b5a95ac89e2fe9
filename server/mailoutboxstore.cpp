// The mail outbox's rows (table mail_outbox, schema version 5) and the reply mail an op queues.
// The sending itself is MailOutbox's (mail/outbox.h); docs/email.md tells the whole story.
//
// A queued row's `mail` column is JSON with what composes the message at each attempt:
//   {"from": {"name", "address"}, "to": [{"name", "address"}], "cc": ["address", ...],
//    "subject", "message_id": "<...>", "in_reply_to": "<...>" or "", "references": ["<...>"],
//    "loop": the mailbox address (X-Pult-Loop), "body": the reply's text,
//    "attachments": [{"hash", "name", "type"}]}
// Attachment bytes stay in DATA/attachments and are read when the mail is written.

#include "serverstoreprivate.h"

#include "logrecord.h"
#include "mail/outgoingmail.h"
#include "template.h"

#include <QJsonArray>
#include <QSet>

namespace Pult {

namespace {

// A ticket's References keep the first Message-ID and the newest ones, at most this many.
constexpr qsizetype kMaxReferences = 20;

QString bracketed(const QString &id)
{
    return id.startsWith(u'<') ? id : u'<' + id + u'>';
}

QString unbracketed(QString id)
{
    id = id.trimmed();
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2);
    return id;
}

} // namespace

void ServerStore::setMessageIdKey(const QByteArray &key)
{
    std::lock_guard lock(d->mutex);
    d->messageIdKey = key;
}

void ServerStore::onMailQueued(std::function<void()> wake)
{
    std::lock_guard lock(d->mutex);
    d->mailQueued = std::move(wake);
}

Status ServerStore::Private::queueReplyMail(const Ticket &ticket, const Message &message)
{
    TicketMail reply;
    reply.id = message.id;
    reply.body = message.bodyText;
    reply.attachments = message.attachments;
    auto queued = queueTicketMail(ticket, reply);
    return queued.good() ? Status() : queued.status();
}

Result<bool> ServerStore::Private::queueTicketMail(const Ticket &ticket, const TicketMail &what)
{
    // The department's mailboxes, by address, with the department's name.
    struct Box
    {
        QString address;
        QString departmentName;
    };
    QList<Box> boxes;
    QSet<QString> ourAddresses; // every mailbox: never a Cc
    {
        auto stmt = db->prepare("SELECT m.address, m.department_id, d.name FROM mailboxes m LEFT "
                                "JOIN departments d ON d.id = m.department_id ORDER BY m.address");
        if (!stmt.good())
            return stmt.status();
        while ((*stmt)->next()) {
            const QString address = (*stmt)->text(0).toLower();
            ourAddresses.insert(address);
            if (uuidFromBlob((*stmt)->blob(1)) == ticket.departmentId)
                boxes.append({address, (*stmt)->text(2)});
        }
        Status s = (*stmt)->status();
        (*stmt)->reset();
        if (!s.good())
            return s;
    }
    if (boxes.isEmpty() || (ticket.requesterId.isNull() && !what.autoReply))
        return false;
    // A reply goes to the requester, an auto-reply to the mail's sender.
    QString to = what.to.trimmed().toLower();
    QString toName = what.toName;
    if (!what.autoReply) {
        auto requester = text("SELECT data FROM contacts WHERE id = ?1",
                              [&](Statement &st) { st.bind(1, uuidToBlob(ticket.requesterId)); });
        if (!requester.good())
            return requester.status();
        const QJsonObject contact = parseObject(requester->value_or(QString()));
        const QJsonArray emails = contact.value(QLatin1String("emails")).toArray();
        to = emails.isEmpty() ? QString() : emails.at(0).toString().trimmed().toLower();
        toName = contact.value(QLatin1String("name")).toString();
    }
    if (!Mail::isValidMailAddress(to.toStdString()))
        return false;
    if (toName.compare(to, Qt::CaseInsensitive) == 0)
        toName.clear();

    // The ticket's mail so far, oldest first.
    struct Thread
    {
        bool incoming;
        QString rfcId;
        QString mailbox;
        QStringList addresses; // from and recipients
    };
    QList<Thread> thread;
    {
        auto stmt = db->prepare("SELECT direction, rfc_message_id, from_address, recipients, "
                                "mailbox FROM mail_messages WHERE ticket_id = ?1 ORDER BY "
                                "created_ms, rfc_message_id");
        if (!stmt.good())
            return stmt.status();
        (*stmt)->bind(1, uuidToBlob(ticket.id));
        while ((*stmt)->next()) {
            Thread t{(*stmt)->text(0) == u"in",
                     unbracketed((*stmt)->text(1)),
                     (*stmt)->text(4),
                     {(*stmt)->text(2)}};
            for (const QJsonValue &r : QJsonDocument::fromJson((*stmt)->text(3).toUtf8()).array())
                t.addresses.append(r.toString());
            thread.append(std::move(t));
        }
        Status s = (*stmt)->status();
        (*stmt)->reset();
        if (!s.good())
            return s;
    }
    const Thread *latestIncoming = nullptr;
    for (const Thread &t : std::as_const(thread)) {
        if (t.incoming)
            latestIncoming = &t;
    }
    // From the mailbox the customer last wrote to, while it is one of the department's.
    Box box = boxes.front();
    if (latestIncoming) {
        for (const Box &b : std::as_const(boxes)) {
            if (b.address == latestIncoming->mailbox.toLower())
                box = b;
        }
    }
    const QString domain = box.address.section(u'@', 1);
    if (messageIdKey.isEmpty())
        return Status(
            Status::Internal,
            QStringLiteral("no key to sign the Message-ID of mail from %1").arg(box.address));
    const auto messageId = Mail::makeSignedMessageId(
        uuidToString(ticket.id).toStdString(), domain.toStdString(), messageIdKey.toStdString());
    if (!messageId)
        return Status(Status::Internal,
                      QStringLiteral("cannot make a Message-ID for %1").arg(box.address));

    // Cc: whoever else was on the customer's mail (never on an auto-reply).
    QStringList cc;
    for (const Thread &t : std::as_const(thread)) {
        if (!t.incoming || what.autoReply || what.survey)
            continue;
        for (const QString &a : t.addresses) {
            const QString address = a.trimmed().toLower();
            if (address == to || ourAddresses.contains(address) || cc.contains(address) ||
                !Mail::isValidMailAddress(address.toStdString()))
                continue;
            cc.append(address);
        }
    }
    // A mail without a Message-ID (its row's is empty) cannot be referred to.
    QStringList threadIds;
    for (const Thread &t : std::as_const(thread)) {
        if (!t.rfcId.isEmpty())
            threadIds.append(t.rfcId);
    }
    QJsonArray references;
    for (qsizetype i = 0; i < threadIds.size(); ++i) {
        if (i == 0 || i >= threadIds.size() - (kMaxReferences - 1))
            references.append(bracketed(threadIds[i]));
    }
    QString subject = what.subject;
    if (subject.isEmpty()) {
        subject = QStringLiteral("[#%1] %2").arg(ticket.number.value_or(0)).arg(ticket.subject);
        if (latestIncoming)
            subject.prepend(QStringLiteral("Re: "));
    }
    QJsonArray attachments;
    for (const Attachment &a : what.attachments)
        attachments.append(QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(a.contentHash)},
                                       {QStringLiteral("name"), a.name},
                                       {QStringLiteral("type"), a.mimeType}});
    QJsonArray recipients{to};
    QJsonArray ccJson;
    for (const QString &c : std::as_const(cc)) {
        recipients.append(c);
        ccJson.append(c);
    }
    const QString rfcId = QString::fromStdString(*messageId);
    QJsonObject mail{
        {QStringLiteral("from"), QJsonObject{{QStringLiteral("name"), box.departmentName},
                                             {QStringLiteral("address"), box.address}}},
        {QStringLiteral("to"), QJsonArray{QJsonObject{{QStringLiteral("name"), toName},
                                                      {QStringLiteral("address"), to}}}},
        {QStringLiteral("cc"), ccJson},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("message_id"), rfcId},
        {QStringLiteral("in_reply_to"), latestIncoming && !latestIncoming->rfcId.isEmpty()
                                            ? bracketed(latestIncoming->rfcId)
                                            : QString()},
        {QStringLiteral("references"), references},
        {QStringLiteral("loop"), box.address},
        {QStringLiteral("body"), what.body},
        {QStringLiteral("attachments"), attachments}};
    if (what.autoReply || what.survey)
        mail.insert(QStringLiteral("auto_submitted"), what.autoReply
                                                          ? QStringLiteral("auto-replied")
                                                          : QStringLiteral("auto-generated"));
    Status s = db->run("INSERT INTO mail_outbox(message_id, ticket_id, mailbox, state, attempts, "
                       "next_attempt_ms, created_ms, mail) VALUES (?1, ?2, ?3, 'queued', 0, ?4, "
                       "?5, ?6)",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(what.id)).bind(2, uuidToBlob(ticket.id));
                           st.bind(3, box.address).bind(4, std::max(now, what.notBeforeMs));
                           st.bind(5, now).bind(6, QString::fromUtf8(compact(mail)));
                       });
    if (s.good())
        s = db->run("INSERT INTO mail_messages(message_id, ticket_id, direction, rfc_message_id, "
                    "from_address, recipients, mailbox, created_ms) VALUES (?1, ?2, 'out', ?3, "
                    "?4, ?5, ?4, ?6)",
                    [&](Statement &st) {
                        st.bind(1, uuidToBlob(what.id)).bind(2, uuidToBlob(ticket.id));
                        st.bind(3, unbracketed(rfcId)).bind(4, box.address);
                        st.bind(5, QString::fromUtf8(
                                       QJsonDocument(recipients).toJson(QJsonDocument::Compact)));
                        st.bind(6, now);
                    });
    if (!s.good())
        return s;
    QStringList all{to};
    all += cc;
    QString queuedText = QStringLiteral("%1queued for %2")
                             .arg(what.autoReply ? QStringLiteral("auto-reply ")
                                  : what.survey  ? QStringLiteral("satisfaction survey ")
                                                 : QString(),
                                  all.join(QStringLiteral(", ")));
    if (what.notBeforeMs > now)
        queuedText +=
            QStringLiteral(", to go at %1")
                .arg(Wire::timeValue(QDateTime::fromMSecsSinceEpoch(what.notBeforeMs, Qt::UTC))
                         .toString());
    history(ticket, QStringLiteral("delivery"), QJsonValue(), queuedText);
    queuedMail = true;
    return true;
}

Result<std::optional<ServerStore::QueuedMail>> ServerStore::claimQueuedMail(qint64 nowMs,
                                                                            qint64 staleClaimMs)
{
    std::lock_guard lock(d->mutex);
    Db::Connection &db = *d->db;
    // A sender that died while sending: its claim lapses and the mail is tried again (it may
    // have been accepted already: the one window for a duplicate, docs/email.md).
    if (Status s = db.run("UPDATE mail_outbox SET state = 'queued', claimed_ms = NULL WHERE "
                          "state = 'sending' AND claimed_ms < ?1",
                          [&](Statement &st) { st.bind(1, nowMs - staleClaimMs); });
        !s.good())
        return s;
    for (int race = 0; race < 5; ++race) {
        auto due = db.prepare("SELECT message_id, ticket_id, mailbox, attempts, created_ms, mail "
                              "FROM mail_outbox WHERE state = 'queued' AND next_attempt_ms <= ?1 "
                              "ORDER BY next_attempt_ms LIMIT 1");
        if (!due.good())
            return due.status();
        (*due)->bind(1, nowMs);
        std::optional<QueuedMail> mail;
        if ((*due)->next()) {
            Statement &st = **due;
            mail = QueuedMail{uuidFromBlob(st.blob(0)),
                              uuidFromBlob(st.blob(1)),
                              st.text(2),
                              int(st.int64(3)) + 1,
                              st.int64(4),
                              st.text(5).toUtf8()};
        }
        Status s = (*due)->status();
        (*due)->reset();
        if (!s.good())
            return s;
        if (!mail)
            return mail;
        // The claim: only one sender's UPDATE finds it still queued (another pultd on the same
        // PostgreSQL database waits for the row and then sees it "sending").
        s = db.run("UPDATE mail_outbox SET state = 'sending', claimed_ms = ?1, attempts = ?2 "
                   "WHERE message_id = ?3 AND state = 'queued'",
                   [&](Statement &st) {
                       st.bind(1, nowMs).bind(2, mail->attempts);
                       st.bind(3, uuidToBlob(mail->messageId));
                   });
        if (!s.good())
            return s;
        if (db.changes() != 1)
            continue;
        // The status link goes in now, so that no stored copy of the mail holds its token. (JSON
        // escapes none of the placeholder's characters: a mail without it is left as it is.)
        if (!mail->mail.contains(kStatusLinkPlaceholder.toUtf8()))
            return mail;
        QJsonObject composed = QJsonDocument::fromJson(mail->mail).object();
        auto body =
            d->withStatusLink(mail->ticketId, composed.value(QLatin1String("body")).toString());
        if (!body.good())
            return body.status();
        composed.insert(QStringLiteral("body"), *body);
        mail->mail = compact(composed);
        return mail;
    }
    return std::optional<QueuedMail>();
}

Result<std::optional<qint64>> ServerStore::nextQueuedMailMs()
{
    std::lock_guard lock(d->mutex);
    auto next = d->text("SELECT min(next_attempt_ms) FROM mail_outbox WHERE state = 'queued'",
                        [](Statement &) {});
    if (!next.good())
        return next.status();
    if (!*next || (*next)->isEmpty())
        return std::optional<qint64>();
    return std::optional<qint64>((*next)->toLongLong());
}

Result<qint64> ServerStore::finishQueuedMail(const QueuedMail &mail, const MailOutcome &outcome,
                                             qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    const char *state = outcome.state == MailOutcome::State::Sent     ? "sent"
                        : outcome.state == MailOutcome::State::Failed ? "failed"
                                                                      : "queued";
    Status s = d->db->run(
        "UPDATE mail_outbox SET state = ?1, next_attempt_ms = ?2, "
        "last_result = ?3, claimed_ms = NULL WHERE message_id = ?4",
        [&](Statement &st) {
            st.bind(1, QString::fromLatin1(state));
            st.bind(2, outcome.state == MailOutcome::State::Retry ? outcome.nextAttemptMs : nowMs);
            st.bind(3, outcome.result).bind(4, uuidToBlob(mail.messageId));
        });
    if (!s.good())
        return s;
    qint64 revision = 0;
    if (!outcome.delivery.isEmpty()) {
        auto stmt = d->db->prepare("SELECT department_id FROM tickets WHERE id = ?1");
        if (!stmt.good())
            return stmt.status();
        (*stmt)->bind(1, uuidToBlob(mail.ticketId));
        const bool exists = (*stmt)->next();
        const QUuid departmentId = exists ? uuidFromBlob((*stmt)->blob(0)) : QUuid();
        s = (*stmt)->status();
        (*stmt)->reset();
        if (!s.good())
            return s;
        if (exists) {
            HistoryEvent event;
            event.id = d->ids.next();
            event.ticketId = mail.ticketId;
            event.time = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
            event.field = QStringLiteral("delivery");
            event.oldValue = QStringLiteral("queued");
            event.newValue = outcome.delivery;
            d->pending.append(
                {QStringLiteral("history"), event.id, departmentId, QUuid(), Wire::toJson(event)});
            auto committed = d->commitChanges();
            if (!committed.good())
                return committed.status();
            revision = *committed;
            if (s = d->announce(revision); !s.good())
                return s;
        }
    }
    if (s = tx.commit(); !s.good())
        return s;
    return revision;
}

} // namespace Pult
