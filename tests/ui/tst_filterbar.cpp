// FilterBar: the inbox's one-line filter editor, with highlighting, completion, inline errors
// and the signals the window acts on.

#include "filterbar.h"
#include "filterhighlighter.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace Pult;

namespace {

// The format the highlighter gave the character at position.
QTextCharFormat formatAt(const FilterBar &bar, int position)
{
    const QTextBlock block = bar.editor()->document()->firstBlock();
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.start <= position && position < range.start + range.length)
            return range.format;
    }
    return {};
}

QColor colorAt(const FilterBar &bar, int position)
{
    return formatAt(bar, position).foreground().color();
}

QColor kindColor(const FilterBar &bar, FilterTokenKind kind)
{
    return FilterHighlighter::formatFor(kind, bar.editor()->palette()).foreground().color();
}

QStringList popupLabels(const FilterBar &bar)
{
    QStringList labels;
    const QAbstractItemModel *model = bar.completionPopup()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        labels << model->index(row, 0).data().toString();
    return labels;
}

// Moves the popup's current row to the label and accepts it with the key.
bool acceptCompletion(FilterBar &bar, const QString &label, Qt::Key key = Qt::Key_Tab)
{
    const QStringList labels = popupLabels(bar);
    const int row = int(labels.indexOf(label));
    if (row < 0)
        return false;
    for (int i = 0; i < row; ++i)
        QTest::keyClick(bar.editor(), Qt::Key_Down);
    if (bar.completionPopup()->currentIndex().row() != row)
        return false;
    QTest::keyClick(bar.editor(), key);
    return true;
}

} // namespace

class FilterBarTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void highlightsEveryKindOfToken();
    void formatsAreDistinctAndFollowThePalette();
    void completesFieldNames();
    void offersStatusesAfterTheField();
    void quotesNamesWithSpaces();
    void escapeClosesThePopupAndEnterAcceptsFromIt();
    void showsAnInvalidFilterInline_data();
    void showsAnInvalidFilterInline();
    void errorsWaitUntilTypingPauses();
    void enterAppliesAValidFilter();
    void enterRefusesAnInvalidFilter();
    void enterOnEmptyTextClears();
    void compileCheckErrorsAreShown();
    void saveRequestedForAFilterThatParses();
    void staysOneLine();
    void everyControlHasAnAccessibleName();

private:
    std::unique_ptr<FilterBar> m_bar;
};

void FilterBarTest::init()
{
    m_bar = std::make_unique<FilterBar>();
    FilterVocabulary vocabulary;
    vocabulary.departments = {QStringLiteral("Billing"), QStringLiteral("Technical support")};
    vocabulary.tags = {QStringLiteral("vip"), QStringLiteral("spam")};
    vocabulary.agents = {QStringLiteral("Ana Kovač")};
    vocabulary.agentEmails = {QStringLiteral("ana@example.com")};
    m_bar->setVocabulary(vocabulary);
    m_bar->resize(600, m_bar->sizeHint().height());
    m_bar->show();
    QVERIFY(QTest::qWaitForWindowActive(m_bar.get()));
    m_bar->focusEditor();
    QVERIFY(m_bar->editor()->hasFocus());
}

void FilterBarTest::cleanup()
{
    m_bar.reset();
}

void FilterBarTest::highlightsEveryKindOfToken()
{
    FilterBar &bar = *m_bar;
    const QString text =
        QStringLiteral("-tag:spam status:open \"account locked\" invoice priority>=high");
    bar.setText(text);
    QVERIFY(!bar.error());

    auto at = [&text](const QString &part) { return int(text.indexOf(part)); };
    const struct
    {
        int position;
        int length;
        FilterTokenKind kind;
    } expected[] = {
        {0, 1, FilterTokenKind::Negation},
        {at(QStringLiteral("tag")), 3, FilterTokenKind::Field},
        {at(QStringLiteral(":spam")), 1, FilterTokenKind::Operator},
        {at(QStringLiteral("spam")), 4, FilterTokenKind::Value},
        {at(QStringLiteral("status")), 6, FilterTokenKind::Field},
        {at(QStringLiteral("open")), 4, FilterTokenKind::Value},
        {at(QStringLiteral("\"account")), 16, FilterTokenKind::Phrase},
        {at(QStringLiteral("invoice")), 7, FilterTokenKind::Word},
        {at(QStringLiteral("priority")), 8, FilterTokenKind::Field},
        {at(QStringLiteral(">=")), 2, FilterTokenKind::Operator},
        {at(QStringLiteral("high")), 4, FilterTokenKind::Value},
    };
    for (const auto &token : expected) {
        for (int i = token.position; i < token.position + token.length; ++i) {
            const QString where = QStringLiteral("at %1 (%2)").arg(i).arg(text.at(i));
            QVERIFY2(colorAt(bar, i) == kindColor(bar, token.kind), qPrintable(where));
            QVERIFY2(formatAt(bar, i).underlineStyle() != QTextCharFormat::WaveUnderline,
                     qPrintable(where));
        }
    }
    QCOMPARE(formatAt(bar, at(QStringLiteral("tag"))).fontWeight(), int(QFont::DemiBold));
}

