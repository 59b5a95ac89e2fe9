#pragma once

// pultd's ticket data: operations applied at most once, a server-wide revision counter, and the
// change feed clients sync from (docs/api.md). Kept in DATA/server.db next to the accounts.
//
// Invariants:
//   - Every stored change (a ticket, message, history event or contact snapshot) takes the next
//     revision. Revisions are given inside the one write transaction, under the store's mutex
//     (and, on PostgreSQL, an advisory lock that serialises the writers of every pultd process
//     on the database), so they become visible in commit order: a reader's snapshot holds every
//     revision up to some R and none above it.
//   - The reads (changes pages, tickets, contacts, agents, departments, canned responses, shared
//     filters, the attachment totals) run on connections of their own (a pool of read-only
//     SQLite connections, or further PostgreSQL connections), so they never wait for a write,
//     nor a write for them.
//   - An operation is applied at most once: its client-made id is stored with its first result
//     (applied or rejected) in the same transaction as its changes, and a resend gets that result.
//   - An agent or lead reads and writes only tickets of their departments (admins all); a ticket
//     outside them is "not_found", so its existence does not leak. A ticket moved out of an
//     agent's departments appears in their feed as a "gone" entry.
//   - Shared filters: a lead shares a saved filter with their department, an admin with any
//     department or everyone; the feed and GET /api/v1/shared-filters carry them.
//   - Canned responses: anyone manages their personal ones, a lead those of their departments,
//     an admin global ones and all others. Departments: an admin creates and configures them
//     (name, e-mail, business hours, SLA policy, queue order); a lead sets the queue order of
//     their own.

#include "accounts.h"
#include "status.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QStringList>
#include <QUuid>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace Pult {

struct MailboxSettings;

class ServerStore
{
public:
    static constexpr int kMaxOpsPerBatch = 500;
    static constexpr int kMaxChangesPerPage = 5000;

    // Opens (creating on first use) DATA/server.db, or the PostgreSQL database at databaseUrl.
    static Result<std::unique_ptr<ServerStore>> open(const std::filesystem::path &dataDirectory,
                                                     const QString &databaseUrl = {});
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    // Applies a batch of operations (each {"id": UUID, "type": ..., ...}) for the session's
    // agent, each on its own: one rejected op does not undo or stop the others. Returns one
    // result per op, in order: {"op_id", "status": "applied", "revision", ...} or
    // {"op_id", "status": "rejected", "error": {"code", "message"}}.
    Result<QJsonArray> apply(const AgentSession &session, const QJsonArray &ops, qint64 nowMs);

    // The changes after revision `since` the session may see, oldest first, at most `limit`
    // revisions looked at, as the JSON text GET /api/v1/changes answers:
    // {"changes": [...], "next": R, "more": bool, "head": H}. Each change's snapshot is copied
    // as it is stored (compact JSON written by this store), never parsed and serialised again.
    Result<std::string> changes(const AgentSession &session, qint64 since, int limit);

    // The newest revision.
    Result<qint64> revision();

