#include "filterbar.h"

#include "filterhighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Pult {

namespace {

enum CompletionRole {
    InsertRole = Qt::UserRole + 1, // QString: the text replacing the span
    StartRole,                     // int
    LengthRole,                    // int
};

constexpr int kMaxVisibleCompletions = 8;

// A QPlainTextEdit that behaves as one line: no wrapping, no scroll bars, the height of one
// line, and pasted or dropped line breaks become spaces. Enter is handled by the FilterBar.
class FilterEdit : public QPlainTextEdit
{
public:
    explicit FilterEdit(QWidget *parent)
        : QPlainTextEdit(parent)
    {
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setWordWrapMode(QTextOption::NoWrap);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setTabChangesFocus(true);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        document()->setDocumentMargin(3);
        setFixedHeight(lineHeight());
    }

    QSize sizeHint() const override
    {
        return {fontMetrics().averageCharWidth() * 40, lineHeight()};
    }
    QSize minimumSizeHint() const override
    {
        return {fontMetrics().averageCharWidth() * 10, lineHeight()};
    }

protected:
    void insertFromMimeData(const QMimeData *source) override
    {
        if (!source->hasText())
            return;
        insertPlainText(oneLine(source->text()));
    }

    void changeEvent(QEvent *event) override
    {
        QPlainTextEdit::changeEvent(event);
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            setFixedHeight(lineHeight());
    }

public:
    static QString oneLine(QString text)
    {
        for (QChar &c : text) {
            if (c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator ||
                c == QChar::LineSeparator || c == u'\t')
                c = u' ';
        }
        return text;
    }

private:
    int lineHeight() const
    {
        const int margin = int(std::ceil(document()->documentMargin()));
        return fontMetrics().lineSpacing() + 2 * margin + 2 * frameWidth();
    }
};

// The span to underline for an error at position: the error token there, else the rest of the
// item from position, else (an error at the end of an item, "status:") the item before it.
std::pair<int, int> errorSpan(const QString &text, int position)
{
    for (const FilterToken &token : filterTokens(text)) {
        if (token.kind == FilterTokenKind::Error && token.start <= position &&
            position < token.start + token.length)
            return {token.start, token.length};
    }
    const int size = int(text.size());
    position = std::clamp(position, 0, size);
    int end = position;
    while (end < size && !text.at(end).isSpace())
        ++end;
    if (end > position)
        return {position, end - position};
    int start = position;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    return {start, position - start};
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("filterBar"));

    m_edit = new FilterEdit(this);
    m_edit->setObjectName(QStringLiteral("filterEdit"));
    m_edit->setPlaceholderText(tr("Filter, e.g. status:open assignee:me priority>=high"));
    m_edit->setAccessibleName(tr("Filter"));
    m_edit->setAccessibleDescription(
        tr("Type a filter such as status:open assignee:me; Enter applies it, Tab accepts a "
           "suggestion"));
    m_edit->setToolTip(tr("Filter the inbox: fields such as status:, assignee:, priority>=, "
                          "tag: and plain words. Ctrl+Space shows suggestions."));
    m_edit->installEventFilter(this);
    m_highlighter = new FilterHighlighter(m_edit->document());

    m_saveButton = new QToolButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveFilterButton"));
    m_saveButton->setText(tr("Save as view…"));
    m_saveButton->setToolTip(tr("Keep this filter as a view in the sidebar"));
    m_saveButton->setAccessibleName(tr("Save filter as view"));
    m_saveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_clearButton = new QToolButton(this);
    m_clearButton->setObjectName(QStringLiteral("clearFilterButton"));
    m_clearButton->setText(tr("Clear"));
    m_clearButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-clear")));
    m_clearButton->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    m_clearButton->setToolTip(tr("Clear the filter"));
    m_clearButton->setAccessibleName(tr("Clear filter"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("filterError"));
    m_errorLabel->setAccessibleName(tr("Filter error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    m_completions = new QStandardItemModel(this);
    m_popup = new QListView(this);
    m_popup->setObjectName(QStringLiteral("filterCompletions"));
    m_popup->setAccessibleName(tr("Filter suggestions"));
    // A window that never takes the focus: keys stay in the editor, which steers the list.
    m_popup->setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint);
    m_popup->setAttribute(Qt::WA_ShowWithoutActivating);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->setUniformItemSizes(true);
    m_popup->setModel(m_completions);
    m_popup->hide();

    m_errorTimer = new QTimer(this);
    m_errorTimer->setSingleShot(true);
    m_errorTimer->setInterval(600);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_clearButton);
    row->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_errorLabel);
    setFocusProxy(m_edit);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &FilterBar::onTextChanged);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, &FilterBar::onCursorMoved);
    connect(m_errorTimer, &QTimer::timeout, this, &FilterBar::validate);
    connect(m_popup, &QListView::clicked, this,
            [this](const QModelIndex &index) { acceptCompletion(index.row()); });
    connect(m_saveButton, &QToolButton::clicked, this, [this] {
        if (!validate())
            return;
        const QString text = this->text().trimmed();
        if (!text.isEmpty())
            Q_EMIT saveRequested(text);
    });
    connect(m_clearButton, &QToolButton::clicked, this, [this] {
        setText(QString());
        m_edit->setFocus();
        Q_EMIT cleared();
    });

    updateColors();
    updateButtons();
}

