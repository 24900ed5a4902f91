## コマンド: コマンド、グループ、オプションの説明と選択肢の名前。
imagine-description = テキストのプロンプトから画像を生成します
imagine-prompt-description = 描きたいもの（1～2000文字）
imagine-size-description = 1280x1280 のような WxH、またはプリセットを選択。空欄ならデフォルト
imagine-n-description = 画像の枚数（1～4）
imagine-prompt-extend-description = 短いプロンプトをサービス側で補強します（デフォルト: オン）
usage-description = 今日の画像数、上限、最近のジョブを表示します
admin-description = このサーバーでの画像ボットの設定
admin-channels-description = /{ name-imagine } を使える場所、承認、表示範囲
admin-roles-description = /{ name-imagine } を使える人、適用除外ロール、ロールごとの上限
admin-quota-description = このサーバーの上限とメンバーの個別設定
admin-terms-description = プロンプトに含めてはいけない語句とパターン
admin-show-description = このサーバーのすべての設定を一覧表示します
admin-audit-description = 監査ログの送信先（空欄にするとオフ）
admin-audit-channel-description = 監査ログを送信するチャンネル
admin-forget-description = 依頼に応じて、このサーバーに保存されたメンバーのジョブと利用記録を消去します
admin-forget-user-description = データを消去するメンバー
admin-channels-mode-description = すべてのチャンネル、リストのチャンネルのみ、またはリスト以外のすべて
admin-channels-add-description = チャンネル（とそのスレッド）を許可リストまたは拒否リストに追加します
admin-channels-remove-description = チャンネルを許可リストまたは拒否リストから外します
admin-channels-approval-description = プロンプトの送信前にモデレーターの承認を必須にします
admin-channels-visibility-description = 結果を全員に表示するか、リクエストした本人のみに表示するか
admin-roles-allow-description = ロールに /{ name-imagine } の使用を許可します（ロールを1つでも登録すると、そのロールのみ使用可能）
admin-roles-disallow-description = ロールを許可ロールから外します
admin-roles-exempt-description = ロールをこのサーバーのメンバーごとの上限から除外します（運営者の上限は適用されます）
admin-roles-limits-description = ロール独自の上限（メンバーには最も緩いロールの上限が適用されます）
admin-roles-limits-clear-description = 代わりにロールの上限を削除します
admin-quota-server-description = このサーバーの上限（空欄のオプションは現在の値のまま）
admin-quota-server-reset-description = すべての上限をボットのデフォルトに戻します
admin-quota-member-description = メンバーに1日あたりのボーナス画像を付与するか、ブロックします
admin-quota-member-clear-description = 代わりにメンバーの個別設定を削除します
admin-terms-add-description = 語句（{ name-imagine-admin-terms-add-regex } を指定した場合はパターン）を含むプロンプトを拒否します
admin-terms-remove-description = 語句またはパターンの拒否をやめます
admin-terms-list-description = 禁止ワードとパターンの一覧
choice-mode-everywhere = すべてのチャンネル
choice-mode-allow-list = 許可リスト
choice-mode-deny-list = 拒否リスト
choice-results-public = 全員に公開
choice-results-ephemeral = 本人のみに表示

## ボタンと却下フォーム。
button-reroll = 再生成
button-delete = 削除
button-cancel = キャンセル
button-approve = 承認
button-reject = 却下
button-try-again = もう一度試す
button-generate-again = もう一度生成
button-show = 表示する
reject-form-title = このプロンプトを却下
reject-form-reason = 理由（依頼者に表示されます）

