"""The record every evaluation returns, and its terminal table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Metric = float | dict[str, Any]


@dataclass
class EvalResult:
    """Figures of one evaluation run.

    `metrics` holds scalars (accuracy, F1, counts) and nested tables: a dict of
    dicts is a table with one row per key (per class, per language), a dict of
    scalars is a list (confusions). `predictions` are the per-item records the
    run writes as JSON lines; `format` does not show them.
    """

    set_name: str
    metrics: dict[str, Metric]
    predictions: list[dict[str, Any]] = field(default_factory=list)

    def format(self) -> str:
        """A readable, aligned text table of the metrics."""
        lines = [f"evaluation: {self.set_name}"]
        scalars = {k: v for k, v in self.metrics.items() if not isinstance(v, dict)}
        lines += _format_pairs(scalars, indent="  ")
        for name, value in self.metrics.items():
            if isinstance(value, dict):
                lines.append("")
                lines.append(f"{name}:")
                lines += _format_nested(value)
        return "\n".join(lines)


def format_value(value: Any) -> str:
    """Counts as integers, rates with three decimals."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def _format_pairs(pairs: dict[str, Any], indent: str) -> list[str]:
    if not pairs:
        return []
    width = max(len(k) for k in pairs)
    return [f"{indent}{k.ljust(width)}  {format_value(v)}" for k, v in pairs.items()]


def _format_nested(table: dict[str, Any]) -> list[str]:
    """Rows of dicts become columns; rows of scalars become a key/value list."""
    if not table:
        return ["  (none)"]
    if not all(isinstance(v, dict) for v in table.values()):
        flat = {k: (v if not isinstance(v, dict) else _inline(v)) for k, v in table.items()}
        return _format_pairs(flat, indent="  ")
    columns: list[str] = []
    for row in table.values():
        columns += [c for c in row if c not in columns]
    cells = [[str(k)] + [format_value(row.get(c, "")) for c in columns] for k, row in table.items()]
    header = ["", *columns]
    widths = [max(len(r[i]) for r in [header, *cells]) for i in range(len(header))]
    out = ["  " + _join(header, widths)]
    out += ["  " + _join(r, widths) for r in cells]
    return out


def _join(cells: list[str], widths: list[int]) -> str:
    first = cells[0].ljust(widths[0])
    rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
    return "  ".join([first, *rest]).rstrip()


def _inline(row: dict[str, Any]) -> str:
    return " ".join(f"{k}={format_value(v)}" for k, v in row.items())
