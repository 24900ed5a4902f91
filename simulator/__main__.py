"""Run the Wan2.5 simulator until Ctrl-C or SIGTERM: `python -m simulator --port 8090`.

Prints `Wan2.5 simulator listening on <base URL>` once ready, then one access-log line per request.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Sequence

from simulator.config import IMAGE_FORMATS, PROGRESS_CURVES, SimConfig
from simulator.server import start_simulator


def _add_access_flags(p: argparse.ArgumentParser, defaults: SimConfig) -> None:
    p.add_argument(
        "--deny-image-to-image",
        action=argparse.BooleanOptionalAction,
        default=defaults.deny_image_to_image,
        help="answer 403 'Access denied for this model' to wan2.5-image-to-image",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line of `python -m simulator` (one flag per SimConfig field, plus host/port)."""
    defaults = SimConfig()
    p = argparse.ArgumentParser(prog="python -m simulator", description="Offline Wan2.5 text-to-image API.")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8090, help="port to listen on, 0 for any (default 8090)")
    p.add_argument("--base-path", default=defaults.base_path, help="prefix of the API routes, e.g. /apiv1")
    p.add_argument("--duration-min", type=float, default=defaults.duration_min, help="seconds")
    p.add_argument("--duration-max", type=float, default=defaults.duration_max, help="seconds")
    p.add_argument("--time-scale", type=float, default=defaults.time_scale, help="duration multiplier")
    p.add_argument("--seed", type=int, default=defaults.seed, help="random seed for reproducible runs")
    p.add_argument("--estimate-error", type=float, default=defaults.estimate_error, help="estimated_time factor")
    _add_realism_flags(p, defaults)
    p.add_argument("--default-size", default=defaults.default_size, help="size when a request has none")
    p.add_argument(
        "--image-noise",
        action=argparse.BooleanOptionalAction,
        default=defaults.image_noise,
        help="noise backgrounds (large files)",
    )
    p.add_argument(
        "--reuse-images",
        action=argparse.BooleanOptionalAction,
        default=defaults.reuse_images,
        help="render each distinct image once and serve it to every task asking for it (load tests)",
    )
    p.add_argument("--image-format", choices=IMAGE_FORMATS, default=defaults.image_format)
    p.add_argument(
        "--prerender",
        action=argparse.BooleanOptionalAction,
        default=defaults.prerender,
        help="render images from task creation on, ready at completion (default on)",
    )
    p.add_argument("--api-key", default=defaults.api_key, help="required bearer token (default: any)")
    p.add_argument(
        "--allow-insecure-callbacks",
        action=argparse.BooleanOptionalAction,
        default=defaults.allow_insecure_callbacks,
        help="accept http and internal callback URLs",
    )
    _add_access_flags(p, defaults)
    p.add_argument("--public-url", default=defaults.public_url, help="base of result URLs")
    p.add_argument("--task-ttl", type=float, default=defaults.task_ttl, help="seconds until tasks expire")
    p.add_argument("--callback-timeout", type=float, default=defaults.callback_timeout, help="seconds")
    p.add_argument("--log-level", default="INFO", help="logging level (default INFO)")
    return p


def _add_realism_flags(p: argparse.ArgumentParser, defaults: SimConfig) -> None:
    """Flags that make the simulator behave like production under load (all off by default)."""
    p.add_argument(
        "--estimate-error-max",
        type=float,
        default=defaults.estimate_error_max,
        help="draw each task's estimate factor from [estimate-error, this] (0.6 and 1.5: -40%%..+50%%)",
    )
    p.add_argument("--progress-curve", choices=PROGRESS_CURVES, default=defaults.progress_curve)
    p.add_argument(
        "--query-limit-per-second",
        type=float,
        default=defaults.query_limit_per_second,
        help="task queries per second per account; above it 429 with Retry-After (the provider: about 20)",
    )
    p.add_argument(
        "--create-limit-per-second",
        type=float,
        default=defaults.create_limit_per_second,
        help="create calls per second per account; above it 429 with Retry-After, nothing created",
    )


def config_from_args(args: argparse.Namespace) -> SimConfig:
    """SimConfig from parsed flags; ValueError names a bad value."""
    return SimConfig(
        duration_min=args.duration_min,
        duration_max=args.duration_max,
        time_scale=args.time_scale,
        seed=args.seed,
        estimate_error=args.estimate_error,
        estimate_error_max=args.estimate_error_max,
        progress_curve=args.progress_curve,
        query_limit_per_second=args.query_limit_per_second,
        create_limit_per_second=args.create_limit_per_second,
        default_size=args.default_size,
        image_noise=args.image_noise,
        reuse_images=args.reuse_images,
        image_format=args.image_format,
        prerender=args.prerender,
        api_key=args.api_key,
        allow_insecure_callbacks=args.allow_insecure_callbacks,
        deny_image_to_image=args.deny_image_to_image,
        public_url=args.public_url,
        base_path=args.base_path,
        task_ttl=args.task_ttl,
        callback_timeout=args.callback_timeout,
    )


async def serve(config: SimConfig, host: str, port: int) -> None:
    """Serve until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    sim = await start_simulator(config, host, port)
    try:
        print(f"Wan2.5 simulator listening on {sim.api_base_url}", flush=True)
        await stop.wait()
    finally:
        await sim.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m simulator`; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except ValueError as exc:
        parser.error(str(exc))
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(config, args.host, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
