## Opciones del comando.
imagine-image-description = Una imagen de partida (JPEG, PNG, BMP o WebP; de 384 a 5000 px por lado, 10 MB)
imagine-image2-description = Una segunda imagen de partida

## Botones y formulario de Remix.
button-vary = Variar { $index }
button-remix = Remix
remix-form-title = Remix
remix-form-prompt = Prompt
remix-form-count = Imágenes (de 1 a 4)
remix-form-image = Partir de la imagen 1 a { $count } (vacío: ninguna)

## Descripción del trabajo cuando parte de imágenes.
job-size-from-image = a partir de una imagen

## Opciones no válidas con una imagen.
invalid-size-with-image = no se puede usar con una imagen: el resultado tiene el tamaño que el modelo genera a partir de ella.
invalid-prompt-extend-with-image = no se puede usar con una imagen: el modelo de imagen no amplía los prompts.

## Una imagen rechazada: cuál, qué le pasa y qué se permite.
input-refused =
    ❌ No se puede usar la imagen { $position }: { $problem }
    No se ha generado nada ni se ha gastado cuota.
input-not-an-image = no es una imagen que el bot pueda leer. Formatos permitidos: { $allowed }.
input-too-large = pesa más de 10 MB; se permiten como máximo { $maximum } bytes.
input-side-out-of-range = mide { $width }×{ $height } píxeles; cada lado debe tener entre { $minimum } y { $maximum } píxeles.
input-unsupported-format = su formato es { $format }. Formatos permitidos: { $allowed }.
input-transparent = tiene transparencia (un canal alfa), y el servicio de imágenes no la admite. Guárdala sin transparencia (por ejemplo, como JPEG) y vuelve a intentarlo.
input-not-from-discord = no es un archivo subido a Discord; solo se pueden usar imágenes adjuntadas en Discord.
input-unreachable = no se ha podido descargar de Discord. Vuelve a subirla.
input-feature-off = partir de una imagen está desactivado en este bot (por decisión del operador, o porque el servicio de imágenes no lo permite con la clave de este bot). Los prompts de texto siguen funcionando.
input-no-such-image = este resultado tiene { $count ->
        [one] { $count } imagen; elige esa.
       *[other] { $count } imágenes; elige una de ellas.
    }

## Por qué ha fallado un trabajo.
failure-model-denied = El servicio de imágenes no permite a este bot partir de imágenes (su clave no tiene acceso a ese modelo), así que esta función queda desactivada hasta que el operador del bot la vuelva a activar.
failure-input-unavailable = Ya no se puede acceder en Discord a la imagen de partida (su enlace caducó y no se pudo renovar). Vuelve a subirla.
problem-input-unavailable = el enlace de una imagen de partida caducó y Discord no lo renovó

## El registro de auditoría.
audit-inputs = a partir de { $count ->
        [one] una imagen
       *[other] { $count } imágenes
    }: { $links }
audit-refused-input = imagen { $position }: { $problem }
