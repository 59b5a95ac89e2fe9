// What the customer pages (docs/customer-pages.md) read and write: status links, a ticket's
// public conversation, customers' answers and contact form posts, with their rate limits.
//
// A status link's token is HMAC-SHA256(statusLinkKey, ticket id ‖ requester id ‖ generation),
// its first 24 bytes in base64url (192 bits, 32 characters). Only SHA-256(token) is stored, in
// status_links (one row per ticket: its current generation). A token is checked by finding its
// hash and deriving it again from the ticket's current requester and generation, so a rotated
// link (a later generation) and a link of a former requester both stop working.

#include "serverstoreprivate.h"

#include "customertexts.h"
#include "digests.h"
#include "template.h"

#include <QScopeGuard>

#include <sodium.h>

namespace Pult {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qsizetype kTokenBytes = 24;
constexpr qsizetype kTokenChars = 32; // base64url of kTokenBytes, unpadded
// The ops table's agent_id of customers' posts (their results are kept like ops' for resends).
const QUuid kWebPostAgent(QStringLiteral("{3c0b8f52-6a1e-4d7b-b1f4-95e2d8a07c61}"));

QString deriveToken(const QByteArray &key, const QUuid &ticket, const QUuid &requester,
                    qint64 generation)
{
    QByteArray input = uuidToBlob(ticket) + uuidToBlob(requester);
    for (int shift = 56; shift >= 0; shift -= 8)
        input.append(char((quint64(generation) >> shift) & 0xff));
    return QString::fromLatin1(
        hmacSha256(key, input)
            .left(kTokenBytes)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool wellFormed(const QString &token)
{
    return token.size() == kTokenChars && std::all_of(token.cbegin(), token.cend(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                      (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
           });
}

// The ticket a token opens, on any connection (a reader's or the writer's); nullopt when none.
Result<std::optional<Ticket>> ticketOfToken(Db::Connection &db, const QByteArray &key,
                                            const QString &token)
{
    if (key.isEmpty() || !wellFormed(token))
        return std::optional<Ticket>();
    auto stmt = db.prepare("SELECT l.generation, t.data FROM status_links l JOIN tickets t ON "
                           "t.id = l.ticket_id WHERE l.token_hash = ?1");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, sha256(token.toLatin1()));
    std::optional<std::pair<qint64, QString>> row;
    if ((*stmt)->next())
        row.emplace((*stmt)->int64(0), (*stmt)->text(1));
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    if (!row)
        return std::optional<Ticket>();
    auto ticket = Wire::ticketFromJson(parseObject(row->second));
    if (!ticket.good())
        return ticket.status();
    const QByteArray expected =
        deriveToken(key, ticket->id, ticket->requesterId, row->first).toLatin1();
    const QByteArray given = token.toLatin1();
    if (sodium_memcmp(expected.constData(), given.constData(), std::size_t(given.size())) != 0)
        return std::optional<Ticket>(); // a former requester's link
    return std::optional<Ticket>(std::move(*ticket));
}

// Whether the ticket's solve may be rated: it is solved or closed, and its survey was not
// cancelled by a reopening.
Result<bool> surveyOpen(Db::Connection &db, const Ticket &ticket)
{
    if (ticket.status != TicketStatus::Solved && ticket.status != TicketStatus::Closed)
        return false;
    auto state = firstText(db, "SELECT state FROM csat_surveys WHERE ticket_id = ?1",
                           [&](Statement &st) { st.bind(1, uuidToBlob(ticket.id)); });
    if (!state.good())
        return state.status();
    return state->has_value() && **state != u"cancelled";
}

// Posts of `kind` by `subject` in the last hour; older posts of the kind are forgotten.
Result<qint64> recentPosts(Db::Connection &db, const char *kind, const QString &subject,
                           qint64 nowMs)
{
    if (Status s = db.run(
            "DELETE FROM web_posts WHERE kind = ?1 AND created_ms <= ?2",
            [&](Statement &st) { st.bind(1, QString::fromLatin1(kind)).bind(2, nowMs - kHourMs); });
        !s.good())
        return s;
    auto n =
        firstText(db, "SELECT count(*) FROM web_posts WHERE kind = ?1 AND subject = ?2",
                  [&](Statement &st) { st.bind(1, QString::fromLatin1(kind)).bind(2, subject); });
    if (!n.good())
        return n.status();
    return n->value_or(QString()).toLongLong();
}

Status recordPost(Db::Connection &db, const char *kind, const QString &subject, qint64 nowMs)
{
    return db.run("INSERT INTO web_posts(kind, subject, created_ms) VALUES (?1, ?2, ?3)",
                  [&](Statement &st) {
                      st.bind(1, QString::fromLatin1(kind)).bind(2, subject).bind(3, nowMs);
                  });
}

// Whether a post over both limits may go in (and is then counted against them).
Result<bool> withinLimits(Db::Connection &db,
                          std::initializer_list<std::pair<const char *, QString>> subjects,
                          std::initializer_list<int> limits, qint64 nowMs)
{
    auto limit = limits.begin();
    for (const auto &[kind, subject] : subjects) {
        auto n = recentPosts(db, kind, subject, nowMs);
        if (!n.good())
            return n.status();
        if (*n >= *limit++)
            return false;
    }
    for (const auto &[kind, subject] : subjects) {
        if (Status s = recordPost(db, kind, subject, nowMs); !s.good())
            return s;
    }
    return true;
}

// A post's earlier result (it was sent before), when there is one.
Result<std::optional<ServerStore::Posted>> earlierPost(Db::Connection &db, const QUuid &postId)
{
    auto previous = firstText(db, "SELECT result FROM ops WHERE op_id = ?1",
                              [&](Statement &s) { s.bind(1, uuidToBlob(postId)); });
    if (!previous.good())
        return previous.status();
    if (!*previous)
        return std::optional<ServerStore::Posted>();
    const QJsonObject result = parseObject(**previous);
    ServerStore::Posted posted;
    posted.outcome = ServerStore::Posted::Accepted;
    posted.ticketId = uuidOf(result.value(QLatin1String("ticket_id")));
    posted.number = result.value(QLatin1String("number")).toInteger();
    posted.mailed = result.value(QLatin1String("mailed")).toBool();
    return std::optional(posted);
}

QJsonObject postResult(const QUuid &postId, const ServerStore::Posted &p)
{
    return {{QStringLiteral("op_id"), uuidToString(postId)},
            {QStringLiteral("status"), QStringLiteral("applied")},
            {QStringLiteral("ticket_id"), idValue(p.ticketId)},
            {QStringLiteral("number"), p.number},
            {QStringLiteral("mailed"), p.mailed},
            {QStringLiteral("revision"), p.revision}};
}

} // namespace

QString withStatusLinkParagraph(const QString &body, const QString &language)
{
    if (body.contains(kStatusLinkPlaceholder))
        return body;
    return body.trimmed() + QStringLiteral("\n\n") +
           CustomerTexts::text(CustomerTexts::Text::MailStatusLink, language)
               .arg(kStatusLinkPlaceholder.toString());
}

void ServerStore::setStatusLinkKey(const QByteArray &key)
{
    std::lock_guard lock(d->mutex);
    d->statusLinkKey = key;
}

void ServerStore::setPublicUrl(const QString &url)
{
    std::lock_guard lock(d->mutex);
    d->publicUrl = url.endsWith(u'/') ? url.chopped(1) : url;
}

QString ServerStore::publicUrl() const
{
    std::lock_guard lock(d->mutex);
    return d->publicUrl;
}

QString ServerStore::slugOf(const QString &name)
{
    QString slug;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug.append(c);
        else if (c.category() != QChar::Mark_NonSpacing && !slug.isEmpty() && !slug.endsWith(u'-'))
            slug.append(u'-');
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

Result<std::optional<ServerStore::WebDepartment>>
ServerStore::webDepartment(const QString &idOrSlug)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    Db::Connection &db = ***reader;
    auto stmt = db.prepare("SELECT d.id, d.name, s.data FROM departments d LEFT JOIN "
                           "department_settings s ON s.id = d.id ORDER BY d.name");
    if (!stmt.good())
        return stmt.status();
    const QUuid asId = uuidOf(QJsonValue(idOrSlug));
    std::optional<WebDepartment> found;
    while (!found && (*stmt)->next()) {
        WebDepartment department{uuidFromBlob((*stmt)->blob(0)), (*stmt)->text(1),
                                 slugOf((*stmt)->text(1)), parseObject((*stmt)->text(2))};
        if ((!asId.isNull() && department.id == asId) || department.slug == idOrSlug)
            found = std::move(department);
    }
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good())
        return s;
    return found;
}

Result<QString> ServerStore::Private::statusLinkToken(const Ticket &ticket, bool rotate)
{
    if (statusLinkKey.isEmpty())
        return Status(Status::Internal, QStringLiteral("no key to make status links with"));
    auto stored = text("SELECT generation FROM status_links WHERE ticket_id = ?1",
                       [&](Statement &st) { st.bind(1, uuidToBlob(ticket.id)); });
    if (!stored.good())
        return stored.status();
    const qint64 generation = stored->value_or(QStringLiteral("0")).toLongLong() + (rotate ? 1 : 0);
    const QString token = deriveToken(statusLinkKey, ticket.id, ticket.requesterId, generation);
    Status s = db->run("INSERT INTO status_links(ticket_id, generation, token_hash) VALUES (?1, "
                       "?2, ?3) ON CONFLICT(ticket_id) DO UPDATE SET generation = "
                       "excluded.generation, token_hash = excluded.token_hash",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(ticket.id)).bind(2, generation);
                           st.bind(3, sha256(token.toLatin1()));
                       });
    if (!s.good())
        return s;
    return token;
}