    // A ticket with its messages and history, when the session may see it.
    Result<std::optional<QJsonObject>> ticket(const AgentSession &session, const QUuid &id);
    // A contact, when it is the requester of a ticket the session may see (admins: any).
    Result<std::optional<QJsonObject>> contact(const AgentSession &session, const QUuid &id);
    // The agents who share a department with the session (admins: all), without secrets.
    Result<QJsonArray> agents(const AgentSession &session);
    // The departments the session sees (its own; admins all) with their settings.
    Result<QJsonArray> departments(const AgentSession &session);
    // The canned responses the session may use: global ones, those of its departments, its own.
    Result<QJsonArray> cannedResponses(const AgentSession &session);
    // The filters shared with the session: by a lead with one of its departments, or by an
    // admin with everyone (admins see all).
    Result<QJsonArray> sharedFilters(const AgentSession &session);
    // The automation rules the session sees: those for every department and its departments'
    // (admins: all), in the order they run.
    Result<QJsonArray> rules(const AgentSession &session);
    // Every department mailbox's settings (no passwords), by address, read on a reader: for
    // GET /api/v1/mailboxes, which admins alone may ask.
    Result<QList<MailboxSettings>> mailboxSettings();
    // What the rule would do to the ticket now, done in a transaction that is rolled back:
    // {matches, changes: [{field, old, new}], error?}; nullopt when the session sees neither.
    Result<std::optional<QJsonObject>> testRule(const AgentSession &session, const QUuid &rule,
                                                const QUuid &ticket, qint64 nowMs);
    // Time triggers: when the next rule timer is due (nullopt: none armed), and the rules due at
    // nowMs run on their tickets in one transaction (at most 500 timers; call again while
    // nextTimer() <= now). onTimersArmed is called after a commit that armed a timer, with its
    // moment, so the scheduler can wake earlier (from the committing thread).
    struct TimerRun
    {
        int fired = 0;
        qint64 revision = 0; // the newest revision written; 0 when nothing changed
    };
    Result<std::optional<qint64>> nextTimer();
    // Whether the agent said they are away, now: {"away": bool, "away_until": ISO 8601 or null}.
    Result<QJsonObject> availability(const QUuid &agent, qint64 nowMs);
    Result<TimerRun> runTimers(qint64 nowMs);
    void onTimersArmed(std::function<void(qint64 dueMs)> armed);

    // Data written as it is, each entity a change, in one transaction: the demo data set.
    // Snapshots have the shapes the feed sends (docs/api.md).
    struct Import
    {
        QList<QJsonObject> departments; // settings: id, name, email, business_hours, ...
        QList<QJsonObject> contacts;
        QList<QJsonObject> tickets;
        QList<QJsonObject> messages;
        QList<QJsonObject> history;
        QList<QJsonObject> cannedResponses;
        QList<QJsonObject> sharedFilters;
    };
    Status import(const Import &data);
    // Whether anything was ever stored (a demo goes only into an empty data directory).
    Result<bool> isEmpty();

    // Attachments: bytes in files under DATA/attachments (attachmentfiles.h), metadata here.
    struct AttachmentInfo
    {
        qint64 size = 0;
        QString name;     // from the referencing message; the hash when none names it
        QString mimeType; // likewise; application/octet-stream when none names it
    };
    // An attachment by the SHA-256 of its content (hex), when it is stored and the session may
    // read it: a ticket it may see references it, or it uploaded it and no ticket references it.
    Result<std::optional<AttachmentInfo>> attachment(const AgentSession &session,
                                                     const QString &hash);
    // GET /api/v1/uploads/{hash}: the stored size, with an upload claim recorded for the agent
    // (it may now reference the attachment in an op), when the agent may read it already (it
    // uploaded it, or sees a ticket that references it); nullopt otherwise, stored or not: the
    // agent then uploads the content to prove it holds it.
    Result<std::optional<qint64>> claimStoredUpload(const AgentSession &session,
                                                    const QString &hash, qint64 nowMs);
    // An upload completed to its file: recorded as stored, and claimed by the agent.
    Status recordUpload(const AgentSession &session, const QString &hash, qint64 size,
                        qint64 nowMs);
    // DATA/attachments.
    std::filesystem::path attachmentDirectory() const;
    struct AttachmentTotals
    {
        qint64 count = 0;
        qint64 bytes = 0;
    };
    Result<AttachmentTotals> attachmentTotals();
    // Removes upload claims older than maxAgeMs, partial uploads not written to for that long,
    // and complete files older than that which no ticket references and nobody claims.
    struct SweepResult
    {
        qint64 claimsRemoved = 0;
        qint64 filesRemoved = 0; // partial and complete
    };
    Result<SweepResult> sweepUploads(qint64 nowMs, qint64 maxAgeMs);

