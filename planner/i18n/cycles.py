"""Labels for cycles, readiness and the plan over the years (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {}
