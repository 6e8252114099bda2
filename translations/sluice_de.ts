<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>state database: %1: %2</source>
        <translation>Zustandsdatenbank: %1: %2</translation>
    </message>
</context>
<context>
    <name>sluice::cli</name>
    <message>
        <source>&quot;%1&quot; is not available in this build yet; see the README for the verbs that exist</source>
        <translation>„%1“ ist in diesem Build noch nicht verfügbar; die vorhandenen Befehle stehen in der README</translation>
    </message>
    <message>
        <source>unknown verb &quot;%1&quot;

%2</source>
        <translation>unbekannter Befehl „%1“

%2</translation>
    </message>
    <message>
        <source>%1: --%2 needs a value</source>
        <translation>%1: --%2 braucht einen Wert</translation>
    </message>
    <message>
        <source>%1: unknown option --%2</source>
        <translation>%1: unbekannte Option --%2</translation>
    </message>
    <message>
        <source>%1: wrong number of arguments

%2</source>
        <translation>%1: falsche Anzahl von Argumenten

%2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>destination %1: %2</source>
        <translation>Ziel %1: %2</translation>
    </message>
    <message>
        <source>destination %1: directory %2 is not writable</source>
        <translation>Ziel %1: Verzeichnis %2 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>ok: source %1 (%2) reached</source>
        <translation>ok: Quelle %1 (%2) erreicht</translation>
    </message>
    <message>
        <source>model %1: source %2 is not reachable</source>
        <translation>Modell %1: Quelle %2 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>model %1: %2</source>
        <translation>Modell %1: %2</translation>
    </message>
    <message>
        <source>ok: model %1 compiles (%2 columns, %3 rows, key unique)</source>
        <translation>ok: Modell %1 lässt sich übersetzen (%2 Spalten, %3 Zeilen, Schlüssel eindeutig)</translation>
    </message>
    <message>
        <source>ok: destination %1 (%2)</source>
        <translation>ok: Ziel %1 (%2)</translation>
    </message>
    <message>
        <source>sluice.json is valid; every source and model checks out</source>
        <translation>sluice.json ist gültig; alle Quellen und Modelle sind in Ordnung</translation>
    </message>
    <message>
        <source>init: --rows goes with --demo</source>
        <translation>init: --rows gehört zu --demo</translation>
    </message>
    <message>
        <source>init: --rows takes a number from 1 to 10000000</source>
        <translation>init: --rows nimmt eine Zahl von 1 bis 10000000</translation>
    </message>
    <message>
        <source>demo warehouse: %1 of %2 users</source>
        <translation>Demo-Warehouse: %1 von %2 Nutzern</translation>
    </message>
    <message>
        <source>Created demo workspace %1 (%2 customers). Try: sluice preview customer_360 --workspace %1</source>
        <translation>Demo-Arbeitsbereich %1 angelegt (%2 Kunden). Probieren Sie: sluice preview customer_360 --workspace %1</translation>
    </message>
    <message>
        <source>Created workspace %1. Add a source to sluice.json, or open it in the GUI: sluice --workspace %1</source>
        <translation>Arbeitsbereich %1 angelegt. Fügen Sie in sluice.json eine Quelle hinzu oder öffnen Sie ihn in der GUI: sluice --workspace %1</translation>
    </message>
    <message>
        <source>preview: --limit takes a number from 0 to 100000</source>
        <translation>preview: --limit nimmt eine Zahl von 0 bis 100000</translation>
    </message>
    <message>
        <source>preview: unknown model &quot;%1&quot; (models: %2)</source>
        <translation>preview: unbekanntes Modell „%1“ (Modelle: %2)</translation>
    </message>
    <message>
        <source>%1 row(s) in %2 ms; model checks in %3 ms</source>
        <translation>%1 Zeile(n) in %2 ms; Modellprüfungen in %3 ms</translation>
    </message>
    <message>
        <source>model %1: primary key %2 is present, non-null and unique over %3 rows</source>
        <translation>Modell %1: Primärschlüssel %2 ist vorhanden, nie NULL und eindeutig über %3 Zeilen</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Usage: sluice &lt;verb&gt; [options]

  init DIR [--demo] [--rows N]     create a workspace (--demo: embedded demo warehouse)
  check [--json]                   validate sluice.json, reach sources, compile models
  preview MODEL [--limit N] [--json]  first rows, columns and model checks
  plan SYNC [--full-resync] [--json]  what a run would send; sends nothing
  run SYNC [--full-resync] [--json]   run a sync now
  runs [SYNC] [--json]             run history with counts and metrics
  rejections SYNC [--run ID] [--all] [--json]  records not in the destination, and why
  metrics [SYNC] [--json]          (not available yet)
  agent [--no-tray]                run schedules (not available yet)

Common options:
  --workspace DIR   the workspace (default: $SLUICE_WORKSPACE, then the current directory)
  --json            one JSON document on stdout

