## Comandos: descrições de comandos, grupos e opções, e os nomes das escolhas.
imagine-description = Gere imagens a partir de um prompt de texto
imagine-prompt-description = O que desenhar (de 1 a 2000 caracteres)
imagine-size-description = LxA, como 1280x1280, ou escolha uma predefinição; deixe vazio para usar o padrão
imagine-n-description = Quantas imagens, de 1 a 4
imagine-prompt-extend-description = Deixar o serviço enriquecer um prompt curto (padrão: ativado)
usage-description = Suas imagens de hoje, seus limites e suas gerações recentes
admin-description = Configurações do bot de imagens neste servidor
admin-channels-description = Onde o /{ name-imagine } funciona, aprovação e visibilidade
admin-roles-description = Quem pode usar o /{ name-imagine }, cargos isentos e limites por cargo
admin-quota-description = Os limites deste servidor e os ajustes individuais dos membros
admin-terms-description = Palavras e padrões que os prompts não podem conter
admin-show-description = Todas as configurações deste servidor em uma só tela
admin-audit-description = Para onde vai o registro de auditoria (deixe vazio para desativá-lo)
admin-audit-channel-description = O canal do registro de auditoria
admin-forget-description = Apagar, a pedido, as gerações e o uso salvos de um membro neste servidor
admin-forget-user-description = O membro cujos dados serão apagados
admin-channels-mode-description = Em todo lugar, só nos canais listados ou em todos, menos nos listados
admin-channels-add-description = Pôr um canal (e seus tópicos) na lista de permissão ou de bloqueio
admin-channels-remove-description = Tirar um canal da lista de permissão ou de bloqueio
admin-channels-approval-description = Exigir a aprovação de um moderador antes de enviar os prompts
admin-channels-visibility-description = Resultados visíveis para todos ou só para quem pediu
admin-roles-allow-description = Deixar um cargo usar o /{ name-imagine } (com algum cargo na lista, só eles podem)
admin-roles-disallow-description = Tirar um cargo da lista de cargos permitidos
admin-roles-exempt-description = Isentar um cargo dos limites por membro deste servidor (os do operador continuam)
admin-roles-limits-description = Limites próprios de um cargo (cada membro fica com os do cargo mais generoso)
admin-roles-limits-clear-description = Em vez disso, remover os limites do cargo
admin-quota-server-description = Os limites deste servidor (opções vazias mantêm o valor atual)
admin-quota-server-reset-description = Voltar aos padrões do bot em todos os limites
admin-quota-member-description = Dar a um membro imagens bônus por dia, ou bloqueá-lo
admin-quota-member-clear-description = Em vez disso, remover o ajuste individual do membro
admin-terms-add-description = Recusar prompts que contenham uma palavra (ou, com { name-imagine-admin-terms-add-regex }, um padrão)
admin-terms-remove-description = Parar de recusar uma palavra ou um padrão
admin-terms-list-description = As palavras e os padrões bloqueados
choice-mode-everywhere = em todo lugar
choice-mode-allow-list = lista de permissão
choice-mode-deny-list = lista de bloqueio
choice-results-public = público
choice-results-ephemeral = privado

## Botões e o formulário de rejeição.
button-reroll = Refazer
button-delete = Excluir
button-cancel = Cancelar
button-approve = Aprovar
button-reject = Rejeitar
button-try-again = Tentar de novo
button-generate-again = Gerar de novo
button-show = Mostrar imagens
reject-form-title = Rejeitar este prompt
reject-form-reason = Motivo (exibido para quem pediu)

## Recusas e erros, respondidos em privado.
shutting-down = ⏸️ O bot está reiniciando e não está aceitando novos pedidos agora. Tente de novo daqui a um minuto.
dms-disabled = 🚫 A geração de imagens não está disponível em mensagens diretas; use o `/{ name-imagine }` em um servidor.
guild-only = 🚫 Este comando só funciona em servidores.
not-allowed = 🚫 Você não pode usar isto aqui.
not-an-admin = Só membros com a permissão Gerenciar servidor podem mudar as configurações do bot.
not-a-moderator = Só membros que podem gerenciar mensagens podem aprovar ou rejeitar prompts.
cancel-not-yours = Só o membro que pediu estas imagens pode cancelá-las.
show-not-yours = Estas imagens são privadas: só o membro que as pediu pode vê-las.
delete-refused = Só o membro que pediu estas imagens, ou membros que podem gerenciar mensagens, podem excluí-las.
unknown-job = O bot não conhece mais esta geração (o registro dela foi removido).
invalid-option =
    ❌ A opção **{ $option }** { $problem }
    Nada foi gerado e nenhuma cota foi usada.
