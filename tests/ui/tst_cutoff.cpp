// Cut-off text in every language the window speaks (issue 21). English and then each embedded
// catalogue is installed as pult's main() installs it, with a fresh set of translators; the
// window opens at its default size (1280×800) on a small help desk, with a ticket open (reading
// pane, composer and the reply frame under it) and a notice of a refused change, and then the
// dialogs and panels it opens without a server: sign-in, waiting and refused changes, due date,
// reminder, assign, category, tags, merge, link, signature, save as a view (its name and who
// sees it), erase personal data, the canned response picker and the command palette; then the
// empty window (no tickets yet) and the damaged-store dialog shown before any window.
//
// On each, every visible text must fit the room its widget gives it: the text's advance
// (QFontMetricsF::horizontalAdvance, mnemonic '&' removed, rounded up) against the rectangle
// the style draws it in. Checked: QLabel (rich text laid out as a document; a word-wrapped one
// for a word or a <pre> line wider than the label, or more lines than fit), push, tool, check
// and radio buttons, QGroupBox titles, QTabBar tabs, QFormLayout labels (named by their field),
// header sections, placeholders of line edits (elided by QLineEdit when they do not fit) and of
// one-line text edits, and the menu bar's titles; and no window larger than the 1280×800 screen
// (a layout that needs more grows the window past the screen's edge). Not checked: what is
// elided by design, list cells painted by item delegates (the ticket list, the sidebar) and
// widgets whose horizontal size policy is Ignored.
//
// A failure is a warning per text, naming the language, the surface, the widget (class and
// object name, inside its named ancestors), the text and the pixels it needs against those it
// has; PULT_CUTOFF_VERBOSE=1 lists every text measured. docs/translations.md says how to fix one.

#include "agentsettings.h"
#include "cannedresponsepicker.h"
#include "cannedsettings.h"
#include "commandpalette.h"
#include "composer.h"
#include "departmentsettings.h"
#include "localization.h"
#include "mainwindow.h"
#include "paths.h"
#include "rulesettings.h"
#include "storeopener.h"
#include "syncsession.h"
#include "ticketlistmodel.h"
#include "uitestdata.h"
#include "viewsettings.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOption>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

#include <cmath>
#include <functional>

using namespace Pult;

namespace {

// MainWindow's size on a first start (no saved geometry), and the screen's in screenshot.sh.
constexpr QSize kDefaultSize(1280, 800);

// The style option a widget paints itself with: initStyleOption() is protected, its address is
// not (taken through a class derived from the widget's).
template<typename Widget, typename Option> struct Painted : Widget
{
    template<typename... Args> static Option option(const Widget *widget, Args... args)
    {
        Option option;
        (widget->*(&Painted::initStyleOption))(&option, args...);
        return option;
    }
};

// Text as buttons, tabs and labels with a buddy draw it: "&Reply" shows "Reply", "&&" one '&'.
QString withoutMnemonics(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'&')
            shown.append(text.at(i));
        else if (i + 1 < text.size() && text.at(i + 1) == u'&')
            shown.append(text.at(++i));
    }
    return shown;
}

// The widest line of text, in whole pixels: the advance is fractional, and text a fraction of
// a pixel wider than its room loses its last letters to an ellipsis where Qt elides it.
int widthOf(const QFont &font, const QString &text)
{
    const QFontMetricsF metrics(font);
    qreal widest = 0;
    for (const QString &line : text.split(u'\n'))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    return int(std::ceil(widest));
}

// Collects what does not fit on the surfaces it is shown.
class CutoffCheck
{
public:
    explicit CutoffCheck(QString language)
        : m_language(std::move(language))
    {}

