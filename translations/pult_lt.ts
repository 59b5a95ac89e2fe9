<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lt_LT">
<context>
    <name>ConversationRenderer</name>
    <message>
        <location filename="../ui/conversationrenderer.cpp" line="+223"/>
        <source>less than 1 min</source>
        <translation>mažiau nei 1 min.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 d</source>
        <comment>days</comment>
        <translation>%1 d.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <comment>days, hours</comment>
        <translation>%1 d. %2 val.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 h</source>
        <comment>hours</comment>
        <translation>%1 val.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <comment>hours, minutes</comment>
        <translation>%1 val. %2 min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <comment>minutes</comment>
        <translation>%1 min.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No messages in this ticket yet.</source>
        <translation>Šioje užklausoje dar nėra žinučių.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier message</source>
        <translation>
            <numerusform>Rodyti %n ankstesnę žinutę</numerusform>
            <numerusform>Rodyti %n ankstesnes žinutes</numerusform>
            <numerusform>Rodyti %n ankstesnių žinučių</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier messages</source>
        <translation>
            <numerusform>Rodyti %n ankstesnę žinutę</numerusform>
            <numerusform>Rodyti %n ankstesnes žinutes</numerusform>
            <numerusform>Rodyti %n ankstesnių žinučių</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+95"/>
        <source>(no subject)</source>
        <translation>(be temos)</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>%1 priority</source>
        <translation>%1 prioritetas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spam</source>
        <translation>Šlamštas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Requester: </source>
        <translation>Klientas: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>nežinomas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assignee: </source>
        <translation>Atsakingas agentas: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unassigned</source>
        <translation>nepriskirta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown agent</source>
        <translation>nežinomas agentas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created %1</source>
        <translation>Sukurta %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ticket %1</source>
        <translation>užklausa %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the local store yet</source>
        <translation>Dar nėra vietinėje saugykloje</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>solved %1 late</source>
        <translation>išspręsta pavėlavus %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered %1 late</source>
        <translation>atsakyta pavėlavus %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>met · solved %1</source>
        <translation>įvykdyta · išspręsta %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met · answered %1</source>
        <translation>įvykdyta · atsakyta %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stopped · the ticket is %1</source>
        <translation>neskaičiuojama · užklausos būsena: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>due %1</source>
        <translation>terminas %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue by %1</source>
        <translation>vėluojama %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 left · paused while %2</source>
        <translation>liko %1 · pristabdyta (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 left</source>
        <translation>liko %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ticket</source>
        <translation>Užklausa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First response</source>
        <translation>Pirmasis atsakymas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolution</source>
        <translation>Išsprendimas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>Terminas</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>in %1</source>
        <translation>po %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1 overdue</source>
        <translation>vėluojama %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reminder</source>
        <translation>Priminimas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ago</source>
        <translation>prieš %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tier</source>
        <translation>Lygis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satisfaction</source>
        <translation>Pasitenkinimas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 of 5</source>
        <translation>%1 %2 iš 5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>Žymos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged into</source>
        <translation>Sujungta į</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked</source>
        <translation>Susieta</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requester</source>
        <translation>Klientas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not in the local store</source>
        <translation>Nėra vietinėje saugykloje</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>bouncing since %1</source>
        <translation>laiškai grąžinami nuo %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bouncing since %1: %2</source>
        <comment>since when, the mail server&apos;s answer</comment>
        <translation>laiškai grąžinami nuo %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Phone</source>
        <translation>Telefonas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organizacija</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Planas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kalba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Laiko juosta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No other tickets</source>
        <translation>Kitų užklausų nėra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other tickets</source>
        <translation>Kitos užklausos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rule “%1”</source>
        <translation>Taisyklė „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automation</source>
        <translation>Automatika</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An unknown agent</source>
        <translation>Nežinomas agentas</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>an unknown agent</source>
        <translation>nežinomas agentas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown department</source>
        <translation>nežinomas skyrius</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>status</source>
        <translation>būsena</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>priority</source>
        <translation>prioritetas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assignee</source>
        <translation>atsakingas agentas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>department</source>
        <translation>skyrius</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tier</source>
        <translation>lygis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category</source>
        <translation>kategorija</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tags</source>
        <translation>žymos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due date</source>
        <translation>terminas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reminder</source>
        <translation>priminimas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subject</source>
        <translation>tema</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 created the ticket as %2</source>
        <translation>%1 sukūrė užklausą %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 created the ticket</source>
        <translation>%1 sukūrė užklausą</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 marked the ticket as spam</source>
        <translation>%1 pažymėjo užklausą kaip šlamštą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 marked the ticket as not spam</source>
        <translation>%1 pažymėjo, kad užklausa nėra šlamštas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 merged the ticket into %2</source>
        <translation>%1 sujungė užklausą į %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 notified %2</source>
        <translation>%1 pranešė: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rated the help %2 of 5</source>
        <translation>%1 įvertino pagalbą: %2 iš 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 removed the rating&apos;s comment</source>
        <translation>%1 pašalino įvertinimo komentarą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 commented on the rating</source>
        <translation>%1 pakomentavo įvertinimą</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 assigned the ticket to %2</source>
        <translation>%1 priskyrė užklausą: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 unassigned the ticket from %2</source>
        <translation>%1 atšaukė užklausos priskyrimą: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 reassigned the ticket from %2 to %3</source>
        <translation>%1 perskyrė užklausą: %2 → %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 set %2 to %3</source>
        <translation>%1 nustatė: %2 – %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cleared %2 (was %3)</source>
        <translation>%1 išvalė: %2 (buvo %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed %2 from %3 to %4</source>
        <translation>%1 pakeitė: %2 – %3 → %4</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>History</source>
        <translation>Istorija</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change</source>
        <translation>
            <numerusform>%n pakeitimas</numerusform>
            <numerusform>%n pakeitimai</numerusform>
            <numerusform>%n pakeitimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changes</source>
        <translation>
            <numerusform>%n pakeitimas</numerusform>
            <numerusform>%n pakeitimai</numerusform>
            <numerusform>%n pakeitimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier change</source>
        <translation>
            <numerusform>Rodyti %n ankstesnį pakeitimą</numerusform>
            <numerusform>Rodyti %n ankstesnius pakeitimus</numerusform>
            <numerusform>Rodyti %n ankstesnių pakeitimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier changes</source>
        <translation>
            <numerusform>Rodyti %n ankstesnį pakeitimą</numerusform>
            <numerusform>Rodyti %n ankstesnius pakeitimus</numerusform>
            <numerusform>Rodyti %n ankstesnių pakeitimų</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Customer</source>
        <translation>Klientas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reply</source>
        <translation>Atsakymas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Internal note · not visible to the customer</source>
        <translation>Vidinė pastaba · klientas jos nemato</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unknown</source>
        <translation>Nežinomas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plain text</source>
        <translation>Paprastas tekstas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as plain text</source>
        <translation>Rodyti šį laišką kaip paprastą tekstą</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formatted</source>
        <translation>Formatuotas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as it was formatted</source>
        <translation>Rodyti šį laišką su pradiniu formatavimu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attachments: </source>
        <translation>Priedai: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(unnamed)</source>
        <translation>(be pavadinimo)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open or save %1</source>
        <translation>Atidaryti arba išsaugoti %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open or save %1 (%2)</source>
        <translation>Atidaryti arba išsaugoti %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>… quoted text (%n line)</source>
        <translation>
            <numerusform>… cituojamas tekstas (%n eilutė)</numerusform>
            <numerusform>… cituojamas tekstas (%n eilutės)</numerusform>
            <numerusform>… cituojamas tekstas (%n eilučių)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>… quoted text (%n lines)</source>
        <translation>
            <numerusform>… cituojamas tekstas (%n eilutė)</numerusform>
            <numerusform>… cituojamas tekstas (%n eilutės)</numerusform>
            <numerusform>… cituojamas tekstas (%n eilučių)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+81"/>
        <source>Show the quoted text</source>
        <translation>Rodyti cituojamą tekstą</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+81"/>
        <source>Hide quoted text</source>
        <translation>Slėpti cituojamą tekstą</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Remote images are shown.</source>
        <translation>Nuotoliniai paveikslėliai rodomi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remote images are not shown. </source>
        <translation>Nuotoliniai paveikslėliai nerodomi. </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show remote images</source>
        <translation>Rodyti nuotolinius paveikslėlius</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching them tells the sender that the mail was read</source>
        <translation>Juos atsisiuntus, siuntėjas sužinos, kad laiškas perskaitytas</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>… quoted text</source>
        <translation>… cituojamas tekstas</translation>
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
        <translation>laukiama</translation>
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
        <translation>ką tik</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>prieš %n min.</numerusform>
            <numerusform>prieš %n min.</numerusform>
            <numerusform>prieš %n min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>prieš %n val.</numerusform>
            <numerusform>prieš %n val.</numerusform>
            <numerusform>prieš %n val.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yesterday</source>
        <translation>vakar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>d MMM</source>
        <comment>date in this year, QDate format</comment>
        <translation>MM-dd</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>d MMM yyyy</source>
        <comment>date in another year, QDate format</comment>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1, %2</source>
        <comment>date, time</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln ticket</source>
        <translation>
            <numerusform>%Ln užklausa</numerusform>
            <numerusform>%Ln užklausos</numerusform>
            <numerusform>%Ln užklausų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln tickets</source>
        <translation>
            <numerusform>%Ln užklausa</numerusform>
            <numerusform>%Ln užklausos</numerusform>
            <numerusform>%Ln užklausų</numerusform>
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
        <translation>%1 val.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 val. %2 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 d</source>
        <translation>%1 d.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 d. %2 val.</translation>
    </message>
    <message>
        <location filename="../ui/templatepreview.cpp" line="+13"/>
        <source>The invoice for March is missing</source>
        <translation>Trūksta kovo mėnesio sąskaitos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ana Novak</source>
        <translation>Ieva Kazlauskienė</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../core/labels.cpp" line="+9"/>
        <source>New</source>
        <translation>Nauja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Atvira</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Laukiama kliento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>Sustabdyta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solved</source>
        <translation>Išspręsta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Uždaryta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Low</source>
        <translation>Žemas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>Įprastas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>Aukštas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent</source>
        <translation>Skubus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Email</source>
        <translation>El. paštas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web form</source>
        <translation>Žiniatinklio forma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Telefonas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat</source>
        <translation>Pokalbis</translation>
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
        <translation>Nauja užklausa jums</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 replied</source>
        <translation>%1 atsakė</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reminder</source>
        <translation>Priminimas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SLA deadline missed</source>
        <translation>SLA terminas praleistas</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>SLA deadline in %n min</source>
        <translation>
            <numerusform>SLA terminas po %n min.</numerusform>
            <numerusform>SLA terminas po %n min.</numerusform>
            <numerusform>SLA terminas po %n min.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rule “%1”</source>
        <translation>Taisyklė „%1“</translation>
    </message>
</context>
<context>
    <name>Pult::AgentSettings</name>
    <message>
        <location filename="../ui/agentsettings.cpp" line="+32"/>
        <source>Agent</source>
        <translation>Agentas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead</source>
        <translation>Komandos vadovas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <translation>Administratorius</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Add agent</source>
        <translation>&amp;Pridėti agentą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>Iš&amp;saugoti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open tickets</source>
        <translation>&amp;Atviros užklausos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agents</source>
        <translation>Agentai</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Vardas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>El. paštas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rolė</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Departments</source>
        <translation>Skyriai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The agent&apos;s place in the order assignment gives tickets in when it finds agents equal: 1 is the most senior. The others keep their order around it.</source>
        <translation>Agento vieta tvarkoje, kuria skirstymas duoda užklausas, kai agentai lygūs: 1 – vyriausias. Kiti išlaiko savo tvarką aplink jį.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department</source>
        <translation>Skyrius</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>Lygis</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The support tier the agent works at in this department: tickets escalated to a tier go to its agents.</source>
        <translation>Pagalbos lygis, kuriame agentas dirba šiame skyriuje: į lygį perduotos užklausos tenka jo agentams.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;El. paštas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Vardas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rolė:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seniorit&amp;y:</source>
        <translation>Sta&amp;žas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;partments:</source>
        <translation>S&amp;kyriai:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the agent&apos;s tickets that are not solved yet in the inbox, to hand them on.</source>
        <translation>Gautuosiuose parodo dar neišspręstas agento užklausas, kad galėtumėte jas perduoti kitiems.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The list of agents comes from the server: %1</source>
        <translation>Agentų sąrašas gaunamas iš serverio: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>another department</source>
        <translation>kitas skyrius</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (tier %2)</source>
        <translation>%1 (%2 lygis)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Active</source>
        <translation>Aktyvus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>Deaktyvuotas</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktyvuoti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reac&amp;tivate</source>
        <translation>Vėl ak&amp;tyvuoti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deactivated agent is signed out everywhere at once and cannot sign in; their tickets stay assigned to them until handed on.</source>
        <translation>Deaktyvuotas agentas iš karto atjungiamas visur ir negali prisijungti; jo užklausos lieka jam priskirtos, kol jų neperduosite kitiems.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An agent needs a name.</source>
        <translation>Agentas turi turėti vardą.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>„%1“ nėra el. pašto adresas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adding…</source>
        <translation>Pridedama…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The agent was not added: %1</source>
        <translation>Agentas nepridėtas: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added. Tell %1 their password, which is shown only now:</source>
        <translation>Pridėta. Praneškite %1 slaptažodį, kuris rodomas tik dabar:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing changed.</source>
        <translation>Niekas nepakeista.</translation>
    </message>
</context>
<context>
    <name>Pult::BusinessHoursEditor</name>
    <message>
        <location filename="../ui/businesshourseditor.cpp" line="+47"/>
        <source>Every year</source>
        <translation>Kasmet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time &amp;zone:</source>
        <translation>Laiko &amp;juosta:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closed</source>
        <translation>nedirba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours as HH:MM-HH:MM, several separated by commas, e.g. 08:00-12:00, 13:00-16:00. Empty: closed all day.</source>
        <translation>Darbo laikas formatu HH:MM-HH:MM, kelis intervalus atskirkite kableliais, pvz., 08:00-12:00, 13:00-16:00. Tuščia: nedirba visą dieną.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Same on &amp;weekdays</source>
        <translation>Tas pats &amp;darbo dienomis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give Tuesday to Friday Monday&apos;s hours.</source>
        <translation>Nuo antradienio iki penktadienio nustatyti pirmadienio darbo laiką.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add holiday</source>
        <translation>&amp;Pridėti šventę</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remo&amp;ve</source>
        <translation>Pa&amp;šalinti</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Holidays:</source>
        <translation>Šventės:</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1, every year</source>
        <translation>%1, kasmet</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Time zone: there is no time zone &quot;%1&quot;.</source>
        <translation>Laiko juosta: laiko juostos „%1“ nėra.</translation>
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
        <translation>Įterpti paruoštą atsakymą</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search canned responses</source>
        <translation>Ieškoti paruoštų atsakymų</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a title or shortcut</source>
        <translation>Įveskite pavadinimą arba trumpinį</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Canned responses</source>
        <translation>Paruošti atsakymai</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation>Peržiūra</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter inserts; placeholders are filled in for this ticket.</source>
        <translation>Enter įterpia; kintamieji užpildomi pagal šią užklausą.</translation>
    </message>
</context>
<context>
    <name>Pult::CannedSettings</name>
    <message>
        <location filename="../ui/cannedsettings.cpp" line="+42"/>
        <source>&amp;Save</source>
        <translation>Iš&amp;saugoti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>Pa&amp;šalinti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canned responses</source>
        <translation>Paruošti atsakymai</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Trumpinys</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Kam</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. refund</source>
        <translation>pvz., grąžinimas</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+74"/>
        <source>Only me</source>
        <translation>Tik aš</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+73"/>
        <source>The agents of %1</source>
        <translation>Skyriaus %1 agentai</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+61"/>
        <source>Everyone</source>
        <translation>Visi</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>&amp;Title:</source>
        <translation>&amp;Pavadinimas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hortcut:</source>
        <translation>&amp;Trumpinys:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;Kam:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text:</source>
        <translation>T&amp;ekstas:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{agent.name}} are filled in for the ticket it is inserted into (docs/templates.md).</source>
        <translation>Kintamieji, tokie kaip {{customer.first_name}}, {{ticket.number}} ir {{agent.name}}, užpildomi užklausai, į kurią atsakymas įterpiamas (docs/templates.md).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview:</source>
        <translation>Peržiūra:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New response</source>
        <translation>&amp;Naujas atsakymas</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>another department</source>
        <translation>kitas skyrius</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>A canned response needs a title.</source>
        <translation>Paruoštas atsakymas turi turėti pavadinimą.</translation>
    </message>
</context>
<context>
    <name>Pult::ChangesDialog</name>
    <message>
        <location filename="../ui/changesdialog.cpp" line="+34"/>
        <source>Waiting and refused changes</source>
        <translation>Laukiantys ir atmesti pakeitimai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting changes go to the server in this order; a refused change was undone here. Retry sends a refused change again; Discard drops a change (a waiting one is undone here).</source>
        <translation>Laukiantys pakeitimai siunčiami į serverį šia tvarka; atmestas pakeitimas čia buvo atšauktas. „Kartoti“ dar kartą siunčia atmestą pakeitimą; „Atsisakyti“ pašalina pakeitimą (laukiantis čia atšaukiamas).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>Kada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Pakeitimas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket</source>
        <translation>Užklausa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>&amp;Kartoti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Discard</source>
        <translation>&amp;Atsisakyti</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>new: %1</source>
        <translation>nauja: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting</source>
        <translation>Laukia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused: %1 (%2)</source>
        <translation>Atmesta: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="+412"/>
        <source>Command palette</source>
        <translation>Komandų paletė</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a command, a view or a ticket number</source>
        <translation>Įveskite komandą, rodinį arba užklausos numerį</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Komanda</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Matching commands</source>
        <translation>Atitinkančios komandos</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPaletteModel</name>
    <message>
        <location line="-195"/>
        <source>View</source>
        <comment>a view of the sidebar, in the command palette</comment>
        <translation>Rodinys</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Open ticket #%1</source>
        <translation>Atidaryti užklausą #%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unavailable</source>
        <comment>a command that cannot run now</comment>
        <translation>nepasiekiama</translation>
    </message>
</context>
<context>
    <name>Pult::Composer</name>
    <message>
        <location filename="../ui/composer.cpp" line="+50"/>
        <source>&amp;Reply</source>
        <translation>&amp;Atsakymas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reply the customer reads (R)</source>
        <translation>Atsakymas, kurį perskaitys klientas (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal &amp;note</source>
        <translation>Vidinė &amp;pastaba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A note only agents see (N)</source>
        <translation>Pastaba, kurią mato tik agentai (N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Canned response…</source>
        <translation>Paruoštas atsakymas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a canned response (Ctrl+Shift+I)</source>
        <translation>Įterpti paruoštą atsakymą (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach…</source>
        <translation>Pridėti…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach files to the message</source>
        <translation>Pridėti failus prie žinutės</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message text</source>
        <translation>Žinutės tekstas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Send</source>
        <translation>Siųsti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Siųsti (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send and set %1</source>
        <translation>Siųsti ir nustatyti: %1</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Write a reply to the customer…</source>
        <translation>Rašykite atsakymą klientui…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an internal note for agents…</source>
        <translation>Rašykite vidinę pastabą agentams…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send reply</source>
        <translation>Siųsti atsakymą</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add note</source>
        <translation>Pridėti pastabą</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the %1 header</source>
        <translation>skyriaus „%1“ antrašte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 footer</source>
        <translation>skyriaus „%1“ porašte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your signature</source>
        <translation>jūsų parašu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent with %1.</source>
        <translation>Siunčiama su %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[your reply]</source>
        <translation>[jūsų atsakymas]</translation>
    </message>
    <message numerus="yes">
        <location line="+100"/>
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>Pridedamas %n failas…</numerusform>
            <numerusform>Pridedami %n failai…</numerusform>
            <numerusform>Pridedama %n failų…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The attached files are still being copied; send again in a moment</source>
        <translation>Pridėti failai dar kopijuojami; po akimirkos siųskite dar kartą</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Attach files</source>
        <translation>Pridėti failus</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attached: %1</source>
        <translation>Pridėta: %1</translation>
    </message>
</context>
<context>
    <name>Pult::Dashboard</name>
    <message>
        <location filename="../ui/dashboard.cpp" line="+105"/>
        <source>Dashboard</source>
        <translation>Suvestinė</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today</source>
        <translation>Šiandien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Paskutinės 7 dienos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Paskutinės 30 dienų</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates…</source>
        <translation>Datos…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All departments</source>
        <translation>Visi skyriai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All my departments</source>
        <translation>Visi mano skyriai</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export &amp;CSV…</source>
        <translation>Eksportuoti &amp;CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;PDF…</source>
        <translation>Eksportuoti &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>Įkelti iš &amp;naujo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period:</source>
        <translation>Laikotarpis:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department:</source>
        <translation>Skyrius:</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+247"/>
        <location line="+26"/>
        <source>Active now</source>
        <translation>Dabar aktyvios</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+247"/>
        <location line="+103"/>
        <source>Created</source>
        <translation>Sukurtos</translation>
    </message>
    <message>
        <location line="-349"/>
        <location line="+247"/>
        <location line="+25"/>
        <location line="+78"/>
        <source>Solved</source>
        <translation>Išspręstos</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Reopened</source>
        <translation>Vėl atidarytos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response</source>
        <translation>Pirmasis atsakymas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Išsprendimas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA met</source>
        <translation>SLA įvykdyta</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+523"/>
        <source>Satisfaction</source>
        <translation>Pasitenkinimas</translation>
    </message>
    <message>
        <location line="-412"/>
        <source>Choose dates at most ten years apart.</source>
        <translation>Pasirinkite datas, tarp kurių ne daugiau kaip dešimt metų.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computing…</source>
        <translation>Skaičiuojama…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The figures cannot be computed: %1</source>
        <translation>Rodiklių apskaičiuoti nepavyko: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computed at %1 from the local data</source>
        <translation>Apskaičiuota %1 iš vietinių duomenų</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 older than a week</source>
        <translation>%1 senesnės nei savaitė</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active tickets by status</source>
        <translation>Aktyvios užklausos pagal būseną</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Tickets</source>
        <translation>Užklausos</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Active tickets by age</source>
        <translation>Aktyvios užklausos pagal amžių</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 1 day</source>
        <translation>&lt; 1 d.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1–3 days</source>
        <translation>1–3 d.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3–7 days</source>
        <translation>3–7 d.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>7–30 days</source>
        <translation>7–30 d.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; 30 days</source>
        <translation>&gt; 30 d.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Departments</source>
        <translation>Skyriai</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(unknown agent)</source>
        <translation>(nežinomas agentas)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 % of the solved</source>
        <translation>%1 % išspręstų</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none in the period</source>
        <translation>šiuo laikotarpiu nėra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>median; 90 % within %1</source>
        <translation>mediana; 90 % per %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>resolution; first response %1</source>
        <translation>išsprendimas; pirmasis atsakymas %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>of 5, %Ln rating</source>
        <translation>
            <numerusform>iš 5, %Ln įvertinimas</numerusform>
            <numerusform>iš 5, %Ln įvertinimai</numerusform>
            <numerusform>iš 5, %Ln įvertinimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>of 5, %Ln ratings</source>
        <translation>
            <numerusform>iš 5, %Ln įvertinimas</numerusform>
            <numerusform>iš 5, %Ln įvertinimai</numerusform>
            <numerusform>iš 5, %Ln įvertinimų</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Created and solved per %Ln days</source>
        <translation>
            <numerusform>Sukurtos ir išspręstos per %Ln dieną</numerusform>
            <numerusform>Sukurtos ir išspręstos per %Ln dienas</numerusform>
            <numerusform>Sukurtos ir išspręstos per %Ln dienų</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Created and solved per day</source>
        <translation>Sukurtos ir išspręstos per dieną</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Agents</source>
        <translation>Agentai</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Goal %1 % within %2: %3</source>
        <translation>Tikslas %1 % per %2: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goal at least %1</source>
        <translation>Tikslas ne mažiau kaip %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: the share within the time, and satisfaction</source>
        <translation>Tikslai: dalis per nustatytą laiką ir pasitenkinimas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals: the share within the time</source>
        <translation>Tikslai: dalis per nustatytą laiką</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Goal: %1 %</source>
        <translation>Tikslas: %1 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>First response within %1</source>
        <translation>Pirmasis atsakymas per %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution within %1</source>
        <translation>Išsprendimas per %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rating</source>
        <translation>Įvertinimas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Goal: at least %1</source>
        <translation>Tikslas: ne mažiau kaip %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1, %2: %3. Click to list the tickets.</source>
        <translation>%1, %2: %3. Spustelėkite, kad pamatytumėte užklausas.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Export the figures as CSV</source>
        <translation>Eksportuoti rodiklius kaip CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export the figures as PDF</source>
        <translation>Eksportuoti rodiklius kaip PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV failai (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF failai (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1</source>
        <translation>Išsaugota: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 cannot be written: %2</source>
        <translation>Nepavyko įrašyti %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, %2 to %3</source>
        <translation>%1, nuo %2 iki %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <source>%1 cannot be written</source>
        <translation>Nepavyko įrašyti %1</translation>
    </message>
</context>
<context>
    <name>Pult::DepartmentSettings</name>
    <message>
        <location filename="../ui/departmentsettings.cpp" line="+57"/>
        <source>Oldest first</source>
        <translation>Seniausios pirmiausia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest priority, then oldest</source>
        <translation>Aukščiausias prioritetas, tada seniausios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer plan, then priority</source>
        <translation>Kliento planas, tada prioritetas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest SLA deadline first</source>
        <translation>Artimiausias SLA terminas pirmiausia</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;New department</source>
        <translation>&amp;Naujas skyrius</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask the customer to rate the answer when a ticket is so&amp;lved</source>
        <translation>Kai užklausa iš&amp;spręsta, paprašyti kliento įvertinti atsakymą</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customers may write in with the &amp;web form</source>
        <translation>Klientai gali rašyti per &amp;žiniatinklio formą</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>Iš&amp;saugoti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>Pa&amp;šalinti…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Departments</source>
        <translation>Skyriai</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>support@example.com</source>
        <translation>pagalba@example.com</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Name:</source>
        <translation>&amp;Pavadinimas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresas:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address customers write to; replies are sent from it.</source>
        <translation>Adresas, kuriuo rašo klientai; atsakymai siunčiami iš jo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order:</source>
        <translation>&amp;Eilės tvarka:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Goals:</source>
        <translation>&amp;Tikslai:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the dashboard measures the department against: a share of first responses and of resolutions within a time, and the average satisfaction. Each is optional.</source>
        <translation>Su kuo suvestinė lygina skyrių: pirmųjų atsakymų ir išsprendimų per nustatytą laiką dalis ir vidutinis pasitenkinimas. Kiekvienas tikslas neprivalomas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>General</source>
        <translation>Bendra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business hours</source>
        <translation>Darbo laikas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Targets per priority, counted in business hours unless the policy ends with &quot;calendar&quot;. For example:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</source>
        <translation>Tikslai pagal prioritetą, skaičiuojami darbo laiku, nebent taisyklės baigiasi žodžiu „calendar“. Pavyzdžiui:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLA policy</source>
        <translation>SLA taisyklės</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By hand</source>
        <translation>Rankiniu būdu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In turn (round robin)</source>
        <translation>Paeiliui (ratu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the least loaded agent</source>
        <translation>Mažiausiai apkrautam agentui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>be ribos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New tickets are &amp;assigned:</source>
        <translation>Naujos užklausos &amp;priskiriamos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most open &amp;tickets per agent:</source>
        <translation>Daugiausia atvirų &amp;užklausų agentui:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An agent holding this many open tickets is passed by when new ones are assigned in turn or to the least loaded.</source>
        <translation>Agentas, turintis tiek atvirų užklausų, praleidžiamas, kai naujos priskiriamos paeiliui ar mažiausiai apkrautam.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Survey &amp;sent after:</source>
        <translation>Apklausa &amp;siunčiama po:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-&amp;reply:</source>
        <translation>Automatinis &amp;atsakymas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-reply &amp;outside hours:</source>
        <translation>Automatinis atsakymas &amp;ne darbo metu:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the customer when their mail opens a ticket; outside business hours the second is sent, or the first when it is empty. Empty: none.</source>
        <translation>Siunčiamas klientui, kai jo laiškas sukuria užklausą; ne darbo metu siunčiamas antrasis arba, jei jis tuščias, pirmasis. Tuščia: nesiunčiama.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assignment and customers</source>
        <translation>Priskyrimas ir klientai</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>C&amp;hoose…</source>
        <translation>Pasi&amp;rinkti…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Language:</source>
        <translation>&amp;Kalba:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colo&amp;ur:</source>
        <translation>Spal&amp;va:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sites that &amp;embed it:</source>
        <translation>Svetainės, kurios ją į&amp;terpia:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The contact form and the status page of a ticket speak the customer&apos;s language when their browser names one of these, else this one, and wear this colour. Sites that may show the form in a frame: their origins, separated by spaces.</source>
        <translation>Kontaktų forma ir užklausos būsenos puslapis kalba kliento kalba, jei jo naršyklė nurodo vieną iš šių, kitaip – šia, ir yra šios spalvos. Svetainės, kurios gali rodyti formą rėmelyje: jų kilmės, atskirtos tarpais.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer pages</source>
        <translation>Klientų puslapiai</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Header:</source>
        <translation>&amp;Antraštė:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Footer:</source>
        <translation>&amp;Poraštė:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put above and below every reply sent for the department. Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{department.hours}} are filled in for each ticket.</source>
        <translation>Įterpiama virš ir po kiekvieno skyriaus vardu siunčiamo atsakymo. Kintamieji, tokie kaip {{customer.first_name}}, {{ticket.number}} ir {{department.hours}}, užpildomi kiekvienai užklausai.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview:</source>
        <translation>Peržiūra:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies</source>
        <translation>Atsakymai</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mailboxes</source>
        <translation>Pašto dėžutės</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Only an admin changes this.</source>
        <translation>Tai gali pakeisti tik administratorius.</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Reading these settings from the server…</source>
        <translation>Šie nustatymai skaitomi iš serverio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These settings are kept on the server, which could not be read: %1</source>
        <translation>Šie nustatymai saugomi serveryje, kurio nepavyko perskaityti: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name: a department needs a name.</source>
        <translation>Pavadinimas: skyrius turi turėti pavadinimą.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Adresas: „%1“ nėra el. pašto adresas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Business hours: %1</source>
        <translation>Darbo laikas: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SLA policy: %1</source>
        <translation>SLA taisyklės: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Header</source>
        <translation>Antraštė</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Poraštė</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-reply</source>
        <translation>Automatinis atsakymas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-reply outside hours</source>
        <translation>Automatinis atsakymas ne darbo metu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Colour: &quot;%1&quot; is not a colour written #rrggbb.</source>
        <translation>Spalva: „%1“ nėra spalva, užrašyta #rrggbb.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sites that embed it: &quot;%1&quot; is not an origin such as https://www.example.com.</source>
        <translation>Svetainės, kurios ją įterpia: „%1“ nėra kilmė, pvz., https://www.example.com.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: %1</source>
        <translation>Tikslai: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(Your reply.)</source>
        <translation>(Jūsų atsakymas.)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The auto-reply to a new ticket:</source>
        <translation>Automatinis atsakymas į naują užklausą:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved changes</source>
        <translation>Neišsaugoti pakeitimai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your changes to %1?</source>
        <translation>Atmesti pakeitimus (%1)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the new department</source>
        <translation>naujas skyrius</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mend the errors above first.</source>
        <translation>Pirmiausia ištaisykite aukščiau nurodytas klaidas.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove department</source>
        <translation>Pašalinti skyrių</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the department %1? Its tickets, canned responses, shared views and mailboxes move to the department chosen here, and its rules too, switched off for its lead to look at. Its agents leave it. This cannot be undone.</source>
        <translation>Pašalinti skyrių %1? Jo užklausos, paruošti atsakymai, bendri rodiniai ir pašto dėžutės perkeliami į čia pasirinktą skyrių, taip pat ir jo taisyklės, tačiau išjungtos, kad vadovas jas peržiūrėtų. Jo agentai iš jo išeina. To negalima atšaukti.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Move them to:</source>
        <translation>&amp;Perkelti į:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>Pa&amp;šalinti</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Removing…</source>
        <translation>Šalinama…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server refused the change: %1</source>
        <translation>Serveris atmetė pakeitimą: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 removed; %n ticket moved to %2.</source>
        <translation>
            <numerusform>Skyrius %1 pašalintas; %n užklausa perkelta į skyrių %2.</numerusform>
            <numerusform>Skyrius %1 pašalintas; %n užklausos perkeltos į skyrių %2.</numerusform>
            <numerusform>Skyrius %1 pašalintas; %n užklausų perkelta į skyrių %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 removed; %n tickets moved to %2.</source>
        <translation>
            <numerusform>Skyrius %1 pašalintas; %n užklausa perkelta į skyrių %2.</numerusform>
            <numerusform>Skyrius %1 pašalintas; %n užklausos perkeltos į skyrių %2.</numerusform>
            <numerusform>Skyrius %1 pašalintas; %n užklausų perkelta į skyrių %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pult::FilterBar</name>
    <message>
        <location filename="../ui/filterbar.cpp" line="+125"/>
        <source>Filter, e.g. status:open assignee:me priority&gt;=high</source>
        <translation>Filtras, pvz., status:open assignee:me priority&gt;=high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>Filtras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a filter such as status:open assignee:me; Enter applies it, Tab accepts a suggestion</source>
        <translation>Įveskite filtrą, pvz., status:open assignee:me; Enter jį pritaiko, Tab priima pasiūlymą</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the inbox: fields such as status:, assignee:, priority&gt;=, tag: and plain words. Ctrl+Space shows suggestions.</source>
        <translation>Filtruoti gautuosius: laukai, pvz., status:, assignee:, priority&gt;=, tag: ir paprasti žodžiai. Ctrl+Space rodo pasiūlymus.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as view…</source>
        <translation>Išsaugoti kaip rodinį…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this filter as a view in the sidebar</source>
        <translation>Išsaugoti šį filtrą kaip rodinį šoninėje juostoje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save filter as view</source>
        <translation>Išsaugoti filtrą kaip rodinį</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>Išvalyti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the filter</source>
        <translation>Išvalyti filtrą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filter</source>
        <translation>Išvalyti filtrą</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter error</source>
        <translation>Filtro klaida</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter suggestions</source>
        <translation>Filtro pasiūlymai</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>%1 (inserts %2)</source>
        <comment>completion label, inserted text</comment>
        <translation>%1 (įterpia %2)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>column %1: %2</source>
        <comment>filter error: column, message</comment>
        <translation>stulpelis %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — did you mean &quot;%2&quot;?</source>
        <comment>filter error, suggestion</comment>
        <translation>%1 — ar turėjote omenyje „%2“?</translation>
    </message>
</context>
<context>
    <name>Pult::MailboxEditor</name>
    <message>
        <location filename="../ui/mailboxeditor.cpp" line="+29"/>
        <source>not a %1 address</source>
        <translation>ne %1 adresas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give the user name before the host, as %1://USER@HOST</source>
        <translation>prieš serverį nurodykite naudotojo vardą, kaip %1://NAUDOTOJAS@SERVERIS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>put the password in its own field, not in the address</source>
        <translation>slaptažodį įrašykite į jam skirtą lauką, ne į adresą</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use S&amp;TARTTLS on imap:// and smtp:// addresses</source>
        <translation>Naudoti S&amp;TARTTLS imap:// ir smtp:// adresams</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New mai&amp;lbox</source>
        <translation>Nauja pašto dėž&amp;utė</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save mail&amp;box</source>
        <translation>Išsaugoti pašto dėžut&amp;ę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove mailbo&amp;x</source>
        <translation>Pašalinti pašt&amp;o dėžutę</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address</source>
        <translation>Adresas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Mark it as read</source>
        <translation>Pažymėti kaip perskaitytą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete it</source>
        <translation>Ištrinti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move it to the folder</source>
        <translation>Perkelti į aplanką</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Aplankas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incoming mail (IMAP):</source>
        <translation>&amp;Gaunamas paštas (IMAP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP pass&amp;word:</source>
        <translation>IMAP slaptažo&amp;dis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outgoing mail (SMTP):</source>
        <translation>Siunčiamas &amp;paštas (SMTP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP passwor&amp;d:</source>
        <translation>SMTP slapta&amp;žodis:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After &amp;fetching a mail:</source>
        <translation>Pa&amp;ėmus laišką:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Charset of 8-bit mail:</source>
        <translation>8 bitų laiškų &amp;koduotė:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pultd fetches new mail from the IMAP folder as it arrives, makes tickets of it, and sends the department&apos;s replies through SMTP. The server keeps the passwords sealed and never shows them: leave them empty to keep them. The charset is for mail from old programs that do not say theirs: windows-1250 for Slovenian, Croatian and Polish, windows-1257 for Lithuanian.</source>
        <translation>pultd paima naujus laiškus iš IMAP aplanko, kai jie ateina, daro iš jų užklausas ir siunčia skyriaus atsakymus per SMTP. Serveris slaptažodžius laiko užšifruotus ir niekada jų nerodo: palikite tuščius, kad liktų tie patys. Koduotė skirta senų programų laiškams, kurie savosios nenurodo: windows-1250 slovėnų, kroatų ir lenkų, windows-1257 lietuvių kalbai.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Not fetched by this server yet</source>
        <translation>Šis serveris dar nepaima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failing: %1</source>
        <translation>Nepavyksta: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Jungiamasi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected, waiting for mail</source>
        <translation>Prisijungta, laukiama laiškų</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Prisijungta</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The mailboxes could not be read from the server: %1</source>
        <translation>Nepavyko nuskaityti pašto dėžučių iš serverio: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>required</source>
        <translation>privaloma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unchanged</source>
        <translation>nepakeista</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Adresas: „%1“ nėra el. pašto adresas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incoming mail: %1.</source>
        <translation>Gaunamas paštas: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outgoing mail: %1.</source>
        <translation>Siunčiamas paštas: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After fetching: name the folder to move mail to.</source>
        <translation>Paėmus: nurodykite aplanką, į kurį perkelti laiškus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Charset: name one, such as windows-1250.</source>
        <translation>Koduotė: nurodykite, pvz., windows-1250.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new mailbox needs its IMAP and SMTP passwords.</source>
        <translation>Naujai pašto dėžutei reikia IMAP ir SMTP slaptažodžių.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give both passwords to change them, or neither to keep them.</source>
        <translation>Norėdami pakeisti, įveskite abu slaptažodžius, arba nė vieno, kad liktų tie patys.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Mend the errors above first.</source>
        <translation>Pirmiausia ištaisykite aukščiau nurodytas klaidas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mailbox %1 added.</source>
        <translation>Pašto dėžutė %1 pridėta.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mailbox %1 saved.</source>
        <translation>Pašto dėžutė %1 išsaugota.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mailbox %1 removed.</source>
        <translation>Pašto dėžutė %1 pašalinta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Saugoma…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server refused the change: %1</source>
        <translation>Serveris atmetė pakeitimą: %1</translation>
    </message>
</context>
<context>
    <name>Pult::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+173"/>
        <source>The change was not made: %1</source>
        <translation>Pakeitimas neatliktas: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number of tickets</source>
        <translation>Užklausų skaičius</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data: %1</source>
        <translation>Duomenys: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data directory</source>
        <translation>Duomenų katalogas</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Views</source>
        <translation>Rodiniai</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search tickets</source>
        <translation>Ieškoti užklausų</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search subjects, messages, contacts (Ctrl+F)</source>
        <translation>Ieškoti temose, žinutėse, kontaktuose (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tickets</source>
        <translation>Užklausos</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Loading…</source>
        <translation>Įkeliama…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Sent; it goes to the server with the next sync.</source>
        <translation>Išsiųsta; į serverį pateks per kitą sinchronizavimą.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dismiss</source>
        <translation>Uždaryti</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+7"/>
        <location line="+353"/>
        <source>No tickets yet</source>
        <translation>Užklausų dar nėra</translation>
    </message>
    <message>
        <location line="-359"/>
        <source>Pult keeps a local copy of your help desk in %1, and it is empty. Sign in to your team&apos;s Pult server to fill it, or try Pult on its own with a realistic demo help desk:</source>
        <translation>Pult saugo vietinę jūsų pagalbos tarnybos kopiją kataloge %1, tačiau ji tuščia. Prisijunkite prie savo komandos Pult serverio, kad ją užpildytumėte, arba išbandykite Pult atskirai su tikroviška demonstracine pagalbos tarnyba:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Then press Reload (F5).</source>
        <translation>Tada spustelėkite „Įkelti iš naujo“ (F5).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in…</source>
        <translation>Prisijungti…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload</source>
        <translation>Įkelti iš naujo</translation>
    </message>
    <message>
        <location line="+191"/>
        <location line="+22"/>
        <source>Save as a view</source>
        <translation>Išsaugoti kaip rodinį</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Name of the view:</source>
        <translation>Rodinio pavadinimas:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only me</source>
        <translation>Tik aš</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agents of %1</source>
        <translation>Skyriaus „%1“ agentai</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everyone</source>
        <translation>Visi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who sees the view:</source>
        <translation>Kas matys rodinį:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The view was not saved: %1</source>
        <translation>Rodinys neišsaugotas: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Search: “%1”</source>
        <translation>Paieška: „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>No matching tickets</source>
        <translation>Atitinkančių užklausų nėra</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The %L1 best matches</source>
        <translation>Geriausi atitikmenys: %L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>1 matching ticket</source>
        <translation>1 atitinkanti užklausa</translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <location line="+10"/>
        <source>%Ln matching tickets</source>
        <translation>
            <numerusform>%Ln atitinkanti užklausa</numerusform>
            <numerusform>%Ln atitinkančios užklausos</numerusform>
            <numerusform>%Ln atitinkančių užklausų</numerusform>
        </translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Filter: %1</source>
        <translation>Filtras: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%L1 or more matching tickets</source>
        <translation>Atitinkančių užklausų: %L1 ar daugiau</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Could not read the local store: %1</source>
        <translation>Nepavyko perskaityti vietinės saugyklos: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Failas</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+299"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Prisijungti…</translation>
    </message>
    <message>
        <location line="-297"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Atsijungti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Sinchronizuoti dabar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open another &amp;profile…</source>
        <translation>Atidaryti kitą pr&amp;ofilį…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your si&amp;gnature…</source>
        <translation>Jūsų pa&amp;rašas…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature</source>
        <translation>Parašas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added under every reply; placeholders such as {{agent.name}} work (docs/templates.md):</source>
        <translation>Pridedamas po kiekvienu atsakymu; galima naudoti kintamuosius, pvz., {{agent.name}} (docs/templates.md):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Netrukdyti</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Away: no new tickets for me</source>
        <translation>&amp;Nesu: man naujų užklausų neskirti</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Išeiti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ticket</source>
        <translation>&amp;Užklausa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reply</source>
        <translation>&amp;Atsakyti</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Internal &amp;note</source>
        <translation>&amp;Vidinė pastaba</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert &amp;canned response…</source>
        <translation>Įterpti par&amp;uoštą atsakymą…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Take</source>
        <translation>Pasii&amp;mti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assign to…</source>
        <translation>P&amp;riskirti…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;xt ticket</source>
        <translation>&amp;Kita užklausa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No ticket is waiting in your queues.</source>
        <translation>Jūsų eilėse nėra laukiančių užklausų.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Status</source>
        <translation>&amp;Būsena</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+85"/>
        <source>&amp;Priority</source>
        <translation>&amp;Prioritetas</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>&amp;Department</source>
        <translation>&amp;Skyrius</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cate&amp;gory…</source>
        <translation>Kate&amp;gorija…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ta&amp;gs…</source>
        <translation>&amp;Žymos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Escalate to the next tier</source>
        <translation>Perduoti aukštesniam &amp;lygiui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;ue date…</source>
        <translation>&amp;Terminas…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;minder…</source>
        <translation>Primi&amp;nimas…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Merge into…</source>
        <translation>Su&amp;jungti į…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Link with…</source>
        <translation>Susi&amp;eti su…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as s&amp;pam</source>
        <translation>Pažymėti kaip &amp;šlamštą</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New status lin&amp;k for the customer</source>
        <translation>Nauja būsenos nu&amp;oroda klientui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s old status link no longer works; the next mail to them carries the new one.</source>
        <translation>Senoji kliento būsenos nuoroda nebeveikia; kitame jam siunčiamame laiške bus naujoji.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gives the customer&apos;s status page a new address, for when the old one reached someone it should not have.</source>
        <translation>Suteikia kliento būsenos puslapiui naują adresą, jei senasis pateko ne tiems žmonėms.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xport the requester&apos;s personal data…</source>
        <translation>Eksportuoti kliento asmens &amp;duomenis…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves everything Pult holds about the customer (their tickets, messages and files) as a zip file, for a request under the GDPR.</source>
        <translation>Išsaugo viską, ką Pult saugo apie klientą (jo užklausas, žinutes ir failus), kaip ZIP failą – prašymui pagal BDAR įvykdyti.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Erase the requester&apos;s personal data…</source>
        <translation>&amp;Ištrinti kliento asmens duomenis…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removes the customer&apos;s name and addresses, and the text and files of their messages, on all of their tickets.</source>
        <translation>Pašalina kliento vardą ir adresus bei jo žinučių tekstą ir failus visose jo užklausose.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting and re&amp;fused changes…</source>
        <translation>Laukiant&amp;ys ir atmesti pakeitimai…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Rodinys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>&amp;Ieškoti</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Order</source>
        <translation>&amp;Rikiavimas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last &amp;update</source>
        <translation>Paskutinis &amp;atnaujinimas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Creation</source>
        <translation>&amp;Sukūrimo laikas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;SLA deadline</source>
        <translation>SLA &amp;terminas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order</source>
        <translation>&amp;Eilės tvarka</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filtras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the saved &amp;view</source>
        <translation>Pašalinti išsaugotą ro&amp;dinį</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shared view is removed by a lead of its department or an admin.</source>
        <translation>Bendrinamą rodinį gali pašalinti jo skyriaus komandos vadovas arba administratorius.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Reload</source>
        <translation>Įkelti iš &amp;naujo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Suvestinė</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your departments&apos; backlog, response and resolution times, SLA attainment and satisfaction, as charts.</source>
        <translation>Jūsų skyrių neišspręstos užklausos, atsakymo ir išsprendimo laikas, SLA vykdymas ir pasitenkinimas diagramose.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;ettings</source>
        <translation>&amp;Nustatymai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Departments…</source>
        <translation>&amp;Skyriai…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business hours, SLA policy, queue order, reply header and footer, and goals of your departments.</source>
        <translation>Jūsų skyrių darbo laikas, SLA taisyklės, eilės tvarka, atsakymų antraštė ir poraštė bei tikslai.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Agents…</source>
        <translation>&amp;Agentai…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who works in the help desk: add agents, their roles and departments, deactivate them, and the tickets they left.</source>
        <translation>Kas dirba pagalbos tarnyboje: agentų pridėjimas, jų rolės ir skyriai, deaktyvavimas ir paliktos užklausos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Canned responses…</source>
        <translation>&amp;Paruošti atsakymai…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your canned responses, and your departments&apos; or everyone&apos;s where you may write them.</source>
        <translation>Jūsų paruošti atsakymai ir jūsų skyrių ar visų atsakymai, kur galite juos rašyti.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared &amp;views…</source>
        <translation>Bendri &amp;rodiniai…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The views you share with your departments&apos; agents (admins: with everyone).</source>
        <translation>Rodiniai, kuriais dalijatės su savo skyrių agentais (administratoriai – su visais).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rules…</source>
        <translation>&amp;Taisyklės…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automation rules of your departments: when something happens to a ticket that matches a filter, what Pult does.</source>
        <translation>Jūsų skyrių automatizavimo taisyklės: ką Pult daro, kai kas nors nutinka filtrą atitinkančiai užklausai.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Command palette…</source>
        <translation>&amp;Komandų paletė…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Language</source>
        <translation>K&amp;alba</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>Sistemos kalba</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The window speaks %1 from its next start.</source>
        <translation>Nuo kito paleidimo langas bus šia kalba: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Sign in again…</source>
        <translation>&amp;Prisijungti iš naujo…</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Could not tell the server: %1</source>
        <translation>Nepavyko pranešti serveriui: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Away: no new tickets are assigned to you.</source>
        <translation>Jūsų nėra: naujos užklausos jums neskiriamos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back: new tickets can be assigned to you.</source>
        <translation>Grįžote: naujos užklausos jums vėl gali būti skiriamos.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open one ticket with a requester to export their data.</source>
        <translation>Norėdami eksportuoti kliento duomenis, atidarykite vieną jo užklausą.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>personal data of %1.zip</source>
        <translation>%1 asmens duomenys.zip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export personal data</source>
        <translation>Eksportuoti asmens duomenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip archives (*.zip)</source>
        <translation>ZIP archyvai (*.zip)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting %1&apos;s data…</source>
        <translation>Eksportuojami kliento %1 duomenys…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not export %1&apos;s data: %2</source>
        <translation>Nepavyko eksportuoti kliento %1 duomenų: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1&apos;s data to %2</source>
        <translation>Kliento %1 duomenys išsaugoti: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open one ticket with a requester to erase their data.</source>
        <translation>Norėdami ištrinti kliento duomenis, atidarykite vieną jo užklausą.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase personal data</source>
        <translation>Ištrinti asmens duomenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase everything Pult holds about %1 (%2)?</source>
        <translation>Ištrinti viską, ką Pult saugo apie klientą %1 (%2)?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their name and addresses, and the text and files of their messages on all of their tickets, are removed for good, here and on the server. The tickets stay. This cannot be undone.</source>
        <translation>Kliento vardas ir adresai bei jo žinučių tekstas ir failai visose jo užklausose bus visam laikui pašalinti čia ir serveryje. Užklausos liks. Šio veiksmo atšaukti negalima.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase</source>
        <translation>Ištrinti</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1&apos;s personal data is being erased; every window shows it with its next sync.</source>
        <translation>Kliento %1 asmens duomenys trinami; kiekviename lange tai matysis po kito sinchronizavimo.</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+328"/>
        <source>There is no ticket #%1 here.</source>
        <translation>Užklausos #%1 čia nėra.</translation>
    </message>
    <message>
        <location line="-314"/>
        <source>Open the ticket</source>
        <translation>Atidaryti užklausą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All refused changes</source>
        <translation>Visi atmesti pakeitimai</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused your change: %1</source>
        <translation>Serveris atmetė jūsų pakeitimą: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a ticket</source>
        <translation>užklausa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused your change to %1 and it was undone: %2</source>
        <translation>Serveris atmetė jūsų pakeitimą (%1), todėl jis atšauktas: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change refused</source>
        <translation>Pakeitimas atmestas</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n updates on your tickets</source>
        <translation>
            <numerusform>%n atnaujinimas jūsų užklausose</numerusform>
            <numerusform>%n atnaujinimai jūsų užklausose</numerusform>
            <numerusform>%n atnaujinimų jūsų užklausose</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sync state</source>
        <translation>Sinchronizavimo būsena</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Uploaded %1</source>
        <translation>Nusiųsta: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploading %1: %2 of %3</source>
        <translation>Siunčiama %1: %2 iš %3</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Signed out. Your local data and waiting changes stay.</source>
        <translation>Atsijungta. Vietiniai duomenys ir laukiantys pakeitimai išlieka.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not sign out: %1</source>
        <translation>Nepavyko atsijungti: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open %1</source>
        <translation>Atidaryti %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>Išsaugoti kaip…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save attachment</source>
        <translation>Išsaugoti priedą</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fetching %1…</source>
        <translation>Atsisiunčiama %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fetching %1: %2 of %3</source>
        <translation>Atsisiunčiama %1: %2 iš %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not write %1</source>
        <translation>Nepavyko įrašyti %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not fetch the attachment: %1</source>
        <translation>Nepavyko atsisiųsti priedo: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>Išsaugota: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nobody (unassign)</source>
        <translation>Niekam (atšaukti priskyrimą)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assign</source>
        <translation>Priskirti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assign to:</source>
        <translation>Priskirti:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Be kategorijos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Kategorija</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category (choose one or type a new one):</source>
        <translation>Kategorija (pasirinkite arba įveskite naują):</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tags</source>
        <translation>Žymos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags to add, or to remove with a leading minus (vip -spam):</source>
        <translation>Pridedamos žymos; su minusu priekyje – šalinamos (vip -spam):</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merge</source>
        <translation>Sujungti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Susieti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge this ticket into ticket number:</source>
        <translation>Sujungti šią užklausą į užklausą Nr.:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link with ticket number:</source>
        <translation>Susieti su užklausa Nr.:</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Reminder</source>
        <translation>Priminimas</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Due date</source>
        <translation>Terminas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Išvalyti</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open a profile (a Pult data directory)</source>
        <translation>Atidaryti profilį (Pult duomenų katalogą)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not start another window.</source>
        <translation>Nepavyko paleisti kito lango.</translation>
    </message>
</context>
<context>
    <name>Pult::NoticeMenu</name>
    <message>
        <location filename="../ui/noticemenu.cpp" line="+10"/>
        <location line="+41"/>
        <source>&amp;Notices</source>
        <translation>&amp;Pranešimai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Notices (%1)</source>
        <translation>&amp;Pranešimai (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No notices: automation rules that notify you put them here</source>
        <translation>Pranešimų nėra: čia juos deda automatizavimo taisyklės, kurios jums praneša</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a ticket</source>
        <translation>užklausa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · rule “%2” · %3</source>
        <translation>%1 · taisyklė „%2“ · %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Mark all as read</source>
        <translation>&amp;Pažymėti visus kaip skaitytus</translation>
    </message>
</context>
<context>
    <name>Pult::RuleSettings</name>
    <message>
        <location filename="../ui/rulesettings.cpp" line="+34"/>
        <source>%1, column %2: %3</source>
        <translation>%1, stulpelis %2: %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Enabled</source>
        <translation>Į&amp;jungta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top: no later rule runs for the same event</source>
        <translation>&amp;Stabdyti: tam pačiam įvykiui vėlesnės taisyklės nevykdomos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>Iš&amp;saugoti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>Pa&amp;šalinti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules</source>
        <translation>Taisyklės</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Skyrius</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Kada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+77"/>
        <source>Every department</source>
        <translation>Visi skyriai</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Rules run in ascending position, then by name.</source>
        <translation>Taisyklės vykdomos didėjančia pozicijos tvarka, tada pagal pavadinimą.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When a ticket is created, the customer or an agent writes, a field changes or a time passes; if it matches the filter (empty: every ticket); then set fields, add or remove tags, add a note, reply with a canned response or notify someone. The words are those of pultctl rule (docs/automation.md).</source>
        <translation>Kai sukuriama užklausa, rašo klientas ar agentas, pasikeičia laukas ar praeina laikas; jei ji atitinka filtrą (tuščia: kiekviena užklausa); tada nustato laukus, prideda ar pašalina žymes, prideda pastabą, atsako paruoštu atsakymu ar ką nors informuoja. Žodžiai tokie patys kaip pultctl rule (docs/automation.md).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Pavadinimas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>S&amp;kyrius:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When:</source>
        <translation>K&amp;ada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;If:</source>
        <translation>&amp;Jei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;hen:</source>
        <translation>&amp;Tada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Position:</source>
        <translation>P&amp;ozicija:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New rule</source>
        <translation>&amp;Nauja taisyklė</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The rules come from the server: %1</source>
        <translation>Taisyklės gaunamos iš serverio: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>another department</source>
        <translation>kitas skyrius</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>Įjungta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Išjungta</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>A rule needs a name.</source>
        <translation>Taisyklė turi turėti pavadinimą.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the trigger</source>
        <translation>paleidiklis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the condition, %1</source>
        <translation>sąlyga, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the actions</source>
        <translation>veiksmai</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rule &quot;%1&quot; added.</source>
        <translation>Taisyklė „%1“ pridėta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule &quot;%1&quot; saved.</source>
        <translation>Taisyklė „%1“ išsaugota.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rule &quot;%1&quot; removed.</source>
        <translation>Taisyklė „%1“ pašalinta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Saugoma…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server refused the change: %1</source>
        <translation>Serveris atmetė pakeitimą: %1</translation>
    </message>
</context>
<context>
    <name>Pult::SettingVerdict</name>
    <message>
        <location filename="../ui/settingverdict.cpp" line="+27"/>
        <source>Offline: the change waits and goes to the server when it is back.</source>
        <translation>Neprisijungta: pakeitimas palauks ir bus išsiųstas į serverį, kai šis vėl bus pasiekiamas.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving…</source>
        <translation>Saugoma…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The change waits until you sign in.</source>
        <translation>Pakeitimas palauks, kol prisijungsite.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server refused the change: %1</source>
        <translation>Serveris atmetė pakeitimą: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved.</source>
        <translation>Išsaugota.</translation>
    </message>
</context>
<context>
    <name>Pult::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+18"/>
        <source>Sign in to Pult</source>
        <translation>Prisijungimas prie Pult</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server</source>
        <translation>Serveris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://help.example.com</source>
        <translation>https://help.example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail</source>
        <translation>El. paštas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Slaptažodis</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in</source>
        <translation>Prisijungti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveris:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;El. paštas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Sla&amp;ptažodis:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Signing in…</source>
        <translation>Jungiamasi…</translation>
    </message>
</context>
<context>
    <name>Pult::TicketActions</name>
    <message>
        <location filename="../ui/ticketactions.cpp" line="+26"/>
        <source>Nobody is signed in on this profile.</source>
        <translation>Šiame profilyje niekas neprisijungęs.</translation>
    </message>
</context>
<context>
    <name>Pult::TicketItemDelegate</name>
    <message numerus="yes">
        <location filename="../ui/ticketitemdelegate.cpp" line="+277"/>
        <source>%n min</source>
        <comment>SLA time left</comment>
        <translation>
            <numerusform>%n min.</numerusform>
            <numerusform>%n min.</numerusform>
            <numerusform>%n min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n h</source>
        <comment>SLA time left</comment>
        <translation>
            <numerusform>%n val.</numerusform>
            <numerusform>%n val.</numerusform>
            <numerusform>%n val.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n d</source>
        <comment>SLA time left</comment>
        <translation>
            <numerusform>%n d.</numerusform>
            <numerusform>%n d.</numerusform>
            <numerusform>%n d.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>overdue %1</source>
        <comment>SLA deadline passed by a time</comment>
        <translation>vėluojama %1</translation>
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
        <translation>Nepriskirta</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Your changes to this ticket wait to be sent to the server.</source>
        <translation>Jūsų šios užklausos pakeitimai laukia, kol bus nusiųsti į serverį.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server gives this ticket its number when it syncs.</source>
        <translation>Serveris suteiks šiai užklausai numerį sinchronizuojant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1
Channel: %2</source>
        <comment>subject, channel</comment>
        <translation>%1
Kanalas: %2</translation>
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
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requester</source>
        <translation>Klientas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Būsena</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Prioritetas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignee</source>
        <translation>Atsakingas agentas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>Skyrius</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Atnaujinta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket number</source>
        <translation>Užklausos numeris</translation>
    </message>
</context>
<context>
    <name>Pult::TicketPane</name>
    <message>
        <location filename="../ui/ticketpane.cpp" line="+32"/>
        <source>Ticket conversation</source>
        <translation>Užklausos susirašinėjimas</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a ticket to read it.
j and k move through the list.</source>
        <translation>Pasirinkite užklausą, kad ją perskaitytumėte.
Klavišais j ir k galite judėti sąrašu.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This ticket could not be read from the local store:
%1</source>
        <translation>Šios užklausos nepavyko perskaityti iš vietinės saugyklos:
%1</translation>
    </message>
</context>
<context>
    <name>Pult::ViewListModel</name>
    <message>
        <location filename="../ui/viewlistmodel.cpp" line="+52"/>
        <source>Views</source>
        <translation>Rodiniai</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My tickets</source>
        <translation>Mano užklausos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work assigned to you: new, open, pending and on-hold tickets</source>
        <translation>Jums priskirtos aktyvios užklausos: naujos, atviros, laukiančios kliento ir sustabdytos</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unassigned</source>
        <translation>Nepriskirtos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work nobody has taken yet</source>
        <translation>Aktyvios užklausos, kurių dar niekas nepasiėmė</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My departments</source>
        <translation>Mano skyriai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work in the departments you belong to</source>
        <translation>Aktyvios užklausos jūsų skyriuose</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pending</source>
        <translation>Laukiama kliento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the customer&apos;s answer</source>
        <translation>Laukiama kliento atsakymo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Breaching soon</source>
        <translation>Artėja SLA terminas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your tickets whose SLA deadline is due within two hours, the most urgent first</source>
        <translation>Jūsų užklausos, kurių SLA terminas baigiasi per dvi valandas; skubiausios – pirmos</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solved</source>
        <translation>Išspręstos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solved and closed tickets</source>
        <translation>Išspręstos ir uždarytos užklausos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All I can see</source>
        <translation>Visos matomos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every ticket in your cache, whatever its status</source>
        <translation>Visos jūsų talpyklos užklausos, nesvarbu, kokia jų būsena</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Departments</source>
        <translation>Skyriai</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open work in %1: new, open, pending and on-hold tickets</source>
        <translation>Aktyvios užklausos skyriuje %1: naujos, atviros, laukiančios kliento ir sustabdytos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shared views</source>
        <translation>Bendrinami rodiniai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everyone</source>
        <translation>visiems</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shared with %1: %2</source>
        <translation>Bendrinama (%1): %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+260"/>
        <source>Saved filters</source>
        <translation>Išsaugoti filtrai</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The saved filters could not be read: %1</source>
        <translation>Nepavyko perskaityti išsaugotų filtrų: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A saved filter needs a name.</source>
        <translation>Išsaugotam filtrui reikia pavadinimo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An empty filter cannot be saved.</source>
        <translation>Tuščio filtro išsaugoti negalima.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>There is no saved filter &quot;%1&quot;.</source>
        <translation>Išsaugoto filtro „%1“ nėra.</translation>
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
        <translation>Iš&amp;saugoti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>Pa&amp;šalinti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared views</source>
        <translation>Bendri rodiniai</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Pavadinimas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shown to</source>
        <translation>Rodomas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter</source>
        <translation>Filtras</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+49"/>
        <source>The agents of %1</source>
        <translation>Skyriaus %1 agentai</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+44"/>
        <source>Everyone</source>
        <translation>Visi</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>&amp;Name:</source>
        <translation>&amp;Pavadinimas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown &amp;to:</source>
        <translation>&amp;Rodomas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New view</source>
        <translation>&amp;Naujas rodinys</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>another department</source>
        <translation>kitas skyrius</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A view needs a name.</source>
        <translation>Rodinys turi turėti pavadinimą.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A view needs a filter.</source>
        <translation>Rodinys turi turėti filtrą.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: %1</source>
        <translation>Filtras: %1</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <location filename="../ui/storeopener.cpp" line="+22"/>
        <source>Pult cannot open its local data in %1.</source>
        <translation>Pult negali atidaryti vietinių duomenų kataloge %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The local copy of your help desk data is damaged.</source>
        <translation>Vietinė jūsų pagalbos tarnybos duomenų kopija sugadinta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server keeps everything that was synced. Repair moves the damaged file aside (it is not deleted), starts a fresh local copy that keeps your changes not yet sent, and fetches the rest from the server again.</source>
        <translation>Serveryje saugoma viskas, kas buvo sinchronizuota. Taisant sugadintas failas perkeliamas į šalį (jis neištrinamas), sukuriama nauja vietinė kopija, kurioje išlieka dar neišsiųsti jūsų pakeitimai, o visa kita vėl atsisiunčiama iš serverio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repair</source>
        <translation>Taisyti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Išeiti</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local data could not be repaired.</source>
        <translation>Vietinių duomenų nepavyko pataisyti.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <location filename="../core/sync/syncengine.cpp" line="+22"/>
        <source>Signed out</source>
        <translation>Atsijungta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline — 1 change waiting</source>
        <translation>Be ryšio — laukia 1 pakeitimas</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Offline — %n changes waiting</source>
        <translation>
            <numerusform>Be ryšio — laukia %n pakeitimas</numerusform>
            <numerusform>Be ryšio — laukia %n pakeitimai</numerusform>
            <numerusform>Be ryšio — laukia %n pakeitimų</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Be ryšio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing %1 %</source>
        <translation>Sinchronizuojama %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing</source>
        <translation>Sinchronizuojama</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synced — 1 change waiting</source>
        <translation>Sinchronizuota — laukia 1 pakeitimas</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synced — %n changes waiting</source>
        <translation>
            <numerusform>Sinchronizuota — laukia %n pakeitimas</numerusform>
            <numerusform>Sinchronizuota — laukia %n pakeitimai</numerusform>
            <numerusform>Sinchronizuota — laukia %n pakeitimų</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced</source>
        <translation>Sinchronizuota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>Klaida: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/pult/main.cpp" line="+45"/>
        <source>Help desk agent workstation</source>
        <translation>Pagalbos tarnybos agento darbo vieta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local data directory (default: $PULT_HOME, else the platform&apos;s application data location).</source>
        <translation>Vietinių duomenų katalogas (numatytasis: $PULT_HOME, kitaip – platformos programų duomenų vieta).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DIR</source>
        <translation>KATALOGAS</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no data directory: pass --home DIR or set PULT_HOME</source>
        <translation>nėra duomenų katalogo: nurodykite --home KATALOGAS arba nustatykite PULT_HOME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open the local data in %1: %2</source>
        <translation>nepavyko atidaryti vietinių duomenų kataloge %1: %2</translation>
    </message>
</context>
</TS>
