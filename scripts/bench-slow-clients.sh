#!/usr/bin/env bash
# Slow clients against the two servers, `altur sandbox serve` and `altur webhook listen`
# (contract section 20, "Servers"), on this machine, over 127.0.0.1:
#   1. 1,000 slow-head clients (a header byte a second), then 1,000 slow-body clients (a body
#      byte every 4 s), then 1,000 slow-read clients (requests pipelined, answers never read:
#      16 call recordings of 8 KB from the sandbox, 20 405s from the listener):
#      a well-behaved client meanwhile is answered within 1 s (median of 10; goal <= 1 s);
#   2. 1,030 slow-body clients, more than the 1,024 connections served at once: a client that
#      waits in the backlog behind them is answered once the limits cut them (goal <= 30 s);
#   3. the same with 1,030 slow-read clients (goal <= 10 s: the server closes a connection
#      whose answers are not taken, or that sends nothing more, within 10 s).
# Slow clients that are cut reconnect at once, so the pressure lasts.
#
# Needs: python3 (asyncio, standard library only).
# Usage: scripts/bench-slow-clients.sh   (builds target/release/altur; ALTUR=path measures another)
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "bench-slow-clients: $*" >&2; exit 1; }
command -v python3 >/dev/null || die "needs python3"
if [ -z "${ALTUR:-}" ]; then
    cargo build --release --quiet
    ALTUR=$PWD/target/release/altur
