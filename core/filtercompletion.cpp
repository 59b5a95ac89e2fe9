#include "filtercompletion.h"

#include "filter.h"

#include <QDate>
#include <QSet>

#include <algorithm>

namespace Pult {
namespace {

constexpr qsizetype kMaxCompletions = 50;

struct Candidate
{
    QString value;    // as it reads, unquoted
    QString label;    // shown in the popup
    QString identity; // what it stands for: the canonical name, or its match key
};

struct Span
{
    int start = 0;
    int end = 0;
};

bool isNameChar(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool needsQuotes(const QString &value)
{
    return std::any_of(value.begin(), value.end(),
                       [](QChar c) { return c.isSpace() || c == u',' || c == u'"'; });
}

QString quotedIfNeeded(const QString &value)
{
    if (!needsQuotes(value))
        return value;
    QString escaped = value;
    escaped.replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

// The item around the cursor: from a non-space to the next space outside quotes. An empty span
// at the cursor when the cursor is between items.
Span itemAt(const QString &text, int cursor)
{
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        const int start = i;
        bool quoted = false;
        for (; i < n; ++i) {
            const QChar c = text.at(i);
            if (quoted && c == u'\\' && i + 1 < n && text.at(i + 1) == u'"')
                ++i;
            else if (c == u'"')
                quoted = !quoted;
            else if (!quoted && c.isSpace())
                break;
        }
        if (start > cursor)
            break;
        if (cursor <= i)
            return {start, i};
    }
    return {cursor, cursor};
}

// A value as typed, without its quotes and escapes.
QString unquoted(QStringView raw)
{
    QString out;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == u'\\' && i + 1 < raw.size() && raw.at(i + 1) == u'"') {
            out += u'"';
            ++i;
        } else if (raw.at(i) != u'"') {
            out += raw.at(i);
        }
    }
    return out;
}

// The comma-separated values in [start, end), commas inside quotes not counting.
QList<Span> valueSpans(const QString &text, int start, int end)
{
    QList<Span> spans;
    int valueStart = start;
    bool quoted = false;
    for (int i = start; i < end; ++i) {
        const QChar c = text.at(i);
        if (quoted && c == u'\\' && i + 1 < end && text.at(i + 1) == u'"') {
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && c == u',') {
            spans.append({valueStart, i});
            valueStart = i + 1;
        }
    }
    spans.append({valueStart, end});
    return spans;
}

// Where a quoted value's closing quote is, or -1.
int closingQuote(const QString &text, Span value)
{
    for (int i = value.start + 1; i < value.end; ++i) {
        if (text.at(i) == u'\\' && i + 1 < value.end && text.at(i + 1) == u'"')
            ++i;
        else if (text.at(i) == u'"')
            return i;
    }
    return -1;
}

QString identityOf(FilterField field, QStringView value)
{
    if (const auto canonical = canonicalFilterValue(field, value))
        return *canonical;
    return filterMatchKey(value);
}

void addPlain(QList<Candidate> &out, FilterField field, const QStringList &values)
{
    for (const QString &v : values) {
        if (!v.trimmed().isEmpty())
            out.append({v.trimmed(), v.trimmed(), identityOf(field, v)});
    }
}

QList<Candidate> candidatesFor(FilterField field, bool comparison,
                               const FilterVocabulary &vocabulary)
{
    QList<Candidate> out;
    switch (field) {
    case FilterField::Status:
    case FilterField::Priority: {
        const QStringList canonical = filterFieldValues(field);
        addPlain(out, field, canonical);
        // The names in the UI language, unless they are the canonical names already.
        for (const FilterValueLabel &l : filterValueLabels(field)) {
            if (l.label.trimmed().isEmpty() || canonical.contains(filterMatchKey(l.label)))
                continue;
            out.append({l.label.trimmed().toLower(), l.label.trimmed(), l.canonical});
        }
        break;
    }
    case FilterField::Channel:
    case FilterField::Is:
    case FilterField::Has:
    case FilterField::Sort:
        addPlain(out, field, filterFieldValues(field));
        break;
    case FilterField::Assignee:
        addPlain(out, field, {QStringLiteral("me"), QStringLiteral("none")});
        addPlain(out, field, vocabulary.agents);
        addPlain(out, field, vocabulary.agentEmails);
        break;
    case FilterField::Department:
        addPlain(out, field, vocabulary.departments);
        break;
    case FilterField::Category:
        addPlain(out, field, vocabulary.categories);
        break;
    case FilterField::Tag:
        addPlain(out, field, vocabulary.tags);
        break;
    case FilterField::Tier:
        for (int tier = 1; tier <= 9; ++tier)
            addPlain(out, field, {QString::number(tier)});
        break;
    case FilterField::Csat:
        for (int rating = 1; rating <= 5; ++rating)
            addPlain(out, field, {QString::number(rating)});
        break;
    case FilterField::Created:
    case FilterField::Updated:
    case FilterField::Due:
    case FilterField::Solved:
        addPlain(out, field,
                 {QStringLiteral("1h"), QStringLiteral("1d"), QStringLiteral("7d"),
                  QStringLiteral("30d"), QDate::currentDate().toString(Qt::ISODate)});
        break;
    case FilterField::Sla:
        if (comparison)
            addPlain(out, field,
                     {QStringLiteral("30m"), QStringLiteral("1h"), QStringLiteral("2h"),
                      QStringLiteral("4h"), QStringLiteral("1d")});
        else
            addPlain(out, field, {QStringLiteral("breached")});
        break;
    case FilterField::Requester:
    case FilterField::Number:
    case FilterField::Text:
        break;
    }
    return out;
}

QList<FilterCompletion> fieldCompletions(const QString &text, int nameStart, int nameEnd,
                                         int cursor, bool operatorFollows)
{
    const QString typed = filterMatchKey(QStringView(text).mid(nameStart, cursor - nameStart));
    QList<FilterCompletion> out;
    for (const QString &name : filterFieldNames()) {
        if (!name.startsWith(typed))
            continue;
        const QString insert = operatorFollows ? name : name + u':';
        out.append({FilterCompletion::Kind::Field, insert, insert, nameStart, nameEnd - nameStart});
    }
    return out;
}

QList<FilterCompletion> valueCompletions(const QString &text, int cursor, FilterField field,
                                         bool comparison, int valuesStart, int itemEnd,
                                         const FilterVocabulary &vocabulary)
{
    const QList<Span> values = valueSpans(text, valuesStart, itemEnd);
    const auto current = std::find_if(values.begin(), values.end(), [cursor](const Span &v) {
        return v.start <= cursor && cursor <= v.end;
    });
    if (current == values.end())
        return {};

    // What is typed of the value before the cursor, and the span a completion replaces: the
    // whole value, or up to the cursor when its quote is not closed (the unclosed quote runs to
    // the end of the text, over what the user still sees as further items).
    Span replace = *current;
    QString typed;
    if (current->start < current->end && text.at(current->start) == u'"') {
        const int close = closingQuote(text, *current);
        if (close < 0)
            replace.end = cursor;
        const int typedEnd = close < 0 ? cursor : std::min(cursor, close);
        typed = unquoted(QStringView(text).mid(current->start, typedEnd - current->start));
    } else {
        typed = unquoted(QStringView(text).mid(current->start, cursor - current->start));
    }
    const QString key = filterMatchKey(typed);

    QSet<QString> present; // the other values of the list
    for (const Span &v : values) {
        if (v.start != current->start)
            present.insert(
                identityOf(field, unquoted(QStringView(text).mid(v.start, v.end - v.start))));
    }

    const FilterCompletion::Kind kind =
        field == FilterField::Sort ? FilterCompletion::Kind::Sort : FilterCompletion::Kind::Value;
    QList<FilterCompletion> prefixed;
    QList<FilterCompletion> containing;
    QSet<QString> inserted;
    for (const Candidate &c : candidatesFor(field, comparison, vocabulary)) {
        if (present.contains(c.identity))
            continue;
        const QString candidateKey = filterMatchKey(c.value);
        const bool prefix = candidateKey.startsWith(key);
        if (!prefix && !candidateKey.contains(key))
            continue;
        const QString insert = quotedIfNeeded(c.value);
        if (inserted.contains(insert))
            continue;
        inserted.insert(insert);
        (prefix ? prefixed : containing)
            .append({kind, insert, c.label, replace.start, replace.end - replace.start});
    }
    prefixed.append(containing);
    if (prefixed.size() > kMaxCompletions)
        prefixed.resize(kMaxCompletions);
    return prefixed;
}

} // namespace

