"""Data capture for your own model server: SageMaker's capture files, written by a middleware.

Wrap a WSGI app (Flask, Django) or an ASGI app (FastAPI, Starlette)::

    from jupyterlab_model_monitor.capture import CaptureWriter, CaptureWSGIMiddleware
    writer = CaptureWriter("captures", endpoint="churn-endpoint", sampling_percentage=20)
    app.wsgi_app = CaptureWSGIMiddleware(app.wsgi_app, writer)        # Flask
    app = CaptureASGIMiddleware(app, writer)                           # FastAPI / Starlette

Each sampled, successful (2xx) POST becomes one JSON line exactly as SageMaker writes it
(FORMATS §1.1)::

    {"captureData":{"endpointInput":{"observedContentType":"text/csv","mode":"INPUT",
     "data":"1,2,3","encoding":"CSV"},"endpointOutput":{…,"mode":"OUTPUT",…}},
     "eventMetadata":{"eventId":"<uuid>","inferenceId":"…","inferenceTime":"2026-11-01T13:05:09Z"},
     "eventVersion":"0"}

in ``<destination>/<endpoint>/<variant>/yyyy/mm/dd/HH/<MM>-<SS>-<mmm>-<uuid>.jsonl`` (UTC; a new
file each hour). Payloads of a CSV or JSON content type are kept as text (encoding ``CSV`` /
``JSON``), others as ``BASE64``. ``inferenceId`` is the request's ``X-Inference-Id`` header when
sent. Capturing never breaks the served request: a capture error is logged and the request
goes on.
"""

import asyncio
import base64
import io
import json
import logging
import os
import random
import threading
import uuid
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, MutableMapping
from datetime import datetime, timezone
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import OptExcInfo
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger(__name__)

DEFAULT_CSV_TYPES = ("text/csv",)
DEFAULT_JSON_TYPES = ("application/json", "application/jsonlines")
INFERENCE_ID_HEADER = "X-Inference-Id"
MAX_CAPTURE_BYTES = 6 * 1024 * 1024  # SageMaker's largest real-time payload

