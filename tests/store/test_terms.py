"""How tokens are cut and which clitic-stripped forms the index and the queries use."""

from rasid.store.terms import clitic_variants, index_text, query_variants, tokens


def test_tokens_are_normalized_so_spelling_variants_compare_equal():
    assert tokens("أعلنت الحكومةُ إجراءاتٍ جديدة") == tokens("اعلنت الحكومه اجراءات جديده")
    assert tokens("مصطفى") == tokens("مصطفي")
    assert tokens("الحكـــومة") == ["الحكومه"]


def test_tokens_split_on_punctuation_and_underscore_like_the_database_tokenizer():
    assert tokens("طرابلس،بنغازي؛ covid_19 (مصراتة)") == [
        "طرابلس",
        "بنغازي",
        "covid",
        "19",
        "مصراته",
    ]


def test_each_leading_clitic_is_also_stripped():
    assert "حفتر" in clitic_variants("لحفتر")
    assert "حفتر" in clitic_variants("وحفتر")
    assert "حكومه" in clitic_variants("الحكومه")
    assert "حكومه" in clitic_variants("والحكومه")
    assert "حكومه" in clitic_variants("للحكومه")
    assert "حكومه" in clitic_variants("بالحكومه")
    # one clitic group at a time: وال strips to the word, و alone leaves the article on
    assert clitic_variants("والحكومه")[:2] == ["الحكومه", "حكومه"]


def test_stripping_never_leaves_fewer_than_three_letters():
    assert clitic_variants("بلد") == []  # not ب + لد
    assert clitic_variants("الله") == []  # not ال + له
    assert clitic_variants("ومصر") == ["مصر"]


def test_a_token_without_clitics_has_no_variants_and_is_not_its_own_variant():
    assert clitic_variants("طرابلس") == []
    assert "حفتر" not in clitic_variants("حفتر")


def test_queries_strip_only_the_article_forms():
    assert query_variants("الحكومه") == ["الحكومه", "حكومه"]
    assert query_variants("للحكومه") == ["للحكومه", "حكومه"]
    # و and ل at the start of a query word are most likely part of it (ولاية, لبنان)
    assert query_variants("ولايه") == ["ولايه"]
    assert query_variants("لبنان") == ["لبنان"]


def test_index_text_keeps_word_order_and_collects_variants_once():
    words, variants = index_text("وقال حفتر لحفتر إن الحكومة")
    assert words == "وقال حفتر لحفتر ان الحكومه"
    assert variants.split() == ["قال", "حفتر", "حكومه"]
