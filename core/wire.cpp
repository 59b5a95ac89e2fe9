#include "wire.h"

#include "uuid.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <optional>

namespace Pult::Wire {
namespace {

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Status invalid(const char *what, const QString &detail)
{
    return Status(Status::Invalid,
                  QStringLiteral("the server sent a %1 with %2").arg(QLatin1String(what), detail));
}

// Parses an enumeration field; unknown names are an error, absent ones keep the default.
template<typename T, typename Parse>
bool parseField(const QJsonObject &o, const char *key, Parse parse, T &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    const auto parsed = parse(v.toString());
    if (!parsed)
        return false;
    out = *parsed;
    return true;
}

} // namespace

QJsonValue idValue(const QUuid &id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(uuidToString(id));
}

QUuid uuidOf(const QJsonValue &value)
{
    return QUuid::fromString(value.toString());
}

namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

// The exact form pultd writes, "2026-11-23T17:55:35.123Z", read without QDateTime's general
// parser, which costs microseconds a call and dominated a large initial sync. Anything else
// returns nullopt and goes to the general parser.
std::optional<qint64> fastIsoMs(QStringView s)
{
    if (s.size() != 24 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' ||
        s[16] != u':' || s[19] != u'.' || s[23] != u'Z')
        return std::nullopt;
    const auto digits = [&](int from, int count) -> int {
        int v = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    const int hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
    const int ms = digits(20, 3);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0)
        return std::nullopt;
    if (day > QDate(year, month, 1).daysInMonth())
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    return ((days * 24 + hour) * 60 + minute) * 60'000 + second * 1000 + ms;
}

// Howard Hinnant's civil_from_days: the date of a day number counted from 1970-01-01.
constexpr void civilFromDays(qint64 z, qint64 &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = qint64(yoe) + era * 400 + (m <= 2);
}

// A time as pultd writes it, "2026-11-23T17:55:35.123Z", without QDateTime's general
// formatter; nullopt outside the years 0 to 9999, which that form cannot hold.
std::optional<std::array<char, 24>> fastIsoText(qint64 ms)
{
    const qint64 days = ms >= 0 ? ms / 86'400'000 : (ms - 86'399'999) / 86'400'000;
    const qint64 inDay = ms - days * 86'400'000;
    qint64 year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    if (year < 0 || year > 9999)
        return std::nullopt;
    std::array<char, 24> out{};
    const auto put = [&](int at, qint64 value, int width) {
        for (int i = at + width - 1; i >= at; --i, value /= 10)
            out[std::size_t(i)] = char('0' + value % 10);
    };
    put(0, year, 4);
    out[4] = '-';
    put(5, month, 2);
    out[7] = '-';
    put(8, day, 2);
    out[10] = 'T';
    put(11, inDay / 3'600'000, 2);
    out[13] = ':';
    put(14, inDay / 60'000 % 60, 2);
    out[16] = ':';
    put(17, inDay / 1000 % 60, 2);
    out[19] = '.';
    put(20, inDay % 1000, 3);
    out[23] = 'Z';
    return out;
}

// Compact JSON text written field by field: the snapshots pultd stores and serves, where
// building a QJsonObject first cost more than the rest of an operation.
class JsonText
{
public:
    JsonText() { m_out.reserve(512); }
    QByteArray finish()
    {
        m_out += '}';
        return std::move(m_out);
    }
    JsonText &string(const char *key, QStringView value)
    {
        this->key(key);
        quote(value);
        return *this;
    }
    JsonText &string(const char *key, const QByteArray &latin1) // ASCII text: names, hashes
    {
        return string(key, QString::fromLatin1(latin1));
    }
    JsonText &number(const char *key, qint64 value)
    {
        this->key(key);
        m_out += QByteArray::number(value);
        return *this;
    }
    JsonText &boolean(const char *key, bool value)
    {
        this->key(key);
        m_out += value ? "true" : "false";
        return *this;
    }
    JsonText &null(const char *key)
    {
        this->key(key);
        m_out += "null";
        return *this;
    }
    JsonText &id(const char *key, const QUuid &value)
    {
        if (value.isNull())
            return null(key);
        this->key(key);
        m_out += '"';
        m_out += value.toByteArray(QUuid::WithoutBraces);
        m_out += '"';
        return *this;
    }
    JsonText &time(const char *key, const QDateTime &value)
    {
        if (!value.isValid())
            return null(key);
        const auto text = fastIsoText(value.toMSecsSinceEpoch());
        if (!text)
            return string(key, value.toUTC().toString(Qt::ISODateWithMs));
        this->key(key);
        m_out += '"';
        m_out.append(text->data(), qsizetype(text->size()));
        m_out += '"';
        return *this;
    }
    JsonText &strings(const char *key, const QStringList &values)
    {
        this->key(key);
        m_out += '[';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0)
                m_out += ',';
            quote(values.at(i));
        }
        m_out += ']';
        return *this;
    }
    // A nested value written by `write` into this text.
    template<typename Write> JsonText &raw(const char *key, Write &&write)
    {
        this->key(key);
        write(m_out);
        return *this;
    }

