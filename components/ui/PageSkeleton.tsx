import "@/components/ui/dashboard.css";

/** Placeholder blocks shown by loading.tsx while a page's data loads. */
export function PageSkeleton({ title, blocks = 3 }: { title: string; blocks?: number }) {
  return (
    <section aria-busy="true" data-testid="page-loading">
      <h1 className="skeleton-title">{title}</h1>
      {Array.from({ length: blocks }, (_, i) => (
        <div key={i} className="skeleton-block" style={{ height: i === 0 ? 80 : 180 }} />
      ))}
    </section>
  );
}
