"""The engine's speed targets (issue #16), read from one benchmark result: what is met, what is not.

Each target is judged on the figures of the same run. A ratio target ("≥ 3× DuckDB") is peer time
÷ ours with our default worker count, on the same input, task and size, for both tasks; it is met
when the worst of them reaches the threshold, on wall time and on CPU time alike. A target whose
figures the run did not measure (a peer left out, one size only) is reported as not measured.
"""

from __future__ import annotations

from dataclasses import dataclass

TASKS = ("baseline", "monitor")
LARGE = "1GB"


@dataclass(frozen=True)
class RatioTarget:
    """Peer time ÷ ours ≥ minimum, on the given inputs, at `size` (default: the largest run)."""

    text: str
    peer: str
    kinds: tuple[str, ...]
    minimum: float
    size: str | None = None


RATIO_TARGETS = [
    RatioTarget("≥ 3× DuckDB on captures (1 GB)", "duckdb", ("capture",), 3.0, LARGE),
    RatioTarget("≥ 1.5× DuckDB on CSV (1 GB)", "duckdb", ("csv",), 1.5, LARGE),
    RatioTarget("≥ 5× pandas", "pandas", ("capture", "csv"), 5.0),
    RatioTarget("≥ 10× whylogs", "whylogs", ("csv",), 10.0),
    RatioTarget("≥ 30× PyDeequ", "pydeequ", ("csv",), 30.0),
]
SCALING_MINIMUM = 1.8
RSS_MAXIMUM_MB = 256
SMALL_INPUT_MAXIMUM_CPU_S = 0.2


def evaluate(result: dict) -> list[dict]:
    """One row per target: text, where it was measured, worst figures, and whether it is met."""
    rows = [ratio_row(result, target) for target in RATIO_TARGETS]
    return rows + [scaling_row(result), rss_row(result), small_input_row(result)]


def row(
    kind: str, text: str, where: str | None, figures: dict[str, float], met: bool | None
) -> dict:
    """kind: "ratio", "scaling", "memory" or "small input" (which figures it holds)."""
    return {"kind": kind, "target": text, "where": where, "figures": figures, "met": met}


def not_measured(kind: str, text: str) -> dict:
    return row(kind, text, None, {}, None)


def ratio_row(result: dict, target: RatioTarget) -> dict:
    ratios = result.get("peer_time_over_ours", {})
    sizes = [target.size] if target.size else list(reversed(result["parameters"]["sizes"]))
    for size in sizes:
        keys = [f"{size} {task} {kind} {target.peer}" for task in TASKS for kind in target.kinds]
        if all(key in ratios for key in keys):
            wall = min(ratios[key]["wall"] for key in keys)
            cpu = min(ratios[key]["cpu"] for key in keys)
            met = wall >= target.minimum and cpu >= target.minimum
            return row("ratio", target.text, size, {"wall": wall, "cpu": cpu}, met)
    return not_measured("ratio", target.text)


def scaling_row(result: dict) -> dict:
    text = f"2 workers ≥ {SCALING_MINIMUM}× one (1 GB)"
    rows = [r for r in result.get("our_scaling_1_to_2_workers", []) if r["size"] == LARGE]
    if not rows:
        return not_measured("scaling", text)
    figures = {"wall": min(r["wall_speedup"] for r in rows)}
    ceilings = [r["machine_ceiling"] for r in rows if "machine_ceiling" in r]
    if ceilings:
        figures["machine_ceiling"] = max(ceilings)
    return row("scaling", text, LARGE, figures, figures["wall"] >= SCALING_MINIMUM)


def rss_row(result: dict) -> dict:
    text = f"peak RSS ≤ {RSS_MAXIMUM_MB} MB (1 GB)"
    ours = [
        r
        for r in result.get("measurements", [])
        if r["size"] == LARGE and r["name"] == "ours" and r["ok"] and r["input_kind"] != "arrow"
    ]
    if not ours:
        return not_measured("memory", text)
    peak = max(r["peak_rss_mb"] for r in ours)
    return row("memory", text, LARGE, {"peak_rss_mb": peak}, peak <= RSS_MAXIMUM_MB)


def small_input_row(result: dict) -> dict:
    small = result.get("small_input")
    text = f"a 2 MB input in ≤ {SMALL_INPUT_MAXIMUM_CPU_S} s CPU"
    ours = [r for r in (small or {}).get("measurements", []) if r["tool"] == "ours" and r["ok"]]
    if not ours:
        return not_measured("small input", text)
    figures = {"cpu": max(r["cpu_seconds_median"] for r in ours)}
    floor = [r for r in small["measurements"] if r["tool"] == "node" and r["ok"]]
    if floor:
        figures["node_alone_cpu"] = floor[0]["cpu_seconds_median"]
    met = figures["cpu"] <= SMALL_INPUT_MAXIMUM_CPU_S
    return row("small input", text, small["size"], figures, met)
