#include "template.h"

#include "diagnostics.h"

// Grammar (whitespace inside the braces is free):
//
//   placeholder := "{{" name [ "|" fallback ] "}}"
//   name        := one of knownPlaceholders() | "kb." [a-z0-9-]+
//   fallback    := '"' { any character but '"' and '\' | '\"' | '\\' } '"'
//
// Invariants of the parser:
// - every character of the source ends up in exactly one segment, so a template with errors
//   still renders everything its author wrote (a bad placeholder renders as its own text);
// - every error position is inside the source (0 <= position < source.size());
// - "{{" always starts a placeholder; a lone "{" or "}", and "}}" outside a placeholder, are text.

#include <QStringList>

#include <algorithm>
#include <array>

namespace Pult {

namespace {

struct Known
{
    QStringView name;
    TemplateField field;
};

constexpr std::array kKnown{
    Known{u"customer.first_name", TemplateField::CustomerFirstName},
    Known{u"customer.name", TemplateField::CustomerName},
    Known{u"customer.email", TemplateField::CustomerEmail},
    Known{u"ticket.number", TemplateField::TicketNumber},
    Known{u"ticket.subject", TemplateField::TicketSubject},
    Known{u"ticket.status", TemplateField::TicketStatus},
    Known{u"ticket.priority", TemplateField::TicketPriority},
    Known{u"ticket.due", TemplateField::TicketDue},
    Known{u"ticket.status_link", TemplateField::TicketStatusLink},
    Known{u"agent.name", TemplateField::AgentName},
    Known{u"agent.first_name", TemplateField::AgentFirstName},
    Known{u"department.name", TemplateField::DepartmentName},
    Known{u"department.hours", TemplateField::DepartmentHours},
    Known{u"sla.first_response", TemplateField::SlaFirstResponse},
};

constexpr QStringView kKbPrefix = u"kb.";

QString quoted(QStringView s)
{
    return u'"' + s.toString() + u'"';
}

bool isSlug(QStringView s)
{
    if (s.isEmpty())
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
    });
}

bool isNameChar(QChar c)
{
    return !c.isSpace() && c != u'|' && c != u'}' && c != u'{' && c != u'"';
}

QString unknownMessage(QStringView name)
{
    QString message = QStringLiteral("unknown placeholder ") + quoted(name);
    QStringView best;
    int bestDistance = 3; // suggest only near misses: at most two edits
    for (const Known &k : kKnown) {
        const int d = editDistance(name, k.name);
        if (d < bestDistance) {
            bestDistance = d;
            best = k.name;
        }
    }
    if (!best.isEmpty())
        message += QStringLiteral(" \u2014 did you mean ") + quoted(best) + u'?';
    return message;
}

class Parser
{
public:
    explicit Parser(QStringView text)
        : m_text(text)
    {}

