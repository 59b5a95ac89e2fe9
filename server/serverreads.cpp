#include "serverstoreprivate.h"

#include "mailboxes.h"

namespace Pult {

Result<std::optional<QJsonObject>> ServerStore::ticket(const AgentSession &session, const QUuid &id)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    Db::Connection &db = ***reader;
    // As stored: a ticket written before a field was added is served without it.
    auto row = firstText(db, "SELECT data FROM tickets WHERE id = ?1",
                         [&](Statement &s) { s.bind(1, uuidToBlob(id)); });
    if (!row.good())
        return row.status();
    const QJsonObject ticket = *row ? parseObject(**row) : QJsonObject();
    if (!*row || !mayAccess(session, uuidOf(ticket.value(QLatin1String("department_id")))))
        return std::optional<QJsonObject>();
    auto messages = jsonRows(db, "SELECT data FROM messages WHERE ticket_id = ?1 ORDER BY rid", id);
    if (!messages.good())
        return messages.status();
    auto history = jsonRows(db, "SELECT data FROM history WHERE ticket_id = ?1 ORDER BY rid", id);
    if (!history.good())
        return history.status();
    return std::optional<QJsonObject>(QJsonObject{{QStringLiteral("ticket"), ticket},
                                                  {QStringLiteral("messages"), *messages},
                                                  {QStringLiteral("history"), *history}});
}

Result<QList<MailboxSettings>> ServerStore::mailboxSettings()
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    return Mailboxes::list(***reader);
}

Result<std::optional<QJsonObject>> ServerStore::contact(const AgentSession &session,
                                                        const QUuid &id)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    Db::Connection &db = ***reader;
    auto data = firstText(db, "SELECT data FROM contacts WHERE id = ?1",
                          [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!data.good())
        return data.status();
    if (!*data)
        return std::optional<QJsonObject>();
    if (session.agent.role != Role::Admin) {
        // Visible through a ticket of one of the session's departments.
        auto departments = requesterDepartments(db, id);
        if (!departments.good())
            return departments.status();
        if (std::none_of(departments->cbegin(), departments->cend(),
                         [&](const QUuid &department) { return mayAccess(session, department); }))
            return std::optional<QJsonObject>();
    }
    return std::optional<QJsonObject>(parseObject(**data));
}

Result<QJsonArray> ServerStore::agents(const AgentSession &session)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    // Each agent's place in the order assignment takes them in, 1 the most senior.
    auto seniority =
        idRows(***reader, "SELECT id FROM agents ORDER BY COALESCE(seniority, rid), rid",
               [](Statement &) {});
    if (!seniority.good())
        return seniority.status();
    QHash<QUuid, qint64> place;
    for (qsizetype i = 0; i < seniority->size(); ++i)
        place.insert(seniority->at(i), i + 1);
    auto stmt =
        (***reader).prepare("SELECT a.id, a.email, a.name, a.role, ad.department_id, ad.tier, "
                            "a.deactivated_ms FROM agents a LEFT JOIN agent_departments ad ON "
                            "ad.agent_id = a.id ORDER BY a.name, a.id");
    if (!stmt.good())
        return stmt.status();
    QJsonArray result;
    QJsonObject current;
    QJsonArray departments;
    bool shares = false;
    const auto flush = [&] {
        if (!current.isEmpty() &&
            (shares || session.agent.role == Role::Admin ||
             uuidOf(current.value(QLatin1String("id"))) == session.agent.id)) {
            current.insert(QStringLiteral("departments"), departments);
            result.append(current);
        }
        current = {};
        departments = {};
        shares = false;
    };
    while ((*stmt)->next()) {
        const QString id = uuidToString(uuidFromBlob((*stmt)->blob(0)));
        if (current.value(QLatin1String("id")).toString() != id) {
            flush();
            current = QJsonObject{
                {QStringLiteral("id"), id},
                {QStringLiteral("email"), (*stmt)->text(1)},
                {QStringLiteral("name"), (*stmt)->text(2)},
                {QStringLiteral("role"),
                 toString(Role(std::clamp<qint64>((*stmt)->int64(3), 0, 2)))},
                {QStringLiteral("active"), (*stmt)->isNull(6)},
                {QStringLiteral("seniority"), place.value(uuidFromBlob((*stmt)->blob(0)))}};
        }
        if (!(*stmt)->isNull(4)) {
            const QUuid department = uuidFromBlob((*stmt)->blob(4));
            shares =
                shares || (session.agent.role != Role::Admin && mayAccess(session, department));
            departments.append(QJsonObject{{QStringLiteral("id"), uuidToString(department)},
                                           {QStringLiteral("tier"), (*stmt)->int64(5)}});
        }
    }
    flush();
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
}

Result<QJsonArray> ServerStore::departments(const AgentSession &session)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto stmt = (***reader).prepare("SELECT d.id, d.name, s.data FROM departments d LEFT JOIN "
                                    "department_settings s ON s.id = d.id ORDER BY d.name");
    if (!stmt.good())
        return stmt.status();
    QJsonArray result;
    while ((*stmt)->next()) {
        const QUuid id = uuidFromBlob((*stmt)->blob(0));
        if (!mayAccess(session, id))
            continue;
        QJsonObject department = parseObject((*stmt)->text(2));
        department.insert(QStringLiteral("id"), uuidToString(id));
        department.insert(QStringLiteral("name"), (*stmt)->text(1));
        if (!department.contains(QLatin1String("queue_order")))
            department.insert(QStringLiteral("queue_order"), toString(QueueOrder::PriorityThenAge));
        result.append(department);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
}

