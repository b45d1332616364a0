"""report.html with events and quotes: lists per document, a corpus timeline, evidence links."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from rasid.document import Actor, Document, Found, Span
from rasid.report import html as report_html
from rasid.report.html import anchor, render_report, sentence_anchor

VOID = {"br", "meta", "img", "hr", "input", "link"}


def _doc(doc_id: str, paragraphs: list[str], published: str | None = None) -> Document:
    """A document whose paragraphs are also its sentences (one sentence a paragraph)."""
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for para in paragraphs:
        spans.append(Span(pos, pos + len(para), "paragraph", para))
        pos += len(para) + 2
    return Document(
        id=doc_id,
        page_id=doc_id,
        article_index=0,
        source=f"/data/{doc_id}.html",
        format="html",
        clean_text=text,
        headline=Found(f"عنوان {doc_id}", "html-h1"),
        published=Found(published, "meta", normalized=published) if published else None,
        language="ar",
        paragraphs=spans,
        sentences=[Span(s.start, s.end, "sentence", s.text) for s in spans],
    )


def _at(doc: Document, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.clean_text.index(words, start + 1)
    return start, start + len(words)


def _ref(doc: Document, actor: str | None, words: str, nth: int = 0) -> dict:
    start, end = _at(doc, words, nth)
    return {"actor": actor, "text": words, "start": start, "end": end}


def _sentence(doc: Document, words: str) -> list[int]:
    start = _at(doc, words)[0]
    sent = next(s for s in doc.sentences if s.start <= start < s.end)
    return [sent.start, sent.end]


def _event(doc: Document, trigger: str, kind: str, **attrs) -> Span:
    start, end = _at(doc, trigger)
    attrs = {
        "id": f"e{len(doc.spans.get('events', [])) + 1}",
        "type": kind,
        "mode": None,
        "source": [],
        "target": [],
        "place": None,
        "date": None,
        "modality": "asserted",
        "quote": None,
        "sentence": _sentence(doc, trigger),
    } | attrs
    return doc.add_span("events", start, end, kind, **attrs)


def _quote(doc: Document, content: str, kind: str, **attrs) -> Span:
    start, end = _at(doc, content)
    attrs = {
        "id": f"q{len(doc.spans.get('quotes', [])) + 1}",
        "speaker_kind": "actor",
        "speaker_actors": [],
        "speaker": None,
        "affiliation": None,
        "chain": [],
        "parent": None,
        "sentence": _sentence(doc, content),
    } | attrs
    return doc.add_span("quotes", start, end, kind, **attrs)


OUTLET = {"kind": "outlet", "actor": None, "text": "صحيفة الأفق", "start": None, "end": None}


@pytest.fixture
def visit() -> Document:
    doc = _doc(
        "v1",
        [
            "استقبل الرئيس سمير داود وزير الخارجية نادر سلوم في مدينة وادي النخيل يوم 4 مارس 2024.",
            "وقال داود إن «المحادثات كانت بناءة».",
            "ونقلت وكالة الأنباء الوطنية عن مصادر مطلعة أن الطرفين سيوقعان اتفاقاً الشهر المقبل.",
        ],
        published="2024-03-10",
    )
    doc.actors = [
        Actor("per-dawud", "PER", "سمير داود", 2, ["سمير داود", "داود"]),
        Actor("per-sallum", "PER", "نادر سلوم", 1, ["نادر سلوم"]),
        Actor("loc-nakhil", "LOC", "وادي النخيل", 1, ["وادي النخيل"]),
        Actor("org-wna", "ORG", "وكالة الأنباء الوطنية", 1, ["وكالة الأنباء الوطنية"]),
    ]
    for words, kind, actor in (
        ("سمير داود", "PER", "per-dawud"),
        ("نادر سلوم", "PER", "per-sallum"),
        ("وادي النخيل", "LOC", "loc-nakhil"),
        ("وكالة الأنباء الوطنية", "ORG", "org-wna"),
    ):
        start, end = _at(doc, words)
        doc.add_span("entities", start, end, kind, type=kind, actor=actor)
    start, end = _at(doc, "4 مارس 2024")
    doc.add_span("timex", start, end, "DATE", value="2024-03-04")
    dawud = _ref(doc, "per-dawud", "سمير داود")
    q1 = _quote(
        doc,
        "المحادثات كانت بناءة",
        "direct",
        speaker=_ref(doc, "per-dawud", "داود", 1),
        speaker_actors=[_ref(doc, "per-dawud", "داود", 1)],
        chain=[OUTLET, {"kind": "speaker"} | _ref(doc, "per-dawud", "داود", 1)],
    )
    _quote(
        doc,
        "الطرفين سيوقعان اتفاقاً الشهر المقبل",
        "reported",
        speaker=_ref(doc, None, "مصادر مطلعة"),
        speaker_kind="anonymous",
        chain=[
            OUTLET,
            {"kind": "relay"} | _ref(doc, "org-wna", "وكالة الأنباء الوطنية"),
            {"kind": "speaker"} | _ref(doc, None, "مصادر مطلعة"),
        ],
    )
    _event(
        doc,
        "استقبل",
        "CONSULT",
        mode="host",
        source=[dawud],
        target=[_ref(doc, "per-sallum", "نادر سلوم")],
        place=_ref(doc, "loc-nakhil", "وادي النخيل"),
        date={"value": "2024-03-04", "text": "4 مارس 2024", "timex": list(_at(doc, "4 مارس 2024"))},
    )
    source = [_ref(doc, "per-dawud", "داود", 1)]
    _event(doc, "وقال", "STATEMENT", source=source, quote=q1.attrs["id"])
    _event(
        doc,
        "سيوقعان",
        "AGREE",
        mode="sign",
        source=[_ref(doc, None, "الطرفين")],
        modality="planned",
        quote="q2",
        date={
            "value": None,
            "start": "2024-04-01",
            "end": "2024-04-30",
            "text": "الشهر المقبل",
            "timex": list(_at(doc, "الشهر المقبل")),
        },
    )
    return doc


@pytest.fixture
def protest() -> Document:
    doc = _doc(
        "p2",
        [
            "وفي ديسمبر 2023 تظاهر مئات الطلاب أمام مبنى البلدية.",
            "وهدد المحتجون بالاعتصام إذا لم تُلبَّ مطالبهم.",
        ],
        published="2024-02-01",
    )
    _event(doc, "تظاهر", "PROTEST", date={"value": "2023-12", "text": "ديسمبر 2023"})
    _event(doc, "وهدد", "THREATEN", modality="conditional")
    return doc


@pytest.fixture
def older() -> Document:
    doc = _doc("o3", ["وأعلن المجلس المحلي تأجيل الانتخابات البلدية."], published="2024-01-01")
    _event(doc, "وأعلن", "STATEMENT")
    return doc


def _section(page: str, pattern: str) -> str:
    return re.search(pattern, page, re.S).group()


def _card(page: str, doc: Document) -> str:
    return _section(page, rf'<article class="doc" id="{anchor(doc)}">.*?</article>')


def _ids(page: str) -> set[str]:
    return set(re.findall(r' id="([^"]+)"', page))


def test_event_row_links_to_its_evidence_sentence(visit):
    page = render_report([visit])
    events = _section(_card(page, visit), r'<details class="events">.*?</details>')
    row = _section(events, r'<tr id="doc-v1-e1">.*?</tr>')
    target = sentence_anchor(visit, 0)
    assert f'href="#{target}"' in row
    assert f'<span class="evidence" id="{target}">' in page
    assert target in _ids(page)
    assert "2024-03-04" in row and "CONSULT/host" in row
    assert 'href="#actor-per-dawud"' in row and 'href="#actor-per-sallum"' in row
    assert row.index("سمير داود") < row.index("←") < row.index("نادر سلوم")
    assert 'href="#actor-loc-nakhil"' in row
    assert '<span title="asserted">مؤكد</span>' in row
    # every evidence link of the card lands on an id of the page
    for href in re.findall(r'href="#(doc-v1-s\d+)"', page):
        assert href in _ids(page)


def test_event_rows_show_statement_interval_modality_and_the_quote(visit):
    events = _section(
        _card(render_report([visit]), visit), r'<details class="events">.*?</details>'
    )
    statement = _section(events, r'<tr id="doc-v1-e2">.*?</tr>')
    assert "تصريح" in statement and "STATEMENT" in statement
    assert 'href="#doc-v1-q1"' in statement
    planned = _section(events, r'<tr id="doc-v1-e3">.*?</tr>')
    assert "2024-04-01 – 2024-04-30" in planned
    assert '<span title="planned">مخطط</span>' in planned
    assert "AGREE/sign" in planned
    assert "<bdi>الطرفين</bdi>" in planned  # a ref with no actor keeps its words
    assert "الأحداث (3)" in events


def test_triggers_are_marked_in_the_text(visit):
    card = _card(render_report([visit]), visit)
    assert '<mark class="trigger" title="CONSULT/host · مؤكد">استقبل</mark>' in card
    assert '<mark class="trigger" title="AGREE/sign · مخطط">سيوقعان</mark>' in card


def test_quote_chain_is_shown_outermost_first(visit):
    quotes = _section(
        _card(render_report([visit]), visit), r'<details class="quotes">.*?</details>'
    )
    assert "الاقتباسات (2)" in quotes
    row = _section(quotes, r'<tr id="doc-v1-q2">.*?</tr>')
    chain = re.findall(r"<td>(.*?)</td>", row)[-1]
    outlet, relay, speaker = (chain.index(w) for w in ("صحيفة الأفق", "الأنباء", "مصادر مطلعة"))
    assert outlet < relay < speaker
    assert chain.count("←") == 2
    assert 'href="#actor-org-wna"' in chain
    assert "مجهول" in row  # the anonymous source says so
    assert f'href="#{sentence_anchor(visit, _sentence(visit, "مصادر")[0])}"' in row
    direct = _section(quotes, r'<tr id="doc-v1-q1">.*?</tr>')
    assert "«المحادثات كانت بناءة»" in direct
    assert "مباشر" in direct and 'href="#actor-per-dawud"' in direct


def test_a_long_quote_is_cut_at_a_word_with_the_whole_in_its_title():
    long = " ".join(["الوضع الأمني في المنطقة يتطلب حواراً شاملاً"] * 10)
    doc = _doc("l5", [f"وأكد المتحدث أن {long}."])
    _quote(doc, long, "reported", speaker=_ref(doc, None, "المتحدث"), speaker_kind="role")
    row = _section(render_report([doc]), r'<tr id="doc-l5-q1">.*?</tr>')
    shown = re.search(r"<bdi>(.*?)</bdi>", row).group(1)
    assert shown.endswith("…") and len(shown) <= report_html.QUOTE_CHARS + 1
    assert long.startswith(shown[:-1])
    assert f'title="{long}"' in row
    assert "بالصفة" in row


def test_timeline_sorts_by_event_date_with_undated_last(visit, protest, older):
    page = render_report([visit, protest, older])
    timeline = _section(page, r'<section id="timeline">.*?</section>')
    rows = re.findall(r"<tr><td>.*?</tr>", timeline)
    order = [re.search(r'href="#(doc-\w+)-s\d+"', r).group(1) for r in rows]
    kinds = [re.search(r"(CONSULT|AGREE|PROTEST|THREATEN|تصريح)", r).group(1) for r in rows]
    # dated by event date: 2023-12, 2024-03-04, interval from 2024-04-01; then undated by
    # publication date: o3 (2024-01-01), p2 (2024-02-01), v1 (2024-03-10)
    assert kinds == ["PROTEST", "CONSULT", "AGREE", "تصريح", "THREATEN", "تصريح"]
    assert order == ["doc-p2", "doc-v1", "doc-v1", "doc-o3", "doc-p2", "doc-v1"]
    periods = re.findall(r"<summary>(.*?)</summary>", timeline)
    assert [re.sub(r"<[^>]+>", "", p) for p in periods] == [
        "2023-12 (1)",
        "2024-03 (1)",
        "2024-04 (1)",
        "بلا تاريخ (3)",
    ]
    assert "عنوان p2" in timeline
    for href in re.findall(r'href="#([^"]+)"', timeline):
        assert href.startswith("actor-") or href in _ids(page)


def test_a_long_timeline_is_folded_and_capped_per_month(monkeypatch):
    monkeypatch.setattr(report_html, "TIMELINE_PER_PERIOD", 5)
    monkeypatch.setattr(report_html, "TIMELINE_OPEN", 10)
    docs = []
    for i in range(12):
        doc = _doc(f"m{i}", ["اجتمع الوزراء في العاصمة."], published="2024-05-02")
        _event(doc, "اجتمع", "CONSULT", date={"value": f"2024-05-{i + 1:02d}", "text": "أمس"})
        docs.append(doc)
    timeline = _section(render_report(docs), r'<section id="timeline">.*?</section>')
    assert "(12)" in timeline
    assert len(re.findall(r"<tr><td>", timeline)) == 5
    assert "أول 5 من 12" in timeline
    assert '<details class="period">' in timeline  # folded: more events than TIMELINE_OPEN


def test_stats_and_contents_count_events_and_quotes(visit, protest):
    page = render_report([visit, protest])
    stats = _section(page, r'<ul class="stats">.*?</ul>')
    assert '<a href="#timeline"><strong>5</strong>الأحداث</a>' in stats
    assert "<strong>2</strong>الاقتباسات" in stats
    toc = _section(page, r'<nav class="toc".*?</nav>')
    assert "الأحداث: 3 · الاقتباسات: 2" in toc
    assert "الأحداث: 2</span>" in toc
    assert 'href="#timeline"' in toc


def _plain_document() -> Document:
    doc = _doc("n4", ["أعلن الوزير سمير داود يوم 3 مارس 2021 أن <الحكومة> ستستقيل."])
    start, end = _at(doc, "سمير داود")
    doc.add_span("entities", start, end, "PER", type="PER", actor="per-dawud")
    start, end = _at(doc, "3 مارس 2021")
    doc.add_span("timex", start, end, "DATE", value="2021-03-03")
    doc.actors = [Actor("per-dawud", "PER", "سمير داود", 1, ["سمير داود"])]
    return doc


def test_documents_without_events_render_as_before():
    doc = _plain_document()
    page = render_report([doc])
    assert (
        "<p>أعلن الوزير "
        '<a class="ent ent-PER" href="#actor-per-dawud" title="شخص: سمير داود">سمير داود</a> '
        'يوم <mark class="date" title="DATE: 2021-03-03">3 مارس 2021</mark> '
        "أن &lt;الحكومة&gt; ستستقيل.</p>"
    ) in page
    body = page[page.index("<body") :]
    for trace in ('id="timeline"', "evidence", "trigger", "الأحداث", "الاقتباسات", "toc-counts"):
        assert trace not in body, trace
    doc.spans["events"], doc.spans["quotes"] = [], []  # layers run but empty: the same page
    assert render_report([doc], generated_at="t") == render_report(
        [_plain_document()], generated_at="t"
    )


class _WellFormed(HTMLParser):
    """Checks that every end tag closes the innermost open element, and collects the text of
    each paragraph of the document bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.paragraphs: list[str] = []
        self.body_depth: int | None = None

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if tag == "div" and dict(attrs).get("class") == "body":
            self.body_depth = len(self.stack)
        if self.body_depth is not None and tag == "p":
            self.paragraphs.append("")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        if len(self.stack) == self.body_depth:
            self.body_depth = None

    def handle_data(self, data):
        if self.body_depth is not None and "p" in self.stack:
            self.paragraphs[-1] += data


