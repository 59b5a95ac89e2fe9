// The sync session: how local work and the server's change feed meet in the local store.
//
// Tables (schema step 5 and earlier): the cache tables hold what the agent sees; `outbox` holds
// local ops not yet answered, in the order they were made; `ticket_base` holds, for each ticket
// that pending ops change, the server's last state of it (NULL: the ticket was made here and the
// server has not seen it yet); `rejections` holds refused ops; `profile` holds the server, the
// account and `revision`, the newest revision whose changes are all in the cache.
//
// Invariants:
//   1. The cache shows the server's state with the pending ops applied on top: for a ticket with
//      pending ops, cache = ticket_base + those ops in outbox order; for any other ticket,
//      cache = the server's state as of `revision`. submit() snapshots the base before the first
//      op on a ticket changes it, so a pending op never becomes part of its own base.
//   2. An op leaves the outbox only with the server's answer to it, in the same transaction that
//      applies the answer (dequeued when applied; dequeued, recorded as a rejection and rolled
//      back when refused). A crash anywhere leaves it in the outbox, and sending it again is
//      harmless: the server applies each op id at most once and repeats its first answer.
//   3. `revision` advances in the same transaction that applies the changes up to it, a page at
//      a time; a crash leaves a consistent cache at some revision, and the pull resumes there.
//   4. Server changes rebase pending work: a ticket snapshot for a ticket with pending ops
//      replaces its base and the ops are applied again; messages and history are append-only
//      rows keyed by id, so a pending message and its later server copy are one row. Scalar
//      fields end as the server orders the writes (last writer wins per field), tags as sets.
//   5. A "gone" entry removes the ticket from the cache; ops still pending on it are refused by
//      the server (not_found) and end as rejections, never silently dropped.
//   6. Bases of tickets without pending ops are dropped after a pull, which has brought the
//      server's state of every ticket that an answered op changed.
//   7. The outbox never wedges: an op the server refuses for good (its verdict on the op, or a
//      permanent HTTP answer: a 4xx other than 401, 408 and 429) is a rejection like any other,
//      and the next op goes. A batch refused as a whole is sent again one op at a time, so the
//      refusal lands on the op that caused it. Ops on a ticket whose creation was refused (or
//      discarded) are refused with a reason that names it. Transient failures stop the push
//      and keep the order.
//   8. An op's attachments are in the attachment cache before the op is queued and on the
//      server before the op is sent; an upload resumes from the bytes the server holds.

#include "syncsession.h"

#include "attachmentcache.h"
#include "credentials.h"
#include "localops.h"
#include "localstore.h"
#include "serverconnection.h"
#include "sqlitedb.h"
#include "uuid.h"
#include "wire.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QThread>

namespace Pult {
namespace {

using Sql::Statement;

constexpr int kPushBatch = 200;
constexpr int kPullPage = 2000;

const QString kServerKey = QStringLiteral("server");
const QString kEmailKey = QStringLiteral("email");
const QString kRevisionKey = QStringLiteral("revision");
const QString kAttachmentLimitKey = QStringLiteral("attachment_limit");

// Refused for good: sending it again cannot help (see invariant 7).
bool permanent(const Status &status)
{
    return status.code() == Status::Invalid || status.code() == Status::NotFound;
}

QJsonObject errorObject(const QString &code, const QString &message)
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

QJsonArray attachmentsOf(const QJsonObject &op)
{
    return op.value(QLatin1String("message"))
        .toObject()
        .value(QLatin1String("attachments"))
        .toArray();
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Stores what the server sent, or says why it cannot be read.
template<typename T> Status putParsed(LocalStore &store, const Result<T> &parsed)
{
    return parsed.good() ? store.put(*parsed) : parsed.status();
}

// Stores every entity of a JSON array with its parser, stopping at the first failure.
template<typename Parse> Status putAll(LocalStore &store, const QJsonArray &array, Parse parse)
{
    for (const QJsonValue &v : array) {
        if (Status s = putParsed(store, parse(v.toObject())); !s.good())
            return s;
    }
    return {};
}

QString changesPath(qint64 since)
{
    return QStringLiteral("/api/v1/changes?since=%1&limit=%2").arg(since).arg(kPullPage);
}

QString accountKey(const QUrl &server, const QString &email)
{
    return server.toString() + u' ' + email.toLower();
}

} // namespace

struct SyncSession::Private
{
    LocalStore &store;
    QString home;
    CredentialStore credentials;
    std::unique_ptr<ServerConnection> connection;
    QString notice;
    UuidV7Generator ids;
    QSet<QUuid> knownRequesters; // checked to be in the cache during this session
    QSet<QByteArray> uploaded;   // attachments the server has, seen during this session
    TransferProgress transferProgress;

    Private(LocalStore &s, const QString &h)
        : store(s)
        , home(h)
        , credentials(h)
    {}

    Sql::Database &db() { return store.database(); }
    AttachmentCache cache() const { return AttachmentCache(home + QStringLiteral("/attachments")); }

