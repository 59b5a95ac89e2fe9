#pragma once

#include "status.h"

#include <QString>
#include <QStringList>

struct sqlite3;

namespace Pult {

// Registers the "pult" FTS5 tokenizer on a connection. It is SQLite's unicode61 tokenizer
// (case folding, diacritics removed) with one more step: letters Unicode does not decompose are
// folded to their base letters (ł→l, đ→d, ø→o, ß→ss, æ→ae, ...), so "lodz" finds "Łódź" and
// "dorde" finds "Đorđe". Offsets stay those of the original text, so snippets show it unchanged.
// Every connection that reads or writes the full-text tables must register it.
Status registerSearchTokenizer(sqlite3 *db);

// Registers the "pult" tokenizer and pult_lower(text), Unicode lower case as QString::toLower
// makes it (SQLite's lower() only knows ASCII), on a connection of the store.
Status registerTextFunctions(sqlite3 *db);

// The same folding for one token that is already lower case and without decomposable accents
// (what unicode61 produces); exposed for tests. Returns false when nothing changed.
bool foldUndecomposable(const char *token, int size, std::string &out);

// Turns what a user typed into an FTS5 query: every bare word becomes a quoted term (with
// Prefix, also matching longer words), "quoted phrases" stay phrases, and FTS5 syntax characters
// lose their meaning. Returns an empty string when nothing searchable is left.
enum class FtsTerms { Exact, Prefix };
QString toFtsQuery(const QString &userText, FtsTerms terms = FtsTerms::Prefix);

// The tokens the "pult" tokenizer makes of text, exactly as the full-text index stores them
// (lower case, folded). For matching in memory what the index would match.
QStringList searchTokens(const QString &text);

} // namespace Pult
