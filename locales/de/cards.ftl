## Die Buttons der Karte.
button-info = Info
button-report = Melden
button-restore = Wiederherstellen
button-block-requester = Ersteller sperren
button-add-term = Begriff sperren

## Die Details der Karte unter dem Prompt.
card-details = { $model } · angefordert von { $requester }
card-hidden = ⚠️ Dieses Ergebnis wurde gemeldet und ist ausgeblendet, bis ein Moderator es prüft.
card-spoiler = Die Bilder in diesem Kanal werden als Spoiler angezeigt: Klicke darauf, um sie zu sehen.

## Info (privat).
info-title = ℹ️ Infos zu Auftrag `{ $job_id }`
info-request = An die API gesendet: Modell `{ $model }`, Größe `{ $size }`, n { $n }, prompt_extend { $extend }
info-prompt = Prompt: { $prompt }
info-actual-prompt-none = Der Dienst hat keinen umgeschriebenen Prompt gemeldet.
info-task = Task-ID: `{ $task_id }`
info-task-none = Task-ID: keine (der Auftrag wurde nicht gesendet)
info-credits = Credits: { $reserved } reserviert, { $charged } berechnet
info-times = Zeit in der Warteschlange: { $queued } · Generierungszeit: { $generated }
info-seconds = { $seconds } s
info-time-unknown = unbekannt

## Melden.
report-done = 🚩 Danke: Das Ergebnis ist ausgeblendet, und die Moderatoren wurden gebeten, es zu prüfen.
report-already = Du hast dieses Ergebnis bereits gemeldet.
report-under-review = Dieses Ergebnis wurde gemeldet und wartet auf einen Moderator: Bis dahin gibt es keine neuen Bilder daraus.
report-unreachable = Die Moderatoren waren nicht erreichbar, deshalb wurde das Ergebnis nicht ausgeblendet: Bitte versuch es später noch einmal.
report-no-audit-owner = 🚩 Danke: Das Ergebnis ist ausgeblendet, und der Servereigentümer wurde benachrichtigt.
report-review =
    🚩 **Gemeldetes Ergebnis** · Auftrag `{ $job_id }`
    Angefordert von { $requester } in { $channel }, gemeldet von { $reporter }.
    Prompt: { $prompt }
    { $link }
report-owner-notice =
    🚩 Ein Ergebnis auf deinem Server **{ $guild }** wurde von einem Mitglied gemeldet und ist ausgeblendet: { $link }
    Moderatoren (Nachrichten verwalten) können es mit seinem Button „{ button-delete }“ entfernen. Lege mit `/{ name-imagine-admin } { name-imagine-admin-audit }` einen Audit-Kanal fest, damit Meldungen deine Moderatoren erreichen, mit Buttons zum Prüfen.
review-restored = ✅ Wiederhergestellt von { $moderator }.
review-deleted = 🗑️ Gelöscht von { $moderator }.
review-blocked = ⛔ { $moderator } hat den Ersteller gesperrt.
review-term-added = 🔤 { $moderator } hat einen Begriff gesperrt.
review-done = Erledigt.
review-term-form-title = Gesperrten Begriff hinzufügen
review-term-form-term = Begriff (ein Wort oder eine Wortgruppe)
review-outcome-restored = Das Ergebnis, das du auf **{ $guild }** gemeldet hast, wurde geprüft: Ein Moderator hat es wiederhergestellt.
review-outcome-deleted = Das Ergebnis, das du auf **{ $guild }** gemeldet hast, wurde geprüft: Ein Moderator hat es gelöscht.
review-result-gone = Die Nachricht mit dem Ergebnis existiert nicht mehr.
audit-reported = 🚩 { $user } hat das Ergebnis von { $job } gemeldet
audit-review-action = 🛡️ { $user }: { $action } · { $job }

## /history.
history-description = Deine letzten Ergebnisse auf diesem Server, mit Links dorthin (nur du siehst das)
history-page-description = Welche Seite (neueste zuerst)
history-title = 🖼️ Ergebnisse von { $member }, Seite { $page } von { $pages }:
history-line = { $when } · { $prompt } · { $count } · [öffnen]({ $link })
history-empty = Noch keine Ergebnisse.
admin-history-description = Die letzten Ergebnisse eines Mitglieds, mit Links dorthin
admin-history-member-description = Das Mitglied, dessen Ergebnisse angezeigt werden sollen

## Die Spoiler-Einstellung.
admin-channels-spoiler-description = Jedes Ergebnis in einem Kanal als Spoiler zeigen (für junge Mitglieder)
change-spoiler-on = Ergebnisse in { $channel } werden als Spoiler angezeigt
change-spoiler-off = Ergebnisse in { $channel } werden ohne Spoiler angezeigt
