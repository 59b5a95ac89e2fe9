#pragma once

// pultd's metrics for GET /metrics, in the Prometheus text exposition format 0.0.4. Counters are
// kept here; the gauges (open connections, open streams, the revision) are read by the server
// when it is scraped and handed to render(). Every method is safe from any thread at once: one
// mutex around two small maps on the request path, atomics for the op results.
//
// Label values are bounded: a route is a registered route's path or "unmatched" (never a raw
// path), a method one of the HTTP methods or "other", a status a number from 100 to 599.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace Pult {

// One department mailbox's state (mail/mailfetcher.h), labelled by its address.
struct MailboxGauges
{
    std::string address;
    bool connected = false;
    bool idle = false;
    std::int64_t lastFetchMs = 0; // 0: never
    bool failing = false;         // the last session ended in an error
    std::int64_t ingested = 0;
    std::int64_t quarantined = 0;
};

// The gauges of one scrape.
struct MetricsGauges
{
    std::int64_t connectionsOpen = 0;   // HTTP and WebSocket connections
    std::int64_t streamsOpen = 0;       // WebSocket streams (GET /api/v1/stream)
    std::int64_t revision = 0;          // the newest published revision
    std::int64_t attachmentsStored = 0; // attachment files stored (content-addressed)
    std::int64_t attachmentsBytes = 0;  // their bytes
    std::int64_t workerRequests = 0;    // requests on the worker pool, running or waiting
    std::vector<MailboxGauges> mailboxes;
};

class Metrics
{
public:
    static constexpr std::string_view kPath = "/metrics";
    static constexpr std::string_view kContentType = "text/plain; version=0.0.4";
    // The upper bounds of the request duration histogram's buckets, in seconds (+Inf follows).
    static constexpr std::array<double, 8> kDurationBuckets = {0.001, 0.005, 0.01, 0.05,
                                                               0.1,   0.5,   1,    5};

    // One answered request. `route` is the matched route's path, empty when none matched.
    void countRequest(std::string_view route, std::string_view method, int status, double seconds);
    // The results in the body of a POST /api/v1/ops answer ({"results": [{"status": ...}]}).
    void countOpResults(std::string_view responseBody);
    void countOps(std::int64_t applied, std::int64_t rejected);
    // Upload files (partial or complete) the orphan sweep removed.
    void countOrphanUploadsRemoved(std::int64_t files)
    {
        m_orphanUploadsRemoved += std::uint64_t(files);
    }
    // A request answered 503 because the worker pool's queue was full.
    void countOverloaded() { ++m_overloaded; }

    // The whole exposition text.
    std::string render(const MetricsGauges &gauges) const;

private:
    struct Histogram
    {
        std::array<std::uint64_t, kDurationBuckets.size()> buckets{}; // not cumulative
        double sum = 0;
        std::uint64_t count = 0;
    };

    mutable std::mutex m_mutex;
    // route, method, status: the number of requests.
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> m_requests;
    std::map<std::string, Histogram, std::less<>> m_durations; // by route
    std::atomic<std::uint64_t> m_opsApplied = 0;
    std::atomic<std::uint64_t> m_opsRejected = 0;
    std::atomic<std::uint64_t> m_orphanUploadsRemoved = 0;
    std::atomic<std::uint64_t> m_overloaded = 0;
};

} // namespace Pult
