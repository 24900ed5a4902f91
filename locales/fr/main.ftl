## Commandes : descriptions des commandes, des groupes et des options, et noms des choix.
imagine-description = Générer des images à partir d'un prompt texte
imagine-prompt-description = Ce que tu veux dessiner (de 1 à 2000 caractères)
imagine-size-description = LxH, par ex. 1280x1280, ou un préréglage ; laisse vide pour la taille par défaut
imagine-n-description = Combien d'images, de 1 à 4
imagine-prompt-extend-description = Laisser le service enrichir un prompt court (par défaut : activé)
usage-description = Tes images du jour, tes limites et tes générations récentes
admin-description = Réglages du bot d'images sur ce serveur
admin-channels-description = Où /{ name-imagine } fonctionne, validation et visibilité
admin-roles-description = Qui peut utiliser /{ name-imagine }, rôles exemptés, limites par rôle
admin-quota-description = Les limites de ce serveur et les réglages individuels des membres
admin-terms-description = Les mots et motifs interdits dans les prompts
admin-show-description = Tous les réglages de ce serveur en un coup d'œil
admin-audit-description = Où va le journal d'audit (laisse vide pour le désactiver)
admin-audit-channel-description = Le salon du journal d'audit
admin-forget-description = Effacer, à sa demande, les générations et l'utilisation enregistrées d'un membre ici
admin-forget-user-description = Le membre dont les données seront effacées
admin-channels-mode-description = Partout, seulement dans les salons listés, ou partout sauf ceux-là
admin-channels-add-description = Ajouter un salon (et ses fils) à la liste d'autorisation ou d'exclusion
admin-channels-remove-description = Retirer un salon de la liste d'autorisation ou d'exclusion
admin-channels-approval-description = Exiger la validation d'un modérateur avant l'envoi des prompts
admin-channels-visibility-description = Résultats visibles par tous, ou seulement par l'auteur de la demande
admin-roles-allow-description = Autoriser un rôle à utiliser /{ name-imagine } (dès qu'un rôle est listé, seuls ceux listés le peuvent)
admin-roles-disallow-description = Retirer un rôle des rôles autorisés
admin-roles-exempt-description = Exempter un rôle des limites par membre de ce serveur (celles de l'opérateur restent)
admin-roles-limits-description = Les limites propres à un rôle (chaque membre a celles de son rôle le plus généreux)
admin-roles-limits-clear-description = Supprimer plutôt les limites du rôle
admin-quota-server-description = Les limites de ce serveur (une option laissée vide garde sa valeur)
admin-quota-server-reset-description = Revenir aux valeurs par défaut du bot pour toutes les limites
admin-quota-member-description = Donner à un membre des images bonus par jour, ou le bloquer
admin-quota-member-clear-description = Supprimer plutôt le réglage individuel du membre
admin-terms-add-description = Refuser les prompts contenant un mot (ou, avec { name-imagine-admin-terms-add-regex }, un motif)
admin-terms-remove-description = Ne plus refuser un mot ou un motif
admin-terms-list-description = Les mots et motifs bloqués
choice-mode-everywhere = partout
choice-mode-allow-list = liste d'autorisation
choice-mode-deny-list = liste d'exclusion
choice-results-public = public
choice-results-ephemeral = éphémère

## Boutons et formulaire de rejet.
button-reroll = Relancer
button-delete = Supprimer
button-cancel = Annuler
button-approve = Valider
button-reject = Rejeter
button-try-again = Réessayer
button-generate-again = Générer à nouveau
button-show = Les afficher
reject-form-title = Rejeter ce prompt
reject-form-reason = Raison (visible par l'auteur de la demande)

## Refus et erreurs, envoyés en privé.
shutting-down = ⏸️ Le bot redémarre et n'accepte pas de nouvelles demandes pour l'instant. Réessaie dans une minute.
dms-disabled = 🚫 La génération d'images n'est pas disponible en messages privés ; utilise `/{ name-imagine }` sur un serveur.
guild-only = 🚫 Cette commande ne fonctionne que sur un serveur.
not-allowed = 🚫 Tu ne peux pas utiliser ceci ici.
not-an-admin = Seuls les membres ayant la permission Gérer le serveur peuvent modifier les réglages du bot.
not-a-moderator = Seuls les membres qui peuvent gérer les messages peuvent valider ou rejeter des prompts.
cancel-not-yours = Seul le membre qui a demandé ces images peut les annuler.
show-not-yours = Ces images sont privées : seul le membre qui les a demandées peut les voir.
delete-refused = Seuls le membre qui a demandé ces images et les membres qui peuvent gérer les messages peuvent les supprimer.
unknown-job = Le bot ne connaît plus cette génération (son enregistrement a été supprimé).
invalid-option =
    ❌ L'option **{ $option }** { $problem }
    Rien n'a été généré et ton quota n'a pas été utilisé.
option-not-understood =
    ❌ Une option n'a pas été comprise.
    Rien n'a été généré et ton quota n'a pas été utilisé.

## Ce qui ne va pas dans une option ({problem} de "invalid-option"), et les préréglages de taille proposés.
invalid-prompt-empty = est vide ; décris l'image que tu veux (de 1 à { $maximum ->
        [one] { $maximum } caractère
       *[other] { $maximum } caractères
    }).
invalid-prompt-too-long = fait { $length ->
        [one] { $length } caractère
       *[other] { $length } caractères
    } ; la limite est de { $maximum }. Raccourcis-le et réessaie.
invalid-prompt-control-character = contient un caractère de contrôle ({ $character }) : un prompt tient sur une seule ligne de texte, sans retour à la ligne, tabulation ni code invisible. Retire-le et réessaie.
invalid-count = doit être entre { $minimum } et { $maximum }, et non { $count }.
invalid-size-not-a-size = `{ $typed }` n'est pas une taille ; { $rules }.
invalid-size-zero-side = `{ $size }` a un côté nul ; { $rules }.
invalid-size-pixels = `{ $size }` fait { $pixels ->
        [one] { $pixels } pixel
       *[other] { $pixels } pixels
    }, hors de l'intervalle de { $minimum } à { $maximum } ; { $rules }.
invalid-size-aspect = `{ $size }` est trop étroite ou trop large ; { $rules }.
size-rules = utilise le format LxH, par ex. 1280x1280 : largeur×hauteur entre { $minimum }×{ $minimum } et { $maximum }×{ $maximum } pixels au total, rapport largeur/hauteur entre 1:{ $aspect } et { $aspect }:1, ou un préréglage : { $presets }
size-value = { $width }x{ $height }
size-preset-choice = { $name } { $ratio } ({ $size })
size-preset-square = carré
size-preset-portrait = portrait
size-preset-landscape = paysage
size-preset-wide = panoramique
size-preset-tall = vertical
error-unexpected = Un problème est survenu dans le bot. Réessaie.
error-unexpected-imagine = Un problème est survenu dans le bot ; rien n'a été généré et ton quota n'a pas été utilisé. Réessaie.
error-unexpected-admin = Un problème est survenu pendant la modification des réglages ; rien n'a été modifié.

## Quotas.
quota-blocked = 🚫 Tu ne peux pas générer d'images ici : un admin du serveur te l'a interdit.
quota-cooldown = ⏳ Pas si vite : tu pourras redemander des images { $again }. Rien n'a été décompté.
quota-active-jobs = 🚦 Tu as déjà { $used ->
        [one] { $used } génération
       *[other] { $used } générations
    } en file d'attente ou en cours ici, et le maximum simultané est de { $limit }. Attends qu'une génération se termine ou annules-en une. Rien n'a été décompté.
quota-guild-daily = 🚫 La limite quotidienne de ce serveur est atteinte : il lui reste { $remaining ->
        [one] { $remaining } image
       *[other] { $remaining } images
    } sur { $limit } aujourd'hui et tu en as demandé { $requested }. Elle est réinitialisée { $reset }. Rien n'a été décompté.
quota-user-daily = 🚫 Limite quotidienne atteinte : tu as demandé { $requested ->
        [one] { $requested } image
       *[other] { $requested } images
    } mais il ne t'en reste que { $remaining } sur { $limit } aujourd'hui. Ton quota est réinitialisé { $reset }. Rien n'a été décompté.

## Les règles du serveur (sans jamais nommer le terme bloqué qui a été détecté).
policy-channel-allow-list = 🚫 Ici, `/{ name-imagine }` ne fonctionne pas dans ce salon. Il fonctionne dans : { $channels }.
policy-channel-deny-list = 🚫 Ici, `/{ name-imagine }` fonctionne dans tous les salons sauf : { $channels }. Essaie un autre salon.
policy-channel = 🚫 `/{ name-imagine }` ne fonctionne pas dans ce salon. Demande à un admin du serveur où il fonctionne.
policy-role = 🚫 Sur ce serveur, seuls les membres ayant certains rôles peuvent utiliser `/{ name-imagine }`. Demande à un admin du serveur.
policy-term = 🚫 Ce prompt contient des mots interdits sur ce serveur. Reformule-le et réessaie ; rien n'a été généré ni décompté.

## Le message d'une génération : sa description, sa progression, son résultat et sa fin.
job-description =
    {"*"}*{ $prompt }**
    `{ $size }` · { $count } · { $job_id }
job-id = génération `{ $job_id }`
job-size-default = taille par défaut
job-images = { $count ->
        [one] { $count } image
       *[other] { $count } images
    }
progress-awaiting-approval = 🕒 En attente de la validation d'un modérateur ; rien n'est généré avant. En attendant, les images sont réservées sur ton quota quotidien, et elles te sont rendues si la demande est rejetée.
progress-queued-position = ⏳ En file d'attente : position { $position } pour le service d'images…
progress-queued = ⏳ En file d'attente, le temps qu'une place se libère au service d'images…
progress-submitting = 📨 Envoi du prompt au service d'images…
progress-uploading = 📤 Terminé ! Envoi des images…
progress-generating = 🎨 Génération… { $percent } %
progress-generating-eta = 🎨 Génération… { $percent } %, encore { $seconds } s environ
progress-generating-almost-done = 🎨 Génération… { $percent } %, presque terminé
result = 🖼️ { $job }
result-shortfall = Le service n'a produit que { $delivered ->
        [one] { $delivered } image
       *[other] { $delivered } images
    } sur { $requested ->
        [one] { $requested } demandée
       *[other] les { $requested } demandées
    } ; seules celles-ci sont décomptées de ton quota quotidien, soit { $delivered }.
