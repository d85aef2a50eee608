import Markdown from "react-markdown";
import { SafeMarkdownImage } from "./SafeMarkdownImage";

/**
 * The problem statement as markdown (rendered on the server; raw HTML in statements is not executed,
 * external images are not loaded).
 */
export function ProblemStatement({ markdown, open = false }: { markdown: string; open?: boolean }) {
  return (
    <details className="statement-details" open={open} data-testid="problem-statement">
      <summary>
        <b>Problem statement</b> <span className="muted">({markdown.length.toLocaleString("en-US")} chars)</span>
      </summary>
      <div className="statement">
        <Markdown components={{ img: SafeMarkdownImage }}>{markdown}</Markdown>
      </div>
    </details>
  );
}
