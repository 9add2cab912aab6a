#!/usr/bin/env bash
# Benchmarks `altur enduser import` against the obvious alternatives, on this machine, in one run:
#   1. 2,000 records at concurrency 1 vs `curl -K` sending the same 2,000 requests over one
#      kept-alive connection (fixed-response nginx on 127.0.0.1);
#   2. concurrency 8 against a server with 50 ms latency: records per second vs the ideal 160,
#      and vs `xargs -P 8 curl` (one process per record);
#   3. concurrency 8 vs `xargs -P 8 curl` against nginx;
#   4. one `altur enduser create` vs one `curl` POST;
#   5. peak RSS of a 20,000-record import vs a 2,000-record one;
#   6. `altur api --paginate` over 100,000 items (1,000 cursor pages of 100, static files
#      behind nginx) vs the Python `requests` loop people write today; peak RSS for 100,000 vs
#      10,000 items;
#   7. the size of the stripped release binary.
# Times are hyperfine medians; ratios compare medians measured in the same run.
#
# Needs: nginx, hyperfine, curl, python3, GNU time
# (Debian: apt-get install nginx-light hyperfine curl python3 time).
# Usage: scripts/bench.sh   (builds and measures target/release/altur; ALTUR=path measures another binary)
# The 50 ms server is `altur sandbox serve --latency 50` when this build has it, else
# benches/slow_server.py.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

die() { echo "bench: $*" >&2; exit 1; }
for tool in nginx hyperfine curl python3 xargs; do
    command -v "$tool" >/dev/null || die "needs $tool (Debian: apt-get install nginx-light hyperfine curl python3 time)"
done
[ -x /usr/bin/time ] || die "needs GNU time for peak RSS (Debian: apt-get install time)"
if [ -z "${ALTUR:-}" ]; then
    cargo build --release --quiet
    ALTUR=$repo/target/release/altur
