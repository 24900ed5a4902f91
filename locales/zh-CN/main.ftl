## 命令：命令、命令组和选项的描述，以及选项值的名称。
imagine-description = 根据文字提示词生成图片
imagine-prompt-description = 要画什么（1 到 2000 个字符）
imagine-size-description = 宽x高，例如 1280x1280，或选择预设；留空则使用默认尺寸
imagine-n-description = 生成几张图片，1 到 4
imagine-prompt-extend-description = 让服务自动扩写简短的提示词（默认：开启）
usage-description = 你今天的图片、你的限额和最近的任务
admin-description = 本服务器的图片机器人设置
admin-channels-description = /{ name-imagine } 的可用频道、审批和可见范围
admin-roles-description = 谁可以使用 /{ name-imagine }、豁免的身份组、身份组限额
admin-quota-description = 本服务器的限额和成员的单独设置
admin-terms-description = 提示词中不得包含的词语和模式
admin-show-description = 一次查看本服务器的所有设置
admin-audit-description = 审核日志发到哪里（留空则关闭）
admin-audit-channel-description = 用于审核日志的频道
admin-forget-description = 应成员要求，清除其在本服务器存储的任务和用量
admin-forget-user-description = 要清除其数据的成员
admin-channels-mode-description = 所有频道、仅限列出的频道，或除列出频道外的所有频道
admin-channels-add-description = 将频道（及其子区）加入允许列表或禁止列表
admin-channels-remove-description = 将频道移出允许列表或禁止列表
admin-channels-approval-description = 提示词发送前需经版主审批
admin-channels-visibility-description = 结果对所有人可见，或仅请求者可见
admin-roles-allow-description = 允许某个身份组使用 /{ name-imagine }（一旦列出任何身份组，就只有它们可以使用）
admin-roles-disallow-description = 将某个身份组移出允许的身份组
admin-roles-exempt-description = 让某个身份组不受本服务器的成员限额约束（运营者的限额仍然有效）
admin-roles-limits-description = 某个身份组自己的限额（成员按其最宽松的身份组计算）
admin-roles-limits-clear-description = 改为移除该身份组的限额
admin-quota-server-description = 本服务器的限额（留空的选项保持原值）
admin-quota-server-reset-description = 将所有限额恢复为机器人的默认值
admin-quota-member-description = 给某位成员每天额外的图片数，或禁止其生成图片
admin-quota-member-clear-description = 改为移除该成员的单独设置
admin-terms-add-description = 拒绝包含某个词语（使用 { name-imagine-admin-terms-add-regex } 选项时为某个模式）的提示词
admin-terms-remove-description = 不再拒绝某个词语或模式
admin-terms-list-description = 被屏蔽的词语和模式
choice-mode-everywhere = 所有频道
choice-mode-allow-list = 允许列表
choice-mode-deny-list = 禁止列表
choice-results-public = 公开
choice-results-ephemeral = 仅请求者可见

## 按钮和拒绝表单。
button-reroll = 重新生成
button-delete = 删除
button-cancel = 取消
button-approve = 批准
button-reject = 拒绝
button-try-again = 重试
button-generate-again = 再生成一次
button-show = 查看图片
reject-form-title = 拒绝此提示词
reject-form-reason = 原因（请求者可见）

## 拒绝和错误，仅对本人可见。
shutting-down = ⏸️ 机器人正在重启，暂不接受新请求。请过一分钟再试。
dms-disabled = 🚫 私信中无法生成图片；请在服务器中使用 `/{ name-imagine }`。
guild-only = 🚫 此命令只能在服务器中使用。
not-allowed = 🚫 你不能在这里使用此功能。
not-an-admin = 只有拥有“管理服务器”权限的成员才能更改机器人的设置。
not-a-moderator = 只有能管理消息的成员才能批准或拒绝提示词。
cancel-not-yours = 只有请求这些图片的成员才能取消它们。
show-not-yours = 这些图片是私密的：只有请求它们的成员才能查看。
delete-refused = 只有请求这些图片的成员，或能管理消息的成员，才能删除它们。
unknown-job = 机器人已找不到这个任务（其记录已被删除）。
invalid-option =
    ❌ 选项 **{ $option }** { $problem }
    未生成任何内容，也未占用配额。
