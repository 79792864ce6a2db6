"""JSON Schema of the agreement file, for editors (yaml-language-server) and integrators."""

from __future__ import annotations

from typing import Any

from forenad.model import Agreement

SCHEMA_ID = "https://forenad.github.io/schema/agreement.schema.json"


def agreement_schema() -> dict[str, Any]:
    schema = Agreement.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