    // The email channel (docs/email.md). A mail fetched from a department's mailbox, parsed,
    // its attachment files stored under attachmentDirectory() already.
    struct InboundMail
    {
        QUuid key;          // from mailbox, UIDVALIDITY and UID (mailKey()): at most once
        QString mailbox;    // the mailbox's address
        QUuid departmentId; // the mailbox's department: where a new ticket goes
        QString messageId;  // without angle brackets; may be empty
        QString inReplyTo;
        QStringList references;
        QString fromName;
        QString fromAddress;    // the sender; mail without one is quarantined, not ingested
        QStringList recipients; // To and Cc addresses
        QString subject;
        QString text;
        QString html; // sanitised; empty when the mail had none
        QList<Attachment> attachments;
        bool looped = false;         // carries the loop header of a mail pultd sent
        bool deliveryReport = false; // a delivery status report (multipart/report)
        // What says the mail was sent by a machine, for the auto-reply rules (noAutoReply()):
        QString autoSubmitted;             // Auto-Submitted as written; empty when missing
        QString precedence;                // Precedence as written ("bulk"); empty when missing
        std::optional<QString> returnPath; // "" for Return-Path: <>; nullopt when missing
        // A delivery status report: the failed recipients ("ana@x.si: 5.1.1 User unknown"),
        // and the Message-ID of the mail that bounced.
        QStringList bounced;
        QString bouncedMessageId;
    };
    struct Ingested
    {
        enum Outcome {
            Created,   // a new ticket
            Added,     // a message on an existing ticket
            Bounce,    // a delivery report recorded on the ticket it is about
            Duplicate, // ingested before (the same UID, or the same Message-ID)
            Ignored,   // not for a ticket: pultd's own mail come back, a report about nothing
        };
        Outcome outcome = Ignored;
        QUuid ticketId;
        qint64 number = 0;
        qint64 revision = 0; // the newest revision written; 0 when nothing was
        // A new ticket's auto-reply: "queued", or why there is none ("no auto-reply text",
        // "Precedence: bulk", "3 auto-replies to ana@x.si in the last hour", ...); empty for
        // other outcomes.
        QString autoReply;
    };
    // At most this many auto-replies go to one sender address per hour.
    static constexpr int kMaxAutoRepliesPerHour = 3;
    // Why no auto-reply may answer the mail (RFC 3834 and the bounce rules of docs/email.md):
    // Auto-Submitted other than "no", Precedence bulk, list or junk, an empty Return-Path, a
    // sender mailer-daemon@ or postmaster@, a delivery status report. Empty when one may.
    static QString noAutoReply(const InboundMail &mail);
    // The key of a mail in a mailbox: a refetch of the same UID under the same UIDVALIDITY has
    // the same key.
    static QUuid mailKey(const QString &mailbox, quint32 uidValidity, quint32 uid);
    // Turns the mail into a ticket or a message of one, in one transaction with the record that
    // the key was ingested. Threading: a Message-ID pultd signed (setMessageIdKey) or a mail of
    // a ticket in In-Reply-To or References; else "[#N]" in the subject when the sender is the
    // ticket's requester or was on its mail; else a new ticket. A solved or pending ticket is
    // reopened; a closed one gets a new ticket. A new ticket whose department has an auto-reply
    // text gets an auto-reply queued in the outbox in the same transaction, unless
    // noAutoReply() or kMaxAutoRepliesPerHour forbid it.
    Result<Ingested> ingestMail(const InboundMail &mail, qint64 nowMs);
    // Whether the key was ingested or quarantined already.
    Result<bool> mailDone(const QUuid &key);
    // A mail that could not be ingested, kept raw with the reason.
    Status quarantineMail(const QUuid &key, const QString &mailbox, quint32 uidValidity,
                          quint32 uid, const QString &reason, const QByteArray &raw, qint64 nowMs);
    Result<qint64> quarantinedCount(const QString &mailbox);
    struct QuarantinedMail
    {
        QUuid id; // the mail's key
        QString mailbox;
        quint32 uidValidity = 0;
        quint32 uid = 0;
        QString reason;
        qint64 createdMs = 0;
        QByteArray raw;
    };
    // Every mail in quarantine, newest first.
    Result<QList<QuarantinedMail>> quarantine();
    Result<std::optional<QuarantinedMail>> quarantinedMail(const QUuid &id);
    // Removes a mail from quarantine for good; NotFound when it is not there.
    Status discardQuarantined(const QUuid &id);
    // Per mailbox: the UIDVALIDITY last seen and the next UID to fetch; nullopt when none yet.
    Result<std::optional<std::pair<quint32, quint32>>> mailboxPosition(const QString &mailbox);
    Status setMailboxPosition(const QString &mailbox, quint32 uidValidity, quint32 nextUid);

