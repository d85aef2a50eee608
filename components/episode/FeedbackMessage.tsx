/** The exact user message the model received as feedback, verbatim. */
export function FeedbackMessage({ text, title, testId = "feedback-text" }: { text: string | null; title: string; testId?: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {text === null ? (
        <div className="muted">No feedback: the episode ended after this reply.</div>
      ) : (
        <pre className="feedback-text" data-testid={testId}>
          {text}
        </pre>
      )}
    </div>
  );
}
