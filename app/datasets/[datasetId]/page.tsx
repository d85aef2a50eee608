import { DatasetPage } from "@/components/datasets/DatasetPage";

export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ datasetId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ datasetId }, search] = await Promise.all([params, searchParams]);
  return <DatasetPage datasetId={datasetId} searchParams={search} />;
}
