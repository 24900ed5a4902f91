"""The vocabulary every capability shares: domain types (jobs, tasks, options), typed domain errors, the
injected clock and the owner of background tasks."""
