"""Markdown table and Vega-Lite chart of one benchmark result (see bench/run.py)."""

from __future__ import annotations

import json
from pathlib import Path

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"


def fmt(value: float, digits: int = 2) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def table(result: dict) -> str:
    lines = [
        "| Task | Tool | Input | Wall s (median) | Wall s (min) | MB/s | rows/s | Peak RSS MB "
        "| Peer time ÷ ours |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in result["measurements"]:
        if not r["ok"]:
            lines.append(
                f"| {r['task']} | {r['name']} | {r['input']} "
                f"| failed: {r['error'][:80]!r} | | | | | |"
            )
            continue
        speedup = f"{r['our_speedup']:.2f}×" if "our_speedup" in r else "–"
        lines.append(
            f"| {r['task']} | {r['name']} | {r['input']} | {fmt(r['seconds_median'])} "
            f"| {fmt(r['seconds_min'])} "
            f"| {fmt(r['mb_per_s'], 1)} "
            f"| {r['rows_per_s']:,.0f} | {r['peak_rss_mb']:,.0f} | {speedup} |"
        )
    return "\n".join(lines)


def accuracy_table(result: dict) -> str:
    lines = [
        "| Statistics of | Quantile rank error: max / mean "
        "| Distinct count relative error: max / mean |",
        "| --- | ---: | ---: |",
    ]
    for name, acc in result["accuracy"].items():
        rank = acc.get("quantile_rank_error") or {}
        distinct = acc.get("distinct_relative_error") or {}
        rank_text = f"{rank['max']:.5f} / {rank['mean']:.5f}" if rank else "–"
        distinct_text = f"{distinct['max']:.4f} / {distinct['mean']:.4f}" if distinct else "–"
        lines.append(f"| {name} | {rank_text} | {distinct_text} |")
    return "\n".join(lines)


def chart_spec(result: dict) -> dict:
    values = [
        {"tool": r["name"], "task": r["task"], "rows_per_s": round(r["rows_per_s"])}
        for r in result["measurements"]
        if r["ok"]
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": f"Throughput, {result['parameters']['size']} input (rows/s, higher is better)",
        "data": {"values": values},
        "mark": "bar",
        "width": 420,
        "height": {"step": 14},
        "encoding": {
            "y": {"field": "tool", "type": "nominal", "sort": "-x", "title": None},
            "yOffset": {"field": "task"},
            "x": {
                "field": "rows_per_s",
                "type": "quantitative",
                "scale": {"type": "log"},
                "stack": None,
                "title": "rows/s (log scale)",
                "axis": {"values": [100, 1000, 10000, 100000, 1000000], "format": ","},
            },
            "color": {"field": "task", "type": "nominal"},
            "tooltip": [
                {"field": "tool"},
                {"field": "task"},
                {"field": "rows_per_s", "format": ","},
            ],
        },
    }


def fallback_svg(spec: dict) -> str:
    """A plain horizontal bar chart, for when vl-convert is not available."""
    values = spec["data"]["values"]
    top = max((v["rows_per_s"] for v in values), default=1)
    rows = []
    for i, v in enumerate(values):
        y = 30 + i * 18
        width = 400 * v["rows_per_s"] / top
        color = "#4c78a8" if v["task"] == "baseline" else "#f58518"
        rows.append(
            f'<text x="215" y="{y + 11}" text-anchor="end" font-size="11">'
            f"{v['tool']} ({v['task']})</text>"
            f'<rect x="220" y="{y}" width="{width:.1f}" height="14" fill="{color}"/>'
            f'<text x="{225 + width:.1f}" y="{y + 11}" font-size="10">{v["rows_per_s"]:,}</text>'
        )
    height = 40 + 18 * len(values)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="720" height="{height}" '
        'font-family="sans-serif">'
        f'<text x="10" y="18" font-size="13">{spec["title"]}</text>{"".join(rows)}</svg>'
    )


def render_svg(spec: dict) -> str:
    try:
        import vl_convert

        return vl_convert.vegalite_to_svg(spec)
    except Exception:  # noqa: BLE001 - any failure falls back to our own drawing
        return fallback_svg(spec)


LAB_STEPS = [
    ("table", "`filebrowser:open` → all 500 rows in the features table", "tableMs"),
    ("firstChart", "`filebrowser:open` → first feature's chart SVG", "firstChartMs"),
    ("filter", "typing `num_01` in the filter box → 10 rows left", "filterMs"),
    ("selectChart", "clicking another row (`str_123`) → its chart SVG", "selectChartMs"),
]


