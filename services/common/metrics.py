"""Prometheus metrics of a worker: throughput, dead letters, per-stage latency, consumer lag, table size and recovery restarts."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

CONSUMED = Counter("newsevents_records_consumed", "Records read from a topic", ["app", "topic"])
PUBLISHED = Counter("newsevents_records_published", "Records sent to a topic", ["app", "topic"])
DEAD_LETTERS = Counter(
    "newsevents_dead_letters", "Records sent to the dead-letter topic", ["app", "stage", "error_type"]
)
NO_EVENTS = Counter(
    "newsevents_articles_without_events", "Articles read fine that reported no incident or claim", ["app"]
)
STAGE_LATENCY = Histogram(
    "newsevents_stage_latency_seconds",
    "From the input record's Kafka timestamp to this stage's output send",
    ["app", "stage"],
    buckets=_LATENCY_BUCKETS,
)
END_TO_END_LATENCY = Histogram(
    "newsevents_end_to_end_latency_seconds",
    "From the article's Kafka timestamp on articles.v1 to its incident/claim send",
    ["kind"],
    buckets=_LATENCY_BUCKETS,
)
CONSUMER_LAG = Gauge(
    "newsevents_consumer_lag", "High-water mark minus position", ["app", "topic", "partition"]
)
TABLE_KEYS = Gauge("newsevents_table_keys", "Keys held in a Faust table on this worker", ["app", "table"])
RECOVERY_RESTARTS = Counter(
    "newsevents_table_recovery_restarts", "Table recoveries restarted after reading nothing for a while", ["app"]
)
SKIPPED_RECORDS = Counter(
    "newsevents_skipped_records",
    "Records Faust delivered out of order after a rebalance, read again by seeking back",
    ["app", "topic"],
)
BUILD = Gauge("newsevents_build_info", "Always 1; labels carry versions", ["app", "extractor_version"])


def serve_metrics(port: int) -> None:
    """Serve /metrics on the port (0.0.0.0) in a background thread."""
    start_http_server(port)
