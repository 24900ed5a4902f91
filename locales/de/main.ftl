## Befehle: Beschreibungen von Befehlen, Gruppen und Optionen sowie die Namen der Auswahlmöglichkeiten.
imagine-description = Erzeuge Bilder aus einem Text-Prompt
imagine-prompt-description = Was gezeichnet werden soll (1 bis 2000 Zeichen)
imagine-size-description = BxH wie 1280x1280 oder eine Vorgabe wählen; leer lassen für die Standardgröße
imagine-n-description = Wie viele Bilder, 1 bis 4
imagine-prompt-extend-description = Kurze Prompts vom Dienst ausbauen lassen (Standard: an)
usage-description = Deine Bilder heute, deine Limits und deine letzten Aufträge
admin-description = Einstellungen des Bild-Bots auf diesem Server
admin-channels-description = Wo /{ name-imagine } funktioniert, Freigabe und Sichtbarkeit
admin-roles-description = Wer /{ name-imagine } nutzen darf, ausgenommene Rollen, Limits pro Rolle
admin-quota-description = Limits dieses Servers und Sonderregeln für Mitglieder
admin-terms-description = Wörter und Muster, die Prompts nicht enthalten dürfen
admin-show-description = Alle Einstellungen dieses Servers auf einen Blick
admin-audit-description = Wohin das Audit-Log geht (leer lassen, um es auszuschalten)
admin-audit-channel-description = Der Kanal für das Audit-Log
admin-forget-description = Gespeicherte Aufträge und Nutzung eines Mitglieds hier löschen, auf Wunsch
admin-forget-user-description = Das Mitglied, dessen Daten gelöscht werden sollen
admin-channels-mode-description = Überall, nur in gelisteten Kanälen oder überall außer in gelisteten
admin-channels-add-description = Einen Kanal (samt Threads) auf die Zulassungs- oder Sperrliste setzen
admin-channels-remove-description = Einen Kanal von der Zulassungs- oder Sperrliste nehmen
admin-channels-approval-description = Prompts erst nach Freigabe durch einen Moderator senden
admin-channels-visibility-description = Ergebnisse für alle oder nur für die Person, die sie angefordert hat
admin-roles-allow-description = Einer Rolle /{ name-imagine } erlauben (sind Rollen gelistet, dürfen nur diese es nutzen)
admin-roles-disallow-description = Eine Rolle von den erlaubten Rollen entfernen
admin-roles-exempt-description = Eine Rolle von den Limits pro Mitglied ausnehmen (die des Betreibers gelten weiter)
admin-roles-limits-description = Eigene Limits einer Rolle (Mitglieder bekommen die ihrer großzügigsten Rolle)
admin-roles-limits-clear-description = Stattdessen die Limits der Rolle entfernen
admin-quota-server-description = Limits dieses Servers (leere Optionen behalten ihren Wert)
admin-quota-server-reset-description = Alle Limits auf die Standardwerte des Bots zurücksetzen
admin-quota-member-description = Einem Mitglied Bonusbilder pro Tag geben oder es sperren
admin-quota-member-clear-description = Stattdessen die Sonderregel des Mitglieds entfernen
admin-terms-add-description = Prompts mit einem Wort (oder, mit { name-imagine-admin-terms-add-regex }, einem Muster) ablehnen
admin-terms-remove-description = Ein Wort oder Muster nicht mehr ablehnen
admin-terms-list-description = Die gesperrten Wörter und Muster
choice-mode-everywhere = überall
choice-mode-allow-list = Zulassungsliste
choice-mode-deny-list = Sperrliste
choice-results-public = öffentlich
choice-results-ephemeral = privat

## Buttons und das Formular zum Ablehnen.
button-reroll = Neu würfeln
button-delete = Löschen
button-cancel = Abbrechen
button-approve = Freigeben
button-reject = Ablehnen
button-try-again = Erneut versuchen
button-generate-again = Nochmal generieren
button-show = Anzeigen
reject-form-title = Diesen Prompt ablehnen
reject-form-reason = Grund (wird dem Ersteller angezeigt)

