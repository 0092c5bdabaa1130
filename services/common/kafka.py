"""Kafka connection details shared by Faust, aiokafka clients and the CLI (plaintext locally; SASL/SSL on real clusters)."""

from __future__ import annotations

from typing import Any

from services.common.settings import Settings


def faust_broker_credentials(settings: Settings) -> Any:
    return None


def aiokafka_options(settings: Settings) -> dict[str, Any]:
    return {"bootstrap_servers": settings.kafka_bootstrap}
