"""Bytes to text: encodings, HTML, CSV and JSON into raw documents (one per article or page)."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from tui.pipeline.html import extract_page, html_to_text  # noqa: F401 - html_to_text is read's API too

SUPPORTED = (".txt", ".text", ".html", ".htm", ".csv", ".jsonl", ".json", ".ndjson")
MAX_TEXT_BYTES = 32 * 1024 * 1024  # whole-document formats above this are refused
MAX_CELL_CHARS = 10_000_000  # a CSV field longer than this makes the file unreadable as CSV
MAX_BODY_CHARS = 300_000  # a record whose body is longer is set aside (no news article is that long)

# Column/key names detected in structured files, in order of preference.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "body": ("body", "content", "contents", "text", "article", "article_body", "본문", "내용", "기사"),
    "title": ("title", "headline", "subject", "제목", "기사제목"),
    "deck": ("deck", "subtitle", "subhead", "부제", "부제목"),
    "date": ("published_at", "published", "pubdate", "pub_date", "date", "datetime", "작성일", "등록일", "날짜",
             "입력일", "created_at"),
    "source": ("agency", "source", "기관", "기관명", "출처", "organization"),
    "url": ("url", "link", "original_link", "source_url", "href", "링크", "주소"),
    "reporter": ("reporter", "reporter_name", "author", "byline", "기자", "작성자"),
    "outlet": ("outlet", "press", "media", "publisher", "언론사", "매체"),
}


class InputError(Exception):
    """A file that cannot be read as articles; the message says why."""


@dataclass
class RawDoc:
    """Text of one page or one structured record, with any metadata the format carried."""

    file: str
    index: int
    text: str
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)
    structured: bool = False  # True for CSV/JSON records and extracted HTML pages: one document is one article
    page: bool = False  # an HTML page whose main text and fields came from the extractor (text is the page's)
    rejected: str | None = None  # why this record is set aside without analysis


# --------------------------------------------------------------------------- encodings

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"SQLite format 3": "an SQLite database",
    b"\x7fELF": "an executable",
}


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name) for file bytes, or raise InputError saying why not.

    `declared` is the charset a server header or the page itself names; it is used when it decodes the bytes
    cleanly. Otherwise UTF-8, then charset-normalizer's detection; empty, binary and mostly undecodable input
    is refused."""
    if not data.strip():
        raise InputError("empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not text")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", "utf-16")
    sample = data[:4096]
    if sample.count(0):
        utf16 = _guess_bomless_utf16(sample)
        if utf16:
            return _strict(data, utf16, utf16)
        raise InputError("binary file (contains NUL bytes), not text")
    named = _codec_name(declared)
    if named and named != "utf-8":
        try:
            text = data.decode(named)
        except UnicodeDecodeError:
            pass
        else:
            if _plausible_korean(text):
                return text, named
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is not None:
        return detected
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    share = bad / max(1, len(replaced))
    if share > 0.02:
        raise InputError(
            f"undecodable: {share:.0%} of characters are not valid UTF-8, and no other encoding "
            "(CP949/EUC-KR, UTF-16 and the others charset-normalizer knows) reads it as text"
        )
    return replaced, f"utf-8 ({bad} invalid bytes replaced)"


# Korean legacy encodings all decode as CP949, their superset (a page declaring euc-kr often uses CP949's extra
# syllables).
_KOREAN_CODECS = {"euc_kr", "cp949", "ks_c_5601_1987", "uhc", "ksc5601", "korean", "ks_x_1001"}


