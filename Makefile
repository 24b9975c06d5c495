# Two commands do everything on a fresh machine (Node 20+, Python 3.10+):
#   make demo   build, install and start JupyterLab with the extension on examples/
#   make test   install what the tests need (Debian's chromium included) and run every test
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
JUPYTERLAB_VERSION := 4.6.4
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)
PORT ?= 8888
# Jupyter refuses to start as root without this flag (containers, CI machines).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: demo test install build examples lint test-js test-py test-e2e bench bench-lab fuzz clean chromium jdk spark

# The demo workspace opens the latest monitoring result and the baseline side by side.
DEMO_WORKSPACES := $(VENV)/demo-workspaces

demo: install examples
	jupyter lab workspaces import --LabWorkspaceImportApp.workspaces_dir=$(DEMO_WORKSPACES) examples/demo.jupyterlab-workspace > /dev/null
	jupyter lab --ServerApp.root_dir=examples --ServerApp.port=$(PORT) \
	  --ModelMonitorApp.db_path=$(CURDIR)/examples/.model-monitor/monitors.sqlite \
	  --LabApp.workspaces_dir=$(DEMO_WORKSPACES) $(ALLOW_ROOT) $(LAB_ARGS)

test: install chromium lint test-js test-py test-e2e

install: $(VENV)/.installed node_modules/.installed build

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet "jupyterlab==$(JUPYTERLAB_VERSION)" "hatchling>=1.21" hatch-nodejs-version "hatch-jupyter-builder>=0.9"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build: $(VENV)/.installed node_modules/.installed
	npm run build
	$(BIN)/pip install --quiet -e ".[test]"
	jupyter labextension develop --overwrite . > /dev/null
	jupyter server extension enable --sys-prefix jupyterlab_model_monitor > /dev/null

examples: build
	$(BIN)/python examples/generate.py

lint: install
	npm run lint
	ruff check jupyterlab_model_monitor test/server test/e2e examples $(wildcard bench)
	ruff format --check jupyterlab_model_monitor test/server test/e2e examples $(wildcard bench)

test-js: install jdk
	npx jest --ci

test-py: install spark
	pytest -q test/server

# Browser tests use Debian's Chromium; Playwright's own browser download cannot work offline.
chromium:
	@if ! command -v chromium > /dev/null && ! command -v chromium-browser > /dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; \
	fi

# The Java Double.toString cross-check compiles a tiny Java program; Debian's JDK when missing.
jdk:
	@if ! command -v javac > /dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless > /dev/null; \
	fi

# The spark backend's tests: a JDK, PySpark (the test extra) and Deequ's jar from Maven Central,
# downloaded once into the environment, where SparkBackend finds it (docs/spark.md).
DEEQU := com.amazon.deequ:deequ:2.0.7-spark-3.5
DEEQU_JARS := $(VENV)/share/jupyterlab-model-monitor/jars

spark: install jdk $(DEEQU_JARS)/.installed

$(DEEQU_JARS)/.installed:
	@if ! command -v mvn > /dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven > /dev/null; \
	fi
	mvn -B -q dependency:copy -Dartifact=$(DEEQU) -DoutputDirectory=$(DEEQU_JARS)
	touch $@

test-e2e: install examples chromium spark
	CHROMIUM_PATH=$(CHROMIUM) npx playwright test -c test/e2e/playwright.config.ts

# The 500-feature render measurement first (Chromium), then the peers; one report.
bench: bench-lab
	$(BIN)/python bench/run.py

# A longer fuzzing budget than the test command's (docs/RELIABILITY.md).
fuzz: install
	FUZZ_RUNS=3000 ARROW_FUZZ_RUNS=300 npx jest --ci --selectProjects engine -- test/engine/reliability

# Time to render a 500-feature statistics file in JupyterLab (a measurement, not a test).
bench-lab: install chromium
	CHROMIUM_PATH=$(CHROMIUM) npx playwright test -c bench/lab/playwright.config.ts

clean:
	rm -rf lib dist jupyterlab_model_monitor/labextension jupyterlab_model_monitor/bin node_modules $(VENV) test-results