## 拒否とエラー（本人にのみ表示）。
shutting-down = ⏸️ ボットは再起動中のため、現在は新しいリクエストを受け付けていません。1分ほどしてからもう一度お試しください。
dms-disabled = 🚫 ダイレクトメッセージでは画像を生成できません。サーバーで `/{ name-imagine }` を使ってください。
guild-only = 🚫 このコマンドはサーバー内でのみ使えます。
not-allowed = 🚫 ここではこの操作を使用できません。
not-an-admin = ボットの設定を変更できるのは、「サーバー管理」権限を持つメンバーのみです。
not-a-moderator = プロンプトを承認・却下できるのは、メッセージを管理できるメンバーのみです。
cancel-not-yours = キャンセルできるのは、この画像をリクエストしたメンバーのみです。
show-not-yours = この画像は非公開です。見られるのは、リクエストしたメンバーのみです。
delete-refused = 削除できるのは、この画像をリクエストしたメンバーか、メッセージを管理できるメンバーのみです。
unknown-job = このジョブの記録は削除されたため、ボットでは確認できません。
invalid-option =
    ❌ オプション **{ $option }** に問題があります: { $problem }
    画像は生成されておらず、利用枠は消費されていません。
option-not-understood =
    ❌ 解釈できないオプションがあります。
    画像は生成されておらず、利用枠は消費されていません。

## オプションの問題点（"invalid-option" の {problem}）と、提示するサイズのプリセット。
invalid-prompt-empty = 空です。作りたい画像を説明してください（1～{ $maximum }文字）。
invalid-prompt-too-long = { $length }文字あります。上限は{ $maximum }文字です。短くしてもう一度お試しください。
invalid-prompt-control-character = 制御文字（{ $character }）が含まれています。プロンプトは、改行・タブ・不可視コードを含まない1行のテキストにしてください。制御文字を削除して、もう一度お試しください。
invalid-count = { $minimum }～{ $maximum }の範囲で指定してください（指定値: { $count }）。
invalid-size-not-a-size = `{ $typed }` はサイズではありません。{ $rules }。
invalid-size-zero-side = `{ $size }` は辺の長さが 0 です。{ $rules }。
invalid-size-pixels = `{ $size }` は{ $pixels }ピクセルで、{ $minimum }～{ $maximum }の範囲外です。{ $rules }。
invalid-size-aspect = `{ $size }` は縦長または横長すぎます。{ $rules }。
size-rules = 1280x1280 のように WxH で指定してください（合計ピクセル数は { $minimum }×{ $minimum } ～ { $maximum }×{ $maximum }、縦横比は 1:{ $aspect } ～ { $aspect }:1）。またはプリセットから選んでください: { $presets }
size-value = { $width }x{ $height }
size-preset-choice = { $name } { $ratio } ({ $size })
size-preset-square = 正方形
size-preset-portrait = 縦向き
size-preset-landscape = 横向き
size-preset-wide = 横長
size-preset-tall = 縦長
error-unexpected = ボット内部で問題が発生しました。もう一度お試しください。
error-unexpected-imagine = ボット内部で問題が発生しました。画像は生成されておらず、利用枠は消費されていません。もう一度お試しください。
error-unexpected-admin = 設定の変更中に問題が発生しました。何も変更されていません。

## 利用枠。
quota-blocked = 🚫 ここでは画像を生成できません。サーバー管理者があなたの利用をブロックしています。
quota-cooldown = ⏳ 少しお待ちください。{ $again }に再びリクエストできます。何も消費されていません。
quota-active-jobs = 🚦 ここではすでに{ $used }件のジョブが順番待ちまたは実行中です。同時に実行できるのは{ $limit }件までです。いずれかの完了を待つか、キャンセルしてください。何も消費されていません。
quota-guild-daily = 🚫 このサーバーの1日の上限に達しました。今日の残りは{ $limit }枚中{ $remaining }枚で、リクエストは{ $requested }枚です。{ $reset }にリセットされます。何も消費されていません。
quota-user-daily = 🚫 1日の上限に達しました。{ $requested }枚をリクエストしましたが、今日の残りは{ $limit }枚中{ $remaining }枚です。利用枠は{ $reset }にリセットされます。何も消費されていません。

