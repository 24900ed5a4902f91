## Commands: descriptions of commands, groups and options, and the names of choices.
imagine-description = Generate images from a text prompt
imagine-prompt-description = What to draw (1 to 2000 characters)
imagine-size-description = WxH such as 1280x1280, or pick a preset; leave empty for the default
imagine-n-description = How many images, 1 to 4
imagine-prompt-extend-description = Let the service enrich a short prompt (default: on)
usage-description = Your images today, your limits and your recent jobs
admin-description = Settings of the image bot here
admin-channels-description = Where /{ name-imagine } works, approval and visibility
admin-roles-description = Who may use /{ name-imagine }, exempt roles, role limits
admin-quota-description = This server's limits and members' overrides
admin-terms-description = Words and patterns prompts may not contain
admin-show-description = Every setting of this server in one view
admin-audit-description = Where the audit log goes (leave empty to turn it off)
admin-audit-channel-description = The channel for the audit log
admin-forget-description = Erase a member's stored jobs and usage here, on request
admin-forget-user-description = The member whose data to erase
admin-channels-mode-description = Everywhere, only in listed channels, or all but listed ones
admin-channels-add-description = Put a channel (and its threads) on the allow- or deny-list
admin-channels-remove-description = Take a channel off the allow- or deny-list
admin-channels-approval-description = Require a moderator's approval before prompts are sent
admin-channels-visibility-description = Results for everyone, or only for the requester
admin-roles-allow-description = Let a role use /{ name-imagine } (once any role is listed, only they may)
admin-roles-disallow-description = Take a role off the allowed roles
admin-roles-exempt-description = Free a role from this server's per-member limits (the operator's stay)
admin-roles-limits-description = A role's own limits (members get their most generous role's)
admin-roles-limits-clear-description = Remove the role's limits instead
admin-quota-server-description = This server's limits (empty options keep their value)
admin-quota-server-reset-description = Go back to the bot's defaults for every limit
admin-quota-member-description = Give a member bonus images per day, or block them
admin-quota-member-clear-description = Remove the member's override instead
admin-terms-add-description = Refuse prompts containing a word (or, with regex, a pattern)
admin-terms-remove-description = Stop refusing a word or pattern
admin-terms-list-description = The blocked words and patterns
choice-mode-everywhere = everywhere
choice-mode-allow-list = allow-list
choice-mode-deny-list = deny-list
choice-results-public = public
choice-results-ephemeral = ephemeral

## Buttons and the rejection form.
button-reroll = Reroll
button-delete = Delete
button-cancel = Cancel
button-approve = Approve
button-reject = Reject
button-try-again = Try again
button-generate-again = Generate again
button-show = Show them
reject-form-title = Reject this prompt
reject-form-reason = Reason (shown to the requester)

## Refusals and errors, answered privately.
shutting-down = ⏸️ The bot is restarting and takes no new requests right now. Please try again in a minute.
dms-disabled = 🚫 Image generation is not available in direct messages; use `/{ name-imagine }` in a server.
guild-only = 🚫 This command only works in a server.
not-allowed = 🚫 You may not use this here.
not-an-admin = Only members with the Manage Server permission can change the bot's settings.
not-a-moderator = Only members who can manage messages can approve or reject prompts.
cancel-not-yours = Only the member who asked for these images can cancel them.
show-not-yours = These images are private: only the member who asked for them can see them.
delete-refused = Only the member who asked for these images, or members who can manage messages, can delete them.
unknown-job = This job is no longer known to the bot (its record was removed).
invalid-option =
    ❌ The option **{ $option }** { $problem }
    Nothing was generated and no quota was used.
option-not-understood =
    ❌ An option was not understood.
    Nothing was generated and no quota was used.

## What is wrong with an option ({problem} of "invalid-option"), and the size presets offered.
invalid-prompt-empty = is empty; describe the image you want (1 to { $maximum } characters).
invalid-prompt-too-long = has { $length } characters; the limit is { $maximum }. Shorten it and try again.
invalid-prompt-control-character = contains a control character ({ $character }): a prompt is one line of text, without line breaks, tabs or invisible codes. Remove it and try again.
invalid-count = must be between { $minimum } and { $maximum }, not { $count }.
invalid-size-not-a-size = `{ $typed }` is not a size; { $rules }.
invalid-size-zero-side = `{ $size }` has a zero side; { $rules }.
invalid-size-pixels = `{ $size }` has { $pixels } pixels, outside { $minimum } to { $maximum }; { $rules }.
invalid-size-aspect = `{ $size }` is too narrow or too wide; { $rules }.
size-rules = use WxH such as 1280x1280: width×height between { $minimum }×{ $minimum } and { $maximum }×{ $maximum } pixels in total, aspect ratio between 1:{ $aspect } and { $aspect }:1, or a preset: { $presets }
size-value = { $width }x{ $height }
size-preset-choice = { $name } { $ratio } ({ $size })
size-preset-square = square
size-preset-portrait = portrait
size-preset-landscape = landscape
size-preset-wide = wide
size-preset-tall = tall
error-unexpected = Something went wrong inside the bot. Please try again.
error-unexpected-imagine = Something went wrong inside the bot; nothing was generated and no quota was used. Please try again.
error-unexpected-admin = Something went wrong while changing the settings; nothing was changed.