## Ablehnungen und Fehler, privat beantwortet.
shutting-down = ⏸️ Der Bot startet gerade neu und nimmt keine neuen Anfragen an. Bitte versuch es in einer Minute noch einmal.
dms-disabled = 🚫 In Direktnachrichten kannst du keine Bilder generieren; nutze `/{ name-imagine }` auf einem Server.
guild-only = 🚫 Dieser Befehl funktioniert nur auf einem Server.
not-allowed = 🚫 Das darfst du hier nicht nutzen.
not-an-admin = Nur Mitglieder mit der Berechtigung „Server verwalten“ können die Einstellungen des Bots ändern.
not-a-moderator = Nur Mitglieder, die Nachrichten verwalten können, dürfen Prompts freigeben oder ablehnen.
cancel-not-yours = Nur das Mitglied, das diese Bilder angefordert hat, kann sie abbrechen.
show-not-yours = Diese Bilder sind privat: Nur das Mitglied, das sie angefordert hat, kann sie sehen.
delete-refused = Nur das Mitglied, das diese Bilder angefordert hat, oder Mitglieder, die Nachrichten verwalten können, dürfen sie löschen.
unknown-job = Diesen Auftrag kennt der Bot nicht mehr (sein Eintrag wurde entfernt).
invalid-option =
    ❌ Die Option **{ $option }** { $problem }
    Es wurde nichts generiert und kein Kontingent verbraucht.
option-not-understood =
    ❌ Eine Option wurde nicht verstanden.
    Es wurde nichts generiert und kein Kontingent verbraucht.

## Was mit einer Option nicht stimmt ({problem} von „invalid-option“), und die angebotenen Größenvorgaben.
invalid-prompt-empty = ist leer; beschreibe das Bild, das du möchtest (1 bis { $maximum } Zeichen).
invalid-prompt-too-long = hat { $length } Zeichen; erlaubt sind höchstens { $maximum }. Kürze den Prompt und versuch es noch einmal.
invalid-prompt-control-character = enthält ein Steuerzeichen ({ $character }): Ein Prompt ist eine einzige Textzeile, ohne Zeilenumbrüche, Tabs oder unsichtbare Zeichen. Entferne es und versuch es noch einmal.
invalid-count = muss zwischen { $minimum } und { $maximum } liegen, nicht bei { $count }.
invalid-size-not-a-size = enthält `{ $typed }`, und das ist keine Größe; { $rules }.
invalid-size-zero-side = enthält `{ $size }` mit einer Seitenlänge von null; { $rules }.
invalid-size-pixels = enthält `{ $size }`, das ergibt { $pixels } Pixel, außerhalb von { $minimum } bis { $maximum }; { $rules }.
invalid-size-aspect = enthält `{ $size }`, das ist zu schmal oder zu breit; { $rules }.
size-rules = gib BxH an, z. B. 1280x1280: Breite×Höhe insgesamt zwischen { $minimum }×{ $minimum } und { $maximum }×{ $maximum } Pixeln, Seitenverhältnis zwischen 1:{ $aspect } und { $aspect }:1, oder eine Vorgabe: { $presets }
size-value = { $width }x{ $height }
size-preset-choice = { $name } { $ratio } ({ $size })
size-preset-square = Quadrat
size-preset-portrait = Hochformat
size-preset-landscape = Querformat
size-preset-wide = Breitbild
size-preset-tall = Hochkant
error-unexpected = Im Bot ist etwas schiefgelaufen. Bitte versuch es noch einmal.
error-unexpected-imagine = Im Bot ist etwas schiefgelaufen; es wurde nichts generiert und kein Kontingent verbraucht. Bitte versuch es noch einmal.
error-unexpected-admin = Beim Ändern der Einstellungen ist etwas schiefgelaufen; es wurde nichts geändert.

## Kontingente.
quota-blocked = 🚫 Du darfst hier keine Bilder generieren; ein Server-Admin hat das für dich gesperrt.
quota-cooldown = ⏳ Nicht so schnell: Du kannst { $again } wieder Bilder anfordern. Es wurde nichts berechnet.
quota-active-jobs = 🚦 Du hast hier schon { $used ->
        [one] { $used } Auftrag
       *[other] { $used } Aufträge
    } in der Warteschlange oder in Arbeit; gleichzeitig erlaubt sind höchstens { $limit }. Warte, bis einer fertig ist, oder brich einen ab. Es wurde nichts berechnet.