option-not-understood =
    ❌ Uma opção não foi entendida.
    Nada foi gerado e nenhuma cota foi usada.

## O que há de errado com uma opção ({problem} de "invalid-option") e as predefinições de tamanho oferecidas.
invalid-prompt-empty = está vazia; descreva a imagem que você quer (de 1 a { $maximum } caracteres).
invalid-prompt-too-long = tem { $length ->
        [one] { $length } caractere
       *[other] { $length } caracteres
    }; o limite é { $maximum }. Encurte o texto e tente de novo.
invalid-prompt-control-character = contém um caractere de controle ({ $character }): um prompt é uma única linha de texto, sem quebras de linha, tabulações ou códigos invisíveis. Remova esse caractere e tente de novo.
invalid-count = precisa estar entre { $minimum } e { $maximum }, não { $count }.
invalid-size-not-a-size = `{ $typed }` não é um tamanho; { $rules }.
invalid-size-zero-side = `{ $size }` tem um lado igual a zero; { $rules }.
invalid-size-pixels = `{ $size }` tem { $pixels ->
        [one] { $pixels } pixel
       *[other] { $pixels } pixels
    }, fora do intervalo de { $minimum } a { $maximum }; { $rules }.
invalid-size-aspect = `{ $size }` é estreito ou largo demais; { $rules }.
size-rules = use LxA (largura x altura), como 1280x1280: largura×altura entre { $minimum }×{ $minimum } e { $maximum }×{ $maximum } pixels no total, proporção entre 1:{ $aspect } e { $aspect }:1, ou uma predefinição: { $presets }
size-value = { $width }x{ $height }
size-preset-choice = { $name } { $ratio } ({ $size })
size-preset-square = quadrado
size-preset-portrait = retrato
size-preset-landscape = paisagem
size-preset-wide = panorâmico
size-preset-tall = alto
error-unexpected = Algo deu errado dentro do bot. Tente de novo.
error-unexpected-imagine = Algo deu errado dentro do bot; nada foi gerado e nenhuma cota foi usada. Tente de novo.
error-unexpected-admin = Algo deu errado ao mudar as configurações; nada foi alterado.

## Cotas.
quota-blocked = 🚫 Você não pode gerar imagens aqui; um administrador do servidor bloqueou isso para você.
quota-cooldown = ⏳ Vai com calma: você poderá pedir imagens de novo { $again }. Nada foi cobrado.
quota-active-jobs = 🚦 Você já tem { $used ->
        [one] { $used } geração
       *[other] { $used } gerações
    } na fila ou em andamento aqui, e o máximo ao mesmo tempo é { $limit }. Espere uma terminar ou cancele uma. Nada foi cobrado.
quota-guild-daily = 🚫 O limite diário deste servidor foi atingido: hoje há { $remaining } de { $limit ->
        [one] { $limit } imagem disponível
       *[other] { $limit } imagens disponíveis
    } e você pediu { $requested }. O limite é renovado { $reset }. Nada foi cobrado.
quota-user-daily = 🚫 Limite diário atingido: você pediu { $requested ->
        [one] { $requested } imagem
       *[other] { $requested } imagens
    }, mas hoje só tem { $remaining } de { $limit ->
        [one] { $limit } disponível
       *[other] { $limit } disponíveis
    }. Sua cota é renovada { $reset }. Nada foi cobrado.

## As regras do servidor (nunca dizem qual termo bloqueado foi encontrado).
policy-channel-allow-list = 🚫 O `/{ name-imagine }` não funciona neste canal. Aqui ele funciona em: { $channels }.
policy-channel-deny-list = 🚫 Aqui o `/{ name-imagine }` funciona em todos os canais, exceto: { $channels }. Tente outro canal.
policy-channel = 🚫 O `/{ name-imagine }` não funciona neste canal. Pergunte a um administrador do servidor onde ele funciona.
policy-role = 🚫 Neste servidor, só membros com certos cargos podem usar o `/{ name-imagine }`. Fale com um administrador do servidor.
policy-term = 🚫 Este prompt contém palavras que este servidor não permite. Reescreva o prompt e tente de novo; nada foi gerado nem descontado.

