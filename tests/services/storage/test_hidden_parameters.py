"""A statement that fails never shows its parameters: interaction tokens and callback secrets are
statement parameters, and an error's text ends up in tracebacks and logs."""

from __future__ import annotations

import traceback

import pytest
import sqlalchemy as sa

from services.storage.job_store import Store
from services.storage.tables import meta

SECRET = "interaction-token-that-must-never-be-logged"


async def test_a_failing_statement_does_not_show_its_parameter_values(database_url: str) -> None:
    store = await Store.open(database_url)
    try:
        async with store.write() as connection:
            await connection.execute(sa.insert(meta), {"key": "hidden-parameters", "value": "first"})
        with pytest.raises(sa.exc.IntegrityError) as caught:
            async with store.write() as connection:
                await connection.execute(sa.insert(meta), {"key": "hidden-parameters", "value": SECRET})
    finally:
        await store.close()
    shown = "".join(traceback.format_exception(caught.value))
    assert "hidden-parameters" in shown or "meta" in shown  # the error itself is still described
    assert SECRET not in shown
