#include "metrics.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <charconv>

namespace Pult {
namespace {

constexpr std::string_view kUnmatched = "unmatched";
// The le labels of kDurationBuckets, as Prometheus client libraries write them.
constexpr std::array<std::string_view, Metrics::kDurationBuckets.size()> kBucketLabels = {
    "0.001", "0.005", "0.01", "0.05", "0.1", "0.5", "1", "5"};

// A client may send any token as its method: keep the label set small.
std::string_view methodLabel(std::string_view method)
{
    static constexpr std::array<std::string_view, 9> known = {
        "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"};
    for (const std::string_view m : known) {
        if (m == method)
            return m;
    }
    return "other";
}

// A label value with backslash, double quote and line feed escaped.
void appendLabelValue(std::string &out, std::string_view value)
{
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
}

void appendNumber(std::string &out, double value)
{
    std::array<char, 64> buffer;
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (error == std::errc())
        out.append(buffer.data(), end);
    else
        out += "NaN";
}

void appendFamily(std::string &out, std::string_view name, std::string_view type,
                  std::string_view help)
{
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

} // namespace

void Metrics::countRequest(std::string_view route, std::string_view method, int status,
                           double seconds)
{
    if (route.empty())
        route = kUnmatched;
    const std::string_view methodName = methodLabel(method);
    if (status < 100 || status > 599)
        status = 0;
    if (!(seconds >= 0))
        seconds = 0;

    const std::lock_guard lock(m_mutex);
    const auto key = std::make_tuple(route, methodName, status);
    if (auto it = m_requests.find(key); it != m_requests.end())
        ++it->second;
    else
        m_requests.emplace(std::make_tuple(std::string(route), std::string(methodName), status), 1);

    auto histogram = m_durations.find(route);
    if (histogram == m_durations.end())
        histogram = m_durations.emplace(std::string(route), Histogram{}).first;
    Histogram &h = histogram->second;
    for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
        if (seconds <= kDurationBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    }
    h.sum += seconds;
    ++h.count;
}

void Metrics::countOpResults(std::string_view responseBody)
{
    const QJsonObject body =
        QJsonDocument::fromJson(
            QByteArray::fromRawData(responseBody.data(), qsizetype(responseBody.size())))
            .object();
    std::int64_t applied = 0;
    std::int64_t rejected = 0;
    for (const QJsonValue &result : body.value(QLatin1String("results")).toArray()) {
        const QString status = result.toObject().value(QLatin1String("status")).toString();
        if (status == u"applied")
            ++applied;
        else if (status == u"rejected")
            ++rejected;
    }
    countOps(applied, rejected);
}

void Metrics::countOps(std::int64_t applied, std::int64_t rejected)
{
    if (applied > 0)
        m_opsApplied += std::uint64_t(applied);
    if (rejected > 0)
        m_opsRejected += std::uint64_t(rejected);
}

std::string Metrics::render(const MetricsGauges &gauges) const
{
    std::string out;
    out.reserve(4096);
    const auto routeLabel = [&out](std::string_view route) {
        out += "route=\"";
        appendLabelValue(out, route);
        out += '"';
    };
    {
        const std::lock_guard lock(m_mutex);
        appendFamily(out, "pultd_http_requests_total", "counter",
                     "HTTP requests answered, by route (the matched route's path, or "
                     "\"unmatched\"), method and status.");
        for (const auto &[key, count] : m_requests) {
            const auto &[route, method, status] = key;
            out += "pultd_http_requests_total{";
            routeLabel(route);
            out.append(",method=\"").append(method).append("\",status=\"");
            out.append(std::to_string(status)).append("\"} ");
            out.append(std::to_string(count)).append("\n");
        }

        appendFamily(out, "pultd_http_request_duration_seconds", "histogram",
                     "Time from a request's headers to its answer being sent, by route.");
        for (const auto &[route, h] : m_durations) {
            std::uint64_t cumulative = 0;
            for (std::size_t i = 0; i <= kDurationBuckets.size(); ++i) {
                const bool inf = i == kDurationBuckets.size();
                cumulative = inf ? h.count : cumulative + h.buckets[i];
                out += "pultd_http_request_duration_seconds_bucket{";
                routeLabel(route);
                out.append(",le=\"").append(inf ? "+Inf" : kBucketLabels[i]).append("\"} ");
                out.append(std::to_string(cumulative)).append("\n");
            }
            out += "pultd_http_request_duration_seconds_sum{";
            routeLabel(route);
            out += "} ";
            appendNumber(out, h.sum);
            out += "\npultd_http_request_duration_seconds_count{";
            routeLabel(route);
            out.append("} ").append(std::to_string(h.count)).append("\n");
        }
    }

    appendFamily(out, "pultd_connections_open", "gauge",
                 "Open client connections, HTTP and WebSocket.");
    out.append("pultd_connections_open ").append(std::to_string(gauges.connectionsOpen));
    out += '\n';
    appendFamily(out, "pultd_streams_open", "gauge",
                 "Open revision streams (WebSockets on GET /api/v1/stream).");
    out.append("pultd_streams_open ").append(std::to_string(gauges.streamsOpen));
    out += '\n';
    appendFamily(out, "pultd_revision", "gauge", "The newest published revision.");
    out.append("pultd_revision ").append(std::to_string(gauges.revision));
    out += '\n';
    appendFamily(out, "pultd_ops_total", "counter",
                 "Operation results answered by POST /api/v1/ops (resends repeat their first "
                 "result and are counted again).");
    out.append("pultd_ops_total{result=\"applied\"} ").append(std::to_string(m_opsApplied.load()));
    out.append("\npultd_ops_total{result=\"rejected\"} ");
    out.append(std::to_string(m_opsRejected.load())).append("\n");
    appendFamily(out, "pultd_attachments_stored", "gauge",
                 "Attachment files stored (each content once, however often it is attached).");
    out.append("pultd_attachments_stored ").append(std::to_string(gauges.attachmentsStored));
    out += '\n';
    appendFamily(out, "pultd_attachments_bytes", "gauge", "The bytes of the stored attachments.");
    out.append("pultd_attachments_bytes ").append(std::to_string(gauges.attachmentsBytes));
    out += '\n';
    appendFamily(out, "pultd_orphan_uploads_removed_total", "counter",
                 "Upload files (partial, or complete and referenced by no ticket) removed by the "
                 "sweep for being older than the orphan upload age.");
    out.append("pultd_orphan_uploads_removed_total ")
        .append(std::to_string(m_orphanUploadsRemoved.load()))
        .append("\n");
    appendFamily(out, "pultd_worker_requests", "gauge",
                 "Requests on the worker pool: running, or waiting for a worker.");
    out.append("pultd_worker_requests ").append(std::to_string(gauges.workerRequests));
    out += '\n';
    appendFamily(out, "pultd_overloaded_total", "counter",
                 "Requests answered 503 with Retry-After because the worker pool's queue was "
                 "full (--max-queued-requests).");
    out.append("pultd_overloaded_total ").append(std::to_string(m_overloaded.load())).append("\n");
    const auto perMailbox = [&](std::string_view name, std::string_view type, std::string_view help,
                                auto value) {
        appendFamily(out, name, type, help);
        for (const MailboxGauges &m : gauges.mailboxes) {
            out.append(name).append("{mailbox=\"");
            appendLabelValue(out, m.address);
            out.append("\"} ").append(std::to_string(value(m))).append("\n");
        }
    };
    perMailbox("pultd_mailbox_connected", "gauge",
               "1 while pultd is signed in to the mailbox's IMAP server with its folder open.",
               [](const MailboxGauges &m) { return int(m.connected); });
    perMailbox("pultd_mailbox_idle", "gauge",
               "1 while pultd waits in IMAP IDLE for the mailbox's new mail.",
               [](const MailboxGauges &m) { return int(m.idle); });
    perMailbox("pultd_mailbox_failing", "gauge",
               "1 when the mailbox's last IMAP session ended in an error (GET /api/v1/mailboxes "
               "says which).",
               [](const MailboxGauges &m) { return int(m.failing); });
    perMailbox("pultd_mailbox_last_fetch_timestamp_seconds", "gauge",
               "When pultd last looked for new mail in the mailbox (Unix time; 0: never).",
               [](const MailboxGauges &m) { return m.lastFetchMs / 1000; });
    perMailbox("pultd_mailbox_ingested_total", "counter",
               "Mails of the mailbox this pultd made tickets or messages of (or found known).",
               [](const MailboxGauges &m) { return m.ingested; });
    perMailbox("pultd_mailbox_quarantined", "gauge",
               "The mailbox's mails in quarantine: kept raw, not tickets.",
               [](const MailboxGauges &m) { return m.quarantined; });
    appendFamily(out, "pultd_build_info", "gauge", "Always 1; the version is in its label.");
    out += "pultd_build_info{version=\"";
    appendLabelValue(out, PULT_VERSION);
    out += "\"} 1\n";
    return out;
}

} // namespace Pult
