#pragma once

// The inbox's filter bar: a one-line editor for the filter language (docs/filters.md). Tokens
// are highlighted as they are typed (FilterHighlighter), a popup offers what fits at the cursor
// (filterCompletions), and a filter that cannot be read shows the parser's positioned error
// inline: the wrong span underlined and "column 7: unknown field …" under the editor. Enter
// applies the filter, "Save as view…" asks to keep it as a view.
//
// The bar knows no store. The window gives it the completion vocabulary
// (LocalStore::filterVocabulary) and, optionally, a check that compiles the text against the
// store's names, so that "dept:billng" is refused with its suggestion like a syntax error.

#include "filter.h"
#include "filtercompletion.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAbstractButton;
class QLabel;
class QListView;
class QPlainTextEdit;
class QStandardItemModel;
class QTimer;
class QToolButton;

namespace Pult {

class FilterHighlighter;

class FilterBar : public QWidget
{
    Q_OBJECT

public:
    // Compiles the text (parseFilter has already accepted it) and returns the error, if any.
    using CompileCheck = std::function<std::optional<FilterError>(const QString &text)>;

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    QString text() const;
    // Replaces the text without emitting filterApplied() or cleared() (e.g. when a saved view
    // is opened) and shows its error, if any, at once.
    void setText(const QString &text);
    // The names completion offers for departments, tags, agents and categories.
    void setVocabulary(const FilterVocabulary &vocabulary);
    const FilterVocabulary &vocabulary() const { return m_vocabulary; }
    // Run on Enter, on "Save as view…" and when the text rests; an error it returns is shown
    // like a syntax error and keeps the filter from being applied.
    void setCompileCheck(CompileCheck check);
    // How long typing must pause before an error is shown (default 600 ms).
    void setErrorDelay(int milliseconds);

    // Focuses the editor with the cursor at the end of the text (for a "Filter" shortcut).
    void focusEditor();
    // What Enter does: checks the text now and emits filterApplied() (or cleared() for empty
    // text). Returns false, showing the error, when the text cannot be applied.
    bool apply();
    // The error shown under the editor; nullopt when none is.
    const std::optional<FilterError> &error() const { return m_error; }
    // Whether the completion popup is open.
    bool isCompletionVisible() const;

    // The parts, for the window's layout and for tests.
    QPlainTextEdit *editor() const { return m_edit; }
    QListView *completionPopup() const { return m_popup; }
    QLabel *errorLabel() const { return m_errorLabel; }
    QAbstractButton *saveButton() const;
    QAbstractButton *clearButton() const;
    FilterHighlighter *highlighter() const { return m_highlighter; }

Q_SIGNALS:
    // Enter on a filter that can be applied; text is trimmed and never empty.
    void filterApplied(const QString &text);
    // Enter on an empty filter, or the clear button.
    void cleared();
    // "Save as view…" on a non-empty filter that can be applied; text is trimmed.
    void saveRequested(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onTextChanged();
    void onCursorMoved();
    // Fills the popup with the completions at the cursor; forced shows it even where typing
    // has not asked for it (after a space, on an empty text).
    void updateCompletions(bool forced);
    void hideCompletions();
    void moveCompletion(int rows);
    void acceptCompletion(int row);
    // Parses (and compiles) the text now and shows or clears the error.
    bool validate();
    void showError(const std::optional<FilterError> &error);
    void updateButtons();
    void updateColors();

    QPlainTextEdit *m_edit = nullptr;
    FilterHighlighter *m_highlighter = nullptr;
    QListView *m_popup = nullptr;
    QStandardItemModel *m_completions = nullptr;
    QLabel *m_errorLabel = nullptr;
    QToolButton *m_saveButton = nullptr;
    QToolButton *m_clearButton = nullptr;
    QTimer *m_errorTimer = nullptr;
    FilterVocabulary m_vocabulary;
    CompileCheck m_compileCheck;
    std::optional<FilterError> m_error;
    QString m_lastText;
    bool m_settingText = false;
    bool m_textChanging = false;
};

} // namespace Pult
