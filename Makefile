# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q -c requirements.lock

.PHONY: run test install install-dev translations messages lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(PIP) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

translations: install
	DEBUG=1 $(BIN)/python manage.py compile_translations

# Refresh the catalogues after changing strings (needs GNU gettext), then translate the new entries.
messages: install
	DEBUG=1 $(BIN)/python manage.py make_catalogues

run: export DEBUG ?= 1
run: install
	mkdir -p var
	DEBUG=1 $(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo
	@echo "Demo accounts (sign in at http://127.0.0.1:8000/accounts/login/):"
	@$(BIN)/python manage.py create_demo_accounts
	@echo
	@echo "The portal: http://127.0.0.1:8000/   admin: http://127.0.0.1:8000/admin/"
	@echo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: export SECRET_KEY ?= test-only-secret-key-not-for-production-0123456789abcdef
test: install-dev
	@bash scripts/ensure_chromium.sh
	$(BIN)/python manage.py compile_translations > /dev/null
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var/static

# Page times and query counts on a throwaway database; copy the table into BENCHMARKS.md.
bench: export SECRET_KEY ?= bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz
bench: install-dev
	$(BIN)/python manage.py compile_translations > /dev/null
	$(BIN)/python scripts/bench.py
