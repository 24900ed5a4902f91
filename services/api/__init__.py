"""The client of the hosted Wan2.5 API: the create and task calls, their retry rules, tolerant parsing of
its answers, its errors, and the validation of options against its documented limits."""
