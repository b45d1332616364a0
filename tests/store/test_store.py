"""The SQLite store: idempotent adds, one transaction per add, refusing foreign files."""

from __future__ import annotations

import sqlite3

import pytest

from rasid.store import Store, StoreError
from rasid.store.sqlite import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "rasid.db") as s:
        yield s


def test_adding_the_same_documents_twice_stores_them_once(store, docs):
    assert store.add(docs) == (3, 0)
    assert store.add(docs) == (0, 3)
    assert store.count() == 3
    assert len(store.search("طرابلس")) == 1


def test_a_batch_mixing_new_and_known_documents_counts_each(store, docs):
    store.add(docs[:2])
    assert store.add(docs) == (1, 2)


def test_stored_documents_come_back_equal(store, docs):
    store.add(docs)
    assert store.get(docs[0].id) == docs[0]
    assert list(store.iter_documents()) == docs
    assert store.get("0" * 16) is None


def test_a_failure_part_way_through_an_add_stores_nothing_of_it(store, docs):
    store.add(docs[:1])

    def failing_batch():
        yield docs[1]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        store.add(failing_batch())
    assert store.count() == 1
    assert store.get(docs[1].id) is None
    assert store.search("قرطاج") == []  # nor in the full-text index
    assert [h.id for h in store.search("طرابلس")] == [docs[0].id]
    assert store.add(docs[1:]) == (2, 0)  # and the same batch can simply be added again


def test_an_interrupt_part_way_through_an_add_stores_nothing_of_it(store, docs):
    def interrupted_batch():
        yield docs[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.add(interrupted_batch())
    assert store.count() == 0


def test_reopening_keeps_the_data_and_uses_wal(tmp_path, docs):
    with Store(tmp_path / "r.db") as s:
        s.add(docs)
    with Store(tmp_path / "r.db") as s:
        assert s.count() == 3
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_find_ids_accepts_a_prefix(store, docs):
    store.add(docs)
    doc_id = docs[0].id
    assert store.find_ids(doc_id[:6]) == [doc_id]
    assert set(store.find_ids("")) == {d.id for d in docs}
    assert store.find_ids("%") == []  # LIKE wildcards are literal


# -- search --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "وأعلنت",  # as written
        "واعلنت",  # hamza on alef dropped
        "المدينه",  # ta marbuta as ha
        "المَدِينَةِ",  # diacritics in the query
        "المديـــنة",  # tatweel in the query
        "الطواري",  # hamza on ya dropped
        "منازِلهم",
    ],
)
def test_search_ignores_spelling_variants(store, docs, query):
    store.add(docs)
    assert [h.id for h in store.search(query)] == [docs[0].id]


def test_search_folds_alef_maqsura_and_ya(store, docs):
    store.add(docs)
    assert [h.id for h in store.search("مصطفي")] == [docs[2].id]
    assert [h.id for h in store.search("مصطفى")] == [docs[2].id]


def test_a_bare_name_finds_it_with_attached_clitics(store, docs):
    store.add(docs)
    assert [h.id for h in store.search("حفتر")] == [docs[0].id]  # written لحفتر
    assert [h.id for h in store.search("العاصمة")] == [docs[0].id]  # written للعاصمة


def test_a_word_with_the_article_finds_it_without(store, docs):
    store.add(docs)
    # docs[1] has حكومة (no article), docs[0] has الحكومةُ
    assert {h.id for h in store.search("الحكومة")} == {docs[0].id, docs[1].id}
    assert {h.id for h in store.search("حكومة")} == {docs[0].id, docs[1].id}


def test_query_words_starting_with_waw_are_not_cut(store, docs, make_doc):
    store.add([*docs, make_doc("آية", "تلا الإمام آية من القرآن الكريم في افتتاح الجلسة.")])
    assert store.search("ولاية") == []  # would be و + لاية or ول + اية if stripped


def test_all_words_must_match_unless_joined_by_or(store, docs):
    store.add(docs)
    assert [h.id for h in store.search("حكومة قرطاج")] == [docs[1].id]
    assert {h.id for h in store.search("قرطاج OR طرابلس")} == {docs[0].id, docs[1].id}


