#!/usr/bin/env bash
# Benchmarks `altur enduser import` against the obvious alternatives, on this machine, in one run:
#   1. 2,000 records at concurrency 1 vs `curl -K` sending the same 2,000 requests over one
#      kept-alive connection (fixed-response nginx on 127.0.0.1);
#   2. concurrency 8 against a server with 50 ms latency: records per second vs the ideal 160,
#      and vs `xargs -P 8 curl` (one process per record);
#   3. concurrency 8 vs `xargs -P 8 curl` against nginx;
#   4. one `altur enduser create` vs one `curl` POST;
#   5. peak RSS of a 20,000-record import vs a 2,000-record one;
#   6. paging over 100,000 campaigns shaped like the API's (1,000 cursor pages of 100 objects
#      of ~350 bytes, static files served by nginx): `altur api --paginate` (with and without
#      `--jq '.campaigns[]'`), `campaign list --all -o ndjson` and `call list --all` vs a short
#      Python `requests` loop and `jq` over the same pages on disk; peak RSS of 100,000 vs
#      10,000 items; the size of the binary.
#   7. `altur contact import` of 100,000 contacts into the sandbox with `--rate-limit 12` (the
#      API's limit per endpoint): time vs the bound the limit sets (100 batches / 12 per s),
#      contacts in the campaign afterwards (none twice, none missing), and peak RSS of 100,000
#      vs 10,000 contacts.
#   8. slow clients against `sandbox serve` and `webhook listen`: scripts/bench-slow-clients.sh.
# Times are hyperfine medians; ratios compare medians measured in the same run.
# `scripts/bench.sh paging` runs section 6 alone, `scripts/bench.sh contacts` section 7.
#
# Needs: nginx, hyperfine, curl, python3, GNU time
# (Debian: apt-get install nginx-light hyperfine curl python3 time).
# Usage: scripts/bench.sh   (builds and measures target/release/altur; ALTUR=path measures another binary)
# The 50 ms server is `altur sandbox serve --latency 50` when this build has it, else
# benches/slow_server.py.
# shellcheck source=scripts/bench-common.sh
source "$(dirname "$0")/bench-common.sh"

