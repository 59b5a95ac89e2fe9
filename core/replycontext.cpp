#include "replycontext.h"

#include "labels.h"
#include "localstore.h"

#include <algorithm>

namespace Pult {

Result<TemplateContext> replyContext(LocalStore &store, const Ticket &ticket, const Agent &agent)
{
    Contact requester;
    if (auto found = store.contact(ticket.requesterId); found.good())
        requester = *found;
    else if (found.status().code() != Status::NotFound)
        return found.status();
    auto departments = store.departments();
    if (!departments.good())
        return departments.status();
    Department department;
    for (const Department &d : std::as_const(*departments)) {
        if (d.id == ticket.departmentId)
            department = d;
    }
    TemplateExtras extras;
    extras.statusLabel = Labels::status(ticket.status);
    extras.priorityLabel = Labels::priority(ticket.priority);
    return makeTemplateContext(ticket, requester, agent, department, extras);
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
