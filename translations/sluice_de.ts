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
    <name>sluice::alerts</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>run %1 failed: %2</source>
        <translation>Lauf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>run %1 succeeded</source>
        <translation>Lauf %1 erfolgreich</translation>
    </message>
    <message>
        <source>%1 of %2 records sent were rejected (%3; limit %4)</source>
        <translation>%1 von %2 gesendeten Datensätzen wurden abgelehnt (%3; Grenze %4)</translation>
    </message>
    <message>
        <source>freshness lag %1 (limit %2)</source>
        <translation>Aktualitätsverzug %1 (Grenze %2)</translation>
    </message>
    <message>
        <source>the model has %1 rows, %2 from the recent median of %3 (limit %4)</source>
        <translation>das Modell hat %1 Zeilen, %2 vom jüngsten Median %3 entfernt (Grenze %4)</translation>
    </message>
    <message>
        <source>the model&apos;s columns changed: %1</source>
        <translation>die Spalten des Modells haben sich geändert: %1</translation>
    </message>
    <message>
        <source>the model&apos;s columns are as before</source>
        <translation>die Spalten des Modells sind wie zuvor</translation>
    </message>
    <message>
        <source>✕ %1: %2</source>
        <translation>✕ %1: %2</translation>
    </message>
    <message>
        <source>✓ %1 recovered: %2</source>
        <translation>✓ %1 wieder in Ordnung: %2</translation>
    </message>
    <message>
        <source>✕ %1 still failing: %2</source>
        <translation>✕ %1 schlägt weiter fehl: %2</translation>
    </message>
    <message>
        <source>≈ %1 keeps changing between failing and healthy (%2); quiet until it settles</source>
        <translation>≈ %1 wechselt ständig zwischen fehlerhaft und gesund (%2); still, bis es sich beruhigt</translation>
    </message>
    <message>
        <source>no webhook in sluice.json&apos;s &quot;alerts&quot;</source>
        <translation>kein Webhook unter „alerts“ in sluice.json</translation>
    </message>
    <message>
        <source>alert webhook %1</source>
        <translation>Alarm-Webhook %1</translation>
    </message>
    <message>
        <source>%1: delivered</source>
        <translation>%1: zugestellt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>*Sluice · %1*</source>
        <translation>*Sluice · %1*</translation>
    </message>
    <message>
        <source>the destination matched %1 of the records that should have matched (limit %2)</source>
        <translation>das Ziel hat %1 der Datensätze zugeordnet, die hätten passen sollen (Grenze %2)</translation>
    </message>
</context>
<context>
    <name>sluice::cli</name>
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
        <source>no runs yet</source>
        <translation>noch keine Läufe</translation>
    </message>
    <message>
        <source>sync %1: every record is in the destination; nothing held back</source>
        <translation>Sync %1: alle Datensätze sind im Ziel; nichts zurückgehalten</translation>
    </message>
    <message>
        <source>unknown verb &quot;%1&quot;; sluice help lists the verbs</source>
        <translation>unbekannter Befehl „%1“; sluice help listet die Befehle</translation>
    </message>
    <message>
        <source>unknown verb &quot;%1&quot;; did you mean &quot;%2&quot;? (sluice help lists the verbs)</source>
        <translation>unbekannter Befehl „%1“; meinten Sie „%2“? (sluice help listet die Befehle)</translation>
    </message>
    <message>
        <source>%1: unknown option --%2 (sluice %1 --help lists its options)</source>
        <translation>%1: unbekannte Option --%2 (sluice %1 --help listet die Optionen)</translation>
    </message>
    <message>
        <source>%1: unknown option --%2; did you mean --%3?</source>
        <translation>%1: unbekannte Option --%2; meinten Sie --%3?</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>completion: the shells are bash and zsh, not &quot;%1&quot;</source>
        <translation>completion: die Shells sind bash und zsh, nicht „%1“</translation>
    </message>
    <message>
        <source>names: sync, model or destination, not &quot;%1&quot;</source>
        <translation>names: sync, model oder destination, nicht „%1“</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>&lt;0.1 %</source>
        <translation>&lt;0,1 %</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>metrics: --since takes a window such as 24h, 7d or 30d, not &quot;%1&quot;</source>
        <translation>metrics: --since erwartet einen Zeitraum wie 24h, 7d oder 30d, nicht „%1“</translation>
    </message>
    <message>
        <source>Workspace, last %1</source>
        <translation>Arbeitsbereich, letzte %1</translation>
    </message>
    <message>
        <source>sync %1</source>
        <translation>Sync %1</translation>
    </message>
    <message>
        <source>No run finished in the last %1: measures appear once syncs have run (sluice run SYNC).</source>
        <translation>In den letzten %1 wurde kein Lauf beendet: Messwerte erscheinen, sobald Syncs gelaufen sind (sluice run SYNC).</translation>
    </message>
    <message>
        <source>%1 %2 of %3 (%4 %)</source>
        <translation>%1 %2 von %3 (%4 %)</translation>
    </message>
    <message>
        <source>identifier coverage: %1</source>
        <translation>Abdeckung der Kennungen: %1</translation>
    </message>
    <message>
        <source>warning: %1 text value(s) in the model were not valid UTF-8; the bad bytes were replaced with U+FFFD on the way. Fix the encoding in the warehouse</source>
        <translation>Warnung: %1 Textwert(e) im Modell waren kein gültiges UTF-8; die fehlerhaften Bytes wurden unterwegs durch U+FFFD ersetzt. Korrigieren Sie die Kodierung im Warehouse</translation>
    </message>
    <message>
        <source>sync %1: no run %2; its runs are listed by: sluice runs %1</source>
        <translation>Sync %1: kein Lauf %2; seine Läufe listet: sluice runs %1</translation>
    </message>
    <message>
        <source>sync %1 has not run yet: nothing was sent, so nothing was rejected; see what it would send with: sluice plan %1</source>
        <translation>Sync %1 ist noch nicht gelaufen: nichts wurde gesendet, also wurde nichts abgelehnt; was er senden würde, zeigt: sluice plan %1</translation>
    </message>
    <message>
        <source>sync %1: run %2 held back no record</source>
        <translation>Sync %1: Lauf %2 hat keinen Datensatz zurückgehalten</translation>
    </message>
    <message>
        <source>%1  run %2  %3 %4%5</source>
        <translation>%1  Lauf %2  %3 %4%5</translation>
    </message>
    <message>
        <source>sync %1: no send of record %2 is on record (the ledger keeps %3 days); the key is the model&apos;s primary key as text, composite keys joined with |</source>
        <translation>Sync %1: für Datensatz %2 ist kein Versand verzeichnet (das Ledger bewahrt %3 Tage auf); der Schlüssel ist der Primärschlüssel des Modells als Text, zusammengesetzte Schlüssel mit | verbunden</translation>
    </message>
    <message>
        <source>record %1 is in the destination</source>
        <translation>Datensatz %1 ist im Ziel</translation>
    </message>
    <message>
        <source>record %1 is not in the destination</source>
        <translation>Datensatz %1 ist nicht im Ziel</translation>
    </message>
    <message>
        <source>sync %1 is not locked</source>
        <translation>Sync %1 ist nicht gesperrt</translation>
    </message>
    <message>
        <source>process %1 on %2 since %3</source>
        <translation>Prozess %1 auf %2 seit %3</translation>
    </message>
    <message>
        <source>sync %1 is running now (%2); stop that run instead of clearing its lock</source>
        <translation>Sync %1 läuft gerade (%2); beenden Sie diesen Lauf, statt seine Sperre aufzuheben</translation>
    </message>
    <message>
        <source>sync %1 is locked by %2, which is no longer running. Clear the lock? [y/N] </source>
        <translation>Sync %1 ist von %2 gesperrt, der nicht mehr läuft. Sperre aufheben? [y/N] </translation>
    </message>
    <message>
        <source>sync %1 is locked by %2, another host: Sluice cannot tell whether it still runs there. Clear the lock only if it does not. Clear it? [y/N] </source>
        <translation>Sync %1 ist von %2 gesperrt, einem anderen Rechner: Sluice kann nicht feststellen, ob er dort noch läuft. Heben Sie die Sperre nur auf, wenn nicht. Aufheben? [y/N] </translation>
    </message>
    <message>
        <source>the lock was kept (to clear it without asking: sluice unlock %1 --yes)</source>
        <translation>die Sperre bleibt bestehen (ohne Rückfrage aufheben: sluice unlock %1 --yes)</translation>
    </message>
    <message>
        <source>sync %1: the lock was kept; nothing was confirmed</source>
        <translation>Sync %1: die Sperre bleibt bestehen; nichts wurde bestätigt</translation>
    </message>
    <message>
        <source>sync %1: lock of %2 cleared</source>
        <translation>Sync %1: Sperre von %2 aufgehoben</translation>
    </message>
    <message>
        <source>0 done; 1 a source or destination failed it (unreachable, refused credentials); 2 a usage or configuration error (an unset secret included).</source>
        <translation>0 erledigt; 1 eine Quelle oder ein Ziel ist gescheitert (nicht erreichbar, Zugangsdaten abgelehnt); 2 ein Aufruf- oder Konfigurationsfehler (ein nicht gesetztes Secret eingeschlossen).</translation>
    </message>
    <message>
        <source>0 succeeded (every planned record delivered); 3 partial (some records invalid or rejected, the rest delivered); 1 failed (a source or destination failed the run, or it was cancelled); 2 a usage or configuration error.</source>
        <translation>0 erfolgreich (jeder geplante Datensatz zugestellt); 3 teilweise (einige Datensätze ungültig oder abgelehnt, der Rest zugestellt); 1 fehlgeschlagen (eine Quelle oder ein Ziel ließ den Lauf scheitern, oder er wurde abgebrochen); 2 ein Aufruf- oder Konfigurationsfehler.</translation>
    </message>
    <message>
        <source>print one JSON document on stdout (also when the verb fails)</source>
        <translation>ein JSON-Dokument auf stdout ausgeben (auch wenn der Befehl scheitert)</translation>
    </message>
    <message>
        <source>no progress line and no summary on stderr; errors still show</source>
        <translation>keine Fortschrittszeile und keine Zusammenfassung auf stderr; Fehler erscheinen weiterhin</translation>
    </message>
    <message>
        <source>forget what was sent and plan every row again</source>
        <translation>vergessen, was gesendet wurde, und jede Zeile neu planen</translation>
    </message>
    <message>
        <source>let a mirror remove more than max_delete_share of the destination&apos;s records</source>
        <translation>einem Mirror erlauben, mehr als max_delete_share der Datensätze des Ziels zu entfernen</translation>
    </message>
    <message>
        <source>create a workspace</source>
        <translation>einen Arbeitsbereich anlegen</translation>
    </message>
    <message>
        <source>Creates DIR with a sluice.json. With --demo it also holds an embedded demo warehouse (SQLite) of customers and local destinations, ready to preview and sync.</source>
        <translation>Legt DIR mit einer sluice.json an. Mit --demo enthält es auch ein eingebettetes Demo-Warehouse (SQLite) mit Kunden und lokalen Zielen, bereit für Vorschau und Sync.</translation>
    </message>
    <message>
        <source>add the demo warehouse, models and syncs</source>
        <translation>das Demo-Warehouse, Modelle und Syncs hinzufügen</translation>
    </message>
    <message>
        <source>customers in the demo warehouse (with --demo; 10000 by default)</source>
        <translation>Kunden im Demo-Warehouse (mit --demo; standardmäßig 10000)</translation>
    </message>
    <message>
        <source>validate sluice.json, reach sources and destinations, compile models</source>
        <translation>sluice.json prüfen, Quellen und Ziele erreichen, Modelle übersetzen</translation>
    </message>
    <message>
        <source>Reads sluice.json and names every problem with its line; reaches each source and destination (telling refused credentials from an unreachable host); runs each model and checks its key.</source>
        <translation>Liest sluice.json und nennt jedes Problem mit seiner Zeile; erreicht jede Quelle und jedes Ziel (unterscheidet abgelehnte Zugangsdaten von einem unerreichbaren Host); führt jedes Modell aus und prüft seinen Schlüssel.</translation>
    </message>
    <message>
        <source>first rows, columns and key checks of a model</source>
        <translation>erste Zeilen, Spalten und Schlüsselprüfungen eines Modells</translation>
    </message>
    <message>
        <source>Runs the model&apos;s SQL in its warehouse and shows its first rows, its columns with their types, and whether its primary key is unique and never null.</source>
        <translation>Führt das SQL des Modells in seinem Warehouse aus und zeigt die ersten Zeilen, die Spalten mit ihren Typen und ob der Primärschlüssel eindeutig und nie NULL ist.</translation>
    </message>
    <message>
        <source>rows to show (20 by default)</source>
        <translation>anzuzeigende Zeilen (standardmäßig 20)</translation>
    </message>
    <message>
        <source>what a run would send; sends nothing</source>
        <translation>was ein Lauf senden würde; sendet nichts</translation>
    </message>
    <message>
        <source>Extracts the model, compares it with what the destination was last sent, and counts what a run would add, change and remove, and which records it would hold back as invalid. Nothing is sent.</source>
        <translation>Extrahiert das Modell, vergleicht es mit dem, was das Ziel zuletzt erhalten hat, und zählt, was ein Lauf hinzufügen, ändern und entfernen würde und welche Datensätze er als ungültig zurückhalten würde. Nichts wird gesendet.</translation>
    </message>
    <message>
        <source>run a sync now</source>
        <translation>einen Sync jetzt ausführen</translation>
    </message>
    <message>
        <source>Plans the sync and delivers what changed. Every record ends delivered or rejected with the destination&apos;s words; Ctrl-C stops after the batch in flight and records the run as cancelled. On a terminal a progress line shows the stage, records done, records per second and the time left.</source>
        <translation>Plant den Sync und stellt zu, was sich geändert hat. Jeder Datensatz endet zugestellt oder mit den Worten des Ziels abgelehnt; Strg-C stoppt nach dem laufenden Batch und verzeichnet den Lauf als abgebrochen. Im Terminal zeigt eine Fortschrittszeile die Phase, erledigte Datensätze, Datensätze pro Sekunde und die verbleibende Zeit.</translation>
    </message>
    <message>
        <source>run history with counts and metrics</source>
        <translation>Laufhistorie mit Zählern und Kennzahlen</translation>
    </message>
    <message>
        <source>Lists the recorded runs, newest first, of one sync or of all.</source>
        <translation>Listet die verzeichneten Läufe eines Syncs oder aller, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>records not in the destination, and why</source>
        <translation>Datensätze, die nicht im Ziel sind, und warum</translation>
    </message>
    <message>
        <source>Every record of the sync that is not in the destination: rejected (the destination refused it, in its own words) or invalid (held back before sending), with its run and attempts.</source>
        <translation>Jeder Datensatz des Syncs, der nicht im Ziel ist: abgelehnt (das Ziel hat ihn mit eigenen Worten verweigert) oder ungültig (vor dem Senden zurückgehalten), mit Lauf und Versuchen.</translation>
    </message>
    <message>
        <source>only the records of this run</source>
        <translation>nur die Datensätze dieses Laufs</translation>
    </message>
    <message>
        <source>also records later delivered</source>
        <translation>auch später zugestellte Datensätze</translation>
    </message>
    <message>
        <source>one record&apos;s story: every send, its outcome and the destination&apos;s words</source>
        <translation>die Geschichte eines Datensatzes: jede Sendung, ihr Ergebnis und die Worte des Ziels</translation>
    </message>
    <message>
        <source>KEY is the model&apos;s primary key (a composite key joins its parts with |).</source>
        <translation>KEY ist der Primärschlüssel des Modells (ein zusammengesetzter Schlüssel verbindet seine Teile mit |).</translation>
    </message>
    <message>
        <source>clear a lock left by a run that is gone (asks first)</source>
        <translation>eine Sperre eines beendeten Laufs aufheben (fragt vorher)</translation>
    </message>
    <message>
        <source>A run holds a lock on its sync. When the process holding it is gone, unlock clears it after asking; a lock held by a live process is never cleared.</source>
        <translation>Ein Lauf hält eine Sperre auf seinen Sync. Ist der Prozess, der sie hält, beendet, hebt unlock sie nach Rückfrage auf; die Sperre eines lebenden Prozesses wird nie aufgehoben.</translation>
    </message>
    <message>
        <source>do not ask</source>
        <translation>nicht fragen</translation>
    </message>
    <message>
        <source>success rate, freshness lag, rejection and match rates, drift, time to detect and resolve</source>
        <translation>Erfolgsquote, Aktualitätsverzug, Ablehnungs- und Trefferquote, Drift, Zeit bis zur Erkennung und Behebung</translation>
    </message>
    <message>
        <source>The reliability measures of each sync and of the workspace over a period, computed from the runs recorded in the state database. A measure that cannot be computed yet shows n/a (null in JSON).</source>
        <translation>Die Zuverlässigkeitsmesswerte jedes Syncs und des Workspace über einen Zeitraum, berechnet aus den in der Zustandsdatenbank verzeichneten Läufen. Ein noch nicht berechenbarer Messwert zeigt n/a (null in JSON).</translation>
    </message>
    <message>
        <source>the period (7d by default)</source>
        <translation>der Zeitraum (standardmäßig 7d)</translation>
    </message>
    <message>
        <source>run the schedules until stopped (Ctrl-C, SIGTERM)</source>
        <translation>die Zeitpläne ausführen, bis angehalten (Strg-C, SIGTERM)</translation>
    </message>
    <message>
        <source>Runs each sync when its schedule says, one agent per workspace, and reloads sluice.json when it changes.</source>
        <translation>Führt jeden Sync nach seinem Zeitplan aus, ein Agent pro Workspace, und lädt sluice.json neu, wenn sie sich ändert.</translation>
    </message>
    <message>
        <source>no tray icon (for systemd and servers)</source>
        <translation>kein Tray-Symbol (für systemd und Server)</translation>
    </message>
    <message>
        <source>print the JSON Schema of sluice.json</source>
        <translation>das JSON-Schema von sluice.json ausgeben</translation>
    </message>
    <message>
        <source>print a shell completion script</source>
        <translation>ein Shell-Vervollständigungsskript ausgeben</translation>
    </message>
    <message>
        <source>Completes verbs, options, and the sync and model names of the workspace. cmake --install installs both scripts; to try one in the current shell: source &lt;(sluice completion bash).</source>
        <translation>Vervollständigt Verben, Optionen sowie die Sync- und Modellnamen des Workspace. cmake --install installiert beide Skripte; zum Ausprobieren in der aktuellen Shell: source &lt;(sluice completion bash).</translation>
    </message>
    <message>
        <source>this overview, or one verb&apos;s synopsis, options, examples and exit codes</source>
        <translation>diese Übersicht, oder Aufruf, Optionen, Beispiele und Exit-Codes eines Befehls</translation>
    </message>
    <message>
        <source>sluice VERB --help says the same.</source>
        <translation>sluice BEFEHL --help sagt dasselbe.</translation>
    </message>
    <message>
        <source>help: unknown verb &quot;%1&quot;</source>
        <translation>help: unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>help: unknown verb &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation>help: unbekannter Befehl „%1“; meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>the workspace (default: $SLUICE_WORKSPACE, then the current directory)</source>
        <translation>der Arbeitsbereich (Standard: $SLUICE_WORKSPACE, dann das aktuelle Verzeichnis)</translation>
    </message>
    <message>
        <source>Usage: sluice VERB [options]</source>
        <translation>Aufruf: sluice BEFEHL [Optionen]</translation>
    </message>
    <message>
        <source>Common options:</source>
        <translation>Gemeinsame Optionen:</translation>
    </message>
    <message>
        <source>the verb&apos;s synopsis, options, examples and exit codes</source>
        <translation>Aufruf, Optionen, Beispiele und Exit-Codes des Befehls</translation>
    </message>
    <message>
        <source>Sluice&apos;s version and those of Qt, libpq and SQLite</source>
        <translation>die Version von Sluice und die von Qt, libpq und SQLite</translation>
    </message>
    <message>
        <source>sluice help VERB tells more of one verb. Without a verb, sluice opens the GUI.</source>
        <translation>sluice help BEFEHL erklärt einen Befehl genauer. Ohne Befehl öffnet sluice die Oberfläche.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Exit-Codes:</translation>
    </message>
    <message>
        <source>sync governed warehouse models into the tools that act on them (Reverse ETL)</source>
        <translation>kontrollierte Warehouse-Modelle in die Werkzeuge synchronisieren, die mit ihnen arbeiten (Reverse ETL)</translation>
    </message>
    <message>
        <source>Sluice reads models from a warehouse, compares them with what each destination was last sent, and delivers only what changed: every record ends delivered or rejected with the destination&apos;s own words, never lost and never sent twice. A workspace is a directory with sluice.json (sources, destinations, models, syncs) and the state database under .sluice/. Without a verb, sluice opens the GUI. JSON goes to stdout (with --json), everything for people to stderr.</source>
        <translation>Sluice liest Modelle aus einem Warehouse, vergleicht sie mit dem, was jedes Ziel zuletzt erhalten hat, und stellt nur zu, was sich geändert hat: Jeder Datensatz endet zugestellt oder mit den eigenen Worten des Ziels abgelehnt, nie verloren und nie doppelt gesendet. Ein Workspace ist ein Verzeichnis mit sluice.json (Quellen, Ziele, Modelle, Syncs) und der Zustandsdatenbank unter .sluice/. Ohne Verb öffnet sluice die GUI. JSON geht nach stdout (mit --json), alles für Menschen nach stderr.</translation>
    </message>
    <message>
        <source>run and plan: </source>
        <translation>run und plan: </translation>
    </message>
    <message>
        <source>the workspace when --workspace is not given</source>
        <translation>der Workspace, wenn --workspace nicht angegeben ist</translation>
    </message>
    <message>
        <source>when set, human output has no colour</source>
        <translation>wenn gesetzt, ist die Ausgabe für Menschen ohne Farbe</translation>
    </message>
    <message>
        <source>the workspace&apos;s configuration; sluice schema prints its JSON Schema</source>
        <translation>die Konfiguration des Workspace; sluice schema gibt ihr JSON-Schema aus</translation>
    </message>
    <message>
        <source>what each destination was sent, runs, rejections and the record ledger</source>
        <translation>was jedes Ziel erhalten hat, Läufe, Ablehnungen und das Datensatz-Ledger</translation>
    </message>
    <message>
        <source>reading state</source>
        <translation>Zustand lesen</translation>
    </message>
    <message>
        <source>extract</source>
        <translation>Extrahieren</translation>
    </message>
    <message>
        <source>diff</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>deliver</source>
        <translation>Zustellen</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>Festschreiben</translation>
    </message>
    <message>
        <source>running the model and its key checks</source>
        <translation>Modell und Schlüsselprüfungen laufen</translation>
    </message>
    <message>
        <source>A JSON Schema (draft 2020-12) made from the same description that validates sluice.json: every key, its type, allowed values and a one-line description, connector by connector. sluice init writes it beside sluice.json as sluice.schema.json and points &quot;$schema&quot; at it, so editors check and complete the file.</source>
        <translation>Ein JSON-Schema (Draft 2020-12), erzeugt aus derselben Beschreibung, die sluice.json prüft: jeder Schlüssel, sein Typ, erlaubte Werte und eine einzeilige Beschreibung, Connector für Connector. sluice init schreibt es als sluice.schema.json neben sluice.json und lässt „$schema“ darauf zeigen, damit Editoren die Datei prüfen und vervollständigen.</translation>
    </message>
    <message>
        <source>started|run|sync|status|changes|delivered|rejected|invalid|error</source>
        <translation>Start|Lauf|Sync|Status|Änderungen|zugestellt|abgelehnt|ungültig|Fehler</translation>
    </message>
    <message>
        <source>key|kind|attempts|first seen|reason</source>
        <translation>Schlüssel|Art|Versuche|zuerst gesehen|Grund</translation>
    </message>
    <message>
        <source>%1 (delivered in %2)</source>
        <translation>%1 (zugestellt in %2)</translation>
    </message>
    <message>
        <source>alerts: --since takes a window such as 24h, 7d or 30d, not &quot;%1&quot;</source>
        <translation>alerts: --since erwartet einen Zeitraum wie 24h, 7d oder 30d, nicht „%1“</translation>
    </message>
    <message>
        <source>at|sync|rule|notice|message|webhooks</source>
        <translation>Zeit|Sync|Regel|Meldung|Nachricht|Webhooks</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>%1 %2 (since %3)</source>
        <translation>%1 %2 (seit %3)</translation>
    </message>
    <message>
        <source>No alert in the last %1.</source>
        <translation>Kein Alarm in den letzten %1.</translation>
    </message>
    <message>
        <source>No rule is failing now.</source>
        <translation>Keine Regel schlägt gerade an.</translation>
    </message>
    <message>
        <source>Failing now: %1</source>
        <translation>Schlägt gerade an: %1</translation>
    </message>
    <message>
        <source>alerts fired and recovered, and the rules failing now</source>
        <translation>ausgelöste und erholte Alarme sowie die jetzt verletzten Regeln</translation>
    </message>
    <message>
        <source>Every alert notice over a period, newest first: which sync and rule, fired, recovered, repeated or flapping, the words of the notice and whether its webhooks took it; then the rules failing now. Rules and webhooks live under &quot;alerts&quot; in sluice.json (docs/workspace.md).</source>
        <translation>Jede Alarmmeldung eines Zeitraums, die neueste zuerst: welcher Sync und welche Regel, ausgelöst, erholt, wiederholt oder schwankend, der Wortlaut der Meldung und ob ihre Webhooks sie angenommen haben; danach die jetzt verletzten Regeln. Regeln und Webhooks stehen unter „alerts“ in sluice.json (docs/workspace.md).</translation>
    </message>
    <message>
        <source>no display (DISPLAY or WAYLAND_DISPLAY): the agent runs without a tray icon, as with --no-tray</source>
        <translation>keine Anzeige (DISPLAY oder WAYLAND_DISPLAY): der Agent läuft ohne Tray-Symbol, wie mit --no-tray</translation>
    </message>
    <message>
        <source>every sync</source>
        <translation>jeder Sync</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 until resumed</source>
        <translation>%1 bis zur Fortsetzung</translation>
    </message>
    <message>
        <source>No schedule is paused.</source>
        <translation>Kein Zeitplan ist pausiert.</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Pausiert: %1</translation>
    </message>
    <message>
        <source>pause: --for takes a duration such as 1h or 30m, not &quot;%1&quot;</source>
        <translation>pause: --for erwartet eine Dauer wie 1h oder 30m, nicht „%1“</translation>
    </message>
    <message>
        <source>pause a sync&apos;s schedule, or every sync&apos;s</source>
        <translation>den Zeitplan eines Syncs oder aller Syncs pausieren</translation>
    </message>
    <message>
        <source>The agent runs no paused sync on its schedule until the pause ends or it is resumed; a slot missed meanwhile runs once afterwards. A run started by hand still runs.</source>
        <translation>Der Agent führt keinen pausierten Sync nach Zeitplan aus, bis die Pause endet oder aufgehoben wird; ein in der Zwischenzeit verpasster Termin läuft danach einmal. Ein von Hand gestarteter Lauf läuft trotzdem.</translation>
    </message>
    <message>
        <source>end the pause after this long, as in 1h or 30m (default: until resumed)</source>
        <translation>die Pause nach dieser Dauer beenden, etwa 1h oder 30m (Standard: bis zur Fortsetzung)</translation>
    </message>
    <message>
        <source>end a pause (without SYNC: every pause)</source>
        <translation>eine Pause beenden (ohne SYNC: jede Pause)</translation>
    </message>
    <message>
        <source>Ends the pause of a sync, or every pause, so that the agent runs the schedules again.</source>
        <translation>Beendet die Pause eines Syncs oder jede Pause, damit der Agent die Zeitpläne wieder ausführt.</translation>
    </message>
    <message>
        <source> · oldest undelivered change %1</source>
        <translation> · älteste nicht zugestellte Änderung %1</translation>
    </message>
    <message>
        <source>%1
  runs %2 · success %3 (partial %4) · freshness lag %5%12
  rejected %6 · invalid %7 · matched %8 · drift incidents %9
  time to detect %10 · time to resolve %11</source>
        <translation>%1
  Läufe %2 · Erfolg %3 (teilweise %4) · Aktualitätsverzug %5%12
  abgelehnt %6 · ungültig %7 · zugeordnet %8 · Schemaänderungen %9
  Zeit bis zur Erkennung %10 · Zeit bis zur Behebung %11</translation>
    </message>
    <message>
        <source>init: --audiences goes with --demo</source>
        <translation>init: --audiences gehört zu --demo</translation>
    </message>
    <message>
        <source>with --demo: also a high-value audience synced to Meta and Google, pointed at sluice-emulator meta|google</source>
        <translation>mit --demo: zusätzlich eine Zielgruppe wertvoller Kunden, synchronisiert zu Meta und Google, auf sluice-emulator meta|google gerichtet</translation>
    </message>
    <message>
        <source>ok: audience %1 compiles (%2 columns, %3 rows, key unique)</source>
        <translation>ok: Zielgruppe %1 übersetzt (%2 Spalten, %3 Zeilen, Schlüssel eindeutig)</translation>
    </message>
    <message>
        <source>audience %1: %2</source>
        <translation>Zielgruppe %1: %2</translation>
    </message>
    <message>
        <source>audience %1: %2 of %3 rows of %4 (%5), counted in %6 ms</source>
        <translation>Zielgruppe %1: %2 von %3 Zeilen von %4 (%5), gezählt in %6 ms</translation>
    </message>
    <message>
        <source>overlap of %1 and %2: %3</source>
        <translation>Überschneidung von %1 und %2: %3</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>share of model</source>
        <translation>Anteil am Modell</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>nur %1</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>%1 and %2, audiences of %3 (%4 rows), counted in %5 ms:</source>
        <translation>%1 und %2, Zielgruppen von %3 (%4 Zeilen), gezählt in %5 ms:</translation>
    </message>
    <message>
        <source>audience: say size NAME or overlap A B (not &quot;%1&quot;)</source>
        <translation>audience: size NAME oder overlap A B angeben (nicht „%1“)</translation>
    </message>
    <message>
        <source>audience size takes one audience: sluice audience size NAME</source>
        <translation>audience size nimmt eine Zielgruppe: sluice audience size NAME</translation>
    </message>
    <message>
        <source>audience overlap takes two audiences: sluice audience overlap A B</source>
        <translation>audience overlap nimmt zwei Zielgruppen: sluice audience overlap A B</translation>
    </message>
    <message>
        <source>traits: unknown model &quot;%1&quot; (models: %2)</source>
        <translation>traits: unbekanntes Modell „%1“ (Modelle: %2)</translation>
    </message>
    <message>
        <source>%1 (owner: %2)</source>
        <translation>%1 (verantwortlich: %2)</translation>
    </message>
    <message>
        <source>model %1 has no traits yet; add them under &quot;traits&quot; in sluice.json, as {&quot;is_high_value&quot;: {&quot;sql&quot;: &quot;ltv &gt; 1000&quot;}}</source>
        <translation>Modell %1 hat noch keine Merkmale; tragen Sie sie unter „traits“ in sluice.json ein, etwa {&quot;is_high_value&quot;: {&quot;sql&quot;: &quot;ltv &gt; 1000&quot;}}</translation>
    </message>
    <message>
        <source>traits of %1 over audience %2:</source>
        <translation>Merkmale von %1 über Zielgruppe %2:</translation>
    </message>
    <message>
        <source>traits of model %1:</source>
        <translation>Merkmale von Modell %1:</translation>
    </message>
    <message>
        <source>error: the warehouse refused a trait of model %1 (see above)</source>
        <translation>Fehler: das Warehouse lehnte ein Merkmal von Modell %1 ab (siehe oben)</translation>
    </message>
    <message>
        <source>import: Sluice imports dbt manifests: sluice import dbt PATH/manifest.json</source>
        <translation>import: Sluice importiert dbt-Manifeste: sluice import dbt PFAD/manifest.json</translation>
    </message>
    <message>
        <source>import dbt: cannot read %1: %2</source>
        <translation>import dbt: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>a model&apos;s traits: definitions and distributions</source>
        <translation>die Merkmale eines Modells: Definitionen und Verteilungen</translation>
    </message>
    <message>
        <source>Lists the model&apos;s traits (named SQL expressions under &quot;traits&quot; in sluice.json) with their definition, type, owner and description, and how their values are distributed over the whole model, computed by the warehouse: the share of empty values, then the share that is true, the range and a five-bar histogram, or the most frequent values. For an audience, over its rows.</source>
        <translation>Listet die Traits des Modells (benannte SQL-Ausdrücke unter „traits“ in sluice.json) mit Definition, Typ, Verantwortlichem und Beschreibung, und wie ihre Werte über das ganze Modell verteilt sind, vom Warehouse berechnet: der Anteil leerer Werte, dann der Anteil wahrer Werte, der Bereich und ein Histogramm mit fünf Balken, oder die häufigsten Werte. Bei einer Zielgruppe über deren Zeilen.</translation>
    </message>
    <message>
        <source>0 done; 1 the source failed or refused a trait (named with the warehouse&apos;s words); 2 an unknown model or a configuration error.</source>
        <translation>0 erledigt; 1 die Quelle ist an einem Trait gescheitert oder hat ihn abgelehnt (mit den Worten des Warehouse genannt); 2 ein unbekanntes Modell oder ein Konfigurationsfehler.</translation>
    </message>
    <message>
        <source>an audience&apos;s size, or how two audiences overlap</source>
        <translation>die Größe einer Zielgruppe oder die Überschneidung zweier</translation>
    </message>
    <message>
        <source>Counts, in the warehouse and with the conditions&apos; values bound as parameters, the rows of an audience (a model with &quot;audience&quot;: its model narrowed by conditions) and of its model; or, for two audiences of one model, the rows only in the first, in both, and only in the second. A plain model counts as the audience of all its rows.</source>
        <translation>Zählt im Warehouse, mit den Werten der Bedingungen als Parameter gebunden, die Zeilen einer Zielgruppe (ein Modell mit „audience“: sein Modell, durch Bedingungen eingegrenzt) und ihres Modells; oder, bei zwei Zielgruppen eines Modells, die Zeilen nur in der ersten, in beiden und nur in der zweiten. Ein einfaches Modell zählt als Zielgruppe aller seiner Zeilen.</translation>
    </message>
    <message>
        <source>bring dbt models and their descriptions into sluice.json</source>
        <translation>dbt-Modelle und ihre Beschreibungen nach sluice.json holen</translation>
    </message>
    <message>
        <source>Reads a dbt manifest.json (target/manifest.json after dbt compile or dbt run). Each selected dbt model becomes a Sluice model reading its relation, keyed by the column dbt tests as unique and not_null; model and column descriptions come along, and a column&apos;s description also describes a trait of that name. Importing again updates descriptions only: SQL, keys, traits and syncs stay as they are.</source>
        <translation>Liest ein dbt-manifest.json (target/manifest.json nach dbt compile oder dbt run). Jedes gewählte dbt-Modell wird ein Sluice-Modell, das seine Relation liest, mit der Spalte als Schlüssel, die dbt als unique und not_null testet; Modell- und Spaltenbeschreibungen werden übernommen, und die Beschreibung einer Spalte beschreibt auch einen gleichnamigen Trait. Ein erneuter Import aktualisiert nur Beschreibungen: SQL, Schlüssel, Traits und Syncs bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>the source the dbt models live in (default: the workspace&apos;s only source)</source>
        <translation>die Quelle der dbt-Modelle (Standard: die einzige Quelle des Arbeitsbereichs)</translation>
    </message>
    <message>
        <source>only these dbt models, separated by commas (default: every model)</source>
        <translation>nur diese dbt-Modelle, durch Kommas getrennt (Standard: alle)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 Datensätze/s</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>stopping after the batch in flight…</source>
        <translation>halte nach dem laufenden Stapel an…</translation>
    </message>
    <message>
        <source>reading the whole model would process %1 (the warehouse&apos;s dry-run estimate)</source>
        <translation>das ganze Modell zu lesen würde %1 verarbeiten (die Probelauf-Schätzung des Warehouse)</translation>
    </message>
