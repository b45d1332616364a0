"""ReadError: a message a user can act on, that survives being sent to another process."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from rasid.readers import ReadError
from rasid.readers.errors import report


def test_message_names_the_file_and_the_record():
    assert str(ReadError(Path("in/a.txt"), "empty file")) == "in/a.txt: empty file"
    error = ReadError("feed.jsonl", "invalid JSON: Expecting value (column 1)", 7, "line")
    assert str(error) == "feed.jsonl (line 7): invalid JSON: Expecting value (column 1)"
    assert str(ReadError(None, "binary file (not text): PNG image")) == (
        "binary file (not text): PNG image"
    )


def test_located_copy_keeps_the_message():
    error = ReadError(None, "undecodable bytes").at("crawl.warc", 3, "record")
    assert (error.path, error.position, error.unit, error.message) == (
        "crawl.warc",
        3,
        "record",
        "undecodable bytes",
    )


def test_survives_pickling_for_worker_processes():
    error = pickle.loads(pickle.dumps(ReadError(Path("x.jsonl"), "bad", 2, "line")))
    assert (error.path, error.message, error.position, error.unit) == ("x.jsonl", "bad", 2, "line")
    assert str(error) == "x.jsonl (line 2): bad"


def test_report_collects_when_given_a_list_and_raises_otherwise():
    problems: list[ReadError] = []
    error = ReadError("a.jsonl", "bad", 1, "line")
    report(problems, error)
    assert problems == [error]
    with pytest.raises(ReadError) as caught:
        report(None, error)
    assert caught.value is error