    // The mail outbox (mailoutboxstore.cpp, docs/email.md). An applied add_message of kind
    // "reply" on a ticket whose department has a mailbox, with a requester who has an e-mail
    // address, queues one mail in the op's own transaction. Its Message-ID is signed with this
    // key (Mailboxes::messageIdKey()); without one such a reply fails with Internal.
    void setMessageIdKey(const QByteArray &key);
    // Called (from the applying thread, after the commit) when a batch queued mail.
    void onMailQueued(std::function<void()> wake);
    // Called (from the applying thread, after the commit) when a batch's upsert_mailbox or
    // delete_mailbox was applied: the fetchers start or stop at once, not at their next rescan.
    void onMailboxesChanged(std::function<void()> changed);

    struct QueuedMail
    {
        QUuid messageId; // the Pult message the mail is
        QUuid ticketId;
        QString mailbox;  // the address it is sent from
        int attempts = 0; // this one included
        qint64 createdMs = 0;
        QByteArray mail; // JSON: what composes it (see mailoutboxstore.cpp)
    };
    // Claims the queued mail due first (next attempt at or before nowMs) for this sender: its
    // state becomes "sending", so no other sender (another pultd on the database) takes it.
    // Mail left "sending" for longer than staleClaimMs (a sender that died mid-send) is queued
    // again first. nullopt when nothing is due.
    Result<std::optional<QueuedMail>> claimQueuedMail(qint64 nowMs, qint64 staleClaimMs);
    // When the next queued mail is due (ms since the epoch), or nullopt when none is queued.
    Result<std::optional<qint64>> nextQueuedMailMs();
    struct MailOutcome
    {
        enum class State { Sent, Retry, Failed };
        State state = State::Sent;
        QString result;           // the server's answer or ours, for last_result
        qint64 nextAttemptMs = 0; // Retry: when
        QString delivery;         // the ticket's "delivery" history value; empty: none
    };
    // Records a claimed mail's outcome, and the history event (field "delivery") on its ticket
    // with the next revision, in one transaction. Returns that revision (0 when no event).
    Result<qint64> finishQueuedMail(const QueuedMail &mail, const MailOutcome &outcome,
                                    qint64 nowMs);

    // Customer pages (customerstore.cpp, docs/customer-pages.md). A ticket has one status link
    // for its requester: /t/TOKEN, where TOKEN is derived from the ticket, its requester and the
    // link's generation with this key (Mailboxes::statusLinkKey()), and only its SHA-256 is
    // stored. Rotating the link (op rotate_status_link) takes the next generation; a new
    // requester gets a new token too. Mail carries the placeholder kStatusLinkPlaceholder
    // (template.h) until it is claimed for sending, so the token is stored nowhere.
    void setStatusLinkKey(const QByteArray &key);
    // Where customers reach pultd ("https://help.example.com"): the links in mail start with it.
    void setPublicUrl(const QString &url);
    QString publicUrl() const;
    // Rate limits of customers' posts per hour (form: per address and per IP; status page
    // answers: per ticket and per IP).
    static constexpr int kFormPostsPerAddress = 5;
    static constexpr int kFormPostsPerIp = 20;
    static constexpr int kAnswersPerTicket = 20;
    static constexpr int kAnswersPerIp = 60;

    // The ticket's status link (the public URL with /t/TOKEN) when the session may see the
    // ticket, its token's hash recorded when it has none yet.
    Result<std::optional<QString>> statusLink(const AgentSession &session, const QUuid &ticket);

