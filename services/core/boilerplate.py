"""Page furniture in a scraped article body (galleries, captions, related links, prompts, copyright), blanked in place."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from services.core.lexicon import LiteralFilter, fold_case, load_lexicon

_LEXICON = "boilerplate"
_FLAGS = re.IGNORECASE
_LINE = re.compile(r"[^\n]+")
_NOT_NEWLINE = re.compile(r"[^\n]")
# A headline in a list of links carries no sentence-final mark; a sentence of the story does.
_SENTENCE_END = re.compile(r"[.!?…\"”’'):;]\s*$")
_HEADLINE_MAX = 200
# A teaser cut with "..." repeats the start of a longer paragraph: shorter stems match by chance.
_TEASER_MIN = 30
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)\s*$")
# Between a headline and the site name a page title carries after it.
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*\|\s*")
# Prefilters run once per paragraph: even a string as short as "(@" rules most paragraphs out.
_FILTER_MIN = 2


@dataclass(frozen=True, slots=True)
class _Rules:
    paragraph: re.Pattern[str] | None
    anywhere: re.Pattern[str] | None
    inline: re.Pattern[str] | None
    related: re.Pattern[str] | None
    tail: re.Pattern[str] | None
    masthead: re.Pattern[str] | None
    # Most paragraphs contain no literal the `anywhere` and `inline` patterns need: a plain
    # search of the lower-cased text tells, where the case-insensitive union is slow to fail.
    anywhere_filter: LiteralFilter | None
    inline_filter: LiteralFilter | None


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


def _patterns(language: str, name: str) -> list[str]:
    lex: Mapping[str, Any] = load_lexicon(_LEXICON)
    common: Mapping[str, list[str]] = lex["all"]
    own: Mapping[str, list[str]] = lex["languages"].get(language, {})
    return [*common.get(name, []), *own.get(name, [])]


@lru_cache(maxsize=256)
def _union(language: str, name: str, which: frozenset[int]) -> re.Pattern[str] | None:
    """The union of some of the `name` patterns (positions in their list), in their order."""
    return _compile([p for i, p in enumerate(_patterns(language, name)) if i in which])


@lru_cache(maxsize=16)
def _rules(language: str) -> _Rules:
    def kind(name: str) -> re.Pattern[str] | None:
        return _compile(_patterns(language, name))

    def prefilter(name: str) -> LiteralFilter | None:
        return LiteralFilter.build(_patterns(language, name), ignore_case=True, min_length=_FILTER_MIN)

    return _Rules(kind("paragraph"), kind("anywhere"), kind("inline"), kind("related"), kind("tail"),
                  kind("masthead"), prefilter("anywhere"), prefilter("inline"))


def _paragraphs(body: str) -> Iterator[tuple[int, int, str]]:
    """Each line of the body with its stripped (start, end) and text."""
    for m in _LINE.finditer(body):
        text = m.group()
        stripped = text.strip()
        if stripped:
            start = m.start() + text.index(stripped)
            yield start, start + len(stripped), stripped


def _is_headline(text: str) -> bool:
    return len(text) <= _HEADLINE_MAX and _SENTENCE_END.search(text) is None


def furniture_spans(body: str, language: str) -> list[tuple[int, int]]:
    """(start, end) spans of `body` that are page furniture rather than the story, in order."""
    rules = _rules(language)
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    kept: list[str] = []
    in_related = False
    # Same length as the body: a paragraph's offsets hold in it.
    folded = fold_case(body) if rules.anywhere_filter is not None or rules.inline_filter is not None else body
    for start, end, text in _paragraphs(body):
        if rules.tail is not None and rules.tail.match(text):
            spans.append((start, len(body)))
            break
        if rules.related is not None and rules.related.match(text):
            spans.append((start, end))
            in_related = True
            continue
        if in_related and _is_headline(text):
            spans.append((start, end))
            continue
        in_related = False
        if (rules.paragraph is not None and rules.paragraph.match(text)) or (
            rules.anywhere is not None
            and (rules.anywhere_filter is None or rules.anywhere_filter.may_match_folded(folded, start, end))
            and rules.anywhere.search(text)
        ):
            spans.append((start, end))
            continue
        norm = " ".join(text.split()).casefold()
        if norm in seen or _is_teaser(norm, kept):
            # Galleries and "top stories" boxes repeat a paragraph of the story, whole or cut short.
            spans.append((start, end))
            continue
        seen.add(norm)
        kept.append(norm)
        inline = rules.inline
        if inline is not None and rules.inline_filter is not None:
            # Only the patterns whose literals the paragraph holds can match in it: the union of
            # those finds what the whole union finds, and is much faster to fail elsewhere.
            possible = rules.inline_filter.which_may_match_folded(folded, start, end)
            inline = _union(language, "inline", possible) if possible else None
        if inline is not None:
            spans.extend((start + m.start(), start + m.end()) for m in inline.finditer(text))
    return spans


def _is_teaser(norm: str, kept: list[str]) -> bool:
    if not norm.endswith(("...", "…")):
        return False  # `norm` has no trailing space: the search below could not match
    cut = _ELLIPSIS.search(norm)
    if cut is None or cut.start() < _TEASER_MIN:
        return False
    stem = norm[: cut.start()]
    return any(k.startswith(stem) and len(k) > len(stem) for k in kept)


def strip_boilerplate(body: str, language: str) -> str:
    """`body` with its page furniture replaced by spaces (newlines kept), so offsets stay valid."""
    spans = furniture_spans(body, language)
    if not spans:
        return body
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            start = cursor
        if start >= end:
            continue
        pieces.append(body[cursor:start])
        pieces.append(_NOT_NEWLINE.sub(" ", body[start:end]))
        cursor = end
    pieces.append(body[cursor:])
    return "".join(pieces)


def strip_masthead(title: str, language: str) -> str:
    """`title` with the site name after its headline ("... - KSLA News 12 Shreveport, Louisiana")
    replaced by spaces, so offsets stay valid. The first segment is always kept."""
    masthead = _rules(language).masthead
    if masthead is None:
        return title
    separators = [m for m in _TITLE_SEPARATOR.finditer(title) if m.start() > 0]
    for k, sep in enumerate(separators):
        end = separators[k + 1].start() if k + 1 < len(separators) else len(title)
        if masthead.search(title, sep.end(), end):
            return title[: sep.start()] + " " * (len(title) - sep.start())
    return title