# ASGI's scope and messages, and its callables (asgiref's spec, without depending on it).
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def media_type(content_type: str | None) -> str:
    """``text/csv`` for ``Text/CSV; charset=utf-8``."""
    return (content_type or "").split(";")[0].strip().lower()


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class CaptureWriter:
    """Writes capture records to hourly files. Thread-safe; one writer per endpoint variant."""

    def __init__(
        self,
        destination: str | os.PathLike[str],
        endpoint: str,
        variant: str = "AllTraffic",
        *,
        sampling_percentage: float = 100,
        csv_content_types: Iterable[str] = DEFAULT_CSV_TYPES,
        json_content_types: Iterable[str] = DEFAULT_JSON_TYPES,
        clock: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
    ) -> None:
        if not 0 <= sampling_percentage <= 100:
            raise ValueError("sampling_percentage must be between 0 and 100")
        self.folder = os.path.join(destination, endpoint, variant)
        self.sampling_percentage = sampling_percentage
        self.csv_types = {media_type(t) for t in csv_content_types}
        self.json_types = {media_type(t) for t in json_content_types}
        self.clock = clock
        self.rng = rng or random.Random()
        self._lock = threading.Lock()
        self._file: IO[str] | None = None
        self._hour: str | None = None

    def sampled(self) -> bool:
        """Whether to capture the next request (``sampling_percentage`` % of them)."""
        return self.rng.random() * 100 < self.sampling_percentage

    def side(self, mode: str, data: bytes, content_type: str | None) -> dict[str, Any]:
        """One ``endpointInput`` / ``endpointOutput`` object."""
        kind = media_type(content_type)
        encoding = "CSV" if kind in self.csv_types else "JSON" if kind in self.json_types else None
        text = None
        if encoding:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                encoding = None
        if encoding is None:
            encoding, text = "BASE64", base64.b64encode(data).decode("ascii")
        return {
            "observedContentType": content_type,
            "mode": mode,
            "data": text,
            "encoding": encoding,
        }

    def record(
        self,
        request: bytes,
        request_type: str | None,
        response: bytes,
        response_type: str | None,
        inference_id: str | None,
        when: datetime,
    ) -> dict[str, Any]:
        """The capture record (a dict in SageMaker's key order)."""
        metadata = {"eventId": str(uuid.uuid4())}
        if inference_id:
            metadata["inferenceId"] = inference_id
        metadata["inferenceTime"] = when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        capture = {
            "endpointInput": self.side("INPUT", request, request_type),
            "endpointOutput": self.side("OUTPUT", response, response_type),
        }
        return {"captureData": capture, "eventMetadata": metadata, "eventVersion": "0"}

    def write(
        self,
        request: bytes,
        request_type: str | None,
        response: bytes,
        response_type: str | None,
        inference_id: str | None = None,
        when: datetime | None = None,
    ) -> None:
        """Append one record (bodies as bytes); ``when`` is the inference time (default now)."""
        record = self.record(
            request, request_type, response, response_type, inference_id, when or self.clock()
        )
        line = json.dumps(record, separators=(",", ":"), ensure_ascii=False) + "\n"
        with self._lock:
            file = self._file_for(self.clock())
            file.write(line)
            file.flush()

    def _file_for(self, now: datetime) -> IO[str]:
        hour = now.strftime("%Y/%m/%d/%H")
        if hour != self._hour or self._file is None:
            self._close_file()
            folder = os.path.join(self.folder, *hour.split("/"))
            os.makedirs(folder, exist_ok=True)
            name = f"{now:%M-%S}-{now.microsecond // 1000:03d}-{uuid.uuid4()}.jsonl"
            self._file = open(os.path.join(folder, name), "a", encoding="utf-8")
            self._hour = hour
        return self._file

    def _close_file(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file, self._hour = None, None

    def close(self) -> None:
        with self._lock:
            self._close_file()

    def safe_write(self, *args: Any, **kwargs: Any) -> None:
        """:meth:`write`, logging instead of raising: capture must not break serving."""
        try:
            self.write(*args, **kwargs)
        except Exception:
            log.exception("model-monitor capture: a record could not be written")


def successful(status: int) -> bool:
    """SageMaker captures successful invocations only."""
    return 200 <= status < 300


# -- WSGI ------------------------------------------------------------------------------------


class CaptureWSGIMiddleware:
    """Captures a WSGI app's POST requests and their responses."""

    def __init__(
        self, app: "WSGIApplication", writer: CaptureWriter, max_bytes: int = MAX_CAPTURE_BYTES
    ) -> None:
        self.app = app
        self.writer = writer
        self.max_bytes = max_bytes

    def __call__(
        self, environ: "WSGIEnvironment", start_response: "StartResponse"
    ) -> Iterable[bytes]:
        request = self._buffer_request(environ)
        if request is None:
            return self.app(environ, start_response)
        seen: dict[str, Any] = {}

        def capturing_start_response(
            status: str, headers: list[tuple[str, str]], exc_info: "OptExcInfo | None" = None
        ) -> Callable[[bytes], object]:
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info)

        when = self.writer.clock()
        body = self.app(environ, capturing_start_response)
        return _TeeBody(body, lambda chunks: self._capture(environ, request, seen, chunks, when))

    def _buffer_request(self, environ: "WSGIEnvironment") -> bytes | None:
        """The request body, re-readable by the app; None when this request is not captured."""
        try:
            if environ.get("REQUEST_METHOD") != "POST" or not environ.get("CONTENT_LENGTH"):
                return None  # without a length (chunked), leave the body to the app alone
            length = int(environ["CONTENT_LENGTH"])
            if length > self.max_bytes:
                return None
            if not self.writer.sampled():
                return None
            body = environ["wsgi.input"].read(length) if length else b""
        except Exception:
            log.exception("model-monitor capture: the request body could not be read")
            return None
        environ["wsgi.input"] = io.BytesIO(body)
        return body

    def _capture(
        self,
        environ: "WSGIEnvironment",
        request: bytes,
        seen: Mapping[str, Any],
        chunks: list[bytes],
        when: datetime,
    ) -> None:
        try:
            status = int(str(seen.get("status", "500")).split()[0])
            headers = {k.lower(): v for k, v in seen.get("headers", [])}
            response = b"".join(chunks)
            if not successful(status) or len(response) > self.max_bytes:
                return
            inference_id = environ.get("HTTP_" + INFERENCE_ID_HEADER.upper().replace("-", "_"))
            self.writer.safe_write(
                request,
                environ.get("CONTENT_TYPE"),
                response,
                headers.get("content-type"),
                inference_id,
                when,
            )
        except Exception:
            log.exception("model-monitor capture: the response could not be captured")