## サーバーのルール（一致した禁止ワードは表示しない）。
policy-channel-allow-list = 🚫 このサーバーでは、このチャンネルで `/{ name-imagine }` を使えません。使えるチャンネル: { $channels }。
policy-channel-deny-list = 🚫 このサーバーでは、次のチャンネル以外で `/{ name-imagine }` を使えます: { $channels }。別のチャンネルでお試しください。
policy-channel = 🚫 このチャンネルでは `/{ name-imagine }` を使えません。使える場所はサーバー管理者に確認してください。
policy-role = 🚫 このサーバーでは、特定のロールを持つメンバーのみ `/{ name-imagine }` を使えます。サーバー管理者に確認してください。
policy-term = 🚫 このプロンプトには、このサーバーで許可されていない語句が含まれています。表現を変えて、もう一度お試しください。画像は生成されておらず、カウントもされていません。

## ジョブのメッセージ: 説明、進行状況、結果、終了。
job-description =
    {"*"}*{ $prompt }**
    `{ $size }` · { $count } · { $job_id }
job-id = ジョブ `{ $job_id }`
job-size-default = デフォルトサイズ
job-images = { $count }枚
progress-awaiting-approval = 🕒 モデレーターの承認待ちです。承認されるまで生成は行われません。その間、画像の枚数分は1日の利用枠から確保され、却下された場合は返却されます。
progress-queued-position = ⏳ 順番待ち中: 画像サービスの待ち行列で{ $position }番目です…
progress-queued = ⏳ 順番待ち中: 画像サービスの空きを待っています…
progress-submitting = 📨 プロンプトを画像サービスに送信しています…
progress-uploading = 📤 完了しました！画像をアップロードしています…
progress-generating = 🎨 生成中… { $percent }%
progress-generating-eta = 🎨 生成中… { $percent }%、残り約{ $seconds }秒
progress-generating-almost-done = 🎨 生成中… { $percent }%、まもなく完了します
result = 🖼️ { $job }
result-shortfall = 画像サービスが生成したのは、リクエストされた{ $requested }枚のうち{ $delivered }枚だけでした。1日の利用枠に数えられたのは{ $delivered }枚のみです。
result-not-fetched = リクエストされた{ $requested }枚のうち、届いたのは{ $delivered }枚だけです。{ $missing }枚は画像サービスから取得できませんでした。1日の利用枠に数えられたのは、表示されている{ $delivered }枚のみです。
job-failed =
    ❌ { $job }
    { $advice }
    利用枠は消費されていません。
job-failed-maybe-charged =
    ❌ { $job }
    { $advice }
    画像サービスがこのタスクを処理した可能性があります。その場合は課金されているため、画像をお届けできなかったものの、{ $charged }枚が1日の利用枠に数えられます。
job-cancelled =
    🛑 { $job }
    キャンセルしました。利用枠は消費されていません。
job-cancelled-charged =
    🛑 { $job }
    キャンセルしました。画像サービスがすでに{ $charged }枚を生成していたため、その分は利用枠に数えられます。
job-rejected =
    🚫 { $job }
    モデレーターがこのリクエストを却下しました: { $reason }
    何もカウントされていません。
job-rejected-no-reason = 理由の記載なし
job-not-decided =
    🚫 { $job }
    モデレーターの判断がないまま、このリクエストは終了しました: { $reason }
    何もカウントされていません。
job-expired =
    ⌛ { $job }
    { $advice }
    利用枠は消費されていません。
failure-detail-unknown = 不明な問題
failure-content-policy = 画像サービスのコンテンツポリシーにより、このプロンプトは拒否されました。表現を変えて（露骨な内容、暴力的な内容、実在の人物に関する内容を除いて）もう一度お試しください。
failure-invalid-input = 画像サービスがこのオプションを受け付けませんでした。プロンプトまたはサイズを変更して、もう一度お試しください。
failure-service-failed = 画像サービスがこの画像の生成に失敗しました。少し待ってから、もう一度お試しください。
failure-service-unavailable = 現在、ボットの画像サービスを利用できません。ボットの運営者には通知済みです。しばらくしてから、もう一度お試しください。
failure-outcome-unknown = 再確認しても、画像サービスからこのリクエストを受け付けたかどうかの応答がありませんでした。しばらくしてからお試しください。
failure-api-unreachable = 画像サービスに接続できませんでした。数分後にもう一度お試しください。
failure-timed-out = 画像サービスの処理に時間がかかりすぎたため、ジョブを中止しました。しばらくしてから、もう一度お試しください。
failure-no-images = 画像サービスの処理は終了しましたが、画像が生成されませんでした。もう一度お試しください。
failure-bad-image = 画像サービスから使用できないファイルが返されました（{ $detail }）。もう一度お試しください。
failure-delivery-failed = 画像は生成されましたが、ここに投稿できませんでした。このチャンネルでボットがメッセージを送信し、ファイルを添付できるよう、管理者に依頼してください。
failure-results-expired = お届けする前に画像の期限が切れました（リンクの有効期間は24時間です）。もう一度生成してください。
failure-internal = ボット内部で問題が発生しました。もう一度お試しください。
failure-rejected = モデレーターがこのリクエストを却下しました（{ $detail }）。

