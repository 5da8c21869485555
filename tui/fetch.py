"""Fetching article pages from the web, politely: robots.txt obeyed, one request at a time per host with a delay
between them, timeouts, retries with backoff, redirects followed and recorded, and every page saved raw beside a
sidecar saying where and when it came from.

A page is saved as <folder>/<host>/<16 hex of sha256(url)>.html (the bytes as received) with <same stem>.meta
(JSON: url, final_url, status, fetched_at, redirects, content_type, charset_declared, charset_used, tool, feed).
Nothing else written into the folder has a suffix that ingest reads; temporary files start with a dot.
"""

from __future__ import annotations

import codecs
import hashlib
import http
import json
import os
import re
import tempfile
import time
import urllib.robotparser
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from tui.pipeline import read
from tui.pipeline.html import extract_page

TOOL = "seonggwa"
ROBOTS_TOKEN = TOOL  # the product token robots.txt groups are matched against
PAGE_SUFFIX, META_SUFFIX = ".html", ".meta"
HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECT_CODES = (301, 302, 303, 307, 308)
ROBOTS_MAX_REDIRECTS = 5  # RFC 9309 2.3.1.2: at least five consecutive redirects are followed
LOGIN_TEXT_MIN = 200  # a page with a password field and less main text than this is a login wall
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PASSWORD_INPUT = re.compile(r"""<input\b[^>]*\btype\s*=\s*["']?password\b""", re.IGNORECASE)
# labels that name the same Korean encoding (WHATWG maps euc-kr and its aliases to windows-949)
_KOREAN = {"euc_kr", "cp949", "ks_c_5601-1987", "windows-949", "uhc"}


def tool_version() -> str:
    """Return the installed version of seonggwa ("unknown" when run from a tree that is not installed)."""
    try:
        return version(TOOL)
    except PackageNotFoundError:
        return "unknown"


def user_agent() -> str:
    """Return the User-Agent header: the tool, its version and what it does."""
    return f"{TOOL}/{tool_version()} (+local-government news indexer)"


@dataclass
class Settings:
    """How politely and patiently to fetch."""

    delay: float = 1.0  # seconds between two requests to the same host (robots.txt Crawl-delay wins when longer)
    timeout: float = 20.0  # seconds to connect, and between bytes of a response
    retries: int = 3  # further attempts after a 429, a 5xx, a timeout or a connection error
    backoff: float = 1.0  # seconds before the first retry; doubled before each next one
    max_wait: float = 60.0  # cap on a backoff or a Retry-After wait
    max_redirects: int = 10
    max_bytes: int = read.MAX_TEXT_BYTES  # a longer response is refused (ingest would refuse the page anyway)
    refresh: bool = False  # fetch again pages saved by an earlier run


@dataclass
class Outcome:
    """What happened to one URL: fetched, skipped (already saved), failed (with the reason), or feed (read)."""

    url: str
    status: str
    reason: str = ""
    page: Path | None = None
    feed: str | None = None
    retries: int = 0
    redirects: list[str] = field(default_factory=list)
    entries: int = 0  # for a feed: the page links it listed


@dataclass
class FetchSummary:
    """The outcomes of one run, in the order they finished."""

    into: Path
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        """Return how many URLs ended with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    def failures(self) -> list[Outcome]:
        """Return the failed URLs (pages and feeds) with their reasons."""
        return [o for o in self.outcomes if o.status == "failed"]

    def pages(self) -> list[Path]:
        """Return the saved pages of this run, fetched now or earlier (the ones to ingest)."""
        return [o.page for o in self.outcomes if o.status in ("fetched", "skipped") and o.page is not None]


class FetchFailure(Exception):
    """A URL that could not be fetched or saved; the message is the one-line reason."""

    def __init__(self, reason: str, retries: int = 0, redirects: list[str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retries = retries
        self.redirects = redirects or []


@dataclass
class _Response:
    """One HTTP response, read in full (within the size limit)."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes


@dataclass
class _Job:
    """A URL waiting in its host's queue: a page (with the feed that listed it) or a feed."""

    url: str
    kind: str  # "page" or "feed"
    feed: str | None = None


# --------------------------------------------------------------------------- naming and saving

