#include "filter.h"

#include "diagnostics.h"
#include "domain.h"
#include "labels.h"

#include <QDate>

#include <algorithm>
#include <array>

namespace Pult {
namespace {

struct FieldInfo
{
    const char16_t *name;
    FilterField field;
};

// Canonical names first; aliases after them.
constexpr std::array<FieldInfo, 19> kFields{{
    {u"status", FilterField::Status},
    {u"priority", FilterField::Priority},
    {u"assignee", FilterField::Assignee},
    {u"dept", FilterField::Department},
    {u"category", FilterField::Category},
    {u"tag", FilterField::Tag},
    {u"requester", FilterField::Requester},
    {u"channel", FilterField::Channel},
    {u"tier", FilterField::Tier},
    {u"csat", FilterField::Csat},
    {u"created", FilterField::Created},
    {u"updated", FilterField::Updated},
    {u"due", FilterField::Due},
    {u"solved", FilterField::Solved},
    {u"sla", FilterField::Sla},
    {u"is", FilterField::Is},
    {u"has", FilterField::Has},
    {u"sort", FilterField::Sort},
    {u"department", FilterField::Department},
}};

const QStringList kStatuses{QStringLiteral("new"),     QStringLiteral("open"),
                            QStringLiteral("pending"), QStringLiteral("on-hold"),
                            QStringLiteral("solved"),  QStringLiteral("closed")};
const QStringList kPriorities{QStringLiteral("low"), QStringLiteral("normal"),
                              QStringLiteral("high"), QStringLiteral("urgent")};
const QStringList kChannels{QStringLiteral("email"), QStringLiteral("web-form"),
                            QStringLiteral("phone"), QStringLiteral("chat"), QStringLiteral("api")};
const QStringList kIs{QStringLiteral("unread"), QStringLiteral("spam"), QStringLiteral("merged")};
const QStringList kHas{QStringLiteral("attachment"), QStringLiteral("note")};
const QStringList kSorts{QStringLiteral("updated"), QStringLiteral("created"),
                         QStringLiteral("priority"), QStringLiteral("sla"),
                         QStringLiteral("queue")};

// The candidate the user most probably meant: one they typed the start of, or one within two
// edits (one for very short words), compared as filterMatchKey()s. Empty when nothing is close.
QString suggestionFor(QStringView typed, const QStringList &candidates)
{
    const QString key = filterMatchKey(typed);
    QStringList keys;
    keys.reserve(candidates.size());
    for (const QString &c : candidates)
        keys.append(filterMatchKey(c));
    if (key.size() >= 2) {
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            if (keys.at(i).startsWith(key))
                return candidates.at(i);
        }
    }
    const int limit = key.size() <= 3 ? 1 : 2;
    QString best;
    int bestDistance = limit + 1;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const int d = editDistance(key, keys.at(i));
        if (d < bestDistance) {
            best = candidates.at(i);
            bestDistance = d;
        }
    }
    return best;
}

// A label as a user would type it unquoted: "V čakanju" becomes "v-čakanju".
QString typeableLabel(const QString &label)
{
    QString out;
    bool space = false;
    for (const QChar c : label.trimmed()) {
        if (c.isSpace()) {
            space = true;
            continue;
        }
        if (space)
            out += u'-';
        space = false;
        out += c;
    }
    return out.toLower();
}

// An accent once NFD has taken it off its letter. Spacing marks (vowel signs of Indic scripts)
// stay: without them different words would read the same.
bool isCombiningMark(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing;
}

bool isRelativeTime(QStringView v)
{
    if (v.size() < 2)
        return false;
    const QChar unit = v.back().toLower();
    if (unit != u'm' && unit != u'h' && unit != u'd' && unit != u'w')
        return false;
    bool ok = false;
    const int n = v.chopped(1).toInt(&ok);
    return ok && n >= 0 && n <= 100000;
}

