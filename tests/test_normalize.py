from rasid.normalize import arabic_ratio, digits_to_ascii, normalize_arabic


def test_hamza_alef_forms_compare_equal():
    assert normalize_arabic("أردوغان") == normalize_arabic("إردوغان") == normalize_arabic("اردوغان")
    assert normalize_arabic("آكار") == normalize_arabic("اكار")


def test_ya_hamza_and_alef_maqsura_fold_to_ya():
    assert normalize_arabic("فائز") == normalize_arabic("فايز")
    assert normalize_arabic("مستشفى") == normalize_arabic("مستشفي")


def test_ta_marbuta_diacritics_and_tatweel_are_ignored():
    assert normalize_arabic("المدينةُ") == normalize_arabic("المدينه")
    assert normalize_arabic("وقّعتا") == normalize_arabic("وقعتا")
    assert normalize_arabic("الأخـــبار") == normalize_arabic("الاخبار")


def test_eastern_digits_become_ascii_and_length_kept_by_digits_to_ascii():
    assert normalize_arabic("٢٠٢٤") == "2024"
    assert digits_to_ascii("عام ٢٠٢٤") == "عام 2024"


def test_arabic_ratio_counts_letters_only():
    assert arabic_ratio("مرحبا hello") == 5 / 10
    assert arabic_ratio("123") == 0.0


def test_hamza_on_the_line_after_ya_folds_like_hamza_on_ya():
    assert normalize_arabic("الطوارىء") == normalize_arabic("الطوارئ")
