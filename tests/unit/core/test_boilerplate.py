"""Page furniture blanked out of article bodies (services.core.boilerplate)."""

from services.core.boilerplate import furniture_spans, strip_boilerplate, strip_masthead

_STORY = "A man was shot and killed outside a bar in Dayton on Sunday, police said."


def _kept(body: str, language: str = "en") -> str:
    return " ".join(strip_boilerplate(body, language).split())


def test_the_cleaned_body_keeps_its_length_and_line_breaks() -> None:
    body = f"{_STORY}\n\nCopyright 2016 WXYZ. All rights reserved."
    cleaned = strip_boilerplate(body, "en")
    assert len(cleaned) == len(body)
    assert cleaned.count("\n") == body.count("\n")
    assert cleaned.startswith(_STORY)


def test_a_body_without_furniture_is_returned_unchanged() -> None:
    body = f"{_STORY}\n\nThe victim was 24. Detectives have no suspect yet."
    assert strip_boilerplate(body, "en") == body


def test_gallery_markers_and_photo_credits_are_dropped_but_captions_kept() -> None:
    body = f"Photo: Jane Doe / The Daily Image 1 of / 3 Caption Close\n\nImage 1 of 3 {_STORY} Photo: Jane Doe"
    assert _kept(body) == _STORY


def test_prompts_and_copyright_lines_are_dropped() -> None:
    body = (
        f"{_STORY}\n\nSign up for one of our email newsletters.\n\nPlease enable Javascript to watch this video\n\n"
        "Follow us on Twitter @Channel9 for updates\n\nRead or Share this story: http://example.com/x\n\n"
        "Anyone with information is asked to call police at 555-0100.\n\n© 2017 Example Media Group."
    )
    assert _kept(body) == _STORY


def test_related_story_headlines_after_a_header_are_dropped() -> None:
    body = (
        f"{_STORY}\n\nRELATED:\n\nTwo hurt in crash on Main Street\n\nMayor unveils new budget\n\n"
        "The man's family said he was a father of three."
    )
    assert _kept(body) == f"{_STORY} The man's family said he was a father of three."


def test_everything_after_a_more_stories_header_is_dropped() -> None:
    body = f"{_STORY}\n\nMore stories you may like\n\n4 dead, dozens hurt as bus crashes on highway."
    assert _kept(body) == _STORY


def test_embedded_social_posts_are_dropped() -> None:
    body = f"{_STORY}\n\nScene is taped off. pic.twitter.com/abc123 — Jo Reporter (@joreports) May 1, 2016"
    assert _kept(body) == _STORY


def test_repeated_paragraphs_and_cut_teasers_are_dropped() -> None:
    body = f"{_STORY}\n\n{_STORY}\n\nA man was shot and killed outside a bar in Dayton on..."
    spans = furniture_spans(body, "en")
    assert len(spans) == 2
    assert _kept(body) == _STORY


def test_italian_furniture_is_dropped() -> None:
    body = "Un uomo è stato ucciso a Bari.\n\nLEGGI ANCHE: Incidente in autostrada\n\n© RIPRODUZIONE RISERVATA"
    assert _kept(body, "it") == "Un uomo è stato ucciso a Bari."


def test_the_site_name_after_a_headline_is_blanked_and_the_title_keeps_its_length() -> None:
    title = "Man guilty of manslaughter in shooting death - KSLA News 12 Shreveport, Louisiana"
    cleaned = strip_masthead(title, "en")
    assert len(cleaned) == len(title)
    assert cleaned.rstrip() == "Man guilty of manslaughter in shooting death"


def test_every_segment_after_the_site_name_goes_with_it() -> None:
    title = "Suspect in mass shooting found dead - MSNewsNow.com - Jackson, MS"
    assert strip_masthead(title, "en").rstrip() == "Suspect in mass shooting found dead"


def test_an_italian_masthead_after_a_bar_is_blanked() -> None:
    assert strip_masthead("Attacco a Kiev, tre morti | Sky TG24", "it").rstrip() == "Attacco a Kiev, tre morti"


def test_a_second_segment_that_is_part_of_the_headline_is_kept() -> None:
    title = "Kharkiv - Russian strikes kill two in the city centre"
    assert strip_masthead(title, "en") == title


def test_inline_gallery_markers_are_dropped_in_any_case() -> None:
    body = f"{_STORY} IMAGE 2 OF 5\n\nThe victim was 24. Back To Gallery"
    assert _kept(body) == f"{_STORY} The victim was 24."


def test_a_paragraph_merely_ending_in_dots_is_kept() -> None:
    body = f"{_STORY}\n\nNeighbours said they heard shots and then..."
    assert _kept(body) == " ".join(body.split())


def test_several_kinds_of_inline_furniture_in_one_paragraph_are_all_dropped_in_order() -> None:
    body = (f"{_STORY} (Photo: John Smith/The Dayton Daily) The victim was 24. Image 3 of 7 "
            "Police have made no arrest... more")
    spans = furniture_spans(body, "en")
    assert spans == sorted(spans)
    assert _kept(body) == f"{_STORY} The victim was 24. Police have made no arrest"
