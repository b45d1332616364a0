"""Find the articles in a scraped text page: join hard wraps, drop chrome, split articles.

The page is read as a sequence of *units*: chrome lines (tagged by
:mod:`rasid.stages.clean.lines`) stand alone, and runs of text lines are joined into
paragraphs where the page hard-wrapped them. An article is a run of body paragraphs; a run
ends where an end-of-article marker (comment form, related list, tags, source label, footer)
or a block of short non-body lines stands between two body paragraphs. Each run's headline is
the last headline-like line before it.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from itertools import pairwise

from rasid.stages.clean.lines import Line, ends_sentence, split_lines, tag_lines
from rasid.stages.clean.outlet import looks_like_masthead
from rasid.stages.clean.rules import continuation_words
from rasid.stages.clean.topic import same_topic

# A line ending in one of these words cannot end a sentence: the next line continues it.
_CONTINUES = continuation_words()
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•·*▪►◄✓]|\d{1,2}\s*[-.)]|[(]\d{1,2}[)])\s*\S")
_BODY_PUNCT = re.compile(r"[.،,؛;:!?؟]")
# "فهد العتيبي- سبق- الطائف:", "القاهرة - رويترز:": a dateline opens a new paragraph
_W = r"[^\s:.،\-–ـ/]+"
_DATELINE_START = re.compile(
    rf"^{_W}(?:\s{_W}){{0,3}}(?:\s*[-–ـ/]\s*{_W}(?:\s{_W}){{0,3}}){{1,3}}\s*:"
)
_FULL_STOP = re.compile(r"[.!?؟…]['\"”»)\]]*$")
_PERIOD_END = re.compile(r"[.…]['\"”»)\]]*$")
_BYLINE_SPLIT = re.compile(r"\s*[:：]\s*|\s+[-–ـ|/]\s+|\s*،\s*")
_KEY_VALUE = re.compile(r"^[^:،,]{1,30}:\s*\S")
_DOT_END = re.compile(r"(?<!\.)\.['\"”»)\]]*$")

GOOD_MIN_WORDS = 8
GOOD_LONG_WORDS = 15
GOOD_UNPUNCTUATED_WORDS = 30
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 35
SECOND_ARTICLE_MIN_WORDS = 40
MERGE_MIN_WORDS = 60  # a headless run this long after a break continues the last article
WRAP_SHARE = 0.75  # a line this share of the wrap width long was cut by the wrap
CAPTION_REACH = 6  # units above the body within which a repeated line is a caption
# may stand between a headline and its standfirst
_HEADER_KINDS = frozenset({"date", "dateline", "inline", "byline", "caption"})
MASTHEAD_MAX_WORDS = 3  # a site name over a date header is not a headline over its standfirst
BREAK_KINDS = frozenset({"end", "source"})


@dataclass
class Unit:
    """A paragraph-sized piece of the page: joined text lines, or one chrome/date line."""

    lines: list[Line]
    tag: str
    text: str = ""
    norm: str = ""
    words: int = 0
    dup: bool = False
    dup_adjacent: bool = False

    def __post_init__(self) -> None:
        self.text = " ".join(" ".join(ln.text for ln in self.lines).split())
        self.norm = " ".join(ln.norm for ln in self.lines)
        self.words = len(self.text.split())

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def is_text(self) -> bool:
        return self.tag == "text"

    @property
    def good(self) -> bool:
        """Reads as a body paragraph: long enough and punctuated like prose."""
        if not self.is_text or self.dup:
            return False
        if self.words >= GOOD_LONG_WORDS and _BODY_PUNCT.search(self.text):
            return True
        if self.words >= GOOD_UNPUNCTUATED_WORDS:  # no menu or headline runs this long
            return True
        return self.words >= GOOD_MIN_WORDS and bool(_PERIOD_END.search(self.text))

    @property
    def titlelike(self) -> bool:
        """Could be a headline: a handful of words, not a period-terminated sentence."""
        return (
            self.is_text
            and TITLE_MIN_WORDS <= self.words <= TITLE_MAX_WORDS
            and not _DOT_END.search(self.text)
            and not self.text.endswith((":", "：", "؛"))
            and not _LIST_ITEM.match(self.text)
        )


@dataclass
class TextArticle:
    """An article found on a text page, before it becomes a Document."""

    paragraphs: list[str]
    headline: Unit | None = None
    subheadline: Unit | None = None
    published: Unit | None = None
    units: list[Unit] = field(default_factory=list)


@dataclass
class TextPage:
    articles: list[TextArticle]
    page_date: Unit | None
    units: list[Unit]


def build_units(lines: list[Line]) -> list[Unit]:
    """Join hard-wrapped text lines into paragraphs; chrome lines stay single units."""
    _retag_nav_words_in_prose(lines)
    blank_separated = _blank_separated(lines)
    width = _wrap_width(lines)
    if blank_separated:
        _tag_list_items(lines)
    units: list[Unit] = []
    current: list[Line] = []
    for i, line in enumerate(lines):
        if line.tag == "text":
            if current and not _continues(current[-1], line, width, blank_separated, lines, i):
                units.append(Unit(current, "text"))
                current = []
            current.append(line)
            continue
        if current:
            units.append(Unit(current, "text"))
            current = []
        if line.tag != "blank":
            units.append(Unit([line], line.tag))
    if current:
        units.append(Unit(current, "text"))
    _mark_duplicates(units)
    return units


def _blank_separated(lines: list[Line]) -> bool:
    """Whether the page ends its paragraphs with a blank line.

    Judged where sentences end: on such pages a line ending a sentence is mostly followed
    by a blank line; on pages without blank lines, by the next paragraph.
    """
    ends = [
        nxt.tag == "blank"
        for ln, nxt in pairwise(lines)
        if ln.tag == "text" and ends_sentence(ln.text)
    ]
    return bool(ends) and sum(ends) >= 0.5 * len(ends)


def _retag_nav_words_in_prose(lines: list[Line]) -> None:
    """A short line matching a section name ("العالم.", "مصر") right after a line that
    stops mid-sentence is the end of that sentence, not navigation."""
    for prev, line in pairwise(lines):
        if (
            line.tag in ("start", "ticker")
            and line.words <= 3
            and prev.tag == "text"
            and not ends_sentence(prev.text)
            and prev.words >= 4
        ):
            line.tag = "text"


def _wrap_width(lines: list[Line]) -> float:
    """The page's wrap width: the length reached by lines cut mid-sentence.

    Only lines followed by another text line count; a one-line paragraph that happens to
    lack a full stop says nothing about the wrap.
    """
    lengths = [
        len(ln.text)
        for ln, nxt in pairwise(lines)
        if ln.tag == "text" and nxt.tag == "text" and ln.words >= 4 and not ends_sentence(ln.text)
    ]
    if len(lengths) < 3:
        return 0.0
    return statistics.quantiles(lengths, n=10)[8]


def _continues(
    prev: Line, nxt: Line, width: float, blank_separated: bool, lines: list[Line], i: int
) -> bool:
    """Whether ``nxt`` (``lines[i]``) continues the paragraph ``prev`` was wrapped out of.

    A break after a connective word ("في", "أن", "التي"), or after a one- or two-word line
    followed by a long one, is always a hard wrap. On pages that separate paragraphs with
    blank lines, a block whose last line ends a sentence is one wrapped paragraph, and a
    block of unpunctuated lines (a ticker, a masthead over its tagline, a headline over its
    standfirst) is a list of separate lines. Elsewhere a line about as long as the page's
    wrap width was wrapped.
    """
    if _LIST_ITEM.match(nxt.text) or ends_sentence(prev.text) or _DATELINE_START.match(nxt.text):
        return False
    last_word = prev.norm.split()[-1] if prev.norm else ""
    if prev.text.endswith(("،", ",", "-", "–")) or last_word in _CONTINUES:
        return True
    if prev.words <= 2 and nxt.words >= 4:
        return True
    if blank_separated and _block_size(lines, i) >= 3 and len(prev.text) >= 0.6 * width:
        return True
    if not _is_long(prev, width):
        return blank_separated and _block_ends_sentence(lines, i)
    if blank_separated and (_block_ends_sentence(lines, i) or _block_size(lines, i) >= 3):
        return True
    return _chain_ends_sentence(lines, i, width)


def _is_long(line: Line, width: float) -> bool:
    """About as long as the page's wrap width: the line was cut, not ended."""
    return width > 0 and len(line.text) >= WRAP_SHARE * width