    void run(QList<TemplateSegment> &segments, QList<TemplateError> &errors)
    {
        qsizetype i = 0;
        while (i < m_text.size()) {
            const qsizetype open = m_text.indexOf(u"{{", i);
            if (open < 0) {
                appendText(segments, m_text.mid(i));
                break;
            }
            appendText(segments, m_text.mid(i, open - i));
            i = placeholder(open, segments, errors);
        }
    }

private:
    static void appendText(QList<TemplateSegment> &segments, QStringView text)
    {
        if (text.isEmpty())
            return;
        if (!segments.isEmpty() && segments.last().kind == TemplateSegment::Text) {
            segments.last().text += text;
            return;
        }
        TemplateSegment s;
        s.text = text.toString();
        segments.append(s);
    }

    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_text.size() && m_text[i].isSpace())
            ++i;
        return i;
    }

    // A placeholder is broken at `at`: report it and keep its text, up to the next "}}", as
    // literal text. Without a "}}" the real mistake is the unclosed "{{".
    qsizetype recover(qsizetype open, qsizetype at, const QString &message,
                      QList<TemplateSegment> &segments, QList<TemplateError> &errors) const
    {
        const qsizetype close = m_text.indexOf(u"}}", at);
        if (close < 0) {
            errors.append({int(open), QStringLiteral("unclosed \"{{\": add \"}}\" after the "
                                                     "placeholder name")});
            appendText(segments, m_text.mid(open));
            return m_text.size();
        }
        errors.append({int(std::min(at, m_text.size() - 1)), message});
        appendText(segments, m_text.mid(open, close + 2 - open));
        return close + 2;
    }

    // Parses the placeholder starting at `open` ("{{"); returns where the text continues.
    qsizetype placeholder(qsizetype open, QList<TemplateSegment> &segments,
                          QList<TemplateError> &errors) const
    {
        const qsizetype n = m_text.size();
        const qsizetype nameStart = skipSpace(open + 2);
        qsizetype i = nameStart;
        while (i < n && isNameChar(m_text[i]))
            ++i;
        const QStringView name = m_text.mid(nameStart, i - nameStart);
        i = skipSpace(i);

        std::optional<QString> fallback;
        if (i < n && m_text[i] == u'|') {
            i = skipSpace(i + 1);
            if (i >= n || m_text[i] != u'"') {
                return recover(open, i,
                               QStringLiteral("expected a fallback in double quotes after \"|\", "
                                              "e.g. {{customer.first_name | \"there\"}}"),
                               segments, errors);
            }
            const qsizetype quote = i;
            QString value;
            bool closed = false;
            for (++i; i < n; ++i) {
                const QChar c = m_text[i];
                if (c == u'\\' && i + 1 < n && (m_text[i + 1] == u'"' || m_text[i + 1] == u'\\')) {
                    value += m_text[++i];
                } else if (c == u'"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed) {
                errors.append({int(quote), QStringLiteral("unterminated fallback: add a "
                                                          "closing '\"'")});
                appendText(segments, m_text.mid(open));
                return n;
            }
            fallback = value;
            i = skipSpace(i);
        }

        if (i >= n || !(m_text[i] == u'}' && i + 1 < n && m_text[i + 1] == u'}')) {
            if (i >= n)
                return recover(open, i, {}, segments, errors);
            return recover(open, i,
                           QStringLiteral("unexpected ") + quoted(m_text.mid(i, 1)) +
                               QStringLiteral(" in placeholder: expected \"}}\""),
                           segments, errors);
        }
        const qsizetype end = i + 2;

        if (name.isEmpty()) {
            errors.append({int(nameStart), QStringLiteral("empty placeholder: write a name such "
                                                          "as {{customer.first_name}}")});
            appendText(segments, m_text.mid(open, end - open));
            return end;
        }

        TemplateSegment s;
        s.kind = TemplateSegment::Placeholder;
        s.fallback = fallback;
        if (name.startsWith(kKbPrefix)) {
            const QStringView slug = name.mid(kKbPrefix.size());
            if (!isSlug(slug)) {
                errors.append({int(nameStart),
                               QStringLiteral("invalid knowledge-base article ") + quoted(name) +
                                   QStringLiteral(": write kb. and the article's slug (lower-case "
                                                  "letters, digits and \"-\")")});
                appendText(segments, m_text.mid(open, end - open));
                return end;
            }
            s.field = TemplateField::KbLink;
            s.text = slug.toString();
            segments.append(s);
            return end;
        }
        const auto known = std::find_if(kKnown.begin(), kKnown.end(),
                                        [name](const Known &k) { return k.name == name; });
        if (known == kKnown.end()) {
            errors.append({int(nameStart), unknownMessage(name)});
            appendText(segments, m_text.mid(open, end - open));
            return end;
        }
        s.field = known->field;
        segments.append(s);
        return end;
    }

    QStringView m_text;
};

QString valueOf(TemplateField field, const TemplateContext &c)
{
    switch (field) {
    case TemplateField::CustomerFirstName:
        return c.customerFirstName;
    case TemplateField::CustomerName:
        return c.customerName;
    case TemplateField::CustomerEmail:
        return c.customerEmail;
    case TemplateField::TicketNumber:
        return c.ticketNumber ? u'#' + QString::number(*c.ticketNumber) : QString();
    case TemplateField::TicketSubject:
        return c.ticketSubject;
    case TemplateField::TicketStatus:
        return c.statusLabel.isEmpty() ? toString(c.ticketStatus) : c.statusLabel;
    case TemplateField::TicketPriority:
        return c.priorityLabel.isEmpty() ? toString(c.ticketPriority) : c.priorityLabel;
    case TemplateField::TicketDue:
        return c.ticketDue.isValid() ? c.ticketDue.toUTC().toString(u"yyyy-MM-dd HH:mm")
                                     : QString();
    case TemplateField::TicketStatusLink:
        return c.statusLink;
    case TemplateField::AgentName:
        return c.agentName;
    case TemplateField::AgentFirstName:
        return c.agentFirstName;
    case TemplateField::DepartmentName:
        return c.departmentName;
    case TemplateField::DepartmentHours:
        return c.departmentHours;
    case TemplateField::SlaFirstResponse:
        return c.slaFirstResponse.isValid()
                   ? c.slaFirstResponse.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'")
                   : QString();
    case TemplateField::KbLink:
        break; // needs the slug; see render()
    }
    return {};
}

} // namespace