Result<QString> ServerStore::Private::withStatusLink(const QUuid &ticketId, QString body)
{
    if (!body.contains(kStatusLinkPlaceholder) || publicUrl.isEmpty())
        return body;
    auto ticket = storedTicket(ticketId);
    if (!ticket.good())
        return ticket.status();
    if (!*ticket)
        return body;
    auto token = statusLinkToken(**ticket);
    if (!token.good())
        return token.status();
    return body.replace(kStatusLinkPlaceholder.toString(),
                        publicUrl + QStringLiteral("/t/") + *token);
}

Result<std::optional<Rejection>> ServerStore::Private::rotateStatusLink(const QJsonObject &op)
{
    return editTicket(op, [&](Ticket &ticket) -> Result<std::optional<Rejection>> {
        auto token = statusLinkToken(ticket, true);
        if (!token.good())
            return token.status();
        // The history says it happened; the link itself is never written down.
        history(ticket, QStringLiteral("status_link"), QJsonValue(), QStringLiteral("rotated"));
        return std::optional<Rejection>();
    });
}

Result<std::optional<QString>> ServerStore::statusLink(const AgentSession &session,
                                                       const QUuid &ticketId)
{
    std::lock_guard lock(d->mutex);
    d->session = &session;
    const auto forget = qScopeGuard([&] { d->session = nullptr; });
    auto ticket = d->visibleTicket(ticketId);
    if (!ticket.good())
        return ticket.status();
    if (!*ticket)
        return std::optional<QString>();
    auto link = d->withStatusLink(ticketId, kStatusLinkPlaceholder.toString());
    if (!link.good())
        return link.status();
    return std::optional(*link);
}

