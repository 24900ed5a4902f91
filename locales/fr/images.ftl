## Options de commande.
imagine-image-description = Une image de départ (JPEG, PNG, BMP ou WebP ; 384 à 5000 px de côté, 10 MB)
imagine-image2-description = Une deuxième image de départ

## Boutons et formulaire Remix.
button-vary = Variante { $index }
button-remix = Remix
remix-form-title = Remix
remix-form-prompt = Prompt
remix-form-count = Images (1 à 4)
remix-form-image = Image de départ, de 1 à { $count } (vide : aucune)

## La description de la génération quand elle part d'images.
job-size-from-image = à partir d'une image

## Options invalides avec une image.
invalid-size-with-image = ne peut pas être utilisée avec une image : les résultats prennent la taille que le modèle en tire.
invalid-prompt-extend-with-image = ne peut pas être utilisée avec une image : le modèle d'images n'enrichit pas les prompts.

## Une image refusée : laquelle, ce qui ne va pas, ce qui est accepté.
input-refused =
    ❌ L'image { $position } ne peut pas être utilisée : { $problem }
    Rien n'a été généré et ton quota n'a pas été utilisé.
input-not-an-image = ce n'est pas une image que le bot peut lire. Formats acceptés : { $allowed }.
input-too-large = elle dépasse 10 MB ; { $maximum ->
        [one] { $maximum } octet au maximum est accepté
       *[other] { $maximum } octets au maximum sont acceptés
    }.
input-side-out-of-range = elle fait { $width }×{ $height } pixels ; chaque côté doit faire entre { $minimum } et { $maximum } pixels.
input-unsupported-format = son format est { $format }. Formats acceptés : { $allowed }.
input-transparent = elle contient de la transparence (un canal alpha), que le service d'images n'accepte pas. Enregistre-la sans transparence (en JPEG par exemple) et réessaie.
input-not-from-discord = ce n'est pas un fichier envoyé sur Discord ; seules les images jointes sur Discord peuvent être utilisées.
input-unreachable = impossible de la télécharger depuis Discord. Envoie-la à nouveau.
input-feature-off = partir d'une image est désactivé sur ce bot (choix de l'opérateur, ou le service d'images ne le permet pas avec la clé de ce bot). Les prompts texte fonctionnent toujours.
input-no-such-image = { $count ->
        [one] ce résultat ne contient que { $count } image ; choisis l'image { $count }.
       *[other] ce résultat contient { $count } images ; choisis-en une.
    }

## Pourquoi une génération a échoué.
failure-model-denied = Le service d'images n'autorise pas ce bot à partir d'images (sa clé n'a pas accès à ce modèle) : cette fonction est donc désactivée jusqu'à ce que l'opérateur du bot la réactive.
failure-input-unavailable = L'image de départ n'était plus accessible sur Discord (son lien a expiré et n'a pas pu être renouvelé). Envoie-la à nouveau.
problem-input-unavailable = le lien d'une image de départ a expiré et Discord ne l'a pas renouvelé

## Le journal d'audit.
audit-inputs = à partir { $count ->
        [one] d'une image
       *[other] de { $count } images
    } : { $links }
audit-refused-input = image { $position } : { $problem }
