"""``GET /records``: the rows behind a number, from a real monitoring run over the demo captures,
read by the engine's ``records`` command (needs the built CLI: npm run build:cli)."""

import json
import os
import subprocess

import pytest
from demo import build_demo, require_cli

RUN = "monitoring/late"


@pytest.fixture
def run(jp_root_dir):
    """The demo's late hours monitored with relative paths, as `make examples` runs them."""
    node, cli = require_cli()
    build_demo(jp_root_dir)
    arguments = ["monitor", "--dataset", "captures", "--output", RUN]
    arguments += ["--start", "2026-11-01T18:00:00Z", "--end", "2026-11-02T00:00:00Z"]
    arguments += ["--baseline-statistics", "baseline/statistics.json"]
    arguments += ["--baseline-constraints", "baseline/constraints.json"]
    subprocess.run([node, cli, *arguments], cwd=jp_root_dir, check=True, capture_output=True)
    return jp_root_dir / RUN


def feature_statistics(run, name):
    statistics = json.loads((run / "statistics.json").read_text())
    return next(f for f in statistics["features"] if f["name"] == name)


async def test_pages_of_unseen_categories_agree_with_the_run(api, run, jp_root_dir):
    params = {"run": RUN, "feature": "payment_method", "match": "unseen_category", "limit": "10"}
    status, first = await api("GET", "records", params=params)
    assert status == 200, first
    constraints = json.loads((jp_root_dir / "baseline/constraints.json").read_text())
    domain = next(f for f in constraints["features"] if f["name"] == "payment_method")
    buckets = feature_statistics(run, "payment_method")["string_statistics"]["distribution"]
    unseen = sum(
        bucket["count"]
        for bucket in buckets["categorical"]["buckets"]
        if bucket["value"] not in domain["string_constraints"]["domains"]
    )
    assert first["matched"] == first["written"] == unseen > 10
    diagnostics = json.loads((run / "diagnostics.json").read_text())
    assert (first["records"], first["rejected"]) == (
        diagnostics["records"],
        diagnostics["rejected"],
    )
    assert len(first["rows"]) == 10
    for row in first["rows"]:
        # Each row is where it says it is: that line of that capture file holds its event id.
        line = (jp_root_dir / row["_file"]).read_text().splitlines()[row["_line"] - 1]
        assert json.loads(line)["eventMetadata"]["eventId"] == row["_event_id"]
        assert row["payment_method"] not in domain["string_constraints"]["domains"]
    results = jp_root_dir / first["results_file"]
    assert results.parent == run / "records"
    built = results.stat().st_mtime_ns

    status, second = await api("GET", "records", params={**params, "offset": "10"})
    assert status == 200
    ids = {row["_event_id"] for row in first["rows"]}
    assert not ids & {row["_event_id"] for row in second["rows"]}
    assert results.stat().st_mtime_ns == built  # a page is read from the kept file


async def test_a_bin_lists_numbers_and_a_new_run_is_queried_again(api, run):
    params = {"run": RUN, "feature": "monthly_charges", "match": "bin", "limit": "500"}
    params |= {"lower": "100", "upper": "120"}
    status, page = await api("GET", "records", params=params)
    assert status == 200, page
    assert page["matched"] > 0
    assert all(100 <= row["monthly_charges"] < 120 for row in page["rows"])
    # The run is written again (a later diagnostics.json): its rows are read again.
    diagnostics = run / "diagnostics.json"
    later = os.stat(diagnostics).st_mtime + 10
    os.utime(diagnostics, (later, later))
    status, again = await api("GET", "records", params=params)
    assert status == 200 and again["matched"] == page["matched"]
    assert os.stat(run / again["results_file"].removeprefix(RUN + "/")).st_mtime >= later - 10


async def test_a_run_given_absolute_paths_lists_files_relative_to_the_root(api, run, jp_root_dir):
    # Scheduled runs are given absolute, confined paths; rows still name files as clients see them.
    node, cli = require_cli()
    arguments = ["monitor", "--dataset", str(jp_root_dir / "captures"), "--output", "absolute"]
    arguments += ["--start", "2026-11-01T22:00:00Z", "--end", "2026-11-02T00:00:00Z"]
    arguments += ["--baseline-statistics", str(jp_root_dir / "baseline/statistics.json")]
    arguments += ["--baseline-constraints", str(jp_root_dir / "baseline/constraints.json")]
    subprocess.run([node, cli, *arguments], cwd=jp_root_dir, check=True, capture_output=True)
    params = {"run": "absolute", "feature": "credit_score", "match": "missing", "limit": "500"}
    status, page = await api("GET", "records", params=params)
    assert status == 200 and page["rows"]
    assert all(row["_file"].startswith("captures/") for row in page["rows"])
    kept = (jp_root_dir / page["results_file"]).read_text()
    assert str(jp_root_dir) not in kept and os.path.realpath(jp_root_dir) not in kept


async def test_missing_values_match_the_run_statistics(api, run):
    params = {"run": RUN, "feature": "credit_score", "match": "missing", "limit": "1"}
    status, page = await api("GET", "records", params=params)
    assert status == 200
    common = feature_statistics(run, "credit_score")["numerical_statistics"]["common"]
    assert page["matched"] == common["num_missing"] > 0
    assert page["rows"][0]["credit_score"] is None


@pytest.mark.parametrize(
    "params, field",
    [
        ({"feature": "age", "match": "missing"}, "run"),
        ({"run": "../x", "feature": "age", "match": "missing"}, "run"),
        ({"run": RUN, "match": "missing"}, "feature"),
        ({"run": RUN, "feature": "age", "match": "near"}, "match"),
        ({"run": RUN, "feature": "age", "match": "bin", "lower": "1"}, "upper"),
        ({"run": RUN, "feature": "age", "match": "bin", "lower": "3", "upper": "1"}, "upper"),
        ({"run": RUN, "feature": "age", "match": "missing", "limit": "501"}, "limit"),
        ({"run": RUN, "feature": "age", "match": "missing", "offset": "-1"}, "offset"),
        ({"run": RUN, "feature": "nope", "match": "missing"}, "feature"),
        ({"run": RUN, "feature": "contract", "match": "wrong_type"}, "feature"),
        ({"run": "baseline", "feature": "age", "match": "missing"}, "run"),
    ],
)
async def test_bad_queries_name_the_field(api, run, params, field):
    status, error = await api("GET", "records", params=params)
    assert (status, error["field"]) == (400, field), error


async def test_the_engine_message_hides_the_server_root(api, run, jp_root_dir):
    params = {"run": RUN, "feature": "contract", "match": "wrong_type"}
    status, error = await api("GET", "records", params=params)
    assert status == 400
    assert "is String in the baseline" in error["message"]
    assert str(jp_root_dir) not in json.dumps(error)


async def test_a_run_linked_from_outside_the_root_is_refused(api, jp_root_dir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "diagnostics.json").write_text("{}")
    (jp_root_dir / "link").symlink_to(outside)
    params = {"run": "link", "feature": "age", "match": "missing"}
    status, error = await api("GET", "records", params=params)
    assert (status, error["field"]) == (400, "run")
    assert not (outside / "records").exists()


async def test_requires_authentication(jp_fetch):
    response = await jp_fetch(
        "model-monitor",
        "records",
        params={"run": RUN, "feature": "age", "match": "missing"},
        headers={"Authorization": ""},
        raise_error=False,
    )
    assert response.code == 403
