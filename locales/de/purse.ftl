quota-person-daily = 🚫 Dein Tageslimit über alle Server hinweg ist erreicht: Du hast { $requested ->
        [one] { $requested } Bild
       *[other] { $requested } Bilder
    } angefordert, hast heute aber nur noch { $remaining } von { $limit } übrig, egal wo du diesen Bot nutzt. Das Limit wird { $reset } zurückgesetzt. Es wurde nichts berechnet.
quota-bot-daily = 🚫 Das Tageslimit des Bots, das sich alle Server teilen, ist erreicht. Rest heute: { $remaining } von { $limit ->
        [one] { $limit } Bild
       *[other] { $limit } Bildern
    }; du hast { $requested } angefordert. Das Limit wird { $reset } zurückgesetzt. Es wurde nichts berechnet.
quota-credits-daily = 🚫 Das Tagesbudget des Bots ist aufgebraucht. Rest heute: { $remaining } von { $limit ->
        [one] { $limit } Credit
       *[other] { $limit } Credits
    }; diese Anfrage braucht { $cost }. Das Budget wird { $reset } zurückgesetzt. Es wurde nichts berechnet.
quota-credits-monthly = 🚫 Das Monatsbudget des Bots ist aufgebraucht. Rest in diesem Monat: { $remaining } von { $limit ->
        [one] { $limit } Credit
       *[other] { $limit } Credits
    }; diese Anfrage braucht { $cost }. Das Budget wird { $reset } zurückgesetzt. Es wurde nichts berechnet.
quota-guild-credits = 🚫 Das Monatsbudget dieses Servers ist aufgebraucht. Rest in diesem Monat: { $remaining } von { $limit ->
        [one] { $limit } Credit
       *[other] { $limit } Credits
    }; diese Anfrage braucht { $cost }. Das Budget wird { $reset } zurückgesetzt. Es wurde nichts berechnet.
usage-person-today = 🌐 Bilder heute überall (alle Server und Direktnachrichten): **{ $used }** von { $limit }
usage-guild-credits = 💳 Credits dieses Servers in diesem Monat: { $used } von { $limit }
limit-option-monthly-credits = `{ name-imagine-admin-quota-server-monthly-credits }` (Credits des Servers pro Monat)
admin-quota-server-monthly-credits-description = Credits, die dieser Server pro UTC-Monat ausgeben darf
admin-quota-server-over-budget-description = Was passiert, wenn das Budget des Servers aufgebraucht ist
choice-over-budget-refuse = Anfragen ablehnen
choice-over-budget-approval = Freigabe durch einen Moderator verlangen
choice-over-budget-one-image = ein Bild pro Anfrage
budget-guild-daily = Bilder dieses Servers heute
budget-guild-credits = Credits dieses Servers in diesem Monat
audit-budget-warning = ⚠️ { $budget }: { $level } % des Budgets sind verbraucht ({ $used } von { $limit }).
audit-budget-spent = 🛑 { $budget }: Das Budget ist aufgebraucht ({ $used } von { $limit }). { $then }
budget-then-refuse = Weitere Anfragen werden abgelehnt, bis es zurückgesetzt wird.
budget-then-approval = Weitere Anfragen warten jetzt auf die Freigabe durch einen Moderator.
budget-then-one-image = Weitere Anfragen bekommen jetzt nur noch ein Bild.
admin-spend-description = Ein Diagramm der Bilder und Credits dieses Servers in den letzten 30 Tagen
spend-chart-legend = 📈 Das Diagramm: Bilder (blau, oben) und Credits (orange, unten) pro Tag in den letzten { $days } Tagen, der älteste links; links steht jeweils der höchste Wert des Bereichs.
spend-summary = 📊 { $days ->
        [one] Letzter Tag
       *[other] Letzte { $days } Tage
    }: { $images ->
        [one] { $images } Bild
       *[other] { $images } Bilder
    }, { $credits ->
        [one] { $credits } Credit
       *[other] { $credits } Credits
    }
spend-top-title = **Top-Mitglieder**
spend-top-member = { $user }: { $count ->
        [one] { $count } Bild
       *[other] { $count } Bilder
    }
spend-no-members = In diesem Zeitraum hat kein Mitglied Bilder generiert.
show-budget = Budget
show-budget-value =
    Credits pro Monat: { $credits }
    sobald es aufgebraucht ist: { $then }
