// Fuzz target: templates. Parsing any text keeps error positions inside it, and rendering in
// both formats never fails, with full and with empty data.
#include "template.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Pult::Template tpl = Pult::Template::parse(text);
    for (const Pult::TemplateError &e : tpl.errors()) {
        if (e.position < 0 || e.position > text.size())
            __builtin_trap();
    }
    Pult::TemplateContext full;
    full.customerName = QStringLiteral("Łukasz <Wiśniewski> & \"co\"");
    full.customerFirstName = QStringLiteral("Łukasz");
    full.ticketNumber = 1042;
    full.ticketSubject = QStringLiteral("<script>alert(1)</script>");
    full.agentName = QStringLiteral("Đorđe Marković");
    full.kbLinks.insert(QStringLiteral("reset-password"),
                        QStringLiteral("https://kb.example/r?a=1&b=2"));
    for (const Pult::TemplateContext &context : {full, Pult::TemplateContext()}) {
        Pult::render(tpl, context, Pult::TemplateFormat::PlainText);
        Pult::render(tpl, context, Pult::TemplateFormat::Html);
    }
    return 0;
}
