#pragma once

// A contact's export (ServerStore::exportContact) written as a zip file: contact.json and the
// attachment files, for `pultd contact export` and GET /api/v1/contacts/{id}/export
// (docs/privacy.md).

#include "serverstore.h"
#include "status.h"

#include <filesystem>

namespace Pult {

// Creates `output` (it must not exist yet) with contact.json and every attachment file still in
// `attachmentDirectory` (libzip, which streams the files from disk as it closes the archive).
// Returns the number of attachment files written; on failure no file is left behind.
Result<int> writeContactZip(const ServerStore::ContactExport &contact,
                            const std::filesystem::path &attachmentDirectory,
                            const std::filesystem::path &output);

} // namespace Pult