def check_url(url: str) -> str | None:
    """Return why a URL cannot be fetched (not http/https, no host), or None when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError as err:
        return f"not a valid URL ({err})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"not an http(s) URL (scheme {parts.scheme or 'missing'!r})"
    if not parts.hostname:
        return "not a valid URL (no host)"
    if any(c.isspace() for c in url):
        return "not a valid URL (contains spaces)"
    return None


def host_key(url: str) -> str:
    """Return the host a URL's requests are paced by: its lower-case host name (every port of a host shares
    the pace, as they share the machine)."""
    return (urlsplit(url).hostname or "").lower()


def host_folder(url: str) -> str:
    """Return the folder name of a URL's host: the host (international names in punycode), '_port' when the URL
    names a port, and nothing that is unsafe in a file name."""
    parts = urlsplit(url)
    host = (parts.hostname or "unknown").rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    if parts.port is not None:
        host += f"_{parts.port}"
    host = re.sub(r"[^A-Za-z0-9._-]", "_", host).lstrip(".")
    return host or "unknown"


def page_paths(into: Path, url: str) -> tuple[Path, Path]:
    """Return where the page of a URL (as requested) and its sidecar are saved."""
    stem = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    folder = into / host_folder(url)
    return folder / (stem + PAGE_SUFFIX), folder / (stem + META_SUFFIX)


def already_saved(into: Path, url: str) -> Path | None:
    """Return the saved page of a URL when both it and a readable sidecar for the same URL exist."""
    page, meta = page_paths(into, url)
    if not page.is_file() or not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return page if isinstance(data, dict) and data.get("url") == url else None


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file whole or not at all: a hidden temporary file beside it, flushed, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def save_page(into: Path, url: str, body: bytes, meta: dict) -> Path:
    """Save a page's bytes and then its sidecar, each atomically; return the page's path.

    When a page is saved again its old sidecar goes first, so a run killed in between leaves a page without a
    sidecar (fetched again next time), never a new page described by the old sidecar.
    """
    page, sidecar = page_paths(into, url)
    if sidecar.exists():
        sidecar.unlink()
    write_atomic(page, body)
    write_atomic(sidecar, (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return page


# --------------------------------------------------------------------------- charsets and page checks

def declared_charset(content_type: str, body: bytes) -> tuple[str | None, str | None]:
    """Return (charset, where it was declared: 'header' or 'meta') from the Content-Type header, else from the
    page's <meta charset> or http-equiv; (None, None) when neither declares one."""
    match = _HEADER_CHARSET.search(content_type or "")
    if match:
        return match.group(1).lower(), "header"
    found = read.declared_charset(body)
    if found:
        return found.lower(), "meta"
    return None, None


def same_charset(declared: str | None, used: str) -> bool:
    """Return whether an encoding used names the same encoding as the declared label (euc-kr and cp949 are
    one encoding for this purpose, as browsers treat them)."""
    if not declared:
        return False
    names = []
    for label in (declared, used.split()[0]):
        try:
            names.append(codecs.lookup(label).name)
        except LookupError:
            names.append(label.lower())
    if names[0] == names[1]:
        return True
    return all(n in _KOREAN for n in names) or {names[0], names[1]} <= {"utf-8", "utf-8-sig"}


def decode_page(body: bytes, declared: str | None) -> tuple[str, str]:
    """Return (text, encoding used) of a page through the pipeline's decoder, which uses the declared charset
    when it reads the bytes cleanly; raise read.InputError when the bytes are not text."""
    return read.decode(body, declared=declared)


def main_text(markup: str, url: str) -> str:
    """Return the main text the pipeline's HTML extractor finds on a page ("" when none)."""
    return extract_page(markup, url).text.strip()


def is_html(content_type: str, body: bytes) -> bool:
    """Return whether a response is an HTML page: by its content type, or by its first bytes when it has none."""
    kind = content_type.split(";")[0].strip().lower()
    if kind:
        return kind in HTML_TYPES
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def status_reason(status: int) -> str:
    """Return 'HTTP 404 not found' for a status code."""
    try:
        phrase = http.HTTPStatus(status).phrase.lower()
    except ValueError:
        phrase = ""
    return f"HTTP {status} {phrase}".rstrip()


def _retries_text(retries: int) -> str:
    """Return ' after N retries' (or nothing when none were made)."""
    return f" after {retries} retr{'y' if retries == 1 else 'ies'}" if retries else ""


