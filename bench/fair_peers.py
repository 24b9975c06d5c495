"""Fair peer variants: DuckDB, polars and pandas doing the work of our engine (fair_stats.py).

Each reads the same bytes as our engine in that task: the capture JSON lines (parsing the envelopes
and splitting the CSV payloads itself, skipping malformed lines) or the plain CSV, every column as
text. Called from bench/peers.py as ``duckdb``, ``polars`` and ``pandas`` with ``--input``.
"""

from __future__ import annotations

import json
from pathlib import Path

from fair_stats import (
    DECILES,
    DUCKDB_MEMORY_LIMIT,
    INTEGRAL_PATTERN,
    NUMERIC_PATTERN,
    TOP_VALUES,
    column_summary,
    distances,
    numeric_columns,
)

INPUT_PATH = "$.captureData.endpointInput.data"
OUTPUT_PATH = "$.captureData.endpointOutput.data"


def column_names(data: Path) -> list[str]:
    return json.loads((data / "manifest.json").read_text())["columns"]


def capture_files(dataset: Path) -> list[str]:
    return sorted(str(path) for path in (dataset / "capture").rglob("*.jsonl"))


def baseline_edges(baseline: dict | None) -> dict[str, list[float]]:
    """The baseline deciles of its numeric columns (monitor task), else nothing."""
    if not baseline:
        return {}
    return {name: baseline["columns"][name]["deciles"] for name in numeric_columns(baseline)}


def write_summary(out: Path, tool: str, rows: int, columns: dict, baseline: dict | None, below):
    summary = {"tool": tool, "rows": rows, "columns": columns}
    if baseline:
        summary["distance"] = distances(columns, below, baseline)
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")


# ---------------------------------------------------------------------------------------------
# DuckDB: two streaming statements over the input, memory limited (hash tables spill to disk).


def duckdb_cells(dataset: Path, source: str, names: list[str]) -> str:
    """SQL of the text cells, one VARCHAR column per feature, empty fields NULL."""
    if source == "csv":
        return (
            f"SELECT * FROM read_csv('{dataset / 'data.csv'}', header = true, all_varchar = true)"
        )
    files = ", ".join(f"'{f}'" for f in capture_files(dataset))
    envelope = "'STRUCT(endpointInput STRUCT(data VARCHAR), endpointOutput STRUCT(data VARCHAR))'"
    fields = ", ".join(f"NULLIF(f[{i + 1}], '') AS \"{c}\"" for i, c in enumerate(names))
    return f"""
        SELECT {fields} FROM (
            SELECT string_split(
                captureData.endpointOutput.data || ',' || captureData.endpointInput.data, ','
            ) AS f
            FROM read_json([{files}], format = 'newline_delimited', ignore_errors = true,
                           columns = {{'captureData': {envelope}}})
            WHERE captureData.endpointInput.data IS NOT NULL
        )"""


def duckdb_aggregates(names: list[str], edges: dict[str, list[float]]) -> list[str]:
    """Per column: present, integral and numeric votes, HLL distinct of the text, moments and
    t-digest deciles of the numeric-parsable cells (and, monitoring, counts at baseline deciles)."""
    parts = []
    for i, c in enumerate(names):
        text, vote, x = f'"{c}"', f"v{i}", f"x{i}"
        parts += [
            f"count({text})",
            f"count_if({vote} = 1)",
            f"count_if({vote} <= 2)",
            f"approx_count_distinct({text})",
            f"avg({x})",
            f"stddev_pop({x})",
            f"min({x})",
            f"max({x})",
            f"approx_quantile({x}, {DECILES})",
        ]
        parts += [f"count_if({x} <= {edge!r})" for edge in edges.get(c, [])]
    return parts


def duckdb_votes(names: list[str]) -> tuple[str, str]:
    """Projections: each cell's vote (1 integral, 2 fractional, 3 string) and parsed number."""
    votes = ", ".join(
        f'"{c}", CASE WHEN "{c}" IS NULL THEN NULL '
        f"WHEN regexp_full_match(\"{c}\", '{INTEGRAL_PATTERN[1:-1]}') THEN 1 "
        f"WHEN regexp_full_match(\"{c}\", '{NUMERIC_PATTERN[1:-1]}') THEN 2 ELSE 3 END AS v{i}"
        for i, c in enumerate(names)
    )
    numbers = ", ".join(
        f"\"{c}\", v{i}, CASE WHEN v{i} <= 2 THEN TRY_CAST(replace(\"{c}\", ' ', '') AS DOUBLE) "
        f"END AS x{i}"
        for i, c in enumerate(names)
    )
    return votes, numbers


