#include "changesdialog.h"

#include "localops.h"
#include "localstore.h"
#include "syncsession.h"
#include "uuid.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Pult {
namespace {

constexpr int kOpIdRole = Qt::UserRole;
constexpr int kRefusedRole = Qt::UserRole + 1;

enum Column { When, Change, Ticket, State };

} // namespace

ChangesDialog::ChangesDialog(LocalStore &store, QString home, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_home(std::move(home))
{
    setObjectName(QStringLiteral("changesDialog"));
    setWindowTitle(tr("Waiting and refused changes"));
    auto *intro = new QLabel(tr("Waiting changes go to the server in this order; a refused "
                                "change was undone here. Retry sends a refused change again; "
                                "Discard drops a change (a waiting one is undone here)."),
                             this);
    intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("changesList"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({tr("When"), tr("Change"), tr("Ticket"), tr("State")});
    m_list->header()->setStretchLastSection(true);
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryChange"));
    m_discard = new QPushButton(tr("&Discard"), this);
    m_discard->setObjectName(QStringLiteral("discardChange"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_discard, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &ChangesDialog::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &ChangesDialog::discardSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ChangesDialog::updateButtons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, 360);
    reload();
}

void ChangesDialog::reload()
{
    m_list->clear();
    const auto ticketText = [&](const QList<QUuid> &tickets) {
        if (tickets.isEmpty())
            return QString();
        auto t = m_store.ticket(tickets.first());
        if (!t.good())
            return QString();
        return t->number ? QStringLiteral("#%1 %2").arg(*t->number).arg(t->subject)
                         : tr("new: %1").arg(t->subject);
    };
    const auto add = [&](const QUuid &id, const QDateTime &time, const QString &kind,
                         const QString &ticket, const QString &state, bool refused) {
        auto *item = new QTreeWidgetItem(
            m_list,
            {QLocale().toString(time.toLocalTime(), QLocale::ShortFormat), kind, ticket, state});
        item->setData(When, kOpIdRole, id);
        item->setData(When, kRefusedRole, refused);
        item->setToolTip(State, state);
    };
    if (auto outbox = m_store.outbox(); outbox.good()) {
        for (const OutboxOp &op : std::as_const(*outbox))
            add(op.id, op.created, op.kind,
                ticketText(Op::ticketsOf(QJsonDocument::fromJson(op.payload).object())),
                tr("Waiting"), false);
    }
    if (auto refused = SyncSession(m_store, m_home).rejections(); refused.good()) {
        for (const Rejection &r : std::as_const(*refused))
            add(r.opId, r.time, r.type, ticketText({r.ticketId}),
                tr("Refused: %1 (%2)").arg(r.message, r.code), true);
    }
    for (int c = 0; c < State; ++c)
        m_list->resizeColumnToContents(c);
    updateButtons();
}

void ChangesDialog::updateButtons()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const bool selected = item && item->isSelected();
    m_discard->setEnabled(selected);
    m_retry->setEnabled(selected && item->data(When, kRefusedRole).toBool());
}

void ChangesDialog::retrySelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->data(When, kRefusedRole).toBool())
        return;
    auto again = SyncSession(m_store, m_home).retry(item->data(When, kOpIdRole).toUuid());
    if (!again.good())
        QMessageBox::warning(this, windowTitle(), again.status().message());
    reload();
    Q_EMIT changed();
}

void ChangesDialog::discardSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (Status s = SyncSession(m_store, m_home).discard(item->data(When, kOpIdRole).toUuid());
        !s.good())
        QMessageBox::warning(this, windowTitle(), s.message());
    reload();
    Q_EMIT changed();
}

} // namespace Pult
