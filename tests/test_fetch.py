"""seonggwa fetch against a local HTTP server started here (nothing reaches the internet): pages saved raw with
their sidecars, robots.txt, pacing per host, retries, redirects, charsets, feeds, and one clear line per failure."""

from __future__ import annotations

import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui import fetch as fetching
from tui.cli import cli
from tui.fetch import Fetcher, Settings, fetch, page_paths

INGESTED = (".txt", ".text", ".html", ".htm", ".csv", ".jsonl", ".json", ".ndjson")


def article(title: str, date: str, reporter: str, paragraphs: list[str], charset: str = "utf-8",
            meta_charset: bool = True) -> str:
    """Return a small news page as sites build them: menus, share bar and related-news list in divs."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    meta = f'<meta charset="{charset}">' if meta_charset else ""
    return f"""<!DOCTYPE html>
<html lang="ko"><head>{meta}
<title>{title} - 빛고을일보</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="빛고을일보">
<meta property="article:published_time" content="{date}T09:30:00+09:00">
<meta name="author" content="{reporter}">
</head><body>
<div class="gnb"><ul><li><a href="/">홈</a></li><li><a href="/politics">정치</a></li>
<li><a href="/local">지역</a></li><li><a href="/economy">경제</a></li></ul></div>
<div class="share"><a href="#">페이스북</a> <a href="#">카카오톡</a> <a href="#">URL 복사</a></div>
<article>
<h1 class="headline">{title}</h1>
<div class="byline">{reporter} 기자 | 입력 {date} 09:30</div>
<div id="article-body">
{body}
<p>{reporter} 기자 news@bitgoeul.example</p>
</div>
</article>
<div class="related"><h3>관련기사</h3><ul><li><a href="/a/1">남구, 주민참여예산 설명회 열어</a></li>
<li><a href="/a/2">북구, 겨울철 한파 대비 쉼터 운영</a></li></ul></div>
<div class="ranking"><h3>많이 본 뉴스</h3><ol><li>광주 도심 첫눈</li><li>전남 농산물 수출 증가</li></ol></div>
<div class="footer-info">빛고을일보 | 광주광역시 동구 금남로 1 | 등록번호 광주 아00000</div>
</body></html>"""


GWANGSAN = article(
    "광산구, 재난관리평가 2년 연속 '최우수'…대통령 표창", "2024-12-18", "김하늘",
    ["광주 광산구가 행정안전부 주관 2024년 재난관리평가에서 2년 연속 최우수 기관으로 선정돼 대통령 표창을 받는다.",
     ("광산구는 이번 평가에서 재난 예방과 대비, 대응, 복구 등 4개 분야 48개 지표에서 고른 점수를 얻었다. "
     "특히 침수 우려 지역 132곳에 대한 사전 점검과 주민 대피 훈련을 연 4회 실시한 점이 높은 평가를 받았다."),
     ("구는 포상금 1억5천만원을 재난 취약계층 지원 사업에 쓸 계획이다. 박병규 광산구청장은 "
     "\"구민의 안전을 지키는 일에 더 힘쓰겠다\"고 말했다.")])
SEOGU = article(
    "서구, 청년 일자리 1천200개 창출…민선 8기 공약 조기 달성", "2024-11-05", "이바다",
    ["광주 서구가 민선 8기 공약인 청년 일자리 1천200개를 목표보다 1년 앞서 달성했다고 5일 밝혔다.",
     ("서구는 지난 2년 동안 지역 기업 85곳과 협약을 맺고 청년 인턴 지원 사업에 예산 24억원을 투입했다. "
     "참여 청년의 정규직 전환율은 67.5%로 전국 평균을 웃돌았다."),
     "김이강 서구청장은 \"청년이 머무는 서구를 만들기 위해 지원을 이어가겠다\"고 말했다."])
NAMGU = article(
    "남구, 전국 최초 '마을 돌봄 119' 도입", "2024-10-21", "정다운",
    ["광주 남구가 전국 최초로 동네 이웃이 위기 가구를 살피는 '마을 돌봄 119' 제도를 도입했다.",
     ("남구는 16개 동에 돌봄 활동가 320명을 배치하고 올해 사업비 3억2천만원을 편성했다. "
     "활동가들은 홀로 사는 어르신 1천500여 가구를 주 2회 방문한다."),
     "남구 관계자는 \"촘촘한 돌봄망으로 고독사를 막겠다\"고 말했다."])
BUKGU = article(
    "북구, 공공도서관 3곳 새로 열어…생활 SOC 확충", "2024-09-12", "최푸름",
    ["광주 북구가 올해 공공도서관 3곳을 새로 열어 모두 12곳의 도서관을 운영하게 됐다고 12일 밝혔다.",
     ("새 도서관 건립에는 국비 45억원을 포함해 모두 98억원이 들었다. 북구는 2026년까지 작은도서관 10곳을 "
     "더 늘릴 계획이다."),
     "북구 관계자는 \"주민 누구나 걸어서 10분 안에 도서관을 이용하게 하겠다\"고 말했다."])

LOGIN = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>로그인 - 빛고을일보</title></head>
<body><div class="login-box"><h2>로그인</h2><p>회원 전용 기사입니다.</p>
<form method="post" action="/login"><input type="text" name="id" placeholder="아이디">
<input type="password" name="pw" placeholder="비밀번호"><button type="submit">로그인</button></form>
</div></body></html>"""

