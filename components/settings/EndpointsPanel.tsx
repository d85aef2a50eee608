"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteEndpoint } from "./actions";
import { FormFailure } from "@/components/ui/form/FormFailure";
import { useActionCall } from "@/components/ui/form/useActionCall";
import { EndpointForm } from "./EndpointForm";
import type { EndpointRow } from "../../lib/queries/settings/list-settings-data";
import { DataTable } from "@/components/ui/DataTable";

export function EndpointsPanel({ endpoints }: { endpoints: EndpointRow[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(endpoints.length === 0);
  const remove = useActionCall(deleteEndpoint);

  return (
    <section className="panel" data-testid="endpoints-panel">
      <h2>Model endpoints</h2>
      <p className="muted">
        Policies to evaluate: any OpenAI-compatible server, or an RLEF trainer. API keys are encrypted at rest and never sent to the
        browser.
      </p>
      {endpoints.length ? (
        <DataTable
          head={
            <>
              <th>Name</th>
              <th>Kind</th>
              <th>Base URL</th>
              <th>Model</th>
              <th>API key</th>
              <th className="num">Runs</th>
              <th />
            </>
          }
        >
          {endpoints.map((e) => (
            <tr key={e.id} data-testid="endpoint-row">
              <td>{e.name}</td>
              <td>{e.kind}</td>
              <td>
                <code>{e.baseUrl}</code>
              </td>
              <td>{e.model}</td>
              <td>{e.hasApiKey ? <span className="badge ok">stored</span> : <span className="badge muted">none</span>}</td>
              <td className="num">{e.runs}</td>
              <td>
                <button className="button small" onClick={() => setEditing(editing === e.id ? null : e.id)}>
                  Edit
                </button>{" "}
                <button
                  className="button small"
                  disabled={remove.pending}
                  onClick={() => {
                    if (confirm(`Delete endpoint ${e.name}? Its runs stay.`)) remove.run({ id: e.id }, () => router.refresh());
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted" data-testid="endpoints-empty">
          No endpoints yet.
        </p>
      )}
      <FormFailure failure={remove.failure} />
      {editing ? <EndpointForm key={editing} endpoint={endpoints.find((e) => e.id === editing)} onDone={() => setEditing(null)} /> : null}
      {adding ? (
        <EndpointForm onDone={endpoints.length ? () => setAdding(false) : undefined} />
      ) : (
        <button className="button" onClick={() => setAdding(true)} data-testid="endpoint-add">
          Add endpoint
        </button>
      )}
    </section>
  );
}