## ジョブが失敗した理由の詳細（"failure-bad-image"、却下、監査ログで使用）。
image-not-http = リンクが http(s) の URL ではありません
image-not-https = リンクが https ではなく http です
image-unresolvable = { $host } を名前解決できません
image-private-address = リンク先がプライベートまたはローカルのネットワークアドレスです
image-http-status = リンクが HTTP { $status } を返しました
image-timed-out = ダウンロードがタイムアウトしました
image-download-failed = ダウンロードに失敗しました（{ $error }）
image-too-many-redirects = リダイレクトが多すぎます
image-too-large = ファイルが{ $maximum }バイトを超えています
image-unsupported-format = 対応していない画像形式です: { $format }
image-too-large-to-decode = 画像が大きすぎて、安全にデコードできません
image-dimensions-too-large = 画像が { $width }x{ $height } ピクセルで、サービスが生成するサイズを大きく超えています
image-unreadable = ファイルが読み取り可能な画像ではありません
image-corrupt = 画像が途中で切れているか、破損しています
image-cannot-fit = 画像を{ $limit }バイト以下に収められません
delivery-result-refused = Discord が結果を拒否しました（{ $status } { $code }）
delivery-private-response-expired = 画像の準備ができる前に、非公開の応答の期限が切れました
delivery-channel-refused = チャンネルがメッセージを拒否しました（{ $status } { $code }）
problem-api-status = 画像サービスが HTTP { $status } を返しました
problem-api-answer-unreadable = 画像サービスの応答を読み取れませんでした
problem-api-unreachable = 画像サービスに接続できませんでした
problem-create-outcome-unknown = 画像サービスが{ $attempts }件のリクエストに応答しませんでした
problem-task-failed = 画像サービスがタスクの失敗を報告しました
problem-task-timed-out = タスクが{ $seconds }秒以内に完了しませんでした
problem-results-expired = リンクの期限切れ
problem-approval-timed-out = { $hours }時間以内にモデレーターの応答がありませんでした
problem-approval-not-posted = ボットが監査チャンネルにモデレーター向けの投稿をできませんでした
problem-internal = 予期しないエラー（{ $error }）

## ボタンへの応答。
cancel-cancelled = 🛑 送信前にキャンセルしました。画像は生成されておらず、利用枠は返却されました。
cancel-discard-on-arrival = 🛑 画像サービスがすでに処理中のため、停止できません。届いた画像は破棄されますが、サービス側で課金されるため、利用枠に数えられます。
cancel-too-late = もうキャンセルできません。画像はすでに投稿中です。
cancel-already-ended = このジョブはすでに終了しています。
deleted = 🗑️ 削除しました。

## 準備ができる前にインタラクションの期限が切れた非公開の結果。
private-result-ready = 🖼️ 画像の準備ができました — { $job }。あなただけが見られます。**{ button-show }** をクリックしてください（{ $until }まで）。画像は生成・課金済みのため、開くかどうかにかかわらず、{ $count }枚が1日の利用枠に数えられます。
private-result-expired =
    ⌛ { $job }
    画像サービスでの画像の保存期間は24時間で、この画像は期限が切れたため表示できなくなりました。生成は完了しているため、利用枠には数えられます。