    // A department as the contact form shows it: found by its id or by its name's slug
    // ("Technical Support" → "technical-support").
    struct WebDepartment
    {
        QUuid id;
        QString name;
        QString slug;
        QJsonObject settings; // as GET /api/v1/departments has them
    };
    Result<std::optional<WebDepartment>> webDepartment(const QString &idOrSlug);
    static QString slugOf(const QString &name);

    // What a status page shows: the ticket and its public conversation (customer messages and
    // agents' replies; never internal notes or system events), none of it an agent's address.
    struct StatusPage
    {
        Ticket ticket;
        QString requesterLanguage; // the contact's; empty when unknown
        QString requesterTimeZone; // the contact's (IANA); empty when unknown
        WebDepartment department;
        QList<Message> messages; // oldest first
        bool surveyOpen = false; // the ticket's solve may be rated (docs/customer-pages.md)
    };
    // nullopt for an unknown, rotated or malformed token: all alike.
    Result<std::optional<StatusPage>> statusPage(const QString &token);
    // An attachment of one of the page's public messages (for its download link).
    Result<std::optional<AttachmentInfo>> statusPageAttachment(const QString &token,
                                                               const QString &hash);

    // What became of a customer's post.
    struct Posted
    {
        enum Outcome {
            Accepted, // stored (or stored before: the same post sent again)
            NotFound, // no such status page, or a department without a form
            Closed,   // the ticket is closed: no more answers on it
            Limited,  // a rate limit
            NotOpen,  // a rating while no survey is open (the ticket was reopened)
        };
        Outcome outcome = NotFound;
        QUuid ticketId;
        qint64 number = 0;
        qint64 revision = 0; // the newest revision written; 0 when nothing was
        bool mailed = false; // a confirmation was queued (the department has a mailbox)
    };
    // An answer typed on a status page, with the files it carries (already in the attachment
    // store): a customer message on the ticket, which a solved or pending ticket reopens. `postId`
    // makes a resent form a no-op.
    Result<Posted> customerAnswer(const QString &token, const QUuid &postId, const QString &text,
                                  const QList<Attachment> &attachments, const QString &ip,
                                  qint64 nowMs);
    // A satisfaction rating from the status page or the survey mail's one-click links: `score`
    // 1 to 5, and the comment when one was sent (nullopt: the one-click link, which keeps the
    // comment there is). Recorded on the ticket while its survey is open; the same rating again
    // writes nothing.
    Result<Posted> rateTicket(const QString &token, int score,
                              const std::optional<QString> &comment, const QString &ip,
                              qint64 nowMs);
    struct WebForm
    {
        QUuid postId; // from the form's signed token: a resent form is stored once
        QUuid departmentId;
        QString name;
        QString email;
        QString subject;
        QString message;
        QString language; // the page's: the new contact's language and the confirmation's
        QString ip;
        QList<Attachment> attachments; // files already in the attachment store
    };
    // A new ticket on channel web-form from the contact form, its contact found or made, and a
    // confirmation mail with the status link queued in the same transaction.
    Result<Posted> submitForm(const WebForm &form, qint64 nowMs);

    // Personal data on request (contactprivacy.cpp, docs/privacy.md). Erasing is the op
    // erase_contact (admins): the contact's name and addresses, the text, sender name and
    // attachments of its messages go (files no other message refers to are deleted at once),
    // its tickets' mail records lose their addresses, their status links and queued mail go, and
    // each of its tickets gets the history event "requester erased".
    struct ContactExport
    {
        QJsonObject document; // the contact, its tickets with messages and history, mail records
        QList<Attachment> attachments; // the files of those messages, each once
    };
    // Everything pultd holds about the contact with this address (any of its addresses, any
    // case); nullopt when there is none.
    Result<std::optional<ContactExport>> exportContact(const QString &email);
    // The same for the contact with this id (erased contacts too: what is left of them).
    Result<std::optional<ContactExport>> exportContact(const QUuid &contactId);
    Result<std::optional<QUuid>> contactByEmail(const QString &email);

private:
    ServerStore();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
