import { RunPage } from "@/components/run/RunPage";

export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ runId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ runId }, search] = await Promise.all([params, searchParams]);
  return <RunPage runId={runId} searchParams={search} />;
}