## A mensagem de uma geração: descrição, progresso, resultado e fim.
job-description =
    {"*"}*{ $prompt }**
    `{ $size }` · { $count } · { $job_id }
job-id = geração `{ $job_id }`
job-size-default = tamanho padrão
job-images = { $count ->
        [0] { $count } imagens
        [one] { $count } imagem
       *[other] { $count } imagens
    }
progress-awaiting-approval = 🕒 Aguardando a aprovação de um moderador; nada é gerado antes disso. Enquanto isso, as imagens ficam reservadas na sua cota diária e são devolvidas se o pedido for rejeitado.
progress-queued-position = ⏳ Na fila: posição #{ $position } para o serviço de imagens…
progress-queued = ⏳ Na fila, esperando uma vaga livre no serviço de imagens…
progress-submitting = 📨 Enviando o prompt para o serviço de imagens…
progress-uploading = 📤 Pronto! Enviando as imagens…
progress-generating = 🎨 Gerando… { $percent }%
progress-generating-eta = 🎨 Gerando… { $percent }%, cerca de { $seconds } s para terminar
progress-generating-almost-done = 🎨 Gerando… { $percent }%, quase pronto
result = 🖼️ { $job }
result-shortfall = O serviço produziu só { $delivered } das { $requested } imagens pedidas; sua cota diária foi descontada só em { $delivered }.
result-not-fetched = Só { $delivered } das { $requested } imagens chegaram: { $missing ->
        [one] { $missing } não pôde ser baixada
       *[other] { $missing } não puderam ser baixadas
    } do serviço. Só as imagens exibidas ({ $delivered }) foram descontadas da sua cota diária.
job-failed =
    ❌ { $job }
    { $advice }
    Nenhuma imagem foi descontada da sua cota.
job-failed-maybe-charged =
    ❌ { $job }
    { $advice }
    O serviço de imagens pode ter criado esta tarefa; se criou, ela foi cobrada, então { $charged ->
        [one] { $charged } imagem é descontada
       *[other] { $charged } imagens são descontadas
    } da sua cota diária, mesmo sem nenhuma ter sido entregue.
job-cancelled =
    🛑 { $job }
    Cancelada. Nenhuma imagem foi descontada da sua cota.
job-cancelled-charged =
    🛑 { $job }
    Cancelada. O serviço já tinha produzido { $charged ->
        [one] { $charged } imagem, que é descontada
       *[other] { $charged } imagens, que são descontadas
    } da sua cota.
job-rejected =
    🚫 { $job }
    Um moderador rejeitou este pedido: { $reason }
    Nada foi descontado.
job-rejected-no-reason = nenhum motivo informado
job-not-decided =
    🚫 { $job }
    Este pedido terminou sem uma decisão de moderador: { $reason }
    Nada foi descontado.
job-expired =
    ⌛ { $job }
    { $advice }
    Nenhuma imagem foi descontada da sua cota.
failure-detail-unknown = problema desconhecido
failure-content-policy = O serviço de imagens recusou este prompt por causa da política de conteúdo dele. Reescreva o prompt (sem nada explícito, violento ou sobre pessoas reais) e tente de novo.
failure-invalid-input = O serviço de imagens rejeitou estas opções. Mude o prompt ou o tamanho e tente de novo.
failure-service-failed = O serviço de imagens não conseguiu gerar esta imagem. Tente de novo daqui a pouco.
failure-service-unavailable = O serviço de imagens do bot está indisponível agora; o operador do bot já foi avisado. Tente de novo mais tarde.
failure-outcome-unknown = O serviço de imagens nunca informou se aceitou este pedido, nem quando perguntado de novo. Tente de novo mais tarde.
failure-api-unreachable = Não foi possível conectar ao serviço de imagens. Tente de novo em alguns minutos.
failure-timed-out = O serviço de imagens demorou demais e a geração foi abandonada. Tente de novo mais tarde.
failure-no-images = O serviço de imagens terminou sem produzir nenhuma imagem. Tente de novo.
failure-bad-image = O serviço de imagens devolveu um arquivo que não pôde ser usado ({ $detail }). Tente de novo.
failure-delivery-failed = As imagens foram geradas, mas não puderam ser postadas aqui. Peça a um administrador para deixar o bot enviar mensagens e anexar arquivos neste canal.
failure-results-expired = As imagens expiraram (os links delas duram 24 horas) antes de poderem ser entregues. Gere as imagens de novo.
failure-internal = Algo deu errado dentro do bot. Tente de novo.
failure-rejected = Um moderador rejeitou este pedido ({ $detail }).

