"""SageMaker capture lines → rows of cell texts (FORMATS.md §1.1–1.2), without Spark.

Mirrors the engine's reader (src/engine/io/captureRecord.ts, capturePayload.ts, payloadRows.ts):
output cells, then input cells; payload line i of the input pairs with line i of the output;
JSON objects give their values in sorted key order. Numbers keep their JSON text, so the type
patterns of §7.1 see what the engine sees. A bad record gives a :class:`Problem`, never a row.
"""

import base64
import binascii
import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

SIDES = ("endpointOutput", "endpointInput")
DEFAULT_MAX_FIELDS = 10000  # the engine's --max-fields default
INSTANCE_KEYS = {"instances", "predictions"}
JSON_LINES_TYPES = {
    "application/jsonlines",
    "application/x-jsonlines",
    "application/jsonl",
    "application/x-ndjson",
}


FOUR_DIGITS, TWO_DIGITS = re.compile(r"[0-9]{4}"), re.compile(r"[0-9]{2}")

# A row is the text of its cells (None: a missing value).
Row = list[str | None]


def hour_of_path(relative: str) -> datetime | None:
    """The UTC hour of a capture file: its last run of four folders ``yyyy/mm/dd/HH`` that is a
    real date and hour (the file's own name is not a folder), or None. The engine's hourOfPath
    (src/engine/pipeline/captureWindow.ts) follows the same rule, checked against one table in
    test/shared/capture_hours.json."""
    folders = relative.replace("\\", "/").split("/")[:-1]
    for i in range(len(folders) - 4, -1, -1):
        year, month, day, hour = folders[i : i + 4]
        if FOUR_DIGITS.fullmatch(year) and all(
            TWO_DIGITS.fullmatch(part) for part in (month, day, hour)
        ):
            try:
                return datetime(int(year), int(month), int(day), int(hour), tzinfo=timezone.utc)
            except ValueError:
                continue
    return None


@dataclass(frozen=True)
class Problem:
    kind: str
    field: str
    message: str