def _check(page: str) -> _WellFormed:
    parser = _WellFormed()
    parser.feed(page)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    return parser


def test_overlapping_trigger_and_entity_marks_stay_well_formed():
    text = "وأدان رئيس الوزراء زيارة الوفد العسكري إلى مدينة الساحل يوم الأحد 5 مايو."
    doc = _doc("w6", [text])
    for words, kind in (
        ("رئيس الوزراء", "PER"),
        ("زيارة الوفد العسكري", "EVENT"),
        ("مدينة الساحل يوم", "LOC"),  # a name that runs into the date
    ):
        start, end = _at(doc, words)
        doc.add_span("entities", start, end, kind, type=kind, actor=f"x-{kind}")
    start, end = _at(doc, "يوم الأحد 5 مايو")
    doc.add_span("timex", start, end, "DATE", value="XXXX-05-05")
    _event(doc, "وأدان", "ACCUSE")
    _event(doc, "زيارة", "CONSULT", mode="visit")  # nested in the EVENT name
    _event(doc, "العسكري إلى", "MOBILIZE")  # crosses the end of the EVENT name
    _event(doc, "الوزراء زيارة", "CONSULT")  # crosses two names and another trigger
    _event(doc, "الأحد 5", "MOBILIZE")  # inside the date
    page = render_report([doc])
    parser = _check(page)
    assert parser.paragraphs == [text]  # nothing lost or doubled by the marks
    card = _card(page, doc)
    assert re.search(r'<a class="ent ent-EVENT"[^>]*><mark class="trigger"[^>]*>زيارة</mark>', card)
    # the trigger that crosses the name's end is cut in two at that end
    assert re.search(r'<mark class="trigger"[^>]*>العسكري</mark></a><mark class="trigger"', card)
    assert "ACCUSE · مؤكد" in card


