#include "commandpalette.h"

#include "textfold.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QScreen>
#include <QSet>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Pult {

namespace {

constexpr int kVisibleRows = 10;
constexpr int kPadding = 8;
constexpr qint64 kMaxTicketDigits = 15;

// An action or menu text as shown: "&&" is a literal "&", a single "&" marks the mnemonic, and
// anything after a tab is an old-style shortcut hint.
QString plainText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\t')
            break;
        if (c == u'&') {
            // "&&" stays one "&"; the mnemonic marker goes.
            if (i + 1 < text.size() && text.at(i + 1) == u'&')
                out.append(text.at(++i));
            continue;
        }
        out.append(c);
    }
    return out.trimmed();
}

QMenu *firstMenuOf(const QAction *action)
{
    const QList<QObject *> objects = action->associatedObjects();
    for (QObject *object : objects) {
        if (auto *menu = qobject_cast<QMenu *>(object))
            return menu;
    }
    return nullptr;
}

// "Ticket › Status" for an action in the Status submenu of the Ticket menu.
QString menuPath(const QAction *action)
{
    QStringList path;
    QSet<const QMenu *> seen;
    for (const QMenu *menu = firstMenuOf(action); menu && !seen.contains(menu);
         menu = firstMenuOf(menu->menuAction())) {
        seen.insert(menu);
        const QString title = plainText(menu->title());
        if (!title.isEmpty())
            path.prepend(title);
    }
    return path.join(QStringLiteral(" \u203A "));
}

// How well the typed words match a candidate's words; -1 when one of them matches nowhere.
// Every typed word must start a word of the text (best when it is the whole word), appear
// inside one, or start a word of the detail (the menu); the text starting with what was typed
// scores highest.
int matchScore(const QStringList &typed, const QStringList &words, const QStringList &detailWords)
{
    int total = 0;
    for (const QString &part : typed) {
        int best = -1;
        for (const QString &word : words) {
            if (word.startsWith(part))
                best = std::max(best, word.size() == part.size() ? 4 : 3);
            else if (word.contains(part))
                best = std::max(best, 1);
        }
        if (best < 0) {
            for (const QString &word : detailWords) {
                if (word.startsWith(part))
                    best = 0;
            }
        }
        if (best < 0)
            return -1;
        total += best;
    }
    if (words.join(u' ').startsWith(typed.join(u' ')))
        total += 10;
    return total;
}

// Paints a row: the text, the menu it is in dimmed after it, the shortcut at the right.
class PaletteItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QString shortcut = index.data(CommandPaletteModel::ShortcutRole).toString();
        const QString detail = index.data(CommandPaletteModel::DetailRole).toString();
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                           : opt.state & QStyle::State_Active   ? QPalette::Active
                                                                              : QPalette::Inactive;
        const QColor textColor =
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        const QColor dimColor =
            selected ? textColor : opt.palette.color(group, QPalette::PlaceholderText);

        QRect rect = opt.rect.adjusted(kPadding, 0, -kPadding, 0);
        painter->save();
        painter->setFont(opt.font);
        if (!shortcut.isEmpty()) {
            const int width = opt.fontMetrics.horizontalAdvance(shortcut);
            painter->setPen(dimColor);
            painter->drawText(rect, Qt::AlignRight | Qt::AlignVCenter, shortcut);
            rect.setRight(rect.right() - width - 2 * kPadding);
        }
        const QString shownText = opt.fontMetrics.elidedText(text, Qt::ElideRight, rect.width());
        painter->setPen(textColor);
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, shownText);
        rect.setLeft(rect.left() + opt.fontMetrics.horizontalAdvance(shownText) + 2 * kPadding);
        if (!detail.isEmpty() && rect.width() > 0) {
            painter->setPen(dimColor);
            painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
                              opt.fontMetrics.elidedText(detail, Qt::ElideRight, rect.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + kPadding));
        return size;
    }
};

} // namespace

// ---- CommandPaletteModel ----

CommandPaletteModel::CommandPaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{}

CommandPaletteModel::~CommandPaletteModel() = default;

void CommandPaletteModel::setActions(const QList<QAction *> &actions)
{
    m_actions.clear();
    QSet<const QAction *> seen;
    for (QAction *action : actions) {
        if (action && !seen.contains(action)) {
            seen.insert(action);
            m_actions.append(action);
        }
    }
    refresh();
}

void CommandPaletteModel::setViews(QAbstractItemModel *model, int keyRole)
{
    m_views = model;
    m_viewKeyRole = keyRole;
    refresh();
}

void CommandPaletteModel::refresh()
{
    collect();
    filter();
}

void CommandPaletteModel::setQuery(const QString &text)
{
    m_query = text;
    filter();
}

