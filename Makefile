# Raptor Desktop: `make run` starts the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test lint bench bundle system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@sh build/system-deps.sh

run: $(STAMP) system-deps
	$(BIN)/raptor

demo: $(STAMP) system-deps
	$(BIN)/raptor --demo

test: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check .
	$(BIN)/mypy raptor_desktop
	$(BIN)/vulture

bundle: $(STAMP) system-deps
	PYTHON=$(BIN)/python sh build/build-linux.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/vulture

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/ratios.py
	$(BIN)/python bench/encryption.py
	$(BIN)/python bench/bundle.py

clean:
	rm -rf $(VENV) dist build/pyinstaller .pytest_cache .mypy_cache .ruff_cache