void FilterBarTest::formatsAreDistinctAndFollowThePalette()
{
    const FilterTokenKind kinds[] = {FilterTokenKind::Field,  FilterTokenKind::Operator,
                                     FilterTokenKind::Value,  FilterTokenKind::Negation,
                                     FilterTokenKind::Phrase, FilterTokenKind::Word,
                                     FilterTokenKind::Error};
    QPalette light = QApplication::palette();
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xb4));
    light.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    QPalette dark = QApplication::palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Link, QColor(0x80, 0xb0, 0xff));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    for (const QPalette &palette : {light, dark}) {
        QList<QRgb> colors;
        for (FilterTokenKind kind : kinds) {
            const QColor color = FilterHighlighter::formatFor(kind, palette).foreground().color();
            QVERIFY2(
                !colors.contains(color.rgb()),
                qPrintable(QStringLiteral("kind %1 repeats %2").arg(int(kind)).arg(color.name())));
            colors << color.rgb();
        }
        // Readable on the base: the value and phrase colours follow the theme's lightness.
        const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
        for (FilterTokenKind kind : {FilterTokenKind::Value, FilterTokenKind::Phrase,
                                     FilterTokenKind::Negation, FilterTokenKind::Error}) {
            const int lightness =
                FilterHighlighter::formatFor(kind, palette).foreground().color().lightness();
            QVERIFY(darkBase ? lightness > 128 : lightness < 128);
        }
    }
    QCOMPARE(FilterHighlighter::formatFor(FilterTokenKind::Field, dark).foreground().color(),
             dark.color(QPalette::Link));
    const QTextCharFormat error = FilterHighlighter::formatFor(FilterTokenKind::Error, light);
    QCOMPARE(error.underlineStyle(), QTextCharFormat::WaveUnderline);
}

void FilterBarTest::completesFieldNames()
{
    FilterBar &bar = *m_bar;
    QVERIFY(!bar.isCompletionVisible());
    QTest::keyClicks(bar.editor(), QStringLiteral("sta"));
    QVERIFY(bar.isCompletionVisible());
    QVERIFY2(popupLabels(bar).contains(QStringLiteral("status:")),
             qPrintable(popupLabels(bar).join(u',')));
    QVERIFY(acceptCompletion(bar, QStringLiteral("status:")));
    QCOMPARE(bar.text(), QStringLiteral("status:"));
    QCOMPARE(bar.editor()->textCursor().position(), 7);

    // A negated field completes the same way and keeps its "-".
    bar.setText(QStringLiteral("status:open -pri"));
    QTest::keyClick(bar.editor(), Qt::Key_O);
    QVERIFY(bar.isCompletionVisible());
    QVERIFY(acceptCompletion(bar, popupLabels(bar).value(0)));
    QVERIFY2(bar.text().startsWith(QStringLiteral("status:open -prio")), qPrintable(bar.text()));
    QVERIFY(bar.text().startsWith(QStringLiteral("status:open -priority")));

    // A bare word that is no field's start is full-text search: no popup.
    bar.setText(QString());
    QTest::keyClicks(bar.editor(), QStringLiteral("xyz"));
    QVERIFY(!bar.isCompletionVisible());
}

