"""Generate the demo: training data, 24 hours of SageMaker data captures with drift, and results.

Run by ``make examples`` (or ``python examples/generate.py``). Standard library only; a fixed seed
makes every run with the same ``--start`` produce the same bytes. The captures cover the 24 hours
before generation (``--start`` pins them, as the browser tests do), so a demo generated today can
be monitored over recent windows. Writes, under ``examples/``:

- ``data/training.csv``: a churn-like table with a header, the model's score first (as a SageMaker
  baseline data set puts the prediction first), then 10 numeric and 4 categorical features.
- ``captures/<endpoint>/AllTraffic/yyyy/mm/dd/HH/MM-SS-mmm-<uuid>.jsonl``: SageMaker data-capture
  JSON lines (FORMATS §1.1). Drift starts at hour 12 and grows: higher charges and support calls, a
  new payment method, more missing credit scores, higher scores. A few lines are malformed.
- ``baseline/`` and ``monitoring/<run>/``: produced by the ``model-monitor`` CLI when it is built.
- ``baseline-by-region/`` and ``monitoring/by-region/yyyy/mm/dd/HH/``: the same, segmented by
  ``region`` (``--segment-by region``): each region's files under ``segments/``, a run per 6 hours.

To capture live traffic instead, ``examples/model_server.py`` serves a toy churn model for rows of
``data/training.csv``'s input columns and writes the same capture layout under ``--capture-dir``
(``python examples/model_server.py --capture-dir captures --sampling-percentage 100``).
"""

import argparse
import csv
import json
import math
import random
import shutil
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from jupyterlab_model_monitor.engine import find_cli, find_node

SEED = 20261101
EXAMPLES = Path(__file__).resolve().parent
REPO = EXAMPLES.parent
ENDPOINT = "churn-endpoint"
VARIANT = "AllTraffic"
HOURS = 24
START = datetime(2026, 11, 1, tzinfo=timezone.utc)  # the first captured hour; main() sets it
DRIFT_FROM_HOUR = 12
TRAINING_ROWS = 10_000
REQUESTS_PER_HOUR = 240
FILES_PER_HOUR = 4
MALFORMED_HOURS = {3, 13, 20}  # one broken line in one file of these hours

SCORE = "churn_score"
NUMERIC = [
    "account_age_months",
    "age",
    "monthly_charges",
    "total_charges",
    "support_calls",
    "data_usage_gb",
    "avg_call_minutes",
    "dependents",
    "credit_score",
    "late_payments",
]
CATEGORICAL = ["contract", "payment_method", "region", "plan"]
COLUMNS = [SCORE, *NUMERIC, *CATEGORICAL]

CONTRACTS = (["month-to-month", "one-year", "two-year"], [0.55, 0.25, 0.20])
PAYMENTS = (["card", "bank-transfer", "e-check", "mailed-check"], [0.4, 0.3, 0.2, 0.1])
REGIONS = (["north", "south", "east", "west", "central"], [0.25, 0.2, 0.2, 0.2, 0.15])
PLANS = (["basic", "standard", "premium"], [0.5, 0.35, 0.15])
NEW_PAYMENT = "crypto-wallet"  # appears only after drift starts


def drift_level(hour):
    """0 before DRIFT_FROM_HOUR, then rising linearly to 1 at the last hour."""
    if hour < DRIFT_FROM_HOUR:
        return 0.0
    return (hour - DRIFT_FROM_HOUR + 1) / (HOURS - DRIFT_FROM_HOUR)


def pick(rng, choices):
    values, weights = choices
    return rng.choices(values, weights)[0]


def clamp(value, low, high):
    return max(low, min(high, value))


def make_customer(rng, drift):
    """One feature row (a dict); ``drift`` in [0, 1] shifts the distributions."""
    months = rng.randint(1, 72)
    charges = round(clamp(rng.gauss(65 * (1 + 0.4 * drift), 20), 18, 250), 2)
    payment = NEW_PAYMENT if rng.random() < 0.3 * drift else pick(rng, PAYMENTS)
    credit_missing = rng.random() < 0.35 * drift
    return {
        "account_age_months": months,
        "age": clamp(int(rng.gauss(45, 14)), 18, 90),
        "monthly_charges": charges,
        "total_charges": round(charges * months * rng.uniform(0.9, 1.05), 2),
        "support_calls": min(int(rng.expovariate(1 / (1.5 + 3 * drift))), 20),
        "data_usage_gb": round(rng.lognormvariate(2.3, 0.6), 2),
        "avg_call_minutes": round(clamp(rng.gauss(7.5, 3), 0.1, 40), 2),
        "dependents": rng.choices([0, 1, 2, 3, 4], [0.45, 0.25, 0.18, 0.09, 0.03])[0],
        "credit_score": None if credit_missing else clamp(int(rng.gauss(680, 60)), 300, 850),
        "late_payments": min(int(rng.expovariate(1 / 0.8)), 12),
        "contract": pick(rng, CONTRACTS),
        "payment_method": payment,
        "region": pick(rng, REGIONS),
        "plan": pick(rng, PLANS),
    }