    // Checks the visible widgets of top's window (not those of other windows it owns).
    void check(QWidget *top, const QString &surface)
    {
        // Layouts done, and a window that grew for them resized (a top-level's new size comes
        // back from the platform).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        m_surface = surface;
        m_formFields.clear();
        const int before = m_checked;
        for (QFormLayout *form : top->findChildren<QFormLayout *>()) {
            for (int row = 0; row < form->rowCount(); ++row) {
                QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
                QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
                if (label && label->widget() && field && field->widget())
                    m_formFields.insert(label->widget(), field->widget());
            }
        }
        QList<QWidget *> widgets = top->findChildren<QWidget *>();
        widgets.prepend(top);
        for (QWidget *widget : std::as_const(widgets)) {
            if (!widget->isVisible() || widget->window() != top->window())
                continue;
            if (widget->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
                continue; // allowed to be narrower than its content: clipped or elided by design
            if (auto *label = qobject_cast<QLabel *>(widget))
                checkLabel(label);
            else if (auto *button = qobject_cast<QPushButton *>(widget))
                checkPushButton(button);
            else if (auto *button = qobject_cast<QToolButton *>(widget))
                checkToolButton(button);
            else if (auto *box = qobject_cast<QCheckBox *>(widget))
                checkIndicatorButton(box, QStyle::SE_CheckBoxContents,
                                     Painted<QCheckBox, QStyleOptionButton>::option(box));
            else if (auto *radio = qobject_cast<QRadioButton *>(widget))
                checkIndicatorButton(radio, QStyle::SE_RadioButtonContents,
                                     Painted<QRadioButton, QStyleOptionButton>::option(radio));
            else if (auto *group = qobject_cast<QGroupBox *>(widget))
                checkGroupBox(group);
            else if (auto *tabs = qobject_cast<QTabBar *>(widget))
                checkTabBar(tabs);
            else if (auto *header = qobject_cast<QHeaderView *>(widget))
                checkHeader(header);
            else if (auto *edit = qobject_cast<QLineEdit *>(widget))
                checkLineEdit(edit);
            else if (auto *edit = qobject_cast<QPlainTextEdit *>(widget))
                checkPlaceholder(edit, edit->placeholderText(), edit->toPlainText().isEmpty(),
                                 int(edit->document()->documentMargin()));
            else if (auto *edit = qobject_cast<QTextEdit *>(widget))
                checkPlaceholder(edit, edit->placeholderText(), edit->document()->isEmpty(),
                                 int(edit->document()->documentMargin()));
            else if (auto *bar = qobject_cast<QMenuBar *>(widget))
                checkMenuBar(bar);
        }
        if (top->isWindow())
            checkScreen(top);
        if (m_checked == before)
            m_findings.append(QStringLiteral("%1, %2: no text was checked; is it shown?")
                                  .arg(m_language, m_surface));
    }

    // Lists each finding (a failure message would be cut short after 1,000 characters).
    bool passed() const
    {
        for (const QString &finding : m_findings)
            qWarning("cut off: %s", qPrintable(finding));
        return m_findings.isEmpty();
    }
    int checked() const { return m_checked; }

private:
    // "QPushButton 'signInButton' in emptyPage/mainWindow"
    QString nameOf(const QWidget *widget) const
    {
        QString name = QString::fromLatin1(widget->metaObject()->className());
        if (const QWidget *field = m_formFields.value(widget))
            name = QStringLiteral("form label of '%1'").arg(field->objectName());
        else if (!widget->objectName().isEmpty())
            name += QStringLiteral(" '%1'").arg(widget->objectName());
        QStringList within;
        for (const QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
            if (!p->objectName().isEmpty() && !p->objectName().startsWith(u"qt_"))
                within.append(p->objectName());
        }
        if (!within.isEmpty())
            name += QStringLiteral(" in ") + within.join(u'/');
        return name;
    }

    // A window whose contents need more than the screen the screenshots are taken on (Xvfb's
    // 1280×800, MainWindow's default size) grows past its edges instead of cutting text off:
    // the texts off that screen are named.
    void checkScreen(QWidget *window)
    {
        ++m_checked;
        const QRect screen(QPoint(), kDefaultSize);
        if (screen.contains(window->rect()))
            return;
        QStringList outside;
        for (QWidget *widget : window->findChildren<QWidget *>()) {
            const auto *label = qobject_cast<QLabel *>(widget);
            const auto *button = qobject_cast<QAbstractButton *>(widget);
            const QString text = label ? label->text() : button ? button->text() : QString();
            if (widget->isVisible() && !text.isEmpty() &&
                !screen.contains(QRect(widget->mapTo(window, QPoint()), widget->size())))
                outside.append(QStringLiteral("%1 “%2”").arg(nameOf(widget), text));
        }
        m_findings.append(QStringLiteral("%1, %2: %3×%4 to fit its contents, larger than a %5×%6 "
                                         "screen; past its edges: %7")
                              .arg(m_language, m_surface)
                              .arg(window->width())
                              .arg(window->height())
                              .arg(kDefaultSize.width())
                              .arg(kDefaultSize.height())
                              .arg(outside.join(QStringLiteral(", "))));
    }

    void measure(const QWidget *widget, const QString &what, const QString &text, QSize needed,
                 QSize room)
    {
        ++m_checked;
        if (qEnvironmentVariableIsSet("PULT_CUTOFF_VERBOSE"))
            qInfo("%s, %s: %s%s \"%s\": %dx%d in %dx%d", qPrintable(m_language),
                  qPrintable(m_surface), qPrintable(nameOf(widget)), qPrintable(what),
                  qPrintable(text), needed.width(), needed.height(), room.width(), room.height());
        if (needed.width() <= room.width() && needed.height() <= room.height())
            return;
        const bool wide = needed.width() > room.width();
        fail(widget, what, text,
             QStringLiteral("needs %1 px %2, has %3")
                 .arg(wide ? needed.width() : needed.height())
                 .arg(wide ? QStringLiteral("wide") : QStringLiteral("high"))
                 .arg(wide ? room.width() : room.height()));
    }
    void fail(const QWidget *widget, const QString &what, const QString &text, const QString &why)
    {
        m_findings.append(QStringLiteral("%1, %2: %3%4 cuts off “%5”: %6")
                              .arg(m_language, m_surface, nameOf(widget), what, text, why));
    }
    void measureWidth(const QWidget *widget, const QString &what, const QString &text, int needed,
                      int room)
    {
        measure(widget, what, text, QSize(needed, 0), QSize(room, 0));
    }

    void checkLabel(QLabel *label)
    {
        if (label->text().isEmpty())
            return;
        // The rectangle QLabel lays its text out in: contents, margin, indent.
        QRect room = label->contentsRect();
        const int margin = label->margin();
        room.adjust(margin, margin, -margin, -margin);
        int indent = label->indent();
        if (indent < 0 && label->frameWidth())
            indent = label->fontMetrics().horizontalAdvance(u'x') / 2 - margin;
        if (indent > 0) {
            const Qt::Alignment align =
                QStyle::visualAlignment(label->layoutDirection(), label->alignment());
            if (align & Qt::AlignLeft)
                room.setLeft(room.left() + indent);
            if (align & Qt::AlignRight)
                room.setRight(room.right() - indent);
        }
        const bool rich =
            label->textFormat() == Qt::RichText ||
            (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
        const bool wraps = label->wordWrap();
        QSize needed;
        QString shown = label->text();
        if (rich) {
            // Laid out as QLabel lays it out: a document without margins, as wide as the room
            // when the label wraps (a word or a <pre> line wider than that still is).
            QTextDocument document;
            document.setDefaultFont(label->font());
            document.setDocumentMargin(0);
            document.setHtml(label->text());
            if (wraps)
                document.setTextWidth(room.width());
            shown = document.toPlainText();
            needed = QSize(int(std::ceil(document.idealWidth())),
                           int(std::ceil(document.size().height())));
        } else {
            // A label shows its mnemonic only with a buddy; without one '&' is drawn as is.
            if (label->buddy())
                shown = withoutMnemonics(shown);
            const QFontMetrics metrics = label->fontMetrics();
            const QRect laidOut = metrics.boundingRect(
                QRect(0, 0, wraps ? room.width() : QWIDGETSIZE_MAX, QWIDGETSIZE_MAX),
                Qt::TextExpandTabs | (wraps ? Qt::TextWordWrap : 0), shown);
            needed =
                QSize(wraps ? laidOut.width() : widthOf(label->font(), shown), laidOut.height());
        }
        measure(label, wraps ? QStringLiteral(" (word-wrapped)") : QString(), shown, needed,
                room.size());
    }

    void checkPushButton(QPushButton *button)
    {
        if (button->text().isEmpty())
            return;
        const auto option = Painted<QPushButton, QStyleOptionButton>::option(button);
        const QStyle *style = button->style();
        int room = style->subElementRect(QStyle::SE_PushButtonContents, &option, button).width();
        if (!option.icon.isNull())
            room -= option.iconSize.width() + 4; // QCommonStyle's CE_PushButtonLabel
        if (option.features & QStyleOptionButton::HasMenu)
            room -= style->pixelMetric(QStyle::PM_MenuButtonIndicator, &option, button);
        const QString shown = withoutMnemonics(button->text());
        measureWidth(button, QString(), shown, widthOf(button->font(), shown), room);
    }

    void checkToolButton(QToolButton *button)
    {
        const auto option = Painted<QToolButton, QStyleOptionToolButton>::option(button);
        // QCommonStyle's CE_ToolButtonLabel: the text shows beside or under an icon, alone
        // when asked to or when there is no icon.
        const bool hasArrow = option.features & QStyleOptionToolButton::Arrow;
        const bool textShown =
            !option.text.isEmpty() && ((option.icon.isNull() && !hasArrow) ||
                                       option.toolButtonStyle == Qt::ToolButtonTextOnly ||
                                       option.toolButtonStyle == Qt::ToolButtonTextBesideIcon ||
                                       option.toolButtonStyle == Qt::ToolButtonTextUnderIcon);
        if (!textShown)
            return;
        const QStyle *style = button->style();
        const int frame = style->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, button);
        int room =
            style->subControlRect(QStyle::CC_ToolButton, &option, QStyle::SC_ToolButton, button)
                .width() -
            2 * frame;
        if (option.toolButtonStyle == Qt::ToolButtonTextBesideIcon &&
            (!option.icon.isNull() || hasArrow))
            room -= option.iconSize.width() + 4;
        if ((option.features & QStyleOptionToolButton::HasMenu) &&
            !(option.features & QStyleOptionToolButton::MenuButtonPopup))
            room -= style->pixelMetric(QStyle::PM_MenuButtonIndicator, &option, button);
        const QString shown = withoutMnemonics(option.text);
        measureWidth(button, QString(), shown, widthOf(button->font(), shown), room);
    }

    void checkIndicatorButton(QAbstractButton *button, QStyle::SubElement contents,
                              const QStyleOptionButton &option)
    {
        if (button->text().isEmpty())
            return;
        int room = button->style()->subElementRect(contents, &option, button).width();
        if (!option.icon.isNull())
            room -= option.iconSize.width() + 4;
        const QString shown = withoutMnemonics(button->text());
        measureWidth(button, QString(), shown, widthOf(button->font(), shown), room);
    }

    void checkGroupBox(QGroupBox *group)
    {
        if (group->title().isEmpty())
            return;
        const auto option = Painted<QGroupBox, QStyleOptionGroupBox>::option(group);
        const QRect label = group->style()->subControlRect(QStyle::CC_GroupBox, &option,
                                                           QStyle::SC_GroupBoxLabel, group);
        // The style sizes the title's rectangle to the text; the box may not have that room.
        const QRect room = label.intersected(group->rect());
        const QString shown = withoutMnemonics(group->title());
        measureWidth(group, QStringLiteral(" title"), shown, widthOf(group->font(), shown),
                     std::min(room.width(), label.width()));
    }

    void checkTabBar(QTabBar *tabs)
    {
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabVisible(i) || tabs->tabText(i).isEmpty())
                continue;
            const auto option = Painted<QTabBar, QStyleOptionTab>::option(tabs, i);
            const QRect text =
                tabs->style()->subElementRect(QStyle::SE_TabBarTabText, &option, tabs);
            const QString shown = withoutMnemonics(tabs->tabText(i));
            measureWidth(tabs, QStringLiteral(" tab %1").arg(i), shown,
                         widthOf(tabs->font(), shown), text.width());
        }
    }

    void checkHeader(QHeaderView *header)
    {
        const QAbstractItemModel *model = header->model();
        if (!model)
            return;
        const bool horizontal = header->orientation() == Qt::Horizontal;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int section = header->logicalIndex(visual);
            if (header->isSectionHidden(section) || header->sectionSize(section) == 0)
                continue;
            const QString text =
                model->headerData(section, header->orientation(), Qt::DisplayRole).toString();
            if (text.isEmpty())
                continue;
            // The option QHeaderView::paintSection() gives the style, as far as the label's
            // rectangle depends on it.
            QStyleOptionHeader option;
            option.initFrom(header);
            option.section = section;
            option.orientation = header->orientation();
            option.text = text;
            option.textAlignment = header->defaultAlignment();
            option.rect = horizontal ? QRect(0, 0, header->sectionSize(section), header->height())
                                     : QRect(0, 0, header->width(), header->sectionSize(section));
            if (horizontal)
                option.state |= QStyle::State_Horizontal;
            if (header->isSortIndicatorShown() && header->sortIndicatorSection() == section)
                option.sortIndicator = header->sortIndicatorOrder() == Qt::AscendingOrder
                                           ? QStyleOptionHeader::SortDown
                                           : QStyleOptionHeader::SortUp;
            QFont font = header->font();
            if (const QVariant f = model->headerData(section, header->orientation(), Qt::FontRole);
                f.canConvert<QFont>())
                font = qvariant_cast<QFont>(f).resolve(font);
            const QRect room =
                header->style()->subElementRect(QStyle::SE_HeaderLabel, &option, header);
            measureWidth(header, QStringLiteral(" section %1").arg(section), text,
                         widthOf(font, text), room.width());
        }
    }

    void checkLineEdit(QLineEdit *edit)
    {
        if (!edit->text().isEmpty() || edit->placeholderText().isEmpty())
            return;
        // QLineEdit::paintEvent: the contents, less the text margins and the side widgets
        // (the clear button), less a margin of 2 px on each side.
        const auto option = Painted<QLineEdit, QStyleOptionFrame>::option(edit);
        QRect room = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
        room.adjust(edit->textMargins().left(), 0, -edit->textMargins().right(), 0);
        for (const QWidget *side : edit->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (!side->isVisibleTo(edit))
                continue;
            if (side->geometry().center().x() > edit->rect().center().x())
                room.setRight(std::min(room.right(), side->x() - 1));
            else
                room.setLeft(std::max(room.left(), side->geometry().right() + 1));
        }
        // QLineEdit elides the placeholder to the room: by an ellipsis a fraction of a pixel
        // too wide.
        const int width = room.width() - 4;
        const QString placeholder = edit->placeholderText();
        const bool elided =
            edit->fontMetrics().elidedText(placeholder, Qt::ElideRight, width) != placeholder;
        measureWidth(edit, QStringLiteral(" placeholder"), placeholder,
                     std::max(widthOf(edit->font(), placeholder), elided ? width + 1 : 0), width);
    }

    // Text edits draw the placeholder word-wrapped at the top of the viewport: one only as high
    // as a line loses what wraps.
    void checkPlaceholder(QAbstractScrollArea *edit, const QString &placeholder, bool empty,
                          int margin)
    {
        if (!empty || placeholder.isEmpty())
            return;
        const QRect room = edit->viewport()->rect().adjusted(margin, margin, -margin, -margin);
        const QRect needed =
            edit->fontMetrics().boundingRect(QRect(0, 0, room.width(), QWIDGETSIZE_MAX),
                                             Qt::AlignTop | Qt::TextWordWrap, placeholder);
        measure(edit, QStringLiteral(" placeholder"), placeholder,
                QSize(std::min(needed.width(), room.width()), needed.height()), room.size());
    }

    // Menu titles that do not fit go behind the menu bar's » button.
    void checkMenuBar(QMenuBar *bar)
    {
        const auto *extension = bar->findChild<QWidget *>(QStringLiteral("qt_menubar_ext_button"));
        for (QAction *action : bar->actions()) {
            if (!action->isVisible() || action->isSeparator())
                continue;
            const QRect title = bar->actionGeometry(action);
            const bool shown =
                title.isValid() && bar->rect().contains(title) &&
                !(extension && extension->isVisible() && extension->geometry().intersects(title));
            const QString text = withoutMnemonics(action->text());
            measureWidth(bar, QStringLiteral(" menu"), text, widthOf(bar->font(), text),
                         shown ? title.width() : 0);
        }
    }

    QString m_language;
    QString m_surface;
    QHash<const QWidget *, const QWidget *> m_formFields; // label -> field
    QStringList m_findings;
    int m_checked = 0;
};

} // namespace

class CutoffTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void window_data() { languages(); }
    void window();
    void emptyWindow_data() { languages(); }
    void emptyWindow();
    void damagedStore_data() { languages(); }
    void damagedStore();

private:
    static void languages();
    // The window on the test's help desk, shown at its default size with fresh settings.
    std::unique_ptr<MainWindow> showWindow(LocalStore &store, const QString &home);
    // Runs open(), which shows modal dialogs one after another, each waiting in its exec():
    // each is checked as soon as it shows, then answered (answer(dialog, n) for the n-th; by
    // default it is cancelled). Returns how many showed.
    int checkModals(CutoffCheck &check, const QString &surface, const std::function<void()> &open,
                    const std::function<void(QDialog *, int)> &answer = {});

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    UiTest::Fixture m_fixture;
    QString m_language; // the row's: "en", "sl", ...
};

void CutoffTest::languages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    for (const QString &language : availableTranslations())
        QTest::newRow(qPrintable(language)) << language;
}

void CutoffTest::initTestCase()
{
    // The offscreen platform says so for every dialog; a failure is easier to read without.
    static const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (!message.startsWith(u"This plugin does not support"))
                previous(type, context, message);
        });
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_store = UiTest::openStore(m_dir.filePath(QStringLiteral("home/cache.db")));
    QVERIFY(m_store);
    m_fixture = UiTest::fillStore(*m_store, 6);
    // Signed in as an admin, so the admin's actions and dialogs are there too; the departments
    // frame replies, so the composer says so under the text.
    Agent admin{QUuid::createUuid(),
                QStringLiteral("Ana Marija Kovačević-Wiśniewska"),
                QStringLiteral("admin@example.com"),
                Role::Admin,
                {{m_fixture.billing.id, 1}, {m_fixture.technical.id, 2}}};
    QVERIFY(m_store->put(admin).good());
    QVERIFY(m_store->setCurrentAgent(admin.id).good());
    for (Department department : {m_fixture.billing, m_fixture.technical}) {
        department.replyHeader = QStringLiteral("Hello {{customer.first_name}},");
        department.replyFooter = QStringLiteral("Kind regards");
        QVERIFY(m_store->put(department).good());
    }
    QVERIFY(m_store
                ->put(UiTest::canned(QStringLiteral("Greeting"), QStringLiteral("hi"),
                                     QStringLiteral("Hello {{customer.first_name}}.")))
                .good());
}

