"""Downloading result images: streaming with a byte cap, no private hosts, passing failures tried again
(`retries`), checked and fitted by Pillow, the bytes in memory under a budget (`budget`)."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
from collections.abc import Coroutine, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from services.core.clock import Clock, SystemClock
from services.core.errors import ImageFetchError, ImageProblem
from services.images.budget import ByteBudget, Reservation
from services.images.fit_pool import FitPool
from services.images.fitting import FittedImage, InvalidImageData
from services.images.retries import DOWNLOAD_ATTEMPTS, SIZE_CHANGED, is_transient, retry_after, wait_before

log = logging.getLogger(__name__)

MAX_REDIRECTS = 3
_REDIRECTS = {301, 302, 303, 307, 308}
DEFAULT_BYTES_IN_FLIGHT = 48 * 1024 * 1024
IMAGE_ESTIMATE_BYTES = 8 * 1024 * 1024
"""Held per image while its size is not known yet (the answers' headers are read)."""
SIZE_ROUNDS = 3
"""Times a job may find its images' sizes over what it holds (a host whose sizes keep changing fails)."""

_T = TypeVar("_T")


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


@dataclass(frozen=True)
class Fetched:
    """What a job's downloads gave: the images that arrived (in the links' order), and why the others
    did not (each link's last failure)."""

    images: tuple[FittedImage, ...]
    failures: tuple[ImageFetchError, ...]


@dataclass
class _Download:
    """One link's download: the bytes held for it in the job's reservation, its body once read, or its
    last failure."""

    url: str
    share: int = 0
    body: bytes | None = None
    error: ImageFetchError | None = None

    @property
    def retryable(self) -> bool:
        """Not read yet, after a failure that may pass."""
        return self.body is None and self.error is not None and is_transient(self.error)


class ImageDownloader:
    """Fetches result URLs over the shared session and fits each image under an upload limit, with the
    images in memory under one budget of `bytes_in_flight`: three quarters for the images themselves
    (held by each job from its download until its upload is done), a quarter for decoding (`FitPool`)."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        allow_private: bool,
        max_bytes: int,
        timeout: float,
        bytes_in_flight: int = DEFAULT_BYTES_IN_FLIGHT,
        size_estimate: int = IMAGE_ESTIMATE_BYTES,
        clock: Clock | None = None,
    ) -> None:
        self._session = session
        self._clock = clock or SystemClock()
        self._allow_private = allow_private
        self._max_bytes = max_bytes
        self._timeout = aiohttp.ClientTimeout(total=timeout, sock_connect=min(10.0, timeout))
        decoding = max(1, bytes_in_flight // 4)
        self.budget = ByteBudget(max(1, bytes_in_flight - decoding))
        """The images held by jobs, from their download until their upload is done."""
        self.fitter = FitPool(ByteBudget(decoding))
        self._estimate = min(max_bytes, size_estimate)

    def reservation(self) -> Reservation:
        """A job's share of the budget: pass it to `fetch_all` and hold it until the images are uploaded."""
        return self.budget.reservation()

    async def fetch_all(self, urls: tuple[str, ...], upload_limit: int, held: Reservation) -> Fetched:
        """Download and fit every URL concurrently, holding their bytes in `held` (resized to their
        sizes). A link that fails is tried again while its failure may pass; the images that arrive
        are returned with why the others did not, and only when none arrives is the first failure raised."""
        downloads = await self._download_all(urls, held)

        async def fit(download: _Download) -> FittedImage:
            body, download.body = download.body or b"", None  # its re-encoded image replaces it in the budget
            try:
                return await self._fit(download.url, body, upload_limit)
            except ImageFetchError as error:
                download.error = error
                raise
            finally:
                del body

        arrived = [download for download in downloads if download.body is not None]
        outcomes = await _each([fit(download) for download in arrived])
        images = tuple(image for image in outcomes if isinstance(image, FittedImage))
        failures = tuple(download.error for download in downloads if download.error is not None)
        if not images:
            raise failures[0]
        held.shrink(sum(image.size for image in images))
        return Fetched(images, failures)

    async def fetch_bytes(self, url: str, max_bytes: int) -> bytes:
        """One file's bytes as they are (an image a member starts from, to be checked), streamed with
        the same host checks, refused over `max_bytes`, and held in the budget while they are read: as
        many bytes as the answer declares (else `max_bytes`), reserved before the body is read."""
        async with self.reservation() as held, contextlib.AsyncExitStack() as stack:
            answer = await self._open(url, stack)
            expected = self._expected_size(url, answer, max_bytes)
            await held.resize(expected)
            return await self._read_body(url, answer, expected, max_bytes)

    async def _fit(self, url: str, data: bytes, upload_limit: int) -> FittedImage:
        try:
            return await self.fitter.fit(data, upload_limit)
        except InvalidImageData as error:
            raise ImageFetchError(url, error.problem, **error.values) from None

    async def _download_all(self, urls: tuple[str, ...], held: Reservation) -> list[_Download]:
        """The downloads of `urls`. Their sizes are read from the answers' headers, with an estimate
        held meanwhile (and kept for a link that failed); when they need more, the connections are
        closed, the sizes waited for (holding nothing), and the answers asked for again. Then the links
        that failed in passing are tried again, each within the bytes already held for it."""
        downloads = [_Download(url) for url in urls]
        need = len(urls) * self._estimate
        for _ in range(SIZE_ROUNDS):
            await held.resize(max(need, held.held))
            async with contextlib.AsyncExitStack() as stack:
                answers = await _each([self._open(url, stack) for url in urls])
                for download, answer in zip(downloads, answers, strict=True):
                    self._size_up(download, answer)
                need = sum(download.share for download in downloads)
                if need <= held.held:
                    held.shrink(need)
                    pairs = zip(downloads, answers, strict=True)
                    await _each([self._read_into(d, a) for d, a in pairs if isinstance(a, aiohttp.ClientResponse)])
            if need <= held.held:
                await self._try_again(downloads)
                held.shrink(sum(len(d.body) for d in downloads if d.body is not None))
                return downloads
        raise ImageFetchError(urls[0], ImageProblem.DOWNLOAD_FAILED, error=SIZE_CHANGED)

    def _size_up(self, download: _Download, answer: aiohttp.ClientResponse | ImageFetchError) -> None:
        """Record the bytes to hold for a link's answer: its size, or the estimate for a link to try again."""
        download.body, download.share, download.error = None, 0, None
        try:
            if isinstance(answer, ImageFetchError):
                raise answer
            download.share = self._expected_size(download.url, answer)
        except ImageFetchError as error:
            download.error = error
            download.share = self._estimate if is_transient(error) else 0

    async def _read_into(self, download: _Download, answer: aiohttp.ClientResponse) -> None:
        if download.error is not None:
            return
        try:
            download.body = await self._read_body(download.url, answer, download.share)
        except ImageFetchError as error:
            download.error = error

    async def _try_again(self, downloads: list[_Download]) -> None:
        """Try the links that failed in passing again, with backoff, up to `DOWNLOAD_ATTEMPTS` in all."""
        for attempt in range(1, DOWNLOAD_ATTEMPTS):
            waiting = [download for download in downloads if download.retryable]
            if not waiting:
                return
            await self._clock.sleep(wait_before(attempt, [d.error for d in waiting if d.error is not None]))
            await _each([self._again(download) for download in waiting])

    async def _again(self, download: _Download) -> None:
        """One more try of a link, its body read only if it fits the bytes held for it."""
        try:
            async with contextlib.AsyncExitStack() as stack:
                answer = await self._open(download.url, stack)
                size = self._expected_size(download.url, answer)
                if self._declared_size(answer) is not None and size > download.share:
                    raise ImageFetchError(download.url, ImageProblem.DOWNLOAD_FAILED, error=SIZE_CHANGED)
                download.body = await self._read_body(download.url, answer, min(size, download.share))
                download.error = None
        except ImageFetchError as error:
            download.error = error
            log.info("result image %s: try failed (%s)", download.url, error.problem)

    async def _open(self, url: str, stack: contextlib.AsyncExitStack) -> aiohttp.ClientResponse:
        """The answer behind `url`, its body not read yet, following a few redirects, each hop checked
        against private hosts; closed when `stack` closes."""
        current = url
        with _download_errors(url):
            for _ in range(MAX_REDIRECTS + 1):
                target = URL(current)
                if target.scheme not in {"http", "https"} or not target.host:
                    raise ImageFetchError(url, ImageProblem.NOT_HTTP)
                if not self._allow_private:
                    await self._check_host(url, target)
                    if target.scheme != "https":  # on plain http anyone on the path could swap the image
                        raise ImageFetchError(url, ImageProblem.NOT_HTTPS)
                response = await stack.enter_async_context(
                    self._session.get(target, allow_redirects=False, timeout=self._timeout)
                )
                if response.status in _REDIRECTS and "Location" in response.headers:
                    current = str(target.join(URL(response.headers["Location"])))
                    response.release()
                    continue
                if response.status != 200:
                    wait = retry_after(response.headers)
                    extra = {} if wait is None else {"retry_after": wait}
                    raise ImageFetchError(url, ImageProblem.HTTP_STATUS, status=response.status, **extra)
                return response
        raise ImageFetchError(url, ImageProblem.TOO_MANY_REDIRECTS)

    def _expected_size(self, url: str, response: aiohttp.ClientResponse, maximum: int | None = None) -> int:
        """The body's size as declared (refused over `maximum`, by default `max_bytes`), or `maximum` when
        not declared or compressed in transit (the declared length is then not the body's)."""
        maximum = self._max_bytes if maximum is None else maximum
        declared = self._declared_size(response)
        if declared is None:
            return maximum
        if declared > maximum:
            raise ImageFetchError(url, ImageProblem.TOO_LARGE, maximum=maximum)
        return declared

    @staticmethod
    def _declared_size(response: aiohttp.ClientResponse) -> int | None:
        """The body's size as its headers declare it, if they do (compressed in transit, they do not)."""
        encoded = response.headers.get("Content-Encoding", "identity").lower() != "identity"
        return None if encoded else response.content_length

    async def _read_body(
        self, url: str, response: aiohttp.ClientResponse, expected: int, maximum: int | None = None
    ) -> bytes:
        """The body, refused once it passes `expected` bytes (the refusal names `maximum`, by default
        `max_bytes`)."""
        maximum = self._max_bytes if maximum is None else maximum
        chunks: list[bytes] = []
        received = 0
        with _download_errors(url):
            async for chunk in response.content.iter_chunked(256 * 1024):
                received += len(chunk)
                if received > expected:
                    raise ImageFetchError(url, ImageProblem.TOO_LARGE, maximum=maximum)
                chunks.append(chunk)
        return b"".join(chunks)

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


@contextlib.contextmanager
def _download_errors(url: str) -> Iterator[None]:
    """Network failures of a download, as the `ImageFetchError` they amount to."""
    try:
        yield
    except TimeoutError:
        raise ImageFetchError(url, ImageProblem.TIMED_OUT) from None
    except aiohttp.ClientError as error:
        raise ImageFetchError(url, ImageProblem.DOWNLOAD_FAILED, error=type(error).__name__) from None


async def _each(steps: Sequence[Coroutine[Any, Any, _T]]) -> list[_T | ImageFetchError]:
    """Run `steps` concurrently, each one's `ImageFetchError` as its outcome; any other failure cancels
    the others (awaited) and is raised."""

    async def outcome(step: Coroutine[Any, Any, _T]) -> _T | ImageFetchError:
        try:
            return await step
        except ImageFetchError as error:
            return error

    return await _all_or_nothing([outcome(step) for step in steps])


async def _all_or_nothing(steps: Sequence[Coroutine[Any, Any, _T]]) -> list[_T]:
    """Run `steps` concurrently; the first failure cancels the others (awaited) and is raised."""
    tasks = [asyncio.ensure_future(step) for step in steps]
    try:
        return list(await asyncio.gather(*tasks))
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