void FilterBarTest::offersStatusesAfterTheField()
{
    FilterBar &bar = *m_bar;
    QTest::keyClicks(bar.editor(), QStringLiteral("status:"));
    QVERIFY(bar.isCompletionVisible());
    const QStringList labels = popupLabels(bar);
    for (const char *status : {"new", "open", "pending", "on-hold", "solved", "closed"})
        QVERIFY2(labels.contains(QLatin1String(status)), status);

    QVERIFY(acceptCompletion(bar, QStringLiteral("pending")));
    QCOMPARE(bar.text(), QStringLiteral("status:pending"));
    // What is typed already is not offered again.
    QVERIFY(!bar.isCompletionVisible());

    // After a comma, the other statuses.
    QTest::keyClick(bar.editor(), Qt::Key_Comma);
    QVERIFY(bar.isCompletionVisible());
    QVERIFY(!popupLabels(bar).contains(QStringLiteral("pending")));
    QVERIFY(acceptCompletion(bar, QStringLiteral("open")));
    QCOMPARE(bar.text(), QStringLiteral("status:pending,open"));

    // A space ends the term: no popup until something is typed (or Ctrl+Space).
    QTest::keyClick(bar.editor(), Qt::Key_Space);
    QVERIFY(!bar.isCompletionVisible());
    QTest::keyClick(bar.editor(), Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(bar.isCompletionVisible());
    QVERIFY(popupLabels(bar).contains(QStringLiteral("assignee:")));
}

void FilterBarTest::quotesNamesWithSpaces()
{
    FilterBar &bar = *m_bar;
    QTest::keyClicks(bar.editor(), QStringLiteral("dept:tech"));
    QVERIFY(bar.isCompletionVisible());
    QVERIFY(acceptCompletion(bar, QStringLiteral("Technical support")));
    QCOMPARE(bar.text(), QStringLiteral("dept:\"Technical support\""));
    QVERIFY(parseFilter(bar.text()).good());
}

void FilterBarTest::escapeClosesThePopupAndEnterAcceptsFromIt()
{
    FilterBar &bar = *m_bar;
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QTest::keyClicks(bar.editor(), QStringLiteral("stat"));
    QVERIFY(bar.isCompletionVisible());
    QTest::keyClick(bar.editor(), Qt::Key_Escape);
    QVERIFY(!bar.isCompletionVisible());
    QCOMPARE(bar.text(), QStringLiteral("stat"));

    // Down opens it again; Enter accepts the current suggestion and applies nothing.
    QTest::keyClick(bar.editor(), Qt::Key_Down);
    QVERIFY(bar.isCompletionVisible());
    QVERIFY(acceptCompletion(bar, QStringLiteral("status:"), Qt::Key_Return));
    QCOMPARE(bar.text(), QStringLiteral("status:"));
    QCOMPARE(applied.size(), 0);
    QCOMPARE(bar.editor()->document()->blockCount(), 1);

    // Clicking a suggestion accepts it too.
    QVERIFY(bar.isCompletionVisible());
    const QStringList labels = popupLabels(bar);
    const int row = int(labels.indexOf(QStringLiteral("solved")));
    QVERIFY(row >= 0);
    QListView *popup = bar.completionPopup();
    popup->scrollTo(popup->model()->index(row, 0));
    const QRect rect = popup->visualRect(popup->model()->index(row, 0));
    QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(bar.text(), QStringLiteral("status:solved"));
}

void FilterBarTest::showsAnInvalidFilterInline_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("spanStart");
    QTest::addColumn<int>("spanLength");
    QTest::newRow("unknown field") << QStringLiteral("tag:vip foo:bar")
                                   << QStringLiteral("column 9: unknown field \"foo\"") << 8 << 7;
    QTest::newRow("unknown status") << QStringLiteral("status:nonsense")
                                    << QStringLiteral("column 8: unknown status") << 7 << 8;
    QTest::newRow("near miss") << QStringLiteral("status:open prio>=high")
                               << QStringLiteral("column 13: unknown field \"prio\" — did you "
                                                 "mean \"priority\"?")
                               << 12 << 10;
    QTest::newRow("missing value")
        << QStringLiteral("status:") << QStringLiteral("column 8: status needs a value") << 0 << 7;
}