option-not-understood =
    ❌ 有一个选项无法识别。
    未生成任何内容，也未占用配额。

## 选项出了什么问题（"invalid-option" 中的 {problem}），以及提供的尺寸预设。
invalid-prompt-empty = 为空；请描述你想要的图片（1 到 { $maximum } 个字符）。
invalid-prompt-too-long = 有 { $length } 个字符，上限为 { $maximum }。请缩短后重试。
invalid-prompt-control-character = 包含控制字符（{ $character }）：提示词须为一行文字，不能有换行、制表符或不可见字符。请删除后重试。
invalid-count = 必须在 { $minimum } 到 { $maximum } 之间，而不是 { $count }。
invalid-size-not-a-size = `{ $typed }` 不是有效的尺寸；{ $rules }。
invalid-size-zero-side = `{ $size }` 有一条边为零；{ $rules }。
invalid-size-pixels = `{ $size }` 共有 { $pixels } 像素，不在 { $minimum } 到 { $maximum } 之间；{ $rules }。
invalid-size-aspect = `{ $size }` 太窄或太宽；{ $rules }。
size-rules = 请使用 宽x高 格式，例如 1280x1280：总像素在 { $minimum }×{ $minimum } 到 { $maximum }×{ $maximum } 之间，宽高比在 1:{ $aspect } 到 { $aspect }:1 之间；也可以选择预设：{ $presets }
size-value = { $width }x{ $height }
size-preset-choice = { $name } { $ratio }（{ $size }）
size-preset-square = 方形
size-preset-portrait = 竖向
size-preset-landscape = 横向
size-preset-wide = 宽屏
size-preset-tall = 竖屏
error-unexpected = 机器人内部出错了。请重试。
error-unexpected-imagine = 机器人内部出错了；未生成任何内容，也未占用配额。请重试。
error-unexpected-admin = 更改设置时出错了；没有任何设置被更改。

## 配额。
quota-blocked = 🚫 你不能在这里生成图片；服务器管理员已对你禁用此功能。
quota-cooldown = ⏳ 别太快：{ $again }才能再次请求图片。未扣除任何额度。
quota-active-jobs = 🚦 你在这里已有 { $used } 个任务正在排队或运行，最多只能同时进行 { $limit } 个。请等其中一个完成，或取消一个。未扣除任何额度。
quota-guild-daily = 🚫 本服务器已达到每日限额：今天的 { $limit } 张图片只剩 { $remaining } 张，而你请求了 { $requested } 张。重置时间：{ $reset }。未扣除任何额度。
quota-user-daily = 🚫 已达到每日限额：你请求了 { $requested } 张图片，但你今天的 { $limit } 张只剩 { $remaining } 张。你的配额重置时间：{ $reset }。未扣除任何额度。

## 服务器的规则（绝不说出匹配到的是哪个屏蔽词）。
policy-channel-allow-list = 🚫 在本服务器中，`/{ name-imagine }` 不能在此频道使用。可以使用的频道：{ $channels }。
policy-channel-deny-list = 🚫 在本服务器中，`/{ name-imagine }` 可以在除以下频道外的所有频道使用：{ $channels }。请换个频道试试。
policy-channel = 🚫 `/{ name-imagine }` 不能在此频道使用。请询问服务器管理员可以在哪里使用。
policy-role = 🚫 在本服务器中，只有拥有特定身份组的成员才能使用 `/{ name-imagine }`。请询问服务器管理员。
policy-term = 🚫 此提示词包含本服务器不允许的词语。请换个说法后重试；未生成任何内容，也未计入用量。

## 任务的消息：描述、进度、结果和结束。
job-description =
    {"*"}*{ $prompt }**
    `{ $size }` · { $count } · { $job_id }