def test_one_word_coded_twice_is_one_mark_with_both_titles():
    doc = _doc("t7", ["وحذر الجيش المسلحين من الاقتراب."])
    _event(doc, "وحذر", "THREATEN")
    _event(doc, "وحذر", "STATEMENT")
    card = _card(render_report([doc]), doc)
    assert card.count('<mark class="trigger"') == 1
    assert 'title="THREATEN · مؤكد؛ STATEMENT · مؤكد"' in card


def test_sentences_that_overlap_keep_their_own_anchors_and_stay_well_formed():
    doc = _doc("s8", ["رفض الحزب المقترح. وهاجم زعيمه الحكومة بشدة."])
    second = _at(doc, "وهاجم")[0]
    _event(doc, "رفض", "REJECT", sentence=[0, len(doc.clean_text)])  # the whole paragraph
    _event(doc, "وهاجم", "ACCUSE", sentence=[second, len(doc.clean_text)])
    page = render_report([doc])
    parser = _check(page)
    assert parser.paragraphs == [doc.clean_text]
    assert {sentence_anchor(doc, 0), sentence_anchor(doc, second)} <= _ids(page)


def test_an_evidence_sentence_split_across_paragraphs_is_anchored_once():
    doc = _doc("s9", ["قال الناطق باسم الشرطة", "إن الطريق سيُفتح غداً."])
    _event(doc, "قال", "STATEMENT", sentence=[0, len(doc.clean_text)])
    page = render_report([doc])
    parser = _check(page)
    assert parser.paragraphs == ["قال الناطق باسم الشرطة", "إن الطريق سيُفتح غداً."]
    assert page.count(f'id="{sentence_anchor(doc, 0)}"') == 1
    assert page.count('class="evidence"') == 2