QList<FilterCompletion> filterCompletions(const QString &text, int cursor,
                                          const FilterVocabulary &vocabulary)
{
    cursor = std::clamp(cursor, 0, int(text.size()));
    const Span item = itemAt(text, cursor);

    int p = item.start;
    if (p < item.end && text.at(p) == u'-')
        ++p;
    if (cursor < p)
        return {}; // before the "-"
    if (p < item.end && (text.at(p) == u'"' || text.at(p) == u'#'))
        return {}; // a phrase or a ticket number

    int nameEnd = p;
    while (nameEnd < item.end && isNameChar(text.at(nameEnd)))
        ++nameEnd;
    const QChar next = nameEnd < item.end ? text.at(nameEnd) : QChar();
    const bool hasOperator =
        nameEnd > p && (next == u':' || next == u'=' || next == u'<' || next == u'>');
    if (!hasOperator) {
        // A bare word: the start of a field name, or full-text search.
        if (nameEnd != item.end)
            return {};
        return fieldCompletions(text, p, nameEnd, cursor, false);
    }
    if (cursor <= nameEnd)
        return fieldCompletions(text, p, nameEnd, cursor, true);

    const std::optional<FilterField> field =
        filterFieldFromName(QStringView(text).mid(p, nameEnd - p));
    if (!field)
        return {};
    int valuesStart = nameEnd + 1;
    const bool comparison = next == u'<' || next == u'>';
    if (comparison && valuesStart < item.end && text.at(valuesStart) == u'=')
        ++valuesStart;
    if (cursor < valuesStart)
        return {}; // inside the operator
    return valueCompletions(text, cursor, *field, comparison, valuesStart, item.end, vocabulary);
}

} // namespace Pult
