#include "mailfetcher.h"

#include "attachmentfiles.h"
#include "imapclient.h"
#include "logrecord.h"
#include "serverstore.h"
#include "uuid.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Pult {

namespace {

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

// The header block of a raw mail, unfolded, one header per line, as written.
QList<QByteArray> headerLines(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    const qsizetype bareEnd = raw.indexOf("\n\n");
    if (end < 0 || (bareEnd >= 0 && bareEnd < end))
        end = bareEnd;
    const QByteArray header = end < 0 ? raw : raw.left(end);
    QList<QByteArray> lines;
    for (QByteArray line : header.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!lines.isEmpty() && (line.startsWith(' ') || line.startsWith('\t')))
            lines.last() += line;
        else
            lines.append(line);
    }
    return lines;
}

QString statusText(const Status &status)
{
    return status.message().isEmpty() ? QStringLiteral("failed") : status.message();
}

} // namespace

// The first header of that name in the raw mail, unfolded, as written; empty when none.
QString rawHeader(const QByteArray &raw, const QByteArray &name)
{
    const QByteArray prefix = name.toLower() + ':';
    for (const QByteArray &line : headerLines(raw)) {
        if (line.toLower().startsWith(prefix))
            return QString::fromUtf8(line.mid(prefix.size())).simplified().left(500);
    }
    return {};
}

QJsonArray mailboxesJson(const QList<MailboxSettings> &mailboxes,
                         const QList<MailboxStatus> &statuses)
{
    QJsonArray all;
    for (const MailboxSettings &settings : mailboxes) {
        const auto running =
            std::find_if(statuses.cbegin(), statuses.cend(),
                         [&](const MailboxStatus &m) { return m.address == settings.address; });
        const MailboxStatus m = running != statuses.cend() ? *running : MailboxStatus();
        all.append(QJsonObject{
            {QStringLiteral("address"), settings.address},
            {QStringLiteral("department"), settings.departmentName},
            {QStringLiteral("department_id"), uuidToString(settings.departmentId)},
            {QStringLiteral("imap_url"), settings.imapUrl},
            {QStringLiteral("smtp_url"), settings.smtpUrl},
            {QStringLiteral("starttls"), settings.startTls},
            {QStringLiteral("after"), settings.after},
            {QStringLiteral("charset"), settings.charset},
            {QStringLiteral("fetched_here"), running != statuses.cend()},
            {QStringLiteral("connected"), m.connected},
            {QStringLiteral("idle"), m.idle},
            {QStringLiteral("last_fetch"),
             m.lastFetchMs == 0 ? QJsonValue()
                                : QJsonValue(QDateTime::fromMSecsSinceEpoch(m.lastFetchMs, Qt::UTC)
                                                 .toString(Qt::ISODateWithMs))},
            {QStringLiteral("last_error"),
             m.lastError.isEmpty() ? QJsonValue() : QJsonValue(m.lastError)},
            {QStringLiteral("ingested"), qint64(m.ingested)},
            {QStringLiteral("quarantined"), qint64(m.quarantined)}});
    }
    return all;
}

bool carriesLoopHeader(const QByteArray &raw, const QStringList &addresses)
{
    for (const QByteArray &line : headerLines(raw)) {
        if (!line.toLower().startsWith("x-pult-loop:"))
            continue;
        const QString value =
            QString::fromUtf8(line.mid(int(sizeof "x-pult-loop:") - 1)).trimmed().toLower();
        for (const QString &address : addresses) {
            if (value == address.toLower())
                return true;
        }
    }
    return false;
}

struct MailFetcher::Private
{
    ServerStore &store;
    MailboxSettings settings;
    MailboxSecrets secrets;
    QStringList ownAddresses;
    MailFetcherConfig config;

    std::thread thread;
    mutable std::mutex mutex; // guards what follows
    std::condition_variable wake;
    bool stopping = false;
    ImapClient *client = nullptr; // the session's, while one runs
    MailboxStatus status;

