"""``report.html``: the corpus as one page a person can read, offline, in any browser.

The file stands alone (CSS inline, no fonts, scripts or images fetched) so it can be mailed
or opened on an air-gapped machine. It is right-to-left Arabic throughout; documents that are
not Arabic get ``dir="auto"`` so their own direction wins. Every value rasid found is shown
with *how* it was found, because a reader deciding whether to trust a date needs to know if
it came from page metadata or from a pattern in the text. Everything from the input is
escaped: scraped pages are untrusted.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from rasid import __version__
from rasid.document import Document, Found, Span
from rasid.normalize import normalize_arabic
from rasid.report.json_export import atomic_write, now_iso
from rasid.stages.entities.actors import headline_text

if TYPE_CHECKING:
    from rasid.run import Problem

TITLE = "تقرير راصد"
NO_HEADLINE = "(بلا عنوان)"
UNITS = {"line": "السطر", "record": "السجل"}
LANGUAGES = {"ar": "العربية", "other": "غير العربية", "und": "غير محددة"}
Trigger = tuple[int, int, str]  # start, end, title: an event trigger marked in the body


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _resource(name: str) -> str:
    return resources.files("rasid.report").joinpath(name).read_text("utf-8")


def anchor(doc: Document) -> str:
    """The fragment id of a document's card (``#doc-<id>``)."""
    return f"doc-{doc.id}"


def _is_arabic(doc: Document) -> bool:
    return doc.language in (None, "ar", "und")


def _dir(doc: Document) -> str:
    return "" if _is_arabic(doc) else ' dir="auto"'


def _isolate(value: str, ltr: bool = False) -> str:
    """``value`` bidi-isolated: a date like 2024-02-11T09:30 must not be reordered by the
    Arabic around it, nor an Arabic outlet name by the digits after it."""
    return f'<bdi dir="ltr">{_esc(value)}</bdi>' if ltr else f"<bdi>{_esc(value)}</bdi>"


def _found(found: Found | None, ltr: bool = False) -> str:
    """A found value followed by how it was found, e.g. ``2024-03-05 (عبر meta)``."""
    if found is None:
        return '<span class="none">—</span>'
    how = f'<span class="how">(عبر <code>{_esc(found.method)}</code>)</span>'
    return f"{_isolate(found.value, ltr)} {how}"


def _date(found: Found | None) -> str:
    html = _found(found, ltr=found is not None and _is_latin_date(found.value))
    if found is not None and found.normalized and found.normalized != found.value:
        html += f' <span class="iso">{_isolate(found.normalized, ltr=True)}</span>'
    return html


FLAGS = {
    "possible_republication": "قد يكون منشوراً من جديد",
    "hijri_gregorian_mismatch": "التاريخان الهجري والميلادي لا يتفقان",
}


def _timex_title(span: Span) -> str:
    value = span.attrs.get("value") or span.attrs.get("reason") or "غير محدد"
    if span.attrs.get("relative") and not span.attrs.get("value"):
        value = f"نسبي: {span.attrs['relative']}"
    mod = f" ({span.attrs['mod']})" if span.attrs.get("mod") else ""
    return f"{span.label}: {value}{mod}"


TYPES = {
    "PER": "شخص",
    "ORG": "هيئة",
    "LOC": "مكان",
    "FAC": "منشأة",
    "EVENT": "حدث",
    "LAW": "قرار/اتفاق",
}


def actor_anchor(actor_id: str) -> str:
    return f"actor-{actor_id}"


def _entity_title(span: Span, names: dict[str, str]) -> str:
    kind = span.attrs.get("type", span.label)
    parts = [f"{TYPES.get(kind, kind)}: {names.get(span.attrs.get('actor', ''), span.text)}"]
    for key, label in (("role", "الصفة"), ("epithet", "الوصف")):
        if span.attrs.get(key):
            parts.append(f"{label}: {span.attrs[key]}")
    return " · ".join(parts)


def _highlighted(
    doc: Document,
    start: int,
    end: int,
    names: dict[str, str] | None = None,
    triggers: Sequence[Trigger] = (),
) -> str:
    """The text of [start, end) with its dates and names marked, each titled with what it is.

    Names link to their row in the corpus actor table. Where a date and a name overlap (a
    resolution number that reads as a year) the one that starts first wins. Event
    ``triggers`` are marked inside whatever they fall in (see :func:`_marked`).
    """
    names = names if names is not None else {a.id: a.name for a in doc.actors}
    marks = [("date", s) for s in doc.spans.get("timex", [])]
    marks += [("ent", s) for s in doc.spans.get("entities", [])]
    return _marked(doc.clean_text, start, end, marks, names, triggers)


def _marked(
    text: str,
    start: int,
    end: int,
    marks: list[tuple[str, Span]],
    names: dict[str, str],
    triggers: Sequence[Trigger] = (),
) -> str:
    """``text[start:end]`` escaped, with ``marks`` and ``triggers`` as elements.

    Dates and names never nest (a name link inside a name link is not HTML): one that starts
    inside the previous mark is dropped. Triggers are an inner layer instead: a trigger that
    crosses the edge of a name or date is cut at that edge into two ``<mark>`` elements, so every
    element closes where it opened whatever the spans overlap.
    """
    marks = sorted(marks, key=lambda m: (m[1].start, -m[1].end))
    out, pos = [], start
    for kind, span in marks:
        if span.start < pos or span.start < start or span.end > end:
            continue
        out.append(_triggered(text, pos, span.start, triggers))
        shown = _triggered(text, span.start, span.end, triggers, span.text)
        if kind == "date":
            title = _esc(_timex_title(span))
            out.append(f'<mark class="date" title="{title}">{shown}</mark>')
        else:
            title = _esc(_entity_title(span, names))
            actor = _esc(actor_anchor(span.attrs.get("actor", "")))
            label = _esc(span.attrs.get("type", span.label))
            out.append(f'<a class="ent ent-{label}" href="#{actor}" title="{title}">{shown}</a>')
        pos = span.end
    out.append(_triggered(text, pos, end, triggers))
    return "".join(out).replace("\n", "<br>")


