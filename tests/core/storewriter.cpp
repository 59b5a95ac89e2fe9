// Test helper: writes tickets with messages in transactions of 100 tickets until killed,
// printing "committed N" after each commit. tst_crash kills it with SIGKILL mid-write.
#include "localstore.h"
#include "testdata.h"

#include <cstdio>

using namespace Pult;

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: store_writer PATH\n");
        return 2;
    }
    auto store = LocalStore::open(QString::fromLocal8Bit(argv[1]));
    if (!store.good()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.status().message()));
        return 1;
    }
    for (qint64 committed = 0;;) {
        LocalStore::WriteBatch batch(**store);
        for (int i = 0; i < 100; ++i) {
            const qint64 n = committed + i + 1;
            Ticket t = Test::makeTicket(n, QStringLiteral("Crash test ticket %1 Łódź").arg(n), n);
            if (!(*store)->put(t).good())
                return 1;
            for (int m = 0; m < 5; ++m) {
                const auto msg = Test::makeMessage(
                    t.id, QStringLiteral("Message %1 of ticket %2, žluťoučký kůň").arg(m).arg(n),
                    n);
                if (!(*store)->put(msg).good())
                    return 1;
            }
        }
        if (!batch.commit().good())
            return 1;
        committed += 100;
        std::printf("committed %lld\n", static_cast<long long>(committed));
        std::fflush(stdout);
    }
}
