"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createEndpoint, updateEndpoint } from "./actions";
import { FieldError } from "@/components/ui/form/FieldError";
import { FormFailure } from "@/components/ui/form/FormFailure";
import { SaveButtons } from "./SaveButtons";
import { useActionCall } from "@/components/ui/form/useActionCall";
import type { EndpointRow } from "../../lib/queries/settings/list-settings-data";

type KeyChange = "keep" | "replace" | "clear";

/** Create (no `endpoint`) or edit one endpoint. The stored key is never shown: only replace or clear it. */
export function EndpointForm({ endpoint, onDone }: { endpoint?: EndpointRow; onDone?: () => void }) {
  const router = useRouter();
  const create = useActionCall(createEndpoint);
  const update = useActionCall(updateEndpoint);
  const call = endpoint ? update : create;
  const [keyChange, setKeyChange] = useState<KeyChange>(endpoint?.hasApiKey ? "keep" : "replace");

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      name: String(form.get("name") ?? ""),
      kind: String(form.get("kind") ?? "openai"),
      baseUrl: String(form.get("baseUrl") ?? ""),
      model: String(form.get("model") ?? ""),
    };
    const apiKey = String(form.get("apiKey") ?? "");
    const done = () => {
      onDone?.();
      router.refresh();
    };
    if (endpoint) {
      const change: KeyChange = keyChange === "replace" && !apiKey ? (endpoint.hasApiKey ? "keep" : "clear") : keyChange;
      update.run({ id: endpoint.id, ...fields, apiKeyChange: change, ...(change === "replace" ? { apiKey } : {}) }, done);
    } else {
      create.run({ ...fields, ...(apiKey ? { apiKey } : {}) }, done);
    }
  }

  const prefix = endpoint ? `endpoint-edit` : `endpoint-new`;
  return (
    <form onSubmit={submit} className="card" data-testid={`${prefix}-form`}>
      <div className="form-grid">
        <label>
          Name
          <input name="name" defaultValue={endpoint?.name} required data-testid={`${prefix}-name`} />
          <FieldError field="name" message={call.fieldError("name")} />
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={endpoint?.kind ?? "openai"}>
            <option value="openai">OpenAI-compatible (vLLM, Ollama, TGI, OpenAI)</option>
            <option value="trainer">RLEF trainer</option>
          </select>
        </label>
        <label>
          Base URL
          <input
            name="baseUrl"
            defaultValue={endpoint?.baseUrl}
            placeholder="http://127.0.0.1:8000/v1"
            required
            data-testid={`${prefix}-base-url`}
          />
          <FieldError field="baseUrl" message={call.fieldError("baseUrl")} />
        </label>
        <label>
          Model
          <input name="model" defaultValue={endpoint?.model} required data-testid={`${prefix}-model`} />
          <FieldError field="model" message={call.fieldError("model")} />
        </label>
        {endpoint?.hasApiKey ? (
          <label>
            API key
            <select value={keyChange} onChange={(e) => setKeyChange(e.target.value as KeyChange)} data-testid={`${prefix}-key-change`}>
              <option value="keep">keep the stored key</option>
              <option value="replace">replace it</option>
              <option value="clear">remove it</option>
            </select>
          </label>
        ) : null}
        {keyChange === "replace" ? (
          <label>
            {endpoint?.hasApiKey ? "New API key" : "API key (optional)"}
            <input name="apiKey" type="password" autoComplete="off" data-testid={`${prefix}-api-key`} />
            <span className="hint">Stored encrypted (AES-256-GCM); never shown again.</span>
            <FieldError field="apiKey" message={call.fieldError("apiKey")} />
          </label>
        ) : null}
      </div>
      <FormFailure failure={call.failure} />
      <div className="form-actions">
        <SaveButtons editing={!!endpoint} addLabel="Add endpoint" pending={call.pending} onCancel={onDone} testId={`${prefix}-submit`} />
      </div>
    </form>
  );
}
