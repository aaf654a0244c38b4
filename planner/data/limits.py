"""Bounds on numbers and text that no real plan comes near, checked at every door.

A number of places beyond what a 64-bit integer holds used to end in an OverflowError
deep in numpy; a control character in a name loaded silently and crashed the Excel export
later. Both are refused where the file is read, with the file, line and field.
"""

from __future__ import annotations

import re

__all__ = ["MAX_COUNT", "CONTROL", "control_char"]

#: The largest whole number (places, quota, ...) a file may hold: far beyond any real
#: plan (the national need is 96,000 places) and far inside int64 and exact floats.
MAX_COUNT = 1_000_000_000

#: Characters that have no place in a name or note: C0/C1 controls except tab and line
#: breaks (which CSV quoting and YAML allow in a note), and DEL. Excel refuses them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_char(text: str) -> tuple[int, str] | None:
    """The 1-based position and code (``U+0000``) of the first control character."""
    m = CONTROL.search(text)
    if m is None:
        return None
    return m.start() + 1, f"U+{ord(m.group()):04X}"
