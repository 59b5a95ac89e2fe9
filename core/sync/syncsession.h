#pragma once

// One signed-in local profile talking to pultd: sign-in, local work queued in the outbox, the
// outbox pushed, the change feed pulled. Everything here is blocking and belongs to one thread
// with its own LocalStore connection: SyncEngine runs it on a thread of its own for the desktop
// client, pultctl runs it directly. The invariants are written down in syncsession.cpp.

#include "domain.h"
#include "status.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrl>

#include <functional>
#include <memory>

namespace Pult {

class LocalStore;
struct CachedFile;

// An operation the server refused, kept for the user to read.
struct Rejection
{
    QUuid opId;
    QString type;
    QUuid ticketId; // null when the op is not about a ticket
    QString code;   // the server's stable code, e.g. "already_taken"
    QString message;
    QDateTime time;
    QJsonObject op;
};

class SyncSession
{
public:
    // store: this thread's connection to the profile's local store; home: the profile directory
    // (credentials and cached attachments live there).
    SyncSession(LocalStore &store, const QString &home);
    ~SyncSession();
    SyncSession(const SyncSession &) = delete;
    SyncSession &operator=(const SyncSession &) = delete;

    struct Account
    {
        QUrl server; // empty when the profile never signed in
        QString email;
        QUuid agentId;
        bool signedIn = false; // a token is stored
    };
    Result<Account> account();
    // The server this profile signed in to (empty if never), from the store alone: unlike
    // account() it never asks the keychain, so it may be called on a UI thread.
    Result<QUrl> server();

    // Signs in: the token goes to the keychain (or the 0600 file, see credentials.h), the agent
    // and the reference data (departments, agents, canned responses) to the store. A profile
    // that holds another account's data refuses (choose another home).
    Result<Agent> login(const QString &server, const QString &email, const QString &password);
    // Set after login() when the token went to the file instead of a keychain, once per home.
    QString credentialNotice() const;
    // Revokes the token on the server (when reachable) and forgets it here. The cache and the
    // outbox stay, for the next sign-in.
    Status logout();

    // Local work: gives the op a fresh id, applies it to the cache and queues it, in one
    // transaction. Returns the op id. Needs no network.
    Result<QUuid> submit(QJsonObject op);

    struct PushResult
    {
        int applied = 0;
        QList<Rejection> rejected;
    };
    // Uploads the attachments of the ops about to go, then sends the outbox in order, in
    // batches; answered ops leave it, refused ones (by the server's verdict or a permanent HTTP
    // answer) are rolled back in the cache and kept as rejections, and the next ones go. Stops
    // at the first transient failure (Unreachable), keeping what was not answered, in order, for
    // the next try.
    Result<PushResult> push();

    struct PullResult
    {
        qint64 revision = 0;
        int changes = 0;
        // Of those, the changes that can alter what a filter or view selects: tickets, their
        // messages and requesters, tickets gone, and the departments and agents filters name.
        int ticketChanges = 0;
    };
    using Progress = std::function<void(qint64 revision, qint64 head)>;
    // Pulls the change feed up to the server's newest revision, a page per transaction, so a
    // killed pull resumes where it stopped.
    Result<PullResult> pull(const Progress &progress = {});
    // The signed-in agent, departments, agents and canned responses, read whole.
    Status refreshReference();

    // The WebSocket request for the revision stream (GET /api/v1/stream) with the token.
    Result<QNetworkRequest> streamRequest();

    Result<qint64> revision();
    Result<int> pendingCount();
    Result<QList<Rejection>> rejections();
    // An attachment by its SHA-256 (hex): the path of its file in the profile's attachment
    // cache, downloaded (streamed to disk and checked against the hash) when not there yet.
    Result<QString> attachmentFile(const QByteArray &hash);
    // Everything the server holds about a contact (GET /api/v1/contacts/{id}/export: admins
    // only), saved as the zip file `target`, replaced only once the whole download arrived.
    Status exportContact(const QUuid &contactId, const QString &target);
    // For settings that need the server's answer at once (pultctl rule), not the outbox:
    // GET path (with its query), and one op sent now (given a fresh id), answering its result
    // ({"status": "applied" | "rejected", "error": {code, message}}).
    Result<QJsonObject> fetch(const QString &path);
    Result<QJsonObject> applyNow(QJsonObject op);
    // Copies a file the agent attaches into the attachment cache, for an add_message op
    // (Op::addMessage). A file over the server's limit is refused here, before anything is
    // queued, the limit said in words.
    Result<CachedFile> attach(const QString &path);
    // The largest attachment the server takes, in bytes, as it said at sign-in and at each
    // reference refresh (0: not known yet).
    Result<qint64> attachmentLimit();
    // Called as uploads and downloads make progress (on this session's thread).
    using TransferProgress = std::function<void(const QString &name, qint64 done, qint64 total)>;
    void setTransferProgress(TransferProgress progress);

    // A waiting change (in the outbox) leaves it and is undone in the cache; a refused one is
    // forgotten. Changes on a ticket that the discarded change would have created are refused.
    Status discard(const QUuid &opId);
    // A refused change is made again (a new op with the same content, applied to the cache and
    // queued); returns its new id. A waiting one stays as it is (it goes with the next push).
    Result<QUuid> retry(const QUuid &opId);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