    Private(ServerStore &s, MailboxSettings m, MailboxSecrets c, QStringList own,
            MailFetcherConfig f)
        : store(s)
        , settings(std::move(m))
        , secrets(std::move(c))
        , ownAddresses(std::move(own))
        , config(std::move(f))
    {
        config.parser.fallbackCharset = settings.charset;
        status.address = settings.address;
        status.department = settings.departmentName;
    }

    bool stopRequested() const
    {
        std::lock_guard lock(mutex);
        return stopping;
    }

    // Waits `delay` or until stop(); false when stopping.
    bool sleep(std::chrono::milliseconds delay)
    {
        std::unique_lock lock(mutex);
        wake.wait_for(lock, delay, [this] { return stopping; });
        return !stopping;
    }

    template<typename Change> void update(Change &&change)
    {
        std::lock_guard lock(mutex);
        change(status);
    }

    void run()
    {
        ImapBackoff backoff(config.firstRetry);
        while (!stopRequested()) {
            const Status s = session(backoff);
            update([](MailboxStatus &st) {
                st.connected = false;
                st.idle = false;
            });
            if (stopRequested())
                break;
            update([&](MailboxStatus &st) { st.lastError = statusText(s); });
            const std::chrono::milliseconds delay = backoff.next();
            LogRecord(LogLevel::Warning, "mailbox_error")
                .addString("mailbox", utf8(settings.address))
                .addString("error", utf8(statusText(s)))
                .addInteger("retry_ms", delay.count())
                .write();
            if (!sleep(delay))
                break;
        }
    }

    // One connection: sign in, open the folder, fetch what is new, wait for more; returns why
    // it ended (an error, or nothing when stopping).
    Status session(ImapBackoff &backoff)
    {
        auto endpoint = ImapEndpoint::parse(settings.imapUrl);
        if (!endpoint.good())
            return endpoint.status();
        ImapClient::Options options;
        options.host = endpoint->host;
        options.port = endpoint->port;
        options.security = endpoint->security == ImapSecurity::Plain && settings.startTls
                               ? ImapSecurity::StartTls
                               : endpoint->security;
        options.caFile = config.caFile;
        ImapClient client(options);
        {
            std::lock_guard lock(mutex);
            if (stopping)
                return {};
            this->client = &client;
        }
        const auto forget = [this] {
            std::lock_guard lock(mutex);
            this->client = nullptr;
        };
        Status s = work(client, *endpoint, backoff);
        forget();
        if (client.connected())
            (void)client.logout(); // the connection closes either way
        return stopRequested() ? Status() : s;
    }

    Status work(ImapClient &client, const ImapEndpoint &endpoint, ImapBackoff &backoff)
    {
        if (Status s = client.connect(); !s.good())
            return s;
        if (Status s = client.login(endpoint.user, secrets.imapPassword); !s.good())
            return s;
        auto selected = client.select(endpoint.folder);
        if (!selected.good())
            return selected.status();
        const quint32 uidValidity = selected->uidValidity;
        backoff.reset();
        update([](MailboxStatus &st) {
            st.connected = true;
            st.lastError.clear();
        });
        auto position = store.mailboxPosition(settings.address);
        if (!position.good())
            return position.status();
        // A new UIDVALIDITY renumbers the folder: fetch it all again; the store knows each
        // mail by its Message-ID.
        quint32 next = *position && (*position)->first == uidValidity ? (*position)->second : 1;
        const bool canIdle = client.hasCapability("IDLE");
        for (;;) {
            auto uids = client.uidsFrom(next);
            if (!uids.good())
                return uids.status();
            update([](MailboxStatus &st) { st.lastFetchMs = nowMs(); });
            for (const quint32 uid : std::as_const(*uids)) {
                if (stopRequested())
                    return {};
                if (Status s = process(client, uidValidity, uid); !s.good())
                    return s;
                next = uid + 1;
                if (Status s = store.setMailboxPosition(settings.address, uidValidity, next);
                    !s.good())
                    return s;
            }
            if (stopRequested())
                return {};
            // Look again before waiting: news the server sent while these were fetched was
            // read by those commands, and an IDLE would not hear of it again.
            if (!uids->isEmpty())
                continue;
            if (canIdle) {
                update([](MailboxStatus &st) { st.idle = true; });
                auto idled = client.idle(config.idleRenewal);
                update([](MailboxStatus &st) { st.idle = false; });
                if (!idled.good())
                    return idled.status();
                if (idled->reason == ImapIdleResult::Interrupted)
                    return {};
            } else if (!sleep(config.pollInterval)) {
                return {};
            }
        }
    }