private-result-unavailable = このジョブには表示できる画像がありません。
private-result-on-its-way = 画像はすでに送信中です。まもなくここに表示されます。
private-undeliverable =
    ❌ このチャンネルの結果は非公開に設定されていますが、ボットはここに投稿できません。そのため、この応答に対する Discord の期限（15分）を過ぎると、画像をお届けできません。このチャンネルでボットがメッセージを送信できるよう、管理者に依頼してください。
    画像は生成されておらず、利用枠は消費されていません。
approval-approved = ✅ { $moderator } が承認しました
approval-rejected = ⛔ { $moderator } が却下しました
approval-rejected-reason = ⛔ { $moderator } が却下しました: { $reason }
approval-no-longer-waits = このリクエストはすでに判断待ちではありません。
approval-already-approved = 別のモデレーターが先に判断しました。このリクエストは { $moderator } によって承認済みです。
approval-already-rejected = 別のモデレーターが先に判断しました。このリクエストは { $moderator } によって却下済みです。

## 結果（/usage と監査ログで使用）。
outcome-delivered = 🖼️ 配信済み
outcome-failed = ❌ 失敗
outcome-cancelled = 🛑 キャンセル済み
outcome-expired = ⌛ 期限切れ
outcome-rejected = 🚫 却下

## /usage。
usage-title-guild = **このサーバーでの利用状況**
usage-title-dm = **ダイレクトメッセージでの利用状況**
usage-blocked = 🚫 管理者により、ここでの画像生成がブロックされています。
usage-images-today = 🖼️ 今日の画像: **{ $used }** / { $limit } 使用、残り **{ $left }**
usage-active-jobs = 🚦 同時に順番待ち・実行できるジョブ数: { $limit }
usage-active-jobs-cooldown = 🚦 同時に順番待ち・実行できるジョブ数: { $limit }、リクエストの間隔: { $seconds }秒
usage-exempt = { $limits }（あなたのロールは、このサーバー独自のメンバーごとの上限から除外されています）
usage-guild-today = 🏠 このサーバーの今日の画像: { $used } / { $limit }
usage-resets = 🔄 1日の上限は{ $when }にリセットされます
usage-active-title = **実行中・順番待ち**
usage-recent-title = **最近のジョブ**
usage-no-recent = 完了したジョブはまだありません。
usage-job = `{ $job_id }` { $state } · { $when } · { $prompt }
usage-job-delivered = { $outcome }（{ $count }枚）
usage-job-queued = ⏳ 順番待ち、{ $position }番目
usage-job-running = 🎨 { $state }
job-state-awaiting-approval = 承認待ち
job-state-queued = 順番待ち
job-state-submitting = 送信中
job-state-submitted = 生成中
job-state-completed = アップロード中
unlimited = 無制限

## 監査ログ。
audit-job =
    ジョブ `{ $job_id }` · { $user }（{ $channel }）· `{ $size }` · { name-imagine-n }={ $count }
    > { $prompt }
audit-job-no-extend =
    ジョブ `{ $job_id }` · { $user }（{ $channel }）· `{ $size }` · { name-imagine-n }={ $count } · { name-imagine-prompt-extend } オフ
    > { $prompt }
audit-ended = { $outcome } · { $job }
audit-ended-reason = 理由: { $reason }（{ $detail }）
failure-reason-content-policy = コンテンツポリシー
failure-reason-invalid-input = オプションが拒否されました
failure-reason-service-failed = サービスの失敗
failure-reason-outcome-unknown = 結果不明
failure-reason-service-unavailable = サービス利用不可
failure-reason-api-unreachable = サービスに接続できません
failure-reason-timed-out = タイムアウト
failure-reason-no-images = 画像なし
failure-reason-bad-image = 使用できない画像
failure-reason-delivery-failed = 投稿の失敗
failure-reason-results-expired = 結果の期限切れ
failure-reason-rejected = 却下
failure-reason-model-denied = 画像モデルが許可されていません
failure-reason-input-unavailable = 元の画像を取得できません
failure-reason-internal = 内部エラー
audit-ended-charged = キャンセル前に生成された{ $charged }枚はカウントされました
audit-delivered =
    🖼️ 配信済み · { $job }
    画像{ $count }枚 · { $where }
