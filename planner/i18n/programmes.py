"""Labels for the programmes asiel, oek and statushouders (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {}
