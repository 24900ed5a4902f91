## Comandos: descripciones de comandos, grupos y opciones, y nombres de las opciones a elegir.
imagine-description = Genera imágenes a partir de un prompt de texto
imagine-prompt-description = Qué quieres dibujar (de 1 a 2000 caracteres)
imagine-size-description = ANCHOxALTO, como 1280x1280, o elige un formato; déjalo vacío para el tamaño por defecto
imagine-n-description = Cuántas imágenes, de 1 a 4
imagine-prompt-extend-description = Deja que el servicio enriquezca un prompt corto (por defecto: activado)
usage-description = Tus imágenes de hoy, tus límites y tus trabajos recientes
admin-description = Ajustes del bot de imágenes en este servidor
admin-channels-description = Dónde funciona /{ name-imagine }, aprobación y visibilidad
admin-roles-description = Quién puede usar /{ name-imagine }, roles exentos y límites por rol
admin-quota-description = Los límites de este servidor y los ajustes individuales de los miembros
admin-terms-description = Palabras y patrones que los prompts no pueden contener
admin-show-description = Todos los ajustes de este servidor de un vistazo
admin-audit-description = Adónde va el registro de auditoría (déjalo vacío para desactivarlo)
admin-audit-channel-description = El canal del registro de auditoría
admin-forget-description = Borra los trabajos y el uso guardados de un miembro aquí, si lo solicita
admin-forget-user-description = El miembro cuyos datos se van a borrar
admin-channels-mode-description = En todas partes, solo en los canales de la lista o en todos menos en esos
admin-channels-add-description = Añade un canal (y sus hilos) a la lista de permitidos o de excluidos
admin-channels-remove-description = Quita un canal de la lista de permitidos o de excluidos
admin-channels-approval-description = Exige la aprobación de un moderador antes de enviar los prompts
admin-channels-visibility-description = Resultados para todos o solo para quien los pide
admin-roles-allow-description = Permite a un rol usar /{ name-imagine } (si hay algún rol en la lista, solo ellos pueden)
admin-roles-disallow-description = Quita un rol de los roles permitidos
admin-roles-exempt-description = Exime a un rol de los límites por miembro del servidor (los del operador se mantienen)
admin-roles-limits-description = Límites propios de un rol (cada miembro recibe los de su rol más generoso)
admin-roles-limits-clear-description = En su lugar, quita los límites del rol
admin-quota-server-description = Límites de este servidor (las opciones vacías mantienen su valor)
admin-quota-server-reset-description = Vuelve a los valores por defecto del bot en todos los límites
admin-quota-member-description = Da imágenes extra al día a un miembro, o lo bloquea
admin-quota-member-clear-description = En su lugar, quita el ajuste individual del miembro
admin-terms-add-description = Rechaza los prompts que contengan una palabra (o, con { name-imagine-admin-terms-add-regex }, un patrón)
admin-terms-remove-description = Deja de rechazar una palabra o un patrón
admin-terms-list-description = Las palabras y los patrones bloqueados
choice-mode-everywhere = en todas partes
choice-mode-allow-list = lista de permitidos
choice-mode-deny-list = lista de excluidos
choice-results-public = públicos
choice-results-ephemeral = privados

## Botones y formulario de rechazo.
button-reroll = Regenerar
button-delete = Eliminar
button-cancel = Cancelar
button-approve = Aprobar
button-reject = Rechazar
button-try-again = Reintentar
button-generate-again = Generar de nuevo
button-show = Ver imágenes
reject-form-title = Rechazar este prompt
reject-form-reason = Motivo (lo verá el solicitante)

## Denegaciones y errores, respondidos en privado.
shutting-down = ⏸️ El bot se está reiniciando y ahora mismo no acepta solicitudes nuevas. Vuelve a intentarlo en un minuto.
dms-disabled = 🚫 La generación de imágenes no está disponible en mensajes directos; usa `/{ name-imagine }` en un servidor.
guild-only = 🚫 Este comando solo funciona en un servidor.
not-allowed = 🚫 No puedes usar esto aquí.
not-an-admin = Solo los miembros con el permiso Gestionar servidor pueden cambiar los ajustes del bot.
not-a-moderator = Solo los miembros que pueden gestionar mensajes pueden aprobar o rechazar prompts.
cancel-not-yours = Solo el miembro que pidió estas imágenes puede cancelarlas.
show-not-yours = Estas imágenes son privadas: solo puede verlas el miembro que las pidió.
delete-refused = Solo el miembro que pidió estas imágenes, o los miembros que pueden gestionar mensajes, pueden eliminarlas.
unknown-job = El bot ya no conoce este trabajo (su registro se ha eliminado).
invalid-option =
    ❌ La opción **{ $option }** { $problem }
    No se ha generado nada ni se ha gastado cuota.