NO_TEXT = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>빛고을일보</title>
<script>window.__APP__ = {"route": "/view"};</script></head>
<body><header><nav><a href="/">홈</a> <a href="/local">지역</a></nav></header><div id="app"></div>
<script src="/static/app.js"></script><footer>ⓒ 빛고을일보</footer></body></html>"""


def rss(base: str) -> str:
    """Return an RSS 2.0 feed listing two pages of the server at base."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>빛고을일보 지역</title><link>{base}/</link><description>지역 뉴스</description>
<item><title>광산구, 재난관리평가 2년 연속 '최우수'</title><link>{base}/articles/gwangsan</link>
<pubDate>Wed, 18 Dec 2024 00:30:00 GMT</pubDate></item>
<item><title>서구, 청년 일자리 1천200개 창출</title><link>{base}/articles/seogu</link>
<pubDate>Tue, 05 Nov 2024 00:30:00 GMT</pubDate></item>
</channel></rss>"""


def atom(base: str) -> str:
    """Return an Atom feed listing two pages of the server at base (one by a relative link)."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>빛고을일보 구정</title><id>{base}/atom.xml</id>
<updated>2024-10-21T00:00:00Z</updated>
<entry><title>남구, 전국 최초 '마을 돌봄 119' 도입</title><id>tag:bitgoeul,2024:1</id>
<link rel="alternate" href="{base}/articles/namgu"/><updated>2024-10-21T00:00:00Z</updated></entry>
<entry><title>북구, 공공도서관 3곳 새로 열어</title><id>tag:bitgoeul,2024:2</id>
<link rel="alternate" href="/articles/bukgu"/><updated>2024-09-12T00:00:00Z</updated></entry>
</feed>"""


class Site:
    """What a test server answers, and a log of the requests it got: (path, arrival time, User-Agent)."""

    def __init__(self, robots: tuple[int, str] = (200, "User-agent: *\nDisallow: /private/\n")) -> None:
        self.robots = robots
        self.log: list[tuple[str, float, str]] = []
        self.hits: dict[str, int] = {}
        self.flaky_broken = False
        self.base = ""

    def answer(self, path: str) -> tuple[int, dict[str, str], bytes, float]:
        """Return (status, headers, body, seconds to wait before answering) for a path."""
        n = self.hits[path]
        html = {"Content-Type": "text/html; charset=utf-8"}
        pages = {"/articles/gwangsan": GWANGSAN, "/articles/seogu": SEOGU, "/articles/namgu": NAMGU,
                 "/articles/bukgu": BUKGU, "/private/draft": GWANGSAN, "/login": LOGIN, "/empty": NO_TEXT}
        if path == "/robots.txt":
            return self.robots[0], {"Content-Type": "text/plain"}, self.robots[1].encode(), 0
        if path in pages:
            return 200, html, pages[path].encode("utf-8"), 0
        if path == "/redirect":
            return 301, {"Location": "/articles/gwangsan"}, b"", 0
        if path == "/loop-a":
            return 302, {"Location": f"{self.base}/loop-b"}, b"", 0
        if path == "/loop-b":
            return 302, {"Location": "/loop-a"}, b"", 0
        if path == "/broken":
            return 500, html, b"<h1>Internal Server Error</h1>", 0
        if path == "/busy":
            if n == 1:
                return 429, {"Retry-After": "0", "Content-Type": "text/plain"}, b"slow down", 0
            return 200, html, SEOGU.encode("utf-8"), 0
        if path == "/slow":
            return 200, html, NAMGU.encode("utf-8"), 1.0
        if path == "/flaky":
            if self.flaky_broken:
                return 503, html, b"<h1>Service Unavailable</h1>", 0
            return 200, html, BUKGU.encode("utf-8"), 0
        if path == "/euckr-says-utf8":
            page = article("동구, 인문도시 지정", "2024-08-01", "한결", [("광주 동구가 교육부 인문도시 지원 사업에 "
                           "선정돼 3년 동안 국비 6억원을 받는다. 동구는 인문 강좌 40개를 연다.")] * 3, "euc-kr")
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode("euc-kr"), 0
        if path == "/utf8-says-euckr":
            return 200, {"Content-Type": "text/html; charset=euc-kr"}, SEOGU.encode("utf-8"), 0
        if path == "/meta-euckr":
            page = article("광산구, 청렴도 1등급", "2024-12-20", "한결", [("광주 광산구가 국민권익위원회 종합청렴도 "
                           "평가에서 1등급을 받았다. 자치구 가운데 최고 점수다.")] * 3, "euc-kr")
            return 200, {"Content-Type": "text/html"}, page.encode("euc-kr"), 0
        if path == "/report.pdf":
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 0
        if path == "/rss.xml":
            return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, rss(self.base).encode(), 0
        if path == "/atom.xml":
            return 200, {"Content-Type": "application/atom+xml"}, atom(self.base).encode(), 0
        if path == "/not-a-feed":
            return 200, html, GWANGSAN.encode("utf-8"), 0
        return 404, html, b"<h1>Not Found</h1>", 0


class Handler(BaseHTTPRequestHandler):
    """Answers GET requests from the server's Site."""

    def do_GET(self) -> None:
        site: Site = self.server.site
        path = self.path.split("?")[0]
        site.hits[path] = site.hits.get(path, 0) + 1
        site.log.append((path, time.monotonic(), self.headers.get("User-Agent", "")))
        status, headers, body, pause = site.answer(path)
        try:
            if pause:
                time.sleep(pause)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (the timeout test)

    def log_message(self, format, *args) -> None:
        pass


