#pragma once

// Colours a filter text (core/filter.h) in an editor: field names, operators, values, negation,
// phrases, plain words and errors each get their own format, derived from the widget's palette
// so they read in light and dark themes. The error span the parser or the compiler reports is
// underlined with a red wave. The formats are public so tests and other widgets (a saved view's
// tooltip, say) can use exactly the same ones.

#include "filter.h"

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Pult {

class FilterHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit FilterHighlighter(QTextDocument *document);
    ~FilterHighlighter() override;

    // The format of one kind of token in the given palette.
    static QTextCharFormat formatFor(FilterTokenKind kind, const QPalette &palette);
    // The colour of error text (tokens and messages) in the given palette.
    static QColor errorColor(const QPalette &palette);

    // Re-derives the formats, e.g. after the theme changed.
    void setPalette(const QPalette &palette);
    // Whether error tokens are shown as errors (red, wavy underline); while someone is typing,
    // the half-typed term is shown plainly instead.
    void setShowErrors(bool show);
    bool showErrors() const { return m_showErrors; }
    // An extra span to underline as wrong (e.g. a name compileFilter could not resolve); a
    // length of 0 removes it. Only drawn while showErrors() is set.
    void setErrorSpan(int start, int length);

protected:
    void highlightBlock(const QString &text) override;

private:
    QPalette m_palette;
    bool m_showErrors = true;
    int m_errorStart = 0;
    int m_errorLength = 0;
};

} // namespace Pult