    // One mail: ingested (unless it was before), then the "after" action on the server.
    Status process(ImapClient &client, quint32 uidValidity, quint32 uid)
    {
        const QUuid key = ServerStore::mailKey(settings.address, uidValidity, uid);
        auto done = store.mailDone(key);
        if (!done.good())
            return done.status();
        if (!*done) {
            auto raw = client.fetchMessage(uid);
            if (!raw.good() && raw.status().code() == Status::NotFound)
                return {}; // expunged meanwhile
            if (!raw.good())
                return raw.status();
            Handled handled;
            if (Status s = ingest(key, uidValidity, uid, *raw, handled); !s.good())
                return s;
        }
        const QString &after = settings.after;
        if (after == u"delete")
            return client.remove(uid);
        if (after.startsWith(u"move:")) {
            const QString folder = after.mid(5);
            Status s = client.move(uid, folder);
            if (s.code() == Status::NotFound && client.connected()) {
                if (s = client.createFolder(folder); s.good())
                    s = client.move(uid, folder);
            }
            return s;
        }
        return client.addFlag(uid, QByteArrayLiteral("\\Seen"));
    }

    // What became of one mail: committed (ingested set), or quarantined for a reason.
    struct Handled
    {
        std::optional<ServerStore::Ingested> ingested;
        QString quarantinedFor;
    };

    Status quarantine(const QUuid &key, quint32 uidValidity, quint32 uid, const QString &reason,
                      const QByteArray &raw, Handled &handled)
    {
        if (Status s =
                store.quarantineMail(key, settings.address, uidValidity, uid, reason, raw, nowMs());
            !s.good())
            return s;
        handled.quarantinedFor = reason;
        LogRecord(LogLevel::Warning, "mail_quarantined")
            .addString("mailbox", utf8(settings.address))
            .addInteger("uid", uid)
            .addString("reason", utf8(reason))
            .write();
        return {};
    }

    // Parses and commits the mail, or quarantines it; safe from any thread (the fetcher's, or
    // an API worker's for MailService::reprocess).
    Status ingest(const QUuid &key, quint32 uidValidity, quint32 uid, const QByteArray &raw,
                  Handled &handled)
    {
        ServerStore::InboundMail mail;
        mail.key = key;
        mail.mailbox = settings.address;
        mail.departmentId = settings.departmentId;
        if (carriesLoopHeader(raw, ownAddresses)) {
            mail.looped = true;
            return commit(mail, uid, handled);
        }
        auto parsed = parseMail(raw, config.parser);
        if (!parsed.good()) {
            // The helper missing or the disk full are pultd's trouble, not the mail's: retried.
            if (parsed.status().code() == Status::NotFound ||
                parsed.status().code() == Status::IoError)
                return parsed.status();
            return quarantine(key, uidValidity, uid, statusText(parsed.status()), raw, handled);
        }
        const auto cleanUp = [&] { removeParsedMailFiles(*parsed); };
        mail.messageId = parsed->messageId;
        mail.inReplyTo = parsed->inReplyTo;
        mail.references = parsed->references;
        if (parsed->from) {
            mail.fromName = parsed->from->name;
            mail.fromAddress = parsed->from->address;
        }
        for (const auto *list : {&parsed->to, &parsed->cc}) {
            for (const MailAddress &a : *list) {
                if (!a.address.isEmpty())
                    mail.recipients.append(a.address);
            }
        }
        mail.subject = parsed->subject;
        mail.autoSubmitted = parsed->autoSubmitted;
        mail.precedence = parsed->precedence;
        mail.returnPath = parsed->returnPath;
        mail.text = parsed->text;
        mail.html = parsed->html;
        if (parsed->deliveryReport) {
            mail.deliveryReport = true;
            for (const DeliveryRecipient &r : parsed->deliveryReport->failed())
                mail.bounced.append(QStringLiteral("%1: %2").arg(
                    r.address, r.diagnostic.isEmpty() ? r.status : r.diagnostic));
            mail.bouncedMessageId = parsed->deliveryReport->originalMessageId;
        }
        const std::filesystem::path store = AttachmentFiles::directory(config.dataDirectory);
        QList<InlinePart> inlineParts;
        for (const MailAttachment &a : std::as_const(parsed->attachments)) {
            if (a.path.isEmpty())
                continue; // left out by the helper's output limit
            auto hash = AttachmentFiles::adopt(store, a.path.toStdString());
            if (!hash.good()) {
                cleanUp();
                return hash.status();
            }
            mail.attachments.append(
                {QByteArray::fromStdString(*hash),
                 a.fileName.isEmpty() ? QStringLiteral("attachment-%1").arg(a.index + 1)
                                      : a.fileName,
                 a.contentType.isEmpty() ? QStringLiteral("application/octet-stream")
                                         : a.contentType,
                 a.size});
            if (!a.contentId.isEmpty())
                inlineParts.append({a.contentId, mail.attachments.last().contentHash,
                                    mail.attachments.last().name});
        }
        cleanUp();
        // The client shows cid: images from the message's attachments, by their attachment: URL.
        mail.html = linkCidImages(mail.html, inlineParts);
        Status s = commit(mail, uid, handled);
        if (s.code() == Status::Invalid) // e.g. no sender address
            return quarantine(key, uidValidity, uid, statusText(s), raw, handled);
        return s;
    }