class _TeeBody:
    """Passes a WSGI response through unchanged, keeping a copy; ``done(chunks)`` at the end."""

    def __init__(self, body: Iterable[bytes], done: Callable[[list[bytes]], None]) -> None:
        self.body = body
        self.done = done
        self.chunks: list[bytes] = []
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            if self.size <= MAX_CAPTURE_BYTES:
                self.chunks.append(chunk)
                self.size += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            self.done(self.chunks)


# -- ASGI ------------------------------------------------------------------------------------


class CaptureASGIMiddleware:
    """Captures an ASGI app's POST requests and their responses (HTTP scope only)."""

    def __init__(
        self, app: ASGIApp, writer: CaptureWriter, max_bytes: int = MAX_CAPTURE_BYTES
    ) -> None:
        self.app = app
        self.writer = writer
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http" or scope.get("method") != "POST":
            return await self.app(scope, receive, send)
        if not self.writer.sampled():
            return await self.app(scope, receive, send)
        exchange = _Exchange(scope, self.writer.clock(), self.max_bytes)

        async def capturing_receive() -> Message:
            message = await receive()
            exchange.on_receive(message)
            return message

        async def capturing_send(message: Message) -> None:
            await send(message)
            try:
                if exchange.on_send(message):
                    await asyncio.to_thread(self._capture, exchange)
            except Exception:
                log.exception("model-monitor capture: the response could not be captured")

        return await self.app(scope, capturing_receive, capturing_send)

    def _capture(self, exchange: "_Exchange") -> None:
        try:
            if exchange.too_big or not successful(exchange.status):
                return
            self.writer.safe_write(
                b"".join(exchange.request),
                exchange.header(b"content-type"),
                b"".join(exchange.response),
                exchange.response_type,
                exchange.header(INFERENCE_ID_HEADER.lower().encode()),
                exchange.when,
            )
        except Exception:
            log.exception("model-monitor capture: the exchange could not be captured")


class _Exchange:
    """What an ASGI request/response pair carried, as far as capture needs it."""

    def __init__(self, scope: Scope, when: datetime, max_bytes: int) -> None:
        self.headers: dict[bytes, bytes] = dict(scope.get("headers") or [])
        self.when = when
        self.max_bytes = max_bytes
        self.request: list[bytes] = []
        self.response: list[bytes] = []
        self.size = 0
        self.status: int = 500
        self.response_type: str | None = None

    @property
    def too_big(self) -> bool:
        return self.size > self.max_bytes

    def header(self, name: bytes) -> str | None:
        value = self.headers.get(name)
        return value.decode("latin-1") if value is not None else None

    def _keep(self, parts: list[bytes], body: bytes) -> None:
        self.size += len(body)
        if not self.too_big:
            parts.append(body)

    def on_receive(self, message: Message) -> None:
        try:
            if message.get("type") == "http.request":
                self._keep(self.request, message.get("body", b""))
        except Exception:
            log.exception("model-monitor capture: the request could not be captured")

    def on_send(self, message: Message) -> bool:
        """Record a sent message; True once the response is complete."""
        if message.get("type") == "http.response.start":
            self.status = message.get("status", 500)
            headers = dict(message.get("headers") or [])
            value = headers.get(b"content-type")
            self.response_type = value.decode("latin-1") if value is not None else None
        elif message.get("type") == "http.response.body":
            self._keep(self.response, message.get("body", b""))
            return not message.get("more_body", False)
        return False