option-not-understood =
    ❌ No se ha entendido una de las opciones.
    No se ha generado nada ni se ha gastado cuota.

## Qué le pasa a una opción ({problem} de "invalid-option") y los formatos de tamaño predefinidos.
invalid-prompt-empty = está vacía; describe la imagen que quieres (de 1 a { $maximum } caracteres).
invalid-prompt-too-long = tiene { $length ->
        [one] { $length } carácter
       *[other] { $length } caracteres
    }; el máximo es { $maximum }. Acórtalo y vuelve a intentarlo.
invalid-prompt-control-character = contiene un carácter de control ({ $character }): un prompt es una sola línea de texto, sin saltos de línea, tabulaciones ni códigos invisibles. Quítalo y vuelve a intentarlo.
invalid-count = debe estar entre { $minimum } y { $maximum }, no { $count }.
invalid-size-not-a-size = `{ $typed }` no es un tamaño; { $rules }.
invalid-size-zero-side = `{ $size }` tiene un lado de cero; { $rules }.
invalid-size-pixels = `{ $size }` tiene { $pixels ->
        [one] { $pixels } píxel
       *[other] { $pixels } píxeles
    }, fuera del rango de { $minimum } a { $maximum }; { $rules }.
invalid-size-aspect = `{ $size }` es demasiado estrecho o demasiado ancho; { $rules }.
size-rules = usa ANCHOxALTO, como 1280x1280: entre { $minimum }×{ $minimum } y { $maximum }×{ $maximum } píxeles en total, con una relación de aspecto entre 1:{ $aspect } y { $aspect }:1, o un formato predefinido: { $presets }
size-value = { $width }x{ $height }
size-preset-choice = { $name } { $ratio } ({ $size })
size-preset-square = cuadrado
size-preset-portrait = retrato
size-preset-landscape = paisaje
size-preset-wide = panorámico
size-preset-tall = vertical
error-unexpected = Algo ha fallado dentro del bot. Vuelve a intentarlo.
error-unexpected-imagine = Algo ha fallado dentro del bot; no se ha generado nada ni se ha gastado cuota. Vuelve a intentarlo.
error-unexpected-admin = Algo ha fallado al cambiar los ajustes; no se ha cambiado nada.

## Cuotas.
quota-blocked = 🚫 No puedes generar imágenes aquí; un administrador del servidor te lo ha bloqueado.
quota-cooldown = ⏳ Más despacio: podrás volver a pedir imágenes { $again }. No se ha cobrado nada.
quota-active-jobs = 🚦 Ya tienes { $used ->
        [one] { $used } trabajo
       *[other] { $used } trabajos
    } en cola o en curso aquí, y el máximo a la vez es { $limit }. Espera a que termine alguno o cancela uno. No se ha cobrado nada.
quota-guild-daily = 🚫 Este servidor ha alcanzado su límite diario: hoy le { $remaining ->
        [one] queda
       *[other] quedan
    } { $remaining } de { $limit ->
        [one] { $limit } imagen
       *[other] { $limit } imágenes
    } y has pedido { $requested }. Se restablece { $reset }. No se ha cobrado nada.
quota-user-daily = 🚫 Has alcanzado tu límite diario: has pedido { $requested ->
        [one] { $requested } imagen
       *[other] { $requested } imágenes
    }, pero hoy te { $remaining ->
        [one] queda
       *[other] quedan
    } { $remaining } de { $limit }. Tu cuota se restablece { $reset }. No se ha cobrado nada.