void CutoffTest::init()
{
    QFETCH(QString, language);
    m_language = language;
    // A fresh set of translators per language, installed as main() installs the chosen one.
    qDeleteAll(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
    QCOMPARE(installTranslations(*qApp, language), language == u"en" ? QString() : language);
}

void CutoffTest::cleanup()
{
    qDeleteAll(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
    QLocale::setDefault(QLocale::system());
}

std::unique_ptr<MainWindow> CutoffTest::showWindow(LocalStore &store, const QString &home)
{
    const QString settingsFile =
        m_dir.filePath(QStringLiteral("%1-%2.ini").arg(QFileInfo(home).fileName(), m_language));
    QFile::remove(settingsFile);
    auto settings = std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    settings->setValue(QStringLiteral("composer/signature"), QStringLiteral("{{agent.name}}"));
    auto window = std::make_unique<MainWindow>(store, home, std::move(settings));
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !UiTest::windowSettled(*window))
        qWarning("the window did not show or load");
    return window;
}

int CutoffTest::checkModals(CutoffCheck &check, const QString &surface,
                            const std::function<void()> &open,
                            const std::function<void(QDialog *, int)> &answer)
{
    int shown = 0;
    QPointer<QWidget> last;
    QTimer poll;
    poll.setInterval(1);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog == last || !dialog->isVisible())
            return;
        last = dialog;
        check.check(dialog, surface + (shown ? QStringLiteral(" (%1)").arg(shown + 1) : QString()));
        if (answer)
            answer(dialog, shown);
        else
            dialog->reject();
        ++shown;
    });
    poll.start();
    open();
    return shown;
}

