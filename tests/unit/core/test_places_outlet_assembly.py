"""The outlet reaches the place reader through assembly (needs assemble_incidents' source/url)."""

from datetime import UTC, datetime

from services.core.assembly import assemble_incidents
from services.core.sentences import split_sentences


def test_assembly_passes_the_outlet_to_the_place_reader() -> None:
    text = "Child shot\n\nMarion County sheriff deputies said a child was shot in the face on Monday."
    published = datetime(2016, 7, 12, tzinfo=UTC)
    sentences = split_sentences(text, "en")
    drafts = assemble_incidents(text, sentences, "en", published, source="ocala.com")
    assert [d.place.place.admin1 for d in drafts] == ["Florida"]
    assert assemble_incidents(text, sentences, "en", published) is not None
