#pragma once

// Code and log snippets in conversations. This class is Pult's one seam for KDE
// KSyntaxHighlighting, which is optional (Debian 12 ships only its Qt 5 build): with it, snippets
// are coloured by the snippet's language; without it, they are set in the system's monospace
// font and nothing else changes. Nothing outside codehighlighter.cpp knows which one it is.
//
// Usage: whoever builds a document marks the blocks of a snippet with markAsCode(), then calls
// highlight() once the document is complete.

#include <QString>

#include <memory>

class QPalette;
class QTextBlockFormat;
class QTextDocument;

namespace Pult {

class CodeHighlighter
{
public:
    CodeHighlighter();
    ~CodeHighlighter();
    CodeHighlighter(const CodeHighlighter &) = delete;
    CodeHighlighter &operator=(const CodeHighlighter &) = delete;

    // True when this build colours code (KSyntaxHighlighting was found at build time).
    static bool isSyntaxHighlightingAvailable();

    // Marks a block format as a line of a code snippet in the given language: a name or file
    // extension such as "python", "sql", "json", "log", "sh"; empty when unknown.
    static void markAsCode(QTextBlockFormat &format, const QString &language);
    static bool isCode(const QTextBlockFormat &format);
    static QString language(const QTextBlockFormat &format);

    // Formats every marked block of the document: the monospace font and, where available,
    // syntax colours from a light or dark theme chosen to match the palette. Highlighting stays
    // attached to the document (and dies with it).
    void highlight(QTextDocument *document, const QPalette &palette);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Pult
