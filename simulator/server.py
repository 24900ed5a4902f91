"""Running the simulator on a real socket, e.g. from a pytest fixture.

`sim = await start_simulator(SimConfig(duration_max=0.2))` listens on a free port of 127.0.0.1;
point the client at `sim.api_base_url`, read counters from `sim.state`, and `await sim.close()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

from aiohttp import web

from simulator.app import create_app
from simulator.config import SimConfig
from simulator.state import STATE_KEY, Clock, SimulatorState

ACCESS_LOG_FORMAT = '%a "%r" %s %b %Tfs'


@dataclass
class RunningSimulator:
    """A simulator listening on `base_url`; `close()` stops it."""

    base_url: str
    state: SimulatorState
    app: web.Application
    runner: web.AppRunner

    @property
    def api_base_url(self) -> str:
        """`base_url` plus the configured base path: what a client uses as its API base URL."""
        return self.base_url + self.state.config.base_path

    async def close(self) -> None:
        """Stop listening, cancel background work and free the port."""
        await self.runner.cleanup()

    async def __aenter__(self) -> RunningSimulator:
        """Use as `async with await start_simulator() as sim:`."""
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close on leaving the block."""
        await self.close()


async def start_simulator(
    config: SimConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    clock: Clock | None = None,
    *,
    access_log: bool = True,
) -> RunningSimulator:
    """Start the simulator on host:port (0 picks a free port) and return once it accepts connections."""
    app = create_app(config, clock=clock)
    runner = web.AppRunner(
        app,
        access_log_format=ACCESS_LOG_FORMAT,
        access_log=None if not access_log else web.access_logger,
        handle_signals=False,
    )
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    bound_host, bound_port = runner.addresses[0][:2]
    url_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    return RunningSimulator(base_url=f"http://{url_host}:{bound_port}", state=app[STATE_KEY], app=app, runner=runner)
