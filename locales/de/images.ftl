## Befehlsoptionen.
imagine-image-description = Ein Bild als Ausgangspunkt (JPEG, PNG, BMP oder WebP; 384 bis 5000 px pro Seite, 10 MB)
imagine-image2-description = Ein zweites Bild als Ausgangspunkt

## Buttons und das Remix-Formular.
button-vary = Variante { $index }
button-remix = Remix
remix-form-title = Remix
remix-form-prompt = Prompt
remix-form-count = Bilder (1 bis 4)
remix-form-image = Ausgangsbild 1 bis { $count } (leer: keins)

## Die Beschreibung des Auftrags, wenn er von Bildern ausgeht.
job-size-from-image = aus einem Bild

## Ungültige Optionen mit einem Bild.
invalid-size-with-image = kann nicht zusammen mit einem Bild verwendet werden: Die Ergebnisse bekommen die Größe, die das Modell daraus macht.
invalid-prompt-extend-with-image = kann nicht zusammen mit einem Bild verwendet werden: Das Bildmodell erweitert keine Prompts.

## Ein abgelehntes Bild: welches, was nicht stimmt, was erlaubt ist.
input-refused =
    ❌ Bild { $position } kann nicht verwendet werden: { $problem }
    Es wurde nichts generiert und kein Kontingent verbraucht.
input-not-an-image = Es ist kein Bild, das der Bot lesen kann. Erlaubt: { $allowed }.
input-too-large = Es ist größer als 10 MB; erlaubt sind höchstens { $maximum } Byte.
input-side-out-of-range = Es hat { $width }×{ $height } Pixel; jede Seite muss { $minimum } bis { $maximum } Pixel lang sein.
input-unsupported-format = Sein Format ist { $format }. Erlaubt: { $allowed }.
input-transparent = Es hat Transparenz (einen Alphakanal), die der Bilddienst nicht annimmt. Speichere es ohne Transparenz (zum Beispiel als JPEG) und versuch es noch einmal.
input-not-from-discord = Es ist kein Upload auf Discord; nur auf Discord angehängte Bilder können verwendet werden.
input-unreachable = Es konnte nicht von Discord heruntergeladen werden. Bitte lade es noch einmal hoch.
input-feature-off = Bilder als Ausgangspunkt sind bei diesem Bot ausgeschaltet (Entscheidung des Betreibers, oder der Bilddienst erlaubt es für den Schlüssel dieses Bots nicht). Text-Prompts funktionieren weiterhin.
input-no-such-image = { $count ->
        [one] Dieses Ergebnis hat nur { $count } Bild; wähle Bild 1.
       *[other] Dieses Ergebnis hat { $count } Bilder; wähle eines davon.
    }

## Warum ein Auftrag fehlgeschlagen ist.
failure-model-denied = Der Bilddienst erlaubt diesem Bot nicht, von Bildern auszugehen (sein Schlüssel hat keinen Zugriff auf dieses Modell). Deshalb sind Bilder als Ausgangspunkt jetzt ausgeschaltet, bis der Betreiber des Bots sie wieder einschaltet.
failure-input-unavailable = Das Ausgangsbild war auf Discord nicht mehr erreichbar (sein Link ist abgelaufen und konnte nicht erneuert werden). Bitte lade es noch einmal hoch.
problem-input-unavailable = der Link eines Ausgangsbilds ist abgelaufen und Discord hat ihn nicht erneuert

## Das Audit-Log.
audit-inputs = aus { $count ->
        [one] einem Bild
       *[other] { $count } Bildern
    }: { $links }
audit-refused-input = Bild { $position }: { $problem }