    Result<Agent> me();
    Result<ServerConnection *> connect();
    // The outbox, grouped by the tickets each op changes.
    Result<QHash<QUuid, QList<OutboxOp>>> pendingByTicket();
    Result<std::optional<QByteArray>> base(const QUuid &ticketId, bool *exists);
    Status setBase(const QUuid &ticketId, const std::optional<Ticket> &ticket);
    Status dropBase(const QUuid &ticketId);
    // Cache = base + pending ops (invariant 1).
    Status rebuild(const QUuid &ticketId, const QList<OutboxOp> &pending);
    Status putServerTicket(const Ticket &ticket);
    Status applyChange(const QJsonObject &change, const QHash<QUuid, QList<OutboxOp>> &pending);
    // Takes the op out of the outbox and undoes it in the cache (invariant 1).
    Status rollBack(const OutboxOp &op);
    // Records the op as refused and rolls it back; ops that depended on it (on a ticket it
    // would have created) are refused too. Every rejection made is appended to rejected.
    Status reject(const OutboxOp &op, const QJsonObject &error, QList<Rejection> &rejected);
    // The same in a transaction of its own, for a refusal that is not part of a batch's answer.
    Status rejectAlone(const OutboxOp &op, const QString &code, const QString &message,
                       QList<Rejection> &rejected);
    // After op is gone without reaching the server (refused, discarded): the ops still waiting
    // on a ticket it would have created cannot apply, and are refused saying why.
    Status refuseDependents(const OutboxOp &op, const QString &why, QList<Rejection> &rejected);
    // Outboxes written before attachments were uploaded separately carry them inline (base64):
    // their content moves to the attachment cache and the op names it by hash.
    Status convertInlineAttachments(QList<Rejection> &rejected);
    // Puts the op's attachments on the server. errorCode: the code of a permanent failure.
    Status uploadAttachments(ServerConnection &connection, const OutboxOp &op, QString &errorCode);
    Status upload(ServerConnection &connection, const QByteArray &hash, qint64 size,
                  const QString &name, QString &errorCode);
    // A contact's change reaches the departments it was made for; the requester of a ticket
    // that came into sight another way is read with GET /api/v1/contacts/{id}.
    Status fetchMissingRequesters(ServerConnection &connection, const QJsonArray &changes);
};

Status SyncSession::Private::fetchMissingRequesters(ServerConnection &connection,
                                                    const QJsonArray &changes)
{
    QSet<QUuid> wanted;
    for (const QJsonValue &v : changes) {
        const QJsonObject change = v.toObject();
        if (change.value(QLatin1String("type")).toString() != u"ticket")
            continue;
        const QUuid requester = Wire::uuidOf(
            change.value(QLatin1String("data")).toObject().value(QLatin1String("requester_id")));
        if (!requester.isNull())
            wanted.insert(requester);
    }
    for (const QUuid &id : std::as_const(wanted)) {
        if (knownRequesters.contains(id))
            continue;
        knownRequesters.insert(id);
        auto cached = store.contact(id);
        if (cached.good())
            continue;
        if (cached.status().code() != Status::NotFound)
            return cached.status();
        auto answer = connection.get(u"/api/v1/contacts/" + uuidToString(id));
        if (!answer.good()) {
            if (answer.status().code() == Status::NotFound)
                continue; // out of sight again meanwhile
            return answer.status();
        }
        const QJsonObject body = answer->value(QLatin1String("contact")).isObject()
                                     ? answer->value(QLatin1String("contact")).toObject()
                                     : *answer;
        auto contact = Wire::contactFromJson(body);
        if (!contact.good())
            return contact.status();
        if (Status s = store.put(*contact); !s.good())
            return s;
    }
    return {};
}

Result<Agent> SyncSession::Private::me()
{
    auto agent = store.signedInAgent();
    if (!agent.good())
        return agent.status();
    if (!*agent)
        return Status(Status::Unauthenticated,
                      QStringLiteral("nobody is signed in on this profile; sign in first "
                                     "(pultctl login URL EMAIL)"));
    return **agent;
}

Result<ServerConnection *> SyncSession::Private::connect()
{
    if (connection)
        return connection.get();
    auto server = store.profileValue(kServerKey);
    if (!server.good())
        return server.status();
    auto email = store.profileValue(kEmailKey);
    if (!email.good())
        return email.status();
    if (server->isEmpty())
        return Status(Status::Unauthenticated,
                      QStringLiteral("this profile has never signed in to a server; sign in "
                                     "first (pultctl login URL EMAIL)"));
    auto token = credentials.load(accountKey(QUrl(*server), *email));
    if (!token.good()) {
        if (token.status().code() == Status::NotFound)
            return Status(Status::Unauthenticated,
                          QStringLiteral("signed out of %1; sign in again (pultctl login %1 %2)")
                              .arg(*server, *email));
        return token.status();
    }
    connection = std::make_unique<ServerConnection>(QUrl(*server), *token);
    return connection.get();
}

Result<QHash<QUuid, QList<OutboxOp>>> SyncSession::Private::pendingByTicket()
{
    auto outbox = store.outbox();
    if (!outbox.good())
        return outbox.status();
    QHash<QUuid, QList<OutboxOp>> byTicket;
    for (const OutboxOp &op : std::as_const(*outbox)) {
        for (const QUuid &ticket : Op::ticketsOf(parseObject(op.payload)))
            byTicket[ticket].append(op);
    }
    return byTicket;
}

Result<std::optional<QByteArray>> SyncSession::Private::base(const QUuid &ticketId, bool *exists)
{
    auto stmt = db().prepare("SELECT snapshot FROM ticket_base WHERE id = ?1");
    if (!stmt.good())
        return stmt.status();
    Statement &s = **stmt;
    s.bind(1, uuidToBlob(ticketId));
    *exists = s.next();
    std::optional<QByteArray> snapshot;
    if (*exists && !s.isNull(0))
        snapshot = s.blob(0);
    Status status = s.status();
    s.reset();
    if (!status.good())
        return status;
    return snapshot;
}

Status SyncSession::Private::setBase(const QUuid &ticketId, const std::optional<Ticket> &ticket)
{
    return db().run("INSERT INTO ticket_base(id, snapshot) VALUES (?1, ?2) ON CONFLICT(id) DO "
                    "UPDATE SET snapshot = excluded.snapshot",
                    [&](Statement &s) {
                        s.bind(1, uuidToBlob(ticketId));
                        if (ticket)
                            s.bind(2, Wire::toJsonText(*ticket));
                        else
                            s.bindNull(2);
                    });
}

Status SyncSession::Private::dropBase(const QUuid &ticketId)
{
    return db().run("DELETE FROM ticket_base WHERE id = ?1",
                    [&](Statement &s) { s.bind(1, uuidToBlob(ticketId)); });
}

Status SyncSession::Private::putServerTicket(const Ticket &ticket)
{
    // The server knows nothing of "unread": it is this agent's, and stays as it was.
    return store.put(ticket, LocalStore::Unread::Keep);
}

Status SyncSession::Private::rebuild(const QUuid &ticketId, const QList<OutboxOp> &pending)
{
    bool exists = false;
    auto snapshot = base(ticketId, &exists);
    if (!snapshot.good())
        return snapshot.status();
    if (!exists)
        return {}; // no local work on it: the cache is the server's state
    if (*snapshot) {
        auto ticket = Wire::ticketFromJson(parseObject(**snapshot));
        if (!ticket.good())
            return ticket.status();
        if (Status s = putServerTicket(*ticket); !s.good())
            return s;
    } else if (Status s = store.removeTicket(ticketId); !s.good()) {
        return s;
    }
    auto agent = me();
    if (!agent.good())
        return agent.status();
    LocalOpApplier applier(store, *agent);
    for (const OutboxOp &op : pending) {
        // An op that no longer applies here (its ticket is gone) waits for the server's verdict.
        Status s = applier.apply(parseObject(op.payload), op.created);
        if (!s.good() && s.code() != Status::NotFound && s.code() != Status::Invalid)
            return s;
    }
    return {};
}

Status SyncSession::Private::applyChange(const QJsonObject &change,
                                         const QHash<QUuid, QList<OutboxOp>> &pending)
{
    const QString type = change.value(QLatin1String("type")).toString();
    const QJsonObject data = change.value(QLatin1String("data")).toObject();
    if (type == u"ticket") {
        auto ticket = Wire::ticketFromJson(data);
        if (!ticket.good())
            return ticket.status();
        const auto ops = pending.constFind(ticket->id);
        if (ops == pending.cend())
            return putServerTicket(*ticket);
        if (Status s = setBase(ticket->id, *ticket); !s.good())
            return s;
        return rebuild(ticket->id, *ops);
    }
    if (type == u"message") {
        return putParsed(store, Wire::messageFromJson(data));
    }
    if (type == u"history") {
        return putParsed(store, Wire::historyFromJson(data));
    }
    if (type == u"contact") {
        return putParsed(store, Wire::contactFromJson(data));
    }
    if (type == u"department") {
        if (data.value(QLatin1String("deleted")).toBool()) {
            auto removed = store.removeDepartment(Wire::uuidOf(data.value(QLatin1String("id"))));
            if (!removed.good())
                return removed.status();
            for (const QUuid &ticket : std::as_const(*removed)) {
                if (Status s = dropBase(ticket); !s.good())
                    return s;
            }
            return {};
        }
        return putParsed(store, Wire::departmentFromJson(data));
    }
    if (type == u"agent") {
        return putParsed(store, Wire::agentFromJson(data));
    }
    if (type == u"canned_response") {
        if (data.value(QLatin1String("deleted")).toBool())
            return store.removeCannedResponse(Wire::uuidOf(data.value(QLatin1String("id"))));
        return putParsed(store, Wire::cannedResponseFromJson(data));
    }
    if (type == u"shared_filter") {
        if (data.value(QLatin1String("deleted")).toBool())
            return store.removeSharedFilter(Wire::uuidOf(data.value(QLatin1String("id"))));
        return putParsed(store, Wire::sharedFilterFromJson(data));
    }
    if (type == u"notification") {
        auto notice = Wire::noticeFromJson(data);
        if (!notice.good())
            return notice.status();
        // A notice a day old when it arrives (a first sync, a long time offline) is history,
        // not news: it is listed, but not counted as unread.
        notice->read = notice->created.secsTo(QDateTime::currentDateTimeUtc()) > 86400;
        return store.put(*notice);
    }
    if (type == u"gone") {
        const QUuid id = Wire::uuidOf(change.value(QLatin1String("ticket_id")));
        if (Status s = dropBase(id); !s.good())
            return s;
        return store.removeTicket(id);
    }
    return {}; // a newer server's kind of change: nothing this client shows
}

Status SyncSession::Private::rollBack(const OutboxOp &op)
{
    const QJsonObject payload = parseObject(op.payload);
    if (Status s = store.dequeue(op.id); !s.good())
        return s;
    // The message it added goes, its tickets are rebuilt without it.
    if (op.kind == u"add_message") {
        const QUuid message = Wire::uuidOf(
            payload.value(QLatin1String("message")).toObject().value(QLatin1String("id")));
        if (Status r = store.removeMessage(message); !r.good())
            return r;
    }
    auto pending = pendingByTicket();
    if (!pending.good())
        return pending.status();
    for (const QUuid &ticket : Op::ticketsOf(payload)) {
        if (Status r = rebuild(ticket, pending->value(ticket)); !r.good())
            return r;
    }
    return {};
}

Status SyncSession::Private::reject(const OutboxOp &op, const QJsonObject &error,
                                    QList<Rejection> &rejected)
{
    const QJsonObject payload = parseObject(op.payload);
    const Rejection rejection{
        op.id,
        op.kind,
        Op::ticketsOf(payload).value(0),
        error.value(QLatin1String("code")).toString(QStringLiteral("rejected")),
        error.value(QLatin1String("message")).toString(),
        QDateTime::currentDateTimeUtc(),
        payload};
    Status s = db().run("INSERT OR REPLACE INTO rejections(op_id, kind, payload, code, message, "
                        "ticket_id, time_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        [&](Statement &st) {
                            st.bind(1, uuidToBlob(op.id)).bind(2, op.kind).bind(3, op.payload);
                            st.bind(4, rejection.code).bind(5, rejection.message);
                            st.bind(6, uuidToBlob(rejection.ticketId));
                            st.bind(7, rejection.time.toMSecsSinceEpoch());
                        });
    if (!s.good())
        return s;
    rejected.append(rejection);
    if (Status r = rollBack(op); !r.good())
        return r;
    return refuseDependents(op, QStringLiteral("refused: %1").arg(rejection.message), rejected);
}

Status SyncSession::Private::rejectAlone(const OutboxOp &op, const QString &code,
                                         const QString &message, QList<Rejection> &rejected)
{
    LocalStore::WriteBatch tx(store);
    if (!tx.status().good())
        return tx.status();
    if (Status s = reject(op, errorObject(code, message), rejected); !s.good())
        return s;
    return tx.commit();
}

Status SyncSession::Private::refuseDependents(const OutboxOp &op, const QString &why,
                                              QList<Rejection> &rejected)
{
    if (op.kind != u"create_ticket")
        return {};
    const QUuid ticket = Op::ticketsOf(parseObject(op.payload)).value(0);
    auto pending = pendingByTicket();
    if (!pending.good())
        return pending.status();
    const QString message =
        QStringLiteral("the new ticket it belongs to was never created (change %1 %2)")
            .arg(uuidToString(op.id), why);
    for (const OutboxOp &dependent : pending->value(ticket)) {
        if (Status s = reject(dependent, errorObject(QStringLiteral("depends_on_refused"), message),
                              rejected);
            !s.good())
            return s;
    }
    return {};
}

Status SyncSession::Private::convertInlineAttachments(QList<Rejection> &rejected)
{
    auto outbox = store.outbox();
    if (!outbox.good())
        return outbox.status();
    for (const OutboxOp &op : std::as_const(*outbox)) {
        if (op.kind != u"add_message" || !op.payload.contains("\"content\""))
            continue;
        QJsonObject payload = parseObject(op.payload);
        QJsonObject message = payload.value(QLatin1String("message")).toObject();
        QJsonArray files = message.value(QLatin1String("attachments")).toArray();
        bool changed = false;
        Status failed;
        for (qsizetype i = 0; i < files.size() && failed.good(); ++i) {
            const QJsonObject inline_ = files.at(i).toObject();
            if (!inline_.contains(QLatin1String("content")))
                continue;
            const auto decoded = QByteArray::fromBase64Encoding(
                inline_.value(QLatin1String("content")).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                failed = Status(Status::Invalid,
                                QStringLiteral("the attachment %1 of this change cannot be read "
                                               "(it was queued by an earlier version of Pult)")
                                    .arg(inline_.value(QLatin1String("name")).toString()));
                break;
            }
            auto hash = cache().addBytes(decoded.decoded);
            if (!hash.good())
                return hash.status();
            files.replace(
                i, QJsonObject{{QStringLiteral("hash"), QString::fromLatin1(*hash)},
                               {QStringLiteral("name"), inline_.value(QLatin1String("name"))},
                               {QStringLiteral("type"), inline_.value(QLatin1String("type"))},
                               {QStringLiteral("size"), qint64(decoded.decoded.size())}});
            changed = true;
        }
        LocalStore::WriteBatch tx(store);
        if (!tx.status().good())
            return tx.status();
        if (!failed.good()) {
            if (Status s =
                    reject(op, errorObject(QStringLiteral("invalid_attachment"), failed.message()),
                           rejected);
                !s.good())
                return s;
        } else if (changed) {
            message.insert(QStringLiteral("attachments"), files);
            payload.insert(QStringLiteral("message"), message);
            if (Status s = db().run("UPDATE outbox SET payload = ?1 WHERE op_id = ?2",
                                    [&](Statement &st) {
                                        st.bind(1, compact(payload));
                                        st.bind(2, uuidToBlob(op.id));
                                    });
                !s.good())
                return s;
        }
        if (Status s = tx.commit(); !s.good())
            return s;
    }
    return {};
}

Status SyncSession::Private::uploadAttachments(ServerConnection &connection, const OutboxOp &op,
                                               QString &errorCode)
{
    if (op.kind != u"add_message")
        return {};
    for (const QJsonValue &v : attachmentsOf(parseObject(op.payload))) {
        const QJsonObject a = v.toObject();
        if (Status s = upload(connection, a.value(QLatin1String("hash")).toString().toLatin1(),
                              a.value(QLatin1String("size")).toInteger(),
                              a.value(QLatin1String("name")).toString(), errorCode);
            !s.good())
            return s;
    }
    return {};
}

Status SyncSession::Private::upload(ServerConnection &connection, const QByteArray &hash,
                                    qint64 size, const QString &name, QString &errorCode)
{
    if (uploaded.contains(hash))
        return {};
    const QString uploadPath = u"/api/v1/uploads/" + QString::fromLatin1(hash);
    QFile file(cache().path(hash));
    if (!AttachmentCache::isHash(hash) || !file.open(QIODevice::ReadOnly) || file.size() != size) {
        errorCode = QStringLiteral("attachment_missing");
        return Status(Status::Invalid,
                      QStringLiteral("the attached file %1 is no longer in this profile's "
                                     "attachment cache (%2), so it cannot be sent")
                          .arg(name, QDir::toNativeSeparators(cache().directory())));
    }
    // Ask first: content the server holds costs no transfer, a part it holds is not sent again.
    // An offset that moved meanwhile, or an earlier upload the server has not yet seen end (its
    // connection was cut), is asked for again a moment later.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (attempt > 0)
            QThread::msleep(100 * attempt);
        auto state = connection.get(uploadPath);
        if (!state.good()) {
            errorCode = connection.lastErrorCode();
            return state.status();
        }
        if (state->value(QLatin1String("complete")).toBool()) {
            uploaded.insert(hash);
            return {};
        }
        const qint64 offset = state->value(QLatin1String("offset")).toInteger();
        if (offset < 0 || offset > size || !file.seek(offset))
            return Status(Status::Internal,
                          QStringLiteral("the server holds %1 bytes of %2, which has %3")
                              .arg(offset)
                              .arg(name)
                              .arg(size));
        auto answer = connection.put(
            QStringLiteral("%1?offset=%2&size=%3").arg(uploadPath).arg(offset).arg(size), file,
            size - offset, [&](qint64 done, qint64) {
                if (transferProgress)
                    transferProgress(name, offset + done, size);
            });
        if (answer.good() && answer->value(QLatin1String("complete")).toBool()) {
            uploaded.insert(hash);
            return {};
        }
        const QString code = connection.lastErrorCode();
        if (!answer.good() && code != u"offset_mismatch" && code != u"upload_in_progress") {
            errorCode = code;
            return answer.status();
        }
    }
    return Status(
        Status::Unreachable,
        QStringLiteral("the upload of %1 did not finish; it goes on with the next sync").arg(name));
}

