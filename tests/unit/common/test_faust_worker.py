"""The worker the `newsevents worker` command runs: Faust's own logging set-up keeps the level asked for."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import faust
import pytest

from services.common.faust_base import make_worker


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


def test_a_worker_at_warn_level_does_not_turn_debug_logging_on(root_logger: logging.Logger) -> None:
    app = faust.App("test-worker-logging", broker="kafka://127.0.0.1:1", web_enabled=False)
    worker = make_worker(app, "warn")
    worker._setup_logging()  # what the worker does first when it starts
    assert root_logger.level == logging.WARNING
    assert not logging.getLogger("aiokafka.producer").isEnabledFor(logging.DEBUG)
