#pragma once

// pultd's mail outbox sender (issue 17, docs/email.md): one background thread that sends the
// mail queued in the server database (table mail_outbox, written by ServerStore in the
// transaction of the op that made it) through the department mailbox's SMTP server.
//
//   - Prompt: wake() (called by the store after a commit that queued mail) ends the wait at
//     once; otherwise it sleeps until the next retry is due, or at most `poll` (mail queued by
//     another pultd on the same PostgreSQL database).
//   - Once: a mail is claimed (state "sending") by one UPDATE that only one sender wins, and
//     its outcome is written right after the server's answer. The one window for a duplicate:
//     the SMTP server accepted the message and pultd died (or lost its database) before that
//     write; after `staleClaim` the mail is sent again.
//   - Retries: a Temporary result (4xx, connection trouble) is tried again after firstRetry,
//     doubling up to maxRetry, until giveUpAfter since it was queued; a Permanent one (5xx)
//     fails at once. Sent and failed mail writes a "delivery" history event on its ticket.
//
// No Boost or Qt here.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

namespace Pult {

class Mailboxes;
class ServerStore;

struct MailOutboxConfig
{
    std::chrono::milliseconds firstRetry = std::chrono::minutes(1);
    std::chrono::milliseconds maxRetry = std::chrono::hours(1);
    std::chrono::milliseconds giveUpAfter = std::chrono::hours(48);
    // A claim older than this is taken as a sender that died mid-send (longer than
    // SmtpClient's whole-call timeout, 5 min).
    std::chrono::milliseconds staleClaim = std::chrono::minutes(15);
    // The longest sleep without a wake-up: mail queued by another pultd is seen this late.
    std::chrono::milliseconds poll = std::chrono::seconds(5);
    std::filesystem::path attachmentDirectory; // DATA/attachments

    // The defaults, with PULT_MAIL_RETRY_MS=N (tests) as firstRetry and 60 × N as maxRetry.
    static MailOutboxConfig fromEnvironment(const std::filesystem::path &attachmentDirectory);
};

class MailOutbox
{
public:
    // publishRevision is told the revision of each delivery history event (any thread).
    MailOutbox(ServerStore &store, std::unique_ptr<Mailboxes> mailboxes, MailOutboxConfig config,
               std::function<void(std::int64_t)> publishRevision);
    ~MailOutbox(); // stop()
    MailOutbox(const MailOutbox &) = delete;
    MailOutbox &operator=(const MailOutbox &) = delete;

    void start();
    // Any thread: look for due mail now.
    void wake();
    // Any thread: end the sender after the mail under way; does not wait.
    void requestStop();
    // requestStop() and wait for the thread.
    void stop();

    // The wait before attempt `attempts + 1` after `attempts` temporary failures.
    static std::chrono::milliseconds retryDelay(int attempts, const MailOutboxConfig &config);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
