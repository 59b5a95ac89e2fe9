#pragma once

// A department's business hours as a form: the time zone, one line of opening intervals per
// weekday ("08:00-12:00, 13:00-16:00"; empty: closed) and a list of holidays, once or every
// year. It reads and writes the calendar's text form (docs/business-hours.md), and checks each
// day with BusinessCalendar::parse, the parser pultd checks the settings with, as it is typed.

#include "status.h"

#include <QDate>
#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Pult {

class BusinessHoursEditor : public QWidget
{
    Q_OBJECT

public:
    explicit BusinessHoursEditor(QWidget *parent = nullptr);

    // Shows a calendar's text form; empty (or text that does not parse): closed every day, in
    // the system's time zone.
    void setText(const QString &serialised);
    // The calendar's canonical text form; empty when no day is open and there are no holidays;
    // Invalid, naming the day, when a day's hours do not parse.
    Result<QString> text() const;

    // The parts, for tests (objectNames "timeZone", "day-1" .. "day-7", "holidays").
    QComboBox *timeZone() const { return m_zone; }
    QLineEdit *day(int dayOfWeek) const { return m_days.at(dayOfWeek - 1); }
    QListWidget *holidays() const { return m_holidays; }
    // Adds a holiday, on that date or on its month and day every year.
    void addHoliday(QDate date, bool yearly);

Q_SIGNALS:
    void changed();

private:
    void copyMondayToWeekdays();

    QComboBox *m_zone;
    std::array<QLineEdit *, 7> m_days{};
    QListWidget *m_holidays;
    QDateEdit *m_date;
    QCheckBox *m_yearly;
};

} // namespace Pult