    Status commit(const ServerStore::InboundMail &mail, quint32 uid, Handled &handled)
    {
        auto ingested = store.ingestMail(mail, nowMs());
        if (!ingested.good())
            return ingested.status();
        if (ingested->revision > 0 && config.publish)
            config.publish(ingested->revision);
        static const char *const outcomes[] = {"created", "added", "bounce", "duplicate",
                                               "ignored"};
        update([](MailboxStatus &st) { ++st.ingested; });
        handled.ingested = *ingested;
        LogRecord record(LogLevel::Info, "mail_ingested");
        record.addString("mailbox", utf8(settings.address))
            .addInteger("uid", uid)
            .addString("outcome", outcomes[ingested->outcome])
            .addInteger("ticket", ingested->number);
        if (!ingested->autoReply.isEmpty())
            record.addString("auto_reply", utf8(ingested->autoReply));
        record.write();
        return {};
    }
};

MailFetcher::MailFetcher(ServerStore &store, MailboxSettings settings, MailboxSecrets secrets,
                         QStringList ownAddresses, MailFetcherConfig config)
    : d(std::make_unique<Private>(store, std::move(settings), std::move(secrets),
                                  std::move(ownAddresses), std::move(config)))
{}

MailFetcher::~MailFetcher()
{
    stop();
}

void MailFetcher::start()
{
    if (!d->thread.joinable())
        d->thread = std::thread([this] { d->run(); });
}

void MailFetcher::stop()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
        if (d->client)
            d->client->interrupt();
    }
    d->wake.notify_all();
    if (d->thread.joinable())
        d->thread.join();
}

Result<ServerStore::Ingested> MailFetcher::reprocess(const QUuid &key, quint32 uidValidity,
                                                     quint32 uid, const QByteArray &raw)
{
    Private::Handled handled;
    if (Status s = d->ingest(key, uidValidity, uid, raw, handled); !s.good())
        return s;
    if (!handled.ingested)
        return Status(Status::Invalid, handled.quarantinedFor);
    return *handled.ingested;
}

MailboxStatus MailFetcher::status() const
{
    std::lock_guard lock(d->mutex);
    return d->status;
}

const MailboxSettings &MailFetcher::settings() const
{
    return d->settings;
}

struct MailService::Private
{
    ServerStore &store;
    QString databaseUrl;
    MailFetcherConfig config;

