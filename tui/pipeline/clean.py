"""Clean a page: normalise characters, drop site chrome, repair hard wraps, and drop repeated paragraphs.

Every rule works on line features (length, spacing, sentence endings, Hangul share, list shape) and on the
vocabularies in data/chrome.csv and data/punctuation.csv; none names an article's words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tui.pipeline import unwrap
from tui.pipeline.lexicon import chrome, holds_one_of_each, line_key, punctuation_table
from tui.pipeline.unwrap import JOIN, PARA

# C0/C1 controls except tab and newline, bidi controls, zero-width characters, and ANSI/OSC escapes.
_ESCAPES = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
TERMINAL = re.compile(r"[.!?…][\"”’'」』)\]]*$|[다요][\"”’'」』]*$")
PUNCT_END = re.compile(r"[.!?…][\"”’'」』)\]]*$")
INTERNAL_END = re.compile(r"[다요][.!?][\"”’']?\s+\S")
GLUED_SENTENCE = re.compile(r"(?<=[가-힣][.!?])(?=[가-힣A-Za-z‘“])")
END_BYLINE = re.compile(
    r"(?:^|(?<=[.!?”’\"]))\s*/?\s*((?:[가-힣]{1,6}\s?=\s?)?[가-힣]{2,4}\s?(?:[가-힣]{1,6}부\s?)?"
    r"(?:수석|선임|객원|인턴)?\s?기자(?:\s+\S+@\S+)?)\s*$"
)
# A date line: optional bullet or bracket, optional '홍길동 기자 |', optional label (기사입력, 등록, 승인, 송고 …),
# then the date: '2020. 07.08. 19:59:50', '• 기사등록 2023-10-10 09:02:57', '[2012-04-17 11:16] 송고'.
DATE_LINE = re.compile(
    r"^[\s•·\-\[(]*(?:[가-힣]{2,4}\s?기자\s*[|ㅣ/]\s*)?(?:(?:기사)?(?:작성|입력|등록|승인|게재|발행|송고|수정|최종수정|"
    r"업데이트)\s*(?:일|일시|시간)?\s*[:：]?\s*)?(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*"
    r"(\d{1,2})\s*[.일]?\s*(?:\(?[월화수목금토일]\)?\s*)?(?:(?:오전|오후|AM|PM)?\s*\[?(\d{1,2}:\d{2}(?::\d{2})?))?"
)


@dataclass
class Line:
    """One non-blank line of the page."""

    no: int  # 1-based line number in the normalised page
    text: str
    kind: str  # text, chrome, caption, byline, date
    gap: int  # blank lines before it


@dataclass
class Para:
    """A paragraph-level unit of the cleaned page."""

    text: str
    kind: str  # body, head, caption, byline, date, repeat (marks where repeated paragraphs were dropped)
    first: int
    last: int


@dataclass
class CleanPage:
    """The result of cleaning one page."""

    paras: list[Para]
    breaks: list[tuple[int, int, str]] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    text: str = ""  # the normalised page text the line numbers refer to


# A magnitude written in hanja after digits, as headlines do (37兆, 5億, 300萬): the Hangul word it stands for
_HANJA_MAGNITUDE = re.compile("(?<=[0-9])[兆億萬千]")
_MAGNITUDES = {"兆": "조", "億": "억", "萬": "만", "千": "천"}


def normalize(text: str) -> str:
    """Return NFC text with escapes, control and zero-width characters removed, odd spaces made plain,
    full-width digits made ASCII and a hanja magnitude after digits made Hangul (one character for one)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    table = punctuation_table()  # mis-encoded punctuation, other middle dots, full-width digits: one for one
    if any(bad in text for bad in table):
        text = text.translate(str.maketrans(table))
    if _HANJA_MAGNITUDE.search(text):  # after the table: a full-width digit before 兆 is a digit by then
        text = _HANJA_MAGNITUDE.sub(lambda m: _MAGNITUDES[m.group()], text)
    return text


TRAILING_EMAIL = re.compile(r"(.*[다요][.!?][\"'”’」)]*)\s*/?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")
LONG_PROSE = 400  # a line this long with several sentences is prose, whatever chrome word it holds
SENTENCE_ENDS = re.compile(r"[다요][.!?]")
# a line that opens with a date but ends a sentence (1973년 3월 31일 도쿄에서 숨졌다.) is prose, not a dateline
ENDS_SENTENCE = re.compile(r"[다요죠][.!?…]?[\"”’'」』)\]]*$")