# 6. Paging: nginx serves pre-written pages shaped like the API's answers: campaign objects of
# ~350 bytes with their nested `agent` and `analytics` (cursor pages, page n links to n+1), and
# campaign calls with their `contact` (page-index pages).
paging_bench() {
    local dir=$work/paging port url
    mkdir -p "$dir/pages"
    chmod 755 "$work" "$dir" "$dir/pages" # nginx's workers read the pages as another user
    python3 - "$dir/pages" <<'PY'
import json, sys
out = sys.argv[1]
def campaign(n):
    return {"id": n, "name": f"Spring renewals {n}", "status": "active", "integration_type": "phone_call",
            "created_at": "2026-11-27T08:00:00Z", "updated_at": "2026-11-28T09:30:00Z", "archived": False,
            "agent": {"id": f"agt_{n % 7:04d}", "name": "Sandbox Agent"},
            "analytics": {"calls": n % 50, "contacts": 120, "callsAnsweredByHumanRate": 0.25,
                          "contactsProcessedRate": 0.5, "averageDuration": 61.5},
            "schedule": {"timezone": "America/Mexico_City", "days": ["mon", "tue", "wed"]}}
def call(n):
    return {"id": f"cll_{n:016x}", "type": "outbound", "status": "completed", "duration": 61,
            "billed_duration": 62, "created_at": "2026-11-27T08:00:00Z",
            "contact": {"id": n, "f_id": f"crm-{n}", "name": f"Contact {n}", "phone_number": "+5215512345678",
                        "status": "completed"},
            "extracted_data": {"interested": True}, "tags": ["renewal"]}
for chain, pages in (("campaigns", 1000), ("small", 100)):
    for n in range(1, pages + 1):
        items = [campaign((n - 1) * 100 + i) for i in range(100)]
        more = n < pages
        pagination = {"has_next": more}
        if more:
            pagination["next_cursor"] = f"c{n + 1}"
        page = {"success": True, "total_count": pages * 100, "campaigns": items, "pagination": pagination}
        name = f"{chain}-.json" if n == 1 else f"{chain}-c{n}.json"
        with open(f"{out}/{name}", "w") as f:
            json.dump(page, f, separators=(",", ":"))
for n in range(1000):
    more = n < 999
    page = {"success": True, "total_count": 100000, "calls": [call(n * 100 + i) for i in range(100)],
            "pagination": {"page_index": n, "page_size": 100, "has_next": more, "next_page": n + 1 if more else None}}
    with open(f"{out}/calls-{n}.json", "w") as f:
        json.dump(page, f, separators=(",", ":"))
PY
    cat >"$dir/requests_loop.py" <<'PY'
import json, sys, requests
url, key = sys.argv[1], sys.argv[2]
session, cursor, out = requests.Session(), None, sys.stdout
while True:
    answer = session.get(url, params={"cursor": cursor} if cursor else {},
                         headers={"Authorization": f"api-key {key}"})
    answer.raise_for_status()
    page = answer.json()
    for item in page["campaigns"]:
        out.write(json.dumps(item) + "\n")
    if not page["pagination"].get("has_next"):
        break
    cursor = page["pagination"]["next_cursor"]
PY
    port=$(free_port)
    cat >"$dir/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    keepalive_requests 1000000;
    default_type application/json;
    server {
        listen 127.0.0.1:$port;
        root $dir;
        location ~ ^/api/v1\.0/(campaigns|small)\$ { try_files /pages/\$1-\$arg_cursor.json =404; }
        location = /api/v1.0/campaigns/7/calls { try_files /pages/calls-\$arg_pageIndex.json =404; }
    }
}
NGINX
    nginx -c "$dir/nginx.conf" -p "$dir" &
    pids+=($!)
    wait_port "$port" "$!" || die "nginx (paging) did not start: $(cat "$dir/error.log" 2>/dev/null)"
    url="http://127.0.0.1:$port/api/v1.0"
    export ALTUR_API_KEY=sandbox ALTUR_CONFIG=/dev/null ALTUR_BASE_URL=$url
    local count
    for command in "api /campaigns --paginate --jq .campaigns[]" "campaign list --all -o ndjson" \
        "call list --campaign 7 --all -o ndjson"; do
        # shellcheck disable=SC2086
        count=$("$ALTUR" $command | wc -l)
        [ "$count" = 100000 ] || die "altur $command printed $count lines, not 100,000: $(cat "$dir/error.log" 2>/dev/null)"
    done
    [ "$(python3 "$dir/requests_loop.py" "$url/campaigns" sandbox | wc -l)" = 100000 ] || die "the Python loop did not print 100,000 items"
    # The same pages on disk, in order, for jq itself.
    for n in $(seq 1 1000); do
        if [ "$n" = 1 ]; then cat "$dir/pages/campaigns-.json"; else cat "$dir/pages/campaigns-c$n.json"; fi
        echo
    done >"$dir/all-pages.json"
    local jq_row=()
    if command -v jq >/dev/null; then
        jq_row=(-n "jq -c .campaigns[] (pages on disk)" "jq -c .campaigns[] $dir/all-pages.json")
    fi

    echo "== 6. 100,000 campaigns, 1,000 pages of 100 (~35 KB each; nginx, static pages)"
    hyperfine -N --warmup 1 --runs 5 --export-json "$dir/paging.json" --output=null \
        -n "altur api --paginate" "$ALTUR api /campaigns --paginate" \
        -n "altur api --paginate --jq .campaigns[]" "$ALTUR api /campaigns --paginate --jq .campaigns[]" \
        -n "altur campaign list --all -o ndjson" "$ALTUR campaign list --all -o ndjson" \
        -n "altur call list --all -o ndjson" "$ALTUR call list --campaign 7 --all -o ndjson" \
        -n "python3 requests loop" "python3 $dir/requests_loop.py $url/campaigns sandbox" \
        "${jq_row[@]}"
    peak_rss() { # $1 = path; the rest: arguments; median of 3 peak RSS in KiB
        local path=$1
        shift
        for _ in 1 2 3; do
            /usr/bin/time -f %M -o "$dir/rss" "$ALTUR" "$@" "$path" >/dev/null
            cat "$dir/rss"
        done | sort -n | sed -n 2p
    }
    local rss_big rss_small raw_big raw_small size
    rss_big=$(peak_rss /campaigns api --paginate --jq '.campaigns[]')
    rss_small=$(peak_rss /small api --paginate --jq '.campaigns[]')
    raw_big=$(peak_rss /campaigns api --paginate)
    raw_small=$(peak_rss /small api --paginate)
    size=$(stat -c %s "$ALTUR")
    python3 - "$dir" "$rss_big" "$rss_small" "$raw_big" "$raw_small" "$size" <<'PY'
