"""The Neo4j Browser guide listing the named queries (issue #6)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
