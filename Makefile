# The two commands of the README quick start: `make up` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: up test install system-deps lint lock clean

up: install
	$(BIN)/ofsted-graph up

test: install
	$(BIN)/pytest

install: system-deps $(VENV)/.installed

# Re-installs only when the package metadata or the pins change.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	touch $@

# Java 17 and Maven run the local Neo4j; installed from Debian only when missing.
system-deps:
	@bash scripts/system-deps.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# Refresh the pins from a clean resolve of pyproject.toml's ranges.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q --upgrade pip && .lock-venv/bin/pip install -q -e ".[dev]"
	{ echo "# Exact versions every fresh machine installs (make install uses this as pip constraints)."; \
	  echo "# Regenerate: make lock"; .lock-venv/bin/pip freeze --exclude-editable; } > constraints.txt
	rm -rf .lock-venv

clean:
	-$(BIN)/ofsted-graph neo4j stop
	rm -rf $(VENV) .neo4j-test