## Las normas del servidor (sin nombrar nunca el término bloqueado que ha coincidido).
policy-channel-allow-list = 🚫 `/{ name-imagine }` no funciona en este canal. Funciona en: { $channels }.
policy-channel-deny-list = 🚫 `/{ name-imagine }` funciona en todos los canales de este servidor excepto en: { $channels }. Prueba en otro canal.
policy-channel = 🚫 `/{ name-imagine }` no funciona en este canal. Pregunta a un administrador del servidor dónde funciona.
policy-role = 🚫 En este servidor solo los miembros con ciertos roles pueden usar `/{ name-imagine }`. Pregunta a un administrador del servidor.
policy-term = 🚫 Este prompt contiene palabras que este servidor no permite. Reformúlalo y vuelve a intentarlo; no se ha generado ni contado nada.

## El mensaje de un trabajo: descripción, progreso, resultado y final.
job-description =
    {"*"}*{ $prompt }**
    `{ $size }` · { $count } · { $job_id }
job-id = trabajo `{ $job_id }`
job-size-default = tamaño por defecto
job-images = { $count ->
        [one] { $count } imagen
       *[other] { $count } imágenes
    }
progress-awaiting-approval = 🕒 Esperando la aprobación de un moderador; no se genera nada hasta entonces. Mientras tanto, las imágenes se reservan de tu cuota diaria y se te devuelven si se rechaza la solicitud.
progress-queued-position = ⏳ En cola: puesto #{ $position } para el servicio de imágenes…
progress-queued = ⏳ En cola, esperando un hueco libre en el servicio de imágenes…
progress-submitting = 📨 Enviando el prompt al servicio de imágenes…
progress-uploading = 📤 ¡Listo! Subiendo las imágenes…
progress-generating = 🎨 Generando… { $percent } %
progress-generating-eta = 🎨 Generando… { $percent } %, faltan unos { $seconds } s
progress-generating-almost-done = 🎨 Generando… { $percent } %, casi listo
result = 🖼️ { $job }
result-shortfall = El servicio solo ha generado { $delivered } de { $requested ->
        [one] { $requested } imagen pedida
       *[other] las { $requested } imágenes pedidas
    }; solo las generadas se han descontado de tu cuota diaria.
result-not-fetched = { $delivered ->
        [one] Solo ha llegado { $delivered }
       *[other] Solo han llegado { $delivered }
    } de { $requested ->
        [one] { $requested } imagen
       *[other] las { $requested } imágenes
    }: { $missing ->
        [one] { $missing } no se ha podido descargar
       *[other] { $missing } no se han podido descargar
    } del servicio. Solo las que ves aquí se han descontado de tu cuota diaria.
job-failed =
    ❌ { $job }
    { $advice }
    No se ha descontado ninguna imagen de tu cuota.
job-failed-maybe-charged =
    ❌ { $job }
    { $advice }
    Puede que el servicio de imágenes haya hecho esta tarea; si es así, la ha cobrado, así que { $charged ->
        [one] su { $charged } imagen cuenta
       *[other] sus { $charged } imágenes cuentan
    } para tu cuota diaria aunque no se haya podido entregar ninguna.
job-cancelled =
    🛑 { $job }
    Cancelado. No se ha descontado ninguna imagen de tu cuota.
job-cancelled-charged =
    🛑 { $job }
    Cancelado. El servicio ya había generado { $charged ->
        [one] { $charged } imagen, que cuenta
       *[other] { $charged } imágenes, que cuentan
    } para tu cuota.
job-rejected =
    🚫 { $job }
    Un moderador ha rechazado esta solicitud: { $reason }
    No se ha contado nada.
job-rejected-no-reason = sin motivo
job-not-decided =
    🚫 { $job }
    Esta solicitud ha terminado sin que un moderador decidiera: { $reason }
    No se ha contado nada.
job-expired =
    ⌛ { $job }
    { $advice }
    No se ha descontado ninguna imagen de tu cuota.
