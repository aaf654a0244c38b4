"""PDF of the cycle report and of a scenario result, in the layout of the province's
own report: a title block, per region a table of its municipalities with the region's
total, the province's total, the notes on exceptions (overrides), the locations that
do not count and why, and the decision record.

Written with fpdf2 (pure Python). The text uses the PDF core font Helvetica in the
windows-1252 encoding, which holds every Dutch character (ë, ï, é, ó, –, €), so no font
file has to be shipped or installed; a character outside it (Δ, →) is replaced by a
plain one (d, ->) instead of failing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace

from planner.counting.count import CycleReport
from planner.formats import fmt_int, fmt_pct, fmt_value, say
from planner.i18n import Lang, t
from planner.reports.export import decision_record, record_table, replacing, title_info
from planner.reports.report import figure_notes, override_lines

__all__ = ["report_pdf", "result_pdf", "write_report_pdf", "write_result_pdf"]

_ENCODING = "windows-1252"
_REPLACE = {"Δ": "d", "→": "->", "≥": ">=", "≤": "<=", "·": "-", "×": "x"}
_BOLD = FontFace(emphasis="BOLD")
_GREY = FontFace(emphasis="BOLD", fill_color=(225, 225, 225))


def _text(value: Any, lang: Lang = "nl") -> str:
    """A cell's text in the core font's encoding (unknown characters replaced)."""
    text = say(value, lang) if not isinstance(value, str) else value
    for a, b in _REPLACE.items():
        text = text.replace(a, b)
    return text.encode(_ENCODING, "replace").decode(_ENCODING)


class _Doc(FPDF):
    """A4 landscape with the title in the page header and the page number below."""

    def __init__(self, title: str, lang: Lang) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.core_fonts_encoding = _ENCODING
        self.doc_title = _text(title)
        self.lang = lang
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(12, 12, 12)
        self.set_title(self.doc_title)
        self.set_creator("Spreidingswet planner")
        self.set_creation_date(datetime(2000, 1, 1, tzinfo=UTC))  # same input, same bytes

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("helvetica", "I", 8)
        self.cell(0, 5, self.doc_title, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("helvetica", "I", 8)
        self.cell(0, 8, _text(t("pdf_page", self.lang, n=self.page_no())), align="R")

    def heading(self, text: str, size: int = 12) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(3)
        self.set_font("helvetica", "B", size)
        self.multi_cell(0, 6, _text(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font("helvetica", "", 9)

    def lines(self, texts: Sequence[str], size: int = 9) -> None:
        self.set_font("helvetica", "", size)
        for text in texts:
            self.multi_cell(0, 5, _text(text), new_x="LMARGIN", new_y="NEXT")

    def info(self, pairs: Sequence[tuple[str, str]]) -> None:
        for label, value in pairs:
            self.set_font("helvetica", "B", 9)
            self.cell(45, 5, _text(label))
            self.set_font("helvetica", "", 9)
            self.multi_cell(0, 5, _text(value), new_x="LMARGIN", new_y="NEXT")

    def table_of(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float] | None = None,
        bold_rows: Sequence[int] = (),
        size: int = 8,
    ) -> None:
        """A table: numbers right-aligned (1.234), empty cells blank, given rows bold."""
        self.set_font("helvetica", "", size)
        numeric = [
            all(isinstance(r[i], int | float) or r[i] is None or r[i] == "" for r in rows)
            or str(headers[i]).endswith("%")
            for i in range(len(headers))
        ]
        with self.table(
            col_widths=widths,
            text_align=["RIGHT" if n else "LEFT" for n in numeric],
            headings_style=_GREY,
            line_height=4.5,
            width=sum(widths) if widths else None,
            align="LEFT",
        ) as table:
            head = table.row()
            for h in headers:
                head.cell(_text(h))
            for i, values in enumerate(rows):
                row = table.row()
                style = _BOLD if i in bold_rows else None
                for v in values:
                    row.cell(_text(fmt_value(v, self.lang) if not isinstance(v, str) else v),
                             style=style)  # fmt: skip


def _region_tables(doc: _Doc, municipalities, regions, total, cols, lang: Lang) -> None:
    """Per region its municipalities and total, then the province's total (the layout
    of the province's own cycle table)."""
    headers = [t("name", lang), *(t(c, lang) for c in cols), "%"]
    widths = [52, *([205 / len(cols)] * len(cols)), 16]

    def cells(row, members: pd.DataFrame | None = None) -> list[Any]:
        # A region or the province has no swaps of its own: its swaps in and out are
        # its municipalities' (so places + in - out = credited, as for a municipality).
        def value(c: str) -> int:
            if c not in row and members is not None and c in members:
                return int(members[c].sum())
            return int(row[c])

        return [value(c) for c in cols] + [fmt_pct(row["coverage"], lang)]

    for _, reg in regions.iterrows():
        doc.heading(t("pdf_region_table", lang, region=reg["region"]))
        members = municipalities[municipalities["region"] == reg["region"]]
        rows = [[m["name"], *cells(m)] for _, m in members.iterrows()]
        rows.append([f"{t('total', lang)} {reg['region']}", *cells(reg, members)])
        doc.table_of(headers, rows, widths, bold_rows=[len(rows) - 1])
    provinces = municipalities["province"].unique() if "province" in municipalities else []
    name = str(provinces[0]) if len(provinces) == 1 else ""
    doc.heading(f"{t('total', lang)} {name}".strip())
    row = [f"{t('total', lang)} {name}".strip(), *cells(total, municipalities)]
    doc.table_of(headers, [row], widths, bold_rows=[0])
    doc.lines(
        [f"{t('municipal_shortfall', lang)}: {fmt_int(total['municipal_shortfall'], lang)}  |  "
         f"{t('amv_municipal_shortfall', lang)}: {fmt_int(total['amv_municipal_shortfall'], lang)}"]
    )  # fmt: skip


