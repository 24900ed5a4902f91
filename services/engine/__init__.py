"""The job engine: accepting jobs (`jobs`, which composes the rest), running each through its steps
(`runner`, with what only a running job knows in `runs`), the fair queue in front of the API and the
places it gives (`scheduler`, `queue_positions`), following tasks (`tracker`, `polling`, callbacks), the
controls on accepted jobs (`controls`), the leases between processes (`leases`); and the seam through
which it reports to the Discord side (`events`, `reporter`)."""