Without a verb, sluice opens the GUI.
</source>
        <translation>Aufruf: sluice &lt;Befehl&gt; [Optionen]

  init DIR [--demo] [--rows N]     Arbeitsbereich anlegen (--demo: eingebautes Demo-Warehouse)
  check [--json]                   sluice.json prüfen, Quellen erreichen, Modelle übersetzen
  preview MODEL [--limit N] [--json]  erste Zeilen, Spalten und Modellprüfungen
  plan SYNC [--full-resync] [--json]  was ein Lauf senden würde; sendet nichts
  run SYNC [--full-resync] [--json]   einen Sync jetzt ausführen
  runs [SYNC] [--json]             Laufhistorie mit Zählern und Kennzahlen
  rejections SYNC [--run ID] [--all] [--json]  Datensätze, die nicht im Ziel sind, und warum
  metrics [SYNC] [--json]          (noch nicht verfügbar)
  agent [--no-tray]                Zeitpläne ausführen (noch nicht verfügbar)

Allgemeine Optionen:
  --workspace DIR   der Arbeitsbereich (Standard: $SLUICE_WORKSPACE, dann das aktuelle Verzeichnis)
  --json            ein JSON-Dokument auf stdout

Ohne Befehl öffnet sluice die GUI.
</translation>
    </message>
    <message>
        <source>sync %1 %2: %3 added, %4 changed, %5 removed, %6 unchanged, %7 excluded (no consent), %8 invalid, %9 delivered, %10 rejected</source>
        <translation>Sync %1 %2: %3 neu, %4 geändert, %5 entfernt, %6 unverändert, %7 ausgeschlossen (keine Einwilligung), %8 ungültig, %9 zugestellt, %10 abgelehnt</translation>
    </message>
    <message>
        <source>  %1 %2: %3</source>
        <translation>  %1 %2: %3</translation>
    </message>
    <message>
        <source>  … and %1 more; all of them: sluice rejections %2</source>
        <translation>  … und %1 weitere; alle: sluice rejections %2</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) would be sent; nothing was sent</source>
        <translation>
            <numerusform>%n Operation würde gesendet; nichts wurde gesendet</numerusform>
            <numerusform>%n Operationen würden gesendet; nichts wurde gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2  %3  %4: +%5 ~%6 -%7 delivered %8, rejected %9, invalid %10%11</source>
        <translation>%1  %2  %3  %4: +%5 ~%6 -%7 zugestellt %8, abgelehnt %9, ungültig %10%11</translation>
    </message>
    <message>
        <source>no runs yet</source>
        <translation>noch keine Läufe</translation>
    </message>
    <message>
        <source>%1  %2  attempts %3  %4%5</source>
        <translation>%1  %2  Versuche %3  %4%5</translation>
    </message>
    <message>
        <source> (delivered in %1)</source>
        <translation> (zugestellt in %1)</translation>
    </message>
    <message>
        <source>sync %1: every record is in the destination; nothing held back</source>
        <translation>Sync %1: alle Datensätze sind im Ziel; nichts zurückgehalten</translation>
    </message>
    <message>
        <source>destination %1: header %2</source>
        <translation>Ziel %1: Header %2</translation>
    </message>
    <message>
        <source>destination %1: cannot reach %2: %3</source>
        <translation>Ziel %1: %2 nicht erreichbar: %3</translation>
    </message>
</context>
<context>
    <name>sluice::demo</name>
    <message>
        <source>the demo warehouse holds 1 to 10,000,000 users</source>
        <translation>das Demo-Warehouse fasst 1 bis 10.000.000 Nutzer</translation>
    </message>
    <message>
        <source>demo warehouse %1: %2: %3</source>
        <translation>Demo-Warehouse %1: %2: %3</translation>
    </message>
    <message>
        <source>cannot create</source>
        <translation>kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>Festschreiben</translation>
    </message>
