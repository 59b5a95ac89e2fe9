#pragma once

// Reads the local store off the UI thread. A StoreReader is a thread with its own connection to
// the store file (WAL: it reads committed snapshots while other connections write) that runs
// jobs one after another, in the order they were asked for, and hands each result back queued to
// the thread the reader lives on. The window's list and its sidebar each own one, so a page never
// waits behind a slow count.
//
// A request made through a Latest supersedes the earlier requests made through the same Latest:
// one that has not started is skipped, and the result of one that is running is dropped, so a
// superseded result never reaches the model. Destroying the reader waits for the job running now
// (one statement's time) and drops the rest; no result arrives after that, so an owner that
// destroys its reader first never sees a late one.

#include "status.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Pult {

class LocalStore;

class StoreReader : public QObject
{
    Q_OBJECT

public:
    // A kind of request where only the newest counts (a list's pages).
    class Latest
    {
        friend class StoreReader;
        std::shared_ptr<std::atomic<quint64>> m_current = std::make_shared<std::atomic<quint64>>(0);
    };

    // Runs on each reader's connection right after it opens, on the reader's thread. A seam for
    // tests that slow the connection down on purpose; set it before the readers are created.
    static void setConnectionHook(std::function<void(LocalStore &)> hook);

    // path: the store file (LocalStore::path()); name: the thread's name, for debuggers.
    StoreReader(QString path, const QString &name, QObject *parent = nullptr);
    ~StoreReader() override;

    // Runs job(store) on the reader's thread, then done(result) on this object's thread. T is a
    // Result<…> or a Status: a store that cannot be opened gives its error as the result.
    template<typename T> void read(std::function<T(LocalStore &)> job, std::function<void(T)> done)
    {
        read(nullptr, std::move(job), std::move(done));
    }
    // The same, superseding the requests made earlier through `latest`.
    template<typename T>
    void read(Latest *latest, std::function<T(LocalStore &)> job, std::function<void(T)> done)
    {
        std::shared_ptr<std::atomic<quint64>> current = latest ? latest->m_current : nullptr;
        const quint64 id = current ? ++*current : 0;
        const auto wanted = [current, id] { return !current || current->load() == id; };
        post([this, wanted, job = std::move(job),
              done = std::move(done)](LocalStore *store, const Status &openError) mutable {
            if (!wanted())
                return; // superseded before it started
            auto result = std::make_shared<T>(store ? job(*store) : T(openError));
            deliver([wanted, result, done = std::move(done)] {
                if (wanted()) // not superseded while it ran
                    done(std::move(*result));
            });
        });
    }

    // Lets go of a value on the reader's thread: the last reference to a large implicitly
    // shared container is freed there, not on the UI thread.
    template<typename T> void release(T value)
    {
        post([value = std::move(value)](LocalStore *, const Status &) {});
    }

private:
    using Job = std::function<void(LocalStore *store, const Status &openError)>;
    void post(Job job);
    void deliver(std::function<void()> done);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
