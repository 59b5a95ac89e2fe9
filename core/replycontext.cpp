#include "replycontext.h"

#include "businesshours.h"
#include "labels.h"
#include "localstore.h"

#include <QLocale>

#include <algorithm>

namespace Pult {

QString openingHours(const QString &serialised)
{
    if (serialised.trimmed().isEmpty())
        return {};
    auto calendar = BusinessCalendar::parse(serialised);
    if (!calendar.good() || !calendar->hasOpeningHours())
        return {};
    const auto clock = [](int minute) {
        return QStringLiteral("%1:%2")
            .arg(minute / 60, 2, 10, QLatin1Char('0'))
            .arg(minute % 60, 2, 10, QLatin1Char('0'));
    };
    const auto hoursOf = [&](int day) {
        QStringList spans;
        for (const OpeningInterval &interval : calendar->openings(day))
            spans.append(clock(interval.startMinute) + u'–' + clock(interval.endMinute));
        return spans.join(QStringLiteral(", "));
    };
    const QLocale locale;
    QStringList groups;
    for (int day = 1; day <= 7;) {
        const QString hours = hoursOf(day);
        int last = day;
        while (last < 7 && hoursOf(last + 1) == hours)
            ++last;
        if (!hours.isEmpty()) {
            QString days = locale.dayName(day, QLocale::ShortFormat);
            if (last > day)
                days += u'–' + locale.dayName(last, QLocale::ShortFormat);
            groups.append(days + u' ' + hours);
        }
        day = last + 1;
    }
    return groups.join(QStringLiteral("; ")) +
           QStringLiteral(" (%1)").arg(QString::fromUtf8(calendar->timeZone().id()));
}

Result<TemplateContext> replyContext(LocalStore &store, const Ticket &ticket, const Agent &agent)
{
    Contact requester;
    if (auto found = store.contact(ticket.requesterId); found.good())
        requester = *found;
    else if (found.status().code() != Status::NotFound)
        return found.status();
    auto department = ticketDepartment(store, ticket);
    if (!department.good())
        return department.status();
    TemplateExtras extras;
    extras.statusLabel = Labels::status(ticket.status);
    extras.priorityLabel = Labels::priority(ticket.priority);
    extras.departmentHours = openingHours(department->businessHours);
    extras.statusLink = kStatusLinkPlaceholder.toString();
    return makeTemplateContext(ticket, requester, agent, *department, extras);
}

Result<Department> ticketDepartment(LocalStore &store, const Ticket &ticket)
{
    auto departments = store.departments();
    if (!departments.good())
        return departments.status();
    for (const Department &d : std::as_const(*departments)) {
        if (d.id == ticket.departmentId)
            return d;
    }
    return Department();
}

QString frameReply(const QString &text, const Department &department,
                   const QString &signatureTemplate, const TemplateContext &context)
{
    const Template header = Template::parse(department.replyHeader);
    const Template footer = Template::parse(department.replyFooter);
    const Template signature = Template::parse(signatureTemplate);
    for (const Template *part : {&header, &footer, &signature}) {
        if (!render(*part, context, TemplateFormat::PlainText).trimmed().isEmpty())
            return composeReply(header, Template::literal(text), footer, signature, context,
                                TemplateFormat::PlainText);
    }
    return text; // no frame: as typed
}

Result<CannedResponse> findCannedResponse(LocalStore &store, const QString &name)
{
    auto canned = store.cannedResponses();
    if (!canned.good())
        return canned.status();
    const auto found = std::find_if(canned->cbegin(), canned->cend(), [&](const CannedResponse &r) {
        return r.shortcut.compare(name, Qt::CaseInsensitive) == 0 ||
               r.title.compare(name, Qt::CaseInsensitive) == 0;
    });
    if (found == canned->cend())
        return Status(Status::NotFound,
                      QStringLiteral("no canned response with the shortcut \"%1\"").arg(name));
    return *found;
}

} // namespace Pult
