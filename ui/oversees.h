#pragma once

#include "domain.h"

#include <algorithm>

namespace Pult {

// Whether a lead or admin may share views with a department's agents, see its figures and (a
// lead) change its settings: an admin any department, a lead those they belong to. pultd decides
// for itself (its mayAccess); the window uses this to offer only what it would allow.
inline bool oversees(const Agent &agent, const QUuid &departmentId)
{
    return agent.role == Role::Admin ||
           std::any_of(
               agent.departments.cbegin(), agent.departments.cend(),
               [&](const DepartmentMembership &m) { return m.departmentId == departmentId; });
}

} // namespace Pult
