## 命令选项。
imagine-image-description = 作为起点的图片（JPEG、PNG、BMP 或 WebP；每边 384 到 5000 px，10 MB 以内）
imagine-image2-description = 作为起点的第二张图片

## 按钮和重混表单。
button-vary = 变体 { $index }
button-remix = 重混
remix-form-title = 重混
remix-form-prompt = 提示词
remix-form-count = 图片数（1 到 4）
remix-form-image = 从第几张图片开始：1 到 { $count }（留空则不用）

## 任务从图片开始时的描述。
job-size-from-image = 基于图片

## 与图片一起使用时无效的选项。
invalid-size-with-image = 不能与图片一起使用：结果的尺寸由模型根据图片决定。
invalid-prompt-extend-with-image = 不能与图片一起使用：图像模型不会扩写提示词。

## 被拒绝的图片：哪一张、有什么问题、允许什么。
input-refused =
    ❌ 第 { $position } 张图片无法使用：{ $problem }
    未生成任何内容，也未占用配额。
input-not-an-image = 这不是机器人能读取的图片。支持的格式：{ $allowed }。
input-too-large = 图片大于 10 MB；最多允许 { $maximum } 字节。
input-side-out-of-range = 图片为 { $width }×{ $height } 像素；每条边必须在 { $minimum } 到 { $maximum } 像素之间。
input-unsupported-format = 图片格式为 { $format }。支持的格式：{ $allowed }。
input-transparent = 图片带有透明度（alpha 通道），图像服务不接受。请保存为不透明的图片（例如 JPEG）后重试。
input-not-from-discord = 这不是上传到 Discord 的文件；只能使用在 Discord 上附加的图片。
input-unreachable = 无法从 Discord 下载这张图片。请重新上传。
input-feature-off = 此机器人已关闭“从图片开始”功能（运营者的选择，或图像服务不允许此机器人的密钥使用）。文字提示词仍然可以使用。
input-no-such-image = 此结果有 { $count } 张图片；请从中选择一张。

## 任务失败的原因。
failure-model-denied = 图像服务不允许此机器人从图片开始生成（其密钥无权使用该模型），因此“从图片开始”功能现已关闭，直到机器人运营者重新开启。
failure-input-unavailable = 你用作起点的图片已无法在 Discord 上获取（其链接已过期且无法续期）。请重新上传。
problem-input-unavailable = 输入图片的链接已过期，且 Discord 没有为其续期

## 审核日志。
audit-inputs = 来自 { $count } 张图片：{ $links }
audit-refused-input = 第 { $position } 张图片：{ $problem }
