"""Streaming benchmarks on the real broker: raw aiokafka vs a no-op Faust agent vs the full pipeline, latency, scale-out, memory.

How each number is measured (all in one run, side by side, because the machine is shared):

* Throughput. N news-sized articles are pre-loaded on a fresh articles topic, then the consumer
  or workers start. The timing window runs from the first output record's Kafka timestamp to
  the last one's, so process start-up (reported separately under `memory`) does not count;
  `pipeline_incl_startup_per_s` is the same run timed from the worker processes' start.
  For the full pipeline the window opens at the first mention and closes at the last
  incident/claim; the run is complete when the extractor's committed offsets reach the end of
  the articles topic and then the deduplicator's committed offsets reach the end of
  mentions.v1 (read twice, one poll apart, to be sure nothing is still in flight).
* Latency. With the pipeline of the throughput run still running, articles are produced at 25,
  50 and 90% of its measured rate for a fixed duration. An article's latency is from its own
  Kafka timestamp to the Kafka timestamp of the last of its outputs (the first record of each
  incident or claim whose `article_ids` cites it). Articles that produce no incident or claim
  have no latency and are not counted.
* Scale-out. The same N articles through one and then two extractor processes in one group,
  loaded in one burst once the group is stable and warmed up (see `bench_scale`); window from
  the first to the last mention of those N.
* Memory. VmHWM (peak RSS) of each worker process just before it is stopped; start-up is from
  the process start to its first output record on the broker.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from tqdm import tqdm

from schemas import Article
from services.bench.core import NEWS_MIN_WORDS, bench_articles
from services.bench.passthrough import OUTPUT_TOPIC as PASSTHROUGH_TOPIC
from services.cli.admin import create_topics, delete_topics_with_prefix, wait_for_broker
from services.common import topics
from services.common.codecs import encode
from services.common.kafka import aiokafka_options, producer_options
from services.common.settings import REPO_ROOT, Settings, get_settings

Progress = Callable[[str], None]

LATENCY_LEVELS = (0.25, 0.5, 0.9)
POLL_S = 0.5


@dataclass(frozen=True)
class Plan:
    articles: int  # pre-loaded for the throughput runs
    latency_s: float  # paced production per load level
    scale_articles: int
    timeout_s: float  # a stage that takes longer is a failure, not a slow result


QUICK = Plan(articles=80, latency_s=10.0, scale_articles=80, timeout_s=240.0)
FULL = Plan(articles=400, latency_s=45.0, scale_articles=300, timeout_s=900.0)


class BenchError(RuntimeError):
    """A stage could not finish (broker gone, worker died, timeout): the message says which and why."""


# --------------------------------------------------------------------------------------------
# isolation: topics and groups of their own per run, worker processes with their settings


@dataclass
class Run:
    """One benchmark invocation: a unique prefix for everything it creates on the broker."""

    base: Settings
    workdir: Path
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:8])

    @property
    def prefix(self) -> str:
        return f"bench{self.tag}"

    async def stage(self, name: str) -> Settings:
        """Settings for one stage (own topics, own groups), with the contract topics created."""
        settings = self.base.model_copy(update={
            "topic_prefix": f"{self.prefix}{name}.",
            "group_prefix": f"{self.prefix}{name}",
            "data_dir": self.workdir / name / "state",
        })
        await create_topics(settings)
        return settings


@dataclass
class Worker:
    """A worker subprocess, started with the stage's settings as NEWSEVENTS_* variables."""

    name: str
    proc: subprocess.Popen[bytes]
    started_at: float
    log: Path

    def check(self) -> None:
        if self.proc.poll() is not None:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise BenchError(f"worker {self.name} exited with {self.proc.returncode}:\n{tail}")

    def cpu_s(self) -> float | None:
        """CPU time (user + system) the worker process has used so far, all threads."""
        try:
            return cpu_seconds(Path(f"/proc/{self.proc.pid}/stat").read_text(), os.sysconf("SC_CLK_TCK"))
        except OSError:
            return None

    def peak_rss_mb(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
        except OSError:
            return None
        return None


def cpu_seconds(stat: str, ticks_per_s: int) -> float:
    """utime + stime from a /proc/<pid>/stat line. The command name (field 2) is in parentheses
    and may itself hold spaces and ')', so fields are counted from its last ')'."""
    fields = stat.rsplit(")", 1)[1].split()
    # fields[0] is field 3 of proc(5), the state; utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / ticks_per_s


def _child_settings(settings: Settings) -> list[str]:
    return [
        f"NEWSEVENTS_KAFKA_BOOTSTRAP={settings.kafka_bootstrap}",
        f"NEWSEVENTS_TOPIC_PREFIX={settings.topic_prefix}",
        f"NEWSEVENTS_GROUP_PREFIX={settings.group_prefix}",
        f"NEWSEVENTS_DATA_DIR={settings.data_dir}",
        "NEWSEVENTS_LOG_FORMAT=json",
    ]


def start_worker(settings: Settings, name: str, module_args: list[str], log_dir: Path) -> Worker:
    """`env VAR=... python -m ...`: the child inherits this process's environment (PATH, the
    Kafka security settings) and gets the stage's topics and groups on top; env(1) execs, so
    the pid is the Python worker's own and /proc/<pid>/status is its memory."""
    env_bin = shutil.which("env") or "/usr/bin/env"
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / f"{name}.log"
    with log.open("ab") as out:
        started = time.time()
        proc = subprocess.Popen(
            [env_bin, *_child_settings(settings), sys.executable, "-m", *module_args],
            cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
    return Worker(name, proc, started, log)


def stop_workers(workers: list[Worker]) -> None:
    """SIGTERM all at once (Faust shuts down in parallel), then wait; kill what does not stop."""
    for w in workers:
        if w.proc.poll() is None:
            w.proc.terminate()
    for w in workers:
        try:
            w.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            w.proc.kill()
            w.proc.wait(timeout=10)


@contextmanager
def workers_running(settings: Settings, specs: list[tuple[str, list[str]]], log_dir: Path) -> Iterator[list[Worker]]:
    started: list[Worker] = []
    try:
        for name, args in specs:
            started.append(start_worker(settings, name, args, log_dir))
        yield started
    finally:
        stop_workers(started)


def app_worker(app: str) -> list[str]:
    return ["services.cli.main", "worker", app]


PASSTHROUGH_WORKER = ["services.bench.passthrough"]


# --------------------------------------------------------------------------------------------
# the broker side: what is on a topic, how far a group has committed


class Probe:
    """End offsets, committed group offsets and full reads of a stage's topics."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.admin = AIOKafkaAdminClient(**aiokafka_options(settings))
        self.consumer = AIOKafkaConsumer(**aiokafka_options(settings), group_id=None,
                                         enable_auto_commit=False)
        self._partitions: dict[str, list[int]] = {}

    async def __aenter__(self) -> Self:
        await self.admin.start()
        await self.consumer.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.consumer.stop()
        await self.admin.close()

    def name(self, topic: str) -> str:
        return self.settings.topic_prefix + topic

    async def partitions(self, topic: str) -> list[TopicPartition]:
        return await self._partitions_of(self.name(topic))

    async def _partitions_of(self, name: str) -> list[TopicPartition]:
        if name not in self._partitions:
            described = await self.admin.describe_topics([name])
            self._partitions[name] = sorted(p["partition"] for d in described for p in d["partitions"])
        return [TopicPartition(name, p) for p in self._partitions[name]]

    async def ends(self, topic: str) -> dict[TopicPartition, int]:
        return await self._ends_of(self.name(topic))

    async def _ends_of(self, name: str) -> dict[TopicPartition, int]:
        tps = await self._partitions_of(name)
        return dict(await self.consumer.end_offsets(tps)) if tps else {}

    async def end(self, topic: str) -> int:
        return sum((await self.ends(topic)).values())

    async def remaining(self, app: str, topic: str) -> int:
        """Records of `topic` not yet committed by the app's consumer group (a Faust app id is its group)."""
        ends = await self.ends(topic)
        committed = await self.admin.list_consumer_group_offsets(f"{self.settings.group_prefix}-{app}")
        return sum(max(end - (committed[tp].offset if tp in committed else 0), 0)
                   for tp, end in ends.items())

    async def group(self, app: str) -> tuple[str, int]:
        """The app's consumer group state (Stable, PreparingRebalance, ...) and its member count."""
        (response,) = await self.admin.describe_consumer_groups([f"{self.settings.group_prefix}-{app}"])
        (group,) = response.to_object()["groups"]
        return str(group["state"]), len(group["members"])

    async def read(self, topic: str, since: dict[TopicPartition, int] | None = None) -> list[ConsumerRecord]:
        """Every record of a contract topic from `since` (or the beginning) to the end offsets as of now."""
        return await self.read_named(self.name(topic), since)

    async def read_named(self, name: str, since: dict[TopicPartition, int] | None = None) -> list[ConsumerRecord]:
        """The same for a topic by its full name (a Faust table's changelog)."""
        ends = await self._ends_of(name)
        reader = AIOKafkaConsumer(**aiokafka_options(self.settings), group_id=None,
                                  enable_auto_commit=False, auto_offset_reset="earliest")
        await reader.start()
        try:
            todo = [tp for tp, end in ends.items() if end > (since or {}).get(tp, 0)]
            if not todo:
                return []
            reader.assign(todo)
            for tp in todo:
                reader.seek(tp, (since or {}).get(tp, 0))
            out: list[ConsumerRecord] = []
            while todo:
                batch = await reader.getmany(*todo, timeout_ms=1000)
                for tp, records in batch.items():
                    out.extend(r for r in records if r.offset < ends[tp])
                todo = [tp for tp in todo if await reader.position(tp) < ends[tp]]
            return out
        finally:
            await reader.stop()


async def _wait(what: str, done: Callable[[], Any], total: int, check: Callable[[], None],
                timeout_s: float) -> None:
    """Poll `done()` (→ count done so far) until it reaches `total`, with a progress bar."""
    deadline = time.monotonic() + timeout_s
    with tqdm(total=total, desc=f"  {what}", leave=False, unit="rec") as bar:
        while True:
            check()
            n = min(await done(), total)
            bar.update(n - bar.n)
            if n >= total:
                return
            if time.monotonic() > deadline:
                raise BenchError(f"{what}: {n}/{total} after {timeout_s:.0f}s")
            await asyncio.sleep(POLL_S)


# --------------------------------------------------------------------------------------------
# input


def news_articles() -> list[Article]:
    return [a for a in bench_articles() if len(a.body.split()) >= NEWS_MIN_WORDS]


def copies(articles: list[Article], n: int, tag: str) -> Iterator[Article]:
    """n articles cycling through the real ones, each with an id of its own (a repeated text is
    what many outlets reporting one event look like to the deduplicator)."""
    for i in range(n):
        a = articles[i % len(articles)]
        yield a.model_copy(update={"article_id": f"{tag}-{i}-{a.article_id}"})


@asynccontextmanager
async def producer_for(settings: Settings) -> AsyncIterator[AIOKafkaProducer]:
    producer = AIOKafkaProducer(**producer_options(settings), acks="all", linger_ms=5,
                                max_request_size=2_097_152)
    await producer.start()
    try:
        yield producer
    finally:
        await producer.stop()


async def preload(settings: Settings, articles: list[Article], n: int, tag: str) -> None:
    topic = settings.topic_prefix + topics.ARTICLES
    async with producer_for(settings) as producer:
        futures = [await producer.send(topic, encode(a), key=a.article_id.encode())
                   for a in copies(articles, n, tag)]
        await asyncio.gather(*futures)


async def paced(settings: Settings, articles: list[Article], rate: float, duration_s: float,
                tag: str) -> dict[str, int]:
    """Articles at `rate` per second for `duration_s`, each sent on schedule (not in a burst);
    returns article id → its Kafka timestamp (ms)."""
    topic = settings.topic_prefix + topics.ARTICLES
    n = max(1, round(rate * duration_s))
    loop = asyncio.get_running_loop()
    sent: dict[str, asyncio.Future[Any]] = {}
    async with producer_for(settings) as producer:
        t0 = loop.time()
        for i, a in enumerate(tqdm(list(copies(articles, n, tag)), desc=f"  paced {rate:.1f}/s",
                                   leave=False, unit="art")):
            await asyncio.sleep(max(0.0, t0 + i / rate - loop.time()))
            sent[a.article_id] = await producer.send(topic, encode(a), key=a.article_id.encode())
        metas = await asyncio.gather(*sent.values())
    return {aid: meta.timestamp for aid, meta in zip(sent, metas)}


# --------------------------------------------------------------------------------------------
# (a) raw aiokafka, (b) Faust passthrough, (c) the pipeline


def _window_rate(n: int, first_ms: int, last_ms: int) -> float:
    # one millisecond at least: Kafka timestamps have ms resolution
    return round(n / max((last_ms - first_ms) / 1000, 0.001), 1)


async def bench_raw(settings: Settings, n: int, timeout_s: float) -> float:
    """An aiokafka consumer on the articles topic and a producer re-sending each value."""
    src = settings.topic_prefix + topics.ARTICLES
    dst = settings.topic_prefix + PASSTHROUGH_TOPIC
    opts = aiokafka_options(settings)
    consumer = AIOKafkaConsumer(src, **opts, group_id=f"{settings.group_prefix}-raw",
                                auto_offset_reset="earliest", enable_auto_commit=False)
    deadline = time.monotonic() + timeout_s
    await consumer.start()
    try:
        async with producer_for(settings) as producer:
            count = 0
            while count < n:
                if time.monotonic() > deadline:
                    raise BenchError(f"raw aiokafka: {count}/{n} after {timeout_s:.0f}s")
                for records in (await consumer.getmany(timeout_ms=500)).values():
                    for r in records:
                        await producer.send(dst, r.value, key=r.key)
                        count += 1
            await producer.flush()
        await consumer.commit()
    finally:
        await consumer.stop()
    async with Probe(settings) as probe:
        stamps = [r.timestamp for r in await probe.read(PASSTHROUGH_TOPIC)]
    return _window_rate(n, min(stamps), max(stamps))


async def create_extra_topic(settings: Settings, name: str) -> None:
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        await admin.create_topics([NewTopic(settings.topic_prefix + name, 6,
                                            settings.topic_replication or 1)])
    finally:
        await admin.close()


async def bench_passthrough(run: Run, articles: list[Article], plan: Plan, say: Progress) -> dict[str, Any]:
    settings = await run.stage("faust")
    await create_extra_topic(settings, PASSTHROUGH_TOPIC)
    await preload(settings, articles, plan.articles, "pt")
    with workers_running(settings, [("passthrough", PASSTHROUGH_WORKER)], run.workdir / "faust") as ws:
        async with Probe(settings) as probe:
            await _wait("faust passthrough", lambda: probe.end(PASSTHROUGH_TOPIC), plan.articles,
                        ws[0].check, plan.timeout_s)
            stamps = [r.timestamp for r in await probe.read(PASSTHROUGH_TOPIC)]
        rss = ws[0].peak_rss_mb()
    return {
        "per_s": _window_rate(plan.articles, min(stamps), max(stamps)),
        "rss_mb": rss,
        "startup_s": round(min(stamps) / 1000 - ws[0].started_at, 2),
    }


async def wait_drained(probe: Probe, ws: list[Worker], plan: Plan, articles_total: int) -> None:
    """Extractor committed to the end of the articles, then the deduplicator to the end of the
    mentions; asked twice, one poll apart, so mentions still being sent are not missed."""
    def check() -> None:
        for w in ws:
            w.check()

    async def extracted() -> int:
        return articles_total - await probe.remaining("extractor", topics.ARTICLES)

    await _wait("extractor", extracted, articles_total, check, plan.timeout_s)
    while True:
        mentions = await probe.end(topics.MENTIONS)

        async def deduplicated(total: int = mentions) -> int:
            return total - await probe.remaining("deduplicator", topics.MENTIONS)

        await _wait("deduplicator", deduplicated, mentions, check, plan.timeout_s)
        await asyncio.sleep(POLL_S)
        if await probe.end(topics.MENTIONS) == mentions:
            return


async def broker_bytes_per_article(probe: Probe, articles: int) -> dict[str, float]:
    """Key and value bytes each topic took per article in the throughput run (uncompressed; the
    broker adds ~70 bytes of record overhead): what sizing a cluster's disk needs."""
    named = {t: probe.name(t) for t in (topics.ARTICLES, topics.MENTIONS, topics.INCIDENTS, topics.CLAIMS)}
    named["dedup_changelog"] = f"{probe.settings.group_prefix}-deduplicator-dedup-state-changelog"
    out: dict[str, float] = {}
    for label, name in named.items():
        records = await probe.read_named(name)
        out[label] = round(sum(len(r.key or b"") + len(r.value or b"") for r in records) / articles)
    out["total"] = sum(out.values())
    return out


async def outputs(probe: Probe, since: dict[str, dict[TopicPartition, int]] | None = None) -> list[ConsumerRecord]:
    since = since or {}
    return [r for t in (topics.INCIDENTS, topics.CLAIMS) for r in await probe.read(t, since.get(t))]


def percentile(values: list[float], q: float) -> float:
    """Nearest rank: the smallest value with at least q of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1))]


def latencies_ms(sent: dict[str, int], records: list[ConsumerRecord]) -> list[float]:
    """Per article: from its Kafka timestamp to the last of its outputs (first record of each
    incident/claim id that cites it)."""
    first: dict[tuple[bytes, str], int] = {}
    for r in sorted(records, key=lambda r: r.timestamp):
        for aid in json.loads(r.value).get("article_ids", []):
            if aid in sent:
                first.setdefault((r.key, aid), r.timestamp)
    done: dict[str, int] = {}
    for (_, aid), ts in first.items():
        done[aid] = max(done.get(aid, 0), ts)
    return [float(done[aid] - sent[aid]) for aid in done]


async def bench_pipeline_and_latency(run: Run, articles: list[Article], plan: Plan,
                                     say: Progress) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    settings = await run.stage("pipe")
    await preload(settings, articles, plan.articles, "tp")
    specs = [("extractor", app_worker("extractor")), ("deduplicator", app_worker("deduplicator"))]
    with workers_running(settings, specs, run.workdir / "pipe") as ws:
        async with Probe(settings) as probe:
            await wait_drained(probe, ws, plan, plan.articles)
            mention_stamps = [r.timestamp for r in await probe.read(topics.MENTIONS)]
            out = await outputs(probe)
            if not out:
                raise BenchError("the pipeline published no incident or claim: see the worker logs "
                                 f"in {run.workdir / 'pipe'}")
            out_stamps = [r.timestamp for r in out]
            rate = _window_rate(plan.articles, min(mention_stamps), max(out_stamps))
            started = min(w.started_at for w in ws)
            pipeline = {
                "articles": plan.articles,
                "pipeline_per_s": rate,
                "pipeline_incl_startup_per_s": round(plan.articles / (max(out_stamps) / 1000 - started), 1),
                "mentions": len(mention_stamps),
                "output_records": len(out),
                "broker_bytes_per_article": await broker_bytes_per_article(probe, plan.articles),
            }
            memory = {
                "extractor_startup_s": round(min(mention_stamps) / 1000 - ws[0].started_at, 2),
                "deduplicator_startup_s": round(min(out_stamps) / 1000 - ws[1].started_at, 2),
            }
            say(f"  pipeline: {rate} articles/s; latency at {', '.join(f'{lv:.0%}' for lv in LATENCY_LEVELS)} "
                f"of it, {plan.latency_s:.0f}s each")
            latency: dict[str, Any] = {"duration_s": plan.latency_s}
            for level in LATENCY_LEVELS:
                label = f"{round(level * 100)}pct"
                since = {t: await probe.ends(t) for t in (topics.INCIDENTS, topics.CLAIMS)}
                total = await probe.end(topics.ARTICLES)
                cpu_before = [w.cpu_s() for w in ws]
                sent = await paced(settings, articles, rate * level, plan.latency_s, f"lat{label}")
                await wait_drained(probe, ws, plan, total + len(sent))
                for w, before in zip(ws, cpu_before, strict=True):
                    after = w.cpu_s()
                    if before is not None and after is not None and sent:
                        latency[f"{w.name}_cpu_ms_per_article_at_{label}"] = round(
                            (after - before) * 1000 / len(sent), 1)
                values = latencies_ms(sent, await outputs(probe, since))
                latency[f"rate_per_s_at_{label}"] = round(rate * level, 2)
                latency[f"articles_at_{label}"] = len(sent)
                latency[f"articles_with_output_at_{label}"] = len(values)
                for q in (50, 95, 99):
                    latency[f"p{q}_ms_at_{label}"] = round(percentile(values, q / 100)) if values else None
                cpu = ", ".join(f"{w.name} {latency.get(f'{w.name}_cpu_ms_per_article_at_{label}')}" for w in ws)
                say(f"  latency at {level:.0%} ({rate * level:.1f}/s): p50 {latency[f'p50_ms_at_{label}']} ms, "
                    f"p99 {latency[f'p99_ms_at_{label}']} ms over {len(values)} articles; CPU ms/article: {cpu}")
        memory["extractor_rss_mb"] = ws[0].peak_rss_mb()
        memory["deduplicator_rss_mb"] = ws[1].peak_rss_mb()
    return pipeline, latency, memory


async def bench_scale(run: Run, articles: list[Article], plan: Plan, workers: int) -> float:
    """Extractors only. They start on an empty topic; once their group is stable with all of them
    and a warm-up batch is through, the articles are loaded in one burst (faster than they are
    read, so as good as pre-loaded): a rebalance while the first worker already runs would
    otherwise be timed as a slow second worker."""
    settings = await run.stage(f"scale{workers}")
    specs = [(f"extractor{i}", app_worker("extractor")) for i in range(workers)]
    warm = 12
    with workers_running(settings, specs, run.workdir / f"scale{workers}") as ws:
        async with Probe(settings) as probe:
            def check() -> None:
                for w in ws:
                    w.check()

            async def members() -> int:
                state, count = await probe.group("extractor")
                return count if state == "Stable" else 0

            def extracted(total: int) -> Callable[[], Any]:
                async def done() -> int:
                    return total - await probe.remaining("extractor", topics.ARTICLES)
                return done

            await _wait(f"{workers} extractor(s) joining", members, workers, check, plan.timeout_s)
            await preload(settings, articles, warm, f"warm{workers}")
            await _wait("warm-up", extracted(warm), warm, check, plan.timeout_s)
            await _wait(f"{workers} extractor(s) still in the group", members, workers, check, plan.timeout_s)
            since = await probe.ends(topics.MENTIONS)
            await preload(settings, articles, plan.scale_articles, f"sc{workers}")
            total = warm + plan.scale_articles
            await _wait(f"{workers} extractor(s)", extracted(total), total, check, plan.timeout_s)
            stamps = [r.timestamp for r in await probe.read(topics.MENTIONS, since)]
    return _window_rate(plan.scale_articles, min(stamps), max(stamps))


async def _bench_pipeline(quick: bool, say: Progress, base: Settings) -> dict[str, Any]:
    plan = QUICK if quick else FULL
    try:
        await wait_for_broker(base.kafka_bootstrap, 30, base)
    except TimeoutError as e:
        raise BenchError(f"{e}\nStart the local broker with `make kafka-up`.") from e
    articles = news_articles()
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmp:
        run = Run(base, Path(tmp))
        try:
            say(f"pipeline 1/5: raw aiokafka consume → produce, {plan.articles} articles")
            raw_settings = await run.stage("raw")
            await create_extra_topic(raw_settings, PASSTHROUGH_TOPIC)
            await preload(raw_settings, articles, plan.articles, "raw")
            raw = await bench_raw(raw_settings, plan.articles, plan.timeout_s)
            say(f"  raw aiokafka: {raw} articles/s")

            say(f"pipeline 2/5: no-op Faust passthrough worker, {plan.articles} articles")
            passthrough = await bench_passthrough(run, articles, plan, say)
            say(f"  faust passthrough: {passthrough['per_s']} articles/s")

            say(f"pipeline 3/5: extractor + deduplicator workers, {plan.articles} articles, then latency")
            pipeline, latency, memory = await bench_pipeline_and_latency(run, articles, plan, say)

            say(f"pipeline 4/5: scale-out, 1 extractor, {plan.scale_articles} articles")
            one = await bench_scale(run, articles, plan, 1)
            say(f"  1 extractor: {one} articles/s")
            say(f"pipeline 5/5: scale-out, 2 extractors, {plan.scale_articles} articles")
            two = await bench_scale(run, articles, plan, 2)
            say(f"  2 extractors: {two} articles/s")
        finally:
            await delete_topics_with_prefix(base, run.prefix)  # its topics and changelogs
    rate = pipeline["pipeline_per_s"]
    pipeline.update({
        "quick": quick,  # the top-level flag is the last run's, which may have been another section
        "raw_aiokafka_per_s": raw,
        "faust_passthrough_per_s": passthrough["per_s"],
        "ratio_vs_raw": round(rate / raw, 4),
        "ratio_vs_passthrough": round(rate / passthrough["per_s"], 4),
        "window": "first mention → last incident/claim (Kafka timestamps); done = both groups "
                  "committed to the end of their input",
    })
    memory["passthrough_rss_mb"] = passthrough["rss_mb"]
    memory["passthrough_startup_s"] = passthrough["startup_s"]
    scale = {"articles": plan.scale_articles, "per_s_1_worker": one, "per_s_2_workers": two,
             "speedup_2_workers": round(two / one, 3)}
    return {"pipeline": pipeline, "latency": latency, "scale": scale, "memory": memory}


def bench_pipeline(quick: bool, say: Progress, settings: Settings | None = None) -> dict[str, Any]:
    """The `pipeline`, `latency`, `scale` and `memory` sections of bench/results.json."""
    return asyncio.run(_bench_pipeline(quick, say, settings or get_settings()))