def _triggered(
    text: str, start: int, end: int, triggers: Sequence[Trigger], shown: str | None = None
) -> str:
    """``text[start:end]`` escaped with the parts inside event triggers marked.

    ``triggers`` are disjoint and sorted (:func:`_triggers`). Without a trigger in range
    this is ``shown`` (a mark's own text) escaped, exactly what the report printed before.
    """
    out, pos = [], start
    for t_start, t_end, title in triggers:
        t_start, t_end = max(t_start, pos), min(t_end, end)
        if t_start >= t_end:
            continue
        out.append(_esc(text[pos:t_start]))
        out.append(
            f'<mark class="trigger" title="{_esc(title)}">{_esc(text[t_start:t_end])}</mark>'
        )
        pos = t_end
    if not out:
        return _esc(text[start:end] if shown is None else shown)
    out.append(_esc(text[pos:end]))
    return "".join(out)


def _actors_list(doc: Document) -> str:
    """The document's actors: name, type, mentions, and the words it used for them."""
    if not doc.actors:
        return ""
    rows = []
    for actor in sorted(doc.actors, key=lambda a: (-a.mentions, a.type, a.name)):
        roles = (
            f' <span class="roles">({_esc("، ".join(actor.roles))})</span>' if actor.roles else ""
        )
        rows.append(
            f'<li><a href="#{_esc(actor_anchor(actor.id))}"><bdi>{_esc(actor.name)}</bdi></a> '
            f'<span class="type t-{_esc(actor.type)}">{_esc(TYPES.get(actor.type, actor.type))}'
            f"</span> ×{actor.mentions}{roles}</li>"
        )
    summary = f"<summary>الفاعلون ({len(doc.actors)})</summary>"
    return f'<details class="actors">{summary}<ul>{"".join(rows)}</ul></details>'


def _actor_table(actors: Sequence[dict]) -> str:
    """Corpus-wide actors: documents, mentions, spellings and roles, most documents first."""
    if not actors:
        return ""
    rows = []
    for a in actors:
        rows.append(
            f'<tr id="{_esc(actor_anchor(a["id"]))}"><td><bdi>{_esc(a["name"])}</bdi></td>'
            f'<td><span class="type t-{_esc(a["type"])}">{_esc(TYPES.get(a["type"], a["type"]))}'
            f"</span></td><td>{a['documents']}</td><td>{a['mentions']}</td>"
            f"<td>{_esc('، '.join(a['aliases']))}</td><td>{_esc('، '.join(a['roles']))}</td>"
            f"<td><code>{_esc(a['id'])}</code></td></tr>"
        )
    return (
        f'<section id="actors"><h2 class="section">الفاعلون في المجموعة ({len(actors)})</h2>'
        '<table class="actors"><thead><tr><th>الاسم</th><th>النوع</th><th>الوثائق</th>'
        "<th>الإشارات</th><th>الصيغ</th><th>الصفات والأوصاف</th><th>المعرّف</th></tr></thead>"
        f"<tbody>\n{chr(10).join(rows)}\n</tbody></table></section>"
    )


def _dates_list(doc: Document) -> str:
    spans = doc.spans.get("timex", [])
    if not spans:
        return ""
    rows = "".join(
        f"<li><bdi>{_esc(s.text)}</bdi> ← {_isolate(_timex_title(s), ltr=True)}</li>" for s in spans
    )
    summary = f"<summary>التواريخ ({len(spans)})</summary>"
    return f'<details class="dates">{summary}<ul>{rows}</ul></details>'


MODALITIES = {
    "asserted": "مؤكد",
    "claimed": "منسوب",
    "planned": "مخطط",
    "denied": "منفي",
    "conditional": "مشروط",
}
QUOTE_KINDS = {"direct": "مباشر", "reported": "منقول"}
SPEAKER_KINDS = {"role": "بالصفة", "anonymous": "مجهول", "collective": "جماعي"}
HOP_KINDS = {"outlet": "الوسيلة", "relay": "الناقل", "speaker": "المتكلم"}
STATEMENT_TITLE = "تصريح: نوع أضافه راصد، فـPLOVER أسقط فئة التصريحات"
# PLOVER types and modes in Arabic for the reader; the code stays beside them (docs/events.md)
EVENT_TYPES = {
    "STATEMENT": "تصريح",
    "AGREE": "موافقة",
    "CONSULT": "تشاور",
    "SUPPORT": "تأييد",
    "CONCEDE": "تنازل",
    "COOPERATE": "تعاون",
    "AID": "مساعدة",
    "RETREAT": "تراجع",
    "REQUEST": "طلب",
    "ACCUSE": "اتهام",
    "REJECT": "رفض",
    "THREATEN": "تهديد",
    "PROTEST": "احتجاج",
    "SANCTION": "عقوبة",
    "MOBILIZE": "حشد",
    "COERCE": "إكراه",
    "ASSAULT": "اعتداء",
}
EVENT_MODES = {
    "visit": "زيارة",
    "host": "استضافة",
    "meet": "لقاء",
    "phone": "اتصال",
    "mediate": "وساطة",
    "third-party": "لدى طرف ثالث",
    "sign": "توقيع",
    "economic": "اقتصادية",
    "military": "عسكرية",
    "humanitarian": "إنسانية",
    "ceasefire": "وقف إطلاق النار",
    "withdraw": "انسحاب",
    "release": "إطلاق سراح",
    "return": "إعادة",
    "access": "سماح بالدخول",
    "disarm": "نزع السلاح",
    "ease": "تخفيف",
    "assist": "مساعدة",
    "change": "تغيير",
    "yield": "تهدئة",
    "disapprove": "استنكار",
    "investigate": "تحقيق",
    "violence": "عنف",
    "restrict": "تقييد",
    "relations": "علاقات",
    "ban": "حظر",
    "expel": "طرد",
    "demo": "تظاهر",
    "hunger": "إضراب عن الطعام",
    "boycott": "مقاطعة",
    "obstruct": "عرقلة",
    "riot": "شغب",
    "discontinue": "وقف",
    "troops": "قوات",
    "police": "شرطة",
    "arrest": "اعتقال",
    "confiscate": "استيلاء",
    "deport": "ترحيل",
    "aerial": "جوي",
    "heavy-weapons": "أسلحة ثقيلة",
    "firearms": "أسلحة نارية",
    "explosives": "متفجرات",
    "abduct": "خطف",
    "assassinate": "اغتيال",
    "beat": "ضرب",
}
QUOTE_CHARS = 160
TIMELINE_OPEN = 150  # a timeline this short opens every period; a longer one starts folded
TIMELINE_PER_PERIOD = 200  # rows shown per period; the rest are counted in a note
SPEAKERS_SHOWN = 150  # speakers listed in "who said what"; the rest are counted in a note
QUOTES_PER_SPEAKER = 60  # quotes shown per speaker; the rest are counted in a note