job-id = 任务 `{ $job_id }`
job-size-default = 默认尺寸
job-images = { $count } 张图片
progress-awaiting-approval = 🕒 正在等待版主审批；审批通过前不会生成任何内容。在此期间，这些图片会先从你的每日配额中预留，如果请求被拒绝则会退还。
progress-queued-position = ⏳ 排队中：图像服务队列第 { $position } 位…
progress-queued = ⏳ 排队中，正在等待图像服务的空闲位置…
progress-submitting = 📨 正在将提示词发送到图像服务…
progress-uploading = 📤 完成！正在上传图片…
progress-generating = 🎨 生成中… { $percent }%
progress-generating-eta = 🎨 生成中… { $percent }%，大约还需 { $seconds } 秒
progress-generating-almost-done = 🎨 生成中… { $percent }%，马上就好
result = 🖼️ { $job }
result-shortfall = 请求了 { $requested } 张图片，但服务只生成了 { $delivered } 张；只有这 { $delivered } 张计入你的每日配额。
result-not-fetched = 请求的 { $requested } 张图片只收到了 { $delivered } 张：有 { $missing } 张无法从服务获取。只有显示的 { $delivered } 张计入你的每日配额。
job-failed =
    ❌ { $job }
    { $advice }
    没有图片计入你的配额。
job-failed-maybe-charged =
    ❌ { $job }
    { $advice }
    图像服务可能已经执行了此任务；如果是这样，它已被计费，因此即使一张都没能送达，这 { $charged } 张图片也会计入你的每日配额。
job-cancelled =
    🛑 { $job }
    已取消。没有图片计入你的配额。
job-cancelled-charged =
    🛑 { $job }
    已取消。服务已经生成了 { $charged } 张图片，这些图片会计入你的配额。
job-rejected =
    🚫 { $job }
    版主拒绝了此请求：{ $reason }
    未计入任何用量。
job-rejected-no-reason = 未说明原因
job-not-decided =
    🚫 { $job }
    此请求在版主作出决定前就已结束：{ $reason }
    未计入任何用量。
job-expired =
    ⌛ { $job }
    { $advice }
    没有图片计入你的配额。
failure-detail-unknown = 未知问题
failure-content-policy = 图像服务根据其内容政策拒绝了此提示词。请换个说法（去掉露骨、暴力或涉及真实人物的内容）后重试。
failure-invalid-input = 图像服务不接受这些选项。请修改提示词或尺寸后重试。
failure-service-failed = 图像服务未能生成这张图片。请稍后重试。
failure-service-unavailable = 机器人的图像服务目前不可用；已通知机器人运营者。请稍后再试。
failure-outcome-unknown = 即使再次询问，图像服务也始终没有说明是否接受了此请求。请稍后再试。
failure-api-unreachable = 无法连接到图像服务。请过几分钟再试。
failure-timed-out = 图像服务耗时过长，任务已放弃。请稍后再试。
failure-no-images = 图像服务已完成，但没有生成任何图片。请重试。
failure-bad-image = 图像服务返回的文件无法使用（{ $detail }）。请重试。
failure-delivery-failed = 图片已生成，但无法发布到这里。请让管理员允许机器人在此频道发送消息和附加文件。
failure-results-expired = 图片在送达前就已过期（链接有效期为 24 小时）。请重新生成。
failure-internal = 机器人内部出错了。请重试。
failure-rejected = 版主拒绝了此请求（{ $detail }）。

## 任务失败的具体原因（用于 "failure-bad-image"、拒绝和审核日志）。
image-not-http = 链接不是 http(s) URL
image-not-https = 链接是普通的 http，而不是 https
image-unresolvable = 无法解析 { $host }
image-private-address = 链接指向私有或本地网络地址
image-http-status = 链接返回了 HTTP { $status }
image-timed-out = 下载超时
image-download-failed = 下载失败（{ $error }）
image-too-many-redirects = 重定向次数过多
image-too-large = 文件大于 { $maximum } 字节
image-unsupported-format = 不支持的图片格式 { $format }
image-too-large-to-decode = 图片太大，无法安全解码
image-dimensions-too-large = 图片为 { $width }x{ $height } 像素，远超服务能生成的尺寸
image-unreadable = 文件不是可读取的图片
image-corrupt = 图片不完整或已损坏
image-cannot-fit = 无法将图片压缩到 { $limit } 字节以内
delivery-result-refused = Discord 拒绝了结果（{ $status } { $code }）
delivery-private-response-expired = 私密回复在图片准备好之前就已过期
delivery-channel-refused = 频道拒绝了该消息（{ $status } { $code }）
problem-api-status = 图像服务返回了 HTTP { $status }
problem-api-answer-unreadable = 无法读取图像服务的回复
problem-api-unreachable = 无法连接到图像服务
problem-create-outcome-unknown = 图像服务有 { $attempts } 次请求未作回应
problem-task-failed = 图像服务报告任务失败
problem-task-timed-out = 任务未在 { $seconds } 秒内完成
problem-results-expired = 链接已过期
problem-approval-timed-out = { $hours } 小时内没有版主回应
problem-approval-not-posted = 机器人无法在审核日志频道中发布它以供版主审批
problem-internal = 意外错误（{ $error }）