result-not-fetched = Il n'est arrivé que { $delivered ->
        [one] { $delivered } image
       *[other] { $delivered } images
    } sur { $requested } : impossible d'en récupérer { $missing } auprès du service. Seules les images affichées sont décomptées de ton quota quotidien, soit { $delivered }.
job-failed =
    ❌ { $job }
    { $advice }
    Aucune image n'a été décomptée de ton quota.
job-failed-maybe-charged =
    ❌ { $job }
    { $advice }
    Le service d'images a peut-être réalisé cette tâche ; si c'est le cas, elle a été facturée, donc { $charged ->
        [one] { $charged } image est décomptée
       *[other] { $charged } images sont décomptées
    } de ton quota quotidien, même si aucune n'a pu être livrée.
job-cancelled =
    🛑 { $job }
    Annulée. Aucune image n'a été décomptée de ton quota.
job-cancelled-charged =
    🛑 { $job }
    Annulée. Le service avait déjà produit { $charged ->
        [one] { $charged } image, qui est décomptée
       *[other] { $charged } images, qui sont décomptées
    } de ton quota.
job-rejected =
    🚫 { $job }
    Un modérateur a rejeté cette demande : { $reason }
    Rien n'a été décompté.
job-rejected-no-reason = aucune raison donnée
job-not-decided =
    🚫 { $job }
    Cette demande s'est terminée sans décision d'un modérateur : { $reason }
    Rien n'a été décompté.
