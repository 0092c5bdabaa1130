"""Contracts: pydantic v2 models of every record on newsevents' topics."""

from schemas.models import (
    SCHEMA_VERSION,
    Actor,
    Article,
    Claim,
    Count,
    DeadLetter,
    EventDate,
    Evidence,
    FigureReport,
    Incident,
    Location,
    Mention,
    Quantity,
    Speaker,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "Claim",
    "Count",
    "DeadLetter",
    "EventDate",
    "Evidence",
    "FigureReport",
    "Incident",
    "Location",
    "Mention",
    "Quantity",
    "Speaker",
]
