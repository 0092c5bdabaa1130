"""Event dates: temporal expressions in a sentence resolved against the publication time."""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Literal

from dateparser.languages import default_loader
from text_to_num import text2num

from services.core.lexicon import LiteralFilter, PatternGate, fold_case, load_lexicon

Precision = Literal["day", "range", "month", "year"]
# What a date dates besides "when": "event" when it names the event ("the Nov. 7 killing", "the
# shooting happened Oct. 4"), "development" when it dates a statement or a step of the case
# after it ("police said Monday", "was arrested Tuesday").
DateRole = Literal["event", "development"]

_LEXICON = "date_expressions"
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_KEYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
# Past this, a "morning" publication can no longer mean the night that just ended.
_MORNING_ENDS_AT_HOUR = 12
_MAX_WINDOW_DAYS = 366
# How far before or after a date the words that give its role are looked for.
_ROLE_WINDOW = 60
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_ORDINAL = r"(?:°|º|st|nd|rd|th)?"
# After a preposition: an elided one (dall') runs straight into the next word.
_GAP = r"(?:(?<=['’])\s*|\s+)"
_GAP_OR_NONE = r"\s*"
_NEVER = r"(?!x)x"
_NUMBER = r"(?P<n>\d{1,3}|[^\W\d_]+(?:-[^\W\d_]+)?)"


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened; text/start_char/end_char are the evidence (None = default)."""

    start: date
    end: date
    precision: Precision
    text: str | None
    start_char: int | None
    end_char: int | None
    role: DateRole | None = None


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    days: int | None
    hours: int | None
    units: tuple[tuple[str, int], ...]
    # holidays: a fixed month and day, or the nth (negative: from the end) weekday of a month
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None


@dataclass(frozen=True, slots=True)
class _Grammar:
    """Everything compiled for one language."""

    language: str
    # night_between rules run first: they must beat the plain weekdays they contain.
    first_rules: tuple[_Rule, ...]
    rules: tuple[_Rule, ...]
    # Which rules may match a sentence: each needs one of a few literal strings ("ieri",
    # "ago"), and one automaton pass tells which of them a sentence holds. Most sentences
    # hold none, the rest one or two rules' (see PatternGate).
    rule_gate: PatternGate
    # Whether a sentence may name a month: the month patterns need one of the names.
    month_filter: LiteralFilter | None
    any_month: re.Pattern[str] | None
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    day_month: re.Pattern[str] | None
    month_day: re.Pattern[str] | None
    month_year: re.Pattern[str] | None
    month_only: re.Pattern[str] | None
    year_only: re.Pattern[str] | None
    since_before: re.Pattern[str] | None
    range_between: re.Pattern[str] | None
    strict_words: frozenset[str]
    since_words: frozenset[str]
    one_words: frozenset[str]
    day_first: bool
    capitalised_names: bool
    # matched at a date's end / start / start: see DateRole
    event_after: re.Pattern[str] | None
    event_before: re.Pattern[str] | None
    development_before: re.Pattern[str] | None


_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)"
    r"(?P<y>(?:19|20)?\d{2})(?![\d]|[./-]\d)"
)
_DIGIT = re.compile(r"\d")
# "Wednesday afternoon, July 9, 2014" restates the date as much as "Wednesday, July 9" does.
_WEEKDAY_BEFORE_DATE = re.compile(
    r"[\s,]*(?:(?:morning|afternoon|evening|night|mattina|pomeriggio|sera|notte)[\s,]+)?"
    r"(?:the\s+|il\s+)?$", re.IGNORECASE)
_ISO = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<b>[01]\d)-(?P<a>[0-3]\d)(?!\d)")


def _fold(name: str) -> str:
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    )
    return stripped if stripped.isascii() else name


def _alternation(names: set[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _phrases(words: list[str]) -> str:
    # Words ending in an apostrophe (dall', all') attach to the next word without a space.
    parts = [
        re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        for w in sorted(words, key=len, reverse=True)
    ]
    return "|".join(parts)


def _locale_info(language: str) -> Mapping[str, Any] | None:
    # dateparser supplies the locale tables (month and weekday names, yesterday/today words
    # for ~200 languages). Its search_dates is not used: ~250 calls/s, and it reads `24 ore`
    # or `Su-34` as dates, so the matching is done here with those names.
    try:
        info: Mapping[str, Any] = default_loader.get_locale(language).info
    except (KeyError, ValueError, TypeError, AttributeError):
        return None
    return info


def _names(
    info: Mapping[str, Any], keys: tuple[str, ...], min_len: int, cut_offs: bool = True
) -> dict[str, int]:
    out: dict[str, int] = {}
    for index, key in enumerate(keys, start=1):
        names = [str(n).lower() for n in info.get(key, [])]
        longest = max((len(n) for n in names), default=0)
        for name in names:
            # a cut-off weekday ("серед" of "середа") is an abbreviation, and as a word of its
            # own something else ("серед них": among them); months keep theirs ("Sept. 4")
            if not cut_offs and any(other != name and other.startswith(name) for other in names):
                continue
            if len(name) >= min_len or len(name) == longest:
                out[name] = index
                out[_fold(name)] = index
    return out


def _locale_day_rules(info: Mapping[str, Any]) -> list[_Rule]:
    relative: Mapping[str, list[str]] = info.get("relative-type", {})
    rules = []
    for key, offset in (("2 day ago", -2), ("1 day ago", -1), ("0 day ago", 0)):
        words = [w for w in relative.get(key, []) if len(w) >= 3]
        if words:
            pattern = re.compile(rf"(?<!\w)(?:{_phrases(words)})(?!\w)", re.IGNORECASE)
            rules.append(_Rule("day", pattern, offset, None, ()))
    return rules


def _rules(
    table: Mapping[str, Any], info: Mapping[str, Any] | None, weekday_alt: str
) -> list[_Rule]:
    rules: list[_Rule] = []
    for raw in table.get("rules", []):
        source = (
            raw["pattern"]
            .replace("{weekday}", f"(?:{weekday_alt})")
            .replace("{n}", _NUMBER)
        )
        pattern = re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE)
        units = tuple((str(k), int(v)) for k, v in raw.get("units", {}).items())
        rules.append(
            _Rule(raw["kind"], pattern, raw.get("days"), raw.get("hours"), units,
                  raw.get("month"), raw.get("day"), raw.get("weekday"), raw.get("nth"))
        )
    if info is None:
        return rules
    weekday_rules = [r for r in rules if r.kind == "weekday"]
    if not weekday_rules:
        generic = re.compile(rf"(?<!\w)(?P<wd>{weekday_alt})(?!\w)", re.IGNORECASE)
        weekday_rules = [_Rule("weekday", generic, None, None, ())]
    # The locale's own yesterday/today words come after the table's longer phrases
    # (l'altro ieri before ieri) and weekdays come last.
    other = [r for r in rules if r.kind != "weekday"]
    return other + _locale_day_rules(info) + weekday_rules


@lru_cache(maxsize=32)
def month_names(language: str) -> frozenset[str]:
    """The language's month names and their abbreviations, lower case ("june", "jun", "giugno")."""
    info = _locale_info(language)
    return frozenset(_names(info, _MONTH_KEYS, 3)) if info else frozenset()


