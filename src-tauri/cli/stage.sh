#!/usr/bin/env bash
# Builds the `mend` command (in release, or in debug under `tauri build --debug`) and puts
# it where tauri.conf.json's deb `files` takes it from (target/cli-bundle/mend), whatever
# CARGO_TARGET_DIR the build uses.
# Run by `tauri build` as its beforeBundleCommand.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# `tauri build --debug` (the test command's package check) bundles a debug `mend` too.
if [ "${TAURI_ENV_DEBUG:-false}" = "true" ]; then
  cargo build --locked -p mend-cli
  profile=debug
else
  cargo build --release --locked -p mend-cli
  profile=release
fi
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$root/target/cli-bundle"
install -m 0755 "$target/$profile/mend" "$root/target/cli-bundle/mend"