void CommandPaletteModel::collect()
{
    QList<Candidate> candidates;
    int order = 0;
    for (const QPointer<QAction> &action : std::as_const(m_actions)) {
        if (!action || action->isSeparator() || action->menu() || !action->isVisible())
            continue;
        Candidate candidate;
        candidate.kind = ActionEntry;
        candidate.text = plainText(action->text());
        if (candidate.text.isEmpty())
            continue;
        candidate.shortcut = action->shortcut().toString(QKeySequence::NativeText);
        candidate.detail = menuPath(action);
        candidate.toolTip = action->statusTip();
        candidate.action = action;
        candidate.order = order++;
        candidate.words = searchTokens(candidate.text);
        candidate.detailWords = searchTokens(candidate.detail);
        candidates.append(std::move(candidate));
    }

    if (m_views) {
        const QString detail = tr("View", "a view of the sidebar, in the command palette");
        const QStringList detailWords = searchTokens(detail);
        const auto addRows = [&](const QModelIndex &parent, const auto &self) -> void {
            for (int row = 0; row < m_views->rowCount(parent); ++row) {
                const QModelIndex index = m_views->index(row, 0, parent);
                const QString key = index.data(m_viewKeyRole).toString();
                if ((index.flags() & Qt::ItemIsSelectable) && !key.isEmpty()) {
                    Candidate candidate;
                    candidate.kind = ViewEntry;
                    candidate.text = index.data(Qt::DisplayRole).toString();
                    candidate.detail = detail;
                    candidate.toolTip = index.data(Qt::ToolTipRole).toString();
                    candidate.viewKey = key;
                    candidate.order = order++;
                    candidate.words = searchTokens(candidate.text);
                    candidate.detailWords = detailWords;
                    candidates.append(std::move(candidate));
                }
                if (m_views->hasChildren(index))
                    self(index, self);
            }
        };
        addRows(QModelIndex(), addRows);
    }

    beginResetModel();
    m_candidates = std::move(candidates);
    m_rows.clear();
    endResetModel();
}

void CommandPaletteModel::filter()
{
    struct Ranked
    {
        int candidate;
        int score;
        bool enabled;
    };
    QList<Ranked> ranked;
    const QStringList typed = searchTokens(m_query);
    for (int i = 0; i < m_candidates.size(); ++i) {
        const Candidate &candidate = m_candidates.at(i);
        const int score =
            typed.isEmpty() ? 0 : matchScore(typed, candidate.words, candidate.detailWords);
        if (score < 0)
            continue;
        const bool enabled =
            candidate.kind != ActionEntry || (candidate.action && candidate.action->isEnabled());
        ranked.append({i, score, enabled});
    }
    // Runnable rows first, then the best matches, then (when something was typed) the shorter
    // text, then the given order.
    const bool typedSomething = !typed.isEmpty();
    std::stable_sort(ranked.begin(), ranked.end(), [&](const Ranked &a, const Ranked &b) {
        if (a.enabled != b.enabled)
            return a.enabled;
        if (a.score != b.score)
            return a.score > b.score;
        const qsizetype aWords = m_candidates.at(a.candidate).words.size();
        const qsizetype bWords = m_candidates.at(b.candidate).words.size();
        if (typedSomething && aWords != bWords)
            return aWords < bWords;
        return m_candidates.at(a.candidate).order < m_candidates.at(b.candidate).order;
    });

    beginResetModel();
    m_rows.clear();
    if (const qint64 ticket = ticketNumber(m_query); ticket > 0)
        m_rows.append({TicketEntry, -1, ticket});
    for (const Ranked &entry : std::as_const(ranked))
        m_rows.append({m_candidates.at(entry.candidate).kind, entry.candidate, 0});
    endResetModel();
}

qint64 CommandPaletteModel::ticketNumber(const QString &text)
{
    QString digits = text.trimmed();
    if (digits.startsWith(u'#'))
        digits = digits.mid(1).trimmed();
    if (digits.isEmpty() || digits.size() > kMaxTicketDigits)
        return 0;
    for (QChar c : std::as_const(digits)) {
        if (c < u'0' || c > u'9')
            return 0;
    }
    return digits.toLongLong();
}

QAction *CommandPaletteModel::action(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return nullptr;
    const Row &row = m_rows.at(index.row());
    return row.kind == ActionEntry ? m_candidates.at(row.candidate).action.data() : nullptr;
}

bool CommandPaletteModel::isEnabled(const Row &row) const
{
    if (row.kind != ActionEntry)
        return true;
    const QAction *action = m_candidates.at(row.candidate).action;
    return action && action->isEnabled();
}

bool CommandPaletteModel::isRunnable(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    return isEnabled(m_rows.at(index.row()));
}

int CommandPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CommandPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (row.kind == TicketEntry) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return tr("Open ticket #%1").arg(row.ticket);
        case KindRole:
            return int(TicketEntry);
        case TicketNumberRole:
            return row.ticket;
        case RunnableRole:
            return true;
        default:
            return {};
        }
    }
    const Candidate &candidate = m_candidates.at(row.candidate);
    switch (role) {
    case Qt::DisplayRole:
        return candidate.text;
    case Qt::ToolTipRole:
        return candidate.toolTip.isEmpty() ? QVariant() : QVariant(candidate.toolTip);
    case Qt::AccessibleTextRole: {
        QStringList parts{candidate.text};
        if (!candidate.detail.isEmpty())
            parts.append(candidate.detail);
        if (!candidate.shortcut.isEmpty())
            parts.append(candidate.shortcut);
        if (!isEnabled(row))
            parts.append(tr("unavailable", "a command that cannot run now"));
        return parts.join(QStringLiteral(", "));
    }
    case KindRole:
        return int(candidate.kind);
    case ShortcutRole:
        return candidate.shortcut;
    case DetailRole:
        return candidate.detail;
    case ViewKeyRole:
        return candidate.kind == ViewEntry ? QVariant(candidate.viewKey) : QVariant();
    case RunnableRole:
        return isEnabled(row);
    default:
        return {};
    }
}

Qt::ItemFlags CommandPaletteModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (!isEnabled(m_rows.at(index.row())))
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

// ---- CommandPalette ----

CommandPalette::CommandPalette(QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_model(new CommandPaletteModel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Command palette"));

    m_search->setPlaceholderText(tr("Type a command, a view or a ticket number"));
    m_search->setAccessibleName(tr("Command"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    setFocusProxy(m_search);

    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Matching commands"));
    m_list->setItemDelegate(new PaletteItemDelegate(m_list));
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the search field
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kPadding / 2, kPadding / 2, kPadding / 2, kPadding / 2);
    layout->setSpacing(kPadding / 2);
    layout->addWidget(m_search);
    layout->addWidget(m_list);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setQuery(text);
        selectFirstRunnable();
    });
    connect(m_list, &QListView::clicked, this, &CommandPalette::run);
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::setActions(const QList<QAction *> &actions)
{
    m_model->setActions(actions);
    selectFirstRunnable();
}

void CommandPalette::setViews(QAbstractItemModel *model, int keyRole)
{
    m_model->setViews(model, keyRole);
    selectFirstRunnable();
}

void CommandPalette::popUp()
{
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    m_model->setQuery(QString());
    m_model->refresh();
    selectFirstRunnable();
    placeOverParent();
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::placeOverParent()
{
    QRect area;
    if (const QWidget *anchor = parentWidget() ? parentWidget()->window() : nullptr)
        area = QRect(anchor->mapToGlobal(QPoint(0, 0)), anchor->size());
    else if (const QScreen *shown = screen())
        area = shown->availableGeometry();
    else
        area = QRect(0, 0, 800, 600);

    const int rowHeight =
        m_model->rowCount() > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height() + kPadding;
    m_list->setFixedHeight(rowHeight * kVisibleRows + 2 * m_list->frameWidth());
    const int width = std::min(area.width(), std::clamp(area.width() * 3 / 5, 360, 720));
    resize(width, sizeHint().height());
    move(area.left() + (area.width() - width) / 2,
         area.top() + std::min(area.height() / 8, 4 * kPadding));
}

void CommandPalette::run(const QModelIndex &index)
{
    if (!m_model->isRunnable(index))
        return;
    const auto kind = CommandPaletteModel::Kind(index.data(CommandPaletteModel::KindRole).toInt());
    const QPointer<QAction> action = m_model->action(index);
    const QString viewKey = index.data(CommandPaletteModel::ViewKeyRole).toString();
    const qint64 ticket = index.data(CommandPaletteModel::TicketNumberRole).toLongLong();
    // Closed first, so what the command opens gets the focus.
    hide();
    switch (kind) {
    case CommandPaletteModel::ActionEntry:
        if (action && action->isEnabled())
            action->trigger();
        break;
    case CommandPaletteModel::ViewEntry:
        Q_EMIT viewChosen(viewKey);
        break;
    case CommandPaletteModel::TicketEntry:
        Q_EMIT ticketChosen(ticket);
        break;
    }
}

void CommandPalette::selectFirstRunnable()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (m_model->isRunnable(index)) {
            m_list->setCurrentIndex(index);
            m_list->scrollTo(index);
            return;
        }
    }
    m_list->selectionModel()->clear();
}

void CommandPalette::moveCurrent(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0 || delta == 0)
        return;
    const int step = delta > 0 ? 1 : -1;
    int remaining = std::abs(delta);
    const QModelIndex current = m_list->currentIndex();
    int target = current.isValid() ? current.row() : -1;
    for (int row = target + step; row >= 0 && row < rows && remaining > 0; row += step) {
        if (m_model->isRunnable(m_model->index(row))) {
            target = row;
            --remaining;
        }
    }
    if (target >= 0 && target != current.row()) {
        const QModelIndex index = m_model->index(target);
        m_list->setCurrentIndex(index);
        m_list->scrollTo(index);
    }
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Up:
        moveCurrent(-1);
        return true;
    case Qt::Key_Down:
        moveCurrent(1);
        return true;
    case Qt::Key_PageUp:
        moveCurrent(-(kVisibleRows - 1));
        return true;
    case Qt::Key_PageDown:
        moveCurrent(kVisibleRows - 1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        run(m_list->currentIndex());
        return true;
    case Qt::Key_Escape:
        hide();
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

} // namespace Pult
