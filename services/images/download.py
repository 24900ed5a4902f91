"""Downloading result images: streaming with a byte cap, no private hosts, checked and fitted by Pillow."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from services.core.errors import ImageFetchError, ImageProblem
from services.images.fitting import FittedImage, InvalidImageData, fit_image

log = logging.getLogger(__name__)

MAX_REDIRECTS = 3
_REDIRECTS = {301, 302, 303, 307, 308}


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public_address(address: str) -> bool:
    """Whether an IP address is globally routable (not loopback, private, link-local, reserved...),
    judging IPv6 addresses that embed an IPv4 one (mapped, NAT64, 6to4, Teredo) by that address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            ip = embedded
    return ip.is_global and not ip.is_multicast


class PublicOnlyResolver(AbstractResolver):
    """Resolves names to public addresses only (except for `trusted_hosts`, e.g. the API's host).

    Installed on the shared session's connector, it makes the connection itself go only to checked
    addresses, so a DNS answer that changes between a check and the connect (rebinding) cannot reach
    a private network.
    """

    def __init__(self, trusted_hosts: set[str] | None = None, inner: AbstractResolver | None = None) -> None:
        self._inner = inner or DefaultResolver()
        self._trusted = {host.lower() for host in trusted_hosts or set()}

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Resolve `host`, dropping every non-public address."""
        results = await self._inner.resolve(host, port, family)
        if host.lower() in self._trusted:
            return results
        public = [result for result in results if is_public_address(result["host"])]
        if not public:
            raise OSError(f"{host} resolves only to private or local addresses")
        return public

    async def close(self) -> None:
        """Release the inner resolver."""
        await self._inner.close()


class ImageDownloader:
    """Fetches result URLs over the shared session and fits each image under an upload limit."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        allow_private: bool,
        max_bytes: int,
        timeout: float,
    ) -> None:
        self._session = session
        self._allow_private = allow_private
        self._max_bytes = max_bytes
        self._timeout = aiohttp.ClientTimeout(total=timeout, sock_connect=min(10.0, timeout))

    async def fetch_all(self, urls: tuple[str, ...], upload_limit: int) -> list[FittedImage]:
        """Download and fit every URL concurrently; the first failure cancels the rest and is raised."""
        tasks = [asyncio.ensure_future(self.fetch(url, upload_limit)) for url in urls]
        try:
            return list(await asyncio.gather(*tasks))
        finally:
            for task in tasks:
                task.cancel()

    async def fetch(self, url: str, upload_limit: int) -> FittedImage:
        """Download one URL and return it fitted under `upload_limit` bytes."""
        data = await self.download(url)
        try:
            return await asyncio.to_thread(fit_image, data, upload_limit)
        except InvalidImageData as error:
            raise ImageFetchError(url, error.problem, **error.values) from None

    async def download(self, url: str) -> bytes:
        """The bytes behind `url`, following a few redirects, each hop checked against private hosts."""
        current = url
        try:
            for _ in range(MAX_REDIRECTS + 1):
                target = URL(current)
                if target.scheme not in {"http", "https"} or not target.host:
                    raise ImageFetchError(url, ImageProblem.NOT_HTTP)
                if not self._allow_private:
                    await self._check_host(url, target)
                async with self._session.get(target, allow_redirects=False, timeout=self._timeout) as response:
                    if response.status in _REDIRECTS and "Location" in response.headers:
                        current = str(target.join(URL(response.headers["Location"])))
                        continue
                    if response.status != 200:
                        raise ImageFetchError(url, ImageProblem.HTTP_STATUS, status=response.status)
                    return await self._read_body(url, response)
        except TimeoutError:
            raise ImageFetchError(url, ImageProblem.TIMED_OUT) from None
        except aiohttp.ClientError as error:
            raise ImageFetchError(url, ImageProblem.DOWNLOAD_FAILED, error=type(error).__name__) from None
        raise ImageFetchError(url, ImageProblem.TOO_MANY_REDIRECTS)

    async def _read_body(self, url: str, response: aiohttp.ClientResponse) -> bytes:
        declared = response.content_length
        if declared is not None and declared > self._max_bytes:
            raise ImageFetchError(url, ImageProblem.TOO_LARGE, maximum=self._max_bytes)
        buffer = bytearray()
        async for chunk in response.content.iter_chunked(256 * 1024):
            buffer.extend(chunk)
            if len(buffer) > self._max_bytes:
                raise ImageFetchError(url, ImageProblem.TOO_LARGE, maximum=self._max_bytes)
        return bytes(buffer)

    async def _check_host(self, url: str, target: URL) -> None:
        host = target.host or ""
        try:
            ipaddress.ip_address(host)
            addresses = [host]
        except ValueError:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, target.port, type=socket.SOCK_STREAM)
            except OSError:
                raise ImageFetchError(url, ImageProblem.UNRESOLVABLE, host=host) from None
            addresses = [str(info[4][0]) for info in infos]
        if not addresses or not all(is_public_address(address) for address in addresses):
            raise ImageFetchError(url, ImageProblem.PRIVATE_ADDRESS)
