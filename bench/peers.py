"""The peers' side of the benchmark: one tool, one task, one fresh process.

    python bench/peers.py TOOL TASK --data DIR --out DIR [--baseline-summary FILE]

TOOL is duckdb, polars or pandas (the fair variants of bench/fair_peers.py, which also take
``--input capture|csv``), or duckdb-light, polars-light, pandas-light, whylogs, evidently or pydeequ
(this file). TASK is ``baseline`` (statistics of ``DIR/baseline``) or ``monitor`` (statistics of
``DIR/current`` plus a per-feature distance to the baseline).

The light variants are lighter than our engine: they are handed the column types (no type votes
on the text), count distinct parsed values of numeric columns rather than texts, and count values
of the 5 categorical columns only; duckdb-light materialises the whole table in memory. Each
computes, per column, count, missing, mean, std, min, max, deciles and the distinct count, and for
categorical columns the value frequencies; it writes them to
``OUT/summary.json`` in one common layout, which ``monitor`` reads back as the baseline (as our
engine reads ``statistics.json``). Exceptions: whylogs keeps its own profile as the baseline, and
Evidently compares against the reference *data* (that is how Evidently works), so its ``monitor``
also reads the baseline CSV.

Distances, the same for every tool: numeric columns, the largest gap between the baseline CDF and
the current CDF at the baseline deciles (a binned two-sample Kolmogorov-Smirnov / Deequ L-infinity
distance); categorical columns, the largest gap between value shares (Deequ's categorical L-inf).
whylogs, Evidently and Deequ report their own drift measures where they have one.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

from fair_peers import FAIR_TOOLS

DECILES = [i / 10 for i in range(1, 10)]


def load_manifest(data: Path) -> dict:
    return json.loads((data / "manifest.json").read_text())


def column_kinds(data: Path) -> tuple[list[str], list[str]]:
    columns = load_manifest(data)["columns"]
    numeric = [c for c in columns if not c.startswith("cat_")]
    categorical = [c for c in columns if c.startswith("cat_")]
    return numeric, categorical


def numeric_distance(deciles: list[float], current_cdf: list[float]) -> float:
    """max_i |F_baseline(d_i) - F_current(d_i)| with F_baseline(d_i) = i/10."""
    return max(abs(p - f) for p, f in zip(DECILES, current_cdf, strict=True))


def categorical_distance(baseline: dict[str, int], current: dict[str, int]) -> float:
    n = sum(baseline.values()) or 1
    m = sum(current.values()) or 1
    keys = set(baseline) | set(current)
    return max((abs(baseline.get(k, 0) / n - current.get(k, 0) / m) for k in keys), default=0.0)


def clean(value):
    """JSON-safe numbers (NaN and infinities become null)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def write_summary(out: Path, tool: str, rows: int, columns: dict, distance: dict | None) -> None:
    summary = {"tool": tool, "rows": rows, "columns": columns}
    if distance is not None:
        summary["distance"] = distance
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")


# ---------------------------------------------------------------------------------------------
# duckdb-light: reads the capture JSON lines itself and splits the CSV payload in SQL, typed.


def run_duckdb(data: Path, task: str, out: Path, baseline: dict | None) -> None:
    import duckdb

    numeric, categorical = column_kinds(data)
    dataset = data / ("baseline" if task == "baseline" else "current")
    pattern = str(dataset / "capture" / "**" / "*.jsonl")
    con = duckdb.connect()
    fields = ", ".join(
        (
            f"TRY_CAST(NULLIF(f[{i + 1}], '') AS DOUBLE) AS {c}"
            if c in numeric
            else f"NULLIF(f[{i + 1}], '') AS {c}"
        )
        for i, c in enumerate(numeric + categorical)
    )
    con.execute(
        f"""
        CREATE TEMP TABLE t AS
        SELECT {fields} FROM (
            SELECT string_split(
                captureData.endpointOutput.data || ',' || captureData.endpointInput.data, ','
            ) AS f
            FROM read_json('{pattern}', format = 'newline_delimited', ignore_errors = true,
                columns = {{'captureData': 'STRUCT(endpointInput STRUCT(data VARCHAR),
                                                   endpointOutput STRUCT(data VARCHAR))'}})
            WHERE captureData.endpointInput.data IS NOT NULL
        )
        """
    )
    parts = ["count(*)"]
    for c in numeric:
        parts += [
            f"count({c})",
            f"avg({c})",
            f"stddev_pop({c})",
            f"min({c})",
            f"max({c})",
            f"approx_quantile({c}, {DECILES})",
            f"approx_count_distinct({c})",
        ]
        if baseline:
            edges = baseline["columns"][c]["deciles"]
            parts += [f"count_if({c} <= {edge!r})" for edge in edges]
    for c in categorical:
        parts += [f"count({c})", f"approx_count_distinct({c})"]
    row = list(con.execute(f"SELECT {', '.join(parts)} FROM t").fetchone())
    rows = row.pop(0)
    columns, distance = {}, {}
    for c in numeric:
        count, mean, std, low, high, deciles, distinct = row[:7]
        del row[:7]
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "mean": clean(mean),
            "std": clean(std),
            "min": clean(low),
            "max": clean(high),
            "deciles": [clean(d) for d in deciles],
            "distinct": distinct,
        }
        if baseline:
            below = row[:9]
            del row[:9]
            distance[c] = numeric_distance(
                baseline["columns"][c]["deciles"], [b / count for b in below]
            )
    for c in categorical:
        count, distinct = row[:2]
        del row[:2]
        frequencies = dict(
            con.execute(f"SELECT {c}, count(*) FROM t WHERE {c} IS NOT NULL GROUP BY 1").fetchall()
        )
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "distinct": distinct,
            "frequencies": frequencies,
        }
        if baseline:
            distance[c] = categorical_distance(baseline["columns"][c]["frequencies"], frequencies)
    write_summary(out, "duckdb-light", rows, columns, distance if baseline else None)