job-expired =
    ⌛ { $job }
    { $advice }
    Aucune image n'a été décomptée de ton quota.
failure-detail-unknown = problème inconnu
failure-content-policy = Le service d'images a refusé ce prompt en vertu de sa politique de contenu. Reformule-le (sans rien d'explicite, de violent ou qui concerne de vraies personnes) et réessaie.
failure-invalid-input = Le service d'images a refusé ces options. Modifie le prompt ou la taille et réessaie.
failure-service-failed = Le service d'images n'a pas réussi à générer cette image. Réessaie dans un instant.
failure-service-unavailable = Le service d'images du bot est indisponible pour le moment ; l'opérateur du bot a été prévenu. Réessaie plus tard.
failure-outcome-unknown = Le service d'images n'a jamais indiqué s'il avait pris en compte cette demande, même après relance. Réessaie plus tard.
failure-api-unreachable = Impossible de joindre le service d'images. Réessaie dans quelques minutes.
failure-timed-out = Le service d'images a mis trop de temps et la génération a été abandonnée. Réessaie plus tard.
failure-no-images = Le service d'images a terminé sans produire d'image. Réessaie.
failure-bad-image = Le service d'images a renvoyé un fichier inutilisable ({ $detail }). Réessaie.
failure-delivery-failed = Les images ont été générées mais n'ont pas pu être publiées ici. Demande à un admin d'autoriser le bot à envoyer des messages et à joindre des fichiers dans ce salon.
failure-results-expired = Les images ont expiré (leurs liens sont valables 24 heures) avant d'avoir pu être livrées. Génère-les à nouveau.
failure-internal = Un problème est survenu dans le bot. Réessaie.
failure-rejected = Un modérateur a rejeté cette demande ({ $detail }).