def _chain_ends_sentence(lines: list[Line], i: int, width: float) -> bool:
    """From ``lines[i]`` on, full-width lines lead to a line that ends a sentence.

    That is how a wrapped paragraph looks; a headline over its standfirst over a byline
    never reaches a full stop.
    """
    for line in lines[i:]:
        if line.tag != "text":
            return False
        if _FULL_STOP.search(line.text):
            return True
        if not _is_long(line, width):
            return False
    return False


def _tag_list_items(lines: list[Line]) -> None:
    """Unpunctuated lines directly under a ticker header ("عاجل", "آخر الأخبار") or a
    list header ("مواضيع ذات صلة", "الأكثر قراءة") belong to that list, not to prose."""
    header: str | None = None
    for line in lines:
        if line.tag in ("ticker", "end", "readalso"):
            header = "start" if line.tag == "ticker" else line.tag
        elif line.tag == "text" and header and not ends_sentence(line.text):
            line.tag = header
        else:
            header = None


def _block_bounds(lines: list[Line], i: int) -> tuple[int, int]:
    """First and last index of the run of text lines holding ``lines[i]``."""
    first = last = i
    while first > 0 and lines[first - 1].tag == "text":
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].tag == "text":
        last += 1
    return first, last


def _block_ends_sentence(lines: list[Line], i: int) -> bool:
    return ends_sentence(lines[_block_bounds(lines, i)[1]].text)


