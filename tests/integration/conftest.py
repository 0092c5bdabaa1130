"""A real Apache Kafka broker (make kafka-up / make test start it) and both workers as real processes.

There is no skip here: without a broker every integration test fails with a message saying how
to start one, in CI and on a laptop alike."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from services.cli.admin import create_topics, delete_topics_with_prefix, wait_for_broker
from services.common.settings import Settings

BOOTSTRAP = os.environ.get("NEWSEVENTS_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
REPO = Path(__file__).resolve().parents[2]
APPS = ("extractor", "deduplicator")


@dataclass
class RunningPipeline:
    settings: Settings
    env: dict[str, str]
    logs: dict[str, Path]
    procs: dict[str, subprocess.Popen[bytes]]
    metrics_ports: dict[str, int] = field(default_factory=dict)

    def start(self, app: str, instance: str | None = None) -> None:
        """Start a worker of `app`; several instances of one app share its consumer group."""
        name = instance or app
        log_path = self.logs.setdefault(name, self.logs[app].with_name(f"{name}.log"))
        log = log_path.open("ab")
        port = self.metrics_ports.setdefault(name, free_port())
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", "services.cli.main", "worker", app, "--metrics-port", str(port)],
            cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )

    def kill(self, app: str) -> None:
        """kill -9: no shutdown, no final commit."""
        proc = self.procs.pop(app)
        proc.kill()
        proc.wait(timeout=30)

    def stop(self, app: str) -> None:
        proc = self.procs.pop(app, None)
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()

    def wait_for_log(self, name: str, needle: str, timeout_s: float = 120.0) -> None:
        """Block until worker `name` has logged a line containing `needle` (and is still alive)."""
        deadline = time.monotonic() + timeout_s
        while needle not in self.logs[name].read_text(errors="replace"):
            self.assert_alive()
            assert time.monotonic() < deadline, \
                f"{name} did not log {needle!r} within {timeout_s:.0f} s\n{self.log_tails()}"
            time.sleep(0.5)

    def log_tails(self, chars: int = 2000) -> str:
        """The end of every worker's log, for a failure message."""
        return "\n".join(f"--- {name}.log\n{path.read_text(errors='replace')[-chars:]}"
                         for name, path in self.logs.items() if path.exists())

    def assert_alive(self) -> None:
        for app, proc in self.procs.items():
            assert proc.poll() is None, f"{app} worker died:\n{self.logs[app].read_text()[-3000:]}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: every test run's prefix (its topics, and Faust's changelogs for its groups), deleted at the end
_RUN_PREFIXES: list[str] = []


@pytest.fixture(scope="session")
def broker() -> Iterator[str]:
    try:
        asyncio.run(wait_for_broker(BOOTSTRAP, 30))
    except TimeoutError as e:
        pytest.fail(f"{e}\nStart the local broker with `make kafka-up` (`make test` does it).")
    yield BOOTSTRAP
    # A developer's broker lives across many `make test` runs: leave it as we found it.
    for prefix in _RUN_PREFIXES:
        asyncio.run(delete_topics_with_prefix(Settings(kafka_bootstrap=BOOTSTRAP), prefix))


def isolated_settings(broker: str, tmp: Path) -> tuple[Settings, dict[str, str]]:
    """Settings and environment with topics and consumer groups of their own, so tests never meet."""
    run = uuid.uuid4().hex[:8]
    _RUN_PREFIXES.append(f"it{run}")
    values = {
        "NEWSEVENTS_KAFKA_BOOTSTRAP": broker,
        "NEWSEVENTS_TOPIC_PREFIX": f"it{run}.",
        "NEWSEVENTS_GROUP_PREFIX": f"it{run}",
        "NEWSEVENTS_DATA_DIR": str(tmp / "state"),
        "NEWSEVENTS_LOG_FORMAT": "json",
    }
    env = {**os.environ, **values}
    settings = Settings(
        kafka_bootstrap=broker, topic_prefix=values["NEWSEVENTS_TOPIC_PREFIX"],
        group_prefix=values["NEWSEVENTS_GROUP_PREFIX"], data_dir=tmp / "state",
    )
    asyncio.run(create_topics(settings))
    return settings, env


@pytest.fixture(scope="session")
def pipeline(broker: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPipeline]:
    """Both workers running on their own topics for the whole session."""
    tmp = tmp_path_factory.mktemp("pipeline")
    settings, env = isolated_settings(broker, tmp)
    running = RunningPipeline(
        settings, env, {a: tmp / f"{a}.log" for a in ("extractor", "deduplicator")}, {}
    )
    for app in ("extractor", "deduplicator"):
        running.start(app)
    yield running
    for app in list(running.procs):
        running.stop(app)


@pytest.fixture
def fresh_pipeline(broker: str, tmp_path: Path) -> Iterator[RunningPipeline]:
    """Both workers on topics of their own, for a test that kills or restarts them."""
    settings, env = isolated_settings(broker, tmp_path)
    running = RunningPipeline(settings, env, {a: tmp_path / f"{a}.log" for a in APPS}, {})
    for app in APPS:
        running.start(app)
    yield running
    for app in list(running.procs):
        running.stop(app)