## Pourquoi une génération a échoué, en détail (dans "failure-bad-image", un rejet et le journal d'audit).
image-not-http = le lien n'est pas une URL http(s)
image-not-https = le lien est en http simple, pas en https
image-unresolvable = impossible de résoudre { $host }
image-private-address = le lien pointe vers une adresse de réseau privé ou local
image-http-status = le lien a répondu HTTP { $status }
image-timed-out = le délai de téléchargement a été dépassé
image-download-failed = le téléchargement a échoué ({ $error })
image-too-many-redirects = trop de redirections
image-too-large = le fichier dépasse { $maximum ->
        [one] { $maximum } octet
       *[other] { $maximum } octets
    }
image-unsupported-format = format d'image non pris en charge : { $format }
image-too-large-to-decode = l'image est trop grande pour être décodée sans risque
image-dimensions-too-large = l'image fait { $width }x{ $height } pixels, bien au-delà de ce que produit le service
image-unreadable = le fichier n'est pas une image lisible
image-corrupt = l'image est tronquée ou corrompue
image-cannot-fit = impossible de ramener l'image sous { $limit ->
        [one] { $limit } octet
       *[other] { $limit } octets
    }
delivery-result-refused = Discord a refusé le résultat ({ $status } { $code })
delivery-private-response-expired = la réponse privée a expiré avant que les images soient prêtes
delivery-channel-refused = le salon a refusé le message ({ $status } { $code })
problem-api-status = le service d'images a répondu HTTP { $status }
problem-api-answer-unreadable = la réponse du service d'images était illisible
problem-api-unreachable = impossible de joindre le service d'images
problem-create-outcome-unknown = le service d'images a laissé { $attempts ->
        [one] { $attempts } requête sans réponse
       *[other] { $attempts } requêtes sans réponse
    }
problem-task-failed = le service d'images a signalé l'échec de la tâche
problem-task-timed-out = la tâche ne s'est pas terminée en { $seconds } s
problem-results-expired = liens expirés
problem-approval-timed-out = aucun modérateur n'a répondu en { $hours ->
        [one] { $hours } heure
       *[other] { $hours } heures
    }
problem-approval-not-posted = le bot n'a pas pu la publier pour les modérateurs dans le salon d'audit
problem-internal = erreur inattendue ({ $error })

## Réponses des boutons.
cancel-cancelled = 🛑 Annulée avant l'envoi ; rien n'a été généré et ton quota t'a été rendu.
cancel-discard-on-arrival = 🛑 Le service d'images y travaille déjà et ne peut pas être arrêté. Ses images seront supprimées à leur arrivée ; le service les facture, donc elles sont décomptées de ton quota.
cancel-too-late = Trop tard pour annuler : les images sont déjà en cours de publication.
cancel-already-ended = Cette génération est déjà terminée.
deleted = 🗑️ Supprimé.

## Résultats privés dont l'interaction a expiré avant qu'ils soient prêts.
private-result-ready = 🖼️ Tes images sont prêtes — { $job }. Elles ne sont visibles que par toi : clique sur **{ button-show }** (jusqu'à { $until }). Elles ont été produites et facturées, donc { $count ->
        [one] { $count } image est décomptée
       *[other] { $count } images sont décomptées
    } de ton quota quotidien, que tu les ouvres ou non.
