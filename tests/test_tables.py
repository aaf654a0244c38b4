"""planner.tables: frames made from whole columns keep what they were given."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from planner.formats import Words
from planner.tables import frame_of, objects


def test_frame_of_keeps_each_column_as_given():
    """Text given as a list stays Python objects (not an Arrow ``str`` column), numbers
    keep their dtype, a dated column stays dated, and the frame equals the one
    ``pd.DataFrame`` makes from the same values once the text is cast back."""
    start = pd.to_datetime(["2025-07-01", None])
    f = frame_of(
        {
            "name": ["Almelo", "Borne"],
            "quota": np.array([434, 152]),
            "start": pd.Series(start),
            "coverage": np.array([0.5, np.nan]),
        }
    )
    assert f.dtypes.astype(str).tolist() == ["object", "int64", str(start.dtype), "float64"]
    # a bare numpy date array (as the data cache gives) is a date column too
    ends = np.array(["2026-07-01", "NaT"], dtype="datetime64[ns]")
    g = frame_of({"end": ends})
    assert str(g["end"].dtype) == "datetime64[ns]"
    assert g["end"].isna().tolist() == [False, True]
    assert g["end"].iloc[0] == pd.Timestamp("2026-07-01")
    assert f["name"].tolist() == ["Almelo", "Borne"]
    assert list(f.index) == [0, 1]
    expected = pd.DataFrame(
        {"name": pd.Series(["Almelo", "Borne"], dtype=object), "quota": [434, 152],
         "start": start, "coverage": [0.5, np.nan]}
    )  # fmt: skip
    pd.testing.assert_frame_equal(f, expected)


def test_frame_of_does_not_share_what_it_was_given():
    """A write to the new frame does not show in the frame its columns came from (the
    frame is made without pandas's copy-on-write bookkeeping, so this must hold by
    copying)."""
    src = pd.DataFrame({"places": [50, 60], "id": pd.Series(["A", "B"], dtype=object)})
    f = frame_of({"places": src["places"].to_numpy(), "id": src["id"]})
    f.loc[0, "places"] = 0
    f.loc[0, "id"] = "Z"
    assert src["places"].tolist() == [50, 60]
    assert src["id"].tolist() == ["A", "B"]


def test_frame_of_refuses_columns_of_other_lengths():
    with pytest.raises(ValueError, match="'b'"):
        frame_of({"a": np.array([1, 2]), "b": np.array([1])})


def test_objects_keeps_tuples_and_words_whole():
    """A tuple is one value (numpy alone would make a list of pairs two-dimensional);
    a Words stays the same object, so it can still be told in English."""
    w = Words("why_closed")
    out = objects([("asylum", "amv"), w, None])
    assert out.shape == (3,)
    assert out[0] == ("asylum", "amv")
    assert out[1] is w
    assert out[2] is None


def test_frame_of_without_pandas_private_constructor(monkeypatch):
    """The fast path uses ``DataFrame._from_arrays`` (not public API); a pandas without
    it gets the same frame through the public constructor."""
    columns = {
        "name": ["Almelo", "Borne"],
        "quota": np.array([434, 152]),
        "start": np.array(["2025-07-01", "NaT"], dtype="datetime64[ns]"),
    }
    fast = frame_of(columns)
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    slow = frame_of(columns)
    pd.testing.assert_frame_equal(fast, slow)
    assert slow["name"].dtype == object
