// Fuzz target: the filter language. Parsing and highlighting any text must end without a crash,
// with error positions inside the text and highlight spans ordered and in bounds.
#include "filter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Pult::FilterParse parse = Pult::parseFilter(text);
    if (parse.error && (parse.error->position < 0 || parse.error->position > text.size()))
        __builtin_trap();
    int end = 0;
    for (const Pult::FilterToken &t : Pult::filterTokens(text)) {
        if (t.start < end || t.length <= 0 || t.start + t.length > text.size())
            __builtin_trap();
        end = t.start + t.length;
    }
    return 0;
}