def retry_after(value: str | None) -> float | None:
    """Return the seconds a Retry-After header asks to wait (seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# --------------------------------------------------------------------------- politeness

class Pacer:
    """One request at a time per host, and at least the host's delay from the end of one request to the start
    of the next."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self.ready: dict[str, float] = {}
        self.crawl_delay: dict[str, float] = {}

    def delay_of(self, host: str) -> float:
        """Return the delay between requests to a host: the configured one, or its Crawl-delay when longer."""
        return max(self.delay, self.crawl_delay.get(host, 0.0))

    def ready_at(self, host: str) -> float:
        """Return the clock time from which the host may be asked again."""
        return self.ready.get(host, 0.0)

    def wait(self, host: str) -> None:
        """Sleep until the host may be asked again."""
        left = self.ready_at(host) - self.clock()
        if left > 0:
            self.sleep(left)

    def done(self, host: str, extra: float = 0.0) -> None:
        """Note that a request to the host ended; the next waits the host's delay (or extra, when longer)."""
        self.ready[host] = self.clock() + max(self.delay_of(host), extra)


@dataclass
class _Robots:
    """The robots.txt rules of one origin, or a blanket answer when it could not be read."""

    parser: urllib.robotparser.RobotFileParser
    note: str = ""  # why everything is disallowed, when robots.txt was unreachable or forbidden


# --------------------------------------------------------------------------- the fetcher

