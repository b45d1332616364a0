"""``rasid events`` and ``events.csv``: the event table through the command line.

Runs the real pipeline on an article written for this test; assertions stay on what the
command promises (columns, filters, evidence), not on which events the rules find.
"""

from __future__ import annotations

import csv
import io
import json

from rasid.report.events_table import EVENT_COLUMNS

ARTICLE = """\
وزير الخارجية الأردني يزور بغداد

بغداد - الأحد 7 أبريل 2024

التقى وزير الخارجية الأردني أيمن الصفدي رئيس الوزراء العراقي محمد شياع السوداني في بغداد يوم السبت، وبحث معه ملف الربط الكهربائي بين البلدين.

وقال الصفدي في مؤتمر صحافي إن بلاده مستعدة لتوسيع التعاون التجاري مع العراق خلال العام المقبل.
"""


def _ingest(run_cli, tmp_path):
    page = tmp_path / "pages" / "visit.txt"
    page.parent.mkdir()
    page.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "r.db"
    assert run_cli("ingest", page.parent, "--db", db).exit_code == 0
    return db


def test_events_json_rows_have_the_documented_columns_and_their_evidence(run_cli, tmp_path):
    db = _ingest(run_cli, tmp_path)
    rows = json.loads(run_cli("events", "--db", db, "--format", "json").output)
    assert rows, "the article reports a meeting and a statement"
    for row in rows:
        assert tuple(row) == EVENT_COLUMNS
        assert row["trigger"] and row["trigger"] in row["evidence"]


def test_events_filters_by_type_and_writes_csv(run_cli, tmp_path):
    db = _ingest(run_cli, tmp_path)
    every = json.loads(run_cli("events", "--db", db, "--format", "json").output)
    kind = every[0]["type"]
    out = tmp_path / "some.csv"
    result = run_cli("events", "--db", db, "--type", kind.lower(), "--format", "csv", "--out", out)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["type"] for r in rows} == {kind}
    assert len(rows) == sum(r["type"] == kind for r in every)
    none = run_cli("events", "--db", db, "--since", "2100")
    assert none.exit_code == 0 and "no events match" in none.output


def test_analyze_writes_the_event_table(run_cli, tmp_path):
    page = tmp_path / "visit.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("analyze", page, "--out", out).exit_code == 0
    with (out / "events.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == EVENT_COLUMNS
        assert list(reader)
