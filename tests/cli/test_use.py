"""Using a stored corpus: ``rasid search``, ``rasid show`` and ``rasid export``."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from rasid.document import Document
from rasid.report.json_export import CSV_COLUMNS, corpus_schema
from rasid.store import Store


@pytest.fixture
def db(run_cli, scrape, tmp_path):
    path = tmp_path / "rasid.db"
    run_cli("ingest", scrape, "--db", path)
    return path


def _stored(db) -> list[Document]:
    with Store(db) as store:
        return list(store.iter_documents())


def _by_source(db, name) -> Document:
    (doc,) = [d for d in _stored(db) if d.source.endswith(name)]
    return doc


# -- search --------------------------------------------------------------------------------


def test_search_lists_id_headline_outlet_and_a_snippet(run_cli, db):
    tunisia = _by_source(db, "tunisia.html")
    result = run_cli("search", "قرطاج", "--db", db)
    assert result.exit_code == 0
    assert tunisia.id in result.stdout
    assert tunisia.outlet.value in result.stdout
    assert "قصر قرطاج" in result.stdout


def test_search_finds_a_name_written_with_a_clitic_and_other_spellings(run_cli, db):
    libya = _by_source(db, "libya.txt")
    for query in ("حفتر", "الحكومه", "اعلنت", "الطواريء".replace("ء", "")):
        hits = json.loads(run_cli("search", query, "--db", db, "--json").stdout)
        assert libya.id in [h["id"] for h in hits], query


def test_search_json_gives_hits_with_highlight_offsets_into_the_snippet(run_cli, db):
    hits = json.loads(run_cli("search", "حفتر", "--db", db, "--json").stdout)
    (hit,) = hits
    (start, end), *_ = hit["highlights"]
    assert hit["snippet"][start:end] == "لحفتر"


def test_search_words_may_be_given_unquoted(run_cli, db):
    oil = [d for d in _stored(db) if "النفط" in d.clean_text]
    hits = json.loads(run_cli("search", "النفط", "المخزونات", "--db", db, "--json").stdout)
    assert [h["id"] for h in hits] == [d.id for d in oil]


def test_search_limit(run_cli, db):
    hits = json.loads(run_cli("search", "في", "--db", db, "--json", "--limit", "2").stdout)
    assert len(hits) == 2


def test_search_without_matches_says_so_and_succeeds(run_cli, db):
    result = run_cli("search", "بطولة", "--db", db)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no documents match" in result.stderr


def test_search_without_a_database_does_not_create_one(run_cli, tmp_path):
    result = run_cli("search", "حفتر", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert "no database at" in result.stderr
    assert not (tmp_path / "none.db").exists()


# -- show ----------------------------------------------------------------------------------


def test_show_prints_facts_with_how_they_were_found_then_the_text(run_cli, db):
    tunisia = _by_source(db, "tunisia.html")
    out = run_cli("show", tunisia.id, "--db", db).stdout
    assert out.splitlines()[0] == tunisia.headline.value
    assert f"outlet:     {tunisia.outlet.value}  (via {tunisia.outlet.method})" in out
    published = tunisia.published
    assert (
        f"published:  {published.value} = {published.normalized}  (via {published.method})" in out
    )
    assert out.rstrip().endswith(tunisia.clean_text.rstrip())


def test_show_accepts_an_unambiguous_id_prefix(run_cli, db):
    doc = _by_source(db, "port.txt")
    others = [d.id for d in _stored(db) if d.id != doc.id]
    n = next(n for n in range(1, 17) if not any(o.startswith(doc.id[:n]) for o in others))
    result = run_cli("show", doc.id[:n], "--db", db, "--json")
    assert Document.from_dict(json.loads(result.stdout)) == doc


def test_show_refuses_an_ambiguous_or_unknown_id(run_cli, db):
    ambiguous = run_cli("show", "", "--db", db)
    assert ambiguous.exit_code == 1 and "matches several documents" in ambiguous.stderr
    unknown = run_cli("show", "zzzz", "--db", db)
    assert unknown.exit_code == 1 and "no document with id 'zzzz'" in unknown.stderr


def test_a_non_arabic_document_is_stored_with_its_language(run_cli, db):
    doc = json.loads(run_cli("show", _by_source(db, "port.txt").id, "--db", db, "--json").stdout)
    assert doc["language"] == "other"
    assert "Shipping agents welcomed the decision" in doc["clean_text"]


# -- export --------------------------------------------------------------------------------


def test_export_jsonl_round_trips_every_document(run_cli, db):
    result = run_cli("export", "--format", "jsonl", "--db", db)
    lines = result.stdout.splitlines()
    document = jsonschema.Draft202012Validator(
        {"$ref": "#/$defs/document", "$defs": corpus_schema()["$defs"]}
    )
    for line in lines:
        document.validate(json.loads(line))
    assert [Document.from_dict(json.loads(line)) for line in lines] == _stored(db)


def test_export_csv_has_the_documented_columns_and_round_trips_the_text(run_cli, db, tmp_path):
    out = tmp_path / "docs.csv"
    result = run_cli("export", "--format", "csv", "--db", db, "--out", out)
    assert result.exit_code == 0 and "wrote 5 documents" in result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    for row, doc in zip(rows, _stored(db), strict=True):
        assert row["id"] == doc.id
        assert row["clean_text"] == doc.clean_text  # multi-line Arabic text survives quoting
        assert row["headline"] == (doc.headline.value if doc.headline else "")
        assert int(row["n_sentences"]) == len(doc.sentences)
        assert row["language"] == doc.language


def test_export_csv_with_bom_for_excel(run_cli, db):
    result = run_cli("export", "--format", "csv", "--bom", "--db", db)
    assert result.stdout.startswith("\ufeffid,page_id,")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert len(rows) == 5


def test_export_json_is_a_valid_corpus(run_cli, db):
    corpus = json.loads(run_cli("export", "--format", "json", "--db", db).stdout)
    jsonschema.validate(corpus, corpus_schema())
    assert len(corpus["documents"]) == 5


def test_a_damaged_database_is_a_clear_error_not_a_traceback(run_cli, db):
    data = bytearray(db.read_bytes())
    for page in range(4096, len(data), 4096):  # every page after the first
        data[page : page + 200] = b"\xff" * 200
    db.write_bytes(bytes(data))
    for args in (("search", "حفتر"), ("export",), ("show", "0")):
        result = run_cli(*args, "--db", db)
        assert result.exit_code == 1, args
        assert "is damaged" in result.stderr, args


def test_show_lists_the_dates_found_with_their_values(run_cli, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(
        "اتفاق جديد بين البلدين\n\n"
        "وقّع البلدان الأحد 1 مارس 2020 اتفاقاً للتعاون التجاري، بعد مفاوضات بدأت ليل السبت.\n",
        encoding="utf-8",
    )
    db = tmp_path / "r.db"
    run_cli("ingest", page, "--db", db)
    from rasid.store import Store

    with Store(db) as store:
        (doc,) = list(store.iter_documents())
    out = run_cli("show", doc.id, "--db", db).stdout
    assert "= 2020-03-01" in out  # the publication date, normalized
    assert "الأحد 1 مارس 2020  →  date 2020-03-01" in out
    assert "السبت  →  date 2020-02-29" in out