void FilterBarTest::showsAnInvalidFilterInline()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, spanStart);
    QFETCH(int, spanLength);
    FilterBar &bar = *m_bar;
    bar.setText(text);
    QVERIFY(bar.error());
    QVERIFY(bar.errorLabel()->isVisibleTo(&bar));
    QVERIFY2(bar.errorLabel()->text().startsWith(message), qPrintable(bar.errorLabel()->text()));
    for (int i = 0; i < int(text.size()); ++i) {
        const bool inSpan = i >= spanStart && i < spanStart + spanLength;
        const QTextCharFormat format = formatAt(bar, i);
        QVERIFY2((format.underlineStyle() == QTextCharFormat::WaveUnderline) == inSpan,
                 qPrintable(QStringLiteral("at %1").arg(i)));
        if (inSpan)
            QCOMPARE(format.foreground().color(), kindColor(bar, FilterTokenKind::Error));
    }

    // Fixing it takes the error away.
    bar.setText(QStringLiteral("status:open"));
    QVERIFY(!bar.error());
    QVERIFY(!bar.errorLabel()->isVisibleTo(&bar));
    QVERIFY(formatAt(bar, 0).underlineStyle() != QTextCharFormat::WaveUnderline);
}

void FilterBarTest::errorsWaitUntilTypingPauses()
{
    FilterBar &bar = *m_bar;
    bar.setErrorDelay(50);
    QTest::keyClicks(bar.editor(), QStringLiteral("foo:bar"));
    // Mid-typing, the half-written term is not shouted at.
    QVERIFY(!bar.errorLabel()->isVisibleTo(&bar));
    QVERIFY(formatAt(bar, 0).underlineStyle() != QTextCharFormat::WaveUnderline);
    QTRY_VERIFY(bar.errorLabel()->isVisibleTo(&bar));
    QVERIFY(bar.errorLabel()->text().startsWith(QStringLiteral("column 1: unknown field")));
    QCOMPARE(formatAt(bar, 0).underlineStyle(), QTextCharFormat::WaveUnderline);
    QCOMPARE(bar.error()->position, 0);

    // Typing again hides it until the next pause.
    QTest::keyClick(bar.editor(), Qt::Key_Backspace);
    QVERIFY(!bar.errorLabel()->isVisibleTo(&bar));
}

void FilterBarTest::enterAppliesAValidFilter()
{
    FilterBar &bar = *m_bar;
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QSignalSpy cleared(&bar, &FilterBar::cleared);
    bar.setText(QStringLiteral("status:open,pending assignee:me -tag:spam  "));
    QCOMPARE(applied.size(), 0); // setText applies nothing
    QTest::keyClick(bar.editor(), Qt::Key_Return);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().toString(),
             QStringLiteral("status:open,pending assignee:me -tag:spam"));
    QCOMPARE(cleared.size(), 0);
    QCOMPARE(bar.editor()->document()->blockCount(), 1); // no line break
    QVERIFY(!bar.text().contains(u'\n'));

    QTest::keyClick(bar.editor(), Qt::Key_Enter); // the keypad's Enter too
    QCOMPARE(applied.size(), 2);
}

void FilterBarTest::enterRefusesAnInvalidFilter()
{
    FilterBar &bar = *m_bar;
    bar.setErrorDelay(60000);
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QTest::keyClicks(bar.editor(), QStringLiteral("status:nonsense"));
    QVERIFY(!bar.errorLabel()->isVisibleTo(&bar));
    QTest::keyClick(bar.editor(), Qt::Key_Escape); // close any popup first
    QTest::keyClick(bar.editor(), Qt::Key_Return);
    QCOMPARE(applied.size(), 0);
    // Enter shows the error at once, without waiting for the pause.
    QVERIFY(bar.errorLabel()->isVisibleTo(&bar));
    QVERIFY(bar.errorLabel()->text().startsWith(QStringLiteral("column 8: ")));
    QVERIFY(!bar.apply());
}

void FilterBarTest::enterOnEmptyTextClears()
{
    FilterBar &bar = *m_bar;
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    QSignalSpy cleared(&bar, &FilterBar::cleared);
    bar.setText(QStringLiteral("   "));
    QTest::keyClick(bar.editor(), Qt::Key_Return);
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(applied.size(), 0);

    bar.setText(QStringLiteral("tag:vip"));
    QVERIFY(bar.clearButton()->isEnabled());
    bar.clearButton()->click();
    QCOMPARE(cleared.size(), 2);
    QVERIFY(bar.text().isEmpty());
    QVERIFY(!bar.clearButton()->isEnabled());
}