private-result-expired =
    ⌛ { $job }
    Le service conserve les images 24 heures et celles-ci ont expiré ; elles ne peuvent plus être affichées. Elles ont bien été produites, donc elles restent décomptées de ton quota.
private-result-unavailable = Cette génération n'a aucune image à afficher.
private-result-on-its-way = Tes images sont déjà en route : elles vont apparaître ici dans un instant.
private-undeliverable =
    ❌ Les résultats de ce salon sont privés et le bot ne peut pas publier ici : il n'a donc pas pu t'apporter tes images une fois écoulées les 15 minutes que Discord accorde à cette réponse. Demande à un admin d'autoriser le bot à envoyer des messages dans ce salon.
    Rien n'a été généré et ton quota n'a pas été utilisé.
approval-approved = ✅ validée par { $moderator }
approval-rejected = ⛔ rejetée par { $moderator }
approval-rejected-reason = ⛔ rejetée par { $moderator } : { $reason }
approval-no-longer-waits = Cette demande n'attend plus de décision.
approval-already-approved = Un autre modérateur a décidé avant toi : cette demande a déjà été validée par { $moderator }.
approval-already-rejected = Un autre modérateur a décidé avant toi : cette demande a déjà été rejetée par { $moderator }.

## Issues (dans /usage et le journal d'audit).
outcome-delivered = 🖼️ livrée
outcome-failed = ❌ échouée
outcome-cancelled = 🛑 annulée
outcome-expired = ⌛ expirée
outcome-rejected = 🚫 rejetée

## /usage.
usage-title-guild = **Ton utilisation sur ce serveur**
usage-title-dm = **Ton utilisation en messages privés**
usage-blocked = 🚫 Un admin t'a interdit de générer des images ici.
usage-images-today = 🖼️ Images aujourd'hui : **{ $used }** { $used ->
        [one] utilisée
       *[other] utilisées
    } sur { $limit }, il en reste **{ $left }**
usage-active-jobs = 🚦 Générations en file d'attente ou en cours à la fois : { $limit }
usage-active-jobs-cooldown = 🚦 Générations en file d'attente ou en cours à la fois : { $limit }, { $seconds } s entre deux demandes
usage-exempt = { $limits } (ton rôle est exempté des limites par membre propres à ce serveur)
usage-guild-today = 🏠 Ce serveur aujourd'hui : { $used ->
        [one] { $used } image
       *[other] { $used } images
    } sur { $limit }
usage-resets = 🔄 Les limites quotidiennes sont réinitialisées { $when }
usage-active-title = **En cours et en file d'attente**
usage-recent-title = **Générations récentes**
usage-no-recent = Aucune génération terminée pour l'instant.
usage-job = `{ $job_id }` { $state } · { $when } · { $prompt }
usage-job-delivered = { $outcome } ({ $count ->
        [one] { $count } image
       *[other] { $count } images
    })
usage-job-queued = ⏳ en file d'attente, position { $position }
usage-job-running = 🎨 { $state }
job-state-awaiting-approval = en attente de validation
job-state-queued = en file d'attente
job-state-submitting = envoi en cours
job-state-submitted = génération en cours
job-state-completed = mise en ligne
unlimited = illimité

## Le journal d'audit.
audit-job =
    génération `{ $job_id }` · { $user } dans { $channel } · `{ $size }` · { name-imagine-n }={ $count }
    > { $prompt }
audit-job-no-extend =
    génération `{ $job_id }` · { $user } dans { $channel } · `{ $size }` · { name-imagine-n }={ $count } · { name-imagine-prompt-extend } désactivé
    > { $prompt }
audit-ended = { $outcome } · { $job }
audit-ended-reason = raison : { $reason } ({ $detail })
failure-reason-content-policy = politique de contenu
failure-reason-invalid-input = options refusées
failure-reason-service-failed = échec du service
failure-reason-outcome-unknown = issue inconnue
failure-reason-service-unavailable = service indisponible
failure-reason-api-unreachable = service injoignable
failure-reason-timed-out = délai dépassé
failure-reason-no-images = aucune image
failure-reason-bad-image = image inutilisable
failure-reason-delivery-failed = échec de la publication
failure-reason-results-expired = résultats expirés
failure-reason-rejected = refusé
failure-reason-model-denied = modèle d'image non autorisé
failure-reason-input-unavailable = image de départ indisponible
failure-reason-internal = erreur interne
audit-ended-charged = { $charged ->
        [one] { $charged } image produite avant l'annulation a été décomptée
       *[other] { $charged } images produites avant l'annulation ont été décomptées
    }
