"""Webhook delivery: a JSON POST per alert, with a timeout and a bounded number of retries.

Webhook URLs often carry a secret (Slack's ``hooks.slack.com/services/T…/B…/…``): logs and the
stored delivery history only ever show :func:`redact`'s ``scheme://host/…``, never the path,
query or credentials, and never the payload.

Payload (``format: "json"``, version 1)::

    {"type": "model-monitor.alert", "version": 1, "alert_id": 12, "kind": "violations",
     "message": "churn: 7 violations …", "created_at": "2026-11-02T00:00:41Z",
     "monitor": {"id": …, "name": "churn"},
     "execution": {"id", "state", "trigger", "window_start", "window_end", "output", "message",
                   "violations", "segments"},
     "violations": [{"feature_name", "constraint_check_type", "description"[, "segment"]}, …]}

The first 50 violations: the overall ones, then those of the segments (``segment`` names one).

``format: "slack"`` posts ``{"text": message}``, which Slack (and Mattermost, Teams' Slack
connector, Discord's ``/slack`` endpoint) incoming webhooks accept.
"""

import asyncio
import ipaddress
import json
import logging
import socket
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.netutil import DefaultLoopResolver, Resolver

WEBHOOK_FORMATS = ("json", "slack")
MAX_URL_LENGTH = 2048
RETRY_STATUSES = (408, 425, 429, 500, 502, 503, 504)


class WebhookError(ValueError):
    pass


class WebhookRefused(WebhookError):
    """The target resolves only to addresses the network policy does not allow."""


class PolicyResolver(Resolver):
    """Resolves names as usual, then keeps only addresses on the public internet or in
    ``allowed_networks``. The connection uses the addresses checked here, so a name that
    resolves differently a moment later (DNS rebinding) cannot reach the server's own ports, the
    cloud metadata service (169.254.169.254) or the private network."""

    def initialize(self, allowed_networks: Iterable[str] = ()) -> None:
        self.allowed = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]
        self.resolver = DefaultLoopResolver()

    async def resolve(
        self, host: str, port: int, family: socket.AddressFamily = socket.AF_UNSPEC
    ) -> list[tuple[int, Any]]:
        addresses = await self.resolver.resolve(host, port, family)
        kept = [entry for entry in addresses if self.allows(entry[1][0])]
        if not kept:
            first = addresses[0][1][0] if addresses else "no address"
            raise WebhookRefused(
                f"{host} resolves to {first}, which is not a public address; allow its network "
                "with ModelMonitorApp.webhook_allowed_networks"
            )
        return kept

    def allows(self, text: str) -> bool:
        address = ipaddress.ip_address(text.split("%")[0])  # an IPv6 zone is not part of it
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if any(address in network for network in self.allowed):
            return True
        return address.is_global and not address.is_multicast


def check_url(url: Any) -> str:
    """Return ``url`` if it is an absolute http(s) URL; :class:`WebhookError` otherwise."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL_LENGTH:
        raise WebhookError(f"an http:// or https:// URL of at most {MAX_URL_LENGTH} characters")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise WebhookError("the URL contains spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on an invalid port
    except ValueError as error:
        raise WebhookError(f"not a valid URL: {error}") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError("only http:// and https:// URLs with a host are allowed")
    if url.endswith("/…"):
        raise WebhookError("a redacted URL (as the API shows it): enter the whole URL")
    return url


def redact(url: str) -> str:
    """``scheme://host[:port]/…``: enough to tell targets apart, no secret."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<invalid url>"
    return f"{parts.scheme}://{host}{port}/…"


def payload(alert: Mapping[str, Any], webhook_format: str) -> dict[str, Any]:
    """The JSON body posted for ``alert`` (a dict with the documented payload fields)."""
    if webhook_format == "slack":
        return {"text": alert["message"]}
    return {"type": "model-monitor.alert", "version": 1, **alert}


def should_retry(error: Exception) -> bool:
    """Retry network errors, timeouts, 5xx and 429; a 4xx answer will not change."""
    if isinstance(error, HTTPClientError):
        return error.code in RETRY_STATUSES or error.code == 599
    return not isinstance(error, WebhookRefused)


def describe(error: Exception, url: str) -> str:
    """An error message without the URL's secret parts."""
    if isinstance(error, HTTPClientError) and error.code != 599:
        return f"HTTP {error.code}"
    text = f"{type(error).__name__}: {error}".replace(url, redact(url))
    return text[:300]


class WebhookSender:
    """POSTs JSON with retries: ``attempts`` tries, waiting ``backoff``·2^i seconds in between.
    Targets must resolve to public addresses, or to ``allowed_networks`` (see PolicyResolver)."""

    def __init__(
        self,
        log: logging.Logger,
        timeout: float = 10.0,
        attempts: int = 3,
        backoff: float = 1.0,
        allowed_networks: Iterable[str] = (),
    ) -> None:
        self.log = log
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.allowed_networks = tuple(allowed_networks)

    def request(self, url: str, body: Any) -> HTTPRequest:
        return HTTPRequest(
            url,
            method="POST",
            body=json.dumps(body),
            headers={"Content-Type": "application/json", "User-Agent": "jupyterlab-model-monitor"},
            connect_timeout=self.timeout,
            request_timeout=self.timeout,
            follow_redirects=False,
        )

    async def send(self, url: str, body: Any) -> dict[str, Any]:
        """Deliver ``body``; returns ``{target, delivered, attempts, status, error}``."""
        result: dict[str, Any] = {
            "target": redact(url),
            "delivered": False,
            "attempts": 0,
            "status": None,
        }
        result["error"] = None
        resolver = PolicyResolver(allowed_networks=self.allowed_networks)
        client = AsyncHTTPClient(force_instance=True, resolver=resolver)
        try:
            return await self._attempts(client, url, body, result)
        finally:
            client.close()
            resolver.close()

    async def _attempts(
        self, client: AsyncHTTPClient, url: str, body: Any, result: dict[str, Any]
    ) -> dict[str, Any]:
        for attempt in range(self.attempts):
            result["attempts"] = attempt + 1
            try:
                response = await client.fetch(self.request(url, body))
                return {**result, "delivered": True, "status": response.code, "error": None}
            except Exception as error:  # noqa: BLE001 - any failure is recorded, none escapes
                result["status"] = getattr(error, "code", None)
                result["error"] = describe(error, url)
                self.log.warning(
                    "model-monitor: webhook %s attempt %d failed: %s",
                    result["target"],
                    attempt + 1,
                    result["error"],
                )
                if not should_retry(error):
                    break
            if attempt + 1 < self.attempts:
                await asyncio.sleep(self.backoff * 2**attempt)
        return result
