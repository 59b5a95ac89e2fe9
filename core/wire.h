#pragma once

// The JSON shapes of pultd's API (docs/api.md) for the domain values: what the change feed and
// the read endpoints send, and what pultd's demo import writes. One place, so that the server
// and the client cannot drift apart.

#include "domain.h"
#include "rules.h"
#include "status.h"

#include <QJsonObject>
#include <QJsonValue>

namespace Pult::Wire {

// A UUID as text, null for the null id; a UTC time in ISO 8601 with milliseconds, null when
// invalid.
QJsonValue idValue(const QUuid &id);
QJsonValue timeValue(const QDateTime &time);
// The reverse: the null id for anything that is not a UUID; an invalid time for null or junk.
QUuid uuidOf(const QJsonValue &value);
QDateTime timeOf(const QJsonValue &value);

QJsonObject toJson(const Ticket &ticket);
QJsonObject toJson(const Message &message);
// The same two shapes as compact JSON text (UTF-8), written without a QJsonObject: what pultd
// stores and serves, and the client keeps, for every ticket and message. toJson parses this text,
// so that each shape is written down once.
QByteArray toJsonText(const Ticket &ticket);
QByteArray toJsonText(const Message &message);
QJsonObject toJson(const HistoryEvent &event);
QJsonObject toJson(const Contact &contact);
QJsonObject toJson(const CannedResponse &response);
QJsonObject toJson(const SharedFilter &filter);
QJsonObject toJson(const Department &department); // the settings shape of GET /departments
QJsonObject toJson(const Rule &rule);
QJsonObject toJson(const Notice &notice); // without `read`, the client's own

// Parsing what the server sent: Invalid when the id is missing or an enumeration unknown.
// Fields a snapshot leaves out keep their defaults.
Result<Ticket> ticketFromJson(const QJsonObject &object);
Result<Message> messageFromJson(const QJsonObject &object);
Result<HistoryEvent> historyFromJson(const QJsonObject &object);
Result<Contact> contactFromJson(const QJsonObject &object);
Result<CannedResponse> cannedResponseFromJson(const QJsonObject &object);
Result<SharedFilter> sharedFilterFromJson(const QJsonObject &object);
Result<Department> departmentFromJson(const QJsonObject &object);
Result<Agent> agentFromJson(const QJsonObject &object); // with departments [{id, tier}]
Result<Rule> ruleFromJson(const QJsonObject &object);
Result<Notice> noticeFromJson(const QJsonObject &object);

} // namespace Pult::Wire
