"""The simulator as production: the provider's query limit enforced with 429, estimates off by
-40%..+50%, uneven progress, and result images of 1.5-5 MB."""

from __future__ import annotations

from dataclasses import fields

from bench.scenarios import Scenario
from simulator.config import STATIC_FIELDS, SimConfig
from simulator.server import RunningSimulator, start_simulator

QUERY_LIMIT_PER_SECOND = 20.0
"""The provider's limit on task queries per account and second (429 with Retry-After above it)."""

RESULT_SIZES: tuple[str, ...] = ("768x768", "1024x1024", "1600x900", "1440x1080", "1080x1440", "1280x1280")
"""Sizes the members ask for, in turn. With noise backgrounds their PNG files measure 1.57, 2.77,
3.41, 3.91, 4.26 and 4.32 MB (measured with simulator.images.render_image): 1.5-5 MB, 3.4 MB on average."""


def production_config(scenario: Scenario, seed: int) -> SimConfig:
    """The simulator's settings for one run of `scenario`."""
    return SimConfig(
        duration_min=scenario.duration_min,
        duration_max=scenario.duration_max,
        seed=seed,
        estimate_error=0.6,
        estimate_error_max=1.5,
        progress_curve="uneven",
        query_limit_per_second=QUERY_LIMIT_PER_SECOND,
        image_noise=True,
        # Rendered once per size: the real API renders on its own machines, not on the bot's two cores.
        reuse_images=True,
        allow_insecure_callbacks=True,
    )


async def start_production_simulator(scenario: Scenario) -> RunningSimulator:
    """A simulator for the whole benchmark; `prepare` sets it up again for each run."""
    return await start_simulator(production_config(scenario, seed=1), access_log=False)


async def prepare(sim: RunningSimulator, scenario: Scenario, seed: int) -> None:
    """Forget the previous run and configure the simulator for this one."""
    await sim.state.reset()
    config = production_config(scenario, seed)
    sim.state.update_config(
        {field.name: getattr(config, field.name) for field in fields(config) if field.name not in STATIC_FIELDS}
    )
