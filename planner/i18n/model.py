"""Labels for model, solver and explanation texts (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {}
