#include "serverstoreprivate.h"

#include "accounts.h"

#include "businesshours.h"
#include "customertexts.h"
#include "filter.h"
#include "goals.h"
#include "mailboxes.h"
#include "sla.h"

#include <QRegularExpression>

namespace Pult {

Result<std::optional<Rejection>> ServerStore::Private::upsertContact(const QJsonObject &op)
{
    QJsonObject contact = op.value(QLatin1String("contact")).toObject();
    const QUuid id = uuidOf(contact.value(QLatin1String("id")));
    const QJsonArray emails = contact.value(QLatin1String("emails")).toArray();
    if (id.isNull() || contact.value(QLatin1String("name")).toString().trimmed().isEmpty())
        return std::optional(invalid(QStringLiteral("a contact needs an id and a name")));
    for (auto it = contact.begin(); it != contact.end(); ++it) {
        static const QStringList known{
            QStringLiteral("id"),        QStringLiteral("name"),         QStringLiteral("emails"),
            QStringLiteral("phone"),     QStringLiteral("organisation"), QStringLiteral("language"),
            QStringLiteral("time_zone"), QStringLiteral("notes"),        QStringLiteral("plan"),
            QStringLiteral("plan_tier"), QStringLiteral("bouncing")};
        if (!known.contains(it.key()))
            return std::optional(
                invalid(QStringLiteral("unknown contact field \"%1\"").arg(it.key())));
    }
    // An existing contact that is the requester of tickets is changed by an admin, or through a
    // ticket of one of the agent's departments (as GET /api/v1/contacts/{id} reads it); to anyone
    // else it does not exist. One no ticket names yet (made by an agent for a ticket to come)
    // belongs to no department, and any agent may change it.
    auto existing = text("SELECT id FROM contacts WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!existing.good())
        return existing.status();
    auto departments = requesterDepartments(id);
    if (!departments.good())
        return departments.status();
    if (*existing && session->agent.role != Role::Admin && !departments->isEmpty() &&
        std::none_of(departments->cbegin(), departments->cend(),
                     [&](const QUuid &department) { return mayAccess(department); }))
        return std::optional(
            Rejection{QStringLiteral("not_found"),
                      QStringLiteral("no such contact: %1").arg(uuidToString(id))});
    contact.insert(QStringLiteral("id"), uuidToString(id));
    // The bouncing marks are pultd's (serveringest.cpp), whatever the op says: those of the
    // addresses the contact keeps stay, those of the addresses it drops go.
    contact.remove(QStringLiteral("bouncing"));
    {
        QStringList kept;
        for (const QJsonValue &e : emails)
            kept.append(e.toString().trimmed().toLower());
        auto stmt = db->prepare("SELECT email FROM contact_bounces WHERE contact_id = ?1");
        if (!stmt.good())
            return stmt.status();
        (*stmt)->bind(1, uuidToBlob(id));
        QStringList dropped;
        while ((*stmt)->next()) {
            if (!kept.contains((*stmt)->text(0)))
                dropped.append((*stmt)->text(0));
        }
        Status s = (*stmt)->status();
        (*stmt)->reset();
        for (const QString &email : std::as_const(dropped)) {
            if (s.good())
                s = db->run("DELETE FROM contact_bounces WHERE email = ?1 AND contact_id = ?2",
                            [&](Statement &st) { st.bind(1, email).bind(2, uuidToBlob(id)); });
        }
        if (!s.good())
            return s;
        auto marks = bouncingMarks(id, emails);
        if (!marks.good())
            return marks.status();
        if (!marks->isEmpty())
            contact.insert(QStringLiteral("bouncing"), *marks);
    }
    Status s =
        db->run("INSERT INTO contacts(id, email, data) VALUES (?1, ?2, ?3) ON CONFLICT(id) DO "
                "UPDATE SET email = excluded.email, data = excluded.data",
                [&](Statement &st) {
                    st.bind(1, uuidToBlob(id)).bind(2, emails.first().toString());
                    st.bind(3, QString::fromUtf8(compact(contact)));
                });
    if (!s.good())
        return s;
    // A contact belongs to no department: its change goes to the departments of the tickets it
    // is the requester of (whose agents have it), and to the agent who made it (by the first of
    // their departments; admins see every change).
    if (!session->agent.departments.isEmpty() &&
        !departments->contains(session->agent.departments.first().departmentId))
        departments->append(session->agent.departments.first().departmentId);
    if (departments->isEmpty())
        departments->append(QUuid());
    for (const QUuid &department : std::as_const(*departments))
        pending.append({QStringLiteral("contact"), id, department, QUuid(), contact});
    return std::optional<Rejection>();
}

Result<std::optional<Rejection>> ServerStore::Private::upsertCannedResponse(const QJsonObject &op,
                                                                            bool remove)
{
    const QJsonObject input = op.value(QLatin1String("response")).toObject();
    const QUuid id =
        uuidOf(remove ? op.value(QLatin1String("response_id")) : input.value(QLatin1String("id")));
    if (id.isNull())
        return accept(invalid(QStringLiteral("a canned response needs an id")));
    auto existing = text("SELECT data FROM canned_responses WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!existing.good())
        return existing.status();
    // Who may change it: the owner of a personal one, a lead of the department, an admin.
    const auto mayManage = [&](const QJsonObject &response) {
        const QString scope = response.value(QLatin1String("scope")).toString();
        const QUuid owner = uuidOf(response.value(QLatin1String("owner_id")));
        if (scope == u"personal")
            return owner == session->agent.id;
        if (scope == u"department")
            return leads(owner);
        return session->agent.role == Role::Admin;
    };
    // Who sees it (GET /api/v1/canned-responses): the owner of a personal one, the department's
    // agents, everyone a global one. One the agent cannot see is not_found, like a ticket.
    const auto maySee = [&](const QJsonObject &response) {
        const QString scope = response.value(QLatin1String("scope")).toString();
        const QUuid owner = uuidOf(response.value(QLatin1String("owner_id")));
        if (scope == u"personal")
            return owner == session->agent.id;
        return scope != u"department" || mayAccess(owner);
    };
    if (*existing && !maySee(parseObject(**existing)))
        return accept(
            Rejection{QStringLiteral("not_found"), QStringLiteral("no such canned response")});
    if (*existing && !mayManage(parseObject(**existing)))
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("you cannot change this canned response")});
    QJsonObject response = remove ? parseObject(existing->value_or(QString())) : input;
    if (remove && !*existing)
        return accept(
            Rejection{QStringLiteral("not_found"), QStringLiteral("no such canned response")});
    if (!remove) {
        const auto scope = parseCannedScope(input.value(QLatin1String("scope")).toString());
        if (!scope || input.value(QLatin1String("title")).toString().trimmed().isEmpty() ||
            !input.value(QLatin1String("body")).isString())
            return accept(invalid(QStringLiteral("a canned response needs a title, a body and a "
                                                 "scope (personal, department, global)")));
        response.insert(QStringLiteral("id"), uuidToString(id));
        response.insert(QStringLiteral("scope"), toString(*scope));
        if (*scope == CannedScope::Personal)
            response.insert(QStringLiteral("owner_id"), uuidToString(session->agent.id));
        else if (*scope == CannedScope::Global)
            response.insert(QStringLiteral("owner_id"), QJsonValue());
        if (!mayManage(response))
            return accept(Rejection{QStringLiteral("forbidden"),
                                    QStringLiteral("you cannot manage canned responses of that "
                                                   "scope")});
    } else {
        response.insert(QStringLiteral("deleted"), true);
    }
    Status st =
        remove
            ? db->run("DELETE FROM canned_responses WHERE id = ?1",
                      [&](Statement &q) { q.bind(1, uuidToBlob(id)); })
            : db->run("INSERT INTO canned_responses(id, scope, owner_id, data) VALUES "
                      "(?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET scope = "
                      "excluded.scope, owner_id = excluded.owner_id, data = "
                      "excluded.data",
                      [&](Statement &q) {
                          q.bind(1, uuidToBlob(id));
                          q.bind(2, response.value(QLatin1String("scope")).toString());
                          q.bind(3, uuidToBlob(uuidOf(response.value(QLatin1String("owner_id")))));
                          q.bind(4, QString::fromUtf8(compact(response)));
                      });
    if (!st.good())
        return st;
    pending.append(cannedResponseChange(response));
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::upsertSharedFilter(const QJsonObject &op,
                                                                          bool remove)
{
    const QJsonObject input = op.value(QLatin1String("filter")).toObject();
    const QUuid id =
        uuidOf(remove ? op.value(QLatin1String("filter_id")) : input.value(QLatin1String("id")));
    if (id.isNull())
        return accept(invalid(QStringLiteral("a shared filter needs an id")));
    auto existing = text("SELECT data FROM shared_filters WHERE id = ?1",
                         [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!existing.good())
        return existing.status();
    // A lead shares with their own departments; an admin with any department or everyone.
    const auto mayManage = [&](const QJsonObject &filter) {
        const QUuid department = uuidOf(filter.value(QLatin1String("department_id")));
        return session->agent.role == Role::Admin || (!department.isNull() && leads(department));
    };
    // Someone else's filter outside one's departments does not exist for them.
    if (*existing && !mayManage(parseObject(**existing))) {
        const QUuid department =
            uuidOf(parseObject(**existing).value(QLatin1String("department_id")));
        if (!department.isNull() && !mayAccess(department))
            return accept(
                Rejection{QStringLiteral("not_found"), QStringLiteral("no such shared filter")});
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("only a lead of its department or an admin changes "
                                               "a shared filter")});
    }
    if (remove && !*existing)
        return accept(
            Rejection{QStringLiteral("not_found"), QStringLiteral("no such shared filter")});
    QJsonObject filter;
    if (remove) {
        filter = parseObject(**existing);
        filter.insert(QStringLiteral("deleted"), true);
    } else {
        for (auto it = input.begin(); it != input.end(); ++it) {
            if (it.key() != u"id" && it.key() != u"name" && it.key() != u"query" &&
                it.key() != u"department_id")
                return accept(
                    invalid(QStringLiteral("unknown shared filter field \"%1\"").arg(it.key())));
        }
        const QString name = input.value(QLatin1String("name")).toString().trimmed();
        const QString query = input.value(QLatin1String("query")).toString().trimmed();
        if (name.isEmpty() || name.size() > kMaxFilterNameChars)
            return accept(invalid(QStringLiteral("a shared filter needs a name of at most %1 "
                                                 "characters")
                                      .arg(kMaxFilterNameChars)));
        if (query.size() > kMaxFilterQueryChars)
            return accept(invalid(QStringLiteral("a shared filter's query has at most %1 "
                                                 "characters")
                                      .arg(kMaxFilterQueryChars)));
        if (const FilterParse parsed = parseFilter(query); !parsed.good())
            return accept(invalid(u"the query: " + parsed.error->toString()));
        const QJsonValue departmentValue = input.value(QLatin1String("department_id"));
        const QUuid department = uuidOf(departmentValue);
        if (department.isNull() && !departmentValue.isNull() && !departmentValue.isUndefined())
            return accept(invalid(QStringLiteral("department_id is a department's id or null")));
        if (!department.isNull()) {
            auto exists = departmentExists(department);
            if (!exists.good())
                return exists.status();
            if (!*exists)
                return accept(
                    Rejection{QStringLiteral("not_found"), QStringLiteral("no such department")});
        }
        filter = {{QStringLiteral("id"), uuidToString(id)},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("query"), query},
                  {QStringLiteral("department_id"),
                   department.isNull() ? QJsonValue() : QJsonValue(uuidToString(department))},
                  {QStringLiteral("author_id"), uuidToString(session->agent.id)}};
        if (!mayManage(filter))
            return accept(Rejection{QStringLiteral("forbidden"),
                                    QStringLiteral("a lead shares filters with their own "
                                                   "departments; only an admin with everyone")});
    }
    Status st =
        remove
            ? db->run("DELETE FROM shared_filters WHERE id = ?1",
                      [&](Statement &q) { q.bind(1, uuidToBlob(id)); })
            : db->run("INSERT INTO shared_filters(id, department_id, data) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT(id) DO UPDATE SET department_id = excluded.department_id, "
                      "data = excluded.data",
                      [&](Statement &q) {
                          q.bind(1, uuidToBlob(id));
                          q.bind(2,
                                 uuidToBlob(uuidOf(filter.value(QLatin1String("department_id")))));
                          q.bind(3, QString::fromUtf8(compact(filter)));
                      });
    if (!st.good())
        return st;
    // A filter moved to another department leaves the first one's sidebars.
    if (*existing && !remove) {
        QJsonObject before = parseObject(**existing);
        if (before.value(QLatin1String("department_id")) !=
            filter.value(QLatin1String("department_id"))) {
            before.insert(QStringLiteral("deleted"), true);
            pending.append(sharedFilterChange(before));
        }
    }
    pending.append(sharedFilterChange(filter));
    return accept();
}

