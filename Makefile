# The two commands of the README quick start: `make up` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: up test install system-deps lint lock clean bench-scale loadtest bench-api bench-peer

# The API runs one worker process per core; `make up WORKERS=1` for one.
up: install
	$(BIN)/ofsted-graph up $(if $(WORKERS),--workers $(WORKERS))

test: install
	$(BIN)/pytest

# The 1x, 10x and 100x scale benchmark on a Neo4j of its own (.neo4j-bench-scale, Bolt 18088).
bench-scale: install
	$(BIN)/python -m bench.scale

# The API against raw Cypher, on the loaded graph in a Neo4j of its own (stopped afterwards).
BENCH_API_ENV := OFSTED_NEO4J_HOME=.neo4j-bench-api OFSTED_BOLT_PORT=17888 OFSTED_HTTP_PORT=17889
bench-api: install
	$(BENCH_API_ENV) $(BIN)/ofsted-graph neo4j start
	$(BENCH_API_ENV) $(BIN)/ofsted-graph load
	$(BENCH_API_ENV) $(BIN)/python -m bench.api_bench; status=$$?; \
	  $(BENCH_API_ENV) $(BIN)/ofsted-graph neo4j stop; exit $$status

# The API against its peer (@neo4j/graphql + @apollo/server) on the loaded graph, in a Neo4j of its own
# (stopped afterwards). Every port is a variable: `make bench-peer BENCH_PEER_BOLT=57688 ...`.
BENCH_PEER_BOLT ?= 18288
BENCH_PEER_HTTP ?= 18289
BENCH_PEER_API ?= 18290
BENCH_PEER_PORT ?= 18291
BENCH_PEER_ARGS ?=
BENCH_PEER_ENV := OFSTED_NEO4J_HOME=.neo4j-bench-peer OFSTED_BOLT_PORT=$(BENCH_PEER_BOLT) \
  OFSTED_HTTP_PORT=$(BENCH_PEER_HTTP) OFSTED_API_PORT=$(BENCH_PEER_API) OFSTED_PEER_PORT=$(BENCH_PEER_PORT)
bench-peer: install bench/peer/node_modules/.installed
	$(BENCH_PEER_ENV) $(BIN)/ofsted-graph neo4j start
	$(BENCH_PEER_ENV) $(BIN)/ofsted-graph load
	$(BENCH_PEER_ENV) $(BIN)/python -m bench.peer_bench $(BENCH_PEER_ARGS); status=$$?; \
	  $(BENCH_PEER_ENV) $(BIN)/ofsted-graph neo4j stop; exit $$status

# @neo4j/graphql, @apollo/server and autocannon at the versions bench/peer/package-lock.json pins.
bench/peer/node_modules/.installed: bench/peer/package.json bench/peer/package-lock.json
	npm ci --prefix bench/peer --no-audit --no-fund
	touch $@

# The load test against the API that `make up` serves (start it first, in another terminal).
loadtest: install
	$(BIN)/python -m bench.loadtest

install: system-deps $(VENV)/.installed node_modules/.installed

# Re-installs only when the package metadata or the pins change.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	touch $@

# axe-core, which the widget browser tests inject into pages, at the version package-lock.json pins.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Java 17 and Maven run the local Neo4j, Chromium and npm the widget browser tests; installed from
# Debian only when missing.
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
	rm -rf $(VENV) .neo4j-test .cache node_modules test-artefacts