failure-detail-unknown = problema desconocido
failure-content-policy = El servicio de imágenes ha rechazado este prompt por su política de contenido. Reformúlalo (sin nada explícito, violento ni sobre personas reales) y vuelve a intentarlo.
failure-invalid-input = El servicio de imágenes ha rechazado estas opciones. Cambia el prompt o el tamaño y vuelve a intentarlo.
failure-service-failed = El servicio de imágenes no ha podido generar esta imagen. Vuelve a intentarlo en un momento.
failure-service-unavailable = El servicio de imágenes del bot no está disponible ahora mismo; ya se ha avisado al operador del bot. Vuelve a intentarlo más tarde.
failure-outcome-unknown = El servicio de imágenes no ha confirmado si aceptó esta solicitud, ni siquiera al volver a preguntarle. Inténtalo más tarde.
failure-api-unreachable = No se ha podido contactar con el servicio de imágenes. Vuelve a intentarlo en unos minutos.
failure-timed-out = El servicio de imágenes ha tardado demasiado y se ha abandonado el trabajo. Vuelve a intentarlo más tarde.
failure-no-images = El servicio de imágenes ha terminado sin generar ninguna imagen. Vuelve a intentarlo.
failure-bad-image = El servicio de imágenes ha devuelto un archivo que no se puede usar ({ $detail }). Vuelve a intentarlo.
failure-delivery-failed = Las imágenes se han generado, pero no se han podido publicar aquí. Pide a un administrador que permita al bot enviar mensajes y adjuntar archivos en este canal.
failure-results-expired = Las imágenes han caducado (sus enlaces duran 24 horas) antes de poder entregarse. Vuelve a generarlas.
failure-internal = Algo ha fallado dentro del bot. Vuelve a intentarlo.
failure-rejected = Un moderador ha rechazado esta solicitud ({ $detail }).

## Por qué ha fallado un trabajo, en detalle (en "failure-bad-image", un rechazo y el registro de auditoría).
image-not-http = el enlace no es una URL http(s)
image-not-https = el enlace usa http simple, no https
image-unresolvable = no se puede resolver { $host }
image-private-address = el enlace apunta a una dirección de red privada o local
image-http-status = el enlace ha respondido HTTP { $status }
image-timed-out = se ha agotado el tiempo de descarga
image-download-failed = la descarga ha fallado ({ $error })
image-too-many-redirects = demasiadas redirecciones
image-too-large = el archivo pesa más de { $maximum } bytes
image-unsupported-format = formato de imagen no compatible: { $format }
image-too-large-to-decode = la imagen es demasiado grande para decodificarla de forma segura
image-dimensions-too-large = la imagen mide { $width }x{ $height } píxeles, mucho más de lo que genera el servicio
image-unreadable = el archivo no es una imagen legible
image-corrupt = la imagen está truncada o dañada
image-cannot-fit = no se puede reducir la imagen a menos de { $limit } bytes
delivery-result-refused = Discord ha rechazado el resultado ({ $status } { $code })
delivery-private-response-expired = la respuesta privada caducó antes de que las imágenes estuvieran listas
delivery-channel-refused = el canal ha rechazado el mensaje ({ $status } { $code })
problem-api-status = el servicio de imágenes ha respondido HTTP { $status }
problem-api-answer-unreadable = no se ha podido leer la respuesta del servicio de imágenes
problem-api-unreachable = no se ha podido contactar con el servicio de imágenes
problem-create-outcome-unknown = el servicio de imágenes ha dejado { $attempts ->
        [one] { $attempts } solicitud
       *[other] { $attempts } solicitudes
    } sin respuesta
problem-task-failed = el servicio de imágenes ha informado de que la tarea ha fallado
problem-task-timed-out = la tarea no ha terminado en { $seconds } s
problem-results-expired = los enlaces han caducado
problem-approval-timed-out = ningún moderador ha respondido en { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }
problem-approval-not-posted = el bot no ha podido publicarla para los moderadores en el canal de auditoría
problem-internal = error inesperado ({ $error })

## Respuestas de los botones.
cancel-cancelled = 🛑 Cancelado antes de enviarse; no se ha generado nada y se te ha devuelto la cuota.
cancel-discard-on-arrival = 🛑 El servicio de imágenes ya está trabajando en ello y no se puede detener. Sus imágenes se descartarán al llegar; el servicio las cobra, así que cuentan para tu cuota.
cancel-too-late = Demasiado tarde para cancelar: las imágenes ya se están publicando.
cancel-already-ended = Este trabajo ya ha terminado.
deleted = 🗑️ Eliminado.

## Resultados privados cuya interacción caducó antes de que estuvieran listos.
private-result-ready = 🖼️ Tus imágenes están listas — { $job }. Solo tú puedes verlas: haz clic en **{ button-show }** (hasta { $until }). Se han generado y cobrado, así que { $count ->
        [one] su { $count } imagen cuenta para tu cuota diaria, la abras o no.
       *[other] sus { $count } imágenes cuentan para tu cuota diaria, las abras o no.
    }
