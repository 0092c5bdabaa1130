"""Plumbing shared by the apps and the CLI: settings, logging, topic catalogue, codecs, metrics."""
