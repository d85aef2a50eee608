import { CheckpointsPage } from "@/components/compare/CheckpointsPage";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  return <CheckpointsPage run={(await searchParams).run} />;
}