namespace {

// What is wrong with a customer pages' setting of a department; empty when nothing is.
QString customerPageSetting(const QString &key, const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {}; // the default
    if (key == u"language" && !CustomerTexts::languages().contains(v))
        return QStringLiteral("language is one of %1").arg(CustomerTexts::languages().join(u", "));
    static const QRegularExpression color(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (key == u"color" && !color.match(v).hasMatch())
        return QStringLiteral("color is #rrggbb");
    if ((key == u"web_form" || key == u"csat") && v != u"on" && v != u"off")
        return QStringLiteral("%1 is \"on\" or \"off\"").arg(key);
    if (key == u"csat_delay") {
        bool ok = false;
        const qint64 minutes = v.toLongLong(&ok);
        if (!ok || minutes < 0 || minutes > 30 * 24 * 60)
            return QStringLiteral("csat_delay is minutes from 0 to 43200 (30 days)");
    }
    static const QRegularExpression origin(
        QStringLiteral("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$"));
    if (key == u"form_origins") {
        for (const QString &o : v.split(u' ', Qt::SkipEmptyParts)) {
            if (!origin.match(o).hasMatch())
                return QStringLiteral("form_origins are origins such as https://www.example.com, "
                                      "separated by spaces; \"%1\" is not one")
                    .arg(o);
        }
    }
    return {};
}

} // namespace

Result<std::optional<Rejection>> ServerStore::Private::configureDepartment(const QJsonObject &op,
                                                                           bool create)
{
    const QJsonObject input = op.value(QLatin1String("department")).toObject();
    const QUuid id = uuidOf(input.value(QLatin1String("id")));
    if (id.isNull())
        return accept(invalid(QStringLiteral("a department needs an id")));
    auto name = text("SELECT name FROM departments WHERE id = ?1",
                     [&](Statement &st) { st.bind(1, uuidToBlob(id)); });
    if (!name.good())
        return name.status();
    const bool admin = session->agent.role == Role::Admin;
    // A lead may set the queue order, the reply header and footer and the goals of their own
    // department; everything else is for admins.
    const QStringList keys = input.keys();
    const bool leadFields = std::all_of(keys.cbegin(), keys.cend(), [](const QString &key) {
        return key == u"id" || key == u"queue_order" || key == u"reply_header" ||
               key == u"reply_footer" || key == u"goals";
    });
    if (!admin && !(leadFields && !create && leads(id)))
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("only an admin configures departments (a lead may "
                                               "set the queue order, reply header and footer "
                                               "and goals of their own)")});
    if (create == name->has_value())
        return accept(
            create
                ? Rejection{QStringLiteral("duplicate_id"), QStringLiteral("the department exists")}
                : Rejection{QStringLiteral("not_found"), QStringLiteral("no such department")});
    auto stored = departmentSettings(id);
    if (!stored.good())
        return stored.status();
    QJsonObject settings = parseObject(*stored);
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        const QString value = it.value().toString();
        if (key == u"id")
            continue;
        if (!it.value().isString())
            return accept(invalid(QStringLiteral("\"%1\" is text").arg(key)));
        if (key == u"business_hours" && !value.isEmpty()) {
            auto calendar = BusinessCalendar::parse(value);
            if (!calendar.good())
                return accept(invalid(u"business hours: " + calendar.status().message()));
            settings.insert(key, calendar->toString());
        } else if (key == u"sla_policy" && !value.isEmpty()) {
            auto policy = SlaPolicy::parse(value);
            if (!policy.good())
                return accept(invalid(u"SLA policy: " + policy.status().message()));
            settings.insert(key, policy->toString());
        } else if (key == u"goals") {
            auto goals = Goals::parse(value);
            if (!goals.good())
                return accept(invalid(u"goals: " + goals.status().message()));
            settings.insert(key, goals->toString());
        } else if (key == u"queue_order") {
            const auto order = parseQueueOrder(value);
            if (!order)
                return accept(invalid(QStringLiteral("unknown queue order \"%1\"").arg(value)));
            settings.insert(key, toString(*order));
        } else if (key == u"reply_header" || key == u"reply_footer" || key == u"auto_reply" ||
                   key == u"auto_reply_outside_hours") {
            const qsizetype limit =
                key.startsWith(u"auto_reply") ? kMaxAutoReplyChars : kMaxReplyFrameChars;
            if (value.size() > limit)
                return accept(invalid(
                    QStringLiteral("\"%1\" is longer than %2 characters").arg(key).arg(limit)));
            settings.insert(key, value.trimmed());
        } else if (key == u"language" || key == u"color" || key == u"web_form" ||
                   key == u"form_origins" || key == u"csat" || key == u"csat_delay") {
            // The customer pages' settings (docs/customer-pages.md).
            if (const QString why = customerPageSetting(key, value); !why.isEmpty())
                return accept(invalid(why));
            settings.insert(key, value.trimmed());
        } else if (key == u"assignment") {
            if (!assignmentMethods().contains(value))
                return accept(invalid(QStringLiteral("assignment is %1")
                                          .arg(assignmentMethods().join(QStringLiteral(", ")))));
            settings.insert(key, value);
        } else if (key == u"assignment_cap") {
            bool ok = false;
            const int cap = value.isEmpty() ? 0 : value.toInt(&ok);
            if (!value.isEmpty() && (!ok || cap < 0 || cap > 10000))
                return accept(invalid(QStringLiteral("assignment_cap is a number of open tickets "
                                                     "from 0 (no cap) to 10000")));
            settings.insert(key, QString::number(cap));
        } else if (key == u"name" || key == u"email" || key == u"business_hours" ||
                   key == u"sla_policy") {
            settings.insert(key, value.trimmed());
        } else {
            return accept(invalid(QStringLiteral("unknown department field \"%1\"").arg(key)));
        }
    }
    const QString newName =
        settings.value(QLatin1String("name")).toString(name->value_or(QString()));
    if (newName.isEmpty())
        return accept(invalid(QStringLiteral("a department needs a name")));
    settings.insert(QStringLiteral("id"), uuidToString(id));
    settings.insert(QStringLiteral("name"), newName);
    Status st = db->run("INSERT INTO departments(id, name) VALUES (?1, ?2) ON CONFLICT(id) DO "
                        "UPDATE SET name = excluded.name",
                        [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, newName); });
    if (!st.good()) {
        if (db->violation() == Db::Violation::Unique)
            return accept(Rejection{QStringLiteral("duplicate_name"),
                                    QStringLiteral("another department has that name")});
        return st;
    }
    const QString settingsText = QString::fromUtf8(compact(settings));
    st = db->run("INSERT INTO department_settings(id, data) VALUES (?1, ?2) ON CONFLICT(id) DO "
                 "UPDATE SET data = excluded.data",
                 [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, settingsText); });
    if (!st.good())
        return st;
    batch.settings.insert(id, settingsText);
    pending.append({QStringLiteral("department"), id, id, QUuid(), settings});
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::deleteDepartment(const QJsonObject &op,
                                                                        QJsonObject &result)
{
    if (session->agent.role != Role::Admin)
        return accept(Rejection{QStringLiteral("forbidden"),
                                QStringLiteral("only an admin removes departments")});
    const QUuid id = uuidOf(op.value(QLatin1String("department_id")));
    const QUuid target = uuidOf(op.value(QLatin1String("move_to")));
    if (id.isNull() || target.isNull())
        return accept(invalid(QStringLiteral("delete_department needs a \"department_id\" and "
                                             "\"move_to\", the department its tickets go to")));
    if (id == target)
        return accept(
            invalid(QStringLiteral("move_to is another department than the one removed")));
    auto exists = departmentExists(id);
    if (!exists.good())
        return exists.status();
    if (!*exists)
        return accept(Rejection{QStringLiteral("not_found"), QStringLiteral("no such department")});
    exists = departmentExists(target);
    if (!exists.good())
        return exists.status();
    if (!*exists)
        return accept(invalid(QStringLiteral("move_to names no department")));
    const auto bindId = [&](Statement &st) { st.bind(1, uuidToBlob(id)); };

    // Its tickets move as set_fields moves one: in their history, their SLA deadlines by the new
    // department's policy, an assignee who is not a member there lets go.
    auto tickets = idRows(*db, "SELECT id FROM tickets WHERE department_id = ?1", bindId);
    if (!tickets.good())
        return tickets.status();
    const QJsonObject fields{{QStringLiteral("department_id"), uuidToString(target)}};
    for (const QUuid &ticketId : std::as_const(*tickets)) {
        auto ticket = openTicket(ticketId);
        if (!ticket.good())
            return ticket.status();
        if (auto moved = editFields(**ticket, fields); !moved.good() || *moved)
            return moved;
    }
    // Written now, so that the department's removal is the op's last change: a client that
    // drops what it still holds of the department has had every moved ticket first.
    if (Status s = writeTickets(); !s.good())
        return s;

    // Each row of `ids` gets the target in its department column (by `update`) and in its
    // JSON's `field` (`disable`: and "enabled": false); the moved JSON objects are answered.
    const auto moveRows = [&](const char *ids, const char *read, const char *update,
                              const char *field, bool disable) -> Result<QList<QJsonObject>> {
        auto rows = idRows(*db, ids, bindId);
        if (!rows.good())
            return rows.status();
        QList<QJsonObject> moved;
        for (const QUuid &row : std::as_const(*rows)) {
            const auto bindRow = [&](Statement &st) { st.bind(1, uuidToBlob(row)); };
            auto data = text(read, bindRow);
            if (!data.good())
                return data.status();
            QJsonObject object = parseObject(data->value_or(QString()));
            object.insert(QLatin1String(field), uuidToString(target));
            if (disable)
                object.insert(QStringLiteral("enabled"), false);
            if (Status s = db->run(update,
                                   [&](Statement &st) {
                                       bindRow(st);
                                       st.bind(2, uuidToBlob(target));
                                       st.bind(3, QString::fromUtf8(compact(object)));
                                   });
                !s.good())
                return s;
            moved.append(object);
        }
        return moved;
    };
    // Its canned responses, shared views and mailboxes go with them, so that nothing is lost and
    // mail to its addresses keeps arriving; its rules too, disabled, for the new department's
    // lead to look at before they run there.
    auto responses = moveRows(
        "SELECT id FROM canned_responses WHERE scope = 'department' AND owner_id = ?1",
        "SELECT data FROM canned_responses WHERE id = ?1",
        "UPDATE canned_responses SET owner_id = ?2, data = ?3 WHERE id = ?1", "owner_id", false);
    if (!responses.good())
        return responses.status();
    for (const QJsonObject &response : std::as_const(*responses))
        pending.append(cannedResponseChange(response));
    auto filters = moveRows("SELECT id FROM shared_filters WHERE department_id = ?1",
                            "SELECT data FROM shared_filters WHERE id = ?1",
                            "UPDATE shared_filters SET department_id = ?2, data = ?3 WHERE id = ?1",
                            "department_id", false);
    if (!filters.good())
        return filters.status();
    for (const QJsonObject &filter : std::as_const(*filters))
        pending.append(sharedFilterChange(filter));
    // Disabled, its rules' timers go (they were armed for the department's tickets).
    if (Status s = db->run("DELETE FROM rule_timers WHERE rule_id IN (SELECT id FROM rules "
                           "WHERE department_id = ?1)",
                           bindId);
        !s.good())
        return s;
    if (auto rules = moveRows(
            "SELECT id FROM rules WHERE department_id = ?1", "SELECT data FROM rules WHERE id = ?1",
            "UPDATE rules SET department_id = ?2, data = ?3 WHERE id = ?1", "department_id", true);
        !rules.good())
        return rules.status();
    Status s = db->run("UPDATE mailboxes SET department_id = ?2, created_ms = ?3 WHERE "
                       "department_id = ?1",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(id)).bind(2, uuidToBlob(target));
                           st.bind(3, now);
                       });
    if (!s.good())
        return s;
    changedMailboxes = changedMailboxes || db->changes() > 0;

    // Its members are members no more (each told, as update_agent tells them); then it goes.
    auto members =
        idRows(*db, "SELECT agent_id FROM agent_departments WHERE department_id = ?1", bindId);
    if (!members.good())
        return members.status();
    for (const char *sql : {"DELETE FROM agent_departments WHERE department_id = ?1",
                            "DELETE FROM assignment_turns WHERE department_id = ?1",
                            "DELETE FROM department_settings WHERE id = ?1",
                            "DELETE FROM departments WHERE id = ?1"}) {
        if (s = db->run(sql, bindId); !s.good())
            return s;
    }
    for (const QUuid &member : std::as_const(*members)) {
        if (s = agentChanged(member); !s.good())
            return s;
    }
    batch.settings.remove(id);
    batch.rules.reset();
    batch.names.reset();
    // Everyone is told, its former members too: a client drops the department and whatever it
    // still holds of it.
    pending.append(
        {QStringLiteral("department"), id, id, QUuid(),
         QJsonObject{{QStringLiteral("id"), uuidToString(id)}, {QStringLiteral("deleted"), true}},
         QUuid(), true});
    result.insert(QStringLiteral("moved_tickets"), tickets->size());
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::updateAgent(const QJsonObject &op)
{
    if (session->agent.role != Role::Admin)
        return accept(
            Rejection{QStringLiteral("forbidden"), QStringLiteral("only an admin manages agents")});
    const QJsonObject input = op.value(QLatin1String("agent")).toObject();
    const QUuid id = uuidOf(input.value(QLatin1String("id")));
    auto exists = agentExists(id);
    if (!exists.good())
        return exists.status();
    if (!*exists)
        return accept(Rejection{QStringLiteral("not_found"), QStringLiteral("no such agent")});
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != u"id" && it.key() != u"role" && it.key() != u"name" &&
            it.key() != u"departments" && it.key() != u"active" && it.key() != u"seniority")
            return accept(invalid(QStringLiteral("unknown agent field \"%1\"").arg(it.key())));
    }
    if (input.contains(QLatin1String("active"))) {
        const QJsonValue active = input.value(QLatin1String("active"));
        if (!active.isBool())
            return accept(invalid(QStringLiteral("\"active\" is true or false")));
        if (!active.toBool() && id == session->agent.id)
            return accept(invalid(QStringLiteral("you cannot deactivate yourself")));
        // Deactivated: signed out everywhere at once, and no new sign-in.
        Status st =
            db->run(active.toBool() ? "UPDATE agents SET deactivated_ms = NULL WHERE id = ?1"
                                    : "UPDATE agents SET deactivated_ms = ?2 WHERE id = ?1 AND "
                                      "deactivated_ms IS NULL",
                    [&](Statement &q) {
                        q.bind(1, uuidToBlob(id));
                        if (!active.toBool())
                            q.bind(2, now);
                    });
        if (st.good() && !active.toBool())
            st = db->run("UPDATE tokens SET revoked_ms = ?2 WHERE agent_id = ?1 AND revoked_ms "
                         "IS NULL",
                         [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, now); });
        if (!st.good())
            return st;
    }
    if (input.contains(QLatin1String("role"))) {
        const auto role = parseRole(input.value(QLatin1String("role")).toString());
        if (!role)
            return accept(invalid(QStringLiteral("a role is agent, lead or admin")));
        if (Status st =
                db->run("UPDATE agents SET role = ?2 WHERE id = ?1",
                        [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, int(*role)); });
            !st.good())
            return st;
    }
    if (input.contains(QLatin1String("seniority"))) {
        // A place in the order of every agent, 1 the most senior; the others keep their order
        // around it. The order is then stored whole: an agent added later comes after all.
        const QJsonValue seniority = input.value(QLatin1String("seniority"));
        const qint64 place = seniority.toInteger(0);
        if (!seniority.isDouble() || double(place) != seniority.toDouble() || place < 1)
            return accept(invalid(QStringLiteral("seniority is a place from 1, the most senior")));
        auto order = idRows(*db, "SELECT id FROM agents ORDER BY COALESCE(seniority, rid), rid",
                            [](Statement &) {});
        if (!order.good())
            return order.status();
        order->removeAll(id);
        order->insert(std::min<qsizetype>(place - 1, order->size()), id);
        for (qsizetype i = 0; i < order->size(); ++i) {
            if (Status st = db->run("UPDATE agents SET seniority = ?2 WHERE id = ?1",
                                    [&](Statement &q) {
                                        q.bind(1, uuidToBlob(order->at(i))).bind(2, qint64(i + 1));
                                    });
                !st.good())
                return st;
        }
    }
    if (input.contains(QLatin1String("name"))) {
        const QString name = input.value(QLatin1String("name")).toString().trimmed();
        if (name.isEmpty())
            return accept(invalid(QStringLiteral("an agent needs a name")));
        if (Status st = db->run("UPDATE agents SET name = ?2 WHERE id = ?1",
                                [&](Statement &q) { q.bind(1, uuidToBlob(id)).bind(2, name); });
            !st.good())
            return st;
    }
    if (input.contains(QLatin1String("departments"))) {
        if (Status st = db->run("DELETE FROM agent_departments WHERE agent_id = ?1",
                                [&](Statement &q) { q.bind(1, uuidToBlob(id)); });
            !st.good())
            return st;
        for (const QJsonValue &v : input.value(QLatin1String("departments")).toArray()) {
            const QUuid department = uuidOf(v.toObject().value(QLatin1String("id")));
            const qint64 tier = v.toObject().value(QLatin1String("tier")).toInteger(1);
            auto known = departmentExists(department);
            if (!known.good())
                return known.status();
            if (!*known || tier < 1 || tier > 9)
                return accept(invalid(QStringLiteral("departments are [{\"id\": a department, "
                                                     "\"tier\": 1 to 9}]")));
            if (Status st = db->run("INSERT INTO agent_departments(agent_id, department_id, tier) "
                                    "VALUES (?1, ?2, ?3) ON CONFLICT(agent_id, department_id) "
                                    "DO UPDATE SET tier = excluded.tier",
                                    [&](Statement &q) {
                                        q.bind(1, uuidToBlob(id)).bind(2, uuidToBlob(department));
                                        q.bind(3, tier);
                                    });
                !st.good())
                return st;
        }
    }
    if (Status st = agentChanged(id); !st.good())
        return st;
    return accept();
}

