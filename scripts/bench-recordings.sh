#!/usr/bin/env bash
# Benchmarks `altur call recordings` (contract section 15, issue 12), on this machine, in one run:
#   1. 200 recordings of 1 MB from nginx on 127.0.0.1 (static files behind a campaign listing),
#      --concurrency 8, vs `xargs -P 8 curl -o` over the same URLs (goal: <= 0.3x its time);
#   2. the same against a server answering every request after 50 ms
#      (benches/slow_recordings.py): share of the ideal 200 x 50 ms / 8 = 1.25 s (goal >= 90%);
#   3. peak RSS of `altur call recording` for a 1 MB and a 100 MB recording (goal: within 2 MiB).
# Times are hyperfine medians measured in the same run.
#
# Needs: nginx, hyperfine, curl, python3, GNU time
# (Debian: apt-get install nginx-light hyperfine curl python3 time).
# Usage: scripts/bench-recordings.sh   (builds target/release/altur; ALTUR=path measures another)
# shellcheck source=scripts/bench-common.sh
source "$(dirname "$0")/bench-common.sh"

# Campaign 1: 200 calls of 1 MB. Campaign 2: one call of 1 MB; campaign 3: one of 100 MB.
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
os.makedirs(f"{work}/nginx/rec", exist_ok=True)
one_mb = bytes(range(256)) * 4096
def campaign(number, ids, size):
    folder = f"{work}/nginx/pages/campaign{number}"
    os.makedirs(folder, exist_ok=True)
    pages = [ids[i:i + 100] for i in range(0, len(ids), 100)]
    for index, page in enumerate(pages):
        body = {"total_count": len(ids),
                "calls": [{"id": i, "status": "ended", "recording_url": f"/api/v1.0/call/{i}/recording"} for i in page],
                "pagination": {"page_index": index, "page_size": 100, "has_next": index + 1 < len(pages)}}
        with open(f"{folder}/page{index}.json", "w") as f:
            json.dump(body, f)
    for i in ids:
        with open(f"{work}/nginx/rec/{i}.wav", "wb") as f:
            for _ in range(size):
                f.write(one_mb)
ids = [f"cll_{n:04d}" for n in range(200)]
campaign(1, ids, 1)
campaign(2, ["cll_small"], 1)
campaign(3, ["cll_large"], 100)
with open(f"{work}/ids.txt", "w") as f:
    f.write("\n".join(ids) + "\n")
PY

nginx_port=$(free_port)
sed -e "s|@PORT@|$nginx_port|g" -e "s|@PREFIX@|$work/nginx|g" benches/recordings-nginx.conf >"$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
wait_port "$nginx_port" "$!" || die "nginx did not start: $(cat "$work/nginx/error.log" 2>/dev/null)"
fast_url="http://127.0.0.1:$nginx_port/api/v1.0"

slow_port=$(free_port)
python3 benches/slow_recordings.py "$slow_port" 50 200 1048576 &
pids+=($!)
wait_port "$slow_port" "$!" || die "benches/slow_recordings.py did not start"
slow_url="http://127.0.0.1:$slow_port/api/v1.0"

export ALTUR_API_KEY=sandbox ALTUR_CONFIG=/dev/null
# Each run starts from an empty folder (emptied outside the timing): nothing is skipped.
fresh="rm -rf $work/out && mkdir $work/out"
altur_run() { # $1 = base URL
    echo "bash -c 'ALTUR_BASE_URL=$1 $ALTUR call recordings --campaign 1 --dir $work/out --concurrency 8 >/dev/null 2>&1'"
}
curl_run() { # $1 = base URL
    echo "bash -c 'xargs -P 8 -I{} curl -s -f -H \"Authorization: api-key sandbox\" -o $work/out/{}.wav $1/call/{}/recording < $work/ids.txt'"
}

echo "== 1. 200 recordings of 1 MB, concurrency 8 (nginx)"
hyperfine --warmup 1 --runs 10 --prepare "$fresh" --export-json "$work/fast.json" \
    -n "altur call recordings --concurrency 8" "$(altur_run "$fast_url")" \
    -n "xargs -P 8 curl -o" "$(curl_run "$fast_url")"
# Every byte arrived.
rm -rf "$work/out"
ALTUR_BASE_URL=$fast_url "$ALTUR" call recordings --campaign 1 --dir "$work/out" --concurrency 8 >/dev/null 2>&1
cmp "$work/out/cll_0199.wav" "$work/nginx/rec/cll_0199.wav" || die "a recording differs"
[ "$(ls "$work/out" | wc -l)" = 200 ] || die "not 200 recordings"

echo "== 2. the same, 50 ms per request (benches/slow_recordings.py)"
hyperfine --warmup 1 --runs 5 --prepare "$fresh" --export-json "$work/slow.json" \
    -n "altur call recordings --concurrency 8" "$(altur_run "$slow_url")" \
    -n "xargs -P 8 curl -o" "$(curl_run "$slow_url")"

echo "== 3. peak RSS of one recording, 1 MB vs 100 MB (nginx)"
rss() { # peak RSS in KiB of downloading call $1, median of 3 runs
    for _ in 1 2 3; do
        rm -f "$work/$1.wav"
        (cd "$work" && ALTUR_BASE_URL=$fast_url /usr/bin/time -f %M -o "$work/rss" "$ALTUR" call recording "$1" >/dev/null 2>&1)
        cat "$work/rss"
    done | sort -n | sed -n 2p
}
rss_small=$(rss cll_small)
rss_large=$(rss cll_large)
cmp "$work/cll_large.wav" "$work/nginx/rec/cll_large.wav" || die "the 100 MB recording differs"

python3 - "$work" "$rss_small" "$rss_large" <<'PY'
import json, sys
work, rss_small, rss_large = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def medians(name):
    with open(f"{work}/{name}.json") as f:
        return [r["median"] for r in json.load(f)["results"]]
verdict = lambda ok: "yes" if ok else "**NO**"
fast, slow = medians("fast"), medians("slow")
ideal = 200 * 0.050 / 8
rows = [
    ("200 recordings of 1 MB, concurrency 8 vs `xargs -P 8 curl -o` (nginx)",
     f"{fast[0]:.3f} s vs {fast[1]:.3f} s", f"{fast[0] / fast[1]:.2f}", verdict(fast[0] <= 0.3 * fast[1])),
    ("same, 50 ms per request: share of the ideal 1.25 s",
     f"{slow[0]:.2f} s (curl: {slow[1]:.2f} s)", f"{ideal / slow[0]:.0%} of the ideal", verdict(ideal / slow[0] >= 0.9)),
    ("peak RSS of `call recording`, 100 MB vs 1 MB",
     f"{rss_large / 1024:.1f} MiB vs {rss_small / 1024:.1f} MiB", f"{(rss_large - rss_small) / 1024:+.2f} MiB",
     verdict(abs(rss_large - rss_small) <= 2048)),
]
print()
print("| measurement | medians | ratio (altur / other) | target met |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
PY
