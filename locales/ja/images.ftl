## コマンドのオプション。
imagine-image-description = 元にする画像（JPEG、PNG、BMP、WebP。1辺384～5000 px、10 MBまで）
imagine-image2-description = 元にする2枚目の画像

## ボタンとリミックスフォーム。
button-vary = バリエーション { $index }
button-remix = リミックス
remix-form-title = リミックス
remix-form-prompt = プロンプト
remix-form-count = 画像の枚数（1～4）
remix-form-image = 元にする画像: 1～{ $count }（空欄: なし）

## 画像から始めるジョブの説明。
job-size-from-image = 画像から

## 画像に関する無効なオプション。
invalid-size-with-image = 画像と一緒には使えません。結果のサイズは、画像をもとにモデルが決めます。
invalid-prompt-extend-with-image = 画像と一緒には使えません。画像モデルはプロンプトを補強しません。

## 拒否された画像: どの画像か、何が問題か、何が使えるか。
input-refused =
    ❌ 画像{ $position }は使用できません: { $problem }
    画像は生成されておらず、利用枠は消費されていません。
input-not-an-image = ボットが読み取れる画像ではありません。使用できる形式: { $allowed }。
input-too-large = 10 MBを超えています。最大{ $maximum }バイトまでです。
input-side-out-of-range = { $width }×{ $height }ピクセルです。各辺は{ $minimum }～{ $maximum }ピクセルにしてください。
input-unsupported-format = 形式が { $format } です。使用できる形式: { $allowed }。
input-transparent = 透明部分（アルファチャンネル）があり、画像サービスでは使用できません。透明部分なしで（JPEG などで）保存して、もう一度お試しください。
input-not-from-discord = Discord にアップロードされた画像ではありません。使用できるのは Discord に添付された画像のみです。
input-unreachable = Discord からダウンロードできませんでした。もう一度アップロードしてください。
input-feature-off = このボットでは、画像からの生成がオフになっています（運営者の設定、またはこのボットのキーでは画像サービスが許可していないため）。テキストのプロンプトは引き続き使えます。
input-no-such-image = この結果の画像は{ $count }枚です。その範囲内で選んでください。

## ジョブが失敗した理由。
failure-model-denied = 画像サービスがこのボットに画像からの生成を許可していません（キーにそのモデルへのアクセス権がありません）。そのため、ボットの運営者が再び有効にするまで、画像からの生成はオフになります。
failure-input-unavailable = 元にした画像に Discord でアクセスできなくなりました（リンクの期限が切れ、更新できませんでした）。もう一度アップロードしてください。
problem-input-unavailable = 入力画像のリンクの期限が切れ、Discord が更新しませんでした

## 監査ログ。
audit-inputs = 元の画像（{ $count }枚）: { $links }
audit-refused-input = 画像{ $position }: { $problem }