@lru_cache(maxsize=32)
def _grammar(language: str) -> _Grammar:
    table: Mapping[str, Any] = load_lexicon(_LEXICON)["languages"].get(language, {})
    info = _locale_info(language)
    months = _names(info, _MONTH_KEYS, 3) if info else {}
    full_months = _names(info, _MONTH_KEYS, 4) if info else {}
    weekdays = _names(info, _WEEKDAY_KEYS, 5, cut_offs=False) if info else {}
    rules = _rules(table, info, _alternation(set(weekdays)) if weekdays else _NEVER)
    month_first = str(info.get("date_order", "DMY") if info else "DMY").startswith("M")

    def words(key: str) -> list[str]:
        return [str(w) for w in table.get(key, [])]

    since_words, strict = words("since_prepositions"), words("strict_past_words")
    month_preps = words("month_prepositions") + since_words + strict
    year_preps = words("year_prepositions") + since_words
    article = rf"(?:(?:{_phrases(words('articles'))})\s*)?" if words("articles") else ""
    flags = re.IGNORECASE
    m_alt, full_alt = _alternation(set(months)), _alternation(set(full_months))
    day_range = _phrases(words("day_range_connectors") or ["-", "–"])
    second_day = rf"(?:\s*(?:{day_range})\s*(?P<d2>[0-3]?\d){_ORDINAL})?"
    since_alt, connectors = _phrases(since_words), _phrases(words("range_connectors"))
    first_rules = tuple(r for r in rules if r.kind == "night_between")
    later_rules = tuple(r for r in rules if r.kind != "night_between")
    any_month = re.compile(rf"(?<!\w)(?:{m_alt})", flags) if months else None
    return _Grammar(
        language=language,
        first_rules=first_rules,
        rules=later_rules,
        rule_gate=PatternGate([r.pattern.pattern for r in (*first_rules, *later_rules)], ignore_case=True),
        month_filter=LiteralFilter.build([any_month.pattern], ignore_case=True) if any_month else None,
        any_month=any_month,
        months=months,
        weekdays=weekdays,
        day_month=re.compile(
            rf"(?<![\w.,/:-])(?P<d1>[0-3]?\d){_ORDINAL}{second_day}(?:\s+of)?\s+"
            rf"(?P<m>{m_alt})\.?(?:,?\s+{_YEAR})?(?!\w)",
            flags,
        )
        if months
        else None,
        month_day=re.compile(
            rf"(?<!\w)(?P<m>{m_alt})\.?\s+(?P<d1>[0-3]?\d){_ORDINAL}{second_day}"
            rf"(?:,?\s+{_YEAR})?(?![\w.,]\d|\w)",
            flags,
        )
        if months and month_first
        else None,
        month_year=re.compile(
            rf"(?<!\w)(?P<m>{full_alt})\s+(?:of\s+)?{_YEAR}(?!\d)", flags
        )
        if months
        else None,
        month_only=re.compile(
            rf"(?<!\w)(?P<prep>{_phrases(month_preps)}){_GAP}(?P<m>{full_alt})(?!\w)(?!\s+\d)",
            flags,
        )
        if months and month_preps
        else None,
        year_only=re.compile(
            rf"(?<!\w)(?P<prep>{_phrases(year_preps)}){_GAP}{_YEAR}(?![\d%]|[.,]\d)",
            flags,
        )
        if year_preps
        else None,
        since_before=re.compile(
            rf"(?<!\w)(?:{since_alt}){_GAP_OR_NONE}{article}$", flags
        )
        if since_words
        else None,
        range_between=re.compile(rf"^\s*(?:{connectors})\s*{article}$", flags)
        if connectors
        else None,
        strict_words=frozenset(w.lower() for w in strict),
        since_words=frozenset(w.lower() for w in since_words),
        one_words=frozenset(w.lower() for w in words("one_words")),
        day_first=not month_first,
        capitalised_names=bool(table.get("capitalised_names", False)),
        event_after=_role_pattern(table, "event_after", "^"),
        event_before=_role_pattern(table, "event_before", "$"),
        development_before=_role_pattern(table, "development_before", "$"),
    )


