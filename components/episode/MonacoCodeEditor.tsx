"use client";
import "./monaco-loader";
import Editor from "@monaco-editor/react";

/** Read-only Python in Monaco. Loaded with next/dynamic (ssr: false) by CodeViewer. */
export default function MonacoCodeEditor({ code, height, theme }: { code: string; height: number; theme: "light" | "dark" }) {
  return (
    <Editor
      height={height}
      language="python"
      value={code}
      theme={theme === "dark" ? "vs-dark" : "vs"}
      loading={<pre className="editor-fallback">{code}</pre>}
      options={{
        readOnly: true,
        domReadOnly: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 12,
        lineNumbersMinChars: 3,
        renderWhitespace: "selection",
        automaticLayout: true,
        wordWrap: "off",
        contextmenu: false,
      }}
    />
  );
}
