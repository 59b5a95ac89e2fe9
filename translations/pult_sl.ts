<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sl_SI">
<context>
    <name>ConversationRenderer</name>
    <message>
        <location filename="../ui/conversationrenderer.cpp" line="+223"/>
        <source>less than 1 min</source>
        <translation>manj kot 1 min</translation>
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
        <translation>Ta zahtevek še nima sporočil.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier message</source>
        <translation>
            <numerusform>Prikaži %n prejšnje sporočilo</numerusform>
            <numerusform>Prikaži %n prejšnji sporočili</numerusform>
            <numerusform>Prikaži %n prejšnja sporočila</numerusform>
            <numerusform>Prikaži %n prejšnjih sporočil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier messages</source>
        <translation>
            <numerusform>Prikaži %n prejšnje sporočilo</numerusform>
            <numerusform>Prikaži %n prejšnji sporočili</numerusform>
            <numerusform>Prikaži %n prejšnja sporočila</numerusform>
            <numerusform>Prikaži %n prejšnjih sporočil</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+95"/>
        <source>(no subject)</source>
        <translation>(brez zadeve)</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>%1 priority</source>
        <translation>%1 prioriteta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spam</source>
        <translation>Neželeno</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Requester: </source>
        <translation>Stranka: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>neznana</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assignee: </source>
        <translation>Dodeljeni agent: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unassigned</source>
        <translation>nihče</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown agent</source>
        <translation>neznan agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created %1</source>
        <translation>Ustvarjeno %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ticket %1</source>
        <translation>zahtevek %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the local store yet</source>
        <translation>Še ni v lokalni shrambi</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>solved %1 late</source>
        <translation>rešeno %1 prepozno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered %1 late</source>
        <translation>odgovorjeno %1 prepozno</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>met · solved %1</source>
        <translation>izpolnjeno · rešeno %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met · answered %1</source>
        <translation>izpolnjeno · odgovorjeno %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stopped · the ticket is %1</source>
        <translation>ustavljeno · stanje zahtevka: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>due %1</source>
        <translation>rok %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue by %1</source>
        <translation>zamuda %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 left · paused while %2</source>
        <translation>še %1 · ustavljeno (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 left</source>
        <translation>še %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ticket</source>
        <translation>Zahtevek</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First response</source>
        <translation>Prvi odziv</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolution</source>
        <translation>Rešitev</translation>
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
        <translation>čez %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1 overdue</source>
        <translation>zamuda %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reminder</source>
        <translation>Opomnik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ago</source>
        <translation>pred %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tier</source>
        <translation>Raven</translation>
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
        <translation>Združen v</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked</source>
        <translation>Povezan z</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requester</source>
        <translation>Stranka</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not in the local store</source>
        <translation>Ni v lokalni shrambi</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>bouncing since %1</source>
        <translation>nedostavljivo od %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bouncing since %1: %2</source>
        <comment>since when, the mail server&apos;s answer</comment>
        <translation>nedostavljivo od %1: %2</translation>
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
        <translation>Časovni pas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No other tickets</source>
        <translation>Ni drugih zahtevkov</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other tickets</source>
        <translation>Drugi zahtevki</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rule “%1”</source>
        <translation>Pravilo »%1«</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automation</source>
        <translation>Avtomatizacija</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An unknown agent</source>
        <translation>Neznan agent</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>an unknown agent</source>
        <translation>(neznan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown department</source>
        <translation>neznan oddelek</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>status</source>
        <translation>stanje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>priority</source>
        <translation>prioriteto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assignee</source>
        <translation>dodeljenega agenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>department</source>
        <translation>oddelek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tier</source>
        <translation>raven</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category</source>
        <translation>kategorijo</translation>
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
        <translation>opomnik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subject</source>
        <translation>zadevo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 created the ticket as %2</source>
        <translation>%1 je ustvaril(-a) zahtevek %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 created the ticket</source>
        <translation>%1 je ustvaril(-a) zahtevek</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 marked the ticket as spam</source>
        <translation>%1 je zahtevek označil(-a) kot neželen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 marked the ticket as not spam</source>
        <translation>%1 je preklical(-a) označitev zahtevka kot neželenega</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 merged the ticket into %2</source>
        <translation>%1 je zahtevek združil(-a) v %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 notified %2</source>
        <translation>%1 je obvestil(-a): %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rated the help %2 of 5</source>
        <translation>%1 je pomoč ocenil(-a): %2 od 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 removed the rating&apos;s comment</source>
        <translation>%1 je odstranil(-a) komentar k oceni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 commented on the rating</source>
        <translation>%1 je dodal(-a) komentar k oceni</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 assigned the ticket to %2</source>
        <translation>%1 je zahtevek dodelil(-a) agentu %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 unassigned the ticket from %2</source>
        <translation>%1 je agentu %2 odvzel(-a) zahtevek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 reassigned the ticket from %2 to %3</source>
        <translation>%1 je zahtevek prerazporedil(-a) od agenta %2 k agentu %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 set %2 to %3</source>
        <translation>%1 je nastavil(-a) %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cleared %2 (was %3)</source>
        <translation>%1 je počistil(-a) %2 (prej: %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed %2 from %3 to %4</source>
        <translation>%1 je spremenil(-a) %2: %3 → %4</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>History</source>
        <translation>Zgodovina</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change</source>
        <translation>
            <numerusform>%n sprememba</numerusform>
            <numerusform>%n spremembi</numerusform>
            <numerusform>%n spremembe</numerusform>
            <numerusform>%n sprememb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changes</source>
        <translation>
            <numerusform>%n sprememba</numerusform>
            <numerusform>%n spremembi</numerusform>
            <numerusform>%n spremembe</numerusform>
            <numerusform>%n sprememb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier change</source>
        <translation>
            <numerusform>Prikaži %n prejšnjo spremembo</numerusform>
            <numerusform>Prikaži %n prejšnji spremembi</numerusform>
            <numerusform>Prikaži %n prejšnje spremembe</numerusform>
            <numerusform>Prikaži %n prejšnjih sprememb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier changes</source>
        <translation>
            <numerusform>Prikaži %n prejšnjo spremembo</numerusform>
            <numerusform>Prikaži %n prejšnji spremembi</numerusform>
            <numerusform>Prikaži %n prejšnje spremembe</numerusform>
            <numerusform>Prikaži %n prejšnjih sprememb</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Customer</source>
        <translation>Stranka</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reply</source>
        <translation>Odgovor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Internal note · not visible to the customer</source>
        <translation>Interna opomba · stranka je ne vidi</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unknown</source>
        <translation>Neznan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plain text</source>
        <translation>Navadno besedilo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as plain text</source>
        <translation>Prikaži to sporočilo kot navadno besedilo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formatted</source>
        <translation>Oblikovano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as it was formatted</source>
        <translation>Prikaži to sporočilo z izvirnim oblikovanjem</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attachments: </source>
        <translation>Priponke: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(unnamed)</source>
        <translation>(brez imena)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open or save %1</source>
        <translation>Odpri ali shrani %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open or save %1 (%2)</source>
        <translation>Odpri ali shrani %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>… quoted text (%n line)</source>
        <translation>
            <numerusform>… citirano besedilo (%n vrstica)</numerusform>
            <numerusform>… citirano besedilo (%n vrstici)</numerusform>
            <numerusform>… citirano besedilo (%n vrstice)</numerusform>
            <numerusform>… citirano besedilo (%n vrstic)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>… quoted text (%n lines)</source>
        <translation>
            <numerusform>… citirano besedilo (%n vrstica)</numerusform>
            <numerusform>… citirano besedilo (%n vrstici)</numerusform>
            <numerusform>… citirano besedilo (%n vrstice)</numerusform>
            <numerusform>… citirano besedilo (%n vrstic)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+81"/>
        <source>Show the quoted text</source>
        <translation>Prikaži citirano besedilo</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+81"/>
        <source>Hide quoted text</source>
        <translation>Skrij citirano besedilo</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Remote images are shown.</source>
        <translation>Oddaljene slike so prikazane.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remote images are not shown. </source>
        <translation>Oddaljene slike niso prikazane. </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show remote images</source>
        <translation>Prikaži oddaljene slike</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching them tells the sender that the mail was read</source>
        <translation>Če jih prenesete, pošiljatelj izve, da je bilo sporočilo prebrano</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>… quoted text</source>
        <translation>… citirano besedilo</translation>
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
        <translation>čaka</translation>
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
        <translation>pravkar</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>pred %n min</numerusform>
            <numerusform>pred %n min</numerusform>
            <numerusform>pred %n min</numerusform>
            <numerusform>pred %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>pred %n h</numerusform>
            <numerusform>pred %n h</numerusform>
            <numerusform>pred %n h</numerusform>
            <numerusform>pred %n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yesterday</source>
        <translation>včeraj</translation>
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
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1, %2</source>
        <comment>date, time</comment>
        <translation>%1 ob %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln ticket</source>
        <translation>
            <numerusform>%Ln zahtevek</numerusform>
            <numerusform>%Ln zahtevka</numerusform>
            <numerusform>%Ln zahtevki</numerusform>
            <numerusform>%Ln zahtevkov</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln tickets</source>
        <translation>
            <numerusform>%Ln zahtevek</numerusform>
            <numerusform>%Ln zahtevka</numerusform>
            <numerusform>%Ln zahtevki</numerusform>
            <numerusform>%Ln zahtevkov</numerusform>
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
        <translation>Manjka račun za marec</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ana Novak</source>
        <translation>Ana Novak</translation>
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
        <translation>Odprt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Čaka na stranko</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>Na čakanju</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solved</source>
        <translation>Rešen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Zaprt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Low</source>
        <translation>Nizka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>Običajna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>Visoka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent</source>
        <translation>Nujna</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Email</source>
        <translation>E-pošta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web form</source>
        <translation>Spletni obrazec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat</source>
        <translation>Klepet</translation>
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
        <translation>Nov zahtevek za vas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 replied</source>
        <translation>%1 je odgovoril(-a)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reminder</source>
        <translation>Opomnik</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SLA deadline missed</source>
        <translation>Rok SLA je zamujen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>SLA deadline in %n min</source>
        <translation>
            <numerusform>Rok SLA čez %n min</numerusform>
            <numerusform>Rok SLA čez %n min</numerusform>
            <numerusform>Rok SLA čez %n min</numerusform>
            <numerusform>Rok SLA čez %n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rule “%1”</source>
        <translation>Pravilo »%1«</translation>
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
        <translation>Vodja ekipe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <translation>Skrbnik</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Add agent</source>
        <translation>&amp;Dodaj agenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Shrani</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open tickets</source>
        <translation>Odprti &amp;zahtevki</translation>
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
        <translation>Vloga</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Departments</source>
        <translation>Oddelki</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The agent&apos;s place in the order assignment gives tickets in when it finds agents equal: 1 is the most senior. The others keep their order around it.</source>
        <translation>Agentovo mesto v vrstnem redu, po katerem dodeljevanje daje zahtevke, ko so agenti enakovredni: 1 je najbolj senioren. Drugi ohranijo svoj vrstni red okoli njega.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department</source>
        <translation>Oddelek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>Raven</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The support tier the agent works at in this department: tickets escalated to a tier go to its agents.</source>
        <translation>Raven podpore, na kateri agent dela v tem oddelku: zahtevki, preneseni na raven, gredo njenim agentom.</translation>
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
        <translation>V&amp;loga:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seniorit&amp;y:</source>
        <translation>Se&amp;niornost:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;partments:</source>
        <translation>&amp;Oddelki:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the agent&apos;s tickets that are not solved yet in the inbox, to hand them on.</source>
        <translation>V nabiralniku pokaže agentove še nerešene zahtevke, da jih predate naprej.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The list of agents comes from the server: %1</source>
        <translation>Seznam agentov prihaja s strežnika: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>another department</source>
        <translation>drug oddelek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (tier %2)</source>
        <translation>%1 (raven %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Active</source>
        <translation>Aktiven</translation>
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
        <translation>Deaktiviran agent je takoj odjavljen povsod in se ne more prijaviti; njegovi zahtevki mu ostanejo dodeljeni, dokler jih ne predate naprej.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An agent needs a name.</source>
        <translation>Agent potrebuje ime.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>„%1“ ni e-poštni naslov.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adding…</source>
        <translation>Dodajanje…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The agent was not added: %1</source>
        <translation>Agent ni bil dodan: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added. Tell %1 their password, which is shown only now:</source>
        <translation>Dodano. Sporočite %1 geslo, ki je prikazano samo zdaj:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing changed.</source>
        <translation>Nič se ni spremenilo.</translation>
    </message>
</context>
<context>
    <name>Pult::BusinessHoursEditor</name>
    <message>
        <location filename="../ui/businesshourseditor.cpp" line="+47"/>
        <source>Every year</source>
        <translation>Vsako leto</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time &amp;zone:</source>
        <translation>Časovni &amp;pas:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closed</source>
        <translation>zaprto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours as HH:MM-HH:MM, several separated by commas, e.g. 08:00-12:00, 13:00-16:00. Empty: closed all day.</source>
        <translation>Delovni čas v obliki HH:MM-HH:MM, več obdobij ločite z vejicami, npr. 08:00-12:00, 13:00-16:00. Prazno: ves dan zaprto.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Same on &amp;weekdays</source>
        <translation>Enako ob &amp;delavnikih</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give Tuesday to Friday Monday&apos;s hours.</source>
        <translation>Od torka do petka nastavi ponedeljkov delovni čas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add holiday</source>
        <translation>&amp;Dodaj praznik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remo&amp;ve</source>
        <translation>Odst&amp;rani</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Holidays:</source>
        <translation>Prazniki:</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1, every year</source>
        <translation>%1, vsako leto</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Time zone: there is no time zone &quot;%1&quot;.</source>
        <translation>Časovni pas: časovnega pasu „%1“ ni.</translation>
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
        <translation>Vstavi pripravljen odgovor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search canned responses</source>
        <translation>Iskanje pripravljenih odgovorov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a title or shortcut</source>
        <translation>Vpišite naslov ali bližnjico</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Canned responses</source>
        <translation>Pripravljeni odgovori</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation>Predogled</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter inserts; placeholders are filled in for this ticket.</source>
        <translation>Enter vstavi odgovor; spremenljivke se izpolnijo za ta zahtevek.</translation>
    </message>
</context>
<context>
    <name>Pult::CannedSettings</name>
    <message>
        <location filename="../ui/cannedsettings.cpp" line="+42"/>
        <source>&amp;Save</source>
        <translation>&amp;Shrani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Odstrani</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canned responses</source>
        <translation>Pripravljeni odgovori</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Bližnjica</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Za koga</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. refund</source>
        <translation>npr. vračilo</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+74"/>
        <source>Only me</source>
        <translation>Samo jaz</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+73"/>
        <source>The agents of %1</source>
        <translation>Agenti oddelka %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+61"/>
        <source>Everyone</source>
        <translation>Vsi</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>&amp;Title:</source>
        <translation>&amp;Naslov:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hortcut:</source>
        <translation>&amp;Bližnjica:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;Za koga:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text:</source>
        <translation>&amp;Besedilo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{agent.name}} are filled in for the ticket it is inserted into (docs/templates.md).</source>
        <translation>Spremenljivke, kot so {{customer.first_name}}, {{ticket.number}} in {{agent.name}}, se izpolnijo za zahtevek, v katerega se odgovor vstavi (docs/templates.md).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview:</source>
        <translation>Predogled:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New response</source>
        <translation>&amp;Nov odgovor</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>another department</source>
        <translation>drug oddelek</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>A canned response needs a title.</source>
        <translation>Pripravljen odgovor potrebuje naslov.</translation>
    </message>
</context>
<context>
    <name>Pult::ChangesDialog</name>
    <message>
        <location filename="../ui/changesdialog.cpp" line="+34"/>
        <source>Waiting and refused changes</source>
        <translation>Čakajoče in zavrnjene spremembe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting changes go to the server in this order; a refused change was undone here. Retry sends a refused change again; Discard drops a change (a waiting one is undone here).</source>
        <translation>Čakajoče spremembe gredo na strežnik v tem vrstnem redu; zavrnjena sprememba je bila tukaj razveljavljena. „Poskusi znova“ zavrnjeno spremembo pošlje še enkrat; „Zavrzi“ spremembo opusti (čakajočo tukaj razveljavi).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>Kdaj</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Sprememba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket</source>
        <translation>Zahtevek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>&amp;Poskusi znova</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Discard</source>
        <translation>&amp;Zavrzi</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>new: %1</source>
        <translation>nov: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting</source>
        <translation>Čaka</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused: %1 (%2)</source>
        <translation>Zavrnjeno: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="+412"/>
        <source>Command palette</source>
        <translation>Ukazna paleta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a command, a view or a ticket number</source>
        <translation>Vpišite ukaz, pogled ali številko zahtevka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Ukaz</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Matching commands</source>
        <translation>Ustrezni ukazi</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPaletteModel</name>
    <message>
        <location line="-195"/>
        <source>View</source>
        <comment>a view of the sidebar, in the command palette</comment>
        <translation>Pogled</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Open ticket #%1</source>
        <translation>Odpri zahtevek #%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unavailable</source>
        <comment>a command that cannot run now</comment>
        <translation>ni na voljo</translation>
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
        <translation>Odgovor, ki ga prebere stranka (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal &amp;note</source>
        <translation>&amp;Interna opomba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A note only agents see (N)</source>
        <translation>Opomba, ki jo vidijo samo agenti (N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Canned response…</source>
        <translation>Pripravljen odgovor…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a canned response (Ctrl+Shift+I)</source>
        <translation>Vstavi pripravljen odgovor (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach…</source>
        <translation>Priloži…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach files to the message</source>
        <translation>Priloži datoteke sporočilu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message text</source>
        <translation>Besedilo sporočila</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Send</source>
        <translation>Pošlji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Pošlji (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send and set %1</source>
        <translation>Pošlji in nastavi: %1</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Write a reply to the customer…</source>
        <translation>Napišite odgovor stranki…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an internal note for agents…</source>
        <translation>Napišite interno opombo za agente…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send reply</source>
        <translation>Pošlji odgovor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add note</source>
        <translation>Dodaj opombo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the %1 header</source>
        <translation>glavo oddelka %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 footer</source>
        <translation>nogo oddelka %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your signature</source>
        <translation>vašim podpisom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent with %1.</source>
        <translation>Poslano z %1.</translation>
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
            <numerusform>Prilagam %n datoteko…</numerusform>
            <numerusform>Prilagam %n datoteki…</numerusform>
            <numerusform>Prilagam %n datoteke…</numerusform>
            <numerusform>Prilagam %n datotek…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The attached files are still being copied; send again in a moment</source>
        <translation>Priložene datoteke se še kopirajo; čez trenutek poskusite poslati znova</translation>
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
        <translation>Nadzorna plošča</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today</source>
        <translation>Danes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Zadnjih 7 dni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Zadnjih 30 dni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates…</source>
        <translation>Datumi …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All departments</source>
        <translation>Vsi oddelki</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All my departments</source>
        <translation>Vsi moji oddelki</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export &amp;CSV…</source>
        <translation>Izvozi &amp;CSV …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;PDF…</source>
        <translation>Izvozi &amp;PDF …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>&amp;Osveži</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period:</source>
        <translation>Obdobje:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department:</source>
        <translation>Oddelek:</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+247"/>
        <location line="+26"/>
        <source>Active now</source>
        <translation>Trenutno aktivni</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+247"/>
        <location line="+103"/>
        <source>Created</source>
        <translation>Ustvarjeni</translation>
    </message>
    <message>
        <location line="-349"/>
        <location line="+247"/>
        <location line="+25"/>
        <location line="+78"/>
        <source>Solved</source>
        <translation>Rešeni</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Reopened</source>
        <translation>Ponovno odprti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response</source>
        <translation>Prvi odziv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Rešitev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA met</source>
        <translation>Izpolnjen SLA</translation>
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
        <translation>Izberite datuma, ki sta največ deset let narazen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computing…</source>
        <translation>Računanje …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The figures cannot be computed: %1</source>
        <translation>Številk ni mogoče izračunati: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computed at %1 from the local data</source>
        <translation>Izračunano ob %1 iz lokalnih podatkov</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 older than a week</source>
        <translation>%1 starejših od tedna dni</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active tickets by status</source>
        <translation>Aktivni zahtevki po stanju</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Tickets</source>
        <translation>Zahtevki</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Active tickets by age</source>
        <translation>Aktivni zahtevki po starosti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 1 day</source>
        <translation>&lt; 1 dan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1–3 days</source>
        <translation>1–3 dni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3–7 days</source>
        <translation>3–7 dni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>7–30 days</source>
        <translation>7–30 dni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 30 days</source>
        <translation>&gt; 30 dni</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Departments</source>
        <translation>Oddelki</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(unknown agent)</source>
        <translation>(neznan agent)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 % of the solved</source>
        <translation>%1 % rešenih</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none in the period</source>
        <translation>v obdobju jih ni</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>median; 90 % within %1</source>
        <translation>mediana; 90 % v %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>resolution; first response %1</source>
        <translation>rešitev; prvi odziv %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>of 5, %Ln rating</source>
        <translation>
            <numerusform>od 5, %Ln ocena</numerusform>
            <numerusform>od 5, %Ln oceni</numerusform>
            <numerusform>od 5, %Ln ocene</numerusform>
            <numerusform>od 5, %Ln ocen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>of 5, %Ln ratings</source>
        <translation>
            <numerusform>od 5, %Ln ocena</numerusform>
            <numerusform>od 5, %Ln oceni</numerusform>
            <numerusform>od 5, %Ln ocene</numerusform>
            <numerusform>od 5, %Ln ocen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Created and solved per %Ln days</source>
        <translation>
            <numerusform>Ustvarjeni in rešeni na %Ln dan</numerusform>
            <numerusform>Ustvarjeni in rešeni na %Ln dneva</numerusform>
            <numerusform>Ustvarjeni in rešeni na %Ln dni</numerusform>
            <numerusform>Ustvarjeni in rešeni na %Ln dni</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Created and solved per day</source>
        <translation>Ustvarjeni in rešeni po dnevih</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Agents</source>
        <translation>Agenti</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Goal %1 % within %2: %3</source>
        <translation>Cilj %1 % v %2: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goal at least %1</source>
        <translation>Cilj vsaj %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: the share within the time, and satisfaction</source>
        <translation>Cilji: delež v predvidenem času in zadovoljstvo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals: the share within the time</source>
        <translation>Cilji: delež v predvidenem času</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Goal: %1 %</source>
        <translation>Cilj: %1 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>First response within %1</source>
        <translation>Prvi odziv v %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution within %1</source>
        <translation>Rešitev v %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rating</source>
        <translation>Ocena</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Goal: at least %1</source>
        <translation>Cilj: vsaj %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1, %2: %3. Click to list the tickets.</source>
        <translation>%1, %2: %3. Kliknite za seznam zahtevkov.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Export the figures as CSV</source>
        <translation>Izvozi številke v CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export the figures as PDF</source>
        <translation>Izvozi številke v PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Datoteke CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Datoteke PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1</source>
        <translation>Shranjeno: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 cannot be written: %2</source>
        <translation>Datoteke %1 ni mogoče zapisati: %2</translation>
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
        <translation>Datoteke %1 ni mogoče zapisati</translation>
    </message>
</context>
<context>
    <name>Pult::DepartmentSettings</name>
    <message>
        <location filename="../ui/departmentsettings.cpp" line="+57"/>
        <source>Oldest first</source>
        <translation>Najstarejši najprej</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest priority, then oldest</source>
        <translation>Najvišja prioriteta, nato najstarejši</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer plan, then priority</source>
        <translation>Paket stranke, nato prioriteta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest SLA deadline first</source>
        <translation>Najbližji rok SLA najprej</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;New department</source>
        <translation>&amp;Nov oddelek</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask the customer to rate the answer when a ticket is so&amp;lved</source>
        <translation>Ko je zahtevek re&amp;šen, prosi stranko za oceno odgovora</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customers may write in with the &amp;web form</source>
        <translation>Stranke lahko pišejo prek spletnega &amp;obrazca</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Shrani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>O&amp;dstrani…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Departments</source>
        <translation>Oddelki</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>support@example.com</source>
        <translation>podpora@example.com</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Name:</source>
        <translation>&amp;Ime:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Naslov:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address customers write to; replies are sent from it.</source>
        <translation>Naslov, na katerega pišejo stranke; odgovori se pošiljajo z njega.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order:</source>
        <translation>&amp;Vrstni red čakalne vrste:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Goals:</source>
        <translation>&amp;Cilji:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the dashboard measures the department against: a share of first responses and of resolutions within a time, and the average satisfaction. Each is optional.</source>
        <translation>S čim nadzorna plošča primerja oddelek: delež prvih odzivov in rešitev v določenem času ter povprečno zadovoljstvo. Vsak cilj je neobvezen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>General</source>
        <translation>Splošno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business hours</source>
        <translation>Delovni čas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Targets per priority, counted in business hours unless the policy ends with &quot;calendar&quot;. For example:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</source>
        <translation>Cilji za vsako prioriteto, šteti v delovnem času, razen če se pravilnik konča s „calendar“. Na primer:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLA policy</source>
        <translation>Pravilnik SLA</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By hand</source>
        <translation>Ročno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In turn (round robin)</source>
        <translation>Po vrsti (krožno)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the least loaded agent</source>
        <translation>Najmanj obremenjenemu agentu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>brez omejitve</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New tickets are &amp;assigned:</source>
        <translation>Novi zahtevki se &amp;dodelijo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most open &amp;tickets per agent:</source>
        <translation>Največ odprtih &amp;zahtevkov na agenta:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An agent holding this many open tickets is passed by when new ones are assigned in turn or to the least loaded.</source>
        <translation>Agent s toliko odprtimi zahtevki je preskočen, ko se novi dodeljujejo po vrsti ali najmanj obremenjenemu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Survey &amp;sent after:</source>
        <translation>Anketa &amp;poslana po:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-&amp;reply:</source>
        <translation>Samodejni &amp;odgovor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-reply &amp;outside hours:</source>
        <translation>Samodejni odgovor &amp;izven delovnega časa:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the customer when their mail opens a ticket; outside business hours the second is sent, or the first when it is empty. Empty: none.</source>
        <translation>Pošlje se stranki, ko njeno e-sporočilo odpre zahtevek; izven delovnega časa se pošlje drugi ali, če je prazen, prvi. Prazno: nič.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assignment and customers</source>
        <translation>Dodeljevanje in stranke</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Izberi…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Language:</source>
        <translation>&amp;Jezik:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colo&amp;ur:</source>
        <translation>&amp;Barva:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sites that &amp;embed it:</source>
        <translation>Strani, ki ga &amp;vdelajo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The contact form and the status page of a ticket speak the customer&apos;s language when their browser names one of these, else this one, and wear this colour. Sites that may show the form in a frame: their origins, separated by spaces.</source>
        <translation>Obrazec za stik in stran s stanjem zahtevka govorita jezik stranke, če ga njen brskalnik navede med temi, sicer tega, in nosita to barvo. Strani, ki smejo prikazati obrazec v okvirju: njihovi izvori, ločeni s presledki.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer pages</source>
        <translation>Strani za stranke</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Header:</source>
        <translation>&amp;Glava:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Footer:</source>
        <translation>&amp;Noga:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put above and below every reply sent for the department. Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{department.hours}} are filled in for each ticket.</source>
        <translation>Doda se nad in pod vsak odgovor, poslan za oddelek. Spremenljivke, kot so {{customer.first_name}}, {{ticket.number}} in {{department.hours}}, se izpolnijo za vsak zahtevek.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview:</source>
        <translation>Predogled:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies</source>
        <translation>Odgovori</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mailboxes</source>
        <translation>Nabiralniki</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Only an admin changes this.</source>
        <translation>To lahko spremeni le skrbnik.</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Reading these settings from the server…</source>
        <translation>Branje teh nastavitev s strežnika…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These settings are kept on the server, which could not be read: %1</source>
        <translation>Te nastavitve so shranjene na strežniku, ki ga ni bilo mogoče prebrati: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name: a department needs a name.</source>
        <translation>Ime: oddelek potrebuje ime.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Naslov: „%1“ ni e-poštni naslov.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Business hours: %1</source>
        <translation>Delovni čas: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SLA policy: %1</source>
        <translation>Pravilnik SLA: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Header</source>
        <translation>Glava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Noga</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-reply</source>
        <translation>Samodejni odgovor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-reply outside hours</source>
        <translation>Samodejni odgovor izven delovnega časa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Colour: &quot;%1&quot; is not a colour written #rrggbb.</source>
        <translation>Barva: „%1“ ni barva v obliki #rrggbb.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sites that embed it: &quot;%1&quot; is not an origin such as https://www.example.com.</source>
        <translation>Strani, ki ga vdelajo: „%1“ ni izvor, kot je https://www.example.com.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: %1</source>
        <translation>Cilji: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(Your reply.)</source>
        <translation>(Vaš odgovor.)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The auto-reply to a new ticket:</source>
        <translation>Samodejni odgovor na nov zahtevek:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved changes</source>
        <translation>Neshranjene spremembe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your changes to %1?</source>
        <translation>Želite zavreči spremembe (%1)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the new department</source>
        <translation>nov oddelek</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mend the errors above first.</source>
        <translation>Najprej popravite zgornje napake.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove department</source>
        <translation>Odstrani oddelek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the department %1? Its tickets, canned responses, shared views and mailboxes move to the department chosen here, and its rules too, switched off for its lead to look at. Its agents leave it. This cannot be undone.</source>
        <translation>Odstranim oddelek %1? Njegovi zahtevki, pripravljeni odgovori, skupni pogledi in nabiralniki se premaknejo v oddelek, izbran tukaj, prav tako njegova pravila, a izklopljena, da jih vodja pregleda. Njegovi agenti ga zapustijo. Tega ni mogoče razveljaviti.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Move them to:</source>
        <translation>&amp;Premakni v:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Odstrani</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Removing…</source>
        <translation>Odstranjevanje…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server refused the change: %1</source>
        <translation>Strežnik je zavrnil spremembo: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 removed; %n ticket moved to %2.</source>
        <translation>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevek je premaknjen v oddelek %2.</numerusform>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevka sta premaknjena v oddelek %2.</numerusform>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevki so premaknjeni v oddelek %2.</numerusform>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevkov je premaknjenih v oddelek %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 removed; %n tickets moved to %2.</source>
        <translation>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevek je premaknjen v oddelek %2.</numerusform>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevka sta premaknjena v oddelek %2.</numerusform>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevki so premaknjeni v oddelek %2.</numerusform>
            <numerusform>Oddelek %1 je odstranjen; %n zahtevkov je premaknjenih v oddelek %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pult::FilterBar</name>
    <message>
        <location filename="../ui/filterbar.cpp" line="+125"/>
        <source>Filter, e.g. status:open assignee:me priority&gt;=high</source>
        <translation>Filter, npr. status:open assignee:me priority&gt;=high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a filter such as status:open assignee:me; Enter applies it, Tab accepts a suggestion</source>
        <translation>Vpišite filter, npr. status:open assignee:me; Enter ga uporabi, Tab sprejme predlog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the inbox: fields such as status:, assignee:, priority&gt;=, tag: and plain words. Ctrl+Space shows suggestions.</source>
        <translation>Filtriranje nabiralnika: polja, kot so status:, assignee:, priority&gt;=, tag:, in navadne besede. Ctrl+Space prikaže predloge.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as view…</source>
        <translation>Shrani kot pogled…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this filter as a view in the sidebar</source>
        <translation>Shrani ta filter kot pogled v stranski vrstici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save filter as view</source>
        <translation>Shrani filter kot pogled</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>Počisti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the filter</source>
        <translation>Počisti filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filter</source>
        <translation>Počisti filter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter error</source>
        <translation>Napaka v filtru</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter suggestions</source>
        <translation>Predlogi za filter</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>%1 (inserts %2)</source>
        <comment>completion label, inserted text</comment>
        <translation>%1 (vstavi %2)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>column %1: %2</source>
        <comment>filter error: column, message</comment>
        <translation>stolpec %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — did you mean &quot;%2&quot;?</source>
        <comment>filter error, suggestion</comment>
        <translation>%1 — ste mislili „%2“?</translation>
    </message>
</context>
<context>
    <name>Pult::MailboxEditor</name>
    <message>
        <location filename="../ui/mailboxeditor.cpp" line="+29"/>
        <source>not a %1 address</source>
        <translation>ni naslov %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give the user name before the host, as %1://USER@HOST</source>
        <translation>pred strežnikom navedite uporabniško ime, kot %1://UPORABNIK@STREŽNIK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>put the password in its own field, not in the address</source>
        <translation>geslo vpišite v njegovo polje, ne v naslov</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use S&amp;TARTTLS on imap:// and smtp:// addresses</source>
        <translation>Uporabi STA&amp;RTTLS za naslova imap:// in smtp://</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New mai&amp;lbox</source>
        <translation>Nov nabira&amp;lnik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save mail&amp;box</source>
        <translation>Shrani nabiralni&amp;k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove mailbo&amp;x</source>
        <translation>Odstrani na&amp;biralnik</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Mark it as read</source>
        <translation>Označi jo kot prebrano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete it</source>
        <translation>Izbriši jo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move it to the folder</source>
        <translation>Premakni jo v mapo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Address:</source>
        <translation>N&amp;aslov:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incoming mail (IMAP):</source>
        <translation>Dohodna &amp;pošta (IMAP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP pass&amp;word:</source>
        <translation>&amp;Geslo IMAP:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outgoing mail (SMTP):</source>
        <translation>Odhodna poš&amp;ta (SMTP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP passwor&amp;d:</source>
        <translation>G&amp;eslo SMTP:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After &amp;fetching a mail:</source>
        <translation>Ko je pošta pre&amp;vzeta:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Charset of 8-bit mail:</source>
        <translation>Nabor &amp;znakov 8-bitne pošte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pultd fetches new mail from the IMAP folder as it arrives, makes tickets of it, and sends the department&apos;s replies through SMTP. The server keeps the passwords sealed and never shows them: leave them empty to keep them. The charset is for mail from old programs that do not say theirs: windows-1250 for Slovenian, Croatian and Polish, windows-1257 for Lithuanian.</source>
        <translation>pultd prevzema novo pošto iz mape IMAP, ko prispe, iz nje naredi zahtevke in pošilja odgovore oddelka prek SMTP. Strežnik hrani gesli zapečateni in ju nikoli ne pokaže: pustite ju prazni, da ostaneta. Nabor znakov je za pošto starih programov, ki svojega ne navedejo: windows-1250 za slovenščino, hrvaščino in poljščino, windows-1257 za litovščino.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Not fetched by this server yet</source>
        <translation>Ta strežnik je še ne prevzema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failing: %1</source>
        <translation>Napaka: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Povezovanje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected, waiting for mail</source>
        <translation>Povezan, čaka pošto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Povezan</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The mailboxes could not be read from the server: %1</source>
        <translation>Nabiralnikov ni bilo mogoče prebrati s strežnika: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>required</source>
        <translation>obvezno</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unchanged</source>
        <translation>nespremenjeno</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Naslov: „%1“ ni e-poštni naslov.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incoming mail: %1.</source>
        <translation>Dohodna pošta: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outgoing mail: %1.</source>
        <translation>Odhodna pošta: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After fetching: name the folder to move mail to.</source>
        <translation>Po prevzemu: navedite mapo, v katero naj se pošta premakne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Charset: name one, such as windows-1250.</source>
        <translation>Nabor znakov: navedite enega, npr. windows-1250.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new mailbox needs its IMAP and SMTP passwords.</source>
        <translation>Nov nabiralnik potrebuje gesli IMAP in SMTP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give both passwords to change them, or neither to keep them.</source>
        <translation>Za spremembo vpišite obe gesli, ali nobenega, da ostaneta.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Mend the errors above first.</source>
        <translation>Najprej popravite zgornje napake.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mailbox %1 added.</source>
        <translation>Nabiralnik %1 je dodan.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mailbox %1 saved.</source>
        <translation>Nabiralnik %1 je shranjen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mailbox %1 removed.</source>
        <translation>Nabiralnik %1 je odstranjen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Shranjevanje…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server refused the change: %1</source>
        <translation>Strežnik je zavrnil spremembo: %1</translation>
    </message>
</context>
<context>
    <name>Pult::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+173"/>
        <source>The change was not made: %1</source>
        <translation>Sprememba ni bila izvedena: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number of tickets</source>
        <translation>Število zahtevkov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data: %1</source>
        <translation>Podatki: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data directory</source>
        <translation>Podatkovna mapa</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Views</source>
        <translation>Pogledi</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search tickets</source>
        <translation>Iskanje zahtevkov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search subjects, messages, contacts (Ctrl+F)</source>
        <translation>Iščite po zadevah, sporočilih, strankah (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tickets</source>
        <translation>Zahtevki</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Loading…</source>
        <translation>Nalaganje…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Sent; it goes to the server with the next sync.</source>
        <translation>Poslano; na strežnik bo šlo ob naslednji sinhronizaciji.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dismiss</source>
        <translation>Zapri</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+7"/>
        <location line="+353"/>
        <source>No tickets yet</source>
        <translation>Še ni zahtevkov</translation>
    </message>
    <message>
        <location line="-359"/>
        <source>Pult keeps a local copy of your help desk in %1, and it is empty. Sign in to your team&apos;s Pult server to fill it, or try Pult on its own with a realistic demo help desk:</source>
        <translation>Pult hrani lokalno kopijo vaše službe za pomoč uporabnikom v %1, ki pa je prazna. Prijavite se v strežnik Pult svoje ekipe, da jo napolnite, ali pa Pult preizkusite samostojno z realistično predstavitveno službo za pomoč uporabnikom:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Then press Reload (F5).</source>
        <translation>Nato pritisnite „Osveži“ (F5).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in…</source>
        <translation>Prijava…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload</source>
        <translation>Osveži</translation>
    </message>
    <message>
        <location line="+191"/>
        <location line="+22"/>
        <source>Save as a view</source>
        <translation>Shrani kot pogled</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Name of the view:</source>
        <translation>Ime pogleda:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only me</source>
        <translation>Samo jaz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agents of %1</source>
        <translation>Agenti oddelka %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everyone</source>
        <translation>Vsi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who sees the view:</source>
        <translation>Kdo vidi pogled:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The view was not saved: %1</source>
        <translation>Pogled ni bil shranjen: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Search: “%1”</source>
        <translation>Iskanje: „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>No matching tickets</source>
        <translation>Ni ustreznih zahtevkov</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The %L1 best matches</source>
        <translation>%L1 najboljših zadetkov</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>1 matching ticket</source>
        <translation>1 ustrezen zahtevek</translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <location line="+10"/>
        <source>%Ln matching tickets</source>
        <translation>
            <numerusform>%Ln ustrezen zahtevek</numerusform>
            <numerusform>%Ln ustrezna zahtevka</numerusform>
            <numerusform>%Ln ustrezni zahtevki</numerusform>
            <numerusform>%Ln ustreznih zahtevkov</numerusform>
        </translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%L1 or more matching tickets</source>
        <translation>%L1 ali več ustreznih zahtevkov</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Could not read the local store: %1</source>
        <translation>Lokalne shrambe ni bilo mogoče prebrati: %1</translation>
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
        <translation>&amp;Sinhroniziraj zdaj</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open another &amp;profile…</source>
        <translation>Odpri drug p&amp;rofil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your si&amp;gnature…</source>
        <translation>&amp;Vaš podpis…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature</source>
        <translation>Podpis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added under every reply; placeholders such as {{agent.name}} work (docs/templates.md):</source>
        <translation>Doda se pod vsak odgovor; delujejo spremenljivke, kot je {{agent.name}} (docs/templates.md):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Ne moti</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Away: no new tickets for me</source>
        <translation>&amp;Odsoten: brez novih zahtevkov zame</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Končaj</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ticket</source>
        <translation>&amp;Zahtevek</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reply</source>
        <translation>&amp;Odgovori</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Internal &amp;note</source>
        <translation>&amp;Interna opomba</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert &amp;canned response…</source>
        <translation>&amp;Vstavi pripravljen odgovor…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Take</source>
        <translation>&amp;Prevzemi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assign to…</source>
        <translation>&amp;Dodeli…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;xt ticket</source>
        <translation>Naslednji za&amp;htevek</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No ticket is waiting in your queues.</source>
        <translation>V vaših čakalnih vrstah ni nobenega čakajočega zahtevka.</translation>
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
        <translation>Priori&amp;teta</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>&amp;Department</source>
        <translation>Odde&amp;lek</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cate&amp;gory…</source>
        <translation>Kate&amp;gorija…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ta&amp;gs…</source>
        <translation>Ozn&amp;ake…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Escalate to the next tier</source>
        <translation>Prenesi na viš&amp;jo raven</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;ue date…</source>
        <translation>&amp;Rok…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;minder…</source>
        <translation>Opo&amp;mnik…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Merge into…</source>
        <translation>&amp;Združi v…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Link with…</source>
        <translation>Pov&amp;eži z…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as s&amp;pam</source>
        <translation>Označi kot &amp;neželeno</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New status lin&amp;k for the customer</source>
        <translation>Nova povezava do stanja za stran&amp;ko</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s old status link no longer works; the next mail to them carries the new one.</source>
        <translation>Stara povezava stranke do stanja ne deluje več; naslednje e-sporočilo stranki bo vsebovalo novo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gives the customer&apos;s status page a new address, for when the old one reached someone it should not have.</source>
        <translation>Strani s stanjem za stranko dodeli nov naslov, če je stari prišel do nekoga, ki ga ne bi smel dobiti.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xport the requester&apos;s personal data…</source>
        <translation>I&amp;zvozi osebne podatke stranke…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves everything Pult holds about the customer (their tickets, messages and files) as a zip file, for a request under the GDPR.</source>
        <translation>Vse, kar ima Pult o stranki (njene zahtevke, sporočila in datoteke), shrani v datoteko ZIP za zahtevo po GDPR.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Erase the requester&apos;s personal data…</source>
        <translation>Iz&amp;briši osebne podatke stranke…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removes the customer&apos;s name and addresses, and the text and files of their messages, on all of their tickets.</source>
        <translation>Odstrani ime in naslove stranke ter besedilo in datoteke njenih sporočil v vseh njenih zahtevkih.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting and re&amp;fused changes…</source>
        <translation>Čakajoče in za&amp;vrnjene spremembe…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Pogled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>&amp;Iskanje</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Order</source>
        <translation>&amp;Vrstni red</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last &amp;update</source>
        <translation>&amp;Zadnja posodobitev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Creation</source>
        <translation>&amp;Datum nastanka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;SLA deadline</source>
        <translation>Rok &amp;SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order</source>
        <translation>Čakalna &amp;vrsta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the saved &amp;view</source>
        <translation>Odstrani shranjeni &amp;pogled</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shared view is removed by a lead of its department or an admin.</source>
        <translation>Skupni pogled lahko odstrani vodja ekipe njegovega oddelka ali skrbnik.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Reload</source>
        <translation>&amp;Osveži</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Nadzorna plošča</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your departments&apos; backlog, response and resolution times, SLA attainment and satisfaction, as charts.</source>
        <translation>Zaostanki vaših oddelkov, časi odziva in rešitve, izpolnjevanje SLA in zadovoljstvo v grafih.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;ettings</source>
        <translation>&amp;Nastavitve</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Departments…</source>
        <translation>&amp;Oddelki…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business hours, SLA policy, queue order, reply header and footer, and goals of your departments.</source>
        <translation>Delovni čas, pravilnik SLA, vrstni red čakalne vrste, glava in noga odgovorov ter cilji vaših oddelkov.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Agents…</source>
        <translation>&amp;Agenti…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who works in the help desk: add agents, their roles and departments, deactivate them, and the tickets they left.</source>
        <translation>Kdo dela v službi za pomoč: dodajanje agentov, njihove vloge in oddelki, deaktivacija in zahtevki, ki so jih pustili.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Canned responses…</source>
        <translation>&amp;Pripravljeni odgovori…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your canned responses, and your departments&apos; or everyone&apos;s where you may write them.</source>
        <translation>Vaši pripravljeni odgovori ter odgovori vaših oddelkov ali vseh, kjer jih smete pisati.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared &amp;views…</source>
        <translation>Skupni &amp;pogledi…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The views you share with your departments&apos; agents (admins: with everyone).</source>
        <translation>Pogledi, ki jih delite z agenti svojih oddelkov (skrbniki: z vsemi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rules…</source>
        <translation>P&amp;ravila…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automation rules of your departments: when something happens to a ticket that matches a filter, what Pult does.</source>
        <translation>Pravila avtomatizacije vaših oddelkov: kaj Pult naredi, ko se zgodi nekaj z zahtevkom, ki ustreza filtru.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Command palette…</source>
        <translation>&amp;Ukazna paleta…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Language</source>
        <translation>&amp;Jezik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>Sistemski jezik</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The window speaks %1 from its next start.</source>
        <translation>Okno bo ob naslednjem zagonu v jeziku: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Sign in again…</source>
        <translation>&amp;Ponovna prijava…</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Could not tell the server: %1</source>
        <translation>Strežnika ni bilo mogoče obvestiti: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Away: no new tickets are assigned to you.</source>
        <translation>Odsotni: novi zahtevki vam niso dodeljeni.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back: new tickets can be assigned to you.</source>
        <translation>Nazaj: novi zahtevki so vam lahko dodeljeni.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open one ticket with a requester to export their data.</source>
        <translation>Odprite en zahtevek s stranko, da izvozite njene podatke.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>personal data of %1.zip</source>
        <translation>osebni podatki %1.zip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export personal data</source>
        <translation>Izvoz osebnih podatkov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip archives (*.zip)</source>
        <translation>Arhivi ZIP (*.zip)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting %1&apos;s data…</source>
        <translation>Izvažanje podatkov stranke %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not export %1&apos;s data: %2</source>
        <translation>Podatkov stranke %1 ni bilo mogoče izvoziti: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1&apos;s data to %2</source>
        <translation>Podatki stranke %1 so shranjeni v %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open one ticket with a requester to erase their data.</source>
        <translation>Odprite en zahtevek s stranko, da izbrišete njene podatke.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase personal data</source>
        <translation>Izbris osebnih podatkov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase everything Pult holds about %1 (%2)?</source>
        <translation>Želite izbrisati vse, kar Pult hrani o stranki %1 (%2)?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their name and addresses, and the text and files of their messages on all of their tickets, are removed for good, here and on the server. The tickets stay. This cannot be undone.</source>
        <translation>Njeno ime in naslovi ter besedilo in datoteke njenih sporočil v vseh njenih zahtevkih bodo trajno odstranjeni, tukaj in na strežniku. Zahtevki ostanejo. Tega ni mogoče razveljaviti.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase</source>
        <translation>Izbriši</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1&apos;s personal data is being erased; every window shows it with its next sync.</source>
        <translation>Osebni podatki stranke %1 se brišejo; vsa okna bodo to prikazala ob naslednji sinhronizaciji.</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+328"/>
        <source>There is no ticket #%1 here.</source>
        <translation>Zahtevka #%1 tukaj ni.</translation>
    </message>
    <message>
        <location line="-314"/>
        <source>Open the ticket</source>
        <translation>Odpri zahtevek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All refused changes</source>
        <translation>Vse zavrnjene spremembe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused your change: %1</source>
        <translation>Strežnik je zavrnil vašo spremembo: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a ticket</source>
        <translation>zahtevku</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused your change to %1 and it was undone: %2</source>
        <translation>Strežnik je zavrnil vašo spremembo pri %1, zato je bila razveljavljena: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change refused</source>
        <translation>Sprememba zavrnjena</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n updates on your tickets</source>
        <translation>
            <numerusform>%n posodobitev pri vaših zahtevkih</numerusform>
            <numerusform>%n posodobitvi pri vaših zahtevkih</numerusform>
            <numerusform>%n posodobitve pri vaših zahtevkih</numerusform>
            <numerusform>%n posodobitev pri vaših zahtevkih</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sync state</source>
        <translation>Stanje sinhronizacije</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Uploaded %1</source>
        <translation>Poslano: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploading %1: %2 of %3</source>
        <translation>Pošiljanje %1: %2 od %3</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Signed out. Your local data and waiting changes stay.</source>
        <translation>Odjavljeni ste. Lokalni podatki in čakajoče spremembe ostanejo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not sign out: %1</source>
        <translation>Odjava ni uspela: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open %1</source>
        <translation>Odpri %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>Shrani kot…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save attachment</source>
        <translation>Shrani priponko</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fetching %1…</source>
        <translation>Prenašanje %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fetching %1: %2 of %3</source>
        <translation>Prenašanje %1: %2 od %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not write %1</source>
        <translation>%1 ni bilo mogoče zapisati</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not fetch the attachment: %1</source>
        <translation>Priponke ni bilo mogoče prenesti: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>Shranjeno: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nobody (unassign)</source>
        <translation>Nihče (odstrani dodelitev)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assign</source>
        <translation>Dodeli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assign to:</source>
        <translation>Dodeli agentu:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Brez</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category (choose one or type a new one):</source>
        <translation>Kategorija (izberite ali vpišite novo):</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tags</source>
        <translation>Oznake</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags to add, or to remove with a leading minus (vip -spam):</source>
        <translation>Oznake za dodajanje ali, z minusom spredaj, za odstranitev (vip -spam):</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merge</source>
        <translation>Združi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Poveži</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge this ticket into ticket number:</source>
        <translation>Združi ta zahtevek v zahtevek številka:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link with ticket number:</source>
        <translation>Poveži z zahtevkom številka:</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Reminder</source>
        <translation>Opomnik</translation>
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
        <translation>Počisti</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open a profile (a Pult data directory)</source>
        <translation>Odpri profil (podatkovno mapo Pult)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not start another window.</source>
        <translation>Drugega okna ni bilo mogoče zagnati.</translation>
    </message>
</context>
<context>
    <name>Pult::NoticeMenu</name>
    <message>
        <location filename="../ui/noticemenu.cpp" line="+10"/>
        <location line="+41"/>
        <source>&amp;Notices</source>
        <translation>&amp;Obvestila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Notices (%1)</source>
        <translation>&amp;Obvestila (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No notices: automation rules that notify you put them here</source>
        <translation>Ni obvestil: sem jih pošiljajo pravila avtomatizacije, ki vas obveščajo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a ticket</source>
        <translation>zahtevek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · rule “%2” · %3</source>
        <translation>%1 · pravilo »%2« · %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Mark all as read</source>
        <translation>&amp;Označi vse kot prebrano</translation>
    </message>
</context>
<context>
    <name>Pult::RuleSettings</name>
    <message>
        <location filename="../ui/rulesettings.cpp" line="+34"/>
        <source>%1, column %2: %3</source>
        <translation>%1, stolpec %2: %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Enabled</source>
        <translation>&amp;Vključeno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top: no later rule runs for the same event</source>
        <translation>&amp;Ustavi: za isti dogodek se ne izvede nobeno poznejše pravilo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Shrani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Odstrani</translation>
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
        <translation>Ime</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Oddelek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Kdaj</translation>
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
        <translation>Vsi oddelki</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Rules run in ascending position, then by name.</source>
        <translation>Pravila se izvajajo po naraščajočem položaju, nato po imenu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When a ticket is created, the customer or an agent writes, a field changes or a time passes; if it matches the filter (empty: every ticket); then set fields, add or remove tags, add a note, reply with a canned response or notify someone. The words are those of pultctl rule (docs/automation.md).</source>
        <translation>Ko je zahtevek ustvarjen, ko piše stranka ali agent, ko se polje spremeni ali preteče čas; če ustreza filtru (prazno: vsak zahtevek); potem nastavi polja, doda ali odstrani oznake, doda opombo, odgovori s pripravljenim odgovorom ali koga obvesti. Besede so iste kot pri pultctl rule (docs/automation.md).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Ime:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>&amp;Oddelek:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When:</source>
        <translation>&amp;Kdaj:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;If:</source>
        <translation>Č&amp;e:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;hen:</source>
        <translation>&amp;Potem:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Position:</source>
        <translation>Po&amp;ložaj:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New rule</source>
        <translation>&amp;Novo pravilo</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The rules come from the server: %1</source>
        <translation>Pravila prihajajo s strežnika: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>another department</source>
        <translation>drug oddelek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>Vključeno</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Izključeno</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>A rule needs a name.</source>
        <translation>Pravilo potrebuje ime.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the trigger</source>
        <translation>sprožilec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the condition, %1</source>
        <translation>pogoj, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the actions</source>
        <translation>dejanja</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rule &quot;%1&quot; added.</source>
        <translation>Pravilo „%1“ je dodano.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule &quot;%1&quot; saved.</source>
        <translation>Pravilo „%1“ je shranjeno.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rule &quot;%1&quot; removed.</source>
        <translation>Pravilo „%1“ je odstranjeno.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Shranjevanje…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server refused the change: %1</source>
        <translation>Strežnik je zavrnil spremembo: %1</translation>
    </message>
</context>
<context>
    <name>Pult::SettingVerdict</name>
    <message>
        <location filename="../ui/settingverdict.cpp" line="+27"/>
        <source>Offline: the change waits and goes to the server when it is back.</source>
        <translation>Brez povezave: sprememba počaka in gre na strežnik, ko bo spet dosegljiv.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving…</source>
        <translation>Shranjevanje…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The change waits until you sign in.</source>
        <translation>Sprememba počaka, dokler se ne prijavite.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server refused the change: %1</source>
        <translation>Strežnik je zavrnil spremembo: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved.</source>
        <translation>Shranjeno.</translation>
    </message>
</context>
<context>
    <name>Pult::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+18"/>
        <source>Sign in to Pult</source>
        <translation>Prijava v Pult</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server</source>
        <translation>Strežnik</translation>
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
        <translation>Geslo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in</source>
        <translation>Prijavi se</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Server:</source>
        <translation>&amp;Strežnik:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-pošta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Geslo:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Signing in…</source>
        <translation>Prijavljanje…</translation>
    </message>
</context>
<context>
    <name>Pult::TicketActions</name>
    <message>
        <location filename="../ui/ticketactions.cpp" line="+26"/>
        <source>Nobody is signed in on this profile.</source>
        <translation>V tem profilu ni prijavljen nihče.</translation>
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
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>overdue %1</source>
        <comment>SLA deadline passed by a time</comment>
        <translation>zamuda %1</translation>
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
        <translation>Nedodeljeno</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Your changes to this ticket wait to be sent to the server.</source>
        <translation>Vaše spremembe tega zahtevka čakajo na pošiljanje na strežnik.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server gives this ticket its number when it syncs.</source>
        <translation>Strežnik bo zahtevku dodelil številko ob sinhronizaciji.</translation>
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
        <translation>Zadeva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requester</source>
        <translation>Stranka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Prioriteta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignee</source>
        <translation>Dodeljeni agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>Oddelek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Posodobljeno</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket number</source>
        <translation>Številka zahtevka</translation>
    </message>
</context>
<context>
    <name>Pult::TicketPane</name>
    <message>
        <location filename="../ui/ticketpane.cpp" line="+32"/>
        <source>Ticket conversation</source>
        <translation>Pogovor v zahtevku</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a ticket to read it.
j and k move through the list.</source>
        <translation>Izberite zahtevek, da ga preberete.
S tipkama j in k se premikate po seznamu.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This ticket could not be read from the local store:
%1</source>
        <translation>Zahtevka ni bilo mogoče prebrati iz lokalne shrambe:
%1</translation>
    </message>
</context>
<context>
    <name>Pult::ViewListModel</name>
    <message>
        <location filename="../ui/viewlistmodel.cpp" line="+52"/>
        <source>Views</source>
        <translation>Pogledi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My tickets</source>
        <translation>Moji zahtevki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work assigned to you: new, open, pending and on-hold tickets</source>
        <translation>Odprto delo, dodeljeno vam: zahtevki v stanju nov, odprt, čaka na stranko in na čakanju</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unassigned</source>
        <translation>Nedodeljeni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work nobody has taken yet</source>
        <translation>Odprto delo, ki ga še nihče ni prevzel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My departments</source>
        <translation>Moji oddelki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work in the departments you belong to</source>
        <translation>Odprto delo v oddelkih, katerih član ste</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pending</source>
        <translation>Čaka na stranko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the customer&apos;s answer</source>
        <translation>Čaka na odgovor stranke</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Breaching soon</source>
        <translation>Tik pred rokom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your tickets whose SLA deadline is due within two hours, the most urgent first</source>
        <translation>Vaši zahtevki, katerih rok SLA poteče v dveh urah, najnujnejši prvi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solved</source>
        <translation>Rešeni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solved and closed tickets</source>
        <translation>Rešeni in zaprti zahtevki</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All I can see</source>
        <translation>Vse, kar vidim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every ticket in your cache, whatever its status</source>
        <translation>Vsi zahtevki v vašem predpomnilniku ne glede na stanje</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Departments</source>
        <translation>Oddelki</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open work in %1: new, open, pending and on-hold tickets</source>
        <translation>Odprto delo v oddelku %1: zahtevki v stanju nov, odprt, čaka na stranko in na čakanju</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shared views</source>
        <translation>Skupni pogledi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everyone</source>
        <translation>vsi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shared with %1: %2</source>
        <translation>V skupni rabi (%1): %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+260"/>
        <source>Saved filters</source>
        <translation>Shranjeni filtri</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The saved filters could not be read: %1</source>
        <translation>Shranjenih filtrov ni bilo mogoče prebrati: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A saved filter needs a name.</source>
        <translation>Shranjeni filter potrebuje ime.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An empty filter cannot be saved.</source>
        <translation>Praznega filtra ni mogoče shraniti.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>There is no saved filter &quot;%1&quot;.</source>
        <translation>Shranjenega filtra „%1“ ni.</translation>
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
        <translation>&amp;Shrani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Odstrani</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared views</source>
        <translation>Skupni pogledi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Ime</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shown to</source>
        <translation>Prikazan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+49"/>
        <source>The agents of %1</source>
        <translation>Agenti oddelka %1</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+44"/>
        <source>Everyone</source>
        <translation>Vsi</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>&amp;Name:</source>
        <translation>&amp;Ime:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown &amp;to:</source>
        <translation>&amp;Prikazan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New view</source>
        <translation>&amp;Nov pogled</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>another department</source>
        <translation>drug oddelek</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A view needs a name.</source>
        <translation>Pogled potrebuje ime.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A view needs a filter.</source>
        <translation>Pogled potrebuje filter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <location filename="../ui/storeopener.cpp" line="+22"/>
        <source>Pult cannot open its local data in %1.</source>
        <translation>Pult ne more odpreti svojih lokalnih podatkov v %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The local copy of your help desk data is damaged.</source>
        <translation>Lokalna kopija podatkov vaše službe za pomoč uporabnikom je poškodovana.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server keeps everything that was synced. Repair moves the damaged file aside (it is not deleted), starts a fresh local copy that keeps your changes not yet sent, and fetches the rest from the server again.</source>
        <translation>Strežnik hrani vse, kar je bilo sinhronizirano. „Popravi“ poškodovano datoteko premakne na stran (ne izbriše je), ustvari novo lokalno kopijo, ki ohrani vaše še neposlane spremembe, in preostalo znova prenese s strežnika.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repair</source>
        <translation>Popravi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Končaj</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local data could not be repaired.</source>
        <translation>Lokalnih podatkov ni bilo mogoče popraviti.</translation>
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
        <translation>Brez povezave — 1 sprememba čaka</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Offline — %n changes waiting</source>
        <translation>
            <numerusform>Brez povezave — %n sprememba čaka</numerusform>
            <numerusform>Brez povezave — %n spremembi čakata</numerusform>
            <numerusform>Brez povezave — %n spremembe čakajo</numerusform>
            <numerusform>Brez povezave — %n sprememb čaka</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Brez povezave</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing %1 %</source>
        <translation>Sinhronizacija %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing</source>
        <translation>Sinhronizacija</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synced — 1 change waiting</source>
        <translation>Sinhronizirano — 1 sprememba čaka</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synced — %n changes waiting</source>
        <translation>
            <numerusform>Sinhronizirano — %n sprememba čaka</numerusform>
            <numerusform>Sinhronizirano — %n spremembi čakata</numerusform>
            <numerusform>Sinhronizirano — %n spremembe čakajo</numerusform>
            <numerusform>Sinhronizirano — %n sprememb čaka</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced</source>
        <translation>Sinhronizirano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>Napaka: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/pult/main.cpp" line="+45"/>
        <source>Help desk agent workstation</source>
        <translation>Delovna postaja agenta službe za pomoč uporabnikom</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local data directory (default: $PULT_HOME, else the platform&apos;s application data location).</source>
        <translation>Lokalna podatkovna mapa (privzeto: $PULT_HOME, sicer mesto za podatke aplikacij na platformi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DIR</source>
        <translation>MAPA</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no data directory: pass --home DIR or set PULT_HOME</source>
        <translation>ni podatkovne mape: podajte --home MAPA ali nastavite PULT_HOME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open the local data in %1: %2</source>
        <translation>lokalnih podatkov v %1 ni mogoče odpreti: %2</translation>
    </message>
</context>
</TS>
