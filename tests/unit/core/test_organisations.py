"""Canonical names of bodies that speak (services.core.organisations)."""

from services.core.organisations import canonical_organisation


def test_one_body_reads_the_same_in_every_language_and_spelling() -> None:
    names = ["Onu", "ONU", "UN", "l'Onu", "the United Nations", "Nazioni Unite"]
    assert {canonical_organisation(n) for n in names} == {"United Nations"}


def test_an_abbreviation_counts_only_as_written() -> None:
    assert canonical_organisation("un") is None


def test_a_name_that_merely_contains_a_body_is_not_that_body() -> None:
    assert canonical_organisation("UN Human Rights Monitoring Mission in Ukraine") is None
    assert canonical_organisation("Interfax") is None
