"""A job keeps its languages across restarts: the requester's and the server's."""

from __future__ import annotations

import dataclasses

from services.storage.job_store import Store
from tests.services.storage.job_factory import limits, make_job


async def test_a_stored_job_keeps_both_its_languages(database_url: str) -> None:
    store = await Store.open(database_url)
    job = make_job("polyglot")
    job.target = dataclasses.replace(job.target, locale="de", public_locale="pt-BR")
    await store.insert_job_reserving(job, limits(10))
    await store.close()
    restarted = await Store.open(database_url)
    stored = await restarted.get_job("polyglot")
    await restarted.close()
    assert stored is not None
    assert (stored.target.locale, stored.target.public_locale) == ("de", "pt-BR")
