"""Cross-check of `model-monitor model-quality` metrics with scikit-learn.

Runs the built CLI (`npm run build:cli` → dist/model-monitor.cjs) on the real SageMaker example
files in ../shared/conformance; skipped with a message when those or the CLI are absent.
"""

import csv
import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest

sklearn_metrics = pytest.importorskip("sklearn.metrics")

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "dist" / "model-monitor.cjs"
SHARED = ROOT.parent / "shared"
EXAMPLES = SHARED / "conformance" / "amazon-sagemaker-examples"
BINARY_CSV = EXAMPLES / "model_quality_monitoring" / "validation_with_predictions.csv"
REGRESSION_DIR = "sagemaker-python-sdk/quality_check_step/model_quality"
REGRESSION_CSV = SHARED / "conformance-extra" / REGRESSION_DIR / "baseline_dataset.csv"

pytestmark = [
    pytest.mark.skipif(not SHARED.exists(), reason="../shared/conformance is absent"),
    pytest.mark.skipif(not CLI.exists(), reason="run `npm run build:cli` first"),
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
]


def run_cli(*args: str) -> dict:
    done = subprocess.run(
        ["node", str(CLI), "model-quality", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def read_columns(path: Path) -> dict[str, list[str]]:
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {name: [row[name] for row in rows] for name in rows[0]}


def metric_values(statistics: dict, key: str) -> dict[str, float]:
    return {
        name: metric["value"]
        for name, metric in statistics[key].items()
        if isinstance(metric, dict) and "value" in metric
    }


def trapezoid(x: list[float], y: list[float]) -> float:
    return sum((y[i - 1] + y[i]) / 2 * (x[i] - x[i - 1]) for i in range(1, len(x)))


def test_binary_metrics_match_sklearn(tmp_path: Path) -> None:
    run_cli(
        "baseline",
        "--dataset",
        str(BINARY_CSV),
        "--problem-type",
        "BinaryClassification",
        "--inference-attribute",
        "prediction",
        "--probability-attribute",
        "probability",
        "--ground-truth-attribute",
        "label",
        "--output",
        str(tmp_path),
    )
    stats = json.loads((tmp_path / "statistics.json").read_text())
    got = metric_values(stats, "binary_classification_metrics")
    columns = read_columns(BINARY_CSV)
    y = [int(v) for v in columns["label"]]
    pred = [int(v) for v in columns["prediction"]]
    prob = [float(v) for v in columns["probability"]]
    (tn, fp), (fn, tp) = sklearn_metrics.confusion_matrix(y, pred)
    prevalence = sum(y) / len(y)
    always = [1] * len(y)
    expected = {
        "recall": sklearn_metrics.recall_score(y, pred),
        "precision": sklearn_metrics.precision_score(y, pred),
        "accuracy": sklearn_metrics.accuracy_score(y, pred),
        "recall_best_constant_classifier": sklearn_metrics.recall_score(y, always),
        "precision_best_constant_classifier": sklearn_metrics.precision_score(y, always),
        "accuracy_best_constant_classifier": prevalence,
        "true_positive_rate": tp / (tp + fn),
        "true_negative_rate": tn / (tn + fp),
        "false_positive_rate": fp / (fp + tn),
        "false_negative_rate": fn / (fn + tp),
        "auc": sklearn_metrics.roc_auc_score(y, prob),
        "f0_5": sklearn_metrics.fbeta_score(y, pred, beta=0.5),
        "f1": sklearn_metrics.f1_score(y, pred),
        "f2": sklearn_metrics.fbeta_score(y, pred, beta=2),
        "f0_5_best_constant_classifier": sklearn_metrics.fbeta_score(y, always, beta=0.5),
        "f1_best_constant_classifier": sklearn_metrics.f1_score(y, always),
        "f2_best_constant_classifier": sklearn_metrics.fbeta_score(y, always, beta=2),
    }
    assert set(got) == set(expected)
    for name, value in expected.items():
        assert got[name] == pytest.approx(value, abs=1e-12), name
    matrix = stats["binary_classification_metrics"]["confusion_matrix"]
    assert matrix == {"0": {"0": int(tn), "1": int(fp)}, "1": {"0": int(fn), "1": int(tp)}}

    roc = stats["binary_classification_metrics"]["receiver_operating_characteristic_curve"]
    fpr, tpr, _ = sklearn_metrics.roc_curve(y, prob, drop_intermediate=False)
    # sklearn starts at (0, 0) too; SageMaker (Spark) also ends with an explicit (1, 1).
    assert roc["false_positive_rates"][:-1] == pytest.approx(list(fpr))
    assert roc["true_positive_rates"][:-1] == pytest.approx(list(tpr))
    area = trapezoid(roc["false_positive_rates"], roc["true_positive_rates"])
    assert area == pytest.approx(got["auc"])
    pr = stats["binary_classification_metrics"]["precision_recall_curve"]
    precision, recall, _ = sklearn_metrics.precision_recall_curve(y, prob, drop_intermediate=False)
    # sklearn lists thresholds ascending and ends at (recall 0, precision 1); ours run descending.
    assert pr["recalls"][1:] == pytest.approx(list(recall[::-1][1:]))
    assert pr["precisions"][1:] == pytest.approx(list(precision[::-1][1:]))

    # 201 rows >= 200: deviations come from resampling, so test them by range (FORMATS.md §5.4).
    deviation = stats["binary_classification_metrics"]["auc"]["standard_deviation"]
    assert isinstance(deviation, float) and 0 < deviation < 0.1


def test_regression_metrics_match_sklearn(tmp_path: Path) -> None:
    run_cli(
        "baseline",
        "--dataset",
        str(REGRESSION_CSV),
        "--problem-type",
        "Regression",
        "--inference-attribute",
        "Label",
        "--ground-truth-attribute",
        "Prediction",
        "--generation",
        "2021",
        "--output",
        str(tmp_path),
    )
    statistics = json.loads((tmp_path / "statistics.json").read_text())
    got = metric_values(statistics, "regression_metrics")
    columns = read_columns(REGRESSION_CSV)
    y_true = [float(v) for v in columns["Prediction"]]
    y_pred = [float(v) for v in columns["Label"]]
    mse = sklearn_metrics.mean_squared_error(y_true, y_pred)
    expected = {
        "mae": sklearn_metrics.mean_absolute_error(y_true, y_pred),
        "mse": mse,
        "rmse": math.sqrt(mse),
        "r2": sklearn_metrics.r2_score(y_true, y_pred),
    }
    for name, value in expected.items():
        assert got[name] == pytest.approx(value, rel=1e-12), name
    real = SHARED / "conformance" / REGRESSION_DIR
    assert (tmp_path / "statistics.json").read_bytes() == (real / "statistics.json").read_bytes()
    assert (tmp_path / "constraints.json").read_bytes() == (real / "constraints.json").read_bytes()


def test_multiclass_metrics_match_sklearn(tmp_path: Path) -> None:
    labels = ["a", "b", "c", "a", "b", "c", "a", "a", "c", "b", "a", "c"]
    preds = ["a", "b", "b", "a", "c", "c", "b", "a", "c", "b", "c", "a"]
    data = tmp_path / "multi.csv"
    data.write_text(
        "label,prediction\n" + "".join(f"{a},{p}\n" for a, p in zip(labels, preds, strict=True))
    )
    run_cli(
        "baseline",
        "--dataset",
        str(data),
        "--problem-type",
        "MulticlassClassification",
        "--inference-attribute",
        "prediction",
        "--ground-truth-attribute",
        "label",
        "--output",
        str(tmp_path / "out"),
    )
    statistics = json.loads((tmp_path / "out" / "statistics.json").read_text())
    got = metric_values(statistics, "multiclass_classification_metrics")
    expected = {
        "accuracy": sklearn_metrics.accuracy_score(labels, preds),
        "weighted_recall": sklearn_metrics.recall_score(labels, preds, average="weighted"),
        "weighted_precision": sklearn_metrics.precision_score(labels, preds, average="weighted"),
        "weighted_f0_5": sklearn_metrics.fbeta_score(labels, preds, beta=0.5, average="weighted"),
        "weighted_f1": sklearn_metrics.f1_score(labels, preds, average="weighted"),
        "weighted_f2": sklearn_metrics.fbeta_score(labels, preds, beta=2, average="weighted"),
    }
    # The best constant classifier predicts the least frequent label ("b", 3 of 12; docs/cli.md).
    constant = ["b"] * len(labels)
    expected.update(
        {
            "accuracy_best_constant_classifier": sklearn_metrics.accuracy_score(labels, constant),
            "weighted_recall_best_constant_classifier": sklearn_metrics.recall_score(
                labels, constant, average="weighted", zero_division=0
            ),
            "weighted_precision_best_constant_classifier": sklearn_metrics.precision_score(
                labels, constant, average="weighted", zero_division=0
            ),
            "weighted_f1_best_constant_classifier": sklearn_metrics.f1_score(
                labels, constant, average="weighted", zero_division=0
            ),
        }
    )
    for name, value in expected.items():
        assert got[name] == pytest.approx(value, abs=1e-12), name
