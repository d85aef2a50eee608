import { DatasetsPage } from "@/components/datasets/DatasetsPage";

export const dynamic = "force-dynamic";

export default function Page() {
  return <DatasetsPage />;
}
