"""The notebook display helpers emit the extension's MIME bundles."""

import json

import pytest
from demo import DEMO_START, load_generator, require_cli

from jupyterlab_model_monitor import display

STATISTICS = {
    "version": 0.0,
    "dataset": {"item_count": 3},
    "features": [{"name": "a", "inferred_type": "String"}],
}
VIOLATIONS = {
    "violations": [
        {"feature_name": "a", "constraint_check_type": "data_type_check", "description": "x"}
    ]
}


def test_statistics_bundle_from_dict():
    bundle = display.statistics_bundle(STATISTICS)
    assert bundle[display.STATISTICS_MIME_TYPE] == STATISTICS
    assert bundle["text/plain"] == "Model Monitor statistics: 1 features, 3 rows"


def test_violations_bundle_from_path(tmp_path):
    path = tmp_path / "constraint_violations.json"
    path.write_text(json.dumps(VIOLATIONS))
    bundle = display.violations_bundle(str(path))
    assert bundle[display.VIOLATIONS_MIME_TYPE] == VIOLATIONS
    assert "a: data_type_check" in bundle["text/plain"]
    assert display.violations_bundle(path) == bundle  # path-like works too


def test_constraints_bundle():
    bundle = display.constraints_bundle({"version": 0.0, "features": []})
    assert display.CONSTRAINTS_MIME_TYPE in bundle


def test_rejects_other_types():
    with pytest.raises(TypeError):
        display.load_document(42)


def test_display_statistics_publishes_raw_bundle(monkeypatch):
    published = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: published.append((objs, kw)))
    display.display_statistics(STATISTICS)
    (bundle,), kwargs = published[0]
    assert kwargs == {"raw": True}
    assert bundle[display.STATISTICS_MIME_TYPE] == STATISTICS


# -- display(statistics=…, baseline=…) and lean bundles ----------------------------------------


def numeric_feature(name, levels, buckets=None):
    return {
        "name": name,
        "inferred_type": "Fractional",
        "numerical_statistics": {
            "common": {"num_present": 10, "num_missing": 0},
            "distribution": {
                "kll": {
                    "buckets": buckets or [{"lower_bound": 0, "upper_bound": 1, "count": 10}],
                    "sketch": {"parameters": {"c": 0.64, "k": 2048}, "data": levels},
                }
            },
        },
    }


def statistics(levels, rows=10):
    return {
        "version": 0.0,
        "dataset": {"item_count": rows},
        "features": [numeric_feature("x", levels)],
    }


def weighted_cdf(levels):
    """Weight of items ≤ v for each distinct v: what the comparison's drift is computed from."""
    weights = {}
    for height, level in enumerate(levels):
        for value in level:
            weights[value] = weights.get(value, 0) + 2**height
    total, cdf = 0, {}
    for value in sorted(weights):
        total += weights[value]
        cdf[value] = total
    return cdf


@pytest.mark.parametrize(
    "levels",
    [
        [[1, 1, 2, 3, 3, 3], [1, 3, 3], [3]],
        [[0.5, 0.25], [], [0.5, 0.5, 0.5, 0.125]],
        [[7] * 1000, [7, 8] * 300],
        [],
    ],
)
def test_compact_sketch_keeps_the_weighted_distribution(levels):
    compacted = display.compact_sketch(levels)
    assert weighted_cdf(compacted) == weighted_cdf(levels)
    assert sum(len(level) for level in compacted) <= sum(len(level) for level in levels)


def test_compact_sketch_shrinks_few_distinct_values():
    compacted = display.compact_sketch([[7] * 1000, [7, 8] * 300])
    # weight of 7: 1000 + 600 = 1600 = 0b11001000000; of 8: 600 = 0b1001011000
    assert sum(len(level) for level in compacted) == 3 + 4


def test_comparison_bundle_from_folders(tmp_path):
    for name, levels in (("baseline", [[1, 2, 3]]), ("run", [[3, 3, 4], [5]])):
        (tmp_path / name).mkdir()
        (tmp_path / name / "statistics.json").write_text(json.dumps(statistics(levels)))
    violations = {
        "violations": [
            {
                "feature_name": "x",
                "constraint_check_type": "baseline_drift_check",
                "description": "distance: 0.9 exceeds threshold: 0.2",
                "extra": "y" * 1000,
            }
        ]
    }
    (tmp_path / "run" / "constraint_violations.json").write_text(json.dumps(violations))
    bundle = display.comparison_bundle(
        tmp_path / "baseline", tmp_path / "run", tmp_path / "run" / "constraint_violations.json"
    )
    data = bundle[display.COMPARISON_MIME_TYPE]
    assert set(data) == {"baseline", "current", "violations", "labels"}
    assert data["labels"] == {
        "baseline": str(tmp_path / "baseline" / "statistics.json"),
        "current": str(tmp_path / "run" / "statistics.json"),
    }
    sketch = data["current"]["features"][0]["numerical_statistics"]["distribution"]["kll"]["sketch"]
    assert sketch["data"] == [[4], [3, 5]]  # 3 twice on level 0 is one 3 on level 1
    assert sketch["parameters"] == {"c": 0.64, "k": 2048}
    # Only what the view reads of a violation: no "extra".
    assert data["violations"]["violations"] == [
        {
            key: violations["violations"][0][key]
            for key in ("feature_name", "constraint_check_type", "description")
        }
    ]
    assert bundle["text/plain"].startswith("Model Monitor comparison: 1 features, 10 baseline rows")
    assert "x: baseline_drift_check" in bundle["text/plain"]


