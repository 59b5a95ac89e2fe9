// A damaged local store when the window starts: the dialog offers the repair `pultctl repair`
// runs, after which the window opens on a usable store; Quit leaves the file as it was. Runs on
// the offscreen platform; the dialogs are answered by clicking their buttons from a timer.

#include "localstore.h"
#include "mainwindow.h"
#include "paths.h"
#include "sqlitedb.h"
#include "storeopener.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Pult;

namespace {

// Clicks the button named `button` ("close": the standard Close button) of the modal message box
// named `dialog` as soon as it shows; `seen` gets the box's text and informative text.
void answerWhenShown(const QString &dialog, const QString &button, QString *seen)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [=] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != dialog)
            return;
        QAbstractButton *b = button == u"close" ? box->button(QMessageBox::Close)
                                                : box->findChild<QAbstractButton *>(button);
        if (b) {
            *seen = box->text() + u'\n' + box->informativeText();
            timer->stop();
            timer->deleteLater();
            b->click();
        }
    });
    timer->start();
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class StoreOpenerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void repairOpensTheWindowOnAFreshStore();
    void quitLeavesTheDamagedFileUntouched();
    void aHealthyStoreOpensWithoutAsking();
    void aNewerPultsStoreIsExplainedNotRepaired();

private:
    // A home whose store file is not a database.
    QString damagedHome(const QString &name)
    {
        const QString home = m_dir.filePath(name);
        if (!QDir().mkpath(home))
            return {};
        QFile f(storePath(home));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArray(8192, 'x'));
        return home;
    }

    QTemporaryDir m_dir;
};

void StoreOpenerTest::repairOpensTheWindowOnAFreshStore()
{
    const QString home = damagedHome(QStringLiteral("repair"));
    QVERIFY(!home.isEmpty());
    QCOMPARE(LocalStore::open(storePath(home)).status().code(), Status::Corrupt);

    QString seen;
    answerWhenShown(QStringLiteral("damagedStore"), QStringLiteral("repair"), &seen);
    auto store = StoreOpener::open(home);
    QVERIFY2(store.good(), qPrintable(store.status().message()));
    QVERIFY2(seen.contains(QStringLiteral("damaged")) && seen.contains(QStringLiteral("server")),
             qPrintable(seen));
    // The damaged file was moved aside, not deleted.
    QCOMPARE(QDir(home).entryList({QStringLiteral("cache.db.damaged-*")}).size(), 1);

    // The store is usable: it lists and writes.
    auto page = (*store)->listTickets({});
    QVERIFY2(page.good(), qPrintable(page.status().message()));
    QVERIFY(page->items.isEmpty());

    MainWindow window(**store, home,
                      std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("repair.ini")),
                                                  QSettings::IniFormat));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isVisible());
}

void StoreOpenerTest::quitLeavesTheDamagedFileUntouched()
{
    const QString home = damagedHome(QStringLiteral("quit"));
    QVERIFY(!home.isEmpty());
    const QByteArray before = fileHash(storePath(home));
    QVERIFY(!before.isEmpty());

    QString seen;
    answerWhenShown(QStringLiteral("damagedStore"), QStringLiteral("quit"), &seen);
    auto store = StoreOpener::open(home);
    QVERIFY(!seen.isEmpty());
    QVERIFY(!store.good());
    QCOMPARE(store.status().code(), Status::Corrupt);
    QCOMPARE(fileHash(storePath(home)), before);
    QCOMPARE(QDir(home).entryList({QStringLiteral("cache.db*")}),
             QStringList{QStringLiteral("cache.db")});
}

void StoreOpenerTest::aHealthyStoreOpensWithoutAsking()
{
    const QString home = m_dir.filePath(QStringLiteral("healthy"));
    {
        auto created = LocalStore::open(storePath(home));
        QVERIFY2(created.good(), qPrintable(created.status().message()));
    }
    auto store = StoreOpener::open(home);
    QVERIFY2(store.good(), qPrintable(store.status().message()));
    QVERIFY(!QApplication::activeModalWidget());
}

void StoreOpenerTest::aNewerPultsStoreIsExplainedNotRepaired()
{
    const QString home = m_dir.filePath(QStringLiteral("newer"));
    {
        auto created = LocalStore::open(storePath(home));
        QVERIFY2(created.good(), qPrintable(created.status().message()));
        QVERIFY((*created)->database().execute("PRAGMA user_version = 999").good());
    }
    const QByteArray before = fileHash(storePath(home));

    QString seen;
    answerWhenShown(QStringLiteral("cannotOpen"), QStringLiteral("close"), &seen);
    auto store = StoreOpener::open(home);
    QCOMPARE(store.status().code(), Status::FutureSchema);
    QVERIFY2(seen.contains(QStringLiteral("newer version of Pult")), qPrintable(seen));
    QCOMPARE(fileHash(storePath(home)), before);
}

QTEST_MAIN(StoreOpenerTest)
#include "tst_storeopener.moc"
