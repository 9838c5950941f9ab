#!/usr/bin/env bash
# Smoke test of the one-folder build (make dist): run the frozen app headless with the network
# cut (unshare -n where the kernel lets us), open the sample project, import a survey export,
# analyse it, show its topics, export Excel, and check the outputs. Prints the bundle size, the
# time from launch to the first window (a first launch that builds the sample, and a second one),
# and the steps passed. Exit code 0 only when every step passed.
# Usage: bench/smoke_bundle.sh [BUNDLE_DIR] [IMPORT_FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bundle="${1:-$here/dist/voc-analyzer}"
file="${2:-$here/../shared/data/formats/survey_excel_cp932.csv}"
[ -f "$file" ] || file="$here/tests/fixtures/survey_excel_cp932.csv"
[ -f "$file" ] || file=""
exe="$bundle/voc-analyzer"
[ -x "$exe" ] || { echo "no bundle at $bundle (make dist)"; exit 2; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# a clean user: no caches, settings or sample from earlier runs
export HOME="$out/home" XDG_CONFIG_HOME="$out/home/.config" XDG_DATA_HOME="$out/home/.local/share" \
       XDG_CACHE_HOME="$out/home/.cache" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
# no Python of ours on the path: the bundle must not need one
export PATH=/usr/bin:/bin PYTHONPATH= PYTHONHOME=

net=""
if unshare -n true 2>/dev/null; then net="unshare -n"; echo "network: cut (unshare -n)"; else
  echo "network: unshare -n not permitted here; running with the network up"; fi

echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files)"
for lib in torch sentence_transformers spacy thinc ja_ginza; do
  if find "$bundle" -path "*/$lib/*" -o -name "$lib" | grep -q .; then echo "FAIL: $lib is in the bundle"; exit 1; fi
done
echo "no torch / sentence-transformers / spaCy in the bundle"

args=(--smoke "$out/run")
[ -n "$file" ] && args+=(--smoke-import "$file") && echo "import: $file"
status=0
for launch in first second; do
  echo "--- $launch launch"
  # the second launch imports through a second process (what a large survey file does)
  split=""; [ "$launch" = second ] && split=1 && echo "import read in a second process (VOC_SPLIT_IMPORT=1)"
  VOC_SPLIT_IMPORT="$split" VOC_LAUNCH_T0="$(date +%s.%N)" $net "$exe" "${args[@]}" 2>"$out/stderr-$launch.txt" | tee "$out/smoke-$launch.jsonl" \
    | grep -v '"detail": "[A-Za-z]*Error' | cut -c1-220 || status=$?
  grep -q '"summary": "\([0-9]*\)/\1 steps passed"' "$out/smoke-$launch.jsonl" || status=1
done
python3 - "$out/smoke-first.jsonl" "$out/smoke-second.jsonl" <<'EOF' || true
import json, sys
for name, path in zip(("first", "second"), sys.argv[1:]):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r.get("step") == "first window" and r["ok"]:
            print(f"{name} launch → first window: {r['detail']['first_window_s']} s")
EOF
if [ "$status" != 0 ]; then echo "SMOKE FAILED"; tail -n 20 "$out"/stderr-*.txt; exit 1; fi
echo "SMOKE PASSED"
