"""Time stage: every temporal expression in a document, normalized (docs/timex.md).

Also dates the document itself: ``published`` and ``page_date`` get their normalized value;
a page header printing both a Gregorian and a Hijri date is checked for agreement; and a page
whose header date is far from every date its text speaks of is flagged as a possible
republication, in which case the header is not used to resolve "أمس" or "الأحد".
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from rasid.document import Document, Found
from rasid.pipeline import stage
from rasid.stages.time.finder import find_timexes
from rasid.stages.time.model import Timex

__all__ = ["Timex", "find_timexes", "time_stage"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
REPUBLICATION_GAP = timedelta(days=365)
LEAD_PARAGRAPHS = 2
MAX_CHARS = 1_000_000  # no news article is longer; a bigger "page" is a dump, not an article
HIJRI_TOLERANCE = timedelta(days=2)  # Umm al-Qura vs. sighting differ by a day or two


def parse_found_date(found: Found | None) -> tuple[date | None, list[Timex]]:
    """The date a published/page-date string stands for, and the expressions in it."""
    if found is None or not found.value.strip():
        return None, []
    raw = found.value.strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date(), []
    except ValueError:
        pass
    timexes = find_timexes(raw)
    for tx in timexes:
        day = as_day(tx.value) if tx.type == "date" else None
        if day is not None:
            return day, timexes
    return None, timexes


def as_day(value: str | None) -> date | None:
    """The day an ISO value names exactly ("2024-05-12"), else None ("2024-05", "XXXX-…")."""
    if not value or not _DAY.fullmatch(value):
        return None
    return date.fromisoformat(value)


def _calendar_disagreement(timexes: list[Timex]) -> str | None:
    """A header with a Gregorian and a Hijri day that are not the same day."""
    greg = [tx for tx in timexes if tx.calendar == "gregorian" and _is_day(tx)]
    hijri = [tx for tx in timexes if tx.calendar == "hijri" and _is_day(tx)]
    if not greg or not hijri:
        return None
    g, h = as_day(greg[0].value), as_day(hijri[0].value)
    assert g is not None and h is not None
    if abs(g - h) > HIJRI_TOLERANCE:
        return f"the header's Gregorian date {g} and Hijri date {hijri[0].text} ({h}) disagree"
    return None


def _is_day(tx: Timex) -> bool:
    return as_day(tx.value) is not None


def _absolute_days(timexes: list[Timex]) -> list[date]:
    """Dates the text states outright (with their year), to compare with the page date."""
    out = []
    for tx in timexes:
        if tx.anchored or not tx.value or tx.type not in ("date", "interval"):
            continue
        head = tx.value.split("/")[0]
        if len(head) >= 4 and head[:4].isdigit():
            year = int(head[:4])
            month = int(head[5:7]) if len(head) >= 7 else 7
            day = int(head[8:10]) if len(head) >= 10 else 1
            out.append(date(year, month, day))
    return out


def _stale(page_day: date, timexes: list[Timex]) -> bool:
    days = _absolute_days(timexes)
    return bool(days) and all(abs(d - page_day) > REPUBLICATION_GAP for d in days)


def _lead_date(doc: Document) -> date | None:
    """With no metadata and no header, the first full date in the opening paragraphs ("ذكرت
    صحيفة …، الأحد 1 مارس/آذار 2020، أن …") dates the report; it becomes ``published``, with
    method "lead-date" so nobody mistakes it for metadata."""
    paras = doc.paragraphs[:LEAD_PARAGRAPHS]
    lead_end = paras[-1].end if paras else min(len(doc.clean_text), 600)
    for tx in find_timexes(doc.clean_text[:lead_end]):
        if tx.type == "date" and _is_day(tx) and not tx.anchored:
            day = as_day(tx.value)
            assert day is not None
            doc.published = Found(tx.text, "lead-date", "clean", tx.start, tx.end, day.isoformat())
            return day
    return None


def _find(doc: Document, anchor: date | None) -> list[Timex]:
    """Expressions paragraph by paragraph (none runs across paragraphs), offsets into the text.

    Per paragraph, the trigger check skips the patterns a paragraph cannot match, which is
    faster than scanning a whole article with every pattern. Only the first
    :data:`MAX_CHARS` characters are searched, so a runaway "page" of many megabytes costs no
    more than a long article.
    """
    blocks = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.clean_text))]
    out: list[Timex] = []
    for start, end in blocks:
        if start >= MAX_CHARS:
            doc.warnings.append(
                f"time stage: only the first {start:,} characters were searched for dates"
            )
            break
        for tx in find_timexes(doc.clean_text[start:end], anchor):
            tx.start += start
            tx.end += start
            out.append(tx)
    return out


def _spans(doc: Document, timexes: list[Timex], anchor_source: str | None) -> None:
    doc.spans["timex"] = []
    for tx in timexes:
        attrs = tx.to_dict()
        for key in ("start", "end", "text"):
            attrs.pop(key)
        attrs["anchor_source"] = anchor_source if tx.anchored and tx.anchor else None
        doc.add_span("timex", tx.start, tx.end, tx.type, **attrs)


@stage("time", requires={"clean_text"}, provides={"timex", "published_value"})
def time_stage(doc: Document) -> Document:
    published, _ = parse_found_date(doc.published)
    page_day, header_timexes = parse_found_date(doc.page_date)
    if doc.published is not None and published is not None:
        doc.published.normalized = published.isoformat()
    if doc.page_date is not None and page_day is not None:
        doc.page_date.normalized = page_day.isoformat()
    mismatch = _calendar_disagreement(header_timexes)
    if mismatch:
        doc.flags.append("hijri_gregorian_mismatch")
        doc.warnings.append(mismatch)

    if published is None and page_day is None:
        published = _lead_date(doc)
    anchor, source = (published, "published") if published else (page_day, "page_date")
    timexes = _find(doc, anchor)
    if page_day is not None and _stale(page_day, timexes):
        doc.flags.append("possible_republication")
        doc.warnings.append(
            f"the page date {page_day} is more than a year from every date the article "
            "speaks of: possibly republished; relative dates are not resolved against it"
        )
        if source == "page_date":
            anchor, source = None, None
            timexes = _find(doc, None)
    _spans(doc, timexes, source if anchor else None)
    return doc
