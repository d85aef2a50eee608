"use client";
import dynamic from "next/dynamic";
import { useDocumentTheme } from "@/components/ui/useDocumentTheme";

const MonacoCodeEditor = dynamic(() => import("./MonacoCodeEditor"), { ssr: false });

const LINE_HEIGHT = 18;

/** Editor height for a program: all of it up to a cap, then Monaco scrolls. */
export function editorHeight(code: string, max = 560): number {
  const lines = code.split("\n").length;
  return Math.min(max, Math.max(60, lines * LINE_HEIGHT + 12));
}

/** An attempt's code, highlighted by a lazily loaded Monaco; plain text shows until it is ready. */
export function CodeViewer({ code }: { code: string | null }) {
  const theme = useDocumentTheme();
  if (code === null)
    return (
      <div className="notice" data-testid="no-code">
        No code could be extracted from this reply (invalid code).
      </div>
    );
  const height = editorHeight(code);
  return (
    <div className="editor-frame" style={{ height }} data-testid="code-viewer">
      <MonacoCodeEditor code={code} height={height} theme={theme} />
    </div>
  );
}