audit-delivered-privately = 依頼者にのみ非公開で表示
audit-approval-request = 🕒 **承認が必要です** · { $job }
audit-approval-hint = メッセージを管理できるメンバーが承認または却下できます。
audit-refused =
    ⛔ 拒否 · { $user }（{ $channel }）· { $why }
    > { $prompt }
audit-refused-channel = チャンネル
audit-refused-role = ロール
audit-refused-any-term = 禁止ワード
audit-refused-term = 禁止ワード `{ $term }`
audit-refused-pattern = 禁止パターン `{ $term }`
audit-refused-quota = 利用枠: { $kind }
limit-kind-blocked = メンバーのブロック
limit-kind-cooldown = 待ち時間
limit-kind-active-jobs = 同時ジョブ数
limit-kind-user-daily = メンバー1人あたりの1日の画像数
limit-kind-guild-daily = サーバー全体の1日の画像数
limit-kind-person-daily = 全サーバー合計での1人あたりの1日の画像数
limit-kind-bot-daily = ボット全体の1日の画像数
limit-kind-credits-daily = ボット全体の1日のクレジット
limit-kind-credits-monthly = ボット全体の1か月のクレジット
limit-kind-guild-credits = サーバーの1か月のクレジット
audit-refused-private-undeliverable = 結果は非公開設定ですが、ボットがチャンネルに投稿できません
audit-deleted = 🗑️ { $user } が結果を削除しました · { $job }
audit-setting-changed = ⚙️ { $user } が{ $change }
audit-dropped = ⚠️ 監査ログの{ $count }件の記録がありません。このチャンネルが混雑していて、時間内に投稿できませんでした

## /imagine-admin: 応答と変更内容（監査ログにも記録）。
admin-done = ✅ { $change }
admin-not-changed = ❌ 変更されていません: { $problem }。
admin-bot-lacks = { $channel } でボットに次の権限がありません: { $permissions }
permission-view-channel = チャンネルを見る
permission-send-messages = メッセージを送信
permission-attach-files = ファイルを添付
admin-approval-needs-audit = ❌ 変更されていません: 承認リクエストは監査チャンネルで待機します。先に `/{ name-imagine-admin } { name-imagine-admin-audit }` で監査チャンネルを設定してください。
admin-nothing-to-change = 変更する項目がありません。上限を1つ以上指定してください。
admin-beyond-operator = このサーバーでは { $limit } は最大 { $ceiling } です。これはボットの運営者が設定した上限です（サーバーは上限を厳しくすることはできますが、緩めることはできません）
admin-cooldown-below-operator = このサーバーでは `{ name-imagine-admin-quota-server-cooldown-seconds }` を { $ceiling } 未満にできません。これはボットの運営者が設定したクールダウンです（サーバーは上限を厳しくすることはできますが、緩めることはできません）
limit-option-daily-images = `{ name-imagine-admin-quota-server-daily-images }`（メンバー1人あたりの1日の画像数）
limit-option-max-active-jobs = `{ name-imagine-admin-quota-server-max-active-jobs }`（メンバー1人あたりの同時ジョブ数）
limit-option-server-daily-images = `{ name-imagine-admin-quota-server-server-daily-images }`（サーバー全体の1日の画像数）
limit-option-bonus-images = `{ name-imagine-admin-quota-member-bonus-images }`（メンバーの1日あたりの追加画像数）
admin-term-not-added = ❌ 追加されていません: { $problem }。
term-no-letters = 禁止ワードには文字または数字が1つ以上必要です
term-too-long = 語句は最大{ $maximum }文字です
term-pattern-too-long = パターンは最大{ $maximum }文字です
term-pattern-does-not-compile = パターンをコンパイルできません: { $detail }
term-too-many = 1つのサーバーで禁止できる語句は最大{ $maximum }件です
term-control-character = 語句に改行、タブ、NUL などの制御文字は使えません（{ $character } が見つかりました）
admin-term-already-blocked = その語句はすでに禁止されています。
admin-pattern-already-blocked = そのパターンはすでに禁止されています。
admin-term-not-blocked = その語句はこのサーバーで禁止されていません。
admin-no-terms = このサーバーに禁止ワードはありません。
admin-terms-list =
    {"*"}*このサーバーの禁止ワード:**
    { $terms }
