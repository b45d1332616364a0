"""The trigger lexicon (``rasid/data/event_triggers.tsv``) and how a word is looked up in it.

Why stems: Arabic glues conjunctions, prepositions, the article, the future prefix and object
pronouns onto the word, and inflects it for person and number (وسيلتقيان، بزيارته، لقاءين).
The lexicon lists each trigger once in its bare form; :func:`stems` peels the affixes off a
normalized word in every plausible way and :func:`lookup` keeps the longest entry found, so
the data stays one line per trigger and the code holds no Arabic word lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rasid.normalize import normalize_arabic

_CONJ = ("", "و", "ف")
_PROCLITICS = ("", "س", "ب", "ل", "ك", "ال", "بال", "لل", "كال", "ول")
_PRONOUNS = ("", "ه", "ها", "هما", "هم", "هن", "نا", "كم", "ني")
_ENDINGS = (
    "",
    "ت",
    "تا",
    "تما",
    "وا",
    "ا",
    "ن",
    "ات",
    "ين",
    "ون",
    "ان",
    "تين",
    "تان",
    "يا",
    "ي",
    "تم",
)
_IMPERFECT = ("ت", "ن", "ا")
_FEMININE_PLURAL = ("ات", "تين", "تان")
_WEAK_ENDINGS = ("ت", "تا", "وا", "ن")
_NISBA = ("ي", "يا")  # a verb's stem + ي is a noun or adjective (شكري، سوريا), never the verb
_NOMINAL_PROCLITICS = ("ب", "ك", "ال", "بال", "لل", "كال")
_VERBS = ("verb", "lightverb")
MIN_STEM = 2


@dataclass(frozen=True)
class Entry:
    """One row of the lexicon; ``form`` is normalized."""

    form: str
    pos: str  # verb | noun | light | lightverb | name (no act: فيصل is not ف + يصل)
    type: str
    mode: str | None
    target: tuple[str, ...]  # "obj" and/or normalized prepositions
    cond: str | None  # None | "neg" | "place"
    after: frozenset[str] = frozenset()  # a word that must follow it (منح … الثقة)
    before: frozenset[str] = frozenset()  # a word that must precede it (حق النقض)
    not_after: frozenset[str] = frozenset()  # no such word right after (تقدم بطلب)
    not_before: frozenset[str] = frozenset()  # not this word right before (من أصل)
    not_in_clause: frozenset[str] = frozenset()  # no such word after it (وصل … في زيارة)
    in_clause: frozenset[str] = frozenset()  # a word anywhere after it (وافق … على قرض)
    not_near_before: frozenset[str] = frozenset()  # none a few words before (دفعت الدولة ثمن)

    @property
    def contextual(self) -> bool:
        return bool(self.after or self.before or self.in_clause)


@dataclass(frozen=True)
class Match:
    """A word read as a lexicon entry; ``future`` when it carried the prefix س."""

    entry: Entry
    future: bool


def _context(field: str) -> dict[str, frozenset[str]]:
    """``+الثقة|ثقه`` a word after, ``++قرض`` one anywhere after it in its clause, ``<حق`` a
    word before, ``!طلب`` no such word after,
    ``!!زياره`` none anywhere after it in its clause, ``<!من`` not that word right before,
    ``<!!دفع`` none a few words before it in its clause; space-separated."""
    keys = ("<!!", "<!", "!!", "++", "+", "<", "!")
    out: dict[str, set[str]] = {k: set() for k in keys}
    for part in field.split():
        if part == "-":
            continue
        key = next(k for k in keys if part.startswith(k))
        out[key].update(normalize_arabic(w) for w in part[len(key) :].split("|"))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def load_entries() -> dict[str, tuple[Entry, ...]]:
    """Normalized form → its entries: those that need a context word first, the plain one
    last (وصل is a visit, but MOBILIZE after تعزيزات)."""
    text = resources.files("rasid.data").joinpath("event_triggers.tsv").read_text("utf-8")
    out: dict[str, list[Entry]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, pos, typ, mode, target, cond, *context = line.split("\t")
        if pos in ("frame", "list"):
            continue
        norm = normalize_arabic(form)
        targets = tuple(
            t if t == "obj" else normalize_arabic(t) for t in target.split("|") if t != "-"
        )
        ctx = _context(context[0] if context else "-")
        entry = Entry(norm, pos, typ, None if mode == "-" else mode, targets,
                      None if cond == "-" else cond, ctx["+"], ctx["<"], ctx["!"], ctx["<!"],
                      ctx["!!"], ctx["++"], ctx["<!!"])  # fmt: skip
        out.setdefault(norm, []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: not e.contextual)) for k, v in out.items()}


@cache
def function_rows(pos: str) -> frozenset[str]:
    """Normalized forms of the rows of ``pos`` that are not triggers: ``frame`` (a definite
    noun after it is the frame of the report: خلال الاتصال، بعد اللقاء), ``list`` (the
    places after it are the stops of a tour: جولة شملت أوغندا وإثيوبيا)."""
    text = resources.files("rasid.data").joinpath("event_triggers.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset(normalize_arabic(r[0]) for r in rows if len(r) > 1 and r[1] == pos)


def frame_words() -> frozenset[str]:
    return function_rows("frame")


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, Entry]:
    """Normalized form → its plain entry (the reading that needs no context word)."""
    return {
        form: entries[-1] for form, entries in load_entries().items() if not entries[-1].contextual
    }


def _cuts(word: str, affixes: tuple[str, ...], front: bool) -> list[tuple[str, str]]:
    out = []
    for a in affixes:
        if front and word.startswith(a) and len(word) - len(a) >= MIN_STEM:
            out.append((a, word[len(a) :]))
        elif not front and word.endswith(a) and len(word) - len(a) >= MIN_STEM:
            out.append((a, word[: len(word) - len(a)] if a else word))
    return out


@lru_cache(maxsize=100_000)
def stems(norm: str) -> tuple[tuple[str, bool, bool], ...]:
    """Every (stem, future, verbal) reading of a normalized word: affixes peeled in plausible
    ways; ``verbal`` when some reading could be a verb's.

    A stem ending in ت once a pronoun is cut was a ة (زيارته → زياره), one ending in ئ/ؤ a
    ء (لقائه → لقاء); an imperfect verb's
    ت/ن/ا prefix is also read as ي, the form the lexicon lists (تلتقي، نلتقي → يلتقي). A verb
    never takes the article, ب or ك, a noun's plural or dual ending or a ة, and after ل only
    in the imperfect (ليلتقي), nor ي after its stem: so "الحضرية" is not حضر, "توقعات" not
    وقع, "لطلبة" not طلب, "شكري" not شكر; the
    one nominal reading kept is ب + a verbal noun spelled like the verb (بطلب من، بنشر قوات).
    """
    seen: dict[str, tuple[bool, bool]] = {}
    for _c, rest in _cuts(norm, _CONJ, True):
        for pro, core in _cuts(rest, _PROCLITICS, True):
            future = pro == "س"
            nominal_prefix = pro in _NOMINAL_PROCLITICS
            for pron, body in _cuts(core, _PRONOUNS, False):
                bodies = [(body, False)]
                if pron and body.endswith("ت"):
                    bodies.append((body[:-1] + "ه", True))
                if pron and body.endswith(("ي", "و")):  # لقائه، لقاؤه → لقاء
                    bodies.append((body[:-1] + "ء", True))
                for b, was_ta in bodies:
                    for end, stem in _cuts(b, _ENDINGS, False):
                        if pron == "ه" and end in _NISBA:
                            continue  # التدريبية، الهجومية: an adjective in ية, not a pronoun
                        nominal = (
                            nominal_prefix or was_ta or end in _FEMININE_PLURAL or end in _NISBA
                        )
                        forms = [(stem, nominal)]
                        if end in _FEMININE_PLURAL:  # غارات → غاره
                            forms.append((stem + "ه", True))
                        if end in _WEAK_ENDINGS:  # أجرت → أجرى، دعت → دعا
                            forms += [(stem + "ي", nominal), (stem + "ا", nominal)]
                        if stem[:1] in _IMPERFECT and not nominal:
                            forms.append(("ي" + stem[1:], nominal))
                        for s, noun_only in forms:
                            verbal = not noun_only and (
                                pro not in ("ل", "ول") or s[:1] in ("ي", *_IMPERFECT)
                            )
                            # بطلب من، بنشر قوات: the verbal noun spelled like the verb
                            verbal |= pro == "ب" and not pron and not end and s == stem
                            was_future, was_verbal = seen.get(s, (False, False))
                            seen[s] = (was_future or future, was_verbal or verbal)
    return tuple((s, f, v) for s, (f, v) in seen.items())


@lru_cache(maxsize=100_000)
def candidates(norm: str) -> tuple[Match, ...]:
    """Every reading of the word as a lexicon entry, longest form first, contextual readings
    before plain ones (تبنيها is تبنى or يبني+ها: both are tried; توجه … إلى is a visit before
    it is يوجه, the plain light verb)."""
    lex = load_entries()
    found: list[tuple[int, bool, int, Match]] = []
    for stem, future, verbal in stems(norm):
        for rank, e in enumerate(lex.get(stem, ())):
            if verbal or e.pos != "verb":  # a light verb's verbal noun carries it (لشن هجمات)
                found.append(
                    (-len(stem), not e.contextual, rank, Match(e, future and e.pos in _VERBS))
                )
    found.sort(key=lambda t: t[:3])  # of two stems as long, any contextual reading first
    return tuple(m for *_k, m in found)


@lru_cache(maxsize=100_000)
def lookup(norm: str) -> Match | None:
    """The longest lexicon entry the word can be read as without context, or None."""
    lex = load_lexicon()
    best: Match | None = None
    for stem, future, verbal in stems(norm):
        entry = lex.get(stem)
        if entry and entry.pos in _VERBS and not verbal:
            continue
        if entry and (best is None or len(entry.form) > len(best.entry.form)):
            best = Match(entry, future and entry.pos in _VERBS)
    return None if best is not None and best.entry.pos == "name" else best


@lru_cache(maxsize=100_000)
def bare_forms(norm: str) -> frozenset[str]:
    """The stems a word can be read as (a context word matches any of them)."""
    return frozenset(s for s, _f, _v in stems(norm)) | {norm}
