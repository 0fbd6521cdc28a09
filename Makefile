# Monitor Regiodeal Vitale Wijken — the two set-up commands are `make book` and `make test`.
# Everything installs into a local virtual environment (.venv) on first use.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
MIRROR ?= ../shared/data
JOBS   ?=

.DEFAULT_GOAL := help
.PHONY: help install system book test test-fast data run bench check clean

# Debian packages the book needs: graphviz (`dot`) draws the framework diagrams, chromium prints
# the PDF factsheets. Installed with apt-get when missing: as root, or through passwordless sudo;
# otherwise make says how.
SYSTEM_PACKAGES = graphviz chromium
DOT_CHECK = { command -v dot && command -v chromium; } >/dev/null 2>&1 || $(MAKE) --no-print-directory system

help: ## Show this help
	@echo "Monitor Regiodeal Vitale Wijken"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "  variables: MIRROR=$(MIRROR)  JOBS=<n parallel notebooks>  PYTHON=$(PYTHON)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# deduce (privacy gate) builds its lookup cache on first use (about 2 minutes): do it at install time.
	$(BIN)/python -c "from deduce import Deduce; Deduce()"
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its test tools

system: ## Install the Debian packages the book needs (graphviz, chromium)
	@if [ "$$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	 else echo "error: $(SYSTEM_PACKAGES) missing and cannot be installed without root: run 'sudo apt-get install $(SYSTEM_PACKAGES)'"; exit 1; fi; \
	 echo "installing Debian packages: $(SYSTEM_PACKAGES)"; \
	 $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; }

book: $(STAMP) ## Build the book from the committed data into _build/html (main job)
	@$(DOT_CHECK)
	$(BIN)/vitale-wijken book $(if $(JOBS),--jobs $(JOBS),)

test: $(STAMP) ## Install and run all tests (CI runs this)
	@$(DOT_CHECK)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Run only the fast tests (no data re-derivation, no book build)
	$(BIN)/python -m pytest -m "not slow"

data: $(STAMP) ## Re-derive data/processed from the source mirror (MIRROR=../shared/data)
	$(BIN)/vitale-wijken data fetch --mirror $(MIRROR)
	$(BIN)/vitale-wijken data build

run: $(STAMP) ## Execute the factsheet notebooks (papermill) without building the book
	$(BIN)/vitale-wijken run $(if $(JOBS),--jobs $(JOBS),)

bench: $(STAMP) ## Print timings of the pipeline steps
	$(BIN)/python -m analysis.bench

check: $(STAMP) ## Validate the registries
	$(BIN)/vitale-wijken check

clean: ## Remove build outputs (keeps .venv and data/processed)
	rm -rf _build book/factsheets book/_generated .cache