</context>
<context>
    <name>sluice::destination</name>
    <message>
        <source>destination %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an http(s) URL</source>
        <translation>%1: „%2“ ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>%1: the %2 destination is not available in this build yet</source>
        <translation>%1: das Ziel %2 ist in diesem Build noch nicht verfügbar</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1: %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>no such record to update</source>
        <translation>kein solcher Datensatz zum Aktualisieren</translation>
    </message>
    <message>
        <source>record already exists (insert only)</source>
        <translation>Datensatz existiert bereits (nur Einfügen)</translation>
    </message>
    <message>
        <source>%1: cannot write %2: %3</source>
        <translation>%1: %2 kann nicht geschrieben werden: %3</translation>
    </message>
    <message>
        <source>%1: gave up on batch %2 after %3 attempts: %4</source>
        <translation>%1: Stapel %2 nach %3 Versuchen aufgegeben: %4</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>rejected by the destination (no reason given)</source>
        <translation>vom Ziel abgelehnt (ohne Begründung)</translation>
    </message>
    <message>
        <source>HTTP %1 (throttled)</source>
        <translation>HTTP %1 (gedrosselt)</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: cannot connect: %2</source>
        <translation>%1: keine Verbindung möglich: %2</translation>
    </message>
    <message>
        <source>%1: the sync must name the table in &quot;object&quot;</source>
        <translation>%1: der Sync muss die Tabelle in „object“ nennen</translation>
    </message>
    <message>
        <source>%1: table %2 does not exist; create it, or set &quot;create_table&quot;: true</source>
        <translation>%1: Tabelle %2 existiert nicht; legen Sie sie an oder setzen Sie &quot;create_table&quot;: true</translation>
    </message>
    <message>
        <source>%1: cannot create table %2: %3</source>
        <translation>%1: Tabelle %2 kann nicht angelegt werden: %3</translation>
    </message>
    <message>
        <source>%1: table %2 has no %3 column to hold the record keys</source>
        <translation>%1: Tabelle %2 hat keine Spalte %3 für die Datensatzschlüssel</translation>
    </message>
    <message>
        <source>%1: table %2 has no column %3</source>
        <translation>%1: Tabelle %2 hat keine Spalte %3</translation>
    </message>
    <message>
        <source>%1: cannot add column %2: %3</source>
        <translation>%1: Spalte %2 kann nicht hinzugefügt werden: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>sluice::engine</name>
    <message>
        <source>sync %1: field %2 carries PII column %3 of model %4, and destination %5 blocks PII; remove the field</source>
        <translation>Sync %1: Feld %2 trägt die PII-Spalte %3 des Modells %4, und Ziel %5 sperrt PII; entfernen Sie das Feld</translation>
    </message>
    <message>
        <source>sync %1: field %2 sends PII column %3 of model %4 unhashed, and destination %5 requires hashing; end its transform with sha256, hash:google or hash:meta</source>
        <translation>Sync %1: Feld %2 sendet die PII-Spalte %3 des Modells %4 ungehasht, und Ziel %5 verlangt Hashing; beenden Sie die Transformation mit sha256, hash:google oder hash:meta</translation>
    </message>
    <message>
        <source>unknown sync &quot;%1&quot; (syncs: %2)</source>
        <translation>unbekannter Sync „%1“ (Syncs: %2)</translation>
    </message>
    <message>
        <source>sync %1: model %2</source>
        <translation>Sync %1: Modell %2</translation>
    </message>
    <message>
        <source>sync %1: no fields are mapped</source>
        <translation>Sync %1: keine Felder zugeordnet</translation>
    </message>
    <message>
        <source>%1: column %2 not found (the sync maps it; the model has %3)</source>
        <translation>%1: Spalte %2 nicht gefunden (der Sync ordnet sie zu; das Modell hat %3)</translation>
    </message>
    <message>
        <source>
sync %1: nothing was sent; fix the model&apos;s key first</source>
        <translation>
Sync %1: nichts wurde gesendet; beheben Sie zuerst den Schlüssel des Modells</translation>
    </message>
    <message>
        <source>field %1: %2</source>
        <translation>Feld %1: %2</translation>
    </message>
    <message>
        <source>identity conflict: records %1 and %2 have the same %3, so the destination would merge them</source>
        <translation>Identitätskonflikt: Datensätze %1 und %2 haben dasselbe %3, das Ziel würde sie zusammenführen</translation>
    </message>
    <message>
        <source>no %1 to match the destination&apos;s records on</source>
        <translation>kein %1, um Datensätze im Ziel zuzuordnen</translation>
    </message>
    <message>
        <source>sync %1</source>
        <translation>Sync %1</translation>
    </message>
    <message>
        <source>sync %1: destination %2 requires field %3, and the sync does not map it</source>
        <translation>Sync %1: Ziel %2 verlangt das Feld %3, und der Sync ordnet es nicht zu</translation>
    </message>
    <message>
        <source> (the warehouse diff keeps its state in schema sluice_state: grant CREATE, or use &quot;diff&quot;: &quot;local&quot;)</source>
        <translation> (der Warehouse-Diff hält seinen Zustand im Schema sluice_state: gewähren Sie CREATE oder nutzen Sie &quot;diff&quot;: &quot;local&quot;)</translation>
    </message>
