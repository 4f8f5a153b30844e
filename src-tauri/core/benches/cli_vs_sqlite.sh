#!/usr/bin/env bash
# What encryption costs, seen from outside: the same operations through the `mend` command
# line on its encrypted vault and through the plain `sqlite3` shell on an unencrypted copy
# of the same database (same schema, same rows, same FTS5 index), at several sizes. Then the
# same queries inside one process (examples/bench_in_process.rs), where process start-up
# and the key derivation are out of the picture. Prints figures; asserts nothing.
#
# Run from anywhere in the repository:   src-tauri/core/benches/cli_vs_sqlite.sh
# Settings (environment):
#   MEND_BENCH_SIZES="1000 10000 50000"  entries per vault
#   MEND_BENCH_RUNS=7                     process runs per figure (median; one untimed run first;
#                                         the commands compared take turns, round by round)
#   MEND_BENCH_IN_PROCESS_RUNS=51         runs per in-process figure
#
# Each command-line figure is the median wall time of whole process runs, started from
# this script (fork + exec + dynamic linking + the work + exit), stdout to /dev/null:
#   mend:    `mend <command> --passphrase-fd 3` with the passphrase on descriptor 3, so every
#            run reads the key file, runs Argon2id (64 MiB, t=3, p=4, as the app's vaults),
#            opens SQLCipher with the raw key (no SQLCipher KDF), runs the vault's pragmas
#            and migration check, does the command, formats its output.
#   sqlite3: `sqlite3 <copy> "<SQL>"`: the SQL mend-core runs for that command (its open
#            pragmas and checks, then the same query text with the values written in),
#            minus the key. Debian's sqlite3 is a different SQLite build from the SQLCipher
#            that mend links; the in-process table compares one library against itself.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$root"
sizes=${MEND_BENCH_SIZES:-1000 10000 50000}
runs=${MEND_BENCH_RUNS:-7}
in_process_runs=${MEND_BENCH_IN_PROCESS_RUNS:-51}
target=${CARGO_TARGET_DIR:-$root/target}

if ! command -v sqlite3 >/dev/null; then
    echo "cli_vs_sqlite: this needs the sqlite3 shell; install it with: apt-get install sqlite3" >&2
    exit 1
fi
if ! sqlite3 :memory: "CREATE VIRTUAL TABLE t USING fts5 (x,
        tokenize = 'porter unicode61 remove_diacritics 2')" >/dev/null 2>&1; then
    echo "cli_vs_sqlite: this sqlite3 lacks FTS5 or is older than 3.27; install Debian's: apt-get install sqlite3" >&2
    exit 1
fi
echo "building mend and the seeding examples (release)" >&2
cargo build --release -p mend-cli >&2
cargo build --release -p mend-core --example bench_seed --example bench_in_process >&2
mend=$target/release/mend
seed=$target/release/examples/bench_seed
in_process=$target/release/examples/bench_in_process

