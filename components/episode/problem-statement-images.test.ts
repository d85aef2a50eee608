import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProblemStatement } from "./ProblemStatement";

describe("problem statements never load external images", () => {
  it("renders external images as a note and keeps local and inline ones", () => {
    const html = renderToStaticMarkup(
      createElement(ProblemStatement, {
        markdown: [
          "![beacon](https://tracker.example/pixel.gif?problem=1)",
          "![rel](//tracker.example/p.gif)",
          "![tab](/\t/tracker.example/p.gif)",
          "![local](/api/monaco/vs/logo.png)",
          '<img src="https://tracker.example/raw.gif">',
        ].join("\n\n"),
      }),
    );
    expect(html).not.toMatch(/<(img|link)[^>]+tracker\.example/);
    expect(html).toContain("[image “beacon” from tracker.example, not loaded]");
    expect(html).toContain('<img src="/api/monaco/vs/logo.png" alt="local"/>');
  });
});