fi
ALTUR=$(realpath "$ALTUR")

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
# Waits until something accepts connections on the port; fails if process $2 died first.
wait_port() {
    for _ in $(seq 200); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

# Inputs: NDJSON records, the same bodies for xargs, and curl config files.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for count in (800, 2000, 20000):
    with open(f"{work}/{count}.ndjson", "w") as f:
        for n in range(1, count + 1):
            f.write(json.dumps({"display_name": f"user-{n}", "info": f"imported by the benchmark, record {n}"}) + "\n")
PY
# Paged lists: pages/itemsN/pageK.json, cursor paging, 100 items a page.
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
for total in (10000, 100000):
    folder = f"{work}/nginx/pages/items{total}"
    os.makedirs(folder, exist_ok=True)
    pages = total // 100
    for page in range(pages):
        items = [{"id": page * 100 + n + 1, "name": f"Campaign {page * 100 + n + 1}", "status": "active",
                  "agent": {"id": "11111111-1111-4111-8111-111111111111", "name": "Sandbox Agent"},
                  "created_at": "2026-11-27T08:00:00Z", "archived": False} for n in range(100)]
        last = page + 1 == pages
        body = {"data": items, "pagination": {"next_cursor": None if last else str(page + 1), "has_more": not last}}
        with open(f"{folder}/page{'' if page == 0 else page}.json", "w") as f:
            json.dump(body, f, separators=(",", ":"))
PY
cat >"$work/paginate.py" <<'PY'
# What people write today: follow the cursor with requests, print each page as one JSON line.
import json, sys
import requests

url, key = sys.argv[1], "sandbox"
session = requests.Session()
session.headers["Authorization"] = f"api-key {key}"
params = {}
while True:
    answer = session.get(url, params=params, timeout=30)
    answer.raise_for_status()
    page = answer.json()
    print(json.dumps(page, separators=(",", ":")))
    pagination = page.get("pagination") or {}
    if not (pagination.get("has_more") or pagination.get("has_next")) or not pagination.get("next_cursor"):
        break
    params = {"cursor": pagination["next_cursor"]}
PY
curl_config() { # $1 = base URL, $2 = records file, $3 = output config
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
url, records, out = sys.argv[1:]
with open(records) as src, open(out, "w") as cfg:
    for n, line in enumerate(src):
        if n:
            cfg.write("next\n")
        cfg.write(f'url = "{url}/enduser"\nrequest = "POST"\nsilent\noutput = "/dev/null"\n')
        cfg.write('header = "Authorization: api-key sandbox"\nheader = "Content-Type: application/json"\n')
        cfg.write(f"data-raw = {json.dumps(line.strip())}\n")
PY
}

# nginx with a fixed answer.
nginx_port=$(free_port)
mkdir -p "$work/nginx"
sed -e "s|@PORT@|$nginx_port|g" -e "s|@PREFIX@|$work/nginx|g" benches/nginx.conf >"$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
wait_port "$nginx_port" "$!" || die "nginx did not start: $(cat "$work/nginx/error.log" 2>/dev/null)"
fast_url="http://127.0.0.1:$nginx_port/api/v1.0"

# A server with 50 ms latency: the sandbox when this build has it.
slow_port=$(free_port)
"$ALTUR" sandbox serve --listen "127.0.0.1:$slow_port" --latency 50 2>"$work/sandbox.log" &
slow_pid=$!
if wait_port "$slow_port" "$slow_pid"; then
    slow_server="altur sandbox serve --latency 50"
else
    python3 benches/slow_server.py "$slow_port" 50 &
    slow_pid=$!
    wait_port "$slow_port" "$slow_pid" || die "benches/slow_server.py did not start"
    slow_server="benches/slow_server.py (50 ms)"
fi
pids+=("$slow_pid")
slow_url="http://127.0.0.1:$slow_port/api/v1.0"

curl_config "$fast_url" "$work/2000.ndjson" "$work/fast-2000.cfg"
export ALTUR_API_KEY=sandbox ALTUR_TIMEOUT=30 ALTUR_RETRIES=2 ALTUR_CONFIG=/dev/null
altur() { echo "$ALTUR $*"; }
curl_post() { # $1 = base URL
    echo "curl -s -o /dev/null -X POST -H 'Authorization: api-key sandbox' -H 'Content-Type: application/json' --data-raw '{\"display_name\":\"Ada\"}' $1/enduser"
}
xargs_curl() { # $1 = base URL, $2 = records file
    echo "xargs -P 8 -d '\\n' -I{} curl -s -o /dev/null -X POST -H 'Authorization: api-key sandbox' -H 'Content-Type: application/json' --data-raw {} $1/enduser < $2"
}

echo "== 1. 2,000 records, one connection (nginx)"
ALTUR_BASE_URL=$fast_url hyperfine -N --warmup 2 --runs 15 --export-json "$work/one.json" \
    -n "altur import --concurrency 1" "$(altur enduser import "$work/2000.ndjson" --concurrency 1)" \
    -n "curl -K (one connection)" "curl -K $work/fast-2000.cfg"

echo "== 2. 800 records, concurrency 8, 50 ms latency ($slow_server)"
ALTUR_BASE_URL=$slow_url hyperfine --warmup 1 --runs 5 --export-json "$work/latency.json" \
    -n "altur import --concurrency 8" "$(altur enduser import "$work/800.ndjson" --concurrency 8)" \
    -n "xargs -P 8 curl" "$(xargs_curl "$slow_url" "$work/800.ndjson")"

echo "== 3. 2,000 records, concurrency 8 (nginx)"
ALTUR_BASE_URL=$fast_url hyperfine --warmup 1 --runs 10 --export-json "$work/parallel.json" \
    -n "altur import --concurrency 8" "$(altur enduser import "$work/2000.ndjson" --concurrency 8)" \
    -n "xargs -P 8 curl" "$(xargs_curl "$fast_url" "$work/2000.ndjson")"

echo "== 4. one record (nginx)"
ALTUR_BASE_URL=$fast_url hyperfine -N --warmup 10 --runs 100 --export-json "$work/single.json" \
    -n "altur enduser create" "$(altur enduser create --name Ada)" \
    -n "curl POST" "$(curl_post "$fast_url")"

echo "== 5. peak RSS (nginx, concurrency 4)"
rss() { # prints the peak RSS in KiB of an import of the file $1, median of 3 runs
    for _ in 1 2 3; do
        /usr/bin/time -f %M -o "$work/rss" "$ALTUR" enduser import "$1" >/dev/null 2>&1
        cat "$work/rss"
    done | sort -n | sed -n 2p
}
export ALTUR_BASE_URL=$fast_url
rss_small=$(rss "$work/2000.ndjson")
rss_large=$(rss "$work/20000.ndjson")

echo "== 6. altur api --paginate, 100,000 items in 1,000 pages (nginx)"
paginate_python=skip
if python3 -c 'import requests' 2>/dev/null; then
    paginate_python="python3 $work/paginate.py $fast_url/items100000"
fi
hyperfine -N --warmup 1 --runs 5 --export-json "$work/paginate.json" \
    -n "altur api --paginate" "$(altur api /items100000 --paginate)" \
    -n "python requests loop" "${paginate_python/#skip/true}"
# Every item arrives: 1,000 lines of 100 items.
items=$("$ALTUR" api /items100000 --paginate | python3 -c 'import json, sys; print(sum(len(json.loads(l)["data"]) for l in sys.stdin))')
[ "$items" = 100000 ] || die "altur api --paginate printed $items items, not 100000"
paginate_rss() { # peak RSS in KiB of paging through $1, median of 3 runs
    for _ in 1 2 3; do
        /usr/bin/time -f %M -o "$work/rss" "$ALTUR" api "$1" --paginate >/dev/null 2>&1
        cat "$work/rss"
    done | sort -n | sed -n 2p
}
rss_pages_small=$(paginate_rss /items10000)
rss_pages_large=$(paginate_rss /items100000)
[ "$paginate_python" = skip ] && echo "(python3 has no requests module: the Python side is skipped)"

echo "== 7. binary size"
binary_size=$(stat -c %s "$ALTUR")

python3 - "$work" "$rss_small" "$rss_large" "$slow_server" "$rss_pages_small" "$rss_pages_large" "$binary_size" "$paginate_python" <<'PY'
import json, sys
work, rss_small, rss_large, slow_server = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rss_pages_small, rss_pages_large, binary_size = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
python_ran = sys.argv[8] != "skip"
def medians(name):
    with open(f"{work}/{name}.json") as f:
        return [r["median"] for r in json.load(f)["results"]]
verdict = lambda ok: "yes" if ok else "**NO**"
one = medians("one"); lat = medians("latency"); par = medians("parallel"); single = medians("single")
rate = 800 / lat[0]
rows = [
    ("2,000 records, concurrency 1 vs `curl -K`, one connection (nginx)",
     f"{one[0]:.3f} s vs {one[1]:.3f} s", f"{one[0] / one[1]:.2f}", verdict(one[0] <= one[1])),
    (f"800 records, concurrency 8, 50 ms latency ({slow_server})",
     f"{lat[0]:.2f} s = {rate:.0f} records/s", f"{rate / 160:.0%} of the ideal 160/s", verdict(rate >= 144)),
    ("same, vs `xargs -P 8 curl` (a process per record)",
     f"{lat[0]:.2f} s vs {lat[1]:.2f} s", f"{lat[0] / lat[1]:.2f}", "-"),
    ("2,000 records, concurrency 8 vs `xargs -P 8 curl` (nginx)",
     f"{par[0]:.3f} s vs {par[1]:.3f} s", f"{par[0] / par[1]:.2f}", "-"),
    ("one `altur enduser create` vs one `curl` POST (nginx)",
     f"{single[0] * 1000:.1f} ms vs {single[1] * 1000:.1f} ms", f"{single[0] / single[1]:.2f}", verdict(single[0] <= single[1])),
    ("peak RSS, 20,000 vs 2,000 records (concurrency 4)",
     f"{rss_large / 1024:.1f} MiB vs {rss_small / 1024:.1f} MiB", f"{(rss_large - rss_small) / 1024:+.2f} MiB",
     verdict(abs(rss_large - rss_small) <= 2048)),
]
pages = medians("paginate")
rows.append(("`api --paginate`, 100,000 items in 1,000 pages vs a Python `requests` loop (nginx)",
             f"{pages[0]:.2f} s = {100000 / pages[0]:,.0f} items/s" + (f" vs {pages[1]:.2f} s" if python_ran else ""),
             f"{pages[0] / pages[1]:.2f}" if python_ran else "-",
             verdict(pages[0] * 5 <= pages[1]) if python_ran else "-"))
rows.append(("peak RSS, `api --paginate` of 100,000 vs 10,000 items",
             f"{rss_pages_large / 1024:.1f} MiB vs {rss_pages_small / 1024:.1f} MiB",
             f"{(rss_pages_large - rss_pages_small) / 1024:+.2f} MiB",
             verdict(abs(rss_pages_large - rss_pages_small) <= 2048)))
rows.append(("stripped release binary", f"{binary_size / 1e6:.2f} MB", "-", verdict(binary_size < 5_000_000)))
print()
print("| measurement | medians | ratio (altur / other) | target met |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
PY
