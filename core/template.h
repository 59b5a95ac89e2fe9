#pragma once

// Templates with placeholders: canned responses, auto-replies, department headers and footers,
// agent signatures. See docs/templates.md for what users can write.
//
// A template is parsed once (at save time, to report mistakes with their position) and rendered
// many times. Parsing never fails as a whole: every mistake becomes a TemplateError and the text
// it covers stays in the template as literal text, so nothing the author wrote is lost. Rendering
// never fails either: missing data renders as the placeholder's fallback, or as nothing.

#include "domain.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Pult {

enum class TemplateFormat { PlainText, Html };

// Everything a template can show. Empty strings and invalid times count as missing data.
struct TemplateContext
{
    QString customerFirstName;
    QString customerName;
    QString customerEmail;
    std::optional<qint64> ticketNumber; // none until the server gave one
    QString ticketSubject;
    TicketStatus ticketStatus = TicketStatus::New;
    QString statusLabel; // localised name of ticketStatus; empty: toString(ticketStatus)
    Priority ticketPriority = Priority::Normal;
    QString priorityLabel; // localised name of ticketPriority; empty: toString(ticketPriority)
    QDateTime ticketDue;
    QString statusLink; // URL where the customer sees the ticket's status
    QString agentName;
    QString agentFirstName;
    QString departmentName;
    QString departmentHours;         // human-readable opening hours, e.g. "Mon-Fri 8:00-16:00"
    QDateTime slaFirstResponse;      // the SLA's first-response deadline; invalid: none
    QHash<QString, QString> kbLinks; // article slug -> URL, for {{kb.<slug>}}
};

// Data a ticket, contact, agent and department do not hold themselves.
struct TemplateExtras
{
    QString statusLabel;
    QString priorityLabel;
    QString statusLink;
    QString departmentHours;
    QHash<QString, QString> kbLinks;
};

// What {{ticket.status_link}} renders to where the link is not known (the client's replies,
// pultd's auto-replies): pultd puts the ticket's status link in its place when it sends the
// mail (docs/customer-pages.md), so the link's token is stored nowhere.
inline constexpr QStringView kStatusLinkPlaceholder = u"{{ticket.status_link}}";

// The first word of a name ("Łukasz" for "Łukasz Nowak"); empty for an empty name.
QString firstNameOf(QStringView name);

TemplateContext makeTemplateContext(const Ticket &ticket, const Contact &requester,
                                    const Agent &agent, const Department &department,
                                    const TemplateExtras &extras = {});

enum class TemplateField {
    CustomerFirstName,
    CustomerName,
    CustomerEmail,
    TicketNumber,
    TicketSubject,
    TicketStatus,
    TicketPriority,
    TicketDue,
    TicketStatusLink,
    AgentName,
    AgentFirstName,
    DepartmentName,
    DepartmentHours,
    SlaFirstResponse,
    KbLink,
};

struct TemplateError
{
    int position = 0; // 0-based offset in UTF-16 code units into the template text
    QString message;
    friend bool operator==(const TemplateError &, const TemplateError &) = default;
};

struct TemplateSegment
{
    enum Kind { Text, Placeholder };
    Kind kind = Text;
    QString text; // Text: the literal text; Placeholder with KbLink: the article slug
    TemplateField field = TemplateField::CustomerName;
    std::optional<QString> fallback; // unescaped
    friend bool operator==(const TemplateSegment &, const TemplateSegment &) = default;
};

class Template
{
public:
    Template() = default;

    static Template parse(QStringView text);
    // Text shown as it is, braces and all (an agent's own words in composeReply).
    static Template literal(QStringView text);

    bool good() const { return m_errors.isEmpty(); }
    const QString &source() const { return m_source; }
    const QList<TemplateError> &errors() const { return m_errors; }
    const QList<TemplateSegment> &segments() const { return m_segments; }

    // "line 1, column 14: unknown placeholder ..." for each error, one per line.
    QString errorString() const;

private:
    QString m_source;
    QList<TemplateSegment> m_segments;
    QList<TemplateError> m_errors;
};

// The placeholder names a template can use, without the kb.<slug> family.
QStringList knownPlaceholders();

QString render(const Template &tpl, const TemplateContext &context, TemplateFormat format);

// Department header, body, agent footer and signature, each rendered with the same context;
// parts that render empty are skipped. Plain text joins the parts with a blank line, HTML
// makes each part a paragraph.
QString composeReply(const Template &header, const Template &body, const Template &footer,
                     const Template &signature, const TemplateContext &context,
                     TemplateFormat format);

} // namespace Pult
