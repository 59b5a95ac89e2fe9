#include "revisionlistener.h"

#include "logrecord.h"
#include "pgdb.h"

#include <chrono>

namespace Pult {

namespace {

constexpr int kPollMs = 200;                           // how soon a stop is noticed
constexpr std::chrono::milliseconds kRetryDelay{1000}; // after a failed connection

} // namespace

RevisionListener::RevisionListener(QString databaseUrl, std::function<void(std::int64_t)> publish)
    : m_url(std::move(databaseUrl))
    , m_publish(std::move(publish))
    , m_thread([this] { run(); })
{}

RevisionListener::~RevisionListener()
{
    m_stop = true;
    m_thread.join();
}

void RevisionListener::run()
{
    bool reported = false; // log a failure once, not every second
    while (!m_stop) {
        auto connection = Pg::Connection::open(m_url);
        Status s = connection.good() ? (*connection)->listen(QStringLiteral("pult_revision"))
                                     : connection.status();
        // What was committed before LISTEN took effect.
        std::optional<std::int64_t> newest;
        if (s.good()) {
            auto stmt = (*connection)->prepare("SELECT max(revision) FROM changes");
            if (stmt.good() && (*stmt)->next())
                newest = (*stmt)->int64(0);
            s = stmt.good() ? (*stmt)->status() : stmt.status();
            if (stmt.good())
                (*stmt)->reset();
        }
        if (!s.good()) {
            if (!reported)
                LogRecord(LogLevel::Warning, "revision_listener_failed")
                    .addString("error", s.message().toStdString())
                    .write();
            reported = true;
            for (auto waited = std::chrono::milliseconds(0); !m_stop && waited < kRetryDelay;
                 waited += std::chrono::milliseconds(kPollMs))
                std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
            continue;
        }
        reported = false;
        if (newest)
            m_publish(*newest);
        while (!m_stop && (*connection)->isOpen()) {
            if (auto notification = (*connection)->waitForNotification(kPollMs))
                m_publish(notification->payload.toLongLong());
        }
    }
}

} // namespace Pult
