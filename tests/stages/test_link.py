"""Cross-document actor linking: spelling families join, namesakes do not, corrections win."""

from __future__ import annotations

from pathlib import Path

from rasid.document import Document
from rasid.stages.link import Corrections, link_documents, write_aliases
from tests.stages.test_entities import run


def docs(*specs: tuple[str, dict[str, str]]) -> list[Document]:
    out = []
    for n, (text, names) in enumerate(specs):
        doc = run(text, names)
        doc.id = f"d{n}"
        out.append(doc)
    return out


def ids(doc: Document) -> dict[str, str]:
    return {s.text: s.attrs["actor"] for s in doc.spans["entities"]}


def test_spelling_families_get_one_id() -> None:
    corpus = docs(
        (
            "التقى رجب طيب أردوغان مع سيرغي لافروف.",
            {"رجب طيب أردوغان": "PER", "سيرغي لافروف": "PER"},
        ),
        (
            "التقى رجب طيب إردوغان مع سيرجي لافروف.",
            {"رجب طيب إردوغان": "PER", "سيرجي لافروف": "PER"},
        ),
        ("واستقبل فايز السراج الوفد.", {"فايز السراج": "PER"}),
        ("واستقبل فائز السراج الوفد.", {"فائز السراج": "PER"}),
    )
    table = link_documents(corpus)
    a, b, c, d = (ids(doc) for doc in corpus)
    assert a["رجب طيب أردوغان"] == b["رجب طيب إردوغان"]
    assert a["سيرغي لافروف"] == b["سيرجي لافروف"]
    assert c["فايز السراج"] == d["فائز السراج"]
    assert len(table) == 3


