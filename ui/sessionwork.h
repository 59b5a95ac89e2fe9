#pragma once

// Work that may wait on the network (signing in, fetching an attachment), run off the UI thread.
// Each job gets a thread of its own with its own connection to the profile's store and its own
// SyncSession; its result comes back queued to the receiver's thread. The destructor waits for
// jobs still running (each ends within the connection's timeout), so the receiver must own this
// object: then no result arrives after the receiver is gone.

#include "localstore.h"
#include "paths.h"
#include "status.h"
#include "syncsession.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <optional>

namespace Pult {

class SessionWork
{
public:
    // receiver: where done() runs; home: the profile directory.
    SessionWork(QObject *receiver, QString home)
        : m_receiver(receiver)
        , m_home(std::move(home))
    {}
    ~SessionWork() { waitForAll(); }
    SessionWork(const SessionWork &) = delete;
    SessionWork &operator=(const SessionWork &) = delete;

    template<typename T>
    void run(std::function<Result<T>(SyncSession &)> work,
             std::function<void(const Result<T> &)> done)
    {
        start(QThread::create(
            [receiver = m_receiver, home = m_home, work = std::move(work), done = std::move(done)] {
                std::optional<Result<T>> result;
                auto store = LocalStore::open(storePath(home));
                if (store.good()) {
                    SyncSession session(**store, home);
                    result.emplace(work(session));
                } else {
                    result.emplace(store.status());
                }
                QMetaObject::invokeMethod(
                    receiver, [done, result = std::move(*result)] { done(result); },
                    Qt::QueuedConnection);
            }));
    }

    void waitForAll();

private:
    void start(QThread *thread);

    QObject *m_receiver;
    QString m_home;
    QList<QPointer<QThread>> m_threads; // jobs still running
};

} // namespace Pult
