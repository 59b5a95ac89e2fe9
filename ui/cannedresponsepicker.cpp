#include "cannedresponsepicker.h"

#include "filter.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Pult {

CannedResponseModel::CannedResponseModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void CannedResponseModel::setResponses(QList<CannedResponse> responses)
{
    std::stable_sort(responses.begin(), responses.end(),
                     [](const CannedResponse &a, const CannedResponse &b) {
                         return QString::localeAwareCompare(a.title, b.title) < 0;
                     });
    m_all = std::move(responses);
    setFilterText(m_filter);
}

void CannedResponseModel::setFilterText(const QString &text)
{
    beginResetModel();
    m_filter = text;
    m_shown.clear();
    const QString key = filterMatchKey(text).trimmed();
    const QStringList words = key.split(u' ', Qt::SkipEmptyParts);
    QList<qsizetype> later;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        const QString title = filterMatchKey(m_all[i].title);
        const QString shortcut = filterMatchKey(m_all[i].shortcut);
        const bool all = std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
            return title.contains(word) || shortcut.contains(word);
        });
        if (!all)
            continue;
        if (key.isEmpty() || shortcut.startsWith(key) || title.startsWith(key))
            m_shown.append(i);
        else
            later.append(i);
    }
    m_shown.append(later);
    endResetModel();
}

int CannedResponseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant CannedResponseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CannedResponse &r = response(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.shortcut.isEmpty() ? r.title : tr("%1  (%2)").arg(r.title, r.shortcut);
    case Qt::ToolTipRole:
    case BodyRole:
        return r.body;
    case ShortcutRole:
        return r.shortcut;
    default:
        return {};
    }
}

CannedResponsePicker::CannedResponsePicker(QWidget *parent)
    : QDialog(parent)
    , m_model(new CannedResponseModel(this))
{
    setObjectName(QStringLiteral("cannedResponsePicker"));
    setWindowTitle(tr("Insert a canned response"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("cannedSearch"));
    m_search->setAccessibleName(tr("Search canned responses"));
    m_search->setPlaceholderText(tr("Type a title or shortcut"));
    m_search->installEventFilter(this);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("cannedList"));
    m_list->setAccessibleName(tr("Canned responses"));
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("cannedPreview"));
    m_preview->setAccessibleName(tr("Preview"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_preview);
    splitter->setSizes({220, 380});

    auto *hint = new QLabel(tr("Enter inserts; placeholders are filled in for this ticket."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(splitter, 1);
    layout->addWidget(hint);
    resize(640, 360);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilterText(text);
        if (m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0));
        updatePreview();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &CannedResponsePicker::choose);
    connect(m_list, &QListView::activated, this, &CannedResponsePicker::choose);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CannedResponsePicker::updatePreview);
}

void CannedResponsePicker::setResponses(const QList<CannedResponse> &responses,
                                        const TemplateContext &context)
{
    m_context = context;
    m_search->clear();
    m_model->setResponses(responses);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CannedResponsePicker::updatePreview, Qt::UniqueConnection);
    updatePreview();
}

std::optional<CannedResponse> CannedResponsePicker::current() const
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return m_model->response(index.row());
}

bool CannedResponsePicker::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the search field move through the list, as in a completion popup.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up) && m_model->rowCount() > 0) {
            const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
            const int next =
                std::clamp(row + (key == Qt::Key_Down ? 1 : -1), 0, m_model->rowCount() - 1);
            m_list->setCurrentIndex(m_model->index(next));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void CannedResponsePicker::choose()
{
    const std::optional<CannedResponse> response = current();
    if (!response)
        return;
    accept();
    Q_EMIT chosen(*response);
}

void CannedResponsePicker::updatePreview()
{
    const std::optional<CannedResponse> response = current();
    m_preview->setPlainText(response ? Pult::render(Template::parse(response->body), m_context,
                                                    TemplateFormat::PlainText)
                                     : QString());
}

} // namespace Pult
