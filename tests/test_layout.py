"""The package layout keeps the flow visible: a stage imports only earlier stages.

files -> validated tables (data) -> counting rules (counting) -> scenario -> model
(optimise) -> solution (results) -> reports; risk re-solves the model; the store keeps
scenarios; the app (Streamlit) and the CLI sit on top. These tests read the import
statements of every module (no import is executed), so a wrong import fails here with
the module and line that made it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "planner"
REPO = PACKAGE.parent

#: Rank of each stage: a module may import modules of its own rank or lower. The shared
#: modules (labels, errors, text tables) are rank 0: every stage speaks through them.
RANK = {
    "i18n": 0, "errors": 0, "tables": 0, "formats": 0,
    "data": 1, "counting": 2, "scenario": 3, "optimise": 4, "results": 5, "reports": 6,
    "risk": 7, "store": 8, "app": 9, "cli": 10,
}  # fmt: skip


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, imported names) of every planner import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in ("planner", "streamlit", "altair"):
                    found.append((node.lineno, a.name, []))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in ("planner", "streamlit", "altair"):
                found.append((node.lineno, node.module, [a.name for a in node.names]))
    return found


def test_every_module_belongs_to_a_stage() -> None:
    unknown = sorted(m for m in _modules() if m != "planner" and _stage(m) not in RANK)
    assert not unknown, f"modules outside the stages of RANK: {unknown}"


def test_no_stage_imports_a_later_stage() -> None:
    upward = []
    for module, path in _modules().items():
        if module == "planner":
            continue
        rank = RANK[_stage(module)]
        for line, imported, _ in _imports(path):
            if not imported.startswith("planner.") or imported == "planner":
                continue
            target = RANK.get(_stage(imported))
            if target is not None and target > rank:
                upward.append(f"{path.relative_to(REPO)}:{line} imports {imported}")
    assert not upward, "\n".join(upward)


def test_only_the_app_imports_streamlit_or_altair() -> None:
    wrong = []
    for module, path in _modules().items():
        if _stage(module) == "app":
            continue
        for line, imported, _ in _imports(path):
            if imported.split(".")[0] in ("streamlit", "altair"):
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {imported}")
    assert not wrong, "\n".join(wrong)


def test_only_app_py_and_app_pages_import_the_app_package() -> None:
    wrong = []
    for path in [*PACKAGE.rglob("*.py"), *(REPO / "bench").rglob("*.py")]:
        if "app" in path.relative_to(PACKAGE.parent).parts[1:2]:
            continue
        for line, imported, _ in _imports(path):
            if imported == "planner.app" or imported.startswith("planner.app."):
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {imported}")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_another_modules_private_name() -> None:
    wrong = []
    for _, path in _modules().items():
        for line, imported, names in _imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private or any(p.startswith("_") for p in imported.split(".")[1:]):
                wrong.append(f"{path.relative_to(REPO)}:{line} {imported} {private}")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles_between_modules() -> None:
    modules = _modules()
    graph = nx.DiGraph()
    for module, path in modules.items():
        for _, imported, names in _imports(path):
            if not imported.startswith("planner"):
                continue
            # `from planner.x import y` may import the submodule planner.x.y
            targets = [f"{imported}.{n}" for n in names if f"{imported}.{n}" in modules]
            targets = targets or [imported]
            for target in targets:
                if target in modules and target != module and not module.startswith(target):
                    graph.add_edge(module, target)
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, f"import cycles: {cycles[:5]}"