def _not_counting(doc: _Doc, locations: pd.DataFrame, lang: Lang) -> None:
    loc = locations[~locations["counts"].astype(bool)]
    doc.heading(t("pdf_not_counting", lang))
    rows = [
        [r["municipality"], r["name"], int(r["places"]), say(r["why"], lang)]
        for _, r in loc.sort_values(["municipality", "name"]).iterrows()
    ]
    headers = [t("municipality", lang), t("location", lang), t("pdf_places", lang),
               t("why", lang)]  # fmt: skip
    doc.table_of(headers, rows, [40, 62, 18, 153])


def _overrides(doc: _Doc, report: CycleReport, lang: Lang) -> None:
    doc.heading(t("pdf_overrides", lang))
    lines = override_lines(report, lang)
    doc.lines([f"- {line}" for line in lines] or [t("pdf_no_overrides", lang)])


_REPORT_COLS = ["quota", "amv_quota", "places", "credited", "amv_credited", "shortfall",
                "amv_shortfall", "soft_plans"]  # fmt: skip


def report_pdf(report: CycleReport, ds, lang: Lang = "nl", when: datetime | None = None) -> bytes:
    """The cycle report as a PDF (bytes): title block, tables per region with totals,
    the province's total, exceptions, locations that do not count, and the record of
    rules and data it rests on."""
    r = report.rules
    title = t("tb_report_title", lang)
    doc = _Doc(f"{title}: {r.name or r.id}", lang)
    doc.add_page()
    doc.heading(title, 16)
    doc.info(title_info(r, ds, lang, when=when))
    _region_tables(doc, report.municipalities, report.regions, report.total, _REPORT_COLS, lang)
    doc.heading(t("fig_notes", lang).rstrip(":"))
    doc.lines([f"- {line}" for line in figure_notes(report, lang)])
    _overrides(doc, report, lang)
    _not_counting(doc, report.locations, lang)
    doc.heading(t("pdf_record", lang))
    record = {
        "rules": {
            "cycle": r.id,
            "window_start": r.window_start.isoformat(),
            "window_end": r.window_end.isoformat(),
            "require_decision": r.require_decision,
            "soft_plans_count": r.soft_plans_count,
        },
        "data_hashes": dict(sorted(ds.hashes.items())),
    }
    table = record_table(record, lang)
    doc.table_of(list(table.columns), table.values.tolist(), [80, 193])
    return bytes(doc.output())