</context>
<context>
    <name>sluice::connector</name>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>A regional endpoint, a proxy or a local sandbox</source>
        <translation>Ein regionaler Endpunkt, ein Proxy oder eine lokale Sandbox</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Records per request</source>
        <translation>Datensätze pro Anfrage</translation>
    </message>
    <message>
        <source>Batch bytes</source>
        <translation>Batch-Bytes</translation>
    </message>
    <message>
        <source>Largest request body, in bytes</source>
        <translation>Größter Anfrage-Body in Bytes</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <source>Requests in flight at the same time</source>
        <translation>Gleichzeitig laufende Anfragen</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>At most this many requests per this many seconds</source>
        <translation>Höchstens so viele Anfragen in so vielen Sekunden</translation>
    </message>
    <message>
        <source>Timeout (s)</source>
        <translation>Timeout (s)</translation>
    </message>
    <message>
        <source>Longest a whole request may take</source>
        <translation>Längste Dauer einer ganzen Anfrage</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Tries per batch before the run gives up</source>
        <translation>Versuche pro Batch, bevor der Lauf aufgibt</translation>
    </message>
    <message>
        <source>Backoff (ms)</source>
        <translation>Backoff (ms)</translation>
    </message>
    <message>
        <source>First wait between tries; it doubles each time</source>
        <translation>Erste Wartezeit zwischen Versuchen; sie verdoppelt sich jedes Mal</translation>
    </message>
    <message>
        <source>Longest wait (s)</source>
        <translation>Längste Wartezeit (s)</translation>
    </message>
    <message>
        <source>A server asking to wait longer (Retry-After) ends the run; the batch goes next run</source>
        <translation>Verlangt ein Server längeres Warten (Retry-After), endet der Lauf; der Batch geht im nächsten Lauf</translation>
    </message>
    <message>
        <source>OAuth</source>
        <translation>OAuth</translation>
    </message>
    <message>
        <source>token_url, client_id, client_secret or private_key, username or refresh_token</source>
        <translation>token_url, client_id, client_secret oder private_key, username oder refresh_token</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Relative to the workspace; replaced atomically on each run</source>
        <translation>Relativ zum Workspace; bei jedem Lauf atomar ersetzt</translation>
    </message>
    <message>
        <source>JSON Lines file</source>
        <translation>JSON-Lines-Datei</translation>
    </message>
    <message>
        <source>Files and hooks</source>
        <translation>Dateien und Hooks</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>Create the table</source>
        <translation>Tabelle anlegen</translation>
    </message>
    <message>
        <source>Create the table and missing columns</source>
        <translation>Tabelle und fehlende Spalten anlegen</translation>
    </message>
    <message>
        <source>Records per statement</source>
        <translation>Datensätze pro Anweisung</translation>
    </message>
    <message>
        <source>SQLite table</source>
        <translation>SQLite-Tabelle</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>Relative to the workspace</source>
        <translation>Relativ zum Workspace</translation>
    </message>
    <message>
        <source>PostgreSQL table</source>
        <translation>PostgreSQL-Tabelle</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Receives POSTs in Sluice&apos;s webhook format</source>
        <translation>Empfängt POSTs im Webhook-Format von Sluice</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Sent with every request; values may be secret references</source>
        <translation>Mit jeder Anfrage gesendet; Werte dürfen Secret-Referenzen sein</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Private-app token with crm.objects.&lt;object&gt;.write</source>
        <translation>Token einer privaten App mit crm.objects.&lt;object&gt;.write</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <source>A session or connected-app token; or use oauth</source>
        <translation>Ein Sitzungs- oder Connected-App-Token; oder oauth verwenden</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <source>The REST API version, such as 62.0</source>
        <translation>Die REST-API-Version, etwa 62.0</translation>
    </message>
    <message>
        <source>Bulk API from</source>
        <translation>Bulk API ab</translation>
    </message>
    <message>
        <source>Deliveries of at least this many records go through Bulk API 2.0 jobs; 0: never</source>
        <translation>Zustellungen von mindestens so vielen Datensätzen laufen über Bulk-API-2.0-Jobs; 0: nie</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Braze</source>
        <translation>Braze</translation>
    </message>
    <message>
        <source>REST API key</source>
        <translation>REST-API-Schlüssel</translation>
    </message>
    <message>
        <source>A REST API key with the users.track permission</source>
        <translation>Ein REST-API-Schlüssel mit der Berechtigung users.track</translation>
    </message>
    <message>
        <source>Iterable</source>
        <translation>Iterable</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>A server-side API key of the project (EU projects: base_url https://api.eu.iterable.com)</source>
        <translation>Ein serverseitiger API-Schlüssel des Projekts (EU-Projekte: base_url https://api.eu.iterable.com)</translation>
    </message>
    <message>
        <source>Klaviyo</source>
        <translation>Klaviyo</translation>
    </message>
    <message>
        <source>Private API key</source>
        <translation>Privater API-Schlüssel</translation>
    </message>
    <message>
        <source>A private key with profiles:read and profiles:write</source>
        <translation>Ein privater Schlüssel mit profiles:read und profiles:write</translation>
    </message>
    <message>
        <source>API revision</source>
        <translation>API-Revision</translation>
    </message>
    <message>
        <source>The revision header sent with every request</source>
        <translation>Der Revisions-Header, der mit jeder Anfrage gesendet wird</translation>
    </message>
    <message>
        <source>Longest job wait (s)</source>
        <translation>Längste Wartezeit auf einen Job (s)</translation>
    </message>
    <message>
        <source>An import job not done by then ends the run; its records go next run</source>
        <translation>Ein bis dahin nicht fertiger Import-Job beendet den Lauf; seine Datensätze gehen im nächsten Lauf</translation>
    </message>
    <message>
        <source>Mixpanel</source>
        <translation>Mixpanel</translation>
    </message>
    <message>
        <source>Project token</source>
        <translation>Projekt-Token</translation>
    </message>
    <message>
        <source>The project&apos;s token (EU projects: base_url https://api-eu.mixpanel.com)</source>
        <translation>Das Token des Projekts (EU-Projekte: base_url https://api-eu.mixpanel.com)</translation>
    </message>
    <message>
        <source>Intercom</source>
        <translation>Intercom</translation>
    </message>
    <message>
        <source>An access token of the workspace&apos;s app (EU: base_url https://api.eu.intercom.io)</source>
        <translation>Ein Zugriffstoken der App des Workspace (EU: base_url https://api.eu.intercom.io)</translation>
    </message>
    <message>
        <source>Sent as the Intercom-Version header</source>
        <translation>Als Header Intercom-Version gesendet</translation>
    </message>
    <message>
        <source>Ad audiences</source>
        <translation>Werbe-Zielgruppen</translation>
    </message>
    <message>
        <source>Meta Custom Audiences</source>
        <translation>Meta Custom Audiences</translation>
    </message>
    <message>
        <source>A system user&apos;s token with ads_management on the ad account</source>
        <translation>Das Token eines Systembenutzers mit ads_management für das Werbekonto</translation>
    </message>
    <message>
        <source>Graph API version</source>
        <translation>Graph-API-Version</translation>
    </message>
    <message>
        <source>Google Customer Match</source>
        <translation>Google Customer Match</translation>
    </message>
    <message>
        <source>Operating account</source>
        <translation>Operatives Konto</translation>
    </message>
    <message>
        <source>{&quot;account_type&quot;: &quot;GOOGLE_ADS&quot;, &quot;account_id&quot;: &quot;1234567890&quot;}</source>
        <translation>{&quot;account_type&quot;: &quot;GOOGLE_ADS&quot;, &quot;account_id&quot;: &quot;1234567890&quot;}</translation>
    </message>
    <message>
        <source>LinkedIn Matched Audiences</source>
        <translation>LinkedIn Matched Audiences</translation>
    </message>
    <message>
        <source>A member token with rw_dmp_segments</source>
        <translation>Ein Mitglieder-Token mit rw_dmp_segments</translation>
    </message>
    <message>
        <source>LinkedIn-Version</source>
        <translation>LinkedIn-Version</translation>
    </message>
    <message>
        <source>YYYYMM</source>
        <translation>JJJJMM</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Warehouses</source>
        <translation>Warehouses</translation>
    </message>
    <message>
        <source>Connect timeout (s)</source>
        <translation>Verbindungs-Timeout (s)</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>MySQL / MariaDB</source>
        <translation>MySQL / MariaDB</translation>
    </message>
    <message>
        <source>ODBC</source>
        <translation>ODBC</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>eine Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object such as {&quot;requests&quot;: 100, &quot;per_seconds&quot;: 10}</source>
        <translation>„%1“ muss ein Objekt sein, etwa {&quot;requests&quot;: 100, &quot;per_seconds&quot;: 10}</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in &quot;%2&quot; (known: requests, per_seconds)</source>
        <translation>unbekannter Schlüssel „%1“ in „%2“ (bekannt: requests, per_seconds)</translation>
    </message>
    <message>
        <source>&quot;requests&quot; must be a whole number from 1 to 1000000</source>
        <translation>„requests“ muss eine ganze Zahl von 1 bis 1000000 sein</translation>
    </message>
    <message>
        <source>&quot;per_seconds&quot; must be a number of seconds above 0 and at most 86400</source>
        <translation>„per_seconds“ muss eine Sekundenzahl über 0 und höchstens 86400 sein</translation>
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
        <source>&quot;%1&quot; must be an http:// or https:// URL</source>
        <translation>„%1“ muss eine http://- oder https://-URL sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2</source>
        <translation>„%1“ muss %2 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>„%1“ muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a secret reference such as {&quot;env&quot;: &quot;NAME&quot;}, {&quot;keychain&quot;: &quot;NAME&quot;} or {&quot;file&quot;: &quot;PATH&quot;}; secrets are never written into sluice.json</source>
        <translation>„%1“ muss eine Secret-Referenz sein, etwa {&quot;env&quot;: &quot;NAME&quot;}, {&quot;keychain&quot;: &quot;NAME&quot;} oder {&quot;file&quot;: &quot;PATH&quot;}; Secrets werden nie in sluice.json geschrieben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object of header names and values</source>
        <translation>„%1“ muss ein Objekt aus Header-Namen und Werten sein</translation>
    </message>
    <message>
        <source>header &quot;%1&quot; must be a string or a secret reference</source>
        <translation>Header „%1“ muss eine Zeichenkette oder eine Secret-Referenz sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object</source>
        <translation>„%1“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a secret reference such as {&quot;env&quot;: &quot;NAME&quot;}</source>
        <translation>„%1“ muss eine Secret-Referenz sein, etwa {&quot;env&quot;: &quot;NAME&quot;}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required</source>
        <translation>„%1“ ist erforderlich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a secret reference such as {&quot;env&quot;: &quot;NAME&quot;}; secrets are never written into sluice.json</source>
        <translation>„%1“ muss eine Secret-Referenz sein, etwa {&quot;env&quot;: &quot;NAME&quot;}; Secrets werden nie in sluice.json geschrieben</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Schlüssel „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>DSN or connection string</source>
        <translation>DSN oder Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>A data source name from odbc.ini, or a connection string such as DRIVER={PostgreSQL Unicode};SERVER=db.internal;PORT=5432;DATABASE=analytics</source>
        <translation>Ein Datenquellenname aus odbc.ini oder eine Verbindungszeichenfolge wie DRIVER={PostgreSQL Unicode};SERVER=db.internal;PORT=5432;DATABASE=analytics</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>The account identifier, as in myorg-myaccount (the host is &lt;account&gt;.snowflakecomputing.com)</source>
        <translation>Die Kontokennung, etwa myorg-myaccount (der Host ist &lt;account&gt;.snowflakecomputing.com)</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>Privater Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>Key-pair authentication: the user&apos;s RSA private key; its public key is set on the user (RSA_PUBLIC_KEY)</source>
        <translation>Schlüsselpaar-Anmeldung: der private RSA-Schlüssel des Benutzers; sein öffentlicher Schlüssel ist beim Benutzer hinterlegt (RSA_PUBLIC_KEY)</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth-Token</translation>
    </message>
    <message>
        <source>Instead of a key pair: an OAuth access token</source>
        <translation>Statt eines Schlüsselpaars: ein OAuth-Zugriffstoken</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <source>The virtual warehouse that runs the statements</source>
        <translation>Das virtuelle Warehouse, das die Anweisungen ausführt</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>A private-link or proxy address instead of the account&apos;s own</source>
        <translation>Eine Private-Link- oder Proxy-Adresse statt der des Kontos</translation>
    </message>
    <message>
        <source>Snowflake</source>
        <translation>Snowflake</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>The Google Cloud project the queries run (and are billed) in</source>
        <translation>Das Google-Cloud-Projekt, in dem die Abfragen laufen (und abgerechnet werden)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>The default dataset for table names without one</source>
        <translation>Das Standard-Dataset für Tabellennamen ohne eines</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Where the jobs run, as in US or EU</source>
        <translation>Wo die Jobs laufen, etwa US oder EU</translation>
    </message>
    <message>
        <source>Service account key (JSON)</source>
        <translation>Dienstkontoschlüssel (JSON)</translation>
    </message>
    <message>
        <source>The key file of a service account with BigQuery Job User and Data Viewer</source>
        <translation>Die Schlüsseldatei eines Dienstkontos mit BigQuery Job User und Data Viewer</translation>
    </message>
    <message>
        <source>Instead of a key: an OAuth access token</source>
        <translation>Statt eines Schlüssels: ein OAuth-Zugriffstoken</translation>
    </message>
    <message>
        <source>A private endpoint or proxy instead of bigquery.googleapis.com</source>
        <translation>Ein privater Endpunkt oder Proxy statt bigquery.googleapis.com</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <source>Instead of the key file&apos;s token_uri</source>
        <translation>Statt der token_uri der Schlüsseldatei</translation>
    </message>
    <message>
        <source>BigQuery</source>
        <translation>BigQuery</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>disable, prefer, require, verify-ca or verify-full (Redshift clusters require SSL by default)</source>
        <translation>disable, prefer, require, verify-ca oder verify-full (Redshift-Cluster verlangen standardmäßig SSL)</translation>
    </message>
    <message>
        <source>The cluster&apos;s endpoint, as in examplecluster.abc123.us-west-2.redshift.amazonaws.com</source>
        <translation>Der Endpunkt des Clusters, etwa examplecluster.abc123.us-west-2.redshift.amazonaws.com</translation>
    </message>
    <message>
        <source>Amazon Redshift</source>
        <translation>Amazon Redshift</translation>
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
        <source>rejected by the destination (no reason given)</source>
        <translation>vom Ziel abgelehnt (ohne Begründung)</translation>
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
    <message>
        <source>%1: cannot create %2: folder %3 is not writable</source>
        <translation>%1: %2 kann nicht angelegt werden: Ordner %3 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>%1: with &quot;token&quot;, set &quot;base_url&quot; to the org&apos;s My Domain URL, such as https://acme.my.salesforce.com</source>
        <translation>%1: mit „token“ muss „base_url“ die My-Domain-URL der Org sein, etwa https://acme.my.salesforce.com</translation>
    </message>
    <message>
        <source>%1: Salesforce needs &quot;token&quot; or &quot;oauth&quot; (token_url, client_id, client_secret or private_key, username or refresh_token)</source>
        <translation>%1: Salesforce braucht „token“ oder „oauth“ (token_url, client_id, client_secret oder private_key, username oder refresh_token)</translation>
    </message>
    <message>
        <source>%1: set &quot;base_url&quot; to your Braze REST endpoint, such as https://rest.iad-01.braze.com</source>
        <translation>%1: setzen Sie „base_url“ auf Ihren Braze-REST-Endpunkt, etwa https://rest.iad-01.braze.com</translation>
    </message>
    <message>
        <source>%1: Google Customer Match needs &quot;oauth&quot; (token_url, client_id, and client_secret with refresh_token, or private_key with username) and &quot;operating_account&quot;: {&quot;account_type&quot;: &quot;GOOGLE_ADS&quot;, &quot;account_id&quot;: &quot;...&quot;}</source>
        <translation>%1: Google Customer Match braucht „oauth“ (token_url, client_id und client_secret mit refresh_token, oder private_key mit username) und &quot;operating_account&quot;: {&quot;account_type&quot;: &quot;GOOGLE_ADS&quot;, &quot;account_id&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>destination %1: %2 is not writable</source>
        <translation>Ziel %1: %2 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>%1: %2 is not valid CSV (a quoted cell never ends); nothing was written, fix or move the file</source>
        <translation>%1: %2 ist kein gültiges CSV (eine Zelle in Anführungszeichen endet nie); nichts wurde geschrieben, korrigieren oder verschieben Sie die Datei</translation>
    </message>
    <message>
        <source>%1: %2 stayed locked by another writer for 30 minutes (%3.lock)</source>
        <translation>%1: %2 blieb 30 Minuten lang von einem anderen Schreiber gesperrt (%3.lock)</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>(kein Body)</translation>
    </message>
    <message>
        <source>no complete answer within %1 s</source>
        <translation>keine vollständige Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>Iterable: not a valid e-mail address</source>
        <translation>Iterable: keine gültige E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Iterable: not a valid userId</source>
        <translation>Iterable: keine gültige userId</translation>
    </message>
    <message>
        <source>Iterable: no user with this e-mail</source>
        <translation>Iterable: kein Benutzer mit dieser E-Mail</translation>
    </message>
    <message>
        <source>Iterable: no user with this userId</source>
        <translation>Iterable: kein Benutzer mit dieser userId</translation>
    </message>
    <message>
        <source>Iterable: this user was forgotten (a privacy deletion) and cannot be updated</source>
        <translation>Iterable: dieser Benutzer wurde vergessen (eine Datenschutzlöschung) und kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>Iterable: the e-mail belongs to another user</source>
        <translation>Iterable: die E-Mail gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>Iterable: the userId belongs to another user</source>
        <translation>Iterable: die userId gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>Iterable: the user&apos;s data was refused</source>
        <translation>Iterable: die Daten des Benutzers wurden abgelehnt</translation>
    </message>
    <message>
        <source>destination %1: cannot reach %2: %3</source>
        <translation>Ziel %1: %2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>%1: cannot read %2</source>
        <translation>%1: %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1: cannot write beside %2: %3</source>
        <translation>%1: Neben %2 kann nicht geschrieben werden: %3</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Braze rate limit: %1</source>
        <translation>Braze-Ratenlimit: %1</translation>
    </message>
    <message>
        <source>HTTP %1, %2</source>
        <translation>HTTP %1, %2</translation>
    </message>
    <message>
        <source>Braze: %1</source>
        <translation>Braze: %1</translation>
    </message>
    <message>
        <source>%1: Braze matches users on external_id or email, not %2</source>
        <translation>%1: Braze ordnet Benutzer über external_id oder email zu, nicht über %2</translation>
    </message>
    <message>
        <source>%1: cannot reach %2: %3</source>
        <translation>%1: %2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>%1: Braze refused the REST API key (HTTP 401): %2</source>
        <translation>%1: Braze hat den REST-API-Schlüssel abgelehnt (HTTP 401): %2</translation>
    </message>
    <message>
        <source>%1: the REST API key lacks the users.track permission (HTTP 403): %2</source>
        <translation>%1: dem REST-API-Schlüssel fehlt die Berechtigung users.track (HTTP 403): %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>the access token expired: %1</source>
        <translation>das Zugriffstoken ist abgelaufen: %1</translation>
    </message>
    <message>
        <source>user list %1 of %2 %3: %4</source>
        <translation>Nutzerliste %1 von %2 %3: %4</translation>
    </message>
    <message>
        <source>Google: %1</source>
        <translation>Google: %1</translation>
    </message>
    <message>
        <source>%1: a Google Customer Match sync needs &quot;object&quot;: the user list&apos;s id</source>
        <translation>%1: ein Google-Customer-Match-Sync braucht „object“: die ID der Nutzerliste</translation>
    </message>
    <message>
        <source>its identifiers were not kept when it was added, so it cannot be removed from the user list</source>
        <translation>seine Kennungen wurden beim Hinzufügen nicht aufbewahrt, daher kann er nicht aus der Nutzerliste entfernt werden</translation>
    </message>
    <message>
        <source>the OAuth credentials</source>
        <translation>die OAuth-Zugangsdaten</translation>
    </message>
    <message>
        <source>writing to the operating account</source>
        <translation>Schreiben in das operative Konto</translation>
    </message>
    <message>
        <source>%1 refused the credentials: %2; no record was sent or rejected, check the destination&apos;s token or key</source>
        <translation>%1 hat die Zugangsdaten abgelehnt: %2; kein Datensatz wurde gesendet oder abgelehnt, prüfen Sie Token oder Schlüssel des Ziels</translation>
    </message>
    <message>
        <source>%1 asked to wait %2 s before sending again (%3), longer than this run waits (max_retry_wait_s: %4); batch %5 (%6 records) was not delivered and is sent again on the next run</source>
        <translation>%1 verlangte %2 s Wartezeit vor dem nächsten Senden (%3), länger als dieser Lauf wartet (max_retry_wait_s: %4); Batch %5 (%6 Datensätze) wurde nicht zugestellt und geht im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>%1: gave up on batch %2 after %3 attempts: %4</source>
        <translation>%1: Batch %2 nach %3 Versuchen aufgegeben: %4</translation>
    </message>
    <message>
        <source>no complete answer within %1 s (timeout_s)</source>
        <translation>keine vollständige Antwort innerhalb von %1 s (timeout_s)</translation>
    </message>
    <message>
        <source>answered HTTP %1, a redirect; Sluice does not follow redirects, so nothing in this batch was delivered</source>
        <translation>antwortete mit HTTP %1, einer Weiterleitung; Sluice folgt keinen Weiterleitungen, daher wurde nichts aus diesem Batch zugestellt</translation>
    </message>
    <message>
        <source>answered HTTP %1, a redirect to %2; Sluice does not follow redirects, so nothing in this batch was delivered: point the destination&apos;s url at the new address</source>
        <translation>antwortete mit HTTP %1, einer Weiterleitung nach %2; Sluice folgt keinen Weiterleitungen, daher wurde nichts aus diesem Batch zugestellt: richten Sie die URL des Ziels auf die neue Adresse</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1 (throttled)</source>
        <translation>HTTP %1 (gedrosselt)</translation>
    </message>
    <message>
        <source>HTTP %1, Retry-After: %2</source>
        <translation>HTTP %1, Retry-After: %2</translation>
    </message>
    <message>
        <source>HubSpot rate limit (%1): %2</source>
        <translation>HubSpot-Ratenlimit (%1): %2</translation>
    </message>
    <message>
        <source>HubSpot: %1</source>
        <translation>HubSpot: %1</translation>
    </message>
    <message>
        <source>%1: a HubSpot sync needs &quot;object&quot; (contacts, companies or a custom object) and &quot;match&quot; (a unique property such as email)</source>
        <translation>%1: ein HubSpot-Sync braucht „object“ (contacts, companies oder ein benutzerdefiniertes Objekt) und „match“ (eine eindeutige Eigenschaft wie email)</translation>
    </message>
    <message>
        <source>%1: HubSpot refused the token (HTTP 401): %2. Check that the private app is active and that the whole token was pasted</source>
        <translation>%1: HubSpot hat das Token abgelehnt (HTTP 401): %2. Prüfen Sie, ob die private App aktiv ist und das ganze Token eingefügt wurde</translation>
    </message>
    <message>
        <source>%1: the token lacks a permission %2 needs (HTTP 403): %3</source>
        <translation>%1: dem Token fehlt eine Berechtigung, die %2 braucht (HTTP 403): %3</translation>
    </message>
    <message>
        <source>%1: %2 failed (HTTP %3): %4</source>
        <translation>%1: %2 fehlgeschlagen (HTTP %3): %4</translation>
    </message>
    <message>
        <source>reading the account</source>
        <translation>Lesen des Kontos</translation>
    </message>
    <message>
        <source>reading the properties of %1</source>
        <translation>Lesen der Eigenschaften von %1</translation>
    </message>
    <message>
        <source>the contact Intercom named is gone</source>
        <translation>der von Intercom genannte Kontakt existiert nicht mehr</translation>
    </message>
    <message>
        <source>identity conflict at Intercom: contact %1 already holds this record&apos;s details under %2 %3; updating it would merge two people</source>
        <translation>Identitätskonflikt bei Intercom: Kontakt %1 hat die Angaben dieses Datensatzes bereits unter %2 %3; eine Aktualisierung würde zwei Personen zusammenführen</translation>
    </message>
    <message>
        <source>Intercom already has this contact (%1): updating it</source>
        <translation>Intercom hat diesen Kontakt bereits (%1): er wird aktualisiert</translation>
    </message>
    <message>
        <source>Intercom already has a contact with these details (%1): reading it</source>
        <translation>Intercom hat bereits einen Kontakt mit diesen Angaben (%1): er wird gelesen</translation>
    </message>
    <message>
        <source>Intercom: %1</source>
        <translation>Intercom: %1</translation>
    </message>
    <message>
        <source>the contact Intercom named is gone: %1</source>
        <translation>der von Intercom genannte Kontakt existiert nicht mehr: %1</translation>
    </message>
    <message>
        <source>Intercom rate limit: %1</source>
        <translation>Intercom-Ratenlimit: %1</translation>
    </message>
    <message>
        <source>%1: Intercom matches contacts on external_id or email, not %2</source>
        <translation>%1: Intercom ordnet Kontakte über external_id oder email zu, nicht über %2</translation>
    </message>
    <message>
        <source>the access token</source>
        <translation>das Zugriffstoken</translation>
    </message>
    <message>
        <source>reading the workspace</source>
        <translation>Lesen des Workspace</translation>
    </message>
    <message>
        <source>reading the contact attributes</source>
        <translation>Lesen der Kontaktattribute</translation>
    </message>
    <message>
        <source>Iterable rate limit: %1</source>
        <translation>Iterable-Ratenlimit: %1</translation>
    </message>
    <message>
        <source>Iterable: %1</source>
        <translation>Iterable: %1</translation>
    </message>
    <message>
        <source>Iterable updated the user but dropped %1: the value&apos;s type clashes with the project&apos;s field type</source>
        <translation>Iterable hat den Benutzer aktualisiert, aber %1 verworfen: der Typ des Werts passt nicht zum Feldtyp des Projekts</translation>
    </message>
    <message>
        <source>%1: Iterable matches users on email or userId, not %2</source>
        <translation>%1: Iterable ordnet Benutzer über email oder userId zu, nicht über %2</translation>
    </message>
    <message>
        <source>the API key</source>
        <translation>der API-Schlüssel</translation>
    </message>
    <message>
        <source>reading the user fields</source>
        <translation>Lesen der Benutzerfelder</translation>
    </message>
    <message>
        <source>%1: job %2 could not be completed (%3 %4: HTTP %5, %6); its records are sent again next run</source>
        <translation>%1: Job %2 konnte nicht abgeschlossen werden (%3 %4: HTTP %5, %6); seine Datensätze gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>%1: gave up submitting a job of %2 records: %3</source>
        <translation>%1: Einreichen eines Jobs mit %2 Datensätzen aufgegeben: %3</translation>
    </message>
    <message>
        <source>%1: cancelled while job %2 ran; its records are sent again next run</source>
        <translation>%1: abgebrochen, während Job %2 lief; seine Datensätze gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>%1: the state of job %2 could not be read: %3; its records are sent again next run</source>
        <translation>%1: der Zustand von Job %2 konnte nicht gelesen werden: %3; seine Datensätze gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>%1: job %2 was not done after %3 s (max_job_wait_s); its records are sent again next run</source>
        <translation>%1: Job %2 war nach %3 s nicht fertig (max_job_wait_s); seine Datensätze gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>its error pages loop back to %1</source>
        <translation>seine Fehlerseiten führen zurück zu %1</translation>
    </message>
    <message>
        <source>%1: job %2 failed: %3; its records are sent again next run</source>
        <translation>%1: Job %2 ist fehlgeschlagen: %3; seine Datensätze gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>%1: job %2 failed (%3) and what it processed could not be read: %4; its records are sent again next run</source>
        <translation>%1: Job %2 ist fehlgeschlagen (%3), und was er verarbeitet hat, konnte nicht gelesen werden: %4; seine Datensätze gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>%1: job %2 finished but its results could not be read: %3; its records are sent again next run</source>
        <translation>%1: Job %2 wurde beendet, aber seine Ergebnisse konnten nicht gelesen werden: %3; seine Datensätze gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>%1: job %2 failed: %3; %4 of its %5 records were processed and settled, the other %6 are sent again next run</source>
        <translation>%1: Job %2 ist fehlgeschlagen: %3; %4 seiner %5 Datensätze wurden verarbeitet und abgeschlossen, die übrigen %6 gehen im nächsten Lauf erneut</translation>
    </message>
    <message>
        <source>Klaviyo accepted the import but named no job</source>
        <translation>Klaviyo hat den Import angenommen, aber keinen Job genannt</translation>
    </message>
    <message>
        <source>Klaviyo: %1</source>
        <translation>Klaviyo: %1</translation>
    </message>
    <message>
        <source>Klaviyo cancelled the import job</source>
        <translation>Klaviyo hat den Import-Job abgebrochen</translation>
    </message>
    <message>
        <source>an import error names no profile: %1</source>
        <translation>ein Importfehler nennt kein Profil: %1</translation>
    </message>
    <message>
        <source>Klaviyo: %1 %2</source>
        <translation>Klaviyo: %1 %2</translation>
    </message>
    <message>
        <source>%1: Klaviyo matches profiles on email, external_id or phone_number, not %2</source>
        <translation>%1: Klaviyo ordnet Profile über email, external_id oder phone_number zu, nicht über %2</translation>
    </message>
    <message>
        <source>the private API key</source>
        <translation>der private API-Schlüssel</translation>
    </message>
    <message>
        <source>reading import jobs</source>
        <translation>Lesen der Import-Jobs</translation>
    </message>
    <message>
        <source>LinkedIn answered %1 statuses for %2 users</source>
        <translation>LinkedIn antwortete mit %1 Status für %2 Benutzer</translation>
    </message>
    <message>
        <source>LinkedIn: %1</source>
        <translation>LinkedIn: %1</translation>
    </message>
    <message>
        <source>DMP segment %1: %2</source>
        <translation>DMP-Segment %1: %2</translation>
    </message>
    <message>
        <source>%1: a LinkedIn sync needs &quot;object&quot;: the DMP segment&apos;s id</source>
        <translation>%1: ein LinkedIn-Sync braucht „object“: die ID des DMP-Segments</translation>
    </message>
    <message>
        <source>its identifiers were not kept when it was added, so it cannot be removed from the segment</source>
        <translation>seine Kennungen wurden beim Hinzufügen nicht aufbewahrt, daher kann er nicht aus dem Segment entfernt werden</translation>
    </message>
    <message>
        <source>reading the ad accounts</source>
        <translation>Lesen der Werbekonten</translation>
    </message>
    <message>
        <source>(#%1/%2) %3</source>
        <translation>(#%1/%2) %3</translation>
    </message>
    <message>
        <source>(#%1) %2</source>
        <translation>(#%1) %2</translation>
    </message>
    <message>
        <source>Meta could not read %1: %2</source>
        <translation>Meta konnte %1 nicht lesen: %2</translation>
    </message>
    <message>
        <source>invalid entry</source>
        <translation>ungültiger Eintrag</translation>
    </message>
    <message>
        <source>HTTP %1, %2 (the token lacks ads_management on this ad account)</source>
        <translation>HTTP %1, %2 (dem Token fehlt ads_management für dieses Werbekonto)</translation>
    </message>
    <message>
        <source>Meta rate limit: %1</source>
        <translation>Meta-Ratenlimit: %1</translation>
    </message>
    <message>
        <source>Meta has flagged audience %1 and takes no changes to it: %2</source>
        <translation>Meta hat Zielgruppe %1 markiert und nimmt keine Änderungen an: %2</translation>
    </message>
    <message>
        <source>audience %1: %2</source>
        <translation>Zielgruppe %1: %2</translation>
    </message>
    <message>
        <source>Meta: %1</source>
        <translation>Meta: %1</translation>
    </message>
    <message>
        <source>%1: a Meta sync needs &quot;object&quot;: the custom audience&apos;s id</source>
        <translation>%1: ein Meta-Sync braucht „object“: die ID der Custom Audience</translation>
    </message>
    <message>
        <source>its identifiers were not kept when it was added, so it cannot be removed from the audience; remove it in Ads Manager</source>
        <translation>seine Kennungen wurden beim Hinzufügen nicht aufbewahrt, daher kann er nicht aus der Zielgruppe entfernt werden; entfernen Sie ihn im Werbeanzeigenmanager</translation>
    </message>
    <message>
        <source>reading the token&apos;s user</source>
        <translation>Lesen des Benutzers des Tokens</translation>
    </message>
    <message>
        <source>Mixpanel answered status 0: %1</source>
        <translation>Mixpanel antwortete mit Status 0: %1</translation>
    </message>
    <message>
        <source>Mixpanel rate limit: %1</source>
        <translation>Mixpanel-Ratenlimit: %1</translation>
    </message>
    <message>
        <source>Mixpanel: %1</source>
        <translation>Mixpanel: %1</translation>
    </message>
    <message>
        <source>Mixpanel refused the update (answered 0)</source>
        <translation>Mixpanel hat die Aktualisierung abgelehnt (Antwort 0)</translation>
    </message>
    <message>
        <source>%1: Mixpanel profiles are matched on $distinct_id, not %2</source>
        <translation>%1: Mixpanel-Profile werden über $distinct_id zugeordnet, nicht über %2</translation>
    </message>
    <message>
        <source>its $distinct_id was not kept when it was delivered, so its profile cannot be removed</source>
        <translation>seine $distinct_id wurde bei der Zustellung nicht aufbewahrt, daher kann sein Profil nicht entfernt werden</translation>
    </message>
    <message>
        <source>the project token</source>
        <translation>das Projekt-Token</translation>
    </message>
    <message>
        <source>updating profiles</source>
        <translation>Aktualisieren von Profilen</translation>
    </message>
    <message>
        <source>%1: oauth: &quot;token_url&quot; must be an http(s) URL</source>
        <translation>%1: oauth: „token_url“ muss eine http(s)-URL sein</translation>
    </message>
    <message>
        <source>%1: oauth: &quot;client_id&quot; is required</source>
        <translation>%1: oauth: „client_id“ ist erforderlich</translation>
    </message>
    <message>
        <source>%1: oauth: a JWT bearer grant (private_key) needs &quot;username&quot;</source>
        <translation>%1: oauth: ein JWT-Bearer-Grant (private_key) braucht „username“</translation>
    </message>
    <message>
        <source>the oauth private_key is not a PEM private key</source>
        <translation>der oauth-private_key ist kein privater PEM-Schlüssel</translation>
    </message>
    <message>
        <source>the oauth private_key cannot sign (RS256)</source>
        <translation>der oauth-private_key kann nicht signieren (RS256)</translation>
    </message>
    <message>
        <source>%1: cannot reach the token endpoint %2: %3</source>
        <translation>%1: der Token-Endpunkt %2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>%1: the token endpoint refused the OAuth credentials (HTTP %2, %3)</source>
        <translation>%1: der Token-Endpunkt hat die OAuth-Zugangsdaten abgelehnt (HTTP %2, %3)</translation>
    </message>
    <message>
        <source>%1: %2 refused %3 (HTTP 401): %4</source>
        <translation>%1: %2 hat %3 abgelehnt (HTTP 401): %4</translation>
    </message>
    <message>
        <source>%1: %2 lacks a permission %3 needs (HTTP 403): %4</source>
        <translation>%1: %2 fehlt eine Berechtigung, die %3 braucht (HTTP 403): %4</translation>
    </message>
    <message>
        <source>the token endpoint named no instance_url: set &quot;base_url&quot; to the org&apos;s My Domain URL</source>
        <translation>der Token-Endpunkt nannte keine instance_url: setzen Sie „base_url“ auf die My-Domain-URL der Org</translation>
    </message>
    <message>
        <source>the session expired (%1); a new token was fetched</source>
        <translation>die Sitzung ist abgelaufen (%1); ein neues Token wurde geholt</translation>
    </message>
    <message>
        <source>HTTP 401, %1%2</source>
        <translation>HTTP 401, %1%2</translation>
    </message>
    <message>
        <source>the org&apos;s API request limit for the last 24 hours is used up (%1); the rest is sent on a later run</source>
        <translation>das API-Anfragelimit der Org für die letzten 24 Stunden ist aufgebraucht (%1); der Rest geht in einem späteren Lauf</translation>
    </message>
    <message>
        <source>Salesforce limit: %1</source>
        <translation>Salesforce-Limit: %1</translation>
    </message>
    <message>
        <source>HTTP 403, %1</source>
        <translation>HTTP 403, %1</translation>
    </message>
    <message>
        <source>Salesforce has no %1 with an external-ID field %2 here (HTTP 404): %3</source>
        <translation>Salesforce hat hier kein %1 mit einem External-ID-Feld %2 (HTTP 404): %3</translation>
    </message>
    <message>
        <source>Salesforce answered %1 results for %2 records</source>
        <translation>Salesforce antwortete mit %1 Ergebnissen für %2 Datensätze</translation>
    </message>
    <message>
        <source>Salesforce: %1</source>
        <translation>Salesforce: %1</translation>
    </message>
    <message>
        <source>Salesforce created no ingest job</source>
        <translation>Salesforce hat keinen Ingest-Job angelegt</translation>
    </message>
    <message>
        <source>Salesforce refused the ingest job (HTTP %1): %2</source>
        <translation>Salesforce hat den Ingest-Job abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>the ingest job is %1: %2</source>
        <translation>der Ingest-Job ist %1: %2</translation>
    </message>
    <message>
        <source>%1 is not CSV</source>
        <translation>%1 ist kein CSV</translation>
    </message>
    <message>
        <source>%1 lacks %2 or %3</source>
        <translation>%1 fehlt %2 oder %3</translation>
    </message>
    <message>
        <source>%1 names %2 %3, which the job did not carry</source>
        <translation>%1 nennt %2 %3, das der Job nicht enthielt</translation>
    </message>
    <message>
        <source>%1: a Salesforce sync needs &quot;object&quot; (an sObject such as Contact) and &quot;match&quot; (an external-ID field)</source>
        <translation>%1: ein Salesforce-Sync braucht „object“ (ein sObject wie Contact) und „match“ (ein External-ID-Feld)</translation>
    </message>
    <message>
        <source>reading the org&apos;s limits</source>
        <translation>Lesen der Limits der Org</translation>
    </message>
    <message>
        <source>%1: the org&apos;s %2 API requests for the last 24 hours are used up</source>
        <translation>%1: die %2 API-Anfragen der Org für die letzten 24 Stunden sind aufgebraucht</translation>
    </message>
    <message>
        <source>%1: Salesforce has no sObject %2 (HTTP 404): %3</source>
        <translation>%1: Salesforce hat kein sObject %2 (HTTP 404): %3</translation>
    </message>
    <message>
        <source>describing %1</source>
        <translation>Beschreiben von %1</translation>
    </message>
    <message>
        <source>listing the custom objects</source>
        <translation>Auflisten der benutzerdefinierten Objekte</translation>
    </message>
    <message>
        <source>listing the sObjects</source>
        <translation>Auflisten der sObjects</translation>
    </message>
    <message>
        <source>%1: cannot list tables: %2</source>
        <translation>%1: Tabellen können nicht aufgelistet werden: %2</translation>
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
        <source>sync %1: destination %2 requires field %3, and the sync does not map it</source>
        <translation>Sync %1: Ziel %2 verlangt das Feld %3, und der Sync ordnet es nicht zu</translation>
    </message>
    <message>
        <source>cannot keep the plan in %1: %2</source>
        <translation>der Plan kann nicht in %1 abgelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot read back the plan kept in %1: %2</source>
        <translation>der in %1 abgelegte Plan kann nicht zurückgelesen werden: %2</translation>
    </message>
    <message>
        <source>sync %1: it has delivered records before, but its state (what the destination holds) is empty: the state database or the warehouse&apos;s state table was lost or replaced, or the sync&apos;s diff strategy changed. Nothing was sent. To send every record again, run it with --full-resync</source>
        <translation>Sync %1: er hat schon Datensätze geliefert, aber sein Zustand (was das Ziel hält) ist leer: die Zustandsdatenbank oder die Zustandstabelle im Warehouse ging verloren oder wurde ersetzt, oder die Diff-Strategie des Syncs hat sich geändert. Es wurde nichts gesendet. Um jeden Datensatz erneut zu senden, führen Sie ihn mit --full-resync aus</translation>
    </message>
    <message>
        <source>sync %1: this mirror run would remove %2 of the %3 records the destination holds (%4 %), more than its max_delete_share (%5 %); nothing was sent. If the model really lost those rows, run it with --allow-mass-delete or raise max_delete_share</source>
        <translation>Sync %1: dieser Mirror-Lauf würde %2 der %3 Datensätze im Ziel entfernen (%4 %), mehr als sein max_delete_share (%5 %); es wurde nichts gesendet. Hat das Modell diese Zeilen wirklich verloren, führen Sie ihn mit --allow-mass-delete aus oder erhöhen Sie max_delete_share</translation>
    </message>
    <message>
        <source>%1: column %2 not found (the sync uses it; the model has %3)</source>
        <translation>%1: Spalte %2 nicht gefunden (der Sync verwendet sie; das Modell hat %3)</translation>
    </message>
    <message>
        <source>sync %1: match field %2 is not mapped; map it so records can be matched</source>
        <translation>Sync %1: das Abgleichsfeld %2 ist nicht zugeordnet; ordnen Sie es zu, damit Datensätze abgeglichen werden können</translation>
    </message>
    <message>
        <source>sync %1: destination %2 (%3) needs &quot;object&quot;: where in it records go</source>
        <translation>Sync %1: Ziel %2 (%3) braucht „object“: wohin darin die Datensätze gehen</translation>
    </message>
    <message>
        <source>sync %1: destination %2 (%3) needs &quot;match&quot;: the unique field records are matched on, such as email</source>
        <translation>Sync %1: Ziel %2 (%3) braucht „match“: das eindeutige Feld, über das Datensätze abgeglichen werden, etwa email</translation>
    </message>
    <message>
        <source>sync %1: destination %2 (%3) does not take mode %4 (it takes %5)</source>
        <translation>Sync %1: Ziel %2 (%3) nimmt den Modus %4 nicht an (es nimmt %5)</translation>
    </message>
    <message>
        <source>sync %1: destination %2 has no field %3 in %4; its fields are read from the destination itself (create the field there, or map another)</source>
        <translation>Sync %1: Ziel %2 hat kein Feld %3 in %4; seine Felder werden vom Ziel selbst gelesen (legen Sie das Feld dort an, oder ordnen Sie ein anderes zu)</translation>
    </message>
    <message>
        <source>sync %1: the plan kept on disk could not be read back whole; what was not read was not sent, and goes with the next run</source>
        <translation>Sync %1: der auf der Platte abgelegte Plan konnte nicht vollständig zurückgelesen werden; was nicht gelesen wurde, wurde nicht gesendet und geht mit dem nächsten Lauf</translation>
    </message>
    <message>
        <source>the warehouse state %1 belongs to %2, and this sync writes to destination %3; give this sync another name, or drop %1 to send every record again</source>
        <translation>der Warehouse-Zustand %1 gehört zu %2, und dieser Sync schreibt in Ziel %3; geben Sie diesem Sync einen anderen Namen, oder löschen Sie %1, um jeden Datensatz erneut zu senden</translation>
    </message>
    <message>
        <source>sync %1: the warehouse diff cannot run on source %2</source>
        <translation>Sync %1: Der Warehouse-Diff kann auf Quelle %2 nicht laufen</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 in %2: %3</translation>
    </message>
    <message>
        <source>cannot keep the match values</source>
        <translation>die Abgleichswerte können nicht abgelegt werden</translation>
    </message>
    <message>
        <source>cannot read back the match values</source>
        <translation>die Abgleichswerte können nicht zurückgelesen werden</translation>
    </message>
    <message>
        <source>the file is cut short</source>
        <translation>die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <source>no %1 to match the destination&apos;s records on</source>
        <translation>kein %1, um die Datensätze des Ziels abzugleichen</translation>
    </message>
    <message>
        <source>field %1: %2</source>
        <translation>Feld %1: %2</translation>
    </message>
    <message>
        <source>no identifier the platform can match on: %1 all empty</source>
        <translation>kein Merkmal, über das die Plattform abgleichen kann: %1 alle leer</translation>
    </message>
    <message>
        <source>identity conflict: records %1 and %2 have the same %3, so the destination would merge them</source>
        <translation>Identitätskonflikt: die Datensätze %1 und %2 haben dasselbe %3, das Ziel würde sie zusammenführen</translation>
    </message>
    <message>
        <source>sync %1: the warehouse diff cannot run on source %2 (driver %3); use &quot;diff&quot;: &quot;local&quot;</source>
        <translation>Sync %1: der Warehouse-Diff kann auf Quelle %2 (Treiber %3) nicht laufen; verwenden Sie &quot;diff&quot;: &quot;local&quot;</translation>
    </message>
    <message>
        <source>
sync %1: nothing was sent; fix the model&apos;s key first</source>
        <translation>
Sync %1: es wurde nichts gesendet; beheben Sie zuerst den Schlüssel des Modells</translation>
    </message>
    <message>
        <source>no consent: %1 is not true</source>
        <translation>keine Einwilligung: %1 ist nicht wahr</translation>
    </message>
    <message>
        <source>sync %1: field %2 goes to %3 (%4), which takes it only as a SHA-256 hash of the normalized value; add the platform&apos;s preset (hash:%5) to its transform, so the raw value never leaves</source>
        <translation>Sync %1: Feld %2 geht an %3 (%4), das es nur als SHA-256-Hash des normalisierten Werts annimmt; fügen Sie die Vorgabe der Plattform (hash:%5) zu seiner Umwandlung hinzu, damit der Rohwert das Haus nie verlässt</translation>
    </message>
    <message>
        <source> (the warehouse diff keeps its state in %1: grant %2, or use &quot;diff&quot;: &quot;local&quot;)</source>
        <translation> (der Warehouse-Diff hält seinen Zustand in %1: %2 erteilen oder &quot;diff&quot;: &quot;local&quot; verwenden)</translation>
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
    <message>
        <source>schema field %1: unknown format &quot;%2&quot; (known: email, e164, sha256)</source>
        <translation>Schemafeld %1: unbekanntes Format „%2“ (bekannt: email, e164, sha256)</translation>
    </message>
    <message>
        <source>field %1 must be a SHA-256 hash (64 lower-case hex digits) for destination %2, never the raw value; add the platform&apos;s hash preset (hash:meta or hash:google) to the mapping</source>
        <translation>Feld %1 muss für Ziel %2 ein SHA-256-Hash sein (64 hexadezimale Kleinbuchstaben), nie der Rohwert; fügen Sie der Zuordnung die Hash-Vorgabe der Plattform hinzu (hash:meta oder hash:google)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation>%1 „%2“: %3</translation>
    </message>
    <message>
        <source>not a number from %1 to %2</source>
        <translation>keine Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>too few digits for a phone number with its country code</source>
        <translation>zu wenige Ziffern für eine Telefonnummer mit Ländervorwahl</translation>
    </message>
    <message>
        <source>not an ISO 3166-1 country code or name</source>
        <translation>kein Ländercode nach ISO 3166-1 und kein Ländername</translation>
    </message>
    <message>
        <source>Meta takes m or f</source>
        <translation>Meta nimmt m oder f</translation>
    </message>
    <message>
        <source>not a four-digit year</source>
        <translation>keine vierstellige Jahreszahl</translation>
    </message>
    <message>
        <source>not an e-mail address</source>
        <translation>keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Google takes E.164 (+ and the country code): put phone:REGION before the hash</source>
        <translation>Google nimmt E.164 (+ und die Ländervorwahl): phone:REGION vor den Hash setzen</translation>
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
    <message>
        <source>a value must be text, a number or true/false</source>
        <translation>ein Wert muss Text, eine Zahl oder true/false sein</translation>
    </message>
    <message>
        <source>a value may not contain a NUL character</source>
        <translation>ein Wert darf kein NUL-Zeichen enthalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no value</source>
        <translation>„%1“ nimmt keinen Wert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a &quot;value&quot;</source>
        <translation>„%1“ braucht einen „value“</translation>
    </message>
    <message>
        <source>&quot;contains&quot; needs text</source>
        <translation>„contains“ braucht Text</translation>
    </message>
    <message>
        <source>&quot;in_last_days&quot; needs a whole number of days from 1 to %1</source>
        <translation>„in_last_days“ braucht eine ganze Zahl von Tagen von 1 bis %1</translation>
    </message>
    <message>
        <source>&quot;between&quot; needs two values, as in [100, 500]</source>
        <translation>„between“ braucht zwei Werte, etwa [100, 500]</translation>
    </message>
    <message>
        <source>&quot;in&quot; needs a list of 1 to %1 values</source>
        <translation>„in“ braucht eine Liste von 1 bis %1 Werten</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <source>is between</source>
        <translation>liegt zwischen</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist eins von</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>ist nicht leer</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>in the last (days)</source>
        <translation>in den letzten (Tagen)</translation>
    </message>
    <message>
        <source>%1 in the last %2 days</source>
        <translation>%1 in den letzten %2 Tagen</translation>
    </message>
    <message>
        <source>%1 between %2 and %3</source>
        <translation>%1 zwischen %2 und %3</translation>
    </message>
    <message>
        <source>every row</source>
        <translation>jede Zeile</translation>
    </message>
    <message>
        <source>no row</source>
        <translation>keine Zeile</translation>
    </message>
    <message>
        <source>all of: </source>
        <translation>alle von: </translation>
    </message>
    <message>
        <source>any of: </source>
        <translation>eine von: </translation>
    </message>
    <message>
        <source>unknown audience &quot;%1&quot; (models and audiences: %2)</source>
        <translation>unbekannte Zielgruppe „%1“ (Modelle und Zielgruppen: %2)</translation>
    </message>
    <message>
        <source>%1: audiences are counted in PostgreSQL and SQLite sources</source>
        <translation>%1: Zielgruppen werden in PostgreSQL- und SQLite-Quellen gezählt</translation>
    </message>
    <message>
        <source>only audiences of one model overlap: these narrow %1 and %2</source>
        <translation>nur Zielgruppen eines Modells überschneiden sich: diese grenzen %1 und %2 ein</translation>
    </message>
    <message>
        <source>dbt manifest: not JSON (%1 at byte %2)</source>
        <translation>dbt-Manifest: kein JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>dbt manifest: no &quot;nodes&quot;; give the manifest.json that dbt writes into target/</source>
        <translation>dbt-Manifest: keine „nodes“; geben Sie die manifest.json an, die dbt nach target/ schreibt</translation>
    </message>
    <message>
        <source>import dbt: name the source the dbt models live in with --source (the workspace has: %1)</source>
        <translation>import dbt: nennen Sie mit --source die Quelle der dbt-Modelle (der Arbeitsbereich hat: %1)</translation>
    </message>
    <message>
        <source>no sources</source>
        <translation>keine Quellen</translation>
    </message>
    <message>
        <source>import dbt: unknown source &quot;%1&quot; (sources: %2)</source>
        <translation>import dbt: unbekannte Quelle „%1“ (Quellen: %2)</translation>
    </message>
    <message>
        <source>import dbt: the manifest has no model &quot;%1&quot; (it has: %2)</source>
        <translation>import dbt: das Manifest hat kein Modell „%1“ (es hat: %2)</translation>
    </message>
    <message>
        <source>an audience of that name exists</source>
        <translation>eine Zielgruppe dieses Namens existiert</translation>
    </message>
    <message>
        <source>no column is tested unique and not_null, nor declared its primary key; add those tests in dbt, or add the model to sluice.json by hand</source>
        <translation>keine Spalte ist auf unique und not_null getestet oder als Primärschlüssel deklariert; ergänzen Sie diese Tests in dbt oder tragen Sie das Modell von Hand in sluice.json ein</translation>
    </message>
    <message>
        <source>audience %1</source>
        <translation>Zielgruppe %1</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;</source>
        <translation>unbekanntes Modell „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an audience; an audience narrows a model (add the conditions of %1 to this one)</source>
        <translation>„%1“ ist eine Zielgruppe; eine Zielgruppe grenzt ein Modell ein (übernehmen Sie die Bedingungen von %1 in diese)</translation>
    </message>
    <message>
        <source>audiences are compiled for PostgreSQL and SQLite sources; source %1 is %2</source>
        <translation>Zielgruppen werden für PostgreSQL- und SQLite-Quellen übersetzt; Quelle %1 ist %2</translation>
    </message>
    <message>
        <source>audience %1: %2</source>
        <translation>Zielgruppe %1: %2</translation>
    </message>
    <message>
        <source>audience %1: a condition names &quot;%2&quot;, which model %3 does not have (it has: %4)</source>
        <translation>Zielgruppe %1: eine Bedingung nennt „%2“, das Modell %3 nicht hat (es hat: %4)</translation>
    </message>
    <message>
        <source>model %1: trait %2 has the name of one of the model&apos;s columns; rename the trait</source>
        <translation>Modell %1: Merkmal %2 trägt den Namen einer Spalte des Modells; benennen Sie das Merkmal um</translation>
    </message>
    <message>
        <source>model %1: trait %2: %3</source>
        <translation>Modell %1: Merkmal %2: %3</translation>
    </message>
    <message>
        <source>created model %1</source>
        <translation>Modell %1 angelegt</translation>
    </message>
    <message>
        <source>updated the descriptions of model %1</source>
        <translation>Beschreibungen von Modell %1 aktualisiert</translation>
    </message>
    <message>
        <source>skipped dbt model %1: %2</source>
        <translation>dbt-Modell %1 übersprungen: %2</translation>
    </message>
    <message>
        <source>%1 column and %2 trait description(s) written to sluice.json</source>
        <translation>%1 Spalten- und %2 Merkmalsbeschreibung(en) in sluice.json geschrieben</translation>
    </message>
    <message>
        <source>✕ %1</source>
        <translation>✕ %1</translation>
    </message>
    <message>
        <source>%1 % empty</source>
        <translation>%1 % leer</translation>
    </message>
    <message>
        <source>%1 % true · %2</source>
        <translation>%1 % wahr · %2</translation>
    </message>
    <message>
        <source>%1 to %2 · %3</source>
        <translation>%1 bis %2 · %3</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 distinct: %2 · %3</source>
        <translation>%1 verschiedene: %2 · %3</translation>
    </message>
    <message>
        <source>%1 distinct values, none repeated · %2</source>
        <translation>%1 verschiedene Werte, keiner doppelt · %2</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in a group (known: match, conditions)</source>
        <translation>unbekannter Schlüssel „%1“ in einer Gruppe (bekannt: match, conditions)</translation>
    </message>
    <message>
        <source>&quot;match&quot; must be all or any</source>
        <translation>„match“ muss all oder any sein</translation>
    </message>
    <message>
        <source>groups nest at most %1 deep</source>
        <translation>Gruppen lassen sich höchstens %1 tief verschachteln</translation>
    </message>
    <message>
        <source>&quot;conditions&quot; must be a list</source>
        <translation>„conditions“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>a condition must be an object such as {&quot;column&quot;: &quot;ltv&quot;, &quot;op&quot;: &quot;&gt;&quot;, &quot;value&quot;: 1000}</source>
        <translation>eine Bedingung muss ein Objekt sein, etwa {&quot;column&quot;: &quot;ltv&quot;, &quot;op&quot;: &quot;&gt;&quot;, &quot;value&quot;: 1000}</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in a condition (known: column, op, value)</source>
        <translation>unbekannter Schlüssel „%1“ in einer Bedingung (bekannt: column, op, value)</translation>
    </message>
    <message>
        <source>a condition needs a &quot;column&quot; (a column or trait of the model)</source>
        <translation>eine Bedingung braucht eine „column“ (eine Spalte oder ein Merkmal des Modells)</translation>
    </message>
    <message>
        <source>unknown op &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Operator „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>an audience needs the &quot;model&quot; it narrows</source>
        <translation>eine Zielgruppe braucht das „model“, das sie eingrenzt</translation>
    </message>
</context>
<context>
    <name>sluice::schedule</name>
    <message>
        <source>cron %1 field &quot;%2&quot;: the step after / must be a positive number</source>
        <translation>cron %1 Feld „%2“: der Schritt nach / muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>cron %1 field &quot;%2&quot; must hold values from %3 to %4</source>
        <translation>cron %1 Feld „%2“ muss Werte von %3 bis %4 enthalten</translation>
    </message>
    <message>
        <source>invalid schedule</source>
        <translation>ungültiger Zeitplan</translation>
    </message>
    <message>
        <source>cron &quot;%1&quot; must have five fields: minute hour day-of-month month day-of-week</source>
        <translation>cron „%1“ muss fünf Felder haben: Minute Stunde Tag-des-Monats Monat Wochentag</translation>
    </message>
    <message>
        <source>sync %1: schedule</source>
        <translation>Sync %1: Zeitplan</translation>
    </message>
    <message>
        <source>%1: &quot;jitter&quot; must be a duration such as &quot;30s&quot;</source>
        <translation>%1: „jitter“ muss eine Dauer sein, etwa „30s“</translation>
    </message>
    <message>
        <source>%1: &quot;every&quot; must be a number and a unit (s, m, h, d), as in &quot;15m&quot;</source>
        <translation>%1: „every“ muss eine Zahl und eine Einheit (s, m, h, d) sein, etwa „15m“</translation>
    </message>
    <message>
        <source>%1: unknown time zone &quot;%2&quot; (an IANA name such as Europe/Berlin)</source>
        <translation>%1: unbekannte Zeitzone „%2“ (ein IANA-Name wie Europe/Berlin)</translation>
    </message>
    <message>
        <source>%1 needs one of &quot;every&quot;, &quot;cron&quot;, &quot;after&quot; or &quot;manual&quot;</source>
        <translation>%1 braucht eines von „every“, „cron“, „after“ oder „manual“</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>cron %1 (%2)</source>
        <translation>cron %1 (%2)</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>nach %1</translation>
    </message>
</context>
<context>
    <name>sluice::schedule::Agent</name>
    <message>
        <source>an agent already runs for workspace %1 (process %2 on %3 since %4); one agent runs a workspace&apos;s schedules</source>
        <translation>für Workspace %1 läuft bereits ein Agent (Prozess %2 auf %3 seit %4); ein Agent führt die Zeitpläne eines Workspace aus</translation>
    </message>
    <message>
        <source>sluice.json could not be read; the agent did not start</source>
        <translation>sluice.json konnte nicht gelesen werden; der Agent wurde nicht gestartet</translation>
    </message>
    <message>
        <source>agent started for workspace %1 (process %2), at most %3 syncs at once</source>
        <translation>Agent für Workspace %1 gestartet (Prozess %2), höchstens %3 Syncs gleichzeitig</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
    <message numerus="yes">
        <source>stopping: letting %n run(s) settle their batches in flight</source>
        <translation>
            <numerusform>wird beendet: %n Lauf schließt seine laufenden Batches ab</numerusform>
            <numerusform>wird beendet: %n Läufe schließen ihre laufenden Batches ab</numerusform>
        </translation>
    </message>
    <message>
        <source>sluice.json changed but cannot be used; keeping the last good schedules:
%1</source>
        <translation>sluice.json hat sich geändert, ist aber nicht verwendbar; die letzten guten Zeitpläne bleiben:
%1</translation>
    </message>
    <message>
        <source>sluice.json cannot be used:
%1</source>
        <translation>sluice.json ist nicht verwendbar:
%1</translation>
    </message>
    <message>
        <source>schedules: %1</source>
        <translation>Zeitpläne: %1</translation>
    </message>
    <message>
        <source>sluice.json changed; schedules now: %1</source>
        <translation>sluice.json hat sich geändert; Zeitpläne jetzt: %1</translation>
    </message>
    <message>
        <source>none (every sync is manual)</source>
        <translation>keine (jeder Sync ist manuell)</translation>
    </message>
    <message>
        <source>sync %1: starting a scheduled run</source>
        <translation>Sync %1: ein geplanter Lauf startet</translation>
    </message>
    <message>
        <source>sync %1: run %2 %3: %4 delivered, %5 rejected, %6 invalid%7</source>
        <translation>Sync %1: Lauf %2 %3: %4 zugestellt, %5 abgelehnt, %6 ungültig%7</translation>
    </message>
    <message>
        <source>sync %1: not run: %2 (next try in %3 s)</source>
        <translation>Sync %1: nicht gelaufen: %2 (nächster Versuch in %3 s)</translation>
    </message>
    <message>
        <source>sync %1: run now, as asked</source>
        <translation>Sync %1: läuft jetzt, wie angefordert</translation>
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
    <message>
        <source>%1: no such ODBC data source or driver (see odbc.ini and odbcinst.ini): %2</source>
        <translation>%1: keine solche ODBC-Datenquelle bzw. kein solcher Treiber (siehe odbc.ini und odbcinst.ini): %2</translation>
    </message>
    <message>
        <source>the key is not a PEM RSA key</source>
        <translation>der Schlüssel ist kein RSA-Schlüssel im PEM-Format</translation>
    </message>
    <message>
        <source>the key&apos;s public part cannot be read</source>
        <translation>der öffentliche Teil des Schlüssels kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1: Snowflake needs &quot;private_key&quot; (key-pair authentication, with &quot;user&quot;) or &quot;token&quot; (OAuth)</source>
        <translation>%1: Snowflake braucht „private_key“ (Schlüsselpaar-Anmeldung, mit „user“) oder „token“ (OAuth)</translation>
    </message>
    <message>
        <source>%1: key-pair authentication needs &quot;account&quot; and &quot;user&quot;</source>
        <translation>%1: die Schlüsselpaar-Anmeldung braucht „account“ und „user“</translation>
    </message>
    <message>
        <source>%1: cannot reach Snowflake at %2: %3</source>
        <translation>%1: Snowflake unter %2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>%1: Snowflake refused the credentials (HTTP %2): %3</source>
        <translation>%1: Snowflake hat die Zugangsdaten abgelehnt (HTTP %2): %3</translation>
    </message>
    <message>
        <source>%1: the warehouse refused the query: %2 (SQL state %3)</source>
        <translation>%1: das Warehouse hat die Abfrage abgelehnt: %2 (SQL-Status %3)</translation>
    </message>
    <message>
        <source>%1: Snowflake answered HTTP %2: %3</source>
        <translation>%1: Snowflake antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: partition %2 of statement %3 could not be read (HTTP %4): %5</source>
        <translation>%1: Partition %2 von Anweisung %3 konnte nicht gelesen werden (HTTP %4): %5</translation>
    </message>
    <message>
        <source>%1: service_account_key is not a service account&apos;s JSON key (it needs client_email and private_key)</source>
        <translation>%1: service_account_key ist kein JSON-Schlüssel eines Dienstkontos (er braucht client_email und private_key)</translation>
    </message>
    <message>
        <source>%1: BigQuery needs &quot;project&quot;</source>
        <translation>%1: BigQuery braucht „project“</translation>
    </message>
    <message>
        <source>%1: BigQuery needs &quot;service_account_key&quot; or &quot;token&quot;</source>
        <translation>%1: BigQuery braucht „service_account_key“ oder „token“</translation>
    </message>
    <message>
        <source>%1: cannot reach the token endpoint %2: %3</source>
        <translation>%1: der Token-Endpunkt %2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>%1: the token endpoint refused the service account (HTTP %2): %3</source>
        <translation>%1: der Token-Endpunkt hat das Dienstkonto abgelehnt (HTTP %2): %3</translation>
    </message>
    <message>
        <source>%1: cannot reach BigQuery at %2: %3</source>
        <translation>%1: BigQuery unter %2 ist nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>%1: BigQuery refused the credentials (HTTP %2): %3</source>
        <translation>%1: BigQuery hat die Zugangsdaten abgelehnt (HTTP %2): %3</translation>
    </message>
    <message>
        <source>%1: BigQuery answered HTTP %2: %3</source>
        <translation>%1: BigQuery antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1: BigQuery refused the OAuth token: it has expired or was revoked; give the source a new token, or a service account key, which Sluice renews itself (HTTP 401: %2)</source>
        <translation>%1: BigQuery hat das OAuth-Token abgelehnt: Es ist abgelaufen oder wurde widerrufen; geben Sie der Quelle ein neues Token oder einen Dienstkontoschlüssel, den Sluice selbst erneuert (HTTP 401: %2)</translation>
    </message>
    <message>
        <source>%1: the OAuth token has expired; give the source a new token, or a key pair, which does not expire (Snowflake: %2)</source>
        <translation>%1: Das OAuth-Token ist abgelaufen; geben Sie der Quelle ein neues Token oder ein Schlüsselpaar, das nicht abläuft (Snowflake: %2)</translation>
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
    <message>
        <source>member identities of sync %1</source>
        <translation>Mitgliederidentitäten von Sync %1</translation>
    </message>
    <message>
        <source>record ledger of sync %1</source>
        <translation>Datensatz-Ledger von Sync %1</translation>
    </message>
    <message>
        <source>%1 is locked by process %2 on another host, %3, since %4; if that run is gone, clear the lock with: sluice unlock %5</source>
        <translation>%1 ist von Prozess %2 auf einem anderen Rechner, %3, seit %4 gesperrt; ist dieser Lauf beendet, heben Sie die Sperre auf mit: sluice unlock %5</translation>
    </message>
    <message>
        <source>the state database %1 is damaged (%2); nothing was read or sent. Restore it from a backup, or move it aside and run each sync with --full-resync</source>
        <translation>die Zustandsdatenbank %1 ist beschädigt (%2); nichts wurde gelesen oder gesendet. Stellen Sie sie aus einer Sicherung wieder her, oder legen Sie sie beiseite und führen Sie jeden Sync mit --full-resync aus</translation>
    </message>
    <message>
        <source>the state database %1 cannot be read (%2); nothing was read or sent. Restore it from a backup, or move it aside and run each sync with --full-resync</source>
        <translation>die Zustandsdatenbank %1 kann nicht gelesen werden (%2); nichts wurde gelesen oder gesendet. Stellen Sie sie aus einer Sicherung wieder her, oder legen Sie sie beiseite und führen Sie jeden Sync mit --full-resync aus</translation>
    </message>
    <message>
        <source>migrating %1</source>
        <translation>%1 wird migriert</translation>
    </message>
    <message>
        <source>state of sync %1: cannot mark records about to be sent in %2: %3</source>
        <translation>Zustand von Sync %1: Datensätze vor dem Senden können in %2 nicht markiert werden: %3</translation>
    </message>
    <message>
        <source>%1: cannot remove %2</source>
        <translation>%1: %2 kann nicht entfernt werden</translation>
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
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons: the agent runs without one.</source>
        <translation>Dieser Desktop zeigt keine Tray-Symbole: der Agent läuft ohne.</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>%1 (in %2 min)</source>
        <translation>%1 (in %2 min)</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>sluice::ui::AgentStatus</name>
    <message>
        <source>Agent: looking…</source>
        <translation>Agent: wird gesucht …</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Start the agent</source>
        <translation>Agent starten</translation>
    </message>
    <message>
        <source>Start the agent at login</source>
        <translation>Agent bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Agent: unknown</source>
        <translation>Agent: unbekannt</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>next %1</source>
        <translation>nächster Lauf %1</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>runs only while an agent runs</source>
        <translation>läuft nur, während ein Agent läuft</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>● Agent running (process %1)</source>
        <translation>● Agent läuft (Prozess %1)</translation>
    </message>
    <message>
        <source>○ No agent: schedules wait</source>
        <translation>○ Kein Agent: Zeitpläne warten</translation>
    </message>
    <message>
        <source>running: %1</source>
        <translation>läuft: %1</translation>
    </message>
    <message>
        <source>next: %1 %2</source>
        <translation>als Nächstes: %1 %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Sluice agent (%1)</source>
        <translation>Sluice-Agent (%1)</translation>
    </message>
    <message>
        <source>Runs the schedules of the Sluice workspace %1</source>
        <translation>Führt die Zeitpläne des Sluice-Arbeitsbereichs %1 aus</translation>
    </message>
</context>
<context>
    <name>sluice::ui::AlertRulesEditor</name>
    <message>
        <source>When this sync&apos;s runs raise an alert. A rule that follows the workspace uses the workspace&apos;s &quot;alerts&quot; rules, or Sluice&apos;s default; alerts go to the workspace&apos;s webhooks and the tray.</source>
        <translation>Wann die Läufe dieses Syncs einen Alarm auslösen. Eine Regel, die dem Workspace folgt, nutzt dessen „alerts“-Regeln oder den Standard von Sluice; Alarme gehen an die Webhooks des Workspace und ins Tray.</translation>
    </message>
    <message>
        <source>A run fails</source>
        <translation>Ein Lauf schlägt fehl</translation>
    </message>
    <message>
        <source>On by default</source>
        <translation>Standardmäßig an</translation>
    </message>
    <message>
        <source>Rejected share above</source>
        <translation>Abgelehnter Anteil über</translation>
    </message>
    <message>
        <source>Of the records a run sent; 1 % by default</source>
        <translation>Der von einem Lauf gesendeten Datensätze; standardmäßig 1 %</translation>
    </message>
    <message>
        <source>Freshness lag above</source>
        <translation>Aktualitätsverzug über</translation>
    </message>
    <message>
        <source>How old the newest row may be, as in 1h or 30m; 1h by default</source>
        <translation>Wie alt die neueste Zeile sein darf, etwa 1h oder 30m; standardmäßig 1h</translation>
    </message>
    <message>
        <source>Match rate below</source>
        <translation>Zuordnungsrate unter</translation>
    </message>
    <message>
        <source>The share of records the destination matched; 85 % by default</source>
        <translation>Der Anteil der Datensätze, die das Ziel zugeordnet hat; standardmäßig 85 %</translation>
    </message>
    <message>
        <source>Row count change above</source>
        <translation>Änderung der Zeilenzahl über</translation>
    </message>
    <message>
        <source>Against the median of recent runs; 50 % by default</source>
        <translation>Gegenüber dem Median der letzten Läufe; standardmäßig 50 %</translation>
    </message>
    <message>
        <source>The model&apos;s columns change</source>
        <translation>Die Spalten des Modells ändern sich</translation>
    </message>
    <message>
        <source>Follow the workspace</source>
        <translation>Dem Workspace folgen</translation>
    </message>
    <message>
        <source>Alert above this limit</source>
        <translation>Alarm über dieser Grenze</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Off for this sync</source>
        <translation>Aus für diesen Sync</translation>
    </message>
    <message>
        <source>Alert below this limit</source>
        <translation>Alarm unter dieser Grenze</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>1h, 30m, 2d</source>
        <translation>1h, 30m, 2d</translation>
    </message>
</context>
<context>
    <name>sluice::ui::AudienceBuilder</name>
    <message>
        <source>Cancel count</source>
        <translation>Zählung abbrechen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>▸ Show SQL</source>
        <translation>▸ SQL zeigen</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>▾ Hide SQL</source>
        <translation>▾ SQL verbergen</translation>
    </message>
    <message>
        <source>Audience %1 of %2</source>
        <translation>Zielgruppe %1 von %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>all of %1</source>
        <translation>ganz %1</translation>
    </message>
    <message>
        <source>reading the columns…</source>
        <translation>Spalten werden gelesen…</translation>
    </message>
    <message>
        <source>✕ %1</source>
        <translation>✕ %1</translation>
    </message>
    <message>
        <source>WHERE %1

Parameters (bound, never part of the SQL):
%2</source>
        <translation>WHERE %1

Parameter (gebunden, nie Teil des SQL):
%2</translation>
    </message>
    <message>
        <source>⟳ counting…</source>
        <translation>⟳ zählt…</translation>
    </message>
    <message>
        <source>count cancelled</source>
        <translation>Zählung abgebrochen</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message numerus="yes">
        <source> · %n incomplete condition(s) not counted</source>
        <translation>
            <numerusform> · %n unvollständige Bedingung nicht gezählt</numerusform>
            <numerusform> · %n unvollständige Bedingungen nicht gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>only this %1 · both %2 · only %3 %4</source>
        <translation>nur diese %1 · beide %2 · nur %3 %4</translation>
    </message>
    <message>
        <source>Cannot save audience %1</source>
        <translation>Zielgruppe %1 kann nicht gespeichert werden</translation>
    </message>
    <message numerus="yes">
        <source>Fill in or remove the highlighted condition(s) first: %n incomplete.</source>
        <translation>
            <numerusform>Füllen oder entfernen Sie zuerst die markierte Bedingung: %n unvollständig.</numerusform>
            <numerusform>Füllen oder entfernen Sie zuerst die markierten Bedingungen: %n unvollständig.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sluice::ui::ColumnListModel</name>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>%1 (%2): not mapped</source>
        <translation>%1 (%2): nicht zugeordnet</translation>
    </message>
    <message>
        <source>%1 (%2) → %3</source>
        <translation>%1 (%2) → %3</translation>
    </message>
    <message>
        <source>Model column</source>
        <translation>Modellspalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>sluice::ui::ConditionGroup</name>
    <message>
        <source>all</source>
        <translation>allen</translation>
    </message>
    <message>
        <source>any</source>
        <translation>einer</translation>
    </message>
    <message>
        <source>Rows must match all or any of the conditions</source>
        <translation>Zeilen müssen allen oder einer der Bedingungen entsprechen</translation>
    </message>
    <message>
        <source>Rows that match</source>
        <translation>Zeilen, die</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Entspricht</translation>
    </message>
    <message>
        <source>of</source>
        <translation>Bedingungen entsprechen</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>Diese Gruppe entfernen</translation>
    </message>
    <message>
        <source>+ condition</source>
        <translation>+ Bedingung</translation>
    </message>
    <message>
        <source>+ group</source>
        <translation>+ Gruppe</translation>
    </message>
</context>
<context>
    <name>sluice::ui::ConditionRow</name>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>Column or trait</source>
        <translation>Spalte oder Merkmal</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>values separated by commas</source>
        <translation>Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>low, high</source>
        <translation>unten, oben</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Frequent values: %1</source>
        <translation>Häufige Werte: %1</translation>
    </message>
</context>
<context>
    <name>sluice::ui::ConnectionDialog</name>
    <message>
        <source>✕ Refused credentials: %1</source>
        <translation>✕ Zugangsdaten abgelehnt: %1</translation>
    </message>
    <message>
        <source>✕ Unreachable: %1</source>
        <translation>✕ Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>✕ Setting rejected: %1</source>
        <translation>✕ Einstellung abgelehnt: %1</translation>
    </message>
    <message>
        <source>✕ Failed: %1</source>
        <translation>✕ Fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>✓ Connected · read-only · %n table(s) visible · %1 ms</source>
        <translation>
            <numerusform>✓ Verbunden · nur lesend · %n Tabelle sichtbar · %1 ms</numerusform>
            <numerusform>✓ Verbunden · nur lesend · %n Tabellen sichtbar · %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Connected · it can be written · %1 ms</source>
        <translation>✓ Verbunden · beschreibbar · %1 ms</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Neue Quelle</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>New destination</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Destination %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>a name for sluice.json, as in dw or crm</source>
        <translation>ein Name für sluice.json, etwa dw oder crm</translation>
    </message>
    <message>
        <source>▸ Advanced settings</source>
        <translation>▸ Erweiterte Einstellungen</translation>
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
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>sluice.json gets:</source>
        <translation>sluice.json erhält:</translation>
    </message>
    <message>
        <source>▾ Advanced settings</source>
        <translation>▾ Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>stored in the keychain — type to replace</source>
        <translation>im Schlüsselbund gespeichert — zum Ersetzen tippen</translation>
    </message>
    <message>
        <source>the secret; it goes to the keychain</source>
        <translation>das Geheimnis; es kommt in den Schlüsselbund</translation>
    </message>
    <message>
        <source>the variable&apos;s name, as in DW_PASSWORD</source>
        <translation>der Name der Variable, etwa DW_PASSWORD</translation>
    </message>
    <message>
        <source>a file only you can read</source>
        <translation>eine Datei, die nur Sie lesen können</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>JSON, as in %1</source>
        <translation>JSON, etwa %1</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Give it a name.</source>
        <translation>Geben Sie einen Namen an.</translation>
    </message>
    <message>
        <source>A name holds letters, digits, _, . and - only.</source>
        <translation>Ein Name enthält nur Buchstaben, Ziffern, _, . und -.</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>The secret could not be stored in the OS keychain: %1

Choose Environment variable (or File) for it instead: sluice.json then names the variable, never the secret.</source>
        <translation>Das Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1

Wählen Sie stattdessen Umgebungsvariable (oder Datei): sluice.json nennt dann die Variable, nie das Geheimnis.</translation>
    </message>
</context>
<context>
    <name>sluice::ui::DashboardScreen</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Freshness lag</source>
        <translation>Aktualitätsverzug</translation>
    </message>
    <message>
        <source>Match rate</source>
        <translation>Zuordnungsrate</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Drift incidents</source>
        <translation>Schemaänderungen</translation>
    </message>
    <message>
        <source>Time to detect</source>
        <translation>Zeit bis zur Erkennung</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Zeit bis zur Behebung</translation>
    </message>
    <message>
        <source>Freshness lag (minutes)</source>
        <translation>Aktualitätsverzug (Minuten)</translation>
    </message>
    <message>
        <source>Rejected (% of records sent)</source>
        <translation>Abgelehnt (% der gesendeten Datensätze)</translation>
    </message>
    <message>
        <source>Success rate (% of runs)</source>
        <translation>Erfolgsrate (% der Läufe)</translation>
    </message>
    <message>
        <source>All syncs</source>
        <translation>Alle Syncs</translation>
    </message>
    <message>
        <source>The run history cannot be read: %1</source>
        <translation>Der Laufverlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>● live · updated %1</source>
        <translation>● live · aktualisiert %1</translation>
    </message>
    <message>
        <source>No run finished in the last %1.

The charts fill in as syncs run: run one from the Syncs screen, with &quot;sluice run SYNC&quot;, or leave &quot;sluice agent&quot; running its schedules.</source>
        <translation>In den letzten %1 ist kein Lauf beendet worden.

Die Diagramme füllen sich, sobald Syncs laufen: Starten Sie einen in der Ansicht Syncs, mit „sluice run SYNC“, oder lassen Sie „sluice agent“ die Zeitpläne ausführen.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 of %2 runs</source>
        <translation>%1 von %2 Läufen</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message>
        <source>no destination here reports matches</source>
        <translation>kein Ziel hier meldet Zuordnungen</translation>
    </message>
    <message>
        <source>model schema changes</source>
        <translation>Änderungen am Modellschema</translation>
    </message>
    <message>
        <source>first failure to its detection</source>
        <translation>erster Fehler bis zu seiner Erkennung</translation>
    </message>
    <message>
        <source>no failure began in range</source>
        <translation>kein Fehler begann im Zeitraum</translation>
    </message>
    <message>
        <source>first failure to the next success</source>
        <translation>erster Fehler bis zum nächsten Erfolg</translation>
    </message>
    <message>
        <source>no failure resolved in range</source>
        <translation>kein Fehler wurde im Zeitraum behoben</translation>
    </message>
    <message>
        <source>no limit (alert rule off)</source>
        <translation>keine Grenze (Alarmregel aus)</translation>
    </message>
    <message>
        <source>Match rate (% of records expected there)</source>
        <translation>Zuordnungsrate (% der dort erwarteten Datensätze)</translation>
    </message>
    <message>
        <source>oldest undelivered change %1</source>
        <translation>älteste nicht zugestellte Änderung %1</translation>
    </message>
</context>
<context>
    <name>sluice::ui::FieldListModel</name>
    <message>
        <source>⚠ required, not mapped</source>
        <translation>⚠ Pflichtfeld, nicht zugeordnet</translation>
    </message>
    <message>
        <source>⚠ type</source>
        <translation>⚠ Typ</translation>
    </message>
    <message>
        <source>✕ must be hashed</source>
        <translation>✕ muss gehasht werden</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message numerus="yes">
        <source>%nƒ</source>
        <translation>
            <numerusform>%nƒ</numerusform>
            <numerusform>%nƒ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s)</source>
        <translation>
            <numerusform>Höchstens %n Zeichen</numerusform>
            <numerusform>Höchstens %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>Destination field</source>
        <translation>Zielfeld</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>sluice::ui::MainWindow</name>
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
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich &amp;öffnen …</translation>
    </message>
    <message>
        <source>Open a workspace (the folder holding sluice.json)</source>
        <translation>Arbeitsbereich öffnen (der Ordner mit sluice.json)</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich …</translation>
    </message>
    <message>
        <source>New workspace: choose an empty folder</source>
        <translation>Neuer Arbeitsbereich: einen leeren Ordner wählen</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>The demo is made from the welcome window the first time (it takes a few seconds): start Sluice without a workspace, or run scripts/run-demo.sh.</source>
        <translation>Die Demo wird beim ersten Mal im Willkommensfenster angelegt (das dauert einige Sekunden): Starten Sie Sluice ohne Arbeitsbereich oder führen Sie scripts/run-demo.sh aus.</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>sluice.json had changed on disk: Sluice read it again and applied your edit on top of it, so nothing of the hand edit was lost.</source>
        <translation>sluice.json hatte sich auf der Platte geändert: Sluice hat die Datei neu gelesen und Ihre Änderung darauf angewendet, von der Änderung von Hand ging nichts verloren.</translation>
    </message>
    <message>
        <source>sluice.json changed on disk and was read again.</source>
        <translation>sluice.json hat sich auf der Platte geändert und wurde neu gelesen.</translation>
    </message>
    <message>
        <source>sluice.json changed on disk but cannot be used: %1
Sluice keeps showing the last valid version until the file is fixed.</source>
        <translation>sluice.json hat sich auf der Platte geändert, kann aber nicht verwendet werden: %1
Sluice zeigt weiter die letzte gültige Fassung, bis die Datei korrigiert ist.</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>sluice::ui::MapperView</name>
    <message>
        <source>Trim spaces</source>
        <translation>Leerzeichen entfernen</translation>
    </message>
    <message>
        <source>Lowercase</source>
        <translation>Kleinbuchstaben</translation>
    </message>
    <message>
        <source>Uppercase</source>
        <translation>Großbuchstaben</translation>
    </message>
    <message>
        <source>Normalize an e-mail address</source>
        <translation>E-Mail-Adresse normalisieren</translation>
    </message>
    <message>
        <source>Phone number to E.164…</source>
        <translation>Telefonnummer nach E.164…</translation>
    </message>
    <message>
        <source>Region (two letters, or {column}):</source>
        <translation>Region (zwei Buchstaben oder {Spalte}):</translation>
    </message>
    <message>
        <source>Default when empty…</source>
        <translation>Standardwert, wenn leer…</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>Convert type…</source>
        <translation>Typ umwandeln…</translation>
    </message>
    <message>
        <source>To (string, integer, decimal, boolean, timestamp):</source>
        <translation>Nach (string, integer, decimal, boolean, timestamp):</translation>
    </message>
    <message>
        <source>Round…</source>
        <translation>Runden…</translation>
    </message>
    <message>
        <source>Decimal places:</source>
        <translation>Nachkommastellen:</translation>
    </message>
    <message>
        <source>Cut to a length…</source>
        <translation>Auf eine Länge kürzen…</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Zeichen:</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Hash for Meta</source>
        <translation>Hash für Meta</translation>
    </message>
    <message>
        <source>Hash for Google</source>
        <translation>Hash für Google</translation>
    </message>
    <message>
        <source>Model columns</source>
        <translation>Modellspalten</translation>
    </message>
    <message>
        <source>Destination fields</source>
        <translation>Zielfelder</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Map the selected column to the selected field (Ctrl+L)</source>
        <translation>Die gewählte Spalte dem gewählten Feld zuordnen (Strg+L)</translation>
    </message>
    <message>
        <source>Unmap</source>
        <translation>Zuordnung lösen</translation>
    </message>
    <message>
        <source>Remove the selected field&apos;s mapping (Delete)</source>
        <translation>Die Zuordnung des gewählten Felds entfernen (Entf)</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Alle übernehmen</translation>
    </message>
    <message>
        <source>Accept every suggestion as one step (Ctrl+Shift+A)</source>
        <translation>Alle Vorschläge in einem Schritt übernehmen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Drag a column onto a field, or select one of each and press Ctrl+L.</source>
        <translation>Ziehen Sie eine Spalte auf ein Feld, oder wählen Sie je eins und drücken Sie Strg+L.</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message numerus="yes">
        <source>⚡ %n suggestion(s)</source>
        <translation>
            <numerusform>⚡ %n Vorschlag</numerusform>
            <numerusform>⚡ %n Vorschläge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Select a field to see and edit its transforms.</source>
        <translation>Wählen Sie ein Feld, um seine Umwandlungen zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>%1 is not mapped: drag a column onto it.</source>
        <translation>%1 ist nicht zugeordnet: ziehen Sie eine Spalte darauf.</translation>
    </message>
    <message>
        <source>(no column)</source>
        <translation>(keine Spalte)</translation>
    </message>
    <message>
        <source>No example: the preview has no value of %1 yet.</source>
        <translation>Kein Beispiel: die Vorschau hat noch keinen Wert von %1.</translation>
    </message>
    <message>
        <source>Example: &quot;%1&quot; ▸ &quot;%2&quot;</source>
        <translation>Beispiel: „%1“ ▸ „%2“</translation>
    </message>
    <message>
        <source>Example: &quot;%1&quot; ▸ ✕ %2</source>
        <translation>Beispiel: „%1“ ▸ ✕ %2</translation>
    </message>
    <message>
        <source>+ transform</source>
        <translation>+ Umwandlung</translation>
    </message>
    <message>
        <source>Add a transform</source>
        <translation>Umwandlung hinzufügen</translation>
    </message>
    <message>
        <source>+ Field…</source>
        <translation>+ Feld…</translation>
    </message>
    <message>
        <source>Send the selected column under a new field name</source>
        <translation>Die gewählte Spalte unter einem neuen Feldnamen senden</translation>
    </message>
    <message>
        <source>Select the column to send first.</source>
        <translation>Wählen Sie zuerst die zu sendende Spalte.</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>Neues Feld</translation>
    </message>
    <message>
        <source>Field the destination receives %1 as:</source>
        <translation>Feld, als das das Ziel %1 erhält:</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Unmap %1</source>
        <translation>Zuordnung von %1 lösen</translation>
    </message>
    <message>
        <source>Filter columns and fields</source>
        <translation>Spalten und Felder filtern</translation>
    </message>
    <message>
        <source>Mapped only</source>
        <translation>Nur zugeordnete</translation>
    </message>
    <message>
        <source>Show only the columns and fields that are mapped</source>
        <translation>Nur die zugeordneten Spalten und Felder zeigen</translation>
    </message>
    <message>
        <source>Click to remove this step; drag it, or press Alt+← / Alt+→, to move it</source>
        <translation>Klicken entfernt diesen Schritt; ziehen oder Alt+← / Alt+→ verschiebt ihn</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederholen</translation>
    </message>
</context>
<context>
    <name>sluice::ui::MappingModel</name>
    <message>
        <source>Map %1 to %2</source>
        <translation>%1 zu %2 zuordnen</translation>
    </message>
    <message>
        <source>Unmap %1</source>
        <translation>Zuordnung von %1 lösen</translation>
    </message>
    <message>
        <source>Change the transforms of %1</source>
        <translation>Umwandlungen von %1 ändern</translation>
    </message>
    <message>
        <source>Accept the suggestion %1 → %2</source>
        <translation>Vorschlag %1 → %2 übernehmen</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>%n Vorschlag übernehmen</numerusform>
            <numerusform>%n Vorschläge übernehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1 zu %2 hinzufügen</translation>
    </message>
</context>
<context>
    <name>sluice::ui::MetricChart</name>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>%1 %2–%3</source>
        <translation>%1 %2–%3</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 · %n run(s)</source>
        <translation>
            <numerusform>%1
%2 · %n Lauf</numerusform>
            <numerusform>%1
%2 · %n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>limit %1 %</source>
        <translation>Grenze %1 %</translation>
    </message>
    <message>
        <source>limit %1 min</source>
        <translation>Grenze %1 min</translation>
    </message>
    <message>
        <source>failed run</source>
        <translation>fehlgeschlagener Lauf</translation>
    </message>
    <message>
        <source>schema drift</source>
        <translation>Schemadrift</translation>
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
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>+ New</source>
        <translation>+ Neu</translation>
    </message>
    <message>
        <source>Model…</source>
        <translation>Modell…</translation>
    </message>
    <message>
        <source>Audience of the selected model…</source>
        <translation>Zielgruppe des gewählten Modells…</translation>
    </message>
    <message>
        <source>Import dbt manifest…</source>
        <translation>dbt-Manifest importieren…</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Traits</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Saved audience %1 to sluice.json</source>
        <translation>Zielgruppe %1 in sluice.json gespeichert</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Remove %1 from sluice.json? Syncs that use it must be changed first.</source>
        <translation>%1 aus sluice.json entfernen? Syncs, die es nutzen, müssen vorher geändert werden.</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>model %1 · source %2</source>
        <translation>Modell %1 · Quelle %2</translation>
    </message>
    <message>
        <source>%1 (audience of %2)</source>
        <translation>%1 (Zielgruppe von %2)</translation>
    </message>
    <message>
        <source>Traits (%1)</source>
        <translation>Merkmale (%1)</translation>
    </message>
    <message>
        <source>SQL (compiled)</source>
        <translation>SQL (übersetzt)</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>Neues Modell</translation>
    </message>
    <message>
        <source>Add a source first: a model is SQL that runs in one.</source>
        <translation>Legen Sie zuerst eine Quelle an: ein Modell ist SQL, das in einer läuft.</translation>
    </message>
    <message>
        <source>Name (letters, digits, _):</source>
        <translation>Name (Buchstaben, Ziffern, _):</translation>
    </message>
    <message>
        <source>A model or audience named %1 exists already.</source>
        <translation>Ein Modell oder eine Zielgruppe namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>New audience</source>
        <translation>Neue Zielgruppe</translation>
    </message>
    <message>
        <source>Select the model the audience narrows first.</source>
        <translation>Wählen Sie zuerst das Modell, das die Zielgruppe eingrenzt.</translation>
    </message>
    <message>
        <source>New audience of %1</source>
        <translation>Neue Zielgruppe von %1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Import a dbt manifest</source>
        <translation>Ein dbt-Manifest importieren</translation>
    </message>
    <message>
        <source>dbt manifest (manifest.json);;JSON (*.json)</source>
        <translation>dbt-Manifest (manifest.json);;JSON (*.json)</translation>
    </message>
    <message>
        <source>The source the dbt models live in:</source>
        <translation>Die Quelle der dbt-Modelle:</translation>
    </message>
    <message>
        <source>Run the model in its warehouse and show its first rows (Ctrl+Return)</source>
        <translation>Das Modell im Warehouse ausführen und die ersten Zeilen zeigen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Preview reads the model&apos;s first rows from the warehouse and checks its primary key there. Nothing is sent anywhere.</source>
        <translation>Die Vorschau liest die ersten Zeilen des Modells aus dem Warehouse und prüft dort seinen Primärschlüssel. Es wird nichts gesendet.</translation>
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
    <name>sluice::ui::ProjectionModel</name>
    <message>
        <source>✓ send</source>
        <translation>✓ senden</translation>
    </message>
    <message>
        <source>⊘ excluded</source>
        <translation>⊘ ausgeschlossen</translation>
    </message>
    <message>
        <source>! invalid</source>
        <translation>! ungültig</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>(null)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>sluice::ui::ProjectionView</name>
    <message>
        <source>Rebuild</source>
        <translation>Neu aufbauen</translation>
    </message>
    <message numerus="yes">
        <source>first %n row(s)</source>
        <translation>
            <numerusform>erste %n Zeile</numerusform>
            <numerusform>erste %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>Quellspalte</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Sent as</source>
        <translation>Gesendet als</translation>
    </message>
    <message>
        <source>The preview shows the first rows as the destination will receive them, once the sync is valid.</source>
        <translation>Die Vorschau zeigt die ersten Zeilen so, wie das Ziel sie erhält, sobald der Sync gültig ist.</translation>
    </message>
    <message>
        <source>Building the preview of %1…</source>
        <translation>Vorschau von %1 wird aufgebaut…</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>%1 — %2, built %3      ✓ %4 will be sent   ⊘ %5 excluded (no consent)   ! %6 invalid</source>
        <translation>%1 — %2, aufgebaut %3      ✓ %4 werden gesendet   ⊘ %5 ausgeschlossen (keine Einwilligung)   ! %6 ungültig</translation>
    </message>
    <message numerus="yes">
        <source>the first %n row(s) of the model</source>
        <translation>
            <numerusform>die erste %n Zeile des Modells</numerusform>
            <numerusform>die ersten %n Zeilen des Modells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n row(s) of the model</source>
        <translation>
            <numerusform>die %n Zeile des Modells</numerusform>
            <numerusform>alle %n Zeilen des Modells</numerusform>
        </translation>
    </message>
    <message>
        <source>Record %1 is sent as: %2</source>
        <translation>Datensatz %1 wird gesendet als: %2</translation>
    </message>
    <message>
        <source>Record %1 is held back: %2</source>
        <translation>Datensatz %1 wird zurückgehalten: %2</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>(null)</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>Matchable by: %1</source>
        <translation>Abgleichbar über: %1</translation>
    </message>
</context>
<context>
    <name>sluice::ui::RecordHistoryDialog</name>
    <message>
        <source>Record %1 of sync %2</source>
        <translation>Datensatz %1 des Syncs %2</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>The payload sent, where the sync&apos;s PII rule lets the ledger keep it (ledger_payloads in sluice.json).</source>
        <translation>Die gesendeten Daten, wo die PII-Regel des Syncs sie im Protokoll lässt (ledger_payloads in sluice.json).</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>Das Protokoll wird gelesen …</translation>
    </message>
    <message>
        <source>No send of this record is on record (the ledger keeps what recent runs did).</source>
        <translation>Für diesen Datensatz ist kein Versand verzeichnet (das Protokoll behält, was die letzten Läufe taten).</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>%1 entries, newest first</source>
        <translation>%1 Einträge, die neuesten zuerst</translation>
    </message>
</context>
<context>
    <name>sluice::ui::RejectionBrowser</name>
    <message>
        <source>Records held back by sync %1</source>
        <translation>Von Sync %1 zurückgehaltene Datensätze</translation>
    </message>
    <message>
        <source>Search by key</source>
        <translation>Nach Schlüssel suchen</translation>
    </message>
    <message>
        <source>The payload, where the sync&apos;s PII rule lets the ledger keep it (ledger_payloads in sluice.json).</source>
        <translation>Die Nutzdaten, soweit die PII-Regel des Syncs sie im Ledger erlaubt (ledger_payloads in sluice.json).</translation>
    </message>
    <message>
        <source>Retry rejected now</source>
        <translation>Abgelehnte jetzt erneut senden</translation>
    </message>
    <message>
        <source>Run the sync now: every record held back is sent again</source>
        <translation>Den Sync jetzt ausführen: jeder zurückgehaltene Datensatz wird erneut gesendet</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Record history…</source>
        <translation>Verlauf des Datensatzes…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Export the records held back</source>
        <translation>Die zurückgehaltenen Datensätze exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Reading the records held back…</source>
        <translation>Zurückgehaltene Datensätze werden gelesen…</translation>
    </message>
    <message>
        <source>Sync %1 holds nothing back: every record reached the destination.</source>
        <translation>Sync %1 hält nichts zurück: jeder Datensatz hat das Ziel erreicht.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) held back: invalid before sending, or rejected by the destination. Each is sent again by the sync&apos;s next run.</source>
        <translation>
            <numerusform>%n Datensatz zurückgehalten: ungültig vor dem Senden oder vom Ziel abgelehnt. Er wird mit dem nächsten Lauf des Syncs erneut gesendet.</numerusform>
            <numerusform>%n Datensätze zurückgehalten: ungültig vor dem Senden oder vom Ziel abgelehnt. Jeder wird mit dem nächsten Lauf des Syncs erneut gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every reason (%1)</source>
        <translation>Jeder Grund (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The ledger keeps no payload of record %1 (the sync&apos;s PII rule, or ledger_payloads).</source>
        <translation>Das Ledger hält keine Nutzdaten von Datensatz %1 (die PII-Regel des Syncs oder ledger_payloads).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>sluice::ui::RejectionsModel</name>
    <message>
        <source>invalid (not sent)</source>
        <translation>ungültig (nicht gesendet)</translation>
    </message>
    <message>
        <source>rejected by the destination</source>
        <translation>vom Ziel abgelehnt</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Held as</source>
        <translation>Zurückgehalten als</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>First held (UTC)</source>
        <translation>Zuerst zurückgehalten (UTC)</translation>
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
    <message>
        <source>Double-click a record to see its history</source>
        <translation>Doppelklick auf einen Datensatz zeigt seinen Verlauf</translation>
    </message>
    <message>
        <source>Choose a run to see its stages and the records it held back.</source>
        <translation>Wählen Sie einen Lauf, um seine Phasen und die zurückgehaltenen Datensätze zu sehen.</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>Nothing held back: every record this run planned reached the destination, or the run stopped before sending.</source>
        <translation>Nichts zurückgehalten: Jeder geplante Datensatz dieses Laufs hat das Ziel erreicht, oder der Lauf endete vor dem Senden.</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>state read</source>
        <translation>Zustand gelesen</translation>
    </message>
    <message>
        <source>diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>read and map</source>
        <translation>Lesen und Zuordnen</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>state saved</source>
        <translation>Zustand gespeichert</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>%1 model rows</source>
        <translation>%1 Modellzeilen</translation>
    </message>
    <message>
        <source>%1 read out of the warehouse</source>
        <translation>%1 aus dem Warehouse gelesen</translation>
    </message>
    <message>
        <source>%1 billed by the warehouse</source>
        <translation>%1 vom Warehouse berechnet</translation>
    </message>
    <message>
        <source>stages: %1</source>
        <translation>Phasen: %1</translation>
    </message>
    <message>
        <source>%1 ms in all</source>
        <translation>%1 ms insgesamt</translation>
    </message>
    <message>
        <source>no measures recorded</source>
        <translation>keine Messwerte aufgezeichnet</translation>
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
    <message>
        <source>+ Source…</source>
        <translation>+ Quelle…</translation>
    </message>
    <message>
        <source>+ Destination…</source>
        <translation>+ Ziel…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>This workspace has no sources yet: + Source… connects a warehouse.</source>
        <translation>Dieser Arbeitsbereich hat noch keine Quellen: + Quelle… verbindet ein Warehouse.</translation>
    </message>
    <message>
        <source>+ The demo warehouse</source>
        <translation>+ Das Demo-Warehouse</translation>
    </message>
    <message>
        <source>Generate the demo customer warehouse (SQLite, 10,000 customers) in this workspace and add it as source &quot;demo&quot;</source>
        <translation>Das Demo-Kunden-Warehouse (SQLite, 10.000 Kunden) in diesem Arbeitsbereich erzeugen und als Quelle „demo“ hinzufügen</translation>
    </message>
    <message>
        <source>Generating the demo warehouse…</source>
        <translation>Das Demo-Warehouse wird erzeugt…</translation>
    </message>
    <message>
        <source>Source demo added: the demo customer warehouse.</source>
        <translation>Quelle demo hinzugefügt: das Demo-Kunden-Warehouse.</translation>
    </message>
    <message>
        <source>The demo warehouse could not be made: %1</source>
        <translation>Das Demo-Warehouse konnte nicht erzeugt werden: %1</translation>
    </message>
</context>
<context>
    <name>sluice::ui::SyncEditor</name>
    <message>
        <source>New sync</source>
        <translation>Neuer Sync</translation>
    </message>
    <message>
        <source>Sync %1</source>
        <translation>Sync %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>local: the state lives in this workspace</source>
        <translation>lokal: der Zustand liegt in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>warehouse: the warehouse computes the change</source>
        <translation>Warehouse: das Warehouse berechnet die Änderung</translation>
    </message>
    <message>
        <source>Not scheduled (run by hand)</source>
        <translation>Nicht geplant (von Hand ausführen)</translation>
    </message>
    <message>
        <source>Every…</source>
        <translation>Alle…</translation>
    </message>
    <message>
        <source>Cron…</source>
        <translation>Cron…</translation>
    </message>
    <message>
        <source>After another sync…</source>
        <translation>Nach einem anderen Sync…</translation>
    </message>
    <message>
        <source>15m, 1h, 1d — or 0 6 * * 1-5 — or a sync&apos;s name</source>
        <translation>15m, 1h, 1d — oder 0 6 * * 1-5 — oder der Name eines Syncs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Match records on</source>
        <translation>Datensätze abgleichen über</translation>
    </message>
    <message>
        <source>Consent column</source>
        <translation>Einwilligungsspalte</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Mode: upsert updates or creates; update only updates; insert only creates; mirror also removes what left the model; append sends every row every run. Records matched on one value are merged by the destination, so two rows with the same match value are held back.</source>
        <translation>Modus: upsert aktualisiert oder legt an; update aktualisiert nur; insert legt nur an; mirror entfernt auch, was das Modell verlassen hat; append sendet jede Zeile bei jedem Lauf. Datensätze mit einem Abgleichswert führt das Ziel zusammen, daher werden zwei Zeilen mit demselben Abgleichswert zurückgehalten.</translation>
    </message>
    <message>
        <source>Reading the columns of %1…</source>
        <translation>Spalten von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>(no match: keyed by the primary key)</source>
        <translation>(kein Abgleich: über den Primärschlüssel)</translation>
    </message>
    <message>
        <source>(every row may be sent)</source>
        <translation>(jede Zeile darf gesendet werden)</translation>
    </message>
    <message>
        <source>The columns of %1 could not be read: %2</source>
        <translation>Die Spalten von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Required: where in %1 the records go</source>
        <translation>Pflicht: wohin in %1 die Datensätze gehen</translation>
    </message>
    <message>
        <source>Optional for this destination</source>
        <translation>Für dieses Ziel optional</translation>
    </message>
    <message>
        <source>The fields of %1 could not be read: %2</source>
        <translation>Die Felder von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The sync needs a name.</source>
        <translation>Der Sync braucht einen Namen.</translation>
    </message>
    <message>
        <source>A sync named %1 exists already.</source>
        <translation>Ein Sync namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>✓ This sync is valid.</source>
        <translation>✓ Dieser Sync ist gültig.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Sync %1 was changed in sluice.json while you edited it here. Your edits are kept in this window; Save again to replace the file&apos;s version with them, or Cancel to keep the file&apos;s.</source>
        <translation>Sync %1 wurde in sluice.json geändert, während Sie ihn hier bearbeitet haben. Ihre Änderungen bleiben in diesem Fenster; Speichern Sie erneut, um die Fassung der Datei damit zu ersetzen, oder Abbrechen, um die der Datei zu behalten.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Choose from the destination&apos;s list, or type a name</source>
        <translation>Aus der Liste des Ziels wählen oder einen Namen eingeben</translation>
    </message>
    <message>
        <source>The objects of %1 could not be listed: %2</source>
        <translation>Die Objekte von %1 konnten nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>Discard your changes to this sync?</source>
        <translation>Ihre Änderungen an diesem Sync verwerfen?</translation>
    </message>
    <message>
        <source>They are not in sluice.json yet; Cancel keeps editing, and Save writes them.</source>
        <translation>Sie stehen noch nicht in sluice.json; Abbrechen bearbeitet weiter, Speichern schreibt sie.</translation>
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
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>Reading what was sent before</source>
        <translation>Was zuvor gesendet wurde, wird gelesen</translation>
    </message>
    <message>
        <source>Comparing with what was sent</source>
        <translation>Vergleich mit dem Gesendeten</translation>
    </message>
    <message>
        <source>Saving the sync&apos;s state</source>
        <translation>Der Zustand des Syncs wird gespeichert</translation>
    </message>
    <message>
        <source>%1 %2 of %3 (%4 %)</source>
        <translation>%1 %2 von %3 (%4 %)</translation>
    </message>
    <message>
        <source>Identifier coverage: %1</source>
        <translation>Abdeckung der Kennungen: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The destination reported: %1</source>
        <translation>Das Ziel meldete: %1</translation>
    </message>
    <message>
        <source>matched %1–%2 %</source>
        <translation>zugeordnet %1–%2 %</translation>
    </message>
    <message>
        <source>New sync…</source>
        <translation>Neuer Sync…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>This workspace has no syncs yet. Add one with New sync…</source>
        <translation>Dieser Arbeitsbereich hat noch keine Syncs. Legen Sie einen mit „Neuer Sync…“ an.</translation>
    </message>
    <message>
        <source>Backfill…</source>
        <translation>Backfill…</translation>
    </message>
    <message>
        <source>Send every record again, including those the destination has (Ctrl+Shift+R); asks first</source>
        <translation>Jeden Datensatz erneut senden, auch die, die das Ziel schon hat (Strg+Umschalt+R); fragt zuerst</translation>
    </message>
    <message>
        <source>Send everything again?</source>
        <translation>Alles erneut senden?</translation>
    </message>
    <message>
        <source>Send %1 records</source>
        <translation>%1 Datensätze senden</translation>
    </message>
    <message>
        <source>Send every record</source>
        <translation>Jeden Datensatz senden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Backfill sends all %1 rows of %2 (as many as its last run read) to %3, including the %4 records the destination already has.</source>
        <translation>Der Backfill sendet alle %1 Zeilen von %2 (so viele, wie sein letzter Lauf las) an %3, einschließlich der %4 Datensätze, die das Ziel schon hat.</translation>
    </message>
    <message>
        <source>Backfill sends every row of %1 to %2; the sync has not run before.</source>
        <translation>Der Backfill sendet jede Zeile von %1 an %2; der Sync ist noch nie gelaufen.</translation>
    </message>
    <message>
        <source>Rows without consent (%1) stay out.</source>
        <translation>Zeilen ohne Einwilligung (%1) bleiben draußen.</translation>
    </message>
    <message>
        <source>Mode upsert: records are updated or created; none are deleted.</source>
        <translation>Modus upsert: Datensätze werden aktualisiert oder angelegt; keiner wird gelöscht.</translation>
    </message>
    <message>
        <source>Mode update: only records the destination has are updated.</source>
        <translation>Modus update: nur Datensätze, die das Ziel hat, werden aktualisiert.</translation>
    </message>
    <message>
        <source>Mode insert: only records the destination lacks are created; the others are left as they are.</source>
        <translation>Modus insert: nur Datensätze, die dem Ziel fehlen, werden angelegt; die anderen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Mode mirror: records are updated or created, and those that left the model are removed.</source>
        <translation>Modus mirror: Datensätze werden aktualisiert oder angelegt, und die, die das Modell verlassen haben, werden entfernt.</translation>
    </message>
    <message>
        <source>Mode append: every row is appended again.</source>
        <translation>Modus append: jede Zeile wird erneut angehängt.</translation>
    </message>
    <message>
        <source>Backfilling…</source>
        <translation>Backfill läuft…</translation>
    </message>
    <message>
        <source>Held back…</source>
        <translation>Zurückgehalten…</translation>
    </message>
    <message>
        <source>Browse every record this sync holds back: filter by reason, search by key, export, retry</source>
        <translation>Alle Datensätze durchsehen, die dieser Sync zurückhält: nach Grund filtern, nach Schlüssel suchen, exportieren, erneut senden</translation>
    </message>
    <message>
        <source>Not run yet. Plan shows what a run would send and sends nothing; Run now sends it.</source>
        <translation>Noch nicht gelaufen. Planen zeigt, was ein Lauf senden würde, und sendet nichts; Jetzt ausführen sendet es.</translation>
    </message>
    <message>
        <source>Last run %1 succeeded (%2): every planned record was delivered.</source>
        <translation>Letzter Lauf %1 erfolgreich (%2): jeder geplante Datensatz wurde zugestellt.</translation>
    </message>
    <message>
        <source>Last run %1 was partial (%2): some records were held back; Held back… lists them.</source>
        <translation>Letzter Lauf %1 war teilweise (%2): einige Datensätze wurden zurückgehalten; Zurückgehalten… listet sie.</translation>
    </message>
    <message>
        <source>Last run %1 failed (%2): %3</source>
        <translation>Letzter Lauf %1 fehlgeschlagen (%2): %3</translation>
    </message>
    <message>
        <source>Last run %1: %2 (%3)</source>
        <translation>Letzter Lauf %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Records a run holds back, invalid before sending or refused by the destination, appear here with the reason.</source>
        <translation>Datensätze, die ein Lauf zurückhält – vor dem Senden ungültig oder vom Ziel abgelehnt –, erscheinen hier mit dem Grund.</translation>
    </message>
    <message>
        <source>Nothing held back by run %1: every record it planned was delivered.</source>
        <translation>Lauf %1 hat nichts zurückgehalten: jeder geplante Datensatz wurde zugestellt.</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 held back %n record(s): Held back… lists them with the destination&apos;s words.</source>
        <translation>
            <numerusform>Lauf %1 hat %n Datensatz zurückgehalten: Zurückgehalten… listet ihn mit den Worten des Ziels.</numerusform>
            <numerusform>Lauf %1 hat %n Datensätze zurückgehalten: Zurückgehalten… listet sie mit den Worten des Ziels.</numerusform>
        </translation>
    </message>
    <message>
        <source>What this run holds back appears here when it ends.</source>
        <translation>Was dieser Lauf zurückhält, erscheint hier, wenn er endet.</translation>
    </message>
    <message>
        <source>Nothing would be held back: every row of the model makes a valid record.</source>
        <translation>Nichts würde zurückgehalten: jede Zeile des Modells ergibt einen gültigen Datensatz.</translation>
    </message>
    <message>
        <source>The run failed before any record was held back: %1</source>
        <translation>Der Lauf ist fehlgeschlagen, bevor ein Datensatz zurückgehalten wurde: %1</translation>
    </message>
    <message>
        <source>Nothing held back: every record of run %1 was delivered.</source>
        <translation>Nichts zurückgehalten: jeder Datensatz von Lauf %1 wurde zugestellt.</translation>
    </message>
    <message>
        <source>What the plan would send first (the destination receives these fields)</source>
        <translation>Was der Plan zuerst senden würde (das Ziel erhält diese Felder)</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
</context>
<context>
    <name>sluice::ui::TraitsPanel</name>
    <message>
        <source>+ Trait</source>
        <translation>+ Merkmal</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Trait</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Cannot remove the trait</source>
        <translation>Das Merkmal kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>⟳ computing…</source>
        <translation>⟳ wird berechnet…</translation>
    </message>
    <message>
        <source>No traits yet. A trait is a named SQL expression over this model&apos;s columns, computed by the warehouse: + Trait adds one.</source>
        <translation>Noch keine Merkmale. Ein Merkmal ist ein benannter SQL-Ausdruck über den Spalten dieses Modells, vom Warehouse berechnet: + Merkmal legt eins an.</translation>
    </message>
    <message>
        <source>Computing distributions in the warehouse…</source>
        <translation>Verteilungen werden im Warehouse berechnet…</translation>
    </message>
    <message>
        <source>✕ %1</source>
        <translation>✕ %1</translation>
    </message>
    <message numerus="yes">
        <source>✕ the warehouse refused %n trait(s): see Distribution</source>
        <translation>
            <numerusform>✕ das Warehouse lehnte %n Merkmal ab: siehe Verteilung</numerusform>
            <numerusform>✕ das Warehouse lehnte %n Merkmale ab: siehe Verteilung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trait(s), distributions over the whole model</source>
        <translation>
            <numerusform>%n Merkmal, Verteilung über das ganze Modell</numerusform>
            <numerusform>%n Merkmale, Verteilungen über das ganze Modell</numerusform>
        </translation>
    </message>
    <message>
        <source>New trait of %1</source>
        <translation>Neues Merkmal von %1</translation>
    </message>
    <message>
        <source>Trait %1</source>
        <translation>Merkmal %1</translation>
    </message>
    <message>
        <source>an SQL expression over the model&apos;s columns, as in ltv &gt; 1000</source>
        <translation>ein SQL-Ausdruck über den Spalten des Modells, etwa ltv &gt; 1000</translation>
    </message>
    <message>
        <source>as the warehouse says</source>
        <translation>wie das Warehouse sagt</translation>
    </message>
    <message>
        <source>what it means, for everyone who uses it</source>
        <translation>was es bedeutet, für alle, die es nutzen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>Definition:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <source>A trait needs a name and a definition.</source>
        <translation>Ein Merkmal braucht einen Namen und eine Definition.</translation>
    </message>
</context>
<context>
    <name>sluice::ui::TrayAgent</name>
    <message>
        <source>Sluice · %1</source>
        <translation>Sluice · %1</translation>
    </message>
    <message>
        <source>◔ %1 running</source>
        <translation>◔ %1 läuft</translation>
    </message>
    <message>
        <source>· %1 has not run</source>
        <translation>· %1 ist noch nicht gelaufen</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <translation>%1 %2 %3 %4</translation>
    </message>
    <message>
        <source>Open Sluice</source>
        <translation>Sluice öffnen</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Sluice: a sync needs attention</source>
        <translation>Sluice: ein Sync braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Sluice: recovered</source>
        <translation>Sluice: wieder in Ordnung</translation>
    </message>
    <message>
        <source>‖ schedules paused until %1</source>
        <translation>‖ Zeitpläne pausiert bis %1</translation>
    </message>
    <message>
        <source>‖ schedules paused until resumed</source>
        <translation>‖ Zeitpläne pausiert bis zur Fortsetzung</translation>
    </message>
    <message>
        <source>Resume all (paused until %1)</source>
        <translation>Alle fortsetzen (pausiert bis %1)</translation>
    </message>
    <message>
        <source>Resume all</source>
        <translation>Alle fortsetzen</translation>
    </message>
    <message>
        <source>Pause all</source>
        <translation>Alle pausieren</translation>
    </message>
    <message>
        <source>Pause all for 1 hour</source>
        <translation>Alle für 1 Stunde pausieren</translation>
    </message>
    <message>
        <source>‖ %1 paused</source>
        <translation>‖ %1 pausiert</translation>
    </message>
    <message>
        <source>Pause one sync</source>
        <translation>Einen Sync pausieren</translation>
    </message>
    <message>
        <source>Notify of recoveries</source>
        <translation>Auch Entwarnungen melden</translation>
    </message>
    <message>
        <source>⚠ %1 keeps failing and recovering (%2); quiet until it settles</source>
        <translation>⚠ %1 schlägt fehl und erholt sich ständig (%2); still, bis es sich beruhigt</translation>
    </message>
</context>
<context>
    <name>sluice::ui::WelcomeWindow</name>
    <message>
        <source>Sluice</source>
        <translation>Sluice</translation>
    </message>
    <message>
        <source>Welcome to Sluice</source>
        <translation>Willkommen bei Sluice</translation>
    </message>
    <message>
        <source>A workspace is a folder with sluice.json (sources, models, destinations, syncs) and the state of its syncs. Open one, start a new one, or look around the demo: a customer-360 warehouse synced to local files.</source>
        <translation>Ein Arbeitsbereich ist ein Ordner mit sluice.json (Quellen, Modelle, Ziele, Syncs) und dem Zustand seiner Syncs. Öffnen Sie einen, legen Sie einen neuen an oder sehen Sie sich die Demo an: ein Kunden-360-Warehouse, das in lokale Dateien synchronisiert wird.</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>Arbeitsbereich öffnen …</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>Neuer Arbeitsbereich …</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>Recent workspaces (double-click to open)</source>
        <translation>Zuletzt geöffnete Arbeitsbereiche (Doppelklick zum Öffnen)</translation>
    </message>
    <message>
        <source>None yet: the workspaces you open are listed here.</source>
        <translation>Noch keine: Die geöffneten Arbeitsbereiche erscheinen hier.</translation>
    </message>
    <message>
        <source>Open a workspace (the folder holding sluice.json)</source>
        <translation>Arbeitsbereich öffnen (der Ordner mit sluice.json)</translation>
    </message>
    <message>
        <source>New workspace: choose an empty folder</source>
        <translation>Neuer Arbeitsbereich: einen leeren Ordner wählen</translation>
    </message>
    <message>
        <source>Creating the demo workspace in %1…</source>
        <translation>Der Demo-Arbeitsbereich wird in %1 angelegt …</translation>
    </message>
    <message>
        <source>The demo workspace could not be made: %1</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht angelegt werden: %1</translation>
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
        <source>schedule &quot;after&quot; names an unknown sync &quot;%1&quot;</source>
        <translation>Zeitplan „after“ nennt einen unbekannten Sync „%1“</translation>
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
        <source>a webhook destination needs a &quot;url&quot;</source>
        <translation>ein Webhook-Ziel braucht eine „url“</translation>
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
        <source>&quot;field_schema&quot; must be an object of fields</source>
        <translation>„field_schema“ muss ein Objekt mit Feldern sein</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Schlüssel „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object, as in %2</source>
        <translation>„%1“ muss ein Objekt sein, wie in %2</translation>
    </message>
    <message>
        <source>schedule &quot;after&quot; names the sync itself</source>
        <translation>Zeitplan „after“ nennt den Sync selbst</translation>
    </message>
    <message>
        <source>&quot;primary_key&quot; names a column twice</source>
        <translation>„primary_key“ nennt eine Spalte zweimal</translation>
    </message>
    <message>
        <source>a mapping must be an object such as {&quot;source&quot;: &quot;email&quot;, &quot;destination&quot;: &quot;email&quot;}</source>
        <translation>eine Zuordnung muss ein Objekt sein, etwa {&quot;source&quot;: &quot;email&quot;, &quot;destination&quot;: &quot;email&quot;}</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is mapped twice</source>
        <translation>Feld „%1“ ist zweimal zugeordnet</translation>
    </message>
    <message>
        <source>&quot;max_delete_share&quot; must be a number from 0 to 1 (0.5 is half the destination&apos;s records)</source>
        <translation>„max_delete_share“ muss eine Zahl von 0 bis 1 sein (0.5 ist die Hälfte der Datensätze des Ziels)</translation>
    </message>
    <message>
        <source>&quot;payloads&quot; must be rejected, all or none</source>
        <translation>„payloads“ muss rejected, all oder none sein</translation>
    </message>
    <message>
        <source>&quot;retention_days&quot; must be a whole number of days from 1 to 3650</source>
        <translation>„retention_days“ muss eine ganze Zahl von Tagen von 1 bis 3650 sein</translation>
    </message>
    <message>
        <source>where editors find this file&apos;s JSON Schema</source>
        <translation>wo Editoren das JSON-Schema dieser Datei finden</translation>
    </message>
    <message>
        <source>the format&apos;s version; this Sluice reads 1</source>
        <translation>die Version des Formats; diese Sluice-Version liest 1</translation>
    </message>
    <message>
        <source>warehouses to read models from, by name</source>
        <translation>Warehouses, aus denen Modelle gelesen werden, nach Namen</translation>
    </message>
    <message>
        <source>tools and files to sync into, by name</source>
        <translation>Werkzeuge und Dateien, in die synchronisiert wird, nach Namen</translation>
    </message>
    <message>
        <source>SQL over a source with a primary key, by name</source>
        <translation>SQL über einer Quelle mit Primärschlüssel, nach Namen</translation>
    </message>
    <message>
        <source>a model into a destination: mode, match key, field mappings, schedule</source>
        <translation>ein Modell in ein Ziel: Modus, Zuordnungsschlüssel, Feldzuordnungen, Zeitplan</translation>
    </message>
    <message>
        <source>how long the record ledger keeps what was sent, and which payloads</source>
        <translation>wie lange das Datensatz-Ledger das Gesendete aufbewahrt, und welche Payloads</translation>
    </message>
    <message>
        <source>days the ledger keeps each send (1 to 3650; 30 by default)</source>
        <translation>Tage, die das Ledger jeden Versand aufbewahrt (1 bis 3650; standardmäßig 30)</translation>
    </message>
    <message>
        <source>which sends keep their payload: rejected (default), all or none</source>
        <translation>welche Sendungen ihre Payload behalten: rejected (Standard), all oder none</translation>
    </message>
    <message>
        <source>columns holding personal data; each destination&apos;s &quot;pii&quot; rule applies to them</source>
        <translation>Spalten mit personenbezogenen Daten; für sie gilt die „pii“-Regel jedes Ziels</translation>
    </message>
    <message>
        <source>a timestamp column saying how fresh each row is (freshness lag)</source>
        <translation>eine Zeitstempelspalte, die angibt, wie aktuell jede Zeile ist (Aktualitätsverzug)</translation>
    </message>
    <message>
        <source>what the model means, for the people who read this file</source>
        <translation>was das Modell bedeutet, für die Menschen, die diese Datei lesen</translation>
    </message>
    <message>
        <source>the model to read</source>
        <translation>das zu lesende Modell</translation>
    </message>
    <message>
        <source>the destination to write to</source>
        <translation>das Ziel, in das geschrieben wird</translation>
    </message>
    <message>
        <source>the destination&apos;s object (contacts, Contact, a table, an audience id)</source>
        <translation>das Objekt des Ziels (contacts, Contact, eine Tabelle, eine Zielgruppen-ID)</translation>
    </message>
    <message>
        <source>how records are written (upsert by default)</source>
        <translation>wie Datensätze geschrieben werden (standardmäßig upsert)</translation>
    </message>
    <message>
        <source>the model column and the destination field that identify a record in both</source>
        <translation>die Modellspalte und das Zielfeld, die einen Datensatz in beiden identifizieren</translation>
    </message>
    <message>
        <source>field mappings: model column, destination field, transforms</source>
        <translation>Feldzuordnungen: Modellspalte, Zielfeld, Transformationen</translation>
    </message>
    <message>
        <source>governance: the consent column a row needs to be sent</source>
        <translation>Governance: die Einwilligungsspalte, die eine Zeile zum Senden braucht</translation>
    </message>
    <message>
        <source>where the change set is computed: local (default) or warehouse</source>
        <translation>wo die Änderungsmenge berechnet wird: local (Standard) oder warehouse</translation>
    </message>
    <message>
        <source>when the agent runs the sync: every, cron (with tz), after, manual</source>
        <translation>wann der Agent den Sync ausführt: every, cron (mit tz), after, manual</translation>
    </message>
    <message>
        <source>what the sync is for</source>
        <translation>wofür der Sync da ist</translation>
    </message>
    <message>
        <source>the share of the destination&apos;s records a mirror may remove in one run (0.5 by default)</source>
        <translation>der Anteil der Datensätze des Ziels, den ein Mirror in einem Lauf entfernen darf (standardmäßig 0.5)</translation>
    </message>
    <message>
        <source>the model column</source>
        <translation>die Modellspalte</translation>
    </message>
    <message>
        <source>the destination field</source>
        <translation>das Zielfeld</translation>
    </message>
    <message>
        <source>steps applied in order: trim, lowercase, email, phone:US, round:2, cast:string, sha256, ...</source>
        <translation>Schritte in dieser Reihenfolge: trim, lowercase, email, phone:US, round:2, cast:string, sha256, ...</translation>
    </message>
    <message>
        <source>what the field means</source>
        <translation>was das Feld bedeutet</translation>
    </message>
    <message>
        <source>the destination&apos;s unique field</source>
        <translation>das eindeutige Feld des Ziels</translation>
    </message>
    <message>
        <source>a boolean column: rows where it is not true are never sent (excluded)</source>
        <translation>eine boolesche Spalte: Zeilen, in denen sie nicht wahr ist, werden nie gesendet (ausgeschlossen)</translation>
    </message>
    <message>
        <source>an interval: a number and a unit (s, m, h, d), as in 15m</source>
        <translation>ein Intervall: eine Zahl und eine Einheit (s, m, h, d), etwa 15m</translation>
    </message>
    <message>
        <source>five cron fields: minute hour day-of-month month day-of-week</source>
        <translation>fünf cron-Felder: Minute Stunde Tag-des-Monats Monat Wochentag</translation>
    </message>
    <message>
        <source>the IANA time zone of cron (UTC by default), as in Europe/Berlin</source>
        <translation>die IANA-Zeitzone von cron (standardmäßig UTC), etwa Europe/Berlin</translation>
    </message>
    <message>
        <source>another sync: this one runs when that one succeeded</source>
        <translation>ein anderer Sync: dieser läuft, wenn jener erfolgreich war</translation>
    </message>
    <message>
        <source>true: only when someone runs it</source>
        <translation>true: nur, wenn ihn jemand startet</translation>
    </message>
    <message>
        <source>spread start times by up to this duration, as in 30s</source>
        <translation>Startzeiten um bis zu diese Dauer streuen, etwa 30s</translation>
    </message>
    <message>
        <source>personal data columns: allow, hash (SHA-256) or block</source>
        <translation>Spalten mit personenbezogenen Daten: allow, hash (SHA-256) oder block</translation>
    </message>
    <message>
        <source>the destination&apos;s fields, where it cannot describe them</source>
        <translation>die Felder des Ziels, wo es sie nicht selbst beschreiben kann</translation>
    </message>
    <message>
        <source>the destination&apos;s kind</source>
        <translation>die Art des Ziels</translation>
    </message>
    <message>
        <source>the warehouse&apos;s driver</source>
        <translation>der Treiber des Warehouse</translation>
    </message>
    <message>
        <source>the name of an environment variable holding it</source>
        <translation>der Name einer Umgebungsvariablen, die es enthält</translation>
    </message>
    <message>
        <source>the name of an entry in the OS keychain</source>
        <translation>der Name eines Eintrags im Schlüsselbund des Betriebssystems</translation>
    </message>
    <message>
        <source>a file holding it (only the owner may read it)</source>
        <translation>eine Datei, die es enthält (nur der Eigentümer darf sie lesen)</translation>
    </message>
    <message>
        <source>a secret reference; secrets are never written into sluice.json</source>
        <translation>eine Secret-Referenz; Secrets werden nie in sluice.json geschrieben</translation>
    </message>
    <message>
        <source>requests per window, as {&quot;requests&quot;: 100, &quot;per_seconds&quot;: 10}</source>
        <translation>Anfragen pro Zeitfenster, als {&quot;requests&quot;: 100, &quot;per_seconds&quot;: 10}</translation>
    </message>
    <message>
        <source>a warehouse to read models from</source>
        <translation>ein Warehouse, aus dem Modelle gelesen werden</translation>
    </message>
    <message>
        <source>a tool or file to sync into</source>
        <translation>ein Werkzeug oder eine Datei, in die synchronisiert wird</translation>
    </message>
    <message>
        <source>a model column into a destination field</source>
        <translation>eine Modellspalte in ein Zielfeld</translation>
    </message>
    <message>
        <source>when the agent runs the sync</source>
        <translation>wann der Agent den Sync ausführt</translation>
    </message>
    <message>
        <source>a model into a destination</source>
        <translation>ein Modell in ein Ziel</translation>
    </message>
    <message>
        <source>the model column and the destination&apos;s unique field</source>
        <translation>die Modellspalte und das eindeutige Feld des Ziels</translation>
    </message>
    <message>
        <source>governance</source>
        <translation>Governance</translation>
    </message>
    <message>
        <source>A Sluice workspace: sources, destinations, models and syncs</source>
        <translation>Ein Sluice-Workspace: Quellen, Ziele, Modelle und Syncs</translation>
    </message>
    <message>
        <source>%1: the keychain has no secret &quot;%2&quot; (service sluice); store it there, or use {&quot;env&quot;: ...} or {&quot;file&quot;: ...}</source>
        <translation>%1: der Schlüsselbund hat kein Secret „%2“ (Dienst sluice); legen Sie es dort ab oder verwenden Sie {&quot;env&quot;: ...} oder {&quot;file&quot;: ...}</translation>
    </message>
    <message>
        <source>%1: keychain secret &quot;%2&quot;: no keychain service (Secret Service or KWallet) is running; start one, or use {&quot;env&quot;: ...} or {&quot;file&quot;: ...}</source>
        <translation>%1: Schlüsselbund-Secret „%2“: kein Schlüsselbunddienst (Secret Service oder KWallet) läuft; starten Sie einen oder verwenden Sie {&quot;env&quot;: ...} oder {&quot;file&quot;: ...}</translation>
    </message>
    <message>
        <source>%1: the keychain refused access to secret &quot;%2&quot; (%3)</source>
        <translation>%1: der Schlüsselbund hat den Zugriff auf Secret „%2“ verweigert (%3)</translation>
    </message>
    <message>
        <source>%1: keychain secret &quot;%2&quot;: %3</source>
        <translation>%1: Schlüsselbund-Secret „%2“: %3</translation>
    </message>
    <message>
        <source>%1: keychain secret &quot;%2&quot;: the keychain did not answer within %3 s (is it locked?)</source>
        <translation>%1: Schlüsselbund-Secret „%2“: der Schlüsselbund hat nicht innerhalb von %3 s geantwortet (ist er gesperrt?)</translation>
    </message>
    <message>
        <source>keychain secret &quot;%1&quot;: the keychain did not answer within %2 s (is it locked?)</source>
        <translation>Schlüsselbund-Secret „%1“: der Schlüsselbund hat nicht innerhalb von %2 s geantwortet (ist er gesperrt?)</translation>
    </message>
    <message>
        <source>storing a secret</source>
        <translation>Speichern eines Secrets</translation>
    </message>
    <message>
        <source>keychain secret &quot;%1&quot;: the keychain did not answer within %2 s</source>
        <translation>Schlüsselbund-Secret „%1“: der Schlüsselbund hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>deleting a secret</source>
        <translation>Löschen eines Secrets</translation>
    </message>
    <message>
        <source>%1: secret file %2 can be read or changed by other users; allow only its owner (chmod 600 %2)</source>
        <translation>%1: Secret-Datei %2 kann von anderen Benutzern gelesen oder geändert werden; erlauben Sie nur dem Eigentümer den Zugriff (chmod 600 %2)</translation>
    </message>
    <message>
        <source>what it is, for the people who read this file</source>
        <translation>was es ist, für die Menschen, die diese Datei lesen</translation>
    </message>
    <message>
        <source>requests allowed in each window</source>
        <translation>in jedem Zeitfenster erlaubte Anfragen</translation>
    </message>
    <message>
        <source>the window&apos;s length in seconds (1 by default)</source>
        <translation>die Länge des Zeitfensters in Sekunden (standardmäßig 1)</translation>
    </message>
    <message>
        <source>alert rules must be an object such as {&quot;rejection_rate_above&quot;: 0.05}</source>
        <translation>Alarmregeln müssen ein Objekt sein, etwa {&quot;rejection_rate_above&quot;: 0.05}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>„%1“ muss true oder false sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a share from 0 to %2 (0.05 is 5 %), or false to turn the rule off</source>
        <translation>„%1“ muss ein Anteil von 0 bis %2 sein (0.05 sind 5 %), oder false, um die Regel abzuschalten</translation>
    </message>
    <message>
        <source>&quot;freshness_lag_above&quot; must be a duration such as &quot;1h&quot; or &quot;30m&quot;, or false to turn the rule off</source>
        <translation>„freshness_lag_above“ muss eine Dauer sein, etwa „1h“ oder „30m“, oder false, um die Regel abzuschalten</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>&quot;webhooks&quot; must be a list such as [{&quot;url&quot;: {&quot;env&quot;: &quot;SLACK_HOOK&quot;}, &quot;format&quot;: &quot;slack&quot;}]</source>
        <translation>„webhooks“ muss eine Liste sein, etwa [{&quot;url&quot;: {&quot;env&quot;: &quot;SLACK_HOOK&quot;}, &quot;format&quot;: &quot;slack&quot;}]</translation>
    </message>
    <message>
        <source>alert webhook %1</source>
        <translation>Alarm-Webhook %1</translation>
    </message>
    <message>
        <source>a webhook must be an object with a &quot;url&quot;</source>
        <translation>ein Webhook muss ein Objekt mit einer „url“ sein</translation>
    </message>
    <message>
        <source>&quot;url&quot; is required</source>
        <translation>„url“ ist erforderlich</translation>
    </message>
    <message>
        <source>&quot;url&quot; must be an http:// or https:// URL, or a secret reference holding one</source>
        <translation>„url“ muss eine http://- oder https://-URL sein, oder eine Secret-Referenz, die eine enthält</translation>
    </message>
    <message>
        <source>&quot;url&quot; must be an http:// or https:// URL, or a secret reference such as {&quot;env&quot;: &quot;SLACK_HOOK&quot;}</source>
        <translation>„url“ muss eine http://- oder https://-URL sein, oder eine Secret-Referenz wie {&quot;env&quot;: &quot;SLACK_HOOK&quot;}</translation>
    </message>
    <message>
        <source>&quot;format&quot; must be slack or json</source>
        <translation>„format“ muss slack oder json sein</translation>
    </message>
    <message>
        <source>alert rules for every sync, and the webhooks alerts go to</source>
        <translation>Alarmregeln für jeden Sync und die Webhooks, an die Alarme gehen</translation>
    </message>
    <message>
        <source>the rules every sync is held to (a sync&apos;s own &quot;alerts&quot; override them)</source>
        <translation>die Regeln, an denen jeder Sync gemessen wird (die eigenen „alerts“ eines Syncs haben Vorrang)</translation>
    </message>
    <message>
        <source>where fired and recovered alerts are posted</source>
        <translation>wohin ausgelöste und erholte Alarme gesendet werden</translation>
    </message>
    <message>
        <source>alert when a run fails (true by default)</source>
        <translation>Alarm, wenn ein Lauf fehlschlägt (standardmäßig true)</translation>
    </message>
    <message>
        <source>alert when a run&apos;s rejected share of records sent is above this (0.01 by default; false: off)</source>
        <translation>Alarm, wenn der abgelehnte Anteil der gesendeten Datensätze eines Laufs darüber liegt (standardmäßig 0.01; false: aus)</translation>
    </message>
    <message>
        <source>alert when the freshness lag is above this, as in &quot;1h&quot; (the default; false: off)</source>
        <translation>Alarm, wenn der Aktualitätsverzug darüber liegt, etwa „1h“ (der Standard; false: aus)</translation>
    </message>
    <message>
        <source>alert when the destination matched less than this share of records sent (0.85 by default; false: off)</source>
        <translation>Alarm, wenn das Ziel weniger als diesen Anteil der gesendeten Datensätze zugeordnet hat (standardmäßig 0.85; false: aus)</translation>
    </message>
    <message>
        <source>alert when the model&apos;s row count differs from the median of recent runs by more than this share (0.5 by default; false: off)</source>
        <translation>Alarm, wenn die Zeilenzahl des Modells um mehr als diesen Anteil vom Median der letzten Läufe abweicht (standardmäßig 0.5; false: aus)</translation>
    </message>
    <message>
        <source>alert when the model&apos;s columns changed (true by default)</source>
        <translation>Alarm, wenn sich die Spalten des Modells geändert haben (standardmäßig true)</translation>
    </message>
    <message>
        <source>where to post: an http(s) URL, or a secret reference holding one (a Slack webhook URL is a secret)</source>
        <translation>wohin gesendet wird: eine http(s)-URL oder eine Secret-Referenz, die eine enthält (eine Slack-Webhook-URL ist ein Secret)</translation>
    </message>
    <message>
        <source>slack (a Slack-compatible {&quot;text&quot;: ...}) or json (the default)</source>
        <translation>slack (ein Slack-kompatibles {&quot;text&quot;: ...}) oder json (der Standard)</translation>
    </message>
    <message>
        <source>who reads it</source>
        <translation>wer es liest</translation>
    </message>
    <message>
        <source>this sync&apos;s alert rules, over the workspace&apos;s</source>
        <translation>die Alarmregeln dieses Syncs, über denen des Workspace</translation>
    </message>
    <message>
        <source>alert rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <source>an alert webhook</source>
        <translation>ein Alarm-Webhook</translation>
    </message>
    <message>
        <source>model %1: trait %2</source>
        <translation>Modell %1: Merkmal %2</translation>
    </message>
    <message>
        <source>a trait must be an object such as {&quot;sql&quot;: &quot;ltv &gt; 1000&quot;, &quot;description&quot;: &quot;...&quot;}</source>
        <translation>ein Merkmal muss ein Objekt sein, etwa {&quot;sql&quot;: &quot;ltv &gt; 1000&quot;, &quot;description&quot;: &quot;...&quot;}</translation>
    </message>
    <message>
        <source>a trait needs a name</source>
        <translation>ein Merkmal braucht einen Namen</translation>
    </message>
    <message>
        <source>unknown type &quot;%1&quot; (known: %2)</source>
        <translation>unbekannter Typ „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>a column entry must be {&quot;description&quot;: &quot;...&quot;}</source>
        <translation>ein Spalteneintrag muss {&quot;description&quot;: &quot;...&quot;} sein</translation>
    </message>
    <message>
        <source>an audience takes &quot;%1&quot; from its model; remove it here</source>
        <translation>eine Zielgruppe übernimmt „%1“ von ihrem Modell; entfernen Sie es hier</translation>
    </message>
    <message>
        <source>&quot;audience&quot; must be an object such as {&quot;model&quot;: &quot;customers&quot;, &quot;match&quot;: &quot;all&quot;, &quot;conditions&quot;: [...]}</source>
        <translation>„audience“ muss ein Objekt sein, etwa {&quot;model&quot;: &quot;customers&quot;, &quot;match&quot;: &quot;all&quot;, &quot;conditions&quot;: [...]}</translation>
    </message>
    <message>
        <source>audience %1</source>
        <translation>Zielgruppe %1</translation>
    </message>
    <message>
        <source>the source the SQL runs in (not for an audience)</source>
        <translation>die Quelle, in der das SQL läuft (nicht für eine Zielgruppe)</translation>
    </message>
    <message>
        <source>the model&apos;s query; the warehouse computes it (not for an audience)</source>
        <translation>die Abfrage des Modells; das Warehouse berechnet sie (nicht für eine Zielgruppe)</translation>
    </message>
    <message>
        <source>the column (or columns) that identify a row; unique and never null (not for an audience)</source>
        <translation>die Spalte (oder Spalten), die eine Zeile bestimmen; eindeutig und nie leer (nicht für eine Zielgruppe)</translation>
    </message>
    <message>
        <source>named SQL expressions over the model&apos;s columns, computed by the warehouse, by name</source>
        <translation>benannte SQL-Ausdrücke über den Spalten des Modells, vom Warehouse berechnet, nach Namen</translation>
    </message>
    <message>
        <source>the model&apos;s columns described, as {&quot;email&quot;: {&quot;description&quot;: &quot;...&quot;}}</source>
        <translation>die Spalten des Modells beschrieben, etwa {&quot;email&quot;: {&quot;description&quot;: &quot;...&quot;}}</translation>
    </message>
    <message>
        <source>makes this model an audience: another model narrowed by conditions (model, match, conditions)</source>
        <translation>macht dieses Modell zur Zielgruppe: ein anderes Modell, durch Bedingungen eingegrenzt (model, match, conditions)</translation>
    </message>
    <message>
        <source>the trait&apos;s SQL expression over the model&apos;s columns, as in ltv &gt; 1000</source>
        <translation>der SQL-Ausdruck des Merkmals über den Spalten des Modells, etwa ltv &gt; 1000</translation>
    </message>
    <message>
        <source>what the trait holds</source>
        <translation>was das Merkmal enthält</translation>
    </message>
    <message>
        <source>what the trait means: its definition for everyone who uses it</source>
        <translation>was das Merkmal bedeutet: seine Definition für alle, die es nutzen</translation>
    </message>
    <message>
        <source>who answers for the definition</source>
        <translation>wer für die Definition verantwortlich ist</translation>
    </message>
    <message>
        <source>a condition on a column or trait, or a group of conditions</source>
        <translation>eine Bedingung auf einer Spalte oder einem Merkmal, oder eine Gruppe von Bedingungen</translation>
    </message>
    <message>
        <source>the model this audience narrows; its key, source and PII rules are the audience&apos;s</source>
        <translation>das Modell, das diese Zielgruppe eingrenzt; sein Schlüssel, seine Quelle und PII-Regeln gelten für die Zielgruppe</translation>
    </message>
    <message>
        <source>all: every condition holds (the default); any: at least one does</source>
        <translation>all: jede Bedingung gilt (Standard); any: mindestens eine</translation>
    </message>
    <message>
        <source>conditions on columns and traits, and groups of them</source>
        <translation>Bedingungen auf Spalten und Merkmalen, und Gruppen davon</translation>
    </message>
    <message>
        <source>SQL over a source, with the key that identifies a row; or an audience of another model</source>
        <translation>SQL über einer Quelle mit dem Schlüssel, der eine Zeile bestimmt; oder eine Zielgruppe eines anderen Modells</translation>
    </message>
    <message>
        <source>a trait</source>
        <translation>ein Merkmal</translation>
    </message>
</context>
</TS>
