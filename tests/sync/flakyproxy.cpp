#include "flakyproxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdint>
#include <memory>
#include <vector>

namespace PultTest {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kBufferSize = 64 * 1024;

void closeFd(int &fd)
{
    if (fd >= 0) {
        // Not retried on EINTR: on Linux the descriptor is gone either way.
        ::close(fd);
        fd = -1;
    }
}

// SO_LINGER with a zero timeout makes close() send RST instead of FIN.
void resetFd(int &fd)
{
    if (fd < 0)
        return;
    const linger abortive{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    closeFd(fd);
}

// Closes with FIN. close() sends RST instead when received bytes are still unread, so first the
// FIN goes out and then whatever the client has sent already is read and thrown away.
void finFd(int &fd)
{
    ::shutdown(fd, SHUT_WR);
    char sink[4096];
    for (int i = 0; i < 64; ++i) {
        const ssize_t n = ::recv(fd, sink, sizeof sink, MSG_DONTWAIT);
        if (n <= 0 && !(n < 0 && errno == EINTR))
            break;
    }
    closeFd(fd);
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Uniform in [0, 1) from the top 53 bits: the std distributions may differ between standard
// libraries, and a seed must mean the same fates everywhere.
double unitDraw(std::mt19937_64 &rng)
{
    return double(rng() >> 11) * 0x1.0p-53;
}

// The socket's pending error, which is also cleared.
int socketError(int fd)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0)
        return errno;
    return error;
}

void noDelay(int fd)
{
    // Small writes such as WebSocket frames should not wait for Nagle's algorithm.
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

} // namespace

struct FlakyProxy::Fate
{
    bool drop = false;
    bool reset = false;
    qint64 resetAfter = 0;
    bool stall = false;
    int stallMs = 0;
};

struct FlakyProxy::Connection
{
    // Bytes on their way from one socket to the other.
    struct Direction
    {
        std::vector<char> buffer = std::vector<char>(kBufferSize);
        std::size_t begin = 0; // pending bytes are buffer[begin, end)
        std::size_t end = 0;
        bool eof = false;  // the source has sent FIN
        bool shut = false; // and the FIN has been passed on

        bool pending() const { return begin < end; }
    };

    int client = -1;
    int target = -1;
    bool connecting = true; // the connection to the target is not established yet
    Fate fate;
    qint64 forwardedBytes = 0; // both directions
    bool stallBegun = false;
    Clock::time_point stallEnd;
    Direction toTarget;
    Direction toClient;
    bool finished = false;

    bool paused(Clock::time_point now) const { return stallBegun && now < stallEnd; }

    void abort()
    {
        resetFd(client);
        resetFd(target);
        finished = true;
    }
};

FlakyProxy::FlakyProxy(quint16 targetPort, quint64 seed)
    : m_targetPort(targetPort)
    , m_rng(seed)
{}

FlakyProxy::~FlakyProxy()
{
    if (m_thread.joinable()) {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        wake();
        m_thread.join();
    }
    closeFd(m_listenFd);
    closeFd(m_wakeFd);
}

bool FlakyProxy::start()
{
    if (m_thread.joinable())
        return false;
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (m_listenFd < 0 || m_wakeFd < 0 ||
        ::bind(m_listenFd, reinterpret_cast<const sockaddr *>(&address), sizeof address) < 0 ||
        ::listen(m_listenFd, SOMAXCONN) < 0 ||
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) < 0) {
        closeFd(m_listenFd);
        closeFd(m_wakeFd);
        return false;
    }
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
    return true;
}

void FlakyProxy::setFaults(const Faults &faults)
{
    const std::lock_guard lock(m_mutex);
    m_faults = faults;
}

void FlakyProxy::setDown(bool down)
{
    std::unique_lock lock(m_mutex);
    m_down = down;
    const quint64 request = ++m_downRequested;
    if (!m_thread.joinable()) {
        m_downDone = request; // nothing is open to reset
        return;
    }
    wake();
    m_downApplied.wait(lock, [&] { return m_downDone >= request; });
}

FlakyProxy::Counters FlakyProxy::counters() const
{
    const std::lock_guard lock(m_mutex);
    return m_counters;
}