</context>
<context>
    <name>sluice::mapping</name>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal number</source>
        <translation>„%1“ ist keine Dezimalzahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a boolean</source>
        <translation>„%1“ ist kein Wahrheitswert</translation>
    </message>
    <message>
        <source>unknown type %1</source>
        <translation>unbekannter Typ %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number for region %2</source>
        <translation>„%1“ ist keine gültige Telefonnummer für die Region %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO-8601 timestamp</source>
        <translation>„%1“ ist kein ISO-8601-Zeitstempel</translation>
    </message>
    <message>
        <source>column %1 not found</source>
        <translation>Spalte %1 nicht gefunden</translation>
    </message>
    <message>
        <source>%1 is out of range for rounding</source>
        <translation>%1 liegt außerhalb des Rundungsbereichs</translation>
    </message>
    <message>
        <source>unknown transform</source>
        <translation>unbekannte Transformation</translation>
    </message>
    <message>
        <source>schema field %1 must be an object</source>
        <translation>Schemafeld %1 muss ein Objekt sein</translation>
    </message>
    <message>
        <source>schema field %1: unknown type &quot;%2&quot; (known: %3)</source>
        <translation>Schemafeld %1: unbekannter Typ „%2“ (bekannt: %3)</translation>
    </message>
    <message>
        <source>schema field %1: unknown format &quot;%2&quot; (known: email, e164)</source>
        <translation>Schemafeld %1: unbekanntes Format „%2“ (bekannt: email, e164)</translation>
    </message>
    <message>
        <source>schema field %1: max_length must be a positive number</source>
        <translation>Schemafeld %1: max_length muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>field %1 is required by destination %2 and is empty</source>
        <translation>Feld %1 wird von Ziel %2 verlangt und ist leer</translation>
    </message>
    <message>
        <source>field %1 must be an integer for destination %2; got &quot;%3&quot;</source>
        <translation>Feld %1 muss für Ziel %2 eine ganze Zahl sein; erhalten: „%3“</translation>
    </message>
    <message>
        <source>field %1 must be a number for destination %2; got &quot;%3&quot;</source>
        <translation>Feld %1 muss für Ziel %2 eine Zahl sein; erhalten: „%3“</translation>
    </message>
    <message>
        <source>field %1 must be true or false for destination %2; got &quot;%3&quot;</source>
        <translation>Feld %1 muss für Ziel %2 wahr oder falsch sein; erhalten: „%3“</translation>
    </message>
    <message>
        <source>field %1 must be text for destination %2; got %3 (add cast:string to the mapping)</source>
        <translation>Feld %1 muss für Ziel %2 Text sein; erhalten: %3 (fügen Sie cast:string zur Zuordnung hinzu)</translation>
    </message>
    <message>
        <source>field %1 must be an ISO-8601 timestamp for destination %2; got &quot;%3&quot;</source>
        <translation>Feld %1 muss für Ziel %2 ein ISO-8601-Zeitstempel sein; erhalten: „%3“</translation>
    </message>
    <message>
        <source>field %1 is %2 characters long; destination %3 takes at most %4. Sluice never truncates on its own: add truncate:%4 to the mapping if cutting it is acceptable</source>
        <translation>Feld %1 ist %2 Zeichen lang; Ziel %3 nimmt höchstens %4. Sluice kürzt nie von sich aus: fügen Sie truncate:%4 zur Zuordnung hinzu, wenn Kürzen vertretbar ist</translation>
    </message>
    <message>
        <source>field %1 is &quot;%2&quot;; destination %3 accepts only %4</source>
        <translation>Feld %1 ist „%2“; Ziel %3 akzeptiert nur %4</translation>
    </message>
    <message>
        <source>field %1 is not an e-mail address (&quot;%2&quot;) as destination %3 requires</source>
        <translation>Feld %1 ist keine E-Mail-Adresse („%2“), wie Ziel %3 sie verlangt</translation>
    </message>
    <message>
        <source>field %1 is not an E.164 phone number (&quot;%2&quot;) as destination %3 requires; add phone:REGION to the mapping</source>
        <translation>Feld %1 ist keine E.164-Telefonnummer („%2“), wie Ziel %3 sie verlangt; fügen Sie phone:REGION zur Zuordnung hinzu</translation>
    </message>
</context>
<context>
    <name>sluice::model</name>
    <message>
        <source>model %1: primary key column %2 not found in the model&apos;s columns</source>
        <translation>Modell %1: Primärschlüsselspalte %2 fehlt in den Spalten des Modells</translation>
    </message>
    <message numerus="yes">
        <source>model %1: %n row(s) have a NULL primary key</source>
        <translation>
            <numerusform>Modell %1: %n Zeile hat einen NULL-Primärschlüssel</numerusform>
            <numerusform>Modell %1: %n Zeilen haben einen NULL-Primärschlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 rows)</source>
        <translation>%1 (%2 Zeilen)</translation>
    </message>
    <message>
        <source>model %1: %2 primary key value(s) occur more than once, in %3 rows; for example %4</source>
        <translation>Modell %1: %2 Primärschlüsselwert(e) kommen mehrfach vor, in %3 Zeilen; zum Beispiel %4</translation>
    </message>