work=$(mktemp -d "${TMPDIR:-/tmp}/mend-cli-vs-sqlite.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT TERM
# A fresh, strong passphrase; it reaches programs on stdin or descriptor 3, never argv.
pass="bench $(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

# The SQL mend-core runs (src-tauri/core/src/store/mod.rs, journal/mod.rs, search.rs).
entry_columns="e.id, e.created_at, e.updated_at, e.body, e.relationship_id,
    e.framework_id, e.step_id, e.mood,
    (SELECT group_concat(t.name, char(31)) FROM entry_tag et JOIN tag t ON t.id = et.tag_id
     WHERE et.entry_id = e.id)"
# store::open after `PRAGMA key`: the first read, the pragmas, the schema version.
open_sql="SELECT count(*) FROM sqlite_master;
    PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
    PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;
    PRAGMA user_version;"
# Journal::timeline(None, limit): one row more than the page.
timeline_sql() {
    echo "SELECT $entry_columns FROM entry e
        WHERE (e.created_at, e.id) < (9223372036854775807, 9223372036854775807) AND NULL IS NULL
        ORDER BY e.created_at DESC, e.id DESC LIMIT $(($1 + 1));"
}
# Search::run as `mend search WORD` calls it: the word as a quoted prefix, 50 hits (+1).
search_sql() {
    echo "SELECT $entry_columns, snippet(entry_fts, 0, char(57344), char(57345), '…', 24)
        FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid
        WHERE 1 AND entry_fts MATCH '\"$1\"*'
        ORDER BY entry_fts.rank LIMIT 51;"
}
# Journal::create: a savepoint around the insert and the tag rewrite, then the entry read back.
add_sql="SAVEPOINT mend;
    INSERT INTO entry (created_at, updated_at, body, relationship_id, framework_id, step_id, mood)
    VALUES (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
            CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
            'One small thing I did today.', NULL, NULL, NULL, NULL);
    DELETE FROM entry_tag WHERE entry_id = last_insert_rowid();
    RELEASE mend;
    SELECT $entry_columns FROM entry e WHERE e.id = last_insert_rowid();"

list_1_sql=$(timeline_sql 1)
list_20_sql=$(timeline_sql 20)
rare_sql=$(search_sql heron)
common_sql=$(search_sql trust)

# Each timed command is a function without arguments, so nothing is computed inside a timing.
mend_cli() { MEND_DATA_DIR="$data" "$mend" "$@" --passphrase-fd 3 3<<<"$pass"; }
sq() { sqlite3 -init /dev/null -batch -bail "$plain" "$open_sql $1"; }
mend_help() { "$mend" help; }
sq_start() { sqlite3 -init /dev/null -batch -bail :memory: "SELECT 1;"; }
# A wrong passphrase: key file read, Argon2id, the key slot refuses, exit 1; nothing opened.
mend_wrong() {
    if MEND_DATA_DIR="$data" "$mend" list --limit 1 --passphrase-fd 3 3<<<"not $pass"; then
        return 1
    else
        [[ $? -eq 1 ]]
    fi
}
mend_unlock() { mend_cli list --limit 1; }
sq_unlock() { sq "$list_1_sql"; }
mend_add() { mend_cli add One small thing I did today.; }
sq_add() { sq "$add_sql"; }
mend_list() { mend_cli list; }
sq_list() { sq "$list_20_sql"; }
mend_rare() { mend_cli search heron; }
sq_rare() { sq "$rare_sql"; }
mend_common() { mend_cli search trust; }
sq_common() { sq "$common_sql"; }

# same_entries WHAT MEND-FUNCTION SQL COUNT: both sides list the same entries, in the same order
# (mend prints `date time  #id  excerpt`; the SQL's rows are asked for their ids only).
same_entries() {
    local from_mend from_sqlite
    from_mend=$("$2" | awk '{ print substr($3, 2) }' | head -n "$4")
    from_sqlite=$(sqlite3 -init /dev/null -batch -bail "$plain" "SELECT id FROM ($3);" | head -n "$4")
    if [[ -z $from_mend || $from_mend != "$from_sqlite" ]]; then
        echo "cli_vs_sqlite: mend and sqlite3 do not agree on $1" >&2
        exit 1
    fi
}

declare -A MED
# round_robin FUNCTION...: one untimed run of each (it must succeed; it also warms the OS
# file cache), then $runs rounds running each in turn; sets MED[FUNCTION] to its median
# wall time in ms. Taking turns keeps the figures compared with each other from the same
# stretch of time on a busy machine.
round_robin() {
    local f i t0 t1
    local -A us=()
    for f in "$@"; do
        if ! "$f" >/dev/null 2>"$work/stderr"; then
            echo "cli_vs_sqlite: $f failed" >&2
            cat "$work/stderr" >&2
            exit 1
        fi
    done
    for ((i = 0; i < runs; i++)); do
        for f in "$@"; do
            t0=$EPOCHREALTIME
            "$f" >/dev/null 2>&1 || { echo "cli_vs_sqlite: $f failed" >&2; exit 1; }
            t1=$EPOCHREALTIME
            us[$f]+="$((${t1//[.,]/} - ${t0//[.,]/})) "
        done
    done
    for f in "$@"; do
        MED[$f]=$(printf '%s\n' ${us[$f]} | sort -n |
            awk -v m=$(((runs + 1) / 2)) 'NR == m { printf "%.1f", $1 / 1000 }')
    done
}

seeded=()
cli_rows=()
split_rows=()
in_process_rows=()
# row LABEL MEND-FUNCTION SQLITE-FUNCTION: a line of the command-line table.
row() {
    cli_rows+=("$(awk -v n="$n" -v l="$1" -v m="${MED[$2]}" -v s="${MED[$3]}" \
        'BEGIN { printf "%7d | %-44s | %11.1f | %10.1f | %7.1fx", n, l, m, s, m / s }')")
}

for n in $sizes; do
    dir=$work/$n
    data=$dir/data
    plain=$dir/plain.sqlite
    mkdir -p "$dir"
    echo "seeding $n entries" >&2
    "$seed" "$data" "$plain" "$n" <<<"$pass" >"$dir/seeded"
    echo "  $(cat "$dir/seeded")" >&2
    seeded+=("$n: $(cat "$dir/seeded")")

    same_entries "the newest entries" mend_list "${list_20_sql%;}" 20
    same_entries "the rare word's entries" mend_rare "${rare_sql%;}" 50
    same_entries "the common word's entries" mend_common "${common_sql%;}" 50

    echo "  timing the command line ($runs rounds)" >&2
    round_robin mend_help sq_start mend_wrong mend_unlock sq_unlock
    row "process start, no vault (help / SELECT 1)" mend_help sq_start
    row "unlock/open (list --limit 1)" mend_unlock sq_unlock
    round_robin mend_add sq_add
    row "add one entry" mend_add sq_add
    round_robin mend_list sq_list
    row "list recent (default page, 20)" mend_list sq_list
    round_robin mend_rare sq_rare
    row "search rare word 'heron'" mend_rare sq_rare
    round_robin mend_common sq_common
    row "search common word 'trust'" mend_common sq_common
    split_rows+=("$(awk -v n="$n" -v s="${MED[mend_help]}" -v w="${MED[mend_wrong]}" \
        -v u="${MED[mend_unlock]}" 'BEGIN {
        printf "%7d | %8.1f | %13.1f (%3.0f%%) | %16.1f (%3.0f%%) | %15.1f (%3.0f%%)",
            n, u, s, 100 * s / u, w - s, 100 * (w - s) / u, u - w, 100 * (u - w) / u }')")

    echo "  timing in one process ($in_process_runs runs each)" >&2
    out=$("$in_process" "$data" "$plain" "$in_process_runs" <<<"$pass")
    mapfile -t lines <<<"$out"
    in_process_rows+=("${lines[@]}")
    rm -rf -- "$dir"
done

line() { printf '%s\n' "-------------------------------------------------------------------------------------------"; }
echo
echo "Encryption's cost: mend CLI (SQLCipher vault) vs sqlite3 (plain copy, same schema and rows)"
echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf '  %s\n' "${seeded[@]}"
echo
echo "Whole processes: median wall time of $runs runs (after one untimed run; the two sides take"
echo "turns), from fork to exit, output to /dev/null."
line
printf '%7s | %-44s | %11s | %10s | %8s\n' entries operation "mend CLI ms" "sqlite3 ms" ratio
line
printf '%s\n' "${cli_rows[@]}"
line
echo
echo "Where the time of one \`mend list --limit 1\` goes (ms, medians of the same rounds):"
echo "process start = \`mend help\` (loading the app's shared libraries, then main);"
echo "key derivation = a wrong passphrase's run minus process start (key file read, Argon2id,"
echo "the slot refuses); the rest = the right passphrase's run minus the wrong one's (opening"
echo "SQLCipher with the raw key, pragmas, migration check, the query, the output)."
line
printf '%7s | %8s | %20s | %23s | %22s\n' entries total "process start" "key derivation" "the rest"
line
printf '%s\n' "${split_rows[@]}"
line
echo
echo "In one process: the same SQLCipher library on both sides, the same SQL (checked against"
echo "the core API); encrypted = the vault's connection, unlocked once; plain = the copy with the"
echo "same pragmas. Medians of $in_process_runs runs, the two sides taking turns (the Argon2id and"
echo "Vault::unlock rows: 5 runs each, taking turns). warm = pages already in SQLite's page cache"
echo "(held there decrypted); cold = the page cache emptied before each run, as in a new process."
line
printf '%7s | %-48s | %12s | %9s | %8s\n' entries operation "encrypted ms" "plain ms" ratio
line
printf '%s\n' "${in_process_rows[@]}"
line
