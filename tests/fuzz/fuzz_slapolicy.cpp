// Fuzz target: SLA policies. Any text either fails with a message or gives a policy whose text
// form parses back.
#include "sla.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto policy = Pult::SlaPolicy::parse(text);
    if (!policy.good()) {
        if (policy.status().message().isEmpty())
            __builtin_trap();
        return 0;
    }
    if (!Pult::SlaPolicy::parse(policy->toString()).good())
        __builtin_trap();
    return 0;
}