FilterBar::~FilterBar() = default;

QString FilterBar::text() const
{
    return m_edit->toPlainText();
}

void FilterBar::setText(const QString &text)
{
    {
        const QScopedValueRollback<bool> setting(m_settingText, true);
        m_edit->setPlainText(FilterEdit::oneLine(text));
        m_edit->moveCursor(QTextCursor::End);
    }
    hideCompletions();
    validate();
}

void FilterBar::setVocabulary(const FilterVocabulary &vocabulary)
{
    m_vocabulary = vocabulary;
    if (isCompletionVisible())
        updateCompletions(false);
}

void FilterBar::setCompileCheck(CompileCheck check)
{
    m_compileCheck = std::move(check);
}

void FilterBar::setErrorDelay(int milliseconds)
{
    m_errorTimer->setInterval(std::max(0, milliseconds));
}

void FilterBar::focusEditor()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->moveCursor(QTextCursor::End);
}

bool FilterBar::apply()
{
    hideCompletions();
    if (!validate())
        return false;
    const QString text = this->text().trimmed();
    if (text.isEmpty())
        Q_EMIT cleared();
    else
        Q_EMIT filterApplied(text);
    return true;
}

bool FilterBar::isCompletionVisible() const
{
    return m_popup->isVisible();
}

QAbstractButton *FilterBar::saveButton() const
{
    return m_saveButton;
}

QAbstractButton *FilterBar::clearButton() const
{
    return m_clearButton;
}

void FilterBar::onTextChanged()
{
    // Re-highlighting marks the document changed too; only a new text counts.
    const QString text = this->text();
    if (text == m_lastText)
        return;
    m_lastText = text;
    const QScopedValueRollback<bool> changing(m_textChanging, true);
    if (m_settingText) {
        updateButtons();
        return;
    }
    // The term being typed is usually incomplete: errors wait until typing pauses.
    m_error.reset();
    m_highlighter->setShowErrors(false);
    m_errorLabel->hide();
    m_errorTimer->start();
    updateButtons();
    updateCompletions(false);
}

void FilterBar::onCursorMoved()
{
    if (m_textChanging || m_settingText || !isCompletionVisible())
        return;
    updateCompletions(false);
}

void FilterBar::updateCompletions(bool forced)
{
    const QString text = this->text();
    const int cursor = m_edit->textCursor().position();
    QList<FilterCompletion> completions = filterCompletions(text, cursor, m_vocabulary);
    // What is typed already is no suggestion.
    completions.removeIf([&text](const FilterCompletion &c) {
        return QStringView(text).mid(c.start, c.length) == c.insert;
    });
    // Typing asks for suggestions; a space or an empty field does not (Ctrl+Space does).
    const bool typingHere = cursor > 0 && !text.at(cursor - 1).isSpace();
    if (completions.isEmpty() || (!forced && !typingHere) || !m_edit->hasFocus()) {
        hideCompletions();
        return;
    }

    m_completions->clear();
    for (const FilterCompletion &completion : std::as_const(completions)) {
        auto *item = new QStandardItem(completion.label);
        item->setData(completion.insert, InsertRole);
        item->setData(completion.start, StartRole);
        item->setData(completion.length, LengthRole);
        item->setData(completion.label == completion.insert
                          ? completion.label
                          : tr("%1 (inserts %2)", "completion label, inserted text")
                                .arg(completion.label, completion.insert),
                      Qt::ToolTipRole);
        m_completions->appendRow(item);
    }
    m_popup->setCurrentIndex(m_completions->index(0, 0));

    // Under the start of the text being replaced.
    QTextCursor spanStart = m_edit->textCursor();
    spanStart.setPosition(std::min(completions.first().start, int(text.size())));
    const QRect at = m_edit->cursorRect(spanStart);
    const QPoint topLeft = m_edit->viewport()->mapToGlobal(at.bottomLeft() + QPoint(0, 2));
    const int rows = std::min(int(completions.size()), kMaxVisibleCompletions);
    const int frame = 2 * m_popup->frameWidth();
    const int rowHeight = std::max(1, m_popup->sizeHintForRow(0));
    int width = m_popup->sizeHintForColumn(0) + frame;
    if (completions.size() > kMaxVisibleCompletions)
        width += m_popup->verticalScrollBar()->sizeHint().width();
    width = std::max(width, fontMetrics().averageCharWidth() * 16);
    m_popup->setGeometry(QRect(topLeft, QSize(width, rows * rowHeight + frame)));
    m_popup->show();
    m_popup->raise();
}

