"""Labels for app pages (municipality page, warnings while editing) (Dutch, English)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {}
