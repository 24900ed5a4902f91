## 卡片上的按钮。
button-info = 信息
button-report = 举报
button-restore = 恢复
button-block-requester = 禁止请求者
button-add-term = 添加屏蔽词

## 卡片上提示词下方的详细信息。
card-details = { $model } · 由 { $requester } 请求
card-hidden = ⚠️ 此结果已被举报，在版主处理之前会保持隐藏。
card-spoiler = 此频道的图片以剧透形式显示：点击即可查看。

## 信息（仅本人可见）。
info-title = ℹ️ 关于任务 `{ $job_id }`
info-request = 发送给 API 的内容：模型 `{ $model }`，{ name-imagine-size } `{ $size }`，{ name-imagine-n } { $n }，{ name-imagine-prompt-extend } { $extend }
info-prompt = 提示词：{ $prompt }
info-actual-prompt-none = 服务没有返回改写后的提示词。
info-task = API 任务 ID：`{ $task_id }`
info-task-none = API 任务 ID：无（任务未发送）
info-credits = 积分：预留 { $reserved }，已扣除 { $charged }
info-times = 排队时间：{ $queued } · 生成时间：{ $generated }
info-seconds = { $seconds } 秒
info-time-unknown = 未知

## 举报。
report-done = 🚩 谢谢：该结果已隐藏，并已请版主处理。
report-already = 你已经举报过这个结果。
report-under-review = 此结果已被举报，正在等待版主处理：在此之前不能基于它生成新图片。
report-unreachable = 无法联系到版主，因此结果没有被隐藏：请稍后再试。
report-no-audit-owner = 🚩 谢谢：该结果已隐藏，并已通知服务器所有者。
report-review =
    🚩 **被举报的结果** · 任务 `{ $job_id }`
    由 { $requester } 在 { $channel } 请求，被 { $reporter } 举报。
    提示词：{ $prompt }
    { $link }
report-owner-notice =
    🚩 你的服务器 **{ $guild }** 中有一个结果被成员举报，现已隐藏：{ $link }
    版主（拥有“管理消息”权限）可以用结果上的“{ button-delete }”按钮将其删除。请用 `/{ name-imagine-admin } { name-imagine-admin-audit }` 设置审核日志频道，这样举报就会连同处理按钮一起送达你的版主。
review-restored = ✅ 已由 { $moderator } 恢复。
review-deleted = 🗑️ 已由 { $moderator } 删除。
review-blocked = ⛔ { $moderator } 已禁止该请求者生成图片。
review-term-added = 🔤 { $moderator } 添加了一个屏蔽词。
review-done = 完成。
review-term-form-title = 添加屏蔽词
review-term-form-term = 屏蔽词（一个词或短语）
review-outcome-restored = 你在 **{ $guild }** 举报的结果已处理：版主已将其恢复。
review-outcome-deleted = 你在 **{ $guild }** 举报的结果已处理：版主已将其删除。
review-result-gone = 该结果的消息已不存在。
audit-reported = 🚩 { $user } 举报了 { $job } 的结果
audit-review-action = 🛡️ { $user }：{ $action } · { $job }

## /history。
history-description = 你在本服务器最近的结果及其链接（仅你可见）
history-page-description = 第几页（最新的在前）
history-title = 🖼️ { $member } 的结果，第 { $page } / { $pages } 页：
history-line = { $when } · { $prompt } · { $count } · [打开]({ $link })
history-empty = 还没有结果。
admin-history-description = 某位成员最近的结果及其链接
admin-history-member-description = 要查看其结果的成员

## 剧透设置。
admin-channels-spoiler-description = 将频道中的所有结果以剧透形式显示（适合年轻成员）
change-spoiler-on = 已将 { $channel } 中的结果设为以剧透形式显示
change-spoiler-off = 已将 { $channel } 中的结果设为不以剧透形式显示
