## Opções de comando.
imagine-image-description = Uma imagem de partida (JPEG, PNG, BMP ou WebP; de 384 a 5000 px por lado, 10 MB)
imagine-image2-description = Uma segunda imagem de partida

## Botões e o formulário de Remix.
button-vary = Variar { $index }
button-remix = Remix
remix-form-title = Remix
remix-form-prompt = Prompt
remix-form-count = Imagens (de 1 a 4)
remix-form-image = Partir da imagem 1 a { $count } (vazio: nenhuma)

## A descrição da geração quando ela parte de imagens.
job-size-from-image = a partir de uma imagem

## Opções inválidas com uma imagem.
invalid-size-with-image = não pode ser usada com uma imagem: os resultados ficam com o tamanho que o modelo gera a partir dela.
invalid-prompt-extend-with-image = não pode ser usada com uma imagem: o modelo de imagem não estende prompts.

## Uma imagem recusada: qual, o que há de errado, o que é permitido.
input-refused =
    ❌ A imagem { $position } não pode ser usada: { $problem }
    Nada foi gerado e nenhuma cota foi usada.
input-not-an-image = não é uma imagem que o bot consiga ler. Formatos permitidos: { $allowed }.
input-too-large = tem mais de 10 MB; o máximo permitido é { $maximum ->
        [one] { $maximum } byte
       *[other] { $maximum } bytes
    }.
input-side-out-of-range = tem { $width }×{ $height } pixels; cada lado precisa ter de { $minimum } a { $maximum } pixels.
input-unsupported-format = o formato dela é { $format }. Formatos permitidos: { $allowed }.
input-transparent = tem transparência (um canal alfa), que o serviço de imagens não aceita. Salve a imagem sem transparência (por exemplo, como JPEG) e tente de novo.
input-not-from-discord = não é um arquivo enviado no Discord; só dá para usar imagens anexadas no Discord.
input-unreachable = não foi possível baixá-la do Discord. Envie a imagem de novo.
input-feature-off = gerar a partir de uma imagem está desativado neste bot (por escolha do operador, ou porque o serviço de imagens não permite isso para a chave deste bot). Prompts de texto continuam funcionando.
input-no-such-image = este resultado tem { $count ->
        [one] { $count } imagem; escolha a imagem 1
       *[other] { $count } imagens; escolha uma delas
    }.

## Por que uma geração falhou.
failure-model-denied = O serviço de imagens não permite que este bot gere a partir de imagens (a chave dele não tem acesso a esse modelo), então gerar a partir de uma imagem fica desativado até o operador do bot reativar o recurso.
failure-input-unavailable = Não foi mais possível acessar no Discord a imagem de partida (o link dela expirou e não pôde ser renovado). Envie a imagem de novo.
problem-input-unavailable = o link de uma imagem de partida expirou e o Discord não o renovou

## O registro de auditoria.
audit-inputs = a partir de { $count ->
        [one] uma imagem
       *[other] { $count } imagens
    }: { $links }
audit-refused-input = imagem { $position }: { $problem }
