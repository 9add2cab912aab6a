"""A fixed-response EndUser API that answers every request after a delay, with kept-alive
connections: the 50 ms case of scripts/bench.sh when `altur sandbox` is not available.

usage: python3 slow_server.py PORT DELAY_MS
"""

import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = b'{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","display_name":"bench","integration_type":"api"}'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm holds the body
    # back until the client's delayed ACK, 40 ms later.
    disable_nagle_algorithm = True

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(DELAY)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    DELAY = int(sys.argv[2]) / 1000
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