# a portal's byline: the reporter's name and the time, nothing else ("이정훈  2023. 11. 1. 07:05")
NAMED_DATE_LINE = re.compile(r"^[가-힣]{2,4}\s+(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?"
                             r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


# A style sheet or script a page left in its text (.box{position:relative;width:100%}, function(){…}): code, with
# hardly a Hangul letter in it
CODE = re.compile(r"[\w\-.#>:\s\]\[=\"']\{[^{}\n]*[a-z\-]+\s*:[^{}\n]*\}|\bfunction\s*\(|\bdocument\.|\bwindow\.|=>\s*\{")
HANGUL = re.compile(r"[가-힣]")


def is_code(text: str) -> bool:
    """Return True for a line of CSS or JavaScript (CODE, and fewer than one letter in ten Hangul)."""
    return bool(CODE.search(text)) and len(HANGUL.findall(text)) * 10 < sum(ch.isalpha() for ch in text)


def classify_line(text: str) -> str:
    """Return chrome, caption, byline, date or text for one stripped line."""
    vocab = chrome()
    if line_key(text) in vocab.lines or ("{" in text or "(" in text) and is_code(text):
        return "chrome"
    if DATE_LINE.match(text) and len(text) <= 60 and not ENDS_SENTENCE.search(text) or NAMED_DATE_LINE.match(text):
        return "date"
    for pattern, needs in vocab.footer_filters:
        if holds_one_of_each(text, needs) and pattern.search(text):  # (the patterns retry at every word: 기자 first)
            return "byline"
    for pattern in vocab.captions:
        if pattern.search(text):
            return "caption"
    if len(text) > LONG_PROSE and len(SENTENCE_ENDS.findall(text)) >= 3:
        return "text"  # paragraphs run together: a chrome word inside (ⓒ, 무단 전재) does not make them chrome
    for pattern in vocab.patterns:
        if pattern.search(text):
            return "chrome"
    return "text"


def opens_list(text: str) -> bool:
    """Return True when the line heads a list of links (related news, most read, videos)."""
    return any(p.search(text) for p in chrome().lists)


POLITE_SENTENCE = re.compile(r"[가-힣]\s?[가-힣]*(?:니다|세요)[.!?][\"'”’」)]*$")  # 고순정 기자의 보도입니다.


def is_body_like(text: str) -> bool:
    """Return True for a line that reads as prose (ends a sentence, or is very long): a short one too when it ends
    in the polite style no headline uses (a broadcast anchor's hand-off, 고순정 기자의 보도입니다.)."""
    return bool(PUNCT_END.search(text) and len(text) >= 15) or len(text) >= 100 or bool(POLITE_SENTENCE.search(text))


def _lines(text: str) -> tuple[list[Line], dict[str, int]]:
    """Return the classified non-blank lines and counts of what was dropped as chrome."""
    lines: list[Line] = []
    dropped: dict[str, int] = {}
    gap = 0
    in_list = False
    for no, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        glued = "@" in stripped and TRAILING_EMAIL.match(stripped)  # no address, no match: not tried
        if glued:  # '… 아쉽기도 하다. /seon@osen.co.kr': the reporter's address ends the last paragraph
            stripped = glued.group(1)
            dropped["chrome"] = dropped.get("chrome", 0) + 1
        single = " ".join(stripped.split())
        kind = "chrome" if "\t" in stripped and stripped.count("\t") >= 2 else classify_line(single)
        if kind == "text" and opens_list(single):
            in_list, kind = True, "chrome"
        elif in_list:
            if kind == "text" and is_body_like(single) and "다." in single:
                in_list = False
            else:
                kind = "chrome"
        if kind == "chrome":
            dropped["chrome"] = dropped.get("chrome", 0) + 1
            gap = 0
            lines.append(Line(no, single, kind, 0))
            continue
        lines.append(Line(no, single, kind, gap))
        gap = 0
    return _drop_menus(lines, dropped), dropped


def _drop_menus(lines: list[Line], dropped: dict[str, int]) -> list[Line]:
    """Turn runs of 3+ short lines where at least half are chrome words into chrome (site menus)."""
    vocab = chrome().lines
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j].text) <= 8 and lines[j].kind in ("text", "chrome"):
            j += 1
        run = lines[i:j]
        if len(run) >= 3 and sum(1 for ln in run if line_key(ln.text) in vocab) * 2 >= len(run):
            for ln in run:
                if ln.kind != "chrome":
                    ln.kind = "chrome"
                    dropped["chrome"] = dropped.get("chrome", 0) + 1
        i = max(j, i + 1)
    return lines


