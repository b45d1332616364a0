"""Load the chrome and date rules kept as data in ``rasid/data`` and compile them once.

Rules change far more often than logic (every new site template adds a phrase), so they live
in TSV files that anyone can extend without reading the classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasid.normalize import fold_letters, normalize_arabic

PREFIX_MAX_WORDS = 14
CONTAINS_MAX_WORDS = 30
REGEX_MAX_WORDS = 40


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("rasid.data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def norm_line(text: str) -> str:
    """Comparison form of a line: the shared normalization, punctuation-tolerant ends."""
    return normalize_arabic(text).strip(" \t-–—_•·|:：*")


@dataclass(frozen=True)
class ChromeRules:
    exact: dict[str, str]
    prefix: list[tuple[str, str]]
    lead: list[tuple[str, str]]
    contains: list[tuple[str, str]]
    anchored: re.Pattern[str] | None
    floating: list[tuple[str, re.Pattern[str]]]
    regex_kinds: dict[str, str]
    prefixes: tuple[str, ...] = ()

    def kind(self, norm: str, n_words: int) -> str | None:
        """The chrome kind of a normalized line, or None when it is not chrome."""
        hit = self.exact.get(norm) or self.exact.get(norm.rstrip(": "))
        if hit:
            return hit
        if n_words <= PREFIX_MAX_WORDS and norm.startswith(self.prefixes):
            for phrase, kind in self.prefix:
                if norm.startswith(phrase):
                    return kind
        for phrase, kind in self.lead:
            if norm.startswith(phrase):
                return kind
        if n_words <= CONTAINS_MAX_WORDS:
            for phrase, kind in self.contains:
                if phrase in norm:
                    return kind
        if n_words > REGEX_MAX_WORDS:
            return None
        if self.anchored is not None:
            m = self.anchored.match(norm)
            if m:
                return self.regex_kinds[m.lastgroup or ""]
        for kind, rx in self.floating:
            if rx.search(norm):
                return kind
        return None


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    exact: dict[str, str] = {}
    prefix, lead, contains, regexes = [], [], [], []
    for kind, match, phrase in _data_lines("chrome.tsv"):
        if match == "regex":
            phrase = fold_letters(phrase)
            re.compile(phrase)  # fail here, naming the bad rule, rather than in the union
            regexes.append((kind, phrase))
            continue
        norm = norm_line(phrase)
        if match == "exact":
            exact.setdefault(norm, kind)
        elif match == "prefix":
            prefix.append((norm, kind))
        elif match == "lead":
            lead.append((norm, kind))
        elif match == "contains":
            contains.append((norm, kind))
        else:
            raise ValueError(f"chrome.tsv: unknown match type {match!r}")
    # Rules anchored at the line start share one union tried only at position 0, which is
    # far cheaper than searching each of them through every line.
    anchored = [(k, rx[1:]) for k, rx in regexes if rx.startswith("^")]
    floating = [(k, re.compile(rx, re.IGNORECASE)) for k, rx in regexes if not rx.startswith("^")]
    kinds = {f"r{i}": kind for i, (kind, _) in enumerate(anchored)}
    union = "|".join(f"(?P<r{i}>{rx})" for i, (_, rx) in enumerate(anchored))
    compiled = re.compile(union, re.IGNORECASE) if anchored else None
    prefixes = tuple(p for p, _ in prefix)
    return ChromeRules(exact, prefix, lead, contains, compiled, floating, kinds, prefixes)


@lru_cache(maxsize=1)
def month_names() -> dict[str, list[str]]:
    """Normalized month spellings per calendar, longest first (so two-word names win)."""
    out: dict[str, list[str]] = {"gregorian": [], "hijri": []}
    for calendar, _num, spellings in _data_lines("months.tsv"):
        out[calendar].extend(normalize_arabic(s) for s in spellings.split("|"))
    for names in out.values():
        names.sort(key=len, reverse=True)
    return out


@lru_cache(maxsize=1)
def weekday_names() -> list[str]:
    names = []
    for _num, spellings in _data_lines("weekdays.tsv"):
        names.extend(normalize_arabic(s) for s in spellings.split("|"))
    return sorted(set(names), key=len, reverse=True)


@lru_cache(maxsize=1)
def date_regex() -> re.Pattern[str]:
    """A date expression in normalized text: day month year, numeric dates, Hijri dates."""
    months = month_names()
    greg = "|".join(re.escape(m) for m in months["gregorian"])
    hijri = "|".join(re.escape(m) for m in months["hijri"])
    wd = "|".join(re.escape(w) for w in weekday_names())
    month = rf"(?:{greg})(?:\s*[/(-]\s*(?:{greg})\s*\)?)?"
    parts = [
        rf"(?:(?:{wd})\s*[,،-]?\s*)?\d{{1,2}}\s*[/-]?\s*(?:من\s+)?{month}\s*[/-]?\s*[,،]?\s*(?:\d{{4}})?",
        rf"(?:{month})\s*[,،]?\s*\d{{4}}",
        rf"\d{{1,2}}\s*(?:{hijri})\s*\d{{3,4}}\s*(?:ه|هـ)?",
        r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}",
        r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts))


@lru_cache(maxsize=1)
def date_filler_regex() -> re.Pattern[str]:
    """What may stand beside dates on a date line: weekdays, times, labels, separators."""
    wd = "|".join(re.escape(w) for w in weekday_names())
    words = (
        "الموافق|موافق|تاريخ|بتاريخ|النشر|نشر|تم|في|اخر|تحديث|التحديث|محدث|يوم|اليوم|منذ|"
        "الساعه|ساعه|صباحا|مساء|مساءا|ظهرا|ص|م|هـ|ه|gmt|utc|بتوقيت|مكه|المكرمه|غرينتش|"
        "القاهره|جرينتش|am|pm|الخبر|المقال|نشر|و|عام|سنه|ميلادي|هجري|ل|لـ"
    )
    return re.compile(
        rf"\b(?:{wd}|{words})\b|\d{{1,2}}\s*:\s*\d{{2}}(?:\s*:\s*\d{{2}})?|[\d:/.,،|\-–—()\[\]*•·+]"
    )


@lru_cache(maxsize=1)
def continuation_words() -> frozenset[str]:
    """Words after which a line break cannot be a sentence end (hard-wrap evidence)."""
    return frozenset(normalize_arabic(row[0]) for row in _data_lines("continuation_words.txt"))


@lru_cache(maxsize=1)
def agency_names() -> tuple[str, ...]:
    """Agency signatures of datelines, normalized, longest first."""
    names = {norm_line(row[0]) for row in _data_lines("agencies.txt")}
    return tuple(sorted(names, key=len, reverse=True))
