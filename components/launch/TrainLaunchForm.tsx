"use client";
import { launchTrainRun } from "@/app/launch/actions";
import { FieldError } from "@/components/auth/FieldError";
import { FormFailure } from "@/components/auth/FormFailure";
import { useActionCall } from "@/components/auth/useActionCall";
import { DatasetSplitFields } from "./DatasetSplitFields";
import { formValues } from "./form-values";
import type { TrainFormDefaults } from "./launch-defaults";
import type { LaunchOptions } from "./list-launch-options";
import { NumberField } from "./NumberField";

export function TrainLaunchForm({ options, defaults, initialDataset }: { options: LaunchOptions; defaults: TrainFormDefaults; initialDataset?: string }) {
  const call = useActionCall(launchTrainRun);
  const e = call.fieldError;
  const evalSplits = [...new Set(options.datasets.flatMap((d) => d.splits.map((s) => s.split)))];
  return (
    <form className="card" data-testid="train-launch-form" onSubmit={(event) => { event.preventDefault(); call.run(formValues(event.currentTarget)); }}>
      <div className="form-grid">
        <label>Trainer URL<input name="trainerUrl" placeholder="http://127.0.0.1:8100" required data-testid="field-trainerUrl" /><FieldError field="trainerUrl" message={e("trainerUrl")} /></label>
        <label>Base model<input name="baseModel" defaultValue={defaults.baseModel} /><span className="hint">what the trainer serves, for the record</span><FieldError field="baseModel" message={e("baseModel")} /></label>
        <label>Name<input name="name" placeholder="optional" /></label>
        <DatasetSplitFields datasets={options.datasets} initialDataset={initialDataset} preferredSplit={defaults.split} errors={{ dataset: e("dataset"), split: e("split") }} />
        <NumberField name="steps" label="PPO steps" step="1" min={1} defaultValue={defaults.steps} error={e("steps")} />
        <NumberField name="episodesPerStep" label="Rollouts per step" step="1" min={1} defaultValue={defaults.episodesPerStep} hint="paper: 1024 (scaled down for one GPU)" error={e("episodesPerStep")} />
        <NumberField name="minibatches" label="Minibatch updates per step" step="1" min={1} defaultValue={defaults.minibatches} hint="paper: 4 × 256" error={e("minibatches")} />
        <NumberField name="rolloutsPerProblem" label="Rollouts per problem" step="1" min={1} defaultValue={defaults.rolloutsPerProblem} error={e("rolloutsPerProblem")} />
        <NumberField name="turnLimit" label="Turns" step="1" min={1} defaultValue={defaults.turnLimit} hint="paper: 3" error={e("turnLimit")} />
        <NumberField name="temperature" label="Training temperature" defaultValue={defaults.temperature} hint="paper: 1.0, no top-p" error={e("temperature")} />
        <NumberField name="maxTokens" label="Max tokens per reply" step="1" min={1} defaultValue={defaults.maxTokens} error={e("maxTokens")} />
        <NumberField name="lr" label="Learning rate (AdamW)" defaultValue={defaults.lr} hint="paper: 2e-7" error={e("lr")} />
        <NumberField name="weightDecay" label="Weight decay" defaultValue={defaults.weightDecay} hint="paper: 0.1" error={e("weightDecay")} />
        <NumberField name="warmupSteps" label="Warm-up steps" step="1" min={0} defaultValue={defaults.warmupSteps} hint="paper: 50" error={e("warmupSteps")} />
        <NumberField name="klBeta" label="KL penalty β" defaultValue={defaults.klBeta} hint="paper: 0.05" error={e("klBeta")} />
        <NumberField name="clipEpsilon" label="Policy clip ε" defaultValue={defaults.clipEpsilon} hint="paper: 0.2" error={e("clipEpsilon")} />
        <NumberField name="valueClip" label="Value clip" defaultValue={defaults.valueClip} hint="paper: 0.2" error={e("valueClip")} />
        <NumberField name="checkpointEvery" label="Checkpoint every N steps" step="1" min={1} defaultValue={defaults.checkpointEvery} error={e("checkpointEvery")} />
        <NumberField name="evalEvery" label="Eval every N steps" step="1" min={0} defaultValue={defaults.evalEvery} hint="0: never" error={e("evalEvery")} />
        <label>Eval split
          <select name="evalSplit" defaultValue={defaults.evalSplit}>{evalSplits.map((s) => <option key={s} value={s}>{s}</option>)}</select>
          <FieldError field="evalSplit" message={e("evalSplit")} />
        </label>
        <NumberField name="concurrency" label="Concurrency" step="1" min={1} defaultValue={defaults.concurrency} error={e("concurrency")} />
      </div>
      <FormFailure failure={call.failure} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={call.pending} data-testid="launch-train-submit">{call.pending ? "Launching…" : "Launch training run"}</button>
      </div>
    </form>
  );
}