## Por que uma geração falhou, em detalhes (em "failure-bad-image", numa rejeição e no registro de auditoria).
image-not-http = o link não é uma URL http(s)
image-not-https = o link é http simples, não https
image-unresolvable = não foi possível resolver { $host }
image-private-address = o link aponta para um endereço de rede privada ou local
image-http-status = o link respondeu HTTP { $status }
image-timed-out = o download excedeu o tempo limite
image-download-failed = o download falhou ({ $error })
image-too-many-redirects = redirecionamentos demais
image-too-large = o arquivo tem mais de { $maximum ->
        [one] { $maximum } byte
       *[other] { $maximum } bytes
    }
image-unsupported-format = formato de imagem não suportado: { $format }
image-too-large-to-decode = a imagem é grande demais para ser decodificada com segurança
image-dimensions-too-large = a imagem tem { $width }x{ $height } pixels, muito além do que o serviço produz
image-unreadable = o arquivo não é uma imagem legível
image-corrupt = a imagem está truncada ou corrompida
image-cannot-fit = não foi possível deixar a imagem abaixo de { $limit ->
        [one] { $limit } byte
       *[other] { $limit } bytes
    }
delivery-result-refused = o Discord recusou o resultado ({ $status } { $code })
delivery-private-response-expired = a resposta privada expirou antes de as imagens ficarem prontas
delivery-channel-refused = o canal recusou a mensagem ({ $status } { $code })
problem-api-status = o serviço de imagens respondeu HTTP { $status }
problem-api-answer-unreadable = não foi possível ler a resposta do serviço de imagens
problem-api-unreachable = não foi possível conectar ao serviço de imagens
problem-create-outcome-unknown = o serviço de imagens deixou { $attempts ->
        [one] { $attempts } pedido
       *[other] { $attempts } pedidos
    } sem resposta
problem-task-failed = o serviço de imagens informou que a tarefa falhou
problem-task-timed-out = a tarefa não terminou em { $seconds } s
problem-results-expired = os links expiraram
problem-approval-timed-out = nenhum moderador respondeu em { $hours ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }
problem-approval-not-posted = o bot não conseguiu postar o pedido para os moderadores no canal de auditoria
problem-internal = erro inesperado ({ $error })

## Respostas dos botões.
cancel-cancelled = 🛑 Cancelado antes do envio; nada foi gerado e sua cota foi devolvida.
cancel-discard-on-arrival = 🛑 O serviço de imagens já está trabalhando nisso e não dá para parar. As imagens serão descartadas quando chegarem; o serviço cobra por elas, então elas são descontadas da sua cota.
cancel-too-late = Tarde demais para cancelar: as imagens já estão sendo postadas.
cancel-already-ended = Esta geração já terminou.
deleted = 🗑️ Excluído.

## Resultados privados cuja interação expirou antes de ficarem prontos.
private-result-ready = 🖼️ Suas imagens estão prontas — { $job }. Só você pode vê-las: clique em **{ button-show }** (até { $until }). Elas foram geradas e cobradas, então sua cota diária é descontada em { $count ->
        [one] { $count } imagem
       *[other] { $count } imagens
    }, você abrindo ou não.
private-result-expired =
    ⌛ { $job }
    O serviço guarda as imagens por 24 horas e estas expiraram; não dá mais para exibi-las. Elas foram geradas, então continuam descontadas da sua cota.
