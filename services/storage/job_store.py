"""The job store: jobs and daily usage. Every state change of a job is one statement guarded by the
state it leaves, and every quota change happens in the same transaction as the job change that causes
it, so a crash between two steps can neither lose nor double-count images.

Each part has its own module: reserving usage (`usage`), moving jobs on (`job_transitions`), leases
(`job_claims`), reads (`job_queries`), forgetting (`erasure`) and a guild's spending (`spending`);
`Store` is all of them on one database.
"""

from __future__ import annotations

from services.storage.database import StoreError, async_url, describe_database, sqlite_path
from services.storage.erasure import Erasure
from services.storage.job_claims import JobClaims
from services.storage.job_queries import JobQueries
from services.storage.job_transitions import JobTransitions
from services.storage.result_reports import ResultReports
from services.storage.spending import SpendingQueries
from services.storage.usage import Refusal, UsageCounts

__all__ = ["Refusal", "Store", "StoreError", "async_url", "describe_database", "sqlite_path"]


class Store(UsageCounts, JobTransitions, JobClaims, JobQueries, Erasure, SpendingQueries, ResultReports):
    """Jobs, daily usage and small metadata, persisted in the configured database."""