# ---------------------------------------------------------------------------------------------
# pandas-light: read_csv (C engine, typed), describe with deciles, nunique, value_counts.


def run_pandas(data: Path, task: str, out: Path, baseline: dict | None) -> None:
    import numpy as np
    import pandas as pd

    numeric, categorical = column_kinds(data)
    dataset = data / ("baseline" if task == "baseline" else "current")
    df = pd.read_csv(dataset / "data.csv")
    rows = len(df)
    described = df[numeric].describe(percentiles=DECILES)
    columns, distance = {}, {}
    for c in numeric:
        d = described[c]
        count = int(d["count"])
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "mean": clean(d["mean"]),
            "std": clean(df[c].std(ddof=0)),
            "min": clean(d["min"]),
            "max": clean(d["max"]),
            "deciles": [clean(d[f"{int(p * 100)}%"]) for p in DECILES],
            "distinct": int(df[c].nunique()),
        }
        if baseline:
            values = df[c].dropna().to_numpy()
            edges = np.array(baseline["columns"][c]["deciles"])
            cdf = (values[:, None] <= edges[None, :]).sum(axis=0) / len(values)
            distance[c] = numeric_distance(list(edges), cdf.tolist())
    for c in categorical:
        frequencies = {str(k): int(v) for k, v in df[c].value_counts().items()}
        count = int(df[c].count())
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "distinct": len(frequencies),
            "frequencies": frequencies,
        }
        if baseline:
            distance[c] = categorical_distance(baseline["columns"][c]["frequencies"], frequencies)
    write_summary(out, "pandas-light", rows, columns, distance if baseline else None)


# ---------------------------------------------------------------------------------------------
# polars-light: read_csv (typed), one select of all aggregates, value_counts.


def run_polars(data: Path, task: str, out: Path, baseline: dict | None) -> None:
    import polars as pl

    numeric, categorical = column_kinds(data)
    dataset = data / ("baseline" if task == "baseline" else "current")
    df = pl.read_csv(dataset / "data.csv")
    rows = df.height
    exprs = []
    for c in numeric:
        col = pl.col(c)
        exprs += [
            col.count().alias(f"{c}|count"),
            col.mean().alias(f"{c}|mean"),
            col.std(ddof=0).alias(f"{c}|std"),
            col.min().cast(pl.Float64).alias(f"{c}|min"),
            col.max().cast(pl.Float64).alias(f"{c}|max"),
            col.drop_nulls().n_unique().alias(f"{c}|distinct"),
        ]
        exprs += [col.quantile(p).alias(f"{c}|q{i}") for i, p in enumerate(DECILES)]
        if baseline:
            edges = baseline["columns"][c]["deciles"]
            exprs += [(col <= edge).sum().alias(f"{c}|below{i}") for i, edge in enumerate(edges)]
    for c in categorical:
        exprs += [
            pl.col(c).count().alias(f"{c}|count"),
            pl.col(c).drop_nulls().n_unique().alias(f"{c}|distinct"),
        ]
    result = df.select(exprs).row(0, named=True)
    columns, distance = {}, {}
    for c in numeric:
        count = result[f"{c}|count"]
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "mean": clean(result[f"{c}|mean"]),
            "std": clean(result[f"{c}|std"]),
            "min": clean(result[f"{c}|min"]),
            "max": clean(result[f"{c}|max"]),
            "deciles": [clean(result[f"{c}|q{i}"]) for i in range(9)],
            "distinct": result[f"{c}|distinct"],
        }
        if baseline:
            cdf = [result[f"{c}|below{i}"] / count for i in range(9)]
            distance[c] = numeric_distance(baseline["columns"][c]["deciles"], cdf)
    for c in categorical:
        counts = df.get_column(c).drop_nulls().value_counts()
        labels, tallies = counts.get_column(c).to_list(), counts.get_column("count").to_list()
        frequencies = dict(zip(labels, tallies, strict=True))
        count = result[f"{c}|count"]
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "distinct": result[f"{c}|distinct"],
            "frequencies": frequencies,
        }
        if baseline:
            distance[c] = categorical_distance(baseline["columns"][c]["frequencies"], frequencies)
    write_summary(out, "polars-light", rows, columns, distance if baseline else None)


