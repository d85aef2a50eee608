"use client";
import { useState } from "react";
import { launchEvalRun } from "@/app/launch/actions";
import { FieldError } from "@/components/auth/FieldError";
import { FormFailure } from "@/components/auth/FormFailure";
import { useActionCall } from "@/components/auth/useActionCall";
import { DatasetSplitFields } from "./DatasetSplitFields";
import { formValues } from "./form-values";
import type { EvalFormDefaults } from "./launch-defaults";
import type { LaunchOptions } from "./list-launch-options";
import { NumberField } from "./NumberField";

type PolicySource = "demo" | "endpoint" | "checkpoint";

export function EvalLaunchForm({ options, defaults, initialDataset }: { options: LaunchOptions; defaults: EvalFormDefaults; initialDataset?: string }) {
  const call = useActionCall(launchEvalRun);
  const [source, setSource] = useState<PolicySource>("demo");
  const e = call.fieldError;

  return (
    <form className="card" data-testid="eval-launch-form" onSubmit={(event) => { event.preventDefault(); call.run(formValues(event.currentTarget)); }}>
      <fieldset className="policy-source">
        <legend>Policy</legend>
        {(["demo", "endpoint", "checkpoint"] as const).map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="policySource" value={s} checked={source === s} onChange={() => setSource(s)} data-testid={`policy-${s}`} />
            {s === "demo" ? "Demo policy (replays the dataset's solutions; no model)" : s === "endpoint" ? "Model endpoint" : "Training checkpoint"}
          </label>
        ))}
        <FieldError field="policySource" message={e("policySource")} />
      </fieldset>
      <div className="form-grid">
        {source === "endpoint" ? (
          <label>Endpoint
            <select name="endpointId" data-testid="field-endpointId">
              {options.endpoints.map((ep) => <option key={ep.id} value={ep.id}>{ep.name} ({ep.model})</option>)}
            </select>
            {options.endpoints.length === 0 ? <span className="hint">None yet: add one under Settings.</span> : null}
            <FieldError field="endpointId" message={e("endpointId")} />
          </label>
        ) : null}
        {source === "checkpoint" ? (
          <label>Checkpoint
            <select name="checkpointId" data-testid="field-checkpointId">
              {options.checkpoints.map((c) => <option key={c.id} value={c.id}>{c.runName} · step {c.step}</option>)}
            </select>
            {options.checkpoints.length === 0 ? <span className="hint">No checkpoints yet.</span> : null}
            <FieldError field="checkpointId" message={e("checkpointId")} />
          </label>
        ) : null}
        <label>Name<input name="name" placeholder="optional" data-testid="field-name" /><FieldError field="name" message={e("name")} /></label>
        <DatasetSplitFields datasets={options.datasets} initialDataset={initialDataset} preferredSplit="test" errors={{ dataset: e("dataset"), split: e("split") }} />
        <NumberField name="limit" label="Problem limit" step="1" min={1} hint="empty: all problems of the split" error={e("limit")} />
        <NumberField name="rolloutsPerProblem" label="Rollouts per problem" step="1" min={1} defaultValue={defaults.rolloutsPerProblem} error={e("rolloutsPerProblem")} />
        <NumberField name="turnLimit" label="Turns" step="1" min={1} defaultValue={defaults.turnLimit} hint="paper: 3" error={e("turnLimit")} />
        <NumberField name="temperature" label="Temperature" defaultValue={defaults.temperature} hint="paper: 0.2 for 1@3, 1.0 for 10@100" error={e("temperature")} />
        <NumberField name="topP" label="Top-p" defaultValue={defaults.topP} hint="paper: 0.95" error={e("topP")} />
        <NumberField name="maxTokens" label="Max tokens per reply" step="1" min={1} defaultValue={defaults.maxTokens} error={e("maxTokens")} />
        <NumberField name="concurrency" label="Concurrency" step="1" min={1} defaultValue={defaults.concurrency} hint="episodes in flight" error={e("concurrency")} />
        <label>Judge tests
          <select name="judgeTests" defaultValue={defaults.judgeTests} data-testid="field-judgeTests">
            <option value="public+private+generated">public + private + generated</option>
            <option value="public+private">public + private</option>
          </select>
          <FieldError field="judgeTests" message={e("judgeTests")} />
        </label>
        <label>Feedback
          <select name="feedback" defaultValue={defaults.feedback}>
            <option value="execution">execution feedback (the paper)</option>
            <option value="none">none (&quot;Give it another try.&quot;)</option>
            <option value="random">random (ablation)</option>
          </select>
        </label>
      </div>
      <FormFailure failure={call.failure} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={call.pending} data-testid="launch-eval-submit">{call.pending ? "Launching…" : "Launch eval run"}</button>
      </div>
    </form>
  );
}