quota-guild-daily = 🚫 Das Tageslimit dieses Servers ist erreicht. Rest heute: { $remaining } von { $limit ->
        [one] { $limit } Bild
       *[other] { $limit } Bildern
    }; du hast { $requested } angefordert. Das Limit wird { $reset } zurückgesetzt. Es wurde nichts berechnet.
quota-user-daily = 🚫 Tageslimit erreicht: Du hast { $requested ->
        [one] { $requested } Bild
       *[other] { $requested } Bilder
    } angefordert, hast heute aber nur noch { $remaining } von { $limit } übrig. Dein Kontingent wird { $reset } zurückgesetzt. Es wurde nichts berechnet.

## Die Regeln des Servers (ohne den gesperrten Begriff zu nennen, der getroffen hat).
policy-channel-allow-list = 🚫 `/{ name-imagine }` funktioniert in diesem Kanal nicht. Hier funktioniert es in: { $channels }.
policy-channel-deny-list = 🚫 `/{ name-imagine }` funktioniert hier in jedem Kanal außer: { $channels }. Versuch es in einem anderen Kanal.
policy-channel = 🚫 `/{ name-imagine }` funktioniert in diesem Kanal nicht. Frag einen Server-Admin, wo es funktioniert.
policy-role = 🚫 Auf diesem Server dürfen nur Mitglieder mit bestimmten Rollen `/{ name-imagine }` nutzen. Frag einen Server-Admin.
policy-term = 🚫 Dieser Prompt enthält Wörter, die dieser Server nicht erlaubt. Formuliere ihn um und versuch es noch einmal; es wurde nichts generiert oder angerechnet.

## Die Nachricht eines Auftrags: Beschreibung, Fortschritt, Ergebnis und Ende.
job-description =
    {"*"}*{ $prompt }**
    `{ $size }` · { $count } · { $job_id }
job-id = Auftrag `{ $job_id }`
job-size-default = Standardgröße
job-images = { $count ->
        [one] { $count } Bild
       *[other] { $count } Bilder
    }
progress-awaiting-approval = 🕒 Wartet auf die Freigabe durch einen Moderator; vorher wird nichts generiert. Bis dahin sind die Bilder in deinem Tageskontingent reserviert; wird die Anfrage abgelehnt, bekommst du sie zurück.
progress-queued-position = ⏳ In der Warteschlange: Platz { $position } beim Bilddienst…
progress-queued = ⏳ In der Warteschlange, wartet auf einen freien Platz beim Bilddienst…
progress-submitting = 📨 Sende den Prompt an den Bilddienst…
progress-uploading = 📤 Fertig! Lade die Bilder hoch…
progress-generating = 🎨 Generiere… { $percent } %
progress-generating-eta = 🎨 Generiere… { $percent } %, noch etwa { $seconds } s
progress-generating-almost-done = 🎨 Generiere… { $percent } %, fast fertig
result = 🖼️ { $job }
result-shortfall = Der Dienst hat nur { $delivered } von { $requested ->
        [one] { $requested } angeforderten Bild
       *[other] { $requested } angeforderten Bildern
    } erzeugt; nur diese zählen für dein Tageskontingent.
result-not-fetched = Von den { $requested ->
        [one] { $requested } angeforderten Bild
       *[other] { $requested } angeforderten Bildern
    } { $delivered ->
        [one] ist nur { $delivered } angekommen
       *[other] sind nur { $delivered } angekommen
    }: { $missing ->
        [one] { $missing } Bild konnte
       *[other] { $missing } Bilder konnten
    } nicht vom Dienst abgerufen werden. Für dein Tageskontingent zählen nur die angezeigten ({ $delivered }).
job-failed =
    ❌ { $job }
    { $advice }
    Es wurden keine Bilder auf dein Kontingent angerechnet.
job-failed-maybe-charged =
    ❌ { $job }
    { $advice }
    Der Bilddienst hat diese Aufgabe vielleicht trotzdem ausgeführt; falls ja, wurde sie berechnet. Deshalb { $charged ->
        [one] zählt { $charged } Bild
       *[other] zählen { $charged } Bilder
    } für dein Tageskontingent, obwohl keines zugestellt werden konnte.
