## The card's buttons.
button-info = Info
button-report = Report
button-restore = Restore
button-block-requester = Block the requester
button-add-term = Add a blocked term

## The card's details under the prompt.
card-details = { $model } · requested by { $requester }
card-hidden = ⚠️ This result was reported and is hidden until a moderator reviews it.
card-spoiler = The images of this channel are shown behind a spoiler: click to see them.

## Info (private).
info-title = ℹ️ About job `{ $job_id }`
info-request = Sent to the API: model `{ $model }`, size `{ $size }`, n { $n }, prompt_extend { $extend }
info-prompt = Prompt: { $prompt }
info-actual-prompt-none = The service did not report a rewritten prompt.
info-task = Task id: `{ $task_id }`
info-task-none = Task id: none (the job was not sent)
info-credits = Credits: { $reserved } reserved, { $charged } charged
info-times = Queue time: { $queued } · generation time: { $generated }
info-seconds = { $seconds } s
info-time-unknown = unknown

## Report.
report-done = 🚩 Thank you: the result is hidden and the moderators were asked to review it.
report-already = You have already reported this result.
report-under-review = This result was reported and waits for a moderator: no new images from it until then.
report-unreachable = The moderators could not be reached, so the result was not hidden: please try again in a while.
report-no-audit-owner = 🚩 Thank you: the result is hidden and the server's owner was told.
report-review =
    🚩 **Reported result** · job `{ $job_id }`
    Requested by { $requester } in { $channel }, reported by { $reporter }.
    Prompt: { $prompt }
    { $link }
report-owner-notice =
    🚩 A result in your server **{ $guild }** was reported by a member and is hidden: { $link }
    Moderators (Manage Messages) can delete it with its { button-delete } button. Set an audit channel with `/{ name-imagine-admin } { name-imagine-admin-audit }` so reports reach your moderators with buttons to review them.
review-restored = ✅ Restored by { $moderator }.
review-deleted = 🗑️ Deleted by { $moderator }.
review-blocked = ⛔ { $moderator } blocked the requester.
review-term-added = 🔤 { $moderator } blocked a term.
review-done = Done.
review-term-form-title = Add a blocked term
review-term-form-term = Term (a word or phrase)
review-outcome-restored = The result you reported in **{ $guild }** was reviewed: a moderator restored it.
review-outcome-deleted = The result you reported in **{ $guild }** was reviewed: a moderator deleted it.
review-result-gone = The result's message no longer exists.
audit-reported = 🚩 { $user } reported the result of { $job }
audit-review-action = 🛡️ { $user }: { $action } · { $job }

## /history.
history-description = Your recent results in this server, with links to them (only you see this)
history-page-description = Which page (newest first)
history-title = 🖼️ Results of { $member }, page { $page } of { $pages }:
history-line = { $when } · { $prompt } · { $count } · [open]({ $link })
history-empty = No results yet.
admin-history-description = A member's recent results, with links to them
admin-history-member-description = The member whose results to show

## The spoiler setting.
admin-channels-spoiler-description = Show every result in a channel behind a spoiler (young members)
change-spoiler-on = results in { $channel } are shown behind a spoiler
change-spoiler-off = results in { $channel } are shown without a spoiler
