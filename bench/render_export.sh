#!/usr/bin/env bash
# Render an exported workbook the way a manager sees it: LibreOffice (headless) → PDF → PNG pages.
# Needs Debian's libreoffice-calc and poppler-utils:
#   apt-get install -y --no-install-recommends libreoffice-calc poppler-utils
# Usage: bench/render_export.sh [WORKBOOK.xlsx] [OUT_DIR]
# Without a workbook it exports the bundled sample project (masked) first.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${2:-$here/bench/out/render}"
mkdir -p "$out"
book="${1:-}"
if [ -z "$book" ]; then
  project="$("$here/.venv/bin/python" -c 'from voc_app.sample import build_sample_project; print(build_sample_project())')"
  book="$out/sample.xlsx"
  "$here/.venv/bin/voc" export "$project" "$book" --mask-pii
fi
soffice --headless --convert-to pdf --outdir "$out" "$book" >/dev/null
pdf="$out/$(basename "${book%.*}").pdf"
pdftoppm -png -r 60 "$pdf" "$out/page"
ls "$out"/page*.png
