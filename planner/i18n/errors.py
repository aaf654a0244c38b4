"""Labels for messages about bad input and how to fix it (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {}
