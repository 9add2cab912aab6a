#!/usr/bin/env bash
# `altur mcp` benchmarks (contract section 22), against a fixed-response nginx on 127.0.0.1:
#   1. tools/list answered after initialize: the median of 200, target under 1 ms;
#   2. 1,000 sequential `enduser_get` tool calls in one session vs 1,000 `altur enduser get`
#      processes against the same nginx, target at most 0.2x (the server keeps its connection).
# Run by scripts/bench.sh, or alone: scripts/bench-mcp.sh (ALTUR=path picks the binary).
source "$(dirname "$0")/bench-common.sh"

id=3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b
port=$(free_port)
mkdir -p "$work/mcp"
cat >"$work/mcp/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/mcp/nginx.pid;
error_log $work/mcp/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/mcp/body;
    proxy_temp_path $work/mcp/proxy;
    keepalive_timeout 60s;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$port;
        location /api/v1.0/enduser/ {
            default_type application/json;
            return 200 '{"id":"$id","display_name":"bench","integration_type":"api"}';
        }
    }
}
NGINX
nginx -c "$work/mcp/nginx.conf" -p "$work/mcp" &
pids+=($!)
wait_port "$port" "${pids[-1]}" || die "nginx did not start"

export ALTUR_BASE_URL=http://127.0.0.1:$port/api/v1.0 ALTUR_API_KEY=bench-key-0123456789
start=$(date +%s.%N)
for _ in $(seq 1000); do "$ALTUR" enduser get "$id" -o id >/dev/null; done
processes=$(echo "$(date +%s.%N) - $start" | bc -l 2>/dev/null || python3 -c "print($(date +%s.%N) - $start)")

ALTUR="$ALTUR" PROCESSES="$processes" ID="$id" python3 - <<'PY'
import json, os, statistics, subprocess, time

server = subprocess.Popen([os.environ["ALTUR"], "mcp"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True, bufsize=1)
def ask(message):
    server.stdin.write(json.dumps(message) + "\n")
    server.stdin.flush()
    return json.loads(server.stdout.readline())

ask({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
    "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
server.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
lists = []
for n in range(200):
    t = time.perf_counter()
    answer = ask({"jsonrpc": "2.0", "id": n + 1, "method": "tools/list"})
    lists.append(time.perf_counter() - t)
    assert answer["result"]["tools"], answer
t = time.perf_counter()
for n in range(1000):
    answer = ask({"jsonrpc": "2.0", "id": 1000 + n, "method": "tools/call",
                  "params": {"name": "enduser_get", "arguments": {"id": os.environ["ID"]}}})
    assert answer["result"]["isError"] is False, answer
calls = time.perf_counter() - t
server.stdin.close()
server.wait()
processes = float(os.environ["PROCESSES"])
median = statistics.median(lists) * 1000
verdict = lambda ok: "yes" if ok else "**no**"
print()
print("| measurement | medians | ratio | target met |")
print("|---|---|---|---|")
print(f"| `tools/list` after initialize (median of 200) | {median:.3f} ms | | {verdict(median < 1)} |")
print(f"| 1,000 `enduser_get` calls in one session vs 1,000 `altur enduser get` processes (nginx) "
      f"| {calls:.2f} s vs {processes:.2f} s | {calls / processes:.2f} | {verdict(calls <= 0.2 * processes)} |")
PY
