#include "filterhighlighter.h"

#include <QGuiApplication>

namespace Pult {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// A colour of the given hue that stands out on the palette's base colour.
QColor hueOn(const QPalette &palette, int hue)
{
    return isDark(palette) ? QColor::fromHsl(hue, 170, 175) : QColor::fromHsl(hue, 200, 80);
}

QTextCharFormat errorFormat(const QPalette &palette)
{
    QTextCharFormat format;
    format.setForeground(FilterHighlighter::errorColor(palette));
    format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    format.setUnderlineColor(FilterHighlighter::errorColor(palette));
    return format;
}

} // namespace

FilterHighlighter::FilterHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_palette(QGuiApplication::palette())
{}

FilterHighlighter::~FilterHighlighter() = default;

QColor FilterHighlighter::errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

QTextCharFormat FilterHighlighter::formatFor(FilterTokenKind kind, const QPalette &palette)
{
    QTextCharFormat format;
    switch (kind) {
    case FilterTokenKind::Field:
        format.setForeground(palette.color(QPalette::Link));
        format.setFontWeight(QFont::DemiBold);
        break;
    case FilterTokenKind::Operator:
        format.setForeground(palette.color(QPalette::PlaceholderText));
        break;
    case FilterTokenKind::Value:
        format.setForeground(hueOn(palette, 130)); // green
        break;
    case FilterTokenKind::Negation:
        format.setForeground(hueOn(palette, 30)); // orange
        format.setFontWeight(QFont::Bold);
        break;
    case FilterTokenKind::Phrase:
        format.setForeground(hueOn(palette, 290)); // purple
        break;
    case FilterTokenKind::Word:
        format.setForeground(palette.color(QPalette::Text));
        break;
    case FilterTokenKind::Error:
        return errorFormat(palette);
    }
    return format;
}

void FilterHighlighter::setPalette(const QPalette &palette)
{
    m_palette = palette;
    rehighlight();
}

void FilterHighlighter::setShowErrors(bool show)
{
    if (show == m_showErrors)
        return;
    m_showErrors = show;
    rehighlight();
}

void FilterHighlighter::setErrorSpan(int start, int length)
{
    if (start == m_errorStart && length == m_errorLength)
        return;
    m_errorStart = start;
    m_errorLength = std::max(0, length);
    rehighlight();
}

void FilterHighlighter::highlightBlock(const QString &text)
{
    // The editor holds one line; offsets of later blocks (never expected) are relative anyway.
    const int offset = currentBlock().position();
    for (const FilterToken &token : filterTokens(text)) {
        FilterTokenKind kind = token.kind;
        if (kind == FilterTokenKind::Error && !m_showErrors)
            kind = FilterTokenKind::Word;
        setFormat(token.start, token.length, formatFor(kind, m_palette));
    }
    if (m_showErrors && m_errorLength > 0) {
        const int start = std::max(0, m_errorStart - offset);
        const int end = std::min(int(text.size()), m_errorStart + m_errorLength - offset);
        if (end > start)
            setFormat(start, end - start, errorFormat(m_palette));
    }
}

} // namespace Pult
