"""JSON Schemas of the knowledge YAML files, for editors that validate while an admin types."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.base import FILES

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(file_name: str) -> dict:
    model = FILES[file_name]
    schema = model.model_json_schema()
    return {"$schema": DRAFT, "title": f"Schutzlotse {file_name}", **schema}


def schema_file_name(file_name: str) -> str:
    return file_name.removesuffix(".yaml") + ".schema.json"


def write_schemas(out_dir: Path) -> list[Path]:
    """One schema per knowledge file: flow.schema.json, texts.schema.json, ..."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILES:
        path = out_dir / schema_file_name(name)
        path.write_text(json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
