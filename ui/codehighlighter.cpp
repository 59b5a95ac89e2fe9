#include "codehighlighter.h"

#include <QFontDatabase>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace Pult {

namespace {

// The block property that marks a code line; its value is the snippet's language.
constexpr int CodeLanguageProperty = QTextFormat::UserProperty + 0x70;

void setMonospace(QTextDocument *document)
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QTextCharFormat monospace;
    monospace.setFontFamilies(QStringList{fixed.family()});
    monospace.setFontFixedPitch(true);
    monospace.setFontStyleHint(QFont::Monospace);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (!CodeHighlighter::isCode(block.blockFormat()))
            continue;
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(monospace);
        cursor.mergeBlockCharFormat(monospace);
    }
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

} // namespace Pult

#if defined(PULT_HAVE_KSYNTAXHIGHLIGHTING)

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QHash>
#include <QSyntaxHighlighter>
#include <QTextBlockUserData>

namespace Pult::Internal {

namespace KSH = KSyntaxHighlighting;

// The highlighting state at the end of a code line, so the next line of the snippet continues
// from it (a comment or string spanning lines).
class LineState : public QTextBlockUserData
{
public:
    KSH::State state;
};

// Highlights only the blocks marked as code, each snippet with the definition of its language.
// KSyntaxHighlighting's own SyntaxHighlighter uses one definition for a whole document; a
// conversation holds snippets in several languages between prose.
class SnippetHighlighter final : public QSyntaxHighlighter, public KSH::AbstractHighlighter
{
public:
    SnippetHighlighter(QTextDocument *document, const KSH::Repository &repository,
                       const KSH::Theme &theme)
        : QSyntaxHighlighter(document)
        , m_repository(repository)
    {
        setTheme(theme);
    }

protected:
    void highlightBlock(const QString &text) override
    {
        const QTextBlock block = currentBlock();
        if (!CodeHighlighter::isCode(block.blockFormat()))
            return;
        const QString language = CodeHighlighter::language(block.blockFormat());
        const KSH::Definition definition = definitionFor(language);
        if (!definition.isValid())
            return;
        if (this->definition() != definition)
            setDefinition(definition);

        // Continue from the previous line only within the same snippet.
        KSH::State state;
        const QTextBlock previous = block.previous();
        if (previous.isValid() && CodeHighlighter::isCode(previous.blockFormat()) &&
            CodeHighlighter::language(previous.blockFormat()) == language &&
            QTextCursor(previous).currentFrame() == QTextCursor(block).currentFrame()) {
            if (const auto *data = dynamic_cast<const LineState *>(previous.userData()))
                state = data->state;
        }
        state = highlightLine(text, state);
        auto *data = dynamic_cast<LineState *>(currentBlockUserData());
        if (!data) {
            data = new LineState;
            setCurrentBlockUserData(data);
        }
        data->state = state;
    }

    void applyFormat(int offset, int length, const KSH::Format &style) override
    {
        if (length == 0 || style.isDefaultTextStyle(theme()))
            return;
        QTextCharFormat format;
        if (style.hasTextColor(theme()))
            format.setForeground(style.textColor(theme()));
        if (style.hasBackgroundColor(theme()))
            format.setBackground(style.backgroundColor(theme()));
        if (style.isBold(theme()))
            format.setFontWeight(QFont::Bold);
        if (style.isItalic(theme()))
            format.setFontItalic(true);
        if (style.isUnderline(theme()))
            format.setFontUnderline(true);
        if (style.isStrikeThrough(theme()))
            format.setFontStrikeOut(true);
        setFormat(offset, length, format);
    }

private:
    KSH::Definition definitionFor(const QString &language)
    {
        auto it = m_definitions.constFind(language);
        if (it != m_definitions.constEnd())
            return *it;
        KSH::Definition definition;
        if (!language.isEmpty()) {
            static const QHash<QString, QString> aliases{
                {QStringLiteral("log"), QStringLiteral("Log File (simplified)")},
                {QStringLiteral("console"), QStringLiteral("Bash")},
                {QStringLiteral("shell"), QStringLiteral("Bash")},
            };
            definition =
                m_repository.definitionForName(aliases.value(language.toLower(), language));
            if (!definition.isValid())
                definition =
                    m_repository.definitionForFileName(QStringLiteral("snippet.") + language);
        }
        m_definitions.insert(language, definition);
        return definition;
    }

    const KSH::Repository &m_repository;
    QHash<QString, KSH::Definition> m_definitions;
};

struct HighlightEngine
{
    static constexpr bool colours = true;
    KSH::Repository repository; // loads every syntax definition: made once per CodeHighlighter

    void highlight(QTextDocument *document, bool dark)
    {
        auto *highlighter = document->findChild<SnippetHighlighter *>();
        if (!highlighter) {
            highlighter =
                new SnippetHighlighter(document, repository,
                                       repository.defaultTheme(dark ? KSH::Repository::DarkTheme
                                                                    : KSH::Repository::LightTheme));
        }
        highlighter->rehighlight();
    }
};

} // namespace Pult::Internal

#else // without KSyntaxHighlighting: the monospace font is all

namespace Pult::Internal {

struct HighlightEngine
{
    static constexpr bool colours = false;
    void highlight(QTextDocument *, bool) {}
};

} // namespace Pult::Internal

#endif

namespace Pult {

struct CodeHighlighter::Private
{
    Internal::HighlightEngine engine;
};

CodeHighlighter::CodeHighlighter()
    : d(std::make_unique<Private>())
{}

CodeHighlighter::~CodeHighlighter() = default;

bool CodeHighlighter::isSyntaxHighlightingAvailable()
{
    return Internal::HighlightEngine::colours;
}

void CodeHighlighter::markAsCode(QTextBlockFormat &format, const QString &language)
{
    format.setProperty(CodeLanguageProperty, language);
}

bool CodeHighlighter::isCode(const QTextBlockFormat &format)
{
    return format.hasProperty(CodeLanguageProperty);
}

QString CodeHighlighter::language(const QTextBlockFormat &format)
{
    return format.stringProperty(CodeLanguageProperty);
}

void CodeHighlighter::highlight(QTextDocument *document, const QPalette &palette)
{
    if (!document)
        return;
    setMonospace(document);
    d->engine.highlight(document, isDark(palette));
}

} // namespace Pult
