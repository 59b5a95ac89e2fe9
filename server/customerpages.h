#pragma once

// The HTML pages pultd serves to customers (docs/customer-pages.md): the contact form, its
// thank-you page, a ticket's status page and the one "not found" page. Server-rendered, no
// script, one small stylesheet; every value escaped for where it goes. Free of the store and of
// networking: each function takes what the page shows and answers the whole response, headers
// (Content-Security-Policy, Referrer-Policy, ...) included.

#include "router.h"
#include "serverstore.h"

#include <QHash>
#include <QString>

namespace Pult::CustomerPages {

// Who a page speaks for and in what language.
struct Look
{
    QString language;       // one of CustomerTexts::languages()
    QString departmentName; // empty on the not-found page
    QString color;          // "#rrggbb", the department's; empty: Pult's
    // Origins that may show the page in a frame (the contact form on a company's site);
    // empty: none.
    QStringList frameOrigins;
    // The most bytes a post's files may have together; 0: the forms have no file input.
    qint64 filesLimit = 0;
};
// The most files one post carries.
inline constexpr int kMaxFiles = 5;

// The contact form's fields as typed, kept when the form comes back with errors.
struct FormInput
{
    QString name;
    QString email;
    QString subject;
    QString message;
};
inline constexpr qsizetype kMaxNameChars = 200;
inline constexpr qsizetype kMaxEmailChars = 254;
inline constexpr qsizetype kMaxSubjectChars = 200;
inline constexpr qsizetype kMaxMessageChars = 20000;

// Field name ("name", "email", "subject", "message", "files") → what is wrong with it.
using FieldErrors = QHash<QString, QString>;

// The form; `problem` is shown above it (an expired form, a rate limit), field errors next to
// their fields. `status` is the HTTP status (200, or 400/429 when it comes back refused).
ApiResponse form(const Look &look, const FormInput &input, const FieldErrors &errors,
                 const QString &problem, const QString &signedToken, int status = 200);
// After a form was stored: the ticket's number, and the address a confirmation went to (empty
// when the department has no mailbox to send one from).
ApiResponse thanks(const Look &look, qint64 number, const QString &mailedTo);
// What a status page says about the customer's last post, and what it keeps of it.
struct StatusFeedback
{
    QString notice;      // an answer or a rating was stored
    QString answerError; // why an answer was refused (next to the answer box)
    QString draft;       // the refused answer's text
    QString ratingError; // why a rating was refused (in the rating form)
    QString filesError;  // why the answer's files were refused, or that they must be chosen again
};
inline constexpr qsizetype kMaxCommentChars = 2000;
// A ticket's status page: `token` is the page's own (for its links); `answerToken` and
// `ratingToken` are the signed tokens of its answer form and (while its survey is open) its
// rating form.
ApiResponse status(const Look &look, const ServerStore::StatusPage &page, const QString &token,
                   const QString &answerToken, const QString &ratingToken,
                   const StatusFeedback &feedback = {}, int httpStatus = 200);
// The same answer for every unknown form, token or file.
ApiResponse notFound(const QString &language);
// 503 with Retry-After when the store failed (a form that failed comes back instead, with what
// was typed and CustomerTexts::Text::Unavailable above it).
ApiResponse unavailable(const QString &language);
// A post refused before it was read (its files over the limit, a full disk): "Please try again"
// and why, with the HTTP status.
ApiResponse refused(const QString &language, int status, const QString &why);
// GET /static/pult.css.
ApiResponse stylesheet();
inline constexpr const char *kStylesheetPath = "/static/pult.css";

// What is wrong with the form's input in the language (empty when nothing is).
FieldErrors check(const FormInput &input, const QString &language);

// Text for HTML: &, <, >, " escaped (attributes are always double-quoted).
QString escaped(const QString &text);

} // namespace Pult::CustomerPages