audit-delivered =
    🖼️ livrée · { $job }
    { $count ->
        [one] { $count } image
       *[other] { $count } images
    } { $where }
audit-delivered-privately = en privé, à l'auteur de la demande
audit-approval-request = 🕒 **validation requise** · { $job }
audit-approval-hint = Les membres qui peuvent gérer les messages peuvent la valider ou la rejeter.
audit-refused =
    ⛔ refusée · { $user } dans { $channel } · { $why }
    > { $prompt }
audit-refused-channel = salon
audit-refused-role = rôle
audit-refused-any-term = terme
audit-refused-term = terme bloqué `{ $term }`
audit-refused-pattern = motif bloqué `{ $term }`
audit-refused-quota = quota : { $kind }
limit-kind-blocked = membre bloqué
limit-kind-cooldown = délai d'attente
limit-kind-active-jobs = générations simultanées
limit-kind-user-daily = images d'un membre par jour
limit-kind-guild-daily = images du serveur par jour
limit-kind-person-daily = images d'une personne par jour, tous serveurs confondus
limit-kind-bot-daily = images du bot par jour
limit-kind-credits-daily = crédits du bot par jour
limit-kind-credits-monthly = crédits du bot par mois
limit-kind-guild-credits = crédits du serveur par mois
audit-refused-private-undeliverable = résultats privés, mais le bot ne peut pas publier dans le salon
audit-deleted = 🗑️ résultat supprimé par { $user } · { $job }
audit-setting-changed = ⚙️ { $user } : { $change }
audit-dropped = ⚠️ { $count ->
        [one] { $count } entrée du journal d'audit manque ici : ce salon était trop chargé pour la publier à temps
       *[other] { $count } entrées du journal d'audit manquent ici : ce salon était trop chargé pour les publier à temps
    }

## /imagine-admin : réponses et modifications (aussi inscrites dans le journal d'audit).
admin-done = ✅ { $change }
admin-not-changed = ❌ Non modifié : { $problem }.
admin-bot-lacks = le bot n'a pas les permissions requises dans { $channel } : { $permissions }
permission-view-channel = Voir le salon
permission-send-messages = Envoyer des messages
permission-attach-files = Joindre des fichiers
admin-approval-needs-audit = ❌ Non modifié : les demandes de validation attendent dans le salon d'audit ; définis-en d'abord un avec `/{ name-imagine-admin } { name-imagine-admin-audit }`.
admin-nothing-to-change = Rien à modifier : indique au moins une limite.
admin-beyond-operator = { $limit } ne peut pas dépasser { $ceiling } ici, la limite fixée par l'opérateur du bot (un serveur peut rendre ses limites plus strictes, jamais plus souples)
admin-cooldown-below-operator = `{ name-imagine-admin-quota-server-cooldown-seconds }` ne peut pas être inférieur à { $ceiling } ici, le délai fixé par l'opérateur du bot (un serveur peut rendre ses limites plus strictes, jamais plus souples)
limit-option-daily-images = `{ name-imagine-admin-quota-server-daily-images }` (images par membre et par jour)
limit-option-max-active-jobs = `{ name-imagine-admin-quota-server-max-active-jobs }` (générations simultanées par membre)
limit-option-server-daily-images = `{ name-imagine-admin-quota-server-server-daily-images }` (images par jour pour le serveur)
limit-option-bonus-images = `{ name-imagine-admin-quota-member-bonus-images }` (images supplémentaires par jour pour un membre)
admin-term-not-added = ❌ Non ajouté : { $problem }.
term-no-letters = un terme bloqué doit contenir au moins une lettre ou un chiffre
term-too-long = un terme ne peut pas dépasser { $maximum ->
        [one] { $maximum } caractère
       *[other] { $maximum } caractères
    }
term-pattern-too-long = un motif ne peut pas dépasser { $maximum ->
        [one] { $maximum } caractère
       *[other] { $maximum } caractères
    }
