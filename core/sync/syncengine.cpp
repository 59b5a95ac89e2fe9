#include "syncengine.h"

#include "localstore.h"
#include "paths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

namespace Pult {

QString SyncEngine::State::text() const
{
    switch (kind) {
    case SignedOut:
        return QCoreApplication::translate("SyncEngine", "Signed out");
    // "1 change" has a string of its own: English has no numerus translation file, and the
    // languages that do give %n its forms in the other string.
    case Offline:
        if (pending == 1)
            return QCoreApplication::translate("SyncEngine", "Offline — 1 change waiting");
        return pending > 0 ? QCoreApplication::translate(
                                 "SyncEngine", "Offline — %n changes waiting", nullptr, pending)
                           : QCoreApplication::translate("SyncEngine", "Offline");
    case Syncing:
        return progress >= 0
                   ? QCoreApplication::translate("SyncEngine", "Syncing %1 %").arg(progress)
                   : QCoreApplication::translate("SyncEngine", "Syncing");
    case Synced:
        if (pending == 1)
            return QCoreApplication::translate("SyncEngine", "Synced — 1 change waiting");
        return pending > 0 ? QCoreApplication::translate(
                                 "SyncEngine", "Synced — %n changes waiting", nullptr, pending)
                           : QCoreApplication::translate("SyncEngine", "Synced");
    case Error:
        return QCoreApplication::translate("SyncEngine", "Error: %1").arg(message);
    }
    return {};
}

// Lives on the engine's thread; everything it owns is created there.
class SyncEngine::Worker : public QObject
{
    Q_OBJECT

public:
    Worker(QString home, int pollMs)
        : m_home(std::move(home))
        , m_pollMs(pollMs)
    {}

    // Runs on the engine's thread as it finishes (deleteLater on QThread::finished), after any
    // round has returned: the stream first, then the session, then its store.
    ~Worker() override
    {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
    }

public Q_SLOTS:
    void begin()
    {
        if (!openStore(false))
            return;
        m_poll = new QTimer(this);
        m_poll->setInterval(m_pollMs);
        connect(m_poll, &QTimer::timeout, this, &Worker::requestRound);
        m_poll->start();
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        connect(m_retry, &QTimer::timeout, this, &Worker::requestRound);
        m_reconnect = new QTimer(this);
        m_reconnect->setSingleShot(true);
        connect(m_reconnect, &QTimer::timeout, this, &Worker::openStream);
        m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_socket, &QWebSocket::textMessageReceived, this, &Worker::hint);
        connect(m_socket, &QWebSocket::connected, this, [this] { m_streamBackoff = 0; });
        connect(m_socket, &QWebSocket::disconnected, this, &Worker::streamLost);
        openStream();
        requestRound();
    }

    void requestRound()
    {
        if (m_running) {
            m_again = true; // a hint or a nudge during a round: one more round after it
            return;
        }
        m_running = true;
        do {
            m_again = false;
            round();
        } while (m_again && !m_signedOut);
        m_running = false;
        // The log's pages go back to the database here, off the UI thread (localstore.h).
        // A checkpoint that fails (a reader holds the log) only leaves it for the next round.
        if (m_store)
            (void)m_store->checkpoint();
    }

Q_SIGNALS:
    void stateChanged(const Pult::SyncEngine::State &state);
    void rejected(const Pult::Rejection &rejection);
    void cacheChanged(qint64 revision, bool ticketsChanged);
    void transferProgress(const QString &name, qint64 done, qint64 total);

private:
    void round()
    {
        if (!m_session)
            return;
        m_signedOut = false;
        auto pending = m_session->pendingCount();
        const int waiting = pending.good() ? *pending : 0;
        auto revision = m_session->revision();
        publish({State::Syncing, waiting, -1, revision.good() ? *revision : 0, {}});
        Status status;
        auto pushed = m_session->push();
        if (pushed.good()) {
            for (const Rejection &r : std::as_const(pushed->rejected))
                Q_EMIT rejected(r);
            auto pulled = m_session->pull([&](qint64 at, qint64 head) {
                const qint64 from = revision.good() ? *revision : 0;
                const int percent = head > from ? int(100 * (at - from) / (head - from)) : 100;
                publish({State::Syncing, waiting, percent, at, {}});
            });
            if (pulled.good()) {
                if (pulled->changes > 0 || pushed->applied > 0 || !pushed->rejected.isEmpty())
                    Q_EMIT cacheChanged(pulled->revision,
                                        pulled->ticketChanges > 0 || !pushed->rejected.isEmpty());
            } else {
                status = pulled.status();
            }
        } else {
            status = pushed.status();
        }
        pending = m_session->pendingCount();
        revision = m_session->revision();
        const State after{State::Synced, pending.good() ? *pending : 0, -1,
                          revision.good() ? *revision : 0, status.message()};
        if (status.good()) {
            m_backoff = 0;
            publish(after);
            if (m_socket->state() == QAbstractSocket::UnconnectedState && !m_reconnect->isActive())
                openStream();
            return;
        }
        if (status.code() == Status::Corrupt && openStore(true)) {
            m_again = true; // a fresh cache, refilled from the server by the next round
            return;
        }
        if (status.code() == Status::Unauthenticated) {
            m_signedOut = true;
            publish({State::SignedOut, after.pending, -1, after.revision, status.message()});
            return;
        }
        publish({status.code() == Status::Unreachable ? State::Offline : State::Error,
                 after.pending, -1, after.revision, status.message()});
        m_retry->start(nextDelay(m_backoff));
    }