private-result-unavailable = Esta geração não tem imagens para mostrar.
private-result-on-its-way = Suas imagens já estão a caminho: vão aparecer aqui em instantes.
private-undeliverable =
    ❌ Os resultados neste canal são privados e o bot não pode postar aqui, então não conseguiria entregar suas imagens depois que acabassem os 15 minutos que o Discord dá para esta resposta. Peça a um administrador para deixar o bot enviar mensagens neste canal.
    Nada foi gerado e nenhuma cota foi usada.
approval-approved = ✅ aprovado por { $moderator }
approval-rejected = ⛔ rejeitado por { $moderator }
approval-rejected-reason = ⛔ rejeitado por { $moderator }: { $reason }
approval-no-longer-waits = Este pedido não está mais aguardando uma decisão.
approval-already-approved = Outro moderador decidiu primeiro: este pedido já foi aprovado por { $moderator }.
approval-already-rejected = Outro moderador decidiu primeiro: este pedido já foi rejeitado por { $moderator }.

## Desfechos (no /usage e no registro de auditoria).
outcome-delivered = 🖼️ entregue
outcome-failed = ❌ falhou
outcome-cancelled = 🛑 cancelada
outcome-expired = ⌛ expirada
outcome-rejected = 🚫 rejeitada

## /usage.
usage-title-guild = **Seu uso neste servidor**
usage-title-dm = **Seu uso em mensagens diretas**
usage-blocked = 🚫 Um administrador bloqueou você de gerar imagens aqui.
usage-images-today = 🖼️ Imagens hoje — usadas: **{ $used }** de { $limit }, restantes: **{ $left }**
usage-active-jobs = 🚦 Gerações na fila ou em andamento ao mesmo tempo: { $limit }
usage-active-jobs-cooldown = 🚦 Gerações na fila ou em andamento ao mesmo tempo: { $limit }, { $seconds } s entre pedidos
usage-exempt = { $limits } (seu cargo é isento dos limites por membro deste servidor)
usage-guild-today = 🏠 Imagens deste servidor hoje: { $used } de { $limit }
usage-resets = 🔄 Os limites diários são renovados { $when }
usage-active-title = **Em andamento e na fila**
usage-recent-title = **Gerações recentes**
usage-no-recent = Nenhuma geração concluída ainda.
usage-job = `{ $job_id }` { $state } · { $when } · { $prompt }
usage-job-delivered = { $outcome } ({ $count ->
        [0] { $count } imagens
        [one] { $count } imagem
       *[other] { $count } imagens
    })
usage-job-queued = ⏳ na fila, posição #{ $position }
usage-job-running = 🎨 { $state }
job-state-awaiting-approval = aguardando aprovação
job-state-queued = na fila
job-state-submitting = enviando
job-state-submitted = gerando
job-state-completed = enviando as imagens
unlimited = ilimitado

## O registro de auditoria.
audit-job =
    geração `{ $job_id }` · { $user } em { $channel } · `{ $size }` · { name-imagine-n }={ $count }
    > { $prompt }
audit-job-no-extend =
    geração `{ $job_id }` · { $user } em { $channel } · `{ $size }` · { name-imagine-n }={ $count } · { name-imagine-prompt-extend } desativado
    > { $prompt }
audit-ended = { $outcome } · { $job }
audit-ended-reason = motivo: { $reason } ({ $detail })
failure-reason-content-policy = política de conteúdo
failure-reason-invalid-input = opções recusadas
failure-reason-service-failed = falha do serviço
failure-reason-outcome-unknown = resultado desconhecido
failure-reason-service-unavailable = serviço indisponível
failure-reason-api-unreachable = serviço inacessível
failure-reason-timed-out = tempo esgotado
failure-reason-no-images = nenhuma imagem
failure-reason-bad-image = imagem inutilizável
failure-reason-delivery-failed = falha na entrega
failure-reason-results-expired = resultados expirados
failure-reason-rejected = rejeitado
failure-reason-model-denied = modelo de imagem não permitido
failure-reason-input-unavailable = imagem de partida indisponível
failure-reason-internal = erro interno
audit-ended-charged = { $charged ->
        [one] { $charged } imagem produzida antes do cancelamento foi descontada
       *[other] { $charged } imagens produzidas antes do cancelamento foram descontadas
    }
