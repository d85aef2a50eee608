"""The trainer's state: one model, the run it trains, the buffer of submitted episodes (or SFT examples),
the step jobs, the consumed ids, the step history and checkpoints. The HTTP server is a thin shell over
this class (the toy learning check drives it directly).

Two locks: `model_lock` serialises what touches the weights (generation batches, a step, a checkpoint
save/load); `state_lock` guards the bookkeeping and is only ever held briefly, so submissions, lookups
and job polls answer at once while a step runs. Lock order: model_lock before state_lock.
"""
from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from typing import Optional, Sequence

import torch

from . import checkpoint as ckpt
from .config import PPOConfig
from .engine_generation import GenerationMixin
from .episodes import Episode, parse_episode
from .errors import ConflictError, NotFoundError
from .jobs import DONE, FAILED, QUEUED, RUNNING, StepJob, job_id
from .journal import Journal
from .json_safe import sanitize
from .model.interface import ActorCriticModel
from .ppo.step import PPOUpdater
from .runs import RunBinding, config_fingerprint, resolve_config, same_config_or_conflict
from .sft.examples import TooLongError, parse_example
from .sft.step import SFTUpdater


def make_updater(model: ActorCriticModel, cfg: PPOConfig, pad_id: int):
    return SFTUpdater(model, cfg, pad_id) if cfg.algo == "sft" else PPOUpdater(model, cfg, pad_id)