class Fetcher:
    """Fetches pages and feeds into a folder, obeying robots.txt and pacing each host."""

    def __init__(self, into: Path, settings: Settings | None = None, client: httpx.Client | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.into = into
        self.settings = settings or Settings()
        self.agent = user_agent()
        self.client = client or httpx.Client(headers={"User-Agent": self.agent}, follow_redirects=False,
                                             timeout=httpx.Timeout(self.settings.timeout))
        self._own_client = client is None
        self.progress = progress
        self.pacer = Pacer(self.settings.delay, sleep=sleep)
        self.robots: dict[str, _Robots] = {}

    def close(self) -> None:
        """Close the HTTP client (when this fetcher made it)."""
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ the run

    def run(self, urls: Iterable[str], feeds: Iterable[str] = ()) -> FetchSummary:
        """Fetch every feed (queueing the pages it lists) and every page; return the outcomes.

        Each host has its own queue; the next URL comes from the host that may be asked soonest, so one host's
        delay does not hold up the others.
        """
        summary = FetchSummary(self.into)
        queues: dict[str, deque[_Job]] = {}
        seen: set[str] = set()
        done = total = 0

        def queue(job: _Job) -> None:
            nonlocal total
            if job.url in seen:
                return
            seen.add(job.url)
            problem = check_url(job.url)
            if problem:
                summary.outcomes.append(Outcome(job.url, "failed", problem, feed=job.feed))
                return
            queues.setdefault(host_key(job.url), deque()).append(job)
            total += 1

        for url in feeds:
            queue(_Job(url.strip(), "feed"))
        for url in urls:
            queue(_Job(url.strip(), "page"))
        while queues:
            host = min(queues, key=self.pacer.ready_at)
            job = queues[host].popleft()
            if not queues[host]:
                del queues[host]
            if self.progress:
                self.progress(done, total, job.url)
            if job.kind == "feed":
                outcome, links = self.fetch_feed(job.url)
                for link in links:
                    queue(_Job(link, "page", feed=job.url))
            else:
                outcome = self.fetch_page(job.url, feed=job.feed)
            summary.outcomes.append(outcome)
            done += 1
        if self.progress:
            self.progress(done, total, "")
        return summary

    def fetch_page(self, url: str, feed: str | None = None) -> Outcome:
        """Fetch one page and save it, or return why not (a page saved earlier stays as it was)."""
        if not self.settings.refresh:
            saved = already_saved(self.into, url)
            if saved is not None:
                return Outcome(url, "skipped", "already saved", page=saved, feed=feed)
        try:
            response, redirects, retries = self.follow(url)
            page = self._save_checked(url, response, redirects, retries, feed)
        except FetchFailure as err:
            return Outcome(url, "failed", err.reason, feed=feed, retries=err.retries, redirects=err.redirects)
        return Outcome(url, "fetched", page=page, feed=feed, retries=retries, redirects=redirects)

    def fetch_feed(self, url: str) -> tuple[Outcome, list[str]]:
        """Fetch and parse an RSS or Atom feed; return its outcome and the page links of its entries."""
        import feedparser

        try:
            response, redirects, retries = self.follow(url)
            if not 200 <= response.status < 300:
                raise FetchFailure(self._status_failure(response.status, retries), retries, redirects)
        except FetchFailure as err:
            return Outcome(url, "failed", err.reason, retries=err.retries, redirects=err.redirects), []
        content_type = response.headers.get("content-type", "")
        parsed = feedparser.parse(response.body, response_headers={"content-location": response.url,
                                                                   "content-type": content_type})
        if not parsed.get("version") and not parsed.entries:
            kind = content_type.split(";")[0].strip() or "no content type"
            return Outcome(url, "failed", f"not an RSS or Atom feed ({kind})", retries=retries,
                           redirects=redirects), []
        links = [urljoin(response.url, entry.get("link").strip()) for entry in parsed.entries
                 if entry.get("link") and entry.get("link").strip()]
        return Outcome(url, "feed", f"{len(links)} page link(s)", retries=retries, redirects=redirects,
                       entries=len(links)), links

    # ------------------------------------------------------------------ requests

    def follow(self, url: str) -> tuple[_Response, list[str], int]:
        """Request a URL, following redirects (each hop checked against its host's robots.txt); return the last
        response, the URLs redirected to and the retries made, or raise FetchFailure."""
        redirects: list[str] = []
        retries = 0
        current = url
        while True:
            if not self.allowed(current):
                note = self.robots[_origin(current)].note
                raise FetchFailure("disallowed by robots.txt" + (f" ({note})" if note else ""), retries,
                                   redirects)
            try:
                response, made = self.get(current)
            except FetchFailure as err:
                raise FetchFailure(err.reason, retries + err.retries, redirects) from None
            retries += made
            location = response.headers.get("location")
            if response.status not in REDIRECT_CODES or not location:
                if response.status in REDIRECT_CODES:
                    raise FetchFailure(f"{status_reason(response.status)} without a Location header", retries,
                                       redirects)
                return response, redirects, retries
            target = urljoin(current, location.strip())
            problem = check_url(target)
            if problem:
                raise FetchFailure(f"redirected to a URL that cannot be fetched: {target} ({problem})", retries,
                                   redirects)
            if target == url or target in redirects:
                chain = " → ".join([url, *redirects, target])
                raise FetchFailure(f"redirect loop ({chain})", retries, redirects)
            if len(redirects) >= self.settings.max_redirects:
                raise FetchFailure(f"too many redirects (more than {self.settings.max_redirects})", retries,
                                   redirects)
            redirects.append(target)
            current = target

    def get(self, url: str) -> tuple[_Response, int]:
        """GET one URL (no redirects followed), retrying with exponential backoff after a 429, a 5xx, a timeout
        or a connection error; return the response (which may still be a 429 or 5xx when the retries ran out)
        and the retries made, or raise FetchFailure."""
        settings = self.settings
        attempt = 0
        while True:
            host = host_key(url)
            wait = settings.backoff * (2 ** attempt)
            try:
                response = self.request(url)
            except FetchFailure as err:
                raise FetchFailure(err.reason, attempt) from None
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as err:
                if attempt >= settings.retries:
                    raise FetchFailure(self._error_reason(err) + _retries_text(attempt), attempt) from None
            except httpx.HTTPError as err:
                raise FetchFailure(f"request failed ({err or type(err).__name__})", attempt) from None
            else:
                if response.status != 429 and response.status < 500:
                    return response, attempt
                if attempt >= settings.retries:
                    return response, attempt
                asked = retry_after(response.headers.get("retry-after"))
                if asked is not None:  # the server's own wait wins over the backoff
                    wait = asked
            self.pacer.done(host, extra=min(wait, settings.max_wait))
            attempt += 1

    def request(self, url: str) -> _Response:
        """Make one GET request when its host may be asked, reading at most the size limit; the host's delay
        starts when it ends."""
        host = host_key(url)
        self.pacer.wait(host)
        try:
            with self.client.stream("GET", url) as response:
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        raise FetchFailure(f"response is over {self.settings.max_bytes / 1e6:.0f} MB")
                    chunks.append(chunk)
                return _Response(str(response.url), response.status_code, response.headers, b"".join(chunks))
        except httpx.DecodingError as err:
            raise FetchFailure(f"could not decode the response ({err})") from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as err:
            raise FetchFailure(f"not a valid URL ({err})") from None
        finally:
            self.pacer.done(host)

    def _error_reason(self, err: httpx.HTTPError) -> str:
        """Return the one-line reason for a timeout or a connection error."""
        if isinstance(err, httpx.TimeoutException):
            what = "connecting" if isinstance(err, httpx.ConnectTimeout) else "waiting for the response"
            return f"timeout ({what}, limit {self.settings.timeout:g} s)"
        detail = str(err) or type(err).__name__
        return f"connection error ({detail})"

    def _status_failure(self, status: int, retries: int) -> str:
        """Return the reason for a response that is not a page: login wall, not found, server error…"""
        if status in (401, 403):
            return f"login wall ({status_reason(status)})"
        return status_reason(status) + _retries_text(retries)

    # ------------------------------------------------------------------ robots.txt

    def allowed(self, url: str) -> bool:
        """Return whether robots.txt of the URL's origin lets this tool fetch it (read once per origin)."""
        origin = _origin(url)
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin)
        return self.robots[origin].parser.can_fetch(ROBOTS_TOKEN, url)

    def _read_robots(self, origin: str) -> _Robots:
        """Fetch and parse an origin's robots.txt (RFC 9309): 4xx allows everything except 401/403, which
        disallow everything like a 5xx or an unreachable server does for this run."""
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        url = origin + "/robots.txt"
        status = None
        try:
            for _ in range(ROBOTS_MAX_REDIRECTS + 1):
                response = self.request(url)
                location = response.headers.get("location")
                if response.status in REDIRECT_CODES and location:
                    url = urljoin(url, location.strip())
                    if check_url(url):
                        break
                    continue
                status = response.status
                break
        except (FetchFailure, httpx.HTTPError) as err:
            reason = err.reason if isinstance(err, FetchFailure) else self._error_reason(err)
            parser.disallow_all = True
            return _Robots(parser, f"robots.txt unreachable: {reason}; assumed disallowed for this run")
        if status is None:  # too many redirects: unavailable, as a 4xx is
            parser.allow_all = True
        elif status in (401, 403):
            parser.disallow_all = True
            return _Robots(parser, f"robots.txt is {status_reason(status)}")
        elif 400 <= status < 500:
            parser.allow_all = True
        elif status >= 500 or status < 200 or status >= 300:
            parser.disallow_all = True
            return _Robots(parser, f"robots.txt gave {status_reason(status)}; assumed disallowed for this run")
        else:
            parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
            delay = parser.crawl_delay(ROBOTS_TOKEN)
            if delay:
                self.pacer.crawl_delay[host_key(origin)] = float(delay)
        return _Robots(parser)

    # ------------------------------------------------------------------ checking and saving a page

    def _save_checked(self, url: str, response: _Response, redirects: list[str], retries: int,
                      feed: str | None) -> Path:
        """Check that a final response is an HTML article page and save it; raise FetchFailure saying why not."""
        if not 200 <= response.status < 300:
            raise FetchFailure(self._status_failure(response.status, retries), retries, redirects)
        if response.status in (204, 205) or not response.body.strip():
            raise FetchFailure("empty response (no page)", redirects=redirects)
        content_type = response.headers.get("content-type", "")
        if not is_html(content_type, response.body):
            kind = content_type.split(";")[0].strip() or "no content type, and it does not look like HTML"
            raise FetchFailure(f"not an HTML page ({kind})", redirects=redirects)
        charset, source = declared_charset(content_type, response.body)
        try:
            markup, used = decode_page(response.body, charset)
        except read.InputError as err:
            raise FetchFailure(f"not a readable page ({err})", redirects=redirects) from None
        text = main_text(markup, response.url)
        if _PASSWORD_INPUT.search(markup) and len(text) < LOGIN_TEXT_MIN:
            raise FetchFailure("login wall (the page asks for a password and has no article text)",
                               redirects=redirects)
        if not text:
            raise FetchFailure("no main text (the extractor found no article on the page)", redirects=redirects)
        meta = {
            "url": url,
            "final_url": response.url,
            "status": response.status,
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "redirects": redirects,
            "content_type": content_type or None,
            "charset_declared": charset,
            "charset_source": source,
            "charset_used": used,
            "charset_mismatch": bool(charset) and not same_charset(charset, used),
            "tool": f"{TOOL}/{tool_version()}",
            "feed": feed,
        }
        try:
            return save_page(self.into, url, response.body, meta)
        except OSError as err:
            raise FetchFailure(f"could not save the page ({err.strerror or err})", redirects=redirects) from None


def _origin(url: str) -> str:
    """Return scheme://host[:port] of a URL, lower-case: what one robots.txt applies to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.rpartition('@')[2].lower()}"


def fetch(urls: Iterable[str], into: Path, feeds: Iterable[str] = (), settings: Settings | None = None,
          progress: Callable[[int, int, str], None] | None = None) -> FetchSummary:
    """Fetch pages and feeds into a folder with a fresh client; return the summary."""
    with Fetcher(into, settings, progress=progress) as fetcher:
        return fetcher.run(urls, feeds)