def _block_size(lines: list[Line], i: int) -> int:
    first, last = _block_bounds(lines, i)
    return last - first + 1


def _mark_duplicates(units: list[Unit]) -> None:
    """Lines printed twice (photo captions above and below an image, repeated teasers)."""
    where: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if u.is_text and u.words >= 3:
            where.setdefault(u.norm, []).append(i)
    for idx in where.values():
        if len(idx) < 2:
            continue
        adjacent = any(b - a == 1 for a, b in pairwise(idx))
        for i in idx:
            units[i].dup = True
            units[i].dup_adjacent = adjacent


def find_runs(units: list[Unit]) -> list[tuple[int, int]]:
    """(first, last) indices of each run of body paragraphs."""
    runs: list[tuple[int, int]] = []
    first = last = None
    for i, u in enumerate(units):
        if not u.good:
            continue
        if first is None:
            first = last = i
            continue
        if _gap_breaks(units[last + 1 : i]):
            runs.append((first, last))
            first = i
        last = i
    if first is not None:
        runs.append((first, last))
    return runs


def _gap_breaks(gap: list[Unit]) -> bool:
    """An end-of-article marker, or three or more stray short lines, separate two articles."""
    if any(u.tag in BREAK_KINDS for u in gap):
        return True
    stray = [u for u in gap if u.is_text and u.titlelike and not u.dup]
    return len(stray) >= 3 and not all(_KEY_VALUE.match(u.text) for u in stray)


