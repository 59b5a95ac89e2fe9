#pragma once

// The filter and search language agents type, e.g.
//   status:open,pending assignee:me priority>=high dept:billing tag:vip -tag:spam created<7d
//   "account locked"
// parseFilter() turns the text into terms or a positioned error with a suggestion, and
// filterTokens() gives the spans an editor highlights. See docs/filters.md.

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Pult {

enum class FilterField {
    Status,
    Priority,
    Assignee,
    Department,
    Category,
    Tag,
    Requester,
    Channel,
    Tier,
    Csat, // the requester's satisfaction rating, 1 to 5
    Created,
    Updated,
    Due,
    Solved,
    Sla,
    Is,
    Has,
    Number, // #1042
    Sort,
    Text, // a bare word or a "quoted phrase": full-text search
};

enum class FilterOp { Equal, Less, LessEqual, Greater, GreaterEqual };

// One term of a filter. Terms are ANDed; the values of one term are ORed.
struct FilterTerm
{
    FilterField field = FilterField::Text;
    FilterOp op = FilterOp::Equal;
    bool negated = false;
    bool phrase = false; // Text only: was quoted
    QStringList values;  // normalised: canonical names (status "on-hold"), lower-case text
    int start = 0;       // span in the input, in QChars
    int length = 0;
    friend bool operator==(const FilterTerm &, const FilterTerm &) = default;
};

struct FilterError
{
    int position = 0;   // 0-based offset into the input
    QString message;    // what is wrong, e.g. unknown field "prio"
    QString suggestion; // what was probably meant, e.g. "priority"; may be empty
    // "column 14: unknown field "prio" — did you mean "priority"?"
    QString toString() const;
};

struct Filter
{
    QList<FilterTerm> terms;
    std::optional<QString> sort; // updated, created, priority, sla, queue
};

struct FilterParse
{
    Filter filter;
    std::optional<FilterError> error;
    bool good() const { return !error.has_value(); }
};

FilterParse parseFilter(const QString &text);

// For highlighting: the kind of every span of the input.
enum class FilterTokenKind { Field, Operator, Value, Negation, Phrase, Word, Error };
struct FilterToken
{
    FilterTokenKind kind;
    int start;
    int length;
    friend bool operator==(const FilterToken &, const FilterToken &) = default;
};
QList<FilterToken> filterTokens(const QString &text);

// The field names a user can type (canonical names first, then aliases).
QStringList filterFieldNames();

// The field a name stands for ("department" is Department), case-insensitively; nullopt for an
// unknown name.
std::optional<FilterField> filterFieldFromName(QStringView name);

// A value as filter text: in quotes, with \" for a quote inside (`dept:` + quotedFilterValue(
// "Technical support")).
QString quotedFilterValue(const QString &value);

// The fixed values of status, priority, channel, is, has and sort, canonical names in their
// order ("new", "open", ..., "on-hold"); empty for the other fields.
QStringList filterFieldValues(FilterField field);

// A status or priority name in the UI language: the current translation of Labels (core/
// labels.h), e.g. {"V čakanju", "pending"} in a Slovenian UI, {"Pending", "pending"} in English.
struct FilterValueLabel
{
    QString label;
    QString canonical;
    friend bool operator==(const FilterValueLabel &, const FilterValueLabel &) = default;
};
// One label per value, in the order of filterFieldValues(); empty for fields other than status
// and priority.
QList<FilterValueLabel> filterValueLabels(FilterField field);

// The canonical name of a status or priority as typed: its canonical name or its label in the UI
// language, matched like the parser does (see filterMatchKey); nullopt when neither matches.
std::optional<QString> canonicalFilterValue(FilterField field, QStringView typed);

// What the parser and the completion compare: case-folded, accents removed (NFD without its
// non-spacing marks), surrounding spaces trimmed and every run of spaces and "-" turned into one
// "-". "V  čakanju" and "v-cakanju" both become "v-cakanju"; "On hold" becomes "on-hold".
QString filterMatchKey(QStringView text);

} // namespace Pult
