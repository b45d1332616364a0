"""Bad input against a database that already holds work: every kind named in the foundation
issue gets a clear message, and nothing stored before is lost, changed or duplicated."""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest

from rasid.store import Store

ARABIC_PARA = (
    "وقال المتحدث باسم البلدية في بيان إن أعمال الصيانة في الحي رقم {n} ستستمر أسبوعين، "
    "وإن فرق العمل ستعمل ليلاً لتخفيف الازدحام في الشوارع الرئيسية.\n\n"
)


def _bad_folder(root: Path) -> Path:
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    (bad / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    (bad / "truncated.html").write_text(
        "<html dir='rtl'><body><article><h1>افتتاح مستشفى جديد في المدينة الساحلية</h1>"
        "<p>افتتح وزير الصحة اليوم مستشفى جديداً بسعة مئتي سرير في المدينة الساحلية، بعد "
        "ثلاث سنوات من العمل، على أن يستقبل المرضى ابتداءً من الأسبوع المقبل وفق ما أعلنته الو",
        encoding="utf-8",
    )
    (bad / "english.txt").write_text(
        "Council approves new budget\n\nThe city council approved the budget on Tuesday after "
        "a long debate about school funding and road repairs across the districts.\n",
        encoding="utf-8",
    )
    with (bad / "huge.txt").open("w", encoding="utf-8") as fh:
        fh.write("تقرير طويل عن أعمال الصيانة في أحياء المدينة\n\n")
        n = 0
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(ARABIC_PARA.format(n=n))
            n += 1
    (bad / "secret.txt").write_text("نص لا يمكن قراءته", encoding="utf-8")
    return bad


@pytest.mark.slow
def test_bad_files_are_reported_and_stored_documents_survive(
    run_cli, scrape, tmp_path, monkeypatch
):
    db = tmp_path / "rasid.db"
    run_cli("ingest", scrape, "--db", db)
    with Store(db) as store:
        before = {d.id: d for d in store.iter_documents()}
    assert before

    bad = _bad_folder(tmp_path)
    secret = str(bad / "secret.txt")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # unreadable even for root, who ignores chmod
        if os.fspath(file) == secret:
            raise PermissionError(13, "Permission denied", secret)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    result = run_cli("ingest", bad, scrape, "--db", db)

    assert result.exit_code == 1
    err = result.stderr
    assert "empty file" in err
    assert "binary file" in err
    assert "undecodable" in err
    assert "permission denied" in err.lower()
    for name in ("empty.txt", "blob.txt", "garbled.txt", "secret.txt"):
        assert name in err
    assert "truncated.html" not in err and "huge.txt" not in err and "english.txt" not in err

    with Store(db) as store:
        after = {d.id: d for d in store.iter_documents()}
    for doc_id, doc in before.items():
        assert after[doc_id] == doc  # nothing lost or changed
    new = [d for i, d in after.items() if i not in before]
    by_file = {Path(d.source).name: d for d in new}
    assert set(by_file) == {"truncated.html", "english.txt", "huge.txt"}  # no duplicates
    assert by_file["english.txt"].language == "other"
    assert "approved the budget" in by_file["english.txt"].clean_text
    assert "افتتح وزير الصحة" in by_file["truncated.html"].clean_text
    assert by_file["huge.txt"].language == "ar"
    assert len(by_file["huge.txt"].clean_text.encode()) > 45 * 1024 * 1024  # whole, not cut
