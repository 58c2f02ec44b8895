# `make run` (buka aplikasi), `make test` (semua tes, SQLite), `make test-pg` (semua tes di PostgreSQL),
# `make check` (ruff + mypy).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# One pytest worker per core, each with its own databases (tests/conftest.py).
# PYTEST_ARGS narrows a run, e.g. `make test-pg PYTEST_ARGS=tests/test_store.py`.
PYTEST_ARGS ?=
PYTEST := TEXTUAL_ANIMATION=none $(BIN)/python -m pytest -q -n auto $(PYTEST_ARGS)

.PHONY: run test test-pg check bench clean

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
	$(PYTEST)

# The same suite on PostgreSQL: on a server of your own with SISTEMKERJA_TEST_DB=postgresql+psycopg://…/postgres,
# else on a throw-away cluster that .ci/postgres.sh starts and stops.
test-pg: $(VENV)/.terpasang-tes
	@if [ -n "$$SISTEMKERJA_TEST_DB" ]; then \
		$(PYTEST); \
	else \
		pg=$$(.ci/postgres.sh start) && eval "$$pg" && trap '.ci/postgres.sh stop "$$SISTEMKERJA_PG_DIR"' EXIT && \
		$(PYTEST); \
	fi

check: $(VENV)/.terpasang-tes
	$(BIN)/ruff check sistemkerja_tui tests bench
	$(BIN)/ruff format --check sistemkerja_tui tests bench
	$(BIN)/mypy sistemkerja_tui tests bench

bench: $(VENV)/.terpasang-tes
	$(BIN)/python bench/struktur.py
	$(BIN)/python bench/surat.py
	$(BIN)/python bench/kegiatan.py
	$(BIN)/python bench/laporan.py
	$(BIN)/python bench/pemilih.py

clean:
	rm -rf $(VENV) build dist .pytest_cache

# kill -9 a hundred times in the middle of write loops (tests/test_kill9.py; the suite does it 22 times)
.PHONY: soak
soak: $(VENV)/.terpasang-tes
	SISTEMKERJA_SOAK=100 TEXTUAL_ANIMATION=none $(BIN)/python -m pytest -q tests/test_kill9.py