private-result-expired =
    ⌛ { $job }
    El servicio guarda las imágenes 24 horas y estas han caducado; ya no se pueden mostrar. Se generaron, así que siguen contando para tu cuota.
private-result-unavailable = Este trabajo no tiene imágenes que mostrar.
private-result-on-its-way = Tus imágenes ya están en camino: aparecerán aquí en un momento.
private-undeliverable =
    ❌ Los resultados en este canal son privados y el bot no puede publicar aquí, así que no ha podido traerte tus imágenes cuando se agotaron los 15 minutos que da Discord para esta respuesta. Pide a un administrador que permita al bot enviar mensajes en este canal.
    No se ha generado nada ni se ha gastado cuota.
approval-approved = ✅ aprobado por { $moderator }
approval-rejected = ⛔ rechazado por { $moderator }
approval-rejected-reason = ⛔ rechazado por { $moderator }: { $reason }
approval-no-longer-waits = Esta solicitud ya no está pendiente de decisión.
approval-already-approved = Otro moderador ha decidido antes: { $moderator } ya ha aprobado esta solicitud.
approval-already-rejected = Otro moderador ha decidido antes: { $moderator } ya ha rechazado esta solicitud.

## Resultados (en /usage y en el registro de auditoría).
outcome-delivered = 🖼️ entregado
outcome-failed = ❌ fallido
outcome-cancelled = 🛑 cancelado
outcome-expired = ⌛ caducado
outcome-rejected = 🚫 rechazado

## /usage.
usage-title-guild = **Tu uso en este servidor**
usage-title-dm = **Tu uso en mensajes directos**
usage-blocked = 🚫 Un administrador te ha bloqueado la generación de imágenes aquí.
usage-images-today = 🖼️ Imágenes hoy: has usado **{ $used }** de { $limit }; disponibles: **{ $left }**
usage-active-jobs = 🚦 Trabajos en cola o en curso a la vez: { $limit }
usage-active-jobs-cooldown = 🚦 Trabajos en cola o en curso a la vez: { $limit }, { $seconds } s entre solicitudes
usage-exempt = { $limits } (tu rol está exento de los límites por miembro propios de este servidor)
usage-guild-today = 🏠 Este servidor hoy: { $used } de { $limit ->
        [one] { $limit } imagen
       *[other] { $limit } imágenes
    }
usage-resets = 🔄 Los límites diarios se restablecen { $when }
usage-active-title = **En curso y en cola**
usage-recent-title = **Trabajos recientes**
usage-no-recent = Aún no hay trabajos terminados.
usage-job = `{ $job_id }` { $state } · { $when } · { $prompt }
usage-job-delivered = { $outcome } ({ $count ->
        [one] { $count } imagen
       *[other] { $count } imágenes
    })
usage-job-queued = ⏳ en cola, puesto #{ $position }
usage-job-running = 🎨 { $state }
job-state-awaiting-approval = esperando aprobación
job-state-queued = en cola
job-state-submitting = enviando
job-state-submitted = generando
job-state-completed = subiendo
unlimited = sin límite

## El registro de auditoría.
audit-job =
    trabajo `{ $job_id }` · { $user } en { $channel } · `{ $size }` · { name-imagine-n }={ $count }
    > { $prompt }
audit-job-no-extend =
    trabajo `{ $job_id }` · { $user } en { $channel } · `{ $size }` · { name-imagine-n }={ $count } · { name-imagine-prompt-extend } desactivado
    > { $prompt }
audit-ended = { $outcome } · { $job }
audit-ended-reason = motivo: { $reason } ({ $detail })
failure-reason-content-policy = política de contenido
failure-reason-invalid-input = opciones rechazadas
failure-reason-service-failed = fallo del servicio
failure-reason-outcome-unknown = resultado desconocido
failure-reason-service-unavailable = servicio no disponible
failure-reason-api-unreachable = servicio inaccesible
failure-reason-timed-out = tiempo agotado
failure-reason-no-images = sin imágenes
failure-reason-bad-image = imagen inservible
failure-reason-delivery-failed = entrega fallida
failure-reason-results-expired = resultados caducados
failure-reason-rejected = rechazado
failure-reason-model-denied = modelo de imagen no permitido
failure-reason-input-unavailable = imagen de partida no disponible
failure-reason-internal = error interno
audit-ended-charged = { $charged ->
        [one] se ha contado { $charged } imagen generada antes de cancelar
       *[other] se han contado { $charged } imágenes generadas antes de cancelar
    }
