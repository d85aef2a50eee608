"""Merges concurrent chat requests into one batched generation under the model lock.

The worker runs many episodes in parallel, each sending its own request; generating them one by one
would waste the accelerator. Requests that arrive within `window_s` of each other share a batch.
"""
from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Callable, Sequence

from .generate import Generation
from .sampling import SamplingParams


@dataclass
class GenerationJob:
    prompts: list[list[int]]
    params: list[SamplingParams]
    future: Future


# run_batch(prompts, params) -> (generations, policy_version); it takes the model lock itself.
RunBatch = Callable[[Sequence[Sequence[int]], Sequence[SamplingParams]], tuple[list[Generation], int]]


class GenerationBatcher:
    def __init__(self, run_batch: RunBatch, max_rows: int = 64, window_s: float = 0.005):
        self._run_batch = run_batch
        self._max_rows = max_rows
        self._window_s = window_s
        self._jobs: "queue.Queue[GenerationJob]" = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="generation-batcher", daemon=True)
        self._thread.start()

    def submit(self, prompts: list[list[int]], params: list[SamplingParams]) -> Future:
        job = GenerationJob(prompts, params, Future())
        self._jobs.put(job)
        return job.future

    def _collect(self) -> list[GenerationJob]:
        jobs = [self._jobs.get()]
        rows = len(jobs[0].prompts)
        deadline = time.monotonic() + self._window_s
        while rows < self._max_rows:
            remaining = deadline - time.monotonic()
            try:
                job = self._jobs.get(timeout=max(remaining, 0.0)) if remaining > 0 else self._jobs.get_nowait()
            except queue.Empty:
                break
            jobs.append(job)
            rows += len(job.prompts)
        return jobs

    def _loop(self) -> None:
        while True:
            jobs = self._collect()
            prompts = [p for job in jobs for p in job.prompts]
            params = [p for job in jobs for p in job.params]
            try:
                generations, version = self._run_batch(prompts, params)
            except BaseException as error:  # hand the failure to every waiting request
                for job in jobs:
                    job.future.set_exception(error)
                continue
            offset = 0
            for job in jobs:
                count = len(job.prompts)
                job.future.set_result((generations[offset:offset + count], version))
                offset += count
