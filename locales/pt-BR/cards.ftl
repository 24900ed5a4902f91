## Os botões do cartão.
button-info = Informações
button-report = Denunciar
button-restore = Restaurar
button-block-requester = Bloquear quem pediu
button-add-term = Adicionar termo bloqueado

## Os detalhes do cartão, abaixo do prompt.
card-details = { $model } · pedido por { $requester }
card-hidden = ⚠️ Este resultado foi denunciado e está oculto até um moderador analisá-lo.
card-spoiler = As imagens deste canal são exibidas como spoiler: clique para vê-las.

## Informações (privado).
info-title = ℹ️ Sobre a geração `{ $job_id }`
info-request = Enviado à API: modelo `{ $model }`, tamanho `{ $size }`, n { $n }, prompt_extend { $extend }
info-prompt = Prompt: { $prompt }
info-actual-prompt-none = O serviço não informou um prompt reescrito.
info-task = ID da tarefa: `{ $task_id }`
info-task-none = ID da tarefa: nenhum (a geração não foi enviada)
info-credits = Créditos — reservados: { $reserved }, cobrados: { $charged }
info-times = Tempo na fila: { $queued } · tempo de geração: { $generated }
info-seconds = { $seconds } s
info-time-unknown = desconhecido

## Denúncia.
report-done = 🚩 Obrigado: o resultado foi ocultado e os moderadores foram chamados para analisá-lo.
report-already = Você já denunciou este resultado.
report-under-review = Este resultado foi denunciado e está aguardando um moderador: até lá, nenhuma imagem nova pode ser gerada a partir dele.
report-unreachable = Não foi possível avisar os moderadores, então o resultado não foi ocultado: tente de novo daqui a pouco.
report-no-audit-owner = 🚩 Obrigado: o resultado foi ocultado e o dono do servidor foi avisado.
report-review =
    🚩 **Resultado denunciado** · geração `{ $job_id }`
    Pedido por { $requester } em { $channel }, denunciado por { $reporter }.
    Prompt: { $prompt }
    { $link }
report-owner-notice =
    🚩 Um resultado no seu servidor **{ $guild }** foi denunciado por um membro e está oculto: { $link }
    Moderadores (Gerenciar mensagens) podem excluí-lo com o botão **{ button-delete }** do resultado. Defina um canal de auditoria com `/{ name-imagine-admin } { name-imagine-admin-audit }` para que as denúncias cheguem aos seus moderadores com botões para analisá-las.
review-restored = ✅ Restaurado por { $moderator }.
review-deleted = 🗑️ Excluído por { $moderator }.
review-blocked = ⛔ { $moderator } bloqueou quem pediu.
review-term-added = 🔤 { $moderator } bloqueou um termo.
review-done = Pronto.
review-term-form-title = Adicionar termo bloqueado
review-term-form-term = Termo (uma palavra ou expressão)
review-outcome-restored = O resultado que você denunciou em **{ $guild }** foi analisado: um moderador o restaurou.
review-outcome-deleted = O resultado que você denunciou em **{ $guild }** foi analisado: um moderador o excluiu.
review-result-gone = A mensagem do resultado não existe mais.
audit-reported = 🚩 { $user } denunciou o resultado · { $job }
audit-review-action = 🛡️ { $user }: { $action } · { $job }

## /history.
history-description = Seus resultados recentes neste servidor, com links para eles (só você vê isto)
history-page-description = Qual página (os mais recentes primeiro)
history-title = 🖼️ Resultados de { $member }, página { $page } de { $pages }:
history-line = { $when } · { $prompt } · { $count } · [abrir]({ $link })
history-empty = Nenhum resultado ainda.
admin-history-description = Os resultados recentes de um membro, com links para eles
admin-history-member-description = O membro cujos resultados serão exibidos

## A configuração de spoiler.
admin-channels-spoiler-description = Exibir todos os resultados de um canal como spoiler (membros jovens)
change-spoiler-on = passou a exibir os resultados em { $channel } como spoiler
change-spoiler-off = passou a exibir os resultados em { $channel } sem spoiler
