#include "domain.h"

#include <array>

namespace Pult {
namespace {

template<typename E, std::size_t N>
QString nameOf(const std::array<const char16_t *, N> &names, E v)
{
    return QString::fromUtf16(names[std::size_t(v)]);
}

template<typename E, std::size_t N>
std::optional<E> parseName(const std::array<const char16_t *, N> &names, QStringView s)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (s.compare(QStringView(names[i]), Qt::CaseInsensitive) == 0)
            return E(i);
    }
    return std::nullopt;
}

constexpr std::array<const char16_t *, 6> kStatus{u"new",     u"open",   u"pending",
                                                  u"on-hold", u"solved", u"closed"};
constexpr std::array<const char16_t *, 4> kPriority{u"low", u"normal", u"high", u"urgent"};
constexpr std::array<const char16_t *, 5> kChannel{u"email", u"web-form", u"phone", u"chat",
                                                   u"api"};
constexpr std::array<const char16_t *, 4> kMessageKind{u"customer", u"reply", u"note", u"event"};
constexpr std::array<const char16_t *, 3> kRole{u"agent", u"lead", u"admin"};
constexpr std::array<const char16_t *, 3> kScope{u"personal", u"department", u"global"};
constexpr std::array<const char16_t *, 4> kQueueOrder{u"fifo", u"priority-then-age",
                                                      u"customer-plan", u"sla-deadline-first"};

} // namespace

QString toString(TicketStatus v)
{
    return nameOf(kStatus, v);
}
QString toString(Priority v)
{
    return nameOf(kPriority, v);
}
QString toString(Channel v)
{
    return nameOf(kChannel, v);
}
QString toString(MessageKind v)
{
    return nameOf(kMessageKind, v);
}
QString toString(Role v)
{
    return nameOf(kRole, v);
}
QString toString(CannedScope v)
{
    return nameOf(kScope, v);
}
QString toString(QueueOrder v)
{
    return nameOf(kQueueOrder, v);
}

std::optional<TicketStatus> parseTicketStatus(QStringView s)
{
    return parseName<TicketStatus>(kStatus, s);
}
std::optional<Priority> parsePriority(QStringView s)
{
    return parseName<Priority>(kPriority, s);
}
std::optional<Channel> parseChannel(QStringView s)
{
    return parseName<Channel>(kChannel, s);
}
std::optional<MessageKind> parseMessageKind(QStringView s)
{
    return parseName<MessageKind>(kMessageKind, s);
}
std::optional<Role> parseRole(QStringView s)
{
    return parseName<Role>(kRole, s);
}
std::optional<CannedScope> parseCannedScope(QStringView s)
{
    return parseName<CannedScope>(kScope, s);
}
std::optional<QueueOrder> parseQueueOrder(QStringView s)
{
    return parseName<QueueOrder>(kQueueOrder, s);
}

QStringList normalisedTags(const QStringList &tags)
{
    QStringList result;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed().toLower();
        if (!t.isEmpty() && !result.contains(t))
            result.append(t);
    }
    return result;
}

} // namespace Pult
