## Botones de la tarjeta.
button-info = Info
button-report = Reportar
button-restore = Restaurar
button-block-requester = Bloquear al solicitante
button-add-term = Añadir término bloqueado

## Detalles de la tarjeta, bajo el prompt.
card-details = { $model } · pedido por { $requester }
card-hidden = ⚠️ Este resultado se ha reportado y está oculto hasta que lo revise un moderador.
card-spoiler = Las imágenes de este canal se muestran como spoiler: haz clic para verlas.

## Info (privada).
info-title = ℹ️ Sobre el trabajo `{ $job_id }`
info-request = Enviado a la API: modelo `{ $model }`, tamaño `{ $size }`, n { $n }, prompt_extend { $extend }
info-prompt = Prompt: { $prompt }
info-actual-prompt-none = El servicio no ha indicado ningún prompt reescrito.
info-task = ID de la tarea: `{ $task_id }`
info-task-none = ID de la tarea: ninguno (el trabajo no se llegó a enviar)
info-credits = Créditos: reservados { $reserved }, cobrados { $charged }
info-times = Tiempo en cola: { $queued } · tiempo de generación: { $generated }
info-seconds = { $seconds } s
info-time-unknown = desconocido

## Reportar.
report-done = 🚩 Gracias: el resultado se ha ocultado y se ha pedido a los moderadores que lo revisen.
report-already = Ya has reportado este resultado.
report-under-review = Este resultado se ha reportado y está pendiente de revisión: hasta entonces no se generarán imágenes nuevas a partir de él.
report-unreachable = No se ha podido avisar a los moderadores, así que el resultado no se ha ocultado: vuelve a intentarlo dentro de un rato.
report-no-audit-owner = 🚩 Gracias: el resultado se ha ocultado y se ha avisado al propietario del servidor.
report-review =
    🚩 **Resultado reportado** · trabajo `{ $job_id }`
    Pedido por { $requester } en { $channel }, reportado por { $reporter }.
    Prompt: { $prompt }
    { $link }
report-owner-notice =
    🚩 Un miembro ha reportado un resultado en tu servidor **{ $guild }** y ahora está oculto: { $link }
    Los moderadores (Gestionar mensajes) pueden eliminarlo con su botón **{ button-delete }**. Configura un canal de auditoría con `/{ name-imagine-admin } { name-imagine-admin-audit }` para que los reportes lleguen a tus moderadores con botones para revisarlos.
review-restored = ✅ Restaurado por { $moderator }.
review-deleted = 🗑️ Eliminado por { $moderator }.
review-blocked = ⛔ { $moderator } ha bloqueado al solicitante.
review-term-added = 🔤 { $moderator } ha bloqueado un término.
review-done = Hecho.
review-term-form-title = Añadir un término bloqueado
review-term-form-term = Término (una palabra o frase)
review-outcome-restored = Se ha revisado el resultado que reportaste en **{ $guild }**: un moderador lo ha restaurado.
review-outcome-deleted = Se ha revisado el resultado que reportaste en **{ $guild }**: un moderador lo ha eliminado.
review-result-gone = El mensaje del resultado ya no existe.
audit-reported = 🚩 { $user } ha reportado el resultado de { $job }
audit-review-action = 🛡️ { $user }: { $action } · { $job }

## /history.
history-description = Tus resultados recientes en este servidor, con enlaces (solo los ves tú)
history-page-description = Qué página (primero los más recientes)
history-title = 🖼️ Resultados de { $member }, página { $page } de { $pages }:
history-line = { $when } · { $prompt } · { $count } · [abrir]({ $link })
history-empty = Aún no hay resultados.
admin-history-description = Los resultados recientes de un miembro, con enlaces
admin-history-member-description = El miembro cuyos resultados quieres ver

## El ajuste de spoiler.
admin-channels-spoiler-description = Muestra todos los resultados de un canal como spoiler (para miembros jóvenes)
change-spoiler-on = los resultados en { $channel } se muestran como spoiler
change-spoiler-off = los resultados en { $channel } se muestran sin spoiler
