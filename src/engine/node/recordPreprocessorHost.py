"""Runs a SageMaker ``record_preprocessor_script`` for the engine (pythonPreprocessor.ts).

The script is used unchanged: ``preprocess_handler(inference_record)`` or
``preprocess_handler(inference_record, logger)`` gets each capture record as SageMaker's
``CapturedData`` object and returns a dict (one row), a list of dicts (rows; ``[]`` drops the
record) or None (drops it). Cells are named by their keys in sorted order, as SageMaker reads them.

Protocol (argv[1] is the script; one JSON text per line, UTF-8):
- first, this writes ``{"ready": true}`` or ``{"fatal": "<why the script cannot be used>"}``;
- then it reads capture record lines, answering each with ``{"rows": [[cell, ...], ...]}`` or
  ``{"error": "<message>"}``, and flushes its answers at every empty line (the end of a batch).
What the script prints goes to stderr, as does its logger: stdout carries only the answers.
"""

import importlib.util
import inspect
import json
import logging
import sys
import traceback
from pathlib import Path


class EventData:
    """One side of ``captureData`` (``endpoint_input``, ``endpoint_output``)."""

    def __init__(self, side):
        self.encoding = side.get("encoding")
        self.data = side.get("data")
        self.observedContentType = side.get("observedContentType")
        self.observed_content_type = self.observedContentType
        self.mode = side.get("mode")

    def as_dict(self):
        return {
            "encoding": self.encoding,
            "data": self.data,
            "observedContentType": self.observedContentType,
        }

    def __repr__(self):
        return f"EventData({self.as_dict()!r})"


class EventMetadata:
    """``eventMetadata``: ``event_id``, ``event_time`` (its ``inferenceTime``) and the rest."""

    def __init__(self, metadata):
        self.event_id = metadata.get("eventId")
        self.event_time = metadata.get("inferenceTime")
        self.inference_id = metadata.get("inferenceId")
        self.custom_attribute = metadata.get("customAttributes")

    def __repr__(self):
        return f"EventMetadata(event_id={self.event_id!r}, event_time={self.event_time!r})"


class CapturedData:
    """A capture record as SageMaker's preprocessor receives it."""

    def __init__(self, event_dict):
        self.event_dict = event_dict
        metadata = event_dict.get("eventMetadata")
        capture = event_dict.get("captureData")
        capture = capture if isinstance(capture, dict) else {}
        self.event_metadata = EventMetadata(metadata) if isinstance(metadata, dict) else None
        self.endpoint_input = event_data(capture.get("endpointInput"))
        self.endpoint_output = event_data(capture.get("endpointOutput"))
        self.ground_truth = event_data(event_dict.get("groundTruthData"))  # merged records (MQ)
        self.event_version = event_dict.get("eventVersion")

    def as_dict(self):
        return self.event_dict

    def __repr__(self):
        return f"CapturedData({self.event_dict!r})"


def event_data(side):
    return EventData(side) if isinstance(side, dict) else None


SHAPE_ERROR = "preprocess_handler must return a dict, a list of dicts, [] or None"


def rows_of(value):
    """The handler's return value as rows of cells (text or None), keys in sorted order."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    rows = []
    for item in items:
        if not isinstance(item, dict):
            raise TypeError(f"{SHAPE_ERROR}, not {type(item).__name__}")
        rows.append([cell_of(item[key], key) for key in sorted(item, key=str)])
    return rows


def cell_of(value, key):
    """A cell's text as the JSON SageMaker serialises it: numbers as json writes them (1.0 stays
    1.0, NaN is NaN), true/false, nested values as compact JSON; None is a missing cell."""
    if value is None or isinstance(value, str):
        return value
    try:
        text = json.dumps(value, separators=(",", ":"), default=plain_value)
    except (TypeError, ValueError) as error:
        raise TypeError(f"key {key!r}: {error}") from None
    return text


def plain_value(value):
    """numpy scalars and arrays, which handlers often return, as Python values."""
    for method in ("item", "tolist"):
        if callable(getattr(value, method, None)):
            return getattr(value, method)()
    raise TypeError(f"a {type(value).__name__} is not JSON")


def error_text(error, script):
    """The exception, and the line of the script it came from when there is one."""
    frames = traceback.extract_tb(error.__traceback__)
    where = [frame for frame in frames if frame.filename == script]
    message = f"{type(error).__name__}: {error}"
    return f"{Path(script).name} line {where[-1].lineno}: {message}" if where else message


def load_handler(script):
    sys.path.insert(0, str(Path(script).parent))
    spec = importlib.util.spec_from_file_location("preprocessor", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    handler = getattr(module, "preprocess_handler", None)
    if not callable(handler):
        raise AttributeError(f"{Path(script).name} defines no preprocess_handler function")
    return handler


def serve(script, requests, answers):
    logger = logging.getLogger("Preprocessing")
    handler = load_handler(script)
    takes_logger = "logger" in inspect.signature(handler).parameters
    write(answers, {"ready": True})
    answers.flush()
    for line in requests:
        if not line.strip():
            answers.flush()
            continue
        try:
            record = CapturedData(json.loads(line))
            value = handler(record, logger) if takes_logger else handler(record)
            answer = {"rows": rows_of(value)}
        except Exception as error:  # noqa: BLE001 - every failure is the record's, reported
            answer = {"error": error_text(error, script)}
        write(answers, answer)
    answers.flush()


def write(answers, answer):
    answers.write(json.dumps(answer, allow_nan=False).encode() + b"\n")


def main():
    script = str(Path(sys.argv[1]).resolve())
    answers = sys.stdout.buffer
    sys.stdout = sys.stderr
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(levelname)s %(message)s")
    try:
        serve(script, sys.stdin.buffer, answers)
    except Exception as error:  # noqa: BLE001 - the engine reports why the script is unusable
        write(answers, {"fatal": error_text(error, script)})
        answers.flush()
        sys.exit(1)


if __name__ == "__main__":
    main()