job-cancelled =
    🛑 { $job }
    Abgebrochen. Es wurden keine Bilder auf dein Kontingent angerechnet.
job-cancelled-charged =
    🛑 { $job }
    Abgebrochen. Der Dienst hatte schon { $charged ->
        [one] { $charged } Bild erzeugt, das auf dein Kontingent angerechnet wird
       *[other] { $charged } Bilder erzeugt, die auf dein Kontingent angerechnet werden
    }.
job-rejected =
    🚫 { $job }
    Ein Moderator hat diese Anfrage abgelehnt: { $reason }
    Es wurde nichts angerechnet.
job-rejected-no-reason = kein Grund angegeben
job-not-decided =
    🚫 { $job }
    Diese Anfrage endete ohne Entscheidung eines Moderators: { $reason }
    Es wurde nichts angerechnet.
job-expired =
    ⌛ { $job }
    { $advice }
    Es wurden keine Bilder auf dein Kontingent angerechnet.
failure-detail-unknown = unbekanntes Problem
failure-content-policy = Der Bilddienst hat diesen Prompt wegen seiner Inhaltsrichtlinien abgelehnt. Formuliere ihn um (lass alles Explizite, Gewalttätige oder Bezüge auf reale Personen weg) und versuch es noch einmal.
failure-invalid-input = Der Bilddienst hat diese Optionen abgelehnt. Ändere den Prompt oder die Größe und versuch es noch einmal.
failure-service-failed = Der Bilddienst konnte dieses Bild nicht generieren. Bitte versuch es gleich noch einmal.
failure-service-unavailable = Der Bilddienst des Bots ist gerade nicht verfügbar; der Betreiber des Bots wurde benachrichtigt. Bitte versuch es später noch einmal.
failure-outcome-unknown = Der Bilddienst hat nie bestätigt, ob er diese Anfrage angenommen hat, auch nicht auf Nachfrage. Bitte versuch es später noch einmal.
failure-api-unreachable = Der Bilddienst war nicht erreichbar. Bitte versuch es in ein paar Minuten noch einmal.
failure-timed-out = Der Bilddienst hat zu lange gebraucht, deshalb wurde der Auftrag abgebrochen. Bitte versuch es später noch einmal.
failure-no-images = Der Bilddienst ist fertig geworden, ohne ein Bild zu erzeugen. Bitte versuch es noch einmal.
failure-bad-image = Der Bilddienst hat eine Datei geliefert, die nicht verwendet werden konnte ({ $detail }). Bitte versuch es noch einmal.
failure-delivery-failed = Die Bilder wurden generiert, konnten hier aber nicht gepostet werden. Bitte einen Admin, dem Bot in diesem Kanal das Senden von Nachrichten und das Anhängen von Dateien zu erlauben.
failure-results-expired = Die Bilder sind abgelaufen (ihre Links gelten 24 Stunden), bevor sie zugestellt werden konnten. Bitte generiere sie noch einmal.
failure-internal = Im Bot ist etwas schiefgelaufen. Bitte versuch es noch einmal.
failure-rejected = Ein Moderator hat diese Anfrage abgelehnt ({ $detail }).

## Warum ein Auftrag fehlgeschlagen ist, im Detail (in „failure-bad-image“, einer Ablehnung und im Audit-Log).
image-not-http = der Link ist keine http(s)-URL
image-not-https = der Link ist einfaches http, nicht https
image-unresolvable = { $host } lässt sich nicht auflösen
image-private-address = der Link zeigt auf eine private oder lokale Netzwerkadresse
image-http-status = der Link antwortete mit HTTP { $status }
image-timed-out = Zeitüberschreitung beim Download
image-download-failed = der Download ist fehlgeschlagen ({ $error })
image-too-many-redirects = zu viele Weiterleitungen
image-too-large = die Datei ist größer als { $maximum } Byte
image-unsupported-format = nicht unterstütztes Bildformat { $format }
image-too-large-to-decode = das Bild ist zu groß, um es sicher zu dekodieren
image-dimensions-too-large = das Bild hat { $width }x{ $height } Pixel, weit mehr, als der Dienst erzeugt
image-unreadable = die Datei ist kein lesbares Bild
image-corrupt = das Bild ist abgeschnitten oder beschädigt
image-cannot-fit = das Bild lässt sich nicht unter { $limit } Byte bringen
delivery-result-refused = Discord hat das Ergebnis abgelehnt ({ $status } { $code })
delivery-private-response-expired = die private Antwort ist abgelaufen, bevor die Bilder fertig waren
delivery-channel-refused = der Kanal hat die Nachricht abgelehnt ({ $status } { $code })
problem-api-status = der Bilddienst antwortete mit HTTP { $status }
problem-api-answer-unreadable = die Antwort des Bilddiensts war nicht lesbar
problem-api-unreachable = der Bilddienst war nicht erreichbar
problem-create-outcome-unknown = der Bilddienst hat { $attempts ->
        [one] { $attempts } Anfrage
       *[other] { $attempts } Anfragen
    } nicht beantwortet
