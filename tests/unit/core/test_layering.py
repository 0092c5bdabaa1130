"""services/core stays pure: no Kafka or Faust imports, no environment reads."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[3] / "services" / "core"
FORBIDDEN = {"faust", "aiokafka", "mode", "services.common", "services.extractor", "services.deduplicator"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_streaming_or_app_code() -> None:
    offenders = {
        f"{p.name}: {name}"
        for p in CORE.rglob("*.py")
        for name in _imports(p)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }
    assert not offenders


def test_core_reads_no_environment() -> None:
    offenders = [p.name for p in CORE.rglob("*.py") if "os.environ" in p.read_text(encoding="utf-8")]
    assert not offenders