def serve(site: Site):
    """Start a server for a site on 127.0.0.1 (a free port) in a thread; return it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.site = site
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@pytest.fixture()
def site():
    """A fresh site with its own server (fresh counters and robots cache)."""
    site = Site()
    server = serve(site)
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Keep every request on this machine whatever proxy the environment names."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


FAST = {"delay": 0.0, "timeout": 1.0, "retries": 2, "backoff": 0.01}


def run_fetch(site: Site, into: Path, paths=(), feeds=(), **settings):
    """Fetch paths of the site (and feeds) into a folder with fast settings; return the summary."""
    chosen = Settings(**{**FAST, **settings})
    return fetch([site.base + p for p in paths], into, [site.base + f for f in feeds], chosen)


def sidecar(into: Path, url: str) -> dict:
    """Return the sidecar of a saved URL."""
    return json.loads(page_paths(into, url)[1].read_text(encoding="utf-8"))


def reasons(summary) -> dict[str, str]:
    """Return {url: reason} of the failures."""
    return {o.url: o.reason for o in summary.failures()}


# --------------------------------------------------------------------------- saving

def test_a_page_is_saved_raw_with_its_sidecar(site, tmp_path):
    summary = run_fetch(site, tmp_path, ["/articles/gwangsan"])
    url = site.base + "/articles/gwangsan"
    assert summary.count("fetched") == 1 and not summary.failures()
    page, meta_path = page_paths(tmp_path, url)
    assert page.parent.name == "127.0.0.1_" + site.base.rsplit(":", 1)[1]
    assert len(page.stem) == 16 and page.suffix == ".html" and meta_path.suffix == ".meta"
    assert page.read_bytes() == GWANGSAN.encode("utf-8")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["url"] == url and meta["final_url"] == url and meta["status"] == 200
    assert meta["fetched_at"].endswith("Z") and meta["redirects"] == [] and meta["feed"] is None
    assert meta["content_type"] == "text/html; charset=utf-8"
    assert meta["charset_declared"] == "utf-8" and meta["charset_used"].startswith("utf-8")
    assert not meta["charset_mismatch"]
    assert meta["tool"] == f"seonggwa/{fetching.tool_version()}"
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert sorted(p.suffix for p in files) == [".html", ".meta"]  # no temporary or log file left behind


def test_the_user_agent_names_the_tool_and_its_version(site, tmp_path):
    run_fetch(site, tmp_path, ["/articles/gwangsan"])
    agents = {agent for _, _, agent in site.log}
    assert agents == {f"seonggwa/{fetching.tool_version()} (+local-government news indexer)"}


def test_a_second_run_skips_saved_pages_and_refresh_fetches_them_again(site, tmp_path):
    first = run_fetch(site, tmp_path, ["/articles/gwangsan", "/articles/seogu"])
    assert first.count("fetched") == 2
    second = run_fetch(site, tmp_path, ["/articles/gwangsan", "/articles/seogu"])
    assert second.count("skipped") == 2 and second.count("fetched") == 0
    assert {o.reason for o in second.outcomes} == {"already saved"}
    assert site.hits["/articles/gwangsan"] == 1
    assert sorted(second.pages()) == sorted(first.pages())
    third = run_fetch(site, tmp_path, ["/articles/gwangsan"], refresh=True)
    assert third.count("fetched") == 1 and site.hits["/articles/gwangsan"] == 2


def test_a_page_without_its_sidecar_is_fetched_again(site, tmp_path):
    url = site.base + "/articles/seogu"
    run_fetch(site, tmp_path, ["/articles/seogu"])
    page_paths(tmp_path, url)[1].unlink()  # as a run killed between the two files would leave it
    again = run_fetch(site, tmp_path, ["/articles/seogu"])
    assert again.count("fetched") == 1 and sidecar(tmp_path, url)["url"] == url


def test_a_failed_refetch_keeps_the_page_saved_earlier(site, tmp_path):
    url = site.base + "/flaky"
    run_fetch(site, tmp_path, ["/flaky"])
    page, meta = page_paths(tmp_path, url)
    before = page.read_bytes(), meta.read_bytes()
    site.flaky_broken = True
    again = run_fetch(site, tmp_path, ["/flaky"], refresh=True, retries=1)
    assert reasons(again) == {url: "HTTP 503 service unavailable after 1 retry"}
    assert (page.read_bytes(), meta.read_bytes()) == before


# --------------------------------------------------------------------------- politeness

def test_robots_txt_is_obeyed(site, tmp_path):
    summary = run_fetch(site, tmp_path, ["/private/draft", "/articles/gwangsan"])
    assert reasons(summary) == {site.base + "/private/draft": "disallowed by robots.txt"}
    assert "/private/draft" not in site.hits
    assert site.hits["/robots.txt"] == 1  # read once per host


@pytest.mark.parametrize(("robots", "allowed", "note"), [
    ((404, "Not Found"), True, ""),
    ((403, "Forbidden"), False, "robots.txt is HTTP 403 forbidden"),
    ((500, "Server Error"), False, "robots.txt gave HTTP 500 internal server error; assumed disallowed"),
])
def test_robots_txt_status_rules(tmp_path, robots, allowed, note):
    other = Site(robots=robots)
    server = serve(other)
    try:
        summary = run_fetch(other, tmp_path, ["/articles/namgu"])
    finally:
        server.shutdown()
        server.server_close()
    assert summary.count("fetched") == (1 if allowed else 0)
    if not allowed:
        assert summary.failures()[0].reason.startswith(f"disallowed by robots.txt ({note}")
        assert "/articles/namgu" not in other.hits


def test_an_unreachable_host_is_disallowed_for_the_run_with_the_reason(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    server.server_close()  # nothing listens there now
    summary = fetch([f"http://127.0.0.1:{port}/articles/1"], tmp_path, settings=Settings(**{**FAST, "retries": 0}))
    reason = summary.failures()[0].reason
    assert reason.startswith("disallowed by robots.txt (robots.txt unreachable: connection error")


def test_crawl_delay_longer_than_the_delay_is_honoured(tmp_path):
    other = Site(robots=(200, "User-agent: *\nCrawl-delay: 2\nDisallow: /private/\n"))
    server = serve(other)
    try:
        with Fetcher(tmp_path, Settings(**FAST)) as fetcher:
            assert fetcher.allowed(other.base + "/articles/namgu")
            assert fetcher.pacer.delay_of(fetching.host_key(other.base)) == 2.0
    finally:
        server.shutdown()
        server.server_close()


def test_requests_to_one_host_are_at_least_the_delay_apart(site, tmp_path):
    summary = run_fetch(site, tmp_path, ["/articles/gwangsan", "/articles/seogu", "/articles/namgu"], delay=0.2)
    assert summary.count("fetched") == 3
    times = [t for _, t, _ in site.log]  # robots.txt, then the three pages
    assert len(times) == 4
    assert all(b - a >= 0.2 for a, b in itertools.pairwise(times)), [b - a for a, b in itertools.pairwise(times)]


def test_hosts_are_interleaved_so_one_hosts_delay_does_not_hold_up_another(site, tmp_path):
    port = site.base.rsplit(":", 1)[1]
    urls = [f"http://127.0.0.1:{port}/articles/gwangsan", f"http://127.0.0.1:{port}/articles/seogu",
            f"http://localhost:{port}/articles/namgu", f"http://localhost:{port}/articles/bukgu"]
    summary = fetch(urls, tmp_path, settings=Settings(**{**FAST, "delay": 0.2}))
    assert summary.count("fetched") == 4
    pages = [path for path, _, _ in site.log if path != "/robots.txt"]
    # the second host's first page goes while the first host waits out its delay
    assert pages.index("/articles/namgu") < pages.index("/articles/seogu")


# --------------------------------------------------------------------------- retries, redirects, timeouts

def test_a_429_is_retried_and_the_retry_counted(site, tmp_path):
    summary = run_fetch(site, tmp_path, ["/busy"])
    assert summary.count("fetched") == 1 and summary.outcomes[0].retries == 1
    assert site.hits["/busy"] == 2


def test_a_500_fails_after_the_retries(site, tmp_path):
    summary = run_fetch(site, tmp_path, ["/broken"], retries=2)
    assert reasons(summary) == {site.base + "/broken": "HTTP 500 internal server error after 2 retries"}
    assert site.hits["/broken"] == 3 and summary.outcomes[0].retries == 2


def test_the_backoff_doubles(site, tmp_path):
    waits = []
    with Fetcher(tmp_path, Settings(**{**FAST, "retries": 3, "backoff": 0.05})) as fetcher:
        original = fetcher.pacer.done

        def done(host, extra=0.0):
            if extra:
                waits.append(extra)
            original(host, extra)

        fetcher.pacer.done = done
        fetcher.run([site.base + "/broken"])
    assert waits == [0.05, 0.1, 0.2]


def test_a_redirect_is_followed_and_recorded(site, tmp_path):
    url = site.base + "/redirect"
    summary = run_fetch(site, tmp_path, ["/redirect"])
    assert summary.count("fetched") == 1
    meta = sidecar(tmp_path, url)
    assert meta["url"] == url and meta["final_url"] == site.base + "/articles/gwangsan"
    assert meta["redirects"] == [site.base + "/articles/gwangsan"]


def test_a_redirect_loop_is_a_failure_with_the_chain(site, tmp_path):
    summary = run_fetch(site, tmp_path, ["/loop-a"])
    reason = reasons(summary)[site.base + "/loop-a"]
    assert reason == f"redirect loop ({site.base}/loop-a → {site.base}/loop-b → {site.base}/loop-a)"
    assert not list(tmp_path.rglob("*.html"))


def test_a_slow_response_times_out(site, tmp_path):
    summary = run_fetch(site, tmp_path, ["/slow"], timeout=0.2, retries=0)
    assert reasons(summary) == {site.base + "/slow": "timeout (waiting for the response, limit 0.2 s)"}


# --------------------------------------------------------------------------- charsets

def test_a_utf8_header_on_euc_kr_bytes_is_recorded_and_decoded_right(site, tmp_path):
    url = site.base + "/euckr-says-utf8"
    summary = run_fetch(site, tmp_path, ["/euckr-says-utf8"])
    assert summary.count("fetched") == 1
    meta = sidecar(tmp_path, url)
    assert meta["charset_declared"] == "utf-8" and meta["charset_source"] == "header"
    assert meta["charset_used"] in ("cp949", "euc-kr", "euc_kr") and meta["charset_mismatch"]
    raw = page_paths(tmp_path, url)[0].read_bytes()
    assert "인문도시" in raw.decode("cp949")  # saved as received


def test_an_euc_kr_header_on_utf8_bytes_is_recorded_and_decoded_right(site, tmp_path):
    url = site.base + "/utf8-says-euckr"
    run_fetch(site, tmp_path, ["/utf8-says-euckr"])
    meta = sidecar(tmp_path, url)
    assert meta["charset_declared"] == "euc-kr" and meta["charset_used"].startswith("utf-8")
    assert meta["charset_mismatch"]


def test_the_charset_comes_from_the_page_when_the_header_has_none(site, tmp_path):
    url = site.base + "/meta-euckr"
    run_fetch(site, tmp_path, ["/meta-euckr"])
    meta = sidecar(tmp_path, url)
    assert meta["charset_declared"] == "euc-kr" and meta["charset_source"] == "meta"
    assert not meta["charset_mismatch"]


# --------------------------------------------------------------------------- bad input

def test_each_bad_input_fails_with_its_reason_and_nothing_is_saved(site, tmp_path):
    paths = ["/missing", "/report.pdf", "/login", "/empty"]
    summary = run_fetch(site, tmp_path, paths, retries=0)
    got = reasons(summary)
    assert got == {
        site.base + "/missing": "HTTP 404 not found",
        site.base + "/report.pdf": "not an HTML page (application/pdf)",
        site.base + "/login": "login wall (the page asks for a password and has no article text)",
        site.base + "/empty": "no main text (the extractor found no article on the page)",
    }
    assert not list(tmp_path.rglob("*.*"))


def test_urls_that_are_not_http_fail_without_a_request(tmp_path):
    summary = fetch(["ftp://example.org/a.html", "그냥 글자", "http:///nohost"], tmp_path, settings=Settings(**FAST))
    got = reasons(summary)
    assert got["ftp://example.org/a.html"] == "not an http(s) URL (scheme 'ftp')"
    assert got["그냥 글자"] == "not an http(s) URL (scheme 'missing')"
    assert got["http:///nohost"] == "not a valid URL (no host)"


# --------------------------------------------------------------------------- feeds

def test_rss_and_atom_feeds_fetch_every_page_they_list(site, tmp_path):
    summary = run_fetch(site, tmp_path, feeds=["/rss.xml", "/atom.xml"])
    assert summary.count("fetched") == 4 and summary.count("feed") == 2 and not summary.failures()
    assert {o.entries for o in summary.outcomes if o.status == "feed"} == {2}
    namgu = sidecar(tmp_path, site.base + "/articles/namgu")
    assert namgu["feed"] == site.base + "/atom.xml"
    bukgu = sidecar(tmp_path, site.base + "/articles/bukgu")  # the Atom entry's relative link, resolved
    assert bukgu["feed"] == site.base + "/atom.xml" and bukgu["final_url"] == site.base + "/articles/bukgu"
    assert sidecar(tmp_path, site.base + "/articles/seogu")["feed"] == site.base + "/rss.xml"


def test_a_page_at_a_feed_url_is_not_a_feed(site, tmp_path):
    summary = run_fetch(site, tmp_path, feeds=["/not-a-feed"])
    assert reasons(summary) == {site.base + "/not-a-feed": "not an RSS or Atom feed (text/html)"}


# --------------------------------------------------------------------------- the command

def invoke(*args):
    """Run the command line in-process; return the result."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_command_prints_a_summary_and_one_line_per_failure(site, tmp_path):
    url_list = tmp_path / "urls.txt"
    url_list.write_text(f"# 광주 자치구\n\n{site.base}/articles/gwangsan\n{site.base}/missing\n", encoding="utf-8")
    into = tmp_path / "pages"
    result = invoke("fetch", "--list", str(url_list), site.base + "/report.pdf", "--into", str(into),
                    "--delay", "0", "--timeout", "1", "--retries", "0")
    assert result.exit_code == 0
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"fetched 1, skipped 0 (already saved), failed 2; pages in {into}"
    assert lines[1:] == [f"failed {site.base}/report.pdf: not an HTML page (application/pdf)",
                         f"failed {site.base}/missing: HTTP 404 not found"]  # arguments, then the list
    again = invoke("fetch", site.base + "/articles/gwangsan", "--into", str(into), "--delay", "0")
    assert again.exit_code == 0 and again.stderr.startswith("fetched 0, skipped 1 (already saved), failed 0")


