from rasid.stages.normalize import clean_characters, detect_language


def test_invisible_marks_removed_and_presentation_forms_unfolded():
    assert clean_characters("\u200fقال\u200e الوزير\u00a0") == "قال الوزير "
    assert clean_characters("\ufefb") == "لا"


def test_language_marks_arabic_other_and_undetermined():
    assert (
        detect_language("أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية")
        == "ar"
    )
    assert (
        detect_language("The government announced a new plan to support farmers today.") == "other"
    )
    assert detect_language("12 34 56") == "und"