void FilterBarTest::compileCheckErrorsAreShown()
{
    FilterBar &bar = *m_bar;
    QStringList checked;
    bar.setCompileCheck([&checked](const QString &text) -> std::optional<FilterError> {
        checked << text;
        if (text.contains(QStringLiteral("billng")))
            return FilterError{int(text.indexOf(QStringLiteral("billng"))),
                               QStringLiteral("no department is called \"billng\""),
                               QStringLiteral("Billing")};
        return std::nullopt;
    });
    QSignalSpy applied(&bar, &FilterBar::filterApplied);
    bar.setText(QStringLiteral("tag:vip dept:billng"));
    QVERIFY(bar.errorLabel()->isVisibleTo(&bar));
    QCOMPARE(bar.errorLabel()->text(),
             QStringLiteral("column 14: no department is called \"billng\" — did you mean "
                            "\"Billing\"?"));
    QCOMPARE(formatAt(bar, 13).underlineStyle(), QTextCharFormat::WaveUnderline);
    QVERIFY(formatAt(bar, 12).underlineStyle() != QTextCharFormat::WaveUnderline);
    QVERIFY(!bar.saveButton()->isEnabled());
    QTest::keyClick(bar.editor(), Qt::Key_Return);
    QCOMPARE(applied.size(), 0);

    bar.setText(QStringLiteral("dept:billing"));
    QTest::keyClick(bar.editor(), Qt::Key_Return);
    QCOMPARE(applied.size(), 1);
    QVERIFY(checked.contains(QStringLiteral("dept:billing")));
    // Text the parser refuses never reaches the check.
    checked.clear();
    bar.setText(QStringLiteral("foo:bar"));
    QVERIFY(checked.isEmpty());
}

void FilterBarTest::saveRequestedForAFilterThatParses()
{
    FilterBar &bar = *m_bar;
    QSignalSpy saved(&bar, &FilterBar::saveRequested);
    QVERIFY(!bar.saveButton()->isEnabled()); // empty
    bar.setText(QStringLiteral("foo:bar"));
    QVERIFY(!bar.saveButton()->isEnabled());
    bar.setText(QStringLiteral(" tag:vip priority>=high "));
    QVERIFY(bar.saveButton()->isEnabled());
    bar.saveButton()->click();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toString(), QStringLiteral("tag:vip priority>=high"));

    // Typing keeps it in step with what parses.
    QTest::keyClicks(bar.editor(), QStringLiteral(" foo:"));
    QVERIFY(!bar.saveButton()->isEnabled());
}

void FilterBarTest::staysOneLine()
{
    FilterBar &bar = *m_bar;
    QPlainTextEdit *edit = bar.editor();
    QCOMPARE(edit->lineWrapMode(), QPlainTextEdit::NoWrap);
    QCOMPARE(edit->verticalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    QCOMPARE(edit->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    QVERIFY(edit->height() < 3 * edit->fontMetrics().lineSpacing());

    QApplication::clipboard()->setText(QStringLiteral("status:open\ntag:vip\r\n"));
    if (QApplication::clipboard()->text() != QStringLiteral("status:open\ntag:vip\r\n"))
        QSKIP("no clipboard on this platform");
    edit->paste();
    QCOMPARE(edit->document()->blockCount(), 1);
    QCOMPARE(bar.text().trimmed(), QStringLiteral("status:open tag:vip"));

    bar.setText(QStringLiteral("a\nb"));
    QCOMPARE(bar.text(), QStringLiteral("a b"));
}

void FilterBarTest::everyControlHasAnAccessibleName()
{
    FilterBar &bar = *m_bar;
    const QList<QWidget *> controls{bar.editor(), bar.saveButton(), bar.clearButton(),
                                    bar.errorLabel(), bar.completionPopup()};
    for (QWidget *control : controls)
        QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
    QVERIFY(!bar.editor()->placeholderText().isEmpty());
}

QTEST_MAIN(FilterBarTest)
#include "tst_filterbar.moc"
