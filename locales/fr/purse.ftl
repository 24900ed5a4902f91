quota-person-daily = 🚫 Ta limite quotidienne sur l'ensemble des serveurs est atteinte : tu as demandé { $requested ->
        [one] { $requested } image
       *[other] { $requested } images
    } mais il ne t'en reste que { $remaining } sur { $limit } aujourd'hui, où que tu utilises ce bot. Elle est réinitialisée { $reset }. Rien n'a été décompté.
quota-bot-daily = 🚫 La limite quotidienne du bot, partagée par tous les serveurs, est atteinte : il lui reste { $remaining ->
        [one] { $remaining } image
       *[other] { $remaining } images
    } sur { $limit } aujourd'hui et tu en as demandé { $requested }. Elle est réinitialisée { $reset }. Rien n'a été décompté.
quota-credits-daily = 🚫 Le budget quotidien du bot est épuisé : il lui reste { $remaining ->
        [one] { $remaining } crédit
       *[other] { $remaining } crédits
    } sur { $limit } aujourd'hui et cette demande en nécessite { $cost }. Il est réinitialisé { $reset }. Rien n'a été décompté.
quota-credits-monthly = 🚫 Le budget mensuel du bot est épuisé : il lui reste { $remaining ->
        [one] { $remaining } crédit
       *[other] { $remaining } crédits
    } sur { $limit } ce mois-ci et cette demande en nécessite { $cost }. Il est réinitialisé { $reset }. Rien n'a été décompté.
quota-guild-credits = 🚫 Le budget mensuel de ce serveur est épuisé : il lui reste { $remaining ->
        [one] { $remaining } crédit
       *[other] { $remaining } crédits
    } sur { $limit } ce mois-ci et cette demande en nécessite { $cost }. Il est réinitialisé { $reset }. Rien n'a été décompté.
usage-person-today = 🌐 Partout aujourd'hui (tous les serveurs et messages privés) : { $used ->
        [one] **{ $used }** image
       *[other] **{ $used }** images
    } sur { $limit }
usage-guild-credits = 💳 Ce serveur ce mois-ci : { $used ->
        [one] { $used } crédit
       *[other] { $used } crédits
    } sur { $limit }
limit-option-monthly-credits = `{ name-imagine-admin-quota-server-monthly-credits }` (crédits du serveur par mois)
admin-quota-server-monthly-credits-description = Crédits que ce serveur peut dépenser par mois (UTC)
admin-quota-server-over-budget-description = Ce qui se passe une fois le budget du serveur épuisé
choice-over-budget-refuse = refuser les demandes
choice-over-budget-approval = exiger la validation d'un modérateur
choice-over-budget-one-image = une image par demande
budget-guild-daily = Images de ce serveur aujourd'hui
budget-guild-credits = Crédits de ce serveur ce mois-ci
audit-budget-warning = ⚠️ { $budget } : { $level } % du budget est utilisé ({ $used } sur { $limit }).
audit-budget-spent = 🛑 { $budget } : le budget est épuisé ({ $used } sur { $limit }). { $then }
budget-then-refuse = Les demandes au-delà sont refusées jusqu'à sa réinitialisation.
budget-then-approval = Les demandes au-delà attendent désormais la validation d'un modérateur.
budget-then-one-image = Les demandes au-delà ne reçoivent désormais qu'une image chacune.
admin-spend-description = Un graphique des images et crédits de ce serveur sur les 30 derniers jours
spend-chart-legend = 📈 Le graphique : images (en bleu, en haut) et crédits (en orange, en bas) par jour sur les { $days } derniers jours, le plus ancien à gauche ; la plus haute valeur de chaque partie est indiquée à sa gauche.
spend-summary = 📊 { $days ->
        [one] Dernier jour ({ $days })
       *[other] { $days } derniers jours
    } : { $images ->
        [one] { $images } image
       *[other] { $images } images
    }, { $credits ->
        [one] { $credits } crédit
       *[other] { $credits } crédits
    }
spend-top-title = **Membres les plus actifs**
spend-top-member = { $user } : { $count ->
        [one] { $count } image
       *[other] { $count } images
    }
spend-no-members = Aucun membre n'a généré d'images sur cette période.
show-budget = Budget
show-budget-value =
    crédits par mois : { $credits }
    une fois épuisé : { $then }
