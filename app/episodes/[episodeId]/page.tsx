import { EpisodePage } from "@/components/episode/EpisodePage";

export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ episodeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ episodeId }, search] = await Promise.all([params, searchParams]);
  return <EpisodePage episodeId={episodeId} searchParams={search} />;
}
