#!/usr/bin/env python3
"""Measures how many creates per second `altur sandbox serve` sustains from one client.

One keep-alive connection sends POST /api/v1.0/enduser back to back and checks every answer
is a 200. Usage:

    cargo build --release
    scripts/sandbox-bench.py [--binary target/release/altur] [--seconds 10] [--state FILE]
"""

import argparse
import http.client
import json
import re
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="target/release/altur")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--state", help="also log records to this state file")
    args = parser.parse_args()

    command = [args.binary, "sandbox", "serve", "--listen", "127.0.0.1:0"]
    if args.state:
        command += ["--state", args.state]
    sandbox = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        port = None
        for line in sandbox.stderr:
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            sys.exit("the sandbox did not start")
        # The sandbox logs one line per request: drain them so it never blocks on the pipe.
        drain = subprocess.Popen(["cat"], stdin=sandbox.stderr, stdout=subprocess.DEVNULL)

        connection = http.client.HTTPConnection("127.0.0.1", port)
        headers = {"Authorization": "api-key sandbox", "Content-Type": "application/json"}
        body = json.dumps({"display_name": "Ada Lovelace", "info": "Prefers email"})
        creates = 0
        started = time.perf_counter()
        deadline = started + args.seconds
        while time.perf_counter() < deadline:
            connection.request("POST", "/api/v1.0/enduser", body, headers)
            answer = connection.getresponse()
            payload = answer.read()
            if answer.status != 200:
                sys.exit(f"answer {answer.status}: {payload!r}")
            creates += 1
        elapsed = time.perf_counter() - started
        print(f"{creates} creates in {elapsed:.1f} s: {creates / elapsed:.0f} creates/s")
    finally:
        sandbox.terminate()
        sandbox.wait()


if __name__ == "__main__":
    main()