def payload_format(content_type: str | None) -> str | None:
    """``csv``, ``json``, ``jsonlines`` or None, from a media type (case and parameters ignored)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in ("text/csv", "application/csv"):
        return "csv"
    if media in JSON_LINES_TYPES:
        return "jsonlines"
    if media in ("application/json", "text/json"):
        return "json"
    return None


def payload_lines(text: str) -> list[str]:
    return [line.rstrip("\r") for line in text.split("\n") if line.rstrip("\r")]


def cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def flatten(value: Any, into: Row) -> Row:
    """Cells of a JSON value: object keys sorted, array items in order, nesting removed."""
    if isinstance(value, list):
        for item in value:
            flatten(item, into)
    elif isinstance(value, dict):
        for key in sorted(value):
            flatten(value[key], into)
    else:
        into.append(cell_text(value))
    return into


def parse_json(text: str) -> Any:
    # Numbers stay text: "3" is Integral and "3.0" Fractional, as in the engine.
    return json.loads(text, parse_float=str, parse_int=str, parse_constant=str)


def csv_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    for line in payload_lines(text):
        fields = next(csv.reader([line])) if '"' in line else line.split(",")
        rows.append([field if field != "" else None for field in fields])
    return rows


def json_rows(text: str) -> list[Row]:
    try:
        value = parse_json(text)
    except ValueError:
        if "\n" in text.strip():
            return [flatten(parse_json(line), []) for line in payload_lines(text)]
        raise
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in INSTANCE_KEYS:
        entries = next(iter(value.values()))
        if isinstance(entries, list):
            return [flatten(entry, []) for entry in entries]
    if isinstance(value, list) and value and all(isinstance(v, (list, dict)) for v in value):
        return [flatten(entry, []) for entry in value]
    return [flatten(value, [])]


def parse_as(kind: str, text: str) -> tuple[list[Row], str] | Problem:
    """``(rows, kind)``, or a Problem."""
    try:
        if kind == "csv":
            return csv_rows(text), kind
        if kind == "jsonlines":
            return [flatten(parse_json(line), []) for line in payload_lines(text)], kind
        return json_rows(text), kind
    except ValueError as error:
        return Problem("malformed_json", "data", f"{kind} payload: {error}")


NO_DATA = Problem("missing_field", "data", "no data string")


def decode_payload(payload: Mapping[str, Any]) -> tuple[list[Row], str] | Problem:
    """``(rows, payload format)`` of one side of a capture, or a Problem."""
    data = payload.get("data")
    if not isinstance(data, str):
        return NO_DATA
    content_type = payload.get("observedContentType")
    if content_type is not None and not isinstance(content_type, str):
        return Problem(
            "unsupported_content_type",
            "observedContentType",
            f"observedContentType is {json.dumps(content_type)}, not a string",
        )
    encoding = payload.get("encoding")
    if encoding is not None and not isinstance(encoding, str):
        return Problem(
            "unknown_encoding", "encoding", f"encoding is {json.dumps(encoding)}, not a string"
        )
    encoding = (encoding or "").upper()
    kind = payload_format(payload.get("observedContentType"))
    if encoding == "CSV":
        return parse_as("csv", data)
    if encoding == "JSON":
        return parse_as("jsonlines" if kind == "jsonlines" else "json", data)
    if encoding == "BASE64":
        if kind is None:
            content_type = json.dumps(payload.get("observedContentType"))
            return Problem(
                "unsupported_content_type",
                "observedContentType",
                f"cannot read {content_type} data",
            )
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            return Problem("bad_base64", "data", "data is not valid base64")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return Problem("invalid_utf8", "data", "decoded data is not UTF-8")
        return parse_as(kind, text)
    if encoding == "" and kind:
        return parse_as(kind, data)
    if encoding == "":
        return Problem("missing_field", "encoding", "no encoding and no known content type")
    return Problem(
        "unknown_encoding", "encoding", f"unknown encoding {json.dumps(payload.get('encoding'))}"
    )


def capture_rows(
    line: str, widths: dict[str, int] | None = None, max_fields: int = DEFAULT_MAX_FIELDS
) -> list[Row] | Problem:
    """The rows of one capture line (a list of cell lists), or a Problem. ``widths`` (side → CSV
    field count) is set by the first record of a file that has each side, as the engine's reader
    keeps it: a CSV row of another width is a ``column_count`` problem."""
    try:
        record = json.loads(line)
    except ValueError as error:
        return Problem("malformed_json", "", str(error))
    if not isinstance(record, dict):
        return Problem("malformed_json", "", "expected a JSON object")
    capture = record.get("captureData")
    if not isinstance(capture, dict) or not any(js_truthy(capture.get(s)) for s in SIDES):
        field = "captureData.endpointInput" if js_truthy(capture) else "captureData"
        return Problem("missing_field", field, f"no {field}")
    widths = {} if widths is None else widths
    sides: list[list[Row]] = []
    for side in SIDES:
        payload = capture.get(side)
        if not js_truthy(payload):
            continue
        decoded = decode_payload(payload) if isinstance(payload, dict) else NO_DATA
        if isinstance(decoded, Problem):
            checked: list[Row] | Problem = decoded
        else:
            checked = checked_widths(*decoded, side, widths, max_fields)
        if isinstance(checked, Problem):
            return Problem(checked.kind, f"captureData.{side}.{checked.field}", checked.message)
        sides.append(checked)
    if len(sides) == 2 and len(sides[0]) != len(sides[1]):
        return Problem(
            "row_count_mismatch",
            "captureData",
            f"{len(sides[0])} output rows but {len(sides[1])} input rows",
        )
    if len(sides) == 1:
        return sides[0]
    return [output + row for output, row in zip(*sides, strict=True)]


def js_truthy(value: Any) -> bool:
    """Whether JavaScript takes the JSON value for true: the engine tests sides that way."""
    return value not in (None, False, 0, "")


def checked_widths(
    rows: list[Row], kind: str, side: str, widths: dict[str, int], max_fields: int
) -> list[Row] | Problem:
    """``rows``, or the Problem the engine finds with their widths (captureRecord.ts)."""
    wide = next((row for row in rows if len(row) > max_fields), None)
    if wide is not None:
        return Problem(
            "too_many_fields",
            "data",
            f"{len(wide)} fields, more than the limit of {max_fields} (--max-fields)",
        )
    if kind != "csv" or not rows:
        return rows
    expected = widths.setdefault(side, len(rows[0]))
    for at, row in enumerate(rows):
        if len(row) != expected:
            where = f" on payload line {at + 1}" if len(rows) > 1 else ""
            return Problem(
                "column_count",
                "data",
                f"{len(row)} CSV fields{where}, expected {expected} as in the first record",
            )
    return rows


# JavaScript's String#trim: what the engine's readers take for a blank line.
JS_WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


def file_records(
    content: str, max_fields: int = DEFAULT_MAX_FIELDS
) -> Iterator[tuple[int, list[Row] | Problem]]:
    """``(line number, rows or Problem)`` for each record of a capture file's text, as the
    engine's reader reads the file: a leading BOM dropped, ``\\r\\n`` line ends, blank lines
    skipped, CSV widths kept per file."""
    if content.startswith("\ufeff"):
        content = content[1:]
    widths: dict[str, int] = {}
    for number, line in enumerate(content.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if line.strip(JS_WHITESPACE):
            yield number, capture_rows(line, widths, max_fields)
