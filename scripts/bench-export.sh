#!/usr/bin/env bash
# Benchmarks `altur call export` (contract section 21) against `altur sandbox serve --latency 50`,
# on this machine, in one run:
#   1. a campaign of 1,000 calls, exported with transcripts and recordings at --concurrency 8:
#      time vs the ideal (requests x 50 ms / 8; target <= 1.25x);
#   2. the same job as the customers' scripts do it, serially, in Python (list the calls page
#      by page, then for each call GET /call/{id}, GET /message/{thread_id}, GET its recording):
#      altur's time over the script's (target <= 0.15x);
#   3. peak RSS of the export of 100 calls vs 1,000 calls.
#
# Needs: python3 (with `requests` if installed, else urllib), GNU time (/usr/bin/time).
# Usage: scripts/bench-export.sh   (builds target/release/altur; ALTUR=path measures another)
#        CALLS=N changes the size of the large campaign (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "bench-export: $*" >&2; exit 1; }
command -v python3 >/dev/null || die "needs python3"
[ -x /usr/bin/time ] || die "needs GNU time (Debian: apt-get install time)"
if [ -z "${ALTUR:-}" ]; then
    cargo build --release --quiet
    ALTUR=$PWD/target/release/altur
fi
ALTUR=$(realpath "$ALTUR")
calls=${CALLS:-1000}
latency=50
concurrency=8

work=$(mktemp -d)
sandbox_pid=
cleanup() {
    [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$ALTUR" sandbox serve --listen "127.0.0.1:$port" --latency "$latency" --call-seconds 1 --seed 1 --quiet &
sandbox_pid=$!
for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$sandbox_pid" 2>/dev/null || die "the sandbox did not start"
    sleep 0.05
done
export ALTUR_BASE_URL="http://127.0.0.1:$port/api/v1.0" ALTUR_API_KEY=sandbox ALTUR_CONFIG=/dev/null
agent=11111111-1111-4111-8111-111111111111

# A campaign of $1 contacts, all called at once; prints its id once every call is final.
campaign() {
    local n=$1 id
    printf '{"name":"Bench %s","agent_id":"%s","integration_id":"int_phone","integration_type":"phone_call","concurrency_limit":1000}\n' \
        "$n" "$agent" >"$work/body.json"
    id=$("$ALTUR" api POST /campaigns --input "$work/body.json" |
        python3 -c 'import json, sys; b = json.load(sys.stdin); print(b.get("campaign", b)["id"])')
    python3 - "$n" >"$work/contacts.csv" <<'PY'
import sys
print("phone,name,f_id")
for i in range(int(sys.argv[1])):
    print(f"+5255{20000000 + i:08d},Contact {i},crm-{i}")
PY
    "$ALTUR" contact import --campaign "$id" --no-journal "$work/contacts.csv" >/dev/null 2>&1
    "$ALTUR" campaign activate "$id" -o id >/dev/null
    for _ in $(seq 600); do
        final=$("$ALTUR" call list --campaign "$id" --all -o ndjson |
            grep -c -E '"status":"(ended|busy|no-answer|failed)"' || true)
        [ "$final" -ge "$n" ] && break
        sleep 1
    done
    echo "$id"
}

echo "== setting up campaigns of 100 and $calls calls (sandbox, ${latency} ms per answer)" >&2
small=$(campaign 100)
large=$(campaign "$calls")

# Times one run of "$@" in seconds; its peak RSS (KiB) goes to $work/rss.
timed() {
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/stdout" 2>"$work/stderr" ||
        die "failed: $* ($(tail -3 "$work/stderr"))"
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
}

export_run() { # $1 = campaign, $2 = folder
    rm -rf "$2"
    timed "$ALTUR" call export --campaign "$1" --dir "$2" --with transcripts,recordings \
        --concurrency "$concurrency"
}

echo "== 1. call export of $calls calls, transcripts and recordings, --concurrency $concurrency" >&2
altur_time=$(export_run "$large" "$work/out")
altur_rss=$(cat "$work/rss")
exported=$(wc -l <"$work/out/calls.ndjson")
[ "$exported" -eq "$calls" ] || die "exported $exported calls, not $calls"
transcripts=$(find "$work/out/transcripts" -name '*.txt' | wc -l)
recordings=$(find "$work/out/recordings" -type f | wc -l)
# Requests: GET /campaigns/{id}, the listing's pages, then per call GET /call/{id} and the
# thread's messages (calls with a thread) and the recording (calls with one).
pages=$(((calls + 99) / 100))
requests=$((1 + pages + calls + transcripts + recordings))
ideal=$(python3 -c "print(f'{$requests * $latency / 1000 / $concurrency:.2f}')")

echo "== 2. the customers' sequence, serially, in Python" >&2
cat >"$work/serial.py" <<'PY'
import json, os, sys
base, key, campaign, out = sys.argv[1:5]
headers = {"Authorization": f"api-key {key}"}
try:
    import requests
    session = requests.Session()
    def get(path):
        r = session.get(base + path, headers=headers, timeout=60)
        r.raise_for_status()
        return r.content, r.headers.get("content-type", "")
except ImportError:
    import urllib.request
    def get(path):
        with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers), timeout=60) as r:
            return r.read(), r.headers.get("content-type", "")
