"""``report.html``: the corpus as one page a person can read, offline, in any browser.

The file stands alone (CSS inline, no fonts, scripts or images fetched) so it can be mailed
or opened on an air-gapped machine. It is right-to-left Arabic throughout; documents that are
not Arabic get ``dir="auto"`` so their own direction wins. Every value rasid found is shown
with *how* it was found, because a reader deciding whether to trust a date needs to know if
it came from page metadata or from a pattern in the text. Everything from the input is
escaped: scraped pages are untrusted.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from rasid import __version__
from rasid.document import Document, Found, Span
from rasid.report.json_export import atomic_write, now_iso
from rasid.stages.entities.actors import headline_text

if TYPE_CHECKING:
    from rasid.run import Problem

TITLE = "تقرير راصد"
NO_HEADLINE = "(بلا عنوان)"
UNITS = {"line": "السطر", "record": "السجل"}
LANGUAGES = {"ar": "العربية", "other": "غير العربية", "und": "غير محددة"}


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


def _highlighted(doc: Document, start: int, end: int, names: dict[str, str] | None = None) -> str:
    """The text of [start, end) with its dates and names marked, each titled with what it is.

    Names link to their row in the corpus actor table. Where a date and a name overlap (a
    resolution number that reads as a year) the one that starts first wins.
    """
    names = names if names is not None else {a.id: a.name for a in doc.actors}
    marks = [("date", s) for s in doc.spans.get("timex", [])]
    marks += [("ent", s) for s in doc.spans.get("entities", [])]
    return _marked(doc.clean_text, start, end, marks, names)


def _marked(
    text: str, start: int, end: int, marks: list[tuple[str, Span]], names: dict[str, str]
) -> str:
    marks = sorted(marks, key=lambda m: (m[1].start, -m[1].end))
    out, pos = [], start
    for kind, span in marks:
        if span.start < pos or span.start < start or span.end > end:
            continue
        out.append(_esc(text[pos : span.start]))
        if kind == "date":
            title = _esc(_timex_title(span))
            out.append(f'<mark class="date" title="{title}">{_esc(span.text)}</mark>')
        else:
            title = _esc(_entity_title(span, names))
            actor = _esc(actor_anchor(span.attrs.get("actor", "")))
            label = _esc(span.attrs.get("type", span.label))
            out.append(
                f'<a class="ent ent-{label}" href="#{actor}" title="{title}">{_esc(span.text)}</a>'
            )
        pos = span.end
    out.append(_esc(text[pos:end]))
    return "".join(out).replace("\n", "<br>")


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
        items.append(
            f'<li><a href="#{_esc(anchor(doc))}"{_dir(doc)}>{_esc(headline)}</a>'
            + (f'<span class="toc-meta">{meta}</span>' if meta else "")
            + "</li>"
        )
    return (
        '<nav class="toc" aria-labelledby="toc-title">'
        '<h2 class="section" id="toc-title">المحتويات</h2><ol>\n'
        + "\n".join(items)
        + "\n</ol></nav>"
    )


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
    parts.append('<div class="body">')
    if doc.paragraphs:
        for para in doc.paragraphs:
            parts.append(f"<p{_dir(doc)}>{_highlighted(doc, para.start, para.end, names)}</p>")
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
    """The whole ``report.html`` as a string; ``actors`` is the linked corpus actor table."""
    documents, failures, warnings = list(documents), list(failures), list(warnings)
    names = {a["id"]: a["name"] for a in actors} or None
    return Template(_resource("template.html")).substitute(
        title=_esc(title),
        version=_esc(__version__),
        generated_at=_esc(generated_at or now_iso()),
        css=_resource("report.css"),
        stats=_stats(documents, failures, warnings, files, len(actors)),
        toc=_toc(documents),
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
