// Fuzz target: the filter language. Parsing, highlighting, compiling and completing any text must
// end without a crash, with error positions inside the text, highlight spans ordered and in
// bounds, every SQL parameter referenced, and completion spans inside the text.
#include "filter.h"
#include "filtercompletion.h"
#include "filterquery.h"

#include <cstddef>
#include <cstdint>

namespace {

const Pult::FilterContext &context()
{
    static const Pult::FilterContext ctx = [] {
        Pult::FilterContext c;
        c.now = QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone("Europe/Ljubljana"));
        c.timeZone = QTimeZone("Europe/Ljubljana");
        c.me = QUuid::fromString(QStringLiteral("{0190a5d4-0000-7000-8000-000000000001}"));
        for (const char16_t *name : {u"Billing", u"Technical support"}) {
            Pult::Department d;
            d.id = QUuid::createUuid();
            d.name = QString::fromUtf16(name);
            c.departments.append(d);
        }
        for (const char16_t *name : {u"Ana Novak", u"Đorđe Łukasz"}) {
            Pult::Agent a;
            a.id = QUuid::createUuid();
            a.name = QString::fromUtf16(name);
            a.email = a.name.section(u' ', 0, 0).toLower() + QStringLiteral("@pult.example");
            c.agents.append(a);
        }
        return c;
    }();
    return ctx;
}

} // namespace

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
    if (parse.good()) {
        const Pult::FilterCompile compiled = Pult::compileFilter(parse.filter, context());
        if (compiled.error &&
            (compiled.error->position < 0 || compiled.error->position > text.size()))
            __builtin_trap();
        if (compiled.good()) {
            const Pult::FilterSql sql = Pult::toSql(compiled.filter);
            const QByteArray last = '?' + QByteArray::number(sql.parameters.size());
            if (!sql.parameters.isEmpty() && !sql.where.contains(last))
                __builtin_trap();
        }
    }
    const Pult::FilterVocabulary vocabulary{{QStringLiteral("Billing")},
                                            {QStringLiteral("vip")},
                                            {QStringLiteral("Ana Novak")},
                                            {QStringLiteral("ana@pult.example")},
                                            {QStringLiteral("Refund")}};
    for (const int cursor : {0, int(text.size()) / 2, int(text.size())}) {
        for (const Pult::FilterCompletion &c : Pult::filterCompletions(text, cursor, vocabulary)) {
            if (c.start < 0 || c.length < 0 || c.start + c.length > text.size())
                __builtin_trap();
        }
    }
    return 0;
}