Result<std::optional<ServerStore::StatusPage>> ServerStore::statusPage(const QString &token)
{
    auto reader = d->readers->lend();
    if (!reader.good())
        return reader.status();
    Db::Connection &db = ***reader;
    auto ticket = ticketOfToken(db, d->statusLinkKey, token);
    if (!ticket.good())
        return ticket.status();
    if (!*ticket)
        return std::optional<StatusPage>();
    StatusPage page;
    page.ticket = std::move(**ticket);
    auto contact = firstText(db, "SELECT data FROM contacts WHERE id = ?1", [&](Statement &st) {
        st.bind(1, uuidToBlob(page.ticket.requesterId));
    });
    if (!contact.good())
        return contact.status();
    const QJsonObject requester = parseObject(contact->value_or(QString()));
    page.requesterLanguage = requester.value(QLatin1String("language")).toString();
    page.requesterTimeZone = requester.value(QLatin1String("time_zone")).toString();
    auto department =
        firstText(db, "SELECT name FROM departments WHERE id = ?1",
                  [&](Statement &st) { st.bind(1, uuidToBlob(page.ticket.departmentId)); });
    if (!department.good())
        return department.status();
    auto settings =
        firstText(db, "SELECT data FROM department_settings WHERE id = ?1",
                  [&](Statement &st) { st.bind(1, uuidToBlob(page.ticket.departmentId)); });
    if (!settings.good())
        return settings.status();
    page.department.id = page.ticket.departmentId;
    page.department.name = department->value_or(QString());
    page.department.slug = slugOf(page.department.name);
    page.department.settings = parseObject(settings->value_or(QString()));
    auto messages = db.prepare("SELECT data FROM messages WHERE ticket_id = ?1 ORDER BY rid");
    if (!messages.good())
        return messages.status();
    (*messages)->bind(1, uuidToBlob(page.ticket.id));
    while ((*messages)->next()) {
        auto message = Wire::messageFromJson(parseObject((*messages)->text(0)));
        if (message.good() && (message->kind == MessageKind::CustomerMessage ||
                               message->kind == MessageKind::AgentReply))
            page.messages.append(std::move(*message));
    }
    Status s = (*messages)->status();
    (*messages)->reset();
    if (!s.good())
        return s;
    auto open = surveyOpen(db, page.ticket);
    if (!open.good())
        return open.status();
    page.surveyOpen = *open;
    return std::optional(std::move(page));
}