SyncSession::SyncSession(LocalStore &store, const QString &home)
    : d(std::make_unique<Private>(store, home))
{}

SyncSession::~SyncSession() = default;

Result<SyncSession::Account> SyncSession::account()
{
    Account account;
    auto server = d->store.profileValue(kServerKey);
    if (!server.good())
        return server.status();
    auto email = d->store.profileValue(kEmailKey);
    if (!email.good())
        return email.status();
    auto agent = d->store.currentAgent();
    if (!agent.good())
        return agent.status();
    account.server = QUrl(*server);
    account.email = *email;
    account.agentId = *agent;
    if (!server->isEmpty()) {
        auto token = d->credentials.load(accountKey(account.server, account.email));
        if (!token.good() && token.status().code() != Status::NotFound)
            return token.status();
        account.signedIn = token.good();
    }
    return account;
}

Result<Agent> SyncSession::login(const QString &server, const QString &email,
                                 const QString &password)
{
    auto url = ServerConnection::parseServerUrl(server);
    if (!url.good())
        return url.status();
    auto before = account();
    if (!before.good())
        return before.status();
    ServerConnection connection(*url);
    auto answer = connection.post(
        QStringLiteral("/api/v1/login"),
        {{QStringLiteral("email"), email.trimmed()}, {QStringLiteral("password"), password}});
    if (!answer.good())
        return answer.status();
    auto agent = Wire::agentFromJson(answer->value(QLatin1String("agent")).toObject());
    if (!agent.good())
        return agent.status();
    // One profile, one account: the cache and the outbox belong to who made them.
    const bool sameAccount = before->server == *url && before->agentId == agent->id;
    if (!sameAccount) {
        auto tickets = d->store.ticketCount();
        if (!tickets.good())
            return tickets.status();
        auto pending = d->store.outbox();
        if (!pending.good())
            return pending.status();
        if (*tickets > 0 || !pending->isEmpty() || !before->server.isEmpty()) {
            const QString owner = before->server.isEmpty()
                                      ? QStringLiteral("local data")
                                      : QStringLiteral("the data of %1 on %2")
                                            .arg(before->email, before->server.toString());
            connection.setToken(answer->value(QLatin1String("token")).toString().toLatin1());
            // The token is not kept, so a failed logout only leaves it to expire on the server.
            (void)connection.post(QStringLiteral("/api/v1/logout"), {});
            return Status(Status::Invalid,
                          QStringLiteral("%1 holds %2; sign in with another home directory "
                                         "(--home DIR)")
                              .arg(QDir::toNativeSeparators(d->home), owner));
        }
    }
    const QByteArray token = answer->value(QLatin1String("token")).toString().toLatin1();
    if (Status s = d->credentials.store(accountKey(*url, agent->email), token); !s.good())
        return s;
    d->notice = d->credentials.notice();
    LocalStore::WriteBatch batch(d->store);
    const qint64 limit = answer->value(QLatin1String("limits"))
                             .toObject()
                             .value(QLatin1String("attachment_bytes"))
                             .toInteger();
    for (Status s : {d->store.setProfileValue(kServerKey, url->toString()),
                     d->store.setProfileValue(kEmailKey, agent->email),
                     d->store.setProfileValue(kAttachmentLimitKey, QString::number(limit)),
                     d->store.setCurrentAgent(agent->id), d->store.put(*agent)}) {
        if (!s.good())
            return s;
    }
    if (Status s = batch.commit(); !s.good())
        return s;
    d->connection.reset();
    if (Status s = refreshReference(); !s.good())
        return s;
    return *agent;
}

