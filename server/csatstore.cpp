// Satisfaction surveys (docs/customer-pages.md, "Satisfaction"): when a ticket is solved, its
// requester is sent a mail with one-click ratings after the department's delay; reopening the
// ticket before it went cancels it. The survey mail waits in mail_outbox with its
// next_attempt_ms at the time it is due, so the outbox's own exact wake-up sends it, on whichever
// pultd of a PostgreSQL database claims it first. csat_surveys keeps each ticket's current one.
// The ratings themselves come in through the status page (ServerStore::rateTicket).

#include "serverstoreprivate.h"

#include "customertexts.h"
#include "template.h"

namespace Pult {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDefaultSurveyDelayMinutes = 60;

// The rating links of a survey mail, best first: "5 – Excellent:\n{{ticket.status_link}}/rate/5".
QString ratingLinks(const QString &language)
{
    using CustomerTexts::Text;
    QString links;
    for (int score = 5; score >= 1; --score) {
        const auto name = Text(int(Text::Rating1) + score - 1);
        links += QStringLiteral("\n\n%1 \u2013 %2:\n%3/rate/%1")
                     .arg(score)
                     .arg(CustomerTexts::text(name, language), kStatusLinkPlaceholder.toString());
    }
    return links;
}

// Minutes from the solve to the survey; nullopt when the department sends none.
std::optional<qint64> surveyDelayMinutes(const QJsonObject &departmentSettings)
{
    if (departmentSettings.value(QLatin1String("csat")).toString() == u"off")
        return std::nullopt;
    const QString delay = departmentSettings.value(QLatin1String("csat_delay")).toString();
    return delay.isEmpty() ? kDefaultSurveyDelayMinutes : delay.toLongLong();
}

} // namespace

Status ServerStore::Private::surveyOnStatusChange(const Ticket &before, const Ticket &ticket)
{
    const bool wasDone =
        before.status == TicketStatus::Solved || before.status == TicketStatus::Closed;
    if (ticket.status == TicketStatus::Solved && before.status != TicketStatus::Solved &&
        ticket.mergedInto.isNull() && !ticket.spam && !ticket.requesterId.isNull()) {
        auto stored = departmentSettings(ticket.departmentId);
        if (!stored.good())
            return stored.status();
        const QJsonObject settings = parseObject(*stored);
        const auto delay = surveyDelayMinutes(settings);
        if (!delay)
            return {};
        auto contact = text("SELECT data FROM contacts WHERE id = ?1",
                            [&](Statement &st) { st.bind(1, uuidToBlob(ticket.requesterId)); });
        if (!contact.good())
            return contact.status();
        const QJsonObject requester = parseObject(contact->value_or(QString()));
        const QString language =
            CustomerTexts::supported({requester.value(QLatin1String("language")).toString(),
                                      settings.value(QLatin1String("language")).toString()});
        const QString number = QStringLiteral("[#%1]").arg(ticket.number.value_or(0));
        TicketMail survey;
        survey.id = ids.next();
        survey.survey = true;
        survey.notBeforeMs = now + *delay * kMinuteMs;
        survey.subject = CustomerTexts::text(CustomerTexts::Text::SurveySubject, language)
                             .arg(number, ticket.subject);
        survey.body = CustomerTexts::text(CustomerTexts::Text::MailSurvey, language)
                          .arg(firstNameOf(requester.value(QLatin1String("name")).toString()),
                               ticket.subject, number) +
                      ratingLinks(language);
        auto queued = queueTicketMail(ticket, survey);
        if (!queued.good())
            return queued.status();
        if (!*queued) // no mailbox to send it from, or no address to send it to
            return {};
        return db->run("INSERT INTO csat_surveys(ticket_id, round, message_id, state) VALUES (?1, "
                       "1, ?2, 'queued') ON CONFLICT(ticket_id) DO UPDATE SET round = "
                       "csat_surveys.round + 1, message_id = excluded.message_id, state = "
                       "'queued'",
                       [&](Statement &st) {
                           st.bind(1, uuidToBlob(ticket.id)).bind(2, uuidToBlob(survey.id));
                       });
    }
    if (!wasDone || !isActive(ticket.status))
        return {};
    // Reopened: the survey closes, and one not sent yet is not sent at all.
    auto stmt = db->prepare(
        "SELECT message_id FROM csat_surveys WHERE ticket_id = ?1 AND state <> 'cancelled'");
    if (!stmt.good())
        return stmt.status();
    (*stmt)->bind(1, uuidToBlob(ticket.id));
    std::optional<QByteArray> messageId;
    if ((*stmt)->next())
        messageId = (*stmt)->blob(0);
    Status s = (*stmt)->status();
    (*stmt)->reset();
    if (!s.good() || !messageId)
        return s;
    s = db->run("DELETE FROM mail_outbox WHERE message_id = ?1 AND state = 'queued'",
                [&](Statement &st) { st.bind(1, *messageId); });
    if (!s.good())
        return s;
    if (db->changes() == 1) {
        s = db->run("DELETE FROM mail_messages WHERE message_id = ?1",
                    [&](Statement &st) { st.bind(1, *messageId); });
        if (!s.good())
            return s;
        history(ticket, QStringLiteral("delivery"), QJsonValue(),
                QStringLiteral("satisfaction survey cancelled: the ticket was reopened"));
    }
    return db->run("UPDATE csat_surveys SET state = 'cancelled' WHERE ticket_id = ?1",
                   [&](Statement &st) { st.bind(1, uuidToBlob(ticket.id)); });
}

} // namespace Pult