audit-delivered =
    🖼️ entregado · { $job }
    { $count ->
        [one] { $count } imagen
       *[other] { $count } imágenes
    } { $where }
audit-delivered-privately = en privado al solicitante
audit-approval-request = 🕒 **aprobación necesaria** · { $job }
audit-approval-hint = Los miembros que pueden gestionar mensajes pueden aprobarlo o rechazarlo.
audit-refused =
    ⛔ denegado · { $user } en { $channel } · { $why }
    > { $prompt }
audit-refused-channel = canal
audit-refused-role = rol
audit-refused-any-term = término
audit-refused-term = término bloqueado `{ $term }`
audit-refused-pattern = patrón bloqueado `{ $term }`
audit-refused-quota = cuota: { $kind }
limit-kind-blocked = miembro bloqueado
limit-kind-cooldown = tiempo de espera
limit-kind-active-jobs = trabajos a la vez
limit-kind-user-daily = imágenes de un miembro al día
limit-kind-guild-daily = imágenes del servidor al día
limit-kind-person-daily = imágenes de una persona al día en todos los servidores
limit-kind-bot-daily = imágenes del bot al día
limit-kind-credits-daily = créditos del bot al día
limit-kind-credits-monthly = créditos del bot al mes
limit-kind-guild-credits = créditos del servidor al mes
audit-refused-private-undeliverable = resultados privados, pero el bot no puede publicar en el canal
audit-deleted = 🗑️ resultado eliminado por { $user } · { $job }
audit-setting-changed = ⚙️ { $user }: { $change }
audit-dropped = ⚠️ { $count ->
        [one] Falta aquí { $count } entrada del registro de auditoría: este canal estaba demasiado ocupado para publicarla a tiempo
       *[other] Faltan aquí { $count } entradas del registro de auditoría: este canal estaba demasiado ocupado para publicarlas a tiempo
    }

## /imagine-admin: respuestas y cambios (también se escriben en el registro de auditoría).
admin-done = ✅ Hecho: { $change }
admin-not-changed = ❌ No se ha cambiado: { $problem }.
admin-bot-lacks = al bot le faltan permisos en { $channel }: { $permissions }
permission-view-channel = Ver canal
permission-send-messages = Enviar mensajes
permission-attach-files = Adjuntar archivos
admin-approval-needs-audit = ❌ No se ha cambiado: las solicitudes de aprobación esperan en el canal de auditoría; configura uno primero con `/{ name-imagine-admin } { name-imagine-admin-audit }`.
admin-nothing-to-change = No hay nada que cambiar: indica al menos un límite.
admin-beyond-operator = { $limit } puede ser como máximo { $ceiling } aquí, el límite que ha fijado el operador del bot (un servidor puede hacer sus límites más estrictos, nunca más permisivos)
admin-cooldown-below-operator = `{ name-imagine-admin-quota-server-cooldown-seconds }` no puede ser inferior a { $ceiling } aquí, el tiempo de espera que ha fijado el operador del bot (un servidor puede hacer sus límites más estrictos, nunca más permisivos)
limit-option-daily-images = `{ name-imagine-admin-quota-server-daily-images }` (imágenes por miembro al día)
limit-option-max-active-jobs = `{ name-imagine-admin-quota-server-max-active-jobs }` (trabajos por miembro a la vez)
limit-option-server-daily-images = `{ name-imagine-admin-quota-server-server-daily-images }` (imágenes por servidor al día)
limit-option-bonus-images = `{ name-imagine-admin-quota-member-bonus-images }` (imágenes extra al día de un miembro)
admin-term-not-added = ❌ No se ha añadido: { $problem }.
term-no-letters = un término bloqueado necesita al menos una letra o un dígito
term-too-long = un término puede tener como máximo { $maximum ->
        [one] { $maximum } carácter
       *[other] { $maximum } caracteres
    }
term-pattern-too-long = un patrón puede tener como máximo { $maximum ->
        [one] { $maximum } carácter
       *[other] { $maximum } caracteres
    }
term-pattern-does-not-compile = el patrón no compila: { $detail }
term-too-many = un servidor puede bloquear como máximo { $maximum ->
        [one] { $maximum } término
       *[other] { $maximum } términos
    }
