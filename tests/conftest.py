"""Test tiers: the folder is the marker (unit, agents, integration), so `-m` and the make targets agree."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        tier = Path(str(item.fspath)).relative_to(TESTS).parts[0]
        if tier in {"unit", "agents", "integration"}:
            item.add_marker(getattr(pytest.mark, tier))