    std::thread thread;
    mutable std::mutex mutex; // guards what follows
    std::condition_variable wake;
    bool stopping = false;
    bool rescanWanted = false;
    std::vector<std::shared_ptr<MailFetcher>> fetchers;
    // Only the service's thread: the mailboxes claimed at the last rescan, and those another
    // pultd fetches (logged once).
    QSet<QString> claimedBefore;
    QSet<QString> elsewhere;

    Private(ServerStore &s, QString url, MailFetcherConfig c)
        : store(s)
        , databaseUrl(std::move(url))
        , config(std::move(c))
    {}

    // Starts fetchers for new (or changed) mailboxes and stops those of removed ones.
    void rescan(Mailboxes &mailboxes)
    {
        auto listed = mailboxes.list();
        if (!listed.good()) {
            LogRecord(LogLevel::Warning, "mailbox_list_failed")
                .addString("error", utf8(listed.status().message()))
                .write();
            return;
        }
        QStringList addresses;
        for (const MailboxSettings &m : std::as_const(*listed))
            addresses.append(m.address);
        // Of several pultd on one database one fetches each mailbox (Mailboxes::claim); when
        // the claim cannot be asked, what runs keeps running.
        QHash<QString, MailboxSettings> wanted;
        for (const MailboxSettings &m : std::as_const(*listed)) {
            auto claimed = mailboxes.claim(m.address);
            if (!claimed.good()) {
                LogRecord(LogLevel::Warning, "mailbox_claim_failed")
                    .addString("mailbox", utf8(m.address))
                    .addString("error", utf8(claimed.status().message()))
                    .write();
            } else if (!*claimed) {
                if (!elsewhere.contains(m.address))
                    LogRecord(LogLevel::Info, "mailbox_elsewhere")
                        .addString("mailbox", utf8(m.address))
                        .write();
                elsewhere.insert(m.address);
                continue;
            }
            elsewhere.remove(m.address);
            wanted.insert(m.address, m);
        }
        const QSet<QString> claimedNow(wanted.keyBegin(), wanted.keyEnd());
        std::vector<std::shared_ptr<MailFetcher>> gone;
        {
            std::lock_guard lock(mutex);
            for (auto it = fetchers.begin(); it != fetchers.end();) {
                const MailboxSettings &running = (*it)->settings();
                const auto w = wanted.constFind(running.address);
                const bool same = w != wanted.cend() && w->imapUrl == running.imapUrl &&
                                  w->startTls == running.startTls && w->after == running.after &&
                                  w->departmentId == running.departmentId &&
                                  w->createdMs == running.createdMs;
                if (same) {
                    wanted.remove(running.address);
                    ++it;
                } else {
                    gone.push_back(std::move(*it));
                    it = fetchers.erase(it);
                }
            }
        }
        for (const auto &fetcher : gone) {
            LogRecord(LogLevel::Info, "mailbox_stopped")
                .addString("mailbox", utf8(fetcher->settings().address))
                .write();
        }
        gone.clear(); // stopped and joined outside the lock
        // A removed mailbox is let go: another pultd may take it if it is added again.
        for (const QString &address : std::as_const(claimedBefore)) {
            if (addresses.contains(address))
                continue;
            if (Status s = mailboxes.release(address); !s.good())
                LogRecord(LogLevel::Warning, "mailbox_release_failed")
                    .addString("mailbox", utf8(address))
                    .addString("error", utf8(s.message()))
                    .write();
        }
        claimedBefore = claimedNow;
        for (const MailboxSettings &m : std::as_const(wanted)) {
            auto found = mailboxes.find(m.address);
            if (!found.good()) {
                LogRecord(LogLevel::Error, "mailbox_unusable")
                    .addString("mailbox", utf8(m.address))
                    .addString("error", utf8(found.status().message()))
                    .write();
                continue;
            }
            auto fetcher = std::make_shared<MailFetcher>(store, found->first, found->second,
                                                         addresses, config);
            fetcher->start();
            LogRecord(LogLevel::Info, "mailbox_started")
                .addString("mailbox", utf8(m.address))
                .addString("department", utf8(m.departmentName))
                .write();
            std::lock_guard lock(mutex);
            if (stopping)
                return; // the fetcher stops as it is destroyed
            fetchers.push_back(std::move(fetcher));
        }
    }