def duckdb_top_values(con, cells: str) -> dict[str, dict[str, int]]:
    """The TOP_VALUES most frequent texts of every column: one grouped pass over the long form."""
    query = f"""
        SELECT name, text, n FROM (
            SELECT name, text, count(*) AS n
            FROM (UNPIVOT ({cells}) ON COLUMNS(*) INTO NAME name VALUE text)
            GROUP BY ALL
        ) QUALIFY row_number() OVER (PARTITION BY name ORDER BY n DESC, text) <= {TOP_VALUES}
    """
    top: dict[str, dict[str, int]] = {}
    for name, text, n in con.execute(query).fetchall():
        top.setdefault(name, {})[text] = n
    return top


def run_duckdb(data: Path, dataset: Path, source: str, out: Path, baseline: dict | None) -> None:
    import duckdb

    names = column_names(data)
    edges = baseline_edges(baseline)
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{out / 'duckdb-spill'}'")
    con.execute("SET preserve_insertion_order = false")
    cells = duckdb_cells(dataset, source, names)
    votes, numbers = duckdb_votes(names)
    parts = duckdb_aggregates(names, edges)
    query = (
        f"SELECT count(*), {', '.join(parts)} "
        f"FROM (SELECT {numbers} FROM (SELECT {votes} FROM ({cells})))"
    )
    row = list(con.execute(query).fetchone())
    rows = row.pop(0)
    top = duckdb_top_values(con, cells)
    columns, below = {}, {}
    for c in names:
        present, integral, numeric, distinct, mean, std, low, high, deciles = row[:9]
        del row[:9]
        if c in edges:
            below[c] = row[: len(edges[c])]
            del row[: len(edges[c])]
        moments = (mean, std, low, high)
        columns[c] = column_summary(
            rows, present, integral, numeric, distinct, moments, deciles, top.get(c, {})
        )
    write_summary(out, "duckdb", rows, columns, baseline, below)


# ---------------------------------------------------------------------------------------------
# polars: one lazy plan (scan, split, aggregates and grouped value counts), streaming engine.


def polars_cells(dataset: Path, source: str, names: list[str]):
    """LazyFrame of the text cells, one String column per feature, empty fields null."""
    import polars as pl

    if source == "csv":
        return pl.scan_csv(dataset / "data.csv", infer_schema=False)
    lines = pl.scan_csv(
        capture_files(dataset),
        has_header=False,
        separator="\x1f",  # never in a capture line: each line is one field
        quote_char=None,
        schema={"line": pl.String},
    )
    line = pl.col("line")
    payload = pl.concat_str(
        [line.str.json_path_match(OUTPUT_PATH), line.str.json_path_match(INPUT_PATH)],
        separator=",",
    )  # null when the line is not JSON or has no captureData: such lines are skipped
    split = payload.str.split_exact(",", len(names) - 1).struct.rename_fields(names)
    fields = [pl.col(c).replace("", None) for c in names]
    return (
        lines.select(split.alias("f"))
        .filter(pl.col("f").struct.field(names[0]).is_not_null())
        .unnest("f")
        .select(fields)
    )


def polars_aggregates(names: list[str], edges: dict[str, list[float]]) -> list:
    import polars as pl

    exprs = [pl.len().alias("rows")]
    for c in names:
        text = pl.col(c)
        is_numeric = text.str.contains(NUMERIC_PATTERN)
        x = pl.when(is_numeric).then(text.str.replace_all(" ", "").cast(pl.Float64, strict=False))
        exprs += [
            text.count().alias(f"{c}|present"),
            text.str.contains(INTEGRAL_PATTERN).sum().alias(f"{c}|integral"),
            is_numeric.sum().alias(f"{c}|numeric"),
            text.drop_nulls().approx_n_unique().alias(f"{c}|distinct"),
            x.mean().alias(f"{c}|mean"),
            x.std(ddof=0).alias(f"{c}|std"),
            x.min().alias(f"{c}|min"),
            x.max().alias(f"{c}|max"),
        ]
        exprs += [x.quantile(p).alias(f"{c}|q{i}") for i, p in enumerate(DECILES)]
        exprs += [
            (x <= edge).sum().alias(f"{c}|below{i}") for i, edge in enumerate(edges.get(c, []))
        ]
    return exprs


