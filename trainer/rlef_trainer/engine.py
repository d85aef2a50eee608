"""The trainer's state: one model, one lock that serialises generation and training, the episode buffer,
the set of episodes already trained on, the step history and checkpoints. The HTTP server is a thin
shell over this class (and the toy learning check drives it directly)."""
from __future__ import annotations

import os
import threading
import time
import uuid
from collections import OrderedDict
from typing import Optional, Sequence

import torch

from . import checkpoint as ckpt
from .chat_request import ChatRequest
from .config import PPOConfig
from .episodes import Episode
from .errors import ConflictError, NotFoundError
from .json_safe import sanitize
from .model.interface import ActorCriticModel
from .ppo.step import PPOUpdater
from .rollout.batcher import GenerationBatcher
from .rollout.generate import Generation, generate
from .rollout.sampling import SamplingParams
from .validation import FieldError

DEFAULT_MAX_TOKENS = 512


class TrainerEngine:
    def __init__(self, model: ActorCriticModel, template, cfg: PPOConfig, checkpoint_dir: Optional[str] = None,
                 seed: int = 0, save_every: int = 0, generation_rows: int = 64, generation_window_s: float = 0.005):
        self.model = model
        self.template = template
        self.cfg = cfg
        self.checkpoint_dir = checkpoint_dir
        self.save_every = save_every
        self.lock = threading.RLock()
        self.updater = PPOUpdater(model, cfg, template.pad_id)
        self.step = 0
        self.policy_version = 0
        self.run_id: Optional[str] = None
        self.buffer: "OrderedDict[str, Episode]" = OrderedDict()
        self.consumed: dict[str, int] = {}
        self.steps: list[dict] = []
        self.rng = torch.Generator().manual_seed(seed)
        self.started_at = time.time()
        self.last_checkpoint: Optional[str] = None
        self.generated_tokens = 0
        self.batcher = GenerationBatcher(self._generate_batch, generation_rows, generation_window_s)

    # ---- generation -----------------------------------------------------------------------------------
    def _generate_batch(self, prompts: Sequence[Sequence[int]], params: Sequence[SamplingParams]
                        ) -> tuple[list[Generation], int]:
        with self.lock:
            generations = generate(self.model, prompts, params, self.template.stop_ids, self.template.pad_id,
                                   rng=self.rng)
            self.generated_tokens += sum(len(g.token_ids) for g in generations)
            return generations, self.policy_version

    def generate_rows(self, prompts: Sequence[Sequence[int]], params: Sequence[SamplingParams]
                      ) -> tuple[list[Generation], int]:
        """Batched generation for in-process callers (the toy check); returns (generations, policy_version)."""
        return self._generate_batch(prompts, params)

    def complete_chat(self, request: ChatRequest) -> dict:
        prompt = self.template.render(request.messages, add_generation_prompt=True)
        room = self.model.max_seq_len - len(prompt)
        if room < 1:
            raise FieldError("messages", f"the conversation renders to {len(prompt)} tokens; the model's "
                                         f"context is {self.model.max_seq_len}")
        max_tokens = request.max_tokens if request.max_tokens is not None else min(DEFAULT_MAX_TOKENS, room)
        if max_tokens > room:
            raise FieldError("max_tokens", f"prompt ({len(prompt)} tokens) + max_tokens ({max_tokens}) exceeds the "
                                           f"model's context of {self.model.max_seq_len}")
        generations, version = self.batcher.submit([prompt] * request.n, request.sampling_params(max_tokens)).result()
        choices = [self._choice(i, g, version, request.logprobs) for i, g in enumerate(generations)]
        completion_tokens = sum(len(g.token_ids) for g in generations)
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model.model_name,
            "policy_version": version,
            "prompt_token_ids": prompt,
            "choices": choices,
            "usage": {"prompt_tokens": len(prompt), "completion_tokens": completion_tokens,
                      "total_tokens": len(prompt) + completion_tokens},
        }

    def _choice(self, index: int, generation: Generation, version: int, with_logprobs: bool) -> dict:
        choice = {
            "index": index,
            "message": {"role": "assistant", "content": self.template.decode(generation.token_ids)},
            "finish_reason": generation.finish_reason,
            "completion_token_ids": generation.token_ids,
            "completion_logprobs": generation.logprobs,
            "policy_version": version,
        }
        if with_logprobs:
            choice["logprobs"] = {"content": [
                {"token": self.template.token_text(t), "logprob": lp, "bytes": self.template.token_bytes(t),
                 "top_logprobs": []} for t, lp in zip(generation.token_ids, generation.logprobs)]}
        else:
            choice["logprobs"] = None
        return choice

    # ---- training -------------------------------------------------------------------------------------
    def _bind_run(self, run_id: str) -> None:
        if self.run_id is None or (self.run_id != run_id and self.step == 0 and not self.buffer):
            self.run_id = run_id
        elif self.run_id != run_id:
            raise ConflictError(f"this trainer is training run '{self.run_id}' (step {self.step}); start another "
                                f"trainer or load a checkpoint of run '{run_id}'", "run_id")

    def submit_episodes(self, run_id: str, episodes: Sequence[Episode]) -> dict:
        with self.lock:
            self._bind_run(run_id)
            accepted, duplicates = [], []
            for episode in episodes:
                if episode.episode_id in self.consumed:
                    duplicates.append({"episode_id": episode.episode_id, "status": "trained",
                                       "step": self.consumed[episode.episode_id]})
                elif episode.episode_id in self.buffer:
                    duplicates.append({"episode_id": episode.episode_id, "status": "buffered"})
                else:
                    self.buffer[episode.episode_id] = episode
                    accepted.append(episode.episode_id)
            new_steps = []
            while len(self.buffer) >= self.cfg.batch_episodes:
                new_steps.append(self._train(self.cfg.batch_episodes))
            return {**self._progress(), "accepted": accepted, "duplicates": duplicates, "steps": new_steps}

    def flush(self, run_id: str) -> dict:
        """Train on whatever is buffered (end of a run, or a smaller last batch)."""
        with self.lock:
            self._bind_run(run_id)
            new_steps = [self._train(len(self.buffer))] if self.buffer else []
            return {**self._progress(), "accepted": [], "duplicates": [], "steps": new_steps}

    def _progress(self) -> dict:
        return {"run_id": self.run_id, "step": self.step, "policy_version": self.policy_version,
                "buffered": len(self.buffer), "batch_episodes": self.cfg.batch_episodes,
                "checkpoint": self.last_checkpoint}

    def _train(self, count: int) -> dict:
        ids = list(self.buffer.keys())[:count]
        batch = [self.buffer[i] for i in ids]
        metrics = self.updater.step(batch, self.policy_version)  # raises → the episodes stay buffered
        for episode_id in ids:
            del self.buffer[episode_id]
        self.step += 1
        self.policy_version += 1
        for episode_id in ids:
            self.consumed[episode_id] = self.step
        record = sanitize({"step": self.step, "policy_version": self.policy_version, "run_id": self.run_id,
                           "finished_at": time.time(), **metrics, "episode_ids": ids})
        self.steps.append(record)
        if self.save_every and self.checkpoint_dir and self.step % self.save_every == 0:
            self.save_checkpoint()
        return record

    def lookup(self, episode_ids: Sequence[str]) -> dict:
        with self.lock:
            trained = {i: self.consumed[i] for i in episode_ids if i in self.consumed}
            buffered = [i for i in episode_ids if i in self.buffer]
            unknown = [i for i in episode_ids if i not in self.consumed and i not in self.buffer]
            return {"run_id": self.run_id, "step": self.step, "trained": trained, "buffered": buffered,
                    "unknown": unknown}

    def steps_since(self, since: int) -> list[dict]:
        with self.lock:
            return [s for s in self.steps if s["step"] > since]

    # ---- checkpoints ----------------------------------------------------------------------------------
    def save_checkpoint(self, kind: str = "train") -> dict:
        if not self.checkpoint_dir:
            raise ConflictError("no --checkpoint-dir was given to this trainer", "checkpoint_dir")
        with self.lock:
            meta = {"kind": kind, "step": self.step, "policy_version": self.policy_version, "run_id": self.run_id,
                    "model": self.model.model_name, "finetune_mode": self.model.finetune_mode,
                    "ppo_config": self.cfg.to_dict(), "updates": self.updater.updates,
                    "tokenizer": self.template.describe()}
            path = ckpt.save_checkpoint(self.checkpoint_dir, self.model, self.updater, meta, self.consumed, self.steps)
            self.last_checkpoint = path
            return {"step": self.step, "path": path, "policy_version": self.policy_version, "run_id": self.run_id,
                    "consumed_count": len(self.consumed)}

    def list_checkpoints(self) -> list[dict]:
        return ckpt.list_checkpoints(self.checkpoint_dir) if self.checkpoint_dir else []

    def load_checkpoint(self, path: str, at_startup: bool = False) -> dict:
        """Restore weights, optimizer, step, run, consumed episodes and step history from `path`."""
        if not os.path.isfile(os.path.join(path, "meta.json")):
            raise NotFoundError(f"no checkpoint at {path} (meta.json missing)")
        with self.lock:
            try:
                meta, consumed, steps = ckpt.load_checkpoint(path, self.model, self.updater)
            except RuntimeError as error:  # shape mismatch: a checkpoint of another architecture
                raise ConflictError(f"checkpoint {path} does not fit the served model: {error}", "path") from error
            self.step = int(meta.get("step", 0))
            self.policy_version = int(meta.get("policy_version", self.step)) if at_startup else self.policy_version + 1
            self.run_id = meta.get("run_id")
            self.consumed = {str(k): int(v) for k, v in consumed.items()}
            self.steps = list(steps)
            for episode_id in [i for i in self.buffer if i in self.consumed]:
                del self.buffer[episode_id]
            self.last_checkpoint = os.path.abspath(path)
            return {**self._progress(), "path": self.last_checkpoint, "consumed_count": len(self.consumed)}

    def init_from(self, path: str) -> None:
        """Start a run from a checkpoint's policy (e.g. the warm-up's): reference and critic re-derived."""
        ckpt.load_checkpoint(path, self.model, None, policy_only=True)
        self.updater = PPOUpdater(self.model, self.cfg, self.template.pad_id)

    # ---- status -----------------------------------------------------------------------------------------
    def status(self) -> dict:
        busy = not self.lock.acquire(blocking=False)
        if not busy:
            self.lock.release()
        return {
            **self.model.describe(),
            "step": self.step,
            "policy_version": self.policy_version,
            "run_id": self.run_id,
            "buffered_episodes": len(self.buffer),
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
            "config": self.cfg.to_dict(),
        }
