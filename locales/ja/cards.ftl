## カードのボタン。
button-info = 情報
button-report = 報告
button-restore = 復元
button-block-requester = 依頼者をブロック
button-add-term = 禁止ワードを追加

## プロンプトの下に表示するカードの詳細。
card-details = { $model } · リクエスト: { $requester }
card-hidden = ⚠️ この結果は報告されたため、モデレーターが確認するまで非表示になっています。
card-spoiler = このチャンネルの画像はネタバレ注意として表示されます。クリックすると表示されます。

## 情報（本人にのみ表示）。
info-title = ℹ️ ジョブ `{ $job_id }` について
info-request = API に送信した内容: モデル `{ $model }`、{ name-imagine-size } `{ $size }`、{ name-imagine-n } { $n }、{ name-imagine-prompt-extend } { $extend }
info-prompt = プロンプト: { $prompt }
info-actual-prompt-none = 書き換え後のプロンプトは、サービスから報告されませんでした。
info-task = タスク ID: `{ $task_id }`
info-task-none = タスク ID: なし（ジョブは送信されませんでした）
info-credits = クレジット: 確保 { $reserved }、課金 { $charged }
info-times = 待ち時間: { $queued } · 生成時間: { $generated }
info-seconds = { $seconds }秒
info-time-unknown = 不明

## 報告。
report-done = 🚩 ありがとうございます。結果を非表示にし、モデレーターに確認を依頼しました。
report-already = この結果はすでに報告済みです。
report-under-review = この結果は報告済みで、モデレーターの確認待ちです。確認が済むまで、この結果から新しい画像は生成できません。
report-unreachable = モデレーターに連絡できなかったため、結果は非表示になっていません。しばらくしてから、もう一度お試しください。
report-no-audit-owner = 🚩 ありがとうございます。結果を非表示にし、サーバーのオーナーに通知しました。
report-review =
    🚩 **報告された結果** · ジョブ `{ $job_id }`
    { $channel } で { $requester } がリクエストし、{ $reporter } が報告しました。
    プロンプト: { $prompt }
    { $link }
report-owner-notice =
    🚩 あなたのサーバー **{ $guild }** の結果がメンバーから報告され、非表示になりました: { $link }
    モデレーター（「メッセージの管理」権限）は、「{ button-delete }」ボタンで削除できます。`/{ name-imagine-admin } { name-imagine-admin-audit }` で監査チャンネルを設定すると、報告が確認用のボタン付きでモデレーターに届きます。
review-restored = ✅ { $moderator } が復元しました。
review-deleted = 🗑️ { $moderator } が削除しました。
review-blocked = ⛔ { $moderator } が依頼者をブロックしました。
review-term-added = 🔤 { $moderator } が禁止ワードを追加しました。
review-done = 完了しました。
review-term-form-title = 禁止ワードを追加
review-term-form-term = 語句（単語またはフレーズ）
review-outcome-restored = **{ $guild }** であなたが報告した結果が確認され、モデレーターにより復元されました。
review-outcome-deleted = **{ $guild }** であなたが報告した結果が確認され、モデレーターにより削除されました。
review-result-gone = 結果のメッセージはすでに存在しません。
audit-reported = 🚩 { $user } が { $job } の結果を報告しました
audit-review-action = 🛡️ { $user }: { $action } · { $job }

## /history。
history-description = このサーバーでの最近の結果とそのリンク（あなただけに表示）
history-page-description = ページ番号（新しい順）
history-title = 🖼️ { $member } の結果（{ $page } / { $pages } ページ）:
history-line = { $when } · { $prompt } · { $count } · [開く]({ $link })
history-empty = まだ結果はありません。
admin-history-description = メンバーの最近の結果とそのリンク
admin-history-member-description = 結果を表示するメンバー

## ネタバレ注意の設定。
admin-channels-spoiler-description = チャンネルのすべての結果をネタバレ注意として表示します（年少のメンバー向け）
change-spoiler-on = { $channel } の結果をネタバレ注意として表示するようにしました
change-spoiler-off = { $channel } の結果をネタバレ注意なしで表示するようにしました
