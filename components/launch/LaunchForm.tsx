"use client";
import type { ReactNode } from "react";
import type { ActionFailure } from "@/lib/actions/action-result";
import { FormFailure } from "@/components/ui/form/FormFailure";
import { FormFields } from "@/components/ui/form/FormFields";
import type { FieldDefaults } from "@/components/ui/form/form-fields-context";
import { formValues } from "./form-values";
import type { LaunchOptions } from "../../lib/queries/launch/list-launch-options";

/** What the launch page gives either form. */
export interface LaunchFormProps {
  options: LaunchOptions;
  defaults: FieldDefaults;
  initialDataset?: string;
}

/** The part of useActionCall's result a launch form drives. */
interface LaunchCall {
  run: (input: Record<string, string>) => void;
  pending: boolean;
  failure: ActionFailure | null;
  fieldError: (field: string) => string | undefined;
}

/**
 * The frame both launch forms share: a card that submits its named fields as they stand (the action's
 * schema coerces them), gives the fields their defaults and errors, shows the failure and the submit button.
 */
export function LaunchForm({
  call,
  defaults,
  testId,
  submitLabel,
  children,
}: {
  call: LaunchCall;
  defaults: FieldDefaults;
  /** `eval` or `train`: names the form's and its button's test ids */
  testId: "eval" | "train";
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      className="card"
      data-testid={`${testId}-launch-form`}
      onSubmit={(event) => {
        event.preventDefault();
        call.run(formValues(event.currentTarget));
      }}
    >
      <FormFields defaults={defaults} error={call.fieldError}>
        {children}
      </FormFields>
      <FormFailure failure={call.failure} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={call.pending} data-testid={`launch-${testId}-submit`}>
          {call.pending ? "Launching…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
