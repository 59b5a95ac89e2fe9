#pragma once

#include "status.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace Pult {

class LocalStore;

struct DemoOptions
{
    qint64 tickets = 1000;
    quint64 seed = 42;
    // Average number of messages per ticket (some tickets get 200+ regardless).
    double messagesPerTicket = 5.0;
    // The end of the demo's two years: the newest ticket is two hours older. Invalid: the
    // moment the generator runs (to the minute), so that the demo lives in the present. The same
    // seed and now give the same data.
    QDateTime now;
    // Called now and then with the number of tickets written so far.
    std::function<void(qint64 done, qint64 total)> progress;
};

struct DemoSummary
{
    qint64 departments = 0;
    qint64 agents = 0;
    qint64 contacts = 0;
    qint64 tickets = 0;
    qint64 messages = 0;
    qint64 historyEvents = 0;
    qint64 cannedResponses = 0;
};

// Fills the store with a realistic, deterministic help desk (same seed, same data): departments,
// agents with roles and tiers, contacts, tickets across every status, priority and channel with
// conversations in English, Slovenian, Lithuanian, Croatian and Polish, internal notes, code and
// log snippets, tags, history and canned responses. Writes in large transactions.
Result<DemoSummary> generateDemoData(LocalStore &store, const DemoOptions &options);

} // namespace Pult