## Quotas.
quota-blocked = 🚫 You may not generate images here; a server admin has blocked it for you.
quota-cooldown = ⏳ Not so fast: you can ask for images again { $again }. Nothing was charged.
quota-active-jobs = 🚦 You already have { $used ->
        [one] { $used } job
       *[other] { $used } jobs
    } queued or running here, the most allowed at once is { $limit }. Wait for one to finish, or cancel one. Nothing was charged.
quota-guild-daily = 🚫 This server's daily limit is reached: { $remaining } of its { $limit } images are left today and you asked for { $requested }. It resets { $reset }. Nothing was charged.
quota-user-daily = 🚫 Daily limit reached: you asked for { $requested ->
        [one] { $requested } image
       *[other] { $requested } images
    } but have { $remaining } of { $limit } left today. Your quota resets { $reset }. Nothing was charged.

## The server's rules (never naming the blocked term that matched).
policy-channel-allow-list = 🚫 `/{ name-imagine }` does not work in this channel here. It works in: { $channels }.
policy-channel-deny-list = 🚫 `/{ name-imagine }` works in every channel here except: { $channels }. Try another channel.
policy-channel = 🚫 `/{ name-imagine }` does not work in this channel. Ask a server admin where it does.
policy-role = 🚫 In this server only members with certain roles may use `/{ name-imagine }`. Ask a server admin.
policy-term = 🚫 This prompt contains words this server does not allow. Rephrase it and try again; nothing was generated or counted.

## A job's message: its description, progress, result and end.
job-description =
    {"*"}*{ $prompt }**
    `{ $size }` · { $count } · { $job_id }
job-id = job `{ $job_id }`
job-size-default = default size
job-images = { $count ->
        [one] { $count } image
       *[other] { $count } images
    }
progress-awaiting-approval = 🕒 Waiting for a moderator's approval; nothing is generated before that. The images are set aside from your daily quota meanwhile and given back if the request is rejected.
progress-queued-position = ⏳ Queued: #{ $position } in line for the image service…
progress-queued = ⏳ Queued, waiting for a free slot at the image service…
progress-submitting = 📨 Sending the prompt to the image service…
progress-uploading = 📤 Done! Uploading the images…
progress-generating = 🎨 Generating… { $percent }%
progress-generating-eta = 🎨 Generating… { $percent }%, about { $seconds } s left
progress-generating-almost-done = 🎨 Generating… { $percent }%, almost done
result = 🖼️ { $job }
result-shortfall = The service produced only { $delivered } of the { $requested } images asked for; only { $delivered } counted against your daily quota.
result-not-fetched = Only { $delivered } of the { $requested } images arrived: { $missing } could not be fetched from the service. Only the { $delivered } shown counted against your daily quota.
job-failed =
    ❌ { $job }
    { $advice }
    No images were counted against your quota.
job-failed-maybe-charged =
    ❌ { $job }
    { $advice }
    The image service may have made this task; if it did, it was charged, so its { $charged ->
        [one] { $charged } image counts
       *[other] { $charged } images count
    } against your daily quota although none could be delivered.
job-cancelled =
    🛑 { $job }
    Cancelled. No images were counted against your quota.
job-cancelled-charged =
    🛑 { $job }
    Cancelled. The service had already produced { $charged ->
        [one] { $charged } image, which counts
       *[other] { $charged } images, which count
    } against your quota.
job-rejected =
    🚫 { $job }
    A moderator rejected this request: { $reason }
    Nothing was counted.
job-rejected-no-reason = no reason given
job-not-decided =
    🚫 { $job }
    This request ended without a moderator's decision: { $reason }
    Nothing was counted.
job-expired =
    ⌛ { $job }
    { $advice }
    No images were counted against your quota.
