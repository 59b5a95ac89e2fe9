#include "demodata.h"

#include "domain.h"
#include "localstore.h"
#include "uuid.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <array>
#include <vector>

// Demo data: a help desk of a small SaaS company ("Lumen", online bookings and invoicing) with
// customers writing in English, Slovenian, Lithuanian, Croatian and Polish.
//
// Invariants the generator keeps (tests and benchmarks rely on them):
// - Deterministic: everything, ids included, comes from two xoshiro256** streams seeded from
//   DemoOptions::seed (one for content, one for the random bits of the UUIDv7 ids) and from
//   DemoOptions::now, the end of the timeline (the clock is read only when it is not given). No
//   std distributions (their output is implementation-defined), no libm, no hashing of pointers.
// - Ticket i has number i+1 and is created in [now - 730 d, now - 2 h], non-decreasing in i; its
//   id carries its creation time. Messages of a ticket start at its creation and strictly
//   increase in time; their ids carry their times; ticket.updated is the time of the last
//   message, and no message or history event is later than now.
// - firstResponseAt is the first agent reply; solvedAt is set exactly for solved and closed
//   tickets and is the time of the solving reply (or of the merge for merged duplicates);
//   closed tickets end with the system event that closed them. History events happen at
//   message times, so they never come after ticket.updated.
// - An assignee is always a member of the ticket's department with a tier at least the ticket's.
// - Links are symmetric and point to tickets of the same write batch; merged duplicates point to
//   an earlier ticket of the same requester.
// - Every write's Status is checked; the first failure aborts and is returned.

namespace Pult {
namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// The demo's two years end at DemoOptions::now: the newest ticket comes two hours before it,
// the latest message a minute before it, and the help desk was set up a month before the first
// ticket.
struct Timeline
{
    explicit Timeline(qint64 nowMs)
        : now(nowMs)
        , firstCreated(nowMs - 730 * kDay)
        , lastCreated(nowMs - 2 * kHour)
        , latestEvent(nowMs - kMinute)
        , setup(firstCreated - 30 * kDay)
    {}

