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


INPUT_TITLES = {"capture": "capture JSON lines", "csv": "plain CSV", "arrow": "Arrow IPC"}


def ratio(r: dict, key: str) -> str:
    return f"{r[key]:.2f}×" if key in r else "–"


def measurement_row(r: dict) -> str:
    name = f"**{r['name']}** (default)" if r.get("ratio_base") else r["name"]
    head = f"| {name} | {r['variant']} | {r['input']} "
    if not r["ok"]:
        return head + f"| failed: {r['error'][:80]!r} | | | | | | |"
    return (
        head + f"| {fmt(r['seconds_median'])} | {fmt(r['cpu_seconds_median'])} "
        f"| {r['peak_rss_mb']:,.0f} | {r['rows_per_s']:,.0f} | {fmt(r['mb_per_s'], 1)} "
        f"| {ratio(r, 'wall_ratio')} | {ratio(r, 'cpu_ratio')} |"
    )


def table(result: dict, size: str, task: str, kind: str) -> str:
    """One size, task and input kind: every tool that read that input."""
    rows = [
        r
        for r in result["measurements"]
        if (r["size"], r["task"], r["input_kind"]) == (size, task, kind)
    ]
    if not rows:
        return ""
    lines = [
        f"**{size}, {task}, every tool reads the {INPUT_TITLES[kind]}**",
        "",
        "| Tool | Work | How it reads | Wall s | CPU s | Peak RSS MB | rows/s | MB/s "
        "| Wall ÷ ours | CPU ÷ ours |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    return "\n".join(lines + [measurement_row(r) for r in rows])


def tables(result: dict) -> str:
    parts = [
        table(result, size, task, kind)
        for size in result["parameters"]["sizes"]
        for task in ("baseline", "monitor")
        for kind in INPUT_TITLES
    ]
    return "\n\n".join(part for part in parts if part)


def preprocessor_table(rows: list[dict]) -> str:
    if not rows:
        return "The cost of a record preprocessor: not measured."
    lines = [
        "The cost of a record preprocessor that rebuilds the default row (baseline on captures,",
        "1 worker, time with it ÷ without):",
        "",
        "| Input size | Preprocessor | Wall | CPU | Rows/s |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']} | {row['variant']} | {row['wall_ratio']:.2f}× "
            f"| {row['cpu_ratio']:.2f}× | {row['rows_per_s']:,.0f} |"
        )
    return "\n".join(lines)


def scaling_table(rows: list[dict]) -> str:
    if not rows:
        return "Our scaling from 1 to 2 workers: not measured."
    lines = [
        "Our scaling from 1 to 2 workers (wall time with 1 ÷ with 2; CPU time with 2 ÷ with 1).",
        "The machine's ceiling is what two cores give this work: two 1-worker runs at once, each",
        "on the whole input, do twice the work in their wall time (2 × one run's time ÷ theirs).",
        "",
        "| Input size | Task | Input | Wall speed-up | CPU growth | Machine's ceiling "
        "| Share of it |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        ceiling = row.get("machine_ceiling")
        share = row.get("share_of_ceiling")
        lines.append(
            f"| {row['size']} | {row['task']} | {INPUT_TITLES[row['input_kind']]} "
            f"| {row['wall_speedup']:.2f}× | {row['cpu_growth']:.2f}× "
            f"| {f'{ceiling:.2f}×' if ceiling else '–'} | {f'{share:.0%}' if share else '–'} |"
        )
    return "\n".join(lines)


def target_figures(row: dict) -> str:
    """The worst figures behind a target, in words."""
    f = row["figures"]
    if row["kind"] == "ratio":
        return f"wall {f['wall']:.2f}×, CPU {f['cpu']:.2f}×"
    if row["kind"] == "memory":
        return f"{f['peak_rss_mb']:.0f} MB"
    if row["kind"] == "small input":
        floor = f.get("node_alone_cpu")
        return f"{f['cpu']:.2f} s CPU" + (f" (Node alone: {floor:.2f} s)" if floor else "")
    ceiling = f.get("machine_ceiling")
    reach = f" (two 1-worker runs at once reach {ceiling:.2f}×)" if ceiling else ""
    return f"{f['wall']:.2f}×{reach}"


def targets_table(rows: list[dict]) -> str:
    if not rows:
        return "The engine's targets: not judged in this run."
    lines = [
        "The engine's speed targets (bench/targets.py), judged on this run: a ratio is peer time",
        "÷ ours, the worst of both tasks (and both inputs where both are named), met when wall and",
        "CPU time both reach it.",
        "",
        "| Target | Size | Worst figure | Met |",
        "| --- | --- | --- | --- |",
    ]
    for row in rows:
        if row["met"] is None:
            lines.append(f"| {row['target']} | – | not measured in this run | – |")
            continue
        met = "yes" if row["met"] else "**no**"
        lines.append(f"| {row['target']} | {row['where']} | {target_figures(row)} | {met} |")
    return "\n".join(lines)


def small_input_table(small: dict | None) -> str:
    if not small:
        return "Our start-up on a small input: not measured (`--small-repeat 0`)."
    lines = [
        f"Our start-up on a small input (`{small['size']}`: its capture files, and its CSV;",
        f"1 worker, the default at this size; medians of {small['repeat']} runs), beside Node",
        "doing nothing:",
        "",
        "| Command | Task | Input | Wall s | CPU s | Peak RSS MB |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for r in small["measurements"]:
        head = f"| {r['name']} | {r['task']} | {r['input']} "
        if not r["ok"]:
            lines.append(head + f"| failed: {r['error'][:80]!r} | | |")
            continue
        lines.append(
            head + f"| {r['seconds_median']:.3f} | {r['cpu_seconds_median']:.3f} "
            f"| {r['peak_rss_mb']:,.0f} |"
        )
    return "\n".join(lines)


def fair_check_text(checks: list[dict]) -> str:
    """One line: did every fair peer agree with our statistics (bench/fair_check.py)?"""
    if not checks:
        return "Fair-variant check: no fair peer ran."
    failed = [c for c in checks if not c["ok"]]
    if not failed:
        return (
            f"Fair-variant check (bench/fair_check.py): all {len(checks)} fair summaries agree "
            "with our statistics.json (rows, missing and present counts, inferred types, min, "
            "max, mean, distinct counts within sketch error, categorical bucket counts)."
        )
    items = "".join(
        f"\n- **{c['peer']}** {c['size']} {c['task']} {c['input_kind']}: "
        f"{'; '.join(c['problems'][:3])}"
        for c in failed
    )
    return f"**Fair-variant check FAILED** for {len(failed)} of {len(checks)} summaries:{items}"


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
    size = result["parameters"]["sizes"][0]
    values = [
        {
            "tool": f"{r['name']} ({r['input_kind']})",
            "task": r["task"],
            "rows_per_s": round(r["rows_per_s"]),
        }
        for r in result["measurements"]
        if r["ok"] and r["size"] == size
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": f"Throughput, {size} input (rows/s, higher is better)",
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
        return "Memory against input size: one size in this run (`--size 100MB,1GB` for both)."
    lines = [
        "Our memory against input size (baseline task, capture files, medians as above):",
        "",
        "| Input | Rows | Workers | Wall s | CPU s | Peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['capture_mb']:,.0f} MB | {row['rows']:,} | {row['workers']} "
            f"| {row['seconds']:.2f} | {row['cpu_seconds']:.2f} | {row['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def data_text(result: dict) -> str:
    parts = []
    for size, manifest in result["data"].items():
        base, current = manifest["datasets"]["baseline"], manifest["datasets"]["current"]
        parts.append(
            f"`{size}`: baseline {base['rows']:,} rows ({base['capture_bytes'] / 2**20:.0f} MB of "
            f"capture files, {base['csv_bytes'] / 2**20:.0f} MB as CSV), current "
            f"{current['rows']:,} rows"
        )
    return "; ".join(parts)


def spread_text(result: dict) -> str:
    machine = result["machine"]
    if machine["nproc"] > 2:
        return ""
    spreads = [
        max(r["seconds_all"]) / min(r["seconds_all"])
        for r in result["measurements"]
        if r["ok"] and len(r["seconds_all"]) > 1
    ]
    return (
        "**Numbers taken on a 2-core virtual machine**, where other work may run: the timed "
        f"runs of one tool varied by up to {max(spreads, default=1.0):.1f}× (every run is in "
        "the JSON), so read small ratios as ties."
    )


def section(result: dict, svg_name: str) -> str:
    machine = result["machine"]
    params = result["parameters"]
    skipped = (
        "".join(f"\n- **{peer}**: {reason}" for peer, reason in result["skipped"].items())
        or " none."
    )
    versions = ", ".join(f"{k} {v}" for k, v in result["versions"].items() if v)
    load = ", ".join(f"{x:.2f}" for x in machine["loadavg_at_start"])
    slow = f"{params['slow_repeat']} for {', '.join(params['slow_peers'])}"
    slow_sizes = "every size" if params["slow_all_sizes"] else f"{params['sizes'][0]} only"
    return f"""{START}
## Latest results

Run {result["started"][:19]}Z on {machine["nproc"]} cores ({machine["cpu_model"]}),
{machine["memory_gb"]} GB, load average at start {load}. {spread_text(result)}

Input {data_text(result)}. Each figure is the median of {params["repeat"]} timed runs ({slow};
they run at {slow_sizes}), each in a fresh process, after one warm-up run that is not counted;
runs are interleaved across tools. Wall time includes the start-up of the interpreter, JVM or
Node; CPU time is user + sys of the whole process tree. **Work**: *fair* variants do the work our
engine does (text cells, per-cell type votes, distinct texts, top-120 value counts of every
column, quantiles); *lighter* ones are handed the types and count values of 5 columns; *own* are
the tool's own profile. "÷ ours" is that tool's time over ours as a user runs it, with our default
worker count (1 under 128 MiB of input, 2 above; marked "default"), on the same input, task and
size: > 1 means we are faster.

{targets_table(result.get("targets") or [])}

{tables(result)}

![throughput chart]({svg_name})

{scaling_table(result["our_scaling_1_to_2_workers"])}

{preprocessor_table(result.get("preprocessor_cost") or [])}

{memory_table(result.get("memory_by_input_size") or [])}

{small_input_table(result.get("small_input"))}

{fair_check_text(result.get("fair_checks") or [])}

{lab_table(result.get("lab_render"))}

Accuracy of the baseline statistics ({params["sizes"][0]}) against exact values (numpy / polars
on the same rows):

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