    void run()
    {
        auto mailboxes = Mailboxes::open(config.dataDirectory, databaseUrl);
        if (!mailboxes.good()) {
            LogRecord(LogLevel::Error, "mailboxes_unavailable")
                .addString("error", utf8(mailboxes.status().message()))
                .write();
            return;
        }
        for (;;) {
            rescan(**mailboxes);
            std::unique_lock lock(mutex);
            wake.wait_for(lock, config.rescanInterval, [this] { return stopping || rescanWanted; });
            if (stopping)
                return;
            rescanWanted = false;
        }
    }
};

MailService::MailService(ServerStore &store, QString databaseUrl, MailFetcherConfig config)
    : d(std::make_unique<Private>(store, std::move(databaseUrl), std::move(config)))
{}

MailService::~MailService()
{
    stop();
}

void MailService::start()
{
    std::error_code ec;
    const std::filesystem::path scratch = d->config.dataDirectory / "mail-tmp";
    std::filesystem::create_directories(scratch, ec);
    d->config.parser.temporaryDirectory = QString::fromStdString(scratch.string());
    if (!d->thread.joinable())
        d->thread = std::thread([this] { d->run(); });
}

void MailService::rescanNow()
{
    {
        std::lock_guard lock(d->mutex);
        d->rescanWanted = true;
    }
    d->wake.notify_all();
}

void MailService::stop()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    if (d->thread.joinable())
        d->thread.join();
    std::vector<std::shared_ptr<MailFetcher>> fetchers;
    {
        std::lock_guard lock(d->mutex);
        fetchers.swap(d->fetchers);
    }
    for (auto &f : fetchers)
        f->stop();
}

Result<ServerStore::Ingested> MailService::reprocess(const QUuid &id)
{
    auto mail = d->store.quarantinedMail(id);
    if (!mail.good())
        return mail.status();
    if (!*mail)
        return Status(Status::NotFound,
                      QStringLiteral("no mail %1 in quarantine").arg(uuidToString(id)));
    std::shared_ptr<MailFetcher> fetcher; // kept alive while its mail is processed
    {
        std::lock_guard lock(d->mutex);
        for (const auto &f : d->fetchers) {
            if (f->settings().address == (*mail)->mailbox)
                fetcher = f;
        }
    }
    if (fetcher)
        return fetcher->reprocess(id, (*mail)->uidValidity, (*mail)->uid, (*mail)->raw);
    return Status(Status::Busy,
                  QStringLiteral("the mailbox %1 is not being fetched (removed, or its settings "
                                 "cannot be used): add it again first")
                      .arg((*mail)->mailbox));
}

Result<QJsonArray> MailService::quarantineJson() const
{
    auto all = d->store.quarantine();
    if (!all.good())
        return all.status();
    QJsonArray list;
    for (const ServerStore::QuarantinedMail &m : std::as_const(*all))
        list.append(QJsonObject{
            {QStringLiteral("id"), uuidToString(m.id)},
            {QStringLiteral("mailbox"), m.mailbox},
            {QStringLiteral("uid"), qint64(m.uid)},
            {QStringLiteral("reason"), m.reason},
            {QStringLiteral("quarantined"),
             QDateTime::fromMSecsSinceEpoch(m.createdMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("size"), qint64(m.raw.size())},
            {QStringLiteral("from"), rawHeader(m.raw, "From")},
            {QStringLiteral("subject"), rawHeader(m.raw, "Subject")}});
    return list;
}

QList<MailboxStatus> MailService::statuses() const
{
    QList<MailboxStatus> all;
    {
        std::lock_guard lock(d->mutex);
        for (const auto &f : d->fetchers)
            all.append(f->status());
    }
    for (MailboxStatus &m : all) { // counted where it is kept: discards and retries change it
        auto quarantined = d->store.quarantinedCount(m.address);
        m.quarantined = quarantined.good() ? *quarantined : 0;
    }
    return all;
}

} // namespace Pult
