#pragma once

// The sync engine: a SyncSession on a thread of its own, with its own LocalStore connection,
// kept in step with the server without anyone asking. The desktop client and `pultctl sync
// --watch` use it; neither ever waits on the network.
//
// What makes it pull: start(), syncNow() (after local work, or a user's click), a revision hint
// on the WebSocket stream newer than the cache, and a periodic pull (every 30 s) that covers a
// lost hint. A failed round is retried with exponential backoff (1 s doubling to 60 s, with
// ±25 % jitter so that many clients do not come back at once); the stream reconnects the same
// way. A refused token stops everything until syncNow() after a new sign-in.

#include "status.h"
#include "syncsession.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Pult {

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct State
    {
        enum Kind { SignedOut, Offline, Syncing, Synced, Error };
        Kind kind = Offline;
        int pending = 0;   // outbox ops waiting
        int progress = -1; // Syncing: percent of the pull, -1 when unknown
        qint64 revision = 0;
        QString message; // Offline and Error: why
        // "Synced", "Syncing 40 %", "Offline — 3 changes waiting", "Signed out", "Error: …"
        QString text() const;
        friend bool operator==(const State &, const State &) = default;
    };

    explicit SyncEngine(const QString &home, QObject *parent = nullptr);
    ~SyncEngine() override; // stops the thread; an unfinished round is picked up next time

    void start();
    State state() const;

    // Interval of the periodic pull (default 30 s); for tests and benchmarks.
    void setPollInterval(int milliseconds);

public Q_SLOTS:
    // Push and pull now (coalesced with a round already running).
    void syncNow();

Q_SIGNALS:
    void stateChanged(const Pult::SyncEngine::State &state);
    // The server refused a local op; it was rolled back in the cache.
    void rejected(const Pult::Rejection &rejection);
    // The cache changed: changes arrived from the server, or refused ops were rolled back
    // (views reload). ticketsChanged is false when nothing a view or filter selects by changed
    // (only canned responses, history or shared filters arrived, or ops were acknowledged).
    void cacheChanged(qint64 revision, bool ticketsChanged);
    // An attachment is being uploaded: bytes sent of total (at most ten times a second).
    void transferProgress(const QString &name, qint64 done, qint64 total);

private:
    class Worker;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult

Q_DECLARE_METATYPE(Pult::SyncEngine::State)
Q_DECLARE_METATYPE(Pult::Rejection)