    // A JSON string: UTF-8, with quotes, backslashes and control characters escaped.
    static void quote(QByteArray &out, QStringView value)
    {
        static constexpr char kHex[] = "0123456789abcdef";
        out += '"';
        for (const char c : value.toUtf8()) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (u < 0x20) {
                out += "\\u00";
                out += kHex[u >> 4];
                out += kHex[u & 0xF];
            } else {
                out += c;
            }
        }
        out += '"';
    }

private:
    void key(const char *key)
    {
        m_out += m_out.isEmpty() ? "{\"" : ",\"";
        m_out += key;
        m_out += "\":";
    }
    void quote(QStringView value) { quote(m_out, value); }

    QByteArray m_out;
};

} // namespace

QJsonValue timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue();
    if (const auto text = fastIsoText(time.toMSecsSinceEpoch()))
        return QJsonValue(QString::fromLatin1(text->data(), qsizetype(text->size())));
    return QJsonValue(time.toUTC().toString(Qt::ISODateWithMs));
}

QDateTime timeOf(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QString text = value.toString();
    if (const auto ms = fastIsoMs(text))
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

QByteArray toJsonText(const Ticket &t)
{
    JsonText json;
    json.id("id", t.id);
    if (t.number)
        json.number("number", *t.number);
    else
        json.null("number");
    json.string("subject", t.subject).string("status", toString(t.status));
    json.string("priority", toString(t.priority)).id("department_id", t.departmentId);
    json.string("category", t.category).id("assignee_id", t.assigneeId);
    json.id("requester_id", t.requesterId).string("channel", toString(t.channel));
    json.strings("tags", t.tags).number("tier", t.tier);
    json.time("created", t.created).time("updated", t.updated);
    json.time("first_response_at", t.firstResponseAt).time("solved_at", t.solvedAt);
    json.time("due", t.due).time("reminder", t.reminder);
    json.time("first_response_deadline", t.firstResponseDeadline);
    json.time("resolution_deadline", t.resolutionDeadline);
    json.boolean("spam", t.spam).id("merged_into", t.mergedInto);
    QStringList linked;
    for (const QUuid &l : t.linked)
        linked.append(uuidToString(l));
    json.strings("linked", linked);
    if (t.csat > 0) // most tickets are not rated: their snapshots stay as they were
        json.number("csat", t.csat);
    if (!t.csatComment.isEmpty())
        json.string("csat_comment", t.csatComment);
    return json.finish();
}

QByteArray toJsonText(const Message &m)
{
    JsonText json;
    json.id("id", m.id).id("ticket_id", m.ticketId).string("kind", toString(m.kind));
    json.id("author_id", m.authorId).string("author_name", m.authorName);
    json.time("created", m.created).string("body", m.bodyText);
    if (!m.bodyHtml.isEmpty()) // mail with HTML only: most messages have none
        json.string("body_html", m.bodyHtml);
    json.raw("attachments", [&](QByteArray &out) {
        out += '[';
        for (qsizetype i = 0; i < m.attachments.size(); ++i) {
            const Attachment &a = m.attachments.at(i);
            JsonText attachment;
            attachment.string("hash", a.contentHash).string("name", a.name);
            attachment.string("type", a.mimeType).number("size", a.size);
            out += (i > 0 ? "," : "") + attachment.finish();
        }
        out += ']';
    });
    return json.finish();
}

QJsonObject toJson(const Ticket &ticket)
{
    return QJsonDocument::fromJson(toJsonText(ticket)).object();
}

QJsonObject toJson(const Message &message)
{
    return QJsonDocument::fromJson(toJsonText(message)).object();
}

QJsonObject toJson(const HistoryEvent &e)
{
    return {{QStringLiteral("id"), uuidToString(e.id)},
            {QStringLiteral("ticket_id"), uuidToString(e.ticketId)},
            {QStringLiteral("actor_id"), idValue(e.actorId)},
            {QStringLiteral("time"), timeValue(e.time)},
            {QStringLiteral("field"), e.field},
            {QStringLiteral("old"), e.oldValue.isNull() ? QJsonValue() : e.oldValue},
            {QStringLiteral("new"), e.newValue.isNull() ? QJsonValue() : e.newValue},
            {QStringLiteral("rule"), e.rule.isEmpty() ? QJsonValue() : e.rule}};
}

QJsonObject toJson(const Contact &c)
{
    QJsonObject o{{QStringLiteral("id"), uuidToString(c.id)},
                  {QStringLiteral("name"), c.name},
                  {QStringLiteral("emails"), stringArray(c.emails)},
                  {QStringLiteral("phone"), c.phone},
                  {QStringLiteral("organisation"), c.organisation},
                  {QStringLiteral("language"), c.language},
                  {QStringLiteral("time_zone"), c.timeZone},
                  {QStringLiteral("notes"), c.notes},
                  {QStringLiteral("plan"), c.plan},
                  {QStringLiteral("plan_tier"), c.planTier}};
    // Left out when none, as pultd writes contacts.
    if (!c.bouncing.isEmpty()) {
        QJsonArray bouncing;
        for (const BouncingAddress &b : c.bouncing)
            bouncing.append(QJsonObject{{QStringLiteral("email"), b.email},
                                        {QStringLiteral("reason"), b.reason},
                                        {QStringLiteral("since"), timeValue(b.since)}});
        o.insert(QStringLiteral("bouncing"), bouncing);
    }
    return o;
}

QJsonObject toJson(const CannedResponse &r)
{
    return {{QStringLiteral("id"), uuidToString(r.id)},
            {QStringLiteral("title"), r.title},
            {QStringLiteral("shortcut"), r.shortcut},
            {QStringLiteral("body"), r.body},
            {QStringLiteral("scope"), toString(r.scope)},
            {QStringLiteral("owner_id"), idValue(r.ownerId)}};
}

QJsonObject toJson(const Department &d)
{
    return {{QStringLiteral("id"), uuidToString(d.id)},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("email"), d.email},
            {QStringLiteral("business_hours"), d.businessHours},
            {QStringLiteral("sla_policy"), d.slaPolicy},
            {QStringLiteral("queue_order"), toString(d.queueOrder)},
            {QStringLiteral("reply_header"), d.replyHeader},
            {QStringLiteral("reply_footer"), d.replyFooter},
            {QStringLiteral("goals"), d.goals}};
}

