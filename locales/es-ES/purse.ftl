quota-person-daily = 🚫 Has alcanzado tu límite diario global (en todos los servidores donde usas este bot): has pedido { $requested ->
        [one] { $requested } imagen
       *[other] { $requested } imágenes
    }, pero hoy te { $remaining ->
        [one] queda
       *[other] quedan
    } { $remaining } de { $limit }. Se restablece { $reset }. No se ha cobrado nada.
quota-bot-daily = 🚫 Se ha alcanzado el límite diario del bot, compartido por todos los servidores: hoy le { $remaining ->
        [one] queda
       *[other] quedan
    } { $remaining } de { $limit ->
        [one] { $limit } imagen
       *[other] { $limit } imágenes
    } y has pedido { $requested }. Se restablece { $reset }. No se ha cobrado nada.
quota-credits-daily = 🚫 Se ha agotado el presupuesto diario del bot: hoy le { $remaining ->
        [one] queda
       *[other] quedan
    } { $remaining } de { $limit ->
        [one] { $limit } crédito
       *[other] { $limit } créditos
    } y esta solicitud necesita { $cost }. Se restablece { $reset }. No se ha cobrado nada.
quota-credits-monthly = 🚫 Se ha agotado el presupuesto mensual del bot: este mes le { $remaining ->
        [one] queda
       *[other] quedan
    } { $remaining } de { $limit ->
        [one] { $limit } crédito
       *[other] { $limit } créditos
    } y esta solicitud necesita { $cost }. Se restablece { $reset }. No se ha cobrado nada.
quota-guild-credits = 🚫 Se ha agotado el presupuesto mensual de este servidor: este mes le { $remaining ->
        [one] queda
       *[other] quedan
    } { $remaining } de { $limit ->
        [one] { $limit } crédito
       *[other] { $limit } créditos
    } y esta solicitud necesita { $cost }. Se restablece { $reset }. No se ha cobrado nada.
usage-person-today = 🌐 Imágenes hoy en todas partes (todos los servidores y mensajes directos): **{ $used }** de { $limit }
usage-guild-credits = 💳 Créditos de este servidor este mes: { $used } de { $limit }
limit-option-monthly-credits = `{ name-imagine-admin-quota-server-monthly-credits }` (créditos del servidor al mes)
admin-quota-server-monthly-credits-description = Créditos que este servidor puede gastar por mes (UTC)
admin-quota-server-over-budget-description = Qué pasa cuando se agota el presupuesto del servidor
choice-over-budget-refuse = rechazar las solicitudes
choice-over-budget-approval = exigir la aprobación de un moderador
choice-over-budget-one-image = una imagen por solicitud
budget-guild-daily = Imágenes de este servidor hoy
budget-guild-credits = Créditos de este servidor este mes
audit-budget-warning = ⚠️ { $budget }: se ha usado el { $level } % del presupuesto ({ $used } de { $limit }).
audit-budget-spent = 🛑 { $budget }: se ha agotado el presupuesto ({ $used } de { $limit }). { $then }
budget-then-refuse = Las solicitudes que lo superen se rechazarán hasta que se restablezca.
budget-then-approval = A partir de ahora, las solicitudes que lo superen esperan la aprobación de un moderador.
budget-then-one-image = A partir de ahora, las solicitudes que lo superen reciben una sola imagen.
admin-spend-description = Un gráfico de las imágenes y los créditos de este servidor en los últimos 30 días
spend-chart-legend = 📈 El gráfico: imágenes (azul, arriba) y créditos (naranja, abajo) por día en los últimos { $days } días, el más antiguo a la izquierda; a la izquierda de cada panel, su valor más alto.
spend-summary = 📊 { $days ->
        [one] Último día
       *[other] Últimos { $days } días
    }: { $images ->
        [one] { $images } imagen
       *[other] { $images } imágenes
    }, { $credits ->
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }
spend-top-title = **Miembros más activos**
spend-top-member = { $user }: { $count ->
        [one] { $count } imagen
       *[other] { $count } imágenes
    }
spend-no-members = Ningún miembro ha generado imágenes en estos días.
show-budget = Presupuesto
show-budget-value =
    créditos al mes: { $credits }
    cuando se agota: { $then }
