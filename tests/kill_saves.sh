#!/usr/bin/env bash
# kill -9 during large saves: after every kill the saved map is the old
# file or the new one, never a torn mix, and no temporary file older than
# the last write stays behind: each save first removes those of writers
# that are gone (src/atomic_write.rs), so at most one is ever left, and a
# save that completes leaves none.
#
# Linux (GNU coreutils, bash 5). Run by hand, from anywhere; not part of `cargo
# test`, since it kills processes at random moments and takes about a
# minute (a debug build spends most of it making the two 6 MB maps):
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
killed_writing=0
completed=0
for trial in $(seq "$trials"); do
    if [ $((trial % 2)) -eq 1 ]; then new="$work/B.json"; else new="$work/A.json"; fi
    cp "$target" "$work/before.json"
    "$bin" extract "$new" -o "$target" &
    pid=$!
    if [ $((trial % 3)) -eq 0 ]; then
        # Anywhere from the start to a little past the end of the save.
        delay_ms=$(( RANDOM % (elapsed_ms * 12 / 10 + 1) ))
        sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    else
        # Inside the write, which lasts a few milliseconds: once this
        # save's temporary file is there, 0 to 5 ms later. Builtins only
        # (compgen, EPOCHREALTIME), as starting a process takes as long.
        while kill -0 "$pid" 2>/dev/null && ! compgen -G "$out/.stancemap-$pid-*" >/dev/null; do
            :
        done
        until_us=$(( ${EPOCHREALTIME/./} + RANDOM % 5000 ))
        while [ "${EPOCHREALTIME/./}" -lt "$until_us" ]; do
            :
        done
    fi
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true

    if ! cmp -s "$target" "$work/before.json" && ! cmp -s "$target" "$new"; then
        echo "trial $trial: the target is torn (neither the old nor the new map)" >&2
        failed=1
    fi
    left="$(temporaries)"
    count=$(grep -c . <<<"$left" || true)
    if grep -q -- "^\.stancemap-$pid-" <<<"$left"; then
        killed_writing=$((killed_writing + 1))
    elif cmp -s "$target" "$new" && ! cmp -s "$work/before.json" "$new"; then
        completed=$((completed + 1))
    fi
    # A save removes the temporary files of killed writers before it
    # writes, so at most one can be left: that of the last save that got
    # as far as writing (this one, or an earlier one when this one was
    # killed before writing). A completed save leaves none.
    if [ "$count" -gt 1 ]; then
        echo "trial $trial: temporary files of earlier saves stayed:" $left >&2
        failed=1
    elif [ "$count" -eq 1 ] && cmp -s "$target" "$new" && ! cmp -s "$work/before.json" "$new"; then
        echo "trial $trial: a completed save left a temporary file:" $left >&2
        failed=1
    fi
done

# A last save, not killed: the new map, and no temporary file at all.
"$bin" extract "$work/A.json" -o "$target"
cmp -s "$target" "$work/A.json" || { echo "the last save differs from its map" >&2; failed=1; }
if [ -n "$(temporaries)" ]; then
    echo "temporary files stayed after the last save: $(temporaries)" >&2
    failed=1
fi

echo "kill_saves: $trials trials: $killed_writing killed while writing, $completed completed," \
    "$((trials - killed_writing - completed)) killed before writing;" \
    "promises kept: $([ $failed -eq 0 ] && echo yes || echo NO)"
exit $failed