    qint64 now;
    qint64 firstCreated;
    qint64 lastCreated;
    qint64 latestEvent;
    qint64 setup;
};
constexpr qint64 kTicketsPerBatch = 5000;
constexpr qint64 kContactsPerBatch = 10000;
constexpr int kLinkWindow = 300;       // links and merges reach back this many tickets in the batch
constexpr qint64 kNewestWorkedOn = 40; // the newest tickets are mostly active, however old
constexpr double kStaysOverdue = 0.1;  // of the active tickets past their next SLA deadline

// Customer languages (weights: share of the contacts) and ticket categories.
enum Lang { En, Sl, Lt, Hr, Pl, kLangCount };
constexpr std::array<const char16_t *, kLangCount> kLangCodes{u"en", u"sl", u"lt", u"hr", u"pl"};
constexpr std::array<int, kLangCount> kLangWeights{30, 18, 14, 18, 20};

enum Category {
    CatBilling,
    CatBug,
    CatFeature,
    CatOnboarding,
    CatAccount,
    CatIntegration,
    CatOutage,
    CatSales,
    kCategoryCount
};
constexpr std::array<const char16_t *, kCategoryCount> kCategoryNames{
    u"billing", u"bug",         u"feature-request", u"onboarding",
    u"account", u"integration", u"outage",          u"sales"};

bool isTechnical(int category)
{
    return category == CatBug || category == CatIntegration || category == CatOutage;
}

// ------------------------------------------------------------------------------------------
// Language banks: one text per language in resources/demo/<code>.txt, compiled in as the Qt
// resources :/demo/<code>.txt (the format for translators: resources/demo/README.md). Sections
// are introduced by "@name [category]", one phrase per line; blank lines and lines starting
// with '#' are skipped. Placeholders are one letter in braces (see Composer). Within a category,
// subject k, problem k and solve k tell one story (a topic), so every language lists them in
// the same order; parseBank checks the counts. Greetings, details, follow-ups, questions,
// progress reports, closings and notes are combined freely. Snippet intros are in the order of
// SnippetIntro. Sentences avoid grammatical gender and case forms that depend on the person or
// number filled in ({u} is always a multiple of ten).

// Code and log snippets: what customers paste (introduced by the snippet intro of the given
// index: log, API answer, browser console, received request) and what agents note, by category
// and topic (see the banks' subject order). Category kAnyTechnical: any technical ticket.
// Placeholders: {T} ISO time, {L} nginx time, {R} request id, {I} address octet, {v} app version.
enum SnippetIntro { IntroLog, IntroApi, IntroConsole, IntroRequest, kSnippetIntroCount };
struct Snippet
{
    int category;
    int topic; // the subject index within the category it belongs to; -1: any
    bool fromCustomer;
    int intro;
    const char16_t *text;
};
constexpr int kAnyTechnical = -1;
constexpr Snippet kSnippets[] = {
    {CatIntegration, 1, true, IntroLog, uR"(Traceback (most recent call last):
  File "sync_bookings.py", line 42, in <module>
    resp.raise_for_status()
  File "/usr/lib/python3/dist-packages/requests/models.py", line 1021, in raise_for_status
    raise HTTPError(http_error_msg, response=self)
requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.lumen.example/v2/bookings?page=3)"},
    {CatIntegration, 1, true, IntroApi, uR"({
  "error": "invalid_token",
  "message": "The access token expired at {T}",
  "request_id": "{R}"
})"},
    {CatIntegration, 0, true, IntroLog,
     uR"(203.0.113.{I} - - [{L}] "POST /webhooks/lumen HTTP/1.1" 504 167 "-" "Lumen-Webhooks/2.3"
203.0.113.{I} - - [{L}] "POST /webhooks/lumen HTTP/1.1" 504 167 "-" "Lumen-Webhooks/2.3"
203.0.113.{I} - - [{L}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.27")"},
    {CatIntegration, 1, true, IntroApi,
     uR"($ curl -i -H "Authorization: Bearer lm_live_****" https://api.lumen.example/v2/me
HTTP/2 401
content-type: application/json
x-request-id: {R}

{"error":"unauthorized","message":"token is not valid for this environment"})"},
    {CatIntegration, 0, true, IntroRequest, uR"({
  "event": "booking.created",
  "id": "evt_{R}",
  "created_at": "{T}",
  "data": {"booking_id": 48213, "customer_id": 1207, "starts_at": "2026-03-14T09:30:00Z"}
})"},
    {CatIntegration, 0, true, IntroLog,
     uR"(PHP Fatal error:  Uncaught GuzzleHttp\Exception\ConnectException: cURL error 28: Operation timed out after 30001 milliseconds in /var/www/shop/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:210
Stack trace:
#0 /var/www/shop/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(158): GuzzleHttp\Handler\CurlFactory::createRejection()
#1 /var/www/shop/src/Lumen/WebhookClient.php(77): GuzzleHttp\Client->request('POST', 'https://api.lum...'))"},
    {CatBug, 0, true, IntroConsole,
     uR"(Uncaught TypeError: Cannot read properties of undefined (reading 'slots')
    at CalendarView.render (calendar.7f3a9c.js:1:48213)
    at CalendarView.update (calendar.7f3a9c.js:1:47020)
    at HTMLDocument.<anonymous> (app.{v}.js:2:1044))"},
    {CatBug, 0, true, IntroLog, uR"(E/AndroidRuntime: FATAL EXCEPTION: main
    Process: com.lumen.app, PID: 12873
    java.lang.NullPointerException: Attempt to invoke virtual method 'long java.util.Date.getTime()' on a null object reference
        at com.lumen.app.calendar.DayView.onDraw(DayView.kt:131)
        at android.view.View.draw(View.java:23889))"},
    {CatOutage, 2, true, IntroApi, uR"(<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>)"},
    {kAnyTechnical, -1, false, IntroLog, uR"(SELECT b.id, b.starts_at, c.email
  FROM bookings b
  JOIN customers c ON c.id = b.customer_id
 WHERE b.starts_at >= '2026-03-01' AND b.status = 'confirmed'
 ORDER BY b.starts_at;
ERROR:  column b.status does not exist
LINE 4:  WHERE b.starts_at >= '2026-03-01' AND b.status = 'confirmed')"},
    {CatOutage, -1, false, IntroLog,
     uR"(2026/10/31 23:58:41 [error] 1187#1187: *90412 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 198.51.100.{I}, server: book.lumen.example, request: "GET /b/salon HTTP/2.0", upstream: "http://10.0.3.17:8080/b/salon")"},
    {CatIntegration, 1, false, IntroLog,
     uR"({T} WARN api-gateway request_id={R} POST /v2/bookings status=401 reason="token environment mismatch" client=lm_test_7f3a
{T} WARN api-gateway request_id={R} GET /v2/bookings status=401 reason="token environment mismatch" client=lm_test_7f3a)"},
    {CatBug, 0, false, IntroLog,
     uR"(Sentry LUMEN-APP-4K2: IllegalStateException: day view without calendar
  at CalendarRepository.loadDay (CalendarRepository.kt:88)
  events: 1,284 · users: 312 · first seen in app {v})"},
};

// System events are written by Pult itself, always in English.
constexpr const char16_t *kAutoReply =
    u"Automatic reply sent to {N}: we have received your request and will answer within one "
    u"working day.";
constexpr const char16_t *kAutoClose = u"Ticket closed automatically 4 days after it was solved.";
constexpr const char16_t *kCsat = u"{N} rated the support: ";
constexpr const char16_t *kMarkedSpam = u"Marked as spam by {G}.";
constexpr const char16_t *kMergedInto = u"Merged into #{m} by {G}.";

constexpr std::array<const char16_t *, 5> kSpamSubjects{
    u"Boost your Google ranking in 30 days",  u"Partnership proposal – guaranteed 300% ROI",
    u"You have (1) unclaimed payment",        u"Cheap followers for your business profile",
    u"RE: Invoice overdue – action required",
};
constexpr std::array<const char16_t *, 4> kSpamBodies{
    u"Dear Sir/Madam,\n\nWe can get your website to the first page of Google in 30 days. Reply "
    u"YES for a free audit.\n\nBest regards,\nSEO Growth Team",
    u"Hello,\n\nyour account has a pending payment of $4,850.00. Confirm your details at "
    u"http://secure-payments-verify.example/claim within 24 hours.\n\nPayment Department",
    u"Hi there!\n\nWe sell 10,000 real followers for only $19. Limited offer, act now!",
    u"Dear friend,\n\nI am contacting you about a confidential business proposal worth "
    u"millions. Please reply with your private email.\n\nDr. Frank Williams",
};

// ------------------------------------------------------------------------------------------
// Deterministic random numbers.

class Rng
{
public:
    explicit Rng(quint64 seed)
    {
        for (quint64 &s : m_s)
            s = splitMix(seed);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, n), n > 0, without modulo bias.
    quint64 below(quint64 n)
    {
        Q_ASSERT(n > 0);
        const quint64 threshold = (0 - n) % n;
        for (;;) {
            const quint64 r = next();
            if (r >= threshold)
                return r % n;
        }
    }
    int index(std::size_t n) { return int(below(quint64(n))); }
    qint64 between(qint64 lo, qint64 hi) { return lo + qint64(below(quint64(hi - lo + 1))); }
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }

    template<typename C> const auto &pick(const C &c)
    {
        return c[std::size_t(index(std::size(c)))];
    }

    template<std::size_t N> int weighted(const std::array<int, N> &weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int r = int(below(quint64(total)));
        for (std::size_t i = 0; i < N; ++i) {
            if (r < weights[i])
                return int(i);
            r -= weights[i];
        }
        return int(N - 1);
    }

    // Roughly log-uniform in [lo, hi]: a random octave, then uniform within it.
    qint64 spread(qint64 lo, qint64 hi)
    {
        int octaves = 0;
        while ((lo << (octaves + 1)) <= hi)
            ++octaves;
        const qint64 base = lo << index(std::size_t(octaves) + 1);
        const qint64 top = std::min(hi, base * 2);
        return between(base, top);
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    static quint64 splitMix(quint64 &x)
    {
        quint64 z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::array<quint64, 4> m_s{};
};

// ------------------------------------------------------------------------------------------
// The fixed organisation: departments, agents, canned responses.

struct DepartmentSeed
{
    const char16_t *name;
    const char16_t *email;
    QueueOrder queueOrder;
    const char16_t *businessHours; // docs/business-hours.md
    int weight;                    // share of the tickets
    std::array<int, kCategoryCount> categoryWeights;
};
enum { DeptBilling, DeptTechnical, DeptSales, DeptOnboarding, kDepartmentCount };
constexpr std::array<DepartmentSeed, kDepartmentCount> kDepartments{{
    {u"Billing",
     u"billing@lumen.example",
     QueueOrder::PriorityThenAge,
     u"tz=Europe/Ljubljana; mon-fri 08:00-16:00; yearly 01-01, 12-25, 12-26",
     25,
     {70, 0, 0, 0, 25, 0, 0, 5}},
    {u"Technical support",
     u"support@lumen.example",
     QueueOrder::SlaDeadlineFirst,
     u"tz=Europe/Warsaw; mon-fri 07:00-19:00; sat 09:00-13:00; yearly 01-01, 12-25",
     40,
     {0, 40, 10, 0, 15, 25, 10, 0}},
    {u"Sales",
     u"sales@lumen.example",
     QueueOrder::CustomerPlan,
     u"tz=Europe/Vilnius; mon-fri 09:00-17:00; yearly 01-01, 02-16, 12-25",
     15,
     {15, 0, 25, 0, 0, 0, 0, 60}},
    {u"Onboarding",
     u"onboarding@lumen.example",
     QueueOrder::Fifo,
     u"tz=Europe/Zagreb; mon-fri 08:00-12:00, 13:00-16:00; yearly 01-01, 12-25",
     20,
     {0, 0, 0, 70, 15, 15, 0, 0}},
}};

struct AgentSeed
{
    const char16_t *name;
    int department; // -1: member of every department
    int tier;
    Role role;
    int secondDepartment = -1;
    int secondTier = 1;
};
constexpr std::array<AgentSeed, 31> kAgents{{
    {u"Lucija Marić", DeptBilling, 3, Role::Lead},
    {u"Tomasz Nowak", DeptBilling, 1, Role::Agent, DeptSales, 1},
    {u"Eglė Jankauskaitė", DeptBilling, 2, Role::Agent},
    {u"Nina Kovač", DeptBilling, 1, Role::Agent},
    {u"Oliver Bennett", DeptBilling, 1, Role::Agent},
    {u"Marta Zielińska", DeptBilling, 2, Role::Agent, DeptOnboarding, 1},
    {u"Luka Babić", DeptBilling, 1, Role::Agent},
    {u"Rūta Paulauskienė", DeptBilling, 3, Role::Agent},
    {u"Rok Zupan", DeptTechnical, 3, Role::Lead},
    {u"Dario Vuković", DeptTechnical, 3, Role::Agent},
    {u"Paweł Kamiński", DeptTechnical, 2, Role::Agent},
    {u"Mindaugas Vaitkus", DeptTechnical, 2, Role::Agent},
    {u"Sophie Turner", DeptTechnical, 1, Role::Agent, DeptOnboarding, 2},
    {u"Jure Kranjc", DeptTechnical, 1, Role::Agent},
    {u"Ivana Jurić", DeptTechnical, 1, Role::Agent},
    {u"Katarzyna Lewandowska", DeptTechnical, 2, Role::Agent},
    {u"Darius Petrauskas", DeptTechnical, 1, Role::Agent},
    {u"Tina Zupančič", DeptTechnical, 1, Role::Agent, DeptBilling, 1},
    {u"Marko Perić", DeptTechnical, 3, Role::Agent},
    {u"Grzegorz Wójcik", DeptTechnical, 1, Role::Agent},
    {u"Agnieszka Wróbel", DeptSales, 3, Role::Lead},
    {u"James O'Connor", DeptSales, 2, Role::Agent},
    {u"Urška Potočnik", DeptSales, 1, Role::Agent},
    {u"Lukas Stankevičius", DeptSales, 1, Role::Agent},
    {u"Petra Knežević", DeptSales, 2, Role::Agent},
    {u"Aleksandra Szymańska", DeptSales, 1, Role::Agent, DeptBilling, 2},
    {u"Špela Novak", DeptOnboarding, 3, Role::Lead},
    {u"Vytautas Žukauskas", DeptOnboarding, 2, Role::Agent},
    {u"Hannah Price", DeptOnboarding, 1, Role::Agent},
    {u"Filip Tomić", DeptOnboarding, 1, Role::Agent, DeptTechnical, 1},
    {u"Gregor Mlakar", -1, 3, Role::Admin},
}};
constexpr std::array<int, kDepartmentCount> kDepartmentLeads{0, 8, 20, 26};

struct CannedSeed
{
    const char16_t *title;
    const char16_t *shortcut;
    CannedScope scope;
    int owner; // department index for Department, agent index for Personal
    const char16_t *body;
};
constexpr std::array<CannedSeed, 21> kCanned{{
    {u"Thank you for contacting us", u"thanks", CannedScope::Global, -1,
     u"Hi {{customer.first_name}},\n\nthank you for contacting Lumen support. Your request has "
     u"been registered as ticket #{{ticket.number}} and we will get back to you as soon as "
     u"possible.\n\nBest regards,\n{{agent.name}}"},
    {u"Zahvala za sporočilo", u"hvala-sl", CannedScope::Global, -1,
     u"Pozdravljeni,\n\nhvala za vaše sporočilo. Vaš zahtevek ima številko #{{ticket.number}}, "
     u"odgovorili vam bomo v najkrajšem možnem času.\n\nLep pozdrav,\n{{agent.name}}"},
    {u"Padėka už kreipimąsi", u"aciu-lt", CannedScope::Global, -1,
     u"Laba diena,\n\ndėkojame, kad kreipėtės. Jūsų užklausos numeris yra #{{ticket.number}}, "
     u"atsakysime kuo greičiau.\n\nPagarbiai,\n{{agent.name}}"},
    {u"Zahvala na upitu", u"hvala-hr", CannedScope::Global, -1,
     u"Poštovani,\n\nhvala na vašem upitu. Zaprimili smo ga pod brojem #{{ticket.number}} i "
     u"javit ćemo vam se što prije.\n\nLijep pozdrav,\n{{agent.name}}"},
    {u"Podziękowanie za zgłoszenie", u"dzieki-pl", CannedScope::Global, -1,
     u"Dzień dobry,\n\ndziękujemy za kontakt. Zgłoszenie otrzymało numer #{{ticket.number}}, "
     u"odpowiemy najszybciej, jak to możliwe.\n\nPozdrawiam,\n{{agent.name}}"},
    {u"Ticket solved", u"solved", CannedScope::Global, -1,
     u"Hi {{customer.first_name}},\n\nI have marked ticket #{{ticket.number}} as "
     u"{{ticket.status}}. If the problem comes back, simply reply to this email and the ticket "
     u"will reopen.\n\nKind regards,\n{{agent.name}}"},
    {u"Stanje zahtevka", u"stanje-sl", CannedScope::Global, -1,
     u"Pozdravljeni, {{customer.first_name}},\n\nstanje vašega zahtevka #{{ticket.number}} je "
     u"zdaj: {{ticket.status}}.\n\nLep pozdrav,\n{{agent.name}}"},
    {u"Refund issued", u"refund", CannedScope::Department, DeptBilling,
     u"Hi {{customer.first_name}},\n\nwe have refunded the amount to the card you paid with. "
     u"Depending on your bank it takes up to 5 working days to appear. Reference: ticket "
     u"#{{ticket.number}}.\n\nKind regards,\n{{agent.name}}"},
    {u"Ispravljeni račun", u"racun-hr", CannedScope::Department, DeptBilling,
     u"Poštovani,\n\nu privitku vam šaljemo ispravljeni račun. Broj vašeg upita je "
     u"#{{ticket.number}}.\n\nLijep pozdrav,\n{{agent.name}}"},
    {u"Faktura korygująca", u"faktura-pl", CannedScope::Department, DeptBilling,
     u"Dzień dobry,\n\nw załączniku przesyłamy fakturę korygującą do zgłoszenia "
     u"#{{ticket.number}}.\n\nZ poważaniem,\n{{agent.name}}"},
    {u"Need more details", u"details", CannedScope::Department, DeptTechnical,
     u"Hi {{customer.first_name}},\n\nto look into this we need a few more details: the "
     u"browser or app version you use, a screenshot of the error and roughly when it "
     u"happened.\n\nThanks,\n{{agent.name}}"},
    {u"Reikia daugiau informacijos", u"info-lt", CannedScope::Department, DeptTechnical,
     u"Laba diena,\n\nkad galėtume išsiaiškinti problemą, atsiųskite naudojamos naršyklės arba "
     u"programėlės versiją, klaidos ekrano nuotrauką ir nurodykite, kada tai nutiko.\n\n"
     u"Pagarbiai,\n{{agent.name}}"},
    {u"Known outage", u"outage", CannedScope::Department, DeptTechnical,
     u"Hi {{customer.first_name}},\n\nwe are aware of an outage affecting some customers and "
     u"are working on it right now. You can follow the progress at {{kb.status-page}}. We will "
     u"update ticket #{{ticket.number}} as soon as it is resolved.\n\n{{agent.name}}"},
    {u"Poznata greška", u"greska-hr", CannedScope::Department, DeptTechnical,
     u"Poštovani,\n\nriječ je o poznatoj grešci na kojoj naši programeri već rade. Javit ćemo "
     u"vam se u ovom upitu (#{{ticket.number}}) čim ispravak bude dostupan.\n\nLijep "
     u"pozdrav,\n{{agent.name}}"},
    {u"Enterprise quote", u"quote", CannedScope::Department, DeptSales,
     u"Hi {{customer.first_name}},\n\nthank you for your interest in Lumen Enterprise. Please "
     u"find our quote attached; it includes single sign-on, priority support and a dedicated "
     u"onboarding session. See {{kb.enterprise-plan}} for details.\n\nBest regards,\n"
     u"{{agent.name}}"},
    {u"Oferta Enterprise", u"oferta-pl", CannedScope::Department, DeptSales,
     u"Dzień dobry,\n\ndziękujemy za zainteresowanie planem Enterprise. W załączniku przesyłamy "
     u"ofertę; szczegóły planu są opisane tutaj: {{kb.enterprise-plan}}.\n\nZ poważaniem,\n"
     u"{{agent.name}}"},
    {u"Welcome aboard", u"welcome", CannedScope::Department, DeptOnboarding,
     u"Hi {{customer.first_name}},\n\nwelcome to Lumen! The getting started guide walks you "
     u"through the first steps: {{kb.getting-started}}. Reply to this email whenever you need "
     u"a hand.\n\n{{agent.name}}"},
    {u"Dobrodošli", u"dobrodosli-sl", CannedScope::Department, DeptOnboarding,
     u"Pozdravljeni, {{customer.first_name}},\n\ndobrodošli v Lumnu! Vodnik za prve korake "
     u"najdete tukaj: {{kb.getting-started}}. Če se kje zatakne, odgovorite na to sporočilo."
     u"\n\nLep pozdrav,\n{{agent.name}}"},
    {u"Call notes", u"call", CannedScope::Personal, 13,
     u"Call notes (ticket #{{ticket.number}})\nCaller: {{customer.first_name}}\nTopic:\n"
     u"Agreed next steps:\nCall back by:"},
    {u"Atsiprašome už vėlavimą", u"veluojam", CannedScope::Personal, 11,
     u"Laba diena,\n\natsiprašome, kad atsakymas vėluoja. Jūsų užklausą #{{ticket.number}} "
     u"sprendžiame ir netrukus parašysime.\n\nPagarbiai,\n{{agent.name}}"},
    {u"Prośba o zrzut ekranu", u"zrzut", CannedScope::Personal, 10,
     u"Dzień dobry,\n\nczy mogą Państwo przesłać zrzut ekranu z komunikatem o błędzie? To "
     u"bardzo przyspieszy sprawdzenie zgłoszenia #{{ticket.number}}.\n\nPozdrawiam,\n"
     u"{{agent.name}}"},
}};

struct FixedContact
{
    const char16_t *first;
    const char16_t *last;
    Lang lang;
};
// The people the product brief names; they come first and write the newest tickets.
constexpr std::array<FixedContact, 8> kFixedContacts{{
    {u"Łukasz", u"Wiśniewski", Pl},
    {u"Đorđe", u"Marković", Hr},
    {u"Saša", u"Kovačič", Sl},
    {u"Žydrūnė", u"Kazlauskienė", Lt},
    {u"Jonas", u"Petraitis", Lt},
    {u"Ana", u"Horvat", Hr},
    {u"Małgorzata", u"Dąbrowska", Pl},
    {u"Matej", u"Žagar", Sl},
}};

struct SpamSender
{
    const char16_t *name;
    const char16_t *email;
};
constexpr std::array<SpamSender, 5> kSpamSenders{{
    {u"SEO Growth Team", u"seo@rank-boost.example"},
    {u"Crypto Wealth Club", u"invest@crypto-wealth.example"},
    {u"Marketing Expert", u"hello@leads4you.example"},
    {u"Payment Department", u"billing@secure-payments-verify.example"},
    {u"Dr. Frank Williams", u"f.williams@intl-lottery.example"},
}};

constexpr std::array<const char16_t *, 6> kContactNotes{
    u"Prefers phone calls in the morning.", u"Reseller partner.",
    u"Asked not to be contacted by phone.", u"Key account, contract renewal in January.",
    u"Pays by bank transfer, not by card.", u"Speaks English and German.",
};

constexpr std::array<const char16_t *, 3> kPlanNames{u"free", u"pro", u"enterprise"};
constexpr std::array<const char16_t *, 3> kPlanDisplay{u"Free", u"Pro", u"Enterprise"};

constexpr std::array<std::array<const char16_t *, 6>, kCategoryCount> kTagPools{{
    {u"invoice", u"refund", u"duplicate-charge", u"vat", u"card", u"downgrade"},
    {u"mobile", u"android", u"ios", u"export", u"calendar", u"regression"},
    {u"roadmap", u"mobile", u"export", u"recurring", u"dark-mode", u"reports"},
    {u"import", u"trial", u"team", u"payments", u"setup", u"mobile"},
    {u"login", u"2fa", u"password", u"gdpr", u"owner-change", u"sso"},
    {u"api", u"webhook", u"google-calendar", u"token", u"sso", u"login"},
    {u"outage", u"performance", u"incident", u"api", u"mobile", u"login"},
    {u"quote", u"upgrade", u"discount", u"nonprofit", u"enterprise", u"invoice"},
}};

constexpr std::array<const char16_t *, 12> kMonths{
    u"January", u"February", u"March",     u"April",   u"May",      u"June",
    u"July",    u"August",   u"September", u"October", u"November", u"December"};
constexpr std::array<const char16_t *, 12> kMonthsShort{
    u"Jan", u"Feb", u"Mar", u"Apr", u"May", u"Jun", u"Jul", u"Aug", u"Sep", u"Oct", u"Nov", u"Dec"};
constexpr std::array<int, 7> kErrorCodes{1001, 1017, 2042, 3105, 4012, 4401, 5003};
constexpr std::array<int, 8> kEuroAmounts{9, 19, 29, 49, 99, 149, 199, 249};
constexpr std::array<int, 6> kZlotyAmounts{39, 79, 119, 199, 399, 799};
// Ticket arrivals by hour of the day (UTC; most customers are in Central and Eastern Europe).
constexpr std::array<int, 24> kHourWeights{1,  1,  1,  1,  2, 3, 6, 10, 12, 12, 12, 11,
                                           10, 11, 12, 11, 9, 7, 5, 4,  3,  3,  2,  1};

// ------------------------------------------------------------------------------------------
// Parsed language banks.

using Pool = std::vector<QStringView>;

struct Bank
{
    std::array<Pool, kCategoryCount> subject;
    std::array<Pool, kCategoryCount> problem;
    std::array<Pool, kCategoryCount> solve;
    Pool detail, techDetail, followUp, customerGreeting, customerClosing, agentGreeting, ask,
        progress, agentClosing, note, snippetIntro;
    Pool male, female, surname, organisation, mailDomain, phone, zone;
    // ASCII forms of the names for e-mail addresses, parallel to male, female and surname
    // (one per surname form).
    std::vector<QString> maleAscii, femaleAscii;
    std::vector<std::array<QString, 3>> surnameAscii;
};

bool same(QStringView a, QStringView b)
{
    return a == b;
}

Pool *section(Bank &bank, QStringView header)
{
    const qsizetype space = header.indexOf(u' ');
    const QStringView name = space < 0 ? header : header.left(space);
    if (space >= 0) {
        const QStringView arg = header.mid(space + 1);
        int category = -1;
        for (int c = 0; c < kCategoryCount; ++c) {
            if (same(arg, kCategoryNames[std::size_t(c)]))
                category = c;
        }
        if (category < 0)
            return nullptr;
        if (same(name, u"subject"))
            return &bank.subject[std::size_t(category)];
        if (same(name, u"problem"))
            return &bank.problem[std::size_t(category)];
        if (same(name, u"solve"))
            return &bank.solve[std::size_t(category)];
        return nullptr;
    }
    const std::array<std::pair<const char16_t *, Pool *>, 18> plain{{
        {u"detail", &bank.detail},
        {u"techdetail", &bank.techDetail},
        {u"followup", &bank.followUp},
        {u"cgreet", &bank.customerGreeting},
        {u"cclose", &bank.customerClosing},
        {u"agreet", &bank.agentGreeting},
        {u"ask", &bank.ask},
        {u"progress", &bank.progress},
        {u"aclose", &bank.agentClosing},
        {u"note", &bank.note},
        {u"snippet", &bank.snippetIntro},
        {u"male", &bank.male},
        {u"female", &bank.female},
        {u"surname", &bank.surname},
        {u"org", &bank.organisation},
        {u"maildomain", &bank.mailDomain},
        {u"phone", &bank.phone},
        {u"zone", &bank.zone},
    }};
    for (const auto &[key, pool] : plain) {
        if (same(name, key))
            return pool;
    }
    return nullptr;
}

// Lower-case ASCII for e-mail addresses: "Łukasz" → "lukasz", "O'Brien" → "obrien".
QString asciiFold(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar ch : decomposed) {
        char16_t c = ch.unicode();
        if (c == u'ł' || c == u'Ł')
            c = u'l';
        else if (c == u'đ' || c == u'Đ')
            c = u'd';
        if (c >= u'A' && c <= u'Z')
            c = char16_t(c - u'A' + u'a');
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            out += QChar(c);
        else if (c == u' ' || c == u'-')
            out += u'.';
    }
    return out;
}

// Surname pool entries are "male|female" or "male|married female|unmarried female".
QStringView surnameForm(QStringView entry, int form)
{
    qsizetype start = 0;
    for (int i = 0; i < form; ++i) {
        const qsizetype bar = entry.indexOf(u'|', start);
        if (bar < 0)
            break;
        start = bar + 1;
    }
    const qsizetype end = entry.indexOf(u'|', start);
    return end < 0 ? entry.mid(start) : entry.mid(start, end - start);
}

QStringView beforeBar(QStringView entry)
{
    const qsizetype bar = entry.indexOf(u'|');
    return bar < 0 ? entry : entry.left(bar);
}

QStringView afterBar(QStringView entry)
{
    const qsizetype bar = entry.indexOf(u'|');
    return bar < 0 ? QStringView() : entry.mid(bar + 1);
}

Status parseBank(QStringView text, QStringView code, Bank &bank)
{
    Pool *current = nullptr;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = text.size();
        const QStringView line = text.mid(pos, end - pos).trimmed();
        pos = end + 1;
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'@')) {
            current = section(bank, line.mid(1));
            if (!current)
                return Status(Status::Internal, QStringLiteral("demo data (%1): unknown section %2")
                                                    .arg(code, line.toString()));
            continue;
        }
        if (!current)
            return Status(
                Status::Internal,
                QStringLiteral("demo data (%1): text before the first section").arg(code));
        current->push_back(line);
    }
    std::vector<const Pool *> required{
        &bank.detail,          &bank.techDetail,    &bank.followUp,     &bank.customerGreeting,
        &bank.customerClosing, &bank.agentGreeting, &bank.ask,          &bank.progress,
        &bank.agentClosing,    &bank.note,          &bank.snippetIntro, &bank.male,
        &bank.female,          &bank.surname,       &bank.organisation, &bank.mailDomain,
        &bank.phone,           &bank.zone};
    for (int c = 0; c < kCategoryCount; ++c) {
        required.push_back(&bank.subject[std::size_t(c)]);
        required.push_back(&bank.problem[std::size_t(c)]);
        required.push_back(&bank.solve[std::size_t(c)]);
    }
    for (int c = 0; c < kCategoryCount; ++c) {
        // Subject k, problem k and solution k tell one story; a single solution fits them all.
        const std::size_t topics = bank.subject[std::size_t(c)].size();
        const std::size_t solutions = bank.solve[std::size_t(c)].size();
        if (bank.problem[std::size_t(c)].size() != topics ||
            (solutions != topics && solutions != 1))
            return Status(Status::Internal,
                          QStringLiteral("demo data (%1): subjects, problems and solutions of %2 "
                                         "do not line up")
                              .arg(code, QStringView(kCategoryNames[std::size_t(c)])));
    }
    if (bank.snippetIntro.size() < std::size_t(kSnippetIntroCount))
        return Status(Status::Internal,
                      QStringLiteral("demo data (%1): snippet intros are missing").arg(code));
    for (const Pool *pool : required) {
        if (pool->empty())
            return Status(Status::Internal,
                          QStringLiteral("demo data (%1): a phrase section is empty").arg(code));
    }
    for (QStringView name : bank.male)
        bank.maleAscii.push_back(asciiFold(name));
    for (QStringView name : bank.female)
        bank.femaleAscii.push_back(asciiFold(name));
    for (QStringView entry : bank.surname) {
        std::array<QString, 3> forms;
        for (int form = 0; form < 3; ++form)
            forms[std::size_t(form)] = asciiFold(surnameForm(entry, form));
        bank.surnameAscii.push_back(std::move(forms));
    }
    return {};
}

