from rasid.stages.segment import paragraph_spans, sentence_spans

TEXT = "قال الوزير إن النمو بلغ 3.5 في المئة. وأضاف: «سنواصل الإصلاح»!\n\nهل تنجح الخطة؟ ربما"


def test_paragraphs_split_on_blank_lines_with_offsets():
    paras = paragraph_spans(TEXT)
    assert [TEXT[p.start : p.end] for p in paras] == TEXT.split("\n\n")


def test_sentences_break_at_terminal_punctuation_not_inside_numbers():
    sents = [s.text for s in sentence_spans(TEXT, paragraph_spans(TEXT))]
    assert sents == [
        "قال الوزير إن النمو بلغ 3.5 في المئة.",
        "وأضاف: «سنواصل الإصلاح»!",
        "هل تنجح الخطة؟",
        "ربما",
    ]
    for s in sentence_spans(TEXT, paragraph_spans(TEXT)):
        assert TEXT[s.start : s.end] == s.text
