"use client";
import { launchTrainRun } from "./actions";
import { useActionCall } from "@/components/ui/form/useActionCall";
import { NumberField } from "@/components/ui/form/NumberField";
import { SelectField } from "@/components/ui/form/SelectField";
import { TextField } from "@/components/ui/form/TextField";
import {
  FEEDBACK_MODE_LABELS,
  FEEDBACK_MODES,
  FINETUNE_MODE_LABELS,
  FINETUNE_MODES,
  optionsOf,
  SFT_LOSS_ON,
  SFT_LOSS_ON_LABELS,
  TRAIN_ALGO_LABELS,
  TRAIN_ALGOS,
} from "@/lib/config/options";
import { DatasetSplitFields } from "./DatasetSplitFields";
import { LaunchForm, type LaunchFormProps } from "./LaunchForm";

/** Every input is named by its training-config path (lib/config/form-input.ts); defaults come from the schema. */
export function TrainLaunchForm({ options, defaults, initialDataset }: LaunchFormProps) {
  const call = useActionCall(launchTrainRun);
  const e = call.fieldError;
  const evalSplits = [...new Set(options.datasets.flatMap((d) => d.splits.map((s) => s.split)))].map((s) => ({ value: s, label: s }));
  return (
    <LaunchForm call={call} defaults={defaults} testId="train" submitLabel="Launch training run">
      <div className="form-grid">
        <TextField name="trainer.baseUrl" label="Trainer URL" placeholder="http://127.0.0.1:8100" required />
        <TextField name="trainer.baseModel" label="Base model" hint="what the trainer serves (its /status model); it must match" />
        <TextField name="name" label="Name" placeholder="optional" />
        <DatasetSplitFields
          datasets={options.datasets}
          initialDataset={initialDataset}
          preferredSplit={String(defaults.split)}
          errors={{ dataset: e("dataset"), split: e("split") }}
        />
        <SelectField name="algo" label="Algorithm" options={optionsOf(TRAIN_ALGOS, TRAIN_ALGO_LABELS)} />
        <SelectField
          name="trainer.finetune"
          label="Fine-tuning"
          options={[
            { value: "", label: "as the trainer serves (builtin:tiny: full; HF: LoRA)" },
            ...optionsOf(FINETUNE_MODES, FINETUNE_MODE_LABELS),
          ]}
        />
        <NumberField name="steps" label="PPO steps" step="1" min={1} hint="SFT: follows from the data and epochs" />
        <NumberField name="episodesPerStep" label="Rollouts per step" step="1" min={1} hint="paper: 1024 (scaled down for one GPU)" />
        <NumberField
          name="optimizer.minibatches"
          label="Minibatch updates per step"
          step="1"
          min={1}
          hint="empty: the preset's (paper: 4 × 256)"
        />
        <NumberField name="rolloutsPerProblem" label="Rollouts per problem" step="1" min={1} />
        <NumberField name="environment.turnLimit" label="Turns" step="1" min={1} hint="paper: 3" />
        <SelectField name="environment.feedback" label="Feedback" options={optionsOf(FEEDBACK_MODES, FEEDBACK_MODE_LABELS)} />
        <NumberField name="sampling.temperature" label="Training temperature" hint="paper: 1.0, no top-p" />
        <NumberField name="sampling.maxTokens" label="Max tokens per reply" step="1" min={1} />
        <NumberField
          name="optimizer.lr"
          label="Learning rate (AdamW)"
          hint="empty: the trainer's preset (2e-7 full FT as the paper; 2e-6 LoRA; 1e-3 builtin:tiny)"
        />
        <NumberField name="optimizer.criticLr" label="Critic learning rate" hint="empty: 10 × the learning rate" />
        <NumberField name="optimizer.weightDecay" label="Weight decay" hint="empty: the preset's (paper: 0.1)" />
        <NumberField name="optimizer.warmupSteps" label="Warm-up steps" step="1" min={0} hint="empty: the preset's (paper: 50)" />
        <NumberField name="reward.klBeta" label="KL penalty β" hint="paper: 0.05" />
        <NumberField name="optimizer.clipEpsilon" label="Policy clip ε" hint="empty: the preset's (paper: 0.2)" />
        <NumberField name="optimizer.valueClip" label="Value clip" hint="empty: the preset's (paper: 0.2)" />
        <TextField name="sft.sourceRuns" label="SFT: source runs" hint="SFT only: ids of runs whose solved episodes are the data" />
        <SelectField name="sft.lossOn" label="SFT: loss on" options={optionsOf(SFT_LOSS_ON, SFT_LOSS_ON_LABELS)} />
        <NumberField name="sft.epochs" label="SFT: epochs" step="1" min={1} hint="paper: 2 or 3" />
        <NumberField name="checkpointEvery" label="Checkpoint every N steps" step="1" min={1} />
        <NumberField name="eval.every" label="Eval every N steps" step="1" min={0} hint="0: never" />
        <SelectField name="eval.split" label="Eval split" options={evalSplits} />
        <NumberField name="concurrency" label="Concurrency" step="1" min={1} />
      </div>
    </LaunchForm>
  );
}