QString SyncSession::credentialNotice() const
{
    return d->notice;
}

Status SyncSession::logout()
{
    auto current = account();
    if (!current.good())
        return current.status();
    if (!current->signedIn)
        return Status(Status::Unauthenticated, QStringLiteral("not signed in"));
    auto connection = d->connect();
    Status revoked;
    if (connection.good()) {
        auto answer = (*connection)->post(QStringLiteral("/api/v1/logout"), {});
        // An expired or revoked token is signed out already.
        if (!answer.good() && answer.status().code() != Status::Unauthenticated)
            revoked = answer.status();
    }
    d->connection.reset();
    if (Status s = d->credentials.forget(accountKey(current->server, current->email)); !s.good())
        return s;
    if (!revoked.good())
        return Status(revoked.code(),
                      QStringLiteral("signed out here, but the server could not revoke the token "
                                     "(%1); it expires by itself")
                          .arg(revoked.message()));
    return {};
}

Result<QUuid> SyncSession::submit(QJsonObject op)
{
    auto agent = d->me();
    if (!agent.good())
        return agent.status();
    const QUuid id = d->ids.next();
    op.insert(QStringLiteral("id"), uuidToString(id));
    const QString type = op.value(QLatin1String("type")).toString();
    // A new requester gets the client's id, so the cache and the server agree on it.
    if (type == u"create_ticket") {
        QJsonObject ticket = op.value(QLatin1String("ticket")).toObject();
        QJsonObject requester = ticket.value(QLatin1String("requester")).toObject();
        if (!requester.isEmpty() && !requester.contains(QLatin1String("id"))) {
            requester.insert(QStringLiteral("id"), uuidToString(d->ids.next()));
            ticket.insert(QStringLiteral("requester"), requester);
            op.insert(QStringLiteral("ticket"), ticket);
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    LocalStore::WriteBatch batch(d->store);
    if (!batch.status().good())
        return batch.status();
    for (const QUuid &ticketId : Op::ticketsOf(op)) {
        bool exists = false;
        auto base = d->base(ticketId, &exists);
        if (!base.good())
            return base.status();
        if (exists)
            continue;
        auto current = d->store.ticket(ticketId);
        if (!current.good() && current.status().code() != Status::NotFound)
            return current.status();
        if (!current.good() && type != u"create_ticket")
            return Status(Status::NotFound, current.status().message());
        if (Status s = d->setBase(ticketId, current.good() ? std::optional(*current)
                                                           : std::optional<Ticket>());
            !s.good())
            return s;
    }
    LocalOpApplier applier(d->store, *agent);
    if (Status s = applier.apply(op, now); !s.good())
        return s;
    if (Status s = d->store.enqueue({id, now, type, compact(op)}); !s.good())
        return s;
    if (Status s = batch.commit(); !s.good())
        return s;
    return id;
}

Result<SyncSession::PushResult> SyncSession::push()
{
    PushResult result;
    auto connection = d->connect();
    if (!connection.good())
        return connection.status();
    if (Status s = d->convertInlineAttachments(result.rejected); !s.good())
        return s;
    d->uploaded.clear(); // unreferenced uploads expire on the server: ask again each push
    int batchSize = kPushBatch;
    for (;;) {
        auto outbox = d->store.outbox();
        if (!outbox.good())
            return outbox.status();
        if (outbox->isEmpty())
            return result;
        QList<OutboxOp> batch = outbox->mid(0, batchSize);
        // Attachments go first. One refused for good refuses its op; one that cannot go now
        // (network) lets the ops before it go and stops the push there.
        Status waiting;
        bool refused = false;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            QString code;
            Status s = d->uploadAttachments(**connection, batch.at(i), code);
            if (s.good())
                continue;
            if (!permanent(s)) {
                waiting = s;
                batch = batch.mid(0, i);
                break;
            }
            if (Status r = d->rejectAlone(batch.at(i),
                                          code.isEmpty() ? QStringLiteral("upload_refused") : code,
                                          s.message(), result.rejected);
                !r.good())
                return r;
            refused = true;
            break;
        }
        if (refused)
            continue;
        if (batch.isEmpty())
            return waiting;
        QJsonArray ops;
        for (const OutboxOp &op : std::as_const(batch))
            ops.append(parseObject(op.payload));
        auto answer =
            (*connection)->post(QStringLiteral("/api/v1/ops"), {{QStringLiteral("ops"), ops}});
        if (!answer.good()) {
            if (!permanent(answer.status()))
                return answer.status();
            if (batch.size() > 1) { // which op? one at a time until the refused one is found
                batchSize = 1;
                continue;
            }
            const QString code = (*connection)->lastErrorCode();
            if (Status r =
                    d->rejectAlone(batch.first(), code.isEmpty() ? QStringLiteral("refused") : code,
                                   answer.status().message(), result.rejected);
                !r.good())
                return r;
            batchSize = kPushBatch;
            continue;
        }
        QHash<QString, QJsonObject> answers;
        for (const QJsonValue &v : answer->value(QLatin1String("results")).toArray()) {
            const QJsonObject r = v.toObject();
            answers.insert(r.value(QLatin1String("op_id")).toString(), r);
        }
        LocalStore::WriteBatch tx(d->store);
        if (!tx.status().good())
            return tx.status();
        int answered = 0;
        QSet<QUuid> refusedHere; // dependents refused along with an op of this batch
        for (const OutboxOp &op : std::as_const(batch)) {
            const auto it = answers.constFind(uuidToString(op.id));
            if (it == answers.cend())
                continue; // not answered: stays, and goes again
            ++answered;
            if (refusedHere.contains(op.id))
                continue;
            if (it->value(QLatin1String("status")).toString() == u"applied") {
                if (Status s = d->store.dequeue(op.id); !s.good())
                    return s;
                ++result.applied;
                continue;
            }
            const qsizetype before = result.rejected.size();
            if (Status s =
                    d->reject(op, it->value(QLatin1String("error")).toObject(), result.rejected);
                !s.good())
                return s;
            for (qsizetype i = before; i < result.rejected.size(); ++i)
                refusedHere.insert(result.rejected.at(i).opId);
        }
        if (Status s = tx.commit(); !s.good())
            return s;
        if (answered == 0)
            return Status(
                Status::Internal,
                QStringLiteral("the server answered none of %1 operations").arg(batch.size()));
        if (!waiting.good())
            return waiting;
    }
}

Result<SyncSession::PullResult> SyncSession::pull(const Progress &progress)
{
    PullResult result;
    auto connection = d->connect();
    if (!connection.good())
        return connection.status();
    auto since = revision();
    if (!since.good())
        return since.status();
    result.revision = *since;
    // A long pull checkpoints the write-ahead log every 40 MB instead of every 4 MB: each
    // checkpoint syncs the disk, and pages written again and again (index interiors, search
    // segments) are copied back once per checkpoint, not once per 4 MB.
    struct CheckpointSpacing
    {
        LocalStore &store;
        // Housekeeping both ways: a setting that did not take costs speed, never data.
        ~CheckpointSpacing() { (void)store.setAutoCheckpoint(1000); }
    } spacing{d->store};
    (void)d->store.setAutoCheckpoint(10'000);
    // From the start (a new or rebuilt cache): what the feed carries only when it changes.
    if (*since == 0) {
        if (Status s = refreshReference(); !s.good())
            return s;
    }
    for (;;) {
        auto page = (*connection)->get(changesPath(result.revision));
        if (!page.good())
            return page.status();
        const QJsonArray changes = page->value(QLatin1String("changes")).toArray();
        const qint64 next = page->value(QLatin1String("next")).toInteger(result.revision);
        const bool more = page->value(QLatin1String("more")).toBool();
        if (more)
            (*connection)->prefetch(changesPath(next));
        LocalStore::WriteBatch tx(d->store);
        if (!tx.status().good())
            return tx.status();
        auto pending = d->pendingByTicket();
        if (!pending.good())
            return pending.status();
        static const QStringList kSelecting{QStringLiteral("ticket"),     QStringLiteral("message"),
                                            QStringLiteral("contact"),    QStringLiteral("gone"),
                                            QStringLiteral("department"), QStringLiteral("agent")};
        for (const QJsonValue &change : changes) {
            const QJsonObject object = change.toObject();
            if (Status s = d->applyChange(object, *pending); !s.good())
                return s;
            if (kSelecting.contains(object.value(QLatin1String("type")).toString()))
                ++result.ticketChanges;
        }
        if (Status s = d->store.setProfileValue(kRevisionKey, QString::number(next)); !s.good())
            return s;
        if (Status s = tx.commit(); !s.good())
            return s;
        if (Status s = d->fetchMissingRequesters(**connection, changes); !s.good())
            return s;
        result.revision = next;
        result.changes += int(changes.size());
        if (progress)
            progress(next, page->value(QLatin1String("head")).toInteger(next));
        if (!more)
            break;
    }
    // Invariant 6: what the answered ops changed has arrived; their bases are not needed.
    LocalStore::WriteBatch tx(d->store);
    if (!tx.status().good())
        return tx.status();
    auto pending = d->pendingByTicket();
    if (!pending.good())
        return pending.status();
    QList<QUuid> bases;
    auto stmt = d->db().prepare("SELECT id FROM ticket_base");
    if (!stmt.good())
        return stmt.status();
    while ((*stmt)->next())
        bases.append(uuidFromBlob((*stmt)->blob(0)));
    (*stmt)->reset();
    for (const QUuid &id : std::as_const(bases)) {
        if (pending->contains(id))
            continue;
        if (Status s = d->dropBase(id); !s.good())
            return s;
    }
    if (Status s = tx.commit(); !s.good())
        return s;
    // What the pull (and local work since the last one) added to the search indexes is merged
    // here, off the window's thread (LocalStore::setSearchAutomerge), in short steps the window's
    // writes interleave with, until no level has enough segments to merge: leftovers would pile
    // up until some later local write paid for SQLite's forced merge (16 segments on a level).
    // The step bound only guards against a merge that never settles.
    if (auto merged = d->store.mergeSearchIndexes(200, 100'000); !merged.good())
        return merged.status();
    return result;
}

Status SyncSession::refreshReference()
{
    auto connection = d->connect();
    if (!connection.good())
        return connection.status();
    const auto fetch = [&](const char *path) { return (*connection)->get(QLatin1String(path)); };
    auto me = fetch("/api/v1/me");
    if (!me.good())
        return me.status();
    auto departments = fetch("/api/v1/departments");
    if (!departments.good())
        return departments.status();
    auto agents = fetch("/api/v1/agents");
    if (!agents.good())
        return agents.status();
    auto canned = fetch("/api/v1/canned-responses");
    if (!canned.good())
        return canned.status();
    // The whole list: filters unshared while this client was away, or of a department the agent
    // left, go.
    auto shared = fetch("/api/v1/shared-filters");
    if (!shared.good())
        return shared.status();
    auto limits = fetch("/api/v1/limits");
    if (!limits.good())
        return limits.status();
    QList<SharedFilter> sharedFilters;
    for (const QJsonValue &v : shared->value(QLatin1String("shared_filters")).toArray()) {
        auto filter = Wire::sharedFilterFromJson(v.toObject());
        if (!filter.good())
            return filter.status();
        sharedFilters.append(*filter);
    }
    LocalStore::WriteBatch tx(d->store);
    if (!tx.status().good())
        return tx.status();
    QJsonArray agentList = agents->value(QLatin1String("agents")).toArray();
    agentList.append(*me);
    for (Status s :
         {putAll(d->store, departments->value(QLatin1String("departments")).toArray(),
                 Wire::departmentFromJson),
          putAll(d->store, agentList, Wire::agentFromJson),
          putAll(d->store, canned->value(QLatin1String("canned_responses")).toArray(),
                 Wire::cannedResponseFromJson),
          d->store.replaceSharedFilters(sharedFilters),
          d->store.setProfileValue(
              kAttachmentLimitKey,
              QString::number(limits->value(QLatin1String("attachment_bytes")).toInteger()))}) {
        if (!s.good())
            return s;
    }
    return tx.commit();
}

Result<QUrl> SyncSession::server()
{
    auto server = d->store.profileValue(kServerKey);
    if (!server.good())
        return server.status();
    return QUrl(*server);
}

Result<QNetworkRequest> SyncSession::streamRequest()
{
    auto account = this->account();
    if (!account.good())
        return account.status();
    auto token = d->credentials.load(accountKey(account->server, account->email));
    if (!token.good())
        return token.status().code() == Status::NotFound
                   ? Status(Status::Unauthenticated, QStringLiteral("signed out"))
                   : token.status();
    QNetworkRequest request(ServerConnection::streamUrl(account->server));
    request.setRawHeader("Authorization", "Bearer " + *token);
    return request;
}

Result<qint64> SyncSession::revision()
{
    auto value = d->store.profileValue(kRevisionKey);
    if (!value.good())
        return value.status();
    return value->toLongLong();
}

Result<int> SyncSession::pendingCount()
{
    auto stmt = d->db().prepare("SELECT count(*) FROM outbox");
    if (!stmt.good())
        return stmt.status();
    const int count = (*stmt)->next() ? int((*stmt)->int64(0)) : 0;
    Status status = (*stmt)->status();
    (*stmt)->reset();
    if (!status.good())
        return status;
    return count;
}

Result<QList<Rejection>> SyncSession::rejections()
{
    auto stmt = d->db().prepare("SELECT op_id, kind, payload, code, message, ticket_id, time_ms "
                                "FROM rejections ORDER BY seq");
    if (!stmt.good())
        return stmt.status();
    Statement &s = **stmt;
    QList<Rejection> list;
    while (s.next()) {
        list.append({uuidFromBlob(s.blob(0)), s.text(1), uuidFromBlob(s.blob(5)), s.text(3),
                     s.text(4), QDateTime::fromMSecsSinceEpoch(s.int64(6), Qt::UTC),
                     parseObject(s.blob(2))});
    }
    Status status = s.status();
    s.reset();
    if (!status.good())
        return status;
    return list;
}

Result<QString> SyncSession::attachmentFile(const QByteArray &hash)
{
    if (!AttachmentCache::isHash(hash))
        return Status(Status::Invalid, QStringLiteral("an attachment is named by its SHA-256"));
    const AttachmentCache cache = d->cache();
    if (cache.contains(hash))
        return cache.path(hash);
    auto connection = d->connect();
    if (!connection.good())
        return connection.status();
    AttachmentCache::Writer writer(cache, hash);
    if (Status s = writer.open(); !s.good())
        return s;
    const QString name = QString::fromLatin1(hash.left(12));
    if (Status s = (*connection)
                       ->download(
                           u"/api/v1/attachments/" + QString::fromLatin1(hash),
                           [&](const char *data, qint64 size) { return writer.write(data, size); },
                           [&](qint64 done, qint64 total) {
                               if (d->transferProgress)
                                   d->transferProgress(name, done, total);
                           });
        !s.good())
        return s;
    if (Status s = writer.commit(); !s.good())
        return s.code() == Status::Invalid
                   ? Status(Status::Invalid, QStringLiteral("the server sent other content for %1")
                                                 .arg(QString::fromLatin1(hash)))
                   : s;
    return cache.path(hash);
}

Result<QJsonObject> SyncSession::fetch(const QString &path)
{
    auto connection = d->connect();
    if (!connection.good())
        return connection.status();
    return (*connection)->get(path);
}

Result<QJsonObject> SyncSession::applyNow(QJsonObject op)
{
    auto connection = d->connect();
    if (!connection.good())
        return connection.status();
    op.insert(QStringLiteral("id"), uuidToString(d->ids.next()));
    auto answer = (*connection)
                      ->post(QStringLiteral("/api/v1/ops"),
                             QJsonObject{{QStringLiteral("ops"), QJsonArray{op}}});
    if (!answer.good())
        return answer.status();
    const QJsonArray results = answer->value(QLatin1String("results")).toArray();
    if (results.size() != 1)
        return Status(Status::Invalid, QStringLiteral("the server answered no result"));
    return results.first().toObject();
}

Status SyncSession::exportContact(const QUuid &contactId, const QString &target)
{
    auto connection = d->connect();
    if (!connection.good())
        return connection.status();
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return Status(Status::IoError,
                      QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
    const QString name = QFileInfo(target).fileName();
    if (Status s =
            (*connection)
                ->download(
                    u"/api/v1/contacts/" + uuidToString(contactId) + u"/export",
                    [&](const char *data, qint64 size) { return file.write(data, size) == size; },
                    [&](qint64 done, qint64 total) {
                        if (d->transferProgress)
                            d->transferProgress(name, done, total);
                    });
        !s.good()) {
        file.cancelWriting();
        return s;
    }
    if (!file.commit())
        return Status(Status::IoError,
                      QStringLiteral("cannot write %1: %2").arg(target, file.errorString()));
    return {};
}

Result<CachedFile> SyncSession::attach(const QString &path)
{
    auto limit = attachmentLimit();
    if (!limit.good())
        return limit.status();
    return d->cache().add(path, *limit);
}

Result<qint64> SyncSession::attachmentLimit()
{
    auto value = d->store.profileValue(kAttachmentLimitKey);
    if (!value.good())
        return value.status();
    return value->toLongLong();
}

void SyncSession::setTransferProgress(TransferProgress progress)
{
    d->transferProgress = std::move(progress);
}

Status SyncSession::discard(const QUuid &opId)
{
    auto outbox = d->store.outbox();
    if (!outbox.good())
        return outbox.status();
    LocalStore::WriteBatch tx(d->store);
    if (!tx.status().good())
        return tx.status();
    for (const OutboxOp &op : std::as_const(*outbox)) {
        if (op.id != opId)
            continue;
        QList<Rejection> dependents;
        if (Status s = d->rollBack(op); !s.good())
            return s;
        if (Status s = d->refuseDependents(op, QStringLiteral("was discarded"), dependents);
            !s.good())
            return s;
        return tx.commit();
    }
    auto removed = d->db().prepare("DELETE FROM rejections WHERE op_id = ?1 RETURNING op_id");
    if (!removed.good())
        return removed.status();
    (*removed)->bind(1, uuidToBlob(opId));
    const bool found = (*removed)->next();
    Status status = (*removed)->status();
    (*removed)->reset();
    if (!status.good())
        return status;
    if (!found)
        return Status(Status::NotFound, QStringLiteral("no waiting or refused change %1 (see "
                                                       "pultctl outbox and pultctl rejections)")
                                            .arg(uuidToString(opId)));
    return tx.commit();
}

Result<QUuid> SyncSession::retry(const QUuid &opId)
{
    auto outbox = d->store.outbox();
    if (!outbox.good())
        return outbox.status();
    for (const OutboxOp &op : std::as_const(*outbox)) {
        if (op.id == opId)
            return opId; // waiting already: it goes with the next push
    }
    auto list = rejections();
    if (!list.good())
        return list.status();
    for (const Rejection &r : std::as_const(*list)) {
        if (r.opId != opId)
            continue;
        // A new op with the same content: the server remembers its verdict on the old id.
        QJsonObject op = r.op;
        op.remove(QStringLiteral("id"));
        auto id = submit(op);
        if (!id.good())
            return Status(id.status().code(), QStringLiteral("cannot apply change %1 again: %2")
                                                  .arg(uuidToString(opId), id.status().message()));
        if (Status s = d->db().run("DELETE FROM rejections WHERE op_id = ?1",
                                   [&](Statement &st) { st.bind(1, uuidToBlob(opId)); });
            !s.good())
            return s;
        return *id;
    }
    return Status(Status::NotFound, QStringLiteral("no waiting or refused change %1 (see pultctl "
                                                   "outbox and pultctl rejections)")
                                        .arg(uuidToString(opId)));
}

} // namespace Pult