def _codec_name(name: str | None) -> str | None:
    """Return the project's name for a charset label (utf-8, cp949 or Python's codec name), or None when the
    label names no known codec."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    if codec.replace("-", "_") in _KOREAN_CODECS:
        return "cp949"
    return "utf-8" if codec == "utf-8" else codec


def _detect(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) as charset-normalizer reads bytes that are not UTF-8, when the result is text
    (and real Korean, when it has Hangul), else None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    name = _codec_name(best.encoding) or best.encoding
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _plausible_korean(text):
        return None
    return text, name


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    """Decode strictly, turning failure into an InputError."""
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as err:
        raise InputError(f"invalid {name} at byte {err.start}") from None


def _guess_bomless_utf16(sample: bytes) -> str | None:
    """Return utf-16-le/be when NUL bytes sit on alternate positions as in UTF-16 text."""
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


_KSX1001_HANGUL: frozenset[str] | None = None


def _common_hangul() -> frozenset[str]:
    """Return the 2,350 Hangul syllables of KS X 1001 (the ones EUC-KR can encode)."""
    global _KSX1001_HANGUL
    if _KSX1001_HANGUL is None:
        chars = set()
        for lead in range(0xB0, 0xC9):
            for trail in range(0xA1, 0xFF):
                try:
                    chars.add(bytes((lead, trail)).decode("euc-kr"))
                except UnicodeDecodeError:
                    pass
        _KSX1001_HANGUL = frozenset(chars)
    return _KSX1001_HANGUL


def _plausible_korean(text: str) -> bool:
    """Return True when CP949-decoded text looks like real Korean (mostly common syllables)."""
    hangul = [c for c in text if "\uac00" <= c <= "\ud7a3"]
    if not hangul:
        return all(c.isprintable() or c in "\r\n\t" for c in text[:2000])
    common = _common_hangul()
    share = sum(1 for c in hangul if c in common) / len(hangul)
    return share >= 0.9


# --------------------------------------------------------------------------- structured records

def parse_mapping(spec: str | None) -> dict[str, str]:
    """Return a field→column mapping from 'body=content,title=headline' (an empty value ignores a field)."""
    mapping: dict[str, str] = {}
    if not spec:
        return mapping
    for part in spec.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(f"--map expects FIELD=COLUMN pairs, got {part!r}")
        name, column = (s.strip() for s in part.split("=", 1))
        if name not in FIELD_NAMES:
            raise ValueError(f"--map: unknown field {name!r} (fields: {', '.join(FIELD_NAMES)})")
        mapping[name] = column
    return mapping


def detect_columns(columns: list[str], mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Return field→column for the given column names, using the mapping first, then known names."""
    mapping = mapping or {}
    lowered = {c.strip().lstrip("\ufeff").lower(): c for c in columns if c is not None}
    found: dict[str, str] = {}
    for name, candidates in FIELD_NAMES.items():
        if name in mapping:
            if mapping[name]:
                if mapping[name] not in columns:
                    raise InputError(f"--map {name}={mapping[name]}: no such column (columns are: {', '.join(columns)})")
                found[name] = mapping[name]
            continue
        for cand in candidates:
            if cand in lowered:
                found[name] = lowered[cand]
                break
    if "body" not in found:
        raise InputError(
            "no body column (looked for: " + ", ".join(FIELD_NAMES["body"]) + "; columns are: "
            + ", ".join(columns) + "); name one with --map body=COLUMN"
        )
    return found


def _record_doc(file: str, index: int, record: dict, fields: dict[str, str], encoding: str) -> RawDoc | None:
    """Return a RawDoc for one CSV row or JSON object, or None when its body is empty."""
    body = record.get(fields["body"])
    if body is None or not str(body).strip():
        return None
    body = str(body)
    if len(body) > MAX_BODY_CHARS:
        return RawDoc(file=file, index=index, text="", encoding=encoding, structured=True,
                      rejected=f"records with a body over {MAX_BODY_CHARS:,} characters")
    meta = {}
    for name, column in fields.items():
        if name == "body":
            continue
        value = record.get(column)
        if value is not None and str(value).strip():
            meta[name] = str(value).strip()
    return RawDoc(file=file, index=index, text=body, encoding=encoding, meta=meta, structured=True)


def _csv_docs(file: str, text: str, encoding: str, mapping: dict[str, str]) -> Iterator[RawDoc]:
    """Yield one RawDoc per CSV row with a body."""
    csv.field_size_limit(MAX_CELL_CHARS + 1)  # the project's limit, whatever else in the process set it to
    header = re.split(r"\r\n?|\n", text, maxsplit=1)[0]
    delimiter = max(",\t;", key=header.count)  # the header line tells the delimiter; sniffing the body misleads
    # newline="": rows may end in \r\n, \n or a lone \r (old spreadsheet exports), as the csv module expects
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        names = reader.fieldnames
    except csv.Error as err:
        raise InputError(f"malformed CSV header: {err}") from None
    if not names:
        raise InputError("CSV has no header row")
    fields = detect_columns(list(names), mapping)
    try:
        for index, row in enumerate(reader):
            doc = _record_doc(file, index, row, fields, encoding)
            if doc is not None:
                yield doc
    except csv.Error as err:
        raise InputError(f"malformed CSV near line {reader.line_num}: {err}") from None


