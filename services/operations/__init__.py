"""What the operator runs and watches: the web server (task callbacks, health, metrics), the Prometheus
metrics and the retention purge."""