def test_scraped_event_and_quote_text_cannot_inject_markup():
    doc = _doc("x1", ['قال <b>زعيم</b> إن "<script>x</script>" مقبول.'])
    _quote(
        doc,
        "<script>x</script>",
        "direct",
        speaker=_ref(doc, None, "<b>زعيم</b>"),
        chain=[OUTLET | {"text": '"><i>'}],
    )
    _event(doc, "قال", "STATEMENT", source=[_ref(doc, None, "<b>زعيم</b>")])
    page = render_report([doc])
    _check(page)
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page


def test_a_week_sorts_as_its_monday_and_an_unknown_year_as_undated():
    doc = _doc("k1", ["وصل الوفد الأسبوع الماضي. وغادر في الخامس من مايو. ثم عاد في 3 مارس 2024."])
    _event(doc, "وصل", "CONSULT", date={"value": "2024-W10", "text": "الأسبوع الماضي"})
    _event(doc, "وغادر", "RETREAT", date={"value": "XXXX-05-05", "text": "الخامس من مايو"})
    _event(doc, "عاد", "CONSULT", date={"value": "2024-03-03", "text": "3 مارس 2024"})
    timeline = _section(render_report([doc]), r'<section id="timeline">.*?</section>')
    shown = re.findall(r'<bdi dir="ltr">([^<]+)</bdi></span>', timeline)
    assert shown == ["2024-03-03", "2024-W10", "XXXX-05-05"]  # W10 starts on 4 March 2024
    periods = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<summary>(.*?)</summary>", timeline)]
    assert periods == ["2024-03 (2)", "بلا تاريخ (1)"]


