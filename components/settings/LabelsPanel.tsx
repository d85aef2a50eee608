"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createLabel, updateLabel } from "./actions";
import { FieldError } from "@/components/ui/form/FieldError";
import { FormFailure } from "@/components/ui/form/FormFailure";
import { SaveButtons } from "./SaveButtons";
import { useActionCall } from "@/components/ui/form/useActionCall";
import type { AnnotationLabelRow } from "@/lib/queries/annotations/annotation-labels";
import { DataTable } from "@/components/ui/DataTable";

function LabelForm({ label, onDone }: { label?: AnnotationLabelRow; onDone?: () => void }) {
  const router = useRouter();
  const call = useActionCall(label ? updateLabel : createLabel);
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      color: String(form.get("color") ?? "#6b7280"),
    };
    call.run(label ? { id: label.id, ...fields } : fields, () => {
      if (!label) formElement.reset();
      onDone?.();
      router.refresh();
    });
  }
  return (
    <form onSubmit={submit} className="inline-form" data-testid={label ? "label-edit-form" : "label-new-form"}>
      <label className="form-field">
        Name
        <input name="name" defaultValue={label?.name} required />
        <FieldError field="name" message={call.fieldError("name")} />
      </label>
      <label className="form-field">
        Description
        <input name="description" defaultValue={label?.description ?? ""} size={40} />
      </label>
      <label className="form-field">
        Colour
        <input name="color" type="color" defaultValue={label?.color ?? "#6b7280"} />
      </label>
      <SaveButtons editing={!!label} addLabel="Add label" pending={call.pending} onCancel={onDone} />
      <FormFailure failure={call.failure} />
    </form>
  );
}

export function LabelsPanel({ labels }: { labels: AnnotationLabelRow[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="panel" data-testid="labels-panel">
      <h2>Failure labels</h2>
      <p className="muted">
        The label set annotators choose from (keys 1–9 in the annotation queue follow this order). Renaming keeps every annotation that uses
        a label.
      </p>
      <DataTable
        head={
          <>
            <th>Label</th>
            <th>Description</th>
            <th className="num">Used</th>
            <th />
          </>
        }
      >
        {labels.map((l) => (
          <tr key={l.id}>
            <td>
              <span className="label-chip" style={{ background: l.color }}>
                {l.name}
              </span>
            </td>
            <td>{editing === l.id ? <LabelForm label={l} onDone={() => setEditing(null)} /> : l.description}</td>
            <td className="num">{l.annotations}</td>
            <td>
              <button className="button small" onClick={() => setEditing(editing === l.id ? null : l.id)}>
                Edit
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <h3>Add a label</h3>
      <LabelForm />
    </section>
  );
}
