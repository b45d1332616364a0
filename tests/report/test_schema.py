"""corpus.schema.json: valid JSON Schema that describes every field the model has."""

from __future__ import annotations

import dataclasses

import jsonschema
import pytest

from rasid.document import SCHEMA_VERSION, Document, Found, Span
from rasid.report.json_export import corpus_dict, corpus_schema
from rasid.run import Problem


@pytest.fixture(scope="module")
def schema():
    s = corpus_schema()
    jsonschema.Draft202012Validator.check_schema(s)
    return s


def _fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


@pytest.mark.parametrize(
    ("definition", "cls", "extra"),
    [("document", Document, {"schema_version"}), ("found", Found, set()), ("span", Span, set())],
)
def test_every_model_field_is_in_the_schema_and_nothing_else(schema, definition, cls, extra):
    assert set(schema["$defs"][definition]["properties"]) == _fields(cls) | extra


def test_problem_entries_match_what_runs_write(schema):
    assert set(schema["$defs"]["problem"]["properties"]) == set(Problem("p", "m").to_dict())


def test_every_property_is_described(schema):
    missing = []

    def walk(node, where):
        for name, prop in node.get("properties", {}).items():
            if "description" not in prop:
                missing.append(f"{where}.{name}")
            walk(prop, f"{where}.{name}")

    walk(schema, "corpus")
    for name, definition in schema["$defs"].items():
        walk(definition, name)
    assert missing == []


def test_the_schema_version_is_the_models(schema):
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert corpus_dict([])["schema_version"] == SCHEMA_VERSION


def test_a_document_missing_a_field_or_with_a_bad_found_is_rejected(schema):
    doc = Document(id="abc123", page_id="abc123", article_index=0, source="a.txt", format="txt")
    corpus = corpus_dict([doc])
    jsonschema.validate(corpus, schema)

    del corpus["documents"][0]["clean_text"]
    with pytest.raises(jsonschema.ValidationError, match="clean_text"):
        jsonschema.validate(corpus, schema)

    corpus = corpus_dict([doc])
    corpus["documents"][0]["published"] = {"value": "2024-01-01"}  # no method
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(corpus, schema)
