"""decode_bytes: the right encoding for Arabic scrapes, and an error rather than a guess."""

from __future__ import annotations

import codecs

import pytest

from rasid.readers import ReadError, decode, decode_bytes
from rasid.readers.plausible import arabic_score, reads_as_text, text_stats

from .samples import ARABIC_NEWS, ENGLISH_NEWS


def test_utf8_arabic_is_decoded_as_utf8():
    assert decode_bytes(ARABIC_NEWS.encode("utf-8")) == (ARABIC_NEWS, "utf-8")


def test_utf8_byte_order_mark_is_stripped_and_reported_as_utf8_sig():
    data = codecs.BOM_UTF8 + ARABIC_NEWS.encode("utf-8")
    assert decode_bytes(data) == (ARABIC_NEWS, "utf-8-sig")


def test_utf8_byte_order_mark_before_other_bytes_is_undecodable_not_reinterpreted():
    with pytest.raises(ReadError, match="UTF-8 byte-order mark but not UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + ARABIC_NEWS.encode("cp1256"))


def test_utf16_with_byte_order_mark_is_decoded_not_called_binary():
    assert decode_bytes(ARABIC_NEWS.encode("utf-16")) == (ARABIC_NEWS, "utf-16")


def test_windows_1256_arabic_round_trips():
    assert decode_bytes(ARABIC_NEWS.encode("cp1256")) == (ARABIC_NEWS, "windows-1256")


def test_iso_8859_6_arabic_round_trips_although_windows_1256_also_decodes_it():
    data = ARABIC_NEWS.encode("iso8859_6")
    assert data.decode("cp1256") != ARABIC_NEWS  # decodes without error, to the wrong text
    assert decode_bytes(data) == (ARABIC_NEWS, "iso-8859-6")


@pytest.mark.parametrize(
    ("codec", "declared", "expected"),
    [
        ("iso8859_6", "windows-1256", "iso-8859-6"),
        ("cp1256", "iso-8859-6", "windows-1256"),
        ("cp1256", "iso-8859-1", "windows-1256"),
        ("iso8859_6", "utf-8", "iso-8859-6"),
        ("cp1256", "no-such-charset", "windows-1256"),
    ],
)
def test_a_wrong_declared_charset_is_overruled(codec, declared, expected):
    assert decode_bytes(ARABIC_NEWS.encode(codec), hint=declared) == (ARABIC_NEWS, expected)


def test_a_declared_charset_picks_between_readings_that_are_both_plausible():
    text = "Le ministre a inauguré l'hôpital de Zarqa.\n"
    assert decode_bytes(text.encode("latin-1"), hint="iso-8859-15") == (text, "iso-8859-15")
    assert decode_bytes(text.encode("latin-1")) == (text, "windows-1252")


def test_english_latin1_page_is_decoded_not_rejected():
    assert decode_bytes(ENGLISH_NEWS.encode("cp1252")) == (ENGLISH_NEWS, "windows-1252")


def test_pure_ascii_page_is_utf8():
    assert decode_bytes(b"Breaking news: markets closed early.\n")[1] == "utf-8"


def test_french_latin1_text_is_not_read_as_arabic():
    text = "Le ministère a annoncé mardi l'ouverture d'un hôpital à Zarqa. Ça coûte cher.\n"
    assert decode_bytes(text.encode("latin-1")) == (text, "windows-1252")


def test_french_words_inside_windows_1256_arabic_keep_the_arabic_reading():
    text = ARABIC_NEWS + "Le journal a publié l'entretien en français.\n"
    assert decode_bytes(text.encode("cp1256")) == (text, "windows-1256")


@pytest.mark.parametrize(
    "parts",
    [
        ("cp1256", "utf-8"),  # a file stitched together from two scrapes
        ("utf-8", "iso8859_6"),
        ("cp1256", "iso8859_6"),
    ],
)
def test_mixed_encodings_are_undecodable_not_guessed(parts):
    data = b"".join(ARABIC_NEWS.encode(codec) for codec in parts)
    with pytest.raises(ReadError, match="undecodable bytes") as caught:
        decode_bytes(data)
    assert caught.value.path is None


@pytest.mark.parametrize(
    ("encoded_as", "read_as"),
    [("utf-8", "cp1256"), ("iso8859_6", "cp1256"), ("cp1256", "cp1252")],
)
def test_mojibake_readings_are_judged_implausible(encoded_as, read_as):
    stats = text_stats(ARABIC_NEWS.encode(encoded_as).decode(read_as))
    assert arabic_score(stats) is None
    assert not reads_as_text(stats)


def test_short_windows_1256_headline_that_iso_8859_6_also_decodes_stays_windows_1256():
    headline = "بيان وزير الداخلية\n"  # no ف ق ك ، so both codecs accept the bytes
    data = headline.encode("cp1256")
    assert data.decode("iso8859_6") != headline
    assert decode_bytes(data) == (headline, "windows-1256")


@pytest.mark.parametrize(
    "text",
    [
        "بٍان وزٍر الداخلٍة",  # tanween inside words: Windows-1256 ي read as ISO-8859-6
        "طظاط ظطب ططظن",  # mostly ط/ظ: the lead bytes of UTF-8 Arabic read as Windows-1256
    ],
)
def test_impossible_arabic_spellings_are_judged_implausible(text):
    assert arabic_score(text_stats(text)) is None


def test_a_character_cut_off_at_the_end_is_dropped_with_a_note():
    text = ARABIC_NEWS + "وأضاف الوزير"
    decoded = decode(text.encode("utf-8")[:-1])  # the last letter's second byte is missing
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[:-1]
    assert decoded.note == "incomplete UTF-8 character at the end dropped"


def test_a_few_invalid_bytes_in_utf8_are_replaced_with_a_note():
    data = ARABIC_NEWS.encode("utf-8") + b"\xff" + ARABIC_NEWS.encode("utf-8")
    decoded = decode(data)
    assert (decoded.encoding, decoded.text.count("\ufffd")) == ("utf-8", 1)
    assert decoded.note == "1 invalid UTF-8 sequence(s) replaced with U+FFFD"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"abc\x00def" * 10, "binary file (not text): found NUL bytes"),
        (b"\x89PNG\r\n\x1a\n" + b"IHDR" * 20, "binary file (not text): PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (not text): PDF document"),
        (b"\x1f\x8b\x08\x00" + b"x" * 20, "binary file (not text): gzip-compressed data"),
        (bytes(range(1, 9)) * 20 + b"text", "binary file (not text): 98% control characters"),
    ],
)
def test_binary_data_is_refused_naming_what_it_is(data, message):
    with pytest.raises(ReadError) as caught:
        decode_bytes(data)
    assert str(caught.value) == message