# ---------------------------------------------------------------------------------------------
# whylogs: pandas read_csv + why.log (KLL and HLL sketches); drift from two profile views.


def run_whylogs(data: Path, task: str, out: Path, baseline: dict | None) -> None:
    import pandas as pd
    import whylogs as why

    numeric, categorical = column_kinds(data)
    dataset = data / ("baseline" if task == "baseline" else "current")
    df = pd.read_csv(dataset / "data.csv")
    view = why.log(df).view()
    rows = len(df)
    columns = {}
    for c in numeric + categorical:
        col = view.get_column(c)
        counts = col.get_metric("counts").to_summary_dict()
        missing = int(counts.get("null", 0))  # whylogs counts NaN both in "null" and "nan"
        count = int(counts["n"]) - missing
        cardinality = col.get_metric("cardinality").to_summary_dict()
        entry = {"count": count, "missing": missing, "distinct": round(cardinality["est"])}
        if c in numeric:
            dist = col.get_metric("distribution")
            kll = dist.kll.value
            entry.update(
                mean=clean(dist.mean.value),
                std=clean(dist.stddev),
                min=clean(dist.min),
                max=clean(dist.max),
                deciles=[clean(q) for q in kll.get_quantiles(DECILES)],
            )
        else:
            frequent = col.get_metric("frequent_items").to_summary_dict()
            entry["frequencies"] = {
                item.value: int(item.est) for item in frequent["frequent_strings"]
            }
        columns[c] = entry
    distance = None
    if task == "baseline":
        view.write(str(out / "profile.bin"))
    else:
        from whylogs.core.view.dataset_profile_view import DatasetProfileView
        from whylogs.viz.drift.column_drift_algorithms import calculate_drift_scores

        baseline_out = out.parent / out.name.replace("monitor", "baseline")
        reference = DatasetProfileView.read(str(baseline_out / "profile.bin"))
        scores = calculate_drift_scores(
            target_view=view, reference_view=reference, with_thresholds=True
        )
        distance = {c: clean((s or {}).get("statistic")) for c, s in scores.items()}
    write_summary(out, "whylogs", rows, columns, distance)


# ---------------------------------------------------------------------------------------------
# Evidently: pandas read_csv + Report(DataSummaryPreset[, DataDriftPreset with reference data]).


def run_evidently(data: Path, task: str, out: Path, baseline: dict | None) -> None:
    import pandas as pd
    from evidently import DataDefinition, Dataset, Report
    from evidently.presets import DataDriftPreset, DataSummaryPreset

    numeric, categorical = column_kinds(data)
    definition = DataDefinition(numerical_columns=numeric, categorical_columns=categorical)
    current = pd.read_csv(data / ("baseline" if task == "baseline" else "current") / "data.csv")
    current_ds = Dataset.from_pandas(current, data_definition=definition)
    if task == "baseline":
        snapshot = Report([DataSummaryPreset()]).run(current_data=current_ds)
    else:
        reference = pd.read_csv(data / "baseline" / "data.csv")
        reference_ds = Dataset.from_pandas(reference, data_definition=definition)
        report = Report([DataSummaryPreset(), DataDriftPreset()])
        snapshot = report.run(current_data=current_ds, reference_data=reference_ds)
    result = snapshot.dict()
    (out / "evidently.json").write_text(json.dumps(result, default=str)[:10_000_000])
    write_summary(out, "evidently", len(current), {}, None)


# ---------------------------------------------------------------------------------------------
# PyDeequ on Spark local mode: CSV with an explicit schema, Deequ analyzers in one AnalysisRunner
# (Size, Completeness, Mean, StandardDeviation, Minimum, Maximum, ApproxQuantiles,
# ApproxCountDistinct, Histogram; for monitoring also Compliance at the baseline deciles).


