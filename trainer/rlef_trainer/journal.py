"""An append-only record, beside the checkpoints, of what the trainer accepted since its last checkpoint:
the run registration, every buffered episode or SFT example (as submitted), and every step job (which
items, in which order). After a crash, `--resume` loads the latest checkpoint (step S), then replays
the journal: jobs for steps > S run again from S's weights on exactly the same items, other items go back
to the buffer. An item is trained once in the final weights whatever the moment of the crash, and the
worker does not have to resubmit anything (resubmission stays idempotent). Saving a checkpoint compacts
the journal to what that checkpoint does not contain yet."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class JournalState:
    run_spec: Optional[dict] = None
    items: list = field(default_factory=list)  # [{"kind": "episode"|"example", "id": str, "raw": dict}]
    jobs: list = field(default_factory=list)  # [{"id", "step", "item_ids", "kind"}]


class Journal:
    def __init__(self, checkpoint_dir: str):
        self.directory = os.path.join(checkpoint_dir, "journal")
        os.makedirs(self.directory, exist_ok=True)
        self.items_path = os.path.join(self.directory, "items.jsonl")
        self.jobs_path = os.path.join(self.directory, "jobs.jsonl")
        self.run_path = os.path.join(self.directory, "run.json")

    @staticmethod
    def _append(path: str, records: list[dict]) -> None:
        if not records:
            return
        with open(path, "a") as handle:
            for record in records:
                handle.write(json.dumps(record, separators=(",", ":")) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def append_items(self, kind: str, items: list[tuple[str, dict]]) -> None:
        self._append(self.items_path, [{"kind": kind, "id": i, "raw": raw} for i, raw in items])

    def append_job(self, job: dict) -> None:
        self._append(self.jobs_path, [job])

    def write_run(self, spec: dict) -> None:
        staging = self.run_path + ".tmp"
        with open(staging, "w") as handle:
            json.dump(spec, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(staging, self.run_path)

    @staticmethod
    def _read_lines(path: str) -> list[dict]:
        if not os.path.isfile(path):
            return []
        out = []
        with open(path) as handle:
            for line in handle:
                line = line.strip()
                if not line:
                    continue
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    break  # a line cut by the crash: everything before it was fsynced whole
        return out

    def read(self) -> JournalState:
        spec = None
        if os.path.isfile(self.run_path):
            with open(self.run_path) as handle:
                spec = json.load(handle)
        return JournalState(spec, self._read_lines(self.items_path), self._read_lines(self.jobs_path))

    def compact(self, keep_items: list[dict], keep_jobs: list[dict]) -> None:
        for path, records in ((self.items_path, keep_items), (self.jobs_path, keep_jobs)):
            staging = path + ".tmp"
            with open(staging, "w") as handle:
                for record in records:
                    handle.write(json.dumps(record, separators=(",", ":")) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(staging, path)
