# VoC Analyzer — the two set-up commands of the README:
#   make app    install into .venv and open the app on the bundled sample project
#   make test   install into .venv (and a Japanese font if missing) and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: app test fonts lint bench-import fuzz dist smoke translations train clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# BERTopic's documented lightweight install: no torch, no sentence-transformers
	$(BIN)/python -m pip install --quiet --no-deps bertopic==0.17.4
	@if $(BIN)/python -c "import torch" 2>/dev/null; then echo "torch must not be installed"; exit 1; fi
	touch $(STAMP)

# Qt renders Japanese only with a CJK font; install Debian's IPA fonts when none is present.
fonts:
	@if fc-list 2>/dev/null | grep -qiE "cjk|ipa|takao|vl gothic"; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic fontconfig) >/dev/null \
		|| echo "注意: 日本語フォントを入れられませんでした（画面の日本語が豆腐になります）"; \
	else echo "注意: 日本語フォントが見つかりません（Debian: apt-get install fonts-ipafont-gothic）"; fi

app: $(STAMP) fonts
	$(BIN)/voc-app --sample

test: $(STAMP) fonts
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# UI translations: collect the marked strings of voc_app/gui into resources/i18n/voc_en.ts (translate
# new ones there, e.g. with $(BIN)/pyside6-linguist), then compile voc_en.qm
translations: $(STAMP)
	$(BIN)/pyside6-lupdate voc_app/gui/*.py -ts resources/i18n/voc_en.ts -no-obsolete
	$(BIN)/pyside6-lrelease resources/i18n/voc_en.ts -qm resources/i18n/voc_en.qm

# Retrain the shipped text model (resources/models/text_model.npz) from training/corpus (+ the
# development sets, added once every choice is made): checks the corpus first
train: $(STAMP)
	$(BIN)/python training/check_corpus.py
	$(BIN)/python bench/train_text_model.py

lint: $(STAMP)
	$(BIN)/ruff check .

bench-import: $(STAMP)
	$(BIN)/python bench/import_bench.py

fuzz: $(STAMP)
	$(BIN)/python bench/fuzz_importers.py

# One-folder desktop build (PyInstaller, build.spec) → dist/voc-analyzer/, then its smoke test
dist: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/voc-analyzer

smoke: dist
	bash bench/smoke_bundle.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
