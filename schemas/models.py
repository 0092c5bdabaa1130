"""Records on the contract topics: Article in, Mention between the apps, Incident and Claim out, DeadLetter."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from schemas.taxonomy import EventType, SubEventType, Weapon

SCHEMA_VERSION = 1

Precision = Literal["point", "settlement", "district", "region", "country"]
#: finest first: a lower rank is a more precise place
PRECISION_RANK: dict[str, int] = {name: rank for rank, name in enumerate(get_args(Precision))}
DatePrecision = Literal["day", "range", "month", "year"]
ClaimType = Literal[
    "casualty_report",
    "attack_report",
    "arms_transfer",
    "accusation",
    "denial",
    "threat",
    "assessment",
    "other",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Article(_Record):
    """One news article as producers put it on `articles.v1`."""

    schema_version: int = SCHEMA_VERSION
    article_id: str = Field(min_length=1, max_length=512)
    source: str = Field(min_length=1, max_length=512, description="outlet, e.g. ansa.it")
    url: str | None = None
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2}$", description="ISO 639-1; null = detect"
    )
    published_at: AwareDatetime
    title: str = ""
    body: str
    fetched_at: AwareDatetime | None = None
    author: str | None = None
    section: str | None = None

    @field_validator("body")
    @classmethod
    def _body_has_text(cls, body: str) -> str:
        if not body.strip():
            raise ValueError("body is empty")
        return body


class EventDate(_Record):
    start: date
    end: date
    precision: DatePrecision


class Location(_Record):
    name: str
    text: str | None = Field(default=None, description="the name as written in the article")
    geonames_id: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Precision


class Actor(_Record):
    name: str
    role: Literal["perpetrator", "target", "other"]
    kind: str
    country_code: str | None = None


class FigureReport(_Record):
    """One outlet's figure, kept so a widened count stays attributable."""

    value: int
    article_id: str
    source: str


class Count(_Record):
    best: int | None = None
    low: int | None = None
    high: int | None = None
    reports: list[FigureReport] = Field(default_factory=list)


class Evidence(_Record):
    article_id: str
    source: str
    url: str | None = None
    language: str | None = None
    published_at: AwareDatetime
    text: str
    char_start: int = Field(ge=0, description="offset into title + blank line + body")
    char_end: int = Field(ge=0)


class Speaker(_Record):
    name: str
    role: str | None = None
    organization: str | None = None
    country_code: str | None = None
    kind: Literal["person", "organization"]


class Quantity(_Record):
    value: float
    unit: str
    of: str | None = None


class _Reported(_Record):
    """Fields shared by incidents and claims: provenance, confidence and revision bookkeeping."""

    schema_version: int = SCHEMA_VERSION
    revision: int = Field(default=1, ge=1)
    evidence: list[Evidence] = Field(default_factory=list)
    article_ids: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    first_reported_at: AwareDatetime
    last_reported_at: AwareDatetime
    merged_into: str | None = None
    extractor_version: str


class Incident(_Reported):
    """One real-world event in ACLED terms; the latest revision per `incident_id` wins."""

    incident_id: str
    event_type: EventType
    sub_event_type: SubEventType
    date: EventDate
    location: Location
    actors: list[Actor] = Field(default_factory=list)
    fatalities: Count = Field(default_factory=Count)
    injured: Count = Field(default_factory=Count)
    civilian_targeting: bool = False
    weapons: list[Weapon] = Field(default_factory=list)
    summary: str = ""


class Claim(_Reported):
    """One attributed statement; the latest revision per `claim_id` wins."""

    claim_id: str
    speaker: Speaker
    cue: str
    content: str
    language: str | None = None
    quote: Literal["direct", "indirect", "mixed"]
    claim_type: ClaimType
    quantities: list[Quantity] = Field(default_factory=list)
    via: list[str] = Field(default_factory=list)
    about_incident_ids: list[str] = Field(default_factory=list)


class Mention(_Record):
    """One incident or claim as read in one article: what the extractor sends to the deduplicator."""

    schema_version: int = SCHEMA_VERSION
    mention_id: str
    kind: Literal["incident", "claim"]
    blocking_key: str
    article_id: str
    source: str
    published_at: AwareDatetime
    extractor_version: str
    article_timestamp: AwareDatetime | None = Field(
        default=None, description="Kafka timestamp of the article record (end-to-end latency)"
    )
    incident: Incident | None = None
    claim: Claim | None = None


class DeadLetter(_Record):
    """A record some stage could not read, with the original bytes and a reason a person can read."""

    schema_version: int = SCHEMA_VERSION
    stage: str = Field(description="where it failed, e.g. extractor.decode")
    reason: str
    error_type: str
    source_topic: str | None = None
    source_partition: int | None = None
    source_offset: int | None = None
    source_key_b64: str | None = None
    original_b64: str = Field(description="the original value bytes, base64 (truncated if huge)")
    original_size: int
    original_truncated: bool = False
    failed_at: AwareDatetime
