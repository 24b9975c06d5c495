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

.PHONY: demo test install build examples lint test-js test-py test-install test-e2e bench bench-lab fuzz clean chromium jdk maven spark dist

# The demo workspace opens the latest monitoring result and the baseline side by side.
DEMO_WORKSPACES := $(VENV)/demo-workspaces

demo: install examples
	jupyter lab workspaces import --LabWorkspaceImportApp.workspaces_dir=$(DEMO_WORKSPACES) examples/demo.jupyterlab-workspace > /dev/null
	jupyter lab --ServerApp.root_dir=examples --ServerApp.port=$(PORT) \
	  --ModelMonitorApp.db_path=$(CURDIR)/examples/.model-monitor/monitors.sqlite \
	  --LabApp.workspaces_dir=$(DEMO_WORKSPACES) $(ALLOW_ROOT) $(LAB_ARGS)

test: install chromium lint test-js test-py test-e2e test-install

install: $(VENV)/.installed node_modules/.installed build

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c "import ensurepip" 2> /dev/null || $(SHELL) scripts/install-debian-package.sh python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet "jupyterlab==$(JUPYTERLAB_VERSION)" "hatchling>=1.21" hatch-nodejs-version "hatch-jupyter-builder>=0.9" build
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build: $(VENV)/.installed node_modules/.installed
	npm run build
	@# pip would write the wheel's labextension files through develop's symlink into the source tree.
	rm -rf $(VENV)/share/jupyter/labextensions/jupyterlab-model-monitor
	$(BIN)/pip install --quiet -e ".[test]"
	jupyter labextension develop --overwrite . > /dev/null
	jupyter server extension enable --sys-prefix jupyterlab_model_monitor > /dev/null

# The demo's captures cover the 24 hours before generation; EXAMPLES_START pins them (browser tests).
examples: build
	$(BIN)/python examples/generate.py $(if $(EXAMPLES_START),--start $(EXAMPLES_START),)

lint: install
	npm run lint
	ruff check jupyterlab_model_monitor src/engine/node test/server test/install test/e2e examples $(wildcard bench)
	ruff format --check jupyterlab_model_monitor src/engine/node test/server test/install test/e2e examples $(wildcard bench)
	mypy

test-js: install jdk
	npx jest --ci

test-py: install spark
	pytest -q test/server
	pytest -q bench/test_ab.py bench/test_targets.py  # the bench tools themselves (no peers needed)

# The packages as a user gets them: wheel, sdist and npm tarball, fresh virtual environments with the
# newest and the oldest supported JupyterLab (and Notebook 7), no Node on PATH, Chromium smoke tests.
test-install: install chromium
	pytest -q test/install

# Release packages in release/: wheel and sdist (one version, from package.json) and the npm tarball.
dist: install
	npm run build:prod
	rm -rf release
	$(BIN)/python -m build --outdir release .
	npm pack --pack-destination release
	@ls -l release

# Browser tests use Debian's Chromium; Playwright's own browser download cannot work offline.
chromium:
	$(SHELL) scripts/install-debian-package.sh chromium chromium chromium-browser

# The Java Double.toString cross-check compiles a tiny Java program; Debian's JDK when missing.
jdk:
	$(SHELL) scripts/install-debian-package.sh default-jdk-headless javac

maven:
	$(SHELL) scripts/install-debian-package.sh maven mvn

# The spark backend's tests: a JDK, PySpark (the test extra) and Deequ's jar from Maven Central,
# downloaded once into the environment, where SparkBackend finds it (docs/spark.md).
DEEQU := com.amazon.deequ:deequ:2.0.7-spark-3.5
DEEQU_JARS := $(VENV)/share/jupyterlab-model-monitor/jars

spark: install jdk $(DEEQU_JARS)/.installed

$(DEEQU_JARS)/.installed: | maven
	mvn -B -q dependency:copy -Dartifact=$(DEEQU) -DoutputDirectory=$(DEEQU_JARS)
	touch $@

# The browser tests read the demo at fixed dates (tab labels, time ranges, run folders).
test-e2e: EXAMPLES_START := 2026-11-01T00:00:00Z
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
	rm -rf lib dist release jupyterlab_model_monitor/labextension jupyterlab_model_monitor/bin node_modules $(VENV) test-results
