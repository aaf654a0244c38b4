"""Labels for report, export, PDF and plain-language answer texts (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {}