bool isDate(QStringView v)
{
    return v.size() == 10 && QDate::fromString(v.toString(), Qt::ISODate).isValid();
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    void run()
    {
        int i = 0;
        const int n = int(m_text.size());
        while (i < n) {
            if (m_text.at(i).isSpace()) {
                ++i;
                continue;
            }
            i = item(i);
        }
    }

    Filter filter;
    std::optional<FilterError> error;
    QList<FilterToken> tokens;

private:
    const QString &m_text;

    QChar at(int i) const { return i < m_text.size() ? m_text.at(i) : QChar(); }

    void token(FilterTokenKind kind, int start, int length)
    {
        if (length > 0)
            tokens.append({kind, start, length});
    }

    // Records an error (the first one wins) and marks the rest of the item as an error.
    int fail(int position, int itemEnd, const QString &message, const QString &suggestion = {})
    {
        if (!error)
            error = FilterError{position, message, suggestion};
        while (!tokens.isEmpty() && tokens.last().start + tokens.last().length > position)
            tokens.removeLast(); // the error span replaces what was highlighted there
        token(FilterTokenKind::Error, position, itemEnd - position);
        return std::max(itemEnd, position + 1);
    }

    // The end of a bare item: the next space outside quotes (\" inside quotes is a quote).
    int itemEnd(int i) const
    {
        bool quoted = false;
        for (; i < m_text.size(); ++i) {
            if (quoted && m_text.at(i) == u'\\' && at(i + 1) == u'"')
                ++i;
            else if (m_text.at(i) == u'"')
                quoted = !quoted;
            else if (!quoted && m_text.at(i).isSpace())
                break;
        }
        return i;
    }

    // A quoted string starting at the quote at i; returns the index after the closing quote, or
    // -1 when it is not closed. \" inside is a quote.
    int quoted(int i, QString &out) const
    {
        for (int j = i + 1; j < m_text.size(); ++j) {
            const QChar c = m_text.at(j);
            if (c == u'\\' && at(j + 1) == u'"') {
                out.append(u'"');
                ++j;
            } else if (c == u'"') {
                return j + 1;
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    int item(int start)
    {
        int i = start;
        const bool negated = at(i) == u'-' && i + 1 < m_text.size() && !at(i + 1).isSpace();
        if (negated) {
            token(FilterTokenKind::Negation, i, 1);
            ++i;
        }
        if (at(i) == u'"')
            return phrase(start, i, negated);
        if (at(i) == u'#' && !negated)
            return number(i);

        int nameEnd = i;
        while (nameEnd < m_text.size() && (at(nameEnd).isLetter() || at(nameEnd) == u'_'))
            ++nameEnd;
        const QChar next = at(nameEnd);
        const bool hasOperator =
            nameEnd > i && (next == u':' || next == u'=' || next == u'<' || next == u'>');
        if (!hasOperator)
            return word(start, i, negated);
        return fieldTerm(start, i, nameEnd, negated);
    }

    int phrase(int start, int quote, bool negated)
    {
        QString text;
        const int end = quoted(quote, text);
        if (end < 0)
            return fail(quote, int(m_text.size()), QStringLiteral("the quote is not closed"));
        token(FilterTokenKind::Phrase, quote, end - quote);
        FilterTerm term;
        term.field = FilterField::Text;
        term.negated = negated;
        term.phrase = true;
        term.values = {text.toLower()};
        term.start = start;
        term.length = end - start;
        if (!text.trimmed().isEmpty())
            filter.terms.append(term);
        return end;
    }

    int number(int hash)
    {
        const int end = itemEnd(hash);
        const QStringView digits = QStringView(m_text).mid(hash + 1, end - hash - 1);
        bool ok = false;
        const qint64 n = digits.toLongLong(&ok);
        if (!ok || n <= 0)
            return fail(hash, end,
                        QStringLiteral("a ticket number is # followed by digits, e.g. #1042"));
        token(FilterTokenKind::Value, hash, end - hash);
        filter.terms.append({FilterField::Number,
                             FilterOp::Equal,
                             false,
                             false,
                             {QString::number(n)},
                             hash,
                             end - hash});
        return end;
    }

    int word(int start, int i, bool negated)
    {
        const int end = itemEnd(i);
        const QString text = m_text.mid(i, end - i);
        if (text.contains(u'"'))
            return fail(i + int(text.indexOf(u'"')), end,
                        QStringLiteral("a quote inside a word; put the whole phrase in quotes"));
        token(FilterTokenKind::Word, i, end - i);
        filter.terms.append({FilterField::Text,
                             FilterOp::Equal,
                             negated,
                             false,
                             {text.toLower()},
                             start,
                             end - start});
        return end;
    }

    int fieldTerm(int start, int nameStart, int nameEnd, bool negated)
    {
        const int end = itemEnd(nameStart);
        const QStringView name = QStringView(m_text).mid(nameStart, nameEnd - nameStart);
        const auto info = std::find_if(kFields.begin(), kFields.end(), [&](const FieldInfo &f) {
            return name.compare(QStringView(f.name), Qt::CaseInsensitive) == 0;
        });
        if (info == kFields.end()) {
            const QString suggestion = suggestionFor(name, filterFieldNames());
            return fail(nameStart, end, QStringLiteral("unknown field \"%1\"").arg(name.toString()),
                        suggestion);
        }
        token(FilterTokenKind::Field, nameStart, nameEnd - nameStart);

        int i = nameEnd;
        const int opStart = i;
        FilterOp op = FilterOp::Equal;
        const QChar c = at(i);
        if (c == u'<' || c == u'>') {
            const bool orEqual = at(i + 1) == u'=';
            op = c == u'<' ? (orEqual ? FilterOp::LessEqual : FilterOp::Less)
                           : (orEqual ? FilterOp::GreaterEqual : FilterOp::Greater);
            token(FilterTokenKind::Operator, i, orEqual ? 2 : 1);
            i += orEqual ? 2 : 1;
        } else {
            token(FilterTokenKind::Operator, i, 1);
            ++i;
        }

        FilterTerm term;
        term.field = info->field;
        term.op = op;
        term.negated = negated;
        term.start = start;
        term.length = end - start;

        // Comma-separated values, each bare or quoted.
        QList<std::pair<int, QString>> values; // position, text
        while (i < end) {
            const int valueStart = i;
            QString value;
            if (at(i) == u'"') {
                const int close = quoted(i, value);
                if (close < 0 || close > end)
                    return fail(i, int(m_text.size()), QStringLiteral("the quote is not closed"));
                i = close;
            } else {
                while (i < end && at(i) != u',')
                    value.append(m_text.at(i++));
            }
            values.append({valueStart, value});
            if (i < end && at(i) == u',')
                ++i;
            else if (i < end)
                return fail(i, end, QStringLiteral("expected a comma between values"));
        }
        const auto empty = std::find_if(values.cbegin(), values.cend(),
                                        [](const auto &v) { return v.second.trimmed().isEmpty(); });
        if (values.isEmpty() || empty != values.cend()) {
            return fail(values.isEmpty() ? end : empty->first, end,
                        QStringLiteral("%1 needs a value").arg(QString::fromUtf16(info->name)));
        }
        if (op != FilterOp::Equal && values.size() > 1)
            return fail(values.at(1).first - 1, end,
                        QStringLiteral("a comparison takes one value, not a list"));

        for (const auto &[position, raw] : std::as_const(values)) {
            QString value = raw.trimmed();
            if (!check(info->field, op, opStart, value, position, end))
                return end;
            token(FilterTokenKind::Value, position, int(raw.size()));
            term.values.append(value);
        }
        if (info->field == FilterField::Sort) {
            if (negated)
                return fail(start, end, QStringLiteral("sort cannot be negated"));
            filter.sort = term.values.first();
            return end;
        }
        filter.terms.append(term);
        return end;
    }

    // Validates and normalises one value; records the error and returns false on a problem.
    bool check(FilterField field, FilterOp op, int opStart, QString &value, int position, int end)
    {
        // A fixed value: its canonical name, or for status and priority also its name in the UI
        // language, compared as filterMatchKey()s; the term keeps the canonical name.
        const auto oneOf = [&](const QStringList &allowed, const QString &what) -> bool {
            const QString key = filterMatchKey(value);
            if (allowed.contains(key)) {
                value = key;
                return true;
            }
            QStringList candidates = allowed;
            for (const FilterValueLabel &l : filterValueLabels(field)) {
                if (filterMatchKey(l.label) == key) {
                    value = l.canonical;
                    return true;
                }
                candidates.append(typeableLabel(l.label));
            }
            fail(position, end, QStringLiteral("unknown %1 \"%2\"").arg(what, value),
                 suggestionFor(value, candidates));
            return false;
        };
        const auto equalOnly = [&]() -> bool {
            if (op == FilterOp::Equal)
                return true;
            fail(opStart, end, QStringLiteral("this field takes \":\", not a comparison"));
            return false;
        };
        bool ok = true;
        switch (field) {
        case FilterField::Status:
            ok = equalOnly() && oneOf(kStatuses, QStringLiteral("status"));
            break;
        case FilterField::Priority:
            ok = oneOf(kPriorities, QStringLiteral("priority"));
            break;
        case FilterField::Channel:
            ok = equalOnly() && oneOf(kChannels, QStringLiteral("channel"));
            break;
        case FilterField::Is:
            ok = equalOnly() && oneOf(kIs, QStringLiteral("value for is:"));
            break;
        case FilterField::Has:
            ok = equalOnly() && oneOf(kHas, QStringLiteral("value for has:"));
            break;
        case FilterField::Sort:
            ok = equalOnly() && oneOf(kSorts, QStringLiteral("sort order"));
            break;
        case FilterField::Tier: {
            bool isNumber = false;
            const int tier = value.toInt(&isNumber);
            ok = isNumber && tier >= 1 && tier <= 9;
            if (!ok)
                fail(position, end, QStringLiteral("a tier is a number from 1 to 9"));
            break;
        }
        case FilterField::Csat: {
            bool isNumber = false;
            const int rating = value.toInt(&isNumber);
            ok = isNumber && rating >= 1 && rating <= 5;
            if (!ok)
                fail(position, end,
                     QStringLiteral("a satisfaction rating is a number from 1 to 5"));
            break;
        }
        case FilterField::Created:
        case FilterField::Updated:
        case FilterField::Due:
        case FilterField::Solved:
            ok = isRelativeTime(value) || isDate(value);
            if (ok && isRelativeTime(value))
                value = value.toLower();
            if (!ok)
                fail(position, end,
                     QStringLiteral("\"%1\" is neither a time span (30m, 2h, 7d, 4w) nor a date "
                                    "(2026-01-31)")
                         .arg(value));
            break;
        case FilterField::Sla:
            if (op == FilterOp::Equal) {
                ok = value.compare(QLatin1String("breached"), Qt::CaseInsensitive) == 0;
                value = value.toLower();
                if (!ok)
                    fail(position, end,
                         QStringLiteral("sla: takes \"breached\", or a comparison like sla<2h"),
                         QStringLiteral("breached"));
            } else {
                ok = isRelativeTime(value);
                value = value.toLower();
                if (!ok)
                    fail(position, end, QStringLiteral("sla< and sla> take a time span like 2h"));
            }
            break;
        case FilterField::Assignee:
        case FilterField::Department:
        case FilterField::Category:
        case FilterField::Tag:
        case FilterField::Requester:
            ok = equalOnly();
            value = value.toLower();
            break;
        case FilterField::Number:
        case FilterField::Text:
            break;
        }
        return ok;
    }
};

} // namespace

QString FilterError::toString() const
{
    QString s = QStringLiteral("column %1: %2").arg(position + 1).arg(message);
    if (!suggestion.isEmpty())
        s += QStringLiteral(" — did you mean \"%1\"?").arg(suggestion);
    return s;
}

FilterParse parseFilter(const QString &text)
{
    Parser parser(text);
    parser.run();
    FilterParse result;
    if (parser.error)
        result.error = parser.error;
    else
        result.filter = std::move(parser.filter);
    return result;
}

QList<FilterToken> filterTokens(const QString &text)
{
    Parser parser(text);
    parser.run();
    return parser.tokens;
}

QStringList filterFieldNames()
{
    QStringList names;
    for (const FieldInfo &f : kFields)
        names.append(QString::fromUtf16(f.name));
    return names;
}

std::optional<FilterField> filterFieldFromName(QStringView name)
{
    for (const FieldInfo &f : kFields) {
        if (name.compare(QStringView(f.name), Qt::CaseInsensitive) == 0)
            return f.field;
    }
    return std::nullopt;
}

QStringList filterFieldValues(FilterField field)
{
    switch (field) {
    case FilterField::Status:
        return kStatuses;
    case FilterField::Priority:
        return kPriorities;
    case FilterField::Channel:
        return kChannels;
    case FilterField::Is:
        return kIs;
    case FilterField::Has:
        return kHas;
    case FilterField::Sort:
        return kSorts;
    default:
        return {};
    }
}

QString quotedFilterValue(const QString &value)
{
    return u'"' + QString(value).replace(u'"', QStringLiteral("\\\"")) + u'"';
}

QList<FilterValueLabel> filterValueLabels(FilterField field)
{
    QList<FilterValueLabel> labels;
    if (field == FilterField::Status) {
        for (const QString &name : kStatuses) {
            if (const auto status = parseTicketStatus(name))
                labels.append({Labels::status(*status), name});
        }
    } else if (field == FilterField::Priority) {
        for (const QString &name : kPriorities) {
            if (const auto priority = parsePriority(name))
                labels.append({Labels::priority(*priority), name});
        }
    }
    return labels;
}

std::optional<QString> canonicalFilterValue(FilterField field, QStringView typed)
{
    if (field != FilterField::Status && field != FilterField::Priority)
        return std::nullopt;
    const QString key = filterMatchKey(typed);
    if (key.isEmpty())
        return std::nullopt;
    if (filterFieldValues(field).contains(key))
        return key;
    for (const FilterValueLabel &l : filterValueLabels(field)) {
        if (filterMatchKey(l.label) == key)
            return l.canonical;
    }
    return std::nullopt;
}

QString filterMatchKey(QStringView text)
{
    const QString decomposed = text.trimmed().toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    bool separator = false;
    for (qsizetype i = 0; i < decomposed.size(); ++i) {
        const QChar c = decomposed.at(i);
        char32_t code = c.unicode();
        const bool pair = c.isHighSurrogate() && i + 1 < decomposed.size() &&
                          decomposed.at(i + 1).isLowSurrogate();
        if (pair)
            code = QChar::surrogateToUcs4(c, decomposed.at(i + 1));
        if (isCombiningMark(code)) {
            i += pair ? 1 : 0;
            continue;
        }
        if (c.isSpace() || c == u'-') {
            separator = true;
            continue;
        }
        if (separator)
            out += u'-';
        separator = false;
        out += c;
        if (pair)
            out += decomposed.at(++i);
    }
    if (separator)
        out += u'-'; // "v-" stays a prefix of "v-cakanju" only, not of every "v"
    return out.toCaseFolded();
}

} // namespace Pult
