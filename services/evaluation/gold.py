"""Reading gold case files (eval/FORMAT.md): one JSON case a line, validated into typed records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas import Article

Task = Literal["incidents", "geocode", "event_type", "claims", "dedup"]
TASKS: tuple[Task, ...] = ("incidents", "geocode", "event_type", "claims", "dedup")


class _Gold(BaseModel):
    # Gold files carry extra fields (admin2, note, cue); they are kept out of scoring.
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldLocation(_Gold):
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


class GoldIncident(_Gold):
    event_type: str | None = None
    sub_event_type: str | None = None
    alt_sub_event_types: list[str] = Field(default_factory=list)
    location: GoldLocation | None = None
    date: dt.date | None = None
    fatalities: int | None = None
    injured: int | None = None
    article_ids: list[str] = Field(default_factory=list)


class GoldClaim(_Gold):
    speaker: str | None = None
    speaker_aliases: list[str] = Field(default_factory=list)
    organization: str | None = None
    content: str
    claim_type: str | None = None
    quote: str | None = None
    article_id: str


class GoldCase(_Gold):
    case_id: str
    dataset: str
    tasks: list[Task]
    # Articles stay raw here: a case whose articles break the input contract is a pipeline
    # failure to report, not a reason to refuse the whole file.
    articles: list[dict[str, object]]
    incidents: list[GoldIncident] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)
    clusters: list[list[str]] = Field(default_factory=list)

    def parse_articles(self) -> list[Article]:
        """Validate the case's articles against the input contract (raises ValidationError)."""
        return [Article.model_validate(a) for a in self.articles]


class GoldFormatError(ValueError):
    """A line of a case file that is not a case; carries the file and line number."""


def read_cases(path: Path) -> Iterator[GoldCase]:
    """Yield the cases of one JSON Lines file in order; blank lines are skipped."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                yield GoldCase.model_validate(orjson.loads(raw))
            except (orjson.JSONDecodeError, ValidationError) as e:
                raise GoldFormatError(f"{path}:{lineno}: not a gold case: {e}") from e


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by their `*.jsonl` files (sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.glob("*.jsonl")))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"no such case file or folder: {p}")
    return out


def load_cases(
    files: Iterable[Path],
    datasets: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[GoldCase]:
    """Read cases from files; keep only the given datasets; at most `limit` per dataset file.

    A dataset filter entry matches a case's `dataset` field or its file's stem, so
    `gva_multi` selects that file while `gva` selects both GVA files. The limit counts per
    (dataset, file) so that a quick run of `gva` still holds some multi-incident cases.
    """
    wanted = {d.strip() for d in datasets} if datasets else None
    per_dataset: dict[tuple[str, str], int] = {}
    out: list[GoldCase] = []
    for path in files:
        for case in read_cases(path):
            if wanted is not None and case.dataset not in wanted and path.stem not in wanted:
                continue
            key = (case.dataset, path.stem)
            seen = per_dataset.get(key, 0)
            if limit is not None and seen >= limit:
                continue
            per_dataset[key] = seen + 1
            out.append(case)
    return out