</context>
<context>
    <name>sluice::source</name>
    <message>
        <source>%1: the server refused the credentials (check user and password): %2</source>
        <translation>%1: der Server hat die Anmeldedaten abgelehnt (Benutzer und Passwort prüfen): %2</translation>
    </message>
    <message>
        <source>%1: the server is reachable but the database does not exist: %2</source>
        <translation>%1: der Server ist erreichbar, aber die Datenbank existiert nicht: %2</translation>
    </message>
    <message>
        <source>%1: no answer from the host within the connect timeout: %2</source>
        <translation>%1: keine Antwort vom Host innerhalb der Verbindungsfrist: %2</translation>
    </message>
    <message>
        <source>%1: cannot reach the server (check host, port and network): %2</source>
        <translation>%1: Server nicht erreichbar (Host, Port und Netzwerk prüfen): %2</translation>
    </message>
    <message>
        <source>source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>%1: Qt&apos;s PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql</source>
        <translation>%1: Qts PostgreSQL-Treiber (QPSQL) ist nicht installiert; installieren Sie libqt6sql6-psql</translation>
    </message>
    <message>
        <source>%1: the QPSQL driver gave no libpq handle</source>
        <translation>%1: der QPSQL-Treiber lieferte kein libpq-Handle</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the connection was lost</source>
        <translation>%1: die Verbindung ist abgebrochen</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: the connection was lost: %2</source>
        <translation>%1: die Verbindung ist abgebrochen: %2</translation>
    </message>
    <message>
        <source>%1: the warehouse refused the query: %2</source>
        <translation>%1: das Warehouse hat die Abfrage abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1: Qt&apos;s %2 driver is not installed on this machine</source>
        <translation>%1: Qts %2-Treiber ist auf diesem Rechner nicht installiert</translation>
    </message>
    <message>
        <source>%1: cannot connect: %2</source>
        <translation>%1: keine Verbindung möglich: %2</translation>
    </message>
    <message>
        <source>%1: the warehouse failed the query: %2</source>
        <translation>%1: die Abfrage ist im Warehouse fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>source %1: the warehouse refused the query: %2</source>
        <translation>Quelle %1: das Warehouse hat die Abfrage abgelehnt: %2</translation>
    </message>
    <message>
        <source>: password</source>
        <translation>: Passwort</translation>
    </message>
    <message>
        <source>%1: database file %2 does not exist</source>
        <translation>%1: Datenbankdatei %2 existiert nicht</translation>
    </message>
    <message>
        <source>%1: unknown driver &quot;%2&quot;</source>
        <translation>%1: unbekannter Treiber „%2“</translation>
    </message>
    <message>
        <source>%1: the warehouse refused the statement: %2</source>
        <translation>%1: das Warehouse hat die Anweisung abgelehnt: %2</translation>
    </message>
    <message>
        <source>source %1: the warehouse refused the statement: %2</source>
        <translation>Quelle %1: das Warehouse hat die Anweisung abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sluice::store</name>
    <message>
        <source>cannot create the state database %1: %2</source>
        <translation>Zustandsdatenbank %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the state database %1 is at schema version %2, newer than this Sluice (%3); upgrade Sluice</source>
        <translation>die Zustandsdatenbank %1 hat Schemaversion %2, neuer als dieses Sluice (%3); aktualisieren Sie Sluice</translation>
    </message>
    <message>
        <source>migration to version %1</source>
        <translation>Migration auf Version %1</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>recording run %1</source>
        <translation>Lauf %1 aufzeichnen</translation>
    </message>
    <message>
        <source>schema of model %1</source>
        <translation>Schema des Modells %1</translation>
    </message>
    <message>
        <source>recording outcomes of sync %1</source>
        <translation>Ergebnisse des Syncs %1 aufzeichnen</translation>
    </message>
    <message>
        <source>state of sync %1</source>
        <translation>Zustand des Syncs %1</translation>
    </message>
    <message>
        <source>lock %1</source>
        <translation>Sperre %1</translation>
    </message>
    <message>
        <source>%1 is already running (process %2 on %3 since %4); wait for it to finish</source>
        <translation>%1 läuft bereits (Prozess %2 auf %3 seit %4); warten Sie, bis er fertig ist</translation>
    </message>
</context>
<context>
    <name>sluice::ui</name>
    <message>
        <source>Sluice: Reverse ETL for sync operators</source>
        <translation>Sluice: Reverse ETL für Sync-Betreiber</translation>
    </message>
    <message>
        <source>The workspace directory.</source>
        <translation>Das Verzeichnis des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Preview the first model, save a screenshot to FILE and quit.</source>
        <translation>Erstes Modell in der Vorschau zeigen, Bildschirmfoto in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Sluice cannot open the workspace in %1:

%2</source>
        <translation>Sluice kann den Arbeitsbereich in %1 nicht öffnen:

%2</translation>
    </message>
    <message>
        <source>Run the first sync, save a screenshot of the Syncs screen to FILE and quit.</source>
        <translation>Den ersten Sync ausführen, ein Bildschirmfoto der Sync-Ansicht in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <source>Open on SCREEN: sources, models, syncs, runs or dashboard.</source>
        <translation>Mit ANSICHT öffnen: sources, models, syncs, runs oder dashboard.</translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE after two seconds and quit.</source>
        <translation>Nach zwei Sekunden ein Bildschirmfoto des Fensters in DATEI speichern und beenden.</translation>
    </message>
</context>
<context>
    <name>sluice::ui::MainWindow</name>
    <message>
        <source>Sluice — %1</source>
        <translation>Sluice — %1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Syncs</source>
        <translation>Syncs</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Not built yet. Charts of success rate, freshness lag, rejection rate and match rate will be drawn from the run history that &quot;sluice runs&quot; shows.</source>
        <translation>Noch nicht gebaut. Diagramme zu Erfolgsquote, Aktualitätsverzug, Ablehnungsquote und Trefferquote werden aus der Laufhistorie gezeichnet, die „sluice runs“ zeigt.</translation>
    </message>
