"""Embeddable widgets: the web component, the iframe page, oEmbed and the demo page (issue #7)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