change-audit-set = 監査ログの送信先を { $channel } に設定しました
change-audit-off = 監査ログをオフにしました
change-forgot = { $user } の保存済みジョブ{ $count }件と利用記録を消去しました
change-channel-mode = /{ name-imagine } を使える場所を「{ $mode }」に設定しました
change-channel-listed = { $channel } をリストに追加しました
change-channel-unlisted = { $channel } をリストから外しました
change-approval-required = { $channel } で承認を必須にしました
change-approval-not-required = { $channel } で承認を不要にしました
change-visibility = { $channel } の結果の表示範囲を「{ $results }」にしました
change-role-allowed = { $role } に /{ name-imagine } の使用を許可しました
change-role-disallowed = { $role } を許可ロールから外しました
change-role-exempt = { $role } をこのサーバーのメンバーごとの上限から除外しました（ボット運営者の上限は引き続き適用されます）
change-role-not-exempt = { $role } に上限を適用するようにしました
change-role-limits = { $role } の上限を { $limits } に設定しました
change-role-limits-cleared = { $role } の上限を削除しました
change-server-reset = このサーバーの上限をボットのデフォルトに戻しました
change-server-limits = このサーバーの設定を変更しました: { $changes }
change-member-cleared = { $member } の個別設定を削除しました
change-member-blocked = { $member } の画像生成をブロックしました
change-member-bonus = { $member } に1日あたり{ $count }枚のボーナス画像を付与しました
change-term-blocked = 禁止ワード `{ $term }` を追加しました
change-pattern-blocked = 禁止パターン `{ $term }` を追加しました
change-term-unblocked = `{ $term }` の禁止を解除しました

## /imagine-admin show。
show-title = 画像ボットの設定
show-where = /{ name-imagine } を使える場所
show-mode-everywhere = すべてのチャンネル
show-mode-allow-list = リストのチャンネルとそのスレッドのみ
show-mode-deny-list = リストのチャンネルとそのスレッド以外のすべて
show-approval = 承認が必要なチャンネル
show-private = 結果が非公開のチャンネル
show-audit = 監査ログ
show-audit-off = オフ
show-allowed-roles = /{ name-imagine } を使えるロール
show-allowed-roles-everyone = 全員
show-exempt-roles = 適用除外ロール
show-limits = 上限
show-limits-value =
    メンバー1人あたりの1日の画像数: { $daily }
    メンバー1人あたりの同時ジョブ数: { $active }
    クールダウン: { $cooldown }
    サーバー全体の1日の画像数: { $server }
show-default = { $value }（デフォルト）
show-seconds = { $seconds }秒
show-role-limits = ロールごとの上限
show-member-overrides = メンバーの個別設定
show-member-blocked = ブロック中
show-member-bonus = +{ $count }枚/日
show-terms = 禁止ワード（{ $count }）
show-no-channel = チャンネルなし
show-none = なし
term = `{ $term }`
term-pattern = `{ $term }`（パターン）
limits-daily = { $count }枚/日
limits-at-once = 同時{ $count }件
limits-cooldown = クールダウン{ $seconds }秒
limits-none = 上限なし
admin-language-description = このサーバーの公開投稿（結果、承認、監査ログ）の言語
admin-language-language-description = 言語、またはサーバーの Discord 設定
choice-language-discord = サーバーの Discord 設定に従う
change-language = 公開投稿の言語を{ $language }にしました
change-language-discord = 公開投稿の言語を再びサーバーの Discord 設定に合わせました（現在は{ $language }）
show-language = 公開投稿の言語
show-language-chosen = { $language }
show-language-discord = { $language }（Discord の設定）