Result<QJsonArray> ServerStore::cannedResponses(const AgentSession &session)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto stmt =
        (***reader).prepare("SELECT scope, owner_id, data FROM canned_responses ORDER BY rid");
    if (!stmt.good())
        return stmt.status();
    QJsonArray result;
    while ((*stmt)->next()) {
        const QString scope = (*stmt)->text(0);
        const QUuid owner = uuidFromBlob((*stmt)->blob(1));
        const bool visible = scope == u"global" ||
                             (scope == u"personal" && owner == session.agent.id) ||
                             (scope == u"department" && mayAccess(session, owner));
        if (visible)
            result.append(parseObject((*stmt)->text(2)));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
}

Result<QJsonArray> ServerStore::sharedFilters(const AgentSession &session)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    auto stmt = (***reader).prepare("SELECT department_id, data FROM shared_filters ORDER BY rid");
    if (!stmt.good())
        return stmt.status();
    QJsonArray result;
    while ((*stmt)->next()) {
        const QUuid department = uuidFromBlob((*stmt)->blob(0));
        if (department.isNull() || mayAccess(session, department))
            result.append(parseObject((*stmt)->text(1)));
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return result;
}

namespace {

// A stored snapshot as the feed sends it: the stored text when it is a JSON object (the store
// writes compact JSON), else the object it parses to ({} for damaged text), so that a page is
// always valid JSON.
void appendSnapshot(std::string &out, const QByteArray &stored)
{
    const QByteArray trimmed = stored.trimmed();
    if (trimmed.startsWith('{') && trimmed.endsWith('}') && !trimmed.contains('\0')) {
        out.append(trimmed.constData(), std::size_t(trimmed.size()));
        return;
    }
    out += compact(parseObject(QString::fromUtf8(stored))).toStdString();
}

// A change's type: one of the store's own names ("ticket", "canned_response"), which need no
// escaping; anything else is escaped as JSON.
void appendKind(std::string &out, const QByteArray &kind)
{
    const bool plain = std::all_of(kind.begin(), kind.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    if (plain) {
        out.append("\"").append(kind.constData(), std::size_t(kind.size())).append("\"");
        return;
    }
    const QByteArray array =
        QJsonDocument(QJsonArray{QString::fromUtf8(kind)}).toJson(QJsonDocument::Compact);
    out.append(array.constData() + 1, std::size_t(array.size() - 2)); // without [ and ]
}

} // namespace

Result<std::string> ServerStore::changes(const AgentSession &session, qint64 since, int limit)
{
    limit = std::clamp(limit, 1, kMaxChangesPerPage);
    QList<QByteArray> departments;
    for (const DepartmentMembership &m : session.agent.departments)
        departments.append(uuidToBlob(m.departmentId));
    const bool admin = session.agent.role == Role::Admin;
    const QByteArray self = uuidToBlob(session.agent.id);

    // On a reader: a page never waits for apply(), nor apply() for a page. Its one statement
    // sees a committed snapshot, which holds every revision up to some R and none above.
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    Db::Connection &db = ***reader;
    auto stmt = db.prepare("SELECT revision, kind, entity_id, department_id, "
                           "previous_department_id, data, agent_id, everyone FROM changes "
                           "WHERE revision > ?1 ORDER BY revision LIMIT ?2");
    if (!stmt.good())
        return stmt.status();
    Statement &s = **stmt;
    s.bind(1, since).bind(2, limit);
    std::string out = "{\"changes\":[";
    bool first = true;
    qint64 next = since;
    int scanned = 0;
    while (s.next()) {
        ++scanned;
        next = s.int64(0);
        const QByteArray onlyFor = s.blob(6);
        const bool visible = s.int64(7) != 0      ? true
                             : !onlyFor.isEmpty() ? onlyFor == self
                                                  : admin || departments.contains(s.blob(3));
        const QByteArray kind = s.blob(1);
        const bool gone = !visible && kind == "ticket" && departments.contains(s.blob(4));
        if (!visible && !gone)
            continue;
        out += first ? "{\"revision\":" : ",{\"revision\":";
        first = false;
        out += std::to_string(next);
        if (visible) {
            out += ",\"type\":";
            appendKind(out, kind);
            out += ",\"data\":";
            appendSnapshot(out, s.blob(5));
            out += '}';
        } else {
            out += ",\"type\":\"gone\",\"ticket_id\":\"";
            out += uuidToString(uuidFromBlob(s.blob(2))).toStdString();
            out += "\"}";
        }
    }
    Status status = s.status();
    s.reset();
    if (!status.good())
        return status;
    // The newest revision, so that a client can show how far it has come.
    auto head = db.prepare("SELECT max(revision) FROM changes");
    if (!head.good())
        return head.status();
    const qint64 newest = (*head)->next() ? (*head)->int64(0) : 0;
    status = (*head)->status();
    (*head)->reset();
    if (!status.good())
        return status;
    out += "],\"next\":" + std::to_string(next);
    out += scanned == limit ? ",\"more\":true" : ",\"more\":false";
    out += ",\"head\":" + std::to_string(std::max(next, newest));
    out += '}';
    return out;
}

} // namespace Pult