def test_quoted_words_must_be_adjacent_and_in_order(store, docs):
    store.add(docs)
    assert [h.id for h in store.search('"حالة الطوارئ"')] == [docs[0].id]
    assert store.search('"الطوارئ حالة"') == []


def test_a_trailing_star_matches_word_beginnings(store, docs):
    store.add(docs)
    assert [h.id for h in store.search("انتخ*")] == [docs[2].id]


def test_headline_matches_rank_first(store, docs, make_doc):
    store.add(docs)
    # طرابلس is in docs[0]'s headline; add a document that only mentions it in the body
    other = make_doc("أخبار متفرقة", "وصل الوفد إلى طرابلس مساء أمس في زيارة قصيرة.")
    store.add([other])
    assert [h.id for h in store.search("طرابلس")] == [docs[0].id, other.id]


def test_hits_carry_a_snippet_with_the_matched_words_in_original_spelling(store, docs):
    store.add(docs)
    (hit,) = store.search("حفتر")
    assert hit.headline == "اشتباكات قرب طرابلس"
    assert hit.outlet == "الوسط"
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["لحفتر"]


def test_a_long_text_is_cut_around_the_match(store, make_doc):
    text = "بداية النص " + "كلام عادي " * 60 + "ثم ذكر قرطاج في الوسط " + "كلام عادي " * 60
    store.add([make_doc("عنوان", text)])
    (hit,) = store.search("قرطاج")
    assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
    assert len(hit.snippet) < 260
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["قرطاج"]


@pytest.mark.parametrize(
    ("query", "found"),
    [('AND (" OR طرابلس', 1), ("NEAR(طرابلس)", 0), ("headline:طرابلس", 0), ("طرابلس^", 1)],
)
def test_fts_syntax_in_a_query_is_searched_for_as_text(store, docs, query, found):
    store.add(docs)
    assert len(store.search(query)) == found


@pytest.mark.parametrize("query", ["*", '"', "()", "OR"])
def test_a_query_of_only_operators_is_a_clear_error(store, docs, query):
    from rasid.store import QueryError

    store.add(docs)
    with pytest.raises(QueryError):
        store.search(query)


def test_a_query_with_no_words_says_so(store):
    from rasid.store import QueryError

    with pytest.raises(QueryError, match="nothing to search for"):
        store.search("؟!")


# -- opening files that are not rasid databases ---------------------------------------------


def _assert_untouched(path, before):
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not path.with_name(path.name + "-journal").exists()


def test_a_text_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("ملاحظات مهمة لا يجوز حذفها\n" * 50, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a rasid database"):
        Store(path)
    _assert_untouched(path, before)


def test_a_damaged_rasid_database_is_refused_and_left_unchanged(tmp_path, docs):
    path = tmp_path / "rasid.db"
    with Store(path) as s:
        s.add(docs)
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100  # header destroyed
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="not a rasid database or is damaged"):
        Store(path)
    _assert_untouched(path, bytes(data))


def test_another_applications_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('سالم')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="SQLite database but not a rasid database"):
        Store(path)
    _assert_untouched(path, before)


def test_a_database_from_a_newer_rasid_is_refused(tmp_path):
    path = tmp_path / "rasid.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer rasid"):
        Store(path)


def test_opening_for_reading_does_not_create_a_missing_database(tmp_path):
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no database at"):
        Store(path, create=False)
    assert not path.exists()


def test_an_empty_file_becomes_a_new_database(tmp_path, docs):
    path = tmp_path / "rasid.db"
    path.touch()
    with Store(path) as s:
        assert s.add(docs) == (3, 0)


def test_version_1_database_gains_the_actor_tables(tmp_path):
    path = tmp_path / "old.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    for table in ("mentions", "actor_names", "actors"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.actors() == []
        assert store.alias_rows() == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    conn.close()


def test_version_2_mentions_gain_their_layer_and_stay_body_mentions(tmp_path):
    path = tmp_path / "v2.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE mentions")
    conn.execute(
        "CREATE TABLE mentions (doc_id TEXT, actor_id TEXT, start INTEGER, end INTEGER, "
        "text TEXT, role TEXT, epithet TEXT)"
    )
    conn.execute("INSERT INTO mentions VALUES ('d', 'per-x', 0, 4, 'حفتر', NULL, NULL)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT layer FROM mentions").fetchall() == [("entities",)]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
