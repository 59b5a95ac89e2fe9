#pragma once

// What customers read from pultd (the customer pages and the mails about them), in the languages
// of Pult's users: English, Slovenian, Lithuanian, Croatian and Polish. The server answers many
// customers at once, each in their own language, so these are a table looked up per request, not
// a process-wide QTranslator. docs/customer-pages.md lists how the language is chosen.

#include <QString>
#include <QStringList>

#include <string_view>

namespace Pult::CustomerTexts {

enum class Text {
    FormTitle,        // "Write to %1" (the department)
    FormIntro,        //
    FieldName,        //
    FieldEmail,       //
    FieldSubject,     //
    FieldMessage,     //
    FieldWebsite,     // the honeypot's label (hidden from people)
    Send,             //
    Required,         // a field left empty
    BadEmail,         //
    TooLong,          // "%1": the limit in characters
    FormExpired,      // the form's signed token is missing, forged or too old
    TooFast,          // sent sooner after it was shown than a person can write
    Unreadable,       // not a form's encoding, or not UTF-8
    RateLimited,      //
    ErrorSummary,     // above the form, when a field has an error
    ThanksTitle,      //
    ThanksNumber,     // "%1": the ticket's number
    ThanksMail,       // "%1": the address the confirmation went to
    StatusTitle,      // "Request %1" (its number)
    StatusLabel,      //
    NextResponse,     // "%1": the time
    Conversation,     //
    You,              // the customer's own messages
    Attachments,      //
    YourAnswer,       // the reply box's label
    SendAnswer,       //
    AnswerAdded,      //
    AnswerEmpty,      //
    RequestClosed,    // instead of the reply box
    NotFoundTitle,    //
    NotFoundText,     //
    MailConfirmation, // "%1": name, "%2": subject, "%3": number
    MailStatusLink,   // the line that ends every auto-reply: "%1" the link
    StatusNew,        // the ticket's status as a customer understands it
    StatusOpen,       //
    StatusPending,    //
    StatusOnHold,     //
    StatusSolved,     //
    StatusClosed,     //
    SurveySubject,    // "%1": the number, "%2": the subject
    MailSurvey,       // "%1": name, "%2": subject, "%3": number; the rating links follow
    Rating1,          // the ratings' names, worst to best
    Rating2,          //
    Rating3,          //
    Rating4,          //
    Rating5,          //
    RatingQuestion,   // the rating form's legend
    RatingComment,    // its comment box's label
    SendRating,       //
    RatingThanks,     // after a one-click rating: "%1" the rating
    RatingSaved,      // after the rating form was sent
    RatingMissing,    // the form was sent without a rating
    SurveyNotOpen,    // a rating of a ticket that was reopened
    UnavailableTitle, // the store failed: the page of a GET
    Unavailable,      // and the message above a form that is shown again
    FieldFiles,       // the file input's label
    FilesHint,        // under it: "%1" files at most, together "%2" (a size)
    TooManyFiles,     // "%1" the most files a post takes
    FilesTooLarge,    // "%1" the most the files may have together (a size)
    FilesAgain,       // a form with files came back refused
    Count
};

// The languages there are texts for, English first.
const QStringList &languages();

// The text in the language (one of languages(); anything else is English).
QString text(Text t, const QString &language);

// The first of the given languages (in order of preference) there are texts for; empty when none.
// Tags are matched by their primary subtag, case-insensitively: "sl-SI" is "sl".
QString supported(const QStringList &preferences);

// The languages of an Accept-Language header in order of preference (q-values; q=0 dropped).
QStringList acceptLanguages(std::string_view header);

} // namespace Pult::CustomerTexts
