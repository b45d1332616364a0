"""Clean stage: a scraped page in, one Document per article out.

Text pages go through rasid's own line classifier (:mod:`.text`); HTML goes through
trafilatura and then the same classifier (:mod:`.html`). Either way each article gets its
clean body (paragraphs separated by a blank line), headline, subheadline, outlet, the site's
date header (``page_date``) and the article's own date (``published``) as raw strings with
how they were found. Parsing dates into values is the time stage's job.
"""

from __future__ import annotations

from rasid.document import Document, Found, Page
from rasid.stages.clean.html import extract_html_page
from rasid.stages.clean.outlet import find_outlet
from rasid.stages.clean.text import Unit, extract_text_page

__all__ = ["clean_page"]


def _raw_found(unit: Unit | None, method: str) -> Found | None:
    if unit is None:
        return None
    return Found(unit.text, method, "raw", unit.start, unit.end)


def _locate(raw: str, value: str | None, method: str) -> Found | None:
    """A Found for ``value`` pointing at its first occurrence in the raw page, if any."""
    if not value:
        return None
    pos = raw.find(value)
    if pos < 0:
        return Found(value, method)
    return Found(value, method, "raw", pos, pos + len(value))


def _meta_found(page: Page, key: str, method: str) -> Found | None:
    value = (page.meta.get(key) or "").strip()
    return Found(value, method) if value else None


def _document(page: Page, index: int, paragraphs: list[str]) -> Document:
    return Document(
        id=Document.make_id(page.page_id, index),
        page_id=page.page_id,
        article_index=index,
        source=page.source,
        format=page.format,
        url=page.meta.get("url"),
        encoding=page.encoding,
        raw_text=page.content,
        clean_text="\n\n".join(paragraphs),
    )


def _clean_text_page(page: Page) -> list[Document]:
    raw = page.text or ""
    found = extract_text_page(raw)
    heads = [a.headline.text for a in found.articles if a.headline]
    outlet = find_outlet([u.text for u in found.units], heads[0] if heads else None)
    docs = []
    for i, art in enumerate(found.articles):
        doc = _document(page, i, art.paragraphs)
        doc.headline = _raw_found(art.headline, "line-classifier")
        doc.subheadline = _raw_found(art.subheadline, "line-classifier")
        doc.published = _raw_found(art.published, "dateline")
        doc.page_date = _raw_found(found.page_date, "site-header")
        if outlet:
            doc.outlet = _locate(raw, outlet[0], outlet[1])
        docs.append(doc)
    return docs


def _clean_html_page(page: Page) -> list[Document]:
    raw = page.html or ""
    found = extract_html_page(raw)
    outlet = None
    if found.outlet:
        outlet = _locate(raw, *found.outlet)
    else:
        head = (
            found.articles[0].headline[0] if found.articles and found.articles[0].headline else None
        )
        text_outlet = find_outlet(found.visible_lines, head)
        if text_outlet:
            outlet = _locate(raw, *text_outlet)
    docs = []
    for i, art in enumerate(found.articles):
        doc = _document(page, i, art.paragraphs)
        doc.headline = _locate(raw, *art.headline) if art.headline else None
        doc.subheadline = _locate(raw, *art.subheadline) if art.subheadline else None
        doc.published = _locate(raw, *art.published) if art.published else None
        doc.page_date = _locate(raw, found.page_date, "site-header")
        doc.outlet = outlet
        if doc.url is None and found.url:
            doc.url = found.url
        docs.append(doc)
    return docs


def _merge(page: Page, docs: list[Document]) -> Document:
    merged = _document(page, 0, [d.clean_text for d in docs if d.clean_text])
    first = docs[0]
    merged.subheadline, merged.outlet = first.subheadline, first.outlet
    merged.page_date, merged.published = first.page_date, first.published
    return merged


def clean_page(page: Page) -> list[Document]:
    """Split a page into articles and clean each; a page with no article yields one empty
    document carrying a warning, so the page is still recorded and counted."""
    docs = _clean_html_page(page) if page.html is not None else _clean_text_page(page)
    if page.meta.get("title") and len(docs) > 1:
        docs = [_merge(page, docs)]  # a record with its own title is one article
    for doc in docs:
        if page.meta.get("title"):
            doc.headline = _meta_found(page, "title", "metadata:title")
        if page.meta.get("outlet"):
            doc.outlet = _meta_found(page, "outlet", "metadata:outlet")
        if page.meta.get("date") and doc.article_index == 0:
            doc.published = _meta_found(page, "date", "metadata:date")
    if not docs:
        doc = _document(page, 0, [])
        doc.warnings.append("no article text found on the page")
        docs = [doc]
    return docs
