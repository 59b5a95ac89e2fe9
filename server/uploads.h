#pragma once

// PUT /api/v1/uploads/{hash}?offset=N&size=TOTAL (docs/api.md), free of networking: server.cpp
// reads the request's header, asks Upload::begin() whether to read the body, streams the body
// into the Upload chunk by chunk and sends what finish() answers. GET /api/v1/uploads/{hash} is
// an ordinary route (api.cpp).
//
// An upload is resumable: its bytes go to DATA/attachments/partial/AGENT-HASH as they arrive,
// so a dropped connection (or a killed pultd) keeps what was written, and the file's size is
// the offset the next PUT must start at. When the file reaches TOTAL bytes its SHA-256 is
// checked against HASH, and it is synced and renamed to its content-addressed name.

#include "accounts.h"
#include "attachmentfiles.h"
#include "router.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <variant>

namespace Pult {

class ServerStore;

class Upload
{
public:
    static constexpr std::string_view kRoute = "/api/v1/uploads/{hash}";
    static constexpr std::string_view kPathPrefix = "/api/v1/uploads/";

    // Whether a request path is an upload's (the route above).
    static bool matches(std::string_view path);

    struct Request
    {
        std::string_view path;
        std::string_view query;
        std::optional<std::uint64_t> contentLength; // nullopt: none given (chunked, or absent)
    };
    // The upload, or the answer to send without reading the body (the connection then closes).
    static std::variant<std::unique_ptr<Upload>, ApiResponse> begin(ServerStore &store,
                                                                    const AgentSession &session,
                                                                    const Request &request,
                                                                    std::uint64_t attachmentLimit);

    // The content is stored already: the body is read and dropped, finish() answers complete.
    bool discards() const { return m_discard; }
    // Appends a chunk of the body.
    Status write(const char *data, std::size_t length);
    // The answer once the whole body was read.
    ApiResponse finish();

    Upload(ServerStore &store, const AgentSession &session)
        : m_store(store)
        , m_session(session)
    {}

private:
    ServerStore &m_store;
    AgentSession m_session;
    std::string m_hash;
    std::uint64_t m_total = 0;
    bool m_discard = false;
    PartialUpload m_file;
};

// {"hash":H,"complete":true,"size":N}
ApiResponse uploadComplete(std::string_view hash, std::uint64_t size);
// {"hash":H,"complete":false,"offset":N}
ApiResponse uploadIncomplete(std::string_view hash, std::uint64_t offset);

} // namespace Pult
