# tidlig: `make run` serves the app, `make test` runs the whole suite. Both set themselves up.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: run test test-llm eval bench ingest browser clean

run: $(VENV)/.installed-app
	$(PY) -m ingest --if-missing
	$(PY) app.py

test: $(VENV)/.installed-test browser
	$(PY) -m pytest

ingest: $(VENV)/.installed-app
	$(PY) -m ingest

eval: $(VENV)/.installed-app
	$(PY) -m ingest --if-missing
	$(PY) -m eval --baseline

bench: $(VENV)/.installed-app
	$(PY) -m index.bench
	$(PY) -m assistant.bench

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null || { echo "ERROR: $(PYTHON) not found; tidlig needs Python 3.11 (set PYTHON=...)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-app: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) -e . || { echo "ERROR: installing tidlig failed (see above)" >&2; exit 1; }
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) -e ".[test,llm]" || { echo "ERROR: installing tidlig[test] failed (see above)" >&2; exit 1; }
	touch $@ $(VENV)/.installed-app

# The browser tests drive Debian's Chromium; no test tool downloads a browser.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		echo "Installing Debian chromium + chromium-driver for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
		|| { echo "ERROR: could not install chromium/chromium-driver with apt-get" >&2; exit 1; }; \
	fi

clean:
	rm -rf $(VENV) data .pytest_cache