def test_event_types_are_shown_in_arabic_with_the_plover_code(visit, protest):
    page = render_report([visit, protest])
    card = _card(page, visit)
    assert "تشاور · استضافة <code>CONSULT/host</code>" in card
    assert "موافقة · توقيع <code>AGREE/sign</code>" in card
    assert "احتجاج <code>PROTEST</code>" in _card(page, protest)


def test_an_unknown_event_type_is_shown_as_its_code(protest):
    _event(protest, "المحتجون", "INVESTIGATE")
    assert '<code class="ev-type">INVESTIGATE</code>' in _card(render_report([protest]), protest)


def _second_visit() -> Document:
    doc = _doc("v2", ["وقال داود في مؤتمر صحافي إن «الزيارة ستتكرر»."], published="2024-03-12")
    doc.actors = [Actor("per-dawud", "PER", "سمير داود", 1, ["داود"])]
    ref = _ref(doc, "per-dawud", "داود")
    _quote(
        doc,
        "الزيارة ستتكرر",
        "direct",
        speaker=ref,
        speaker_actors=[ref],
        chain=[OUTLET, {"kind": "speaker"} | ref],
    )
    return doc


def test_who_said_what_groups_quotes_by_speaker_across_documents(visit):
    page = render_report([visit, _second_visit()])
    section = _section(page, r'<section id="speakers">.*?</section>')
    assert "من قال ماذا (3)" in section
    heads = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<summary>(.*?)</summary>", section)]
    # the named speaker quoted in both documents first, then the anonymous source
    assert heads == ["سمير داود (2)", "مصادر مطلعة (مجهول) (1)"]
    first = re.search(r'<details class="speaker".*?</details>', section, re.S).group()
    assert "المحادثات كانت بناءة" in first and "الزيارة ستتكرر" in first
    assert "عنوان v1" in first and "عنوان v2" in first
    assert "وكالة الأنباء الوطنية" in section  # the anonymous source's chain keeps its relay
    for href in re.findall(r'href="#([^"]+)"', section):
        assert href.startswith("actor-") or href in _ids(page)
    stats = _section(page, r'<ul class="stats">.*?</ul>')
    assert '<a href="#speakers"><strong>3</strong>الاقتباسات</a>' in stats
    assert 'href="#speakers"' in _section(page, r'<nav class="toc".*?</nav>')


