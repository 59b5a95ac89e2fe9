#pragma once

// Receiving mail (issue 17, docs/email.md): one thread per department mailbox fetches new mail
// over IMAP, has pult-mailparse parse it, and hands it to the store, which makes it a ticket or a
// message (ServerStore::ingestMail). MailService keeps one MailFetcher per mailbox in the
// database, and notices mailboxes added or removed while pultd runs.
//
// Exactly once: a mail is committed (with its key: mailbox, UIDVALIDITY, UID) before it is
// flagged, moved or deleted on the server, and the next UID to fetch is stored after that. A
// crash at any point refetches at most the mail under way, whose key (or Message-ID) the store
// knows: the refetch only repeats the "after" action.

#include "mailboxes.h"
#include "mailparser.h"
#include "serverstore.h"
#include "status.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

namespace Pult {

struct MailFetcherConfig
{
    std::filesystem::path dataDirectory; // parsed mail is made in DATA/mail-tmp
    MailParserConfig parser;
    // Without IDLE: how often the folder is looked at.
    std::chrono::milliseconds pollInterval = std::chrono::seconds(60);
    // With IDLE: how long one IDLE lasts before it is renewed (servers end them at 30 minutes).
    std::chrono::milliseconds idleRenewal = std::chrono::minutes(29);
    // The first delay before a reconnection; it doubles up to five minutes.
    std::chrono::milliseconds firstRetry = std::chrono::seconds(1);
    // How often MailService looks for mailboxes added or removed.
    std::chrono::milliseconds rescanInterval = std::chrono::seconds(30);
    QString caFile; // PEM certificates to trust besides the system's
    // Announces a committed revision to syncing clients (Server::publishRevision).
    std::function<void(std::int64_t)> publish;
};

// What a mailbox is doing, for /metrics and GET /api/v1/mailboxes.
struct MailboxStatus
{
    QString address;
    QString department;
    bool connected = false;       // signed in, folder open
    bool idle = false;            // waiting in IDLE (else polling, or not connected)
    std::int64_t lastFetchMs = 0; // when the folder was last looked at; 0: never
    QString lastError;            // the last failure, empty after a session works again
    std::int64_t ingested = 0;    // mails this process made tickets or messages of
    std::int64_t quarantined = 0; // mails in quarantine now (MailService::statuses())
};

class MailFetcher
{
public:
    // ownAddresses: every mailbox's address (mail carrying one in X-Pult-Loop came from pultd).
    MailFetcher(ServerStore &store, MailboxSettings settings, MailboxSecrets secrets,
                QStringList ownAddresses, MailFetcherConfig config);
    ~MailFetcher(); // stops and joins the thread
    MailFetcher(const MailFetcher &) = delete;
    MailFetcher &operator=(const MailFetcher &) = delete;

    void start();
    // Ends an IDLE or a wait at once; a mail under way is finished first.
    void stop();
    MailboxStatus status() const;
    const MailboxSettings &settings() const;
    // Parses and commits a mail of this mailbox again (one from quarantine): what became of it,
    // or Invalid with the reason when it still cannot be a ticket (it stays in quarantine).
    Result<ServerStore::Ingested> reprocess(const QUuid &key, quint32 uidValidity, quint32 uid,
                                            const QByteArray &raw);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

class MailService
{
public:
    // The mailboxes of the database at databaseUrl (empty: DATA/server.db, DATA from config).
    MailService(ServerStore &store, QString databaseUrl, MailFetcherConfig config);
    ~MailService(); // stops every fetcher
    MailService(const MailService &) = delete;
    MailService &operator=(const MailService &) = delete;

    // Starts a fetcher per mailbox, and a thread that looks for changes every rescanInterval
    // (mailboxes changed by another process: `pultd mailbox add`, another pultd).
    void start();
    // Looks for changed mailboxes now: one of this pultd's ops changed them.
    void rescanNow();
    void stop();
    QList<MailboxStatus> statuses() const;
    // The quarantined mail processed again by its mailbox's fetcher: committed (and out of
    // quarantine), or Invalid with the reason it still is not; NotFound for an unknown id, Busy
    // when its mailbox is not being fetched.
    Result<ServerStore::Ingested> reprocess(const QUuid &id);
    // The quarantine as GET /api/v1/quarantine lists it, newest first: {"id", "mailbox", "uid",
    // "reason", "quarantined" (ISO 8601), "size", "from", "subject" (header text as written)}.
    Result<QJsonArray> quarantineJson() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Every mailbox as GET /api/v1/mailboxes lists it: its settings ({"address", "department",
// "department_id", "imap_url", "smtp_url", "starttls", "after", "charset"}, never a password) and
// what this pultd's fetcher of it is doing, if it fetches it ("fetched_here"; "connected",
// "idle", "last_fetch" (ISO 8601 or null), "last_error" (or null), "ingested", "quarantined").
QJsonArray mailboxesJson(const QList<MailboxSettings> &mailboxes,
                         const QList<MailboxStatus> &statuses);

// The first header of that name in a raw mail, unfolded, as written (at most 500 characters).
QString rawHeader(const QByteArray &raw, const QByteArray &name);

// Whether the raw mail's header carries pultd's loop header (X-Pult-Loop) naming one of the
// addresses: mail pultd sent that came back.
bool carriesLoopHeader(const QByteArray &raw, const QStringList &addresses);

} // namespace Pult