failure-detail-unknown = unknown problem
failure-content-policy = The image service refused this prompt under its content policy. Rephrase it (leave out anything explicit, violent or about real people) and try again.
failure-invalid-input = The image service rejected these options. Change the prompt or size and try again.
failure-service-failed = The image service failed to generate this image. Please try again in a moment.
failure-service-unavailable = The bot's image service is unavailable right now; the bot's operator has been told. Please try again later.
failure-outcome-unknown = The image service never said whether it took this request, even when asked again. Please try later.
failure-api-unreachable = The image service could not be reached. Please try again in a few minutes.
failure-timed-out = The image service took too long and the job was abandoned. Please try again later.
failure-no-images = The image service finished without producing an image. Please try again.
failure-bad-image = The image service returned a file that could not be used ({ $detail }). Please try again.
failure-delivery-failed = The images were generated but could not be posted here. Ask an admin to let the bot send messages and attach files in this channel.
failure-results-expired = The images expired (their links last 24 hours) before they could be delivered. Please generate them again.
failure-internal = Something went wrong inside the bot. Please try again.
failure-rejected = A moderator rejected this request ({ $detail }).

## Why a job failed, in detail (in "failure-bad-image", a rejection and the audit log).
image-not-http = the link is not an http(s) URL
image-not-https = the link is plain http, not https
image-unresolvable = cannot resolve { $host }
image-private-address = the link points at a private or local network address
image-http-status = the link answered HTTP { $status }
image-timed-out = the download timed out
image-download-failed = the download failed ({ $error })
image-too-many-redirects = too many redirects
image-too-large = the file is larger than { $maximum } bytes
image-unsupported-format = unsupported image format { $format }
image-too-large-to-decode = the image is too large to decode safely
image-dimensions-too-large = the image is { $width }x{ $height } pixels, far beyond what the service makes
image-unreadable = the file is not a readable image
image-corrupt = the image is truncated or corrupt
image-cannot-fit = cannot fit the image under { $limit } bytes
delivery-result-refused = Discord refused the result ({ $status } { $code })
delivery-private-response-expired = the private response expired before the images were ready
delivery-channel-refused = the channel refused the message ({ $status } { $code })
problem-api-status = the image service answered HTTP { $status }
problem-api-answer-unreadable = the image service's answer could not be read
problem-api-unreachable = the image service could not be reached
problem-create-outcome-unknown = the image service left { $attempts ->
        [one] { $attempts } request
       *[other] { $attempts } requests
    } unanswered
problem-task-failed = the image service reported the task as failed
problem-task-timed-out = the task did not finish within { $seconds } s
problem-results-expired = links expired
problem-approval-timed-out = no moderator answered within { $hours } hours
problem-approval-not-posted = the bot could not post it for the moderators in the audit channel
problem-internal = unexpected error ({ $error })

## Buttons' answers.
cancel-cancelled = 🛑 Cancelled before it was sent; nothing was generated and your quota was returned.
cancel-discard-on-arrival = 🛑 The image service is already working on it and cannot be stopped. Its images will be discarded when they arrive; the service bills them, so they count against your quota.
cancel-too-late = Too late to cancel: the images are already being posted.
cancel-already-ended = This job has already ended.
deleted = 🗑️ Deleted.

## Private results whose interaction expired before they were ready.
private-result-ready = 🖼️ Your images are ready — { $job }. Only you can see them: click **{ button-show }** (until { $until }). They were made and billed, so their { $count ->
        [one] { $count } image counts
       *[other] { $count } images count
    } against your daily quota whether or not you open them.
private-result-expired =
    ⌛ { $job }
    The service keeps images for 24 hours and these have expired; they can no longer be shown. They were made, so they still count against your quota.
private-result-unavailable = This job has no images to show.
private-result-on-its-way = Your images are already on their way: they will appear here in a moment.
private-undeliverable =
    ❌ Results in this channel are private, and the bot cannot post here, so it could not bring you your images once Discord's 15 minutes for this answer run out. Ask an admin to let the bot send messages in this channel.
    Nothing was generated and no quota was used.
approval-approved = ✅ approved by { $moderator }
approval-rejected = ⛔ rejected by { $moderator }
approval-rejected-reason = ⛔ rejected by { $moderator }: { $reason }
approval-no-longer-waits = This request no longer waits for a decision.
approval-already-approved = Another moderator decided first: this request was already approved by { $moderator }.
approval-already-rejected = Another moderator decided first: this request was already rejected by { $moderator }.

## Outcomes (in /usage and the audit log).
outcome-delivered = 🖼️ delivered
outcome-failed = ❌ failed
outcome-cancelled = 🛑 cancelled
outcome-expired = ⌛ expired
outcome-rejected = 🚫 rejected

