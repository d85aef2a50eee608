"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { TurnReply } from "@/lib/queries/episodes/get-turn-reply";
import { fetchJson } from "@/components/ui/fetch-json";

/** The full reply (prose around the code) and the exact prompt, fetched only when asked for. */
export function ReplyOnDemand({ episodeId, turnIndex }: { episodeId: string; turnIndex: number }) {
  const [shown, setShown] = useState(false);
  const { data, error, isLoading } = useQuery({
    queryKey: ["turn-reply", episodeId, turnIndex],
    queryFn: ({ signal }) => fetchJson<TurnReply>(`/api/episodes/${episodeId}/turns/${turnIndex}/reply`, signal),
    enabled: shown,
    staleTime: Infinity,
  });
  return (
    <div>
      <button type="button" className="button small" data-testid="show-reply" onClick={() => setShown(!shown)}>
        {shown ? "Hide full reply" : "Show full reply and prompt"}
      </button>
      {shown ? (
        <div style={{ marginTop: 8 }}>
          {isLoading ? <div className="muted">loading…</div> : null}
          {error ? <div className="notice bad">{error.message}</div> : null}
          {data ? (
            <>
              <pre className="reply-text" data-testid="reply-text">
                {data.reply}
              </pre>
              <details style={{ marginTop: 6 }}>
                <summary className="muted">
                  exact prompt: {data.messages.length} message{data.messages.length === 1 ? "" : "s"}
                </summary>
                {data.messages.map((m, i) => (
                  <div key={i} className="message">
                    <div className="role">{m.role}</div>
                    <pre className="reply-text" style={{ maxHeight: 240 }}>
                      {m.content}
                    </pre>
                  </div>
                ))}
              </details>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