term-control-character = un término no puede contener caracteres de control como saltos de línea, tabulaciones o NUL (se ha encontrado { $character })
admin-term-already-blocked = Ese término ya está bloqueado.
admin-pattern-already-blocked = Ese patrón ya está bloqueado.
admin-term-not-blocked = Ese término no está bloqueado aquí.
admin-no-terms = No hay términos bloqueados aquí.
admin-terms-list =
    {"*"}*Bloqueados aquí:**
    { $terms }
change-audit-set = el registro de auditoría ahora va a { $channel }
change-audit-off = se ha desactivado el registro de auditoría
change-forgot = { $count ->
        [one] se ha borrado { $count } trabajo guardado y el uso de { $user }
       *[other] se han borrado { $count } trabajos guardados y el uso de { $user }
    }
change-channel-mode = se ha cambiado dónde funciona /{ name-imagine } a: { $mode }
change-channel-listed = se ha añadido { $channel } a la lista
change-channel-unlisted = se ha quitado { $channel } de la lista
change-approval-required = ahora se exige aprobación en { $channel }
change-approval-not-required = ya no se exige aprobación en { $channel }
change-visibility = los resultados en { $channel } ahora son { $results }
change-role-allowed = { $role } ahora puede usar /{ name-imagine }
change-role-disallowed = se ha quitado { $role } de los roles permitidos
change-role-exempt = { $role } queda exento de los límites por miembro de este servidor (los del operador del bot se siguen aplicando)
change-role-not-exempt = { $role } vuelve a estar sujeto a los límites
change-role-limits = se han fijado los límites de { $role }: { $limits }
change-role-limits-cleared = se han quitado los límites de { $role }
change-server-reset = se han restablecido los límites de este servidor a los valores por defecto del bot
change-server-limits = se han fijado estos límites del servidor: { $changes }
change-member-cleared = se ha quitado el ajuste individual de { $member }
change-member-blocked = se ha bloqueado a { $member } para que no genere imágenes
change-member-bonus = { $count ->
        [one] { $member } recibe { $count } imagen extra al día
       *[other] { $member } recibe { $count } imágenes extra al día
    }
change-term-blocked = se ha bloqueado el término `{ $term }`
change-pattern-blocked = se ha bloqueado el patrón `{ $term }`
change-term-unblocked = se ha desbloqueado `{ $term }`

## /imagine-admin show.
show-title = Ajustes del bot de imágenes
show-where = Dónde funciona /{ name-imagine }
show-mode-everywhere = en todos los canales
show-mode-allow-list = solo en los canales de la lista y sus hilos
show-mode-deny-list = en todas partes excepto en los canales de la lista y sus hilos
show-approval = Aprobación obligatoria en
show-private = Resultados privados en
show-audit = Registro de auditoría
show-audit-off = desactivado
show-allowed-roles = Roles que pueden usar /{ name-imagine }
show-allowed-roles-everyone = todos
show-exempt-roles = Roles exentos
show-limits = Límites
show-limits-value =
    imágenes por miembro al día: { $daily }
    trabajos a la vez por miembro: { $active }
    tiempo de espera: { $cooldown }
    imágenes al día para el servidor: { $server }
show-default = { $value } (por defecto)
show-seconds = { $seconds } s
show-role-limits = Límites por rol
show-member-overrides = Ajustes por miembro
show-member-blocked = bloqueado
show-member-bonus = +{ $count ->
        [one] { $count } imagen/día
       *[other] { $count } imágenes/día
    }
show-terms = Términos bloqueados ({ $count })
show-no-channel = ningún canal
show-none = ninguno
term = `{ $term }`
term-pattern = `{ $term }` (patrón)
limits-daily = { $count }/día
limits-at-once = { $count } a la vez
limits-cooldown = { $seconds } s de espera
limits-none = sin límites definidos
admin-language-description = Idioma de las publicaciones públicas del servidor: resultados, aprobaciones y registro de auditoría
admin-language-language-description = Un idioma, o el ajuste de Discord para el servidor
choice-language-discord = ajuste de Discord para el servidor
change-language = las publicaciones públicas ahora están en { $language }
change-language-discord = las publicaciones públicas vuelven a seguir el ajuste de Discord para el servidor (ahora { $language })
show-language = Publicaciones públicas
show-language-chosen = { $language }
show-language-discord = { $language } (ajuste de Discord)