def lab_table(lab: dict | None) -> str:
    """The 500-feature render measurement (bench/lab/render500.spec.ts), milliseconds."""
    if not lab:
        return (
            "Rendering a 500-feature statistics file in JupyterLab: not measured "
            "(`make bench` runs `bench/lab/render500.spec.ts` first)."
        )
    runs = lab["runs"]
    head = " | ".join(f"Run {i + 1}" for i in range(len(runs)))
    lines = [
        f"Rendering a {lab['features']}-feature `statistics.json` "
        f"({lab['fileBytes'] / 2**20:.1f} MB) in JupyterLab, Debian's Chromium headless, "
        f"milliseconds (`{lab['file']}`, {lab['date'][:19]}Z; method below):",
        "",
        f"| Step | {head} | Median |",
        "| --- |" + " ---: |" * (len(runs) + 1),
    ]
    for key, label, field in LAB_STEPS:
        cells = " | ".join(f"{run[field]:.0f}" for run in runs)
        lines.append(f"| {label} | {cells} | {lab['medianMs'][key]:.0f} |")
    return "\n".join(lines)


def memory_table(rows: list[dict]) -> str:
    """Our peak RSS against input size (baseline task, capture input)."""
    if len({row["size"] for row in rows}) < 2:
        return "Memory against input size: not measured in this run (`--memory-size none`)."
    lines = [
        "Our memory against input size (baseline task, capture files; a size other than the "
        "main input is one run per worker count, without warm-up):",
        "",
        "| Input | Rows | Workers | Wall s | Peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['capture_mb']:,.0f} MB | {row['rows']:,} | {row['workers']} "
            f"| {row['seconds']:.2f} | {row['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def section(result: dict, svg_name: str) -> str:
    machine = result["machine"]
    params = result["parameters"]
    data = result["data"]["datasets"]
    skipped = (
        "".join(f"\n- **{peer}**: {reason}" for peer, reason in result["skipped"].items())
        or " none."
    )
    scaling = ", ".join(
        f"{task} {ratio:.2f}×" for task, ratio in result["our_scaling_1_to_2_workers"].items()
    )
    memory_text = memory_table(result.get("memory_by_input_size") or [])
    versions = ", ".join(f"{k} {v}" for k, v in result["versions"].items() if v)
    base, current = data["baseline"], data["current"]
    load = ", ".join(f"{x:.2f}" for x in machine["loadavg_at_start"])
    spreads = [
        max(r["seconds_all"]) / min(r["seconds_all"])
        for r in result["measurements"]
        if r["ok"] and len(r["seconds_all"]) > 1
    ]
    spread = max(spreads, default=1.0)
    shared = ""
    if machine["nproc"] <= 2:
        shared = (
            "**Numbers taken on a 2-core virtual machine**, where other work may run: "
            f"the timed runs of one tool varied by up to {spread:.1f}× (every run is in the "
            "JSON), so read small ratios as ties."
        )
    slow = f"{params.get('slow_repeat', 1)} for {', '.join(params.get('slow_peers', []))}"
    return f"""{START}
## Latest results

Run {result["started"][:19]}Z on {machine["nproc"]} cores ({machine["cpu_model"]}),
{machine["memory_gb"]} GB, load average at start {load}. {shared}

Input `{params["size"]}`: baseline {base["rows"]:,} rows ({base["capture_bytes"] / 2**20:.0f} MB
of capture files, {base["csv_bytes"] / 2**20:.0f} MB as CSV), current {current["rows"]:,} rows.
Each figure is the median of {params["repeat"]} timed runs ({slow}),
each in a fresh process, after one warm-up run that is not counted; runs are interleaved across
tools (all warm-ups, then round 1 of every tool, round 2, ...) so that outside load spreads evenly.
Wall time includes the start-up of the interpreter, JVM or Node. MB/s is of the input that tool
read (capture files are ~3× the CSV); rows/s compares like with like. "Peer time ÷ ours" > 1
means we are faster than that peer (ours = capture input, 2 workers, the default on this machine).

{table(result)}

![throughput chart]({svg_name})

Our scaling from 1 to 2 workers (time with 1 ÷ time with 2): {scaling or "–"}.

{memory_text}

{lab_table(result.get("lab_render"))}

Accuracy of the baseline statistics against exact values (numpy / polars on the same rows):

{accuracy_table(result)}

Peers skipped:{skipped}

Versions: {versions}.
{END}"""


def write(result: dict, stem: Path, readme: Path) -> None:
    spec = chart_spec(result)
    stem.with_suffix(".vl.json").write_text(json.dumps(spec, indent=1) + "\n")
    stem.with_suffix(".svg").write_text(render_svg(spec))
    svg_name = f"results/{stem.name}.svg"
    text = readme.read_text() if readme.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    readme.write_text(before + section(result, svg_name) + after)
