"""Benchmarks behind `newsevents bench`: the extraction core, dedup state growth, and the streaming pipeline."""