def _role_pattern(table: Mapping[str, Any], key: str, anchor: str) -> re.Pattern[str] | None:
    fragments = [str(f) for f in table.get("roles", {}).get(key, [])]
    if not fragments:
        return None
    body = "|".join(f"(?:{f})" for f in fragments)
    return re.compile(f"^(?:{body})" if anchor == "^" else rf"(?<!\w)(?:{body})$", re.IGNORECASE)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _past_year(month: int, day: int, pub: date) -> int:
    candidate = _safe_date(pub.year, month, day)
    return pub.year if candidate is not None and candidate <= pub else pub.year - 1


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _parse_number(token: str, grammar: _Grammar) -> int | None:
    if token.isdigit():
        return int(token)
    if token.lower() in grammar.one_words:
        return 1
    try:
        return int(text2num(token.lower(), grammar.language))
    except (ValueError, TypeError, KeyError, NotImplementedError):
        return None


class _Collector:
    """Accepts candidate dates in priority order; a span overlapping an earlier one is dropped."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.spans: list[tuple[int, int]] = []
        self.found: list[EventDate] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def add(
        self, start: int, end: int, first: date, last: date, precision: Precision
    ) -> None:
        if not self.free(start, end) or last < first:
            return
        if precision == "range" and first == last:
            precision = "day"
        self.spans.append((start, end))
        self.found.append(
            EventDate(first, last, precision, self.sentence[start:end], start, end)
        )


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper()


def _absolute(sentence: str, grammar: _Grammar, pub: date, out: _Collector,
              has_month: bool) -> None:
    hits: list[tuple[int, int, date, date]] = []
    for pattern in (grammar.day_month, grammar.month_day) if has_month else ():
        if pattern is None:
            continue
        for m in pattern.finditer(sentence):
            if grammar.capitalised_names and not _is_capitalised(m.group("m")):
                continue
            month = grammar.months[m.group("m").lower()]
            d1, d2 = int(m.group("d1")), int(m.group("d2") or m.group("d1"))
            year = int(m.group("y")) if m.group("y") else _past_year(month, d2, pub)
            first, last = _safe_date(year, month, d1), _safe_date(year, month, d2)
            end = m.end() - 1 if m.group(0).endswith(".") else m.end()
            if first and last and first <= last:
                hits.append((m.start(), end, first, last))
    for pattern in (_NUMERIC, _ISO):
        for m in pattern.finditer(sentence):
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            year = y + 2000 if y < 100 else y
            day, month = (a, b) if grammar.day_first or pattern is _ISO else (b, a)
            found = _safe_date(year, month, day) or _safe_date(year, day, month)
            if found:
                hits.append((m.start(), m.end(), found, found))
    hits.sort()
    index = 0
    while index < len(hits):
        start, end, first, last = hits[index]
        window = max(0, start - 24)
        since = None
        if grammar.since_before is not None and first == last:
            since = grammar.since_before.search(sentence, window, start)
        if since:
            start = since.start()
        if since and index + 1 < len(hits) and grammar.range_between is not None:
            n_start, n_end, _, n_last = hits[index + 1]
            if n_start >= end and grammar.range_between.match(sentence[end:n_start]):
                out.add(start, n_end, first, n_last, "range")
                index += 2
                continue
        if since:
            out.add(start, end, first, pub, "range")
        else:
            out.add(start, end, first, last, "day" if first == last else "range")
        index += 1


def _months_and_years(
    sentence: str, grammar: _Grammar, pub: date, out: _Collector, has_month: bool
) -> None:
    if grammar.month_year is not None and has_month:
        for m in grammar.month_year.finditer(sentence):
            if grammar.capitalised_names and not _is_capitalised(m.group("m")):
                continue
            first, last = _month_span(
                int(m.group("y")), grammar.months[m.group("m").lower()]
            )
            since = grammar.since_before is not None and grammar.since_before.search(
                sentence[max(0, m.start() - 24) : m.start()]
            )
            out.add(
                m.start(),
                m.end(),
                first,
                pub if since else last,
                "range" if since else "month",
            )
    if grammar.month_only is not None and has_month:
        for m in grammar.month_only.finditer(sentence):
            if grammar.capitalised_names and not _is_capitalised(m.group("m")):
                continue
            prep = " ".join(m.group("prep").lower().replace("’", "'").split())
            month = grammar.months[m.group("m").lower()]
            strict = any(word in grammar.strict_words for word in prep.split())
            year = (
                pub.year
                if month < pub.month or (month == pub.month and not strict)
                else pub.year - 1
            )
            first, last = _month_span(year, month)
            if prep in grammar.since_words or prep.split()[0] in grammar.since_words:
                out.add(m.start(), m.end(), first, pub, "range")
            else:
                out.add(m.start(), m.end(), first, last, "month")
    if grammar.year_only is not None:
        for m in grammar.year_only.finditer(sentence):
            year = int(m.group("y"))
            prep = " ".join(m.group("prep").lower().replace("’", "'").split())
            if prep in grammar.since_words:
                out.add(m.start(), m.end(), date(year, 1, 1), pub, "range")
            else:
                out.add(
                    m.start(), m.end(), date(year, 1, 1), date(year, 12, 31), "year"
                )


def _holiday_in(year: int, rule: _Rule) -> date | None:
    if rule.month is None:
        return None
    if rule.day is not None:
        return _safe_date(year, rule.month, rule.day)
    if rule.weekday is None or not rule.nth:
        return None
    days = [d for d in calendar.Calendar().itermonthdates(year, rule.month)
            if d.month == rule.month and d.weekday() == rule.weekday]
    return days[rule.nth - 1] if rule.nth > 0 else days[rule.nth]


def _holiday(rule: _Rule, pub: date) -> date | None:
    """The holiday's last occurrence on or before the publication day."""
    this_year = _holiday_in(pub.year, rule)
    if this_year is not None and this_year <= pub:
        return this_year
    return _holiday_in(pub.year - 1, rule)


