"""Offline scoring of the pipeline against the gold cases of shared/eval (see eval/FORMAT.md)."""
