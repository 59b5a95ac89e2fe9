#include "outbox.h"

#include "attachmentfiles.h"
#include "logrecord.h"
#include "mail/outgoingmail.h"
#include "mail/smtpclient.h"
#include "mailboxes.h"
#include "serverstore.h"
#include "uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>

#include <unistd.h>

namespace Pult {

namespace {

using Clock = std::chrono::system_clock;

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
        .count();
}

const char *stageName(Mail::SmtpStage stage)
{
    switch (stage) {
    case Mail::SmtpStage::Connect:
        return "connect";
    case Mail::SmtpStage::Tls:
        return "tls";
    case Mail::SmtpStage::Hello:
        return "hello";
    case Mail::SmtpStage::Auth:
        return "auth";
    case Mail::SmtpStage::MailFrom:
        return "mail_from";
    case Mail::SmtpStage::Recipients:
        return "recipients";
    case Mail::SmtpStage::Data:
        return "data";
    case Mail::SmtpStage::Done:
        return "done";
    }
    return "unknown";
}

const char *statusName(Mail::SmtpStatus status)
{
    switch (status) {
    case Mail::SmtpStatus::Sent:
        return "sent";
    case Mail::SmtpStatus::Temporary:
        return "temporary";
    case Mail::SmtpStatus::Permanent:
        return "permanent";
    }
    return "unknown";
}

// "550 5.1.1 User unknown", or the text alone for local and network errors.
QString answerText(int code, const std::string &text)
{
    const QString words = QString::fromStdString(text).simplified();
    return code > 0 ? QString::number(code) + u' ' + words : words;
}

// A queued mail's JSON (mailoutboxstore.cpp) as an OutgoingMail, with the envelope.
Mail::OutgoingMail mailFromJson(const QJsonObject &o, const std::filesystem::path &attachments,
                                Mail::SmtpEnvelope &envelope)
{
    const auto address = [](const QJsonValue &v) {
        const QJsonObject a = v.toObject();
        return Mail::MailAddress{a.value(QLatin1String("name")).toString().toStdString(),
                                 a.value(QLatin1String("address")).toString().toStdString()};
    };
    Mail::OutgoingMail mail;
    mail.from = address(o.value(QLatin1String("from")));
    envelope.from = mail.from.address;
    for (const QJsonValue &v : o.value(QLatin1String("to")).toArray()) {
        mail.to.push_back(address(v));
        envelope.recipients.push_back(mail.to.back().address);
    }
    for (const QJsonValue &v : o.value(QLatin1String("cc")).toArray()) {
        mail.cc.push_back({{}, v.toString().toStdString()});
        envelope.recipients.push_back(mail.cc.back().address);
    }
    mail.subject = o.value(QLatin1String("subject")).toString().toStdString();
    mail.messageId = o.value(QLatin1String("message_id")).toString().toStdString();
    mail.inReplyTo = o.value(QLatin1String("in_reply_to")).toString().toStdString();
    for (const QJsonValue &v : o.value(QLatin1String("references")).toArray())
        mail.references.push_back(v.toString().toStdString());
    mail.loopId = o.value(QLatin1String("loop")).toString().toStdString();
    mail.autoSubmitted = o.value(QLatin1String("auto_submitted")).toString().toStdString();
    mail.textBody = o.value(QLatin1String("body")).toString().toStdString();
    for (const QJsonValue &v : o.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject a = v.toObject();
        const std::string hash = a.value(QLatin1String("hash")).toString().toStdString();
        std::string type = a.value(QLatin1String("type")).toString().toStdString();
        if (type.empty())
            type = "application/octet-stream";
        mail.attachments.push_back({AttachmentFiles::filePath(attachments, hash).string(),
                                    a.value(QLatin1String("name")).toString().toStdString(), type});
    }
    return mail;
}

QString joined(const std::vector<std::string> &addresses)
{
    QStringList list;
    for (const std::string &a : addresses)
        list.append(QString::fromStdString(a));
    return list.join(QStringLiteral(", "));
}

} // namespace

MailOutboxConfig MailOutboxConfig::fromEnvironment(const std::filesystem::path &attachmentDirectory)
{
    MailOutboxConfig config;
    config.attachmentDirectory = attachmentDirectory;
    if (const char *retry = std::getenv("PULT_MAIL_RETRY_MS")) {
        const long long ms = std::atoll(retry);
        if (ms > 0) {
            config.firstRetry = std::chrono::milliseconds(ms);
            config.maxRetry = std::chrono::milliseconds(ms * 60);
        }
    }
    return config;
}

std::chrono::milliseconds MailOutbox::retryDelay(int attempts, const MailOutboxConfig &config)
{
    std::chrono::milliseconds delay = config.firstRetry;
    for (int i = 1; i < attempts && delay < config.maxRetry; ++i)
        delay *= 2;
    return std::min(delay, config.maxRetry);
}

struct MailOutbox::Private
{
    ServerStore &store;
    std::unique_ptr<Mailboxes> mailboxes; // the sender thread's only
    const MailOutboxConfig config;
    const std::function<void(std::int64_t)> publishRevision;

