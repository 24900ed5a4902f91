"""Running the simulator on a socket: `start_simulator` and `python -m simulator`."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import aiohttp

from simulator.__main__ import build_parser, config_from_args
from simulator.config import SimConfig
from simulator.server import start_simulator
from tests.simulator.conftest import AUTH, body

ROOT = Path(__file__).resolve().parents[2]


async def test_start_simulator_listens_on_a_free_port_with_base_path() -> None:
    sim = await start_simulator(SimConfig(base_path="/apiv1"), access_log=False)
    try:
        async with aiohttp.ClientSession() as session:
            url = f"{sim.api_base_url}/v1/images/generations"
            async with session.post(url, json=body(), headers=AUTH) as resp:
                created = await resp.json()
    finally:
        await sim.close()

    assert sim.base_url.startswith("http://127.0.0.1:")
    assert sim.api_base_url == sim.base_url + "/apiv1"
    assert created["status"] == "pending"
    assert list(sim.state.tasks) == [created["id"]]


def test_cli_flags_map_to_config() -> None:
    argv = [
        *("--duration-min", "20", "--duration-max", "90", "--time-scale", "0.05", "--seed", "1"),
        *("--image-noise", "--image-format", "jpeg", "--api-key", "k"),
        *("--allow-insecure-callbacks", "--public-url", "http://h"),
    ]
    args = build_parser().parse_args(argv)

    config = config_from_args(args)

    assert config == SimConfig(
        duration_min=20,
        duration_max=90,
        time_scale=0.05,
        image_noise=True,
        seed=1,
        image_format="jpeg",
        api_key="k",
        allow_insecure_callbacks=True,
        public_url="http://h",
    )
    assert (args.host, args.port) == ("127.0.0.1", 8090)


async def test_python_m_simulator_prints_its_url_and_stops_on_sigterm() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "simulator", "--port", "0", "--log-level", "WARNING",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = (await asyncio.wait_for(proc.stdout.readline(), 10)).decode()
        url = line.split()[-1]
        async with aiohttp.ClientSession() as session, session.get(f"{url}/_sim/stats") as resp:
            stats = await resp.json()
        proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(proc.wait(), 10)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()

    assert line.startswith("Wan2.5 simulator listening on http://127.0.0.1:")
    assert stats["create_count"] == 0
    assert code == 0
