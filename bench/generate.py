"""Generate reproducible benchmark data for bench/run.py.

For one size label (``100MB`` by default) this writes two datasets, ``baseline`` (training-like
data) and ``current`` (the same generator with drift in a few columns), each in three forms holding
the same valid rows:

    bench/data/<label>/<dataset>/capture/bench-endpoint/AllTraffic/yyyy/mm/dd/HH/*.jsonl
    bench/data/<label>/<dataset>/data.csv      (header row, same rows, no malformed lines)
    bench/data/<label>/<dataset>/data.arrow    (Arrow IPC file, typed columns)

Capture records carry a CSV payload of 25 features (20 numeric, 5 categorical) in endpointInput and
the model score in endpointOutput, so a capture row is ``score, num_00..num_19, cat_0..cat_4`` as in
SageMaker (output columns first). Some cells are missing (empty CSV fields) and a few capture lines
are malformed (truncated JSON, or a record without captureData); those lines appear only in
the capture files. The size is the size of the capture files of one dataset.

Usage: python bench/generate.py [--size 100MB|1GB|10MB] [--seed 7] [--force]
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / "data"
ENDPOINT = "bench-endpoint"
FILE_TARGET_BYTES = 8 * 1024 * 1024  # one capture file per ~8 MiB, two files per hour folder
CHUNK_ROWS = 50_000
MALFORMED_EVERY = 10_000  # one malformed capture line per this many records
NUMERIC = [f"num_{i:02d}" for i in range(20)]
CATEGORICAL = [f"cat_{i}" for i in range(5)]
COLUMNS = ["score", *NUMERIC, *CATEGORICAL]
CATEGORY_CARDINALITY = [4, 12, 60, 1000, 50_000]
START_TIME = datetime(2024, 5, 1, tzinfo=timezone.utc)


def parse_size(text: str) -> int:
    units = {"KB": 1024, "MB": 1024**2, "GB": 1024**3}
    text = text.strip().upper()
    for unit, factor in units.items():
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def numeric_column(rng: np.random.Generator, index: int, n: int, drift: bool) -> pl.Series:
    """One of five distribution families, by column index; drift shifts some of them."""
    shift = 1.0 if drift and index % 4 == 0 else 0.0
    kind = index % 5
    if kind == 0:
        values = np.round(rng.normal(50.0 + 10.0 * shift, 12.0, n), 4)
    elif kind == 1:
        values = np.round(rng.lognormal(2.0 + 0.3 * shift, 0.8, n), 4)
    elif kind == 2:
        values = rng.integers(0, 1000 + int(200 * shift), n).astype(np.float64)
    elif kind == 3:
        values = rng.poisson(3.0 + shift, n).astype(np.float64)
    else:
        values = np.round(rng.uniform(-1.0, 1.0 + shift, n), 6)
    missing = rng.random(n) < 0.02 * (1 + index % 3)
    series = pl.Series(NUMERIC[index], values)
    if kind in (2, 3):
        series = series.cast(pl.Int64)
    return series.scatter(np.flatnonzero(missing), None)


def categorical_column(rng: np.random.Generator, index: int, n: int, drift: bool) -> pl.Series:
    cardinality = CATEGORY_CARDINALITY[index]
    # Zipf-like weights so that some categories dominate; drift reverses them for cat_1.
    weights = 1.0 / np.arange(1, cardinality + 1) ** 0.8
    if drift and index == 1:
        weights = weights[::-1]
    codes = rng.choice(cardinality, size=n, p=weights / weights.sum())
    labels = np.array([f"c{index}_{k:05d}" for k in range(cardinality)])
    values = pl.Series(CATEGORICAL[index], labels[codes])
    missing = rng.random(n) < 0.05
    return values.scatter(np.flatnonzero(missing), None)


def make_chunk(rng: np.random.Generator, n: int, drift: bool) -> pl.DataFrame:
    score = np.round(rng.beta(2.0 + drift, 5.0, n), 6)
    columns = [pl.Series("score", score)]
    columns += [numeric_column(rng, i, n, drift) for i in range(len(NUMERIC))]
    columns += [categorical_column(rng, i, n, drift) for i in range(len(CATEGORICAL))]
    return pl.DataFrame(columns)


def csv_lines(frame: pl.DataFrame) -> list[str]:
    text = frame.write_csv(include_header=False, float_precision=None, null_value="")
    return text.rstrip("\n").split("\n")


CAPTURE_TEMPLATE = (
    '{{"captureData":{{"endpointInput":{{"observedContentType":"text/csv","mode":"INPUT",'
    '"data":"{features}","encoding":"CSV"}},"endpointOutput":{{"observedContentType":'
    '"text/csv; charset=utf-8","mode":"OUTPUT","data":"{score}","encoding":"CSV"}}}},'
    '"eventMetadata":{{"eventId":"{event_id}","inferenceTime":"{time}"}},"eventVersion":"0"}}'
)


def capture_line(rng_bytes: bytes, when: datetime, row: str) -> str:
    """One capture record as compact JSON (payloads hold no character that needs escaping)."""
    score, _, features = row.partition(",")
    return CAPTURE_TEMPLATE.format(
        features=features,
        score=score,
        event_id=uuid.UUID(bytes=rng_bytes, version=4),
        time=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
    )


class CaptureWriter:
    """Writes capture lines into ~8 MiB files, two per hour folder, SageMaker's naming."""

    def __init__(self, root: Path, rng: np.random.Generator):
        self.root = root
        self.rng = rng
        self.file_index = 0
        self.handle: io.TextIOBase | None = None
        self.written = 0
        self.total = 0
        self.records = 0

    def hour(self) -> datetime:
        return START_TIME + timedelta(hours=self.file_index // 2)

    def open_next(self) -> None:
        if self.handle:
            self.handle.close()
            self.file_index += 1
        hour = self.hour()
        folder = self.root / hour.strftime("%Y/%m/%d/%H")
        folder.mkdir(parents=True, exist_ok=True)
        minute = 30 * (self.file_index % 2)
        name = f"{minute:02d}-00-000-{uuid.UUID(bytes=self.rng.bytes(16), version=4)}.jsonl"
        self.handle = open(folder / name, "w", encoding="utf-8", newline="\n")
        self.written = 0

    def write_rows(self, rows: list[str], limit: int) -> int:
        """Write rows until the capture reaches `limit` bytes; return how many were written."""
        for count, row in enumerate(rows):
            if self.total >= limit:
                return count
            if self.handle is None or self.written >= FILE_TARGET_BYTES:
                self.open_next()
            when = self.hour() + timedelta(seconds=int(self.written * 1800 // FILE_TARGET_BYTES))
            line = capture_line(self.rng.bytes(16), when, row) + "\n"
            self.records += 1
            if self.records % MALFORMED_EVERY == 0:
                self.write_malformed(when)
            self.handle.write(line)
            self.written += len(line)
            self.total += len(line)
        return len(rows)

    def write_malformed(self, when: datetime) -> None:
        """A truncated JSON line and a record without captureData (both rejected)."""
        good = capture_line(self.rng.bytes(16), when, "0.5,1,2,3")
        event_id = uuid.UUID(bytes=self.rng.bytes(16), version=4)
        no_capture = f'{{"eventMetadata":{{"eventId":"{event_id}"}},"eventVersion":"0"}}'
        for line in (good[: len(good) // 2] + "\n", no_capture + "\n"):
            self.handle.write(line)
            self.written += len(line)
            self.total += len(line)

    def close(self) -> None:
        if self.handle:
            self.handle.close()


def arrow_schema() -> pa.Schema:
    fields = [pa.field("score", pa.float64())]
    for i, name in enumerate(NUMERIC):
        fields.append(pa.field(name, pa.int64() if i % 5 in (2, 3) else pa.float64()))
    fields += [pa.field(name, pa.string()) for name in CATEGORICAL]
    return pa.schema(fields)


def generate_dataset(target: Path, size: int, seed: int, drift: bool) -> dict:
    rng = np.random.default_rng(seed)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    capture_root = target / "capture" / ENDPOINT / "AllTraffic"
    writer = CaptureWriter(capture_root, np.random.default_rng(seed + 1000))
    schema = arrow_schema()
    rows = 0
    with (
        open(target / "data.csv", "w", encoding="utf-8", newline="\n") as csv_out,
        ipc.new_file(str(target / "data.arrow"), schema) as arrow_out,
    ):
        csv_out.write(",".join(COLUMNS) + "\n")
        while writer.total < size:
            frame = make_chunk(rng, CHUNK_ROWS, drift)
            lines = csv_lines(frame)
            written = writer.write_rows(lines, size)
            if written < len(lines):  # the last chunk: keep the rows the capture holds
                lines = lines[:written]
                frame = frame.head(written)
            csv_out.write("\n".join(lines) + "\n")
            arrow_out.write_table(frame.to_arrow().cast(schema))
            rows += len(lines)
    writer.close()
    return {
        "rows": rows,
        "capture_records": writer.records,
        "malformed_lines": 2 * (writer.records // MALFORMED_EVERY),
        "capture_files": writer.file_index + 1,
        "capture_bytes": writer.total,
        "csv_bytes": (target / "data.csv").stat().st_size,
        "arrow_bytes": (target / "data.arrow").stat().st_size,
    }


def generate(label: str, seed: int, force: bool = False) -> Path:
    """Generate both datasets for a size label unless they exist with the same parameters."""
    size = parse_size(label)
    root = DATA_DIR / label
    manifest_path = root / "manifest.json"
    params = {"size": size, "seed": seed, "generator_version": 4}
    if not force and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("params") == params:
            return root
    root.mkdir(parents=True, exist_ok=True)
    manifest = {"params": params, "columns": COLUMNS, "datasets": {}}
    for name, dataset_seed, drift in (("baseline", seed, False), ("current", seed + 1, True)):
        started = time.monotonic()
        info = generate_dataset(root / name, size, dataset_seed, drift)
        info["seconds"] = round(time.monotonic() - started, 1)
        manifest["datasets"][name] = info
        print(f"generated {label}/{name}: {json.dumps(info)}", flush=True)
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size", default="100MB", help="capture size per dataset: 10MB, 100MB, 1GB"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="regenerate even if present")
    args = parser.parse_args()
    print(generate(args.size.upper(), args.seed, args.force))


if __name__ == "__main__":
    main()
