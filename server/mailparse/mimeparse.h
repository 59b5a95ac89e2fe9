#pragma once

// The parsing that pult-mailparse does in its own process (app/pult-mailparse): one raw
// RFC 5322 message in, one JSON object out (the shape is described in docs/architecture.md,
// "Mail parsing", and read by server/mail/mailparser.cpp), attachment bytes written as files
// named by their index into an output directory.
//
// GMime 3 parses the MIME structure; every header value, parameter and charset is decoded here
// (headers.h, charset.h) to work around GMime 3.2.13's bugs. Never throws for any input; limits
// on depth, parts and output keep a hostile message from growing the work.

#include <cstdint>
#include <string>
#include <string_view>

namespace Pult::MailParse {

struct Options
{
    std::string fallbackCharset = "windows-1252"; // for raw 8-bit text that is not UTF-8
    int maxDepth = 32;                            // nesting of multiparts and messages
    int maxParts = 500;                           // MIME parts walked
    std::uint64_t maxOutputBytes = 64u << 20;     // text, HTML and attachments together
    std::string outputDirectory; // attachments written as DIR/0, DIR/1, ...; empty: not written
};

// g_mime_init() must have been called. The answer is UTF-8 JSON.
std::string parseToJson(std::string_view raw, const Options &options);

} // namespace Pult::MailParse