QString firstNameOf(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    qsizetype end = 0;
    while (end < trimmed.size() && !trimmed[end].isSpace())
        ++end;
    return trimmed.left(end).toString();
}

TemplateContext makeTemplateContext(const Ticket &ticket, const Contact &requester,
                                    const Agent &agent, const Department &department,
                                    const TemplateExtras &extras)
{
    TemplateContext c;
    c.customerName = requester.name.trimmed();
    c.customerFirstName = firstNameOf(requester.name);
    c.customerEmail = requester.emails.value(0);
    c.ticketNumber = ticket.number;
    c.ticketSubject = ticket.subject;
    c.ticketStatus = ticket.status;
    c.statusLabel = extras.statusLabel;
    c.ticketPriority = ticket.priority;
    c.priorityLabel = extras.priorityLabel;
    c.ticketDue = ticket.due;
    c.statusLink = extras.statusLink;
    c.agentName = agent.name.trimmed();
    c.agentFirstName = firstNameOf(agent.name);
    c.departmentName = department.name;
    c.departmentHours = extras.departmentHours;
    c.slaFirstResponse = ticket.firstResponseDeadline;
    c.kbLinks = extras.kbLinks;
    return c;
}

QStringList knownPlaceholders()
{
    QStringList names;
    for (const Known &k : kKnown)
        names.append(k.name.toString());
    return names;
}

Template Template::parse(QStringView text)
{
    Template t;
    t.m_source = text.toString();
    Parser(text).run(t.m_segments, t.m_errors);
    return t;
}

QString Template::errorString() const
{
    QStringList lines;
    for (const TemplateError &e : m_errors) {
        lines.append(describePosition(m_source, e.position) + QStringLiteral(": ") + e.message);
    }
    return lines.join(u'\n');
}

QString render(const Template &tpl, const TemplateContext &context, TemplateFormat format)
{
    const bool html = format == TemplateFormat::Html;
    QString out;
    for (const TemplateSegment &s : tpl.segments()) {
        if (s.kind == TemplateSegment::Text) {
            out += s.text;
            continue;
        }
        if (s.field == TemplateField::KbLink) {
            const QString url = context.kbLinks.value(s.text);
            if (url.isEmpty()) {
                out += s.fallback.value_or(QString());
            } else if (html) {
                const QString escaped = url.toHtmlEscaped();
                out += QStringLiteral("<a href=\"") + escaped + QStringLiteral("\">") + escaped +
                       QStringLiteral("</a>");
            } else {
                out += url;
            }
            continue;
        }
        const QString value = valueOf(s.field, context);
        if (value.isEmpty())
            out += s.fallback.value_or(QString()); // the author's own text: not escaped
        else
            out += html ? value.toHtmlEscaped() : value;
    }
    return out;
}

Template Template::literal(QStringView text)
{
    Template t;
    t.m_source = text.toString();
    if (!text.isEmpty())
        t.m_segments.append({TemplateSegment::Text, t.m_source, {}, {}});
    return t;
}

QString composeReply(const Template &header, const Template &body, const Template &footer,
                     const Template &signature, const TemplateContext &context,
                     TemplateFormat format)
{
    QStringList parts;
    for (const Template *t : {&header, &body, &footer, &signature}) {
        const QString part = render(*t, context, format).trimmed();
        if (!part.isEmpty())
            parts.append(part);
    }
    if (format == TemplateFormat::PlainText)
        return parts.join(QStringLiteral("\n\n"));
    QString out;
    for (const QString &part : parts) {
        if (!out.isEmpty())
            out += u'\n';
        out += QStringLiteral("<p>") + part + QStringLiteral("</p>");
    }
    return out;
}

} // namespace Pult