def polars_top_values(cells):
    """LazyFrame of (name, text, n): the TOP_VALUES most frequent texts of every column."""
    import polars as pl

    long = cells.unpivot(variable_name="name", value_name="text").drop_nulls("text")
    counts = long.group_by("name", "text").agg(pl.len().alias("n"))
    return counts.sort(["n", "text"], descending=[True, False]).group_by("name").head(TOP_VALUES)


def run_polars(data: Path, dataset: Path, source: str, out: Path, baseline: dict | None) -> None:
    import polars as pl

    names = column_names(data)
    edges = baseline_edges(baseline)
    cells = polars_cells(dataset, source, names)
    aggregates, top_frame = pl.collect_all(
        [cells.select(polars_aggregates(names, edges)), polars_top_values(cells)],
        engine="streaming",
    )
    result = aggregates.row(0, named=True)
    top: dict[str, dict[str, int]] = {}
    for name, text, n in top_frame.iter_rows():
        top.setdefault(name, {})[text] = n
    rows = result["rows"]
    columns, below = {}, {}
    for c in names:
        moments = tuple(result[f"{c}|{k}"] for k in ("mean", "std", "min", "max"))
        deciles = [result[f"{c}|q{i}"] for i in range(len(DECILES))]
        if c in edges:
            below[c] = [result[f"{c}|below{i}"] for i in range(len(edges[c]))]
        columns[c] = column_summary(
            rows,
            result[f"{c}|present"],
            result[f"{c}|integral"],
            result[f"{c}|numeric"],
            result[f"{c}|distinct"],
            moments,
            deciles,
            top.get(c, {}),
        )
    write_summary(out, "polars", rows, columns, baseline, below)


# ---------------------------------------------------------------------------------------------
# pandas: json.loads per capture line (or read_csv), all columns as str, exact statistics.


def pandas_cells(dataset: Path, source: str, names: list[str]):
    import io

    import pandas as pd

    options = {"dtype": str, "keep_default_na": False, "na_values": [""]}
    if source == "csv":
        return pd.read_csv(dataset / "data.csv", **options)
    rows = []
    for path in capture_files(dataset):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                try:
                    capture = json.loads(line)["captureData"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue  # malformed line or record without captureData
                output = capture["endpointOutput"]["data"]
                rows.append(f"{output},{capture['endpointInput']['data']}")
    return pd.read_csv(io.StringIO("\n".join(rows)), header=None, names=names, **options)


def pandas_column(frame, c: str, rows: int, edges: list[float]) -> tuple[dict, list[int]]:
    import numpy as np
    import pandas as pd

    text = frame[c]
    is_numeric = text.str.fullmatch(NUMERIC_PATTERN).fillna(False).astype(bool)
    integral = int(text.str.fullmatch(INTEGRAL_PATTERN).fillna(False).sum())
    x = pd.to_numeric(text[is_numeric].str.replace(" ", ""), errors="coerce").dropna()
    moments = (x.mean(), x.std(ddof=0), x.min(), x.max()) if len(x) else (None,) * 4
    deciles = x.quantile(DECILES).tolist() if len(x) else None
    top = text.value_counts().head(TOP_VALUES)
    values = x.to_numpy()
    below = [int(np.count_nonzero(values <= edge)) for edge in edges]
    summary = column_summary(
        rows,
        int(text.notna().sum()),
        integral,
        int(is_numeric.sum()),
        int(text.nunique()),
        moments,
        deciles,
        dict(top.items()),
    )
    return summary, below


def run_pandas(data: Path, dataset: Path, source: str, out: Path, baseline: dict | None) -> None:
    names = column_names(data)
    edges = baseline_edges(baseline)
    frame = pandas_cells(dataset, source, names)
    rows = len(frame)
    columns, below = {}, {}
    for c in names:
        columns[c], counts = pandas_column(frame, c, rows, edges.get(c, []))
        if c in edges:
            below[c] = counts
    write_summary(out, "pandas", rows, columns, baseline, below)


FAIR_TOOLS = {"duckdb": run_duckdb, "polars": run_polars, "pandas": run_pandas}
