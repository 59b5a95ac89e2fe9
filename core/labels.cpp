#include "labels.h"

namespace Pult {

QString Labels::status(TicketStatus status)
{
    switch (status) {
    case TicketStatus::New:
        return tr("New");
    case TicketStatus::Open:
        return tr("Open");
    case TicketStatus::Pending:
        return tr("Pending");
    case TicketStatus::OnHold:
        return tr("On hold");
    case TicketStatus::Solved:
        return tr("Solved");
    case TicketStatus::Closed:
        return tr("Closed");
    }
    return {};
}

QString Labels::priority(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Normal:
        return tr("Normal");
    case Priority::High:
        return tr("High");
    case Priority::Urgent:
        return tr("Urgent");
    }
    return {};
}

QString Labels::channel(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return tr("Email");
    case Channel::WebForm:
        return tr("Web form");
    case Channel::Phone:
        return tr("Phone");
    case Channel::Chat:
        return tr("Chat");
    case Channel::Api:
        return tr("API");
    }
    return {};
}

} // namespace Pult
