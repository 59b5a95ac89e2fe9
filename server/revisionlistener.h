#pragma once

// Follows the revision that other pultd processes on the same PostgreSQL database commit: a
// thread with its own connection LISTENs on "pult_revision" (ServerStore NOTIFYs it in each
// write transaction) and hands every revision to a callback, which wakes this process's
// WebSocket clients. After a lost connection it reconnects and hands over the newest revision,
// so a missed notification costs latency only.

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

namespace Pult {

class RevisionListener
{
public:
    RevisionListener(QString databaseUrl, std::function<void(std::int64_t)> publish);
    ~RevisionListener(); // stops and joins the thread
    RevisionListener(const RevisionListener &) = delete;
    RevisionListener &operator=(const RevisionListener &) = delete;

private:
    void run();

    QString m_url;
    std::function<void(std::int64_t)> m_publish;
    std::atomic<bool> m_stop = false;
    std::thread m_thread;
};

} // namespace Pult