def _body_paragraphs(units: list[Unit], first: int, last: int, stop: int) -> tuple[list[Unit], int]:
    """Text units of a run, minus duplicates and the link lines after a read-also header.

    Returns the kept units and the index just past the run (trailing list items or short
    closing sentences after the last full paragraph belong to the article too).
    """
    kept: list[Unit] = []
    if first > 0 and units[first - 1].tag == "dateline":  # "طوكيو 26 شوال 1436 هـ … واس"
        kept.append(units[first - 1])
    after_readalso = False
    for u in units[first : last + 1]:
        if u.tag == "readalso":
            after_readalso = True
            continue
        if not u.is_text or u.dup:
            continue
        if after_readalso and not u.good:
            continue
        after_readalso = False
        kept.append(u)
    end = last + 1
    while end < stop:
        u = units[end]
        if not u.is_text or u.dup:
            break
        prose = u.words >= 12 and ("،" in u.text or "," in u.text)
        intro = (
            u.text.endswith(":") and end + 1 < stop and bool(_LIST_ITEM.match(units[end + 1].text))
        )
        if not (
            _LIST_ITEM.match(u.text) or prose or intro or (u.words >= 4 and ends_sentence(u.text))
        ):
            break
        kept.append(u)
        end += 1
    return kept, end


def _header(gap: list[Unit], body_units: set[str]) -> tuple[Unit | None, Unit | None]:
    """Headline and subheadline: the last headline-like lines before the body.

    A line printed twice on the page (once in the page title, once over the article) is the
    headline; captions, printed twice close together just above the body, are not. A very short
    last line after a fuller one is a byline ("خالد العنزي - بريدة"), not the headline. Two
    adjacent lines form headline and standfirst unless they end a list of such lines (a
    related-articles list right above a second article's headline).
    """
    near = {u.norm for u in gap[-CAPTION_REACH:] if u.dup}
    far = {u.norm for u in gap[:-CAPTION_REACH] if u.dup}
    captions = near - far
    cands = [
        (i, u)
        for i, u in enumerate(gap)
        if u.is_text
        and not (u.dup and (u.dup_adjacent or u.norm in body_units or u.norm in captions))
        and not looks_like_masthead(u.text)
        and (u.titlelike or (5 <= u.words <= 60 and not u.good and _is_last_text(gap, i)))
    ]
    bylines = [(i, u) for i, u in cands if _byline_shaped(u.text)]
    if len(bylines) < len(cands):
        cands = [c for c in cands if c not in bylines]
    while (
        len(cands) >= 2
        and cands[-1][1].words <= 4
        and any(u.titlelike and u.words >= 5 for _, u in cands[:-1])
    ):
        cands.pop()
    if not cands:
        return None, None
    dup_titles = [(i, u) for i, u in cands if u.dup and u.titlelike]
    if dup_titles:
        i, head = dup_titles[-1]
        sub = next((u for j, u in cands if j > i and u.norm != head.norm), None)
        return head, sub
    i_last, last = cands[-1]
    if len(cands) >= 2:
        i_prev, prev = cands[-2]
        listy = len(cands) >= 3 and _adjacent(gap, cands[-3][0], i_prev)
        looks_sub = ends_sentence(last.text) or last.words >= 0.5 * prev.words
        dated = any(gap[k].tag in ("date", "dateline") for k in range(i_prev + 1, i_last))
        masthead = dated and prev.words <= MASTHEAD_MAX_WORDS
        pair = prev.titlelike and _adjacent(gap, i_prev, i_last) and looks_sub
        if pair and not (listy or masthead):
            return prev, last
    if not last.titlelike and any(u.titlelike for _, u in cands):
        return None, last
    return last, None


def _byline_shaped(text: str) -> bool:
    """ "قلعة السراغنة: عبد الإله الزهري", "عمّان - رامي الحوراني": place and name, no verb."""
    parts = [p for p in _BYLINE_SPLIT.split(text) if p.strip()]
    return 2 <= len(parts) <= 5 and all(1 <= len(p.split()) <= 3 for p in parts)


def _adjacent(gap: list[Unit], i: int, j: int) -> bool:
    """Nothing but text, dates, bylines and captions stands between gap[i] and gap[j]."""
    return all(gap[k].is_text or gap[k].tag in _HEADER_KINDS for k in range(i + 1, j))


def _is_last_text(gap: list[Unit], i: int) -> bool:
    return all(not u.is_text for u in gap[i + 1 :])