audit-delivered =
    🖼️ entregue · { $job }
    { $count ->
        [one] { $count } imagem
       *[other] { $count } imagens
    } { $where }
audit-delivered-privately = em privado para quem pediu
audit-approval-request = 🕒 **aprovação necessária** · { $job }
audit-approval-hint = Membros que podem gerenciar mensagens podem aprovar ou rejeitar o pedido.
audit-refused =
    ⛔ recusado · { $user } em { $channel } · { $why }
    > { $prompt }
audit-refused-channel = canal
audit-refused-role = cargo
audit-refused-any-term = termo
audit-refused-term = termo bloqueado `{ $term }`
audit-refused-pattern = padrão bloqueado `{ $term }`
audit-refused-quota = cota: { $kind }
limit-kind-blocked = membro bloqueado
limit-kind-cooldown = tempo de espera
limit-kind-active-jobs = gerações simultâneas
limit-kind-user-daily = imagens de um membro por dia
limit-kind-guild-daily = imagens do servidor por dia
limit-kind-person-daily = imagens de uma pessoa por dia em todos os servidores
limit-kind-bot-daily = imagens do bot por dia
limit-kind-credits-daily = créditos do bot por dia
limit-kind-credits-monthly = créditos do bot por mês
limit-kind-guild-credits = créditos do servidor por mês
audit-refused-private-undeliverable = resultados privados, mas o bot não pode postar no canal
audit-deleted = 🗑️ resultado excluído por { $user } · { $job }
audit-setting-changed = ⚙️ { $user } { $change }
audit-dropped = ⚠️ { $count ->
        [one] Falta { $count } registro de auditoria aqui: este canal estava ocupado demais para postá-lo a tempo
       *[other] Faltam { $count } registros de auditoria aqui: este canal estava ocupado demais para postá-los a tempo
    }

## /imagine-admin: respostas e as alterações (também escritas no registro de auditoria).
admin-done = ✅ { $change }
admin-not-changed = ❌ Nada foi alterado: { $problem }.
admin-bot-lacks = o bot não tem estas permissões em { $channel }: { $permissions }
permission-view-channel = Ver canal
permission-send-messages = Enviar mensagens
permission-attach-files = Anexar arquivos
admin-approval-needs-audit = ❌ Nada foi alterado: os pedidos de aprovação aguardam no canal de auditoria; defina um primeiro com `/{ name-imagine-admin } { name-imagine-admin-audit }`.
admin-nothing-to-change = Nada para alterar: informe pelo menos um limite.
admin-beyond-operator = { $limit } pode ser no máximo { $ceiling } aqui, o limite definido pelo operador do bot (um servidor pode deixar seus limites mais rígidos, nunca mais flexíveis)
admin-cooldown-below-operator = `{ name-imagine-admin-quota-server-cooldown-seconds }` não pode ser menor que { $ceiling } aqui, o intervalo definido pelo operador do bot (um servidor pode deixar seus limites mais rígidos, nunca mais flexíveis)
limit-option-daily-images = `{ name-imagine-admin-quota-server-daily-images }` (imagens por membro por dia)
limit-option-max-active-jobs = `{ name-imagine-admin-quota-server-max-active-jobs }` (gerações simultâneas por membro)
limit-option-server-daily-images = `{ name-imagine-admin-quota-server-server-daily-images }` (imagens por servidor por dia)
limit-option-bonus-images = `{ name-imagine-admin-quota-member-bonus-images }` (imagens extras de um membro por dia)
admin-term-not-added = ❌ Não adicionado: { $problem }.
term-no-letters = um termo bloqueado precisa de pelo menos uma letra ou um dígito
term-too-long = um termo pode ter no máximo { $maximum ->
        [one] { $maximum } caractere
       *[other] { $maximum } caracteres
    }
term-pattern-too-long = um padrão pode ter no máximo { $maximum ->
        [one] { $maximum } caractere
       *[other] { $maximum } caracteres
    }
term-pattern-does-not-compile = o padrão não compila: { $detail }
term-too-many = um servidor pode bloquear no máximo { $maximum ->
        [one] { $maximum } termo
       *[other] { $maximum } termos
    }
