"""Articles from HTML: trafilatura finds the main content, rasid's line classifier cleans it.

trafilatura is the field's reference extractor, but on Arabic pages it keeps chrome it does
not know ("زر الذهاب إلى الأعلى", "اقرأ أيضاً" boxes, repeated captions) and it returns one
text even when a page carries two articles. So rasid (1) looks for several article
containers and extracts each on its own, (2) runs trafilatura's output through the same line
classifier as text pages, and (3) reads headline, outlet and dates from the page's metadata
before falling back to what the text says.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml import etree

from rasid.normalize import normalize_arabic
from rasid.stages.clean.lines import is_date_line
from rasid.stages.clean.rules import chrome_rules, norm_line
from rasid.stages.clean.text import TextArticle, extract_text_page

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "br",
        "tr",
        "td",
        "th",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "figure",
        "figcaption",
        "blockquote",
        "pre",
        "form",
        "main",
        "dt",
        "dd",
        "title",
    ]
)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")
_SUBHEAD_HINT = re.compile(
    r"sub-?title|sub-?head|standfirst|excerpt|strapline|\bdeck\b|\blead\b|summary|intro", re.I
)
CONTAINER_MIN_WORDS = 80
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "DC.date.issued",
    "dc.date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
)
_SITE_META = ("og:site_name", "application-name", "publisher", "twitter:site")


@dataclass
class HtmlArticle:
    paragraphs: list[str]
    headline: tuple[str, str] | None = None  # (text, method)
    subheadline: tuple[str, str] | None = None
    published: tuple[str, str] | None = None


@dataclass
class HtmlPage:
    articles: list[HtmlArticle]
    outlet: tuple[str, str] | None = None
    page_date: str | None = None
    title: str | None = None
    url: str | None = None
    visible_lines: list[str] = field(default_factory=list)


def parse_html(html: str) -> etree._Element | None:
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def tag_line_kind(norm: str) -> str | None:
    return chrome_rules().kind(norm, len(norm.split()))


def visible_lines(tree: etree._Element) -> list[str]:
    """The page's visible text, one line per block element (the no-extraction view)."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP_TAGS:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    return [" ".join(ln.split()) for ln in "".join(parts).split("\n") if ln.strip()]


def _meta(tree: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop")
        val = m.get("content")
        if key and val and val.strip():
            out.setdefault(key.strip(), val.strip())
    return out


def _jsonld(tree: etree._Element) -> list[dict]:
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                found.append(item)
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            elif isinstance(item, list):
                stack.extend(item)
    return found


def _text_of(el: etree._Element) -> str:
    return " ".join(el.text_content().split())


def find_containers(tree: etree._Element) -> list[tuple[str, etree._Element]]:
    """(headline, container) for each article when the page carries two or more.

    Headline-like ``h1`` and ``h2`` headings are found first (an ``h2`` inside an ``h1``
    article's text is a section heading and is left out); each one's container is its
    nearest ancestor holding enough text, provided that ancestor holds no other such
    heading. Two or more such disjoint containers mean several articles (an infinite-scroll
    "next article", a second story under the first). Sidebar teasers never qualify: the
    ancestor that would hold enough text holds their neighbours' headings too.
    """
    heads = [h for h in tree.iter("h1", "h2") if _headline_like(_text_of(h))]
    top = [h for h in heads if h.tag == "h1"]
    heads = [h for h in heads if h.tag == "h1" or not _is_crosshead(h, top)]
    if len(heads) < 2:
        return []
    found: list[tuple[str, etree._Element]] = []
    for h in heads:
        box = _own_container(h, heads)
        if box is not None and not any(_contains(box, b) or _contains(b, box) for _, b in found):
            found.append((_text_of(h), box))
    return found if len(found) >= 2 else []


def _is_crosshead(h2: etree._Element, h1s: list[etree._Element]) -> bool:
    """An h2 inside the text block of an article headed by an h1 is a section heading."""
    for anc in h2.iterancestors():
        if anc.tag in ("body", "html"):
            return False
        if len(_text_of(anc).split()) >= CONTAINER_MIN_WORDS:
            return any(_contains(anc, h1) for h1 in h1s)
    return False


def _headline_like(text: str) -> bool:
    norm = norm_line(text)
    return len(norm.split()) >= 3 and not tag_line_kind(norm)


def _own_container(head: etree._Element, heads: list[etree._Element]) -> etree._Element | None:
    for anc in head.iterancestors():
        if anc.tag in ("body", "html"):
            return None
        if any(other is not head and _contains(anc, other) for other in heads):
            return None
        if len(_text_of(anc).split()) >= CONTAINER_MIN_WORDS:
            return anc
    return None


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    return any(a is outer for a in inner.iterancestors())


_NOT_BODY_XPATH = (
    "//figcaption|//figure|//*[contains(@class,'caption')]|//*[contains(@class,'wp-caption')]"
    "|//blockquote[contains(@class,'twitter-tweet') or contains(@class,'instagram-media')]"
)


def drop_non_body(tree: etree._Element) -> set[str]:
    """Remove what is never article text however a page lays it out: photo captions
    (figure/figcaption, *caption* classes) and embedded social posts.

    Returns the normalized caption and image alt texts, so that a caption the page repeats
    as an ordinary paragraph can be recognised and dropped too.
    """
    captions = {norm_line(img.get("alt", "")) for img in tree.iter("img")}
    for el in tree.xpath(_NOT_BODY_XPATH):
        captions.add(norm_line(_text_of(el)))
        if el.getparent() is not None:
            el.drop_tree()
    return {c for c in captions if len(c.split()) >= 3}


def _extract(html_fragment: str) -> list[str]:
    text = trafilatura.extract(
        html_fragment,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        favor_recall=True,
    )
    lines = (" ".join(ln.split()).strip("| ") for ln in (text or "").splitlines())
    return [ln for ln in lines if ln]


def _heading(el: etree._Element, levels: str = ".//h1|.//h2") -> str | None:
    """The first heading that reads like a headline (not a logo or a sidebar title)."""
    for h in el.xpath(levels):
        text = _text_of(h)
        norm = norm_line(text)
        if len(norm.split()) >= 3 and not tag_line_kind(norm):
            return text
    return None


def _published(meta: dict[str, str], ld: list[dict]) -> tuple[str, str] | None:
    for key in _DATE_META:
        if key in meta:
            return meta[key], f"html-meta:{key}"
    for item in ld:
        if isinstance(item.get("datePublished"), str):
            return item["datePublished"], "json-ld:datePublished"
    return None


def _outlet(meta: dict[str, str], ld: list[dict]) -> tuple[str, str] | None:
    for key in _SITE_META:
        val = meta.get(key, "")
        if val and not val.startswith("@") and not val.startswith("http"):
            return val, f"html-meta:{key}"
    for item in ld:
        pub = item.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str) and pub["name"].strip():
            return pub["name"].strip(), "json-ld:publisher"
    return None