fi
ALTUR=$(realpath "$ALTUR")
# 1,030 slow clients, the good one and the servers' own files, on both ends of each connection.
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)" || die "cannot raise the open-file limit"
[ "$(ulimit -n)" -ge 2200 ] || die "the open-file limit is $(ulimit -n); 2,200 or more are needed"

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_port() { # $1 = port, $2 = pid that must stay alive meanwhile
    for _ in $(seq 200); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

secret=bench-slow-clients-secret
sandbox_port=$(free_port)
"$ALTUR" sandbox serve --listen "127.0.0.1:$sandbox_port" --api-key sandbox >/dev/null 2>"$work/sandbox.log" &
pids+=($!)
wait_port "$sandbox_port" "$!" || die "the sandbox did not start: $(cat "$work/sandbox.log")"
listen_port=$(free_port)
ALTUR_WEBHOOK_SECRET=$secret "$ALTUR" webhook listen --listen "127.0.0.1:$listen_port" >/dev/null 2>"$work/listen.log" &
pids+=($!)
wait_port "$listen_port" "$!" || die "webhook listen did not start: $(cat "$work/listen.log")"

python3 - "$sandbox_port" "$listen_port" "$secret" <<'PY'
import asyncio, hashlib, hmac, json, socket, statistics, sys, time

sandbox_port, listen_port, secret = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

SERVERS = {
    "sandbox": {
        "port": sandbox_port,
        "slow_path": "/api/v1.0/enduser",
        # Filled in with a seeded call's recording (8 KB) once the sandbox is up.
        "read_request": None,
        "read_batch": 16,
    },
    "webhook listen": {
        "port": listen_port,
        "slow_path": "/hooks",
        "read_request": b"GET /hooks HTTP/1.1\r\nHost: b\r\n\r\n",
        "read_batch": 20,
    },
}

def good_request(name, n):
    """A request the server answers 200: a create, or a delivery signed with the secret."""
    if name == "sandbox":
        body = json.dumps({"display_name": f"Good {n}"}).encode()
        head = ("POST /api/v1.0/enduser HTTP/1.1\r\nHost: b\r\nAuthorization: api-key sandbox\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n")
    else:
        body = json.dumps({"event_type": "on_call_end", "id": f"cll_good_{n}_{time.time_ns()}"}).encode()
        signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        head = ("POST /hooks HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\n"
                f"X-Altur-Signature: {signature}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n")
    return (head + "\r\n").encode() + body

async def good_client(name, port, n, limit=60.0):
    """Seconds until a well-behaved client's request is answered 200 (None past the limit)."""
    started = time.monotonic()
    try:
        async def exchange():
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(good_request(name, n))
            await writer.drain()
            status = await reader.readline()
            await reader.read()
            writer.close()
            return status
        status = await asyncio.wait_for(exchange(), limit)
    except (asyncio.TimeoutError, OSError):
        return None
    if b" 200 " not in status:
        raise SystemExit(f"{name}: the good client got {status!r}")
    return time.monotonic() - started

async def recording_request():
    """A GET of one of the seeded campaign's recordings."""
    reader, writer = await asyncio.open_connection("127.0.0.1", sandbox_port)
    writer.write(b"GET /api/v1.0/campaigns/4821/calls HTTP/1.1\r\nHost: b\r\n"
                 b"Authorization: api-key sandbox\r\nConnection: close\r\n\r\n")
    answer = await reader.read()
    writer.close()
    calls = json.loads(answer.split(b"\r\n\r\n", 1)[1])["calls"]
    return (f"GET /api/v1.0/call/{calls[0]['id']}/recording HTTP/1.1\r\nHost: b\r\n"
            "Authorization: api-key sandbox\r\n\r\n").encode()

class Slow:
    """A crowd of slow clients of one kind; each reconnects when the server cuts it."""

    def __init__(self, kind, name, count):
        self.kind, self.name, self.count = kind, name, count
        self.server = SERVERS[name]
        self.stalled = 0
        self.cut = 0
        self.tasks = []

    async def start(self):
        self.tasks = [asyncio.create_task(self.client()) for _ in range(self.count)]
        # Settled: every client connected (the ones beyond the cap wait in the backlog) and
        # has sent what it sends at once.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.stalled < self.count:
            await asyncio.sleep(0.1)

    async def stop(self):
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    async def open(self):
        sock = socket.socket()
        if self.kind == "read":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", self.server["port"]))
        # A slow reader's stream buffers little: asyncio reads ahead into it, which is reading.
        limit = 1024 if self.kind == "read" else 65536
        return await asyncio.open_connection(sock=sock, limit=limit)

    async def client(self):
        first = True
        while True:
            try:
                reader, writer = await self.open()
            except OSError:
                await asyncio.sleep(0.5)
                continue
            try:
                await getattr(self, self.kind)(reader, writer, first)
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                writer.transport.abort()  # also when cancelled: no socket outlives its client
            self.cut += 1
            first = False

    async def head(self, reader, writer, first):
        writer.write(b"GET / HTTP/1.1\r\nHost: b\r\nX-Slow: ")
        await writer.drain()
        if first:
            self.stalled += 1
        while not reader.at_eof():
            writer.write(b"s")
            await writer.drain()
            await asyncio.sleep(1)

    async def body(self, reader, writer, first):
        writer.write((f"POST {self.server['slow_path']} HTTP/1.1\r\nHost: b\r\n"
                      "Authorization: api-key sandbox\r\nContent-Type: application/json\r\n"
                      "Content-Length: 100000\r\n\r\n").encode())
        await writer.drain()
        if first:
            self.stalled += 1
        while not reader.at_eof():
            writer.write(b" ")
            await writer.drain()
            await asyncio.sleep(4)

    async def read(self, reader, writer, first):
        # One batch of pipelined requests, then never a byte read: the connection is held
        # until the server gives up on it.
        writer.write(self.server["read_request"] * self.server["read_batch"])
        try:
            await asyncio.wait_for(writer.drain(), 1.0)
        except asyncio.TimeoutError:
            pass
        if first:
            self.stalled += 1
        # Held until the bench moves on: whether the server has cut it shows in the slots it
        # frees for the good client, not here.
        await asyncio.Event().wait()

async def crowd(kind, name, count):
    slow = Slow(kind, name, count)
    started = time.monotonic()
    await slow.start()
    return slow, time.monotonic() - started

async def main():
    SERVERS["sandbox"]["read_request"] = await recording_request()
    results = []
    for name in SERVERS:
        port = SERVERS[name]["port"]
        for kind in ("head", "body", "read"):
            slow, setup = await crowd(kind, name, 1000)
            waits = []
            for n in range(10):
                waits.append(await good_client(name, port, n, limit=30.0))
                await asyncio.sleep(0.2)
            await slow.stop()
            answered = [w for w in waits if w is not None]
            median = statistics.median(answered) if len(answered) == len(waits) else None
            results.append((name, f"1,000 slow-{kind}", median, 1.0, max(answered, default=None)))
            print(f"{name}, 1,000 slow-{kind} clients (settled in {setup:.1f} s): good client median "
                  f"{median if median is None else round(median, 3)} s", file=sys.stderr, flush=True)
            await asyncio.sleep(1)
        for kind, goal in (("body", 30.0), ("read", 10.0)):
            slow, setup = await crowd(kind, name, 1030)
            waited = await good_client(name, port, 99, limit=90.0)
            await slow.stop()
            results.append((name, f"1,030 slow-{kind}", waited, goal, None))
            print(f"{name}, 1,030 slow-{kind} clients (settled in {setup:.1f} s): good client "
                  f"{waited if waited is None else round(waited, 3)} s", file=sys.stderr, flush=True)
            await asyncio.sleep(1)
    print(f"{'server':<15} {'slow clients':<18} {'good client':>12}  {'goal':>6}  verdict")
    failed = False
    for name, what, seconds, goal, worst in results:
        shown = "no answer" if seconds is None else f"{seconds:.3f} s"
        ok = seconds is not None and seconds <= goal
        failed |= not ok
        note = f" (max {worst:.3f} s)" if worst is not None else ""
        print(f"{name:<15} {what:<18} {shown:>12}  {goal:>4.0f} s  {'ok' if ok else 'MISSED'}{note}")
    sys.exit(1 if failed else 0)

asyncio.run(main())
PY