problem-task-failed = der Bilddienst meldete die Aufgabe als fehlgeschlagen
problem-task-timed-out = die Aufgabe wurde nicht innerhalb von { $seconds } s fertig
problem-results-expired = Links abgelaufen
problem-approval-timed-out = kein Moderator hat innerhalb von { $hours ->
        [one] { $hours } Stunde
       *[other] { $hours } Stunden
    } geantwortet
problem-approval-not-posted = der Bot konnte die Anfrage nicht für die Moderatoren im Audit-Kanal posten
problem-internal = unerwarteter Fehler ({ $error })

## Antworten der Buttons.
cancel-cancelled = 🛑 Vor dem Senden abgebrochen; es wurde nichts generiert und dein Kontingent wurde zurückgegeben.
cancel-discard-on-arrival = 🛑 Der Bilddienst arbeitet schon daran, das lässt sich nicht mehr stoppen. Die Bilder werden bei Ankunft verworfen; der Dienst berechnet sie trotzdem, daher zählen sie für dein Kontingent.
cancel-too-late = Zu spät zum Abbrechen: Die Bilder werden schon gepostet.
cancel-already-ended = Dieser Auftrag ist bereits beendet.
deleted = 🗑️ Gelöscht.

## Private Ergebnisse, deren Interaktion abgelaufen ist, bevor sie fertig waren.
private-result-ready = 🖼️ Deine Bilder sind fertig — { $job }. Nur du kannst sie sehen: Klicke auf **{ button-show }** (bis { $until }). Sie wurden erzeugt und berechnet, daher { $count ->
        [one] wird { $count } Bild
       *[other] werden { $count } Bilder
    } auf dein Tageskontingent angerechnet, egal ob du sie öffnest oder nicht.
private-result-expired =
    ⌛ { $job }
    Der Dienst bewahrt Bilder 24 Stunden lang auf, und diese sind abgelaufen; sie können nicht mehr angezeigt werden. Sie wurden erzeugt und zählen deshalb trotzdem für dein Kontingent.
private-result-unavailable = Dieser Auftrag hat keine Bilder zum Anzeigen.
private-result-on-its-way = Deine Bilder sind schon unterwegs: Sie erscheinen gleich hier.
private-undeliverable =
    ❌ Ergebnisse sind in diesem Kanal privat, und der Bot darf hier nicht posten. Deshalb konnte er dir deine Bilder nicht mehr bringen, nachdem Discords 15 Minuten für diese Antwort abgelaufen waren. Bitte einen Admin, dem Bot das Senden von Nachrichten in diesem Kanal zu erlauben.
    Es wurde nichts generiert und kein Kontingent verbraucht.
approval-approved = ✅ freigegeben von { $moderator }
approval-rejected = ⛔ abgelehnt von { $moderator }
approval-rejected-reason = ⛔ abgelehnt von { $moderator }: { $reason }
approval-no-longer-waits = Diese Anfrage wartet nicht mehr auf eine Entscheidung.
approval-already-approved = Ein anderer Moderator war schneller: { $moderator } hat diese Anfrage bereits freigegeben.
approval-already-rejected = Ein anderer Moderator war schneller: { $moderator } hat diese Anfrage bereits abgelehnt.