def _weekday_date(name: str, strict: bool, grammar: _Grammar, pub: date) -> date:
    delta = (pub.weekday() - (grammar.weekdays[name.lower()] - 1)) % 7
    return pub - timedelta(days=7 if strict and delta == 0 else delta)


def _relative(
    sentence: str,
    grammar: _Grammar,
    rules: tuple[_Rule, ...],
    published_at: datetime,
    pub: date,
    out: _Collector,
) -> None:
    for rule in rules:
        for m in rule.pattern.finditer(sentence):
            start, end = m.start(), m.end()
            groups = m.groupdict()
            if rule.kind == "day":
                day = pub + timedelta(days=rule.days or 0)
                out.add(start, end, day, day, "day")
            elif rule.kind == "night":
                # A timestamp of exactly midnight is most often a date without a time: then the
                # night may be the one before it as well.
                timed = published_at.time() != time(0, 0)
                morning = timed and published_at.hour < _MORNING_ENDS_AT_HOUR
                out.add(
                    start,
                    end,
                    pub if morning else pub - timedelta(days=1),
                    pub,
                    "range",
                )
            elif rule.kind in ("hours_window", "days_window", "ago"):
                n = _parse_number(groups["n"], grammar) if groups.get("n") else None
                amount = n if n is not None else (rule.hours or rule.days)
                if amount is None:
                    continue
                if rule.kind == "hours_window":
                    days = math.ceil(amount / 24)
                elif rule.kind == "ago":
                    unit = (groups.get("unit") or "").lower()
                    days = amount * next(
                        (v for k, v in rule.units if unit.startswith(k)), 1
                    )
                else:
                    days = amount
                if not 0 < days <= _MAX_WINDOW_DAYS:
                    continue
                first = pub - timedelta(days=days)
                out.add(
                    start, end, first, first if rule.kind == "ago" else pub, "range"
                )
            elif rule.kind == "last_week":
                monday = pub - timedelta(days=pub.weekday())
                out.add(
                    start,
                    end,
                    monday - timedelta(days=7),
                    monday - timedelta(days=1),
                    "range",
                )
            elif rule.kind == "weekend":
                saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
                out.add(
                    start,
                    end,
                    saturday,
                    min(saturday + timedelta(days=1), pub),
                    "range",
                )
            elif rule.kind == "holiday":
                holiday = _holiday(rule, pub)
                if holiday is not None:
                    out.add(start, end, holiday, holiday, "day")
            elif rule.kind in ("weekday", "night_between"):
                name = groups.get("wd") or groups.get("wd2")
                if not name or (
                    grammar.capitalised_names and not _is_capitalised(name)
                ):
                    continue
                if rule.kind == "weekday" and _names_a_date(sentence, end, out):
                    continue
                day = _weekday_date(name, bool(groups.get("strict")), grammar, pub)
                out.add(start, end, day, day, "day")


