#pragma once

// The sample ticket the settings dialogs preview templates with (a reply frame, a canned
// response): what a customer would read, before any real ticket uses it.

#include "domain.h"
#include "template.h"

namespace Pult {

// A sample open ticket (#1042) of `department` from a sample customer, answered by `agent`;
// `businessHours` is the calendar's text form ({{department.hours}}), which may differ from the
// department's while it is being edited.
TemplateContext sampleTemplateContext(const Agent &agent, const Department &department,
                                      const QString &businessHours);

} // namespace Pult