def _split_end_byline(lines: list[Line]) -> list[Line]:
    """Split a byline glued to the end of a prose line ("…말했다./광산=홍길동 기자") into its own line."""
    out: list[Line] = []
    for ln in lines:
        if ln.kind == "text" and len(ln.text) > 20:
            m = END_BYLINE.search(ln.text)
            if m and TERMINAL.search(ln.text[: m.start()].rstrip()):
                out.append(Line(ln.no, ln.text[: m.start()].rstrip(), "text", ln.gap))
                out.append(Line(ln.no, m.group(1).strip(), "byline", 0))
                continue
        out.append(ln)
    return out


class _Assembler:
    """Decide every break between consecutive text lines and build paragraphs."""

    def __init__(self, lines: list[Line], spacer, document: str = "") -> None:
        self.lines = lines
        self.document = document
        self.spacer = spacer
        gaps = [ln.gap for ln in lines[1:] if ln.kind != "chrome"]
        self.double_spaced = bool(gaps) and sum(1 for g in gaps if g == 1) / len(gaps) >= 0.6
        self.decisions: dict[int, str] = {}  # index of the upper line → decision

    def tight(self, index: int) -> bool:
        """Return True when line index+1 follows line index without a real blank line."""
        gap = self.lines[index + 1].gap
        return gap == 0 or (self.double_spaced and gap == 1)

    def candidate(self, index: int) -> bool:
        """Return True when the break after line `index` may be a hard wrap."""
        a, b = self.lines[index], self.lines[index + 1]
        return (
            a.kind == "text" and b.kind == "text" and self.tight(index)
            and 10 <= len(a.text) <= 80
            and not unwrap.is_unspaced(a.text) and not unwrap.is_unspaced(b.text)
            and b.text[0] not in unwrap.BULLETS
        )

    def columns(self) -> None:
        """Find runs of wrapped column lines and decide their breaks with the spacing model."""
        n = len(self.lines)
        i = 0
        while i < n - 1:
            if not self.candidate(i):
                i += 1
                continue
            j = i
            while j < n - 1 and self.candidate(j):
                j += 1
            chain = list(range(i, j + 1))  # line indexes i..j
            self._column_chain(chain)
            i = j + 1

    def _column_chain(self, chain: list[int]) -> None:
        """Split a chain at short (paragraph-final) lines and decide each part that reads as a column."""
        lengths = sorted(len(self.lines[k].text) for k in chain[:-1])
        width = lengths[int(0.8 * (len(lengths) - 1))]
        if len(self.lines[chain[-1]].text) > max(80, 1.5 * width):
            chain = chain[:-1]  # a line far wider than the column is a paragraph of its own, not the column's tail
        part: list[int] = [chain[0]]
        for k in chain[1:]:
            prev = part[-1]
            if len(self.lines[prev].text) < 0.7 * width:
                self._decide_part(part)
                part = [k]
            else:
                part.append(k)
        self._decide_part(part)

    def _decide_part(self, part: list[int]) -> None:
        """Apply column decisions to one part when it has 4+ lines and enough in-word breaks."""
        if len(part) < 4:
            return
        texts = [self.lines[k].text for k in part]
        mid_word = sum(1 for a, b in zip(texts, texts[1:]) if a[-1].isalnum() and b[0].isalnum())
        if mid_word * 2 < len(texts) - 1:
            return  # most lines end a phrase: a list or a headline stack, not a wrapped column
        if unwrap.join_ratio(self.spacer, texts) < 0.3:
            return
        for k, decision in zip(part, unwrap.decide_breaks(self.spacer, texts, self.document)):
            self.decisions[k] = decision

    def continuations(self) -> None:
        """Rejoin body paragraphs that a blank line or a line break cut in the middle (outside columns)."""
        seen_body = False
        for i in range(len(self.lines) - 1):
            a, b = self.lines[i], self.lines[i + 1]
            if a.kind == "text" and is_body_like(a.text):
                seen_body = True
            if i in self.decisions or a.kind != "text" or b.kind != "text":
                continue
            if b.gap > 1 or TERMINAL.search(a.text) or unwrap.is_unspaced(a.text) or not is_body_like(b.text):
                continue
            if b.text[0] in unwrap.BULLETS or a.text[0] in unwrap.BULLETS or a.text[0] in "□○◎◇①②③④⑤⑥⑦⑧⑨⑩":
                continue  # list items are complete lines
            if self._is_fragment(a.text, b.text, seen_body):
                self.decisions[i] = unwrap.decide_breaks(self.spacer, [a.text, b.text], self.document)[0]

    def _is_fragment(self, left: str, right: str, seen_body: bool) -> bool:
        """Return True when `left` is the unfinished start of a paragraph that `right` completes."""
        if len(left) >= 40 and INTERNAL_END.search(left):
            return True
        if len(left) >= 20 and unwrap.HANGUL.match(left[-1]) and unwrap.HANGUL.match(right[0]):
            if unwrap.decide_breaks(self.spacer, [left[-12:], right[:12]])[0] == JOIN:
                return True
        if not seen_body:
            return False
        tokens = self.spacer.tokenize(left)
        if tokens and tokens[-1].tag.startswith(("J", "EC", "ETM")):
            return True
        return any(t.tag in ("JKS", "JKO") or (t.tag == "JX" and t.form in ("은", "는")) for t in tokens)

    def paragraphs(self) -> tuple[list[Para], list[tuple[int, int, str]]]:
        """Return the paragraphs after all decisions, and every break's decision by line number."""
        paras: list[Para] = []
        breaks: list[tuple[int, int, str]] = []
        current: list[Line] = []
        pending: list[str] = []

        def flush() -> None:
            if current:
                pieces = [ln.text for ln in current]
                text = unwrap.join_pieces(pieces, pending) if len(pieces) > 1 else pieces[0]
                paras.append(Para(text, current[0].kind, current[0].no, current[-1].no))
            current.clear()
            pending.clear()

        for i, ln in enumerate(self.lines):
            if i > 0:
                prev = self.lines[i - 1]
                decision = self.decisions.get(i - 1, PARA)
                if prev.no != ln.no:
                    breaks.append((prev.no, ln.no, decision))
                if decision == PARA or ln.kind == "chrome" or prev.kind == "chrome":
                    flush()
                else:
                    pending.append(decision)
            if ln.kind == "chrome":
                continue
            current.append(ln)
        flush()
        return paras, breaks