def sentence_anchor(doc: Document, start: int) -> str:
    """The fragment id of the evidence sentence starting at ``start`` (``doc-<id>-s<start>``)."""
    return f"{anchor(doc)}-s{start}"


def _evidence(doc: Document, span: Span) -> tuple[int, int]:
    """The sentence an event or quote comes from: its ``sentence`` attribute when that is a
    valid range, else the segmented sentence holding the span, else the span itself."""
    sentence = span.attrs.get("sentence")
    if isinstance(sentence, list | tuple) and len(sentence) == 2:
        start, end = sentence
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            return start, min(end, len(doc.clean_text))
    for s in doc.sentences:
        if s.start <= span.start < s.end:
            return s.start, s.end
    return span.start, max(span.end, span.start + 1)


def _evidence_ranges(doc: Document) -> list[tuple[int, int]]:
    """Disjoint, sorted ranges of the sentences that hold an event or quote.

    Two sentences that overlap (stages that segment differently) are cut where the later
    one starts, so each keeps its own anchor and no ``<span>`` has to cross another.
    """
    ends: dict[int, int] = {}
    for layer in ("events", "quotes"):
        for span in doc.spans.get(layer, []):
            start, end = _evidence(doc, span)
            ends[start] = max(ends.get(start, end), end)
    ranges: list[tuple[int, int]] = []
    for start in sorted(ends):
        end = ends[start]
        if ranges and start < ranges[-1][1]:
            prev_start, prev_end = ranges[-1]
            ranges[-1] = (prev_start, start)
            end = max(end, prev_end)
        ranges.append((start, end))
    return ranges


def _anchored(doc: Document) -> dict[int, str]:
    """Evidence range start → the anchor the body gives it; only ranges the shown paragraphs
    reach get one, so no row links to an id that is not on the page."""
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    return {
        start: sentence_anchor(doc, start)
        for start, end in _evidence_ranges(doc)
        if any(max(start, p_start) < min(end, p_end) for p_start, p_end in paragraphs)
    }


def _evidence_href(doc: Document, span: Span, anchors: dict[int, str]) -> str:
    """Where a row about ``span`` links: its sentence's anchor, or the document card when the
    body does not show that sentence."""
    return f"#{anchors.get(_evidence(doc, span)[0], anchor(doc))}"


def _event_label(span: Span) -> str:
    kind = span.attrs.get("type") or span.label
    mode = span.attrs.get("mode")
    return f"{kind}/{mode}" if mode else str(kind)


def _triggers(doc: Document) -> list[Trigger]:
    """The document's event triggers as disjoint sorted ranges, each titled with its events;
    two events on one word (a speech cue coded twice) share one mark."""
    merged: list[Trigger] = []
    for span in sorted(doc.spans.get("events", []), key=lambda s: (s.start, s.end)):
        if span.end <= span.start:
            continue
        modality = span.attrs.get("modality", "")
        title = f"{_event_label(span)} · {MODALITIES.get(modality, modality)}"
        if merged and span.start < merged[-1][1]:
            start, end, prev = merged[-1]
            merged[-1] = (start, max(end, span.end), f"{prev}؛ {title}")
        else:
            merged.append((span.start, span.end, title))
    return merged


def _body_paragraph(
    doc: Document,
    start: int,
    end: int,
    names: dict[str, str] | None,
    ranges: Sequence[tuple[int, int]],
    anchors: dict[int, str],
    triggers: Sequence[Trigger],
) -> str:
    """One paragraph of the body: evidence sentences (``ranges``) wrapped in an anchored
    ``<span>`` (the id only on a sentence's first piece), all highlighted piece by piece."""
    if not ranges and not triggers:
        return _highlighted(doc, start, end, names)
    out, pos = [], start
    for r_start, r_end in ranges:
        lo, hi = max(r_start, start), min(r_end, end)
        if lo >= hi:
            continue
        if lo > pos:
            out.append(_highlighted(doc, pos, lo, names, triggers))
        ident = anchors.get(r_start) if lo == _first_shown(doc, r_start) else None
        attr = f' id="{_esc(ident)}"' if ident else ""
        inner = _highlighted(doc, lo, hi, names, triggers)
        out.append(f'<span class="evidence"{attr}>{inner}</span>')
        pos = hi
    if pos < end:
        out.append(_highlighted(doc, pos, end, names, triggers))
    return "".join(out)