Result<Ticket> ticketFromJson(const QJsonObject &o)
{
    Ticket t;
    t.id = uuidOf(o.value(QLatin1String("id")));
    if (t.id.isNull())
        return invalid("ticket", QStringLiteral("no id"));
    if (const QJsonValue n = o.value(QLatin1String("number")); n.isDouble() && n.toInteger() > 0)
        t.number = n.toInteger();
    t.subject = text(o, "subject");
    if (!parseField(o, "status", parseTicketStatus, t.status) ||
        !parseField(o, "priority", parsePriority, t.priority) ||
        !parseField(o, "channel", parseChannel, t.channel))
        return invalid("ticket", QStringLiteral("an unknown status, priority or channel"));
    t.departmentId = uuidOf(o.value(QLatin1String("department_id")));
    t.category = text(o, "category");
    t.assigneeId = uuidOf(o.value(QLatin1String("assignee_id")));
    t.requesterId = uuidOf(o.value(QLatin1String("requester_id")));
    t.tags = stringList(o.value(QLatin1String("tags")));
    t.tier = int(o.value(QLatin1String("tier")).toInteger(1));
    t.created = timeOf(o.value(QLatin1String("created")));
    t.updated = timeOf(o.value(QLatin1String("updated")));
    if (!t.updated.isValid())
        t.updated = t.created;
    t.firstResponseAt = timeOf(o.value(QLatin1String("first_response_at")));
    t.solvedAt = timeOf(o.value(QLatin1String("solved_at")));
    t.due = timeOf(o.value(QLatin1String("due")));
    t.reminder = timeOf(o.value(QLatin1String("reminder")));
    t.firstResponseDeadline = timeOf(o.value(QLatin1String("first_response_deadline")));
    t.resolutionDeadline = timeOf(o.value(QLatin1String("resolution_deadline")));
    t.spam = o.value(QLatin1String("spam")).toBool();
    t.mergedInto = uuidOf(o.value(QLatin1String("merged_into")));
    for (const QJsonValue &l : o.value(QLatin1String("linked")).toArray())
        t.linked.append(uuidOf(l));
    if (const qint64 csat = o.value(QLatin1String("csat")).toInteger(); csat >= 1 && csat <= 5)
        t.csat = int(csat);
    t.csatComment = text(o, "csat_comment");
    return t;
}