Result<std::optional<ServerStore::AttachmentInfo>>
ServerStore::statusPageAttachment(const QString &token, const QString &hash)
{
    auto page = statusPage(token);
    if (!page.good())
        return page.status();
    if (!*page)
        return std::optional<AttachmentInfo>();
    for (const Message &m : std::as_const((*page)->messages)) {
        for (const Attachment &a : m.attachments) {
            if (QString::fromLatin1(a.contentHash) == hash)
                return std::optional(AttachmentInfo{a.size, a.name, a.mimeType});
        }
    }
    return std::optional<AttachmentInfo>();
}

Status ServerStore::Private::storeCustomerMessage(Ticket &ticket, const QUuid &id,
                                                  const QString &text,
                                                  const QList<Attachment> &attachments)
{
    if (Status s = recordAttachmentFiles(attachments); !s.good())
        return s;
    Message message;
    message.id = id;
    message.ticketId = ticket.id;
    message.kind = MessageKind::CustomerMessage;
    message.authorId = session->agent.id;
    message.authorName = session->agent.name;
    message.created = nowTime();
    message.bodyText = text;
    message.attachments = attachments;
    auto stored = storeMessage(ticket, message);
    if (!stored.good())
        return stored.status();
    if (*stored)
        return Status(Status::Invalid, (*stored)->message);
    return {};
}

Result<Ticket *> ServerStore::Private::openForCustomer(const Ticket &found, const char *kind,
                                                       const QString &ip, AgentSession &customer)
{
    const QByteArray perIp = QByteArray(kind) + "-ip";
    auto within = withinLimits(*db, {{kind, uuidToString(found.id)}, {perIp.constData(), ip}},
                               {kAnswersPerTicket, kAnswersPerIp}, now);
    if (!within.good())
        return within.status();
    if (!*within)
        return static_cast<Ticket *>(nullptr);
    // The requester writes: the history and their messages name the contact.
    customer = AgentSession();
    customer.agent.role = Role::Admin; // the ticket is theirs, in whatever department
    customer.agent.id = found.requesterId;
    auto contact = text("SELECT data FROM contacts WHERE id = ?1",
                        [&](Statement &st) { st.bind(1, uuidToBlob(found.requesterId)); });
    if (!contact.good())
        return contact.status();
    customer.agent.name =
        parseObject(contact->value_or(QString())).value(QLatin1String("name")).toString();
    session = &customer;
    return openTicket(found.id);
}

Status ServerStore::Private::commitPost(WriteBatch &tx, const QUuid &postId, Posted &posted)
{
    auto revision = commitChanges();
    if (!revision.good())
        return revision.status();
    posted.outcome = Posted::Accepted;
    posted.revision = *revision;
    Status s = postId.isNull() ? Status()
                               : recordResult(postId, kWebPostAgent, postResult(postId, posted));
    if (s.good())
        s = announce(posted.revision);
    if (s.good())
        s = tx.commit();
    return s;
}

