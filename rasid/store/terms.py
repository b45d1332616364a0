"""Search terms: how text is cut into the tokens the full-text index stores and queries use.

Arabic glues conjunctions, prepositions and the article onto the next word: the name حفتر
appears as لحفتر, وحفتر, بحفتر; حكومة as الحكومة, والحكومة, للحكومة. A plain word index
would miss all of those. Rather than run a stemmer (rasid must stay offline and predictable),
every indexed token is also indexed without each leading clitic it may carry, as long as a
real word (at least :data:`MIN_STEM` letters) is left. Queries strip only the article forms,
so "الحكومة" finds "حكومة" while "ولاية" does not turn into a search for "آية".

Everything here works on :func:`rasid.normalize.normalize_arabic` forms, the same folding used
everywhere else in rasid, so hamza, alef, ya, ta marbuta, diacritics and tatweel never matter.
"""

from __future__ import annotations

import re

from rasid.normalize import normalize_arabic

#: Shortest remainder kept when a clitic is stripped; shorter ones are mostly noise (بلد → لد).
MIN_STEM = 3

#: The definite article with the particles that can precede it (normalized spelling).
#: ل + ال is written لل, so للحكومة is "to the government".
ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال")

#: Every leading clitic stripped when indexing: particles alone and in combination, and the
#: article forms above.
INDEX_PREFIXES = (
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "فك",
    *ARTICLE_PREFIXES,
)

# Letters and digits; underscore is not a word character for SQLite's tokenizer either.
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Normalized word tokens of ``text``, in order."""
    return _TOKEN.findall(normalize_arabic(text))


def clitic_variants(token: str, prefixes: tuple[str, ...] = INDEX_PREFIXES) -> list[str]:
    """Forms of a normalized ``token`` with one leading clitic removed.

    Each prefix in ``prefixes`` that the token starts with yields the remainder, if it keeps
    at least :data:`MIN_STEM` letters. Only one clitic group is removed (the combined forms
    such as وال are listed as prefixes), so roots that begin with و or ل are cut at most once
    or twice, never peeled letter by letter. The token itself is not included.
    """
    out: list[str] = []
    for prefix in prefixes:
        rest = token[len(prefix) :]
        if token.startswith(prefix) and len(rest) >= MIN_STEM and rest not in out:
            out.append(rest)
    return out


def query_variants(token: str) -> list[str]:
    """A query token and its article-stripped forms, in that order."""
    return [token, *clitic_variants(token, ARTICLE_PREFIXES)]


def index_text(text: str) -> tuple[str, str]:
    """What the index stores for ``text``: (normalized tokens, their clitic-stripped forms).

    Both are space-joined so the database tokenizer splits them exactly as :func:`tokens` did.
    The first keeps word order (phrase queries use it); the second is a bag of variants.
    """
    toks = tokens(text)
    variants: dict[str, None] = {}
    for tok in toks:
        for variant in clitic_variants(tok):
            variants[variant] = None
    return " ".join(toks), " ".join(variants)
