"""A real HTTP server on 127.0.0.1, in a thread, that records the webhook POSTs it receives."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """``statuses``: the answers to give, in turn (the last repeats); ``delay``: seconds to wait."""

    def __init__(self, statuses=(200,), delay=0.0):
        self.statuses = list(statuses)
        self.delay = delay
        self.requests = []  # (path, headers, parsed body)
        self.received = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path="/hooks/T000/B000/secret-token"):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                receiver.requests.append((self.path, dict(self.headers), body))
                time.sleep(receiver.delay)
                status = receiver.statuses[min(len(receiver.requests), len(receiver.statuses)) - 1]
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:  # the client gave up (timeout)
                    pass
                receiver.received.set()

            def log_message(self, *args):
                pass

        return Handler

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