    // Opens the cache; a damaged one (found at open, or by a round when rebuild is set) is moved
    // aside and started afresh, keeping the outbox and the sign-in (LocalStore::recoverDamaged).
    bool openStore(bool rebuild)
    {
        m_session.reset();
        m_store.reset();
        const QString path = storePath(m_home);
        auto store = rebuild ? Result<std::unique_ptr<LocalStore>>(
                                   Status(Status::Corrupt, QStringLiteral("damaged")))
                             : LocalStore::open(path);
        if (!store.good() && store.status().code() == Status::Corrupt) {
            if (auto recovered = LocalStore::recoverDamaged(path); recovered.good())
                store = LocalStore::open(path);
            else
                store = recovered.status();
        }
        if (!store.good()) {
            publish({State::Error, 0, -1, 0, store.status().message()});
            return false;
        }
        m_store = std::move(*store);
        // Search-index merges happen here after each pull, not inside the window's small
        // writes (LocalStore::setSearchAutomerge). Housekeeping: a failure only costs speed.
        (void)m_store->setSearchAutomerge(false);
        m_session = std::make_unique<SyncSession>(*m_store, m_home);
        // Uploads tell their progress at most every 100 ms, and when they finish.
        m_session->setTransferProgress([this](const QString &name, qint64 done, qint64 total) {
            if (done < total && m_progressClock.isValid() && m_progressClock.elapsed() < 100)
                return;
            m_progressClock.start();
            Q_EMIT transferProgress(name, done, total);
        });
        return true;
    }

    void openStream()
    {
        if (!m_session)
            return;
        auto request = m_session->streamRequest();
        if (!request.good())
            return;
        m_socket->open(*request);
    }

    void streamLost()
    {
        if (m_signedOut)
            return;
        m_reconnect->start(nextDelay(m_streamBackoff));
    }

    void hint(const QString &message)
    {
        const qint64 newest = QJsonDocument::fromJson(message.toUtf8())
                                  .object()
                                  .value(QLatin1String("revision"))
                                  .toInteger(-1);
        auto have = m_session ? m_session->revision() : Result<qint64>(qint64(0));
        if (newest < 0 || (have.good() && newest <= *have))
            return;
        // Let the slot return first: a round started from inside the socket's signal would
        // run the socket's own event loop re-entrantly.
        QTimer::singleShot(0, this, &Worker::requestRound);
    }

    // 1 s doubling to 60 s, ±25 % jitter.
    static int nextDelay(int &attempt)
    {
        const int base = std::min(60'000, 1000 << std::min(attempt, 6));
        ++attempt;
        const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
        return int(base * jitter);
    }

    void publish(const State &state)
    {
        if (state == m_state)
            return;
        m_state = state;
        Q_EMIT stateChanged(state);
    }

    QString m_home;
    int m_pollMs;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncSession> m_session;
    QTimer *m_poll = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_reconnect = nullptr;
    QWebSocket *m_socket = nullptr;
    State m_state;
    int m_backoff = 0;
    QElapsedTimer m_progressClock; // since the last transferProgress
    int m_streamBackoff = 0;
    bool m_running = false;
    bool m_again = false;
    bool m_signedOut = false;
};

struct SyncEngine::Private
{
    QString home;
    int pollMs = 30'000;
    QThread thread;
    Worker *worker = nullptr;
    mutable QMutex mutex;
    State state;
};

SyncEngine::SyncEngine(const QString &home, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<Pult::SyncEngine::State>();
    qRegisterMetaType<Pult::Rejection>();
    d->home = home;
    d->thread.setObjectName(QStringLiteral("pult-sync"));
}

SyncEngine::~SyncEngine()
{
    // quit() ends every event loop of the thread, also the one a request of a running round
    // waits in, and loops started afterwards return at once: the round fails fast as
    // unreachable, returns, and the thread finishes; nothing is torn down under it.
    d->thread.quit();
    d->thread.wait();
}

void SyncEngine::setPollInterval(int milliseconds)
{
    d->pollMs = milliseconds;
}

void SyncEngine::start()
{
    if (d->worker)
        return;
    d->worker = new Worker(d->home, d->pollMs);
    d->worker->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    connect(d->worker, &Worker::stateChanged, this, [this](const State &state) {
        {
            QMutexLocker lock(&d->mutex);
            d->state = state;
        }
        Q_EMIT stateChanged(state);
    });
    connect(d->worker, &Worker::rejected, this, &SyncEngine::rejected);
    connect(d->worker, &Worker::transferProgress, this, &SyncEngine::transferProgress);
    connect(d->worker, &Worker::cacheChanged, this, &SyncEngine::cacheChanged);
    d->thread.start();
    QMetaObject::invokeMethod(d->worker, &Worker::begin, Qt::QueuedConnection);
}

SyncEngine::State SyncEngine::state() const
{
    QMutexLocker lock(&d->mutex);
    return d->state;
}

void SyncEngine::syncNow()
{
    if (d->worker)
        QMetaObject::invokeMethod(d->worker, &Worker::requestRound, Qt::QueuedConnection);
}

} // namespace Pult

#include "syncengine.moc"