## Ergebnisse (in /usage und im Audit-Log).
outcome-delivered = 🖼️ zugestellt
outcome-failed = ❌ fehlgeschlagen
outcome-cancelled = 🛑 abgebrochen
outcome-expired = ⌛ abgelaufen
outcome-rejected = 🚫 abgelehnt

## /usage.
usage-title-guild = **Deine Nutzung auf diesem Server**
usage-title-dm = **Deine Nutzung in Direktnachrichten**
usage-blocked = 🚫 Ein Admin hat dich hier für das Generieren von Bildern gesperrt.
usage-images-today = 🖼️ Bilder heute: **{ $used }** von { $limit } genutzt, **{ $left }** übrig
usage-active-jobs = 🚦 Aufträge gleichzeitig in der Warteschlange oder in Arbeit: { $limit }
usage-active-jobs-cooldown = 🚦 Aufträge gleichzeitig in der Warteschlange oder in Arbeit: { $limit }, { $seconds } s zwischen Anfragen
usage-exempt = { $limits } (deine Rolle ist von den eigenen Limits pro Mitglied dieses Servers ausgenommen)
usage-guild-today = 🏠 Dieser Server heute: { $used } von { $limit ->
        [one] { $limit } Bild
       *[other] { $limit } Bildern
    }
usage-resets = 🔄 Die Tageslimits werden { $when } zurückgesetzt
usage-active-title = **Laufend und in der Warteschlange**
usage-recent-title = **Letzte Aufträge**
usage-no-recent = Noch keine abgeschlossenen Aufträge.
usage-job = `{ $job_id }` { $state } · { $when } · { $prompt }
usage-job-delivered = { $outcome } ({ $count ->
        [one] { $count } Bild
       *[other] { $count } Bilder
    })
usage-job-queued = ⏳ in der Warteschlange, Platz { $position }
usage-job-running = 🎨 { $state }
job-state-awaiting-approval = wartet auf Freigabe
job-state-queued = in der Warteschlange
job-state-submitting = wird gesendet
job-state-submitted = wird generiert
job-state-completed = wird hochgeladen
unlimited = unbegrenzt

## Das Audit-Log.
audit-job =
    Auftrag `{ $job_id }` · { $user } in { $channel } · `{ $size }` · { name-imagine-n }={ $count }
    > { $prompt }
audit-job-no-extend =
    Auftrag `{ $job_id }` · { $user } in { $channel } · `{ $size }` · { name-imagine-n }={ $count } · { name-imagine-prompt-extend } aus
    > { $prompt }
audit-ended = { $outcome } · { $job }
audit-ended-reason = Grund: { $reason } ({ $detail })
failure-reason-content-policy = Inhaltsrichtlinie
failure-reason-invalid-input = Optionen abgelehnt
failure-reason-service-failed = Dienst fehlgeschlagen
failure-reason-outcome-unknown = Ergebnis unbekannt
failure-reason-service-unavailable = Dienst nicht verfügbar
failure-reason-api-unreachable = Dienst nicht erreichbar
failure-reason-timed-out = Zeitüberschreitung
failure-reason-no-images = keine Bilder
failure-reason-bad-image = unbrauchbares Bild
failure-reason-delivery-failed = Zustellung fehlgeschlagen
failure-reason-results-expired = Ergebnisse abgelaufen
failure-reason-rejected = abgelehnt
failure-reason-model-denied = Bildmodell nicht erlaubt
failure-reason-input-unavailable = Ausgangsbild nicht verfügbar
failure-reason-internal = interner Fehler
audit-ended-charged = vor dem Abbruch erzeugt und angerechnet: { $charged ->
        [one] { $charged } Bild
       *[other] { $charged } Bilder
    }
audit-delivered =
    🖼️ zugestellt · { $job }
    { $count ->
        [one] { $count } Bild
       *[other] { $count } Bilder
    } { $where }
audit-delivered-privately = privat an den Ersteller
audit-approval-request = 🕒 **Freigabe nötig** · { $job }
audit-approval-hint = Mitglieder, die Nachrichten verwalten können, dürfen sie freigeben oder ablehnen.
audit-refused =
    ⛔ abgelehnt · { $user } in { $channel } · { $why }
    > { $prompt }