## 按钮的回复。
cancel-cancelled = 🛑 已在发送前取消；未生成任何内容，配额已退还给你。
cancel-discard-on-arrival = 🛑 图像服务已经在处理，无法停止。图片到达后会被丢弃；但服务仍会对其计费，因此它们会计入你的配额。
cancel-too-late = 来不及取消了：图片已经在发布中。
cancel-already-ended = 此任务已经结束。
deleted = 🗑️ 已删除。

## 交互在结果准备好之前就已过期的私密结果。
private-result-ready = 🖼️ 你的图片已准备好 — { $job }。只有你能看到：点击 **{ button-show }**（有效期至 { $until }）。这些图片已生成并计费，因此无论你是否打开，这 { $count } 张图片都会计入你的每日配额。
private-result-expired =
    ⌛ { $job }
    服务只保留图片 24 小时，这些图片已过期，无法再显示。它们已经生成，因此仍会计入你的配额。
private-result-unavailable = 此任务没有可显示的图片。
private-result-on-its-way = 你的图片已经在路上：马上就会出现在这里。
private-undeliverable =
    ❌ 此频道的结果是私密的，而机器人无法在这里发布消息，因此一旦 Discord 为此回复提供的 15 分钟用完，机器人就无法把图片交给你。请让管理员允许机器人在此频道发送消息。
    未生成任何内容，也未占用配额。
approval-approved = ✅ 已由 { $moderator } 批准
approval-rejected = ⛔ 已被 { $moderator } 拒绝
approval-rejected-reason = ⛔ 已被 { $moderator } 拒绝：{ $reason }
approval-no-longer-waits = 此请求已不再等待决定。
approval-already-approved = 另一位版主已先作出决定：此请求已由 { $moderator } 批准。
approval-already-rejected = 另一位版主已先作出决定：此请求已被 { $moderator } 拒绝。

## 结果（用于 /usage 和审核日志）。
outcome-delivered = 🖼️ 已送达
outcome-failed = ❌ 失败
outcome-cancelled = 🛑 已取消
outcome-expired = ⌛ 已过期
outcome-rejected = 🚫 已拒绝

## /usage。
usage-title-guild = **你在本服务器的用量**
usage-title-dm = **你在私信中的用量**
usage-blocked = 🚫 管理员已禁止你在这里生成图片。
usage-images-today = 🖼️ 今日图片：已用 **{ $used }** / { $limit }，剩余 **{ $left }**
usage-active-jobs = 🚦 同时排队或运行的任务上限：{ $limit }
usage-active-jobs-cooldown = 🚦 同时排队或运行的任务上限：{ $limit }，两次请求需间隔 { $seconds } 秒
usage-exempt = { $limits }（你的身份组不受本服务器自身的成员限额约束）
usage-guild-today = 🏠 本服务器今日：{ $used } / { $limit } 张图片
usage-resets = 🔄 每日限额重置时间：{ $when }
usage-active-title = **运行中和排队中**
usage-recent-title = **最近的任务**
usage-no-recent = 还没有已完成的任务。
usage-job = `{ $job_id }` { $state } · { $when } · { $prompt }
usage-job-delivered = { $outcome }（{ $count } 张图片）
usage-job-queued = ⏳ 排队中，第 { $position } 位
usage-job-running = 🎨 { $state }
job-state-awaiting-approval = 等待审批
job-state-queued = 排队中
job-state-submitting = 发送中
job-state-submitted = 生成中
job-state-completed = 上传中
unlimited = 无限制

## 审核日志。
audit-job =
    任务 `{ $job_id }` · { $user } 在 { $channel } · `{ $size }` · { name-imagine-n }={ $count }
    > { $prompt }
audit-job-no-extend =
    任务 `{ $job_id }` · { $user } 在 { $channel } · `{ $size }` · { name-imagine-n }={ $count } · { name-imagine-prompt-extend } 关闭
    > { $prompt }