// ------------------------------------------------------------------------------------------
// Text helpers.

void appendNumber(QString &out, quint64 value, int width = 0)
{
    char16_t buffer[24];
    int n = 0;
    do {
        buffer[n++] = char16_t(u'0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (n < width && n < 24)
        buffer[n++] = u'0';
    std::reverse(buffer, buffer + n);
    out.append(QStringView(buffer, n));
}

void appendHex(QString &out, quint64 value, int digits)
{
    for (int i = digits - 1; i >= 0; --i)
        out += QChar(u"0123456789abcdef"[(value >> (4 * i)) & 0xf]);
}

struct Civil
{
    int year;
    int month; // 1-12
    int day;
    int hour;
    int minute;
    int second;
};

// Proleptic Gregorian calendar from Unix milliseconds (Howard Hinnant's civil_from_days).
Civil toCivil(qint64 ms)
{
    const qint64 secs = ms / 1000;
    qint64 z = secs / 86400;
    const qint64 secOfDay = secs % 86400;
    z += 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day, int(secOfDay / 3600), int(secOfDay / 60 % 60), int(secOfDay % 60)};
}

// The file a customer attaches with a log excerpt: named like a log, its hash that of the text
// (demo attachments have metadata only; their content comes with the sync issue).
Attachment logAttachment(const QString &body)
{
    const QByteArray text = body.toUtf8();
    return {QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex(),
            QStringLiteral("error.log"), QStringLiteral("text/plain"), qint64(text.size()) * 40};
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// SLA deadlines by priority (low, normal, high, urgent), in hours after creation.
constexpr std::array<int, 4> kFirstResponseHours{24, 8, 4, 1};
constexpr std::array<int, 4> kResolutionHours{168, 72, 24, 4};

void setDeadlines(Ticket &t, qint64 created)
{
    t.firstResponseDeadline = utc(created + kFirstResponseHours[std::size_t(t.priority)] * kHour);
    t.resolutionDeadline = utc(created + kResolutionHours[std::size_t(t.priority)] * kHour);
}

// ------------------------------------------------------------------------------------------
// The people.

struct AgentInfo
{
    QUuid id;
    QString name;
    QString firstName;
    QString idText;
};

struct ContactInfo
{
    QUuid id;
    QString name;
    QString firstName;
    Lang lang;
    quint8 plan;
};

// Fills message and subject templates. Placeholders: {n}/{N} customer first/full name,
// {g}/{G} agent first/full name, {i} the invoice in question, {j} a new (corrected) invoice,
// {o} order, {a} amount, {p} plan, {v} app version at the time, {e} error code, {t} an earlier
// ticket number, {m} merge target number, {d} date, {h} clock time, {u} number of users (a
// multiple of ten), {T} ISO time, {L} nginx time, {R} request id, {I} address octet. The facts
// of a ticket (invoice, order, amount, error, users, date) stay the same in all its texts.
struct Composer
{
    Composer(Rng &random, qint64 firstCreated)
        : rng(random)
        , firstCreatedMs(firstCreated)
    {}

    Rng &rng;
    qint64 firstCreatedMs; // the demo's first ticket: version numbers count from it
    Lang lang = En;
    qint64 timeMs = 0;
    qint64 ticketNumber = 1;
    qint64 mergeTarget = 0;
    const ContactInfo *customer = nullptr;
    const AgentInfo *agent = nullptr;

    struct Facts
    {
        qint64 createdMs = 0;
        quint64 invoice = 0;
        quint64 newInvoice = 0;
        quint64 order = 0;
        int errorCode = 0;
        int amount = 0;
        quint64 users = 0;
        qint64 dateMs = 0;
    } facts;

    // The facts come from their own seed so that a duplicate can repeat its original's.
    void beginTicket(qint64 createdMs, quint64 seed)
    {
        Rng r(seed);
        facts.createdMs = createdMs;
        facts.invoice = r.below(1'000'000);
        facts.newInvoice = r.below(1'000'000);
        facts.order = 1'000'000 + r.below(9'000'000);
        facts.errorCode = r.pick(kErrorCodes);
        facts.amount = lang == Pl ? r.pick(kZlotyAmounts) : r.pick(kEuroAmounts);
        facts.users = quint64(r.between(1, 20) * 10);
        facts.dateMs = createdMs - r.between(1, 20) * kDay;
    }

    void expand(QString &out, QStringView text)
    {
        qsizetype start = 0;
        const qsizetype size = text.size();
        for (qsizetype i = 0; i + 2 < size; ++i) {
            if (text[i] != u'{' || text[i + 2] != u'}')
                continue;
            const char16_t key = text[i + 1].unicode();
            if (!isKey(key))
                continue;
            out.append(text.mid(start, i - start));
            fill(out, key);
            start = i + 3;
            i += 2;
        }
        out.append(text.mid(start));
    }

    static bool isKey(char16_t key)
    {
        switch (key) {
        case u'n':
        case u'N':
        case u'g':
        case u'G':
        case u'i':
        case u'j':
        case u'o':
        case u'a':
        case u'p':
        case u'v':
        case u'e':
        case u't':
        case u'm':
        case u'd':
        case u'h':
        case u'u':
        case u'T':
        case u'L':
        case u'R':
        case u'I':
            return true;
        default:
            return false;
        }
    }

    void fill(QString &out, char16_t key)
    {
        switch (key) {
        case u'n':
            out += customer ? customer->firstName : QString();
            break;
        case u'N':
            out += customer ? customer->name : QString();
            break;
        case u'g':
            out += agent ? agent->firstName : QString();
            break;
        case u'G':
            out += agent ? agent->name : QString();
            break;
        case u'i':
            appendNumber(out, quint64(toCivil(facts.createdMs).year));
            out += u'-';
            appendNumber(out, facts.invoice, 6);
            break;
        case u'j':
            appendNumber(out, quint64(toCivil(timeMs).year));
            out += u'-';
            appendNumber(out, facts.newInvoice, 6);
            break;
        case u'o':
            out.append(QStringView(u"LM-"));
            appendNumber(out, facts.order);
            break;
        case u'a':
            amount(out);
            break;
        case u'p':
            out.append(QStringView(kPlanDisplay[customer ? customer->plan : 1]));
            break;
        case u'v': {
            // The app version in use at that time: a minor release every 60 days, a patch
            // every 15, so later messages never name an older version.
            const qint64 age = std::max<qint64>(0, timeMs - firstCreatedMs);
            out.append(QStringView(u"4."));
            appendNumber(out, quint64(2 + age / (60 * kDay)));
            out += u'.';
            appendNumber(out, quint64(age / (15 * kDay) % 4));
            break;
        }
        case u'e':
            out += u'E';
            appendNumber(out, quint64(facts.errorCode));
            break;
        case u't':
            appendNumber(out, quint64(ticketNumber > 1
                                          ? ticketNumber - 1 -
                                                qint64(rng.below(quint64(
                                                    std::min<qint64>(ticketNumber - 1, 5000))))
                                          : 1));
            break;
        case u'm':
            appendNumber(out, quint64(mergeTarget));
            break;
        case u'd':
            date(out, facts.dateMs);
            break;
        case u'h':
            appendNumber(out, quint64(rng.between(7, 17)), 2);
            out += u':';
            appendNumber(out, rng.below(12) * 5, 2);
            break;
        case u'u':
            appendNumber(out, facts.users);
            break;
        case u'T': {
            const Civil c = toCivil(timeMs - rng.between(1, 3600) * kSecond);
            appendNumber(out, quint64(c.year), 4);
            out += u'-';
            appendNumber(out, quint64(c.month), 2);
            out += u'-';
            appendNumber(out, quint64(c.day), 2);
            out += u'T';
            clock(out, c);
            out += u'Z';
            break;
        }
        case u'L': {
            const Civil c = toCivil(timeMs - rng.between(1, 3600) * kSecond);
            appendNumber(out, quint64(c.day), 2);
            out += u'/';
            out.append(QStringView(kMonthsShort[std::size_t(c.month - 1)]));
            out += u'/';
            appendNumber(out, quint64(c.year));
            out += u':';
            clock(out, c);
            out.append(QStringView(u" +0000"));
            break;
        }
        case u'R':
            appendHex(out, rng.next(), 16);
            break;
        case u'I':
            appendNumber(out, quint64(rng.between(2, 254)));
            break;
        default:
            break;
        }
    }

    static void clock(QString &out, const Civil &c)
    {
        appendNumber(out, quint64(c.hour), 2);
        out += u':';
        appendNumber(out, quint64(c.minute), 2);
        out += u':';
        appendNumber(out, quint64(c.second), 2);
    }

    void date(QString &out, qint64 ms)
    {
        const Civil c = toCivil(ms);
        switch (lang) {
        case En:
            appendNumber(out, quint64(c.day));
            out += u' ';
            out.append(QStringView(kMonths[std::size_t(c.month - 1)]));
            out += u' ';
            appendNumber(out, quint64(c.year));
            break;
        case Sl:
        case Hr:
            appendNumber(out, quint64(c.day));
            out.append(QStringView(u". "));
            appendNumber(out, quint64(c.month));
            out.append(QStringView(u". "));
            appendNumber(out, quint64(c.year));
            if (lang == Hr)
                out += u'.';
            break;
        case Lt:
            appendNumber(out, quint64(c.year));
            out += u'-';
            appendNumber(out, quint64(c.month), 2);
            out += u'-';
            appendNumber(out, quint64(c.day), 2);
            break;
        case Pl:
        default:
            appendNumber(out, quint64(c.day), 2);
            out += u'.';
            appendNumber(out, quint64(c.month), 2);
            out += u'.';
            appendNumber(out, quint64(c.year));
            break;
        }
    }

    void amount(QString &out)
    {
        if (lang == Pl) {
            appendNumber(out, quint64(facts.amount));
            out.append(QStringView(u",00 zł"));
        } else if (lang == En) {
            out += u'€';
            appendNumber(out, quint64(facts.amount));
            out.append(QStringView(u".00"));
        } else {
            appendNumber(out, quint64(facts.amount));
            out.append(QStringView(u",00 €"));
        }
    }
};

// ------------------------------------------------------------------------------------------
// The generator.

enum class Event : quint8 { None, AutoReply, Csat, Close };

struct Planned
{
    MessageKind kind;
    Event event;
    bool solution;
    qint64 ms;
};

struct TicketMeta
{
    int contact;
    int department;
    int category;
    int topic; // index of the subject; the opening message and the solution match it
    int assignee;
    qint64 created;
    quint64 factsSeed; // see Composer::beginTicket
    bool linkable;     // not spam, not merged
};

class DemoGenerator
{
public:
    DemoGenerator(LocalStore &store, const DemoOptions &options)
        : m_store(store)
        , m_options(options)
        , m_time(options.now.isValid() ? options.now.toMSecsSinceEpoch()
                                       : QDateTime::currentMSecsSinceEpoch() / kMinute * kMinute)
        , m_rng(options.seed)
        , m_idRng(options.seed ^ 0x5eed1d5a11ce0fULL)
        , m_ids([this] { return m_clockMs; }, [this] { return m_idRng.next(); })
    {}

    Result<DemoSummary> run();

private:
    Status prepare();
    Status writeOrganisation();
    Status writeContacts();
    Status writeTickets();
    void makeTicket(qint64 index, int slot);
    void makeSpamTicket(Ticket &t, TicketMeta &meta);
    bool makeMergedTicket(Ticket &t, TicketMeta &meta, int slot);
    Status flushBatch(int ticketCount);
    void buildArrivalCurve();
    qint64 arrivalTime(qint64 position);

    int drawMessageCount(int minimum);
    MessageKind nextKind(MessageKind previous);
    qint64 gapBefore(const Planned &previous, const Planned &current, Priority priority);
    int eligibleAgent(int department, int tier);
    int pickContact(qint64 index);
    void pickTags(Ticket &t, int category, const ContactInfo &contact);

    Message &newMessage(UuidV7Generator &ids, const Ticket &t, MessageKind kind, qint64 ms);
    void addHistory(UuidV7Generator &ids, const Ticket &t, int actor, qint64 ms,
                    const QString &field, const QString &oldValue, const QString &newValue);

    void customerOpening(QString &out, Composer &c, const Bank &bank, int category, int topic,
                         bool snippet);
    void customerFollowUp(QString &out, Composer &c, const Bank &bank, int category, int topic,
                          bool snippet);
    void agentReply(QString &out, Composer &c, const Bank &bank, int category, int topic,
                    bool solution, bool first);
    void internalNote(QString &out, Composer &c, const Bank &bank, int category, int topic,
                      bool snippet);
    void appendSnippet(QString &out, Composer &c, const Bank &bank, int category, int topic);
    const Snippet *pickSnippet(int category, int topic, bool fromCustomer);

    LocalStore &m_store;
    const DemoOptions &m_options;
    const Timeline m_time;
    Rng m_rng;
    Rng m_idRng;
    qint64 m_clockMs = m_time.setup;
    UuidV7Generator m_ids;
    DemoSummary m_summary;
    qint64 m_ticketTotal = 0;
    double m_meanMessages = 5.0;
    qint64 m_forcedGiant = -1;

    std::array<QString, kLangCount> m_bankTexts; // resources/demo/<code>.txt; m_banks views them
    std::array<Bank, kLangCount> m_banks;
    std::vector<AgentInfo> m_agents;
    std::array<QUuid, kDepartmentCount> m_departmentIds;
    std::array<QString, kDepartmentCount> m_departmentIdText;
    // Agents of each department by minimum tier (index 0 = tier 1).
    std::array<std::array<std::vector<int>, 3>, kDepartmentCount> m_eligible;
    std::vector<ContactInfo> m_contacts;
    int m_regularContacts = 0; // contacts before the spam senders
    std::array<std::vector<QString>, kCategoryCount> m_tags;
    QString m_vipTag, m_spamTag, m_systemName;
    std::array<QString, 6> m_statusNames;
    std::array<QString, 4> m_priorityNames;
    std::array<QString, 4> m_tierNames;
    QString m_fieldStatus, m_fieldPriority, m_fieldAssignee, m_fieldDepartment, m_fieldTier,
        m_fieldSpam, m_fieldMerged, m_true, m_false;

    // The batch being built; slots are reused from batch to batch so that their strings keep
    // their capacity.
    std::vector<Ticket> m_tickets;
    std::vector<TicketMeta> m_meta;
    std::vector<Message> m_messages;
    std::size_t m_messageCount = 0;
    std::vector<HistoryEvent> m_history;
    std::size_t m_historyCount = 0;
    std::vector<Planned> m_plan;
    int m_lastOutageSlot = -1;
    // Cumulative arrival weight at the start of each hour between the first and last creation.
    std::vector<qint64> m_arrivals;
    std::size_t m_arrivalHour = 0;
};

Result<DemoSummary> DemoGenerator::run()
{
    if (m_options.tickets < 0)
        return Status(Status::Invalid, QStringLiteral("the number of demo tickets is negative"));
    m_ticketTotal = m_options.tickets;
    m_meanMessages = m_options.messagesPerTicket >= 1.0 ? m_options.messagesPerTicket : 1.0;
    if (m_ticketTotal >= 20)
        m_forcedGiant = m_ticketTotal - 1 - m_ticketTotal / 10;
    if (Status s = prepare(); !s.good())
        return s;
    buildArrivalCurve();
    if (Status s = writeOrganisation(); !s.good())
        return s;
    if (Status s = writeContacts(); !s.good())
        return s;
    if (Status s = writeTickets(); !s.good())
        return s;
    return m_summary;
}

Status DemoGenerator::prepare()
{
    for (int l = 0; l < kLangCount; ++l) {
        const QStringView code(kLangCodes[std::size_t(l)]);
        QFile file(QStringLiteral(":/demo/%1.txt").arg(code));
        if (!file.open(QIODevice::ReadOnly))
            return Status(Status::Internal,
                          QStringLiteral("demo data (%1): cannot read %2: %3")
                              .arg(code.toString(), file.fileName(), file.errorString()));
        // The banks' phrases are views into this text, which lives as long as the generator.
        m_bankTexts[std::size_t(l)] = QString::fromUtf8(file.readAll());
        if (Status s = parseBank(m_bankTexts[std::size_t(l)], code, m_banks[std::size_t(l)]);
            !s.good())
            return s;
    }
    for (int c = 0; c < kCategoryCount; ++c) {
        for (const char16_t *tag : kTagPools[std::size_t(c)])
            m_tags[std::size_t(c)].push_back(QString::fromUtf16(tag));
    }
    m_vipTag = QStringLiteral("vip");
    m_spamTag = QStringLiteral("spam");
    m_systemName = QStringLiteral("Pult");
    for (int s = 0; s < 6; ++s)
        m_statusNames[std::size_t(s)] = toString(TicketStatus(s));
    for (int p = 0; p < 4; ++p)
        m_priorityNames[std::size_t(p)] = toString(Priority(p));
    for (int t = 0; t < 4; ++t)
        m_tierNames[std::size_t(t)] = QString::number(t);
    m_fieldStatus = QStringLiteral("status");
    m_fieldPriority = QStringLiteral("priority");
    m_fieldAssignee = QStringLiteral("assignee");
    m_fieldDepartment = QStringLiteral("department");
    m_fieldTier = QStringLiteral("tier");
    m_fieldSpam = QStringLiteral("spam");
    m_fieldMerged = QStringLiteral("merged_into");
    m_true = QStringLiteral("true");
    m_false = QStringLiteral("false");
    return {};
}

Status DemoGenerator::writeOrganisation()
{
    m_clockMs = m_time.setup;
    for (int d = 0; d < kDepartmentCount; ++d) {
        m_departmentIds[std::size_t(d)] = m_ids.next();
        m_departmentIdText[std::size_t(d)] = uuidToString(m_departmentIds[std::size_t(d)]);
    }
    std::vector<Agent> agents;
    for (std::size_t a = 0; a < kAgents.size(); ++a) {
        const AgentSeed &seed = kAgents[a];
        Agent agent;
        agent.id = m_ids.next();
        agent.name = QString::fromUtf16(seed.name);
        const qsizetype space = agent.name.indexOf(u' ');
        agent.email = asciiFold(agent.name) + QStringLiteral("@lumen.example");
        agent.role = seed.role;
        for (int d = 0; d < kDepartmentCount; ++d) {
            int tier = 0;
            if (seed.department < 0 || seed.department == d)
                tier = seed.tier;
            else if (seed.secondDepartment == d)
                tier = seed.secondTier;
            if (tier == 0)
                continue;
            agent.departments.append({m_departmentIds[std::size_t(d)], tier});
            for (int t = 1; t <= tier; ++t)
                m_eligible[std::size_t(d)][std::size_t(t - 1)].push_back(int(a));
        }
        m_agents.push_back({agent.id, agent.name, agent.name.left(space), uuidToString(agent.id)});
        agents.push_back(std::move(agent));
    }
    for (const auto &byTier : m_eligible) {
        for (const auto &list : byTier) {
            if (list.empty())
                return Status(Status::Internal,
                              QStringLiteral("demo data: a department lacks agents of some tier"));
        }
    }

    LocalStore::WriteBatch batch(m_store);
    if (!batch.status().good())
        return batch.status();
    for (int d = 0; d < kDepartmentCount; ++d) {
        const DepartmentSeed &seed = kDepartments[std::size_t(d)];
        Department department;
        department.id = m_departmentIds[std::size_t(d)];
        department.name = QString::fromUtf16(seed.name);
        department.email = QString::fromUtf16(seed.email);
        department.leadId = m_agents[std::size_t(kDepartmentLeads[std::size_t(d)])].id;
        department.queueOrder = seed.queueOrder;
        department.businessHours = QString::fromUtf16(seed.businessHours);
        // Every reply closes the same way (department header and footer, template.h).
        department.replyFooter = QStringLiteral("—\n{{department.name}} at Lumen\n"
                                                "We answer {{department.hours}}.");
        if (Status s = m_store.put(department); !s.good())
            return s;
        ++m_summary.departments;
    }
    for (const Agent &agent : agents) {
        if (Status s = m_store.put(agent); !s.good())
            return s;
        ++m_summary.agents;
    }
    for (const CannedSeed &seed : kCanned) {
        CannedResponse response;
        response.id = m_ids.next();
        response.title = QString::fromUtf16(seed.title);
        response.shortcut = QString::fromUtf16(seed.shortcut);
        response.body = QString::fromUtf16(seed.body);
        response.scope = seed.scope;
        if (seed.scope == CannedScope::Department)
            response.ownerId = m_departmentIds[std::size_t(seed.owner)];
        else if (seed.scope == CannedScope::Personal)
            response.ownerId = m_agents[std::size_t(seed.owner)].id;
        if (Status s = m_store.put(response); !s.good())
            return s;
        ++m_summary.cannedResponses;
    }
    // Views the leads share with their departments, and one the admin shares with everyone.
    const struct
    {
        const char16_t *name;
        const char16_t *query;
        int department; // -1: everyone
    } sharedViews[] = {
        {u"Urgent and high", u"priority:urgent,high status:new,open sort:sla", DeptBilling},
        {u"New and unassigned", u"status:new assignee:none sort:created", DeptTechnical},
        {u"Spam to review", u"is:spam", -1},
    };
    for (const auto &view : sharedViews) {
        const SharedFilter filter{
            m_ids.next(), QString::fromUtf16(view.name), QString::fromUtf16(view.query),
            view.department < 0 ? QUuid() : m_departmentIds[std::size_t(view.department)]};
        if (Status s = m_store.put(filter); !s.good())
            return s;
    }
    return batch.commit();
}

Status DemoGenerator::writeContacts()
{
    const qint64 total = std::clamp<qint64>(m_ticketTotal / 4, 50, 200000);
    m_regularContacts = int(total) - int(kSpamSenders.size());
    m_contacts.reserve(std::size_t(total));
    m_clockMs = m_time.setup + kMinute;

    Contact contact;
    QSet<QString> usedEmails;
    usedEmails.reserve(qsizetype(total + total / 8));
    for (qint64 first = 0; first < total; first += kContactsPerBatch) {
        LocalStore::WriteBatch batch(m_store);
        if (!batch.status().good())
            return batch.status();
        const qint64 last = std::min(total, first + kContactsPerBatch);
        for (qint64 i = first; i < last; ++i) {
            contact = Contact();
            contact.id = m_ids.next();
            ContactInfo info{contact.id, {}, {}, En, 0};
            if (i >= m_regularContacts) {
                const SpamSender &sender = kSpamSenders[std::size_t(i - m_regularContacts)];
                contact.name = QString::fromUtf16(sender.name);
                contact.emails.append(QString::fromUtf16(sender.email));
                contact.language = QStringLiteral("en");
                contact.timeZone = QStringLiteral("UTC");
                contact.plan = QString::fromUtf16(kPlanNames[0]);
                info.firstName = contact.name;
            } else {
                const bool fixed = i < qint64(kFixedContacts.size());
                const Lang lang = fixed ? kFixedContacts[std::size_t(i)].lang
                                        : Lang(m_rng.weighted(kLangWeights));
                const Bank &bank = m_banks[std::size_t(lang)];
                const bool female = m_rng.chance(0.5);
                QStringView firstName, lastName;
                QString firstAscii, lastAscii;
                if (fixed) {
                    firstName = QStringView(kFixedContacts[std::size_t(i)].first);
                    lastName = QStringView(kFixedContacts[std::size_t(i)].last);
                    firstAscii = asciiFold(firstName);
                    lastAscii = asciiFold(lastName);
                } else {
                    const int f =
                        female ? m_rng.index(bank.female.size()) : m_rng.index(bank.male.size());
                    firstName = female ? bank.female[std::size_t(f)] : bank.male[std::size_t(f)];
                    firstAscii =
                        female ? bank.femaleAscii[std::size_t(f)] : bank.maleAscii[std::size_t(f)];
                    const int s = m_rng.index(bank.surname.size());
                    int form = 0;
                    if (female)
                        form = (lang == Lt && m_rng.chance(0.35)) ? 2 : 1;
                    lastName = surnameForm(bank.surname[std::size_t(s)], form);
                    lastAscii = bank.surnameAscii[std::size_t(s)][std::size_t(form)];
                }
                contact.name = firstName.toString() + u' ' + lastName;
                info.firstName = firstName.toString();

                const bool withOrganisation = i == 0 || m_rng.chance(0.55);
                QStringView orgEntry;
                if (withOrganisation) {
                    // The first contact works at the Łódź bakery (the first Polish organisation).
                    orgEntry = i == 0 ? bank.organisation.front() : m_rng.pick(bank.organisation);
                    contact.organisation = beforeBar(orgEntry).toString();
                }
                const std::array<int, 3> planWeights = withOrganisation
                                                           ? std::array<int, 3>{25, 50, 25}
                                                           : std::array<int, 3>{70, 28, 2};
                info.plan = quint8(m_rng.weighted(planWeights));
                contact.plan = QString::fromUtf16(kPlanNames[info.plan]);
                contact.planTier = info.plan;

                QString local;
                switch (m_rng.index(5)) {
                case 0:
                    local = firstAscii + u'.' + lastAscii;
                    break;
                case 1:
                    local = firstAscii.left(1) + u'.' + lastAscii;
                    break;
                case 2:
                    local = firstAscii + lastAscii;
                    break;
                case 3:
                    local = firstAscii + u'_' + lastAscii;
                    break;
                default:
                    local = lastAscii + u'.' + firstAscii;
                    break;
                }
                const QStringView domain =
                    withOrganisation ? afterBar(orgEntry) : m_rng.pick(bank.mailDomain);
                QString email = local + u'@' + domain;
                // Addresses are unique: a taken one gets a number, as people's addresses do.
                for (int attempt = 0; usedEmails.contains(email); ++attempt) {
                    email = local;
                    appendNumber(email, attempt < 3 ? quint64(m_rng.between(2, 99))
                                                    : quint64(i) * 100 + quint64(attempt));
                    email += u'@';
                    email.append(domain);
                }
                usedEmails.insert(email);
                contact.emails.append(email);
                if (withOrganisation && m_rng.chance(0.1)) {
                    // A private address next to the work one; the contact's index keeps it unique.
                    QString second = firstAscii + u'.' + lastAscii + u'.' + QString::number(i) +
                                     u'@' + m_rng.pick(bank.mailDomain);
                    usedEmails.insert(second);
                    contact.emails.append(std::move(second));
                }
                if (m_rng.chance(0.5)) {
                    const QStringView pattern = m_rng.pick(bank.phone);
                    for (QChar ch : pattern)
                        contact.phone += ch == u'#' ? QChar(char16_t(u'0' + m_rng.below(10))) : ch;
                }
                contact.language = QString::fromUtf16(kLangCodes[std::size_t(lang)]);
                contact.timeZone = m_rng.pick(bank.zone).toString();
                if (i == 0)
                    contact.notes = QStringLiteral("Łódź, Poland. Prefers e-mail over phone.");
                else if (m_rng.chance(0.08))
                    contact.notes = QString::fromUtf16(m_rng.pick(kContactNotes));
                info.lang = lang;
            }
            info.name = contact.name;
            m_contacts.push_back(std::move(info));
            if (Status s = m_store.put(contact); !s.good())
                return s;
            ++m_summary.contacts;
        }
        if (Status s = batch.commit(); !s.good())
            return s;
    }
    return {};
}

// Arrivals follow office hours, are quieter at weekends, and grow: the help desk gets twice as
// many tickets per hour at the end of the two years as at the start.
void DemoGenerator::buildArrivalCurve()
{
    const qint64 hours = (m_time.lastCreated - m_time.firstCreated) / kHour;
    m_arrivals.assign(std::size_t(hours) + 1, 0);
    for (qint64 h = 0; h < hours; ++h) {
        const qint64 ms = m_time.firstCreated + h * kHour;
        const qint64 weekday = (ms / kDay + 4) % 7; // 0 is Sunday; 1970-01-01 was a Thursday
        const qint64 dayWeight = (weekday == 0 || weekday == 6) ? 3 : 10;
        const qint64 weight = kHourWeights[std::size_t(ms / kHour % 24)] * dayWeight * (hours + h);
        m_arrivals[std::size_t(h) + 1] = m_arrivals[std::size_t(h)] + weight;
    }
    m_arrivalHour = 0;
}

// The time at a position in [0, total weight); positions must not decrease between calls.
qint64 DemoGenerator::arrivalTime(qint64 position)
{
    while (m_arrivalHour + 2 < m_arrivals.size() && m_arrivals[m_arrivalHour + 1] <= position)
        ++m_arrivalHour;
    const qint64 start = m_arrivals[m_arrivalHour];
    const qint64 weight = m_arrivals[m_arrivalHour + 1] - start;
    return m_time.firstCreated + qint64(m_arrivalHour) * kHour +
           (position - start) * kHour / weight;
}

int DemoGenerator::pickContact(qint64 index)
{
    // The newest tickets come from the people the brief names, so they show up first.
    const qint64 fromEnd = m_ticketTotal - 1 - index;
    if (fromEnd < qint64(kFixedContacts.size()) && fromEnd < m_regularContacts)
        return int(fromEnd);
    // Some customers write often: a fifth of the tickets come from 5% of the contacts.
    if (m_rng.chance(0.2))
        return m_rng.index(std::size_t(std::max(1, m_regularContacts / 20)));
    return m_rng.index(std::size_t(m_regularContacts));
}

int DemoGenerator::eligibleAgent(int department, int tier)
{
    const auto &list = m_eligible[std::size_t(department)][std::size_t(tier - 1)];
    return list[std::size_t(m_rng.index(list.size()))];
}

int DemoGenerator::drawMessageCount(int minimum)
{
    // Geometric above the minimum the ticket's status needs, so that every status averages
    // messagesPerTicket.
    const double extra = std::max(0.0, m_meanMessages - minimum);
    const double more = extra / (1.0 + extra);
    const int cap = 150;
    int n = minimum;
    while (n < cap && m_rng.chance(more))
        ++n;
    return n;
}

MessageKind DemoGenerator::nextKind(MessageKind previous)
{
    const int r = m_rng.index(100);
    switch (previous) {
    case MessageKind::CustomerMessage:
        return r < 72 ? MessageKind::AgentReply
                      : (r < 88 ? MessageKind::InternalNote : MessageKind::CustomerMessage);
    case MessageKind::AgentReply:
        return r < 78 ? MessageKind::CustomerMessage
                      : (r < 86 ? MessageKind::AgentReply : MessageKind::InternalNote);
    case MessageKind::InternalNote:
        return r < 75 ? MessageKind::AgentReply : MessageKind::CustomerMessage;
    case MessageKind::SystemEvent:
    default:
        return r < 60 ? MessageKind::AgentReply : MessageKind::CustomerMessage;
    }
}

qint64 DemoGenerator::gapBefore(const Planned &previous, const Planned &current, Priority priority)
{
    switch (current.event) {
    case Event::AutoReply:
        return m_rng.between(3 * kSecond, 40 * kSecond);
    case Event::Csat:
        return m_rng.spread(kHour, 2 * kDay);
    case Event::Close:
        return 4 * kDay + m_rng.between(0, 30 * kMinute);
    case Event::None:
        break;
    }
    switch (current.kind) {
    case MessageKind::CustomerMessage:
        return previous.kind == MessageKind::CustomerMessage ? m_rng.spread(5 * kMinute, kDay)
                                                             : m_rng.spread(10 * kMinute, 5 * kDay);
    case MessageKind::AgentReply:
        if (previous.kind == MessageKind::CustomerMessage ||
            previous.kind == MessageKind::SystemEvent) {
            switch (priority) {
            case Priority::Urgent:
                return m_rng.spread(3 * kMinute, 90 * kMinute);
            case Priority::High:
                return m_rng.spread(10 * kMinute, 6 * kHour);
            case Priority::Normal:
                return m_rng.spread(20 * kMinute, 20 * kHour);
            case Priority::Low:
                return m_rng.spread(kHour, 3 * kDay);
            }
        }
        return m_rng.spread(5 * kMinute, kDay);
    case MessageKind::InternalNote:
        return m_rng.spread(2 * kMinute, 6 * kHour);
    case MessageKind::SystemEvent:
        break;
    }
    return m_rng.spread(kMinute, kHour);
}

void DemoGenerator::pickTags(Ticket &t, int category, const ContactInfo &contact)
{
    static constexpr std::array<int, 4> kTagCountWeights{30, 35, 25, 10};
    const int count = m_rng.weighted(kTagCountWeights);
    if (contact.plan == 2 && count > 0 && m_rng.chance(0.7))
        t.tags.append(m_vipTag);
    const auto &pool = m_tags[std::size_t(category)];
    for (int attempt = 0; t.tags.size() < count && attempt < 8; ++attempt) {
        const QString &tag = pool[std::size_t(m_rng.index(pool.size()))];
        if (!t.tags.contains(tag))
            t.tags.append(tag);
    }
}

Message &DemoGenerator::newMessage(UuidV7Generator &ids, const Ticket &t, MessageKind kind,
                                   qint64 ms)
{
    if (m_messageCount == m_messages.size())
        m_messages.emplace_back();
    Message &m = m_messages[m_messageCount++];
    m_clockMs = ms;
    m.id = ids.next();
    m.ticketId = t.id;
    m.kind = kind;
    m.authorId = QUuid();
    m.created = utc(ms);
    m.bodyText.resize(0);
    m.attachments.clear();
    return m;
}

void DemoGenerator::addHistory(UuidV7Generator &ids, const Ticket &t, int actor, qint64 ms,
                               const QString &field, const QString &oldValue,
                               const QString &newValue)
{
    if (m_historyCount == m_history.size())
        m_history.emplace_back();
    HistoryEvent &e = m_history[m_historyCount++];
    m_clockMs = ms;
    e.id = ids.next();
    e.ticketId = t.id;
    e.actorId = actor >= 0 ? m_agents[std::size_t(actor)].id : QUuid();
    e.time = utc(ms);
    e.field = field;
    e.oldValue = oldValue;
    e.newValue = newValue;
}

const Snippet *DemoGenerator::pickSnippet(int category, int topic, bool fromCustomer)
{
    std::array<int, std::size(kSnippets)> candidates{};
    std::size_t count = 0;
    for (std::size_t i = 0; i < std::size(kSnippets); ++i) {
        const Snippet &s = kSnippets[i];
        if (s.fromCustomer == fromCustomer && (s.topic < 0 || s.topic == topic) &&
            (s.category == category || (!fromCustomer && s.category == kAnyTechnical)))
            candidates[count++] = int(i);
    }
    return count == 0 ? nullptr
                      : &kSnippets[std::size_t(candidates[std::size_t(m_rng.index(count))])];
}

void DemoGenerator::appendSnippet(QString &out, Composer &c, const Bank &bank, int category,
                                  int topic)
{
    const Snippet *snippet = pickSnippet(category, topic, true);
    if (!snippet)
        return;
    out.append(QStringView(u"\n\n"));
    c.expand(out, bank.snippetIntro[std::size_t(snippet->intro)]);
    out.append(QStringView(u"\n\n"));
    c.expand(out, QStringView(snippet->text));
}

void DemoGenerator::customerOpening(QString &out, Composer &c, const Bank &bank, int category,
                                    int topic, bool snippet)
{
    c.expand(out, m_rng.pick(bank.customerGreeting));
    out.append(QStringView(u"\n\n"));
    const Pool &problems = bank.problem[std::size_t(category)];
    c.expand(out, problems[std::size_t(topic) % problems.size()]);
    // Up to two details; browsers, app versions and colleagues only come up where the problem
    // is technical or about signing in.
    const bool technical = isTechnical(category) || category == CatAccount;
    const std::size_t choices = bank.detail.size() + (technical ? bank.techDetail.size() : 0);
    const int details = m_rng.index(3);
    std::size_t previous = choices;
    for (int i = 0; i < details; ++i) {
        const std::size_t d = std::size_t(m_rng.index(choices));
        if (d == previous)
            continue;
        previous = d;
        out += u' ';
        c.expand(out,
                 d < bank.detail.size() ? bank.detail[d] : bank.techDetail[d - bank.detail.size()]);
    }
    if (snippet)
        appendSnippet(out, c, bank, category, topic);
    out.append(QStringView(u"\n\n"));
    c.expand(out, m_rng.pick(bank.customerClosing));
    out += u'\n';
    out += m_rng.chance(0.6) ? c.customer->firstName : c.customer->name;
}

void DemoGenerator::customerFollowUp(QString &out, Composer &c, const Bank &bank, int category,
                                     int topic, bool snippet)
{
    if (m_rng.chance(0.5)) {
        c.expand(out, m_rng.pick(bank.customerGreeting));
        out.append(QStringView(u"\n\n"));
    }
    const int first = m_rng.index(bank.followUp.size());
    c.expand(out, bank.followUp[std::size_t(first)]);
    if (m_rng.chance(0.3)) {
        const int second = m_rng.index(bank.followUp.size());
        if (second != first) {
            out += u' ';
            c.expand(out, bank.followUp[std::size_t(second)]);
        }
    }
    if (snippet)
        appendSnippet(out, c, bank, category, topic);
    out.append(QStringView(u"\n\n"));
    if (m_rng.chance(0.6)) {
        c.expand(out, m_rng.pick(bank.customerClosing));
        out += u'\n';
    }
    out += c.customer->firstName;
}

void DemoGenerator::agentReply(QString &out, Composer &c, const Bank &bank, int category, int topic,
                               bool solution, bool first)
{
    c.expand(out, m_rng.pick(bank.agentGreeting));
    out.append(QStringView(u"\n\n"));
    if (solution) {
        const Pool &solutions = bank.solve[std::size_t(category)];
        c.expand(out, solutions[std::size_t(topic) % solutions.size()]);
    } else if (first ? m_rng.chance(0.5) : m_rng.chance(0.6)) {
        c.expand(out, m_rng.pick(bank.progress));
        if (first) {
            out += u' ';
            c.expand(out, m_rng.pick(bank.ask));
        }
    } else {
        c.expand(out, m_rng.pick(bank.ask));
    }
    out.append(QStringView(u"\n\n"));
    c.expand(out, m_rng.pick(bank.agentClosing));
    out += u'\n';
    out += c.agent->name;
}

void DemoGenerator::internalNote(QString &out, Composer &c, const Bank &bank, int category,
                                 int topic, bool snippet)
{
    const int first = m_rng.index(bank.note.size());
    c.expand(out, bank.note[std::size_t(first)]);
    if (m_rng.chance(0.2)) {
        const int second = m_rng.index(bank.note.size());
        if (second != first) {
            out += u' ';
            c.expand(out, bank.note[std::size_t(second)]);
        }
    }
    if (const Snippet *s = snippet ? pickSnippet(category, topic, false) : nullptr) {
        out.append(QStringView(u"\n\n"));
        c.expand(out, QStringView(s->text));
    }
}

void DemoGenerator::makeSpamTicket(Ticket &t, TicketMeta &meta)
{
    const int sender = m_regularContacts + m_rng.index(kSpamSenders.size());
    const ContactInfo &contact = m_contacts[std::size_t(sender)];
    meta.contact = sender;
    meta.linkable = false;
    const qint64 created = meta.created;
    const int marker = eligibleAgent(meta.department, 1);
    t.requesterId = contact.id;
    t.subject = QString::fromUtf16(m_rng.pick(kSpamSubjects));
    t.status = TicketStatus::Closed;
    t.priority = Priority::Low;
    t.channel = m_rng.chance(0.8) ? Channel::Email : Channel::WebForm;
    t.spam = true;
    t.tags.append(m_spamTag);

    UuidV7Generator ids([this] { return m_clockMs; }, [this] { return m_idRng.next(); });
    Composer c{m_rng, m_time.firstCreated};
    c.customer = &contact;
    c.agent = &m_agents[std::size_t(marker)];
    Message &first = newMessage(ids, t, MessageKind::CustomerMessage, created);
    first.authorId = contact.id;
    first.authorName = contact.name;
    first.bodyText.append(QStringView(m_rng.pick(kSpamBodies)));

    const qint64 marked =
        std::min(created + m_rng.spread(5 * kMinute, 3 * kHour), m_time.latestEvent);
    Message &event = newMessage(ids, t, MessageKind::SystemEvent, marked);
    event.authorName = m_systemName;
    c.expand(event.bodyText, QStringView(kMarkedSpam));
    addHistory(ids, t, marker, marked, m_fieldSpam, m_false, m_true);
    addHistory(ids, t, marker, marked, m_fieldStatus, m_statusNames[0],
               m_statusNames[int(TicketStatus::Closed)]);
    t.solvedAt = utc(marked);
    t.updated = utc(marked);
}

bool DemoGenerator::makeMergedTicket(Ticket &t, TicketMeta &meta, int slot)
{
    if (slot == 0)
        return false;
    const int target = slot - 1 - m_rng.index(std::size_t(std::min(slot, kLinkWindow)));
    const TicketMeta &targetMeta = m_meta[std::size_t(target)];
    if (!targetMeta.linkable)
        return false;
    const Ticket &original = m_tickets[std::size_t(target)];
    const ContactInfo &contact = m_contacts[std::size_t(targetMeta.contact)];
    const Bank &bank = m_banks[std::size_t(contact.lang)];
    meta.contact = targetMeta.contact;
    meta.department = targetMeta.department;
    meta.category = targetMeta.category;
    meta.topic = targetMeta.topic;
    meta.linkable = false;
    const int merger = targetMeta.assignee >= 0 ? targetMeta.assignee
                                                : kDepartmentLeads[std::size_t(meta.department)];
    meta.assignee = targetMeta.assignee;

    t.requesterId = contact.id;
    t.subject = original.subject;
    t.status = TicketStatus::Closed;
    t.priority = original.priority;
    t.departmentId = original.departmentId;
    t.category = original.category;
    t.assigneeId = original.assigneeId;
    t.mergedInto = original.id;
    setDeadlines(t, meta.created);

    UuidV7Generator ids([this] { return m_clockMs; }, [this] { return m_idRng.next(); });
    Composer c{m_rng, m_time.firstCreated};
    c.lang = contact.lang;
    c.customer = &contact;
    c.agent = &m_agents[std::size_t(merger)];
    c.ticketNumber = *t.number;
    c.beginTicket(targetMeta.created, targetMeta.factsSeed);
    c.mergeTarget = *original.number;
    c.timeMs = meta.created;
    Message &first = newMessage(ids, t, MessageKind::CustomerMessage, meta.created);
    first.authorId = contact.id;
    first.authorName = contact.name;
    customerOpening(first.bodyText, c, bank, meta.category, meta.topic, false);

    const qint64 merged =
        std::min(meta.created + m_rng.spread(10 * kMinute, 6 * kHour), m_time.latestEvent);
    c.timeMs = merged;
    Message &event = newMessage(ids, t, MessageKind::SystemEvent, merged);
    event.authorName = m_systemName;
    c.expand(event.bodyText, QStringView(kMergedInto));
    addHistory(ids, t, merger, merged, m_fieldMerged, QString(), uuidToString(original.id));
    addHistory(ids, t, merger, merged, m_fieldStatus, m_statusNames[0],
               m_statusNames[int(TicketStatus::Closed)]);
    t.solvedAt = utc(merged);
    t.updated = utc(merged);
    return true;
}

void DemoGenerator::makeTicket(qint64 index, int slot)
{
    Ticket &t = m_tickets[std::size_t(slot)];
    TicketMeta &meta = m_meta[std::size_t(slot)];

    // Creation: ticket i arrives in its own slice of the arrival curve, so creation times never
    // decrease with the index.
    const qint64 total = m_arrivals.back();
    const qint64 sliceStart =
        total / m_ticketTotal * index + total % m_ticketTotal * index / m_ticketTotal;
    const qint64 sliceEnd =
        total / m_ticketTotal * (index + 1) + total % m_ticketTotal * (index + 1) / m_ticketTotal;
    const qint64 created = arrivalTime(
        sliceStart + qint64(m_rng.below(quint64(std::max<qint64>(1, sliceEnd - sliceStart)))));

    t.subject.resize(0);
    t.tags.clear();
    t.linked.clear();
    m_clockMs = created;
    t.id = m_ids.next();
    t.number = index + 1;
    t.status = TicketStatus::New;
    t.priority = Priority::Normal;
    t.category.clear();
    t.assigneeId = QUuid();
    t.channel = Channel::Email;
    t.tier = 1;
    t.created = utc(created);
    t.firstResponseAt = QDateTime();
    t.solvedAt = QDateTime();
    t.due = QDateTime();
    t.reminder = QDateTime();
    t.firstResponseDeadline = QDateTime();
    t.resolutionDeadline = QDateTime();
    t.spam = false;
    t.mergedInto = QUuid();
    t.unread = false;
    t.csat = 0;

    static constexpr std::array<int, kDepartmentCount> kDepartmentWeights{
        kDepartments[0].weight, kDepartments[1].weight, kDepartments[2].weight,
        kDepartments[3].weight};
    meta = TicketMeta{-1, m_rng.weighted(kDepartmentWeights), 0, 0, -1, created, 0, true};
    meta.factsSeed = m_rng.next();
    meta.category = m_rng.weighted(kDepartments[std::size_t(meta.department)].categoryWeights);
    t.departmentId = m_departmentIds[std::size_t(meta.department)];

    const qint64 fromEnd = m_ticketTotal - 1 - index;
    const bool reserved = fromEnd < qint64(kFixedContacts.size()) || index == m_forcedGiant;
    if (!reserved && m_rng.chance(0.015)) {
        makeSpamTicket(t, meta);
        return;
    }
    if (!reserved && m_rng.chance(0.004)) {
        if (makeMergedTicket(t, meta, slot))
            return; // otherwise nothing was written: the target was spam or itself merged
    }

    meta.contact = pickContact(index);
    const ContactInfo &contact = m_contacts[std::size_t(meta.contact)];
    const Bank &bank = m_banks[std::size_t(contact.lang)];
    const int category = meta.category;
    t.requesterId = contact.id;
    t.category = QString::fromUtf16(kCategoryNames[std::size_t(category)]);
    meta.topic = m_rng.index(bank.subject[std::size_t(category)].size());

    static constexpr std::array<int, 4> kPriorityWeights{15, 55, 22, 8};
    static constexpr std::array<int, 4> kOutagePriorityWeights{0, 5, 40, 55};
    t.priority =
        Priority(m_rng.weighted(category == CatOutage ? kOutagePriorityWeights : kPriorityWeights));
    if (contact.plan == 2 && t.priority == Priority::Low)
        t.priority = Priority::Normal;
    static constexpr std::array<int, 5> kChannelWeights{50, 20, 8, 15, 7};
    t.channel = Channel(m_rng.weighted(kChannelWeights));
    static constexpr std::array<int, 3> kTierWeights{75, 20, 5};
    t.tier = 1 + m_rng.weighted(kTierWeights);

    // Status by age, as in a help desk that keeps up: most of what came in today is still being
    // worked on, less of the last days, and a few older tickets wait for someone or got stuck.
    // Most new and open tickets whose SLA clock ran out were solved in time; the others stay,
    // overdue. (Pending and on-hold tickets' clocks are paused: their deadlines are set below.)
    // The newest tickets of any demo are mostly worked on, however old, and the newest eight take
    // the four active statuses in turn, so that a small demo, made at any moment, has each.
    const qint64 age = m_time.now - created;
    const bool newest = fromEnd < kNewestWorkedOn;
    const bool today = age < kDay || newest;
    const double activeShare =
        today
            ? 0.85
            : (age < 4 * kDay ? 0.6 : (age < 14 * kDay ? 0.25 : (age < 60 * kDay ? 0.02 : 0.002)));
    TicketStatus status = TicketStatus::Closed;
    bool replied = false; // answered by an agent: the next deadline is the resolution's
    if (fromEnd < 8) {
        status = TicketStatus(fromEnd % 4);
        replied = status != TicketStatus::New;
    } else if (m_rng.chance(activeShare)) {
        static constexpr std::array<int, 4> kRecent{30, 35, 20, 15};
        static constexpr std::array<int, 4> kStale{3, 30, 37, 30};
        status = TicketStatus(m_rng.weighted(today ? kRecent : kStale));
        // Pending tickets wait for the customer's answer to a reply; most open and on-hold
        // ones were answered too.
        replied =
            status == TicketStatus::Pending || (status != TicketStatus::New && m_rng.chance(0.85));
        const auto &hours = replied ? kResolutionHours : kFirstResponseHours;
        const qint64 deadline = created + hours[std::size_t(t.priority)] * kHour;
        const bool running = status == TicketStatus::New || status == TicketStatus::Open;
        if (running && deadline < m_time.now && !m_rng.chance(kStaysOverdue))
            status = m_rng.chance(0.12) ? TicketStatus::Solved : TicketStatus::Closed;
    } else if (m_rng.chance(0.12)) {
        status = TicketStatus::Solved; // not every solved ticket gets closed
    }
    const bool giant = index == m_forcedGiant || m_rng.below(5000) == 0;
    if (giant && status == TicketStatus::New)
        status = TicketStatus::Open;

    // Who works on it: the final assignee, maybe someone before them (escalation/reassignment).
    int finalAgent = -1;
    if (status == TicketStatus::New)
        finalAgent = m_rng.chance(0.15) ? eligibleAgent(meta.department, t.tier) : -1;
    else if (isActive(status))
        finalAgent = m_rng.chance(0.92) ? eligibleAgent(meta.department, t.tier) : -1;
    else
        finalAgent = eligibleAgent(meta.department, t.tier);
    const int helper = eligibleAgent(meta.department, t.tier); // answers unassigned tickets
    meta.assignee = finalAgent;

    // Plan the conversation.
    m_plan.clear();
    m_plan.push_back({MessageKind::CustomerMessage, Event::None, false, created});
    if (status == TicketStatus::New) {
        if (m_rng.chance(0.2))
            m_plan.push_back({MessageKind::CustomerMessage, Event::None, false, 0});
    } else {
        // How the conversation must end for the status; the agent closes most tickets with the
        // solving reply, the others close automatically 4 days after being solved.
        std::array<Planned, 3> tail{};
        int tailCount = 0;
        const bool csat = m_rng.chance(0.2);
        switch (status) {
        case TicketStatus::Closed:
        case TicketStatus::Solved:
            tail[std::size_t(tailCount++)] = {MessageKind::AgentReply, Event::None, true, 0};
            if (csat)
                tail[std::size_t(tailCount++)] = {MessageKind::SystemEvent, Event::Csat, false, 0};
            if (status == TicketStatus::Closed && m_rng.chance(0.25))
                tail[std::size_t(tailCount++)] = {MessageKind::SystemEvent, Event::Close, false, 0};
            break;
        case TicketStatus::Open: // answered, and the customer wrote again
            if (replied) {
                tail[std::size_t(tailCount++)] = {MessageKind::AgentReply, Event::None, false, 0};
                tail[std::size_t(tailCount++)] = {MessageKind::CustomerMessage, Event::None, false,
                                                  0};
            }
            break;
        case TicketStatus::Pending:
            tail[std::size_t(tailCount++)] = {MessageKind::AgentReply, Event::None, false, 0};
            break;
        case TicketStatus::OnHold:
            if (replied)
                tail[std::size_t(tailCount++)] = {MessageKind::AgentReply, Event::None, false, 0};
            if (!replied || m_rng.chance(0.6))
                tail[std::size_t(tailCount++)] = {MessageKind::InternalNote, Event::None, false, 0};
            break;
        default:
            break;
        }
        // Long threads (about 1 in 5000, and always one in any data set of 20+ tickets) have
        // 200 messages or more even after a close or rating that would lie in the future.
        const int n = giant ? 202 + m_rng.index(59) : drawMessageCount(1 + tailCount);
        const int middle = std::max(0, n - 1 - tailCount);
        const bool mailed = t.channel == Channel::Email || t.channel == Channel::WebForm;
        MessageKind previous = MessageKind::CustomerMessage;
        for (int k = 0; k < middle; ++k) {
            if (k == 0 && mailed && m_rng.chance(0.2)) {
                m_plan.push_back({MessageKind::SystemEvent, Event::AutoReply, false, 0});
                previous = MessageKind::SystemEvent;
                continue;
            }
            previous = nextKind(previous);
            m_plan.push_back({previous, Event::None, false, 0});
        }
        for (int k = 0; k < tailCount; ++k)
            m_plan.push_back(tail[std::size_t(k)]);
    }

    // Times: gaps by who speaks and by priority; long threads move faster.
    for (std::size_t k = 1; k < m_plan.size(); ++k) {
        qint64 gap = gapBefore(m_plan[k - 1], m_plan[k], t.priority);
        if (giant && m_plan[k].event != Event::Close)
            gap = std::max<qint64>(kSecond, gap / 4);
        m_plan[k].ms = m_plan[k - 1].ms + gap;
    }
    // What has not happened yet by "now" does not exist: a close that would come later leaves
    // the ticket solved; a thread that would run past now is squeezed into the time there was.
    while (m_plan.size() > 1 && m_plan.back().kind == MessageKind::SystemEvent &&
           m_plan.back().event != Event::AutoReply && m_plan.back().ms > m_time.latestEvent) {
        if (m_plan.back().event == Event::Close)
            status = TicketStatus::Solved;
        m_plan.pop_back();
    }
    if (m_plan.back().ms > m_time.latestEvent) {
        const qint64 end =
            created + qint64(double(m_time.latestEvent - created) * (0.5 + 0.5 * m_rng.unit()));
        const double scale = double(end - created) / double(m_plan.back().ms - created);
        for (std::size_t k = 1; k < m_plan.size(); ++k) {
            const qint64 squeezed = created + qint64(double(m_plan[k].ms - created) * scale);
            m_plan[k].ms = std::max(squeezed, m_plan[k - 1].ms + 1);
        }
    }
    t.status = status;

    // Key moments: first agent action, escalation or reassignment, solution.
    int firstAction = -1;
    int solutionIndex = -1;
    int lastAgentIndex = -1;
    for (std::size_t k = 1; k < m_plan.size(); ++k) {
        const MessageKind kind = m_plan[k].kind;
        if (kind == MessageKind::AgentReply || kind == MessageKind::InternalNote) {
            if (firstAction < 0)
                firstAction = int(k);
            lastAgentIndex = int(k);
        }
        if (m_plan[k].solution)
            solutionIndex = int(k);
    }
    const int last = int(m_plan.size()) - 1;
    bool autoClosed = false;
    for (const Planned &p : m_plan)
        autoClosed = autoClosed || p.event == Event::Close;
    const int openIndex = status == TicketStatus::New ? -1 : std::max(0, firstAction);
    int switchIndex = -1;
    bool escalated = false;
    int firstAgent = finalAgent;
    if (openIndex >= 0 && openIndex < last && finalAgent >= 0) {
        if (t.tier > 1 && m_rng.chance(0.6)) {
            escalated = true;
            switchIndex = openIndex + 1 + m_rng.index(std::size_t(last - openIndex));
            if (m_rng.chance(0.7))
                firstAgent = eligibleAgent(meta.department, 1);
        } else if (m_rng.chance(0.08)) {
            switchIndex = openIndex + 1 + m_rng.index(std::size_t(last - openIndex));
            firstAgent = eligibleAgent(meta.department, t.tier);
        }
    }
    const bool priorityChanged = openIndex >= 0 && m_rng.chance(0.12);
    const bool departmentChanged = openIndex >= 0 && m_rng.chance(0.04);
    const int lead = kDepartmentLeads[std::size_t(meta.department)];

    // Write the messages and, at their times, the history.
    UuidV7Generator ids([this] { return m_clockMs; }, [this] { return m_idRng.next(); });
    Composer c{m_rng, m_time.firstCreated};
    c.lang = contact.lang;
    c.customer = &contact;
    c.ticketNumber = index + 1;
    c.beginTicket(created, meta.factsSeed);
    const bool technical = isTechnical(category);
    bool answered = false;
    int rating = 0; // the customer's satisfaction rating, 1 to 5, when they gave one
    for (int k = 0; k <= last; ++k) {
        const Planned &p = m_plan[std::size_t(k)];
        c.timeMs = p.ms;
        const int agentIndex = (switchIndex >= 0 && k < switchIndex)
                                   ? firstAgent
                                   : (finalAgent >= 0 ? finalAgent : helper);
        Message &m = newMessage(ids, t, p.kind, p.ms);
        switch (p.kind) {
        case MessageKind::CustomerMessage:
            m.authorId = contact.id;
            m.authorName = contact.name;
            if (k == 0) {
                const bool withLog = technical && m_rng.chance(0.3);
                customerOpening(m.bodyText, c, bank, category, meta.topic, withLog);
                if (withLog) // the customer also sends the whole log as a file
                    m.attachments.append(logAttachment(m.bodyText));
            } else
                customerFollowUp(m.bodyText, c, bank, category, meta.topic,
                                 technical && m_rng.chance(0.08));
            break;
        case MessageKind::AgentReply: {
            const AgentInfo &agent = m_agents[std::size_t(agentIndex)];
            c.agent = &agent;
            m.authorId = agent.id;
            m.authorName = agent.name;
            agentReply(m.bodyText, c, bank, category, meta.topic, p.solution, !answered);
            if (!answered)
                t.firstResponseAt = utc(p.ms);
            answered = true;
            break;
        }
        case MessageKind::InternalNote: {
            const int author = (m_rng.chance(0.15) && lead != agentIndex) ? lead : agentIndex;
            const AgentInfo &agent = m_agents[std::size_t(author)];
            c.agent = &agent;
            m.authorId = agent.id;
            m.authorName = agent.name;
            internalNote(m.bodyText, c, bank, category, meta.topic,
                         technical && m_rng.chance(0.15));
            break;
        }
        case MessageKind::SystemEvent:
            m.authorName = m_systemName;
            switch (p.event) {
            case Event::AutoReply:
                c.expand(m.bodyText, QStringView(kAutoReply));
                break;
            case Event::Csat: // mostly good: 4 or 5 of 5
                rating = m_rng.chance(0.85) ? (m_rng.chance(0.7) ? 5 : 4) : 1 + m_rng.index(3);
                c.expand(m.bodyText, QStringView(kCsat));
                m.bodyText += QString::number(rating) + u" of 5.";
                break;
            case Event::Close:
            case Event::None:
                m.bodyText.append(QStringView(kAutoClose));
                break;
            }
            break;
        }

        if (k == openIndex) {
            if (departmentChanged) {
                const int from =
                    (meta.department + 1 + m_rng.index(kDepartmentCount - 1)) % kDepartmentCount;
                addHistory(ids, t, kDepartmentLeads[std::size_t(from)], p.ms, m_fieldDepartment,
                           m_departmentIdText[std::size_t(from)],
                           m_departmentIdText[std::size_t(meta.department)]);
            }
            if (firstAgent >= 0)
                addHistory(ids, t, m_rng.chance(0.5) ? firstAgent : lead, p.ms, m_fieldAssignee,
                           QString(), m_agents[std::size_t(firstAgent)].idText);
            if (priorityChanged) {
                const int now = int(t.priority);
                const int before = now == 0 ? 1 : now - 1;
                addHistory(ids, t, agentIndex, p.ms, m_fieldPriority,
                           m_priorityNames[std::size_t(before)], m_priorityNames[std::size_t(now)]);
            }
            addHistory(ids, t, agentIndex, p.ms, m_fieldStatus,
                       m_statusNames[int(TicketStatus::New)],
                       m_statusNames[int(TicketStatus::Open)]);
        }
        if (k == switchIndex) {
            if (escalated)
                addHistory(ids, t, lead, p.ms, m_fieldTier, m_tierNames[1],
                           m_tierNames[std::size_t(t.tier)]);
            if (firstAgent != finalAgent)
                addHistory(ids, t, lead, p.ms, m_fieldAssignee,
                           m_agents[std::size_t(firstAgent)].idText,
                           m_agents[std::size_t(finalAgent)].idText);
        }
        if (k == solutionIndex) {
            t.solvedAt = utc(p.ms);
            addHistory(ids, t, agentIndex, p.ms, m_fieldStatus,
                       m_statusNames[int(TicketStatus::Open)],
                       m_statusNames[int(autoClosed ? TicketStatus::Solved : status)]);
        }
        if (p.event == Event::Close)
            addHistory(ids, t, -1, p.ms, m_fieldStatus, m_statusNames[int(TicketStatus::Solved)],
                       m_statusNames[int(TicketStatus::Closed)]);
        if (k == last && k == lastAgentIndex &&
            (status == TicketStatus::Pending || status == TicketStatus::OnHold))
            addHistory(ids, t, agentIndex, p.ms, m_fieldStatus,
                       m_statusNames[int(TicketStatus::Open)], m_statusNames[int(status)]);
    }

    // The ticket's own fields.
    c.timeMs = created;
    c.agent = nullptr;
    c.expand(t.subject, bank.subject[std::size_t(category)][std::size_t(meta.topic)]);
    if (finalAgent >= 0)
        t.assigneeId = m_agents[std::size_t(finalAgent)].id;
    t.updated = utc(m_plan.back().ms);
    t.csat = rating;
    setDeadlines(t, created);
    // A pending or on-hold ticket's clocks stopped when it was set so (docs/sla.md): a deadline
    // not reached by then lies as far after now as the time that was left.
    if (status == TicketStatus::Pending || status == TicketStatus::OnHold) {
        const qint64 paused = m_plan.back().ms;
        const auto resumeNow = [&](QDateTime &deadline) {
            const qint64 ms = deadline.toMSecsSinceEpoch();
            if (ms > paused)
                deadline = utc(m_time.now + (ms - paused));
        };
        if (!t.firstResponseAt.isValid())
            resumeNow(t.firstResponseDeadline);
        resumeNow(t.resolutionDeadline);
    }
    if (m_rng.chance(0.06)) {
        const qint64 due = created + m_rng.between(1, 14) * kDay;
        t.due = utc(due);
        if (m_rng.chance(0.5))
            t.reminder = utc(std::max(created, due - m_rng.between(1, 24) * kHour));
    }
    t.unread = status == TicketStatus::New ||
               (isActive(status) && m_plan.back().kind == MessageKind::CustomerMessage &&
                m_rng.chance(0.6));
    pickTags(t, category, contact);

    // Links: outages reported close together belong together; now and then a related ticket.
    if (category == CatOutage) {
        if (m_lastOutageSlot >= 0 &&
            created - m_meta[std::size_t(m_lastOutageSlot)].created < 12 * kHour &&
            m_rng.chance(0.6)) {
            Ticket &other = m_tickets[std::size_t(m_lastOutageSlot)];
            t.linked.append(other.id);
            other.linked.append(t.id);
        }
        m_lastOutageSlot = slot;
    } else if (slot > 0 && m_rng.chance(0.004)) {
        const int other = slot - 1 - m_rng.index(std::size_t(std::min(slot, kLinkWindow)));
        if (m_meta[std::size_t(other)].linkable) {
            t.linked.append(m_tickets[std::size_t(other)].id);
            m_tickets[std::size_t(other)].linked.append(t.id);
        }
    }
}

Status DemoGenerator::flushBatch(int ticketCount)
{
    LocalStore::WriteBatch batch(m_store);
    if (!batch.status().good())
        return batch.status();
    for (int i = 0; i < ticketCount; ++i) {
        if (Status s = m_store.put(m_tickets[std::size_t(i)]); !s.good())
            return s;
    }
    for (std::size_t i = 0; i < m_messageCount; ++i) {
        if (Status s = m_store.put(m_messages[i]); !s.good())
            return s;
    }
    for (std::size_t i = 0; i < m_historyCount; ++i) {
        if (Status s = m_store.put(m_history[i]); !s.good())
            return s;
    }
    if (Status s = batch.commit(); !s.good())
        return s;
    m_summary.tickets += ticketCount;
    m_summary.messages += qint64(m_messageCount);
    m_summary.historyEvents += qint64(m_historyCount);
    return {};
}

Status DemoGenerator::writeTickets()
{
    m_tickets.resize(std::size_t(std::min(m_ticketTotal, kTicketsPerBatch)));
    m_meta.resize(m_tickets.size());
    for (qint64 first = 0; first < m_ticketTotal; first += kTicketsPerBatch) {
        const qint64 last = std::min(m_ticketTotal, first + kTicketsPerBatch);
        m_messageCount = 0;
        m_historyCount = 0;
        m_lastOutageSlot = -1;
        for (qint64 i = first; i < last; ++i)
            makeTicket(i, int(i - first));
        if (Status s = flushBatch(int(last - first)); !s.good())
            return s;
        if (m_options.progress)
            m_options.progress(last, m_ticketTotal);
    }
    return {};
}

} // namespace

Result<DemoSummary> generateDemoData(LocalStore &store, const DemoOptions &options)
{
    DemoGenerator generator(store, options);
    return generator.run();
}

} // namespace Pult