</context>
<context>
    <name>sluice::ui::ModelsScreen</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save to sluice.json</source>
        <translation>In sluice.json speichern</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>column, or columns separated by commas</source>
        <translation>Spalte oder durch Kommas getrennte Spalten</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Primary key:</source>
        <translation>Primärschlüssel:</translation>
    </message>
    <message>
        <source>✓ Primary key %1 is present, never NULL and unique over %2 rows (checked in the warehouse in %3 ms).</source>
        <translation>✓ Primärschlüssel %1 ist vorhanden, nie NULL und eindeutig über %2 Zeilen (im Warehouse geprüft in %3 ms).</translation>
    </message>
    <message>
        <source>Preview failed</source>
        <translation>Vorschau fehlgeschlagen</translation>
    </message>
    <message>
        <source>This workspace has no models yet.</source>
        <translation>Dieser Arbeitsbereich hat noch keine Modelle.</translation>
    </message>
    <message>
        <source>Name the primary key column(s) first: every record Sluice sends is identified by it.</source>
        <translation>Nennen Sie zuerst die Primärschlüsselspalte(n): jeder Datensatz, den Sluice sendet, wird daran erkannt.</translation>
    </message>
    <message>
        <source>Running the model checks in the warehouse…</source>
        <translation>Modellprüfungen laufen im Warehouse…</translation>
    </message>
    <message>
        <source>Fetching the first rows…</source>
        <translation>Erste Zeilen werden geholt…</translation>
    </message>
    <message>
        <source>Cancelled; %1 shown</source>
        <translation>Abgebrochen; %1 angezeigt</translation>
    </message>
    <message>
        <source>Cannot save model %1</source>
        <translation>Modell %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved model %1 to sluice.json</source>
        <translation>Modell %1 in sluice.json gespeichert</translation>
    </message>
    <message>
        <source> · first rows in %1 ms</source>
        <translation> · erste Zeilen in %1 ms</translation>
    </message>
</context>
<context>
    <name>sluice::ui::PreviewTableModel</name>
    <message>
        <source>%1 rows in the model, %2 loaded</source>
        <translation>%1 Zeilen im Modell, %2 geladen</translation>
    </message>
    <message>
        <source>at least %1 rows</source>
        <translation>mindestens %1 Zeilen</translation>
    </message>
    <message>
        <source>NULL (no value)</source>
        <translation>NULL (kein Wert)</translation>
    </message>
    <message>
        <source>%1: %2 (warehouse type %3)</source>
        <translation>%1: %2 (Warehouse-Typ %3)</translation>
    </message>
</context>
<context>
    <name>sluice::ui::RunsScreen</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Begonnen (UTC)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Changes (+ ~ −)</source>
        <translation>Änderungen (+ ~ −)</translation>
    </message>
    <message>
        <source>Freshness lag</source>
        <translation>Aktualitätsverzug</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>schema drift: %1</source>
        <translation>Schemadrift: %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::ui::SourcesScreen</name>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Schema / table / column</source>
        <translation>Schema / Tabelle / Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>This workspace has no sources yet. Add one to sluice.json (&quot;sources&quot;: {&quot;dw&quot;: {&quot;driver&quot;: &quot;postgres&quot;, ...}}).</source>
        <translation>Dieser Arbeitsbereich hat noch keine Quellen. Fügen Sie eine in sluice.json hinzu (&quot;sources&quot;: {&quot;dw&quot;: {&quot;driver&quot;: &quot;postgres&quot;, ...}}).</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Driver:</source>
        <translation>Treiber:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation>Schlüsselbund-Eintrag %1</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 in %2 ms; %n table(s) and view(s)</source>
        <translation>
            <numerusform>Mit %1 verbunden in %2 ms; %n Tabelle oder Sicht</numerusform>
            <numerusform>Mit %1 verbunden in %2 ms; %n Tabellen und Sichten</numerusform>
        </translation>
    </message>
    <message>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
</context>
<context>
    <name>sluice::ui::SyncsScreen</name>
    <message>
        <source>Plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Full resync (send everything again)</source>
        <translation>Vollständig neu senden (alles erneut senden)</translation>
    </message>
    <message>
        <source>Syncs</source>
        <translation>Syncs</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Held back as</source>
        <translation>Zurückgehalten als</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Excluded (no consent)</source>
        <translation>Ausgeschlossen (keine Einwilligung)</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Records held back (invalid before sending, or rejected by the destination)</source>
        <translation>Zurückgehaltene Datensätze (vor dem Senden ungültig oder vom Ziel abgelehnt)</translation>
    </message>
    <message>
        <source>This workspace has no syncs yet. Add one to sluice.json.</source>
        <translation>Dieser Arbeitsbereich hat noch keine Syncs. Fügen Sie einen in sluice.json hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>Model %1 → destination %2 (%3)%4
