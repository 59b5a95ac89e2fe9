#pragma once

// What deserves a desktop notification, found by comparing the local store with what was seen
// before: a ticket newly assigned to me, a customer's reply on one of my tickets, a reminder
// that came due, an SLA deadline less than half an hour away, an automation rule's notice. The
// window asks after every sync round and every minute and shows the answer (unless do-not-disturb
// is on); this class only decides, so it is tested without a tray. It reads the store it is given
// on each call (the window calls it on a reader thread, one call at a time: an agent's open tickets
// can be thousands of rows).

#include "domain.h"
#include "status.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>

namespace Pult {

class LocalStore;

struct Notification
{
    enum Kind { Assigned, CustomerReply, Reminder, SlaWarning, RuleNotice };
    Kind kind = Assigned;
    QUuid ticketId;
    QString title; // "New ticket for you", ...
    QString text;  // "#1042 Printer prints blank pages"
};

class Notifier
{
    Q_DECLARE_TR_FUNCTIONS(Notifier)

public:
    static constexpr qint64 kSlaWarningSeconds = 30 * 60;

    // What is new for the agent since the last call. The first call learns the current state
    // and reports only reminders and SLA deadlines (nobody wants fifty "assigned" pop-ups at
    // start-up). Each reminder and each deadline is reported once; each unread notice that
    // arrives after the first call, once.
    Result<QList<Notification>> check(LocalStore &store, const QUuid &me, const QDateTime &now);

private:
    bool m_primed = false;
    QHash<QUuid, QDateTime> m_mine;     // my active tickets and when each last changed
    QHash<QUuid, QDateTime> m_reminded; // the reminder time reported
    QHash<QUuid, QDateTime> m_warned;   // the deadline reported
    QSet<QUuid> m_notices;              // the notices seen
};

} // namespace Pult
