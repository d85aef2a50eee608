"use client";
import { useState } from "react";
import { launchEvalRun } from "./actions";
import { FieldError } from "@/components/ui/form/FieldError";
import { useActionCall } from "@/components/ui/form/useActionCall";
import { NumberField } from "@/components/ui/form/NumberField";
import { SelectField } from "@/components/ui/form/SelectField";
import { TextField } from "@/components/ui/form/TextField";
import { evalConfigDefaults } from "@/lib/config/form-input";
import { EVAL_PRESET_LABELS, EVAL_PRESETS, type EvalPreset } from "@/lib/config/eval-presets";
import {
  EVAL_POLICY_SOURCE_LABELS,
  EVAL_POLICY_SOURCES,
  FEEDBACK_MODE_LABELS,
  FEEDBACK_MODES,
  FEEDBACK_TEST_SET_LABELS,
  FEEDBACK_TEST_SETS,
  JUDGE_TEST_SET_LABELS,
  JUDGE_TEST_SETS,
  optionsOf,
  type EvalPolicySource,
} from "@/lib/config/options";
import { DatasetSplitFields } from "./DatasetSplitFields";
import { LaunchForm, type LaunchFormProps } from "./LaunchForm";

/** Every input is named by its eval-run config path (lib/config/form-input.ts); defaults come from the schema. */
export function EvalLaunchForm({ options, defaults, initialDataset }: LaunchFormProps) {
  const call = useActionCall(launchEvalRun);
  const [source, setSource] = useState<EvalPolicySource>("demo");
  const [preset, setPreset] = useState<EvalPreset | "">("");
  const e = call.fieldError;
  // a preset sets what the fields start from and is submitted with them: the run records it, and
  // createEvalRun refuses a field changed to contradict it (lib/config/eval-presets.ts)
  const shown = preset ? evalConfigDefaults(preset) : defaults;

  return (
    <LaunchForm call={call} defaults={shown} testId="eval" submitLabel="Launch eval run">
      <fieldset className="policy-source">
        <legend>Policy</legend>
        {EVAL_POLICY_SOURCES.map((s) => (
          <label key={s} className="radio">
            <input
              type="radio"
              name="policy.source"
              value={s}
              checked={source === s}
              onChange={() => setSource(s)}
              data-testid={`policy-${s}`}
            />
            {EVAL_POLICY_SOURCE_LABELS[s]}
          </label>
        ))}
        <FieldError field="policy.source" message={e("policy.source") ?? e("policy")} />
      </fieldset>
      <div className="form-grid">
        {source === "endpoint" ? (
          <label>
            Endpoint
            <select name="policy.endpointId" data-testid="field-policy.endpointId">
              {options.endpoints.map((ep) => (
                <option key={ep.id} value={ep.id}>
                  {ep.name} ({ep.model})
                </option>
              ))}
            </select>
            {options.endpoints.length === 0 ? <span className="hint">None yet: add one under Settings.</span> : null}
            <FieldError field="policy.endpointId" message={e("policy.endpointId")} />
          </label>
        ) : null}
        {source === "checkpoint" ? (
          <label>
            Checkpoint
            <select name="policy.checkpointId" data-testid="field-policy.checkpointId">
              {options.checkpoints.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.runName} · step {c.step}
                </option>
              ))}
            </select>
            {options.checkpoints.length === 0 ? <span className="hint">No checkpoints yet.</span> : null}
            <FieldError field="policy.checkpointId" message={e("policy.checkpointId")} />
          </label>
        ) : null}
        <TextField name="name" label="Name" placeholder="optional" />
        <DatasetSplitFields
          datasets={options.datasets}
          initialDataset={initialDataset}
          preferredSplit="test"
          errors={{ dataset: e("dataset"), split: e("split") }}
        />
        <NumberField name="limit" label="Problem limit" step="1" min={1} hint="empty: all problems of the split" />
        <label>
          Protocol
          <select
            name="preset"
            value={preset}
            onChange={(event) => setPreset(event.target.value as EvalPreset | "")}
            data-testid="eval-preset"
          >
            <option value="">none (the defaults below)</option>
            {EVAL_PRESETS.map((p) => (
              <option key={p} value={p}>
                {EVAL_PRESET_LABELS[p]}
              </option>
            ))}
          </select>
          <span className="hint">checked: the run refuses turns, temperature, top-p or judged tests that differ</span>
          <FieldError field="preset" message={e("preset")} />
        </label>
      </div>
      <div className="form-grid" key={preset}>
        <NumberField name="rolloutsPerProblem" label="Rollouts per problem" step="1" min={1} />
        <NumberField name="environment.turnLimit" label="Turns" step="1" min={1} hint="paper: 3" />
        <NumberField name="sampling.temperature" label="Temperature" hint="paper: 0.2 for 1@3, 1.0 for 10@100" />
        <NumberField name="sampling.topP" label="Top-p" hint="paper: 0.95" />
        <NumberField name="sampling.maxTokens" label="Max tokens per reply" step="1" min={1} />
        <NumberField name="concurrency" label="Concurrency" step="1" min={1} hint="episodes in flight" />
        <SelectField name="environment.judgeTests" label="Judge tests" options={optionsOf(JUDGE_TEST_SETS, JUDGE_TEST_SET_LABELS)} />
        <SelectField name="environment.feedback" label="Feedback" options={optionsOf(FEEDBACK_MODES, FEEDBACK_MODE_LABELS)} />
        <SelectField
          name="environment.feedbackTests"
          label="In-loop tests"
          options={optionsOf(FEEDBACK_TEST_SETS, FEEDBACK_TEST_SET_LABELS)}
        />
        <NumberField
          name="environment.feedbackTestCount"
          label="In-loop tests (App. B.3)"
          step="1"
          min={1}
          hint="with public + hidden: tests per reply (paper: 20)"
        />
        <NumberField
          name="environment.feedbackMaxFailures"
          label="Failures shown (App. B.3)"
          step="1"
          min={1}
          hint="with public + hidden (paper: 8)"
        />
      </div>
    </LaunchForm>
  );
}
