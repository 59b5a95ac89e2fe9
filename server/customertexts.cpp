#include "customertexts.h"

#include <algorithm>
#include <array>

namespace Pult::CustomerTexts {

namespace {

// One row per text: English, Slovenian, Lithuanian, Croatian, Polish (the order of languages()).
using Row = std::array<const char16_t *, 5>;

constexpr std::array<Row, std::size_t(Text::Count)> kTexts{{
    // FormTitle
    {u"Write to %1", u"Pišite oddelku %1", u"Parašykite: %1", u"Pišite odjelu %1",
     u"Napisz do działu %1"},
    // FormIntro
    {u"Tell us what you need. We answer by e-mail, and you can follow your request on a page of "
     u"its own.",
     u"Povejte nam, kaj potrebujete. Odgovorimo po e-pošti, zahtevo pa lahko spremljate na njeni "
     u"lastni strani.",
     u"Parašykite, ko jums reikia. Atsakysime el. paštu, o savo užklausą galėsite sekti atskirame "
     u"puslapyje.",
     u"Recite nam što vam treba. Odgovaramo e-poštom, a svoj zahtjev možete pratiti na njegovoj "
     u"stranici.",
     u"Napisz, czego potrzebujesz. Odpowiadamy e-mailem, a zgłoszenie możesz śledzić na jego "
     u"własnej stronie."},
    // FieldName
    {u"Your name", u"Vaše ime", u"Jūsų vardas", u"Vaše ime", u"Imię i nazwisko"},
    // FieldEmail
    {u"Your e-mail address", u"Vaš e-poštni naslov", u"Jūsų el. pašto adresas",
     u"Vaša adresa e-pošte", u"Twój adres e-mail"},
    // FieldSubject
    {u"Subject", u"Zadeva", u"Tema", u"Predmet", u"Temat"},
    // FieldMessage
    {u"Message", u"Sporočilo", u"Žinutė", u"Poruka", u"Wiadomość"},
    // FieldWebsite
    {u"Leave this empty", u"Pustite prazno", u"Palikite tuščią", u"Ostavite prazno",
     u"Zostaw puste"},
    // Send
    {u"Send", u"Pošlji", u"Siųsti", u"Pošalji", u"Wyślij"},
    // Required
    {u"Please fill this in.", u"Izpolnite to polje.", u"Užpildykite šį lauką.",
     u"Ispunite ovo polje.", u"Wypełnij to pole."},
    // BadEmail
    {u"This is not an e-mail address.", u"To ni e-poštni naslov.", u"Tai ne el. pašto adresas.",
     u"Ovo nije adresa e-pošte.", u"To nie jest adres e-mail."},
    // TooLong
    {u"This is too long: at most %1 characters.", u"Predolgo: največ %1 znakov.",
     u"Per ilga: ne daugiau kaip %1 simbolių.", u"Predugačko: najviše %1 znakova.",
     u"Za długie: najwyżej %1 znaków."},
    // FormExpired
    {u"The form has expired. Please check your message and send it again.",
     u"Obrazec je potekel. Preverite sporočilo in ga pošljite znova.",
     u"Formos galiojimas baigėsi. Patikrinkite žinutę ir išsiųskite ją dar kartą.",
     u"Obrazac je istekao. Provjerite poruku i pošaljite je ponovno.",
     u"Formularz wygasł. Sprawdź wiadomość i wyślij ją ponownie."},
    // TooFast
    {u"That was very quick. Please check your message and send it again.",
     u"To je bilo zelo hitro. Preverite sporočilo in ga pošljite znova.",
     u"Tai buvo labai greitai. Patikrinkite žinutę ir išsiųskite ją dar kartą.",
     u"To je bilo vrlo brzo. Provjerite poruku i pošaljite je ponovno.",
     u"To było bardzo szybko. Sprawdź wiadomość i wyślij ją ponownie."},
    // Unreadable
    {u"Your browser sent something we could not read. Please check your message and send it "
     u"again.",
     u"Vaš brskalnik je poslal nekaj, česar ne moremo prebrati. Preverite sporočilo in ga "
     u"pošljite znova.",
     u"Jūsų naršyklė atsiuntė tai, ko negalime perskaityti. Patikrinkite žinutę ir išsiųskite "
     u"ją dar kartą.",
     u"Vaš je preglednik poslao nešto što ne možemo pročitati. Provjerite poruku i pošaljite je "
     u"ponovno.",
     u"Twoja przeglądarka wysłała coś, czego nie możemy odczytać. Sprawdź wiadomość i wyślij ją "
     u"ponownie."},
    // RateLimited
    {u"We have had many messages from you in the last hour. Please try again later.",
     u"V zadnji uri smo od vas prejeli veliko sporočil. Poskusite znova pozneje.",
     u"Per pastarąją valandą gavome iš jūsų daug žinučių. Pabandykite vėliau.",
     u"U zadnjih sat vremena primili smo od vas mnogo poruka. Pokušajte ponovno kasnije.",
     u"W ciągu ostatniej godziny otrzymaliśmy od Ciebie wiele wiadomości. Spróbuj ponownie "
     u"później."},
    // ErrorSummary
    {u"Please correct the fields marked below.", u"Popravite spodaj označena polja.",
     u"Pataisykite toliau pažymėtus laukus.", u"Ispravite polja označena u nastavku.",
     u"Popraw pola zaznaczone poniżej."},
    // ThanksTitle
    {u"Thank you", u"Hvala", u"Ačiū", u"Hvala", u"Dziękujemy"},
    // ThanksNumber
    {u"We received your request and gave it the number %1.",
     u"Vašo zahtevo smo prejeli in ji dodelili številko %1.",
     u"Jūsų užklausą gavome ir suteikėme jai numerį %1.",
     u"Primili smo vaš zahtjev i dodijelili mu broj %1.",
     u"Otrzymaliśmy Twoje zgłoszenie i nadaliśmy mu numer %1."},
    // ThanksMail
    {u"A confirmation with a link to follow it is on its way to %1.",
     u"Potrditev s povezavo za spremljanje je na poti na %1.",
     u"Patvirtinimas su nuoroda užklausai sekti išsiųstas adresu %1.",
     u"Potvrda s poveznicom za praćenje je na putu na %1.",
     u"Potwierdzenie z linkiem do śledzenia zgłoszenia wysłaliśmy na adres %1."},
    // StatusTitle
    {u"Request %1", u"Zahteva %1", u"Užklausa %1", u"Zahtjev %1", u"Zgłoszenie %1"},
    // StatusLabel
    {u"Status", u"Stanje", u"Būsena", u"Stanje", u"Stan"},
    // NextResponse
    {u"We will answer by %1.", u"Odgovorili bomo do %1.", u"Atsakysime iki %1.",
     u"Odgovorit ćemo do %1.", u"Odpowiemy do %1."},
    // Conversation
    {u"Conversation", u"Pogovor", u"Susirašinėjimas", u"Razgovor", u"Rozmowa"},
    // You
    {u"You", u"Vi", u"Jūs", u"Vi", u"Ty"},
    // Attachments
    {u"Attachments", u"Priponke", u"Priedai", u"Privitci", u"Załączniki"},
    // YourAnswer
    {u"Your answer", u"Vaš odgovor", u"Jūsų atsakymas", u"Vaš odgovor", u"Twoja odpowiedź"},
    // SendAnswer
    {u"Send answer", u"Pošlji odgovor", u"Siųsti atsakymą", u"Pošalji odgovor",
     u"Wyślij odpowiedź"},
    // AnswerAdded
    {u"Your answer was added. We will get back to you.", u"Vaš odgovor je dodan. Oglasili se bomo.",
     u"Jūsų atsakymas pridėtas. Susisieksime su jumis.",
     u"Vaš odgovor je dodan. Javit ćemo vam se.",
     u"Twoja odpowiedź została dodana. Odezwiemy się."},
    // AnswerEmpty
    {u"Please write your answer.", u"Napišite odgovor.", u"Parašykite atsakymą.",
     u"Napišite odgovor.", u"Napisz odpowiedź."},
    // RequestClosed
    {u"This request is closed. To ask us something new, write to us again.",
     u"Ta zahteva je zaprta. Če želite vprašati kaj novega, nam pišite znova.",
     u"Ši užklausa uždaryta. Jei norite paklausti ko nors naujo, parašykite mums dar kartą.",
     u"Ovaj je zahtjev zatvoren. Ako želite pitati nešto novo, pišite nam ponovno.",
     u"To zgłoszenie jest zamknięte. Jeśli chcesz zapytać o coś nowego, napisz do nas "
     u"ponownie."},
    // NotFoundTitle
    {u"Page not found", u"Strani ni mogoče najti", u"Puslapis nerastas", u"Stranica nije pronađena",
     u"Nie znaleziono strony"},
    // NotFoundText
    {u"This address leads nowhere. If it came in one of our e-mails, the link may have been "
     u"replaced: the newest e-mail about your request has the current one.",
     u"Ta naslov ne vodi nikamor. Če ste ga dobili v našem e-sporočilu, je bila povezava morda "
     u"zamenjana: veljavna je v najnovejšem sporočilu o vaši zahtevi.",
     u"Šis adresas niekur neveda. Jei jį gavote mūsų laiške, nuoroda galėjo būti pakeista: "
     u"galiojanti yra naujausiame laiške apie jūsų užklausą.",
     u"Ova adresa ne vodi nikamo. Ako ste je dobili u našoj poruci, poveznica je možda "
     u"zamijenjena: važeća je u najnovijoj poruci o vašem zahtjevu.",
     u"Ten adres nigdzie nie prowadzi. Jeśli pochodzi z naszej wiadomości, link mógł zostać "
     u"zmieniony: aktualny znajdziesz w najnowszej wiadomości o zgłoszeniu."},
    // MailConfirmation
    {u"Hello %1,\n\nwe received your request \u201c%2\u201d and gave it the number %3. We will "
     u"answer as soon as we can.",
     u"Pozdravljeni, %1,\n\nprejeli smo vašo zahtevo \u201e%2\u201c in ji dodelili številko %3. "
     u"Odgovorili bomo čim prej.",
     u"Sveiki, %1,\n\ngavome jūsų užklausą \u201e%2\u201c ir suteikėme jai numerį %3. "
     u"Atsakysime kuo greičiau.",
     u"Poštovani/a %1,\n\nprimili smo vaš zahtjev \u201e%2\u201c i dodijelili mu broj %3. "
     u"Odgovorit ćemo što prije.",
     u"Dzień dobry, %1,\n\notrzymaliśmy Twoje zgłoszenie \u201e%2\u201d i nadaliśmy mu numer "
     u"%3. Odpowiemy najszybciej, jak to możliwe."},
    // MailStatusLink
    {u"You can follow your request and answer us here:\n%1",
     u"Zahtevo lahko spremljate in nam odgovorite tukaj:\n%1",
     u"Savo užklausą galite sekti ir mums atsakyti čia:\n%1",
     u"Svoj zahtjev možete pratiti i odgovoriti nam ovdje:\n%1",
     u"Zgłoszenie możesz śledzić i odpowiedzieć nam tutaj:\n%1"},
    // StatusNew
    {u"Received", u"Prejeto", u"Gauta", u"Zaprimljeno", u"Przyjęte"},
    // StatusOpen
    {u"Open", u"V obdelavi", u"Nagrinėjama", u"U obradi", u"W toku"},
    // StatusPending
    {u"Waiting for your answer", u"Čaka na vaš odgovor", u"Laukiama jūsų atsakymo",
     u"Čeka vaš odgovor", u"Czeka na Twoją odpowiedź"},
    // StatusOnHold
    {u"On hold", u"Na čakanju", u"Sustabdyta", u"Na čekanju", u"Wstrzymane"},
    // StatusSolved
    {u"Solved", u"Rešeno", u"Išspręsta", u"Riješeno", u"Rozwiązane"},
    // StatusClosed
    {u"Closed", u"Zaprto", u"Uždaryta", u"Zatvoreno", u"Zamknięte"},
    // SurveySubject
    {u"How did we do? %1 %2", u"Kako smo se odrezali? %1 %2", u"Kaip mums sekėsi? %1 %2",
     u"Kako smo se snašli? %1 %2", u"Jak nam poszło? %1 %2"},
    // MailSurvey
    {u"Hello %1,\n\nyour request %3 \u201c%2\u201d has been solved. How happy are you with our "
     u"help? One click is enough:",
     u"Pozdravljeni, %1,\n\nvaša zahteva %3 \u201e%2\u201c je rešena. Kako ste zadovoljni z našo "
     u"pomočjo? Dovolj je en klik:",
     u"Sveiki, %1,\n\njūsų užklausa %3 \u201e%2\u201c išspręsta. Kaip vertinate mūsų pagalbą? "
     u"Užtenka vieno paspaudimo:",
     u"Poštovani/a %1,\n\nvaš zahtjev %3 \u201e%2\u201c je riješen. Koliko ste zadovoljni našom "
     u"pomoći? Dovoljan je jedan klik:",
     u"Dzień dobry, %1,\n\nzgłoszenie %3 \u201e%2\u201d zostało rozwiązane. Jak oceniasz naszą "
     u"pomoc? Wystarczy jedno kliknięcie:"},
    // Rating1
    {u"Very poor", u"Zelo slabo", u"Labai prastai", u"Vrlo loše", u"Bardzo słabo"},
    // Rating2
    {u"Poor", u"Slabo", u"Prastai", u"Loše", u"Słabo"},
    // Rating3
    {u"Okay", u"Sprejemljivo", u"Vidutiniškai", u"Prihvatljivo", u"Przeciętnie"},
    // Rating4
    {u"Good", u"Dobro", u"Gerai", u"Dobro", u"Dobrze"},
    // Rating5
    {u"Excellent", u"Odlično", u"Puikiai", u"Izvrsno", u"Doskonale"},
    // RatingQuestion
    {u"How did we do?", u"Kako smo se odrezali?", u"Kaip mums sekėsi?", u"Kako smo se snašli?",
     u"Jak nam poszło?"},
    // RatingComment
    {u"Anything to add? (optional)", u"Bi radi še kaj dodali? (neobvezno)",
     u"Norite ką nors pridurti? (neprivaloma)", u"Želite li nešto dodati? (neobavezno)",
     u"Chcesz coś dodać? (opcjonalnie)"},
    // SendRating
    {u"Send rating", u"Pošlji oceno", u"Siųsti įvertinimą", u"Pošalji ocjenu", u"Wyślij ocenę"},
    // RatingThanks
    {u"Thank you! Your rating: %1 of 5. You can add a comment or change the rating below.",
     u"Hvala! Vaša ocena: %1 od 5. Spodaj lahko dodate komentar ali oceno spremenite.",
     u"Ačiū! Jūsų įvertinimas: %1 iš 5. Žemiau galite pridėti komentarą arba pakeisti "
     u"įvertinimą.",
     u"Hvala! Vaša ocjena: %1 od 5. U nastavku možete dodati komentar ili promijeniti ocjenu.",
     u"Dziękujemy! Twoja ocena: %1 z 5. Poniżej możesz dodać komentarz lub zmienić ocenę."},
    // RatingSaved
    {u"Thank you for your rating.", u"Hvala za vašo oceno.", u"Ačiū už įvertinimą.",
     u"Hvala na ocjeni.", u"Dziękujemy za ocenę."},
    // RatingMissing
    {u"Please choose a rating.", u"Izberite oceno.", u"Pasirinkite įvertinimą.",
     u"Odaberite ocjenu.", u"Wybierz ocenę."},
    // SurveyNotOpen
    {u"This request is open again, so there is nothing to rate yet.",
     u"Ta zahteva je spet odprta, zato je še ni mogoče oceniti.",
     u"Ši užklausa vėl atidaryta, todėl jos dar negalima įvertinti.",
     u"Ovaj je zahtjev ponovno otvoren pa ga još nije moguće ocijeniti.",
     u"To zgłoszenie jest znów otwarte, więc nie można go jeszcze ocenić."},
    // UnavailableTitle
    {u"Please try again", u"Poskusite znova", u"Bandykite dar kartą", u"Pokušajte ponovno",
     u"Spróbuj ponownie"},
    // Unavailable
    {u"We cannot take this just now. Please send it again in a moment: nothing you typed is lost.",
     u"Tega trenutno ne moremo sprejeti. Pošljite znova čez trenutek: nič, kar ste vpisali, se ni "
     u"izgubilo.",
     u"Šiuo metu negalime to priimti. Po akimirkos išsiųskite dar kartą: niekas, ką įvedėte, "
     u"nedingo.",
     u"Ovo trenutačno ne možemo primiti. Pošaljite ponovno za trenutak: ništa što ste upisali nije "
     u"izgubljeno.",
     u"Nie możemy tego teraz przyjąć. Wyślij ponownie za chwilę: nic, co wpisano, nie zginęło."},
    // FieldFiles
    {u"Files (optional)", u"Datoteke (neobvezno)", u"Failai (neprivaloma)",
     u"Datoteke (nije obavezno)", u"Pliki (opcjonalnie)"},
    // FilesHint
    {u"Up to %1 files, together at most %2.", u"Največ %1 datotek, skupaj največ %2.",
     u"Iki %1 failų, kartu ne daugiau kaip %2.", u"Najviše %1 datoteka, ukupno najviše %2.",
     u"Do %1 plików, łącznie najwyżej %2."},
    // TooManyFiles
    {u"Please attach at most %1 files.", u"Priložite največ %1 datotek.",
     u"Pridėkite ne daugiau kaip %1 failų.", u"Priložite najviše %1 datoteka.",
     u"Dołącz najwyżej %1 plików."},
    // FilesTooLarge
    {u"The files are too large: together they may have at most %1.",
     u"Datoteke so prevelike: skupaj imajo lahko največ %1.",
     u"Failai per dideli: kartu jie gali užimti ne daugiau kaip %1.",
     u"Datoteke su prevelike: zajedno smiju imati najviše %1.",
     u"Pliki są za duże: łącznie mogą mieć najwyżej %1."},
    // FilesAgain
    {u"Please choose your files again: a form that comes back does not keep them.",
     u"Datoteke izberite znova: vrnjen obrazec jih ne obdrži.",
     u"Pasirinkite failus dar kartą: grąžinta forma jų neišsaugo.",
     u"Ponovno odaberite datoteke: vraćeni obrazac ih ne zadržava.",
     u"Wybierz pliki ponownie: zwrócony formularz ich nie zachowuje."},
}};

} // namespace

const QStringList &languages()
{
    static const QStringList all{QStringLiteral("en"), QStringLiteral("sl"), QStringLiteral("lt"),
                                 QStringLiteral("hr"), QStringLiteral("pl")};
    return all;
}

QString text(Text t, const QString &language)
{
    const qsizetype column = std::max<qsizetype>(0, languages().indexOf(language));
    return QString::fromUtf16(kTexts[std::size_t(t)][std::size_t(column)]);
}

QString supported(const QStringList &preferences)
{
    for (const QString &tag : preferences) {
        const QString primary = tag.section(u'-', 0, 0).section(u'_', 0, 0).trimmed().toLower();
        if (languages().contains(primary))
            return primary;
    }
    return {};
}

QStringList acceptLanguages(std::string_view header)
{
    struct Weighted
    {
        QString tag;
        double q;
    };
    QList<Weighted> found;
    const QString text = QString::fromLatin1(header.data(), qsizetype(header.size()));
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u';');
        const QString tag = parts.front().trimmed();
        if (tag.isEmpty() || tag.size() > 35)
            continue;
        double q = 1.0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString parameter = parts[i].trimmed();
            if (parameter.startsWith(u"q=")) {
                bool ok = false;
                q = parameter.mid(2).toDouble(&ok);
                if (!ok)
                    q = 0;
            }
        }
        if (q > 0)
            found.append({tag, q});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Weighted &a, const Weighted &b) { return a.q > b.q; });
    QStringList tags;
    for (const Weighted &w : std::as_const(found))
        tags.append(w.tag);
    return tags;
}

} // namespace Pult::CustomerTexts