Result<ServerStore::Posted> ServerStore::customerAnswer(const QString &token, const QUuid &postId,
                                                        const QString &text,
                                                        const QList<Attachment> &attachments,
                                                        const QString &ip, qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    d->now = nowMs;
    Db::Connection &db = *d->db;
    auto earlier = earlierPost(db, postId);
    if (!earlier.good())
        return earlier.status();
    if (*earlier)
        return **earlier;
    Posted posted;
    auto found = ticketOfToken(db, d->statusLinkKey, token);
    if (!found.good())
        return found.status();
    if (!*found)
        return posted;
    posted.ticketId = (*found)->id;
    posted.number = (*found)->number.value_or(0);
    if ((*found)->status == TicketStatus::Closed) {
        posted.outcome = Posted::Closed;
        return posted;
    }
    AgentSession customer;
    auto open = d->openForCustomer(**found, "answer", ip, customer);
    if (!open.good())
        return open.status();
    if (!*open) {
        posted.outcome = Posted::Limited;
        return posted; // nothing written: the transaction rolls back
    }
    Ticket &ticket = **open;
    if (ticket.status == TicketStatus::Solved || ticket.status == TicketStatus::Pending) {
        d->history(ticket, QStringLiteral("status"), toString(ticket.status),
                   toString(TicketStatus::Open));
        ticket.status = TicketStatus::Open;
    }
    if (Status s = d->storeCustomerMessage(ticket, postId, text, attachments); !s.good())
        return s;
    if (Status s = d->writeTickets(); !s.good())
        return s;
    if (Status s = d->commitPost(tx, postId, posted); !s.good())
        return s;
    return posted;
}

Result<ServerStore::Posted> ServerStore::rateTicket(const QString &token, int score,
                                                    const std::optional<QString> &comment,
                                                    const QString &ip, qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    d->now = nowMs;
    Db::Connection &db = *d->db;
    Posted posted;
    auto found = ticketOfToken(db, d->statusLinkKey, token);
    if (!found.good())
        return found.status();
    if (!*found || score < 1 || score > 5)
        return posted;
    posted.ticketId = (*found)->id;
    posted.number = (*found)->number.value_or(0);
    auto open = surveyOpen(db, **found);
    if (!open.good())
        return open.status();
    if (!*open) {
        posted.outcome = Posted::NotOpen;
        return posted;
    }
    posted.outcome = Posted::Accepted;
    if ((*found)->csat == score && (!comment || *comment == (*found)->csatComment))
        return posted; // the same rating again (a link clicked twice, a form sent again)
    AgentSession customer;
    auto opened = d->openForCustomer(**found, "rating", ip, customer);
    if (!opened.good())
        return opened.status();
    if (!*opened) {
        posted.outcome = Posted::Limited;
        return posted;
    }
    Ticket &ticket = **opened;
    if (ticket.csat != score)
        d->history(ticket, QStringLiteral("csat"),
                   ticket.csat > 0 ? QJsonValue(ticket.csat) : QJsonValue(), score);
    ticket.csat = score;
    // The history says that a comment came, not what it says: the comment is the customer's
    // own words, which an erasure must be able to take back (docs/privacy.md).
    if (comment && *comment != ticket.csatComment) {
        d->history(ticket, QStringLiteral("csat_comment"), QJsonValue(),
                   comment->isEmpty() ? QStringLiteral("removed") : QStringLiteral("commented"));
        ticket.csatComment = *comment;
    }
    Status s = d->db->run("UPDATE csat_surveys SET state = 'rated' WHERE ticket_id = ?1",
                          [&](Statement &st) { st.bind(1, uuidToBlob(posted.ticketId)); });
    if (s.good())
        s = d->writeTickets();
    if (s.good()) // a rating has no post id: the same rating again writes nothing anyway
        s = d->commitPost(tx, QUuid(), posted);
    if (!s.good())
        return s;
    return posted;
}

