"""Write the JSON Schema of every contract record into schemas/json/ (committed; a test checks it is fresh)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from schemas.models import Article, Claim, DeadLetter, Incident, Mention

JSON_DIR = Path(__file__).parent / "json"

#: file name → model; the name carries the topic version the record travels on.
CONTRACT: dict[str, type[BaseModel]] = {
    "article.v1.json": Article,
    "mention.v1.json": Mention,
    "incident.v1.json": Incident,
    "claim.v1.json": Claim,
    "dead_letter.v1.json": DeadLetter,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    JSON_DIR.mkdir(exist_ok=True)
    for name, model in CONTRACT.items():
        (JSON_DIR / name).write_text(render(model), encoding="utf-8")
        print(f"wrote schemas/json/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