def run_pydeequ(data: Path, task: str, out: Path, baseline: dict | None) -> None:
    os.environ.setdefault("SPARK_VERSION", "3.5")
    from pyspark.sql import SparkSession
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    jar_path = os.environ["BENCH_DEEQU_JARS"]
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bench-pydeequ")
        .config("spark.jars", jar_path)
        .config("spark.driver.memory", "4g")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    from pydeequ.analyzers import (
        AnalysisRunner,
        AnalyzerContext,
        ApproxCountDistinct,
        ApproxQuantiles,
        Completeness,
        Compliance,
        Histogram,
        Maximum,
        Mean,
        Minimum,
        Size,
        StandardDeviation,
    )

    numeric, categorical = column_kinds(data)
    schema = StructType(
        [StructField(c, DoubleType()) for c in numeric]
        + [StructField(c, StringType()) for c in categorical]
    )
    dataset = data / ("baseline" if task == "baseline" else "current")
    df = spark.read.csv(str(dataset / "data.csv"), header=True, schema=schema)
    runner = AnalysisRunner(spark).onData(df).addAnalyzer(Size())
    for c in numeric:
        for analyzer in (
            Completeness,
            Mean,
            StandardDeviation,
            Minimum,
            Maximum,
            ApproxCountDistinct,
        ):
            runner = runner.addAnalyzer(analyzer(c))
        runner = runner.addAnalyzer(ApproxQuantiles(c, DECILES))
        if baseline:
            for i, edge in enumerate(baseline["columns"][c]["deciles"]):
                runner = runner.addAnalyzer(Compliance(f"{c}|below{i}", f"`{c}` <= {edge!r}"))
    for c in categorical:
        for analyzer in (Completeness, ApproxCountDistinct):
            runner = runner.addAnalyzer(analyzer(c))
        runner = runner.addAnalyzer(Histogram(c))
    result = runner.run()
    metrics = AnalyzerContext.successMetricsAsJson(spark, result)
    spark.stop()
    values: dict[tuple[str, str], float] = {}
    for m in metrics:
        values[(m["instance"], m["name"])] = m["value"]
    rows = int(values[("*", "Size")])
    columns, distance = {}, {}
    for c in numeric:
        count = round(values[(c, "Completeness")] * rows)
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "mean": values.get((c, "Mean")),
            "std": values.get((c, "StandardDeviation")),
            "min": values.get((c, "Minimum")),
            "max": values.get((c, "Maximum")),
            "deciles": [values.get((c, f"ApproxQuantiles-{p}")) for p in DECILES],
            "distinct": round(values.get((c, "ApproxCountDistinct"), 0)),
        }
        if baseline and count:
            # Compliance is the share of all rows; the CDF is over non-null values.
            cdf = [values[(f"{c}|below{i}", "Compliance")] * rows / count for i in range(9)]
            distance[c] = numeric_distance(baseline["columns"][c]["deciles"], cdf)
    for c in categorical:
        count = round(values[(c, "Completeness")] * rows)
        frequencies = {}
        for (instance, name), value in values.items():
            if instance == c and name.startswith("Histogram.abs."):
                label = name[len("Histogram.abs.") :]
                if label != "NullValue":
                    frequencies[label] = int(value)
        columns[c] = {
            "count": count,
            "missing": rows - count,
            "distinct": round(values.get((c, "ApproxCountDistinct"), 0)),
            "frequencies": frequencies,
        }
        if baseline:
            distance[c] = categorical_distance(baseline["columns"][c]["frequencies"], frequencies)
    write_summary(out, "pydeequ", rows, columns, distance if baseline else None)


TOOLS = {
    "duckdb-light": run_duckdb,
    "pandas-light": run_pandas,
    "polars-light": run_polars,
    "whylogs": run_whylogs,
    "evidently": run_evidently,
    "pydeequ": run_pydeequ,
}


def main() -> None:
    parser = argparse.ArgumentParser(description="Run one peer on one benchmark task.")
    parser.add_argument("tool", choices=sorted([*TOOLS, *FAIR_TOOLS]))
    parser.add_argument("task", choices=["baseline", "monitor"])
    parser.add_argument(
        "--input", choices=["capture", "csv"], default="capture", help="fair variants only"
    )
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--baseline-summary", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    baseline = None
    if args.task == "monitor":
        if args.baseline_summary is None:
            sys.exit("monitor needs --baseline-summary")
        baseline = json.loads(args.baseline_summary.read_text())
    if args.tool in FAIR_TOOLS:
        dataset = args.data / ("baseline" if args.task == "baseline" else "current")
        FAIR_TOOLS[args.tool](args.data, dataset, args.input, args.out, baseline)
    else:
        TOOLS[args.tool](args.data, args.task, args.out, baseline)


if __name__ == "__main__":
    main()
