<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hr_HR">
<context>
    <name>ConversationRenderer</name>
    <message>
        <location filename="../ui/conversationrenderer.cpp" line="+223"/>
        <source>less than 1 min</source>
        <translation>manje od 1 min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 d</source>
        <comment>days</comment>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <comment>days, hours</comment>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 h</source>
        <comment>hours</comment>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <comment>hours, minutes</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <comment>minutes</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No messages in this ticket yet.</source>
        <translation>U ovom zahtjevu još nema poruka.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier message</source>
        <translation>
            <numerusform>Prikaži %n raniju poruku</numerusform>
            <numerusform>Prikaži %n ranije poruke</numerusform>
            <numerusform>Prikaži %n ranijih poruka</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier messages</source>
        <translation>
            <numerusform>Prikaži %n raniju poruku</numerusform>
            <numerusform>Prikaži %n ranije poruke</numerusform>
            <numerusform>Prikaži %n ranijih poruka</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+95"/>
        <source>(no subject)</source>
        <translation>(bez predmeta)</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>%1 priority</source>
        <translation>%1 prioritet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spam</source>
        <translation>Neželjena pošta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Requester: </source>
        <translation>Korisnik: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>nepoznat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assignee: </source>
        <translation>Agent: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unassigned</source>
        <translation>nije dodijeljen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown agent</source>
        <translation>nepoznati agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created %1</source>
        <translation>Stvoren %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ticket %1</source>
        <translation>zahtjev %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the local store yet</source>
        <translation>Još nije u lokalnoj pohrani</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>solved %1 late</source>
        <translation>riješeno s kašnjenjem od %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered %1 late</source>
        <translation>odgovoreno s kašnjenjem od %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>met · solved %1</source>
        <translation>ispunjeno · riješeno %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met · answered %1</source>
        <translation>ispunjeno · odgovoreno %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stopped · the ticket is %1</source>
        <translation>zaustavljeno · stanje zahtjeva: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>due %1</source>
        <translation>rok %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue by %1</source>
        <translation>kasni %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 left · paused while %2</source>
        <translation>još %1 · pauzirano (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 left</source>
        <translation>još %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ticket</source>
        <translation>Zahtjev</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First response</source>
        <translation>Prvi odgovor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolution</source>
        <translation>Rješenje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>Rok</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>in %1</source>
        <translation>za %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1 overdue</source>
        <translation>kasni %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reminder</source>
        <translation>Podsjetnik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ago</source>
        <translation>prije %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tier</source>
        <translation>Razina</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satisfaction</source>
        <translation>Zadovoljstvo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 of 5</source>
        <translation>%1 %2 od 5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>Oznake</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged into</source>
        <translation>Spojen u</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked</source>
        <translation>Povezani</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requester</source>
        <translation>Korisnik</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not in the local store</source>
        <translation>Nije u lokalnoj pohrani</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>bouncing since %1</source>
        <translation>e-pošta se vraća od %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bouncing since %1: %2</source>
        <comment>since when, the mail server&apos;s answer</comment>
        <translation>e-pošta se vraća od %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organizacija</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Jezik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Vremenska zona</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No other tickets</source>
        <translation>Nema drugih zahtjeva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other tickets</source>
        <translation>Ostali zahtjevi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rule “%1”</source>
        <translation>Pravilo „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automation</source>
        <translation>Automatizacija</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An unknown agent</source>
        <translation>Nepoznati agent</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>an unknown agent</source>
        <translation>nepoznati agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown department</source>
        <translation>nepoznati odjel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>status</source>
        <translation>stanje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>priority</source>
        <translation>prioritet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assignee</source>
        <translation>dodijeljeni agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>department</source>
        <translation>odjel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tier</source>
        <translation>razina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category</source>
        <translation>kategorija</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tags</source>
        <translation>oznake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due date</source>
        <translation>rok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reminder</source>
        <translation>podsjetnik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subject</source>
        <translation>predmet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 created the ticket as %2</source>
        <translation>%1: zahtjev stvoren kao %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 created the ticket</source>
        <translation>%1: zahtjev stvoren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 marked the ticket as spam</source>
        <translation>%1: zahtjev označen kao neželjena pošta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 marked the ticket as not spam</source>
        <translation>%1: zahtjev više nije označen kao neželjena pošta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 merged the ticket into %2</source>
        <translation>%1: zahtjev spojen u %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 notified %2</source>
        <translation>%1: obaviješten(i) %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rated the help %2 of 5</source>
        <translation>%1: pomoć ocijenjena s %2 od 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 removed the rating&apos;s comment</source>
        <translation>%1: komentar uz ocjenu uklonjen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 commented on the rating</source>
        <translation>%1: dodan komentar uz ocjenu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 assigned the ticket to %2</source>
        <translation>%1: dodijeljeni agent je %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 unassigned the ticket from %2</source>
        <translation>%1: %2 više nije dodijeljeni agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 reassigned the ticket from %2 to %3</source>
        <translation>%1: dodijeljeni agent je sada %3 (prije: %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 set %2 to %3</source>
        <translation>%1: polje „%2“ postavljeno na %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cleared %2 (was %3)</source>
        <translation>%1: polje „%2“ ispražnjeno (bilo je: %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed %2 from %3 to %4</source>
        <translation>%1: polje „%2“ promijenjeno s %3 na %4</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>History</source>
        <translation>Povijest</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change</source>
        <translation>
            <numerusform>%n promjena</numerusform>
            <numerusform>%n promjene</numerusform>
            <numerusform>%n promjena</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changes</source>
        <translation>
            <numerusform>%n promjena</numerusform>
            <numerusform>%n promjene</numerusform>
            <numerusform>%n promjena</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier change</source>
        <translation>
            <numerusform>Prikaži %n raniju promjenu</numerusform>
            <numerusform>Prikaži %n ranije promjene</numerusform>
            <numerusform>Prikaži %n ranijih promjena</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier changes</source>
        <translation>
            <numerusform>Prikaži %n raniju promjenu</numerusform>
            <numerusform>Prikaži %n ranije promjene</numerusform>
            <numerusform>Prikaži %n ranijih promjena</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Customer</source>
        <translation>Korisnik</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reply</source>
        <translation>Odgovor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Internal note · not visible to the customer</source>
        <translation>Interna bilješka · korisnik je ne vidi</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unknown</source>
        <translation>Nepoznato</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plain text</source>
        <translation>Običan tekst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as plain text</source>
        <translation>Prikaži ovu poruku kao običan tekst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formatted</source>
        <translation>Oblikovano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as it was formatted</source>
        <translation>Prikaži ovu poruku s izvornim oblikovanjem</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attachments: </source>
        <translation>Privitci: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(unnamed)</source>
        <translation>(bez naziva)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open or save %1</source>
        <translation>Otvori ili spremi %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open or save %1 (%2)</source>
        <translation>Otvori ili spremi %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>… quoted text (%n line)</source>
        <translation>
            <numerusform>… citirani tekst (%n redak)</numerusform>
            <numerusform>… citirani tekst (%n retka)</numerusform>
            <numerusform>… citirani tekst (%n redaka)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>… quoted text (%n lines)</source>
        <translation>
            <numerusform>… citirani tekst (%n redak)</numerusform>
            <numerusform>… citirani tekst (%n retka)</numerusform>
            <numerusform>… citirani tekst (%n redaka)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+81"/>
        <source>Show the quoted text</source>
        <translation>Prikaži citirani tekst</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+81"/>
        <source>Hide quoted text</source>
        <translation>Sakrij citirani tekst</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Remote images are shown.</source>
        <translation>Udaljene slike su prikazane.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remote images are not shown. </source>
        <translation>Udaljene slike nisu prikazane. </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show remote images</source>
        <translation>Prikaži udaljene slike</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching them tells the sender that the mail was read</source>
        <translation>Njihovim preuzimanjem pošiljatelj saznaje da je poruka pročitana</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>… quoted text</source>
        <translation>… citirani tekst</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <location filename="../ui/displaytext.cpp" line="+27"/>
        <source>pending</source>
        <comment>ticket number not yet given by the server</comment>
        <translation>čeka broj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1</source>
        <comment>ticket number</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>just now</source>
        <translation>upravo</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>prije %n min</numerusform>
            <numerusform>prije %n min</numerusform>
            <numerusform>prije %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>prije %n h</numerusform>
            <numerusform>prije %n h</numerusform>
            <numerusform>prije %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yesterday</source>
        <translation>jučer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>d MMM</source>
        <comment>date in this year, QDate format</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>d MMM yyyy</source>
        <comment>date in another year, QDate format</comment>
        <translation>d. MMM yyyy.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1, %2</source>
        <comment>date, time</comment>
        <translation>%1 u %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln ticket</source>
        <translation>
            <numerusform>%Ln zahtjev</numerusform>
            <numerusform>%Ln zahtjeva</numerusform>
            <numerusform>%Ln zahtjeva</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln tickets</source>
        <translation>
            <numerusform>%Ln zahtjev</numerusform>
            <numerusform>%Ln zahtjeva</numerusform>
            <numerusform>%Ln zahtjeva</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../ui/templatepreview.cpp" line="+13"/>
        <source>The invoice for March is missing</source>
        <translation>Nedostaje račun za ožujak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ana Novak</source>
        <translation>Ana Horvat</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../core/labels.cpp" line="+9"/>
        <source>New</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Otvoren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Čeka korisnika</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>Na čekanju</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solved</source>
        <translation>Riješen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Zatvoren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Low</source>
        <translation>Nizak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>Uobičajen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>Visok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent</source>
        <translation>Hitan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Email</source>
        <translation>E-pošta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web form</source>
        <translation>Web-obrazac</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API</source>
        <translation>API</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../ui/notifier.cpp" line="+46"/>
        <source>New ticket for you</source>
        <translation>Novi zahtjev za vas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 replied</source>
        <translation>%1: novi odgovor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reminder</source>
        <translation>Podsjetnik</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SLA deadline missed</source>
        <translation>SLA rok je prekoračen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>SLA deadline in %n min</source>
        <translation>
            <numerusform>SLA rok za %n min</numerusform>
            <numerusform>SLA rok za %n min</numerusform>
            <numerusform>SLA rok za %n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rule “%1”</source>
        <translation>Pravilo „%1“</translation>
    </message>
</context>
<context>
    <name>Pult::AgentSettings</name>
    <message>
        <location filename="../ui/agentsettings.cpp" line="+32"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead</source>
        <translation>Voditelj tima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Add agent</source>
        <translation>&amp;Dodaj agenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spremi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open tickets</source>
        <translation>&amp;Otvoreni zahtjevi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agents</source>
        <translation>Agenti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Ime</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>E-pošta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Uloga</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Departments</source>
        <translation>Odjeli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The agent&apos;s place in the order assignment gives tickets in when it finds agents equal: 1 is the most senior. The others keep their order around it.</source>
        <translation>Mjesto agenta u redoslijedu kojim dodjela daje zahtjeve kad su agenti jednaki: 1 je najstariji. Ostali zadržavaju svoj redoslijed oko njega.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department</source>
        <translation>Odjel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>Razina</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The support tier the agent works at in this department: tickets escalated to a tier go to its agents.</source>
        <translation>Razina podrške na kojoj agent radi u ovom odjelu: zahtjevi preneseni na razinu idu njezinim agentima.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-pošta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Ime:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Uloga:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seniorit&amp;y:</source>
        <translation>Se&amp;niornost:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;partments:</source>
        <translation>Od&amp;jeli:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the agent&apos;s tickets that are not solved yet in the inbox, to hand them on.</source>
        <translation>U ulaznom pretincu prikazuje agentove još neriješene zahtjeve kako biste ih predali dalje.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The list of agents comes from the server: %1</source>
        <translation>Popis agenata dolazi s poslužitelja: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>another department</source>
        <translation>drugi odjel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (tier %2)</source>
        <translation>%1 (razina %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Active</source>
        <translation>Aktivan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>Deaktiviran</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>&amp;Deactivate</source>
        <translation>Deakti&amp;viraj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reac&amp;tivate</source>
        <translation>Ponovno akti&amp;viraj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deactivated agent is signed out everywhere at once and cannot sign in; their tickets stay assigned to them until handed on.</source>
        <translation>Deaktivirani agent odmah je odjavljen posvuda i ne može se prijaviti; njegovi zahtjevi ostaju mu dodijeljeni dok ih ne predate dalje.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An agent needs a name.</source>
        <translation>Agent mora imati ime.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>„%1” nije adresa e-pošte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adding…</source>
        <translation>Dodavanje…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The agent was not added: %1</source>
        <translation>Agent nije dodan: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added. Tell %1 their password, which is shown only now:</source>
        <translation>Dodano. Javite %1 lozinku, koja se prikazuje samo sada:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing changed.</source>
        <translation>Ništa nije promijenjeno.</translation>
    </message>
</context>
<context>
    <name>Pult::BusinessHoursEditor</name>
    <message>
        <location filename="../ui/businesshourseditor.cpp" line="+47"/>
        <source>Every year</source>
        <translation>Svake godine</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time &amp;zone:</source>
        <translation>Vremenska &amp;zona:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closed</source>
        <translation>zatvoreno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours as HH:MM-HH:MM, several separated by commas, e.g. 08:00-12:00, 13:00-16:00. Empty: closed all day.</source>
        <translation>Radno vrijeme u obliku HH:MM-HH:MM, više razdoblja odvojite zarezima, npr. 08:00-12:00, 13:00-16:00. Prazno: zatvoreno cijeli dan.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Same on &amp;weekdays</source>
        <translation>Isto &amp;radnim danima</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give Tuesday to Friday Monday&apos;s hours.</source>
        <translation>Od utorka do petka postavi radno vrijeme ponedjeljka.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add holiday</source>
        <translation>&amp;Dodaj praznik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remo&amp;ve</source>
        <translation>&amp;Ukloni</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Holidays:</source>
        <translation>Praznici:</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1, every year</source>
        <translation>%1, svake godine</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Time zone: there is no time zone &quot;%1&quot;.</source>
        <translation>Vremenska zona: vremenska zona „%1” ne postoji.</translation>
    </message>
</context>
<context>
    <name>Pult::CannedResponseModel</name>
    <message>
        <location filename="../ui/cannedresponsepicker.cpp" line="+66"/>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
</context>
<context>
    <name>Pult::CannedResponsePicker</name>
    <message>
        <location line="+16"/>
        <source>Insert a canned response</source>
        <translation>Umetni gotov odgovor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search canned responses</source>
        <translation>Pretraži gotove odgovore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a title or shortcut</source>
        <translation>Upišite naslov ili prečac</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Canned responses</source>
        <translation>Gotovi odgovori</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation>Pregled</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter inserts; placeholders are filled in for this ticket.</source>
        <translation>Enter umeće odgovor; rezervirana mjesta popunjavaju se za ovaj zahtjev.</translation>
    </message>
</context>
<context>
    <name>Pult::CannedSettings</name>
    <message>
        <location filename="../ui/cannedsettings.cpp" line="+42"/>
        <source>&amp;Save</source>
        <translation>&amp;Spremi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Ukloni</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canned responses</source>
        <translation>Gotovi odgovori</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Prečac</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Za koga</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. refund</source>
        <translation>npr. povrat</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+74"/>
        <source>Only me</source>
        <translation>Samo ja</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+73"/>
        <source>The agents of %1</source>
        <translation>Agenti odjela %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+61"/>
        <source>Everyone</source>
        <translation>Svi</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>&amp;Title:</source>
        <translation>&amp;Naslov:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hortcut:</source>
        <translation>&amp;Prečac:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>Za &amp;koga:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{agent.name}} are filled in for the ticket it is inserted into (docs/templates.md).</source>
        <translation>Zamjenske oznake poput {{customer.first_name}}, {{ticket.number}} i {{agent.name}} popunjavaju se za zahtjev u koji se odgovor umeće (docs/templates.md).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview:</source>
        <translation>Pregled:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New response</source>
        <translation>&amp;Novi odgovor</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>another department</source>
        <translation>drugi odjel</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>A canned response needs a title.</source>
        <translation>Gotov odgovor mora imati naslov.</translation>
    </message>
</context>
<context>
    <name>Pult::ChangesDialog</name>
    <message>
        <location filename="../ui/changesdialog.cpp" line="+34"/>
        <source>Waiting and refused changes</source>
        <translation>Neposlane i odbijene promjene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting changes go to the server in this order; a refused change was undone here. Retry sends a refused change again; Discard drops a change (a waiting one is undone here).</source>
        <translation>Neposlane promjene šalju se na poslužitelj ovim redoslijedom; odbijena promjena ovdje je poništena. „Pokušaj ponovno“ ponovno šalje odbijenu promjenu; „Odbaci“ uklanja promjenu (neposlana se ovdje poništava).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>Kada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Promjena</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket</source>
        <translation>Zahtjev</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>&amp;Pokušaj ponovno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Discard</source>
        <translation>&amp;Odbaci</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>new: %1</source>
        <translation>novi: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting</source>
        <translation>Čeka slanje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused: %1 (%2)</source>
        <translation>Odbijeno: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="+412"/>
        <source>Command palette</source>
        <translation>Paleta naredbi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a command, a view or a ticket number</source>
        <translation>Upišite naredbu, prikaz ili broj zahtjeva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Naredba</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Matching commands</source>
        <translation>Odgovarajuće naredbe</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPaletteModel</name>
    <message>
        <location line="-195"/>
        <source>View</source>
        <comment>a view of the sidebar, in the command palette</comment>
        <translation>Prikaz</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Open ticket #%1</source>
        <translation>Otvori zahtjev #%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unavailable</source>
        <comment>a command that cannot run now</comment>
        <translation>nedostupno</translation>
    </message>
</context>
<context>
    <name>Pult::Composer</name>
    <message>
        <location filename="../ui/composer.cpp" line="+50"/>
        <source>&amp;Reply</source>
        <translation>&amp;Odgovor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reply the customer reads (R)</source>
        <translation>Odgovor koji korisnik čita (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal &amp;note</source>
        <translation>Interna &amp;bilješka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A note only agents see (N)</source>
        <translation>Bilješka koju vide samo agenti (N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Canned response…</source>
        <translation>Gotov odgovor…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a canned response (Ctrl+Shift+I)</source>
        <translation>Umetni gotov odgovor (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach…</source>
        <translation>Priloži…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach files to the message</source>
        <translation>Priloži datoteke poruci</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message text</source>
        <translation>Tekst poruke</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Send</source>
        <translation>Pošalji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Pošalji (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send and set %1</source>
        <translation>Pošalji i postavi: %1</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Write a reply to the customer…</source>
        <translation>Napišite odgovor korisniku…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an internal note for agents…</source>
        <translation>Napišite internu bilješku za agente…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send reply</source>
        <translation>Pošalji odgovor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add note</source>
        <translation>Dodaj bilješku</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the %1 header</source>
        <translation>zaglavlje odjela %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 footer</source>
        <translation>podnožje odjela %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your signature</source>
        <translation>vaš potpis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent with %1.</source>
        <translation>Uz odgovor: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[your reply]</source>
        <translation>[vaš odgovor]</translation>
    </message>
    <message numerus="yes">
        <location line="+100"/>
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>Prilaganje %n datoteke…</numerusform>
            <numerusform>Prilaganje %n datoteke…</numerusform>
            <numerusform>Prilaganje %n datoteka…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The attached files are still being copied; send again in a moment</source>
        <translation>Priložene datoteke još se kopiraju; pošaljite ponovno za trenutak</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Attach files</source>
        <translation>Priloži datoteke</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attached: %1</source>
        <translation>Priloženo: %1</translation>
    </message>
</context>
<context>
    <name>Pult::Dashboard</name>
    <message>
        <location filename="../ui/dashboard.cpp" line="+105"/>
        <source>Dashboard</source>
        <translation>Nadzorna ploča</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today</source>
        <translation>Danas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Zadnjih 7 dana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Zadnjih 30 dana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates…</source>
        <translation>Datumi…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All departments</source>
        <translation>Svi odjeli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All my departments</source>
        <translation>Svi moji odjeli</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export &amp;CSV…</source>
        <translation>Izvezi &amp;CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;PDF…</source>
        <translation>Izvezi &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>&amp;Ponovno učitaj</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period:</source>
        <translation>Razdoblje:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department:</source>
        <translation>Odjel:</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+247"/>
        <location line="+26"/>
        <source>Active now</source>
        <translation>Trenutačno aktivni</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+247"/>
        <location line="+103"/>
        <source>Created</source>
        <translation>Stvoreni</translation>
    </message>
    <message>
        <location line="-349"/>
        <location line="+247"/>
        <location line="+25"/>
        <location line="+78"/>
        <source>Solved</source>
        <translation>Riješeni</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Reopened</source>
        <translation>Ponovno otvoreni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response</source>
        <translation>Prvi odgovor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Rješenje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA met</source>
        <translation>Ispunjen SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+523"/>
        <source>Satisfaction</source>
        <translation>Zadovoljstvo</translation>
    </message>
    <message>
        <location line="-412"/>
        <source>Choose dates at most ten years apart.</source>
        <translation>Odaberite datume koji su najviše deset godina razmaknuti.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computing…</source>
        <translation>Izračunavanje…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The figures cannot be computed: %1</source>
        <translation>Brojke nije moguće izračunati: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computed at %1 from the local data</source>
        <translation>Izračunato u %1 iz lokalnih podataka</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 older than a week</source>
        <translation>%1 starijih od tjedan dana</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active tickets by status</source>
        <translation>Aktivni zahtjevi po statusu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Tickets</source>
        <translation>Zahtjevi</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Active tickets by age</source>
        <translation>Aktivni zahtjevi po starosti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 1 day</source>
        <translation>&lt; 1 dan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1–3 days</source>
        <translation>1–3 dana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3–7 days</source>
        <translation>3–7 dana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>7–30 days</source>
        <translation>7–30 dana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 30 days</source>
        <translation>&gt; 30 dana</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Departments</source>
        <translation>Odjeli</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(unknown agent)</source>
        <translation>(nepoznat agent)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 % of the solved</source>
        <translation>%1 % riješenih</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none in the period</source>
        <translation>nema ih u razdoblju</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>median; 90 % within %1</source>
        <translation>medijan; 90 % unutar %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>resolution; first response %1</source>
        <translation>rješenje; prvi odgovor %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>of 5, %Ln rating</source>
        <translation>
            <numerusform>od 5, %Ln ocjena</numerusform>
            <numerusform>od 5, %Ln ocjene</numerusform>
            <numerusform>od 5, %Ln ocjena</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>of 5, %Ln ratings</source>
        <translation>
            <numerusform>od 5, %Ln ocjena</numerusform>
            <numerusform>od 5, %Ln ocjene</numerusform>
            <numerusform>od 5, %Ln ocjena</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Created and solved per %Ln days</source>
        <translation>
            <numerusform>Stvoreni i riješeni po %Ln dan</numerusform>
            <numerusform>Stvoreni i riješeni po %Ln dana</numerusform>
            <numerusform>Stvoreni i riješeni po %Ln dana</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Created and solved per day</source>
        <translation>Stvoreni i riješeni po danu</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Agents</source>
        <translation>Agenti</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Goal %1 % within %2: %3</source>
        <translation>Cilj %1 % unutar %2: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goal at least %1</source>
        <translation>Cilj najmanje %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: the share within the time, and satisfaction</source>
        <translation>Ciljevi: udio unutar zadanog vremena i zadovoljstvo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals: the share within the time</source>
        <translation>Ciljevi: udio unutar zadanog vremena</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Goal: %1 %</source>
        <translation>Cilj: %1 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>First response within %1</source>
        <translation>Prvi odgovor unutar %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution within %1</source>
        <translation>Rješenje unutar %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rating</source>
        <translation>Ocjena</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Goal: at least %1</source>
        <translation>Cilj: barem %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1, %2: %3. Click to list the tickets.</source>
        <translation>%1, %2: %3. Kliknite za popis zahtjeva.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Export the figures as CSV</source>
        <translation>Izvezi brojke kao CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export the figures as PDF</source>
        <translation>Izvezi brojke kao PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV datoteke (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF datoteke (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1</source>
        <translation>Spremljeno: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 cannot be written: %2</source>
        <translation>Datoteku %1 nije moguće zapisati: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, %2 to %3</source>
        <translation>%1, od %2 do %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <source>%1 cannot be written</source>
        <translation>Datoteku %1 nije moguće zapisati</translation>
    </message>
</context>
<context>
    <name>Pult::DepartmentSettings</name>
    <message>
        <location filename="../ui/departmentsettings.cpp" line="+57"/>
        <source>Oldest first</source>
        <translation>Najstariji prvo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest priority, then oldest</source>
        <translation>Najviši prioritet, zatim najstariji</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer plan, then priority</source>
        <translation>Paket korisnika, zatim prioritet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest SLA deadline first</source>
        <translation>Najbliži SLA rok prvo</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;New department</source>
        <translation>&amp;Novi odjel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask the customer to rate the answer when a ticket is so&amp;lved</source>
        <translation>Kad je zahtjev rij&amp;ešen, zamoli korisnika da ocijeni odgovor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customers may write in with the &amp;web form</source>
        <translation>Korisnici mogu pisati putem &amp;web-obrasca</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Spremi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Ukloni…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Departments</source>
        <translation>Odjeli</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>support@example.com</source>
        <translation>podrska@example.com</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naziv:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresa:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address customers write to; replies are sent from it.</source>
        <translation>Adresa na koju pišu korisnici; odgovori se šalju s nje.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order:</source>
        <translation>&amp;Redoslijed reda čekanja:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Goals:</source>
        <translation>&amp;Ciljevi:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the dashboard measures the department against: a share of first responses and of resolutions within a time, and the average satisfaction. Each is optional.</source>
        <translation>S čime nadzorna ploča uspoređuje odjel: udio prvih odgovora i rješenja unutar zadanog vremena te prosječno zadovoljstvo. Svaki je cilj neobavezan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>General</source>
        <translation>Općenito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business hours</source>
        <translation>Radno vrijeme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Targets per priority, counted in business hours unless the policy ends with &quot;calendar&quot;. For example:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</source>
        <translation>Ciljevi po prioritetu, računaju se u radnom vremenu osim ako pravila završavaju s „calendar”. Na primjer:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLA policy</source>
        <translation>SLA pravila</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By hand</source>
        <translation>Ručno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In turn (round robin)</source>
        <translation>Redom (kružno)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the least loaded agent</source>
        <translation>Najmanje opterećenom agentu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>bez ograničenja</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New tickets are &amp;assigned:</source>
        <translation>Novi zahtjevi &amp;dodjeljuju se:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most open &amp;tickets per agent:</source>
        <translation>Najviše otvorenih &amp;zahtjeva po agentu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An agent holding this many open tickets is passed by when new ones are assigned in turn or to the least loaded.</source>
        <translation>Agent s toliko otvorenih zahtjeva preskače se kad se novi dodjeljuju redom ili najmanje opterećenom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Survey &amp;sent after:</source>
        <translation>Anketa se &amp;šalje nakon:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-&amp;reply:</source>
        <translation>Automatski &amp;odgovor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-reply &amp;outside hours:</source>
        <translation>Automatski odgovor &amp;izvan radnog vremena:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the customer when their mail opens a ticket; outside business hours the second is sent, or the first when it is empty. Empty: none.</source>
        <translation>Šalje se korisniku kad njegova e-pošta otvori zahtjev; izvan radnog vremena šalje se drugi ili, ako je prazan, prvi. Prazno: ništa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assignment and customers</source>
        <translation>Dodjela i korisnici</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Odaberi…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Language:</source>
        <translation>&amp;Jezik:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colo&amp;ur:</source>
        <translation>&amp;Boja:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sites that &amp;embed it:</source>
        <translation>Stranice koje ga u&amp;građuju:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The contact form and the status page of a ticket speak the customer&apos;s language when their browser names one of these, else this one, and wear this colour. Sites that may show the form in a frame: their origins, separated by spaces.</source>
        <translation>Obrazac za kontakt i stranica sa stanjem zahtjeva govore jezikom korisnika kad ga njegov preglednik navodi među ovima, inače ovim, i nose ovu boju. Stranice koje smiju prikazati obrazac u okviru: njihovi izvori, odvojeni razmacima.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer pages</source>
        <translation>Stranice za korisnike</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Header:</source>
        <translation>&amp;Zaglavlje:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Footer:</source>
        <translation>&amp;Podnožje:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put above and below every reply sent for the department. Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{department.hours}} are filled in for each ticket.</source>
        <translation>Dodaje se iznad i ispod svakog odgovora poslanog za odjel. Zamjenske oznake poput {{customer.first_name}}, {{ticket.number}} i {{department.hours}} popunjavaju se za svaki zahtjev.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview:</source>
        <translation>Pregled:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies</source>
        <translation>Odgovori</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mailboxes</source>
        <translation>Pretinci</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Only an admin changes this.</source>
        <translation>Ovo može promijeniti samo administrator.</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Reading these settings from the server…</source>
        <translation>Čitanje ovih postavki s poslužitelja…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These settings are kept on the server, which could not be read: %1</source>
        <translation>Ove su postavke spremljene na poslužitelju, koji nije bilo moguće pročitati: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name: a department needs a name.</source>
        <translation>Naziv: odjel mora imati naziv.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Adresa: „%1” nije adresa e-pošte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Business hours: %1</source>
        <translation>Radno vrijeme: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SLA policy: %1</source>
        <translation>SLA pravila: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Header</source>
        <translation>Zaglavlje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Podnožje</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-reply</source>
        <translation>Automatski odgovor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-reply outside hours</source>
        <translation>Automatski odgovor izvan radnog vremena</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Colour: &quot;%1&quot; is not a colour written #rrggbb.</source>
        <translation>Boja: „%1” nije boja zapisana kao #rrggbb.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sites that embed it: &quot;%1&quot; is not an origin such as https://www.example.com.</source>
        <translation>Stranice koje ga ugrađuju: „%1” nije izvor kao https://www.example.com.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: %1</source>
        <translation>Ciljevi: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(Your reply.)</source>
        <translation>(Vaš odgovor.)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The auto-reply to a new ticket:</source>
        <translation>Automatski odgovor na novi zahtjev:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved changes</source>
        <translation>Nespremljene promjene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your changes to %1?</source>
        <translation>Odbaciti promjene (%1)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the new department</source>
        <translation>novi odjel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mend the errors above first.</source>
        <translation>Najprije ispravite gornje pogreške.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove department</source>
        <translation>Ukloni odjel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the department %1? Its tickets, canned responses, shared views and mailboxes move to the department chosen here, and its rules too, switched off for its lead to look at. Its agents leave it. This cannot be undone.</source>
        <translation>Ukloniti odjel %1? Njegovi zahtjevi, gotovi odgovori, zajednički prikazi i pretinci premještaju se u ovdje odabrani odjel, a tako i njegova pravila, ali isključena, da ih voditelj pregleda. Njegovi agenti ga napuštaju. Ovo se ne može poništiti.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Move them to:</source>
        <translation>&amp;Premjesti u:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Ukloni</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Removing…</source>
        <translation>Uklanjanje…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server refused the change: %1</source>
        <translation>Poslužitelj je odbio promjenu: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 removed; %n ticket moved to %2.</source>
        <translation>
            <numerusform>Odjel %1 je uklonjen; %n zahtjev premješten je u odjel %2.</numerusform>
            <numerusform>Odjel %1 je uklonjen; %n zahtjeva premještena su u odjel %2.</numerusform>
            <numerusform>Odjel %1 je uklonjen; %n zahtjeva premješteno je u odjel %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 removed; %n tickets moved to %2.</source>
        <translation>
            <numerusform>Odjel %1 je uklonjen; %n zahtjev premješten je u odjel %2.</numerusform>
            <numerusform>Odjel %1 je uklonjen; %n zahtjeva premještena su u odjel %2.</numerusform>
            <numerusform>Odjel %1 je uklonjen; %n zahtjeva premješteno je u odjel %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pult::FilterBar</name>
    <message>
        <location filename="../ui/filterbar.cpp" line="+125"/>
        <source>Filter, e.g. status:open assignee:me priority&gt;=high</source>
        <translation>Filtar, npr. status:open assignee:me priority&gt;=high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>Filtar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a filter such as status:open assignee:me; Enter applies it, Tab accepts a suggestion</source>
        <translation>Upišite filtar poput status:open assignee:me; Enter ga primjenjuje, Tab prihvaća prijedlog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the inbox: fields such as status:, assignee:, priority&gt;=, tag: and plain words. Ctrl+Space shows suggestions.</source>
        <translation>Filtrirajte pristigle zahtjeve: polja poput status:, assignee:, priority&gt;=, tag: i obične riječi. Ctrl+Space prikazuje prijedloge.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as view…</source>
        <translation>Spremi kao prikaz…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this filter as a view in the sidebar</source>
        <translation>Zadrži ovaj filtar kao prikaz na bočnoj traci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save filter as view</source>
        <translation>Spremi filtar kao prikaz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>Očisti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the filter</source>
        <translation>Očisti filtar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filter</source>
        <translation>Očisti filtar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter error</source>
        <translation>Pogreška u filtru</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter suggestions</source>
        <translation>Prijedlozi za filtar</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>%1 (inserts %2)</source>
        <comment>completion label, inserted text</comment>
        <translation>%1 (umeće %2)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>column %1: %2</source>
        <comment>filter error: column, message</comment>
        <translation>stupac %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — did you mean &quot;%2&quot;?</source>
        <comment>filter error, suggestion</comment>
        <translation>%1 — jeste li mislili „%2“?</translation>
    </message>
</context>
<context>
    <name>Pult::MailboxEditor</name>
    <message>
        <location filename="../ui/mailboxeditor.cpp" line="+29"/>
        <source>not a %1 address</source>
        <translation>nije adresa %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give the user name before the host, as %1://USER@HOST</source>
        <translation>navedite korisničko ime ispred poslužitelja, kao %1://KORISNIK@POSLUŽITELJ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>put the password in its own field, not in the address</source>
        <translation>lozinku upišite u njezino polje, ne u adresu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use S&amp;TARTTLS on imap:// and smtp:// addresses</source>
        <translation>Koristi S&amp;TARTTLS za adrese imap:// i smtp://</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New mai&amp;lbox</source>
        <translation>Novi p&amp;retinac</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save mail&amp;box</source>
        <translation>Spremi pret&amp;inac</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove mailbo&amp;x</source>
        <translation>Ukloni pretina&amp;c</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address</source>
        <translation>Adresa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Mark it as read</source>
        <translation>Označi je kao pročitanu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete it</source>
        <translation>Izbriši je</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move it to the folder</source>
        <translation>Premjesti je u mapu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incoming mail (IMAP):</source>
        <translation>&amp;Dolazna pošta (IMAP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP pass&amp;word:</source>
        <translation>IMAP &amp;lozinka:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outgoing mail (SMTP):</source>
        <translation>&amp;Odlazna pošta (SMTP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP passwor&amp;d:</source>
        <translation>SMTP lo&amp;zinka:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After &amp;fetching a mail:</source>
        <translation>Nakon &amp;preuzimanja pošte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Charset of 8-bit mail:</source>
        <translation>&amp;Kodna stranica 8-bitne pošte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pultd fetches new mail from the IMAP folder as it arrives, makes tickets of it, and sends the department&apos;s replies through SMTP. The server keeps the passwords sealed and never shows them: leave them empty to keep them. The charset is for mail from old programs that do not say theirs: windows-1250 for Slovenian, Croatian and Polish, windows-1257 for Lithuanian.</source>
        <translation>pultd preuzima novu poštu iz mape IMAP kako stiže, od nje stvara zahtjeve i šalje odgovore odjela putem SMTP-a. Poslužitelj lozinke čuva zapečaćene i nikad ih ne prikazuje: ostavite ih prazne da ostanu iste. Kodna stranica je za poštu starih programa koji svoju ne navode: windows-1250 za slovenski, hrvatski i poljski, windows-1257 za litavski.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Not fetched by this server yet</source>
        <translation>Ovaj je poslužitelj još ne preuzima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failing: %1</source>
        <translation>Ne uspijeva: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Povezivanje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected, waiting for mail</source>
        <translation>Povezan, čeka poštu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Povezan</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The mailboxes could not be read from the server: %1</source>
        <translation>Pretince nije bilo moguće pročitati s poslužitelja: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>required</source>
        <translation>obavezno</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unchanged</source>
        <translation>nepromijenjeno</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Adresa: „%1” nije adresa e-pošte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incoming mail: %1.</source>
        <translation>Dolazna pošta: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outgoing mail: %1.</source>
        <translation>Odlazna pošta: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After fetching: name the folder to move mail to.</source>
        <translation>Nakon preuzimanja: navedite mapu u koju se pošta premješta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Charset: name one, such as windows-1250.</source>
        <translation>Kodna stranica: navedite jednu, npr. windows-1250.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new mailbox needs its IMAP and SMTP passwords.</source>
        <translation>Novi pretinac treba lozinke za IMAP i SMTP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give both passwords to change them, or neither to keep them.</source>
        <translation>Upišite obje lozinke da ih promijenite, ili nijednu da ostanu iste.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Mend the errors above first.</source>
        <translation>Najprije ispravite gornje pogreške.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mailbox %1 added.</source>
        <translation>Pretinac %1 je dodan.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mailbox %1 saved.</source>
        <translation>Pretinac %1 je spremljen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mailbox %1 removed.</source>
        <translation>Pretinac %1 je uklonjen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Spremanje…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server refused the change: %1</source>
        <translation>Poslužitelj je odbio promjenu: %1</translation>
    </message>
</context>
<context>
    <name>Pult::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+173"/>
        <source>The change was not made: %1</source>
        <translation>Promjena nije provedena: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number of tickets</source>
        <translation>Broj zahtjeva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data: %1</source>
        <translation>Podaci: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data directory</source>
        <translation>Mapa s podacima</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Views</source>
        <translation>Prikazi</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search tickets</source>
        <translation>Pretraži zahtjeve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search subjects, messages, contacts (Ctrl+F)</source>
        <translation>Pretraži predmete, poruke, kontakte (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tickets</source>
        <translation>Zahtjevi</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Loading…</source>
        <translation>Učitavanje…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Sent; it goes to the server with the next sync.</source>
        <translation>Poslano; na poslužitelj odlazi pri sljedećoj sinkronizaciji.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dismiss</source>
        <translation>Zatvori</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+7"/>
        <location line="+353"/>
        <source>No tickets yet</source>
        <translation>Još nema zahtjeva</translation>
    </message>
    <message>
        <location line="-359"/>
        <source>Pult keeps a local copy of your help desk in %1, and it is empty. Sign in to your team&apos;s Pult server to fill it, or try Pult on its own with a realistic demo help desk:</source>
        <translation>Pult čuva lokalnu kopiju vaše službe za podršku u %1 i ona je prazna. Prijavite se na Pult poslužitelj svojeg tima da biste je popunili ili isprobajte Pult samostalno s realističnom oglednom službom za podršku:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Then press Reload (F5).</source>
        <translation>Zatim pritisnite „Ponovno učitaj“ (F5).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in…</source>
        <translation>Prijava…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload</source>
        <translation>Ponovno učitaj</translation>
    </message>
    <message>
        <location line="+191"/>
        <location line="+22"/>
        <source>Save as a view</source>
        <translation>Spremi kao prikaz</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Name of the view:</source>
        <translation>Naziv prikaza:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only me</source>
        <translation>Samo ja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agents of %1</source>
        <translation>Agenti odjela %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everyone</source>
        <translation>Svi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who sees the view:</source>
        <translation>Tko vidi prikaz:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The view was not saved: %1</source>
        <translation>Prikaz nije spremljen: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Search: “%1”</source>
        <translation>Pretraživanje: „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>No matching tickets</source>
        <translation>Nema odgovarajućih zahtjeva</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The %L1 best matches</source>
        <translation>Najboljih rezultata: %L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>1 matching ticket</source>
        <translation>1 odgovarajući zahtjev</translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <location line="+10"/>
        <source>%Ln matching tickets</source>
        <translation>
            <numerusform>%Ln odgovarajući zahtjev</numerusform>
            <numerusform>%Ln odgovarajuća zahtjeva</numerusform>
            <numerusform>%Ln odgovarajućih zahtjeva</numerusform>
        </translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Filter: %1</source>
        <translation>Filtar: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%L1 or more matching tickets</source>
        <translation>%L1 ili više odgovarajućih zahtjeva</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Could not read the local store: %1</source>
        <translation>Nije moguće pročitati lokalnu pohranu: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Datoteka</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+299"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Prijava…</translation>
    </message>
    <message>
        <location line="-297"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Odjava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Sinkroniziraj sada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open another &amp;profile…</source>
        <translation>Otvori drugi p&amp;rofil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your si&amp;gnature…</source>
        <translation>&amp;Vaš potpis…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature</source>
        <translation>Potpis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added under every reply; placeholders such as {{agent.name}} work (docs/templates.md):</source>
        <translation>Dodaje se ispod svakog odgovora; mogu se koristiti rezervirana mjesta poput {{agent.name}} (docs/templates.md):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Do not disturb</source>
        <translation>Ne &amp;uznemiravaj</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Away: no new tickets for me</source>
        <translation>&amp;Odsutan: bez novih zahtjeva za mene</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Izlaz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ticket</source>
        <translation>&amp;Zahtjev</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reply</source>
        <translation>&amp;Odgovori</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Internal &amp;note</source>
        <translation>Interna &amp;bilješka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert &amp;canned response…</source>
        <translation>Umetni &amp;gotov odgovor…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Take</source>
        <translation>&amp;Preuzmi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assign to…</source>
        <translation>&amp;Dodijeli…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;xt ticket</source>
        <translation>Sljedeći za&amp;htjev</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No ticket is waiting in your queues.</source>
        <translation>Nijedan zahtjev ne čeka u vašim redovima čekanja.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Status</source>
        <translation>&amp;Stanje</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+85"/>
        <source>&amp;Priority</source>
        <translation>Pr&amp;ioritet</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>&amp;Department</source>
        <translation>Odje&amp;l</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cate&amp;gory…</source>
        <translation>&amp;Kategorija…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ta&amp;gs…</source>
        <translation>Ozn&amp;ake…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Escalate to the next tier</source>
        <translation>&amp;Eskaliraj na sljedeću razinu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;ue date…</source>
        <translation>&amp;Rok…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;minder…</source>
        <translation>Podsje&amp;tnik…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Merge into…</source>
        <translation>Spo&amp;ji u…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Link with…</source>
        <translation>Po&amp;veži s…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as s&amp;pam</source>
        <translation>Označi kao neželjen&amp;u poštu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New status lin&amp;k for the customer</source>
        <translation>&amp;Nova poveznica na stanje za korisnika</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s old status link no longer works; the next mail to them carries the new one.</source>
        <translation>Stara poveznica na stanje više ne radi; sljedeća poruka korisniku sadrži novu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gives the customer&apos;s status page a new address, for when the old one reached someone it should not have.</source>
        <translation>Daje stranici stanja korisnika novu adresu, za slučaj da je stara dospjela do nekoga kome nije namijenjena.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xport the requester&apos;s personal data…</source>
        <translation>I&amp;zvezi osobne podatke korisnika…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves everything Pult holds about the customer (their tickets, messages and files) as a zip file, for a request under the GDPR.</source>
        <translation>Sprema sve što Pult čuva o korisniku (zahtjeve, poruke i datoteke) kao zip datoteku, za zahtjev na temelju GDPR-a.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Erase the requester&apos;s personal data…</source>
        <translation>Izbri&amp;ši osobne podatke korisnika…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removes the customer&apos;s name and addresses, and the text and files of their messages, on all of their tickets.</source>
        <translation>Uklanja ime i adrese korisnika te tekst i datoteke njegovih poruka u svim njegovim zahtjevima.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting and re&amp;fused changes…</source>
        <translation>Neposlane i odbijene pro&amp;mjene…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Prikaz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>&amp;Traži</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Order</source>
        <translation>&amp;Redoslijed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last &amp;update</source>
        <translation>Zadnje &amp;ažuriranje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Creation</source>
        <translation>&amp;Datum stvaranja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;SLA deadline</source>
        <translation>&amp;SLA rok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order</source>
        <translation>&amp;Red čekanja</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filtar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the saved &amp;view</source>
        <translation>&amp;Ukloni spremljeni prikaz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shared view is removed by a lead of its department or an admin.</source>
        <translation>Dijeljeni prikaz može ukloniti voditelj tima njegova odjela ili administrator.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Reload</source>
        <translation>&amp;Ponovno učitaj</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Nadzorna ploča</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your departments&apos; backlog, response and resolution times, SLA attainment and satisfaction, as charts.</source>
        <translation>Zaostaci vaših odjela, vremena odgovora i rješavanja, ispunjenje SLA-a i zadovoljstvo u grafikonima.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;ettings</source>
        <translation>Pos&amp;tavke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Departments…</source>
        <translation>&amp;Odjeli…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business hours, SLA policy, queue order, reply header and footer, and goals of your departments.</source>
        <translation>Radno vrijeme, SLA pravila, redoslijed reda čekanja, zaglavlje i podnožje odgovora te ciljevi vaših odjela.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Agents…</source>
        <translation>&amp;Agenti…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who works in the help desk: add agents, their roles and departments, deactivate them, and the tickets they left.</source>
        <translation>Tko radi u službi podrške: dodavanje agenata, njihove uloge i odjeli, deaktivacija i zahtjevi koje su ostavili.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Canned responses…</source>
        <translation>&amp;Gotovi odgovori…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your canned responses, and your departments&apos; or everyone&apos;s where you may write them.</source>
        <translation>Vaši gotovi odgovori te odgovori vaših odjela ili svih, gdje ih smijete pisati.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared &amp;views…</source>
        <translation>Zajednički &amp;prikazi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The views you share with your departments&apos; agents (admins: with everyone).</source>
        <translation>Prikazi koje dijelite s agentima svojih odjela (administratori: sa svima).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rules…</source>
        <translation>P&amp;ravila…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automation rules of your departments: when something happens to a ticket that matches a filter, what Pult does.</source>
        <translation>Pravila automatizacije vaših odjela: što Pult čini kad se nešto dogodi zahtjevu koji odgovara filtru.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Command palette…</source>
        <translation>Paleta &amp;naredbi…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Language</source>
        <translation>&amp;Jezik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>Jezik sustava</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The window speaks %1 from its next start.</source>
        <translation>Od sljedećeg pokretanja prozor će biti na jeziku: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Sign in again…</source>
        <translation>&amp;Ponovna prijava…</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Could not tell the server: %1</source>
        <translation>Nije moguće obavijestiti poslužitelj: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Away: no new tickets are assigned to you.</source>
        <translation>Odsutni ste: novi zahtjevi vam se ne dodjeljuju.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back: new tickets can be assigned to you.</source>
        <translation>Natrag: novi zahtjevi vam se mogu dodjeljivati.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open one ticket with a requester to export their data.</source>
        <translation>Otvorite jedan zahtjev korisnika čije podatke želite izvesti.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>personal data of %1.zip</source>
        <translation>osobni podaci korisnika %1.zip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export personal data</source>
        <translation>Izvoz osobnih podataka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip arhive (*.zip)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting %1&apos;s data…</source>
        <translation>Izvoz podataka korisnika %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not export %1&apos;s data: %2</source>
        <translation>Nije moguće izvesti podatke korisnika %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1&apos;s data to %2</source>
        <translation>Podaci korisnika %1 spremljeni su u %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open one ticket with a requester to erase their data.</source>
        <translation>Otvorite jedan zahtjev korisnika čije podatke želite izbrisati.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase personal data</source>
        <translation>Brisanje osobnih podataka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase everything Pult holds about %1 (%2)?</source>
        <translation>Izbrisati sve što Pult čuva o korisniku %1 (%2)?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their name and addresses, and the text and files of their messages on all of their tickets, are removed for good, here and on the server. The tickets stay. This cannot be undone.</source>
        <translation>Ime i adrese korisnika te tekst i datoteke njegovih poruka u svim njegovim zahtjevima trajno se uklanjaju, ovdje i na poslužitelju. Zahtjevi ostaju. Ovo se ne može poništiti.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase</source>
        <translation>Izbriši</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1&apos;s personal data is being erased; every window shows it with its next sync.</source>
        <translation>Osobni podaci korisnika %1 brišu se; svaki prozor to prikazuje nakon sljedeće sinkronizacije.</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+328"/>
        <source>There is no ticket #%1 here.</source>
        <translation>Ovdje nema zahtjeva #%1.</translation>
    </message>
    <message>
        <location line="-314"/>
        <source>Open the ticket</source>
        <translation>Otvori zahtjev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All refused changes</source>
        <translation>Sve odbijene promjene</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused your change: %1</source>
        <translation>Poslužitelj je odbio vašu promjenu: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a ticket</source>
        <translation>zahtjev</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused your change to %1 and it was undone: %2</source>
        <translation>Poslužitelj je odbio vašu promjenu za %1 i ona je poništena: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change refused</source>
        <translation>Promjena odbijena</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n updates on your tickets</source>
        <translation>
            <numerusform>%n promjena u vašim zahtjevima</numerusform>
            <numerusform>%n promjene u vašim zahtjevima</numerusform>
            <numerusform>%n promjena u vašim zahtjevima</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sync state</source>
        <translation>Stanje sinkronizacije</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Uploaded %1</source>
        <translation>Preneseno: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploading %1: %2 of %3</source>
        <translation>Prijenos %1: %2 od %3</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Signed out. Your local data and waiting changes stay.</source>
        <translation>Odjavljeni ste. Lokalni podaci i neposlane promjene ostaju.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not sign out: %1</source>
        <translation>Odjava nije uspjela: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open %1</source>
        <translation>Otvori %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>Spremi kao…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save attachment</source>
        <translation>Spremi privitak</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fetching %1…</source>
        <translation>Preuzimanje %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fetching %1: %2 of %3</source>
        <translation>Preuzimanje %1: %2 od %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not write %1</source>
        <translation>Nije moguće zapisati %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not fetch the attachment: %1</source>
        <translation>Nije moguće preuzeti privitak: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>Spremljeno: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nobody (unassign)</source>
        <translation>Nitko (ukloni dodjelu)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assign</source>
        <translation>Dodijeli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assign to:</source>
        <translation>Dodijeli agentu:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Bez kategorije</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category (choose one or type a new one):</source>
        <translation>Kategorija (odaberite postojeću ili upišite novu):</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tags</source>
        <translation>Oznake</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags to add, or to remove with a leading minus (vip -spam):</source>
        <translation>Oznake za dodavanje ili, s minusom ispred, za uklanjanje (vip -spam):</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merge</source>
        <translation>Spoji</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Poveži</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge this ticket into ticket number:</source>
        <translation>Spoji ovaj zahtjev u zahtjev broj:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link with ticket number:</source>
        <translation>Poveži sa zahtjevom broj:</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Reminder</source>
        <translation>Podsjetnik</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Due date</source>
        <translation>Rok</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Očisti</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open a profile (a Pult data directory)</source>
        <translation>Otvori profil (mapu s podacima Pulta)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not start another window.</source>
        <translation>Nije moguće pokrenuti drugi prozor.</translation>
    </message>
</context>
<context>
    <name>Pult::NoticeMenu</name>
    <message>
        <location filename="../ui/noticemenu.cpp" line="+10"/>
        <location line="+41"/>
        <source>&amp;Notices</source>
        <translation>&amp;Obavijesti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Notices (%1)</source>
        <translation>&amp;Obavijesti (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No notices: automation rules that notify you put them here</source>
        <translation>Nema obavijesti: ovdje ih stavljaju pravila automatizacije koja vas obavještavaju</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a ticket</source>
        <translation>zahtjev</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · rule “%2” · %3</source>
        <translation>%1 · pravilo „%2“ · %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Mark all as read</source>
        <translation>&amp;Označi sve kao pročitano</translation>
    </message>
</context>
<context>
    <name>Pult::RuleSettings</name>
    <message>
        <location filename="../ui/rulesettings.cpp" line="+34"/>
        <source>%1, column %2: %3</source>
        <translation>%1, stupac %2: %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Enabled</source>
        <translation>&amp;Uključeno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top: no later rule runs for the same event</source>
        <translation>&amp;Zaustavi: za isti događaj ne izvodi se nijedno kasnije pravilo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Spremi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Ukloni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules</source>
        <translation>Pravila</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Naziv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Odjel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Kada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+77"/>
        <source>Every department</source>
        <translation>Svi odjeli</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Rules run in ascending position, then by name.</source>
        <translation>Pravila se izvode uzlaznim redoslijedom položaja, zatim po nazivu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When a ticket is created, the customer or an agent writes, a field changes or a time passes; if it matches the filter (empty: every ticket); then set fields, add or remove tags, add a note, reply with a canned response or notify someone. The words are those of pultctl rule (docs/automation.md).</source>
        <translation>Kad se zahtjev stvori, kad piše korisnik ili agent, kad se polje promijeni ili prođe vrijeme; ako odgovara filtru (prazno: svaki zahtjev); tada postavlja polja, dodaje ili uklanja oznake, dodaje bilješku, odgovara gotovim odgovorom ili nekoga obavještava. Riječi su iste kao u pultctl rule (docs/automation.md).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naziv:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>&amp;Odjel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When:</source>
        <translation>K&amp;ada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;If:</source>
        <translation>A&amp;ko:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;hen:</source>
        <translation>&amp;Tada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Position:</source>
        <translation>&amp;Položaj:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New rule</source>
        <translation>&amp;Novo pravilo</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The rules come from the server: %1</source>
        <translation>Pravila dolaze s poslužitelja: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>another department</source>
        <translation>drugi odjel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>Uključeno</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Isključeno</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>A rule needs a name.</source>
        <translation>Pravilo mora imati naziv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the trigger</source>
        <translation>okidač</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the condition, %1</source>
        <translation>uvjet, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the actions</source>
        <translation>radnje</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rule &quot;%1&quot; added.</source>
        <translation>Pravilo „%1” je dodano.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule &quot;%1&quot; saved.</source>
        <translation>Pravilo „%1” je spremljeno.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rule &quot;%1&quot; removed.</source>
        <translation>Pravilo „%1” je uklonjeno.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Spremanje…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server refused the change: %1</source>
        <translation>Poslužitelj je odbio promjenu: %1</translation>
    </message>
</context>
<context>
    <name>Pult::SettingVerdict</name>
    <message>
        <location filename="../ui/settingverdict.cpp" line="+27"/>
        <source>Offline: the change waits and goes to the server when it is back.</source>
        <translation>Izvan mreže: promjena čeka i šalje se poslužitelju kad opet bude dostupan.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving…</source>
        <translation>Spremanje…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The change waits until you sign in.</source>
        <translation>Promjena čeka dok se ne prijavite.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server refused the change: %1</source>
        <translation>Poslužitelj je odbio promjenu: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved.</source>
        <translation>Spremljeno.</translation>
    </message>
</context>
<context>
    <name>Pult::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+18"/>
        <source>Sign in to Pult</source>
        <translation>Prijava u Pult</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server</source>
        <translation>Poslužitelj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://help.example.com</source>
        <translation>https://help.example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail</source>
        <translation>E-pošta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Lozinka</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in</source>
        <translation>Prijavi se</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Server:</source>
        <translation>&amp;Poslužitelj:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-pošta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Lozinka:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Signing in…</source>
        <translation>Prijavljivanje…</translation>
    </message>
</context>
<context>
    <name>Pult::TicketActions</name>
    <message>
        <location filename="../ui/ticketactions.cpp" line="+26"/>
        <source>Nobody is signed in on this profile.</source>
        <translation>Na ovom profilu nitko nije prijavljen.</translation>
    </message>
</context>
<context>
    <name>Pult::TicketItemDelegate</name>
    <message numerus="yes">
        <location filename="../ui/ticketitemdelegate.cpp" line="+277"/>
        <source>%n min</source>
        <comment>SLA time left</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n h</source>
        <comment>SLA time left</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n d</source>
        <comment>SLA time left</comment>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>overdue %1</source>
        <comment>SLA deadline passed by a time</comment>
        <translation>kasni %1</translation>
    </message>
</context>
<context>
    <name>Pult::TicketListModel</name>
    <message>
        <location filename="../ui/ticketlistmodel.cpp" line="+291"/>
        <source>%1 — %2</source>
        <comment>subject — search snippet</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unassigned</source>
        <translation>Nedodijeljen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Your changes to this ticket wait to be sent to the server.</source>
        <translation>Vaše promjene ovog zahtjeva čekaju slanje na poslužitelj.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server gives this ticket its number when it syncs.</source>
        <translation>Poslužitelj dodjeljuje broj ovom zahtjevu pri sinkronizaciji.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1
Channel: %2</source>
        <comment>subject, channel</comment>
        <translation>%1
Kanal: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 &lt;%2&gt;</source>
        <comment>name &lt;email&gt;</comment>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>#</source>
        <comment>ticket number column</comment>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Predmet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requester</source>
        <translation>Korisnik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignee</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>Odjel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Ažurirano</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket number</source>
        <translation>Broj zahtjeva</translation>
    </message>
</context>
<context>
    <name>Pult::TicketPane</name>
    <message>
        <location filename="../ui/ticketpane.cpp" line="+32"/>
        <source>Ticket conversation</source>
        <translation>Razgovor o zahtjevu</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a ticket to read it.
j and k move through the list.</source>
        <translation>Odaberite zahtjev da biste ga pročitali.
Tipkama j i k krećete se kroz popis.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This ticket could not be read from the local store:
%1</source>
        <translation>Ovaj zahtjev nije moguće pročitati iz lokalne pohrane:
%1</translation>
    </message>
</context>
<context>
    <name>Pult::ViewListModel</name>
    <message>
        <location filename="../ui/viewlistmodel.cpp" line="+52"/>
        <source>Views</source>
        <translation>Prikazi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My tickets</source>
        <translation>Moji zahtjevi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work assigned to you: new, open, pending and on-hold tickets</source>
        <translation>Aktivni zahtjevi dodijeljeni vama: novi, otvoreni, čekaju korisnika i na čekanju</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unassigned</source>
        <translation>Nedodijeljeni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work nobody has taken yet</source>
        <translation>Aktivni zahtjevi koje još nitko nije preuzeo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My departments</source>
        <translation>Moji odjeli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work in the departments you belong to</source>
        <translation>Aktivni zahtjevi u odjelima kojima pripadate</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pending</source>
        <translation>Čekaju korisnika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the customer&apos;s answer</source>
        <translation>Čekaju odgovor korisnika</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Breaching soon</source>
        <translation>Rok uskoro istječe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your tickets whose SLA deadline is due within two hours, the most urgent first</source>
        <translation>Vaši zahtjevi čiji SLA rok istječe u sljedeća dva sata, najhitniji prvi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solved</source>
        <translation>Riješeni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solved and closed tickets</source>
        <translation>Riješeni i zatvoreni zahtjevi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All I can see</source>
        <translation>Sve što vidim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every ticket in your cache, whatever its status</source>
        <translation>Svi zahtjevi u vašoj lokalnoj pohrani, bez obzira na stanje</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Departments</source>
        <translation>Odjeli</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open work in %1: new, open, pending and on-hold tickets</source>
        <translation>Aktivni zahtjevi u odjelu %1: novi, otvoreni, čekaju korisnika i na čekanju</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shared views</source>
        <translation>Dijeljeni prikazi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everyone</source>
        <translation>svi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shared with %1: %2</source>
        <translation>Dijeljeno (%1): %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+260"/>
        <source>Saved filters</source>
        <translation>Spremljeni filtri</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The saved filters could not be read: %1</source>
        <translation>Spremljene filtre nije moguće pročitati: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A saved filter needs a name.</source>
        <translation>Spremljeni filtar mora imati naziv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An empty filter cannot be saved.</source>
        <translation>Prazan filtar ne može se spremiti.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>There is no saved filter &quot;%1&quot;.</source>
        <translation>Ne postoji spremljeni filtar „%1“.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1
%2</source>
        <comment>saved filter text, why it cannot be counted</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2</source>
        <comment>view name, ticket count</comment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Pult::ViewSettings</name>
    <message>
        <location filename="../ui/viewsettings.cpp" line="+35"/>
        <source>&amp;Save</source>
        <translation>&amp;Spremi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Ukloni</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared views</source>
        <translation>Zajednički prikazi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Naziv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shown to</source>
        <translation>Prikazan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter</source>
        <translation>Filtar</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+49"/>
        <source>The agents of %1</source>
        <translation>Agenti odjela %1</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+44"/>
        <source>Everyone</source>
        <translation>Svi</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naziv:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown &amp;to:</source>
        <translation>&amp;Prikazan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New view</source>
        <translation>&amp;Novi prikaz</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>another department</source>
        <translation>drugi odjel</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A view needs a name.</source>
        <translation>Prikaz mora imati naziv.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A view needs a filter.</source>
        <translation>Prikaz mora imati filtar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: %1</source>
        <translation>Filtar: %1</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <location filename="../ui/storeopener.cpp" line="+22"/>
        <source>Pult cannot open its local data in %1.</source>
        <translation>Pult ne može otvoriti svoje lokalne podatke u %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The local copy of your help desk data is damaged.</source>
        <translation>Lokalna kopija podataka vaše službe za podršku je oštećena.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server keeps everything that was synced. Repair moves the damaged file aside (it is not deleted), starts a fresh local copy that keeps your changes not yet sent, and fetches the rest from the server again.</source>
        <translation>Poslužitelj čuva sve što je sinkronizirano. Popravak premješta oštećenu datoteku na stranu (ne briše je), započinje novu lokalnu kopiju koja zadržava vaše još neposlane promjene i ponovno preuzima ostalo s poslužitelja.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repair</source>
        <translation>Popravi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Izlaz</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local data could not be repaired.</source>
        <translation>Lokalne podatke nije moguće popraviti.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <location filename="../core/sync/syncengine.cpp" line="+22"/>
        <source>Signed out</source>
        <translation>Odjavljeno</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline — 1 change waiting</source>
        <translation>Izvan mreže — 1 promjena čeka</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Offline — %n changes waiting</source>
        <translation>
            <numerusform>Izvan mreže — %n promjena čeka</numerusform>
            <numerusform>Izvan mreže — %n promjene čekaju</numerusform>
            <numerusform>Izvan mreže — %n promjena čeka</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Izvan mreže</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing %1 %</source>
        <translation>Sinkronizacija %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing</source>
        <translation>Sinkronizacija</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synced — 1 change waiting</source>
        <translation>Sinkronizirano — 1 promjena čeka</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synced — %n changes waiting</source>
        <translation>
            <numerusform>Sinkronizirano — %n promjena čeka</numerusform>
            <numerusform>Sinkronizirano — %n promjene čekaju</numerusform>
            <numerusform>Sinkronizirano — %n promjena čeka</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced</source>
        <translation>Sinkronizirano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>Pogreška: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/pult/main.cpp" line="+45"/>
        <source>Help desk agent workstation</source>
        <translation>Radno mjesto agenta službe za podršku</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local data directory (default: $PULT_HOME, else the platform&apos;s application data location).</source>
        <translation>Mapa s lokalnim podacima (zadano: $PULT_HOME, inače mjesto za podatke aplikacija na ovoj platformi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DIR</source>
        <translation>MAPA</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no data directory: pass --home DIR or set PULT_HOME</source>
        <translation>nema mape s podacima: navedite --home MAPA ili postavite PULT_HOME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open the local data in %1: %2</source>
        <translation>nije moguće otvoriti lokalne podatke u %1: %2</translation>
    </message>
</context>
</TS>
