#pragma once

// `pultd --data DIR --demo`: fills an empty data directory with the demo help desk of pult_core
// (departments with business hours and SLA policies, agents with roles and tiers, contacts,
// tickets with conversations and history, canned responses), so that a new user can sign in at
// once and a desktop client has something to sync.

#include "status.h"

#include <QList>
#include <QString>

namespace Pult {

class Accounts;
class ServerStore;

struct DemoLogin
{
    QString email;
    QString name;
    QString role;
    QString departments; // "Billing (tier 2), Sales"
};

// The one password every demo account gets; demo data is for trying Pult, never for production.
inline constexpr const char *kDemoPassword = "pult-demo";

// Refuses a data directory that already has agents or tickets.
Result<QList<DemoLogin>> fillDemo(Accounts &accounts, ServerStore &store, qint64 tickets = 2000);

} // namespace Pult
