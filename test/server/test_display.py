"""The notebook display helpers emit the extension's MIME bundles."""

import json

import pytest

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
    assert bundle[display.STATISTICS_MIME_TYPE] is STATISTICS
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
