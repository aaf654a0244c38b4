"""The array form of a model, the small builder that writes it, and its two conversions.

The model is stated once, in :mod:`planner.optimise.model`, against the builder here:
columns (business key, name, bounds, whole or not), rows (name, lower, upper,
``{column: coefficient}``) and objectives (``{column: coefficient}``). The builder
writes straight into the arrays HiGHS takes (:class:`MatrixModel`), so the HiGHS path
costs no more than building the arrays. The PuLP problem (for CBC, and for LP files that
name business objects) is generated from those same arrays by :func:`to_pulp`, which
knows nothing of the model: there is no second statement of any constraint.

Why arrays first and PuLP generated, not PuLP first and converted: measured on the
national instance, see the README (section "The model, stated once").
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "INF",
    "Expr",
    "Constraint",
    "MatrixModel",
    "total",
    "to_pulp",
    "components",
    "split",
    "submodel",
]

INF = float("inf")


class Expr:
    """A linear expression over the builder's columns: ``{column: coefficient} + constant``.

    Written like PuLP (``z - hi * y <= 0``) so the statement reads as the constraint it
    is; comparing gives a :class:`Constraint`, which :meth:`MatrixModel.add` turns into
    a row.
    """

    __slots__ = ("terms", "const")
    __hash__ = None  # type: ignore[assignment]  # ``==`` builds a constraint

    def __init__(self, terms: dict[int, float] | None = None, const: float = 0.0) -> None:
        self.terms = terms if terms is not None else {}
        self.const = float(const)

    def copy(self) -> Expr:
        return Expr(dict(self.terms), self.const)

    def iadd(self, other: Expr | float, sign: float = 1.0) -> Expr:
        """Add ``sign * other`` in place (what :func:`total` uses to stay linear)."""
        if isinstance(other, Expr):
            t = self.terms
            for j, v in other.terms.items():
                t[j] = t.get(j, 0.0) + sign * v
            self.const += sign * other.const
        else:
            self.const += sign * float(other)
        return self

    def __add__(self, other: Expr | float) -> Expr:
        return self.copy().iadd(other)

    __radd__ = __add__

    def __sub__(self, other: Expr | float) -> Expr:
        return self.copy().iadd(other, -1.0)

    def __rsub__(self, other: float) -> Expr:
        return (-self).iadd(other)

    def __neg__(self) -> Expr:
        return self * -1.0

    def __mul__(self, k: float) -> Expr:
        k = float(k)
        return Expr({j: k * v for j, v in self.terms.items()}, k * self.const)

    __rmul__ = __mul__

    def __le__(self, other: Expr | float) -> Constraint:  # type: ignore[override]
        e = self - other
        return Constraint(e.terms, -INF, -e.const)

    def __ge__(self, other: Expr | float) -> Constraint:  # type: ignore[override]
        e = self - other
        return Constraint(e.terms, -e.const, INF)

    def __eq__(self, other: Expr | float) -> Constraint:  # type: ignore[override]
        e = self - other
        return Constraint(e.terms, -e.const, -e.const)


def total(items: Iterable[Expr | float]) -> Expr:
    """The sum of expressions, built in one pass (``lpSum``)."""
    out = Expr()
    for e in items:
        out.iadd(e)
    return out


@dataclass(frozen=True)
class Constraint:
    """``lower <= sum(terms) <= upper``."""

    terms: dict[int, float]
    lower: float
    upper: float


@dataclass
class MatrixModel:
    """Columns, rows (row-wise sparse) and objective vectors, with business keys.

    ``key`` maps a business key (``places:<candidate id>``, ``shortfall:<municipality>``)
    to its column; ``row_of`` a row's name to its row. Picklable and free of pandas, so
    the risk sweep ships it to worker processes.
    """

    name: str = "model"
    col_names: list[str] = field(default_factory=list)
    col_lower: list[float] = field(default_factory=list)
    col_upper: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    row_names: list[str] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    row_start: list[int] = field(default_factory=lambda: [0])
    row_index: list[int] = field(default_factory=list)
    row_value: list[float] = field(default_factory=list)
    key: dict[str, int] = field(default_factory=dict)
    row_of: dict[str, int] = field(default_factory=dict)
    own_rows: dict[str, int] = field(default_factory=dict)
    own_amv_rows: dict[str, int] = field(default_factory=dict)
    province_of: dict[str, str] = field(default_factory=dict)
    binaries: list[int] = field(default_factory=list)
    objectives: dict[str, dict[int, float]] = field(default_factory=dict)
    hard: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ building

    def var(
        self, key: str, name: str, lower: float = 0.0, upper: float = INF, integer: bool = False
    ) -> Expr:
        """A new column; returned as an expression, for writing constraints with it."""
        j = len(self.col_names)
        self.col_names.append(name)
        self.col_lower.append(float(lower))
        self.col_upper.append(float(upper))
        self.integer.append(bool(integer))
        if integer and lower == 0 and upper == 1:
            self.binaries.append(j)
        self.key[key] = j
        return Expr({j: 1.0})

    def add(self, constraint: Constraint, name: str, hard: str | None = None) -> int:
        """Add a named row; ``hard`` describes a requirement a user imposed."""
        i = len(self.row_names)
        self.row_names.append(name)
        self.row_lower.append(constraint.lower)
        self.row_upper.append(constraint.upper)
        for j, v in constraint.terms.items():
            if v != 0:
                self.row_index.append(j)
                self.row_value.append(float(v))
        self.row_start.append(len(self.row_index))
        self.row_of[name] = i
        if hard:
            self.hard[name] = hard
        return i

    def objective(self, name: str, expr: Expr) -> None:
        """An objective level (its constant is dropped: it does not change the choice)."""
        self.objectives[name] = {j: v for j, v in expr.terms.items() if v != 0}

    # ------------------------------------------------------------------ reading

    @property
    def num_col(self) -> int:
        return len(self.col_names)

    @property
    def num_row(self) -> int:
        return len(self.row_names)

    def costs(self, obj: dict[int, float]) -> np.ndarray:
        """An objective as a dense cost vector."""
        c = np.zeros(self.num_col)
        if obj:
            c[np.fromiter(obj, dtype=np.int64, count=len(obj))] = list(obj.values())
        return c

    def row(self, i: int) -> dict[int, float]:
        """Row ``i`` as ``{column: coefficient}``."""
        a, b = self.row_start[i], self.row_start[i + 1]
        return dict(zip(self.row_index[a:b], self.row_value[a:b], strict=True))

    def to_highs_lp(self):
        """The model as a ``highspy.HighsLp`` (costs zero: the levels set them)."""
        import highspy

        lp = highspy.HighsLp()
        lp.num_col_ = self.num_col
        lp.num_row_ = self.num_row
        lp.col_cost_ = np.zeros(self.num_col)
        lp.col_lower_ = np.array(self.col_lower, dtype=float)
        lp.col_upper_ = np.array(self.col_upper, dtype=float)
        lp.row_lower_ = np.array(self.row_lower, dtype=float)
        lp.row_upper_ = np.array(self.row_upper, dtype=float)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.num_col_ = self.num_col
        lp.a_matrix_.num_row_ = self.num_row
        lp.a_matrix_.start_ = np.array(self.row_start, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(self.row_index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(self.row_value, dtype=float)
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if i else highspy.HighsVarType.kContinuous
            for i in self.integer
        ]
        return lp


def to_pulp(mm: MatrixModel):
    """The same model as a PuLP problem: one generic conversion of the arrays.

    Columns and rows keep their names, so an LP file written from it names business
    objects (``places_borne_new``, ``quota_Zwolle``). A row with two finite, different
    bounds becomes two constraints (``<name>_lo``, ``<name>_hi``); the model has none.

    Returns
    -------
    tuple
        ``(problem, columns, rows)``: the ``pulp.LpProblem``, its variables by column
        and its constraints by row (the ``<=`` half of a split row).
    """
    import pulp

    prob = pulp.LpProblem(mm.name or "model", pulp.LpMinimize)
    cols = []
    for name, lo, hi, whole in zip(
        mm.col_names, mm.col_lower, mm.col_upper, mm.integer, strict=True
    ):
        cols.append(
            prob.add_variable(
                name,
                lowBound=None if math.isinf(lo) else lo,
                upBound=None if math.isinf(hi) else hi,
                cat=pulp.LpInteger if whole else pulp.LpContinuous,
            )
        )
    rows = []
    for i, name in enumerate(mm.row_names):
        a, b = mm.row_start[i], mm.row_start[i + 1]
        expr = pulp.LpAffineExpression(
            [(cols[j], v) for j, v in zip(mm.row_index[a:b], mm.row_value[a:b], strict=True)]
        )
        lo, hi = mm.row_lower[i], mm.row_upper[i]
        if lo == hi:
            c = pulp.LpConstraint(expr, pulp.LpConstraintEQ, name, lo)
        elif math.isinf(lo):
            c = pulp.LpConstraint(expr, pulp.LpConstraintLE, name, hi)
        elif math.isinf(hi):
            c = pulp.LpConstraint(expr, pulp.LpConstraintGE, name, lo)
        else:
            prob.addConstraint(pulp.LpConstraint(expr, pulp.LpConstraintGE, f"{name}_lo", lo))
            c = pulp.LpConstraint(expr, pulp.LpConstraintLE, f"{name}_hi", hi)
            name = f"{name}_hi"
        prob.addConstraint(c, name)
        rows.append(c)
    return prob, cols, rows


def components(mm: MatrixModel, min_size: int = 200) -> list[tuple[list[int], list[int]]]:
    """The independent parts of a model: ``(columns, rows)`` per connected component of
    the graph in which a row links the columns it holds.

    Knows nothing of the model: when swaps stay inside provinces and no limit spans
    several provinces, the parts are the provinces; a scenario-wide limit (number of new
    locations, say) joins them into one. Objectives are sums, so each level's optimum
    is the sum of the parts' optima and the levels can be solved part by part.
    Columns and rows keep their order within a part. Small components (the amv side
    of a municipality without amv options is one) are packed together into parts of at
    least ``min_size`` columns: a union of independent parts is independent too, and a
    solver object per handful of columns would cost more than it saves.
    """
    parent = list(range(mm.num_col))

    def find(j: int) -> int:
        while parent[j] != j:
            parent[j] = parent[parent[j]]
            j = parent[j]
        return j

    for i in range(mm.num_row):
        a, b = mm.row_start[i], mm.row_start[i + 1]
        if b - a < 2:
            continue
        r = find(mm.row_index[a])
        for j in mm.row_index[a + 1 : b]:
            s = find(j)
            if s != r:
                parent[s] = r
    cols: dict[int, list[int]] = {}
    for j in range(mm.num_col):
        cols.setdefault(find(j), []).append(j)
    rows: dict[int, list[int]] = {root: [] for root in cols}
    for i in range(mm.num_row):
        a = mm.row_start[i]
        if a < mm.row_start[i + 1]:
            rows[find(mm.row_index[a])].append(i)
        else:  # an empty row belongs nowhere in particular: the first part keeps it
            rows[next(iter(cols))].append(i)
    parts: list[tuple[list[int], list[int]]] = []
    small: tuple[list[int], list[int]] = ([], [])
    for root in cols:
        if len(cols[root]) >= min_size:
            parts.append((cols[root], rows[root]))
            continue
        small[0].extend(cols[root])
        small[1].extend(rows[root])
        if len(small[0]) >= min_size:
            parts.append((sorted(small[0]), sorted(small[1])))
            small = ([], [])
    if small[0]:
        parts.append((sorted(small[0]), sorted(small[1])))
    return parts


def split(mm: MatrixModel, min_size: int = 200) -> list[tuple[list[int], MatrixModel]]:
    """The model's independent parts (:func:`components`) as models of their own, with
    the columns of the whole each part holds. One part: the model itself."""
    parts = components(mm, min_size)
    if len(parts) <= 1:
        return [(list(range(mm.num_col)), mm)]
    part_of = np.empty(mm.num_col, dtype=np.int64)
    local = np.empty(mm.num_col, dtype=np.int64)
    for p, (cols, _) in enumerate(parts):
        part_of[cols] = p
        local[cols] = np.arange(len(cols))
    subs = [submodel(mm, cols, rows, local) for cols, rows in parts]
    for name, obj in mm.objectives.items():
        for sub in subs:
            sub.objectives[name] = {}
        for j, v in obj.items():
            subs[part_of[j]].objectives[name][int(local[j])] = v
    return [(cols, sub) for (cols, _), sub in zip(parts, subs, strict=True)]


def submodel(
    mm: MatrixModel, cols: list[int], rows: list[int], local: np.ndarray | None = None
) -> MatrixModel:
    """The part of a model on the given columns and rows (see :func:`components`), with
    its keys and named rows renumbered (objectives too, unless :func:`split` fills them)."""
    objectives = local is None
    if local is None:
        local = np.full(mm.num_col, -1, dtype=np.int64)
        local[cols] = np.arange(len(cols))
    in_part = set(cols)
    new = local.tolist()
    sub = MatrixModel(name=mm.name)
    sub.col_names = [mm.col_names[j] for j in cols]
    sub.col_lower = [mm.col_lower[j] for j in cols]
    sub.col_upper = [mm.col_upper[j] for j in cols]
    sub.integer = [mm.integer[j] for j in cols]
    row_new = {}
    for i in rows:
        row_new[i] = len(sub.row_names)
        sub.row_names.append(mm.row_names[i])
        sub.row_lower.append(mm.row_lower[i])
        sub.row_upper.append(mm.row_upper[i])
        a, b = mm.row_start[i], mm.row_start[i + 1]
        sub.row_index.extend(new[j] for j in mm.row_index[a:b])
        sub.row_value.extend(mm.row_value[a:b])
        sub.row_start.append(len(sub.row_index))
    sub.key = {k: new[j] for k, j in mm.key.items() if j in in_part}
    sub.row_of = {mm.row_names[i]: r for i, r in row_new.items()}
    sub.own_rows = {n: row_new[i] for n, i in mm.own_rows.items() if i in row_new}
    sub.own_amv_rows = {n: row_new[i] for n, i in mm.own_amv_rows.items() if i in row_new}
    sub.province_of = {n: p for n, p in mm.province_of.items() if n in sub.own_rows}
    sub.binaries = [new[j] for j in mm.binaries if j in in_part]
    if objectives:
        sub.objectives = {
            name: {new[j]: v for j, v in obj.items() if j in in_part}
            for name, obj in mm.objectives.items()
        }
    sub.hard = {n: h for n, h in mm.hard.items() if n in sub.row_of}
    return sub