    std::mutex mutex; // guards stopping and wakes
    std::condition_variable changed;
    bool stopping = false;
    std::uint64_t wakes = 0;
    std::thread thread;

    Private(ServerStore &store_, std::unique_ptr<Mailboxes> mailboxes_, MailOutboxConfig config_,
            std::function<void(std::int64_t)> publish_)
        : store(store_)
        , mailboxes(std::move(mailboxes_))
        , config(std::move(config_))
        , publishRevision(std::move(publish_))
    {}

    std::uint64_t currentWakes()
    {
        const std::lock_guard lock(mutex);
        return wakes;
    }

    // Sleeps up to `wait`; false when stopping.
    bool sleepFor(std::chrono::milliseconds wait, std::uint64_t seen)
    {
        std::unique_lock lock(mutex);
        changed.wait_for(lock, wait, [&] { return stopping || wakes != seen; });
        return !stopping;
    }

    void run()
    {
        bool reportedError = false;
        for (;;) {
            std::uint64_t seen = 0;
            {
                const std::lock_guard lock(mutex);
                if (stopping)
                    return;
                seen = wakes;
            }
            auto claimed = store.claimQueuedMail(nowMs(), config.staleClaim.count());
            if (!claimed.good()) {
                if (!reportedError)
                    LogRecord(LogLevel::Warning, "mail_outbox_unavailable")
                        .addString("error", claimed.status().message().toStdString())
                        .write();
                reportedError = true;
                if (!sleepFor(std::chrono::seconds(1), seen))
                    return;
                continue;
            }
            reportedError = false;
            if (*claimed) {
                deliver(**claimed);
                continue;
            }
            std::chrono::milliseconds wait = config.poll;
            if (auto next = store.nextQueuedMailMs(); next.good() && *next)
                wait = std::clamp(std::chrono::milliseconds(**next - nowMs()),
                                  std::chrono::milliseconds(0), config.poll);
            if (!sleepFor(wait, seen))
                return;
        }
    }