def _first_shown(doc: Document, start: int) -> int:
    """The first offset at or after ``start`` that a paragraph shows: where a sentence that
    begins between paragraphs gets its anchor."""
    for p in doc.paragraphs:
        if p.end > start:
            return max(p.start, start)
    return start


def _names(doc: Document, names: dict[str, str] | None) -> dict[str, str]:
    """Actor id → shown name: the corpus table's where given, else the document's own."""
    return {a.id: a.name for a in doc.actors} | (names or {})


def _actor_ref(ref: dict[str, Any] | None, names: dict[str, str]) -> str:
    """An actor ref as its canonical name linking to the actor table, titled with the words
    of the sentence it was read from; a ref with no actor id is shown as those words."""
    if not ref:
        return '<span class="none">—</span>'
    text = str(ref.get("text") or "")
    actor = ref.get("actor")
    if not actor:
        return f"<bdi>{_esc(text)}</bdi>"
    name = names.get(actor, text)
    title = f' title="{_esc("في النص: " + text)}"' if text and text != name else ""
    return f'<a href="#{_esc(actor_anchor(actor))}"{title}><bdi>{_esc(name)}</bdi></a>'


def _actor_refs(refs: Sequence[dict[str, Any]] | None, names: dict[str, str]) -> str:
    if not refs:
        return '<span class="none">—</span>'
    return "، ".join(_actor_ref(ref, names) for ref in refs)


def _event_date(date: dict[str, Any] | None) -> str:
    """The event's date value, an interval as start–end (``…`` for an open end), or —."""
    if not date:
        return '<span class="none">—</span>'
    value = date.get("value")
    if not value and (date.get("start") or date.get("end")):
        value = f"{date.get('start') or '…'} – {date.get('end') or '…'}"
    if not value:
        return '<span class="none">—</span>'
    title = f' title="{_esc(date["text"])}"' if date.get("text") else ""
    return f'<span class="ev-date"{title}>{_isolate(str(value), ltr=True)}</span>'


def _event_type(span: Span) -> str:
    """The type (and mode) in Arabic with the PLOVER code beside it; STATEMENT, rasid's own
    type, says so in its title. An unknown code is shown as it is."""
    kind = str(span.attrs.get("type") or span.label)
    if kind == "STATEMENT":
        title = _esc(STATEMENT_TITLE)
        return (
            f'<span class="ev-type statement" title="{title}">تصريح <code>STATEMENT</code></span>'
        )
    words = EVENT_TYPES.get(kind)
    if words is None:
        return f'<code class="ev-type">{_esc(_event_label(span))}</code>'
    mode = span.attrs.get("mode")
    if mode:
        words += " · " + EVENT_MODES.get(str(mode), str(mode))
    return f'<span class="ev-type">{_esc(words)} <code>{_esc(_event_label(span))}</code></span>'


def _source_target(span: Span, names: dict[str, str]) -> str:
    source = _actor_refs(span.attrs.get("source"), names)
    target = _actor_refs(span.attrs.get("target"), names)
    return f'{source} <span class="arrow">←</span> {target}'


def _item_anchor(doc: Document, item_id: object) -> str:
    """The fragment id of an event or quote row (``doc-<id>-e1``, ``doc-<id>-q2``)."""
    return f"{anchor(doc)}-{item_id}"


def _modality(doc: Document, event: Span, quote_ids: set[str]) -> str:
    """The modality in Arabic (the code in the title), with a link to the quote a claimed
    event comes from."""
    code = str(event.attrs.get("modality") or "")
    shown = f'<span title="{_esc(code)}">{_esc(MODALITIES.get(code, code))}</span>'
    quote = event.attrs.get("quote")
    if quote and quote in quote_ids:
        href = _esc(_item_anchor(doc, quote))
        shown += f' <a class="ref" href="#{href}" title="الاقتباس">{_esc(quote)}</a>'
    return shown


