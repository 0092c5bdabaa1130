"""Sentence and paragraph segmentation of article text, with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sentencex


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``text == document[start:end]``."""

    text: str
    start: int
    end: int
    paragraph: int  # 0 = title, then body paragraphs 1..n


# Scraped bodies separate paragraphs with one newline as often as with a blank line, so any
# newline run is a paragraph break; a sentence never crosses one.
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# sentencex keeps `"…finita." Poi` together when the sentence ends inside a straight or
# curly closing quote; a terminal mark, a closing quote and a capital start a new sentence.
# The break is the whitespace (group 1); the mark and quote are matched rather than looked
# behind at, so the engine skips ahead to the few terminal marks instead of trying every offset.
_QUOTE_END = re.compile(r"[.!?…][\"”»’'](\s+)(?=[\"“«]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐΑ-Ω])")
# sentencex splits `pag. 3` and `n. 5` (a short lowercase abbreviation before a number).
_SHORT_ABBREVIATION_END = re.compile(r"(?:^|[\s(])[a-zà-ÿ]{1,4}\.$")
# sentencex ends a sentence at "9 a.m." even when a weekday or a month follows it.
_TIME_END = re.compile(r"\d\s*[ap]\.\s?m\.$", re.IGNORECASE)
_DAY_OR_MONTH = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|"
                           r"June|July|August|September|October|November|December)\b")
_FALLBACK_LANGUAGE = "en"


def document_text(title: str, body: str) -> str:
    """Return the text all offsets refer to: title, a blank line, body (project convention)."""
    return f"{title}\n\n{body}"


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _library_spans(block: str, language: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for boundary in sentencex.get_sentence_boundaries(language, block):
        start, end = _strip_span(block, boundary["start_index"], boundary["end_index"])
        if start >= end:
            continue
        if spans and _should_merge(block[spans[-1][0] : spans[-1][1]], block[start:end]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _should_merge(previous: str, following: str) -> bool:
    first = following[0]
    if first.islower():
        return True
    if _TIME_END.search(previous) is not None and _DAY_OR_MONTH.match(following) is not None:
        return True  # "just before 9 a.m. Monday at a home in White Plains"
    return first.isdigit() and _SHORT_ABBREVIATION_END.search(previous) is not None


def _split_at_closing_quotes(block: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    # From two characters back: the mark and quote before a break may precede the span.
    for match in _QUOTE_END.finditer(block, max(0, start - 2), end):
        pieces.append((cursor, match.start(1)))
        cursor = match.end(1)
    pieces.append((cursor, end))
    return pieces


def split_sentences(text: str, language: str | None) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets index ``text`` exactly, edges stripped."""
    lang = language or _FALLBACK_LANGUAGE
    sentences: list[Sentence] = []
    block_start = 0
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    breaks.append((len(text), len(text)))
    for paragraph, (break_start, break_end) in enumerate(breaks):
        block = text[block_start:break_start]
        block_offset, block_start = block_start, break_end
        if not block.strip():
            continue
        # A sentence can only split at a closing quote the whole block contains.
        quoted = _QUOTE_END.search(block) is not None
        for start, end in _library_spans(block, lang):
            pieces = _split_at_closing_quotes(block, start, end) if quoted else [(start, end)]
            for piece_start, piece_end in pieces:
                s, e = _strip_span(block, piece_start, piece_end)
                if s < e:
                    sentences.append(
                        Sentence(
                            block[s:e], block_offset + s, block_offset + e, paragraph
                        )
                    )
    return sentences