def churn_score(row):
    """The demo 'model': a fixed logistic function of the features."""
    z = (
        -2.0
        + 0.025 * (row["monthly_charges"] - 65)
        + 0.35 * row["support_calls"]
        - 0.03 * row["account_age_months"]
        + 0.25 * row["late_payments"]
        + (0.9 if row["contract"] == "month-to-month" else 0.0)
        - 0.004 * ((row["credit_score"] or 680) - 680)
    )
    return round(1 / (1 + math.exp(-z)), 6)


def csv_cell(value):
    return "" if value is None else str(value)


def write_training(rng, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(COLUMNS)
        for _ in range(TRAINING_ROWS):
            row = make_customer(rng, 0.0)
            writer.writerow([churn_score(row)] + [csv_cell(row[c]) for c in NUMERIC + CATEGORICAL])


def capture_record(rng, row, when):
    """One SageMaker capture line: features in, score out (CSV, no header)."""
    features = ",".join(csv_cell(row[c]) for c in NUMERIC + CATEGORICAL)
    return {
        "captureData": {
            "endpointInput": {
                "observedContentType": "text/csv",
                "mode": "INPUT",
                "data": features,
                "encoding": "CSV",
            },
            "endpointOutput": {
                "observedContentType": "text/csv; charset=utf-8",
                "mode": "OUTPUT",
                "data": str(churn_score(row)),
                "encoding": "CSV",
            },
        },
        "eventMetadata": {
            "eventId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "inferenceTime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "eventVersion": "0",
    }


def compact_json(value):
    """JSON without spaces, as SageMaker writes capture lines."""
    return json.dumps(value, separators=(",", ":"))


def malformed_line(rng, good_line):
    """A broken line, as a crashed writer or a partial upload leaves it."""
    if rng.random() < 0.5:
        return good_line[: len(good_line) // 2]
    return "not json at all"


def hour_requests(rng, hour_start, drift):
    """Sorted request times within one hour, each with its feature row."""
    seconds = sorted(rng.uniform(0, 3600) for _ in range(REQUESTS_PER_HOUR))
    return [(hour_start + timedelta(seconds=s), make_customer(rng, drift)) for s in seconds]


def capture_file_name(rng, first_time):
    millis = first_time.microsecond // 1000
    file_id = uuid.UUID(int=rng.getrandbits(128), version=4)
    return f"{first_time:%M-%S}-{millis:03d}-{file_id}.jsonl"


def write_hour(rng, root, hour):
    hour_start = START + timedelta(hours=hour)
    folder = root / ENDPOINT / VARIANT / f"{hour_start:%Y/%m/%d/%H}"
    folder.mkdir(parents=True, exist_ok=True)
    requests = hour_requests(rng, hour_start, drift_level(hour))
    per_file = len(requests) // FILES_PER_HOUR
    for index in range(FILES_PER_HOUR):
        chunk = requests[index * per_file : (index + 1) * per_file]
        lines = [compact_json(capture_record(rng, row, when)) for when, row in chunk]
        if hour in MALFORMED_HOURS and index == 1:
            lines.insert(len(lines) // 2, malformed_line(rng, lines[0]))
        path = folder / capture_file_name(rng, chunk[0][0])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_captures(rng, root):
    shutil.rmtree(root, ignore_errors=True)
    for hour in range(HOURS):
        write_hour(rng, root, hour)


def run_cli(out, node, cli, *args):
    """Run the CLI in ``out``; print its command and a one-line digest of its JSON summary."""
    command = [node, str(cli), *map(str, args)]
    print("  $", " ".join(command))
    done = subprocess.run(command, check=True, cwd=out, stdout=subprocess.PIPE, text=True)
    summary = json.loads(done.stdout)
    violations = summary.get("violations")
    digest = f"{summary.get('itemCount')} rows"
    if violations is not None:
        digest += f", {violations} violations"
    print(f"    {digest}")


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


BASELINE_ARGS = [
    "--baseline-statistics",
    "baseline/statistics.json",
    "--baseline-constraints",
    "baseline/constraints.json",
]


def run_engine(out, node, cli):
    """Baseline the training data, then monitor an early (clean) and a late (drifted) window."""
    shutil.rmtree(out / "baseline", ignore_errors=True)
    training = ["--dataset", "data/training.csv", "--dataset-format", "csv", "--header"]
    run_cli(out, node, cli, "baseline", *training, "--output", "baseline")
    runs = {
        "early-hours": (START, START + timedelta(hours=6)),
        "late-hours": (START + timedelta(hours=HOURS - 6), START + timedelta(hours=HOURS)),
    }
    for name, (start, end) in runs.items():
        shutil.rmtree(out / "monitoring" / name, ignore_errors=True)
        window = ["--start", iso(start), "--end", iso(end)]
        run_cli(out, node, cli, "monitor", "--dataset", f"captures/{ENDPOINT}", *window,
                *BASELINE_ARGS, "--output", f"monitoring/{name}")  # fmt: skip


# -- segments (issue #20 item 5): the same monitoring, each region apart --------------------------

SEGMENT_BY = "region"
SEGMENTED_BASELINE = "baseline-by-region"
SEGMENTED_RUNS = "monitoring/by-region"
SEGMENTED_WINDOW_HOURS = 6


def segmented_windows():
    """(start, end) of the segmented runs: consecutive windows over the captured day."""
    step = SEGMENTED_WINDOW_HOURS
    return [(START + timedelta(hours=h), START + timedelta(hours=h + step))
            for h in range(0, HOURS, step)]  # fmt: skip


def segmented_run_folder(end):
    return f"{SEGMENTED_RUNS}/{end:%Y/%m/%d/%H}"


def run_segmented(out, node, cli):
    """A baseline and a run per window, segmented by region (compared region by region)."""
    shutil.rmtree(out / SEGMENTED_BASELINE, ignore_errors=True)
    shutil.rmtree(out / SEGMENTED_RUNS, ignore_errors=True)
    segment = ["--segment-by", SEGMENT_BY]
    run_cli(out, node, cli, "baseline", "--dataset", "data/training.csv", "--dataset-format",
            "csv", "--header", *segment, "--output", SEGMENTED_BASELINE)  # fmt: skip
    for start, end in segmented_windows():
        window = ["--start", iso(start), "--end", iso(end)]
        run_cli(out, node, cli, "monitor", "--dataset", f"captures/{ENDPOINT}", *window,
                "--baseline-statistics", f"{SEGMENTED_BASELINE}/statistics.json",
                "--baseline-constraints", f"{SEGMENTED_BASELINE}/constraints.json", *segment,
                "--output", segmented_run_folder(end))  # fmt: skip


# -- model quality (issue #10): labels for the captures, a validation set, quality runs ---------

GROUND_TRUTH = "ground-truth"
VALIDATION_ROWS = 2_000
LABEL_DELAYS_HOURS = (1, 2, 3)  # a request's label is uploaded this many hours after its hour
PROBABILITY_THRESHOLD = 0.3  # churn is rare: flag a customer from a 30 % score on
QUALITY_WINDOW_HOURS = 4
QUALITY_BASELINE = "model-quality-baseline"
QUALITY_RUNS = "monitoring/model-quality"
DEMO_STORE = ".model-monitor/monitors.sqlite"  # `make demo` points the server at it


def observed_churn(rng, score, drift):
    """The label that arrives later: the score is calibrated until drift starts; then customers
    behave differently (concept drift) and a growing share of labels ignores the score."""
    if rng.random() < 0.7 * drift:
        return int(rng.random() < 0.3)
    return int(rng.random() < score)


def write_validation(rng, path):
    """Held-out rows with the model's score and the observed label (the quality baseline)."""
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["label", "probability"])
        for _ in range(VALIDATION_ROWS):
            score = churn_score(make_customer(rng, 0.0))
            writer.writerow([observed_churn(rng, score, 0.0), score])


def captured_scores(folder):
    """(eventId, score) of every readable capture line of one hour folder, in file order."""
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # the demo's deliberately broken lines
            score = float(record["captureData"]["endpointOutput"]["data"])
            yield record["eventMetadata"]["eventId"], score


def label_line(event_id, label):
    """One ground-truth record (FORMATS §5.4), joined to its capture by eventId."""
    record = {
        "groundTruthData": {"data": str(label), "encoding": "CSV"},
        "eventMetadata": {"eventId": event_id},
        "eventVersion": "0",
    }
    return compact_json(record)


def write_ground_truth(rng, captures, root):
    """Labels for the captures, uploaded 1-3 hours late into ``<root>/yyyy/mm/dd/HH/``."""
    shutil.rmtree(root, ignore_errors=True)
    uploads = {}
    for hour in range(HOURS):
        hour_start = START + timedelta(hours=hour)
        folder = captures / ENDPOINT / VARIANT / f"{hour_start:%Y/%m/%d/%H}"
        for event_id, score in captured_scores(folder):
            label = observed_churn(rng, score, drift_level(hour))
            upload = hour_start + timedelta(hours=rng.choice(LABEL_DELAYS_HOURS))
            uploads.setdefault(upload, []).append(label_line(event_id, label))
    for upload, lines in sorted(uploads.items()):
        folder = root / ENDPOINT / f"{upload:%Y/%m/%d/%H}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def quality_windows():
    """(start, end) of the model-quality runs: consecutive windows over the captured day."""
    return [
        (START + timedelta(hours=h), START + timedelta(hours=h + QUALITY_WINDOW_HOURS))
        for h in range(0, HOURS, QUALITY_WINDOW_HOURS)
    ]


def quality_run_folder(end):
    """Where a scheduled run at ``end`` writes (the scheduler's yyyy/mm/dd/HH layout)."""
    return f"{QUALITY_RUNS}/{end:%Y/%m/%d/%H}"


QUALITY_ARGS = ["--problem-type", "BinaryClassification",
                "--probability-threshold", str(PROBABILITY_THRESHOLD)]  # fmt: skip


def run_model_quality(out, node, cli):
    """Baseline the validation set, then a model-quality run per window (worse after drift)."""
    shutil.rmtree(out / QUALITY_BASELINE, ignore_errors=True)
    shutil.rmtree(out / QUALITY_RUNS, ignore_errors=True)
    run_cli(out, node, cli, "model-quality", "baseline", "--dataset",
            "data/validation_with_predictions.csv", *QUALITY_ARGS, "--probability-attribute",
            "probability", "--ground-truth-attribute", "label", "--seed", SEED,
            "--output", QUALITY_BASELINE)  # fmt: skip
    for start, end in quality_windows():
        run_cli(out, node, cli, "model-quality", "monitor", "--dataset", f"captures/{ENDPOINT}",
                "--ground-truth", f"{GROUND_TRUTH}/{ENDPOINT}", "--baseline-constraints",
                f"{QUALITY_BASELINE}/constraints.json", *QUALITY_ARGS,
                "--probability-attribute", "0", "--start", iso(start), "--end", iso(end),
                "--seed", SEED, "--output", quality_run_folder(end))  # fmt: skip


def demo_monitors():
    """The monitors `make demo` shows: data quality (also segmented by region), model quality."""
    common = {"schedule": None, "catch_up": "once", "backend": "local", "enabled": True,
              "header": False, "dataset_format": None, "alerts": None}  # fmt: skip
    data_quality = {**common, "name": "churn-data-quality", "dataset": f"captures/{ENDPOINT}",
                    "baseline_statistics": "baseline/statistics.json",
                    "baseline_constraints": "baseline/constraints.json",
                    "output": "monitoring", "window_hours": 6}  # fmt: skip
    model_quality = {**common, "name": "churn-model-quality", "dataset": f"captures/{ENDPOINT}",
                     "baseline_statistics": f"{QUALITY_BASELINE}/statistics.json",
                     "baseline_constraints": f"{QUALITY_BASELINE}/constraints.json",
                     "output": QUALITY_RUNS, "window_hours": QUALITY_WINDOW_HOURS,
                     "monitor_type": "model-quality",
                     "model_quality": {"problem_type": "BinaryClassification",
                                       "ground_truth": f"{GROUND_TRUTH}/{ENDPOINT}",
                                       "probability_attribute": "0",
                                       "probability_threshold": PROBABILITY_THRESHOLD,
                                       "inference_attribute": None,
                                       "ground_truth_attribute": None, "positive_label": None,
                                       "label_lateness_hours": 24}}  # fmt: skip
    data_runs = {
        "monitoring/early-hours": (START, START + timedelta(hours=6)),
        "monitoring/late-hours": (
            START + timedelta(hours=HOURS - 6),
            START + timedelta(hours=HOURS),
        ),
    }
    quality_runs = {quality_run_folder(end): (start, end) for start, end in quality_windows()}
    by_region = {**data_quality, "name": "churn-by-region",
                 "baseline_statistics": f"{SEGMENTED_BASELINE}/statistics.json",
                 "baseline_constraints": f"{SEGMENTED_BASELINE}/constraints.json",
                 "output": SEGMENTED_RUNS, "window_hours": SEGMENTED_WINDOW_HOURS,
                 "segment": {"by": SEGMENT_BY, "max_segments": 20, "baseline": "own"}}  # fmt: skip
    segmented_runs = {segmented_run_folder(end): (start, end) for start, end in segmented_windows()}
    return [(data_quality, data_runs), (model_quality, quality_runs), (by_region, segmented_runs)]


def write_demo_store(out):
    """The demo server's store: its monitors, and the runs above as their finished executions
    (with their metric history), so the panel has results to open from the start."""
    from jupyterlab_model_monitor.metrics import run_metrics
    from jupyterlab_model_monitor.store import Store

    path = out / DEMO_STORE
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    store = Store(path)
    try:
        for monitor_fields, runs in demo_monitors():
            monitor = store.create_monitor(monitor_fields)
            for output, (start, end) in runs.items():
                record_run(store, monitor, out, output, start, end, run_metrics)
    finally:
        store.close()


def record_run(store, monitor, out, output, start, end, run_metrics):
    execution = store.create_execution({"monitor_id": monitor["id"], "trigger": "schedule",
                                        "scheduled_for": iso(end), "window_start": iso(start),
                                        "window_end": iso(end), "output": output})  # fmt: skip
    store.claim_execution(execution["id"], "examples/generate.py")
    from jupyterlab_model_monitor.backends.local import outcome_of

    # The local backend's reading of a run: a segment's violations count as the run's.
    outcome = outcome_of({}, str(out / output), segmented=True)
    store.update_running(execution["id"], state=outcome.state, message=outcome.message,
                         violations=outcome.violations, segments=outcome.segments,
                         progress=1.0)  # fmt: skip
    store.record_metrics(execution, run_metrics(str(out / output)))


def default_start(now):
    """The first of the 24 hours that end with the hour before `now` (UTC)."""
    return now.astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0) - timedelta(
        hours=HOURS
    )


def parse_start(text):
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or (moment.minute, moment.second) != (0, 0):
        example = "2026-11-01T00:00:00Z"
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole UTC hour, as {example}")
    return moment.astimezone(timezone.utc)


def main(argv=None):
    global START
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-engine", action="store_true", help="only write data and captures")
    parser.add_argument("--output", type=Path, default=EXAMPLES, help="default: examples/")
    parser.add_argument(
        "--start",
        type=parse_start,
        help="first captured hour, as 2026-11-01T00:00:00Z (default: 24 hours before now)",
    )
    args = parser.parse_args(argv)
    START = args.start or default_start(datetime.now(timezone.utc))
    out = args.output.resolve()
    sys.stdout.reconfigure(line_buffering=True)  # keep our lines in order with the CLI's stderr

    rng = random.Random(SEED)
    write_training(rng, out / "data" / "training.csv")
    print(f"wrote {out}/data/training.csv ({TRAINING_ROWS} rows)")
    write_captures(rng, out / "captures")
    print(f"wrote {out}/captures/{ENDPOINT}/{VARIANT}/ ({HOURS} hours from {iso(START)})")
    quality_rng = random.Random(SEED + 10)  # its own stream: the files above stay as they were
    write_validation(quality_rng, out / "data" / "validation_with_predictions.csv")
    write_ground_truth(quality_rng, out / "captures", out / GROUND_TRUTH)
    print(f"wrote {out}/data/validation_with_predictions.csv and {out}/{GROUND_TRUTH}/")

    if args.skip_engine:
        return 0
    cli, node = find_cli(), find_node()
    if cli is None or node is None:
        missing = "the CLI bundle (run `npm run build:cli`)" if cli is None else "node"
        print(f"skipping baseline and monitoring: {missing} not found", file=sys.stderr)
        return 0
    run_engine(out, node, cli)
    print(f"wrote {out}/baseline/ and {out}/monitoring/{{early-hours,late-hours}}/")
    run_segmented(out, node, cli)
    print(f"wrote {out}/{SEGMENTED_BASELINE}/ and {out}/{SEGMENTED_RUNS}/")
    run_model_quality(out, node, cli)
    write_demo_store(out)
    print(f"wrote {out}/{QUALITY_BASELINE}/, {out}/{QUALITY_RUNS}/ and {out}/{DEMO_STORE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
