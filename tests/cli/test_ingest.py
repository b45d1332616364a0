"""``rasid ingest``: storing a folder, again, after an interruption, and where the DB lives."""

from __future__ import annotations

from rasid.store import Store


def test_ingesting_twice_stores_each_document_once(run_cli, scrape, tmp_path):
    db = tmp_path / "rasid.db"
    first = run_cli("ingest", scrape, "--db", db)
    second = run_cli("ingest", scrape, "--db", db)

    assert first.exit_code == second.exit_code == 1  # the broken files still fail
    assert "6 files, 5 documents (5 new, 0 already stored), 3 failed" in first.stdout
    assert "6 files, 5 documents (0 new, 5 already stored), 3 failed" in second.stdout
    with Store(db) as store:
        assert store.count() == 5


def test_failures_are_listed_and_recorded_with_the_run(run_cli, scrape, tmp_path):
    db = tmp_path / "rasid.db"
    result = run_cli("ingest", scrape, "--db", db)
    assert "feed.jsonl (line 2): invalid JSON" in result.stderr
    with Store(db) as store:
        run = store._conn.execute("SELECT files, added, failed, finished_at FROM runs").fetchone()
        paths = {r[0].rsplit("/", 1)[-1] for r in store._conn.execute("SELECT path FROM failures")}
    assert run[:3] == (6, 5, 3) and run[3] is not None
    assert paths == {"empty.txt", "photo.html", "feed.jsonl"}


def test_an_interrupted_ingest_keeps_whole_files_and_can_be_run_again(
    run_cli, scrape, tmp_path, monkeypatch
):
    db = tmp_path / "rasid.db"
    real_add = Store.add
    calls = []

    def add_then_interrupt(self, docs):
        calls.append(1)
        if len(calls) == 2:  # the second file with documents: Ctrl-C in the middle of it

            def half_then_stop():
                yield from list(docs)[:1]
                raise KeyboardInterrupt

            return real_add(self, half_then_stop())
        return real_add(self, docs)

    monkeypatch.setattr(Store, "add", add_then_interrupt)
    stopped = run_cli("ingest", scrape, "--db", db)
    assert stopped.exit_code == 130
    assert "run the same command again" in stopped.stderr
    with Store(db) as store:
        assert store.count() == 2  # feed.jsonl (first file) complete, nothing of libya.txt

    monkeypatch.setattr(Store, "add", real_add)
    resumed = run_cli("ingest", scrape, "--db", db)
    assert "(3 new, 2 already stored)" in resumed.stdout
    with Store(db) as store:
        assert store.count() == 5


def test_the_database_is_rasid_db_env_var_else_rasid_db_here(
    run_cli, scrape, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    run_cli("ingest", scrape / "libya.txt")
    assert (tmp_path / "rasid.db").is_file()

    monkeypatch.setenv("RASID_DB", str(tmp_path / "elsewhere.db"))
    run_cli("ingest", scrape / "port.txt")
    with Store(tmp_path / "elsewhere.db") as store:
        assert store.count() == 1
    with Store(tmp_path / "rasid.db") as store:
        assert store.count() == 1


def test_a_file_that_is_not_a_rasid_database_is_refused_before_any_work(run_cli, scrape, tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("مسودة تقرير — لا تحذف\n", encoding="utf-8")
    before = db.read_bytes()
    result = run_cli("ingest", scrape, "--db", db)
    assert result.exit_code == 1
    assert "not a rasid database" in result.stderr
    assert db.read_bytes() == before
