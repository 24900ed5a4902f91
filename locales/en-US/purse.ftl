quota-person-daily = 🚫 Your daily limit across every server is reached: you asked for { $requested ->
        [one] { $requested } image
       *[other] { $requested } images
    } but have { $remaining } of { $limit } left today, wherever you use this bot. It resets { $reset }. Nothing was charged.
quota-bot-daily = 🚫 The bot's daily limit, shared by every server, is reached: { $remaining } of its { $limit } images are left today and you asked for { $requested }. It resets { $reset }. Nothing was charged.
quota-credits-daily = 🚫 The bot's daily budget is spent: { $remaining } of its { $limit } credits are left today and this request needs { $cost }. It resets { $reset }. Nothing was charged.
quota-credits-monthly = 🚫 The bot's monthly budget is spent: { $remaining } of its { $limit } credits are left this month and this request needs { $cost }. It resets { $reset }. Nothing was charged.
quota-guild-credits = 🚫 This server's monthly budget is spent: { $remaining } of its { $limit } credits are left this month and this request needs { $cost }. It resets { $reset }. Nothing was charged.
usage-person-today = 🌐 Images everywhere today (every server and DM): **{ $used }** of { $limit }
usage-guild-credits = 💳 This server's credits this month: { $used } of { $limit }
limit-option-monthly-credits = `{ name-imagine-admin-quota-server-monthly-credits }` (the server's credits per month)
admin-quota-server-monthly-credits-description = Credits this server may spend per UTC month
admin-quota-server-over-budget-description = What happens once the server's budget is spent
choice-over-budget-refuse = refuse requests
choice-over-budget-approval = require a moderator's approval
choice-over-budget-one-image = one image per request
budget-guild-daily = This server's images today
budget-guild-credits = This server's credits this month
audit-budget-warning = ⚠️ { $budget }: { $level }% of the budget is used ({ $used } of { $limit }).
audit-budget-spent = 🛑 { $budget }: the budget is spent ({ $used } of { $limit }). { $then }
budget-then-refuse = Requests beyond it are refused until it resets.
budget-then-approval = Requests beyond it now wait for a moderator's approval.
budget-then-one-image = Requests beyond it now get one image each.
admin-spend-description = A chart of this server's images and credits over the last 30 days
spend-chart-legend = 📈 The chart: images (blue, above) and credits (orange, below) per day over the last { $days } days, oldest on the left; each panel's largest value is at its left.
spend-summary = 📊 Last { $days } days: { $images } images, { $credits } credits
spend-top-title = **Top members**
spend-top-member = { $user }: { $count } images
spend-no-members = No member generated images in these days.
show-budget = Budget
show-budget-value =
    credits per month: { $credits }
    once it is spent: { $then }
