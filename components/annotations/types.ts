/** What the annotation widgets need about labels and existing annotations (plain data from the server). */
export interface LabelOption {
  id: string;
  name: string;
  color: string;
  description?: string | null;
}

export interface AnnotationView {
  id: string;
  turnIndex: number | null;
  note: string | null;
  createdAt: string | Date;
  authorId: string | null;
  author: { email: string; name: string | null } | null;
  labels: { id: string; name: string; color: string }[];
}