def test_surname_alone_joins_the_only_full_name_it_fits() -> None:
    corpus = docs(
        ("قال خليفة حفتر إن الهدنة صامدة.", {"خليفة حفتر": "PER"}),
        ("رفض حفتر المبادرة.", {"حفتر": "PER"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["خليفة حفتر"] == ids(corpus[1])["حفتر"]


def test_namesakes_are_told_apart_by_the_actors_around_them() -> None:
    corpus = docs(
        ("التقى أحمد المبروك بوالي طرابلس.", {"أحمد المبروك": "PER", "طرابلس": "LOC"}),
        ("زار سالم المبروك مدينة سبها.", {"سالم المبروك": "PER", "سبها": "LOC"}),
        ("وصل المبروك إلى سبها أمس.", {"المبروك": "PER", "سبها": "LOC"}),
        ("قال المبروك كلمة في لقاء عام.", {"المبروك": "PER"}),
    )
    link_documents(corpus)
    ahmad, salem = ids(corpus[0])["أحمد المبروك"], ids(corpus[1])["سالم المبروك"]
    assert ahmad != salem
    assert ids(corpus[2])["المبروك"] == salem  # سبها decides
    assert ids(corpus[3])["المبروك"] not in (ahmad, salem)  # nothing decides: left apart


def test_different_types_never_join() -> None:
    corpus = docs(
        ("زار الوفد طرابلس.", {"طرابلس": "LOC"}),
        ("قال طرابلس إنه موافق.", {"طرابلس": "PER"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["طرابلس"] != ids(corpus[1])["طرابلس"]


def test_ids_are_the_same_whatever_the_order() -> None:
    specs = [
        ("التقى رجب طيب أردوغان الوفد.", {"رجب طيب أردوغان": "PER"}),
        ("وقال إردوغان إن بلاده مستعدة.", {"إردوغان": "PER"}),
    ]
    one, two = docs(*specs), docs(*reversed(specs))
    link_documents(one)
    link_documents(two)
    assert set(ids(one[0]).values()) == set(ids(two[1]).values())


def test_exported_alias_table_read_back_as_corrections(tmp_path: Path) -> None:
    corpus = docs(
        ("رحب أبو مازن بالقرار.", {"أبو مازن": "PER"}),
        ("رحب محمود عباس بالقرار.", {"محمود عباس": "PER"}),
    )
    table = link_documents(corpus)
    assert ids(corpus[0])["أبو مازن"] != ids(corpus[1])["محمود عباس"]
    path = tmp_path / "aliases.tsv"
    write_aliases(table, path)
    abbas = ids(corpus[1])["محمود عباس"]
    lines = path.read_text(encoding="utf-8").splitlines()
    name = table[abbas].name
    edited = [  # the user moves the spelling to Abbas: his id and his name on that row
        "\t".join([abbas, "PER", name, *line.split("\t")[3:]]) if "أبو مازن" in line else line
        for line in lines
    ]
    path.write_text("\n".join(edited) + "\n", encoding="utf-8")
    again = docs(
        ("رحب أبو مازن بالقرار.", {"أبو مازن": "PER"}),
        ("رحب محمود عباس بالقرار.", {"محمود عباس": "PER"}),
    )
    table = link_documents(again, Corrections.read(path))
    assert ids(again[0])["أبو مازن"] == ids(again[1])["محمود عباس"] == abbas
    assert table[abbas].name == "محمود عباس"
    assert set(table[abbas].aliases) == {"أبو مازن", "محمود عباس"}


def test_a_document_whose_two_actors_were_linked_lists_one() -> None:
    (doc,) = docs(
        (
            "قال فايز السراج إن الحوار مستمر. وأكد فائز السراج ذلك.",
            {"فايز السراج": "PER", "فائز السراج": "PER"},
        ),
    )
    link_documents([doc])
    people = [a for a in doc.actors if a.type == "PER"]
    assert len(people) == 1 and people[0].mentions == 2


def test_a_transliterated_middle_name_still_links() -> None:
    corpus = docs(
        ("قال مولود جاويش أوغلو إن اللقاء مثمر.", {"مولود جاويش أوغلو": "PER"}),
        ("قال مولود تشاووش أوغلو إن اللقاء مثمر.", {"مولود تشاووش أوغلو": "PER"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["مولود جاويش أوغلو"] == ids(corpus[1])["مولود تشاووش أوغلو"]


def test_a_name_without_its_adjective_joins_the_one_that_has_it() -> None:
    corpus = docs(
        ("دعا مجلس الأمن الدولي إلى التهدئة.", {"مجلس الأمن الدولي": "ORG"}),
        ("اجتمع مجلس الأمن أمس.", {"مجلس الأمن": "ORG"}),
        ("انعقد مجلس النواب الليبي.", {"مجلس النواب الليبي": "ORG"}),
        ("انعقد مجلس النواب المصري.", {"مجلس النواب المصري": "ORG"}),
        ("انعقد مجلس النواب اليوم.", {"مجلس النواب": "ORG"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["مجلس الأمن الدولي"] == ids(corpus[1])["مجلس الأمن"]
    libyan, egyptian = ids(corpus[2])["مجلس النواب الليبي"], ids(corpus[3])["مجلس النواب المصري"]
    assert libyan != egyptian
    assert ids(corpus[4])["مجلس النواب"] not in (libyan, egyptian)  # nothing decides


def test_places_and_bodies_sharing_head_and_tail_stay_apart() -> None:
    corpus = docs(
        ("قصفت الطائرات قاعدة الجفرة الجوية.", {"قاعدة الجفرة الجوية": "FAC"}),
        ("قصفت الطائرات قاعدة الوطية الجوية.", {"قاعدة الوطية الجوية": "FAC"}),
        ("قالت وزارة الدفاع الروسية ذلك.", {"وزارة الدفاع الروسية": "ORG"}),
        ("قالت وزارة الخارجية الروسية ذلك.", {"وزارة الخارجية الروسية": "ORG"}),
    )
    link_documents(corpus)
    assert len({next(iter(ids(d).values())) for d in corpus}) == 4


def test_a_short_first_name_is_not_matched_by_its_consonants() -> None:
    corpus = docs(
        ("التقى عبد الفتاح البرهان الوفد.", {"عبد الفتاح البرهان": "PER"}),
        ("وقال فتحي إن الحوار مستمر.", {"فتحي": "PER"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["عبد الفتاح البرهان"] != ids(corpus[1])["فتحي"]


def test_a_two_word_name_joins_the_one_longer_name_it_begins() -> None:
    corpus = docs(
        ("قال زاهر حمدون قرطبي إن الهدنة صامدة.", {"زاهر حمدون قرطبي": "PER"}),
        ("رفض زاهر حمدون المبادرة.", {"زاهر حمدون": "PER"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["زاهر حمدون قرطبي"] == ids(corpus[1])["زاهر حمدون"]


def test_an_outlet_named_with_and_without_its_head_word_is_one_actor() -> None:
    corpus = docs(
        ("نقلت وكالة النهرين برس عن مصدر قوله.", {"وكالة النهرين برس": "ORG"}),
        ("وأفادت النهرين برس بأن الوفد وصل.", {"النهرين برس": "ORG"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["وكالة النهرين برس"] == ids(corpus[1])["النهرين برس"]


def test_a_name_ending_like_an_adjective_still_joins_its_longer_form() -> None:
    corpus = docs(
        ("سيطرت القوات على قاعدة الزهرية الجوية.", {"قاعدة الزهرية الجوية": "FAC"}),
        ("انسحبت القوات من قاعدة الزهرية أمس.", {"قاعدة الزهرية": "FAC"}),
    )
    link_documents(corpus)
    assert ids(corpus[0])["قاعدة الزهرية الجوية"] == ids(corpus[1])["قاعدة الزهرية"]


def test_a_bracketed_short_name_in_one_document_links_it_where_it_stands_alone() -> None:
    corpus = docs(
        (
            "وهاجمت جبهة تحرير الوادي الأخضر (جتوا) مواقع الجيش.",
            {"جبهة تحرير الوادي الأخضر": "ORG"},
        ),
        ("وأعلنت جتوا مسؤوليتها عن الهجوم.", {"جتوا": "ORG"}),
        ("وقالت جبهة تحرير الوادي الأخضر إنها مستعدة للحوار.", {"جبهة تحرير الوادي الأخضر": "ORG"}),
    )
    link_documents(corpus)
    first = ids(corpus[0])["جبهة تحرير الوادي الأخضر"]
    assert ids(corpus[1])["جتوا"] == first == ids(corpus[2])["جبهة تحرير الوادي الأخضر"]
