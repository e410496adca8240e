"""The figure library's modules import each other without a cycle, and the registry names every kind module.

A cycle only shows up as an ImportError when the modules happen to load in one order, and a registry that skips
modules quietly drops a kind that authors then cannot use: both are checked on the source, not by importing it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "coursekit.figures"
ROOT = Path(__file__).resolve().parents[2] / "coursekit" / "figures"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def load_time_imports(path: Path, known: set[str]) -> set[str]:
    """Library modules that `path` imports while it loads: top level, outside `if TYPE_CHECKING:` blocks."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import cache` imports the submodule cache
                if f"{target}.{alias.name}" in known:
                    found.add(f"{target}.{alias.name}")
            if target in known:
                found.add(target)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_modules_import_each_other_without_a_cycle() -> None:
    known = set(modules())
    # A package imports its own __init__ implicitly; that edge is not a cycle a reader could fix.
    graph = {name: load_time_imports(path, known) - {PACKAGE, f"{PACKAGE}.kinds"} for name, path in modules().items()}
    assert find_cycle(graph) is None, "import cycle: " + " -> ".join(find_cycle(graph) or [])


def test_the_cycle_check_sees_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_kinds_do_not_borrow_from_each_other() -> None:
    known = set(modules())
    borrowed = {name: sorted(found) for name, path in modules().items() if ".kinds." in name
                if (found := {m for m in load_time_imports(path, known) if ".kinds." in m})}
    assert not borrowed, f"kind modules import other kinds (move the shared helper to the library): {borrowed}"


def test_registry_lists_every_kind_module() -> None:
    from coursekit.figures.registry import KINDS  # here: a cycle must fail the cycle test, not collection

    files = {path.stem for path in (ROOT / "kinds").glob("*.py") if path.stem != "__init__"}
    listed = {kind.compute.__module__.rsplit(".", 1)[-1] for kind in KINDS}
    assert files == listed, f"kind modules missing from registry.KINDS: {sorted(files - listed)}"
