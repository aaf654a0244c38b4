"""Read the data folder into validated tables.

Files are read here and nowhere else in the pipeline. Every problem in every file is
collected into one :class:`~planner.errors.InputError` so a planner can fix a
spreadsheet in one pass; nothing downstream sees a table that did not validate.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ValidationError

from planner.data.dates import DateKind, ParsedDate
from planner.data.limits import CONTROL, MAX_COUNT, control_char
from planner.data.schemas import TABLES, TableSpec
from planner.errors import InputError, Issue, os_reason, pydantic_words, words_then
from planner.formats import Words
from planner.tables import frame_of

__all__ = [
    "Dataset",
    "load_dataset",
    "read_table",
    "rows_to_frame",
    "default_data_dir",
    "suggest",
    "dataset_from_tables",
    "centroids",
    "read_geometry",
    "resolve_cycle",
]


def default_data_dir() -> Path:
    """The data folder used when none is given.

    ``PLANNER_DATA`` wins; otherwise the ``data/`` folder of the source checkout (an
    editable install), otherwise the copy bundled in the installed package.
    """
    env = os.environ.get("PLANNER_DATA")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parents[1]
    checkout = package.parent / "data"
    if (checkout / "municipalities.csv").exists():
        return checkout
    return package / "_data"


def suggest(value: str, options: Iterable[str], n: int = 3) -> Words | str:
    """'bedoelt u ...' (did you mean ...) words for a misspelt name, or '' when nothing
    is close."""
    opts = list(options)
    lower = {o.lower(): o for o in opts}
    close = difflib.get_close_matches(value.lower(), list(lower), n=n, cutoff=0.6)
    if not close:
        return ""
    return Words("err_did_you_mean", names=" / ".join(repr(lower[c]) for c in close))


# --------------------------------------------------------------------------- reading


def _decode(raw: bytes, label: str, issues: list[Issue]) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark, as Excel writes it: harmless, drop it
    try:
        # NFC: a name typed on a Mac (decomposed, NFD) equals the same name typed elsewhere.
        return unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        issues.append(
            Issue(
                label,
                Words("dl_not_utf8"),
                Words("dl_not_utf8_fix"),
                line=line,
            )
        )
        return None


def _split(text: str, label: str, issues: list[Issue]) -> list[tuple[int, dict[str, str]]] | None:
    lines = text.splitlines()
    header = lines[0] if lines else ""
    if not header.strip():
        issues.append(Issue(label, Words("dl_empty_file"), "", line=1))
        return None
    if header.count(";") > header.count(",") or header.count("\t") > header.count(","):
        sep = Words("dl_semicolons" if header.count(";") > header.count("\t") else "dl_tabs")
        issues.append(
            Issue(
                label,
                Words("dl_separator", sep=sep),
                Words("dl_separator_fix"),
                line=1,
            )
        )
        return None
    reader = csv.DictReader(io.StringIO(text), skipinitialspace=False)
    rows: list[tuple[int, dict[str, str]]] = []
    records: list[tuple[int, dict]] = []
    try:
        for record in reader:
            records.append((reader.line_num, record))
    except csv.Error as exc:  # e.g. a field larger than the csv module allows
        issues.append(Issue(label, Words("dl_not_csv", error=str(exc)),
                            Words("dl_not_csv_fix"),
                            line=reader.line_num))  # fmt: skip
        return None
    for line_num, record in records:
        if None in record:  # more cells than header columns
            extra = record.pop(None)
            issues.append(
                Issue(
                    label,
                    Words("dl_extra_cells", n=len(extra)),
                    Words("dl_extra_cells_fix"),
                    line=line_num,
                    value=",".join(extra),
                )
            )
        if all((v or "").strip() == "" for v in record.values()):
            continue
        rows.append((line_num, {k: (v or "") for k, v in record.items()}))
    return rows


def _check_columns(found: list[str], spec: TableSpec, label: str, issues: list[Issue]) -> bool:
    ok = True
    cols = spec.columns
    for col in spec.required_columns:
        if col not in found:
            hint = suggest(col, [f for f in found if f not in cols])
            issues.append(
                Issue(
                    label,
                    Words("dl_missing_column", col=col),
                    Words("dl_missing_column_hint_fix", col=col, hint=hint)
                    if hint
                    else Words("dl_missing_column_fix", col=col),
                    line=1,
                    column=col,
                )
            )
            ok = False
    for col in found:
        if col not in cols:
            hint = suggest(col, cols)
            issues.append(
                Issue(
                    label,
                    Words("dl_unknown_column", col=col),
                    Words("dl_unknown_column_hint_fix", hint=hint, file=spec.filename)
                    if hint
                    else Words("dl_unknown_column_fix", file=spec.filename),
                    line=1,
                    column=col,
                )
            )
            ok = False
    return ok


def _pydantic_issues(
    exc: ValidationError, label: str, line: int, row: dict[str, str], spec: TableSpec
) -> list[Issue]:
    out = []
    for err in exc.errors():
        column = str(err["loc"][0]) if err["loc"] else None
        value = row.get(column, "") if column else None
        kind = err["type"]
        if kind == "missing" and value == "":
            message, fix = Words("pyd_empty"), Words("pyd_empty_fix")
        else:
            message, fix = pydantic_words(err)
        if kind == "literal_error" and value:
            expected = str(err.get("ctx", {}).get("expected", ""))
            options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
            hint = suggest(value, options)
            if hint:
                fix = Words("pyd_literal_hint_fix", hint=hint, options=", ".join(options))
        elif kind == "string_pattern_mismatch" and column in ("code", "gm_code_a", "gm_code_b"):
            fix = Words("pyd_pattern_code_fix")
        if err["type"] == "value_error" and not err["loc"]:
            column = None
        out.append(Issue(label, message, fix, line=line, column=column, value=value or None))
    return out


def _column(values: list[Any]) -> Any:
    """A typed array for one column of validated values."""
    if isinstance(values, np.ndarray):
        return values
    kinds = {type(v) for v in values}
    if bool in kinds and kinds <= {bool, type(None)}:
        return values if type(None) in kinds else np.array(values, dtype=bool)
    if kinds <= {int, type(None)} and int in kinds:
        if type(None) in kinds:
            return np.array([np.nan if v is None else v for v in values], dtype=float)
        return np.array(values, dtype=np.int64)
    if kinds <= {float, int, type(None)} and float in kinds:
        return np.array([np.nan if v is None else v for v in values], dtype=float)
    if str in kinds or kinds == {type(None)}:
        return pd.Series(values, dtype=object)  # a Series keeps object; an array would not
    return values


def rows_to_frame(
    models: list[BaseModel], spec: TableSpec, lines: list[int] | None = None
) -> pd.DataFrame:
    """Validated rows as a DataFrame; date cells become ``col`` (Timestamp) + ``col_kind``."""
    # Built column by column (lists, then one DataFrame): row dicts through
    # ``from_records`` cost more than the validation itself.
    data: dict[str, list[Any]] = {}
    dates: list[str] = []
    for name, fld in spec.row_model.model_fields.items():
        values = [getattr(m, name) for m in models]
        if fld.annotation is ParsedDate:
            dates.append(name)
            data[name] = np.array(
                [
                    np.datetime64(v.value, "ns")
                    if v.kind is DateKind.DATE
                    else np.datetime64("NaT")
                    for v in values
                ],
                dtype="datetime64[ns]",
            )
            data[f"{name}_kind"] = [v.kind.value for v in values]
            data[f"{name}_approx"] = [v.approximate or v.intended for v in values]
            data[f"{name}_text"] = [v.text for v in values]
        else:
            data[name] = values
    if lines is not None:
        data["_line"] = np.array(lines, dtype=np.int64)
    if models:
        # Text stays in object columns: for tables this small, pandas' Arrow-backed
        # string columns cost several times more per operation (measured: loading and
        # counting the bundled data 3-5x slower), and nothing here needs them. Arrays
        # are typed here, once, rather than inferred column by column.
        frame = pd.DataFrame({k: _column(v) for k, v in data.items()}, copy=False)
    else:  # no rows: untyped (object) columns, as from_records gives
        frame = pd.DataFrame({k: pd.Series([], dtype=object) for k in data})
        for name in dates:
            frame[name] = pd.to_datetime(frame[name])
    return frame


_TEN_DIGITS = re.compile(r"\d{10}")


def _bad_text(row: dict[str, str], label: str, line: int, issues: list[Issue]) -> bool:
    """A control character in a cell: refused here, where the file and line are known,
    rather than crashing the Excel export later (openpyxl refuses them)."""
    bad = False
    for column, value in row.items():
        hit = control_char(value) if value else None
        if hit:
            issues.append(Issue(label, Words("control_char", code=hit[1], pos=hit[0]),
                                Words("control_char_fix"), line=line, column=column))  # fmt: skip
            bad = True
    return bad


def _too_large(
    model: BaseModel, label: str, line: int, row: dict[str, str], issues: list[Issue]
) -> bool:
    """A whole number beyond :data:`MAX_COUNT` (numpy's int64 would overflow later)."""
    bad = False
    for column, value in model:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_COUNT:
            limit = f"{MAX_COUNT:,}"
            shown = str(row.get(column, value))
            issues.append(Issue(label, Words("too_large", limit=limit),
                                Words("too_large_fix", limit=limit), line=line, column=column,
                                value=shown if len(shown) <= 40 else shown[:39] + "…"))  # fmt: skip
            bad = True
    return bad


def read_table(
    source: Path | str | bytes, spec: TableSpec | str, label: str | None = None
) -> tuple[pd.DataFrame, list[int], list[Issue]]:
    """Read and validate one table.

    Parameters
    ----------
    source
        A path, or the file's bytes (an upload in the app).
    spec
        The table spec or its name in :data:`planner.data.schemas.TABLES`.
    label
        The file name used in messages.

    Returns
    -------
    (frame, lines, issues)
        The valid rows, the line number of each, and every problem found.
    """
    if isinstance(spec, str):
        spec = TABLES[spec]
    if isinstance(source, bytes):
        raw = source
        label = label or spec.filename
    else:
        path = Path(source)
        label = label or str(path)
        raw = path.read_bytes()
    issues: list[Issue] = []
    text = _decode(raw, label, issues)
    if text is None:
        return pd.DataFrame(columns=spec.columns), [], issues
    rows = _split(text, label, issues)
    if rows is None:
        return pd.DataFrame(columns=spec.columns), [], issues
    header = next(csv.reader(io.StringIO(text.splitlines()[0])))
    header = [h.strip() for h in header]
    if not _check_columns(header, spec, label, issues):
        return pd.DataFrame(columns=spec.columns), [], issues
    models = []
    lines = []
    # One search of the whole text decides whether rows need the slower checks: a
    # control character, or ten digits in a row (a number beyond MAX_COUNT).
    controls = CONTROL.search(text) is not None
    big = _TEN_DIGITS.search(text) is not None
    for line, row in rows:
        row = {k.strip(): v for k, v in row.items() if k is not None}
        if controls and _bad_text(row, label, line, issues):
            continue
        try:
            model = spec.row_model.model_validate(dict(row))
        except ValidationError as exc:
            issues.extend(_pydantic_issues(exc, label, line, row, spec))
            continue
        if big and _too_large(model, label, line, row, issues):
            continue
        models.append(model)
        lines.append(line)
    if spec.key:
        seen: dict[str, int] = {}
        for line, row in rows:  # raw rows: a duplicate is a duplicate even in a bad row
            key = (row.get(spec.key) or "").strip()
            if not key:
                continue
            if key in seen:
                issues.append(
                    Issue(
                        label,
                        Words("dl_duplicate_key", key=spec.key, value=key, first=str(seen[key])),
                        Words("dl_duplicate_key_fix", key=spec.key),
                        line=line,
                        column=spec.key,
                        value=key,
                    )
                )
            else:
                seen[key] = line
    issues.sort(key=lambda i: i.line or 0)
    frame = rows_to_frame(models, spec, lines)
    return frame, lines, issues


# --------------------------------------------------------------------------- dataset


@dataclass
class Dataset:
    """The validated base data of one province.

    Tables are pandas DataFrames with the columns of :mod:`planner.data.schemas`; date columns
    are Timestamps with a ``*_kind`` companion (``date``, ``indefinite``, ``unknown``,
    ``empty``). ``adjacency`` lists the pairs of municipality codes that share a border
    (``adjacency_2024.csv``, for the ``neighbours`` swap policy; empty when the folder has
    none). ``hashes`` holds a SHA-256 per file for the decision record.
    """

    municipalities: pd.DataFrame
    locations: pd.DataFrame
    soft_plans: pd.DataFrame
    swaps: pd.DataFrame
    overrides: pd.DataFrame
    cycles: pd.DataFrame
    population: pd.DataFrame
    adjacency: pd.DataFrame = field(
        default_factory=lambda: rows_to_frame([], TABLES["adjacency"]).assign(
            _line=pd.Series(dtype=int)
        )
    )
    programmes: pd.DataFrame = field(default_factory=pd.DataFrame)
    programme_targets: pd.DataFrame = field(default_factory=pd.DataFrame)
    programme_locations: pd.DataFrame = field(default_factory=pd.DataFrame)
    source: str = ""
    hashes: dict[str, str] = field(default_factory=dict)
    geometry: dict | None = None
    centroid_table: pd.DataFrame | None = None
    quotas: pd.DataFrame | None = None
    cycle_id: str | None = None

    @property
    def municipality_names(self) -> list[str]:
        return list(self.municipalities["name"])

    @property
    def regions(self) -> list[str]:
        return list(dict.fromkeys(self.municipalities["region"]))

    @property
    def current_cycle_id(self) -> str:
        """The data's current cycle: the last decided cycle of ``cycles.csv`` that has
        quotas (an assumed cycle is never the default while a decided one has quotas)."""
        return current_cycle(self.cycles, set(self.quota_cycles))

    @property
    def quota_cycles(self) -> list[str]:
        """The cycles that have quotas, in the order of ``cycles.csv``."""
        have = set(self.quotas["cycle"]) if self.quotas is not None else set()
        return [c for c in self.cycles["id"] if c in have]

    def cycle(self, cycle_id: str | None = None) -> pd.Series:
        """The rules row of a cycle; when not named, the cycle this data set was made
        for (:meth:`for_cycle`), else the current one. ``1`` names ``cycle-1``."""
        if cycle_id is None:
            cycle_id = self.cycle_id or self.current_cycle_id
        ids = self.cycles["id"].tolist()
        resolved = resolve_cycle(cycle_id, ids)
        wanted = resolved or cycle_id
        if wanted not in ids:
            hint = suggest(cycle_id, self.cycles["id"])
            raise InputError(
                [
                    Issue(
                        "cycles.csv",
                        Words("dl_unknown_cycle", cycle=str(cycle_id)),
                        words_then(
                            hint, Words("dl_known_cycles", ids=", ".join(self.cycles["id"]))
                        ),
                    )
                ],
                Words("dl_title_unknown_cycle"),
            )
        return self.cycles.iloc[ids.index(wanted)]  # the first row with that id

    def for_cycle(self, cycle_id: str | None) -> Dataset:
        """This data set as it holds for one cycle: the municipalities' ``quota`` and
        ``amv_quota`` are that cycle's (``quotas.csv``), and :meth:`cycle` without an id
        gives its rules. Overrides and swaps keep every row; counting applies those of
        the cycle (blank ``cycle`` = every cycle).

        Raises
        ------
        InputError
            For an unknown cycle, or one without quotas.
        """
        cid = str(self.cycle(cycle_id)["id"])
        if cid == self.cycle_id:
            return self
        quotas = self.quotas if self.quotas is not None else pd.DataFrame()
        rows = quotas[quotas["cycle"] == cid] if len(quotas) else quotas
        if rows.empty:
            raise InputError(
                [
                    Issue(
                        "quotas.csv",
                        Words("dl_no_quotas_cycle", cycle=cid),
                        words_then(
                            Words("dl_no_quotas_cycle_fix", cycle=cid),
                            Words("dl_cycles_with_quotas", ids=", ".join(self.quota_cycles))
                            if self.quota_cycles
                            else "",
                        ),
                    )
                ],
                Words("dl_title_no_quotas"),
            )
        q = dict(zip(rows["municipality"], rows["quota"].astype(int), strict=True))
        a = dict(zip(rows["municipality"], rows["amv_quota"].astype(int), strict=True))
        mun = self.municipalities.copy()
        names = mun["name"].tolist()
        mun["quota"] = np.array([q.get(n, 0) for n in names], dtype=np.int64)
        mun["amv_quota"] = np.array([a.get(n, 0) for n in names], dtype=np.int64)
        out = Dataset(**{**self.__dict__, "municipalities": mun, "cycle_id": cid})
        return out

    def copy(self) -> Dataset:
        return Dataset(
            **{
                name: (value.copy() if isinstance(value, pd.DataFrame) else value)
                for name, value in self.__dict__.items()
            }
        )


def _names_issue(
    frame: pd.DataFrame, column: str, allowed: Iterable[str], label: str, what: str
) -> list[Issue]:
    allowed = list(allowed)
    allowed_set = set(allowed)
    out = []
    # Plain lists, not iterrows: this runs for every table on every load.
    for value, line in zip(frame[column].tolist(), frame["_line"].tolist(), strict=True):
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        if value not in allowed_set:
            hint = suggest(str(value), allowed)
            out.append(
                Issue(
                    label,
                    Words("dl_unknown_ref", what=Words(f"dl_what_{what}"), value=str(value)),
                    words_then(hint, Words("dl_unknown_ref_fix", what=Words(f"dl_what_{what}"))),
                    line=int(line),
                    column=column,
                    value=str(value),
                )
            )
    return out


def validate_references(ds: Dataset, labels: dict[str, str]) -> list[Issue]:
    """Checks across tables: every name and id a row refers to must exist."""
    issues: list[Issue] = []
    names = ds.municipality_names
    issues += _names_issue(ds.locations, "municipality", names, labels["locations"], "municipality")
    issues += _names_issue(
        ds.soft_plans, "municipality", names, labels["soft_plans"], "municipality"
    )
    issues += _names_issue(
        ds.soft_plans, "location_id", ds.locations["id"], labels["soft_plans"], "location"
    )
    issues += _names_issue(ds.swaps, "to_municipality", names, labels["swaps"], "municipality")
    issues += _names_issue(
        ds.swaps, "condition_municipality", names, labels["swaps"], "municipality"
    )
    country = list(ds.population["name"]) if not ds.population.empty else []
    issues += _names_issue(
        ds.swaps, "from_municipality", names + country, labels["swaps"], "municipality"
    )
    for target, table in (("location", ds.locations), ("swap", ds.swaps)):
        sub = ds.overrides[ds.overrides["target"] == target]
        issues += _names_issue(sub, "target_id", table["id"], labels["overrides"], target)
    # Neighbours name municipalities across the country: without the CBS table (itself
    # reported as missing) their codes cannot be checked, and 1,600 "unknown code"
    # lines would only hide the one real problem.
    if not ds.population.empty:
        known_codes = list(ds.municipalities["code"]) + list(ds.population["code"])
        for column in ("gm_code_a", "gm_code_b"):
            issues += _names_issue(ds.adjacency, column, known_codes, labels["adjacency"], "code")
    issues += _programme_references(ds, labels)
    dup_codes = ds.municipalities[ds.municipalities["code"].duplicated(keep="first")]
    for _, row in dup_codes.iterrows():
        issues.append(
            Issue(
                labels["municipalities"],
                Words("dl_duplicate_code", code=str(row["code"])),
                Words("dl_duplicate_code_fix"),
                line=int(row["_line"]),
                column="code",
            )
        )
    if ds.cycles.empty:
        issues.append(Issue(labels["cycles"], Words("dl_no_cycle"), Words("dl_no_cycle_fix")))
    return issues


def _programme_references(ds: Dataset, labels: dict[str, str]) -> list[Issue]:
    """The programme tables refer to municipalities, programmes and asylum locations."""
    issues: list[Issue] = []
    names = ds.municipality_names
    programmes = (
        list(ds.programmes["id"]) if len(ds.programmes) else ["asiel", "oek", "statushouders"]
    )
    tg, pl = ds.programme_targets, ds.programme_locations
    if len(tg):
        issues += _names_issue(
            tg, "municipality", names, labels["programme_targets"], "municipality"
        )
        issues += _names_issue(
            tg, "programme", programmes, labels["programme_targets"], "programme"
        )
    if len(pl):
        issues += _names_issue(
            pl, "municipality", names, labels["programme_locations"], "municipality"
        )
        issues += _names_issue(
            pl, "location_id", ds.locations["id"], labels["programme_locations"], "location"
        )
    if len(ds.swaps):
        others = [p for p in programmes if p != "asiel"]
        issues += _names_issue(ds.swaps, "counter_programme", others, labels["swaps"], "programme")
    return issues


def dataset_from_tables(
    tables: dict[str, bytes | str | Path | None], source: str = "<tables>"
) -> Dataset:
    """Validate a set of tables given as file contents (or paths) into a :class:`Dataset`.

    ``tables`` maps a table name of :data:`planner.data.schemas.TABLES` (``locations``,
    ``municipalities``, ...) to its CSV bytes, text or path; a missing optional table is
    empty. Used for uploads and by the tests; :func:`load_dataset` reads a folder
    through it.

    Raises
    ------
    InputError
        Listing every problem in every table.
    """
    frames: dict[str, pd.DataFrame] = {}
    labels: dict[str, str] = {}
    issues: list[Issue] = []
    hashes: dict[str, str] = {}
    for name, spec in TABLES.items():
        content = tables.get(name)
        folder = Path(source)
        label = (
            str(content)
            if isinstance(content, Path)
            else (str(folder / spec.filename) if folder.is_dir() else spec.filename)
        )
        labels[name] = label
        if content is None:
            if spec.required:
                issues.append(
                    Issue(
                        label,
                        Words("dl_file_not_found"),
                        Words("dl_file_not_found_fix", file=spec.filename),
                    )
                )
            frames[name] = rows_to_frame([], spec).assign(_line=pd.Series(dtype=int))
            continue
        if isinstance(content, Path):
            if content.is_dir():
                issues.append(Issue(label, Words("not_a_file"), Words("not_a_file_fix")))
                frames[name] = rows_to_frame([], spec).assign(_line=pd.Series(dtype=int))
                continue
            try:
                raw = content.read_bytes()
            except OSError as exc:
                issues.append(Issue(label, Words("unreadable_file",
                                               reason=os_reason(exc)),
                                    Words("unreadable_file_fix")))  # fmt: skip
                frames[name] = rows_to_frame([], spec).assign(_line=pd.Series(dtype=int))
                continue
        else:
            raw = content.encode("utf-8") if isinstance(content, str) else content
        hashes[spec.filename] = hashlib.sha256(raw).hexdigest()
        frame, _, file_issues = read_table(raw, spec, label)
        issues += file_issues
        frames[name] = frame
    if issues:
        raise InputError(issues, Words("dl_title_load_in", source=str(source)))
    ds = Dataset(**frames, source=source, hashes=hashes)
    if "programme" in ds.locations:  # asylum places: their programme is their target group
        ds.locations["programme"] = ds.locations["programme"].where(
            ds.locations["programme"].notna(), ds.locations["target_group"]
        )
    ref_issues = validate_references(ds, labels)
    if tables.get("population") is None and any(
        i.file == labels["swaps"] and i.column == "from_municipality" for i in ref_issues
    ):
        # Names outside the province come from the CBS table: when it is missing, say
        # so, rather than calling every such name an unknown municipality.
        ref_issues = [
            i for i in ref_issues
            if not (i.file == labels["swaps"] and i.column == "from_municipality")
        ] + [Issue(labels["population"], Words("population_missing"),
                   Words("population_missing_fix"))]  # fmt: skip
    if not ref_issues:
        ref_issues = _reconcile_cycles(ds, labels)
    if ref_issues:
        raise InputError(ref_issues, Words("dl_title_load_in", source=str(source)))
    return ds.for_cycle(ds.current_cycle_id)


def resolve_cycle(value: object, ids: list[str]) -> str | None:
    """The cycle id a cell or argument names: the id itself, or a number ``N`` for the
    id ``cycle-N`` (``--cycle 1``); None when it names none."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    if text in ids:
        return text
    if text.isdigit() and f"cycle-{int(text)}" in ids:
        return f"cycle-{int(text)}"
    return None


def current_cycle(cycles: pd.DataFrame, with_quotas: set[str] | None = None) -> str:
    """The last decided cycle in file order that has quotas (all count when
    ``with_quotas`` is None), else the first cycle with quotas, else the first (see
    :attr:`Dataset.current_cycle_id`)."""
    ids = cycles["id"].tolist()
    status = cycles["status"].tolist() if "status" in cycles else ["decided"] * len(ids)
    have = [i for i in ids if with_quotas is None or i in with_quotas]
    decided = [i for i, s in zip(ids, status, strict=True) if s != "assumed" and i in have]
    return decided[-1] if decided else (have[0] if have else ids[0])


def _reconcile_cycles(ds: Dataset, labels: dict[str, str]) -> list[Issue]:
    """Quotas per cycle and the ``cycle`` column of overrides and swaps.

    ``quotas.csv`` holds one row per cycle and municipality. Older data folders give the
    first cycle's quotas in ``municipalities.csv``; they become that cycle's rows when
    ``quotas.csv`` has none for it (and must agree with it when it has). Cycle cells
    are normalised to the id (``1`` -> ``cycle-1``).
    """
    issues: list[Issue] = []
    ids = ds.cycles["id"].tolist()
    names = ds.municipality_names
    for table, key in ((ds.overrides, "overrides"), (ds.swaps, "swaps")):
        if "cycle" not in table or table.empty:
            continue
        resolved = []
        for value, line in zip(table["cycle"].tolist(), table["_line"].tolist(), strict=True):
            rid = resolve_cycle(value, ids)
            if rid is None and value is not None and not pd.isna(value):
                hint = suggest(str(value), ids)
                issues.append(
                    Issue(
                        labels[key],
                        Words("dl_unknown_cycle", cycle=str(value)),
                        words_then(hint, Words("dl_unknown_cycle_blank_fix")),
                        line=int(line),
                        column="cycle",
                        value=str(value),
                    )  # fmt: skip
                )
            resolved.append(rid)
        table["cycle"] = pd.Series(resolved, dtype=object, index=table.index)
    q = ds.quotas if ds.quotas is not None else pd.DataFrame()
    label = labels.get("quotas", "quotas.csv")
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    if len(q):
        for r in q.to_dict("records"):
            line = int(r["_line"])
            cid = resolve_cycle(r["cycle"], ids)
            if cid is None:
                hint = suggest(str(r["cycle"]), ids)
                issues.append(
                    Issue(
                        label,
                        Words("dl_unknown_cycle", cycle=str(r["cycle"])),
                        words_then(hint, Words("dl_unknown_cycle_fix")),
                        line=line,
                        column="cycle",
                        value=str(r["cycle"]),
                    )  # fmt: skip
                )
                continue
            if r["municipality"] not in names:
                hint = suggest(str(r["municipality"]), names)
                issues.append(
                    Issue(
                        label,
                        Words("err_unknown_municipality", name=str(r["municipality"])),
                        words_then(hint, Words("dl_municipality_name_fix")),
                        line=line,
                        column="municipality",
                        value=str(r["municipality"]),
                    )  # fmt: skip
                )
                continue
            key = (cid, r["municipality"])
            if key in seen:
                issues.append(
                    Issue(
                        label,
                        Words(
                            "dl_second_quota",
                            name=str(r["municipality"]),
                            cycle=cid,
                            first=str(seen[key]),
                        ),
                        Words("dl_second_quota_fix"),
                        line=line,
                        column="municipality",
                        value=str(r["municipality"]),
                    )  # fmt: skip
                )
                continue
            seen[key] = line
            rows.append({**r, "cycle": cid})
    mun = ds.municipalities
    first = ids[0] if ids else None
    legacy = mun["quota"].notna().to_numpy() if "quota" in mun and len(mun) else np.zeros(0, bool)
    if legacy.any() and not legacy.all():
        for name, line, has in zip(names, mun["_line"].tolist(), legacy, strict=True):
            if not has:
                issues.append(
                    Issue(
                        labels["municipalities"],
                        Words("dl_no_quota_others", name=name),
                        Words("dl_no_quota_others_fix"),
                        line=int(line),
                        column="quota",
                    )  # fmt: skip
                )
    elif legacy.all() and len(legacy) and first is not None:
        given = {m: r for (c, m), r in zip(seen, rows, strict=True) if c == first}
        for name, quota, amv, src, line in zip(
            names, mun["quota"].tolist(), mun["amv_quota"].tolist(), mun["source"].tolist(),
            mun["_line"].tolist(), strict=True,
        ):  # fmt: skip
            if not given:
                rows.append({"cycle": first, "municipality": name, "quota": int(quota),
                             "amv_quota": int(amv), "source": src, "_line": 0})  # fmt: skip
            elif name in given and (
                int(given[name]["quota"]) != int(quota) or int(given[name]["amv_quota"]) != int(amv)
            ):
                issues.append(
                    Issue(
                        labels["municipalities"],
                        Words(
                            "dl_quota_differs",
                            name=name,
                            quota=int(quota),
                            amv=int(amv),
                            cycle=first,
                            q2=int(given[name]["quota"]),
                            a2=int(given[name]["amv_quota"]),
                        ),
                        Words("dl_quota_differs_fix"),
                        line=int(line),
                        column="quota",
                    )  # fmt: skip
                )
    by_cycle: dict[str, set[str]] = {}
    for r in rows:
        by_cycle.setdefault(r["cycle"], set()).add(r["municipality"])
    for cid, have in by_cycle.items():
        for name in names:
            if name not in have:
                issues.append(
                    Issue(
                        label,
                        Words("dl_no_quota_for", name=name, cycle=cid),
                        Words("dl_no_quota_for_fix", name=name, cycle=cid),
                        column="municipality",
                    )  # fmt: skip
                )
    if ids and not by_cycle and not issues:
        issues.append(
            Issue(
                label,
                Words("dl_no_quotas_any"),
                Words("dl_no_quotas_any_fix", cycle=ids[0]),
            )  # fmt: skip
        )
    cols = ["cycle", "municipality", "quota", "amv_quota", "source", "_line"]
    ds.quotas = pd.DataFrame(
        {
            "cycle": pd.Series([r["cycle"] for r in rows], dtype=object),
            "municipality": pd.Series([r["municipality"] for r in rows], dtype=object),
            "quota": np.array([int(r["quota"]) for r in rows], dtype=np.int64),
            "amv_quota": np.array([int(r["amv_quota"]) for r in rows], dtype=np.int64),
            "source": pd.Series([r["source"] for r in rows], dtype=object),
            "_line": np.array([int(r["_line"]) for r in rows], dtype=np.int64),
        },
        columns=cols,
    )
    return issues


def load_dataset(directory: Path | str | None = None) -> Dataset:
    """Load and validate every table of a data folder.

    Parameters
    ----------
    directory
        The folder with ``municipalities.csv``, ``locations.csv`` and the other tables
        described in ``data/README.md``. Defaults to :func:`default_data_dir`.

    Raises
    ------
    InputError
        Listing every problem in every file, each with file, line, column and fix.

    Examples
    --------
    >>> ds = load_dataset()
    >>> len(ds.municipalities)
    25
    """
    directory = Path(directory) if directory is not None else default_data_dir()
    if not directory.is_dir():
        raise InputError(
            [Issue(str(directory), Words("dl_folder_not_found"), Words("dl_folder_not_found_fix"))],
            Words("dl_title_load"),
        )
    tables: dict[str, bytes | str | Path | None] = {}
    for name, spec in TABLES.items():
        path = directory / spec.filename
        tables[name] = path if path.exists() else None
    geo = directory / GEOMETRY_FILE
    key = _cache_key(tables, geo)
    cached = _cache_read(key)
    if cached is not None:
        cached.source = str(directory)
        return cached
    ds = dataset_from_tables(tables, str(directory))
    if geo.exists():
        ds.geometry = read_geometry(geo)
        ds.hashes[GEOMETRY_FILE] = hashlib.sha256(geo.read_bytes()).hexdigest()
        ds.centroid_table = centroids(ds.geometry)
    _cache_write(key, ds)
    return ds


# --------------------------------------------------------------------------- cache
#
# Validating the data takes longer than solving a provincial scenario. A data set that
# validated is kept in the user's cache folder under a key made of the bytes of every
# file and of the code that reads them; the same files then load without being parsed
# again, and any change to a file or to the loader gives another key. Invalid data is
# never cached, so its errors are reported on every run. PLANNER_CACHE=off disables it.
#
# The cache does not trust its own files. An entry is JSON (reading it cannot run code,
# unlike a pickle), its first line is the SHA-256 of the rest, and the rest names the key
# it was written for; an entry that fails any check, or cannot be read or rebuilt, is
# deleted and the data validated again. Measured (median of 9, a busy 2-core machine,
# three alternating runs): the bundled data loads in 31-40 ms validated and 12-13 ms
# from this cache (the old pickle: 2 ms); the national instance (2,557 locations) in
# 260-300 ms and 23-26 ms (pickle: 7 ms). It still pays, most for large data sets; the
# price of not running code from the cache is about 10-20 ms a load.


#: How many validated data sets the cache keeps (the newest).
CACHE_KEEP = 20
_CACHE_FORMAT = b"planner-cache-json-2"


def cache_dir() -> Path:
    """Where validated data sets are kept (``PLANNER_CACHE_DIR``, else the XDG cache)."""
    env = os.environ.get("PLANNER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spreiding-planner"


def _code_fingerprint() -> bytes:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    digest.update(_CACHE_FORMAT)
    for module in ("loader.py", "schemas.py", "dates.py", "limits.py"):
        digest.update((here / module).read_bytes())
    digest.update(pd.__version__.encode())
    return digest.digest()


def _cache_key(tables: dict[str, bytes | str | Path | None], geo: Path) -> str | None:
    if os.environ.get("PLANNER_CACHE", "").lower() in ("off", "0", "no"):
        return None
    digest = hashlib.sha256(_code_fingerprint())
    try:
        for name, content in sorted(tables.items()):
            digest.update(name.encode())
            if isinstance(content, Path):
                digest.update(content.read_bytes())
            digest.update(b"\0")
        if geo.is_file():
            digest.update(geo.read_bytes())
    except OSError:
        return None  # a file that cannot be read: validation says which, uncached
    return digest.hexdigest()


_JSON_SCALARS = (str, bool, int, float)


def _frame_to_json(frame: pd.DataFrame) -> dict[str, Any]:
    columns = []
    for name in frame.columns:
        col = frame[name]
        dtype = str(col.dtype)
        if dtype.startswith("datetime64"):
            values = col.to_numpy(dtype="datetime64[ns]").view("int64").tolist()
            dtype = "datetime64[ns]"
        elif dtype in ("int64", "float64", "bool"):
            values = col.to_numpy().tolist()
        else:
            values = col.tolist()
            dtype = "str" if dtype in ("str", "string") else "object"
            if not all(v is None or type(v) in _JSON_SCALARS for v in values):
                # Tuples of text (cycles.csv ``types``) are kept as lists and read back
                # as tuples: without this, the bundled data was never cached at all.
                if dtype != "object" or not all(
                    v is None or (type(v) is tuple and all(type(x) in _JSON_SCALARS for x in v))
                    for v in values
                ):
                    raise TypeError(f"column {name} holds values JSON cannot keep")
                dtype = "tuple"
        columns.append([str(name), dtype, values])
    return {"columns": columns}


def _frame_from_json(doc: dict[str, Any]) -> pd.DataFrame:
    columns = doc["columns"]
    data: dict[str, Any] = {}
    for name, dtype, values in columns:
        if dtype == "datetime64[ns]":
            data[name] = np.array(values, dtype="int64").view("datetime64[ns]")
        elif dtype in ("int64", "float64", "bool"):
            data[name] = np.array(values, dtype=dtype)
        elif dtype == "str":
            data[name] = pd.Series(values, dtype="str").array  # as pandas reads text
        else:
            column = np.empty(len(values), dtype=object)
            if dtype == "tuple":  # one by one: numpy would read a list of tuples as 2-D
                for i, v in enumerate(values):
                    column[i] = v if v is None else tuple(v)
            else:
                column[:] = values
            data[name] = column
    return frame_of(data, len(columns[0][2]) if columns else 0)


def _cache_path(key: str) -> Path:
    return cache_dir() / f"dataset-{key}.json"


def _cache_read(key: str | None) -> Dataset | None:
    if key is None:
        return None
    path = _cache_path(key)
    try:
        blob = path.read_bytes()
    except OSError:
        return None  # no entry
    try:
        head, _, payload = blob.partition(b"\n")
        if head != hashlib.sha256(payload).hexdigest().encode():
            raise ValueError("checksum")
        doc = json.loads(payload)
        if doc.get("format") != _CACHE_FORMAT.decode() or doc.get("key") != key:
            raise ValueError("written for other data")
        frames = {name: _frame_from_json(f) for name, f in doc["frames"].items()}
        centroid = doc.get("centroid_table")
        return Dataset(
            **frames,
            source=str(doc["source"]),
            hashes=dict(doc["hashes"]),
            cycle_id=doc.get("cycle_id"),
            geometry=doc.get("geometry"),
            centroid_table=None if centroid is None else _frame_from_json(centroid),
        )
    except Exception:  # noqa: BLE001 - any damage: drop the entry, validate again
        path.unlink(missing_ok=True)
        return None


def _cache_write(key: str | None, ds: Dataset) -> None:
    if key is None:
        return
    folder = cache_dir()
    try:
        frames = {
            name: _frame_to_json(value)
            for name, value in ds.__dict__.items()
            if isinstance(value, pd.DataFrame) and name != "centroid_table"
        }
        doc = {
            "format": _CACHE_FORMAT.decode(),
            "key": key,
            "source": ds.source,
            "hashes": ds.hashes,
            "cycle_id": ds.cycle_id,  # the cycle its quotas are for (as validated)
            "geometry": ds.geometry,
            "centroid_table": None
            if ds.centroid_table is None
            else _frame_to_json(ds.centroid_table),
            "frames": frames,
        }
        payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):
        return  # something JSON cannot keep: load without a cache
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"dataset-{key}.{os.getpid()}.tmp"
        tmp.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        tmp.replace(_cache_path(key))
        kept = sorted(folder.glob("dataset-*.json"), key=lambda p: p.stat().st_mtime)
        for old in kept[:-CACHE_KEEP]:
            old.unlink(missing_ok=True)
        for stale in folder.glob("dataset-*.pickle"):  # the old, unsafe format
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: load without a cache


GEOMETRY_FILE = "gemeenten_2024.geojson"


def read_geometry(path: Path) -> dict:
    """The municipality borders (GeoJSON), for the offline map and swap distances."""
    try:
        geo = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        reason = Words("dl_nested_too_deep") if isinstance(exc, RecursionError) else str(exc)[:120]
        raise InputError(
            [Issue(str(path), Words("dl_not_geojson", reason=reason), Words("geojson_fix"))],
            Words("dl_title_load"),
        ) from None
    except OSError as exc:
        raise InputError(
            [
                Issue(
                    str(path),
                    Words("unreadable_file", reason=os_reason(exc)),
                    Words("geojson_fix"),
                )
            ],
            Words("dl_title_load"),
        ) from None
    features = geo.get("features") if isinstance(geo, dict) else None
    if (
        not isinstance(geo, dict)
        or geo.get("type") != "FeatureCollection"
        or not isinstance(features, list)
        or not all(isinstance(f, dict) for f in features)
    ):
        found = type(geo).__name__ if not isinstance(geo, dict) else str(geo.get("type"))[:40]
        raise InputError(
            [Issue(str(path), Words("geojson_not_collection", found=found), Words("geojson_fix"))],
            Words("dl_title_load"),
        )
    return geo


def _vertices(coords: list) -> list[list[float]]:
    if coords and isinstance(coords[0], int | float):
        return [coords]
    out: list[list[float]] = []
    for item in coords:
        out += _vertices(item)
    return out


def centroids(geometry: dict | None) -> pd.DataFrame:
    """Mean of the border vertices per municipality code (lon, lat): good enough to tell
    near from far, which is all the swap tie-break needs."""
    rows = []
    for feature in (geometry or {}).get("features", []):
        props = feature.get("properties") or {}
        shape = feature.get("geometry") or {}
        if not isinstance(props, dict) or not isinstance(shape, dict):
            continue  # a feature without borders: no centroid, as for a missing one
        try:
            flat = _vertices(shape.get("coordinates") or [])
            arr = np.asarray(flat, dtype=float) if flat else None
        except (TypeError, ValueError, RecursionError):
            continue
        if arr is not None and arr.ndim == 2 and arr.shape[1] >= 2:
            rows.append(
                {
                    "code": props.get("gemeentecode"),
                    "lon": arr[:, 0].mean(),
                    "lat": arr[:, 1].mean(),
                }
            )
    return pd.DataFrame(rows, columns=["code", "lon", "lat"])
