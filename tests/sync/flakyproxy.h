#pragma once

// A TCP proxy for sync tests that sits between a client and pultd and misbehaves at random:
// it drops new connections, resets open ones part way through, stalls them, or plays "the network
// is gone". The randomness is seeded so that a failing test can be replayed: each connection's
// fate is drawn at accept time, in accept order, from std::mt19937_64 (whose output the standard
// fixes, unlike that of the std distributions, so a seed means the same on every platform).
//
// The proxy runs on its own thread with POSIX sockets and poll(), not on a Qt event loop, so a
// client works through it from any thread or process, including one blocked waiting for a reply.

#include <QtGlobal>

#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

namespace PultTest {

class FlakyProxy
{
public:
    struct Faults
    {
        // Probability that a new connection is closed at once (FIN) before any byte is forwarded.
        double drop = 0;
        // Probability that a connection is reset (RST) once 0..resetWithinBytes bytes, drawn
        // uniformly and counted over both directions, have been forwarded.
        double reset = 0;
        qint64 resetWithinBytes = 4096;
        // Probability that a connection stalls: when it first has bytes to forward, forwarding
        // in both directions pauses for stallMs and then carries on.
        double stall = 0;
        int stallMs = 2000;
    };

    // What the proxy did to connections so far. `dropped` counts connections closed before any
    // byte was forwarded, for a drop fault or while down; `reset` counts connections reset, for a
    // reset fault or by setDown(true); `stalled` counts stalls begun; `forwarded` counts
    // connections that reached the target. A connection that could not reach the target is reset
    // and counted only in `accepted`.
    struct Counters
    {
        int accepted = 0;
        int dropped = 0;
        int reset = 0;
        int stalled = 0;
        int forwarded = 0;
    };

    FlakyProxy(quint16 targetPort, quint64 seed); // the target is on 127.0.0.1
    ~FlakyProxy(); // stops, resets open connections, joins the thread
    FlakyProxy(const FlakyProxy &) = delete;
    FlakyProxy &operator=(const FlakyProxy &) = delete;

    // Listens on a free port of 127.0.0.1; false if that fails or the proxy already runs.
    bool start();
    quint16 port() const { return m_port; }

    // Applies to connections accepted afterwards. Thread-safe.
    void setFaults(const Faults &faults);

    // Down: new connections are closed at once and open ones are reset, as when the network goes
    // away; up again: connections are forwarded as before. Returns once the proxy has acted, so
    // after setDown(true) no connection through the proxy is left open. Thread-safe.
    void setDown(bool down);

    Counters counters() const;

private:
    struct Connection;
    struct Fate;

    void run();
    Fate drawFate(const Faults &faults);
    void wake();

    const quint16 m_targetPort;
    int m_listenFd = -1;
    int m_wakeFd = -1; // an eventfd that interrupts the proxy thread's poll()
    quint16 m_port = 0;
    std::mt19937_64 m_rng; // used by the proxy thread only
    std::thread m_thread;

    // Guards everything below; the proxy thread's own state lives in run().
    mutable std::mutex m_mutex;
    std::condition_variable m_downApplied;
    Faults m_faults;
    Counters m_counters;
    bool m_down = false;
    quint64 m_downRequested = 0; // setDown() calls so far
    quint64 m_downDone = 0;      // of them, the ones the proxy thread has acted on
    bool m_stopping = false;
};

} // namespace PultTest