_RESULT_COLS = ["quota", "places", "swapped_in", "swapped_out", "credited", "shortfall",
                "amv_quota", "amv_credited", "amv_shortfall"]  # fmt: skip


def result_pdf(result, ds, lang: Lang = "nl", parent=None, when: datetime | None = None) -> bytes:
    """A solved scenario as a PDF (bytes): title block, the plain-language answer and
    key figures, tables per region with totals, candidates and swaps, the exceptions,
    the locations that do not count, and the decision record."""
    from planner.formats import code_label
    from planner.results.summary import answer_metrics, plain_answer

    title = f"{t('tb_result_title', lang)}: {result.scenario}"
    doc = _Doc(title, lang)
    doc.add_page()
    doc.heading(title, 16)
    inst = result.instance
    doc.info(title_info(inst.rules, ds, lang, scenario=result.scenario, when=when))
    doc.heading(t("sheet_answer", lang))
    doc.lines(plain_answer(result, parent, lang), size=10)
    metrics = answer_metrics(result, parent, lang)
    doc.ln(2)
    width = [80, *([40] * (len(metrics.columns) - 1))]
    doc.table_of(list(metrics.columns), metrics.values.tolist(), width)
    _region_tables(doc, result.municipalities, result.regions, result.province, _RESULT_COLS,
                   lang)  # fmt: skip
    cand = result.candidates
    if len(cand):
        doc.heading(t("sheet_candidates", lang))
        rows = [
            [c.id, c.municipality, code_label(c.target_group, lang), int(c.places),
             t("yes" if c.opened else "no", lang), say(c.reason, lang)]
            for c in cand.itertuples(index=False)
        ]  # fmt: skip
        heads = [t("id", lang), t("municipality", lang), t("target_group", lang),
                 t("pdf_places", lang), t("col_opened", lang), t("col_reason", lang)]  # fmt: skip
        doc.table_of(heads, rows, [45, 40, 25, 20, 20, 123])
    if len(result.swaps):
        doc.heading(t("sheet_swaps", lang))
        rows = [
            [s[0], s.to, int(s.places), int(s.amv_places), code_label(s.kind, lang)]
            for s in result.swaps.itertuples(index=False)
        ]
        heads = [t("col_from", lang), t("col_to", lang), t("pdf_places", lang),
                 t("pdf_amv_places", lang), t("col_kind", lang)]  # fmt: skip
        doc.table_of(heads, rows, [50, 50, 25, 25, 60])
    _overrides(doc, inst.report, lang)
    _not_counting(doc, inst.report.locations, lang)
    doc.heading(t("pdf_record", lang))
    record = decision_record(result, ds, when)
    record.pop("scenario_text")  # the YAML file (English keys); its hash identifies it
    table = record_table(record, lang)
    doc.table_of(list(table.columns), table.values.tolist(), [80, 193])
    return bytes(doc.output())


def _write(path: str | Path, data: bytes) -> None:
    with replacing(path) as tmp:
        tmp.write_bytes(data)


def write_report_pdf(report: CycleReport, path: str | Path, lang: Lang = "nl", ds=None) -> None:
    """Write :func:`report_pdf` to ``path`` (atomically)."""
    _write(path, report_pdf(report, ds, lang))


def write_result_pdf(path: str | Path, result, ds, lang: Lang = "nl", parent=None) -> None:
    """Write :func:`result_pdf` to ``path`` (atomically)."""
    _write(path, result_pdf(result, ds, lang, parent))
