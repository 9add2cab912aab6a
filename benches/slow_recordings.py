"""Recordings behind a campaign listing, every answer after a delay, over kept-alive
connections: the latency case of scripts/bench-recordings.sh.

usage: python3 slow_recordings.py PORT DELAY_MS CALLS RECORDING_BYTES
"""

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self):
        url = urlparse(self.path)
        time.sleep(DELAY)
        if url.path.endswith("/calls"):
            index = int(parse_qs(url.query).get("pageIndex", ["0"])[0])
            first = index * 100
            ids = range(first, min(first + 100, CALLS))
            body = json.dumps({
                "total_count": CALLS,
                "calls": [{"id": f"cll_{n:04d}", "status": "ended",
                           "recording_url": f"/api/v1.0/call/cll_{n:04d}/recording"} for n in ids],
                "pagination": {"page_index": index, "page_size": 100, "has_next": first + 100 < CALLS},
            }).encode()
            content_type = "application/json"
        else:
            body, content_type = AUDIO, "audio/wav"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    DELAY = int(sys.argv[2]) / 1000
    CALLS = int(sys.argv[3])
    AUDIO = bytes(range(256)) * (int(sys.argv[4]) // 256)
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
