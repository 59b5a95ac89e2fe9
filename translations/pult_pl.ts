<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>ConversationRenderer</name>
    <message>
        <location filename="../ui/conversationrenderer.cpp" line="+223"/>
        <source>less than 1 min</source>
        <translation>mniej niż 1 min</translation>
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
        <translation>To zgłoszenie nie ma jeszcze wiadomości.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier message</source>
        <translation>
            <numerusform>Pokaż %n wcześniejszą wiadomość</numerusform>
            <numerusform>Pokaż %n wcześniejsze wiadomości</numerusform>
            <numerusform>Pokaż %n wcześniejszych wiadomości</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier messages</source>
        <translation>
            <numerusform>Pokaż %n wcześniejszą wiadomość</numerusform>
            <numerusform>Pokaż %n wcześniejsze wiadomości</numerusform>
            <numerusform>Pokaż %n wcześniejszych wiadomości</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+95"/>
        <source>(no subject)</source>
        <translation>(bez tematu)</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>%1 priority</source>
        <translation>Priorytet: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Requester: </source>
        <translation>Klient: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>nieznany</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assignee: </source>
        <translation>Przypisany agent: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unassigned</source>
        <translation>brak</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown agent</source>
        <translation>nieznany agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created %1</source>
        <translation>Utworzono %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ticket %1</source>
        <translation>zgłoszenie %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the local store yet</source>
        <translation>Jeszcze nie ma go w lokalnej kopii</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>solved %1 late</source>
        <translation>rozwiązano z opóźnieniem %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered %1 late</source>
        <translation>odpowiedziano z opóźnieniem %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>met · solved %1</source>
        <translation>dotrzymano · rozwiązano %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met · answered %1</source>
        <translation>dotrzymano · odpowiedziano %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stopped · the ticket is %1</source>
        <translation>zatrzymano · status zgłoszenia: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>due %1</source>
        <translation>termin: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue by %1</source>
        <translation>po terminie o %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 left · paused while %2</source>
        <translation>zostało %1 · wstrzymano (status: %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 left</source>
        <translation>zostało %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ticket</source>
        <translation>Zgłoszenie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First response</source>
        <translation>Pierwsza odpowiedź</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>Termin</translation>
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
        <translation>%1 po terminie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reminder</source>
        <translation>Przypomnienie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ago</source>
        <translation>%1 temu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tier</source>
        <translation>Linia wsparcia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satisfaction</source>
        <translation>Ocena zadowolenia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 of 5</source>
        <translation>%1 %2 z 5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>Etykiety</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged into</source>
        <translation>Scalone z</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked</source>
        <translation>Powiązane</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requester</source>
        <translation>Klient</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not in the local store</source>
        <translation>Brak w lokalnej kopii</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>bouncing since %1</source>
        <translation>niedoręczalny od %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bouncing since %1: %2</source>
        <comment>since when, the mail server&apos;s answer</comment>
        <translation>niedoręczalny od %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organizacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Strefa czasowa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No other tickets</source>
        <translation>Brak innych zgłoszeń</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other tickets</source>
        <translation>Inne zgłoszenia</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rule “%1”</source>
        <translation>Reguła „%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automation</source>
        <translation>Automatyzacja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An unknown agent</source>
        <translation>Nieznany agent</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>an unknown agent</source>
        <translation>nieznanego agenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown department</source>
        <translation>nieznany dział</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>priority</source>
        <translation>priorytet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>assignee</source>
        <translation>przypisanego agenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>department</source>
        <translation>dział</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tier</source>
        <translation>linię wsparcia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category</source>
        <translation>kategorię</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tags</source>
        <translation>etykiety</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due date</source>
        <translation>termin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reminder</source>
        <translation>przypomnienie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subject</source>
        <translation>temat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 created the ticket as %2</source>
        <translation>%1 utworzył(a) zgłoszenie %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 created the ticket</source>
        <translation>%1 utworzył(a) zgłoszenie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 marked the ticket as spam</source>
        <translation>%1 oznaczył(a) zgłoszenie jako spam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 marked the ticket as not spam</source>
        <translation>%1 oznaczył(a) zgłoszenie jako niebędące spamem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 merged the ticket into %2</source>
        <translation>%1 scalił(a) zgłoszenie ze zgłoszeniem %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 notified %2</source>
        <translation>%1 powiadomił(a): %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rated the help %2 of 5</source>
        <translation>%1 ocenił(a) pomoc na %2 z 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 removed the rating&apos;s comment</source>
        <translation>%1 usunął(-ęła) komentarz do oceny</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 commented on the rating</source>
        <translation>%1 skomentował(a) ocenę</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 assigned the ticket to %2</source>
        <translation>%1 przypisał(a) zgłoszenie do %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 unassigned the ticket from %2</source>
        <translation>%1 cofnął(-ęła) przypisanie zgłoszenia do %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 reassigned the ticket from %2 to %3</source>
        <translation>%1 przekazał(a) zgłoszenie od %2 do %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 set %2 to %3</source>
        <translation>%1 ustawił(a) %2 na %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cleared %2 (was %3)</source>
        <translation>%1 wyczyścił(a) %2 (było: %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed %2 from %3 to %4</source>
        <translation>%1 zmienił(a) %2 z %3 na %4</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n change</source>
        <translation>
            <numerusform>%n zmiana</numerusform>
            <numerusform>%n zmiany</numerusform>
            <numerusform>%n zmian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changes</source>
        <translation>
            <numerusform>%n zmiana</numerusform>
            <numerusform>%n zmiany</numerusform>
            <numerusform>%n zmian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Show %n earlier change</source>
        <translation>
            <numerusform>Pokaż %n wcześniejszą zmianę</numerusform>
            <numerusform>Pokaż %n wcześniejsze zmiany</numerusform>
            <numerusform>Pokaż %n wcześniejszych zmian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Show %n earlier changes</source>
        <translation>
            <numerusform>Pokaż %n wcześniejszą zmianę</numerusform>
            <numerusform>Pokaż %n wcześniejsze zmiany</numerusform>
            <numerusform>Pokaż %n wcześniejszych zmian</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Customer</source>
        <translation>Klient</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reply</source>
        <translation>Odpowiedź</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Internal note · not visible to the customer</source>
        <translation>Notatka wewnętrzna · niewidoczna dla klienta</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unknown</source>
        <translation>Nieznany</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plain text</source>
        <translation>Zwykły tekst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as plain text</source>
        <translation>Pokaż tę wiadomość jako zwykły tekst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formatted</source>
        <translation>Z formatowaniem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this mail as it was formatted</source>
        <translation>Pokaż tę wiadomość z oryginalnym formatowaniem</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attachments: </source>
        <translation>Załączniki: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(unnamed)</source>
        <translation>(bez nazwy)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open or save %1</source>
        <translation>Otwórz lub zapisz %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open or save %1 (%2)</source>
        <translation>Otwórz lub zapisz %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>… quoted text (%n line)</source>
        <translation>
            <numerusform>… cytowany tekst (%n wiersz)</numerusform>
            <numerusform>… cytowany tekst (%n wiersze)</numerusform>
            <numerusform>… cytowany tekst (%n wierszy)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>… quoted text (%n lines)</source>
        <translation>
            <numerusform>… cytowany tekst (%n wiersz)</numerusform>
            <numerusform>… cytowany tekst (%n wiersze)</numerusform>
            <numerusform>… cytowany tekst (%n wierszy)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+81"/>
        <source>Show the quoted text</source>
        <translation>Pokaż cytowany tekst</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+81"/>
        <source>Hide quoted text</source>
        <translation>Ukryj cytowany tekst</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Remote images are shown.</source>
        <translation>Obrazy zdalne są wyświetlane.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remote images are not shown. </source>
        <translation>Obrazy zdalne nie są wyświetlane. </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show remote images</source>
        <translation>Pokaż obrazy zdalne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching them tells the sender that the mail was read</source>
        <translation>Ich pobranie zdradzi nadawcy, że wiadomość została przeczytana</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>… quoted text</source>
        <translation>… cytowany tekst</translation>
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
        <translation>bez numeru</translation>
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
        <translation>przed chwilą</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min temu</numerusform>
            <numerusform>%n min temu</numerusform>
            <numerusform>%n min temu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h temu</numerusform>
            <numerusform>%n h temu</numerusform>
            <numerusform>%n h temu</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yesterday</source>
        <translation>wczoraj</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>d MMM</source>
        <comment>date in this year, QDate format</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>d MMM yyyy</source>
        <comment>date in another year, QDate format</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1, %2</source>
        <comment>date, time</comment>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln ticket</source>
        <translation>
            <numerusform>%Ln zgłoszenie</numerusform>
            <numerusform>%Ln zgłoszenia</numerusform>
            <numerusform>%Ln zgłoszeń</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln tickets</source>
        <translation>
            <numerusform>%Ln zgłoszenie</numerusform>
            <numerusform>%Ln zgłoszenia</numerusform>
            <numerusform>%Ln zgłoszeń</numerusform>
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
        <translation>%1 godz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 godz. %2 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 godz.</translation>
    </message>
    <message>
        <location filename="../ui/templatepreview.cpp" line="+13"/>
        <source>The invoice for March is missing</source>
        <translation>Brakuje faktury za marzec</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ana Novak</source>
        <translation>Anna Nowak</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../core/labels.cpp" line="+9"/>
        <source>New</source>
        <translation>Nowe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Otwarte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending</source>
        <translation>Oczekujące</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>Wstrzymane</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Zamknięte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Low</source>
        <translation>Niski</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>Normalny</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>Wysoki</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent</source>
        <translation>Pilny</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web form</source>
        <translation>Formularz WWW</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat</source>
        <translation>Czat</translation>
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
        <translation>Nowe zgłoszenie dla Ciebie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 replied</source>
        <translation>%1 odpowiedział(a)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reminder</source>
        <translation>Przypomnienie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SLA deadline missed</source>
        <translation>Przekroczono termin SLA</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>SLA deadline in %n min</source>
        <translation>
            <numerusform>Termin SLA za %n min</numerusform>
            <numerusform>Termin SLA za %n min</numerusform>
            <numerusform>Termin SLA za %n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rule “%1”</source>
        <translation>Reguła „%1”</translation>
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
        <translation>Kierownik zespołu</translation>
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
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open tickets</source>
        <translation>&amp;Otwarte zgłoszenia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agents</source>
        <translation>Agenci</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Departments</source>
        <translation>Działy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The agent&apos;s place in the order assignment gives tickets in when it finds agents equal: 1 is the most senior. The others keep their order around it.</source>
        <translation>Miejsce agenta w kolejności, w jakiej przydział daje zgłoszenia, gdy agenci są równi: 1 to najstarszy stażem. Pozostali zachowują swoją kolejność wokół niego.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>Poziom</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The support tier the agent works at in this department: tickets escalated to a tier go to its agents.</source>
        <translation>Poziom wsparcia, na którym agent pracuje w tym dziale: zgłoszenia przekazane na poziom trafiają do jego agentów.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rola:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seniorit&amp;y:</source>
        <translation>Starszeńs&amp;two:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;partments:</source>
        <translation>Dzia&amp;ły:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the agent&apos;s tickets that are not solved yet in the inbox, to hand them on.</source>
        <translation>Pokazuje w skrzynce nierozwiązane jeszcze zgłoszenia agenta, by przekazać je dalej.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The list of agents comes from the server: %1</source>
        <translation>Lista agentów pochodzi z serwera: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>another department</source>
        <translation>inny dział</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (tier %2)</source>
        <translation>%1 (poziom %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Active</source>
        <translation>Aktywny</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>Dezaktywowany</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>&amp;Deactivate</source>
        <translation>Dez&amp;aktywuj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reac&amp;tivate</source>
        <translation>Ponownie &amp;aktywuj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deactivated agent is signed out everywhere at once and cannot sign in; their tickets stay assigned to them until handed on.</source>
        <translation>Dezaktywowany agent zostaje od razu wylogowany wszędzie i nie może się zalogować; jego zgłoszenia pozostają mu przypisane, dopóki nie zostaną przekazane dalej.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An agent needs a name.</source>
        <translation>Agent musi mieć imię i nazwisko.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>„%1” nie jest adresem e-mail.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adding…</source>
        <translation>Dodawanie…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The agent was not added: %1</source>
        <translation>Agent nie został dodany: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added. Tell %1 their password, which is shown only now:</source>
        <translation>Dodano. Przekaż %1 hasło, które jest pokazywane tylko teraz:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing changed.</source>
        <translation>Nic się nie zmieniło.</translation>
    </message>
</context>
<context>
    <name>Pult::BusinessHoursEditor</name>
    <message>
        <location filename="../ui/businesshourseditor.cpp" line="+47"/>
        <source>Every year</source>
        <translation>Co roku</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time &amp;zone:</source>
        <translation>Strefa &amp;czasowa:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closed</source>
        <translation>zamknięte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours as HH:MM-HH:MM, several separated by commas, e.g. 08:00-12:00, 13:00-16:00. Empty: closed all day.</source>
        <translation>Godziny otwarcia w postaci HH:MM-HH:MM, kilka przedziałów oddzielonych przecinkami, np. 08:00-12:00, 13:00-16:00. Puste: zamknięte przez cały dzień.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Same on &amp;weekdays</source>
        <translation>Tak samo w dni &amp;robocze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give Tuesday to Friday Monday&apos;s hours.</source>
        <translation>Ustaw od wtorku do piątku godziny poniedziałku.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add holiday</source>
        <translation>&amp;Dodaj święto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remo&amp;ve</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Holidays:</source>
        <translation>Święta:</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1, every year</source>
        <translation>%1, co roku</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Time zone: there is no time zone &quot;%1&quot;.</source>
        <translation>Strefa czasowa: nie ma strefy czasowej „%1”.</translation>
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
        <translation>Wstaw gotową odpowiedź</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search canned responses</source>
        <translation>Szukaj gotowych odpowiedzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a title or shortcut</source>
        <translation>Wpisz tytuł lub skrót</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Canned responses</source>
        <translation>Gotowe odpowiedzi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation>Podgląd</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter inserts; placeholders are filled in for this ticket.</source>
        <translation>Enter wstawia; symbole zastępcze zostaną wypełnione danymi tego zgłoszenia.</translation>
    </message>
</context>
<context>
    <name>Pult::CannedSettings</name>
    <message>
        <location filename="../ui/cannedsettings.cpp" line="+42"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canned responses</source>
        <translation>Gotowe odpowiedzi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Skrót</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Dla kogo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. refund</source>
        <translation>np. zwrot</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+74"/>
        <source>Only me</source>
        <translation>Tylko ja</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+73"/>
        <source>The agents of %1</source>
        <translation>Agenci działu %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+61"/>
        <source>Everyone</source>
        <translation>Wszyscy</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>&amp;Title:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hortcut:</source>
        <translation>&amp;Skrót:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;Dla kogo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text:</source>
        <translation>T&amp;reść:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{agent.name}} are filled in for the ticket it is inserted into (docs/templates.md).</source>
        <translation>Zmienne takie jak {{customer.first_name}}, {{ticket.number}} i {{agent.name}} są wypełniane dla zgłoszenia, do którego odpowiedź jest wstawiana (docs/templates.md).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview:</source>
        <translation>Podgląd:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New response</source>
        <translation>&amp;Nowa odpowiedź</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>another department</source>
        <translation>inny dział</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>A canned response needs a title.</source>
        <translation>Gotowa odpowiedź musi mieć tytuł.</translation>
    </message>
</context>
<context>
    <name>Pult::ChangesDialog</name>
    <message>
        <location filename="../ui/changesdialog.cpp" line="+34"/>
        <source>Waiting and refused changes</source>
        <translation>Oczekujące i odrzucone zmiany</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting changes go to the server in this order; a refused change was undone here. Retry sends a refused change again; Discard drops a change (a waiting one is undone here).</source>
        <translation>Oczekujące zmiany trafiają na serwer w tej kolejności; odrzuconą zmianę cofnięto tutaj. Ponów wysyła odrzuconą zmianę jeszcze raz; Porzuć usuwa zmianę (oczekująca zostaje tu cofnięta).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket</source>
        <translation>Zgłoszenie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>Po&amp;nów</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Discard</source>
        <translation>&amp;Porzuć</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>new: %1</source>
        <translation>nowe: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting</source>
        <translation>Oczekuje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused: %1 (%2)</source>
        <translation>Odrzucona: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="+412"/>
        <source>Command palette</source>
        <translation>Paleta poleceń</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a command, a view or a ticket number</source>
        <translation>Wpisz polecenie, widok lub numer zgłoszenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>Polecenie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Matching commands</source>
        <translation>Pasujące polecenia</translation>
    </message>
</context>
<context>
    <name>Pult::CommandPaletteModel</name>
    <message>
        <location line="-195"/>
        <source>View</source>
        <comment>a view of the sidebar, in the command palette</comment>
        <translation>Widok</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Open ticket #%1</source>
        <translation>Otwórz zgłoszenie #%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unavailable</source>
        <comment>a command that cannot run now</comment>
        <translation>niedostępne</translation>
    </message>
</context>
<context>
    <name>Pult::Composer</name>
    <message>
        <location filename="../ui/composer.cpp" line="+50"/>
        <source>&amp;Reply</source>
        <translation>&amp;Odpowiedź</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A reply the customer reads (R)</source>
        <translation>Odpowiedź, którą przeczyta klient (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal &amp;note</source>
        <translation>&amp;Notatka wewnętrzna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A note only agents see (N)</source>
        <translation>Notatka widoczna tylko dla agentów (N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Canned response…</source>
        <translation>Gotowa odpowiedź…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a canned response (Ctrl+Shift+I)</source>
        <translation>Wstaw gotową odpowiedź (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach…</source>
        <translation>Załącz…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach files to the message</source>
        <translation>Dołącz pliki do wiadomości</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message text</source>
        <translation>Treść wiadomości</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Send</source>
        <translation>Wyślij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Wyślij (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send and set %1</source>
        <translation>Wyślij i ustaw: %1</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Write a reply to the customer…</source>
        <translation>Napisz odpowiedź do klienta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an internal note for agents…</source>
        <translation>Napisz notatkę wewnętrzną dla agentów…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send reply</source>
        <translation>Wyślij odpowiedź</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add note</source>
        <translation>Dodaj notatkę</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the %1 header</source>
        <translation>nagłówkiem działu %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 footer</source>
        <translation>stopką działu %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>your signature</source>
        <translation>Twoim podpisem</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent with %1.</source>
        <translation>Wysyłane z %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[your reply]</source>
        <translation>[Twoja odpowiedź]</translation>
    </message>
    <message numerus="yes">
        <location line="+100"/>
        <source>Attaching %n file(s)…</source>
        <translation>
            <numerusform>Dołączanie %n pliku…</numerusform>
            <numerusform>Dołączanie %n plików…</numerusform>
            <numerusform>Dołączanie %n plików…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The attached files are still being copied; send again in a moment</source>
        <translation>Załączone pliki są jeszcze kopiowane; wyślij ponownie za chwilę</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Attach files</source>
        <translation>Załącz pliki</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attached: %1</source>
        <translation>Załączone: %1</translation>
    </message>
</context>
<context>
    <name>Pult::Dashboard</name>
    <message>
        <location filename="../ui/dashboard.cpp" line="+105"/>
        <source>Dashboard</source>
        <translation>Pulpit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today</source>
        <translation>Dzisiaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Ostatnie 7 dni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Ostatnie 30 dni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates…</source>
        <translation>Daty…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All departments</source>
        <translation>Wszystkie działy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All my departments</source>
        <translation>Wszystkie moje działy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export &amp;CSV…</source>
        <translation>Eksportuj &amp;CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;PDF…</source>
        <translation>Eksportuj &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period:</source>
        <translation>Okres:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Department:</source>
        <translation>Dział:</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+247"/>
        <location line="+26"/>
        <source>Active now</source>
        <translation>Aktywne teraz</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+247"/>
        <location line="+103"/>
        <source>Created</source>
        <translation>Utworzone</translation>
    </message>
    <message>
        <location line="-349"/>
        <location line="+247"/>
        <location line="+25"/>
        <location line="+78"/>
        <source>Solved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Reopened</source>
        <translation>Ponownie otwarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First response</source>
        <translation>Pierwsza odpowiedź</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Rozwiązanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA met</source>
        <translation>Dotrzymane SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+523"/>
        <source>Satisfaction</source>
        <translation>Ocena zadowolenia</translation>
    </message>
    <message>
        <location line="-412"/>
        <source>Choose dates at most ten years apart.</source>
        <translation>Wybierz daty odległe od siebie o najwyżej dziesięć lat.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computing…</source>
        <translation>Obliczanie…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The figures cannot be computed: %1</source>
        <translation>Nie można obliczyć wskaźników: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Computed at %1 from the local data</source>
        <translation>Obliczono o %1 z danych lokalnych</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 older than a week</source>
        <translation>%1 starszych niż tydzień</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active tickets by status</source>
        <translation>Aktywne zgłoszenia według statusu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Tickets</source>
        <translation>Zgłoszenia</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Active tickets by age</source>
        <translation>Aktywne zgłoszenia według wieku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 1 day</source>
        <translation>&lt; 1 dzień</translation>
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
        <translation>Działy</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(unknown agent)</source>
        <translation>(nieznany agent)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 % of the solved</source>
        <translation>%1 % rozwiązanych</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none in the period</source>
        <translation>brak w tym okresie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>median; 90 % within %1</source>
        <translation>mediana; 90 % w ciągu %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>resolution; first response %1</source>
        <translation>rozwiązanie; pierwsza odpowiedź %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>of 5, %Ln rating</source>
        <translation>
            <numerusform>z 5, %Ln ocena</numerusform>
            <numerusform>z 5, %Ln oceny</numerusform>
            <numerusform>z 5, %Ln ocen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>of 5, %Ln ratings</source>
        <translation>
            <numerusform>z 5, %Ln ocena</numerusform>
            <numerusform>z 5, %Ln oceny</numerusform>
            <numerusform>z 5, %Ln ocen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Created and solved per %Ln days</source>
        <translation>
            <numerusform>Utworzone i rozwiązane na %Ln dzień</numerusform>
            <numerusform>Utworzone i rozwiązane na %Ln dni</numerusform>
            <numerusform>Utworzone i rozwiązane na %Ln dni</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Created and solved per day</source>
        <translation>Utworzone i rozwiązane dziennie</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Agents</source>
        <translation>Agenci</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Goal %1 % within %2: %3</source>
        <translation>Cel %1 % w ciągu %2: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goal at least %1</source>
        <translation>Cel co najmniej %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: the share within the time, and satisfaction</source>
        <translation>Cele: odsetek w wyznaczonym czasie i ocena zadowolenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals: the share within the time</source>
        <translation>Cele: odsetek w wyznaczonym czasie</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Goal: %1 %</source>
        <translation>Cel: %1 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>First response within %1</source>
        <translation>Pierwsza odpowiedź w ciągu %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution within %1</source>
        <translation>Rozwiązanie w ciągu %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rating</source>
        <translation>Ocena</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Goal: at least %1</source>
        <translation>Cel: co najmniej %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1, %2: %3. Click to list the tickets.</source>
        <translation>%1, %2: %3. Kliknij, aby wyświetlić zgłoszenia.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Export the figures as CSV</source>
        <translation>Eksportuj wskaźniki do CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export the figures as PDF</source>
        <translation>Eksportuj wskaźniki do PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1</source>
        <translation>Zapisano %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 cannot be written: %2</source>
        <translation>Nie można zapisać %1: %2</translation>
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
        <translation>Nie można zapisać %1</translation>
    </message>
</context>
<context>
    <name>Pult::DepartmentSettings</name>
    <message>
        <location filename="../ui/departmentsettings.cpp" line="+57"/>
        <source>Oldest first</source>
        <translation>Najstarsze najpierw</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest priority, then oldest</source>
        <translation>Najwyższy priorytet, potem najstarsze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer plan, then priority</source>
        <translation>Plan klienta, potem priorytet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nearest SLA deadline first</source>
        <translation>Najbliższy termin SLA najpierw</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;New department</source>
        <translation>&amp;Nowy dział</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ask the customer to rate the answer when a ticket is so&amp;lved</source>
        <translation>Po &amp;rozwiązaniu zgłoszenia poproś klienta o ocenę odpowiedzi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customers may write in with the &amp;web form</source>
        <translation>Klienci mogą pisać przez &amp;formularz WWW</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Usuń…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Departments</source>
        <translation>Działy</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>support@example.com</source>
        <translation>pomoc@example.com</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address customers write to; replies are sent from it.</source>
        <translation>Adres, na który piszą klienci; z niego wysyłane są odpowiedzi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order:</source>
        <translation>&amp;Kolejność kolejki:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Goals:</source>
        <translation>&amp;Cele:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the dashboard measures the department against: a share of first responses and of resolutions within a time, and the average satisfaction. Each is optional.</source>
        <translation>Z czym pulpit porównuje dział: odsetek pierwszych odpowiedzi i rozwiązań w określonym czasie oraz średnie zadowolenie. Każdy cel jest opcjonalny.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>General</source>
        <translation>Ogólne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business hours</source>
        <translation>Godziny pracy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Targets per priority, counted in business hours unless the policy ends with &quot;calendar&quot;. For example:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</source>
        <translation>Cele dla każdego priorytetu, liczone w godzinach pracy, chyba że zasady kończą się słowem „calendar”. Na przykład:
urgent: first 1h, next 2h, resolve 8h; high: first 4h, resolve 1d; normal: first 8h, resolve 3d</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLA policy</source>
        <translation>Zasady SLA</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By hand</source>
        <translation>Ręcznie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In turn (round robin)</source>
        <translation>Po kolei (karuzela)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the least loaded agent</source>
        <translation>Najmniej obciążonemu agentowi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no limit</source>
        <translation>bez limitu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New tickets are &amp;assigned:</source>
        <translation>Nowe zgłoszenia są &amp;przydzielane:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most open &amp;tickets per agent:</source>
        <translation>Najwyżej otwartych &amp;zgłoszeń na agenta:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An agent holding this many open tickets is passed by when new ones are assigned in turn or to the least loaded.</source>
        <translation>Agent mający tyle otwartych zgłoszeń jest pomijany, gdy nowe są przydzielane po kolei lub najmniej obciążonemu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Survey &amp;sent after:</source>
        <translation>Ankieta &amp;wysyłana po:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-&amp;reply:</source>
        <translation>&amp;Automatyczna odpowiedź:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-reply &amp;outside hours:</source>
        <translation>Automatyczna odpowiedź &amp;poza godzinami:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the customer when their mail opens a ticket; outside business hours the second is sent, or the first when it is empty. Empty: none.</source>
        <translation>Wysyłana klientowi, gdy jego wiadomość otwiera zgłoszenie; poza godzinami pracy wysyłana jest druga lub, gdy jest pusta, pierwsza. Puste: brak.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assignment and customers</source>
        <translation>Przydział i klienci</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wybierz…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Language:</source>
        <translation>&amp;Język:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colo&amp;ur:</source>
        <translation>&amp;Kolor:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sites that &amp;embed it:</source>
        <translation>Strony, które go osa&amp;dzają:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The contact form and the status page of a ticket speak the customer&apos;s language when their browser names one of these, else this one, and wear this colour. Sites that may show the form in a frame: their origins, separated by spaces.</source>
        <translation>Formularz kontaktowy i strona stanu zgłoszenia mówią językiem klienta, gdy jego przeglądarka wskazuje jeden z tych, w przeciwnym razie tym, i mają ten kolor. Strony, które mogą pokazywać formularz w ramce: ich źródła, oddzielone spacjami.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer pages</source>
        <translation>Strony dla klientów</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Header:</source>
        <translation>&amp;Nagłówek:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Footer:</source>
        <translation>&amp;Stopka:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put above and below every reply sent for the department. Placeholders such as {{customer.first_name}}, {{ticket.number}} and {{department.hours}} are filled in for each ticket.</source>
        <translation>Umieszczane nad i pod każdą odpowiedzią wysłaną w imieniu działu. Zmienne takie jak {{customer.first_name}}, {{ticket.number}} i {{department.hours}} są wypełniane dla każdego zgłoszenia.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview:</source>
        <translation>Podgląd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies</source>
        <translation>Odpowiedzi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mailboxes</source>
        <translation>Skrzynki pocztowe</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Only an admin changes this.</source>
        <translation>Może to zmienić tylko administrator.</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Reading these settings from the server…</source>
        <translation>Odczytywanie tych ustawień z serwera…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These settings are kept on the server, which could not be read: %1</source>
        <translation>Te ustawienia są przechowywane na serwerze, którego nie udało się odczytać: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name: a department needs a name.</source>
        <translation>Nazwa: dział musi mieć nazwę.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Adres: „%1” nie jest adresem e-mail.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Business hours: %1</source>
        <translation>Godziny pracy: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SLA policy: %1</source>
        <translation>Zasady SLA: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Header</source>
        <translation>Nagłówek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer</source>
        <translation>Stopka</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Auto-reply</source>
        <translation>Automatyczna odpowiedź</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-reply outside hours</source>
        <translation>Automatyczna odpowiedź poza godzinami</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Colour: &quot;%1&quot; is not a colour written #rrggbb.</source>
        <translation>Kolor: „%1” nie jest kolorem zapisanym jako #rrggbb.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sites that embed it: &quot;%1&quot; is not an origin such as https://www.example.com.</source>
        <translation>Strony, które go osadzają: „%1” nie jest źródłem takim jak https://www.example.com.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Goals: %1</source>
        <translation>Cele: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(Your reply.)</source>
        <translation>(Twoja odpowiedź.)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The auto-reply to a new ticket:</source>
        <translation>Automatyczna odpowiedź na nowe zgłoszenie:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved changes</source>
        <translation>Niezapisane zmiany</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your changes to %1?</source>
        <translation>Odrzucić zmiany (%1)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the new department</source>
        <translation>nowy dział</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mend the errors above first.</source>
        <translation>Najpierw popraw powyższe błędy.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove department</source>
        <translation>Usuń dział</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the department %1? Its tickets, canned responses, shared views and mailboxes move to the department chosen here, and its rules too, switched off for its lead to look at. Its agents leave it. This cannot be undone.</source>
        <translation>Usunąć dział %1? Jego zgłoszenia, gotowe odpowiedzi, wspólne widoki i skrzynki pocztowe zostaną przeniesione do wybranego tu działu, podobnie jak jego reguły, ale wyłączone, aby kierownik mógł je przejrzeć. Jego agenci go opuszczą. Tego nie można cofnąć.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Move them to:</source>
        <translation>&amp;Przenieś do:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Removing…</source>
        <translation>Usuwanie…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server refused the change: %1</source>
        <translation>Serwer odrzucił zmianę: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 removed; %n ticket moved to %2.</source>
        <translation>
            <numerusform>Dział %1 usunięty; %n zgłoszenie przeniesiono do działu %2.</numerusform>
            <numerusform>Dział %1 usunięty; %n zgłoszenia przeniesiono do działu %2.</numerusform>
            <numerusform>Dział %1 usunięty; %n zgłoszeń przeniesiono do działu %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 removed; %n tickets moved to %2.</source>
        <translation>
            <numerusform>Dział %1 usunięty; %n zgłoszenie przeniesiono do działu %2.</numerusform>
            <numerusform>Dział %1 usunięty; %n zgłoszenia przeniesiono do działu %2.</numerusform>
            <numerusform>Dział %1 usunięty; %n zgłoszeń przeniesiono do działu %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pult::FilterBar</name>
    <message>
        <location filename="../ui/filterbar.cpp" line="+125"/>
        <source>Filter, e.g. status:open assignee:me priority&gt;=high</source>
        <translation>Filtr, np. status:open assignee:me priority&gt;=high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>Filtr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a filter such as status:open assignee:me; Enter applies it, Tab accepts a suggestion</source>
        <translation>Wpisz filtr, np. status:open assignee:me; Enter go stosuje, Tab przyjmuje podpowiedź</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the inbox: fields such as status:, assignee:, priority&gt;=, tag: and plain words. Ctrl+Space shows suggestions.</source>
        <translation>Filtruj skrzynkę zgłoszeń: pola takie jak status:, assignee:, priority&gt;=, tag: oraz zwykłe słowa. Ctrl+Space pokazuje podpowiedzi.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save as view…</source>
        <translation>Zapisz jako widok…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this filter as a view in the sidebar</source>
        <translation>Zachowaj ten filtr jako widok na pasku bocznym</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save filter as view</source>
        <translation>Zapisz filtr jako widok</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>Wyczyść</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the filter</source>
        <translation>Wyczyść filtr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filter</source>
        <translation>Wyczyść filtr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter error</source>
        <translation>Błąd filtru</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter suggestions</source>
        <translation>Podpowiedzi filtru</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>%1 (inserts %2)</source>
        <comment>completion label, inserted text</comment>
        <translation>%1 (wstawia %2)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>column %1: %2</source>
        <comment>filter error: column, message</comment>
        <translation>kolumna %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — did you mean &quot;%2&quot;?</source>
        <comment>filter error, suggestion</comment>
        <translation>%1 — czy chodziło o „%2”?</translation>
    </message>
</context>
<context>
    <name>Pult::MailboxEditor</name>
    <message>
        <location filename="../ui/mailboxeditor.cpp" line="+29"/>
        <source>not a %1 address</source>
        <translation>to nie jest adres %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give the user name before the host, as %1://USER@HOST</source>
        <translation>podaj nazwę użytkownika przed serwerem, jak %1://UŻYTKOWNIK@SERWER</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>put the password in its own field, not in the address</source>
        <translation>wpisz hasło w jego pole, nie w adres</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use S&amp;TARTTLS on imap:// and smtp:// addresses</source>
        <translation>Używaj S&amp;TARTTLS dla adresów imap:// i smtp://</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New mai&amp;lbox</source>
        <translation>Nowa sk&amp;rzynka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save mail&amp;box</source>
        <translation>Zapisz skrzynk&amp;ę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove mailbo&amp;x</source>
        <translation>Usuń skrz&amp;ynkę</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Mark it as read</source>
        <translation>Oznacz jako przeczytaną</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete it</source>
        <translation>Usuń ją</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move it to the folder</source>
        <translation>Przenieś do folderu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incoming mail (IMAP):</source>
        <translation>Poczta przy&amp;chodząca (IMAP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP pass&amp;word:</source>
        <translation>&amp;Hasło IMAP:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outgoing mail (SMTP):</source>
        <translation>Poczta &amp;wychodząca (SMTP):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP passwor&amp;d:</source>
        <translation>Ha&amp;sło SMTP:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After &amp;fetching a mail:</source>
        <translation>&amp;Po pobraniu wiadomości:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Charset of 8-bit mail:</source>
        <translation>&amp;Kodowanie poczty 8-bitowej:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pultd fetches new mail from the IMAP folder as it arrives, makes tickets of it, and sends the department&apos;s replies through SMTP. The server keeps the passwords sealed and never shows them: leave them empty to keep them. The charset is for mail from old programs that do not say theirs: windows-1250 for Slovenian, Croatian and Polish, windows-1257 for Lithuanian.</source>
        <translation>pultd pobiera nową pocztę z folderu IMAP, gdy przychodzi, tworzy z niej zgłoszenia i wysyła odpowiedzi działu przez SMTP. Serwer przechowuje hasła zaszyfrowane i nigdy ich nie pokazuje: zostaw je puste, aby je zachować. Kodowanie dotyczy poczty ze starych programów, które nie podają swojego: windows-1250 dla słoweńskiego, chorwackiego i polskiego, windows-1257 dla litewskiego.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Not fetched by this server yet</source>
        <translation>Ten serwer jeszcze nie pobiera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failing: %1</source>
        <translation>Błąd: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Łączenie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected, waiting for mail</source>
        <translation>Połączono, czeka na pocztę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Połączono</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The mailboxes could not be read from the server: %1</source>
        <translation>Nie udało się odczytać skrzynek z serwera: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>required</source>
        <translation>wymagane</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unchanged</source>
        <translation>bez zmian</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Address: &quot;%1&quot; is not an e-mail address.</source>
        <translation>Adres: „%1” nie jest adresem e-mail.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incoming mail: %1.</source>
        <translation>Poczta przychodząca: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outgoing mail: %1.</source>
        <translation>Poczta wychodząca: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After fetching: name the folder to move mail to.</source>
        <translation>Po pobraniu: podaj folder, do którego przenosić pocztę.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Charset: name one, such as windows-1250.</source>
        <translation>Kodowanie: podaj je, np. windows-1250.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new mailbox needs its IMAP and SMTP passwords.</source>
        <translation>Nowa skrzynka wymaga haseł IMAP i SMTP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give both passwords to change them, or neither to keep them.</source>
        <translation>Podaj oba hasła, aby je zmienić, albo żadnego, aby je zachować.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Mend the errors above first.</source>
        <translation>Najpierw popraw powyższe błędy.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mailbox %1 added.</source>
        <translation>Dodano skrzynkę %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mailbox %1 saved.</source>
        <translation>Zapisano skrzynkę %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mailbox %1 removed.</source>
        <translation>Usunięto skrzynkę %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Zapisywanie…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server refused the change: %1</source>
        <translation>Serwer odrzucił zmianę: %1</translation>
    </message>
</context>
<context>
    <name>Pult::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+173"/>
        <source>The change was not made: %1</source>
        <translation>Nie wprowadzono zmiany: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number of tickets</source>
        <translation>Liczba zgłoszeń</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data: %1</source>
        <translation>Dane: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data directory</source>
        <translation>Katalog danych</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Views</source>
        <translation>Widoki</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search tickets</source>
        <translation>Szukaj zgłoszeń</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search subjects, messages, contacts (Ctrl+F)</source>
        <translation>Szukaj w tematach, wiadomościach, kontaktach (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tickets</source>
        <translation>Zgłoszenia</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Sent; it goes to the server with the next sync.</source>
        <translation>Wysłano; trafi na serwer przy najbliższej synchronizacji.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dismiss</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+7"/>
        <location line="+353"/>
        <source>No tickets yet</source>
        <translation>Brak zgłoszeń</translation>
    </message>
    <message>
        <location line="-359"/>
        <source>Pult keeps a local copy of your help desk in %1, and it is empty. Sign in to your team&apos;s Pult server to fill it, or try Pult on its own with a realistic demo help desk:</source>
        <translation>Pult przechowuje lokalną kopię danych Twojego helpdesku w %1, ale jest ona pusta. Zaloguj się do serwera Pult swojego zespołu, aby ją wypełnić, albo wypróbuj Pult samodzielnie na realistycznym helpdesku demonstracyjnym:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Then press Reload (F5).</source>
        <translation>Następnie naciśnij Odśwież (F5).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in…</source>
        <translation>Zaloguj się…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <location line="+191"/>
        <location line="+22"/>
        <source>Save as a view</source>
        <translation>Zapisz jako widok</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Name of the view:</source>
        <translation>Nazwa widoku:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only me</source>
        <translation>Tylko ja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agents of %1</source>
        <translation>Agenci działu %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everyone</source>
        <translation>Wszyscy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who sees the view:</source>
        <translation>Kto widzi widok:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The view was not saved: %1</source>
        <translation>Nie zapisano widoku: %1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Search: “%1”</source>
        <translation>Wyszukiwanie: „%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>No matching tickets</source>
        <translation>Brak pasujących zgłoszeń</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The %L1 best matches</source>
        <translation>Najlepsze wyniki: %L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>1 matching ticket</source>
        <translation>1 pasujące zgłoszenie</translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <location line="+10"/>
        <source>%Ln matching tickets</source>
        <translation>
            <numerusform>%Ln pasujące zgłoszenie</numerusform>
            <numerusform>%Ln pasujące zgłoszenia</numerusform>
            <numerusform>%Ln pasujących zgłoszeń</numerusform>
        </translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Filter: %1</source>
        <translation>Filtr: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%L1 or more matching tickets</source>
        <translation>Pasujące zgłoszenia: %L1 lub więcej</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Could not read the local store: %1</source>
        <translation>Nie można odczytać lokalnej kopii: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+299"/>
        <source>&amp;Sign in…</source>
        <translation>&amp;Zaloguj się…</translation>
    </message>
    <message>
        <location line="-297"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Wyloguj się</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Synchronizuj teraz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open another &amp;profile…</source>
        <translation>Otwórz inny &amp;profil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your si&amp;gnature…</source>
        <translation>Twój po&amp;dpis…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature</source>
        <translation>Podpis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added under every reply; placeholders such as {{agent.name}} work (docs/templates.md):</source>
        <translation>Dodawany pod każdą odpowiedzią; działają symbole zastępcze, np. {{agent.name}} (docs/templates.md):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Nie przeszkadzać</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Away: no new tickets for me</source>
        <translation>&amp;Nieobecny: bez nowych zgłoszeń dla mnie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>Za&amp;kończ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ticket</source>
        <translation>&amp;Zgłoszenie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reply</source>
        <translation>&amp;Odpowiedz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Internal &amp;note</source>
        <translation>&amp;Notatka wewnętrzna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insert &amp;canned response…</source>
        <translation>Wstaw &amp;gotową odpowiedź…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Take</source>
        <translation>Prze&amp;jmij</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assign to…</source>
        <translation>&amp;Przypisz do…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;xt ticket</source>
        <translation>Następne &amp;zgłoszenie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No ticket is waiting in your queues.</source>
        <translation>W Twoich kolejkach nie czeka żadne zgłoszenie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+85"/>
        <source>&amp;Priority</source>
        <translation>P&amp;riorytet</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>&amp;Department</source>
        <translation>&amp;Dział</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cate&amp;gory…</source>
        <translation>&amp;Kategoria…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ta&amp;gs…</source>
        <translation>&amp;Etykiety…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Escalate to the next tier</source>
        <translation>Eskaluj do następnej l&amp;inii</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;ue date…</source>
        <translation>&amp;Termin…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;minder…</source>
        <translation>Przypo&amp;mnienie…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Merge into…</source>
        <translation>S&amp;cal z…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Link with…</source>
        <translation>Po&amp;wiąż z…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as s&amp;pam</source>
        <translation>Oznacz jako sp&amp;am</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New status lin&amp;k for the customer</source>
        <translation>Nowy &amp;link do statusu dla klienta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer&apos;s old status link no longer works; the next mail to them carries the new one.</source>
        <translation>Stary link do statusu klienta już nie działa; następna wiadomość do klienta będzie zawierać nowy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gives the customer&apos;s status page a new address, for when the old one reached someone it should not have.</source>
        <translation>Nadaje stronie statusu klienta nowy adres, na wypadek gdyby stary trafił do niepowołanej osoby.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xport the requester&apos;s personal data…</source>
        <translation>Eksportuj dane oso&amp;bowe klienta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves everything Pult holds about the customer (their tickets, messages and files) as a zip file, for a request under the GDPR.</source>
        <translation>Zapisuje wszystko, co Pult przechowuje o kliencie (jego zgłoszenia, wiadomości i pliki), jako plik ZIP na potrzeby żądania na podstawie RODO.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Erase the requester&apos;s personal data…</source>
        <translation>&amp;Usuń dane osobowe klienta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removes the customer&apos;s name and addresses, and the text and files of their messages, on all of their tickets.</source>
        <translation>Usuwa imię i nazwisko oraz adresy klienta, a także treść i pliki jego wiadomości we wszystkich jego zgłoszeniach.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting and re&amp;fused changes…</source>
        <translation>Oczekujące i odrzucone zmian&amp;y…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>&amp;Szukaj</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Order</source>
        <translation>&amp;Kolejność</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last &amp;update</source>
        <translation>Ostatnia &amp;aktualizacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Creation</source>
        <translation>Data &amp;utworzenia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;SLA deadline</source>
        <translation>&amp;Termin SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue order</source>
        <translation>Kolejność w &amp;kolejce</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filtr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the saved &amp;view</source>
        <translation>Usuń zapisany &amp;widok</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shared view is removed by a lead of its department or an admin.</source>
        <translation>Udostępniony widok może usunąć kierownik zespołu jego działu lub administrator.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Reload</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Pulpit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your departments&apos; backlog, response and resolution times, SLA attainment and satisfaction, as charts.</source>
        <translation>Zaległości Twoich działów, czasy odpowiedzi i rozwiązania, dotrzymanie SLA i zadowolenie na wykresach.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;ettings</source>
        <translation>&amp;Ustawienia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Departments…</source>
        <translation>&amp;Działy…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business hours, SLA policy, queue order, reply header and footer, and goals of your departments.</source>
        <translation>Godziny pracy, zasady SLA, kolejność kolejki, nagłówek i stopka odpowiedzi oraz cele twoich działów.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Agents…</source>
        <translation>&amp;Agenci…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who works in the help desk: add agents, their roles and departments, deactivate them, and the tickets they left.</source>
        <translation>Kto pracuje w dziale pomocy: dodawanie agentów, ich role i działy, dezaktywacja oraz pozostawione przez nich zgłoszenia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Canned responses…</source>
        <translation>&amp;Gotowe odpowiedzi…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your canned responses, and your departments&apos; or everyone&apos;s where you may write them.</source>
        <translation>Twoje gotowe odpowiedzi oraz odpowiedzi twoich działów lub wszystkich, tam gdzie możesz je pisać.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared &amp;views…</source>
        <translation>Wspólne &amp;widoki…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The views you share with your departments&apos; agents (admins: with everyone).</source>
        <translation>Widoki udostępniane agentom twoich działów (administratorzy: wszystkim).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rules…</source>
        <translation>&amp;Reguły…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automation rules of your departments: when something happens to a ticket that matches a filter, what Pult does.</source>
        <translation>Reguły automatyzacji twoich działów: co Pult robi, gdy coś dzieje się ze zgłoszeniem pasującym do filtra.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Command palette…</source>
        <translation>&amp;Paleta poleceń…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Language</source>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>Język systemu</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The window speaks %1 from its next start.</source>
        <translation>Od następnego uruchomienia okno będzie w języku: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Sign in again…</source>
        <translation>&amp;Zaloguj się ponownie…</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Could not tell the server: %1</source>
        <translation>Nie udało się powiadomić serwera: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Away: no new tickets are assigned to you.</source>
        <translation>Nieobecność: nowe zgłoszenia nie są ci przydzielane.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back: new tickets can be assigned to you.</source>
        <translation>Powrót: nowe zgłoszenia mogą być ci przydzielane.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open one ticket with a requester to export their data.</source>
        <translation>Otwórz zgłoszenie klienta, aby wyeksportować jego dane.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>personal data of %1.zip</source>
        <translation>dane osobowe %1.zip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export personal data</source>
        <translation>Eksportuj dane osobowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip archives (*.zip)</source>
        <translation>Archiwa ZIP (*.zip)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting %1&apos;s data…</source>
        <translation>Eksportowanie danych klienta %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not export %1&apos;s data: %2</source>
        <translation>Nie udało się wyeksportować danych klienta %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1&apos;s data to %2</source>
        <translation>Zapisano dane klienta %1 w %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open one ticket with a requester to erase their data.</source>
        <translation>Otwórz zgłoszenie klienta, aby usunąć jego dane.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase personal data</source>
        <translation>Usuń dane osobowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase everything Pult holds about %1 (%2)?</source>
        <translation>Usunąć wszystko, co Pult przechowuje o kliencie %1 (%2)?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their name and addresses, and the text and files of their messages on all of their tickets, are removed for good, here and on the server. The tickets stay. This cannot be undone.</source>
        <translation>Imię i nazwisko, adresy oraz treść i pliki wiadomości we wszystkich zgłoszeniach tego klienta zostaną trwale usunięte, tutaj i na serwerze. Same zgłoszenia pozostaną. Tej operacji nie można cofnąć.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1&apos;s personal data is being erased; every window shows it with its next sync.</source>
        <translation>Dane osobowe klienta %1 są usuwane; każde okno pokaże to po najbliższej synchronizacji.</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+328"/>
        <source>There is no ticket #%1 here.</source>
        <translation>Nie ma tu zgłoszenia #%1.</translation>
    </message>
    <message>
        <location line="-314"/>
        <source>Open the ticket</source>
        <translation>Otwórz zgłoszenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All refused changes</source>
        <translation>Wszystkie odrzucone zmiany</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused your change: %1</source>
        <translation>Serwer odrzucił twoją zmianę: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a ticket</source>
        <translation>zgłoszenie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused your change to %1 and it was undone: %2</source>
        <translation>Serwer odrzucił Twoją zmianę (%1), więc została cofnięta: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change refused</source>
        <translation>Zmiana odrzucona</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n updates on your tickets</source>
        <translation>
            <numerusform>%n aktualizacja w Twoich zgłoszeniach</numerusform>
            <numerusform>%n aktualizacje w Twoich zgłoszeniach</numerusform>
            <numerusform>%n aktualizacji w Twoich zgłoszeniach</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sync state</source>
        <translation>Stan synchronizacji</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Uploaded %1</source>
        <translation>Wysłano %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploading %1: %2 of %3</source>
        <translation>Wysyłanie %1: %2 z %3</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Signed out. Your local data and waiting changes stay.</source>
        <translation>Wylogowano. Dane lokalne i oczekujące zmiany pozostają.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not sign out: %1</source>
        <translation>Nie udało się wylogować: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open %1</source>
        <translation>Otwórz %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>Zapisz jako…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save attachment</source>
        <translation>Zapisz załącznik</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fetching %1…</source>
        <translation>Pobieranie %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fetching %1: %2 of %3</source>
        <translation>Pobieranie %1: %2 z %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not write %1</source>
        <translation>Nie można zapisać %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not fetch the attachment: %1</source>
        <translation>Nie udało się pobrać załącznika: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1</source>
        <translation>Zapisano %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nobody (unassign)</source>
        <translation>Nikt (usuń przypisanie)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assign</source>
        <translation>Przypisz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assign to:</source>
        <translation>Przypisz do:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Brak</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category (choose one or type a new one):</source>
        <translation>Kategoria (wybierz lub wpisz nową):</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tags</source>
        <translation>Etykiety</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags to add, or to remove with a leading minus (vip -spam):</source>
        <translation>Etykiety do dodania lub, z minusem na początku, do usunięcia (vip -spam):</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merge</source>
        <translation>Scal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Powiąż</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge this ticket into ticket number:</source>
        <translation>Scal to zgłoszenie ze zgłoszeniem numer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link with ticket number:</source>
        <translation>Powiąż ze zgłoszeniem numer:</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Reminder</source>
        <translation>Przypomnienie</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Due date</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Wyczyść</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open a profile (a Pult data directory)</source>
        <translation>Otwórz profil (katalog danych Pult)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not start another window.</source>
        <translation>Nie udało się otworzyć kolejnego okna.</translation>
    </message>
</context>
<context>
    <name>Pult::NoticeMenu</name>
    <message>
        <location filename="../ui/noticemenu.cpp" line="+10"/>
        <location line="+41"/>
        <source>&amp;Notices</source>
        <translation>&amp;Powiadomienia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Notices (%1)</source>
        <translation>&amp;Powiadomienia (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No notices: automation rules that notify you put them here</source>
        <translation>Brak powiadomień: trafiają tu z reguł automatyzacji, które cię powiadamiają</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a ticket</source>
        <translation>zgłoszenie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · rule “%2” · %3</source>
        <translation>%1 · reguła „%2” · %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Mark all as read</source>
        <translation>&amp;Oznacz wszystkie jako przeczytane</translation>
    </message>
</context>
<context>
    <name>Pult::RuleSettings</name>
    <message>
        <location filename="../ui/rulesettings.cpp" line="+34"/>
        <source>%1, column %2: %3</source>
        <translation>%1, kolumna %2: %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Enabled</source>
        <translation>&amp;Włączona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top: no later rule runs for the same event</source>
        <translation>&amp;Zatrzymaj: żadna późniejsza reguła nie działa dla tego samego zdarzenia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules</source>
        <translation>Reguły</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+77"/>
        <source>Every department</source>
        <translation>Wszystkie działy</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Rules run in ascending position, then by name.</source>
        <translation>Reguły działają w kolejności rosnącej pozycji, potem według nazwy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When a ticket is created, the customer or an agent writes, a field changes or a time passes; if it matches the filter (empty: every ticket); then set fields, add or remove tags, add a note, reply with a canned response or notify someone. The words are those of pultctl rule (docs/automation.md).</source>
        <translation>Gdy zgłoszenie zostanie utworzone, klient lub agent napisze, pole się zmieni lub upłynie czas; jeśli pasuje do filtra (puste: każde zgłoszenie); wtedy ustawia pola, dodaje lub usuwa etykiety, dodaje notatkę, odpowiada gotową odpowiedzią lub kogoś powiadamia. Słowa są takie jak w pultctl rule (docs/automation.md).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>&amp;Dział:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When:</source>
        <translation>&amp;Kiedy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;If:</source>
        <translation>&amp;Jeśli:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;hen:</source>
        <translation>&amp;Wtedy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Position:</source>
        <translation>&amp;Pozycja:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New rule</source>
        <translation>&amp;Nowa reguła</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The rules come from the server: %1</source>
        <translation>Reguły pochodzą z serwera: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>another department</source>
        <translation>inny dział</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>Włączona</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Wyłączona</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>A rule needs a name.</source>
        <translation>Reguła musi mieć nazwę.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the trigger</source>
        <translation>wyzwalacz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the condition, %1</source>
        <translation>warunek, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the actions</source>
        <translation>działania</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rule &quot;%1&quot; added.</source>
        <translation>Dodano regułę „%1”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule &quot;%1&quot; saved.</source>
        <translation>Zapisano regułę „%1”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rule &quot;%1&quot; removed.</source>
        <translation>Usunięto regułę „%1”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Zapisywanie…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server refused the change: %1</source>
        <translation>Serwer odrzucił zmianę: %1</translation>
    </message>
</context>
<context>
    <name>Pult::SettingVerdict</name>
    <message>
        <location filename="../ui/settingverdict.cpp" line="+27"/>
        <source>Offline: the change waits and goes to the server when it is back.</source>
        <translation>Brak połączenia: zmiana poczeka i trafi na serwer, gdy będzie znów dostępny.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving…</source>
        <translation>Zapisywanie…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The change waits until you sign in.</source>
        <translation>Zmiana poczeka, aż się zalogujesz.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server refused the change: %1</source>
        <translation>Serwer odrzucił zmianę: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved.</source>
        <translation>Zapisano.</translation>
    </message>
</context>
<context>
    <name>Pult::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+18"/>
        <source>Sign in to Pult</source>
        <translation>Logowanie do Pult</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server</source>
        <translation>Serwer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://help.example.com</source>
        <translation>https://help.example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in</source>
        <translation>Zaloguj się</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serwer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Signing in…</source>
        <translation>Logowanie…</translation>
    </message>
</context>
<context>
    <name>Pult::TicketActions</name>
    <message>
        <location filename="../ui/ticketactions.cpp" line="+26"/>
        <source>Nobody is signed in on this profile.</source>
        <translation>Nikt nie jest zalogowany w tym profilu.</translation>
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
        <translation>%1 po terminie</translation>
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
        <translation>Nieprzypisane</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Your changes to this ticket wait to be sent to the server.</source>
        <translation>Twoje zmiany w tym zgłoszeniu czekają na wysłanie na serwer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server gives this ticket its number when it syncs.</source>
        <translation>Serwer nada temu zgłoszeniu numer podczas synchronizacji.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1
Channel: %2</source>
        <comment>subject, channel</comment>
        <translation>%1
Kanał: %2</translation>
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
        <translation>Temat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requester</source>
        <translation>Klient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Priorytet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignee</source>
        <translation>Przypisany agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department</source>
        <translation>Dział</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Zaktualizowano</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket number</source>
        <translation>Numer zgłoszenia</translation>
    </message>
</context>
<context>
    <name>Pult::TicketPane</name>
    <message>
        <location filename="../ui/ticketpane.cpp" line="+32"/>
        <source>Ticket conversation</source>
        <translation>Rozmowa w zgłoszeniu</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a ticket to read it.
j and k move through the list.</source>
        <translation>Wybierz zgłoszenie, aby je przeczytać.
Klawisze j i k przesuwają zaznaczenie na liście.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This ticket could not be read from the local store:
%1</source>
        <translation>Nie można odczytać tego zgłoszenia z lokalnej kopii:
%1</translation>
    </message>
</context>
<context>
    <name>Pult::ViewListModel</name>
    <message>
        <location filename="../ui/viewlistmodel.cpp" line="+52"/>
        <source>Views</source>
        <translation>Widoki</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My tickets</source>
        <translation>Moje zgłoszenia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work assigned to you: new, open, pending and on-hold tickets</source>
        <translation>Niezakończone zgłoszenia przypisane do Ciebie: nowe, otwarte, oczekujące i wstrzymane</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unassigned</source>
        <translation>Nieprzypisane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work nobody has taken yet</source>
        <translation>Niezakończone zgłoszenia, których nikt jeszcze nie przejął</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My departments</source>
        <translation>Moje działy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open work in the departments you belong to</source>
        <translation>Niezakończone zgłoszenia w działach, do których należysz</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pending</source>
        <translation>Oczekujące</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the customer&apos;s answer</source>
        <translation>Czekają na odpowiedź klienta</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Breaching soon</source>
        <translation>Zagrożone SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your tickets whose SLA deadline is due within two hours, the most urgent first</source>
        <translation>Twoje zgłoszenia z terminem SLA w ciągu dwóch godzin, od najpilniejszych</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solved</source>
        <translation>Rozwiązane</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solved and closed tickets</source>
        <translation>Zgłoszenia rozwiązane i zamknięte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All I can see</source>
        <translation>Wszystkie dostępne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every ticket in your cache, whatever its status</source>
        <translation>Każde zgłoszenie w Twojej lokalnej kopii, bez względu na status</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Departments</source>
        <translation>Działy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open work in %1: new, open, pending and on-hold tickets</source>
        <translation>Niezakończone zgłoszenia w dziale %1: nowe, otwarte, oczekujące i wstrzymane</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shared views</source>
        <translation>Udostępnione widoki</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>everyone</source>
        <translation>wszyscy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shared with %1: %2</source>
        <translation>Udostępniony (%1): %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+260"/>
        <source>Saved filters</source>
        <translation>Zapisane filtry</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The saved filters could not be read: %1</source>
        <translation>Nie można odczytać zapisanych filtrów: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A saved filter needs a name.</source>
        <translation>Zapisany filtr musi mieć nazwę.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An empty filter cannot be saved.</source>
        <translation>Nie można zapisać pustego filtru.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>There is no saved filter &quot;%1&quot;.</source>
        <translation>Nie ma zapisanego filtru „%1”.</translation>
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
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared views</source>
        <translation>Wspólne widoki</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shown to</source>
        <translation>Widoczny dla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Filter</source>
        <translation>Filtr</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+49"/>
        <source>The agents of %1</source>
        <translation>Agenci działu %1</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+44"/>
        <source>Everyone</source>
        <translation>Wszyscy</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtr:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown &amp;to:</source>
        <translation>&amp;Widoczny dla:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New view</source>
        <translation>&amp;Nowy widok</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>another department</source>
        <translation>inny dział</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>A view needs a name.</source>
        <translation>Widok musi mieć nazwę.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A view needs a filter.</source>
        <translation>Widok musi mieć filtr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: %1</source>
        <translation>Filtr: %1</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <location filename="../ui/storeopener.cpp" line="+22"/>
        <source>Pult cannot open its local data in %1.</source>
        <translation>Pult nie może otworzyć danych lokalnych w %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The local copy of your help desk data is damaged.</source>
        <translation>Lokalna kopia danych Twojego helpdesku jest uszkodzona.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server keeps everything that was synced. Repair moves the damaged file aside (it is not deleted), starts a fresh local copy that keeps your changes not yet sent, and fetches the rest from the server again.</source>
        <translation>Serwer przechowuje wszystko, co zostało zsynchronizowane. Naprawa odkłada uszkodzony plik na bok (nie jest on usuwany), zakłada nową lokalną kopię z Twoimi jeszcze niewysłanymi zmianami i ponownie pobiera resztę z serwera.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repair</source>
        <translation>Napraw</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local data could not be repaired.</source>
        <translation>Nie udało się naprawić danych lokalnych.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <location filename="../core/sync/syncengine.cpp" line="+22"/>
        <source>Signed out</source>
        <translation>Wylogowano</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline — 1 change waiting</source>
        <translation>Bez połączenia — 1 zmiana czeka</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Offline — %n changes waiting</source>
        <translation>
            <numerusform>Bez połączenia — %n zmiana czeka</numerusform>
            <numerusform>Bez połączenia — %n zmiany czekają</numerusform>
            <numerusform>Bez połączenia — %n zmian czeka</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Bez połączenia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing %1 %</source>
        <translation>Synchronizacja %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing</source>
        <translation>Synchronizacja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synced — 1 change waiting</source>
        <translation>Zsynchronizowano — 1 zmiana czeka</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synced — %n changes waiting</source>
        <translation>
            <numerusform>Zsynchronizowano — %n zmiana czeka</numerusform>
            <numerusform>Zsynchronizowano — %n zmiany czekają</numerusform>
            <numerusform>Zsynchronizowano — %n zmian czeka</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced</source>
        <translation>Zsynchronizowano</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: %1</source>
        <translation>Błąd: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/pult/main.cpp" line="+45"/>
        <source>Help desk agent workstation</source>
        <translation>Stanowisko agenta helpdesku</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local data directory (default: $PULT_HOME, else the platform&apos;s application data location).</source>
        <translation>Katalog danych lokalnych (domyślnie: $PULT_HOME, a jeśli nie jest ustawiona, systemowa lokalizacja danych aplikacji).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DIR</source>
        <translation>KATALOG</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no data directory: pass --home DIR or set PULT_HOME</source>
        <translation>brak katalogu danych: podaj --home KATALOG lub ustaw PULT_HOME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open the local data in %1: %2</source>
        <translation>nie można otworzyć danych lokalnych w %1: %2</translation>
    </message>
</context>
</TS>