audit-refused-channel = Kanal
audit-refused-role = Rolle
audit-refused-any-term = Begriff
audit-refused-term = gesperrter Begriff `{ $term }`
audit-refused-pattern = gesperrtes Muster `{ $term }`
audit-refused-quota = Kontingent: { $kind }
limit-kind-blocked = Mitglied gesperrt
limit-kind-cooldown = Wartezeit
limit-kind-active-jobs = gleichzeitige Aufträge
limit-kind-user-daily = Bilder eines Mitglieds pro Tag
limit-kind-guild-daily = Bilder des Servers pro Tag
limit-kind-person-daily = Bilder einer Person pro Tag über alle Server
limit-kind-bot-daily = Bilder des Bots pro Tag
limit-kind-credits-daily = Credits des Bots pro Tag
limit-kind-credits-monthly = Credits des Bots pro Monat
limit-kind-guild-credits = Credits des Servers pro Monat
audit-refused-private-undeliverable = private Ergebnisse, aber der Bot darf im Kanal nicht posten
audit-deleted = 🗑️ Ergebnis gelöscht von { $user } · { $job }
audit-setting-changed = ⚙️ { $user }: { $change }
audit-dropped = ⚠️ Hier { $count ->
        [one] fehlt { $count } Audit-Eintrag
       *[other] fehlen { $count } Audit-Einträge
    }: Dieser Kanal war zu ausgelastet, um sie rechtzeitig zu posten

## /imagine-admin: Antworten und die Änderungen (werden auch ins Audit-Log geschrieben).
admin-done = ✅ { $change }
admin-not-changed = ❌ Nicht geändert: { $problem }.
admin-bot-lacks = Dem Bot fehlen in { $channel } Berechtigungen ({ $permissions })
permission-view-channel = Kanal ansehen
permission-send-messages = Nachrichten senden
permission-attach-files = Dateien anhängen
admin-approval-needs-audit = ❌ Nicht geändert: Freigabeanfragen warten im Audit-Kanal; lege zuerst einen mit `/{ name-imagine-admin } { name-imagine-admin-audit }` fest.
admin-nothing-to-change = Nichts zu ändern: Gib mindestens ein Limit an.
admin-beyond-operator = { $limit } darf hier höchstens { $ceiling } sein, so hat es der Betreiber des Bots festgelegt (ein Server darf seine Limits strenger machen, nie lockerer)
admin-cooldown-below-operator = `{ name-imagine-admin-quota-server-cooldown-seconds }` darf hier nicht kleiner als { $ceiling } sein, so hat der Betreiber des Bots die Wartezeit festgelegt (ein Server darf seine Limits strenger machen, nie lockerer)
limit-option-daily-images = `{ name-imagine-admin-quota-server-daily-images }` (Bilder pro Mitglied pro Tag)
limit-option-max-active-jobs = `{ name-imagine-admin-quota-server-max-active-jobs }` (gleichzeitige Aufträge pro Mitglied)
limit-option-server-daily-images = `{ name-imagine-admin-quota-server-server-daily-images }` (Bilder pro Server pro Tag)
limit-option-bonus-images = `{ name-imagine-admin-quota-member-bonus-images }` (zusätzliche Bilder eines Mitglieds pro Tag)
admin-term-not-added = ❌ Nicht hinzugefügt: { $problem }.
term-no-letters = Ein gesperrter Begriff braucht mindestens einen Buchstaben oder eine Ziffer
term-too-long = Ein Begriff darf höchstens { $maximum } Zeichen haben
term-pattern-too-long = Ein Muster darf höchstens { $maximum } Zeichen haben
term-pattern-does-not-compile = Das Muster lässt sich nicht kompilieren: { $detail }
term-too-many = Ein Server darf höchstens { $maximum ->
        [one] { $maximum } Begriff
       *[other] { $maximum } Begriffe
    } sperren
term-control-character = Ein Begriff darf keine Steuerzeichen wie Zeilenumbrüche, Tabs oder NUL enthalten (gefunden: { $character })
admin-term-already-blocked = Dieser Begriff ist bereits gesperrt.
admin-pattern-already-blocked = Dieses Muster ist bereits gesperrt.
admin-term-not-blocked = Das ist hier kein gesperrter Begriff.
admin-no-terms = Hier sind keine Begriffe gesperrt.
admin-terms-list =
    {"*"}*Hier gesperrt:**
    { $terms }
