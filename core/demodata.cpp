// Placeholder while the generator is written (helper-1 replaces this whole file).
#include "demodata.h"
#include "localstore.h"
namespace Pult {
Result<DemoSummary> generateDemoData(LocalStore &, const DemoOptions &)
{
    return Status(Status::Internal, QStringLiteral("not yet"));
}
} // namespace Pult