import json, sys
work = sys.argv[1]
rss_big, rss_small, raw_big, raw_small, size = map(int, sys.argv[2:])
with open(f"{work}/paging.json") as f:
    medians = {r["command"]: r["median"] for r in json.load(f)["results"]}
pages = medians["altur api --paginate"]
items = medians["altur api --paginate --jq .campaigns[]"]
ndjson = medians["altur campaign list --all -o ndjson"]
calls = medians["altur call list --all -o ndjson"]
python = medians["python3 requests loop"]
jq = medians.get("jq -c .campaigns[] (pages on disk)")
verdict = lambda ok: "yes" if ok else "**NO**"
rate = lambda t: f"{t:.2f} s = {100000 / t:,.0f} items/s"
rows = [
    ("100,000 campaigns, `altur api --paginate` vs Python `requests` (one line per campaign)",
     f"{pages:.2f} s vs {python:.2f} s", f"{python / pages:.1f}x faster", verdict(python / pages >= 8)),
    ("same, `--jq '.campaigns[]'`", rate(items), f"{python / items:.1f}x faster", verdict(python / items >= 3)),
]
if jq is not None:
    rows.append(("`jq -c '.campaigns[]'` over the same pages on disk", f"{jq:.2f} s vs altur {items:.2f} s",
                 f"altur {jq / items:.1f}x faster", verdict(items < jq)))
