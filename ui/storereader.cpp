#include "storereader.h"

#include "localstore.h"
#include "sqlitedb.h"

#include <QThread>

namespace Pult {

namespace {
std::function<void(LocalStore &)> &connectionHook()
{
    static std::function<void(LocalStore &)> hook;
    return hook;
}
} // namespace

void StoreReader::setConnectionHook(std::function<void(LocalStore &)> hook)
{
    connectionHook() = std::move(hook);
}

struct StoreReader::Private
{
    QString path;
    QThread thread;
    // Lives on the thread: jobs are queued calls to it.
    std::unique_ptr<QObject> worker = std::make_unique<QObject>();
    // Used only on the thread, opened by the first job.
    std::unique_ptr<LocalStore> store;
    Status openError;
    bool opened = false;
    std::atomic<bool> stopping = false;
    std::atomic<Sql::Database *> database = nullptr; // the open connection, for interrupting it
    std::function<void(LocalStore &)> hook;          // copied at construction: set on the UI thread
};

StoreReader::StoreReader(QString path, const QString &name, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->path = std::move(path);
    setObjectName(name);
    d->thread.setObjectName(name);
    d->hook = connectionHook();
    d->worker->moveToThread(&d->thread);
    d->thread.start();
}

StoreReader::~StoreReader()
{
    d->stopping = true; // jobs still queued return at once
    if (Sql::Database *database = d->database.load())
        database->interrupt(); // and the one running ends at its next step
    d->thread.quit();
    d->thread.wait();
    d->store.reset(); // the thread is gone: closing the connection here is safe
}

void StoreReader::post(Job job)
{
    QMetaObject::invokeMethod(
        d->worker.get(),
        [d = d.get(), job = std::move(job)] {
            if (d->stopping)
                return;
            if (!d->opened) {
                d->opened = true;
                auto store = LocalStore::open(d->path);
                if (store.good()) {
                    d->store = std::move(*store);
                    d->database = &d->store->database();
                    if (d->hook)
                        d->hook(*d->store);
                } else {
                    d->openError = store.status();
                }
            }
            job(d->store.get(), d->openError);
        },
        Qt::QueuedConnection);
}

void StoreReader::deliver(std::function<void()> done)
{
    if (d->stopping)
        return;
    // Queued to this object: a result still queued when it is destroyed goes with it.
    QMetaObject::invokeMethod(this, std::move(done), Qt::QueuedConnection);
}

} // namespace Pult