def _split_glued(paras: list[Para]) -> list[Para]:
    """Split paragraphs where a sentence end runs into the next sentence without a space (lost breaks)."""
    out: list[Para] = []
    for para in paras:
        if para.kind == "text" and GLUED_SENTENCE.search(para.text):
            out.extend(Para(piece, "text", para.first, para.last) for piece in GLUED_SENTENCE.split(para.text))
        else:
            out.append(para)
    return out


def _dedupe(paras: list[Para], dropped: dict[str, int]) -> list[Para]:
    """Drop repeated paragraphs, keeping the first occurrence and the order, and a short line repeated at the start
    of the paragraph after it (a deck a site printed again as the body's first words)."""
    seen: set[str] = set()
    out: list[Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if (prev is not None and para.kind == "text" and prev.kind == "text" and 8 <= len(prev.text) <= 150
                and para.text.startswith(prev.text + " ") and len(para.text) > len(prev.text) + 20):
            dropped["repeated"] = dropped.get("repeated", 0) + 1
            para = Para(para.text[len(prev.text) + 1:], para.kind, para.first, para.last)
        key = re.sub(r"[\W_]+", "", para.text)
        if para.kind in ("text", "caption") and len(key) >= 6:
            if key in seen:
                dropped["repeated"] = dropped.get("repeated", 0) + 1
                if not out or out[-1].kind != "repeat":
                    out.append(Para("", "repeat", para.first, para.last))  # tells split a copy follows
                continue
            seen.add(key)
        out.append(para)
    return out


def _label(paras: list[Para]) -> list[Para]:
    """Name each text paragraph body or head (a line without a sentence ending)."""
    for para in paras:
        if para.kind == "text":
            if is_body_like(para.text):
                # a sentence set solid without spaces is typeset furniture (a photo caption), not prose
                para.kind = "caption" if unwrap.is_unspaced(para.text) else "body"
            else:
                para.kind = "head"
    return paras


def clean_page(text: str, spacer) -> CleanPage:
    """Return the cleaned paragraphs of one page with every line-break decision (spacer: a Kiwi)."""
    text = normalize(text)
    lines, dropped = _lines(text)
    lines = _split_end_byline(lines)
    assembler = _Assembler(lines, spacer, text)
    assembler.columns()
    assembler.continuations()
    paras, breaks = assembler.paragraphs()
    paras = _label(_dedupe(_split_glued(paras), dropped))
    return CleanPage(paras=paras, breaks=breaks, dropped=dropped, text=text)
