"""Training steps as asynchronous jobs: `POST /rl/flush` (or a full buffer) queues a job and answers 202
with its id at once; one thread runs the jobs in order under the model lock; `GET /rl/jobs/{id}` says
queued / running / done (with the step record) / failed (with the error; its items return to the buffer).
A step can take minutes (a 256-episode 8B step); no request waits for one."""
from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass, field
from typing import Optional

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


@dataclass
class StepJob:
    id: str
    run_id: Optional[str]
    step: int  # the step number this job produces
    kind: str  # "ppo" or "sft"
    item_ids: list
    status: str = QUEUED
    created_at: float = field(default_factory=time.time)
    started_at: Optional[float] = None
    finished_at: Optional[float] = None
    result: Optional[dict] = None
    error: Optional[str] = None
    resumed: bool = False  # re-created from the journal after a restart

    def public(self, with_result: bool = True) -> dict:
        data = asdict(self)
        data["items"] = len(self.item_ids)
        del data["item_ids"]
        if not with_result:
            data.pop("result")
        return data

    def journal_record(self) -> dict:
        return {"id": self.id, "run_id": self.run_id, "step": self.step, "kind": self.kind, "item_ids": self.item_ids}


def job_id(run_id: Optional[str], step: int, item_ids: list) -> str:
    digest = hashlib.sha256("\n".join(item_ids).encode()).hexdigest()[:10]
    return f"{run_id or 'run'}:step-{step}:{digest}"
