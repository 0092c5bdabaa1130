"""Turn what one article says into contract records: an IncidentDraft into an Incident, a ClaimDraft into a Claim."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from schemas import (
    Actor,
    Article,
    Claim,
    Count,
    EventDate,
    Evidence,
    FigureReport,
    Incident,
    Location,
    Quantity,
    Speaker,
)
from services.core import casualties
from services.core.actors import Role
from services.core.assembly import IncidentDraft
from services.core.claims import ClaimDraft
from services.core.organisations import canonical_organisation
from services.core.sentences import Sentence


def stable_id(prefix: str, *parts: object) -> str:
    """Deterministic id from stable inputs: the same article read by the same rules gives the same id."""
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:20]
    return f"{prefix}-{digest}"


def _evidence(article: Article, language: str, sentence: Sentence) -> Evidence:
    return Evidence(
        article_id=article.article_id, source=article.source, url=article.url, language=language,
        published_at=article.published_at, text=sentence.text,
        char_start=sentence.start, char_end=sentence.end,
    )


def _count(found: casualties.Count | None, article: Article) -> Count:
    if found is None:
        return Count()
    reports = []
    if found.best is not None:
        reports.append(FigureReport(value=found.best, article_id=article.article_id, source=article.source))
    return Count(best=found.best, low=found.low, high=found.high, reports=reports)


def _actors(draft: IncidentDraft) -> list[Actor]:
    """Each actor once: the draft keeps every phrase where it was written, and an actor named in
    a role (perpetrator, target) somewhere is not listed again as "other" for another mention."""
    roles: dict[tuple[str, str, str | None], list[Role]] = {}
    for a in draft.actors:
        held = roles.setdefault((a.name, a.kind, a.country_code), [])
        if a.role not in held:
            held.append(a.role)
    return [Actor(name=name, role=role, kind=kind, country_code=cc)
            for (name, kind, cc), held in roles.items()
            for role in (held if held == ["other"] else [r for r in held if r != "other"])]


def incident_confidence(draft: IncidentDraft) -> float:
    """Monotone in the evidence: a stronger cue, a surer place, an explicit date, figures and
    more supporting sentences can only raise it (see docs/extraction.md)."""
    score = 0.25 + 0.3 * draft.cue.score + 0.2 * draft.place.score
    if draft.date.text is not None:
        score += 0.1
    if draft.fatalities is not None or draft.injured is not None:
        score += 0.05
    score += 0.05 * min(len(draft.sentences) - 1, 2)
    return round(min(score, 0.95), 3)


def summary(draft: IncidentDraft) -> str:
    p = draft.place.place
    where = p.name if p.kind == "country" else f"{p.name} ({', '.join(x for x in (p.admin1, p.country_code) if x)})"
    when = draft.date.start.isoformat() if draft.date.start == draft.date.end else (
        f"{draft.date.start.isoformat()}..{draft.date.end.isoformat()}")
    text = f"{draft.cue.sub_event_type} in {where} on {when}"
    if draft.fatalities is not None and draft.fatalities.best:
        text += f"; {draft.fatalities.best} killed"
    if draft.injured is not None and draft.injured.best:
        text += f"; {draft.injured.best} injured"
    return text + "."


def incident_record(article: Article, language: str, draft: IncidentDraft, version: str) -> Incident:
    p = draft.place.place
    return Incident(
        incident_id=stable_id(
            "inc", article.article_id, draft.place_key, draft.date.start, draft.cue.sub_event_type
        ),
        event_type=draft.cue.event_type,  # type: ignore[arg-type]
        sub_event_type=draft.cue.sub_event_type,  # type: ignore[arg-type]
        date=EventDate(start=draft.date.start, end=draft.date.end, precision=draft.date.precision),
        location=Location(
            name=p.name, text=draft.place.text, geonames_id=p.geonames_id,
            country_code=p.country_code or None, admin1=p.admin1, admin2=p.admin2,
            lat=p.lat, lon=p.lon, precision=draft.place.precision,
        ),
        actors=_actors(draft),
        fatalities=_count(draft.fatalities, article),
        injured=_count(draft.injured, article),
        civilian_targeting=draft.civilian_targeting,
        weapons=sorted(draft.weapons),  # type: ignore[arg-type]
        summary=summary(draft),
        evidence=[_evidence(article, language, s) for s in sorted(draft.sentences, key=lambda s: s.start)],
        article_ids=[article.article_id],
        sources=[article.source],
        confidence=incident_confidence(draft),
        first_reported_at=article.published_at,
        last_reported_at=article.published_at,
        extractor_version=version,
    )


def claim_record(
    article: Article, language: str, draft: ClaimDraft, about: list[str], version: str
) -> Claim:
    text_evidence = Evidence(
        article_id=article.article_id, source=article.source, url=article.url, language=language,
        published_at=article.published_at, text=draft.span_text or draft.content,
        char_start=draft.content_start, char_end=draft.content_end,
    )
    s = draft.speaker
    return Claim(
        claim_id=stable_id("clm", article.article_id, draft.content_start, draft.content_end),
        speaker=Speaker(name=s.name, role=s.role, organization=_organisation(s.name, s.organization, s.kind),
                        country_code=s.country_code, kind=s.kind),
        cue=draft.cue,
        content=draft.content,
        language=language,
        quote=draft.quote,
        claim_type=draft.claim_type,
        quantities=[Quantity(value=q.value, unit=q.unit, of=q.of) for q in draft.quantities],
        via=list(draft.via),
        about_incident_ids=about,
        evidence=[text_evidence],
        article_ids=[article.article_id],
        sources=[article.source],
        confidence=draft.confidence,
        first_reported_at=article.published_at,
        last_reported_at=article.published_at,
        extractor_version=version,
    )


def _organisation(name: str, organization: str | None, kind: str) -> str | None:
    """The speaker's organisation under its canonical name when it is a known body ("Onu" is
    the United Nations), so one body reads the same in every language."""
    canonical = _canonical_organisation(organization)
    if canonical is None and organization is None and kind == "organization":
        canonical = _canonical_organisation(name)
    return canonical or organization


# Every claim asks it of its speaker's organisation (a search over every body's aliases),
# and the same few bodies speak across articles; it is a pure function of the name.
_canonical_organisation = lru_cache(maxsize=4096)(canonical_organisation)
