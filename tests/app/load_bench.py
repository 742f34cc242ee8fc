"""Load benchmark: ``python -m tests.app.load_bench [--clients 20] [--questions 5] [--concurrency 4]``.

Starts ``python app.py`` as its own process on a free loopback port (on an index of the bundled corpus,
built once under .cache/load-bench with the test embedding cache), measures how long it takes until the
URL is served, then runs N concurrent gradio_client clients that each ask M questions through ``/ask``.
Prints throughput, p50/p95 latency and the error count. Not collected by pytest (no ``test_`` prefix).

``--hostile 4 --hostile-kb 100`` adds four clients that send follow-ups with a 100 KB earlier turn, again
and again while the others ask (they start first, so they hold the answer slots): the normal users' p95
then shows whether one long request blocks everybody. ``--app-root`` runs another checkout's app.py
(for a before/after comparison); ``--port`` picks the port.
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before gradio_client)

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tests.app.conftest import free_port
from tidlig.stats import percentile

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [
    "Jeg er bekymret for en dreng på stuen – hvad gør jeg?",
    "Hvad gjorde Holstebro Kommune for førstegangsforældre?",
    "Hvordan bruger kommunerne socioøkonomiske fordelingsmodeller på daginstitutionsområdet?",
    "Hvordan kan tandplejen bidrage til at opdage overgreb?",
    "Hvad er tidlig indsats?",
    "Hvordan arbejder Viborg Kommune med tidlig opsporing?",
    "Hvilke udfordringer har dagtilbud med børn med særlige behov?",
    "Hvad koster en elcykel i Tyskland?",
    "Hvordan skaber Hedensted Kommune balance mellem almen og special?",
    "Hvad er tegn på, at et lille barn mistrives?",
]


def environment(data_dir: Path, port: int, concurrency: int) -> dict[str, str]:
    return {
        **os.environ,
        "TIDLIG_DATA_DIR": str(data_dir),
        "TIDLIG_CORPUS_DIR": str(ROOT / "corpus"),
        "TIDLIG_CACHE_DIR": str(ROOT / ".cache" / "test-embeddings"),
        "TIDLIG_HOST": "127.0.0.1",
        "TIDLIG_PORT": str(port),
        "TIDLIG_CONCURRENCY_LIMIT": str(concurrency),
        "TIDLIG_LOG_LEVEL": "WARNING",
    }


def ensure_index(env: dict[str, str]) -> None:
    """``python -m index --if-missing`` with the benchmark's settings (fast with the embedding cache)."""
    subprocess.run([sys.executable, "-m", "index", "--if-missing"], env=env, cwd=ROOT, check=True)


def wait_until_served(url: str, process: subprocess.Popen, timeout_s: float = 120) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{url} was not served within {timeout_s} s")


def hostile_history(kilobytes: int) -> list[dict[str, str]]:
    """An earlier turn of ``kilobytes`` KB: a careless paste or an attack, and the answer to it."""
    earlier = ("Hvad gør Holstebro for nye forældre og deres børn i dagtilbud? " * (kilobytes * 16 + 1))[: kilobytes * 1000]
    return [{"role": "user", "content": earlier}, {"role": "assistant", "content": "Holstebro Kommune …"}]


def run_hostile(url: str, clients: int, kilobytes: int, stop: threading.Event, latencies: list[float]) -> list[threading.Thread]:
    """Clients that send a follow-up with a huge history, again and again until ``stop`` is set."""
    from gradio_client import Client

    history = hostile_history(kilobytes)
    lock = threading.Lock()

    def worker() -> None:
        client = Client(url, verbose=False, analytics_enabled=False)
        while not stop.is_set():
            started = time.perf_counter()
            try:
                client.predict("Virkede det?", history, [], api_name="/ask")
            except Exception as error:  # a refused or failed hostile request is fine; only its time counts
                print(f"hostile request failed: {error!r}"[:200], flush=True)
            with lock:
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    return threads


def run_clients(url: str, clients: int, questions: int) -> tuple[list[float], int, float, list[str]]:
    from gradio_client import Client

    from prompts import render

    error_text = render("error")
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def worker(number: int) -> None:
        try:
            client = Client(url, verbose=False, analytics_enabled=False)
        except Exception as error:  # a client that cannot connect counts all its questions as errors
            with lock:
                errors.extend([f"client {number}: {error!r}"] * questions)
            barrier.wait()
            return
        barrier.wait()
        for turn in range(questions):
            question = QUESTIONS[(number + turn) % len(QUESTIONS)]
            started = time.perf_counter()
            try:
                markdown, _ = client.predict(question, [], [], api_name="/ask")
                failed = markdown == error_text
            except Exception as error:
                failed, markdown = True, repr(error)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if failed:
                    errors.append(f"client {number}: {markdown[:120]}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, len(errors), time.perf_counter() - started, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.app.load_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=int, default=5, help="questions per client")
    parser.add_argument("--concurrency", type=int, default=4, help="TIDLIG_CONCURRENCY_LIMIT for the app")
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".cache" / "load-bench")
    parser.add_argument("--hostile", type=int, default=0, help="clients sending a long history meanwhile")
    parser.add_argument("--hostile-kb", type=int, default=100, help="size of their earlier turn in KB")
    parser.add_argument("--port", type=int, default=0, help="port for the app (default: a free one)")
    parser.add_argument("--app-root", type=Path, default=ROOT, help="checkout whose app.py is run")
    args = parser.parse_args(argv)

    port = args.port or free_port()
    env = environment(args.data_dir, port, args.concurrency)
    ensure_index(env)
    url = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen([sys.executable, str(args.app_root / "app.py")], env=env, cwd=args.app_root)
    hostile_latencies: list[float] = []
    stop = threading.Event()
    try:
        startup = wait_until_served(url, process)
        print(f"app.py served {url} after {startup:.1f} s", flush=True)
        with urllib.request.urlopen(url + "health", timeout=5) as response:
            print(f"/health: {response.read().decode()}")
        if args.hostile:
            run_hostile(url, args.hostile, args.hostile_kb, stop, hostile_latencies)
            time.sleep(3)  # the long requests take the answer slots first
        latencies, error_count, wall, errors = run_clients(url, args.clients, args.questions)
    finally:
        stop.set()
        process.terminate()
        process.wait(timeout=30)
    total = len(latencies)
    print(
        f"{args.clients} clients × {args.questions} questions = {total} requests in {wall:.1f} s "
        f"(app concurrency limit {args.concurrency}, {os.cpu_count()} CPUs)\n"
        f"throughput: {total / wall:.2f} answers/s\n"
        f"latency: p50 {statistics.median(latencies):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
        f"max {max(latencies):.2f} s, mean {statistics.fmean(latencies):.2f} s\n"
        f"errors: {error_count}"
    )
    for error in errors[:5]:
        print(f"  {error}")
    if args.hostile:
        finished = hostile_latencies or [float("nan")]
        print(
            f"meanwhile {args.hostile} hostile clients with a {args.hostile_kb} KB earlier turn: "
            f"{len(hostile_latencies)} requests finished, max {max(finished):.2f} s, "
            f"mean {statistics.fmean(finished):.2f} s"
        )
    return 1 if error_count else 0


if __name__ == "__main__":
    sys.exit(main())
