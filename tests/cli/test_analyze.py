"""``rasid analyze``: a folder with good and broken files → corpus.json + report.html."""

from __future__ import annotations

import json
import shutil

import jsonschema

from rasid.document import Document
from rasid.pipeline import Pipeline
from rasid.report.json_export import corpus_schema


def _corpus(out):
    return json.loads((out / "corpus.json").read_text(encoding="utf-8"))


def test_broken_files_fail_the_run_after_everything_else_is_written(run_cli, scrape, tmp_path):
    out = tmp_path / "out"
    result = run_cli("analyze", scrape, "--out", out)

    assert result.exit_code == 1
    corpus = _corpus(out)
    jsonschema.Draft202012Validator(
        corpus_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(corpus)
    sources = sorted({d["source"].rsplit("/", 1)[-1] for d in corpus["documents"]})
    assert sources == ["feed.jsonl", "libya.txt", "port.txt", "tunisia.html"]
    assert len(corpus["documents"]) == 5  # two from the JSONL file
    failed = {(f["path"].rsplit("/", 1)[-1], f["position"]) for f in corpus["failures"]}
    assert failed == {("empty.txt", None), ("photo.html", None), ("feed.jsonl", 2)}
    assert (out / "report.html").is_file()


def test_failures_are_listed_with_their_reason_and_counted_in_the_summary(
    run_cli, scrape, tmp_path
):
    result = run_cli("analyze", scrape, "--out", tmp_path / "out")

    assert "empty.txt" in result.stderr and "empty file" in result.stderr
    assert "photo.html" in result.stderr and "binary" in result.stderr
    assert "feed.jsonl" in result.stderr and "line 2" in result.stderr
    assert "6 files, 5 documents, 3 failed" in result.stdout


def test_documents_keep_the_text_of_their_file(run_cli, scrape, tmp_path):
    run_cli("analyze", scrape, "--out", tmp_path / "out")
    docs = [Document.from_dict(d) for d in _corpus(tmp_path / "out")["documents"]]
    by_source = {d.source.rsplit("/", 1)[-1]: d for d in docs}
    assert "قوات موالية لحفتر" in by_source["libya.txt"].clean_text
    assert "قصر قرطاج" in by_source["tunisia.html"].clean_text
    assert "الرئيسية" not in by_source["tunisia.html"].clean_text  # navigation is not text


def test_a_non_arabic_page_is_kept_with_its_language_marked(run_cli, scrape, tmp_path):
    result = run_cli("analyze", scrape, "--out", tmp_path / "out")
    languages = {
        d["source"].rsplit("/", 1)[-1]: d["language"]
        for d in _corpus(tmp_path / "out")["documents"]
    }
    assert languages["port.txt"] == "other"
    assert languages["libya.txt"] == "ar"
    assert "1 document is not Arabic" in result.stdout


def test_a_clean_folder_exits_zero(run_cli, scrape, tmp_path):
    for name in ("empty.txt", "photo.html", "feed.jsonl"):
        (scrape / name).unlink()
    result = run_cli("analyze", scrape, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "3 files, 3 documents, 0 failed" in result.stdout
    assert _corpus(tmp_path / "out")["failures"] == []


def test_the_same_article_in_two_files_is_listed_once(run_cli, scrape, tmp_path):
    shutil.copy(scrape / "libya.txt", scrape / "libya-copy.txt")
    result = run_cli("analyze", scrape, "--out", tmp_path / "out")
    ids = [d["id"] for d in _corpus(tmp_path / "out")["documents"]]
    assert len(ids) == len(set(ids)) == 5
    assert "(1 duplicates left out)" in result.stdout


def test_a_page_without_article_text_is_a_warning_not_a_failure(run_cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nav.html").write_text(
        "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", encoding="utf-8"
    )
    result = run_cli("analyze", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "Warnings" in result.stderr and "nav.html" in result.stderr
    assert _corpus(tmp_path / "out")["warnings"][0]["path"].endswith("nav.html")


def test_a_crash_inside_the_pipeline_fails_only_that_file(run_cli, scrape, tmp_path, monkeypatch):
    import rasid.run
    from rasid.pipeline import default_pipeline

    real = default_pipeline()

    def clean_or_crash(page):
        if page.source.endswith("libya.txt"):
            raise ValueError("unexpected table layout")
        return real.page_stage(page)

    monkeypatch.setattr(
        rasid.run, "default_pipeline", lambda: Pipeline(clean_or_crash, real.stages)
    )
    result = run_cli("analyze", scrape, "--out", tmp_path / "out")

    assert result.exit_code == 1
    assert "ValueError: unexpected table layout" in result.stderr
    corpus = _corpus(tmp_path / "out")
    assert not any(d["source"].endswith("libya.txt") for d in corpus["documents"])
    assert len(corpus["documents"]) == 4
    assert "6 files, 4 documents, 4 failed" in result.stdout


def test_outputs_are_replaced_on_a_second_run(run_cli, scrape, tmp_path):
    out = tmp_path / "out"
    run_cli("analyze", scrape / "libya.txt", "--out", out)
    run_cli("analyze", scrape / "port.txt", "--out", out)
    (doc,) = _corpus(out)["documents"]
    assert doc["source"].endswith("port.txt")
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no temp files


def test_a_missing_path_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("analyze", tmp_path / "nope", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_progress_bar_shows_on_a_terminal_unless_quiet(run_cli, scrape, tmp_path):
    out = tmp_path / "out"
    on_terminal = run_cli("analyze", scrape, "--out", out, env={"FORCE_COLOR": "1"})
    quiet = run_cli("analyze", scrape, "--out", out, "--quiet", env={"FORCE_COLOR": "1"})
    piped = run_cli("analyze", scrape, "--out", out)
    assert "processing" in on_terminal.stderr and "6/6" in on_terminal.stderr
    assert "processing" not in quiet.stderr
    assert "processing" not in piped.stderr and "\x1b[" not in piped.stderr


def test_a_crash_on_one_record_names_the_line_and_drops_the_whole_file(
    run_cli, scrape, tmp_path, monkeypatch
):
    import rasid.run
    from rasid.pipeline import default_pipeline

    real = default_pipeline()

    def clean_or_crash(page):
        if page.meta.get("url", "").endswith("/culture/7"):
            raise KeyError("byline")
        return real.page_stage(page)

    monkeypatch.setattr(
        rasid.run, "default_pipeline", lambda: Pipeline(clean_or_crash, real.stages)
    )
    result = run_cli("analyze", scrape, "--out", tmp_path / "out")

    assert "feed.jsonl (line 3): KeyError: 'byline'" in result.stderr
    corpus = _corpus(tmp_path / "out")
    assert not any(d["source"].endswith("feed.jsonl") for d in corpus["documents"])
