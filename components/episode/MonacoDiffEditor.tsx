"use client";
import "./monaco-loader";
import { DiffEditor } from "@monaco-editor/react";

/** Side-by-side, read-only diff of two attempts. Loaded with next/dynamic (ssr: false) by AttemptDiff. */
export default function MonacoDiffEditor({
  original,
  modified,
  height,
  theme,
}: {
  original: string;
  modified: string;
  height: number;
  theme: "light" | "dark";
}) {
  return (
    <DiffEditor
      height={height}
      language="python"
      original={original}
      modified={modified}
      theme={theme === "dark" ? "vs-dark" : "vs"}
      loading={
        <div className="muted" style={{ padding: 8 }}>
          loading diff…
        </div>
      }
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: false,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 12,
        lineNumbersMinChars: 3,
        automaticLayout: true,
        renderOverviewRuler: false,
        contextmenu: false,
      }}
    />
  );
}