os.makedirs(f"{out}/transcripts", exist_ok=True)
os.makedirs(f"{out}/recordings", exist_ok=True)
page = 0
while True:
    body, _ = get(f"/campaigns/{campaign}/calls?pageSize=100&pageIndex={page}")
    listing = json.loads(body)
    for call in listing["calls"]:
        detail = json.loads(get(f"/call/{call['id']}")[0])
        thread = (detail.get("thread") or {}).get("id")
        if thread:
            messages = json.loads(get(f"/message/{thread}")[0])
            with open(f"{out}/transcripts/{call['id']}.txt", "w") as f:
                for m in messages:
                    f.write(f"[{m.get('sent_at')}] {m.get('sent_by')}: {m.get('content')}\n")
        if call.get("recording_url"):
            audio, _ = get(f"/call/{call['id']}/recording")
            with open(f"{out}/recordings/{call['id']}.wav", "wb") as f:
                f.write(audio)
    if not listing.get("pagination", {}).get("has_next"):
        break
    page += 1
PY
rm -rf "$work/serial"
serial_time=$(timed python3 "$work/serial.py" "$ALTUR_BASE_URL" "$ALTUR_API_KEY" "$large" "$work/serial")

echo "== 3. peak RSS, 100 vs $calls calls" >&2
export_run "$small" "$work/small" >/dev/null
small_rss=$(cat "$work/rss")

python3 - "$calls" "$requests" "$altur_time" "$ideal" "$serial_time" "$small_rss" "$altur_rss" <<'PY'
import sys
calls, requests = int(sys.argv[1]), int(sys.argv[2])
altur, ideal, serial = map(float, sys.argv[3:6])
small_rss, large_rss = int(sys.argv[6]) / 1024, int(sys.argv[7]) / 1024
ok = lambda met: "yes" if met else "**NO**"
print()
print("| measurement | result | ratio | target met |")
print("|---|---|---|---|")
print(f"| export of {calls} calls ({requests} requests at 50 ms, concurrency 8) vs the ideal {ideal:.2f} s | {altur:.2f} s | {altur / ideal:.2f}x | {ok(altur / ideal <= 1.25)} |")
print(f"| vs the customers' serial Python script | {altur:.2f} s vs {serial:.2f} s | {altur / serial:.3f}x | {ok(altur / serial <= 0.15)} |")
print(f"| peak RSS, {calls} vs 100 calls | {large_rss:.1f} MiB vs {small_rss:.1f} MiB | {large_rss - small_rss:+.1f} MiB | {ok(large_rss - small_rss < 4)} |")
PY