void FlakyProxy::wake()
{
    const std::uint64_t one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

// Every number is drawn whatever the outcome, so connection n gets the same numbers from a seed
// whatever the fault settings; only its outcome changes with the probabilities.
FlakyProxy::Fate FlakyProxy::drawFate(const Faults &faults)
{
    Fate fate;
    fate.drop = unitDraw(m_rng) < faults.drop;
    fate.reset = unitDraw(m_rng) < faults.reset;
    const quint64 span = quint64(std::max<qint64>(faults.resetWithinBytes, 0)) + 1;
    fate.resetAfter = qint64(m_rng() % span);
    fate.stall = unitDraw(m_rng) < faults.stall;
    fate.stallMs = faults.stallMs;
    return fate;
}

void FlakyProxy::run()
{
    std::vector<std::unique_ptr<Connection>> connections;
    std::vector<pollfd> fds;

    // Reads from `from` when the direction's buffer is empty; false on a broken connection.
    const auto receive = [](Connection::Direction &direction, int from, short revents) {
        if (!(revents & (POLLIN | POLLERR | POLLHUP)) || direction.eof || direction.pending())
            return true;
        ssize_t n;
        do {
            n = ::recv(from, direction.buffer.data(), direction.buffer.size(), 0);
        } while (n < 0 && errno == EINTR);
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK;
        if (n == 0)
            direction.eof = true;
        direction.begin = 0;
        direction.end = std::size_t(n);
        return true;
    };

    // Writes pending bytes to `to`, no more than a reset fault's budget allows.
    const auto send = [](Connection &connection, Connection::Direction &direction, int to) {
        if (!direction.pending())
            return true;
        std::size_t count = direction.end - direction.begin;
        if (connection.fate.reset)
            count =
                std::min(count, std::size_t(std::max<qint64>(
                                    connection.fate.resetAfter - connection.forwardedBytes, 0)));
        if (count == 0)
            return true;
        ssize_t n;
        do {
            n = ::send(to, direction.buffer.data() + direction.begin, count, MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK;
        direction.begin += std::size_t(n);
        connection.forwardedBytes += n;
        return true;
    };

    // Half-close: a FIN from one side becomes shutdown(SHUT_WR) on the other once all that
    // came before it has been forwarded.
    const auto passOnEof = [](Connection::Direction &direction, int to) {
        if (direction.eof && !direction.pending() && !direction.shut) {
            ::shutdown(to, SHUT_WR);
            direction.shut = true;
        }
    };

    // With no events asked for, poll() still reports POLLERR and POLLHUP; with the FIN not yet
    // passed on to this socket, POLLHUP means it was reset or closed under us.
    const auto broken = [](int fd, const pollfd &polled) {
        if (polled.revents & POLLERR && socketError(fd) != 0)
            return true;
        return (polled.revents & POLLHUP) && polled.events == 0;
    };

    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_stopping)
                break;
            if (m_downDone != m_downRequested) {
                if (m_down) {
                    for (const auto &connection : connections) {
                        connection->abort();
                        ++m_counters.reset;
                    }
                    connections.clear();
                }
                m_downDone = m_downRequested;
                m_downApplied.notify_all();
            }
        }

        Clock::time_point now = Clock::now();
        int timeoutMs = -1;
        fds.clear();
        fds.push_back({m_wakeFd, POLLIN, 0});
        fds.push_back({m_listenFd, POLLIN, 0});
        for (const auto &connection : connections) {
            Connection &c = *connection;
            if (c.paused(now)) {
                // Not even errors are looked at: a stalled network delivers nothing.
                const auto left =
                    std::chrono::ceil<std::chrono::milliseconds>(c.stallEnd - now).count();
                const int leftMs = int(std::min<decltype(left)>(left, INT_MAX));
                timeoutMs = timeoutMs < 0 ? leftMs : std::min(timeoutMs, leftMs);
                fds.push_back({-1, 0, 0});
                fds.push_back({-1, 0, 0});
                continue;
            }
            short clientEvents = 0;
            short targetEvents = 0;
            if (c.connecting) {
                targetEvents = POLLOUT;
            } else {
                if (!c.toTarget.eof && !c.toTarget.pending())
                    clientEvents |= POLLIN;
                if (!c.toClient.eof && !c.toClient.pending())
                    targetEvents |= POLLIN;
                if (c.toClient.pending())
                    clientEvents |= POLLOUT;
                if (c.toTarget.pending())
                    targetEvents |= POLLOUT;
            }
            // Once FIN went to a socket and nothing is wanted from it, POLLHUP would only say
            // that the peer sent FIN too, which is read in due course; polling it would spin.
            fds.push_back({clientEvents == 0 && c.toClient.shut ? -1 : c.client, clientEvents, 0});
            fds.push_back({targetEvents == 0 && c.toTarget.shut ? -1 : c.target, targetEvents, 0});
        }

        if (::poll(fds.data(), nfds_t(fds.size()), timeoutMs) < 0)
            continue; // EINTR; anything else is retried too
        if (fds[0].revents) {
            std::uint64_t count;
            while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
            }
        }

        for (std::size_t i = 0; i < connections.size(); ++i) {
            Connection &c = *connections[i];
            const pollfd &polledClient = fds[2 + 2 * i];
            const pollfd &polledTarget = fds[3 + 2 * i];
            if (polledClient.fd < 0 && polledTarget.fd < 0 && c.paused(Clock::now()))
                continue;
            if (c.connecting) {
                if (broken(c.client, polledClient)) {
                    c.abort();
                    continue;
                }
                if (!polledTarget.revents)
                    continue;
                if (socketError(c.target) != 0 || !(polledTarget.revents & POLLOUT)) {
                    c.abort(); // the target is not there: the client sees a reset
                    continue;
                }
                c.connecting = false;
                noDelay(c.target);
                {
                    const std::lock_guard lock(m_mutex);
                    ++m_counters.forwarded;
                }
            } else {
                if (broken(c.client, polledClient) || broken(c.target, polledTarget)) {
                    c.abort();
                    continue;
                }
                if (!receive(c.toTarget, c.client, polledClient.revents) ||
                    !receive(c.toClient, c.target, polledTarget.revents)) {
                    c.abort();
                    continue;
                }
                // The stall begins with the first bytes read, which wait out the stall in the
                // buffer.
                if (c.fate.stall && !c.stallBegun &&
                    (c.toTarget.pending() || c.toClient.pending())) {
                    c.stallBegun = true;
                    c.stallEnd = Clock::now() + std::chrono::milliseconds(c.fate.stallMs);
                    const std::lock_guard lock(m_mutex);
                    ++m_counters.stalled;
                }
            }

            now = Clock::now();
            if (c.paused(now))
                continue;
            if (!send(c, c.toTarget, c.target) || !send(c, c.toClient, c.client)) {
                c.abort();
                continue;
            }
            if (c.fate.reset && c.forwardedBytes >= c.fate.resetAfter) {
                {
                    // Counted first, so that a client that sees the reset sees it counted.
                    const std::lock_guard lock(m_mutex);
                    ++m_counters.reset;
                }
                c.abort();
                continue;
            }
            passOnEof(c.toTarget, c.target);
            passOnEof(c.toClient, c.client);
            if (c.toTarget.shut && c.toClient.shut) {
                closeFd(c.client);
                closeFd(c.target);
                c.finished = true;
            }
        }

        if (fds[1].revents) {
            for (;;) {
                int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (client < 0) {
                    if (errno == EINTR || errno == ECONNABORTED)
                        continue;
                    break; // EAGAIN; or out of descriptors, tried again on the next round
                }
                std::unique_lock lock(m_mutex);
                ++m_counters.accepted;
                Fate fate;
                if (!m_down)
                    fate = drawFate(m_faults);
                if (m_down || fate.drop) {
                    ++m_counters.dropped;
                    lock.unlock();
                    finFd(client);
                    continue;
                }
                lock.unlock();

                auto connection = std::make_unique<Connection>();
                connection->client = client;
                connection->fate = fate;
                noDelay(client);
                connection->target =
                    ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
                const sockaddr_in address = loopback(m_targetPort);
                if (connection->target < 0 ||
                    (::connect(connection->target, reinterpret_cast<const sockaddr *>(&address),
                               sizeof address) < 0 &&
                     errno != EINPROGRESS)) {
                    connection->abort();
                    continue;
                }
                // Connected or not yet, poll() says when with POLLOUT.
                connections.push_back(std::move(connection));
            }
        }

        std::erase_if(connections, [](const auto &connection) { return connection->finished; });
    }

    for (const auto &connection : connections)
        connection->abort();
    const std::lock_guard lock(m_mutex);
    m_downDone = m_downRequested;
    m_downApplied.notify_all();
}

} // namespace PultTest