Result<Message> messageFromJson(const QJsonObject &o)
{
    Message m;
    m.id = uuidOf(o.value(QLatin1String("id")));
    m.ticketId = uuidOf(o.value(QLatin1String("ticket_id")));
    if (m.id.isNull() || m.ticketId.isNull())
        return invalid("message", QStringLiteral("no id or ticket"));
    if (!parseField(o, "kind", parseMessageKind, m.kind))
        return invalid("message", QStringLiteral("an unknown kind"));
    m.authorId = uuidOf(o.value(QLatin1String("author_id")));
    m.authorName = text(o, "author_name");
    m.created = timeOf(o.value(QLatin1String("created")));
    m.bodyText = text(o, "body");
    m.bodyHtml = text(o, "body_html");
    for (const QJsonValue &v : o.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject a = v.toObject();
        m.attachments.append({text(a, "hash").toLatin1(), text(a, "name"), text(a, "type"),
                              a.value(QLatin1String("size")).toInteger()});
    }
    return m;
}

Result<HistoryEvent> historyFromJson(const QJsonObject &o)
{
    HistoryEvent e;
    e.id = uuidOf(o.value(QLatin1String("id")));
    e.ticketId = uuidOf(o.value(QLatin1String("ticket_id")));
    if (e.id.isNull() || e.ticketId.isNull())
        return invalid("history event", QStringLiteral("no id or ticket"));
    e.actorId = uuidOf(o.value(QLatin1String("actor_id")));
    e.time = timeOf(o.value(QLatin1String("time")));
    e.field = text(o, "field");
    e.oldValue = text(o, "old");
    e.newValue = text(o, "new");
    e.rule = text(o, "rule");
    return e;
}

Result<Contact> contactFromJson(const QJsonObject &o)
{
    Contact c;
    c.id = uuidOf(o.value(QLatin1String("id")));
    if (c.id.isNull())
        return invalid("contact", QStringLiteral("no id"));
    c.name = text(o, "name");
    c.emails = stringList(o.value(QLatin1String("emails")));
    c.phone = text(o, "phone");
    c.organisation = text(o, "organisation");
    c.language = text(o, "language");
    c.timeZone = text(o, "time_zone");
    c.notes = text(o, "notes");
    c.plan = text(o, "plan");
    c.planTier = int(o.value(QLatin1String("plan_tier")).toInteger());
    for (const QJsonValue &v : o.value(QLatin1String("bouncing")).toArray()) {
        const QJsonObject b = v.toObject();
        if (!text(b, "email").isEmpty())
            c.bouncing.append(
                {text(b, "email"), text(b, "reason"), timeOf(b.value(QLatin1String("since")))});
    }
    return c;
}

QJsonObject toJson(const SharedFilter &f)
{
    return {{QStringLiteral("id"), uuidToString(f.id)},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("query"), f.query},
            {QStringLiteral("department_id"), idValue(f.departmentId)}};
}

QJsonObject toJson(const Rule &r)
{
    return {{QStringLiteral("id"), uuidToString(r.id)},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("department_id"), idValue(r.departmentId)},
            {QStringLiteral("when"), r.when},
            {QStringLiteral("if"), r.condition},
            {QStringLiteral("then"), r.actions},
            {QStringLiteral("position"), r.position},
            {QStringLiteral("enabled"), r.enabled},
            {QStringLiteral("stop"), r.stop}};
}

