#include "settingspage.h"

#include "localstore.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Pult::SettingsPage {

FilterCheck::FilterCheck(LocalStore &store)
{
    if (auto context = store.filterContext(QDateTime::currentDateTimeUtc()); context.good())
        m_context = std::move(*context);
}

std::optional<FilterError> FilterCheck::operator()(const QString &text) const
{
    if (!m_context)
        return std::nullopt;
    FilterContext context = *m_context;
    context.now = QDateTime::currentDateTimeUtc();
    return compileFilter(text, context).error;
}

QLabel *errorLine(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("errors"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e"));
    return label;
}

QLabel *stateLine(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("saveState"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *helpLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void layOut(QDialog *dialog, QWidget *list, QLayout *form, const QList<QWidget *> &lines,
            QPushButton *first, const QList<QPushButton *> &rest)
{
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(first);
    buttons->addStretch();
    for (QPushButton *button : rest)
        buttons->addWidget(button);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(close, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(list, 1);
    layout->addLayout(form);
    for (QWidget *line : lines)
        layout->addWidget(line);
    layout->addLayout(buttons);
    layout->addWidget(close);
}

void setCurrentRowQuietly(QTreeWidget *list, int row)
{
    const QSignalBlocker blocker(list);
    list->setCurrentItem(row >= 0 ? list->topLevelItem(row) : nullptr);
}

} // namespace Pult::SettingsPage
