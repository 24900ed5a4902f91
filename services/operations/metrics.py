"""What the operator can watch: Prometheus metrics in a registry of the bot's own (no globals), and
how reachable the API has been lately (for /healthz)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

API_FAILING_AFTER_SECONDS = 300.0
API_FAILING_AFTER_ERRORS = 3


@dataclass
class ApiHealth:
    """The API counts as unreachable after several failures in a row and no success for a while."""

    last_success: float | None = None
    consecutive_failures: int = 0
    last_problem: str = ""

    def healthy(self, now: float) -> bool:
        """Whether the API answered well recently (or has not been asked yet)."""
        if self.consecutive_failures < API_FAILING_AFTER_ERRORS:
            return True
        return self.last_success is not None and now - self.last_success < API_FAILING_AFTER_SECONDS


class Metrics:
    """The bot's metrics; `render()` gives the Prometheus text format."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._clock = clock
        self.api = ApiHealth()
        self.jobs = Gauge("imagine_jobs", "Stored jobs by state", ["state"], registry=self.registry)
        self.queue_depth = Gauge("imagine_queue_depth", "Jobs waiting in the fair queue", registry=self.registry)
        self.in_flight = Gauge("imagine_tasks_in_flight", "Tasks running at the API", registry=self.registry)
        self.api_calls = Counter(
            "imagine_api_calls", "Calls of the Wan API", ["endpoint", "outcome"], registry=self.registry
        )
        self.api_latency = Histogram(
            "imagine_api_latency_seconds",
            "Duration of Wan API calls",
            ["endpoint"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=self.registry,
        )
        self.completion_to_delivery = Histogram(
            "imagine_completion_to_delivery_seconds",
            "From the bot learning a task completed to its images posted",
            buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60),
            registry=self.registry,
        )
        self.images_delivered = Counter("imagine_images_delivered", "Images posted", registry=self.registry)
        self.create_outcome_unknown = Counter(
            "imagine_create_outcome_unknown",
            "Jobs ended because their create call stayed unanswered after its last attempt (the API may have made "
            "and billed the task)",
            registry=self.registry,
        )
        self.quota_refusals = Counter(
            "imagine_quota_refusals", "Requests refused by a limit", ["limit"], registry=self.registry
        )

        self._add_budget_metrics()

    def _add_budget_metrics(self) -> None:
        self.credits_reserved = Counter(
            "imagine_credits_reserved", "API credits reserved by accepted jobs", registry=self.registry
        )
        self.credits_spent = Counter(
            "imagine_credits_spent", "API credits charged by ended jobs", registry=self.registry
        )
        self.budget_remaining = Gauge(
            "imagine_budget_remaining",
            "What is left of each of the operator's budgets in its period (images or credits)",
            ["budget"],
            registry=self.registry,
        )
        self.budget_alerts = Counter(
            "imagine_budget_alerts",
            "Budgets that reached 80 or 100 percent",
            ["budget", "level"],
            registry=self.registry,
        )

    def api_call(self, endpoint: str, outcome: str, seconds: float) -> None:
        """Count one API call (the client's `on_call` hook)."""
        self.api_calls.labels(endpoint=endpoint, outcome=outcome).inc()
        self.api_latency.labels(endpoint=endpoint).observe(seconds)
        if outcome == "ok" or _answered_for_the_request(outcome):
            # A 4xx (a refused prompt, an unknown task) is an answer: the API is reachable.
            self.api.last_success, self.api.consecutive_failures = self._clock(), 0
        else:
            self.api.consecutive_failures += 1
            self.api.last_problem = f"{endpoint} answered {outcome}"

    def set_budget_remaining(self, remaining: dict[str, float]) -> None:
        """What is left of each of the operator's budgets (read from the store at each scrape)."""
        for budget, left in remaining.items():
            self.budget_remaining.labels(budget=budget).set(left)

    def set_job_counts(self, counts: dict[str, int]) -> None:
        """Stored jobs per state (read from the store at each scrape)."""
        self.jobs.clear()
        for state, count in counts.items():
            self.jobs.labels(state=state).set(count)

    def render(self) -> bytes:
        """The Prometheus text exposition."""
        return generate_latest(self.registry)


def _answered_for_the_request(outcome: str) -> bool:
    # 401-403 mean the key or credits: the bot cannot work, which /healthz must show.
    return outcome.isdigit() and 400 <= int(outcome) < 500 and outcome not in {"401", "402", "403", "429"}
