"""Find the outlet that published a page from what the page itself prints.

Sources, most trusted first: a copyright line ("© 2024 جريدة الغد. جميع الحقوق محفوظة"),
the page title's suffix ("headline | بوابة الوسط"), a masthead line near the top
("صحيفة المرصد"), a byline dateline naming a medium ("القاهرة - بوابة الوفاق").
No outlet is better than a wrong one, so anything else — the agency in a
dateline, a "المصدر:" label naming another outlet — is not used.
"""

from __future__ import annotations

import re

from rasid.normalize import normalize_arabic

_MEDIA_WORDS = (
    "جريدة|صحيفة|موقع|بوابة|وكالة|مجلة|قناة|شبكة|إذاعة|اذاعة|راديو|تلفزيون|"
    "يومية|أسبوعية|اسبوعية|منصة|مؤسسة"
)
_YEAR = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
_RIGHTS = (
    r"(?:جميع|كل|كافة)\s+(?:الحقوق|حقوق\s+(?:النشر|الطبع))\s+محفوظة"
    r"|(?:حقوق\s+(?:النشر|الطبع)|الحقوق)\s+محفوظة"
    r"|all\s+rights\s+reserved"
)
_COPY_BEFORE = re.compile(
    rf"(?:©|\(c\)|copyright|حقوق النشر)\s*(?:{_YEAR})?\s*[-–:]?\s*(?P<name>[^.|,،©]+?)\s*"
    rf"[.|,،-]?\s*(?:{_RIGHTS})",
    re.IGNORECASE,
)
_RIGHTS_RX = re.compile(_RIGHTS, re.IGNORECASE)
_FILLER = re.compile(r"^(?:جميع|كل|كافة|الحقوق|حقوق|محفوظة|©)(?:\s|$)")
_COPY_ONLY = re.compile(rf"^\s*(?:©|\(c\))\s*(?:{_YEAR})?\s*(?P<name>[^.|,،©\d]+?)\s*\.?\s*$")
_MASTHEAD = re.compile(rf"^(?:{_MEDIA_WORDS})\s+\S+(?:\s+\S+){{0,3}}$")
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_LATIN_ONLY = re.compile(r"^[\sA-Za-z0-9.&'-]+$")
_TRAIL = " .،,:-–—|*"


def _clean_name(name: str) -> str | None:
    name = re.split(r"[.|,،©]|\s(?:19|20)\d{2}\b", name)[0].strip(_TRAIL)
    name = re.sub(rf"^(?:{_YEAR})\s*", "", name).strip(_TRAIL)
    words = name.split()
    if not words or len(words) > 6 or name.isdigit():
        return None
    return name


def outlet_from_copyright(line: str) -> str | None:
    """The name in a copyright line, before or after "جميع الحقوق محفوظة"."""
    m = _RIGHTS_RX.search(line)
    if m:
        name = _clean_name(_after_lam(line[m.end() :]))
        if name and not _FILLER.match(name):
            return name
    for rx in (_COPY_BEFORE, _COPY_ONLY):
        m = rx.search(line)
        if m:
            name = _clean_name(m.group("name"))
            if name and not _FILLER.match(name):
                return name
    return None


def _after_lam(rest: str) -> str:
    """ "محفوظة لـ X" / "لصالح X" / "للساحل" (= ل + الساحل): the X."""
    rest = rest.strip()
    for lead in ("لصالح ", "لدى ", "لـ", "ل "):
        if rest.startswith(lead):
            return rest[len(lead) :]
    if rest.startswith("لل"):
        return "ا" + rest[1:]
    if rest.startswith("ل") and len(rest.split()[0]) > 3:
        return rest[1:]
    return "" if not rest.startswith("©") else rest[1:]


def outlet_from_masthead(line: str) -> str | None:
    text = " ".join(line.split()).strip(_TRAIL)
    return text if _MASTHEAD.match(text) else None


def outlet_from_title(title_line: str, headline: str) -> str | None:
    """The site name a page title adds to the headline: "headline | Outlet"."""
    parts = [p.strip() for p in _TITLE_SEP.split(title_line) if p.strip()]
    if len(parts) < 2:
        return None
    head_norm = normalize_arabic(headline)
    rest = [p for p in parts if normalize_arabic(p) != head_norm]
    if len(rest) != len(parts) - 1:
        return None
    name = rest[-1]
    return _clean_name(name) if len(name.split()) <= 5 else None


_DATELINE_OUTLET = re.compile(
    rf"^[^\s-]+(?:\s[^\s-]+)?\s*[-–]\s*(?P<name>(?:{_MEDIA_WORDS})\s+\S+(?:\s+\S+){{0,2}})\s*:?$"
)


def outlet_from_dateline(line: str) -> str | None:
    """ "القاهرة - بوابة الوفاق": a city, a dash, and a name that says it is a medium."""
    m = _DATELINE_OUTLET.match(" ".join(line.split()))
    return m.group("name").strip(_TRAIL) if m else None


def find_outlet(lines: list[str], headline: str | None, top: int = 25) -> tuple[str, str] | None:
    """(outlet, method) from the page's own lines, or None."""
    for line in reversed(lines):
        if "©" in line or "محفوظة" in line or "reserved" in line.lower():
            name = outlet_from_copyright(line)
            if name:
                return name, "copyright"
    if headline:
        for line in lines[:top]:
            name = outlet_from_title(line, headline)
            if name:
                return name, "title-suffix"
    for line in lines[:top]:
        name = outlet_from_masthead(line)
        if name and not _LATIN_ONLY.match(name):
            return name, "masthead"
    for line in lines[: top * 2]:
        name = outlet_from_dateline(line)
        if name:
            return name, "dateline"
    return None
