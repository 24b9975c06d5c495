"""A small churn model server that writes SageMaker data captures (standard library only).

Serves a toy churn model over HTTP with ``wsgiref`` and captures its traffic with
:class:`jupyterlab_model_monitor.capture.CaptureWSGIMiddleware`, so a monitor can watch it::

    python examples/model_server.py --capture-dir captures --sampling-percentage 50
    curl -X POST -H 'Content-Type: text/csv' http://127.0.0.1:8080/invocations \\
        --data-binary '12,54,79.95,910.86,0,4.5,0.64,1,683,1,month-to-month,card,south,premium'

``POST /invocations`` takes CSV rows without a header, in the input columns of
``examples/data/training.csv`` (every column but ``churn_score``, in the same order), and answers
one churn score per row (``text/csv``). ``GET /ping`` answers ``ok``. Sampled successful requests
are written to ``<capture-dir>/<endpoint>/AllTraffic/yyyy/mm/dd/HH/*.jsonl``, which the engine
reads with ``--dataset-format sagemaker_capture_json`` (and a monitor over ``<capture-dir>/
<endpoint>``). The server binds 127.0.0.1 only.
"""

import argparse
import csv
import io
import math
import signal
import sys
import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

try:
    from jupyterlab_model_monitor.capture import CaptureWriter, CaptureWSGIMiddleware
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from jupyterlab_model_monitor.capture import CaptureWriter, CaptureWSGIMiddleware

INPUT_COLUMNS = [  # examples/generate.py's NUMERIC then CATEGORICAL
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
    "contract",
    "payment_method",
    "region",
    "plan",
]
MAX_BODY = 1024 * 1024


def number(text, default=0.0):
    try:
        return float(text)
    except ValueError:
        return default  # a missing value (empty field) scores as the default


def churn_score(row):
    """A logistic score from support calls, monthly charges, tenure and the contract."""
    fields = dict(zip(INPUT_COLUMNS, row, strict=True))
    z = (
        -2.0
        + 0.45 * number(fields["support_calls"])
        + 0.02 * (number(fields["monthly_charges"], 70.0) - 70.0)
        - 0.03 * number(fields["account_age_months"], 24.0)
        + (0.8 if fields["contract"] == "month-to-month" else 0.0)
    )
    return 1 / (1 + math.exp(-z))


def parse_rows(body):
    """The CSV rows of a request; ValueError when one has the wrong number of columns."""
    rows = [row for row in csv.reader(io.StringIO(body.decode("utf-8"))) if row]
    if not rows:
        raise ValueError("no rows")
    for number_, row in enumerate(rows, 1):
        if len(row) != len(INPUT_COLUMNS):
            raise ValueError(f"row {number_}: {len(row)} columns, expected {len(INPUT_COLUMNS)}")
    return rows


def model_app(environ, start_response):
    """The model: ``POST /invocations`` (CSV in, scores out) and ``GET /ping``."""
    method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")

    def answer(status, text, content_type="text/plain; charset=utf-8"):
        data = text.encode("utf-8")
        start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(data)))])
        return [data]

    if path == "/ping" and method == "GET":
        return answer("200 OK", "ok\n")
    if path != "/invocations":
        return answer("404 Not Found", "not found\n")
    if method != "POST":
        return answer("405 Method Not Allowed", "POST CSV rows\n")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY:
            return answer("413 Payload Too Large", "too large\n")
        rows = parse_rows(environ["wsgi.input"].read(length))
    except (ValueError, UnicodeDecodeError) as error:
        return answer("400 Bad Request", f"{error}\n")
    scores = "".join(f"{churn_score(row):.4f}\n" for row in rows)
    return answer("200 OK", scores, "text/csv; charset=utf-8")


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--capture-dir", required=True, help="where capture files are written")
    parser.add_argument("--endpoint", default="churn-endpoint", help="endpoint name (a folder)")
    parser.add_argument(
        "--sampling-percentage", type=float, default=100, help="share of requests captured"
    )
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    if not 0 <= args.sampling_percentage <= 100:
        parser.error("--sampling-percentage must be between 0 and 100")

    writer = CaptureWriter(
        args.capture_dir, args.endpoint, sampling_percentage=args.sampling_percentage
    )
    app = CaptureWSGIMiddleware(model_app, writer)
    handler = WSGIRequestHandler if args.verbose else QuietHandler
    server = make_server("127.0.0.1", args.port, app, handler_class=handler)

    def stop(signum, frame):
        # Not an exception: raised while a request is being answered, wsgiref's handler would
        # catch it and the server would go on serving. shutdown() lets that request finish, then
        # ends serve_forever; it must be called from another thread than the serving one.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"serving on http://127.0.0.1:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        writer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
