quota-person-daily = 🚫 Seu limite diário em todos os servidores foi atingido: você pediu { $requested ->
        [one] { $requested } imagem
       *[other] { $requested } imagens
    }, mas hoje só tem { $remaining } de { $limit ->
        [one] { $limit } disponível
       *[other] { $limit } disponíveis
    }, onde quer que use este bot. Ele é renovado { $reset }. Nada foi cobrado.
quota-bot-daily = 🚫 O limite diário do bot, compartilhado por todos os servidores, foi atingido: hoje há { $remaining } de { $limit ->
        [one] { $limit } imagem disponível
       *[other] { $limit } imagens disponíveis
    } e você pediu { $requested }. Ele é renovado { $reset }. Nada foi cobrado.
quota-credits-daily = 🚫 O orçamento diário do bot acabou: hoje há { $remaining } de { $limit ->
        [one] { $limit } crédito disponível
       *[other] { $limit } créditos disponíveis
    } e este pedido precisa de { $cost }. Ele é renovado { $reset }. Nada foi cobrado.
quota-credits-monthly = 🚫 O orçamento mensal do bot acabou: este mês há { $remaining } de { $limit ->
        [one] { $limit } crédito disponível
       *[other] { $limit } créditos disponíveis
    } e este pedido precisa de { $cost }. Ele é renovado { $reset }. Nada foi cobrado.
quota-guild-credits = 🚫 O orçamento mensal deste servidor acabou: este mês há { $remaining } de { $limit ->
        [one] { $limit } crédito disponível
       *[other] { $limit } créditos disponíveis
    } e este pedido precisa de { $cost }. Ele é renovado { $reset }. Nada foi cobrado.
usage-person-today = 🌐 Imagens hoje em todo lugar (todos os servidores e MDs): **{ $used }** de { $limit }
usage-guild-credits = 💳 Créditos deste servidor neste mês: { $used } de { $limit }
limit-option-monthly-credits = `{ name-imagine-admin-quota-server-monthly-credits }` (créditos do servidor por mês)
admin-quota-server-monthly-credits-description = Créditos que este servidor pode gastar por mês (UTC)
admin-quota-server-over-budget-description = O que acontece quando o orçamento do servidor acaba
choice-over-budget-refuse = recusar pedidos
choice-over-budget-approval = exigir a aprovação de um moderador
choice-over-budget-one-image = uma imagem por pedido
budget-guild-daily = Imagens deste servidor hoje
budget-guild-credits = Créditos deste servidor neste mês
audit-budget-warning = ⚠️ { $budget }: { $level }% do orçamento já foi usado ({ $used } de { $limit }).
audit-budget-spent = 🛑 { $budget }: o orçamento acabou ({ $used } de { $limit }). { $then }
budget-then-refuse = Os pedidos além dele são recusados até ele ser renovado.
budget-then-approval = Os pedidos além dele agora aguardam a aprovação de um moderador.
budget-then-one-image = Os pedidos além dele agora recebem uma imagem cada.
admin-spend-description = Um gráfico das imagens e dos créditos deste servidor nos últimos 30 dias
spend-chart-legend = 📈 O gráfico: imagens (azul, em cima) e créditos (laranja, embaixo) por dia nos últimos { $days } dias, o mais antigo à esquerda; o maior valor de cada painel aparece à esquerda dele.
spend-summary = 📊 { $days ->
        [one] Último dia
       *[other] Últimos { $days } dias
    }: { $images ->
        [0] { $images } imagens
        [one] { $images } imagem
       *[other] { $images } imagens
    }, { $credits ->
        [0] { $credits } créditos
        [one] { $credits } crédito
       *[other] { $credits } créditos
    }
spend-top-title = **Membros que mais geraram**
spend-top-member = { $user }: { $count ->
        [one] { $count } imagem
       *[other] { $count } imagens
    }
spend-no-members = Nenhum membro gerou imagens nesse período.
show-budget = Orçamento
show-budget-value =
    créditos por mês: { $credits }
    quando ele acabar: { $then }