Mode: %5 · diff: %6 · %n field(s) mapped%7</source>
        <translation>
            <numerusform>Modell %1 → Ziel %2 (%3)%4
Modus: %5 · Diff: %6 · %n Feld zugeordnet%7</numerusform>
            <numerusform>Modell %1 → Ziel %2 (%3)%4
Modus: %5 · Diff: %6 · %n Felder zugeordnet%7</numerusform>
        </translation>
    </message>
    <message>
        <source>, object %1</source>
        <translation>, Objekt %1</translation>
    </message>
    <message>
        <source> · consent column %1</source>
        <translation> · Einwilligungsspalte %1</translation>
    </message>
    <message>
        <source>Delivering %1 of %2 records</source>
        <translation>%1 von %2 Datensätzen werden zugestellt</translation>
    </message>
    <message>
        <source>Reading the model: %1 rows</source>
        <translation>Modell wird gelesen: %1 Zeilen</translation>
    </message>
    <message>
        <source> · %1 records/s</source>
        <translation> · %1 Datensätze/s</translation>
    </message>
    <message numerus="yes">
        <source> · about %n s left</source>
        <translation>
            <numerusform> · noch etwa %n s</numerusform>
            <numerusform> · noch etwa %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Wird geplant…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message numerus="yes">
        <source>Planned: %n operation(s) would be sent; nothing was sent.</source>
        <translation>
            <numerusform>Geplant: %n Operation würde gesendet; nichts wurde gesendet.</numerusform>
            <numerusform>Geplant: %n Operationen würden gesendet; nichts wurde gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 succeeded: every planned record was delivered.</source>
        <translation>Lauf %1 erfolgreich: alle geplanten Datensätze wurden zugestellt.</translation>
    </message>
    <message>
        <source>Run %1 is partial: some records were held back; they are retried by the next run.</source>
        <translation>Lauf %1 ist teilweise erfolgreich: einige Datensätze wurden zurückgehalten; der nächste Lauf versucht sie erneut.</translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>Lauf %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>sluice::workspace</name>
    <message>
        <source>&quot;%1&quot; is required</source>
        <translation>„%1“ ist erforderlich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>„%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be empty</source>
        <translation>„%1“ darf nicht leer sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of strings</source>
        <translation>„%1“ muss eine Liste von Zeichenketten sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a secret reference such as {&quot;env&quot;: &quot;NAME&quot;}, {&quot;keychain&quot;: &quot;NAME&quot;} or {&quot;file&quot;: &quot;PATH&quot;}; secrets are never written into sluice.json</source>
        <translation>„%1“ muss ein Geheimnis-Verweis sein, etwa {&quot;env&quot;: &quot;NAME&quot;}, {&quot;keychain&quot;: &quot;NAME&quot;} oder {&quot;file&quot;: &quot;PFAD&quot;}; Geheimnisse stehen nie in sluice.json</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object of named entries</source>
        <translation>„%1“ muss ein Objekt mit benannten Einträgen sein</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; must be an object</source>
        <translation>%1 „%2“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>an entry of &quot;%1&quot; has an empty name</source>
        <translation>ein Eintrag in „%1“ hat einen leeren Namen</translation>
    </message>
    <message>
        <source>unknown transform &quot;%1&quot; (known: %2)</source>
        <translation>unbekannte Transformation „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>transform &quot;%1&quot; needs a non-negative whole number, as in %1:2</source>
        <translation>Transformation „%1“ braucht eine nicht negative ganze Zahl, etwa %1:2</translation>
    </message>
    <message>
        <source>transform &quot;cast&quot; takes one of %1</source>
        <translation>Transformation „cast“ nimmt eines von %1</translation>
    </message>
    <message>
        <source>transform &quot;hash&quot; takes google or meta</source>
        <translation>Transformation „hash“ nimmt google oder meta</translation>
    </message>
    <message>
        <source>transform &quot;template&quot; needs a pattern, as in template:{first_name} {last_name}</source>
        <translation>Transformation „template“ braucht ein Muster, etwa template:{first_name} {last_name}</translation>
    </message>
    <message>
        <source>&quot;schedule&quot; must be an object</source>
        <translation>„schedule“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>schedule &quot;every&quot; must be a number and a unit (s, m, h, d), as in &quot;15m&quot;</source>
        <translation>Zeitplan „every“ muss eine Zahl mit Einheit sein (s, m, h, d), etwa &quot;15m&quot;</translation>
    </message>
    <message>
        <source>schedule &quot;cron&quot; must have five fields: minute hour day month weekday</source>
        <translation>Zeitplan „cron“ braucht fünf Felder: Minute Stunde Tag Monat Wochentag</translation>
    </message>
    <message>
        <source>schedule &quot;after&quot; names an unknown sync &quot;%1&quot;</source>
        <translation>Zeitplan „after“ nennt einen unbekannten Sync „%1“</translation>
    </message>
    <message>
        <source>schedule needs one of &quot;every&quot;, &quot;cron&quot;, &quot;after&quot; or &quot;manual&quot;</source>
        <translation>ein Zeitplan braucht „every“, „cron“, „after“ oder „manual“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is defined twice (first at line %2); names must be unique</source>
        <translation>„%1“ ist doppelt definiert (zuerst in Zeile %2); Namen müssen eindeutig sein</translation>
    </message>
    <message>
        <source>&quot;version&quot; is missing; this Sluice reads version 1</source>
        <translation>„version“ fehlt; dieses Sluice liest Version 1</translation>
    </message>
    <message>
        <source>unsupported version; this Sluice reads version 1</source>
        <translation>nicht unterstützte Version; dieses Sluice liest Version 1</translation>
    </message>
    <message>
        <source>source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>unknown driver &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Treiber „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>&quot;port&quot; must be a number from 1 to 65535</source>
        <translation>„port“ muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>destination %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>unknown destination type &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Zieltyp „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>&quot;pii&quot; must be allow, hash or block</source>
        <translation>„pii“ muss allow, hash oder block sein</translation>
    </message>
    <message>
        <source>a %1 destination needs a &quot;path&quot;</source>
        <translation>ein %1-Ziel braucht einen „path“</translation>
    </message>
    <message>
        <source>a webhook destination needs a &quot;url&quot;</source>
        <translation>ein Webhook-Ziel braucht eine „url“</translation>
    </message>
    <message>
        <source>header &quot;%1&quot; must be a string or a secret reference</source>
        <translation>Header „%1“ muss eine Zeichenkette oder ein Geheimnis-Verweis sein</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>unknown source &quot;%1&quot;</source>
        <translation>unbekannte Quelle „%1“</translation>
    </message>
    <message>
        <source>&quot;primary_key&quot; is required: a column name, or a list of them</source>
        <translation>„primary_key“ ist erforderlich: ein Spaltenname oder eine Liste davon</translation>
    </message>
    <message>
        <source>sync %1</source>
        <translation>Sync %1</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;</source>
        <translation>unbekanntes Modell „%1“</translation>
    </message>
    <message>
        <source>unknown destination &quot;%1&quot;</source>
        <translation>unbekanntes Ziel „%1“</translation>
    </message>
    <message>
        <source>unknown mode &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Modus „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>&quot;fields&quot; must be a list of mappings</source>
        <translation>„fields“ muss eine Liste von Zuordnungen sein</translation>
    </message>
    <message>
        <source>sync %1: field %2</source>
        <translation>Sync %1: Feld %2</translation>
    </message>
    <message>
        <source>&quot;diff&quot; must be local or warehouse</source>
        <translation>„diff“ muss local oder warehouse sein</translation>
    </message>
    <message>
        <source>%1:%2:%3: syntax error: %4</source>
        <translation>%1:%2:%3: Syntaxfehler: %4</translation>
    </message>
    <message>
        <source>%1:1:1: the file must hold one JSON object</source>
        <translation>%1:1:1: die Datei muss ein JSON-Objekt enthalten</translation>
    </message>
    <message>
        <source>no %1 in %2: create a workspace with &quot;sluice init %2&quot; or pass --workspace DIR</source>
        <translation>keine %1 in %2: legen Sie mit „sluice init %2“ einen Arbeitsbereich an oder geben Sie --workspace VERZ an</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: environment variable %2 is not set</source>
        <translation>%1: Umgebungsvariable %2 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>%1: cannot read secret file %2: %3</source>
        <translation>%1: Geheimnis-Datei %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1: keychain secret %2: the system keychain is not supported by this build yet; use {&quot;env&quot;: ...} or {&quot;file&quot;: ...}</source>
        <translation>%1: Schlüsselbund-Geheimnis %2: der Systemschlüsselbund wird von diesem Build noch nicht unterstützt; nutzen Sie {&quot;env&quot;: ...} oder {&quot;file&quot;: ...}</translation>
    </message>
    <message>
        <source>%1: unknown secret reference</source>
        <translation>%1: unbekannter Geheimnis-Verweis</translation>
    </message>
    <message>
        <source>%1 already holds a workspace (%2); choose an empty directory</source>
        <translation>%1 enthält bereits einen Arbeitsbereich (%2); wählen Sie ein leeres Verzeichnis</translation>
    </message>
    <message>
        <source>cannot create directory %1</source>
        <translation>Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>transform &quot;phone&quot; needs a two-letter region or a column holding one, as in phone:US or phone:{country}</source>
        <translation>Transformation „phone“ braucht eine zweibuchstabige Region oder eine Spalte, die sie enthält, etwa phone:US oder phone:{country}</translation>
    </message>
    <message>
        <source>a postgres destination needs a &quot;database&quot;</source>
        <translation>ein postgres-Ziel braucht eine „database“</translation>
    </message>
    <message>
        <source>&quot;field_schema&quot; must be an object of fields</source>
        <translation>„field_schema“ muss ein Objekt mit Feldern sein</translation>
    </message>
</context>
</TS>
