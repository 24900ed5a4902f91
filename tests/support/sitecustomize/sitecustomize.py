"""Redirect discord.py to a fake Discord when ``FAKE_DISCORD_URL`` is set (``http://127.0.0.1:PORT``).

Put this directory first on ``PYTHONPATH`` of the bot process. Nothing is imported at interpreter
start: a ``sys.meta_path`` finder wraps the loaders of ``discord.http`` and ``discord.gateway`` and
patches ``Route.BASE`` and ``DiscordWebSocket.DEFAULT_GATEWAY`` right after each module executes.
Without ``FAKE_DISCORD_URL`` it does nothing at all (and stays silent). A ``sitecustomize`` further
down ``sys.path`` that this one shadows is still executed.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ENV_VAR = "FAKE_DISCORD_URL"


def _gateway_url(base_url: str) -> str:
    scheme, rest = base_url.rstrip("/").split("://", 1)
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest}/gateway"


def _patch_http(module: ModuleType, base_url: str) -> None:
    module.Route.BASE = base_url.rstrip("/") + "/api/v10"


def _patch_gateway(module: ModuleType, base_url: str) -> None:
    import yarl

    module.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(_gateway_url(base_url))


class _PatchingLoader(importlib.abc.Loader):
    """Delegates to the real loader, then applies the patch to the executed module."""

    def __init__(self, wrapped: importlib.abc.Loader, patch: Callable[[ModuleType], None]) -> None:
        self._wrapped = wrapped
        self._patch = patch

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._wrapped.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._wrapped.exec_module(module)
        self._patch(module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._wrapped, name)


class _RedirectFinder(importlib.abc.MetaPathFinder):
    """Finds ``discord.http``/``discord.gateway`` through the other finders and wraps their loaders."""

    def __init__(self, patches: dict[str, Callable[[ModuleType], None]]) -> None:
        self._patches = patches

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        patch = self._patches.get(fullname)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _PatchingLoader(spec.loader, patch)
                return spec
        return None


def install(base_url: str) -> None:
    """Patch discord.py for ``base_url`` now if already imported, else right after its import."""
    patches: dict[str, Callable[[ModuleType], None]] = {
        "discord.http": lambda module: _patch_http(module, base_url),
        "discord.gateway": lambda module: _patch_gateway(module, base_url),
    }
    for name, patch in list(patches.items()):
        if name in sys.modules:
            patch(sys.modules[name])
            del patches[name]
    if patches:
        sys.meta_path.insert(0, _RedirectFinder(patches))


def _run_shadowed_sitecustomize() -> None:
    here = Path(__file__).resolve().parent
    others = [p for p in sys.path if p and Path(p).resolve() != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", others)
    if spec is None or spec.loader is None or spec.origin == __file__:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


_url = os.environ.get(ENV_VAR)
if _url:
    install(_url)
_run_shadowed_sitecustomize()


def _install_crash_point() -> None:
    # Durability tests freeze the bot at a named step (tests/support/crashpoints.py) to kill it there.
    if os.environ.get("IMAGINE_CRASH_AT"):
        from tests.support.crashpoints import install_from_environment

        install_from_environment()


_install_crash_point()
