import { QueuePage } from "@/components/annotations/QueuePage";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <QueuePage searchParams={await searchParams} />;
}
