"""A readable API reference built from the OpenAPI description, served without any CDN.

FastAPI's stock ``/docs`` loads Swagger UI from the internet; marsad runs offline, so ``/docs``
is a server-rendered page made from the same OpenAPI document (``/openapi.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str
    where: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    needs_token: bool
    fields: list[Field] = field(default_factory=list)


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        found: dict[str, Any] = spec.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[1], {})
        return found
    return schema


def _type(spec: dict[str, Any], schema: dict[str, Any]) -> str:
    schema = _resolve(spec, schema)
    if "anyOf" in schema:
        return " | ".join(_type(spec, s) for s in schema["anyOf"])
    kind = str(schema.get("type", "object"))
    if schema.get("format"):
        kind += f" ({schema['format']})"
    if kind == "array" and isinstance(schema.get("items"), dict):
        kind = f"array of {_type(spec, schema['items'])}"
    return kind


def _body_fields(spec: dict[str, Any], op: dict[str, Any]) -> list[Field]:
    body = op.get("requestBody") or {}
    schema = _resolve(spec, body.get("content", {}).get("application/json", {}).get("schema", {}))
    required = set(schema.get("required", []))
    fields = [Field(name, "body", _type(spec, prop), name in required, str(prop.get("description", "")))
              for name, prop in schema.get("properties", {}).items()]
    if not fields and body:
        fields.append(Field("(body)", "body", _type(spec, schema), bool(body.get("required")),
                            str(body.get("description") or schema.get("description") or "")))
    return fields


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every operation of ``spec`` with its parameters and body fields, in path order."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [Field(str(p["name"]), str(p["in"]), _type(spec, p.get("schema", {})),
                            bool(p.get("required")), str(p.get("description", "")))
                      for p in op.get("parameters", [])]
            found.append(Operation(method.upper(), path, str(op.get("summary", "")),
                                   str(op.get("description", "")), bool(op.get("security")),
                                   params + _body_fields(spec, op)))
    return found