def _split_runs_by_topic(
    units: list[Unit], runs: list[tuple[int, int]]
) -> list[tuple[int, int, int | None]]:
    """Split a run at a headline-like line where the text before and after it share no
    topic: a second article printed with nothing but its headline in between.

    Returns (first, last, headline index) per run; the index is set for runs that start at
    such a split, None for runs found by :func:`find_runs`.
    """
    out: list[tuple[int, int, int | None]] = []
    for first, last in runs:
        start, head = first, None
        cands = [
            k
            for k in range(first + 1, last)
            if units[k].titlelike and not units[k].good and not units[k].dup
        ]
        for k, nxt in zip(cands, [*cands[1:], last + 1], strict=False):
            before = " ".join(u.text for u in units[start:k] if u.is_text and not u.dup)
            after = " ".join(u.text for u in units[k + 1 : nxt] if u.is_text and not u.dup)
            if (
                len(before.split()) >= SECOND_ARTICLE_MIN_WORDS
                and len(after.split()) >= SECOND_ARTICLE_MIN_WORDS
                and not same_topic(before, after)
            ):
                out.append((start, _last_good(units, start, k), head))
                start, head = _first_good(units, k + 1, last), k
        out.append((start, last, head))
    return out


def _last_good(units: list[Unit], start: int, stop: int) -> int:
    return max(i for i in range(start, stop) if units[i].good)


def _first_good(units: list[Unit], start: int, stop: int) -> int:
    return min(i for i in range(start, stop + 1) if units[i].good)


def _starts_article(gap: list[Unit], head: Unit | None, words: int) -> bool:
    """Whether a run after the first is a new article rather than more of the last one.

    It needs a headline and some length; and when only stray short lines (no end-of-article
    marker) separated it from the previous run, its headline must come with the apparatus
    of an article start: a date, a byline, a share bar.
    """
    if head is None or words < SECOND_ARTICLE_MIN_WORDS:
        return False
    if any(u.tag in BREAK_KINDS for u in gap):
        return True
    after = gap[gap.index(head) + 1 :]
    return any(u.tag in ("date", "byline", "end", "inline") for u in after)


def extract_text_page(raw: str) -> TextPage:
    """Split a scraped text page into its articles."""
    lines = tag_lines(split_lines(raw))
    units = build_units(lines)
    runs = find_runs(units)
    articles: list[TextArticle] = []
    prev_end = 0
    page_date: Unit | None = None
    split = _split_runs_by_topic(units, runs)
    for n, (first, last, split_head) in enumerate(split):
        stop = len(units) if n + 1 == len(split) else (split[n + 1][2] or split[n + 1][0])
        body, run_end = _body_paragraphs(units, first, last, stop)
        body_norms = {u.norm for u in units[first : last + 1] if u.is_text}
        gap = units[prev_end:first]
        if split_head is not None:
            head, sub = units[split_head], None
        else:
            head, sub = _header(gap, body_norms)
        words = sum(u.words for u in body)
        if articles and split_head is None and not _starts_article(gap, head, words):
            if words >= MERGE_MIN_WORDS:
                carried = [u for u in gap if u.is_text and not u.dup and u.words >= 3]
                articles[-1].paragraphs.extend(u.text for u in [*carried, *body])
                articles[-1].units.extend([*carried, *body])
            prev_end = run_end
            continue
        published = None
        head_pos = gap.index(head) if head in gap else len(gap)
        dates_before = [u for u in gap[:head_pos] if u.tag == "date"]
        dates_after = [u for u in gap[head_pos:] if u.tag in ("date", "dateline")]
        if dates_after:
            published = dates_after[0]
        if not articles and dates_before:
            page_date = dates_before[0]
        articles.append(TextArticle([u.text for u in body], head, sub, published, body))
        prev_end = run_end
    if page_date is None and articles:
        stray = [u for u in units if u.tag == "date" and u is not articles[0].published]
        page_date = stray[0] if stray else None
    return TextPage(articles, page_date, units)
