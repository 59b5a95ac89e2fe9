#pragma once

// Completion for the filter editor: what may go where the cursor is in a filter text (see
// filter.h and docs/filters.md). A pure function of the text, the cursor and the names the
// caller knows; it never touches the store.

#include <QList>
#include <QString>
#include <QStringList>

namespace Pult {

// The names the completion offers for the fields whose values are not fixed.
struct FilterVocabulary
{
    QStringList departments;
    QStringList tags;
    QStringList agents; // display names
    QStringList agentEmails;
    QStringList categories;
};

struct FilterCompletion
{
    enum class Kind { Field, Value, Sort };
    Kind kind = Kind::Field;
    QString insert; // text replacing [start, start + length) of the filter text
    QString label;  // shown in the popup
    int start = 0;
    int length = 0;
    friend bool operator==(const FilterCompletion &, const FilterCompletion &) = default;
};

// The completions for the item under the cursor (a QChar offset into text, clamped to it).
// Items are separated by spaces outside quotes; a leading "-" negates one.
// - In a field name, or a bare word that is the start of one: the field names starting with what
//   is typed before the cursor, inserted as "name:" (or just "name" when an operator follows).
//   Any other bare word is full-text search and gets nothing, as do phrases and #numbers.
// - After "field:" or an operator: the values of that field for the value under the cursor
//   (values are comma-separated): statuses and priorities (canonical names and their labels in
//   the UI language), channels, is:/has:/sort: values, "me", "none", agents' names and e-mails,
//   the vocabulary's departments, tags and categories, time spans and today's date for created/
//   updated/due/solved, "breached" for sla:. Values already in the list are left out.
// Matching ignores case and accents (filterMatchKey); values starting with what is typed come
// first, then values containing it; at most 50. Values with spaces, commas or quotes are
// inserted in quotes. Every span lies inside the text and contains the cursor.
QList<FilterCompletion> filterCompletions(const QString &text, int cursor,
                                          const FilterVocabulary &vocabulary);

} // namespace Pult