def test_anonymous_sources_group_by_the_actor_they_belong_to():
    docs = []
    for n, words in enumerate(("مصادر في الوزارة", "مصدر في الوزارة")):
        doc = _doc(f"a{n}", [f"وقالت {words} إن الاجتماع تأجل."])
        ref = _ref(doc, None, words)
        _quote(
            doc,
            "الاجتماع تأجل",
            "reported",
            speaker=ref,
            speaker_kind="anonymous",
            affiliation={"actor": "org-ministry", "text": "الوزارة", "start": 0, "end": 0},
        )
        doc.actors = [Actor("org-ministry", "ORG", "وزارة الداخلية", 1, ["الوزارة"])]
        docs.append(doc)
    section = _section(render_report(docs), r'<section id="speakers">.*?</section>')
    heads = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<summary>(.*?)</summary>", section)]
    assert heads == ["مجهول · وزارة الداخلية (2)"]


def test_who_said_what_is_capped_per_speaker_and_in_speakers(monkeypatch):
    monkeypatch.setattr(report_html, "QUOTES_PER_SPEAKER", 2)
    monkeypatch.setattr(report_html, "SPEAKERS_SHOWN", 1)
    docs = []
    for i in range(4):
        speaker = "per-a" if i < 3 else "per-b"
        doc = _doc(f"c{i}", [f"وقال المتحدث إن الوضع هادئ رقم {i}."])
        ref = _ref(doc, speaker, "المتحدث")
        _quote(doc, f"الوضع هادئ رقم {i}", "reported", speaker=ref, speaker_actors=[ref])
        docs.append(doc)
    section = _section(render_report(docs), r'<section id="speakers">.*?</section>')
    assert len(re.findall(r"<tr><td>", section)) == 2
    assert "أول 2 من 3" in section
    assert "أول 1 متكلماً من 2" in section


def test_a_corpus_without_quotes_has_no_who_said_what(protest):
    assert 'id="speakers"' not in render_report([protest])