def _events_list(doc: Document, names: dict[str, str], anchors: dict[int, str]) -> str:
    """The document's events in text order, each row linking to the sentence that states it."""
    events = sorted(doc.spans.get("events", []), key=lambda s: s.start)
    if not events:
        return ""
    quote_ids = {str(q.attrs.get("id")) for q in doc.spans.get("quotes", [])}
    rows = []
    for span in events:
        ident = span.attrs.get("id")
        row_id = f' id="{_esc(_item_anchor(doc, ident))}"' if ident else ""
        href = _esc(_evidence_href(doc, span, anchors))
        rows.append(
            f"<tr{row_id}><td>{_event_date(span.attrs.get('date'))}</td>"
            f"<td>{_event_type(span)}</td><td>{_source_target(span, names)}</td>"
            f"<td>{_actor_ref(span.attrs.get('place'), names)}</td>"
            f"<td>{_modality(doc, span, quote_ids)}</td>"
            f'<td><a href="{href}" title="الجملة التي تذكر الحدث"><bdi>{_esc(span.text)}</bdi>'
            "</a></td></tr>"
        )
    return (
        f'<details class="events"><summary>الأحداث ({len(events)})</summary>'
        '<table class="events"><thead><tr><th>التاريخ</th><th>النوع</th><th>من ← إلى</th>'
        "<th>المكان</th><th>الصيغة</th><th>الدليل</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def _truncated(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` cut at a word boundary near ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + "…"


def _quote_words(doc: Document, quote: Span) -> tuple[str, str]:
    """What a quote says as shown in a row (cut near :data:`QUOTE_CHARS`, «» around a direct
    quote) and a ``title`` attribute holding the whole when it was cut."""
    content = " ".join((quote.text or doc.clean_text[quote.start : quote.end]).split())
    shown = _truncated(content)
    full = f' title="{_esc(content)}"' if shown != content else ""
    return (f"«{shown}»" if quote.label == "direct" else shown), full


def _speaker(quote: Span, names: dict[str, str]) -> str:
    """Who speaks: the canonical actor(s), else the phrase naming them; an anonymous or
    collective source says so, with whom it belongs to when the text tells."""
    attrs = quote.attrs
    if attrs.get("speaker_actors"):
        shown = _actor_refs(attrs["speaker_actors"], names)
    elif attrs.get("speaker") and attrs["speaker"].get("text"):
        shown = f"<bdi>{_esc(attrs['speaker']['text'])}</bdi>"
    else:
        shown = '<span class="none">—</span>'
    kind = str(attrs.get("speaker_kind") or "")
    notes = [_esc(SPEAKER_KINDS[kind])] if kind in SPEAKER_KINDS else []
    if attrs.get("affiliation"):
        notes.append(_actor_ref(attrs["affiliation"], names))
    if notes:
        shown += f' <span class="kind" title="{_esc(kind)}">({" · ".join(notes)})</span>'
    return shown


def _chain(quote: Span, names: dict[str, str]) -> str:
    """The attribution chain outermost first: outlet ← relay ← … ← speaker."""
    hops = quote.attrs.get("chain") or []
    if not hops:
        return '<span class="none">—</span>'
    shown = []
    for hop in hops:
        kind = str(hop.get("kind") or "")
        title = _esc(HOP_KINDS.get(kind, kind))
        if hop.get("actor"):
            inner = _actor_ref(hop, names)
        else:
            inner = f"<bdi>{_esc(hop.get('text') or '—')}</bdi>"
        shown.append(f'<span class="hop hop-{_esc(kind)}" title="{title}">{inner}</span>')
    return ' <span class="arrow">←</span> '.join(shown)


def _quote_kind(doc: Document, quote: Span) -> str:
    """Direct or reported, and the quote it is nested in when there is one."""
    label = _esc(QUOTE_KINDS.get(quote.label, quote.label))
    shown = f'<span title="{_esc(quote.label)}">{label}</span>'
    parent = quote.attrs.get("parent")
    if parent:
        link = f'<a href="#{_esc(_item_anchor(doc, parent))}">{_esc(parent)}</a>'
        shown += f' <span class="kind">(ضمن {link})</span>'
    return shown


def _quotes_list(doc: Document, names: dict[str, str], anchors: dict[int, str]) -> str:
    """The document's quotes in text order: content, kind, speaker and chain, each row
    linking to the sentence that holds its cue."""
    quotes = sorted(doc.spans.get("quotes", []), key=lambda s: s.start)
    if not quotes:
        return ""
    rows = []
    for span in quotes:
        shown, full = _quote_words(doc, span)
        ident = span.attrs.get("id")
        row_id = f' id="{_esc(_item_anchor(doc, ident))}"' if ident else ""
        href = _esc(_evidence_href(doc, span, anchors))
        rows.append(
            f'<tr{row_id}><td><a href="{href}"{full}><bdi>{_esc(shown)}</bdi></a></td>'
            f"<td>{_quote_kind(doc, span)}</td><td>{_speaker(span, names)}</td>"
            f"<td>{_chain(span, names)}</td></tr>"
        )
    return (
        f'<details class="quotes"><summary>الاقتباسات ({len(quotes)})</summary>'
        '<table class="quotes"><thead><tr><th>القول</th><th>النوع</th><th>المتكلم</th>'
        "<th>السلسلة (الأبعد أولاً)</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def _date_key(span: Span) -> str | None:
    """An event's date as text that sorts in time order, or ``None`` when it has no place in
    time (no date, or a year the text does not give: ``XXXX-05-05``).

    The value, else the interval's start, else its end. ISO strings of mixed precision sort
    right as text (``2019`` < ``2019-04`` < ``2019-04-04``); a week sorts as its Monday.
    """
    date = span.attrs.get("date") or {}
    value = str(date.get("value") or date.get("start") or date.get("end") or "")
    if week := re.fullmatch(r"(\d{4})-W(\d{2})(?:-\d)?", value):
        try:
            return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        except ValueError:
            return week[1]
    return value if re.match(r"\d{4}", value) else None


def _published_key(doc: Document) -> str:
    """The document's publication date as sortable ISO text; ``￿`` (after any date) when
    there is none, so undated documents go last."""
    for found in (doc.published, doc.page_date):
        if found is None:
            continue
        if found.normalized:
            return found.normalized
        if _is_latin_date(found.value):
            return found.value
    return "\uffff"


def _period(key: str | None) -> str:
    """The timeline group of a sortable date: its month (``2019-04``), or the year when the
    text gave only that; events with no place in time group under ``بلا تاريخ``."""
    if key is None:
        return "بلا تاريخ"
    return key[:7] if re.match(r"\d{4}-\d{2}", key) else key[:4]


def _folded_table(
    details: str, summary: str, table: str, headers: Sequence[str], rows: Sequence[str],
    note: str = "",
) -> str:  # fmt: skip
    """One folded group of a corpus section (a timeline month, a speaker): a ``<details>``
    with ``details`` attributes, its summary, a table of ``rows`` and the cap note."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    return (
        f'<details {details}><summary>{summary}</summary><table class="{table}"><thead><tr>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}</details>"
    )


def _timeline(documents: Sequence[Document], names: dict[str, str] | None) -> str:
    """Every event of the corpus by event date (undated last, ties by publication date),
    grouped by month.

    Why grouped and capped: a corpus of thousands of articles has tens of thousands of
    events. Each month is a ``<details>`` of its own (all open only when the whole timeline
    is short) and shows at most :data:`TIMELINE_PER_PERIOD` rows with a "first N of M" note,
    so the page stays light while every month stays reachable; the full table is
    ``events.csv``, and every event is still in its document's own list.
    """
    rows = []
    for index, doc in enumerate(documents):
        if not doc.spans.get("events"):
            continue
        context = (doc, _anchored(doc), _names(doc, names))
        published = _published_key(doc)
        for span in doc.spans["events"]:
            key = _date_key(span)
            rows.append(((key is None, key or "", published, index, span.start), span, context))
    if not rows:
        return ""
    rows.sort(key=lambda row: row[0])
    periods: dict[str, list] = {}
    for order, span, context in rows:
        periods.setdefault(_period(order[1] or None), []).append((span, context))
    opened = " open" if len(rows) <= TIMELINE_OPEN else ""
    groups = []
    for period, members in periods.items():
        lines = []
        for span, (doc, anchors, doc_names) in members[:TIMELINE_PER_PERIOD]:
            headline = doc.headline.value if doc.headline else NO_HEADLINE
            href = _esc(_evidence_href(doc, span, anchors))
            lines.append(
                f"<tr><td>{_event_date(span.attrs.get('date'))}</td><td>{_event_type(span)}</td>"
                f"<td>{_source_target(span, doc_names)}</td>"
                f'<td><a href="{href}"{_dir(doc)}>{_esc(headline)}</a></td></tr>'
            )
        note = ""
        if len(members) > TIMELINE_PER_PERIOD:
            note = (
                f'<p class="note">أول {TIMELINE_PER_PERIOD} من {len(members)} حدثاً في هذه '
                "الفترة؛ الجدول الكامل في <code>events.csv</code> وفي قائمة أحداث كل وثيقة.</p>"
            )
        label = _isolate(period, ltr=period[:1].isdigit())
        groups.append(
            _folded_table(
                f'class="period"{opened}',
                f"{label} ({len(members)})",
                "timeline",
                ("التاريخ", "النوع", "من ← إلى", "الوثيقة"),
                lines,
                note,
            )
        )
    return (
        f'<section id="timeline"><h2 class="section">الخط الزمني للأحداث ({len(rows)})</h2>'
        '<p class="note">مرتبة بتاريخ الحدث كما في جملته؛ الأحداث بلا تاريخ أو بلا سنة في '
        "الآخر بحسب تاريخ نشر الوثيقة. كل سطر يقود إلى الجملة التي تذكر الحدث.</p>"
        + "\n".join(groups)
        + "</section>"
    )


def _speaker_group(quote: Span, names: dict[str, str]) -> tuple[tuple[str, ...], str]:
    """Which "who said what" group a quote belongs to, and that group's heading.

    A quote of canonical actors groups with every other quote of the same actors, across
    documents (a joint statement is its own group); an anonymous or collective source
    groups by the actor it belongs to when the text tells (مصادر في الحكومة), else by its
    words after :func:`normalize_arabic`, so "مصادر مطلعة" gathers what every page attributes
    to it.
    """
    attrs = quote.attrs
    actors = sorted({r["actor"] for r in attrs.get("speaker_actors") or [] if r.get("actor")})
    if actors:
        return ("actor", *actors), _actor_refs(attrs["speaker_actors"], names)
    kind = str(attrs.get("speaker_kind") or "")
    label = _esc(SPEAKER_KINDS.get(kind, kind or "—"))
    affiliation = attrs.get("affiliation") or {}
    if affiliation.get("actor"):
        shown = f"{label} · {_actor_ref(affiliation, names)}"
        return ("affiliation", kind, affiliation["actor"]), shown
    text = str((attrs.get("speaker") or {}).get("text") or "")
    shown = f"<bdi>{_esc(text)}</bdi> ({label})" if text else label
    return ("text", kind, normalize_arabic(text)), shown


def _speakers(documents: Sequence[Document], names: dict[str, str] | None) -> str:
    """Who said what across the corpus: every quote grouped by its speaker, the speakers
    quoted most first, each quote with its attribution chain and a link to its sentence.

    Why: the per-document lists answer "what does this page quote"; an analyst following
    a person or a source asks the other way round. Capped like the timeline
    (:data:`SPEAKERS_SHOWN`, :data:`QUOTES_PER_SPEAKER`); every quote stays in its document's
    own list and in corpus.json.
    """
    groups: dict[tuple[str, ...], list] = {}
    heads: dict[tuple[str, ...], str] = {}
    total = 0
    for doc in documents:
        quotes = sorted(doc.spans.get("quotes", []), key=lambda s: s.start)
        if not quotes:
            continue
        doc_names, anchors = _names(doc, names), _anchored(doc)
        for quote in quotes:
            key, head = _speaker_group(quote, doc_names)
            heads.setdefault(key, head)
            groups.setdefault(key, []).append((quote, doc, anchors, doc_names))
            total += 1
    if not groups:
        return ""
    order = sorted(groups, key=lambda k: (k[0] != "actor", -len(groups[k]), k))
    opened = " open" if total <= TIMELINE_OPEN else ""
    parts = []
    for key in order[:SPEAKERS_SHOWN]:
        members = groups[key]
        rows = []
        for quote, doc, anchors, doc_names in members[:QUOTES_PER_SPEAKER]:
            shown, full = _quote_words(doc, quote)
            headline = doc.headline.value if doc.headline else NO_HEADLINE
            href = _esc(_evidence_href(doc, quote, anchors))
            rows.append(
                f'<tr><td><a href="{href}"{full}><bdi>{_esc(shown)}</bdi></a></td>'
                f"<td>{_chain(quote, doc_names)}</td>"
                f'<td><a href="#{_esc(anchor(doc))}"{_dir(doc)}>{_esc(headline)}</a></td></tr>'
            )
        note = ""
        if len(members) > QUOTES_PER_SPEAKER:
            note = (
                f'<p class="note">أول {QUOTES_PER_SPEAKER} من {len(members)} اقتباساً؛ البقية '
                "في قائمة اقتباسات كل وثيقة وفي <code>corpus.json</code>.</p>"
            )
        parts.append(
            _folded_table(
                f'class="speaker"{opened}',
                f"{heads[key]} ({len(members)})",
                "quotes",
                ("القول", "السلسلة (الأبعد أولاً)", "الوثيقة"),
                rows,
                note,
            )
        )
    if len(order) > SPEAKERS_SHOWN:
        rest = sum(len(groups[k]) for k in order[SPEAKERS_SHOWN:])
        parts.append(
            f'<p class="note">أول {SPEAKERS_SHOWN} متكلماً من {len(order)}؛ للباقين {rest} '
            "اقتباساً في قوائم الوثائق.</p>"
        )
    return (
        f'<section id="speakers"><h2 class="section">من قال ماذا ({total})</h2>'
        '<p class="note">كل اقتباس تحت متكلمه، الأكثر اقتباساً أولاً؛ المصادر المجهولة '
        "والجماعية تُجمع بالجهة التي تنتمي إليها إن ذكرها النص وإلا بلفظها. كل سطر يقود إلى "
        "الجملة التي تحمل القول.</p>" + "\n".join(parts) + "</section>"
    )


def _byline(doc: Document) -> str:
    """Outlet · date, each isolated, for the table of contents and the card's kicker."""
    parts = []
    if doc.outlet:
        parts.append(_isolate(doc.outlet.value))
    date = _doc_date(doc)
    if date:
        parts.append(_isolate(date, ltr=_is_latin_date(date)))
    return " · ".join(parts)


def _is_latin_date(value: str) -> bool:
    return not any("\u0600" <= c <= "\u06ff" for c in value)


def _paragraphs(doc: Document) -> list[str]:
    if doc.paragraphs:
        return [p.text or doc.clean_text[p.start : p.end] for p in doc.paragraphs]
    return [p.strip() for p in doc.clean_text.split("\n\n") if p.strip()]


def _doc_date(doc: Document) -> str | None:
    found = doc.published or doc.page_date
    return found.value if found else None


def _toc(documents: Sequence[Document]) -> str:
    if not documents:
        return ""
    items = []
    for doc in documents:
        meta = _byline(doc)
        headline = doc.headline.value if doc.headline else NO_HEADLINE
        counts = _layer_counts(doc)
        items.append(
            f'<li><a href="#{_esc(anchor(doc))}"{_dir(doc)}>{_esc(headline)}</a>'
            + (f'<span class="toc-meta">{meta}</span>' if meta else "")
            + (f'<span class="toc-meta toc-counts">{counts}</span>' if counts else "")
            + "</li>"
        )
    links = []
    if any(doc.spans.get("events") for doc in documents):
        links.append('<a href="#timeline">الخط الزمني للأحداث</a>')
    if any(doc.spans.get("quotes") for doc in documents):
        links.append('<a href="#speakers">من قال ماذا</a>')
    timeline = f'<p class="toc-more">{" · ".join(links)}</p>' if links else ""
    return (
        '<nav class="toc" aria-labelledby="toc-title">'
        '<h2 class="section" id="toc-title">المحتويات</h2><ol>\n'
        + "\n".join(items)
        + f"\n</ol>{timeline}</nav>"
    )


def _layer_counts(doc: Document) -> str:
    """``الأحداث: 3 · الاقتباسات: 2`` for the contents; empty for a document with neither."""
    counts = [
        f"{label}: {len(doc.spans[layer])}"
        for layer, label in (("events", "الأحداث"), ("quotes", "الاقتباسات"))
        if doc.spans.get(layer)
    ]
    return " · ".join(counts)


def _card(doc: Document, names: dict[str, str] | None = None) -> str:
    headline = doc.headline.value if doc.headline else NO_HEADLINE
    badges = ""
    if not _is_arabic(doc):
        badges += '<span class="badge lang">ليست بالعربية</span>'
    paragraphs = _paragraphs(doc)
    if not paragraphs:
        badges += '<span class="badge empty">فارغة</span>'
    for flag in doc.flags:
        badges += f'<span class="badge flag">{_esc(FLAGS.get(flag, flag))}</span>'
    kicker = _byline(doc)
    parts = [f'<article class="doc" id="{_esc(anchor(doc))}">', "<header>"]
    if kicker:
        parts.append(f'<p class="kicker">{kicker}</p>')
    shown = _esc(headline)
    if doc.spans.get("headline_entities") and (text := headline_text(doc)):
        names = names if names is not None else {a.id: a.name for a in doc.actors}
        marks = [("ent", span) for span in doc.spans["headline_entities"]]
        shown = _marked(text, 0, len(text), marks, names)
    parts.append(f"<h3><bdi{_dir(doc)}>{shown}</bdi>{badges}</h3>")
    if doc.subheadline:
        parts.append(f'<p class="sub"{_dir(doc)}>{_esc(doc.subheadline.value)}</p>')
    parts.append("</header>")
    facts = [
        ("الوسيلة", _found(doc.outlet)),
        ("تاريخ النشر", _date(doc.published)),
        ("تاريخ الصفحة", _date(doc.page_date)),
        ("الملف", f'<span class="mono">{_esc(doc.source)}</span>'),
    ]
    if doc.url:
        facts.append(("الرابط", f'<span class="mono">{_esc(doc.url)}</span>'))
    language = LANGUAGES.get(doc.language or "", doc.language or "—")
    facts.append(("اللغة", f"{_esc(language)} <code>{_esc(doc.language or '')}</code>"))
    facts.append(("المعرّف", f"<code>{_esc(doc.id)}</code>"))
    parts.append(
        '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"
    )
    parts.append(_dates_list(doc))
    parts.append(_actors_list(doc))
    ranges, anchors, triggers = _evidence_ranges(doc), _anchored(doc), _triggers(doc)
    if doc.spans.get("events") or doc.spans.get("quotes"):
        shown_names = _names(doc, names)
        parts.append(_events_list(doc, shown_names, anchors))
        parts.append(_quotes_list(doc, shown_names, anchors))
    parts.append('<div class="body">')
    if doc.paragraphs:
        for para in doc.paragraphs:
            body = _body_paragraph(doc, para.start, para.end, names, ranges, anchors, triggers)
            parts.append(f"<p{_dir(doc)}>{body}</p>")
    elif paragraphs:
        for para in paragraphs:
            lines = "<br>".join(_esc(line) for line in para.split("\n"))
            parts.append(f"<p{_dir(doc)}>{lines}</p>")
    else:
        parts.append('<p class="empty">لا يبقى نص بعد التنظيف.</p>')
    parts.append('</div><a class="top" href="#top">↑ إلى الأعلى</a></article>')
    return "\n".join(parts)


def _position(problem: Problem) -> str:
    if problem.position is None:
        return "—"
    unit = UNITS.get(problem.unit or "", problem.unit or "")
    return _esc(f"{unit} {problem.position}".strip())


def _problems(section_id: str, title: str, problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    rows = "\n".join(
        f'<tr><td><span class="mono">{_esc(p.path)}</span></td><td>{_position(p)}</td>'
        f'<td dir="auto">{_esc(p.message)}</td></tr>'
        for p in problems
    )
    return (
        f'<section id="{section_id}"><h2 class="section">{title} ({len(problems)})</h2>'
        '<table class="problems"><thead><tr><th>الملف</th><th>الموضع</th><th>السبب</th></tr>'
        f"</thead><tbody>\n{rows}\n</tbody></table></section>"
    )


def _stats(
    documents: Sequence[Document],
    failures: Sequence[Problem],
    warnings: Sequence[Problem],
    files: int | None,
    actors: int = 0,
) -> str:
    outlets = {d.outlet.value for d in documents if d.outlet}
    not_arabic = sum(1 for d in documents if not _is_arabic(d))
    chips = [("الوثائق", len(documents), None)]
    if files is not None:
        chips.append(("الملفات", files, None))
    chips.append(("الوسائل", len(outlets), None))
    if actors:
        chips.append(("الفاعلون", actors, "#actors"))
    events = sum(len(d.spans.get("events", [])) for d in documents)
    if events:
        chips.append(("الأحداث", events, "#timeline"))
    quotes = sum(len(d.spans.get("quotes", [])) for d in documents)
    if quotes:
        chips.append(("الاقتباسات", quotes, "#speakers"))
    if not_arabic:
        chips.append(("ليست بالعربية", not_arabic, None))
    chips.append(("الإخفاقات", len(failures), "#failures" if failures else None))
    if warnings:
        chips.append(("التنبيهات", len(warnings), "#warnings"))
    out = []
    for label, n, href in chips:
        text = f"<strong>{n}</strong>{label}"
        out.append(f'<li><a href="{href}">{text}</a></li>' if href else f"<li>{text}</li>")
    return "\n".join(out)


def render_report(
    documents: Iterable[Document],
    failures: Iterable[Problem] = (),
    warnings: Iterable[Problem] = (),
    *,
    generated_at: str | None = None,
    files: int | None = None,
    title: str = TITLE,
    actors: Sequence[dict] = (),
) -> str:
    """The whole ``report.html`` as a string; ``actors`` is the linked corpus actor table.

    Events and quotes (``spans["events"]``/``["quotes"]``, docs/events.md) add lists to
    each card and a corpus timeline; a corpus without them renders as it did before.
    """
    documents, failures, warnings = list(documents), list(failures), list(warnings)
    names = {a["id"]: a["name"] for a in actors} or None
    return Template(_resource("template.html")).substitute(
        title=_esc(title),
        version=_esc(__version__),
        generated_at=_esc(generated_at or now_iso()),
        css=_resource("report.css"),
        stats=_stats(documents, failures, warnings, files, len(actors)),
        toc=_toc(documents),
        timeline=_timeline(documents, names),
        speakers=_speakers(documents, names),
        actors=_actor_table(actors),
        documents="\n".join(_card(d, names) for d in documents)
        or '<p class="none">لم يُعثر على أي وثيقة.</p>',
        failures=_problems("failures", "ملفات تعذّرت معالجتها", failures),
        warnings=_problems("warnings", "تنبيهات", warnings),
    )


def write_report(path: Path, *args: Any, **kwargs: Any) -> None:
    """Write :func:`render_report` (same arguments) to ``path``, atomically, in UTF-8."""
    text = render_report(*args, **kwargs)
    with atomic_write(path) as fh:
        fh.write(text)