## /usage.
usage-title-guild = **Your usage in this server**
usage-title-dm = **Your usage in direct messages**
usage-blocked = 🚫 An admin has blocked you from generating images here.
usage-images-today = 🖼️ Images today: **{ $used }** used of { $limit }, **{ $left }** left
usage-active-jobs = 🚦 Jobs queued or running at once: { $limit }
usage-active-jobs-cooldown = 🚦 Jobs queued or running at once: { $limit }; { $seconds } s between requests
usage-exempt = { $limits } (your role is exempt from this server's own per-member limits)
usage-guild-today = 🏠 This server today: { $used } of { $limit } images
usage-resets = 🔄 Daily limits reset { $when }
usage-active-title = **Running and queued**
usage-recent-title = **Recent jobs**
usage-no-recent = No finished jobs yet.
usage-job = `{ $job_id }` { $state } · { $when } · { $prompt }
usage-job-delivered = { $outcome } ({ $count ->
        [one] { $count } image
       *[other] { $count } images
    })
usage-job-queued = ⏳ queued, #{ $position } in line
usage-job-running = 🎨 { $state }
job-state-awaiting-approval = waiting for approval
job-state-queued = queued
job-state-submitting = sending
job-state-submitted = generating
job-state-completed = uploading
unlimited = unlimited

## The audit log.
audit-job =
    job `{ $job_id }` · { $user } in { $channel } · `{ $size }` · n={ $count }
    > { $prompt }
audit-job-no-extend =
    job `{ $job_id }` · { $user } in { $channel } · `{ $size }` · n={ $count } · { name-imagine-prompt-extend } off
    > { $prompt }
audit-ended = { $outcome } · { $job }
audit-ended-reason = reason: { $reason } ({ $detail })
failure-reason-content-policy = content policy
failure-reason-invalid-input = options refused
failure-reason-service-failed = the service failed
failure-reason-outcome-unknown = outcome unknown
failure-reason-service-unavailable = service unavailable
failure-reason-api-unreachable = service unreachable
failure-reason-timed-out = timed out
failure-reason-no-images = no images
failure-reason-bad-image = unusable image
failure-reason-delivery-failed = delivery failed
failure-reason-results-expired = results expired
failure-reason-rejected = rejected
failure-reason-model-denied = image model not allowed
failure-reason-input-unavailable = input image unavailable
failure-reason-internal = internal error
audit-ended-charged = { $charged ->
        [one] { $charged } image produced before the cancel was counted
       *[other] { $charged } images produced before the cancel were counted
    }
audit-delivered =
    🖼️ delivered · { $job }
    { $count ->
        [one] { $count } image
       *[other] { $count } images
    } { $where }
audit-delivered-privately = privately to the requester
audit-approval-request = 🕒 **approval needed** · { $job }
audit-approval-hint = Members who can manage messages may approve or reject it.
audit-refused =
    ⛔ refused · { $user } in { $channel } · { $why }
    > { $prompt }
audit-refused-channel = channel
audit-refused-role = role
audit-refused-any-term = term
audit-refused-term = blocked term `{ $term }`
audit-refused-pattern = blocked pattern `{ $term }`
audit-refused-quota = quota: { $kind }
limit-kind-blocked = member blocked
limit-kind-cooldown = cooldown
limit-kind-active-jobs = jobs at once
limit-kind-user-daily = a member's images per day
limit-kind-guild-daily = the server's images per day
limit-kind-person-daily = a person's images per day across servers
limit-kind-bot-daily = the bot's images per day
limit-kind-credits-daily = the bot's credits per day
limit-kind-credits-monthly = the bot's credits per month
limit-kind-guild-credits = the server's credits per month
audit-refused-private-undeliverable = private results, but the bot cannot post in the channel
audit-deleted = 🗑️ result deleted by { $user } · { $job }
audit-setting-changed = ⚙️ { $user } { $change }
audit-dropped = ⚠️ { $count } audit entries are missing here: this channel was too busy to post them in time

## /imagine-admin: answers and the changes (also written to the audit log).
admin-done = ✅ { $change }
admin-not-changed = ❌ Not changed: { $problem }.
admin-bot-lacks = the bot lacks { $permissions } in { $channel }
permission-view-channel = View Channel
permission-send-messages = Send Messages
permission-attach-files = Attach Files
admin-approval-needs-audit = ❌ Not changed: approval requests wait in the audit channel; set one first with `/{ name-imagine-admin } { name-imagine-admin-audit }`.
admin-nothing-to-change = Nothing to change: give at least one limit.
admin-beyond-operator = { $limit } can be at most { $ceiling } here, the limit the bot's operator set (a server may make its limits stricter, never looser)
admin-cooldown-below-operator = `{ name-imagine-admin-quota-server-cooldown-seconds }` can be no less than { $ceiling } here, the cooldown the bot's operator set (a server may make its limits stricter, never looser)
limit-option-daily-images = `{ name-imagine-admin-quota-server-daily-images }` (images per member per day)
limit-option-max-active-jobs = `{ name-imagine-admin-quota-server-max-active-jobs }` (jobs per member at once)
limit-option-server-daily-images = `{ name-imagine-admin-quota-server-server-daily-images }` (images per server per day)
limit-option-bonus-images = `{ name-imagine-admin-quota-member-bonus-images }` (a member's extra images per day)
admin-term-not-added = ❌ Not added: { $problem }.
term-no-letters = a blocked term needs at least one letter or digit
term-too-long = a term may have at most { $maximum } characters
term-pattern-too-long = a pattern may have at most { $maximum } characters
term-pattern-does-not-compile = the pattern does not compile: { $detail }
term-too-many = a server may block at most { $maximum ->
        [one] { $maximum } term
       *[other] { $maximum } terms
    }
term-control-character = a term may not contain control characters such as line breaks, tabs or NUL (found { $character })
admin-term-already-blocked = That term is already blocked.
admin-pattern-already-blocked = That pattern is already blocked.
admin-term-not-blocked = That is not a blocked term here.
admin-no-terms = No terms are blocked here.
admin-terms-list =
    {"*"}*Blocked here:**
    { $terms }
change-audit-set = set the audit log to { $channel }
change-audit-off = turned the audit log off
change-forgot = erased { $count ->
        [one] { $count } stored job
       *[other] { $count } stored jobs
    } and the usage of { $user }
change-channel-mode = set where /{ name-imagine } works to: { $mode }
change-channel-listed = listed { $channel }
change-channel-unlisted = unlisted { $channel }
change-approval-required = required approval in { $channel }
change-approval-not-required = stopped requiring approval in { $channel }
change-visibility = made results in { $channel } { $results }
change-role-allowed = allowed { $role } to use /{ name-imagine }
change-role-disallowed = took { $role } off the allowed roles
change-role-exempt = made { $role } exempt from this server's per-member limits (the bot operator's still apply)
change-role-not-exempt = made { $role } subject to the limits
change-role-limits = set { $limits } for { $role }
change-role-limits-cleared = cleared the limits of { $role }
change-server-reset = reset this server's limits to the bot's defaults
change-server-limits = set this server's { $changes }
change-member-cleared = cleared the override of { $member }
change-member-blocked = blocked { $member } from generating images
change-member-bonus = gave { $member } { $count ->
        [one] { $count } bonus image
       *[other] { $count } bonus images
    } per day
change-term-blocked = blocked the term `{ $term }`
change-pattern-blocked = blocked the pattern `{ $term }`
change-term-unblocked = unblocked `{ $term }`

## /imagine-admin show.
show-title = Image bot settings
show-where = Where /{ name-imagine } works
show-mode-everywhere = in every channel
show-mode-allow-list = only in the listed channels and their threads
show-mode-deny-list = everywhere except the listed channels and their threads
show-approval = Approval required in
show-private = Private results in
show-audit = Audit log
show-audit-off = off
show-allowed-roles = Roles allowed to use /{ name-imagine }
show-allowed-roles-everyone = everyone
show-exempt-roles = Exempt roles
show-limits = Limits
show-limits-value =
    images per member per day: { $daily }
    jobs at once per member: { $active }
    cooldown: { $cooldown }
    images per day for the server: { $server }
show-default = { $value } (default)
show-seconds = { $seconds } s
show-role-limits = Role limits
show-member-overrides = Member overrides
show-member-blocked = blocked
show-member-bonus = +{ $count } images/day
show-terms = Blocked terms ({ $count })
show-no-channel = no channel
show-none = none
term = `{ $term }`
term-pattern = `{ $term }` (pattern)
limits-daily = { $count }/day
limits-at-once = { $count } at once
limits-cooldown = { $seconds } s cooldown
limits-none = no limits set
admin-language-description = The language of this server's public posts: results, approvals, audit log
admin-language-language-description = A language, or Discord's setting for the server
choice-language-discord = Discord's setting for the server
change-language = public posts now speak { $language }
change-language-discord = public posts follow Discord's setting for the server again (now { $language })
show-language = Public posts
show-language-chosen = { $language }
show-language-discord = { $language } (Discord's setting)