Result<std::optional<Rejection>> ServerStore::Private::createAgent(const QJsonObject &op)
{
    if (session->agent.role != Role::Admin)
        return accept(
            Rejection{QStringLiteral("forbidden"), QStringLiteral("only an admin manages agents")});
    const QJsonObject input = op.value(QLatin1String("agent")).toObject();
    const QUuid id = uuidOf(input.value(QLatin1String("id")));
    const QString email = input.value(QLatin1String("email")).toString().trimmed();
    const QString name = input.value(QLatin1String("name")).toString().trimmed();
    const auto role =
        parseRole(input.value(QLatin1String("role")).toString(QStringLiteral("agent")));
    if (id.isNull() || !Accounts::isAgentAddress(email) || name.isEmpty() || !role)
        return accept(invalid(QStringLiteral("create_agent needs an \"agent\" with an id, an "
                                             "e-mail address, a name and a role (agent, lead, "
                                             "admin)")));
    // The password comes beside the agent, is hashed here (argon2id) and kept nowhere else.
    auto hash = Accounts::hashPassword(op.value(QLatin1String("password")).toString());
    if (!hash.good()) {
        if (hash.status().code() == Status::Invalid)
            return accept(invalid(hash.status().message()));
        return hash.status();
    }
    Status st = db->run("INSERT INTO agents(id, email, name, role, password_hash, created_ms) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        [&](Statement &q) {
                            q.bind(1, uuidToBlob(id)).bind(2, email).bind(3, name);
                            q.bind(4, int(*role)).bind(5, QString::fromLatin1(hash->encoded));
                            q.bind(6, now);
                        });
    if (!st.good()) {
        if (db->violation() == Db::Violation::Unique)
            return accept(Rejection{QStringLiteral("duplicate_email"),
                                    QStringLiteral("an agent with the address %1 exists (or "
                                                   "that id is taken)")
                                        .arg(email)});
        return st;
    }
    // The memberships and the feed, as update_agent writes them.
    QJsonObject update{{QStringLiteral("id"), uuidToString(id)}};
    if (input.contains(QLatin1String("departments")))
        update.insert(QStringLiteral("departments"), input.value(QLatin1String("departments")));
    return updateAgent({{QStringLiteral("agent"), update}});
}

