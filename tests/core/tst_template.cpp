#include "template.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Pult;

namespace {

TemplateContext fullContext()
{
    TemplateContext c;
    c.customerFirstName = QStringLiteral("Ana");
    c.customerName = QStringLiteral("Ana Novak");
    c.customerEmail = QStringLiteral("ana@example.si");
    c.ticketNumber = 1042;
    c.ticketSubject = QStringLiteral("Account locked");
    c.ticketStatus = TicketStatus::OnHold;
    c.ticketPriority = Priority::Urgent;
    c.ticketDue = QDateTime(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC);
    c.statusLink = QStringLiteral("https://help.example.si/s/abc?x=1&y=2");
    c.agentName = QStringLiteral("Marko Horvat");
    c.agentFirstName = QStringLiteral("Marko");
    c.departmentName = QStringLiteral("Billing");
    c.departmentHours = QStringLiteral("Mon-Fri 8:00-16:00");
    c.slaFirstResponse = QDateTime(QDate(2026, 3, 29), QTime(14, 0), QTimeZone("Europe/Ljubljana"));
    c.kbLinks.insert(QStringLiteral("reset-password"),
                     QStringLiteral("https://kb.example.si/reset-password"));
    return c;
}

QString plain(const QString &text, const TemplateContext &c)
{
    return render(Template::parse(text), c, TemplateFormat::PlainText);
}

QString html(const QString &text, const TemplateContext &c)
{
    return render(Template::parse(text), c, TemplateFormat::Html);
}

} // namespace

class TestTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholders_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char16_t *text, const char16_t *expected) {
            QTest::newRow(name) << QString::fromUtf16(text) << QString::fromUtf16(expected);
        };
        row("customer.first_name", u"{{customer.first_name}}", u"Ana");
        row("customer.name", u"{{customer.name}}", u"Ana Novak");
        row("customer.email", u"{{customer.email}}", u"ana@example.si");
        row("ticket.number", u"{{ticket.number}}", u"#1042");
        row("ticket.subject", u"{{ticket.subject}}", u"Account locked");
        row("ticket.status", u"{{ticket.status}}", u"on-hold");
        row("ticket.priority", u"{{ticket.priority}}", u"urgent");
        row("ticket.due", u"{{ticket.due}}", u"2026-03-29 01:30");
        row("ticket.status_link", u"{{ticket.status_link}}",
            u"https://help.example.si/s/abc?x=1&y=2");
        row("agent.name", u"{{agent.name}}", u"Marko Horvat");
        row("agent.first_name", u"{{agent.first_name}}", u"Marko");
        row("department.name", u"{{department.name}}", u"Billing");
        row("department.hours", u"{{department.hours}}", u"Mon-Fri 8:00-16:00");
        row("sla.first_response", u"{{sla.first_response}}", u"2026-03-29 12:00 UTC");
        row("kb link", u"{{kb.reset-password}}", u"https://kb.example.si/reset-password");
        row("whitespace inside braces", u"{{  customer.name\t}}", u"Ana Novak");
        row("in a sentence", u"Hi {{customer.first_name}}, re {{ticket.number}}.",
            u"Hi Ana, re #1042.");
        row("adjacent", u"{{agent.first_name}}{{department.name}}", u"MarkoBilling");
        row("fallback unused", u"{{customer.first_name | \"there\"}}", u"Ana");
        row("lone braces are text", u"a { b } c }} d {", u"a { b } c }} d {");
        row("brace before placeholder", u"{{{customer.first_name}}", u"{{{customer.first_name}}");
        row("empty template", u"", u"");
        row("no placeholders", u"Thanks!\nBye", u"Thanks!\nBye");
    }
    void placeholders()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Template t = Template::parse(text);
        if (!text.startsWith(QStringLiteral("{{{")))
            QVERIFY2(t.good(), qPrintable(t.errorString()));
        QCOMPARE(render(t, fullContext(), TemplateFormat::PlainText), expected);
    }

    void localisedLabels()
    {
        TemplateContext c = fullContext();
        c.statusLabel = QStringLiteral("na čakanju");
        c.priorityLabel = QStringLiteral("nujno");
        QCOMPARE(plain(QStringLiteral("{{ticket.status}}/{{ticket.priority}}"), c),
                 QStringLiteral("na čakanju/nujno"));
    }

    void dueIsShownInUtc()
    {
        TemplateContext c;
        c.ticketDue = QDateTime(QDate(2026, 7, 1), QTime(10, 0), QTimeZone("Europe/Ljubljana"));
        QCOMPARE(plain(QStringLiteral("{{ticket.due}}"), c), QStringLiteral("2026-07-01 08:00"));
    }

    void missingData_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char16_t *text, const char16_t *expected) {
            QTest::newRow(name) << QString::fromUtf16(text) << QString::fromUtf16(expected);
        };
        row("empty without fallback", u"Hi {{customer.first_name}}!", u"Hi !");
        row("fallback", u"Hi {{customer.first_name | \"there\"}}!", u"Hi there!");
        row("fallback without spaces", u"Hi {{customer.first_name|\"there\"}}!", u"Hi there!");
        row("escaped quote in fallback", u"{{customer.name | \"the \\\"customer\\\"\"}}",
            u"the \"customer\"");
        row("escaped backslash in fallback", u"{{customer.name | \"a\\\\b\"}}", u"a\\b");
        row("other backslashes stay", u"{{customer.name | \"a\\nb\"}}", u"a\\nb");
        row("braces in fallback", u"{{customer.name | \"{{x}}\"}}", u"{{x}}");
        row("empty fallback", u"{{customer.name | \"\"}}", u"");
        row("no ticket number yet", u"[{{ticket.number}}]", u"[]");
        row("no ticket number fallback", u"{{ticket.number | \"new ticket\"}}", u"new ticket");
        row("no due", u"{{ticket.due | \"soon\"}}", u"soon");
        row("no SLA", u"{{sla.first_response | \"soon\"}}", u"soon");
        row("unknown kb slug", u"{{kb.billing-faq | \"our FAQ\"}}", u"our FAQ");
        row("no status link", u"{{ticket.status_link}}", u"");
        row("status always known", u"{{ticket.status | \"x\"}}", u"new");
        row("priority always known", u"{{ticket.priority}}", u"normal");
    }
    void missingData()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Template t = Template::parse(text);
        QVERIFY2(t.good(), qPrintable(t.errorString()));
        QCOMPARE(render(t, TemplateContext(), TemplateFormat::PlainText), expected);
        QCOMPARE(render(t, TemplateContext(), TemplateFormat::Html), expected);
    }

    void htmlEscaping_data()
    {
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedPlain");
        QTest::addColumn<QString>("expectedHtml");
        QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>")
                                << QStringLiteral("<b>Hi {{customer.name}}</b>")
                                << QStringLiteral("<b>Hi <script>alert(1)</script></b>")
                                << QStringLiteral(
                                       "<b>Hi &lt;script&gt;alert(1)&lt;/script&gt;</b>");
        QTest::newRow("ampersand and quotes")
            << QStringLiteral("Tom & \"Jerry\"") << QStringLiteral("{{customer.name}}")
            << QStringLiteral("Tom & \"Jerry\"") << QStringLiteral("Tom &amp; &quot;Jerry&quot;");
        QTest::newRow("fallback is template text")
            << QString() << QStringLiteral("{{customer.name | \"<i>friend</i>\"}}")
            << QStringLiteral("<i>friend</i>") << QStringLiteral("<i>friend</i>");
        QTest::newRow("unicode") << QStringLiteral("Łukasz & Đorđe")
                                 << QStringLiteral("{{customer.name}}")
                                 << QStringLiteral("Łukasz & Đorđe")
                                 << QStringLiteral("Łukasz &amp; Đorđe");
    }
    void htmlEscaping()
    {
        QFETCH(QString, customer);
        QFETCH(QString, text);
        QFETCH(QString, expectedPlain);
        QFETCH(QString, expectedHtml);
        TemplateContext c;
        c.customerName = customer;
        QCOMPARE(plain(text, c), expectedPlain);
        QCOMPARE(html(text, c), expectedHtml);
    }

    void htmlLinks()
    {
        TemplateContext c;
        c.kbLinks.insert(QStringLiteral("a-1"), QStringLiteral("https://kb/x?a=1&b=\"2\""));
        c.statusLink = QStringLiteral("https://s/?a=1&b=2");
        QCOMPARE(html(QStringLiteral("{{kb.a-1}}"), c),
                 QStringLiteral("<a href=\"https://kb/x?a=1&amp;b=&quot;2&quot;\">"
                                "https://kb/x?a=1&amp;b=&quot;2&quot;</a>"));
        QCOMPARE(plain(QStringLiteral("{{kb.a-1}}"), c),
                 QStringLiteral("https://kb/x?a=1&b=\"2\""));
        QCOMPARE(html(QStringLiteral("{{ticket.status_link}}"), c),
                 QStringLiteral("https://s/?a=1&amp;b=2"));
    }

    void contextFromDomain_data()
    {
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("latin") << QStringLiteral("Ana Novak") << QStringLiteral("Marko Horvat")
                               << QStringLiteral("Ana|Ana Novak|Marko|Marko Horvat");
        QTest::newRow("unicode") << QStringLiteral("Łukasz Wiśniewski")
                                 << QStringLiteral("Đorđe Đurić")
                                 << QStringLiteral("Łukasz|Łukasz Wiśniewski|Đorđe|Đorđe Đurić");
        QTest::newRow("padded") << QStringLiteral("  Žana\tKos ") << QStringLiteral("Ivo")
                                << QStringLiteral("Žana|Žana\tKos|Ivo|Ivo");
        QTest::newRow("empty") << QString() << QString() << QStringLiteral("there|||");
    }
    void contextFromDomain()
    {
        QFETCH(QString, customer);
        QFETCH(QString, agent);
        QFETCH(QString, expected);
        Ticket ticket;
        ticket.subject = QStringLiteral("Invoice");
        ticket.status = TicketStatus::Pending;
        ticket.priority = Priority::High;
        Contact contact;
        contact.name = customer;
        contact.emails = {QStringLiteral("a@b.c"), QStringLiteral("d@e.f")};
        Agent a;
        a.name = agent;
        Department dept;
        dept.name = QStringLiteral("Billing");
        TemplateExtras extras;
        extras.departmentHours = QStringLiteral("Mon-Fri");
        extras.statusLink = QStringLiteral("https://s/1");
        const TemplateContext c = makeTemplateContext(ticket, contact, a, dept, extras);
        QCOMPARE(plain(QStringLiteral("{{customer.first_name | \"there\"}}|{{customer.name}}|"
                                      "{{agent.first_name}}|{{agent.name}}"),
                       c),
                 expected);
        QCOMPARE(plain(QStringLiteral("{{customer.email}} {{ticket.subject}} {{ticket.status}} "
                                      "{{ticket.priority}} {{department.name}} "
                                      "{{department.hours}} {{ticket.status_link}} "
                                      "[{{ticket.number}}]"),
                       c),
                 QStringLiteral("a@b.c Invoice pending high Billing Mon-Fri https://s/1 []"));
        ticket.number = 7;
        QCOMPARE(plain(QStringLiteral("{{ticket.number}}"),
                       makeTemplateContext(ticket, contact, a, dept)),
                 QStringLiteral("#7"));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char16_t *text, int position,
                            const char16_t *message) {
            QTest::newRow(name) << QString::fromUtf16(text) << position
                                << QString::fromUtf16(message);
        };
        row("typo", u"Hi {{custmer.name}}", 5,
            u"unknown placeholder \"custmer.name\" \u2014 did you mean \"customer.name\"?");
        row("typo with spaces", u"{{  agent.frist_name }}", 4,
            u"unknown placeholder \"agent.frist_name\" \u2014 did you mean "
            u"\"agent.first_name\"?");
        row("wrong case", u"{{Ticket.Number}}", 2,
            u"unknown placeholder \"Ticket.Number\" \u2014 did you mean \"ticket.number\"?");
        row("far off", u"x {{order.id}}", 4, u"unknown placeholder \"order.id\"");
        row("unicode before", u"Đorđe {{ticket.stauts}}", 8,
            u"unknown placeholder \"ticket.stauts\" \u2014 did you mean \"ticket.status\"?");
        row("unclosed", u"Hi {{customer.name", 3,
            u"unclosed \"{{\": add \"}}\" after the placeholder name");
        row("unclosed single brace", u"Hi {{customer.name}", 3,
            u"unclosed \"{{\": add \"}}\" after the placeholder name");
        row("unclosed at end", u"Hi {{", 3,
            u"unclosed \"{{\": add \"}}\" after the placeholder name");
        row("empty", u"a {{ }} b", 5,
            u"empty placeholder: write a name such as {{customer.first_name}}");
        row("unquoted fallback", u"{{customer.name | there}}", 18,
            u"expected a fallback in double quotes after \"|\", e.g. "
            u"{{customer.first_name | \"there\"}}");
        row("missing fallback", u"{{customer.name |}}", 17,
            u"expected a fallback in double quotes after \"|\", e.g. "
            u"{{customer.first_name | \"there\"}}");
        row("unterminated fallback", u"{{customer.name | \"there}}", 18,
            u"unterminated fallback: add a closing '\"'");
        row("space in name", u"{{customer name}}", 11,
            u"unexpected \"n\" in placeholder: expected \"}}\"");
        row("text after fallback", u"{{customer.name | \"a\" \"b\"}}", 22,
            u"unexpected \"\"\" in placeholder: expected \"}}\"");
        row("bad kb slug", u"{{kb.Reset_Password}}", 2,
            u"invalid knowledge-base article \"kb.Reset_Password\": write kb. and the article's "
            u"slug (lower-case letters, digits and \"-\")");
        row("empty kb slug", u"{{kb.}}", 2,
            u"invalid knowledge-base article \"kb.\": write kb. and the article's slug "
            u"(lower-case letters, digits and \"-\")");
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(QString, message);
        const Template t = Template::parse(text);
        QCOMPARE(t.errors().size(), 1);
        QCOMPARE(t.errors().first().position, position);
        QCOMPARE(t.errors().first().message, message);
        // Nothing the author wrote is lost: a broken placeholder renders as its own text.
        QCOMPARE(render(t, fullContext(), TemplateFormat::PlainText).endsWith(text.mid(position)),
                 true);
    }

    void severalErrorsAndErrorString()
    {
        const Template t = Template::parse(
            QStringLiteral("Hi {{custmer.name}},\nabout {{ticket.number}} {{ticket.nubmer}}"));
        QCOMPARE(t.errors().size(), 2);
        QCOMPARE(t.errorString(),
                 QStringLiteral("line 1, column 6: unknown placeholder \"custmer.name\" \u2014 did "
                                "you mean \"customer.name\"?\nline 2, column 27: unknown "
                                "placeholder \"ticket.nubmer\" \u2014 did you mean "
                                "\"ticket.number\"?"));
        QCOMPARE(render(t, fullContext(), TemplateFormat::PlainText),
                 QStringLiteral("Hi {{custmer.name}},\nabout #1042 {{ticket.nubmer}}"));
    }

    void knownPlaceholdersAllParse()
    {
        const QStringList names = knownPlaceholders();
        QCOMPARE(names.size(), 14);
        for (const QString &name : names) {
            const Template t =
                Template::parse(QString(QStringLiteral("{{") + name + QStringLiteral("}}")));
            QVERIFY2(t.good(), qPrintable(name));
            QCOMPARE(t.segments().size(), 1);
            QCOMPARE(t.segments().first().kind, TemplateSegment::Placeholder);
        }
    }

    void composeReply_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("footer");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("expectedPlain");
        QTest::addColumn<QString>("expectedHtml");
        QTest::newRow("all parts")
            << QStringLiteral("{{department.name}} support")
            << QStringLiteral("Hi {{customer.first_name}},\nfixed.\n")
            << QStringLiteral("Ticket {{ticket.number}}") << QStringLiteral("-- \n{{agent.name}}")
            << QStringLiteral(
                   "Billing support\n\nHi Ana,\nfixed.\n\nTicket #1042\n\n-- \nMarko Horvat")
            << QStringLiteral("<p>Billing support</p>\n<p>Hi Ana,\nfixed.</p>\n<p>Ticket "
                              "#1042</p>\n<p>-- \nMarko Horvat</p>");
        QTest::newRow("empty parts skipped")
            << QString() << QStringLiteral("Body") << QStringLiteral("  \n")
            << QStringLiteral("{{agent.name}}") << QStringLiteral("Body\n\nMarko Horvat")
            << QStringLiteral("<p>Body</p>\n<p>Marko Horvat</p>");
        QTest::newRow("part empty after render")
            << QStringLiteral("{{ticket.status_link}}")
            << QStringLiteral("<b>{{customer.name}}</b>") << QString() << QString()
            << QStringLiteral("<b>Ana Novak</b>") << QStringLiteral("<p><b>Ana Novak</b></p>");
        QTest::newRow("nothing") << QString() << QString() << QString() << QString() << QString()
                                 << QString();
    }
    void composeReply()
    {
        QFETCH(QString, header);
        QFETCH(QString, body);
        QFETCH(QString, footer);
        QFETCH(QString, signature);
        QFETCH(QString, expectedPlain);
        QFETCH(QString, expectedHtml);
        TemplateContext c = fullContext();
        c.statusLink.clear();
        const Template h = Template::parse(header), b = Template::parse(body),
                       f = Template::parse(footer), s = Template::parse(signature);
        QCOMPARE(Pult::composeReply(h, b, f, s, c, TemplateFormat::PlainText), expectedPlain);
        QCOMPARE(Pult::composeReply(h, b, f, s, c, TemplateFormat::Html), expectedHtml);
    }

    // Seeded random texts built from the characters the parser cares about: parsing and
    // rendering never crash or hang, errors point inside the text, and a text without errors
    // renders the same twice.
    void randomTextsAreHandled()
    {
        const QStringList pieces = {
            QStringLiteral("{"),
            QStringLiteral("}"),
            QStringLiteral("{{"),
            QStringLiteral("}}"),
            QStringLiteral("|"),
            QStringLiteral("\""),
            QStringLiteral("\\"),
            QStringLiteral(" "),
            QStringLiteral("\n"),
            QStringLiteral("."),
            QStringLiteral("kb."),
            QStringLiteral("a-1"),
            QStringLiteral("Ł"),
            QStringLiteral("Đ"),
            QStringLiteral("\U0001F600"),
            QStringLiteral("x"),
            QStringLiteral("customer.first_name"),
            QStringLiteral("ticket.number"),
            QStringLiteral("custmer.name"),
        };
        QRandomGenerator rng(20260401);
        const TemplateContext c = fullContext();
        int good = 0;
        for (int n = 0; n < 20000; ++n) {
            QString text;
            const int length = rng.bounded(0, 24);
            for (int k = 0; k < length; ++k) {
                if (rng.bounded(8) == 0)
                    text += QChar(char16_t(rng.bounded(0x20, 0xD800))); // any BMP character
                else
                    text += pieces.at(rng.bounded(int(pieces.size())));
            }
            const Template t = Template::parse(text);
            for (const TemplateError &e : t.errors()) {
                QVERIFY2(e.position >= 0 && e.position < text.size(), qPrintable(text));
                QVERIFY(!e.message.isEmpty());
            }
            const QString p = render(t, c, TemplateFormat::PlainText);
            const QString h = render(t, c, TemplateFormat::Html);
            Q_UNUSED(h);
            QCOMPARE(render(t, c, TemplateFormat::PlainText), p);
            if (t.good())
                ++good;
            else // every error keeps the broken text, so nothing is lost
                QVERIFY(!p.isEmpty());
        }
        QVERIFY(good > 1000); // the generator reaches valid templates too
        QVERIFY(good < 19000);
    }
};

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
