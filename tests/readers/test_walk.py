"""iter_files and read_paths: which files a folder holds, in what order, and what went wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasid.readers import ReadError, file_format, iter_files, read_paths

from .samples import ARABIC_NEWS


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARABIC_NEWS, encoding="utf-8")


def relative(paths, root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "txt"),
        ("a.TEXT", "txt"),
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.xhtml", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.gz", None),
        ("a.json", None),
        ("a.pdf", None),
        ("txt", None),
        (".txt", None),
    ],
)
def test_format_comes_from_the_extension(name, fmt):
    assert file_format(name) == fmt


def test_folders_are_walked_in_sorted_order_keeping_only_supported_files(tmp_path):
    touch(
        tmp_path,
        "b.txt",
        "a.html",
        "c/z.jsonl",
        "c/a.warc.gz",
        "c/d/e.htm",
        "b2/x.txt",
        "photo.jpg",
        "notes.md",
        "feed.json",
    )
    assert relative(iter_files([tmp_path]), tmp_path) == [
        "a.html",
        "b.txt",
        "b2/x.txt",
        "c/a.warc.gz",
        "c/d/e.htm",
        "c/z.jsonl",
    ]


def test_hidden_files_and_folders_are_skipped(tmp_path):
    touch(tmp_path, ".draft.txt", ".git/objects.txt", "visible/.swap.html", "visible/ok.txt")
    assert relative(iter_files([tmp_path]), tmp_path) == ["visible/ok.txt"]


def test_given_paths_keep_their_order_and_a_file_reached_twice_is_yielded_once(tmp_path):
    touch(tmp_path, "z.txt", "dir/a.txt", "dir/b.txt")
    given = [tmp_path / "z.txt", tmp_path / "dir", tmp_path / "dir/a.txt"]
    assert relative(iter_files(given), tmp_path) == ["z.txt", "dir/a.txt", "dir/b.txt"]


def test_given_paths_that_cannot_be_read_are_reported_and_the_rest_walked(tmp_path):
    touch(tmp_path, "ok.txt", "report.pdf")
    errors: list[ReadError] = []
    given = [tmp_path / "missing", tmp_path / "report.pdf", tmp_path / "ok.txt"]
    assert relative(iter_files(given, errors), tmp_path) == ["ok.txt"]
    assert [(Path(e.path).name, e.message.split(" (")[0]) for e in errors] == [
        ("missing", "no such file or directory"),
        ("report.pdf", "unsupported file type"),
    ]


def test_unreadable_folder_and_file_do_not_stop_the_walk(tmp_path, make_unreadable):
    touch(tmp_path, "a.txt", "locked/inside.txt", "secret.txt", "z/last.txt")
    make_unreadable(tmp_path / "locked")
    make_unreadable(tmp_path / "secret.txt")
    errors: list[ReadError] = []
    found = list(iter_files([tmp_path], errors))
    # iter_files reports the folder it cannot list; the file's content is read_path's business
    assert relative(found, tmp_path) == ["a.txt", "secret.txt", "z/last.txt"]
    assert [(e.path, e.message) for e in errors] == [
        (str(tmp_path / "locked"), "cannot list folder: permission denied")
    ]


def test_without_an_error_list_an_unreadable_folder_raises(tmp_path, make_unreadable):
    touch(tmp_path, "locked/inside.txt")
    make_unreadable(tmp_path / "locked")
    with pytest.raises(ReadError, match="cannot list folder: permission denied"):
        list(iter_files([tmp_path]))


def test_dangling_and_looping_symlinks_are_reported(tmp_path):
    touch(tmp_path, "real.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    (tmp_path / "ignored.png").symlink_to(tmp_path / "deleted.png")
    errors: list[ReadError] = []
    assert relative(iter_files([tmp_path], errors), tmp_path) == ["real.txt"]
    assert [(Path(e.path).name, e.message) for e in errors] == [
        ("dangling.txt", "cannot read file: no such file or directory"),
        ("loop.html", "cannot read file: too many levels of symbolic links"),
    ]


def test_a_symlink_cycle_between_folders_is_walked_once(tmp_path):
    touch(tmp_path, "a/one.txt")
    (tmp_path / "a" / "back").symlink_to(tmp_path, target_is_directory=True)
    assert relative(iter_files([tmp_path]), tmp_path) == ["a/one.txt"]


def test_read_paths_collects_every_problem_and_reads_everything_else(tmp_path, make_unreadable):
    touch(tmp_path, "1-good.txt", "4-locked/x.txt", "5-secret.html")
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-feed.jsonl").write_text('{"text": "خبر"}\n{broken\n', encoding="utf-8")
    make_unreadable(tmp_path / "4-locked")
    make_unreadable(tmp_path / "5-secret.html")
    problems: list[ReadError] = []
    pages = list(read_paths([tmp_path, tmp_path / "6-missing.txt"], problems))
    assert [(Path(p.source).name, p.position) for p in pages] == [
        ("1-good.txt", None),
        ("3-feed.jsonl", 1),
    ]
    assert [(Path(e.path).name, e.position, e.message.split(":")[0]) for e in problems] == [
        ("2-empty.txt", None, "empty file"),
        ("3-feed.jsonl", 2, "invalid JSON"),
        ("4-locked", None, "cannot list folder"),
        ("5-secret.html", None, "cannot read file"),
        ("6-missing.txt", None, "no such file or directory"),
    ]


def test_relative_paths_stay_relative_in_page_sources(tmp_path, monkeypatch):
    touch(tmp_path, "corpus/a.txt")
    monkeypatch.chdir(tmp_path)
    (page,) = read_paths(["corpus"], [])
    assert page.source == os.path.join("corpus", "a.txt")