def _json_records(text: str, suffix: str) -> list[dict]:
    """Return the list of objects held by a JSON or JSON Lines file."""
    stripped = text.lstrip()
    if suffix in (".jsonl", ".ndjson") or (suffix == ".json" and stripped.startswith("{") and "\n{" in stripped
                                            and not _is_single_json(stripped)):
        records = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"line {number} is not valid JSON: {err.msg}") from None
            if not isinstance(obj, dict):
                raise InputError(f"line {number} is not a JSON object")
            records.append(obj)
        return records
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err.msg} (line {err.lineno})") from None
    except RecursionError:
        raise InputError("JSON nested too deeply") from None
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "records", "results"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise InputError("JSON must be an array of objects (or an object holding one)")
    return data


def _is_single_json(text: str) -> bool:
    """Return True when the whole text parses as one JSON value."""
    try:
        json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def _json_docs(file: str, text: str, encoding: str, suffix: str, mapping: dict[str, str]) -> Iterator[RawDoc]:
    """Yield one RawDoc per JSON object with a body."""
    records = _json_records(text, suffix)
    if not records:
        raise InputError("JSON holds no records")
    keys: list[str] = []
    for record in records[:50]:
        keys.extend(k for k in record if k not in keys)
    fields = detect_columns(keys, mapping)
    for index, record in enumerate(records):
        doc = _record_doc(file, index, record, fields, encoding)
        if doc is not None:
            yield doc


# --------------------------------------------------------------------------- HTML pages

SIDECAR_SUFFIX = ".meta"  # what `seonggwa fetch` saves beside a page: its URL, final URL, status and charset


def sidecar_of(path: Path) -> dict:
    """Return the fetch record saved beside a page (empty when there is none or it is unreadable)."""
    side = path.with_suffix(SIDECAR_SUFFIX)
    try:
        record = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """Return the charset a page declares in its first bytes (<meta charset> or http-equiv), or None."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _page_doc(path: Path, name: str, data: bytes, fetched: dict | None = None) -> RawDoc:
    """Return the document of an HTML page: its main text and fields from the extractor (one article), or, when
    the extractor finds no main text, the page's visible text for the line rules to split."""
    if fetched is None:
        fetched = sidecar_of(path)
    charset = fetched.get("charset_used") or fetched.get("charset_declared") or declared_charset(data)
    text, encoding = decode(data, declared=charset)
    url = fetched.get("final_url") or fetched.get("url")
    page = extract_page(text, url=url if isinstance(url, str) else None)
    if page.method == "list":
        title = page.meta.get("title") or "none"
        raise InputError(f"HTML page holds no article: a list, board or section page (its title is {title!r} "
                         "and no headline with text under it was found)")
    if not page.text.strip():
        raise InputError("HTML page has no main text (no article found by the extractor or in the visible text)")
    whole = page.method != "page"
    return RawDoc(file=name, index=0, text=page.text, encoding=encoding, meta=page.meta, structured=whole,
                  page=whole)


# --------------------------------------------------------------------------- files

def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Yield supported files under the given files and folders (recursive, sorted); folders skip hidden files."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED and not any(
                    part.startswith(".") for part in child.relative_to(path).parts
                ):
                    yield child
        else:
            yield path


def read_file(path: Path, data: bytes | None = None, mapping: dict[str, str] | None = None,
              fetched: dict | None = None) -> list[RawDoc]:
    """Return the raw documents of one file, or raise InputError naming the reason. fetched is a page's fetch
    record when the caller has it (a cluster worker that got the bytes cannot see the record beside the page)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"unsupported file type {suffix or '(none)'} (supported: {', '.join(SUPPORTED)})")
    if data is None:
        data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES and suffix not in (".csv", ".jsonl", ".ndjson"):
        raise InputError(
            f"file is {len(data) / 1e6:.1f} MB, over the {MAX_TEXT_BYTES / 1e6:.0f} MB limit for one page; "
            "split it or export it as CSV/JSON Lines"
        )
    name = str(path)
    if suffix in (".html", ".htm"):
        return [_page_doc(path, name, data, fetched)]
    text, encoding = decode(data)
    if suffix == ".csv":
        docs = list(_csv_docs(name, text, encoding, mapping or {}))
    elif suffix in (".json", ".jsonl", ".ndjson"):
        docs = list(_json_docs(name, text, encoding, suffix, mapping or {}))
    else:
        return [RawDoc(file=name, index=0, text=text, encoding=encoding)]
    if not docs:
        raise InputError("no record has a non-empty body")
    return docs
