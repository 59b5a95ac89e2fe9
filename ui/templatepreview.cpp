#include "templatepreview.h"

#include "displaytext.h"
#include "replycontext.h"

namespace Pult {

TemplateContext sampleTemplateContext(const Agent &agent, const Department &department,
                                      const QString &businessHours)
{
    Ticket ticket;
    ticket.number = 1042;
    ticket.subject = DisplayText::tr("The invoice for March is missing");
    ticket.status = TicketStatus::Open;
    ticket.departmentId = department.id;
    Contact requester;
    requester.name = DisplayText::tr("Ana Novak");
    requester.emails = {QStringLiteral("ana.novak@example.com")};
    TemplateExtras extras;
    extras.statusLabel = DisplayText::status(ticket.status);
    extras.priorityLabel = DisplayText::priority(ticket.priority);
    extras.statusLink = kStatusLinkPlaceholder.toString();
    extras.departmentHours = openingHours(businessHours);
    return makeTemplateContext(ticket, requester, agent, department, extras);
}

} // namespace Pult