def test_the_command_exits_1_when_everything_failed_and_2_without_urls(site, tmp_path):
    into = tmp_path / "pages"
    failed = invoke("fetch", site.base + "/missing", "--into", str(into), "--delay", "0", "-q")
    assert failed.exit_code == 1 and failed.stderr == ""
    assert not into.exists()  # the folder is made when a page is saved
    nothing = invoke("fetch", "--into", str(into))
    assert nothing.exit_code == 2 and "give URLs" in nothing.stderr
    (tmp_path / "file").write_text("x")
    not_a_folder = invoke("fetch", site.base + "/articles/seogu", "--into", str(tmp_path / "file"))
    assert not_a_folder.exit_code == 2 and "is a file" in not_a_folder.stderr


def test_the_default_folder_is_pages_beside_the_database(site, tmp_path):
    db = tmp_path / "db" / "news.db"
    result = invoke("--db", str(db), "fetch", site.base + "/articles/seogu", "--delay", "0", "-q")
    assert result.exit_code == 0
    assert page_paths(db.parent / "pages", site.base + "/articles/seogu")[0].is_file()


def test_fetch_ingest_stores_the_articles(site, tmp_path):
    db = tmp_path / "news.db"
    result = invoke("fetch", "--feed", site.base + "/rss.xml", "--db", str(db), "--delay", "0", "--ingest")
    assert result.exit_code == 0, result.stderr
    assert "fetched 2" in result.stderr and "2 file(s) ingested" in result.stderr
    rows = json.loads(invoke("--db", str(db), "articles", "--json").stdout)
    titles = " ".join(r["title"] for r in rows)
    assert "재난관리평가" in titles and "청년 일자리" in titles
    # each article keeps the address its page was fetched from (the fetch record beside the page)
    assert {r["url"] for r in rows} == {site.base + "/articles/gwangsan", site.base + "/articles/seogu"}
    suffixes = {p.suffix for p in (tmp_path / "pages").rglob("*") if p.is_file()}
    assert suffixes == {".html", ".meta"} and not suffixes & (set(INGESTED) - {".html"})