def clean_lines(lines: list[str], drop: set[str]) -> list[TextArticle]:
    """trafilatura's lines through rasid's text cleaner: the articles they hold."""
    lines = [ln for ln in lines if norm_line(ln) not in drop]
    if not lines:
        return []
    articles = [a for a in extract_text_page("\n\n".join(lines)).articles if a.paragraphs]
    for art in articles:
        art.paragraphs = drop_pull_quotes(art.paragraphs)
    return articles


def drop_pull_quotes(paragraphs: list[str]) -> list[str]:
    """Drop a short paragraph that repeats a passage of another one (a pull quote)."""
    norms = [norm_line(p).strip("«»\"“”' ") for p in paragraphs]
    kept = []
    for i, (para, norm) in enumerate(zip(paragraphs, norms, strict=True)):
        repeated = len(norm.split()) >= 4 and any(
            j != i and len(other) > len(norm) and norm in other for j, other in enumerate(norms)
        )
        if not repeated:
            kept.append(para)
    return kept


def _subheadline(el: etree._Element) -> str | None:
    for sub in el.iter():
        if not isinstance(sub.tag, str):
            continue
        attrs = f"{sub.get('class', '')} {sub.get('id', '')}"
        if _SUBHEAD_HINT.search(attrs):
            text = _text_of(sub)
            if 4 <= len(text.split()) <= 60:
                return text
    return None


def _strip_site_suffix(title: str, outlet: str | None) -> str:
    """The headline inside a page title: no site name, no "طباعة:" print-page label."""
    lead, sep, rest = title.partition(":")
    if sep and rest.strip() and tag_line_kind(norm_line(lead)):
        title = rest.strip()
    parts = re.split(r"\s+[|–—»-]\s+|\s*(?:\||::)\s*", title)
    if len(parts) < 2:
        return title.strip()
    if outlet and normalize_arabic(parts[-1]) == normalize_arabic(outlet):
        return " - ".join(parts[:-1]).strip()
    longest = max(parts, key=lambda p: len(p.split()))
    return longest.strip() if len(longest.split()) >= 3 else title.strip()


def extract_html_page(html: str) -> HtmlPage:
    tree = parse_html(html)
    if tree is None:
        return HtmlPage([])
    meta = _meta(tree)
    ld = _jsonld(tree)
    outlet = _outlet(meta, ld)
    title_el = tree.find(".//title")
    title = _text_of(title_el) if title_el is not None else None
    lines = visible_lines(tree)
    page = HtmlPage([], outlet, None, title, meta.get("og:url"), lines)
    published = _published(meta, ld)
    captions = drop_non_body(tree)

    containers = find_containers(tree)
    if containers:
        pieces = []
        for heading, el in containers:
            frag = lxml.html.tostring(el, encoding="unicode")
            pieces.append((heading, el, f"<html><body>{frag}</body></html>"))
    else:
        body = tree.find(".//body")
        scope = body if body is not None else tree
        pieces = [(_heading(scope, ".//h1"), scope, lxml.html.tostring(tree, encoding="unicode"))]

    for heading, scope, fragment in pieces:
        head = None
        if heading:
            head = (heading, "html-heading")
        elif meta.get("og:title"):
            head = (
                _strip_site_suffix(meta["og:title"], outlet and outlet[0]),
                "html-meta:og:title",
            )
        elif title:
            head = (_strip_site_suffix(title, outlet and outlet[0]), "html-title")
        sub = _subheadline(scope)
        drop = {norm_line(t) for t in (head and head[0], sub) if t} | captions
        for k, found in enumerate(clean_lines(_extract(fragment), drop)):
            art = HtmlArticle(found.paragraphs)
            if k == 0:
                art.headline = head
                art.subheadline = (sub, "html-class") if sub else None
            elif found.headline is not None:
                art.headline = (found.headline.text, "line-classifier")
            if not page.articles:
                art.published = published
            page.articles.append(art)

    page.page_date = next((ln for ln in lines[:40] if is_date_line(norm_line(ln))), None)
    return page