change-audit-set = Audit-Log auf { $channel } gesetzt
change-audit-off = Audit-Log ausgeschaltet
change-forgot = { $count ->
        [one] { $count } gespeicherten Auftrag
       *[other] { $count } gespeicherte Aufträge
    } und die Nutzung von { $user } gelöscht
change-channel-mode = Bereich für /{ name-imagine } festgelegt: { $mode }
change-channel-listed = { $channel } zur Liste hinzugefügt
change-channel-unlisted = { $channel } von der Liste entfernt
change-approval-required = Freigabepflicht in { $channel } eingeschaltet
change-approval-not-required = Freigabepflicht in { $channel } ausgeschaltet
change-visibility = Ergebnisse in { $channel } jetzt { $results }
change-role-allowed = { $role } für /{ name-imagine } zugelassen
change-role-disallowed = { $role } von den erlaubten Rollen entfernt
change-role-exempt = { $role } von den Limits pro Mitglied dieses Servers ausgenommen (die des Bot-Betreibers gelten weiter)
change-role-not-exempt = Ausnahme für { $role } aufgehoben (die Limits gelten wieder)
change-role-limits = { $limits } für { $role } festgelegt
change-role-limits-cleared = Limits von { $role } entfernt
change-server-reset = Limits dieses Servers auf die Standardwerte des Bots zurückgesetzt
change-server-limits = Für diesen Server festgelegt: { $changes }
change-member-cleared = Sonderregel von { $member } entfernt
change-member-blocked = { $member } für das Generieren von Bildern gesperrt
change-member-bonus = { $member } bekommt { $count ->
        [one] { $count } Bonusbild
       *[other] { $count } Bonusbilder
    } pro Tag
change-term-blocked = Begriff `{ $term }` gesperrt
change-pattern-blocked = Muster `{ $term }` gesperrt
change-term-unblocked = `{ $term }` entsperrt

## /imagine-admin show.
show-title = Einstellungen des Bild-Bots
show-where = Wo /{ name-imagine } funktioniert
show-mode-everywhere = in jedem Kanal
show-mode-allow-list = nur in den gelisteten Kanälen und ihren Threads
show-mode-deny-list = überall außer in den gelisteten Kanälen und ihren Threads
show-approval = Freigabe nötig in
show-private = Private Ergebnisse in
show-audit = Audit-Log
show-audit-off = aus
show-allowed-roles = Rollen, die /{ name-imagine } nutzen dürfen
show-allowed-roles-everyone = alle
show-exempt-roles = Ausgenommene Rollen
show-limits = Limits
show-limits-value =
    Bilder pro Mitglied pro Tag: { $daily }
    Aufträge gleichzeitig pro Mitglied: { $active }
    Wartezeit: { $cooldown }
    Bilder pro Tag für den Server: { $server }
show-default = { $value } (Standard)
show-seconds = { $seconds } s
show-role-limits = Limits pro Rolle
show-member-overrides = Sonderregeln für Mitglieder
show-member-blocked = gesperrt
show-member-bonus = +{ $count ->
        [one] { $count } Bild/Tag
       *[other] { $count } Bilder/Tag
    }
show-terms = Gesperrte Begriffe ({ $count })
show-no-channel = kein Kanal
show-none = keine
term = `{ $term }`
term-pattern = `{ $term }` (Muster)
limits-daily = { $count }/Tag
limits-at-once = { $count } gleichzeitig
limits-cooldown = { $seconds } s Wartezeit
limits-none = keine Limits festgelegt
admin-language-description = Die Sprache der öffentlichen Nachrichten dieses Servers: Ergebnisse, Freigaben, Audit-Log
admin-language-language-description = Eine Sprache oder die Discord-Einstellung des Servers
choice-language-discord = Discord-Einstellung des Servers
change-language = Sprache der öffentlichen Nachrichten auf { $language } gesetzt
change-language-discord = Sprache der öffentlichen Nachrichten folgt wieder der Discord-Einstellung des Servers (jetzt { $language })
show-language = Öffentliche Nachrichten
show-language-chosen = { $language }
show-language-discord = { $language } (Discord-Einstellung)