# --------------------------------------------------------------------------- the real pages, served

class RealPages(Site):
    """A site serving the saved real pages of ../shared/corpus/html, as their sites served them (the header
    names no charset: the page's own <meta charset> says it, one page in EUC-KR)."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def answer(self, path: str) -> tuple[int, dict[str, str], bytes, float]:
        page = self.folder / path.rsplit("/", 1)[-1]
        if path.startswith("/news/") and page.is_file():
            return 200, {"Content-Type": "text/html"}, page.read_bytes(), 0
        return super().answer(path)


@pytest.mark.corpus
def test_real_pages_fetched_and_ingested_keep_their_headlines_and_addresses(shared_corpus, tmp_path):
    folder = shared_corpus / "html"
    if not folder.is_dir():
        pytest.skip("the real pages (../shared/corpus/html) are not present")
    labels = json.loads((Path(__file__).parent / "data" / "html_pages.json").read_text(encoding="utf-8"))
    site = RealPages(folder)
    server = serve(site)
    try:
        urls = [f"{site.base}/news/{label['file']}" for label in labels]
        db = tmp_path / "news.db"
        result = invoke("fetch", *urls, "--db", str(db), "--delay", "0", "--ingest", "--quiet")
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.stderr
    rows = json.loads(invoke("--db", str(db), "articles", "--json").stdout)
    by_url = {r["url"]: r for r in rows}
    assert len(rows) == len(labels) == 17  # one article a page, none of them site chrome
    for label, url in zip(labels, urls):
        assert by_url[url]["title"] == label["title"], label["file"]
        assert (by_url[url]["published"] or "")[:10] == label["date"], label["file"]
