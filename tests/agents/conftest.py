"""Agent tests run the real agent code through Faust's test_context(): an in-memory channel in,
and the topic sends captured instead of produced (the integration tier covers the real broker)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from faust.topics import Topic

from services.common.settings import Settings


@dataclass
class Sent:
    records: list[tuple[str, bytes | None, bytes]] = field(default_factory=list)

    def on(self, topic: str) -> list[tuple[bytes | None, bytes]]:
        return [(k, v) for t, k, v in self.records if t == topic]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sent]:
    captured = Sent()

    async def fake_send(self: Topic, *, key: Any = None, value: Any = None, **_: Any) -> None:
        captured.records.append((self.get_topic_name(), key, value))

    monkeypatch.setattr(Topic, "send", fake_send)
    yield captured


@pytest.fixture
def settings(tmp_path: Any) -> Settings:
    return Settings(data_dir=tmp_path, max_article_bytes=50_000)
