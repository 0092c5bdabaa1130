"""Tests for language identification."""

from __future__ import annotations

import pytest

from services.core.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attacco missilistico su Kramatorsk, due morti e sei feriti", "it"),
        ("Missile strike on Kramatorsk kills two and wounds six", "en"),
        ("Raketenangriff auf Kramatorsk: zwei Tote", "de"),
        ("Frappe de missiles sur Kramatorsk, deux morts", "fr"),
        ("Ataque con misiles contra Kramatorsk, dos muertos", "es"),
        ("Atak rakietowy na Kramatorsk, dwie osoby nie żyją", "pl"),
        ("Atac cu rachete asupra orașului Kramatorsk, doi morți", "ro"),
        ("Πυραυλική επίθεση στο Κραματόρσκ, δύο νεκροί", "el"),
        ("Ракетний удар по Краматорську: загинули двоє людей", "uk"),
        ("Ракетный удар по Краматорску: погибли два человека", "ru"),
    ],
)
def test_headline_length_text_is_recognised_in_ten_languages(
    text: str, expected: str
) -> None:
    lang, confidence = detect_language(text)
    assert lang == expected
    assert 0.2 <= confidence <= 1.0


def test_a_paragraph_is_recognised_with_high_confidence() -> None:
    body = (
        "Nella notte le forze russe hanno colpito con droni e missili la città di Kharkiv. "
        "Secondo il governatore, una donna è rimasta uccisa e altre sei persone sono ferite. "
        "I soccorritori hanno lavorato fino all'alba tra le macerie di un edificio residenziale."
    )
    lang, confidence = detect_language(body)
    assert lang == "it"
    assert confidence > 0.8


@pytest.mark.parametrize("text", ["", "   ", "12:30", "Ok", "3 - 2"])
def test_too_short_text_gives_no_language(text: str) -> None:
    assert detect_language(text) == (None, 0.0)


def test_a_bare_place_name_is_too_unsure_to_name_a_language() -> None:
    lang, _ = detect_language("Kharkiv")
    assert lang is None


def test_long_text_is_detected_from_its_beginning_without_error() -> None:
    text = "Ieri a Kiev sono suonate le sirene per tutta la mattina. " * 500
    assert detect_language(text)[0] == "it"
