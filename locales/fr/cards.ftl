## Les boutons de la carte.
button-info = Infos
button-report = Signaler
button-restore = Rétablir
button-block-requester = Bloquer l'auteur
button-add-term = Ajouter un terme bloqué

## Les détails de la carte sous le prompt.
card-details = { $model } · demandé par { $requester }
card-hidden = ⚠️ Ce résultat a été signalé et reste masqué jusqu'à ce qu'un modérateur l'examine.
card-spoiler = Dans ce salon, les images sont affichées sous spoiler : clique pour les voir.

## Infos (en privé).
info-title = ℹ️ À propos de la génération `{ $job_id }`
info-request = Envoyé à l'API : modèle `{ $model }`, taille `{ $size }`, n { $n }, prompt_extend { $extend }
info-prompt = Prompt : { $prompt }
info-actual-prompt-none = Le service n'a pas indiqué de prompt réécrit.
info-task = ID de tâche : `{ $task_id }`
info-task-none = ID de tâche : aucun (la génération n'a pas été envoyée)
info-credits = Crédits : { $reserved ->
        [one] { $reserved } réservé
       *[other] { $reserved } réservés
    }, { $charged ->
        [one] { $charged } facturé
       *[other] { $charged } facturés
    }
info-times = Temps d'attente : { $queued } · temps de génération : { $generated }
info-seconds = { $seconds } s
info-time-unknown = inconnu

## Signalement.
report-done = 🚩 Merci : le résultat est masqué et les modérateurs ont été invités à l'examiner.
report-already = Tu as déjà signalé ce résultat.
report-under-review = Ce résultat a été signalé et attend un modérateur : aucune nouvelle image ne peut en être tirée d'ici là.
report-unreachable = Impossible de joindre les modérateurs, le résultat n'a donc pas été masqué : réessaie dans un moment.
report-no-audit-owner = 🚩 Merci : le résultat est masqué et le propriétaire du serveur a été prévenu.
report-review =
    🚩 **Résultat signalé** · génération `{ $job_id }`
    Demandé par { $requester } dans { $channel }, signalé par { $reporter }.
    Prompt : { $prompt }
    { $link }
report-owner-notice =
    🚩 Un résultat sur ton serveur **{ $guild }** a été signalé par un membre et est masqué : { $link }
    Les modérateurs (Gérer les messages) peuvent le supprimer avec son bouton { button-delete }. Définis un salon d'audit avec `/{ name-imagine-admin } { name-imagine-admin-audit }` pour que les signalements parviennent à tes modérateurs, avec des boutons pour les examiner.
review-restored = ✅ Rétabli par { $moderator }.
review-deleted = 🗑️ Supprimé par { $moderator }.
review-blocked = ⛔ { $moderator } a bloqué l'auteur de la demande.
review-term-added = 🔤 { $moderator } a bloqué un terme.
review-done = C'est fait.
review-term-form-title = Ajouter un terme bloqué
review-term-form-term = Terme (un mot ou une expression)
review-outcome-restored = Le résultat que tu as signalé sur **{ $guild }** a été examiné : un modérateur l'a rétabli.
review-outcome-deleted = Le résultat que tu as signalé sur **{ $guild }** a été examiné : un modérateur l'a supprimé.
review-result-gone = Le message du résultat n'existe plus.
audit-reported = 🚩 { $user } a signalé un résultat · { $job }
audit-review-action = 🛡️ { $user } : { $action } · { $job }

## /history.
history-description = Tes résultats récents sur ce serveur, avec leurs liens (visible uniquement par toi)
history-page-description = Quelle page (les plus récents d'abord)
history-title = 🖼️ Résultats de { $member }, page { $page } sur { $pages } :
history-line = { $when } · { $prompt } · { $count } · [ouvrir]({ $link })
history-empty = Aucun résultat pour l'instant.
admin-history-description = Les résultats récents d'un membre, avec leurs liens
admin-history-member-description = Le membre dont afficher les résultats

## Le réglage spoiler.
admin-channels-spoiler-description = Afficher tous les résultats d'un salon sous spoiler (jeunes membres)
change-spoiler-on = résultats de { $channel } affichés sous spoiler
change-spoiler-off = résultats de { $channel } affichés sans spoiler
