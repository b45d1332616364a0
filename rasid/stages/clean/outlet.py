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
from rasid.stages.clean.lines import is_date_line
from rasid.stages.clean.rules import chrome_rules, norm_line

_MEDIA_WORDS = (
    "جريدة|صحيفة|موقع|بوابة|وكالة|مجلة|قناة|شبكة|إذاعة|اذاعة|راديو|تلفزيون|"
    "يومية|أسبوعية|اسبوعية|منصة|مؤسسة"
)
_YEAR = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
_RIGHTS = (
    r"(?:جميع|كل|كافة)\s+(?:الحقوق|حقوق\s+(?:النشر|الطبع))\s+محفوظة"
    r"|(?:حقوق\s+(?:النشر|الطبع)|الحقوق)\s+محفوظة"
    r"|all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s"
)
_RIGHTS_RX = re.compile(_RIGHTS, re.IGNORECASE)
_COPY_NOISE = re.compile(
    rf"©|\(c\)|copyright|حقوق\s+(?:النشر|الطبع)|{_YEAR}|^\s*[-–—:|]+|[-–—:|]+\s*$",
    re.IGNORECASE,
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_PIECES = re.compile(r"\s[-–—|]\s|[.|،,]")
_FILLER = re.compile(r"^(?:جميع|كل|كافة|الحقوق|حقوق|محفوظة|©)(?:\s|$)")
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
    """The name in a copyright line: after or before "جميع الحقوق محفوظة", or beside ©."""
    line = " ".join(line.split())
    m = _RIGHTS_RX.search(line)
    if m:
        after, before = _after_lam(line[m.end() :]), line[: m.start()]
    elif "©" in line or "(c)" in line.lower():
        before, _, after = line.replace("(c)", "©").replace("(C)", "©").partition("©")
    else:
        return None
    # the name is the piece nearest the © or the rights phrase
    pieces_after = [p for p in _PIECES.split(_COPY_NOISE.sub(" ", after)) if _HAS_LETTER.search(p)]
    pieces_before = [
        p for p in _PIECES.split(_COPY_NOISE.sub(" ", before)) if _HAS_LETTER.search(p)
    ]
    pieces_before.reverse()
    for cand in (*pieces_after[:1], *pieces_before[:1]):
        name = _clean_name(cand)
        if name and not _FILLER.match(name) and _HAS_LETTER.search(name):
            return name
    return None


def _after_lam(rest: str) -> str:
    """ "محفوظة لـ X" / "لصالح X" / "للساحل" (= ل + الساحل) / "- X": the X."""
    rest = rest.strip(" -–—:|")
    for lead in ("لصالح ", "لدى ", "لـ", "ل "):
        if rest.startswith(lead):
            return rest[len(lead) :]
    if rest.startswith("لل"):
        return "ا" + rest[1:]
    if rest.startswith("ل") and rest.split() and len(rest.split()[0]) > 3:
        return rest[1:]
    return rest


def outlet_from_masthead(line: str) -> str | None:
    text = " ".join(line.split()).strip(_TRAIL)
    return text if _MASTHEAD.match(text) else None


_MEDIA_ADJECTIVE = re.compile(
    r"(?:الإلكترونية|الالكترونية|الإلكتروني|الالكتروني|الإخبارية|الاخبارية|الإخباري|"
    r"نيوز|أونلاين|اونلاين|أون لاين|بوست|تايمز|اليومية|الأسبوعية)$"
)


def looks_like_masthead(line: str) -> bool:
    """A site's name line: "صحيفة اليوم الإلكترونية", "جريدة الوئام - لبنان"."""
    text = " ".join(line.split()).strip(_TRAIL)
    head = re.split(r"\s[-–|]\s", text)[0]
    if len(head.split()) > 5:
        return False
    return bool(_MASTHEAD.match(head) or _MEDIA_ADJECTIVE.search(head))


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


def outlet_from_top_line(lines: list[str], headline: str | None) -> str | None:
    """A short name heading the page that the page names again elsewhere.

    Mastheads rarely say "صحيفة"; what gives them away is that the page repeats them: in a
    source label ("المصدر: المنارة"), a dateline ("لندن - الضفتين:"), a photo credit.
    """
    head = normalize_arabic(headline or "")
    for i, line in enumerate(lines[:3]):
        norm = norm_line(line)
        words = norm.split()
        if not 1 <= len(words) <= 3 or norm == head or not _HAS_LETTER.search(norm):
            continue
        if chrome_rules().kind(norm, len(words)) or is_date_line(norm):
            continue
        rest = " " + " ".join(norm_line(x) for x in lines[i + 1 :]) + " "
        if re.search(rf"(?<![^\W\d_]){re.escape(norm)}(?![^\W\d_])", rest):
            return line.strip(_TRAIL)
    return None


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
    name = outlet_from_top_line(lines, headline)
    return (name, "masthead-repeated") if name else None