class TrainerEngine(GenerationMixin):
    def __init__(self, model: ActorCriticModel, template, cfg: PPOConfig, checkpoint_dir: Optional[str] = None,
                 seed: int = 0, save_every: int = 0, generation_rows: int = 64, generation_window_s: float = 0.005,
                 pinned: Optional[dict] = None, step_delay_s: float = 0.0, keep_journal: bool = False):
        self.model = model
        self.template = template
        self.cfg = cfg
        self.default_preset = cfg.preset
        self.pinned = dict(pinned or {})
        self.checkpoint_dir = checkpoint_dir
        self.save_every = save_every
        self.step_delay_s = step_delay_s  # testing only: a deliberately slow step
        self.model_lock = threading.RLock()
        self.state_lock = threading.RLock()
        self.jobs_changed = threading.Condition(self.state_lock)
        self.updater = make_updater(model, cfg, template.pad_id)
        self.template.pin_date(cfg.chat_template_date)
        self.step = 0
        self.policy_version = 0
        self.run_id: Optional[str] = None
        self.run: Optional[RunBinding] = None
        self.buffer: "OrderedDict[str, object]" = OrderedDict()
        self.inflight: dict[str, object] = {}
        self.jobs: "OrderedDict[str, StepJob]" = OrderedDict()
        self.consumed: dict[str, int] = {}
        self.steps: list[dict] = []
        self.rng = torch.Generator().manual_seed(seed)
        self.started_at = time.time()
        self.last_checkpoint: Optional[str] = None
        self.generated_tokens = 0
        self.journal = Journal(checkpoint_dir) if checkpoint_dir else None
        if self.journal and not keep_journal:
            self.journal.compact([], [])  # a fresh start: what an earlier process journaled is not ours
        self._init_generation(generation_rows, generation_window_s)
        threading.Thread(target=self._run_jobs, name="step-jobs", daemon=True).start()

    # ---- runs -------------------------------------------------------------------------------------------
    def register_run(self, spec: dict) -> dict:
        run_id, requested = spec["run_id"], dict(spec["config"])
        if spec["model"] != self.model.model_name:
            raise ConflictError(f"the run expects model '{spec['model']}' but this trainer serves "
                                f"'{self.model.model_name}'", "model")
        cfg = resolve_config(requested, self.default_preset, self.model.finetune_mode, self.pinned)
        with self.model_lock, self.state_lock:
            if self.run_id not in (None, run_id) and (self.step or self.buffer or self._pending()):
                raise ConflictError(f"this trainer is training run '{self.run_id}' (step {self.step}); start another "
                                    f"trainer for run '{run_id}'", "run_id")
            if self.run_id == run_id and (self.step or self.buffer or self._pending() or self.run):
                same_config_or_conflict(self.cfg, cfg, run_id)
            elif self.cfg != cfg:
                self.cfg = cfg
                self.updater = make_updater(self.model, cfg, self.template.pad_id)
            self.run_id = run_id
            self.run = RunBinding(run_id, spec["model"], requested, self.cfg)
            self.template.pin_date(self.cfg.chat_template_date)
            if self.journal:
                self.journal.write_run(spec)
            return {**self.run.public(), **self._progress()}

    def _check_run(self, run_id: str, config_sha256: Optional[str], algo: str) -> None:
        """Episodes of another run, or of this run configured otherwise, are refused (409)."""
        if config_sha256 is not None:
            if self.run is None or self.run.run_id != run_id:
                raise ConflictError(f"run '{run_id}' is not registered with this trainer (it may have restarted): "
                                    f"POST /rl/runs first", "run_id", kind="run_not_registered")
            if config_sha256 != self.run.config_sha256:
                raise ConflictError(f"these episodes were produced for a config (sha256 {config_sha256[:12]}…) other "
                                    f"than the one this trainer trains run '{run_id}' with "
                                    f"({self.run.config_sha256[:12]}…)", "config_sha256")
        if self.run_id is None or (self.run_id != run_id and not (self.step or self.buffer or self._pending())
                                   and self.run is None):
            self.run_id = run_id  # an unregistered client (toy check, curl): trains with the trainer's own config
        elif self.run_id != run_id:
            raise ConflictError(f"this trainer is training run '{self.run_id}' (step {self.step}); start another "
                                f"trainer or load a checkpoint of run '{run_id}'", "run_id")
        if self.cfg.algo != algo:
            raise ConflictError(f"run '{run_id}' is a {self.cfg.algo} run; {algo} data was sent", "run_id")

    # ---- submissions -------------------------------------------------------------------------------------
    # In-process callers (toy check, tests) wait for the steps they cause; HTTP clients poll the jobs.
    def submit_episodes(self, run_id: str, episodes: Sequence[Episode], config_sha256: Optional[str] = None,
                        wait: bool = True) -> dict:
        return self._submit(run_id, "ppo", [(e.episode_id, e, getattr(e, "raw", None)) for e in episodes],
                            config_sha256, wait)

    def submit_examples(self, run_id: str, raws: Sequence[dict], config_sha256: Optional[str] = None,
                        wait: bool = True) -> dict:
        with self.state_lock:
            self._check_run(run_id, config_sha256, "sft")
            loss_on = self.cfg.sft_loss_on
        examples, rejected = [], []
        for i, raw in enumerate(raws):
            try:
                examples.append(parse_example(raw, f"examples[{i}]", self.template, self.model.vocab_size,
                                              self.model.max_seq_len, loss_on))
            except TooLongError as error:
                rejected.append({"example_id": raw.get("example_id"), "reason": error.message})
        result = self._submit(run_id, "sft", [(e.example_id, e, e.raw) for e in examples], config_sha256, wait)
        return {**result, "rejected": rejected}

    def _submit(self, run_id: str, algo: str, items: list, config_sha256: Optional[str], wait: bool) -> dict:
        with self.state_lock:
            self._check_run(run_id, config_sha256, algo)
            accepted, duplicates, journaled = [], [], []
            for item_id, item, raw in items:
                if item_id in self.consumed:
                    duplicates.append({"episode_id": item_id, "status": "trained", "step": self.consumed[item_id]})
                elif item_id in self.buffer or item_id in self.inflight:
                    duplicates.append({"episode_id": item_id,
                                       "status": "buffered" if item_id in self.buffer else "pending"})
                else:
                    self.buffer[item_id] = item
                    accepted.append(item_id)
                    journaled.append((item_id, raw))
            if self.journal and journaled and all(raw is not None for _, raw in journaled):
                self.journal.append_items("example" if algo == "sft" else "episode", journaled)
            new_jobs = []
            while len(self.buffer) >= self.cfg.batch_episodes:
                new_jobs.append(self._queue_job(self.cfg.batch_episodes))
        steps = self.wait_for(new_jobs) if wait else []
        with self.state_lock:
            progress = self._progress()
        return {**progress, "accepted": accepted, "duplicates": duplicates,
                "jobs": [j.public(with_result=False) for j in new_jobs], "steps": steps}

    def flush(self, run_id: str, config_sha256: Optional[str] = None, wait: bool = True) -> dict:
        """Queue a step on whatever is buffered (end of a worker step, a smaller last batch)."""
        with self.state_lock:
            self._check_run(run_id, config_sha256, self.cfg.algo)
            job = self._queue_job(len(self.buffer)) if self.buffer else None
            pending = [j.public(with_result=False) for j in self.jobs.values() if j.status in (QUEUED, RUNNING)]
        steps = self.wait_for([job] if job else []) if wait else []
        with self.state_lock:
            progress = self._progress()
        return {**progress, "accepted": [], "duplicates": [],
                "job": job.public(with_result=False) if job else None, "pending_jobs": pending, "steps": steps}

    # ---- jobs ---------------------------------------------------------------------------------------------
    def _pending(self) -> list[StepJob]:
        return [j for j in self.jobs.values() if j.status in (QUEUED, RUNNING)]

    def _queue_job(self, count: int, existing_id: Optional[str] = None, ids: Optional[list] = None) -> StepJob:
        ids = ids if ids is not None else list(self.buffer.keys())[:count]
        step = self.step + 1 + len(self._pending())
        job = StepJob(existing_id or job_id(self.run_id, step, ids), self.run_id, step, self.cfg.algo, ids,
                      resumed=existing_id is not None)
        for item_id in ids:
            self.inflight[item_id] = self.buffer.pop(item_id)
        self.jobs[job.id] = job
        if self.journal and existing_id is None:
            self.journal.append_job(job.journal_record())
        self.jobs_changed.notify_all()
        return job

    def job(self, job_id_: str) -> dict:
        with self.state_lock:
            if job_id_ not in self.jobs:
                raise NotFoundError(f"no step job '{job_id_}' (a trainer restarted without --resume forgets its jobs)")
            return self.jobs[job_id_].public()

    def wait_for(self, jobs: Sequence[StepJob], timeout_s: Optional[float] = None) -> list[dict]:
        """Block until the jobs finished (in-process callers, `"wait": true`); their step records, in order."""
        deadline = None if timeout_s is None else time.time() + timeout_s
        with self.jobs_changed:
            while any(j.status in (QUEUED, RUNNING) for j in jobs):
                left = None if deadline is None else deadline - time.time()
                if left is not None and left <= 0:
                    break
                self.jobs_changed.wait(left)
            failed = [j for j in jobs if j.status == FAILED]
            if failed:
                raise RuntimeError(f"step job {failed[0].id} failed: {failed[0].error}")
            return [j.result for j in jobs if j.status == DONE]

    def _run_jobs(self) -> None:
        while True:
            with self.jobs_changed:
                while not any(j.status == QUEUED for j in self.jobs.values()):
                    self.jobs_changed.wait()
                job = next(j for j in self.jobs.values() if j.status == QUEUED)
            with self.model_lock:
                with self.state_lock:
                    job.status, job.started_at = RUNNING, time.time()
                    items = [self.inflight[i] for i in job.item_ids]
                try:
                    if self.step_delay_s:
                        time.sleep(self.step_delay_s)
                    metrics = self.updater.step(items, self.policy_version)
                except Exception as error:  # a bug or an accelerator failure: the items go back, in order
                    self._fail(job, f"{type(error).__name__}: {error}")
                    continue
                self._commit(job, metrics)

    def _fail(self, job: StepJob, error: str) -> None:
        with self.jobs_changed:
            later = [j for j in self.jobs.values() if j.status == QUEUED and j is not job]
            returned = OrderedDict()
            for failed in [job, *later]:
                failed.status, failed.error, failed.finished_at = FAILED, error, time.time()
                for item_id in failed.item_ids:
                    returned[item_id] = self.inflight.pop(item_id)
            returned.update(self.buffer)
            self.buffer = returned
            self.jobs_changed.notify_all()

    def _commit(self, job: StepJob, metrics: dict) -> None:
        with self.jobs_changed:
            self.step += 1
            self.policy_version += 1
            for item_id in job.item_ids:
                del self.inflight[item_id]
                self.consumed[item_id] = self.step
            record = sanitize({"step": self.step, "policy_version": self.policy_version, "run_id": self.run_id,
                               "finished_at": time.time(), "job_id": job.id, "resumed": job.resumed,
                               "job_time_s": time.time() - (job.started_at or time.time()), **metrics,
                               "episode_ids": job.item_ids})
            self.steps.append(record)
            job.result, job.status, job.finished_at = record, DONE, time.time()
            if self.save_every and self.checkpoint_dir and self.step % self.save_every == 0:
                self.save_checkpoint()
            self.jobs_changed.notify_all()

    def _progress(self) -> dict:
        return {"run_id": self.run_id, "step": self.step, "policy_version": self.policy_version,
                "buffered": len(self.buffer), "pending": len(self.inflight), "batch_episodes": self.cfg.batch_episodes,
                "checkpoint": self.last_checkpoint, "config_sha256": config_fingerprint(self.cfg)}

    def lookup(self, episode_ids: Sequence[str]) -> dict:
        with self.state_lock:
            trained = {i: self.consumed[i] for i in episode_ids if i in self.consumed}
            buffered = [i for i in episode_ids if i in self.buffer]
            pending = [i for i in episode_ids if i in self.inflight]
            unknown = [i for i in episode_ids if i not in self.consumed and i not in self.buffer
                       and i not in self.inflight]
            return {"run_id": self.run_id, "step": self.step, "trained": trained, "buffered": buffered,
                    "pending": pending, "unknown": unknown}

    def steps_since(self, since: int) -> list[dict]:
        with self.state_lock:
            return [s for s in self.steps if s["step"] > since]

    # ---- checkpoints ----------------------------------------------------------------------------------
    def save_checkpoint(self, kind: str = "train") -> dict:
        if not self.checkpoint_dir:
            raise ConflictError("no --checkpoint-dir was given to this trainer", "checkpoint_dir")
        with self.model_lock, self.state_lock:
            meta = {"kind": kind, "step": self.step, "policy_version": self.policy_version, "run_id": self.run_id,
                    "model": self.model.model_name, "finetune_mode": self.model.finetune_mode,
                    "ppo_config": self.cfg.to_dict(), "run": self.run.public() if self.run else None,
                    "updates": self.updater.updates, "tokenizer": self.template.describe()}
            path = ckpt.save_checkpoint(self.checkpoint_dir, self.model, self.updater, meta, self.consumed, self.steps)
            self.last_checkpoint = path
            if self.journal:  # keep what this checkpoint does not contain: queued and running jobs, the buffer
                state = self.journal.read()
                live = set(self.buffer) | set(self.inflight)
                self.journal.compact([r for r in state.items if r["id"] in live],
                                     [j for j in state.jobs if j["step"] > self.step])
            return {"step": self.step, "path": path, "policy_version": self.policy_version, "run_id": self.run_id,
                    "consumed_count": len(self.consumed)}

    def list_checkpoints(self) -> list[dict]:
        return ckpt.list_checkpoints(self.checkpoint_dir) if self.checkpoint_dir else []

    def load_checkpoint(self, path: str, at_startup: bool = False) -> dict:
        """Restore weights, optimizer, step, run, config, consumed episodes and step history from `path`."""
        if not os.path.isfile(os.path.join(path, "meta.json")):
            raise NotFoundError(f"no checkpoint at {path} (meta.json missing)")
        with self.model_lock, self.state_lock:
            if self._pending():
                raise ConflictError("a step job is queued or running; load a checkpoint between steps", "path")
            meta = ckpt.read_meta(path)
            if meta.get("ppo_config"):  # the run's own settings, so its optimizer state restores into them
                self.cfg = PPOConfig.from_dict(meta["ppo_config"])
                self.updater = make_updater(self.model, self.cfg, self.template.pad_id)
            try:
                meta, consumed, steps = ckpt.load_checkpoint(path, self.model, self.updater)
            except RuntimeError as error:  # shape mismatch: a checkpoint of another architecture
                raise ConflictError(f"checkpoint {path} does not fit the served model: {error}", "path") from error
            self.step = int(meta.get("step", 0))
            self.policy_version = int(meta.get("policy_version", self.step)) if at_startup else self.policy_version + 1
            self.run_id = meta.get("run_id")
            run = meta.get("run")
            self.run = RunBinding(run["run_id"], run["model"], run["requested"], self.cfg,
                                  run.get("registered_at", time.time())) if run else None
            self.template.pin_date(self.cfg.chat_template_date)
            self.consumed = {str(k): int(v) for k, v in consumed.items()}
            self.steps = list(steps)
            for item_id in [i for i in self.buffer if i in self.consumed]:
                del self.buffer[item_id]
            self.last_checkpoint = os.path.abspath(path)
            return {**self._progress(), "path": self.last_checkpoint, "consumed_count": len(self.consumed)}

    def replay_journal(self) -> dict:
        """After a restart (`--resume`): queue again the jobs the last checkpoint does not contain, on the same
        items, and put back the items no job took. Returns counts for the start-up line."""
        if not self.journal:
            return {"jobs": 0, "buffered": 0}
        state = self.journal.read()
        spec = state.run_spec
        if spec and self.run is None and self.run_id in (None, spec["run_id"]):
            self.register_run(spec)
        parsed = OrderedDict()
        for record in state.items:
            if record["id"] in self.consumed or record["id"] in parsed:
                continue
            if record["kind"] == "episode":
                parsed[record["id"]] = parse_episode(record["raw"], "journal", self.model.vocab_size,
                                                     self.model.max_seq_len)
            else:
                parsed[record["id"]] = parse_example(record["raw"], "journal", self.template, self.model.vocab_size,
                                                     self.model.max_seq_len, self.cfg.sft_loss_on)
        with self.state_lock:
            self.buffer.update(parsed)
            jobs = 0
            for record in sorted(state.jobs, key=lambda r: r["step"]):
                ids = [i for i in record["item_ids"] if i in self.buffer]
                if record["step"] <= self.step or not ids:
                    continue
                self._queue_job(len(ids), existing_id=record["id"], ids=ids)
                jobs += 1
            return {"jobs": jobs, "buffered": len(self.buffer)}

    def init_from(self, path: str) -> None:
        """Start a run from a checkpoint's policy (e.g. the warm-up's): reference and critic re-derived."""
        ckpt.load_checkpoint(path, self.model, None, policy_only=True)
        self.updater = make_updater(self.model, self.cfg, self.template.pad_id)

    # ---- status -----------------------------------------------------------------------------------------
    def status(self) -> dict:
        busy = not self.model_lock.acquire(blocking=False)
        if not busy:
            self.model_lock.release()
        pending = self._pending()
        return {
            **self.model.describe(),
            "step": self.step,
            "policy_version": self.policy_version,
            "run_id": self.run_id,
            "run": self.run.public() if self.run else None,
            "algo": self.cfg.algo,
            "buffered_episodes": len(self.buffer),
            "pending_episodes": len(self.inflight),
            "jobs": {"queued": sum(j.status == QUEUED for j in pending), "running": sum(j.status == RUNNING for j in pending)},
            "batch_episodes": self.cfg.batch_episodes,
            "consumed_episodes": len(self.consumed),
            "optimizer_updates": self.updater.updates,
            "busy": busy,
            "generated_tokens": self.generated_tokens,
            "uptime_s": time.time() - self.started_at,
            "checkpoint_dir": self.checkpoint_dir,
            "last_checkpoint": self.last_checkpoint,
            "save_every": self.save_every,
            "tokenizer": self.template.describe(),
            "torch_version": torch.__version__,
            "pinned": self.pinned,
            "config": self.cfg.to_dict(),
            "config_sha256": config_fingerprint(self.cfg),
        }
