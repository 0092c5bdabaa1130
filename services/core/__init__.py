"""Pure extraction and deduplication logic: no Kafka, no environment, no clock, no network."""
