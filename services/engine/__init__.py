"""The job engine: accepting jobs (`jobs`, which composes the rest), running each through its steps
(`runner`, with what only a running job knows in `runs`), the fair queue in front of the API and the
places it gives (`scheduler`, `queue_positions`), following tasks (`tracker`, `polling`,
`task_end`, callbacks) within the account's budget of queries (`query_budget`, `query_share`), the
controls on accepted jobs (`controls`), the leases between processes (`leases`); and the seam through
which it reports to the Discord side (`events`, `reporter`)."""
