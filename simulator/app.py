"""Assembly of the simulator's aiohttp application.

`create_app(config, clock=...)` returns the app; its `SimulatorState` is `app[STATE_KEY]`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from simulator.callbacks import CALLBACKS_KEY, CallbackSender
from simulator.config import SimConfig
from simulator.control import add_control_routes
from simulator.errors import error_response
from simulator.handlers import add_api_routes
from simulator.state import STATE_KEY, Clock, SimulatorState

__all__ = ["STATE_KEY", "create_app"]

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer unknown routes, wrong methods and unexpected exceptions in the vendor's error shape."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return error_response(exc.status, exc.text if exc.text and exc.status == 400 else exc.reason)
    except Exception:
        logger.exception("unexpected error answering %s %s", request.method, request.path)
        return error_response(500)


async def _close(app: web.Application) -> None:
    await app[STATE_KEY].close()
    await app[CALLBACKS_KEY].close()


def create_app(config: SimConfig | None = None, *, clock: Clock | None = None) -> web.Application:
    """Build the simulator app: vendor endpoints, result files and the `/_sim/` control API."""
    state = SimulatorState(config or SimConfig(), clock)
    app = web.Application(middlewares=[json_errors])
    app[STATE_KEY] = state
    app[CALLBACKS_KEY] = CallbackSender(state)
    add_api_routes(app, state.config.base_path)
    add_control_routes(app)
    app.on_cleanup.append(_close)
    return app
