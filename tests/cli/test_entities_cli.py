"""Actors through the command line: analyze's outputs, ingest's linking, ``rasid entities``.

The tagger is replaced by one that knows a fixed list of names, so these tests pin what the
commands do with entities, not what the trained model happens to find.
"""

from __future__ import annotations

import csv
import json

import jsonschema
import pytest

import rasid.stages.entities as entities_stage
from rasid.report.json_export import corpus_schema
from tests.stages.test_entities import ListTagger

NAMES = {
    "رجب طيب أردوغان": "PER",
    "إردوغان": "PER",
    "أنقرة": "LOC",
    "أبو مازن": "PER",
    "محمود عباس": "PER",
}

ONE = """أردوغان يستقبل وفداً في أنقرة

استقبل الرئيس التركي رجب طيب أردوغان وفداً رفيعاً في أنقرة يوم الإثنين، وبحث معه ملفات التعاون الاقتصادي والطاقة بين البلدين في ظل التطورات الأخيرة.
"""

TWO = """إردوغان: لا تراجع عن المشروع

قال إردوغان في كلمة أمام البرلمان إن بلاده ماضية في مشروع الممر التجاري الجديد، مؤكداً أن الأعمال ستبدأ قبل نهاية العام الحالي كما هو مقرر.
"""

THREE = """عباس يرحب بالبيان الختامي

رحب محمود عباس بالبيان الختامي للقمة، وقال أبو مازن في تصريح لاحق إن الموقف العربي الموحد يمنح الفلسطينيين دعماً سياسياً مهماً في المرحلة المقبلة.
"""


@pytest.fixture(autouse=True)
def list_tagger(monkeypatch):
    monkeypatch.setattr(entities_stage, "_tagger", lambda: ListTagger(NAMES))


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in (("one.txt", ONE), ("two.txt", TWO), ("three.txt", THREE)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _actors(run_cli, db, *args) -> list[dict]:
    result = run_cli("entities", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_analyze_writes_linked_actors_the_schema_accepts(run_cli, files, tmp_path):
    out = tmp_path / "out"
    run_cli("analyze", files, "--out", out)
    corpus = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    jsonschema.validate(corpus, corpus_schema())
    erdogan = [a for a in corpus["actors"] if "إردوغان" in a["aliases"]]
    assert len(erdogan) == 1 and erdogan[0]["documents"] == 2
    assert erdogan[0]["name"] == "رجب طيب أردوغان"
    assert "الرئيس التركي" in erdogan[0]["roles"]
    ids = {
        s["attrs"]["actor"]
        for d in corpus["documents"]
        for s in d["spans"]["entities"]
        if s["attrs"]["type"] == "PER" and "غان" in s["text"]
    }
    assert ids == {erdogan[0]["id"]}
    report = (out / "report.html").read_text(encoding="utf-8")
    assert f'id="actor-{erdogan[0]["id"]}"' in report
    assert f'href="#actor-{erdogan[0]["id"]}"' in report
    rows = list(csv.DictReader((out / "aliases.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert {r["alias"] for r in rows if r["id"] == erdogan[0]["id"]} == {
        "رجب طيب أردوغان",
        "إردوغان",
        "أردوغان",  # the first headline's spelling: headlines are read too
    }
    (first,) = [d for d in corpus["documents"] if d["headline"]["value"].startswith("أردوغان")]
    span = first["spans"]["headline_entities"][0]
    assert (span["start"], span["end"], span["attrs"]["actor"]) == (0, 7, erdogan[0]["id"])
    assert f'<a class="ent ent-PER" href="#actor-{erdogan[0]["id"]}"' in report


def test_ingest_links_new_documents_to_actors_already_stored(run_cli, files, tmp_path):
    db = tmp_path / "r.db"
    run_cli("ingest", files / "one.txt", "--db", db)
    (before,) = [a for a in _actors(run_cli, db) if a["type"] == "PER"]
    run_cli("ingest", files / "two.txt", "--db", db)
    people = [a for a in _actors(run_cli, db) if a["type"] == "PER"]
    assert [(a["id"], a["documents"]) for a in people] == [(before["id"], 2)]


def test_entities_search_ignores_hamza_and_filters_by_type(run_cli, files, tmp_path):
    db = tmp_path / "r.db"
    run_cli("ingest", files, "--db", db)
    (found,) = _actors(run_cli, db, "اردوغان")
    assert found["type"] == "PER" and found["mentions"] == 4  # two in headlines, two in bodies
    assert {a["type"] for a in _actors(run_cli, db, "--type", "loc")} == {"LOC"}
    table = run_cli("entities", "--db", db).output
    assert "أنقرة" in table


def test_edited_alias_table_merges_actors_on_the_next_ingest(run_cli, files, tmp_path):
    db = tmp_path / "r.db"
    run_cli("ingest", files / "three.txt", "--db", db)
    people = {a["name"]: a["id"] for a in _actors(run_cli, db, "--type", "PER")}
    assert set(people) == {"محمود عباس", "أبو مازن"}
    aliases = tmp_path / "aliases.tsv"
    run_cli("entities", "--db", db, "--aliases-out", aliases)
    lines = aliases.read_text(encoding="utf-8").splitlines()
    fixed = [
        "\t".join([people["محمود عباس"], "PER", "محمود عباس", *line.split("\t")[3:]])
        if line.split("\t")[3] == "أبو مازن"
        else line
        for line in lines
    ]
    aliases.write_text("\n".join(fixed) + "\n", encoding="utf-8")
    again = tmp_path / "again.db"
    run_cli("ingest", files / "three.txt", "--db", again, "--aliases", aliases)
    (abbas,) = _actors(run_cli, again, "--type", "PER")
    assert abbas["id"] == people["محمود عباس"]
    assert set(abbas["aliases"]) == {"محمود عباس", "أبو مازن", "عباس"}  # "عباس": the headline


def test_bad_alias_file_is_refused_before_anything_runs(run_cli, files, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("just\tsome\tcolumns\n", encoding="utf-8")
    result = run_cli("ingest", files, "--db", tmp_path / "r.db", "--aliases", bad)
    assert result.exit_code == 1
    assert "missing columns" in result.output
    assert not (tmp_path / "r.db").exists()