void FilterBar::hideCompletions()
{
    if (m_popup->isVisible())
        m_popup->hide();
}

void FilterBar::moveCompletion(int rows)
{
    const int count = m_completions->rowCount();
    if (count == 0)
        return;
    int row = m_popup->currentIndex().isValid() ? m_popup->currentIndex().row() + rows : 0;
    row = rows > 1 || rows < -1 ? std::clamp(row, 0, count - 1) : (row + count) % count;
    m_popup->setCurrentIndex(m_completions->index(row, 0));
}

void FilterBar::acceptCompletion(int row)
{
    const QModelIndex index = m_completions->index(row, 0);
    if (!index.isValid())
        return;
    const QString insert = index.data(InsertRole).toString();
    const int size = int(text().size());
    const int start = std::clamp(index.data(StartRole).toInt(), 0, size);
    const int end = std::clamp(start + index.data(LengthRole).toInt(), start, size);
    hideCompletions();
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(insert);
    m_edit->setTextCursor(cursor);
    // onTextChanged() offers what may follow, e.g. the statuses after "status:".
}

bool FilterBar::validate()
{
    m_errorTimer->stop();
    const QString text = this->text();
    std::optional<FilterError> error;
    if (!text.trimmed().isEmpty()) {
        FilterParse parse = parseFilter(text);
        if (!parse.good())
            error = parse.error;
        else if (m_compileCheck)
            error = m_compileCheck(text);
    }
    showError(error);
    updateButtons();
    return !error;
}

void FilterBar::showError(const std::optional<FilterError> &error)
{
    m_error = error;
    if (!error) {
        m_highlighter->setErrorSpan(0, 0);
        m_highlighter->setShowErrors(true);
        m_errorLabel->clear();
        m_errorLabel->hide();
        return;
    }
    const auto [start, length] = errorSpan(text(), error->position);
    m_highlighter->setErrorSpan(start, length);
    m_highlighter->setShowErrors(true);
    QString message = tr("column %1: %2", "filter error: column, message")
                          .arg(error->position + 1)
                          .arg(error->message);
    if (!error->suggestion.isEmpty())
        message = tr("%1 — did you mean \"%2\"?", "filter error, suggestion")
                      .arg(message, error->suggestion);
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

void FilterBar::updateButtons()
{
    const QString text = this->text();
    const bool empty = text.trimmed().isEmpty();
    m_clearButton->setEnabled(!empty);
    m_saveButton->setEnabled(!empty && !m_error && parseFilter(text).good());
}

void FilterBar::updateColors()
{
    m_highlighter->setPalette(m_edit->palette());
    QPalette labelPalette = m_errorLabel->palette();
    labelPalette.setColor(QPalette::WindowText, FilterHighlighter::errorColor(palette()));
    m_errorLabel->setPalette(labelPalette);
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::ShortcutOverride: {
        // The window's shortcuts must not take the keys the editor and its popup need.
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool popup = isCompletionVisible();
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
            (popup && (key->key() == Qt::Key_Escape || key->key() == Qt::Key_Tab ||
                       key->key() == Qt::Key_Up || key->key() == Qt::Key_Down))) {
            event->accept();
            return true;
        }
        break;
    }
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isCompletionVisible()) {
            switch (key->key()) {
            case Qt::Key_Up:
                moveCompletion(-1);
                return true;
            case Qt::Key_Down:
                moveCompletion(1);
                return true;
            case Qt::Key_PageUp:
                moveCompletion(-kMaxVisibleCompletions);
                return true;
            case Qt::Key_PageDown:
                moveCompletion(kMaxVisibleCompletions);
                return true;
            case Qt::Key_Tab:
            case Qt::Key_Return:
            case Qt::Key_Enter:
                acceptCompletion(m_popup->currentIndex().isValid() ? m_popup->currentIndex().row()
                                                                   : 0);
                return true;
            case Qt::Key_Escape:
                hideCompletions();
                return true;
            default:
                break;
            }
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            apply();
            return true; // never a line break
        }
        if (key->key() == Qt::Key_Space && (key->modifiers() & Qt::ControlModifier)) {
            updateCompletions(true);
            return true;
        }
        if (key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier) {
            updateCompletions(true);
            return true;
        }
        break;
    }
    case QEvent::FocusOut:
        hideCompletions();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColors();
}

void FilterBar::hideEvent(QHideEvent *event)
{
    hideCompletions();
    QWidget::hideEvent(event);
}

} // namespace Pult