// The agent's change as GET /api/v1/agents shows it, to the agent and to each of their
// departments.
Status ServerStore::Private::agentChanged(const QUuid &id)
{
    auto row = db->prepare("SELECT email, name, role, deactivated_ms FROM agents WHERE id = ?1");
    if (!row.good())
        return row.status();
    (*row)->bind(1, uuidToBlob(id));
    QStringList fields;
    bool active = true;
    if ((*row)->next()) {
        fields = {(*row)->text(0), (*row)->text(1), (*row)->text(2)};
        active = (*row)->isNull(3);
    }
    Status read = (*row)->status();
    (*row)->reset();
    if (!read.good())
        return read;
    QJsonArray memberships;
    QList<QUuid> departments;
    auto stmt =
        db->prepare("SELECT department_id, tier FROM agent_departments WHERE agent_id = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(id));
    while ((*stmt)->next()) {
        departments.append(uuidFromBlob((*stmt)->blob(0)));
        memberships.append(QJsonObject{{QStringLiteral("id"), uuidToString(departments.last())},
                                       {QStringLiteral("tier"), (*stmt)->int64(1)}});
    }
    (*stmt)->reset();
    const QJsonObject agent{
        {QStringLiteral("id"), uuidToString(id)},
        {QStringLiteral("email"), fields.value(0)},
        {QStringLiteral("name"), fields.value(1)},
        {QStringLiteral("role"), toString(Role(std::clamp(fields.value(2).toInt(), 0, 2)))},
        {QStringLiteral("departments"), memberships},
        {QStringLiteral("active"), active}};
    pending.append({QStringLiteral("agent"), id, QUuid(), QUuid(), agent, id});
    for (const QUuid &department : std::as_const(departments))
        pending.append({QStringLiteral("agent"), id, department, QUuid(), agent});
    return {};
}

Result<std::optional<Rejection>> ServerStore::Private::upsertMailbox(const QJsonObject &op,
                                                                     bool remove)
{
    if (session->agent.role != Role::Admin)
        return accept(
            Rejection{QStringLiteral("forbidden"), QStringLiteral("only admins manage mailboxes")});
    if (remove) {
        const QString address = op.value(QLatin1String("address")).toString().trimmed().toLower();
        if (address.isEmpty())
            return accept(invalid(QStringLiteral("delete_mailbox needs an \"address\"")));
        Status s = db->run("DELETE FROM mailboxes WHERE address = ?1",
                           [&](Statement &st) { st.bind(1, address); });
        if (!s.good())
            return s;
        if (db->changes() == 0)
            return accept(Rejection{QStringLiteral("not_found"),
                                    QStringLiteral("no mailbox %1").arg(address)});
        changedMailboxes = true;
        return accept();
    }
    const QJsonObject input = op.value(QLatin1String("mailbox")).toObject();
    MailboxSettings settings;
    settings.address = input.value(QLatin1String("address")).toString().trimmed().toLower();
    settings.departmentId = uuidOf(input.value(QLatin1String("department_id")));
    settings.imapUrl = input.value(QLatin1String("imap_url")).toString();
    settings.smtpUrl = input.value(QLatin1String("smtp_url")).toString();
    settings.startTls = input.value(QLatin1String("starttls")).toBool();
    settings.after = input.value(QLatin1String("after")).toString(QStringLiteral("flag"));
    settings.charset = input.value(QLatin1String("charset")).toString(settings.charset);
    if (const QString error = Mailboxes::check(settings); !error.isEmpty())
        return accept(invalid(error));
    auto department = departmentExists(settings.departmentId);
    if (!department.good())
        return department.status();
    if (!*department)
        return accept(invalid(QStringLiteral("no such department")));
    // The passwords are write-only: both to set them, neither to keep the stored ones.
    const QJsonValue imap = op.value(QLatin1String("imap_password"));
    const QJsonValue smtp = op.value(QLatin1String("smtp_password"));
    if (imap.isUndefined() != smtp.isUndefined() ||
        (!imap.isUndefined() && (!imap.isString() || !smtp.isString())))
        return accept(invalid(QStringLiteral(
            "give imap_password and smtp_password together (text), or neither to keep them")));
    auto existing = text("SELECT address FROM mailboxes WHERE address = ?1",
                         [&](Statement &st) { st.bind(1, settings.address); });
    if (!existing.good())
        return existing.status();
    if (!*existing && imap.isUndefined())
        return accept(
            invalid(QStringLiteral("a new mailbox needs imap_password and smtp_password")));
    const QByteArray sealed =
        imap.isUndefined()
            ? QByteArray()
            : Mailboxes::sealSecrets(secretsKey, settings.address,
                                     MailboxSecrets{imap.toString(), smtp.toString()});
    // created_ms says when it was last set: the fetcher restarts with the new settings.
    const auto bindSettings = [&](Statement &st) {
        st.bind(1, settings.address).bind(2, uuidToBlob(settings.departmentId));
        st.bind(3, settings.imapUrl).bind(4, settings.smtpUrl).bind(5, int(settings.startTls));
        st.bind(6, settings.after).bind(7, settings.charset).bind(8, now);
        if (!sealed.isEmpty())
            st.bind(9, sealed);
    };
    Status s;
    if (!*existing)
        s = db->run("INSERT INTO mailboxes(address, department_id, imap_url, smtp_url, starttls, "
                    "after_action, charset, created_ms, secrets) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                    "?7, ?8, ?9)",
                    bindSettings);
    else if (sealed.isEmpty())
        s = db->run("UPDATE mailboxes SET department_id = ?2, imap_url = ?3, smtp_url = ?4, "
                    "starttls = ?5, after_action = ?6, charset = ?7, created_ms = ?8 "
                    "WHERE address = ?1",
                    bindSettings);
    else
        s = db->run("UPDATE mailboxes SET department_id = ?2, imap_url = ?3, smtp_url = ?4, "
                    "starttls = ?5, after_action = ?6, charset = ?7, created_ms = ?8, "
                    "secrets = ?9 WHERE address = ?1",
                    bindSettings);
    if (!s.good())
        return s;
    changedMailboxes = true;
    return accept();
}

void ServerStore::onMailboxesChanged(std::function<void()> changed)
{
    std::lock_guard lock(d->mutex);
    d->mailboxesChanged = std::move(changed);
}

} // namespace Pult