Result<Rule> ruleFromJson(const QJsonObject &o)
{
    Rule r;
    r.id = uuidOf(o.value(QLatin1String("id")));
    if (r.id.isNull())
        return invalid("rule", QStringLiteral("no id"));
    r.name = text(o, "name");
    r.departmentId = uuidOf(o.value(QLatin1String("department_id")));
    r.when = text(o, "when");
    r.condition = text(o, "if");
    r.actions = text(o, "then");
    r.position = o.value(QLatin1String("position")).toInt();
    r.enabled = o.value(QLatin1String("enabled")).toBool(true);
    r.stop = o.value(QLatin1String("stop")).toBool(false);
    return r;
}

QJsonObject toJson(const Notice &n)
{
    return {{QStringLiteral("id"), uuidToString(n.id)},
            {QStringLiteral("ticket_id"), uuidToString(n.ticketId)},
            {QStringLiteral("rule"), n.rule},
            {QStringLiteral("created_at"), timeValue(n.created)}};
}

Result<Notice> noticeFromJson(const QJsonObject &o)
{
    Notice n;
    n.id = uuidOf(o.value(QLatin1String("id")));
    n.ticketId = uuidOf(o.value(QLatin1String("ticket_id")));
    if (n.id.isNull() || n.ticketId.isNull())
        return invalid("notice", QStringLiteral("no id or ticket"));
    n.rule = text(o, "rule");
    n.created = timeOf(o.value(QLatin1String("created_at")));
    return n;
}

Result<SharedFilter> sharedFilterFromJson(const QJsonObject &o)
{
    SharedFilter f;
    f.id = uuidOf(o.value(QLatin1String("id")));
    if (f.id.isNull())
        return invalid("shared filter", QStringLiteral("no id"));
    f.name = text(o, "name");
    f.query = text(o, "query");
    f.departmentId = uuidOf(o.value(QLatin1String("department_id")));
    return f;
}

Result<CannedResponse> cannedResponseFromJson(const QJsonObject &o)
{
    CannedResponse r;
    r.id = uuidOf(o.value(QLatin1String("id")));
    if (r.id.isNull())
        return invalid("canned response", QStringLiteral("no id"));
    if (!parseField(o, "scope", parseCannedScope, r.scope))
        return invalid("canned response", QStringLiteral("an unknown scope"));
    r.title = text(o, "title");
    r.shortcut = text(o, "shortcut");
    r.body = text(o, "body");
    r.ownerId = uuidOf(o.value(QLatin1String("owner_id")));
    return r;
}

Result<Department> departmentFromJson(const QJsonObject &o)
{
    Department d;
    d.id = uuidOf(o.value(QLatin1String("id")));
    if (d.id.isNull())
        return invalid("department", QStringLiteral("no id"));
    if (!parseField(o, "queue_order", parseQueueOrder, d.queueOrder))
        return invalid("department", QStringLiteral("an unknown queue order"));
    d.name = text(o, "name");
    d.email = text(o, "email");
    d.businessHours = text(o, "business_hours");
    d.slaPolicy = text(o, "sla_policy");
    d.replyHeader = text(o, "reply_header");
    d.replyFooter = text(o, "reply_footer");
    d.goals = text(o, "goals");
    d.leadId = uuidOf(o.value(QLatin1String("lead_id")));
    return d;
}

Result<Agent> agentFromJson(const QJsonObject &o)
{
    Agent a;
    a.id = uuidOf(o.value(QLatin1String("id")));
    if (a.id.isNull())
        return invalid("agent", QStringLiteral("no id"));
    if (!parseField(o, "role", parseRole, a.role))
        return invalid("agent", QStringLiteral("an unknown role"));
    a.name = text(o, "name");
    a.email = text(o, "email");
    for (const QJsonValue &v : o.value(QLatin1String("departments")).toArray()) {
        const QJsonObject m = v.toObject();
        a.departments.append({uuidOf(m.value(QLatin1String("id"))),
                              int(m.value(QLatin1String("tier")).toInteger(1))});
    }
    return a;
}

} // namespace Pult::Wire