term-control-character = um termo não pode conter caracteres de controle, como quebras de linha, tabulações ou NUL (encontrado: { $character })
admin-term-already-blocked = Esse termo já está bloqueado.
admin-pattern-already-blocked = Esse padrão já está bloqueado.
admin-term-not-blocked = Esse não é um termo bloqueado aqui.
admin-no-terms = Nenhum termo está bloqueado aqui.
admin-terms-list =
    {"*"}*Bloqueados aqui:**
    { $terms }
change-audit-set = definiu { $channel } como canal do registro de auditoria
change-audit-off = desativou o registro de auditoria
change-forgot = apagou { $count ->
        [0] { $count } gerações armazenadas
        [one] { $count } geração armazenada
       *[other] { $count } gerações armazenadas
    } e o uso de { $user }
change-channel-mode = definiu onde o /{ name-imagine } funciona: { $mode }
change-channel-listed = incluiu { $channel } na lista
change-channel-unlisted = tirou { $channel } da lista
change-approval-required = passou a exigir aprovação em { $channel }
change-approval-not-required = deixou de exigir aprovação em { $channel }
change-visibility = definiu a visibilidade dos resultados em { $channel } como: { $results }
change-role-allowed = permitiu que { $role } use o /{ name-imagine }
change-role-disallowed = tirou { $role } dos cargos permitidos
change-role-exempt = isentou { $role } dos limites por membro deste servidor (os do operador do bot continuam valendo)
change-role-not-exempt = voltou a aplicar os limites a { $role }
change-role-limits = definiu { $limits } para { $role }
change-role-limits-cleared = removeu os limites de { $role }
change-server-reset = voltou os limites deste servidor aos padrões do bot
change-server-limits = definiu neste servidor: { $changes }
change-member-cleared = removeu o ajuste individual de { $member }
change-member-blocked = impediu { $member } de gerar imagens
change-member-bonus = deu a { $member } { $count ->
        [0] { $count } imagens bônus
        [one] { $count } imagem bônus
       *[other] { $count } imagens bônus
    } por dia
change-term-blocked = bloqueou o termo `{ $term }`
change-pattern-blocked = bloqueou o padrão `{ $term }`
change-term-unblocked = desbloqueou `{ $term }`

## /imagine-admin show.
show-title = Configurações do bot de imagens
show-where = Onde o /{ name-imagine } funciona
show-mode-everywhere = em todos os canais
show-mode-allow-list = só nos canais listados e nos tópicos deles
show-mode-deny-list = em todo lugar, exceto nos canais listados e nos tópicos deles
show-approval = Aprovação exigida em
show-private = Resultados privados em
show-audit = Registro de auditoria
show-audit-off = desativado
show-allowed-roles = Cargos que podem usar o /{ name-imagine }
show-allowed-roles-everyone = todos
show-exempt-roles = Cargos isentos
show-limits = Limites
show-limits-value =
    imagens por membro por dia: { $daily }
    gerações simultâneas por membro: { $active }
    intervalo entre pedidos: { $cooldown }
    imagens por dia para o servidor: { $server }
show-default = { $value } (padrão)
show-seconds = { $seconds } s
show-role-limits = Limites por cargo
show-member-overrides = Ajustes individuais
show-member-blocked = bloqueado
show-member-bonus = +{ $count ->
        [0] { $count } imagens/dia
        [one] { $count } imagem/dia
       *[other] { $count } imagens/dia
    }
show-terms = Termos bloqueados ({ $count })
show-no-channel = nenhum canal
show-none = nenhum
term = `{ $term }`
term-pattern = `{ $term }` (padrão)
limits-daily = { $count }/dia
limits-at-once = { $count } ao mesmo tempo
limits-cooldown = { $seconds } s de intervalo
limits-none = nenhum limite definido
admin-language-description = Idioma das publicações públicas do servidor: resultados, aprovações e registro de auditoria
admin-language-language-description = Um idioma, ou a configuração do Discord para o servidor
choice-language-discord = configuração do Discord para o servidor
change-language = definiu o idioma das publicações públicas como { $language }
change-language-discord = fez as publicações públicas voltarem a seguir a configuração do Discord para o servidor (agora { $language })
show-language = Publicações públicas
show-language-chosen = { $language }
show-language-discord = { $language } (configuração do Discord)