rows += [
    ("`altur campaign list --all -o ndjson`", rate(ndjson), f"{python / ndjson:.1f}x faster", verdict(python / ndjson >= 5)),
    ("`altur call list --all -o ndjson` (page-index pages of calls)", rate(calls), f"{python / calls:.1f}x faster", "-"),
    ("peak RSS, 100,000 vs 10,000 campaigns (`--jq '.campaigns[]'`)",
     f"{rss_big / 1024:.1f} MiB vs {rss_small / 1024:.1f} MiB", f"{(rss_big - rss_small) / 1024:+.2f} MiB",
     verdict(abs(rss_big - rss_small) <= 2048)),
    ("peak RSS, 100,000 vs 10,000 campaigns (`api --paginate`)",
     f"{raw_big / 1024:.1f} MiB vs {raw_small / 1024:.1f} MiB", f"{(raw_big - raw_small) / 1024:+.2f} MiB",
     verdict(abs(raw_big - raw_small) <= 2048)),
    # 5 MB before `altur mcp` (rmcp and its transport), 6.5 MB with it.
    ("stripped release binary", f"{size / 1e6:.2f} MB", "-", verdict(size < 6.5e6)),
]
print()
print("| measurement | medians | ratio | target met |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
PY
}
# 7. contact import into the rate-limited sandbox.
contacts_bench() {
    local dir=$work/contacts port
    mkdir -p "$dir"
    python3 - "$dir" <<'PY'
import sys
for count in (100000, 10000):
    with open(f"{sys.argv[1]}/{count}.csv", "w") as f:
        f.write("phone,name,data.n\n")
        for n in range(count):
            f.write(f"+52155{n:08d},Contact {n},{n}\n")
PY
    port=$(free_port)
    "$ALTUR" sandbox serve --listen "127.0.0.1:$port" --rate-limit 12 2>"$dir/sandbox.log" &
    pids+=("$!")
    wait_port "$port" "$!" || die "the sandbox did not start: $(cat "$dir/sandbox.log")"
    export ALTUR_BASE_URL=http://127.0.0.1:$port/api/v1.0 ALTUR_API_KEY=sandbox
    cat >"$dir/campaign.sh" <<SH
#!/bin/sh
# A fresh campaign for each run; its id in $dir/id. (Not timed.)
"$ALTUR" campaign create --name bench --agent 11111111-1111-4111-8111-111111111111 \\
    --integration-id int_phone --channel phone_call -o id >"$dir/id"
# Past the rate limit's one-second window, so every run starts with a fresh one.
sleep 1.1
SH
    chmod +x "$dir/campaign.sh"
    hyperfine --warmup 0 --runs 3 --export-json "$dir/contacts.json" \
        --prepare "$dir/campaign.sh" \
        "$ALTUR contact import --campaign \$(cat $dir/id) $dir/100000.csv >/dev/null 2>$dir/import.log"
    local last total
    last=$(cat "$dir/id")
    total=$("$ALTUR" api "/campaigns/$last/contacts?pageSize=1" --jq .total_count)
    counted=$(grep -o 'the API counted: .*' "$dir/import.log")
    contacts_rss() { # $1 = input; peak RSS in KiB
        "$dir/campaign.sh"
        /usr/bin/time -f %M -o "$dir/rss" "$ALTUR" contact import --campaign "$(cat "$dir/id")" "$1" \
            >/dev/null 2>&1
        cat "$dir/rss"
    }
    rss_big=$(contacts_rss "$dir/100000.csv")
    rss_small=$(contacts_rss "$dir/10000.csv")
    python3 - "$dir" "$total" "$counted" "$rss_big" "$rss_small" <<'PY'
import json, sys
dir, total, counted, rss_big, rss_small = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
with open(f"{dir}/contacts.json") as f:
    median = json.load(f)["results"][0]["median"]
bound = 100 / 12
verdict = lambda ok: "yes" if ok else "**NO**"
rows = [
    ("100,000 contacts, `--rate-limit 12` (100 batches of 1,000)",
     f"{median:.2f} s vs the bound {bound:.2f} s", f"{median / bound:.2f}", verdict(median <= 1.1 * bound)),
    ("contacts in the campaign afterwards", f"{total:,} ({counted})", "-", verdict(total == 100000)),
    ("peak RSS, 100,000 vs 10,000 contacts",
     f"{rss_big / 1024:.1f} MiB vs {rss_small / 1024:.1f} MiB", f"{(rss_big - rss_small) / 1024:+.2f} MiB",
     verdict(abs(rss_big - rss_small) <= 2048)),
]
print()
print("| measurement | medians | ratio | target met |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
PY
}
if [ "${1:-all}" = contacts ]; then
    contacts_bench
    exit 0
fi
if [ "${1:-all}" = paging ]; then
    paging_bench
    exit 0
fi

# Inputs: NDJSON records, the same bodies for xargs, and curl config files.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for count in (800, 2000, 20000):
    with open(f"{work}/{count}.ndjson", "w") as f:
        for n in range(1, count + 1):
            f.write(json.dumps({"display_name": f"user-{n}", "info": f"imported by the benchmark, record {n}"}) + "\n")
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

python3 - "$work" "$rss_small" "$rss_large" "$slow_server" <<'PY'
import json, sys
work, rss_small, rss_large, slow_server = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
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
print()
print("| measurement | medians | ratio (altur / other) | target met |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
PY

paging_bench
contacts_bench
ALTUR="$ALTUR" scripts/bench-mcp.sh
ALTUR=$ALTUR scripts/bench-slow-clients.sh
ALTUR=$ALTUR scripts/bench-export.sh