    void deliver(const ServerStore::QueuedMail &queued)
    {
        const auto started = std::chrono::steady_clock::now();
        using Outcome = ServerStore::MailOutcome;
        Outcome outcome;
        Mail::SmtpEnvelope envelope;
        Mail::SmtpResult result;
        const QJsonObject json = QJsonDocument::fromJson(queued.mail).object();
        Mail::OutgoingMail mail = mailFromJson(json, config.attachmentDirectory, envelope);
        const QString to = joined(envelope.recipients);
        bool attempted = false;
        auto box = mailboxes->find(queued.mailbox);
        if (!box.good()) {
            if (box.status().code() == Status::NotFound) {
                outcome.state = Outcome::State::Failed;
                outcome.result = QStringLiteral("the mailbox %1 was removed").arg(queued.mailbox);
            } else {
                result.status = Mail::SmtpStatus::Temporary;
                result.text = box.status().message().toStdString();
            }
        } else {
            std::string error;
            mail.date = Clock::now();
            auto endpoint = Mail::parseSmtpEndpoint(
                box->first.smtpUrl.toStdString(),
                box->first.startTls && box->first.smtpUrl.startsWith(QLatin1String("smtp://")),
                error);
            // Written to a scratch file and streamed from it: a reply with large attachments is
            // never whole in memory.
            const std::filesystem::path file =
                std::filesystem::temp_directory_path() /
                ("pultd-outbox-" + uuidToString(queued.messageId).toStdString() + "-" +
                 std::to_string(::getpid()) + ".eml");
            const auto removeFile = qScopeGuard([&] {
                std::error_code ignored;
                std::filesystem::remove(file, ignored);
            });
            bool diskFailed = false;
            if (endpoint) {
                std::ofstream out(file, std::ios::binary | std::ios::trunc);
                if (out)
                    error = Mail::writeMail(mail, out);
                if (out)
                    out.close();
                diskFailed = out.fail(); // not the mail's fault (a missing attachment is)
            }
            if (diskFailed) { // our disk: try later
                result.status = Mail::SmtpStatus::Temporary;
                result.text = "cannot write the message to " + file.string();
            } else if (!endpoint || !error.empty()) {
                outcome.state = Outcome::State::Failed;
                outcome.result =
                    QStringLiteral("cannot be sent: %1").arg(QString::fromStdString(error));
            } else {
                Mail::SmtpOptions options;
                options.endpoint = *endpoint;
                options.password = box->second.smtpPassword.toStdString();
                options.heloName = box->first.address.section(u'@', 1).toStdString();
                Mail::SmtpClient client(std::move(options));
                std::ifstream in(file, std::ios::binary);
                result = client.send(envelope, in);
                attempted = true;
                client.quit();
            }
        }
        if (outcome.result.isEmpty()) { // decided by the SMTP answer
            const QString answer = answerText(result.code, result.text);
            outcome.result = QString::fromStdString(result.describe());
            if (result.status == Mail::SmtpStatus::Sent) {
                outcome.state = Outcome::State::Sent;
                QStringList accepted;
                QStringList refused;
                for (const Mail::SmtpRecipientResult &r : result.recipients) {
                    if (r.status == Mail::SmtpStatus::Sent)
                        accepted.append(QString::fromStdString(r.address));
                    else
                        refused.append(QStringLiteral("%1 (%2)").arg(
                            QString::fromStdString(r.address), answerText(r.code, r.text)));
                }
                outcome.delivery =
                    QStringLiteral("sent to %1")
                        .arg(accepted.isEmpty() ? to : accepted.join(QStringLiteral(", ")));
                if (!refused.isEmpty())
                    outcome.delivery +=
                        QStringLiteral("; refused: %1").arg(refused.join(QStringLiteral(", ")));
            } else if (result.status == Mail::SmtpStatus::Permanent) {
                outcome.state = Outcome::State::Failed;
                outcome.delivery = QStringLiteral("failed: %1 (to %2)").arg(answer, to);
            } else {
                const qint64 next = nowMs() + retryDelay(queued.attempts, config).count();
                if (next - queued.createdMs > config.giveUpAfter.count()) {
                    outcome.state = Outcome::State::Failed;
                    outcome.delivery = QStringLiteral("failed after %1 attempts: %2 (to %3)")
                                           .arg(queued.attempts)
                                           .arg(answer, to);
                } else {
                    outcome.state = Outcome::State::Retry;
                    outcome.nextAttemptMs = next;
                }
            }
        } else if (outcome.state == Outcome::State::Failed) {
            outcome.delivery = QStringLiteral("failed: %1 (to %2)").arg(outcome.result, to);
        }
        if (!outcome.delivery.isEmpty() && !mail.autoSubmitted.empty())
            outcome.delivery.prepend(QStringLiteral("auto-reply ")); // "auto-reply sent to ..."
        const double durationMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        const char *outcomeName = outcome.state == Outcome::State::Sent     ? "sent"
                                  : outcome.state == Outcome::State::Failed ? "failed"
                                                                            : "retry";
        LogRecord record(outcome.state == Outcome::State::Sent ? LogLevel::Info : LogLevel::Warning,
                         "mail_send");
        record.addString("message_id", uuidToString(queued.messageId).toStdString())
            .addString("ticket_id", uuidToString(queued.ticketId).toStdString())
            .addString("mailbox", queued.mailbox.toStdString())
            .addInteger("attempt", queued.attempts)
            .addInteger("recipients", std::int64_t(envelope.recipients.size()))
            .addString("outcome", outcomeName)
            .addString("result", outcome.result.toStdString())
            .addDecimal("duration_ms", durationMs, 1);
        if (attempted) {
            record.addString("status", statusName(result.status))
                .addString("stage", stageName(result.stage))
                .addInteger("code", result.code);
        }
        if (outcome.state == Outcome::State::Retry)
            record.addInteger("next_attempt_in_ms", outcome.nextAttemptMs - nowMs());
        record.write();
        finish(queued, outcome);
    }

    // Records the outcome; tries again for a while when the database is away, since until it
    // is written the mail stays claimed (and is sent again once the claim is stale).
    void finish(const ServerStore::QueuedMail &queued, const ServerStore::MailOutcome &outcome)
    {
        for (int attempt = 0;; ++attempt) {
            auto revision = store.finishQueuedMail(queued, outcome, nowMs());
            if (revision.good()) {
                if (*revision > 0 && publishRevision)
                    publishRevision(*revision);
                return;
            }
            LogRecord(LogLevel::Error, "mail_outbox_record_failed")
                .addString("message_id", uuidToString(queued.messageId).toStdString())
                .addString("error", revision.status().message().toStdString())
                .write();
            // Until it is written the mail stays claimed (and is sent again once the claim is
            // stale); stopping gives up at once rather than hold up pultd's shutdown.
            if (attempt >= 60 || !sleepFor(std::chrono::seconds(1), currentWakes()))
                return;
        }
    }
};

MailOutbox::MailOutbox(ServerStore &store, std::unique_ptr<Mailboxes> mailboxes,
                       MailOutboxConfig config, std::function<void(std::int64_t)> publishRevision)
    : d(std::make_unique<Private>(store, std::move(mailboxes), std::move(config),
                                  std::move(publishRevision)))
{}

MailOutbox::~MailOutbox()
{
    stop();
}

void MailOutbox::start()
{
    if (!d->thread.joinable())
        d->thread = std::thread([this] { d->run(); });
}

void MailOutbox::wake()
{
    {
        const std::lock_guard lock(d->mutex);
        ++d->wakes;
    }
    d->changed.notify_all();
}

void MailOutbox::requestStop()
{
    {
        const std::lock_guard lock(d->mutex);
        d->stopping = true;
    }
    d->changed.notify_all();
}

void MailOutbox::stop()
{
    requestStop();
    if (d->thread.joinable())
        d->thread.join();
}

} // namespace Pult
