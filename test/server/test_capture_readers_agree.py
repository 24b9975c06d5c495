"""The Spark job's capture reader (spark_job/capture_rows.py, which runs where Node does not) and
the engine's agree on the same files: records, rows, and rejected records by kind. Over the
bad-input corpus's captures and seeded generated edge cases. Needs the built CLI.

Known and listed differences (docs/deequ-agreement.md): the job's Spark text reader replaces
invalid UTF-8 (the engine rejects the line as ``invalid_utf8``), the job has no record-length
limit, and it reports no warnings (``template_time``, ``encoding_mismatch``), only rejections.
"""

import base64
import json
import random
import subprocess
from pathlib import Path

import pytest

from jupyterlab_model_monitor.engine import find_cli, find_node
from jupyterlab_model_monitor.spark_job.capture_rows import Problem, capture_rows, file_records

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "test" / "badinput"
WARNINGS = {"template_time", "encoding_mismatch"}


def engine_answers(file, output):
    result = subprocess.run(
        [
            find_node(),
            find_cli(),
            "baseline",
            "--dataset",
            str(file),
            "--dataset-format",
            "sagemaker_capture_json",
            "--max-error-rate",
            "1",
            "--workers",
            "1",
            "--progress",
            "none",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    run = json.loads(result.stdout)
    counts = {k: v for k, v in run["diagnostics"]["counts"].items() if k not in WARNINGS}
    records = run["records"]
    return {"records": records["records"], "rows": records["rows"], "rejected": counts}


def job_answers(file):
    records, rows, rejected = 0, 0, {}
    for _, outcome in file_records(Path(file).read_text(encoding="utf-8")):
        records += 1
        if isinstance(outcome, Problem):
            rejected[outcome.kind] = rejected.get(outcome.kind, 0) + 1
        else:
            rows += len(outcome)
    return {"records": records, "rows": rows, "rejected": rejected}


def b64(text):
    return base64.b64encode(text.encode()).decode()


def generated_side(rng, mode):
    """One side of a capture, plausible most of the time and odd some of the time."""
    csv_data = ",".join(rng.choice(["1", "2.5", "", "x", "-3", "1e5"]) for _ in range(3))
    data, encoding, content_type = rng.choice(
        [
            (csv_data, "CSV", "text/csv"),
            (csv_data, "CSV", "text/csv"),
            (csv_data + "\n" + csv_data, "CSV", "text/csv; charset=utf-8"),
            ("1,2", "csv", "text/csv"),
            ("1,2,3,4", "CSV", "text/csv"),
            ('{"a": 1, "b": [2, "x"]}', "JSON", "application/json"),
            ('{"b": 1, "a": {"d": null, "c": true}}', "JSON", "application/json"),
            ('{"instances": [{"a": 1}, {"a": 2}]}', "JSON", "application/json"),
            ('{"a": 1}\n{"a": 2}', "JSON", "application/jsonlines"),
            ("{oops", "JSON", "application/json"),
            (b64(csv_data), "BASE64", "text/csv"),
            (b64('{"a": 3}'), "BASE64", "application/json"),
            ("%%%", "BASE64", "text/csv"),
            (b64("1"), "BASE64", "image/png"),
            (csv_data, "", "text/csv"),
            (csv_data, None, None),
            (csv_data, "ROT13", "text/plain"),
            (csv_data, 7, "text/csv"),
            (5, "CSV", "text/csv"),
            (csv_data, "CSV", 3),
        ]
    )
    side = {"observedContentType": content_type, "mode": mode, "data": data}
    if encoding is not None:
        side["encoding"] = encoding
    return side


def generated_line(rng):
    kind = rng.random()
    if kind < 0.04:
        return rng.choice(["", "   ", "not json", "[]", "null", '{"eventVersion": "0"}'])
    capture = {}
    if kind < 0.1:
        # Sides JavaScript takes for false are absent; any other non-object is a bad side.
        capture["endpointInput"] = rng.choice(["x", "", 0, False, None, [], 1])
    elif rng.random() < 0.95:
        capture["endpointInput"] = generated_side(rng, "INPUT")
    if rng.random() < 0.9:
        capture["endpointOutput"] = generated_side(rng, "OUTPUT")
    time = rng.choice(["2026-11-01T10:00:00Z", "{%s}"])
    record = {"captureData": capture, "eventMetadata": {"eventId": "e", "inferenceTime": time}}
    return json.dumps(record, separators=(",", ":") if rng.random() < 0.5 else (", ", ": "))


def generated_file(path, seed):
    rng = random.Random(seed)
    ending = rng.choice(["\n", "\r\n"])
    text = ending.join(generated_line(rng) for _ in range(60))
    path.write_text(("\ufeff" if rng.random() < 0.3 else "") + text, encoding="utf-8")
    return path


CORPUS_CAPTURES = sorted(p.name for p in CORPUS.glob("capture-*.jsonl"))


@pytest.fixture(scope="module")
def engine_verdicts(tmp_path_factory):
    """The engine reader's verdict on each line (capture_verdicts.ts, bundled with esbuild)."""
    script = tmp_path_factory.mktemp("verdicts") / "verdicts.cjs"
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    source = Path(__file__).with_name("capture_verdicts.ts")
    bundle = [esbuild, source, "--bundle", "--platform=node", f"--outfile={script}"]
    subprocess.run([str(part) for part in bundle], check=True, capture_output=True)

    def verdicts(lines):
        result = subprocess.run(
            [find_node(), str(script)],
            input="\n".join(lines),
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout.split("\n")[: len(lines)]

    return verdicts


def job_verdict(line):
    outcome = capture_rows(line)
    if isinstance(outcome, Problem):
        return f"{outcome.kind}:{outcome.field}"
    return json.dumps(outcome, separators=(",", ":"), ensure_ascii=False)


def test_each_line_gives_the_same_cells_or_the_same_rejection(engine_verdicts):
    """Line by line: the same cells (text and nulls) or the same problem kind and field."""
    lines = [line for p in CORPUS.glob("capture-*.jsonl") for line in p.read_text().splitlines()]
    for seed in range(20):
        rng = random.Random(1000 + seed)
        lines += [generated_line(rng) for _ in range(60)]
    lines = [line for line in lines if line.strip()]
    job = [job_verdict(line) for line in lines]
    assert len(set(job)) > 50 and any(v.startswith("[") for v in job)
    differing = [
        (j, e, line)
        for j, e, line in zip(job, engine_verdicts(lines), lines, strict=True)
        if j != e
    ]
    assert differing == []


@pytest.mark.parametrize("name", CORPUS_CAPTURES)
def test_corpus_captures_read_alike(name, tmp_path):
    file = CORPUS / name
    assert job_answers(file) == engine_answers(file, tmp_path / "out")


@pytest.mark.parametrize("seed", range(12))
def test_generated_captures_read_alike(seed, tmp_path):
    file = generated_file(tmp_path / "captures.jsonl", seed)
    job = job_answers(file)
    assert job["rows"] > 0 and job["rejected"]
    assert job == engine_answers(file, tmp_path / "out")
