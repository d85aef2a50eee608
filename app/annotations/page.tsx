import { AnnotationsPage } from "@/components/annotations/AnnotationsPage";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ label?: string; run?: string; cursor?: string }> }) {
  return <AnnotationsPage {...await searchParams} />;
}
