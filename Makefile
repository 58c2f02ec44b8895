# `make run` (buka aplikasi), `make test` (jalankan semua tes), `make check` (ruff + mypy).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.terpasang: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.terpasang-tes: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.terpasang

run: $(VENV)/.terpasang
	$(BIN)/sistemkerja

test: $(VENV)/.terpasang-tes
	TEXTUAL_ANIMATION=none $(BIN)/python -m pytest -q

check: $(VENV)/.terpasang-tes
	$(BIN)/ruff check sistemkerja_tui tests bench
	$(BIN)/ruff format --check sistemkerja_tui tests bench
	$(BIN)/mypy sistemkerja_tui tests bench

bench: $(VENV)/.terpasang-tes
	$(BIN)/python bench/struktur.py
	$(BIN)/python bench/surat.py
	$(BIN)/python bench/kegiatan.py
	$(BIN)/python bench/laporan.py

clean:
	rm -rf $(VENV) build dist .pytest_cache

# kill -9 a hundred times in the middle of write loops (tests/test_kill9.py; the suite does it 22 times)
.PHONY: soak
soak: $(VENV)/.terpasang-tes
	SISTEMKERJA_SOAK=100 TEXTUAL_ANIMATION=none $(BIN)/python -m pytest -q tests/test_kill9.py