term-pattern-does-not-compile = le motif ne compile pas : { $detail }
term-too-many = un serveur peut bloquer au maximum { $maximum ->
        [one] { $maximum } terme
       *[other] { $maximum } termes
    }
term-control-character = un terme ne peut pas contenir de caractères de contrôle comme des retours à la ligne, des tabulations ou NUL (trouvé : { $character })
admin-term-already-blocked = Ce terme est déjà bloqué.
admin-pattern-already-blocked = Ce motif est déjà bloqué.
admin-term-not-blocked = Ce n'est pas un terme bloqué ici.
admin-no-terms = Aucun terme n'est bloqué ici.
admin-terms-list =
    {"*"}*Bloqués ici :**
    { $terms }
change-audit-set = journal d'audit défini sur { $channel }
change-audit-off = journal d'audit désactivé
change-forgot = données de { $user } effacées : { $count ->
        [one] { $count } génération enregistrée
       *[other] { $count } générations enregistrées
    } et son utilisation
change-channel-mode = lieux où /{ name-imagine } fonctionne : { $mode }
change-channel-listed = { $channel } ajouté à la liste
change-channel-unlisted = { $channel } retiré de la liste
change-approval-required = validation exigée dans { $channel }
change-approval-not-required = validation supprimée dans { $channel }
change-visibility = résultats dans { $channel } : { $results }
change-role-allowed = { $role } autorisé à utiliser /{ name-imagine }
change-role-disallowed = { $role } retiré des rôles autorisés
change-role-exempt = { $role } exempté des limites par membre de ce serveur (celles de l'opérateur du bot s'appliquent toujours)
change-role-not-exempt = { $role } de nouveau soumis aux limites
change-role-limits = limites de { $role } : { $limits }
change-role-limits-cleared = limites de { $role } supprimées
change-server-reset = limites de ce serveur remises aux valeurs par défaut du bot
change-server-limits = limites de ce serveur : { $changes }
change-member-cleared = réglage individuel de { $member } supprimé
change-member-blocked = génération d'images bloquée pour { $member }
change-member-bonus = { $member } reçoit { $count ->
        [one] { $count } image bonus
       *[other] { $count } images bonus
    } par jour
change-term-blocked = terme `{ $term }` bloqué
change-pattern-blocked = motif `{ $term }` bloqué
change-term-unblocked = `{ $term }` débloqué

## /imagine-admin show.
show-title = Réglages du bot d'images
show-where = Où /{ name-imagine } fonctionne
show-mode-everywhere = dans tous les salons
show-mode-allow-list = seulement dans les salons listés et leurs fils
show-mode-deny-list = partout sauf dans les salons listés et leurs fils
show-approval = Validation requise dans
show-private = Résultats privés dans
show-audit = Journal d'audit
show-audit-off = désactivé
show-allowed-roles = Rôles autorisés à utiliser /{ name-imagine }
show-allowed-roles-everyone = tout le monde
show-exempt-roles = Rôles exemptés
show-limits = Limites
show-limits-value =
    images par membre et par jour : { $daily }
    générations simultanées par membre : { $active }
    délai entre deux demandes : { $cooldown }
    images par jour pour le serveur : { $server }
show-default = { $value } (par défaut)
show-seconds = { $seconds } s
show-role-limits = Limites par rôle
show-member-overrides = Réglages individuels des membres
show-member-blocked = bloqué
show-member-bonus = +{ $count ->
        [one] { $count } image/jour
       *[other] { $count } images/jour
    }
show-terms = Termes bloqués ({ $count })
show-no-channel = aucun salon
show-none = aucun
term = `{ $term }`
term-pattern = `{ $term }` (motif)
limits-daily = { $count }/jour
limits-at-once = { $count } à la fois
limits-cooldown = délai de { $seconds } s
limits-none = aucune limite définie
admin-language-description = La langue des messages publics de ce serveur : résultats, validations, journal d'audit
admin-language-language-description = Une langue, ou le réglage Discord du serveur
choice-language-discord = Réglage Discord du serveur
change-language = langue des messages publics définie sur { $language }
change-language-discord = langue des messages publics de nouveau alignée sur le réglage Discord du serveur (actuellement { $language })
show-language = Messages publics
show-language-chosen = { $language }
show-language-discord = { $language } (réglage Discord)
