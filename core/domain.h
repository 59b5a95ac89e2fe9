#pragma once

// The help desk's domain model: cheap-to-copy value types shared by the client, pultctl and
// pultd. Ids are UUIDv7 made where the entity is created (see uuid.h); times are UTC.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Pult {

enum class TicketStatus { New, Open, Pending, OnHold, Solved, Closed };
enum class Priority { Low, Normal, High, Urgent };
enum class Channel { Email, WebForm, Phone, Chat, Api };
enum class MessageKind { CustomerMessage, AgentReply, InternalNote, SystemEvent };
enum class Role { Agent, Lead, Admin };
enum class CannedScope { Personal, Department, Global };
enum class QueueOrder { Fifo, PriorityThenAge, CustomerPlan, SlaDeadlineFirst };

// Stable wire/storage names ("on-hold", "web-form", ...). The parse functions accept exactly
// these names, case-insensitively, and return nullopt for anything else.
QString toString(TicketStatus v);
QString toString(Priority v);
QString toString(Channel v);
QString toString(MessageKind v);
QString toString(Role v);
QString toString(CannedScope v);
QString toString(QueueOrder v);
std::optional<TicketStatus> parseTicketStatus(QStringView s);
std::optional<Priority> parsePriority(QStringView s);
std::optional<Channel> parseChannel(QStringView s);
std::optional<MessageKind> parseMessageKind(QStringView s);
std::optional<Role> parseRole(QStringView s);
std::optional<CannedScope> parseCannedScope(QStringView s);
std::optional<QueueOrder> parseQueueOrder(QStringView s);

// Tags as they are stored and compared: trimmed, lower case, each once, in first-seen order.
QStringList normalisedTags(const QStringList &tags);

inline bool isActive(TicketStatus s)
{
    return s != TicketStatus::Solved && s != TicketStatus::Closed;
}

struct Attachment
{
    QByteArray contentHash; // SHA-256 of the content, hex
    QString name;
    QString mimeType;
    qint64 size = 0;
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

struct Message
{
    QUuid id;
    QUuid ticketId;
    MessageKind kind = MessageKind::CustomerMessage;
    QUuid authorId; // an agent, or the requester contact for customer messages
    QString authorName;
    QDateTime created;
    QString bodyText;
    QString bodyHtml; // sanitised HTML where the source had it; empty otherwise
    QList<Attachment> attachments;
    friend bool operator==(const Message &, const Message &) = default;
};

struct Ticket
{
    QUuid id;
    std::optional<qint64> number; // given by the server on first sync
    QString subject;
    TicketStatus status = TicketStatus::New;
    Priority priority = Priority::Normal;
    QUuid departmentId;
    QString category;
    QUuid assigneeId; // null: unassigned
    QUuid requesterId;
    Channel channel = Channel::Email;
    QStringList tags;
    int tier = 1;
    QDateTime created;
    QDateTime updated;
    QDateTime firstResponseAt;
    QDateTime solvedAt;
    QDateTime due;
    QDateTime reminder;
    QDateTime firstResponseDeadline; // SLA deadlines
    QDateTime resolutionDeadline;
    bool spam = false;
    QUuid mergedInto;
    QList<QUuid> linked;
    // The requester's satisfaction rating of the latest solve (1 to 5; 0: not rated) and the
    // comment that came with it (docs/customer-pages.md, "Satisfaction").
    int csat = 0;
    QString csatComment;
    bool unread = false; // for the local agent
    friend bool operator==(const Ticket &, const Ticket &) = default;
};

// An address of a contact that mail bounced from (a delivery status report reported it failed):
// set by pultd when the report comes in, cleared when mail from that address comes in again.
struct BouncingAddress
{
    QString email;  // as the contact's emails spell it
    QString reason; // the report's diagnostic, "550 5.1.1 <x@y>: User unknown", else its status
    QDateTime since;
    friend bool operator==(const BouncingAddress &, const BouncingAddress &) = default;
};

struct Contact
{
    QUuid id;
    QString name;
    QStringList emails;
    QString phone;
    QString organisation;
    QString language; // BCP 47, e.g. "sl"
    QString timeZone; // IANA, e.g. "Europe/Ljubljana"
    QString notes;
    QString plan;                    // customer plan, used by the "customer plan" queue order
    int planTier = 0;                // higher is served first
    QList<BouncingAddress> bouncing; // server-owned: upsert_contact ignores it
    friend bool operator==(const Contact &, const Contact &) = default;
};

struct DepartmentMembership
{
    QUuid departmentId;
    int tier = 1;
    friend bool operator==(const DepartmentMembership &, const DepartmentMembership &) = default;
};

struct Agent
{
    QUuid id;
    QString name;
    QString email;
    Role role = Role::Agent;
    QList<DepartmentMembership> departments;
    friend bool operator==(const Agent &, const Agent &) = default;
};

struct Department
{
    QUuid id;
    QString name;
    QString email;
    QUuid leadId;
    QString businessHours; // calendar in its serialised form (see the core-logic issue)
    QString slaPolicy;     // policy in its serialised form
    QueueOrder queueOrder = QueueOrder::PriorityThenAge;
    // Templates (template.h) put above and below every reply sent for the department, e.g. a
    // greeting and the opening hours; empty: none.
    QString replyHeader;
    QString replyFooter;
    QString goals; // the lead's goals (goals.h) in their canonical text; empty: none
    friend bool operator==(const Department &, const Department &) = default;
};

// A saved filter a lead shares with their department's agents, or an admin with everyone
// (departmentId null). The query is in the filter language (filter.h).
struct SharedFilter
{
    QUuid id;
    QString name;
    QString query;
    QUuid departmentId;
    friend bool operator==(const SharedFilter &, const SharedFilter &) = default;
};

struct CannedResponse
{
    QUuid id;
    QString title;
    QString shortcut;
    QString body;
    CannedScope scope = CannedScope::Global;
    QUuid ownerId; // the agent for personal, the department for department scope
    friend bool operator==(const CannedResponse &, const CannedResponse &) = default;
};

struct HistoryEvent
{
    QUuid id;
    QUuid ticketId;
    QUuid actorId;
    QDateTime time;
    QString field;
    QString oldValue;
    QString newValue;
    QString rule; // the automation rule that made the change, by name (actorId is null then)
    friend bool operator==(const HistoryEvent &, const HistoryEvent &) = default;
};

// A notice for one agent, sent by an automation rule's `notify:` action: the ticket it is about
// and the rule, by name. The feed brings it only to that agent; `read` is the client's own.
struct Notice
{
    QUuid id;
    QUuid ticketId;
    QString rule;
    QDateTime created;
    bool read = false;
    friend bool operator==(const Notice &, const Notice &) = default;
};

} // namespace Pult