def _names_a_date(sentence: str, end: int, out: _Collector) -> bool:
    # "Tuesday, 1 March 2022": the weekday only restates the absolute date that follows.
    return any(
        date_start >= end
        and _WEEKDAY_BEFORE_DATE.match(sentence, end, date_start) is not None
        for date_start, _ in out.spans
    )


def resolve_dates(
    sentence: str, published_at: datetime, language: str
) -> list[EventDate]:
    """Every temporal expression in ``sentence``, resolved against the publication time.

    ``published_at`` is timezone-aware; its own local date is the publication day.
    """
    grammar = _grammar(language)
    pub = published_at.date()
    out = _Collector(sentence)
    folded = fold_case(sentence)
    # A rule that cannot match finds nothing: only the others are run.
    present = grammar.rule_gate.possible(folded)
    if present and grammar.first_rules:
        first = tuple(r for r in grammar.first_rules if r.pattern.pattern in present)
        _relative(sentence, grammar, first, published_at, pub, out)
    has_digit = _DIGIT.search(sentence) is not None
    # Every pattern with a month name needs one of the names somewhere: one automaton pass
    # spares the four month patterns in the many sentences with a figure but no month.
    has_month = grammar.any_month is not None and (
        grammar.any_month.search(sentence) is not None if grammar.month_filter is None
        else grammar.month_filter.may_match_folded(folded))
    if has_digit:
        _absolute(sentence, grammar, pub, out, has_month)
    if has_digit or has_month:
        _months_and_years(sentence, grammar, pub, out, has_month)
    if present:
        later = tuple(r for r in grammar.rules if r.pattern.pattern in present)
        _relative(sentence, grammar, later, published_at, pub, out)
    found = sorted(out.found, key=lambda d: d.start_char or 0)
    if grammar.event_after is None and grammar.development_before is None:
        return found
    return [_with_role(d, sentence, grammar) for d in found]


def _with_role(found: EventDate, sentence: str, grammar: _Grammar) -> EventDate:
    start, end = found.start_char or 0, found.end_char or 0
    before = sentence[max(0, start - _ROLE_WINDOW):start]
    role: DateRole | None = None
    if (grammar.event_after is not None and grammar.event_after.match(sentence[end:end + _ROLE_WINDOW])) or (
            grammar.event_before is not None and grammar.event_before.search(before)):
        role = "event"
    elif grammar.development_before is not None and grammar.development_before.search(before):
        role = "development"
    return replace(found, role=role) if role else found


def default_event_date(published_at: datetime) -> EventDate:
    """The date of an event the text gives no cue for: publication day or the day before."""
    pub = published_at.date()
    return EventDate(pub - timedelta(days=1), pub, "range", None, None, None)