audit-ended = { $outcome } · { $job }
audit-ended-reason = 原因：{ $reason }（{ $detail }）
failure-reason-content-policy = 内容政策
failure-reason-invalid-input = 选项被拒绝
failure-reason-service-failed = 服务失败
failure-reason-outcome-unknown = 结果未知
failure-reason-service-unavailable = 服务不可用
failure-reason-api-unreachable = 无法连接服务
failure-reason-timed-out = 超时
failure-reason-no-images = 没有图片
failure-reason-bad-image = 图片无法使用
failure-reason-delivery-failed = 发布失败
failure-reason-results-expired = 结果已过期
failure-reason-rejected = 已拒绝
failure-reason-model-denied = 不允许使用图像模型
failure-reason-input-unavailable = 原始图片不可用
failure-reason-internal = 内部错误
audit-ended-charged = 取消前已生成的 { $charged } 张图片已计入用量
audit-delivered =
    🖼️ 已送达 · { $job }
    { $count } 张图片：{ $where }
audit-delivered-privately = 私下发送给请求者
audit-approval-request = 🕒 **需要审批** · { $job }
audit-approval-hint = 能管理消息的成员可以批准或拒绝此请求。
audit-refused =
    ⛔ 已拒绝 · { $user } 在 { $channel } · { $why }
    > { $prompt }
audit-refused-channel = 频道
audit-refused-role = 身份组
audit-refused-any-term = 屏蔽词
audit-refused-term = 屏蔽词 `{ $term }`
audit-refused-pattern = 屏蔽模式 `{ $term }`
audit-refused-quota = 配额：{ $kind }
limit-kind-blocked = 成员已被禁止
limit-kind-cooldown = 冷却时间
limit-kind-active-jobs = 同时进行的任务数
limit-kind-user-daily = 每位成员每天的图片数
limit-kind-guild-daily = 本服务器每天的图片数
limit-kind-person-daily = 每人每天在所有服务器的图片数
limit-kind-bot-daily = 机器人每天的图片数
limit-kind-credits-daily = 机器人每天的积分
limit-kind-credits-monthly = 机器人每月的积分
limit-kind-guild-credits = 本服务器每月的积分
audit-refused-private-undeliverable = 结果为私密，但机器人无法在该频道发布消息
audit-deleted = 🗑️ { $user } 删除了结果 · { $job }
audit-setting-changed = ⚙️ { $user } { $change }
audit-dropped = ⚠️ 此处缺少 { $count } 条审核日志记录：此频道太忙，未能及时发布

## /imagine-admin：回复和更改内容（也会写入审核日志）。
admin-done = ✅ { $change }
admin-not-changed = ❌ 未更改：{ $problem }。
admin-bot-lacks = 机器人在 { $channel } 中缺少以下权限：{ $permissions }
permission-view-channel = 查看频道
permission-send-messages = 发送消息
permission-attach-files = 附加文件
admin-approval-needs-audit = ❌ 未更改：审批请求会在审核日志频道中等待处理；请先用 `/{ name-imagine-admin } { name-imagine-admin-audit }` 设置一个频道。
admin-nothing-to-change = 没有需要更改的内容：请至少提供一项限额。
admin-beyond-operator = { $limit } 在这里最多为 { $ceiling }，这是机器人运营者设定的上限（服务器只能让限额更严格，不能更宽松）
admin-cooldown-below-operator = `{ name-imagine-admin-quota-server-cooldown-seconds }` 在这里不能少于 { $ceiling }，这是机器人运营者设定的冷却时间（服务器只能让限额更严格，不能更宽松）
limit-option-daily-images = `{ name-imagine-admin-quota-server-daily-images }`（每位成员每天的图片数）
limit-option-max-active-jobs = `{ name-imagine-admin-quota-server-max-active-jobs }`（每位成员同时进行的任务数）
limit-option-server-daily-images = `{ name-imagine-admin-quota-server-server-daily-images }`（本服务器每天的图片数）
limit-option-bonus-images = `{ name-imagine-admin-quota-member-bonus-images }`（成员每天额外的图片数）
admin-term-not-added = ❌ 未添加：{ $problem }。
term-no-letters = 屏蔽词至少需要包含一个字母或数字
term-too-long = 屏蔽词最多只能有 { $maximum } 个字符
term-pattern-too-long = 模式最多只能有 { $maximum } 个字符
term-pattern-does-not-compile = 模式无法编译：{ $detail }
term-too-many = 一个服务器最多只能屏蔽 { $maximum } 个词
term-control-character = 屏蔽词不能包含换行、制表符或 NUL 等控制字符（发现了 { $character }）
admin-term-already-blocked = 这个词已经被屏蔽了。
admin-pattern-already-blocked = 这个模式已经被屏蔽了。
admin-term-not-blocked = 这里没有屏蔽这个词。
admin-no-terms = 这里没有屏蔽任何词。
admin-terms-list =
    {"*"}*此处的屏蔽词：**
    { $terms }