void CutoffTest::window()
{
    CutoffCheck check(m_language);
    auto window = showWindow(*m_store, m_dir.filePath(QStringLiteral("home")));
    if (m_language != u"en") // the catalogue is the one in use
        QVERIFY(window->menuBar()->actions().value(0)->text() != u"&File");

    // A ticket open: its row selected, the conversation and the composer with the reply frame.
    const QModelIndex lodz = window->ticketModel()->indexOf(m_fixture.lodzTicket.id);
    QVERIFY(lodz.isValid());
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    list->setCurrentIndex(lodz);
    QTRY_VERIFY(window->findChild<QLabel *>(QStringLiteral("replyFrame"))->isVisible());
    // A refused change, as the sync engine reports one.
    window->showRejection({QUuid::createUuid(),
                           QStringLiteral("take"),
                           m_fixture.lodzTicket.id,
                           QStringLiteral("already_taken"),
                           QStringLiteral("Boris Horvat took it first."),
                           QDateTime::currentDateTimeUtc(),
                           {}});
    check.check(window.get(), QStringLiteral("main window"));

    const auto action = [&](const char *name) {
        QAction *found = window->findChild<QAction *>(QLatin1String(name));
        if (!found)
            qWarning("no action %s", name);
        return found;
    };
    struct Opened
    {
        const char *action;
        const char *surface;
    };
    for (const Opened &opened :
         {Opened{"signIn", "sign-in dialog"}, Opened{"rejections", "changes dialog"},
          Opened{"due", "due date dialog"}, Opened{"reminder", "reminder dialog"},
          Opened{"assign", "assign dialog"}, Opened{"category", "category dialog"},
          Opened{"tags", "tags dialog"}, Opened{"merge", "merge dialog"},
          Opened{"link", "link dialog"}, Opened{"signature", "signature dialog"},
          Opened{"eraseRequester", "erase dialog"}}) {
        QAction *a = action(opened.action);
        QVERIFY(a && a->isEnabled() && a->isVisible());
        QCOMPARE(checkModals(check, QLatin1String(opened.surface), [a] { a->trigger(); }), 1);
    }

    // Save as a view: its name, then (for a lead or an admin) who sees it.
    auto *filter = window->findChild<QPlainTextEdit *>(QStringLiteral("filterEdit"));
    filter->setPlainText(QStringLiteral("status:open"));
    auto *save = window->findChild<QToolButton *>(QStringLiteral("saveFilterButton"));
    QCOMPARE(checkModals(
                 check, QStringLiteral("save as view dialog"), [save] { save->click(); },
                 [](QDialog *dialog, int n) {
                     if (auto *input = qobject_cast<QInputDialog *>(dialog); n == 0)
                         input->setTextValue(QStringLiteral("Open"));
                     n == 0 ? dialog->accept() : dialog->reject();
                 }),
             2);
    filter->clear();

    // The canned responses, a dialog of the composer's that does not wait in exec().
    action("cannedResponse")->trigger();
    CannedResponsePicker *picker = window->composer()->picker();
    QVERIFY(QTest::qWaitForWindowExposed(picker));
    check.check(picker, QStringLiteral("canned response picker"));
    picker->reject();

    auto *palette = window->findChild<CommandPalette *>();
    action("commandPalette")->trigger();
    QVERIFY(QTest::qWaitForWindowExposed(palette));
    check.check(palette, QStringLiteral("command palette"));
    palette->hide();

    // The Settings menu's windows (no server here: the parts read from it say they could not
    // be), each tab of the departments' shown in turn.
    DepartmentSettings *departments = window->showDepartmentSettings();
    QVERIFY(QTest::qWaitForWindowExposed(departments));
    auto *tabs = departments->findChild<QTabWidget *>();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        check.check(departments, QStringLiteral("department settings, tab %1").arg(i + 1));
    }
    departments->close();
    const std::initializer_list<std::pair<QDialog *, const char *>> pages{
        {window->showAgentSettings(), "agent settings"},
        {window->showCannedSettings(), "canned response settings"},
        {window->showViewSettings(), "shared view settings"},
        {window->showRuleSettings(), "rule settings"}};
    for (const auto &[page, surface] : pages) {
        QVERIFY(QTest::qWaitForWindowExposed(page));
        check.check(page, QLatin1String(surface));
        page->close();
    }

    qInfo("%s: %d texts checked", qPrintable(m_language), check.checked());
    QVERIFY2(check.passed(), "text is cut off (listed above)");
}

void CutoffTest::emptyWindow()
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("empty"));
    auto store = UiTest::openStore(storePath(home));
    QVERIFY(store);
    auto window = showWindow(*store, home);
    QTRY_VERIFY(window->findChild<QWidget *>(QStringLiteral("emptyPage"))->isVisible());
    CutoffCheck check(m_language);
    check.check(window.get(), QStringLiteral("empty window"));
    QVERIFY2(check.passed(), "text is cut off (listed above)");
}

void CutoffTest::damagedStore()
{
    QTemporaryDir dir;
    const QString home = dir.filePath(QStringLiteral("damaged"));
    QVERIFY(QDir().mkpath(home));
    QFile file(storePath(home));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x')); // not a database
    file.close();
    CutoffCheck check(m_language);
    QCOMPARE(checkModals(
                 check, QStringLiteral("damaged store dialog"),
                 [&] { QVERIFY(!StoreOpener::open(home).good()); },
                 [](QDialog *dialog, int) {
                     dialog->findChild<QAbstractButton *>(QStringLiteral("quit"))->click();
                 }),
             1);
    QVERIFY2(check.passed(), "text is cut off (listed above)");
}

QTEST_MAIN(CutoffTest)
#include "tst_cutoff.moc"
