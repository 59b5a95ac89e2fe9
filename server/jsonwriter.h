#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace Pult {

// Appends `text` to `out` as a JSON string literal, quotes included. Bytes that are not valid
// UTF-8 become U+FFFD, so whatever a client sends, the output stays valid JSON.
void appendJsonString(std::string &out, std::string_view text);

// Builds one flat JSON object, in the order the members are added. Output only: the server's
// responses and log lines are small and fixed in shape, so nothing here parses JSON.
class JsonObjectWriter
{
public:
    JsonObjectWriter &addString(std::string_view key, std::string_view value);
    JsonObjectWriter &addInteger(std::string_view key, std::int64_t value);
    // A number with a fixed count of decimals (a duration in milliseconds, say); NaN and
    // infinities, which JSON cannot express, become null.
    JsonObjectWriter &addDecimal(std::string_view key, double value, int decimals);
    JsonObjectWriter &addNull(std::string_view key);
    // `json` must already be a valid JSON value, e.g. another writer's finish().
    JsonObjectWriter &addJson(std::string_view key, std::string_view json);

    // The object's text; the writer is empty afterwards.
    std::string finish();

private:
    void appendKey(std::string_view key);

    std::string m_json;
};

// The body of every error response: {"error":{"code":"...","message":"..."}}. `code` is stable
// for programs to branch on; `message` is for people.
std::string jsonError(std::string_view code, std::string_view message);

} // namespace Pult
