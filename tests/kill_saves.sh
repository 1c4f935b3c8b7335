#!/usr/bin/env bash
# kill -9 during large saves: after every kill the saved map is the old
# file or the new one, never a torn mix, and no temporary file of an
# earlier save is left behind (each save first removes those of writers
# that are gone: src/atomic_write.rs).
#
# Linux (GNU coreutils). Run by hand from anywhere (not part of `cargo test`: it kills processes
# at random moments and takes about a minute with a release build):
#
#     cargo build --release && tests/kill_saves.sh [TRIALS]
#
# TRIALS defaults to 50. STANCEMAP=path/to/stancemap picks the binary
# (default: target/release/stancemap, else target/debug/stancemap, under
# $CARGO_TARGET_DIR when set). Exit 0 when every trial kept its promise.
set -euo pipefail
cd "$(dirname "$0")/.."

trials="${1:-50}"
target_dir="${CARGO_TARGET_DIR:-target}"
bin="${STANCEMAP:-}"
if [ -z "$bin" ]; then
    for candidate in "$target_dir/release/stancemap" "$target_dir/debug/stancemap"; do
        if [ -x "$candidate" ]; then
            bin="$candidate"
            break
        fi
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "kill_saves: no stancemap binary (cargo build --release first, or set STANCEMAP)" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/out"
mkdir "$out"
target="$out/map.json"

# Two large maps, A and B (about 12 MB of JSON each). Saving a map that
# was read from JSON writes it back byte for byte, so each is also exactly
# what a completed save of it leaves.
make_map() {
    local name="$1" actor="$2"
    local filler="The weather in the capital was mild and the markets opened late on $name."
    {
        echo "Talks $name"
        echo
        for _ in $(seq 400); do
            echo "Russia backed $actor. Pakistan accused India of meddling."
            for _ in $(seq 200); do printf '%s ' "$filler"; done
            echo
        done
    } >"$work/$name.txt"
    "$bin" extract "$work/$name.txt" -o "$work/$name.json"
}
make_map A "the Taliban"
make_map B "Iran"

# How long one save takes, to spread the kills over it.
start=$(date +%s%N)
"$bin" extract "$work/A.json" -o "$target"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
cmp -s "$target" "$work/A.json" || { echo "kill_saves: a save without a kill differs from its map" >&2; exit 1; }
echo "kill_saves: $bin, one save of $(stat -c %s "$work/A.json") bytes takes ${elapsed_ms} ms"

temporaries() {
    find "$out" -maxdepth 1 -name '.stancemap-*.tmp' -printf '%f\n'
}

failed=0
killed_saving=0
for trial in $(seq "$trials"); do
    if [ $((trial % 2)) -eq 1 ]; then new="$work/B.json"; else new="$work/A.json"; fi
    cp "$target" "$work/before.json"
    "$bin" extract "$new" -o "$target" &
    pid=$!
    # Anywhere from the start to a little past the end of the save.
    delay_ms=$(( RANDOM % (elapsed_ms * 12 / 10 + 1) ))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true

    if ! cmp -s "$target" "$work/before.json" && ! cmp -s "$target" "$new"; then
        echo "trial $trial: the target is torn (neither the old nor the new map)" >&2
        failed=1
    fi
    left="$(temporaries)"
    if [ -n "$left" ]; then
        killed_saving=$((killed_saving + 1))
        # Only the save just killed may have left one.
        stale="$(grep -v -- "^\.stancemap-$pid-" <<<"$left" || true)"
        if [ -n "$stale" ]; then
            echo "trial $trial: temporary files of earlier saves stayed: $stale" >&2
            failed=1
        fi
    fi
done

# A last save, not killed: the new map, and no temporary file at all.
"$bin" extract "$work/A.json" -o "$target"
cmp -s "$target" "$work/A.json" || { echo "the last save differs from its map" >&2; failed=1; }
if [ -n "$(temporaries)" ]; then
    echo "temporary files stayed after the last save: $(temporaries)" >&2
    failed=1
fi

echo "kill_saves: $trials trials, $killed_saving killed while writing the temporary file; " \
    "target always old or new: $([ $failed -eq 0 ] && echo yes || echo NO)"
exit $failed