change-audit-set = 已将审核日志设为 { $channel }
change-audit-off = 已关闭审核日志
change-forgot = 已清除 { $user } 的 { $count } 个已存储任务及其用量
change-channel-mode = 已将 /{ name-imagine } 的可用范围设为：{ $mode }
change-channel-listed = 已将 { $channel } 加入列表
change-channel-unlisted = 已将 { $channel } 移出列表
change-approval-required = 已要求 { $channel } 中的请求需经审批
change-approval-not-required = 已取消 { $channel } 中的审批要求
change-visibility = 已将 { $channel } 中的结果设为 { $results }
change-role-allowed = 已允许 { $role } 使用 /{ name-imagine }
change-role-disallowed = 已将 { $role } 移出允许的身份组
change-role-exempt = 已让 { $role } 不受本服务器的成员限额约束（机器人运营者的限额仍然有效）
change-role-not-exempt = 已让 { $role } 受限额约束
change-role-limits = 已为 { $role } 设置 { $limits }
change-role-limits-cleared = 已清除 { $role } 的限额
change-server-reset = 已将本服务器的限额恢复为机器人的默认值
change-server-limits = 已设置本服务器的 { $changes }
change-member-cleared = 已清除 { $member } 的单独设置
change-member-blocked = 已禁止 { $member } 生成图片
change-member-bonus = 已给 { $member } 每天额外 { $count } 张图片
change-term-blocked = 已屏蔽词语 `{ $term }`
change-pattern-blocked = 已屏蔽模式 `{ $term }`
change-term-unblocked = 已取消屏蔽 `{ $term }`

## /imagine-admin show。
show-title = 图片机器人设置
show-where = /{ name-imagine } 的可用范围
show-mode-everywhere = 所有频道
show-mode-allow-list = 仅限列出的频道及其子区
show-mode-deny-list = 除列出的频道及其子区外的所有位置
show-approval = 需要审批的频道
show-private = 结果为私密的频道
show-audit = 审核日志
show-audit-off = 关闭
show-allowed-roles = 可以使用 /{ name-imagine } 的身份组
show-allowed-roles-everyone = 所有人
show-exempt-roles = 豁免的身份组
show-limits = 限额
show-limits-value =
    每位成员每天的图片数：{ $daily }
    每位成员同时进行的任务数：{ $active }
    冷却时间：{ $cooldown }
    本服务器每天的图片数：{ $server }
show-default = { $value }（默认）
show-seconds = { $seconds } 秒
show-role-limits = 身份组限额
show-member-overrides = 成员单独设置
show-member-blocked = 已禁止
show-member-bonus = +{ $count } 张/天
show-terms = 屏蔽词（{ $count }）
show-no-channel = 无频道
show-none = 无
term = `{ $term }`
term-pattern = `{ $term }`（模式）
limits-daily = { $count } 张/天
limits-at-once = 同时 { $count } 个
limits-cooldown = 冷却 { $seconds } 秒
limits-none = 未设置限额
admin-language-description = 本服务器公开消息（结果、审批、审核日志）使用的语言
admin-language-language-description = 一种语言，或沿用 Discord 中的服务器设置
choice-language-discord = 沿用 Discord 中的服务器设置
change-language = 已将公开消息的语言设为{ $language }
change-language-discord = 已让公开消息重新沿用 Discord 中的服务器设置（当前为{ $language }）
show-language = 公开消息的语言
show-language-chosen = { $language }
show-language-discord = { $language }（Discord 设置）
