#include "customerpages.h"

#include "customertexts.h"
#include "digests.h"
#include "mail/outgoingmail.h"
#include "template.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Pult::CustomerPages {

namespace {

using CustomerTexts::Text;

constexpr const char *kDefaultColor = "#1f5f8b";

// The stylesheet every page links. System fonts, one column that fits a phone, visible focus,
// contrast of at least 4.5:1 for text (WCAG AA).
constexpr const char *kStylesheet = R"css(*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:100%;
line-height:1.5;color:#1b1b1b;background:#f4f5f7}
body{margin:0}
header{background:var(--brand);color:var(--on-brand);padding:1rem}
header p{margin:0 auto;max-width:42rem;font-weight:600}
main{margin:0 auto;max-width:42rem;padding:1rem;background:#fff;min-height:60vh}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input,textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #6b6b6b;border-radius:4px;
background:#fff;color:#1b1b1b}
textarea{min-height:10rem;resize:vertical}
input:focus,textarea:focus,button:focus,a:focus{outline:3px solid #ffbf47;outline-offset:1px}
[aria-invalid=true]{border:2px solid #b3261e}
.error{color:#b3261e;font-weight:600;margin:.25rem 0}
.problem{border-left:4px solid #b3261e;padding:.5rem 1rem;background:#fdecea}
.notice{border-left:4px solid #1e7b34;padding:.5rem 1rem;background:#e9f5ec}
button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:4px;
background:var(--brand);color:var(--on-brand);cursor:pointer}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0}
ol.conversation{list-style:none;padding:0;margin:0}
ol.conversation>li{border:1px solid #d0d4d9;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
ol.conversation>li.customer{background:#f7f9fb}
.meta{color:#4a4a4a;font-size:.875rem;margin:0 0 .5rem}
.body{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.files{margin:.5rem 0 0;padding-left:1.25rem}
a{color:#0b57a4}
fieldset{border:0;padding:0;margin:1rem 0 0;min-width:0}
legend{font-weight:600;font-size:1.15rem;padding:0}
.ratings{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
.ratings label{display:flex;align-items:center;gap:.4rem;margin:0;font-weight:400;
border:1px solid #6b6b6b;border-radius:4px;padding:.4rem .75rem}
.ratings input{width:auto;margin:0}
textarea.comment{min-height:5rem}
.hint{color:#4a4a4a;font-size:.875rem;margin:0 0 .25rem}
input[type=file]{border-style:dashed}
)css";

QString t(Text text, const Look &look)
{
    return CustomerTexts::text(text, look.language);
}

// Whether a colour is "#rrggbb".
bool isColor(const QString &c)
{
    if (c.size() != 7 || c[0] != u'#')
        return false;
    return std::all_of(c.cbegin() + 1, c.cend(), [](QChar ch) {
        return (ch >= u'0' && ch <= u'9') || (ch >= u'a' && ch <= u'f') ||
               (ch >= u'A' && ch <= u'F');
    });
}

// Black or white, whichever reads better on the colour (WCAG relative luminance).
QString textOn(const QString &color)
{
    const auto channel = [&](int i) {
        const double v = color.mid(1 + 2 * i, 2).toInt(nullptr, 16) / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const double luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    // Contrast with white (1.05 / (L + .05)) against contrast with black ((L + .05) / .05).
    return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? QStringLiteral("#ffffff")
                                                                  : QStringLiteral("#000000");
}

// The whole page: the department's colours in one inline <style> allowed by its hash (no
// 'unsafe-inline'), everything else from the stylesheet.
ApiResponse page(const Look &look, const QString &title, const QString &content, int status,
                 bool tokenPage)
{
    const QString color = isColor(look.color) ? look.color : QString::fromLatin1(kDefaultColor);
    const QByteArray brandStyle =
        QStringLiteral(":root{--brand:%1;--on-brand:%2}").arg(color, textOn(color)).toUtf8();
    QString html = QStringLiteral("<!doctype html>\n<html lang=\"%1\">\n<head>\n<meta "
                                  "charset=\"utf-8\">\n<meta name=\"viewport\" "
                                  "content=\"width=device-width, initial-scale=1\">\n")
                       .arg(escaped(look.language));
    html += QStringLiteral("<meta name=\"referrer\" content=\"no-referrer\">\n<title>%1</title>\n")
                .arg(escaped(look.departmentName.isEmpty()
                                 ? title
                                 : title + QStringLiteral(" \u2013 ") + look.departmentName));
    html += QStringLiteral("<link rel=\"stylesheet\" href=\"%1\">\n<style>")
                .arg(QString::fromLatin1(kStylesheetPath)) +
            QString::fromUtf8(brandStyle) + QStringLiteral("</style>\n</head>\n<body>\n");
    if (!look.departmentName.isEmpty())
        html += QStringLiteral("<header><p>%1</p></header>\n").arg(escaped(look.departmentName));
    html += QStringLiteral("<main id=\"main\">\n") + content +
            QStringLiteral("</main>\n</body>\n</html>\n");

    ApiResponse response;
    response.status = status;
    response.contentType = "text/html; charset=utf-8";
    response.body = html.toStdString();
    QString frames = QStringLiteral("'none'");
    if (!look.frameOrigins.isEmpty() && !tokenPage)
        frames = QStringLiteral("'self' ") + look.frameOrigins.join(u' ');
    const QByteArray csp = "default-src 'none'; style-src 'self' 'sha256-" +
                           sha256(brandStyle).toBase64() +
                           "'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                           "frame-ancestors " +
                           frames.toUtf8();
    response.headers = {{"Content-Security-Policy", csp.toStdString()},
                        {"Referrer-Policy", "no-referrer"},
                        {"Content-Language", look.language.toStdString()},
                        {"Vary", "Accept-Language"}};
    if (look.frameOrigins.isEmpty() || tokenPage)
        response.headers.emplace_back("X-Frame-Options", "DENY");
    return response;
}

QString field(const QString &name, const QString &label, const QString &control,
              const FieldErrors &errors)
{
    QString html = QStringLiteral("<label for=\"%1\">%2</label>\n").arg(name, escaped(label));
    if (errors.contains(name))
        html += QStringLiteral("<p class=\"error\" id=\"%1-error\">%2</p>\n")
                    .arg(name, escaped(errors.value(name)));
    return html + control + u'\n';
}

QString invalidAttributes(const QString &name, const FieldErrors &errors)
{
    return errors.contains(name)
               ? QStringLiteral(" aria-invalid=\"true\" aria-describedby=\"%1-error\"").arg(name)
               : QString();
}

QString input(const QString &name, const QString &type, const QString &value, qsizetype maxLength,
              const QString &autocomplete, const FieldErrors &errors)
{
    return QStringLiteral("<input id=\"%1\" name=\"%1\" type=\"%2\" value=\"%3\" maxlength=\"%4\" "
                          "autocomplete=\"%5\" required%6>")
        .arg(name, type, escaped(value))
        .arg(maxLength)
        .arg(autocomplete, invalidAttributes(name, errors));
}

QString textArea(const QString &name, const QString &value, qsizetype maxLength,
                 const FieldErrors &errors)
{
    return QStringLiteral("<textarea id=\"%1\" name=\"%1\" rows=\"8\" maxlength=\"%2\" "
                          "required%3>%4</textarea>")
        .arg(name)
        .arg(maxLength)
        .arg(invalidAttributes(name, errors), escaped(value));
}

// The file input of a form whose look takes files: at most kMaxFiles, together filesLimit.
QString filesField(const Look &look, const FieldErrors &errors)
{
    const QString name = QStringLiteral("files");
    const QString hint =
        t(Text::FilesHint, look)
            .arg(kMaxFiles)
            .arg(QLocale(look.language)
                     .formattedDataSize(look.filesLimit, 0, QLocale::DataSizeTraditionalFormat));
    QString html =
        QStringLiteral("<label for=\"files\">%1</label>\n").arg(escaped(t(Text::FieldFiles, look)));
    if (errors.contains(name))
        html += QStringLiteral("<p class=\"error\" id=\"files-error\">%1</p>\n")
                    .arg(escaped(errors.value(name)));
    html +=
        QStringLiteral(
            "<p class=\"hint\" id=\"files-hint\">%1</p>\n<input id=\"files\" "
            "name=\"files\" type=\"file\" multiple aria-describedby=\"files-hint%2\"%3>\n")
            .arg(escaped(hint), errors.contains(name) ? QStringLiteral(" files-error") : QString(),
                 errors.contains(name) ? QStringLiteral(" aria-invalid=\"true\"") : QString());
    return html;
}

// The opening tag of a form that posts to its own page, with files when the look takes them.
QString formTag(const Look &look)
{
    return look.filesLimit > 0
               ? QStringLiteral("<form method=\"post\" accept-charset=\"utf-8\" "
                                "enctype=\"multipart/form-data\">\n")
               : QStringLiteral("<form method=\"post\" accept-charset=\"utf-8\">\n");
}

// The rating form of a solved ticket: five choices, the current rating checked, and a comment.
QString ratingForm(const Look &look, const Ticket &ticket, const QString &token,
                   const QString &signedToken, const QString &error)
{
    QString html =
        QStringLiteral("<form method=\"post\" action=\"/t/%1/rate\" "
                       "accept-charset=\"utf-8\">\n<input type=\"hidden\" "
                       "name=\"token\" value=\"%2\">\n<fieldset%3>\n<legend><h2>%4</h2>"
                       "</legend>\n")
            .arg(escaped(token), escaped(signedToken),
                 error.isEmpty() ? QString() : QStringLiteral(" aria-describedby=\"score-error\""),
                 escaped(t(Text::RatingQuestion, look)));
    if (!error.isEmpty())
        html +=
            QStringLiteral("<p class=\"error\" id=\"score-error\">%1</p>\n").arg(escaped(error));
    html += QStringLiteral("<div class=\"ratings\">\n");
    for (int score = 5; score >= 1; --score)
        html += QStringLiteral("<label><input type=\"radio\" name=\"score\" value=\"%1\"%2> %1 "
                               "\u2013 %3</label>\n")
                    .arg(score)
                    .arg(ticket.csat == score ? QStringLiteral(" checked") : QString(),
                         escaped(t(Text(int(Text::Rating1) + score - 1), look)));
    html += QStringLiteral("</div>\n</fieldset>\n");
    html += QStringLiteral("<label for=\"comment\">%1</label>\n<textarea id=\"comment\" "
                           "name=\"comment\" class=\"comment\" rows=\"3\" "
                           "maxlength=\"%2\">%3</textarea>\n")
                .arg(escaped(t(Text::RatingComment, look)))
                .arg(kMaxCommentChars)
                .arg(escaped(ticket.csatComment));
    return html + QStringLiteral("<button type=\"submit\">%1</button>\n</form>\n")
                      .arg(escaped(t(Text::SendRating, look)));
}

QString statusName(TicketStatus s, const Look &look)
{
    switch (s) {
    case TicketStatus::New:
        return t(Text::StatusNew, look);
    case TicketStatus::Open:
        return t(Text::StatusOpen, look);
    case TicketStatus::Pending:
        return t(Text::StatusPending, look);
    case TicketStatus::OnHold:
        return t(Text::StatusOnHold, look);
    case TicketStatus::Solved:
        return t(Text::StatusSolved, look);
    case TicketStatus::Closed:
        break;
    }
    return t(Text::StatusClosed, look);
}

QString when(const QDateTime &time, const QString &timeZone, const Look &look)
{
    const QTimeZone zone = timeZone.isEmpty() ? QTimeZone() : QTimeZone(timeZone.toUtf8());
    const QDateTime local = zone.isValid() ? time.toTimeZone(zone) : time.toUTC();
    const QLocale locale(look.language);
    // The long date without its weekday, which would need another case after "by" in some of
    // these languages ("do środy", not "do środa").
    static const QRegularExpression weekday(QStringLiteral("[,\\s]*dddd[,\\s]*"));
    const QString date =
        locale.dateFormat(QLocale::LongFormat).replace(weekday, QStringLiteral(" "));
    return locale.toString(local.date(), date.trimmed()) + QStringLiteral(", ") +
           locale.toString(local.time(), QLocale::ShortFormat) + QStringLiteral(" (") +
           (zone.isValid() ? timeZone : QStringLiteral("UTC")) + u')';
}

QString size(qint64 bytes, const Look &look)
{
    return QLocale(look.language).formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

FieldErrors check(const FormInput &in, const QString &language)
{
    FieldErrors errors;
    const auto need = [&](const QString &name, const QString &value, qsizetype limit) {
        if (value.trimmed().isEmpty())
            errors.insert(name, CustomerTexts::text(Text::Required, language));
        else if (value.size() > limit)
            errors.insert(name, CustomerTexts::text(Text::TooLong, language).arg(limit));
    };
    need(QStringLiteral("name"), in.name, kMaxNameChars);
    need(QStringLiteral("email"), in.email, kMaxEmailChars);
    need(QStringLiteral("subject"), in.subject, kMaxSubjectChars);
    need(QStringLiteral("message"), in.message, kMaxMessageChars);
    if (!errors.contains(QStringLiteral("email")) &&
        !Mail::isValidMailAddress(in.email.trimmed().toStdString()))
        errors.insert(QStringLiteral("email"), CustomerTexts::text(Text::BadEmail, language));
    return errors;
}

ApiResponse form(const Look &look, const FormInput &in, const FieldErrors &errors,
                 const QString &problem, const QString &signedToken, int status)
{
    const QString title = t(Text::FormTitle, look).arg(look.departmentName);
    QString html = QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
                       .arg(escaped(title), escaped(t(Text::FormIntro, look)));
    if (!problem.isEmpty())
        html +=
            QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>\n").arg(escaped(problem));
    else if (!errors.isEmpty())
        html += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>\n")
                    .arg(escaped(t(Text::ErrorSummary, look)));
    html += formTag(look);
    html += QStringLiteral("<input type=\"hidden\" name=\"token\" value=\"%1\">\n")
                .arg(escaped(signedToken));
    html += field(QStringLiteral("name"), t(Text::FieldName, look),
                  input(QStringLiteral("name"), QStringLiteral("text"), in.name, kMaxNameChars,
                        QStringLiteral("name"), errors),
                  errors);
    html += field(QStringLiteral("email"), t(Text::FieldEmail, look),
                  input(QStringLiteral("email"), QStringLiteral("email"), in.email, kMaxEmailChars,
                        QStringLiteral("email"), errors),
                  errors);
    html += field(QStringLiteral("subject"), t(Text::FieldSubject, look),
                  input(QStringLiteral("subject"), QStringLiteral("text"), in.subject,
                        kMaxSubjectChars, QStringLiteral("off"), errors),
                  errors);
    html +=
        field(QStringLiteral("message"), t(Text::FieldMessage, look),
              textArea(QStringLiteral("message"), in.message, kMaxMessageChars, errors), errors);
    if (look.filesLimit > 0)
        html += filesField(look, errors);
    // The trap: people never see it (nor do screen readers); form-filling robots fill it in.
    html += QStringLiteral("<div class=\"trap\" aria-hidden=\"true\"><label for=\"website\">%1"
                           "</label><input id=\"website\" name=\"website\" type=\"text\" "
                           "tabindex=\"-1\" autocomplete=\"off\"></div>\n")
                .arg(escaped(t(Text::FieldWebsite, look)));
    html += QStringLiteral("<button type=\"submit\">%1</button>\n</form>\n")
                .arg(escaped(t(Text::Send, look)));
    return page(look, title, html, status, false);
}

ApiResponse thanks(const Look &look, qint64 number, const QString &mailedTo)
{
    QString html =
        QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
            .arg(escaped(t(Text::ThanksTitle, look)),
                 escaped(t(Text::ThanksNumber, look).arg(QStringLiteral("[#%1]").arg(number))));
    if (!mailedTo.isEmpty())
        html += QStringLiteral("<p>%1</p>\n").arg(escaped(t(Text::ThanksMail, look).arg(mailedTo)));
    return page(look, t(Text::ThanksTitle, look), html, 200, false);
}

ApiResponse status(const Look &look, const ServerStore::StatusPage &p, const QString &token,
                   const QString &answerToken, const QString &ratingToken,
                   const StatusFeedback &feedback, int httpStatus)
{
    const QString &notice = feedback.notice;
    const Ticket &ticket = p.ticket;
    const QString number = QStringLiteral("[#%1]").arg(ticket.number.value_or(0));
    const QString title = t(Text::StatusTitle, look).arg(number);
    const QString timeZone = p.requesterTimeZone;
    QString html = QStringLiteral("<h1>%1</h1>\n<p><strong>%2</strong></p>\n")
                       .arg(escaped(title), escaped(ticket.subject));
    if (!notice.isEmpty())
        html += QStringLiteral("<p class=\"notice\" role=\"status\">%1</p>\n").arg(escaped(notice));
    html += QStringLiteral("<dl>\n<dt>%1</dt><dd>%2</dd>\n</dl>\n")
                .arg(escaped(t(Text::StatusLabel, look)), escaped(statusName(ticket.status, look)));
    // The next answer is due while the customer's message waits for a first one.
    const bool waiting = isActive(ticket.status) && ticket.status != TicketStatus::Pending &&
                         !ticket.firstResponseAt.isValid() &&
                         ticket.firstResponseDeadline > QDateTime::currentDateTimeUtc();
    if (waiting)
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(escaped(t(Text::NextResponse, look)
                                     .arg(when(ticket.firstResponseDeadline, timeZone, look))));
    if (p.surveyOpen)
        html += ratingForm(look, p.ticket, token, ratingToken, feedback.ratingError);
    html += QStringLiteral("<h2>%1</h2>\n<ol class=\"conversation\">\n")
                .arg(escaped(t(Text::Conversation, look)));
    const QString link = QStringLiteral("/t/") + token;
    for (const Message &m : p.messages) {
        const bool customer = m.kind == MessageKind::CustomerMessage;
        const QString author =
            customer && m.authorId == ticket.requesterId ? t(Text::You, look) : m.authorName;
        // A reply that named the link shows this page's.
        QString body = m.bodyText;
        body.replace(kStatusLinkPlaceholder.toString(), link);
        html += QStringLiteral("<li class=\"%1\"><p class=\"meta\"><strong>%2</strong> \u00b7 "
                               "<time datetime=\"%3\">%4</time></p>\n<p class=\"body\">%5</p>\n")
                    .arg(customer ? QStringLiteral("customer") : QStringLiteral("agent"),
                         escaped(author), m.created.toUTC().toString(Qt::ISODate),
                         escaped(when(m.created, timeZone, look)), escaped(body.trimmed()));
        if (!m.attachments.isEmpty()) {
            html += QStringLiteral("<p class=\"meta\">%1</p><ul class=\"files\">\n")
                        .arg(escaped(t(Text::Attachments, look)));
            for (const Attachment &a : m.attachments)
                html += QStringLiteral("<li><a href=\"%1/files/%2\">%3</a> (%4)</li>\n")
                            .arg(link, QString::fromLatin1(a.contentHash), escaped(a.name),
                                 escaped(size(a.size, look)));
            html += QStringLiteral("</ul>\n");
        }
        html += QStringLiteral("</li>\n");
    }
    html += QStringLiteral("</ol>\n");
    if (ticket.status == TicketStatus::Closed) {
        html += QStringLiteral("<p>%1</p>\n").arg(escaped(t(Text::RequestClosed, look)));
    } else {
        FieldErrors errors;
        if (!feedback.answerError.isEmpty())
            errors.insert(QStringLiteral("answer"), feedback.answerError);
        if (!feedback.filesError.isEmpty())
            errors.insert(QStringLiteral("files"), feedback.filesError);
        html += formTag(look);
        html += QStringLiteral("<input type=\"hidden\" name=\"token\" value=\"%1\">\n")
                    .arg(escaped(answerToken));
        html += field(QStringLiteral("answer"), t(Text::YourAnswer, look),
                      textArea(QStringLiteral("answer"), feedback.draft, kMaxMessageChars, errors),
                      errors);
        if (look.filesLimit > 0)
            html += filesField(look, errors);
        html += QStringLiteral("<button type=\"submit\">%1</button>\n</form>\n")
                    .arg(escaped(t(Text::SendAnswer, look)));
    }
    return page(look, title, html, httpStatus, true);
}

ApiResponse notFound(const QString &language)
{
    Look look;
    look.language = language;
    const QString title = t(Text::NotFoundTitle, look);
    return page(look, title,
                QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
                    .arg(escaped(title), escaped(t(Text::NotFoundText, look))),
                404, true);
}

ApiResponse unavailable(const QString &language)
{
    ApiResponse response = refused(language, 503, CustomerTexts::text(Text::Unavailable, language));
    response.retryAfterSeconds = 1;
    return response;
}

ApiResponse refused(const QString &language, int status, const QString &why)
{
    Look look;
    look.language = language;
    const QString title = t(Text::UnavailableTitle, look);
    return page(look, title,
                QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n").arg(escaped(title), escaped(why)),
                status, true);
}

ApiResponse stylesheet()
{
    ApiResponse response;
    response.contentType = "text/css; charset=utf-8";
    response.body = kStylesheet;
    response.headers = {{"Cache-Control", "public, max-age=86400"}};
    return response;
}

} // namespace Pult::CustomerPages
