import pytest

from rasid.document import Document, Page
from rasid.pipeline import Pipeline, PipelineError, default_pipeline, stage


def test_default_pipeline_runs_named_stages_in_order():
    pipe = default_pipeline()
    (doc,) = pipe.process(
        Page(
            "a.txt",
            "txt",
            text="عنوان الخبر المهم اليوم\n\n"
            + "قال المسؤول إن العمل مستمر في المشروع الكبير منذ شهور طويلة. " * 3,
        )
    )
    names = ["clean", "normalize", "segment", "time", "entities", "quotes", "events"]
    assert pipe.names == names
    assert doc.stages == names
    assert doc.language == "ar" and doc.sentences


def test_stage_requiring_something_no_earlier_stage_provides_is_rejected():
    @stage("needs_entities", requires={"entities"})
    def needs(doc: Document) -> Document:
        return doc

    with pytest.raises(PipelineError, match="entities"):
        Pipeline(lambda page: [], [needs])


def test_document_round_trips_through_dict():
    (doc,) = default_pipeline().process(
        Page(
            "a.txt",
            "txt",
            text="عنوان الخبر المهم اليوم\n\nقال المسؤول إن العمل مستمر في المشروع الكبير منذ شهور طويلة.",
        )
    )
    assert Document.from_dict(doc.to_dict()) == doc
