"""Generation for the engine: OpenAI-style chat completions from the current policy, batched across
concurrent requests, under the model lock (a reply is always sampled from the weights of the
`policy_version` it reports)."""
from __future__ import annotations

import time
import uuid
from typing import Sequence

from .chat_request import ChatRequest
from .rollout.batcher import GenerationBatcher
from .rollout.generate import Generation, generate
from .rollout.sampling import SamplingParams
from .validation import FieldError

DEFAULT_MAX_TOKENS = 512


class GenerationMixin:
    def _init_generation(self, generation_rows: int, generation_window_s: float) -> None:
        self.batcher = GenerationBatcher(self._generate_batch, generation_rows, generation_window_s)

    def _generate_batch(self, prompts: Sequence[Sequence[int]], params: Sequence[SamplingParams]
                        ) -> tuple[list[Generation], int]:
        with self.model_lock:
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
