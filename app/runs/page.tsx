import { RunsPage } from "@/components/runs/RunsPage";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <RunsPage searchParams={await searchParams} />;
}