def test_statistics_bundle_drops_sketches_the_view_never_reads():
    document = statistics([[1.0, 2.0, 3.0] * 500])
    data = display.statistics_bundle(document)[display.STATISTICS_MIME_TYPE]
    kll = data["features"][0]["numerical_statistics"]["distribution"]["kll"]
    assert "sketch" not in kll and kll["buckets"]
    # The caller's document is left alone.
    assert "sketch" in document["features"][0]["numerical_statistics"]["distribution"]["kll"]


@pytest.fixture(scope="module")
def demo_examples(tmp_path_factory):
    """The demo's baseline and monitoring runs, written by examples/generate.py and the CLI."""
    require_cli()
    root = tmp_path_factory.mktemp("demo")
    load_generator().main(["--output", str(root), *DEMO_START])
    return root


def test_comparison_of_the_demo_files_stays_small(demo_examples):
    bundle = display.comparison_bundle(
        demo_examples / "baseline",
        demo_examples / "monitoring" / "late-hours",
        demo_examples / "monitoring" / "late-hours" / "constraint_violations.json",
    )
    size = len(json.dumps(bundle))
    files = sum(
        (demo_examples / path).stat().st_size
        for path in ("baseline/statistics.json", "monitoring/late-hours/statistics.json")
    )
    assert size < 0.7 * files


def test_display_comparison_publishes_one_bundle(monkeypatch):
    published = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: published.append(objs[0]))
    import jupyterlab_model_monitor as mm

    mm.display(statistics=statistics([[2, 3]]), baseline=statistics([[1, 2]]))
    assert len(published) == 1
    data = published[0][display.COMPARISON_MIME_TYPE]
    assert data["labels"] == {"baseline": "(dict)", "current": "(dict)"}
    assert "violations" not in data


def test_display_each_document_without_a_baseline(monkeypatch, tmp_path):
    published = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: published.append(objs[0]))
    display(statistics=STATISTICS, violations=VIOLATIONS, constraints={"features": []})
    assert [next(iter(bundle)) for bundle in published] == [
        display.STATISTICS_MIME_TYPE,
        display.VIOLATIONS_MIME_TYPE,
        display.CONSTRAINTS_MIME_TYPE,
    ]


def test_display_explains_wrong_arguments(tmp_path):
    with pytest.raises(ValueError, match="needs statistics="):
        display(baseline=STATISTICS)
    with pytest.raises(TypeError, match="nothing to display"):
        display()
    with pytest.raises(ValueError, match="the baseline is not a statistics.json"):
        display(statistics=STATISTICS, baseline=VIOLATIONS)
    broken = tmp_path / "statistics.json"
    broken.write_text('{"features": [\n  oops')
    with pytest.raises(ValueError, match=r"statistics.json: line 2: not valid JSON"):
        display(statistics=broken)


def test_comparison_bundle_carries_the_baseline_s_drift_settings(tmp_path):
    # #18 item 1: the view measures drift as the check did, with the baseline's monitoring_config.
    for name in ("baseline", "run"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "statistics.json").write_text(json.dumps(statistics([[1, 2, 3]])))
    config = {"distribution_constraints": {"comparison_method": "Simple"}}
    constraints = {"version": 0.0, "features": [], "monitoring_config": config}
    (tmp_path / "baseline" / "constraints.json").write_text(json.dumps(constraints))
    bundle = display.comparison_bundle(tmp_path / "baseline", tmp_path / "run")
    assert bundle[display.COMPARISON_MIME_TYPE]["monitoring_config"] == config
    # constraints= given (a path or, as here, a dict) is used as it is.
    alone = display.comparison_bundle(
        tmp_path / "baseline" / "statistics.json", tmp_path / "run", constraints=constraints
    )
    assert alone[display.COMPARISON_MIME_TYPE]["monitoring_config"] == config
    (tmp_path / "baseline" / "constraints.json").unlink()
    bare = display.comparison_bundle(tmp_path / "baseline", tmp_path / "run")
    assert "monitoring_config" not in bare[display.COMPARISON_MIME_TYPE]


def test_display_errors_are_one_line_in_ipython(tmp_path, capsys):
    # #18 item 22: mm.display errors printed 25-32-line tracebacks; the magics print one line.
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    (tmp_path / "bad.json").write_text("{\n")
    for call, line in [
        (f"display(statistics={str(tmp_path / 'nope.json')!r})", "FileNotFoundError: "),
        (f"display(statistics={str(tmp_path / 'bad.json')!r})", "ValueError: "),
        ("display()", "TypeError: nothing to display"),
    ]:
        shell.run_cell(f"from jupyterlab_model_monitor import display\n{call}")
        printed = [text for text in capsys.readouterr().out.splitlines() if text.strip()]
        assert len(printed) == 1 and printed[0].startswith(line), printed
    with pytest.raises(ValueError, match="line 2: not valid JSON"):  # still a ValueError
        display.display(statistics=str(tmp_path / "bad.json"))
