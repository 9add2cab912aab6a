# Shared by the benchmark scripts (sourced, not run): tool checks, the binary to measure, a
# work folder cleaned up on exit with the servers started into `pids`, and port helpers.
# Needs: nginx, hyperfine, curl, python3, GNU time
# (Debian: apt-get install nginx-light hyperfine curl python3 time).
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
chmod 755 "$work" # nginx workers may run as another user
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
# Waits until something accepts connections on port $1; fails if process $2 died first.
wait_port() {
    for _ in $(seq 200); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}
