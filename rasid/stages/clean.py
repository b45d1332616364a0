"""Clean stage (provisional): page -> documents. Being replaced by the real extractor."""

from __future__ import annotations

from rasid.document import Document, Found, Page


def clean_page(page: Page) -> list[Document]:
    text = page.text if page.text is not None else (page.html or "")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    headline = Found(lines[0], "first-line") if lines else None
    doc = Document(
        id=Document.make_id(page.page_id, 0),
        page_id=page.page_id,
        article_index=0,
        source=page.source,
        format=page.format,
        url=page.meta.get("url"),
        encoding=page.encoding,
        raw_text=page.content,
        clean_text="\n\n".join(lines[1:]),
        headline=headline,
    )
    return [doc]
