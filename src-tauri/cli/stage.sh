#!/usr/bin/env bash
# Builds the `mend` command in release and puts it where tauri.conf.json's deb `files`
# takes it from (target/cli-bundle/mend), whatever CARGO_TARGET_DIR the build uses.
# Run by `tauri build` as its beforeBundleCommand.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release --locked -p mend-cli
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$root/target/cli-bundle"
install -m 0755 "$target/release/mend" "$root/target/cli-bundle/mend"