Result<ServerStore::Posted> ServerStore::submitForm(const WebForm &form, qint64 nowMs)
{
    std::lock_guard lock(d->mutex);
    Private::WriteBatch tx(*d);
    if (!tx.status().good())
        return tx.status();
    d->now = nowMs;
    d->queuedMail = false;
    Db::Connection &db = *d->db;
    auto earlier = earlierPost(db, form.postId);
    if (!earlier.good())
        return earlier.status();
    if (*earlier)
        return **earlier;
    Posted posted;
    auto exists = d->departmentExists(form.departmentId);
    if (!exists.good())
        return exists.status();
    if (!*exists)
        return posted;
    const QString email = form.email.trimmed();
    auto within = withinLimits(db, {{"form", email.toLower()}, {"form-ip", form.ip}},
                               {kFormPostsPerAddress, kFormPostsPerIp}, nowMs);
    if (!within.good())
        return within.status();
    if (!*within) {
        posted.outcome = Posted::Limited;
        return posted;
    }

    AgentSession customer;
    customer.agent.role = Role::Admin; // the form's rights: its department
    d->session = &customer;
    std::optional<Rejection> rejection;
    auto contact = d->contactForRequester(QJsonObject{{QStringLiteral("email"), email},
                                                      {QStringLiteral("name"), form.name.trimmed()},
                                                      {QStringLiteral("language"), form.language}},
                                          form.departmentId, rejection);
    if (!contact.good())
        return contact.status();
    if (rejection)
        return Status(Status::Invalid, rejection->message);
    auto contactRow = d->text("SELECT data FROM contacts WHERE id = ?1",
                              [&](Statement &st) { st.bind(1, uuidToBlob(*contact)); });
    if (!contactRow.good())
        return contactRow.status();
    const QJsonObject contactData = parseObject(contactRow->value_or(QString()));
    customer.agent.id = *contact;
    customer.agent.name = contactData.value(QLatin1String("name")).toString();
    // The mail goes out in the contact's language when it has one, else in the page's.
    const QString language = CustomerTexts::supported(
        {contactData.value(QLatin1String("language")).toString(), form.language});

    QJsonObject result;
    auto created = d->createTicket(
        QJsonObject{
            {QStringLiteral("ticket"),
             QJsonObject{
                 {QStringLiteral("id"),
                  uuidToString(QUuid::createUuidV5(form.postId, QStringLiteral("ticket")))},
                 {QStringLiteral("department_id"), uuidToString(form.departmentId)},
                 {QStringLiteral("subject"), form.subject.trimmed()},
                 {QStringLiteral("channel"), QStringLiteral("web-form")},
                 {QStringLiteral("requester"), QJsonObject{{QStringLiteral("email"), email}}}}}},
        result);
    if (!created.good())
        return created.status();
    if (*created)
        return Status(Status::Invalid, (*created)->message);
    Ticket &ticket = d->work.back().ticket;
    if (Status s = d->storeCustomerMessage(
            ticket, QUuid::createUuidV5(form.postId, QStringLiteral("message")), form.message,
            form.attachments);
        !s.good())
        return s;
    posted.ticketId = ticket.id;
    posted.number = ticket.number.value_or(0);
    if (Status s = d->writeTickets(); !s.good())
        return s;

    // The confirmation: the department's auto-reply when it has one, else ours; either with
    // the status link.
    auto settings = d->departmentSettings(form.departmentId);
    if (!settings.good())
        return settings.status();
    const QJsonObject departmentSettings = parseObject(*settings);
    const QString letter = departmentSettings.value(QLatin1String("auto_reply")).toString();
    const Ticket &written = d->batch.tickets[posted.ticketId];
    QString body;
    if (!letter.trimmed().isEmpty()) {
        TemplateContext context;
        context.customerName = customer.agent.name;
        context.customerFirstName = firstNameOf(customer.agent.name);
        context.customerEmail = email;
        context.ticketNumber = written.number;
        context.ticketSubject = written.subject;
        context.ticketStatus = written.status;
        context.departmentName = departmentSettings.value(QLatin1String("name")).toString();
        context.statusLink = kStatusLinkPlaceholder.toString();
        context.slaFirstResponse = written.firstResponseDeadline;
        body = render(Template::parse(letter), context, TemplateFormat::PlainText);
    } else {
        body = CustomerTexts::text(CustomerTexts::Text::MailConfirmation, language)
                   .arg(firstNameOf(customer.agent.name), written.subject,
                        QStringLiteral("[#%1]").arg(posted.number));
    }
    Private::TicketMail confirmation;
    confirmation.id = QUuid::createUuidV5(form.postId, QStringLiteral("confirmation"));
    confirmation.body = withStatusLinkParagraph(body, language);
    confirmation.autoReply = true;
    confirmation.to = email;
    confirmation.toName = customer.agent.name;
    if (auto token = d->statusLinkToken(written); !token.good())
        return token.status();
    // The history event "auto-reply queued for ..." is the server's, not the customer's.
    AgentSession server;
    server.agent.role = Role::Admin;
    d->session = &server;
    auto queued = d->queueTicketMail(written, confirmation);
    if (!queued.good())
        return queued.status();
    posted.mailed = *queued;

    if (Status s = d->commitPost(tx, form.postId, posted); !s.good())
        return s;
    if (d->queuedMail && d->mailQueued)
        d->mailQueued();
    return posted;
}

} // namespace Pult
