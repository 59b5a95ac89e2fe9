#include "businesshourseditor.h"

#include "businesshours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimeZone>
#include <QVBoxLayout>

namespace Pult {
namespace {

constexpr std::array<const char *, 7> kDayKeys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr int DateRole = Qt::UserRole;
constexpr int YearlyRole = Qt::UserRole + 1;

QString minuteText(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

// The parser's message without the column, which counts in text the user never saw.
QString withoutColumn(QString message)
{
    static const QRegularExpression column(QStringLiteral("^(line \\d+, )?column \\d+: "));
    return message.remove(column);
}

} // namespace

BusinessHoursEditor::BusinessHoursEditor(QWidget *parent)
    : QWidget(parent)
    , m_zone(new QComboBox(this))
    , m_holidays(new QListWidget(this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_yearly(new QCheckBox(tr("Every year"), this))
{
    m_zone->setObjectName(QStringLiteral("timeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_zone, &QComboBox::currentTextChanged, this, &BusinessHoursEditor::changed);

    auto *form = new QFormLayout;
    form->addRow(tr("Time &zone:"), m_zone);
    for (int day = 1; day <= 7; ++day) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("day-%1").arg(day));
        edit->setPlaceholderText(tr("closed"));
        edit->setToolTip(tr("Opening hours as HH:MM-HH:MM, several separated by commas, e.g. "
                            "08:00-12:00, 13:00-16:00. Empty: closed all day."));
        connect(edit, &QLineEdit::textChanged, this, &BusinessHoursEditor::changed);
        m_days.at(day - 1) = edit;
        const QString name = QLocale().standaloneDayName(day, QLocale::LongFormat);
        if (day == 1) {
            auto *row = new QHBoxLayout;
            row->addWidget(edit, 1);
            auto *copy = new QPushButton(tr("Same on &weekdays"), this);
            copy->setObjectName(QStringLiteral("copyMonday"));
            copy->setToolTip(tr("Give Tuesday to Friday Monday's hours."));
            connect(copy, &QPushButton::clicked, this, &BusinessHoursEditor::copyMondayToWeekdays);
            row->addWidget(copy);
            form->addRow(name + u':', row);
        } else {
            form->addRow(name + u':', edit);
        }
    }

    m_holidays->setObjectName(QStringLiteral("holidays"));
    m_holidays->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_holidays->setMaximumHeight(m_holidays->fontMetrics().height() * 7);
    m_date->setCalendarPopup(true);
    m_date->setObjectName(QStringLiteral("holidayDate"));
    auto *add = new QPushButton(tr("&Add holiday"), this);
    add->setObjectName(QStringLiteral("addHoliday"));
    connect(add, &QPushButton::clicked, this,
            [this] { addHoliday(m_date->date(), m_yearly->isChecked()); });
    auto *remove = new QPushButton(tr("Remo&ve"), this);
    remove->setObjectName(QStringLiteral("removeHoliday"));
    connect(remove, &QPushButton::clicked, this, [this] {
        const auto selected = m_holidays->selectedItems();
        if (selected.isEmpty())
            return;
        qDeleteAll(selected);
        Q_EMIT changed();
    });
    auto *adding = new QHBoxLayout;
    adding->addWidget(m_date);
    adding->addWidget(m_yearly);
    adding->addWidget(add);
    adding->addStretch();
    adding->addWidget(remove);
    form->addRow(tr("Holidays:"), m_holidays);
    form->addRow(QString(), adding);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    setText({});
}

void BusinessHoursEditor::setText(const QString &serialised)
{
    const QSignalBlocker blocker(this);
    auto calendar = BusinessCalendar::parse(serialised);
    // A new calendar is in the system's zone, when it is one the calendar can name.
    const QTimeZone system = QTimeZone::systemTimeZone();
    const BusinessCalendar shown =
        serialised.trimmed().isEmpty() || !calendar.good()
            ? BusinessCalendar(QTimeZone::isTimeZoneIdAvailable(system.id()) ? system
                                                                             : QTimeZone::utc())
            : *calendar;
    m_zone->setCurrentText(QString::fromUtf8(shown.timeZone().id()));
    for (int day = 1; day <= 7; ++day) {
        QStringList intervals;
        for (const OpeningInterval &iv : shown.openings(day))
            intervals.append(minuteText(iv.startMinute) + u'-' + minuteText(iv.endMinute));
        m_days.at(day - 1)->setText(intervals.join(QStringLiteral(", ")));
    }
    m_holidays->clear();
    QList<QDate> dates(shown.holidays().cbegin(), shown.holidays().cend());
    std::sort(dates.begin(), dates.end());
    for (QDate date : std::as_const(dates))
        addHoliday(date, false);
    QList<int> yearly(shown.yearlyHolidays().cbegin(), shown.yearlyHolidays().cend());
    std::sort(yearly.begin(), yearly.end());
    for (int monthDay : std::as_const(yearly))
        addHoliday(QDate(2000, monthDay / 100, monthDay % 100), true); // 2000 has 29 February
}

void BusinessHoursEditor::addHoliday(QDate date, bool yearly)
{
    for (int i = 0; i < m_holidays->count(); ++i) {
        const QListWidgetItem *item = m_holidays->item(i);
        const QDate there = item->data(DateRole).toDate();
        if (item->data(YearlyRole).toBool() == yearly &&
            (yearly ? there.month() == date.month() && there.day() == date.day() : there == date))
            return;
    }
    const QLocale locale;
    auto *item = new QListWidgetItem(
        yearly ? tr("%1, every year").arg(locale.toString(date, QStringLiteral("d MMMM")))
               : locale.toString(date, QLocale::LongFormat),
        m_holidays);
    item->setData(DateRole, date);
    item->setData(YearlyRole, yearly);
    Q_EMIT changed();
}

void BusinessHoursEditor::copyMondayToWeekdays()
{
    for (int day = 2; day <= 5; ++day)
        m_days.at(day - 1)->setText(m_days.at(0)->text());
}

Result<QString> BusinessHoursEditor::text() const
{
    const QString zone = m_zone->currentText().trimmed();
    QStringList parts{QStringLiteral("tz=") + zone};
    bool open = false;
    for (int day = 1; day <= 7; ++day) {
        const QString hours = m_days.at(day - 1)->text().trimmed();
        if (hours.isEmpty())
            continue;
        const QString part = QString::fromLatin1(kDayKeys.at(day - 1)) + u' ' + hours;
        // Each day on its own first, so that the message names the day the mistake is on.
        if (auto one = BusinessCalendar::parse(QStringLiteral("tz=UTC; ") + part); !one.good())
            return Status(
                Status::Invalid,
                QStringLiteral("%1: %2").arg(QLocale().standaloneDayName(day, QLocale::LongFormat),
                                             withoutColumn(one.status().message())));
        parts.append(part);
        open = true;
    }
    QStringList once, yearly;
    for (int i = 0; i < m_holidays->count(); ++i) {
        const QListWidgetItem *item = m_holidays->item(i);
        const QDate date = item->data(DateRole).toDate();
        if (item->data(YearlyRole).toBool())
            yearly.append(date.toString(QStringLiteral("MM-dd")));
        else
            once.append(date.toString(Qt::ISODate));
    }
    if (!once.isEmpty())
        parts.append(QStringLiteral("holiday ") + once.join(QStringLiteral(", ")));
    if (!yearly.isEmpty())
        parts.append(QStringLiteral("yearly ") + yearly.join(QStringLiteral(", ")));
    if (!open && once.isEmpty() && yearly.isEmpty())
        return QString();
    if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return Status(Status::Invalid, tr("Time zone: there is no time zone \"%1\".").arg(zone));
    auto calendar = BusinessCalendar::parse(parts.join(QStringLiteral("; ")));
    if (!calendar.good())
        return Status(Status::Invalid, withoutColumn(calendar.status().message()));
    return calendar->toString();
}

} // namespace Pult
